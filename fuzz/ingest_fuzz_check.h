// ingest_fuzz_check.h: the properties every ingest fuzz target checks.
//
//   extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
//     return storyline::fuzz::CheckReader("input.jsonl", data, size);
//   }
//
// ReadBuffer must not crash, must hand out only valid NFC UTF-8, and must give
// the same documents and messages when run twice on the same bytes.
#ifndef STORYLINE_FUZZ_INGEST_FUZZ_CHECK_H_
#define STORYLINE_FUZZ_INGEST_FUZZ_CHECK_H_

#include <unicode/normalizer2.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/ingest.h"

namespace storyline::fuzz {

// Readers are linear in their input, so bigger inputs add run time without
// reaching new code; 256 KiB still holds several WARC records, a gzip stream
// of a few members and the 4 KiB <meta> window several times over.
inline constexpr size_t kMaxFuzzInputBytes = 256 * 1024;
// A second pass with tiny limits drives the "exceeds the limit" paths,
// which the default 16 MiB record limit never reaches at the input cap.
inline constexpr size_t kSmallRecordLimit = 512;
inline constexpr size_t kSmallFileLimit = 32 * 1024;

class Collector : public Reporter {
 public:
  void Reject(const Status& why) override { messages.push_back("E " + why.message()); }
  void Warn(const std::string& message) override { messages.push_back("W " + message); }
  std::vector<std::string> messages;
};

struct Run {
  Status status;
  std::vector<Document> docs;
  std::vector<std::string> messages;
};

inline Run ReadOnce(const std::string& name, std::string_view bytes, const ReadOptions& options) {
  Run run;
  Collector rep;
  run.status = ReadBuffer(name, bytes, options, rep, [&](Document&& d) {
    run.docs.push_back(std::move(d));
    return Status::Ok();
  });
  run.messages = std::move(rep.messages);
  return run;
}

// Independent of the reader's own validator, so a shared bug cannot hide.
inline bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    static constexpr uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

inline void CheckText(const std::string& s) {
  if (!ValidUtf8(s)) std::abort();
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_SUCCESS(err) && !nfc->isNormalizedUTF8(s, err) && U_SUCCESS(err)) std::abort();
}

inline void CheckDocs(const Run& run) {
  for (const Document& d : run.docs) {
    for (const std::string* f : {&d.id, &d.source, &d.url, &d.title, &d.published, &d.outlet, &d.author, &d.body}) {
      CheckText(*f);
    }
    if (d.id.empty()) std::abort();
  }
}

inline bool SameDocs(const std::vector<Document>& a, const std::vector<Document>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].id != b[i].id || a[i].source != b[i].source || a[i].url != b[i].url || a[i].title != b[i].title ||
        a[i].published != b[i].published || a[i].outlet != b[i].outlet || a[i].author != b[i].author ||
        a[i].format != b[i].format || a[i].body != b[i].body) {
      return false;
    }
  }
  return true;
}

inline int CheckReader(const std::string& name, const uint8_t* data, size_t size) {
  if (size > kMaxFuzzInputBytes) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const Run first = ReadOnce(name, bytes, {});
  const Run second = ReadOnce(name, bytes, {});
  CheckDocs(first);
  if (first.status.code() != second.status.code() || first.status.message() != second.status.message() ||
      first.messages != second.messages || !SameDocs(first.docs, second.docs)) {
    std::abort();
  }
  if (DetectFormat(name, bytes) != DetectFormat(name, bytes)) std::abort();
  ReadOptions small;
  small.max_record_bytes = kSmallRecordLimit;
  small.max_file_bytes = kSmallFileLimit;
  CheckDocs(ReadOnce(name, bytes, small));
  return 0;
}

}  // namespace storyline::fuzz

#endif  // STORYLINE_FUZZ_INGEST_FUZZ_CHECK_H_
