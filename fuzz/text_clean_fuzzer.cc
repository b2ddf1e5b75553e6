// Fuzz target for the plain-text boilerplate remover
// (src/clean/text_boilerplate.h). Properties checked on every input:
//   - same answer twice (no hidden state);
//   - kept and removed paragraphs are SplitParagraphs(input) divided as
//     ClassifyParagraphs says, each in input order (nothing invented or lost);
//   - every paragraph is made of input bytes in input order, where a run of
//     white space in the paragraph stands for a run of white space in the
//     input (the line breaks of a hard wrap become one space);
//   - no paragraph is empty or contains a line break.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "clean/text_boilerplate.h"

namespace {

// Inputs beyond 16 KiB only repeat paragraph shapes already covered and make
// the in-order matching below slow; real articles are rarely longer.
constexpr size_t kMaxInputBytes = 16 * 1024;

void Check(bool ok) {
  if (!ok) std::abort();
}

bool IsWhiteByte(std::string_view s, size_t i, size_t* len) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
    *len = 1;
    return true;
  }
  if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // U+00A0
    *len = 2;
    return true;
  }
  return false;
}

// Matches `para` against `in` at `at`; on success returns the end offset.
bool MatchAt(std::string_view in, size_t at, std::string_view para, size_t* end) {
  size_t i = at;
  size_t j = 0;
  while (j < para.size()) {
    size_t len = 0;
    if (IsWhiteByte(para, j, &len)) {
      while (j < para.size() && IsWhiteByte(para, j, &len)) j += len;
      if (i >= in.size() || !IsWhiteByte(in, i, &len)) return false;
      while (i < in.size() && IsWhiteByte(in, i, &len)) i += len;
      continue;
    }
    if (i >= in.size() || in[i] != para[j]) return false;
    ++i;
    ++j;
  }
  *end = i;
  return true;
}

// Finds `para` in `in` at or after `*cursor` and moves the cursor past it.
bool FindInOrder(std::string_view in, std::string_view para, size_t* cursor) {
  for (size_t at = in.find(para.front(), *cursor); at != std::string_view::npos; at = in.find(para.front(), at + 1)) {
    size_t end = 0;
    if (MatchAt(in, at, para, &end)) {
      *cursor = end;
      return true;
    }
  }
  return false;
}

std::vector<std::string> KeptParagraphs(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  size_t pos = 0;
  for (size_t sep = text.find("\n\n"); sep != std::string::npos; sep = text.find("\n\n", pos)) {
    out.push_back(text.substr(pos, sep - pos));
    pos = sep + 2;
  }
  out.push_back(text.substr(pos));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const storyline::TextCleanResult r = storyline::RemoveTextBoilerplate(in);
  const storyline::TextCleanResult again = storyline::RemoveTextBoilerplate(in);
  Check(r.text == again.text && r.removed == again.removed);

  namespace tbp = storyline::text_boilerplate;
  const std::vector<std::string> all = tbp::SplitParagraphs(in);
  const std::vector<bool> keep = tbp::ClassifyParagraphs(all, tbp::EmbeddedModel());
  Check(keep.size() == all.size());
  std::vector<std::string> kept_expected, removed_expected;
  size_t cursor = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    Check(!all[i].empty() && all[i].find('\n') == std::string::npos);
    Check(FindInOrder(in, all[i], &cursor));
    (keep[i] ? kept_expected : removed_expected).push_back(all[i]);
  }
  Check(KeptParagraphs(r.text) == kept_expected);
  Check(r.removed == removed_expected);
  return 0;
}
