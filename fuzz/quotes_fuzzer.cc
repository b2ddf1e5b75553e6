// Fuzzes FindQuotes (extract/quotes.h) through the real sentence splitter
// and tokenizer. Entity mentions come from the input itself (each run of
// capitalised ASCII words, alternately PERSON and ORG, ids e1, e2, ...) plus
// two malformed ones (reversed and out of range), so attribution runs on
// every input. Properties: no crash; quotes sorted by start, non-empty and
// within the input's code points; each text is exactly the input at its
// span; kinds are direct|partial|indirect; a quotation crosses a line break
// only where the next paragraph opens with a quotation mark (unbalanced
// marks stop at the paragraph boundary); every speaker id names a mention
// in the entities afterwards; mentions added by the finder are well formed;
// the same input gives the same answer twice.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uchar.h>

#include "extract/quote_marks.h"
#include "extract/quotes.h"
#include "storyline/annotation.h"
#include "text/sentences.h"

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
    // insert, not operator+: GCC 12 reports a false -Wrestrict (GCC bug
    // 105329) on prefixing a short literal.
    m.entity = std::to_string(out.size() + 1);
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
    } else if (open && !IsLetter(text[i]) &&
               !(text[i] == ' ' && i + 1 < text.size() && IsUpper(text[i + 1]))) {
      close(i, cp);
    }
    cp += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  if (open) close(text.size(), cp);
  storyline::EntityMention reversed;
  reversed.span = {5, 2};
  reversed.type = "PERSON";
  reversed.entity = "e900";
  out.push_back(reversed);
  storyline::EntityMention beyond;
  beyond.span = {cp + 10, cp + 20};
  beyond.type = "ORG";
  beyond.entity = "e901";
  out.push_back(beyond);
  return out;
}

// Byte offset of each code point of `s` (as CodePointLength counts them),
// plus s.size() at the end.
std::vector<size_t> CodePointStarts(std::string_view s) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(s.size());
  return starts;
}

// Code point at byte `b` of `s` when it is a short sequence we recognise.
char32_t CodePointAt(std::string_view s, size_t b) {
  const unsigned char c = static_cast<unsigned char>(s[b]);
  if (c < 0x80) return c;
  if ((c >> 5) == 6 && b + 1 < s.size()) return ((c & 0x1F) << 6) | (s[b + 1] & 0x3F);
  if ((c >> 4) == 14 && b + 2 < s.size()) {
    return ((c & 0x0F) << 12) | ((s[b + 1] & 0x3F) << 6) | (s[b + 2] & 0x3F);
  }
  return 0xFFFD;
}

// A line break inside a quotation must be followed (after blank space) by
// an opening mark: the multi-paragraph convention.
bool BreaksOnlyBeforeMarks(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    size_t k = i;
    // White space of any kind (as the mark pairer counts it), and stray
    // continuation bytes, which are no code point (CodePointLength): skip.
    while (k < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[k]);
      if ((c & 0xC0) == 0x80) {
        ++k;
        continue;
      }
      if (!u_isUWhiteSpace(static_cast<UChar32>(CodePointAt(text, k)))) break;
      ++k;
    }
    if (k == text.size() || !storyline::IsQuoteMark(CodePointAt(text, k))) return false;
    i = k;
  }
  return true;
}

bool Same(const std::vector<storyline::Quote>& a, const std::vector<storyline::Quote>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].span.start != b[i].span.start || a[i].span.end != b[i].span.end || a[i].text != b[i].text ||
        a[i].speaker != b[i].speaker || a[i].speaker_name != b[i].speaker_name || a[i].cue != b[i].cue ||
        a[i].kind != b[i].kind || a[i].medium != b[i].medium) {
      return false;
    }
  }
  return true;
}

bool KnownSpeaker(const std::string& id, const std::vector<storyline::EntityMention>& mentions) {
  if (id.empty()) return true;
  for (const storyline::EntityMention& m : mentions) {
    if (m.entity == id) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::vector<size_t> starts = CodePointStarts(text);
  const size_t total = starts.size() - 1;
  const std::vector<storyline::Span> sentences = storyline::SplitSentences(text);
  const std::vector<storyline::Token> tokens = storyline::Tokenize(text);
  const std::vector<storyline::EntityMention> derived = DeriveMentions(text);
  for (const std::vector<storyline::EntityMention>& given : {std::vector<storyline::EntityMention>{}, derived}) {
    std::vector<storyline::EntityMention> mentions = given;
    const std::vector<storyline::Quote> found = storyline::FindQuotes(text, sentences, tokens, &mentions);
    Check(mentions.size() >= given.size());
    size_t prev_start = 0;
    for (const storyline::Quote& q : found) {
      Check(q.span.start < q.span.end && q.span.end <= total);
      Check(q.span.start >= prev_start);
      prev_start = q.span.start;
      const std::string_view slice =
          std::string_view(text).substr(starts[q.span.start], starts[q.span.end] - starts[q.span.start]);
      Check(q.text == slice);
      Check(q.kind == "direct" || q.kind == "partial" || q.kind == "indirect");
      Check(BreaksOnlyBeforeMarks(q.text));
      Check(KnownSpeaker(q.speaker, mentions));
    }
    // Added mentions are sorted in among the given ones: check every one
    // but the two malformed mentions given on purpose.
    for (const storyline::EntityMention& m : mentions) {
      if (m.entity == "e900" || m.entity == "e901") continue;
      Check(m.span.start < m.span.end && m.span.end <= total);
      Check(!m.entity.empty() && (m.type == "PERSON" || m.type == "ORG"));
    }
    std::vector<storyline::EntityMention> again = given;
    Check(Same(found, storyline::FindQuotes(text, sentences, tokens, &again)));
  }
  return 0;
}
