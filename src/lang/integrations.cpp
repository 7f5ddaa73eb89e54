#include "lang/integrations.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace wflint::lang {
namespace {

constexpr uint8_t R = kRequestResponseBit;
constexpr uint8_t S = kSyncBit;
constexpr uint8_t S2 = kSync2Bit;
constexpr uint8_t W = kWaitForTaskTokenBit;

// The optimized integrations of the Step Functions Developer Guide ("Integrating optimized
// services" and each service's page). Where the pages disagree or do not say which API supports a
// pattern, the pattern is allowed: a linter must not reject what AWS may accept. So Bedrock and
// EKS allow .waitForTaskToken (listed for the service, not for any API), and http:invoke too.
// Sorted by service, then API.
constexpr std::array kOptimizedApis{
    OptimizedApi{"apigateway", "invoke", R | W},
    OptimizedApi{"athena", "getQueryExecution", R},
    OptimizedApi{"athena", "getQueryResults", R},
    OptimizedApi{"athena", "startQueryExecution", R | S},
    OptimizedApi{"athena", "stopQueryExecution", R},
    OptimizedApi{"batch", "submitJob", R | S},
    OptimizedApi{"bedrock", "createModelCustomizationJob", R | S | W},
    OptimizedApi{"bedrock", "invokeModel", R | W},
    OptimizedApi{"codebuild", "batchDeleteBuilds", R},
    OptimizedApi{"codebuild", "batchGetReports", R},
    OptimizedApi{"codebuild", "deleteBuildBatch", R},
    OptimizedApi{"codebuild", "retryBuildBatch", R | S},
    OptimizedApi{"codebuild", "startBuild", R | S},
    OptimizedApi{"codebuild", "startBuildBatch", R | S},
    OptimizedApi{"codebuild", "stopBuild", R},
    OptimizedApi{"codebuild", "stopBuildBatch", R},
    OptimizedApi{"databrew", "startJobRun", R | S},
    OptimizedApi{"dynamodb", "deleteItem", R},
    OptimizedApi{"dynamodb", "getItem", R},
    OptimizedApi{"dynamodb", "putItem", R},
    OptimizedApi{"dynamodb", "updateItem", R},
    OptimizedApi{"ecs", "runTask", R | S | W},
    OptimizedApi{"eks", "call", R | W},
    OptimizedApi{"eks", "createCluster", R | S | W},
    OptimizedApi{"eks", "createFargateProfile", R | S | W},
    OptimizedApi{"eks", "createNodegroup", R | S | W},
    OptimizedApi{"eks", "deleteCluster", R | S | W},
    OptimizedApi{"eks", "deleteFargateProfile", R | S | W},
    OptimizedApi{"eks", "deleteNodegroup", R | S | W},
    OptimizedApi{"eks", "runJob", R | S | W},
    OptimizedApi{"elasticmapreduce", "addStep", R | S},
    OptimizedApi{"elasticmapreduce", "cancelStep", R},
    OptimizedApi{"elasticmapreduce", "createCluster", R | S},
    OptimizedApi{"elasticmapreduce", "modifyInstanceFleetByName", R},
    OptimizedApi{"elasticmapreduce", "modifyInstanceGroupByName", R},
    OptimizedApi{"elasticmapreduce", "setClusterTerminationProtection", R},
    OptimizedApi{"elasticmapreduce", "terminateCluster", R | S},
    OptimizedApi{"emr-containers", "createVirtualCluster", R},
    OptimizedApi{"emr-containers", "deleteVirtualCluster", R | S},
    OptimizedApi{"emr-containers", "startJobRun", R | S},
    OptimizedApi{"emr-serverless", "cancelJobRun", R | S},
    OptimizedApi{"emr-serverless", "createApplication", R | S},
    OptimizedApi{"emr-serverless", "deleteApplication", R | S},
    OptimizedApi{"emr-serverless", "startApplication", R | S},
    OptimizedApi{"emr-serverless", "startJobRun", R | S},
    OptimizedApi{"emr-serverless", "stopApplication", R | S},
    OptimizedApi{"events", "putEvents", R | W},
    OptimizedApi{"glue", "startJobRun", R | S},
    OptimizedApi{"http", "invoke", R | W},
    OptimizedApi{"lambda", "invoke", R | W},
    OptimizedApi{"mediaconvert", "createJob", R | S},
    // The Distributed Map's ItemReader and ResultWriter resources.
    OptimizedApi{"s3", "getObject", R},
    OptimizedApi{"s3", "listObjectsV2", R},
    OptimizedApi{"s3", "putObject", R},
    OptimizedApi{"sagemaker", "createEndpoint", R},
    OptimizedApi{"sagemaker", "createEndpointConfig", R},
    OptimizedApi{"sagemaker", "createHyperParameterTuningJob", R | S},
    OptimizedApi{"sagemaker", "createLabelingJob", R | S},
    OptimizedApi{"sagemaker", "createModel", R},
    OptimizedApi{"sagemaker", "createProcessingJob", R | S},
    OptimizedApi{"sagemaker", "createTrainingJob", R | S},
    OptimizedApi{"sagemaker", "createTransformJob", R | S},
    OptimizedApi{"sagemaker", "updateEndpoint", R},
    OptimizedApi{"sns", "publish", R | W},
    OptimizedApi{"sqs", "sendMessage", R | W},
    OptimizedApi{"states", "startExecution", R | S | S2 | W},
};

using Key = std::pair<std::string_view, std::string_view>;

const OptimizedApi* table_end() {
  return kOptimizedApis.data() + kOptimizedApis.size();
}

// The first entry not before (service, api).
const OptimizedApi* first_not_before(std::string_view service, std::string_view api) {
  return std::lower_bound(kOptimizedApis.data(), table_end(), Key{service, api},
                          [](const OptimizedApi& entry, const Key& key) {
                            return Key{entry.service, entry.api} < key;
                          });
}

}  // namespace

uint8_t pattern_bit(IntegrationPattern pattern) {
  switch (pattern) {
    case IntegrationPattern::Sync:
      return kSyncBit;
    case IntegrationPattern::Sync2:
      return kSync2Bit;
    case IntegrationPattern::WaitForTaskToken:
      return kWaitForTaskTokenBit;
    case IntegrationPattern::RequestResponse:
      break;
  }
  return kRequestResponseBit;
}

const OptimizedApi* find_optimized_api(std::string_view service, std::string_view api) {
  const OptimizedApi* it = first_not_before(service, api);
  if (it == table_end() || it->service != service || it->api != api) return nullptr;
  return it;
}

bool is_optimized_service(std::string_view service) {
  const OptimizedApi* it = first_not_before(service, {});
  return it != table_end() && it->service == service;
}

std::vector<std::string_view> optimized_services() {
  std::vector<std::string_view> out;
  for (const OptimizedApi& entry : kOptimizedApis) {
    if (out.empty() || out.back() != entry.service) out.push_back(entry.service);
  }
  return out;
}

std::vector<std::string_view> optimized_apis(std::string_view service) {
  std::vector<std::string_view> out;
  for (const OptimizedApi& entry : kOptimizedApis) {
    if (entry.service == service) out.push_back(entry.api);
  }
  return out;
}

std::string describe_patterns(uint8_t patterns) {
  std::vector<std::string_view> names;
  if (patterns & kRequestResponseBit) names.push_back("no suffix (request-response)");
  if (patterns & kSyncBit) names.push_back(".sync");
  if (patterns & kSync2Bit) names.push_back(".sync:2");
  if (patterns & kWaitForTaskTokenBit) names.push_back(".waitForTaskToken");
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace wflint::lang
