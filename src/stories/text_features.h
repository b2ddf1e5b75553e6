// text_features.h: the word-level view of article text that story building
// needs: folded tokens for TF-IDF, capitalised runs for labels, case folding
// for grouping names, and code point <-> byte conversion for evidence.
//
//   std::vector<storyline::stories::WordToken> t =
//       storyline::stories::Tokenize("Kim's new show");  // kim, new, show
//
// A simple Unicode-aware tokenizer built on ICU character properties rather
// than a BreakIterator: it has no failure mode (BuildBrief cannot report one)
// and every decision is local, so it is fast and total on any UTF-8 input.
// Invalid UTF-8 bytes act as separators.
//
// Thread-safety: all functions are reentrant; the tables they read are
// immutable.
#ifndef STORYLINE_STORIES_TEXT_FEATURES_H_
#define STORYLINE_STORIES_TEXT_FEATURES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::stories {

struct WordToken {
  std::string folded;     // case-folded, U+2019 apostrophe folded to '
  size_t begin = 0;       // byte offsets into the tokenized string
  size_t end = 0;         // exclusive
  bool has_letter = false;
  bool capitalised = false;       // first code point is upper or title case
  bool sentence_initial = false;  // capitalisation may be grammar, not a name
  bool ideograph = false;         // a single CJK/Thai-like character token
};

// Splits `text` into word tokens (letters, digits and combining marks, with
// apostrophes kept inside words; each ideograph alone).
std::vector<WordToken> Tokenize(std::string_view text);

// True for general English function words ("the", "said", "would", ...).
// REQUIRES: `folded` is case-folded.
bool IsStopWord(std::string_view folded);

// True for month and weekday names, which are capitalised but name no story.
bool IsCalendarWord(std::string_view folded);

// The terms TF-IDF counts for `text`: folded tokens that carry a letter,
// are not stop words, and are longer than one code point (or ideographs);
// a trailing possessive 's is dropped.
std::vector<std::string> IndexTerms(std::string_view text);

// The Snowball (Porter2) English stem of a folded word: "arrests",
// "arrested" and "arrest" are "arrest"; "factories" and "factory" are
// "factori". A word the stemmer cannot take comes back unchanged.
std::string Stem(std::string_view folded);

// True for titles and honorifics that precede a name ("mayor", "dr").
bool IsTitleWord(std::string_view folded);

// A run of adjacent capitalised words that is a candidate name.
struct CapitalisedRun {
  std::string text;    // original spelling, words joined by one space
  std::string folded;  // case-folded key
  size_t words = 0;
};

// Runs of capitalised words separated only by spaces, with stop words
// trimmed from both ends and titles from the front. A one-word run at a sentence start is skipped:
// its capital letter is grammar, not evidence of a name.
std::vector<CapitalisedRun> CapitalisedRuns(std::string_view text);

// Full Unicode case folding of a UTF-8 string.
std::string FoldCase(std::string_view s);

// Byte offset of code point `cp` in UTF-8 `s` (s.size() when past the end).
size_t ByteOffsetOfCodePoint(std::string_view s, size_t cp);

// Number of code points in UTF-8 `s`.
size_t CountCodePoints(std::string_view s);

// `s` with each run of whitespace replaced by one space, trimmed.
std::string CollapseWhitespace(std::string_view s);

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_TEXT_FEATURES_H_
