// extract_throughput: single-threaded read+clean throughput of storyline on
// real pages, against readability-lxml on the same pages.
//
//   build-bench/bench/extract_throughput                       # defaults
//   build-bench/bench/extract_throughput --data DIR --examples DIR
//       [--min-seconds 3] [--no-baseline]
//
// Workloads (all inputs are loaded into memory before any timing):
//   html   the 181 pages of DIR/html/*.html.gz (Zyte article-extraction
//          benchmark), gunzipped up front; ReadBuffer + CleanDocument per page.
//   jsonl  examples/wire.jsonl replicated in memory to ~50 MB; one
//          ReadBuffer call over the whole buffer, CleanDocument per record.
// Each workload is timed read-only and read+clean, repeating whole passes
// until --min-seconds of CPU time elapse. Rates use process CPU time, not wall
// time: the benchmark is single-threaded and usually runs on a machine shared
// with builds, where wall time measures the neighbours (wall time is printed
// too). The baseline script uses the same clock. Peak RSS comes from getrusage(). The baseline is
// bench/readability_baseline.py (Debian python3-readability) run through
// popen on the same pages; its pages/s is compared with ours.
//
// Output: a human-readable table on stdout, then one line starting with
// "JSON " holding the same numbers for the README.
//
// Exit codes follow the storyline command: 0 ok, 1 bad input or usage,
// 2 internal error.

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

#include "bench_util.h"
#include "storyline/article.h"
#include "storyline/clean.h"
#include "storyline/ingest.h"
#include "storyline/reporter.h"
#include "storyline/status.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The JSONL workload is ~50 MB: large enough that per-call overhead and cache
// warm-up vanish, small enough to hold twice (bytes + documents) on a laptop.
constexpr size_t kJsonlTargetBytes = size_t{50} << 20;
using storyline::bench::CpuSeconds;
using storyline::bench::kBytesPerMb;
using storyline::bench::Page;
using storyline::bench::PeakRssMib;

struct Config {
  std::string data_dir;
  std::string examples_dir;
  std::string baseline_script;
  double min_seconds = 3.0;
  bool baseline = true;
};

// One timed workload: `units` documents and `bytes` input bytes per pass.
struct Measure {
  std::string name;
  size_t units = 0;
  size_t bytes = 0;
  size_t passes = 0;
  double seconds = 0;       // CPU time of all passes
  double wall_seconds = 0;  // elapsed time, for reference
  size_t failures = 0;  // documents rejected or left without text, per pass
  double UnitsPerSecond() const { return seconds > 0 ? units * passes / seconds : 0; }
  double MbPerSecond() const { return seconds > 0 ? bytes * passes / seconds / kBytesPerMb : 0; }
};

storyline::Result<std::vector<Page>> LoadPages(const std::string& data_dir) {
  return storyline::bench::LoadPages(data_dir);
}

storyline::Result<std::string> ReplicatedJsonl(const std::string& examples_dir) {
  return storyline::bench::ReplicatedJsonl(examples_dir, kJsonlTargetBytes);
}

// Reads (and optionally cleans) every document in `bytes`; returns how many
// documents were produced and adds rejected ones to `failures`.
size_t ReadAndMaybeClean(const std::string& name, std::string_view bytes, bool clean,
                         size_t* failures, size_t* text_bytes) {
  storyline::CountingReporter reporter(nullptr);
  size_t docs = 0;
  const storyline::CleanOptions clean_options;
  storyline::Status s = storyline::ReadBuffer(
      name, bytes, storyline::ReadOptions(), reporter, [&](storyline::Document&& d) {
        ++docs;
        if (!clean) {
          *text_bytes += d.body.size();
          return storyline::Status::Ok();
        }
        storyline::Result<storyline::Article> a = storyline::CleanDocument(d, clean_options);
        if (a.ok()) {
          *text_bytes += a->text.size();
        } else {
          ++*failures;
        }
        return storyline::Status::Ok();
      });
  if (!s.ok()) ++*failures;
  *failures += reporter.rejected();
  return docs;
}

// Runs `one_pass` (which returns documents seen and adds failures) until
// `min_seconds` have elapsed, at least once.
template <typename F>
Measure TimePasses(std::string name, size_t bytes, double min_seconds, F one_pass) {
  Measure m;
  m.name = std::move(name);
  m.bytes = bytes;
  const Clock::time_point start = Clock::now();
  const double cpu_start = CpuSeconds();
  do {
    size_t failures = 0;
    m.units = one_pass(&failures);
    m.failures = failures;
    ++m.passes;
    m.seconds = CpuSeconds() - cpu_start;
  } while (m.seconds < min_seconds);
  m.wall_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return m;
}

Measure TimeHtml(const std::vector<Page>& pages, bool clean, double min_seconds, size_t* sink) {
  size_t bytes = 0;
  for (const Page& p : pages) bytes += p.html.size();
  return TimePasses(clean ? "html read+clean" : "html read", bytes, min_seconds,
                    [&](size_t* failures) {
                      size_t docs = 0;
                      for (const Page& p : pages) {
                        docs += ReadAndMaybeClean(p.name, p.html, clean, failures, sink);
                      }
                      return docs;
                    });
}

Measure TimeJsonl(const std::string& jsonl, bool clean, double min_seconds, size_t* sink) {
  return TimePasses(clean ? "jsonl read+clean" : "jsonl read", jsonl.size(), min_seconds,
                    [&](size_t* failures) {
                      return ReadAndMaybeClean("wire.jsonl", jsonl, clean, failures, sink);
                    });
}

std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs the readability baseline and returns its JSON object; on failure an
// object with an "error" field (the benchmark still reports our numbers).
nlohmann::json RunBaseline(const Config& cfg) {
  const std::string cmd = "/usr/bin/python3 " + ShellQuote(cfg.baseline_script) + " " +
                          ShellQuote(cfg.data_dir) + " --min-seconds " +
                          fmt::format("{}", cfg.min_seconds) + " 2>&1";
  std::unique_ptr<std::FILE, decltype(&pclose)> pipe(popen(cmd.c_str(), "r"), &pclose);
  if (!pipe) return {{"error", "cannot start: " + cmd}};
  std::string out;
  char buf[4096];  // the script prints one short JSON line
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, pipe.get())) > 0;) out.append(buf, n);
  const int rc = pclose(pipe.release());
  // The script prints one JSON object as its last line.
  size_t last = out.find_last_of('{');
  size_t line = last == std::string::npos ? std::string::npos : out.rfind('\n', last);
  std::string json_line = out.substr(line == std::string::npos ? 0 : line + 1);
  nlohmann::json j = nlohmann::json::parse(json_line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return {{"error", fmt::format("exit {}; output: {}", rc, out.substr(0, 400))}};
  }
  return j;
}

void PrintRow(const Measure& m, const char* unit) {
  fmt::print("{:<18} {:>8} {:>10.1f} {:>8} {:>10.1f} {:>7.2f} {:>7.2f} {:>7}\n", m.name, m.units,
             m.UnitsPerSecond(), unit, m.MbPerSecond(), m.seconds, m.wall_seconds, m.failures);
}

nlohmann::json ToJson(const Measure& m, const char* unit) {
  return {{"docs", m.units},
          {"bytes", m.bytes},
          {"passes", m.passes},
          {"cpu_seconds", m.seconds},
          {"wall_seconds", m.wall_seconds},
          {std::string(unit) + "_per_s", m.UnitsPerSecond()},
          {"mb_per_s", m.MbPerSecond()},
          {"failures", m.failures}};
}

int Run(const Config& cfg) {
  storyline::Result<std::vector<Page>> pages = LoadPages(cfg.data_dir);
  if (!pages.ok()) {
    std::cerr << "extract_throughput: " << pages.status().ToString() << "\n";
    return 1;
  }
  storyline::Result<std::string> jsonl = ReplicatedJsonl(cfg.examples_dir);
  if (!jsonl.ok()) {
    std::cerr << "extract_throughput: " << jsonl.status().ToString() << "\n";
    return 1;
  }
  const double rss_inputs = PeakRssMib(RUSAGE_SELF);

  // Text bytes produced, printed below so no pass can be optimised away.
  size_t produced = 0;
  std::vector<Measure> html = {TimeHtml(*pages, false, cfg.min_seconds, &produced),
                               TimeHtml(*pages, true, cfg.min_seconds, &produced)};
  std::vector<Measure> wire = {TimeJsonl(*jsonl, false, cfg.min_seconds, &produced),
                               TimeJsonl(*jsonl, true, cfg.min_seconds, &produced)};
  const double rss_peak = PeakRssMib(RUSAGE_SELF);

  fmt::print("{:<18} {:>8} {:>10} {:>8} {:>10} {:>7} {:>7} {:>7}\n", "workload", "docs",
             "docs/s", "unit", "MB/s", "cpu s", "wall s", "failed");
  for (const Measure& m : html) PrintRow(m, "pages");
  for (const Measure& m : wire) PrintRow(m, "articles");
  fmt::print("peak RSS {:.1f} MiB (inputs loaded: {:.1f} MiB); {} text bytes produced\n",
             rss_peak, rss_inputs, produced);

  nlohmann::json out = {{"bench", "extract_throughput"},
                        {"threads", 1},
                        {"html_read", ToJson(html[0], "pages")},
                        {"html_read_clean", ToJson(html[1], "pages")},
                        {"jsonl_read", ToJson(wire[0], "articles")},
                        {"jsonl_read_clean", ToJson(wire[1], "articles")},
                        {"peak_rss_mib", rss_peak}};
  if (cfg.baseline) {
    nlohmann::json base = RunBaseline(cfg);
    out["baseline"] = base;
    if (base.contains("pages_per_s") && base["pages_per_s"].is_number() &&
        base["pages_per_s"].get<double>() > 0) {
      const double theirs = base["pages_per_s"].get<double>();
      const double ratio = html[1].UnitsPerSecond() / theirs;
      out["ratio_html_pages_per_s_ours_over_readability"] = ratio;
      fmt::print("baseline readability-lxml: {:.1f} pages/s, {:.1f} MB/s (python, 1 process)\n",
                 theirs, base.value("mb_per_s", 0.0));
      fmt::print("ratio ours/theirs (html read+clean pages/s): {:.2f}x\n", ratio);
    } else {
      fmt::print("baseline failed: {}\n", base.dump());
    }
  }
  fmt::print("JSON {}\n", out.dump());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Config cfg;
  const std::string source = STORYLINE_SOURCE_DIR;
  cfg.data_dir = source + "/../shared/data/article-extraction";
  cfg.examples_dir = source + "/examples";
  cfg.baseline_script = source + "/bench/readability_baseline.py";
  bool no_baseline = false;

  CLI::App app{"storyline read+clean throughput vs readability-lxml"};
  app.add_option("--data", cfg.data_dir, "folder with html/*.html.gz");
  app.add_option("--examples", cfg.examples_dir, "folder with wire.jsonl");
  app.add_option("--baseline-script", cfg.baseline_script, "readability_baseline.py");
  app.add_option("--min-seconds", cfg.min_seconds, "minimum timed seconds per workload")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--no-baseline", no_baseline, "skip the readability-lxml run");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 reports --help as a "success" parse error.
    return app.exit(e) == 0 ? 0 : 1;
  }
  cfg.baseline = !no_baseline;
  try {
    return Run(cfg);
  } catch (const std::exception& e) {
    std::cerr << "extract_throughput: internal error: " << e.what() << "\n";
    return 2;
  }
}
