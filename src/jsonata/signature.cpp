#include "jsonata/signature.h"

#include <fmt/format.h>

#include <vector>

namespace wflint::jsonata {

namespace {

struct Parameter {
  char type = '\0';
  std::string choice;       // for a (..) choice: the types inside
  std::string quantifiers;  // the "?" "+" and "-" (which acts as "?") that follow
};

size_t find_closing(std::string_view text, size_t open, char open_char, char close_char) {
  int depth = 1;
  size_t position = open;
  while (position < text.size()) {
    ++position;
    char c = position < text.size() ? text[position] : '\0';
    if (c == close_char && --depth == 0) break;
    if (c == open_char) ++depth;
  }
  return position;
}

// jsonata-js turns each parameter into a regular expression atom followed by its quantifiers;
// JavaScript accepts at most one quantifier plus a lazy "?".
bool valid_quantifiers(std::string_view q) {
  return q.empty() || q == "?" || q == "+" || q == "??" || q == "+?";
}

// A choice "(sn)" becomes the class [snm]; a range inside it such as "s-n" must be ordered.
std::optional<size_t> misordered_range(std::string_view choice) {
  std::string members = std::string(choice) + "m";
  for (size_t i = 0; i + 2 < members.size(); ++i) {
    if (members[i + 1] == '-' && members[i] > members[i + 2]) return i;
  }
  return std::nullopt;
}

}  // namespace

std::optional<SignatureProblem> check_signature(std::string_view signature) {
  std::vector<Parameter> parameters;
  Parameter pending;
  Parameter* previous = &pending;
  for (size_t position = 1; position < signature.size(); ++position) {
    char symbol = signature[position];
    if (symbol == ':') break;  // the return type is not checked
    switch (symbol) {
      case 's':
      case 'n':
      case 'b':
      case 'l':
      case 'o':
      case 'a':
      case 'f':
      case 'j':
      case 'x':
        parameters.push_back(Parameter{symbol, "", ""});
        previous = &parameters.back();
        break;
      case '-':
      case '?':
      case '+':
        previous->quantifiers += symbol == '-' ? '?' : symbol;
        break;
      case '(': {
        size_t close = find_closing(signature, position, '(', ')');
        std::string_view choice =
            signature.substr(position + 1, std::min(close, signature.size()) - position - 1);
        if (choice.find('<') != std::string_view::npos) {
          return SignatureProblem{static_cast<uint32_t>(position),
                                  "a choice of types (...) in a signature cannot contain a "
                                  "parameterized type <...>"};
        }
        if (auto range = misordered_range(choice)) {
          return SignatureProblem{static_cast<uint32_t>(position + 1 + *range),
                                  "invalid choice of types in the signature"};
        }
        parameters.push_back(Parameter{'(', std::string(choice), ""});
        previous = &parameters.back();
        position = close;
        break;
      }
      case '<':
        if (previous->type != 'a' && previous->type != 'f') {
          return SignatureProblem{
              static_cast<uint32_t>(position),
              "a type parameter <...> in a signature can only follow \"a\" (array) or \"f\" "
              "(function)"};
        }
        position = find_closing(signature, position, '<', '>');
        break;
      default:
        break;
    }
  }
  for (const Parameter& parameter : parameters) {
    if (!valid_quantifiers(parameter.quantifiers)) {
      return SignatureProblem{
          0, fmt::format("\"{}\" cannot follow a single parameter type", parameter.quantifiers)};
    }
  }
  return std::nullopt;
}

}  // namespace wflint::jsonata
