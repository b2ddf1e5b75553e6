#include "store/schema.h"

#include <string>

namespace storyline::store_internal {
namespace {

// Version 1.
//
// articles: `doc` is an explicit INTEGER PRIMARY KEY (an alias of the rowid)
// because the external-content FTS index refers to rows by rowid, and only an
// alias is guaranteed to keep its value across VACUUM. The article id is the
// logical key (UNIQUE). content_hash is the XXH3-64 of `text`, bit-cast to
// SQLite's signed 64-bit INTEGER. boilerplate_removed is a JSON array of
// strings. ingested_at is UTC ISO 8601, set when a row is stored or updated.
//
// duplicates: ids whose text was already stored under another id; kept so a
// re-ingest answers kDuplicate again and so a brief can say who ran the
// same copy.
//
// stories/story_articles: the last saved story grouping; `ord` keeps the
// order it was saved in. article_id has no foreign key: a grouping may name
// an article that was later deduplicated away, and losing the grouping over
// that would be worse than a dangling id.
//
// articles_fts: FTS5 over title and text, external content (the text is
// stored once, in `articles`), kept in sync by triggers on insert, delete
// and update. unicode61 with remove_diacritics 2 folds case and accents for
// every script; no stemmer, since the Porter stemmer is English-only and
// the news is not. Quotations will get their own table and FTS index in a
// later step (quotes(doc INTEGER PRIMARY KEY, article_id, speaker, text, kind)
// + quotes_fts with the same trigger pattern); Search then merges both by
// bm25 and SearchHit::kind tells the hits apart, so this index never needs a
// rebuild for that.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE articles (
  doc INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  outlet TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  boilerplate_removed TEXT NOT NULL DEFAULT '[]',
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_by_hash ON articles(content_hash);
CREATE INDEX articles_by_date ON articles(published, id);

CREATE TABLE duplicates (
  id TEXT PRIMARY KEY,
  original_id TEXT NOT NULL,
  content_hash INTEGER NOT NULL,
  seen_at TEXT NOT NULL
);

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL,
  label TEXT NOT NULL,
  span_first TEXT NOT NULL,
  span_last TEXT NOT NULL
);
CREATE TABLE story_articles (
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  article_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (story_id, position)
);
CREATE INDEX story_articles_by_article ON story_articles(article_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text,
  content='articles', content_rowid='doc',
  tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.doc, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.doc, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF doc, title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.doc, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.doc, new.title, new.text);
END;
)sql";

// Version 2: article_keys holds each article's clustering keys (the folded
// proper names of its entities, storyline::ClusterKeys) as a JSON array, so
// that regrouping the store after an ingest annotates only the articles
// that are new or changed. A row goes with its article: deleted with it,
// and dropped when the article's title, text or date changes (the keys of
// the old text no longer hold). Stores of version 1 migrate with no keys;
// the next ingest computes them.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE article_keys (
  doc INTEGER PRIMARY KEY,
  keys TEXT NOT NULL
);
CREATE TRIGGER article_keys_delete AFTER DELETE ON articles BEGIN
  DELETE FROM article_keys WHERE doc = old.doc;
END;
CREATE TRIGGER article_keys_update AFTER UPDATE OF title, text, published ON articles BEGIN
  DELETE FROM article_keys WHERE doc = old.doc;
END;
)sql";

// Version 3: article identity and story freshness.
//
// articles.origin says what input an article is (Article::origin: a file's
// absolute path, a JSONL id, a URL, a hash of piped text): an input with the
// origin of a stored article updates it; one whose id is taken by another
// origin is stored under a distinct id. Unique when known. Rows stored
// before origins were kept have '' and are claimed by the first input that
// comes with their id (that is what they matched before).
//
// meta holds store-wide counters. articles_generation is bumped in every
// transaction that stores or changes an article; stories_generation is set,
// in the transaction that saves the stories, to the articles_generation the
// grouping was made from. They differ while the stories are behind the
// articles: an ingest killed between its article batches and its regroup
// leaves them so, and the next command regroups. A store migrated from
// version 2 is behind if some article is in no stored story (a regroup puts
// every article in one).
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE articles ADD COLUMN origin TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX articles_by_origin ON articles(origin) WHERE origin <> '';

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('articles_generation', 1);
INSERT INTO meta (key, value) VALUES ('stories_generation',
  CASE WHEN EXISTS (SELECT 1 FROM articles AS a WHERE NOT EXISTS
                      (SELECT 1 FROM story_articles AS sa WHERE sa.article_id = a.id))
       THEN 0 ELSE 1 END);
)sql";

// Version 4: what was learned is kept, so an ingest works only on what is
// new.
//
// annotations: each article's annotations (store/annotation_codec.h), written
// in the transaction that stores the article; `annotator` repeats the blob's
// kAnnotatorVersion so stale rows are found without reading blobs. Deleted
// with the article and when its text changes (the writer then stores the new
// one).
//
// articles.slot: the article's position in the story grouper's stream
// (stories/story_grouper.h), NULL until it is grouped; an update makes it
// NULL again (the article is grouped anew, its old slot forgotten).
//
// grouping: the grouper's saved state (key 'stories'), written in the
// transaction that saves the stories made from it.
//
// stories: stream_index is the grouper's story; size and first_key (the
// publication key of its first article) order the listing (largest first);
// view holds the story's derived view (entities, quotes, timeline, claims,
// duplicates; NULL until built), replaced whenever its articles change.
// story_links: related stories, by stream index. story_aliases: the id a
// story had before it merged into another or its first article changed,
// resolving to the id it has now.
//
// A store migrated from version 3 has no grouper state: its articles are
// all ungrouped, its stories behind, and the next writer groups everything
// once (reading stored keys, annotating what has none).
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE annotations (
  doc INTEGER PRIMARY KEY,
  annotator INTEGER NOT NULL,
  blob BLOB NOT NULL
);
CREATE INDEX annotations_by_annotator ON annotations(annotator);
CREATE TRIGGER annotations_delete AFTER DELETE ON articles BEGIN
  DELETE FROM annotations WHERE doc = old.doc;
END;
CREATE TRIGGER annotations_update AFTER UPDATE OF text ON articles BEGIN
  DELETE FROM annotations WHERE doc = old.doc;
END;

ALTER TABLE articles ADD COLUMN slot INTEGER;
CREATE UNIQUE INDEX articles_by_slot ON articles(slot) WHERE slot IS NOT NULL;
CREATE INDEX articles_ungrouped ON articles(doc) WHERE slot IS NULL;

CREATE TABLE grouping (
  key TEXT PRIMARY KEY,
  value BLOB NOT NULL
) WITHOUT ROWID;

ALTER TABLE stories ADD COLUMN stream_index INTEGER;
ALTER TABLE stories ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN first_key TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN view BLOB;
UPDATE stories SET size = (SELECT count(*) FROM story_articles WHERE story_id = stories.id);
CREATE UNIQUE INDEX stories_by_stream ON stories(stream_index) WHERE stream_index IS NOT NULL;
CREATE INDEX stories_by_size ON stories(size DESC, first_key, ord);

CREATE TABLE story_links (
  a INTEGER NOT NULL,
  b INTEGER NOT NULL,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX story_links_by_b ON story_links(b);
CREATE TABLE story_aliases (
  id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL
) WITHOUT ROWID;

UPDATE meta SET value = 0 WHERE key = 'stories_generation' AND EXISTS (SELECT 1 FROM articles);
)sql";

// Version 5: where the publication date came from and the page's authors
// one by one (Article::published_source, Article::authors), so that a
// stored brief says what a one-shot brief of the same files says.
constexpr const char* kSchemaV5 = R"sql(
ALTER TABLE articles ADD COLUMN published_source TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
)sql";

// Version 6: the grouper's state as rows (stories/state_rows.h: kind, key,
// value), read when a batch needs them and written when it changes them,
// instead of one blob loaded and saved whole by every ingest. The old blob
// goes; the next writer groups every article once, and the stories are
// behind until it does.
//
// articles.annotated: 1 while the article has a stored annotation row (kept
// by triggers on `annotations`), so that the articles needing annotation are
// found through a partial index instead of a join over every article.
// stories_viewless: stories saved without a view (an ingest builds views
// once, after its last batch), found without reading every story.
constexpr const char* kSchemaV6 = R"sql(
ALTER TABLE articles ADD COLUMN annotated INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET annotated = 1 WHERE doc IN (SELECT doc FROM annotations);
CREATE INDEX articles_unannotated ON articles(doc) WHERE annotated = 0;
CREATE TRIGGER annotations_insert AFTER INSERT ON annotations BEGIN
  UPDATE articles SET annotated = 1 WHERE doc = new.doc;
END;
CREATE TRIGGER annotations_gone AFTER DELETE ON annotations BEGIN
  UPDATE articles SET annotated = 0 WHERE doc = old.doc;
END;
CREATE INDEX stories_viewless ON stories(stream_index) WHERE view IS NULL;

CREATE TABLE grouping_rows (
  kind INTEGER NOT NULL,
  key BLOB NOT NULL,
  value BLOB NOT NULL,
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;
DELETE FROM grouping;
UPDATE meta SET value = 0 WHERE key = 'stories_generation' AND EXISTS (SELECT 1 FROM articles);
)sql";

// Version 7: what the server reads instead of decoding views per request
// (store/story_index.h).
//
// story_heads: per story id, its headline (the title of its earliest titled
// article) and outlets (a JSON array, most articles first, from
// story_outlets: outlet -> story, the listing's outlet filter); rows of both
// go with their story row. Not columns of `stories`: a column added there
// sits after `view` in every row, and reading it would read the view's
// overflow pages (a listing of 50 stories read 50 views). stories_by_newest
// orders the listing by date and covers its date filter (span_first last:
// a page of from/to is found and counted in the index alone).
//
// story_digests: per stream index (the grouper's story), the counts of its
// view's sections and its top entity names (JSON), written with the view;
// last_view keeps the view a story had while it is saved without one (an
// ingest between its batches), so its pages keep answering from the view
// built before. story_entities: the entity -> story index, one row per
// folded name (EntityKey) and stream, with the entity's ids, counts and
// aliases in that view; story_entity_words: each key from each of its words
// on ("teodora quaile", "quaile"), so a name is found by any word's prefix
// (rows are never removed: a key no story names any more matches nothing
// in story_entities). story_quotes (+ story_quotes_fts): the view's shown
// quotations under full-text search. Rows of a stream go when it merges
// away or its view is rebuilt.
//
// meta.stories_saved counts saved groupings, so that a view rebuilt
// without new articles still changes the generation (ETags).
//
// A store migrated from version 6 gets headlines and outlets here; its
// views are dropped and its stories marked behind, so the next writer
// (`storyline reindex`, or an ingest) rebuilds every view with its digest.
constexpr const char* kSchemaV7 = R"sql(
CREATE INDEX stories_by_newest ON stories(span_last DESC, size DESC, first_key, ord, span_first);
CREATE TABLE story_heads (
  story_id TEXT PRIMARY KEY,
  headline TEXT NOT NULL,
  outlets TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE story_outlets (
  outlet TEXT NOT NULL COLLATE NOCASE,
  story_id TEXT NOT NULL,
  articles INTEGER NOT NULL,
  PRIMARY KEY (outlet, story_id)
) WITHOUT ROWID;
CREATE INDEX story_outlets_by_story ON story_outlets(story_id);
CREATE TRIGGER story_outlets_delete AFTER DELETE ON stories BEGIN
  DELETE FROM story_outlets WHERE story_id = old.id;
  DELETE FROM story_heads WHERE story_id = old.id;
END;

CREATE TABLE story_digests (
  stream INTEGER PRIMARY KEY,
  summary TEXT NOT NULL,
  last_view BLOB
);
CREATE TABLE story_entities (
  key TEXT NOT NULL,
  stream INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  ids TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  claims INTEGER NOT NULL,
  quotes INTEGER NOT NULL,
  aliases TEXT NOT NULL,
  PRIMARY KEY (key, stream)
) WITHOUT ROWID;
CREATE INDEX story_entities_by_stream ON story_entities(stream);
CREATE TABLE story_entity_words (
  word TEXT NOT NULL,
  key TEXT NOT NULL,
  PRIMARY KEY (word, key)
) WITHOUT ROWID;

CREATE TABLE story_quotes (
  doc INTEGER PRIMARY KEY,
  stream INTEGER NOT NULL,
  quote TEXT NOT NULL,
  speaker TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX story_quotes_by_stream ON story_quotes(stream);
CREATE VIRTUAL TABLE story_quotes_fts USING fts5(
  speaker, text,
  content='story_quotes', content_rowid='doc',
  tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER story_quotes_fts_insert AFTER INSERT ON story_quotes BEGIN
  INSERT INTO story_quotes_fts(rowid, speaker, text) VALUES (new.doc, new.speaker, new.text);
END;
CREATE TRIGGER story_quotes_fts_delete AFTER DELETE ON story_quotes BEGIN
  INSERT INTO story_quotes_fts(story_quotes_fts, rowid, speaker, text)
    VALUES ('delete', old.doc, old.speaker, old.text);
END;

INSERT INTO meta (key, value) VALUES ('stories_saved', 0);

INSERT INTO story_outlets (outlet, story_id, articles)
  SELECT a.outlet, sa.story_id, count(*) FROM story_articles AS sa JOIN articles AS a ON a.id = sa.article_id
  WHERE a.outlet <> '' GROUP BY sa.story_id, a.outlet COLLATE NOCASE;
INSERT INTO story_heads (story_id, headline, outlets)
  SELECT id,
    coalesce((SELECT a.title FROM story_articles AS sa JOIN articles AS a ON a.id = sa.article_id
              WHERE sa.story_id = stories.id AND a.title <> '' ORDER BY sa.position LIMIT 1), ''),
    (SELECT json_group_array(outlet) FROM
     (SELECT outlet FROM story_outlets WHERE story_id = stories.id ORDER BY articles DESC, outlet))
  FROM stories;
UPDATE stories SET view = NULL;
UPDATE meta SET value = 0 WHERE key = 'stories_generation' AND EXISTS (SELECT 1 FROM stories);
)sql";

constexpr Migration kMigrations[] = {
    {1, kSchemaV1},
    {2, kSchemaV2},
    {3, kSchemaV3},
    {4, kSchemaV4},
    {5, kSchemaV5},
    {6, kSchemaV6},
    {7, kSchemaV7},
};

int LatestVersion(std::span<const Migration> steps) {
  return steps.empty() ? 0 : steps.back().version;
}

// Number of schema objects; 0 for an empty (or brand-new) file. This is also
// the first read of the file, so a non-SQLite file fails here.
Result<int64_t> SchemaObjectCount(Db& db) {
  Stmt st;
  if (Status s = db.Prepare("SELECT count(*) FROM sqlite_schema", &st); !s.ok()) {
    return s;
  }
  const int rc = st.Step();
  if (rc != SQLITE_ROW) return db.Error(rc, "cannot read the schema");
  return st.ColumnInt64(0);
}

Status NotAStore(const Db& db, const std::string& why) {
  return Status::Corruption(db.path() + ": not a storyline store (" + why + ")");
}

}  // namespace

std::span<const Migration> StoreMigrations() { return kMigrations; }

Result<int> CheckStore(Db& db, std::span<const Migration> steps) {
  Result<int64_t> objects = SchemaObjectCount(db);
  if (!objects.ok()) {
    if (objects.status().code() == StatusCode::kCorruption) {
      return NotAStore(db, "not an SQLite database, or a damaged one: " +
                               objects.status().message());
    }
    return objects.status();
  }
  Result<int64_t> app_id = db.PragmaInt("application_id");
  if (!app_id.ok()) return app_id.status();
  Result<int64_t> version = db.PragmaInt("user_version");
  if (!version.ok()) return version.status();

  if (*objects == 0 && *app_id == 0 && *version == 0) return 0;  // empty file
  if (*app_id != kApplicationId) {
    return NotAStore(db, "an SQLite database of another application, application_id " +
                             std::to_string(*app_id));
  }
  const int latest = LatestVersion(steps);
  if (*version > latest) {
    return Status::Unsupported(db.path() + ": store schema version " +
                               std::to_string(*version) +
                               " is newer than this storyline understands (" +
                               std::to_string(latest) + "); upgrade storyline");
  }
  return static_cast<int>(*version);
}

Result<int> Migrate(Db& db, std::span<const Migration> steps) {
  if (Status s = db.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  // Re-checked inside the write lock: another process may have migrated the
  // file between our first look and now.
  Result<int> current = CheckStore(db, steps);
  int version = current.ok() ? *current : 0;
  Status failed = current.status();
  for (const Migration& step : steps) {
    if (!failed.ok()) break;
    if (step.version <= version) continue;
    if (step.version != version + 1) {
      failed = Status::Internal("migration list skips from version " +
                                std::to_string(version) + " to " +
                                std::to_string(step.version));
      break;
    }
    failed = db.Exec(step.sql);
    if (!failed.ok()) {
      failed = failed.WithContext("migrating " + db.path() + " to schema version " +
                                  std::to_string(step.version));
      break;
    }
    version = step.version;
  }
  if (failed.ok()) {
    failed = db.Exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                     "; PRAGMA user_version = " + std::to_string(version));
  }
  if (failed.ok()) failed = db.Exec("COMMIT");
  if (!failed.ok()) {
    // Ignoring ROLLBACK's own status: it fails only when SQLite already rolled
    // back, and the first error is the one worth reporting.
    (void)db.Exec("ROLLBACK");
    return failed;
  }
  return version;
}

}  // namespace storyline::store_internal
