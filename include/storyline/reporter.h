// reporter.h: where bad records go so that a batch can go on.
//
//   storyline::CountingReporter rep(&std::cerr);
//   storyline::ReadPath("in/", {}, rep, sink);   // bad files are reported, skipped
//   if (rep.rejected() > 0) return 1;
//
// A stage that finds a bad file or record calls Reject() and carries on with
// the next one; nothing already produced is withdrawn (leveldb's
// log::Reader::Reporter follows the same idea).
#ifndef STORYLINE_REPORTER_H_
#define STORYLINE_REPORTER_H_

#include <cstddef>
#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <utility>

#include "storyline/status.h"

namespace storyline {

// Receives rejected inputs. Implementations must be thread-safe: readers may
// run in parallel.
class Reporter {
 public:
  virtual ~Reporter() = default;
  // `why` is a non-ok Status whose message names the file and place.
  virtual void Reject(const Status& why) = 0;
  // A non-fatal remark about an input that was still used (e.g. "invalid
  // UTF-8 replaced at 3:17"). Default: ignored.
  virtual void Warn(const std::string& message) { (void)message; }
};

// Writes one line per rejection to a stream and counts them by StatusCode.
// Thread-safe.
class CountingReporter : public Reporter {
 public:
  // `out` may be null (count only); if not, it must outlive the reporter.
  // Lines read `prefix` + "error: " (or "warning: ") + the message; the
  // command line passes "storyline: " so that every line it writes about a
  // problem starts the same way.
  explicit CountingReporter(std::ostream* out, std::string prefix = "")
      : out_(out), prefix_(std::move(prefix)) {}
  CountingReporter(const CountingReporter&) = delete;  // owns a mutex
  CountingReporter& operator=(const CountingReporter&) = delete;

  void Reject(const Status& why) override;
  void Warn(const std::string& message) override;

  size_t rejected() const;
  size_t warnings() const;
  // Rejections by reason: "invalid input", "corruption", ...
  std::map<std::string, size_t> ByReason() const;

 private:
  mutable std::mutex mu_;
  std::ostream* out_;
  const std::string prefix_;
  size_t rejected_ = 0;
  size_t warnings_ = 0;
  std::map<std::string, size_t> by_reason_;
};

// A short human name for a code: "invalid input", "corruption", ...
const char* StatusCodeName(StatusCode code);

}  // namespace storyline

#endif  // STORYLINE_REPORTER_H_
