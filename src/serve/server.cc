#include "storyline/serve.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <mutex>
#include <regex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "serve/api.h"
#include "serve/cache.h"
#include "serve/connection.h"
#include "serve/gate.h"
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

// ServeOptions::max_computing, 0 meaning one per core; never more than the
// worker threads, which are all that can ask (each place has a store
// connection).
size_t ComputingSlots(const ServeOptions& o) {
  const size_t asked = o.max_computing > 0 ? static_cast<size_t>(o.max_computing)
                                           : std::max(1u, std::thread::hardware_concurrency());
  return std::min(asked, static_cast<size_t>(std::max(1, o.threads)));
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
// --- The paged API (issue 15 part 2) ---
constexpr const char* kStatusPath = "/api/status";
constexpr const char* kStoryPath = R"(/api/stories/([^/]+))";
constexpr const char* kSectionPath = R"(/api/stories/([^/]+)/([^/]+))";
constexpr const char* kEntitiesPath = "/api/entities";
// Entity keys are folded names: any text, '/' included ("AC/DC").
constexpr const char* kEntityPath = R"(/api/entities/(.+))";
constexpr const char* kKnownPaths[] = {kStoriesPath, kBriefPath,    kSearchPath, kArticlePath,
                                      kStatusPath, kStoryPath,   kSectionPath,  kEntitiesPath, kEntityPath};

// Bytes of response bodies kept for their store generation: the pages a
// newsroom's browsers ask for over and over, many times over.
constexpr size_t kResponseCacheBytes = size_t{128} << 20;
// Bytes of decoded story views kept (as ViewBytes counts them): each
// section page of a story, its brief and the entity pages that show its
// quotations read its view, and decoding views was a fifth of the server's
// CPU on first answers (perf, the load bench) when 64 were kept. 64 MiB
// holds the views of a few thousand stories of the bench's store; a
// 448-article story's view is ~1 MB and takes milliseconds to decode.
constexpr size_t kCachedViewBytes = size_t{64} << 20;
// An entity page: stories listed, claims and quotations shown, and the most
// story views read to find them (each capped, with totals).
constexpr size_t kEntityStories = 50;
constexpr size_t kEntityItems = 50;
constexpr size_t kEntityViews = 8;
// Bumped when a JSON shape changes, so a browser's cached answer from an
// older server is not confirmed by a 304 at the same store generation.
constexpr const char* kApiVersion = "1";

// An answer made from one store generation (Server::Impl::AnswerCached).
struct Reply {
  int status = 200;
  std::string body;
  std::string type = kJsonType;
  std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace

struct Server::Impl {
  explicit Impl(const ServeOptions& o) : options(o), http(LimitsFor(o)), gate_(ComputingSlots(o)) {}

  ServeOptions options;
  HttpFront http;
  int listen_fd = -1;  // the listening socket, once bound
  int port = 0;
  std::atomic<bool> stop_requested{false};
  bool ran = false;

  // A Store is used by one thread at a time (store.h) and requests arrive on
  // many: the server opens several read-only connections to the file
  // (ServeOptions::readers; SQLite's WAL lets them read at once) and every
  // use goes through WithStore, which lends one out for the call once the
  // request's turn to compute has come (gate_).
  template <typename Fn>
  auto WithStore(Fn&& fn) {
    serve_internal::FifoGate::Slot slot(gate_);
    Lease lease(*this);
    return fn(*lease.store);
  }
  void AddStore(std::unique_ptr<Store> store) {
    free_.push_back(store.get());
    stores_.push_back(std::move(store));
  }
  // The connection that only reads the store's generation, so that a
  // cached answer or a 304 never waits for a pooled one.
  void SetGenerationStore(std::unique_ptr<Store> store) { generation_store_ = std::move(store); }
  Result<int64_t> CurrentGeneration() {
    std::lock_guard<std::mutex> lock(generation_mu_);
    return generation_store_->Generation();
  }

  void AddRoutes();
  void AddPageRoutes();
  void AddChecks();
  void Configure();
  void StoryBrief(const httplib::Request& req, httplib::Response& res);
  void Search(const httplib::Request& req, httplib::Response& res);
  void ArticleById(const httplib::Request& req, httplib::Response& res);
  Status Serve(bool handle_signals);

  // --- The paged API (issue 15 part 2) ---
  using Answer = std::function<Reply(Store&)>;
  // A decoded view with the items each section shows.
  struct CachedView {
    StoryView view;
    std::array<std::vector<size_t>, 5> shown;  // by StorySection
  };
  void AddApiRoutes();
  // Answers from the response cache, or with `answer` made on a store
  // snapshot; sets the ETag and answers 304 to a matching If-None-Match.
  void AnswerCached(const httplib::Request& req, httplib::Response& res, const Answer& answer);
  // The answer for `key` made from the store at `generation` or later
  // (`*made_at`): requests that miss the cache for the same key at once wait
  // for the first one's answer instead of each making it (after every
  // ingest batch, every open page asks for the same first page at once).
  Result<std::shared_ptr<const Reply>> MakeOnce(const std::string& key, int64_t generation, const Answer& answer,
                                                int64_t* made_at);
  void StoreStatus(const httplib::Request& req, httplib::Response& res);
  void StoryList(const httplib::Request& req, httplib::Response& res);
  void StorySummaryOf(const httplib::Request& req, httplib::Response& res);
  void Section(const httplib::Request& req, httplib::Response& res);
  void Entities(const httplib::Request& req, httplib::Response& res);
  void EntityByKey(const httplib::Request& req, httplib::Response& res);
  // The view of story `id` (a current id) at the store's generation.
  Result<std::shared_ptr<const CachedView>> ViewOf(Store& store, const std::string& id);
  Result<std::string> EntityDetail(Store& store, const std::string& key);

 private:
  // A store lent to one request; returned when the lease ends.
  struct Lease {
    explicit Lease(Impl& impl) : impl_(impl) {
      std::unique_lock<std::mutex> lock(impl_.pool_mu_);
      impl_.pool_cv_.wait(lock, [&] { return !impl_.free_.empty(); });
      store = impl_.free_.back();
      impl_.free_.pop_back();
    }
    ~Lease() {
      {
        std::lock_guard<std::mutex> lock(impl_.pool_mu_);
        impl_.free_.push_back(store);
      }
      impl_.pool_cv_.notify_one();
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Impl& impl_;
    Store* store = nullptr;
  };

  std::vector<std::unique_ptr<Store>> stores_;  // set up before serving, then fixed
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<Store*> free_;  // guarded by pool_mu_
  // One answer being made, and those waiting for it (MakeOnce).
  struct Flight {
    std::mutex mu;
    std::condition_variable cv;
    bool done = false;  // guarded by mu, as the fields below
    std::shared_ptr<const Reply> reply;
    int64_t generation = 0;
    Status failed;
  };
  std::mutex flights_mu_;
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;  // guarded by flights_mu_
  std::mutex generation_mu_;
  std::unique_ptr<Store> generation_store_;  // guarded by generation_mu_
  // Requests computing an answer (ServeOptions::max_computing).
  serve_internal::FifoGate gate_;
  serve_internal::LruCache<Reply> responses_{kResponseCacheBytes};
  serve_internal::LruCache<CachedView> views_{kCachedViewBytes};
};

void Server::Impl::AddRoutes() {
  http.Get(kStoriesPath, [this](const httplib::Request& req, httplib::Response& res) { StoryList(req, res); });
  http.Get(kBriefPath,
           [this](const httplib::Request& req, httplib::Response& res) { StoryBrief(req, res); });
  http.Get(kSearchPath,
           [this](const httplib::Request& req, httplib::Response& res) { Search(req, res); });
  http.Get(kArticlePath,
           [this](const httplib::Request& req, httplib::Response& res) { ArticleById(req, res); });
  AddApiRoutes();
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
    std::vector<const char*> known(std::begin(kKnownPaths), std::end(kKnownPaths));
    known.push_back(serve_internal::kStaticPath);
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
    if (std::string_view(pattern) == serve_internal::kStoryPagePath) continue;
    http.Get(pattern, [](const httplib::Request& req, httplib::Response& res) {
      SendAsset(req, res, serve_internal::PageDocument());
    });
  }
  // A retired story id's page moves to the survivor's, as its API does; an
  // unknown id gets the page (which says so) with a 404.
  http.Get(serve_internal::kStoryPagePath, [this](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    Result<std::string> current = WithStore([&](Store& s) { return s.CurrentStoryId(id); });
    if (current.ok() && *current != id) {
      const size_t q = req.target.find('?');
      res.status = 308;
      res.set_header("Location", "/story/" + serve_internal::UrlComponent(*current) +
                                     (q == std::string::npos ? std::string() : req.target.substr(q)));
      return;
    }
    SendAsset(req, res, serve_internal::PageDocument());
    if (!current.ok() && current.status().code() == StatusCode::kNotFound && res.status != 304) res.status = 404;
  });
  http.Get(serve_internal::kStaticPath, [](const httplib::Request& req, httplib::Response& res) {
    const serve_internal::WebAsset* asset = serve_internal::FindAsset(req.matches[1].str());
    if (asset == nullptr) {
      return SendError(res, Status::NotFound("no such file: " + req.path));
    }
    SendAsset(req, res, *asset);
  });
}

namespace {

// The request's query string, "?..." or "".
std::string QueryString(const httplib::Request& req) {
  const size_t q = req.target.find('?');
  return q == std::string::npos ? std::string() : req.target.substr(q);
}

// A 308 to the same request on story `current_id`'s URL: `rest` follows the
// id in the path ("", "/quotes", "/brief").
Reply MovedTo(const httplib::Request& req, const std::string& current_id, const std::string& rest) {
  Reply r;
  r.status = 308;
  const std::string location = "/api/stories/" + serve_internal::UrlComponent(current_id) + rest + QueryString(req);
  r.headers.emplace_back("Location", location);
  r.body = ErrorJson("story moved: it is now " + current_id + " (" + location + ")");
  return r;
}

Reply Failed(const Status& s) {
  Reply r;
  r.status = HttpStatusFor(s);
  r.body = ErrorJson(s.message());
  return r;
}

Reply Ok(std::string body) {
  Reply r;
  r.body = std::move(body);
  return r;
}

// About the memory a decoded view takes: its text and a fixed cost per
// string and item (allocation and bookkeeping), for the view cache's budget.
size_t ViewBytes(const Story& story) {
  // Bytes counted per string or item besides its characters.
  constexpr size_t kPerItem = 48;
  size_t n = 0;
  const auto add = [&](const std::string& text) { n += text.size() + kPerItem; };
  const auto add_all = [&](const std::vector<std::string>& texts) {
    for (const std::string& t : texts) add(t);
  };
  add_all(story.articles);
  add_all(story.related_stories);
  n += story.duplicates.size() * 2 * kPerItem;
  for (const BriefEntity& e : story.entities) {
    add(e.name);
    add_all(e.aliases);
    add_all(e.articles);
  }
  for (const BriefQuote& q : story.quotes) {
    add(q.text);
    add(q.speaker_name);
    for (const QuoteOccurrence& o : q.occurrences) add(o.text);
  }
  for (const TimelineEntry& t : story.timeline) {
    add(t.text);
    add(t.evidence);
    add_all(t.articles);
  }
  for (const Claim& c : story.claims) {
    add(c.subject_name);
    for (const ClaimValue& v : c.values) {
      add(v.value);
      add(v.evidence);
      add_all(v.articles);
    }
  }
  return n;
}

// The current id of the story a request names, or the reply that ends it
// (404, or 308 to the current id): `*reply` is set when the result is empty.
std::string ResolveStory(Store& store, const httplib::Request& req, const std::string& rest,
                         Reply* reply) {
  const std::string id = req.matches[1];
  Result<std::string> current = store.CurrentStoryId(id);
  if (!current.ok()) {
    *reply = Failed(current.status());
  } else if (*current != id) {
    *reply = MovedTo(req, *current, rest);
  } else {
    return *current;
  }
  return std::string();
}

}  // namespace

void Server::Impl::StoryBrief(const httplib::Request& req, httplib::Response& res) {
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
    return SendError(res, Status::InvalidInput("format must be json, md or html, not \"" + format + "\""));
  }
  AnswerCached(req, res, [&](Store& store) {
    Reply reply;
    const std::string id = ResolveStory(store, req, "/brief", &reply);
    if (id.empty()) return reply;
    // The stored view and the articles' stored metadata: nothing is
    // annotated or grouped to answer.
    Result<std::shared_ptr<const CachedView>> view = ViewOf(store, id);
    if (!view.ok()) return Failed(view.status());
    Result<std::vector<Article>> articles = store.StoryArticles(id, 0, (*view)->view.story.articles.size());
    if (!articles.ok()) return Failed(articles.status());
    Brief brief;
    brief.articles = std::move(*articles);
    brief.stories.push_back((*view)->view.story);
    reply.body = RenderBrief(brief, f);
    reply.type = type;
    if (f == BriefFormat::kHtml) reply.headers.emplace_back("Content-Security-Policy", kBriefCsp);
    return reply;
  });
}

void Server::Impl::Search(const httplib::Request& req, httplib::Response& res) {
  const std::string q = req.has_param("q") ? req.get_param_value("q") : "";
  if (q.find_first_not_of(" \t\r\n") == std::string::npos) {
    return SendError(res, Status::InvalidInput("missing search query: use /api/search?q=words"));
  }
  Result<size_t> limit = SearchLimit(req);
  if (!limit.ok()) return SendError(res, limit.status());
  const std::string kind = req.has_param("kind") ? req.get_param_value("kind") : "articles";
  if (kind != "articles" && kind != "quotes" && kind != "entities") {
    return SendError(res, Status::InvalidInput("kind must be articles, quotes or entities, not \"" + kind + "\""));
  }
  AnswerCached(req, res, [&](Store& store) {
    if (kind == "entities") {
      size_t total = 0;
      Result<std::vector<EntitySummary>> hits = store.FindEntities(EntityKey(q), 0, *limit, &total);
      if (!hits.ok()) return Failed(hits.status());
      return Ok(serve_internal::EntityHitsJson(*hits));
    }
    // People type free text ("kim's ad", an unmatched quote); FTS5 syntax
    // is a bonus for those who know it. A query FTS5 cannot parse is
    // searched again word by word, and the response says so.
    std::string query_run;
    Reply reply;
    if (kind == "quotes") {
      Result<std::vector<QuoteHit>> hits = SearchQuotesFreeText(store, q, *limit, &query_run);
      reply = hits.ok() ? Ok(serve_internal::QuoteHitsJson(*hits)) : Failed(hits.status());
    } else {
      Result<std::vector<SearchHit>> hits = SearchFreeText(store, q, *limit, &query_run);
      reply = hits.ok() ? Ok(serve_internal::HitsJson(*hits)) : Failed(hits.status());
    }
    if (query_run != q) reply.headers.emplace_back("X-Storyline-Query", query_run);
    return reply;
  });
}

void Server::Impl::ArticleById(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  AnswerCached(req, res, [&](Store& store) {
    Result<Article> a = store.GetArticle(id);
    if (!a.ok()) {
      if (a.status().code() == StatusCode::kNotFound) {
        return Failed(Status::NotFound("no article with id \"" + id + "\""));
      }
      return Failed(a.status());
    }
    // Sentences from its stored annotations: none when they are missing or
    // stale (the article is then shown without sentence links).
    std::vector<Span> sentences;
    if (Result<AnnotatedArticle> an = store.GetAnnotated(*a); an.ok()) sentences = std::move(an->sentences);
    Result<std::vector<std::string>> stories = store.StoriesOfArticle(a->id);
    if (!stories.ok()) return Failed(stories.status());
    return Ok(serve_internal::ArticleDetailJson(*a, sentences, *stories));
  });
}

// --- The paged API (issue 15 part 2) ---

void Server::Impl::AddApiRoutes() {
  http.Get(kStatusPath, [this](const httplib::Request& req, httplib::Response& res) { StoreStatus(req, res); });
  http.Get(kStoryPath, [this](const httplib::Request& req, httplib::Response& res) { StorySummaryOf(req, res); });
  http.Get(kSectionPath, [this](const httplib::Request& req, httplib::Response& res) { Section(req, res); });
  http.Get(kEntitiesPath, [this](const httplib::Request& req, httplib::Response& res) { Entities(req, res); });
  http.Get(kEntityPath, [this](const httplib::Request& req, httplib::Response& res) { EntityByKey(req, res); });
}

void Server::Impl::AnswerCached(const httplib::Request& req, httplib::Response& res, const Answer& answer) {
  const auto etag_of = [](int64_t generation) {
    return "W/\"" + std::string(kApiVersion) + "-" + std::to_string(generation) + "\"";
  };
  res.set_header("Cache-Control", "no-cache");
  Result<int64_t> generation = CurrentGeneration();
  if (!generation.ok()) return SendError(res, generation.status());
  std::string etag = etag_of(*generation);
  const std::string match = req.get_header_value("If-None-Match");
  if (!match.empty() && (match == "*" || match.find(etag) != std::string::npos)) {
    res.status = 304;
    res.set_header("ETag", etag);
    return;
  }
  const std::string key = req.method == "HEAD" ? "GET" + req.target : req.method + req.target;
  std::shared_ptr<const Reply> reply = responses_.Get(key, *generation);
  int64_t made_at = *generation;
  if (reply == nullptr) {
    Result<std::shared_ptr<const Reply>> made = MakeOnce(key, *generation, answer, &made_at);
    if (!made.ok()) return SendError(res, made.status());
    reply = std::move(*made);
    etag = etag_of(made_at);
  }
  res.status = reply->status;
  for (const auto& [name, value] : reply->headers) res.set_header(name, value);
  if (reply->status == 200) res.set_header("ETag", etag);
  res.set_content(reply->body, reply->type);
}

Result<std::shared_ptr<const Reply>> Server::Impl::MakeOnce(const std::string& key, int64_t generation,
                                                             const Answer& answer, int64_t* made_at) {
  std::shared_ptr<Flight> flight;
  bool mine = false;
  {
    std::lock_guard<std::mutex> lock(flights_mu_);
    std::shared_ptr<Flight>& slot = flights_[key];
    if (slot == nullptr || slot->done) {
      slot = std::make_shared<Flight>();
      mine = true;
    }
    flight = slot;
  }
  if (!mine) {
    std::unique_lock<std::mutex> lock(flight->mu);
    flight->cv.wait(lock, [&] { return flight->done; });
    // Made from this generation or a later one: as good as our own.
    if (flight->failed.ok() && flight->generation >= generation) {
      *made_at = flight->generation;
      return flight->reply;
    }
  }
  Status failed;
  std::shared_ptr<const Reply> reply;
  WithStore([&](Store& store) {
    const Store::Snapshot snapshot(store);  // the generation and the answer of one state
    Result<int64_t> now = store.Generation();
    if (!now.ok()) {
      failed = now.status();
      return;
    }
    auto made = std::make_shared<Reply>(answer(store));
    if (made->status == 200 || made->status == 308) responses_.Put(key, *now, made, made->body.size());
    *made_at = *now;
    reply = std::move(made);
  });
  if (mine) {
    {
      std::lock_guard<std::mutex> lock(flight->mu);
      flight->reply = reply;
      flight->generation = *made_at;
      flight->failed = failed;
      flight->done = true;
    }
    flight->cv.notify_all();
    std::lock_guard<std::mutex> lock(flights_mu_);
    if (auto it = flights_.find(key); it != flights_.end() && it->second == flight) flights_.erase(it);
  }
  if (!failed.ok()) return failed;
  return reply;
}

void Server::Impl::StoreStatus(const httplib::Request& req, httplib::Response& res) {
  AnswerCached(req, res, [](Store& store) {
    Result<StoreState> state = store.State();
    return state.ok() ? Ok(serve_internal::StateJson(*state)) : Failed(state.status());
  });
}

void Server::Impl::StoryList(const httplib::Request& req, httplib::Response& res) {
  Result<StoryFilter> filter = serve_internal::ParseStoryFilter(req.params);
  if (!filter.ok()) return SendError(res, filter.status());
  AnswerCached(req, res, [&](Store& store) {
    Result<storyline::StoryPage> page = store.ListStories(*filter);
    if (!page.ok()) return Failed(page.status());
    return Ok(serve_internal::StoryPageJson(*page, {filter->offset, filter->limit}));
  });
}

void Server::Impl::StorySummaryOf(const httplib::Request& req, httplib::Response& res) {
  AnswerCached(req, res, [&](Store& store) {
    Reply reply;
    const std::string id = ResolveStory(store, req, "", &reply);
    if (id.empty()) return reply;
    Result<StorySummary> summary = store.GetStorySummary(id);
    if (!summary.ok()) return Failed(summary.status());
    return Ok(serve_internal::StorySummaryJson(*summary, /*counts=*/true));
  });
}

Result<std::shared_ptr<const Server::Impl::CachedView>> Server::Impl::ViewOf(Store& store, const std::string& id) {
  Result<int64_t> generation = store.Generation();
  if (!generation.ok()) return generation.status();
  if (std::shared_ptr<const CachedView> hit = views_.Get(id, *generation)) return hit;
  Result<StoryView> view = store.GetStoryView(id);
  if (!view.ok()) return view.status();
  auto made = std::make_shared<CachedView>();
  made->view = std::move(*view);
  for (StorySection s : {StorySection::kEntities, StorySection::kQuotes, StorySection::kTimeline,
                         StorySection::kClaims, StorySection::kConflicts}) {
    made->shown[static_cast<size_t>(s)] = ShownItems(made->view.story, s);
  }
  views_.Put(id, *generation, made, ViewBytes(made->view.story));
  return std::shared_ptr<const CachedView>(std::move(made));
}

void Server::Impl::Section(const httplib::Request& req, httplib::Response& res) {
  const std::string name = req.matches[2];
  Result<StorySection> section = StorySection::kQuotes;
  if (name != "articles") {
    section = serve_internal::ParseSection(name);
    if (!section.ok()) return SendError(res, section.status());
  }
  Result<serve_internal::Paging> paging = serve_internal::ParsePaging(req.params);
  if (!paging.ok()) return SendError(res, paging.status());
  AnswerCached(req, res, [&](Store& store) {
    Reply reply;
    const std::string id = ResolveStory(store, req, "/" + name, &reply);
    if (id.empty()) return reply;
    std::vector<std::string> items;
    if (name == "articles") {
      Result<StorySummary> summary = store.GetStorySummary(id);
      if (!summary.ok()) return Failed(summary.status());
      Result<std::vector<Article>> articles = store.StoryArticles(id, paging->offset, paging->limit);
      if (!articles.ok()) return Failed(articles.status());
      for (const Article& a : *articles) items.push_back(BriefArticleJson(a));
      return Ok(serve_internal::ItemsPageJson(summary->size, *paging, items));
    }
    Result<std::shared_ptr<const CachedView>> view = ViewOf(store, id);
    if (!view.ok()) return Failed(view.status());
    const std::vector<size_t>& shown = (*view)->shown[static_cast<size_t>(*section)];
    for (size_t i = paging->offset; i < shown.size() && items.size() < paging->limit; ++i) {
      items.push_back(StoryItemJson((*view)->view.story, *section, shown[i]));
    }
    return Ok(serve_internal::ItemsPageJson(shown.size(), *paging, items));
  });
}

void Server::Impl::Entities(const httplib::Request& req, httplib::Response& res) {
  const std::string q = req.has_param("q") ? req.get_param_value("q") : "";
  const std::string prefix = EntityKey(q);
  if (prefix.empty()) {
    return SendError(res, Status::InvalidInput("q must give the start of an entity's name: /api/entities?q=kim"));
  }
  Result<serve_internal::Paging> paging = serve_internal::ParsePaging(req.params);
  if (!paging.ok()) return SendError(res, paging.status());
  AnswerCached(req, res, [&](Store& store) {
    size_t total = 0;
    Result<std::vector<EntitySummary>> found = store.FindEntities(prefix, paging->offset, paging->limit, &total);
    if (!found.ok()) return Failed(found.status());
    std::vector<std::string> items;
    for (const EntitySummary& e : *found) items.push_back(serve_internal::EntitySummaryJson(e));
    return Ok(serve_internal::ItemsPageJson(total, *paging, items));
  });
}

Result<std::string> Server::Impl::EntityDetail(Store& store, const std::string& key) {
  Result<EntityRecord> e = store.GetEntity(key);
  if (!e.ok()) return e.status();
  std::vector<std::string> stories;
  size_t claims_total = 0, quotes_total = 0;
  for (const EntityInStory& in : e->stories) {
    claims_total += in.claims;
    quotes_total += in.quotes;
  }
  for (size_t i = 0; i < e->stories.size() && i < kEntityStories; ++i) {
    Result<StorySummary> summary = store.GetStorySummary(e->stories[i].story_id);
    if (!summary.ok()) return summary.status();
    stories.push_back(serve_internal::StorySummaryJson(*summary, /*counts=*/false));
  }
  std::vector<std::string> claims, quotes;
  size_t views_read = 0;
  for (const EntityInStory& in : e->stories) {
    if (claims.size() >= kEntityItems && quotes.size() >= kEntityItems) break;
    if (in.claims == 0 && in.quotes == 0) continue;
    if (views_read++ == kEntityViews) break;
    Result<std::shared_ptr<const CachedView>> view = ViewOf(store, in.story_id);
    if (!view.ok()) return view.status();
    const Story& story = (*view)->view.story;
    const auto is_it = [&](const std::string& entity_id) {
      return std::find(in.ids.begin(), in.ids.end(), entity_id) != in.ids.end();
    };
    for (size_t i : (*view)->shown[static_cast<size_t>(StorySection::kClaims)]) {
      if (claims.size() < kEntityItems && is_it(story.claims[i].subject)) {
        claims.push_back(serve_internal::EntityItemJson(story.id, story.label,
                                                        StoryItemJson(story, StorySection::kClaims, i)));
      }
    }
    for (size_t i : (*view)->shown[static_cast<size_t>(StorySection::kQuotes)]) {
      if (quotes.size() < kEntityItems && is_it(story.quotes[i].speaker)) {
        quotes.push_back(serve_internal::EntityItemJson(story.id, story.label,
                                                        StoryItemJson(story, StorySection::kQuotes, i)));
      }
    }
  }
  return serve_internal::EntityDetailJson(*e, stories, claims_total, claims, quotes_total, quotes);
}

void Server::Impl::EntityByKey(const httplib::Request& req, httplib::Response& res) {
  const std::string key = EntityKey(req.matches[1]);
  if (key.empty()) return SendError(res, Status::NotFound("no entity \"" + std::string(req.matches[1]) + "\""));
  AnswerCached(req, res, [&](Store& store) {
    Result<std::string> body = EntityDetail(store, key);
    return body.ok() ? Ok(std::move(*body)) : Failed(body.status());
  });
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
  auto impl = std::make_unique<Impl>(options);
  const int readers = std::max({1, options.readers, static_cast<int>(ComputingSlots(options))});
  for (int i = 0; i < readers; ++i) {
    Result<std::unique_ptr<Store>> store = Store::Open(options.db_path, store_options);
    if (!store.ok()) return store.status();
    impl->AddStore(std::move(*store));
  }
  Result<std::unique_ptr<Store>> generation_store = Store::Open(options.db_path, store_options);
  if (!generation_store.ok()) return generation_store.status();
  impl->SetGenerationStore(std::move(*generation_store));
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
