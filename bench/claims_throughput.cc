// claims_throughput: what the number frames (FindQuantities) and the story
// views (entities across articles, quote groups, timeline and claims) cost
// next to annotating the same articles, single-threaded.
//
//   build/bench/claims_throughput [--stories eval/claims/stories] [--min-seconds 3]
//
// Workload: every article of the claims set's stories (eval/claims/stories/
// <story>/*.txt), read, cleaned and annotated once before any timing. Over
// them the program times, in CPU seconds:
//   annotate    storyline::Annotate() of every article (the baseline: the
//               whole language layer);
//   quantities  FindQuantities alone, given each article's linked mentions
//               (its inputs inside Annotate);
//   grouping    BuildBrief of each story's annotated articles with
//               StoryOptions::views off (clustering only);
//   views       BuildBrief with views on; views - grouping is what the story
//               view (claims included) costs.
// It prints each share of annotation and exits 0 either way (CPU time on a
// shared machine is a measurement, not a test). Output: a table, then one
// line starting with "JSON ". Exit codes: 0 ok, 1 bad input or usage.

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench_util.h"
#include "extract/quantities.h"
#include "storyline/annotation.h"
#include "storyline/brief.h"
#include "storyline/clean.h"
#include "storyline/ingest.h"
#include "storyline/reporter.h"

namespace {

namespace fs = std::filesystem;
using storyline::bench::CpuSeconds;

struct Config {
  std::string stories_dir = "eval/claims/stories";
  double min_seconds = 3.0;
};

using storyline::bench::Measure;
using storyline::bench::TimePasses;

// Each story's cleaned articles, by story folder.
storyline::Result<std::map<std::string, std::vector<storyline::Article>>> Load(const Config& cfg) {
  std::map<std::string, std::vector<storyline::Article>> out;
  std::error_code ec;
  for (const auto& dir : fs::directory_iterator(cfg.stories_dir, ec)) {
    if (!dir.is_directory()) continue;
    storyline::CountingReporter reporter(nullptr);
    const storyline::Status s =
        storyline::ReadPath(dir.path().string(), {}, reporter, [&](storyline::Document&& d) {
          storyline::Result<storyline::Article> a = storyline::CleanDocument(d, {});
          if (a.ok() && !a->text.empty()) out[dir.path().filename().string()].push_back(std::move(*a));
          return storyline::Status::Ok();
        });
    if (!s.ok()) return s;
  }
  if (ec) return storyline::Status::IOError(cfg.stories_dir + ": " + ec.message());
  if (out.empty()) return storyline::Status::NotFound(cfg.stories_dir + ": no story folders with articles");
  return out;
}

int Run(const Config& cfg) {
  auto loaded = Load(cfg);
  if (!loaded.ok()) {
    std::cerr << "claims_throughput: " << loaded.status().ToString() << "\n";
    return 1;
  }
  std::vector<storyline::Article> articles;
  std::vector<std::vector<storyline::AnnotatedArticle>> stories;
  for (const auto& [name, arts] : *loaded) {
    stories.emplace_back();
    for (const storyline::Article& a : arts) {
      articles.push_back(a);
      stories.back().push_back(storyline::Annotate(a, {}));
    }
  }
  size_t sink = 0;
  const Measure annotate = TimePasses("annotate", cfg.min_seconds, &sink, [&] {
    size_t n = 0;
    for (const storyline::Article& a : articles) n += storyline::Annotate(a, {}).quantities.size();
    return n;
  });
  const Measure quantities = TimePasses("quantities", cfg.min_seconds, &sink, [&] {
    size_t n = 0;
    for (const auto& story : stories) {
      for (const storyline::AnnotatedArticle& a : story) {
        n += storyline::FindQuantities(a.article.text, a.entities).size();
      }
    }
    return n;
  });
  storyline::StoryOptions grouping_only;
  grouping_only.views = false;
  const Measure grouping = TimePasses("grouping", cfg.min_seconds, &sink, [&] {
    size_t n = 0;
    for (const auto& story : stories) n += storyline::BuildBrief(story, grouping_only).stories.size();
    return n;
  });
  size_t claims = 0;
  const Measure views = TimePasses("views", cfg.min_seconds, &sink, [&] {
    size_t n = 0;
    claims = 0;
    for (const auto& story : stories) {
      const storyline::Brief b = storyline::BuildBrief(story, {});
      for (const storyline::Story& s : b.stories) claims += s.claims.size();
      n += b.stories.size();
    }
    return n;
  });
  const double base = annotate.PerPass();
  const double view_cost = std::max(0.0, views.PerPass() - grouping.PerPass());
  std::cout << fmt::format("{} articles in {} stories, {} claims\n", articles.size(), stories.size(), claims);
  std::cout << fmt::format("{:<12} {:>12} {:>14} {:>16}\n", "stage", "ms per pass", "articles/s", "share of annotate");
  for (const Measure* m : {&annotate, &quantities, &grouping, &views}) {
    std::cout << fmt::format("{:<12} {:>12.2f} {:>14.0f} {:>15.1f}%\n", m->name, m->PerPass() * 1e3,
                             static_cast<double>(articles.size()) / m->PerPass(), 100 * m->PerPass() / base);
  }
  std::cout << fmt::format("story views (claims included) beyond grouping: {:.1f}% of annotation\n",
                           100 * view_cost / base);
  nlohmann::json j = {{"articles", articles.size()},
                      {"stories", stories.size()},
                      {"claims", claims},
                      {"annotate_ms", base * 1e3},
                      {"quantities_share", quantities.PerPass() / base},
                      {"views_share", view_cost / base},
                      {"sink", sink}};
  std::cout << "JSON " << j.dump() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Config cfg;
  CLI::App app{"claims_throughput: cost of number frames and story views next to annotation"};
  app.add_option("--stories", cfg.stories_dir, "folder of story folders of articles");
  app.add_option("--min-seconds", cfg.min_seconds, "CPU seconds per measurement (at least)");
  CLI11_PARSE(app, argc, argv);
  try {
    return Run(cfg);
  } catch (const std::exception& e) {
    std::cerr << "claims_throughput: " << e.what() << "\n";
    return 2;
  }
}
