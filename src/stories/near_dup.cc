#include "stories/near_dup.h"

#include <xxhash.h>

#include <algorithm>
#include <limits>

#include "stories/state_io.h"
#include "stories/text_features.h"

namespace storyline::stories {
namespace {

// splitmix64 finaliser: a cheap bijective mixer, so each seed gives an
// independent-looking hash function over the 64-bit shingle hashes.
constexpr uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

constexpr std::array<uint64_t, NearDupIndex::kHashes> MakeSeeds() {
  std::array<uint64_t, NearDupIndex::kHashes> seeds{};
  for (size_t i = 0; i < seeds.size(); ++i) seeds[i] = Mix(0x9e3779b97f4a7c15ULL * (i + 1));
  return seeds;
}
constexpr std::array<uint64_t, NearDupIndex::kHashes> kSeeds = MakeSeeds();

// The band table grows by half when it is this full. Linear probing stays
// short up to ~0.8 with well-mixed keys, and growing by 1.5x keeps the load
// between 0.53 and 0.8: 10 to 15 bytes per band entry.
constexpr double kMaxLoad = 0.8;
constexpr size_t kInitialSlots = 1024;

// Chance that the low bytes of two different minimum hashes agree.
constexpr double kByteCollision = 1.0 / 256.0;

}  // namespace

NearDupIndex::NearDupIndex(const NearDupOptions& options) : options_(options) {
  if (options_.shingle_words == 0) options_.shingle_words = 1;
}

size_t NearDupIndex::MemoryBytes() const {
  return signatures_.capacity() * sizeof(Signature) + groups_.capacity() * sizeof(uint32_t) +
         table_.capacity() * sizeof(uint64_t) + earlier_.size() * (sizeof(Earlier) + 4 * sizeof(void*));
}

void NearDupIndex::SetSource(const StateSource* source, uint64_t articles) {
  *this = NearDupIndex(options_);
  if (source == nullptr || articles >= UINT32_MAX) return;
  source_ = source;
  first_ = static_cast<uint32_t>(articles);
}

const NearDupIndex::Earlier& NearDupIndex::EarlierAt(uint32_t a) {
  auto [it, inserted] = earlier_.try_emplace(a);
  std::string row;
  if (inserted && source_ != nullptr && source_->Get(StateTable::kSlot, KeyU32(a), &row)) {
    StateReader r(row);
    const std::vector<uint8_t> signature = r.Vec<uint8_t>();
    it->second.group = r.U32();
    if (!r.ok() || !r.at_end() || signature.size() != kHashes || it->second.group > a) {
      damaged_ = true;
      it->second = Earlier{};
      it->second.group = a;
    } else {
      std::copy(signature.begin(), signature.end(), it->second.signature.begin());
    }
  } else if (inserted) {
    damaged_ = true;  // every earlier article has its row
    it->second.group = a;
  }
  return it->second;
}

uint32_t NearDupIndex::Group(uint32_t i) { return i >= first_ ? groups_[i - first_] : EarlierAt(i).group; }

void NearDupIndex::TakeDirtyRows(std::vector<StateRow>& out) {
  for (; rows_taken_ < groups_.size(); ++rows_taken_) {
    StateWriter w;
    w.Vec(std::vector<uint8_t>(signatures_[rows_taken_].begin(), signatures_[rows_taken_].end()));
    w.U32(groups_[rows_taken_]);
    out.push_back({StateTable::kSlot, KeyU32(first_ + static_cast<uint32_t>(rows_taken_)), w.Take()});
  }
  for (uint32_t key : new_bands_) {
    // The article filed under the key: found again in the table.
    size_t i = Mix(key) % table_.size();
    while ((table_[i] >> 32) != key) i = (i + 1) % table_.size();
    StateWriter w;
    w.U32(static_cast<uint32_t>(table_[i] & 0xffffffffULL) - 1);
    out.push_back({StateTable::kBand, KeyU32(key), w.Take()});
  }
  new_bands_.clear();
}

double NearDupIndex::EstimateJaccard(uint32_t a, const Signature& b) {
  const Signature& s = a >= first_ ? signatures_[a - first_] : EarlierAt(a).signature;
  size_t same = 0;
  for (size_t i = 0; i < kHashes; ++i) same += s[i] == b[i];
  // P(byte match) = J + (1 - J) / 256, solved for J.
  const double p = static_cast<double>(same) / kHashes;
  return std::max(0.0, (p - kByteCollision) / (1.0 - kByteCollision));
}

void NearDupIndex::Grow() {
  const size_t slots = table_.empty() ? kInitialSlots : table_.size() + table_.size() / 2;
  std::vector<uint64_t> old;
  old.swap(table_);
  table_.assign(slots, 0);
  for (uint64_t entry : old) {
    if (entry == 0) continue;
    size_t i = Mix(entry >> 32) % slots;
    while (table_[i] != 0) i = (i + 1) % slots;
    table_[i] = entry;
  }
}

uint32_t NearDupIndex::FindOrInsert(uint64_t key, uint32_t article) {
  if (table_.empty() || static_cast<double>(table_used_ + 1) > kMaxLoad * table_.size()) Grow();
  const uint64_t key32 = key & 0xffffffffULL;
  size_t i = Mix(key32) % table_.size();
  while (table_[i] != 0) {
    if ((table_[i] >> 32) == key32) return static_cast<uint32_t>(table_[i] & 0xffffffffULL) - 1;
    i = (i + 1) % table_.size();
  }
  // Not filed in this index: perhaps in an earlier one (then cached here).
  std::string row;
  if (source_ != nullptr && source_->Get(StateTable::kBand, KeyU32(static_cast<uint32_t>(key32)), &row)) {
    StateReader r(row);
    const uint32_t earlier = r.U32();
    if (r.ok() && r.at_end() && earlier < first_) {
      table_[i] = (key32 << 32) | (static_cast<uint64_t>(earlier) + 1);
      ++table_used_;
      return earlier;
    }
    damaged_ = true;
  }
  table_[i] = (key32 << 32) | (static_cast<uint64_t>(article) + 1);
  ++table_used_;
  new_bands_.push_back(static_cast<uint32_t>(key32));
  return kNone;
}

NearDupIndex::Sketch NearDupIndex::MakeSketch(std::string_view text,
                                              const NearDupOptions& options) {
  std::vector<uint64_t> words;
  for (const WordToken& t : Tokenize(text)) {
    words.push_back(XXH3_64bits(t.folded.data(), t.folded.size()));
  }
  Sketch sketch;
  sketch.mins.fill(std::numeric_limits<uint64_t>::max());
  // A text shorter than one shingle is a single shingle of all its words.
  const size_t k = std::min(std::max<size_t>(options.shingle_words, 1), words.size());
  sketch.empty = k == 0;
  for (size_t start = 0; k > 0 && start + k <= words.size(); ++start) {
    uint64_t shingle = 0;
    for (size_t w = start; w < start + k; ++w) shingle = Mix(shingle ^ words[w]);
    for (size_t i = 0; i < kHashes; ++i) {
      sketch.mins[i] = std::min(sketch.mins[i], Mix(shingle ^ kSeeds[i]));
    }
  }
  return sketch;
}

NearDupIndex::Match NearDupIndex::Add(const Sketch& sketch) {
  const uint32_t self = static_cast<uint32_t>(size());
  Match match;
  match.group = self;
  const std::array<uint64_t, kHashes>& mins = sketch.mins;
  Signature signature;
  for (size_t i = 0; i < kHashes; ++i) signature[i] = static_cast<uint8_t>(mins[i]);
  signatures_.push_back(signature);
  groups_.push_back(self);
  if (sketch.empty) return match;

  for (size_t band = 0; band < kBands; ++band) {
    uint64_t key = Mix(band + 1);
    for (size_t r = 0; r < kRows; ++r) key = Mix(key ^ mins[band * kRows + r]);
    const uint32_t other = FindOrInsert(key, self);
    if (other == kNone || other == self || match.duplicate_of == other) continue;
    const double j = EstimateJaccard(other, signature);
    if (j >= options_.min_jaccard && j > match.jaccard) {
      match.duplicate_of = other;
      match.jaccard = j;
    }
  }
  if (match.duplicate_of != kNone) {
    match.group = Group(match.duplicate_of);
    groups_.back() = match.group;
  }
  return match;
}

}  // namespace storyline::stories
