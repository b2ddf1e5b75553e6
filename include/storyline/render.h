// render.h: turning briefs and articles into JSON, Markdown and HTML.
//
//   std::string html = storyline::RenderBrief(brief, storyline::BriefFormat::kHtml);
//
// JSON follows DESIGN.md's contracts (schema/brief.schema.json for briefs);
// HTML is one self-contained file (inline CSS, no scripts or remote assets)
// with every article-derived string escaped. Reentrant.
#ifndef STORYLINE_RENDER_H_
#define STORYLINE_RENDER_H_

#include <string>
#include <vector>

#include "storyline/annotation.h"
#include "storyline/article.h"
#include "storyline/brief.h"
#include "storyline/store.h"

namespace storyline {

enum class BriefFormat { kJson, kMarkdown, kHtml };

// Renders a whole brief.
std::string RenderBrief(const Brief& brief, BriefFormat format);

// `storyline extract --json`: id, title, published, outlet, url, text,
// boilerplate_removed (plus author and source). One line, no trailing newline.
std::string ArticleToJson(const Article& article);

// How a JSON object is laid out: indented over many lines, or on one line
// (for JSON Lines, one object per line).
enum class JsonLayout { kPretty, kOneLine };

// `storyline annotate --json`: DESIGN.md's annotate object. No trailing
// newline.
std::string AnnotationToJson(const AnnotatedArticle& annotated,
                             JsonLayout layout = JsonLayout::kPretty);

// `storyline stories --json` and the server's /api/stories: an array of
// {id, label, size, span: {first, last}, articles}; an empty span end is
// null. No trailing newline.
std::string StoriesToJson(const std::vector<StoredStory>& stories,
                          JsonLayout layout = JsonLayout::kPretty);

// `storyline search --json` and the server's /api/search: an array of
// {kind, article_id, title, snippet, rank}. No trailing newline.
std::string SearchHitsToJson(const std::vector<SearchHit>& hits,
                             JsonLayout layout = JsonLayout::kPretty);

// The sections of a story's brief that the server pages through
// (/api/stories/{id}/{section}); kConflicts is the claims whose status is
// "conflict".
enum class StorySection { kEntities, kQuotes, kTimeline, kClaims, kConflicts };

// The indices into `story`'s vector for `section` (entities, quotes,
// timeline or claims) of the items the brief's JSON shows, in brief order.
std::vector<size_t> ShownItems(const Story& story, StorySection section);

// Item `index` of `section`'s vector in `story` as one line of JSON, exactly
// as the brief's JSON writes it. REQUIRES: index < that vector's size.
std::string StoryItemJson(const Story& story, StorySection section, size_t index);

// One article as the brief's `articles` array writes it (no text), one line.
std::string BriefArticleJson(const Article& article);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string HtmlEscape(const std::string& s);

}  // namespace storyline

#endif  // STORYLINE_RENDER_H_
