#include "extract/ner_features.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string_view>

#include "extract/model_bytes.h"

namespace storyline::ner {
namespace {

using model_bytes::kFnvOffset;
using model_bytes::kFnvPrime;

uint64_t Fnv(std::string_view s, uint64_t h = kFnvOffset) { return model_bytes::Fnv1a(s, h); }

// splitmix64 finaliser: spreads template ids and combined hashes over all
// bits before the top bits are taken as the row.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

uint64_t Combine(uint64_t a, uint64_t b) { return Mix(a * 0x9e3779b97f4a7c15ULL + b); }

// Shape runs longer than this collapse ("Xxxxxxxx" -> "Xxxx"), as in spaCy:
// the length beyond four says little about the word's class.
constexpr int kShapeRunCap = 4;
// Affix lengths 1..kMaxAffix in code points.
constexpr int kMaxAffix = 4;
// Word lengths above this share one length bucket.
constexpr size_t kMaxLengthBucket = 12;

enum CapClass : uint8_t { kNoLetters, kInitCap, kAllCaps, kLower, kMixed, kBoundary };

struct TokenInfo {
  uint64_t exact = 0;
  uint64_t lower = 0;
  uint64_t shape = 0;
  uint64_t short_shape = 0;
  uint64_t prefix[kMaxAffix] = {};
  uint64_t suffix[kMaxAffix] = {};
  uint64_t length = 0;
  uint32_t cluster = 0;  // packed path, 0 when the word has none
  uint8_t cap = kBoundary;
};

char ShapeChar(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';  // non-ASCII letter or symbol: case unknown here
  return static_cast<char>(c);
}

unsigned char AsciiLower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

uint64_t FnvLower(std::string_view s) {
  uint64_t h = kFnvOffset;
  for (unsigned char c : s) h = (h ^ AsciiLower(c)) * kFnvPrime;
  return h;
}

// Allocation-free: every hash is streamed over the word's bytes once, because
// this runs for every token the tagger sees.
TokenInfo Describe(std::string_view word) {
  TokenInfo t;
  uint64_t exact = kFnvOffset, lower = kFnvOffset, shape = kFnvOffset, short_shape = kFnvOffset;
  bool upper = false, low = false, first_upper = false;
  char prev_sc = 0;
  int run = 0;
  size_t n = 0;                 // code points seen
  size_t ring[kMaxAffix] = {};  // byte starts of the last kMaxAffix code points
  for (size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if ((c & 0xc0) != 0x80) {  // a code point starts here
      if (n >= 1 && n <= static_cast<size_t>(kMaxAffix)) t.prefix[n - 1] = lower;
      ring[n % kMaxAffix] = i;
      ++n;
      if (c >= 'A' && c <= 'Z') {
        upper = true;
        if (i == 0) first_upper = true;
      } else if (c >= 'a' && c <= 'z') {
        low = true;
      }
      const char sc = ShapeChar(c);
      if (sc == prev_sc) {
        if (++run < kShapeRunCap) shape = (shape ^ static_cast<unsigned char>(sc)) * kFnvPrime;
      } else {
        shape = (shape ^ static_cast<unsigned char>(sc)) * kFnvPrime;
        short_shape = (short_shape ^ static_cast<unsigned char>(sc)) * kFnvPrime;
        run = 0;
        prev_sc = sc;
      }
    }
    exact = (exact ^ c) * kFnvPrime;
    lower = (lower ^ AsciiLower(c)) * kFnvPrime;
  }
  for (size_t k = std::max<size_t>(n, 1); k <= static_cast<size_t>(kMaxAffix); ++k) t.prefix[k - 1] = lower;
  for (size_t k = 1; k <= static_cast<size_t>(kMaxAffix); ++k) {
    size_t begin = k < n ? ring[(n - k) % kMaxAffix] : 0;
    t.suffix[k - 1] = FnvLower(word.substr(begin));
  }
  t.exact = exact;
  t.lower = lower;
  t.shape = shape;
  t.short_shape = short_shape;
  t.length = std::min(n, kMaxLengthBucket);
  if (!upper && !low) {
    t.cap = kNoLetters;
  } else if (upper && !low) {
    t.cap = kAllCaps;
  } else if (!upper) {
    t.cap = kLower;
  } else {
    t.cap = first_upper ? kInitCap : kMixed;
  }
  return t;
}

TokenInfo BoundaryToken(uint64_t marker) {
  TokenInfo t;
  t.exact = t.lower = t.shape = t.short_shape = t.length = marker;
  for (int k = 0; k < kMaxAffix; ++k) t.prefix[k] = t.suffix[k] = marker;
  t.cap = kBoundary;
  return t;
}

// Key of a phrase (type 0) or of a phrase with entity type id t (t + 1).
uint64_t PhraseKey(uint64_t phrase_hash, size_t type_plus_one) {
  return Mix(phrase_hash + type_plus_one * 0x9e3779b97f4a7c15ULL);
}

uint64_t ExtendPhrase(uint64_t h, std::string_view word) { return Fnv(word, (h ^ ' ') * kFnvPrime); }

// Web text often writes names in lower case ("florida"), so each name is
// also keyed case-folded (ASCII), under its own seed.
constexpr uint64_t kFoldedSeed = kFnvOffset ^ 0x5bd1e995ULL;

uint64_t ExtendFolded(uint64_t h, std::string_view word) {
  h = (h ^ ' ') * kFnvPrime;
  for (unsigned char c : word) h = (h ^ (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c)) * kFnvPrime;
  return h;
}

bool Contains(const std::vector<uint64_t>& slots, uint64_t key) {
  const size_t mask = slots.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots[i] == key) return true;
    if (slots[i] == 0) return false;
  }
}

// Bit (2 * type + (0 for the first token, 1 for later ones)) of mask[i] is
// set when token i lies in a gazetteer phrase of that type. Only types 0..7
// fit; UNER has three.
void GazetteerMasks(const std::vector<std::string>& tokens, const std::vector<uint64_t>& gazetteer,
                    std::vector<uint32_t>* mask) {
  constexpr size_t kMaxTypes = 8;
  const size_t n = tokens.size();
  mask->assign(n, 0);
  if (gazetteer.empty()) return;
  for (int folded = 0; folded < 2; ++folded) {
    // Exact-case matches set bits 0..15, case-folded ones bits 16..31.
    const int shift = folded ? 16 : 0;
    for (size_t i = 0; i < n; ++i) {
      uint64_t h = folded ? kFoldedSeed : kFnvOffset;
      for (size_t len = 1; len <= kMaxGazetteerTokens && i + len <= n; ++len) {
        h = folded ? ExtendFolded(h, tokens[i + len - 1]) : ExtendPhrase(h, tokens[i + len - 1]);
        if (!Contains(gazetteer, PhraseKey(h, 0))) break;  // no name starts so
        for (size_t t = 0; t < kMaxTypes; ++t) {
          if (!Contains(gazetteer, PhraseKey(h, t + 1))) continue;
          for (size_t j = i; j < i + len; ++j) (*mask)[j] |= 1u << (shift + 2 * t + (j == i ? 0 : 1));
        }
      }
    }
  }
}

uint32_t LookupCluster(const ClusterSlots& slots, uint64_t key) {
  if (slots.empty() || key == 0) return 0;
  const size_t mask = slots.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots[i].first == key) return slots[i].second;
    if (slots[i].first == 0) return 0;
  }
}

// The first `k` bits of a packed path (the whole path when shorter), as a
// feature value distinct for each k; "no cluster" is its own value.
uint64_t ClusterPrefix(uint32_t packed, uint32_t k) {
  const uint32_t len = packed & 31u;
  const uint32_t bits = packed >> 5;
  const uint32_t take = std::min(len, k);
  return (uint64_t{k} << 40) | (uint64_t{take} << 32) | (bits >> (len - take));
}

// Cluster prefix lengths for the current word: coarse to fine, the lengths
// Ratinov & Roth (2009) used for Brown paths (4, 6, 10) plus the full path.
constexpr uint32_t kClusterPrefixes[] = {4, 6, 10, 16};
// Neighbours get one mid-size prefix: enough to say "a month", "a verb of
// saying", "a title" without multiplying rare combinations.
constexpr uint32_t kNeighbourPrefix = 6;

}  // namespace

uint64_t ClusterKey(std::string_view word) { return Fnv(word); }

uint32_t FindCluster(const ClusterSlots& clusters, std::string_view word) {
  return LookupCluster(clusters, Fnv(word));
}

uint32_t PackClusterPath(std::string_view path) {
  constexpr size_t kMaxBits = 16;
  if (path.empty() || path.size() > kMaxBits) return 0;
  uint32_t bits = 0;
  for (char c : path) {
    if (c != '0' && c != '1') return 0;
    bits = (bits << 1) | static_cast<uint32_t>(c - '0');
  }
  return (bits << 5) | static_cast<uint32_t>(path.size());
}

ClusterSlots BuildClusterSlots(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& paths) {
  if (keys.empty()) return {};
  size_t size = 2;
  while (size < 2 * keys.size()) size *= 2;
  ClusterSlots slots(size, {0, 0});
  const size_t mask = size - 1;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (keys[k] == 0) continue;  // the empty marker; a 1-in-2^64 key is dropped
    size_t i = keys[k] & mask;
    while (slots[i].first != 0 && slots[i].first != keys[k]) i = (i + 1) & mask;
    slots[i] = {keys[k], paths[k]};
  }
  return slots;
}

std::vector<std::string> EntityTypes(const std::vector<std::string>& labels) {
  std::vector<std::string> types;
  for (const std::string& l : labels) {
    if (l.size() > 2 && l[0] == 'B' && l[1] == '-') types.push_back(l.substr(2));
  }
  return types;
}

void AddGazetteerEntry(const std::vector<std::string>& tokens, size_t begin, size_t end,
                       size_t type, std::vector<uint64_t>* keys) {
  if (end <= begin || end - begin > kMaxGazetteerTokens) return;
  uint64_t h = kFnvOffset;
  uint64_t f = kFoldedSeed;
  for (size_t i = begin; i < end; ++i) {
    h = ExtendPhrase(h, tokens[i]);
    f = ExtendFolded(f, tokens[i]);
    keys->push_back(PhraseKey(h, 0));
    keys->push_back(PhraseKey(f, 0));
  }
  keys->push_back(PhraseKey(h, type + 1));
  keys->push_back(PhraseKey(f, type + 1));
}

std::vector<uint64_t> GazetteerSlots(const std::vector<uint64_t>& keys) {
  // At most half full, so probe runs stay short.
  size_t size = 2;
  while (size < 2 * keys.size()) size *= 2;
  std::vector<uint64_t> slots(size, 0);
  const size_t mask = size - 1;
  for (uint64_t k : keys) {
    if (k == 0) continue;  // the empty marker; a 1-in-2^64 key is dropped
    size_t i = k & mask;
    while (slots[i] != 0 && slots[i] != k) i = (i + 1) & mask;
    slots[i] = k;
  }
  return slots;
}

void FeatureRows(const std::vector<std::string>& tokens, uint32_t hash_bits,
                 const std::vector<uint64_t>& gazetteer, const ClusterSlots& clusters,
                 std::vector<uint32_t>* rows) {
  // Two boundary tokens each side, so window features never branch.
  constexpr size_t kPad = 2;
  const size_t n = tokens.size();
  std::vector<TokenInfo> info(n + 2 * kPad);
  info[0] = info[1] = BoundaryToken(Fnv("<s>"));
  info[n + kPad] = info[n + kPad + 1] = BoundaryToken(Fnv("</s>"));
  for (size_t i = 0; i < n; ++i) {
    TokenInfo& t = info[i + kPad];
    t = Describe(tokens[i]);
    // Exact form first, then the lower-case form ("The" -> "the"). Trying
    // the title-case form of all-caps words ("LONDON" -> "London") scored
    // lower on dev (mean of 4 seeds 68.5 vs 69.3 F1), so it is not done.
    t.cluster = LookupCluster(clusters, t.exact);
    if (t.cluster == 0 && t.lower != t.exact) t.cluster = LookupCluster(clusters, t.lower);
  }

  // How capitalised the sentence is: web text ranges from all-lowercase
  // chat to Title Case headlines, which changes what a capital letter means.
  size_t capped = 0, words = 0;
  for (size_t i = kPad; i < n + kPad; ++i) {
    if (info[i].cap == kNoLetters) continue;
    ++words;
    if (info[i].cap == kInitCap || info[i].cap == kAllCaps) ++capped;
  }
  const uint64_t sentence_caps = words == 0 ? 0 : 1 + (4 * capped) / (words + 1);

  std::vector<uint32_t> gaz;
  GazetteerMasks(tokens, gazetteer, &gaz);

  rows->clear();
  rows->resize(n * kFeaturesPerToken);
  const int shift = 64 - static_cast<int>(hash_bits);
  for (size_t i = 0; i < n; ++i) {
    const TokenInfo& p2 = info[i];
    const TokenInfo& p1 = info[i + 1];
    const TokenInfo& w = info[i + 2];
    const TokenInfo& n1 = info[i + 3];
    const TokenInfo& n2 = info[i + 4];
    const uint64_t first = i == 0 ? 1 : 0;
    const uint64_t caps = (first << 12) | (uint64_t{p1.cap} << 8) | (uint64_t{w.cap} << 4) | n1.cap;
    const uint64_t f[kFeaturesPerToken] = {
        0,
        w.lower,
        w.exact,
        w.shape,
        w.short_shape,
        w.prefix[0], w.prefix[1], w.prefix[2], w.prefix[3],
        w.suffix[0], w.suffix[1], w.suffix[2], w.suffix[3],
        p1.lower, n1.lower, p2.lower, n2.lower,
        p1.shape, n1.shape, p2.short_shape, n2.short_shape,
        Combine(p1.lower, w.lower),
        Combine(w.lower, n1.lower),
        Combine(Combine(p1.short_shape, w.short_shape), n1.short_shape),
        Combine(first, w.shape),
        Combine(p1.lower, w.shape),
        Combine(w.shape, n1.lower),
        caps,
        Combine(p2.lower, p1.lower),
        Combine(w.length, w.short_shape),
        Combine(sentence_caps, caps),
        Combine(sentence_caps, w.lower),
        Combine(p1.shape, w.shape),
        Combine(w.shape, n1.shape),
        Combine(p1.lower, n1.lower),
        Combine(w.suffix[2], p1.short_shape),
        Combine(gaz[i], 0),
        Combine(gaz[i], w.shape),
        ClusterPrefix(w.cluster, kClusterPrefixes[0]),
        ClusterPrefix(w.cluster, kClusterPrefixes[1]),
        ClusterPrefix(w.cluster, kClusterPrefixes[2]),
        ClusterPrefix(w.cluster, kClusterPrefixes[3]),
        ClusterPrefix(p1.cluster, kNeighbourPrefix),
        ClusterPrefix(n1.cluster, kNeighbourPrefix),
        Combine(ClusterPrefix(w.cluster, kClusterPrefixes[3]), w.short_shape),
    };
    uint32_t* out = rows->data() + i * kFeaturesPerToken;
    for (size_t k = 0; k < kFeaturesPerToken; ++k) {
      out[k] = static_cast<uint32_t>(Mix(f[k] + (k + 1) * 0x9e3779b97f4a7c15ULL) >> shift);
    }
  }
}

std::vector<uint8_t> AllowedTransitions(const std::vector<std::string>& labels) {
  const size_t L = labels.size();
  std::vector<uint8_t> allowed((L + 1) * L, 1);
  for (size_t cur = 0; cur < L; ++cur) {
    std::string_view c = labels[cur];
    if (c.size() < 2 || c.substr(0, 2) != "I-") continue;
    std::string_view type = c.substr(2);
    allowed[cur] = 0;  // sentence start
    for (size_t prev = 0; prev < L; ++prev) {
      std::string_view p = labels[prev];
      bool ok = p.size() > 2 && (p[0] == 'B' || p[0] == 'I') && p[1] == '-' && p.substr(2) == type;
      allowed[(prev + 1) * L + cur] = ok ? 1 : 0;
    }
  }
  return allowed;
}

void Decode(const NerModel& model, const uint32_t* rows, size_t n,
            DecodeScratch* scratch, std::vector<int>* out) {
  const size_t L = model.labels.size();
  const size_t stride = model.stride;
  out->assign(n, 0);
  if (n == 0 || L == 0) return;
  std::vector<float>& em = scratch->emission;
  em.assign(n * stride, 0.0f);
  const float* w = model.weights.data();
  // Rows of up to seven labels (the shipped model's PER/ORG/LOC and O) pad
  // to eight floats: for them the sums stay in registers instead of memory,
  // added in the same order, so every score is the same float.
  constexpr size_t kNarrowStride = 8;
  for (size_t i = 0; i < n; ++i) {
    float* e = em.data() + i * stride;
    const uint32_t* r = rows + i * kFeaturesPerToken;
    if (stride == kNarrowStride) {
      // Two lanes of four floats: each lane adds as the scalar loop would.
      using Lanes = float __attribute__((vector_size(16)));
      Lanes lo = {}, hi = {};
      for (size_t k = 0; k < kFeaturesPerToken; ++k) {
        const float* row = w + static_cast<size_t>(r[k]) * kNarrowStride;
        Lanes a, b;
        std::memcpy(&a, row, sizeof(a));
        std::memcpy(&b, row + 4, sizeof(b));
        lo += a;
        hi += b;
      }
      std::memcpy(e, &lo, sizeof(lo));
      std::memcpy(e + 4, &hi, sizeof(hi));
      continue;
    }
    for (size_t k = 0; k < kFeaturesPerToken; ++k) {
      const float* row = w + static_cast<size_t>(r[k]) * stride;
      for (size_t l = 0; l < stride; ++l) e[l] += row[l];
    }
  }
  constexpr float kNegInf = -std::numeric_limits<float>::infinity();
  std::vector<float>& score = scratch->score;
  std::vector<int>& back = scratch->back;
  score.assign(n * L, kNegInf);
  back.assign(n * L, 0);
  const float* tr = model.transitions.data();
  const uint8_t* ok = model.allowed.data();
  for (size_t cur = 0; cur < L; ++cur) {
    if (ok[cur]) score[cur] = em[cur] + tr[cur];
  }
  for (size_t i = 1; i < n; ++i) {
    const float* prev_score = score.data() + (i - 1) * L;
    for (size_t cur = 0; cur < L; ++cur) {
      float best = kNegInf;
      int arg = 0;
      for (size_t prev = 0; prev < L; ++prev) {
        size_t t = (prev + 1) * L + cur;
        if (!ok[t]) continue;
        float s = prev_score[prev] + tr[t];
        if (s > best) { best = s; arg = static_cast<int>(prev); }
      }
      score[i * L + cur] = best + em[i * stride + cur];
      back[i * L + cur] = arg;
    }
  }
  const float* last = score.data() + (n - 1) * L;
  int best = static_cast<int>(std::max_element(last, last + L) - last);
  for (size_t i = n; i-- > 0;) {
    (*out)[i] = best;
    best = back[i * L + static_cast<size_t>(best)];
  }
}

}  // namespace storyline::ner
