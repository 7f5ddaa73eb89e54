#include <fmt/format.h>

#include "rules/asl/error_handlers.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kInvalidErrorEquals;

namespace {

std::string_view entry_kind(const Node& list) {
  return list.key() == "Retry" ? "retrier" : "catcher";
}

void check_entry(const Node& list, const Node& entry, DiagnosticSink& sink) {
  if (!entry.is_object()) {
    sink.report(kInvalidErrorEquals, entry,
                fmt::format("a {} must be an object with ErrorEquals", entry_kind(list)));
    return;
  }
  const Node* errors = entry.find("ErrorEquals");
  if (!errors) {
    sink.report_at(kInvalidErrorEquals, entry.span(), entry.json_pointer_of_member("ErrorEquals"),
                   fmt::format("this {} has no \"ErrorEquals\"", entry_kind(list)))
        .help("list the error names it handles, e.g. \"ErrorEquals\": [\"States.ALL\"]");
  } else if (!errors->is_array()) {
    sink.report(kInvalidErrorEquals, *errors, "\"ErrorEquals\" must be an array of error names");
  } else if (errors->size() == 0) {
    sink.report(kInvalidErrorEquals, *errors,
                fmt::format("\"ErrorEquals\" is empty: this {} never matches", entry_kind(list)))
        .help("list at least one error name");
  } else {
    for (const Node& name : errors->children()) {
      if (!name.is_string()) {
        sink.report(kInvalidErrorEquals, name, "error names in \"ErrorEquals\" must be strings");
      }
    }
  }
}

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  for_each_handler_list(state, [&](const asl::State&, const Node& list) {
    for (const Node& entry : list.children())
      check_entry(list, entry, sink);
  });
}

}  // namespace

const Rule kInvalidErrorEquals{{"ASL301", "invalid-error-equals", Severity::Error, kAsl,
                                "A retrier or catcher without a non-empty ErrorEquals of strings"},
                               nullptr,
                               &check_each_state};

}  // namespace wflint::rules
