// ReadContext and small helpers shared by the readers.
#include <cctype>
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "ingest/encoding.h"
#include "ingest/readers.h"

namespace storyline::ingest {
namespace {
constexpr const char* kUnnamedId = "unnamed";
// 8 hex digits (32 bits) keep a piped article's id short enough to type; two
// piped articles that share them still get distinct ids, because the store
// tells them apart by their full 64-bit origin (a clash, see article.h).
constexpr size_t kStdinIdHexDigits = 8;
}  // namespace

ReadContext::ReadContext(const std::string& name, const std::string& path, const ReadOptions& options,
                         Reporter& reporter, const DocumentSink& sink)
    : name_(name),
      path_(path),
      stem_(CleanField(FileStem(name))),
      options_(options),
      reporter_(reporter),
      sink_(sink) {}

void ReadContext::SetFallbackIdentity(Document& d, size_t line) const {
  if (path_.empty()) {
    // Title and date are hashed with the body: the same text under another
    // headline is another article.
    const uint64_t h = ContentHash(d.title + '\n' + d.published + '\n' + d.body);
    const std::string hex = fmt::format("{:016x}", h);
    d.id = stem_ + "-" + hex.substr(0, kStdinIdHexDigits);
    d.origin = stem_ + ":" + hex;
    return;
  }
  if (line == 0) {
    d.id = stem_;
    d.origin = "file:" + path_;
    return;
  }
  d.id = stem_ + "-" + std::to_string(line);
  d.origin = "file:" + path_ + ":" + std::to_string(line);
}

void ReadContext::Deliver(Document&& doc) {
  if (stopped()) return;
  doc.id = CleanField(doc.id);
  // Readers give a fallback id; this only catches a file named "" or ".gz".
  if (doc.id.empty()) doc.id = stem_.empty() ? kUnnamedId : stem_;
  doc.source = CleanField(doc.source);
  doc.origin = CleanField(doc.origin);
  doc.url = CleanField(doc.url);
  doc.title = CleanField(doc.title);
  doc.published = CleanField(doc.published);
  doc.outlet = CleanField(doc.outlet);
  doc.author = CleanField(doc.author);
  sink_status_ = sink_(std::move(doc));
  ++delivered_;
}

std::string IsoDatePrefix(std::string_view s) {
  auto digits = [&](size_t pos, size_t n) {
    if (s.size() < pos + n) return false;
    for (size_t i = pos; i < pos + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return true;
  };
  auto number = [&](size_t pos, size_t n) { return std::stoi(std::string(s.substr(pos, n))); };
  // What may follow the date part: nothing, a time ("T10:00", " 10:00").
  auto ends_at = [&](size_t pos) { return pos == s.size() || s[pos] == 'T' || s[pos] == 't' || s[pos] == ' '; };
  if (!digits(0, 4)) return "";
  if (ends_at(4)) return std::string(s.substr(0, 4));
  if (s[4] != '-' || !digits(5, 2)) return "";
  const int month = number(5, 2);
  if (month < 1 || month > 12) return "";
  if (ends_at(7)) return std::string(s.substr(0, 7));
  if (s[7] != '-' || !digits(8, 2)) return "";
  const int day = number(8, 2);
  if (day < 1 || day > 31 || !ends_at(10)) return "";
  return std::string(s.substr(0, 10));
}

Status RecordTooLarge(const ReadContext& ctx, size_t line, size_t bytes) {
  return Status::InvalidInput((line == 0 ? ctx.name() : ctx.At(line)) + ": record of " +
                              std::to_string(bytes) + " bytes exceeds the " +
                              std::to_string(ctx.options().max_record_bytes) + "-byte limit");
}

}  // namespace storyline::ingest
