#include "ingest/encoding.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>

namespace storyline::ingest {
namespace {

// Binary sniffing looks for a NUL in the first 8 KiB (git's window; memchr
// makes it cheap enough for every record) and counts control characters in
// the first KiB (a loop per byte: measured at 15 % of JSONL reading over
// 8 KiB). Random or compressed bytes have a NUL every 256 bytes on average,
// but about one 4 KiB blob in two hundred has none in its first KiB.
constexpr size_t kNulSniffBytes = 8192;
constexpr size_t kBinarySniffBytes = 1024;
// Text has few control characters besides whitespace; random or compressed
// bytes have about one in ten (27 of 256 byte values: ~108 in a KiB, never
// near 34). One in thirty leaves a margin both ways: text with a stray
// control per line is still text.
constexpr size_t kMaxControlPerThirty = 1;
// An input that claims UTF-8 but has more than 1 in 10 invalid bytes is not
// text with a few stray bytes but something else entirely.
constexpr size_t kMaxInvalidPerTen = 1;
// Undeclared input with up to this many invalid bytes per valid multi-byte
// sequence is read as damaged UTF-8 rather than a legacy charset.
constexpr size_t kMaxInvalidPerValidSequence = 4;
// A valid 3-4 byte sequence is far stronger evidence of UTF-8 than a 2-byte
// one (it needs a lower-case accented letter then two symbol bytes in
// windows-1252), so it counts as this many.
constexpr size_t kLongSequenceWeight = 4;
// HTML5 makes the encoding prescan look at the first 1024 bytes; real pages
// often put 2-3 KiB of scripts first, so we look a little further.
constexpr size_t kMetaSniffBytes = 4096;
// ICU's detector is slow and gains nothing beyond a few pages of text.
constexpr int32_t kDetectBytes = 64 * 1024;
// Below this ICU confidence (0-100) its guess is noise; we fall back to
// windows-1252, the most common legacy charset of web pages.
constexpr int32_t kMinDetectConfidence = 10;
constexpr const char* kLegacyFallback = "windows-1252";

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string Prefix(const Origin& o) {
  return o.line == 0 ? *o.file : *o.file + ":" + std::to_string(o.line);
}

// A label as written in headers and meta tags, trimmed, unquoted, lower-case.
std::string NormalizeLabel(std::string_view s) {
  auto is_junk = [](char c) { return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_junk(s.back())) s.remove_suffix(1);
  std::string l = Lower(s);
  // The WHATWG Encoding Standard decodes these labels as windows-1252, its
  // superset, because servers send them for windows-1252 text.
  static constexpr std::array<std::string_view, 12> kLatin1 = {
      "us-ascii", "ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
      "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "cp1252"};
  if (std::find(kLatin1.begin(), kLatin1.end(), l) != kLatin1.end()) return kLegacyFallback;
  if (l == "utf8" || l == "unicode-1-1-utf-8") return "utf-8";
  return l;
}

bool IsUtf8Label(std::string_view l) { return l == "utf-8"; }
bool IsWideLabel(std::string_view l) { return StartsWith(l, "utf-16") || StartsWith(l, "utf-32"); }
// Charsets whose encoding of plain ASCII text is not ASCII itself.
bool IsStatefulLabel(std::string_view l) {
  return IsWideLabel(l) || StartsWith(l, "iso-2022") || StartsWith(l, "utf-7") || l == "hz-gb-2312";
}

// Reads a charset token after "charset" at s[pos]; "" if there is no '='.
std::string TokenAfterCharset(std::string_view s, size_t pos) {
  pos += std::strlen("charset");
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  if (pos >= s.size() || s[pos] != '=') return "";
  ++pos;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < s.size() && s[end] != '"' && s[end] != '\'' && s[end] != ';' && s[end] != ' ' &&
         s[end] != '>' && s[end] != '/' && s[end] != ',') {
    ++end;
  }
  return NormalizeLabel(s.substr(pos, end - pos));
}

// ICU's statistical guess for bytes that are not UTF-8; never returns "".
std::string DetectCharset(std::string_view body, bool html) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), ucsdet_close);
  if (U_FAILURE(err)) return kLegacyFallback;
  const int32_t n = static_cast<int32_t>(std::min<size_t>(body.size(), kDetectBytes));
  ucsdet_setText(det.get(), body.data(), n, &err);
  ucsdet_enableInputFilter(det.get(), html);  // ignore markup when guessing
  const UCharsetMatch* m = ucsdet_detect(det.get(), &err);
  if (U_FAILURE(err) || m == nullptr) return kLegacyFallback;
  const char* name = ucsdet_getName(m, &err);
  const int32_t confidence = ucsdet_getConfidence(m, &err);
  if (U_FAILURE(err) || name == nullptr || confidence < kMinDetectConfidence) return kLegacyFallback;
  std::string label = NormalizeLabel(name);
  // Without a BOM and with no NUL bytes (LooksBinary passed), UTF-16/32 is
  // a misdetection.
  if (IsWideLabel(label)) return kLegacyFallback;
  return label;
}

// 1-based line and byte column of `offset` in `s`.
std::pair<size_t, size_t> LineCol(std::string_view s, size_t offset) {
  const std::string_view before = s.substr(0, offset);
  const size_t line = static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
  const size_t nl = before.rfind('\n');
  const size_t col = nl == std::string_view::npos ? offset + 1 : offset - nl;
  return {line, col};
}

// Converts from an ICU-known charset; kUnsupported if ICU does not know it.
Result<std::string> Convert(std::string_view body, const std::string& charset, const Origin& origin) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(charset.c_str(), &err), ucnv_close);
  if (U_FAILURE(err)) return Status::Unsupported(Prefix(origin) + ": unknown charset \"" + charset + "\"");
  if (body.size() > INT32_MAX) {
    return Status::Unsupported(Prefix(origin) + ": too large to convert from " + charset);
  }
  icu::UnicodeString us(body.data(), static_cast<int32_t>(body.size()), cnv.get(), err);
  if (U_FAILURE(err)) {
    return Status::InvalidInput(Prefix(origin) + ": cannot convert from " + charset + " (" +
                                u_errorName(err) + ")");
  }
  // Single-byte converters substitute U+001A (SUB) for unmapped bytes; make
  // every substitution the visible U+FFFD, as for invalid UTF-8.
  us.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x1A)),
                    icu::UnicodeString(static_cast<UChar>(0xFFFD)));
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_SUCCESS(err) && !nfc->isNormalized(us, err) && U_SUCCESS(err)) {
    us = nfc->normalize(us, err);
  }
  std::string out;
  us.toUTF8String(out);
  return out;
}

// UTF-8 path: keeps valid input, repairs slightly broken input with a
// warning, rejects mostly-broken input.
Result<std::string> FromUtf8(std::string_view body, size_t bom, const Origin& origin,
                             Reporter& reporter) {
  std::string out;
  if (IsValidUtf8(body)) {
    out.assign(body);
    NormalizeNfc(&out);
    return out;
  }
  const Utf8Repair r = RepairUtf8(body, &out);
  if (r.invalid_bytes * 10 > body.size() * kMaxInvalidPerTen) {
    return Status::InvalidInput(Prefix(origin) + ": mostly invalid UTF-8 (" +
                                std::to_string(r.invalid_bytes) + " of " +
                                std::to_string(body.size()) + " bytes), not an article");
  }
  auto [line, col] = LineCol(body, r.first_invalid);
  if (line == 0) col += bom;
  const size_t base = origin.line == 0 ? 1 : origin.line;
  reporter.Warn(*origin.file + ":" + std::to_string(base + line) + ":" + std::to_string(col) +
                ": invalid UTF-8 replaced (" + std::to_string(r.invalid_bytes) + " bytes)");
  NormalizeNfc(&out);
  return out;
}

// Length of the longest prefix of valid UTF-8 `s` that is certainly NFC and
// ends at a character that cannot combine with what precedes it, judged
// without ICU: ASCII, U+0080-U+02FF (Latin and spacing modifiers: all
// NFC_Quick_Check=Yes, canonical combining class 0) and the common
// punctuation U+2010-U+2027 and U+20AC. News text is mostly these, and ICU's
// per-character check is the slowest part of ingest without this.
// Returns s.size() when the whole string qualifies; otherwise the offset of
// the last safe character before the first one needing ICU (the boundary
// must be before a character that a following mark could compose with).
size_t NfcSafePrefix(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  size_t last_start = 0;  // start of the previous character
  while (i < n) {
    if (p[i] < 0x80) {
      // Skip ASCII eight bytes at a time.
      size_t j = i;
      while (j + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, p + j, 8);
        if (w & 0x8080808080808080ULL) break;
        j += 8;
      }
      while (j < n && p[j] < 0x80) ++j;
      last_start = j - 1;
      i = j;
      continue;
    }
    const unsigned char c = p[i];
    size_t len = 0;
    if (c >= 0xC2 && c <= 0xCB) {
      len = 2;  // U+0080..U+02FF
    } else if (c == 0xE2 && i + 2 < n &&
               ((p[i + 1] == 0x80 && p[i + 2] >= 0x90 && p[i + 2] <= 0xA7) ||
                (p[i + 1] == 0x82 && p[i + 2] == 0xAC))) {
      len = 3;  // U+2010..U+2027, U+20AC
    }
    if (len == 0) return last_start;
    last_start = i;
    i += len;
  }
  return n;
}

}  // namespace

bool IsAscii(std::string_view s) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  size_t i = 0;
  uint64_t acc = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    acc |= w;
  }
  for (; i < s.size(); ++i) acc |= static_cast<unsigned char>(s[i]);
  return (acc & kHighBits) == 0;
}

bool IsValidUtf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

Utf8Repair RepairUtf8(std::string_view in, std::string* out) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  Utf8Repair r;
  out->reserve(out->size() + in.size() + in.size() / 8);
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    // Expected continuation count and the allowed range of the second byte
    // (Unicode 15, table 3-7: rules out overlongs, surrogates, >U+10FFFF).
    size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    size_t j = i + 1;
    bool ok = need > 0;
    for (size_t k = 0; ok && k < need; ++k, ++j) {
      if (j >= n || s[j] < lo || s[j] > hi) ok = false;
      lo = 0x80;
      hi = 0xBF;
      if (!ok) break;
    }
    if (ok) {
      out->append(in.data() + i, j - i);
      ++r.valid_multibyte;
      if (need >= 2) ++r.valid_long;
    } else {
      if (r.invalid_bytes == 0) r.first_invalid = i;
      r.invalid_bytes += j - i;
      out->append(kReplacement);
    }
    i = j;
  }
  return r;
}

void NormalizeNfc(std::string* s) {
  size_t start = NfcSafePrefix(*s);
  if (start == s->size() || s->size() > INT32_MAX) return;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return;
  // Only the stretches NfcSafePrefix cannot vouch for go to ICU: each runs
  // from the safe character before it up to the next ASCII byte (ASCII never
  // combines with what precedes it, so a stretch can be judged on its own).
  // Pages are mostly ASCII with scattered letters and marks; checking the
  // whole remainder with ICU was the slowest step of reading HTML.
  const std::string_view all(*s);
  while (start < all.size()) {
    size_t end = start + 1;
    while (end < all.size() && static_cast<unsigned char>(all[end]) >= 0x80) ++end;
    if (!nfc->isNormalizedUTF8(all.substr(start, end - start), err) || U_FAILURE(err)) break;
    if (end == all.size()) return;
    const size_t next = NfcSafePrefix(all.substr(end));
    start = end + next;
    if (start == all.size()) return;
  }
  if (U_FAILURE(err)) return;
  // Rare: text that is not NFC. Normalise from the first doubtful stretch on.
  std::string out;
  out.reserve(s->size());
  out.append(*s, 0, start);
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, all.substr(start), sink, nullptr, err);
  if (U_SUCCESS(err)) s->swap(out);
}

std::string CleanField(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  std::string out;
  if (IsValidUtf8(s)) {
    out.assign(s);
  } else {
    RepairUtf8(s, &out);
  }
  NormalizeNfc(&out);
  return out;
}

bool LooksBinary(std::string_view s) {
  if (StartsWith(s, "\xFF\xFE") || StartsWith(s, "\xFE\xFF") ||
      StartsWith(s, std::string_view("\x00\x00\xFE\xFF", 4))) {
    return false;
  }
  const std::string_view nul_window = s.substr(0, kNulSniffBytes);
  if (std::memchr(nul_window.data(), 0, nul_window.size()) != nullptr) return true;
  const std::string_view head = s.substr(0, kBinarySniffBytes);
  // Control characters other than whitespace, and ESC which ISO-2022
  // encodings use as text. Branch-free so the loop vectorises.
  constexpr uint32_t kTextControls = (1u << '\t') | (1u << '\n') | (1u << '\v') | (1u << '\f') |
                                     (1u << '\r') | (1u << 0x1B);
  size_t controls = 0;
  for (char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    controls += static_cast<size_t>((c < 0x20 && ((kTextControls >> (c & 31)) & 1) == 0) || c == 0x7F);
  }
  return controls * 30 > head.size() * kMaxControlPerThirty;
}

std::string CharsetFromContentType(std::string_view content_type) {
  const std::string l = Lower(content_type);
  const size_t pos = l.find("charset");
  return pos == std::string::npos ? "" : TokenAfterCharset(l, pos);
}

std::string SniffHtmlCharset(std::string_view html) {
  const std::string head = Lower(html.substr(0, kMetaSniffBytes));
  std::string found;
  if (StartsWith(head, "<?xml")) {
    const size_t end = std::min(head.find("?>"), head.size());
    const size_t enc = head.find("encoding");
    if (enc != std::string::npos && enc < end) {
      size_t p = head.find('=', enc);
      if (p != std::string::npos && p < end) {
        ++p;
        while (p < end && (head[p] == ' ' || head[p] == '"' || head[p] == '\'')) ++p;
        size_t q = p;
        while (q < end && head[q] != '"' && head[q] != '\'' && head[q] != ' ') ++q;
        found = NormalizeLabel(std::string_view(head).substr(p, q - p));
      }
    }
  }
  for (size_t pos = head.find("<meta"); found.empty() && pos != std::string::npos;
       pos = head.find("<meta", pos + 1)) {
    const size_t end = std::min(head.find('>', pos), head.size());
    const std::string_view tag = std::string_view(head).substr(pos, end - pos);
    const size_t cs = tag.find("charset");
    if (cs != std::string_view::npos) found = TokenAfterCharset(tag, cs);
  }
  // A document we could read as ASCII to find this declaration is not
  // UTF-16; HTML5 reads such pages as UTF-8.
  if (IsWideLabel(found)) return "utf-8";
  return found;
}

Result<std::string> DecodeToUtf8(std::string_view raw, std::string_view declared, bool html,
                                 const Origin& origin, Reporter& reporter) {
  std::string charset;
  size_t bom = 0;
  if (StartsWith(raw, "\xEF\xBB\xBF")) {
    charset = "utf-8", bom = 3;
  } else if (StartsWith(raw, std::string_view("\xFF\xFE\x00\x00", 4))) {
    charset = "utf-32le", bom = 4;
  } else if (StartsWith(raw, std::string_view("\x00\x00\xFE\xFF", 4))) {
    charset = "utf-32be", bom = 4;
  } else if (StartsWith(raw, "\xFE\xFF")) {
    charset = "utf-16be", bom = 2;
  } else if (StartsWith(raw, "\xFF\xFE")) {
    charset = "utf-16le", bom = 2;
  }
  const std::string_view body = raw.substr(bom);
  if (!IsWideLabel(charset) && LooksBinary(body)) {
    return Status::InvalidInput(Prefix(origin) + ": binary data, not an article");
  }
  if (charset.empty()) charset = NormalizeLabel(declared);
  if (charset.empty() && html) charset = SniffHtmlCharset(body);
  if (!IsStatefulLabel(charset) && IsAscii(body)) return std::string(body);  // ASCII is NFC
  if (!IsUtf8Label(charset) && !IsWideLabel(charset) && IsValidUtf8(body)) {
    // Non-ASCII text that is valid UTF-8 is UTF-8 whatever the label says:
    // legacy text almost never forms valid multi-byte sequences by chance,
    // while mislabelled UTF-8 pages are common.
    charset = "utf-8";
  }
  if (charset.empty()) {
    // Undeclared and not valid UTF-8. Legacy 8-bit text seldom forms a valid
    // 2-byte sequence (a capital accented letter then a symbol byte) and
    // almost never a 3-4 byte one, so enough of them mean damaged UTF-8.
    std::string scratch;
    const Utf8Repair r = RepairUtf8(body, &scratch);
    const size_t evidence = r.valid_multibyte + kLongSequenceWeight * r.valid_long;
    const bool damaged_utf8 = evidence > 0 && evidence * kMaxInvalidPerValidSequence >= r.invalid_bytes;
    charset = damaged_utf8 ? "utf-8" : DetectCharset(body, html);
  }
  if (IsUtf8Label(charset)) return FromUtf8(body, bom, origin, reporter);
  Result<std::string> converted = Convert(body, charset, origin);
  if (converted.ok() || converted.status().code() != StatusCode::kUnsupported) return converted;
  reporter.Warn(converted.status().message() + "; read as UTF-8");
  return FromUtf8(body, bom, origin, reporter);
}

}  // namespace storyline::ingest
