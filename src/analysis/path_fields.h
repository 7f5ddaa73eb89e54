#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/asl/state_machine.h"

namespace wflint::analysis {

enum class PathRole : uint8_t {
  Path,           // InputPath, OutputPath, Choice Variable and *Path operands
  ReferencePath,  // ItemsPath, *SecondsPath, TimestampPath, MaxConcurrencyPath, ...
  ResultPath,     // ResultPath of a state or a catcher: a Reference Path into the input
  ErrorOrCause,   // Fail ErrorPath / CausePath: a Reference Path or an intrinsic call
  DollarValue,    // a payload template member whose key ends in ".$" (any kind of value)
  PlainValue,     // a payload template member with a string value and no ".$" on its key
};

struct PathField {
  const Node* member;  // the object member: key and value
  PathRole role;
};

// The fields of the machine's JSONPath-mode states that hold paths and intrinsic function calls,
// collected once per document and shared by the ASL2xx rules. JSONata states are skipped; payload
// templates (Parameters, ResultSelector, ItemSelector, Credentials, Assign, ...) are walked at any
// depth. Left out: values that are not strings (except DollarValue members, kept whatever their
// value) and strings holding a "${...}" template placeholder, filled in before deployment.
class PathFields {
 public:
  explicit PathFields(const asl::StateMachine& machine);

  const std::vector<PathField>& fields() const { return fields_; }
  // Every object of the payload templates, at any depth.
  const std::vector<const Node*>& template_objects() const { return template_objects_; }

 private:
  std::vector<PathField> fields_;
  std::vector<const Node*> template_objects_;
};

// Strings holding "${...}" placeholders are left alone: they are filled in before deployment.
bool has_placeholder(std::string_view text);

// True for a string holding a JSONata expression: exactly "{%" expression "%}".
bool is_jsonata_expression(std::string_view text);

}  // namespace wflint::analysis
