// SSM Automation references ({{ Name }}, {{ Step.Output }}, {{ global:... }}) in any string.
#include "fuzz_support.h"
#include "lang/ssm_reference.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace wflint;
  const std::string_view text = fuzz::as_text(data, size);
  for (const lang::SsmReference& reference : lang::find_ssm_references(text)) {
    fuzz::require_inside(reference.offset, reference.length, text.size(),
                         "a reference lies in the text");
    fuzz::require_inside(reference.name_offset, reference.name.size(), text.size(),
                         "a name lies in the text");
    std::string_view step, output;
    (void)lang::split_step_output(reference.name, step, output);
  }
  return 0;
}
