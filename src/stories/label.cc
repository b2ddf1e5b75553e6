#include "stories/label.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

#include "stories/state_io.h"

namespace storyline::stories {
namespace {

// Three names say what a story is about; more makes a label a list.
constexpr size_t kMaxLabelNames = 3;
// Each extra word of a name multiplies its score by this much (up to
// kMaxBonusWords words): a two-word name that every article uses beats a
// one-word part of it, while a one-word name shared by more articles still
// beats a two-word name shared by fewer.
constexpr double kMultiwordBonus = 0.25;
constexpr size_t kMaxBonusWords = 3;

struct Candidate {
  std::string folded;
  std::map<std::string, size_t> spellings;  // original text -> occurrences
  size_t articles = 0;
  size_t occurrences = 0;
  size_t words = 0;
  double score = 0;
};

// True when one name is a whole-word part of the other.
bool Overlaps(const std::string& a, const std::string& b) {
  const std::string pa = " " + a + " ", pb = " " + b + " ";
  return pa.find(pb) != std::string::npos || pb.find(pa) != std::string::npos;
}

std::string MostUsedSpelling(const Candidate& c) {
  std::string best;
  size_t best_count = 0;
  for (const auto& [text, count] : c.spellings) {  // map order breaks ties
    if (count > best_count) {
      best = text;
      best_count = count;
    }
  }
  return best;
}

}  // namespace

NameStats::NameStats(std::vector<std::vector<CapitalisedRun>> runs) : runs_(std::move(runs)) {
  for (const std::vector<CapitalisedRun>& article : runs_) Add(article);
}

void NameStats::Add(const std::vector<CapitalisedRun>& runs) {
  std::unordered_set<std::string> seen;
  for (const CapitalisedRun& run : runs) {
    if (seen.insert(run.folded).second) {
      ++Df(run.folded);
      dirty_.insert(run.folded);
    }
  }
  ++corpus_size_;
}

size_t NameStats::MemoryBytes() const {
  // Hash map nodes: key, value, next pointer and the bucket slot.
  constexpr size_t kNodeOverhead = 4 * sizeof(void*);
  size_t bytes = 0;
  for (const auto& [name, df] : corpus_df_) bytes += sizeof(std::string) + name.capacity() + sizeof(df) + kNodeOverhead;
  return bytes;
}

void NameStats::SetSource(const StateSource* source, uint64_t articles) {
  *this = NameStats();
  source_ = source;
  if (source != nullptr) corpus_size_ = articles;
}

size_t& NameStats::Df(const std::string& folded) const {
  auto [it, inserted] = corpus_df_.try_emplace(folded, 0);
  std::string row;
  if (inserted && source_ != nullptr && source_->Get(StateTable::kLabelName, folded, &row)) {
    StateReader r(row);
    it->second = r.U64();
    if (!r.ok() || !r.at_end()) {
      damaged_ = true;
      it->second = 0;
    }
  }
  return it->second;
}

void NameStats::TakeDirtyRows(std::vector<StateRow>& out) {
  for (const std::string& name : dirty_) {
    StateWriter w;
    w.U64(corpus_df_.at(name));
    out.push_back({StateTable::kLabelName, name, w.Take()});
  }
  dirty_.clear();
}

std::string NameStats::Label(const std::vector<size_t>& members,
                             const std::string& fallback) const {
  std::vector<const std::vector<CapitalisedRun>*> member_runs;
  member_runs.reserve(members.size());
  for (size_t m : members) member_runs.push_back(&runs_[m]);
  return Label(member_runs, fallback);
}

std::string NameStats::Label(const std::vector<const std::vector<CapitalisedRun>*>& members,
                             const std::string& fallback) const {
  std::map<std::string, Candidate> candidates;
  for (const std::vector<CapitalisedRun>* runs : members) {
    std::unordered_set<std::string> seen;
    for (const CapitalisedRun& run : *runs) {
      Candidate& c = candidates[run.folded];
      c.folded = run.folded;
      c.words = run.words;
      ++c.occurrences;
      ++c.spellings[run.text];
      if (seen.insert(run.folded).second) ++c.articles;
    }
  }
  // Rarity is measured outside the story: a name is distinctive when other
  // stories do not use it, however many of this story's articles do (and
  // when the corpus is this one story, every name is equally rare).
  const double outside = static_cast<double>(corpus_size_ - members.size());
  std::vector<Candidate> ranked;
  for (auto& [folded, c] : candidates) {
    // A story of several articles is named by what they share; a lone
    // article by a name it repeats or that is clearly a name (multiword).
    const bool eligible = members.size() > 1 ? c.articles > 1
                                             : (c.occurrences > 1 || c.words > 1);
    if (!eligible) continue;
    // A member not counted into the corpus (against Label's contract) counts
    // as the only users of its names rather than failing.
    const size_t counted = Df(folded);
    const size_t corpus_df = counted == 0 ? c.articles : std::max(counted, c.articles);
    const double df_outside = static_cast<double>(corpus_df - c.articles);
    const double idf = std::log((1.0 + outside) / (1.0 + df_outside)) + 1.0;
    const double bonus =
        1.0 + kMultiwordBonus * static_cast<double>(std::min(c.words, kMaxBonusWords) - 1);
    c.score = static_cast<double>(c.articles) * idf * bonus;
    ranked.push_back(std::move(c));
  }
  std::sort(ranked.begin(), ranked.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.occurrences != b.occurrences) return a.occurrences > b.occurrences;
    return a.folded < b.folded;
  });
  std::vector<const Candidate*> chosen;
  for (const Candidate& c : ranked) {
    if (chosen.size() == kMaxLabelNames) break;
    const bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](const Candidate* p) {
      return Overlaps(p->folded, c.folded);
    });
    if (!overlaps) chosen.push_back(&c);
  }
  if (chosen.empty()) return fallback;
  std::string label;
  for (const Candidate* c : chosen) {
    if (!label.empty()) label += ", ";
    label += MostUsedSpelling(*c);
  }
  return label;
}

}  // namespace storyline::stories
