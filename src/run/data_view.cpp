#include "run/data_view.h"

#include <fmt/format.h>

#include "lang/intrinsic.h"
#include "load/node.h"
#include "run/intrinsic_eval.h"
#include "run/jsonpath.h"

namespace wflint::run {

namespace {

RunError invalid_path(std::string_view text, std::string_view why) {
  return RunError{"States.Runtime", fmt::format("Invalid path '{}' : {}", text, why)};
}

// The value a parsed path starts from, or nullptr when its variable is not set.
const Json* root_of(const lang::Path& path, const DataView& view) {
  switch (path.root) {
    case lang::PathRoot::Input:
      return view.data;
    case lang::PathRoot::Context:
      return view.context;
    case lang::PathRoot::Variable:
      return view.variables == nullptr ? nullptr : view.variables->find(path.variable);
  }
  return nullptr;
}

Outcome<Json> read_parsed_path(const lang::Path& path, std::string_view text,
                               const DataView& view) {
  const Json* root = root_of(path, view);
  if (root == nullptr) {
    return invalid_path(text, fmt::format("The variable '{}' is not defined", path.variable));
  }
  auto value = read_path(path, text, *root);
  if (!value.ok()) return invalid_path(text, value.error().cause);
  return value;
}

class TemplateEvaluator {
 public:
  explicit TemplateEvaluator(const DataView& view) : view_(view) {}

  Outcome<Json> evaluate(const Node& node) {
    if (node.is_object()) return evaluate_object(node);
    if (node.is_array()) {
      Json array = Json::array();
      for (const Node& element : node.children()) {
        auto value = evaluate(element);
        if (!value.ok()) return value;
        array.push_back(std::move(value.value()));
      }
      return array;
    }
    return from_node(node);
  }

 private:
  Outcome<Json> evaluate_object(const Node& node) {
    Json object = Json::object();
    for (const Node& member : node.children()) {
      const std::string_view key = member.key();
      if (key.size() > 2 && key.substr(key.size() - 2) == ".$") {
        auto value = evaluate_expression(member);
        if (!value.ok()) return value;
        object[std::string(key.substr(0, key.size() - 2))] = std::move(value.value());
      } else {
        auto value = evaluate(member);
        if (!value.ok()) return value;
        object[std::string(key)] = std::move(value.value());
      }
    }
    return object;
  }

  Outcome<Json> evaluate_expression(const Node& member) {
    if (!member.is_string()) {
      return RunError{"States.Runtime",
                      fmt::format("The value of the field '{}' must be a path or an intrinsic "
                                  "function call",
                                  member.key())};
    }
    const std::string_view text = member.text();
    if (lang::looks_like_intrinsic(text)) {
      IntrinsicEnvironment environment{view_.random, view_.data};
      return evaluate_intrinsic(text, lookup_in(view_), environment);
    }
    const lang::PathResult parsed = lang::parse_path(text);
    if (!parsed.ok()) {
      return RunError{"States.Runtime",
                      fmt::format("The value '{}' of the field '{}' is not a valid JSONPath: {}",
                                  text, member.key(), parsed.error->message)};
    }
    const Json* root = root_of(parsed.path, view_);
    if (root != nullptr) {
      if (is_indefinite(parsed.path)) return read_path(parsed.path, text, *root);
      const auto nodes = select_nodes(parsed.path, text, *root);
      if (!nodes.empty()) return *nodes.front();
    }
    return RunError{"States.Runtime",
                    fmt::format("The JSONPath '{}' specified for the field '{}' could not be "
                                "found in the input '{}'",
                                text, member.key(), to_text(*view_.data))};
  }

  const DataView& view_;
};

}  // namespace

PathLookup lookup_in(const DataView& view) {
  return [view](const lang::Path& path, std::string_view text) -> std::optional<Json> {
    const Json* root = root_of(path, view);
    if (root == nullptr) return std::nullopt;
    if (is_indefinite(path)) return read_path(path, text, *root).value();
    const auto nodes = select_nodes(path, text, *root);
    if (nodes.empty()) return std::nullopt;
    return *nodes.front();
  };
}

Outcome<Json> read_data_path(std::string_view path_text, const DataView& view) {
  const lang::PathResult parsed = lang::parse_path(path_text);
  if (!parsed.ok()) return invalid_path(path_text, parsed.error->message);
  return read_parsed_path(parsed.path, path_text, view);
}

Outcome<Json> apply_filter_path(const Node* path_field, const DataView& view) {
  if (path_field == nullptr) return *view.data;
  if (path_field->is_null()) return Json::object();
  return read_data_path(path_field->text(), view);
}

Outcome<Json> apply_template(const Node& template_node, const DataView& view) {
  return TemplateEvaluator(view).evaluate(template_node);
}

Outcome<Json> apply_result_path(const Node* result_path, const Json& raw_input, Json result) {
  if (result_path == nullptr) return result;
  if (result_path->is_null()) return raw_input;
  const std::string_view text = result_path->text();
  const lang::PathResult parsed = lang::parse_reference_path(text);
  if (!parsed.ok()) return invalid_path(text, parsed.error->message);
  Json output = raw_input;
  auto written = write_reference_path(output, parsed.path, text, std::move(result));
  if (!written.ok()) {
    return RunError{
        "States.ResultPathMatchFailure",
        fmt::format("Unable to apply ReferencePath {} to input {}", text, to_text(raw_input))};
  }
  return output;
}

Outcome<Json> read_reference_path(std::string_view path_text, const DataView& view) {
  const lang::PathResult parsed = lang::parse_reference_path(path_text);
  if (!parsed.ok()) return invalid_path(path_text, parsed.error->message);
  return read_parsed_path(parsed.path, path_text, view);
}

}  // namespace wflint::run
