#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace wflint::lang {

// A `{{ }}` reference inside a string of an SSM Automation runbook, with offsets into the string.
struct SsmReference {
  enum class Kind {
    Parameter,   // {{Name}}
    StepOutput,  // {{Step.Output}}
    Prefixed,    // {{global:REGION}}, {{automation:EXECUTION_ID}}, {{variable:Name}}, {{ssm:...}}
    Nested,      // {{ {{Name}} }}: SSM does not substitute references inside references
  };
  Kind kind = Kind::Parameter;
  uint32_t offset = 0;  // of the opening "{{"
  uint32_t length = 0;  // through the closing "}}"
  // Parameter: the parameter; StepOutput: the step; Prefixed: what follows the colon; Nested:
  // the inner reference as written.
  std::string_view name;
  uint32_t name_offset = 0;
  std::string_view output;  // StepOutput: the output, after the first dot
  uint32_t output_offset = 0;
  std::string_view prefix;  // Prefixed: "global", "automation", "variable", "ssm", ...
};

// Every reference in `text`, in order. Text between braces that is not a reference's name (a
// Python format string "{{}}", a Go template "{{ .Values }}") is left alone, as SSM leaves it.
std::vector<SsmReference> find_ssm_references(std::string_view text);

// Splits "Step.Output" (the form of a runbook's top-level outputs) at its first dot; false when it
// is not of that form.
bool split_step_output(std::string_view text, std::string_view& step, std::string_view& output);

}  // namespace wflint::lang
