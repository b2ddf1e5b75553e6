// BuildBrief: TF-IDF average-link clustering of articles into stories, and
// each story's view (label, span, entities, quotes, timeline, claims).

#include "storyline/brief.h"

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <optional>
#include <numeric>
#include <set>
#include <string>

#include "extract/lexicon.h"
#include "stories/cluster.h"
#include "stories/label.h"
#include "stories/near_dup.h"
#include "stories/stream_cluster.h"
#include "stories/story_view.h"
#include "stories/text_features.h"

namespace storyline {
namespace {

// A title is the article's own summary of what it is about: each title term
// counts as much as three occurrences in the body.
constexpr double kTitleWeight = 3.0;

// Stories at least this fraction of the merge threshold alike are "related":
// they share a topic but were not similar enough to be one story.
constexpr double kRelatedFraction = 0.5;

// Hex digits of the 64-bit hash in a story id. 48 bits keep an accidental
// collision below one in a million up to ~20,000 stories in one brief (and
// a collision that does happen is resolved by a suffix).
constexpr size_t kStoryIdHexDigits = 12;

// Publication order: dated articles by date (ISO strings sort by time,
// a coarser date before the finer ones it contains), then undated ones;
// ties by id, then input position.
std::vector<size_t> PublicationOrder(const std::vector<const Article*>& articles) {
  std::vector<size_t> order(articles.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Article& x = *articles[a];
    const Article& y = *articles[b];
    if (x.published.empty() != y.published.empty()) return y.published.empty();
    if (x.published != y.published) return x.published < y.published;
    return x.id < y.id;
  });
  return order;
}

stories::TermCounts CountTerms(const Article& a) {
  stories::TermCounts counts;
  for (std::string& t : stories::IndexTerms(a.title)) counts[std::move(t)] += kTitleWeight;
  for (std::string& t : stories::IndexTerms(a.text)) counts[std::move(t)] += 1.0;
  return counts;
}

// Stable across runs: a hash of the story's earliest article id, so a story
// keeps its id while later articles join it.
std::string StoryId(const std::string& first_article_id, std::set<std::string>& used) {
  const uint64_t h = XXH3_64bits(first_article_id.data(), first_article_id.size());
  const std::string base = fmt::format("s{:016x}", h).substr(0, 1 + kStoryIdHexDigits);
  std::string id = base;
  for (int n = 2; !used.insert(id).second; ++n) id = base + "-" + std::to_string(n);
  return id;
}

// Day number (days since 1970-01-01) of an ISO date "YYYY-MM[-DD]"; a
// month alone counts as its middle. A year alone is too coarse to say
// whether two articles are weeks or months apart: no day.
std::optional<int64_t> DayNumber(const std::string& iso) {
  // Day of a month-only date: its middle, at most 15 days off either end.
  constexpr unsigned kMidMonth = 15;
  int y = 0;
  unsigned m = 1, d = kMidMonth;
  if (iso.size() < 7 || std::sscanf(iso.c_str(), "%4d", &y) != 1) return std::nullopt;
  if (iso.size() >= 7 && std::sscanf(iso.c_str() + 5, "%2u", &m) != 1) return std::nullopt;
  if (iso.size() >= 10 && std::sscanf(iso.c_str() + 8, "%2u", &d) != 1) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

// Folded names of the article's people, organisations, works and other
// named things, one per in-article entity (its longest proper name, not a
// description such as "the brand"); places are shared by unrelated stories
// of one city.
std::vector<std::string> EntityKeysOf(const AnnotatedArticle& a) {
  std::map<std::string, std::string> best;  // entity id -> name
  for (const EntityMention& m : a.entities) {
    if (m.type == "PLACE" || m.text.empty()) continue;
    const unsigned char first = static_cast<unsigned char>(m.text[0]);
    if (first < 0x80 && !std::isupper(first)) continue;  // "the brand"
    const std::string folded = stories::FoldCase(m.text);
    if (folded.rfind("the ", 0) == 0 || folded.rfind("a ", 0) == 0 || folded.rfind("an ", 0) == 0) {
      continue;  // "The star", "The Kardashians" star's epithet, ...
    }
    const std::string key = m.entity.empty() ? folded : m.entity;
    std::string& name = best[key];
    if (folded.size() > name.size()) name = folded;
  }
  std::vector<std::string> keys;
  for (auto& [id, name] : best) {
    // "pellmore foods" and "pellmore", "acme inc." and "acme": one key
    // whether or not an outlet writes the word organisation names end in
    // (lexicons/org_suffixes.txt).
    const size_t space = name.rfind(' ');
    if (space != std::string::npos) {
      std::string last = name.substr(space + 1);
      if (!last.empty() && last.back() == '.') last.pop_back();
      if (lexicon::In(lexicon::kOrgSuffixesNameEnd, last) || lexicon::In(lexicon::kOrgSuffixesLegal, last)) {
        name.resize(space);
      }
    }
    keys.push_back(std::move(name));
  }
  return keys;
}

std::string FallbackLabel(const Article& earliest) {
  const std::string title = stories::CollapseWhitespace(earliest.title);
  return title.empty() ? earliest.id : title;
}

// The grouping of `articles` (their keys in `keys`); with `annotated`, also
// each story's view. One code path for BuildBrief and GroupArticles.
Brief Group(const std::vector<const Article*>& articles, const std::vector<std::vector<std::string>>& keys,
            const std::vector<AnnotatedArticle>* annotated, const StoryOptions& options) {
  Brief brief;
  brief.articles.reserve(articles.size());
  for (const Article* a : articles) brief.articles.push_back(*a);

  const std::vector<size_t> order = PublicationOrder(articles);
  std::vector<size_t> rank(articles.size());
  for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;

  // Everything computed from one article alone, on all cores: the serial
  // passes below then only update the indexes.
  const size_t n = articles.size();
  std::vector<stories::NearDupIndex::Sketch> sketches(n);
  std::vector<std::vector<stories::CapitalisedRun>> runs(n);
  std::vector<stories::TermCounts> counts(n);
    const stories::NearDupOptions dup_options;
  // A grain of 16 articles keeps task overhead far below the per-article work.
  constexpr size_t kGrain = 16;
  tbb::parallel_for(tbb::blocked_range<size_t>(0, n, kGrain), [&](const tbb::blocked_range<size_t>& r) {
    for (size_t i = r.begin(); i != r.end(); ++i) {
      sketches[i] = stories::NearDupIndex::MakeSketch(articles[i]->text, dup_options);
      runs[i] = stories::CapitalisedRuns(articles[i]->text);
      counts[i] = CountTerms(*articles[i]);
    }
  });

  // Near-duplicates in publication order: the earliest copy is the original.
  stories::NearDupIndex near_dups(dup_options);
  std::vector<stories::NearDupIndex::Match> dup_of(n);
  for (size_t i : order) dup_of[i] = near_dups.Add(sketches[i]);

  // One pass in publication order, as the articles would have arrived.
  stories::StreamOptions stream_options;
  stream_options.min_similarity = options.min_similarity;
  stream_options.related_similarity = options.min_similarity * kRelatedFraction;
  stream_options.entity_weight = options.entity_weight;
  stream_options.active_days = options.active_days;
  stories::StoryStream stream(stream_options);
  for (size_t i : order) {
    stream.Add(counts[i], keys[i], DayNumber(articles[i]->published));
  }
  stories::Clustering clustering;
  std::vector<size_t> cluster_of_story(stream.stories().size(), SIZE_MAX);
  for (size_t s = 0; s < stream.stories().size(); ++s) {
    if (stream.stories()[s].empty()) continue;
    cluster_of_story[s] = clustering.clusters.size();
    std::vector<size_t> members;
    for (uint32_t added : stream.stories()[s]) members.push_back(order[added]);
    clustering.clusters.push_back(std::move(members));
  }
  for (const auto& [a, b] : stream.related()) {
    clustering.related.emplace_back(cluster_of_story[a], cluster_of_story[b]);
  }
  const stories::NameStats names(std::move(runs));

  // Largest stories first; equal sizes in order of their first article.
  std::vector<size_t> story_order(clustering.clusters.size());
  std::iota(story_order.begin(), story_order.end(), 0);
  std::stable_sort(story_order.begin(), story_order.end(), [&](size_t a, size_t b) {
    const auto& x = clustering.clusters[a];
    const auto& y = clustering.clusters[b];
    if (x.size() != y.size()) return x.size() > y.size();
    return rank[x.front()] < rank[y.front()];
  });

  std::set<std::string> used_ids;
  std::vector<size_t> position_of(clustering.clusters.size());
  for (size_t c : story_order) {
    const std::vector<size_t>& members = clustering.clusters[c];
    Story story;
    story.id = StoryId(articles[members.front()]->id, used_ids);
    story.label = names.Label(members, FallbackLabel(*articles[members.front()]));
    std::vector<const AnnotatedArticle*> member_ptrs;
    const std::set<size_t> member_set(members.begin(), members.end());
    for (size_t m : members) {
      const Article& a = *articles[m];
      story.articles.push_back(a.id);
      const stories::NearDupIndex::Match& dup = dup_of[m];
      if (dup.duplicate_of != stories::NearDupIndex::kNone) {
        const size_t original = order[dup.group];
        if (member_set.count(original) > 0) {
          story.duplicates.push_back({a.id, articles[original]->id, dup.jaccard});
        }
      }
      if (annotated != nullptr) member_ptrs.push_back(&(*annotated)[m]);
      if (a.published.empty()) continue;
      if (story.span_first.empty() || a.published < story.span_first) story.span_first = a.published;
      if (story.span_last.empty() || a.published > story.span_last) story.span_last = a.published;
    }
    if (annotated != nullptr) stories::FillStoryView(member_ptrs, story);
    position_of[c] = brief.stories.size();
    brief.stories.push_back(std::move(story));
  }
  // Related stories listed in brief order.
  std::vector<std::vector<size_t>> related(brief.stories.size());
  for (const auto& [a, b] : clustering.related) {
    related[position_of[a]].push_back(position_of[b]);
    related[position_of[b]].push_back(position_of[a]);
  }
  for (size_t s = 0; s < related.size(); ++s) {
    std::sort(related[s].begin(), related[s].end());
    for (size_t r : related[s]) brief.stories[s].related_stories.push_back(brief.stories[r].id);
  }
  return brief;
}

}  // namespace

std::vector<std::string> ClusterKeys(const AnnotatedArticle& article) { return EntityKeysOf(article); }

Brief BuildBrief(const std::vector<AnnotatedArticle>& articles, const StoryOptions& options) {
  std::vector<const Article*> plain;
  std::vector<std::vector<std::string>> keys(articles.size());
  plain.reserve(articles.size());
  for (const AnnotatedArticle& a : articles) plain.push_back(&a.article);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, articles.size(), 64), [&](const tbb::blocked_range<size_t>& r) {
    for (size_t i = r.begin(); i != r.end(); ++i) keys[i] = EntityKeysOf(articles[i]);
  });
  return Group(plain, keys, options.views ? &articles : nullptr, options);
}

Brief GroupArticles(const std::vector<Article>& articles, const std::vector<std::vector<std::string>>& keys,
                    const StoryOptions& options) {
  std::vector<const Article*> plain;
  plain.reserve(articles.size());
  for (const Article& a : articles) plain.push_back(&a);
  if (keys.size() >= articles.size()) return Group(plain, keys, nullptr, options);
  std::vector<std::vector<std::string>> padded = keys;
  padded.resize(articles.size());
  return Group(plain, padded, nullptr, options);
}

}  // namespace storyline
