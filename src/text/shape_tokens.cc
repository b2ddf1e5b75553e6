#include "text/shape_tokens.h"

#include <algorithm>
#include <iterator>

namespace storyline {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Short words after which a period does not end a sentence.
constexpr std::string_view kAbbreviations[] = {"Mr",  "Mrs", "Ms",   "Dr",  "St", "Jr",  "Sr",   "No",
                                               "Gov", "Sen", "Rep",  "Gen", "Lt", "Col", "Capt", "Prof",
                                               "Inc", "Co",  "Corp", "Ltd", "vs", "Mt"};

bool IsAbbreviation(const ShapeToken& t) {
  if (t.kind != ShapeKind::kWord) return false;
  if (t.s.size() == 1 && t.s[0] >= 'A' && t.s[0] <= 'Z') return true;  // initials, "U.S."
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), t.s) != std::end(kAbbreviations);
}

bool IsClosing(std::string_view s) {
  return s == "\"" || s == "'" || s == ")" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x99";
}

// End (exclusive) of the word or number starting at `i`.
// REQUIRES: text[i] is an ASCII letter or digit.
size_t ScanAlnum(std::string_view text, size_t i) {
  const bool numeric = IsAsciiDigit(text[i]);
  size_t j = i + 1;
  while (j < text.size()) {
    const char d = text[j];
    if (IsAsciiDigit(d) || IsAsciiAlpha(d)) {
      ++j;
    } else if (numeric && (d == ',' || d == '.') && IsAsciiDigit(text[j - 1]) && j + 1 < text.size() &&
               IsAsciiDigit(text[j + 1])) {
      ++j;
    } else {
      break;
    }
  }
  return j;
}

}  // namespace

std::vector<ShapeToken> TokenizeShapes(std::string_view text) {
  std::vector<ShapeToken> toks;
  size_t i = 0;
  size_t cp = 0;
  bool space = false;
  bool pending_end = false;  // saw terminal punctuation, waiting for space
  bool break_next = false;   // next token starts a sentence
  size_t sentence = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (IsSpace(c)) {
      space = true;
      if (pending_end || c == '\n') break_next = true;
      pending_end = false;
      ++i;
      ++cp;
      continue;
    }
    ShapeToken t;
    t.b0 = i;
    t.c0 = cp;
    size_t j = i + 1;
    if (IsAsciiDigit(c) || IsAsciiAlpha(c)) {
      j = ScanAlnum(text, i);
      t.kind = IsAsciiDigit(c) ? ShapeKind::kNum : ShapeKind::kWord;
    } else {
      while (j < text.size() && IsContinuation(static_cast<unsigned char>(text[j]))) ++j;
    }
    t.b1 = j;
    t.s = text.substr(i, j - i);
    for (size_t k = i; k < j; ++k) cp += !IsContinuation(static_cast<unsigned char>(text[k]));
    t.c1 = cp;
    t.space_before = space;
    if (break_next && !toks.empty()) ++sentence;
    break_next = false;
    t.sentence = sentence;
    if (t.s == "." || t.s == "!" || t.s == "?") {
      if (!(t.s == "." && !toks.empty() && !space && IsAbbreviation(toks.back()))) pending_end = true;
    } else if (!IsClosing(t.s)) {
      pending_end = false;
    }
    space = false;
    toks.push_back(t);
    i = j;
  }
  return toks;
}

}  // namespace storyline
