#include "storyline/reporter.h"

namespace storyline {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kNotFound: return "not found";
    case StatusCode::kInvalidInput: return "invalid input";
    case StatusCode::kCorruption: return "corruption";
    case StatusCode::kIOError: return "I/O error";
    case StatusCode::kUnsupported: return "unsupported";
    case StatusCode::kInternal: return "internal error";
  }
  return "unknown";
}

void CountingReporter::Reject(const Status& why) {
  std::lock_guard<std::mutex> lock(mu_);
  ++rejected_;
  ++by_reason_[StatusCodeName(why.code())];
  if (out_ != nullptr) *out_ << prefix_ << "error: " << why.message() << "\n";
}

void CountingReporter::Warn(const std::string& message) {
  std::lock_guard<std::mutex> lock(mu_);
  ++warnings_;
  if (out_ != nullptr) *out_ << prefix_ << "warning: " << message << "\n";
}

size_t CountingReporter::rejected() const {
  std::lock_guard<std::mutex> lock(mu_);
  return rejected_;
}

size_t CountingReporter::warnings() const {
  std::lock_guard<std::mutex> lock(mu_);
  return warnings_;
}

std::map<std::string, size_t> CountingReporter::ByReason() const {
  std::lock_guard<std::mutex> lock(mu_);
  return by_reason_;
}

}  // namespace storyline
