#include "storyline/serve.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "serve/api.h"
#include "storyline/annotation.h"
#include "storyline/brief.h"
#include "storyline/pipeline.h"
#include "storyline/render.h"
#include "storyline/store.h"

namespace storyline {

using serve_internal::ErrorJson;
using serve_internal::HttpStatusFor;

namespace {

// Hits per search when the request names no limit: one screen of results.
constexpr size_t kDefaultSearchLimit = 20;
// Most hits one request may ask for: bm25 and snippet() for a few hundred
// rows take milliseconds; more would let one request occupy a worker.
constexpr size_t kMaxSearchLimit = 200;
// How often the watcher thread looks for a signal or a Stop(): a stop is
// noticed within a tenth of a second, and ten wake-ups a second cost nothing.
constexpr long kWatchIntervalNs = 100'000'000;

constexpr const char* kJsonType = "application/json; charset=utf-8";

// Pages we generate need nothing from elsewhere; saying so means even an
// escaping mistake in article text cannot load or send anything.
constexpr const char* kPageCsp =
    "default-src 'none'; connect-src 'self'; script-src 'unsafe-inline'; "
    "style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'";
// A rendered brief is inline CSS only: no scripts at all.
constexpr const char* kBriefCsp = "default-src 'none'; style-src 'unsafe-inline'";

void SendJson(httplib::Response& res, int http_status, const std::string& body) {
  res.status = http_status;
  res.set_content(body, kJsonType);
}

void SendError(httplib::Response& res, const Status& s) {
  SendJson(res, HttpStatusFor(s), ErrorJson(s.message()));
}

// Parses the optional ?limit= of a search; kInvalidInput for a bad value.
Result<size_t> SearchLimit(const httplib::Request& req) {
  if (!req.has_param("limit")) return kDefaultSearchLimit;
  const std::string v = req.get_param_value("limit");
  size_t n = 0;
  if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidInput("limit must be a number from 1 to " +
                                std::to_string(kMaxSearchLimit) + ", not \"" + v + "\"");
  }
  n = std::stoul(v);
  if (n == 0 || n > kMaxSearchLimit) {
    return Status::InvalidInput("limit must be from 1 to " + std::to_string(kMaxSearchLimit));
  }
  return n;
}

}  // namespace

struct Server::Impl {
  ServeOptions options;
  httplib::Server http;
  int port = 0;
  std::atomic<bool> stop_requested{false};
  bool ran = false;

  // A Store is used by one thread at a time (store.h) and requests arrive on
  // many; every use goes through WithStore, which holds the lock.
  template <typename Fn>
  auto WithStore(Fn&& fn) {
    std::lock_guard<std::mutex> lock(store_mu_);
    return fn(*store_);
  }
  void SetStore(std::unique_ptr<Store> store) { store_ = std::move(store); }

  void AddRoutes();
  void Index(httplib::Response& res);
  void StoryList(httplib::Response& res);
  void StoryBrief(const httplib::Request& req, httplib::Response& res);
  void Search(const httplib::Request& req, httplib::Response& res);
  void ArticleById(const httplib::Request& req, httplib::Response& res);
  Result<Brief> BriefForStory(const std::string& id);
  Status Serve(bool handle_signals);

 private:
  std::mutex store_mu_;
  std::unique_ptr<Store> store_;
};

void Server::Impl::AddRoutes() {
  http.Get("/", [this](const httplib::Request&, httplib::Response& res) { Index(res); });
  http.Get("/api/stories", [this](const httplib::Request&, httplib::Response& res) {
    StoryList(res);
  });
  http.Get(R"(/api/stories/([^/]+)/brief)",
           [this](const httplib::Request& req, httplib::Response& res) { StoryBrief(req, res); });
  http.Get("/api/search",
           [this](const httplib::Request& req, httplib::Response& res) { Search(req, res); });
  // Article ids may contain '/' (URLs, WARC record ids), so the rest of the
  // path is the id.
  http.Get(R"(/api/articles/(.+))",
           [this](const httplib::Request& req, httplib::Response& res) { ArticleById(req, res); });
  // Unknown paths: a JSON error rather than httplib's empty 404 body.
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const std::string what = res.status == 404 ? "no such endpoint: " + req.path
                                               : "request failed (" + std::to_string(res.status) + ")";
    res.set_content(ErrorJson(what), kJsonType);
  });
  // A handler that throws (std::bad_alloc, a library bug) answers 500 instead
  // of tearing down the worker.
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what += std::string(": ") + e.what();
        } catch (...) {
        }
        SendJson(res, 500, ErrorJson(what));
      });
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
  // httplib's default also sets SO_REUSEPORT, which lets a second server bind
  // a port that is already serving and silently share its requests. Only
  // SO_REUSEADDR: a restart may rebind while old connections sit in TIME_WAIT.
  http.set_socket_options([](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
}

void Server::Impl::Index(httplib::Response& res) {
  Result<std::vector<StoredStory>> stories = WithStore([](Store& s) { return storyline::CurrentStories(s); });
  if (!stories.ok()) return SendError(res, stories.status());
  const std::string name = std::filesystem::path(options.db_path).filename().string();
  res.set_header("Content-Security-Policy", kPageCsp);
  res.set_content(serve_internal::IndexPage(*stories, name), "text/html; charset=utf-8");
}

void Server::Impl::StoryList(httplib::Response& res) {
  Result<std::vector<StoredStory>> stories = WithStore([](Store& s) { return storyline::CurrentStories(s); });
  if (!stories.ok()) return SendError(res, stories.status());
  SendJson(res, 200, serve_internal::StoriesJson(*stories));
}

Result<Brief> Server::Impl::BriefForStory(const std::string& id) {
  // The stored story and view (pipeline.h): nothing is annotated here.
  return WithStore([&](Store& store) { return storyline::StoryBrief(store, id); });
}

void Server::Impl::StoryBrief(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
  BriefFormat f = BriefFormat::kJson;
  std::string type = kJsonType;
  if (format == "md" || format == "markdown") {
    f = BriefFormat::kMarkdown;
    type = "text/markdown; charset=utf-8";
  } else if (format == "html") {
    f = BriefFormat::kHtml;
    type = "text/html; charset=utf-8";
  } else if (format != "json") {
    return SendError(res, Status::InvalidInput("unknown format \"" + format +
                                               "\" (use json, md or html)"));
  }
  Result<Brief> brief = BriefForStory(id);
  if (!brief.ok()) return SendError(res, brief.status());
  if (f == BriefFormat::kHtml) res.set_header("Content-Security-Policy", kBriefCsp);
  res.set_content(RenderBrief(*brief, f), type);
}

void Server::Impl::Search(const httplib::Request& req, httplib::Response& res) {
  const std::string q = req.has_param("q") ? req.get_param_value("q") : "";
  if (q.find_first_not_of(" \t\r\n") == std::string::npos) {
    return SendError(res, Status::InvalidInput("missing search query: use /api/search?q=words"));
  }
  Result<size_t> limit = SearchLimit(req);
  if (!limit.ok()) return SendError(res, limit.status());
  // People type free text ("kim's ad", an unmatched quote); FTS5 syntax is a
  // bonus for those who know it. A query FTS5 cannot parse is searched again
  // word by word, and the response says so.
  std::string query_run;
  Result<std::vector<SearchHit>> hits =
      WithStore([&](Store& s) { return SearchFreeText(s, q, *limit, &query_run); });
  if (query_run != q) res.set_header("X-Storyline-Query", query_run);
  if (!hits.ok()) return SendError(res, hits.status());
  SendJson(res, 200, serve_internal::HitsJson(*hits));
}

void Server::Impl::ArticleById(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  Result<Article> a = WithStore([&](Store& s) { return s.GetArticle(id); });
  if (!a.ok()) {
    if (a.status().code() == StatusCode::kNotFound) {
      return SendError(res, Status::NotFound("no article with id \"" + id + "\""));
    }
    return SendError(res, a.status());
  }
  SendJson(res, 200, ArticleToJson(*a));
}

Status Server::Impl::Serve(bool handle_signals) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigset_t old_mask;
  // Blocked before any worker thread exists, so every thread httplib starts
  // inherits the mask and the signals wait for the watcher's sigtimedwait.
  if (handle_signals) pthread_sigmask(SIG_BLOCK, &signals, &old_mask);
  std::atomic<bool> done{false};
  std::thread watcher([&] {
    const timespec tick = {0, kWatchIntervalNs};
    bool stopped = false;
    while (!done.load()) {
      if (handle_signals) {
        if (sigtimedwait(&signals, nullptr, &tick) > 0) stop_requested = true;
      } else {
        std::this_thread::sleep_for(std::chrono::nanoseconds(kWatchIntervalNs));
      }
      // httplib::Server::stop() only acts on a running server, so a Stop()
      // that came before listening started is applied once it has; and it is
      // called once, as a second call on a stopping server is not allowed.
      if (!stopped && stop_requested.load() && http.is_running()) {
        http.stop();
        stopped = true;
      }
    }
  });
  const bool listened = http.listen_after_bind();
  done = true;
  watcher.join();
  if (handle_signals) pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  if (!listened && !stop_requested.load()) {
    return Status::IOError(options.host + ":" + std::to_string(port) +
                           ": the server stopped listening unexpectedly");
  }
  return Status::Ok();
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  // The socket bound by Create is released only by a listen loop, so a
  // server that never ran runs one that stops at once.
  if (impl_ != nullptr && !impl_->ran) {
    impl_->ran = true;
    impl_->stop_requested = true;
    (void)impl_->Serve(false);
  }
}

Result<std::unique_ptr<Server>> Server::Create(const ServeOptions& options) {
  // Largest TCP port number.
  constexpr int kMaxPort = 65535;
  if (options.port < 0 || options.port > kMaxPort) {
    return Status::InvalidInput("port " + std::to_string(options.port) +
                                " is out of range (0 to 65535)");
  }
  StoreOptions store_options;
  store_options.read_only = true;
  Result<std::unique_ptr<Store>> store = Store::Open(options.db_path, store_options);
  if (!store.ok()) return store.status();

  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->SetStore(std::move(*store));
  impl->AddRoutes();
  errno = 0;
  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(options.host);
  } else if (impl->http.bind_to_port(options.host, options.port)) {
    impl->port = options.port;
  } else {
    impl->port = -1;
  }
  if (impl->port <= 0) {
    const int err = errno;
    if (err == EADDRINUSE || err == EACCES) {
      // The caller chose a port that is taken, or privileged: their choice
      // to change (exit 1 on the command line), not a failure of the system.
      return Status::InvalidInput("cannot listen on " + options.host + ":" +
                                  std::to_string(options.port) + ": " + std::strerror(err) +
                                  " (choose another port)");
    }
    return Status::IOError("cannot listen on " + options.host + ":" +
                           std::to_string(options.port) +
                           (err != 0 ? std::string(": ") + std::strerror(err) : std::string()));
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Status Server::Run() {
  if (impl_->ran) return Status::InvalidInput("Server::Run called a second time");
  impl_->ran = true;
  return impl_->Serve(true);
}

void Server::Stop() { impl_->stop_requested = true; }

int Server::port() const { return impl_->port; }

}  // namespace storyline
