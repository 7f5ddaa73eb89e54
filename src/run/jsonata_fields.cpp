#include "run/jsonata_fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "jsonata/eval/evaluator.h"
#include "jsonata/parser.h"
#include "load/node.h"
#include "run/execution.h"
#include "run/jsonata_values.h"
#include "run/uuid.h"

namespace wflint::run {

namespace {

constexpr std::string_view kOpen = "{%";
constexpr std::string_view kClose = "%}";

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

RunError query_error(std::string cause) {
  return RunError{"States.QueryEvaluationError", std::move(cause)};
}

std::string expression_prefix(std::string_view expression, std::string_view path) {
  return fmt::format("The JSONata expression '{}' specified for the field '{}'", expression, path);
}

bool has_type(const Json& value, std::string_view type) {
  if (type == "integer") {
    return value.is_number_integer() || value.is_number_unsigned() ||
           (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>());
  }
  return jsonata_type_name(value) == type;
}

constexpr std::array<std::string_view, 4> kStatesMembers = {"input", "context", "result",
                                                            "errorOutput"};

// The members of $states an expression reads: those named right after it ($states.input...),
// or all of them when $states is used whole.
std::vector<std::string_view> states_members_read(const jsonata::Ast& ast) {
  std::vector<std::string_view> names;
  const auto add = [&names](std::string_view name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  };
  std::vector<bool> first_steps(ast.size(), false);
  for (const jsonata::AstNode& node : ast.nodes()) {
    if (node.kind != jsonata::NodeKind::kPath || node.children.size() < 2) continue;
    const jsonata::AstNode& first = ast.node(node.children[0]);
    const jsonata::AstNode& second = ast.node(node.children[1]);
    if (first.kind != jsonata::NodeKind::kVariable || first.text != "states") continue;
    if (second.kind != jsonata::NodeKind::kName) continue;
    first_steps[node.children[0]] = true;
    add(second.text);
  }
  for (uint32_t i = 0; i < ast.size(); ++i) {
    const jsonata::AstNode& node = ast.node(i);
    if (node.kind == jsonata::NodeKind::kVariable && node.text == "states" && !first_steps[i]) {
      for (const std::string_view member : kStatesMembers)
        add(member);
    }
  }
  return names;
}

}  // namespace

bool is_jsonata_expression_text(std::string_view text) {
  return text.size() >= kOpen.size() + kClose.size() && text.starts_with(kOpen) &&
         text.ends_with(kClose);
}

JsonataFields::JsonataFields(Execution& execution, const Variables& variables, const Json& input)
    : execution_(execution), variables_(variables), input_(input) {}

void JsonataFields::set_result(const Json& result) {
  result_ = &result;
  converted_.erase("result");
}

void JsonataFields::set_error_output(const Json& error_output) {
  error_output_ = &error_output;
  converted_.erase("errorOutput");
}

Outcome<Json> JsonataFields::value(const Node& field, std::string_view name) {
  std::string path(name);
  return evaluate_template(field, path);
}

Outcome<Json> JsonataFields::typed_value(const Node& field, std::string_view name,
                                         std::string_view type) {
  auto computed = value(field, name);
  if (!computed.ok() || has_type(computed.value(), type)) return computed;
  const std::string_view expected = type == "integer" ? "number" : type;
  const std::string shown = field.is_string() && is_jsonata_expression_text(field.text())
                                ? std::string(trim(field.text().substr(
                                      2, field.text().size() - kOpen.size() - kClose.size())))
                                : to_text(from_node(field));
  return query_error(fmt::format(
      "{} returned an unexpected result type. Expected '{}', but was '{}' for value: {}",
      expression_prefix(shown, name), expected, jsonata_type_name(computed.value()),
      to_text(computed.value())));
}

Outcome<Json> JsonataFields::assignments(const Node& assign) {
  Json values = Json::object();
  for (const Node& member : assign.children()) {
    std::string path = fmt::format("Assign/{}", member.key());
    auto computed = evaluate_template(member, path);
    if (!computed.ok()) return computed;
    values[std::string(member.key())] = std::move(computed.value());
  }
  return values;
}

Outcome<Json> JsonataFields::evaluate_template(const Node& node, std::string& path) {
  if (node.is_string() && is_jsonata_expression_text(node.text())) {
    const std::string_view text = node.text();
    return evaluate_expression(
        text.substr(kOpen.size(), text.size() - kOpen.size() - kClose.size()), path);
  }
  if (node.is_object() || node.is_array()) {
    Json out = node.is_object() ? Json::object() : Json::array();
    std::size_t index = 0;
    for (const Node& child : node.children()) {
      const std::size_t length = path.size();
      path += '/';
      path += node.is_object() ? std::string(child.key()) : std::to_string(index++);
      auto computed = evaluate_template(child, path);
      path.resize(length);
      if (!computed.ok()) return computed;
      if (node.is_object()) {
        out[std::string(child.key())] = std::move(computed.value());
      } else {
        out.push_back(std::move(computed.value()));
      }
    }
    return out;
  }
  return from_node(node);
}

Outcome<Json> JsonataFields::evaluate_expression(std::string_view expression,
                                                 const std::string& path) {
  const std::string_view shown = trim(expression);
  auto prepared = execution_.jsonata_expression(expression);
  if (!prepared.ok()) {
    return query_error(fmt::format("{} could not be parsed: {}", expression_prefix(shown, path),
                                   prepared.error().cause));
  }
  jsonata::EvaluationOptions options;
  options.now_millis = static_cast<double>(execution_.now() / 1'000'000);
  options.random = [this] {
    return std::uniform_real_distribution<double>(0.0, 1.0)(execution_.random());
  };
  options.uuid = [this] { return random_uuid(execution_.random()); };
  const jsonata::EvaluationResult result = jsonata::evaluate(
      prepared.value()->compiled, jsonata::Value(), bindings_for(*prepared.value()), options);
  if (result.error) {
    return query_error(fmt::format("{} threw an error during evaluation. {}: {}",
                                   expression_prefix(shown, path), result.error->code,
                                   result.error->message));
  }
  if (result.value.is_undefined()) {
    return query_error(
        fmt::format("{} returned nothing (undefined).", expression_prefix(shown, path)));
  }
  std::optional<Json> json = from_jsonata(result.value);
  if (!json) {
    return query_error(
        fmt::format("{} returned an unsupported result type.", expression_prefix(shown, path)));
  }
  return std::move(*json);
}

PreparedExpression prepare_expression(std::shared_ptr<const jsonata::Ast> ast) {
  PreparedExpression prepared;
  prepared.compiled = jsonata::compile(ast);
  prepared.states_members = states_members_read(*ast);
  for (const jsonata::AstNode& node : ast->nodes()) {
    if (node.kind != jsonata::NodeKind::kVariable || node.text.empty() || node.text == "states" ||
        node.text == "$")
      continue;
    if (std::find(prepared.variables.begin(), prepared.variables.end(), node.text) ==
        prepared.variables.end())
      prepared.variables.push_back(node.text);
  }
  prepared.ast = std::move(ast);
  return prepared;
}

// The frame an expression runs in: $states, and the state machine variables it names.
std::shared_ptr<jsonata::Environment> JsonataFields::bindings_for(
    const PreparedExpression& expression) {
  auto bindings = std::make_shared<jsonata::Environment>(jsonata::step_functions_library());
  bindings->bind("states", states_for(expression));
  for (const std::string& name : expression.variables) {
    if (const Json* variable = variables_.find(name)) bindings->bind(name, to_jsonata(*variable));
  }
  return bindings;
}

// $states with the members the expression names: converting the context and the input for
// every item of a large Map would cost more than the evaluation.
jsonata::Value JsonataFields::states_for(const PreparedExpression& expression) {
  jsonata::Object states;
  for (const std::string_view name : expression.states_members) {
    const Json* source = name == "input"         ? &input_
                         : name == "context"     ? &execution_.context()
                         : name == "result"      ? result_
                         : name == "errorOutput" ? error_output_
                                                 : nullptr;
    if (source == nullptr) continue;
    const jsonata::Value* done = converted_.find(name);
    if (done == nullptr) {
      converted_.set(name, name == "context" ? execution_.context_value() : to_jsonata(*source));
      done = converted_.find(name);
    }
    states.set(name, *done);
  }
  return jsonata::Value::object(std::move(states));
}

}  // namespace wflint::run
