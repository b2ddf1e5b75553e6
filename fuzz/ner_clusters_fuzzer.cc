// Fuzzes ParseWordClustersTsv (the word-cluster table format read by
// train_ner and embedded in the NER model). Properties: no crash; a table
// that parses has paths of '0'/'1' no deeper than kMaxClusterDepth and
// non-empty words, and survives a round trip through WordClustersTsv
// unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/ner_clusters.h"

namespace {

// 256 KiB: thousands of table lines; longer inputs only repeat line states.
constexpr size_t kMaxInputBytes = 256 * 1024;

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const storyline::Result<storyline::WordClusters> parsed = storyline::ParseWordClustersTsv(in);
  if (!parsed.ok()) return 0;
  for (const storyline::WordCluster& c : *parsed) {
    Check(!c.word.empty());
    Check(c.path.size() <= static_cast<size_t>(storyline::kMaxClusterDepth));
    for (char bit : c.path) Check(bit == '0' || bit == '1');
  }
  const storyline::Result<storyline::WordClusters> again =
      storyline::ParseWordClustersTsv(storyline::WordClustersTsv(*parsed));
  Check(again.ok());
  Check(again->size() == parsed->size());
  for (size_t i = 0; i < parsed->size(); ++i) {
    Check((*again)[i].word == (*parsed)[i].word && (*again)[i].path == (*parsed)[i].path &&
          (*again)[i].count == (*parsed)[i].count);
  }
  return 0;
}
