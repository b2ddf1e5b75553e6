// Tests for the one-pass multi-phrase matcher behind the boilerplate rules
// (src/clean/phrase_matcher.h): substring and whole-phrase hits per group.
#include "clean/phrase_matcher.h"

#include <gtest/gtest.h>

#include <string_view>

namespace storyline::clean {
namespace {

constexpr std::string_view kShare[] = {"share this", "share"};
constexpr std::string_view kUrl[] = {".com", "www."};
constexpr std::string_view kWords[] = {"follow", "on x", "share"};  // "share" again: two groups

enum Group : int { kGroupShare = 0, kGroupUrl = 1, kGroupWords = 2 };

PhraseMatcher Build() {
  PhraseMatcher m;
  m.Add(kShare, kGroupShare);
  m.Add(kUrl, kGroupUrl);
  m.Add(kWords, kGroupWords);
  m.Finish();
  return m;
}

struct ScanCase {
  const char* text;
  bool share_substring, share_phrase;
  bool url_substring, url_phrase;
  bool words_substring, words_phrase;
};

TEST(PhraseMatcherTest, Table) {
  const ScanCase cases[] = {
      {"", false, false, false, false, false, false},
      {"sh", false, false, false, false, false, false},  // shorter than any phrase
      {"share", true, true, false, false, true, true},
      {"please share this story", true, true, false, false, true, true},
      // Inside a longer word: a substring, not a phrase.
      {"shareholders met", true, false, false, false, true, false},
      {"reshare", true, false, false, false, true, false},
      // A later occurrence with boundaries still counts as a phrase.
      {"shareholders share", true, true, false, false, true, true},
      // A letter next to the phrase makes it a mere substring, even when the
      // phrase itself starts or ends with punctuation.
      {"visit example.com", false, false, true, false, false, false},
      {"www.example.org", false, false, true, false, false, false},
      {"example.community", false, false, true, false, false, false},
      // Phrases at the very start and end of the text.
      {".com boom", false, false, true, true, false, false},
      {"the dot .com", false, false, true, true, false, false},
      // Punctuation is a boundary; letters and digits are not.
      {"follow us on x.", false, false, false, false, true, true},
      {"follow us on xbox", false, false, false, false, true, true},  // "follow" is whole
      {"unfollowed on xbox", false, false, false, false, true, false},
      // Overlapping candidates at one position.
      {"share this", true, true, false, false, true, true},
  };
  const PhraseMatcher m = Build();
  for (const ScanCase& c : cases) {
    const PhraseMatcher::Hits h = m.Scan(c.text);
    EXPECT_EQ(h.Substring(kGroupShare), c.share_substring) << c.text;
    EXPECT_EQ(h.Phrase(kGroupShare), c.share_phrase) << c.text;
    EXPECT_EQ(h.Substring(kGroupUrl), c.url_substring) << c.text;
    EXPECT_EQ(h.Phrase(kGroupUrl), c.url_phrase) << c.text;
    EXPECT_EQ(h.Substring(kGroupWords), c.words_substring) << c.text;
    EXPECT_EQ(h.Phrase(kGroupWords), c.words_phrase) << c.text;
  }
}

// The matcher must agree with a plain find() loop on every text position,
// including texts made of many near-misses of the phrases.
TEST(PhraseMatcherTest, AgreesWithNaiveSearch) {
  const PhraseMatcher m = Build();
  const std::string_view texts[] = {"shar shar share", "w.w.www.", ".co.com.c", "on on x on xx", "fol follo follow"};
  for (std::string_view t : texts) {
    bool naive = false;
    for (std::string_view p : kUrl) naive = naive || t.find(p) != std::string_view::npos;
    EXPECT_EQ(m.Scan(t).Substring(kGroupUrl), naive) << t;
    naive = false;
    for (std::string_view p : kWords) naive = naive || t.find(p) != std::string_view::npos;
    EXPECT_EQ(m.Scan(t).Substring(kGroupWords), naive) << t;
  }
}

}  // namespace
}  // namespace storyline::clean
