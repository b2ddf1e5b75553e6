// ner_throughput: in-process speed of the NER tagger alone (features,
// scoring, Viterbi), without the file I/O that `storyline tag --conll`
// (timed by bench/ner_opennlp_baseline.sh) includes.
//
//   build-abench/bench/ner_throughput [--data FILE.iob2] [--min-seconds 3]
//
// Input: an IOB2/CoNLL file (default: UNER English-EWT test), loaded into
// memory as sentences of tokens before timing. Each pass tags every
// sentence with NerTagger::Default() (the embedded model); passes repeat
// until --min-seconds of process CPU time elapse (CPU time: the machine is
// usually shared). Tag() (string tags, as callers use it), TagEntities()
// (Tag() plus the news rules of ner_rules.h) and TagIds()
// (label indices, no string copies) are timed separately. The entity-level
// F1 of the tags (conlleval semantics, via NerSpans) is printed too, so a
// reader can see the timed tagger is the real model.
//
// Output: a table, then a line starting with "JSON ". Exit codes: 0 ok,
// 1 bad input or usage, 2 internal error.

#include <time.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "extract/ner.h"
#include "storyline/status.h"

namespace {

using Clock = std::chrono::steady_clock;

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Sentence {
  std::vector<std::string> words;
  std::vector<std::string> gold;
};

// Columns are tab-separated (UNER: index, word, tag, ...) or space-separated
// "word tag". A line starting with '#' is a comment ("# sent_id = ...")
// unless it is a token row: it has a tab in a tabbed file, or exactly two
// columns in a space-separated one, so a "#" token is kept.
storyline::Result<std::vector<Sentence>> LoadConll(const std::string& path) {
  std::ifstream in(path);
  if (!in) return storyline::Status::NotFound(path + ": cannot open");
  std::vector<std::string> lines;
  bool tabbed = false;
  for (std::string line; std::getline(in, line);) {
    tabbed = tabbed || line.find('\t') != std::string::npos;
    lines.push_back(std::move(line));
  }
  std::vector<Sentence> out;
  Sentence cur;
  size_t line_no = 0;
  auto flush = [&] {
    if (!cur.words.empty()) out.push_back(std::move(cur));
    cur = Sentence();
  };
  for (std::string& line : lines) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      flush();
      continue;
    }
    const char sep = tabbed ? '\t' : ' ';
    std::vector<std::string> cols;
    for (size_t i = 0; i <= line.size();) {
      size_t j = line.find(sep, i);
      if (j == std::string::npos) j = line.size();
      if (j > i) cols.push_back(line.substr(i, j - i));
      i = j + 1;
    }
    const bool token_row = tabbed ? line.find('\t') != std::string::npos : cols.size() == 2;
    if (line[0] == '#' && !token_row) continue;
    if (cols.size() < 2) {
      return storyline::Status::InvalidInput(
          fmt::format("{}:{}: expected 'token tag' or an indexed row", path, line_no));
    }
    const bool indexed =
        cols.size() >= 3 && cols[0].find_first_not_of("0123456789.-") == std::string::npos;
    cur.words.push_back(indexed ? cols[1] : cols[0]);
    cur.gold.push_back(indexed ? cols[2] : cols[1]);
  }
  flush();
  if (out.empty()) return storyline::Status::InvalidInput(path + ": no sentences");
  return out;
}

struct Measure {
  std::string name;
  size_t passes = 0;
  double seconds = 0;
  double wall_seconds = 0;
};

template <typename F>
Measure TimePasses(std::string name, double min_seconds, F one_pass) {
  Measure m;
  m.name = std::move(name);
  const Clock::time_point start = Clock::now();
  const double cpu_start = CpuSeconds();
  do {
    one_pass();
    ++m.passes;
    m.seconds = CpuSeconds() - cpu_start;
  } while (m.seconds < min_seconds);
  m.wall_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return m;
}

int Run(const std::string& data, double min_seconds) {
  storyline::Result<std::vector<Sentence>> sents = LoadConll(data);
  if (!sents.ok()) {
    std::cerr << "ner_throughput: " << sents.status().ToString() << "\n";
    return 1;
  }
  const storyline::Result<storyline::NerTagger>& tagger = storyline::NerTagger::Default();
  if (!tagger.ok()) {
    std::cerr << "ner_throughput: " << tagger.status().ToString() << "\n";
    return 2;
  }
  size_t tokens = 0;
  for (const Sentence& s : *sents) tokens += s.words.size();

  // Quality check on one untimed pass: entity-level micro P/R/F1.
  using Chunk = std::tuple<size_t, size_t, size_t, std::string>;
  std::set<Chunk> gold, pred;
  for (size_t k = 0; k < sents->size(); ++k) {
    const Sentence& s = (*sents)[k];
    for (const storyline::NerSpan& c : storyline::NerSpans(s.gold)) {
      gold.emplace(k, c.begin, c.end, c.label);
    }
    for (const storyline::NerSpan& c : storyline::NerSpans(tagger->Tag(s.words))) {
      pred.emplace(k, c.begin, c.end, c.label);
    }
  }
  size_t correct = 0;
  for (const Chunk& c : pred) correct += gold.count(c);
  const double p = pred.empty() ? 0 : static_cast<double>(correct) / pred.size();
  const double r = gold.empty() ? 0 : static_cast<double>(correct) / gold.size();
  const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;

  size_t sink = 0;  // folded results, printed so no pass is optimised away
  std::vector<Measure> rows;
  rows.push_back(TimePasses("Tag", min_seconds, [&] {
    for (const Sentence& s : *sents) sink += tagger->Tag(s.words).size();
  }));
  // TagEntities: the tagger plus the news rules (WORK/OTHER, datelines,
  // credits), the path `storyline annotate` takes.
  rows.push_back(TimePasses("TagEntities", min_seconds, [&] {
    for (const Sentence& s : *sents) sink += tagger->TagEntities(s.words).size();
  }));
  rows.push_back(TimePasses("TagIds", min_seconds, [&] {
    std::vector<int> ids;
    for (const Sentence& s : *sents) {
      tagger->TagIds(s.words, &ids);
      sink += ids.size();
    }
  }));

  fmt::print("ner_throughput: {} sentences, {} tokens from {}\n", sents->size(), tokens, data);
  fmt::print("entity F1 of the timed model: P {:.3f} R {:.3f} F1 {:.3f}\n", p, r, f1);
  fmt::print("{:<8} {:>14} {:>12} {:>7} {:>7} {:>7}\n", "call", "tokens/s", "sent/s", "passes",
             "cpu s", "wall s");
  nlohmann::json out = {{"bench", "ner_throughput"}, {"threads", 1},        {"data", data},
                        {"sentences", sents->size()}, {"tokens", tokens},   {"p", p},
                        {"r", r},                     {"f1", f1}};
  for (const Measure& m : rows) {
    const double tps = m.seconds > 0 ? tokens * m.passes / m.seconds : 0;
    const double sps = m.seconds > 0 ? sents->size() * m.passes / m.seconds : 0;
    fmt::print("{:<8} {:>14.0f} {:>12.0f} {:>7} {:>7.2f} {:>7.2f}\n", m.name, tps, sps, m.passes,
               m.seconds, m.wall_seconds);
    out[m.name] = {{"tokens_per_s", tps},
                   {"sentences_per_s", sps},
                   {"passes", m.passes},
                   {"cpu_seconds", m.seconds},
                   {"wall_seconds", m.wall_seconds}};
  }
  fmt::print("({} tags produced)\nJSON {}\n", sink, out.dump());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data =
      std::string(STORYLINE_SOURCE_DIR) + "/../shared/data/ner-uner-en-ewt/en_ewt-ud-test.iob2";
  double min_seconds = 3.0;
  CLI::App app{"storyline NER tagger throughput (in process)"};
  app.add_option("--data", data, "IOB2/CoNLL file: indexed UNER rows or 'token tag' lines");
  app.add_option("--min-seconds", min_seconds, "minimum timed CPU seconds per row")
      ->check(CLI::NonNegativeNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  }
  try {
    return Run(data, min_seconds);
  } catch (const std::exception& e) {
    std::cerr << "ner_throughput: internal error: " << e.what() << "\n";
    return 2;
  }
}
