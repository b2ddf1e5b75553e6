// WARC/1.0 and 1.1: response and resource records with HTML or text payloads.
#include <algorithm>
#include <charconv>
#include <string>

#include "ingest/encoding.h"
#include "ingest/gzip.h"
#include "ingest/readers.h"

namespace storyline::ingest {
namespace {

constexpr std::string_view kWarcMagic = "WARC/1.";
// WARC and HTTP header blocks are well under 4 KiB in practice; a block with
// no blank line in 64 KiB means we are reading garbage, not a header.
constexpr size_t kMaxHeaderBytes = 64 * 1024;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Offset just past the blank line ending the header block at the start of
// `s`, or npos.
size_t HeaderEnd(std::string_view s) {
  const std::string_view w = s.substr(0, kMaxHeaderBytes);
  const size_t crlf = w.find("\r\n\r\n");
  const size_t lf = w.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
  if (lf != std::string_view::npos && (crlf == std::string_view::npos || lf < crlf)) return lf + 2;
  return crlf + 4;
}

// Calls f(name, value) for each "Name: value" line after the first line.
template <typename F>
void ForEachHeader(std::string_view block, F f) {
  size_t pos = block.find('\n');
  while (pos != std::string_view::npos && pos + 1 < block.size()) {
    const size_t start = pos + 1;
    pos = block.find('\n', start);
    const std::string_view line = block.substr(start, pos == std::string_view::npos ? pos : pos - start);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    f(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  }
}

// Start of the next line beginning with "WARC/1." at or after `from`.
size_t FindRecordStart(std::string_view s, size_t from) {
  for (size_t pos = s.find(kWarcMagic, from); pos != std::string_view::npos;
       pos = s.find(kWarcMagic, pos + 1)) {
    if (pos == 0 || s[pos - 1] == '\n') return pos;
  }
  return std::string_view::npos;
}

struct WarcHeader {
  std::string_view type, record_id, target_uri, content_type;
  size_t length = 0;
  bool has_length = false;
};

WarcHeader ParseWarcHeader(std::string_view block) {
  WarcHeader h;
  ForEachHeader(block, [&](std::string_view name, std::string_view value) {
    if (IEquals(name, "WARC-Type")) h.type = value;
    if (IEquals(name, "WARC-Record-ID")) h.record_id = value;
    if (IEquals(name, "WARC-Target-URI")) h.target_uri = value;
    if (IEquals(name, "Content-Type")) h.content_type = value;
    if (IEquals(name, "Content-Length")) {
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), h.length);
      h.has_length = ec == std::errc() && end == value.data() + value.size();
    }
  });
  return h;
}

std::string_view StripAngles(std::string_view s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  return s;
}

// "<urn:uuid:1234-...>" -> "1234-...".
std::string RecordId(std::string_view raw) {
  std::string_view s = StripAngles(raw);
  constexpr std::string_view kUuid = "urn:uuid:";
  if (IEquals(s.substr(0, kUuid.size()), kUuid)) s.remove_prefix(kUuid.size());
  return std::string(s);
}

// Decodes chunked transfer coding. Returns false (out unchanged) when `in`
// does not start like a chunked body: crawlers often store the payload
// already decoded but keep the header.
bool Dechunk(std::string_view in, std::string* out, bool* complete) {
  size_t pos = 0;
  *complete = false;
  std::string result;
  while (pos < in.size()) {
    const size_t eol = in.find('\n', pos);
    if (eol == std::string_view::npos) break;
    std::string_view size_line = in.substr(pos, eol - pos);
    size_line = Trim(size_line.substr(0, size_line.find(';')));
    size_t size = 0;
    const auto [end, ec] = std::from_chars(size_line.data(), size_line.data() + size_line.size(), size, 16);
    if (ec != std::errc() || end != size_line.data() + size_line.size() || size_line.empty()) break;
    pos = eol + 1;
    if (size == 0) {
      *complete = true;
      break;
    }
    const size_t take = std::min(size, in.size() - pos);
    result.append(in.substr(pos, take));
    pos += take;
    if (take < size) break;
    if (in.substr(pos, 2) == "\r\n") pos += 2;
    else if (in.substr(pos, 1) == "\n") pos += 1;
  }
  if (result.empty() && !*complete) return false;
  out->swap(result);
  return true;
}

// What a record carries once HTTP framing is removed.
struct Payload {
  std::string_view bytes;
  std::string media_type;  // lower-case "type/subtype", "" if not given
  std::string content_type;
  std::string transfer_encoding, content_encoding;
  size_t line = 0;  // line of the payload's first byte in the file
  bool skip = false;
};

// Splits an HTTP response block. Non-2xx responses are marked skip.
Payload FromHttp(ReadContext& ctx, std::string_view block, size_t block_line, size_t record_line) {
  Payload p;
  const size_t end = HeaderEnd(block);
  if (end == std::string_view::npos) {
    ctx.Reject(Status::InvalidInput(ctx.At(record_line) + ": malformed HTTP response (headers never end)"));
    p.skip = true;
    return p;
  }
  const std::string_view head = block.substr(0, end);
  const size_t sp = head.find(' ');
  int code = 0;
  if (sp != std::string_view::npos) std::from_chars(head.data() + sp + 1, head.data() + head.size(), code);
  // Redirects, errors and "not modified" carry no article.
  constexpr int kFirstSuccess = 200, kFirstRedirect = 300;
  if (code < kFirstSuccess || code >= kFirstRedirect) p.skip = true;
  ForEachHeader(head, [&](std::string_view name, std::string_view value) {
    if (IEquals(name, "Content-Type")) p.content_type = std::string(value);
    if (IEquals(name, "Transfer-Encoding")) p.transfer_encoding = Lower(value);
    if (IEquals(name, "Content-Encoding")) p.content_encoding = Lower(value);
  });
  p.bytes = block.substr(end);
  p.line = block_line + static_cast<size_t>(std::count(head.begin(), head.end(), '\n'));
  return p;
}

std::string MediaType(std::string_view content_type) {
  return Lower(Trim(content_type.substr(0, content_type.find(';'))));
}

// Undoes transfer and content codings; returns false (after reporting) when
// the payload cannot be used. `storage` owns decoded bytes.
bool Unwrap(ReadContext& ctx, Payload& p, size_t record_line, std::string& storage, GunzipOutput& gz) {
  if (p.transfer_encoding.find("chunked") != std::string::npos) {
    bool complete = false;
    if (Dechunk(p.bytes, &storage, &complete)) {
      if (!complete) ctx.reporter().Warn(ctx.At(record_line) + ": chunked payload ends early; kept what arrived");
      p.bytes = storage;
    }
  }
  const std::string& ce = p.content_encoding;
  if (ce.empty() || ce == "identity") return true;
  const bool gzip = ce == "gzip" || ce == "x-gzip";
  if (gzip && !IsGzip(p.bytes)) return true;  // stored already decoded
  if (gzip || ce == "deflate") {
    const size_t limit = ctx.options().max_record_bytes;
    gz = gzip ? Gunzip(p.bytes, limit) : Inflate(p.bytes, limit);
    if (!gz.status.ok()) {
      ctx.Reject(gz.status.WithContext(ctx.At(record_line) + ": payload"));
      return false;
    }
    p.bytes = gz.view();
    return true;
  }
  ctx.Reject(Status::Unsupported(ctx.At(record_line) + ": Content-Encoding \"" + ce + "\" is not supported"));
  return false;
}

void ReadRecord(ReadContext& ctx, const WarcHeader& h, std::string_view block, size_t record_line,
                size_t block_line) {
  Payload p;
  if (IEquals(h.type, "response")) {
    if (block.substr(0, 5) == "HTTP/") {
      p = FromHttp(ctx, block, block_line, record_line);
      if (p.skip) return;
    } else {
      p.bytes = block;  // e.g. a response captured without its HTTP framing
      p.line = block_line;
    }
  } else if (IEquals(h.type, "resource")) {
    p.bytes = block;
    p.content_type = std::string(h.content_type);
    p.line = block_line;
  } else {
    return;  // request, metadata, warcinfo, revisit...: no article
  }
  p.media_type = MediaType(p.content_type);
  bool html = p.media_type == "text/html" || p.media_type == "application/xhtml+xml";
  if (p.media_type.empty()) {
    html = DetectFormat("", p.bytes) == InputFormat::kHtml;
    if (!html) return;  // no type and no markup: not something we can read
  } else if (!html && p.media_type != "text/plain") {
    return;  // images, scripts, PDFs... are not articles
  }
  if (p.bytes.size() > ctx.options().max_record_bytes) {
    ctx.Reject(RecordTooLarge(ctx, record_line, p.bytes.size()));
    return;
  }
  std::string storage;
  GunzipOutput gz;
  if (!Unwrap(ctx, p, record_line, storage, gz)) return;
  if (Trim(p.bytes).empty()) return;  // an empty 200 response
  // Line numbers only mean something while the payload is the stored bytes.
  const bool decoded = !storage.empty() || gz.size > 0;
  const Origin origin{&ctx.name(), decoded ? record_line : p.line};
  Result<std::string> body =
      DecodeToUtf8(p.bytes, CharsetFromContentType(p.content_type), html, origin, ctx.reporter());
  if (!body.ok()) {
    ctx.Reject(body.status());
    return;
  }
  Document d;
  d.source = ctx.At(record_line);
  d.url = std::string(StripAngles(h.target_uri));
  // WARC-Date is when the page was fetched, not published: left out.
  d.format = html ? DocumentFormat::kHtml : DocumentFormat::kText;
  d.body = std::move(*body);
  // The page is its URL: a later crawl of it is an update. Without one the
  // record's own id stands for it, and without that its place in the file.
  ctx.SetFallbackIdentity(d, record_line);
  const std::string record_id = CleanField(RecordId(h.record_id));
  if (!record_id.empty()) {
    d.id = record_id;
    d.origin = "warc:" + record_id;
  }
  if (!d.url.empty()) d.origin = "url:" + d.url;
  ctx.Deliver(std::move(d));
}

// Tracks the 1-based line number of a position as it moves forward.
class LineTracker {
 public:
  explicit LineTracker(std::string_view s) : s_(s) {}
  void AdvanceTo(size_t to) {
    line_ += static_cast<size_t>(std::count(s_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                            s_.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
    pos_ = to;
  }
  size_t pos() const { return pos_; }
  size_t line() const { return line_; }

 private:
  std::string_view s_;
  size_t pos_ = 0;
  size_t line_ = 1;
};

}  // namespace

Status ReadWarc(ReadContext& ctx, std::string_view bytes, bool truncated) {
  constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
  if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) bytes.remove_prefix(kUtf8Bom.size());
  const size_t n = bytes.size();
  LineTracker at(bytes);
  bool quiet = false;  // garbage after a reported bad record is not reported again
  while (!ctx.stopped()) {
    size_t p = at.pos();
    while (p < n && IsSpace(bytes[p])) ++p;
    at.AdvanceTo(p);
    if (p >= n) break;
    if (bytes.substr(p, kWarcMagic.size()) != kWarcMagic) {
      const size_t next = FindRecordStart(bytes, p);
      if (!quiet) {
        ctx.reporter().Warn(ctx.At(at.line()) + ": skipped " + std::to_string((next == std::string_view::npos ? n : next) - p) +
                            " bytes that are not a WARC record");
      }
      if (next == std::string_view::npos) break;
      at.AdvanceTo(next);
      p = next;
    }
    quiet = false;
    const size_t record_line = at.line();
    const size_t head_len = HeaderEnd(bytes.substr(p));
    if (head_len == std::string_view::npos) {
      if (truncated && n - p < kMaxHeaderBytes) break;  // the cut went through this header
      ctx.Reject(Status::Corruption(ctx.At(record_line) + ": WARC header never ends"));
      at.AdvanceTo(p + kWarcMagic.size());
      quiet = true;
      continue;
    }
    const WarcHeader h = ParseWarcHeader(bytes.substr(p, head_len));
    const size_t block_start = p + head_len;
    if (!h.has_length) {
      ctx.Reject(Status::InvalidInput(ctx.At(record_line) + ": WARC record has no valid Content-Length"));
      at.AdvanceTo(block_start);
      quiet = true;
      continue;
    }
    if (h.length > n - block_start) {
      if (truncated) break;  // the caller reports the cut
      ctx.Reject(Status::Corruption(ctx.At(record_line) + ": WARC record truncated (Content-Length " +
                                    std::to_string(h.length) + ", only " +
                                    std::to_string(n - block_start) + " bytes left)"));
      at.AdvanceTo(block_start);
      quiet = true;
      continue;
    }
    at.AdvanceTo(block_start);
    ReadRecord(ctx, h, bytes.substr(block_start, h.length), record_line, at.line());
    at.AdvanceTo(block_start + h.length);
  }
  return Status::Ok();
}

}  // namespace storyline::ingest
