// status.h: error reporting for every storyline library function.
//
//   storyline::Result<Article> r = storyline::CleanDocument(doc, {});
//   if (!r.ok()) { std::cerr << r.status().ToString() << "\n"; return 1; }
//   const Article& a = *r;
//
// A Status is a code (for programs) and a message (for people). Messages name
// the file, the place (line:column or record number) and the problem, e.g.
// "seeds/002.txt:14:3: quotation never closed (opened 12:40)". Programs must
// branch on code() only, never parse message().
//
// Thread-safety: Status and Result are values; distinct objects may be used
// from different threads, a single object needs external synchronisation for
// writes.
#ifndef STORYLINE_STATUS_H_
#define STORYLINE_STATUS_H_

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace storyline {

enum class StatusCode {
  kOk = 0,
  kNotFound,      // a named thing (file, story, article) does not exist
  kInvalidInput,  // the input is malformed: bad UTF-8, bad JSON, bad usage
  kCorruption,    // stored or compressed data is damaged (truncated gzip, bad db)
  kIOError,       // the operating system failed a read or write
  kUnsupported,   // well-formed input we do not handle (unknown format, charset)
  kInternal,      // a bug in storyline: never caused by input alone
};

class [[nodiscard]] Status {
 public:
  // Success.
  Status() = default;

  static Status Ok() { return Status(); }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status InvalidInput(std::string msg) { return {StatusCode::kInvalidInput, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status IOError(std::string msg) { return {StatusCode::kIOError, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {StatusCode::kUnsupported, std::move(msg)}; }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "ok" on success, otherwise the message (already names file and place).
  std::string ToString() const { return ok() ? "ok" : message_; }

  // Returns a copy whose message is prefixed with "context: ".
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Status(StatusCode code, std::string msg) : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status saying why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "Result built from an ok Status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  // The error, or an ok Status when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace storyline

#endif  // STORYLINE_STATUS_H_
