#include "jsonata/eval/functions.h"

#include <nettle/md5.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>

#include <bit>
#include <cmath>
#include <random>

#include "jsonata/eval/json_text.h"

namespace wflint::jsonata {
namespace {

// Step Functions reports these as States.QueryEvaluationError; the codes name the function.
constexpr const char* kStepFunctionsError = "D3200";
constexpr double kMaxRangeLength = 1e7;

bool is_integer(double n) {
  return std::isfinite(n) && std::floor(n) == n;
}

template <typename Context, size_t DigestSize>
std::string hex_digest(void (*init)(Context*), void (*update)(Context*, size_t, const uint8_t*),
                       void (*digest)(Context*, size_t, uint8_t*), std::string_view text) {
  Context context;
  init(&context);
  update(&context, text.size(), reinterpret_cast<const uint8_t*>(text.data()));
  uint8_t bytes[DigestSize];
  digest(&context, DigestSize, bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const uint8_t byte : bytes) {
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xF]);
  }
  return out;
}

std::optional<std::string> hash_text(std::string_view algorithm, std::string_view text) {
  if (algorithm == "MD5") {
    return hex_digest<md5_ctx, MD5_DIGEST_SIZE>(md5_init, md5_update, md5_digest, text);
  }
  if (algorithm == "SHA-1") {
    return hex_digest<sha1_ctx, SHA1_DIGEST_SIZE>(sha1_init, sha1_update, sha1_digest, text);
  }
  if (algorithm == "SHA-256") {
    return hex_digest<sha256_ctx, SHA256_DIGEST_SIZE>(sha256_init, sha256_update, sha256_digest,
                                                      text);
  }
  if (algorithm == "SHA-384") {
    return hex_digest<sha512_ctx, SHA384_DIGEST_SIZE>(sha384_init, sha512_update, sha384_digest,
                                                      text);
  }
  if (algorithm == "SHA-512") {
    return hex_digest<sha512_ctx, SHA512_DIGEST_SIZE>(sha512_init, sha512_update, sha512_digest,
                                                      text);
  }
  return std::nullopt;
}

std::string random_uuid() {
  static thread_local std::mt19937_64 engine{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) out.push_back('-');
    auto nibble = static_cast<size_t>(engine() & 0xF);
    if (i == 12) nibble = 4;
    if (i == 16) nibble = 8 | (nibble & 3);
    out.push_back(kHex[nibble]);
  }
  return out;
}

}  // namespace

Value fn_partition(BuiltinCall& call) {
  const Value& array = argument(call, 0);
  if (array.is_undefined()) return Value();
  const double size = argument(call, 1).as_number();
  if (!is_integer(size) || size <= 0) {
    throw_error(
        kStepFunctionsError, call.position,
        "The size argument of $partition must be a positive integer: " + format_number(size));
  }
  const auto& items = array.as_array().items;
  const auto chunk = static_cast<size_t>(std::min(size, 1e15));
  std::vector<Value> chunks;
  for (size_t start = 0; start < items.size(); start += chunk) {
    const size_t end = std::min(items.size(), start + chunk);
    chunks.push_back(
        make_array(std::vector<Value>(items.begin() + static_cast<std::ptrdiff_t>(start),
                                      items.begin() + static_cast<std::ptrdiff_t>(end))));
  }
  return make_array(std::move(chunks));
}

Value fn_range(BuiltinCall& call) {
  const double start = argument(call, 0).as_number();
  const double end = argument(call, 1).as_number();
  const double step = argument(call, 2).is_undefined() ? 1 : argument(call, 2).as_number();
  if (!is_integer(start) || !is_integer(end) || !is_integer(step) || step == 0) {
    throw_error(kStepFunctionsError, call.position,
                "The arguments of $range must be integers and the step must not be zero");
  }
  std::vector<Value> values;
  const double count = std::floor((end - start) / step) + 1;
  if (count > kMaxRangeLength) {
    throw_error(kStepFunctionsError, call.position,
                "The sequence allocated by $range must not exceed 1e7 items");
  }
  for (double i = 0; i < count; ++i)
    values.push_back(Value::number(start + i * step));
  // Step Functions returns a sequence: a single value comes out unwrapped.
  return make_array(std::move(values), true);
}

Value fn_hash(BuiltinCall& call) {
  const Value& text = argument(call, 0);
  if (text.is_undefined()) return Value();
  const Value& algorithm = argument(call, 1);
  const std::string name = algorithm.is_string() ? algorithm.as_string() : "SHA-256";
  std::optional<std::string> digest = hash_text(name, text.as_string());
  if (!digest) {
    throw_error(
        kStepFunctionsError, call.position,
        "The algorithm of $hash must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512; got " +
            json_for_message(algorithm));
  }
  return Value::string(std::move(*digest));
}

Value fn_seeded_random(BuiltinCall& call) {
  const Value& seed = argument(call, 0);
  if (seed.is_undefined()) return fn_random(call);
  std::mt19937_64 engine(std::bit_cast<uint64_t>(seed.as_number()));
  return Value::number(std::uniform_real_distribution<double>(0, 1)(engine));
}

Value fn_uuid(BuiltinCall& call) {
  const auto& uuid = call.evaluator.options().uuid;
  return Value::string(uuid ? uuid() : random_uuid());
}

Value fn_parse(BuiltinCall& call) {
  const Value& text = argument(call, 0);
  if (text.is_undefined()) return Value();
  std::optional<Value> parsed = parse_json(text.as_string());
  if (!parsed) {
    throw_error(kStepFunctionsError, call.position,
                "The argument of $parse is not valid JSON: " + json_for_message(text));
  }
  return std::move(*parsed);
}

}  // namespace wflint::jsonata
