// parser_train.h: reading CoNLL-U treebanks, scoring and training the
// tagger and dependency parser (extract/parser.h). Used by
// tools/train_parser.cc and tools/parser_score.cc.
//
//   auto train = storyline::ReadConllu("en_ewt-ud-train.conllu.gz");
//   auto dev = storyline::ReadConllu("en_ewt-ud-dev.conllu");
//   storyline::Result<storyline::DependencyParser> p =
//       storyline::TrainParser(*train, *dev, {}, &std::cerr);
//   storyline::ParserScore s = storyline::ScoreParser(*p, *dev, false);
//
// Thread-safety: free functions without shared state.
#ifndef STORYLINE_EXTRACT_PARSER_TRAIN_H_
#define STORYLINE_EXTRACT_PARSER_TRAIN_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ner_clusters.h"
#include "extract/parser.h"
#include "storyline/status.h"

namespace storyline {

// One sentence of syntactic words (multiword-token ranges and empty nodes
// of enhanced UD are dropped).
struct ConlluSentence {
  std::string id;                    // "# sent_id", or "" when absent
  std::vector<std::string> words;
  std::vector<std::string> upos;
  std::vector<int> heads;            // 0-based head word, -1 for the root
  std::vector<std::string> deprels;  // as written, subtypes included
};

// Parses CoNLL-U text; `name` prefixes error messages. InvalidInput naming
// name:line for a token line with fewer than 8 columns, a bad or
// out-of-range head, or word ids that do not run 1, 2, 3, ...
Result<std::vector<ConlluSentence>> ParseConllu(std::string_view text, const std::string& name);
// Reads a .conllu or .conllu.gz file. NotFound when it cannot be opened,
// Corruption for damaged gzip data, otherwise as ParseConllu.
Result<std::vector<ConlluSentence>> ReadConllu(const std::string& path);

// True when no two arcs cross (the root's arc included).
bool IsProjective(const std::vector<int>& heads);

// The universal part of a relation ("nmod:poss" -> "nmod"), as the CoNLL
// 2018 shared task compares labels.
std::string_view UniversalRelation(std::string_view deprel);

struct ParserScore {
  size_t words = 0;
  size_t upos = 0;       // correct tags
  size_t uas = 0;        // correct heads
  size_t las = 0;        // correct heads and universal relations (CoNLL 2018 LAS)
  size_t las_full = 0;   // correct heads and full relations, subtypes included
  double Upos() const { return words ? 100.0 * double(upos) / double(words) : 0.0; }
  double Uas() const { return words ? 100.0 * double(uas) / double(words) : 0.0; }
  double Las() const { return words ? 100.0 * double(las) / double(words) : 0.0; }
  double LasFull() const { return words ? 100.0 * double(las_full) / double(words) : 0.0; }
};

// Tags and parses every sentence (gold_tags: parses the gold UPOS tags
// instead of predicted ones) and scores every word, punctuation included.
ParserScore ScoreParser(const DependencyParser& parser, const std::vector<ConlluSentence>& data,
                        bool gold_tags);

struct ParserTrainOptions {
  // Hash bits of the three tables. 2^18 rows for the tagger's 30 features
  // and the labeler's 28, 2^21 for the parser's 80 features of every
  // configuration (about 2 per word): fewer bits lost accuracy to collisions
  // on dev, more did not help (parser.README).
  uint32_t tag_bits = 18;
  uint32_t arc_bits = 21;
  uint32_t label_bits = 18;
  // The perceptrons converge in 5-15 epochs; the epoch is picked on dev.
  int tag_epochs = 12;
  // Run a second tagging pass that reads the first pass's tags of the
  // following words (parser_features.h, RetagFeatures).
  bool retag = true;
  // Probability of hiding each tagger feature during an update, so the
  // tagger does not lean on word identity alone and learns the context
  // ("Zoo houses about 1,100 animals": "houses" is a noun 11 times in 12 in
  // train). 0 turns it off.
  double tag_dropout = 0.0;
  int parse_epochs = 15;
  // Stop the parser after this many epochs without a better dev LAS.
  int patience = 3;
  // Dynamic-oracle exploration (Goldberg & Nivre 2013): from this epoch
  // on, a wrong but valid action is followed with probability explore_p,
  // so the parser learns to recover from its own mistakes.
  int explore_from = 1;
  double explore_p = 0.9;
  // Train the parser only on projective trees (the arc-hybrid system can
  // build no other; the dynamic oracle's costs are exact only for them).
  // Measured on dev: +0.2 UAS and LAS over training on all trees.
  bool projective_only = true;
  // The parser learns from tags predicted by taggers trained on the other
  // folds (jackknifing), as it will see them at run time; 0 or 1: gold tags.
  int jackknife_folds = 4;
  // Averaged weights below this in magnitude are dropped from the parser's
  // tables (and rows left empty with them): rare features whose weights are
  // near zero cost megabytes and change almost no decision (parser.README
  // gives the dev figures). The tagger's table is small and loses accuracy
  // sooner, so it has its own threshold.
  float prune_below = 2.0f;
  float tagger_prune_below = 0.5f;
  // Relation subtypes seen fewer times than this in train are folded into
  // their universal relation (nmod:poss and nsubj:pass are kept).
  size_t min_subtype_count = 100;
  // Word clusters for the cluster features (ner_clusters.h); empty: none.
  WordClusters clusters;
  // Fixed shuffle seed: training is reproducible run to run.
  uint64_t seed = 20261206;
};

// Trains the tagger's two passes (epochs picked by dev UPOS accuracy), then the parser
// (epoch picked by dev LAS of the pruned, quantised model); logs one line
// per epoch to `log` (may be null). InvalidInput when train is empty.
Result<DependencyParser> TrainParser(const std::vector<ConlluSentence>& train,
                                     const std::vector<ConlluSentence>& dev,
                                     const ParserTrainOptions& options, std::ostream* log);

}  // namespace storyline

#endif  // STORYLINE_EXTRACT_PARSER_TRAIN_H_
