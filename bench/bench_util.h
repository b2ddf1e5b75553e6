// bench_util.h: what the throughput programs share: CPU clock, peak memory,
// and loading the article-extraction pages and the JSONL examples.
// Header-only; only bench/*_throughput.cc include it.
#ifndef STORYLINE_BENCH_BENCH_UTIL_H_
#define STORYLINE_BENCH_BENCH_UTIL_H_

#include <sys/resource.h>
#include <time.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "storyline/status.h"

namespace storyline::bench {

// Decimal megabytes, as Google Benchmark and most papers report MB/s.
inline constexpr double kBytesPerMb = 1e6;

// CPU seconds consumed by this process so far.
inline double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Peak resident set size in MiB of `who` (RUSAGE_SELF or RUSAGE_CHILDREN);
// Linux reports ru_maxrss in KiB.
inline double PeakRssMib(int who = RUSAGE_SELF) {
  rusage ru{};
  if (getrusage(who, &ru) != 0) return 0;
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

// The whole decompressed content of a gzip file.
inline Result<std::string> Gunzip(const std::filesystem::path& path) {
  // The buffer grows in steps of this size; news pages are 50-500 KB.
  constexpr size_t kInflateChunk = size_t{256} << 10;
  std::unique_ptr<gzFile_s, decltype(&gzclose)> gz(gzopen(path.c_str(), "rb"), &gzclose);
  if (!gz) return Status::IOError(path.string() + ": cannot open");
  std::string out;
  for (;;) {
    size_t old = out.size();
    out.resize(old + kInflateChunk);
    int n = gzread(gz.get(), out.data() + old, static_cast<unsigned>(kInflateChunk));
    if (n < 0) return Status::Corruption(path.string() + ": bad gzip data");
    out.resize(old + static_cast<size_t>(n));
    if (n == 0) break;
  }
  return out;
}

// CPU time of repeated passes over a workload.
struct Measure {
  std::string name;
  size_t passes = 0;
  double seconds = 0;  // CPU seconds of all passes
  double PerPass() const { return passes > 0 ? seconds / static_cast<double>(passes) : 0; }
};

// Runs `one_pass` (returning a count, added to *sink so the work is not
// optimised away) until at least `min_seconds` of CPU time have passed.
template <typename F>
Measure TimePasses(std::string name, double min_seconds, size_t* sink, F one_pass) {
  Measure m;
  m.name = std::move(name);
  const double start = CpuSeconds();
  do {
    *sink += one_pass();
    ++m.passes;
    m.seconds = CpuSeconds() - start;
  } while (m.seconds < min_seconds);
  return m;
}

struct Page {
  std::string name;  // "<doc_id>.html": a format hint and id for ReadBuffer
  std::string html;  // decompressed bytes
};

// The benchmark's pages, DATA_DIR/html/*.html.gz, decompressed, by name.
inline Result<std::vector<Page>> LoadPages(const std::string& data_dir) {
  namespace fs = std::filesystem;
  fs::path html_dir = fs::path(data_dir) / "html";
  std::error_code ec;
  std::vector<fs::path> paths;
  for (fs::directory_iterator it(html_dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() > 8 && name.ends_with(".html.gz")) paths.push_back(it->path());
  }
  if (ec) return Status::IOError(html_dir.string() + ": " + ec.message());
  if (paths.empty()) return Status::NotFound(html_dir.string() + ": no *.html.gz files");
  std::sort(paths.begin(), paths.end());
  std::vector<Page> pages;
  for (const fs::path& p : paths) {
    Result<std::string> html = Gunzip(p);
    if (!html.ok()) return html.status();
    std::string stem = p.filename().string();
    stem.resize(stem.size() - 3);  // drop ".gz", keep ".html" as the format hint
    pages.push_back({std::move(stem), std::move(*html)});
  }
  return pages;
}

// EXAMPLES_DIR/wire.jsonl repeated until it holds at least `target_bytes`.
inline Result<std::string> ReplicatedJsonl(const std::string& examples_dir, size_t target_bytes) {
  std::filesystem::path path = std::filesystem::path(examples_dir) / "wire.jsonl";
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::NotFound(path.string() + ": cannot open");
  std::string one;
  char buf[1 << 16];  // read size only; any size works, 64 KiB keeps syscalls few
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) one.append(buf, n);
  std::fclose(f);
  if (one.empty()) return Status::InvalidInput(path.string() + ": empty");
  if (one.back() != '\n') one.push_back('\n');  // copies must not merge lines
  std::string all;
  all.reserve(target_bytes + one.size());
  while (all.size() < target_bytes) all += one;
  return all;
}

}  // namespace storyline::bench

#endif  // STORYLINE_BENCH_BENCH_UTIL_H_
