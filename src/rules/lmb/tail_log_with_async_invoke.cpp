#include <fmt/format.h>

#include "rules/lmb/invoke_parameters.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kTailLogWithAsyncInvoke;

namespace {

void check_each_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  const analysis::LambdaCall* call = lmb::invoke_request_of(ctx, state);
  if (!call || lmb::known_string(*call, "LogType") != "Tail") return;
  const std::optional<std::string_view> type = lmb::known_string(*call, "InvocationType");
  if (type != "Event" && type != "DryRun") return;
  const Node& invocation_type = *call->arguments->find("InvocationType");
  sink.report(kTailLogWithAsyncInvoke, *call->arguments->find("LogType"),
              fmt::format("LogType \"Tail\" needs a synchronous invoke, but InvocationType is "
                          "\"{}\"",
                          *type))
      .related(invocation_type.span(), fmt::format("InvocationType \"{}\" is here", *type))
      .help(
          "Lambda returns the log tail only in the response of a RequestResponse invoke: "
          "remove LogType, or set InvocationType to \"RequestResponse\"");
}

}  // namespace

const Rule kTailLogWithAsyncInvoke{{"LMB003", "tail-log-with-async-invoke", Severity::Error, kAsl,
                                    "LogType Tail with InvocationType Event or DryRun"},
                                   nullptr,
                                   &check_each_state};

}  // namespace wflint::rules
