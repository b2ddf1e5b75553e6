// Merge (pipeline.h): stores made elsewhere copied into one, then grouped
// in publication order. DESIGN.md, "Merging shards", says why the result
// equals one ingest of the shards' inputs.
#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <chrono>
#include <filesystem>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "stories/story_grouper.h"
#include "storyline/annotation.h"
#include "storyline/pipeline.h"

namespace storyline {
namespace {

// Articles looked up and put per step; those whose shard holds stale
// annotations are annotated together on all cores (as Ingest's chunks).
constexpr size_t kCopyChunk = 64;

// Whether `shard` and `out` name the same file (through links or another
// spelling of the path).
bool SameFile(const std::string& shard, const std::string& out) {
  std::error_code ec;
  const bool same = std::filesystem::equivalent(shard, out, ec);
  return !ec && same;
}

// What the copy of every shard learned for the regroup's choice.
struct NewArticles {
  bool any = false;
  bool updated = false;   // an article of OUT got new content
  std::string first_key;  // the least PublicationKey among those stored or updated
};

class ShardCopier {
 public:
  ShardCopier(Store& out, Reporter& reporter, const MergeHooks& hooks, MergeReport& report,
              NewArticles& fresh)
      : out_(out), reporter_(reporter), hooks_(hooks), report_(report), fresh_(fresh) {}

  // Copies every article of `shard`, then its recorded duplicates. An
  // error of `out` is returned; one of the shard is reported and ends only
  // this shard.
  Status Copy(const std::string& path);

 private:
  Status PutChunk();
  void Count(const ArticleCopy& copy, PutOutcome outcome, const PutReport& put);

  Store& out_;
  Reporter& reporter_;
  const MergeHooks& hooks_;
  MergeReport& report_;
  NewArticles& fresh_;
  std::vector<ArticleCopy> chunk_;
};

Status ShardCopier::Copy(const std::string& path) {
  if (SameFile(path, out_.Path())) {
    reporter_.Reject(Status::InvalidInput(path + ": is the output store itself, not a shard to merge into it"));
    ++report_.bad_shards;
    return Status::Ok();
  }
  StoreOptions read_only;
  read_only.read_only = true;
  Result<std::unique_ptr<Store>> shard = Store::Open(path, read_only);
  if (!shard.ok()) {
    reporter_.Reject(shard.status());
    ++report_.bad_shards;
    return Status::Ok();
  }
  const Store::Snapshot snapshot(**shard);  // one state even while its writer goes on
  Status out_error;
  Status s = (*shard)->ForEachCopy([&](ArticleCopy&& copy) -> Status {
    chunk_.push_back(std::move(copy));
    if (chunk_.size() < kCopyChunk) return Status::Ok();
    out_error = PutChunk();
    return out_error;
  });
  // The articles read before a damaged row are good: they are stored too.
  if (out_error.ok()) out_error = PutChunk();
  if (!out_error.ok()) return out_error;
  Result<std::vector<std::pair<std::string, std::string>>> dups = (*shard)->Duplicates();
  if (s.ok() && !dups.ok()) s = dups.status();
  for (size_t i = 0; s.ok() && i < dups->size(); ++i) {
    const auto& [id, original] = (*dups)[i];
    Result<Article> a = (*shard)->GetArticle(original);
    if (!a.ok()) {
      s = a.status();
      break;
    }
    Result<bool> recorded = out_.RecordDuplicate(id, a->text);
    if (!recorded.ok()) return recorded.status();
    ++report_.read;
    if (*recorded) ++report_.duplicates;
  }
  chunk_.clear();
  if (!s.ok()) {
    reporter_.Reject(s.WithContext(path + ": shard read only in part"));
    ++report_.bad_shards;
    return Status::Ok();
  }
  ++report_.shards;
  if (hooks_.shard_done) hooks_.shard_done(path);
  return Status::Ok();
}

Status ShardCopier::PutChunk() {
  std::vector<char> needs(chunk_.size());
  for (size_t i = 0; i < chunk_.size(); ++i) {
    Result<bool> n = out_.NeedsAnnotation(chunk_[i].article);
    if (!n.ok()) return n.status();
    needs[i] = *n;
  }
  // Only what the shard holds stale (or not at all) is annotated here.
  std::vector<AnnotatedArticle> annotated(chunk_.size());
  tbb::parallel_for(size_t{0}, chunk_.size(), [&](size_t i) {
    if (needs[i] && !chunk_[i].current) annotated[i] = Annotate(chunk_[i].article, {});
  });
  for (size_t i = 0; i < chunk_.size(); ++i) {
    const ArticleCopy& copy = chunk_[i];
    PutReport put;
    const bool copied = needs[i] && copy.current;
    Result<PutOutcome> o = copied || !needs[i] ? out_.PutCopy(copy, &put, copied)
                                               : out_.Put(copy.article, &put, &annotated[i]);
    if (!o.ok()) return o.status();
    if (needs[i] && *o != PutOutcome::kDuplicate) ++(copied ? report_.copied_annotations : report_.annotated);
    Count(copy, *o, put);
  }
  chunk_.clear();
  return Status::Ok();
}

void ShardCopier::Count(const ArticleCopy& copy, PutOutcome outcome, const PutReport& put) {
  ++report_.read;
  switch (outcome) {
    case PutOutcome::kStored: ++report_.stored; break;
    case PutOutcome::kUpdated: ++report_.updated; break;
    case PutOutcome::kUnchanged: ++report_.unchanged; break;
    case PutOutcome::kDuplicate: ++report_.duplicates; break;
  }
  if (outcome == PutOutcome::kStored || outcome == PutOutcome::kUpdated) {
    Article as_stored;
    as_stored.id = put.id;
    as_stored.published = copy.article.published;
    std::string key = stories::PublicationKey(as_stored);
    if (!fresh_.any || key < fresh_.first_key) fresh_.first_key = std::move(key);
    fresh_.any = true;
    fresh_.updated |= outcome == PutOutcome::kUpdated;
  }
  if (!put.clashed_with.empty()) {
    ++report_.clashes;
    reporter_.Warn(fmt::format("{}: id \"{}\" is already taken by {}; this article is \"{}\"",
                               copy.article.source, copy.article.id, put.clashed_with, put.id));
  }
  if (hooks_.article_copied) hooks_.article_copied();
}

// Old story ids that a full regroup retired, each an alias of the story
// that now holds its first article (as a story keeps its id as it grows).
Result<size_t> KeepRetiredIds(Store& out, const std::vector<StoredStory>& before) {
  Result<std::vector<StoredStory>> after = out.Stories();
  if (!after.ok()) return after.status();
  std::unordered_map<std::string, const std::string*> story_of;
  std::unordered_map<std::string, bool> live;
  for (const StoredStory& s : *after) {
    live[s.id] = true;
    for (const std::string& a : s.articles) story_of[a] = &s.id;
  }
  GroupingUpdate update;
  for (const StoredStory& s : before) {
    if (live.count(s.id) || s.articles.empty()) continue;
    auto it = story_of.find(s.articles.front());
    if (it != story_of.end()) update.aliases.emplace_back(s.id, *it->second);
  }
  if (update.aliases.empty()) return size_t{0};
  Result<int64_t> generation = out.ArticlesGeneration();
  if (!generation.ok()) return generation.status();
  if (Status s = out.SaveGrouping(update, *generation); !s.ok()) return s;
  return update.aliases.size();
}

// Where OUT's grouping stood before the merge.
struct GroupedBefore {
  bool any = false;
  bool behind = false;
  std::string last_key;  // PublicationKey of its last grouped article
};

Result<GroupedBefore> ReadGroupedBefore(const Store& out) {
  GroupedBefore g;
  Result<std::string> last = out.LastGroupedArticleId();
  if (!last.ok()) return last.status();
  if (last->empty()) return g;
  Result<Article> a = out.GetArticle(*last);
  if (!a.ok()) return a.status();
  Result<bool> behind = out.StoriesBehind();
  if (!behind.ok()) return behind.status();
  g.any = true;
  g.behind = *behind;
  g.last_key = stories::PublicationKey(*a);
  return g;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Result<MergeReport> Merge(Store& out, const std::vector<std::string>& shards, Reporter& reporter,
                          const MergeHooks& hooks) {
  MergeReport report;
  Result<GroupedBefore> before = ReadGroupedBefore(out);
  if (!before.ok()) return before.status();
  auto start = std::chrono::steady_clock::now();
  NewArticles fresh;
  ShardCopier copier(out, reporter, hooks, report, fresh);
  for (const std::string& shard : shards) {
    if (Status s = copier.Copy(shard); !s.ok()) return s;
  }
  if (Status s = out.Flush(); !s.ok()) return s;
  report.copy_seconds = SecondsSince(start);
  start = std::chrono::steady_clock::now();

  // Adding only the new articles to OUT's grouping gives the grouping of
  // all of them in publication order when they all come after it (but for
  // the labels of the stories they leave alone: MergeHooks::append).
  const bool in_order = !before->behind && !fresh.updated && !(fresh.any && fresh.first_key < before->last_key);
  report.full_regroup = before->any && (before->behind || fresh.any) && !(hooks.append && in_order);
  Result<std::vector<std::string>> stale = out.StaleAnnotationIds();
  if (!stale.ok()) return stale.status();
  std::vector<StoredStory> old_stories;
  if (before->any && (report.full_regroup || !stale->empty())) {
    Result<std::vector<StoredStory>> s = out.Stories();
    if (!s.ok()) return s.status();
    old_stories = std::move(*s);
  }
  if (!stale->empty()) {
    // As Ingest: refreshed, then everything grouped anew with them.
    if (hooks.step) hooks.step(fmt::format("re-annotating {} articles made by older code", stale->size()));
    Result<size_t> n = Reindex(out, {});
    if (!n.ok()) return n.status();
    report.reannotated = *n;
    report.annotated += *n;
    report.full_regroup = true;
  }
  if (hooks.step) hooks.step(report.full_regroup ? "grouping every article into stories"
                                                 : "grouping new articles into stories");
  Result<RegroupReport> r = Regroup(out, report.full_regroup && stale->empty());
  if (!r.ok()) return r.status();
  report.grouped = r->grouped;
  report.stories_changed = r->stories_changed;
  report.annotated += r->annotated;
  report.cluster_seconds = r->cluster_seconds;
  report.members_seconds = r->members_seconds;
  report.views_seconds = r->views_seconds;
  report.save_seconds = r->save_seconds;
  if (!old_stories.empty()) {
    Result<size_t> kept = KeepRetiredIds(out, old_stories);
    if (!kept.ok()) return kept.status();
    report.aliases = *kept;
  }
  report.story_seconds = SecondsSince(start);
  return report;
}

}  // namespace storyline
