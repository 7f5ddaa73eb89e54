#include <fmt/format.h>

#include "rules/asl/error_handlers.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kMisplacedStatesAll;

namespace {

void check_list(const Node& list, DiagnosticSink& sink) {
  const std::string_view kind = list.key() == "Retry" ? "retrier" : "catcher";
  const std::size_t count = list.size();
  for (std::size_t i = 0; i < count; ++i) {
    const Node& entry = list.children()[i];
    const std::vector<const Node*> names = error_names(entry);
    for (const Node* name : names) {
      if (name->text() != "States.ALL") continue;
      if (names.size() > 1) {
        sink.report(kMisplacedStatesAll, *name,
                    "\"States.ALL\" must be the only name in its ErrorEquals")
            .help(
                "States.ALL already matches every other name listed beside it; move those to "
                "an earlier entry if they need different handling");
      }
      if (i + 1 < count) {
        sink.report(kMisplacedStatesAll, *name,
                    fmt::format("the {} with \"States.ALL\" must be the last one", kind))
            .related(list.children()[i + 1].span(), fmt::format("this {} can never match", kind))
            .help(fmt::format("move the States.ALL {} to the end of {}", kind, list.key()));
      }
    }
  }
}

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  for_each_handler_list(state,
                        [&](const asl::State&, const Node& list) { check_list(list, sink); });
}

}  // namespace

const Rule kMisplacedStatesAll{{"ASL302", "misplaced-states-all", Severity::Error, kAsl,
                                "States.ALL not alone in its ErrorEquals, or not in the last "
                                "retrier or catcher"},
                               nullptr,
                               &check_each_state};

}  // namespace wflint::rules
