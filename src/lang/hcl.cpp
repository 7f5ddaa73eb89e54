#include "lang/hcl.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <unordered_map>
#include <utility>

#include "support/utf8.h"

namespace wflint::hcl {

namespace {

uint32_t u32(std::size_t n) {
  return static_cast<uint32_t>(n);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// HCL identifiers are Unicode identifiers that may also hold dashes ("aws_x.my-name"); any
// non-ASCII byte is taken as part of one.
bool is_identifier_start(char c) {
  return is_ascii_letter(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_identifier_char(char c) {
  return is_identifier_start(c) || is_digit(c) || c == '-';
}

// Blanks between tokens; a line break is a token of its own where newlines matter.
bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_space(text.back()))
    text.remove_suffix(1);
  return text;
}

// Records that byte `sub` of a text is at `host`, unless the anchors already say so.
void add_anchor(std::vector<OffsetAnchor>& anchors, uint32_t sub, uint32_t host) {
  if (!anchors.empty()) {
    OffsetAnchor& last = anchors.back();
    if (last.host_begin + (sub - last.sub_begin) == host) return;
    if (last.sub_begin == sub) {
      last.host_begin = host;
      return;
    }
  }
  anchors.push_back(OffsetAnchor{sub, host});
}

// Sets a variable for the lifetime of the guard.
template <typename T>
class Restore {
 public:
  Restore(T& variable, T value) : variable_(variable), saved_(variable) { variable = value; }
  ~Restore() { variable_ = saved_; }
  Restore(const Restore&) = delete;
  Restore& operator=(const Restore&) = delete;

 private:
  T& variable_;
  T saved_;
};

enum class Tok : uint8_t {
  End,
  Newline,
  Identifier,
  Number,
  Quote,    // the opening '"' of a string template
  Heredoc,  // "<<"
  OpenBrace,
  CloseBrace,
  OpenBracket,
  CloseBracket,
  OpenParen,
  CloseParen,
  Comma,
  Dot,
  Ellipsis,
  Colon,
  DoubleColon,
  Question,
  Assign,
  FatArrow,
  Equal,
  NotEqual,
  Less,
  Greater,
  LessEqual,
  GreaterEqual,
  And,
  Or,
  Not,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Tilde,
  UnclosedComment,
  Invalid,
};

struct Token {
  Tok type = Tok::End;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Binding strength of a binary operator, 0 for other tokens.
int binary_level(Tok type) {
  switch (type) {
    case Tok::Or:
      return 1;
    case Tok::And:
      return 2;
    case Tok::Equal:
    case Tok::NotEqual:
      return 3;
    case Tok::Less:
    case Tok::Greater:
    case Tok::LessEqual:
    case Tok::GreaterEqual:
      return 4;
    case Tok::Plus:
    case Tok::Minus:
      return 5;
    case Tok::Star:
    case Tok::Slash:
    case Tok::Percent:
      return 6;
    default:
      return 0;
  }
}

Expression make_expression(ExpressionKind kind, Span span) {
  Expression expression;
  expression.kind = kind;
  expression.span = span;
  return expression;
}

// "${ }" or "%{ }" as parsed, with its "~" strip markers.
struct TemplateSequence {
  TemplatePart part;
  bool strip_before = false;  // "${~": trims the whitespace that ends the literal before it
  bool strip_after = false;   // "~}": trims the whitespace that starts the literal after it
};

// Collects the parts of a template: literal bytes with where they come from, and sequences.
class PartsBuilder {
 public:
  explicit PartsBuilder(const Source* source) : source_(source) {}

  // Appends decoded `bytes` that stand for the source bytes [host_begin, host_end); the bytes
  // after the first map one to one from host_begin.
  void literal(std::string_view bytes, uint32_t host_begin, uint32_t host_end) {
    if (strip_leading_) {
      while (!bytes.empty() && is_space(bytes.front())) {
        bytes.remove_prefix(1);
        ++host_begin;
      }
      if (bytes.empty()) return;
      strip_leading_ = false;
    }
    if (parts_.empty() || parts_.back().interpolation) {
      TemplatePart part;
      part.span = Span{source_, host_begin, host_end};
      parts_.push_back(std::move(part));
    }
    TemplatePart& part = parts_.back();
    add_anchor(part.anchors, u32(part.text.size()), host_begin);
    part.text.append(bytes);
    part.span.end = host_end;
  }

  void sequence(TemplateSequence sequence) {
    if (sequence.strip_before) strip_trailing_space();
    strip_leading_ = sequence.strip_after;
    parts_.push_back(std::move(sequence.part));
  }

  std::vector<TemplatePart> finish() { return std::move(parts_); }

 private:
  void strip_trailing_space() {
    if (parts_.empty() || parts_.back().interpolation) return;
    TemplatePart& part = parts_.back();
    while (!part.text.empty() && is_space(part.text.back()))
      part.text.pop_back();
    if (part.text.empty()) {
      parts_.pop_back();
      return;
    }
    const uint32_t size = u32(part.text.size());
    while (part.anchors.back().sub_begin >= size)
      part.anchors.pop_back();
    const OffsetAnchor& last = part.anchors.back();
    part.span.end = last.host_begin + (size - last.sub_begin);
  }

  const Source* source_;
  std::vector<TemplatePart> parts_;
  bool strip_leading_ = false;
};

// A run of heredoc text, or a sequence in it, before <<- indentation is removed and escapes
// decoded.
struct HeredocPiece {
  bool line_start = false;  // first on its line
  uint32_t begin = 0;       // literal: source bytes
  uint32_t end = 0;
  std::optional<TemplateSequence> sequence;
};

struct HeredocOpener {
  bool flush = false;  // "<<-"
  std::string_view marker;
  uint32_t marker_end = 0;
  uint32_t content_begin = 0;  // after the line break that ends the opener
};

struct HeredocClose {
  bool found = false;
  uint32_t content_end = 0;  // where the closing line starts
  uint32_t end = 0;          // after the closing marker
};

// Terraform's <<- rule: find the line with the least leading whitespace, counting neither lines
// of whitespace only nor lines that start with an interpolation (those count as zero), and
// remove that much from every counted line. Whitespace-only lines are left as they are.
void remove_common_indentation(std::vector<HeredocPiece>& pieces, std::string_view text) {
  uint32_t common = std::numeric_limits<uint32_t>::max();
  std::vector<std::size_t> indented;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const HeredocPiece& piece = pieces[k];
    if (!piece.line_start) continue;
    if (piece.sequence) {
      common = 0;
      continue;
    }
    const std::string_view line = text.substr(piece.begin, piece.end - piece.begin);
    uint32_t indent = 0;
    while (indent < line.size() && is_space(line[indent]))
      ++indent;
    if (indent == line.size() && line.back() == '\n') continue;
    common = std::min(common, indent);
    indented.push_back(k);
  }
  for (std::size_t k : indented)
    pieces[k].begin = std::min(pieces[k].begin + common, pieces[k].end);
}

// An object key written as a name ("a", "true", "1"), taken as it is rather than evaluated.
bool key_is_a_name(const Expression& key) {
  const std::string_view text = source_text(key.span);
  if (text.empty() || text.front() == '(') return false;
  if (key.kind == ExpressionKind::Reference) return key.traversal.size() == 1;
  return key.kind == ExpressionKind::Bool || key.kind == ExpressionKind::Null ||
         key.kind == ExpressionKind::Number;
}

class Parser {
 public:
  Parser(const Source& source, bool resync_at_column_zero)
      : source_(&source),
        text_(source.text()),
        limit_(u32(source.size())),
        resync_at_column_zero_(resync_at_column_zero) {}

  File parse_file() {
    File file;
    parse_body(file.body, nullptr);
    file.errors = std::move(errors_);
    return file;
  }

  // Whether an unclosed block or bracket ran to the end of the file, so that a second pass
  // which takes a line starting with an identifier as a new top-level item would recover more.
  bool needs_resync() const { return needs_resync_; }

 private:
  // ---- Characters

  char at(uint32_t i) const { return i < limit_ ? text_[i] : '\0'; }
  bool at_line_start(uint32_t i) const { return i == 0 || text_[i - 1] == '\n'; }
  Span span(uint32_t begin, uint32_t end) const { return Span{source_, begin, end}; }
  std::string_view slice(uint32_t begin, uint32_t end) const {
    return text_.substr(begin, end - begin);
  }
  std::string_view slice(const Token& token) const { return slice(token.begin, token.end); }

  uint32_t line_end(uint32_t i) const {
    while (i < limit_ && text_[i] != '\n')
      ++i;
    return i;
  }

  bool is_escaped_sequence(uint32_t i) const {
    const char c = at(i);
    return (c == '$' || c == '%') && at(i + 1) == c && at(i + 2) == '{';
  }

  bool starts_sequence(uint32_t i) const {
    const char c = at(i);
    return (c == '$' || c == '%') && at(i + 1) == '{';
  }

  // ---- Tokens

  Token scan(uint32_t from) const {
    uint32_t i = from;
    if (i == 0 && text_.substr(0, 3) == "\xEF\xBB\xBF") i = std::min<uint32_t>(3, limit_);
    while (i < limit_) {
      const char c = text_[i];
      if (is_blank(c)) {
        ++i;
      } else if (c == '\n') {
        if (newlines_significant_) return Token{Tok::Newline, i, i + 1};
        ++i;
      } else if (c == '#' || (c == '/' && at(i + 1) == '/')) {
        i = line_end(i);
      } else if (c == '/' && at(i + 1) == '*') {
        const std::size_t close = text_.find("*/", i + 2);
        if (close == std::string_view::npos || close + 2 > limit_)
          return Token{Tok::UnclosedComment, i, limit_};
        i = u32(close + 2);
      } else {
        return scan_token_at(i);
      }
    }
    return Token{Tok::End, limit_, limit_};
  }

  Token scan_token_at(uint32_t i) const {
    const char c = text_[i];
    if (is_identifier_start(c)) {
      uint32_t end = i + 1;
      while (is_identifier_char(at(end)))
        ++end;
      return Token{Tok::Identifier, i, end};
    }
    if (is_digit(c)) return Token{Tok::Number, i, number_end(i)};
    const auto token = [&](Tok type, uint32_t length) { return Token{type, i, i + length}; };
    const char next = at(i + 1);
    switch (c) {
      case '"':
        return token(Tok::Quote, 1);
      case '{':
        return token(Tok::OpenBrace, 1);
      case '}':
        return token(Tok::CloseBrace, 1);
      case '[':
        return token(Tok::OpenBracket, 1);
      case ']':
        return token(Tok::CloseBracket, 1);
      case '(':
        return token(Tok::OpenParen, 1);
      case ')':
        return token(Tok::CloseParen, 1);
      case ',':
        return token(Tok::Comma, 1);
      case '?':
        return token(Tok::Question, 1);
      case '+':
        return token(Tok::Plus, 1);
      case '-':
        return token(Tok::Minus, 1);
      case '*':
        return token(Tok::Star, 1);
      case '/':
        return token(Tok::Slash, 1);
      case '%':
        return token(Tok::Percent, 1);
      case '~':
        return token(Tok::Tilde, 1);
      case '.':
        return next == '.' && at(i + 2) == '.' ? token(Tok::Ellipsis, 3) : token(Tok::Dot, 1);
      case ':':
        return next == ':' ? token(Tok::DoubleColon, 2) : token(Tok::Colon, 1);
      case '=':
        if (next == '=') return token(Tok::Equal, 2);
        if (next == '>') return token(Tok::FatArrow, 2);
        return token(Tok::Assign, 1);
      case '!':
        return next == '=' ? token(Tok::NotEqual, 2) : token(Tok::Not, 1);
      case '<':
        if (next == '<') return token(Tok::Heredoc, 2);
        return next == '=' ? token(Tok::LessEqual, 2) : token(Tok::Less, 1);
      case '>':
        return next == '=' ? token(Tok::GreaterEqual, 2) : token(Tok::Greater, 1);
      case '&':
        return next == '&' ? token(Tok::And, 2) : token(Tok::Invalid, 1);
      case '|':
        return next == '|' ? token(Tok::Or, 2) : token(Tok::Invalid, 1);
      default:
        return token(Tok::Invalid, 1);
    }
  }

  // digits ("." digits)? (("e" | "E") ("+" | "-")? digits)?
  uint32_t number_end(uint32_t i) const {
    while (is_digit(at(i)))
      ++i;
    if (at(i) == '.' && is_digit(at(i + 1))) {
      i += 1;
      while (is_digit(at(i)))
        ++i;
    }
    if (at(i) == 'e' || at(i) == 'E') {
      uint32_t exponent = i + 1;
      if (at(exponent) == '+' || at(exponent) == '-') ++exponent;
      if (is_digit(at(exponent))) {
        i = exponent;
        while (is_digit(at(i)))
          ++i;
      }
    }
    return i;
  }

  Token peek() {
    if (!peeked_ || peeked_pos_ != pos_ || peeked_newlines_ != newlines_significant_ ||
        peeked_limit_ != limit_) {
      peeked_ = scan(pos_);
      peeked_pos_ = pos_;
      peeked_newlines_ = newlines_significant_;
      peeked_limit_ = limit_;
    }
    return *peeked_;
  }

  void advance() { pos_ = peek().end; }

  bool peek_is_word(std::string_view word) {
    const Token token = peek();
    return token.type == Tok::Identifier && slice(token) == word;
  }

  bool expect(Tok type, std::string_view what) {
    const Token token = peek();
    if (token.type == type) {
      advance();
      return true;
    }
    fail_at(token, fmt::format("expected {}, found {}", what, describe(token)));
    return false;
  }

  bool expect_word(std::string_view word) {
    if (peek_is_word(word)) {
      advance();
      return true;
    }
    const Token token = peek();
    fail_at(token, fmt::format("expected '{}', found {}", word, describe(token)));
    return false;
  }

  std::string describe(const Token& token) const {
    switch (token.type) {
      case Tok::End:
        return "the end of the file";
      case Tok::Newline:
        return "a line break";
      case Tok::Quote:
        return "a string";
      case Tok::Heredoc:
        return "a heredoc";
      case Tok::UnclosedComment:
        return "a comment that is never closed";
      case Tok::Invalid: {
        const auto c = static_cast<unsigned char>(text_[token.begin]);
        if (c < 0x20 || c == 0x7F) return "a control character";
        return fmt::format("'{}'", static_cast<char>(c));
      }
      default:
        return fmt::format("'{}'", slice(token));
    }
  }

  // ---- Errors

  void report(uint32_t begin, uint32_t end, std::string message) {
    errors_.push_back(SyntaxError{span(begin, end), std::move(message)});
  }

  // Reports the first error of an item and stops parsing it: every parse function returns as
  // soon as failed_ is set, and the body skips to the next item.
  void fail(uint32_t begin, uint32_t end, std::string message) {
    if (!failed_) report(begin, end, std::move(message));
    failed_ = true;
  }

  void fail_at(const Token& token, std::string message) {
    fail(token.begin, token.end, std::move(message));
  }

  bool too_deep() {
    if (depth_ <= kMaxNestingDepth) return false;
    fail_at(peek(), fmt::format("nesting is deeper than {} levels", kMaxNestingDepth));
    return true;
  }

  // ---- Bodies

  // Parses the items of a body up to the "}" that closes `open_brace` (consumed) or, at the top
  // level (no brace), the end of the file. False when the block is left unclosed.
  bool parse_body(Body& body, const Token* open_brace) {
    Restore<bool> newlines(newlines_significant_, true);
    for (;;) {
      const Token token = peek();
      if (token.type == Tok::Newline) {
        advance();
        continue;
      }
      if (token.type == Tok::End) {
        if (!open_brace) return true;
        report_unclosed_block(*open_brace);
        return false;
      }
      if (token.type == Tok::CloseBrace) {
        advance();
        if (open_brace) return true;
        report(token.begin, token.end, "unexpected '}': there is no block to close");
        continue;
      }
      if (open_brace && resync_at_column_zero_ && token.type == Tok::Identifier &&
          at_line_start(token.begin)) {
        report_unclosed_block(*open_brace);
        return false;
      }
      parse_item(body, token);
      if (failed_) recover_after_item(token);
    }
  }

  void report_unclosed_block(const Token& open_brace) {
    report(open_brace.begin, open_brace.end, "block is not closed: missing '}'");
    needs_resync_ = true;
  }

  void recover_after_item(const Token& first) {
    pos_ = std::max(skim_item(first.begin), first.end);
    failed_ = false;
  }

  void parse_item(Body& body, const Token& name) {
    if (name.type != Tok::Identifier) {
      fail_at(name, fmt::format("expected an attribute or a block, found {}", describe(name)));
      return;
    }
    advance();
    const Token next = peek();
    if (next.type == Tok::Assign) {
      parse_attribute(body, name);
    } else if (next.type == Tok::Identifier || next.type == Tok::Quote ||
               next.type == Tok::OpenBrace) {
      parse_block(body, name);
    } else {
      fail_at(next, fmt::format("expected '=' or a block after '{}', found {}", slice(name),
                                describe(next)));
    }
  }

  void parse_attribute(Body& body, const Token& name) {
    advance();  // '='
    Attribute attribute;
    attribute.name = std::string(slice(name));
    attribute.name_span = span(name.begin, name.end);
    attribute.value = parse_expression();
    if (failed_) return;
    attribute.span = span(name.begin, pos_);
    body.attributes.push_back(std::move(attribute));
    expect_item_end("the attribute value");
  }

  // An item ends its line; a one-line block "type { a = 1 }" ends its attribute with "}".
  void expect_item_end(std::string_view after) {
    const Token token = peek();
    if (token.type == Tok::Newline) {
      advance();
    } else if (token.type != Tok::End && token.type != Tok::CloseBrace) {
      fail_at(token,
              fmt::format("expected a line break after {}, found {}", after, describe(token)));
    }
  }

  void parse_block(Body& body, const Token& type) {
    Restore<uint32_t> depth(depth_, depth_ + 1);
    if (too_deep()) return;
    Block block;
    block.type = std::string(slice(type));
    block.type_span = span(type.begin, type.end);
    if (!parse_labels(block)) return;
    const Token open_brace = peek();
    if (open_brace.type != Tok::OpenBrace) {
      fail_at(open_brace,
              fmt::format("expected a block label or '{{', found {}", describe(open_brace)));
      return;
    }
    advance();
    const bool closed = parse_body(block.body, &open_brace);
    block.span = span(type.begin, pos_);
    body.blocks.push_back(std::move(block));
    if (closed) expect_item_end("the block");
  }

  bool parse_labels(Block& block) {
    for (;;) {
      const Token token = peek();
      if (token.type == Tok::Identifier) {
        advance();
        block.labels.emplace_back(slice(token));
        block.label_spans.push_back(span(token.begin, token.end));
      } else if (token.type == Tok::Quote) {
        const Expression label = parse_quoted_template();
        if (failed_) return false;
        if (!label.is_literal_string())
          report(label.span.begin, label.span.end, "a block label cannot hold interpolations");
        block.labels.push_back(label.literal_text());
        block.label_spans.push_back(label.span);
      } else {
        return true;
      }
    }
  }

  // Where parsing resumes after an item that failed, scanning from its first byte: after the
  // line break that ends it, counting brackets and skipping strings, heredocs and comments; at
  // a "}" that closes the enclosing block; in the second pass, at a line that starts with an
  // identifier.
  uint32_t skim_item(uint32_t from) {
    struct Frame {
      bool quoted = false;  // in a string; otherwise in code (at the top or in "${ }")
      uint32_t depth = 0;   // open brackets in this code frame
    };
    std::vector<Frame> frames{Frame{}};
    uint32_t i = from;
    while (i < limit_) {
      const char c = text_[i];
      if (frames.back().quoted) {
        if (c == '\n') {
          frames.pop_back();  // an unclosed string ends with its line
        } else if (c == '"') {
          frames.pop_back();
          ++i;
        } else if (c == '\\') {
          i += at(i + 1) == '\n' ? 1 : 2;
        } else if (is_escaped_sequence(i)) {
          i += 3;
        } else if (starts_sequence(i)) {
          frames.push_back(Frame{});
          i += 2;
        } else {
          ++i;
        }
        continue;
      }
      const bool outermost = frames.size() == 1;
      Frame& frame = frames.back();
      switch (c) {
        case '\n':
          ++i;
          if (ends_skimmed_item(i, outermost && frame.depth == 0)) return i;
          break;
        case '#':
          i = line_end(i);
          break;
        case '/':
          i = skip_slash(i);
          break;
        case '"':
          frames.push_back(Frame{true, 0});
          ++i;
          break;
        case '<':
          i = skip_heredoc(i);
          // An unclosed heredoc is taken to end before a line; that line is not part of it.
          if (at_line_start(i) && ends_skimmed_item(i, outermost && frame.depth == 0)) return i;
          break;
        case '{':
        case '(':
        case '[':
          ++frame.depth;
          ++i;
          break;
        case '}':
          if (frame.depth == 0 && outermost) return i;
          if (frame.depth == 0) {
            frames.pop_back();
          } else {
            --frame.depth;
          }
          ++i;
          break;
        case ')':
        case ']':
          if (frame.depth > 0) --frame.depth;
          ++i;
          break;
        default:
          ++i;
          break;
      }
    }
    if (frames.size() > 1 || frames.back().depth > 0) needs_resync_ = true;
    return limit_;
  }

  // Whether the skim stops at `line`, the start of a line.
  bool ends_skimmed_item(uint32_t line, bool balanced) const {
    return balanced || (resync_at_column_zero_ && is_identifier_start(at(line)));
  }

  // Past a comment that starts at `i`, or past the '/' when none does.
  uint32_t skip_slash(uint32_t i) const {
    if (at(i + 1) == '/') return line_end(i);
    if (at(i + 1) != '*') return i + 1;
    const std::size_t close = text_.find("*/", i + 2);
    return close == std::string_view::npos ? limit_ : std::min(u32(close + 2), limit_);
  }

  // Past a heredoc that starts at `i`, or past the '<' when none does.
  uint32_t skip_heredoc(uint32_t i) const {
    const std::optional<HeredocOpener> opener = read_heredoc_opener(i);
    return opener ? find_heredoc_close(*opener).end : i + 1;
  }

  // ---- Expressions

  Expression other(uint32_t begin) const {
    return make_expression(ExpressionKind::Other, span(begin, std::max(begin, pos_)));
  }

  Expression parse_expression() {
    Restore<uint32_t> depth(depth_, depth_ + 1);
    const uint32_t begin = peek().begin;
    if (too_deep()) return other(begin);
    Expression condition = parse_binary(1);
    if (failed_ || peek().type != Tok::Question) return condition;
    advance();
    parse_expression();
    if (failed_ || !expect(Tok::Colon, "':' in the conditional expression")) return other(begin);
    parse_expression();
    return other(begin);
  }

  Expression parse_binary(int min_level) {
    const uint32_t begin = peek().begin;
    Expression left = parse_unary();
    for (;;) {
      if (failed_) return left;
      const int level = binary_level(peek().type);
      if (level == 0 || level < min_level) return left;
      advance();
      parse_binary(level + 1);
      left = other(begin);
    }
  }

  Expression parse_unary() {
    const Token op = peek();
    if (op.type != Tok::Not && op.type != Tok::Minus) return parse_postfix();
    Restore<uint32_t> depth(depth_, depth_ + 1);
    if (too_deep()) return other(op.begin);
    advance();
    Expression operand = parse_unary();
    if (failed_) return operand;
    if (op.type == Tok::Minus && operand.kind == ExpressionKind::Number &&
        operand.text.front() != '-') {
      operand.text = "-" + operand.text;
      operand.span.begin = op.begin;
      return operand;
    }
    return other(op.begin);
  }

  // A term with its attribute, index and splat steps.
  Expression parse_postfix() {
    const uint32_t begin = peek().begin;
    Expression expression = parse_term();
    while (!failed_) {
      const Token token = peek();
      std::string step;
      if (token.type == Tok::Dot) {
        advance();
        step = parse_attribute_step();
      } else if (token.type == Tok::OpenBracket) {
        advance();
        step = parse_index_step(token);
      } else {
        break;
      }
      if (expression.kind == ExpressionKind::Reference) {
        expression.traversal.push_back(std::move(step));
        expression.span.end = pos_;
      } else {
        expression = other(begin);
      }
    }
    return expression;
  }

  std::string parse_attribute_step() {
    const Token token = peek();
    if (token.type == Tok::Identifier) {
      advance();
      return std::string(slice(token));
    }
    if (token.type == Tok::Star) {
      advance();
      return "*";
    }
    if (token.type == Tok::Number) {
      // The legacy index "a.0"; only its digits, so that "a.0.1" is two steps.
      uint32_t end = token.begin;
      while (is_digit(at(end)))
        ++end;
      pos_ = end;
      return fmt::format("[{}]", slice(token.begin, end));
    }
    fail_at(token, fmt::format("expected an attribute name after '.', found {}", describe(token)));
    return {};
  }

  std::string parse_index_step(const Token& open) {
    Restore<bool> newlines(newlines_significant_, false);
    const Token first = peek();
    if (first.type == Tok::Star && scan(first.end).type == Tok::CloseBracket) {
      advance();
      advance();
      return "*";
    }
    parse_expression();
    const uint32_t inner_end = pos_;
    if (failed_ || !expect(Tok::CloseBracket, "']' to close the index")) return {};
    return fmt::format("[{}]", trim(slice(open.end, inner_end)));
  }

  Expression parse_term() {
    const Token token = peek();
    switch (token.type) {
      case Tok::Number:
        advance();
        return literal(ExpressionKind::Number, token);
      case Tok::Identifier:
        return parse_identifier_term(token);
      case Tok::Quote:
        return parse_quoted_template();
      case Tok::Heredoc:
        return parse_heredoc();
      case Tok::OpenBracket:
        return parse_tuple();
      case Tok::OpenBrace:
        return parse_object();
      case Tok::OpenParen:
        return parse_parenthesized();
      default:
        fail_at(token, fmt::format("expected an expression, found {}", describe(token)));
        return other(token.begin);
    }
  }

  Expression literal(ExpressionKind kind, const Token& token) const {
    Expression expression = make_expression(kind, span(token.begin, token.end));
    expression.text = std::string(slice(token));
    return expression;
  }

  Expression parse_identifier_term(const Token& word) {
    advance();
    const std::string_view name = slice(word);
    if (name == "true" || name == "false") return literal(ExpressionKind::Bool, word);
    if (name == "null") return literal(ExpressionKind::Null, word);
    const Token next = peek();
    if (next.type == Tok::OpenParen) return parse_call(word.begin, std::string(name));
    if (next.type == Tok::DoubleColon) return parse_namespaced_call(word);
    Expression reference = make_expression(ExpressionKind::Reference, span(word.begin, word.end));
    reference.traversal.emplace_back(name);
    return reference;
  }

  // provider::aws::arn_parse(...), core::upper(...)
  Expression parse_namespaced_call(const Token& first) {
    while (peek().type == Tok::DoubleColon) {
      advance();
      if (!expect(Tok::Identifier, "a function name after '::'")) return other(first.begin);
    }
    const std::string name(slice(first.begin, pos_));
    if (peek().type != Tok::OpenParen) {
      expect(Tok::OpenParen, fmt::format("'(' after '{}'", name));
      return other(first.begin);
    }
    return parse_call(first.begin, name);
  }

  Expression parse_call(uint32_t begin, std::string function) {
    advance();  // '('
    Restore<bool> newlines(newlines_significant_, false);
    Expression call = make_expression(ExpressionKind::Call, span(begin, begin));
    call.function = std::move(function);
    for (;;) {
      if (peek().type == Tok::CloseParen) {
        advance();
        break;
      }
      call.items.push_back(parse_expression());
      if (failed_) return call;
      const Token token = peek();
      if (token.type == Tok::Ellipsis) {
        advance();
        call.expands_last_argument = true;
        if (!expect(Tok::CloseParen, "')' after '...'")) return call;
        break;
      }
      if (token.type == Tok::Comma) {
        advance();
      } else if (!expect(Tok::CloseParen, "',' or ')' after a function argument")) {
        return call;
      } else {
        break;
      }
    }
    call.span.end = pos_;
    return call;
  }

  Expression parse_parenthesized() {
    const uint32_t begin = peek().begin;
    advance();
    Restore<bool> newlines(newlines_significant_, false);
    Expression inner = parse_expression();
    if (failed_ || !expect(Tok::CloseParen, "')'")) return inner;
    inner.span = span(begin, pos_);
    return inner;
  }

  Expression parse_tuple() {
    const Token open = peek();
    advance();
    Restore<bool> newlines(newlines_significant_, false);
    if (starts_for_expression()) return parse_for(open, Tok::CloseBracket);
    Expression tuple = make_expression(ExpressionKind::Tuple, span(open.begin, open.end));
    for (;;) {
      if (peek().type == Tok::CloseBracket) {
        advance();
        break;
      }
      tuple.items.push_back(parse_expression());
      if (failed_) return tuple;
      if (peek().type == Tok::Comma) {
        advance();
      } else if (!expect(Tok::CloseBracket, "',' or ']' after a tuple element")) {
        return tuple;
      } else {
        break;
      }
    }
    tuple.span.end = pos_;
    return tuple;
  }

  Expression parse_object() {
    const Token open = peek();
    advance();
    {
      // for expressions do not care about line breaks; object items do.
      Restore<bool> newlines(newlines_significant_, false);
      if (starts_for_expression()) return parse_for(open, Tok::CloseBrace);
    }
    Restore<bool> newlines(newlines_significant_, true);
    Expression object = make_expression(ExpressionKind::Object, span(open.begin, open.end));
    for (;;) {
      const Token token = peek();
      if (token.type == Tok::Newline) {
        advance();
        continue;
      }
      if (token.type == Tok::CloseBrace) {
        advance();
        break;
      }
      parse_object_member(object.members.emplace_back());
      if (failed_) return object;
      const Token separator = peek();
      if (separator.type == Tok::Comma || separator.type == Tok::Newline) {
        advance();
      } else if (!expect(Tok::CloseBrace, "a line break, ',' or '}' after an object item")) {
        return object;
      } else {
        break;
      }
    }
    object.span.end = pos_;
    return object;
  }

  void parse_object_member(ObjectMember& member) {
    member.key_expression = parse_expression();
    if (failed_) return;
    member.key_span = member.key_expression.span;
    member.key = object_key(member.key_expression);
    const Token token = peek();
    if (token.type != Tok::Assign && token.type != Tok::Colon) {
      fail_at(token,
              fmt::format("expected '=' or ':' after the object key, found {}", describe(token)));
      return;
    }
    advance();
    member.value = parse_expression();
  }

  std::string object_key(const Expression& key) const {
    if (key_is_a_name(key))
      return key.kind == ExpressionKind::Reference ? key.traversal[0] : key.text;
    if (key.is_literal_string()) return key.literal_text();
    return std::string(source_text(key.span));
  }

  bool starts_for_expression() {
    const Token token = peek();
    return token.type == Tok::Identifier && slice(token) == "for" &&
           scan(token.end).type == Tok::Identifier;
  }

  // [for v in c : e if cond], {for k, v in c : k => v... if cond}; checked, not kept.
  Expression parse_for(const Token& open, Tok close) {
    Restore<bool> newlines(newlines_significant_, false);
    advance();  // for
    if (!expect(Tok::Identifier, "a variable name after 'for'")) return other(open.begin);
    if (peek().type == Tok::Comma) {
      advance();
      if (!expect(Tok::Identifier, "a second variable name")) return other(open.begin);
    }
    if (!expect_word("in")) return other(open.begin);
    parse_expression();
    if (failed_ || !expect(Tok::Colon, "':' after the collection of a for expression"))
      return other(open.begin);
    parse_expression();
    if (failed_) return other(open.begin);
    if (close == Tok::CloseBrace) {
      if (!expect(Tok::FatArrow, "'=>' after the key of a for expression"))
        return other(open.begin);
      parse_expression();
      if (failed_) return other(open.begin);
      if (peek().type == Tok::Ellipsis) advance();
    }
    if (peek_is_word("if")) {
      advance();
      parse_expression();
      if (failed_) return other(open.begin);
    }
    expect(close, close == Tok::CloseBrace ? "'}' to close the for expression"
                                           : "']' to close the for expression");
    return other(open.begin);
  }

  // ---- Templates

  Expression parse_quoted_template() {
    const uint32_t begin = peek().begin;
    Expression string = make_expression(ExpressionKind::String, span(begin, begin));
    PartsBuilder parts(source_);
    pos_ = begin + 1;
    for (;;) {
      const uint32_t i = pos_;
      const char c = at(i);
      if (i >= limit_ || c == '\n' || (c == '\r' && at(i + 1) == '\n')) {
        fail(begin, i, "string is not closed: missing '\"' before the end of the line");
        return string;
      }
      if (c == '"') {
        pos_ = i + 1;
        break;
      }
      if (c == '\\') {
        if (!decode_escape(parts)) return string;
      } else if (is_escaped_sequence(i)) {
        parts.literal(slice(i + 1, i + 3), i + 1, i + 3);
        pos_ = i + 3;
      } else if (starts_sequence(i)) {
        std::optional<TemplateSequence> sequence = parse_template_sequence();
        if (!sequence) return string;
        parts.sequence(std::move(*sequence));
      } else {
        parts.literal(slice(i, i + 1), i, i + 1);
        pos_ = i + 1;
      }
    }
    string.parts = parts.finish();
    string.span.end = pos_;
    return string;
  }

  // \n \r \t \" \\ \uNNNN \UNNNNNNNN at pos_.
  bool decode_escape(PartsBuilder& parts) {
    const uint32_t begin = pos_;
    const char kind = at(begin + 1);
    const char* simple = nullptr;
    switch (kind) {
      case 'n':
        simple = "\n";
        break;
      case 'r':
        simple = "\r";
        break;
      case 't':
        simple = "\t";
        break;
      case '"':
        simple = "\"";
        break;
      case '\\':
        simple = "\\";
        break;
      default:
        break;
    }
    if (simple) {
      parts.literal(simple, begin, begin + 2);
      pos_ = begin + 2;
      return true;
    }
    if (kind != 'u' && kind != 'U') {
      fail(begin, std::min(begin + 2, limit_),
           "unknown escape sequence: a string may use \\n, \\r, \\t, \\\", \\\\, \\uNNNN and "
           "\\UNNNNNNNN");
      return false;
    }
    const uint32_t digits = kind == 'u' ? 4 : 8;
    const uint32_t end = begin + 2 + digits;
    char32_t code_point = 0;
    for (uint32_t i = begin + 2; i < end; ++i) {
      const int value = hex_value(at(i));
      if (value < 0) {
        fail(begin, std::min(i, limit_),
             fmt::format("\\{} must be followed by {} hexadecimal digits", kind, digits));
        return false;
      }
      code_point = code_point * 16 + static_cast<char32_t>(value);
    }
    if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      fail(begin, end, "escape sequence is not a Unicode scalar value");
      return false;
    }
    std::string bytes;
    utf8::append_code_point(bytes, code_point);
    parts.literal(bytes, begin, end);
    pos_ = end;
    return true;
  }

  // "${ expression }" or "%{ directive }" at pos_; nothing after an error.
  std::optional<TemplateSequence> parse_template_sequence() {
    const uint32_t begin = pos_;
    TemplateSequence sequence;
    sequence.part.interpolation = true;
    sequence.part.directive = at(begin) == '%';
    uint32_t inner_begin = begin + 2;
    if (at(inner_begin) == '~') {
      sequence.strip_before = true;
      ++inner_begin;
    }
    pos_ = inner_begin;
    Restore<bool> newlines(newlines_significant_, false);
    if (sequence.part.directive) {
      parse_directive();
    } else {
      parse_expression();
    }
    if (failed_) return std::nullopt;
    const uint32_t inner_end = pos_;
    if (peek().type == Tok::Tilde) {
      advance();
      sequence.strip_after = true;
    }
    if (!expect(Tok::CloseBrace, sequence.part.directive ? "'}' to close the directive"
                                                         : "'}' to close the interpolation"))
      return std::nullopt;
    sequence.part.text = std::string(trim(slice(inner_begin, inner_end)));
    sequence.part.span = span(begin, pos_);
    return sequence;
  }

  void parse_directive() {
    const Token keyword = peek();
    const std::string_view word = keyword.type == Tok::Identifier ? slice(keyword) : "";
    if (word == "else" || word == "endif" || word == "endfor") {
      advance();
    } else if (word == "if") {
      advance();
      parse_expression();
    } else if (word == "for") {
      advance();
      if (!expect(Tok::Identifier, "a variable name after 'for'")) return;
      if (peek().type == Tok::Comma) {
        advance();
        if (!expect(Tok::Identifier, "a second variable name")) return;
      }
      if (expect_word("in")) parse_expression();
    } else {
      fail_at(keyword, fmt::format("expected if, else, endif, for or endfor after '%{{', found {}",
                                   describe(keyword)));
    }
  }

  // "<<" or "<<-", a marker, then a line break.
  std::optional<HeredocOpener> read_heredoc_opener(uint32_t begin) const {
    if (at(begin) != '<' || at(begin + 1) != '<') return std::nullopt;
    HeredocOpener opener;
    uint32_t i = begin + 2;
    opener.flush = at(i) == '-';
    if (opener.flush) ++i;
    if (!is_identifier_start(at(i))) return std::nullopt;
    const uint32_t marker_begin = i;
    while (is_identifier_char(at(i)))
      ++i;
    opener.marker = slice(marker_begin, i);
    opener.marker_end = i;
    while (at(i) == ' ' || at(i) == '\t' || at(i) == '\r')
      ++i;
    if (at(i) != '\n') return std::nullopt;
    opener.content_begin = i + 1;
    return opener;
  }

  // The first line after the opener that holds only the marker (indentation and trailing blanks
  // allowed). When there is none, the heredoc is taken to end before the first line that starts
  // with an identifier (a mistyped marker alone on its line is taken as the marker), or at the
  // end of the file.
  HeredocClose find_heredoc_close(const HeredocOpener& opener) const {
    const LineIndex& index = line_index();
    const auto first_from = [&](const std::vector<uint32_t>& lines) -> std::optional<uint32_t> {
      const auto line = std::lower_bound(lines.begin(), lines.end(), opener.content_begin);
      if (line == lines.end() || *line >= limit_) return std::nullopt;
      return *line;
    };
    const auto marker_lines = index.lone_words.find(opener.marker);
    if (marker_lines != index.lone_words.end()) {
      if (const std::optional<uint32_t> line = first_from(marker_lines->second)) {
        uint32_t marker_begin = *line;
        while (is_space(text_[marker_begin]))
          ++marker_begin;
        return HeredocClose{true, *line, marker_begin + u32(opener.marker.size())};
      }
    }
    if (const std::optional<uint32_t> line = first_from(index.identifier_lines)) {
      const std::string_view content = trim(slice(*line, line_end(*line)));
      const bool lone_word = std::all_of(content.begin(), content.end(), is_identifier_char);
      return HeredocClose{false, *line, lone_word ? *line + u32(content.size()) : *line};
    }
    return HeredocClose{false, limit_, limit_};
  }

  // The lines that start with an identifier, and those that hold nothing but one (by that
  // word): built once, so that finding where heredocs end never takes quadratic time.
  struct LineIndex {
    std::vector<uint32_t> identifier_lines;
    std::unordered_map<std::string_view, std::vector<uint32_t>> lone_words;
  };

  const LineIndex& line_index() const {
    if (line_index_) return *line_index_;
    LineIndex& index = line_index_.emplace();
    for (std::size_t line = 0; line < text_.size();) {
      std::size_t end = text_.find('\n', line);
      if (end == std::string_view::npos) end = text_.size();
      if (is_identifier_start(text_[line])) index.identifier_lines.push_back(u32(line));
      const std::string_view content = trim(text_.substr(line, end - line));
      if (!content.empty() && is_identifier_start(content.front()) &&
          std::all_of(content.begin(), content.end(), is_identifier_char))
        index.lone_words[content].push_back(u32(line));
      line = end + 1;
    }
    return index;
  }

  Expression parse_heredoc() {
    const uint32_t begin = peek().begin;
    Expression string = make_expression(ExpressionKind::String, span(begin, begin));
    string.heredoc = true;
    const std::optional<HeredocOpener> opener = read_heredoc_opener(begin);
    if (!opener) {
      fail(begin, begin + 2, "expected a marker and a line break after '<<', as in <<EOF");
      return string;
    }
    const HeredocClose close = find_heredoc_close(*opener);
    if (!close.found) {
      fail(begin, opener->marker_end,
           fmt::format("heredoc is not closed: no line holds only '{}'", opener->marker));
      return string;
    }
    std::vector<HeredocPiece> pieces =
        read_heredoc_pieces(opener->content_begin, close.content_end);
    if (failed_) return string;
    if (opener->flush) remove_common_indentation(pieces, text_);
    string.parts = heredoc_parts(pieces);
    pos_ = close.end;
    string.span.end = close.end;
    return string;
  }

  // The lines of a heredoc's content, cut at line breaks and sequences.
  std::vector<HeredocPiece> read_heredoc_pieces(uint32_t begin, uint32_t end) {
    Restore<uint32_t> limit(limit_, end);
    std::vector<HeredocPiece> pieces;
    bool line_start = true;
    uint32_t i = begin;
    while (i < end) {
      HeredocPiece piece;
      piece.line_start = line_start;
      piece.begin = i;
      if (starts_sequence(i)) {
        pos_ = i;
        piece.sequence = parse_template_sequence();
        if (!piece.sequence) return pieces;
        i = pos_;
        line_start = false;
      } else {
        while (i < end && !starts_sequence(i)) {
          if (is_escaped_sequence(i)) {
            i += 3;
          } else if (text_[i++] == '\n') {
            break;
          }
        }
        line_start = text_[i - 1] == '\n';
      }
      piece.end = i;
      pieces.push_back(std::move(piece));
    }
    return pieces;
  }

  std::vector<TemplatePart> heredoc_parts(std::vector<HeredocPiece>& pieces) const {
    PartsBuilder parts(source_);
    for (HeredocPiece& piece : pieces) {
      if (piece.sequence) {
        parts.sequence(std::move(*piece.sequence));
        continue;
      }
      uint32_t i = piece.begin;
      while (i < piece.end) {
        if (is_escaped_sequence(i)) {
          parts.literal(slice(i + 1, i + 3), i + 1, i + 3);
          i += 3;
          continue;
        }
        uint32_t run_end = i + 1;
        while (run_end < piece.end && !is_escaped_sequence(run_end))
          ++run_end;
        parts.literal(slice(i, run_end), i, run_end);
        i = run_end;
      }
    }
    return parts.finish();
  }

  const Source* source_;
  std::string_view text_;
  uint32_t limit_;  // the end of the text being parsed: the file, or a heredoc's content
  bool resync_at_column_zero_;
  uint32_t pos_ = 0;
  bool newlines_significant_ = true;
  uint32_t depth_ = 0;
  bool failed_ = false;
  bool needs_resync_ = false;
  std::vector<SyntaxError> errors_;

  mutable std::optional<LineIndex> line_index_;

  std::optional<Token> peeked_;
  uint32_t peeked_pos_ = 0;
  bool peeked_newlines_ = false;
  uint32_t peeked_limit_ = 0;
};

// ---- Output with anchors

class MappedWriter {
 public:
  // The next byte written is at `host` in the file; the bytes after it follow one to one.
  void map_next(uint32_t host) { add_anchor(out_.anchors, u32(out_.text.size()), host); }

  void write(std::string_view text, uint32_t host) {
    map_next(host);
    out_.text.append(text);
  }

  // `text`, whose bytes are placed by `anchors`, as it is.
  void write_anchored(std::string_view text, const std::vector<OffsetAnchor>& anchors) {
    const uint32_t base = u32(out_.text.size());
    for (const OffsetAnchor& anchor : anchors)
      add_anchor(out_.anchors, base + anchor.sub_begin, anchor.host_begin);
    out_.text.append(text);
  }

  // `text`, whose bytes are placed by `anchors`, escaped as the inside of a JSON string.
  void write_json_chars(std::string_view text, const std::vector<OffsetAnchor>& anchors) {
    std::size_t next_anchor = 0;
    OffsetAnchor current{0, anchors.empty() ? 0 : anchors.front().host_begin};
    for (std::size_t k = 0; k < text.size(); ++k) {
      while (next_anchor < anchors.size() && anchors[next_anchor].sub_begin <= k)
        current = anchors[next_anchor++];
      map_next(current.host_begin + (u32(k) - current.sub_begin));
      append_json_char(text[k]);
    }
  }

  MappedText finish(uint32_t host_if_empty) && {
    if (out_.anchors.empty() || out_.anchors.front().sub_begin != 0)
      out_.anchors.insert(out_.anchors.begin(), OffsetAnchor{0, host_if_empty});
    return std::move(out_);
  }

 private:
  void append_json_char(char ch) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out_.text += "\\\"";
        return;
      case '\\':
        out_.text += "\\\\";
        return;
      case '\n':
        out_.text += "\\n";
        return;
      case '\r':
        out_.text += "\\r";
        return;
      case '\t':
        out_.text += "\\t";
        return;
      case '\b':
        out_.text += "\\b";
        return;
      case '\f':
        out_.text += "\\f";
        return;
      default:
        break;
    }
    if (c < 0x20) {
      out_.text += fmt::format("\\u{:04x}", c);
    } else {
      out_.text.push_back(ch);
    }
  }

  MappedText out_;
};

uint32_t last_byte(const Span& span) {
  return span.end > span.begin ? span.end - 1 : span.begin;
}

// A String as a JSON string of its template text.
void write_json_string(MappedWriter& out, const Expression& string) {
  out.write("\"", string.span.begin);
  for (const TemplatePart& part : string.parts) {
    if (part.interpolation) {
      out.write_json_chars(source_text(part.span), {OffsetAnchor{0, part.span.begin}});
    } else {
      out.write_json_chars(part.text, part.anchors);
    }
  }
  out.write("\"", last_byte(string.span));
}

// A JSON string holding "${<source text>}".
void write_placeholder(MappedWriter& out, const Expression& expression) {
  const uint32_t begin = expression.span.begin;
  out.write("\"", begin);
  out.write("$", begin);
  out.write("{", begin);
  out.write_json_chars(source_text(expression.span), {OffsetAnchor{0, begin}});
  out.write("}", last_byte(expression.span));
  out.write("\"", last_byte(expression.span));
}

// HCL allows leading zeros ("007"); JSON does not.
std::string json_number(std::string_view text) {
  std::string out;
  if (!text.empty() && text.front() == '-') {
    out.push_back('-');
    text.remove_prefix(1);
  }
  std::size_t zeros = 0;
  while (zeros + 1 < text.size() && text[zeros] == '0' && is_digit(text[zeros + 1]))
    ++zeros;
  out.append(text.substr(zeros));
  return out;
}

void write_json(MappedWriter& out, const Expression& expression);

void write_json_key(MappedWriter& out, const ObjectMember& member) {
  const Expression& key = member.key_expression;
  if (key.kind == ExpressionKind::String) {
    write_json_string(out, key);
  } else if (key_is_a_name(key)) {
    out.write("\"", member.key_span.begin);
    out.write_json_chars(member.key, {OffsetAnchor{0, member.key_span.begin}});
    out.write("\"", last_byte(member.key_span));
  } else {
    write_placeholder(out, key);
  }
}

void write_json(MappedWriter& out, const Expression& expression) {
  const Span& span = expression.span;
  switch (expression.kind) {
    case ExpressionKind::Object:
      out.write("{", span.begin);
      for (std::size_t k = 0; k < expression.members.size(); ++k) {
        const ObjectMember& member = expression.members[k];
        if (k > 0) out.write(",", expression.members[k - 1].value.span.end);
        write_json_key(out, member);
        out.write(":", member.key_span.end);
        write_json(out, member.value);
      }
      out.write("}", last_byte(span));
      return;
    case ExpressionKind::Tuple:
      out.write("[", span.begin);
      for (std::size_t k = 0; k < expression.items.size(); ++k) {
        if (k > 0) out.write(",", expression.items[k - 1].span.end);
        write_json(out, expression.items[k]);
      }
      out.write("]", last_byte(span));
      return;
    case ExpressionKind::String:
      write_json_string(out, expression);
      return;
    case ExpressionKind::Number:
      out.write(json_number(expression.text), span.begin);
      return;
    case ExpressionKind::Bool:
    case ExpressionKind::Null:
      out.write(expression.text, span.begin);
      return;
    case ExpressionKind::Reference:
    case ExpressionKind::Call:
    case ExpressionKind::Other:
      write_placeholder(out, expression);
      return;
  }
}

}  // namespace

bool Expression::is_literal_string() const {
  return kind == ExpressionKind::String &&
         std::none_of(parts.begin(), parts.end(),
                      [](const TemplatePart& part) { return part.interpolation; });
}

std::string Expression::literal_text() const {
  std::string joined;
  for (const TemplatePart& part : parts) {
    if (!part.interpolation) joined += part.text;
  }
  return joined;
}

const Attribute* Body::find_attribute(std::string_view name) const {
  for (const Attribute& attribute : attributes) {
    if (attribute.name == name) return &attribute;
  }
  return nullptr;
}

std::vector<const Block*> Body::find_blocks(std::string_view type) const {
  std::vector<const Block*> found;
  for (const Block& block : blocks) {
    if (block.type == type) found.push_back(&block);
  }
  return found;
}

File parse(const Source& source) {
  if (source.size() > std::numeric_limits<uint32_t>::max()) {
    File file;
    file.errors.push_back(SyntaxError{Span{&source, 0, 0}, "file is too large to parse"});
    return file;
  }
  Parser first(source, false);
  File file = first.parse_file();
  if (!first.needs_resync()) return file;
  Parser second(source, true);
  return second.parse_file();
}

MappedText template_text(const Expression& string_expression) {
  MappedWriter out;
  if (string_expression.kind == ExpressionKind::String) {
    for (const TemplatePart& part : string_expression.parts) {
      if (part.interpolation) {
        out.write(source_text(part.span), part.span.begin);
      } else {
        out.write_anchored(part.text, part.anchors);
      }
    }
  }
  return std::move(out).finish(string_expression.span.begin);
}

MappedText to_json(const Expression& expression) {
  MappedWriter out;
  write_json(out, expression);
  return std::move(out).finish(expression.span.begin);
}

std::string_view source_text(const Span& span) {
  if (!span.source) return {};
  const std::string_view text = span.source->text();
  const std::size_t begin = std::min<std::size_t>(span.begin, text.size());
  const std::size_t end = std::clamp<std::size_t>(span.end, begin, text.size());
  return text.substr(begin, end - begin);
}

}  // namespace wflint::hcl
