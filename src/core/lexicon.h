// lexicon.h: the word lists of the language layer (roles, media, reporting
// verbs, months, ...), one lexicon per concept in lexicons/*.txt, compiled in
// as sorted constexpr tables by lexicons/generate_lexicons.cmake. Every stage
// that needs a concept reads the same table:
//
//   #include "core/lexicon.h"
//   if (lexicon::In(lexicon::kReportingVerbsCue, "said")) ...
//   std::string_view medium = lexicon::Find(lexicon::kMediaWords, "tweet");  // "x"
//
// A lexicon's tags give subsets of it (lexicons/person_nouns.txt: tag
// "epithet" -> kPersonNounsEpithet). Lookups are binary searches over exact
// bytes: callers lower-case first.
//
// Thread-safety: constants and pure functions only.
#ifndef STORYLINE_CORE_LEXICON_H_
#define STORYLINE_CORE_LEXICON_H_

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace storyline::lexicon {

// An entry of a map lexicon ("tweet = x").
struct MapEntry {
  std::string_view key;
  std::string_view value;
};

// True when the table is strictly increasing: sorted, no duplicates.
// Checked by a static_assert after every generated table.
template <size_t N>
constexpr bool SortedUnique(const std::string_view (&a)[N]) {
  for (size_t i = 1; i < N; ++i) {
    if (!(a[i - 1] < a[i])) return false;
  }
  return true;
}
template <size_t N>
constexpr bool SortedUnique(const MapEntry (&a)[N]) {
  for (size_t i = 1; i < N; ++i) {
    if (!(a[i - 1].key < a[i].key)) return false;
  }
  return true;
}

// The order of std::string_view (bytes compared as unsigned char, then
// length), compared inline: lexicon words are short and mostly differ in
// their first bytes, where a call to memcmp costs more than the loop.
constexpr bool Less(std::string_view a, std::string_view b) {
  const size_t n = a.size() < b.size() ? a.size() : b.size();
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
  }
  return a.size() < b.size();
}

// True when `w` is an entry of `table`.
template <size_t N>
constexpr bool In(const std::string_view (&table)[N], std::string_view w) {
  // A lambda, not the function's pointer, so that the search inlines it.
  return std::binary_search(table, table + N, w, [](std::string_view a, std::string_view b) { return Less(a, b); });
}

// The value of `key` in a map lexicon; "" when it has none.
template <size_t N>
constexpr std::string_view Find(const MapEntry (&table)[N], std::string_view key) {
  const MapEntry* it =
      std::lower_bound(table, table + N, key, [](const MapEntry& e, std::string_view k) { return Less(e.key, k); });
  return it != table + N && it->key == key ? it->value : std::string_view();
}

}  // namespace storyline::lexicon

// The tables themselves, generated at configure time into the build tree.
#include "lexicon/tables.h"  // IWYU pragma: export

#endif  // STORYLINE_CORE_LEXICON_H_
