#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lang/lang_error.h"
#include "lang/path.h"

namespace wflint::lang {

// AWS accepts intrinsic function calls nested up to this many levels deep in one field.
inline constexpr uint32_t kMaxIntrinsicDepth = 10;

enum class ArgKind : uint8_t { String, Number, Boolean, Null, Path, Call };

struct IntrinsicArg {
  ArgKind kind = ArgKind::Null;
  uint32_t offset = 0;  // the argument as written
  uint32_t length = 0;
  std::string value;          // String: decoded; Number, Boolean, Null: as written
  uint32_t placeholders = 0;  // String: its unescaped "{}" pairs
  Path path;                  // Path: parsed, offsets in the whole call text
  uint32_t call = 0;          // Call: its index in Intrinsic::calls
};

struct IntrinsicCall {
  std::string name;
  uint32_t offset = 0;  // the name's first character
  uint32_t name_length = 0;
  uint32_t length = 0;  // from the name through the closing ')'
  uint32_t depth = 1;   // 1 for the outermost call
  std::vector<IntrinsicArg> args;
};

struct Intrinsic {
  std::vector<IntrinsicCall> calls;  // the outermost first, then nested calls as they open
};

// A parsed call, or why the text is not one. Offsets count bytes of the parsed text.
struct IntrinsicResult {
  Intrinsic intrinsic;
  std::optional<LangError> error;

  bool ok() const { return !error; }
};

// Whether `text` is meant as an intrinsic function call rather than a path: it starts with a
// function name ("States.Format(...", "Foo.Bar (").
bool looks_like_intrinsic(std::string_view text);

// Parses `States.Format('x {}', $.a)`: names, nested calls (reported beyond kMaxIntrinsicDepth
// levels, which also bounds the recursion), and arguments: 'strings' with the escapes \' \{ \}
// \\, numbers (integers and decimals, possibly negative), true, false, null, paths ($.x, $$.x,
// $name) and nested calls.
IntrinsicResult parse_intrinsic(std::string_view text);

// What AWS rejects in a parsed call: unknown functions, wrong argument counts, literal arguments
// of the wrong type or value, States.Format templates whose placeholders do not match the values.
std::vector<LangError> check_intrinsic(const Intrinsic& intrinsic);

// The names of all intrinsic functions ("States.Format", ...).
std::span<const std::string_view> intrinsic_function_names();

}  // namespace wflint::lang
