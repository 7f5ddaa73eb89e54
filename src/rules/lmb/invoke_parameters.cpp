#include "rules/lmb/invoke_parameters.h"

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "analysis/path_fields.h"
#include "support/text.h"

namespace wflint::rules::lmb {
namespace {

constexpr std::string_view kFunctionNameChars =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
constexpr std::string_view kPlaceholderWordChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
constexpr std::string_view kDigits = "0123456789";
constexpr std::size_t kMaxFunctionName = 64;
constexpr std::size_t kMaxQualifier = 128;
constexpr std::size_t kAccountDigits = 12;
constexpr std::string_view kPublishedQualifier = "$LATEST.PUBLISHED";
constexpr std::string_view kPublishedSuffix = ".PUBLISHED";

constexpr std::string_view kFunctionNameForms =
    "FunctionName is a function name (my-function), a name with a version or alias "
    "(my-function:prod), a partial ARN (123456789012:function:my-function) or a function ARN "
    "(arn:aws:lambda:us-east-1:123456789012:function:my-function)";

bool made_of(std::string_view text, std::string_view allowed) {
  return !text.empty() && text.find_first_not_of(allowed) == std::string_view::npos;
}

// REGION, ACCOUNT_ID, AWS_ACCOUNT: a word some script replaces before deployment.
bool is_placeholder_word(std::string_view text) {
  return made_of(text, kPlaceholderWordChars) &&
         text.find_first_not_of("0123456789_") != std::string_view::npos;
}

// {{Name}} (mustache), {REGION}, <account>: placeholders of template tools other than ${...}.
bool has_foreign_placeholder(std::string_view text) {
  return text.find_first_of("{<") != std::string_view::npos;
}

// The JSONPath-looking strings ASL206 reports when their key lacks ".$".
bool looks_like_path_or_call(std::string_view text) {
  return text.starts_with("$.") || text.starts_with("$$.") || text.starts_with("$[") ||
         text.starts_with("States.");
}

std::vector<lang::Segment> split_at_colons(std::string_view text) {
  std::vector<lang::Segment> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t colon = text.find(':', start);
    const std::size_t end = colon == std::string_view::npos ? text.size() : colon;
    parts.push_back({text.substr(start, end - start), static_cast<uint32_t>(start)});
    if (colon == std::string_view::npos) return parts;
    start = colon + 1;
  }
}

lang::LangError error_at(const lang::Segment& at, std::string message, std::string help) {
  // An empty segment has no characters: underline the colon before it.
  const uint32_t offset = at.empty() && at.offset > 0 ? at.offset - 1 : at.offset;
  return {offset, std::max<uint32_t>(at.length(), 1), std::move(message), std::move(help)};
}

std::optional<lang::LangError> check_name(const lang::Segment& name) {
  if (name.empty()) {
    return error_at(name, "function name is empty", std::string(kFunctionNameForms));
  }
  if (!made_of(name.text, kFunctionNameChars)) {
    return error_at(name,
                    fmt::format("function name {} has characters Lambda does not allow",
                                text::json_quote(name.text)),
                    "function names have only letters, digits, hyphens and underscores");
  }
  if (name.text.size() > kMaxFunctionName) {
    return error_at(name, "function name is longer than 64 characters",
                    "Lambda function names have 1 to 64 characters");
  }
  return std::nullopt;
}

}  // namespace

std::optional<lang::LangError> check_qualifier(const lang::Segment& qualifier) {
  if (qualifier.empty()) {
    return error_at(qualifier, "function qualifier after \":\" is empty",
                    "name a version or alias after the colon, or remove the colon");
  }
  const bool valid =
      qualifier.text == "$LATEST" || qualifier.text == kPublishedQualifier ||
      (made_of(qualifier.text, kFunctionNameChars) && qualifier.text.size() <= kMaxQualifier);
  if (valid) return std::nullopt;
  return error_at(qualifier,
                  fmt::format("qualifier {} is not a version, an alias or $LATEST",
                              text::json_quote(qualifier.text)),
                  "versions are numbers; aliases have up to 128 letters, digits, hyphens and "
                  "underscores");
}

namespace {

// NAME[:QUALIFIER], the last one or two parts of every form.
void take_name_and_qualifier(std::span<const lang::Segment> parts, FunctionNameRef& out) {
  out.name = parts[0];
  if (parts.size() > 1) out.qualifier = parts[1];
  out.error = check_name(out.name);
  if (!out.error && parts.size() > 1) out.error = check_qualifier(out.qualifier);
}

void check_account(const lang::Segment& account, FunctionNameRef& out) {
  if (account.text.size() == kAccountDigits && made_of(account.text, kDigits)) return;
  if (is_placeholder_word(account.text)) {
    out.placeholder = true;
    return;
  }
  out.error =
      error_at(account, fmt::format("account {} is not 12 digits", text::json_quote(account.text)),
               "an AWS account id has exactly 12 digits, as in 123456789012");
}

void check_region(const lang::Segment& region, FunctionNameRef& out) {
  if (lang::is_aws_region(region.text)) return;
  if (is_placeholder_word(region.text)) {
    out.placeholder = true;
    return;
  }
  out.error =
      error_at(region, fmt::format("{} is not an AWS region", text::json_quote(region.text)),
               "regions look like us-east-1, eu-central-2 or us-gov-west-1");
}

// NAME[:Q], function:NAME[:Q], ACCOUNT:function:NAME[:Q] or REGION:ACCOUNT:function:NAME[:Q].
void parse_short_form(std::string_view text, FunctionNameRef& out) {
  const std::vector<lang::Segment> parts = split_at_colons(text);
  const std::span<const lang::Segment> all(parts);
  const bool function_first = parts.size() >= 2 && parts[0].text == "function";
  if (parts.size() <= 2 && !function_first) {
    take_name_and_qualifier(all, out);
    return;
  }
  for (std::size_t at = 0; at <= 2 && at < parts.size(); ++at) {
    const std::size_t after = parts.size() - at - 1;
    if (parts[at].text != "function" || after < 1 || after > 2) continue;
    if (at == 2) check_region(parts[0], out);
    if (at >= 1 && !out.error && !out.placeholder) check_account(parts[at - 1], out);
    if (out.error || out.placeholder) return;
    take_name_and_qualifier(all.subspan(at + 1), out);
    return;
  }
  out.error = lang::LangError{
      0, static_cast<uint32_t>(text.size()),
      fmt::format("FunctionName {} is not a function name or function ARN", text::json_quote(text)),
      std::string(kFunctionNameForms)};
}

// arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
void parse_arn(std::string_view text, FunctionNameRef& out) {
  const std::vector<lang::Segment> parts = split_at_colons(text);
  if (parts.size() >= 3 && parts[2].text != "lambda") {
    out.error = error_at(parts[2],
                         fmt::format("FunctionName is an ARN of {}, not of a Lambda function",
                                     text::json_quote(parts[2].text)),
                         "write the function's ARN, "
                         "arn:aws:lambda:REGION:ACCOUNT:function:NAME, or its name");
    return;
  }
  if (parts.size() >= 5 &&
      (is_placeholder_word(parts[3].text) || is_placeholder_word(parts[4].text))) {
    out.placeholder = true;
    return;
  }
  if (parts.size() >= 7 && parts[5].text == "function" && parts.size() <= 8) {
    // The resource parser reads a dot as an integration suffix, which FunctionName never has.
    const std::span<const lang::Segment> all(parts);
    take_name_and_qualifier(all.subspan(6), out);
    if (out.error) return;
  }
  std::string_view arn = text;
  if (arn.ends_with(kPublishedQualifier)) arn.remove_suffix(kPublishedSuffix.size());
  const lang::TaskResource parsed = lang::parse_task_resource(arn);
  if (parsed.kind == lang::ResourceKind::Invalid) {
    out.error = parsed.error;
  } else if (parsed.unusual) {
    out.error = parsed.unusual;
  }
}

}  // namespace

const analysis::LambdaCall* lambda_call_of(const CheckContext& ctx, const asl::State& state) {
  return ctx.lambda_calls ? ctx.lambda_calls->of(state) : nullptr;
}

const analysis::LambdaCall* invoke_request_of(const CheckContext& ctx, const asl::State& state) {
  const analysis::LambdaCall* call = lambda_call_of(ctx, state);
  if (!call || !call->is_invoke() || !call->arguments || !call->arguments->is_object())
    return nullptr;
  if (is_filled_in_later(*call->arguments)) return nullptr;
  return call;
}

std::string_view request_field_name(const analysis::LambdaCall& call) {
  return call.jsonata() ? "Arguments" : "Parameters";
}

bool is_filled_in_later(const Node& value) {
  if (!value.tag().empty()) return true;
  if (value.is_string()) {
    const std::string_view text = value.text();
    return analysis::is_jsonata_expression(text) || analysis::has_placeholder(text);
  }
  if (value.is_object() && value.size() == 1) {
    const std::string_view key = value.children().front().key();
    return key == "Ref" || key.starts_with("Fn::");
  }
  return false;
}

const Node* known_parameter(const analysis::LambdaCall& call, std::string_view name) {
  if (!call.arguments || !call.arguments->is_object()) return nullptr;
  const Node* member = call.arguments->find(name);
  if (!member || is_filled_in_later(*member)) return nullptr;
  if (!call.jsonata() && member->is_string() && looks_like_path_or_call(member->text()))
    return nullptr;
  return member;
}

std::optional<std::string_view> known_string(const analysis::LambdaCall& call,
                                             std::string_view name) {
  const Node* member = known_parameter(call, name);
  if (!member || !member->is_string()) return std::nullopt;
  return member->text();
}

FunctionNameRef parse_function_name(std::string_view text) {
  FunctionNameRef out;
  if (has_foreign_placeholder(text)) {
    out.placeholder = true;
  } else if (text.starts_with("arn:")) {
    parse_arn(text, out);
  } else {
    parse_short_form(text, out);
  }
  if (out.placeholder) out.error.reset();
  return out;
}

}  // namespace wflint::rules::lmb
