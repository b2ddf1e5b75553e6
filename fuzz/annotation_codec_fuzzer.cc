// Fuzzes the store's annotation codec (store/annotation_codec.h). The first
// byte picks a mode:
//   even  the rest is an article text: Annotate it, encode, decode; the
//         decoded annotation must encode to the same bytes, and cut blobs
//         must be rejected as corruption. Only valid UTF-8 is annotated:
//         an Article's text always is (ingest repairs the rest), and on a
//         stray continuation byte the sentence splitter counts one code
//         point more than CodePointLength, so its spans would not decode;
//   odd   bytes 1-2 (little-endian) are a text length n, then n bytes of
//         text, then untrusted blob bytes, decoded twice: as they are (the
//         header parser) and behind a valid header for that text (the body
//         parser, which a fuzzer could not reach by guessing a hash).
// Properties: no crash, no oversized allocation (ASan); every failure is
// kCorruption or (stale header) kUnsupported; a decoded annotation's spans
// lie within the text, and it re-encodes to a blob that decodes to the same
// bytes again (a canonical fixed point); the same bytes decode the same
// twice.
//
// Seeds: fuzz/corpus/annotation_codec_fuzzer/text_*.txt are short news texts
// (mode '0'); blob_*.bin are odd-mode inputs made from them: run the replay
// binary with STORYLINE_FUZZ_WRITE_SEEDS=DIR on the text seeds and it writes
// one blob seed per text into DIR.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include <unicode/utf8.h>

#include "extract/annotator_version.h"
#include "store/annotation_codec.h"
#include "storyline/annotation.h"

namespace {

using storyline::AnnotatedArticle;
using storyline::Result;
using storyline::StatusCode;
using storyline::store_internal::DecodeAnnotation;
using storyline::store_internal::EncodeAnnotation;

// 8 KiB of text: a long news article; Annotate (the NER tagger) dominates
// the time per input, and longer texts only repeat the same codec paths.
constexpr size_t kMaxTextBytes = 8 * 1024;
// 64 KiB of blob: far more records than any article has.
constexpr size_t kMaxInputBytes = 64 * 1024;
// Header bytes of a blob: "SLAN", two one-byte varints, 8-byte hash.
constexpr size_t kHeaderBytes = 14;
static_assert(storyline::store_internal::kAnnotationFormatVersion < 0x80 && storyline::kAnnotatorVersion < 0x80,
              "Header() writes the versions as one-byte varints");

void Check(bool ok) {
  if (!ok) std::abort();
}

std::string Header(const std::string& text) {
  std::string h = "SLAN";
  h.push_back(static_cast<char>(storyline::store_internal::kAnnotationFormatVersion));
  h.push_back(static_cast<char>(storyline::kAnnotatorVersion));
  const uint64_t hash = storyline::ContentHash(text);
  for (int i = 0; i < 8; ++i) h.push_back(static_cast<char>((hash >> (8 * i)) & 0xFF));
  return h;
}

void CheckSpans(const AnnotatedArticle& a) {
  const size_t n = storyline::CodePointLength(a.article.text);
  const auto ok = [n](const storyline::Span& s) { return s.start <= s.end && s.end <= n; };
  for (const storyline::Span& s : a.sentences) Check(ok(s));
  for (const auto& m : a.entities) Check(ok(m.span));
  for (const auto& q : a.quotes) Check(ok(q.span));
  for (const auto& d : a.dates) Check(ok(d.span));
  for (const auto& q : a.quantities) Check(ok(q.span));
}

// Decodes `blob`; on success checks the properties above.
void DecodeAndCheck(std::string_view blob, const storyline::Article& article) {
  Result<AnnotatedArticle> first = DecodeAnnotation(blob, article);
  Result<AnnotatedArticle> second = DecodeAnnotation(blob, article);
  Check(first.ok() == second.ok());
  if (!first.ok()) {
    const StatusCode code = first.status().code();
    Check(code == StatusCode::kCorruption || code == StatusCode::kUnsupported);
    Check(first.status().message() == second.status().message());
    return;
  }
  CheckSpans(*first);
  const std::string canonical = EncodeAnnotation(*first);
  Check(EncodeAnnotation(*second) == canonical);
  Result<AnnotatedArticle> again = DecodeAnnotation(canonical, article);
  Check(again.ok());
  Check(EncodeAnnotation(*again) == canonical);
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

void TextMode(std::string_view rest) {
  if (rest.size() > kMaxTextBytes || !IsValidUtf8(rest)) return;
  storyline::Article article;
  article.id = "fuzz";
  article.text = std::string(rest);
  const AnnotatedArticle fresh = storyline::Annotate(article, {});
  const std::string blob = EncodeAnnotation(fresh);
  Result<AnnotatedArticle> back = DecodeAnnotation(blob, article);
  Check(back.ok());
  Check(EncodeAnnotation(*back) == blob);
  Check(back->sentences.size() == fresh.sentences.size() && back->entities.size() == fresh.entities.size() &&
        back->quotes.size() == fresh.quotes.size() && back->dates.size() == fresh.dates.size() &&
        back->quantities.size() == fresh.quantities.size());
  for (size_t cut : {size_t{0}, blob.size() / 2, blob.size() - 1}) {
    Result<AnnotatedArticle> r = DecodeAnnotation(std::string_view(blob).substr(0, cut), article);
    Check(!r.ok() && r.status().code() == StatusCode::kCorruption);
  }
  if (const char* dir = std::getenv("STORYLINE_FUZZ_WRITE_SEEDS")) {
    const uint64_t n = article.text.size();
    std::string seed = {'\x01', static_cast<char>(n & 0xFF), static_cast<char>(n >> 8)};
    seed += article.text;
    seed += blob.substr(kHeaderBytes);
    std::ofstream(std::string(dir) + "/blob_" + std::to_string(storyline::ContentHash(seed) % 100000) + ".bin",
                  std::ios::binary)
        << seed;
  }
}

void BlobMode(std::string_view rest) {
  if (rest.size() < 2) return;
  const size_t n = std::min<size_t>(static_cast<uint8_t>(rest[0]) | static_cast<uint8_t>(rest[1]) << 8,
                                    rest.size() - 2);
  storyline::Article article;
  article.id = "fuzz";
  article.text = std::string(rest.substr(2, n));
  const std::string_view body = rest.substr(2 + n);
  DecodeAndCheck(body, article);
  DecodeAndCheck(Header(article.text) + std::string(body), article);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > kMaxInputBytes) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  if (data[0] % 2 == 0) {
    TextMode(in.substr(1));
  } else {
    BlobMode(in.substr(1));
  }
  return 0;
}
