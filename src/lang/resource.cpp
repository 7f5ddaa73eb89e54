#include "lang/resource.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <array>
#include <span>
#include <string>

#include "lang/integrations.h"
#include "support/text.h"

namespace wflint::lang {
namespace {

constexpr std::array<std::string_view, 8> kPartitions{
    "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"};
constexpr std::array<std::string_view, 3> kSuffixes{".sync", ".sync:2", ".waitForTaskToken"};
constexpr std::array<std::string_view, 2> kServices{"states", "lambda"};

constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kAlphanumerics =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
// Function names and aliases: letters, digits, hyphens and underscores.
constexpr std::string_view kFunctionNameChars =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
constexpr std::string_view kServiceNameChars =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
constexpr std::string_view kNotInActivityNames = ": \t\r\n";

constexpr std::size_t kAccountDigits = 12;
constexpr std::size_t kMaxFunctionName = 64;
constexpr std::size_t kMaxQualifier = 128;
constexpr std::size_t kMaxActivityName = 80;

constexpr std::string_view kResourceForms =
    "a Task Resource is an optimized integration (arn:aws:states:::lambda:invoke), an AWS SDK "
    "action (arn:aws:states:::aws-sdk:s3:getObject), a Lambda function "
    "(arn:aws:lambda:us-east-1:123456789012:function:NAME) or an activity "
    "(arn:aws:states:us-east-1:123456789012:activity:NAME)";

const RE2& placeholder_re() {
  static const RE2 re(R"(\$\{[^}]*\})");
  return re;
}
// us-east-1, us-gov-west-1, cn-north-1, us-isob-east-1, eusc-de-east-1, ...
const RE2& region_re() {
  static const RE2 re(R"([a-z]{2,4}(?:-[a-z]+)+-[0-9]{1,2})");
  return re;
}

bool contains(std::span<const std::string_view> names, std::string_view name) {
  for (std::string_view candidate : names) {
    if (candidate == name) return true;
  }
  return false;
}

bool made_of(std::string_view text, std::string_view allowed) {
  return !text.empty() && text.find_first_not_of(allowed) == std::string_view::npos;
}

// A segment cut in two at the first `separator`.
struct Cut {
  Segment head;
  Segment tail;  // after the separator, or starting at it (keep_separator)
  bool found = false;
};

Cut cut(const Segment& whole, char separator, bool keep_separator) {
  const std::size_t at = whole.text.find(separator);
  if (at == std::string_view::npos) {
    return {whole, Segment{{}, whole.offset + whole.length()}, false};
  }
  const std::size_t tail_start = keep_separator ? at : at + 1;
  return {Segment{whole.text.substr(0, at), whole.offset},
          Segment{whole.text.substr(tail_start), whole.offset + static_cast<uint32_t>(tail_start)},
          true};
}

// The parse in progress: the whole string (to place errors) and the result.
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  TaskResource run() {
    if (is_placeholder()) {
      out_.kind = ResourceKind::Placeholder;
    } else if (check_not_template() && check_arn()) {
      classify();
    }
    if (!out_.error) return std::move(out_);
    TaskResource invalid;  // the segments of a malformed value mean nothing
    invalid.error = std::move(out_.error);
    return invalid;
  }

 private:
  bool fail(uint32_t offset, uint32_t length, std::string message, std::string help) {
    out_.error = LangError{offset, length, std::move(message), std::move(help)};
    return false;
  }
  // An empty segment has no characters to underline: underline the colons around it.
  bool fail_at(const Segment& at, std::string message, std::string help) {
    if (at.empty()) {
      const uint32_t offset = at.offset > 0 ? at.offset - 1 : 0;
      return fail(offset, at.offset < text_.size() ? 2 : 1, std::move(message), std::move(help));
    }
    return fail(at.offset, at.length(), std::move(message), std::move(help));
  }
  bool fail_whole(std::string message, std::string help) {
    return fail(0, static_cast<uint32_t>(text_.size()), std::move(message), std::move(help));
  }

  bool is_placeholder() const {
    return text_.find("${") != std::string_view::npos && RE2::PartialMatch(text_, placeholder_re());
  }

  // Values that are not ARNs but say what they meant to be.
  bool check_not_template() {
    if (text_.size() >= 4 && text_.starts_with("{%") && text_.ends_with("%}")) {
      return fail_whole("Resource cannot be a JSONata expression",
                        "Resource must be a constant ARN; to pick a Lambda function at run time, "
                        "call arn:aws:states:::lambda:invoke with FunctionName in Arguments");
    }
    if (const std::size_t open = text_.find("${"); open != std::string_view::npos) {
      return fail(static_cast<uint32_t>(open), static_cast<uint32_t>(text_.size() - open),
                  "placeholder \"${\" is never closed",
                  "close it with \"}\", as in ${FunctionArn}, so the deployment tool substitutes "
                  "it");
    }
    return true;
  }

  // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE
  bool check_arn() {
    if (text_.empty()) return fail(0, 0, "Resource is empty", std::string(kResourceForms));
    if (!text_.starts_with("arn:")) {
      return fail_whole(fmt::format("Resource {} is not an ARN", text::json_quote(text_)),
                        std::string(kResourceForms));
    }
    Segment rest{text_.substr(4), 4};
    std::array<Segment*, 4> fields{&out_.partition, &out_.service, &out_.region, &out_.account};
    for (Segment* field : fields) {
      const Cut parts = cut(rest, ':', false);
      if (!parts.found) {
        return fail_whole("ARN lacks parts: it needs arn:partition:service:region:account:resource",
                          std::string(kResourceForms));
      }
      *field = parts.head;
      rest = parts.tail;
    }
    rest_ = rest;
    return check_partition() && check_service();
  }

  bool check_partition() {
    if (contains(kPartitions, out_.partition.text)) return true;
    const std::string_view near = text::closest_match(out_.partition.text, kPartitions);
    return fail_at(out_.partition,
                   fmt::format("unknown partition {}", text::json_quote(out_.partition.text)),
                   near.empty() ? "the partitions are aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, "
                                  "aws-iso-e, aws-iso-f and aws-eusc"
                                : fmt::format("did you mean \"{}\"?", near));
  }

  bool check_service() {
    if (contains(kServices, out_.service.text)) return true;
    const std::string_view near = text::closest_match(out_.service.text, kServices);
    return fail_at(
        out_.service,
        fmt::format("a Task cannot run a {} resource", text::json_quote(out_.service.text)),
        near.empty() ? "a Task Resource is a states ARN (integrations, activities) or a lambda "
                       "ARN (functions)"
                     : fmt::format("did you mean \"{}\"?", near));
  }

  void classify() {
    const Cut type = cut(rest_, ':', false);
    if (out_.service.text == "lambda") {
      parse_function(type);
    } else if (type.head.text == "activity") {
      parse_activity(type);
    } else {
      parse_integration();
    }
  }

  // Region and account are checked for shape only, and a bad one does not stop the parse: it is
  // noted as unusual, since it is most often a placeholder that a deployment script replaces.
  void check_region_and_account(std::string_view what) {
    const std::string_view example = what == "function"
                                         ? "arn:aws:lambda:us-east-1:123456789012:function:NAME"
                                         : "arn:aws:states:us-east-1:123456789012:activity:NAME";
    if (out_.region.empty()) {
      note_unusual(out_.region, fmt::format("{} ARN has no region", what),
                   fmt::format("name the region, as in {}", example));
    } else if (out_.account.empty()) {
      note_unusual(out_.account, fmt::format("{} ARN has no account", what),
                   fmt::format("name the 12-digit account id, as in {}", example));
    }
    check_region();
    check_account();
  }

  void check_region() {
    if (out_.region.empty() || is_aws_region(out_.region.text)) return;
    note_unusual(out_.region,
                 fmt::format("{} is not an AWS region", text::json_quote(out_.region.text)),
                 "regions look like us-east-1, eu-central-2 or us-gov-west-1");
  }

  void check_account() {
    const std::string_view account = out_.account.text;
    if (account.empty() || is_account_id(account)) return;
    note_unusual(out_.account,
                 fmt::format("account {} is not 12 digits", text::json_quote(account)),
                 "an AWS account id has exactly 12 digits, as in 123456789012");
  }

  // Keeps the first unusual part only.
  void note_unusual(const Segment& at, std::string message, std::string help) {
    if (out_.unusual) return;
    const bool empty = at.empty();
    const uint32_t offset = empty && at.offset > 0 ? at.offset - 1 : at.offset;
    const uint32_t length = empty ? (at.offset < text_.size() ? 2 : 1) : at.length();
    out_.unusual = LangError{offset, length, std::move(message), std::move(help)};
  }

  // Splits `text` at its first dot into the body and the integration pattern suffix.
  bool split_suffix(const Segment& text, Segment& body) {
    const Cut parts = cut(text, '.', true);
    body = parts.head;
    return take_suffix(parts.tail);
  }

  bool take_suffix(const Segment& suffix) {
    out_.suffix = suffix;
    if (suffix.text == ".sync") {
      out_.pattern = IntegrationPattern::Sync;
    } else if (suffix.text == ".sync:2") {
      out_.pattern = IntegrationPattern::Sync2;
    } else if (suffix.text == ".waitForTaskToken") {
      out_.pattern = IntegrationPattern::WaitForTaskToken;
    } else if (!suffix.empty()) {
      const std::string_view near = text::closest_match(suffix.text, kSuffixes);
      return fail_at(suffix,
                     fmt::format("unknown integration pattern {}", text::json_quote(suffix.text)),
                     near.empty() ? "the patterns are .sync, .sync:2 and .waitForTaskToken; "
                                    "without a suffix Step Functions waits for the response"
                                  : fmt::format("did you mean \"{}\"?", near));
    }
    return true;
  }

  // function:NAME[:QUALIFIER][.SUFFIX]
  void parse_function(const Cut& type) {
    check_region_and_account("function");
    if (!type.found) {
      fail_at(rest_, "Lambda ARN does not name a function",
              "write arn:aws:lambda:REGION:ACCOUNT:function:NAME");
      return;
    }
    if (type.head.text != "function") {
      fail_at(
          type.head,
          fmt::format("Lambda ARN names a {}, not a function", text::json_quote(type.head.text)),
          "a Task runs a function: arn:aws:lambda:REGION:ACCOUNT:function:NAME[:ALIAS]");
      return;
    }
    Segment body;
    if (!split_suffix(type.tail, body)) return;
    const Cut name = cut(body, ':', false);
    out_.name = name.head;
    if (!check_function_name()) return;
    if (name.found) {
      out_.qualifier = name.tail;
      if (!check_qualifier()) return;
    }
    out_.kind = ResourceKind::LambdaFunction;
  }

  bool check_function_name() {
    const Segment& name = out_.name;
    if (name.empty()) {
      return fail_at(name, "function name is empty", "name the function after \"function:\"");
    }
    if (!made_of(name.text, kFunctionNameChars)) {
      return fail_at(name,
                     fmt::format("function name {} has characters Lambda does not allow",
                                 text::json_quote(name.text)),
                     "function names have only letters, digits, hyphens and underscores");
    }
    if (name.text.size() > kMaxFunctionName) {
      return fail_at(name, "function name is longer than 64 characters",
                     "Lambda function names have 1 to 64 characters");
    }
    return true;
  }

  bool check_qualifier() {
    const Segment& qualifier = out_.qualifier;
    if (qualifier.empty()) {
      return fail_at(qualifier, "function qualifier after \":\" is empty",
                     "name a version or alias after the colon, or remove the colon");
    }
    const bool valid =
        qualifier.text == "$LATEST" ||
        (made_of(qualifier.text, kFunctionNameChars) && qualifier.text.size() <= kMaxQualifier);
    if (valid) return true;
    return fail_at(qualifier,
                   fmt::format("qualifier {} is not a version, an alias or $LATEST",
                               text::json_quote(qualifier.text)),
                   "versions are numbers; aliases have up to 128 letters, digits, hyphens and "
                   "underscores");
  }

  // activity:NAME (activity names may contain dots: no suffix here)
  void parse_activity(const Cut& type) {
    check_region_and_account("activity");
    const Segment& name = type.tail;
    if (name.empty()) {
      fail_at(name, "activity ARN names no activity", "write ...:activity:NAME");
      return;
    }
    if (name.text.find_first_of(kNotInActivityNames) != std::string_view::npos ||
        name.text.size() > kMaxActivityName) {
      fail_at(name, fmt::format("activity name {} is not valid", text::json_quote(name.text)),
              "activity names have 1 to 80 characters and no whitespace or colons");
      return;
    }
    out_.name = name;
    out_.kind = ResourceKind::Activity;
  }

  // [aws-sdk:]SERVICE:API[.SUFFIX]
  void parse_integration() {
    check_region();
    check_account();
    if (rest_.empty()) {
      fail_at(rest_, "ARN names no integration",
              "write arn:aws:states:::SERVICE:API, as in arn:aws:states:::sns:publish");
      return;
    }
    Segment body;
    if (!split_suffix(rest_, body)) return;
    const Cut service = cut(body, ':', false);
    if (service.head.text == "aws-sdk") {
      parse_sdk_integration(service.tail, body);
    } else {
      parse_optimized_integration(service, body);
    }
  }

  void parse_optimized_integration(const Cut& service, const Segment& body) {
    if (!check_service_name(service.head)) return;
    if (service.tail.empty()) {
      fail_at(service.found ? service.tail : body,
              fmt::format("integration {} names no API", text::json_quote(service.head.text)),
              "write SERVICE:API, as in arn:aws:states:::sns:publish");
      return;
    }
    out_.service = service.head;
    out_.name = service.tail;
    if (!check_api_name("API")) return;
    out_.kind = ResourceKind::ServiceIntegration;
  }

  void parse_sdk_integration(const Segment& rest, const Segment& body) {
    const Cut service = cut(rest, ':', false);
    if (service.head.empty() || service.tail.empty()) {
      fail_at(body, "AWS SDK integration names no service and action",
              "write arn:aws:states:::aws-sdk:SERVICE:ACTION, as in "
              "arn:aws:states:::aws-sdk:s3:getObject");
      return;
    }
    if (!check_service_name(service.head)) return;
    out_.service = service.head;
    out_.name = service.tail;
    if (!check_api_name("action")) return;
    out_.kind = ResourceKind::SdkIntegration;
  }

  bool check_service_name(const Segment& service) {
    if (made_of(service.text, kServiceNameChars)) return true;
    return fail_at(service, fmt::format("{} is not a service name", text::json_quote(service.text)),
                   "write arn:aws:states:::SERVICE:API, as in arn:aws:states:::dynamodb:putItem");
  }

  bool check_api_name(std::string_view what) {
    if (made_of(out_.name.text, kAlphanumerics)) return true;
    return fail_at(out_.name,
                   fmt::format("{} {} has characters no AWS {} has", what,
                               text::json_quote(out_.name.text), what),
                   "API names are letters and digits in camelCase, as in putItem");
  }

  std::string_view text_;
  Segment rest_;
  TaskResource out_;
};

}  // namespace

std::string_view to_string(IntegrationPattern pattern) {
  switch (pattern) {
    case IntegrationPattern::Sync:
      return ".sync";
    case IntegrationPattern::Sync2:
      return ".sync:2";
    case IntegrationPattern::WaitForTaskToken:
      return ".waitForTaskToken";
    case IntegrationPattern::RequestResponse:
      break;
  }
  return "";
}

TaskResource parse_task_resource(std::string_view text) {
  return Parser(text).run();
}

bool is_aws_region(std::string_view text) {
  return RE2::FullMatch(text, region_re());
}

bool is_account_id(std::string_view text) {
  return text.size() == kAccountDigits && made_of(text, kDigits);
}

}  // namespace wflint::lang
