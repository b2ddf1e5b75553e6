// ner_clusters.h: hierarchical word clusters for the NER tagger, learnt from
// unlabeled text by our own code (tools/train_clusters.cc), stored as
// models/clusters.tsv and read by tools/train_ner.cc, which embeds them in
// the tagger model.
//
//   std::vector<std::vector<std::string>> sentences = ...;  // tokenised text
//   storyline::WordClusters c = storyline::TrainWordClusters(sentences, {});
//   std::string tsv = storyline::WordClustersTsv(c);        // "0110\tword\tcount"
//
// Algorithm: divisive exchange clustering. The vocabulary starts as one
// class; at each level every class is split in two by the exchange algorithm
// (Kneser & Ney 1993; the one-sided "predictive" class bigram objective of
// Uszkoreit & Brants 2008): move each word to the half that most increases
// sum_{v,c} N(v,c) log N(v,c) - sum_c N(c) log N(c), where N(v,c) counts word
// v followed by a word of class c (and, two-sided, a word of class c followed
// by v). A word's path of 0/1 choices is its bit
// string, so prefixes are coarser clusters, as with Brown clusters.
//
// Thread-safety: free functions without shared state.
#ifndef STORYLINE_EXTRACT_NER_CLUSTERS_H_
#define STORYLINE_EXTRACT_NER_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/status.h"

namespace storyline {

struct WordCluster {
  std::string word;
  std::string path;  // '0'/'1' choices from the root, at most kMaxClusterDepth
  uint64_t count = 0;
};

using WordClusters = std::vector<WordCluster>;

// Paths are packed into 32 bits in the model (ner_features.h); 16 levels
// already give 65,536 leaves, far more than our text supports.
inline constexpr int kMaxClusterDepth = 16;

struct ClusterOptions {
  // Words seen once get no cluster: one context cannot place them, and the
  // tagger's affix and shape features cover them. Chosen on UNER dev with
  // depth: (3, 10) 69.0, (2, 10) 68.9, (3, 12) 67.8, (2, 12) 70.6 F1.
  uint64_t min_count = 2;
  // Up to 2^12 leaves; groups of one word stop splitting earlier. The tagger
  // uses prefixes of 4, 6 and 10 bits and the whole path.
  int depth = 12;
  // Exchange passes per split; a split rarely moves words after 6.
  int passes = 8;
  // Count right neighbours as contexts too (Martin et al. 1998's two-sided
  // variant): with under a million tokens one side alone leaves many words
  // with too few contexts to place.
  bool two_sided = true;
};

// Clusters the words of `sentences` (each a list of tokens). Sentence starts
// count as a predecessor of their first word. Words are returned by
// descending count (ties by word).
WordClusters TrainWordClusters(const std::vector<std::vector<std::string>>& sentences,
                               const ClusterOptions& options);

// "path\tword\tcount\n" per word (the format of Liang's brown-cluster tool).
std::string WordClustersTsv(const WordClusters& clusters);

// Parses WordClustersTsv output; InvalidInput naming the line for a bad
// line (missing columns, a path with characters other than 0/1 or longer
// than kMaxClusterDepth).
Result<WordClusters> ParseWordClustersTsv(std::string_view tsv);

// Reads and parses a clusters file; NotFound when it cannot be opened.
Result<WordClusters> LoadWordClusters(const std::string& path);

}  // namespace storyline

#endif  // STORYLINE_EXTRACT_NER_CLUSTERS_H_
