// stream_cluster.h: incremental story clustering, one pass over articles in
// publication order (the way news arrives).
//
//   storyline::stories::StoryStream stream({});
//   for (...) size_t story = stream.Add(term_counts, entity_keys, day);
//   stream.Members(story);   // member indices of one story
//   stream.related();        // pairs of related stories
//
// Each article is a TF-IDF vector whose idf comes from the articles seen so
// far. It joins the story with the highest average-link similarity (the mean
// cosine with the story's articles: a dot product with the story's summed
// vector over its size), raised by the names the two share, when that is at
// least the threshold and the story is still active (its latest article is
// at most `active_days` older). Otherwise it starts a story; the best
// inactive or weaker match above the related threshold is linked as a
// related story (a follow-up months later). An article that would join no
// story counts a long name of its spelt one edit away from a story's name
// as shared ("Thwaites" for "Thwaite": a misspelt founder in one outlet
// does not split the story); nothing else changes.
//
// Cost per article does not grow with the number of stories: candidate
// stories come from the postings of the article's heaviest terms and of its
// names, and each
// posting list keeps only its most recent stories; a story's summed vector
// keeps only its heaviest terms. Memory grows with the vocabulary and the
// number of stories, not with their sizes.
//
// The state lives in rows (state_rows.h): a stream given a source reads the
// terms, names and stories an article needs from it, and hands back the
// rows it changed, so a store adds a batch without loading everything.
//
// Thread-compatible.
#ifndef STORYLINE_STORIES_STREAM_CLUSTER_H_
#define STORYLINE_STORIES_STREAM_CLUSTER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "stories/state_rows.h"

namespace storyline::stories {

struct StreamOptions {
  // Average-link similarity at which an article joins a story.
  double min_similarity = 0.2;
  // Similarity at which a story that was not joined is listed as related.
  double related_similarity = 0.1;
  // A story takes new articles while its latest article is at most this many
  // days older than the new one. Two months cover the life of most news
  // stories (an event, reactions, the first consequences); a follow-up after
  // that becomes its own, related story.
  int active_days = 60;
  // Weight of shared names: the similarity grows by this times the share of
  // the article's names the story also mentions. Names (people, companies,
  // works) are what separates two stories of the same kind (two different
  // product recalls) that TF-IDF alone confuses.
  double entity_weight = 0.0;
};

class StoryStream {
 public:
  explicit StoryStream(const StreamOptions& options);

  // Rows of an earlier stream (state_rows.h) are read from `source` when
  // an article needs them; null (the default) means none. Call before Add.
  // Returns false when the source's counters row is damaged or of another
  // layout (the stream then starts empty and ignores the source).
  bool SetSource(const StateSource* source, std::string_view meta);

  // Adds the next article: its term counts (title terms weighted up by the
  // caller), the folded names of its entities, and its day number (days
  // since 1970-01-01) if dated. Returns the index of its story. An undated
  // article counts as published on the latest day seen.
  size_t Add(const std::unordered_map<std::string, double>& terms,
             const std::vector<std::string>& entity_keys, std::optional<int64_t> day);

  // Article indices (in Add order, earlier streams' included) of story `s`;
  // empty once it merged into another. REQUIRES: s < story_count().
  const std::vector<uint32_t>& Members(uint32_t s);
  // Stories ever started (merged ones included): valid indices are below.
  uint32_t story_count() const { return story_count_; }
  // Live stories (with members) in ascending order, among those this
  // stream holds: all of them when it has no source.
  std::vector<uint32_t> HeldStories() const;
  // Story index pairs (first < second), each once, linked since this
  // stream was made (all of them when it has no source).
  std::vector<std::pair<size_t, size_t>> related();
  // The same for the pairs linked since the last call (or construction).
  std::vector<std::pair<size_t, size_t>> TakeRelated();
  // Story of article `i` after all merges. REQUIRES: i was added to this
  // stream (not to an earlier one read through the source).
  size_t StoryOf(size_t i);

  // Bytes held by the index, approximately (for benchmarks).
  size_t MemoryBytes() const;
  // Merges since the last call, in the order made: (merged story, the story
  // it merged into at that moment).
  std::vector<std::pair<uint32_t, uint32_t>> TakeMerged() { return std::exchange(merged_log_, {}); }
  // Articles added so far, earlier streams' included.
  size_t size() const { return first_article_ + story_of_.size(); }

  // The counters row and every row changed since the last call.
  std::string MetaRow() const;
  void TakeDirtyRows(std::vector<StateRow>& out);
  // A row read from the source did not decode: the state is damaged.
  bool damaged() const { return damaged_; }

 private:
  // Sparse vectors are (term hash, weight) sorted by hash.
  using Vector = std::vector<std::pair<uint64_t, float>>;
  static constexpr int64_t kNoDay = INT64_MIN;

  struct Term {
    uint32_t df = 0;
    std::vector<uint32_t> postings;  // recent stories
  };
  struct Story {
    Vector sum;  // pruned sum of member vectors
    std::unordered_map<uint64_t, uint16_t> names;  // name hash -> articles naming it
    // Its names one edit could make long (kFuzzyNameLetters - 1 letters or
    // more, stream_cluster.cc), folded, sorted: an article's misspelt long
    // name is compared with these.
    std::vector<std::string> long_names;
    int64_t last_day = kNoDay;  // latest dated member
    uint32_t size = 0;
    uint32_t merged_into = UINT32_MAX;
    std::vector<uint32_t> members;  // article indices, ascending
  };

  // A long name of the article being added: its hash and code points.
  struct LongName {
    uint64_t hash;
    std::u32string cps;
  };
  // A candidate story of the article being added.
  struct Scored {
    uint32_t story;
    double plain;  // similarity with exactly shared names
    double sim;    // plain, or with misspelt names too after Rescue
    double upper;  // plain + every long name not shared, at most
    bool active;
  };

  Term& TermAt(uint64_t hash);
  std::vector<uint32_t>& NamePostings(uint64_t hash);
  Story& StoryAt(uint32_t story);
  Vector Weigh(const std::unordered_map<std::string, double>& terms);
  double Similarity(const Vector& v, const std::vector<uint64_t>& names, const Story& s) const;
  void Rescue(const std::vector<LongName>& long_names, size_t name_count, std::vector<Scored>& scored);
  void AddTo(uint32_t story, const Vector& v, const std::vector<uint64_t>& names,
             const std::vector<std::string_view>& long_names);
  void Post(uint32_t story, const Vector& v);
  uint32_t Resolve(uint32_t story);
  void Merge(uint32_t into, uint32_t from);

  StreamOptions options_;
  const StateSource* source_ = nullptr;
  std::unordered_map<uint64_t, Term> terms_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> name_postings_;  // name -> recent stories
  std::unordered_map<uint32_t, Story> stories_;
  std::unordered_set<uint64_t> dirty_terms_, dirty_names_;
  std::unordered_set<uint32_t> dirty_stories_;
  uint32_t story_count_ = 0;
  uint64_t first_article_ = 0;      // articles added by earlier streams
  std::vector<uint32_t> story_of_;  // this stream's articles -> story when added
  std::vector<std::pair<uint32_t, uint32_t>> related_;
  size_t related_taken_ = 0;  // related_ entries TakeRelated returned
  std::vector<std::pair<uint32_t, uint32_t>> merged_log_;
  int64_t latest_day_ = 0;
  bool any_day_ = false;
  bool damaged_ = false;
};

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_STREAM_CLUSTER_H_
