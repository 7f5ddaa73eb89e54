#pragma once

// The HCL2 native syntax that Terraform .tf files are written in: enough of it to find the Step
// Functions definitions a configuration embeds and to map every byte of them back to the file.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "support/source.h"

namespace wflint::hcl {

// Nesting deeper than this (brackets, blocks, templates, operators) is a syntax error rather
// than a risk to the stack.
inline constexpr uint32_t kMaxNestingDepth = 256;

enum class ExpressionKind : uint8_t {
  String,
  Number,
  Bool,
  Null,
  Tuple,
  Object,
  Reference,
  Call,
  Other
};

// A piece of a string template: literal text (decoded: escapes resolved, heredoc indentation of
// <<- removed, $${ turned into ${) or an interpolation "${ ... }" / directive "%{ ... }".
struct TemplatePart {
  bool interpolation = false;  // "${ }", and also "%{ }"
  bool directive = false;      // "%{ }"
  // Literal: the decoded text; otherwise the source text between "${" (or "%{") and "}",
  // trimmed, without the "~" strip markers.
  std::string text;
  Span span;  // where the part is in the file (interpolations: from "${" through "}")
  // Literal: where the bytes of `text` are in the file, in the form Source::sub_source takes
  // (sub_begin counts bytes of `text`, host_begin is a file offset).
  std::vector<OffsetAnchor> anchors;
};

struct ObjectMember;

struct Expression {
  ExpressionKind kind = ExpressionKind::Other;
  Span span;  // the whole expression in the file
  // String: parts in order (quoted "..." strings and heredocs alike); heredoc tells which.
  std::vector<TemplatePart> parts;
  bool heredoc = false;
  // Number, Bool, Null: the literal as written ("3", "1.5e3", "true"); a negated number literal
  // is a Number too ("-1").
  std::string text;
  std::vector<Expression> items;       // Tuple: elements; Call: arguments
  bool expands_last_argument = false;  // Call: f(a, b...)
  std::vector<ObjectMember> members;   // Object, in source order
  // Reference: the traversal, e.g. var.definition -> {"var", "definition"}. Attribute steps are
  // names; index steps are written "[0]" or "[\"k\"]" as in the source (a legacy "a.0" becomes
  // "[0]"); splats ".*" and "[*]" are "*".
  std::vector<std::string> traversal;
  // Call: the function name as written ("templatefile", "provider::aws::arn_parse").
  std::string function;

  bool is_literal_string() const;    // a String with no interpolation or directive
  std::string literal_text() const;  // the literal parts of a String, concatenated
};

struct ObjectMember {
  // An identifier key as written, a string key decoded; for other keys (parenthesised
  // expressions, templates with interpolations) their source text.
  std::string key;
  Span key_span;
  Expression key_expression;
  Expression value;
};

struct Attribute {
  std::string name;
  Span name_span;
  Expression value;
  Span span;  // from the name through the value
};

struct Block;

struct Body {
  std::vector<Attribute> attributes;
  std::vector<Block> blocks;

  const Attribute* find_attribute(std::string_view name) const;  // the first of that name
  std::vector<const Block*> find_blocks(std::string_view type) const;
};

struct Block {
  std::string type;
  std::vector<std::string> labels;  // decoded
  std::vector<Span> label_spans;    // quoted labels with their quotes
  Span span;                        // from the type through the closing "}"
  Span type_span;
  Body body;
};

struct SyntaxError {
  Span span;
  std::string message;
};

struct File {
  Body body;
  std::vector<SyntaxError> errors;
};

// Parses a whole .tf file. Never throws; nesting is bounded by kMaxNestingDepth. After an error
// it skips the rest of the attribute or block where it happened (counting brackets) and goes
// on, so later blocks are still there; when a block is left unclosed, blocks whose type starts
// a line are taken as top-level blocks again.
File parse(const Source& source);

// Text with a map back to the file: what Source::sub_source(host, text, anchors) takes. Anchors
// are sorted by sub_begin, the first at 0.
struct MappedText {
  std::string text;
  std::vector<OffsetAnchor> anchors;
};

// A String expression (quoted or heredoc) as its decoded text, with interpolations and
// directives written back as they appear in the source ("${...}" verbatim, mapped to their
// source position), so a JSON definition written in a heredoc can be loaded with every byte
// mapped back to the .tf file. Any other expression gives empty text.
MappedText template_text(const Expression& string_expression);

// An expression as the JSON text Terraform's jsonencode() would produce, keys in source order,
// with anchors: object keys and string/number/bool values map to their source tokens. Values
// not known statically (references, calls, operators, conditionals) become JSON strings holding
// "${<source text of the expression>}" mapped to the expression. A string with interpolations
// becomes its template text, as template_text() gives it ("arn:${var.x}").
MappedText to_json(const Expression& expression);

// The source text a span covers.
std::string_view source_text(const Span& span);

}  // namespace wflint::hcl
