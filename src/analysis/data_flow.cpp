#include "analysis/data_flow.h"

#include <algorithm>
#include <deque>

#include "analysis/path_fields.h"
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

// Evaluates one state's pipeline; records result reads when `reads` is set.
class Transfer {
 public:
  Transfer(const asl::State& state, const LambdaCalls& calls, std::vector<ResultRead>* reads)
      : state_(state), calls_(calls), reads_(reads) {}

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
  void scan_jsonata_reads(const ShapeRef& input, const ShapeRef& result) {
    if (!reads_ || !state_.jsonata) return;
    for (const Node& member : state_.node->children()) {
      const std::string_view key = member.key();
      if (key == "Branches" || key == "ItemProcessor" || key == "Iterator") continue;
      const bool sees_result = key == "Output" || key == "Assign";
      scan_jsonata_node(member, input, sees_result ? result : nullptr);
    }
  }

  const ShapeRef& result() const { return result_; }

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
    if (!parsed.ok() || parsed.path.root != lang::PathRoot::Input) return unknown_shape();
    const Shape* current = input.get();
    ShapeRef current_ref = input;
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
    return simple_jsonata_value(node.text(), input, result);
  }

  // `{% $states.result.a.b %}` or `{% $states.input.a %}` alone; anything else is Unknown.
  static ShapeRef simple_jsonata_value(std::string_view text, const ShapeRef& input,
                                       const ShapeRef& result) {
    std::string_view expression = text.substr(2, text.size() - 4);
    const auto trim = [](std::string_view s) {
      while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t'))
        s.remove_prefix(1);
      while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t'))
        s.remove_suffix(1);
      return s;
    };
    expression = trim(expression);
    ShapeRef current;
    if (expression.starts_with("$states.result") && result) {
      current = result;
      expression.remove_prefix(14);
    } else if (expression.starts_with("$states.input")) {
      current = input;
      expression.remove_prefix(13);
    } else {
      return unknown_shape();
    }
    while (!expression.empty()) {
      if (expression.front() != '.') return unknown_shape();
      expression.remove_prefix(1);
      const std::size_t length = identifier_length(expression);
      if (length == 0) return unknown_shape();
      current = current->kind == ShapeKind::Object ? find_ref(current, expression.substr(0, length))
                                                   : unknown_shape();
      expression.remove_prefix(length);
    }
    return current;
  }

  static std::size_t identifier_length(std::string_view text) {
    std::size_t length = 0;
    while (length < text.size()) {
      const char c = text[length];
      const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
                          (length > 0 && c >= '0' && c <= '9');
      if (!letter) break;
      ++length;
    }
    return length;
  }

  void scan_jsonata_node(const Node& node, const ShapeRef& input, const ShapeRef& result) {
    if (node.is_object() || node.is_array()) {
      for (const Node& child : node.children())
        scan_jsonata_node(child, input, result);
      return;
    }
    if (!node.is_string() || !is_jsonata_expression(node.text())) return;
    scan_jsonata_text(node, "$states.input", input);
    if (result) scan_jsonata_text(node, "$states.result", result);
  }

  // Every `root.a.b` in the expression: the fields read along the chain.
  void scan_jsonata_text(const Node& node, std::string_view root, const ShapeRef& start) {
    const std::string_view text = node.text();
    for (std::size_t at = text.find(root); at != std::string_view::npos;
         at = text.find(root, at + 1)) {
      std::size_t position = at + root.size();
      if (position < text.size() && identifier_length(text.substr(position)) > 0) continue;
      const Shape* current = start.get();
      while (current && position < text.size() && text[position] == '.') {
        const std::size_t length = identifier_length(text.substr(position + 1));
        if (length == 0) break;
        const std::string_view name = text.substr(position + 1, length);
        const Shape* next = current->kind == ShapeKind::Object ? current->field(name) : nullptr;
        record_read(*current, next, node, static_cast<uint32_t>(position + 1),
                    static_cast<uint32_t>(length), name);
        current = next;
        position += 1 + length;
      }
    }
  }

  const asl::State& state_;
  const LambdaCalls& calls_;
  std::vector<ResultRead>* reads_;
  ShapeRef effective_input_;
  ShapeRef result_;
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
    while (!queue_.empty()) {
      const std::size_t index = queue_.front();
      queue_.pop_front();
      queued_[index] = false;
      visit(index, nullptr);
    }
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
    Transfer transfer(state, calls_, reads);
    ShapeRef output = transfer.output(input);
    transfer.scan_jsonata_reads(input, transfer.result());
    transfer.scan_other_paths();
    if (final_pass) {
      r_.output[index] = std::move(output);
      return;
    }
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
