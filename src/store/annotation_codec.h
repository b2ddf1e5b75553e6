// annotation_codec.h: the compact binary form in which the store keeps an
// article's annotations (sentences, entity mentions, quotes, dates,
// quantities), so a brief reads them instead of annotating again.
//
//   std::string blob = EncodeAnnotation(annotated);           // store it
//   ...
//   Result<AnnotatedArticle> a = DecodeAnnotation(blob, article);
//   if (a.status().code() == StatusCode::kUnsupported) ...    // stale: re-annotate
//
// The blob holds the annotations only, not the article: the store keeps the
// article (text and metadata) in its own row, and decoding takes it back.
// Texts of mentions that are the article's own characters at their span
// (nearly all of them) are stored as a one-byte reference to that span.
//
// Format (version kAnnotationFormatVersion; all integers are LEB128 varints
// unless stated):
//   magic      4 bytes "SLAN"
//   format     varint: kAnnotationFormatVersion
//   annotator  varint: kAnnotatorVersion of the code that annotated
//   text hash  8 bytes little-endian: ContentHash(article.text) annotated
//   sections   sentences, entities, quotes, dates, quantities, in this
//              order; each a varint count then that many records
// Record fields, in struct order:
//   span       zigzag(start - previous record's end in this section), then
//              end - start: small for sorted, adjacent spans
//   string     varint v: 0 "", 1 the article's text at this record's span,
//              2 new: varint byte length, bytes; 3 new, a slice of the
//              article text: varint start, varint length in code points;
//              4 new, an ISO date "YYYY[-MM[-DD]]": varint
//              (year * 13 + month) * 32 + day, month and day 0 if absent;
//              v >= 5 string table entry v - 5. Each new string is appended
//              to the blob's string table (types, entity ids, cues, units,
//              speakers and date values repeat)
//   number     varint v: v & 3 < 3: the value is zigzag(v >> 2) / 10^(v & 3)
//              (exact, checked when encoding); v == 3: 8 bytes little-endian
//              IEEE-754 bits follow
//   bound      varint 0..3 (QuantityBound in declaration order)
// Nothing follows the last section. (Version 2 added Quote::speaker_owner,
// version 3 Quantity::thing.)
//
// Thread-safety: the functions are reentrant.
#ifndef STORYLINE_STORE_ANNOTATION_CODEC_H_
#define STORYLINE_STORE_ANNOTATION_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "storyline/annotation.h"
#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline::store_internal {

// The layout described above. Bump when it changes; older blobs are then
// reported stale (re-annotated), never misread.
inline constexpr uint32_t kAnnotationFormatVersion = 3;

// What a blob says about how and from what it was made.
struct AnnotationStamp {
  uint32_t format_version = 0;
  uint32_t annotator_version = 0;  // kAnnotatorVersion (extract/annotator_version.h)
  uint64_t text_hash = 0;          // ContentHash of the annotated text
};

// Encodes the annotations of `annotated` (not its article) stamped with the
// current format and annotator versions and the hash of annotated.article.text.
// REQUIRES: every span lies within the article text, start <= end (as
// Annotate guarantees); DecodeAnnotation rejects blobs that break this.
std::string EncodeAnnotation(const AnnotatedArticle& annotated);

// Reads the header of `blob` without decoding the rest. kCorruption when it
// is not an annotation blob or is cut short inside the header. Any version
// numbers are returned as found (compare them with the current ones).
Result<AnnotationStamp> ReadAnnotationStamp(std::string_view blob);

// Decodes `blob` into the annotations of `article` (moved into the result).
// `blob` is untrusted: every count and length is checked against the bytes
// left, and decoded strings may total at most 8x the text and blob bytes,
// so damaged input costs at most memory proportional to the two sizes.
// Failures (messages name the article id, the byte offset and the field):
//   kUnsupported  the blob is stale: written by another format version or
//                 annotator version, or for another text than article.text
//                 (the article changed). Re-annotate and store again.
//   kCorruption   the blob is damaged: bad magic, truncated, a length or
//                 count past the end, an unknown tag, a span outside the
//                 text, strings over the budget, bytes after the last
//                 section.
Result<AnnotatedArticle> DecodeAnnotation(std::string_view blob, Article article);

}  // namespace storyline::store_internal

#endif  // STORYLINE_STORE_ANNOTATION_CODEC_H_
