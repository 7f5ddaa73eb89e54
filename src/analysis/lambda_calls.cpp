#include "analysis/lambda_calls.h"

#include <string>

#include "analysis/path_fields.h"

namespace wflint::analysis {
namespace {

constexpr std::string_view kInvokeIntegration = ":states:::lambda:";

// For a Resource with ${...} placeholders: what its constant text says it calls.
std::optional<LambdaCallKind> kind_of_template(std::string_view text, lang::TaskResource& parsed) {
  if (const std::size_t at = text.find(kInvokeIntegration); at != std::string_view::npos) {
    const std::string_view api = text.substr(at + kInvokeIntegration.size());
    if (api == "invoke") return LambdaCallKind::OptimizedInvoke;
    if (api == "invoke.waitForTaskToken") {
      parsed.pattern = lang::IntegrationPattern::WaitForTaskToken;
      return LambdaCallKind::CallbackInvoke;
    }
    return LambdaCallKind::OtherIntegration;
  }
  if (text.starts_with("arn:") && text.find(":lambda:") != std::string_view::npos &&
      text.find(":function:") != std::string_view::npos) {
    if (text.ends_with(".waitForTaskToken")) {
      parsed.pattern = lang::IntegrationPattern::WaitForTaskToken;
    } else if (text.ends_with(".sync")) {
      parsed.pattern = lang::IntegrationPattern::Sync;
    } else if (text.ends_with(".sync:2")) {
      parsed.pattern = lang::IntegrationPattern::Sync2;
    }
    return LambdaCallKind::FunctionArn;
  }
  return std::nullopt;
}

std::optional<LambdaCallKind> kind_of(const lang::TaskResource& parsed) {
  using lang::ResourceKind;
  if (parsed.kind == ResourceKind::LambdaFunction) return LambdaCallKind::FunctionArn;
  if (parsed.kind != ResourceKind::ServiceIntegration || parsed.service.text != "lambda")
    return std::nullopt;
  if (parsed.name.text != "invoke") return LambdaCallKind::OtherIntegration;
  switch (parsed.pattern) {
    case lang::IntegrationPattern::RequestResponse:
      return LambdaCallKind::OptimizedInvoke;
    case lang::IntegrationPattern::WaitForTaskToken:
      return LambdaCallKind::CallbackInvoke;
    case lang::IntegrationPattern::Sync:
    case lang::IntegrationPattern::Sync2:
      break;
  }
  return LambdaCallKind::OtherIntegration;
}

std::optional<LambdaCall> lambda_call(const asl::State& state) {
  if (state.type != "Task") return std::nullopt;
  const Node* resource = state.field("Resource");
  if (!resource || !resource->is_string() || !resource->tag().empty()) return std::nullopt;
  LambdaCall call;
  call.state = &state;
  call.resource = resource;
  call.resource_has_placeholder = has_placeholder(resource->text());
  std::optional<LambdaCallKind> kind;
  if (call.resource_has_placeholder) {
    kind = kind_of_template(resource->text(), call.parsed);
  } else {
    call.parsed = lang::parse_task_resource(resource->text());
    kind = kind_of(call.parsed);
  }
  if (!kind) return std::nullopt;
  call.kind = *kind;
  call.arguments = state.field(state.jsonata ? "Arguments" : "Parameters");
  return call;
}

}  // namespace

const Node* LambdaCall::parameter(std::string_view name) const {
  if (!arguments || !arguments->is_object()) return nullptr;
  if (const Node* plain = arguments->find(name)) return plain;
  if (jsonata()) return nullptr;
  return arguments->find(std::string(name) + ".$");
}

std::optional<std::string_view> LambdaCall::literal_string(std::string_view name) const {
  if (!arguments || !arguments->is_object()) return std::nullopt;
  const Node* value = arguments->find(name);
  if (!value || !value->is_string() || !value->tag().empty()) return std::nullopt;
  const std::string_view text = value->text();
  if (has_placeholder(text) || is_jsonata_expression(text)) return std::nullopt;
  return text;
}

LambdaCalls::LambdaCalls(const asl::StateMachine& machine) {
  for (const asl::Scope& scope : machine.scopes()) {
    for (const asl::State& state : scope.states()) {
      if (std::optional<LambdaCall> call = lambda_call(state)) {
        index_.emplace(&state, calls_.size());
        calls_.push_back(std::move(*call));
      }
    }
  }
}

const LambdaCall* LambdaCalls::of(const asl::State& state) const {
  const auto found = index_.find(&state);
  return found == index_.end() ? nullptr : &calls_[found->second];
}

}  // namespace wflint::analysis
