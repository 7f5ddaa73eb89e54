#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/lambda_calls.h"
#include "analysis/transitions.h"
#include "model/asl/state_machine.h"

namespace wflint::analysis {

// What a value is known to be: a small lattice. Bottom (not reached yet) < every other kind <
// Unknown (anything). Shapes are immutable and shared: copying one is copying a pointer.
enum class ShapeKind : uint8_t {
  Bottom,
  Unknown,
  Object,          // known fields; `open` when others may exist
  Array,           // elements unknown (Parallel and Map results, literal arrays)
  Literal,         // a constant scalar of the definition (Pass Result, a template constant)
  EmptyString,     // "": the Payload of an Event or DryRun invoke
  FunctionOutput,  // a plain function ARN's result: unknown content, but never an Invoke envelope
};

// Which Lambda task produced an Object (the Invoke envelope) or a FunctionOutput.
enum class Producer : uint8_t { None, Envelope, AsyncEnvelope, FunctionOutput };

struct Shape;
using ShapeRef = std::shared_ptr<const Shape>;

struct Shape {
  ShapeKind kind = ShapeKind::Unknown;
  bool open = false;  // Object: fields other than `fields` may exist
  uint8_t depth = 1;  // nesting levels, bounded by kMaxDepth
  std::vector<std::pair<std::string, ShapeRef>> fields;  // Object: sorted by name
  const Node* literal = nullptr;                         // Literal: its node
  Producer producer = Producer::None;
  const asl::State* origin = nullptr;  // the Task state that produced it

  const Shape* field(std::string_view name) const;

  // Bounds that keep the lattice finite: deeper values become Unknown, wider objects open.
  static constexpr uint8_t kMaxDepth = 8;
  static constexpr std::size_t kMaxFields = 32;
};

ShapeRef unknown_shape();
ShapeRef bottom_shape();
// The least shape holding both; `a` itself when it already does (so callers can test change by
// pointer, then by structure).
ShapeRef join(const ShapeRef& a, const ShapeRef& b);
bool same_shape(const Shape& a, const Shape& b);

// A read of one field of a Lambda task's result, found by following what can reach the reading
// state: `$.result.Payload` in a later state, `$.Payload` in the task's own ResultSelector or
// OutputPath, `$states.result.Payload` or `$states.input.r.StatusCode` in JSONata. Only reads the
// analysis can decide are recorded: every path reaching the reader carries that task's result.
struct ResultRead {
  const asl::State* reader = nullptr;
  const Node* value = nullptr;  // the string holding the path or the expression
  uint32_t offset = 0;          // the field name inside value->text()
  uint32_t length = 0;
  const asl::State* producer = nullptr;
  Producer produced = Producer::None;
  std::string field;  // "Payload", "StatusCode", ...

  Span span() const { return value->text_span(offset, length); }
};

// What every state's input and output can hold, for the whole machine, computed on first request
// (nothing runs when no rule asks).
//
// Model: a forward analysis over the transition graph (Next, Default, Choices, Catch, and from a
// Parallel to its branches' StartAt) to a fixed point with a worklist. Each state's transfer
// follows the JSONPath pipeline InputPath → Parameters → result → ResultSelector → ResultPath →
// OutputPath, or in JSONata the result → Output (chains of field names from `$states.result`,
// `$states.input` or a variable, read on the parsed expression; any other expression is
// Unknown). Variables: what each can hold is joined over every Assign of the machine
// (flow-insensitive), and reads of `$name.field` in either query language follow it; a Choice
// rule's or a catcher's Assign makes its variables Unknown. Results: the optimized invoke gives
// the Invoke envelope (Payload "" when InvocationType is a literal Event or DryRun), a function ARN
// a FunctionOutput, a Pass its Result, Parallel and Map an Array, anything else Unknown. A catcher
// places the Error Output {Error, Cause} at its ResultPath. The top-level StartAt and every Map
// iteration start from Unknown; a Parallel branch from the Parallel's effective input.
// Termination: bounded depth and width, and a state whose input changed more than a few times is
// widened to Unknown, so each state is visited a bounded number of times: linear in states and
// transitions.
class DataFlow {
 public:
  DataFlow(const asl::StateMachine& machine, const TransitionGraph& transitions,
           const LambdaCalls& lambda_calls);
  ~DataFlow();
  DataFlow(const DataFlow&) = delete;
  DataFlow& operator=(const DataFlow&) = delete;

  // Bottom for states no path reaches.
  const ShapeRef& input_of(const asl::State& state) const;
  // Computed from Unknown input for unreached states.
  const ShapeRef& output_of(const asl::State& state) const;
  // Reads of fields of Lambda results (see ResultRead), in state order.
  const std::vector<ResultRead>& result_reads() const;
  // The state lies on a cycle of its scope's transition graph.
  bool in_cycle(const asl::State& state) const;
  // The state runs once per item of an enclosing Map.
  static bool in_map_iteration(const asl::State& state);
  // Some field of `shape`, at any depth, is the envelope `producer` returned.
  static bool holds_envelope_of(const Shape& shape, const asl::State& producer);

  struct Result;

 private:
  const Result& result() const;

  const asl::StateMachine& machine_;
  const TransitionGraph& transitions_;
  const LambdaCalls& lambda_calls_;
  mutable std::unique_ptr<Result> result_;
};

}  // namespace wflint::analysis
