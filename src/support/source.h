#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wflint {

// Bytes past the end of every Source buffer, readable and zeroed, so SIMD parsers may over-read.
inline constexpr std::size_t kSourcePadding = 64;

// A 1-based position. `column` counts Unicode code points; `utf16_column` counts UTF-16 code units
// (what SARIF consumers and LSP editors expect).
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
  uint32_t utf16_column = 1;
};

// Maps a run of a sub-source back to its host: sub offset `sub_begin` corresponds to host offset
// `host_begin`, and the following bytes map one to one until the next anchor.
struct OffsetAnchor {
  uint32_t sub_begin;
  uint32_t host_begin;
};

// The bytes of one file (or of a string inside a file that holds code, a "sub-source"), plus the
// index that turns byte offsets into line and column. Positions are computed on demand.
class Source {
 public:
  static std::unique_ptr<Source> from_bytes(std::string path, std::string_view bytes);
  // A source of `size` bytes to be filled through writable_data(), then shrink_to() if fewer came.
  static std::unique_ptr<Source> with_size(std::string path, std::size_t size);
  char* writable_data() { return data_.get(); }
  void shrink_to(std::size_t size);
  // A sub-source: `decoded` is the text of a string of `host` once unescaped; `anchors`, sorted by
  // sub_begin and starting at 0, map its offsets back to the host so findings land in the host
  // file.
  static std::unique_ptr<Source> sub_source(const Source& host, std::string_view decoded,
                                            std::vector<OffsetAnchor> anchors);

  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  const std::string& path() const { return path_; }
  std::string_view text() const { return {data_.get(), size_}; }
  const char* data() const { return data_.get(); }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return size_ + kSourcePadding; }

  // The file the user opened: this source, or the outermost host of a sub-source.
  const Source& file() const;
  // Translates an offset of this source into an offset of file().
  uint32_t file_offset(uint32_t offset) const;

  // Line and column of an offset of this source itself (not translated to the host).
  Position position(uint32_t offset) const;
  // The text of a 1-based line, without its line break.
  std::string_view line_text(uint32_t line) const;
  uint32_t line_count() const;

 private:
  Source(std::string path, std::string_view bytes);
  const std::vector<uint32_t>& line_starts() const;

  struct FreeLarge {
    std::size_t bytes;
    void operator()(char* block) const noexcept;
  };
  void allocate(std::size_t size);

  std::string path_;
  std::unique_ptr<char[], FreeLarge> data_{nullptr, FreeLarge{0}};
  std::size_t size_ = 0;
  mutable std::vector<uint32_t> line_starts_;  // built on first use
  const Source* host_ = nullptr;
  std::vector<OffsetAnchor> anchors_;
};

// A half-open byte range [begin, end) of one source.
struct Span {
  const Source* source = nullptr;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool valid() const { return source != nullptr; }
};

// A span translated to the file the user opened, with positions. `end` is exclusive.
struct Location {
  const Source* file = nullptr;
  uint32_t begin_offset = 0;
  uint32_t end_offset = 0;
  Position begin;
  Position end;
};

Location locate(const Span& span);

}  // namespace wflint
