// The pipeline (pipeline.h): ingest -> annotate -> store -> regroup -> brief.
#include "storyline/pipeline.h"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "stories/state_rows.h"
#include "stories/story_grouper.h"
#include "stories/story_view.h"
#include "stories/text_features.h"
#include "storyline/annotation.h"
#include "storyline/clean.h"
#include "storyline/ingest.h"

namespace storyline {
namespace {

// Articles read before the store is asked which need annotating and those
// are annotated on all cores: enough to keep two cores busy, few enough
// that progress stays smooth and memory small.
constexpr size_t kAnnotateChunk = 64;
// Articles re-annotated per transaction by Reindex.
constexpr size_t kReindexChunk = 256;

// An article's annotations for grouping and views: stored ones, or made now
// when none are stored or they are stale. `*annotated_now` counts the latter.
Result<AnnotatedArticle> AnnotationOf(const Store& store, const Article& a, size_t* annotated_now) {
  Result<AnnotatedArticle> stored = store.GetAnnotated(a);
  if (stored.ok()) return stored;
  const StatusCode code = stored.status().code();
  if (code != StatusCode::kNotFound && code != StatusCode::kUnsupported &&
      code != StatusCode::kCorruption) {
    return stored.status();
  }
  ++*annotated_now;
  return Annotate(a, {});
}

// The grouper's state rows, read from the store. A read that fails is kept
// and ends the regroup (the grouper sees the row as missing meanwhile).
class StoreRows : public stories::StateSource {
 public:
  explicit StoreRows(const Store& store) : store_(store) {}
  bool Get(stories::StateTable table, std::string_view key, std::string* value) const override {
    if (!status_.ok()) return false;
    Result<bool> found = store_.GetGroupingRow(static_cast<int>(table), key, value);
    if (!found.ok()) status_ = found.status();
    return found.ok() && *found;
  }
  const Status& status() const { return status_; }

 private:
  const Store& store_;
  mutable Status status_;
};

// A regroup computed but not yet saved.
struct PendingUpdate {
  GroupingUpdate update;
  RegroupReport report;
  std::string meta;  // the grouper's counters row once the update is saved
};

// Adds the ungrouped articles (all of them when `full` or when no state is
// stored) to the stored grouping and builds the stories that changed.
// Links that keep working: a story whose id changed (an earlier article
// joined it) and a story merged into another leave their old id as an alias
// of the id now shown. Reads the ids saved before this regroup.
Status AddAliases(const Store& store, GroupingUpdate& u) {
  std::unordered_map<uint32_t, const std::string*> new_id;
  for (const GroupedStory& g : u.stories) new_id[g.stream_index] = &g.story.id;
  std::unordered_map<uint32_t, uint32_t> merged_into(u.merged.begin(), u.merged.end());
  auto alias = [&](uint32_t stream_index, uint32_t now) -> Status {
    for (auto it = merged_into.find(now); it != merged_into.end(); it = merged_into.find(now)) now = it->second;
    auto target = new_id.find(now);
    if (target == new_id.end()) return Status::Ok();
    Result<std::string> old = store.StoryIdAt(stream_index);
    if (!old.ok()) return old.status();
    if (!old->empty() && *old != *target->second) u.aliases.emplace_back(*old, *target->second);
    return Status::Ok();
  };
  for (const GroupedStory& g : u.stories) {
    if (Status s = alias(g.stream_index, g.stream_index); !s.ok()) return s;
  }
  for (const auto& [from, into] : u.merged) {
    if (Status s = alias(from, into); !s.ok()) return s;
  }
  return Status::Ok();
}

// Seconds since `start`, and `start` moved to now.
double Lap(std::chrono::steady_clock::time_point& start) {
  const auto now = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(now - std::exchange(start, now)).count();
}

}  // namespace

// Capitalised runs (for labels) of articles by slot. A slot always holds
// the same text (an updated article gets a new slot), so runs stay valid
// as long as the grouping they belong to.
using RunsBySlot = std::map<uint32_t, std::vector<stories::CapitalisedRun>>;
// Runs kept between regroups: the most recent articles', which are the
// members of the stories that change.
constexpr size_t kMaxCachedRuns = 50000;

struct StoryCache::Impl {
  const Store* store = nullptr;
  std::unique_ptr<StoreRows> rows;
  std::unique_ptr<stories::StoryGrouper> grouper;
  RunsBySlot runs;
  std::string meta;  // the saved counters row the grouper's state equals
  size_t max_bytes = 0;

  void Drop() {
    grouper.reset();
    rows.reset();
    runs.clear();
    store = nullptr;
    meta.clear();
  }
};

StoryCache::StoryCache(size_t max_bytes) : impl_(std::make_unique<Impl>()) { impl_->max_bytes = max_bytes; }
StoryCache::~StoryCache() = default;

namespace {

// How a regroup builds the stories it changed.
struct BuildMode {
  // Build their views (entities, quotes, timeline, claims); without, a
  // story is saved with no view, and gets one later (a later regroup's
  // `also`, or a brief builds it on demand).
  bool views = true;
  // Stories (stream indices) to build although no article joined them:
  // those saved with no view.
  std::vector<uint32_t> also;
};

// Adds the ungrouped articles (all of them when `full` or when no state is
// stored) to the stored grouping and builds the stories that changed. With
// `cache`, its grouper goes on when it holds the saved state (and a new one
// is left there); nothing is saved here (Regroup saves, then notes it).
Result<PendingUpdate> ComputeRegroup(const Store& store, bool full, StoryCache::Impl* cache = nullptr,
                                     const BuildMode& mode = {}) {
  auto clock = std::chrono::steady_clock::now();
  const StoryOptions options;
  PendingUpdate out;
  Result<std::string> meta = store.GroupingState();
  if (!meta.ok()) return meta.status();
  std::unique_ptr<StoreRows> own_rows;
  std::unique_ptr<stories::StoryGrouper> own;
  RunsBySlot runs_by_slot;
  bool reset = false;
  if (cache != nullptr && cache->grouper != nullptr && cache->store == &store && !full && !meta->empty() &&
      *meta == cache->meta) {
    own_rows = std::move(cache->rows);
    own = std::move(cache->grouper);
    runs_by_slot = std::move(cache->runs);
  } else {
    own_rows = std::make_unique<StoreRows>(store);
    own = std::make_unique<stories::StoryGrouper>(options);
    reset = full || meta->empty() || !own->SetSource(own_rows.get(), *meta);
  }
  if (cache != nullptr) cache->Drop();  // until the update is saved
  stories::StoryGrouper& grouper = *own;
  const StoreRows& rows = *own_rows;
  Result<std::vector<Article>> pending = reset ? store.AllArticles() : store.UngroupedArticles();
  if (!pending.ok()) return pending.status();
  out.update.reset = reset;

  std::vector<std::vector<std::string>> keys(pending->size());
  std::unordered_map<std::string, AnnotatedArticle> fresh;  // annotated now, by id
  for (size_t i = 0; i < pending->size(); ++i) {
    const Article& a = (*pending)[i];
    Result<std::vector<std::string>> k = store.ClusterKeysOf(a.id);
    if (k.ok()) {
      keys[i] = std::move(*k);
      continue;
    }
    Result<AnnotatedArticle> an = AnnotationOf(store, a, &out.report.annotated);
    if (!an.ok()) return an.status();
    keys[i] = ClusterKeys(*an);
    fresh.emplace(a.id, std::move(*an));
  }
  std::vector<const Article*> ptrs;
  for (const Article& a : *pending) ptrs.push_back(&a);
  std::vector<std::vector<stories::CapitalisedRun>> new_runs;
  const std::vector<uint32_t> slots = grouper.Add(ptrs, keys, &new_runs);
  std::unordered_map<uint32_t, const Article*> new_at;
  for (size_t i = 0; i < slots.size(); ++i) {
    new_at[slots[i]] = ptrs[i];
    runs_by_slot[slots[i]] = std::move(new_runs[i]);
    out.update.slots.emplace_back((*pending)[i].id, slots[i]);
  }
  out.report.grouped = slots.size();

  std::vector<uint32_t> changed = grouper.TakeChanged();
  out.update.merged = grouper.TakeMerged();
  // Stories built only for their view keep the label they were saved with:
  // a label names what the story is about against the corpus of when it
  // last changed, whatever batch its view is built in.
  std::set<uint32_t> view_only;
  if (!reset && !mode.also.empty()) {
    const std::set<uint32_t> joined(changed.begin(), changed.end());
    for (uint32_t s : mode.also) {
      if (!joined.count(s)) view_only.insert(s);
    }
    // Stories merged away since have no members (their survivor changed).
    for (uint32_t s : mode.also) {
      if (s < grouper.story_count() && !grouper.Members(s).empty()) changed.push_back(s);
    }
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  }
  out.report.cluster_seconds = Lap(clock);
  // Members and their annotations, read serially (a Store is one thread's,
  // and so is the grouper reading its rows).
  std::vector<std::vector<Article>> old_members(changed.size());
  std::vector<std::vector<const Article*>> members(changed.size());
  std::vector<std::vector<uint32_t>> member_slot(changed.size());
  std::vector<std::vector<AnnotatedArticle>> views(changed.size());
  for (size_t c = 0; c < changed.size(); ++c) {
    const std::vector<uint32_t> member_slots = grouper.Members(changed[c]);
    std::vector<uint32_t> stored_slots;
    for (uint32_t slot : member_slots) {
      if (!new_at.count(slot)) stored_slots.push_back(slot);
    }
    Result<std::vector<Article>> stored = store.ArticlesAtSlots(stored_slots);
    if (!stored.ok()) return stored.status();
    old_members[c] = std::move(*stored);
    size_t next_old = 0;
    for (uint32_t slot : member_slots) {
      auto it = new_at.find(slot);
      // A slot whose article was updated since is held by no article: the
      // article is grouped again under its new slot.
      if (it != new_at.end()) {
        members[c].push_back(it->second);
        member_slot[c].push_back(slot);
      } else if (next_old < old_members[c].size()) {
        members[c].push_back(&old_members[c][next_old++]);
        member_slot[c].push_back(slot);
      }
    }
    for (const Article* a : members[c]) {
      if (!mode.views) break;
      auto f = fresh.find(a->id);
      if (f != fresh.end() && f->second.article.text == a->text) {
        views[c].push_back(f->second);
        continue;
      }
      Result<AnnotatedArticle> an = AnnotationOf(store, *a, &out.report.annotated);
      if (!an.ok()) return an.status();
      views[c].push_back(std::move(*an));
    }
    out.report.view_articles += members[c].size();
  }
  out.report.members_seconds = Lap(clock);
  // The stories: capitalised runs on all cores, the grouping part (label,
  // duplicates: rows read) serially, the views on all cores.
  // Runs known from earlier regroups are reused (read serially), the rest
  // computed on all cores.
  std::vector<std::vector<const std::vector<stories::CapitalisedRun>*>> known(changed.size());
  for (size_t c = 0; c < changed.size(); ++c) {
    for (uint32_t slot : member_slot[c]) {
      auto it = runs_by_slot.find(slot);
      known[c].push_back(it == runs_by_slot.end() ? nullptr : &it->second);
    }
  }
  std::vector<std::vector<std::vector<stories::CapitalisedRun>>> runs(changed.size());
  tbb::parallel_for(size_t{0}, changed.size(), [&](size_t c) {
    runs[c].resize(members[c].size());
    for (size_t k = 0; k < members[c].size(); ++k) {
      if (known[c][k] == nullptr) runs[c][k] = stories::CapitalisedRuns(members[c][k]->text);
    }
  });
  std::vector<GroupedStory> built(changed.size());
  for (size_t c = 0; c < changed.size(); ++c) {
    if (members[c].empty()) continue;
    std::vector<const std::vector<stories::CapitalisedRun>*> run_ptrs;
    for (size_t k = 0; k < runs[c].size(); ++k) run_ptrs.push_back(known[c][k] != nullptr ? known[c][k] : &runs[c][k]);
    std::set<std::string> used;
    built[c].story = grouper.MakeStory(changed[c], members[c], run_ptrs, used);
    if (view_only.count(changed[c])) {
      Result<std::string> label = store.StoryLabelAt(changed[c]);
      if (!label.ok()) return label.status();
      if (!label->empty()) built[c].story.label = std::move(*label);
    }
    built[c].has_view = mode.views;
    built[c].stream_index = changed[c];
    built[c].first_key = stories::PublicationKey(*members[c].front());
  }
  tbb::parallel_for(size_t{0}, changed.size(), [&](size_t c) {
    if (members[c].empty() || !mode.views) return;
    std::vector<const AnnotatedArticle*> view_ptrs;
    for (const AnnotatedArticle& v : views[c]) view_ptrs.push_back(&v);
    stories::FillStoryView(view_ptrs, built[c].story);
  });
  for (size_t c = 0; c < changed.size(); ++c) {
    if (!members[c].empty()) out.update.stories.push_back(std::move(built[c]));
  }
  out.report.stories_changed = out.update.stories.size();
  if (!reset) {
    if (Status a = AddAliases(store, out.update); !a.ok()) return a;
  }
  out.report.views_seconds = Lap(clock);
  for (const auto& [a, b] : grouper.TakeRelated()) {
    out.update.links.emplace_back(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
  }
  if (!rows.status().ok()) return rows.status();
  // A state row that did not decode: the stored state cannot be trusted,
  // and everything is grouped anew.
  if (grouper.damaged() && !reset) return ComputeRegroup(store, /*full=*/true, cache, mode);
  for (stories::StateRow& row : grouper.TakeDirtyRows()) {
    out.update.rows.push_back({static_cast<int>(row.table), std::move(row.key), std::move(row.value)});
  }
  out.meta = grouper.MetaRow();
  if (cache != nullptr) {
    // The runs computed now join the cache; the oldest slots leave it.
    for (size_t c = 0; c < changed.size(); ++c) {
      for (size_t k = 0; k < runs[c].size(); ++k) {
        if (known[c][k] == nullptr) runs_by_slot[member_slot[c][k]] = std::move(runs[c][k]);
      }
    }
    while (runs_by_slot.size() > kMaxCachedRuns) runs_by_slot.erase(runs_by_slot.begin());
    cache->store = &store;
    cache->rows = std::move(own_rows);
    cache->grouper = std::move(own);
    cache->runs = std::move(runs_by_slot);
  }
  return out;
}

}  // namespace

Status ForEachArticle(const std::vector<std::string>& paths, bool keep_boilerplate,
                      Reporter& reporter, const std::function<Status(Article&&)>& use,
                      const std::function<void(const std::string& file)>& file_done) {
  return ForEachInputArticle(std::vector<Input>(paths.begin(), paths.end()), keep_boilerplate, reporter, use,
                             file_done);
}

Status ForEachInputArticle(const std::vector<Input>& inputs, bool keep_boilerplate,
                           Reporter& reporter, const std::function<Status(Article&&)>& use,
                           const std::function<void(const std::string& file)>& file_done) {
  ReadOptions ro;
  CleanOptions co;
  co.remove_boilerplate = !keep_boilerplate;
  Status used;  // the first failure of `use`: stops everything
  const DocumentSink sink = [&](Document&& doc) -> Status {
    Result<Article> a = CleanDocument(doc, co);
    if (!a.ok()) {
      reporter.Reject(a.status());
      return Status::Ok();
    }
    used = use(std::move(a).value());
    return used;
  };
  for (const Input& input : inputs) {
    if (const BufferInput* buffer = std::get_if<BufferInput>(&input)) {
      Status s = ReadUnnamedBuffer(buffer->name, buffer->bytes, ro, reporter, sink);
      if (!used.ok()) return used;
      if (!s.ok()) reporter.Reject(s);
      if (file_done) file_done(buffer->name);
      continue;
    }
    for (const std::string& file : ExpandPaths({std::get<std::string>(input)}, reporter)) {
      Status s = ReadPath(file, ro, reporter, sink);
      if (!s.ok()) return s;
      if (file_done) file_done(file);
    }
  }
  return Status::Ok();
}

Result<RegroupReport> Regroup(Store& store, bool full, StoryCache* cache, bool views) {
  StoryCache::Impl* warm = cache != nullptr ? &cache->impl() : nullptr;
  BuildMode mode;
  mode.views = views;
  if (views) {
    Result<std::vector<uint32_t>> viewless = store.ViewlessStories();
    if (!viewless.ok()) return viewless.status();
    mode.also = std::move(*viewless);
  }
  // Read before the articles: if another writer stores some meanwhile, the
  // stories stay marked behind (store.h).
  Result<int64_t> generation = store.ArticlesGeneration();
  if (!generation.ok()) return generation.status();
  Result<PendingUpdate> p = ComputeRegroup(store, full, warm, mode);
  if (!p.ok()) {
    if (warm != nullptr) warm->Drop();
    return p.status();
  }
  const auto start = std::chrono::steady_clock::now();
  if (Status s = store.SaveGrouping(p->update, *generation); !s.ok()) {
    if (warm != nullptr) warm->Drop();
    return s;
  }
  if (warm != nullptr && warm->grouper != nullptr) {
    warm->meta = p->meta;
    if (warm->grouper->MemoryBytes() > warm->max_bytes) warm->Drop();
  }
  p->report.save_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return p->report;
}

Result<size_t> Reindex(Store& store, const std::function<void(size_t, size_t)>& progress) {
  Result<std::vector<std::string>> stale = store.StaleAnnotationIds();
  if (!stale.ok()) return stale.status();
  const size_t total = stale->size();
  for (size_t at = 0; at < total; at += kReindexChunk) {
    std::vector<Article> chunk;
    for (size_t i = at; i < std::min(total, at + kReindexChunk); ++i) {
      Result<Article> a = store.GetArticle((*stale)[i]);
      if (!a.ok()) return a.status();
      chunk.push_back(std::move(*a));
    }
    if (Status s = store.SaveAnnotations(AnnotateMany(chunk, {})); !s.ok()) return s;
    if (progress) progress(std::min(total, at + kReindexChunk), total);
  }
  if (total == 0) return size_t{0};
  Result<RegroupReport> r = Regroup(store, /*full=*/true);
  if (!r.ok()) return r.status();
  return total;
}

Result<IngestReport> Ingest(Store& store, const std::vector<std::string>& paths,
                            Reporter& reporter, const IngestHooks& hooks) {
  return IngestInputs(store, std::vector<Input>(paths.begin(), paths.end()), reporter, hooks);
}

Result<IngestReport> IngestInputs(Store& store, const std::vector<Input>& inputs,
                                  Reporter& reporter, const IngestHooks& hooks) {
  IngestReport report;
  Result<bool> was_behind = store.StoriesBehind();
  if (!was_behind.ok()) return was_behind.status();
  report.was_behind = *was_behind;
  // The grouping stays in memory from one batch to the next.
  StoryCache own_cache;
  StoryCache* cache = hooks.cache != nullptr ? hooks.cache : &own_cache;
  std::vector<Article> chunk;
  auto flush = [&]() -> Status {
    std::vector<char> needs(chunk.size());
    for (size_t i = 0; i < chunk.size(); ++i) {
      Result<bool> n = store.NeedsAnnotation(chunk[i]);
      if (!n.ok()) return n.status();
      needs[i] = *n;
    }
    std::vector<AnnotatedArticle> annotated(chunk.size());
    tbb::parallel_for(size_t{0}, chunk.size(), [&](size_t i) {
      if (needs[i]) annotated[i] = Annotate(chunk[i], {});
    });
    for (size_t i = 0; i < chunk.size(); ++i) {
      PutReport put;
      Result<PutOutcome> o = store.Put(chunk[i], &put, needs[i] ? &annotated[i] : nullptr);
      if (!o.ok()) return o.status();
      switch (*o) {
        case PutOutcome::kStored: ++report.stored; break;
        case PutOutcome::kUpdated: ++report.updated; break;
        case PutOutcome::kUnchanged: ++report.unchanged; break;
        case PutOutcome::kDuplicate: ++report.duplicates; break;
      }
      if (needs[i] && *o != PutOutcome::kDuplicate) ++report.annotated;
      if (needs[i] && *o == PutOutcome::kUnchanged) ++report.reannotated;
      if (!put.clashed_with.empty()) {
        ++report.clashes;
        const std::string w = fmt::format("{}: id \"{}\" is already taken by {}; this article is \"{}\"",
                                          chunk[i].source, chunk[i].id, put.clashed_with, put.id);
        reporter.Warn(w);
      }
    }
    chunk.clear();
    return Status::Ok();
  };
  // Stores what was read and brings the stories up to date with it.
  auto group = [&](bool last) -> Status {
    if (Status f = flush(); !f.ok()) return f;
    if (Status f = store.Flush(); !f.ok()) return f;
    if (!hooks.group) return Status::Ok();
    Result<bool> behind = store.StoriesBehind();
    if (!behind.ok()) return behind.status();
    if (!*behind) {
      // Views left unbuilt by an earlier batch (of this ingest, or of one
      // that was interrupted) are built at the end.
      if (!last) return Status::Ok();
      Result<std::vector<uint32_t>> viewless = store.ViewlessStories();
      if (!viewless.ok()) return viewless.status();
      if (viewless->empty()) return Status::Ok();
    }
    if (last && hooks.step) hooks.step("grouping new articles into stories");
    const auto start = std::chrono::steady_clock::now();
    // Views are built once, at the end, for every story changed meanwhile.
    Result<RegroupReport> r = Regroup(store, false, cache, /*views=*/last);
    if (!r.ok()) return r.status();
    report.story_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ++report.batches;
    report.grouped += r->grouped;
    report.annotated += r->annotated;
    report.stories_changed += r->stories_changed;
    report.view_articles += r->view_articles;
    report.cluster_seconds += r->cluster_seconds;
    report.members_seconds += r->members_seconds;
    report.views_seconds += r->views_seconds;
    report.save_seconds += r->save_seconds;
    return Status::Ok();
  };
  Status s = ForEachInputArticle(
      inputs, false, reporter,
      [&](Article&& a) -> Status {
        ++report.read;
        if (hooks.article_read) hooks.article_read();
        chunk.push_back(std::move(a));
        if (hooks.group && hooks.batch != 0 && report.read % hooks.batch == 0) return group(/*last=*/false);
        return chunk.size() >= kAnnotateChunk ? flush() : Status::Ok();
      },
      hooks.file_done);
  if (s.ok()) s = flush();
  if (!s.ok()) return s;
  if (Status f = store.Flush(); !f.ok()) return f;
  // Annotations made by another annotator version anywhere in the store
  // are refreshed now (and everything regrouped with them).
  Result<std::vector<std::string>> stale = store.StaleAnnotationIds();
  if (!stale.ok()) return stale.status();
  if (!stale->empty()) {
    if (hooks.step) hooks.step(fmt::format("re-annotating {} articles made by older code", stale->size()));
    Result<size_t> n = Reindex(store, {});
    if (!n.ok()) return n.status();
    report.reannotated += *n;
    report.annotated += *n;
  }
  if (Status g = group(/*last=*/true); !g.ok()) return g;
  return report;
}

Result<std::vector<StoredStory>> CurrentStories(const Store& store, bool* behind_out) {
  const Store::Snapshot snapshot(store);  // the list and the regroup of one state
  Result<bool> behind = store.StoriesBehind();
  if (!behind.ok()) return behind.status();
  if (behind_out != nullptr) *behind_out = *behind;
  Result<std::vector<StoredStory>> stored = store.Stories();
  if (!stored.ok() || !*behind) return stored;
  BuildMode list_only;
  list_only.views = false;
  Result<PendingUpdate> p = ComputeRegroup(store, false, nullptr, list_only);
  if (!p.ok()) return p.status();
  // The stored list with the regroup applied: rows of changed and merged
  // stories replaced (all of them after a reset), largest first.
  std::set<uint32_t> gone;
  for (const auto& [from, into] : p->update.merged) gone.insert(from);
  for (const GroupedStory& g : p->update.stories) gone.insert(g.stream_index);
  std::vector<StoredStory> out;
  for (const GroupedStory& g : p->update.stories) {
    out.push_back({g.story.id, g.story.label, g.story.span_first, g.story.span_last, g.story.articles});
  }
  for (StoredStory& s : *stored) {
    if (p->update.reset) break;
    Result<StoryRecord> rec = store.GetStory(s.id);
    if (!rec.ok()) return rec.status();
    if (!gone.count(rec->stream_index)) out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const StoredStory& a, const StoredStory& b) {
    return a.articles.size() > b.articles.size();
  });
  return out;
}

// The brief of a story that exists only in the regroup the store is behind
// by (CurrentStories lists it; an ingest has not saved it yet), or the
// original status when there is none.
Result<Brief> PendingStoryBrief(const Store& store, const std::string& story_id, const Status& not_found) {
  Result<bool> behind = store.StoriesBehind();
  if (!behind.ok()) return behind.status();
  if (!*behind) return not_found;
  Result<PendingUpdate> p = ComputeRegroup(store, false);
  if (!p.ok()) return p.status();
  std::string id = story_id;
  for (const auto& [old_id, new_id] : p->update.aliases) {
    if (old_id == story_id) id = new_id;
  }
  for (GroupedStory& g : p->update.stories) {
    if (g.story.id != id) continue;
    Brief brief;
    for (const std::string& a : g.story.articles) {
      Result<Article> article = store.GetArticle(a);
      if (!article.ok()) return article.status();
      brief.articles.push_back(std::move(*article));
    }
    brief.stories.push_back(std::move(g.story));
    return brief;
  }
  return not_found;
}

Result<Brief> StoryBrief(const Store& store, const std::string& story_id) {
  const Store::Snapshot snapshot(store);
  Result<StoryRecord> rec = store.GetStory(story_id);
  if (!rec.ok() && rec.status().code() == StatusCode::kNotFound) {
    return PendingStoryBrief(store, story_id, rec.status());
  }
  if (!rec.ok()) return rec.status();
  Brief brief;
  if (!rec->has_view) {
    std::vector<AnnotatedArticle> views;
    std::map<std::string, const Article*> by_id;
    for (const Article& a : rec->articles) by_id[a.id] = &a;
    size_t annotated_now = 0;
    for (const std::string& id : rec->story.articles) {
      auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      Result<AnnotatedArticle> an = AnnotationOf(store, *it->second, &annotated_now);
      if (!an.ok()) return an.status();
      views.push_back(std::move(*an));
    }
    std::vector<const AnnotatedArticle*> ptrs;
    for (const AnnotatedArticle& v : views) ptrs.push_back(&v);
    stories::FillStoryView(ptrs, rec->story);
  }
  brief.articles = std::move(rec->articles);
  brief.stories.push_back(std::move(rec->story));
  return brief;
}

Result<Brief> StoreBrief(const Store& store) {
  const Store::Snapshot snapshot(store);
  Result<std::vector<StoredStory>> list = store.Stories();
  if (!list.ok()) return list.status();
  Brief brief;
  std::map<std::string, size_t> article_at;
  for (const StoredStory& s : *list) {
    Result<Brief> one = StoryBrief(store, s.id);
    if (!one.ok()) return one.status();
    for (Article& a : one->articles) {
      if (article_at.emplace(a.id, brief.articles.size()).second) brief.articles.push_back(std::move(a));
    }
    for (Story& st : one->stories) brief.stories.push_back(std::move(st));
  }
  return brief;
}

Brief BriefOfArticles(const std::vector<Article>& articles) {
  return BuildBrief(AnnotateMany(articles, {}), {});
}

}  // namespace storyline
