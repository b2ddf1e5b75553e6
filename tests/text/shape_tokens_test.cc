// Tests for TokenizeShapes: one row per shape or sentence rule. Each token is
// written as its text, a kind letter (w word, n number, s symbol), a leading
// '_' when white space precedes it and its sentence index.
#include "text/shape_tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline {
namespace {

std::string Describe(const std::vector<ShapeToken>& tokens) {
  std::string out;
  for (const ShapeToken& t : tokens) {
    if (!out.empty()) out += ' ';
    if (t.space_before) out += '_';
    out += std::string(t.s);
    out += t.kind == ShapeKind::kWord ? "/w" : t.kind == ShapeKind::kNum ? "/n" : "/s";
    out += std::to_string(t.sentence);
  }
  return out;
}

struct Case {
  std::string text;
  std::string expected;
};

TEST(TokenizeShapesTest, ShapesAndSentences) {
  const Case kCases[] = {
      {"", ""},
      {"Fox, 31, has 30K fans.", "Fox/w0 ,/s0 _31/n0 ,/s0 _has/w0 _30K/n0 _fans/w0 ./s0"},
      {"5,000 and 2.3 but 1,2.x", "5,000/n0 _and/w0 _2.3/n0 _but/w0 _1,2/n0 ./s0 x/w0"},
      {"a1,234 B52", "a1/w0 ,/s0 234/n0 _B52/w0"},
      {"Mr. Fox left. U.S. He", "Mr/w0 ./s0 _Fox/w0 _left/w0 ./s0 _U/w1 ./s1 S/w1 ./s1 _He/w1"},
      {"It ended.\" Then", "It/w0 _ended/w0 ./s0 \"/s0 _Then/w1"},
      {"one\ntwo", "one/w0 _two/w1"},
      {"\xE2\x80\x9CHi\xE2\x80\x9D", "\xE2\x80\x9C/s0 Hi/w0 \xE2\x80\x9D/s0"},
  };
  for (const Case& c : kCases) EXPECT_EQ(Describe(TokenizeShapes(c.text)), c.expected) << c.text;
}

TEST(TokenizeShapesTest, OffsetsInBytesAndCodePoints) {
  const std::string text = "\xC3\xA9t\xC3\xA9 42\x80x";  // "été 42", a stray byte, "x"
  const std::vector<ShapeToken> t = TokenizeShapes(text);
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[1].s, "t");
  EXPECT_EQ(t[1].b0, 2u);
  EXPECT_EQ(t[1].c0, 1u);
  EXPECT_EQ(t[3].s, "42");
  EXPECT_EQ(t[3].c0, 4u);
  EXPECT_EQ(t[4].s, "\x80");  // a continuation byte with no lead stands alone
  EXPECT_EQ(t[4].c0, t[4].c1);
  EXPECT_EQ(t[5].b1, text.size());
}

}  // namespace
}  // namespace storyline
