#include "storyline/store.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "extract/annotator_version.h"
#include "store/annotation_codec.h"
#include "store/schema.h"
#include "store/sqlite_util.h"
#include "store/story_codec.h"
#include "store/story_index.h"

namespace storyline {

using store_internal::Db;
using store_internal::Stmt;
using store_internal::StmtRewinder;

namespace {

// How long a connection waits for another process's write lock before giving
// up with kIOError. 5 s outlasts one batch commit (well under a second, see
// StoreOptions::batch_size) with a wide margin, yet a stuck writer is still
// reported while the user is watching.
constexpr int kBusyTimeoutMs = 5000;

// snippet(): about a dozen tokens of context reads as one line in a terminal
// or a result list and is enough to judge a hit. Always cut from the body
// (column 1): the title is in the hit already, and FTS5's automatic choice
// prefers a short title with one match over a body with context; a hit that
// matches only in the title gets the body's opening words.
constexpr int kSnippetTokens = 12;

// bm25 column weights (title, text): a match in the title says more about
// what an article is about than one word deep in the body.
constexpr const char* kBm25Weights = "2.0, 1.0";

// Durability. WAL mode: readers (search, serve) never block the writer. With
// synchronous=NORMAL a COMMIT only write(2)s the batch to the WAL: it survives
// a kill or crash of this process (the data is in the OS page cache), but an
// OS crash or power loss may lose the last commits. FULL adds one fsync of
// the WAL per commit, so a batch that Flush() reported is on the disk. With
// 500-article batches that is one fsync (~4 ms measured) per ~150 ms of
// indexing work, and Put throughput did not change measurably (1735/s vs
// 1746/s on 3 KB articles), so we take FULL: "committed" then means durable
// against power loss too, not only against a kill.
//
// cache_size: FTS5 merges its index segments at every commit and re-reads the
// pages it just wrote; with SQLite's default 2 MiB cache those reads go back
// to the file, and Put throughput halves (measured on 3 KB articles). 64 MiB
// holds the hot segments of a store of ~100k articles and is small for a
// laptop. Negative means KiB.
constexpr const char* kConnectionPragmas =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
    "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;";
// A reader sets what it can without writing: the journal mode belongs to the
// file and was set by the writer that created it.
//
// mmap_size: a reader maps the file instead of copying each page it reads
// into its own cache (a pread and a 4 KiB allocation per page, and again
// after every commit of a writer beside it, which empties a reader's cache).
// The server keeps several readers open on one file; mapped, they share the
// OS's copy. SQLite caps the size at its compile-time maximum (2 GiB by
// default); pages past it, and pages still in the WAL, are read as before.
// The file is never shrunk under a reader (no VACUUM, no auto_vacuum), which
// is what would make a mapping unsafe.
constexpr const char* kReadOnlyPragmas =
    "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA mmap_size = 2147418112;";

int64_t HashToSql(uint64_t h) { return std::bit_cast<int64_t>(h); }
uint64_t HashFromSql(int64_t h) { return std::bit_cast<uint64_t>(h); }

std::string BoilerplateToJson(const std::vector<std::string>& lines) {
  // dump() with the replace handler never throws: invalid UTF-8 in a line
  // (which CleanDocument should not produce) becomes U+FFFD instead.
  return nlohmann::json(lines).dump(-1, ' ', false,
                                    nlohmann::json::error_handler_t::replace);
}

Result<std::vector<std::string>> BoilerplateFromJson(const std::string& json,
                                                     const std::string& where) {
  try {
    return nlohmann::json::parse(json).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(where + ": boilerplate_removed is not a JSON array of strings: " +
                              e.what());
  }
}

}  // namespace

struct Store::Impl {
  // Declared first so that it is destroyed last, after every statement.
  Db db;
  StoreOptions options;
  int schema_version = 0;
  bool in_batch = false;
  size_t batch_puts = 0;

  // The articles_generation bump of the open batch is done (store.h).
  bool batch_bumped = false;

  // Cached statements, prepared once in Prepare().
  Stmt begin, commit;
  Stmt find_by_id, find_by_origin, find_same_text, insert_article, update_article;
  Stmt claim_origin, bump_generation, read_meta;
  Stmt upsert_duplicate, delete_duplicate;
  Stmt count, get_article, all_articles, search, search_cut;
  Stmt stories;
  Stmt upsert_annotation, upsert_keys, get_annotation, annotator_of, get_keys;
  Stmt copy_scan, list_duplicates, last_grouped_undated, last_grouped_dated;
  Stmt article_at_slot, ungrouped, story_by_id, story_alias, story_articles, story_related, grouping_row,
      story_at_index, viewless;

  // The server's reads (story_index.h), made on first use.
  std::unique_ptr<store_internal::StoryIndexReader> reads;
  store_internal::StoryIndexReader& Reads() {
    if (reads == nullptr) reads = std::make_unique<store_internal::StoryIndexReader>(db);
    return *reads;
  }

  Status Prepare();
  Status RequireWritable(const char* what) const;
  Status BeginBatch();
  Status Commit();
  // After a failed statement inside a batch: SQLite rolls the whole
  // transaction back by itself on some errors (disk full, I/O). Notice that,
  // so the next Put opens a new batch, and say so in the message.
  Status BatchError(Status s);
  // A stored article as the identity lookups see it.
  struct Known {
    bool found = false;
    std::string id;
    uint64_t hash = 0;
    std::string origin;  // "" for a row stored before origins were kept
    std::string source;
  };
  // Runs a lookup statement (find_by_id or find_by_origin) for `key`.
  Result<Known> Lookup(Stmt& st, const std::string& key);
  // A free id for an article whose own id is taken by another origin.
  Result<std::string> DistinctId(const Article& a);
  Status BumpGeneration();
  Result<int64_t> Meta(const char* key);
  Result<PutOutcome> PutInBatch(const Article& a, uint64_t hash, PutReport* report);
  // Stores the annotations and ClusterKeys of article `id` in the open
  // transaction.
  Status WriteAnnotation(const std::string& id, const AnnotatedArticle& annotated);
  // The same with both already encoded (annotations by this annotator
  // version); "" keys stores none.
  Status WriteEncoded(const std::string& id, std::string_view blob, const std::string& keys);
  // Runs a statement that selects article_columns; one Article per row.
  Result<std::vector<Article>> ReadArticles(Stmt& st);
  Status SaveStoriesAt(const std::vector<StoredStory>& stories, const int64_t* generation);
  Result<Article> RowToArticle(const Stmt& st) const;
  Result<std::vector<SearchHit>> RunSearch(const std::string& query, size_t limit);
  // The first article row Search ranks for `query`: the row of its
  // search_ranked_matches-th newest match, or the lowest row when it has
  // fewer.
  Result<int64_t> SearchFrom(const std::string& query);
  // The Status of search statement result `rc` (not a row, not done).
  Status SearchError(int rc, const std::string& query);
};

Status Store::Impl::Prepare() {
  struct Entry {
    Stmt* stmt;
    std::string sql;
  };
  const std::string article_columns =
      "id, content_hash, title, published, outlet, url, author, source, text, "
      "boilerplate_removed, origin, published_source, authors";
  const std::string known_columns = "SELECT id, content_hash, origin, source FROM articles ";
  const Entry entries[] = {
      {&begin, "BEGIN IMMEDIATE"},
      {&commit, "COMMIT"},
      {&find_by_id, known_columns + "WHERE id = ?1"},
      // The condition repeats the partial index's, or SQLite scans the table.
      {&find_by_origin, known_columns + "WHERE origin = ?1 AND origin <> ''"},
      {&claim_origin, "UPDATE articles SET origin = ?2, source = ?3 WHERE id = ?1"},
      {&bump_generation,
       "UPDATE meta SET value = value + 1 WHERE key = 'articles_generation'"},
      {&read_meta, "SELECT value FROM meta WHERE key = ?1"},
      {&find_same_text,
       "SELECT id FROM articles WHERE content_hash = ?1 AND text = ?2 AND id <> ?3 "
       "ORDER BY doc LIMIT 1"},
      {&insert_article,
       "INSERT INTO articles (" + article_columns +
           ", ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
           "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"},
      {&update_article,
       "UPDATE articles SET content_hash = ?2, title = ?3, published = ?4, outlet = ?5, "
       "url = ?6, author = ?7, source = ?8, text = ?9, boilerplate_removed = ?10, origin = ?11, "
       "published_source = ?12, authors = ?13, "
       "slot = NULL, ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1"},
      {&upsert_duplicate,
       "INSERT INTO duplicates (id, original_id, content_hash, seen_at) "
       "VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
       "ON CONFLICT (id) DO UPDATE SET original_id = excluded.original_id, "
       "content_hash = excluded.content_hash, seen_at = excluded.seen_at"},
      {&delete_duplicate, "DELETE FROM duplicates WHERE id = ?1"},
      {&count, "SELECT count(*) FROM articles"},
      {&get_article, "SELECT " + article_columns + " FROM articles WHERE id = ?1"},
      {&all_articles,
       "SELECT " + article_columns + " FROM articles ORDER BY published, id"},
      // Ranked first, snippets after: snippet() of every match before the
      // sort made a common word cost 3x (36 against 15 ms at 10,000 synthetic
      // articles, bench/serve_load_throughput's store). Only matches from
      // row ?3 on are ranked (search_cut, StoreOptions::search_ranked_matches):
      // FTS5 seeks to it in each doclist. The hits keep the rank they were
      // sorted by: bm25() asked again of each hit, looked up by rowid, counts
      // every match of each phrase again for its IDF (a new FTS5 cursor per
      // lookup), which cost 20 ms for 20 hits of a word in 50,000 articles.
      // CROSS JOIN keeps the ranked hits the outer loop, so each is looked up
      // rather than every match scanned.
      {&search,
       std::string("SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', ") +
           std::to_string(kSnippetTokens) + "), r.rank FROM (SELECT rowid AS doc, bm25(articles_fts, " +
           kBm25Weights +
           ") AS rank FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid >= ?3 ORDER BY rank LIMIT ?2) AS r "
           "CROSS JOIN articles_fts CROSS JOIN articles AS a WHERE articles_fts MATCH ?1 AND "
           "articles_fts.rowid = r.doc AND a.doc = r.doc ORDER BY r.rank"},
      // The row of the ?2+1-th newest match: FTS5 walks its doclists
      // backwards without ranking (a millisecond for 2,000 matches).
      {&search_cut,
       "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2"},
      {&stories,
       "SELECT s.id, s.label, s.span_first, s.span_last, sa.article_id "
       "FROM stories AS s LEFT JOIN story_articles AS sa ON sa.story_id = s.id "
       "ORDER BY s.size DESC, s.first_key, s.ord, sa.position"},
      {&upsert_annotation,
       "INSERT OR REPLACE INTO annotations (doc, annotator, blob) "
       "SELECT doc, ?2, ?3 FROM articles WHERE id = ?1"},
      {&upsert_keys,
       "INSERT OR REPLACE INTO article_keys (doc, keys) SELECT doc, ?2 FROM articles WHERE id = ?1"},
      {&get_annotation,
       "SELECT n.blob FROM annotations AS n JOIN articles AS a ON a.doc = n.doc WHERE a.id = ?1"},
      {&annotator_of,
       "SELECT n.annotator FROM annotations AS n JOIN articles AS a ON a.doc = n.doc WHERE a.id = ?1"},
      {&get_keys,
       "SELECT k.keys FROM article_keys AS k JOIN articles AS a ON a.doc = k.doc WHERE a.id = ?1"},
      {&article_at_slot, "SELECT " + article_columns + " FROM articles WHERE slot = ?1"},
      {&copy_scan,
       "SELECT " + article_columns + ", n.annotator, n.blob, k.keys FROM articles "
       "LEFT JOIN annotations AS n ON n.doc = articles.doc "
       "LEFT JOIN article_keys AS k ON k.doc = articles.doc ORDER BY articles.doc"},
      {&list_duplicates, "SELECT id, original_id FROM duplicates ORDER BY id"},
      // Both walk articles_by_date from its end; the first grouped row ends them.
      {&last_grouped_undated,
       "SELECT id FROM articles WHERE published = '' AND slot IS NOT NULL ORDER BY id DESC LIMIT 1"},
      {&last_grouped_dated,
       "SELECT id FROM articles WHERE published > '' AND slot IS NOT NULL "
       "ORDER BY published DESC, id DESC LIMIT 1"},
      {&grouping_row, "SELECT value FROM grouping_rows WHERE kind = ?1 AND key = ?2"},
      {&story_at_index, "SELECT id, label FROM stories WHERE stream_index = ?1"},
      {&viewless,
       "SELECT stream_index FROM stories WHERE (view IS NULL OR substr(view, 1, 2) != ?1) "
       "AND stream_index IS NOT NULL ORDER BY stream_index"},
      {&ungrouped, "SELECT " + article_columns + " FROM articles WHERE slot IS NULL ORDER BY doc"},
      {&story_by_id,
       "SELECT id, label, span_first, span_last, stream_index, view FROM stories WHERE id = ?1"},
      {&story_alias, "SELECT story_id FROM story_aliases WHERE id = ?1"},
      {&story_articles,
       "SELECT " + article_columns + ", sa.position FROM story_articles AS sa "
       "JOIN articles ON articles.id = sa.article_id WHERE sa.story_id = ?1 ORDER BY articles.doc"},
      {&story_related,
       "SELECT s.id FROM story_links AS l JOIN stories AS s "
       "ON s.stream_index = (CASE WHEN l.a = ?1 THEN l.b ELSE l.a END) "
       "WHERE l.a = ?1 OR l.b = ?1 ORDER BY s.size DESC, s.first_key, s.ord"},
  };
  for (const Entry& e : entries) {
    if (Status s = db.Prepare(e.sql, e.stmt); !s.ok()) return s;
  }
  return Status::Ok();
}

Status Store::Impl::RequireWritable(const char* what) const {
  if (!options.read_only) return Status::Ok();
  return Status::InvalidInput(db.path() + ": cannot " + what +
                              ": the store was opened read-only");
}

Status Store::Impl::BeginBatch() {
  if (in_batch) return Status::Ok();
  StmtRewinder rewind(begin);
  const int rc = begin.Step();
  if (rc != SQLITE_DONE) return db.Error(rc, "cannot start a write transaction");
  in_batch = true;
  batch_puts = 0;
  batch_bumped = false;
  return Status::Ok();
}

Status Store::Impl::Commit() {
  if (!in_batch) return Status::Ok();
  StmtRewinder rewind(commit);
  const int rc = commit.Step();
  if (rc != SQLITE_DONE) {
    // A failed COMMIT (e.g. SQLITE_BUSY) leaves the transaction open, and a
    // later Flush may retry; an I/O error rolls it back.
    Status s = db.Error(rc, "cannot commit the batch of " + std::to_string(batch_puts) +
                                " articles");
    return BatchError(std::move(s));
  }
  in_batch = false;
  batch_puts = 0;
  return Status::Ok();
}

Status Store::Impl::BatchError(Status s) {
  if (in_batch && sqlite3_get_autocommit(db.handle()) != 0) {
    in_batch = false;
    s = s.WithContext("the uncommitted batch of " + std::to_string(batch_puts) +
                      " articles was rolled back");
    batch_puts = 0;
  }
  return s;
}

Result<Article> Store::Impl::RowToArticle(const Stmt& st) const {
  Article a;
  a.id = st.ColumnText(0);
  a.content_hash = HashFromSql(st.ColumnInt64(1));
  a.title = st.ColumnText(2);
  a.published = st.ColumnText(3);
  a.outlet = st.ColumnText(4);
  a.url = st.ColumnText(5);
  a.author = st.ColumnText(6);
  a.source = st.ColumnText(7);
  a.text = st.ColumnText(8);
  Result<std::vector<std::string>> removed =
      BoilerplateFromJson(st.ColumnText(9), db.path() + ": article " + a.id);
  if (!removed.ok()) return removed.status();
  a.boilerplate_removed = std::move(*removed);
  a.origin = st.ColumnText(10);
  a.published_source = st.ColumnText(11);
  Result<std::vector<std::string>> authors = BoilerplateFromJson(st.ColumnText(12), db.path() + ": article " + a.id);
  if (!authors.ok()) return authors.status();
  a.authors = std::move(*authors);
  return a;
}

namespace {

// Binds `a` stored under `id` with origin `origin` (which may differ from
// a.id and a.origin: see PutInBatch).
void BindArticle(Stmt& st, const Article& a, uint64_t hash, const std::string& id,
                 const std::string& origin) {
  st.BindText(1, id);
  st.BindInt64(2, HashToSql(hash));
  st.BindText(3, a.title);
  st.BindText(4, a.published);
  st.BindText(5, a.outlet);
  st.BindText(6, a.url);
  st.BindText(7, a.author);
  st.BindText(8, a.source);
  st.BindText(9, a.text);
  st.BindText(10, BoilerplateToJson(a.boilerplate_removed));
  st.BindText(11, origin);
  st.BindText(12, a.published_source);
  st.BindText(13, BoilerplateToJson(a.authors));
}

// After a clash, the article's id followed by a hash of its origin: 8 hex
// digits first (short, and stable across runs, so a re-ingest finds it),
// all 16 if those are taken too, then a counter. 100 tries: reaching them
// would take 100 ids crafted to collide; then the article is refused.
constexpr int kDistinctIdTries = 100;
constexpr size_t kShortHashDigits = 8;

// The clash suffix of DistinctId: "-" and the first 8 hex digits of the
// origin's hash, or "-" and all 16, or those and "-N".
std::string HashOfOrigin(const std::string& origin) { return fmt::format("{:016x}", ContentHash(origin)); }

// The id an article came with, from the id a store gave it: `stored_id`
// without the suffix DistinctId adds for `origin` (unchanged when it has
// none). An id of its own that happens to end in its origin's hash is
// taken for a clash's: that needs an id crafted for its origin.
std::string OwnId(const std::string& stored_id, const std::string& origin) {
  if (origin.empty()) return stored_id;
  const std::string hex = HashOfOrigin(origin);
  const std::string short_suffix = "-" + hex.substr(0, kShortHashDigits);
  const std::string long_suffix = "-" + hex;
  auto ends_with = [&](const std::string& suffix) {
    return stored_id.size() > suffix.size() && stored_id.ends_with(suffix);
  };
  if (ends_with(short_suffix)) return stored_id.substr(0, stored_id.size() - short_suffix.size());
  if (ends_with(long_suffix)) return stored_id.substr(0, stored_id.size() - long_suffix.size());
  const size_t at = stored_id.rfind(long_suffix + "-");
  if (at != std::string::npos && at > 0 &&
      stored_id.find_first_not_of("0123456789", at + long_suffix.size() + 1) == std::string::npos) {
    return stored_id.substr(0, at);
  }
  return stored_id;
}

}  // namespace

Result<Store::Impl::Known> Store::Impl::Lookup(Stmt& st, const std::string& key) {
  StmtRewinder rewind(st);
  st.BindText(1, key);
  Known k;
  const int rc = st.Step();
  if (rc == SQLITE_DONE) return k;
  if (rc != SQLITE_ROW) return db.Error(rc, "cannot look up article \"" + key + "\"");
  k.found = true;
  k.id = st.ColumnText(0);
  k.hash = HashFromSql(st.ColumnInt64(1));
  k.origin = st.ColumnText(2);
  k.source = st.ColumnText(3);
  return k;
}

Result<std::string> Store::Impl::DistinctId(const Article& a) {
  const std::string hex = HashOfOrigin(a.origin);
  for (int i = 0; i < kDistinctIdTries; ++i) {
    std::string id = a.id + "-" + (i == 0 ? hex.substr(0, kShortHashDigits) : hex);
    if (i > 1) id += "-" + std::to_string(i);
    Result<Known> taken = Lookup(find_by_id, id);
    if (!taken.ok()) return taken.status();
    if (!taken->found) return id;
  }
  return Status::Internal(a.source + ": no free id for article \"" + a.id + "\" after " +
                          std::to_string(kDistinctIdTries) + " tries");
}

Status Store::Impl::BumpGeneration() {
  if (batch_bumped) return Status::Ok();
  StmtRewinder rewind(bump_generation);
  const int rc = bump_generation.Step();
  if (rc != SQLITE_DONE) return db.Error(rc, "cannot mark the stories as behind the articles");
  batch_bumped = true;
  return Status::Ok();
}

Result<int64_t> Store::Impl::Meta(const char* key) {
  StmtRewinder rewind(read_meta);
  read_meta.BindText(1, key);
  const int rc = read_meta.Step();
  if (rc == SQLITE_DONE) return Status::Corruption(db.path() + ": meta entry " + key + " is missing");
  if (rc != SQLITE_ROW) return db.Error(rc, std::string("cannot read ") + key);
  return read_meta.ColumnInt64(0);
}

Result<PutOutcome> Store::Impl::PutInBatch(const Article& a, uint64_t hash, PutReport* report) {
  // The same input stored before, under whatever id it got then.
  Known known;
  if (!a.origin.empty()) {
    Result<Known> by_origin = Lookup(find_by_origin, a.origin);
    if (!by_origin.ok()) return by_origin.status();
    known = std::move(*by_origin);
  }
  std::string id = a.id;
  if (!known.found) {
    Result<Known> by_id = Lookup(find_by_id, a.id);
    if (!by_id.ok()) return by_id.status();
    // A row of unknown origin (stored before origins were kept), or an
    // article of unknown origin, is matched by id as it always was.
    if (by_id->found && !by_id->origin.empty() && !a.origin.empty()) {
      report->clashed_with = by_id->source.empty() ? by_id->origin : by_id->source;
      Result<std::string> distinct = DistinctId(a);
      if (!distinct.ok()) return distinct.status();
      id = std::move(*distinct);
    } else {
      known = std::move(*by_id);
    }
  }
  if (known.found) {
    report->id = known.id;
    const std::string& origin = a.origin.empty() ? known.origin : a.origin;
    if (known.hash == hash) {
      if (origin == known.origin) return PutOutcome::kUnchanged;
      StmtRewinder rewind(claim_origin);
      claim_origin.BindText(1, known.id);
      claim_origin.BindText(2, origin);
      claim_origin.BindText(3, a.source);
      const int rc = claim_origin.Step();
      if (rc != SQLITE_DONE) return db.Error(rc, "cannot record the origin of article " + known.id);
      return PutOutcome::kUnchanged;
    }
    StmtRewinder rewind(update_article);
    BindArticle(update_article, a, hash, known.id, origin);
    const int rc = update_article.Step();
    if (rc != SQLITE_DONE) return db.Error(rc, "cannot update article " + known.id);
    if (Status s = BumpGeneration(); !s.ok()) return s;
    return PutOutcome::kUpdated;
  }
  report->id = id;
  std::string original;
  {
    // The hash finds candidates through an index; comparing the text too
    // means a 64-bit hash collision can never hide an article.
    StmtRewinder rewind(find_same_text);
    find_same_text.BindInt64(1, HashToSql(hash));
    find_same_text.BindText(2, a.text);
    find_same_text.BindText(3, id);
    const int rc = find_same_text.Step();
    if (rc == SQLITE_ROW) {
      original = find_same_text.ColumnText(0);
    } else if (rc != SQLITE_DONE) {
      return db.Error(rc, "cannot look for copies of article " + id);
    }
  }
  if (!original.empty()) {
    StmtRewinder rewind(upsert_duplicate);
    upsert_duplicate.BindText(1, id);
    upsert_duplicate.BindText(2, original);
    upsert_duplicate.BindInt64(3, HashToSql(hash));
    const int rc = upsert_duplicate.Step();
    if (rc != SQLITE_DONE) return db.Error(rc, "cannot record duplicate " + id);
    return PutOutcome::kDuplicate;
  }
  {
    StmtRewinder rewind(insert_article);
    BindArticle(insert_article, a, hash, id, a.origin);
    const int rc = insert_article.Step();
    if (rc != SQLITE_DONE) return db.Error(rc, "cannot store article " + id);
  }
  {
    // An id once seen as a copy now has text of its own.
    StmtRewinder rewind(delete_duplicate);
    delete_duplicate.BindText(1, id);
    const int rc = delete_duplicate.Step();
    if (rc != SQLITE_DONE) return db.Error(rc, "cannot update duplicates of " + id);
  }
  if (Status s = BumpGeneration(); !s.ok()) return s;
  return PutOutcome::kStored;
}

Status Store::Impl::SearchError(int rc, const std::string& query) {
  // Errors while matching are the query's fault (FTS5 syntax, unknown
  // column filter); anything else is the database's.
  if ((rc & 0xff) == SQLITE_ERROR) {
    return Status::InvalidInput("malformed search query \"" + query + "\": " + sqlite3_errmsg(db.handle()));
  }
  return db.Error(rc, "search for \"" + query + "\" failed");
}

Result<int64_t> Store::Impl::SearchFrom(const std::string& query) {
  constexpr int64_t kEveryRow = std::numeric_limits<int64_t>::min();
  const size_t ranked = options.search_ranked_matches;
  const size_t max_offset = static_cast<size_t>(std::numeric_limits<int64_t>::max());
  if (ranked == 0 || ranked > max_offset) return kEveryRow;
  StmtRewinder rewind(search_cut);
  search_cut.BindText(1, query);
  search_cut.BindInt64(2, static_cast<int64_t>(ranked - 1));
  const int rc = search_cut.Step();
  if (rc == SQLITE_DONE) return kEveryRow;  // fewer matches: rank them all
  if (rc != SQLITE_ROW) return SearchError(rc, query);
  return search_cut.ColumnInt64(0);
}

Result<std::vector<SearchHit>> Store::Impl::RunSearch(const std::string& query,
                                                      size_t limit) {
  Result<int64_t> from = SearchFrom(query);
  if (!from.ok()) return from.status();
  std::vector<SearchHit> hits;
  StmtRewinder rewind(search);
  search.BindText(1, query);
  const size_t max_limit = static_cast<size_t>(std::numeric_limits<int64_t>::max());
  search.BindInt64(2, static_cast<int64_t>(std::min(limit, max_limit)));
  search.BindInt64(3, *from);
  for (;;) {
    const int rc = search.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return SearchError(rc, query);
    SearchHit hit;
    hit.kind = "article";
    hit.article_id = search.ColumnText(0);
    hit.title = search.ColumnText(1);
    hit.snippet = search.ColumnText(2);
    hit.rank = search.ColumnDouble(3);
    hits.push_back(std::move(hit));
  }
  return hits;
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Store::~Store() {
  // A destructor cannot report; a caller who needs to know that the last
  // batch reached the disk calls Flush() first and checks its Status.
  if (impl_ != nullptr) (void)impl_->Commit();
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                           const StoreOptions& options) {
  if (options.batch_size == 0) {
    return Status::InvalidInput(path + ": StoreOptions::batch_size must be at least 1");
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  Db& db = impl->db;
  if (options.read_only) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      return Status::NotFound(path + ": no such store");
    }
  }
  // NOMUTEX: a Store is used by one thread at a time (store.h), so SQLite's
  // own per-connection mutex would only cost time.
  const int flags = SQLITE_OPEN_NOMUTEX |
                    (options.read_only ? SQLITE_OPEN_READONLY
                                       : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (Status s = db.Open(path, flags); !s.ok()) return s;
  sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);

  const std::span<const store_internal::Migration> steps = store_internal::StoreMigrations();
  Result<int> version = store_internal::CheckStore(db, steps);
  if (!version.ok()) return version.status();
  const int latest = steps.back().version;
  if (options.read_only) {
    if (*version == 0) return Status::Corruption(path + ": empty file, not a storyline store");
    if (*version < latest) {
      return Status::Unsupported(path + ": store schema version " + std::to_string(*version) +
                                 " needs migrating to " + std::to_string(latest) +
                                 "; open it once for writing (`storyline reindex --db " + path + "` does)");
    }
    if (Status s = db.Exec(kReadOnlyPragmas); !s.ok()) return s;
  } else {
    // Only now, with the file known to be ours (or empty), may we change it.
    if (Status s = db.Exec(kConnectionPragmas); !s.ok()) return s;
    if (*version < latest) version = store_internal::Migrate(db, steps);
    if (!version.ok()) return version.status();
  }
  impl->schema_version = *version;
  if (Status s = impl->Prepare(); !s.ok()) return s;
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<PutOutcome> Store::Put(const Article& article, PutReport* report,
                              const AnnotatedArticle* annotated) {
  if (Status s = impl_->RequireWritable("store articles"); !s.ok()) return s;
  if (article.id.empty()) {
    return Status::InvalidInput(
        (article.source.empty() ? std::string("article") : article.source) +
        ": article has no id, cannot store it");
  }
  // A zero hash means "not filled" (Article built by hand, not by
  // CleanDocument); the store's dedup needs the real one.
  const uint64_t hash =
      article.content_hash != 0 ? article.content_hash : ContentHash(article.text);
  if (Status s = impl_->BeginBatch(); !s.ok()) return s;
  PutReport ignored;
  if (report == nullptr) report = &ignored;
  *report = PutReport{};
  Result<PutOutcome> outcome = impl_->PutInBatch(article, hash, report);
  if (!outcome.ok()) return impl_->BatchError(outcome.status());
  if (annotated != nullptr && *outcome != PutOutcome::kDuplicate) {
    if (Status s = impl_->WriteAnnotation(report->id, *annotated); !s.ok()) {
      return impl_->BatchError(s);
    }
  }
  if (++impl_->batch_puts >= impl_->options.batch_size) {
    if (Status s = impl_->Commit(); !s.ok()) return s;
  }
  return outcome;
}

Status Store::Flush() { return impl_->Commit(); }

Status Store::ForEachCopy(const std::function<Status(ArticleCopy&&)>& use) const {
  Impl& impl = *impl_;
  Stmt& st = impl.copy_scan;
  StmtRewinder rewind(st);
  // Column positions after the 13 article columns (Prepare).
  constexpr int kAnnotator = 13, kBlob = 14, kKeys = 15;
  for (;;) {
    const int rc = st.Step();
    if (rc == SQLITE_DONE) return Status::Ok();
    if (rc != SQLITE_ROW) return impl.db.Error(rc, "cannot read articles");
    Result<Article> a = impl.RowToArticle(st);
    if (!a.ok()) return a.status();
    ArticleCopy copy;
    copy.stored_id = a->id;
    copy.article = std::move(*a);
    copy.article.id = OwnId(copy.stored_id, copy.article.origin);
    if (sqlite3_column_type(st.get(), kBlob) != SQLITE_NULL) {
      copy.annotation.assign(static_cast<const char*>(sqlite3_column_blob(st.get(), kBlob)),
                             static_cast<size_t>(sqlite3_column_bytes(st.get(), kBlob)));
      copy.current = st.ColumnInt64(kAnnotator) == kAnnotatorVersion;
    }
    if (sqlite3_column_type(st.get(), kKeys) != SQLITE_NULL) copy.keys = st.ColumnText(kKeys);
    if (Status s = use(std::move(copy)); !s.ok()) return s;
  }
}

Result<PutOutcome> Store::PutCopy(const ArticleCopy& copy, PutReport* report, bool with_results) {
  if (Status s = impl_->RequireWritable("store articles"); !s.ok()) return s;
  const Article& article = copy.article;
  if (article.id.empty()) {
    return Status::InvalidInput(article.source + ": article has no id, cannot store it");
  }
  const uint64_t hash = article.content_hash != 0 ? article.content_hash : ContentHash(article.text);
  if (Status s = impl_->BeginBatch(); !s.ok()) return s;
  PutReport ignored;
  if (report == nullptr) report = &ignored;
  *report = PutReport{};
  Result<PutOutcome> outcome = impl_->PutInBatch(article, hash, report);
  if (!outcome.ok()) return impl_->BatchError(outcome.status());
  if (with_results && !copy.annotation.empty() && *outcome != PutOutcome::kDuplicate) {
    if (Status s = impl_->WriteEncoded(report->id, copy.annotation, copy.keys); !s.ok()) {
      return impl_->BatchError(s);
    }
  }
  if (++impl_->batch_puts >= impl_->options.batch_size) {
    if (Status s = impl_->Commit(); !s.ok()) return s;
  }
  return outcome;
}

Result<std::vector<std::pair<std::string, std::string>>> Store::Duplicates() const {
  Stmt& st = impl_->list_duplicates;
  StmtRewinder rewind(st);
  std::vector<std::pair<std::string, std::string>> out;
  for (;;) {
    const int rc = st.Step();
    if (rc == SQLITE_DONE) return out;
    if (rc != SQLITE_ROW) return impl_->db.Error(rc, "cannot read duplicates");
    out.emplace_back(st.ColumnText(0), st.ColumnText(1));
  }
}

Result<bool> Store::RecordDuplicate(const std::string& id, const std::string& text) {
  if (Status s = impl_->RequireWritable("record duplicates"); !s.ok()) return s;
  Impl& impl = *impl_;
  Result<Impl::Known> own = impl.Lookup(impl.find_by_id, id);
  if (!own.ok()) return own.status();
  if (own->found) return false;
  if (Status s = impl.BeginBatch(); !s.ok()) return s;
  const uint64_t hash = ContentHash(text);
  std::string original;
  {
    StmtRewinder rewind(impl.find_same_text);
    impl.find_same_text.BindInt64(1, HashToSql(hash));
    impl.find_same_text.BindText(2, text);
    impl.find_same_text.BindText(3, id);
    const int rc = impl.find_same_text.Step();
    if (rc == SQLITE_DONE) return false;
    if (rc != SQLITE_ROW) return impl.BatchError(impl.db.Error(rc, "cannot look for copies of article " + id));
    original = impl.find_same_text.ColumnText(0);
  }
  StmtRewinder rewind(impl.upsert_duplicate);
  impl.upsert_duplicate.BindText(1, id);
  impl.upsert_duplicate.BindText(2, original);
  impl.upsert_duplicate.BindInt64(3, HashToSql(hash));
  const int rc = impl.upsert_duplicate.Step();
  if (rc != SQLITE_DONE) return impl.BatchError(impl.db.Error(rc, "cannot record duplicate " + id));
  return true;
}

Result<std::string> Store::LastGroupedArticleId() const {
  // Undated articles come last in publication order, so one of them wins.
  for (Stmt* st : {&impl_->last_grouped_undated, &impl_->last_grouped_dated}) {
    StmtRewinder rewind(*st);
    const int rc = st->Step();
    if (rc == SQLITE_ROW) return st->ColumnText(0);
    if (rc != SQLITE_DONE) return impl_->db.Error(rc, "cannot read the grouped articles");
  }
  return std::string();
}

const std::string& Store::Path() const { return impl_->db.path(); }

size_t Store::ArticleCount() const {
  Stmt& st = impl_->count;
  StmtRewinder rewind(st);
  if (st.Step() != SQLITE_ROW) return 0;
  return static_cast<size_t>(st.ColumnInt64(0));
}

Result<std::vector<Article>> Store::AllArticles() const {
  Stmt& st = impl_->all_articles;
  StmtRewinder rewind(st);
  std::vector<Article> out;
  for (;;) {
    const int rc = st.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return impl_->db.Error(rc, "cannot read articles");
    Result<Article> a = impl_->RowToArticle(st);
    if (!a.ok()) return a.status();
    out.push_back(std::move(*a));
  }
  return out;
}

Result<Article> Store::GetArticle(const std::string& id) const {
  Stmt& st = impl_->get_article;
  StmtRewinder rewind(st);
  st.BindText(1, id);
  const int rc = st.Step();
  if (rc == SQLITE_DONE) {
    return Status::NotFound(impl_->db.path() + ": no article with id \"" + id + "\"");
  }
  if (rc != SQLITE_ROW) return impl_->db.Error(rc, "cannot read article " + id);
  return impl_->RowToArticle(st);
}

Result<std::vector<SearchHit>> Store::Search(const std::string& query, size_t limit) const {
  if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidInput("empty search query");
  }
  if (limit == 0) return std::vector<SearchHit>{};
  return impl_->RunSearch(query, limit);
}

std::string LiteralSearchQuery(const std::string& text) {
  std::string out;
  size_t i = 0;
  const std::string space = " \t\r\n\f\v";
  while (i < text.size()) {
    const size_t start = text.find_first_not_of(space, i);
    if (start == std::string::npos) break;
    size_t end = text.find_first_of(space, start);
    if (end == std::string::npos) end = text.size();
    if (!out.empty()) out += ' ';
    out += '"';
    for (size_t k = start; k < end; ++k) {
      if (text[k] == '"') out += '"';  // FTS5 escapes a quote by doubling it
      out += text[k];
    }
    out += '"';
    i = end;
  }
  return out;
}

namespace {

// `search` run on `text` as FTS5 syntax and, when FTS5 cannot parse it,
// on LiteralSearchQuery(text); *query_run gets the query that ran.
template <typename Search>
auto FreeText(const std::string& text, std::string* query_run, Search search) {
  std::string query = text;
  auto hits = search(query);
  if (!hits.ok() && hits.status().code() == StatusCode::kInvalidInput) {
    query = LiteralSearchQuery(text);
    hits = search(query);
  }
  if (query_run != nullptr) *query_run = std::move(query);
  return hits;
}

}  // namespace

Result<std::vector<SearchHit>> SearchFreeText(const Store& store, const std::string& text,
                                              size_t limit, std::string* query_run) {
  return FreeText(text, query_run, [&](const std::string& q) { return store.Search(q, limit); });
}

Status Store::SaveStories(const std::vector<StoredStory>& stories) {
  return impl_->SaveStoriesAt(stories, nullptr);
}

Status Store::SaveStories(const std::vector<StoredStory>& stories, int64_t articles_generation) {
  return impl_->SaveStoriesAt(stories, &articles_generation);
}

Status Store::Impl::SaveStoriesAt(const std::vector<StoredStory>& stories,
                                  const int64_t* generation) {
  if (Status s = RequireWritable("save stories"); !s.ok()) return s;
  // The grouping is replaced in a transaction of its own, after the pending
  // articles are committed, so a failure here never takes articles with it.
  if (Status s = Commit(); !s.ok()) return s;
  Stmt insert_story, insert_member;
  store_internal::StoryIndexWriter index(db);
  Status s = db.Exec("BEGIN IMMEDIATE; DELETE FROM story_articles; DELETE FROM stories;");
  if (s.ok()) s = index.Clear();
  if (s.ok()) {
    s = db.Prepare(
        "INSERT INTO stories (id, ord, label, span_first, span_last, size) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &insert_story);
  }
  if (s.ok()) {
    s = db.Prepare(
        "INSERT INTO story_articles (story_id, article_id, position) VALUES (?1, ?2, ?3)",
        &insert_member);
  }
  for (size_t i = 0; s.ok() && i < stories.size(); ++i) {
    const StoredStory& story = stories[i];
    StmtRewinder rewind_story(insert_story);
    insert_story.BindText(1, story.id);
    insert_story.BindInt64(2, static_cast<int64_t>(i));
    insert_story.BindText(3, story.label);
    insert_story.BindText(4, story.span_first);
    insert_story.BindText(5, story.span_last);
    insert_story.BindInt64(6, static_cast<int64_t>(story.articles.size()));
    int rc = insert_story.Step();
    if (rc != SQLITE_DONE) {
      s = db.Error(rc, "cannot save story \"" + story.id + "\"");
      break;
    }
    for (size_t k = 0; k < story.articles.size(); ++k) {
      StmtRewinder rewind_member(insert_member);
      insert_member.BindText(1, story.id);
      insert_member.BindText(2, story.articles[k]);
      insert_member.BindInt64(3, static_cast<int64_t>(k));
      rc = insert_member.Step();
      if (rc != SQLITE_DONE) {
        s = db.Error(rc, "cannot save the articles of story \"" + story.id + "\"");
        break;
      }
    }
    if (s.ok()) {
      Story row;
      row.id = story.id;
      s = index.AfterInsert(row, -1, /*has_view=*/false);
    }
  }
  if (s.ok()) s = index.BumpSaved();
  if (s.ok()) {
    // In the same transaction as the stories: after a kill either both are
    // there or neither, and the stories are known to be behind.
    s = db.Exec(generation == nullptr
                    ? std::string("UPDATE meta SET value = (SELECT value FROM meta WHERE key = "
                                  "'articles_generation') WHERE key = 'stories_generation'")
                    : "UPDATE meta SET value = " + std::to_string(*generation) +
                          " WHERE key = 'stories_generation'");
  }
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok() && sqlite3_get_autocommit(db.handle()) == 0) {
    // The first error is the one worth reporting; ROLLBACK only undoes it.
    (void)db.Exec("ROLLBACK");
  }
  return s;
}

Status Store::SaveClusterKeys(const std::vector<std::pair<std::string, std::vector<std::string>>>& keys) {
  if (Status s = impl_->RequireWritable("save clustering keys"); !s.ok()) return s;
  if (keys.empty()) return Status::Ok();
  // In a transaction of its own, after the pending articles are committed:
  // the keys refer to stored rows, and a failure here costs no article.
  if (Status s = impl_->Commit(); !s.ok()) return s;
  Db& db = impl_->db;
  Stmt insert;
  Status s = db.Exec("BEGIN IMMEDIATE");
  if (s.ok()) {
    s = db.Prepare(
        "INSERT OR REPLACE INTO article_keys (doc, keys) "
        "SELECT doc, ?2 FROM articles WHERE id = ?1",
        &insert);
  }
  for (size_t i = 0; s.ok() && i < keys.size(); ++i) {
    StmtRewinder rewind(insert);
    insert.BindText(1, keys[i].first);
    insert.BindText(2, nlohmann::json(keys[i].second).dump());
    const int rc = insert.Step();
    if (rc != SQLITE_DONE) s = db.Error(rc, "cannot save the clustering keys of \"" + keys[i].first + "\"");
  }
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok() && sqlite3_get_autocommit(db.handle()) == 0) (void)db.Exec("ROLLBACK");
  return s;
}

Result<std::unordered_map<std::string, std::vector<std::string>>> Store::ClusterKeys() const {
  Stmt st;
  if (Status s = impl_->db.Prepare(
          "SELECT a.id, k.keys FROM article_keys k JOIN articles a ON a.doc = k.doc", &st);
      !s.ok()) {
    return s;
  }
  std::unordered_map<std::string, std::vector<std::string>> out;
  for (;;) {
    const int rc = st.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return impl_->db.Error(rc, "cannot read clustering keys");
    std::string id = st.ColumnText(0);
    const nlohmann::json keys = nlohmann::json::parse(st.ColumnText(1), nullptr, /*allow_exceptions=*/false);
    // A damaged row is skipped: its article is annotated again.
    if (!keys.is_array()) continue;
    std::vector<std::string>& v = out[std::move(id)];
    for (const nlohmann::json& k : keys) {
      if (k.is_string()) v.push_back(k.get<std::string>());
    }
  }
  return out;
}

Result<std::vector<StoredStory>> Store::Stories() const {
  Stmt& st = impl_->stories;
  StmtRewinder rewind(st);
  std::vector<StoredStory> out;
  for (;;) {
    const int rc = st.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return impl_->db.Error(rc, "cannot read stories");
    std::string id = st.ColumnText(0);
    if (out.empty() || out.back().id != id) {
      StoredStory story;
      story.id = std::move(id);
      story.label = st.ColumnText(1);
      story.span_first = st.ColumnText(2);
      story.span_last = st.ColumnText(3);
      out.push_back(std::move(story));
    }
    // LEFT JOIN: a story without articles yields one row with a NULL member.
    if (sqlite3_column_type(st.get(), 4) != SQLITE_NULL) {
      out.back().articles.push_back(st.ColumnText(4));
    }
  }
  return out;
}

int Store::SchemaVersion() const { return impl_->schema_version; }

Result<int64_t> Store::ArticlesGeneration() const { return impl_->Meta("articles_generation"); }

Result<bool> Store::StoriesBehind() const {
  Result<int64_t> articles = impl_->Meta("articles_generation");
  if (!articles.ok()) return articles.status();
  Result<int64_t> stories = impl_->Meta("stories_generation");
  if (!stories.ok()) return stories.status();
  return *stories != *articles;
}

Status Store::Impl::WriteAnnotation(const std::string& id, const AnnotatedArticle& annotated) {
  return WriteEncoded(id, store_internal::EncodeAnnotation(annotated),
                      nlohmann::json(storyline::ClusterKeys(annotated))
                          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Status Store::Impl::WriteEncoded(const std::string& id, std::string_view blob, const std::string& keys) {
  {
    StmtRewinder rewind(upsert_annotation);
    upsert_annotation.BindText(1, id);
    upsert_annotation.BindInt64(2, kAnnotatorVersion);
    sqlite3_bind_blob(upsert_annotation.get(), 3, blob.data(), static_cast<int>(blob.size()),
                      SQLITE_TRANSIENT);
    const int rc = upsert_annotation.Step();
    if (rc != SQLITE_DONE) return db.Error(rc, "cannot store the annotations of article " + id);
  }
  if (keys.empty()) return Status::Ok();
  StmtRewinder rewind(upsert_keys);
  upsert_keys.BindText(1, id);
  upsert_keys.BindText(2, keys);
  const int rc = upsert_keys.Step();
  if (rc != SQLITE_DONE) return db.Error(rc, "cannot store the clustering keys of article " + id);
  return Status::Ok();
}

Result<std::vector<Article>> Store::Impl::ReadArticles(Stmt& st) {
  std::vector<Article> out;
  for (;;) {
    const int rc = st.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return db.Error(rc, "cannot read articles");
    Result<Article> a = RowToArticle(st);
    if (!a.ok()) return a.status();
    out.push_back(std::move(*a));
  }
  return out;
}

Result<bool> Store::NeedsAnnotation(const Article& article) const {
  Impl& impl = *impl_;
  const uint64_t hash = article.content_hash != 0 ? article.content_hash : ContentHash(article.text);
  Impl::Known known;
  if (!article.origin.empty()) {
    Result<Impl::Known> by_origin = impl.Lookup(impl.find_by_origin, article.origin);
    if (!by_origin.ok()) return by_origin.status();
    known = std::move(*by_origin);
  }
  if (!known.found) {
    Result<Impl::Known> by_id = impl.Lookup(impl.find_by_id, article.id);
    if (!by_id.ok()) return by_id.status();
    // The same matching as PutInBatch: a clash is a new article.
    if (by_id->found && (by_id->origin.empty() || article.origin.empty())) known = std::move(*by_id);
  }
  if (known.found) {
    if (known.hash != hash) return true;
    StmtRewinder rewind(impl.annotator_of);
    impl.annotator_of.BindText(1, known.id);
    const int rc = impl.annotator_of.Step();
    if (rc == SQLITE_DONE) return true;
    if (rc != SQLITE_ROW) return impl.db.Error(rc, "cannot read the annotations of " + known.id);
    return impl.annotator_of.ColumnInt64(0) != kAnnotatorVersion;
  }
  StmtRewinder rewind(impl.find_same_text);
  impl.find_same_text.BindInt64(1, HashToSql(hash));
  impl.find_same_text.BindText(2, article.text);
  impl.find_same_text.BindText(3, article.id);
  const int rc = impl.find_same_text.Step();
  if (rc == SQLITE_ROW) return false;  // a copy: stored as a duplicate
  if (rc != SQLITE_DONE) return impl.db.Error(rc, "cannot look for copies of article " + article.id);
  return true;
}

Status Store::SaveAnnotations(const std::vector<AnnotatedArticle>& annotated) {
  if (Status s = impl_->RequireWritable("save annotations"); !s.ok()) return s;
  if (annotated.empty()) return Status::Ok();
  if (Status s = impl_->Commit(); !s.ok()) return s;
  Db& db = impl_->db;
  Status s = db.Exec("BEGIN IMMEDIATE");
  for (size_t i = 0; s.ok() && i < annotated.size(); ++i) {
    s = impl_->WriteAnnotation(annotated[i].article.id, annotated[i]);
  }
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok() && sqlite3_get_autocommit(db.handle()) == 0) (void)db.Exec("ROLLBACK");
  return s;
}

Result<std::vector<std::string>> Store::StaleAnnotationIds() const {
  Stmt st;
  if (Status s = impl_->db.Prepare(
          // Both through indexes (no pass over every article): those with no
          // annotation row, and rows of another annotator version.
          "SELECT id, doc FROM articles WHERE annotated = 0 "
          "UNION SELECT a.id, a.doc FROM annotations AS n JOIN articles AS a ON a.doc = n.doc "
          "WHERE n.annotator < ?1 OR n.annotator > ?1 ORDER BY 2",
          &st);
      !s.ok()) {
    return s;
  }
  st.BindInt64(1, kAnnotatorVersion);
  std::vector<std::string> out;
  for (;;) {
    const int rc = st.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return impl_->db.Error(rc, "cannot list stale annotations");
    out.push_back(st.ColumnText(0));
  }
  return out;
}

Result<AnnotatedArticle> Store::GetAnnotated(Article article) const {
  Stmt& st = impl_->get_annotation;
  StmtRewinder rewind(st);
  st.BindText(1, article.id);
  const int rc = st.Step();
  if (rc == SQLITE_DONE) {
    return Status::NotFound(impl_->db.path() + ": no annotations stored for article \"" + article.id + "\"");
  }
  if (rc != SQLITE_ROW) return impl_->db.Error(rc, "cannot read the annotations of " + article.id);
  const void* data = sqlite3_column_blob(st.get(), 0);
  const int size = sqlite3_column_bytes(st.get(), 0);
  const std::string_view blob(static_cast<const char*>(data), static_cast<size_t>(size));
  return store_internal::DecodeAnnotation(blob, std::move(article));
}

Result<std::vector<std::string>> Store::ClusterKeysOf(const std::string& id) const {
  Stmt& st = impl_->get_keys;
  StmtRewinder rewind(st);
  st.BindText(1, id);
  const int rc = st.Step();
  if (rc == SQLITE_DONE) return Status::NotFound("no clustering keys for article " + id);
  if (rc != SQLITE_ROW) return impl_->db.Error(rc, "cannot read the clustering keys of " + id);
  const nlohmann::json keys = nlohmann::json::parse(st.ColumnText(0), nullptr, false);
  if (!keys.is_array()) return Status::NotFound("damaged clustering keys for article " + id);
  std::vector<std::string> out;
  for (const nlohmann::json& k : keys) {
    if (k.is_string()) out.push_back(k.get<std::string>());
  }
  return out;
}

int64_t Store::LookupScanSteps() const {
  int64_t steps = 0;
  for (const Stmt* st : {&impl_->find_by_id, &impl_->find_by_origin, &impl_->find_same_text,
                         &impl_->article_at_slot, &impl_->grouping_row}) {
    steps += sqlite3_stmt_status(st->get(), SQLITE_STMTSTATUS_FULLSCAN_STEP, 0);
  }
  return steps;
}

Result<std::string> Store::GroupingState() const {
  std::string meta;
  Result<bool> found = GetGroupingRow(0, "", &meta);
  if (!found.ok()) return found.status();
  return meta;
}

Result<bool> Store::GetGroupingRow(int kind, std::string_view key, std::string* value) const {
  Stmt& st = impl_->grouping_row;
  StmtRewinder rewind(st);
  st.BindInt64(1, kind);
  sqlite3_bind_blob(st.get(), 2, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
  const int rc = st.Step();
  if (rc == SQLITE_DONE) return false;
  if (rc != SQLITE_ROW) return impl_->db.Error(rc, "cannot read the grouping state");
  const void* data = sqlite3_column_blob(st.get(), 0);
  value->assign(static_cast<const char*>(data), static_cast<size_t>(sqlite3_column_bytes(st.get(), 0)));
  return true;
}

Result<std::vector<Article>> Store::UngroupedArticles() const {
  StmtRewinder rewind(impl_->ungrouped);
  return impl_->ReadArticles(impl_->ungrouped);
}

Result<std::vector<Article>> Store::ArticlesAtSlots(const std::vector<uint32_t>& slots) const {
  std::vector<Article> out;
  out.reserve(slots.size());
  Stmt& st = impl_->article_at_slot;
  for (uint32_t slot : slots) {
    StmtRewinder rewind(st);
    st.BindInt64(1, slot);
    Result<std::vector<Article>> a = impl_->ReadArticles(st);
    if (!a.ok()) return a.status();
    for (Article& x : *a) out.push_back(std::move(x));
  }
  return out;
}

namespace {

// Runs `st` (already bound) to completion; an error names `what`.
Status StepDone(Db& db, Stmt& st, const std::string& what) {
  const int rc = st.Step();
  st.Rewind();
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) return db.Error(rc, "cannot " + what);
  return Status::Ok();
}

}  // namespace

Status Store::SaveGrouping(const GroupingUpdate& u, int64_t articles_generation) {
  if (Status s = impl_->RequireWritable("save stories"); !s.ok()) return s;
  if (Status s = impl_->Commit(); !s.ok()) return s;
  Db& db = impl_->db;
  Stmt put_row, set_slot, drop_index, drop_id, insert_story, insert_member, insert_link, alias,
      realias, relink_a, relink_b, unlink;
  store_internal::StoryIndexWriter index(db);
  Status s = db.Exec("BEGIN IMMEDIATE");
  if (s.ok() && u.reset) {
    s = db.Exec("DELETE FROM story_articles; DELETE FROM stories; DELETE FROM story_links; "
                "DELETE FROM grouping_rows; UPDATE articles SET slot = NULL WHERE slot IS NOT NULL;");
    if (s.ok()) s = index.Clear();
  }
  const std::pair<Stmt*, const char*> statements[] = {
      {&put_row, "INSERT OR REPLACE INTO grouping_rows (kind, key, value) VALUES (?1, ?2, ?3)"},
      // A merged story's links move to the story it merged into.
      {&relink_a,
       "INSERT OR IGNORE INTO story_links (a, b) SELECT min(?2, b), max(?2, b) FROM story_links "
       "WHERE a = ?1 AND b <> ?2"},
      {&relink_b,
       "INSERT OR IGNORE INTO story_links (a, b) SELECT min(?2, a), max(?2, a) FROM story_links "
       "WHERE b = ?1 AND a <> ?2"},
      {&unlink, "DELETE FROM story_links WHERE a = ?1 OR b = ?1"},
      {&set_slot, "UPDATE articles SET slot = ?2 WHERE id = ?1"},
      {&drop_index, "DELETE FROM stories WHERE stream_index = ?1"},
      {&drop_id, "DELETE FROM stories WHERE id = ?1"},
      {&insert_story,
       "INSERT INTO stories (id, ord, label, span_first, span_last, stream_index, size, first_key, "
       "view) VALUES (?1, ?2, ?3, ?4, ?5, ?2, ?6, ?7, ?8)"},
      {&insert_member, "INSERT INTO story_articles (story_id, article_id, position) VALUES (?1, ?2, ?3)"},
      {&insert_link, "INSERT OR IGNORE INTO story_links (a, b) VALUES (?1, ?2)"},
      {&alias, "INSERT OR REPLACE INTO story_aliases (id, story_id) VALUES (?1, ?2)"},
      {&realias, "UPDATE story_aliases SET story_id = ?2 WHERE story_id = ?1"},
  };
  for (const auto& [st, sql] : statements) {
    if (s.ok()) s = db.Prepare(sql, st);
  }
  for (size_t i = 0; s.ok() && i < u.rows.size(); ++i) {
    const GroupingRow& row = u.rows[i];
    put_row.BindInt64(1, row.kind);
    sqlite3_bind_blob(put_row.get(), 2, row.key.data(), static_cast<int>(row.key.size()), SQLITE_STATIC);
    sqlite3_bind_blob(put_row.get(), 3, row.value.data(), static_cast<int>(row.value.size()), SQLITE_STATIC);
    s = StepDone(db, put_row, "save the grouping state");
  }
  // Old stories first: a slot or id freed here may be taken below. Merges
  // in the order made, so a chain (a into b, then b into c) ends at c.
  for (size_t i = 0; s.ok() && i < u.merged.size(); ++i) {
    const auto [from, into] = u.merged[i];
    s = index.Forget(from);
    if (!s.ok()) break;
    drop_index.BindInt64(1, from);
    s = StepDone(db, drop_index, "remove a merged story");
    for (Stmt* st : {&relink_a, &relink_b}) {
      if (!s.ok()) break;
      st->BindInt64(1, from);
      st->BindInt64(2, into);
      s = StepDone(db, *st, "move the links of a merged story");
    }
    if (s.ok()) {
      unlink.BindInt64(1, from);
      s = StepDone(db, unlink, "move the links of a merged story");
    }
  }
  for (size_t i = 0; s.ok() && i < u.stories.size(); ++i) {
    s = index.BeforeReplace(u.stories[i].stream_index, u.stories[i].has_view);
    if (!s.ok()) break;
    drop_index.BindInt64(1, u.stories[i].stream_index);
    s = StepDone(db, drop_index, "replace story " + u.stories[i].story.id);
    if (s.ok()) {
      drop_id.BindText(1, u.stories[i].story.id);
      s = StepDone(db, drop_id, "replace story " + u.stories[i].story.id);
    }
  }
  for (size_t i = 0; s.ok() && i < u.slots.size(); ++i) {
    set_slot.BindText(1, u.slots[i].first);
    set_slot.BindInt64(2, u.slots[i].second);
    s = StepDone(db, set_slot, "record the slot of article " + u.slots[i].first);
  }
  for (size_t i = 0; s.ok() && i < u.stories.size(); ++i) {
    const GroupedStory& g = u.stories[i];
    const Story& story = g.story;
    insert_story.BindText(1, story.id);
    insert_story.BindInt64(2, g.stream_index);
    insert_story.BindText(3, story.label);
    insert_story.BindText(4, story.span_first);
    insert_story.BindText(5, story.span_last);
    insert_story.BindInt64(6, static_cast<int64_t>(story.articles.size()));
    insert_story.BindText(7, g.first_key);
    const std::string view = g.has_view ? store_internal::EncodeStoryView(story) : std::string();
    if (g.has_view) {
      sqlite3_bind_blob(insert_story.get(), 8, view.data(), static_cast<int>(view.size()), SQLITE_STATIC);
    } else {
      sqlite3_bind_null(insert_story.get(), 8);
    }
    s = StepDone(db, insert_story, "save story " + story.id);
    for (size_t k = 0; s.ok() && k < story.articles.size(); ++k) {
      insert_member.BindText(1, story.id);
      insert_member.BindText(2, story.articles[k]);
      insert_member.BindInt64(3, static_cast<int64_t>(k));
      s = StepDone(db, insert_member, "save the articles of story " + story.id);
    }
    if (s.ok()) s = index.AfterInsert(story, g.stream_index, g.has_view);
  }
  for (size_t i = 0; s.ok() && i < u.links.size(); ++i) {
    insert_link.BindInt64(1, std::min(u.links[i].first, u.links[i].second));
    insert_link.BindInt64(2, std::max(u.links[i].first, u.links[i].second));
    s = StepDone(db, insert_link, "save related stories");
  }
  for (size_t i = 0; s.ok() && i < u.aliases.size(); ++i) {
    const auto& [old_id, new_id] = u.aliases[i];
    if (old_id == new_id) continue;
    realias.BindText(1, old_id);
    realias.BindText(2, new_id);
    s = StepDone(db, realias, "record the new id of story " + old_id);
    if (s.ok()) {
      alias.BindText(1, old_id);
      alias.BindText(2, new_id);
      s = StepDone(db, alias, "record the new id of story " + old_id);
    }
  }
  if (s.ok()) s = index.BumpSaved();
  if (s.ok()) {
    s = db.Exec("UPDATE meta SET value = " + std::to_string(articles_generation) +
                " WHERE key = 'stories_generation'");
  }
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok() && sqlite3_get_autocommit(db.handle()) == 0) (void)db.Exec("ROLLBACK");
  return s;
}

Store::Snapshot::Snapshot(const Store& store) : store_(store) {
  Db& db = store_.impl_->db;
  // BEGIN is deferred: the read transaction, and with it the view, starts
  // at the first read, and lasts until COMMIT.
  if (sqlite3_get_autocommit(db.handle()) != 0) began_ = db.Exec("BEGIN").ok();
}

Store::Snapshot::~Snapshot() {
  // A read transaction has nothing to lose: COMMIT only ends it.
  if (began_) (void)store_.impl_->db.Exec("COMMIT");
}

Result<std::vector<uint32_t>> Store::ViewlessStories() const {
  Stmt& st = impl_->viewless;
  StmtRewinder rewind(st);
  // A view another codec version wrote is as good as none: it is rebuilt.
  st.BindBlob(1, store_internal::StoryViewPrefix());
  std::vector<uint32_t> out;
  for (;;) {
    const int rc = st.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return impl_->db.Error(rc, "cannot list stories without a view");
    out.push_back(static_cast<uint32_t>(st.ColumnInt64(0)));
  }
  return out;
}

namespace {

// Column `column` (0: id, 1: label) of the story with `stream_index`; ""
// when there is none.
Result<std::string> StoryColumnAt(Db& db, Stmt& st, uint32_t stream_index, int column) {
  StmtRewinder rewind(st);
  st.BindInt64(1, stream_index);
  const int rc = st.Step();
  if (rc == SQLITE_DONE) return std::string();
  if (rc != SQLITE_ROW) return db.Error(rc, "cannot read story " + std::to_string(stream_index));
  return st.ColumnText(column);
}

}  // namespace

Result<std::string> Store::StoryIdAt(uint32_t stream_index) const {
  return StoryColumnAt(impl_->db, impl_->story_at_index, stream_index, 0);
}

Result<std::string> Store::StoryLabelAt(uint32_t stream_index) const {
  return StoryColumnAt(impl_->db, impl_->story_at_index, stream_index, 1);
}

Result<StoryRecord> Store::GetStory(const std::string& want) const {
  Impl& impl = *impl_;
  std::string id = want;
  StoryRecord rec;
  // An alias resolves once: aliases always name a live id (SaveGrouping
  // re-points older ones).
  for (int hop = 0; hop < 2; ++hop) {
    StmtRewinder rewind(impl.story_by_id);
    impl.story_by_id.BindText(1, id);
    const int rc = impl.story_by_id.Step();
    if (rc == SQLITE_ROW) {
      Stmt& st = impl.story_by_id;
      rec.story.id = st.ColumnText(0);
      rec.story.label = st.ColumnText(1);
      rec.story.span_first = st.ColumnText(2);
      rec.story.span_last = st.ColumnText(3);
      rec.stream_index = static_cast<uint32_t>(st.ColumnInt64(4));
      if (sqlite3_column_type(st.get(), 5) == SQLITE_BLOB) {
        const std::string_view blob(static_cast<const char*>(sqlite3_column_blob(st.get(), 5)),
                                    static_cast<size_t>(sqlite3_column_bytes(st.get(), 5)));
        Status v = store_internal::DecodeStoryView(blob, &rec.story);
        rec.has_view = v.ok();
      }
      break;
    }
    if (rc != SQLITE_DONE) return impl.db.Error(rc, "cannot read story " + id);
    StmtRewinder rewind_alias(impl.story_alias);
    impl.story_alias.BindText(1, id);
    const int arc = impl.story_alias.Step();
    if (arc != SQLITE_ROW || hop == 1) {
      return Status::NotFound(impl.db.path() + ": no story with id \"" + want + "\"");
    }
    id = impl.story_alias.ColumnText(0);
  }
  {
    StmtRewinder rewind(impl.story_articles);
    impl.story_articles.BindText(1, rec.story.id);
    Result<std::vector<Article>> articles = impl.ReadArticles(impl.story_articles);
    if (!articles.ok()) return articles.status();
    rec.articles = std::move(*articles);
  }
  {
    // Members in publication order, as saved.
    Stmt members;
    if (Status s = impl.db.Prepare(
            "SELECT article_id FROM story_articles WHERE story_id = ?1 ORDER BY position", &members);
        !s.ok()) {
      return s;
    }
    members.BindText(1, rec.story.id);
    for (int rc = members.Step(); rc == SQLITE_ROW; rc = members.Step()) {
      rec.story.articles.push_back(members.ColumnText(0));
    }
  }
  StmtRewinder rewind(impl.story_related);
  impl.story_related.BindInt64(1, rec.stream_index);
  for (int rc = impl.story_related.Step(); rc == SQLITE_ROW; rc = impl.story_related.Step()) {
    rec.story.related_stories.push_back(impl.story_related.ColumnText(0));
  }
  return rec;
}

Result<StoreState> Store::State() const { return impl_->Reads().State(); }

Result<int64_t> Store::Generation() const { return impl_->Reads().Generation(); }

Result<StoryPage> Store::ListStories(const StoryFilter& filter) const { return impl_->Reads().ListStories(filter); }

Result<std::string> Store::CurrentStoryId(const std::string& id) const { return impl_->Reads().CurrentStoryId(id); }

Result<StorySummary> Store::GetStorySummary(const std::string& id) const {
  return impl_->Reads().GetStorySummary(id);
}

Result<StoryView> Store::GetStoryView(const std::string& id) const { return impl_->Reads().GetStoryView(id); }

Result<std::vector<Article>> Store::StoryArticles(const std::string& id, size_t offset, size_t limit) const {
  return impl_->Reads().StoryArticles(id, offset, limit);
}

Result<std::vector<std::string>> Store::StoriesOfArticle(const std::string& article_id) const {
  return impl_->Reads().StoriesOfArticle(article_id);
}

Result<std::vector<EntitySummary>> Store::FindEntities(const std::string& prefix, size_t offset, size_t limit,
                                                       size_t* total) const {
  return impl_->Reads().FindEntities(prefix, offset, limit, total);
}

Result<EntityRecord> Store::GetEntity(const std::string& key) const { return impl_->Reads().GetEntity(key); }

Result<std::vector<QuoteHit>> Store::SearchQuotes(const std::string& query, size_t limit) const {
  return impl_->Reads().SearchQuotes(query, limit);
}

Result<std::vector<QuoteHit>> SearchQuotesFreeText(const Store& store, const std::string& text, size_t limit,
                                                   std::string* query_run) {
  return FreeText(text, query_run, [&](const std::string& q) { return store.SearchQuotes(q, limit); });
}

}  // namespace storyline
