#include "stories/cluster.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <map>

namespace storyline::stories {
namespace {

struct Cluster {
  std::vector<size_t> members;  // indices into the vectors
  std::unordered_map<uint32_t, double> sum;  // sum of the members' vectors
  bool alive = true;
};

// Clusters and an inverted index from term id to the clusters whose sum has
// that term, so a comparison only visits clusters sharing a term.
class ClusterSet {
 public:
  explicit ClusterSet(size_t vocabulary) : postings_(vocabulary) {}

  size_t size() const { return clusters_.size(); }
  const Cluster& at(size_t c) const { return clusters_[c]; }

  size_t Create(size_t member, const SparseVector& v) {
    clusters_.emplace_back();
    const size_t c = clusters_.size() - 1;
    Add(c, member, v);
    return c;
  }

  void Add(size_t c, size_t member, const SparseVector& v) {
    clusters_[c].members.push_back(member);
    for (const auto& [term, weight] : v.entries) AddWeight(c, term, weight);
  }

  // Moves every member of `from` into `into`; `from` dies.
  void Merge(size_t into, size_t from) {
    Cluster& src = clusters_[from];
    Cluster& dst = clusters_[into];
    dst.members.insert(dst.members.end(), src.members.begin(), src.members.end());
    for (const auto& [term, weight] : src.sum) AddWeight(into, term, weight);
    src.alive = false;
    src.members.clear();
    src.sum.clear();
  }

  // Sum of dot products of `v` with each live cluster's sum, by cluster.
  std::unordered_map<size_t, double> Dots(
      const std::vector<std::pair<uint32_t, double>>& v) const {
    std::unordered_map<size_t, double> acc;
    for (const auto& [term, weight] : v) {
      for (size_t c : postings_[term]) {
        const Cluster& cl = clusters_[c];
        if (!cl.alive) continue;
        acc[c] += weight * cl.sum.at(term);
      }
    }
    return acc;
  }

  // Average-link similarity of cluster `c` with every live cluster sharing a
  // term with it (c itself excluded).
  std::unordered_map<size_t, double> LinksOf(size_t c) const {
    const Cluster& cl = clusters_[c];
    std::vector<std::pair<uint32_t, double>> sum(cl.sum.begin(), cl.sum.end());
    std::unordered_map<size_t, double> dots = Dots(sum);
    dots.erase(c);
    for (auto& [other, dot] : dots) {
      dot /= static_cast<double>(cl.members.size() * clusters_[other].members.size());
    }
    return dots;
  }

 private:
  void AddWeight(size_t c, uint32_t term, double weight) {
    auto [it, inserted] = clusters_[c].sum.emplace(term, 0.0);
    it->second += weight;
    if (inserted) postings_[term].push_back(c);
  }

  std::vector<Cluster> clusters_;
  std::vector<std::vector<size_t>> postings_;
};

size_t VocabularySize(const std::vector<SparseVector>& vectors) {
  size_t n = 0;
  for (const SparseVector& v : vectors) {
    if (!v.entries.empty()) n = std::max<size_t>(n, v.entries.back().first + 1);
  }
  return n;
}

void OnlinePass(const std::vector<SparseVector>& vectors, const std::vector<size_t>& order,
                double min_similarity, ClusterSet& set) {
  for (size_t doc : order) {
    const SparseVector& v = vectors[doc];
    size_t best = set.size();
    double best_sim = 0;
    for (const auto& [c, dot] : set.Dots(v.entries)) {
      const double sim = dot / static_cast<double>(set.at(c).members.size());
      if (best == set.size() || sim > best_sim || (sim == best_sim && c < best)) {
        best = c;
        best_sim = sim;
      }
    }
    if (best != set.size() && best_sim >= min_similarity) {
      set.Add(best, doc, v);
    } else {
      set.Create(doc, v);
    }
  }
}

using PairMap = std::map<std::pair<size_t, size_t>, double>;

void RecordLinks(const ClusterSet& set, size_t c, double related_similarity,
                 PairMap& pairs) {
  for (const auto& [other, sim] : set.LinksOf(c)) {
    if (sim >= related_similarity) pairs[{std::min(c, other), std::max(c, other)}] = sim;
  }
}

void MergePass(double min_similarity, double related_similarity, ClusterSet& set,
               PairMap& pairs) {
  for (size_t c = 0; c < set.size(); ++c) RecordLinks(set, c, related_similarity, pairs);
  while (true) {
    auto best = pairs.end();
    for (auto it = pairs.begin(); it != pairs.end(); ++it) {
      if (it->second >= min_similarity && (best == pairs.end() || it->second > best->second)) {
        best = it;
      }
    }
    if (best == pairs.end()) return;
    // Plain copies, not structured bindings: clang 14 cannot capture a
    // binding in the lambda below.
    const size_t into = best->first.first;
    const size_t from = best->first.second;
    set.Merge(into, from);
    std::erase_if(pairs, [&](const PairMap::value_type& p) {
      return p.first.first == into || p.first.second == into || p.first.first == from ||
             p.first.second == from;
    });
    RecordLinks(set, into, related_similarity, pairs);
  }
}

}  // namespace

std::vector<SparseVector> BuildTfIdf(const std::vector<TermCounts>& docs) {
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<double> df;
  for (const TermCounts& doc : docs) {
    for (const auto& [term, count] : doc) {
      if (count <= 0) continue;
      auto [it, inserted] = ids.emplace(term, static_cast<uint32_t>(df.size()));
      if (inserted) df.push_back(0);
      df[it->second] += 1;
    }
  }
  const double n = static_cast<double>(docs.size());
  std::vector<SparseVector> out(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    std::vector<std::pair<uint32_t, double>>& e = out[i].entries;
    double norm2 = 0;
    for (const auto& [term, count] : docs[i]) {
      if (count <= 0) continue;
      const uint32_t id = ids.at(term);
      const double tf = 1.0 + std::log(std::max(count, 1.0));
      const double idf = std::log((1.0 + n) / (1.0 + df[id])) + 1.0;
      e.emplace_back(id, tf * idf);
      norm2 += tf * idf * tf * idf;
    }
    std::sort(e.begin(), e.end());
    const double norm = std::sqrt(norm2);
    for (auto& entry : e) entry.second /= norm;
  }
  return out;
}

double Cosine(const SparseVector& a, const SparseVector& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.entries.size() && j < b.entries.size()) {
    if (a.entries[i].first < b.entries[j].first) {
      ++i;
    } else if (b.entries[j].first < a.entries[i].first) {
      ++j;
    } else {
      dot += a.entries[i++].second * b.entries[j++].second;
    }
  }
  return dot;
}

Clustering ClusterAverageLink(const std::vector<SparseVector>& vectors,
                              const std::vector<size_t>& order, double min_similarity,
                              double related_similarity) {
  assert(order.size() == vectors.size());
  ClusterSet set(VocabularySize(vectors));
  OnlinePass(vectors, order, min_similarity, set);
  PairMap pairs;
  MergePass(min_similarity, related_similarity, set, pairs);

  std::vector<size_t> rank(vectors.size());
  for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  Clustering out;
  std::vector<size_t> new_index(set.size(), set.size());
  for (size_t c = 0; c < set.size(); ++c) {
    if (!set.at(c).alive) continue;
    new_index[c] = out.clusters.size();
    std::vector<size_t> members = set.at(c).members;
    std::sort(members.begin(), members.end(),
              [&](size_t a, size_t b) { return rank[a] < rank[b]; });
    out.clusters.push_back(std::move(members));
  }
  for (const auto& [pair, sim] : pairs) {
    const size_t a = new_index[pair.first], b = new_index[pair.second];
    out.related.emplace_back(std::min(a, b), std::max(a, b));
  }
  std::sort(out.related.begin(), out.related.end());
  return out;
}

}  // namespace storyline::stories
