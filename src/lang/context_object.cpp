#include "lang/context_object.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/text.h"

namespace wflint::lang {

namespace {

constexpr ContextField kFields[] = {
    {"Execution", false},
    {"Execution.Id", false},
    {"Execution.Input", true},
    {"Execution.Name", false},
    {"Execution.RoleArn", false},
    {"Execution.StartTime", false},
    {"Execution.RedriveCount", false},
    {"Execution.RedriveTime", false},
    {"State", false},
    {"State.EnteredTime", false},
    {"State.Name", false},
    {"State.RetryCount", false},
    {"StateMachine", false},
    {"StateMachine.Id", false},
    {"StateMachine.Name", false},
    {"Task", false},
    {"Task.Token", false},
    {"Map", false},
    {"Map.Item", false},
    {"Map.Item.Index", false},
    {"Map.Item.Value", true},
    {"Map.Item.Key", false},
    {"Map.Item.Source", false},
};

// The names of the direct children of `parent` ("" for the top level).
std::vector<std::string_view> children_of(std::string_view parent) {
  std::vector<std::string_view> out;
  for (const ContextField& field : kFields) {
    std::string_view rest = field.name;
    if (!parent.empty()) {
      if (rest.size() <= parent.size() || !rest.starts_with(parent) || rest[parent.size()] != '.') {
        continue;
      }
      rest.remove_prefix(parent.size() + 1);
    }
    if (rest.find('.') == std::string_view::npos) out.push_back(rest);
  }
  return out;
}

bool holds_user_data(std::string_view name) {
  return std::any_of(std::begin(kFields), std::end(kFields), [&](const ContextField& field) {
    return field.name == name && field.user_data;
  });
}

std::string joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string dotted(std::string_view parent, std::string_view name) {
  return parent.empty() ? std::string(name) : fmt::format("{}.{}", parent, name);
}

LangError unknown_field_error(const PathSegment& segment, std::string_view parent,
                              const std::vector<std::string_view>& children) {
  LangError error{segment.name_offset, segment.name_length, {}, {}};
  if (children.empty()) {
    error.message =
        fmt::format("context object field \"$$.{}\" has no field \"{}\"", parent, segment.name);
    error.help = fmt::format("\"$$.{}\" is a single value", parent);
    return error;
  }
  error.message =
      fmt::format("unknown context object field \"$$.{}\"", dotted(parent, segment.name));
  if (const std::string_view near = text::closest_match(segment.name, children); !near.empty()) {
    error.help = fmt::format("did you mean \"$$.{}\"?", dotted(parent, near));
  } else if (parent.empty()) {
    error.help = fmt::format("the context object has {}", joined(children));
  } else {
    error.help = fmt::format("the fields of \"$$.{}\" are {}", parent, joined(children));
  }
  return error;
}

}  // namespace

std::span<const ContextField> context_fields() {
  return kFields;
}

std::optional<LangError> unknown_context_field(const Path& path) {
  if (path.root != PathRoot::Context) return std::nullopt;
  std::string parent;
  for (const PathSegment& segment : path.segments) {
    if (segment.kind != SegmentKind::Field || segment.recursive) return std::nullopt;
    const std::vector<std::string_view> children = children_of(parent);
    if (std::find(children.begin(), children.end(), segment.name) == children.end()) {
      return unknown_field_error(segment, parent, children);
    }
    parent = dotted(parent, segment.name);
    if (holds_user_data(parent)) return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace wflint::lang
