// serve_load_throughput: `storyline serve` under load (issue 15's goals).
//
//   build/bench/serve_load_throughput --cli build/storyline --data ../shared/data --dir build/serve-load
//       [--articles 100000] [--ingest 10000] [--requests 20000] [--connections 64] [--slow 8]
//       [--ingest-nice N] [--ingest-arg ARG]... [--by-kind]
//
// 1. Writes a synthetic news stream (bench/STORE_STREAM.md's recipe: UD
//    English-EWT sentences, one story per five articles, one day per 250
//    articles, follow-ups for 14 days, one story in twenty a major one) with
//    one giant story of 450 articles (the 448-article brief), and
//    ingests --articles of it with `storyline ingest` (kept in --dir: a later
//    run with the same --articles reuses the store).
// 2. Baseline in the same run, in this process on that store: the whole
//    brief of the giant story as the old server made it per request
//    (`StoryBrief` + JSON, the pipeline's path) against one page of its
//    quotations as the paged API makes it (the stored view + one section).
// 3. Starts `storyline serve` (a child process) and sends --requests mixed
//    requests (the page, story lists with filters and offsets, status,
//    search over articles, quotations and entities, story summaries,
//    sections, whole briefs, articles) from --connections kept-alive
//    connections: errors (anything but 200, or no answer), latency
//    percentiles. Then the same with --slow clients that send one byte
//    every 2 s beside it; then again while `storyline ingest` adds --ingest
//    articles (later in the stream) to the store, for as long as it runs
//    (the ingest is the --cli's own, so it lowers its priority as that
//    build does; --ingest-arg=--nice --ingest-arg=0 keeps the server's).
// Each phase also prints the p99 of each fifth of it (a cold start shows in
// the first); SERVE_LOAD_TIMELINE=1 prints every half second's percentiles
// on stderr.
// Latencies are wall times seen by the client threads, which share the
// machine with the server (and with the ingest): on a 2-core machine they
// include time the clients themselves wait for a core.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "bench_util.h"
#include "storyline/pipeline.h"
#include "storyline/render.h"
#include "storyline/store.h"

namespace {

namespace fs = std::filesystem;
using storyline::Result;
using storyline::Status;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

// The recipe of bench/STORE_STREAM.md (store_stream.cc).
constexpr size_t kArticlesPerStory = 5;
constexpr size_t kCoreSentences = 12;
constexpr size_t kCoreShown = 6;
constexpr size_t kFillerSentences = 6;
constexpr size_t kOutlets = 17;
constexpr size_t kTitleChars = 80;
constexpr size_t kMinSentenceChars = 30;
constexpr size_t kArticlesPerDay = 250;
constexpr size_t kFollowDays = 14;
constexpr size_t kWindowStories = kFollowDays * kArticlesPerDay / kArticlesPerStory;
constexpr size_t kMajorOneIn = 20;
constexpr double kMajorWeight = 6.0;
// The giant story: the 448-article brief. Its articles are every
// kGiantEvery-th article from kGiantFrom on, so it spans about two weeks.
constexpr size_t kGiantSize = 450;
constexpr size_t kGiantFrom = 2000;
constexpr size_t kGiantEvery = 8;

// Goals of issue 15.
constexpr double kGoalP99Ms = 100;
constexpr double kGoalIngestP99Ms = 250;
constexpr double kGoalSlowAddedMs = 10;
// A slow client sends one byte this often (the attacker).
constexpr auto kSlowByteEvery = std::chrono::seconds(2);
// Timeouts that only keep a hung server from hanging the bench.
constexpr int kHttpTimeoutSeconds = 30;
constexpr double kServerStartSeconds = 60;
// Stories and articles sampled for the request mix.
constexpr size_t kSampleStories = 2000;
// In-process baseline repetitions (medians).
constexpr size_t kBaselineRuns = 5;

double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string Date(size_t day) {
  // Days from 2024-01-01 on a 360-day calendar of 30-day months: the dates
  // need only be valid and ordered.
  constexpr size_t kDaysPerMonth = 30, kMonths = 12;
  const size_t year = 2024 + day / (kDaysPerMonth * kMonths);
  const size_t month = 1 + (day / kDaysPerMonth) % kMonths;
  const size_t dom = 1 + day % kDaysPerMonth;
  return fmt::format("{:04}-{:02}-{:02}", year, month, dom);
}

// Writes articles [from, to) of the stream to `path` as JSONL.
Status WriteStream(const std::vector<std::string>& pool, size_t from, size_t to, const fs::path& path) {
  std::mt19937 rng(7);
  std::ofstream out(path);
  std::vector<std::vector<uint32_t>> cores;
  std::vector<char> major;
  std::uniform_int_distribution<uint32_t> any(0, static_cast<uint32_t>(pool.size() - 1));
  const auto new_story = [&] {
    std::vector<uint32_t> core(kCoreSentences);
    for (uint32_t& c : core) c = any(rng);
    cores.push_back(std::move(core));
    major.push_back(cores.size() % kMajorOneIn == 0);
    return cores.size() - 1;
  };
  new_story();  // story 0: the giant one
  for (size_t i = 0; i < to; ++i) {
    size_t s = 0;
    const bool giant = i >= kGiantFrom && (i - kGiantFrom) % kGiantEvery == 0 &&
                       (i - kGiantFrom) / kGiantEvery < kGiantSize;
    if (giant) {
      s = 0;
    } else if (i % kArticlesPerStory == 0 || cores.size() < 2) {
      s = new_story();
    } else {
      // A follow-up of a recent story, major ones kMajorWeight times as likely.
      const size_t lo = cores.size() > kWindowStories ? cores.size() - kWindowStories : 1;
      std::uniform_int_distribution<size_t> pick(lo, cores.size() - 1);
      s = pick(rng);
      if (!major[s] && std::uniform_real_distribution<double>(0, kMajorWeight)(rng) > 1.0) s = pick(rng);
    }
    std::vector<uint32_t> body(cores[s].begin(), cores[s].end());
    std::shuffle(body.begin(), body.end(), rng);
    body.resize(kCoreShown);
    for (size_t k = 0; k < kFillerSentences; ++k) body.push_back(any(rng));
    std::shuffle(body.begin(), body.end(), rng);
    if (i < from) continue;
    std::string text;
    for (uint32_t b : body) text += (text.empty() ? "" : "\n\n") + pool[b];
    std::string title = pool[cores[s][0]].substr(0, kTitleChars);
    while (!title.empty() && (static_cast<unsigned char>(title.back()) & 0xC0) == 0x80) title.pop_back();
    if (!title.empty() && (static_cast<unsigned char>(title.back()) & 0x80) != 0) title.pop_back();  // a cut lead byte
    out << json{{"id", fmt::format("a{}", i)},
                {"title", title},
                {"date", Date(i / kArticlesPerDay)},
                {"outlet", fmt::format("Outlet {}", i % kOutlets)},
                {"text", text}}
               .dump(-1, ' ', false, json::error_handler_t::replace)
        << "\n";
  }
  return out ? Status::Ok() : Status::IOError(path.string() + ": cannot write");
}

Result<std::vector<std::string>> SentencePool(const fs::path& data) {
  Result<std::string> conllu = storyline::bench::Gunzip(data / "ud-en-ewt" / "en_ewt-ud-train.conllu.gz");
  if (!conllu.ok()) return conllu.status();
  std::vector<std::string> pool;
  std::istringstream in(*conllu);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("# text = ", 0) == 0 && line.size() - 9 > kMinSentenceChars) pool.push_back(line.substr(9));
  }
  if (pool.empty()) return Status::InvalidInput(data.string() + ": no sentences in UD English-EWT train");
  return pool;
}

// Runs `args` as a child process; returns its pid (stdout to `out_fd` when >= 0).
pid_t Spawn(const std::vector<std::string>& args, int out_fd) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    if (out_fd >= 0) dup2(out_fd, STDOUT_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

bool Reap(pid_t pid) {
  int status = 0;
  return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// `storyline serve` in a child process.
class ServerChild {
 public:
  ServerChild() = default;
  ServerChild(const ServerChild&) = delete;  // owns a process
  ServerChild& operator=(const ServerChild&) = delete;
  ~ServerChild() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      Reap(pid_);
    }
  }
  Status Start(const std::string& cli, const std::string& db) {
    int fds[2];
    if (pipe(fds) != 0) return Status::IOError("pipe failed");
    pid_ = Spawn({cli, "serve", "--db", db, "--port", "0"}, fds[1]);
    close(fds[1]);
    std::string printed;
    const auto start = Clock::now();
    while (printed.find('\n') == std::string::npos && Since(start) < kServerStartSeconds) {
      pollfd p{fds[0], POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      char buf[256];  // the line is short
      const ssize_t n = read(fds[0], buf, sizeof buf);
      if (n <= 0) break;
      printed.append(buf, static_cast<size_t>(n));
    }
    close(fds[0]);
    const std::string marker = "http://127.0.0.1:";
    const size_t at = printed.find(marker);
    if (at == std::string::npos) return Status::Internal("storyline serve printed \"" + printed + "\"");
    port_ = std::atoi(printed.c_str() + at + marker.size());
    return Status::Ok();
  }
  int port() const { return port_; }
  // CPU seconds the server has used so far (user + system, /proc).
  double CpuSeconds() const {
    std::ifstream in(fmt::format("/proc/{}/stat", pid_));
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t close = stat.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream fields(stat.substr(close + 2));
    std::string f;
    double ticks = 0;
    // Fields 14 and 15 (utime, stime) are the 12th and 13th after the name.
    for (int i = 3; i <= 15 && fields >> f; ++i) {
      if (i >= 14) ticks += std::stod(f);
    }
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

// Percent-encodes `s` as one URL path segment or query value.
std::string Encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

json GetJson(httplib::Client& c, const std::string& path) {
  httplib::Result r = c.Get(path.c_str());
  if (!r || r->status != 200) return json();
  return json::parse(r->body, nullptr, false);
}

// The kind of a request of the mix, for the per-kind table.
std::string KindOf(const std::string& path) {
  static constexpr const char* kKinds[] = {"/api/status", "/api/search?kind=quotes", "/api/search?kind=entities",
                                           "/api/search", "/api/entities?", "/api/entities/", "/api/articles/"};
  if (path == "/") return "page /";
  for (const char* k : kKinds) {
    if (path.rfind(k, 0) == 0) return k;
  }
  if (path.rfind("/api/stories?", 0) == 0) return "/api/stories?...";
  const size_t slash = path.find('/', std::string("/api/stories/").size());
  if (slash == std::string::npos) return "/api/stories/{id}";
  const std::string rest = path.substr(slash);
  return "/api/stories/{id}" + rest.substr(0, rest.find('?'));
}

// The request mix: URLs drawn from what the store holds.
class Mix {
 public:
  Status Sample(int port) {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(kHttpTimeoutSeconds, 0);
    for (size_t offset = 0; stories_.size() < kSampleStories; offset += 200) {
      json page = GetJson(c, fmt::format("/api/stories?sort=largest&limit=200&offset={}", offset));
      if (!page.is_object() || page["stories"].empty()) break;
      for (const json& s : page["stories"]) {
        stories_.push_back(s["id"]);
        for (const json& e : s["entities"]) {
          entities_.push_back(e);
          // Names are what a newsroom searches for most: their words are
          // half of the search terms, headline words the other half.
          std::istringstream name(e.get<std::string>());
          for (std::string w; name >> w;) {
            if (w.size() > 3) names_.push_back(w);
          }
        }
        std::istringstream words(s["headline"].get<std::string>());
        for (std::string w; words >> w;) {
          if (w.size() > 4 && std::isalpha(static_cast<unsigned char>(w[0]))) words_.push_back(w);
        }
      }
    }
    if (stories_.empty() || words_.empty()) return Status::Internal("the server lists no stories");
    giant_ = stories_.front();
    json articles = GetJson(c, "/api/stories/" + giant_ + "/articles?limit=200");
    for (const json& a : articles["items"]) articles_.push_back(a["id"]);
    if (entities_.empty()) entities_.push_back("x");
    if (names_.empty()) names_ = words_;
    return Status::Ok();
  }
  const std::string& giant() const { return giant_; }

  // Only requests of this kind (KindOf) from now on; "" for all.
  void Only(std::string kind) { only_ = std::move(kind); }

  // One request of the mix.
  std::string Next(std::mt19937& rng) const {
    for (;;) {
      std::string path = Any(rng);
      if (only_.empty() || KindOf(path) == only_) return path;
    }
  }

 private:
  std::string Any(std::mt19937& rng) const {
    const auto one = [&](const std::vector<std::string>& v) -> const std::string& {
      return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
    };
    const auto upto = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n)(rng); };
    static constexpr const char* kSections[] = {"quotes", "claims", "conflicts", "timeline", "entities", "articles"};
    const std::string story = upto(9) == 0 ? giant_ : one(stories_);
    switch (upto(99) / 5) {  // twenty kinds, 5 % each
      case 0: return "/";
      case 1: return "/api/status";
      case 2:
      case 3: return fmt::format("/api/stories?offset={}&limit=50", 50 * upto(stories_.size() / 50));
      case 4: return fmt::format("/api/stories?sort=largest&offset={}", 50 * upto(20));
      case 5: return fmt::format("/api/stories?outlet=Outlet%20{}&offset={}", upto(kOutlets - 1), 50 * upto(10));
      case 6: return fmt::format("/api/stories?from={}&to={}", Date(upto(300)), Date(300 + upto(100)));
      case 7: return "/api/stories?entity=" + Encode(one(entities_));
      case 8: return "/api/search?q=" + Encode(one(upto(1) == 0 ? names_ : words_));
      case 9: return "/api/search?kind=quotes&q=" + Encode(one(upto(1) == 0 ? names_ : words_));
      case 10: return "/api/search?kind=entities&q=" + Encode(one(words_).substr(0, 3));
      case 11: return "/api/entities?q=" + Encode(one(words_).substr(0, 3));
      case 12: return "/api/entities/" + Encode(one(entities_));
      case 13:
      case 14: return "/api/stories/" + story;
      case 15:
      case 16:
      case 17: return fmt::format("/api/stories/{}/{}?offset={}&limit=50", story, kSections[upto(5)], 50 * upto(3));
      case 18: return "/api/stories/" + one(stories_) + "/brief";  // whole briefs of any story
      default: return "/api/articles/" + one(articles_);
    }
  }

  std::vector<std::string> stories_, entities_, words_, names_, articles_;
  std::string giant_;
  std::string only_;
};

struct LoadResult {
  double server_cpu = 0, client_cpu = 0;  // CPU seconds during the phase
  size_t requests = 0, errors = 0, redirects = 0;
  std::map<std::string, std::vector<double>> by_kind;  // sorted
  double seconds = 0;
  std::vector<double> ms;  // sorted
  // Each request's start (seconds into the phase) and latency (ms), in no
  // order: the tail over time (a cold start, a neighbour's build).
  std::vector<std::pair<double, double>> timed;
  size_t max_bytes = 0;
  std::string first_error;
  double Percentile(double p) const {
    if (ms.empty()) return 0;
    return ms[std::min(ms.size() - 1, static_cast<size_t>(p * static_cast<double>(ms.size())))];
  }
};

// Sends `requests` requests of the mix from `connections` threads (at least
// that many; more while `keep_going` says so).
LoadResult RunLoad(int port, const Mix& mix, size_t requests, size_t connections, uint32_t seed,
                   const std::function<bool()>& keep_going = nullptr) {
  std::atomic<size_t> next{0};
  std::mutex mu;
  LoadResult out;
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (size_t t = 0; t < connections; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937 rng(seed + static_cast<uint32_t>(t));
      httplib::Client c("127.0.0.1", port);
      c.set_keep_alive(true);
      c.set_follow_location(true);  // a story merged away meanwhile: 308 to the survivor
      c.set_read_timeout(kHttpTimeoutSeconds, 0);
      std::vector<double> ms;
      std::vector<std::pair<double, double>> timed;
      std::map<std::string, std::vector<double>> by_kind;
      size_t errors = 0, max_bytes = 0, redirects = 0;
      std::string first_error;
      for (;;) {
        const size_t n = next.fetch_add(1);
        if (n >= requests && !(keep_going && keep_going())) break;
        const std::string path = mix.Next(rng);
        const auto t0 = Clock::now();
        httplib::Result r = c.Get(path.c_str());
        ms.push_back(Since(t0) * 1e3);
        timed.emplace_back(std::chrono::duration<double>(t0 - start).count(), ms.back());
        by_kind[KindOf(path)].push_back(ms.back());
        if (r && r->location != path && !r->location.empty()) ++redirects;
        if (!r || r->status != 200) {
          ++errors;
          if (first_error.empty()) {
            first_error = path + ": " + (r ? std::to_string(r->status) : httplib::to_string(r.error()));
          }
        } else {
          max_bytes = std::max(max_bytes, r->body.size());
        }
      }
      std::lock_guard<std::mutex> lock(mu);
      out.ms.insert(out.ms.end(), ms.begin(), ms.end());
      out.timed.insert(out.timed.end(), timed.begin(), timed.end());
      out.errors += errors;
      out.redirects += redirects;
      for (auto& [k, v] : by_kind) out.by_kind[k].insert(out.by_kind[k].end(), v.begin(), v.end());
      out.max_bytes = std::max(out.max_bytes, max_bytes);
      if (out.first_error.empty()) out.first_error = first_error;
    });
  }
  for (std::thread& t : threads) t.join();
  out.seconds = Since(start);
  out.requests = out.ms.size();
  std::sort(out.ms.begin(), out.ms.end());
  for (auto& [k, v] : out.by_kind) std::sort(v.begin(), v.end());
  return out;
}

// The 1-minute load average (/proc/loadavg): how much else ran meanwhile.
std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one;
  in >> one;
  return one;
}

// RunLoad with the CPU the server and this process used meanwhile.
template <typename... Args>
LoadResult Measured(const ServerChild& server, Args&&... args) {
  const double server0 = server.CpuSeconds(), client0 = storyline::bench::CpuSeconds();
  LoadResult r = RunLoad(server.port(), std::forward<Args>(args)...);
  r.server_cpu = server.CpuSeconds() - server0;
  r.client_cpu = storyline::bench::CpuSeconds() - client0;
  return r;
}

void Report(const char* what, const LoadResult& r) {
  fmt::print("  {:<44} {:6} requests {:4} errors {:7.0f} req/s  p50 {:6.1f}  p90 {:6.1f}  p99 {:6.1f}  max {:7.1f} ms  "
             "largest {:.0f} KB\n",
             what, r.requests, r.errors, static_cast<double>(r.requests) / std::max(r.seconds, 1e-9), r.Percentile(0.5),
             r.Percentile(0.9), r.Percentile(0.99), r.ms.empty() ? 0.0 : r.ms.back(),
             static_cast<double>(r.max_bytes) / 1e3);
  const double n = static_cast<double>(std::max<size_t>(r.requests, 1));
  fmt::print("    CPU per request: server {:.2f} ms, clients {:.2f} ms; the phase's {:.1f} s wall on {} cores, "
             "load average {}\n",
             1e3 * r.server_cpu / n, 1e3 * r.client_cpu / n, r.seconds, std::thread::hardware_concurrency(),
             LoadAverage());
  // The p99 of the requests started in each fifth of the phase.
  constexpr size_t kSlices = 5;
  std::array<std::vector<double>, kSlices> slices;
  for (const auto& [at, ms] : r.timed) {
    slices[std::min(kSlices - 1, static_cast<size_t>(at / std::max(r.seconds, 1e-9) * kSlices))].push_back(ms);
  }
  std::string tail;
  for (std::vector<double>& v : slices) {
    std::sort(v.begin(), v.end());
    tail += v.empty() ? " -" : fmt::format(" {:.0f}", v[std::min(v.size() - 1, v.size() * 99 / 100)]);
  }
  fmt::print("    p99 of each fifth of the phase (ms):{}\n", tail);
  if (std::getenv("SERVE_LOAD_TIMELINE") != nullptr) {
    constexpr double kWindow = 0.5;
    std::map<size_t, std::vector<double>> windows;
    for (const auto& [at, ms] : r.timed) windows[static_cast<size_t>(at / kWindow)].push_back(ms);
    for (auto& [w, v] : windows) {
      std::sort(v.begin(), v.end());
      fmt::print(stderr, "{} {:.1f}s n={} p50={:.0f} p99={:.0f} max={:.0f}\n", what, static_cast<double>(w) * kWindow,
                 v.size(), v[v.size() / 2], v[v.size() * 99 / 100], v.back());
    }
  }
  if (!r.first_error.empty()) fmt::print("    first error: {}\n", r.first_error);
  if (r.redirects > 0) fmt::print("    {} answered 308 (a story merged away meanwhile) and were followed\n", r.redirects);
}

void ReportKinds(const LoadResult& r) {
  for (const auto& [kind, v] : r.by_kind) {
    const auto at = [&](double p) { return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))]; };
    fmt::print("    {:<36} {:6} requests  p50 {:6.1f}  p99 {:6.1f}  max {:7.1f} ms\n", kind, v.size(), at(0.5), at(0.99),
               v.back());
  }
}

// One slow client: connects, sends a request head one byte every 2 s,
// reconnects when the server closes it, until `stop`.
void SlowClient(int port, const std::atomic<bool>& stop) {
  const std::string head = fmt::format("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n", port);
  while (!stop) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
      for (size_t i = 0; i < head.size() && !stop; ++i) {
        if (send(fd, head.data() + i, 1, MSG_NOSIGNAL) != 1) break;
        for (auto until = Clock::now() + kSlowByteEvery; Clock::now() < until && !stop;) {
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
      }
    }
    close(fd);
  }
}

// The old per-request path against the new one, in this process.
void Baseline(const std::string& db, const std::string& giant) {
  storyline::StoreOptions ro;
  ro.read_only = true;
  Result<std::unique_ptr<storyline::Store>> store = storyline::Store::Open(db, ro);
  if (!store.ok()) return;
  std::vector<double> old_ms, new_ms;
  size_t old_bytes = 0, new_bytes = 0;
  for (size_t i = 0; i < kBaselineRuns; ++i) {
    auto t0 = Clock::now();
    Result<storyline::Brief> b = storyline::StoryBrief(**store, giant);
    if (!b.ok()) return;
    old_bytes = storyline::RenderBrief(*b, storyline::BriefFormat::kJson).size();
    old_ms.push_back(Since(t0) * 1e3);
    t0 = Clock::now();
    Result<storyline::StoryView> v = (*store)->GetStoryView(giant);
    if (!v.ok()) return;
    std::string page;
    const std::vector<size_t> shown = storyline::ShownItems(v->story, storyline::StorySection::kQuotes);
    for (size_t k = 0; k < shown.size() && k < 50; ++k) {
      page += storyline::StoryItemJson(v->story, storyline::StorySection::kQuotes, shown[k]);
    }
    new_bytes = page.size();
    new_ms.push_back(Since(t0) * 1e3);
  }
  std::sort(old_ms.begin(), old_ms.end());
  std::sort(new_ms.begin(), new_ms.end());
  Result<storyline::StorySummary> s = (*store)->GetStorySummary(giant);
  fmt::print("  giant story {} ({} articles), median of {}, in process:\n", giant, s.ok() ? s->size : 0,
             kBaselineRuns);
  fmt::print("    old path, whole brief per request (StoryBrief + JSON): {:.1f} ms, {:.0f} KB\n", old_ms[kBaselineRuns / 2],
             static_cast<double>(old_bytes) / 1e3);
  fmt::print("    new path, one page of 50 quotations from the stored view (uncached): {:.1f} ms, {:.0f} KB  ({:.1f}x)\n",
             new_ms[kBaselineRuns / 2], static_cast<double>(new_bytes) / 1e3,
             old_ms[kBaselineRuns / 2] / std::max(new_ms[kBaselineRuns / 2], 1e-9));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"storyline serve under load (issue 15)"};
  std::string cli = "build/storyline", data = "../shared/data", dir = "build/serve-load";
  size_t articles = 100000, ingest = 10000, requests = 20000, connections = 64, slow = 8;
  app.add_option("--cli", cli, "the storyline command");
  app.add_option("--data", data, "../shared/data (UD English-EWT)");
  app.add_option("--dir", dir, "working folder (the store is kept for the next run)");
  app.add_option("--articles", articles, "articles in the store");
  app.add_option("--ingest", ingest, "articles ingested beside the load");
  app.add_option("--requests", requests, "requests per phase");
  app.add_option("--connections", connections, "client connections");
  app.add_option("--slow", slow, "slow clients");
  int ingest_nice = 0;
  app.add_option("--ingest-nice", ingest_nice, "run the ingest beside the load under nice(1) at this level");
  std::vector<std::string> ingest_extra;
  app.add_option("--ingest-arg", ingest_extra,
                 "added to the ingest's command line (repeatable): --ingest-arg=--nice --ingest-arg=0 runs it "
                 "at the server's priority (`storyline ingest` lowers its own by 10 unless told otherwise)");
  bool by_kind = false;
  app.add_flag("--by-kind", by_kind, "also: server CPU per request of each kind alone (2,000 of each)");
  CLI11_PARSE(app, argc, argv);
  signal(SIGPIPE, SIG_IGN);
  fs::create_directories(dir);
  const std::string db = (fs::path(dir) / fmt::format("store-{}.db", articles)).string();
  const std::string extra = (fs::path(dir) / fmt::format("extra-{}-{}.jsonl", articles, ingest)).string();
  Result<std::vector<std::string>> pool = SentencePool(data);
  if (!pool.ok()) {
    fmt::print(stderr, "{}\n", pool.status().message());
    return 1;
  }
  fmt::print("serve_load_throughput: {} articles, {} requests per phase at {} connections\n", articles, requests,
             connections);
  // A store of exactly `articles` made by an earlier run is reused; the
  // phase with an ingest beside it adds articles, so it works on a copy.
  const std::string base = db + ".base";
  if (!fs::exists(base)) {
    const std::string stream = (fs::path(dir) / fmt::format("stream-{}.jsonl", articles)).string();
    if (Status s = WriteStream(*pool, 0, articles, stream); !s.ok()) return 1;
    fs::remove(base + ".tmp");
    const auto t0 = Clock::now();
    if (!Reap(Spawn({cli, "ingest", "--db", base + ".tmp", stream}, -1))) {
      fmt::print(stderr, "ingest of {} failed\n", stream);
      return 1;
    }
    fs::rename(base + ".tmp", base);
    fs::remove(stream);
    fmt::print("  store built: {} articles in {:.0f} s ({:.0f} articles/s)\n", articles, Since(t0),
               static_cast<double>(articles) / Since(t0));
  }
  if (Status s = WriteStream(*pool, articles, articles + ingest, extra); !s.ok()) return 1;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
  fs::copy_file(base, db);

  Mix mix;
  LoadResult cold, warm, warm_slow, with_slow, with_ingest;
  {
    ServerChild server;
    if (Status s = server.Start(cli, db); !s.ok()) {
      fmt::print(stderr, "{}\n", s.message());
      return 1;
    }
    if (Status s = mix.Sample(server.port()); !s.ok()) {
      fmt::print(stderr, "{}\n", s.message());
      return 1;
    }
    Baseline(db, mix.giant());
    fmt::print("  phases (client-side wall latency):\n");
    cold = Measured(server, mix, requests, connections, 1);
    Report("mixed requests, server just started", cold);
    ReportKinds(cold);
    warm = Measured(server, mix, requests, connections, 1);
    Report("the same requests again (answers cached)", warm);
    {
      std::atomic<bool> stop_slow{false};
      std::vector<std::thread> slow_threads;
      for (size_t i = 0; i < slow; ++i) slow_threads.emplace_back([&] { SlowClient(server.port(), stop_slow); });
      std::this_thread::sleep_for(std::chrono::seconds(1));  // they have connected
      warm_slow = Measured(server, mix, requests, connections, 1);
      stop_slow = true;
      for (std::thread& t : slow_threads) t.join();
      Report(fmt::format("the same again, {} slow clients beside", slow).c_str(), warm_slow);
    }
    if (by_kind) {
      // Each kind alone, new requests (seed 9), on the same server.
      constexpr size_t kPerKind = 2000;
      for (const auto& [kind, unused] : cold.by_kind) {
        mix.Only(kind);
        const LoadResult alone = Measured(server, mix, kPerKind, connections, 9);
        fmt::print("    {:<36} alone: server CPU {:.2f} ms per request, p50 {:.1f} p99 {:.1f} ms\n", kind,
                   1e3 * alone.server_cpu / static_cast<double>(std::max<size_t>(alone.requests, 1)),
                   alone.Percentile(0.5), alone.Percentile(0.99));
      }
      mix.Only("");
    }
  }
  // A fresh server (empty caches), the same requests, slow clients beside.
  ServerChild server;
  if (Status s = server.Start(cli, db); !s.ok()) {
    fmt::print(stderr, "{}\n", s.message());
    return 1;
  }
  {
    std::atomic<bool> stop_slow{false};
    std::vector<std::thread> slow_threads;
    for (size_t i = 0; i < slow; ++i) slow_threads.emplace_back([&] { SlowClient(server.port(), stop_slow); });
    std::this_thread::sleep_for(std::chrono::seconds(1));  // they have connected
    with_slow = Measured(server, mix, requests, connections, 1);
    stop_slow = true;
    for (std::thread& t : slow_threads) t.join();
    Report(fmt::format("same, new server, {} slow clients beside", slow).c_str(), with_slow);
  }
  std::atomic<bool> ingesting{true};
  const auto t0 = Clock::now();
  std::vector<std::string> ingest_args = {cli, "ingest", "--db", db};
  ingest_args.insert(ingest_args.end(), ingest_extra.begin(), ingest_extra.end());
  ingest_args.push_back(extra);
  if (ingest_nice != 0) {
    ingest_args.insert(ingest_args.begin(), {"/usr/bin/nice", "-n", std::to_string(ingest_nice)});
  }
  const pid_t writer = Spawn(ingest_args, -1);
  std::thread waiter([&] {
    Reap(writer);
    ingesting = false;
  });
  with_ingest = Measured(server, mix, requests, connections, 3, [&] { return ingesting.load(); });
  waiter.join();
  std::string how;
  for (const std::string& a : ingest_extra) how += " " + a;
  if (ingest_nice != 0) how += fmt::format(" under nice -n {}", ingest_nice);
  Report(fmt::format("new requests, ingest of {} beside{}", ingest, how.empty() ? how : " (" + how.substr(1) + ")")
             .c_str(),
         with_ingest);
  ReportKinds(with_ingest);
  fmt::print("    (the ingest took {:.0f} s; requests ran until it ended)\n", Since(t0));
  const LoadResult& plain = cold;

  const double added = with_slow.Percentile(0.99) - plain.Percentile(0.99);
  const double added_warm = warm_slow.Percentile(0.99) - warm.Percentile(0.99);
  const auto met = [](bool ok) { return ok ? "met" : "NOT met"; };
  fmt::print("  goals: zero errors and p99 < {:.0f} ms: {} (server just started), {} (answers cached); "
             "with an ingest p99 < {:.0f} ms: {}; slow clients add < {:.0f} ms to p99: added {:.1f} ms on a new "
             "server ({}), {:.1f} ms with answers cached ({})\n",
             kGoalP99Ms, met(plain.errors == 0 && plain.Percentile(0.99) < kGoalP99Ms),
             met(warm.errors == 0 && warm.Percentile(0.99) < kGoalP99Ms), kGoalIngestP99Ms,
             met(with_ingest.errors == 0 && with_ingest.Percentile(0.99) < kGoalIngestP99Ms), kGoalSlowAddedMs, added,
             met(with_slow.errors == 0 && added < kGoalSlowAddedMs), added_warm,
             met(warm_slow.errors == 0 && added_warm < kGoalSlowAddedMs));
  return 0;
}
