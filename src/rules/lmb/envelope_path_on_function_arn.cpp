#include <fmt/format.h>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kEnvelopePathOnFunctionArn;

namespace {

// Fields of the optimized integration's Invoke envelope that a function's own output is
// unlikely to hold.
bool is_envelope_field(std::string_view field) {
  return field == "Payload" || field == "StatusCode" || field == "SdkHttpMetadata";
}

void report_read(const analysis::ResultRead& read, const CheckContext& ctx, DiagnosticSink& sink) {
  const std::string_view reader = read.reader == read.producer ? "its own result" : "the result";
  auto finding = sink.report_at(
      kEnvelopePathOnFunctionArn, read.span(), read.value->json_pointer(),
      fmt::format("reads \"{}\" of {} of \"{}\", which calls a function ARN directly: that result "
                  "is the function's output alone, without the Invoke envelope (Payload, "
                  "StatusCode, SdkHttpMetadata) of arn:aws:states:::lambda:invoke",
                  read.field, reader, read.producer->name));
  if (const analysis::LambdaCall* call = ctx.lambda_calls->of(*read.producer);
      call && call->resource)
    finding.related(call->resource->span(), "the function ARN is called here");
  finding.help(
      read.field == "Payload"
          ? "read the function's output directly (drop \".Payload\" from the path), or call it "
            "through \"arn:aws:states:::lambda:invoke\" with \"FunctionName\""
          : fmt::format("the function's output has no \"{}\" unless the function returns one; "
                        "call it through \"arn:aws:states:::lambda:invoke\" with \"FunctionName\" "
                        "to get the envelope",
                        read.field));
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  if (!ctx.data_flow || !ctx.lambda_calls) return;
  for (const analysis::ResultRead& read : ctx.data_flow->result_reads()) {
    if (read.produced == analysis::Producer::FunctionOutput && is_envelope_field(read.field))
      report_read(read, ctx, sink);
  }
}

}  // namespace

const Rule kEnvelopePathOnFunctionArn{
    {"LMB008", "envelope-path-on-function-arn", Severity::Warning, kAsl,
     "A plain function ARN task whose result is read as if it were the Invoke envelope"},
    &check};

}  // namespace wflint::rules
