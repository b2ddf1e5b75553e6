// Tests the story stage's tokenizer and name finder directly: BuildBrief
// only shows their effect through whole labels and clusters, which would
// hide which rule broke.

#include "stories/text_features.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline::stories {
namespace {

TEST(IndexTermsTest, FoldsCaseDropsStopWordsPossessivesAndNumbers) {
  struct Row {
    std::string text;
    std::vector<std::string> terms;
  };
  const Row rows[] = {
      {"", {}},
      {"The Mayor said it WILL rain.", {"mayor", "rain"}},
      {"Varnholm's tram, the city\xE2\x80\x99s pride", {"varnholm", "tram", "city", "pride"}},
      {"Don't stop; 2024 was 14-kilometre long", {"stop", "kilometre", "long"}},
      {"X marks a b c", {"marks"}},
      {"STRA\xC3\x9F" "E Caf\xC3\xA9", {"stra\xC3\x9F" "e", "caf\xC3\xA9"}},
      {"\xE6\x9D\xB1\xE4\xBA\xAC tower", {"\xE6\x9D\xB1", "\xE4\xBA\xAC", "tower"}},
      {"broken \xFF bytes", {"broken", "bytes"}},
      {"co-operate/merge", {"co", "operate", "merge"}},
  };
  for (const Row& row : rows) EXPECT_EQ(IndexTerms(row.text), row.terms) << row.text;
}

TEST(TokenizeTest, MarksSentenceStartsAndCapitals) {
  const std::vector<WordToken> t = Tokenize("Rain fell. \"Then Ada left,\" he said: Yes");
  ASSERT_EQ(t.size(), 8u);
  EXPECT_TRUE(t[0].sentence_initial);   // Rain
  EXPECT_FALSE(t[1].sentence_initial);  // fell
  EXPECT_TRUE(t[2].sentence_initial);   // Then (after ". \"")
  EXPECT_TRUE(t[3].capitalised);        // Ada
  EXPECT_FALSE(t[3].sentence_initial);
  EXPECT_FALSE(t[5].capitalised);       // he
  EXPECT_TRUE(t[7].sentence_initial);   // Yes (after ':')
  EXPECT_EQ(t[3].begin, 17u);
  EXPECT_EQ(t[3].end, 20u);
}

// ASCII letters and digits take a path without ICU property lookups: every
// field must be what the Unicode path gives, beside non-ASCII letters too.
TEST(TokenizeTest, AsciiAndUnicodeWordsAlike) {
  struct Row {
    std::string text;
    std::vector<std::string> folded;
    std::vector<size_t> begins;
    std::vector<bool> letters, capitals;
  };
  const Row rows[] = {
      {"Don't 3rd AB9 x_y", {"don't", "3rd", "ab9", "x", "y"}, {0, 6, 10, 14, 16}, {true, true, true, true, true},
       {true, false, true, false, false}},
      {"O\xE2\x80\x99Neill 42 \xC3\x89" "cole caf\xC3\xA9s", {"o'neill", "42", "\xC3\xA9" "cole", "caf\xC3\xA9s"},
       {0, 10, 13, 20}, {true, false, true, true}, {true, false, true, false}},
      {"Z\xC3\xBCrich-Bern 2024km", {"z\xC3\xBCrich", "bern", "2024km"}, {0, 8, 13}, {true, true, true},
       {true, true, false}},
  };
  for (const Row& row : rows) {
    const std::vector<WordToken> t = Tokenize(row.text);
    std::vector<std::string> folded;
    std::vector<size_t> begins;
    std::vector<bool> letters, capitals;
    for (const WordToken& w : t) {
      folded.push_back(w.folded);
      begins.push_back(w.begin);
      letters.push_back(w.has_letter);
      capitals.push_back(w.capitalised);
    }
    EXPECT_EQ(folded, row.folded) << row.text;
    EXPECT_EQ(begins, row.begins) << row.text;
    EXPECT_EQ(letters, row.letters) << row.text;
    EXPECT_EQ(capitals, row.capitals) << row.text;
  }
}

TEST(CapitalisedRunsTest, FindsNamesNotGrammar) {
  struct Row {
    std::string text;
    std::vector<std::string> runs;
  };
  const Row rows[] = {
      {"", {}},
      {"Yesterday the council met.", {}},
      {"The council met Ilse Brandvold in Varnholm.", {"Ilse Brandvold", "Varnholm"}},
      {"The Varnholm Tram Company said so.", {"Varnholm Tram Company"}},
      {"Mayor Ilse Brandvold spoke.", {"Ilse Brandvold"}},
      {"It was Varnholm's day.", {"Varnholm"}},
      {"It was Varnholm\xE2\x80\x99s day.", {"Varnholm"}},
      {"She met Ada\nLovelace there.", {"Ada"}},  // a line break ends a sentence
      {"She met Ada, Lovelace there.", {"Ada", "Lovelace"}},
      {"From Monday in March, Jean-Paul Sartre wrote.", {"Jean-Paul Sartre"}},
      {"A b C d.", {}},
  };
  for (const Row& row : rows) {
    std::vector<std::string> got;
    for (const CapitalisedRun& r : CapitalisedRuns(row.text)) got.push_back(r.text);
    EXPECT_EQ(got, row.runs) << row.text;
  }
}

TEST(TextFeaturesTest, CodePointHelpers) {
  const std::string s = "a\xC3\xA9\xE6\x9D\xB1\xF0\x9F\x93\xB0z";  // a é 東 📰 z
  EXPECT_EQ(CountCodePoints(s), 5u);
  EXPECT_EQ(ByteOffsetOfCodePoint(s, 0), 0u);
  EXPECT_EQ(ByteOffsetOfCodePoint(s, 2), 3u);
  EXPECT_EQ(ByteOffsetOfCodePoint(s, 4), 10u);
  EXPECT_EQ(ByteOffsetOfCodePoint(s, 99), s.size());
  EXPECT_EQ(CollapseWhitespace("  a \n\t b\xC2\xA0" "c  "), "a b c");
  EXPECT_EQ(FoldCase("VARNHOLM Stra\xC3\x9F" "e"), "varnholm strasse");
}

}  // namespace
}  // namespace storyline::stories
