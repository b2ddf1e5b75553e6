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

class NameStats {
 public:
  // `runs[i]` are the capitalised runs of article i, in text order.
  explicit NameStats(std::vector<std::vector<CapitalisedRun>> runs);

  // Up to three names joined by ", ", or `fallback` when the articles share
  // no name. `members` index the articles given to the constructor.
  // REQUIRES: `members` are distinct.
  std::string Label(const std::vector<size_t>& members, const std::string& fallback) const;

 private:
  std::vector<std::vector<CapitalisedRun>> runs_;
  std::unordered_map<std::string, size_t> corpus_df_;  // folded name -> articles
};

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_LABEL_H_
