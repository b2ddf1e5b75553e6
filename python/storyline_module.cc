// The Python module `storyline` (pybind11): the library's entry points with
// plain dicts and lists in DESIGN.md's JSON shapes.
//
//   import storyline
//   page = storyline.extract(open("a.html", "rb").read(), url="https://x.example/a")
//   with storyline.Store("news.db") as store:
//       report = store.ingest(["crawl/", {"id": "r1", "title": "...", "text": "..."}])
//       brief = store.brief()
//
// A binding layer only: every result is made by the function the command
// line calls for the same job (pipeline.h, render.h) and converted from the
// JSON the command prints, so a dict here equals `--json` output there.
// Records (dicts) are written as JSON Lines and read by the JSONL reader
// from memory (BufferInput), the same path a JSONL file takes. Work in C++
// runs without the GIL; Python objects are touched only before and after.
// Statuses become exceptions whose message is the CLI's (python/README in
// README.md, "Python": the classes).
//
// Thread-safety: the module's functions may be called from many threads at
// once; one Store object serialises its calls with its own mutex.
#include <pybind11/pybind11.h>
#include <pybind11/eval.h>
#include <pybind11/stl.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "storyline/annotation.h"
#include "storyline/article.h"
#include "storyline/clean.h"
#include "storyline/commands.h"
#include "storyline/ingest.h"
#include "storyline/pipeline.h"
#include "storyline/render.h"
#include "storyline/reporter.h"
#include "storyline/status.h"
#include "storyline/store.h"

namespace py = pybind11;

namespace storyline::python {
namespace {

// Names of the in-memory inputs, as a file's name in messages ("records:3:
// ...") and the stem of content-derived ids ("records-1a2b3c4d").
constexpr const char* kRecordsName = "records";
constexpr const char* kPageName = "page";
constexpr const char* kTextName = "text";

// A non-ok Status on its way to Python (translated by the module's
// exception translator, see RaiseStatus).
struct StatusError {
  Status status;
};

void ThrowIfError(const Status& s) {
  if (!s.ok()) throw StatusError{s};
}

template <typename T>
T ValueOrThrow(Result<T>&& r) {
  if (!r.ok()) throw StatusError{r.status()};
  return std::move(r).value();
}

// The Python class for a status code (defined in kExceptionsPy).
const char* ExceptionName(StatusCode code) {
  switch (code) {
    case StatusCode::kNotFound: return "NotFound";
    case StatusCode::kInvalidInput: return "InputError";
    case StatusCode::kUnsupported: return "Unsupported";
    case StatusCode::kCorruption: return "Corruption";
    case StatusCode::kIOError: return "IoError";
    case StatusCode::kOk:
    case StatusCode::kInternal: break;
  }
  return "InternalError";
}

// Sets the Python error for `s`: the class of its code, str() its message,
// `.line` the line `storyline` prints for it, `.code` its code's name.
void RaiseStatus(const Status& s) {
  py::module_ m = py::module_::import("storyline");
  py::object type = m.attr(ExceptionName(s.code()));
  py::object exc = type(s.message());
  exc.attr("line") = ErrorLine(s);
  exc.attr("code") = StatusCodeName(s.code());
  PyErr_SetObject(type.ptr(), exc.ptr());
}

// The exception classes, defined in Python so that each can derive from
// the built-in class a Python caller expects (ValueError, KeyError, ...),
// and the JSON helper for records.
constexpr const char* kExceptionsPy = R"py(
class Error(Exception):
    """Base of storyline's exceptions.

    str(e) is the message, naming the input and place like the command
    line's ("a.jsonl:3: not valid JSON (...)"); ``e.line`` is the whole
    line ``storyline`` prints for it ("storyline: error: ..."); ``e.code``
    names the kind ("invalid input", "not found", "corruption", "I/O
    error", "unsupported", "internal").
    """
    line = ""
    code = "internal"

    def __str__(self):
        return str(self.args[0]) if self.args else ""


class InputError(Error, ValueError):
    """Malformed input or a bad argument (the command exits 1)."""


class Unsupported(InputError):
    """Well-formed input storyline does not handle (format, charset)."""


class Corruption(Error, ValueError):
    """Stored or compressed data is damaged (a truncated gzip, a file that
    is not a storyline store)."""


class NotFound(Error, KeyError):
    """A named thing (file, store, story, article) does not exist."""


class IoError(Error, OSError):
    """The operating system failed a read or write (the command exits 2)."""


class InternalError(Error, RuntimeError):
    """A bug in storyline, never caused by input alone (the command exits 2)."""


class InputWarning(UserWarning):
    """An input was skipped, or used despite a flaw, by a call that goes on
    past bad inputs (``brief``); the message is the command line's line."""


def _record_value(value):
    """A record's datetime.date or datetime as its ISO text (json.dumps default)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"record value of type {type(value).__name__} is not JSON serializable")
)py";

// Collects what the readers report, for the caller to hand to Python once
// the C++ work is done (no Python object may be touched without the GIL).
class CollectingReporter : public Reporter {
 public:
  void Reject(const Status& why) override {
    std::lock_guard<std::mutex> lock(mu_);
    rejected_.push_back(why);
  }
  void Warn(const std::string& message) override {
    std::lock_guard<std::mutex> lock(mu_);
    warnings_.push_back(message);
  }
  // REQUIRES: no reader is running.
  const std::vector<Status>& rejected() const { return rejected_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  std::mutex mu_;
  std::vector<Status> rejected_;
  std::vector<std::string> warnings_;
};

// The line the command line writes for a warning (CountingReporter).
std::string WarningLine(const std::string& message) { return "storyline: warning: " + message; }

// Emits each reported problem as a storyline.InputWarning.
void WarnAll(const CollectingReporter& reporter) {
  py::object warn = py::module_::import("warnings").attr("warn");
  py::object category = py::module_::import("storyline").attr("InputWarning");
  for (const Status& s : reporter.rejected()) warn(ErrorLine(s), category, 2);
  for (const std::string& w : reporter.warnings()) warn(WarningLine(w), category, 2);
}

// JSON text made by render.h -> Python objects.
py::object FromJson(const std::string& json) {
  return py::module_::import("json").attr("loads")(py::str(json));
}

// One record (a dict) as a JSONL line, the way a JSONL file would hold it;
// dates and datetimes as ISO text.
std::string RecordLine(const py::handle& record, const py::object& dumps) {
  py::object to_text = py::module_::import("storyline").attr("_record_value");
  return py::cast<std::string>(dumps(record, py::arg("ensure_ascii") = false, py::arg("default") = to_text));
}

// A path argument: str, bytes or os.PathLike.
std::string PathOf(const py::handle& p) {
  py::object fs = py::module_::import("os").attr("fsdecode")(p);
  return py::cast<std::string>(fs);
}

// `paths_or_records` as inputs in order: each path alone, each run of
// consecutive dicts one JSONL buffer. A single path or dict is a list of one.
std::vector<Input> InputsOf(const py::object& paths_or_records) {
  py::list items;
  if (py::isinstance<py::dict>(paths_or_records) || py::isinstance<py::str>(paths_or_records) ||
      py::isinstance<py::bytes>(paths_or_records) ||
      py::hasattr(paths_or_records, "__fspath__")) {
    items.append(paths_or_records);
  } else {
    for (py::handle h : paths_or_records) items.append(h);
  }
  py::object dumps = py::module_::import("json").attr("dumps");
  std::vector<Input> inputs;
  BufferInput* records = nullptr;
  for (py::handle h : items) {
    if (py::isinstance<py::dict>(h)) {
      if (records == nullptr) {
        inputs.emplace_back(BufferInput{kRecordsName, ""});
        records = &std::get<BufferInput>(inputs.back());
      }
      records->bytes += RecordLine(h, dumps);
      records->bytes += '\n';
      continue;
    }
    records = nullptr;
    inputs.emplace_back(PathOf(h));
  }
  return inputs;
}

// The bytes of a str (UTF-8) or bytes-like argument.
std::string BytesOf(const py::object& text_or_bytes) {
  if (py::isinstance<py::str>(text_or_bytes)) return py::cast<std::string>(text_or_bytes);
  return static_cast<std::string>(py::bytes(text_or_bytes));
}

// Reads one in-memory input holding one article and cleans it, as `storyline
// extract` cleans a file. `url` and `id`, when not empty, are set on the
// document before cleaning (metadata set there wins over the page's own).
// A rejected input is thrown; several articles are an input error.
Article OneArticle(const std::string& name, const std::string& bytes, const std::string& url,
                   const std::string& id, CollectingReporter& reporter) {
  std::vector<Article> found;
  size_t documents = 0;
  CleanOptions co;
  Status s = ReadUnnamedBuffer(name, bytes, {}, reporter, [&](Document&& doc) -> Status {
    ++documents;
    if (!url.empty()) doc.url = url;
    if (!id.empty()) doc.id = id;
    Result<Article> a = CleanDocument(doc, co);
    if (!a.ok()) {
      reporter.Reject(a.status());
      return Status::Ok();
    }
    found.push_back(std::move(a).value());
    return Status::Ok();
  });
  ThrowIfError(s);
  if (!reporter.rejected().empty()) throw StatusError{reporter.rejected().front()};
  if (documents > 1) {
    ThrowIfError(Status::InvalidInput(name + ": holds " + std::to_string(documents) +
                                      " articles; one is expected (storyline.brief and "
                                      "Store.ingest read many)"));
  }
  if (found.empty()) ThrowIfError(Status::InvalidInput(name + ": no article found"));
  return std::move(found.front());
}

// The value of an optional string argument: None -> "".
std::string Opt(const std::optional<std::string>& s) { return s.value_or(std::string()); }

py::object Extract(const py::object& html_or_bytes, const std::optional<std::string>& url,
                   const std::optional<std::string>& id) {
  std::string bytes = BytesOf(html_or_bytes);
  CollectingReporter reporter;
  std::string json;
  {
    py::gil_scoped_release release;
    json = ArticleToJson(OneArticle(kPageName, bytes, Opt(url), Opt(id), reporter));
  }
  WarnAll(reporter);
  return FromJson(json);
}

// A date argument: a str, or a datetime.date (its isoformat()).
std::optional<std::string> DateOf(const py::object& d) {
  if (d.is_none()) return std::nullopt;
  if (py::hasattr(d, "isoformat")) return py::cast<std::string>(d.attr("isoformat")());
  return py::cast<std::string>(d);
}

py::object AnnotateText(const py::str& text, const py::object& published,
                        const std::optional<std::string>& title, const std::optional<std::string>& id) {
  py::dict record;
  if (id) record["id"] = *id;
  if (title) record["title"] = *title;
  if (std::optional<std::string> date = DateOf(published)) record["date"] = *date;
  record["text"] = text;
  const std::string line = RecordLine(record, py::module_::import("json").attr("dumps")) + "\n";
  CollectingReporter reporter;
  std::string json;
  {
    py::gil_scoped_release release;
    const Article article = OneArticle(kTextName, line, "", "", reporter);
    json = AnnotationToJson(Annotate(article, {}));
  }
  WarnAll(reporter);
  return FromJson(json);
}

py::list AnnotateTexts(const py::iterable& texts) {
  py::object dumps = py::module_::import("json").attr("dumps");
  std::string lines;
  size_t n = 0;
  for (py::handle t : texts) {
    py::dict record;
    record["text"] = py::str(t);
    lines += RecordLine(record, dumps) + "\n";
    ++n;
  }
  CollectingReporter reporter;
  std::vector<std::string> json;
  {
    py::gil_scoped_release release;
    std::vector<Article> articles;
    articles.reserve(n);
    Status s = ForEachInputArticle(std::vector<Input>{BufferInput{kTextName, lines}}, false, reporter,
                              [&](Article&& a) {
                                articles.push_back(std::move(a));
                                return Status::Ok();
                              });
    ThrowIfError(s);
    if (!reporter.rejected().empty()) throw StatusError{reporter.rejected().front()};
    for (const AnnotatedArticle& a : AnnotateMany(articles, {})) {
      json.push_back(AnnotationToJson(a, JsonLayout::kOneLine));
    }
  }
  WarnAll(reporter);
  py::list out;
  for (const std::string& j : json) out.append(FromJson(j));
  return out;
}

py::object BriefOf(const py::object& paths_or_records) {
  const std::vector<Input> inputs = InputsOf(paths_or_records);
  CollectingReporter reporter;
  std::string json;
  {
    py::gil_scoped_release release;
    std::vector<Article> articles;
    Status s = ForEachInputArticle(inputs, false, reporter, [&](Article&& a) {
      articles.push_back(std::move(a));
      return Status::Ok();
    });
    ThrowIfError(s);
    // Nothing read at all: the first problem is the answer (the command
    // line's `brief missing.txt`); otherwise problems are warnings.
    if (articles.empty() && !reporter.rejected().empty()) throw StatusError{reporter.rejected().front()};
    json = RenderBrief(BriefOfArticles(articles), BriefFormat::kJson);
  }
  WarnAll(reporter);
  return FromJson(json);
}

// A report's "problems" ({message, line, code} per input reported and
// skipped) and "warnings" (lines), as the command line would print them.
void AddProblems(const CollectingReporter& reporter, py::dict& report) {
  py::list problems;
  for (const Status& s : reporter.rejected()) {
    py::dict p;
    p["message"] = s.message();
    p["line"] = ErrorLine(s);
    p["code"] = StatusCodeName(s.code());
    problems.append(p);
  }
  report["problems"] = problems;
  py::list warnings;
  for (const std::string& w : reporter.warnings()) warnings.append(WarningLine(w));
  report["warnings"] = warnings;
}

// storyline.Store: one open store. Calls are serialised by `mu_` (a Store
// is one thread's at a time, store.h) and run without the GIL.
class PyStore {
 public:
  PyStore(std::string path, bool read_only) : path_(std::move(path)) {
    StoreOptions so;
    so.read_only = read_only;
    read_only_ = read_only;
    py::gil_scoped_release release;
    store_ = ValueOrThrow(Store::Open(path_, so));
  }
  PyStore(const PyStore&) = delete;  // owns a database connection
  PyStore& operator=(const PyStore&) = delete;

  py::dict Ingest(const py::object& paths_or_records, size_t batch, bool group) {
    const std::vector<Input> inputs = InputsOf(paths_or_records);
    CollectingReporter reporter;
    IngestReport r;
    size_t articles = 0;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mu_);
      Store& store = Open();
      IngestHooks hooks;
      hooks.batch = batch;
      hooks.group = group;
      hooks.cache = &cache_;
      // The command line expands the paths first, so missing ones are
      // reported before anything is read; so are they here.
      std::vector<Input> expanded;
      for (const Input& in : inputs) {
        if (std::holds_alternative<BufferInput>(in)) {
          expanded.push_back(in);
          continue;
        }
        for (std::string& f : ExpandPaths({std::get<std::string>(in)}, reporter)) expanded.emplace_back(std::move(f));
      }
      r = ValueOrThrow(storyline::IngestInputs(store, expanded, reporter, hooks));
      articles = store.ArticleCount();
    }
    py::dict d;
    d["read"] = r.read;
    d["stored"] = r.stored;
    d["updated"] = r.updated;
    d["unchanged"] = r.unchanged;
    d["duplicates"] = r.duplicates;
    d["clashes"] = r.clashes;
    d["rejected"] = reporter.rejected().size();
    d["annotated"] = r.annotated;
    d["reannotated"] = r.reannotated;
    d["grouped"] = r.grouped;
    d["stories_changed"] = r.stories_changed;
    d["batches"] = r.batches;
    d["was_behind"] = r.was_behind;
    d["articles"] = articles;
    d["story_seconds"] = r.story_seconds;
    AddProblems(reporter, d);
    return d;
  }

  py::dict Merge(const py::object& shard_paths, bool append) {
    std::vector<std::string> shards;
    if (py::isinstance<py::str>(shard_paths) || py::hasattr(shard_paths, "__fspath__")) {
      shards.push_back(PathOf(shard_paths));
    } else {
      for (py::handle h : shard_paths) shards.push_back(PathOf(h));
    }
    // The command line's check and message (RunMerge).
    if (shards.empty()) ThrowIfError(Status::InvalidInput("merge: no shards given"));
    CollectingReporter reporter;
    MergeReport r;
    size_t articles = 0;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mu_);
      Store& store = Open();
      MergeHooks hooks;
      hooks.append = append;
      r = ValueOrThrow(storyline::Merge(store, shards, reporter, hooks));
      articles = store.ArticleCount();
    }
    py::dict d;
    d["shards"] = r.shards;
    d["bad_shards"] = r.bad_shards;
    d["read"] = r.read;
    d["stored"] = r.stored;
    d["updated"] = r.updated;
    d["unchanged"] = r.unchanged;
    d["duplicates"] = r.duplicates;
    d["clashes"] = r.clashes;
    d["copied_annotations"] = r.copied_annotations;
    d["annotated"] = r.annotated;
    d["reannotated"] = r.reannotated;
    d["full_regroup"] = r.full_regroup;
    d["grouped"] = r.grouped;
    d["stories_changed"] = r.stories_changed;
    d["aliases"] = r.aliases;
    d["articles"] = articles;
    d["copy_seconds"] = r.copy_seconds;
    d["story_seconds"] = r.story_seconds;
    AddProblems(reporter, d);
    return d;
  }

  py::object Stories() {
    std::string json;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mu_);
      json = StoriesToJson(ValueOrThrow(CurrentStories(Open())));
    }
    return FromJson(json);
  }

  py::object BriefOfStore(const std::optional<std::string>& story_id) {
    std::string json;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mu_);
      const Store& store = Open();
      json = RenderBrief(ValueOrThrow(story_id ? StoryBrief(store, *story_id) : StoreBrief(store)),
                         BriefFormat::kJson);
    }
    return FromJson(json);
  }

  py::object Search(const std::string& query, size_t limit) {
    // The command line's check and message (RunSearch).
    if (query.empty()) ThrowIfError(Status::InvalidInput("search: empty query"));
    std::string json;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mu_);
      json = SearchHitsToJson(ValueOrThrow(SearchFreeText(Open(), query, limit)));
    }
    return FromJson(json);
  }

  void Close() {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mu_);
    store_.reset();  // commits the open batch
  }

  const std::string& path() const { return path_; }
  bool read_only() const { return read_only_; }
  bool closed() const { return store_ == nullptr; }

 private:
  // REQUIRES: mu_ held.
  Store& Open() {
    if (store_ == nullptr) ThrowIfError(Status::InvalidInput(path_ + ": store is closed"));
    return *store_;
  }

  std::string path_;
  bool read_only_ = false;
  std::mutex mu_;
  std::unique_ptr<Store> store_;  // null once closed
  StoryCache cache_;              // the grouping between ingests (pipeline.h)
};

}  // namespace
}  // namespace storyline::python

PYBIND11_MODULE(storyline, m) {
  namespace sp = storyline::python;
  m.doc() = R"doc(storyline: news articles in, story briefs out.

Plain dicts and lists in the shapes of the command line's JSON
(DESIGN.md): extract() like ``storyline extract --json``, annotate() like
``storyline annotate --json``, brief() like ``storyline brief --format
json``; Store(path) for a store the command line also reads. Offsets
(start, end) are Unicode code points of the article's cleaned ``text``, so
``text[start:end]`` is the span. Calls that do work release the GIL and
run on all cores. Errors raise storyline.Error subclasses whose message is
the command line's.)doc";

  py::exec(sp::kExceptionsPy, m.attr("__dict__"));
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const sp::StatusError& e) {
      sp::RaiseStatus(e.status);
    }
  });

  m.def("extract", &sp::Extract, py::arg("html_or_bytes"), py::arg("url") = py::none(),
        py::kw_only(), py::arg("id") = py::none(),
        R"doc(Cleans one page or text: a dict like ``storyline extract --json``.

html_or_bytes: an HTML page (or plain text, first line the title) as str,
or bytes in any charset the page declares (converted as the command line
converts a file; gzip-compressed bytes too). url: the page's address,
used when the page does not give one (dates in the URL, the outlet).
id: the article's id; default derived from the content ("page-1a2b3c4d").

Returns {id, title, published, published_source, authors, outlet, url,
text, boilerplate_removed, author, source}. Raises InputError when the
command line would reject the input as a file named "page" (binary data,
no article text, ...), with its message; warnings the command line prints
become storyline.InputWarning.)doc");

  m.def("annotate", &sp::AnnotateText, py::arg("text"), py::arg("published") = py::none(),
        py::arg("title") = py::none(), py::kw_only(), py::arg("id") = py::none(),
        R"doc(Annotates one article's text: a dict like ``storyline annotate --json``.

The text is read as a JSON Lines record {"id", "title", "date", "text"}
(cleaned as the command line cleans that record). published: "YYYY-MM-DD"
(or a datetime.date), anchoring relative dates. id: default derived from
the content ("text-1a2b3c4d").

Returns {id, title, published, outlet, text, sentences, entities, quotes,
dates, quantities}; offsets are code points of the returned ``text``.
Raises InputError for text the command line rejects (empty, binary).)doc");

  m.def("annotate_many", &sp::AnnotateTexts, py::arg("texts"),
        R"doc(annotate() of many texts on all cores, without the GIL: a list of dicts in order.

Each text is read as a record {"text"}; ids are derived from the content.
Raises InputError (the first problem) if any text is rejected.)doc");

  m.def("brief", &sp::BriefOf, py::arg("paths_or_records"),
        R"doc(One-shot brief, in memory: a dict like ``storyline brief PATH... --format json``.

paths_or_records: a list (or one item) of paths (files or folders of any
format the command line reads: text, HTML, JSONL, WARC, gzip) and dicts
(records like a JSONL line: id, url, title, date, outlet, text or html;
a date may be a datetime.date). Consecutive dicts are read as one JSONL
input named "records".

Returns {articles: [...], stories: [...]} (DESIGN.md, "The brief, as
JSON"). Inputs that are rejected are skipped with a storyline.InputWarning
carrying the command line's line; when nothing could be read the first
problem is raised (NotFound for a missing path, InputError, ...).)doc");

  py::class_<sp::PyStore>(m, "Store", R"doc(A storyline store (SQLite file), as the command line's --db.

Store(path, read_only=False) opens it, creating it unless read_only.
Usable as a context manager (closed on exit). One Store object may be
shared by threads: its calls run one at a time, without the GIL.)doc")
      .def(py::init<std::string, bool>(), py::arg("path"), py::arg("read_only") = false,
           R"doc(Opens (creating and migrating if needed) the store at path.

Raises NotFound (read_only and no such file), Corruption (not a
storyline store), IoError.)doc")
      .def("ingest", &sp::PyStore::Ingest, py::arg("paths_or_records"), py::arg("batch") = 1000,
           py::arg("group") = true,
           R"doc(Stores articles and brings the stories up to date: ``storyline ingest``.

paths_or_records: as for storyline.brief(); records (dicts) are stored
exactly as the same lines in a JSONL file would be (their ``source`` is
"records:LINE"; a record with neither id nor url gets an id derived from
its content, as from standard input). batch: articles read between two
story updates (``--batch``). group: False stores and annotates only, grouping
nothing (``--no-group``: a shard for Store.merge, which groups them).

Returns a dict: read, stored, updated, unchanged, duplicates, clashes,
rejected, annotated, reannotated, grouped, stories_changed, batches,
was_behind, articles (now in the store), story_seconds, and
``problems`` (one {message, line, code} per input the command line would
report and skip; they do not raise) and ``warnings`` (lines). Raises only
when the store fails (IoError, Corruption, ...).)doc")
      .def("merge", &sp::PyStore::Merge, py::arg("shards"), py::arg("append") = false,
           R"doc(Merges stores made elsewhere into this one: ``storyline merge OUT SHARD...``.

shards: paths of stores made by ingest (each opened read-only). Every
article is put as ingest would put it, its stored annotations copied (no
text annotated twice), then the stories regrouped in publication order:
the result equals one ingest of the shards' inputs (DESIGN.md, "Merging
shards"). append: ``--append`` (shards newer than this store's stories
only add to them).

Returns a dict: shards, bad_shards, read, stored, updated, unchanged,
duplicates, clashes, copied_annotations, annotated, reannotated,
full_regroup, grouped, stories_changed, aliases, articles, copy_seconds,
story_seconds, problems and warnings (as for ingest: a bad shard is
reported there and skipped). Raises InputError for no shards, and when
this store fails.)doc")
      .def("stories", &sp::PyStore::Stories,
           R"doc(The stories: a list like ``storyline stories --json``.

Each {id, label, size, span: {first, last}, articles}, largest first.)doc")
      .def("brief", &sp::PyStore::BriefOfStore, py::arg("story_id") = py::none(),
           R"doc(The brief of one story (its id, or an old id of it), or of every story when None.

A dict like ``storyline brief [STORY] --format json``. Raises NotFound for
an unknown id.)doc")
      .def("search", &sp::PyStore::Search, py::arg("query"), py::arg("limit") = 20,
           R"doc(Full-text search: a list like ``storyline search --json QUERY``.

Each {kind, article_id, title, snippet, rank}, best first, at most limit.
FTS5 syntax, or plain words when it does not parse. Raises InputError for
an empty query.)doc")
      .def("close", &sp::PyStore::Close,
           R"doc(Commits and closes the store; later calls raise InputError. Idempotent.)doc")
      .def("__enter__", [](py::object self) { return self; }, R"doc(Returns the store.)doc")
      .def(
          "__exit__",
          [](sp::PyStore& s, const py::object&, const py::object&, const py::object&) {
            s.Close();
            return false;
          },
          R"doc(Closes the store; exceptions propagate.)doc")
      .def_property_readonly("path", &sp::PyStore::path, R"doc(The store's file.)doc")
      .def_property_readonly("read_only", &sp::PyStore::read_only,
                             R"doc(Whether it was opened read-only.)doc")
      .def_property_readonly("closed", &sp::PyStore::closed, R"doc(Whether close() was called.)doc");
}
