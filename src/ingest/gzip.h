// gzip.h: whole-buffer gzip decompression for the readers (private to ingest).
//
//   GunzipOutput out = Gunzip(bytes, options.max_file_bytes);
//   if (!out.status.ok()) { ... out.data still holds what decoded cleanly ... }
//
// Multi-member streams (concatenated gzip files, per-record .warc.gz) are read
// to the end. Thread-safety: pure functions.
#ifndef STORYLINE_INGEST_GZIP_H_
#define STORYLINE_INGEST_GZIP_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline::ingest {

// Bytes kept readable after every buffer the readers hand around, so simdjson
// can parse a line in place (it reads up to this many bytes past the end).
inline constexpr size_t kReadPadding = 64;

// True when `bytes` starts with the gzip magic number 1f 8b.
bool IsGzip(std::string_view bytes);

struct GunzipOutput {
  // Everything decoded before an error: `size` bytes of content followed by
  // kReadPadding zero bytes. Not a std::string: its zero-filling would touch
  // every page of a generously sized buffer.
  std::unique_ptr<char[]> data;
  size_t size = 0;
  // kCorruption (message without the file name: "truncated gzip data after 12
  // compressed bytes") or kInvalidInput when the output would exceed the
  // limit; ok otherwise.
  Status status;
  // True when the error was a clean cut (input ended mid-stream), so every
  // byte in `data` is trustworthy and only the tail is missing.
  bool truncated = false;
  // Non-empty when non-gzip bytes followed the last member (they are ignored).
  std::string warning;
  std::string_view view() const { return std::string_view(data.get(), size); }
};

// Decompresses every gzip member in `in`. Stops with an error once the output
// exceeds `max_out` bytes.
GunzipOutput Gunzip(std::string_view in, size_t max_out);

// Decompresses an HTTP "deflate" body (zlib-wrapped, or raw deflate as some
// servers send). Same limit and error rules as Gunzip.
GunzipOutput Inflate(std::string_view in, size_t max_out);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_GZIP_H_
