// near_dup.h: near-duplicate articles (syndicated copies, updated versions)
// by MinHash over word shingles with LSH banding.
//
//   storyline::stories::NearDupIndex index;
//   for (const Article& a : stream) {
//     NearDupIndex::Match m = index.Add(a.text);
//     if (m.duplicate_of != NearDupIndex::kNone) ...  // a copy of an earlier one
//   }
//
// Each article keeps a compact signature in the index (a byte of each of
// kHashes minimum hashes) and kBands band keys in one open-addressing table,
// so memory per article stays well under 200 bytes however many articles the
// index holds, and an Add costs the same at a thousand articles as at a
// million. A band collision makes the earlier article a candidate; the
// candidate is accepted when the Jaccard similarity estimated from the two
// signatures reaches the threshold.
//
// Thread-compatible: a const index may be read from several threads; Add
// needs exclusive access.
#ifndef STORYLINE_STORIES_NEAR_DUP_H_
#define STORYLINE_STORIES_NEAR_DUP_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stories/state_rows.h"

namespace storyline::stories {


struct NearDupOptions {
  // Estimated Jaccard similarity of the two articles' shingle sets at which
  // the later one is a near-duplicate. Two unrelated news articles share
  // almost no five-word sequences (< 0.05); a syndicated copy with a
  // different header and footer shares most (> 0.8); an updated version
  // with a paragraph added or reworded lands between 0.6 and 0.9.
  double min_jaccard = 0.6;
  // Words per shingle. Five is the usual choice for news (long enough that
  // common phrases do not match across unrelated articles).
  size_t shingle_words = 5;
};

class NearDupIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  // Minimum hashes per article, and how they are banded: kBands bands of
  // kRows hashes give a candidate with probability 1-(1-J^3)^10: 0.99 at
  // J=0.7, 0.74 at J=0.5, 0.24 at J=0.3 (then rejected by the estimate).
  static constexpr size_t kHashes = 32;
  static constexpr size_t kRows = 3;
  static constexpr size_t kBands = 10;

  struct Match {
    uint32_t duplicate_of = kNone;  // index of the earlier article, or kNone
    uint32_t group = 0;             // the article's duplicate group
    double jaccard = 0;             // estimate against duplicate_of
  };

  // The minimum hashes of one text's shingles: computed independently per
  // article (in parallel), then added to the index in order.
  struct Sketch {
    std::array<uint64_t, kHashes> mins{};
    bool empty = true;  // no words
  };

  explicit NearDupIndex(const NearDupOptions& options = {});

  // The sketch of `text` under `options` (pure; safe from any thread).
  static Sketch MakeSketch(std::string_view text, const NearDupOptions& options);

  // Adds the next article (its index is size() before the call) and reports
  // the earlier article it near-duplicates, if any. Articles with no words
  // are their own group and never match. The sketch must come from
  // MakeSketch with this index's options.
  Match Add(const Sketch& sketch);
  Match Add(std::string_view text) { return Add(MakeSketch(text, options_)); }

  // Duplicate group of article `i`: the index of the first article of the
  // group. REQUIRES: i < size().
  uint32_t Group(uint32_t i);
  size_t size() const { return first_ + groups_.size(); }

  // Bytes held by the index (signatures, groups and the band table).
  size_t MemoryBytes() const;

  // Rows of an earlier index (state_rows.h) holding `articles` articles
  // are read from `source` when needed; call before Add. Null: none.
  void SetSource(const StateSource* source, uint64_t articles);
  // Rows changed since the last call: new articles' signatures and groups,
  // new band entries.
  void TakeDirtyRows(std::vector<StateRow>& out);
  // A row read from the source did not decode: the state is damaged.
  bool damaged() const { return damaged_; }

 private:
  using Signature = std::array<uint8_t, kHashes>;
  struct Earlier {  // an article of an earlier index, read from its row
    Signature signature{};
    uint32_t group = 0;
  };

  const Earlier& EarlierAt(uint32_t a);
  double EstimateJaccard(uint32_t a, const Signature& b);
  // Returns the article stored under `key`, or kNone after storing `article`.
  uint32_t FindOrInsert(uint64_t key, uint32_t article);
  void Grow();

  NearDupOptions options_;
  const StateSource* source_ = nullptr;
  uint32_t first_ = 0;  // articles of earlier indexes
  std::unordered_map<uint32_t, Earlier> earlier_;
  // This index's articles (index - first_), and how many have their rows
  // taken.
  std::vector<Signature> signatures_;
  std::vector<uint32_t> groups_;
  size_t rows_taken_ = 0;
  // Band keys filed by this index, for their rows.
  std::vector<uint32_t> new_bands_;
  bool damaged_ = false;
  // Open addressing, linear probing: (band key << 32) | (article + 1);
  // 0 is an empty slot. Entries read from the source are cached here.
  std::vector<uint64_t> table_;
  size_t table_used_ = 0;
};

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_NEAR_DUP_H_
