#include "clean/phrase_matcher.h"

#include <algorithm>
#include <cassert>

namespace storyline::clean {
namespace {

// 2^16 filter bits (8 KiB, stays in L1): with a few hundred phrases almost
// every text position is rejected by one bit test.
constexpr int kSlotBits = 16;
constexpr uint32_t kHashMultiplier = 0x9E3779B1u;  // Fibonacci hashing

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

uint32_t PhraseMatcher::KeyAt(const char* p) {
  return static_cast<uint32_t>(static_cast<unsigned char>(p[0])) |
         static_cast<uint32_t>(static_cast<unsigned char>(p[1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(p[2])) << 16;
}

uint32_t PhraseMatcher::Slot(uint32_t key) { return (key * kHashMultiplier) >> (32 - kSlotBits); }

void PhraseMatcher::Add(std::span<const std::string_view> phrases, int group) {
  assert(group >= 0 && group < kMaxGroups);
  for (std::string_view p : phrases) {
    assert(p.size() >= kMinPhraseBytes);
    entries_.push_back(Entry{KeyAt(p.data()), p, uint64_t{1} << group});
  }
}

void PhraseMatcher::Finish() {
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.phrase < b.phrase;
  });
  // Merge duplicates so each occurrence is reported once with all its groups.
  std::vector<Entry> merged;
  for (const Entry& e : entries_) {
    if (!merged.empty() && merged.back().phrase == e.phrase) {
      merged.back().groups |= e.groups;
    } else {
      merged.push_back(e);
    }
  }
  entries_ = std::move(merged);
  filter_.assign((size_t{1} << kSlotBits) / 64, 0);
  for (const Entry& e : entries_) {
    const uint32_t slot = Slot(e.key);
    filter_[slot / 64] |= uint64_t{1} << (slot % 64);
  }
}

PhraseMatcher::Hits PhraseMatcher::Scan(std::string_view text) const {
  Hits hits;
  if (text.size() < kMinPhraseBytes) return hits;
  const char* s = text.data();
  const size_t n = text.size();
  for (size_t i = 0; i + kMinPhraseBytes <= n; ++i) {
    const uint32_t key = KeyAt(s + i);
    const uint32_t slot = Slot(key);
    if (((filter_[slot / 64] >> (slot % 64)) & 1u) == 0) continue;
    auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                               [](const Entry& e, uint32_t k) { return e.key < k; });
    for (; it != entries_.end() && it->key == key; ++it) {
      const std::string_view p = it->phrase;
      if (p.size() > n - i || text.compare(i, p.size(), p) != 0) continue;
      hits.substring |= it->groups;
      const size_t end = i + p.size();
      const bool left_ok = i == 0 || !IsAsciiAlnum(s[i - 1]);
      const bool right_ok = end >= n || !IsAsciiAlnum(s[end]);
      if (left_ok && right_ok) hits.phrase |= it->groups;
    }
  }
  return hits;
}

}  // namespace storyline::clean
