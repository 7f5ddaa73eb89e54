#include "run/json.h"

#include <fmt/format.h>

#include "load/node.h"

namespace wflint::run {

std::string to_text(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string message_text(const Json& value) {
  return value.is_string() ? value.get<std::string>() : to_text(value);
}

namespace {

std::size_t escaped_string_size(const std::string& text) {
  std::size_t size = 2;  // the quotes
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (byte) {
      case '"':
      case '\\':
      case '\b':
      case '\f':
      case '\n':
      case '\r':
      case '\t':
        size += 2;
        break;
      default:
        size += byte < 0x20 ? 6 : 1;  // \u00XX
    }
  }
  return size;
}

}  // namespace

std::size_t serialized_size(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object: {
      std::size_t size = 2 + (value.empty() ? 0 : value.size() - 1);  // braces and commas
      for (const auto& [key, member] : value.items()) {
        size += escaped_string_size(key) + 1 + serialized_size(member);
      }
      return size;
    }
    case Json::value_t::array: {
      std::size_t size = 2 + (value.empty() ? 0 : value.size() - 1);
      for (const auto& element : value)
        size += serialized_size(element);
      return size;
    }
    case Json::value_t::string:
      return escaped_string_size(value.get_ref<const std::string&>());
    case Json::value_t::boolean:
      return value.get<bool>() ? 4 : 5;
    case Json::value_t::null:
    case Json::value_t::discarded:
      return 4;
    case Json::value_t::number_integer:
      return fmt::formatted_size("{}", value.get<int64_t>());
    case Json::value_t::number_unsigned:
      return fmt::formatted_size("{}", value.get<uint64_t>());
    default:
      return value.dump().size();  // floats: their shortest round-trip spelling
  }
}

Outcome<Json> parse_json(std::string_view text) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::exception& error) {
    // A syntax error (parse_error) or a number too large for a double (out_of_range). what()
    // reads "[json.exception.parse_error.101] parse error at line 1, column 3: ...".
    std::string_view why = error.what();
    if (const auto start = why.find("] "); start != std::string_view::npos) {
      why.remove_prefix(start + 2);
    }
    return RunError{"States.Runtime", std::string(why)};
  }
}

Json from_node(const Node& node) {
  switch (node.kind()) {
    case NodeKind::Object: {
      Json object = Json::object();
      for (const Node& member : node.children())
        object[std::string(member.key())] = from_node(member);
      return object;
    }
    case NodeKind::Array: {
      Json array = Json::array();
      for (const Node& element : node.children())
        array.push_back(from_node(element));
      return array;
    }
    case NodeKind::String:
      return std::string(node.text());
    case NodeKind::Number: {
      const std::string_view text = node.text();
      try {
        return Json::parse(text.begin(), text.end());
      } catch (const Json::exception&) {
        // YAML spellings such as "+1" or ".5"; a number too large for a double becomes 0.
        return node.number().value_or(0.0);
      }
    }
    case NodeKind::Bool:
      return node.bool_value();
    case NodeKind::Null:
      return nullptr;
  }
  return nullptr;
}

bool same_value(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_number_float() || b.is_number_float()) return a.get<double>() == b.get<double>();
    if (a.is_number_unsigned() || b.is_number_unsigned()) {
      if (a.is_number_integer() && !a.is_number_unsigned() && a.get<int64_t>() < 0) return false;
      if (b.is_number_integer() && !b.is_number_unsigned() && b.get<int64_t>() < 0) return false;
      return a.get<uint64_t>() == b.get<uint64_t>();
    }
    return a.get<int64_t>() == b.get<int64_t>();
  }
  if (a.type() != b.type()) return false;
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same_value(a[i], b[i])) return false;
    }
    return true;
  }
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (const auto& [key, member] : a.items()) {
      const auto other = b.find(key);
      if (other == b.end() || !same_value(member, *other)) return false;
    }
    return true;
  }
  return a == b;
}

}  // namespace wflint::run
