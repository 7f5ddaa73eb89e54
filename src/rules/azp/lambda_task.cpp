#include "rules/azp/lambda_task.h"

#include "support/text.h"

namespace wflint::rules::azp {

std::optional<std::string_view> literal_input(const azure::TaskStep& step, std::string_view name) {
  const Node* value = step.input(name);
  if (!value || !(value->is_string() || value->is_number()) || !value->tag().empty() ||
      azure::holds_pipeline_expression(value->text())) {
    return std::nullopt;
  }
  return value->text();
}

bool is_set(const azure::TaskStep& step, std::string_view name) {
  const Node* value = step.input(name);
  if (!value || value->is_null()) return false;
  return !value->is_string() || !is_blank(value->text());
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace wflint::rules::azp
