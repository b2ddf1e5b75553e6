// ingest_bench: format detection and reading (include/storyline/ingest.h) on
// text, HTML, JSONL and WARC buffers, plain and gzip-compressed, generated in
// process from a fixed seed; plus a naive JSONL reader (std::istream getline
// + nlohmann::json) in the same binary, reported as a ratio.
//
//   build-bench/bench/ingest_bench                        # all, console
//   build-bench/bench/ingest_bench --benchmark_filter=Jsonl
//   build-bench/bench/ingest_bench --benchmark_out=ingest.json
//       --benchmark_out_format=json   (same as the lines above, one command)
//
// MB/s (SetBytesProcessed) counts input bytes as handed to the reader, i.e.
// compressed bytes for the .gz inputs. The naive baseline does less work
// than ReadBuffer (no UTF-8 check, no NFC, no html/text field handling), so
// the ratio understates our advantage rather than flattering it.

#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "storyline/article.h"
#include "storyline/ingest.h"
#include "storyline/reporter.h"
#include "storyline/status.h"

namespace {

// Fixed seed: every run benchmarks byte-identical inputs.
constexpr uint32_t kSeed = 20240229;
// Records per JSONL/WARC buffer: ~2-4 MB, far beyond L2/L3 so the numbers
// reflect streaming through memory, yet quick to generate at start-up.
constexpr int kJsonlRecords = 1000;
constexpr int kWarcRecords = 300;
// Paragraphs per generated article: news bodies run 6-20 paragraphs.
constexpr int kMinParagraphs = 6;
constexpr int kMaxParagraphs = 20;

// A made-up vocabulary (mixed with function words so sentences have a
// natural-looking token mix, including a few non-ASCII words for NFC/UTF-8
// handling). Immutable table.
constexpr std::string_view kWords[] = {
    "the", "a", "of", "to", "and", "in", "that", "was", "for", "on", "with", "said",
    "council", "harbour", "contract", "minister", "budget", "bridge", "players", "season",
    "Velmora", "Ostrava", "Quillon", "Dunmere", "Hartwell", "Brisk", "Calder", "Nyssa",
    "statement", "spokesperson", "Tuesday", "November", "café", "naïve", "Zürich",
    "résumé", "investigation", "according", "reported", "million", "percent", "club",
    "after", "before", "would", "could", "not", "their", "which", "because", "data",
};

class Gen {
 public:
  explicit Gen(uint32_t seed) : rng_(seed) {}
  // Uniform in [lo, hi]; mt19937 output is fully specified, so inputs are the
  // same on every platform (std distributions are not).
  int Between(int lo, int hi) { return lo + static_cast<int>(rng_() % (hi - lo + 1)); }
  std::string_view Word() { return kWords[rng_() % std::size(kWords)]; }

  std::string Sentence() {
    std::string s;
    const int n = Between(8, 24);
    for (int i = 0; i < n; ++i) {
      if (i > 0) s += ' ';
      s += Word();
    }
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    // One sentence in five is a quotation, as in news copy.
    if (Between(0, 4) != 0) return s += '.';
    std::string q = "\"";
    q += s;
    q += ",\" ";
    q += Word();
    q += " said.";
    return q;
  }
  std::vector<std::string> Paragraphs() {
    std::vector<std::string> ps(Between(kMinParagraphs, kMaxParagraphs));
    for (std::string& p : ps) {
      const int n = Between(1, 5);
      for (int i = 0; i < n; ++i) {
        if (i > 0) p += ' ';
        p += Sentence();
      }
    }
    return ps;
  }
  std::string Title() {
    std::string t;
    for (int i = 0, n = Between(5, 11); i < n; ++i) {
      if (i > 0) t += ' ';
      t += Word();
    }
    return t;
  }
  std::string Date() {
    char buf[16];
    std::snprintf(buf, sizeof buf, "20%02d-%02d-%02d", Between(15, 25), Between(1, 12),
                  Between(1, 28));
    return buf;
  }

 private:
  std::mt19937 rng_;
};

std::string TextArticle(Gen& g) {
  std::string out = " date " + g.Date() + " " + g.Title() + "\n\n";
  for (const std::string& p : g.Paragraphs()) out += p + "\n\n";
  return out;
}

std::string HtmlArticle(Gen& g, int n) {
  const std::string title = g.Title();
  std::string out =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
      " | The Courier</title><meta property=\"og:title\" content=\"" + title +
      "\"><meta property=\"article:published_time\" content=\"" + g.Date() +
      "T08:00:00Z\"><link rel=\"canonical\" href=\"https://courier.example/news/" +
      std::to_string(n) + "\"></head><body><nav><ul>";
  for (int i = 0; i < 8; ++i) out += "<li><a href=\"/s" + std::to_string(i) + "\">Section</a></li>";
  out += "</ul></nav><article class=\"story-body\"><h1>" + title + "</h1>";
  for (const std::string& p : g.Paragraphs()) out += "<p>" + p + "</p>\n";
  out += "</article><aside class=\"related\"><ul>";
  for (int i = 0; i < 5; ++i) out += "<li><a href=\"/r" + std::to_string(i) + "\">" + g.Title() + "</a></li>";
  out += "</ul></aside><footer>Copyright The Courier</footer></body></html>\n";
  return out;
}

std::string JsonlBuffer(Gen& g) {
  std::string out;
  for (int i = 0; i < kJsonlRecords; ++i) {
    nlohmann::json rec = {{"id", fmt::format("w{}", i)},
                          {"url", fmt::format("https://wire.example/{}", i)},
                          {"title", g.Title()},
                          {"date", g.Date()},
                          {"outlet", "Wire Example"}};
    // One record in eight carries HTML instead of text, as mixed feeds do.
    if (i % 8 == 0) {
      rec["html"] = HtmlArticle(g, i);
    } else {
      std::string text;
      for (const std::string& p : g.Paragraphs()) text += p + "\n\n";
      rec["text"] = text;
    }
    out += rec.dump() + "\n";
  }
  return out;
}

std::string WarcRecord(std::string_view type, int n, std::string_view content_type,
                       const std::string& payload) {
  std::string rec = "WARC/1.0\r\nWARC-Type: " + std::string(type) +
                    "\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-" +
                    std::to_string(100000000000 + n) +
                    ">\r\nWARC-Date: 2024-03-01T12:00:00Z\r\nWARC-Target-URI: "
                    "https://courier.example/news/" +
                    std::to_string(n) + "\r\nContent-Type: " + std::string(content_type) +
                    "\r\nContent-Length: " + std::to_string(payload.size()) + "\r\n\r\n";
  return rec + payload + "\r\n\r\n";
}

// WARC records, returned one string per record so the .gz variant can
// compress each record as its own gzip member (as crawlers write them).
std::vector<std::string> WarcRecords(Gen& g) {
  std::vector<std::string> recs;
  recs.push_back(WarcRecord("warcinfo", 0, "application/warc-fields",
                            "software: ingest_bench\r\nformat: WARC File Format 1.0\r\n"));
  for (int i = 1; i <= kWarcRecords; ++i) {
    const std::string html = HtmlArticle(g, i);
    const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                             "Content-Length: " + std::to_string(html.size()) + "\r\n\r\n" + html;
    recs.push_back(WarcRecord("response", i, "application/http; msgtype=response", http));
  }
  return recs;
}

// One gzip member holding `in`.
std::string Gzip(std::string_view in) {
  z_stream z{};
  // 15 window bits + 16 selects the gzip wrapper; level 6 is gzip's default.
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&z, in.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

struct Input {
  std::string name;   // benchmark label
  std::string file;   // file name handed to the reader (extension is a hint)
  std::string bytes;
};

std::vector<Input> MakeInputs() {
  Gen g(kSeed);
  std::vector<Input> in;
  in.push_back({"text", "story.txt", TextArticle(g)});
  in.push_back({"html", "story.html", HtmlArticle(g, 1)});
  in.push_back({"jsonl", "wire.jsonl", JsonlBuffer(g)});
  std::string warc, warc_gz;
  for (const std::string& r : WarcRecords(g)) {
    warc += r;
    warc_gz += Gzip(r);
  }
  in.push_back({"warc", "crawl.warc", std::move(warc)});
  in.push_back({"jsonl.gz", "wire.jsonl.gz", Gzip(in[2].bytes)});
  in.push_back({"warc.gz", "crawl.warc.gz", std::move(warc_gz)});
  return in;
}

// Reported as detections per second, not bytes: detection looks at a prefix
// of the buffer, so bytes/s would grow with the buffer and mean nothing.
void BM_DetectFormat(benchmark::State& state, const Input* in) {
  // "input" gives no extension hint: detection must come from content.
  for (auto _ : state) {
    benchmark::DoNotOptimize(storyline::DetectFormat("input", in->bytes));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

// body_bytes_per_second: document bodies produced, i.e. the decompressed,
// unwrapped rate for .gz and WARC inputs.
void BM_ReadBuffer(benchmark::State& state, const Input* in) {
  size_t docs = 0;
  size_t body_bytes = 0;
  for (auto _ : state) {
    storyline::CountingReporter reporter(nullptr);
    storyline::Status s = storyline::ReadBuffer(
        in->file, in->bytes, storyline::ReadOptions(), reporter, [&](storyline::Document&& d) {
          ++docs;
          body_bytes += d.body.size();
          return storyline::Status::Ok();
        });
    if (!s.ok() || reporter.rejected() > 0) {
      state.SkipWithError(("ReadBuffer failed: " + s.ToString()).c_str());
      break;
    }
    benchmark::DoNotOptimize(body_bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in->bytes.size()));
  state.SetItemsProcessed(static_cast<int64_t>(docs));
  state.counters["body_bytes_per_second"] =
      benchmark::Counter(static_cast<double>(body_bytes), benchmark::Counter::kIsRate,
                         benchmark::Counter::kIs1024);
}

// The reader a script would write: getline over an istream, parse each line
// with nlohmann::json, copy the fields into a Document.
void BM_NaiveJsonlGetline(benchmark::State& state, const Input* in) {
  size_t docs = 0;
  for (auto _ : state) {
    std::istringstream is(in->bytes);
    std::string line;
    size_t body_bytes = 0;
    while (std::getline(is, line)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!j.is_object()) continue;
      storyline::Document d;
      d.id = j.value("id", "");
      d.url = j.value("url", "");
      d.title = j.value("title", "");
      d.published = j.value("date", "");
      d.outlet = j.value("outlet", "");
      if (j.contains("html")) {
        d.format = storyline::DocumentFormat::kHtml;
        d.body = j.value("html", "");
      } else {
        d.body = j.value("text", "");
      }
      body_bytes += d.body.size();
      ++docs;
    }
    benchmark::DoNotOptimize(body_bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in->bytes.size()));
  state.SetItemsProcessed(static_cast<int64_t>(docs));
}

// Console output as usual, plus the bytes/s of every run kept for ratios.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  // Colour only on a terminal, so redirected output stays plain text.
  explicit RatioReporter(bool color) : ConsoleReporter(color ? OO_ColorTabular : OO_Tabular) {}
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& r : runs) {
      if (r.error_occurred || r.run_type != Run::RT_Iteration) continue;
      auto it = r.counters.find("bytes_per_second");
      if (it != r.counters.end()) bytes_per_second_[r.benchmark_name()] = it->second.value;
    }
  }
  // 0 when `name` did not run (filtered out or failed).
  double Rate(const std::string& name) const {
    auto it = bytes_per_second_.find(name);
    return it == bytes_per_second_.end() ? 0 : it->second;
  }

 private:
  std::map<std::string, double> bytes_per_second_;
};

}  // namespace

int main(int argc, char** argv) {
  // Inputs must outlive the registered benchmarks, which hold pointers.
  const std::vector<Input> inputs = MakeInputs();
  for (const Input& in : inputs) {
    if (in.bytes.empty()) {
      std::cerr << "ingest_bench: could not generate input " << in.name << "\n";
      return 2;
    }
    // DetectFormat's contract is decompressed bytes; gzip is unwrapped first.
    if (!in.name.ends_with(".gz")) {
      benchmark::RegisterBenchmark(("BM_DetectFormat/" + in.name).c_str(), BM_DetectFormat, &in);
    }
  }
  for (const Input& in : inputs) {
    benchmark::RegisterBenchmark(("BM_ReadBuffer/" + in.name).c_str(), BM_ReadBuffer, &in);
  }
  benchmark::RegisterBenchmark("BM_NaiveJsonlGetline/jsonl", BM_NaiveJsonlGetline, &inputs[2]);

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter(isatty(STDOUT_FILENO) != 0);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  const double ours = reporter.Rate("BM_ReadBuffer/jsonl");
  const double naive = reporter.Rate("BM_NaiveJsonlGetline/jsonl");
  if (ours > 0 && naive > 0) {
    std::cout << "ratio jsonl ReadBuffer / naive getline+nlohmann (bytes/s): " << ours / naive
              << "x\n";
  }
  return 0;
}
