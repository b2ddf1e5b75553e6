// Annotate: runs the language layer's annotators. For now: sentences, by ICU
// sentence break iteration, with offsets in code points.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "storyline/annotation.h"

namespace storyline {
namespace {

bool IsSpace(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x2028 ||
         c == 0x2029;
}

// Sentence spans of `text` in code points, with surrounding whitespace
// trimmed and empty segments dropped.
std::vector<Span> Sentences(const std::string& text) {
  std::vector<Span> out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) return out;
  it->setText(u);
  int32_t start = it->first();
  // ICU gives UTF-16 offsets; walk once to convert to code points.
  int32_t cp_at_unit = 0;
  int32_t unit = 0;
  auto to_cp = [&](int32_t target) {
    while (unit < target) {
      unit = u.moveIndex32(unit, 1);
      ++cp_at_unit;
    }
    return static_cast<size_t>(cp_at_unit);
  };
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    int32_t s = start, e = end;
    while (s < e && IsSpace(u.char32At(s))) s = u.moveIndex32(s, 1);
    while (e > s && IsSpace(u.char32At(u.moveIndex32(e, -1)))) e = u.moveIndex32(e, -1);
    if (s >= e) continue;
    Span span;
    span.start = to_cp(s);
    span.end = to_cp(e);
    out.push_back(span);
  }
  return out;
}

}  // namespace

size_t CodePointLength(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

AnnotatedArticle Annotate(const Article& article, const AnnotateOptions& options) {
  AnnotatedArticle a;
  a.article = article;
  if (options.sentences) a.sentences = Sentences(article.text);
  return a;
}

}  // namespace storyline
