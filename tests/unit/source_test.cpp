#include "support/source.h"

#include <gtest/gtest.h>

#include "support/utf8.h"

namespace wflint {
namespace {

TEST(SourceTest, LineAndColumnAreOneBased) {
  auto source = Source::from_bytes("a.json", "ab\ncd\n");
  EXPECT_EQ(source->position(0).line, 1u);
  EXPECT_EQ(source->position(0).column, 1u);
  EXPECT_EQ(source->position(4).line, 2u);
  EXPECT_EQ(source->position(4).column, 2u);
  EXPECT_EQ(source->position(6).line, 3u);
  EXPECT_EQ(source->position(6).column, 1u);
}

TEST(SourceTest, ColumnsCountCodePointsAndUtf16Units) {
  // "é" is 2 bytes and 1 UTF-16 unit; the emoji is 4 bytes and 2 UTF-16 units.
  auto source = Source::from_bytes("a.json", "\"é\xF0\x9F\x98\x80x\"");
  const uint32_t x_offset = 1 + 2 + 4;
  EXPECT_EQ(source->position(x_offset).column, 4u);
  EXPECT_EQ(source->position(x_offset).utf16_column, 5u);
}

TEST(SourceTest, LineTextDropsLineBreaks) {
  auto source = Source::from_bytes("a.yaml", "one\r\ntwo\nthree");
  EXPECT_EQ(source->line_text(1), "one");
  EXPECT_EQ(source->line_text(2), "two");
  EXPECT_EQ(source->line_text(3), "three");
  EXPECT_EQ(source->line_text(4), "");
  EXPECT_EQ(source->line_count(), 3u);
}

TEST(SourceTest, BufferIsPaddedWithZeros) {
  auto source = Source::from_bytes("a.json", "{}");
  EXPECT_GE(source->capacity(), source->size() + kSourcePadding);
  for (std::size_t i = 0; i < kSourcePadding; ++i)
    EXPECT_EQ(source->data()[2 + i], '\0');
}

TEST(SourceTest, SubSourceMapsBackToHostPositions) {
  // The host holds the JSON string "a\"b\nc" starting at offset 10; decoded it is a"b<LF>c.
  auto host = Source::from_bytes("t.json", "{\"Def\":  \"a\\\"b\\nc\"}");
  // decoded offsets: a=0 "=1 b=2 LF=3 c=4; host: a=10 \"=11-12 b=13 \n=14-15 c=16
  auto sub = Source::sub_source(*host, "a\"b\nc", {{0, 10}, {1, 11}, {2, 13}, {3, 14}, {4, 16}});
  EXPECT_EQ(&sub->file(), host.get());
  EXPECT_EQ(sub->file_offset(0), 10u);
  EXPECT_EQ(sub->file_offset(2), 13u);
  EXPECT_EQ(sub->file_offset(4), 16u);
  const Location loc = locate(Span{sub.get(), 2, 3});
  EXPECT_EQ(loc.file, host.get());
  EXPECT_EQ(loc.begin.column, 14u);
  EXPECT_EQ(loc.end.column, 15u);
}

TEST(Utf8Test, FindsFirstInvalidByte) {
  EXPECT_FALSE(utf8::first_invalid_byte("plain ascii é").has_value());
  EXPECT_EQ(utf8::first_invalid_byte("ab\xFF").value(), 2u);
  EXPECT_EQ(utf8::first_invalid_byte("a\xC3").value(), 1u);          // truncated sequence
  EXPECT_EQ(utf8::first_invalid_byte("\xC0\xAF").value(), 0u);       // overlong
  EXPECT_EQ(utf8::first_invalid_byte("x\xED\xA0\x80").value(), 1u);  // surrogate
}

}  // namespace
}  // namespace wflint
