// Tests of the compiled lexicons (src/core/lexicon.h, generated from
// lexicons/*.txt): lookups, tags as subsets of their lexicon, and the map
// lexicon. The generator's errors are tested by tests/lexicons/ (ctest
// lexicons.*).
#include "core/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace storyline {
namespace {

struct InCase {
  const char* table_name;
  std::span<const std::string_view> table;
  std::string_view word;
  bool expected;
};

TEST(Lexicon, In) {
  const InCase cases[] = {
      // One concept, one file: "chairman" is in every reader's role list.
      {"kPersonNounsEpithet", lexicon::kPersonNounsEpithet, "chairman", true},
      {"kPersonNounsDescription", lexicon::kPersonNounsDescription, "chairman", true},
      {"kPersonNounsRole", lexicon::kPersonNounsRole, "chairman", true},
      {"kGenderWordsMale", lexicon::kGenderWordsMale, "chairman", true},
      {"kGenderWordsFemale", lexicon::kGenderWordsFemale, "chairman", false},
      // Tags keep each reader's own list.
      {"kPersonNounsEpithet", lexicon::kPersonNounsEpithet, "woman", true},
      {"kPersonNounsDescription", lexicon::kPersonNounsDescription, "woman", false},
      {"kReportingVerbsCue", lexicon::kReportingVerbsCue, "said", true},
      {"kReportingVerbsIndirect", lexicon::kReportingVerbsIndirect, "warns", true},
      {"kReportingVerbsCue", lexicon::kReportingVerbsCue, "warns", false},
      {"kTimeWordsCalendar", lexicon::kTimeWordsCalendar, "december", true},
      {"kTimeWordsSpeech", lexicon::kTimeWordsSpeech, "december", false},
      // Exact bytes: callers lower-case first.
      {"kPronounsSpeaker", lexicon::kPronounsSpeaker, "she", true},
      {"kPronounsSpeaker", lexicon::kPronounsSpeaker, "She", false},
      {"kPronounsSpeaker", lexicon::kPronounsSpeaker, "", false},
      {"kPronounsSpeaker", lexicon::kPronounsSpeaker, "them", false},
      {"kPronounsFigure", lexicon::kPronounsFigure, "them", true},
      // Claims, quantities, dates and figures keep their own lists as tags.
      {"kPersonNounsRoleHead", lexicon::kPersonNounsRoleHead, "accountant", true},
      {"kPersonNounsRole", lexicon::kPersonNounsRole, "accountant", false},
      {"kRoleModifiersRank", lexicon::kRoleModifiersRank, "deputy", true},
      {"kPrepositionsObject", lexicon::kPrepositionsObject, "within", false},
      {"kPrepositionsFigure", lexicon::kPrepositionsFigure, "within", true},
      {"kReportingVerbsSaying", lexicon::kReportingVerbsSaying, "wrote", true},
      {"kCopulasDescription", lexicon::kCopulasDescription, "reached", false},
      {"kCopulasFigure", lexicon::kCopulasFigure, "reached", true},
      {"kVerbsAndAdverbsEndsPhrase", lexicon::kVerbsAndAdverbsEndsPhrase, "employs", false},
      {"kVerbsAndAdverbsHave", lexicon::kVerbsAndAdverbsHave, "employs", true},
      {"kTenseCuesFutureTo", lexicon::kTenseCuesFutureTo, "poised", true},
      {"kLeadPhrasesAtMost", lexicon::kLeadPhrasesAtMost, "no more than", true},
      // Phrases and non-ASCII entries.
      {"kAliasCues", lexicon::kAliasCues, "formerly known as", true},
      {"kAliasCues", lexicon::kAliasCues, "n\xC3\xA9" "e", true},
      {"kPersonNounsDescription", lexicon::kPersonNounsDescription, "fianc\xC3\xA9" "e", true},
      {"kAcronymFillers", lexicon::kAcronymFillers, "&", true},
      // The quotation finder's and the number reader's words of one rule each.
      {"kPersonNounsSpokesperson", lexicon::kPersonNounsSpokesperson, "representative", true},
      {"kPersonNounsSpokesperson", lexicon::kPersonNounsSpokesperson, "chairman", false},
      {"kAuxiliariesPassiveCue", lexicon::kAuxiliariesPassiveCue, "were", true},
      {"kAuxiliariesPassiveCue", lexicon::kAuxiliariesPassiveCue, "being", false},
      {"kFiniteAuxiliaries", lexicon::kFiniteAuxiliaries, "must", true},
      {"kPronounsSubject", lexicon::kPronounsSubject, "it", false},
      {"kChangeGaps", lexicon::kChangeGaps, "percent", true},
  };
  for (const InCase& c : cases) {
    EXPECT_EQ(std::binary_search(c.table.begin(), c.table.end(), c.word), c.expected)
        << c.table_name << " '" << c.word << "'";
  }
  EXPECT_TRUE(lexicon::In(lexicon::kReportingVerbsCue, "according"));
  EXPECT_FALSE(lexicon::In(lexicon::kReportingVerbsCue, "accord"));
}

// Every tagged table is part of its lexicon's full table.
TEST(Lexicon, TagsAreSubsets) {
  struct Subset {
    const char* name;
    std::span<const std::string_view> tag;
    std::span<const std::string_view> all;
  };
  const Subset subsets[] = {
      {"kPersonNounsEpithet", lexicon::kPersonNounsEpithet, lexicon::kPersonNouns},
      {"kPersonNounsRole", lexicon::kPersonNounsRole, lexicon::kPersonNouns},
      {"kOrgNounsMedia", lexicon::kOrgNounsMedia, lexicon::kOrgNouns},
      {"kReportingVerbsWeak", lexicon::kReportingVerbsWeak, lexicon::kReportingVerbs},
      {"kTimeWordsUnit", lexicon::kTimeWordsUnit, lexicon::kTimeWords},
      {"kRoleModifiersIdle", lexicon::kRoleModifiersIdle, lexicon::kRoleModifiersRole},
      {"kRoleModifiersRank", lexicon::kRoleModifiersRank, lexicon::kRoleModifiersRole},
      {"kSumWordsVague", lexicon::kSumWordsVague, lexicon::kSumWordsGeneric},
  };
  for (const Subset& s : subsets) {
    EXPECT_FALSE(s.tag.empty()) << s.name;
    EXPECT_LT(s.tag.size(), s.all.size()) << s.name;
    EXPECT_TRUE(std::includes(s.all.begin(), s.all.end(), s.tag.begin(), s.tag.end())) << s.name;
  }
}

TEST(Lexicon, Find) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"tweet", "x"},          {"twitter", "x"},     {"op-ed", "article"}, {"e-mail", "email"},
      {"televised", "tv"},     {"invitation", "invitation"},
      {"instagram", ""},  // a platform named by Medium()'s own rules, not a single word
      {"tweets!", ""},         {"", ""},
  };
  for (const auto& [key, value] : cases) EXPECT_EQ(lexicon::Find(lexicon::kMediaWords, key), value) << key;
  // A map value may be a phrase.
  EXPECT_EQ(lexicon::Find(lexicon::kRoleSpellings, "cfo"), "chief financial officer");
  EXPECT_EQ(lexicon::Find(lexicon::kMeasureGroups, "raised"), "funds raised");
}

// The searches order words with lexicon::Less, compared inline; it must be
// the order the tables are sorted in (std::string_view's: bytes as unsigned
// char, then length), non-ASCII bytes and prefixes included.
TEST(Lexicon, LessIsTheViewOrder) {
  const std::string_view words[] = {"",   "a",   "ab",          "abc",  "abd",           "b",    "B",
                                    "z",  "~",   "n\xC3\xA9" "e", "ne",   "n\xC3",         "\x7F", "\xE2\x80\x94",
                                    "spin", "spinoff", "spin-off"};
  for (const std::string_view a : words) {
    for (const std::string_view b : words) EXPECT_EQ(lexicon::Less(a, b), a < b) << "'" << a << "' < '" << b << "'";
  }
  // Every entry of a table is found by its own search, and a word cut from
  // an entry only when the table holds it too.
  for (const std::string_view w : lexicon::kPersonNounsDescription) {
    EXPECT_TRUE(lexicon::In(lexicon::kPersonNounsDescription, w)) << w;
  }
  for (const std::string_view w : lexicon::kAliasCues) {
    EXPECT_TRUE(lexicon::In(lexicon::kAliasCues, w)) << w;
    EXPECT_EQ(lexicon::In(lexicon::kAliasCues, w.substr(1)),
              std::binary_search(std::begin(lexicon::kAliasCues), std::end(lexicon::kAliasCues), w.substr(1)))
        << w;
  }
  for (const lexicon::MapEntry& e : lexicon::kMediaWords) {
    EXPECT_EQ(lexicon::Find(lexicon::kMediaWords, e.key), e.value) << e.key;
  }
}

// In and Find hash a word into its table's buckets: every entry of tables
// of every size (one entry to hundreds, sets and maps) is found, and a word
// changed by one byte, cut or lengthened is found only when the sorted
// entries hold it too (a binary search over them is the reference).
template <class Table>
void ExpectHashedLookupIsSortedSearch(const char* name, const Table& table) {
  const auto key = [](const auto& e) { return lexicon::KeyOf(e); };
  const auto sorted_has = [&](std::string_view w) {
    return std::any_of(table.begin(), table.end(), [&](const auto& e) { return key(e) == w; });
  };
  for (const auto& e : table) {
    const std::string_view k = key(e);
    EXPECT_EQ(table.Lookup(k), &e) << name << " '" << k << "'";
    std::string longer(k);
    longer += 's';
    EXPECT_EQ(lexicon::In(table, longer), sorted_has(longer)) << name << " '" << longer << "'";
    EXPECT_EQ(lexicon::In(table, k.substr(1)), sorted_has(k.substr(1))) << name << " '" << k << "'";
    EXPECT_EQ(lexicon::In(table, k.substr(0, k.size() - 1)), sorted_has(k.substr(0, k.size() - 1)))
        << name << " '" << k << "'";
    std::string changed(k);
    changed[changed.size() / 2] = static_cast<char>(changed[changed.size() / 2] ^ 1);
    EXPECT_EQ(lexicon::In(table, changed), sorted_has(changed)) << name << " '" << changed << "'";
  }
  EXPECT_FALSE(lexicon::In(table, "")) << name;
}

TEST(Lexicon, HashedLookup) {
  ExpectHashedLookupIsSortedSearch("kRoleWordsStandIn", lexicon::kRoleWordsStandIn);  // one entry
  ExpectHashedLookupIsSortedSearch("kCountKin", lexicon::kCountKin);                  // a map of two
  ExpectHashedLookupIsSortedSearch("kNegations", lexicon::kNegations);
  ExpectHashedLookupIsSortedSearch("kPronouns", lexicon::kPronouns);
  ExpectHashedLookupIsSortedSearch("kAliasCues", lexicon::kAliasCues);  // phrases, non-ASCII
  ExpectHashedLookupIsSortedSearch("kMediaWords", lexicon::kMediaWords);
  ExpectHashedLookupIsSortedSearch("kMonthNames", lexicon::kMonthNames);
  ExpectHashedLookupIsSortedSearch("kPersonNouns", lexicon::kPersonNouns);
  ExpectHashedLookupIsSortedSearch("kFirstNames", lexicon::kFirstNames);
  // Sets and maps hold their entries in sorted order, for range-for readers.
  EXPECT_TRUE(std::is_sorted(lexicon::kFirstNames.begin(), lexicon::kFirstNames.end()));
  EXPECT_EQ(lexicon::kFirstNames.size(), std::size(lexicon::sorted::kFirstNames));
}

TEST(Lexicon, SortedUnique) {
  static constexpr std::string_view kSorted[] = {"a", "b", "c"};
  static constexpr std::string_view kDuplicate[] = {"a", "b", "b"};
  static constexpr std::string_view kUnsorted[] = {"b", "a"};
  static constexpr lexicon::MapEntry kMapDuplicate[] = {{"a", "1"}, {"a", "2"}};
  static_assert(lexicon::SortedUnique(kSorted));
  static_assert(!lexicon::SortedUnique(kDuplicate));
  static_assert(!lexicon::SortedUnique(kUnsorted));
  static_assert(!lexicon::SortedUnique(kMapDuplicate));
  static_assert(lexicon::SortedUnique(lexicon::sorted::kMediaWords));
  SUCCEED();
}

}  // namespace
}  // namespace storyline
