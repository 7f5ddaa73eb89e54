#include "analysis/path_fields.h"

#include <array>
#include <optional>

#include "support/string_index.h"

namespace wflint::analysis {

namespace {

constexpr std::array<std::string_view, 8> kReferencePathFields = {"ItemsPath",
                                                                  "SecondsPath",
                                                                  "TimestampPath",
                                                                  "TimeoutSecondsPath",
                                                                  "HeartbeatSecondsPath",
                                                                  "MaxConcurrencyPath",
                                                                  "ToleratedFailureCountPath",
                                                                  "ToleratedFailurePercentagePath"};

constexpr std::array<std::string_view, 5> kTemplateFields = {
    "Parameters", "ResultSelector", "ItemSelector", "Credentials", "Assign"};

class Collector {
 public:
  void state(const Node& node);
  std::vector<PathField> take_fields() { return std::move(out_); }
  std::vector<const Node*> take_templates() { return std::move(templates_); }

 private:
  void add(const Node* member, PathRole role) {
    if (!member || !member->is_string() || has_placeholder(member->text())) return;
    out_.push_back(PathField{member, role});
  }
  void payload_template(const Node* node);
  void template_member(const Node& member, std::vector<const Node*>& pending);
  void choice_rules(const Node* choices);
  void catchers(const Node* catch_list);
  void item_reader(const Node* reader);
  void item_batcher(const Node* batcher);

  std::vector<PathField> out_;
  std::vector<const Node*> templates_;  // every object inside a payload template
};

// What a state field holds, for the fields that hold paths.
enum class FieldAction : uint8_t {
  Path,
  ResultPath,
  ReferencePath,
  ErrorOrCause,
  Template,
  Choices,
  Catch,
  ItemReader,
  ItemBatcher,
  ResultWriter,
};

const StringIndex& field_actions() {
  static const StringIndex index = [] {
    StringIndex built(32);
    auto add = [&](std::string_view key, FieldAction action) {
      built.insert(key, static_cast<uint32_t>(action));
    };
    add("InputPath", FieldAction::Path);
    add("OutputPath", FieldAction::Path);
    add("ResultPath", FieldAction::ResultPath);
    for (std::string_view key : kReferencePathFields)
      add(key, FieldAction::ReferencePath);
    add("ErrorPath", FieldAction::ErrorOrCause);
    add("CausePath", FieldAction::ErrorOrCause);
    for (std::string_view key : kTemplateFields)
      add(key, FieldAction::Template);
    add("Choices", FieldAction::Choices);
    add("Catch", FieldAction::Catch);
    add("ItemReader", FieldAction::ItemReader);
    add("ItemBatcher", FieldAction::ItemBatcher);
    add("ResultWriter", FieldAction::ResultWriter);
    return built;
  }();
  return index;
}

// One pass over the state's members, each dispatched by its key.
void Collector::state(const Node& node) {
  for (const Node& member : node.children()) {
    const std::optional<uint32_t> action = field_actions().find(member.key());
    if (!action) continue;
    switch (static_cast<FieldAction>(*action)) {
      case FieldAction::Path:
        add(&member, PathRole::Path);
        break;
      case FieldAction::ResultPath:
        add(&member, PathRole::ResultPath);
        break;
      case FieldAction::ReferencePath:
        add(&member, PathRole::ReferencePath);
        break;
      case FieldAction::ErrorOrCause:
        add(&member, PathRole::ErrorOrCause);
        break;
      case FieldAction::Template:
        payload_template(&member);
        break;
      case FieldAction::Choices:
        choice_rules(&member);
        break;
      case FieldAction::Catch:
        catchers(&member);
        break;
      case FieldAction::ItemReader:
        item_reader(&member);
        break;
      case FieldAction::ItemBatcher:
        item_batcher(&member);
        break;
      case FieldAction::ResultWriter:
        if (member.is_object()) payload_template(member.find("Parameters"));
        break;
    }
  }
}

// Walks a payload template iteratively: templates can be nested as deep as the document.
void Collector::payload_template(const Node* node) {
  if (!node || !node->is_object()) return;
  std::vector<const Node*> pending{node};
  while (!pending.empty()) {
    const Node* current = pending.back();
    pending.pop_back();
    if (current->is_object()) templates_.push_back(current);
    for (const Node& child : current->children()) {
      if (current->is_object()) {
        template_member(child, pending);
      } else if (child.is_object() || child.is_array()) {
        pending.push_back(&child);
      }
    }
  }
}

void Collector::template_member(const Node& member, std::vector<const Node*>& pending) {
  if (member.key().ends_with(".$")) {
    if (!member.is_string() || !has_placeholder(member.text())) {
      out_.push_back(PathField{&member, PathRole::DollarValue});
    }
  } else if (member.is_string()) {
    add(&member, PathRole::PlainValue);
  } else if (member.is_object() || member.is_array()) {
    pending.push_back(&member);
  }
}

// Choice rules nest through And, Or and Not; only top-level rules have Assign.
void Collector::choice_rules(const Node* choices) {
  if (!choices || !choices->is_array()) return;
  std::vector<const Node*> pending;
  for (const Node& rule : choices->children()) {
    if (!rule.is_object()) continue;
    payload_template(rule.find("Assign"));
    pending.push_back(&rule);
  }
  while (!pending.empty()) {
    const Node* rule = pending.back();
    pending.pop_back();
    for (const Node& member : rule->children()) {
      const std::string_view key = member.key();
      if (key == "Variable" || key.ends_with("Path")) add(&member, PathRole::Path);
      if (key == "Not" && member.is_object()) pending.push_back(&member);
      if ((key == "And" || key == "Or") && member.is_array()) {
        for (const Node& nested : member.children()) {
          if (nested.is_object()) pending.push_back(&nested);
        }
      }
    }
  }
}

void Collector::catchers(const Node* catch_list) {
  if (!catch_list || !catch_list->is_array()) return;
  for (const Node& catcher : catch_list->children()) {
    if (!catcher.is_object()) continue;
    add(catcher.find("ResultPath"), PathRole::ResultPath);
    payload_template(catcher.find("Assign"));
  }
}

void Collector::item_reader(const Node* reader) {
  if (!reader || !reader->is_object()) return;
  payload_template(reader->find("Parameters"));
  if (const Node* config = reader->find("ReaderConfig"); config && config->is_object()) {
    add(config->find("MaxItemsPath"), PathRole::ReferencePath);
  }
}

void Collector::item_batcher(const Node* batcher) {
  if (!batcher || !batcher->is_object()) return;
  add(batcher->find("MaxItemsPerBatchPath"), PathRole::ReferencePath);
  add(batcher->find("MaxInputBytesPerBatchPath"), PathRole::ReferencePath);
  payload_template(batcher->find("BatchInput"));
}

}  // namespace

PathFields::PathFields(const asl::StateMachine& machine) {
  Collector collector;
  for (const asl::Scope& scope : machine.scopes()) {
    for (const asl::State& state : scope.states()) {
      if (!state.jsonata) collector.state(*state.node);
    }
  }
  fields_ = collector.take_fields();
  template_objects_ = collector.take_templates();
}

bool is_jsonata_expression(std::string_view text) {
  return text.size() >= 4 && text.starts_with("{%") && text.ends_with("%}");
}

bool has_placeholder(std::string_view text) {
  return text.find("${") != std::string_view::npos;
}

}  // namespace wflint::analysis
