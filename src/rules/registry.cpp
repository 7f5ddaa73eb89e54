#include "rules/registry.h"

namespace wflint::rules {

extern const Rule kMissingStartState;
extern const Rule kInvalidStateType;
extern const Rule kUnknownField;
extern const Rule kMissingRequiredField;
extern const Rule kInvalidFieldValue;
extern const Rule kUnknownTransitionTarget;
extern const Rule kDuplicateStateName;
extern const Rule kStateNameTooLong;
extern const Rule kUnreachableState;
extern const Rule kNoPathToEnd;
extern const Rule kInvalidTransitionFields;
extern const Rule kInvalidPath;
extern const Rule kInvalidReferencePath;
extern const Rule kInvalidIntrinsicCall;
extern const Rule kUnknownContextField;
extern const Rule kDollarKeyNotString;
extern const Rule kPathValueWithoutDollarSuffix;
extern const Rule kDuplicateTemplateField;
extern const Rule kInvalidErrorEquals;
extern const Rule kMisplacedStatesAll;
extern const Rule kUnreachableErrorHandler;
extern const Rule kRetryValueOutOfRange;
extern const Rule kUnknownStatesError;
extern const Rule kInvalidResourceArn;
extern const Rule kUnsupportedIntegrationPattern;
extern const Rule kUnknownServiceIntegration;
extern const Rule kSuspiciousRegionOrAccount;
extern const Rule kConflictingFields;
extern const Rule kInvalidWaitDuration;
extern const Rule kInvalidTaskTimeouts;
extern const Rule kInvalidChoiceRule;
extern const Rule kFieldOfOtherQueryLanguage;
extern const Rule kJsonataSyntaxError;
extern const Rule kMalformedExpressionDelimiters;
extern const Rule kUnknownFunction;
extern const Rule kWrongArgumentCount;
extern const Rule kUnavailableStatesField;
extern const Rule kImplicitInputReference;
extern const Rule kJsonpathInJsonataState;
extern const Rule kUndefinedVariable;
extern const Rule kVariableNotInScope;
extern const Rule kUnusedVariable;
extern const Rule kWaitForTokenOnFunctionArn;
extern const Rule kCallbackTokenNotPassed;
extern const Rule kTailLogWithAsyncInvoke;
extern const Rule kCallbackWithoutTimeout;
extern const Rule kInvokeEnvelopeNotSelected;
extern const Rule kPayloadExceedsLimit;
extern const Rule kAsyncResultUsed;
extern const Rule kEnvelopePathOnFunctionArn;
extern const Rule kMissingFunctionName;
extern const Rule kUnknownInvokeParameter;
extern const Rule kInvalidInvokeParameterValue;
extern const Rule kQualifierConflict;
extern const Rule kInvalidFunctionReference;
extern const Rule kUnsupportedLambdaIntegrationPattern;
extern const Rule kMissingLambdaRetry;
extern const Rule kTimeoutExceedsLambdaMax;
extern const Rule kTaskTokenOutsideCallback;
extern const Rule kDryRunInvocation;
extern const Rule kCallbackInExpress;
extern const Rule kInvokeShapeOnFunctionArn;
extern const Rule kInvalidRunbookStructure;
extern const Rule kDuplicateStepName;
extern const Rule kUnknownStepTarget;
extern const Rule kUnknownAction;
extern const Rule kUndeclaredParameter;
extern const Rule kUnknownStepOutput;
extern const Rule kInvalidVariableReference;
extern const Rule kInvokeTimeoutOverMax;
extern const Rule kSsmTailLogWithAsyncInvoke;
extern const Rule kPayloadShadowed;
extern const Rule kPayloadNotJson;
extern const Rule kSsmMissingFunctionName;
extern const Rule kInvokeOutputUnavailable;
extern const Rule kUnknownInvokeInput;
extern const Rule kBranchWithoutDefault;
extern const Rule kUnresolvedPlaceholder;
extern const Rule kUnusedSubstitution;
extern const Rule kConflictingDefinitionSources;
extern const Rule kHardCodedAccount;
extern const Rule kUnresolvedDefinition;
extern const Rule kAzpMissingFunctionName;
extern const Rule kAzpInvalidInvocationType;
extern const Rule kAzpTailLogIgnored;
extern const Rule kAzpOutputVariableWithEvent;
extern const Rule kAzpPayloadNotJson;
extern const Rule kAzpUnknownTaskInput;

std::span<const Rule* const> all_rules() {
  // One rule a line, in id order.
  // clang-format off
  static const Rule* const kRules[] = {
      &kSyntaxError,
      &kDuplicateKey,
      &kUnknownDocument,
      &kUnusedSuppression,
      &kMissingStartState,
      &kInvalidStateType,
      &kUnknownField,
      &kMissingRequiredField,
      &kInvalidFieldValue,
      &kUnknownTransitionTarget,
      &kDuplicateStateName,
      &kStateNameTooLong,
      &kUnreachableState,
      &kNoPathToEnd,
      &kInvalidTransitionFields,
      &kInvalidPath,
      &kInvalidReferencePath,
      &kInvalidIntrinsicCall,
      &kUnknownContextField,
      &kDollarKeyNotString,
      &kPathValueWithoutDollarSuffix,
      &kDuplicateTemplateField,
      &kInvalidErrorEquals,
      &kMisplacedStatesAll,
      &kUnreachableErrorHandler,
      &kRetryValueOutOfRange,
      &kUnknownStatesError,
      &kInvalidResourceArn,
      &kUnsupportedIntegrationPattern,
      &kUnknownServiceIntegration,
      &kSuspiciousRegionOrAccount,
      &kConflictingFields,
      &kInvalidWaitDuration,
      &kInvalidTaskTimeouts,
      &kInvalidChoiceRule,
      &kFieldOfOtherQueryLanguage,
      &kJsonataSyntaxError,
      &kMalformedExpressionDelimiters,
      &kUnknownFunction,
      &kWrongArgumentCount,
      &kUnavailableStatesField,
      &kImplicitInputReference,
      &kJsonpathInJsonataState,
      &kUndefinedVariable,
      &kVariableNotInScope,
      &kUnusedVariable,
      &kWaitForTokenOnFunctionArn,
      &kCallbackTokenNotPassed,
      &kTailLogWithAsyncInvoke,
      &kCallbackWithoutTimeout,
      &kInvokeEnvelopeNotSelected,
      &kPayloadExceedsLimit,
      &kAsyncResultUsed,
      &kEnvelopePathOnFunctionArn,
      &kMissingFunctionName,
      &kUnknownInvokeParameter,
      &kInvalidInvokeParameterValue,
      &kQualifierConflict,
      &kInvalidFunctionReference,
      &kUnsupportedLambdaIntegrationPattern,
      &kMissingLambdaRetry,
      &kTimeoutExceedsLambdaMax,
      &kTaskTokenOutsideCallback,
      &kDryRunInvocation,
      &kCallbackInExpress,
      &kInvokeShapeOnFunctionArn,
      &kInvalidRunbookStructure,
      &kDuplicateStepName,
      &kUnknownStepTarget,
      &kUnknownAction,
      &kUndeclaredParameter,
      &kUnknownStepOutput,
      &kInvalidVariableReference,
      &kInvokeTimeoutOverMax,
      &kSsmTailLogWithAsyncInvoke,
      &kPayloadShadowed,
      &kPayloadNotJson,
      &kSsmMissingFunctionName,
      &kInvokeOutputUnavailable,
      &kUnknownInvokeInput,
      &kBranchWithoutDefault,
      &kAzpMissingFunctionName,
      &kAzpInvalidInvocationType,
      &kAzpTailLogIgnored,
      &kAzpOutputVariableWithEvent,
      &kAzpPayloadNotJson,
      &kAzpUnknownTaskInput,
      &kUnresolvedPlaceholder,
      &kUnusedSubstitution,
      &kConflictingDefinitionSources,
      &kHardCodedAccount,
      &kUnresolvedDefinition,
  };
  // clang-format on
  return kRules;
}

const Rule* find_rule(std::string_view id_or_name) {
  for (const Rule* rule : all_rules()) {
    if (rule->info.id == id_or_name || rule->info.name == id_or_name) return rule;
  }
  return nullptr;
}

}  // namespace wflint::rules
