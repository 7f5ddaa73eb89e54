// The Task Resource parser (src/lang/resource.h) and the table of optimized integrations.
#include "lang/resource.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "lang/integrations.h"

namespace wflint::lang {
namespace {

// "offset+length text" of a segment.
std::string at(const Segment& segment) {
  return fmt::format("{}+{} {}", segment.offset, segment.length(), segment.text);
}

// "offset+length message" of the error a malformed value gets; "valid" when there is none.
std::string error_of(std::string_view text) {
  const TaskResource resource = parse_task_resource(text);
  if (!resource.error) return "valid";
  EXPECT_EQ(resource.kind, ResourceKind::Invalid) << text;
  return fmt::format("{}+{} {}", resource.error->offset, resource.error->length,
                     resource.error->message);
}

// A region or account of the wrong shape is noted, and the rest still parsed.
std::string unusual_of(std::string_view text, ResourceKind expected_kind) {
  const TaskResource resource = parse_task_resource(text);
  EXPECT_EQ(resource.kind, expected_kind) << text;
  if (!resource.unusual) return "usual";
  return fmt::format("{}+{} {}", resource.unusual->offset, resource.unusual->length,
                     resource.unusual->message);
}

std::string help_of(std::string_view text) {
  const TaskResource resource = parse_task_resource(text);
  return resource.error ? resource.error->help : "";
}

TEST(TaskResource, OptimizedIntegration) {
  const TaskResource r = parse_task_resource("arn:aws:states:::lambda:invoke");
  EXPECT_EQ(r.kind, ResourceKind::ServiceIntegration);
  EXPECT_EQ(at(r.partition), "4+3 aws");
  EXPECT_EQ(at(r.service), "17+6 lambda");
  EXPECT_EQ(at(r.name), "24+6 invoke");
  EXPECT_TRUE(r.region.empty());
  EXPECT_TRUE(r.account.empty());
  EXPECT_TRUE(r.suffix.empty());
  EXPECT_EQ(r.pattern, IntegrationPattern::RequestResponse);
  EXPECT_FALSE(r.error);
}

TEST(TaskResource, IntegrationPatterns) {
  const TaskResource callback =
      parse_task_resource("arn:aws:states:::lambda:invoke.waitForTaskToken");
  EXPECT_EQ(callback.kind, ResourceKind::ServiceIntegration);
  EXPECT_EQ(at(callback.name), "24+6 invoke");
  EXPECT_EQ(at(callback.suffix), "30+17 .waitForTaskToken");
  EXPECT_EQ(callback.pattern, IntegrationPattern::WaitForTaskToken);

  EXPECT_EQ(parse_task_resource("arn:aws:states:::batch:submitJob.sync").pattern,
            IntegrationPattern::Sync);
  const TaskResource sync2 = parse_task_resource("arn:aws:states:::states:startExecution.sync:2");
  EXPECT_EQ(sync2.pattern, IntegrationPattern::Sync2);
  EXPECT_EQ(at(sync2.name), "24+14 startExecution");
  EXPECT_EQ(at(sync2.suffix), "38+7 .sync:2");
}

TEST(TaskResource, SdkIntegration) {
  const TaskResource r =
      parse_task_resource("arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken");
  EXPECT_EQ(r.kind, ResourceKind::SdkIntegration);
  EXPECT_EQ(at(r.service), "25+8 dynamodb");
  EXPECT_EQ(at(r.name), "34+7 putItem");
  EXPECT_EQ(at(r.suffix), "41+17 .waitForTaskToken");
  EXPECT_EQ(r.pattern, IntegrationPattern::WaitForTaskToken);

  // Parsed as written; whether the pattern is supported is a rule's question.
  const TaskResource sync = parse_task_resource("arn:aws:states:::aws-sdk:s3:getObject.sync");
  EXPECT_EQ(sync.kind, ResourceKind::SdkIntegration);
  EXPECT_EQ(sync.pattern, IntegrationPattern::Sync);
}

TEST(TaskResource, IntegrationWithRegionAndAccount) {
  const TaskResource r =
      parse_task_resource("arn:aws:states:us-east-1:123456789012:aws-sdk:s3:putObject");
  EXPECT_EQ(r.kind, ResourceKind::SdkIntegration);
  EXPECT_EQ(at(r.region), "15+9 us-east-1");
  EXPECT_EQ(at(r.account), "25+12 123456789012");
  EXPECT_EQ(at(r.service), "46+2 s3");
}

TEST(TaskResource, LambdaFunction) {
  const TaskResource r =
      parse_task_resource("arn:aws:lambda:us-east-1:123456789012:function:HelloWorld:prod");
  EXPECT_EQ(r.kind, ResourceKind::LambdaFunction);
  EXPECT_EQ(at(r.service), "8+6 lambda");
  EXPECT_EQ(at(r.region), "15+9 us-east-1");
  EXPECT_EQ(at(r.account), "25+12 123456789012");
  EXPECT_EQ(at(r.name), "47+10 HelloWorld");
  EXPECT_EQ(at(r.qualifier), "58+4 prod");
  EXPECT_TRUE(r.suffix.empty());

  const TaskResource bare = parse_task_resource("arn:aws:lambda:us-east-1:123456789012:function:f");
  EXPECT_EQ(bare.kind, ResourceKind::LambdaFunction);
  EXPECT_TRUE(bare.qualifier.empty());
  for (std::string_view qualifier : {"$LATEST", "7", "live_2", "blue-green"}) {
    EXPECT_EQ(
        error_of(fmt::format("arn:aws:lambda:us-east-1:123456789012:function:f:{}", qualifier)),
        "valid")
        << qualifier;
  }
}

TEST(TaskResource, FunctionKeepsAWronglyAppendedSuffix) {
  const TaskResource r =
      parse_task_resource("arn:aws:lambda:us-east-1:123456789012:function:Notify.waitForTaskToken");
  EXPECT_EQ(r.kind, ResourceKind::LambdaFunction);
  EXPECT_EQ(at(r.name), "47+6 Notify");
  EXPECT_EQ(at(r.suffix), "53+17 .waitForTaskToken");
  EXPECT_EQ(r.pattern, IntegrationPattern::WaitForTaskToken);

  const TaskResource alias =
      parse_task_resource("arn:aws:lambda:us-east-1:123456789012:function:Notify:live.sync");
  EXPECT_EQ(alias.kind, ResourceKind::LambdaFunction);
  EXPECT_EQ(at(alias.qualifier), "54+4 live");
  EXPECT_EQ(at(alias.suffix), "58+5 .sync");
}

TEST(TaskResource, Activity) {
  const TaskResource r =
      parse_task_resource("arn:aws:states:us-west-2:123456789012:activity:HumanApproval");
  EXPECT_EQ(r.kind, ResourceKind::Activity);
  EXPECT_EQ(at(r.name), "47+13 HumanApproval");
  EXPECT_EQ(error_of("arn:aws:states:us-west-2:123456789012:activity:review.v2"), "valid");
}

TEST(TaskResource, PartitionsAndRegions) {
  for (std::string_view arn : {
           "arn:aws-cn:lambda:cn-north-1:123456789012:function:f",
           "arn:aws-cn:lambda:cn-northwest-1:123456789012:function:f",
           "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f",
           "arn:aws-iso:lambda:us-iso-east-1:123456789012:function:f",
           "arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:f",
           "arn:aws-iso-e:states:::sns:publish",
           "arn:aws-iso-f:states:::sns:publish",
           "arn:aws-eusc:lambda:eusc-de-east-1:123456789012:function:f",
           "arn:aws:lambda:eu-central-2:123456789012:function:f",
           "arn:aws:lambda:ap-southeast-5:123456789012:function:f",
       }) {
    EXPECT_EQ(error_of(arn), "valid") << arn;
  }
}

TEST(TaskResource, Placeholders) {
  for (std::string_view value : {
           "${ProcessFunctionArn}",
           "${PrepareMessage.Arn}",
           "arn:${AWS::Partition}:states:::lambda:invoke",
           "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}",
           "arn:aws:lambda:::function:${fn_name}",
       }) {
    EXPECT_EQ(parse_task_resource(value).kind, ResourceKind::Placeholder) << value;
  }
}

TEST(TaskResource, NotAnArn) {
  EXPECT_EQ(error_of("foo:bar"), "0+7 Resource \"foo:bar\" is not an ARN");
  EXPECT_EQ(error_of("module:passThrough"), "0+18 Resource \"module:passThrough\" is not an ARN");
  EXPECT_EQ(error_of(""), "0+0 Resource is empty");
  EXPECT_EQ(error_of("{% $fn %}"), "0+9 Resource cannot be a JSONata expression");
  EXPECT_EQ(error_of("${lambdaArn"), "0+11 placeholder \"${\" is never closed");
  EXPECT_EQ(error_of("arn:aws:lambda:us-east-1:123456789012"),
            "0+37 ARN lacks parts: it needs arn:partition:service:region:account:resource");
}

TEST(TaskResource, PartitionAndService) {
  EXPECT_EQ(error_of("arn:awss:states:::sns:publish"), "4+4 unknown partition \"awss\"");
  EXPECT_EQ(help_of("arn:awss:states:::sns:publish"), "did you mean \"aws\"?");
  EXPECT_EQ(error_of("arn::states:::sns:publish"), "3+2 unknown partition \"\"");
  EXPECT_EQ(error_of("arn:aws:state:::sns:publish"), "8+5 a Task cannot run a \"state\" resource");
  EXPECT_EQ(help_of("arn:aws:state:::sns:publish"), "did you mean \"states\"?");
  EXPECT_EQ(error_of("arn:aws:swf:us-east-1:123456789012:task:X"),
            "8+3 a Task cannot run a \"swf\" resource");
}

TEST(TaskResource, RegionAndAccount) {
  using enum ResourceKind;
  EXPECT_EQ(unusual_of("arn:aws:lambda:region-1:123456789012:function:f", LambdaFunction),
            "15+8 \"region-1\" is not an AWS region");
  EXPECT_EQ(unusual_of("arn:aws:lambda:REGION:123456789012:function:f", LambdaFunction),
            "15+6 \"REGION\" is not an AWS region");
  EXPECT_EQ(unusual_of("arn:aws:lambda:us-east-1:1234567890:function:f", LambdaFunction),
            "25+10 account \"1234567890\" is not 12 digits");
  EXPECT_EQ(unusual_of("arn:aws:lambda:us-east-1:ACCOUNT_ID:function:f", LambdaFunction),
            "25+10 account \"ACCOUNT_ID\" is not 12 digits");
  EXPECT_EQ(unusual_of("arn:aws:lambda:::function:f", LambdaFunction),
            "14+2 function ARN has no region");
  EXPECT_EQ(unusual_of("arn:aws:lambda:us-east-1::function:f", LambdaFunction),
            "24+2 function ARN has no account");
  EXPECT_EQ(unusual_of("arn:aws:states:local:0123456789:states:startExecution", ServiceIntegration),
            "15+5 \"local\" is not an AWS region");
  EXPECT_EQ(unusual_of("arn:aws:states:::activity:Approve", Activity),
            "14+2 activity ARN has no region");
  EXPECT_EQ(parse_task_resource("arn:aws:states:::activity:Approve").unusual->help,
            "name the region, as in arn:aws:states:us-east-1:123456789012:activity:NAME");
  EXPECT_EQ(unusual_of("arn:aws:lambda:us-gov-west-1:123456789012:function:f", LambdaFunction),
            "usual");
  // A resource that is invalid for another reason reports that reason alone.
  EXPECT_EQ(error_of("arn:aws:lambda:region-1:123456789012:layer:f"),
            "37+5 Lambda ARN names a \"layer\", not a function");
}

TEST(TaskResource, FunctionParts) {
  const std::string prefix = "arn:aws:lambda:us-east-1:123456789012:";  // 38 characters
  EXPECT_EQ(error_of(prefix + "layer:f"), "38+5 Lambda ARN names a \"layer\", not a function");
  EXPECT_EQ(error_of(prefix + "myfn"), "38+4 Lambda ARN does not name a function");
  EXPECT_EQ(error_of(prefix + "function:"), "46+1 function name is empty");
  EXPECT_EQ(error_of(prefix + "function:my fn"),
            "47+5 function name \"my fn\" has characters Lambda does not allow");
  EXPECT_EQ(error_of(prefix + "function:" + std::string(65, 'f')),
            "47+65 function name is longer than 64 characters");
  EXPECT_EQ(error_of(prefix + "function:f:"), "48+1 function qualifier after \":\" is empty");
  EXPECT_EQ(error_of(prefix + "function:f:$*#$7485"),
            "49+8 qualifier \"$*#$7485\" is not a version, an alias or $LATEST");
  EXPECT_EQ(error_of(prefix + "function:f.waitForTaskTokn"),
            "48+16 unknown integration pattern \".waitForTaskTokn\"");
}

TEST(TaskResource, IntegrationParts) {
  EXPECT_EQ(error_of("arn:aws:states:::lambda:invoke.waitForTaskTokn"),
            "30+16 unknown integration pattern \".waitForTaskTokn\"");
  EXPECT_EQ(help_of("arn:aws:states:::lambda:invoke.waitForTaskTokn"),
            "did you mean \".waitForTaskToken\"?");
  EXPECT_EQ(error_of("arn:aws:states:::sns"), "17+3 integration \"sns\" names no API");
  EXPECT_EQ(error_of("arn:aws:states:::sns:"), "20+1 integration \"sns\" names no API");
  EXPECT_EQ(error_of("arn:aws:states:::"), "16+1 ARN names no integration");
  EXPECT_EQ(error_of("arn:aws:states:::aws-sdk:s3"),
            "17+10 AWS SDK integration names no service and action");
  EXPECT_EQ(error_of("arn:aws:states:::dynamo db:putItem"),
            "17+9 \"dynamo db\" is not a service name");
  EXPECT_EQ(error_of("arn:aws:states:::dynamodb:put_item"),
            "26+8 API \"put_item\" has characters no AWS API has");
  EXPECT_EQ(error_of("arn:aws:states:::aws-sdk:s3:get-object"),
            "28+10 action \"get-object\" has characters no AWS action has");
}

TEST(TaskResource, ActivityParts) {
  const std::string prefix = "arn:aws:states:us-east-1:123456789012:activity:";  // 47 characters
  EXPECT_EQ(error_of(prefix), "46+1 activity ARN names no activity");
  EXPECT_EQ(error_of(prefix + "two words"), "47+9 activity name \"two words\" is not valid");
  EXPECT_EQ(error_of(prefix + std::string(81, 'a')),
            fmt::format("47+81 activity name \"{}\" is not valid", std::string(81, 'a')));
}

TEST(TaskResource, IntegrationPatternNames) {
  EXPECT_EQ(to_string(IntegrationPattern::RequestResponse), "");
  EXPECT_EQ(to_string(IntegrationPattern::Sync), ".sync");
  EXPECT_EQ(to_string(IntegrationPattern::Sync2), ".sync:2");
  EXPECT_EQ(to_string(IntegrationPattern::WaitForTaskToken), ".waitForTaskToken");
}

TEST(OptimizedIntegrations, KnownApisAndTheirPatterns) {
  const OptimizedApi* put = find_optimized_api("dynamodb", "putItem");
  ASSERT_NE(put, nullptr);
  EXPECT_TRUE(put->supports(IntegrationPattern::RequestResponse));
  EXPECT_FALSE(put->supports(IntegrationPattern::Sync));
  EXPECT_FALSE(put->supports(IntegrationPattern::WaitForTaskToken));

  const OptimizedApi* start = find_optimized_api("states", "startExecution");
  ASSERT_NE(start, nullptr);
  EXPECT_TRUE(start->supports(IntegrationPattern::Sync2));

  const OptimizedApi* query = find_optimized_api("athena", "startQueryExecution");
  ASSERT_NE(query, nullptr);
  EXPECT_TRUE(query->supports(IntegrationPattern::Sync));
  EXPECT_FALSE(query->supports(IntegrationPattern::WaitForTaskToken));

  EXPECT_EQ(find_optimized_api("dynamodb", "query"), nullptr);
  EXPECT_EQ(find_optimized_api("dynamo", "putItem"), nullptr);
  EXPECT_TRUE(is_optimized_service("emr-serverless"));
  EXPECT_FALSE(is_optimized_service("dynamo"));
  EXPECT_FALSE(is_optimized_service(""));
}

// Lookups are binary searches: every entry must be found, so the table must stay sorted.
TEST(OptimizedIntegrations, EveryEntryIsFound) {
  std::size_t count = 0;
  for (std::string_view service : optimized_services()) {
    EXPECT_TRUE(is_optimized_service(service)) << service;
    for (std::string_view api : optimized_apis(service)) {
      EXPECT_NE(find_optimized_api(service, api), nullptr) << service << ":" << api;
      ++count;
    }
  }
  EXPECT_GT(count, 50u);
}

TEST(OptimizedIntegrations, DescribesPatterns) {
  EXPECT_EQ(describe_patterns(kRequestResponseBit), "no suffix (request-response)");
  EXPECT_EQ(describe_patterns(kRequestResponseBit | kSyncBit),
            "no suffix (request-response) or .sync");
  EXPECT_EQ(describe_patterns(kRequestResponseBit | kSyncBit | kSync2Bit | kWaitForTaskTokenBit),
            "no suffix (request-response), .sync, .sync:2 or .waitForTaskToken");
}

}  // namespace
}  // namespace wflint::lang
