// ingest.h: reading files of any supported format into Documents.
//
//   storyline::CountingReporter rep(&std::cerr);
//   storyline::Status s = storyline::ReadPath("news/", {}, rep,
//       [&](storyline::Document&& d) { docs.push_back(std::move(d)); return storyline::Status::Ok(); });
//
// Formats are detected from content (gzip magic bytes, WARC header, JSON
// object lines, HTML markup), the file name only breaking ties:
//   plain text  first non-empty line is the title, optionally starting with
//               " date YYYY-MM-DD "; id = file stem
//   HTML        one page per file; id = file stem
//   JSONL       one object per line: id, url, title, date, outlet, text|html
//   WARC/1.0    response records with an HTML or text payload
// and any of them gzip-compressed (multi-member gzip included). Bodies are
// converted to UTF-8 (ICU, charset from HTTP headers, <meta>, BOM or
// detection) and NFC-normalised.
//
// Thread-safety: the functions are reentrant; the sink and reporter are called
// from the calling thread only.
#ifndef STORYLINE_INGEST_H_
#define STORYLINE_INGEST_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/reporter.h"
#include "storyline/status.h"

namespace storyline {

enum class InputFormat { kUnknown, kText, kHtml, kJsonl, kWarc };

// "text", "html", "jsonl", "warc" or "unknown".
const char* InputFormatName(InputFormat f);

struct ReadOptions {
  // Largest file (after decompression) we will hold in memory. Bigger inputs
  // are rejected rather than risking the machine: 1 GiB covers any single
  // WARC/JSONL shard we expect while staying far below a laptop's RAM.
  size_t max_file_bytes = size_t{1} << 30;
  // Largest single record (JSONL line, WARC payload, text file). A 50 MB line
  // is not an article; 16 MiB is ~100x the longest news article seen.
  size_t max_record_bytes = size_t{16} << 20;
};

// Receives each Document read. A non-ok return stops reading the current file
// and is passed back to the caller of ReadPath/ReadBuffer.
using DocumentSink = std::function<Status(Document&&)>;

// Detects the format of (already decompressed) bytes. `name` is only a hint.
InputFormat DetectFormat(std::string_view name, std::string_view bytes);

// Reads the bytes of one file named `name` (used in messages and for ids).
// Bad records are passed to `reporter` and skipped; returns non-ok only when
// the whole buffer is unusable (the caller reports that) or the sink failed.
Status ReadBuffer(const std::string& name, std::string_view bytes,
                  const ReadOptions& options, Reporter& reporter,
                  const DocumentSink& sink);

// Reads bytes that come from no file (records a program holds in memory) as
// standard input is read: a record with neither id nor URL (or a one-article
// text or HTML buffer) gets an id and origin derived from its content under
// the stem of `name` ("records-1a2b3c4d", origin "records:<16 hex>"), not
// from a path. Otherwise as ReadBuffer.
Status ReadUnnamedBuffer(const std::string& name, std::string_view bytes,
                         const ReadOptions& options, Reporter& reporter,
                         const DocumentSink& sink);

// Reads a file, or every regular file under a folder (recursively, sorted by
// path, hidden files skipped), or standard input when path is "-". Each
// unreadable file is reported and skipped; returns non-ok only if the sink
// failed.
Status ReadPath(const std::string& path, const ReadOptions& options,
                Reporter& reporter, const DocumentSink& sink);

// Lists the files ReadPath would read for `paths`, in order. Missing paths are
// reported and skipped.
std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths,
                                     Reporter& reporter);

}  // namespace storyline

#endif  // STORYLINE_INGEST_H_
