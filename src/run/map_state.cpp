#include <fmt/format.h>

#include <cmath>

#include "load/node.h"
#include "run/execution.h"
#include "run/jsonata_fields.h"

namespace wflint::run {

namespace {

bool is_integer_value(const Json& value) {
  if (value.is_number_integer()) return true;
  return value.is_number_float() && std::floor(value.get<double>()) == value.get<double>();
}

RunError runtime(std::string cause) {
  return RunError{"States.Runtime", std::move(cause)};
}

// A numeric Map field given literally or through its "...Path" twin (MaxConcurrency,
// ToleratedFailureCount, ToleratedFailurePercentage, MaxItemsPerBatch, ...).
Outcome<std::optional<double>> numeric_field(Execution& execution, const Node& owner,
                                             std::string_view field, bool integer,
                                             const Json& input, const Variables& variables) {
  if (const Node* literal = owner.find(field)) {
    if (!literal->is_string()) return std::optional<double>(literal->number());
    JsonataFields fields(execution, variables, input);
    auto computed = fields.typed_value(*literal, field, integer ? "integer" : "number");
    if (!computed.ok()) return std::move(computed.error());
    return std::optional<double>(computed.value().get<double>());
  }
  const std::string path_field = std::string(field) + "Path";
  const Node* path = owner.find(path_field);
  if (path == nullptr) return std::optional<double>();
  auto value = read_reference_path(path->text(), execution.view_of(input, variables));
  if (!value.ok()) return std::move(value.error());
  // A numeric string counts as its number ("1" from a variable is accepted, as AWS does).
  Json number = value.value();
  if (number.is_string()) {
    auto parsed = parse_json(number.get<std::string>());
    if (parsed.ok() && parsed.value().is_number()) number = std::move(parsed.value());
  }
  if (!number.is_number() || (integer && !is_integer_value(number))) {
    return runtime(fmt::format("The {} field refers to value \"{}\" which is not a valid {}: {}",
                               path_field, message_text(number), integer ? "integer" : "float",
                               path->text()));
  }
  return std::optional<double>(number.get<double>());
}

struct Tolerance {
  bool enabled = false;
  std::optional<double> count;
  std::optional<double> percentage;

  bool exceeded(std::size_t failures, std::size_t total) const {
    if (count && static_cast<double>(failures) > *count) return true;
    if (percentage && total > 0 &&
        100.0 * static_cast<double>(failures) / static_cast<double>(total) > *percentage) {
      return true;
    }
    return !count && !percentage && failures > 0;
  }
};

Outcome<Tolerance> tolerance_of(Execution& execution, const Node& state, const Json& input,
                                const Variables& variables) {
  Tolerance tolerance;
  auto count = numeric_field(execution, state, "ToleratedFailureCount", true, input, variables);
  if (!count.ok()) return std::move(count.error());
  auto percentage =
      numeric_field(execution, state, "ToleratedFailurePercentage", false, input, variables);
  if (!percentage.ok()) return std::move(percentage.error());
  tolerance.count = count.value();
  tolerance.percentage = percentage.value();
  if (tolerance.count && *tolerance.count < 0) {
    return runtime("ToleratedFailureCount cannot be negative.");
  }
  if (tolerance.percentage && (*tolerance.percentage < 0 || *tolerance.percentage > 100)) {
    return runtime("ToleratedFailurePercentage must be between 0 and 100.");
  }
  tolerance.enabled = tolerance.count.has_value() || tolerance.percentage.has_value();
  return tolerance;
}

const Node* processor_of(const Node& state) {
  const Node* processor = state.find("ItemProcessor");
  return processor != nullptr ? processor : state.find("Iterator");
}

bool is_distributed(const Node& state) {
  const Node* processor = processor_of(state);
  const Node* config = processor == nullptr ? nullptr : processor->find("ProcessorConfig");
  return config != nullptr && config->find_string("Mode") == "DISTRIBUTED";
}

// JSONata: Items, or else the state input, which must then be an array.
Outcome<Json> jsonata_items(Execution& execution, const Node& state, const Json& input,
                            const Variables& variables) {
  if (const Node* items = state.find("Items")) {
    JsonataFields fields(execution, variables, input);
    return fields.typed_value(*items, "Items", "array");
  }
  if (!input.is_array()) {
    return RunError{"States.QueryEvaluationError",
                    fmt::format("Map state input must be an array but was: {}", to_text(input))};
  }
  return input;
}

// A template field of the Map (ItemSelector, BatchInput) in the state's query language.
Outcome<Json> map_template(Execution& execution, const StateEntry& entry, const Node& field,
                           std::string_view name, const Json& input, const Variables& variables) {
  if (!entry.jsonata) return apply_template(field, execution.view_of(input, variables));
  JsonataFields fields(execution, variables, input);
  return fields.value(field, name);
}

// The items a Map iterates: from its mocked ItemReader, or from ItemsPath over its input.
Outcome<Json> map_items(Execution& execution, const StateEntry& entry, const Json& input,
                        const Variables& variables) {
  const Node& state = *entry.state;
  if (const Node* reader = state.find("ItemReader")) {
    const TestCaseMocks* mocks = execution.options().mocks;
    const MockedResponses* responses =
        mocks == nullptr ? nullptr : mocks->responses_for(entry.name);
    if (responses == nullptr) {
      return RunError{
          "wflint.NotMocked",
          fmt::format("Map state '{}' reads its items with an ItemReader ({}): mock the "
                      "state in the mock file, its Return being the items.",
                      entry.name, reader->find_string("Resource"))};
    }
    const MockResponse* response = responses->at(execution.next_mock_call(entry.name));
    if (response == nullptr) {
      return runtime("The mocked ItemReader response has no answer for this call.");
    }
    if (response->throws) return RunError{response->error, response->cause};
    if (!response->returned.is_array()) {
      return RunError{"States.ItemReaderFailed", "Attempting to map over non-iterable node."};
    }
    Json items = response->returned;
    if (const Node* config = reader->find("ReaderConfig")) {
      auto max_items = numeric_field(execution, *config, "MaxItems", true, input, variables);
      if (!max_items.ok()) return std::move(max_items.error());
      if (max_items.value() && *max_items.value() > 0 &&
          items.size() > static_cast<std::size_t>(*max_items.value())) {
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(*max_items.value()), items.end());
      }
    }
    return items;
  }
  if (entry.jsonata) return jsonata_items(execution, state, input, variables);
  const Node* items_path = state.find("ItemsPath");
  const std::string_view path = items_path == nullptr ? "$" : items_path->text();
  auto items = read_reference_path(path, execution.view_of(input, variables));
  if (!items.ok()) return items;
  if (!items.value().is_array()) {
    return runtime(fmt::format("Reference path \"{}\" must point to array.", path));
  }
  return items;
}

// Each iteration's input: the item, or ItemSelector (Parameters) evaluated with $$.Map.Item set.
Outcome<Json> iteration_input(Execution& execution, const StateEntry& entry, const Json& input,
                              const Json& item, std::size_t index, const Variables& variables) {
  const Node& state = *entry.state;
  const Node* selector = state.find("ItemSelector");
  if (selector == nullptr) selector = state.find("Parameters");
  if (selector == nullptr) return item;
  execution.context()["Map"] = Json{{"Item", {{"Index", index}, {"Value", item}}}};
  auto selected = map_template(execution, entry, *selector, "ItemSelector", input, variables);
  execution.context().erase("Map");
  return selected;
}

// ItemBatcher: groups iteration inputs into {"Items": [...], "BatchInput": ...}.
Outcome<Json> batch_inputs(Execution& execution, const StateEntry& entry, const Node& batcher,
                           const Json& input, Json inputs, const Variables& variables) {
  auto max_items = numeric_field(execution, batcher, "MaxItemsPerBatch", true, input, variables);
  if (!max_items.ok()) return std::move(max_items.error());
  auto max_bytes =
      numeric_field(execution, batcher, "MaxInputBytesPerBatch", true, input, variables);
  if (!max_bytes.ok()) return std::move(max_bytes.error());
  Json batch_input;
  if (const Node* template_node = batcher.find("BatchInput")) {
    auto made =
        map_template(execution, entry, *template_node, "ItemBatcher/BatchInput", input, variables);
    if (!made.ok()) return made;
    batch_input = std::move(made.value());
  }
  const std::size_t item_limit = max_items.value() && *max_items.value() > 0
                                     ? static_cast<std::size_t>(*max_items.value())
                                     : SIZE_MAX;
  const std::size_t byte_limit = max_bytes.value() && *max_bytes.value() > 0
                                     ? static_cast<std::size_t>(*max_bytes.value())
                                     : kDataLimitBytes;
  Json batches = Json::array();
  Json current = Json::array();
  std::size_t current_bytes = 2;
  auto flush = [&] {
    if (current.empty()) return;
    Json batch = Json{{"Items", std::move(current)}};
    if (!batch_input.is_null()) batch["BatchInput"] = batch_input;
    batches.push_back(std::move(batch));
    current = Json::array();
    current_bytes = 2;
  };
  for (Json& item : inputs) {
    const std::size_t bytes = serialized_size(item) + 1;
    if (!current.empty() && (current.size() >= item_limit || current_bytes + bytes > byte_limit))
      flush();
    current_bytes += bytes;
    current.push_back(std::move(item));
  }
  flush();
  return batches;
}

}  // namespace

Outcome<Json> Execution::map_result(const StateEntry& entry, const Json& effective_input,
                                    Variables& variables) {
  const Node& state = *entry.state;
  const bool distributed = is_distributed(state);
  auto concurrency =
      numeric_field(*this, state, "MaxConcurrency", true, effective_input, variables);
  if (!concurrency.ok()) return located(entry, std::move(concurrency.error()));
  auto tolerance = tolerance_of(*this, state, effective_input, variables);
  if (!tolerance.ok()) return located(entry, std::move(tolerance.error()));
  auto items = map_items(*this, entry, effective_input, variables);
  if (!items.ok()) return located(entry, std::move(items.error()));

  Json inputs = Json::array();
  for (std::size_t i = 0; i < items.value().size(); ++i) {
    auto input = iteration_input(*this, entry, effective_input, items.value()[i], i, variables);
    if (!input.ok()) return located(entry, std::move(input.error()));
    inputs.push_back(std::move(input.value()));
  }
  if (const Node* batcher = state.find("ItemBatcher")) {
    auto batches =
        batch_inputs(*this, entry, *batcher, effective_input, std::move(inputs), variables);
    if (!batches.ok()) return located(entry, std::move(batches.error()));
    inputs = std::move(batches.value());
  }

  const Node* processor = processor_of(state);
  if (processor == nullptr) return located(entry, runtime("The Map state has no ItemProcessor."));
  emit(distributed ? "MapRunStarted" : "MapStateStarted", entry.name,
       recording() ? Json{{"length", inputs.size()}} : Json());
  Json results = Json::array();
  std::size_t failures = 0;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string iteration_name = std::string(entry.name);
    Outcome<Json> output = [&] {
      if (!distributed) {
        emit("MapIterationStarted", entry.name,
             recording() ? Json{{"name", iteration_name}, {"index", i}} : Json());
        return run_block(*processor, std::move(inputs[i]), variables);
      }
      // A distributed iteration is a child execution with its own history.
      const uint64_t parent_events = last_event_;
      last_event_ = 1;  // the child's ExecutionStarted
      recording_suspended_ = true;
      // Child executions see none of the parent's variables (AWS's variable scoping).
      const Variables no_variables;
      auto child = run_block(*processor, std::move(inputs[i]), no_variables);
      recording_suspended_ = false;
      last_event_ = parent_events;
      return child;
    }();
    if (!distributed) {
      emit(output.ok() ? "MapIterationSucceeded" : "MapIterationFailed", entry.name,
           recording() ? Json{{"name", iteration_name}, {"index", i}} : Json());
    }
    if (output.ok()) {
      results.push_back(std::move(output.value()));
      continue;
    }
    if (is_uncatchable(output.error()) || !distributed || !tolerance.value().enabled) {
      emit(distributed ? "MapRunFailed" : "MapStateFailed", entry.name, Json::object());
      return std::move(output.error());
    }
    ++failures;
    if (tolerance.value().exceeded(failures, inputs.size())) {
      emit("MapRunFailed", entry.name, Json::object());
      return RunError{"States.ExceedToleratedFailureThreshold",
                      "The specified tolerated failure threshold was exceeded"};
    }
    results.push_back(error_output(output.error()));
  }
  enter_context_state(entry);
  emit(distributed ? "MapRunSucceeded" : "MapStateSucceeded", entry.name, Json::object());
  if (const Node* writer = state.find("ResultWriter")) {
    const Node* parameters = writer->find("Parameters");
    const std::string bucket(parameters ? parameters->find_string("Bucket") : "");
    const std::string prefix(parameters ? parameters->find_string("Prefix") : "");
    const std::string run = fmt::format("arn:aws:states:{}:{}:mapRun:{}/{}:wflint", options_.region,
                                        options_.account, options_.state_machine_name, entry.name);
    return Json{{"MapRunArn", run},
                {"ResultWriterDetails",
                 {{"Bucket", bucket}, {"Key", fmt::format("{}/wflint/manifest.json", prefix)}}}};
  }
  if (serialized_size(results) > kDataLimitBytes) return data_limit_exceeded(entry.name);
  return results;
}

Outcome<Json> Execution::parallel_result(const StateEntry& entry, const Json& effective_input,
                                         Variables& variables) {
  const Node* branches = entry.state->find("Branches");
  emit("ParallelStateStarted", entry.name, Json::object());
  Json results = Json::array();
  if (branches != nullptr) {
    for (const Node& branch : branches->children()) {
      auto output = run_block(branch, effective_input, variables);
      if (!output.ok()) {
        emit("ParallelStateFailed", entry.name, Json::object());
        return std::move(output.error());
      }
      results.push_back(std::move(output.value()));
    }
  }
  enter_context_state(entry);
  emit("ParallelStateSucceeded", entry.name, Json::object());
  if (serialized_size(results) > kDataLimitBytes) return data_limit_exceeded(entry.name);
  return results;
}

}  // namespace wflint::run
