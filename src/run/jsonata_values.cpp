#include "run/jsonata_values.h"

#include <cmath>

namespace wflint::run {

namespace {

// Doubles represent every integer up to 2^53 exactly; beyond it a number stays a float.
constexpr double kLargestExactInteger = 9007199254740992.0;

Json number_to_json(double number) {
  if (std::isfinite(number) && std::floor(number) == number &&
      std::fabs(number) <= kLargestExactInteger) {
    return Json(static_cast<int64_t>(number));
  }
  return Json(number);
}

}  // namespace

jsonata::Value to_jsonata(const Json& json) {
  using jsonata::Value;
  switch (json.type()) {
    case Json::value_t::null:
      return Value::null();
    case Json::value_t::boolean:
      return Value::boolean(json.get<bool>());
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return Value::number(json.get<double>());
    case Json::value_t::string:
      return Value::string(json.get<std::string>());
    case Json::value_t::array: {
      jsonata::Array array;
      array.items.reserve(json.size());
      for (const Json& item : json)
        array.items.push_back(to_jsonata(item));
      return Value::array(std::move(array));
    }
    case Json::value_t::object: {
      jsonata::Object object;
      for (const auto& [key, member] : json.items())
        object.set(key, to_jsonata(member));
      return Value::object(std::move(object));
    }
    default:
      return Value();
  }
}

std::optional<Json> from_jsonata(const jsonata::Value& value) {
  using jsonata::Type;
  switch (value.type()) {
    case Type::kUndefined:
    case Type::kNull:
      return Json(nullptr);
    case Type::kBoolean:
      return Json(value.as_boolean());
    case Type::kNumber:
      return number_to_json(value.as_number());
    case Type::kString:
      return Json(value.as_string());
    case Type::kArray: {
      Json array = Json::array();
      for (const jsonata::Value& item : value.as_array().items) {
        auto converted = from_jsonata(item);
        if (!converted) return std::nullopt;
        array.push_back(std::move(*converted));
      }
      return array;
    }
    case Type::kObject: {
      Json object = Json::object();
      for (const auto& [key, member] : value.as_object().members()) {
        if (member.is_undefined()) continue;
        auto converted = from_jsonata(member);
        if (!converted) return std::nullopt;
        object[key] = std::move(*converted);
      }
      return object;
    }
    case Type::kFunction:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string_view jsonata_type_name(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "number";
    case Json::value_t::string:
      return "string";
    case Json::value_t::array:
      return "array";
    default:
      return "object";
  }
}

}  // namespace wflint::run
