#include "serve/connection.h"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <string_view>
#include <utility>

#include "serve/api.h"

namespace storyline::serve_internal {
namespace {

// Bytes asked of the socket per recv: a whole request head usually fits.
constexpr size_t kRecvChunk = 16384;
// A chunked body's framing (sizes, CRLFs, trailers) may add this much over
// max_body before the stream stops giving it to the parser.
constexpr size_t kChunkFramingSlack = 4096;
// write() sends early once this much is buffered, so a large response is not
// held in two copies; smaller responses leave in one send.
constexpr size_t kFlushThreshold = 65536;

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Milliseconds until `deadline`, at most `cap`, never negative.
int WaitMs(std::chrono::steady_clock::time_point deadline, std::chrono::milliseconds cap) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  return static_cast<int>(std::clamp(left, std::chrono::milliseconds(0), cap).count());
}

bool PollFor(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  int r;
  do {
    r = ::poll(&p, 1, timeout_ms);
  } while (r < 0 && errno == EINTR);
  return r > 0;
}

void IpAndPort(const sockaddr_storage& addr, std::string& ip, int& port) {
  char buf[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, buf, sizeof(buf));
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof(buf));
    port = ntohs(a->sin6_port);
  }
  ip = buf;
}

}  // namespace

ConnectionStream::ConnectionStream(int fd, ConnectionLimits limits)
    : fd_(fd), limits_(limits), deadline_(std::chrono::steady_clock::now()) {}

void ConnectionStream::BeginRequest() {
  if (in_pos_ > 0) {
    in_.erase(0, in_pos_);
    in_pos_ = 0;
  }
  phase_ = Phase::kHead;
  deadline_ = std::chrono::steady_clock::now() + limits_.request_timeout;
  head_bytes_ = line_bytes_ = header_lines_ = 0;
  in_request_line_ = true;
  head_.clear();
  body_expected_ = body_read_ = 0;
  body_chunked_ = false;
}

bool ConnectionStream::WaitForRequest(std::chrono::milliseconds idle) {
  if (failed_) return false;
  if (in_pos_ < in_.size()) return true;
  if (!PollFor(fd_, POLLIN, static_cast<int>(idle.count()))) return false;
  char probe;
  const ssize_t n = ::recv(fd_, &probe, 1, MSG_PEEK);
  return n > 0;
}

bool ConnectionStream::MustClose() const {
  if (failed_) return true;
  if (phase_ == Phase::kHead) return head_bytes_ > 0;  // a head cut short
  return body_chunked_ || body_read_ < body_expected_;
}

bool ConnectionStream::is_readable() const {
  return !failed_ && (in_pos_ < in_.size() || PollFor(fd_, POLLIN, 0));
}

bool ConnectionStream::is_writable() const {
  return !failed_ && PollFor(fd_, POLLOUT, static_cast<int>(limits_.io_timeout.count()));
}

bool ConnectionStream::Fill() {
  if (failed_) return false;
  if (!out_.empty() && !Flush()) return false;  // e.g. "100 Continue" before a body
  const int wait = WaitMs(deadline_, limits_.io_timeout);
  if (!PollFor(fd_, POLLIN, wait)) {
    // The deadline passed, or no byte came for io_timeout: either way a
    // request begun is answered.
    if (head_bytes_ > 0 || phase_ == Phase::kBody) {
      Refuse(408, "Request Timeout",
             "the request did not arrive in full within " +
                 std::to_string(limits_.request_timeout.count()) + " ms");
    }
    failed_ = true;
    return false;
  }
  in_.erase(0, in_pos_);
  in_pos_ = 0;
  const size_t old = in_.size();
  in_.resize(old + kRecvChunk);
  ssize_t n;
  do {
    n = ::recv(fd_, in_.data() + old, kRecvChunk, 0);
  } while (n < 0 && errno == EINTR);
  in_.resize(old + static_cast<size_t>(std::max<ssize_t>(n, 0)));
  if (n <= 0) failed_ = true;
  return n > 0;
}

bool ConnectionStream::TakeHeadByte(char c) {
  ++head_bytes_;
  if (head_.size() < limits_.max_head) head_ += c;
  if (c != '\n') {
    ++line_bytes_;
    if (in_request_line_ && line_bytes_ > limits_.max_request_line) {
      Refuse(414, "URI Too Long",
             "the request line is longer than " + std::to_string(limits_.max_request_line) +
                 " bytes");
      return false;
    }
  } else {
    const bool blank = line_bytes_ == 0 || (line_bytes_ == 1 && head_.size() >= 2 &&
                                            head_[head_.size() - 2] == '\r');
    if (!in_request_line_ && blank) {
      EndHead();
      return true;
    }
    if (!in_request_line_ && ++header_lines_ > limits_.max_headers) {
      Refuse(431, "Request Header Fields Too Large",
             "more than " + std::to_string(limits_.max_headers) + " header lines");
      return false;
    }
    in_request_line_ = false;
    line_bytes_ = 0;
  }
  if (head_bytes_ > limits_.max_head) {
    Refuse(431, "Request Header Fields Too Large",
           "the request head is longer than " + std::to_string(limits_.max_head) + " bytes");
    return false;
  }
  return true;
}

void ConnectionStream::EndHead() {
  phase_ = Phase::kBody;
  std::string_view rest(head_);
  while (!rest.empty()) {
    const size_t eol = rest.find('\n');
    const std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = Trim(line.substr(0, colon));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (EqualsNoCase(name, "Transfer-Encoding")) body_chunked_ = true;
    if (EqualsNoCase(name, "Content-Length")) {
      // A malformed length is httplib's to reject (400); count it as large
      // so the connection is not reused after it.
      const std::string v(value);
      char* end = nullptr;
      const unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      body_expected_ = (v.empty() || *end != '\0') ? UINT64_MAX : n;
    }
  }
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (failed_ || size == 0) return -1;
  if (phase_ == Phase::kBody) {
    const uint64_t cap = body_chunked_ ? limits_.max_body + kChunkFramingSlack : body_expected_;
    // An over-long body is never read: httplib sees end of input and
    // answers 413 (its payload limit is the same number).
    if (!body_chunked_ && body_expected_ > limits_.max_body) return 0;
    if (body_read_ >= cap) return 0;
    size = static_cast<size_t>(std::min<uint64_t>(size, cap - body_read_));
  }
  if (in_pos_ == in_.size() && !Fill()) return -1;
  size_t n = std::min(size, in_.size() - in_pos_);
  if (phase_ == Phase::kHead) {
    size_t taken = 0;
    while (taken < n && phase_ == Phase::kHead) {
      if (!TakeHeadByte(in_[in_pos_ + taken])) return -1;
      ++taken;
    }
    n = taken;
  } else {
    body_read_ += n;
  }
  std::copy_n(in_.data() + in_pos_, n, ptr);
  in_pos_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  if (failed_) return -1;
  out_.append(ptr, size);
  if (out_.size() >= kFlushThreshold && !Flush()) return -1;
  return static_cast<ssize_t>(size);
}

bool ConnectionStream::Flush() {
  if (failed_) return false;
  const bool ok = SendAll(out_.data(), out_.size());
  out_.clear();
  if (!ok) failed_ = true;
  return ok;
}

bool ConnectionStream::SendAll(const char* data, size_t size) {
  while (size > 0) {
    if (!PollFor(fd_, POLLOUT, static_cast<int>(limits_.io_timeout.count()))) return false;
    const ssize_t n = ::send(fd_, data, size, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

void ConnectionStream::Refuse(int status, const char* reason, const std::string& message) {
  const std::string body = ErrorJson(message);
  std::string response = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                         "\r\nContent-Type: application/json; charset=utf-8"
                         "\r\nX-Content-Type-Options: nosniff\r\nConnection: close"
                         "\r\nContent-Length: " +
                         std::to_string(body.size()) + "\r\n\r\n" + body;
  out_.clear();
  (void)SendAll(response.data(), response.size());
  failed_ = true;
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) IpAndPort(addr, ip, port);
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) IpAndPort(addr, ip, port);
}

}  // namespace storyline::serve_internal
