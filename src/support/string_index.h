#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace wflint {

// A map from string views to small integers, stored flat (open addressing, linear probing): no
// allocation per entry, which matters with 100,000 states. The viewed strings must outlive it.
class StringIndex {
 public:
  StringIndex() = default;
  explicit StringIndex(std::size_t expected) { reserve(expected); }

  void reserve(std::size_t expected);
  // Adds `key` with `value` unless present; returns the value stored for `key` either way.
  uint32_t insert(std::string_view key, uint32_t value);
  std::optional<uint32_t> find(std::string_view key) const;
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::string_view key;
    uint32_t value = 0;
    bool used = false;
  };
  std::size_t slot_for(std::string_view key) const;
  void grow();

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace wflint
