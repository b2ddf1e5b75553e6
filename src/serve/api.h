// api.h: the JSON bodies the server sends, built from store
// records. Kept apart from the socket code so they can be tested directly.
//
// Reentrant; every function returns a complete response body.
#ifndef STORYLINE_SERVE_API_H_
#define STORYLINE_SERVE_API_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/annotation.h"
#include "storyline/brief.h"
#include "storyline/render.h"
#include "storyline/status.h"
#include "storyline/store.h"

namespace storyline::serve_internal {

// [{id, label, size, span: {first, last}, articles}], as `storyline stories
// --json` prints it; an empty span end is null.
std::string StoriesJson(const std::vector<StoredStory>& stories);

// [{kind, article_id, title, snippet, rank}].
std::string HitsJson(const std::vector<SearchHit>& hits);

// {"error": message}.
std::string ErrorJson(const std::string& message);

// The HTTP status for a failed Status: 404 for kNotFound, 400 for
// kInvalidInput and kUnsupported, 500 for the rest.
int HttpStatusFor(const Status& status);

// True when `host` (as given to --host) names a loopback address:
// "localhost", 127.0.0.0/8 or ::1.
bool IsLoopbackHost(std::string_view host);

// The DNS-rebinding defence: true when a request whose Host header is
// `host_header` may be answered by a server bound to `bound_host`:`port`.
// The header's port must be `port` (80 when it names none) and its name
// must be the bound host itself, "localhost" or a loopback literal when
// bound to loopback, or any IP literal when bound to every address (0.0.0.0
// or ::): a page on another site reaches us through a DNS name, never a
// literal. Case-insensitive; IPv6 literals in brackets.
bool HostAllowed(std::string_view host_header, std::string_view bound_host, int port);

// Percent-encodes `s` for use as one URL path segment or query value.
std::string UrlComponent(const std::string& s);

// --- The paged API (/api/status, /api/stories..., /api/entities...) ---

// A request's query parameters, as httplib parses them.
using Query = std::multimap<std::string, std::string>;

// Page size when a request names none, and the most one may ask for: a page
// of 200 list entries or quotations stays well under a few hundred KB.
inline constexpr size_t kDefaultPageLimit = 50;
inline constexpr size_t kMaxPageLimit = 200;

struct Paging {
  size_t offset = 0;
  size_t limit = kDefaultPageLimit;
};

// ?offset= (0 up) and ?limit= (1 to kMaxPageLimit); kInvalidInput naming
// the parameter for anything else.
Result<Paging> ParsePaging(const Query& query);

// ?offset, limit, from, to (YYYY[-MM[-DD]]), outlet, entity, sort
// (newest|largest) of /api/stories; kInvalidInput naming a bad parameter.
Result<StoryFilter> ParseStoryFilter(const Query& query);

// The section named in /api/stories/{id}/{section}: conflicts, claims,
// quotes, timeline, entities ("articles" is answered from the store apart).
// kNotFound for another name (the path does not exist).
Result<StorySection> ParseSection(const std::string& name);

// {generation, stories, articles, behind}.
std::string StateJson(const StoreState& state);

// {total, offset, limit, stories: [summary...]}: each summary as
// StorySummaryJson(..., false).
std::string StoryPageJson(const StoryPage& page, const Paging& paging);

// {id, label, headline, size, span: {first, last}, outlets, conflicts,
// entities (top names), view_current}; with `counts`, also counts:
// {quotes, claims, conflicts, timeline, entities, articles}.
std::string StorySummaryJson(const StorySummary& s, bool counts);

// {total, offset, limit, items: [...]}: `items` are JSON texts.
std::string ItemsPageJson(size_t total, const Paging& paging, const std::vector<std::string>& items);

// /api/articles/{id}: the article as `extract --json` prints it, with its
// sentences [{start, end}] (code points into "text"; empty when its
// annotations are not stored) and the ids of its stories.
std::string ArticleDetailJson(const Article& article, const std::vector<Span>& sentences,
                              const std::vector<std::string>& stories);

// {key, name, type, stories} for the entity list and search.
std::string EntitySummaryJson(const EntitySummary& e);

// One claim or quotation about an entity, from story `story_id`:
// {"story": id, "story_label": label, "item": <item JSON>}.
std::string EntityItemJson(const std::string& story_id, const std::string& story_label,
                           const std::string& item_json);

// /api/entities/{key}: {key, name, type, aliases, mentions, stories: {total, items}, claims:
// {total, items}, quotes: {total, items}}; the item arrays are JSON texts.
std::string EntityDetailJson(const EntityRecord& e, const std::vector<std::string>& stories,
                             size_t claims_total, const std::vector<std::string>& claims, size_t quotes_total,
                             const std::vector<std::string>& quotes);

// [{kind: "quote", story_id, quote_id, speaker_name, snippet, rank}].
std::string QuoteHitsJson(const std::vector<QuoteHit>& hits);

// [{kind: "entity", key, name, type, stories}].
std::string EntityHitsJson(const std::vector<EntitySummary>& hits);

}  // namespace storyline::serve_internal

#endif  // STORYLINE_SERVE_API_H_
