#include "support/source.h"

#include <algorithm>
#include <cstring>

#include "support/large_allocation.h"
#include "support/utf8.h"

namespace wflint {

void Source::FreeLarge::operator()(char* block) const noexcept {
  free_large(block, bytes);
}

void Source::allocate(std::size_t size) {
  const std::size_t bytes = size + kSourcePadding;
  data_ = std::unique_ptr<char[], FreeLarge>(static_cast<char*>(allocate_large(bytes)),
                                             FreeLarge{bytes});
  size_ = size;
  std::memset(data_.get() + size, 0, kSourcePadding);
}

Source::Source(std::string path, std::string_view bytes) : path_(std::move(path)) {
  allocate(bytes.size());
  if (!bytes.empty()) std::memcpy(data_.get(), bytes.data(), bytes.size());
}

std::unique_ptr<Source> Source::from_bytes(std::string path, std::string_view bytes) {
  return std::unique_ptr<Source>(new Source(std::move(path), bytes));
}

std::unique_ptr<Source> Source::with_size(std::string path, std::size_t size) {
  auto source = std::unique_ptr<Source>(new Source(std::move(path), {}));
  source->allocate(size);
  return source;
}

void Source::shrink_to(std::size_t size) {
  if (size >= size_) return;
  size_ = size;
  std::memset(data_.get() + size, 0, kSourcePadding);
  line_starts_.clear();
}

std::unique_ptr<Source> Source::sub_source(const Source& host, std::string_view decoded,
                                           std::vector<OffsetAnchor> anchors) {
  auto sub = std::unique_ptr<Source>(new Source(host.path(), decoded));
  sub->host_ = &host;
  sub->anchors_ = std::move(anchors);
  return sub;
}

const Source& Source::file() const {
  return host_ ? host_->file() : *this;
}

uint32_t Source::file_offset(uint32_t offset) const {
  if (!host_) return offset;
  auto after =
      std::upper_bound(anchors_.begin(), anchors_.end(), offset,
                       [](uint32_t off, const OffsetAnchor& a) { return off < a.sub_begin; });
  uint32_t host_offset = 0;
  if (after != anchors_.begin()) {
    const OffsetAnchor& anchor = *std::prev(after);
    host_offset = anchor.host_begin + (offset - anchor.sub_begin);
  }
  return host_->file_offset(host_offset);
}

const std::vector<uint32_t>& Source::line_starts() const {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < size_; ++i) {
      if (data_[i] == '\n') line_starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
  return line_starts_;
}

uint32_t Source::line_count() const {
  return static_cast<uint32_t>(line_starts().size());
}

Position Source::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(size_));
  const auto& starts = line_starts();
  auto line_it = std::upper_bound(starts.begin(), starts.end(), offset) - 1;
  std::string_view before(data_.get() + *line_it, offset - *line_it);
  // Editors hide a UTF-8 byte-order mark; so do columns.
  if (*line_it == 0 && before.substr(0, 3) == "\xEF\xBB\xBF") before.remove_prefix(3);
  Position pos;
  pos.line = static_cast<uint32_t>(line_it - starts.begin()) + 1;
  pos.column = static_cast<uint32_t>(utf8::count_code_points(before)) + 1;
  pos.utf16_column = static_cast<uint32_t>(utf8::count_utf16_units(before)) + 1;
  return pos;
}

std::string_view Source::line_text(uint32_t line) const {
  const auto& starts = line_starts();
  if (line == 0 || line > starts.size()) return {};
  uint32_t begin = starts[line - 1];
  uint32_t end = line < starts.size() ? starts[line] - 1 : static_cast<uint32_t>(size_);
  if (end > begin && data_[end - 1] == '\r') --end;
  return {data_.get() + begin, end - begin};
}

Location locate(const Span& span) {
  Location loc;
  if (!span.source) return loc;
  const Source& file = span.source->file();
  loc.file = &file;
  loc.begin_offset = span.source->file_offset(span.begin);
  loc.end_offset =
      span.end > span.begin ? span.source->file_offset(span.end - 1) + 1 : loc.begin_offset;
  loc.end_offset = std::max(loc.end_offset, loc.begin_offset);
  loc.begin = file.position(loc.begin_offset);
  loc.end = file.position(loc.end_offset);
  return loc;
}

}  // namespace wflint
