#include "run/lambda_invoke.h"

namespace wflint::run {

std::string_view to_string(InvocationType type) {
  switch (type) {
    case InvocationType::RequestResponse:
      return "RequestResponse";
    case InvocationType::Event:
      return "Event";
    case InvocationType::DryRun:
      return "DryRun";
  }
  return "RequestResponse";
}

}  // namespace wflint::run
