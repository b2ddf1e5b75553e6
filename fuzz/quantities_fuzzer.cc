// Fuzzes FindQuantities. Mentions are derived from the input itself (each
// run of capitalised ASCII words, alternately PERSON and ORG) plus two
// malformed ones (reversed and out of range), so subject attachment runs on
// every input. Properties: no crash; quantities are non-empty, sorted,
// non-overlapping and within the input's code points; each text is the
// input's bytes with as many code points as its span; values are finite and
// non-negative; units are set; subjects are "" or a given id; the same input
// gives the same answer twice.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "extract/quantities.h"

namespace {

// 64 KiB: several long news articles; longer inputs only repeat the same
// matcher states more slowly.
constexpr size_t kMaxInputBytes = 64 * 1024;

void Check(bool ok) {
  if (!ok) std::abort();
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLetter(char c) { return IsUpper(c) || (c >= 'a' && c <= 'z'); }

std::vector<storyline::EntityMention> DeriveMentions(std::string_view text) {
  std::vector<storyline::EntityMention> out;
  size_t cp = 0;
  size_t start_cp = 0;
  size_t start_byte = 0;
  bool open = false;
  const auto close = [&](size_t end_byte, size_t end_cp) {
    storyline::EntityMention m;
    m.span = {start_cp, end_cp};
    m.text = std::string(text.substr(start_byte, end_byte - start_byte));
    m.type = out.size() % 2 == 0 ? "PERSON" : "ORG";
    m.entity = std::to_string(out.size());
    m.entity.insert(m.entity.begin(), 'e');
    out.push_back(std::move(m));
    open = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const bool word_start = IsUpper(text[i]) && (i == 0 || !IsLetter(text[i - 1]));
    if (!open && word_start) {
      open = true;
      start_cp = cp;
      start_byte = i;
    } else if (open && !IsLetter(text[i]) && !(text[i] == ' ' && i + 1 < text.size() && IsUpper(text[i + 1]))) {
      close(i, cp);
    }
    cp += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  if (open) close(text.size(), cp);
  storyline::EntityMention reversed;
  reversed.span = {5, 2};
  reversed.type = "PERSON";
  reversed.entity = "bad1";
  out.push_back(reversed);
  storyline::EntityMention beyond;
  beyond.span = {cp + 10, cp + 20};
  beyond.type = "ORG";
  beyond.entity = "bad2";
  out.push_back(beyond);
  return out;
}

bool Same(const std::vector<storyline::Quantity>& a, const std::vector<storyline::Quantity>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].span.start != b[i].span.start || a[i].span.end != b[i].span.end || a[i].text != b[i].text ||
        a[i].value != b[i].value || a[i].unit != b[i].unit || a[i].subject != b[i].subject) {
      return false;
    }
  }
  return true;
}

bool KnownSubject(const std::string& id, const std::vector<storyline::EntityMention>& mentions) {
  if (id.empty()) return true;
  for (const storyline::EntityMention& m : mentions) {
    if (m.entity == id) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const size_t total = storyline::CodePointLength(std::string(text));
  const std::vector<storyline::EntityMention> mentions = DeriveMentions(text);
  for (const std::vector<storyline::EntityMention>& given : {std::vector<storyline::EntityMention>{}, mentions}) {
    const std::vector<storyline::Quantity> found = storyline::FindQuantities(text, given);
    size_t prev_end = 0;
    for (const storyline::Quantity& q : found) {
      Check(q.span.start < q.span.end);
      Check(q.span.start >= prev_end);
      Check(q.span.end <= total);
      Check(!q.text.empty() && text.find(q.text) != std::string_view::npos);
      Check(storyline::CodePointLength(q.text) == q.span.end - q.span.start);
      Check(std::isfinite(q.value) && q.value >= 0);
      Check(!q.unit.empty());
      Check(KnownSubject(q.subject, given));
      prev_end = q.span.end;
    }
    Check(Same(found, storyline::FindQuantities(text, given)));
  }
  return 0;
}
