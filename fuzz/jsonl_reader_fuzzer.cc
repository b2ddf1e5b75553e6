// Fuzz target: ReadBuffer on bytes named as "input.jsonl".
// Exercises JSON Lines: per-line parsing, field extraction, UTF-8 repair.
#include <cstddef>
#include <cstdint>

#include "ingest_fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return storyline::fuzz::CheckReader("input.jsonl", data, size);
}
