// pipeline.h: the one module that drives the stages: read -> clean ->
// annotate -> store -> regroup -> brief for one story. The command line,
// the server and the bindings call these functions and orchestrate nothing
// themselves.
//
//   auto store = storyline::Store::Open("news.db", {});
//   storyline::CountingReporter reporter(&std::cerr);
//   storyline::Result<storyline::IngestReport> r =
//       storyline::Ingest(**store, {"crawl/"}, reporter, {});
//   storyline::Result<storyline::Brief> b = storyline::StoryBrief(**store, "s1a2b3c4d5e6");
//   storyline::Result<storyline::MergeReport> m =
//       storyline::Merge(**store, {"shard1.db", "shard2.db"}, reporter, {});
//
// What the store keeps (store.h): each article's annotations, written with
// the article; the story grouper's state and each story's view, written with
// the stories. So an ingest annotates only new, changed or stale articles
// and groups only articles not grouped yet, and a brief of one story reads
// its stored view: nothing is annotated to answer.
//
// Thread-safety: the functions are reentrant; a Store is used by one thread
// at a time (store.h).
#ifndef STORYLINE_PIPELINE_H_
#define STORYLINE_PIPELINE_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "storyline/brief.h"
#include "storyline/reporter.h"
#include "storyline/status.h"
#include "storyline/store.h"

namespace storyline {

// Bytes held in memory and read as a file would be (ReadUnnamedBuffer):
// JSON Lines records a program hands over (the Python module's dicts), a
// page it fetched. `name` is used in messages ("records:3: ...") and, as
// for standard input, in the content-derived ids of records without one.
struct BufferInput {
  std::string name;
  std::string bytes;
};

// One input: a path (file, folder, "-") or a buffer.
using Input = std::variant<std::string, BufferInput>;

// Reads every path (files, folders, "-"), cleans each document and hands the
// article to `use`. Files that fail and documents that do not clean go to
// `reporter` and are skipped. `file_done`, if set, is called after each file.
Status ForEachArticle(const std::vector<std::string>& paths, bool keep_boilerplate,
                      Reporter& reporter, const std::function<Status(Article&&)>& use,
                      const std::function<void(const std::string& file)>& file_done = {});
// The same over inputs in the order given; `file_done` gets a buffer's name.
// (Not an overload: a braced list of strings would fit both.)
Status ForEachInputArticle(const std::vector<Input>& inputs, bool keep_boilerplate,
                           Reporter& reporter, const std::function<Status(Article&&)>& use,
                           const std::function<void(const std::string& file)>& file_done = {});

// What the story grouping read from a store, kept in memory between regroups
// of that store by one process (batches of one ingest, successive Ingest
// calls of a stream or a server): a regroup then reads only rows it has not
// seen. Used only while the store's saved state is the one this cache last
// saved (another writer in between makes it start again from the rows);
// dropped beyond `max_bytes`. Thread-compatible; one store per cache.
class StoryCache {
 public:
  explicit StoryCache(size_t max_bytes = size_t{1} << 30);
  ~StoryCache();
  StoryCache(const StoryCache&) = delete;
  StoryCache& operator=(const StoryCache&) = delete;

  struct Impl;  // pipeline.cc
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

struct IngestHooks {
  // Called for each article read, and after each file; may be empty.
  std::function<void()> article_read;
  std::function<void(const std::string& file)> file_done;
  // Called before slow steps with a line to show ("grouping 120 articles").
  std::function<void(const std::string& what)> step;
  // A warning about one article (an id clash), already worded.
  std::function<void(const std::string& warning)> warn;
  // Articles read between two story updates: every `batch` articles read
  // (stored, updated or unchanged alike), those stored so far are grouped
  // into stories and committed. Reading counts, not storing, so a rerun of
  // an interrupted ingest of the same input meets the same boundaries and
  // leaves the same store. 0 groups once, at the end.
  size_t batch = 1000;
  // Kept between Ingest calls on the same store when given (a stream fed
  // batch by batch); else the call keeps its own for its batches.
  StoryCache* cache = nullptr;
  // False: articles are stored with their annotations and not grouped (a
  // shard made for `storyline merge`, which groups them all; `batch` is
  // then ignored). Until a later ingest or a merge groups them, readers see
  // the stories as behind (CurrentStories groups them in memory).
  bool group = true;
};

struct IngestReport {
  size_t read = 0, stored = 0, updated = 0, unchanged = 0, duplicates = 0;
  size_t clashes = 0;
  size_t annotated = 0;     // articles annotated by this ingest (new, changed, stale)
  size_t reannotated = 0;   // stored articles whose stale annotations were refreshed
  size_t grouped = 0;       // articles added to the story grouping
  size_t stories_changed = 0;  // stories whose grouping and view were rebuilt
  bool was_behind = false;  // an earlier ingest stopped before grouping
  size_t batches = 0;       // story updates made (see IngestHooks::batch)
  double story_seconds = 0;  // wall time of the story updates (Regroup)
  // Where story_seconds went (RegroupReport's parts, summed).
  double cluster_seconds = 0, members_seconds = 0, views_seconds = 0, save_seconds = 0;
  size_t view_articles = 0;  // member articles of the stories whose views were rebuilt
};

// Stores the articles at `paths` with their annotations, refreshes stale
// annotations (Reindex), and brings the stories up to date (Regroup).
Result<IngestReport> Ingest(Store& store, const std::vector<std::string>& paths,
                            Reporter& reporter, const IngestHooks& hooks);
// The same over inputs (paths and buffers, in order; not an overload, as
// for ForEachInputArticle): records in a buffer are stored exactly as the
// same lines in a JSONL file would be, except for `source` (the buffer's
// name) and the ids of records with neither id nor URL (content-derived,
// as from standard input).
Result<IngestReport> IngestInputs(Store& store, const std::vector<Input>& inputs,
                                  Reporter& reporter, const IngestHooks& hooks);

struct RegroupReport {
  size_t grouped = 0;          // articles added to the grouping
  size_t annotated = 0;        // articles annotated because nothing was stored for them
  size_t stories_changed = 0;  // stories rebuilt
  size_t view_articles = 0;    // their member articles, whose views were read again
  // Wall time: reading state rows and clustering the new articles; reading
  // the changed stories' members and their annotations; building those
  // stories (labels, duplicates, views); saving everything.
  double cluster_seconds = 0, members_seconds = 0, views_seconds = 0, save_seconds = 0;
};

// Adds every article not yet grouped to the stored grouping and saves the
// stories that changed (grouping and view) with the grouper's state, in one
// transaction. `full`: forget the stored grouping and group every article
// again (after a reindex). REQUIRES: a writable store.
// `cache`, if given, is used and kept up to date (see StoryCache). `views`:
// build the changed stories' views, and those of stories saved without one;
// false saves the changed stories without views (an ingest's batches before
// its last: each story's view is then built once per ingest).
Result<RegroupReport> Regroup(Store& store, bool full, StoryCache* cache = nullptr, bool views = true);

// Re-annotates every article whose stored annotations are missing or stale,
// then regroups everything (annotations feed the grouping and the views).
// `progress` (may be empty) is called with (done, total) as it goes.
Result<size_t> Reindex(Store& store, const std::function<void(size_t, size_t)>& progress);

struct MergeHooks {
  // Called after each article copied (stored, updated, unchanged or
  // duplicate alike), and after each shard with its path; may be empty.
  std::function<void()> article_copied;
  std::function<void(const std::string& shard)> shard_done;
  // Called before slow steps with a line to show.
  std::function<void(const std::string& what)> step;
  // When OUT has stories and every article the merge stores comes after
  // OUT's grouped ones in publication order (nothing updated, OUT not
  // behind): add them to OUT's grouping, as a later ingest batch does,
  // instead of grouping every article anew. The same stories (ids,
  // members, views, links) at the cost of the new articles only, but the
  // stories they do not join keep the labels made against the corpus of
  // when they last changed, where a regroup of everything labels every
  // story against the whole corpus. False: always the latter, so that the
  // merge equals one ingest of all the inputs exactly.
  bool append = false;
};

struct MergeReport {
  size_t shards = 0;      // shards copied in full
  size_t bad_shards = 0;  // shards reported to the Reporter and skipped (or cut short)
  size_t read = 0, stored = 0, updated = 0, unchanged = 0, duplicates = 0, clashes = 0;
  // Articles whose stored annotations (and ClusterKeys) were copied as
  // they were; articles annotated by the merge (none unless a shard or
  // OUT holds annotations of another annotator version).
  size_t copied_annotations = 0;
  size_t annotated = 0;
  size_t reannotated = 0;  // of those, articles of OUT refreshed (Reindex)
  // Every article grouped anew (Regroup full): OUT had stories and the
  // merge stored or updated articles (unless MergeHooks::append applied).
  // Else only the new articles were added to OUT's grouping (into a new
  // OUT that is the same thing).
  bool full_regroup = false;
  size_t grouped = 0, stories_changed = 0;
  size_t aliases = 0;  // story ids of OUT that a full regroup retired, kept as aliases
  double copy_seconds = 0, story_seconds = 0;
  // Where story_seconds went (RegroupReport's parts; a Reindex's regroup
  // not included): the serial clustering pass, reading members, building
  // the changed stories (views on all cores), saving.
  double cluster_seconds = 0, members_seconds = 0, views_seconds = 0, save_seconds = 0;
};

// Merges the stores `shards` (made by Ingest elsewhere, each opened
// read-only) into `out`: every article put as Ingest would put it, in the
// shards' order and each shard's storage order (same identity, update,
// clash and duplicate rules; the duplicates a shard recorded are recorded
// again), its stored annotations and ClusterKeys copied byte for byte
// (an article is annotated only when its shard's are stale, as Ingest
// would); annotations of OUT made by another annotator version refreshed
// (Reindex); then the stories regrouped in publication order. The result
// equals one Ingest of the shards' inputs, in the same order, grouped once
// (IngestHooks::batch 0): DESIGN.md, "Merging shards".
//
// A shard that cannot be opened (missing, not a store, an older schema:
// the message names `storyline reindex --db FILE`), is `out` itself, or
// fails while read goes to `reporter` and is skipped; what was copied
// stays. Errors writing `out` end the merge and are returned.
// REQUIRES: a writable `out`.
Result<MergeReport> Merge(Store& out, const std::vector<std::string>& shards, Reporter& reporter,
                          const MergeHooks& hooks);

// The stories as `storyline stories` lists them: the stored ones, or, when
// they are behind the articles (an ingest is running or was killed before
// it grouped), the stored grouping with the ungrouped articles added in
// memory (nothing saved). `*behind`, if not null, says which.
Result<std::vector<StoredStory>> CurrentStories(const Store& store, bool* behind = nullptr);

// The brief of one story (its articles in storage order, its grouping and
// stored view). kNotFound for an unknown id. Reads stored results; a story
// whose view is missing (a store made before views were kept) gets it built
// from stored annotations. While the stories are behind (CurrentStories), an
// id that only the pending regroup has (a story CurrentStories listed, or
// the new id of one it changed) gets that story, built in memory, its
// articles in publication order.
Result<Brief> StoryBrief(const Store& store, const std::string& story_id);

// The brief of every stored story, largest first.
Result<Brief> StoreBrief(const Store& store);

// One-shot: annotates and groups `articles` in memory (no store).
Brief BriefOfArticles(const std::vector<Article>& articles);

}  // namespace storyline

#endif  // STORYLINE_PIPELINE_H_
