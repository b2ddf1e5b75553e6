// serve.h: the HTTP API and web page over a store.
//
//   storyline::ServeOptions o;  o.db_path = "news.db";  o.port = 0;  // any free port
//   auto server = storyline::Server::Create(o);
//   if (!server.ok()) return server.status();
//   std::cout << "http://127.0.0.1:" << (*server)->port() << "/\n";
//   storyline::Status s = (*server)->Run();   // blocks until Stop() or SIGINT/SIGTERM
//
// Endpoints (all GET; errors are JSON {"error": "..."} with 400 or 404):
//   /                            a self-contained HTML page: stories and a search box
//   /api/stories                 [{id, label, size, span: {first, last}, articles}]
//   /api/stories/{id}/brief      ?format=json|md|html (default json): the story's brief
//   /api/search?q=...&limit=N    [{kind, article_id, title, snippet, rank}]
//   /api/articles/{id}           the article as `storyline extract --json` prints it
//
// The store is opened read-only; ingest into it from another process while
// serving is fine (SQLite WAL lets readers and one writer work together).
//
// Thread-safety: requests are answered on a pool of worker threads; Stop()
// may be called from any thread, the other members from one thread.
#ifndef STORYLINE_SERVE_H_
#define STORYLINE_SERVE_H_

#include <memory>
#include <string>

#include "storyline/status.h"

namespace storyline {

struct ServeOptions {
  // The store to serve; must exist (it is opened read-only).
  std::string db_path = "storyline.db";
  // Address to listen on. Loopback by default: the API has no authentication.
  std::string host = "127.0.0.1";
  // TCP port; 0 picks a free one (see Server::port()).
  int port = 8080;
};

class Server {
 public:
  // Opens the store and binds the listening socket, so port() is known before
  // Run(). Fails with the store's Status (kNotFound for a missing file,
  // kCorruption, ...) or kIOError when the address cannot be bound.
  static Result<std::unique_ptr<Server>> Create(const ServeOptions& options);

  Server(const Server&) = delete;  // owns a socket, threads and a store
  Server& operator=(const Server&) = delete;
  // REQUIRES: Run() is not running (Stop() it and wait for it to return).
  ~Server();

  // Serves until Stop() is called or the process receives SIGINT or SIGTERM
  // (which are blocked in the calling thread while Run lasts and consumed).
  // Returns ok after a clean stop, kIOError if listening fails, kInvalidInput
  // if called twice (a Server serves once).
  Status Run();
  // Asks Run() to return after the requests in flight. Idempotent; safe from
  // any thread, also before Run() starts (Run then returns at once).
  void Stop();
  // The bound TCP port.
  int port() const;

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline

#endif  // STORYLINE_SERVE_H_
