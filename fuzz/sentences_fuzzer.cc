// Fuzzes SplitSentences (both line-break modes) and Tokenize. Properties: no
// crash; spans are non-empty, sorted, non-overlapping and within the text's
// code-point count; tokens' byte offsets lie within the input and agree with
// their code-point offsets; the same input gives the same answer twice.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/utf8.h>

#include "storyline/annotation.h"
#include "text/sentences.h"

namespace {

// 64 KiB: several long news articles; longer inputs only repeat the same
// scanner states more slowly.
constexpr size_t kMaxInputBytes = 64 * 1024;

void Check(bool ok) {
  if (!ok) std::abort();
}

// Code points as the splitter counts them: valid sequences are one each,
// every byte of an invalid sequence decodes to at most one U+FFFD, so the
// byte count bounds the code-point count.
void CheckSpans(const std::vector<storyline::Span>& spans, size_t limit) {
  size_t prev_end = 0;
  for (const storyline::Span& s : spans) {
    Check(s.start < s.end);
    Check(s.start >= prev_end);
    Check(s.end <= limit);
    prev_end = s.end;
  }
}

// Strict validity as ICU decodes it (no overlongs, surrogates or values past
// U+10FFFF), the same decoder the splitter uses.
bool ValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

bool SameSpans(const std::vector<storyline::Span>& a, const std::vector<storyline::Span>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].start != b[i].start || a[i].end != b[i].end) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  // For valid UTF-8 the bound is exact: offsets are code points of the text.
  const size_t limit = ValidUtf8(text) ? storyline::CodePointLength(std::string(text)) : size;
  const std::vector<storyline::Token> tokens = storyline::Tokenize(text);
  size_t cp_count = 0;
  size_t prev_byte = 0, prev_cp = 0;
  for (const storyline::Token& t : tokens) {
    Check(t.byte_start < t.byte_end && t.byte_end <= size);
    Check(t.span.start < t.span.end);
    Check(t.byte_start >= prev_byte && t.span.start >= prev_cp);
    Check(t.span.end - t.span.start <= t.byte_end - t.byte_start);
    prev_byte = t.byte_end;
    prev_cp = t.span.end;
    cp_count = t.span.end;
  }
  Check(cp_count <= limit);
  Check(storyline::Tokenize(text).size() == tokens.size());

  for (bool newline_is_boundary : {true, false}) {
    storyline::SentenceOptions options;
    options.single_newline_is_boundary = newline_is_boundary;
    const std::vector<storyline::Span> spans = storyline::SplitSentences(text, options);
    CheckSpans(spans, limit);
    Check(SameSpans(spans, storyline::SplitSentences(text, options)));
  }
  return 0;
}
