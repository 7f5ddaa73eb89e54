#pragma once

// The fields of JSONPath-mode states that hold paths and intrinsic function calls, shared by the
// ASL2xx rules.

#include <cstdint>
#include <string_view>
#include <vector>

#include "lang/lang_error.h"
#include "rules/rule.h"

namespace wflint::rules {

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

// Every such field of the machine's JSONPath-mode states (JSONata states are skipped), payload
// templates (Parameters, ResultSelector, ItemSelector, Credentials, Assign, ...) walked at any
// depth. Left out: values that are not strings (except DollarValue members, kept whatever their
// value) and strings holding a "${...}" template placeholder, filled in before deployment.
std::vector<PathField> path_fields(const asl::StateMachine& machine);

// Every object of the payload templates of the machine's JSONPath-mode states, at any depth.
std::vector<const Node*> payload_template_objects(const asl::StateMachine& machine);

// Strings holding "${...}" placeholders are left alone: they are filled in before deployment.
bool has_placeholder(std::string_view text);

// Reports `error`, found at an offset of `member`'s string value, underlining those characters.
void report_lang_error(DiagnosticSink& sink, const Rule& rule, const Node& member,
                       const lang::LangError& error);

}  // namespace wflint::rules
