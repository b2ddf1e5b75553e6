// ner_train.h: reading IOB2 data, entity-level scoring and averaged-perceptron
// training for NerTagger. Used by tools/train_ner.cc and tools/ner_score.cc.
//
//   auto train = storyline::ReadIob2File("en_ewt-ud-train.v0-normalized.iob2");
//   auto dev = storyline::ReadIob2File("en_ewt-ud-dev.iob2");
//   storyline::Result<storyline::NerTagger> t =
//       storyline::TrainNer(*train, *dev, {}, &std::cerr);
//
// Thread-safety: free functions without shared state.
#ifndef STORYLINE_EXTRACT_NER_TRAIN_H_
#define STORYLINE_EXTRACT_NER_TRAIN_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "extract/ner.h"
#include "extract/ner_clusters.h"
#include "storyline/status.h"

namespace storyline {

struct NerSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // IOB2, one per word
};

// Reads a CoNLL-like file: '#' comment lines, blank lines between sentences,
// token lines of tab-separated columns. word_column and tag_column are
// 0-based (UNER: 1 and 2). InvalidInput naming path:line for a token line
// with too few columns; NotFound when the file cannot be opened.
Result<std::vector<NerSentence>> ReadIob2File(const std::string& path, size_t word_column = 1,
                                              size_t tag_column = 2);

// Entity-level micro precision/recall/F1 with conlleval semantics: a
// predicted chunk counts only if span and type match a gold chunk exactly.
struct NerScore {
  size_t gold = 0;
  size_t predicted = 0;
  size_t correct = 0;
  double precision() const { return predicted ? double(correct) / double(predicted) : 0.0; }
  double recall() const { return gold ? double(correct) / double(gold) : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Adds one sentence's chunks to `score`. REQUIRES: same lengths.
void AddToScore(const std::vector<std::string>& gold, const std::vector<std::string>& predicted,
                NerScore* score);

// Tags every sentence of `data` with `tagger` and scores it.
NerScore ScoreTagger(const NerTagger& tagger, const std::vector<NerSentence>& data);

struct NerTrainOptions {
  // 2^19 rows x 8 floats = 16 MB in memory. Training touches about 100k
  // rows, so collisions stay rare; measured on dev, 2^20 rows scored no
  // better (68.3 vs 68.6 F1) at half the speed (random row reads miss the
  // cache more often), and 2^18 lost 1.5 points to collisions.
  uint32_t hash_bits = 19;
  // The perceptron converges on this data in 5-15 epochs.
  int max_epochs = 25;
  // Stop after this many epochs without a better dev F1.
  int patience = 4;
  // Probability of hiding each feature of a token during an update: it keeps
  // the model from leaning on word identity alone, which helps on names
  // never seen in training. 0 turns it off.
  double feature_dropout = 0.35;
  // Word clusters for the cluster features (ner_clusters.h); empty: none.
  // They are stored in the model, so the tagger needs no other file.
  WordClusters clusters;
  // Fixed shuffle seed: training is reproducible run to run.
  uint64_t seed = 20241123;
  // Independent runs (seeds seed, seed+1, ...) whose weights are averaged:
  // one run's dev F1 moves by about +-1 point with the shuffle order alone,
  // and the average of linear models is one linear model of the same size
  // per token, so tagging costs the same. Measured on dev with clusters:
  // 1 run 70.6, 4 runs 70.2, 8 runs 69.4 F1, so one run is the default.
  int runs = 1;
};

// Trains on `train`, picks the epoch with the best entity F1 on `dev`
// (averaged weights) in each of options.runs runs and averages the runs;
// logs one line per epoch to `log` (may be null).
// InvalidInput when train is empty or holds no "O" tag.
Result<NerTagger> TrainNer(const std::vector<NerSentence>& train, const std::vector<NerSentence>& dev,
                           const NerTrainOptions& options, std::ostream* log);

}  // namespace storyline

#endif  // STORYLINE_EXTRACT_NER_TRAIN_H_
