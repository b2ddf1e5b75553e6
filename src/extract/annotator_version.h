// annotator_version.h: the version of the language layer (Annotate), stamped
// on every annotation the store keeps (store/annotation_codec.h), so results
// made by older code or models are recognised as stale and refreshed.
//
//   if (stamp.annotator_version != storyline::kAnnotatorVersion) ...re-annotate
#ifndef STORYLINE_EXTRACT_ANNOTATOR_VERSION_H_
#define STORYLINE_EXTRACT_ANNOTATOR_VERSION_H_

#include <cstdint>

namespace storyline {

// Bump by one in the same commit as any change that can change what
// Annotate() returns for some article: the sentence splitter or tokenizer
// (src/text/), any annotator in src/extract/, a retrained model (models/ner.bin,
// models/clusters.tsv) or an edited word list (lexicons/*.txt) that an
// annotator reads. Changes that provably keep every output byte-identical
// (refactors, speed-ups) keep the number. A bump makes every stored
// annotation stale: the next ingest (or `storyline reindex`) annotates again.
// Never reuse or decrease a number.
inline constexpr uint32_t kAnnotatorVersion = 47;

}  // namespace storyline

#endif  // STORYLINE_EXTRACT_ANNOTATOR_VERSION_H_
