#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "rules/asl/error_handlers.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kUnreachableErrorHandler;

namespace {

// An entry every one of whose error names an earlier entry already handles never runs: the first
// matching retrier or catcher always wins. (An entry after States.ALL is ASL302's.)
void check_list(const Node& list, DiagnosticSink& sink) {
  const std::string_view kind = list.key() == "Retry" ? "retrier" : "catcher";
  std::unordered_set<std::string_view> handled;
  std::unordered_map<std::string_view, const Node*> first_entry;
  for (const Node& entry : list.children()) {
    const std::vector<const Node*> names = error_names(entry);
    if (handled.count("States.ALL")) return;
    const bool dead = !names.empty() && std::all_of(names.begin(), names.end(), [&](const Node* n) {
      return handled.count(n->text()) > 0;
    });
    if (dead) {
      sink.report(kUnreachableErrorHandler, *entry.find("ErrorEquals"),
                  fmt::format("this {} never runs: an earlier {} handles all of its errors", kind,
                              kind))
          .related(first_entry[names.front()->text()]->span(),
                   fmt::format("\"{}\" is handled here first", names.front()->text()))
          .help(fmt::format("merge it into the earlier {} or remove it", kind));
    }
    for (const Node* name : names) {
      if (handled.insert(name->text()).second) first_entry[name->text()] = &entry;
    }
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for_each_handler_list(*ctx.state_machine,
                        [&](const asl::State&, const Node& list) { check_list(list, sink); });
}

}  // namespace

const Rule kUnreachableErrorHandler{{"ASL303", "unreachable-error-handler", Severity::Warning, kAsl,
                                     "A retrier or catcher whose errors earlier entries all "
                                     "handle"},
                                    &check};

}  // namespace wflint::rules
