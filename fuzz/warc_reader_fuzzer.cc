// Fuzz target: ReadBuffer on bytes named as "input.warc".
// Exercises WARC: record framing, resync, HTTP headers, chunked and gzip payloads.
#include <cstddef>
#include <cstdint>

#include "ingest_fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return storyline::fuzz::CheckReader("input.warc", data, size);
}
