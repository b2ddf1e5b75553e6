// phrase_matcher.h: finds many short lower-case phrases in one pass over a
// text (private to the clean stage). The boilerplate rules ask "does this
// line contain any of these 20 phrases?" dozens of times per line; asking
// them one find() at a time cost half the run time in memchr/memcmp.
//
//   constexpr std::string_view kShare[] = {"share this", "share on "};
//   PhraseMatcher m;
//   m.Add(kShare, /*group=*/0);
//   m.Finish();
//   const PhraseMatcher::Hits hits = m.Scan("please share this story");
//   if (hits.Substring(0)) ...   // any phrase of group 0 occurs
//   if (hits.Phrase(0)) ...      // ... with no letter or digit either side
//
// Thread-safety: Add and Finish are not; after Finish a matcher is
// immutable and Scan may run concurrently (callers keep built matchers in
// function-local statics).
#ifndef STORYLINE_CLEAN_PHRASE_MATCHER_H_
#define STORYLINE_CLEAN_PHRASE_MATCHER_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace storyline::clean {

class PhraseMatcher {
 public:
  // Shortest phrase accepted: the scan filters positions by their first
  // kMinPhraseBytes bytes.
  static constexpr size_t kMinPhraseBytes = 3;
  // Groups are bits of a uint64_t.
  static constexpr int kMaxGroups = 64;

  // Which groups have a phrase occurring in the scanned text.
  struct Hits {
    uint64_t substring = 0;  // anywhere
    uint64_t phrase = 0;     // not preceded or followed by an ASCII letter or digit
    bool Substring(int group) const { return (substring >> group) & 1u; }
    bool Phrase(int group) const { return (phrase >> group) & 1u; }
  };

  // Adds phrases to `group`. A phrase may be in several groups.
  // REQUIRES: each phrase is at least kMinPhraseBytes long; 0 <= group <
  // kMaxGroups; Finish not called yet. The views must outlive the matcher
  // (callers pass string literals).
  void Add(std::span<const std::string_view> phrases, int group);
  void Finish();

  // REQUIRES: Finish was called. Matching is byte-exact: callers lower-case
  // the text (and write phrases in lower case).
  Hits Scan(std::string_view text) const;

 private:
  struct Entry {
    uint32_t key;  // first kMinPhraseBytes bytes, little-endian
    std::string_view phrase;
    uint64_t groups;
  };
  static uint32_t KeyAt(const char* p);
  static uint32_t Slot(uint32_t key);

  std::vector<Entry> entries_;     // sorted by key, then phrase; phrases unique
  std::vector<uint64_t> filter_;   // bit per Slot(): some phrase starts with a key in that slot
};

}  // namespace storyline::clean

#endif  // STORYLINE_CLEAN_PHRASE_MATCHER_H_
