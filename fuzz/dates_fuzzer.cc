// Fuzzes FindDates and InferAnchor. Properties: no crash; mentions are
// non-empty, sorted, non-overlapping, within the input's length; each
// mention's text is the input's bytes at its offsets; the same input gives
// the same answer twice; an inferred anchor is a valid date or zero.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "extract/dates.h"

namespace {

// 64 KiB: several long news articles; longer inputs only repeat the same
// rule states more slowly.
constexpr size_t kMaxInputBytes = 64 * 1024;

void Check(bool ok) {
  if (!ok) std::abort();
}

bool Same(const std::vector<storyline::DateMention>& a, const std::vector<storyline::DateMention>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].span.start != b[i].span.start || a[i].span.end != b[i].span.end || a[i].value != b[i].value ||
        a[i].text != b[i].text) {
      return false;
    }
  }
  return true;
}

void CheckMentions(std::string_view text, const std::vector<storyline::DateMention>& found) {
  size_t prev_end = 0;
  for (const storyline::DateMention& d : found) {
    Check(d.span.start < d.span.end);
    Check(d.span.start >= prev_end);
    // Code points never outnumber bytes.
    Check(d.span.end <= text.size());
    Check(!d.text.empty() && text.find(d.text) != std::string_view::npos);
    Check(!d.value.empty());
    prev_end = d.span.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const storyline::DateAnchor& anchor :
       {storyline::DateAnchor{}, storyline::DateAnchor{2022, 11, 29}, storyline::DateAnchor{2022, 0, 0}}) {
    const std::vector<storyline::DateMention> found = storyline::FindDates(text, anchor);
    CheckMentions(text, found);
    Check(Same(found, storyline::FindDates(text, anchor)));
  }
  // A fixed reference date, so the same-answer check cannot straddle
  // midnight; then an unknown one (no evidence from the clock at all).
  for (const storyline::DateAnchor& reference : {storyline::DateAnchor{2022, 11, 29}, storyline::DateAnchor{}}) {
    const storyline::DateAnchor a = storyline::InferAnchor(text, "", reference);
    Check(a.month >= 0 && a.month <= 12 && a.day >= 0 && a.day <= 31);
    Check(a.day == 0 || a.month > 0);
    const storyline::DateAnchor b = storyline::InferAnchor(text, "", reference);
    Check(a.year == b.year && a.month == b.month && a.day == b.day);
  }
  return 0;
}
