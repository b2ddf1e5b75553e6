// Fuzzes the parser model loader (DependencyParser::FromBytes, the format
// of models/parser.bin). Each input is loaded twice: as given (almost always
// stopped by the checksum) and with its correct checksum appended, so the
// field checks behind it are reached. Properties: no crash and no runaway
// allocation; a model that loads parses a sentence into a tree, and
// survives a round trip through Serialize unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "extract/parser.h"

namespace {

// 256 KiB: room for every section with thousands of rows; longer inputs
// only repeat the row loops.
constexpr size_t kMaxInputBytes = 256 * 1024;

void Check(bool ok) {
  if (!ok) std::abort();
}

// The trailing checksum of the format (parser.cc): FNV-1a 64 of the bytes.
std::string Sealed(std::string_view payload) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : payload) h = (h ^ c) * 1099511628211ULL;
  std::string out(payload);
  char buf[8];
  std::memcpy(buf, &h, 8);
  out.append(buf, 8);
  return out;
}

void Exercise(std::string_view bytes) {
  storyline::Result<storyline::DependencyParser> p = storyline::DependencyParser::FromBytes(bytes);
  if (!p.ok()) {
    Check(p.status().code() == storyline::StatusCode::kCorruption);
    return;
  }
  const std::vector<std::string> words = {"The", "zoo", "houses", "1,100", "animals", "."};
  const std::vector<storyline::DepToken> t = p->Parse(words);
  Check(t.size() == words.size());
  int roots = 0;
  for (const storyline::DepToken& d : t) {
    Check(d.head >= -1 && d.head < static_cast<int>(t.size()));
    roots += d.head < 0;
  }
  Check(roots == 1);
  const std::string again = p->Serialize();
  storyline::Result<storyline::DependencyParser> q = storyline::DependencyParser::FromBytes(again);
  Check(q.ok());
  Check(q->Serialize() == again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  Exercise(in);
  Exercise(Sealed(in));
  return 0;
}
