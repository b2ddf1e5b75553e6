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
// "epithet" -> kPersonNounsEpithet). Each table is a lexicon::Table: its
// entries in sorted order, and a hash of them built at compile time for
// lookups. Lookups compare exact bytes: callers lower-case first.
//
// Thread-safety: constants and pure functions only.
#ifndef STORYLINE_CORE_LEXICON_H_
#define STORYLINE_CORE_LEXICON_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
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

// a == b, inline for the same reason: lengths first, then the bytes.
constexpr bool Same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// The bucket hash of a word: its length and its first, second and last
// bytes, multiplied by the golden ratio so that the top bits mix them all
// (Knuth's multiplicative hashing). Four bytes tell nearly every pair of
// lexicon words apart, and a word's bytes are read without a loop.
constexpr uint32_t Hash(std::string_view w) {
  const size_t n = w.size();
  const uint32_t first = n > 0 ? static_cast<unsigned char>(w[0]) : 0U;
  const uint32_t second = n > 1 ? static_cast<unsigned char>(w[1]) : 0U;
  const uint32_t last = n > 0 ? static_cast<unsigned char>(w[n - 1]) : 0U;
  const uint32_t key = first | (second << 8) | (last << 16) | (static_cast<uint32_t>(n) << 24);
  return key * 0x9E3779B1U;
}

// Buckets of a table of n entries, as a power of two: at least two per entry,
// so that most words not in the table land in an empty bucket and are
// rejected after one hash and two loads; never fewer than two, so the shift
// in Table::Bucket stays below 32.
constexpr size_t BucketBits(size_t n) {
  size_t bits = 1;
  while ((size_t{1} << bits) < 2 * n) ++bits;
  return bits;
}

constexpr std::string_view KeyOf(std::string_view e) { return e; }
constexpr std::string_view KeyOf(const MapEntry& e) { return e.key; }

// A compiled lexicon: its entries in sorted order (what a range-for, a span
// or std::begin/std::end see) and, for lookups, the entries grouped by
// Hash into buckets. In and Find hash the word and compare it with the
// entries of its bucket only (usually none or one): a lookup costs the same
// for a table of two words as for one of three hundred, and a word of a
// length or first byte no entry has is rejected without a comparison.
// Built at compile time from the generated, sorted array (tables.h).
template <class E, size_t N>
class Table {
 public:
  static_assert(N > 0 && N < 65536, "a lexicon has 1 to 65,535 entries (uint16_t indexes)");

  constexpr explicit Table(const E (&sorted)[N]) {
    uint16_t count[kBuckets + 1] = {};
    for (size_t i = 0; i < N; ++i) {
      entries_[i] = sorted[i];
      ++count[Bucket(KeyOf(sorted[i])) + 1];
    }
    for (size_t b = 0; b < kBuckets; ++b) start_[b + 1] = static_cast<uint16_t>(start_[b] + count[b + 1]);
    uint16_t next[kBuckets] = {};
    for (size_t b = 0; b < kBuckets; ++b) next[b] = start_[b];
    for (size_t i = 0; i < N; ++i) order_[next[Bucket(KeyOf(sorted[i]))]++] = static_cast<uint16_t>(i);
  }

  // The entry whose key is `w`; nullptr when there is none.
  constexpr const E* Lookup(std::string_view w) const {
    const uint32_t b = Bucket(w);
    for (uint32_t i = start_[b]; i < start_[b + 1]; ++i) {
      const E& e = entries_[order_[i]];
      if (Same(KeyOf(e), w)) return &e;
    }
    return nullptr;
  }

  constexpr const E* begin() const { return entries_; }
  constexpr const E* end() const { return entries_ + N; }
  constexpr const E* data() const { return entries_; }
  static constexpr size_t size() { return N; }
  constexpr const E& operator[](size_t i) const { return entries_[i]; }

 private:
  static constexpr size_t kBits = BucketBits(N);
  static constexpr size_t kBuckets = size_t{1} << kBits;
  static constexpr uint32_t Bucket(std::string_view w) { return Hash(w) >> (32 - kBits); }

  E entries_[N] = {};
  uint16_t start_[kBuckets + 1] = {};  // bucket b: order_[start_[b], start_[b + 1])
  uint16_t order_[N] = {};             // indexes into entries_, grouped by bucket
};

// True when `w` is an entry of `table`.
template <class E, size_t N>
constexpr bool In(const Table<E, N>& table, std::string_view w) {
  return table.Lookup(w) != nullptr;
}

// The value of `key` in a map lexicon; "" when it has none.
template <size_t N>
constexpr std::string_view Find(const Table<MapEntry, N>& table, std::string_view key) {
  const MapEntry* e = table.Lookup(key);
  return e != nullptr ? e->value : std::string_view();
}

// The same for a sorted array kept in code (a binary search).
template <size_t N>
constexpr bool In(const std::string_view (&table)[N], std::string_view w) {
  // A lambda, not the function's pointer, so that the search inlines it.
  return std::binary_search(table, table + N, w, [](std::string_view a, std::string_view b) { return Less(a, b); });
}

}  // namespace storyline::lexicon

// The tables themselves, generated at configure time into the build tree.
#include "lexicon/tables.h"  // IWYU pragma: export

#endif  // STORYLINE_CORE_LEXICON_H_
