#include "engine/suppressions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "rules/registry.h"
#include "rules/rule_filter.h"
#include "support/paths.h"
#include "support/text.h"

namespace wflint {
namespace {

constexpr std::string_view kMarker = "wflint-disable";

struct Keyword {
  std::string_view text;
  Suppression::Scope scope;
};
// Longest first, so "wflint-disable-next-line" is not read as "wflint-disable".
constexpr Keyword kKeywords[] = {
    {"wflint-disable-next-line", Suppression::Scope::NextLine},
    {"wflint-disable-line", Suppression::Scope::Line},
    {"wflint-disable-file", Suppression::Scope::File},
    {"wflint-disable", Suppression::Scope::Node},
};

bool is_token_start(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool is_token_char(char c) {
  return is_token_start(c) || c == '-';
}

// A directive found in some text: its keyword and the rule names after it, as offsets in the text.
struct Directive {
  const Keyword* keyword;
  std::size_t keyword_offset;
  std::vector<std::pair<std::size_t, std::size_t>> names;  // offset, length
};

// The keyword starting at `at`, or nullptr: a marker that is a word of its own.
const Keyword* keyword_at(std::string_view text, std::size_t at) {
  const bool starts_word = at == 0 || !is_token_char(text[at - 1]);
  if (!starts_word) return nullptr;
  for (const Keyword& keyword : kKeywords) {
    const std::size_t end = at + keyword.text.size();
    if (text.substr(at, keyword.text.size()) == keyword.text &&
        (end == text.size() || !is_token_char(text[end]))) {
      return &keyword;
    }
  }
  return nullptr;
}

// Rule names follow the keyword, separated by spaces or commas, up to "--" (the reason), the end
// of the line, or any other character.
std::vector<std::pair<std::size_t, std::size_t>> names_after(std::string_view text,
                                                             std::size_t at) {
  std::vector<std::pair<std::size_t, std::size_t>> names;
  while (at < text.size()) {
    const char c = text[at];
    if (c == ' ' || c == '\t' || c == ',') {
      ++at;
    } else if (is_token_start(c)) {
      const std::size_t begin = at;
      while (at < text.size() && is_token_char(text[at]))
        ++at;
      names.emplace_back(begin, at - begin);
    } else {
      break;
    }
  }
  return names;
}

std::vector<Directive> find_directives(std::string_view text) {
  std::vector<Directive> out;
  for (std::size_t at = text.find(kMarker); at != std::string_view::npos;
       at = text.find(kMarker, at + 1)) {
    if (const Keyword* keyword = keyword_at(text, at)) {
      out.push_back({keyword, at, names_after(text, at + keyword->text.size())});
      at += keyword->text.size() - 1;
    }
  }
  return out;
}

// Where a span lies in the file: a document read from a same-position copy (see LoadedDocument::
// filled_text) keeps its spans in the copy.
struct FileRange {
  uint32_t begin;
  uint32_t end;
  bool contains(uint32_t offset) const { return begin <= offset && offset < end; }
};

FileRange in_file(const Span& span) {
  if (span.end <= span.begin) return {span.begin, span.begin};
  return {span.source->file_offset(span.begin), span.source->file_offset(span.end - 1) + 1};
}

// Whether `offset` of the file falls inside a scalar (a key or a value) of the tree: the text of a
// string, not a comment.
bool inside_scalar(const Node& root, uint32_t offset) {
  if (!in_file(root.span()).contains(offset)) return false;
  const Node* node = &root;
  for (;;) {
    if (!node->is_object() && !node->is_array()) return in_file(node->span()).contains(offset);
    const Node* inside = nullptr;
    for (const Node& child : node->children()) {
      if (child.has_key() && in_file(child.key_span()).contains(offset)) return true;
      if (in_file(child.span()).contains(offset)) inside = &child;
    }
    if (!inside) return false;
    node = inside;
  }
}

bool in_a_string(const std::vector<LoadedDocument>& documents, uint32_t offset) {
  return std::any_of(documents.begin(), documents.end(), [&](const LoadedDocument& loaded) {
    const Node* root = loaded.document->root();
    return root && inside_scalar(*root, offset);
  });
}

// The 1-based number of the first line after `line` that is neither blank nor only a comment.
uint32_t next_code_line(const Source& source, uint32_t line) {
  for (uint32_t next = line + 1; next <= source.line_count(); ++next) {
    const std::string_view text = source.line_text(next);
    const std::size_t first = text.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && text[first] != '#') return next;
  }
  return line + 1;
}

std::string misuse_in_comment(const Keyword& keyword) {
  if (keyword.scope != Suppression::Scope::Node) return {};
  return "in a YAML comment, write wflint-disable-next-line, wflint-disable-line or "
         "wflint-disable-file; a bare wflint-disable works in a Comment or description field";
}

std::string misuse_in_field(const Keyword& keyword, std::string_view field) {
  if (keyword.scope == Suppression::Scope::Node) return {};
  return fmt::format(
      "in a {} field, write wflint-disable followed by the rules: it covers what "
      "holds the field",
      field);
}

Suppression make_suppression(const Directive& directive, std::string_view text,
                             const std::function<Span(std::size_t, std::size_t)>& span_of) {
  Suppression out;
  out.scope = directive.keyword->scope;
  out.keyword = directive.keyword->text;
  out.keyword_span = span_of(directive.keyword_offset, directive.keyword->text.size());
  for (const auto& [offset, length] : directive.names)
    out.rules.push_back({std::string(text.substr(offset, length)), span_of(offset, length)});
  return out;
}

// "state \"Charge\"", "step \"restart\"", "the state machine", "parameter \"Role\"".
std::string holder_of(const Node& object, DocumentKind kind) {
  const Node* parent = object.parent();
  if (!parent) return kind == DocumentKind::Ssm ? "the runbook" : "the state machine";
  if (parent->has_key() && parent->key() == "States" && object.has_key())
    return fmt::format("state {}", text::json_quote(object.key()));
  if (const Node* name = object.find("name"); name && name->is_string() && parent->is_array())
    return fmt::format("step {}", text::json_quote(name->text()));
  if (object.has_key()) return text::json_quote(object.key());
  return fmt::format("the object at {}", object.json_pointer());
}

void collect_field_suppressions(const Node& node, std::string_view field, DocumentKind kind,
                                std::vector<Suppression>& out) {
  for (const Node& child : node.children()) {
    if (child.is_object() || child.is_array()) {
      collect_field_suppressions(child, field, kind, out);
      continue;
    }
    if (!child.has_key() || child.key() != field || !child.is_string()) continue;
    const std::string_view text = child.text();
    if (text.find(kMarker) == std::string_view::npos) continue;
    for (const Directive& directive : find_directives(text)) {
      Suppression suppression =
          make_suppression(directive, text, [&](std::size_t at, std::size_t n) {
            return child.text_span(static_cast<uint32_t>(at), static_cast<uint32_t>(n));
          });
      suppression.pointer = node.json_pointer();
      suppression.holder = holder_of(node, kind);
      suppression.misuse = misuse_in_field(*directive.keyword, field);
      out.push_back(std::move(suppression));
    }
  }
}

// Whether a suppression's `written` name is the rule's id (in any case) or its name.
bool names_rule(std::string_view written, std::string_view id, std::string_view name) {
  if (written == name) return true;
  return written.size() == id.size() &&
         std::equal(written.begin(), written.end(), id.begin(), [](char a, char b) {
           return std::toupper(static_cast<unsigned char>(a)) == b;
         });
}

// The ids of the rules `written` names: one, or two rules of different document kinds that share
// a name; none when it names no rule.
std::vector<std::string_view> rules_named(std::string_view written) {
  std::vector<std::string_view> ids;
  for (const rules::Rule* rule : rules::all_rules()) {
    if (names_rule(written, rule->info.id, rule->info.name)) ids.push_back(rule->info.id);
  }
  return ids;
}

// Whether the JSON pointer `pointer` is `node`'s or one below it.
bool at_or_below(std::string_view pointer, std::string_view node) {
  return pointer.starts_with(node) &&
         (pointer.size() == node.size() || pointer[node.size()] == '/');
}

bool is_syntax_error(const Diagnostic& finding) {
  return finding.rule_id == rules::kSyntaxError.info.id;
}

// A template's findings may lie in the files it names: a comment speaks for its own file only.
bool in_same_file(const Suppression& suppression, const Diagnostic& finding) {
  const Source* comment = suppression.keyword_span.source;
  return !comment || !finding.span.source || &comment->file() == &finding.span.source->file();
}

bool covers(const Suppression& suppression, const Diagnostic& finding) {
  switch (suppression.scope) {
    case Suppression::Scope::NextLine:
    case Suppression::Scope::Line:
      return in_same_file(suppression, finding) &&
             locate(finding.span).begin.line == suppression.line;
    case Suppression::Scope::File:
      return in_same_file(suppression, finding);
    case Suppression::Scope::Node:
      return at_or_below(finding.pointer, suppression.pointer);
  }
  return false;
}

std::string unused_message(const Suppression& suppression, const SuppressedRule& rule) {
  switch (suppression.scope) {
    case Suppression::Scope::NextLine:
    case Suppression::Scope::Line:
      return fmt::format("{} names {}, but line {} has no {} finding", suppression.keyword,
                         rule.name, suppression.line, rule.name);
    case Suppression::Scope::File:
      return fmt::format("{} names {}, but the file has no {} finding", suppression.keyword,
                         rule.name, rule.name);
    case Suppression::Scope::Node:
      return fmt::format("{} names {}, but {} has no {} finding", suppression.keyword, rule.name,
                         suppression.holder, rule.name);
  }
  return {};
}

}  // namespace

bool mentions_suppressions(std::string_view text) {
  return text.find(kMarker) != std::string_view::npos;
}

std::vector<Suppression> comment_suppressions(const Source& source,
                                              const std::vector<LoadedDocument>& documents) {
  std::vector<Suppression> out;
  const std::string_view text = source.text();
  for (std::size_t at = text.find(kMarker); at != std::string_view::npos;
       at = text.find(kMarker, at + 1)) {
    const std::size_t line_start = text.rfind('\n', at) + 1;  // npos + 1 == 0
    const std::size_t hash = text.find('#', line_start);
    if (hash == std::string_view::npos || hash > at) continue;
    if (in_a_string(documents, static_cast<uint32_t>(at))) continue;
    const std::size_t line_end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(line_start, line_end - line_start);
    for (const Directive& directive : find_directives(line.substr(at - line_start))) {
      const std::size_t base = at;
      Suppression suppression = make_suppression(
          directive, text.substr(base, line_end - base), [&](std::size_t offset, std::size_t n) {
            return Span{&source, static_cast<uint32_t>(base + offset),
                        static_cast<uint32_t>(base + offset + n)};
          });
      const uint32_t comment_line = source.position(static_cast<uint32_t>(at)).line;
      suppression.line = suppression.scope == Suppression::Scope::NextLine
                             ? next_code_line(source, comment_line)
                             : comment_line;
      suppression.misuse = misuse_in_comment(*directive.keyword);
      out.push_back(std::move(suppression));
    }
    at = line_end;
  }
  return out;
}

std::vector<Suppression> field_suppressions(const Node& root, DocumentKind kind) {
  std::vector<Suppression> out;
  if (kind == DocumentKind::Unknown) return out;
  collect_field_suppressions(root, kind == DocumentKind::Ssm ? "description" : "Comment", kind,
                             out);
  return out;
}

void apply_suppressions(std::vector<Diagnostic>& findings, std::size_t first,
                        std::vector<Suppression>& suppressions) {
  if (suppressions.empty()) return;
  const auto suppressed = [&](const Diagnostic& finding) {
    if (is_syntax_error(finding)) return false;
    bool any = false;
    for (Suppression& suppression : suppressions) {
      if (!suppression.misuse.empty() || !covers(suppression, finding)) continue;
      for (SuppressedRule& rule : suppression.rules) {
        if (names_rule(rule.name, finding.rule_id, finding.rule_name)) rule.used = any = true;
      }
    }
    return any;
  };
  const auto begin = findings.begin() + static_cast<std::ptrdiff_t>(first);
  findings.erase(std::remove_if(begin, findings.end(), suppressed), findings.end());
}

void apply_config_suppressions(const std::string& path, const config::ConfigFile& config,
                               std::vector<Diagnostic>& findings) {
  if (config.suppressions.empty()) return;
  const std::optional<std::string> relative = config.relative_path(absolute_path(path));
  if (!relative) return;
  std::vector<const config::Suppression*> matching;
  for (const config::Suppression& suppression : config.suppressions) {
    if (suppression.path.matches(*relative)) matching.push_back(&suppression);
  }
  const auto names = [](const config::Suppression& suppression, const Diagnostic& finding) {
    const rules::Rule* rule = rules::find_rule(finding.rule_id);
    return rule && std::any_of(suppression.rules.begin(), suppression.rules.end(),
                               [&](const std::string& selector) {
                                 return selector_matches(selector, rule->info);
                               });
  };
  std::erase_if(findings, [&](const Diagnostic& finding) {
    return !is_syntax_error(finding) &&
           std::any_of(matching.begin(), matching.end(), [&](const config::Suppression* s) {
             return at_or_below(finding.pointer, s->pointer) && names(*s, finding);
           });
  });
}

void report_unused_suppressions(const std::vector<Suppression>& suppressions,
                                const std::function<bool(std::string_view rule_id)>& could_run,
                                rules::DiagnosticSink& sink) {
  const rules::Rule& wf010 = rules::kUnusedSuppression;
  for (const Suppression& suppression : suppressions) {
    if (!suppression.misuse.empty()) {
      sink.report_at(wf010, suppression.keyword_span, suppression.pointer,
                     fmt::format("{} cannot suppress anything here", suppression.keyword))
          .help(suppression.misuse);
      continue;
    }
    if (suppression.rules.empty()) {
      sink.report_at(wf010, suppression.keyword_span, suppression.pointer,
                     fmt::format("{} names no rule", suppression.keyword))
          .help(fmt::format("name the rules it suppresses, then the reason: {} LMB015 -- why",
                            suppression.keyword));
      continue;
    }
    for (const SuppressedRule& rule : suppression.rules) {
      if (rule.used) continue;
      const std::vector<std::string_view> ids = rules_named(rule.name);
      if (ids.empty()) {
        auto finding = sink.report_at(wf010, rule.span, suppression.pointer,
                                      fmt::format("{} is not a rule", text::json_quote(rule.name)));
        finding.help(
            "name rules by id (LMB015) or name (missing-lambda-retry), separated by "
            "commas; write the reason after --");
        continue;
      }
      if (ids.front() == rules::kSyntaxError.info.id) {
        sink.report_at(wf010, rule.span, suppression.pointer,
                       "syntax errors (WF001) cannot be suppressed")
            .help("fix the syntax: nothing else in the document is checked until then");
        continue;
      }
      if (std::none_of(ids.begin(), ids.end(), could_run)) continue;
      sink.report_at(wf010, rule.span, suppression.pointer, unused_message(suppression, rule))
          .help("remove it, or move it to where the finding is");
    }
  }
}

}  // namespace wflint
