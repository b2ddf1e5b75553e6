// extraction_score: scores article-body predictions on the Zyte/Scrapinghub
// article extraction benchmark exactly like upstream evaluate.py.
//
//   extraction_score --pred preds.jsonl               # storyline extract DIR --json output
//   extraction_score --pred output/trafilatura.json   # upstream output format
//   extraction_score --self-check                     # unit cases + reference scores
//   extraction_score --run [--whole-page] [--dump F]  # developer convenience, see below
//
// --run gunzips every html/*.html.gz, calls storyline::ExtractHtml (the same
// function `storyline extract` uses) and scores the result, printing pages/s
// on one core (extraction only, gunzip excluded). It exists so the extractor
// can be evaluated without the CLI; official predictions come from
// `storyline extract DIR --json`.
//
// Exit codes: 0 success, 1 bad input/usage or a self-check mismatch, 2 internal.
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../tools/extraction_score_lib.h"
#include "clean/html_extract.h"

namespace {

namespace fs = std::filesystem;
namespace sc = storyline::score;

// reference-scores.json holds 6 decimals; agreement to this tolerance means
// the same numbers (rounding of the last printed digit included).
constexpr double kTolerance = 1.000001e-6;

// The data folder relative to the source tree: /work/main -> /work/shared.
std::string DefaultDataDir() {
  const fs::path source(STORYLINE_SOURCE_DIR);
  return (source / ".." / "shared" / "data" / "article-extraction").lexically_normal().string();
}

storyline::Result<std::string> Gunzip(const fs::path& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return storyline::Status::NotFound(path.string() + ": cannot open");
  std::string out;
  std::vector<char> buf(1 << 16);
  int n = 0;
  while ((n = gzread(f, buf.data(), static_cast<unsigned>(buf.size()))) > 0) out.append(buf.data(), n);
  const bool failed = n < 0;
  gzclose(f);
  if (failed) return storyline::Status::Corruption(path.string() + ": bad gzip data");
  return out;
}

void PrintScore(const std::string& name, const sc::CorpusScore& s) {
  std::printf("%-18s F1 %.6f  P %.6f  R %.6f  accuracy %.6f  n_prec %d/%d\n", name.c_str(), s.f1,
              s.precision, s.recall, s.accuracy, s.n_prec, s.n_docs);
}

void PrintPerDoc(const sc::CorpusScore& s) {
  std::vector<const sc::DocResult*> docs;
  for (const auto& d : s.docs) docs.push_back(&d);
  std::sort(docs.begin(), docs.end(), [](const sc::DocResult* a, const sc::DocResult* b) {
    return sc::DocPrecision(a->counts) + sc::DocRecall(a->counts) <
           sc::DocPrecision(b->counts) + sc::DocRecall(b->counts);
  });
  for (const auto* d : docs) {
    std::printf("%s  P %.3f  R %.3f\n", d->id.c_str(), sc::DocPrecision(d->counts), sc::DocRecall(d->counts));
  }
}

// Upstream tests.py cases (n=3 shingles).
bool UnitCases() {
  struct Case {
    const char* truth;
    const char* pred;
    double tp, fp, fn;
  };
  const Case cases[] = {
      {"a b c", "a b c", 1, 0, 0},         {"a b c d", "a b c", 0.5, 0, 0.5},
      {"a b c", "a b c d", 0.5, 0.5, 0},   {"", "", 0, 0, 0},
      {"a", "", 0, 0, 1},                  {"", "a", 0, 1, 0},
      {"a b c a b c", "a b c", 0.25, 0, 0.75}, {"a b c", "a b c a b c", 0.25, 0.75, 0},
  };
  bool ok = true;
  for (const Case& c : cases) {
    const sc::DocCounts r = sc::ScoreDoc(c.truth, c.pred, 3);
    const bool good = std::fabs(r.tp - c.tp) < 1e-12 && std::fabs(r.fp - c.fp) < 1e-12 && std::fabs(r.fn - c.fn) < 1e-12;
    if (!good) {
      std::printf("unit case ('%s','%s'): got (%g,%g,%g) want (%g,%g,%g)\n", c.truth, c.pred, r.tp, r.fp, r.fn,
                  c.tp, c.fp, c.fn);
    }
    ok = ok && good;
  }
  const std::vector<std::string> want_tokens = {"a", "b", "cd", "e", "foo", "bar"};
  if (sc::Tokenize("a b,cd:e(foo,bar) ") != want_tokens) {
    std::printf("unit case tokenize failed\n");
    ok = false;
  }
  if (!sc::Shingles(sc::Tokenize("!"), 4).empty() ||
      sc::Shingles(sc::Tokenize("a,b c "), 5) != std::vector<std::string>{"a\x1f" "b\x1f" "c"}) {
    std::printf("unit case ngrams failed\n");
    ok = false;
  }
  std::printf("upstream unit cases: %s\n", ok ? "pass" : "FAIL");
  return ok;
}

int SelfCheck(const fs::path& data) {
  bool ok = UnitCases();
  auto truth = sc::LoadBodies((data / "ground-truth.json").string());
  if (!truth.ok()) {
    std::fprintf(stderr, "%s\n", truth.status().ToString().c_str());
    return 1;
  }
  auto ref_text = sc::ReadWholeFile((data / "reference-scores.json").string());
  if (!ref_text.ok()) {
    std::fprintf(stderr, "%s\n", ref_text.status().ToString().c_str());
    return 1;
  }
  const nlohmann::json ref = nlohmann::json::parse(*ref_text, nullptr, false);
  if (ref.is_discarded() || !ref.contains("scores")) {
    std::fprintf(stderr, "%s: not a reference-scores file\n", (data / "reference-scores.json").c_str());
    return 1;
  }
  std::vector<fs::path> outputs;
  for (const auto& e : fs::directory_iterator(data / "output")) {
    if (e.path().extension() == ".json") outputs.push_back(e.path());
  }
  std::sort(outputs.begin(), outputs.end());
  std::printf("%-16s %9s %9s %9s %9s %6s  %s\n", "system", "F1", "P", "R", "accuracy", "n_prec", "vs reference");
  for (const fs::path& p : outputs) {
    const std::string name = p.stem().string();
    auto pred = sc::LoadBodies(p.string());
    if (!pred.ok()) {
      std::printf("%s\n", pred.status().ToString().c_str());
      ok = false;
      continue;
    }
    const sc::CorpusScore s = sc::Evaluate(*truth, *pred);
    std::string verdict = "no reference";
    if (ref["scores"].contains(name)) {
      const auto& r = ref["scores"][name];
      const bool match = std::fabs(r.value("f1", -1.0) - s.f1) <= kTolerance &&
                         std::fabs(r.value("precision", -1.0) - s.precision) <= kTolerance &&
                         std::fabs(r.value("recall", -1.0) - s.recall) <= kTolerance &&
                         std::fabs(r.value("accuracy", -1.0) - s.accuracy) <= kTolerance &&
                         r.value("n_prec", -1) == s.n_prec;
      verdict = match ? "match" : "MISMATCH";
      ok = ok && match;
    }
    std::printf("%-16s %9.6f %9.6f %9.6f %9.6f %6d  %s\n", name.c_str(), s.f1, s.precision, s.recall, s.accuracy,
                s.n_prec, verdict.c_str());
  }
  std::printf("self-check: %s\n", ok ? "pass" : "FAIL");
  return ok ? 0 : 1;
}

int RunExtractor(const fs::path& data, bool whole_page, const std::string& dump, bool per_doc, int repeat) {
  auto truth = sc::LoadBodies((data / "ground-truth.json").string());
  if (!truth.ok()) {
    std::fprintf(stderr, "%s\n", truth.status().ToString().c_str());
    return 1;
  }
  std::vector<std::pair<std::string, std::string>> pages;
  size_t bytes = 0;
  for (const auto& e : fs::directory_iterator(data / "html")) {
    const std::string file = e.path().filename().string();
    auto html = Gunzip(e.path());
    if (!html.ok()) {
      std::fprintf(stderr, "%s\n", html.status().ToString().c_str());
      return 1;
    }
    bytes += html->size();
    pages.emplace_back(sc::StripHtmlSuffix(file), std::move(*html));
  }
  std::sort(pages.begin(), pages.end());
  storyline::HtmlExtractOptions options;
  options.remove_boilerplate = !whole_page;
  std::map<std::string, std::string> pred;
  std::vector<nlohmann::json> lines;
  double best = 1e300;
  for (int r = 0; r < std::max(1, repeat); ++r) {
    pred.clear();
    lines.clear();
    // CPU time of this process: the number means one core's throughput even
    // when other jobs share the machine.
    const std::clock_t t0 = std::clock();
    for (const auto& [id, html] : pages) {
      auto page = storyline::ExtractHtml(html, options);
      if (!page.ok()) {
        std::fprintf(stderr, "%s: %s\n", id.c_str(), page.status().ToString().c_str());
        continue;
      }
      if (!dump.empty() && r == 0) {
        lines.push_back({{"id", id}, {"title", page->title}, {"published", page->published},
                         {"outlet", page->outlet}, {"url", page->url}, {"author", page->author},
                         {"text", page->text}, {"boilerplate_removed", page->boilerplate_removed}});
      }
      pred[id] = std::move(page->text);
    }
    best = std::min(best, static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC);
  }
  if (!dump.empty()) {
    std::ofstream out(dump);
    for (const auto& j : lines) out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  const sc::CorpusScore s = sc::Evaluate(*truth, pred);
  if (per_doc) PrintPerDoc(s);
  PrintScore(whole_page ? "storyline (whole)" : "storyline", s);
  std::printf("%zu pages, %.1f MB in %.3f s: %.0f pages/s, %.1f MB/s (one core, CPU time of extraction only)\n", pages.size(),
              bytes / 1e6, best, pages.size() / best, bytes / 1e6 / best);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Scores article-body extraction on the Zyte/Scrapinghub benchmark (upstream evaluate.py)."};
  std::string data = DefaultDataDir();
  std::string truth_path, pred_path, dump;
  bool self_check = false, run = false, whole_page = false, per_doc = false;
  int repeat = 1;
  app.add_option("--data", data, "benchmark folder (ground-truth.json, html/, output/)");
  app.add_option("--truth", truth_path, "ground truth JSON (default: DATA/ground-truth.json)");
  app.add_option("--pred", pred_path, "predictions: upstream output JSON or JSONL of {id, text}");
  app.add_flag("--self-check", self_check, "run upstream unit cases and compare output/*.json with reference scores");
  app.add_flag("--run", run, "developer convenience: extract html/*.html.gz with ExtractHtml and score it");
  app.add_flag("--whole-page", whole_page, "with --run: keep boilerplate (whole visible text baseline)");
  app.add_option("--dump", dump, "with --run: write the extractions as JSONL to this file");
  app.add_flag("--per-doc", per_doc, "print per-document precision and recall, worst first");
  app.add_option("--repeat", repeat, "with --run: timing passes (best is reported)");
  CLI11_PARSE(app, argc, argv);
  try {
    if (self_check) return SelfCheck(data);
    if (run) return RunExtractor(data, whole_page, dump, per_doc, repeat);
    if (pred_path.empty()) {
      std::fprintf(stderr, "extraction_score: give --pred FILE, --run or --self-check\n");
      return 1;
    }
    if (truth_path.empty()) truth_path = (fs::path(data) / "ground-truth.json").string();
    auto truth = sc::LoadBodies(truth_path);
    if (!truth.ok()) {
      std::fprintf(stderr, "%s\n", truth.status().ToString().c_str());
      return 1;
    }
    auto pred = sc::LoadBodies(pred_path);
    if (!pred.ok()) {
      std::fprintf(stderr, "%s\n", pred.status().ToString().c_str());
      return 1;
    }
    const sc::CorpusScore s = sc::Evaluate(*truth, *pred);
    if (per_doc) PrintPerDoc(s);
    PrintScore(fs::path(pred_path).stem().string(), s);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "extraction_score: internal error: %s\n", e.what());
    return 2;
  }
}
