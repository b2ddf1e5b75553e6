// story_index.h: what the store keeps about each story besides its view, so
// that a server answers from rows instead of decoding views (schema 7):
// the story row's headline and outlets, a digest of its view (counts per
// section, top entities), its entities by folded name (the entity -> story
// index) and its quotations under full-text search.
//
//   StoryIndexWriter w(db);                 // inside the regroup's transaction
//   s = w.BeforeReplace(stream, has_view);  // before the old row goes
//   s = w.AfterInsert(story, stream, has_view);  // after the row and members
//   StoryIndexReader r(db);  Result<StoryPage> p = r.ListStories(filter);
//
// Rows keyed by the grouper's stream index (`stream`) outlive a story saved
// without a view (an ingest between its batches): they describe its last
// view, which the digest keeps (`last_view`) until the new one is built.
//
// Thread-safety: one thread at a time, as the Db they borrow (which must
// outlive them).
#ifndef STORYLINE_STORE_STORY_INDEX_H_
#define STORYLINE_STORE_STORY_INDEX_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/sqlite_util.h"
#include "storyline/brief.h"
#include "storyline/status.h"
#include "storyline/store.h"

namespace storyline::store_internal {

class StoryIndexWriter {
 public:
  explicit StoryIndexWriter(Db& db) : db_(db) {}
  StoryIndexWriter(const StoryIndexWriter&) = delete;  // holds prepared statements
  StoryIndexWriter& operator=(const StoryIndexWriter&) = delete;

  // Every digest, entity and quotation row goes (the grouping is reset);
  // story_entity_words stays (see schema.cc).
  Status Clear();
  // The rows of a stream merged away go.
  Status Forget(uint32_t stream);
  // Before the stories row of `stream` is replaced. Saved without a view,
  // its current view is kept as the digest's last view.
  Status BeforeReplace(uint32_t stream, bool has_view);
  // After the stories row `story.id` and its members are written: its
  // headline and outlets; with a view, its digest, entities and quotations.
  // `stream` < 0 for a story saved without a stream (Store::SaveStories).
  Status AfterInsert(const Story& story, int64_t stream, bool has_view);
  // Bumps the counter of saved groupings (part of StoreState::generation).
  Status BumpSaved();

 private:
  Status Run(Stmt& st, const char* sql, const std::string& what);
  // Indexes entity `key` under `word` (the key from one of its words on).
  Status AddWord(const std::string& word, const std::string& key);

  Db& db_;
  Stmt clear_, forget_digest_, forget_entities_, forget_quotes_, stash_, outlets_, headline_, digest_,
      entity_, word_, quote_, bump_;
};

class StoryIndexReader {
 public:
  explicit StoryIndexReader(Db& db) : db_(db) {}
  StoryIndexReader(const StoryIndexReader&) = delete;  // holds prepared statements
  StoryIndexReader& operator=(const StoryIndexReader&) = delete;

  Result<StoreState> State();
  Result<int64_t> Generation();
  Result<StoryPage> ListStories(const StoryFilter& filter);
  Result<std::string> CurrentStoryId(const std::string& id);
  Result<StorySummary> GetStorySummary(const std::string& id);
  Result<StoryView> GetStoryView(const std::string& id);
  Result<std::vector<Article>> StoryArticles(const std::string& id, size_t offset, size_t limit);
  Result<std::vector<std::string>> StoriesOfArticle(const std::string& article_id);
  Result<std::vector<EntitySummary>> FindEntities(const std::string& prefix, size_t offset, size_t limit,
                                                  size_t* total);
  Result<EntityRecord> GetEntity(const std::string& key);
  Result<std::vector<QuoteHit>> SearchQuotes(const std::string& query, size_t limit);

 private:
  // The cached statement for `sql`, prepared on first use.
  Result<Stmt*> Cached(const std::string& sql);
  // How many stories a date range alone (`from`, `to` of a StoryFilter)
  // matches, counted over spans_ (read once per generation).
  Result<size_t> CountInDates(const std::string& from, const std::string& to, int64_t generation);
  // The rowids of the page `f` asks for, in order, when it filters by
  // nothing or by an outlet alone (*handled true), cut from orders_; other
  // filters set *handled false.
  Result<std::vector<int64_t>> PageInOrder(const StoryFilter& f, int64_t generation, bool* handled);
  // Fill orders_[which] and outlet_stories_ for `generation`.
  Status LoadOrder(size_t which, int64_t generation);
  Status LoadOutlets(int64_t generation);

  Db& db_;
  std::map<std::string, Stmt> cache_;
  // ListStories' totals by filter (conditions and values): generation, total.
  std::map<std::string, std::pair<int64_t, size_t>> counts_;
  // Every story's span (first, last) at generation spans_generation_: a
  // date range's total is counted here, as few ranges are asked twice.
  std::vector<std::pair<std::string, std::string>> spans_;
  int64_t spans_generation_ = -1;
  // Every story in the listing's order, newest first ([0]) and largest
  // first ([1]), at generation orders_generation_[i]: a page of the
  // listing, filtered by nothing or by an outlet alone, is cut from here
  // instead of walking an index (a deep offset or a rare outlet walked
  // thousands of entries per request).
  struct Order {
    std::vector<int64_t> rowids;
    std::vector<std::string> ids;
  };
  std::array<Order, 2> orders_;
  std::array<int64_t, 2> orders_generation_ = {-1, -1};
  // The stories of each outlet, keyed as COLLATE NOCASE compares (ASCII
  // letters folded), at generation outlets_generation_.
  std::unordered_map<std::string, std::unordered_set<std::string>> outlet_stories_;
  int64_t outlets_generation_ = -1;
};

}  // namespace storyline::store_internal

#endif  // STORYLINE_STORE_STORY_INDEX_H_
