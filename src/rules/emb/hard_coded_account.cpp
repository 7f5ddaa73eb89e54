#include <fmt/format.h>

#include "model/embed/embedding.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kHardCodedAccount;

namespace {

void report_literals(const CheckContext& ctx, const Node& node, std::string_view arn,
                     DiagnosticSink& sink) {
  const lang::TaskResource parsed = lang::parse_task_resource(arn);
  if (parsed.kind != lang::ResourceKind::LambdaFunction) return;
  const embed::EmbeddedDefinition& definition = *ctx.embedded;
  for (const lang::Segment* segment : {&parsed.account, &parsed.region}) {
    const bool account = segment == &parsed.account;
    if (account ? !lang::is_account_id(segment->text) : !lang::is_aws_region(segment->text))
      continue;
    sink.report_at(kHardCodedAccount, node.text_span(segment->offset, segment->length()),
                   node.json_pointer(),
                   fmt::format("the function ARN names {} {} literally: deployed to another {} "
                               "the state machine still calls this one",
                               account ? "account" : "region", segment->text,
                               account ? "account" : "region"))
        .help(definition.account_reference_hint);
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  if (!ctx.embedded || !ctx.embedded->has_account_references || !ctx.lambda_calls) return;
  for (const analysis::LambdaCall& call : ctx.lambda_calls->all()) {
    if (call.kind == analysis::LambdaCallKind::FunctionArn) {
      report_literals(ctx, *call.resource, call.resource->text(), sink);
      continue;
    }
    const std::optional<std::string_view> function = call.literal_string("FunctionName");
    if (function && function->starts_with("arn:"))
      report_literals(ctx, *call.parameter("FunctionName"), *function, sink);
  }
}

}  // namespace

const Rule kHardCodedAccount{{"EMB004", "hard-coded-account", Severity::Info, kAsl,
                              "A literal account id or region in a function ARN of a definition "
                              "whose template can name them"},
                             &check,
                             nullptr,
                             false,
                             {},
                             true};

}  // namespace wflint::rules
