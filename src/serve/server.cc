#include "storyline/serve.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "serve/api.h"
#include "serve/connection.h"
#include "serve/pages.h"
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

// Most requests one connection carries: enough for a page and its API calls
// many times over; then the client reconnects, so one connection cannot keep
// a worker for ever.
constexpr size_t kMaxRequestsPerConnection = 1000;
// A connection closed with a request body unread is first shut down for
// writing, and up to this many bytes are drained (for at most a linger
// interval), so the client reads our answer instead of a TCP reset.
constexpr size_t kLingerBytes = 256 * 1024;
constexpr std::chrono::milliseconds kLingerTime{500};
// The answer to other methods on known paths.
constexpr const char* kAllowedMethods = "GET, HEAD";

// httplib's server with its per-connection loop replaced: each connection is
// read through a ConnectionStream (limits and deadlines httplib lacks), its
// responses leave in one send, and TCP_NODELAY is set, so a kept-alive
// request is not held back by Nagle's algorithm waiting for an ACK.
// process_and_close_socket is httplib's own extension point (SSLServer
// overrides it the same way); parsing and routing stay httplib's.
class HttpFront final : public httplib::Server {
 public:
  explicit HttpFront(const serve_internal::ConnectionLimits& limits) : limits_(limits) {}
  void SetKeepAlive(std::chrono::milliseconds idle) { keep_alive_ = idle; }

 private:
  bool process_and_close_socket(socket_t sock) override;
  static void Linger(int sock);

  serve_internal::ConnectionLimits limits_;
  std::chrono::milliseconds keep_alive_{5000};
};

bool HttpFront::process_and_close_socket(socket_t sock) {
  const int yes = 1;
  setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
  serve_internal::ConnectionStream strm(sock, limits_);
  bool ok = false;
  for (size_t n = 0; n < kMaxRequestsPerConnection && svr_sock_ != INVALID_SOCKET; ++n) {
    if (!strm.WaitForRequest(n == 0 ? limits_.request_timeout : keep_alive_)) break;
    strm.BeginRequest();
    bool connection_closed = false;
    const bool close_after = n + 1 == kMaxRequestsPerConnection;
    ok = process_request(strm, close_after, connection_closed, nullptr);
    if (!strm.Flush() || !ok || connection_closed || strm.MustClose()) break;
  }
  if (strm.MustClose()) Linger(sock);
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

void HttpFront::Linger(int sock) {
  ::shutdown(sock, SHUT_WR);
  const auto until = std::chrono::steady_clock::now() + kLingerTime;
  const timeval tv{0, static_cast<suseconds_t>(
                         std::chrono::duration_cast<std::chrono::microseconds>(kLingerTime).count())};
  setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  char buf[4096];
  for (size_t drained = 0; drained < kLingerBytes;) {
    const ssize_t n = ::recv(sock, buf, sizeof(buf), 0);
    if (n <= 0 || std::chrono::steady_clock::now() >= until) break;
    drained += static_cast<size_t>(n);
  }
}

serve_internal::ConnectionLimits LimitsFor(const ServeOptions& o) {
  serve_internal::ConnectionLimits l;
  l.max_request_line = o.max_request_line;
  l.max_head = o.max_head;
  l.max_body = o.max_body;
  l.request_timeout = std::chrono::milliseconds(o.request_timeout_ms);
  return l;
}

// The paths the server answers, as httplib patterns; the pre-routing
// handler uses them to tell a wrong method (405) from a wrong path (404).
constexpr const char* kStoriesPath = "/api/stories";
constexpr const char* kBriefPath = R"(/api/stories/([^/]+)/brief)";
constexpr const char* kSearchPath = "/api/search";
// Article ids may contain '/' (URLs, WARC record ids), so the rest of the
// path is the id.
constexpr const char* kArticlePath = R"(/api/articles/(.+))";

}  // namespace

struct Server::Impl {
  explicit Impl(const ServeOptions& o) : options(o), http(LimitsFor(o)) {}

  ServeOptions options;
  HttpFront http;
  int listen_fd = -1;  // the listening socket, once bound
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
  void AddPageRoutes();
  void AddChecks();
  void Configure();
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
  http.Get(kStoriesPath, [this](const httplib::Request&, httplib::Response& res) {
    StoryList(res);
  });
  http.Get(kBriefPath,
           [this](const httplib::Request& req, httplib::Response& res) { StoryBrief(req, res); });
  http.Get(kSearchPath,
           [this](const httplib::Request& req, httplib::Response& res) { Search(req, res); });
  http.Get(kArticlePath,
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
}

// Checks made once the head is read, before any route or body: the Host
// header (DNS rebinding) and the method (405 on a known path).
void Server::Impl::AddChecks() {
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!req.has_header("Host")) {
      if (req.version == "HTTP/1.0") return httplib::Server::HandlerResponse::Unhandled;
      SendJson(res, 400, ErrorJson("missing Host header"));
      return httplib::Server::HandlerResponse::Handled;
    }
    const std::string host = req.get_header_value("Host");
    if (req.get_header_value_count("Host") != 1 ||
        !serve_internal::HostAllowed(host, options.host, port)) {
      SendJson(res, 421,
               ErrorJson("this server answers for " + options.host + ":" + std::to_string(port) +
                         ", not for Host \"" + host +
                         "\" (start it with --host to serve under another name)"));
      return httplib::Server::HandlerResponse::Handled;
    }
    // Refused before httplib reads the body, which it would otherwise read
    // (and throw away) in full; the connection is closed, body unread.
    if (req.has_header("Content-Length") &&
        std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10) >
            options.max_body) {
      res.set_header("Connection", "close");
      SendJson(res, 413,
               ErrorJson("request body larger than " + std::to_string(options.max_body) + " bytes"));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method == "GET" || req.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
    std::vector<const char*> known = {kStoriesPath, kBriefPath, kSearchPath, kArticlePath,
                                      serve_internal::kStaticPath};
    known.insert(known.end(), serve_internal::PagePaths().begin(), serve_internal::PagePaths().end());
    for (const char* pattern : known) {
      if (std::regex_match(req.path, std::regex(pattern))) {
        res.set_header("Allow", kAllowedMethods);
        SendJson(res, 405, ErrorJson(req.method + " is not allowed on " + req.path + " (use GET)"));
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
}

void Server::Impl::Configure() {
  // httplib's default also sets SO_REUSEPORT, which lets a second server bind
  // a port that is already serving and silently share its requests. Only
  // SO_REUSEADDR: a restart may rebind while old connections sit in TIME_WAIT.
  http.set_socket_options([this](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    listen_fd = sock;
  });
  http.set_tcp_nodelay(true);
  http.set_payload_max_length(options.max_body);
  http.set_keep_alive_max_count(kMaxRequestsPerConnection);
  http.SetKeepAlive(std::chrono::milliseconds(options.keep_alive_ms));
  // Only advertised (Keep-Alive: timeout=N); HttpFront enforces keep_alive_ms.
  http.set_keep_alive_timeout(std::max(1, options.keep_alive_ms / 1000));
  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
}

// The web page (pages.h): every page path answers the same document, whose
// script draws the view from the path with /api/*; /static/ answers the
// embedded files of web/. Each answer carries the page's CSP and a strong
// ETag (the bytes are those of the binary), and is revalidated before use.
namespace {
void SendAsset(const httplib::Request& req, httplib::Response& res,
               const serve_internal::WebAsset& asset) {
  const std::string etag = serve_internal::AssetEtag(asset);
  res.set_header("ETag", etag);
  res.set_header("Cache-Control", "no-cache");
  res.set_header("Content-Security-Policy", serve_internal::kPageCsp);
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  if (serve_internal::EtagMatches(req.get_header_value("If-None-Match"), etag)) {
    res.status = 304;
    return;
  }
  res.set_content(asset.bytes.data(), asset.bytes.size(), std::string(asset.content_type));
}
}  // namespace

void Server::Impl::AddPageRoutes() {
  for (const char* pattern : serve_internal::PagePaths()) {
    http.Get(pattern, [](const httplib::Request& req, httplib::Response& res) {
      SendAsset(req, res, serve_internal::PageDocument());
    });
  }
  http.Get(serve_internal::kStaticPath, [](const httplib::Request& req, httplib::Response& res) {
    const serve_internal::WebAsset* asset = serve_internal::FindAsset(req.matches[1].str());
    if (asset == nullptr) {
      return SendError(res, Status::NotFound("no such file: " + req.path));
    }
    SendAsset(req, res, *asset);
  });
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

  auto impl = std::make_unique<Impl>(options);
  impl->SetStore(std::move(*store));
  impl->Configure();
  impl->AddRoutes();
  impl->AddPageRoutes();
  impl->AddChecks();
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
  // httplib listens with a backlog of 5 (compiled into the library), so a
  // burst of connections is refused while the workers are busy. Listening
  // again on the bound socket only raises the queue length (Linux, BSD).
  if (impl->listen_fd >= 0 && ::listen(impl->listen_fd, SOMAXCONN) != 0) {
    return Status::IOError("cannot listen on " + options.host + ":" + std::to_string(impl->port) +
                           ": " + std::strerror(errno));
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
