#include <fmt/format.h>

#include "lang/integrations.h"
#include "rules/asl/task_resources.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUnknownServiceIntegration;

namespace {

std::string sdk_alternative(std::string_view service, std::string_view api) {
  return fmt::format(
      "other AWS APIs are called through the AWS SDK integration, as in "
      "arn:aws:states:::aws-sdk:{}:{}",
      service, api);
}

void report_unknown_service(const TaskResourceRef& ref, DiagnosticSink& sink) {
  const lang::TaskResource& resource = ref.resource;
  const std::vector<std::string_view> services = lang::optimized_services();
  const std::string_view near = text::closest_match(resource.service.text, services);
  sink.report_at(kUnknownServiceIntegration, ref.span(resource.service), ref.node->json_pointer(),
                 fmt::format("{} is not a service with an optimized integration",
                             text::json_quote(resource.service.text)))
      .help(near.empty() ? sdk_alternative(resource.service.text, resource.name.text)
                         : fmt::format("did you mean \"{}\"?", near));
}

void report_unknown_api(const TaskResourceRef& ref, DiagnosticSink& sink) {
  const lang::TaskResource& resource = ref.resource;
  const std::vector<std::string_view> apis = lang::optimized_apis(resource.service.text);
  const std::string_view near = text::closest_match(resource.name.text, apis);
  sink.report_at(kUnknownServiceIntegration, ref.span(resource.name), ref.node->json_pointer(),
                 fmt::format("{} has no optimized integration for {}", resource.service.text,
                             text::json_quote(resource.name.text)))
      .help(near.empty() ? sdk_alternative(resource.service.text, resource.name.text)
                         : fmt::format("did you mean \"{}\"?", near));
}

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  for_each_task_resource(state, [&](const TaskResourceRef& ref) {
    const lang::TaskResource& resource = ref.resource;
    // Lambda integrations are LMB014's (unsupported-integration-pattern).
    if (resource.kind != lang::ResourceKind::ServiceIntegration ||
        resource.service.text == "lambda") {
      return;
    }
    if (!lang::is_optimized_service(resource.service.text)) {
      report_unknown_service(ref, sink);
    } else if (!lang::find_optimized_api(resource.service.text, resource.name.text)) {
      report_unknown_api(ref, sink);
    }
  });
}

}  // namespace

const Rule kUnknownServiceIntegration{
    {"ASL403", "unknown-service-integration", Severity::Warning, kAsl,
     "An optimized integration (arn:aws:states:::SERVICE:API) that Step Functions does not have"},
    nullptr,
    &check_each_state};

}  // namespace wflint::rules
