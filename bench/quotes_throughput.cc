// quotes_throughput: what quotation finding and attribution (FindQuotes)
// adds to the annotation of an article, single-threaded.
//
//   build-quotes/bench/quotes_throughput                  # defaults
//   build-quotes/bench/quotes_throughput --examples DIR [--min-seconds 3]
//
// Workload: examples/wire.jsonl replicated in memory to ~4 MB, each record
// read and cleaned (ReadBuffer + CleanDocument) before any timing. Over the
// same article texts the program times:
//   annotate   storyline::Annotate(article, {}) (the whole language layer,
//              quotation finding included);
//   quotes     FindQuotes alone, given each article's sentences, tokens and
//              linked entity mentions precomputed by an untimed Annotate
//              (its inputs inside Annotate). The mention vector is copied
//              per call because FindQuotes may append speakers to it; the
//              copy is timed separately as "copy" and subtracted.
// The goal (issue 5) is that quotation finding adds less than 20% to the
// annotation time: the program prints quotes / (annotate - quotes), the
// share it adds to everything else Annotate does, and exits 0 either way
// (CPU time on a shared machine is a measurement, not a test).
//
// Output: a table on stdout, then one line starting with "JSON " holding the
// same numbers. Exit codes follow the storyline command: 0 ok, 1 bad input
// or usage, 2 internal error.

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench_util.h"
#include "extract/quotes.h"
#include "storyline/annotation.h"
#include "storyline/article.h"
#include "storyline/clean.h"
#include "storyline/ingest.h"
#include "storyline/reporter.h"
#include "storyline/status.h"
#include "text/sentences.h"

namespace {

using storyline::bench::CpuSeconds;
using storyline::bench::kBytesPerMb;

// ~4 MB of JSONL: Annotate runs the NER tagger, so one pass over this takes
// a few CPU seconds, enough for a stable ratio without hogging a shared
// machine.
constexpr size_t kJsonlTargetBytes = size_t{4} << 20;

struct Config {
  std::string examples_dir;
  double min_seconds = 3.0;
};

struct Prepared {
  storyline::Article article;
  std::vector<storyline::Span> sentences;
  std::vector<storyline::Token> tokens;
  std::vector<storyline::EntityMention> entities;  // linked, before FindQuotes
};

using storyline::bench::Measure;
using storyline::bench::TimePasses;

storyline::Result<std::vector<Prepared>> Load(const Config& cfg, size_t* text_bytes) {
  storyline::Result<std::string> all = storyline::bench::ReplicatedJsonl(cfg.examples_dir, kJsonlTargetBytes);
  if (!all.ok()) return all.status();
  std::vector<Prepared> out;
  storyline::CountingReporter reporter(nullptr);
  storyline::Status s = storyline::ReadBuffer(
      "wire.jsonl", *all, storyline::ReadOptions(), reporter, [&](storyline::Document&& d) {
        storyline::Result<storyline::Article> a = storyline::CleanDocument(d, storyline::CleanOptions());
        if (a.ok() && !a->text.empty()) {
          Prepared p;
          p.article = std::move(*a);
          out.push_back(std::move(p));
        }
        return storyline::Status::Ok();
      });
  if (!s.ok()) return s;
  if (out.empty()) return storyline::Status::InvalidInput(cfg.examples_dir + "/wire.jsonl: no articles");
  for (Prepared& p : out) {
    *text_bytes += p.article.text.size();
    p.sentences = storyline::SplitSentences(p.article.text);
    p.tokens = storyline::Tokenize(p.article.text);
    // Annotate's entities already include the speakers FindQuotes added;
    // drop nothing: FindQuotes re-finds them as known mentions, which is
    // the same work it does inside Annotate.
    p.entities = storyline::Annotate(p.article, {}).entities;
  }
  return out;
}

int Run(const Config& cfg) {
  size_t text_bytes = 0;
  storyline::Result<std::vector<Prepared>> prepared = Load(cfg, &text_bytes);
  if (!prepared.ok()) {
    std::cerr << "quotes_throughput: " << prepared.status().ToString() << "\n";
    return 1;
  }
  const std::vector<Prepared>& arts = *prepared;
  size_t sink = 0;
  size_t quotes_found = 0;
  for (const Prepared& p : arts) {
    std::vector<storyline::EntityMention> e = p.entities;
    quotes_found += storyline::FindQuotes(p.article.text, p.sentences, p.tokens, &e).size();
  }
  const Measure annotate = TimePasses("annotate", cfg.min_seconds, &sink, [&] {
    size_t n = 0;
    for (const Prepared& p : arts) n += storyline::Annotate(p.article, {}).quotes.size();
    return n;
  });
  const Measure quotes = TimePasses("quotes", cfg.min_seconds, &sink, [&] {
    size_t n = 0;
    for (const Prepared& p : arts) {
      std::vector<storyline::EntityMention> e = p.entities;
      n += storyline::FindQuotes(p.article.text, p.sentences, p.tokens, &e).size();
    }
    return n;
  });
  const Measure copy = TimePasses("copy", cfg.min_seconds / 3, &sink, [&] {
    size_t n = 0;
    for (const Prepared& p : arts) {
      std::vector<storyline::EntityMention> e = p.entities;
      n += e.size();
    }
    return n;
  });
  const double q = std::max(0.0, quotes.PerPass() - copy.PerPass());
  const double a = annotate.PerPass();
  const double rest = a - q;
  const double added = rest > 0 ? q / rest : 0;
  const double mb = static_cast<double>(text_bytes) / kBytesPerMb;
  fmt::print("quotes_throughput: {} articles, {:.2f} MB text, {} quotations per pass; 1 thread, CPU time\n",
             arts.size(), mb, quotes_found);
  fmt::print("{:<10} {:>10} {:>10} {:>8}\n", "stage", "ms/pass", "MB/s", "passes");
  for (const Measure* m : {&annotate, &quotes, &copy}) {
    fmt::print("{:<10} {:>10.2f} {:>10.2f} {:>8}\n", m->name, m->PerPass() * 1e3,
               m->PerPass() > 0 ? mb / m->PerPass() : 0.0, m->passes);
  }
  fmt::print("quotation finding: {:.1f}% of annotate; adds {:.1f}% to the rest of annotation (goal < 20%)\n",
             a > 0 ? 100 * q / a : 0.0, 100 * added);
  nlohmann::json out = {{"bench", "quotes_throughput"},
                        {"articles", arts.size()},
                        {"text_bytes", text_bytes},
                        {"quotes_per_pass", quotes_found},
                        {"annotate_ms_per_pass", a * 1e3},
                        {"quotes_ms_per_pass", q * 1e3},
                        {"quotes_share_of_annotate", a > 0 ? q / a : 0.0},
                        {"quotes_added_to_rest", added},
                        {"sink", sink}};
  fmt::print("JSON {}\n", out.dump());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Config cfg;
  cfg.examples_dir = std::string(STORYLINE_SOURCE_DIR) + "/examples";
  CLI::App app{"storyline quotation finding cost relative to the whole annotation"};
  app.add_option("--examples", cfg.examples_dir, "folder with wire.jsonl");
  app.add_option("--min-seconds", cfg.min_seconds, "minimum timed CPU seconds per row")
      ->check(CLI::NonNegativeNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;  // CLI11 reports --help as a parse "error"
  }
  try {
    return Run(cfg);
  } catch (const std::exception& e) {
    std::cerr << "quotes_throughput: internal error: " << e.what() << "\n";
    return 2;
  }
}
