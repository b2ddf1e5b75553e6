// view_util.h: small pieces the story view's parts share: entity type
// names, code point slicing of an article's text, sentence evidence.
//
// Thread-safety: reentrant; TextView is a read-only view of one article.
#ifndef STORYLINE_STORIES_VIEW_UTIL_H_
#define STORYLINE_STORIES_VIEW_UTIL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/annotation.h"

namespace storyline::stories {

// The contract's type for a tagger's type name (PER, GPE, MISC, ...):
// PERSON|ORG|PLACE|WORK|OTHER.
std::string ContractType(const std::string& type);

// Position of a contract type in PERSON, ORG, PLACE, WORK, OTHER (ties
// between types break towards the first).
size_t TypeRank(const std::string& type);

std::string TrimWhitespace(std::string_view s);

// A one-line summary of a sentence: white space collapsed, cut at a word
// boundary after 200 code points with an ellipsis.
std::string Shorten(const std::string& sentence);

// The word that dates an event in the text right before a date: the
// lower-case past form, particle verb or event noun before "in" or "on"
// ("opened in", "broke out on", "made his debut in"), folded; "" when the
// date is not so introduced or the word is a verb of saying ("said on
// Monday" dates the telling). `before` is the sentence up to the date.
std::string EventWordBefore(const std::string& before);

// The same, with where the word begins (a byte offset into `before`). The
// word may stand a few words before the date, over its object and their
// attachments ("stepped down as mayor of X on Monday"), within one clause;
// `key` names the word's family (lexicons/event_families.txt: "quit" and
// "stepped down" are "resigned").
struct EventWord {
  std::string key;  // "" when none
  size_t begin = 0;
};
EventWord FindEventWordBefore(std::string_view before);

// Code points of UTF-8 `s` (an invalid byte stands for itself).
std::u32string DecodeCodePoints(std::string_view s);

// Levenshtein distance between two UTF-8 strings, in code points, a swap of
// two neighbours counting as one edit (optimal string alignment).
size_t EditDistance(std::string_view a, std::string_view b);

// American Soundex of a case-folded ASCII word ("maddox", "madocks": "m32"),
// or "" when it has a character outside a-z.
std::string Soundex(std::string_view word);

// Two folded surnames that sound alike and are spelt close: equal Soundex,
// four or more letters, at most three edits ("Dorrie" / "Dorey") or one
// once spelt as said ("Maddox" / "Madocks": "x" and "cks" are one sound).
bool SoundsAlike(const std::string& a, const std::string& b);

// The sentence (code points) of `a` holding `cp`, or the whole text
// (`length` code points).
Span SentenceOf(const AnnotatedArticle& a, size_t cp, size_t length);

// A folded word in the past that can say what happened: an "-ed" word of
// five letters or more, or a listed irregular past ("won", "began";
// lexicons/verbs_and_adverbs.txt, tag dated_event).
bool IsPastForm(std::string_view folded);

// A name word shorter than this is an initial or a nickname ("Ye", "Jo"):
// one letter changes it into another name, not a misspelling.
inline constexpr size_t kMinNameWordCodePoints = 4;

// True when two case-folded name words are spellings of one name: an edit
// or two apart (two from eight code points: "Gvasalia"/"Gvasallia" and a
// dropped accent), not a plural or possessive of each other and not a
// prefix of each other ("Kim" is not a misspelling of "Kimberly").
bool SpellingVariants(std::string_view a, std::string_view b);

// True when one word is the other with one of a pair of doubled letters
// written once: "Callum" / "Calum", "Voss" / "Vos", "Phillip" / "Philip".
// A typist's slip at any length, where a changed letter may be another
// name ("Maria" / "Mario").
bool DoubledLetterVariant(std::string_view a, std::string_view b);

// True when two different folded ASCII words of four or more letters are
// one word spelt as said (view_util.cc, SpeltAsSaid: "x" / "cks", "qu" /
// "kw", "ph" / "f", "c" / "k", "ee" / "i", "oo" / "u", "y" / "i", doubled
// letters): "Priti" / "Preeti", "Catherine" / "Katherine". A changed letter
// is another name ("Maria" / "Mario", "Orlen" / "Orlan").
bool SaidAlike(std::string_view a, std::string_view b);

// The words beside a value that say what it is (a figure's "made 23
// arrests", a year's "the record was set in 1968"), for matching one fact
// stated by two outlets in different words.
//
// A word that can tell which fact a value states: it has a letter and is
// not a stop word, a vague measure word ("percent", "people", "total":
// lexicons/vague_measure_words.txt) or a small number word.
bool MeasureWord(const std::string& folded);

// True when `gap` (the text between two words) ends a clause: punctuation
// other than a hyphen or an apostrophe, or any quotation mark or dash.
bool BreaksClause(std::string_view gap);

struct FrameOptions {
  size_t reach = 3;                   // measure words taken on one side
  bool stop_at_numbers = true;        // not past another figure
  bool stop_at_subordinators = true;  // "injured and 32 arrested" (lexicons/subordinators.txt, tag frame)
  // Bytes of the text next to the value whose words are its own (the rest
  // is another figure's): words are taken there only; qualifiers anywhere.
  size_t own_bytes = std::string_view::npos;
  // Capitalised words inside a sentence are a name's ("a surgical hub at
  // Dunhallow Hospital"), not what a figure measures; an earlier event's
  // place ("at Callow Hill in 2009") still anchors a year.
  bool skip_names = false;
};
struct FrameWords {
  std::vector<std::string> stems;       // Snowball stems of the measure words taken
  std::vector<std::string> words;       // the same words, folded, in text order
  std::vector<std::string> qualifiers;  // lexicons/measure_qualifiers.txt words anywhere in the clause
};
// Adds the measure words of `text` nearest its end (`backward`) or its
// start, up to `options.reach`, within one clause.
void AddFrameWords(std::string_view text, bool backward, const FrameOptions& options, FrameWords& out);

// Appends `item` unless `list` has it.
void AddUnique(std::vector<std::string>& list, const std::string& item);

// Disjoint sets of 0..n-1 (path halving): Join(a, b) makes b's set part of
// a's, a's root staying the root, as the views that name a group after its
// first member need.
struct UnionFind {
  explicit UnionFind(size_t n) : parent(n) {
    for (size_t i = 0; i < n; ++i) parent[i] = i;
  }
  size_t Find(size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void Join(size_t a, size_t b) { parent[Find(b)] = Find(a); }
  std::vector<size_t> parent;
};

// Code point -> byte offsets for one article's text, built once per article
// so every span lookup is O(1). `a` must outlive the view.
class TextView {
 public:
  explicit TextView(const AnnotatedArticle& a);

  size_t cp_length() const { return byte_of_.size() - 1; }

  // Text of code points [start, end), clamped to the text.
  std::string Slice(size_t start, size_t end) const;

  // The sentence containing code point `cp`: from the annotation when the
  // language layer found sentences, else the paragraph around it.
  std::string SentenceAt(size_t cp) const;

 private:
  const AnnotatedArticle& a_;
  std::vector<size_t> byte_of_;
};

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_VIEW_UTIL_H_
