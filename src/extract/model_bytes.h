// model_bytes.h: what the model files the project trains (ner.bin,
// parser.bin) share: the FNV-1a hash their feature rows and checksums use,
// and writing and reading fixed-size values of a little-endian byte string.
//
//   std::string out;
//   model_bytes::Put<uint32_t>(&out, 7);
//   model_bytes::Reader r(out);
//   uint32_t v = 0;
//   if (!r.Get(&v)) ...;                         // false past the end
//   uint64_t sum = model_bytes::Fnv1a(out);      // stable across platforms
//
// Thread-safety: functions are pure; a Reader is one reader's.
#ifndef STORYLINE_EXTRACT_MODEL_BYTES_H_
#define STORYLINE_EXTRACT_MODEL_BYTES_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace storyline::model_bytes {

// FNV-1a: short strings, no dependency, and stable across platforms, which
// the model files rely on (feature rows are hashes, files end in one).
inline constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
inline constexpr uint64_t kFnvPrime = 1099511628211ULL;

inline uint64_t Fnv1a(std::string_view bytes, uint64_t h = kFnvOffset) {
  for (unsigned char c : bytes) h = (h ^ c) * kFnvPrime;
  return h;
}

template <typename T>
void Put(std::string* out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out->append(buf, sizeof(T));
}

// Reads fixed-size values from a byte string, remembering the position;
// every Get* returns false, and reads nothing, past the end.
class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}

  template <typename T>
  bool Get(T* v) {
    if (b_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, b_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetBytes(size_t n, std::string* out) {
    if (b_.size() - pos_ < n) return false;
    out->assign(b_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool GetFloats(size_t n, float* out) {
    if ((b_.size() - pos_) / sizeof(float) < n) return false;
    std::memcpy(out, b_.data() + pos_, n * sizeof(float));
    pos_ += n * sizeof(float);
    return true;
  }
  // An unsigned LEB128 value of at most 32 bits.
  bool GetVarint(uint32_t* v) {
    uint64_t x = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      uint8_t c = 0;
      if (!Get(&c)) return false;
      x |= uint64_t{c & 0x7fu} << shift;
      if ((c & 0x80) == 0) {
        if (x > UINT32_MAX) return false;
        *v = static_cast<uint32_t>(x);
        return true;
      }
    }
    return false;
  }
  size_t pos() const { return pos_; }
  size_t remaining() const { return b_.size() - pos_; }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

}  // namespace storyline::model_bytes

#endif  // STORYLINE_EXTRACT_MODEL_BYTES_H_
