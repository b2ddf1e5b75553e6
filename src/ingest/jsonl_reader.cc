// JSON Lines: one article object per line, parsed with simdjson's DOM API.
#include <simdjson.h>

#include <cstring>
#include <string>

#include "ingest/encoding.h"
#include "ingest/gzip.h"
#include "ingest/readers.h"

namespace storyline::ingest {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// A record whose invalid UTF-8 exceeds 1 in 10 bytes is not text.
constexpr size_t kMaxInvalidPerTen = 1;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsBlankLine(std::string_view line) {
  for (char c : line) {
    if (!IsJsonSpace(c)) return false;
  }
  return true;
}

const char* TypeName(simdjson::dom::element_type t) {
  switch (t) {
    case simdjson::dom::element_type::ARRAY: return "an array";
    case simdjson::dom::element_type::OBJECT: return "an object";
    case simdjson::dom::element_type::STRING: return "a string";
    case simdjson::dom::element_type::NULL_VALUE: return "null";
    case simdjson::dom::element_type::BOOL: return "a boolean";
    default: return "a number";
  }
}

// The fields we take from a record, pointing into the parser's memory
// (valid until the next parse).
struct Fields {
  std::string_view id, url, title, date, published, outlet, author, text, html;
  std::string id_number;  // an id written as a JSON number
};

std::string_view* Slot(Fields& f, std::string_view key) {
  if (key == "id") return &f.id;
  if (key == "url") return &f.url;
  if (key == "title") return &f.title;
  if (key == "date") return &f.date;
  if (key == "published") return &f.published;
  if (key == "outlet") return &f.outlet;
  if (key == "author") return &f.author;
  if (key == "text") return &f.text;
  if (key == "html") return &f.html;
  return nullptr;
}

// Fills `f` from the object; warns about fields of the wrong type.
void TakeFields(ReadContext& ctx, size_t line, simdjson::dom::object obj, Fields& f) {
  for (simdjson::dom::key_value_pair kv : obj) {
    std::string_view* slot = Slot(f, kv.key);
    if (slot == nullptr) continue;
    const simdjson::dom::element v = kv.value;
    if (v.is_string()) {
      *slot = v.get_string().value_unsafe();
    } else if (kv.key == "id" && v.is_number()) {
      f.id_number = simdjson::minify(v);
      f.id = f.id_number;
    } else if (!v.is_null()) {
      ctx.reporter().Warn(ctx.At(line) + ": field \"" + std::string(kv.key) + "\" is " +
                          TypeName(v.type()) + ", not a string; ignored");
    }
  }
}

void BuildDocument(ReadContext& ctx, size_t line, Fields& f) {
  const bool use_text = !f.text.empty();
  if (!use_text && f.html.empty()) {
    ctx.Reject(Status::InvalidInput(ctx.At(line) + ": record has neither \"text\" nor \"html\""));
    return;
  }
  const std::string_view body = use_text ? f.text : f.html;
  if (LooksBinary(body)) {
    ctx.Reject(Status::InvalidInput(ctx.At(line) + ": binary data, not an article"));
    return;
  }
  Document d;
  d.id = CleanField(f.id);
  d.source = ctx.At(line);
  d.url = std::string(f.url);
  d.title = std::string(f.title);
  d.outlet = std::string(f.outlet);
  d.author = std::string(f.author);
  const std::string date = CleanField(f.date.empty() ? f.published : f.date);
  if (!date.empty()) {
    d.published = IsoDatePrefix(date);
    if (d.published.empty()) {
      ctx.reporter().Warn(ctx.At(line) + ": unrecognised date \"" + date + "\" ignored");
    }
  }
  // Prefer the publisher's own text over markup the cleaner would extract
  // text from; the html is kept only when there is no text.
  d.format = use_text ? DocumentFormat::kText : DocumentFormat::kHtml;
  d.body = std::string(body);
  NormalizeNfc(&d.body);  // simdjson has validated the UTF-8
  // A record's "id" names it wherever it appears; without one its URL does;
  // without either, its place in the file (or its content, on stdin).
  if (!d.id.empty()) {
    d.origin = "jsonl:" + d.id;
  } else {
    ctx.SetFallbackIdentity(d, line);
    if (!d.url.empty()) d.origin = "url:" + d.url;
  }
  ctx.Deliver(std::move(d));
}

// Parses one non-blank line of at most max_record_bytes; `readable_after` is
// how many bytes after the line may be read (simdjson needs padding).
void ReadLine(ReadContext& ctx, simdjson::dom::parser& parser, std::string_view line,
              size_t readable_after, size_t line_no, std::string& scratch) {
  simdjson::dom::element root;
  simdjson::error_code err =
      parser.parse(line.data(), line.size(), readable_after < simdjson::SIMDJSON_PADDING).get(root);
  if (err == simdjson::UTF8_ERROR) {
    scratch.clear();
    const Utf8Repair r = RepairUtf8(line, &scratch);
    if (r.invalid_bytes * 10 > line.size() * kMaxInvalidPerTen) {
      ctx.Reject(Status::InvalidInput(ctx.At(line_no) + ": mostly invalid UTF-8 (" +
                                      std::to_string(r.invalid_bytes) + " of " +
                                      std::to_string(line.size()) + " bytes), not an article"));
      return;
    }
    ctx.reporter().Warn(ctx.At(line_no) + ":" + std::to_string(r.first_invalid + 1) +
                        ": invalid UTF-8 replaced (" + std::to_string(r.invalid_bytes) + " bytes)");
    err = parser.parse(scratch).get(root);
  }
  if (err) {
    ctx.Reject(Status::InvalidInput(ctx.At(line_no) + ": not valid JSON (" +
                                    simdjson::error_message(err) + ")"));
    return;
  }
  simdjson::dom::object obj;
  if (root.get_object().get(obj)) {
    ctx.Reject(Status::InvalidInput(ctx.At(line_no) + ": not valid JSON (the line is " +
                                    TypeName(root.type()) + ", not an object)"));
    return;
  }
  Fields f;
  TakeFields(ctx, line_no, obj, f);
  BuildDocument(ctx, line_no, f);
}

}  // namespace

static_assert(kReadPadding >= simdjson::SIMDJSON_PADDING, "lines are parsed in place");

Status ReadJsonl(ReadContext& ctx, std::string_view bytes, size_t padding, bool truncated) {
  if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) bytes.remove_prefix(kUtf8Bom.size());
  simdjson::dom::parser parser;  // reused across lines: buffers grow once
  std::string scratch;
  const size_t n = bytes.size();
  size_t pos = 0;
  for (size_t line_no = 1; pos < n && !ctx.stopped(); ++line_no) {
    const void* nl = std::memchr(bytes.data() + pos, '\n', n - pos);
    // A cut stream's last line may be cut too: never read a partial record.
    if (nl == nullptr && truncated) break;
    const size_t end = nl == nullptr ? n : static_cast<size_t>(static_cast<const char*>(nl) - bytes.data());
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    if (IsBlankLine(line)) continue;
    if (line.back() == '\r') line.remove_suffix(1);
    if (line.size() > ctx.options().max_record_bytes) {
      ctx.Reject(RecordTooLarge(ctx, line_no, line.size()));
      continue;
    }
    const size_t readable_after = n - (line.data() + line.size() - bytes.data()) + padding;
    ReadLine(ctx, parser, line, readable_after, line_no, scratch);
  }
  return Status::Ok();
}

}  // namespace storyline::ingest
