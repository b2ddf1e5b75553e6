// serve.h: the HTTP API and web page over a store.
//
//   storyline::ServeOptions o;  o.db_path = "news.db";  o.port = 0;  // any free port
//   auto server = storyline::Server::Create(o);
//   if (!server.ok()) return server.status();
//   std::cout << "http://127.0.0.1:" << (*server)->port() << "/\n";
//   storyline::Status s = (*server)->Run();   // blocks until Stop() or SIGINT/SIGTERM
//
// Endpoints (all GET or HEAD; errors are JSON {"error": "..."}, a bad
// parameter 400 naming it; README "The server" has the shapes):
//   /, /story/{id}, /article/{id}, /entity/{key}, /search, /static/...
//                                the web page (web/, embedded in the binary; pages.h)
//   /api/status                  {generation, stories, articles, behind}
//   /api/stories                 ?offset, limit, from, to, outlet, entity, sort: a page of summaries
//   /api/stories/{id}            one summary with counts per section
//   /api/stories/{id}/{section}  ?offset, limit: conflicts|claims|quotes|timeline|entities|articles
//   /api/stories/{id}/brief      ?format=json|md|html (default json): the story's brief
//   /api/search?q=...&limit=N    &kind=articles|quotes|entities
//   /api/articles/{id}           the article with its sentences and stories
//   /api/entities?q=PREFIX, /api/entities/{key}
// Every answer is read from stored results (the story views and what the
// grouping saved with them, store.h); JSON answers carry an ETag of the
// store's generation and a matching If-None-Match gets 304. A retired story
// id answers 308 to the story it merged into.
//
// Other methods on these paths get 405 with `Allow: GET, HEAD`. A request
// whose Host header names another host gets 421 (the DNS-rebinding defence:
// see HostAllowed in src/serve/api.h); one over the limits below gets 414
// (request line), 431 (head), 413 (body, left unread) or 408 (too slow).
//
// The store is opened read-only; ingest into it from another process while
// serving is fine (SQLite WAL lets readers and one writer work together).
//
// Thread-safety: requests are answered on a pool of worker threads; Stop()
// may be called from any thread, the other members from one thread.
#ifndef STORYLINE_SERVE_H_
#define STORYLINE_SERVE_H_

#include <cstddef>
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
  // Worker threads, one per open connection: enough that a few dozen slow
  // or idle clients never make the others wait (each costs a stack, mostly
  // untouched). Connections beyond these wait in the listen queue. 128: the
  // load bench's 64 kept-alive clients plus 8 slow ones held 72, and with
  // 64 a client waited for a slow one's 10 s timeout (max latency 6.8 s).
  int threads = 128;
  // Read-only connections to the store, each lent to one request at a
  // time: a slow request (a large story's whole brief) then holds one while
  // the others answer. More than the cores add nothing but memory.
  int readers = 4;
  // Requests computing an answer at once (those the response cache cannot
  // answer); the others wait in arrival order, so the cores finish requests
  // one after another instead of sharing themselves among all of them
  // (which makes every request as slow as the queue is long). 0: one per
  // core. Reading requests and writing answers are not counted, so a slow
  // client never holds a place. At most `threads`; at least this many store
  // connections are opened, whatever `readers` says.
  int max_computing = 0;
  // Longest request line in bytes (414 beyond): browsers send under 8 KiB.
  size_t max_request_line = 8192;
  // Longest request head, request line and headers, in bytes (431 beyond).
  size_t max_head = 32768;
  // Largest request body in bytes (413 beyond): no endpoint reads one.
  size_t max_body = 65536;
  // A request must arrive in full within this many ms of its first byte
  // (408 beyond), so a client sending a byte now and then frees its worker.
  int request_timeout_ms = 10000;
  // An idle kept-alive connection is closed after this many ms.
  int keep_alive_ms = 5000;
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
