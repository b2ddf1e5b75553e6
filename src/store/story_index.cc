#include "store/story_index.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "store/story_codec.h"
#include "stories/text_features.h"

namespace storyline {

std::string EntityKey(const std::string& name) {
  return stories::CollapseWhitespace(stories::FoldCase(name));
}

namespace store_internal {
namespace {

using nlohmann::json;

// Filter totals a reader keeps (StoryIndexReader::counts_): the filters a
// few busy pages use; past it they are all forgotten at once.
constexpr size_t kMaxCounts = 4096;
// Names a story's digest keeps for its listing: a line's worth.
constexpr size_t kTopEntities = 5;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// The strings of `j`, when it is an array (others skipped).
std::vector<std::string> StringsOf(const json& j) {
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const json& v : j) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

// An array of strings without escapes (`["a","b c"]`, as Dump writes
// outlets and names with no quote, backslash or control character in
// them), split without a JSON parser: each '"' then delimits a string.
// False for anything else. A listing page reads 50 of these, and parsing
// them was a quarter of its CPU (perf, the load bench).
bool PlainStrings(const std::string& text, std::vector<std::string>* out) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return false;
  if (text.find('\\') != std::string::npos) return false;
  size_t at = 1;
  const size_t end = text.size() - 1;
  const auto skip_space = [&] {
    while (at < end && (text[at] == ' ' || text[at] == '\n')) ++at;
  };
  skip_space();
  while (at < end) {
    if (text[at] != '"') return false;
    const size_t close = text.find('"', at + 1);
    if (close == std::string::npos || close >= end) return false;
    out->push_back(text.substr(at + 1, close - at - 1));
    at = close + 1;
    skip_space();
    if (at == end) break;
    if (text[at++] != ',') return false;
    skip_space();
    if (at == end) return false;  // a trailing comma
  }
  return true;
}

std::vector<std::string> StringsFromJson(const std::string& text) {
  std::vector<std::string> out;
  if (PlainStrings(text, &out)) return out;
  out.clear();
  return StringsOf(json::parse(text, nullptr, /*allow_exceptions=*/false));
}

int64_t ClampToSql(size_t n) {
  return static_cast<int64_t>(std::min<size_t>(n, static_cast<size_t>(std::numeric_limits<int64_t>::max())));
}

// The digest of a view: shown items per section (brief.h's predicates, as
// the renderer uses them) and the most mentioned names.
std::string DigestOf(const Story& story) {
  size_t quotes = 0, timeline = 0, claims = 0, conflicts = 0;
  for (const BriefQuote& q : story.quotes) quotes += QuoteIsShown(q) ? 1 : 0;
  for (const TimelineEntry& t : story.timeline) timeline += TimelineEntryIsShown(t) ? 1 : 0;
  for (const Claim& c : story.claims) {
    if (!ClaimIsShown(c)) continue;
    ++claims;
    if (ContractClaimStatus(c) == "conflict") ++conflicts;
  }
  std::vector<const BriefEntity*> by_mentions;
  for (const BriefEntity& e : story.entities) by_mentions.push_back(&e);
  std::stable_sort(by_mentions.begin(), by_mentions.end(),
                   [](const BriefEntity* a, const BriefEntity* b) { return a->mentions > b->mentions; });
  json top = json::array();
  for (size_t i = 0; i < by_mentions.size() && i < kTopEntities; ++i) top.push_back(by_mentions[i]->name);
  return Dump(json{{"quotes", quotes},
                   {"claims", claims},
                   {"conflicts", conflicts},
                   {"timeline", timeline},
                   {"entities", story.entities.size()},
                   {"top", std::move(top)}});
}

void ApplyDigest(const std::string& text, StorySummary* s) {
  const json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return;
  const auto count = [&](const char* key) -> size_t {
    auto it = j.find(key);
    return it != j.end() && it->is_number_unsigned() ? it->get<size_t>() : 0;
  };
  s->quotes = count("quotes");
  s->claims = count("claims");
  s->conflicts = count("conflicts");
  s->timeline = count("timeline");
  s->entities = count("entities");
  if (auto it = j.find("top"); it != j.end()) s->top_entities = StringsOf(*it);
}

// What one story's view says of one entity (by folded name).
struct EntityRow {
  std::string name, type;
  std::vector<std::string> ids;
  std::set<std::string> aliases;
  size_t mentions = 0, claims = 0, quotes = 0;
};

std::map<std::string, EntityRow> EntityRows(const Story& story) {
  std::map<std::string, size_t> claims_of, quotes_of;
  for (const Claim& c : story.claims) {
    if (ClaimIsShown(c) && !c.subject.empty()) ++claims_of[c.subject];
  }
  for (const BriefQuote& q : story.quotes) {
    if (QuoteIsShown(q) && !q.speaker.empty()) ++quotes_of[q.speaker];
  }
  std::map<std::string, EntityRow> rows;
  for (const BriefEntity& e : story.entities) {
    const std::string key = EntityKey(e.name);
    if (key.empty()) continue;
    EntityRow& r = rows[key];
    if (r.name.empty()) {
      r.name = e.name;
      r.type = e.type;
    }
    r.ids.push_back(e.id);
    r.aliases.insert(e.aliases.begin(), e.aliases.end());
    r.mentions += e.mentions;
    r.claims += claims_of[e.id];
    r.quotes += quotes_of[e.id];
  }
  return rows;
}

// Columns of a summary row: see kSummarySelect.
// typeof() of the view reads the row's header only, never the view itself
// (SQLite loads a column's value for `IS NOT NULL`, here tens of KB per
// row: 40 % of a listing's SQL time at 100,000 articles).
constexpr const char* kSummarySelect =
    "SELECT s.id, s.label, h.headline, s.span_first, s.span_last, s.size, h.outlets, d.summary, "
    "typeof(s.view) <> 'null' FROM stories AS s LEFT JOIN story_heads AS h ON h.story_id = s.id "
    "LEFT JOIN story_digests AS d ON d.stream = s.stream_index ";

StorySummary SummaryFromRow(const Stmt& st) {
  StorySummary s;
  s.id = st.ColumnText(0);
  s.label = st.ColumnText(1);
  s.headline = st.ColumnText(2);
  s.span_first = st.ColumnText(3);
  s.span_last = st.ColumnText(4);
  s.size = static_cast<size_t>(st.ColumnInt64(5));
  s.outlets = StringsFromJson(st.ColumnText(6));
  if (sqlite3_column_type(st.get(), 7) != SQLITE_NULL) ApplyDigest(st.ColumnText(7), &s);
  s.view_current = st.ColumnInt64(8) != 0;
  return s;
}

// Steps `st` (bound, with its rewinder held by the caller) to its end,
// handing each row to `row`; `what` names the read in the error.
template <typename RowFn>
Status EachRow(const Db& db, Stmt& st, const std::string& what, RowFn&& row) {
  for (;;) {
    const int rc = st.Step();
    if (rc == SQLITE_DONE) return Status::Ok();
    if (rc != SQLITE_ROW) return db.Error(rc, what);
    row(st);
  }
}

}  // namespace

// --- StoryIndexWriter ---

Status StoryIndexWriter::Run(Stmt& st, const char* sql, const std::string& what) {
  if (!st.valid()) {
    if (Status s = db_.Prepare(sql, &st); !s.ok()) return s;
  }
  const int rc = st.Step();
  st.Rewind();
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) return db_.Error(rc, "cannot " + what);
  return Status::Ok();
}

Status StoryIndexWriter::Clear() {
  return db_.Exec("DELETE FROM story_digests; DELETE FROM story_entities; DELETE FROM story_quotes;");
}

Status StoryIndexWriter::Forget(uint32_t stream) {
  const std::pair<Stmt*, const char*> steps[] = {
      {&forget_digest_, "DELETE FROM story_digests WHERE stream = ?1"},
      {&forget_entities_, "DELETE FROM story_entities WHERE stream = ?1"},
      {&forget_quotes_, "DELETE FROM story_quotes WHERE stream = ?1"},
  };
  for (const auto& [st, sql] : steps) {
    if (!st->valid()) {
      if (Status s = db_.Prepare(sql, st); !s.ok()) return s;
    }
    st->BindInt64(1, stream);
    if (Status s = Run(*st, sql, "forget a merged story's index"); !s.ok()) return s;
  }
  return Status::Ok();
}

Status StoryIndexWriter::BeforeReplace(uint32_t stream, bool has_view) {
  if (has_view) return Status::Ok();  // AfterInsert replaces every row
  constexpr const char* kStash =
      "UPDATE story_digests SET last_view = (SELECT view FROM stories WHERE stream_index = ?1) "
      "WHERE stream = ?1 AND EXISTS (SELECT 1 FROM stories WHERE stream_index = ?1 AND view IS NOT NULL)";
  if (!stash_.valid()) {
    if (Status s = db_.Prepare(kStash, &stash_); !s.ok()) return s;
  }
  stash_.BindInt64(1, stream);
  return Run(stash_, kStash, "keep the last view of a story");
}

Status StoryIndexWriter::AfterInsert(const Story& story, int64_t stream, bool has_view) {
  // Outlets by articles (most first) and the earliest titled article's
  // title, from the members just written.
  constexpr const char* kOutlets =
      "INSERT INTO story_outlets (outlet, story_id, articles) SELECT a.outlet, ?1, count(*) "
      "FROM story_articles AS sa JOIN articles AS a ON a.id = sa.article_id "
      "WHERE sa.story_id = ?1 AND a.outlet <> '' GROUP BY a.outlet COLLATE NOCASE";
  constexpr const char* kHeadline =
      "INSERT OR REPLACE INTO story_heads (story_id, headline, outlets) VALUES (?1, coalesce((SELECT a.title "
      "FROM story_articles AS sa JOIN articles AS a ON a.id = sa.article_id WHERE sa.story_id = ?1 AND "
      "a.title <> '' ORDER BY sa.position LIMIT 1), ''), (SELECT json_group_array(outlet) FROM "
      "(SELECT outlet FROM story_outlets WHERE story_id = ?1 ORDER BY articles DESC, outlet)))";
  for (const auto& [st, sql] : {std::pair<Stmt*, const char*>{&outlets_, kOutlets}, {&headline_, kHeadline}}) {
    if (!st->valid()) {
      if (Status s = db_.Prepare(sql, st); !s.ok()) return s;
    }
    st->BindText(1, story.id);
    if (Status s = Run(*st, sql, "index story " + story.id); !s.ok()) return s;
  }
  if (!has_view || stream < 0) return Status::Ok();
  if (Status s = Forget(static_cast<uint32_t>(stream)); !s.ok()) return s;
  constexpr const char* kDigest = "INSERT INTO story_digests (stream, summary, last_view) VALUES (?1, ?2, NULL)";
  if (!digest_.valid()) {
    if (Status s = db_.Prepare(kDigest, &digest_); !s.ok()) return s;
  }
  digest_.BindInt64(1, stream);
  digest_.BindText(2, DigestOf(story));
  if (Status s = Run(digest_, kDigest, "save the digest of story " + story.id); !s.ok()) return s;
  constexpr const char* kEntity =
      "INSERT INTO story_entities (key, stream, name, type, ids, mentions, claims, quotes, aliases) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  if (!entity_.valid()) {
    if (Status s = db_.Prepare(kEntity, &entity_); !s.ok()) return s;
  }
  for (const auto& [key, r] : EntityRows(story)) {
    entity_.BindText(1, key);
    entity_.BindInt64(2, stream);
    entity_.BindText(3, r.name);
    entity_.BindText(4, r.type);
    entity_.BindText(5, Dump(json(r.ids)));
    entity_.BindInt64(6, ClampToSql(r.mentions));
    entity_.BindInt64(7, ClampToSql(r.claims));
    entity_.BindInt64(8, ClampToSql(r.quotes));
    entity_.BindText(9, Dump(json(std::vector<std::string>(r.aliases.begin(), r.aliases.end()))));
    if (Status s = Run(entity_, kEntity, "index the entities of story " + story.id); !s.ok()) return s;
    for (size_t at = 0; at != std::string::npos; at = key.find(' ', at)) {
      if (key[at] == ' ') ++at;
      if (Status s = AddWord(key.substr(at), key); !s.ok()) return s;
    }
  }
  constexpr const char* kQuote = "INSERT INTO story_quotes (stream, quote, speaker, text) VALUES (?1, ?2, ?3, ?4)";
  if (!quote_.valid()) {
    if (Status s = db_.Prepare(kQuote, &quote_); !s.ok()) return s;
  }
  for (const BriefQuote& q : story.quotes) {
    if (!QuoteIsShown(q)) continue;
    quote_.BindInt64(1, stream);
    quote_.BindText(2, q.id);
    quote_.BindText(3, q.speaker_name);
    quote_.BindText(4, q.text);
    if (Status s = Run(quote_, kQuote, "index the quotations of story " + story.id); !s.ok()) return s;
  }
  return Status::Ok();
}

Status StoryIndexWriter::AddWord(const std::string& word, const std::string& key) {
  constexpr const char* kWord = "INSERT OR IGNORE INTO story_entity_words (word, key) VALUES (?1, ?2)";
  if (!word_.valid()) {
    if (Status s = db_.Prepare(kWord, &word_); !s.ok()) return s;
  }
  word_.BindText(1, word);
  word_.BindText(2, key);
  return Run(word_, kWord, "index the name " + key);
}

Status StoryIndexWriter::BumpSaved() {
  constexpr const char* kBump = "UPDATE meta SET value = value + 1 WHERE key = 'stories_saved'";
  return Run(bump_, kBump, "count a saved grouping");
}

// --- StoryIndexReader ---

Result<Stmt*> StoryIndexReader::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    Stmt st;
    if (Status s = db_.Prepare(sql, &st); !s.ok()) return s;
    it = cache_.emplace(sql, std::move(st)).first;
  }
  return &it->second;
}

Result<int64_t> StoryIndexReader::Generation() {
  Result<Stmt*> st = Cached(
      "SELECT coalesce(sum(value), 0) FROM meta WHERE key IN ('articles_generation', 'stories_saved')");
  if (!st.ok()) return st.status();
  StmtRewinder rewind(**st);
  const int rc = (*st)->Step();
  if (rc != SQLITE_ROW) return db_.Error(rc, "cannot read the store's generation");
  return (*st)->ColumnInt64(0);
}

Result<StoreState> StoryIndexReader::State() {
  Result<Stmt*> st = Cached(
      "SELECT (SELECT coalesce(sum(value), 0) FROM meta WHERE key IN ('articles_generation', 'stories_saved')), "
      "(SELECT count(*) FROM stories), (SELECT count(*) FROM articles), "
      "(SELECT value FROM meta WHERE key = 'articles_generation') <> "
      "(SELECT value FROM meta WHERE key = 'stories_generation')");
  if (!st.ok()) return st.status();
  StmtRewinder rewind(**st);
  const int rc = (*st)->Step();
  if (rc != SQLITE_ROW) return db_.Error(rc, "cannot read the store's state");
  StoreState out;
  out.generation = (*st)->ColumnInt64(0);
  out.stories = static_cast<size_t>((*st)->ColumnInt64(1));
  out.articles = static_cast<size_t>((*st)->ColumnInt64(2));
  out.behind = (*st)->ColumnInt64(3) != 0;
  return out;
}

Result<StoryPage> StoryIndexReader::ListStories(const StoryFilter& f) {
  if (f.limit == 0) return Status::InvalidInput("limit must be at least 1");
  // Conditions and their parameters, in order (?1, ?2, ...).
  std::string where;
  std::vector<std::string> params;
  const auto add = [&](const std::string& condition, const std::string& value) {
    params.push_back(value);
    const std::string p = "?" + std::to_string(params.size());
    std::string c = condition;
    for (size_t at = c.find('@'); at != std::string::npos; at = c.find('@', at + p.size())) c.replace(at, 1, p);
    where += (where.empty() ? "WHERE " : " AND ") + c;
  };
  // A span end of a coarser date ("2024", "2024-05") reaches any day in it:
  // compare on its own length.
  // The year alone makes a range on stories_by_newest's span_last.
  if (!f.from.empty()) add("s.span_last >= substr(@, 1, 4) AND s.span_last >= substr(@, 1, length(s.span_last))", f.from);
  if (!f.to.empty()) add("s.span_first <> '' AND s.span_first <= @", f.to);
  if (!f.outlet.empty()) add("s.id IN (SELECT story_id FROM story_outlets WHERE outlet = @)", f.outlet);
  if (!f.entity.empty()) {
    add("s.stream_index IN (SELECT stream FROM story_entities WHERE key = @)", EntityKey(f.entity));
  }
  const std::string order = f.order == StoryOrder::kNewest ? "s.span_last DESC, s.size DESC, s.first_key, s.ord"
                                                           : "s.size DESC, s.first_key, s.ord";
  // An outlet has a share of all stories: walking the listing's order and
  // keeping its stories stops after a page, where SQLite's own plan (its
  // stories by id, then sorted) reads and sorts every one of them.
  const bool broad = !f.outlet.empty() && f.entity.empty();
  const std::string from =
      !broad ? "" : f.order == StoryOrder::kNewest ? " INDEXED BY stories_by_newest" : " INDEXED BY stories_by_size";
  StoryPage page;
  // A filter's total is the same on every page of it: counted once per
  // generation of the store.
  Result<int64_t> generation = Generation();
  if (!generation.ok()) return generation.status();
  std::string count_key = where;
  for (const std::string& p : params) count_key += '\0' + p;
  if (auto it = counts_.find(count_key); it != counts_.end() && it->second.first == *generation) {
    page.total = it->second.second;
  } else {
    // An outlet alone is counted from its own rows; a date range alone over
    // the spans in memory (few ranges are asked twice, and counting one in
    // SQL reads most of an index: 1.5 ms at 100,000 articles).
    const bool outlet_only = !f.outlet.empty() && params.size() == 1;
    const bool dates_only = f.outlet.empty() && f.entity.empty() && !params.empty();
    if (dates_only) {
      Result<size_t> n = CountInDates(f.from, f.to, *generation);
      if (!n.ok()) return n.status();
      page.total = *n;
    } else {
      Result<Stmt*> st = Cached(outlet_only ? std::string("SELECT count(*) FROM story_outlets WHERE outlet = ?1")
                                            : "SELECT count(*) FROM stories AS s " + where);
      if (!st.ok()) return st.status();
      StmtRewinder rewind(**st);
      for (size_t i = 0; i < params.size(); ++i) (*st)->BindText(static_cast<int>(i + 1), params[i]);
      const int rc = (*st)->Step();
      if (rc != SQLITE_ROW) return db_.Error(rc, "cannot count stories");
      page.total = static_cast<size_t>((*st)->ColumnInt64(0));
    }
    if (counts_.size() >= kMaxCounts) counts_.clear();
    counts_[count_key] = {*generation, page.total};
  }
  bool in_order = false;
  Result<std::vector<int64_t>> rowids = PageInOrder(f, *generation, &in_order);
  if (!rowids.ok()) return rowids.status();
  if (in_order) {
    if (rowids->empty()) return page;
    std::string list = "[";
    for (size_t i = 0; i < rowids->size(); ++i) list += (i > 0 ? "," : "") + std::to_string((*rowids)[i]);
    list += "]";
    Result<Stmt*> st =
        Cached(std::string(kSummarySelect) + "WHERE s.rowid IN (SELECT value FROM json_each(?1)) ORDER BY " + order);
    if (!st.ok()) return st.status();
    StmtRewinder rewind(**st);
    (*st)->BindText(1, list);
    const Status read =
        EachRow(db_, **st, "cannot list stories", [&](Stmt& row) { page.stories.push_back(SummaryFromRow(row)); });
    if (!read.ok()) return read;
    return page;
  }
  const int n = static_cast<int>(params.size());
  // The page's rows are found first, from the order's index alone, and only
  // they are joined with their headline and digest: a deep offset then
  // skips index entries, not joined rows.
  const std::string page_rows = "SELECT s.rowid FROM stories AS s" + from + " " + where + " ORDER BY " + order +
                                " LIMIT ?" + std::to_string(n + 1) + " OFFSET ?" + std::to_string(n + 2);
  Result<Stmt*> st = Cached(std::string(kSummarySelect) + "WHERE s.rowid IN (" + page_rows + ") ORDER BY " + order);
  if (!st.ok()) return st.status();
  StmtRewinder rewind(**st);
  for (size_t i = 0; i < params.size(); ++i) (*st)->BindText(static_cast<int>(i + 1), params[i]);
  (*st)->BindInt64(n + 1, ClampToSql(f.limit));
  (*st)->BindInt64(n + 2, ClampToSql(f.offset));
  const Status read =
      EachRow(db_, **st, "cannot list stories", [&](Stmt& row) { page.stories.push_back(SummaryFromRow(row)); });
  if (!read.ok()) return read;
  return page;
}

Result<size_t> StoryIndexReader::CountInDates(const std::string& from, const std::string& to, int64_t generation) {
  if (spans_generation_ != generation) {
    spans_.clear();
    spans_generation_ = -1;
    Result<Stmt*> st = Cached("SELECT span_first, span_last FROM stories");
    if (!st.ok()) return st.status();
    StmtRewinder rewind(**st);
    const Status read = EachRow(db_, **st, "cannot read the stories' spans",
                                [&](Stmt& row) { spans_.emplace_back(row.ColumnText(0), row.ColumnText(1)); });
    if (!read.ok()) return read;
    spans_generation_ = generation;
  }
  // ListStories' conditions, as SQLite compares text (bytes): a span end of
  // a coarser date ("2024", "2024-05") reaches any day in it.
  size_t n = 0;
  for (const auto& [first, last] : spans_) {
    if (!from.empty() && (last < from.substr(0, 4) || last < from.substr(0, last.size()))) continue;
    if (!to.empty() && (first.empty() || first > to)) continue;
    ++n;
  }
  return n;
}

namespace {

// An outlet as COLLATE NOCASE compares it: ASCII letters folded.
std::string NoCase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Status StoryIndexReader::LoadOrder(size_t which, int64_t generation) {
  if (orders_generation_[which] == generation) return Status::Ok();
  Order& o = orders_[which];
  o.rowids.clear();
  o.ids.clear();
  orders_generation_[which] = -1;
  Result<Stmt*> st = Cached(which == 0 ? "SELECT s.rowid, s.id FROM stories AS s INDEXED BY stories_by_newest "
                                         "ORDER BY s.span_last DESC, s.size DESC, s.first_key, s.ord"
                                       : "SELECT s.rowid, s.id FROM stories AS s INDEXED BY stories_by_size "
                                         "ORDER BY s.size DESC, s.first_key, s.ord");
  if (!st.ok()) return st.status();
  StmtRewinder rewind(**st);
  const Status read = EachRow(db_, **st, "cannot read the stories' order", [&](Stmt& row) {
    o.rowids.push_back(row.ColumnInt64(0));
    o.ids.push_back(row.ColumnText(1));
  });
  if (!read.ok()) return read;
  orders_generation_[which] = generation;
  return Status::Ok();
}

Status StoryIndexReader::LoadOutlets(int64_t generation) {
  if (outlets_generation_ == generation) return Status::Ok();
  outlet_stories_.clear();
  outlets_generation_ = -1;
  Result<Stmt*> st = Cached("SELECT outlet, story_id FROM story_outlets");
  if (!st.ok()) return st.status();
  StmtRewinder rewind(**st);
  const Status read = EachRow(db_, **st, "cannot read the stories' outlets", [&](Stmt& row) {
    outlet_stories_[NoCase(row.ColumnText(0))].insert(row.ColumnText(1));
  });
  if (!read.ok()) return read;
  outlets_generation_ = generation;
  return Status::Ok();
}

Result<std::vector<int64_t>> StoryIndexReader::PageInOrder(const StoryFilter& f, int64_t generation, bool* handled) {
  *handled = false;
  std::vector<int64_t> out;
  if (!f.from.empty() || !f.to.empty() || !f.entity.empty()) return out;
  const size_t which = f.order == StoryOrder::kNewest ? 0 : 1;
  if (Status s = LoadOrder(which, generation); !s.ok()) return s;
  const Order& o = orders_[which];
  *handled = true;
  if (f.outlet.empty()) {
    for (size_t i = f.offset; i < o.rowids.size() && out.size() < f.limit; ++i) out.push_back(o.rowids[i]);
    return out;
  }
  if (Status s = LoadOutlets(generation); !s.ok()) return s;
  const auto it = outlet_stories_.find(NoCase(f.outlet));
  if (it == outlet_stories_.end()) return out;
  size_t skipped = 0;
  for (size_t i = 0; i < o.ids.size() && out.size() < f.limit; ++i) {
    if (it->second.count(o.ids[i]) == 0) continue;
    if (skipped++ < f.offset) continue;
    out.push_back(o.rowids[i]);
  }
  return out;
}

Result<std::string> StoryIndexReader::CurrentStoryId(const std::string& id) {
  Result<Stmt*> st = Cached(
      "SELECT id FROM stories WHERE id = ?1 UNION ALL "
      "SELECT a.story_id FROM story_aliases AS a JOIN stories AS s ON s.id = a.story_id WHERE a.id = ?1 "
      "LIMIT 1");
  if (!st.ok()) return st.status();
  StmtRewinder rewind(**st);
  (*st)->BindText(1, id);
  const int rc = (*st)->Step();
  if (rc == SQLITE_ROW) return (*st)->ColumnText(0);
  if (rc != SQLITE_DONE) return db_.Error(rc, "cannot look up story " + id);
  return Status::NotFound("no story with id \"" + id + "\"");
}

Result<StorySummary> StoryIndexReader::GetStorySummary(const std::string& id) {
  Result<Stmt*> st = Cached(std::string(kSummarySelect) + "WHERE s.id = ?1");
  if (!st.ok()) return st.status();
  StmtRewinder rewind(**st);
  (*st)->BindText(1, id);
  const int rc = (*st)->Step();
  if (rc == SQLITE_ROW) return SummaryFromRow(**st);
  if (rc != SQLITE_DONE) return db_.Error(rc, "cannot read story " + id);
  return Status::NotFound("no story with id \"" + id + "\"");
}

Result<StoryView> StoryIndexReader::GetStoryView(const std::string& id) {
  StoryView out;
  int64_t stream = -1;
  {
    Result<Stmt*> st = Cached(
        "SELECT s.id, s.label, s.span_first, s.span_last, s.stream_index, coalesce(s.view, d.last_view), "
        "s.view IS NOT NULL FROM stories AS s LEFT JOIN story_digests AS d ON d.stream = s.stream_index "
        "WHERE s.id = ?1");
    if (!st.ok()) return st.status();
    Stmt& row = **st;
    StmtRewinder rewind(row);
    row.BindText(1, id);
    const int rc = row.Step();
    if (rc == SQLITE_DONE) return Status::NotFound("no story with id \"" + id + "\"");
    if (rc != SQLITE_ROW) return db_.Error(rc, "cannot read story " + id);
    out.story.id = row.ColumnText(0);
    out.story.label = row.ColumnText(1);
    out.story.span_first = row.ColumnText(2);
    out.story.span_last = row.ColumnText(3);
    if (sqlite3_column_type(row.get(), 4) != SQLITE_NULL) stream = row.ColumnInt64(4);
    out.current = row.ColumnInt64(6) != 0;
    if (sqlite3_column_type(row.get(), 5) == SQLITE_BLOB) {
      const std::string_view blob(static_cast<const char*>(sqlite3_column_blob(row.get(), 5)),
                                  static_cast<size_t>(sqlite3_column_bytes(row.get(), 5)));
      Status v = DecodeStoryView(blob, &out.story);
      // A view of another codec version is rebuilt by the next writer; until
      // then the story shows no sections rather than misread ones.
      if (!v.ok() && v.code() != StatusCode::kUnsupported) return v.WithContext("story " + id);
      out.has_view = v.ok();
    }
  }
  {
    Result<Stmt*> st = Cached("SELECT article_id FROM story_articles WHERE story_id = ?1 ORDER BY position");
    if (!st.ok()) return st.status();
    StmtRewinder rewind(**st);
    (*st)->BindText(1, out.story.id);
    for (int rc = (*st)->Step(); rc == SQLITE_ROW; rc = (*st)->Step()) out.story.articles.push_back((*st)->ColumnText(0));
  }
  if (stream >= 0) {
    Result<Stmt*> st = Cached(
        "SELECT s.id FROM story_links AS l JOIN stories AS s "
        "ON s.stream_index = (CASE WHEN l.a = ?1 THEN l.b ELSE l.a END) "
        "WHERE l.a = ?1 OR l.b = ?1 ORDER BY s.size DESC, s.first_key, s.ord");
    if (!st.ok()) return st.status();
    StmtRewinder rewind(**st);
    (*st)->BindInt64(1, stream);
    for (int rc = (*st)->Step(); rc == SQLITE_ROW; rc = (*st)->Step()) {
      out.story.related_stories.push_back((*st)->ColumnText(0));
    }
  }
  return out;
}

Result<std::vector<Article>> StoryIndexReader::StoryArticles(const std::string& id, size_t offset, size_t limit) {
  Result<Stmt*> st = Cached(
      "SELECT a.id, a.title, a.published, a.outlet, a.url, a.author, a.boilerplate_removed, a.published_source, "
      "a.authors FROM story_articles AS sa JOIN articles AS a ON a.id = sa.article_id WHERE sa.story_id = ?1 "
      "ORDER BY sa.position LIMIT ?2 OFFSET ?3");
  if (!st.ok()) return st.status();
  StmtRewinder rewind(**st);
  (*st)->BindText(1, id);
  (*st)->BindInt64(2, ClampToSql(limit));
  (*st)->BindInt64(3, ClampToSql(offset));
  std::vector<Article> out;
  const Status read = EachRow(db_, **st, "cannot read the articles of story " + id, [&](Stmt& row) {
    Article a;
    a.id = row.ColumnText(0);
    a.title = row.ColumnText(1);
    a.published = row.ColumnText(2);
    a.outlet = row.ColumnText(3);
    a.url = row.ColumnText(4);
    a.author = row.ColumnText(5);
    a.boilerplate_removed = StringsFromJson(row.ColumnText(6));
    a.published_source = row.ColumnText(7);
    a.authors = StringsFromJson(row.ColumnText(8));
    out.push_back(std::move(a));
  });
  if (!read.ok()) return read;
  return out;
}

Result<std::vector<std::string>> StoryIndexReader::StoriesOfArticle(const std::string& article_id) {
  Result<Stmt*> st = Cached("SELECT story_id FROM story_articles WHERE article_id = ?1 ORDER BY story_id");
  if (!st.ok()) return st.status();
  StmtRewinder rewind(**st);
  (*st)->BindText(1, article_id);
  std::vector<std::string> out;
  const Status read = EachRow(db_, **st, "cannot read the stories of article " + article_id, [&](Stmt& row) {
    out.push_back(row.ColumnText(0));
  });
  if (!read.ok()) return read;
  return out;
}

Result<std::vector<EntitySummary>> StoryIndexReader::FindEntities(const std::string& prefix, size_t offset,
                                                                  size_t limit, size_t* total) {
  // Keys are compared as bytes (BINARY): every key with the prefix sorts
  // below the prefix followed by 0xFF, which no UTF-8 text contains.
  const std::string upper = prefix + "\xff";
  // Keys one of whose words starts with the prefix.
  constexpr const char* kKeyMatches =
      "key IN (SELECT key FROM story_entity_words WHERE word >= ?1 AND word < ?2)";
  {
    Result<Stmt*> st = Cached(std::string("SELECT count(DISTINCT key) FROM story_entities WHERE ") + kKeyMatches);
    if (!st.ok()) return st.status();
    StmtRewinder rewind(**st);
    (*st)->BindText(1, prefix);
    (*st)->BindText(2, upper);
    const int rc = (*st)->Step();
    if (rc != SQLITE_ROW) return db_.Error(rc, "cannot count entities");
    *total = static_cast<size_t>((*st)->ColumnInt64(0));
  }
  Result<Stmt*> st = Cached(
      std::string("SELECT key, min(name), min(type), count(*) AS n FROM story_entities WHERE ") + kKeyMatches +
      " GROUP BY key ORDER BY n DESC, key LIMIT ?3 OFFSET ?4");
  if (!st.ok()) return st.status();
  StmtRewinder rewind(**st);
  (*st)->BindText(1, prefix);
  (*st)->BindText(2, upper);
  (*st)->BindInt64(3, ClampToSql(limit));
  (*st)->BindInt64(4, ClampToSql(offset));
  std::vector<EntitySummary> out;
  const Status read = EachRow(db_, **st, "cannot list entities", [&](Stmt& row) {
    out.push_back({row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), static_cast<size_t>(row.ColumnInt64(3))});
  });
  if (!read.ok()) return read;
  return out;
}

Result<EntityRecord> StoryIndexReader::GetEntity(const std::string& key) {
  Result<Stmt*> st = Cached(
      "SELECT e.name, e.type, e.ids, e.mentions, e.claims, e.quotes, e.aliases, s.id FROM story_entities AS e "
      "JOIN stories AS s ON s.stream_index = e.stream WHERE e.key = ?1 "
      "ORDER BY s.span_last DESC, s.size DESC, s.first_key, s.ord");
  if (!st.ok()) return st.status();
  StmtRewinder rewind(**st);
  (*st)->BindText(1, key);
  EntityRecord out;
  out.key = key;
  std::set<std::string> aliases;
  std::map<std::string, size_t> names;  // spelling -> mentions, for the name shown
  const Status read = EachRow(db_, **st, "cannot read entity " + key, [&](Stmt& row) {
    EntityInStory in;
    in.story_id = row.ColumnText(7);
    in.ids = StringsFromJson(row.ColumnText(2));
    in.mentions = static_cast<size_t>(row.ColumnInt64(3));
    in.claims = static_cast<size_t>(row.ColumnInt64(4));
    in.quotes = static_cast<size_t>(row.ColumnInt64(5));
    names[row.ColumnText(0)] += in.mentions;
    if (out.type.empty()) out.type = row.ColumnText(1);
    for (std::string& a : StringsFromJson(row.ColumnText(6))) aliases.insert(std::move(a));
    out.stories.push_back(std::move(in));
  });
  if (!read.ok()) return read;
  if (out.stories.empty()) return Status::NotFound("no entity \"" + key + "\"");
  out.name = std::max_element(names.begin(), names.end(), [](const auto& a, const auto& b) {
               return a.second < b.second;
             })->first;
  out.aliases.assign(aliases.begin(), aliases.end());
  return out;
}

Result<std::vector<QuoteHit>> StoryIndexReader::SearchQuotes(const std::string& query, size_t limit) {
  // Snippet length in tokens: as the article search's. Ranked first, the
  // snippets made for the hits only, and each hit keeps the rank it was
  // sorted by (as Store::Search: bm25() asked again per hit recounts every
  // match for its IDF; 6.5 against 3.0 ms for a word in 3,000 quotations).
  constexpr int kSnippetTokens = 16;
  Result<Stmt*> st = Cached(
      "SELECT s.id, q.quote, q.speaker, snippet(story_quotes_fts, 1, '[', ']', '…', " +
      std::to_string(kSnippetTokens) +
      "), r.rank FROM (SELECT rowid AS doc, bm25(story_quotes_fts) AS rank FROM story_quotes_fts "
      "WHERE story_quotes_fts MATCH ?1 ORDER BY rank LIMIT ?2) AS r CROSS JOIN story_quotes_fts "
      "CROSS JOIN story_quotes AS q CROSS JOIN stories AS s WHERE story_quotes_fts MATCH ?1 AND "
      "story_quotes_fts.rowid = r.doc AND q.doc = r.doc AND s.stream_index = q.stream ORDER BY r.rank");
  if (!st.ok()) return st.status();
  StmtRewinder rewind(**st);
  (*st)->BindText(1, query);
  (*st)->BindInt64(2, ClampToSql(limit));
  std::vector<QuoteHit> out;
  for (;;) {
    const int rc = (*st)->Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      // As Store::Search: an error while matching is the query's fault.
      if ((rc & 0xff) == SQLITE_ERROR) {
        return Status::InvalidInput("malformed search query \"" + query + "\": " + sqlite3_errmsg(db_.handle()));
      }
      return db_.Error(rc, "search for \"" + query + "\" failed");
    }
    out.push_back({(*st)->ColumnText(0), (*st)->ColumnText(1), (*st)->ColumnText(2), (*st)->ColumnText(3),
                   (*st)->ColumnDouble(4)});
  }
  return out;
}

}  // namespace store_internal
}  // namespace storyline
