// extraction_score_lib.h: the scoring of the Zyte/Scrapinghub article-body
// extraction benchmark (../shared/data/article-extraction/README.md), shared by
// tools/extraction_score.cc and tests/tools/extraction_score_test.cc.
//
//   storyline::score::DocCounts c = storyline::score::ScoreDoc(truth, pred, 4);
//   storyline::score::CorpusScore s = storyline::score::Evaluate(truth_map, pred_map);
//
// Mirrors upstream evaluate.py exactly: \w+ tokens (Unicode letters, numbers,
// underscore), contiguous 4-token shingles, multiset matching, per-document
// normalisation, macro precision over documents that returned anything, F1 of
// the macro averages, accuracy on identical token lists.
//
// Header-only on purpose: the scorer is a tool, not a pipeline stage, so it
// lives beside the tool and is included by its test (no src/ library owns it).
// Thread-safety: all functions are pure.
#ifndef STORYLINE_TOOLS_EXTRACTION_SCORE_LIB_H_
#define STORYLINE_TOOLS_EXTRACTION_SCORE_LIB_H_

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "storyline/status.h"

namespace storyline::score {

// The benchmark's shingle length (upstream evaluate.py uses n=4).
inline constexpr int kShingleSize = 4;

// Python's str.isalnum() or '_': general categories L* and N*, plus any
// character with a numeric type (isnumeric covers a few ideographs whose
// category is Lo anyway, kept for fidelity).
inline bool IsWordChar(UChar32 c) {
  if (c == '_') return true;
  const uint32_t mask = U_GET_GC_MASK(c);
  if (mask & (U_GC_L_MASK | U_GC_N_MASK)) return true;
  return u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

// re.findall(r'\w+', text). Invalid UTF-8 bytes separate tokens.
inline std::vector<std::string> Tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  int32_t start = -1;
  while (i < n) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const bool word = c >= 0 && IsWordChar(c);
    if (word && start < 0) start = at;
    if (!word && start >= 0) {
      tokens.emplace_back(text.substr(start, at - start));
      start = -1;
    }
  }
  if (start >= 0) tokens.emplace_back(text.substr(start));
  return tokens;
}

// Shingles of `n` tokens, each joined with U+001F (never inside a \w token).
// 1..n-1 tokens give one shingle of all tokens; no tokens give none.
inline std::vector<std::string> Shingles(const std::vector<std::string>& tokens, int n) {
  std::vector<std::string> out;
  if (tokens.empty()) return out;
  const size_t size = static_cast<size_t>(n);
  const size_t count = tokens.size() >= size ? tokens.size() - size + 1 : 1;
  for (size_t i = 0; i < count; ++i) {
    std::string s;
    for (size_t j = i; j < std::min(tokens.size(), i + size); ++j) {
      if (j > i) s.push_back('\x1f');
      s += tokens[j];
    }
    out.push_back(std::move(s));
  }
  return out;
}

// Normalised true positives, false positives, false negatives of one document
// (they sum to 1 unless both texts have no shingles).
struct DocCounts {
  double tp = 0, fp = 0, fn = 0;
};

inline DocCounts ScoreDoc(std::string_view truth, std::string_view pred, int n = kShingleSize) {
  std::unordered_map<std::string, int64_t> t, p;
  for (auto& s : Shingles(Tokenize(truth), n)) ++t[std::move(s)];
  for (auto& s : Shingles(Tokenize(pred), n)) ++p[std::move(s)];
  int64_t tp = 0, fp = 0, fn = 0;
  for (const auto& [k, tc] : t) {
    auto it = p.find(k);
    const int64_t pc = it == p.end() ? 0 : it->second;
    tp += std::min(tc, pc);
    fn += std::max<int64_t>(0, tc - pc);
    fp += std::max<int64_t>(0, pc - tc);
  }
  for (const auto& [k, pc] : p) {
    if (!t.contains(k)) fp += pc;
  }
  DocCounts c{static_cast<double>(tp), static_cast<double>(fp), static_cast<double>(fn)};
  const double sum = c.tp + c.fp + c.fn;
  if (sum > 0) {
    c.tp /= sum;
    c.fp /= sum;
    c.fn /= sum;
  }
  return c;
}

// Upstream special cases: nothing missed and nothing extra is perfect.
inline double DocPrecision(const DocCounts& c) {
  if (c.fp == 0 && c.fn == 0) return 1.0;
  if (c.tp == 0 && c.fp == 0) return 0.0;
  return c.tp / (c.tp + c.fp);
}

inline double DocRecall(const DocCounts& c) {
  if (c.fp == 0 && c.fn == 0) return 1.0;
  if (c.tp == 0 && c.fn == 0) return 0.0;
  return c.tp / (c.tp + c.fn);
}

struct DocResult {
  std::string id;
  DocCounts counts;
  bool exact = false;  // identical token lists
};

struct CorpusScore {
  double precision = 0, recall = 0, f1 = 0, accuracy = 0;
  int n_prec = 0;  // docs with tp+fp > 0 (the only ones in the precision mean)
  int n_docs = 0;
  std::vector<DocResult> docs;  // in ground-truth key order
};

// Scores every ground-truth document; a document missing from `pred` counts as
// an empty prediction.
inline CorpusScore Evaluate(const std::map<std::string, std::string>& truth,
                            const std::map<std::string, std::string>& pred) {
  CorpusScore s;
  double p_sum = 0, r_sum = 0;
  int n_rec = 0, exact = 0;
  for (const auto& [id, text] : truth) {
    auto it = pred.find(id);
    const std::string_view predicted = it == pred.end() ? std::string_view() : it->second;
    DocResult d{id, ScoreDoc(text, predicted), Tokenize(text) == Tokenize(predicted)};
    if (d.counts.tp + d.counts.fp > 0) {
      p_sum += DocPrecision(d.counts);
      ++s.n_prec;
    }
    if (d.counts.tp + d.counts.fn > 0) {
      r_sum += DocRecall(d.counts);
      ++n_rec;
    }
    exact += d.exact ? 1 : 0;
    s.docs.push_back(std::move(d));
  }
  s.n_docs = static_cast<int>(truth.size());
  s.precision = s.n_prec > 0 ? p_sum / s.n_prec : 0.0;
  s.recall = n_rec > 0 ? r_sum / n_rec : 0.0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
  s.accuracy = s.n_docs > 0 ? static_cast<double>(exact) / s.n_docs : 0.0;
  return s;
}

// ---- Loading ---------------------------------------------------------------

inline Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A prediction id may carry the file name ("<doc_id>.html.gz", "<doc_id>.html").
inline std::string StripHtmlSuffix(std::string id) {
  for (std::string_view suffix : {".html.gz", ".html", ".htm"}) {
    if (id.size() > suffix.size() && id.ends_with(suffix)) {
      id.resize(id.size() - suffix.size());
      break;
    }
  }
  return id;
}

// {doc_id: {"articleBody": str|null, ...}}, optionally wrapped as
// {"version": ..., "output": {...}}. Non-string bodies count as "".
inline Result<std::map<std::string, std::string>> ParseBodyMap(const nlohmann::json& j,
                                                               const std::string& path) {
  const nlohmann::json* m = &j;
  if (j.is_object() && j.contains("output") && j["output"].is_object()) m = &j["output"];
  if (!m->is_object()) return Status::InvalidInput(path + ": expected a JSON object of documents");
  std::map<std::string, std::string> out;
  for (const auto& [id, v] : m->items()) {
    std::string body;
    if (v.is_object() && v.contains("articleBody") && v["articleBody"].is_string()) {
      body = v["articleBody"].get<std::string>();
    }
    out.emplace(StripHtmlSuffix(id), std::move(body));
  }
  return out;
}

// JSON Lines of {"id": ..., "text": ...} (what `storyline extract --json` prints).
inline Result<std::map<std::string, std::string>> ParseJsonl(std::string_view data,
                                                             const std::string& path) {
  std::map<std::string, std::string> out;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    const std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object() || !j.contains("id") || !j["id"].is_string()) {
      return Status::InvalidInput(path + ":" + std::to_string(line_no) +
                                  ": expected an object with a string \"id\"");
    }
    std::string text;
    if (j.contains("text") && j["text"].is_string()) text = j["text"].get<std::string>();
    out[StripHtmlSuffix(j["id"].get<std::string>())] = std::move(text);
  }
  return out;
}

// Ground truth or predictions: one JSON object of documents, or JSONL.
inline Result<std::map<std::string, std::string>> LoadBodies(const std::string& path) {
  Result<std::string> data = ReadWholeFile(path);
  if (!data.ok()) return data.status();
  nlohmann::json j = nlohmann::json::parse(*data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_discarded() && j.is_object() && !j.contains("id")) return ParseBodyMap(j, path);
  return ParseJsonl(*data, path);
}

}  // namespace storyline::score

#endif  // STORYLINE_TOOLS_EXTRACTION_SCORE_LIB_H_
