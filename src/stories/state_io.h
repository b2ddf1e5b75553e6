// state_io.h: the little-endian byte layout in which the stories stage saves
// its incremental state (StoryStream, NearDupIndex, StoryGrouper) for the
// store, and reads it back.
//
//   StateWriter w;  w.U32(7);  w.Str("kim");  std::string bytes = w.Take();
//   StateReader r(bytes);  uint32_t n = r.U32();  std::string s = r.Str();
//   if (!r.ok()) ...  // truncated or damaged: rebuild the state
//
// Vectors of plain values are written as a count and their raw bytes, so a
// saved state of a large store loads at memory speed. The reader never reads
// past its input: after the first short read every value is zero and ok()
// is false, and counts are checked against the bytes left.
//
// Thread-compatible.
#ifndef STORYLINE_STORIES_STATE_IO_H_
#define STORYLINE_STORIES_STATE_IO_H_

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace storyline::stories {

// Values are copied as they lie in memory: the layout is little-endian only
// because the machines we build for are. A big-endian build stops here
// rather than write states that other machines would misread.
static_assert(std::endian::native == std::endian::little, "state_io.h assumes a little-endian machine");

class StateWriter {
 public:
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void I64(int64_t v) { Raw(&v, sizeof v); }
  void F64(double v) { Raw(&v, sizeof v); }
  void Str(std::string_view s) {
    U64(s.size());
    out_.append(s);
  }
  // A vector of trivially copyable values: its count, then its bytes.
  template <typename T>
  void Vec(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(v.size());
    Raw(v.data(), v.size() * sizeof(T));
  }
  std::string Take() { return std::move(out_); }

 private:
  void Raw(const void* p, size_t n) {
    if (n > 0) out_.append(static_cast<const char*>(p), n);
  }
  std::string out_;
};

class StateReader {
 public:
  // `bytes` must outlive the reader.
  explicit StateReader(std::string_view bytes) : in_(bytes) {}
  uint32_t U32() { return Pod<uint32_t>(); }
  uint64_t U64() { return Pod<uint64_t>(); }
  int64_t I64() { return Pod<int64_t>(); }
  double F64() { return Pod<double>(); }
  std::string Str() {
    const uint64_t n = U64();
    if (!ok_ || n > in_.size() - pos_) return Fail<std::string>();
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  template <typename T>
  std::vector<T> Vec() {
    static_assert(std::is_trivially_copyable_v<T>);
    const uint64_t n = U64();
    if (!ok_ || n > (in_.size() - pos_) / sizeof(T)) return Fail<std::vector<T>>();
    std::vector<T> v(n);
    // An empty vector's data() may be null, which memcpy must not get.
    if (n > 0) std::memcpy(v.data(), in_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return v;
  }
  // A count of records to follow, each at least `min_bytes` long: checked
  // against the bytes left, so a damaged count cannot reserve gigabytes.
  uint64_t Count(size_t min_bytes) {
    const uint64_t n = U64();
    if (ok_ && min_bytes > 0 && n > (in_.size() - pos_) / min_bytes) return Fail<uint64_t>();
    return n;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }
  void Invalidate() { ok_ = false; }

 private:
  template <typename T>
  T Pod() {
    if (!ok_ || in_.size() - pos_ < sizeof(T)) return Fail<T>();
    T v;
    std::memcpy(&v, in_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  template <typename T>
  T Fail() {
    ok_ = false;
    pos_ = in_.size();
    return T{};
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_STATE_IO_H_
