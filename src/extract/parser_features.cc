#include "extract/parser_features.h"

#include <algorithm>
#include <cassert>
#include <string>

#include "extract/model_bytes.h"
#include "extract/ner_features.h"

namespace storyline::parse {
namespace {

uint64_t Fnv(std::string_view s) { return model_bytes::Fnv1a(s); }

// Stand-ins for attributes of positions with no word: before the sentence,
// after it, the root, a missing stack or buffer item. Arbitrary distinct
// constants, far from FNV values of short strings.
constexpr uint64_t kNone = 0x6e6f6e65ULL;
constexpr uint64_t kStart = 0x7374617274ULL;
constexpr uint64_t kEnd = 0x656e64ULL;

uint64_t Mix(uint64_t h, uint64_t v) {
  h = (h ^ v) * 0xff51afd7ed558ccdULL;
  return h ^ (h >> 33);
}

// The row of feature template `t` with values `v...`.
template <typename... V>
uint32_t Row(uint32_t bits, uint64_t t, V... v) {
  uint64_t h = Mix(0x9e3779b97f4a7c15ULL, t);
  ((h = Mix(h, static_cast<uint64_t>(v))), ...);
  return static_cast<uint32_t>((h * 0x9e3779b97f4a7c15ULL) >> (64 - bits));
}

// The first k bits of a packed cluster path (ner_features.h: bits << 5 | length).
uint64_t ClusterPrefix(uint32_t packed, uint32_t k) {
  const uint32_t len = packed & 31u;
  if (len <= k) return packed;
  return (uint64_t{packed >> 5} >> (len - k)) << 5 | k;
}

uint64_t Capped(int v, int cap) { return static_cast<uint64_t>(std::min(v, cap)); }

// The first slot to probe for row `id` in a table of mask + 1 slots. Row
// ids are hash bits already; the multiply spreads ids that differ only in
// high bits.
size_t SlotOf(uint32_t id, size_t mask) { return (static_cast<size_t>(id) * 0x9e3779b1u) & mask; }

char ShapeClass(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

WordInfo Describe(std::string_view word, const ner::ClusterSlots& clusters) {
  WordInfo w;
  std::string lower(word), shape;
  uint64_t flags = 0;
  bool has_letter = false, all_upper = true;
  char last = 0;
  int run = 0;
  for (char& ch : lower) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') ch = static_cast<char>(c - 'A' + 'a');
    if (c >= '0' && c <= '9') {
      flags |= 4;
      ch = '0';
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) has_letter = true;
    if (c >= 'a' && c <= 'z') all_upper = false;
    if (c == '-') flags |= 8;
    if (c >= 0x80) flags |= 16;
    if (c == '.') flags |= 32;
    // Runs of one character class beyond two say little: "Xxxxx" -> "Xxx".
    const char k = ShapeClass(c);
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 2) shape += k;
  }
  if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') flags |= 1;
  if (has_letter && all_upper) flags |= 2;
  w.norm = Fnv(lower);
  w.exact = Fnv(word);
  w.prefix1 = Fnv(lower.substr(0, 1));
  w.suffix2 = Fnv(lower.substr(lower.size() > 2 ? lower.size() - 2 : 0));
  w.suffix3 = Fnv(lower.substr(lower.size() > 3 ? lower.size() - 3 : 0));
  w.suffix4 = Fnv(lower.substr(lower.size() > 4 ? lower.size() - 4 : 0));
  w.shape = Fnv(shape);
  w.flags = flags;
  w.cluster = ner::FindCluster(clusters, word);
  if (w.cluster == 0 && lower != word) w.cluster = ner::FindCluster(clusters, lower);
  return w;
}

}  // namespace

void DescribeWords(const std::vector<std::string_view>& words,
                   const std::vector<std::pair<uint64_t, uint32_t>>& cluster_slots,
                   std::vector<WordInfo>* out) {
  out->clear();
  out->reserve(words.size() + 1);
  for (std::string_view word : words) out->push_back(Describe(word, cluster_slots));
  WordInfo root;
  root.norm = root.exact = root.prefix1 = root.suffix2 = root.suffix3 = root.suffix4 = root.shape = kEnd;
  out->push_back(root);
}

void TagFeatures(const std::vector<WordInfo>& w, size_t n, size_t i, const int* tags,
                 uint32_t bits, uint32_t* out) {
  const WordInfo& x = w[i];
  auto norm_at = [&](ptrdiff_t j) -> uint64_t {
    if (j < 0) return kStart;
    if (static_cast<size_t>(j) >= n) return kEnd;
    return w[static_cast<size_t>(j)].norm;
  };
  auto cluster_at = [&](ptrdiff_t j, uint32_t k) -> uint64_t {
    if (j < 0) return kStart;
    if (static_cast<size_t>(j) >= n) return kEnd;
    return ClusterPrefix(w[static_cast<size_t>(j)].cluster, k);
  };
  const ptrdiff_t p = static_cast<ptrdiff_t>(i);
  const uint64_t t1 = i >= 1 ? static_cast<uint64_t>(tags[i - 1]) : kStart;
  const uint64_t t2 = i >= 2 ? static_cast<uint64_t>(tags[i - 2]) : kStart;
  const uint64_t prev_suffix = i >= 1 ? w[i - 1].suffix3 : kStart;
  const uint64_t next_suffix = i + 1 < n ? w[i + 1].suffix3 : kEnd;
  size_t k = 0;
  out[k++] = Row(bits, 0);
  out[k++] = Row(bits, 1, x.norm);
  out[k++] = Row(bits, 2, x.exact);
  out[k++] = Row(bits, 3, x.suffix3);
  out[k++] = Row(bits, 4, x.suffix2);
  out[k++] = Row(bits, 5, x.suffix4);
  out[k++] = Row(bits, 6, x.prefix1);
  out[k++] = Row(bits, 7, x.shape);
  out[k++] = Row(bits, 8, x.flags);
  out[k++] = Row(bits, 9, t1);
  out[k++] = Row(bits, 10, t2);
  out[k++] = Row(bits, 11, t1, t2);
  out[k++] = Row(bits, 12, t1, x.norm);
  out[k++] = Row(bits, 13, norm_at(p - 1));
  out[k++] = Row(bits, 14, prev_suffix);
  out[k++] = Row(bits, 15, norm_at(p - 2));
  out[k++] = Row(bits, 16, norm_at(p + 1));
  out[k++] = Row(bits, 17, next_suffix);
  out[k++] = Row(bits, 18, norm_at(p + 2));
  out[k++] = Row(bits, 19, ClusterPrefix(x.cluster, 4));
  out[k++] = Row(bits, 20, ClusterPrefix(x.cluster, 6));
  out[k++] = Row(bits, 21, ClusterPrefix(x.cluster, 10));
  out[k++] = Row(bits, 22, x.cluster);
  out[k++] = Row(bits, 23, cluster_at(p + 1, 6));
  out[k++] = Row(bits, 24, cluster_at(p - 1, 6));
  out[k++] = Row(bits, 25, cluster_at(p + 1, 16));
  out[k++] = Row(bits, 26, x.norm, norm_at(p + 1));
  out[k++] = Row(bits, 27, x.shape, i == 0);
  out[k++] = Row(bits, 28, norm_at(p - 1), x.norm);
  out[k++] = Row(bits, 29, t1, x.suffix3);
  // Capitalisation of the neighbours: "Brandling Zoo" is a name, not a
  // gerund, because the next word is capitalised too.
  const uint64_t prev_flags = i >= 1 ? w[i - 1].flags : kStart;
  const uint64_t next_flags = i + 1 < n ? w[i + 1].flags : kEnd;
  out[k++] = Row(bits, 30, prev_flags, x.flags, next_flags);
  out[k++] = Row(bits, 31, x.suffix3, next_flags, i == 0);
  out[k++] = Row(bits, 32, x.shape, i + 1 < n ? w[i + 1].shape : kEnd);
  assert(k == kTagFeatures);
}

void RetagFeatures(const std::vector<WordInfo>& w, size_t n, size_t i, const int* tags, const int* first,
                   int verbs_before, int verbs_after, uint32_t bits, uint32_t* out) {
  TagFeatures(w, n, i, tags, bits, out);
  const WordInfo& x = w[i];
  auto first_at = [&](ptrdiff_t j) -> uint64_t {
    if (j < 0) return kStart;
    if (static_cast<size_t>(j) >= n) return kEnd;
    return static_cast<uint64_t>(first[j]);
  };
  const ptrdiff_t p = static_cast<ptrdiff_t>(i);
  const uint64_t t1 = i >= 1 ? static_cast<uint64_t>(tags[i - 1]) : kStart;
  const uint64_t vb = Capped(verbs_before, 2), va = Capped(verbs_after, 2);
  const uint64_t f0 = first_at(p), f1 = first_at(p + 1), f2 = first_at(p + 2);
  size_t k = kTagFeatures;
  out[k++] = Row(bits, 40, f0);
  out[k++] = Row(bits, 41, f1);
  out[k++] = Row(bits, 42, f2);
  out[k++] = Row(bits, 43, f1, f2);
  out[k++] = Row(bits, 44, t1, f1);
  out[k++] = Row(bits, 45, f0, x.norm);
  out[k++] = Row(bits, 46, x.suffix3, f1);
  out[k++] = Row(bits, 47, x.suffix2, vb, va, t1);
  out[k++] = Row(bits, 48, f0, vb, va);
  out[k++] = Row(bits, 49, x.norm, f1);
  out[k++] = Row(bits, 50, f0, f1, t1);
  out[k++] = Row(bits, 51, x.shape, vb, va, f1);
  assert(k == kRetagFeatures);
}

void State::Reset(size_t n) {
  n_ = n;
  b_ = 0;
  stack_.clear();
  for (std::vector<int>* v : {&head_, &label_, &lc1_, &lc2_, &rc1_, &rc2_}) v->assign(n + 1, -1);
  nl_.assign(n + 1, 0);
  nr_.assign(n + 1, 0);
  lset_.assign(n + 1, 0);
  rset_.assign(n + 1, 0);
}

bool State::Valid(int action) const {
  switch (action) {
    case kShift:
      return b_ < n_;
    case kLeft:
      return !stack_.empty() && (b_ < n_ || stack_.size() == 1);
    case kRight:
      return stack_.size() >= 2;
    default:
      return false;
  }
}

std::pair<int, int> State::ArcOf(int action) const {
  if (action == kLeft) return {static_cast<int>(b_), S(0)};
  if (action == kRight) return {S(1), S(0)};
  return {-1, -1};
}

void State::Apply(int action, int label) {
  if (action == kShift) {
    stack_.push_back(static_cast<int>(b_));
    ++b_;
    return;
  }
  const auto [h, d] = ArcOf(action);
  stack_.pop_back();
  const size_t hs = static_cast<size_t>(h), ds = static_cast<size_t>(d);
  head_[ds] = h;
  label_[ds] = label;
  const uint64_t bit = label >= 0 && label < 64 ? uint64_t{1} << label : 0;
  if (d < h) {
    ++nl_[hs];
    lset_[hs] |= bit;
    if (lc1_[hs] < 0 || d < lc1_[hs]) {
      lc2_[hs] = lc1_[hs];
      lc1_[hs] = d;
    } else if (lc2_[hs] < 0 || d < lc2_[hs]) {
      lc2_[hs] = d;
    }
  } else {
    ++nr_[hs];
    rset_[hs] |= bit;
    if (rc1_[hs] < 0 || d > rc1_[hs]) {
      rc2_[hs] = rc1_[hs];
      rc1_[hs] = d;
    } else if (rc2_[hs] < 0 || d > rc2_[hs]) {
      rc2_[hs] = d;
    }
  }
}

namespace {

// Distance between two positions in 8 buckets: short distances matter one
// by one, long ones only roughly.
uint64_t DistanceBucket(int a, int b) {
  const int d = b > a ? b - a : a - b;
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 10) return 6;
  return 7;
}

const uint64_t kCommaHash = Fnv(",");

// Commas strictly between words a < b, counted up to 2; scans at most 16
// words (a longer gap says "far" whatever its commas).
uint64_t CommasBetween(const std::vector<WordInfo>& w, int a, int b) {
  constexpr int kMaxScan = 16;
  if (b - a > kMaxScan) return 3;
  int commas = 0;
  for (int i = a + 1; i < b; ++i) commas += w[static_cast<size_t>(i)].norm == kCommaHash;
  return Capped(commas, 2);
}

}  // namespace

void ArcFeatures(const State& s, const std::vector<WordInfo>& w, const std::vector<int>& tags,
                 uint32_t bits, uint32_t* out) {
  const int none_tag = static_cast<int>(tags.size());  // NoTag(): one past the root's tag
  auto W = [&](int i) -> uint64_t { return i < 0 ? kNone : w[static_cast<size_t>(i)].norm; };
  auto T = [&](int i) -> uint64_t {
    return static_cast<uint64_t>(i < 0 ? none_tag : tags[static_cast<size_t>(i)]);
  };
  auto C = [&](int i, uint32_t k) -> uint64_t {
    return i < 0 ? kNone : ClusterPrefix(w[static_cast<size_t>(i)].cluster, k);
  };
  auto L = [&](int i) -> uint64_t { return i < 0 ? kNone : static_cast<uint64_t>(s.label(i) + 1); };
  auto child = [&](int i, int (State::*f)(int) const) { return i < 0 ? -1 : (s.*f)(i); };

  const int s0 = s.S(0), s1 = s.S(1), s2 = s.S(2);
  const int b0 = s.B(0), b1 = s.B(1), b2 = s.B(2);
  const int s0l1 = child(s0, &State::lc1), s0l2 = child(s0, &State::lc2);
  const int s0r1 = child(s0, &State::rc1), s0r2 = child(s0, &State::rc2);
  const int s1l1 = child(s1, &State::lc1), s1r1 = child(s1, &State::rc1);
  const int b0l1 = child(b0, &State::lc1), b0l2 = child(b0, &State::lc2);
  const uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1);
  const uint64_t b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2t = T(b2);
  const uint64_t dist = s0 >= 0 && b0 >= 0 ? (b0 == static_cast<int>(s.n()) ? 15 : DistanceBucket(s0, b0)) : kNone;
  const uint64_t dist1 = s0 >= 0 && s1 >= 0 ? DistanceBucket(s1, s0) : kNone;
  const uint64_t s0vl = s0 >= 0 ? Capped(s.nl(s0), 4) : kNone, s0vr = s0 >= 0 ? Capped(s.nr(s0), 4) : kNone;
  const uint64_t b0vl = b0 >= 0 ? Capped(s.nl(b0), 4) : kNone;
  const uint64_t s1vr = s1 >= 0 ? Capped(s.nr(s1), 4) : kNone;
  size_t k = 0;
  // Single words.
  out[k++] = Row(bits, 100);
  out[k++] = Row(bits, 101, s0w);
  out[k++] = Row(bits, 102, s0t);
  out[k++] = Row(bits, 103, s0w, s0t);
  out[k++] = Row(bits, 104, s1w);
  out[k++] = Row(bits, 105, s1t);
  out[k++] = Row(bits, 106, s1w, s1t);
  out[k++] = Row(bits, 107, b0w);
  out[k++] = Row(bits, 108, b0t);
  out[k++] = Row(bits, 109, b0w, b0t);
  out[k++] = Row(bits, 110, b1w);
  out[k++] = Row(bits, 111, b1t);
  out[k++] = Row(bits, 112, b1w, b1t);
  out[k++] = Row(bits, 113, W(b2));
  out[k++] = Row(bits, 114, b2t);
  out[k++] = Row(bits, 115, T(s2));
  out[k++] = Row(bits, 116, W(s2));
  // Pairs.
  out[k++] = Row(bits, 117, s0w, s0t, b0w, b0t);
  out[k++] = Row(bits, 118, s0w, s0t, b0w);
  out[k++] = Row(bits, 119, s0w, b0w, b0t);
  out[k++] = Row(bits, 120, s0w, s0t, b0t);
  out[k++] = Row(bits, 121, s0t, b0w, b0t);
  out[k++] = Row(bits, 122, s0w, b0w);
  out[k++] = Row(bits, 123, s0t, b0t);
  out[k++] = Row(bits, 124, b0t, b1t);
  out[k++] = Row(bits, 125, s1t, s0t);
  out[k++] = Row(bits, 126, s1w, s0w);
  out[k++] = Row(bits, 127, s1t, s0w);
  out[k++] = Row(bits, 128, s1w, s0t);
  out[k++] = Row(bits, 129, s1w, s1t, s0w, s0t);
  // Triples of tags.
  out[k++] = Row(bits, 130, b0t, b1t, b2t);
  out[k++] = Row(bits, 131, s0t, b0t, b1t);
  out[k++] = Row(bits, 132, s1t, s0t, b0t);
  out[k++] = Row(bits, 133, T(s2), s1t, s0t);
  out[k++] = Row(bits, 134, s0t, T(s0l1), b0t);
  out[k++] = Row(bits, 135, s0t, T(s0r1), b0t);
  out[k++] = Row(bits, 136, s0t, b0t, T(b0l1));
  out[k++] = Row(bits, 137, s1t, s0t, T(s0l1));
  out[k++] = Row(bits, 138, s1t, s0t, T(s0r1));
  out[k++] = Row(bits, 139, s1t, T(s1r1), s0t);
  // Distance.
  out[k++] = Row(bits, 140, s0w, dist);
  out[k++] = Row(bits, 141, s0t, dist);
  out[k++] = Row(bits, 142, b0w, dist);
  out[k++] = Row(bits, 143, b0t, dist);
  out[k++] = Row(bits, 144, s0t, b0t, dist);
  out[k++] = Row(bits, 145, s0w, b0w, dist);
  out[k++] = Row(bits, 146, s1t, s0t, dist1);
  // Valency.
  out[k++] = Row(bits, 147, s0w, s0vr);
  out[k++] = Row(bits, 148, s0t, s0vr);
  out[k++] = Row(bits, 149, s0w, s0vl);
  out[k++] = Row(bits, 150, s0t, s0vl);
  out[k++] = Row(bits, 151, b0w, b0vl);
  out[k++] = Row(bits, 152, b0t, b0vl);
  out[k++] = Row(bits, 153, s1t, s1vr);
  // Children.
  out[k++] = Row(bits, 154, W(s0l1), L(s0l1));
  out[k++] = Row(bits, 155, T(s0l1), L(s0l1));
  out[k++] = Row(bits, 156, W(s0r1), L(s0r1));
  out[k++] = Row(bits, 157, T(s0r1), L(s0r1));
  out[k++] = Row(bits, 158, W(b0l1), L(b0l1));
  out[k++] = Row(bits, 159, T(b0l1), L(b0l1));
  out[k++] = Row(bits, 160, s1t, L(s1r1));
  out[k++] = Row(bits, 161, s1t, L(s1l1));
  out[k++] = Row(bits, 162, s0t, L(s0l1), L(s0l2));
  out[k++] = Row(bits, 163, s0t, L(s0r1), L(s0r2));
  out[k++] = Row(bits, 164, b0t, L(b0l1), L(b0l2));
  out[k++] = Row(bits, 165, s0t, T(s0l1), T(s0l2));
  out[k++] = Row(bits, 166, s0t, T(s0r1), T(s0r2));
  out[k++] = Row(bits, 167, b0t, T(b0l1), T(b0l2));
  // Label sets.
  out[k++] = Row(bits, 168, s0t, s0 >= 0 ? s.lset(s0) : kNone);
  out[k++] = Row(bits, 169, s0t, s0 >= 0 ? s.rset(s0) : kNone);
  out[k++] = Row(bits, 170, b0t, b0 >= 0 ? s.lset(b0) : kNone);
  out[k++] = Row(bits, 171, s1t, s1 >= 0 ? s.rset(s1) : kNone);
  // Clusters.
  out[k++] = Row(bits, 172, C(s0, 6));
  out[k++] = Row(bits, 173, C(s0, 16));
  out[k++] = Row(bits, 174, C(b0, 6));
  out[k++] = Row(bits, 175, C(b0, 16));
  out[k++] = Row(bits, 176, C(b1, 6));
  out[k++] = Row(bits, 177, C(s1, 6));
  out[k++] = Row(bits, 178, C(s0, 6), C(b0, 6));
  out[k++] = Row(bits, 179, C(s0, 16), b0t);
  out[k++] = Row(bits, 180, s0t, C(b0, 16));
  out[k++] = Row(bits, 181, C(s1, 6), C(s0, 6), Capped(static_cast<int>(s.depth()), 3));
  // Commas between s0 and b0: a comma between a noun and what follows
  // separates an apposition, a list or a clause.
  out[k++] = Row(bits, 182, s0t, b0t, s0 >= 0 && b0 >= 0 ? CommasBetween(w, s0, b0) : kNone);
  out[k++] = Row(bits, 183, b0w, b1w);
  out[k++] = Row(bits, 184, s1t, s0t, b0t, b1t);
  assert(k == kArcFeatures);
}

void LabelFeatures(const State& s, int head, int dep, const std::vector<WordInfo>& w,
                   const std::vector<int>& tags, uint32_t bits, uint32_t* out) {
  const int none_tag = static_cast<int>(tags.size());
  const int n = static_cast<int>(s.n());
  auto T = [&](int i) -> uint64_t {
    return static_cast<uint64_t>(i < 0 || i > n ? none_tag : tags[static_cast<size_t>(i)]);
  };
  auto W = [&](int i) -> uint64_t { return i < 0 ? kNone : w[static_cast<size_t>(i)].norm; };
  auto L = [&](int i) -> uint64_t { return i < 0 ? kNone : static_cast<uint64_t>(s.label(i) + 1); };
  const WordInfo& d = w[static_cast<size_t>(dep)];
  const uint64_t dw = d.norm, dt = T(dep), hw = W(head), ht = T(head);
  const uint64_t dir = head == n ? 3 : (head > dep ? 1 : 2);
  const uint64_t dist = DistanceBucket(head, dep);
  const int dl1 = s.lc1(dep), dr1 = s.rc1(dep), hl1 = s.lc1(head);
  const uint64_t side_set = head > dep ? s.lset(head) : s.rset(head);
  size_t k = 0;
  out[k++] = Row(bits, 200, dir);
  out[k++] = Row(bits, 201, dw);
  out[k++] = Row(bits, 202, dt);
  out[k++] = Row(bits, 203, dw, dt);
  out[k++] = Row(bits, 204, hw);
  out[k++] = Row(bits, 205, ht);
  out[k++] = Row(bits, 206, dt, ht, dir);
  out[k++] = Row(bits, 207, dw, ht, dir);
  out[k++] = Row(bits, 208, dt, hw, dir);
  out[k++] = Row(bits, 209, dw, hw, dir);
  out[k++] = Row(bits, 210, dir, dist, dt, ht);
  out[k++] = Row(bits, 211, d.suffix3, dt);
  out[k++] = Row(bits, 212, ClusterPrefix(d.cluster, 6));
  out[k++] = Row(bits, 213, ClusterPrefix(w[static_cast<size_t>(head)].cluster, 6), dt, dir);
  out[k++] = Row(bits, 214, L(dl1), W(dl1));
  out[k++] = Row(bits, 215, dt, W(dl1));
  out[k++] = Row(bits, 216, ht, dt, W(dl1), dir);
  out[k++] = Row(bits, 217, dt, s.lset(dep));
  out[k++] = Row(bits, 218, dt, dir, side_set);
  out[k++] = Row(bits, 219, dt, ht, dir, side_set);
  out[k++] = Row(bits, 220, dt, T(dep + 1));
  out[k++] = Row(bits, 221, dt, T(dep - 1));
  out[k++] = Row(bits, 222, dt, L(dr1));
  out[k++] = Row(bits, 223, dt, ht, dir, s.lset(dep));
  out[k++] = Row(bits, 224, dt, L(hl1));
  out[k++] = Row(bits, 225, dt, d.flags);
  out[k++] = Row(bits, 226, dw, dir);
  out[k++] = Row(bits, 227, W(dl1), ht, dir);
  assert(k == kLabelFeatures);
}

int ActionCost(const State& s, int action, const std::vector<int>& gold) {
  const int n = static_cast<int>(s.n());
  const int b = static_cast<int>(s.b());
  const int s0 = s.S(0), s1 = s.S(1);
  // Gold dependents of h still in the buffer (words only: the root has none).
  auto buffer_deps = [&](int h) {
    int c = 0;
    for (int d = b; d < n; ++d) c += gold[static_cast<size_t>(d)] == h;
    return c;
  };
  auto in_buffer = [&](int x) { return x >= b && x <= n; };
  switch (action) {
    case kShift: {
      const int g = gold[static_cast<size_t>(b)];
      int c = 0;
      for (int x : s.stack()) {
        c += gold[static_cast<size_t>(x)] == b;
        c += x == g && x != s0;
      }
      return c;
    }
    case kLeft: {
      const int g = gold[static_cast<size_t>(s0)];
      return buffer_deps(s0) + (g != b && (g == s1 || (g > b && g <= n)) ? 1 : 0);
    }
    case kRight: {
      const int g = gold[static_cast<size_t>(s0)];
      return buffer_deps(s0) + (g != s1 && in_buffer(g) ? 1 : 0);
    }
    default:
      return 1 << 20;
  }
}

void BuildSlots(ParserWeights* w) {
  w->slots.clear();
  if (w->ids.empty()) return;
  // Load factor at most 1/2: short probe chains, and an absent row (most
  // hashed features at run time are unseen) ends at an empty slot quickly.
  size_t size = 1;
  while (size < 2 * w->ids.size()) size <<= 1;
  w->slots.assign(size, {0, 0});
  const size_t mask = size - 1;
  for (size_t r = 0; r < w->ids.size(); ++r) {
    size_t i = SlotOf(w->ids[r], mask);
    while (w->slots[i].first != 0) i = (i + 1) & mask;
    w->slots[i] = {w->ids[r] + 1, static_cast<uint32_t>(r)};
  }
}

void AddRows(const ParserWeights& w, const uint32_t* ids, size_t count, float* scores) {
  if (w.slots.empty()) return;
  // Every lookup is a cache miss in tables of megabytes: ask for all the
  // slots first, then for the rows found, so the misses overlap instead of
  // following one another (measured: about twice the parses per second).
  constexpr size_t kMaxBatch = 128;  // more features than any template set has
  const size_t mask = w.slots.size() - 1;
  size_t start[kMaxBatch];
  ptrdiff_t found[kMaxBatch];
  for (size_t done = 0; done < count; done += kMaxBatch) {
    const size_t n = std::min(count - done, kMaxBatch);
    for (size_t f = 0; f < n; ++f) {
      start[f] = SlotOf(ids[done + f], mask);
      __builtin_prefetch(&w.slots[start[f]]);
    }
    for (size_t f = 0; f < n; ++f) {
      const uint32_t key = ids[done + f] + 1;
      found[f] = -1;
      for (size_t i = start[f];; i = (i + 1) & mask) {
        const auto& [k, row] = w.slots[i];
        if (k == 0) break;
        if (k == key) {
          found[f] = static_cast<ptrdiff_t>(row);
          __builtin_prefetch(w.values.data() + size_t{row} * w.classes);
          __builtin_prefetch(&w.scales[row]);
          break;
        }
      }
    }
    for (size_t f = 0; f < n; ++f) {
      if (found[f] < 0) continue;
      const size_t r = static_cast<size_t>(found[f]);
      const float scale = w.scales[r];
      const int8_t* q = w.values.data() + r * w.classes;
      for (uint32_t c = 0; c < w.classes; ++c) scores[c] += scale * static_cast<float>(q[c]);
    }
  }
}

}  // namespace storyline::parse
