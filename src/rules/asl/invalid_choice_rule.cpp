#include <fmt/format.h>

#include <array>
#include <vector>

#include "rules/asl/timestamp.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kInvalidChoiceRule;

namespace {

enum class Operand { String, Number, Bool, Timestamp, Path };

struct Operator {
  std::string_view name;
  Operand operand;
};

constexpr std::array<Operator, 42> kOperators = {{
    {"StringEquals", Operand::String},
    {"StringEqualsPath", Operand::Path},
    {"StringLessThan", Operand::String},
    {"StringLessThanPath", Operand::Path},
    {"StringGreaterThan", Operand::String},
    {"StringGreaterThanPath", Operand::Path},
    {"StringLessThanEquals", Operand::String},
    {"StringLessThanEqualsPath", Operand::Path},
    {"StringGreaterThanEquals", Operand::String},
    {"StringGreaterThanEqualsPath", Operand::Path},
    {"StringMatches", Operand::String},
    {"NumericEquals", Operand::Number},
    {"NumericEqualsPath", Operand::Path},
    {"NumericLessThan", Operand::Number},
    {"NumericLessThanPath", Operand::Path},
    {"NumericGreaterThan", Operand::Number},
    {"NumericGreaterThanPath", Operand::Path},
    {"NumericLessThanEquals", Operand::Number},
    {"NumericLessThanEqualsPath", Operand::Path},
    {"NumericGreaterThanEquals", Operand::Number},
    {"NumericGreaterThanEqualsPath", Operand::Path},
    {"BooleanEquals", Operand::Bool},
    {"BooleanEqualsPath", Operand::Path},
    {"TimestampEquals", Operand::Timestamp},
    {"TimestampEqualsPath", Operand::Path},
    {"TimestampLessThan", Operand::Timestamp},
    {"TimestampLessThanPath", Operand::Path},
    {"TimestampGreaterThan", Operand::Timestamp},
    {"TimestampGreaterThanPath", Operand::Path},
    {"TimestampLessThanEquals", Operand::Timestamp},
    {"TimestampLessThanEqualsPath", Operand::Path},
    {"TimestampGreaterThanEquals", Operand::Timestamp},
    {"TimestampGreaterThanEqualsPath", Operand::Path},
    {"IsNull", Operand::Bool},
    {"IsPresent", Operand::Bool},
    {"IsNumeric", Operand::Bool},
    {"IsString", Operand::Bool},
    {"IsBoolean", Operand::Bool},
    {"IsTimestamp", Operand::Bool},
    {"And", Operand::Bool},  // placeholders so that the names are known; handled separately
    {"Or", Operand::Bool},
    {"Not", Operand::Bool},
}};

constexpr std::array<std::string_view, 4> kRuleFields = {"Variable", "Next", "Comment", "Assign"};

const Operator* find_operator(std::string_view name) {
  for (const Operator& op : kOperators) {
    if (op.name == name) return &op;
  }
  return nullptr;
}

bool is_boolean_combinator(std::string_view name) {
  return name == "And" || name == "Or" || name == "Not";
}

// The candidates for a did-you-mean on an unknown rule field; built once.
const std::vector<std::string_view>& known_rule_keys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> built(kRuleFields.begin(), kRuleFields.end());
    for (const Operator& op : kOperators)
      built.push_back(op.name);
    return built;
  }();
  return keys;
}

bool is_placeholder(const Node& value) {
  return value.is_string() && value.text().find("${") != std::string_view::npos;
}

std::string_view operand_description(Operand operand) {
  switch (operand) {
    case Operand::String:
      return "a string";
    case Operand::Number:
      return "a number";
    case Operand::Bool:
      return "true or false";
    case Operand::Timestamp:
      return "an RFC 3339 timestamp string such as \"2026-03-14T01:59:00Z\"";
    case Operand::Path:
      return "a path string starting with $";
  }
  return "a value";
}

bool operand_fits(const Node& value, Operand operand) {
  switch (operand) {
    case Operand::String:
      return value.is_string();
    case Operand::Number:
      return value.is_number();
    case Operand::Bool:
      return value.is_bool();
    case Operand::Timestamp:
      return value.is_string() && is_rfc3339_timestamp(value.text());
    case Operand::Path:
      return value.is_string() && !value.text().empty() && value.text()[0] == '$';
  }
  return false;
}

struct PendingRule {
  const Node* rule;
  bool top_level;
};

class ChoiceChecker {
 public:
  explicit ChoiceChecker(DiagnosticSink& sink) : sink_(sink) {}

  void check_state(const asl::State& state) {
    const Node* choices = state.field("Choices");
    if (!choices || !choices->is_array() || choices->size() == 0) {
      const std::string message =
          choices && !choices->is_array()
              ? std::string("\"Choices\" must be an array of rules")
              : fmt::format("Choice state \"{}\" has no rules in \"Choices\"", state.name);
      sink_.report_key(kInvalidChoiceRule, choices ? *choices : *state.node, message)
          .help("add at least one rule with a Next");
      return;
    }
    std::vector<PendingRule> pending;
    for (const Node& rule : choices->children())
      pending.push_back({&rule, true});
    // Nested And/Or/Not rules are walked with a stack: no nesting depth can exhaust it.
    while (!pending.empty()) {
      const PendingRule next = pending.back();
      pending.pop_back();
      if (state.jsonata) {
        check_jsonata_rule(*next.rule);
      } else {
        check_rule(*next.rule, next.top_level, pending);
      }
    }
  }

 private:
  void check_next(const Node& rule, bool top_level) {
    const Node* next = rule.find("Next");
    if (top_level && !next) {
      sink_.report(kInvalidChoiceRule, rule, "this Choice rule has no \"Next\"")
          .help("every top-level rule says where to go when it matches");
    } else if (!top_level && next) {
      sink_
          .report_key(kInvalidChoiceRule, *next,
                      "a rule nested in And, Or or Not cannot have "
                      "\"Next\"")
          .help("put Next on the top-level rule that holds this one");
    }
  }

  void check_jsonata_rule(const Node& rule) {
    if (!rule.is_object()) return;
    check_next(rule, true);
    const Node* condition = rule.find("Condition");
    if (!condition) {
      sink_.report(kInvalidChoiceRule, rule, "this JSONata Choice rule has no \"Condition\"")
          .help("add \"Condition\": \"{% ... %}\"");
    }
  }

  void check_rule(const Node& rule, bool top_level, std::vector<PendingRule>& pending) {
    if (!rule.is_object()) {
      sink_.report(kInvalidChoiceRule, rule, "a Choice rule must be an object");
      return;
    }
    check_next(rule, top_level);
    std::vector<const Node*> operators;
    for (const Node& member : rule.children()) {
      const std::string_view key = member.key();
      if (std::find(kRuleFields.begin(), kRuleFields.end(), key) != kRuleFields.end()) continue;
      if (find_operator(key)) {
        operators.push_back(&member);
      } else if (key != "Output" && key != "Condition") {
        report_unknown_key(member);
      }
    }
    if (operators.size() != 1) {
      report_operator_count(rule, operators);
      return;
    }
    const Node& op = *operators.front();
    if (is_boolean_combinator(op.key())) {
      check_combinator(rule, op, pending);
    } else {
      check_comparison(rule, op);
    }
  }

  void report_unknown_key(const Node& member) {
    auto finding =
        sink_.report_key(kInvalidChoiceRule, member,
                         fmt::format("\"{}\" is not a field of a Choice rule", member.key()));
    if (std::string_view near = text::closest_match(member.key(), known_rule_keys());
        !near.empty()) {
      finding.help(fmt::format("did you mean \"{}\"?", near));
    }
  }

  void report_operator_count(const Node& rule, const std::vector<const Node*>& operators) {
    if (operators.empty()) {
      sink_.report(kInvalidChoiceRule, rule, "this Choice rule has no comparison")
          .help("add one comparison operator such as \"StringEquals\", or And, Or or Not");
      return;
    }
    sink_
        .report_key(kInvalidChoiceRule, *operators[1],
                    fmt::format("a Choice rule takes exactly one comparison; \"{}\" and \"{}\" "
                                "are both set",
                                operators[0]->key(), operators[1]->key()))
        .help("combine comparisons with And or Or");
  }

  void check_combinator(const Node& rule, const Node& op, std::vector<PendingRule>& pending) {
    if (rule.find("Variable")) {
      sink_.report_key(kInvalidChoiceRule, *rule.find("Variable"),
                       fmt::format("\"Variable\" does not belong beside \"{}\"", op.key()));
    }
    if (op.key() == "Not") {
      if (!op.is_object()) {
        sink_.report(kInvalidChoiceRule, op, "\"Not\" takes one rule object");
      } else {
        pending.push_back({&op, false});
      }
      return;
    }
    if (!op.is_array() || op.size() == 0) {
      sink_.report(kInvalidChoiceRule, op,
                   fmt::format("\"{}\" takes a non-empty array of rules", op.key()));
      return;
    }
    for (const Node& nested : op.children())
      pending.push_back({&nested, false});
  }

  void check_comparison(const Node& rule, const Node& op) {
    const Node* variable = rule.find("Variable");
    if (!variable) {
      sink_
          .report_key(kInvalidChoiceRule, op,
                      fmt::format("\"{}\" needs a \"Variable\" to compare", op.key()))
          .help("add \"Variable\": \"$.field\"");
    } else if (!variable->is_string() || variable->text().empty() || variable->text()[0] != '$') {
      if (!is_placeholder(*variable)) {
        sink_.report(kInvalidChoiceRule, *variable, "\"Variable\" must be a path starting with $");
      }
    }
    const Operand operand = find_operator(op.key())->operand;
    if (operand_fits(op, operand) || is_placeholder(op)) return;
    sink_.report(kInvalidChoiceRule, op,
                 fmt::format("\"{}\" compares with {}", op.key(), operand_description(operand)));
  }

  DiagnosticSink& sink_;
};

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  if (state.type == "Choice") ChoiceChecker(sink).check_state(state);
}

}  // namespace

const Rule kInvalidChoiceRule{{"ASL504", "invalid-choice-rule", Severity::Error, kAsl,
                               "A Choice without rules, or a rule with no or several comparisons, "
                               "a misplaced Next, or an operand of the wrong type"},
                              nullptr,
                              &check_each_state};

}  // namespace wflint::rules
