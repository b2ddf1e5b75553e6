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
#include <vector>

#include "stories/text_features.h"

namespace storyline::stories {

class StateReader;
class StateWriter;

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

  // The corpus counts as bytes (state_io.h layout), and back (not the runs
  // kept by the constructor). Load returns false, leaving the counts empty,
  // for damaged bytes.
  void Save(StateWriter& w) const;
  bool Load(StateReader& r);

 private:
  std::vector<std::vector<CapitalisedRun>> runs_;
  std::unordered_map<std::string, size_t> corpus_df_;  // folded name -> articles
  size_t corpus_size_ = 0;
};

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_LABEL_H_
