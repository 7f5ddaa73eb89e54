#pragma once

#include <cstddef>
#include <memory_resource>

namespace wflint {

// Memory for large buffers (file bytes, node arenas). Blocks of 4 MiB or more are mapped
// directly and marked for transparent huge pages: a 100 MB definition then costs a few hundred
// page faults instead of tens of thousands. Smaller blocks come from operator new.
void* allocate_large(std::size_t bytes);
void free_large(void* block, std::size_t bytes) noexcept;

// The same, as an upstream resource for std::pmr arenas.
class LargeBlockResource final : public std::pmr::memory_resource {
 private:
  void* do_allocate(std::size_t bytes, std::size_t alignment) override;
  void do_deallocate(void* block, std::size_t bytes, std::size_t alignment) override;
  bool do_is_equal(const std::pmr::memory_resource& other) const noexcept override {
    return this == &other;
  }
};

LargeBlockResource* large_block_resource();

}  // namespace wflint
