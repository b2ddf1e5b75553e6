// parser_throughput: in-process speed of the tagger and dependency parser
// (src/extract/parser.h) beside the NER tagger (src/extract/ner.h) on the
// same sentences, the baseline: a sequence tagger over the same words.
//
//   build/bench/parser_throughput [--data FILE.conllu] [--min-seconds 3]
//
// Input: a CoNLL-U file (default: UD English-EWT dev), loaded into memory as
// sentences of words before timing, plus the project's example articles
// (examples/*/*.txt) for the article entry point. Each row repeats passes
// until --min-seconds of process CPU time elapse (CPU time: the machine is
// usually shared); one thread.
//   ner TagIds      the baseline: NER tags of every sentence
//   parser TagIds   the POS tagger alone
//   parser ParseIds tagging and parsing (what ParseArticle does per sentence)
//   ParseArticle    Tokenize + SplitSentences + ParseArticle on the example
//                   articles, also reported as milliseconds per 600 words
// The UAS/LAS of the timed model on the input is printed too, so a reader can
// see the timed parser is the real model.
//
// Output: a table, then a line starting with "JSON ". Exit codes: 0 ok,
// 1 bad input or usage, 2 internal error.

#include <time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "extract/ner.h"
#include "extract/parser.h"
#include "extract/parser_train.h"
#include "storyline/status.h"
#include "text/sentences.h"

namespace {

using Clock = std::chrono::steady_clock;

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
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

// The bodies of the example articles (plain-text files; the first line is
// the title, kept: it is text to parse as well).
std::vector<std::string> LoadArticles(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt" && e.path().filename() != "README.txt") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p);
    std::ostringstream buf;
    buf << in.rdbuf();
    out.push_back(buf.str());
  }
  return out;
}

int Run(const std::string& data, const std::string& examples, double min_seconds) {
  auto sents = storyline::ReadConllu(data);
  if (!sents.ok()) {
    std::cerr << "parser_throughput: " << sents.status().ToString() << "\n";
    return 1;
  }
  const auto& parser = storyline::DependencyParser::Default();
  const auto& ner = storyline::NerTagger::Default();
  if (!parser.ok() || !ner.ok()) {
    std::cerr << "parser_throughput: " << (parser.ok() ? ner.status() : parser.status()).ToString() << "\n";
    return 2;
  }
  size_t tokens = 0;
  std::vector<std::vector<std::string_view>> views;
  for (const storyline::ConlluSentence& s : *sents) {
    tokens += s.words.size();
    views.emplace_back(s.words.begin(), s.words.end());
  }
  const storyline::ParserScore score = storyline::ScoreParser(*parser, *sents, false);

  const std::vector<std::string> articles = LoadArticles(examples);
  size_t article_words = 0;
  for (const std::string& a : articles) article_words += storyline::Tokenize(a).size();

  size_t sink = 0;  // folded results, printed so no pass is optimised away
  std::vector<Measure> rows;
  rows.push_back(TimePasses("ner TagIds", min_seconds, [&] {
    std::vector<int> ids;
    for (const storyline::ConlluSentence& s : *sents) {
      ner->TagIds(s.words, &ids);
      sink += ids.size();
    }
  }));
  rows.push_back(TimePasses("parser TagIds", min_seconds, [&] {
    std::vector<int> tags;
    for (const auto& v : views) {
      parser->TagIds(v, &tags);
      sink += tags.size();
    }
  }));
  rows.push_back(TimePasses("parser ParseIds", min_seconds, [&] {
    std::vector<int> tags, heads, labels;
    for (const auto& v : views) {
      parser->ParseIds(v, &tags, &heads, &labels);
      sink += heads.size();
    }
  }));
  Measure article;
  if (!articles.empty()) {
    article = TimePasses("ParseArticle", min_seconds, [&] {
      for (const std::string& a : articles) {
        const std::vector<storyline::Span> s = storyline::SplitSentences(a);
        const std::vector<storyline::Token> t = storyline::Tokenize(a);
        sink += storyline::ParseArticle(a, s, t, *parser).size();
      }
    });
  }

  fmt::print("parser_throughput: {} sentences, {} tokens from {}\n", sents->size(), tokens, data);
  fmt::print("timed model on this input: UPOS {:.2f} UAS {:.2f} LAS {:.2f}\n", score.Upos(), score.Uas(),
             score.Las());
  fmt::print("{:<16} {:>12} {:>10} {:>9} {:>7} {:>7} {:>7}\n", "call", "tokens/s", "sent/s", "vs ner", "passes",
             "cpu s", "wall s");
  nlohmann::json out = {{"bench", "parser_throughput"}, {"threads", 1}, {"data", data},
                        {"sentences", sents->size()},   {"tokens", tokens}, {"upos", score.Upos()},
                        {"uas", score.Uas()},           {"las", score.Las()}};
  const double ner_tps = rows[0].seconds > 0 ? double(tokens * rows[0].passes) / rows[0].seconds : 0;
  for (const Measure& m : rows) {
    const double tps = m.seconds > 0 ? double(tokens * m.passes) / m.seconds : 0;
    const double sps = m.seconds > 0 ? double(sents->size() * m.passes) / m.seconds : 0;
    const double ratio = tps > 0 ? ner_tps / tps : 0;
    fmt::print("{:<16} {:>12.0f} {:>10.0f} {:>8.2f}x {:>7} {:>7.2f} {:>7.2f}\n", m.name, tps, sps, ratio, m.passes,
               m.seconds, m.wall_seconds);
    out[m.name] = {{"tokens_per_s", tps},       {"sentences_per_s", sps},        {"ner_time_ratio", ratio},
                   {"passes", m.passes},        {"cpu_seconds", m.seconds},      {"wall_seconds", m.wall_seconds}};
  }
  if (!articles.empty() && article.seconds > 0) {
    const double tps = double(article_words * article.passes) / article.seconds;
    const double ms600 = 600.0 / tps * 1000.0;
    fmt::print("ParseArticle     {:>12.0f} tokens/s over {} example articles ({} tokens): {:.1f} ms per 600 tokens\n",
               tps, articles.size(), article_words, ms600);
    out["ParseArticle"] = {{"tokens_per_s", tps}, {"articles", articles.size()}, {"tokens", article_words},
                           {"ms_per_600_tokens", ms600}, {"passes", article.passes}};
  }
  fmt::print("(ratio 'vs ner': time of this call over the NER tagger's on the same words; {} outputs)\nJSON {}\n",
             sink, out.dump());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(STORYLINE_SOURCE_DIR) + "/../shared/data/ud-en-ewt/en_ewt-ud-dev.conllu";
  std::string examples = std::string(STORYLINE_SOURCE_DIR) + "/examples";
  double min_seconds = 3.0;
  CLI::App app{"storyline tagger and dependency parser throughput (in process)"};
  app.add_option("--data", data, "CoNLL-U file (.conllu or .conllu.gz)");
  app.add_option("--examples", examples, "folder of plain-text articles for ParseArticle");
  app.add_option("--min-seconds", min_seconds, "minimum timed CPU seconds per row")->check(CLI::NonNegativeNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  }
  try {
    return Run(data, examples, min_seconds);
  } catch (const std::exception& e) {
    std::cerr << "parser_throughput: internal error: " << e.what() << "\n";
    return 2;
  }
}
