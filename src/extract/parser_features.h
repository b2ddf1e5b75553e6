// parser_features.h: the tagger's and parser's features and the arc-hybrid
// transition system, shared by the runtime (parser.cc) and the trainer
// (parser_train.cc). Private to src/extract.
#ifndef STORYLINE_EXTRACT_PARSER_FEATURES_H_
#define STORYLINE_EXTRACT_PARSER_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/parser.h"

namespace storyline::parse {

// The parser's actions (class order of ParserModel::arcs).
enum Action : int { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kActions = 3;

// Hashed attributes of one word, computed once per sentence.
struct WordInfo {
  uint64_t norm = 0;    // lower-cased form; digits folded to a shape
  uint64_t exact = 0;   // the form as written
  uint64_t prefix1 = 0;
  uint64_t suffix2 = 0;
  uint64_t suffix3 = 0;
  uint64_t suffix4 = 0;
  uint64_t shape = 0;   // Xxx, xxx, dd, X.X. ... (runs of one class kept to 2)
  uint64_t flags = 0;   // capitalised, has hyphen, has digit, all caps, ...
  uint32_t cluster = 0; // packed cluster path (ner_features.h), 0 for none
};

// Fills `out` (one per word plus one for the root at index words.size()).
void DescribeWords(const std::vector<std::string_view>& words,
                   const std::vector<std::pair<uint64_t, uint32_t>>& cluster_slots,
                   std::vector<WordInfo>* out);

// Rows per tagged word (one per template in parser_features.cc).
inline constexpr size_t kTagFeatures = 33;

// Rows of word i given the tags already chosen for the words before it
// (tags[j], j < i; tag ids, see DescribeWords for the root entry).
// REQUIRES: out holds kTagFeatures; 1 <= hash_bits <= 30.
void TagFeatures(const std::vector<WordInfo>& w, size_t n, size_t i, const int* tags,
                 uint32_t hash_bits, uint32_t* out);

// Rows per word in the second tagging pass: the first pass's templates plus
// ones that read the first pass's tags around the word, its right context
// above all, which a left-to-right pass cannot see ("Zoo houses about 1,100
// animals": a sentence with no other verb).
inline constexpr size_t kRetagFeatures = kTagFeatures + 12;

// Rows of word i in the second pass. `tags` are this pass's tags of the
// words before i, `first` the first pass's tags of all n words;
// verbs_before/verbs_after count first-pass verbs and auxiliaries on each
// side of i. REQUIRES: out holds kRetagFeatures.
void RetagFeatures(const std::vector<WordInfo>& w, size_t n, size_t i, const int* tags, const int* first,
                   int verbs_before, int verbs_after, uint32_t hash_bits, uint32_t* out);

// The arc-hybrid configuration: a stack, a buffer that is always the words
// b..n-1 followed by the root (index n), and the arcs made so far. The root
// may take a dependent only when the stack holds one word, so every parse
// is a tree with a single root.
class State {
 public:
  // REQUIRES: label ids < 64 (the label sets are 64-bit masks).
  void Reset(size_t n);
  bool Terminal() const { return stack_.empty() && b_ == n_; }
  bool Valid(int action) const;
  // The (head, dependent) an arc action would add.
  std::pair<int, int> ArcOf(int action) const;
  // REQUIRES: Valid(action). `label` is the arc's label id (ignored for shift).
  void Apply(int action, int label);

  size_t n() const { return n_; }
  size_t b() const { return b_; }
  // k-th stack item from the top, -1 when the stack is shorter.
  int S(size_t k) const { return k < stack_.size() ? stack_[stack_.size() - 1 - k] : -1; }
  size_t depth() const { return stack_.size(); }
  const std::vector<int>& stack() const { return stack_; }
  // k-th buffer item (the root is index n), -1 past the root.
  int B(size_t k) const { return b_ + k <= n_ ? static_cast<int>(b_ + k) : -1; }

  int head(int i) const { return head_[static_cast<size_t>(i)]; }
  int label(int i) const { return label_[static_cast<size_t>(i)]; }
  int lc1(int i) const { return lc1_[static_cast<size_t>(i)]; }
  int lc2(int i) const { return lc2_[static_cast<size_t>(i)]; }
  int rc1(int i) const { return rc1_[static_cast<size_t>(i)]; }
  int rc2(int i) const { return rc2_[static_cast<size_t>(i)]; }
  int nl(int i) const { return nl_[static_cast<size_t>(i)]; }
  int nr(int i) const { return nr_[static_cast<size_t>(i)]; }
  uint64_t lset(int i) const { return lset_[static_cast<size_t>(i)]; }
  uint64_t rset(int i) const { return rset_[static_cast<size_t>(i)]; }

 private:
  size_t n_ = 0;
  size_t b_ = 0;
  std::vector<int> stack_;
  std::vector<int> head_, label_, lc1_, lc2_, rc1_, rc2_, nl_, nr_;
  std::vector<uint64_t> lset_, rset_;
};

// Rows per parser configuration and per labelled arc.
inline constexpr size_t kArcFeatures = 85;
inline constexpr size_t kLabelFeatures = 28;

// `tags` has n + 1 entries, the root's last (RootTag()).
void ArcFeatures(const State& s, const std::vector<WordInfo>& w, const std::vector<int>& tags,
                 uint32_t hash_bits, uint32_t* out);
void LabelFeatures(const State& s, int head, int dependent, const std::vector<WordInfo>& w,
                   const std::vector<int>& tags, uint32_t hash_bits, uint32_t* out);

// The tag id of the root entry and of "no word", given the number of tags.
inline int RootTag(size_t tag_count) { return static_cast<int>(tag_count); }
inline int NoTag(size_t tag_count) { return static_cast<int>(tag_count) + 1; }

// Dynamic oracle (Goldberg & Nivre 2013, arc-hybrid): the number of gold
// arcs `action` makes unreachable. gold_heads[i] is word i's head (n for the
// root). Exact for projective trees; for others, a usable approximation.
int ActionCost(const State& s, int action, const std::vector<int>& gold_heads);

// Builds w.slots from w.ids.
void BuildSlots(ParserWeights* w);

// Adds the weights of rows `ids` (those the model has; others count zero)
// into scores[0 .. w.classes).
void AddRows(const ParserWeights& w, const uint32_t* ids, size_t count, float* scores);

}  // namespace storyline::parse

#endif  // STORYLINE_EXTRACT_PARSER_FEATURES_H_
