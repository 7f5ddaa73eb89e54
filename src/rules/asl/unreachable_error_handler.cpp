#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "rules/asl/error_handlers.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kUnreachableErrorHandler;

namespace {

// An entry every one of whose error names an earlier entry already handles never runs: the first
// matching retrier or catcher always wins. (An entry after States.ALL is ASL302's.)
void check_list(const Node& list, DiagnosticSink& sink) {
  const std::string_view kind = list.key() == "Retry" ? "retrier" : "catcher";
  // Lists hold a handful of entries: a linear search beats hashing here.
  std::vector<std::pair<std::string_view, const Node*>> handled;  // name, first entry
  auto first_entry = [&](std::string_view name) -> const Node* {
    for (const auto& [seen, entry] : handled) {
      if (seen == name) return entry;
    }
    return nullptr;
  };
  for (const Node& entry : list.children()) {
    if (first_entry("States.ALL")) return;
    const std::vector<const Node*> names = error_names(entry);
    const bool dead = !names.empty() && std::all_of(names.begin(), names.end(), [&](const Node* n) {
      return first_entry(n->text()) != nullptr;
    });
    if (dead) {
      sink.report(kUnreachableErrorHandler, *entry.find("ErrorEquals"),
                  fmt::format("this {} never runs: an earlier {} handles all of its errors", kind,
                              kind))
          .related(first_entry(names.front()->text())->span(),
                   fmt::format("\"{}\" is handled here first", names.front()->text()))
          .help(fmt::format("merge it into the earlier {} or remove it", kind));
    }
    for (const Node* name : names) {
      if (!first_entry(name->text())) handled.emplace_back(name->text(), &entry);
    }
  }
}

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  for_each_handler_list(state,
                        [&](const asl::State&, const Node& list) { check_list(list, sink); });
}

}  // namespace

const Rule kUnreachableErrorHandler{{"ASL303", "unreachable-error-handler", Severity::Warning, kAsl,
                                     "A retrier or catcher whose errors earlier entries all "
                                     "handle"},
                                    nullptr,
                                    &check_each_state};

}  // namespace wflint::rules
