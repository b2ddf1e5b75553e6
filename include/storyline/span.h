// span.h: a range of Unicode code points in a text, the unit of every offset
// the pipeline reports (sentences, tokens, mentions, quotations, evidence).
//
//   storyline::Span s{4, 9};  // code points 4..8 of Article::text
//
// Its own header because the text stage (sentences, tokens) needs it and may
// not see annotation.h, whose functions the later extract stage implements.
// A plain value; thread-compatible.
#ifndef STORYLINE_SPAN_H_
#define STORYLINE_SPAN_H_

#include <cstddef>

namespace storyline {

// [start, end) in Unicode code points; invalid UTF-8 bytes count one each.
struct Span {
  size_t start = 0;  // code points into Article::text
  size_t end = 0;    // exclusive
};

}  // namespace storyline

#endif  // STORYLINE_SPAN_H_
