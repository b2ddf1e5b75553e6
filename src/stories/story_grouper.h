// story_grouper.h: the story grouping as a state that grows article by
// article, for a brief made at once and for a store that adds a batch at a
// time (one code path for both: BuildBrief groups through it).
//
//   storyline::stories::StoryGrouper g(options);
//   std::vector<uint32_t> slots = g.Add(articles, keys, &runs);  // a batch
//   for (uint32_t s : g.Changed()) ... g.Members(s) ...        // rebuild those
//   std::string state = g.Save();  ...  g.Load(state);         // in the store
//
// Each added article gets a slot: its position in the order the grouper saw
// articles (a batch is taken in publication order). Stories are those of
// StoryStream (stream_cluster.h); near-duplicates those of NearDupIndex; the
// corpus counts for labels those of NameStats. A grouper loaded from Save()
// goes on exactly as the saved one would have, so adding a batch to a stored
// state and grouping everything in one batch agree whenever the batches
// arrive in publication order.
//
// Thread-compatible.
#ifndef STORYLINE_STORIES_STORY_GROUPER_H_
#define STORYLINE_STORIES_STORY_GROUPER_H_

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stories/label.h"
#include "stories/near_dup.h"
#include "stories/stream_cluster.h"
#include "stories/text_features.h"
#include "storyline/article.h"
#include "storyline/brief.h"

namespace storyline::stories {

// Sorts articles in publication order: dated ones by date (a coarser date
// before the finer ones it contains), then undated ones; ties by id. Two
// articles compare as their keys do (a byte-wise string comparison).
std::string PublicationKey(const Article& article);

class StoryGrouper {
 public:
  explicit StoryGrouper(const StoryOptions& options);

  // Adds a batch: `articles[i]` with its ClusterKeys `keys[i]` (an empty
  // entry groups by text alone), taken in publication order. Returns the
  // slot of each article, in input order. `runs`, if not null, receives each
  // article's capitalised runs (input order), as labels need them.
  // The pointers need only live through the call.
  std::vector<uint32_t> Add(const std::vector<const Article*>& articles,
                            const std::vector<std::vector<std::string>>& keys,
                            std::vector<std::vector<CapitalisedRun>>* runs);

  // Stories (StoryStream indices) that gained articles or absorbed another
  // story since the last call, ascending; and those merged away (now empty).
  std::vector<uint32_t> TakeChanged();
  std::vector<uint32_t> TakeMerged();

  // Live stories (with members), ascending.
  std::vector<uint32_t> LiveStories() const;
  // Slots of story `s` in the order they were added. REQUIRES: s is a story.
  const std::vector<uint32_t>& Members(uint32_t s) const { return stream_.stories()[s]; }
  // Related story pairs (first < second), each once.
  std::vector<std::pair<size_t, size_t>> Related() const { return stream_.related(); }
  size_t size() const { return stream_.size(); }

  // The grouping part of story `s` (id, label, articles, duplicates, span;
  // no view, no related stories): `members[k]` and `runs[k]` belong to
  // slot Members(s)[k]. The id is that of its first article, made distinct
  // from those in `used_ids`, which receives it.
  Story MakeStory(uint32_t s, const std::vector<const Article*>& members,
                  const std::vector<const std::vector<CapitalisedRun>*>& runs,
                  std::set<std::string>& used_ids) const;

  // The state as bytes, and back. Load returns false and leaves an empty
  // grouper for bytes that are damaged, truncated or of another layout.
  std::string Save() const;
  bool Load(std::string_view bytes);

 private:
  StoryOptions options_;
  StoryStream stream_;
  NearDupIndex near_dups_;
  NameStats names_;
  // Per slot: the first slot of its near-duplicate group when it is a
  // near-duplicate of an earlier article (else NearDupIndex::kNone), and
  // the estimated similarity.
  std::vector<uint32_t> dup_group_;
  std::vector<double> dup_jaccard_;
  std::vector<uint32_t> changed_;  // slots added since TakeChanged
};

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_STORY_GROUPER_H_
