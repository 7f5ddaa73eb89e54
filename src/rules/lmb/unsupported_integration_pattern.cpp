#include <fmt/format.h>

#include <array>

#include "analysis/path_fields.h"
#include "rules/lmb/invoke_parameters.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUnsupportedLambdaIntegrationPattern;

namespace {

constexpr std::string_view kLambdaIntegration = ":states:::lambda:";
constexpr std::array<std::string_view, 1> kLambdaApis{"invoke"};

void report_pattern(const Node& resource, uint32_t offset, std::string_view suffix,
                    DiagnosticSink& sink) {
  sink.report_at(
          kUnsupportedLambdaIntegrationPattern,
          resource.text_span(offset, static_cast<uint32_t>(suffix.size())), resource.json_pointer(),
          fmt::format("lambda:invoke does not support the {} pattern", text::json_quote(suffix)))
      .help(fmt::format(
          "remove \"{}\": arn:aws:states:::lambda:invoke already waits for the function to "
          "return; its only suffix is .waitForTaskToken, to wait for a callback",
          suffix));
}

void report_api(const Node& resource, uint32_t offset, std::string_view api, DiagnosticSink& sink) {
  const std::string_view near = text::closest_match(api, kLambdaApis);
  sink.report_at(kUnsupportedLambdaIntegrationPattern,
                 resource.text_span(offset, static_cast<uint32_t>(api.size())),
                 resource.json_pointer(),
                 fmt::format("Step Functions has no lambda:{} integration", api))
      .help(near.empty()
                ? fmt::format("call functions through arn:aws:states:::lambda:invoke, and other "
                              "Lambda APIs through arn:aws:states:::aws-sdk:lambda:{}",
                              api)
                : fmt::format("did you mean \"{}\"?", near));
}

void check_each_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  const analysis::LambdaCall* call = lmb::lambda_call_of(ctx, state);
  if (!call || call->kind != analysis::LambdaCallKind::OtherIntegration) return;
  const std::string_view text = call->resource->text();
  const std::size_t at = text.find(kLambdaIntegration);
  if (at == std::string_view::npos) return;
  const std::size_t api_start = at + kLambdaIntegration.size();
  const std::string_view rest = text.substr(api_start);
  if (analysis::has_placeholder(rest)) return;  // the API itself is filled in later
  const std::size_t dot = rest.find('.');
  const std::string_view api = rest.substr(0, dot);
  if (api != "invoke") {
    report_api(*call->resource, static_cast<uint32_t>(api_start), api, sink);
  } else if (dot != std::string_view::npos) {
    report_pattern(*call->resource, static_cast<uint32_t>(api_start + dot), rest.substr(dot), sink);
  }
}

}  // namespace

const Rule kUnsupportedLambdaIntegrationPattern{
    {"LMB014", "unsupported-integration-pattern", Severity::Error, kAsl,
     "lambda:invoke.sync, .sync:2, or an unknown lambda API or suffix"},
    nullptr,
    &check_each_state};

}  // namespace wflint::rules
