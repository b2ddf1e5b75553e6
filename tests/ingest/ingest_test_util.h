// Helpers shared by the ingest tests: a recording reporter, a one-call
// ReadBuffer wrapper and an in-memory gzip writer.
#ifndef STORYLINE_TESTS_INGEST_INGEST_TEST_UTIL_H_
#define STORYLINE_TESTS_INGEST_INGEST_TEST_UTIL_H_

#include <zlib.h>

#include <mutex>
#include <string>
#include <vector>

#include "storyline/ingest.h"

namespace storyline::testing {

// Keeps every rejection and warning so tests can look at the messages.
class RecordingReporter : public Reporter {
 public:
  void Reject(const Status& why) override {
    std::lock_guard<std::mutex> lock(mu_);
    rejects.push_back(why);
  }
  void Warn(const std::string& message) override {
    std::lock_guard<std::mutex> lock(mu_);
    warnings.push_back(message);
  }
  std::vector<Status> rejects;
  std::vector<std::string> warnings;

 private:
  std::mutex mu_;
};

struct ReadOutcome {
  Status status;
  std::vector<Document> docs;
  std::vector<Status> rejects;
  std::vector<std::string> warnings;
};

inline ReadOutcome ReadAll(const std::string& name, std::string_view bytes, const ReadOptions& options = {}) {
  ReadOutcome out;
  RecordingReporter rep;
  out.status = ReadBuffer(name, bytes, options, rep, [&](Document&& d) {
    out.docs.push_back(std::move(d));
    return Status::Ok();
  });
  out.rejects = rep.rejects;
  out.warnings = rep.warnings;
  return out;
}

// One gzip member holding `data` (what `gzip` writes for one file).
inline std::string GzipMember(std::string_view data) {
  z_stream zs{};
  constexpr int kGzipWindowBits = 15 + 16;  // max window, gzip wrapper
  constexpr int kMemLevel = 8;              // zlib's default
  if (deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, kGzipWindowBits, kMemLevel, Z_DEFAULT_STRATEGY) != Z_OK) {
    return "";
  }
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// True when `s` is well-formed UTF-8 (checked independently of the reader).
inline bool WellFormedUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    const uint32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

}  // namespace storyline::testing

#endif  // STORYLINE_TESTS_INGEST_INGEST_TEST_UTIL_H_
