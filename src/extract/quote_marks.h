// quote_marks.h: pairs quotation marks into quoted spans.
//
//   std::u32string cps = ...;  // the article as code points
//   std::vector<storyline::MarkedSpan> q = storyline::PairQuoteMarks(cps);
//
// Knows the common mark styles: straight " and ', curly “…” and ‘…’,
// German „…“ and ‚…‘, guillemets «…» and »…« and single ‹…›. Apostrophes
// (don't, the '90s, rock 'n' roll, the Smiths' fans) are not marks. A mark
// left open ends its quotation at the paragraph boundary (a line break), so no
// quotation swallows the rest of an article; a quotation whose next paragraph
// opens with a mark of the same family and no closing mark in between
// continues over paragraphs (the newspaper convention for long quotations).
// A paragraph after an unclosed quotation that does not open with a mark
// but closes one before opening any ("I think we learned a lot. ⏎ It was
// a long day.") is quoted up to that closing mark: its span's `open` is
// the line break before the paragraph.
//
// Thread-safety: pure function; safe from any thread.
#ifndef STORYLINE_EXTRACT_QUOTE_MARKS_H_
#define STORYLINE_EXTRACT_QUOTE_MARKS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace storyline {

struct MarkedSpan {
  size_t open = 0;      // code point index of the opening mark
  size_t end = 0;       // index of the closing mark, or where an open mark stops
  bool closed = false;  // a closing mark was found
  bool single = false;  // single-mark family (' ‘ ’ ‚ ‹ ›)
  bool nested = false;  // lies inside another span
  size_t paragraphs = 1;  // paragraphs the span runs over
};

// Quoted spans of `cps`, sorted by `open`. Content is (open, end): the marks
// themselves are excluded. Never fails; every index is < cps.size() + 1.
std::vector<MarkedSpan> PairQuoteMarks(const std::u32string& cps);

// True for any quotation mark character of either family.
bool IsQuoteMark(char32_t c);

}  // namespace storyline

#endif  // STORYLINE_EXTRACT_QUOTE_MARKS_H_
