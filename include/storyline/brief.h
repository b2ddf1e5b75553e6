// brief.h: stories built from many articles, and the brief that shows them.
//
//   std::vector<storyline::AnnotatedArticle> docs = ...;
//   storyline::Brief b = storyline::BuildBrief(docs, {});
//   std::string json = storyline::RenderBrief(b, storyline::BriefFormat::kJson);  // render.h
//
// The model mirrors the JSON contract in DESIGN.md ("The brief, as JSON");
// empty strings are rendered as null where the contract allows null.
// Plain values; thread-compatible.
#ifndef STORYLINE_BRIEF_H_
#define STORYLINE_BRIEF_H_

#include <cstddef>
#include <string>
#include <vector>

#include "storyline/annotation.h"
#include "storyline/article.h"

namespace storyline {

struct BriefEntity {
  std::string id;    // "e1"
  std::string name;  // canonical name
  std::string type;  // PERSON|ORG|PLACE|WORK|OTHER
  std::vector<std::string> aliases;
  std::vector<std::string> articles;
  size_t mentions = 0;
};

struct QuoteOccurrence {
  std::string article;
  std::string text;
  size_t start = 0, end = 0;  // code points into that article's text
  std::string cue, kind, medium;
};

struct BriefQuote {
  std::string id;
  std::string speaker;       // entity id or ""
  std::string speaker_name;  // or ""
  std::string text;          // canonical wording
  std::vector<QuoteOccurrence> occurrences;
  // Story entity id of whom a described speaker belongs to ("his
  // spokeswoman"), or "".
  std::string speaker_owner;
};

struct TimelineEntry {
  std::string date;  // YYYY[-MM[-DD]]: the first date its sentence gives
  std::string text;
  std::vector<std::string> articles;
  std::string evidence;
  std::vector<std::string> dates;  // every date its sentences give, `date` first
};

struct ClaimValue {
  std::string value;
  std::vector<std::string> articles;
  std::string evidence;
};

struct Claim {
  std::string subject, subject_name, attribute;
  std::string status;  // agreed|conflict|single
  std::vector<ClaimValue> values;
};

// An article whose text is a near-copy of an earlier one in its story
// (a syndicated copy or an updated version).
struct DuplicateArticle {
  std::string article;
  std::string duplicate_of;  // the earliest article of its duplicate group
  double similarity = 0;     // estimated Jaccard similarity of word 5-grams
};

struct Story {
  std::string id;
  std::string label;
  std::vector<std::string> articles;  // article ids, publication order
  std::vector<std::string> related_stories;
  std::vector<DuplicateArticle> duplicates;  // publication order
  std::string span_first, span_last;  // YYYY[-MM[-DD]] or "" if undated
  std::vector<BriefEntity> entities;
  std::vector<BriefQuote> quotes;
  std::vector<TimelineEntry> timeline;
  std::vector<Claim> claims;
};

struct Brief {
  std::vector<Article> articles;
  std::vector<Story> stories;
};

struct StoryOptions {
  // An article joins the story whose articles it resembles most on average
  // (TF-IDF cosine, title words weighted up) when that average is at least
  // this; stories that similar to each other are merged. Stories between
  // half this and this are listed as related.
  double min_similarity = 0.2;
  // Added to the similarity, times the share of the article's names (people,
  // organisations, works) the story also mentions. 0.1 with the 0.2
  // threshold gave the best B-cubed F1 on the ECB+ train and dev topics
  // (0.865 and 0.881, against 0.844 and 0.858 without names).
  double entity_weight = 0.1;
  // A story takes new articles while its latest one is at most this many
  // days older; later articles on the subject start a related story.
  int active_days = 60;
  // Build each story's view (entities, quotes, timeline, claims). Off when
  // only the grouping is needed (the store's story list after an ingest).
  bool views = true;
};

// What the brief's JSON shows of a story's view (render.h leaves the rest
// out, since it says nothing a reader could check), shared by the renderer
// and the store's per-story counts so that both agree:
// a quote with at least one occurrence;
bool QuoteIsShown(const BriefQuote& quote);
// a timeline entry whose date is YYYY, YYYY-MM or YYYY-MM-DD;
bool TimelineEntryIsShown(const TimelineEntry& entry);
// a claim with at least one value.
bool ClaimIsShown(const Claim& claim);
// True for a date of the contract's form: YYYY, YYYY-MM or YYYY-MM-DD.
bool IsContractDate(const std::string& date);
// The claim's status as the contract names it (agreed|conflict|single):
// its own when it is one of these, else decided by its values.
// REQUIRES: ClaimIsShown(claim).
std::string ContractClaimStatus(const Claim& claim);

// Groups articles into stories and builds each story's view. Articles keep
// their input order inside `Brief::articles`.
Brief BuildBrief(const std::vector<AnnotatedArticle>& articles,
                 const StoryOptions& options);

// What grouping needs from an article's annotation: the folded proper names
// of its people, organisations, works and other named things, one per
// in-article entity (places are shared by unrelated stories of one city).
// Small enough to store with the article (Store::SaveClusterKeys).
std::vector<std::string> ClusterKeys(const AnnotatedArticle& article);

// The grouping alone (stories with ids, labels, spans, members, duplicates
// and related stories; no views), from articles and their ClusterKeys
// (`keys[i]` for `articles[i]`): the same stories BuildBrief makes, without
// annotating. `options.views` is ignored. An article without an entry in
// `keys` (a shorter vector) groups by its text alone.
Brief GroupArticles(const std::vector<Article>& articles, const std::vector<std::vector<std::string>>& keys,
                    const StoryOptions& options);

}  // namespace storyline

#endif  // STORYLINE_BRIEF_H_
