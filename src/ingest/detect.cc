// Format detection and file-name helpers.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "ingest/encoding.h"
#include "ingest/gzip.h"
#include "ingest/readers.h"
#include "storyline/ingest.h"

namespace storyline {
namespace {

// HTML markup is expected within the first KiB (after a doctype, comments or
// an XML declaration); later markup in a text file is quoted, not structure.
constexpr size_t kMarkupWindow = 1024;
// A WARC file named .warc may start with junk (a truncated record); its next
// record header is looked for this far in before calling it something else.
constexpr size_t kWarcResyncWindow = 64 * 1024;
// How far a .jsonl file may start with non-object lines before we stop
// trusting the name.
constexpr size_t kJsonlWindow = 4096;
// UTF-16 input is narrowed for sniffing; twice the markup window covers it.
constexpr size_t kUtf16SniffBytes = 2 * kMarkupWindow;

// Extensions stripped from ids; compression suffixes first.
constexpr std::array<std::string_view, 3> kCompressionExt = {".gz", ".gzip", ".z"};
constexpr std::array<std::string_view, 11> kFormatExt = {
    ".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json", ".warc", ".arc", ".md"};

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view SkipSpace(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  return s.substr(i);
}

// The lower-cased format extension of `name` once compression suffixes are
// gone (".html" for "a.HTML.gz"), or "".
std::string FormatExtension(std::string_view name) {
  std::string l = AsciiLower(name);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view ext : kCompressionExt) {
      if (EndsWith(l, ext) && l.size() > ext.size()) {
        l.resize(l.size() - ext.size());
        again = true;
      }
    }
  }
  for (std::string_view ext : kFormatExt) {
    if (EndsWith(l, ext)) return std::string(ext);
  }
  return "";
}

bool HasHtmlMarkup(std::string_view s) {
  static constexpr std::array<std::string_view, 7> kOpeners = {
      "<!doctype", "<html", "<head", "<body", "<p", "<div", "<meta"};
  const std::string head = AsciiLower(s.substr(0, kMarkupWindow));
  for (std::string_view tag : kOpeners) {
    for (size_t pos = head.find(tag); pos != std::string::npos; pos = head.find(tag, pos + 1)) {
      const size_t after = pos + tag.size();
      // "<p" must be the whole tag name: "<p>" or "<p class", not "<pre".
      if (after >= head.size() || head[after] == '>' || IsSpace(head[after]) || head[after] == '/') {
        return true;
      }
    }
  }
  return false;
}

// True when a line in the first `window` bytes starts with `prefix`.
bool SomeLineStartsWith(std::string_view s, std::string_view prefix, size_t window) {
  const std::string_view head = s.substr(0, window);
  for (size_t pos = 0; pos < head.size();) {
    if (head.substr(pos, prefix.size()) == prefix) return true;
    const size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return false;
}

// The low bytes of the UTF-16 code units after a BOM: enough to recognise
// ASCII markup in a UTF-16 file.
std::string NarrowUtf16Head(std::string_view bytes) {
  const bool little = bytes[0] == '\xFF';
  const std::string_view units = bytes.substr(2, kUtf16SniffBytes);
  std::string out;
  for (size_t i = 0; i + 1 < units.size(); i += 2) {
    const char lo = little ? units[i] : units[i + 1];
    const char hi = little ? units[i + 1] : units[i];
    out.push_back(hi == 0 ? lo : '?');
  }
  return out;
}

}  // namespace

const char* InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kText: return "text";
    case InputFormat::kHtml: return "html";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kWarc: return "warc";
    case InputFormat::kUnknown: break;
  }
  return "unknown";
}

InputFormat DetectFormat(std::string_view name, std::string_view bytes) {
  const std::string ext = FormatExtension(name);
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    // UTF-16 text: only the text and HTML readers decode it.
    const InputFormat f = DetectFormat(name, NarrowUtf16Head(bytes));
    return f == InputFormat::kHtml ? f : InputFormat::kText;
  }
  if (bytes.empty() || ingest::IsGzip(bytes)) return InputFormat::kUnknown;
  const std::string_view t = SkipSpace(bytes);
  // Before the binary check: WARC records may hold images and gzip data.
  if (t.substr(0, 7) == "WARC/1.") return InputFormat::kWarc;
  if (ingest::LooksBinary(bytes)) return InputFormat::kUnknown;
  if (!t.empty() && t[0] == '{') {
    const std::string_view inner = SkipSpace(t.substr(1));
    if (!inner.empty() && (inner[0] == '"' || inner[0] == '}')) return InputFormat::kJsonl;
  }
  if (HasHtmlMarkup(t)) return InputFormat::kHtml;
  // Nothing decisive in the content: the name breaks the tie.
  if (ext == ".warc" && SomeLineStartsWith(bytes, "WARC/1.", kWarcResyncWindow)) {
    return InputFormat::kWarc;
  }
  if ((ext == ".jsonl" || ext == ".ndjson" || ext == ".json") &&
      SomeLineStartsWith(bytes, "{", kJsonlWindow)) {
    return InputFormat::kJsonl;
  }
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::kHtml;
  if (!t.empty() && t[0] == '<' && t.size() > 1 &&
      (std::isalpha(static_cast<unsigned char>(t[1])) || t[1] == '!' || t[1] == '?') &&
      ext != ".txt" && ext != ".text" && ext != ".md") {
    return InputFormat::kHtml;  // unfamiliar markup is still markup
  }
  return InputFormat::kText;
}

namespace ingest {

std::string FileStem(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  std::string base(slash == std::string_view::npos ? path : path.substr(slash + 1));
  for (bool again = true; again;) {
    again = false;
    const std::string l = AsciiLower(base);
    auto strip = [&](std::string_view ext) {
      if (!again && EndsWith(l, ext) && l.size() > ext.size()) {
        base.resize(base.size() - ext.size());
        again = true;
      }
    };
    std::for_each(kCompressionExt.begin(), kCompressionExt.end(), strip);
    std::for_each(kFormatExt.begin(), kFormatExt.end(), strip);
  }
  return base;
}

}  // namespace ingest
}  // namespace storyline
