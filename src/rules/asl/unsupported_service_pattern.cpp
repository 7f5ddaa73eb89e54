#include <fmt/format.h>

#include "lang/integrations.h"
#include "rules/asl/task_resources.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kUnsupportedIntegrationPattern;

namespace {

bool waits_for_job(lang::IntegrationPattern pattern) {
  return pattern == lang::IntegrationPattern::Sync || pattern == lang::IntegrationPattern::Sync2;
}

std::string optimized_help(const lang::OptimizedApi& api, lang::IntegrationPattern pattern) {
  if (pattern == lang::IntegrationPattern::Sync2 && api.supports(lang::IntegrationPattern::Sync))
    return "did you mean \".sync\"? only states:startExecution has .sync:2";
  return fmt::format("{}:{} supports {}", api.service, api.api,
                     lang::describe_patterns(api.patterns));
}

void check_optimized(const TaskResourceRef& ref, DiagnosticSink& sink) {
  const lang::TaskResource& resource = ref.resource;
  // Lambda's patterns have rules of their own (the LMB family).
  if (resource.service.text == "lambda") return;
  const lang::OptimizedApi* api =
      lang::find_optimized_api(resource.service.text, resource.name.text);
  if (!api || api->supports(resource.pattern)) return;
  sink.report_at(kUnsupportedIntegrationPattern, ref.span(resource.suffix),
                 ref.node->json_pointer(),
                 fmt::format("{}:{} does not support the {} pattern", api->service, api->api,
                             lang::to_string(resource.pattern)))
      .help(optimized_help(*api, resource.pattern));
}

std::string sdk_help(const lang::TaskResource& resource) {
  const lang::OptimizedApi* api =
      lang::find_optimized_api(resource.service.text, resource.name.text);
  if (api && api->supports(lang::IntegrationPattern::Sync)) {
    return fmt::format("the optimized integration arn:aws:states:::{}:{}.sync waits for the job",
                       api->service, api->api);
  }
  return "remove the suffix, and poll for completion with a Wait and a Choice state";
}

void check_sdk(const TaskResourceRef& ref, DiagnosticSink& sink) {
  const lang::TaskResource& resource = ref.resource;
  if (!waits_for_job(resource.pattern)) return;
  sink.report_at(kUnsupportedIntegrationPattern, ref.span(resource.suffix),
                 ref.node->json_pointer(),
                 fmt::format("AWS SDK integrations do not support the {} pattern",
                             lang::to_string(resource.pattern)))
      .help(sdk_help(resource));
}

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  for_each_task_resource(state, [&](const TaskResourceRef& ref) {
    if (ref.resource.kind == lang::ResourceKind::ServiceIntegration) check_optimized(ref, sink);
    if (ref.resource.kind == lang::ResourceKind::SdkIntegration) check_sdk(ref, sink);
  });
}

}  // namespace

const Rule kUnsupportedIntegrationPattern{
    {"ASL402", "unsupported-service-pattern", Severity::Error, kAsl,
     "A .sync, .sync:2 or .waitForTaskToken suffix the integration does not support"},
    nullptr,
    &check_each_state};

}  // namespace wflint::rules
