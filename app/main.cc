// storyline: the command line. Parses arguments, calls one library function
// per subcommand (storyline/commands.h), prints the Status and maps it to the
// exit code: 0 success, 1 bad input or usage, 2 internal error.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <string>

#include "storyline/commands.h"

namespace {

int Finish(const storyline::Status& s) {
  if (!s.ok()) std::cerr << storyline::ErrorLine(s) << "\n";
  return storyline::ExitCodeFor(s);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"storyline: rebuilds the stories news articles tell (who said what, who, when, "
               "which facts, where outlets disagree)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "storyline 0.1.0");
  // Usage errors start like every other error line (ErrorLine), on one line.
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return storyline::ErrorLine(storyline::Status::InvalidInput(
               std::string(e.what()) + " (see storyline --help)")) + "\n";
  });
  const std::string db_help = "store file (default: storyline.db)";

  storyline::IngestCommand ingest;
  bool no_progress = false, progress = false;
  auto* c_ingest = app.add_subcommand("ingest", "read files or folders (.txt .html .jsonl .warc, "
                                                "any of them .gz) into the store");
  c_ingest->add_option("--db", ingest.db, db_help);
  c_ingest->add_option("paths", ingest.paths, "files, folders, or - for standard input")->required();
  c_ingest->add_option("--batch", ingest.batch,
                       "articles read between two story updates (0: one update at the end)")
      ->capture_default_str();
  bool no_group = false;
  c_ingest->add_flag("--no-group", no_group,
                     "store and annotate only, group nothing (a shard for `storyline merge`)");
  c_ingest->add_option("--nice", ingest.nice,
                       "added to the process's nice value, so a server or anything else on the machine "
                       "gets the cores first (0: keep the caller's priority)")
      ->check(CLI::Range(0, 19))
      ->capture_default_str();
  c_ingest->add_flag("--progress", progress, "always show the progress line");
  c_ingest->add_flag("--no-progress", no_progress, "never show the progress line");

  storyline::StoriesCommand stories;
  auto* c_stories = app.add_subcommand("stories", "list stories: id, size, span, label");
  c_stories->add_option("--db", stories.db, db_help);
  c_stories->add_flag("--json", stories.json, "a JSON array of {id, label, size, span, articles}");

  storyline::BriefCommand brief;
  auto* c_brief = app.add_subcommand("brief", "write the brief of one story or all stories in the "
                                              "store, or of input files (in memory)");
  c_brief->add_option("--db", brief.db, db_help);
  c_brief->add_option("targets", brief.targets, "STORY id, or input PATHs for a one-shot brief");
  c_brief->add_option("--format,-f", brief.format, "json, md or html (default md)");
  c_brief->add_option("-o,--output", brief.output, "write to this file instead of standard output");

  storyline::ExtractCommand extract;
  auto* c_extract = app.add_subcommand("extract", "print each cleaned article: title, date, outlet, body");
  c_extract->add_option("paths", extract.paths, "files, folders, or -")->required();
  c_extract->add_flag("--json", extract.json, "one JSON object per line");
  c_extract->add_flag("--keep-boilerplate", extract.keep_boilerplate, "do not remove boilerplate");

  storyline::AnnotateCommand annotate;
  auto* c_annotate = app.add_subcommand("annotate", "print each article's annotations");
  c_annotate->add_option("paths", annotate.paths, "files, folders, or -")->required();
  c_annotate->add_flag("--json", annotate.json,
                       "JSON (fields in DESIGN.md): one object, or one per line for several");

  storyline::SearchCommand search;
  auto* c_search = app.add_subcommand("search", "full-text search over articles");
  c_search->add_option("--db", search.db, db_help);
  c_search->add_option("query", search.query, "words, \"a phrase\", or FTS5 syntax")->required();
  c_search->add_option("--limit,-n", search.limit, "most hits to show (default 20)");
  c_search->add_flag("--json", search.json, "JSON array of hits");

  storyline::ServeCommand serve;
  auto* c_serve = app.add_subcommand("serve", "HTTP API and web page on 127.0.0.1");
  c_serve->add_option("--db", serve.db, db_help);
  c_serve->add_option("--port,-p", serve.port, "port (default 8080)");
  c_serve->add_option("--host", serve.host,
                      "address to listen on (default 127.0.0.1; anything else is reachable by "
                      "others and warned about)");
  c_serve->add_option("--computing", serve.computing,
                      "requests computing an answer at once, the others waiting in line (default 0: "
                      "one per core)")
      ->check(CLI::NonNegativeNumber);

  storyline::ReindexCommand reindex;
  auto* c_reindex = app.add_subcommand("reindex", "refresh stored results made by older code or models");
  c_reindex->add_option("--db", reindex.db, db_help);

  storyline::MergeCommand merge;
  auto* c_merge = app.add_subcommand("merge", "one store from shards made elsewhere (no text annotated twice)");
  c_merge->add_option("out", merge.out, "the store to merge into (created if missing)")->required();
  c_merge->add_option("shards", merge.shards, "stores made by storyline ingest")->required();
  c_merge->add_flag("--append", merge.append,
                    "shards newer than OUT's stories: add their articles to OUT's stories instead of "
                    "grouping every article anew (stories left alone keep their labels)");

  storyline::TagCommand tag;
  auto* c_tag = app.add_subcommand("tag", "named-entity tagging: 'token gold' lines in, "
                                          "'token gold predicted' out (for conlleval)");
  c_tag->add_option("--conll", tag.conll, "input file, or -")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  }

  try {
    if (*c_ingest) {
      if (progress) ingest.progress = storyline::IngestCommand::Progress::kAlways;
      if (no_progress) ingest.progress = storyline::IngestCommand::Progress::kNever;
      ingest.group = !no_group;
      return Finish(storyline::RunIngest(ingest, std::cout, std::cerr));
    }
    if (*c_stories) return Finish(storyline::RunStories(stories, std::cout, std::cerr));
    if (*c_brief) return Finish(storyline::RunBrief(brief, std::cout, std::cerr));
    if (*c_extract) return Finish(storyline::RunExtract(extract, std::cout, std::cerr));
    if (*c_annotate) return Finish(storyline::RunAnnotate(annotate, std::cout, std::cerr));
    if (*c_search) return Finish(storyline::RunSearch(search, std::cout, std::cerr));
    if (*c_serve) return Finish(storyline::RunServe(serve, std::cout, std::cerr));
    if (*c_reindex) return Finish(storyline::RunReindex(reindex, std::cout, std::cerr));
    if (*c_merge) return Finish(storyline::RunMerge(merge, std::cout, std::cerr));
    if (*c_tag) return Finish(storyline::RunTag(tag, std::cout, std::cerr));
  } catch (const std::exception& e) {
    // Library functions return Status; reaching here is a storyline bug.
    const storyline::Status bug =
        storyline::Status::Internal(std::string("internal error: ") + e.what());
    std::cerr << storyline::ErrorLine(bug) << "\n";
    return storyline::ExitCodeFor(bug);
  }
  return 1;
}
