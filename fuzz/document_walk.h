#pragma once

#include <vector>

#include "fuzz_support.h"
#include "load/loaded_document.h"
#include "load/node.h"

namespace wflint::fuzz {

// Visits every node of every loaded document (iteratively: trees may be deep) and locates its
// span and its key's span, which must lie inside the file the node came from.
inline void walk_documents(const std::vector<LoadedDocument>& documents) {
  for (const LoadedDocument& loaded : documents) {
    for (const LoadProblem& problem : loaded.problems) {
      require(problem.span.valid(), "a problem has a span");
      const Location location = locate(problem.span);
      require(location.begin_offset <= location.end_offset, "a problem's span is ordered");
    }
    if (!loaded.document || !loaded.document->root()) continue;
    std::vector<const Node*> pending{loaded.document->root()};
    while (!pending.empty()) {
      const Node* node = pending.back();
      pending.pop_back();
      const Span span = node->span();
      require(span.begin <= span.end, "a node's span is ordered");
      require_inside(span.begin, span.end - span.begin, span.source->text().size(),
                     "a node's span lies in its source");
      const Location location = locate(node->key_span());
      require(location.begin_offset <= location.end_offset, "a key's span is ordered");
      for (const Node& child : node->children())
        pending.push_back(&child);
    }
  }
}

}  // namespace wflint::fuzz
