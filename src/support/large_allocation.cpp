#include "support/large_allocation.h"

#include <sys/mman.h>

#include <new>

namespace wflint {
namespace {

constexpr std::size_t kMappedThreshold = std::size_t{4} << 20;

}  // namespace

void* allocate_large(std::size_t bytes) {
  if (bytes < kMappedThreshold) return ::operator new(bytes);
  void* block = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (block == MAP_FAILED) throw std::bad_alloc();
  ::madvise(block, bytes, MADV_HUGEPAGE);  // a hint: without huge pages it still works
  return block;
}

void free_large(void* block, std::size_t bytes) noexcept {
  if (!block) return;
  if (bytes < kMappedThreshold) {
    ::operator delete(block);
    return;
  }
  ::munmap(block, bytes);
}

void* LargeBlockResource::do_allocate(std::size_t bytes, std::size_t) {
  return allocate_large(bytes);  // page-aligned, or operator new's alignment for small blocks
}

void LargeBlockResource::do_deallocate(void* block, std::size_t bytes, std::size_t) {
  free_large(block, bytes);
}

LargeBlockResource* large_block_resource() {
  static LargeBlockResource resource;
  return &resource;
}

}  // namespace wflint
