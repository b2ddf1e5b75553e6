// cluster.h: TF-IDF vectors and average-link story clustering.
//
//   std::vector<TermCounts> counts = ...;             // one per article
//   std::vector<SparseVector> v = BuildTfIdf(counts);
//   Clustering c = ClusterAverageLink(v, order, 0.2, 0.1);
//
// Average link: the similarity of an article to a story, or of two stories,
// is the mean cosine over all article pairs. Vectors are L2-normalised, so the
// mean is a dot product with the sum of the story's vectors, and a story is
// kept as that sum (its size does not enter the cost of a comparison).
//
// Thread-safety: pure functions of their arguments.
#ifndef STORYLINE_STORIES_CLUSTER_H_
#define STORYLINE_STORIES_CLUSTER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace storyline::stories {

// Weighted term frequencies of one article.
using TermCounts = std::unordered_map<std::string, double>;

// (term id, weight) sorted by term id; L2 norm 1, or empty.
struct SparseVector {
  std::vector<std::pair<uint32_t, double>> entries;
};

// TF-IDF with sublinear tf (1 + ln tf) and smoothed idf
// (ln((1 + N) / (1 + df)) + 1), L2-normalised. Term ids are dense from 0.
std::vector<SparseVector> BuildTfIdf(const std::vector<TermCounts>& docs);

// Cosine of two normalised vectors.
double Cosine(const SparseVector& a, const SparseVector& b);

struct Clustering {
  // Member indices into the input vectors, in `order` order.
  std::vector<std::vector<size_t>> clusters;
  // Cluster index pairs (first < second) whose average-link similarity is at
  // least the related threshold but below the merge threshold.
  std::vector<std::pair<size_t, size_t>> related;
};

// Online pass: each vector, in `order`, joins the existing cluster with the
// highest average-link similarity when that is >= min_similarity, else it
// starts a new cluster. Then clusters whose mutual average-link similarity
// is >= min_similarity are merged, best pair first, until none is left, which
// undoes most of the online pass's dependence on order.
// REQUIRES: `order` is a permutation of [0, vectors.size()).
Clustering ClusterAverageLink(const std::vector<SparseVector>& vectors,
                              const std::vector<size_t>& order, double min_similarity,
                              double related_similarity);

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_CLUSTER_H_
