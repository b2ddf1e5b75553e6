// Fuzzes the server's request handling end to end: the input is what one
// client sends on one connection (any bytes: request lines, headers, query
// strings, bodies, several pipelined requests), with "$HOST" replaced by the
// server's own address so most inputs pass the Host check and reach the
// router and the query parsing. The server is a real storyline::Server on a
// loopback port over a small store, started once per process.
// Properties: no crash or sanitizer report; every connection ends (the
// server closes after its limits and the client's end of input, never
// hangs); a non-empty answer starts with an HTTP/1.1 status line whose code
// is one the server is meant to send (500 means a handler threw); it
// carries a Content-Length matching the body that follows (or no body: a
// HEAD); the same bytes get the same answer twice.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <thread>

#include "storyline/serve.h"
#include "storyline/store.h"

namespace {

// 64 KiB: past every request limit (8 KiB line, 32 KiB head, 64 KiB body
// is answered from the head), so longer inputs only repeat those paths.
constexpr size_t kMaxInputBytes = 64 * 1024;
// A connection that has not ended after this long is a hang: abort.
constexpr int kHangSeconds = 20;

void Check(bool ok) {
  if (!ok) std::abort();
}

// A store with two articles and a story, and a server over it, for the
// whole run (function-local statics: libFuzzer calls us many times).
class Fixture {
 public:
  Fixture() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "storyline_http_fuzz_XXXXXX").string();
    Check(mkdtemp(tmpl.data()) != nullptr);
    dir_ = tmpl;
    const std::string db = (dir_ / "news.db").string();
    {
      auto store = storyline::Store::Open(db, {});
      Check(store.ok());
      for (const char* id : {"a-1", "https://example.org/a/2"}) {
        storyline::Article a;
        a.id = id;
        a.title = "Harbour ferry returns";
        a.published = "2023-06-01";
        a.outlet = "Coast Gazette";
        a.text = "The ferry returned to the harbour on Friday, the mayor said.";
        a.content_hash = storyline::ContentHash(a.text + id);
        Check((*store)->Put(a).ok());
      }
      Check((*store)
                ->SaveStories({{"s-1", "Ferry returns", "2023-06-01", "2023-06-01",
                                {"a-1", "https://example.org/a/2"}}})
                .ok());
    }
    storyline::ServeOptions o;
    o.db_path = db;
    o.port = 0;
    // Short, so an input that stops mid-request cannot stall the run.
    o.request_timeout_ms = 2000;
    o.keep_alive_ms = 200;
    auto server = storyline::Server::Create(o);
    Check(server.ok());
    server_ = std::move(*server);
    host_ = "127.0.0.1:" + std::to_string(server_->port());
    run_ = std::async(std::launch::async, [this] { return server_->Run(); });
  }
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;
  ~Fixture() {
    server_->Stop();
    run_.wait();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  int port() const { return server_->port(); }
  const std::string& host() const { return host_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<storyline::Server> server_;
  std::string host_;
  std::future<storyline::Status> run_;
};

// Sends `request` on a new connection (from another thread, so a server
// answering pipelined requests never waits on us), then reads to the end.
std::string Exchange(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  Check(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  Check(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0);
  timeval tv{kHangSeconds, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  std::thread sender([&] {
    size_t sent = 0;
    while (sent < request.size()) {
      const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;  // the server closed early (a limit): fine
      sent += static_cast<size_t>(n);
    }
    ::shutdown(fd, SHUT_WR);
  });
  std::string answer;
  char buf[16384];
  for (;;) {
    const ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) std::abort();  // a hang
    if (n <= 0) break;  // end, or a reset after a limit
    answer.append(buf, static_cast<size_t>(n));
  }
  sender.join();
  ::close(fd);
  return answer;
}

void CheckAnswer(std::string_view answer) {
  if (answer.empty()) return;  // input ended before a request line
  static const std::set<int> kStatuses = {100, 200, 206, 304, 308, 400, 404, 405, 408,
                                          413, 414, 416, 417, 421, 431};
  Check(answer.substr(0, 9) == "HTTP/1.1 " && answer.size() >= 12);
  const int status = std::atoi(std::string(answer.substr(9, 3)).c_str());
  Check(kStatuses.count(status) == 1);
  if (status == 100) return;  // an interim answer; the final one follows
  const size_t head_end = answer.find("\r\n\r\n");
  Check(head_end != std::string_view::npos);
  const std::string_view head = answer.substr(0, head_end + 2);
  const size_t cl = head.find("\r\nContent-Length: ");
  Check(cl != std::string_view::npos);
  const size_t length = std::strtoull(std::string(head.substr(cl + 18)).c_str(), nullptr, 10);
  const std::string_view rest = answer.substr(head_end + 4);
  // The body in full, or none (a HEAD request), or a following answer.
  Check(rest.size() >= length || rest.empty() || rest.substr(0, 9) == "HTTP/1.1 ");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  static Fixture fixture;
  std::string request(reinterpret_cast<const char*>(data), size);
  for (size_t at = request.find("$HOST"); at != std::string::npos; at = request.find("$HOST", at)) {
    request.replace(at, 5, fixture.host());
    at += fixture.host().size();
  }
  const std::string first = Exchange(fixture.port(), request);
  CheckAnswer(first);
  Check(Exchange(fixture.port(), request) == first);
  return 0;
}
