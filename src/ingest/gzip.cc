#include "ingest/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

namespace storyline::ingest {
namespace {

// zlib's windowBits: 15 = 32 KiB window (the maximum, what gzip writes);
// +16 selects the gzip wrapper, a negative value raw deflate, 15 alone zlib.
constexpr int kGzipWindowBits = 15 + 16;
constexpr int kZlibWindowBits = 15;
constexpr int kRawDeflateWindowBits = -15;

// Initial output guess when the gzip trailer gives none: news HTML and JSON
// compress 4-8x, so 8x the input rarely needs a regrow.
constexpr size_t kGuessRatio = 8;
// Upper bound on trusting the trailer's size field, which a damaged or
// truncated file can set to anything: no text compresses better than ~40x.
constexpr size_t kMaxTrustedRatio = 40;
constexpr size_t kMinOutput = 4096;

struct InflateGuard {
  z_stream* zs;
  ~InflateGuard() { inflateEnd(zs); }
};

uint32_t TrailerSize(std::string_view in) {
  if (in.size() < 18) return 0;  // 10-byte header + 8-byte trailer minimum
  const auto* p = reinterpret_cast<const unsigned char*>(in.data() + in.size() - 4);
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

bool AllZero(const unsigned char* p, size_t n) {
  return std::all_of(p, p + n, [](unsigned char c) { return c == 0; });
}

// Doubles the content capacity of `out`, never past `limit`, keeping room
// for kReadPadding bytes after it.
void Grow(GunzipOutput& out, size_t& capacity, size_t limit) {
  const size_t next = std::min(limit, std::max(capacity * 2, kMinOutput));
  auto bigger = std::make_unique_for_overwrite<char[]>(next + kReadPadding);
  std::memcpy(bigger.get(), out.data.get(), out.size);
  out.data = std::move(bigger);
  capacity = next;
}

void ZeroPadding(GunzipOutput& out) { std::memset(out.data.get() + out.size, 0, kReadPadding); }

GunzipOutput DecompressUnpadded(std::string_view in, size_t max_out, int window_bits, size_t hint) {
  GunzipOutput out;
  // Room for one byte beyond the limit, so "exceeds" is detectable.
  const size_t limit = max_out == SIZE_MAX ? max_out - kReadPadding : max_out + 1;
  size_t capacity = std::min(limit, std::max(hint, kMinOutput));
  out.data = std::make_unique_for_overwrite<char[]>(capacity + kReadPadding);

  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) {
    out.status = Status::Internal("zlib initialisation failed");
    return out;
  }
  InflateGuard guard{&zs};
  const auto* next_in = reinterpret_cast<const unsigned char*>(in.data());
  size_t left_in = in.size();

  for (;;) {
    if (out.size == capacity) {
      if (capacity >= limit) {
        out.status = Status::InvalidInput("decompressed data exceeds the " +
                                          std::to_string(max_out) + "-byte limit");
        out.size = std::min(out.size, max_out);
        return out;
      }
      Grow(out, capacity, limit);
    }
    // zlib counts in uInt; feed and drain in pieces that fit.
    const uInt feed = static_cast<uInt>(std::min<size_t>(left_in, UINT_MAX));
    const uInt room = static_cast<uInt>(std::min<size_t>(capacity - out.size, UINT_MAX));
    zs.next_in = const_cast<unsigned char*>(next_in);
    zs.avail_in = feed;
    zs.next_out = reinterpret_cast<unsigned char*>(out.data.get() + out.size);
    zs.avail_out = room;
    const int ret = inflate(&zs, Z_NO_FLUSH);
    next_in += feed - zs.avail_in;
    left_in -= feed - zs.avail_in;
    out.size += room - zs.avail_out;

    if (ret == Z_STREAM_END) {
      if (window_bits != kGzipWindowBits || left_in == 0) return out;
      if (left_in >= 2 && next_in[0] == 0x1f && next_in[1] == 0x8b) {
        inflateReset(&zs);  // next member of a multi-member file
        continue;
      }
      // Tape and block devices pad with zeroes; anything else is worth a word.
      if (!AllZero(next_in, left_in)) {
        out.warning = std::to_string(left_in) + " bytes of trailing garbage after gzip data ignored";
      }
      return out;
    }
    if (ret == Z_OK) continue;
    if (ret == Z_BUF_ERROR && zs.avail_out == 0) continue;  // output full: grow
    if (ret == Z_BUF_ERROR && left_in == 0) {
      out.truncated = true;
      out.status = Status::Corruption("truncated gzip data (input ends after " +
                                      std::to_string(in.size()) + " compressed bytes, " +
                                      std::to_string(out.size) + " bytes decoded)");
      return out;
    }
    const size_t at = in.size() - left_in;
    out.status = Status::Corruption(std::string("corrupt compressed data at byte ") +
                                    std::to_string(at) + " (zlib: " +
                                    (zs.msg != nullptr ? zs.msg : "error " + std::to_string(ret)) +
                                    ")");
    return out;
  }
}

GunzipOutput Decompress(std::string_view in, size_t max_out, int window_bits, size_t hint) {
  GunzipOutput out = DecompressUnpadded(in, max_out, window_bits, hint);
  if (out.data != nullptr) ZeroPadding(out);
  return out;
}

}  // namespace

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

GunzipOutput Gunzip(std::string_view in, size_t max_out) {
  const size_t trailer = TrailerSize(in);
  // The trailer holds the size of the last member only: trusted when it is
  // plausible for the whole input (a single member), else a ratio guess.
  size_t hint = in.size() * kGuessRatio;
  if (trailer >= in.size() / 2 && trailer / kMaxTrustedRatio <= in.size()) hint = trailer;
  return Decompress(in, max_out, kGzipWindowBits, hint);
}

GunzipOutput Inflate(std::string_view in, size_t max_out) {
  GunzipOutput out = Decompress(in, max_out, kZlibWindowBits, in.size() * kGuessRatio);
  if (out.status.ok() || out.size > 0) return out;
  // Many servers label raw deflate as "deflate"; retry without the wrapper.
  return Decompress(in, max_out, kRawDeflateWindowBits, in.size() * kGuessRatio);
}

}  // namespace storyline::ingest
