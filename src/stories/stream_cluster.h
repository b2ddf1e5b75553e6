// stream_cluster.h: incremental story clustering, one pass over articles in
// publication order (the way news arrives).
//
//   storyline::stories::StoryStream stream({});
//   for (...) size_t story = stream.Add(term_counts, entity_keys, day);
//   stream.stories();   // member indices per story
//   stream.related();   // pairs of related stories
//
// Each article is a TF-IDF vector whose idf comes from the articles seen so
// far. It joins the story with the highest average-link similarity (the mean
// cosine with the story's articles: a dot product with the story's summed
// vector over its size), raised by the names the two share, when that is at
// least the threshold and the story is still active (its latest article is
// at most `active_days` older). Otherwise it starts a story; the best
// inactive or weaker match above the related threshold is linked as a
// related story (a follow-up months later).
//
// Cost per article does not grow with the number of stories: candidate
// stories come from the postings of the article's heaviest terms and of its
// names, and each
// posting list keeps only its most recent stories; a story's summed vector
// keeps only its heaviest terms. Memory grows with the vocabulary and the
// number of stories, not with their sizes.
//
// Thread-compatible.
#ifndef STORYLINE_STORIES_STREAM_CLUSTER_H_
#define STORYLINE_STORIES_STREAM_CLUSTER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace storyline::stories {

class StateReader;
class StateWriter;

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

  // Adds the next article: its term counts (title terms weighted up by the
  // caller), the folded names of its entities, and its day number (days
  // since 1970-01-01) if dated. Returns the index of its story. An undated
  // article counts as published on the latest day seen.
  size_t Add(const std::unordered_map<std::string, double>& terms,
             const std::vector<std::string>& entity_keys, std::optional<int64_t> day);

  // Article indices (in Add order) per story; merged stories are empty.
  const std::vector<std::vector<uint32_t>>& stories() const { return members_; }
  // Story index pairs (first < second), each once.
  std::vector<std::pair<size_t, size_t>> related() const;
  // Story of article `i` after all merges. REQUIRES: i < articles added.
  size_t StoryOf(size_t i) const;

  // Bytes held by the index, approximately (for benchmarks).
  size_t MemoryBytes() const;
  // Stories merged into others since the last call (unsaved: a loaded
  // stream starts with none).
  std::vector<uint32_t> TakeMerged() { return std::exchange(merged_log_, {}); }
  // Articles added so far.
  size_t size() const { return story_of_.size(); }

  // The whole state as bytes (state_io.h layout), and back: a stream loaded
  // from Save() continues exactly as the saved one would have. Load returns
  // false, leaving the stream empty, when `bytes` are damaged or truncated.
  // The options are not saved: they come from the constructor.
  void Save(StateWriter& w) const;
  bool Load(StateReader& r);

 private:
  using Vector = std::vector<std::pair<uint32_t, float>>;  // sorted by term id
  static constexpr int64_t kNoDay = INT64_MIN;

  struct Story {
    Vector sum;  // pruned sum of member vectors
    std::unordered_map<uint32_t, uint16_t> names;  // name id -> articles naming it
    int64_t last_day = kNoDay;  // latest dated member
    uint32_t size = 0;
    uint32_t merged_into = UINT32_MAX;
  };

  uint32_t TermId(const std::string& term);
  uint32_t NameId(const std::string& name);
  Vector Weigh(const std::unordered_map<std::string, double>& terms);
  double Similarity(const Vector& v, const std::vector<uint32_t>& names, const Story& s) const;
  void AddTo(uint32_t story, const Vector& v, const std::vector<uint32_t>& names);
  void Post(uint32_t story, const Vector& v);
  uint32_t Resolve(uint32_t story) const;
  void Merge(uint32_t into, uint32_t from);

  StreamOptions options_;
  std::unordered_map<std::string, uint32_t> term_ids_;
  std::vector<uint32_t> df_;
  std::unordered_map<std::string, uint32_t> name_ids_;
  std::vector<std::vector<uint32_t>> postings_;  // term -> recent stories
  std::vector<std::vector<uint32_t>> name_postings_;  // name -> recent stories
  std::vector<Story> stories_;
  std::vector<std::vector<uint32_t>> members_;
  std::vector<uint32_t> story_of_;  // article -> story at the time it was added
  std::vector<std::pair<uint32_t, uint32_t>> related_;
  std::vector<uint32_t> merged_log_;
  uint64_t articles_ = 0;
  int64_t latest_day_ = 0;
  bool any_day_ = false;
};

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_STREAM_CLUSTER_H_
