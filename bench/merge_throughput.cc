// merge_throughput: what `storyline merge` costs per article against
// ingesting the same articles, in the same run (issue 14, part 4).
//
//   build/bench/merge_throughput --jsonl build/synthetic-20k.jsonl [--shards 2] [--dir DIR]
//
// The JSONL file is dealt into --shards files (record i to shard i mod N,
// so every shard spans the whole period, as crawl partitions do). Each step
// runs in a child process of its own (forked before this process starts any
// thread), so its wall time, CPU time and peak RSS are its alone:
//  1. ingest each shard into its own store (what each machine does);
//  2. the baseline: one ingest of all the shard files into one store,
//     grouped once (IngestHooks::batch 0), which the merge must equal;
//  3. merge the shard stores into a new store: copying rows (articles,
//     annotations, keys) and grouping every article, timed apart;
//  4. merge them in two calls, the second bringing articles older than
//     the first's stories: every article grouped again (the serial part's
//     worst case), timed apart.
// Then checks that 3 and 4 list the same stories as 2.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "storyline/pipeline.h"
#include "storyline/render.h"
#include "storyline/reporter.h"
#include "storyline/store.h"

namespace {

namespace fs = std::filesystem;
using storyline::Result;
using Clock = std::chrono::steady_clock;

struct ChildCost {
  bool ok = false;
  double wall = 0, cpu = 0, peak_mib = 0;
};

// Runs `work` in a child process; its exit code says whether it succeeded.
ChildCost InChild(const std::function<int()>& work) {
  std::fflush(stdout);
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int rc = work();
    std::fflush(stdout);
    _exit(rc);
  }
  ChildCost cost;
  int status = 0;
  rusage ru{};
  if (pid < 0 || wait4(pid, &status, 0, &ru) != pid) return cost;
  cost.wall = std::chrono::duration<double>(Clock::now() - start).count();
  cost.cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
             static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
  cost.peak_mib = static_cast<double>(ru.ru_maxrss) / 1024.0;  // Linux: KiB
  cost.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  return cost;
}

std::unique_ptr<storyline::Store> OpenOrDie(const std::string& path) {
  Result<std::unique_ptr<storyline::Store>> s = storyline::Store::Open(path, {});
  if (!s.ok()) {
    fmt::print(stderr, "{}\n", s.status().message());
    _exit(2);
  }
  return std::move(*s);
}

int IngestStep(const std::string& db, const std::vector<std::string>& files, size_t batch) {
  std::unique_ptr<storyline::Store> store = OpenOrDie(db);
  storyline::CountingReporter reporter(nullptr);
  storyline::IngestHooks hooks;
  hooks.batch = batch;
  Result<storyline::IngestReport> r = storyline::Ingest(*store, files, reporter, hooks);
  if (!r.ok()) return 2;
  fmt::print("    {} stored, {} annotated, stories {:.2f}s\n", r->stored, r->annotated, r->story_seconds);
  return 0;
}

int MergeStep(const std::string& db, const std::vector<std::vector<std::string>>& calls) {
  std::unique_ptr<storyline::Store> store = OpenOrDie(db);
  storyline::CountingReporter reporter(nullptr);
  for (const std::vector<std::string>& shards : calls) {
    Result<storyline::MergeReport> r = storyline::Merge(*store, shards, reporter, {});
    if (!r.ok() || reporter.rejected() > 0) return 2;
    fmt::print("    call: {} read, {} stored, {} annotated; copy {:.2f}s ({:.3f} ms/article), "
               "{} {:.2f}s ({:.3f} ms/article)\n",
               r->read, r->stored, r->annotated, r->copy_seconds, 1e3 * r->copy_seconds / std::max<size_t>(1, r->read),
               r->full_regroup ? "full regroup" : "regroup", r->story_seconds,
               1e3 * r->story_seconds / std::max<size_t>(1, store->ArticleCount()));
    fmt::print("      stories: clustering {:.2f}s (serial), members {:.2f}s, views {:.2f}s, saving {:.2f}s\n",
               r->cluster_seconds, r->members_seconds, r->views_seconds, r->save_seconds);
  }
  return 0;
}

void Row(const char* what, const ChildCost& c, size_t articles) {
  fmt::print("  {:<34} {:8.2f}s wall {:8.2f}s cpu {:9.0f} articles/s {:7.0f} MiB peak RSS{}\n", what, c.wall, c.cpu,
             static_cast<double>(articles) / std::max(c.wall, 1e-9), c.peak_mib, c.ok ? "" : "  FAILED");
}

std::string StoriesOf(const std::string& db) {
  storyline::StoreOptions ro;
  ro.read_only = true;
  Result<std::unique_ptr<storyline::Store>> s = storyline::Store::Open(db, ro);
  if (!s.ok()) return "";
  Result<std::vector<storyline::StoredStory>> stories = (*s)->Stories();
  return stories.ok() ? storyline::StoriesToJson(*stories) : "";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"merge_throughput: storyline merge against ingest, per article"};
  std::string jsonl, dir = "merge-bench";
  size_t shards = 2;
  app.add_option("--jsonl", jsonl, "articles (bench/synthetic_jsonl.py writes some)")->required();
  app.add_option("--shards", shards, "shards to deal the articles into")->capture_default_str();
  app.add_option("--dir", dir, "scratch folder (emptied)")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  if (shards < 2) shards = 2;
  fs::remove_all(dir);
  fs::create_directories(dir);

  std::ifstream in(jsonl);
  std::vector<std::ofstream> outs;
  std::vector<std::string> files, stores;
  for (size_t i = 0; i < shards; ++i) {
    files.push_back(fmt::format("{}/shard{}.jsonl", dir, i));
    stores.push_back(fmt::format("{}/shard{}.db", dir, i));
    outs.emplace_back(files.back());
  }
  size_t articles = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    outs[articles++ % shards] << line << "\n";
  }
  for (std::ofstream& o : outs) o.close();
  if (articles == 0) {
    fmt::print(stderr, "{}: no records\n", jsonl);
    return 1;
  }
  fmt::print("merge_throughput: {} articles from {} dealt into {} shards\n", articles, jsonl, shards);

  for (size_t i = 0; i < shards; ++i) {
    fmt::print("  ingest of shard {}:\n", i);
    // The default batch, as a machine making a shard would run it.
    Row(fmt::format("ingest shard {}", i).c_str(),
        InChild([&] { return IngestStep(stores[i], {files[i]}, storyline::IngestHooks{}.batch); }),
        (articles + shards - 1 - i) / shards);
  }
  fmt::print("  baseline, one ingest of every shard file:\n");
  const ChildCost ref = InChild([&] { return IngestStep(dir + "/ref.db", files, 0); });
  fmt::print("  merge of {} shards in one call:\n", shards);
  const ChildCost one = InChild([&] { return MergeStep(dir + "/merged.db", {stores}); });
  // The second call's shards hold articles older than the first's stories.
  const std::vector<std::string> rest(stores.begin() + 1, stores.end());
  fmt::print("  merge in two calls (shard 0, then the rest):\n");
  const ChildCost two = InChild([&] { return MergeStep(dir + "/merged2.db", {{stores[0]}, rest}); });
  Row("ingest of all (baseline)", ref, articles);
  Row("merge, one call", one, articles);
  Row("merge, two calls", two, articles);
  fmt::print("  merge is {:.1f}x faster than ingest per article (wall), {:.1f}x (cpu)\n", ref.wall / one.wall,
             ref.cpu / one.cpu);
  const std::string want = StoriesOf(dir + "/ref.db");
  const bool same_one = !want.empty() && StoriesOf(dir + "/merged.db") == want;
  const bool same_two = !want.empty() && StoriesOf(dir + "/merged2.db") == want;
  fmt::print("  stories equal the baseline's: one call {}, two calls {}\n", same_one ? "yes" : "NO",
             same_two ? "yes" : "NO");
  return ref.ok && one.ok && two.ok && same_one && same_two ? 0 : 1;
}
