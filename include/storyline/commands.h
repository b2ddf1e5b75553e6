// commands.h: one library function per `storyline` subcommand. The
// command-line program only parses arguments into these option structs, calls
// the function, prints the Status and maps it to an exit code
// (ExitCodeFor). Output goes to `out`, messages and progress to `err`.
//
//   storyline::IngestCommand cmd;  cmd.db = "news.db";  cmd.paths = {"crawl/"};
//   storyline::Status s = storyline::RunIngest(cmd, std::cout, std::cerr);
//   return storyline::ExitCodeFor(s);
//
// Every command that reads inputs goes on past bad ones: each is reported on
// `err` (one line naming the file and place), skipped, and the command returns
// kInvalidInput after all good inputs were processed and stored.
//
// Thread-safety: reentrant; the streams must not be shared with other threads.
#ifndef STORYLINE_COMMANDS_H_
#define STORYLINE_COMMANDS_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "storyline/status.h"

namespace storyline {

// 0 success; 1 bad input or usage; 2 internal error (a storyline bug or an
// environment failure such as a full disk).
int ExitCodeFor(const Status& status);

// The line (no newline) a failed command ends with on `err`:
// "storyline: error: " and the message. Every line the commands write about
// a problem starts with "storyline: " ("storyline: error: ..." for a
// rejected input, "storyline: warning: ..." for one used despite a flaw).
std::string ErrorLine(const Status& status);

struct IngestCommand {
  std::string db = "storyline.db";
  std::vector<std::string> paths;  // files, folders, "-" for stdin
  // Progress line on `err`: kAuto shows it when stderr is a terminal.
  enum class Progress { kAuto, kAlways, kNever } progress = Progress::kAuto;
  size_t batch = 1000;  // articles read between story updates (IngestHooks::batch)
  bool group = true;    // false: store and annotate only (IngestHooks::group)
  // Added to the process's nice value (capped at 19) before any work or
  // thread starts, so a server, an editor or a browser beside the ingest
  // gets the cores first; alone on the machine it runs as fast. Under load
  // from a `storyline serve` on the same store, the server's p99 went from
  // 287 to 166 ms with the ingest at 10 (README "Under load"). 0 keeps the
  // caller's priority.
  int nice = 10;
};
Status RunIngest(const IngestCommand& cmd, std::ostream& out, std::ostream& err);

struct ReindexCommand {
  std::string db = "storyline.db";
};
// Re-annotates every stored article whose annotations were made by another
// annotator version (or are missing), with progress lines on `err`, then
// regroups the stories with the new annotations.
Status RunReindex(const ReindexCommand& cmd, std::ostream& out, std::ostream& err);

struct MergeCommand {
  std::string out;                  // the store merged into (created if missing)
  std::vector<std::string> shards;  // stores made by `storyline ingest` elsewhere
  bool append = false;              // MergeHooks::append
};
// Merges the shards into `out` (storyline::Merge): a summary on `out`,
// each bad shard reported on `err` and skipped (kInvalidInput at the end).
Status RunMerge(const MergeCommand& cmd, std::ostream& out, std::ostream& err);

struct ExtractCommand {
  std::vector<std::string> paths;
  bool json = false;          // one JSON object per line
  bool keep_boilerplate = false;
};
Status RunExtract(const ExtractCommand& cmd, std::ostream& out, std::ostream& err);

struct AnnotateCommand {
  std::vector<std::string> paths;  // files, folders, "-" for stdin
  // One article: one DESIGN.md annotate object, indented. Several (a JSONL
  // file, a folder, several paths): JSON Lines, one object per line.
  bool json = false;
};
Status RunAnnotate(const AnnotateCommand& cmd, std::ostream& out, std::ostream& err);

struct StoriesCommand {
  std::string db = "storyline.db";
  bool json = false;
};
Status RunStories(const StoriesCommand& cmd, std::ostream& out, std::ostream& err);

struct BriefCommand {
  std::string db = "storyline.db";
  // Either one story id (from the store) or input paths (one-shot, in
  // memory, no store); empty: every story in the store.
  std::vector<std::string> targets;
  std::string format = "md";  // json|md|html
  std::string output;         // file; "" or "-" = `out`
};
Status RunBrief(const BriefCommand& cmd, std::ostream& out, std::ostream& err);

struct SearchCommand {
  std::string db = "storyline.db";
  std::string query;
  size_t limit = 20;
  bool json = false;
};
Status RunSearch(const SearchCommand& cmd, std::ostream& out, std::ostream& err);

struct ServeCommand {
  std::string db = "storyline.db";
  // Address to listen on and the one name (besides IP literals when it is
  // 0.0.0.0 or ::) that requests' Host headers may carry. Anything but
  // loopback is warned about: the API has no authentication.
  std::string host = "127.0.0.1";
  int port = 8080;
  // Requests computing an answer at once (ServeOptions::max_computing); 0:
  // one per core.
  int computing = 0;
};
Status RunServe(const ServeCommand& cmd, std::ostream& out, std::ostream& err);

struct TagCommand {
  // CoNLL-style input: one token per line as "token gold" (space or tab
  // separated; UNER's "index<TAB>token<TAB>gold..." also accepted), blank
  // lines between sentences, '#' comment lines ignored. "-" = stdin.
  std::string conll;
};
// Writes "token gold predicted" per token (blank lines kept), ready for
// conlleval. Predicted tags are IOB2 over the tagger's labels (PER, ORG, LOC).
Status RunTag(const TagCommand& cmd, std::ostream& out, std::ostream& err);

}  // namespace storyline

#endif  // STORYLINE_COMMANDS_H_
