// Tests the store's annotation codec (store/annotation_codec.h, internal to
// the store: there is no public way in yet): exact round trips of real
// articles' annotations, the same brief from decoded annotations as from
// fresh ones, hostile and truncated blobs rejected as corruption, and blobs
// from other versions or texts reported as stale.

#include "store/annotation_codec.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "extract/annotator_version.h"
#include "storyline/annotation.h"
#include "storyline/brief.h"
#include "storyline/clean.h"
#include "storyline/ingest.h"
#include "storyline/render.h"
#include "storyline/reporter.h"

namespace storyline::store_internal {
namespace {

using std::string_literals::operator""s;

const std::string kExamples = std::string(STORYLINE_SOURCE_DIR) + "/examples";
const std::string kSeeds = std::string(STORYLINE_SOURCE_DIR) + "/../shared/seeds";
const std::string kExtractionPages =
    std::string(STORYLINE_SOURCE_DIR) + "/../shared/data/article-extraction/html";

// Every article under `path`, cleaned and annotated as an ingest would.
std::vector<AnnotatedArticle> AnnotatePath(const std::string& path) {
  std::vector<Article> articles;
  CountingReporter reporter(nullptr);
  const Status s = ReadPath(path, {}, reporter, [&](Document&& d) {
    Result<Article> a = CleanDocument(d, {});
    if (a.ok()) articles.push_back(std::move(*a));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return AnnotateMany(articles, {});
}

// Bitwise, so NaN, -0.0 and every last digit count.
bool SameDouble(double a, double b) { return std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b); }

std::string SpanText(const Span& s) { return "[" + std::to_string(s.start) + "," + std::to_string(s.end) + ")"; }

// Field-by-field equality of two annotations, naming the first difference.
::testing::AssertionResult SameAnnotation(const AnnotatedArticle& a, const AnnotatedArticle& b) {
  auto fail = [&](const std::string& where) {
    return ::testing::AssertionFailure() << a.article.id << ": differs at " << where;
  };
  auto span_eq = [](const Span& x, const Span& y) { return x.start == y.start && x.end == y.end; };
  if (a.article.text != b.article.text || a.article.id != b.article.id) return fail("article");
  if (a.sentences.size() != b.sentences.size()) return fail("sentences count");
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    if (!span_eq(a.sentences[i], b.sentences[i])) return fail("sentences[" + std::to_string(i) + "]");
  }
  if (a.entities.size() != b.entities.size()) return fail("entities count");
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const EntityMention& x = a.entities[i];
    const EntityMention& y = b.entities[i];
    if (!span_eq(x.span, y.span) || x.text != y.text || x.type != y.type || x.entity != y.entity) {
      return fail("entities[" + std::to_string(i) + "] " + SpanText(x.span) + " '" + x.text + "'");
    }
  }
  if (a.quotes.size() != b.quotes.size()) return fail("quotes count");
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const Quote& x = a.quotes[i];
    const Quote& y = b.quotes[i];
    if (!span_eq(x.span, y.span) || x.text != y.text || x.speaker_name != y.speaker_name ||
        x.speaker != y.speaker || x.speaker_owner != y.speaker_owner || x.cue != y.cue || x.kind != y.kind ||
        x.medium != y.medium) {
      return fail("quotes[" + std::to_string(i) + "] " + SpanText(x.span));
    }
  }
  if (a.dates.size() != b.dates.size()) return fail("dates count");
  for (size_t i = 0; i < a.dates.size(); ++i) {
    const DateMention& x = a.dates[i];
    const DateMention& y = b.dates[i];
    if (!span_eq(x.span, y.span) || x.text != y.text || x.value != y.value) {
      return fail("dates[" + std::to_string(i) + "] " + SpanText(x.span));
    }
  }
  if (a.quantities.size() != b.quantities.size()) return fail("quantities count");
  for (size_t i = 0; i < a.quantities.size(); ++i) {
    const Quantity& x = a.quantities[i];
    const Quantity& y = b.quantities[i];
    if (!span_eq(x.span, y.span) || x.text != y.text || !SameDouble(x.value, y.value) ||
        x.unit != y.unit || x.subject != y.subject || !SameDouble(x.high, y.high) ||
        x.measure != y.measure || x.bound != y.bound || x.thing != y.thing) {
      return fail("quantities[" + std::to_string(i) + "] " + SpanText(x.span) + " '" + x.text + "'");
    }
  }
  return ::testing::AssertionSuccess();
}

// Encodes, decodes against the same article, and checks equality and that
// the decoded annotation encodes to the same bytes.
void ExpectRoundTrip(const AnnotatedArticle& a) {
  const std::string blob = EncodeAnnotation(a);
  Result<AnnotatedArticle> back = DecodeAnnotation(blob, a.article);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(SameAnnotation(a, *back));
  EXPECT_EQ(EncodeAnnotation(*back), blob) << a.article.id;
}

std::string BriefJson(const std::vector<AnnotatedArticle>& articles) {
  return RenderBrief(BuildBrief(articles, {}), BriefFormat::kJson);
}

// Decodes every annotation of `articles` from its blob.
std::vector<AnnotatedArticle> ThroughCodec(const std::vector<AnnotatedArticle>& articles) {
  std::vector<AnnotatedArticle> out;
  for (const AnnotatedArticle& a : articles) {
    Result<AnnotatedArticle> back = DecodeAnnotation(EncodeAnnotation(a), a.article);
    EXPECT_TRUE(back.ok()) << back.status().ToString();
    if (back.ok()) out.push_back(std::move(*back));
  }
  return out;
}

TEST(AnnotationCodecTest, ExamplesRoundTripExactly) {
  const std::vector<AnnotatedArticle> articles = AnnotatePath(kExamples);
  ASSERT_GE(articles.size(), 8u);
  size_t text_bytes = 0;
  size_t blob_bytes = 0;
  size_t quotes = 0;
  size_t quantities = 0;
  for (const AnnotatedArticle& a : articles) {
    ExpectRoundTrip(a);
    text_bytes += a.article.text.size();
    blob_bytes += EncodeAnnotation(a).size();
    quotes += a.quotes.size();
    quantities += a.quantities.size();
  }
  // The examples exercise every section, so the round trip covers each.
  EXPECT_GT(quotes, 0u);
  EXPECT_GT(quantities, 0u);
  // Well below the text itself: annotations are mostly references into it
  // (30.6 % on these dense examples, 14.4 % on the extraction pages).
  EXPECT_LT(blob_bytes * 5, text_bytes * 2) << blob_bytes << " blob bytes for " << text_bytes << " text bytes";
}

TEST(AnnotationCodecTest, SeedsRoundTripExactly) {
  if (!std::filesystem::exists(kSeeds)) GTEST_SKIP() << kSeeds << " not present";
  const std::vector<AnnotatedArticle> articles = AnnotatePath(kSeeds);
  ASSERT_EQ(articles.size(), 4u);
  for (const AnnotatedArticle& a : articles) ExpectRoundTrip(a);
}

TEST(AnnotationCodecTest, ExtractionBenchmarkPagesRoundTripExactly) {
  if (!std::filesystem::exists(kExtractionPages)) GTEST_SKIP() << kExtractionPages << " not present";
  const std::vector<AnnotatedArticle> articles = AnnotatePath(kExtractionPages);
  ASSERT_GT(articles.size(), 100u);
  for (const AnnotatedArticle& a : articles) ExpectRoundTrip(a);
}

TEST(AnnotationCodecTest, BriefFromDecodedAnnotationsIsTheSame) {
  for (const std::string& path : {kExamples, kSeeds}) {
    if (!std::filesystem::exists(path)) continue;
    const std::vector<AnnotatedArticle> fresh = AnnotatePath(path);
    const std::vector<AnnotatedArticle> decoded = ThroughCodec(fresh);
    ASSERT_EQ(decoded.size(), fresh.size());
    EXPECT_EQ(BriefJson(decoded), BriefJson(fresh)) << path;
  }
}

// An annotation no annotator would make, with every odd value a field can hold.
AnnotatedArticle OddValues() {
  AnnotatedArticle a;
  a.article.id = "odd";
  a.article.text = "Zoë said «ça va» on 2024-03-01; 12.5% of €1.99 — 日本語 ok.";
  const size_t n = CodePointLength(a.article.text);
  a.sentences = {{0, n}, {0, 0}, {n, n}, {3, 2 + 1}};
  a.entities = {{{0, 3}, "Zoë", "PERSON", "e1"},
                {{0, 3}, "not the span text", "", "e1"},
                {{n - 7, n - 4}, "日本語", "PLACE", "e2"},
                {{0, 0}, "", "", ""}};
  a.quotes = {{{10, 16}, "ça va", "Zoë", "e1", "said", "direct", ""},
              {{0, n}, "x", "y", "z", "w", "v", "instagram"}};
  a.dates = {{{20, 30}, "2024-03-01", "2024-03-01"}, {{20, 30}, "2024-03-01", "P3D"},
             {{20, 27}, "2024-03", "2024-13"},      {{20, 24}, "2024", "0000"},
             {{20, 24}, "2024", "9999-12-31"},      {{20, 24}, "2024", "2024-02-30"},
             {{20, 24}, "2024", "2024-03-1"},       {{20, 24}, "2024", "2024-03-01"}};
  const double kOdd[] = {0.0,
                         -0.0,
                         12.5,
                         1.99,
                         0.1,
                         -3,
                         1e300,
                         -1e-300,
                         9007199254740993.0,
                         std::numeric_limits<double>::infinity(),
                         std::numeric_limits<double>::quiet_NaN(),
                         std::numeric_limits<double>::denorm_min()};
  const QuantityBound kBounds[] = {QuantityBound::kExact, QuantityBound::kApprox, QuantityBound::kAtLeast,
                                   QuantityBound::kAtMost};
  for (size_t i = 0; i < std::size(kOdd); ++i) {
    Quantity q;
    q.span = {32, 37};
    q.text = i % 2 == 0 ? "12.5%" : "twelve";
    q.value = kOdd[i];
    q.high = kOdd[std::size(kOdd) - 1 - i];
    q.unit = "percent";
    q.subject = i % 3 == 0 ? "e2" : "";
    q.measure = "share of 日本語";
    q.bound = kBounds[i % 4];
    q.thing = i % 2 == 0 ? "" : "restoration appeal";
    a.quantities.push_back(q);
  }
  return a;
}

TEST(AnnotationCodecTest, OddValuesRoundTripExactly) {
  ExpectRoundTrip(OddValues());
  AnnotatedArticle empty;
  empty.article.id = "empty";
  ExpectRoundTrip(empty);
}

TEST(AnnotationCodecTest, EveryTruncationIsCorruption) {
  std::vector<AnnotatedArticle> articles = AnnotatePath(kExamples);
  articles.push_back(OddValues());
  for (const AnnotatedArticle& a : articles) {
    const std::string blob = EncodeAnnotation(a);
    for (size_t len = 0; len < blob.size(); ++len) {
      Result<AnnotatedArticle> r = DecodeAnnotation(std::string_view(blob).substr(0, len), a.article);
      ASSERT_FALSE(r.ok()) << a.article.id << " cut at " << len;
      ASSERT_EQ(r.status().code(), StatusCode::kCorruption) << r.status().ToString();
    }
  }
}

// The header a valid blob for `text` starts with.
std::string Header(const std::string& text, uint64_t format = kAnnotationFormatVersion,
                   uint64_t annotator = kAnnotatorVersion) {
  std::string h = "SLAN";
  h.push_back(static_cast<char>(format));
  h.push_back(static_cast<char>(annotator));
  const uint64_t hash = ContentHash(text);
  for (int i = 0; i < 8; ++i) h.push_back(static_cast<char>((hash >> (8 * i)) & 0xFF));
  return h;
}

TEST(AnnotationCodecTest, OtherVersionsAndTextsAreStale) {
  const AnnotatedArticle a = OddValues();
  ASSERT_LT(kAnnotationFormatVersion, 0x7Fu);  // Header() writes one-byte varints
  ASSERT_LT(kAnnotatorVersion, 0x7Fu);
  const std::string blob = EncodeAnnotation(a);
  ASSERT_EQ(blob.substr(0, 14), Header(a.article.text));
  const std::string body = blob.substr(14);

  struct Row {
    const char* name;
    std::string blob;
    std::string text;
    const char* message;
  };
  const Row rows[] = {
      {"older annotator", Header(a.article.text, kAnnotationFormatVersion, kAnnotatorVersion + 1) + body,
       a.article.text, "annotator version"},
      {"newer format", Header(a.article.text, kAnnotationFormatVersion + 1) + body, a.article.text,
       "format version"},
      {"newer format, other header", "SLAN" + std::string(1, static_cast<char>(kAnnotationFormatVersion + 1)),
       a.article.text, "format version"},
      {"changed text", blob, a.article.text + " Updated.", "another text"},
  };
  for (const Row& row : rows) {
    Article article = a.article;
    article.text = row.text;
    Result<AnnotatedArticle> r = DecodeAnnotation(row.blob, article);
    ASSERT_FALSE(r.ok()) << row.name;
    EXPECT_EQ(r.status().code(), StatusCode::kUnsupported) << row.name << ": " << r.status().ToString();
    EXPECT_NE(r.status().message().find(row.message), std::string::npos) << r.status().ToString();
    EXPECT_NE(r.status().message().find("odd: stored annotation is stale"), std::string::npos)
        << r.status().ToString();
  }

  Result<AnnotationStamp> stamp = ReadAnnotationStamp(rows[0].blob);
  ASSERT_TRUE(stamp.ok()) << stamp.status().ToString();
  EXPECT_EQ(stamp->format_version, kAnnotationFormatVersion);
  EXPECT_EQ(stamp->annotator_version, kAnnotatorVersion + 1);
  EXPECT_EQ(stamp->text_hash, ContentHash(a.article.text));
}

TEST(AnnotationCodecTest, DamagedBlobsAreCorruptionNamingThePlace) {
  const std::string text = "Ann met Bob.";  // 12 code points
  const std::string h = Header(text);
  const std::string empty_sections(5, '\0');
  struct Row {
    const char* name;
    std::string blob;
    const char* message;
  };
  const Row rows[] = {
      {"empty", "", "byte 0, header magic: truncated"},
      {"bad magic", "JSON{}", "bad magic"},
      {"stray byte", h + empty_sections + "x", "end: 1 stray bytes"},
      {"huge count", h + "\xff\xff\xff\xff\x0f", "sentences count: 4294967295 records cannot fit"},
      {"span past text", h + "\x01\x00\x0d"s + std::string(4, '\0'), "sentences[0].span: span [0, 13) outside"},
      {"wrapping length", h + "\x01\x02" + std::string(9, '\xff') + "\x01" + std::string(4, '\0'),
       "span [1, 0) outside"},
      {"string past end", h + "\x00\x01\x00\x02\x02\x7f"s + "abcd", "entities[0].text: string of 127 bytes, only 4 left"},
      {"unknown table entry", h + "\x00\x01\x00\x02\x05\x00\x00"s + std::string(3, '\0'),
       "entities[0].text: string table entry 0 of 0"},
      {"slice past text", h + "\x00\x01\x00\x02\x03\x0a\x05"s + std::string(3, '\0'),
       "entities[0].text: text slice at 10 of 5 code points outside"},
      {"day without month", h + "\x00\x01\x00\x02\x00\x04\x01"s + std::string(3, '\0'),
       "entities[0].type: packed date 1 is no date"},
      {"unknown bound", h + std::string(4, '\0') + "\x01\x00\x02"s + "\x00\x00\x00\x00\x00\x00\x09"s,
       "quantities[0].bound: unknown bound 9"},
      {"raw number stray bits", h + std::string(4, '\0') + "\x01\x00\x02\x00\x07"s + std::string(16, '\0'),
       "quantities[0].value: raw number tag with stray bits 7"},
      {"overlong varint", h + std::string(10, '\xff') + "\x01", "sentences count: varint overflows"},
      {"annotator varint too wide",
       "SLAN" + std::string(1, static_cast<char>(kAnnotationFormatVersion)) + "\xff\xff\xff\xff\x7f",
       "exceeds 32 bits"},
  };
  Article article;
  article.id = "a1";
  article.text = text;
  for (const Row& row : rows) {
    Result<AnnotatedArticle> r = DecodeAnnotation(row.blob, article);
    ASSERT_FALSE(r.ok()) << row.name;
    EXPECT_EQ(r.status().code(), StatusCode::kCorruption) << row.name << ": " << r.status().ToString();
    EXPECT_NE(r.status().message().find(row.message), std::string::npos)
        << row.name << ": " << r.status().ToString();
    EXPECT_EQ(r.status().message().rfind("a1: stored annotation, byte ", 0), 0u) << r.status().ToString();
  }
  // The same header with five empty sections is a valid, empty annotation.
  Result<AnnotatedArticle> ok = DecodeAnnotation(h + empty_sections, article);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_TRUE(ok->sentences.empty());
}

TEST(AnnotationCodecTest, RepeatedLongStringsAreRefusedNotAllocated) {
  Article article;
  article.id = "long";
  article.text = std::string(1000, 'a');
  // 100 entities whose text is the whole 1,000-byte article, 7 bytes each
  // (span back to 0: zigzag(-1000) = 1999): 100 KB of strings from a
  // 718-byte blob, past the 8x budget.
  std::string blob = Header(article.text) + "\x00\x64"s + "\x00\xe8\x07\x01\x00\x00"s;
  for (int i = 1; i < 100; ++i) blob += "\xcf\x0f\xe8\x07\x01\x00\x00"s;
  blob += std::string(3, '\0');
  Result<AnnotatedArticle> r = DecodeAnnotation(blob, article);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_NE(r.status().message().find("decoded strings exceed 8x"), std::string::npos) << r.status().ToString();
}

}  // namespace
}  // namespace storyline::store_internal
