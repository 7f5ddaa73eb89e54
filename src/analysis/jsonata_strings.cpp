#include "analysis/jsonata_strings.h"

#include <algorithm>
#include <array>

#include "analysis/path_fields.h"

namespace wflint::analysis {
namespace {

constexpr std::string_view kOpen = "{%";
constexpr std::string_view kClose = "%}";

// State fields that are constants, or hold states visited on their own.
constexpr std::array<std::string_view, 10> kStateFieldsSkipped = {
    "Type", "Comment", "QueryLanguage", "Resource", "Next",
    "End",  "Default", "ItemProcessor", "Iterator", "Branches"};

// Fields of Choice rules, retriers and catchers that are constants.
constexpr std::array<std::string_view, 3> kEntryFieldsSkipped = {"Comment", "Next", "ErrorEquals"};

bool contains(std::span<const std::string_view> names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool looks_like_expression(std::string_view text) {
  return text.starts_with(kOpen) || text.ends_with(kClose);
}

class Collector {
 public:
  explicit Collector(std::vector<JsonataString>& out) : out_(out) {}

  void state(const asl::State& state) {
    state_ = &state;
    for (const Node& member : state.node->children()) {
      if (contains(kStateFieldsSkipped, member.key())) continue;
      const bool has_entries =
          member.key() == "Choices" || member.key() == "Catch" || member.key() == "Retry";
      if (has_entries && member.is_array()) {
        entries(member);
      } else {
        value(member);
      }
    }
  }

 private:
  void entries(const Node& list) {
    for (const Node& entry : list.children()) {
      if (!entry.is_object()) continue;
      for (const Node& member : entry.children()) {
        if (!contains(kEntryFieldsSkipped, member.key())) value(member);
      }
    }
  }

  // Every string at any depth of `root`, without recursion.
  void value(const Node& root) {
    std::vector<const Node*> pending{&root};
    while (!pending.empty()) {
      const Node* node = pending.back();
      pending.pop_back();
      if (node->is_string() && looks_like_expression(node->text())) {
        out_.push_back(JsonataString{node, state_});
      }
      for (auto child = node->children().rbegin(); child != node->children().rend(); ++child)
        pending.push_back(&*child);
    }
  }

  std::vector<JsonataString>& out_;
  const asl::State* state_ = nullptr;
};

}  // namespace

bool JsonataString::is_expression() const {
  return is_jsonata_expression(value->text());
}

std::string_view JsonataString::expression() const {
  const std::string_view text = value->text();
  return text.substr(kExpressionOffset, text.size() - kOpen.size() - kClose.size());
}

JsonataStrings::JsonataStrings(const asl::StateMachine& machine) {
  Collector collector(strings_);
  for (const asl::Scope& scope : machine.scopes()) {
    for (const asl::State& state : scope.states()) {
      if (state.jsonata) collector.state(state);
    }
  }
}

}  // namespace wflint::analysis
