// annotation_codec_throughput: size and single-threaded speed of the store's
// binary annotation codec (store/annotation_codec.h) against the JSON of
// `storyline annotate --json` on the same annotations (the baseline, timed in
// the same run).
//
//   build/bench/annotation_codec_throughput                    # defaults
//   build/bench/annotation_codec_throughput --examples DIR --seeds DIR
//       --data DIR [--min-seconds 2]
//
// Workloads (read, cleaned and annotated before any timing):
//   examples  examples/ (every format) plus the four seed articles;
//   html      the 181 pages of DATA/html/*.html.gz (Zyte article-extraction
//             benchmark): longer, messier news pages.
// Sizes per article: the cleaned text; the binary blob; the JSON as
// `annotate --json` prints it (pretty, text included); and that JSON compact
// without "text", the fairest JSON a store could keep beside the text.
// Rows (whole passes over every article, repeated until --min-seconds of
// process CPU time):
//   encode       EncodeAnnotation;
//   decode       DecodeAnnotation, the article copied in (a store hands
//                over an article it read);
//   json encode  AnnotationToJson (the baseline writer);
//   json decode  nlohmann::json::parse of that JSON plus filling an
//                AnnotatedArticle from it (the baseline reader).
// MB/s is of blob bytes for the codec rows and of JSON bytes for the
// baseline rows; articles/s compares them directly.
//
// Output: a table on stdout, then one line starting with "JSON " with the
// same numbers. Exit codes follow the storyline command: 0 ok, 1 bad input or
// usage, 2 internal error.

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench_util.h"
#include "store/annotation_codec.h"
#include "storyline/annotation.h"
#include "storyline/clean.h"
#include "storyline/ingest.h"
#include "storyline/render.h"
#include "storyline/reporter.h"
#include "storyline/status.h"

namespace {

using storyline::AnnotatedArticle;
using storyline::bench::kBytesPerMb;

struct Config {
  std::string examples_dir;
  std::string seeds_dir;
  std::string data_dir;
  double min_seconds = 2.0;
};

struct Workload {
  std::string name;
  std::vector<AnnotatedArticle> articles;
  std::vector<std::string> blobs;
  std::vector<std::string> jsons;
  size_t text_bytes = 0;
  size_t blob_bytes = 0;
  size_t json_bytes = 0;          // as `annotate --json` prints it
  size_t json_compact_bytes = 0;  // compact, without "text"
};

// Cleans each document read from `path` and appends it.
storyline::Status Collect(const std::string& path, std::vector<storyline::Article>* out) {
  storyline::CountingReporter reporter(nullptr);
  return storyline::ReadPath(path, {}, reporter, [&](storyline::Document&& d) {
    storyline::Result<storyline::Article> a = storyline::CleanDocument(d, {});
    if (a.ok() && !a->text.empty()) out->push_back(std::move(*a));
    return storyline::Status::Ok();
  });
}

storyline::Result<std::vector<storyline::Article>> LoadHtml(const std::string& data_dir) {
  storyline::Result<std::vector<storyline::bench::Page>> pages = storyline::bench::LoadPages(data_dir);
  if (!pages.ok()) return pages.status();
  std::vector<storyline::Article> out;
  storyline::CountingReporter reporter(nullptr);
  for (const storyline::bench::Page& p : *pages) {
    // A page the reader cannot use is skipped, as an ingest would.
    (void)storyline::ReadBuffer(p.name, p.html, {}, reporter, [&](storyline::Document&& d) {
      storyline::Result<storyline::Article> a = storyline::CleanDocument(d, {});
      if (a.ok() && !a->text.empty()) out.push_back(std::move(*a));
      return storyline::Status::Ok();
    });
  }
  return out;
}

Workload Prepare(std::string name, const std::vector<storyline::Article>& articles) {
  Workload w;
  w.name = std::move(name);
  w.articles = storyline::AnnotateMany(articles, {});
  for (const AnnotatedArticle& a : w.articles) {
    w.blobs.push_back(storyline::store_internal::EncodeAnnotation(a));
    w.jsons.push_back(storyline::AnnotationToJson(a));
    nlohmann::json j = nlohmann::json::parse(w.jsons.back());
    j.erase("text");
    w.text_bytes += a.article.text.size();
    w.blob_bytes += w.blobs.back().size();
    w.json_bytes += w.jsons.back().size();
    w.json_compact_bytes += j.dump().size();
  }
  return w;
}

storyline::Span SpanOf(const nlohmann::json& j) {
  return {j.at("start").get<size_t>(), j.at("end").get<size_t>()};
}

std::string StringOf(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

// The baseline reader: `annotate --json` back into an AnnotatedArticle.
AnnotatedArticle FromJson(std::string_view json) {
  const nlohmann::json j = nlohmann::json::parse(json);
  AnnotatedArticle a;
  a.article.id = StringOf(j, "id");
  a.article.title = StringOf(j, "title");
  a.article.published = StringOf(j, "published");
  a.article.outlet = StringOf(j, "outlet");
  a.article.text = StringOf(j, "text");
  for (const nlohmann::json& s : j.at("sentences")) a.sentences.push_back(SpanOf(s));
  for (const nlohmann::json& m : j.at("entities")) {
    a.entities.push_back({SpanOf(m), StringOf(m, "text"), StringOf(m, "type"), StringOf(m, "entity")});
  }
  for (const nlohmann::json& q : j.at("quotes")) {
    a.quotes.push_back({SpanOf(q), StringOf(q, "text"), StringOf(q, "speaker_name"), StringOf(q, "speaker"),
                        StringOf(q, "cue"), StringOf(q, "kind"), StringOf(q, "medium")});
  }
  for (const nlohmann::json& d : j.at("dates")) {
    a.dates.push_back({SpanOf(d), StringOf(d, "text"), StringOf(d, "value")});
  }
  for (const nlohmann::json& q : j.at("quantities")) {
    storyline::Quantity x;
    x.span = SpanOf(q);
    x.text = StringOf(q, "text");
    x.value = q.at("value").get<double>();
    x.unit = StringOf(q, "unit");
    x.subject = StringOf(q, "subject");
    x.high = q.value("high", 0.0);
    x.measure = StringOf(q, "measure");
    const std::string bound = StringOf(q, "bound");
    x.bound = bound == "about"      ? storyline::QuantityBound::kApprox
              : bound == "at least" ? storyline::QuantityBound::kAtLeast
              : bound == "at most"  ? storyline::QuantityBound::kAtMost
                                    : storyline::QuantityBound::kExact;
    a.quantities.push_back(std::move(x));
  }
  return a;
}

struct Row {
  storyline::bench::Measure m;
  size_t bytes_per_pass = 0;  // the MB/s basis
};

std::vector<Row> TimeWorkload(const Workload& w, double min_seconds, size_t* sink) {
  using storyline::bench::TimePasses;
  std::vector<Row> rows;
  rows.push_back({TimePasses("encode", min_seconds, sink,
                             [&] {
                               size_t n = 0;
                               for (const AnnotatedArticle& a : w.articles) {
                                 n += storyline::store_internal::EncodeAnnotation(a).size();
                               }
                               return n;
                             }),
                  w.blob_bytes});
  rows.push_back({TimePasses("decode", min_seconds, sink,
                             [&] {
                               size_t n = 0;
                               for (size_t i = 0; i < w.articles.size(); ++i) {
                                 storyline::Result<AnnotatedArticle> a =
                                     storyline::store_internal::DecodeAnnotation(w.blobs[i], w.articles[i].article);
                                 n += a.ok() ? a->entities.size() : 0;
                               }
                               return n;
                             }),
                  w.blob_bytes});
  rows.push_back({TimePasses("json encode", min_seconds, sink,
                             [&] {
                               size_t n = 0;
                               for (const AnnotatedArticle& a : w.articles) n += storyline::AnnotationToJson(a).size();
                               return n;
                             }),
                  w.json_bytes});
  rows.push_back({TimePasses("json decode", min_seconds, sink,
                             [&] {
                               size_t n = 0;
                               for (const std::string& j : w.jsons) n += FromJson(j).entities.size();
                               return n;
                             }),
                  w.json_bytes});
  return rows;
}

double Ratio(double a, double b) { return b > 0 ? a / b : 0; }

nlohmann::json Report(const Workload& w, const std::vector<Row>& rows) {
  const double n = static_cast<double>(w.articles.size());
  fmt::print("\n{}: {} articles, {:.0f} text bytes/article; per article: blob {:.0f} B ({:.1f}% of "
             "text), annotate --json {:.0f} B, compact JSON without text {:.0f} B (blob is {:.1f}x "
             "smaller)\n",
             w.name, w.articles.size(), w.text_bytes / n, w.blob_bytes / n, 100.0 * Ratio(w.blob_bytes, w.text_bytes),
             w.json_bytes / n, w.json_compact_bytes / n, Ratio(w.json_compact_bytes, w.blob_bytes));
  fmt::print("{:<12} {:>12} {:>10} {:>12} {:>7}\n", "row", "articles/s", "MB/s", "us/article", "passes");
  nlohmann::json j = {{"articles", w.articles.size()},
                      {"text_bytes", w.text_bytes},
                      {"blob_bytes", w.blob_bytes},
                      {"json_bytes", w.json_bytes},
                      {"json_compact_no_text_bytes", w.json_compact_bytes}};
  for (const Row& r : rows) {
    const double per_pass = r.m.PerPass();
    const double articles_s = Ratio(n, per_pass);
    const double mb_s = Ratio(static_cast<double>(r.bytes_per_pass), per_pass) / kBytesPerMb;
    fmt::print("{:<12} {:>12.0f} {:>10.1f} {:>12.2f} {:>7}\n", r.m.name, articles_s, mb_s, 1e6 * Ratio(per_pass, n),
               r.m.passes);
    std::string key = r.m.name;
    std::replace(key.begin(), key.end(), ' ', '_');
    j[key] = {{"articles_per_s", articles_s}, {"mb_per_s", mb_s}, {"passes", r.m.passes}};
  }
  const double encode_x = Ratio(rows[2].m.PerPass(), rows[0].m.PerPass());
  const double decode_x = Ratio(rows[3].m.PerPass(), rows[1].m.PerPass());
  fmt::print("codec vs JSON, articles/s: encode {:.1f}x, decode {:.1f}x\n", encode_x, decode_x);
  j["ratio_encode_codec_over_json"] = encode_x;
  j["ratio_decode_codec_over_json"] = decode_x;
  return j;
}

int Run(const Config& cfg) {
  std::vector<storyline::Article> examples;
  for (const std::string& dir : {cfg.examples_dir, cfg.seeds_dir}) {
    if (!std::filesystem::exists(dir)) continue;
    storyline::Status s = Collect(dir, &examples);
    if (!s.ok()) {
      std::cerr << "annotation_codec_throughput: " << s.ToString() << "\n";
      return 1;
    }
  }
  if (examples.empty()) {
    std::cerr << "annotation_codec_throughput: no articles in " << cfg.examples_dir << "\n";
    return 1;
  }
  std::vector<Workload> workloads;
  workloads.push_back(Prepare("examples", examples));
  storyline::Result<std::vector<storyline::Article>> html = LoadHtml(cfg.data_dir);
  if (html.ok()) {
    workloads.push_back(Prepare("html", *html));
  } else {
    std::cerr << "annotation_codec_throughput: skipping html: " << html.status().ToString() << "\n";
  }
  size_t sink = 0;  // folded results, printed so no pass is optimised away
  fmt::print("annotation_codec_throughput: 1 thread, rates per CPU second\n");
  nlohmann::json out = {{"bench", "annotation_codec_throughput"}};
  for (const Workload& w : workloads) out[w.name] = Report(w, TimeWorkload(w, cfg.min_seconds, &sink));
  fmt::print("({} items)\nJSON {}\n", sink, out.dump());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Config cfg;
  const std::string source = STORYLINE_SOURCE_DIR;
  cfg.examples_dir = source + "/examples";
  cfg.seeds_dir = source + "/../shared/seeds";
  cfg.data_dir = source + "/../shared/data/article-extraction";
  CLI::App app{"storyline annotation codec: size and speed vs annotate --json"};
  app.add_option("--examples", cfg.examples_dir, "folder of example articles");
  app.add_option("--seeds", cfg.seeds_dir, "folder of seed articles (skipped if absent)");
  app.add_option("--data", cfg.data_dir, "folder with html/*.html.gz (skipped if absent)");
  app.add_option("--min-seconds", cfg.min_seconds, "minimum timed CPU seconds per row")
      ->check(CLI::NonNegativeNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  }
  try {
    return Run(cfg);
  } catch (const std::exception& e) {
    std::cerr << "annotation_codec_throughput: internal error: " << e.what() << "\n";
    return 2;
  }
}
