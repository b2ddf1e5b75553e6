#include "stories/story_grouper.h"

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <numeric>
#include <optional>

#include "stories/cluster.h"
#include "stories/state_io.h"

namespace storyline::stories {
namespace {

// A title is the article's own summary of what it is about: each title term
// counts as much as three occurrences in the body.
constexpr double kTitleWeight = 3.0;

// Stories at least this fraction of the merge threshold alike are "related":
// they share a topic but were not similar enough to be one story.
constexpr double kRelatedFraction = 0.5;

// Hex digits of the 64-bit hash in a story id. 48 bits keep an accidental
// collision below one in a million up to ~20,000 stories in one brief (and
// a collision that does happen is resolved by a suffix).
constexpr size_t kStoryIdHexDigits = 12;

TermCounts CountTerms(const Article& a) {
  TermCounts counts;
  for (std::string& t : IndexTerms(a.title)) counts[std::move(t)] += kTitleWeight;
  for (std::string& t : IndexTerms(a.text)) counts[std::move(t)] += 1.0;
  return counts;
}

// Stable across runs: a hash of the story's earliest article id, so a story
// keeps its id while later articles join it.
std::string StoryId(const std::string& first_article_id, std::set<std::string>& used) {
  const uint64_t h = XXH3_64bits(first_article_id.data(), first_article_id.size());
  const std::string base = fmt::format("s{:016x}", h).substr(0, 1 + kStoryIdHexDigits);
  std::string id = base;
  for (int n = 2; !used.insert(id).second; ++n) id = base + "-" + std::to_string(n);
  return id;
}

// Day number (days since 1970-01-01) of an ISO date "YYYY-MM[-DD]"; a
// month alone counts as its middle. A year alone is too coarse to say
// whether two articles are weeks or months apart: no day.
std::optional<int64_t> DayNumber(const std::string& iso) {
  // Day of a month-only date: its middle, at most 15 days off either end.
  constexpr unsigned kMidMonth = 15;
  int y = 0;
  unsigned m = 1, d = kMidMonth;
  if (iso.size() < 7 || std::sscanf(iso.c_str(), "%4d", &y) != 1) return std::nullopt;
  if (iso.size() >= 7 && std::sscanf(iso.c_str() + 5, "%2u", &m) != 1) return std::nullopt;
  if (iso.size() >= 10 && std::sscanf(iso.c_str() + 8, "%2u", &d) != 1) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::string FallbackLabel(const Article& earliest) {
  const std::string title = CollapseWhitespace(earliest.title);
  return title.empty() ? earliest.id : title;
}

StreamOptions StreamOptionsFor(const StoryOptions& options) {
  StreamOptions s;
  s.min_similarity = options.min_similarity;
  s.related_similarity = options.min_similarity * kRelatedFraction;
  s.entity_weight = options.entity_weight;
  s.active_days = options.active_days;
  return s;
}

}  // namespace

std::string PublicationKey(const Article& a) {
  // '0' sorts dated articles before undated ones ('1'); the unit separator
  // ends the date, so "2024-05" sorts before "2024-05-01".
  if (a.published.empty()) return "1\x1f" + a.id;
  return "0" + a.published + "\x1f" + a.id;
}

StoryGrouper::StoryGrouper(const StoryOptions& options)
    : options_(options), stream_(StreamOptionsFor(options)) {}

std::vector<uint32_t> StoryGrouper::Add(const std::vector<const Article*>& articles,
                                        const std::vector<std::vector<std::string>>& keys,
                                        std::vector<std::vector<CapitalisedRun>>* runs_out) {
  const size_t n = articles.size();
  std::vector<std::string> pub(n);
  for (size_t i = 0; i < n; ++i) pub[i] = PublicationKey(*articles[i]);
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  // Ties (the same id twice in one batch) keep input order.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return pub[a] < pub[b]; });

  // Everything computed from one article alone, on all cores: the serial
  // pass below then only updates the indexes.
  std::vector<NearDupIndex::Sketch> sketches(n);
  std::vector<std::vector<CapitalisedRun>> runs(n);
  std::vector<TermCounts> counts(n);
  const NearDupOptions dup_options;
  // A grain of 16 articles keeps task overhead far below the per-article work.
  constexpr size_t kGrain = 16;
  tbb::parallel_for(tbb::blocked_range<size_t>(0, n, kGrain), [&](const tbb::blocked_range<size_t>& r) {
    for (size_t i = r.begin(); i != r.end(); ++i) {
      sketches[i] = NearDupIndex::MakeSketch(articles[i]->text, dup_options);
      runs[i] = CapitalisedRuns(articles[i]->text);
      counts[i] = CountTerms(*articles[i]);
    }
  });

  static const std::vector<std::string> kNoKeys;
  std::vector<uint32_t> slots(n);
  for (size_t i : order) {
    const uint32_t slot = static_cast<uint32_t>(stream_.size());
    slots[i] = slot;
    const NearDupIndex::Match dup = near_dups_.Add(sketches[i]);
    dup_group_.push_back(dup.duplicate_of == NearDupIndex::kNone ? NearDupIndex::kNone : dup.group);
    dup_jaccard_.push_back(dup.jaccard);
    names_.Add(runs[i]);
    const std::vector<std::string>& k = i < keys.size() ? keys[i] : kNoKeys;
    stream_.Add(counts[i], k, DayNumber(articles[i]->published));
  }
  changed_.insert(changed_.end(), slots.begin(), slots.end());
  if (runs_out != nullptr) *runs_out = std::move(runs);
  return slots;
}

std::vector<uint32_t> StoryGrouper::TakeChanged() {
  // Resolved now, not when added: a story changed earlier may have merged
  // into another since, and its survivor is the one that changed.
  std::vector<uint32_t> out;
  for (uint32_t slot : std::exchange(changed_, {})) {
    out.push_back(static_cast<uint32_t>(stream_.StoryOf(slot)));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::pair<uint32_t, uint32_t>> StoryGrouper::TakeMerged() { return stream_.TakeMerged(); }

bool StoryGrouper::SetSource(const StateSource* source, std::string_view meta) {
  *this = StoryGrouper(options_);
  if (source == nullptr) return true;
  if (!stream_.SetSource(source, meta)) return false;
  source_ = source;
  first_slot_ = stream_.size();
  near_dups_.SetSource(source, first_slot_);
  names_.SetSource(source, first_slot_);
  return true;
}

std::pair<uint32_t, double> StoryGrouper::DuplicateOf(uint32_t slot) {
  if (slot >= first_slot_) return {dup_group_[slot - first_slot_], dup_jaccard_[slot - first_slot_]};
  auto [it, inserted] = earlier_dups_.try_emplace(slot, NearDupIndex::kNone, 0.0);
  std::string row;
  if (inserted && source_ != nullptr && source_->Get(StateTable::kDuplicate, KeyU32(slot), &row)) {
    StateReader r(row);
    const uint32_t group = r.U32();
    const double jaccard = r.F64();
    if (r.ok() && r.at_end() && (group == NearDupIndex::kNone || group < slot)) {
      it->second = {group, jaccard};
    } else {
      damaged_ = true;
    }
  }
  return it->second;
}

size_t StoryGrouper::MemoryBytes() const {
  // Hash map nodes: key, value, next pointer and the bucket slot.
  constexpr size_t kNodeOverhead = 4 * sizeof(void*);
  return stream_.MemoryBytes() + near_dups_.MemoryBytes() + names_.MemoryBytes() +
         dup_group_.capacity() * sizeof(uint32_t) + dup_jaccard_.capacity() * sizeof(double) +
         earlier_dups_.size() * (sizeof(uint32_t) + sizeof(std::pair<uint32_t, double>) + kNodeOverhead);
}

std::vector<StateRow> StoryGrouper::TakeDirtyRows() {
  std::vector<StateRow> out;
  out.push_back({StateTable::kMeta, "", stream_.MetaRow()});
  stream_.TakeDirtyRows(out);
  near_dups_.TakeDirtyRows(out);
  names_.TakeDirtyRows(out);
  // Only near-duplicates have a row: most articles are none.
  for (size_t i = dup_rows_taken_; i < dup_group_.size(); ++i) {
    if (dup_group_[i] == NearDupIndex::kNone) continue;
    StateWriter w;
    w.U32(dup_group_[i]);
    w.F64(dup_jaccard_[i]);
    out.push_back({StateTable::kDuplicate, KeyU32(static_cast<uint32_t>(first_slot_ + i)), w.Take()});
  }
  dup_rows_taken_ = dup_group_.size();
  return out;
}

Story StoryGrouper::MakeStory(uint32_t s, const std::vector<const Article*>& members,
                              const std::vector<const std::vector<CapitalisedRun>*>& runs,
                              std::set<std::string>& used_ids) {
  const std::vector<uint32_t>& slots = stream_.Members(s);
  Story story;
  story.id = StoryId(members.front()->id, used_ids);
  story.label = names_.Label(runs, FallbackLabel(*members.front()));
  for (size_t k = 0; k < members.size(); ++k) {
    const Article& a = *members[k];
    story.articles.push_back(a.id);
    const auto [original, jaccard] = DuplicateOf(slots[k]);
    if (original != NearDupIndex::kNone) {
      const auto at = std::lower_bound(slots.begin(), slots.end(), original);
      if (at != slots.end() && *at == original) {
        story.duplicates.push_back({a.id, members[static_cast<size_t>(at - slots.begin())]->id, jaccard});
      }
    }
    if (a.published.empty()) continue;
    if (story.span_first.empty() || a.published < story.span_first) story.span_first = a.published;
    if (story.span_last.empty() || a.published > story.span_last) story.span_last = a.published;
  }
  return story;
}

}  // namespace storyline::stories
