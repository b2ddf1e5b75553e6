// store.h: the embedded SQLite store of articles, stories and search index.
//
//   auto store = storyline::Store::Open("storyline.db", {});
//   if (!store.ok()) return store.status();
//   storyline::Result<storyline::PutOutcome> o = (*store)->Put(article);
//
// One file, WAL mode, a versioned schema migrated forward on Open. An
// article is known by its origin (Article::origin: the input it came from)
// and its content hash, so ingesting the same input twice stores nothing
// new, and no input ever silently replaces another: the same origin with new
// content is an update; another origin with a taken id is a clash, stored
// under a distinct id (PutReport). Writes are grouped in transactions of
// StoreOptions::batch_size articles; a committed batch survives a kill.
// FTS5 indexes titles and bodies (and, later, quotations).
//
// Stories are saved apart from the articles; every batch that stores or
// changes an article marks them behind in its own transaction, and saving
// them clears the mark in theirs. After a kill between the two,
// StoriesBehind() says so and the next writer regroups.
//
// Thread-safety: a Store is used by one thread at a time (external
// synchronisation). Several processes may open the same file; SQLite's
// locking serialises their writes.
#ifndef STORYLINE_STORE_H_
#define STORYLINE_STORE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storyline/annotation.h"
#include "storyline/article.h"
#include "storyline/brief.h"
#include "storyline/status.h"

namespace storyline {

struct StoreOptions {
  // Articles per write transaction. 500 keeps a transaction well under a
  // second on a laptop while amortising fsync; a kill loses at most one batch
  // of not-yet-committed work.
  size_t batch_size = 500;
  // Open read-only (search, brief, serve); fails if the file does not exist.
  bool read_only = false;
  // Search ranks (bm25) at most this many of a query's matches, the most
  // recently stored ones (the highest article rows), and returns the best of
  // those. Ranking costs about a microsecond per match: a common word of a
  // 100,000-article store (25,000-50,000 matches) took 15-30 ms, which let
  // one search hold a server's core; 2,000 bounds it near 2 ms and keeps a
  // few days of a busy news stream. A query with fewer matches is ranked in
  // full, as before. 0: rank every match.
  size_t search_ranked_matches = 2000;
};

enum class PutOutcome {
  kStored,     // new origin (or id): stored
  kUpdated,    // known origin, new content: replaced (an updated version)
  kUnchanged,  // known origin, same content hash: nothing to do
  kDuplicate,  // new origin, but the same content is stored under another id
};

// What Put did besides its outcome.
struct PutReport {
  // The id the article is stored (or its duplicate recorded) under: its own
  // id; the id of the article stored earlier from the same origin (an update
  // keeps the id it had); or, after a clash, a distinct one: the article's
  // id, "-" and 8 hex digits of a hash of its origin ("index-1f2e3d4c").
  std::string id;
  // Non-empty after a clash: the article's own id was taken by an article
  // of another origin, named here by its source ("a/index.txt").
  std::string clashed_with;
};

struct SearchHit {
  std::string kind;  // "article" (later also "quote")
  std::string article_id;
  std::string title;
  std::string snippet;  // with the matches wrapped in [ and ]
  double rank = 0;      // bm25, lower is better
};

struct StoredStory {
  std::string id;
  std::string label;
  std::string span_first, span_last;
  std::vector<std::string> articles;
};

// A story as the incremental grouping saves it (Store::SaveGrouping).
struct GroupedStory {
  // Id, label, span, articles (publication order) and duplicates; the view
  // (entities, quotes, timeline, claims) when `has_view`. related_stories
  // is not saved here (GroupingUpdate::links).
  Story story;
  bool has_view = false;
  uint32_t stream_index = 0;  // the grouper's story
  std::string first_key;      // PublicationKey of its first article: orders ties
};

// One row of the grouper's state (stories/state_rows.h): a kind, a key and
// a value, opaque to the store.
struct GroupingRow {
  int kind = 0;
  std::string key;
  std::string value;
};

// What one regroup changed, saved in one transaction with the stories.
struct GroupingUpdate {
  // The grouper's state rows that changed (replacing rows of equal kind and
  // key), its counters row among them.
  std::vector<GroupingRow> rows;
  // The state was made from nothing: every state row and story row saved
  // before goes.
  bool reset = false;
  std::vector<std::pair<std::string, uint32_t>> slots;  // article id -> slot
  // Merges in the order made: (stream index merged away, the one it merged
  // into then). The first's row goes and its related links move over.
  std::vector<std::pair<uint32_t, uint32_t>> merged;
  std::vector<GroupedStory> stories;   // rows written, replacing their index's
  std::vector<std::pair<uint32_t, uint32_t>> links;  // related pairs made by this regroup
  std::vector<std::pair<std::string, std::string>> aliases;  // old id -> new id
};

// One stored story with what a brief needs.
struct StoryRecord {
  Story story;            // related_stories filled, in listing order
  bool has_view = false;  // story's view is stored (else only the grouping)
  uint32_t stream_index = 0;
  std::vector<Article> articles;  // its articles, in the order they were stored
};

// An article with its stored results, as read from one store to be put
// into another (Store::ForEachCopy, Store::PutCopy; `storyline merge`).
// The encoded fields are opaque: only a Store reads them.
struct ArticleCopy {
  // The article. Its id is the one it came with: the distinct id a clash
  // gave it in the store it was read from (PutReport::id) is undone, so the
  // store it is put into applies the clash rule anew.
  Article article;
  std::string stored_id;  // its id in the store it was read from
  std::string annotation;  // its encoded annotations ("" when none)
  std::string keys;        // its encoded ClusterKeys ("" when none)
  // The annotations were made by this annotator version (not stale).
  bool current = false;
};

// --- What the server reads (schema 7; Store::ListStories and after) ---

// One story as a listing shows it, read from the row its grouping saved
// (headline, outlets) and the digest its view saved (the counts).
struct StorySummary {
  std::string id;
  std::string label;
  // The title of its earliest article with one: a headline-like label.
  std::string headline;
  std::string span_first, span_last;  // YYYY[-MM[-DD]] or "" if undated
  size_t size = 0;                    // articles
  std::vector<std::string> outlets;   // most articles first
  // Shown items per section (render.h's ShownItems), from its view:
  size_t quotes = 0, claims = 0, conflicts = 0, timeline = 0, entities = 0;
  std::vector<std::string> top_entities;  // names, most mentioned first
  // False while its view is being rebuilt (an ingest runs): the counts and
  // sections are those of the view built before, or none for a new story.
  bool view_current = false;
};

enum class StoryOrder {
  kNewest,   // latest date first (span_last descending; undated last)
  kLargest,  // most articles first
};

// Which stories Store::ListStories returns. Empty filters match all.
struct StoryFilter {
  std::string from;    // stories whose span reaches this date or later
  std::string to;      // stories whose span starts on or before this date
  std::string outlet;  // stories with an article from this outlet (case-insensitive)
  std::string entity;  // stories whose view names this entity (folded name)
  StoryOrder order = StoryOrder::kNewest;
  size_t offset = 0;
  size_t limit = 50;
};

struct StoryPage {
  size_t total = 0;  // stories matching the filter
  std::vector<StorySummary> stories;
};

// A story's stored view for paging through its sections.
struct StoryView {
  // Id, label, span, articles (publication order), related stories and the
  // view fields; the view fields empty when `has_view` is false.
  Story story;
  bool has_view = false;
  // False when `story`'s view is the one built before its latest change
  // (StorySummary::view_current).
  bool current = false;
};

// An entity as named across stories: one per folded name.
struct EntitySummary {
  std::string key;   // the folded name: the entity's identity across stories
  std::string name;  // as one story's view spells it
  std::string type;
  size_t stories = 0;
};

// One story that names an entity (Store::GetEntity).
struct EntityInStory {
  std::string story_id;
  std::vector<std::string> ids;  // the entity's ids in that story's view (e1, ...)
  size_t mentions = 0;
  size_t claims = 0;  // shown claims about it
  size_t quotes = 0;  // shown quotes it said
};

struct EntityRecord {
  std::string key, name, type;
  std::vector<std::string> aliases;  // union over its stories, sorted
  std::vector<EntityInStory> stories;  // newest story first
};

// A quotation found by Store::SearchQuotes.
struct QuoteHit {
  std::string story_id;
  std::string quote_id;  // in the story's view (q1, ...)
  std::string speaker_name;
  std::string snippet;  // with the matches wrapped in [ and ]
  double rank = 0;      // bm25, lower is better
};

// What /api/status reports.
struct StoreState {
  // Grows with every committed change to the articles or the stories.
  int64_t generation = 0;
  size_t stories = 0;
  size_t articles = 0;
  bool behind = false;  // Store::StoriesBehind
};

class Store {
 public:
  // Opens (creating if needed, unless read_only) and migrates the store at
  // `path`. Fails with kCorruption if the file is not a storyline store.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options);

  Store(const Store&) = delete;  // owns a database connection
  Store& operator=(const Store&) = delete;
  ~Store();  // commits the open batch

  // Stores one article inside the current batch transaction. Matches it to
  // a stored article by origin; failing that, by id when either origin is
  // unknown (""; rows stored before schema 3 have none and take the first
  // origin that comes with their id). `report` (may be null) receives the
  // id used and any clash.
  //
  // With `annotated` (the annotations of this article's text), its
  // annotations and ClusterKeys are stored in the same transaction (also
  // for an unchanged article: that refreshes stale ones).
  Result<PutOutcome> Put(const Article& article, PutReport* report = nullptr,
                         const AnnotatedArticle* annotated = nullptr);
  // Whether Put(article) would need the article annotated: it is new, or
  // changed, or its stored annotations are missing or were made by another
  // annotator version; false for an unchanged article with fresh ones and
  // for a copy of another stored article's text (kDuplicate).
  Result<bool> NeedsAnnotation(const Article& article) const;
  // Commits the current batch (also done every batch_size puts).
  Status Flush();

  // --- Copying between stores (`storyline merge`) ---

  // Calls `use` with every stored article and its stored results, in
  // storage order (the order a single ingest stored them in), streaming:
  // one article in memory at a time. Stops at the first error `use`
  // returns, and returns it; kCorruption for a damaged row.
  // REQUIRES: `use` does not write to this store.
  Status ForEachCopy(const std::function<Status(ArticleCopy&&)>& use) const;
  // Stores copy.article as Put does (same identity, update, clash and
  // duplicate rules). With `with_results`, the copy's encoded annotations
  // and ClusterKeys are stored with it byte for byte (nothing decoded or
  // made again). REQUIRES: copy.current when `with_results`.
  Result<PutOutcome> PutCopy(const ArticleCopy& copy, PutReport* report, bool with_results);
  // The ids recorded as copies of a stored article's text (Put's
  // kDuplicate) with that article's id, by id.
  Result<std::vector<std::pair<std::string, std::string>>> Duplicates() const;
  // Records `id` as a copy of the stored article whose text is `text`, as
  // Put of an article with that id and text from a new origin does: true
  // when recorded; false when `id` is a stored article or no stored article
  // has that text.
  Result<bool> RecordDuplicate(const std::string& id, const std::string& text);
  // The id of the grouped article (one with a slot) that comes last in
  // publication order (stories::PublicationKey: dated ones by date then id,
  // then undated ones by id); "" when none is grouped.
  Result<std::string> LastGroupedArticleId() const;
  // The file this store was opened from, as given to Open.
  const std::string& Path() const;

  size_t ArticleCount() const;
  // Rows stepped through by full table scans in the lookups an ingest runs
  // per article (by id, origin, text, slot, grouping row) since the store
  // was opened: 0 unless a lookup lost its index (a diagnostic for tests
  // and benchmarks).
  int64_t LookupScanSteps() const;
  // All articles in (published, id) order.
  Result<std::vector<Article>> AllArticles() const;
  Result<Article> GetArticle(const std::string& id) const;

  // Full-text search (FTS5 query syntax; plain words work). At most `limit`
  // hits, best first, among the StoreOptions::search_ranked_matches newest
  // matches. kInvalidInput for a malformed query (the message quotes
  // it); a caller taking free text from people uses SearchFreeText, which
  // retries with LiteralSearchQuery(query).
  Result<std::vector<SearchHit>> Search(const std::string& query, size_t limit) const;

  // Clustering keys (storyline::ClusterKeys) per article id, stored with the
  // article so that regrouping needs no new annotation of it. Keys of ids
  // that are not stored are ignored. A changed article loses its keys.
  Status SaveClusterKeys(const std::vector<std::pair<std::string, std::vector<std::string>>>& keys);
  // The stored keys by article id; articles with none are absent.
  Result<std::unordered_map<std::string, std::vector<std::string>>> ClusterKeys() const;

  // Replaces the stored story grouping, made from the articles of
  // `articles_generation` (ArticlesGeneration() read before the articles
  // were): the stories are up to date unless articles changed since. The
  // form without it takes the current generation (for a caller that holds
  // the only writer). Commits the open batch first.
  Status SaveStories(const std::vector<StoredStory>& stories, int64_t articles_generation);
  Status SaveStories(const std::vector<StoredStory>& stories);
  Result<std::vector<StoredStory>> Stories() const;

  // A counter bumped by every committed batch (and this connection's open
  // one) that stored or changed an article.
  Result<int64_t> ArticlesGeneration() const;
  // True when articles were stored or changed since the stories were last
  // saved: an ingest is between its batches and its regroup, or was killed
  // there. Stories() then lists the older grouping; a writer regroups.
  Result<bool> StoriesBehind() const;

  int SchemaVersion() const;

  // --- What was learned (schema 4) ---

  // Stores annotations of stored articles (by annotated.article.id, which
  // must be the stored text's) in one transaction. Unknown ids are ignored.
  Status SaveAnnotations(const std::vector<AnnotatedArticle>& annotated);
  // Ids of articles whose annotations are missing or stale (another
  // annotator version), in storage order.
  Result<std::vector<std::string>> StaleAnnotationIds() const;
  // The stored annotations of `article` (a stored article, as GetArticle
  // returns it). kNotFound when none are stored; kUnsupported when they are
  // stale (another annotator version, or another text); kCorruption when
  // damaged.
  Result<AnnotatedArticle> GetAnnotated(Article article) const;
  // The ClusterKeys stored for article `id`, or kNotFound.
  Result<std::vector<std::string>> ClusterKeysOf(const std::string& id) const;

  // The grouper's counters row (kind 0, key ""); "" when none is saved.
  Result<std::string> GroupingState() const;
  // The grouper's state row of `kind` and `key`: true and *value set, or
  // false when there is none.
  Result<bool> GetGroupingRow(int kind, std::string_view key, std::string* value) const;
  // Articles not yet grouped (no slot), in storage order.
  Result<std::vector<Article>> UngroupedArticles() const;
  // The articles at `slots` (in that order; a slot no article holds any
  // more, after an update, is skipped).
  Result<std::vector<Article>> ArticlesAtSlots(const std::vector<uint32_t>& slots) const;
  // Saves a regroup in one transaction: state, slots, stories, links,
  // aliases, and the stories generation (as SaveStories). Commits the open
  // batch first.
  Status SaveGrouping(const GroupingUpdate& update, int64_t articles_generation);
  // Stream indices of the stored stories saved without a view, or with a
  // view written by another version of the view code, ascending.
  Result<std::vector<uint32_t>> ViewlessStories() const;
  // The id of the stored story with stream index `stream_index`; "" if none.
  Result<std::string> StoryIdAt(uint32_t stream_index) const;
  // Its label; "" if none.
  Result<std::string> StoryLabelAt(uint32_t stream_index) const;
  // The story with id `id` (or an alias of it): kNotFound if none.
  Result<StoryRecord> GetStory(const std::string& id) const;

  // --- Reads for the server (schema 7) ---
  // Each reads only stored rows (nothing is grouped or annotated) and
  // costs what its page costs, not what the store holds, but for the
  // filter's matches counted by ListStories and FindEntities.

  // The generation, counts and freshness. Cheap: the counters and two counts.
  Result<StoreState> State() const;
  // The generation alone: one read of the counters.
  Result<int64_t> Generation() const;
  // The stories matching `filter`, one page. kInvalidInput for a limit of 0.
  Result<StoryPage> ListStories(const StoryFilter& filter) const;
  // The current id of story `id`: `id` itself, or the story an alias names
  // (a story that merged into another, or whose first article changed).
  // kNotFound if neither.
  Result<std::string> CurrentStoryId(const std::string& id) const;
  // The summary of the story with current id `id` (no aliases); kNotFound.
  Result<StorySummary> GetStorySummary(const std::string& id) const;
  // The stored view of the story with current id `id`; kNotFound;
  // kCorruption for a damaged view.
  Result<StoryView> GetStoryView(const std::string& id) const;
  // Articles [offset, offset + limit) of story `id` in publication order,
  // without their text (Article::text empty); kNotFound for no such story.
  Result<std::vector<Article>> StoryArticles(const std::string& id, size_t offset, size_t limit) const;
  // The ids of the stories that hold article `article_id` (usually one).
  Result<std::vector<std::string>> StoriesOfArticle(const std::string& article_id) const;
  // Entities one of whose folded name's words starts with `prefix` (already
  // folded: "qua" finds "teodora quaile"), most stories first; `*total` (not null) receives how many match.
  Result<std::vector<EntitySummary>> FindEntities(const std::string& prefix, size_t offset, size_t limit,
                                                  size_t* total) const;
  // The entity with folded name `key`, with every story naming it; kNotFound.
  Result<EntityRecord> GetEntity(const std::string& key) const;
  // Full-text search over the stories' quotations (speaker and wording),
  // FTS5 syntax as Search; kInvalidInput for a malformed query.
  Result<std::vector<QuoteHit>> SearchQuotes(const std::string& query, size_t limit) const;

  // One consistent view for several reads: while a Snapshot lives, every
  // read through this store sees the same committed state, whatever another
  // process commits meanwhile (each read alone would see the latest). A
  // no-op inside an open write batch, which is its own view. Short-lived:
  // a long snapshot keeps the writer from recycling the log.
  class Snapshot {
   public:
    explicit Snapshot(const Store& store);
    ~Snapshot();
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;

   private:
    const Store& store_;
    bool began_ = false;
  };

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Turns free text into an FTS5 query that always parses: each
// whitespace-separated word becomes a quoted phrase (quotes inside doubled),
// all of them required:  kim's "ad   becomes   "kim's" """ad"
// Operators such as OR, NEAR, * and column filters lose their meaning.
// Returns "" for blank text.
std::string LiteralSearchQuery(const std::string& text);

// Search for text people typed (`storyline search`, the server's
// /api/search): runs `text` as FTS5 syntax, and when FTS5 cannot parse it
// (kInvalidInput from Store::Search) runs LiteralSearchQuery(text) instead, so
// "Quaile's" and bridge-contract find their words while queries that parse
// keep FTS5's operators. `*query_run`, if not null, receives the query whose
// hits are returned. kInvalidInput for blank text; other errors as Search.
// SearchFreeText over quotations (Store::SearchQuotes).
Result<std::vector<QuoteHit>> SearchQuotesFreeText(const Store& store, const std::string& text, size_t limit,
                                                   std::string* query_run = nullptr);

// The key an entity is known by across stories (EntitySummary::key): its
// name with Unicode case folding, whitespace runs made one space.
std::string EntityKey(const std::string& name);

Result<std::vector<SearchHit>> SearchFreeText(const Store& store, const std::string& text,
                                              size_t limit, std::string* query_run = nullptr);

}  // namespace storyline

#endif  // STORYLINE_STORE_H_
