#include "support/string_index.h"

#include <bit>

namespace wflint {

void StringIndex::reserve(std::size_t expected) {
  const std::size_t wanted = std::bit_ceil(std::max<std::size_t>(8, expected * 2));
  if (wanted <= slots_.size()) return;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(wanted, Slot{});
  size_ = 0;
  for (const Slot& slot : old) {
    if (slot.used) insert(slot.key, slot.value);
  }
}

std::size_t StringIndex::slot_for(std::string_view key) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = std::hash<std::string_view>{}(key)&mask;
  while (slots_[i].used && slots_[i].key != key)
    i = (i + 1) & mask;
  return i;
}

void StringIndex::grow() {
  reserve(slots_.size());
}

uint32_t StringIndex::insert(std::string_view key, uint32_t value) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  Slot& slot = slots_[slot_for(key)];
  if (slot.used) return slot.value;
  slot = Slot{key, value, true};
  ++size_;
  return value;
}

std::optional<uint32_t> StringIndex::find(std::string_view key) const {
  if (slots_.empty()) return std::nullopt;
  const Slot& slot = slots_[slot_for(key)];
  return slot.used ? std::optional<uint32_t>(slot.value) : std::nullopt;
}

}  // namespace wflint
