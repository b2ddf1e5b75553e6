// store.h: the embedded SQLite store of articles, stories and search index.
//
//   auto store = storyline::Store::Open("storyline.db", {});
//   if (!store.ok()) return store.status();
//   storyline::Result<storyline::PutOutcome> o = (*store)->Put(article);
//
// One file, WAL mode, a versioned schema migrated forward on Open. Articles
// are identified by id and content hash, so ingesting the same input twice
// stores nothing new. Writes are grouped in transactions of
// StoreOptions::batch_size articles; a committed batch survives a kill.
// FTS5 indexes titles and bodies (and, later, quotations).
//
// Thread-safety: a Store is used by one thread at a time (external
// synchronisation). Several processes may open the same file; SQLite's
// locking serialises their writes.
#ifndef STORYLINE_STORE_H_
#define STORYLINE_STORE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

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
};

enum class PutOutcome {
  kStored,     // new id: stored
  kUpdated,    // known id, new content: replaced (an updated version)
  kUnchanged,  // known id, same content hash: nothing to do
  kDuplicate,  // new id, but the same content is stored under another id
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

class Store {
 public:
  // Opens (creating if needed, unless read_only) and migrates the store at
  // `path`. Fails with kCorruption if the file is not a storyline store.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options);

  Store(const Store&) = delete;  // owns a database connection
  Store& operator=(const Store&) = delete;
  ~Store();  // commits the open batch

  // Stores one article inside the current batch transaction.
  Result<PutOutcome> Put(const Article& article);
  // Commits the current batch (also done every batch_size puts).
  Status Flush();

  size_t ArticleCount() const;
  // All articles in (published, id) order.
  Result<std::vector<Article>> AllArticles() const;
  Result<Article> GetArticle(const std::string& id) const;

  // Full-text search (FTS5 query syntax; plain words work). At most `limit`
  // hits, best first. kInvalidInput for a malformed query (the message quotes
  // it); a caller taking free text from people uses SearchFreeText, which
  // retries with LiteralSearchQuery(query).
  Result<std::vector<SearchHit>> Search(const std::string& query, size_t limit) const;

  // Clustering keys (storyline::ClusterKeys) per article id, stored with the
  // article so that regrouping needs no new annotation of it. Keys of ids
  // that are not stored are ignored. A changed article loses its keys.
  Status SaveClusterKeys(const std::vector<std::pair<std::string, std::vector<std::string>>>& keys);
  // The stored keys by article id; articles with none are absent.
  Result<std::unordered_map<std::string, std::vector<std::string>>> ClusterKeys() const;

  // Replaces the stored story grouping.
  Status SaveStories(const std::vector<StoredStory>& stories);
  Result<std::vector<StoredStory>> Stories() const;

  int SchemaVersion() const;

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
Result<std::vector<SearchHit>> SearchFreeText(const Store& store, const std::string& text,
                                              size_t limit, std::string* query_run = nullptr);

}  // namespace storyline

#endif  // STORYLINE_STORE_H_
