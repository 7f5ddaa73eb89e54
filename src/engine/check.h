#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/config_file.h"
#include "model/document_kind.h"
#include "rules/rule_filter.h"
#include "support/file_report.h"

namespace wflint {

// How to check one file: the settings of the command line and of the configuration that governs
// the file, combined.
struct CheckOptions {
  RuleFilter filter;
  std::optional<DocumentKind> forced_kind = std::nullopt;  // --kind
  // --sfn-type; unknown is checked with STANDARD semantics.
  std::optional<StateMachineType> sfn_type = std::nullopt;
  // The severity the configuration gives a rule's findings instead of their own.
  std::vector<std::pair<std::string_view, Severity>> severities = {};
  rules::RuleOptions rule_options = {};
  // The configuration file whose suppressions apply; nullptr when none governs the file.
  const config::ConfigFile* config = nullptr;
};

// How a file came to be checked. A file met while walking a directory that is not a workflow is
// skipped silently; one named explicitly is reported as unknown.
enum class Origin { Explicit, Walked };

// Whether a file (as a template names it) is also checked on its own in this run: then a template
// that embeds it runs only the rules that depend on the template, and no finding is reported twice.
using CheckedAlone = std::function<bool(const std::string& path)>;

// Loads, classifies and checks every document of `source`, and every definition a template among
// them embeds. Never throws.
FileReport check_source(std::unique_ptr<Source> source, Origin origin, const CheckOptions& options,
                        const CheckedAlone& checked_alone = {});

}  // namespace wflint
