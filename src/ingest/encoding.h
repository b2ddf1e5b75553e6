// encoding.h: turning raw bytes into valid NFC UTF-8 (private to ingest).
//
//   Result<std::string> text = DecodeToUtf8(raw, "iso-8859-1", /*html=*/true,
//                                           {&file_name, 1}, reporter);
//
// Charset precedence: a BOM (as HTML5: it cannot lie), then the declared
// charset (HTTP header or the container), then <meta>/<?xml?> in the first
// 4 KiB (HTML only), then UTF-8 when the bytes are valid UTF-8, then ICU
// detection (ucsdet), then windows-1252. Non-ASCII bytes that are valid UTF-8
// are read as UTF-8 whatever the label says (mislabelled pages are common,
// legacy text that happens to be valid UTF-8 is not). Thread-safety: pure
// functions (ICU converters are opened per call).
#ifndef STORYLINE_INGEST_ENCODING_H_
#define STORYLINE_INGEST_ENCODING_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "storyline/reporter.h"
#include "storyline/status.h"

namespace storyline::ingest {

// Where a run of bytes starts, for messages: "file:LINE:COL".
struct Origin {
  const std::string* file;  // must outlive the call
  // 1-based line of the first byte. 0: the bytes are a whole file, so
  // record-level messages name only the file ("file: binary data, ...").
  size_t line = 0;
};

// True when every byte is below 0x80.
bool IsAscii(std::string_view s);

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or >U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Counts from RepairUtf8.
struct Utf8Repair {
  size_t invalid_bytes = 0;      // bytes that were replaced
  size_t valid_multibyte = 0;    // well-formed sequences of 2-4 bytes
  size_t valid_long = 0;         // of which 3-4 bytes long
  size_t first_invalid = 0;      // offset of the first replaced byte
};

// Appends `in` to `out` with every ill-formed subsequence replaced by U+FFFD
// (one per maximal subpart, as the Unicode standard recommends).
Utf8Repair RepairUtf8(std::string_view in, std::string* out);

// Normalises valid UTF-8 to NFC in place; cheap when it already is.
// REQUIRES: IsValidUtf8(*s).
void NormalizeNfc(std::string* s);

// Valid, NFC UTF-8 for a metadata field (id, url, title...): invalid bytes
// become U+FFFD silently, surrounding whitespace is trimmed.
std::string CleanField(std::string_view s);

// True for data that is not text: a NUL byte or many control characters in
// the first KiB (text starting with a UTF-16/32 BOM is not binary).
bool LooksBinary(std::string_view s);

// The charset parameter of a MIME Content-Type ("text/html; charset=UTF-8"),
// lower-cased and unquoted, or "" when absent.
std::string CharsetFromContentType(std::string_view content_type);

// The charset declared by <meta charset>, <meta http-equiv content=...> or an
// XML declaration within the first 4 KiB of `html`, lower-cased, or "".
std::string SniffHtmlCharset(std::string_view html);

// Converts `raw` to valid NFC UTF-8. `declared` may be "" (unknown). Invalid
// UTF-8 is replaced with U+FFFD and reported via reporter.Warn
// ("file:LINE:COL: invalid UTF-8 replaced (N bytes)"). Returns kInvalidInput
// when the bytes are binary ("file:LINE: binary data, not an article") or when
// more than a tenth of them are invalid UTF-8.
Result<std::string> DecodeToUtf8(std::string_view raw, std::string_view declared, bool html,
                                 const Origin& origin, Reporter& reporter);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_ENCODING_H_
