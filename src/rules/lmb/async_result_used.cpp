#include <fmt/format.h>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kAsyncResultUsed;

namespace {

void report_read(const analysis::ResultRead& read, const CheckContext& ctx, DiagnosticSink& sink) {
  const analysis::LambdaCall* call = ctx.lambda_calls->of(*read.producer);
  const std::string_view invocation_type =
      call ? call->literal_string("InvocationType").value_or("Event") : "Event";
  const std::string_view reader = read.reader == read.producer ? "its own result" : "the result";
  auto finding = sink.report_at(
      kAsyncResultUsed, read.span(), read.value->json_pointer(),
      fmt::format("reads the Payload of {} of \"{}\", an InvocationType {} invoke: Lambda returns "
                  "no function output to {} invokes, so the Payload is always empty",
                  reader, read.producer->name, invocation_type,
                  invocation_type == "DryRun" ? "DryRun" : "asynchronous"));
  if (call) {
    if (const Node* type = call->parameter("InvocationType"))
      finding.related(type->span(), "the invocation type is set here");
  }
  finding.help(
      "to use the function's output, invoke it with \"InvocationType\": \"RequestResponse\" (the "
      "default); otherwise stop reading Payload");
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  if (!ctx.data_flow || !ctx.lambda_calls) return;
  for (const analysis::ResultRead& read : ctx.data_flow->result_reads()) {
    if (read.produced == analysis::Producer::AsyncEnvelope) report_read(read, ctx, sink);
  }
}

}  // namespace

const Rule kAsyncResultUsed{{"LMB007", "async-result-used", Severity::Error, kAsl,
                             "The Payload of an Event or DryRun invoke read afterwards: it is "
                             "always empty"},
                            &check};

}  // namespace wflint::rules
