// Fuzz target: ReadBuffer on bytes named as "input.txt".
// Exercises plain text, the fallback: the content still decides, so HTML and
// mislabelled inputs are reached too.
#include <cstddef>
#include <cstdint>

#include "ingest_fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return storyline::fuzz::CheckReader("input.txt", data, size);
}
