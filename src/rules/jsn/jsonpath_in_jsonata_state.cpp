#include <fmt/format.h>

#include <array>
#include <string>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kJsonpathInJsonataState;

namespace {

// The fields of a JSONata state (and of its catchers and Choice rules) that hold data passed on.
// JSONPath-only fields such as Parameters are ASL505's findings.
constexpr std::array<std::string_view, 8> kDataFields = {
    "Arguments",    "Output",     "Assign",      "Items",
    "ItemSelector", "ItemReader", "ItemBatcher", "ResultWriter"};

bool data_field(std::string_view key) {
  return std::find(kDataFields.begin(), kDataFields.end(), key) != kDataFields.end();
}

bool identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// "States.Format(", "States.UUID()": an intrinsic function call of JSONPath states.
bool intrinsic_call(std::string_view text) {
  if (!text.starts_with("States.") || !text.ends_with(")")) return false;
  std::size_t i = 7;
  while (i < text.size() && identifier_char(text[i]))
    ++i;
  return i > 7 && i < text.size() && text[i] == '(';
}

std::string_view leading_variable(std::string_view text) {
  if (text.size() < 2 || text[0] != '$' || !identifier_char(text[1]) ||
      std::isdigit(static_cast<unsigned char>(text[1]))) {
    return {};
  }
  std::size_t end = 1;
  while (end < text.size() && identifier_char(text[end]))
    ++end;
  return text.substr(1, end - 1);
}

// The JSONata expression a JSONPath text most likely meant, or empty when it is not JSONPath.
// `$name...` counts only when the machine assigns that variable: otherwise the text may well be
// a literal ("$USD").
std::string jsonata_for(std::string_view text, const analysis::Variables& variables) {
  if (text == "$" || text.starts_with("$.") || text.starts_with("$[")) {
    return fmt::format("{{% $states.input{} %}}", text.substr(1));
  }
  if (text == "$$" || text.starts_with("$$.")) {
    return fmt::format("{{% $states.context{} %}}", text.substr(2));
  }
  if (intrinsic_call(text)) return "{% ... %}";
  const std::string_view variable = leading_variable(text);
  if (!variable.empty() && !variables.assignments_of(variable).empty()) {
    return fmt::format("{{% {} %}}", text);
  }
  return {};
}

std::string help_for(std::string_view text, const std::string& meant) {
  if (meant == "{% ... %}") {
    return fmt::format(
        "intrinsic functions exist only in JSONPath states; write a JSONata expression instead "
        "(States.Format: \"&\" or $join, States.StringToJson: $parse, States.JsonToString: "
        "$string, States.Array: [...], States.UUID: $uuid(), States.MathAdd: +)");
  }
  return fmt::format("write the expression \"{}\" instead of \"{}\"", meant, text);
}

void check_key(const Node& member, const asl::State& state, const analysis::Variables& variables,
               DiagnosticSink& sink) {
  const std::string_view key = member.key();
  const std::string_view plain = key.substr(0, key.size() - 2);
  const std::string meant = member.is_string() ? jsonata_for(member.text(), variables) : "";
  auto finding = sink.report_key(
      kJsonpathInJsonataState, member,
      fmt::format("\"{}\" ends in \".$\", the JSONPath template syntax, but state \"{}\" uses "
                  "JSONata: the key is kept as written and its value is not evaluated",
                  key, state.name));
  if (!meant.empty() && meant != "{% ... %}") {
    finding.help(fmt::format("write \"{}\": \"{}\"", plain, meant));
  } else {
    finding.help(
        fmt::format("name the field \"{}\" and write its value as a {{% %}} expression", plain));
  }
}

void check_value(const Node& value, const asl::State& state, const analysis::Variables& variables,
                 DiagnosticSink& sink) {
  const std::string meant = jsonata_for(value.text(), variables);
  if (meant.empty()) return;
  sink.report(kJsonpathInJsonataState, value,
              fmt::format("\"{}\" is JSONPath, but state \"{}\" uses JSONata: the text is passed "
                          "on as it is, not evaluated",
                          value.text(), state.name))
      .help(help_for(value.text(), meant));
}

void check_field(const Node& field, const asl::State& state, const analysis::Variables& variables,
                 DiagnosticSink& sink) {
  std::vector<const Node*> pending{&field};
  while (!pending.empty()) {
    const Node* node = pending.back();
    pending.pop_back();
    const bool dollar_key = node != &field && node->has_key() && node->key().ends_with(".$");
    if (dollar_key) {
      check_key(*node, state, variables, sink);
    } else if (node->is_string()) {
      check_value(*node, state, variables, sink);
    }
    for (const Node& child : node->children())
      pending.push_back(&child);
  }
}

void check_fields_of(const Node& owner, const asl::State& state,
                     const analysis::Variables& variables, DiagnosticSink& sink) {
  for (const Node& member : owner.children()) {
    if (data_field(member.key())) check_field(member, state, variables, sink);
  }
}

void check_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  if (!state.jsonata || !state.node->is_object()) return;
  check_fields_of(*state.node, state, *ctx.variables, sink);
  for (const std::string_view list : {std::string_view("Catch"), std::string_view("Choices")}) {
    const Node* entries = state.field(list);
    if (!entries || !entries->is_array()) continue;
    for (const Node& entry : entries->children()) {
      if (entry.is_object()) check_fields_of(entry, state, *ctx.variables, sink);
    }
  }
}

}  // namespace

const Rule kJsonpathInJsonataState{
    {"JSN007", "jsonpath-in-jsonata-state", Severity::Warning, kAsl,
     "JSONPath syntax (a \".$\" key, a path, an intrinsic call) in a JSONata state, where it is "
     "plain text"},
    nullptr,
    &check_state};

}  // namespace wflint::rules
