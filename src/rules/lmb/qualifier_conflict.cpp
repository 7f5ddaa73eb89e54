#include <fmt/format.h>

#include "rules/lmb/invoke_parameters.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kQualifierConflict;

namespace {

void check_each_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  const analysis::LambdaCall* call = lmb::invoke_request_of(ctx, state);
  if (!call) return;
  const std::optional<std::string_view> qualifier = lmb::known_string(*call, "Qualifier");
  const std::optional<std::string_view> function = lmb::known_string(*call, "FunctionName");
  if (!qualifier || !function) return;
  const lmb::FunctionNameRef parsed = lmb::parse_function_name(*function);
  if (parsed.error || parsed.placeholder || parsed.qualifier.empty()) return;
  if (parsed.qualifier.text == *qualifier) return;
  const Node& function_name = *call->arguments->find("FunctionName");
  sink.report(kQualifierConflict, *call->arguments->find("Qualifier"),
              fmt::format("Qualifier \"{}\" conflicts with \"{}\", the version or alias "
                          "FunctionName already names",
                          *qualifier, parsed.qualifier.text))
      .related(function_name.text_span(parsed.qualifier.offset, parsed.qualifier.length()),
               fmt::format("FunctionName names \"{}\" here", parsed.qualifier.text))
      .help(fmt::format("Lambda rejects the request: keep one, remove Qualifier or \":{}\" from "
                        "FunctionName",
                        parsed.qualifier.text));
}

}  // namespace

const Rule kQualifierConflict{
    {"LMB012", "qualifier-conflict", Severity::Error, kAsl,
     "Qualifier given while FunctionName already names another version or alias"},
    nullptr,
    &check_each_state};

}  // namespace wflint::rules
