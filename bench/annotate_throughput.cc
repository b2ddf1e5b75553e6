// annotate_throughput: single-threaded throughput of storyline::Annotate
// (sentences, tokens, named entities, dates, quantities) on cleaned
// articles, with the cost of each stage and a plain ICU sentence/word split
// as the baseline.
//
//   build-abench/bench/annotate_throughput                      # defaults
//   build-abench/bench/annotate_throughput --data DIR --examples DIR
//       [--min-seconds 3]
//
// Workloads (inputs are read and cleaned before any timing, so only the
// language layer is measured):
//   html   the 181 pages of DIR/html/*.html.gz (Zyte article-extraction
//          benchmark), gunzipped, ReadBuffer + CleanDocument per page.
//   jsonl  examples/wire.jsonl replicated in memory to ~20 MB, ReadBuffer +
//          CleanDocument per record.
// For each workload the program times, over the same article texts:
//   annotate   storyline::Annotate(article, {}) (the whole layer);
//   sentences  SplitSentences(text);
//   tokenize   Tokenize(text);
//   ner        the tagger over each sentence's tokens (words built from the
//              token offsets, as Annotate does), precomputed sentences and
//              tokens as input;
//   dates      InferAnchor + FindDates;
//   quantities FindQuantities over the entity mentions of an untimed
//              Annotate call (its input in Annotate);
//   rest       annotate minus the stages: in-article entity linking, copying
//              the article into the result, and cache effects of running the
//              stages one after another;
//   icu sent   ICU's sentence BreakIterator (UTF-8 -> UTF-16 conversion
//              included: a plain ICU pipeline has to pay it);
//   icu words  ICU's word BreakIterator, likewise.
// Tokens are counted once with storyline::Tokenize, outside the timing, and
// every row's tokens/s uses that count, so rows compare directly. Whole
// passes repeat until --min-seconds of process CPU time elapse (CPU time, not
// wall time: the machine is usually shared with builds). Peak RSS comes from
// getrusage().
//
// Output: a table on stdout, then one line starting with "JSON " holding the
// same numbers for the README. Exit codes follow the storyline command: 0 ok,
// 1 bad input or usage, 2 internal error.

#include <sys/resource.h>
#include <time.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "bench_util.h"
#include "extract/dates.h"
#include "extract/ner.h"
#include "extract/quantities.h"
#include "storyline/annotation.h"
#include "storyline/article.h"
#include "storyline/clean.h"
#include "storyline/ingest.h"
#include "storyline/reporter.h"
#include "storyline/status.h"
#include "text/sentences.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// ~20 MB of JSONL gives ~15 MB of article text: enough that per-call overhead
// and warm-up vanish, while one annotate pass stays a few seconds long.
constexpr size_t kJsonlTargetBytes = size_t{20} << 20;
using storyline::bench::CpuSeconds;
using storyline::bench::kBytesPerMb;
using storyline::bench::PeakRssMib;

struct Config {
  std::string data_dir;
  std::string examples_dir;
  double min_seconds = 3.0;
};

// The cleaned texts of one workload and what a pass over them contains.
struct Workload {
  std::string name;
  std::vector<storyline::Article> articles;
  size_t input_bytes = 0;  // raw bytes read (before cleaning)
  size_t text_bytes = 0;   // bytes of cleaned text: the MB/s basis
  size_t tokens = 0;       // storyline::Tokenize count over all texts
  size_t rejected = 0;     // documents the cleaner rejected (not annotated)
};

struct Measure {
  std::string name;
  size_t articles = 0;
  size_t tokens = 0;
  size_t bytes = 0;
  size_t passes = 0;
  double seconds = 0;       // CPU time of all passes
  double wall_seconds = 0;  // elapsed time, for reference
  double ArticlesPerSecond() const { return seconds > 0 ? articles * passes / seconds : 0; }
  double TokensPerSecond() const { return seconds > 0 ? tokens * passes / seconds : 0; }
  double MbPerSecond() const { return seconds > 0 ? bytes * passes / seconds / kBytesPerMb : 0; }
  double SecondsPerPass() const { return passes > 0 ? seconds / passes : 0; }
};

// Reads and cleans every document in `bytes`, appending the articles.
storyline::Status ReadAndClean(const std::string& name, std::string_view bytes, Workload* w) {
  storyline::CountingReporter reporter(nullptr);
  const storyline::CleanOptions clean_options;
  storyline::Status s = storyline::ReadBuffer(
      name, bytes, storyline::ReadOptions(), reporter, [&](storyline::Document&& d) {
        storyline::Result<storyline::Article> a = storyline::CleanDocument(d, clean_options);
        if (a.ok() && !a->text.empty()) {
          w->text_bytes += a->text.size();
          w->articles.push_back(std::move(*a));
        } else {
          ++w->rejected;
        }
        return storyline::Status::Ok();
      });
  w->input_bytes += bytes.size();
  w->rejected += reporter.rejected();
  return s;
}

storyline::Result<Workload> LoadPages(const std::string& data_dir) {
  storyline::Result<std::vector<storyline::bench::Page>> pages = storyline::bench::LoadPages(data_dir);
  if (!pages.ok()) return pages.status();
  Workload w;
  w.name = "html";
  for (const storyline::bench::Page& p : *pages) {
    // A page the reader cannot use counts as rejected, like a bad record.
    if (!ReadAndClean(p.name, p.html, &w).ok()) ++w.rejected;
  }
  return w;
}

storyline::Result<Workload> LoadJsonl(const std::string& examples_dir) {
  storyline::Result<std::string> all = storyline::bench::ReplicatedJsonl(examples_dir, kJsonlTargetBytes);
  if (!all.ok()) return all.status();
  Workload w;
  w.name = "jsonl";
  storyline::Status s = ReadAndClean("wire.jsonl", *all, &w);
  if (!s.ok()) return s;
  return w;
}

void CountTokens(Workload* w) {
  w->tokens = 0;
  for (const storyline::Article& a : w->articles) w->tokens += storyline::Tokenize(a.text).size();
}

// Runs `one_pass` (which returns a value folded into `sink` so the work
// cannot be optimised away) until `min_seconds` have elapsed, at least once.
template <typename F>
Measure TimePasses(std::string name, const Workload& w, double min_seconds, size_t* sink,
                   F one_pass) {
  Measure m;
  m.name = std::move(name);
  m.articles = w.articles.size();
  m.tokens = w.tokens;
  m.bytes = w.text_bytes;
  const Clock::time_point start = Clock::now();
  const double cpu_start = CpuSeconds();
  do {
    *sink += one_pass();
    ++m.passes;
    m.seconds = CpuSeconds() - cpu_start;
  } while (m.seconds < min_seconds);
  m.wall_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return m;
}

// Precomputed inputs of the NER stage: each article's sentences and tokens.
struct Segmented {
  std::vector<storyline::Span> sentences;
  std::vector<storyline::Token> tokens;
};

// Tags every sentence of `text` the way Annotate does (words copied out of
// the text by token offsets); returns the number of entity spans.
size_t TagText(const storyline::NerTagger& tagger, const std::string& text, const Segmented& seg,
               std::vector<std::string>* words) {
  size_t spans = 0;
  size_t t = 0;
  for (const storyline::Span& s : seg.sentences) {
    while (t < seg.tokens.size() && seg.tokens[t].span.end <= s.start) ++t;
    words->clear();
    while (t < seg.tokens.size() && seg.tokens[t].span.start < s.end) {
      const storyline::Token& tok = seg.tokens[t];
      words->emplace_back(text, tok.byte_start, tok.byte_end - tok.byte_start);
      ++t;
    }
    if (words->empty()) continue;
    spans += storyline::NerSpans(tagger.Tag(*words)).size();
  }
  return spans;
}

// Counts the segments an ICU break iterator finds in each text.
size_t IcuBreakPass(icu::BreakIterator* it, const Workload& w) {
  size_t n = 0;
  for (const storyline::Article& a : w.articles) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(a.text);
    it->setText(u);
    it->first();
    while (it->next() != icu::BreakIterator::DONE) ++n;
  }
  return n;
}

struct WorkloadResult {
  std::vector<Measure> rows;  // annotate, stages..., icu
};

storyline::Result<WorkloadResult> TimeWorkload(const Workload& w, double min_seconds,
                                               size_t* sink) {
  const storyline::Result<storyline::NerTagger>& tagger = storyline::NerTagger::Default();
  if (!tagger.ok()) return tagger.status();
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> icu_sent(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), err));
  std::unique_ptr<icu::BreakIterator> icu_word(
      icu::BreakIterator::createWordInstance(icu::Locale::getUS(), err));
  if (U_FAILURE(err) || !icu_sent || !icu_word) {
    return storyline::Status::Internal(std::string("ICU break iterator: ") + u_errorName(err));
  }
  std::vector<Segmented> segs;
  segs.reserve(w.articles.size());
  // Entity mentions per article: the quantities stage's input.
  std::vector<std::vector<storyline::EntityMention>> mentions;
  mentions.reserve(w.articles.size());
  for (const storyline::Article& a : w.articles) {
    segs.push_back({storyline::SplitSentences(a.text), storyline::Tokenize(a.text)});
    mentions.push_back(storyline::Annotate(a, {}).entities);
  }

  WorkloadResult r;
  r.rows.push_back(TimePasses("annotate", w, min_seconds, sink, [&] {
    size_t n = 0;
    for (const storyline::Article& a : w.articles) {
      storyline::AnnotatedArticle an = storyline::Annotate(a, {});
      n += an.sentences.size() + an.entities.size() + an.dates.size() + an.quantities.size();
    }
    return n;
  }));
  r.rows.push_back(TimePasses("sentences", w, min_seconds, sink, [&] {
    size_t n = 0;
    for (const storyline::Article& a : w.articles) n += storyline::SplitSentences(a.text).size();
    return n;
  }));
  r.rows.push_back(TimePasses("tokenize", w, min_seconds, sink, [&] {
    size_t n = 0;
    for (const storyline::Article& a : w.articles) n += storyline::Tokenize(a.text).size();
    return n;
  }));
  r.rows.push_back(TimePasses("ner", w, min_seconds, sink, [&] {
    size_t n = 0;
    std::vector<std::string> words;
    for (size_t i = 0; i < w.articles.size(); ++i) {
      n += TagText(*tagger, w.articles[i].text, segs[i], &words);
    }
    return n;
  }));
  r.rows.push_back(TimePasses("dates", w, min_seconds, sink, [&] {
    size_t n = 0;
    for (const storyline::Article& a : w.articles) {
      n += storyline::FindDates(a.text, storyline::InferAnchor(a.text, a.published)).size();
    }
    return n;
  }));
  r.rows.push_back(TimePasses("quantities", w, min_seconds, sink, [&] {
    size_t n = 0;
    for (size_t i = 0; i < w.articles.size(); ++i) {
      n += storyline::FindQuantities(w.articles[i].text, mentions[i]).size();
    }
    return n;
  }));
  r.rows.push_back(TimePasses("icu sentences", w, min_seconds, sink,
                              [&] { return IcuBreakPass(icu_sent.get(), w); }));
  r.rows.push_back(TimePasses("icu words", w, min_seconds, sink,
                              [&] { return IcuBreakPass(icu_word.get(), w); }));
  return r;
}

const Measure& Row(const WorkloadResult& r, std::string_view name) {
  for (const Measure& m : r.rows) {
    if (m.name == name) return m;
  }
  return r.rows.front();  // unreachable: every name below is timed
}

double Ratio(double a, double b) { return b > 0 ? a / b : 0; }

void PrintWorkload(const Workload& w, const WorkloadResult& r) {
  fmt::print("\n{}: {} articles ({} rejected by the cleaner), {} tokens, {:.1f} MB text "
             "(from {:.1f} MB input)\n",
             w.name, w.articles.size(), w.rejected, w.tokens, w.text_bytes / kBytesPerMb,
             w.input_bytes / kBytesPerMb);
  fmt::print("{:<14} {:>11} {:>12} {:>8} {:>10} {:>8} {:>7} {:>7}\n", "stage", "articles/s",
             "tokens/s", "MB/s", "ms/pass", "% annot", "cpu s", "wall s");
  const double annotate = Row(r, "annotate").SecondsPerPass();
  double stages = 0;
  for (const Measure& m : r.rows) {
    const bool is_stage = m.name != "annotate" && !m.name.starts_with("icu");
    if (is_stage) stages += m.SecondsPerPass();
    fmt::print("{:<14} {:>11.1f} {:>12.0f} {:>8.2f} {:>10.1f} {:>8.1f} {:>7.2f} {:>7.2f}\n", m.name,
               m.ArticlesPerSecond(), m.TokensPerSecond(), m.MbPerSecond(),
               m.SecondsPerPass() * 1e3, 100 * Ratio(m.SecondsPerPass(), annotate), m.seconds,
               m.wall_seconds);
  }
  fmt::print("{:<14} {:>11} {:>12} {:>8} {:>10.1f} {:>8.1f}   (linking, article copy, cache)\n",
             "rest", "", "", "", (annotate - stages) * 1e3,
             100 * Ratio(annotate - stages, annotate));
  fmt::print("annotate costs {:.1f}x ICU sentences; our sentences are {:.2f}x ICU sentences' "
             "speed, our tokenizer {:.2f}x ICU words'\n",
             Ratio(annotate, Row(r, "icu sentences").SecondsPerPass()),
             Ratio(Row(r, "sentences").MbPerSecond(), Row(r, "icu sentences").MbPerSecond()),
             Ratio(Row(r, "tokenize").MbPerSecond(), Row(r, "icu words").MbPerSecond()));
}

nlohmann::json ToJson(const Workload& w, const WorkloadResult& r) {
  nlohmann::json j = {{"articles", w.articles.size()},
                      {"rejected", w.rejected},
                      {"tokens", w.tokens},
                      {"text_bytes", w.text_bytes},
                      {"input_bytes", w.input_bytes}};
  for (const Measure& m : r.rows) {
    std::string key = m.name;
    std::replace(key.begin(), key.end(), ' ', '_');
    j[key] = {{"passes", m.passes},
              {"cpu_seconds", m.seconds},
              {"wall_seconds", m.wall_seconds},
              {"articles_per_s", m.ArticlesPerSecond()},
              {"tokens_per_s", m.TokensPerSecond()},
              {"mb_per_s", m.MbPerSecond()}};
  }
  const double annotate = Row(r, "annotate").SecondsPerPass();
  j["ratio_annotate_time_over_icu_sentences"] =
      Ratio(annotate, Row(r, "icu sentences").SecondsPerPass());
  j["ratio_sentences_speed_ours_over_icu"] =
      Ratio(Row(r, "sentences").MbPerSecond(), Row(r, "icu sentences").MbPerSecond());
  j["ratio_tokenize_speed_ours_over_icu_words"] =
      Ratio(Row(r, "tokenize").MbPerSecond(), Row(r, "icu words").MbPerSecond());
  return j;
}

int Run(const Config& cfg) {
  storyline::Result<Workload> html = LoadPages(cfg.data_dir);
  if (!html.ok()) {
    std::cerr << "annotate_throughput: " << html.status().ToString() << "\n";
    return 1;
  }
  storyline::Result<Workload> jsonl = LoadJsonl(cfg.examples_dir);
  if (!jsonl.ok()) {
    std::cerr << "annotate_throughput: " << jsonl.status().ToString() << "\n";
    return 1;
  }
  CountTokens(&*html);
  CountTokens(&*jsonl);
  const double rss_inputs = PeakRssMib();

  size_t produced = 0;  // annotations found, printed so no pass is optimised away
  storyline::Result<WorkloadResult> html_r = TimeWorkload(*html, cfg.min_seconds, &produced);
  if (!html_r.ok()) {
    std::cerr << "annotate_throughput: " << html_r.status().ToString() << "\n";
    return 2;
  }
  storyline::Result<WorkloadResult> jsonl_r = TimeWorkload(*jsonl, cfg.min_seconds, &produced);
  if (!jsonl_r.ok()) {
    std::cerr << "annotate_throughput: " << jsonl_r.status().ToString() << "\n";
    return 2;
  }
  const double rss_peak = PeakRssMib();

  fmt::print("annotate_throughput: 1 thread, rates per CPU second; tokens = storyline::Tokenize "
             "count of the same texts\n");
  PrintWorkload(*html, *html_r);
  PrintWorkload(*jsonl, *jsonl_r);
  fmt::print("\npeak RSS {:.1f} MiB (after loading+cleaning inputs: {:.1f} MiB); {} annotations "
             "produced\n",
             rss_peak, rss_inputs, produced);
  nlohmann::json out = {{"bench", "annotate_throughput"},
                        {"threads", 1},
                        {"html", ToJson(*html, *html_r)},
                        {"jsonl", ToJson(*jsonl, *jsonl_r)},
                        {"peak_rss_mib", rss_peak},
                        {"inputs_rss_mib", rss_inputs}};
  fmt::print("JSON {}\n", out.dump());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Config cfg;
  const std::string source = STORYLINE_SOURCE_DIR;
  cfg.data_dir = source + "/../shared/data/article-extraction";
  cfg.examples_dir = source + "/examples";

  CLI::App app{"storyline annotation throughput, per stage, vs ICU break iteration"};
  app.add_option("--data", cfg.data_dir, "folder with html/*.html.gz");
  app.add_option("--examples", cfg.examples_dir, "folder with wire.jsonl");
  app.add_option("--min-seconds", cfg.min_seconds, "minimum timed CPU seconds per row")
      ->check(CLI::NonNegativeNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 reports --help as a "success" parse error.
    return app.exit(e) == 0 ? 0 : 1;
  }
  try {
    return Run(cfg);
  } catch (const std::exception& e) {
    std::cerr << "annotate_throughput: internal error: " << e.what() << "\n";
    return 2;
  }
}
