// Fuzz target: ReadBuffer on bytes named as "input.jsonl.gz".
// Exercises gzip framing: multi-member, truncation, trailing garbage, then whatever
// format the decompressed bytes hold.
#include <cstddef>
#include <cstdint>

#include "ingest_fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return storyline::fuzz::CheckReader("input.jsonl.gz", data, size);
}
