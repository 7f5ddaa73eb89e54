#include "analysis/data_flow.h"

#include <algorithm>
#include <deque>
#include <map>
#include <unordered_map>

#include "analysis/path_fields.h"
#include "jsonata/parser.h"
#include "lang/path.h"

namespace wflint::analysis {

// ---------------------------------------------------------------------------------------------
// Shapes

const Shape* Shape::field(std::string_view name) const {
  const auto it = std::lower_bound(fields.begin(), fields.end(), name,
                                   [](const auto& f, std::string_view n) { return f.first < n; });
  return it != fields.end() && it->first == name ? it->second.get() : nullptr;
}

namespace {

ShapeRef make_kind(ShapeKind kind) {
  auto shape = std::make_shared<Shape>();
  shape->kind = kind;
  return shape;
}

const ShapeRef& array_shape() {
  static const ShapeRef shape = make_kind(ShapeKind::Array);
  return shape;
}

ShapeRef literal_shape(const Node& node) {
  auto shape = std::make_shared<Shape>();
  shape->kind = ShapeKind::Literal;
  shape->literal = &node;
  return shape;
}

// An object of these fields (any order), bounded in depth and width.
ShapeRef make_object(std::vector<std::pair<std::string, ShapeRef>> fields, bool open) {
  auto shape = std::make_shared<Shape>();
  shape->kind = ShapeKind::Object;
  shape->open = open;
  std::stable_sort(fields.begin(), fields.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // Duplicate names (a key given twice): the last one wins, as the loader keeps it.
  for (auto& [name, value] : fields) {
    if (!shape->fields.empty() && shape->fields.back().first == name) shape->fields.pop_back();
    if (value->depth >= Shape::kMaxDepth) value = unknown_shape();
    shape->depth = std::max<uint8_t>(shape->depth, static_cast<uint8_t>(value->depth + 1));
    shape->fields.emplace_back(std::move(name), std::move(value));
  }
  if (shape->fields.size() > Shape::kMaxFields) {
    shape->fields.resize(Shape::kMaxFields);
    shape->open = true;
  }
  return shape;
}

// The empty Payload of an Event or DryRun invoke, tagged with the task: it stays recognizable
// when a ResultSelector or Output copies it elsewhere.
ShapeRef async_payload_shape(const asl::State& producer) {
  auto shape = std::make_shared<Shape>();
  shape->kind = ShapeKind::EmptyString;
  shape->producer = Producer::AsyncEnvelope;
  shape->origin = &producer;
  return shape;
}

ShapeRef envelope_shape(const asl::State& producer, bool async, bool log_tail) {
  std::vector<std::pair<std::string, ShapeRef>> fields{
      {"ExecutedVersion", unknown_shape()},
      {"Payload", async ? async_payload_shape(producer) : unknown_shape()},
      {"SdkHttpMetadata", unknown_shape()},
      {"SdkResponseMetadata", unknown_shape()},
      {"StatusCode", unknown_shape()}};
  if (log_tail) fields.emplace_back("LogResult", unknown_shape());
  auto shape = std::const_pointer_cast<Shape>(make_object(std::move(fields), false));
  shape->producer = async ? Producer::AsyncEnvelope : Producer::Envelope;
  shape->origin = &producer;
  return shape;
}

ShapeRef function_output_shape(const asl::State& producer) {
  auto shape = std::make_shared<Shape>();
  shape->kind = ShapeKind::FunctionOutput;
  shape->producer = Producer::FunctionOutput;
  shape->origin = &producer;
  return shape;
}

ShapeRef error_output_shape() {
  static const ShapeRef shape =
      make_object({{"Error", unknown_shape()}, {"Cause", unknown_shape()}}, false);
  return shape;
}

ShapeRef join_objects(const ShapeRef& a, const ShapeRef& b) {
  std::vector<std::pair<std::string, ShapeRef>> fields;
  bool open = a->open || b->open;
  auto ia = a->fields.begin();
  auto ib = b->fields.begin();
  while (ia != a->fields.end() || ib != b->fields.end()) {
    if (ib == b->fields.end() || (ia != a->fields.end() && ia->first < ib->first)) {
      open = true;  // only one side has it: it may be missing
      ++ia;
    } else if (ia == a->fields.end() || ib->first < ia->first) {
      open = true;
      ++ib;
    } else {
      fields.emplace_back(ia->first, join(ia->second, ib->second));
      ++ia;
      ++ib;
    }
  }
  auto shape = std::const_pointer_cast<Shape>(make_object(std::move(fields), open));
  if (a->origin == b->origin && a->producer == b->producer) {
    shape->origin = a->origin;
    shape->producer = a->producer;
  }
  return shape;
}

}  // namespace

ShapeRef unknown_shape() {
  static const ShapeRef shape = make_kind(ShapeKind::Unknown);
  return shape;
}

ShapeRef bottom_shape() {
  static const ShapeRef shape = make_kind(ShapeKind::Bottom);
  return shape;
}

bool same_shape(const Shape& a, const Shape& b) {
  if (&a == &b) return true;
  if (a.kind != b.kind || a.open != b.open || a.producer != b.producer || a.origin != b.origin ||
      a.literal != b.literal || a.fields.size() != b.fields.size())
    return false;
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    if (a.fields[i].first != b.fields[i].first) return false;
    if (!same_shape(*a.fields[i].second, *b.fields[i].second)) return false;
  }
  return true;
}

ShapeRef join(const ShapeRef& a, const ShapeRef& b) {
  if (a == b || b->kind == ShapeKind::Bottom) return a;
  if (a->kind == ShapeKind::Bottom) return b;
  if (a->kind == ShapeKind::Unknown) return a;
  if (a->kind != b->kind || b->kind == ShapeKind::Unknown) return unknown_shape();
  if (same_shape(*a, *b)) return a;
  switch (a->kind) {
    case ShapeKind::Object: {
      ShapeRef joined = join_objects(a, b);
      return same_shape(*joined, *a) ? a : joined;
    }
    case ShapeKind::Array:
      return a;
    default:  // different literals or producers
      return unknown_shape();
  }
}

// ---------------------------------------------------------------------------------------------
// The analysis

struct DataFlow::Result {
  std::vector<const asl::State*> states;
  std::vector<std::size_t> scope_base;  // index of each scope's first state in `states`
  std::vector<ShapeRef> input;
  std::vector<ShapeRef> output;
  std::vector<bool> in_cycle;
  std::vector<ResultRead> reads;

  std::size_t index_of(const asl::State& state) const {
    return scope_base[state.scope->index()] +
           static_cast<std::size_t>(&state - state.scope->states().data());
  }
};

namespace {

bool is_null(const Node* node) {
  return node && node->is_null();
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// What each variable can hold, joined over every Assign of the machine: flow-insensitive, so a
// variable assigned different kinds of values anywhere is Unknown everywhere.
using VariableShapes = std::map<std::string, ShapeRef, std::less<>>;

// The parsed tree of each {% %} string, parsed on first use and kept for the later visits.
class JsonataTrees {
 public:
  // nullptr when the string is not an expression, holds a placeholder or does not parse.
  const jsonata::Ast* of(const Node& string) {
    auto found = trees_.find(&string);
    if (found == trees_.end()) found = trees_.emplace(&string, parse(string.text())).first;
    return found->second ? &*found->second : nullptr;
  }

  // Offsets in a tree count from the start of the expression, after "{%".
  static constexpr uint32_t kExpressionOffset = 2;

 private:
  static std::optional<jsonata::Ast> parse(std::string_view text) {
    if (!is_jsonata_expression(text) || has_placeholder(text)) return std::nullopt;
    jsonata::ParseResult parsed = jsonata::parse(text.substr(2, text.size() - 4));
    return std::move(parsed.ast);
  }

  std::unordered_map<const Node*, std::optional<jsonata::Ast>> trees_;
};

// Evaluates one state's pipeline; records result reads when `reads` is set.
class Transfer {
 public:
  Transfer(const asl::State& state, const LambdaCalls& calls, JsonataTrees& trees,
           const VariableShapes& variables, std::vector<ResultRead>* reads)
      : state_(state), calls_(calls), trees_(trees), variables_(variables), reads_(reads) {}

  // The state's output for `input`; also sets effective_input().
  ShapeRef output(const ShapeRef& input) {
    return state_.jsonata ? jsonata_output(input) : jsonpath_output(input);
  }
  const ShapeRef& effective_input() const { return effective_input_; }

  // The input a catcher's Next receives.
  ShapeRef catcher_output(const Node& catcher, const ShapeRef& input) const {
    if (state_.jsonata) return catcher.find("Output") ? unknown_shape() : error_output_shape();
    return apply_result_path(catcher.find("ResultPath"), input, error_output_shape());
  }

  // Records the reads of `$states.input` in the state's JSONata strings (those of Output and
  // Assign also of `$states.result`).
  void scan_jsonata_reads(const ShapeRef& input) {
    if (!reads_ || !state_.jsonata) return;
    const ShapeRef& result = jsonata_result_;
    for (const Node& member : state_.node->children()) {
      const std::string_view key = member.key();
      if (key == "Branches" || key == "ItemProcessor" || key == "Iterator") continue;
      const bool sees_result = key == "Output" || key == "Assign";
      scan_jsonata_node(member, input, sees_result ? result : nullptr);
    }
  }

  // Records the reads of the JSONPath fields the pipeline does not evaluate: Choice Variables
  // and *Path operands, ItemsPath, TimeoutSecondsPath, SecondsPath, ErrorPath, ...
  void scan_other_paths() {
    if (!reads_ || state_.jsonata || !effective_input_) return;
    scan_paths_of(*state_.node, true);
    if (const Node* choices = state_.field("Choices"); choices && choices->is_array()) {
      for (const Node& rule : choices->children())
        scan_choice_rule(rule);
    }
  }

 private:
  // ----- JSONPath -----

  ShapeRef jsonpath_output(const ShapeRef& raw_input) {
    const Node* input_path = state_.field("InputPath");
    ShapeRef input = is_null(input_path)                     ? make_object({}, false)
                     : input_path && input_path->is_string() ? read_path(*input_path, raw_input)
                                                             : raw_input;
    if (const Node* parameters = state_.field("Parameters"); parameters && state_.type != "Map")
      input = evaluate_template(*parameters, input);
    effective_input_ = input;
    const std::string_view type = state_.type;
    if (type == "Fail") return bottom_shape();
    ShapeRef result;
    if (type == "Task" || type == "Parallel" || type == "Map") {
      result = task_result();
      if (const Node* selector = state_.field("ResultSelector"))
        result = evaluate_template(*selector, result);
    } else if (type == "Pass") {
      const Node* literal = state_.field("Result");
      result = literal ? literal_value(*literal) : input;
    }
    result_ = result ? result : input;
    ShapeRef output =
        result ? apply_result_path(state_.field("ResultPath"), raw_input, result) : input;
    const Node* output_path = state_.field("OutputPath");
    if (is_null(output_path)) return make_object({}, false);
    if (output_path && output_path->is_string()) return read_path(*output_path, output);
    return output;
  }

  ShapeRef task_result() const {
    if (state_.type == "Parallel" || state_.type == "Map") return array_shape();
    const LambdaCall* call = calls_.of(state_);
    if (!call) return unknown_shape();
    switch (call->kind) {
      case LambdaCallKind::OptimizedInvoke: {
        const auto type = call->literal_string("InvocationType");
        const auto log = call->literal_string("LogType");
        return envelope_shape(state_, type && (*type == "Event" || *type == "DryRun"),
                              log && *log == "Tail");
      }
      case LambdaCallKind::FunctionArn:
        return function_output_shape(state_);
      default:
        return unknown_shape();
    }
  }

  // ResultPath places `result` into `raw_input`: absent or "$" → result; null → raw input.
  static ShapeRef apply_result_path(const Node* result_path, const ShapeRef& raw_input,
                                    const ShapeRef& result) {
    if (is_null(result_path)) return raw_input;
    if (!result_path || !result_path->is_string()) return result;
    const lang::PathResult parsed = lang::parse_reference_path(result_path->text());
    if (!parsed.ok() || parsed.path.root != lang::PathRoot::Input) return unknown_shape();
    for (const lang::PathSegment& segment : parsed.path.segments) {
      if (segment.kind != lang::SegmentKind::Field) return unknown_shape();
    }
    return place(raw_input, parsed.path.segments, 0, result);
  }

  static ShapeRef place(const ShapeRef& base, const std::vector<lang::PathSegment>& segments,
                        std::size_t at, const ShapeRef& value) {
    if (at == segments.size()) return value;
    const std::string& name = segments[at].name;
    std::vector<std::pair<std::string, ShapeRef>> fields;
    bool open = true;  // an input of unknown kind may hold other fields
    if (base->kind == ShapeKind::Object) {
      fields = base->fields;
      open = base->open;
    }
    ShapeRef inner = unknown_shape();
    auto it =
        std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == name; });
    if (it != fields.end()) inner = it->second;
    ShapeRef placed = place(inner, segments, at + 1, value);
    if (it != fields.end()) {
      it->second = std::move(placed);
    } else {
      fields.emplace_back(name, std::move(placed));
    }
    return make_object(std::move(fields), open);
  }

  // A Payload Template (Parameters, ResultSelector) over `input`.
  ShapeRef evaluate_template(const Node& node, const ShapeRef& input) {
    if (!node.is_object()) return literal_value(node);
    std::vector<std::pair<std::string, ShapeRef>> fields;
    for (const Node& member : node.children()) {
      const std::string_view key = member.key();
      if (ends_with(key, ".$")) {
        ShapeRef value = member.is_string() && member.text().starts_with("$")
                             ? read_path(member, input)
                             : unknown_shape();  // an intrinsic function call
        fields.emplace_back(std::string(key.substr(0, key.size() - 2)), std::move(value));
      } else {
        fields.emplace_back(std::string(key), evaluate_template(member, input));
      }
    }
    return make_object(std::move(fields), false);
  }

  static ShapeRef literal_value(const Node& node) {
    if (node.is_array()) return array_shape();
    if (!node.is_object()) return literal_shape(node);
    std::vector<std::pair<std::string, ShapeRef>> fields;
    for (const Node& member : node.children())
      fields.emplace_back(std::string(member.key()), literal_value(member));
    return make_object(std::move(fields), false);
  }

  // The value of the Path in string `node` over `input`, recording result reads.
  ShapeRef read_path(const Node& node, const ShapeRef& input) {
    if (has_placeholder(node.text())) return unknown_shape();
    const lang::PathResult parsed = lang::parse_path(node.text());
    if (!parsed.ok() || parsed.path.root == lang::PathRoot::Context) return unknown_shape();
    ShapeRef current_ref = input;
    if (parsed.path.root == lang::PathRoot::Variable) {
      const auto variable = variables_.find(parsed.path.variable);
      if (variable == variables_.end()) return unknown_shape();
      current_ref = variable->second;
    }
    const Shape* current = current_ref.get();
    for (const lang::PathSegment& segment : parsed.path.segments) {
      if (segment.kind != lang::SegmentKind::Field || segment.recursive) return unknown_shape();
      const Shape* next =
          current->kind == ShapeKind::Object ? current->field(segment.name) : nullptr;
      record_read(*current, next, node, segment.name_offset, segment.name_length, segment.name);
      if (!next) return unknown_shape();
      current = next;
      current_ref = find_ref(current_ref, segment.name);
    }
    return current_ref;
  }

  static ShapeRef find_ref(const ShapeRef& object, std::string_view name) {
    for (const auto& [key, value] : object->fields) {
      if (key == name) return value;
    }
    return unknown_shape();
  }

  // A read of field `name` of `from`, landing on `to` (nullptr when unknown). The field of an
  // envelope or function output is recorded; so is landing on the empty Payload of an Event
  // invoke, wherever a ResultSelector or Output copied it.
  void record_read(const Shape& from, const Shape* to, const Node& node, uint32_t offset,
                   uint32_t length, std::string_view name) {
    if (!reads_) return;
    const Shape* tagged =
        to && to->kind == ShapeKind::EmptyString ? to
        : from.producer == Producer::Envelope || from.producer == Producer::FunctionOutput
            ? &from
            : nullptr;
    if (!tagged || tagged->producer == Producer::None) return;
    reads_->push_back(ResultRead{&state_, &node, offset, length, tagged->origin, tagged->producer,
                                 std::string(name)});
  }

  void scan_paths_of(const Node& object, bool state_level) {
    if (!object.is_object()) return;
    for (const Node& member : object.children()) {
      const std::string_view key = member.key();
      if (!member.is_string() || !(key == "Variable" || ends_with(key, "Path"))) continue;
      if (state_level && (key == "InputPath" || key == "OutputPath" || key == "ResultPath"))
        continue;
      read_path(member, effective_input_);
    }
  }

  void scan_choice_rule(const Node& rule) {
    scan_paths_of(rule, false);
    for (const std::string_view combinator : {"And", "Or"}) {
      if (const Node* rules = rule.find(combinator); rules && rules->is_array()) {
        for (const Node& inner : rules->children())
          scan_choice_rule(inner);
      }
    }
    if (const Node* inner = rule.find("Not"); inner && inner->is_object()) scan_choice_rule(*inner);
  }

  // ----- JSONata -----

  ShapeRef jsonata_output(const ShapeRef& input) {
    effective_input_ = input;
    const std::string_view type = state_.type;
    if (type == "Fail") return bottom_shape();
    ShapeRef result;
    if (type == "Task" || type == "Parallel" || type == "Map") result = task_result();
    result_ = result ? result : input;
    jsonata_result_ = result;
    const Node* output = state_.field("Output");
    if (!output) return result ? result : input;
    return jsonata_template(*output, input, result);
  }

  ShapeRef jsonata_template(const Node& node, const ShapeRef& input, const ShapeRef& result) {
    if (node.is_object()) {
      std::vector<std::pair<std::string, ShapeRef>> fields;
      for (const Node& member : node.children())
        fields.emplace_back(std::string(member.key()), jsonata_template(member, input, result));
      return make_object(std::move(fields), false);
    }
    if (node.is_array()) return array_shape();
    if (!node.is_string() || !is_jsonata_expression(node.text())) return literal_shape(node);
    const jsonata::Ast* ast = trees_.of(node);
    if (!ast) return unknown_shape();
    return follow_chain(*ast, ast->root(), input, result, nullptr);
  }

  // The value a chain of field names reads from `$states.input`, `$states.result` or a variable
  // (`$states.result.Payload.id`, `$order.total`); Unknown for anything else. With `record_in`
  // set, each field read along the chain is recorded against that string.
  ShapeRef follow_chain(const jsonata::Ast& ast, uint32_t index, const ShapeRef& input,
                        const ShapeRef& result, const Node* record_in) {
    const jsonata::AstNode& node = ast.node(index);
    std::span<const uint32_t> steps;
    if (node.kind == jsonata::NodeKind::kPath) {
      steps = node.children;
    } else if (node.kind == jsonata::NodeKind::kVariable) {
      steps = std::span<const uint32_t>(&index, 1);
    } else {
      return unknown_shape();
    }
    std::size_t next = 0;
    ShapeRef current = chain_start(ast, steps, input, result, next);
    if (!current) return unknown_shape();
    for (; next < steps.size(); ++next) {
      const jsonata::AstNode& step = ast.node(steps[next]);
      if (step.kind != jsonata::NodeKind::kName || step.keep_array) return unknown_shape();
      const Shape* field = current->kind == ShapeKind::Object ? current->field(step.text) : nullptr;
      if (record_in) {
        record_read(*current, field, *record_in, JsonataTrees::kExpressionOffset + step.offset,
                    step.length, step.text);
      }
      if (!field) return unknown_shape();
      current = find_ref(current, step.text);
    }
    return current;
  }

  // Where a chain starts: `$states.input`, `$states.result` (when the field may read it) or a
  // variable with a known shape; sets `next` to the first step after the start. Null otherwise.
  ShapeRef chain_start(const jsonata::Ast& ast, std::span<const uint32_t> steps,
                       const ShapeRef& input, const ShapeRef& result, std::size_t& next) const {
    const jsonata::AstNode& first = ast.node(steps[0]);
    if (first.kind != jsonata::NodeKind::kVariable || first.text.empty() || first.text == "$")
      return nullptr;
    if (first.text != "states") {
      const auto variable = variables_.find(first.text);
      if (variable == variables_.end()) return nullptr;
      next = 1;
      return variable->second;
    }
    if (steps.size() < 2 || ast.node(steps[1]).kind != jsonata::NodeKind::kName) return nullptr;
    next = 2;
    const std::string_view member = ast.node(steps[1]).text;
    if (member == "input") return input;
    if (member == "result") return result;
    return nullptr;
  }

  void scan_jsonata_node(const Node& node, const ShapeRef& input, const ShapeRef& result) {
    if (node.is_object() || node.is_array()) {
      for (const Node& child : node.children())
        scan_jsonata_node(child, input, result);
      return;
    }
    if (!node.is_string()) return;
    const jsonata::Ast* ast = trees_.of(node);
    if (!ast) return;
    for (uint32_t index = 0; index < ast->size(); ++index) {
      if (ast->node(index).kind == jsonata::NodeKind::kPath)
        follow_chain(*ast, index, input, result, &node);
    }
  }

  // ----- Variables -----

 public:
  // The shapes the state's Assign gives its variables. A Choice rule's or a catcher's Assign
  // counts as Unknown: what it assigns is not followed.
  std::vector<std::pair<std::string, ShapeRef>> assignments() {
    std::vector<std::pair<std::string, ShapeRef>> assigned;
    if (!effective_input_) return assigned;
    if (const Node* assign = state_.field("Assign"); assign && assign->is_object()) {
      for (const Node& member : assign->children())
        assigned.push_back(assignment(member));
    }
    for (const char* list : {"Choices", "Catch"}) {
      const Node* entries = state_.field(list);
      if (!entries || !entries->is_array()) continue;
      for (const Node& entry : entries->children()) {
        const Node* assign = entry.is_object() ? entry.find("Assign") : nullptr;
        if (!assign || !assign->is_object()) continue;
        for (const Node& member : assign->children())
          assigned.emplace_back(variable_name(member.key()), unknown_shape());
      }
    }
    return assigned;
  }

 private:
  static std::string variable_name(std::string_view key) {
    return std::string(ends_with(key, ".$") ? key.substr(0, key.size() - 2) : key);
  }

  // One member of the state's own Assign: JSONata over the state input and result, JSONPath
  // (`"name.$": "$.path"`) over the result.
  std::pair<std::string, ShapeRef> assignment(const Node& member) {
    const std::string_view key = member.key();
    if (state_.jsonata)
      return {std::string(key), jsonata_template(member, effective_input_, jsonata_result_)};
    if (!ends_with(key, ".$")) return {std::string(key), literal_value(member)};
    const bool path = member.is_string() && member.text().starts_with("$");
    return {variable_name(key), path ? read_path(member, result_) : unknown_shape()};
  }

  const asl::State& state_;
  const LambdaCalls& calls_;
  JsonataTrees& trees_;
  const VariableShapes& variables_;
  std::vector<ResultRead>* reads_;
  ShapeRef effective_input_;
  ShapeRef result_;
  ShapeRef jsonata_result_;  // JSONata: the Task, Map or Parallel result $states.result names
};

// A state whose input changed this many times is widened to Unknown.
constexpr int kMaxUpdates = 6;

class Solver {
 public:
  Solver(const asl::StateMachine& machine, const TransitionGraph& transitions,
         const LambdaCalls& calls, DataFlow::Result& result)
      : machine_(machine), transitions_(transitions), calls_(calls), r_(result) {}

  void run() {
    index_states();
    owned_scopes_.resize(r_.states.size());
    for (const asl::Scope& scope : machine_.scopes()) {
      if (scope.owner()) owned_scopes_[r_.index_of(*scope.owner())].push_back(&scope);
    }
    if (const asl::State* start = start_of(machine_.top_level()))
      flow_into(*start, unknown_shape());
    // A variable's shape changing changes what its readers see: every reached state is visited
    // again until neither inputs nor variables change.
    do {
      variables_changed_ = false;
      while (!queue_.empty()) {
        const std::size_t index = queue_.front();
        queue_.pop_front();
        queued_[index] = false;
        visit(index, nullptr);
      }
      if (variables_changed_) queue_reached_states();
    } while (!queue_.empty());
    for (std::size_t i = 0; i < r_.states.size(); ++i)
      visit(i, &r_.reads);
    find_cycles();
  }

 private:
  void index_states() {
    for (const asl::Scope& scope : machine_.scopes()) {
      r_.scope_base.push_back(r_.states.size());
      for (const asl::State& state : scope.states())
        r_.states.push_back(&state);
    }
    r_.input.assign(r_.states.size(), bottom_shape());
    r_.output.assign(r_.states.size(), bottom_shape());
    queued_.assign(r_.states.size(), false);
    updates_.assign(r_.states.size(), 0);
  }

  static const asl::State* start_of(const asl::Scope& scope) {
    const Node* start = scope.start_at();
    return start && start->is_string() ? scope.find(start->text()) : nullptr;
  }

  void flow_into(const asl::State& target, const ShapeRef& shape) {
    const std::size_t index = r_.index_of(target);
    ShapeRef joined = join(r_.input[index], shape);
    if (joined == r_.input[index]) return;
    if (++updates_[index] > kMaxUpdates) joined = unknown_shape();
    if (joined == r_.input[index]) return;
    r_.input[index] = std::move(joined);
    if (!queued_[index]) {
      queued_[index] = true;
      queue_.push_back(index);
    }
  }

  // Final pass (`reads` set): unreached states are evaluated from Unknown, so that reads of
  // their own result are still found, and nothing flows on.
  void visit(std::size_t index, std::vector<ResultRead>* reads) {
    const asl::State& state = *r_.states[index];
    const bool final_pass = reads != nullptr;
    ShapeRef input = r_.input[index];
    if (input->kind == ShapeKind::Bottom) {
      if (!final_pass) return;
      input = unknown_shape();
    }
    Transfer transfer(state, calls_, trees_, variables_, reads);
    ShapeRef output = transfer.output(input);
    transfer.scan_jsonata_reads(input);
    transfer.scan_other_paths();
    if (final_pass) {
      r_.output[index] = std::move(output);
      return;
    }
    for (auto& [name, shape] : transfer.assignments())
      assign_variable(name, shape);
    for (const Transition& transition : transitions_.transitions_of(state)) {
      if (!transition.target) continue;
      if (transition.field == "Catch") {
        flow_into(*transition.target,
                  transfer.catcher_output(*transition.target_name->parent(), input));
      } else {
        flow_into(*transition.target, output);
      }
    }
    for (const asl::Scope* scope : owned_scopes_[index]) {
      const asl::State* start = start_of(*scope);
      if (!start) continue;
      const bool branch = scope->kind() == asl::Scope::Kind::ParallelBranch;
      flow_into(*start, branch ? transfer.effective_input() : unknown_shape());
    }
  }

  void assign_variable(const std::string& name, const ShapeRef& shape) {
    auto [found, inserted] = variables_.emplace(name, shape);
    if (inserted) {
      variables_changed_ = true;
      return;
    }
    ShapeRef joined = join(found->second, shape);
    if (joined == found->second) return;
    if (++variable_updates_[name] > kMaxUpdates) joined = unknown_shape();
    if (joined == found->second) return;
    found->second = std::move(joined);
    variables_changed_ = true;
  }

  void queue_reached_states() {
    for (std::size_t index = 0; index < r_.states.size(); ++index) {
      if (r_.input[index]->kind == ShapeKind::Bottom || queued_[index]) continue;
      queued_[index] = true;
      queue_.push_back(index);
    }
  }

  // Tarjan's strongly connected components, iteratively, over Next/Default/Choices/Catch.
  void find_cycles() {
    const std::size_t n = r_.states.size();
    r_.in_cycle.assign(n, false);
    constexpr uint32_t kUnvisited = UINT32_MAX;
    std::vector<uint32_t> order(n, kUnvisited), low(n, 0);
    std::vector<bool> on_stack(n, false);
    std::vector<std::size_t> stack;
    std::vector<std::pair<std::size_t, std::size_t>> calls;  // state, next transition
    uint32_t counter = 0;
    for (std::size_t root = 0; root < n; ++root) {
      if (order[root] != kUnvisited) continue;
      calls.emplace_back(root, 0);
      order[root] = low[root] = counter++;
      stack.push_back(root);
      on_stack[root] = true;
      while (!calls.empty()) {
        auto& [v, next] = calls.back();
        const auto edges = transitions_.transitions_of(*r_.states[v]);
        if (next < edges.size()) {
          const asl::State* target = edges[next++].target;
          if (!target) continue;
          const std::size_t w = r_.index_of(*target);
          if (w == v) r_.in_cycle[v] = true;
          if (order[w] == kUnvisited) {
            order[w] = low[w] = counter++;
            stack.push_back(w);
            on_stack[w] = true;
            calls.emplace_back(w, 0);
          } else if (on_stack[w]) {
            low[v] = std::min(low[v], order[w]);
          }
          continue;
        }
        const std::size_t done = v;
        calls.pop_back();
        if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[done]);
        if (low[done] != order[done]) continue;
        std::vector<std::size_t> component;
        std::size_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          component.push_back(w);
        } while (w != done);
        if (component.size() > 1) {
          for (const std::size_t member : component)
            r_.in_cycle[member] = true;
        }
      }
    }
  }

  const asl::StateMachine& machine_;
  const TransitionGraph& transitions_;
  const LambdaCalls& calls_;
  DataFlow::Result& r_;
  std::vector<std::vector<const asl::Scope*>> owned_scopes_;
  std::deque<std::size_t> queue_;
  std::vector<bool> queued_;
  std::vector<int> updates_;
  JsonataTrees trees_;
  VariableShapes variables_;
  std::map<std::string, int, std::less<>> variable_updates_;
  bool variables_changed_ = false;
};

}  // namespace

DataFlow::DataFlow(const asl::StateMachine& machine, const TransitionGraph& transitions,
                   const LambdaCalls& lambda_calls)
    : machine_(machine), transitions_(transitions), lambda_calls_(lambda_calls) {}

DataFlow::~DataFlow() = default;

const DataFlow::Result& DataFlow::result() const {
  if (!result_) {
    auto result = std::make_unique<Result>();
    Solver(machine_, transitions_, lambda_calls_, *result).run();
    result_ = std::move(result);
  }
  return *result_;
}

const ShapeRef& DataFlow::input_of(const asl::State& state) const {
  const Result& r = result();
  return r.input[r.index_of(state)];
}

const ShapeRef& DataFlow::output_of(const asl::State& state) const {
  const Result& r = result();
  return r.output[r.index_of(state)];
}

const std::vector<ResultRead>& DataFlow::result_reads() const {
  return result().reads;
}

bool DataFlow::in_cycle(const asl::State& state) const {
  const Result& r = result();
  return r.in_cycle[r.index_of(state)];
}

bool DataFlow::in_map_iteration(const asl::State& state) {
  for (const asl::Scope* scope = state.scope; scope;
       scope = scope->owner() ? scope->owner()->scope : nullptr) {
    if (scope->kind() == asl::Scope::Kind::MapProcessor) return true;
  }
  return false;
}

bool DataFlow::holds_envelope_of(const Shape& shape, const asl::State& producer) {
  if (shape.kind == ShapeKind::Object && shape.origin == &producer &&
      (shape.producer == Producer::Envelope || shape.producer == Producer::AsyncEnvelope))
    return true;
  if (shape.kind != ShapeKind::Object) return false;
  for (const auto& [name, value] : shape.fields) {
    if (holds_envelope_of(*value, producer)) return true;
  }
  return false;
}

}  // namespace wflint::analysis
