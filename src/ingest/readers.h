// readers.h: the per-format readers behind ReadBuffer (private to ingest).
//
// Each reader gets the decompressed bytes of one file and a ReadContext that
// carries the options, the reporter and the sink. Record-level problems go to
// the reporter; a returned non-ok Status means the whole file is unusable.
// Thread-safety: a ReadContext belongs to one call on one thread.
#ifndef STORYLINE_INGEST_READERS_H_
#define STORYLINE_INGEST_READERS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "storyline/ingest.h"

namespace storyline::ingest {

class ReadContext {
 public:
  // All references must outlive the context. `path` is the file's absolute
  // path (the base of Document::origin), "" for an input that is no file
  // (standard input, bytes held in memory: ReadUnnamedBuffer).
  ReadContext(const std::string& name, const std::string& path, const ReadOptions& options,
              Reporter& reporter, const DocumentSink& sink);
  ReadContext(const ReadContext&) = delete;  // holds references; one per call
  ReadContext& operator=(const ReadContext&) = delete;

  const std::string& name() const { return name_; }
  // Default id base: the file name without folders and known extensions.
  const std::string& stem() const { return stem_; }
  const ReadOptions& options() const { return options_; }
  Reporter& reporter() { return reporter_; }

  // "name:LINE".
  std::string At(size_t line) const { return name_ + ":" + std::to_string(line); }

  // Gives `d` (title, date and body filled) the id and origin of an input
  // with no identity of its own. From a file: the stem and "file:PATH" for a
  // one-article file (`line` 0), "STEM-LINE" and "file:PATH:LINE" for a
  // record. From standard input (or another input that is no file: `path`
  // ""), which has no name that lasts, both are derived from the content and
  // the name's stem: "stdin-HEX8" and "stdin:HEX16", so that two different
  // piped articles never share an id.
  void SetFallbackIdentity(Document& d, size_t line) const;

  // Reports a record-level problem.
  void Reject(const Status& why) { reporter_.Reject(why); }

  // Makes every metadata field valid NFC UTF-8 and passes `doc` (whose body
  // must already be valid NFC UTF-8) to the sink. After a sink failure,
  // stopped() is true and the readers return at once.
  void Deliver(Document&& doc);
  bool stopped() const { return !sink_status_.ok(); }
  const Status& sink_status() const { return sink_status_; }
  size_t delivered() const { return delivered_; }

 private:
  const std::string& name_;
  const std::string& path_;
  std::string stem_;
  const ReadOptions& options_;
  Reporter& reporter_;
  const DocumentSink& sink_;
  Status sink_status_;
  size_t delivered_ = 0;
};

// `bytes` is followed by at least `padding` readable bytes (lets the JSONL
// reader parse lines in place). `truncated`: the input was cut short (a
// damaged gzip stream), so the last partial record is dropped silently.
Status ReadTextFile(ReadContext& ctx, std::string_view bytes);
Status ReadHtmlFile(ReadContext& ctx, std::string_view bytes);
Status ReadJsonl(ReadContext& ctx, std::string_view bytes, size_t padding, bool truncated);
Status ReadWarc(ReadContext& ctx, std::string_view bytes, bool truncated);

// "abc" for "dir/abc.html.gz": the base name without known extensions.
std::string FileStem(std::string_view path);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" from the start of an ISO 8601 date or
// timestamp ("2022-11-29T10:00:00Z" gives "2022-11-29"); "" if it is not one.
std::string IsoDatePrefix(std::string_view s);

// "file:LINE: record of N bytes exceeds the M-byte limit" (`line` 0: no LINE).
Status RecordTooLarge(const ReadContext& ctx, size_t line, size_t bytes);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_READERS_H_
