// issue 12, crash consistency: `storyline ingest` killed with SIGKILL at
// random points (once or twice), then run again to the end, leaves exactly
// the store an uninterrupted ingest leaves: the same articles, the same
// saved stories, not marked behind, and the same `storyline stories`.
//
// Forks the real binary. Half the kills fall anywhere in a run; the other
// half wait until the first articles are committed and fall in the time an
// uninterrupted run spends from there to its end (grouping the stories), the
// window in which a kill used to leave stories that were never repaired.
// STORYLINE_KILL_RUNS sets the number of runs (default 30: well under a
// minute; the issue's goal is 100 out of 100), STORYLINE_KILL_SEED the seed,
// STORYLINE_KILL_BINARY another storyline to test (an older build, say).
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace storyline {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// 30 runs take ~7 s on 2 loaded cores (an ingest of examples/ is ~0.2 s):
// enough for several kills in the grouping window on every run of the suite.
constexpr int kDefaultRuns = 30;
// Polling the store for the first committed articles: a quarter of a
// millisecond (about what one poll costs) against a grouping phase of a few
// to tens of milliseconds.
constexpr auto kPollEvery = std::chrono::microseconds(250);
// Stories are updated every kBatch articles read: the 13 examples make four
// batches, so kills fall between batches too (a batch's articles stored, its
// stories not yet; stories saved without views before the last batch).
constexpr const char* kBatch = "4";
// A run that takes this long has hung; the test fails instead of waiting.
constexpr auto kRunLimit = std::chrono::seconds(60);

std::string Binary() {
  const char* other = std::getenv("STORYLINE_KILL_BINARY");
  return other != nullptr ? other : std::string(STORYLINE_BINARY_DIR) + "/storyline";
}
std::string Examples() { return std::string(STORYLINE_SOURCE_DIR) + "/examples"; }

// Starts `storyline ingest --db DB examples/` with its output discarded.
pid_t StartIngest(const std::string& db) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    const std::string bin = Binary(), in = Examples();
    execl(bin.c_str(), bin.c_str(), "ingest", "--batch", kBatch, "--db", db.c_str(), in.c_str(), nullptr);
    _exit(127);
  }
  return pid;
}

// True once `pid` has exited (reaped).
bool Exited(pid_t pid) {
  int status = 0;
  return waitpid(pid, &status, WNOHANG) == pid;
}

void KillAndReap(pid_t pid) {
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
}

// Runs a shell command line; its stdout, or "exit N" appended on failure.
std::string Capture(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return "popen failed";
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  if (status != 0) out += "\nexit " + std::to_string(status);
  return out;
}

// Rows of `sql` on the store, one line each, columns separated by '|'.
// "" when the store cannot be read yet (not created, being migrated).
std::string Query(const std::string& db, const char* sql) {
  sqlite3* c = nullptr;
  std::string out;
  if (sqlite3_open_v2(db.c_str(), &c, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(c, sql, -1, &st, nullptr) == SQLITE_OK) {
      while (sqlite3_step(st) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(st); ++i) {
          const unsigned char* t = sqlite3_column_text(st, i);
          out += (i > 0 ? "|" : "") + std::string(t == nullptr ? "NULL" : reinterpret_cast<const char*>(t));
        }
        out += '\n';
      }
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(c);
  return out;
}

bool HasArticles(const std::string& db) {
  const std::string n = Query(db, "SELECT count(*) FROM articles");
  return !n.empty() && n != "0\n";
}

bool StoriesBehind(const std::string& db) {
  return Query(db,
               "SELECT (SELECT value FROM meta WHERE key = 'articles_generation') <> "
               "(SELECT value FROM meta WHERE key = 'stories_generation')") == "1\n";
}

// What must equal the uninterrupted ingest's store, read with plain SQLite
// so that nothing regroups on the way.
// (Each query on its own, so that a store of an older schema, made by an
// older build under test, still compares on what it has.)
std::string Snapshot(const std::string& db) {
  return "articles:\n" + Query(db, "SELECT id, content_hash FROM articles ORDER BY id") +
         "origins:\n" + Query(db, "SELECT id, origin FROM articles ORDER BY id") + "stories:\n" +
         Query(db,
               "SELECT s.id, s.label, s.span_first, s.span_last, "
               "(SELECT group_concat(article_id, ' ') FROM (SELECT article_id FROM story_articles "
               "WHERE story_id = s.id ORDER BY position)) FROM stories AS s ORDER BY s.ord") +
         "views:\n" + Query(db, "SELECT id, hex(view) FROM stories ORDER BY id") +
         "links:\n" + Query(db, "SELECT a, b FROM story_links ORDER BY a, b") +
         "aliases:\n" + Query(db, "SELECT id, story_id FROM story_aliases ORDER BY id") +
         "state:\n" + Query(db, "SELECT kind, hex(key), hex(value) FROM grouping_rows ORDER BY kind, key") +
         "behind: " + (StoriesBehind(db) ? "yes" : "no") + "\n";
}

std::string Stories(const std::string& db) {
  return Capture("'" + Binary() + "' stories --db '" + db + "' 2>/dev/null");
}

void RemoveStore(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
}

class IngestKillTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(Binary())) GTEST_SKIP() << Binary() << " is not built";
    std::string tmpl = (fs::temp_directory_path() / "storyline_kill_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }
  fs::path dir_;
};

TEST_F(IngestKillTest, Issue12KilledIngestThenRerunEqualsUninterrupted) {
  const char* runs_env = std::getenv("STORYLINE_KILL_RUNS");
  const int runs = runs_env != nullptr ? std::atoi(runs_env) : kDefaultRuns;
  const char* seed_env = std::getenv("STORYLINE_KILL_SEED");
  const unsigned seed = seed_env != nullptr ? static_cast<unsigned>(std::strtoul(seed_env, nullptr, 10))
                                            : std::random_device{}();
  SCOPED_TRACE("STORYLINE_KILL_SEED=" + std::to_string(seed));
  std::mt19937 rng(seed);

  // The uninterrupted ingest, timed: whole run, and from the first
  // committed articles to the end.
  const std::string ref = (dir_ / "ref.db").string();
  const Clock::time_point t0 = Clock::now();
  const pid_t pid = StartIngest(ref);
  Clock::time_point first_articles{};
  while (!Exited(pid)) {
    if (first_articles == Clock::time_point{} && HasArticles(ref)) first_articles = Clock::now();
    ASSERT_LT(Clock::now() - t0, kRunLimit) << "the reference ingest hangs";
    std::this_thread::sleep_for(kPollEvery);
  }
  const auto whole = Clock::now() - t0;
  const auto tail = first_articles == Clock::time_point{} ? whole : Clock::now() - first_articles;
  const std::string expected = Snapshot(ref);
  ASSERT_EQ(expected.find("stories:\nbehind"), std::string::npos) << "the reference ingest saved no stories:\n"
                                                                 << expected;
  ASSERT_NE(expected.find("behind: no"), std::string::npos) << expected;
  const std::string expected_stories = Stories(ref);

  const std::string db = (dir_ / "run.db").string();
  int left_behind = 0;
  for (int run = 0; run < runs; ++run) {
    RemoveStore(db);
    const int kills = std::uniform_int_distribution<int>(1, 2)(rng);
    std::string at;
    for (int k = 0; k < kills; ++k) {
      const bool after_articles = (run + k) % 2 == 1;
      const auto span = after_articles ? tail : whole + whole / 5;
      const auto delay = std::chrono::microseconds(std::uniform_int_distribution<int64_t>(
          0, std::chrono::duration_cast<std::chrono::microseconds>(span).count())(rng));
      const Clock::time_point start = Clock::now();
      const pid_t child = StartIngest(db);
      bool exited = false;
      if (after_articles) {
        while (!HasArticles(db) && !(exited = Exited(child)) && Clock::now() - start < kRunLimit) {
          std::this_thread::sleep_for(kPollEvery);
        }
      }
      if (!exited) {
        std::this_thread::sleep_for(delay);
        KillAndReap(child);
      }
      at += " " + std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count()) +
            "ms" + (after_articles ? "(after articles)" : "");
    }
    if (StoriesBehind(db)) ++left_behind;
    const std::string rerun =
        Capture("'" + Binary() + "' ingest --batch " + kBatch + " --db '" + db + "' '" + Examples() + "' 2>&1");
    ASSERT_EQ(rerun.find("\nexit "), std::string::npos) << "run " << run << ", killed at" << at << ":\n" << rerun;
    ASSERT_EQ(Snapshot(db), expected) << "run " << run << ", killed at" << at << "; the rerun said:\n" << rerun;
    ASSERT_EQ(Stories(db), expected_stories) << "run " << run << ", killed at" << at;
  }
  // Without kills in the window the test would prove nothing.
  if (runs >= 10) {
    EXPECT_GT(left_behind, 0) << "no kill left the stories behind the articles";
  }
  std::printf("%d runs, %d killed between articles and stories; ingest takes %lld ms\n", runs, left_behind,
              static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(whole).count()));
}

}  // namespace
}  // namespace storyline
