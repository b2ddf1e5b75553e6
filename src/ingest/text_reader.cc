// Plain-text and single-page HTML files: one Document per file.
#include <string>

#include "ingest/encoding.h"
#include "ingest/readers.h"

namespace storyline::ingest {
namespace {

constexpr std::string_view kDateMarker = "date";
constexpr size_t kIsoDateLength = 10;  // "YYYY-MM-DD"

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsBlank(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// CRLF and lone CR become LF, so paragraphs are always "\n\n"-separated.
void NormalizeNewlines(std::string* s) {
  if (s->find('\r') == std::string::npos) return;
  std::string out;
  out.reserve(s->size());
  for (size_t i = 0; i < s->size(); ++i) {
    const char c = (*s)[i];
    if (c != '\r') {
      out.push_back(c);
    } else if (i + 1 >= s->size() || (*s)[i + 1] != '\n') {
      out.push_back('\n');
    }
  }
  s->swap(out);
}

// Splits " date YYYY-MM-DD Title" into the date and the title; leaves both
// untouched when the line has no marker.
void TakeDateMarker(std::string_view* title, std::string* published) {
  std::string_view t = Trim(*title);
  if (t.substr(0, kDateMarker.size()) != kDateMarker) return;
  std::string_view rest = t.substr(kDateMarker.size());
  if (rest.empty() || !IsBlank(rest.front())) return;
  rest = Trim(rest);
  const std::string date = IsoDatePrefix(rest.substr(0, kIsoDateLength + 1));
  if (date.size() != kIsoDateLength) return;
  if (rest.size() > kIsoDateLength && !IsBlank(rest[kIsoDateLength])) return;
  *published = date;
  *title = Trim(rest.substr(kIsoDateLength));
}

// Next non-blank line at or after `*pos`, trimmed; advances `*pos` past it.
std::string_view NextLine(std::string_view s, size_t* pos) {
  while (*pos < s.size()) {
    size_t end = s.find('\n', *pos);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view line = Trim(s.substr(*pos, end - *pos));
    *pos = end + 1;
    if (!line.empty()) return line;
  }
  return {};
}

}  // namespace

Status ReadTextFile(ReadContext& ctx, std::string_view bytes) {
  if (bytes.size() > ctx.options().max_record_bytes) return RecordTooLarge(ctx, 0, bytes.size());
  Result<std::string> text = DecodeToUtf8(bytes, "", false, {&ctx.name(), 0}, ctx.reporter());
  if (!text.ok()) return text.status();
  std::string& s = *text;
  NormalizeNewlines(&s);

  size_t pos = 0;
  std::string_view title = NextLine(s, &pos);
  if (title.empty()) return Status::InvalidInput(ctx.name() + ": no text, only whitespace");
  Document d;
  TakeDateMarker(&title, &d.published);
  // A marker line with no title after it: the title is on the next line.
  if (title.empty()) title = NextLine(s, &pos);
  d.title = std::string(title);
  d.body = std::string(Trim(std::string_view(s).substr(std::min(pos, s.size()))));
  if (d.title.empty() && d.body.empty()) return Status::InvalidInput(ctx.name() + ": no text, only a date marker");
  ctx.SetFallbackIdentity(d, 0);
  d.source = ctx.name();
  d.format = DocumentFormat::kText;
  ctx.Deliver(std::move(d));
  return Status::Ok();
}

Status ReadHtmlFile(ReadContext& ctx, std::string_view bytes) {
  if (bytes.size() > ctx.options().max_record_bytes) return RecordTooLarge(ctx, 0, bytes.size());
  Result<std::string> html = DecodeToUtf8(bytes, "", true, {&ctx.name(), 0}, ctx.reporter());
  if (!html.ok()) return html.status();
  Document d;
  d.source = ctx.name();
  d.format = DocumentFormat::kHtml;
  d.body = std::move(*html);
  ctx.SetFallbackIdentity(d, 0);
  ctx.Deliver(std::move(d));
  return Status::Ok();
}

}  // namespace storyline::ingest
