#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config_file.h"
#include "load/loaded_document.h"
#include "model/document_kind.h"
#include "rules/rule.h"
#include "support/diagnostic.h"

namespace wflint {

// A rule named by a suppression, where it is written.
struct SuppressedRule {
  std::string name;  // as written: an id (any case) or a rule name
  Span span;
  bool used = false;
};

// A suppression written in a document: "# wflint-disable-next-line LMB015 -- reason" in a YAML
// comment, or "wflint-disable LMB015 -- reason" in a state's Comment or a step's description.
struct Suppression {
  enum class Scope : uint8_t {
    NextLine,  // findings on the next line that is neither blank nor only a comment
    Line,      // findings on the comment's own line
    File,      // every finding of the file
    Node,      // findings at or below `pointer`, in the same document
  };
  Scope scope;
  uint32_t line = 0;         // NextLine and Line: the line findings must start on
  std::string pointer;       // Node
  std::string holder;        // Node: what holds the field, for messages ("state \"Charge\"")
  std::string_view keyword;  // "wflint-disable-next-line", ...
  Span keyword_span;
  std::vector<SuppressedRule> rules;
  std::string misuse;  // set when the suppression cannot work as written: why, for WF010
};

// Whether `text` holds any suppression at all: a quick look before reading any.
bool mentions_suppressions(std::string_view text);

// The suppressions in the comments of a YAML file (not the text of its strings).
std::vector<Suppression> comment_suppressions(const Source& source,
                                              const std::vector<LoadedDocument>& documents);
// The suppressions in the Comment fields (state machines) or description fields (runbooks) of one
// document: each covers the object that holds the field.
std::vector<Suppression> field_suppressions(const Node& root, DocumentKind kind);

// Drops the findings in `findings` that a suppression covers and marks the rules that did.
// Syntax errors are never suppressed.
void apply_suppressions(std::vector<Diagnostic>& findings, std::size_t first,
                        std::vector<Suppression>& suppressions);

// Drops the findings that the configuration's suppressions matching the file `path` (as shown)
// cover: findings of their rules at or below their JSON pointer.
void apply_config_suppressions(const std::string& path, const config::ConfigFile& config,
                               std::vector<Diagnostic>& findings);

// WF010 findings: suppressions written wrongly, naming no rule, or whose rules suppressed nothing.
// A rule `could_run` rejects (it is disabled) is not reported unused: it may suppress something
// when it runs. A rule that does not apply to the document is: it never suppresses anything there.
void report_unused_suppressions(const std::vector<Suppression>& suppressions,
                                const std::function<bool(std::string_view rule_id)>& could_run,
                                rules::DiagnosticSink& sink);

}  // namespace wflint
