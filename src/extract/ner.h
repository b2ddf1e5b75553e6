// ner.h: the named-entity sequence tagger (averaged perceptron, first-order
// Viterbi over IOB2 tags, hashed features).
//
//   const storyline::Result<storyline::NerTagger>& t = storyline::NerTagger::Default();
//   if (!t.ok()) return t.status();
//   std::vector<std::string> tags = t->Tag({"Maria", "Lopez", "lives", "in", "Lyon"});
//   // tags: B-PER I-PER O O B-LOC
//   for (const storyline::NerSpan& s : storyline::NerSpans(tags))
//     use(s.begin, s.end, storyline::NerEntityType(s.label));  // "PERSON", "PLACE"
//
// The model is trained on the dataset's own labels (UNER: PER, ORG, LOC);
// NerEntityType() maps them to storyline's types only at the output layer.
//
// Thread-safety: a NerTagger is immutable after loading; Tag() is const and
// may be called from many threads at once.
#ifndef STORYLINE_EXTRACT_NER_H_
#define STORYLINE_EXTRACT_NER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storyline/status.h"

namespace storyline {

// One entity chunk in a tag sequence: tokens [begin, end) of type `label`
// (the dataset's type, e.g. "PER").
struct NerSpan {
  size_t begin = 0;
  size_t end = 0;
  std::string label;
  bool operator==(const NerSpan&) const = default;
};

// Chunks an IOB2 tag sequence with conlleval's semantics: a chunk starts at
// B-X, or at I-X whose previous tag is not of type X; it ends before the
// first tag that is not I-X. "O" and unknown tags are outside.
std::vector<NerSpan> NerSpans(const std::vector<std::string>& tags);

// storyline's entity type for a dataset type: PER -> PERSON, ORG -> ORG,
// LOC/GPE -> PLACE, WORK/WOA -> WORK, anything else -> OTHER.
std::string_view NerEntityType(std::string_view dataset_label);

// The bytes of models/ner.bin compiled into the library (empty when the
// library was built before the model existed).
std::string_view NerEmbeddedModelBytes();

// Weights of the tagger; shared by the runtime and the trainer
// (src/extract/ner_train.h).
struct NerModel {
  // Hashed feature rows: 2^hash_bits rows of `stride` floats, of which the
  // first labels.size() are used (stride pads rows to 16-byte multiples).
  uint32_t hash_bits = 0;
  uint32_t stride = 0;
  std::vector<std::string> labels;  // index 0 is "O"
  // transitions[(prev + 1) * L + cur]; prev = -1 is the sentence start.
  std::vector<float> transitions;
  std::vector<float> weights;
  // Sorted keys of the names seen as entities in training, by phrase and by
  // phrase and type (ner_features.h, AddGazetteerEntry).
  std::vector<uint64_t> gazetteer;
  // Derived from `gazetteer` when the tagger is built: its hash set.
  std::vector<uint64_t> gazetteer_slots;
  // Word clusters (models/clusters.tsv, src/extract/ner_clusters.h): sorted
  // FNV-1a hashes of words and, at the same index, their packed bit paths
  // (ner_features.h, PackClusterPath).
  std::vector<uint64_t> cluster_keys;
  std::vector<uint32_t> cluster_paths;
  // Derived from the two above when the tagger is built: their hash table.
  std::vector<std::pair<uint64_t, uint32_t>> cluster_slots;
  // allowed[(prev + 1) * L + cur]: IOB2 forbids I-X unless after B-X/I-X.
  std::vector<uint8_t> allowed;
};

class NerTagger {
 public:
  // Parses a model file written by Save(). Returns NotFound/IOError for an
  // unreadable file, Corruption (naming the path and the problem) for bad
  // bytes.
  static Result<NerTagger> Load(const std::string& path);
  // Parses model bytes (the format of Save()); Corruption on bad bytes.
  // The bytes are copied; `bytes` need not outlive the tagger.
  static Result<NerTagger> FromBytes(std::string_view bytes);
  // Builds a tagger from trained weights (the trainer's way in).
  // InvalidInput when the shapes do not agree.
  static Result<NerTagger> FromModel(NerModel model);
  // The embedded model, parsed once on first use and shared (immutable).
  static const Result<NerTagger>& Default();

  // Moves only: a copy would silently duplicate megabytes of weights.
  NerTagger(NerTagger&&) = default;
  NerTagger& operator=(NerTagger&&) = default;
  NerTagger(const NerTagger&) = delete;
  NerTagger& operator=(const NerTagger&) = delete;

  // One IOB2 tag (dataset labels, e.g. "B-PER") per token. Tokens are
  // UTF-8 words of one sentence, tokenised like UD (don't -> do n't).
  std::vector<std::string> Tag(const std::vector<std::string>& tokens) const;
  // Tag() followed by the news rules (src/extract/ner_rules.h): adds WORK
  // (titles next to work nouns) and OTHER (named events and awards) chunks,
  // reads all-caps datelines and named facilities as LOC, and drops photo
  // credit cues. This is what the annotate path should use; Tag() alone is
  // what the UNER scores measure.
  std::vector<std::string> TagEntities(const std::vector<std::string>& tokens) const;
  // Same as Tag(), as label indices into labels().
  void TagIds(const std::vector<std::string>& tokens, std::vector<int>* out) const;

  // The model file bytes (header, labels, transitions, gazetteer,
  // non-zero rows, checksum); FromBytes(Serialize()) gives an identical tagger.
  std::string Serialize() const;
  const std::vector<std::string>& labels() const { return model_.labels; }
  const NerModel& model() const { return model_; }

 private:
  explicit NerTagger(NerModel model) : model_(std::move(model)) {}
  NerModel model_;
};

}  // namespace storyline

#endif  // STORYLINE_EXTRACT_NER_H_
