#include "stories/stream_cluster.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "stories/state_io.h"

namespace storyline::stories {
namespace {

// Candidate stories come from the postings of the article's heaviest terms:
// the rare names and words that say what it is about. Articles of one story
// share several of their sixteen heaviest terms; more terms only add
// candidates (ECB+ B-cubed F1 was the same with 24).
constexpr size_t kQueryTerms = 16;
// Terms of an article posted for its story: the same heaviest terms.
constexpr size_t kPostedTerms = 16;
// Each posting list keeps the stories that used the term most recently: a
// common term ("police") would otherwise list every story ever seen. At
// most kQueryTerms * kMaxPostings candidates are scored per article, however
// long the stream.
constexpr size_t kMaxPostings = 24;
// A story's summed vector keeps its heaviest terms. The dot product with a
// new article is dominated by them; the long tail of single mentions adds
// memory, not evidence.
constexpr size_t kMaxStoryTerms = 300;

// Dot product of a short sorted sparse vector `a` with a much longer one
// `b`: each term of `a` is sought in `b` by galloping from the last match,
// O(|a| log(|b|/|a|)) instead of a merge's O(|a| + |b|). The products are
// summed in the same (ascending term) order as Dot's, so the result is the
// same to the bit.
double GallopDot(const std::vector<std::pair<uint32_t, float>>& a,
                 const std::vector<std::pair<uint32_t, float>>& b) {
  double dot = 0;
  size_t lo = 0;
  for (const auto& [term, w] : a) {
    // Gallop: find a window [lo, hi) whose end passes `term`.
    size_t step = 1;
    size_t hi = lo;
    while (hi < b.size() && b[hi].first < term) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    hi = std::min(hi + 1, b.size());
    const auto it = std::lower_bound(b.begin() + static_cast<std::ptrdiff_t>(lo),
                                     b.begin() + static_cast<std::ptrdiff_t>(hi), term,
                                     [](const std::pair<uint32_t, float>& e, uint32_t t) { return e.first < t; });
    lo = static_cast<size_t>(it - b.begin());
    if (lo == b.size()) break;
    if (it->first == term) dot += static_cast<double>(w) * it->second;
  }
  return dot;
}

double Dot(const std::vector<std::pair<uint32_t, float>>& a,
           const std::vector<std::pair<uint32_t, float>>& b) {
  // A short article against a story's long summed vector: gallop.
  if (4 * a.size() < b.size()) return GallopDot(a, b);
  // A merge whose steps are arithmetic, not branches: which side advances
  // is unpredictable, and mispredicted branches were most of its cost.
  double dot = 0;
  size_t i = 0, j = 0;
  const size_t na = a.size(), nb = b.size();
  while (i < na && j < nb) {
    const uint32_t ta = a[i].first;
    const uint32_t tb = b[j].first;
    if (ta == tb) dot += static_cast<double>(a[i].second) * b[j].second;
    i += ta <= tb;
    j += tb <= ta;
  }
  return dot;
}

// Sum of two sorted sparse vectors, pruned to the heaviest `limit` terms.
std::vector<std::pair<uint32_t, float>> SumPruned(const std::vector<std::pair<uint32_t, float>>& a,
                                                  const std::vector<std::pair<uint32_t, float>>& b,
                                                  size_t limit) {
  std::vector<std::pair<uint32_t, float>> out;
  out.reserve(a.size() + b.size());
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) {
      out.push_back(a[i++]);
    } else if (i == a.size() || b[j].first < a[i].first) {
      out.push_back(b[j++]);
    } else {
      out.emplace_back(a[i].first, a[i].second + b[j].second);
      ++i;
      ++j;
    }
  }
  if (out.size() > limit) {
    std::nth_element(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(limit), out.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    out.resize(limit);
    std::sort(out.begin(), out.end());
  }
  return out;
}

// Term ids of `v` by falling weight, at most `n`.
std::vector<uint32_t> Heaviest(const std::vector<std::pair<uint32_t, float>>& v, size_t n) {
  std::vector<std::pair<uint32_t, float>> copy = v;
  const size_t k = std::min(n, copy.size());
  std::partial_sort(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(k), copy.end(),
                    [](const auto& x, const auto& y) {
                      return x.second != y.second ? x.second > y.second : x.first < y.first;
                    });
  std::vector<uint32_t> out;
  for (size_t i = 0; i < k; ++i) out.push_back(copy[i].first);
  return out;
}

}  // namespace

StoryStream::StoryStream(const StreamOptions& options) : options_(options) {}

uint32_t StoryStream::TermId(const std::string& term) {
  auto [it, inserted] = term_ids_.emplace(term, static_cast<uint32_t>(df_.size()));
  if (inserted) {
    df_.push_back(0);
    postings_.emplace_back();
  }
  return it->second;
}

uint32_t StoryStream::NameId(const std::string& name) {
  auto [it, inserted] = name_ids_.emplace(name, static_cast<uint32_t>(name_ids_.size()));
  if (inserted) name_postings_.emplace_back();
  return it->second;
}

StoryStream::Vector StoryStream::Weigh(const std::unordered_map<std::string, double>& terms) {
  Vector v;
  for (const auto& [term, count] : terms) {
    if (count <= 0) continue;
    const uint32_t id = TermId(term);
    ++df_[id];
    v.emplace_back(id, static_cast<float>(count));
  }
  // Sublinear tf times smoothed idf over the articles seen so far (this one
  // included), L2-normalised.
  const double n = static_cast<double>(articles_);
  double norm2 = 0;
  for (auto& [id, w] : v) {
    const double tf = 1.0 + std::log(std::max(static_cast<double>(w), 1.0));
    const double idf = std::log((1.0 + n) / (1.0 + df_[id])) + 1.0;
    w = static_cast<float>(tf * idf);
    norm2 += static_cast<double>(w) * w;
  }
  const double norm = std::sqrt(norm2);
  for (auto& entry : v) entry.second = static_cast<float>(entry.second / norm);
  std::sort(v.begin(), v.end());
  return v;
}

double StoryStream::Similarity(const Vector& v, const std::vector<uint32_t>& names,
                               const Story& s) const {
  double sim = Dot(v, s.sum) / static_cast<double>(s.size);
  if (options_.entity_weight > 0 && !names.empty()) {
    size_t shared = 0;
    for (uint32_t n : names) shared += s.names.count(n);
    sim += options_.entity_weight * static_cast<double>(shared) / static_cast<double>(names.size());
  }
  return sim;
}

uint32_t StoryStream::Resolve(uint32_t story) const {
  while (stories_[story].merged_into != UINT32_MAX) story = stories_[story].merged_into;
  return story;
}

void StoryStream::Post(uint32_t story, const Vector& v) {
  for (uint32_t term : Heaviest(v, kPostedTerms)) {
    std::vector<uint32_t>& list = postings_[term];
    if (!list.empty() && list.back() == story) continue;
    std::erase(list, story);
    list.push_back(story);
    if (list.size() > kMaxPostings) list.erase(list.begin());
  }
}

void StoryStream::AddTo(uint32_t story, const Vector& v, const std::vector<uint32_t>& names) {
  Story& s = stories_[story];
  s.sum = SumPruned(s.sum, v, kMaxStoryTerms);
  for (uint32_t n : names) {
    uint16_t& c = s.names[n];
    if (c < UINT16_MAX) ++c;
  }
  ++s.size;
  Post(story, v);
  for (uint32_t n : names) {
    std::vector<uint32_t>& list = name_postings_[n];
    if (!list.empty() && list.back() == story) continue;
    std::erase(list, story);
    list.push_back(story);
    if (list.size() > kMaxPostings) list.erase(list.begin());
  }
}

void StoryStream::Merge(uint32_t into, uint32_t from) {
  Story& a = stories_[into];
  Story& b = stories_[from];
  a.sum = SumPruned(a.sum, b.sum, kMaxStoryTerms);
  for (const auto& [n, c] : b.names) {
    uint16_t& dst = a.names[n];
    dst = static_cast<uint16_t>(std::min<uint32_t>(UINT16_MAX, uint32_t{dst} + c));
  }
  a.size += b.size;
  a.last_day = std::max(a.last_day, b.last_day);
  b.merged_into = into;
  merged_log_.push_back(from);
  b.sum.clear();
  b.sum.shrink_to_fit();
  b.names.clear();
  std::vector<uint32_t>& dst = members_[into];
  dst.insert(dst.end(), members_[from].begin(), members_[from].end());
  std::sort(dst.begin(), dst.end());
  members_[from].clear();
  members_[from].shrink_to_fit();
}

size_t StoryStream::Add(const std::unordered_map<std::string, double>& terms,
                        const std::vector<std::string>& entity_keys,
                        std::optional<int64_t> day) {
  ++articles_;
  const Vector v = Weigh(terms);
  if (day.has_value()) {
    latest_day_ = any_day_ ? std::max(latest_day_, *day) : *day;
    any_day_ = true;
  }
  // An undated article counts as published on the latest day seen; before
  // any dated article it has no day and any story is active for it.
  // (A sentinel, not std::optional: GCC 12 warns falsely on the latter.)
  int64_t today = kNoDay;
  if (day.has_value()) {
    today = *day;
  } else if (any_day_) {
    today = latest_day_;
  }
  std::vector<uint32_t> names;
  for (const std::string& k : entity_keys) names.push_back(NameId(k));
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());

  // Candidates: live stories posted under the article's heaviest terms or
  // its names (a follow-up months later shares its people more than its
  // words).
  std::vector<uint32_t> candidates;
  for (uint32_t term : Heaviest(v, kQueryTerms)) {
    for (uint32_t s : postings_[term]) candidates.push_back(Resolve(s));
  }
  for (uint32_t n : names) {
    for (uint32_t s : name_postings_[n]) candidates.push_back(Resolve(s));
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  uint32_t best = UINT32_MAX, related = UINT32_MAX;
  double best_sim = 0, related_sim = 0;
  std::vector<std::pair<uint32_t, double>> joinable;
  for (uint32_t c : candidates) {
    const Story& s = stories_[c];
    const double sim = Similarity(v, names, s);
    const bool active =
        today == kNoDay || s.last_day == kNoDay || today - s.last_day <= options_.active_days;
    if (active && sim >= options_.min_similarity) {
      joinable.emplace_back(c, sim);
      if (best == UINT32_MAX || sim > best_sim) {
        best = c;
        best_sim = sim;
      }
    } else if (sim >= options_.related_similarity && (related == UINT32_MAX || sim > related_sim)) {
      related = c;
      related_sim = sim;
    }
  }

  const uint32_t self = static_cast<uint32_t>(story_of_.size());
  uint32_t story;
  if (best != UINT32_MAX) {
    story = best;
    members_[story].push_back(self);
    AddTo(story, v, names);
    Story& s = stories_[story];
    s.last_day = std::max(s.last_day, today);
    // The article links its story to every other story it is as close to:
    // merge those whose average link with this one also reaches the
    // threshold (the online pass's order effects, repaired locally).
    for (const auto& [other, sim] : joinable) {
      if (other == story || stories_[other].merged_into != UINT32_MAX) continue;
      const Story& o = stories_[other];
      const double link = Dot(stories_[story].sum, o.sum) /
                          (static_cast<double>(stories_[story].size) * o.size);
      if (link >= options_.min_similarity) {
        Merge(story, other);
        Post(story, stories_[story].sum);
      }
    }
  } else {
    story = static_cast<uint32_t>(stories_.size());
    stories_.emplace_back();
    members_.push_back({self});
    stories_[story].last_day = today;
    AddTo(story, v, names);
    if (related != UINT32_MAX) related_.emplace_back(related, story);
  }
  story_of_.push_back(story);
  return story;
}

size_t StoryStream::StoryOf(size_t i) const { return Resolve(story_of_[i]); }

std::vector<std::pair<size_t, size_t>> StoryStream::related() const {
  std::set<std::pair<size_t, size_t>> out;
  for (const auto& [a, b] : related_) {
    const size_t x = Resolve(a), y = Resolve(b);
    if (x != y) out.emplace(std::min(x, y), std::max(x, y));
  }
  return {out.begin(), out.end()};
}

size_t StoryStream::MemoryBytes() const {
  size_t bytes = df_.capacity() * sizeof(uint32_t) + story_of_.capacity() * sizeof(uint32_t);
  // Hash map nodes: key, value, next pointer and the bucket slot.
  constexpr size_t kNodeOverhead = 2 * sizeof(void*);
  for (const auto& [term, id] : term_ids_) bytes += term.capacity() + sizeof(id) + kNodeOverhead + 32;
  for (const auto& [name, id] : name_ids_) bytes += name.capacity() + sizeof(id) + kNodeOverhead + 32;
  for (const auto& p : postings_) bytes += sizeof(p) + p.capacity() * sizeof(uint32_t);
  for (const auto& p : name_postings_) bytes += sizeof(p) + p.capacity() * sizeof(uint32_t);
  for (const Story& s : stories_) {
    bytes += sizeof(Story) + s.sum.capacity() * sizeof(s.sum[0]) +
             s.names.size() * (sizeof(uint32_t) + sizeof(uint16_t) + kNodeOverhead);
  }
  for (const auto& m : members_) bytes += sizeof(m) + m.capacity() * sizeof(uint32_t);
  return bytes;
}

namespace {

// A sparse vector entry as saved: plain bytes (std::pair is not trivially
// copyable).
struct SavedEntry {
  uint32_t term;
  float weight;
};

void SaveVector(StateWriter& w, const std::vector<std::pair<uint32_t, float>>& v) {
  std::vector<SavedEntry> out;
  out.reserve(v.size());
  for (const auto& [t, x] : v) out.push_back({t, x});
  w.Vec(out);
}

std::vector<std::pair<uint32_t, float>> LoadVector(StateReader& r) {
  std::vector<std::pair<uint32_t, float>> v;
  for (const SavedEntry& e : r.Vec<SavedEntry>()) v.emplace_back(e.term, e.weight);
  return v;
}

// Strings by dense id, from a map to those ids.
std::vector<std::string> ByDenseId(const std::unordered_map<std::string, uint32_t>& ids) {
  std::vector<std::string> out(ids.size());
  for (const auto& [s, id] : ids) out[id] = s;
  return out;
}

}  // namespace

void StoryStream::Save(StateWriter& w) const {
  const std::vector<std::string> terms = ByDenseId(term_ids_);
  w.U64(terms.size());
  for (const std::string& t : terms) w.Str(t);
  w.Vec(df_);
  const std::vector<std::string> names = ByDenseId(name_ids_);
  w.U64(names.size());
  for (const std::string& n : names) w.Str(n);
  for (const auto& p : postings_) w.Vec(p);
  for (const auto& p : name_postings_) w.Vec(p);
  w.U64(stories_.size());
  for (const Story& s : stories_) {
    SaveVector(w, s.sum);
    std::vector<uint32_t> flat;  // name id, count pairs
    for (const auto& [n, c] : s.names) {
      flat.push_back(n);
      flat.push_back(c);
    }
    w.Vec(flat);
    w.I64(s.last_day);
    w.U32(s.size);
    w.U32(s.merged_into);
  }
  for (const auto& m : members_) w.Vec(m);
  w.Vec(story_of_);
  std::vector<uint32_t> related;
  for (const auto& [a, b] : related_) {
    related.push_back(a);
    related.push_back(b);
  }
  w.Vec(related);
  w.U64(articles_);
  w.I64(latest_day_);
  w.U32(any_day_ ? 1 : 0);
}

bool StoryStream::Load(StateReader& r) {
  // Every record is at least its count's 8 bytes.
  constexpr size_t kMinRecord = 8;
  StoryStream fresh(options_);
  const uint64_t terms = r.Count(kMinRecord);
  for (uint64_t i = 0; i < terms && r.ok(); ++i) fresh.term_ids_.emplace(r.Str(), static_cast<uint32_t>(i));
  fresh.df_ = r.Vec<uint32_t>();
  const uint64_t names = r.Count(kMinRecord);
  for (uint64_t i = 0; i < names && r.ok(); ++i) fresh.name_ids_.emplace(r.Str(), static_cast<uint32_t>(i));
  if (!r.ok() || fresh.df_.size() != terms || fresh.term_ids_.size() != terms ||
      fresh.name_ids_.size() != names) {
    r.Invalidate();
    return false;
  }
  fresh.postings_.resize(terms);
  for (auto& p : fresh.postings_) p = r.Vec<uint32_t>();
  fresh.name_postings_.resize(names);
  for (auto& p : fresh.name_postings_) p = r.Vec<uint32_t>();
  const uint64_t stories = r.Count(kMinRecord);
  fresh.stories_.resize(r.ok() ? stories : 0);
  for (Story& s : fresh.stories_) {
    s.sum = LoadVector(r);
    const std::vector<uint32_t> flat = r.Vec<uint32_t>();
    for (size_t i = 0; i + 1 < flat.size(); i += 2) s.names[flat[i]] = static_cast<uint16_t>(flat[i + 1]);
    s.last_day = r.I64();
    s.size = r.U32();
    s.merged_into = r.U32();
  }
  fresh.members_.resize(r.ok() ? stories : 0);
  for (auto& m : fresh.members_) m = r.Vec<uint32_t>();
  fresh.story_of_ = r.Vec<uint32_t>();
  const std::vector<uint32_t> related = r.Vec<uint32_t>();
  for (size_t i = 0; i + 1 < related.size(); i += 2) fresh.related_.emplace_back(related[i], related[i + 1]);
  fresh.articles_ = r.U64();
  fresh.latest_day_ = r.I64();
  fresh.any_day_ = r.U32() != 0;
  if (!r.ok()) return false;
  // Ids the rest of the state uses must exist, or Add would index past the
  // end: a story id in a posting, merge link or article's story; a term or
  // name id in a story.
  const auto story_ok = [&](uint32_t s) { return s < stories; };
  for (const auto& p : fresh.postings_) {
    if (!std::all_of(p.begin(), p.end(), story_ok)) return false;
  }
  for (const auto& p : fresh.name_postings_) {
    if (!std::all_of(p.begin(), p.end(), story_ok)) return false;
  }
  for (const Story& s : fresh.stories_) {
    if (s.merged_into != UINT32_MAX && s.merged_into >= stories) return false;
    for (const auto& [t, w] : s.sum) {
      if (t >= terms) return false;
    }
    for (const auto& [n, c] : s.names) {
      if (n >= names) return false;
    }
  }
  if (!std::all_of(fresh.story_of_.begin(), fresh.story_of_.end(), story_ok)) return false;
  for (const auto& [a, b] : fresh.related_) {
    if (!story_ok(a) || !story_ok(b)) return false;
  }
  for (const auto& m : fresh.members_) {
    for (uint32_t a : m) {
      if (a >= fresh.story_of_.size()) return false;
    }
  }
  *this = std::move(fresh);
  return true;
}

}  // namespace storyline::stories
