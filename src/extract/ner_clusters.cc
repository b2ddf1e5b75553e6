#include "extract/ner_clusters.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <utility>

namespace storyline {
namespace {

// Ids 0 and 1 are the sentence start and the rare-word bucket: both occur as
// predecessors, neither is clustered.
constexpr uint32_t kStart = 0;
constexpr uint32_t kRare = 1;
constexpr uint32_t kFirstWord = 2;

double XLogX(double x) { return x > 0 ? x * std::log(x) : 0.0; }

struct Pred {
  uint32_t v;
  double n;
};

struct Vocab {
  std::vector<std::string> words;  // by id; ids >= kFirstWord are clustered
  std::vector<uint64_t> counts;
  std::unordered_map<std::string_view, uint32_t> index;
};

Vocab BuildVocab(const std::vector<std::vector<std::string>>& sentences, uint64_t min_count) {
  std::unordered_map<std::string_view, uint64_t> counts;
  for (const auto& s : sentences) {
    for (const std::string& w : s) ++counts[w];
  }
  std::vector<std::pair<std::string_view, uint64_t>> kept;
  for (const auto& [w, c] : counts) {
    if (c >= min_count) kept.emplace_back(w, c);
  }
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  Vocab v;
  v.words = {"<s>", "<rare>"};
  v.counts = {0, 0};
  for (const auto& [w, c] : kept) {
    v.index.emplace(w, static_cast<uint32_t>(v.words.size()));
    v.words.emplace_back(w);
    v.counts.push_back(c);
  }
  return v;
}

// preds[w]: the distinct contexts of clustered word w with counts: its
// predecessors (ids < V) and, when two_sided, its successors (V + id; the
// sentence end is V + kStart).
std::vector<std::vector<Pred>> Predecessors(const std::vector<std::vector<std::string>>& sentences,
                                            const Vocab& vocab, bool two_sided) {
  const uint64_t V = vocab.words.size();
  std::unordered_map<uint64_t, uint32_t> bigrams;
  auto id = [&](const std::string& w) {
    auto it = vocab.index.find(w);
    return it == vocab.index.end() ? kRare : it->second;
  };
  for (const auto& s : sentences) {
    uint32_t prev = kStart;
    for (const std::string& w : s) {
      const uint32_t cur = id(w);
      if (cur >= kFirstWord) ++bigrams[(uint64_t{prev} << 32) | cur];
      if (two_sided && prev >= kFirstWord) ++bigrams[((V + cur) << 32) | prev];
      prev = cur;
    }
    if (two_sided && prev >= kFirstWord) ++bigrams[((V + kStart) << 32) | prev];
  }
  std::vector<std::vector<Pred>> preds(vocab.words.size());
  for (const auto& [key, n] : bigrams) {
    preds[key & 0xffffffffu].push_back({static_cast<uint32_t>(key >> 32), static_cast<double>(n)});
  }
  // Deterministic order: the unordered_map's order is not.
  for (auto& p : preds) std::sort(p.begin(), p.end(), [](const Pred& a, const Pred& b) { return a.v < b.v; });
  return preds;
}

// Splits `group` (clustered word ids) in two by exchange; writes 0/1 per word
// into side[w]. `cnt` holds two zeroed arrays of vocabulary size and is left
// zeroed.
void SplitGroup(const std::vector<uint32_t>& group, const std::vector<std::vector<Pred>>& preds,
                const std::vector<double>& succ, int passes, std::vector<double> cnt[2],
                std::vector<uint8_t>* side) {
  double total[2] = {0, 0};
  // Alternating by frequency rank: both halves start with frequent words.
  for (size_t i = 0; i < group.size(); ++i) (*side)[group[i]] = static_cast<uint8_t>(i % 2);
  for (uint32_t w : group) {
    const int s = (*side)[w];
    for (const Pred& p : preds[w]) cnt[s][p.v] += p.n;
    total[s] += succ[w];
  }
  for (int pass = 0; pass < passes; ++pass) {
    size_t moved = 0;
    for (uint32_t w : group) {
      const int from = (*side)[w];
      for (const Pred& p : preds[w]) cnt[from][p.v] -= p.n;
      total[from] -= succ[w];
      double gain[2];
      for (int x = 0; x < 2; ++x) {
        double g = 0;
        for (const Pred& p : preds[w]) g += XLogX(cnt[x][p.v] + p.n) - XLogX(cnt[x][p.v]);
        gain[x] = g - (XLogX(total[x] + succ[w]) - XLogX(total[x]));
      }
      const int to = gain[1 - from] > gain[from] + 1e-9 ? 1 - from : from;
      if (to != from) ++moved;
      (*side)[w] = static_cast<uint8_t>(to);
      for (const Pred& p : preds[w]) cnt[to][p.v] += p.n;
      total[to] += succ[w];
    }
    if (moved == 0) break;
  }
  for (uint32_t w : group) {
    for (const Pred& p : preds[w]) cnt[0][p.v] = cnt[1][p.v] = 0;
  }
}

}  // namespace

WordClusters TrainWordClusters(const std::vector<std::vector<std::string>>& sentences,
                               const ClusterOptions& options) {
  const Vocab vocab = BuildVocab(sentences, std::max<uint64_t>(options.min_count, 1));
  const size_t V = vocab.words.size();
  const std::vector<std::vector<Pred>> preds = Predecessors(sentences, vocab, options.two_sided);
  std::vector<double> succ(V, 0.0);
  for (size_t w = kFirstWord; w < V; ++w) {
    for (const Pred& p : preds[w]) succ[w] += p.n;
  }
  std::vector<std::string> path(V);
  std::vector<double> cnt[2] = {std::vector<double>(2 * V, 0.0), std::vector<double>(2 * V, 0.0)};
  std::vector<uint8_t> side(V, 0);
  const int depth = std::clamp(options.depth, 1, kMaxClusterDepth);
  for (int level = 0; level < depth; ++level) {
    // Groups of words sharing a path, in first-seen (frequency) order.
    std::unordered_map<std::string, size_t> group_of;
    std::vector<std::vector<uint32_t>> groups;
    for (uint32_t w = kFirstWord; w < V; ++w) {
      auto [it, fresh] = group_of.emplace(path[w], groups.size());
      if (fresh) groups.emplace_back();
      groups[it->second].push_back(w);
    }
    for (const std::vector<uint32_t>& g : groups) {
      if (g.size() < 2) continue;  // a single word is its own leaf
      SplitGroup(g, preds, succ, options.passes, cnt, &side);
      for (uint32_t w : g) path[w] += static_cast<char>('0' + side[w]);
    }
  }
  WordClusters out;
  out.reserve(V - kFirstWord);
  for (size_t w = kFirstWord; w < V; ++w) out.push_back({vocab.words[w], path[w], vocab.counts[w]});
  return out;
}

std::string WordClustersTsv(const WordClusters& clusters) {
  std::string out;
  for (const WordCluster& c : clusters) {
    out += c.path;
    out += '\t';
    out += c.word;
    out += '\t';
    out += std::to_string(c.count);
    out += '\n';
  }
  return out;
}

Result<WordClusters> ParseWordClustersTsv(std::string_view tsv) {
  WordClusters out;
  size_t line_no = 0;
  while (!tsv.empty()) {
    ++line_no;
    const size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    if (line.empty()) continue;
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    auto bad = [&](const std::string& why) {
      return Status::InvalidInput("clusters:" + std::to_string(line_no) + ": " + why + " in \"" +
                                  std::string(line.substr(0, 60)) + "\"");
    };
    if (t2 == std::string_view::npos) return bad("expected path<TAB>word<TAB>count");
    WordCluster c;
    c.path = std::string(line.substr(0, t1));
    c.word = std::string(line.substr(t1 + 1, t2 - t1 - 1));
    if (c.path.size() > static_cast<size_t>(kMaxClusterDepth) ||
        c.path.find_first_not_of("01") != std::string::npos) {
      return bad("path must be at most " + std::to_string(kMaxClusterDepth) + " characters of 0/1");
    }
    if (c.word.empty()) return bad("empty word");
    const std::string_view count = line.substr(t2 + 1);
    // 19 digits always fit in 64 bits, so stoull cannot throw.
    constexpr size_t kMaxCountDigits = 19;
    if (count.empty() || count.size() > kMaxCountDigits ||
        count.find_first_not_of("0123456789") != std::string_view::npos) {
      return bad("bad count");
    }
    c.count = std::stoull(std::string(count));
    out.push_back(std::move(c));
  }
  return out;
}

Result<WordClusters> LoadWordClusters(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open clusters file");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  Result<WordClusters> c = ParseWordClustersTsv(buf.str());
  if (!c.ok()) return c.status().WithContext(path);
  return c;
}

}  // namespace storyline
