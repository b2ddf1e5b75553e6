// story_grouper.h: the story grouping as a state that grows article by
// article, for a brief made at once and for a store that adds a batch at a
// time (one code path for both: BuildBrief groups through it).
//
//   storyline::stories::StoryGrouper g(options);
//   g.SetSource(&rows, meta);   // a store's: rows read as needed
//   std::vector<uint32_t> slots = g.Add(articles, keys, &runs);  // a batch
//   for (uint32_t s : g.TakeChanged()) ... g.Members(s) ...    // rebuild those
//   std::vector<stories::StateRow> rows = g.TakeDirtyRows();   // to store
//
// Each added article gets a slot: its position in the order the grouper saw
// articles (a batch is taken in publication order). Stories are those of
// StoryStream (stream_cluster.h); near-duplicates those of NearDupIndex; the
// corpus counts for labels those of NameStats. The state is rows
// (state_rows.h): a grouper given a source holding the rows of earlier
// groupers goes on exactly as one grouper that had added every batch
// itself, reading only the rows its articles touch; so adding a batch to a
// stored state and grouping everything in one batch agree whenever the
// batches arrive in publication order.
//
// Thread-compatible.
#ifndef STORYLINE_STORIES_STORY_GROUPER_H_
#define STORYLINE_STORIES_STORY_GROUPER_H_

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "stories/label.h"
#include "stories/near_dup.h"
#include "stories/state_rows.h"
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

  // The rows of earlier groupers come from `source`, whose counters row is
  // `meta` (MetaRow of the last of them). Returns false, leaving a grouper
  // with no source, when `meta` is damaged or of another layout: the caller
  // then groups every article anew. Call before Add; null: none.
  bool SetSource(const StateSource* source, std::string_view meta);

  // Stories (StoryStream indices) that gained articles or absorbed another
  // story since the last call, ascending; and the merges made, in order:
  // (story merged away, the story it merged into then).
  std::vector<uint32_t> TakeChanged();
  std::vector<std::pair<uint32_t, uint32_t>> TakeMerged();

  // Live stories (with members), ascending, among those held in memory:
  // every story when the grouper has no source.
  std::vector<uint32_t> LiveStories() const { return stream_.HeldStories(); }
  // Slots of story `s` in the order they were added. REQUIRES: s is a story.
  const std::vector<uint32_t>& Members(uint32_t s) { return stream_.Members(s); }
  // Related story pairs (first < second), each once, linked by this
  // grouper's articles (all of them when it has no source).
  std::vector<std::pair<size_t, size_t>> Related() { return stream_.related(); }
  // Those linked since the last call (for a store that adds links batch by
  // batch).
  std::vector<std::pair<size_t, size_t>> TakeRelated() { return stream_.TakeRelated(); }
  // The state's counters row as TakeDirtyRows writes it.
  std::string MetaRow() const { return stream_.MetaRow(); }
  // Bytes held in memory, approximately.
  size_t MemoryBytes() const;
  size_t size() const { return stream_.size(); }
  // Stories ever started (merged ones included): indices are below it.
  uint32_t story_count() const { return stream_.story_count(); }

  // The grouping part of story `s` (id, label, articles, duplicates, span;
  // no view, no related stories): `members[k]` and `runs[k]` belong to
  // slot Members(s)[k]. The id is that of its first article, made distinct
  // from those in `used_ids`, which receives it.
  Story MakeStory(uint32_t s, const std::vector<const Article*>& members,
                  const std::vector<const std::vector<CapitalisedRun>*>& runs,
                  std::set<std::string>& used_ids);

  // The counters row (StateTable::kMeta, key "") and every row changed
  // since the last call, the counters row included.
  std::vector<StateRow> TakeDirtyRows();
  // A row read from the source did not decode: the caller should group
  // every article anew.
  bool damaged() const { return stream_.damaged() || near_dups_.damaged() || names_.damaged() || damaged_; }

 private:
  // Near-duplicate group (or NearDupIndex::kNone) and estimate of `slot`.
  std::pair<uint32_t, double> DuplicateOf(uint32_t slot);

  const StateSource* source_ = nullptr;
  uint64_t first_slot_ = 0;  // slots of earlier groupers
  std::unordered_map<uint32_t, std::pair<uint32_t, double>> earlier_dups_;
  bool damaged_ = false;
  StoryOptions options_;
  StoryStream stream_;
  NearDupIndex near_dups_;
  NameStats names_;
  // Per slot of this grouper: the first slot of its near-duplicate group
  // when it is a near-duplicate of an earlier article (else
  // NearDupIndex::kNone), and the estimated similarity.
  std::vector<uint32_t> dup_group_;
  std::vector<double> dup_jaccard_;
  size_t dup_rows_taken_ = 0;
  std::vector<uint32_t> changed_;  // slots added since TakeChanged
};

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_STORY_GROUPER_H_
