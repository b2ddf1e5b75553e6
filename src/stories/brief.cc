// BuildBrief: TF-IDF average-link clustering of articles into stories, and
// each story's view (label, span, entities, quotes, timeline, claims).

#include "storyline/brief.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include "core/lexicon.h"
#include "stories/story_grouper.h"
#include "stories/story_view.h"
#include "stories/text_features.h"

namespace storyline {
namespace {

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

// The grouping of `articles` (their keys in `keys`); with `annotated`, also
// each story's view. One code path for BuildBrief and GroupArticles, and
// through StoryGrouper for the store's incremental grouping.
Brief Group(const std::vector<const Article*>& articles, const std::vector<std::vector<std::string>>& keys,
            const std::vector<AnnotatedArticle>* annotated, const StoryOptions& options) {
  Brief brief;
  brief.articles.reserve(articles.size());
  for (const Article* a : articles) brief.articles.push_back(*a);

  stories::StoryGrouper grouper(options);
  std::vector<std::vector<stories::CapitalisedRun>> runs;
  const std::vector<uint32_t> slots = grouper.Add(articles, keys, &runs);
  std::vector<size_t> at_slot(articles.size());
  for (size_t i = 0; i < slots.size(); ++i) at_slot[slots[i]] = i;

  // Largest stories first; equal sizes in order of their first article
  // (slots are in publication order).
  std::vector<uint32_t> story_order = grouper.LiveStories();
  std::stable_sort(story_order.begin(), story_order.end(), [&](uint32_t a, uint32_t b) {
    const auto& x = grouper.Members(a);
    const auto& y = grouper.Members(b);
    if (x.size() != y.size()) return x.size() > y.size();
    return x.front() < y.front();
  });

  std::set<std::string> used_ids;
  std::map<size_t, size_t> position_of;  // stream story -> brief position
  for (uint32_t s : story_order) {
    std::vector<const Article*> members;
    std::vector<const std::vector<stories::CapitalisedRun>*> member_runs;
    std::vector<const AnnotatedArticle*> member_views;
    for (uint32_t slot : grouper.Members(s)) {
      const size_t i = at_slot[slot];
      members.push_back(articles[i]);
      member_runs.push_back(&runs[i]);
      if (annotated != nullptr) member_views.push_back(&(*annotated)[i]);
    }
    Story story = grouper.MakeStory(s, members, member_runs, used_ids);
    if (annotated != nullptr) stories::FillStoryView(member_views, story);
    position_of[s] = brief.stories.size();
    brief.stories.push_back(std::move(story));
  }
  // Related stories listed in brief order.
  std::vector<std::vector<size_t>> related(brief.stories.size());
  for (const auto& [a, b] : grouper.Related()) {
    related[position_of.at(a)].push_back(position_of.at(b));
    related[position_of.at(b)].push_back(position_of.at(a));
  }
  for (size_t s = 0; s < related.size(); ++s) {
    std::sort(related[s].begin(), related[s].end());
    for (size_t r : related[s]) brief.stories[s].related_stories.push_back(brief.stories[r].id);
  }
  return brief;
}

}  // namespace

bool QuoteIsShown(const BriefQuote& quote) { return !quote.occurrences.empty(); }

bool TimelineEntryIsShown(const TimelineEntry& entry) { return IsContractDate(entry.date); }

bool ClaimIsShown(const Claim& claim) { return !claim.values.empty(); }

bool IsContractDate(const std::string& s) {
  const auto digits = [&](size_t from, size_t n) {
    return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(from),
                       s.begin() + static_cast<std::ptrdiff_t>(from + n),
                       [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  switch (s.size()) {
    case 4: return digits(0, 4);
    case 7: return digits(0, 4) && s[4] == '-' && digits(5, 2);
    case 10: return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2);
    default: return false;
  }
}

std::string ContractClaimStatus(const Claim& c) {
  if (c.status == "agreed" || c.status == "conflict" || c.status == "single") return c.status;
  if (c.values.size() > 1) return "conflict";
  return c.values.front().articles.size() > 1 ? "agreed" : "single";
}

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
