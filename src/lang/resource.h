#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "lang/lang_error.h"

namespace wflint::lang {

// What a Task state's Resource string names.
enum class ResourceKind : uint8_t {
  Placeholder,         // contains ${...}: filled in by a deployment tool, never checked
  Activity,            // arn:P:states:R:A:activity:NAME
  LambdaFunction,      // arn:P:lambda:R:A:function:NAME[:QUALIFIER] (direct, "legacy" form)
  ServiceIntegration,  // arn:P:states:::SERVICE:API[.PATTERN] (optimized integration)
  SdkIntegration,      // arn:P:states:::aws-sdk:SERVICE:ACTION[.PATTERN]
  Invalid,
};

// The suffix that selects how Step Functions waits for an integration.
enum class IntegrationPattern : uint8_t {
  RequestResponse,   // no suffix
  Sync,              // .sync
  Sync2,             // .sync:2
  WaitForTaskToken,  // .waitForTaskToken
};

std::string_view to_string(IntegrationPattern pattern);

// A piece of the Resource string and where it starts (in bytes of the decoded string).
struct Segment {
  std::string_view text;
  uint32_t offset = 0;

  bool empty() const { return text.empty(); }
  uint32_t length() const { return static_cast<uint32_t>(text.size()); }
};

// A parsed Resource. Segments point into the string given to parse_task_resource.
struct TaskResource {
  ResourceKind kind = ResourceKind::Invalid;
  Segment partition;
  Segment region;   // may be empty for integrations
  Segment account;  // may be empty for integrations
  // "lambda" for functions, the optimized service ("dynamodb"), or the SDK service ("s3").
  Segment service;
  // The API ("putItem"), SDK action ("getObject"), function name or activity name.
  Segment name;
  Segment qualifier;  // a function's version or alias, when given
  // ".sync", ".sync:2" or ".waitForTaskToken"; empty for request-response. A function ARN keeps
  // a suffix here too (Lambda functions accept none; later rules report it).
  Segment suffix;
  IntegrationPattern pattern = IntegrationPattern::RequestResponse;
  std::optional<LangError> error;  // set exactly when kind is Invalid
  // A region or account of the wrong shape ("region-1", "ACCOUNT_ID", an empty region): most
  // often a placeholder some deployment step replaces. The rest of the ARN was still parsed.
  std::optional<LangError> unusual;
};

// Classifies and checks a Task state's Resource. Never throws; a malformed value comes back as
// ResourceKind::Invalid with the first problem found.
TaskResource parse_task_resource(std::string_view text);

// The shapes of an AWS region ("us-east-1", "us-gov-west-1") and of an account id (12 digits).
bool is_aws_region(std::string_view text);
bool is_account_id(std::string_view text);

}  // namespace wflint::lang
