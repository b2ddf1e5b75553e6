// running_server.h: a `storyline serve` server on a free loopback port,
// run on its own thread for one test and stopped when the object dies.
// Shared by the tests under tests/serve/.
#ifndef STORYLINE_TESTS_SERVE_RUNNING_SERVER_H_
#define STORYLINE_TESTS_SERVE_RUNNING_SERVER_H_

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <utility>

#include "storyline/serve.h"
#include "storyline/status.h"

namespace storyline::testing_serve {

// Only a hang reaches this; no test asserts a time.
inline constexpr auto kStopGuard = std::chrono::seconds(30);

class RunningServer {
 public:
  // Serves `o` on a free port (o.port is ignored). A failure to start is a
  // test failure; started() then says false.
  explicit RunningServer(ServeOptions o) {
    o.port = 0;
    auto server = Server::Create(o);
    EXPECT_TRUE(server.ok()) << server.status().ToString();
    if (!server.ok()) return;
    server_ = std::move(*server);
    run_ = std::async(std::launch::async, [this] { return server_->Run(); });
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;
  // Stops it if the test did not; only that it stops is checked here.
  ~RunningServer() { (void)Stop(); }

  bool started() const { return server_ != nullptr; }
  int port() const { return server_ == nullptr ? -1 : server_->port(); }
  // "127.0.0.1:PORT", as a Host header names it.
  std::string host() const { return "127.0.0.1:" + std::to_string(port()); }

  httplib::Result Get(const std::string& path, const httplib::Headers& headers = {}) const {
    httplib::Client client("127.0.0.1", port());
    return client.Get(path.c_str(), headers);
  }

  // Stops the server and returns what its Run() returned; Ok when it never
  // started or was stopped before. A server that does not stop within
  // kStopGuard is a test failure.
  Status Stop() {
    if (server_ == nullptr || stopped_) return Status::Ok();
    stopped_ = true;
    server_->Stop();
    const bool ended = run_.wait_for(kStopGuard) == std::future_status::ready;
    EXPECT_TRUE(ended) << "the server did not stop";
    return ended ? run_.get() : Status::Internal("the server did not stop");
  }

 private:
  std::unique_ptr<Server> server_;
  std::future<Status> run_;
  bool stopped_ = false;
};

}  // namespace storyline::testing_serve

#endif  // STORYLINE_TESTS_SERVE_RUNNING_SERVER_H_
