#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "load/load_problem.h"
#include "load/node.h"

namespace wflint {

// Builds a Document's node tree from parse events, whatever the syntax: values in source order,
// each container's children stored contiguously, parent links, duplicate-key detection and a
// nesting limit. The JSON and YAML loaders both feed it.
class TreeBuilder {
 public:
  static constexpr std::size_t kMaxDepth = 1000;
  static constexpr std::size_t kMaxAliasNodes = 1'000'000;

  TreeBuilder(Document& document, std::vector<LoadProblem>& problems);

  // The key of the next value (inside an object). `decoded` must outlive the document or point
  // into the source; use Document::keep otherwise.
  void key(std::string_view decoded, uint32_t begin, uint32_t end);
  void scalar(NodeKind kind, std::string_view text, uint32_t begin, uint32_t end,
              bool bool_value = false, std::string_view tag = {});
  // Opens an object or array. Returns false, and records a problem, past the nesting limit.
  bool open(NodeKind kind, uint32_t begin, std::string_view tag = {});
  void close(uint32_t end);

  std::size_t depth() const { return frames_.size() - 1; }
  bool in_object() const { return frames_.back().kind == NodeKind::Object; }
  // The most recently completed value, copied so that it stays valid (its children are final).
  const Node* keep_last_value();
  // Adds a copy of `value` (a YAML alias). Returns false, and records a problem at `at`, when the
  // copies of this document would exceed kMaxAliasNodes.
  bool add_copy(const Node& value, Span at);
  // End offset of the most recently completed value.
  uint32_t last_end() const { return last_end_; }

  // The root, with every link final; nullptr when no value was added.
  const Node* finish();

 private:
  struct PendingKey {
    std::string_view text;
    uint32_t begin = 0;
    uint32_t end = 0;
    bool set = false;
  };
  struct Frame {
    NodeKind kind;
    uint32_t begin;
    std::size_t first_child;
    PendingKey key;
    std::string_view tag;
  };

  Node& push_node(NodeKind kind, uint32_t begin, uint32_t end, std::string_view tag);
  const Node* place_children(std::size_t first, std::size_t count);
  void report_duplicate_keys(const Node* members, std::size_t count);

  Document& document_;
  std::vector<LoadProblem>& problems_;
  std::vector<Node> scratch_;  // completed values whose containers are still open
  std::vector<Frame> frames_;  // frames_[0] collects the root
  PendingKey pending_key_;
  uint32_t last_end_ = 0;
  std::size_t alias_nodes_ = 0;
};

}  // namespace wflint
