#include "rules/lmb/task_token.h"

#include <algorithm>
#include <vector>

#include "analysis/lambda_calls.h"
#include "analysis/path_fields.h"
#include "jsonata/parser.h"
#include "lang/intrinsic.h"
#include "lang/path.h"
#include "lang/resource.h"
#include "rules/asl/task_resources.h"

namespace wflint::rules {
namespace {

constexpr uint32_t kJsonataOffset = 2;  // the expression starts after "{%"

bool is_field(const lang::PathSegment& segment, std::string_view name) {
  return segment.kind == lang::SegmentKind::Field && !segment.recursive && segment.name == name;
}

// A context path that holds the token: $$, $$.Task, $$.Task.Token. `length` covers the path
// through its Token (or Task) segment.
std::optional<TokenReference> token_in_path(const lang::Path& path, uint32_t offset,
                                            uint32_t length) {
  if (path.root != lang::PathRoot::Context) return std::nullopt;
  if (path.segments.empty()) return TokenReference{nullptr, offset, length, false};
  const lang::PathSegment& first = path.segments.front();
  if (!is_field(first, "Task")) return std::nullopt;
  const lang::PathSegment* last = &first;
  if (path.segments.size() > 1) {
    if (!is_field(path.segments[1], "Token")) return std::nullopt;
    last = &path.segments[1];
  }
  return TokenReference{nullptr, offset, last->offset + last->length - offset, true};
}

// Scans a JSONPath value (a path or an intrinsic call) for the token.
TokenSearch scan_jsonpath(const Node& value, std::optional<TokenReference>& found) {
  if (!value.is_string() || analysis::has_placeholder(value.text())) return TokenSearch::Unknown;
  const std::string_view text = value.text();
  if (text.find("$$") == std::string_view::npos) return TokenSearch::NotFound;
  if (lang::looks_like_intrinsic(text)) {
    const lang::IntrinsicResult parsed = lang::parse_intrinsic(text);
    if (!parsed.ok()) return TokenSearch::Unknown;
    for (const lang::IntrinsicCall& call : parsed.intrinsic.calls) {
      for (const lang::IntrinsicArg& arg : call.args) {
        if (arg.kind != lang::ArgKind::Path) continue;
        const std::optional<TokenReference> here = token_in_path(arg.path, arg.offset, arg.length);
        if (here && (!found || (here->names_task && !found->names_task))) found = here;
      }
    }
  } else {
    const lang::PathResult parsed = lang::parse_path(text);
    if (!parsed.ok()) return TokenSearch::Unknown;
    found = token_in_path(parsed.path, 0, static_cast<uint32_t>(text.size()));
  }
  if (!found) return TokenSearch::NotFound;
  found->value = &value;
  return TokenSearch::Found;
}

bool is_name(const jsonata::AstNode& node, std::string_view name) {
  return node.kind == jsonata::NodeKind::kName && node.text == name;
}

bool is_states_variable(const jsonata::AstNode& node) {
  return node.kind == jsonata::NodeKind::kVariable && node.text == "states";
}

// $states, $states.context, $states.context.Task[.Token] as a path node.
std::optional<TokenReference> token_in_jsonata_path(const jsonata::Ast& ast,
                                                    const jsonata::AstNode& path) {
  const std::span<const uint32_t> steps = path.children;
  if (steps.empty() || !is_states_variable(ast.node(steps[0]))) return std::nullopt;
  const auto reference_through = [&](std::size_t step, bool names_task) {
    const jsonata::AstNode& last = ast.node(steps[step]);
    return TokenReference{nullptr, path.offset, last.offset + last.length - path.offset,
                          names_task};
  };
  if (steps.size() < 2 || !is_name(ast.node(steps[1]), "context")) return std::nullopt;
  if (steps.size() == 2) return reference_through(1, false);
  if (!is_name(ast.node(steps[2]), "Task")) return std::nullopt;
  if (steps.size() > 3 && is_name(ast.node(steps[3]), "Token")) return reference_through(3, true);
  return reference_through(2, true);
}

std::optional<TokenReference> token_in_ast(const jsonata::Ast& ast) {
  std::vector<bool> first_step(ast.size(), false);
  for (const jsonata::AstNode& node : ast.nodes()) {
    if (node.kind == jsonata::NodeKind::kPath && !node.children.empty())
      first_step[node.children.front()] = true;
  }
  // A reference naming the Task object wins over one to the whole context.
  std::optional<TokenReference> whole_context;
  for (uint32_t i = 0; i < ast.size(); ++i) {
    const jsonata::AstNode& node = ast.node(i);
    std::optional<TokenReference> found;
    if (node.kind == jsonata::NodeKind::kPath) {
      found = token_in_jsonata_path(ast, node);
    } else if (is_states_variable(node) && !first_step[i]) {
      found = TokenReference{nullptr, node.offset, node.length, false};
    }
    if (found && found->names_task) return found;
    if (found && !whole_context) whole_context = found;
  }
  return whole_context;
}

// The JSONata expression of a string, when it is one.
std::optional<std::string_view> jsonata_expression(const Node& value) {
  if (!value.is_string() || !analysis::is_jsonata_expression(value.text())) return std::nullopt;
  const std::string_view text = value.text();
  return text.substr(kJsonataOffset, text.size() - 2 * kJsonataOffset);
}

TokenSearch scan_jsonata(const Node& value, std::optional<TokenReference>& found,
                         bool* is_state_input = nullptr) {
  const std::optional<std::string_view> expression = jsonata_expression(value);
  if (!expression) return TokenSearch::NotFound;
  if (analysis::has_placeholder(value.text())) return TokenSearch::Unknown;
  if (expression->find("states") == std::string_view::npos) return TokenSearch::NotFound;
  const jsonata::ParseResult parsed = jsonata::parse(*expression);
  if (!parsed.ast) return TokenSearch::Unknown;
  found = token_in_ast(*parsed.ast);
  if (!found) {
    if (is_state_input) {
      const jsonata::AstNode& root = parsed.ast->node(parsed.ast->root());
      *is_state_input = root.kind == jsonata::NodeKind::kPath && root.children.size() == 2 &&
                        is_states_variable(parsed.ast->node(root.children[0])) &&
                        is_name(parsed.ast->node(root.children[1]), "input");
    }
    return TokenSearch::NotFound;
  }
  found->value = &value;
  found->offset += kJsonataOffset;
  return TokenSearch::Found;
}

TokenSearch combine(TokenSearch a, TokenSearch b) {
  return std::max(a, b);
}

TokenSearch search_template(const Node& node, bool jsonata) {
  std::optional<TokenReference> found;
  switch (node.kind()) {
    case NodeKind::Object: {
      TokenSearch result = TokenSearch::NotFound;
      for (const Node& member : node.children()) {
        if (!jsonata && member.key().ends_with(".$")) {
          result = combine(result, scan_jsonpath(member, found));
        } else {
          result = combine(result, search_template(member, jsonata));
        }
        if (result == TokenSearch::Found) break;
      }
      return result;
    }
    case NodeKind::Array: {
      TokenSearch result = TokenSearch::NotFound;
      for (const Node& element : node.children()) {
        result = combine(result, search_template(element, jsonata));
        if (result == TokenSearch::Found) break;
      }
      return result;
    }
    case NodeKind::String:
      return jsonata ? scan_jsonata(node, found) : TokenSearch::NotFound;
    default:
      return TokenSearch::NotFound;
  }
}

// A whole value given as one path ("Payload.$": "$.x"): only "$" (the state input, which cannot
// hold a token made for this task) is known not to pass it.
TokenSearch search_whole_jsonpath_value(const Node& member) {
  std::optional<TokenReference> found;
  const TokenSearch result = scan_jsonpath(member, found);
  if (result != TokenSearch::NotFound) return result;
  const lang::PathResult parsed = lang::parse_path(member.text());
  const bool whole_input =
      parsed.ok() && parsed.path.root == lang::PathRoot::Input && parsed.path.segments.empty();
  return whole_input ? TokenSearch::NotFound : TokenSearch::Unknown;
}

TokenSearch search_whole_jsonata_value(const Node& value) {
  std::optional<TokenReference> found;
  bool is_state_input = false;
  const TokenSearch result = scan_jsonata(value, found, &is_state_input);
  if (result != TokenSearch::NotFound) return result;
  return is_state_input ? TokenSearch::NotFound : TokenSearch::Unknown;
}

}  // namespace

std::optional<TokenReference> token_in_jsonpath_value(const Node& value) {
  std::optional<TokenReference> found;
  scan_jsonpath(value, found);
  return found;
}

std::optional<TokenReference> token_in_jsonata_value(const Node& value) {
  std::optional<TokenReference> found;
  scan_jsonata(value, found);
  return found;
}

TokenSearch search_task_token(const Node& payload, bool jsonata) {
  if (!jsonata && payload.has_key() && payload.key().ends_with(".$"))
    return search_whole_jsonpath_value(payload);
  if (jsonata && jsonata_expression(payload)) return search_whole_jsonata_value(payload);
  return search_template(payload, jsonata);
}

Span CallbackResource::suffix_span() const {
  return resource->text_span(suffix_offset, static_cast<uint32_t>(kWaitForTaskToken.size()));
}

std::optional<CallbackResource> callback_resource(const asl::State& state) {
  const Node* resource = checkable_task_resource(state);
  if (!resource || !resource->text().ends_with(kWaitForTaskToken)) return std::nullopt;
  const std::string_view text = resource->text();
  CallbackResource callback;
  callback.resource = resource;
  callback.suffix_offset = static_cast<uint32_t>(text.size() - kWaitForTaskToken.size());
  if (analysis::has_placeholder(text)) {
    callback.function_arn = text.find(":function:") != std::string_view::npos;
  } else {
    callback.function_arn =
        lang::parse_task_resource(text).kind == lang::ResourceKind::LambdaFunction;
  }
  return callback;
}

bool known_without_token(const asl::State& state) {
  if (state.type != "Task") return true;
  const Node* resource = checkable_task_resource(state);
  if (!resource) return false;
  const std::string_view text = resource->text();
  if (analysis::has_placeholder(text))
    return !text.ends_with("}") && !text.ends_with(kWaitForTaskToken) && !text.ends_with(".sync") &&
           !text.ends_with(".sync:2");
  // .sync tasks also run under a task token, and AWS's own samples pass $$.Task.Token to the
  // child executions of startExecution.sync: whether it exists there is left undecided.
  const lang::TaskResource parsed = lang::parse_task_resource(text);
  return parsed.kind != lang::ResourceKind::Invalid &&
         parsed.pattern == lang::IntegrationPattern::RequestResponse;
}

}  // namespace wflint::rules
