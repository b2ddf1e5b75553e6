#include "stories/stream_cluster.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <xxhash.h>

#include "stories/state_io.h"
#include "stories/view_util.h"

namespace storyline::stories {
namespace {

using SparseVector = std::vector<std::pair<uint64_t, float>>;

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
double GallopDot(const SparseVector& a, const SparseVector& b) {
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
                                     [](const std::pair<uint64_t, float>& e, uint64_t t) { return e.first < t; });
    lo = static_cast<size_t>(it - b.begin());
    if (lo == b.size()) break;
    if (it->first == term) dot += static_cast<double>(w) * it->second;
  }
  return dot;
}

double Dot(const SparseVector& a,
           const SparseVector& b) {
  // A short article against a story's long summed vector: gallop.
  if (4 * a.size() < b.size()) return GallopDot(a, b);
  // A merge whose steps are arithmetic, not branches: which side advances
  // is unpredictable, and mispredicted branches were most of its cost.
  double dot = 0;
  size_t i = 0, j = 0;
  const size_t na = a.size(), nb = b.size();
  while (i < na && j < nb) {
    const uint64_t ta = a[i].first;
    const uint64_t tb = b[j].first;
    if (ta == tb) dot += static_cast<double>(a[i].second) * b[j].second;
    i += ta <= tb;
    j += tb <= ta;
  }
  return dot;
}

// Sum of two sorted sparse vectors, pruned to the heaviest `limit` terms.
SparseVector SumPruned(const SparseVector& a,
                                                  const SparseVector& b,
                                                  size_t limit) {
  SparseVector out;
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

// Terms of `v` by falling weight, at most `n`.
std::vector<uint64_t> Heaviest(const SparseVector& v, size_t n) {
  SparseVector copy = v;
  const size_t k = std::min(n, copy.size());
  std::partial_sort(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(k), copy.end(),
                    [](const auto& x, const auto& y) {
                      return x.second != y.second ? x.second > y.second : x.first < y.first;
                    });
  std::vector<uint64_t> out;
  for (size_t i = 0; i < k; ++i) out.push_back(copy[i].first);
  return out;
}

// First bytes of the counters row and the rows' layout version: rows of
// another layout are not read (the store then regroups from the articles).
constexpr std::string_view kMetaMagic = "SLS2";
constexpr uint32_t kRowsVersion = 3;

uint64_t HashOf(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

// A name at least this many letters long is matched one edit apart
// ("dominic thwaite" and "dominic thwaites"): a long name misspelt by one
// letter is still that name, while short names one letter apart are often
// other names ("Jon"/"Jan", "Hale"/"Hall").
constexpr size_t kFuzzyNameLetters = 10;

// Code points of `cps` other than spaces.
size_t Letters(std::u32string_view cps) {
  return cps.size() - static_cast<size_t>(std::count(cps.begin(), cps.end(), U' '));
}

// Whether `c` may be put into `name` by an edit: a to z and the name's own
// letters (not a space).
bool Puttable(char32_t c, std::u32string_view name) {
  return (c >= U'a' && c <= U'z') || (c != U' ' && name.find(c) != std::u32string_view::npos);
}

// Whether `other` is `name` with one edit (a letter deleted, replaced or
// put in). Spaces are never edited, and neither is the first letter of a
// word: misspellings keep a word's initial ("Thwaite"/"Thwaites",
// "Lindqvist"/"Lindquist"), and so the edits stay inside the name's words.
// Letters put in are Puttable ones. Linear in the names' lengths: an edit
// at position i leaves the first i code points and the last ones alike, so
// the possible positions lie between the common suffix and the common
// prefix.
bool OneEditApart(std::u32string_view name, std::u32string_view other) {
  const size_t n = name.size(), m = other.size();
  if (n > m + 1 || m > n + 1) return false;
  size_t prefix = 0;
  while (prefix < std::min(n, m) && name[prefix] == other[prefix]) ++prefix;
  if (n == m && prefix == n) return false;  // the same name
  size_t suffix = 0;
  while (suffix < std::min(n, m) && name[n - 1 - suffix] == other[m - 1 - suffix]) ++suffix;
  // Position i of `name` may be edited when it is a letter that does not
  // start a word; a letter may be put in before i inside a word or at its end.
  const auto editable = [&](size_t i) { return name[i] != U' ' && i > 0 && name[i - 1] != U' '; };
  const auto inside = [&](size_t i) { return i > 0 && name[i - 1] != U' '; };
  // The edit at i keeps other[0, i) == name[0, i) (i <= prefix) and the
  // tails after it alike (i >= longer - 1 - suffix).
  const size_t longer = std::max(n, m);
  const size_t first = longer - 1 - std::min(suffix, longer - 1);
  for (size_t i = first; i <= prefix && i < longer; ++i) {
    if (n == m) {  // replaced
      if (editable(i) && Puttable(other[i], name)) return true;
    } else if (n > m) {  // deleted
      if (editable(i)) return true;
    } else if (inside(i) && Puttable(other[i], name)) {  // put in
      return true;
    }
  }
  return false;
}

// Moves `story` to the end of a recent-stories list, dropping the oldest
// beyond kMaxPostings. Returns whether the list changed.
bool Touch(std::vector<uint32_t>& list, uint32_t story) {
  if (!list.empty() && list.back() == story) return false;
  std::erase(list, story);
  list.push_back(story);
  if (list.size() > kMaxPostings) list.erase(list.begin());
  return true;
}

}  // namespace

StoryStream::StoryStream(const StreamOptions& options) : options_(options) {}

std::string KeyU32(uint32_t v) {
  std::string k(4, '\0');
  for (int i = 3; i >= 0; --i, v >>= 8) k[static_cast<size_t>(i)] = static_cast<char>(v & 0xFF);
  return k;
}

std::string KeyU64(uint64_t v) {
  std::string k(8, '\0');
  for (int i = 7; i >= 0; --i, v >>= 8) k[static_cast<size_t>(i)] = static_cast<char>(v & 0xFF);
  return k;
}

bool StoryStream::SetSource(const StateSource* source, std::string_view meta) {
  *this = StoryStream(options_);
  if (source == nullptr) return true;
  StateReader r(meta);
  const std::string magic = r.Str();
  const uint32_t version = r.U32();
  const uint64_t articles = r.U64();
  const int64_t latest_day = r.I64();
  const uint32_t any_day = r.U32();
  const uint32_t stories = r.U32();
  if (!r.ok() || !r.at_end() || magic != kMetaMagic || version != kRowsVersion || any_day > 1) {
    return false;
  }
  source_ = source;
  first_article_ = articles;
  latest_day_ = latest_day;
  any_day_ = any_day != 0;
  story_count_ = stories;
  return true;
}

std::string StoryStream::MetaRow() const {
  StateWriter w;
  w.Str(kMetaMagic);
  w.U32(kRowsVersion);
  w.U64(size());
  w.I64(latest_day_);
  w.U32(any_day_ ? 1 : 0);
  w.U32(story_count_);
  return w.Take();
}

StoryStream::Term& StoryStream::TermAt(uint64_t hash) {
  auto [it, inserted] = terms_.try_emplace(hash);
  std::string row;
  if (inserted && source_ != nullptr && source_->Get(StateTable::kTerm, KeyU64(hash), &row)) {
    StateReader r(row);
    it->second.df = r.U32();
    it->second.postings = r.Vec<uint32_t>();
    const auto valid = [&](uint32_t s) { return s < story_count_; };
    if (!r.ok() || !r.at_end() || !std::all_of(it->second.postings.begin(), it->second.postings.end(), valid)) {
      damaged_ = true;
      it->second = Term();
    }
  }
  return it->second;
}

std::vector<uint32_t>& StoryStream::NamePostings(uint64_t hash) {
  auto [it, inserted] = name_postings_.try_emplace(hash);
  std::string row;
  if (inserted && source_ != nullptr && source_->Get(StateTable::kName, KeyU64(hash), &row)) {
    StateReader r(row);
    it->second = r.Vec<uint32_t>();
    const auto valid = [&](uint32_t s) { return s < story_count_; };
    if (!r.ok() || !r.at_end() || !std::all_of(it->second.begin(), it->second.end(), valid)) {
      damaged_ = true;
      it->second.clear();
    }
  }
  return it->second;
}

StoryStream::Story& StoryStream::StoryAt(uint32_t story) {
  auto [it, inserted] = stories_.try_emplace(story);
  std::string row;
  if (inserted && source_ != nullptr && source_->Get(StateTable::kStory, KeyU32(story), &row)) {
    StateReader r(row);
    Story& s = it->second;
    const std::vector<uint64_t> terms = r.Vec<uint64_t>();
    const std::vector<float> weights = r.Vec<float>();
    const std::vector<uint64_t> names = r.Vec<uint64_t>();
    const std::vector<uint16_t> counts = r.Vec<uint16_t>();
    s.last_day = r.I64();
    s.size = r.U32();
    s.merged_into = r.U32();
    s.members = r.Vec<uint32_t>();
    const uint64_t long_names = r.Count(sizeof(uint64_t));
    for (uint64_t i = 0; r.ok() && i < long_names; ++i) s.long_names.push_back(r.Str());
    bool ok = r.ok() && r.at_end() && terms.size() == weights.size() && names.size() == counts.size() &&
              std::is_sorted(s.long_names.begin(), s.long_names.end()) &&
              (s.merged_into == UINT32_MAX || s.merged_into < story_count_) &&
              std::is_sorted(terms.begin(), terms.end()) &&
              std::all_of(s.members.begin(), s.members.end(), [&](uint32_t a) { return a < first_article_; });
    for (size_t i = 0; ok && i < terms.size(); ++i) s.sum.emplace_back(terms[i], weights[i]);
    for (size_t i = 0; ok && i < names.size(); ++i) s.names.emplace(names[i], counts[i]);
    if (!ok) {
      damaged_ = true;
      s = Story();
    }
  }
  return it->second;
}

StoryStream::Vector StoryStream::Weigh(const std::unordered_map<std::string, double>& terms) {
  Vector v;
  std::vector<uint32_t> df;
  for (const auto& [term, count] : terms) {
    if (count <= 0) continue;
    const uint64_t hash = HashOf(term);
    Term& t = TermAt(hash);
    ++t.df;
    dirty_terms_.insert(hash);
    v.emplace_back(hash, static_cast<float>(count));
    df.push_back(t.df);
  }
  // Sublinear tf times smoothed idf over the articles seen so far (this one
  // included), L2-normalised.
  const double n = static_cast<double>(size() + 1);
  double norm2 = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    float& w = v[i].second;
    const double tf = 1.0 + std::log(std::max(static_cast<double>(w), 1.0));
    const double idf = std::log((1.0 + n) / (1.0 + df[i])) + 1.0;
    w = static_cast<float>(tf * idf);
    norm2 += static_cast<double>(w) * w;
  }
  const double norm = std::sqrt(norm2);
  for (auto& entry : v) entry.second = static_cast<float>(entry.second / norm);
  std::sort(v.begin(), v.end());
  return v;
}

double StoryStream::Similarity(const Vector& v, const std::vector<uint64_t>& names,
                               const Story& s) const {
  double sim = Dot(v, s.sum) / static_cast<double>(s.size);
  if (options_.entity_weight > 0 && !names.empty()) {
    size_t shared = 0;
    for (uint64_t n : names) shared += s.names.count(n);
    sim += options_.entity_weight * static_cast<double>(shared) / static_cast<double>(names.size());
  }
  return sim;
}

uint32_t StoryStream::Resolve(uint32_t story) {
  // A chain longer than the number of stories is a damaged cycle.
  for (uint32_t hops = 0; hops <= story_count_; ++hops) {
    const uint32_t next = StoryAt(story).merged_into;
    if (next == UINT32_MAX) return story;
    story = next;
  }
  damaged_ = true;
  return story;
}

void StoryStream::Post(uint32_t story, const Vector& v) {
  for (uint64_t term : Heaviest(v, kPostedTerms)) {
    if (Touch(TermAt(term).postings, story)) dirty_terms_.insert(term);
  }
}

namespace {

// Adds the names of `from` (sorted, unique) to `into` (sorted, unique).
template <typename Names>
void MergeSorted(std::vector<std::string>& into, const Names& from) {
  if (from.empty()) return;
  const size_t middle = into.size();
  into.insert(into.end(), from.begin(), from.end());
  std::inplace_merge(into.begin(), into.begin() + static_cast<std::ptrdiff_t>(middle), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}

}  // namespace

void StoryStream::AddTo(uint32_t story, const Vector& v, const std::vector<uint64_t>& names,
                        const std::vector<std::string_view>& long_names) {
  Story& s = StoryAt(story);
  s.sum = SumPruned(s.sum, v, kMaxStoryTerms);
  for (uint64_t n : names) {
    uint16_t& c = s.names[n];
    if (c < UINT16_MAX) ++c;
  }
  MergeSorted(s.long_names, long_names);
  ++s.size;
  dirty_stories_.insert(story);
  Post(story, v);
  for (uint64_t n : names) {
    if (Touch(NamePostings(n), story)) dirty_names_.insert(n);
  }
}

void StoryStream::Merge(uint32_t into, uint32_t from) {
  Story& a = StoryAt(into);
  Story& b = StoryAt(from);
  a.sum = SumPruned(a.sum, b.sum, kMaxStoryTerms);
  for (const auto& [n, c] : b.names) {
    uint16_t& dst = a.names[n];
    dst = static_cast<uint16_t>(std::min<uint32_t>(UINT16_MAX, uint32_t{dst} + c));
  }
  a.size += b.size;
  a.last_day = std::max(a.last_day, b.last_day);
  b.merged_into = into;
  merged_log_.emplace_back(from, into);
  b.sum.clear();
  b.sum.shrink_to_fit();
  b.names.clear();
  MergeSorted(a.long_names, b.long_names);
  b.long_names.clear();
  b.long_names.shrink_to_fit();
  a.members.insert(a.members.end(), b.members.begin(), b.members.end());
  std::sort(a.members.begin(), a.members.end());
  b.members.clear();
  b.members.shrink_to_fit();
  dirty_stories_.insert(into);
  dirty_stories_.insert(from);
}

// A name of the article spelt one edit away from a name of the story
// ("Thwaites" in a tabloid, "Thwaite" in the others) counts as shared for
// an article that would otherwise join no story (not for related links): it
// rescues an article split off by a misspelling and changes nothing else.
// Only stories such a name could lift to the threshold are compared; each
// of a story's names stands for at most one of the article's. Cost per
// story: its long names times the article's, each pair linear in length.
void StoryStream::Rescue(const std::vector<LongName>& long_names, size_t name_count,
                         std::vector<Scored>& scored) {
  std::vector<bool> matched(long_names.size());
  for (Scored& c : scored) {
    if (!c.active || c.upper < options_.min_similarity) continue;
    const Story& s = StoryAt(c.story);
    std::fill(matched.begin(), matched.end(), false);
    size_t fuzzy = 0;
    for (const std::string& name : s.long_names) {
      const std::u32string cps = DecodeCodePoints(name);
      for (size_t i = 0; i < long_names.size(); ++i) {
        if (matched[i] || s.names.count(long_names[i].hash) != 0) continue;
        if (!OneEditApart(long_names[i].cps, cps)) continue;
        matched[i] = true;
        ++fuzzy;
        break;
      }
    }
    c.sim += options_.entity_weight * static_cast<double>(fuzzy) / static_cast<double>(name_count);
  }
}

size_t StoryStream::Add(const std::unordered_map<std::string, double>& terms,
                        const std::vector<std::string>& entity_keys,
                        std::optional<int64_t> day) {
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
  std::vector<uint64_t> names;
  // The article's long names, which also match a name one edit away, and
  // those one edit could make long, which its story keeps for later ones.
  std::vector<LongName> long_names;
  std::vector<std::string_view> kept_names;
  for (const std::string& k : entity_keys) {
    names.push_back(HashOf(k));
    if (options_.entity_weight <= 0) continue;
    std::u32string cps = DecodeCodePoints(k);
    const size_t letters = Letters(cps);
    if (letters + 1 >= kFuzzyNameLetters) kept_names.push_back(k);
    if (letters >= kFuzzyNameLetters) long_names.push_back({names.back(), std::move(cps)});
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  const auto by_hash = [](const LongName& x, const LongName& y) { return x.hash < y.hash; };
  const auto same_hash = [](const LongName& x, const LongName& y) { return x.hash == y.hash; };
  std::sort(long_names.begin(), long_names.end(), by_hash);
  long_names.erase(std::unique(long_names.begin(), long_names.end(), same_hash), long_names.end());
  std::sort(kept_names.begin(), kept_names.end());
  kept_names.erase(std::unique(kept_names.begin(), kept_names.end()), kept_names.end());

  // Candidates: live stories posted under the article's heaviest terms or
  // its names (a follow-up months later shares its people more than its
  // words).
  std::vector<uint32_t> posted;
  for (uint64_t term : Heaviest(v, kQueryTerms)) {
    const std::vector<uint32_t>& list = TermAt(term).postings;
    posted.insert(posted.end(), list.begin(), list.end());
  }
  for (uint64_t n : names) {
    const std::vector<uint32_t>& list = NamePostings(n);
    posted.insert(posted.end(), list.begin(), list.end());
  }
  std::vector<uint32_t> candidates;
  for (uint32_t s : posted) candidates.push_back(Resolve(s));
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  std::vector<Scored> scored;
  scored.reserve(candidates.size());
  bool joins = false, reachable = false;
  for (uint32_t c : candidates) {
    const Story& s = StoryAt(c);
    const bool active =
        today == kNoDay || s.last_day == kNoDay || today - s.last_day <= options_.active_days;
    const double plain = Similarity(v, names, s);
    double upper = plain;
    if (active && !long_names.empty() && plain < options_.min_similarity) {
      size_t unshared_long = 0;
      for (const LongName& n : long_names) unshared_long += s.names.count(n.hash) == 0;
      upper += options_.entity_weight * static_cast<double>(unshared_long) / static_cast<double>(names.size());
    }
    scored.push_back({c, plain, plain, upper, active});
    joins = joins || (active && plain >= options_.min_similarity);
    reachable = reachable || (active && upper >= options_.min_similarity);
  }
  if (!joins && reachable) Rescue(long_names, names.size(), scored);

  uint32_t best = UINT32_MAX, related = UINT32_MAX;
  double best_sim = 0, related_sim = 0;
  std::vector<std::pair<uint32_t, double>> joinable;
  for (const auto& [c, plain, sim, upper, active] : scored) {
    if (active && sim >= options_.min_similarity) {
      joinable.emplace_back(c, sim);
      if (best == UINT32_MAX || sim > best_sim) {
        best = c;
        best_sim = sim;
      }
    } else if (plain >= options_.related_similarity && (related == UINT32_MAX || plain > related_sim)) {
      related = c;
      related_sim = plain;
    }
  }

  const uint32_t self = static_cast<uint32_t>(size());
  uint32_t story;
  if (best != UINT32_MAX) {
    story = best;
    StoryAt(story).members.push_back(self);
    AddTo(story, v, names, kept_names);
    Story& s = StoryAt(story);
    s.last_day = std::max(s.last_day, today);
    // The article links its story to every other story it is as close to:
    // merge those whose average link with this one also reaches the
    // threshold (the online pass's order effects, repaired locally).
    for (const auto& [other, sim] : joinable) {
      if (other == story || StoryAt(other).merged_into != UINT32_MAX) continue;
      const Story& o = StoryAt(other);
      const Story& mine = StoryAt(story);
      const double link = Dot(mine.sum, o.sum) / (static_cast<double>(mine.size) * o.size);
      if (link >= options_.min_similarity) {
        Merge(story, other);
        Post(story, StoryAt(story).sum);
      }
    }
  } else {
    story = story_count_++;
    Story& s = StoryAt(story);
    s.members.push_back(self);
    s.last_day = today;
    AddTo(story, v, names, kept_names);
    if (related != UINT32_MAX) related_.emplace_back(related, story);
  }
  story_of_.push_back(story);
  return story;
}

const std::vector<uint32_t>& StoryStream::Members(uint32_t s) { return StoryAt(s).members; }

std::vector<uint32_t> StoryStream::HeldStories() const {
  std::vector<uint32_t> out;
  for (const auto& [id, s] : stories_) {
    if (!s.members.empty()) out.push_back(id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

size_t StoryStream::StoryOf(size_t i) {
  return Resolve(story_of_[i - first_article_]);
}

std::vector<std::pair<size_t, size_t>> StoryStream::related() {
  std::set<std::pair<size_t, size_t>> out;
  for (const auto& [a, b] : related_) {
    const size_t x = Resolve(a), y = Resolve(b);
    if (x != y) out.emplace(std::min(x, y), std::max(x, y));
  }
  return {out.begin(), out.end()};
}

std::vector<std::pair<size_t, size_t>> StoryStream::TakeRelated() {
  std::set<std::pair<size_t, size_t>> out;
  for (; related_taken_ < related_.size(); ++related_taken_) {
    const auto [a, b] = related_[related_taken_];
    const size_t x = Resolve(a), y = Resolve(b);
    if (x != y) out.emplace(std::min(x, y), std::max(x, y));
  }
  return {out.begin(), out.end()};
}

size_t StoryStream::MemoryBytes() const {
  // Hash map nodes: key, value, next pointer and the bucket slot.
  constexpr size_t kNodeOverhead = 2 * sizeof(void*);
  size_t bytes = story_of_.capacity() * sizeof(uint32_t);
  for (const auto& [hash, t] : terms_) {
    bytes += sizeof(hash) + sizeof(Term) + kNodeOverhead + t.postings.capacity() * sizeof(uint32_t);
  }
  for (const auto& [hash, p] : name_postings_) {
    bytes += sizeof(hash) + sizeof(p) + kNodeOverhead + p.capacity() * sizeof(uint32_t);
  }
  for (const auto& [id, s] : stories_) {
    bytes += sizeof(id) + sizeof(Story) + kNodeOverhead + s.sum.capacity() * sizeof(s.sum[0]) +
             s.names.size() * (sizeof(uint64_t) + sizeof(uint16_t) + kNodeOverhead) +
             s.members.capacity() * sizeof(uint32_t);
    for (const std::string& n : s.long_names) bytes += sizeof(n) + n.capacity();
  }
  return bytes;
}

void StoryStream::TakeDirtyRows(std::vector<StateRow>& out) {
  for (uint64_t hash : dirty_terms_) {
    const Term& t = terms_.at(hash);
    StateWriter w;
    w.U32(t.df);
    w.Vec(t.postings);
    out.push_back({StateTable::kTerm, KeyU64(hash), w.Take()});
  }
  for (uint64_t hash : dirty_names_) {
    StateWriter w;
    w.Vec(name_postings_.at(hash));
    out.push_back({StateTable::kName, KeyU64(hash), w.Take()});
  }
  for (uint32_t id : dirty_stories_) {
    const Story& s = stories_.at(id);
    std::vector<uint64_t> terms, names;
    std::vector<float> weights;
    std::vector<uint16_t> counts;
    for (const auto& [t, x] : s.sum) {
      terms.push_back(t);
      weights.push_back(x);
    }
    // Sorted so that equal states give equal bytes.
    std::vector<std::pair<uint64_t, uint16_t>> sorted(s.names.begin(), s.names.end());
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [n, c] : sorted) {
      names.push_back(n);
      counts.push_back(c);
    }
    StateWriter w;
    w.Vec(terms);
    w.Vec(weights);
    w.Vec(names);
    w.Vec(counts);
    w.I64(s.last_day);
    w.U32(s.size);
    w.U32(s.merged_into);
    w.Vec(s.members);
    w.U64(s.long_names.size());
    for (const std::string& n : s.long_names) w.Str(n);
    out.push_back({StateTable::kStory, KeyU32(id), w.Take()});
  }
  dirty_terms_.clear();
  dirty_names_.clear();
  dirty_stories_.clear();
}

}  // namespace storyline::stories
