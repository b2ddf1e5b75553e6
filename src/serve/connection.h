// connection.h: one HTTP connection's bytes, with the limits httplib lacks.
//
//   serve_internal::ConnectionStream strm(fd, limits);
//   strm.BeginRequest();                  // a request's deadline starts now
//   http.process_request(strm, ...);      // httplib parses, routes, answers
//   strm.Flush();                         // headers and body leave in one send
//
// cpp-httplib 0.11 reads a request line of any length into memory, any number
// of headers, and gives a slow client as long as it likes as long as one byte
// arrives per read timeout. This stream sits between the socket and httplib's
// parser: it counts the request line and the head as they pass, answers 414,
// 431 or 408 itself when a limit is crossed (and then reports end of input to
// the parser), holds back a body larger than allowed, and buffers what the
// server writes so a response leaves in one send.
//
// Thread-safety: one connection, one thread.
#ifndef STORYLINE_SERVE_CONNECTION_H_
#define STORYLINE_SERVE_CONNECTION_H_

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace storyline::serve_internal {

struct ConnectionLimits {
  // Longest request line (method, target, version), bytes: 414 beyond.
  size_t max_request_line = 8192;
  // Longest head (request line and all headers), bytes: 431 beyond.
  size_t max_head = 32768;
  // Most header lines: 431 beyond.
  size_t max_headers = 100;
  // Largest request body, bytes: 413 beyond, the body left unread.
  size_t max_body = 65536;
  // A request (head and body) must arrive in full within this time of its
  // first byte: 408 otherwise.
  std::chrono::milliseconds request_timeout{10000};
  // Longest wait for one read or one write to make progress.
  std::chrono::milliseconds io_timeout{5000};
};

class ConnectionStream final : public httplib::Stream {
 public:
  // `fd` is a connected socket; the caller keeps owning it and closes it
  // after this stream is gone.
  ConnectionStream(int fd, ConnectionLimits limits);
  ConnectionStream(const ConnectionStream&) = delete;  // holds a socket's buffers
  ConnectionStream& operator=(const ConnectionStream&) = delete;

  // Starts a request: resets the head counters and starts its deadline.
  // Bytes already read past the previous request (pipelining) are kept.
  void BeginRequest();
  // Waits up to `idle` for the next request's first byte; false when none
  // came, the peer closed, or the stream has failed.
  bool WaitForRequest(std::chrono::milliseconds idle);
  // Sends what write() buffered. False when the peer is gone or too slow.
  bool Flush();
  // True when the connection must not carry another request: a limit was
  // crossed, I/O failed, or the last request's body was not read in full.
  bool MustClose() const;

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  enum class Phase { kHead, kBody };
  // Reads more bytes from the socket into in_, waiting until the request's
  // deadline at most. False on end of input, error or deadline (the last
  // answered with 408 when part of a request had arrived).
  bool Fill();
  // Accounts one head byte; false (after answering) when a limit is crossed.
  bool TakeHeadByte(char c);
  // Parses Content-Length / Transfer-Encoding from the finished head.
  void EndHead();
  // Sends a complete error response of its own and fails the stream.
  void Refuse(int status, const char* reason, const std::string& message);
  bool SendAll(const char* data, size_t size);

  int fd_;
  ConnectionLimits limits_;
  std::string in_;       // bytes read, not yet given to httplib
  size_t in_pos_ = 0;
  std::string out_;      // bytes written by httplib, not yet sent
  bool failed_ = false;  // a limit was crossed or I/O failed: no more I/O
  Phase phase_ = Phase::kHead;
  std::chrono::steady_clock::time_point deadline_;
  size_t head_bytes_ = 0;
  size_t line_bytes_ = 0;     // bytes of the current head line so far
  size_t header_lines_ = 0;
  bool in_request_line_ = true;
  std::string head_;          // the head, kept to read its body headers
  uint64_t body_expected_ = 0;
  bool body_chunked_ = false;
  uint64_t body_read_ = 0;
};

}  // namespace storyline::serve_internal

#endif  // STORYLINE_SERVE_CONNECTION_H_
