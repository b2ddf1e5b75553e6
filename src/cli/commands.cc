// The subcommands of `storyline`, as library functions (see commands.h).
#include "storyline/commands.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>
#include <tbb/task_group.h>
#include <nlohmann/json.hpp>

#include "extract/ner.h"
#include "serve/api.h"
#include "storyline/annotation.h"
#include "storyline/article.h"
#include "storyline/brief.h"
#include "storyline/clean.h"
#include "storyline/ingest.h"
#include "storyline/pipeline.h"
#include "storyline/render.h"
#include "storyline/reporter.h"
#include "storyline/serve.h"
#include "storyline/store.h"

namespace storyline {
namespace {

using Clock = std::chrono::steady_clock;

// Starts every line about a problem, before "error: " or "warning: "
// (ErrorLine).
constexpr const char* kMessagePrefix = "storyline: ";

double SecondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// The status a command returns after a batch in which `rejected` inputs were
// reported and skipped.
Status BatchStatus(size_t rejected) {
  if (rejected == 0) return Status::Ok();
  return Status::InvalidInput(
      fmt::format("{} input{} rejected (reported above)", rejected, rejected == 1 ? "" : "s"));
}

// Writes `text` to `path`, or to `out` when path is "" or "-".
Status WriteOutput(const std::string& path, const std::string& text, std::ostream& out) {
  if (path.empty() || path == "-") {
    out << text;
    if (!text.empty() && text.back() != '\n') out << "\n";
    return Status::Ok();
  }
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return Status::IOError(path + ": cannot open for writing");
  f << text;
  f.close();
  if (!f) return Status::IOError(path + ": write failed");
  return Status::Ok();
}

Result<BriefFormat> ParseFormat(const std::string& name) {
  if (name == "json") return BriefFormat::kJson;
  if (name == "md" || name == "markdown") return BriefFormat::kMarkdown;
  if (name == "html") return BriefFormat::kHtml;
  return Status::InvalidInput("--format: unknown format '" + name + "' (use json, md or html)");
}

// Progress on a terminal: files done, articles/s, and an ETA from the bytes
// of the files finished so far (so none while the first file is read).
class ProgressLine {
 public:
  // `command` and `unit` name the line's owner and what `files` are
  // ("ingest", "files"; "merge", "shards").
  ProgressLine(std::ostream& err, bool enabled, const std::vector<std::string>& files,
               const char* command = "ingest", const char* unit = "files")
      : err_(err), enabled_(enabled), command_(command), unit_(unit), t0_(Clock::now()), last_(t0_) {
    if (!enabled_) return;
    files_total_ = files.size();
    for (const std::string& f : files) {
      std::error_code ec;
      uintmax_t n = std::filesystem::file_size(f, ec);
      if (!ec) bytes_total_ += n;
    }
  }
  void Article() { ++articles_; Maybe(); }
  void FileDone(const std::string& file) {
    ++files_done_;
    std::error_code ec;
    uintmax_t n = std::filesystem::file_size(file, ec);
    if (!ec) bytes_done_ += n;
    Maybe();
  }
  void Finish() {
    if (enabled_ && shown_) err_ << "\r\033[K" << std::flush;
  }

 private:
  // Redraw at most 5 times a second: often enough to look alive, rarely
  // enough to cost nothing.
  static constexpr double kRedrawSeconds = 0.2;
  void Maybe() {
    if (!enabled_) return;
    auto now = Clock::now();
    if (std::chrono::duration<double>(now - last_).count() < kRedrawSeconds) return;
    last_ = now;
    shown_ = true;
    double secs = SecondsSince(t0_);
    double rate = secs > 0 ? articles_ / secs : 0;
    std::string eta = "?";
    if (bytes_done_ > 0 && bytes_total_ > bytes_done_) {
      double left = secs * (static_cast<double>(bytes_total_) / bytes_done_ - 1);
      eta = fmt::format("{:.0f}s", left);
    }
    err_ << fmt::format("\r\033[K{}: {}/{} {}, {} articles, {:.0f} articles/s, ETA {}", command_,
                        files_done_, files_total_, unit_, articles_, rate, eta)
         << std::flush;
  }
  std::ostream& err_;
  bool enabled_;
  const char* command_;
  const char* unit_;
  Clock::time_point t0_, last_;
  size_t files_total_ = 0, files_done_ = 0, articles_ = 0;
  uintmax_t bytes_total_ = 0, bytes_done_ = 0;
  bool shown_ = false;
};

// The stories `stories` lists, with a note on `err` when they are behind
// the articles (grouped in memory for this answer).
Result<std::vector<StoredStory>> ListStories(const Store& store, const std::string& db,
                                             std::ostream& err) {
  bool behind = false;
  Result<std::vector<StoredStory>> stories = CurrentStories(store, &behind);
  if (stories.ok() && behind) {
    err << kMessagePrefix << "note: " << db
        << ": the stored stories are behind the stored articles (an ingest is running, or was "
           "interrupted before it regrouped them); grouped them in memory for this answer. "
           "The next `storyline ingest` into this store saves them.\n";
  }
  return stories;
}

// "O", or a B-/I-/E-/S- prefixed label.
bool IsIobTag(const std::string& tag) {
  return tag == "O" || (tag.size() > 2 && tag[1] == '-' &&
                        std::string_view("BIES").find(tag[0]) != std::string_view::npos);
}

// Splits a CoNLL token line into (token, gold). Returns false for a line
// with fewer than two columns.
bool SplitConllLine(const std::string& line, std::string* token, std::string* gold) {
  std::vector<std::string> cols;
  size_t i = 0;
  while (i < line.size()) {
    size_t j = line.find_first_of(line.find('\t') != std::string::npos ? "\t" : " ", i);
    if (j == std::string::npos) j = line.size();
    if (j > i) cols.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  if (cols.size() < 2) return false;
  bool indexed = cols.size() >= 3 && cols[0].find_first_not_of("0123456789.-") == std::string::npos;
  *token = indexed ? cols[1] : cols[0];
  *gold = indexed ? cols[2] : cols[1];
  return true;
}

}  // namespace

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return 0;
    case StatusCode::kInternal:
    case StatusCode::kIOError: return 2;
    default: return 1;
  }
}

std::string ErrorLine(const Status& status) {
  return std::string(kMessagePrefix) + "error: " + status.message();
}

namespace {

// The most a nice value can be (setpriority(2)): the lowest priority.
constexpr int kLowestPriority = 19;

// Raises the process's nice value by `by` (IngestCommand::nice). Linux keeps
// a nice value per thread and new threads inherit their creator's, so this
// runs before the ingest starts any. Lowering one's own priority is always
// allowed; should it fail all the same, the ingest goes on at the priority it
// has, with a warning.
void LowerPriority(int by, std::ostream& err) {
  if (by <= 0) return;
  errno = 0;
  const int now = getpriority(PRIO_PROCESS, 0);
  if (now == -1 && errno != 0) return;
  if (setpriority(PRIO_PROCESS, 0, std::min(kLowestPriority, now + by)) != 0) {
    err << kMessagePrefix << "warning: cannot lower the ingest's priority: " << std::strerror(errno) << "\n";
  }
}

}  // namespace

Status RunIngest(const IngestCommand& cmd, std::ostream& out, std::ostream& err) {
  if (cmd.paths.empty()) return Status::InvalidInput("ingest: no input paths given");
  LowerPriority(cmd.nice, err);
  auto store = Store::Open(cmd.db, {});
  if (!store.ok()) return store.status();
  CountingReporter reporter(&err, kMessagePrefix);
  std::vector<std::string> files = ExpandPaths(cmd.paths, reporter);
  bool show = cmd.progress == IngestCommand::Progress::kAlways ||
              (cmd.progress == IngestCommand::Progress::kAuto && isatty(STDERR_FILENO));
  ProgressLine progress(err, show, files);
  Clock::time_point t0 = Clock::now();
  IngestHooks hooks;
  hooks.batch = cmd.batch;
  hooks.group = cmd.group;
  hooks.article_read = [&] { progress.Article(); };
  hooks.file_done = [&](const std::string& f) { progress.FileDone(f); };
  hooks.step = [&](const std::string& what) {
    progress.Finish();
    if (show) err << "\r\033[Kingest: " << what << "..." << std::flush;
  };
  // `files` are already expanded and missing ones reported, so the reporter
  // sees only per-file and per-record problems.
  Result<IngestReport> r = Ingest(**store, files, reporter, hooks);
  progress.Finish();
  if (show) err << "\r\033[K" << std::flush;
  if (!r.ok()) return r.status();
  std::string reasons;
  for (const auto& [reason, n] : reporter.ByReason()) {
    reasons += fmt::format("{}{} {}", reasons.empty() ? " (" : ", ", n, reason);
  }
  if (!reasons.empty()) reasons += ")";
  out << fmt::format(
      "ingest: {} read, {} stored, {} updated, {} unchanged, {} duplicates, {} rejected{} "
      "in {:.2f}s; {} articles in {}\n",
      r->read, r->stored, r->updated, r->unchanged, r->duplicates, reporter.rejected(), reasons,
      SecondsSince(t0), (*store)->ArticleCount(), cmd.db);
  out << fmt::format("ingest: annotated {} article{}, grouped {} into stories, {} stor{} changed "
                     "({} stor{} update{}, {:.2f}s: clustering {:.2f}s, members {:.2f}s, views {:.2f}s, "
                     "saving {:.2f}s)\n",
                     r->annotated, r->annotated == 1 ? "" : "s", r->grouped, r->stories_changed,
                     r->stories_changed == 1 ? "y" : "ies", r->batches, "y", r->batches == 1 ? "" : "s",
                     r->story_seconds, r->cluster_seconds, r->members_seconds, r->views_seconds,
                     r->save_seconds);
  if (!cmd.group) {
    out << "ingest: stories not updated (--no-group): `storyline merge` or a later ingest groups these articles\n";
  }
  if (r->reannotated > 0) {
    out << fmt::format("ingest: refreshed {} stored annotation{} made by an older annotator\n",
                       r->reannotated, r->reannotated == 1 ? "" : "s");
  }
  if (r->clashes > 0) {
    out << fmt::format("ingest: {} article{} stored under a distinct id: {} id was taken by another "
                       "source (reported above)\n",
                       r->clashes, r->clashes == 1 ? "" : "s", r->clashes == 1 ? "its" : "their");
  }
  if (r->was_behind) {
    out << "ingest: brought the stories up to date (an earlier ingest stopped before grouping them)\n";
  }
  if (r->stored + r->updated == 0 && r->read > 0) out << "ingest: nothing new to store\n";
  return BatchStatus(reporter.rejected());
}

Status RunReindex(const ReindexCommand& cmd, std::ostream& out, std::ostream& err) {
  auto store = Store::Open(cmd.db, {});
  if (!store.ok()) return store.status();
  Clock::time_point t0 = Clock::now();
  Result<size_t> n = Reindex(**store, [&](size_t done, size_t total) {
    err << fmt::format("reindex: {}/{} articles annotated\n", done, total) << std::flush;
  });
  if (!n.ok()) return n.status();
  bool behind = false;
  if (Result<bool> b = (*store)->StoriesBehind(); b.ok()) behind = *b;
  // Views written by older code are rebuilt by the regroup too.
  Result<std::vector<uint32_t>> viewless = (*store)->ViewlessStories();
  if (!viewless.ok()) return viewless.status();
  if (!viewless->empty()) behind = true;
  size_t grouped = 0;
  if (behind) {
    Result<RegroupReport> r = Regroup(**store, false);
    if (!r.ok()) return r.status();
    grouped = r->grouped;
  }
  out << fmt::format("reindex: re-annotated {} article{} made by older code, grouped {}, rebuilt {} story view{} in "
                     "{:.2f}s\n",
                     *n, *n == 1 ? "" : "s", grouped, viewless->size(), viewless->size() == 1 ? "" : "s",
                     SecondsSince(t0));
  return Status::Ok();
}

Status RunMerge(const MergeCommand& cmd, std::ostream& out, std::ostream& err) {
  if (cmd.shards.empty()) return Status::InvalidInput("merge: no shards given");
  auto store = Store::Open(cmd.out, {});
  if (!store.ok()) return store.status();
  CountingReporter reporter(&err, kMessagePrefix);
  Clock::time_point t0 = Clock::now();
  // The progress line of ingest, over the shard files, on a terminal.
  const bool show = isatty(STDERR_FILENO);
  ProgressLine progress(err, show, cmd.shards, "merge", "shards");
  MergeHooks hooks;
  hooks.append = cmd.append;
  hooks.article_copied = [&] { progress.Article(); };
  hooks.shard_done = [&](const std::string& shard) { progress.FileDone(shard); };
  hooks.step = [&](const std::string& what) {
    progress.Finish();
    if (show) err << "\r\033[Kmerge: " << what << "..." << std::flush;
  };
  Result<MergeReport> r = Merge(**store, cmd.shards, reporter, hooks);
  progress.Finish();
  if (show) err << "\r\033[K" << std::flush;
  if (!r.ok()) return r.status();
  out << fmt::format(
      "merge: {} shard{} merged, {} bad; {} read, {} stored, {} updated, {} unchanged, {} duplicates "
      "in {:.2f}s; {} articles in {}\n",
      r->shards, r->shards == 1 ? "" : "s", r->bad_shards, r->read, r->stored, r->updated, r->unchanged,
      r->duplicates, r->copy_seconds, (*store)->ArticleCount(), cmd.out);
  out << fmt::format(
      "merge: annotations copied for {} article{}, annotated {}; {} ({} grouped, {} stor{} changed) "
      "in {:.2f}s: clustering {:.2f}s, members {:.2f}s, views {:.2f}s, saving {:.2f}s; {:.2f}s in all\n",
      r->copied_annotations, r->copied_annotations == 1 ? "" : "s", r->annotated,
      r->full_regroup ? "every article grouped anew in publication order"
                      : "new articles added to the stories",
      r->grouped, r->stories_changed, r->stories_changed == 1 ? "y" : "ies", r->story_seconds,
      r->cluster_seconds, r->members_seconds, r->views_seconds, r->save_seconds, SecondsSince(t0));
  if (r->clashes > 0) {
    out << fmt::format("merge: {} article{} stored under a distinct id: {} id was taken by another "
                       "source (reported above)\n",
                       r->clashes, r->clashes == 1 ? "" : "s", r->clashes == 1 ? "its" : "their");
  }
  if (r->aliases > 0) {
    out << fmt::format("merge: {} story id{} of {} kept as alias{} of the stories now holding their articles\n",
                       r->aliases, r->aliases == 1 ? "" : "s", cmd.out, r->aliases == 1 ? "" : "es");
  }
  return BatchStatus(reporter.rejected());
}

Status RunExtract(const ExtractCommand& cmd, std::ostream& out, std::ostream& err) {
  if (cmd.paths.empty()) return Status::InvalidInput("extract: no input paths given");
  CountingReporter reporter(&err, kMessagePrefix);
  Status s = ForEachArticle(cmd.paths, cmd.keep_boilerplate, reporter, [&](Article&& a) {
    if (cmd.json) {
      out << ArticleToJson(a) << "\n";
    } else {
      out << "# " << a.title << "\n";
      out << "id: " << a.id << "\n";
      if (!a.published.empty()) out << "published: " << a.published << "\n";
      if (!a.outlet.empty()) out << "outlet: " << a.outlet << "\n";
      if (!a.url.empty()) out << "url: " << a.url << "\n";
      out << "\n" << a.text << "\n\n";
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return BatchStatus(reporter.rejected());
}

Status RunAnnotate(const AnnotateCommand& cmd, std::ostream& out, std::ostream& err) {
  if (cmd.paths.empty()) return Status::InvalidInput("annotate: no input paths given");
  CountingReporter reporter(&err, kMessagePrefix);
  size_t n = 0;
  // --json prints one indented object for one article and JSON Lines for
  // several; the first is held back until a second one shows which.
  std::optional<AnnotatedArticle> held;
  Status s = ForEachArticle(cmd.paths, false, reporter, [&](Article&& a) {
    AnnotatedArticle an = Annotate(a, {});
    ++n;
    if (cmd.json) {
      if (n == 1) {
        held = std::move(an);
        return Status::Ok();
      }
      if (held) out << AnnotationToJson(*held, JsonLayout::kOneLine) << "\n";
      held.reset();
      out << AnnotationToJson(an, JsonLayout::kOneLine) << "\n";
      return Status::Ok();
    }
    out << "# " << a.title << " (" << a.id << ")\n";
    out << an.sentences.size() << " sentences\n";
    for (const Span& sp : an.sentences) out << fmt::format("  [{}, {})\n", sp.start, sp.end);
    return Status::Ok();
  });
  if (held) out << AnnotationToJson(*held) << "\n";
  if (!s.ok()) return s;
  if (n == 0 && reporter.rejected() == 0) {
    return Status::InvalidInput(cmd.paths[0] + ": no article found");
  }
  return BatchStatus(reporter.rejected());
}

Status RunStories(const StoriesCommand& cmd, std::ostream& out, std::ostream& err) {
  StoreOptions so;
  so.read_only = true;
  auto store = Store::Open(cmd.db, so);
  if (!store.ok()) return store.status();
  Result<std::vector<StoredStory>> stories = ListStories(**store, cmd.db, err);
  if (!stories.ok()) return stories.status();
  if (cmd.json) {
    out << StoriesToJson(*stories) << "\n";
    return Status::Ok();
  }
  for (const StoredStory& s : *stories) {
    std::string span = s.span_first.empty() ? "undated"
                       : s.span_first == s.span_last ? s.span_first
                                                     : s.span_first + ".." + s.span_last;
    out << fmt::format("{}\t{}\t{}\t{}\n", s.id, s.articles.size(), span, s.label);
  }
  return Status::Ok();
}

Status RunBrief(const BriefCommand& cmd, std::ostream& out, std::ostream& err) {
  Result<BriefFormat> format = ParseFormat(cmd.format);
  if (!format.ok()) return format.status();
  // Paths (or "-") mean one-shot mode; a single word that is not a path is a
  // story id in the store.
  bool one_shot = false;
  for (const std::string& t : cmd.targets) {
    std::error_code ec;
    if (t == "-" || std::filesystem::exists(t, ec)) one_shot = true;
  }
  // Story ids never contain '/' or '.' (StoryId: "s" and hex digits), so a
  // target with either is a path that does not exist.
  if (!one_shot && (cmd.targets.size() > 1 ||
                    (cmd.targets.size() == 1 &&
                     cmd.targets[0].find_first_of("/.") != std::string::npos))) {
    return Status::NotFound(cmd.targets[0] + ": no such file or directory");
  }
  CountingReporter reporter(&err, kMessagePrefix);
  Brief brief;
  if (one_shot) {
    std::vector<Article> articles;
    Status s = ForEachArticle(cmd.targets, false, reporter, [&](Article&& a) {
      articles.push_back(std::move(a));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    brief = BriefOfArticles(articles);
  } else {
    StoreOptions so;
    so.read_only = true;
    auto store = Store::Open(cmd.db, so);
    if (!store.ok() && store.status().code() == StatusCode::kNotFound && !cmd.targets.empty()) {
      return Status::NotFound(fmt::format("{}: no such file or directory, nor a story id ({})",
                                          cmd.targets[0], store.status().message()));
    }
    if (!store.ok()) return store.status();
    Result<bool> behind = (*store)->StoriesBehind();
    if (behind.ok() && *behind) {
      err << kMessagePrefix << "warning: " << cmd.db
          << ": the stored stories are behind the stored articles (an ingest is running, or was "
             "interrupted before it regrouped them); a story is shown as last saved, a story not yet saved as "
             "grouped in memory\n";
    }
    Result<Brief> b = cmd.targets.empty() ? StoreBrief(**store) : StoryBrief(**store, cmd.targets[0]);
    if (!b.ok() && b.status().code() == StatusCode::kNotFound) {
      return Status::NotFound(fmt::format(
          "{}: no such file or directory, nor a story id in {} (see `storyline stories`)",
          cmd.targets[0], cmd.db));
    }
    if (!b.ok()) return b.status();
    brief = std::move(*b);
  }
  if (Status w = WriteOutput(cmd.output, RenderBrief(brief, *format), out); !w.ok()) return w;
  return BatchStatus(reporter.rejected());
}

Status RunSearch(const SearchCommand& cmd, std::ostream& out, std::ostream&) {
  if (cmd.query.empty()) return Status::InvalidInput("search: empty query");
  StoreOptions so;
  so.read_only = true;
  auto store = Store::Open(cmd.db, so);
  if (!store.ok()) return store.status();
  Result<std::vector<SearchHit>> hits = SearchFreeText(**store, cmd.query, cmd.limit);
  if (!hits.ok()) return hits.status();
  if (cmd.json) {
    out << SearchHitsToJson(*hits) << "\n";
    return Status::Ok();
  }
  for (const SearchHit& h : *hits) {
    out << h.article_id << "\t" << h.title << "\n    " << h.snippet << "\n";
  }
  if (hits->empty()) out << "no matches\n";
  return Status::Ok();
}

Status RunTag(const TagCommand& cmd, std::ostream& out, std::ostream&) {
  const Result<NerTagger>& tagger = NerTagger::Default();
  if (!tagger.ok()) return tagger.status();
  std::ifstream file;
  std::istream* in = &std::cin;
  if (cmd.conll != "-") {
    file.open(cmd.conll);
    if (!file) return Status::NotFound(cmd.conll + ": cannot open");
    in = &file;
  }
  std::vector<std::string> tokens, golds;
  auto flush = [&] {
    if (tokens.empty()) return;
    std::vector<std::string> predicted = tagger->Tag(tokens);
    for (size_t i = 0; i < tokens.size(); ++i) {
      out << tokens[i] << ' ' << golds[i] << ' ' << predicted[i] << '\n';
    }
    tokens.clear();
    golds.clear();
  };
  std::string line;
  size_t line_no = 0;
  while (std::getline(*in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.find_first_not_of(" \t") == std::string::npos) {
      flush();
      out << '\n';
      continue;
    }
    std::string token, gold;
    const bool parsed = SplitConllLine(line, &token, &gold);
    // "# text = ..." is a comment; "# O" is the token "#" with its tag.
    if (line[0] == '#' && !(parsed && IsIobTag(gold))) continue;
    if (!parsed) {
      return Status::InvalidInput(fmt::format("{}:{}: expected 'token gold', got '{}'",
                                              cmd.conll, line_no, line.substr(0, 80)));
    }
    tokens.push_back(std::move(token));
    golds.push_back(std::move(gold));
  }
  flush();
  return Status::Ok();
}

Status RunServe(const ServeCommand& cmd, std::ostream& out, std::ostream& err) {
  {
    // The server lists stored stories; after an interrupted ingest they lag
    // the articles until a writer regroups them. Open errors are left to
    // Server::Create, which reports them in its own words.
    StoreOptions ro;
    ro.read_only = true;
    auto store = Store::Open(cmd.db, ro);
    Result<bool> behind = store.ok() ? (*store)->StoriesBehind() : Result<bool>(false);
    if (behind.ok() && *behind) {
      err << kMessagePrefix << "warning: " << cmd.db
          << ": the stored stories are behind the stored articles (an ingest is running, or was "
             "interrupted before it regrouped them); the next `storyline ingest` into this store "
             "brings them up to date\n";
    }
  }
  ServeOptions so;
  so.db_path = cmd.db;
  so.host = cmd.host;
  so.port = cmd.port;
  so.max_computing = cmd.computing;
  auto server = Server::Create(so);
  if (!server.ok()) return server.status();
  if (!serve_internal::IsLoopbackHost(cmd.host)) {
    err << kMessagePrefix << "warning: serving on " << cmd.host
        << ", not loopback: the API has no authentication, so anyone who can reach this "
           "address can read the whole store\n"
        << std::flush;
  }
  const bool v6 = cmd.host.find(':') != std::string::npos;
  out << fmt::format("serving {} on http://{}{}{}:{}/ (Ctrl-C stops)\n", cmd.db, v6 ? "[" : "",
                     cmd.host, v6 ? "]" : "", (*server)->port())
      << std::flush;
  return (*server)->Run();
}

}  // namespace storyline
