// ReadBuffer, ReadPath and ExpandPaths: gzip, format dispatch and file I/O.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <memory>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "ingest/encoding.h"
#include "ingest/gzip.h"
#include "ingest/readers.h"
#include "storyline/ingest.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

// First read size for inputs of unknown length (pipes): one typical
// article page; the buffer doubles from there.
constexpr size_t kFirstReadBytes = 64 * 1024;
constexpr const char* kStdinName = "stdin";

std::string SizeLimitMessage(const std::string& name, size_t bytes, size_t limit) {
  return name + ": file of " + std::to_string(bytes) + " bytes exceeds the " + std::to_string(limit) +
         "-byte limit";
}

// Reads one decompressed, size-checked buffer. `sink_failed` tells a sink
// error (stop everything) from a file error (report, go on).
Status Dispatch(const std::string& name, const std::string& path, std::string_view data,
                size_t padding, bool truncated, const ReadOptions& options, Reporter& reporter,
                const DocumentSink& sink, bool* sink_failed) {
  ingest::ReadContext ctx(name, path, options, reporter, sink);
  Status st;
  switch (DetectFormat(name, data)) {
    case InputFormat::kText:
      if (!truncated) st = ingest::ReadTextFile(ctx, data);
      break;
    case InputFormat::kHtml:
      if (!truncated) st = ingest::ReadHtmlFile(ctx, data);
      break;
    case InputFormat::kJsonl: st = ingest::ReadJsonl(ctx, data, padding, truncated); break;
    case InputFormat::kWarc: st = ingest::ReadWarc(ctx, data, truncated); break;
    case InputFormat::kUnknown:
      if (data.substr(0, 3) == "\xEF\xBB\xBF" && data.size() == 3) {
        st = Status::InvalidInput(name + ": empty file");
      } else if (ingest::IsGzip(data)) {
        st = Status::Unsupported(name + ": gzip inside gzip is not supported");
      } else {
        st = Status::InvalidInput(name + ": binary data, not an article");
      }
      break;
  }
  if (ctx.stopped()) {
    *sink_failed = true;
    return ctx.sink_status();
  }
  return st;
}

// `path`: the file's absolute path, "" for standard input (see ReadContext).
Status ReadBufferImpl(const std::string& name, const std::string& path, std::string_view bytes,
                      size_t padding, const ReadOptions& options, Reporter& reporter,
                      const DocumentSink& sink, bool* sink_failed) {
  *sink_failed = false;
  if (bytes.empty()) return Status::InvalidInput(name + ": empty file");
  if (bytes.size() > options.max_file_bytes) {
    return Status::InvalidInput(SizeLimitMessage(name, bytes.size(), options.max_file_bytes));
  }
  if (!ingest::IsGzip(bytes)) {
    return Dispatch(name, path, bytes, padding, false, options, reporter, sink, sink_failed);
  }
  const ingest::GunzipOutput gz = ingest::Gunzip(bytes, options.max_file_bytes);
  if (!gz.warning.empty()) reporter.Warn(name + ": " + gz.warning);
  // Past the size limit nothing is read; damaged data is read up to the
  // damage (deflate detects it where it happens), then reported.
  if (gz.status.code() == StatusCode::kInvalidInput) return gz.status.WithContext(name);
  const bool damaged = !gz.status.ok();
  if (gz.size == 0) return damaged ? gz.status.WithContext(name) : Status::InvalidInput(name + ": empty file");
  Status st = Dispatch(name, path, gz.view(), ingest::kReadPadding, damaged, options, reporter, sink,
                       sink_failed);
  if (*sink_failed || !damaged) return st;
  if (!st.ok()) reporter.Reject(st);
  return gz.status.WithContext(name);
}

Status OpenError(const std::string& path, int err) {
  if (err == ENOENT || err == ENOTDIR) return Status::NotFound(path + ": no such file or directory");
  return Status::IOError(path + ": " + std::error_code(err, std::generic_category()).message());
}

// A file's bytes followed by kReadPadding zero bytes (simdjson reads past the
// end of a line). Not a std::string, whose zero-filling would touch every
// page twice.
struct FileBuffer {
  std::unique_ptr<char[]> data;
  size_t capacity = 0;  // content capacity, padding excluded
  size_t size = 0;
  std::string_view view() const { return std::string_view(data.get(), size); }
  void Reserve(size_t n) {
    auto bigger = std::make_unique_for_overwrite<char[]>(n + ingest::kReadPadding);
    if (size > 0) std::memcpy(bigger.get(), data.get(), size);
    data = std::move(bigger);
    capacity = n;
  }
};

// Reads all of `fd` into `buf`; `expected` is a first guess at the size.
Status ReadAll(int fd, const std::string& name, size_t expected, size_t max_bytes, FileBuffer* buf) {
  buf->size = 0;
  const size_t want = expected + 1;  // +1: see EOF without growing
  if (buf->capacity < want || buf->capacity > 2 * want + kFirstReadBytes) buf->Reserve(want);
  for (;;) {
    if (buf->size == buf->capacity) {
      if (buf->size > max_bytes) return Status::InvalidInput(SizeLimitMessage(name, buf->size, max_bytes));
      buf->Reserve(std::min(buf->capacity * 2, max_bytes + 1));
    }
    const ssize_t got = ::read(fd, buf->data.get() + buf->size, buf->capacity - buf->size);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return OpenError(name, errno);
    if (got == 0) break;
    buf->size += static_cast<size_t>(got);
  }
  if (buf->size > max_bytes) return Status::InvalidInput(SizeLimitMessage(name, buf->size, max_bytes));
  std::memset(buf->data.get() + buf->size, 0, ingest::kReadPadding);
  return Status::Ok();
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;  // owns the descriptor
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

Status ReadFileBytes(const std::string& path, size_t max_bytes, FileBuffer* buf) {
  if (path == "-") return ReadAll(STDIN_FILENO, kStdinName, kFirstReadBytes, max_bytes, buf);
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return OpenError(path, errno);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return OpenError(path, errno);
  if (S_ISDIR(st.st_mode)) return Status::IOError(path + ": is a directory");
  size_t expected = kFirstReadBytes;
  if (S_ISREG(st.st_mode)) {
    expected = static_cast<size_t>(st.st_size);
    if (expected > max_bytes) return Status::InvalidInput(SizeLimitMessage(path, expected, max_bytes));
  }
  return ReadAll(fd.get(), path, expected, max_bytes, buf);
}

// The path an input file is known by across runs (Document::origin): absolute,
// with symlinks resolved, so that `a/x.txt` from one folder and `../w/a/x.txt`
// from another are the same source. Falls back to the path as given when
// the file system cannot answer.
std::string AbsolutePath(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(path), ec);
  if (ec) p = fs::absolute(fs::path(path), ec);
  if (ec) return path;
  return p.lexically_normal().string();
}

bool IsHidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Appends the regular files under `dir` (recursively, hidden entries and
// symlinked folders skipped: the latter can form cycles).
// Files that commonly sit beside articles in a folder but are not articles:
// documentation, licences, images, stylesheets and data tables. They are
// skipped (with a warning) when walking a folder; named explicitly on the
// command line they are still read and detected from content.
bool IsNonArticleFile(const fs::path& p) {
  static constexpr std::string_view kNames[] = {"readme", "license", "licence", "copying",
                                                "changelog", "authors", "notice"};
  static constexpr std::string_view kExtensions[] = {
      ".md",  ".markdown", ".rst", ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg",
      ".css", ".js",       ".csv", ".tsv", ".py",  ".sh",  ".xsd",  ".zip", ".tar", ".ico"};
  std::string stem = p.stem().string();
  std::string ext = p.extension().string();
  for (std::string* s : {&stem, &ext}) {
    for (char& c : *s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::string_view n : kNames) {
    if (stem == n) return true;
  }
  for (std::string_view e : kExtensions) {
    if (ext == e) return true;
  }
  return false;
}

void Walk(const fs::path& dir, Reporter& reporter, std::vector<std::string>* out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    reporter.Reject(Status::IOError(dir.string() + ": " + ec.message()));
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      reporter.Reject(Status::IOError(dir.string() + ": " + ec.message()));
      return;
    }
    const fs::directory_entry& e = *it;
    if (IsHidden(e.path())) continue;
    std::error_code type_ec;
    if (e.is_directory(type_ec) && !e.is_symlink(type_ec)) {
      Walk(e.path(), reporter, out);
    } else if (e.is_regular_file(type_ec)) {
      if (IsNonArticleFile(e.path())) {
        reporter.Warn(e.path().string() + ": skipped (not an article file; name it explicitly to read it)");
        continue;
      }
      out->push_back(e.path().string());
    }
  }
}

}  // namespace

Status ReadBuffer(const std::string& name, std::string_view bytes, const ReadOptions& options,
                  Reporter& reporter, const DocumentSink& sink) {
  bool sink_failed = false;
  return ReadBufferImpl(name, AbsolutePath(name), bytes, 0, options, reporter, sink, &sink_failed);
}

Status ReadUnnamedBuffer(const std::string& name, std::string_view bytes, const ReadOptions& options,
                         Reporter& reporter, const DocumentSink& sink) {
  bool sink_failed = false;
  return ReadBufferImpl(name, std::string(), bytes, 0, options, reporter, sink, &sink_failed);
}

std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths, Reporter& reporter) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    if (p == "-") {
      out.push_back(p);
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (st.type() == fs::file_type::not_found) {
      reporter.Reject(Status::NotFound(p + ": no such file or directory"));
    } else if (ec) {
      reporter.Reject(Status::IOError(p + ": " + ec.message()));
    } else if (fs::is_directory(st)) {
      std::vector<std::string> files;
      Walk(p, reporter, &files);
      std::sort(files.begin(), files.end());
      out.insert(out.end(), files.begin(), files.end());
    } else {
      out.push_back(p);  // a file, or a pipe named on the command line
    }
  }
  return out;
}

Status ReadPath(const std::string& path, const ReadOptions& options, Reporter& reporter,
                const DocumentSink& sink) {
  FileBuffer buf;  // reused: most files in a folder are of similar size
  for (const std::string& file : ExpandPaths({path}, reporter)) {
    const std::string name = file == "-" ? kStdinName : file;
    Status st = ReadFileBytes(file, options.max_file_bytes, &buf);
    if (!st.ok()) {
      reporter.Reject(st);
      continue;
    }
    bool sink_failed = false;
    st = ReadBufferImpl(name, file == "-" ? std::string() : AbsolutePath(file), buf.view(),
                        ingest::kReadPadding, options, reporter, sink, &sink_failed);
    if (sink_failed) return st;
    if (!st.ok()) reporter.Reject(st);
  }
  return Status::Ok();
}

}  // namespace storyline
