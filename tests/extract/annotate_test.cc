// Tests of Annotate() (include/storyline/annotation.h) as a whole: the
// contract every consumer relies on (mentions sorted by span, offsets that
// point at their text, one type per entity, ids numbered by first
// appearance) on invented articles, and the hand-over from entity linking to
// the quantity finder (an age epithet names its subject).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "storyline/annotation.h"

namespace storyline {
namespace {

// Code points [start, end) of UTF-8 `s`.
std::string Substr(const std::string& s, size_t start, size_t end) {
  size_t cp = 0;
  size_t b = 0;
  size_t begin_byte = std::string::npos;
  for (; b < s.size(); ++b) {
    if ((static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) continue;
    if (cp == start) begin_byte = b;
    if (cp == end) break;
    ++cp;
  }
  if (begin_byte == std::string::npos) return "";
  return s.substr(begin_byte, b - begin_byte);
}

const char* const kArticles[] = {
    "Maria Lopez, the actress, arrived in Lyon on Monday. The 42-year-old star said she was "
    "happy. Lopez thanked the fashion house Verdano for its support. The brand said its "
    "designers were proud.",
    "Zed, formerly Zachary Dunn, released an album in London. Emma Walsh and Grace Walsh "
    "produced it. Walsh said the record took two years. The rapper thanked them.",
    "Police arrested Daniel Moore, 42, and Peter Hall, 35, in Leeds on Friday. The "
    "42-year-old was released. Hall's lawyer, Ana S\xC3\xA1nchez, said S\xC3\xA1nchez would appeal "
    "and S\xC3\xA1nches later confirmed it.",
    "\xE2\x80\x9CWe are proud,\xE2\x80\x9D said Katherine Doyle, the gallery\xE2\x80\x99s founder. "
    "Doyel opened the gallery in Cork. The founder said the Doyles had lived there for years.",
};

class AnnotateContractTest : public testing::TestWithParam<const char*> {};

TEST_P(AnnotateContractTest, MentionsKeepTheContract) {
  Article article;
  article.text = GetParam();
  const AnnotatedArticle a = Annotate(article, {});
  ASSERT_FALSE(a.entities.empty());
  std::map<std::string, std::string> type_of;
  size_t next_id = 1;
  const size_t length = CodePointLength(article.text);
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const EntityMention& m = a.entities[i];
    SCOPED_TRACE(m.text);
    ASSERT_LT(m.span.start, m.span.end);
    ASSERT_LE(m.span.end, length);
    EXPECT_EQ(Substr(article.text, m.span.start, m.span.end), m.text);
    if (i > 0) {
      const Span& prev = a.entities[i - 1].span;
      EXPECT_TRUE(prev.start < m.span.start || (prev.start == m.span.start && prev.end >= m.span.end));
    }
    auto [it, added] = type_of.emplace(m.entity, m.type);
    EXPECT_EQ(it->second, m.type) << "one type per entity";
    if (added) {
      // fmt-free formatting: GCC 12 reports a false -Wrestrict (bug 105329)
      // on "e" + std::to_string(...).
      std::string expected = std::to_string(next_id++);
      expected.insert(expected.begin(), 'e');
      EXPECT_EQ(m.entity, expected) << "ids by first appearance";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Articles, AnnotateContractTest, testing::ValuesIn(kArticles));

TEST(AnnotateTest, AgeEpithetIsTheQuantitySubject) {
  Article article;
  article.text =
      "Laura Grant, 32, won the race in Boston on Sunday. The 32-year-old runner said she had "
      "trained for years.";
  const AnnotatedArticle a = Annotate(article, {});
  std::string laura;
  std::string epithet;
  for (const EntityMention& m : a.entities) {
    if (m.text == "Laura Grant") laura = m.entity;
    if (m.text == "The 32-year-old runner") epithet = m.entity;
  }
  ASSERT_FALSE(laura.empty());
  EXPECT_EQ(epithet, laura);
  bool found = false;
  for (const Quantity& q : a.quantities) {
    if (q.text.find("32-year-old") == std::string::npos) continue;
    found = true;
    EXPECT_EQ(q.subject, laura);
  }
  EXPECT_TRUE(found);
}

TEST(AnnotateTest, NoSentencesMeansNoAnnotations) {
  Article article;
  article.text = "Maria Lopez arrived in Lyon on Monday.";
  AnnotateOptions options;
  options.sentences = false;
  const AnnotatedArticle a = Annotate(article, options);
  EXPECT_TRUE(a.entities.empty());
  EXPECT_TRUE(a.sentences.empty());
  EXPECT_EQ(a.article.text, article.text);
}

TEST(AnnotateTest, EmptyAndPunctuationOnlyTexts) {
  for (const char* text : {"", "   ", "\"\"", ", ( the the the", "The", "the 42-year-old"}) {
    Article article;
    article.text = text;
    const AnnotatedArticle a = Annotate(article, {});
    EXPECT_TRUE(a.entities.empty()) << text;
  }
}

}  // namespace
}  // namespace storyline
