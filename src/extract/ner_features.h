// ner_features.h: hashed features and Viterbi decoding shared by the NER
// runtime (ner.cc) and its trainer (ner_train.cc). Private to src/extract.
#ifndef STORYLINE_EXTRACT_NER_FEATURES_H_
#define STORYLINE_EXTRACT_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/ner.h"

namespace storyline::ner {

// Every token gets exactly this many feature rows (one per template in
// ner_features.cc), so rows of token i are rows[i*kFeaturesPerToken ...].
inline constexpr size_t kFeaturesPerToken = 45;

// Gazetteer phrases are at most this many tokens: longer names are rare and
// every extra length costs one lookup per token.
inline constexpr size_t kMaxGazetteerTokens = 4;

// An open-addressing hash set of gazetteer keys (power-of-two size, 0 marks
// an empty slot): one probe per lookup on average, where a binary search over
// the sorted keys costs a dozen cache misses per token.
std::vector<uint64_t> GazetteerSlots(const std::vector<uint64_t>& keys);

using ClusterSlots = std::vector<std::pair<uint64_t, uint32_t>>;

// The hash of a word as cluster tables key it (FNV-1a of its bytes).
uint64_t ClusterKey(std::string_view word);

// A bit path ("0110", at most 16 characters) packed as (bits << 5) | length;
// 0 is "no cluster". Returns 0 for a path that is not 1-16 characters of 0/1.
uint32_t PackClusterPath(std::string_view path);

// Open-addressing table over (key, packed path) pairs, like GazetteerSlots.
// REQUIRES: keys.size() == paths.size().
ClusterSlots BuildClusterSlots(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& paths);

// The packed path of `word` in `clusters` (exact bytes), 0 when none.
uint32_t FindCluster(const ClusterSlots& clusters, std::string_view word);

// Appends, for every token, kFeaturesPerToken row indices into a table of
// 2^hash_bits rows, using gazetteer `slots` (GazetteerSlots) and word
// `clusters` (BuildClusterSlots; may be empty). `rows` is cleared first.
// REQUIRES: 1 <= hash_bits <= 30.
void FeatureRows(const std::vector<std::string>& tokens, uint32_t hash_bits,
                 const std::vector<uint64_t>& slots, const ClusterSlots& clusters,
                 std::vector<uint32_t>* rows);

// Entity types of IOB2 labels ("B-PER" -> "PER"), in label order; a type's
// position is its id in gazetteer keys.
std::vector<std::string> EntityTypes(const std::vector<std::string>& labels);

// Adds the keys for phrase tokens[begin, end) of type id `type` to `keys`
// (unsorted): one key for each prefix of the phrase (so lookups stop at the
// first token no name continues with), one for the phrase and type.
void AddGazetteerEntry(const std::vector<std::string>& tokens, size_t begin, size_t end,
                       size_t type, std::vector<uint64_t>* keys);

// Scratch buffers for Decode, reused across sentences to avoid allocation.
struct DecodeScratch {
  std::vector<float> emission;
  std::vector<float> score;
  std::vector<int> back;
};

// First-order Viterbi over model labels for `n` tokens whose feature rows are
// rows[0 .. n*kFeaturesPerToken). Writes n label indices to `out`.
void Decode(const NerModel& model, const uint32_t* rows, size_t n,
            DecodeScratch* scratch, std::vector<int>* out);

// allowed[(prev + 1) * L + cur] for IOB2 label names (see NerModel).
std::vector<uint8_t> AllowedTransitions(const std::vector<std::string>& labels);

}  // namespace storyline::ner

#endif  // STORYLINE_EXTRACT_NER_FEATURES_H_
