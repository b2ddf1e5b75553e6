#include "store/annotation_codec.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/annotator_version.h"
#include "extract/quotes.h"

namespace storyline::store_internal {
namespace {

constexpr std::string_view kMagic = "SLAN";

// String references (see the header comment).
constexpr uint64_t kStringEmpty = 0;
constexpr uint64_t kStringSpanText = 1;
constexpr uint64_t kStringNew = 2;
constexpr uint64_t kStringSlice = 3;
constexpr uint64_t kStringIsoDate = 4;
constexpr uint64_t kStringTableBase = 5;

// ISO dates pack as ((year * kMonths + month) * kDays + day), month and day
// 0 when absent: "2022-11-28" takes 3 bytes instead of 11.
constexpr uint64_t kMonths = 13;
constexpr uint64_t kDays = 32;
constexpr uint64_t kMaxYear = 9999;
// Shorter strings are written out (see Encoder::String).
constexpr size_t kMinSliceBytes = 6;

// Numbers: value = mantissa / 10^scale for scale 0..2 (prices "1.99",
// shares "12.5", ages and counts need no more), else raw IEEE bits.
constexpr uint64_t kNumberRawTag = 3;
constexpr double kPow10[] = {1, 10, 100};
// Beyond 2^53 not every integer is a double: the mantissa would not be exact.
constexpr double kMaxExactMantissa = 9007199254740992.0;

// Smallest encoded size of one record of each section (one byte per span
// half, per string reference, per number, per bound): a count larger than
// the remaining bytes allow is corruption, caught before any allocation.
constexpr size_t kMinSentenceBytes = 2;
constexpr size_t kMinEntityBytes = 5;
constexpr size_t kMinQuoteBytes = 9;
constexpr size_t kMinDateBytes = 5;
constexpr size_t kMinQuantityBytes = 9;

// Decoded strings may total at most this many times the text and blob
// bytes. Real annotations stay at or under 1x (mentions and quotes cover the
// text about once; measured on the examples, seeds and extraction pages),
// while a damaged blob could otherwise repeat a one-byte reference to a
// long span millions of times.
constexpr size_t kMaxStringExpansion = 8;

// A varint of a 64-bit value takes at most 10 bytes (7 bits each).
constexpr int kMaxVarintBytes = 10;

uint64_t ZigZag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offsets of code points in a UTF-8 text, for spans visited roughly in
// order: each lookup walks from the previous one (or from the start when
// that is nearer). Code point k starts where CodePointLength counts k lead
// bytes before it. Borrows `text`, which must outlive the cursor.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}
  // Byte offset of code point `cp`, or npos past the end of the text.
  size_t ByteAt(size_t cp);
  // Code point at byte offset `byte`. REQUIRES: `byte` starts a code point
  // (or is the text's size).
  size_t CodePointAt(size_t byte);

 private:
  std::string_view text_;
  size_t cp_ = 0;
  size_t byte_ = 0;
};

size_t CodePointCursor::ByteAt(size_t cp) {
  if (cp < cp_ && cp < cp_ - cp) {  // nearer the start than the current position
    cp_ = 0;
    byte_ = 0;
  }
  while (cp_ > cp) {
    --byte_;
    while (byte_ > 0 && IsContinuation(text_[byte_])) --byte_;
    --cp_;
  }
  while (cp_ < cp) {
    if (byte_ >= text_.size()) return std::string_view::npos;
    ++byte_;
    while (byte_ < text_.size() && IsContinuation(text_[byte_])) ++byte_;
    ++cp_;
  }
  return byte_;
}

size_t CodePointCursor::CodePointAt(size_t byte) {
  if (byte < byte_ && byte < byte_ - byte) {
    cp_ = 0;
    byte_ = 0;
  }
  while (byte_ > byte) {
    --byte_;
    while (byte_ > 0 && IsContinuation(text_[byte_])) --byte_;
    --cp_;
  }
  while (byte_ < byte) {
    ++byte_;
    while (byte_ < text_.size() && IsContinuation(text_[byte_])) ++byte_;
    ++cp_;
  }
  return cp_;
}

size_t VarintSize(uint64_t v) {
  size_t n = 1;
  for (; v >= 0x80; v >>= 7) ++n;
  return n;
}

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

unsigned Number2(std::string_view s) { return static_cast<unsigned>((s[0] - '0') * 10 + (s[1] - '0')); }

// The packed form of "YYYY", "YYYY-MM" or "YYYY-MM-DD" (exactly those
// spellings, month 01-12, day 01-31), or nullopt.
std::optional<uint64_t> PackIsoDate(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  if (!IsDigits(s.substr(0, 4))) return std::nullopt;
  const uint64_t year = Number2(s.substr(0, 2)) * 100 + Number2(s.substr(2, 2));
  uint64_t month = 0;
  uint64_t day = 0;
  if (s.size() >= 7) {
    if (s[4] != '-' || !IsDigits(s.substr(5, 2))) return std::nullopt;
    month = Number2(s.substr(5, 2));
    if (month < 1 || month > 12) return std::nullopt;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !IsDigits(s.substr(8, 2))) return std::nullopt;
    day = Number2(s.substr(8, 2));
    if (day < 1 || day >= kDays) return std::nullopt;
  }
  return (year * kMonths + month) * kDays + day;
}

// The spelling PackIsoDate packed, or nullopt for a number it never makes.
std::optional<std::string> UnpackIsoDate(uint64_t packed) {
  const uint64_t day = packed % kDays;
  const uint64_t month = packed / kDays % kMonths;
  const uint64_t year = packed / kDays / kMonths;
  if (year > kMaxYear || (day > 0 && month == 0)) return std::nullopt;
  std::string out(4, '0');
  for (size_t i = 0, y = year; i < 4; ++i, y /= 10) out[3 - i] = static_cast<char>('0' + y % 10);
  const auto two = [&out](uint64_t v) {
    out += '-';
    out += static_cast<char>('0' + v / 10);
    out += static_cast<char>('0' + v % 10);
  };
  if (month > 0) two(month);
  if (day > 0) two(day);
  return out;
}

// ---------------------------------------------------------------- encoding

class Encoder {
 public:
  explicit Encoder(const std::string& text) : text_(text), cursor_(text) {}
  void Varint(uint64_t v);
  void Fixed64(uint64_t v);
  // Starts a record: writes its span.
  void RecordSpan(const Span& span);
  std::optional<std::string_view> SpanText();
  void String(const std::string& s);
  void Literal(std::string_view s);
  void Number(double x);
  void NewSection(size_t count);
  std::string Finish() { return std::move(out_); }
  std::string& out() { return out_; }

 private:
  std::string_view text_;
  CodePointCursor cursor_;
  std::string out_;
  size_t prev_end_ = 0;
  Span span_;  // the current record's
  // The text at span_, found on first use (records without strings, like
  // sentences, never need it); nullopt when the span is not in the text.
  std::optional<std::string_view> span_text_;
  bool span_text_known_ = false;
  // Strings already written, by their position in the blob's string table.
  // Keys view the annotation being encoded, which outlives the encoder.
  std::unordered_map<std::string_view, uint64_t> table_;
};

void Encoder::Varint(uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<char>(v));
}

void Encoder::Fixed64(uint64_t v) {
  for (size_t i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void Encoder::NewSection(size_t count) {
  Varint(count);
  prev_end_ = 0;
}

void Encoder::RecordSpan(const Span& span) {
  const auto& [start, end] = span;  // a new Span field fails here: encode it
  Varint(ZigZag(static_cast<int64_t>(start - prev_end_)));
  Varint(end - start);
  prev_end_ = end;
  span_ = span;
  span_text_known_ = false;
}

std::optional<std::string_view> Encoder::SpanText() {
  if (!span_text_known_) {
    span_text_known_ = true;
    span_text_.reset();
    if (span_.start > span_.end) return span_text_;
    const size_t b0 = cursor_.ByteAt(span_.start);
    const size_t b1 = b0 == std::string_view::npos ? b0 : cursor_.ByteAt(span_.end);
    if (b1 != std::string_view::npos) span_text_ = text_.substr(b0, b1 - b0);
  }
  return span_text_;
}

void Encoder::String(const std::string& s) {
  if (s.empty()) return Varint(kStringEmpty);
  if (SpanText() == s) return Varint(kStringSpanText);
  const auto [it, inserted] = table_.try_emplace(s, table_.size());
  if (!inserted) return Varint(kStringTableBase + it->second);
  if (const std::optional<uint64_t> date = PackIsoDate(s)) {
    Varint(kStringIsoDate);
    return Varint(*date);
  }
  // A name or phrase the text contains (a speaker's name, a measure) is
  // cheaper as a reference to its first occurrence: from kMinSliceBytes on
  // (a slice takes at least 3 bytes, usually 4), the search is worth it.
  if (s.size() < kMinSliceBytes) return Literal(s);
  const size_t at = text_.find(s);
  const size_t after = at + s.size();
  if (at != std::string_view::npos && !IsContinuation(s.front()) &&
      (after == text_.size() || !IsContinuation(text_[after]))) {
    const size_t start = cursor_.CodePointAt(at);
    const size_t length = cursor_.CodePointAt(after) - start;
    if (VarintSize(start) + VarintSize(length) < VarintSize(s.size()) + s.size()) {
      Varint(kStringSlice);
      Varint(start);
      return Varint(length);
    }
  }
  Literal(s);
}

void Encoder::Literal(std::string_view s) {
  Varint(kStringNew);
  Varint(s.size());
  out_.append(s);
}

void Encoder::Number(double x) {
  const uint64_t bits = std::bit_cast<uint64_t>(x);
  for (uint64_t scale = 0; scale < kNumberRawTag; ++scale) {
    const double scaled = std::round(x * kPow10[scale]);
    if (!(std::fabs(scaled) <= kMaxExactMantissa)) break;  // also NaN, inf
    const int64_t mantissa = static_cast<int64_t>(scaled);
    if (std::bit_cast<uint64_t>(static_cast<double>(mantissa) / kPow10[scale]) == bits) {
      return Varint(ZigZag(mantissa) << 2 | scale);
    }
  }
  Varint(kNumberRawTag);
  Fixed64(bits);
}

// Each Encode* names every field of its struct with a structured binding, so
// a field added to annotation.h stops the build here until it is encoded
// (and kAnnotationFormatVersion bumped).
void EncodeEntity(const EntityMention& m, Encoder& e) {
  const auto& [span, text, type, entity] = m;
  e.RecordSpan(span);
  e.String(text);
  e.String(type);
  e.String(entity);
}

void EncodeQuote(const Quote& q, Encoder& e) {
  const auto& [span, text, speaker_name, speaker, cue, kind, medium, speaker_owner] = q;
  e.RecordSpan(span);
  e.String(text);
  e.String(speaker_name);
  e.String(speaker);
  e.String(cue);
  e.String(kind);
  e.String(medium);
  e.String(speaker_owner);
}

void EncodeDate(const DateMention& d, Encoder& e) {
  const auto& [span, text, value] = d;
  e.RecordSpan(span);
  e.String(text);
  e.String(value);
}

void EncodeQuantity(const Quantity& q, Encoder& e) {
  const auto& [span, text, value, unit, subject, high, measure, bound, thing] = q;
  e.RecordSpan(span);
  e.String(text);
  e.Number(value);
  e.String(unit);
  e.String(subject);
  e.Number(high);
  e.String(measure);
  e.Varint(static_cast<uint64_t>(bound));
  e.String(thing);
}

// ---------------------------------------------------------------- decoding

class Decoder {
 public:
  // Borrows `blob`, `id` and `text`: they must outlive the decoder.
  Decoder(std::string_view blob, std::string_view id, std::string_view text)
      : in_(blob), id_(id), text_(text), cursor_(text) {}
  // Reads the header; after a stale format version reads nothing further.
  Status Header(AnnotationStamp* stamp);
  Status Body(AnnotatedArticle* a);

 private:
  bool Fail(std::string what);
  bool Varint(uint64_t* v);
  bool Varint32(uint32_t* v);
  bool Fixed64(uint64_t* v);
  bool RecordSpan(Span* span);
  bool String(std::string* s);
  // Charges `bytes` of decoded string to the budget; false (failed) when spent.
  bool Spend(size_t bytes);
  bool Number(double* x);
  bool Bound(QuantityBound* b);
  bool ReadEntity(EntityMention* m);
  bool ReadQuote(storyline::Quote* q);
  bool ReadDate(DateMention* d);
  bool ReadQuantity(storyline::Quantity* q);
  template <typename T, typename ReadRecord>
  bool Section(const char* name, size_t min_record_bytes, std::vector<T>* out, ReadRecord read);

  size_t Left() const { return in_.size() - pos_; }

  std::string_view in_;
  size_t pos_ = 0;
  std::string_view id_;
  std::string_view text_;
  size_t text_code_points_ = 0;
  CodePointCursor cursor_;
  // Views into in_, text_ or strings already decoded (records are not
  // moved while decoding: sections are sized before they are filled).
  std::vector<std::string_view> table_;
  // Where we are, for messages: "quotes[3].cue".
  const char* section_ = "header";
  size_t index_ = 0;
  bool in_record_ = false;
  const char* field_ = "magic";
  size_t prev_end_ = 0;
  size_t span_start_ = 0;  // the current record's span
  size_t span_end_ = 0;
  size_t string_budget_ = 0;  // bytes of decoded strings still allowed
  Status status_;
};

bool Decoder::Fail(std::string what) {
  std::string where = section_;
  if (in_record_) where += "[" + std::to_string(index_) + "]";
  if (*field_ != '\0') where += std::string(in_record_ ? "." : " ") + field_;
  status_ = Status::Corruption(std::string(id_) + ": stored annotation, byte " + std::to_string(pos_) + ", " +
                               where + ": " + what);
  return false;
}

bool Decoder::Varint(uint64_t* v) {
  uint64_t result = 0;
  for (int i = 0; i < kMaxVarintBytes; ++i) {
    if (pos_ >= in_.size()) return Fail("truncated (varint cut short)");
    const auto byte = static_cast<uint8_t>(in_[pos_++]);
    if (i == kMaxVarintBytes - 1 && byte > 1) return Fail("varint overflows 64 bits");
    result |= static_cast<uint64_t>(byte & 0x7F) << (7 * i);
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return Fail("varint longer than 10 bytes");
}

bool Decoder::Varint32(uint32_t* v) {
  uint64_t wide = 0;
  if (!Varint(&wide)) return false;
  if (wide > UINT32_MAX) return Fail("value " + std::to_string(wide) + " exceeds 32 bits");
  *v = static_cast<uint32_t>(wide);
  return true;
}

bool Decoder::Fixed64(uint64_t* v) {
  if (Left() < 8) return Fail("truncated (needs 8 bytes, " + std::to_string(Left()) + " left)");
  uint64_t result = 0;
  for (size_t i = 0; i < 8; ++i) result |= static_cast<uint64_t>(static_cast<uint8_t>(in_[pos_ + i])) << (8 * i);
  pos_ += 8;
  *v = result;
  return true;
}

Status Decoder::Header(AnnotationStamp* stamp) {
  const size_t n = std::min(Left(), kMagic.size());
  if (in_.substr(0, n) != kMagic.substr(0, n)) {
    Fail("not an annotation (bad magic)");
    return status_;
  }
  if (n < kMagic.size()) {
    Fail("truncated inside the magic");
    return status_;
  }
  pos_ = kMagic.size();
  field_ = "format version";
  if (!Varint32(&stamp->format_version)) return status_;
  if (stamp->format_version != kAnnotationFormatVersion) return Status::Ok();
  field_ = "annotator version";
  if (!Varint32(&stamp->annotator_version)) return status_;
  field_ = "text hash";
  if (!Fixed64(&stamp->text_hash)) return status_;
  return Status::Ok();
}

bool Decoder::RecordSpan(Span* span) {
  field_ = "span";
  uint64_t gap = 0;
  uint64_t length = 0;
  if (!Varint(&gap) || !Varint(&length)) return false;
  // Unsigned wrap-around undoes the encoder's (also wrapping) differences.
  const size_t start = prev_end_ + static_cast<uint64_t>(UnZigZag(gap));
  const size_t end = start + length;
  if (start > end || end > text_code_points_) {
    return Fail("span [" + std::to_string(start) + ", " + std::to_string(end) +
                ") outside the text's " + std::to_string(text_code_points_) + " code points");
  }
  *span = {start, end};
  prev_end_ = end;
  span_start_ = start;
  span_end_ = end;
  return true;
}

bool Decoder::Spend(size_t bytes) {
  if (bytes > string_budget_) {
    return Fail("decoded strings exceed " + std::to_string(kMaxStringExpansion) +
                "x the text and blob: repeated references");
  }
  string_budget_ -= bytes;
  return true;
}

bool Decoder::String(std::string* s) {
  uint64_t ref = 0;
  if (!Varint(&ref)) return false;
  if (ref == kStringEmpty) {
    s->clear();
    return true;
  }
  if (ref == kStringSpanText) {
    const size_t b0 = cursor_.ByteAt(span_start_);
    const size_t b1 = cursor_.ByteAt(span_end_);
    // Spans were checked against the text's length; this guards the cursor.
    if (b0 == std::string_view::npos || b1 == std::string_view::npos || b0 > b1) {
      return Fail("span text outside the text");
    }
    if (!Spend(b1 - b0)) return false;
    s->assign(text_.substr(b0, b1 - b0));
    return true;
  }
  if (ref == kStringSlice) {
    uint64_t start = 0;
    uint64_t length = 0;
    if (!Varint(&start) || !Varint(&length)) return false;
    if (start > text_code_points_ || length > text_code_points_ - start) {
      return Fail("text slice at " + std::to_string(start) + " of " + std::to_string(length) +
                  " code points outside the text's " + std::to_string(text_code_points_));
    }
    const size_t b0 = cursor_.ByteAt(start);
    const size_t b1 = cursor_.ByteAt(start + length);
    if (b0 == std::string_view::npos || b1 == std::string_view::npos || b0 > b1) {
      return Fail("text slice outside the text");
    }
    if (!Spend(b1 - b0)) return false;
    s->assign(text_.substr(b0, b1 - b0));
    table_.push_back(*s);
    return true;
  }
  if (ref == kStringIsoDate) {
    uint64_t packed = 0;
    if (!Varint(&packed)) return false;
    std::optional<std::string> date = UnpackIsoDate(packed);
    if (!date) return Fail("packed date " + std::to_string(packed) + " is no date");
    if (!Spend(date->size())) return false;
    *s = std::move(*date);
    table_.push_back(*s);
    return true;
  }
  if (ref == kStringNew) {
    uint64_t length = 0;
    if (!Varint(&length)) return false;
    if (length > Left()) {
      return Fail("string of " + std::to_string(length) + " bytes, only " + std::to_string(Left()) + " left");
    }
    const std::string_view bytes = in_.substr(pos_, length);
    pos_ += length;
    table_.push_back(bytes);
    s->assign(bytes);
    return true;
  }
  const uint64_t entry = ref - kStringTableBase;
  if (entry >= table_.size()) {
    return Fail("string table entry " + std::to_string(entry) + " of " + std::to_string(table_.size()));
  }
  if (!Spend(table_[entry].size())) return false;
  s->assign(table_[entry]);
  return true;
}

bool Decoder::Number(double* x) {
  uint64_t v = 0;
  if (!Varint(&v)) return false;
  const uint64_t scale = v & 3;
  if (scale != kNumberRawTag) {
    *x = static_cast<double>(UnZigZag(v >> 2)) / kPow10[scale];
    return true;
  }
  if (v != kNumberRawTag) return Fail("raw number tag with stray bits " + std::to_string(v));
  uint64_t bits = 0;
  if (!Fixed64(&bits)) return false;
  *x = std::bit_cast<double>(bits);
  return true;
}

bool Decoder::Bound(QuantityBound* b) {
  uint64_t v = 0;
  if (!Varint(&v)) return false;
  if (v > static_cast<uint64_t>(QuantityBound::kAtMost)) return Fail("unknown bound " + std::to_string(v));
  *b = static_cast<QuantityBound>(v);
  return true;
}

bool Decoder::ReadEntity(EntityMention* m) {
  if (!RecordSpan(&m->span)) return false;
  field_ = "text";
  if (!String(&m->text)) return false;
  field_ = "type";
  if (!String(&m->type)) return false;
  field_ = "entity";
  return String(&m->entity);
}

bool Decoder::ReadQuote(storyline::Quote* q) {
  if (!RecordSpan(&q->span)) return false;
  field_ = "text";
  if (!String(&q->text)) return false;
  field_ = "speaker_name";
  if (!String(&q->speaker_name)) return false;
  field_ = "speaker";
  if (!String(&q->speaker)) return false;
  field_ = "cue";
  if (!String(&q->cue)) return false;
  field_ = "kind";
  if (!String(&q->kind)) return false;
  field_ = "medium";
  if (!String(&q->medium)) return false;
  field_ = "speaker_owner";
  return String(&q->speaker_owner);
}

bool Decoder::ReadDate(DateMention* d) {
  if (!RecordSpan(&d->span)) return false;
  field_ = "text";
  if (!String(&d->text)) return false;
  field_ = "value";
  return String(&d->value);
}

bool Decoder::ReadQuantity(storyline::Quantity* q) {
  if (!RecordSpan(&q->span)) return false;
  field_ = "text";
  if (!String(&q->text)) return false;
  field_ = "value";
  if (!Number(&q->value)) return false;
  field_ = "unit";
  if (!String(&q->unit)) return false;
  field_ = "subject";
  if (!String(&q->subject)) return false;
  field_ = "high";
  if (!Number(&q->high)) return false;
  field_ = "measure";
  if (!String(&q->measure)) return false;
  field_ = "bound";
  if (!Bound(&q->bound)) return false;
  field_ = "thing";
  return String(&q->thing);
}

template <typename T, typename ReadRecord>
bool Decoder::Section(const char* name, size_t min_record_bytes, std::vector<T>* out, ReadRecord read) {
  section_ = name;
  in_record_ = false;
  field_ = "count";
  uint64_t count = 0;
  if (!Varint(&count)) return false;
  if (count > Left() / min_record_bytes) {
    return Fail(std::to_string(count) + " records cannot fit in the " + std::to_string(Left()) +
                " bytes left");
  }
  out->resize(count);
  prev_end_ = 0;
  in_record_ = true;
  for (index_ = 0; index_ < count; ++index_) {
    if (!read((*out)[index_])) return false;
  }
  in_record_ = false;
  return true;
}

Status Decoder::Body(AnnotatedArticle* a) {
  text_code_points_ = CodePointLength(a->article.text);
  string_budget_ = kMaxStringExpansion * (text_.size() + in_.size());
  const bool ok =
      Section("sentences", kMinSentenceBytes, &a->sentences, [&](Span& s) { return RecordSpan(&s); }) &&
      Section("entities", kMinEntityBytes, &a->entities, [&](EntityMention& m) { return ReadEntity(&m); }) &&
      Section("quotes", kMinQuoteBytes, &a->quotes, [&](storyline::Quote& q) { return ReadQuote(&q); }) &&
      Section("dates", kMinDateBytes, &a->dates, [&](DateMention& d) { return ReadDate(&d); }) &&
      Section("quantities", kMinQuantityBytes, &a->quantities,
              [&](storyline::Quantity& q) { return ReadQuantity(&q); });
  if (!ok) return status_;
  section_ = "end";
  field_ = "";
  if (Left() != 0) Fail(std::to_string(Left()) + " stray bytes after the last section");
  return status_;
}

}  // namespace

std::string EncodeAnnotation(const AnnotatedArticle& annotated) {
  // A new AnnotatedArticle field fails here: encode it.
  // title_quotes are derived from the rest: not stored, found again by
  // DecodeAnnotation.
  [[maybe_unused]] const auto& [article, sentences, entities, quotes, dates, quantities, title_quotes] = annotated;
  Encoder e(article.text);
  // Mean sizes on the extraction pages (bench/annotation_codec_throughput.cc)
  // are 2.3 bytes a sentence, 7.6 an entity, 13 a quote, 8.4 a date and 14 a
  // quantity; reserving a little more means most blobs never reallocate.
  e.out().reserve(kMagic.size() + 16 + 3 * sentences.size() + 8 * entities.size() +
                  16 * quotes.size() + 10 * dates.size() + 16 * quantities.size());
  e.out().append(kMagic);
  e.Varint(kAnnotationFormatVersion);
  e.Varint(kAnnotatorVersion);
  e.Fixed64(ContentHash(article.text));
  e.NewSection(sentences.size());
  for (const Span& s : sentences) e.RecordSpan(s);
  e.NewSection(entities.size());
  for (const EntityMention& m : entities) EncodeEntity(m, e);
  e.NewSection(quotes.size());
  for (const Quote& q : quotes) EncodeQuote(q, e);
  e.NewSection(dates.size());
  for (const DateMention& d : dates) EncodeDate(d, e);
  e.NewSection(quantities.size());
  for (const Quantity& q : quantities) EncodeQuantity(q, e);
  return e.Finish();
}

Result<AnnotationStamp> ReadAnnotationStamp(std::string_view blob) {
  Decoder d(blob, "annotation", {});
  AnnotationStamp stamp;
  Status s = d.Header(&stamp);
  if (!s.ok()) return s;
  return stamp;
}

Result<AnnotatedArticle> DecodeAnnotation(std::string_view blob, Article article) {
  AnnotatedArticle a;
  a.article = std::move(article);
  // `a` is not moved until decoding ends: the decoder views its text.
  Decoder d(blob, a.article.id, a.article.text);
  AnnotationStamp stamp;
  Status s = d.Header(&stamp);
  if (!s.ok()) return s;
  const std::string stale = a.article.id + ": stored annotation is stale: ";
  if (stamp.format_version != kAnnotationFormatVersion) {
    return Status::Unsupported(stale + "format version " + std::to_string(stamp.format_version) +
                               ", this build reads " + std::to_string(kAnnotationFormatVersion));
  }
  if (stamp.annotator_version != kAnnotatorVersion) {
    return Status::Unsupported(stale + "made by annotator version " +
                               std::to_string(stamp.annotator_version) + ", this build is version " +
                               std::to_string(kAnnotatorVersion));
  }
  if (stamp.text_hash != ContentHash(a.article.text)) {
    return Status::Unsupported(stale + "made for another text (the article changed)");
  }
  s = d.Body(&a);
  if (!s.ok()) return s;
  a.title_quotes = FindTitleQuotes(a.article.title, a.article.text, a.quotes, a.entities);
  return a;
}

}  // namespace storyline::store_internal
