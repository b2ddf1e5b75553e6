// label.h: a short human label for a story from the names its articles share.
//
//   NameStats names(per_article_runs);
//   std::string label = names.Label({0, 3, 5}, "Earliest title");
//
// Candidates are capitalised runs (names) in the article bodies. A candidate
// scores by how many of the story's articles use it, times how rare it is in
// the whole corpus (smoothed idf), with a bonus for multiword names, which
// are more specific ("Kim Kardashian" over "Kim").
//
// Thread-safety: immutable after construction.
#ifndef STORYLINE_STORIES_LABEL_H_
#define STORYLINE_STORIES_LABEL_H_

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "stories/state_rows.h"
#include "stories/text_features.h"

namespace storyline::stories {


class NameStats {
 public:
  // An empty corpus; Add counts articles into it.
  NameStats() = default;
  // `runs[i]` are the capitalised runs of article i, in text order; kept for
  // Label(members, ...).
  explicit NameStats(std::vector<std::vector<CapitalisedRun>> runs);

  // Counts one more article's names into the corpus (its runs are not kept).
  void Add(const std::vector<CapitalisedRun>& runs);

  // Up to three names joined by ", ", or `fallback` when the articles share
  // no name. `members` index the articles given to the constructor.
  // REQUIRES: `members` are distinct.
  std::string Label(const std::vector<size_t>& members, const std::string& fallback) const;
  // The same for a story whose members' runs are given; each member must
  // have been counted into the corpus (constructor or Add). The pointers
  // must outlive the call.
  std::string Label(const std::vector<const std::vector<CapitalisedRun>*>& member_runs,
                    const std::string& fallback) const;

  // Articles counted.
  size_t corpus_size() const { return corpus_size_; }
  // Bytes held by the counts, approximately.
  size_t MemoryBytes() const;

  // Counts of an earlier corpus of `articles` articles are read from
  // `source` (state_rows.h) when needed; null: none. Call before Add.
  void SetSource(const StateSource* source, uint64_t articles);
  // Rows of the counts changed since the last call.
  void TakeDirtyRows(std::vector<StateRow>& out);
  // A row read from the source did not decode: the state is damaged.
  bool damaged() const { return damaged_; }

 private:
  // Articles naming `folded`, read from the source the first time (hence
  // the mutable cache: Label is logically const).
  size_t& Df(const std::string& folded) const;

  std::vector<std::vector<CapitalisedRun>> runs_;
  const StateSource* source_ = nullptr;
  mutable std::unordered_map<std::string, size_t> corpus_df_;  // folded name -> articles
  std::unordered_set<std::string> dirty_;
  size_t corpus_size_ = 0;
  mutable bool damaged_ = false;
};

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_LABEL_H_
