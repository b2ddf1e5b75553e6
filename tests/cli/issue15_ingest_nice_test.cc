// issue 15: an ingest beside `storyline serve` took half the cores at the
// server's priority (p99 287 ms under load; 166 ms with the ingest at nice
// 10). `storyline ingest` now adds 10 to its nice value before it starts
// working (`--nice N`; 0 keeps the caller's priority).
//
// Forks the real binary reading standard input, waits until it has created
// its store (the priority is set before), reads its nice value from /proc,
// then closes its input.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace storyline {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A start that takes this long has hung; the test fails instead of waiting.
constexpr auto kStartLimit = std::chrono::seconds(60);
constexpr auto kPollEvery = std::chrono::milliseconds(5);
// The lowest priority (setpriority(2)).
constexpr int kLowestPriority = 19;

std::string Binary() { return std::string(STORYLINE_BINARY_DIR) + "/storyline"; }

// The nice value of process `pid` (field 19 of /proc/PID/stat), or -100.
int NiceOf(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  const std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t close = stat.rfind(')');
  if (close == std::string::npos) return -100;
  std::istringstream fields(stat.substr(close + 2));
  std::string f;
  // Field 3 (state) is the first after the name.
  for (int i = 3; i <= 19 && fields >> f; ++i) {
    if (i == 19) return std::stoi(f);
  }
  return -100;
}

// The nice value `storyline ingest --db DB [args] -` runs at, or -100.
int IngestNice(const std::vector<std::string>& args) {
  char tmpl[] = "/tmp/storyline_nice_XXXXXX";
  if (mkdtemp(tmpl) == nullptr) return -100;
  const std::string db = std::string(tmpl) + "/s.db";
  int input[2];
  if (pipe(input) != 0) return -100;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(input[0], STDIN_FILENO);
    close(input[0]);
    close(input[1]);
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    std::vector<std::string> all = {Binary(), "ingest", "--db", db};
    all.insert(all.end(), args.begin(), args.end());
    all.push_back("-");
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(input[0]);
  const auto start = Clock::now();
  int status = 0;
  bool exited = false;
  while (!fs::exists(db) && Clock::now() - start < kStartLimit) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      break;
    }
    std::this_thread::sleep_for(kPollEvery);
  }
  const int nice = exited || !fs::exists(db) ? -100 : NiceOf(pid);
  close(input[1]);  // end of input: the ingest stores nothing and ends
  if (!exited) waitpid(pid, &status, 0);
  std::error_code ec;
  fs::remove_all(tmpl, ec);
  return nice;
}

TEST(IngestNiceTest, Issue15IngestLowersItsOwnPriority) {
  const int caller = getpriority(PRIO_PROCESS, 0);
  struct Row {
    std::vector<std::string> args;
    int added;
  };
  const Row rows[] = {
      {{}, 10},
      {{"--nice", "3"}, 3},
      {{"--nice", "0"}, 0},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.args.empty() ? std::string("default") : r.args[1]);
    EXPECT_EQ(IngestNice(r.args), std::min(kLowestPriority, caller + r.added));
  }
}

}  // namespace
}  // namespace storyline
