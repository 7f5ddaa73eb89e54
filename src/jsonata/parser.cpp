#include "jsonata/parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "jsonata/lexer.h"
#include "jsonata/signature.h"
#include "jsonata/structure_check.h"

namespace wflint::jsonata {

std::string describe_position(std::string_view text, uint32_t offset) {
  std::string_view before = text.substr(0, std::min<size_t>(offset, text.size()));
  size_t line_start = before.rfind('\n');
  if (line_start == std::string_view::npos) return fmt::format("column {}", offset + 1);
  auto line = static_cast<uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
  return fmt::format("line {}, column {}", line, offset - line_start);
}

std::string quote_token(std::string_view token) {
  constexpr size_t kMaxShown = 24;
  if (token.size() > kMaxShown) return fmt::format("\"{}...\"", token.substr(0, kMaxShown));
  return fmt::format("\"{}\"", token);
}

namespace {

struct BindingPower {
  std::string_view op;
  int power;
};

// Left binding powers of the infix operators, from jsonata-js.
constexpr std::array<BindingPower, 25> kBindingPowers = {{
    {".", 75},   {"[", 80},  {"{", 70},  {"(", 80},  {"@", 80},  {"#", 80},  {"?", 20},
    {"+", 50},   {"-", 50},  {"*", 60},  {"/", 60},  {"%", 60},  {"=", 40},  {"<", 40},
    {">", 40},   {"^", 40},  {":=", 10}, {"!=", 40}, {"<=", 40}, {">=", 40}, {"~>", 40},
    {"and", 30}, {"or", 25}, {"in", 40}, {"&", 50},
}};

struct BinaryOperatorText {
  std::string_view op;
  BinaryOperator value;
};

constexpr std::array<BinaryOperatorText, 15> kBinaryOperators = {{
    {"+", BinaryOperator::kAdd},
    {"-", BinaryOperator::kSubtract},
    {"*", BinaryOperator::kMultiply},
    {"/", BinaryOperator::kDivide},
    {"%", BinaryOperator::kModulo},
    {"&", BinaryOperator::kConcatenate},
    {"=", BinaryOperator::kEqual},
    {"!=", BinaryOperator::kNotEqual},
    {"<", BinaryOperator::kLess},
    {"<=", BinaryOperator::kLessOrEqual},
    {">", BinaryOperator::kGreater},
    {">=", BinaryOperator::kGreaterOrEqual},
    {"and", BinaryOperator::kAnd},
    {"or", BinaryOperator::kOr},
    {"in", BinaryOperator::kIn},
}};

int left_binding_power(const Token& token) {
  if (token.type != TokenType::kOperator) return 0;
  for (const BindingPower& entry : kBindingPowers) {
    if (entry.op == token.value) return entry.power;
  }
  return 0;
}

BinaryOperator binary_operator(std::string_view op) {
  for (const BinaryOperatorText& entry : kBinaryOperators) {
    if (entry.op == op) return entry.value;
  }
  return BinaryOperator::kNone;
}

bool is_operand_token(const Token& token) {
  return token.type != TokenType::kOperator && token.type != TokenType::kEnd;
}

// An open bracket whose closing counterpart is still expected, for messages.
struct Opening {
  uint32_t offset = 0;
  std::string description;     // "the call of $sum", "the predicate", ...
  std::string_view separator;  // what may come instead of the closer: "," or ";"; or empty
  std::string_view closer;
};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), lexer_(text) {}

  Ast run() {
    advance(false);
    if (current_.type == TokenType::kEnd) {
      fail(0, static_cast<uint32_t>(text_.size()), "the expression is empty");
    }
    uint32_t root = expression(0);
    if (current_.type != TokenType::kEnd) fail_leftover();
    ast_.set_root(root);
    check_structure(ast_);
    return std::move(ast_);
  }

 private:
  // ---- tokens ----

  void advance(bool operator_expected) {
    prior_ = std::move(previous_);
    previous_ = std::move(current_);
    current_ = lexer_.next(operator_expected);
    if (current_.is("!")) {
      fail(current_.offset, 1,
           "unknown operator \"!\": use \"!=\" to compare, or $not(...) to negate");
    }
    if (current_.is("~")) fail(current_.offset, 1, "unknown operator \"~\": did you mean \"~>\"?");
  }

  std::string_view token_text(const Token& token) const {
    return text_.substr(token.offset, token.length);
  }

  std::string where(uint32_t offset) const { return describe_position(text_, offset); }

  Opening open(Opening opening) {
    openings_.push_back(opening);
    return opening;
  }

  void close(const Opening& opening, bool operator_expected) {
    if (!current_.is(opening.closer)) fail_expected_closer(opening);
    openings_.pop_back();
    advance(operator_expected);
  }

  [[noreturn]] void fail_expected_closer(const Opening& opening) const {
    std::string_view closer = opening.closer;
    std::string context =
        fmt::format("{} opened at {}", opening.description, where(opening.offset));
    if (current_.type == TokenType::kEnd) {
      fail(static_cast<uint32_t>(text_.size()), 0,
           fmt::format("expected \"{}\" to close {}", closer, context));
    }
    std::string expected = opening.separator.empty()
                               ? fmt::format("\"{}\"", closer)
                               : fmt::format("\"{}\" or \"{}\"", opening.separator, closer);
    fail(current_.offset, current_.length,
         fmt::format("unexpected {} in {}: expected {}", quote_token(token_text(current_)), context,
                     expected));
  }

  [[noreturn]] void fail_expected(std::string_view what, std::string_view context) const {
    if (current_.type == TokenType::kEnd) {
      fail(static_cast<uint32_t>(text_.size()), 0,
           fmt::format("the expression ends too early: expected {} {}", what, context));
    }
    fail(current_.offset, current_.length,
         fmt::format("unexpected {}: expected {} {}", quote_token(token_text(current_)), what,
                     context));
  }

  // ---- nodes ----

  uint32_t add(AstNode node) {
    uint32_t height = 1;
    for (uint32_t child : node.children)
      height = std::max(height, heights_[child] + 1);
    if (height > kMaxTreeHeight) fail_too_deep(node.offset);
    heights_.push_back(height);
    return ast_.add(std::move(node));
  }

  void update_height(uint32_t index) {
    for (uint32_t child : ast_.node(index).children) {
      heights_[index] = std::max(heights_[index], heights_[child] + 1);
    }
    if (heights_[index] > kMaxTreeHeight) fail_too_deep(ast_.node(index).offset);
  }

  // A node may sit at the end of the text (an operand the expression lacks): nothing to underline.
  [[noreturn]] void fail_too_deep(uint32_t offset) const {
    fail(offset, offset < text_.size() ? 1 : 0, "expression nested too deeply");
  }

  uint32_t leaf(NodeKind kind, const Token& token) {
    AstNode node;
    node.kind = kind;
    node.offset = token.offset;
    node.length = token.length;
    node.text = token.value;
    node.number = token.number;
    node.regex_flags = token.flags;
    return add(std::move(node));
  }

  // A node spanning from `offset` to the end of the last token consumed.
  uint32_t branch(NodeKind kind, uint32_t offset, std::vector<uint32_t> children) {
    AstNode node;
    node.kind = kind;
    node.offset = offset;
    node.length = previous_.end() - offset;
    node.children = std::move(children);
    return add(std::move(node));
  }

  uint32_t start_of(uint32_t index) const { return ast_.node(index).offset; }

  // ---- Pratt parser ----

  uint32_t expression(int right_binding_power) {
    if (++depth_ > kMaxNestingDepth) fail_too_deep(current_.offset);
    Token token = current_;
    advance(true);
    uint32_t left = prefix(token);
    while (right_binding_power < left_binding_power(current_)) {
      token = current_;
      advance(false);
      left = infix(token, left);
    }
    --depth_;
    return left;
  }

  uint32_t prefix(const Token& token) {
    switch (token.type) {
      case TokenType::kEnd:
        fail_missing_operand_at_end();
      case TokenType::kName:
        return leaf(NodeKind::kName, token);
      case TokenType::kVariable:
        return leaf(NodeKind::kVariable, token);
      case TokenType::kString:
        return leaf(NodeKind::kString, token);
      case TokenType::kNumber:
        return leaf(NodeKind::kNumber, token);
      case TokenType::kRegex:
        return leaf(NodeKind::kRegex, token);
      case TokenType::kValue:
        return leaf(token.value == "true"    ? NodeKind::kTrue
                    : token.value == "false" ? NodeKind::kFalse
                                             : NodeKind::kNull,
                    token);
      case TokenType::kOperator:
        return prefix_operator(token);
    }
    return 0;
  }

  uint32_t prefix_operator(const Token& token) {
    const std::string& op = token.value;
    if (op == "and" || op == "or" || op == "in") return leaf(NodeKind::kName, token);
    if (op == "-") return negation(token);
    if (op == "*") {
      note_wildcard_operand(token);
      return leaf(NodeKind::kWildcard, token);
    }
    if (op == "**") return leaf(NodeKind::kDescendant, token);
    if (op == "%") return leaf(NodeKind::kParent, token);
    if (op == "(") return block(token);
    if (op == "[") return array_constructor(token);
    if (op == "{") return object_constructor(token, std::nullopt);
    if (op == "|") return transform(token);
    fail_operator_without_operand(token);
  }

  uint32_t infix(const Token& token, uint32_t left) {
    const std::string& op = token.value;
    if (op == ".") return path_step(left, expression(75));
    if (op == "[") return filter(token, left);
    if (op == "{") return object_constructor(token, left);
    if (op == "(") return call(token, left);
    if (op == "^") return sort(left);
    if (op == ":=") return bind(left);
    if (op == "@") return variable_binding(token, left, NodeKind::kFocusBind);
    if (op == "#") return variable_binding(token, left, NodeKind::kIndexBind);
    if (op == "?") return condition(left);
    if (op == "~>") return branch(NodeKind::kChain, start_of(left), {left, expression(40)});
    uint32_t right = expression(left_binding_power(token));
    uint32_t node = branch(NodeKind::kBinary, start_of(left), {left, right});
    ast_.mutable_node(node).op = binary_operator(op);
    return node;
  }

  // "-5" becomes the number -5, as jsonata-js folds it.
  uint32_t negation(const Token& minus) {
    uint32_t operand = expression(70);
    AstNode& node = ast_.mutable_node(operand);
    if (node.kind == NodeKind::kNumber) {
      node.number = -node.number;
      node.length = node.offset + node.length - minus.offset;
      node.offset = minus.offset;
      return operand;
    }
    return branch(NodeKind::kNegate, minus.offset, {operand});
  }

  // A string literal used as a path step names a field, as in a."b c".
  void string_step_to_name(uint32_t step) {
    while (ast_.node(step).kind == NodeKind::kFilter)
      step = ast_.node(step).children[0];
    AstNode& node = ast_.mutable_node(step);
    if (node.kind == NodeKind::kString) node.kind = NodeKind::kName;
  }

  uint32_t path_step(uint32_t left, uint32_t right) {
    string_step_to_name(right);
    if (ast_.node(left).kind != NodeKind::kPath) {
      string_step_to_name(left);
      return branch(NodeKind::kPath, start_of(left), {left, right});
    }
    AstNode& path = ast_.mutable_node(left);
    path.children.push_back(right);
    path.length = previous_.end() - path.offset;
    update_height(left);
    return left;
  }

  uint32_t block(const Token& open) {
    Opening opening = this->open({open.offset, "the parenthesis \"(\"", ";", ")"});
    std::vector<uint32_t> expressions;
    while (!current_.is(")")) {
      expressions.push_back(expression(0));
      if (!current_.is(";")) break;
      advance(false);
    }
    close(opening, true);
    return branch(NodeKind::kBlock, open.offset, std::move(expressions));
  }

  uint32_t array_constructor(const Token& open) {
    Opening opening = this->open({open.offset, "the array \"[\"", ",", "]"});
    std::vector<uint32_t> items;
    if (!current_.is("]")) {
      for (;;) {
        uint32_t item = expression(0);
        if (current_.is("..")) {
          advance(false);
          uint32_t to = expression(0);
          item = branch(NodeKind::kRange, start_of(item), {item, to});
        }
        items.push_back(item);
        if (!current_.is(",")) break;
        advance(false);
      }
    }
    close(opening, true);
    return branch(NodeKind::kArray, open.offset, std::move(items));
  }

  uint32_t filter(const Token& open, uint32_t left) {
    Opening opening = this->open({open.offset, "the predicate \"[\"", "", "]"});
    if (current_.is("]")) {
      // "[]" keeps singleton arrays; it marks the step rather than adding a node.
      uint32_t step = left;
      while (ast_.node(step).kind == NodeKind::kFilter)
        step = ast_.node(step).children[0];
      ast_.mutable_node(step).keep_array = true;
      close(opening, false);
      return left;
    }
    uint32_t predicate = expression(0);
    close(opening, true);
    return branch(NodeKind::kFilter, start_of(left), {left, predicate});
  }

  // {k: v, ...} on its own builds an object; after an expression it groups its results.
  uint32_t object_constructor(const Token& open, std::optional<uint32_t> subject) {
    bool template_like = subject && previous_is_dollar_before(open);
    Opening opening =
        this->open({open.offset, subject ? "the grouping \"{\"" : "the object \"{\"", ",", "}"});
    std::vector<uint32_t> children;
    if (subject) children.push_back(*subject);
    if (!current_.is("}")) {
      for (;;) {
        children.push_back(expression(0));
        if (!current_.is(":")) fail_missing_colon(opening, template_like);
        advance(false);
        children.push_back(expression(0));
        if (!current_.is(",")) break;
        advance(false);
      }
    }
    close(opening, true);
    if (subject) return branch(NodeKind::kGroupBy, start_of(*subject), std::move(children));
    return branch(NodeKind::kObject, open.offset, std::move(children));
  }

  bool previous_is_dollar_before(const Token& open) const {
    return open.offset > 0 && text_[open.offset - 1] == '$';
  }

  [[noreturn]] void fail_missing_colon(const Opening& opening, bool template_like) const {
    std::string context =
        fmt::format("after the key in {} opened at {}", opening.description, where(opening.offset));
    if (template_like) {
      context +=
          "; \"${...}\" is a template placeholder, not JSONata: write the value or "
          "$variable itself";
    }
    fail_expected("\":\"", context);
  }

  uint32_t call(const Token& open, uint32_t procedure) {
    Opening opening =
        this->open({open.offset, "the call of " + describe_callee(procedure), ",", ")"});
    std::vector<uint32_t> children{procedure};
    bool partial = false;
    if (!current_.is(")")) {
      for (;;) {
        if (current_.is("?")) {
          partial = true;
          children.push_back(leaf(NodeKind::kPlaceholder, current_));
          advance(false);
        } else {
          children.push_back(expression(0));
        }
        if (!current_.is(",")) break;
        advance(false);
      }
    }
    close(opening, true);
    const AstNode& callee = ast_.node(procedure);
    if (callee.kind == NodeKind::kName && (callee.text == "function" || callee.text == "λ")) {
      children.erase(children.begin());
      return lambda(procedure, std::move(children));
    }
    return branch(partial ? NodeKind::kPartialApplication : NodeKind::kFunctionCall,
                  start_of(procedure), std::move(children));
  }

  std::string describe_callee(uint32_t procedure) const {
    const AstNode& node = ast_.node(procedure);
    if (node.kind == NodeKind::kVariable) return "$" + node.text;
    if (node.kind == NodeKind::kName && (node.text == "function" || node.text == "λ")) {
      return "function";
    }
    if (node.kind == NodeKind::kName) return node.text;
    return "a function";
  }

  // function($a, $b)<sig>{body}: the "function" name node becomes the lambda node.
  uint32_t lambda(uint32_t keyword, std::vector<uint32_t> parameters) {
    for (size_t i = 0; i < parameters.size(); ++i) {
      const AstNode& parameter = ast_.node(parameters[i]);
      if (parameter.kind != NodeKind::kVariable) {
        fail(parameter.offset, std::max<uint32_t>(parameter.length, 1),
             fmt::format("parameter {} of the function definition must be a variable name "
                         "starting with $",
                         i + 1));
      }
    }
    std::string signature = current_.is("<") ? lambda_signature() : "";
    uint32_t offset = start_of(keyword);
    Opening body_opening{current_.offset, "the function body \"{\"", "", "}"};
    if (!current_.is("{")) {
      fail_expected("\"{\"", "to start the body of the function defined at " + where(offset));
    }
    open(body_opening);
    advance(false);
    parameters.push_back(expression(0));
    close(body_opening, false);
    AstNode& node = ast_.mutable_node(keyword);
    node.kind = NodeKind::kLambda;
    node.text = std::move(signature);
    node.children = std::move(parameters);
    node.length = previous_.end() - offset;
    update_height(keyword);
    return keyword;
  }

  // jsonata-js gathers the tokens up to the matching ">" and compiles their values.
  std::string lambda_signature() {
    uint32_t start = current_.offset;
    std::string compiled = "<";
    int depth = 1;
    while (depth > 0 && !current_.is("{") && current_.type != TokenType::kEnd) {
      advance(false);
      if (current_.is(">")) --depth;
      if (current_.is("<")) ++depth;
      compiled += signature_value(current_);
    }
    close(open({start, "the function signature \"<\"", "", ">"}), false);
    if (auto problem = check_signature(compiled)) {
      fail(start, previous_.end() - start,
           fmt::format("invalid function signature: {}", problem->message));
    }
    return std::string(text_.substr(start, previous_.end() - start));
  }

  std::string signature_value(const Token& token) const {
    switch (token.type) {
      case TokenType::kNumber:
        return std::string(token_text(token));
      case TokenType::kRegex:
        return fmt::format("/{}/g{}", token.value, token.flags);
      default:
        return token.value;
    }
  }

  uint32_t sort(uint32_t subject) {
    if (!current_.is("(")) fail_expected("\"(\"", "after \"^\" to start the order-by terms");
    Opening opening = open({current_.offset, "the order-by \"^(\"", ",", ")"});
    advance(false);
    std::vector<uint32_t> children{subject};
    for (;;) {
      uint32_t term_offset = current_.offset;
      bool descending = false;
      if (current_.is("<") || current_.is(">")) {
        descending = current_.is(">");
        advance(false);
      }
      uint32_t term = branch(NodeKind::kSortTerm, term_offset, {expression(0)});
      ast_.mutable_node(term).descending = descending;
      children.push_back(term);
      if (!current_.is(",")) break;
      advance(false);
    }
    close(opening, false);
    return branch(NodeKind::kSort, start_of(subject), std::move(children));
  }

  uint32_t bind(uint32_t target) {
    if (ast_.node(target).kind != NodeKind::kVariable) {
      const AstNode& node = ast_.node(target);
      fail(node.offset, node.length,
           "the left side of \":=\" must be a variable name starting with $");
    }
    uint32_t value = expression(9);  // one less than its own power: right associative
    return branch(NodeKind::kBind, start_of(target), {target, value});
  }

  uint32_t variable_binding(const Token& op, uint32_t subject, NodeKind kind) {
    uint32_t variable = expression(80);
    const AstNode& node = ast_.node(variable);
    if (node.kind != NodeKind::kVariable) {
      fail(node.offset, std::max<uint32_t>(node.length, 1),
           fmt::format("the right side of \"{}\" must be a variable name starting with $",
                       op.value));
    }
    return branch(kind, start_of(subject), {subject, variable});
  }

  uint32_t condition(uint32_t test) {
    std::vector<uint32_t> children{test, expression(0)};
    if (current_.is(":")) {
      advance(false);
      children.push_back(expression(0));
    }
    return branch(NodeKind::kCondition, start_of(test), std::move(children));
  }

  uint32_t transform(const Token& open) {
    std::string context = "of the transform \"|\" opened at " + where(open.offset);
    std::vector<uint32_t> children{expression(0)};
    if (!current_.is("|")) fail_expected("\"|\" after the pattern", context);
    advance(false);
    children.push_back(expression(0));
    if (current_.is(",")) {
      advance(false);
      children.push_back(expression(0));
    }
    if (!current_.is("|")) fail_expected("\"|\" at the end", context);
    advance(false);
    return branch(NodeKind::kTransform, open.offset, std::move(children));
  }

  // ---- messages for operands that are missing or superfluous ----

  // Remembers "*" read as a wildcard right after a binary operator, as in "10 + * 2", where the
  // real mistake is usually a missing operand rather than what follows.
  void note_wildcard_operand(const Token& star) {
    bool after_binary_operator =
        prior_.type == TokenType::kOperator &&
        (binary_operator(prior_.value) != BinaryOperator::kNone || prior_.value == "~>");
    if (after_binary_operator) wildcard_after_operator_ = {star.offset, prior_.value};
  }

  [[noreturn]] void fail_missing_operand_at_end() const {
    uint32_t end = static_cast<uint32_t>(text_.size());
    const Token& last = prior_;
    if (!openings_.empty() &&
        (openings_.back().offset == last.offset || last.is(",") || last.is(";"))) {
      fail_expected_closer(openings_.back());
    }
    fail(end, 0,
         fmt::format("the expression ends after {}: an operand is missing",
                     quote_token(token_text(last))));
  }

  [[noreturn]] void fail_unexpected(const Token& token, std::string_view explanation) const {
    fail(token.offset, token.length,
         fmt::format("unexpected {}: {}", quote_token(token_text(token)), explanation));
  }

  [[noreturn]] void fail_operator_without_operand(const Token& token) const {
    const Token& before = prior_;
    std::string shown = quote_token(token.value);
    bool adjacent = before.type != TokenType::kEnd && before.end() == token.offset;
    if (token.is("?") && before.is("[") && text_.substr(token.end(), 1) == "(") {
      fail_unexpected(
          token,
          "\"[?(...)]\" is JSONPath filter syntax; in JSONata write the condition directly, "
          "as in [price < 10]");
    }
    if (adjacent && token.is("?") && before.is("?")) {
      fail_unexpected(token, "\"??\" is not supported by JSONata 2.0: write $exists(a) ? a : b");
    }
    if (adjacent && token.is(":") && before.is("?")) {
      fail_unexpected(token, "\"?:\" is not supported by JSONata 2.0: write a ? a : b");
    }
    if (adjacent && token.is("=") && before.is("=")) {
      fail_unexpected(token, "\"==\" is not an operator: compare with a single \"=\"");
    }
    if (adjacent && token.is("&") && before.is("&")) {
      fail_unexpected(token, "\"&&\" is not an operator: use \"and\" (\"&\" joins strings)");
    }
    if (before.is(",") || before.is("(") || before.is("[") || before.is("{") || before.is(":") ||
        before.is(";") || before.is("?")) {
      fail_unexpected(token,
                      fmt::format("an expression must follow {}", quote_token(before.value)));
    }
    if (before.type == TokenType::kOperator) {
      fail_unexpected(token, fmt::format("an operand is missing between {} and {}",
                                         quote_token(before.value), shown));
    }
    fail_unexpected(token, "an expression cannot start with it");
  }

  [[noreturn]] void fail_leftover() const {
    const Token& extra = current_;
    std::string shown = quote_token(token_text(extra));
    if (wildcard_after_operator_ && previous_.is("*") &&
        previous_.offset == wildcard_after_operator_->first && is_operand_token(extra)) {
      fail(previous_.offset, 1,
           fmt::format("unexpected \"*\": an operand is missing between {} and \"*\"",
                       quote_token(wildcard_after_operator_->second)));
    }
    if (extra.is("**")) {
      fail_unexpected(
          extra, "\"**\" is the descendant wildcard, not an operator; for powers use $power(x, y)");
    }
    if (extra.is("|") && text_.substr(extra.end(), 1) == "|") {
      fail_unexpected(extra, "\"||\" is not an operator: use \"or\"");
    }
    if (extra.is(")") || extra.is("]") || extra.is("}")) {
      fail_unexpected(extra, "there is no matching opening bracket");
    }
    if (extra.is("..")) {
      fail_unexpected(extra,
                      "\"..\" makes a range only inside [...]; to search at any depth use \"**\", "
                      "as in a.**.b");
    }
    if (extra.is(";"))
      fail_unexpected(extra, "a sequence of expressions must be enclosed in ( ... ; ... )");
    if (extra.is(","))
      fail_unexpected(extra, "\",\" separates items only inside [...], {...} or a call");
    if (extra.is(":")) fail_unexpected(extra, "\":\" belongs in an object {k: v} or after \"?\"");
    if (is_operand_token(extra)) {
      fail_unexpected(extra, fmt::format("an operator is missing between {} and {}",
                                         quote_token(token_text(previous_)), shown));
    }
    fail_unexpected(extra, "the expression should end before it");
  }

  std::string_view text_;
  Lexer lexer_;
  Token current_;   // the next token to consume
  Token previous_;  // the token consumed last
  Token prior_;     // the token consumed before previous_
  Ast ast_;
  std::vector<uint32_t> heights_;
  int depth_ = 0;
  std::vector<Opening> openings_;  // brackets opened and not yet closed, innermost last
  std::optional<std::pair<uint32_t, std::string>> wildcard_after_operator_;
};

}  // namespace

ParseResult parse(std::string_view expression) {
  ParseResult result;
  try {
    result.ast = Parser(expression).run();
  } catch (const SyntaxFailure& failure) {
    result.error = failure.error();
  }
  return result;
}

}  // namespace wflint::jsonata
