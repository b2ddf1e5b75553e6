// render_internal.h: the per-format brief renderers behind RenderBrief, and
// what the Markdown and HTML views share.
//
// Thread-safety: reentrant; nothing here holds state beyond a call.
#ifndef STORYLINE_RENDER_RENDER_INTERNAL_H_
#define STORYLINE_RENDER_RENDER_INTERNAL_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "storyline/article.h"
#include "storyline/brief.h"

namespace storyline::render {

std::string BriefToJson(const Brief& brief);
std::string BriefToMarkdown(const Brief& brief);
std::string BriefToHtml(const Brief& brief);

// Finds a brief's articles by id. Borrows `brief`, which must outlive it.
class ArticleLookup {
 public:
  explicit ArticleLookup(const Brief& brief);
  // The article with this id, or nullptr (a story may cite an article the
  // brief does not carry).
  const Article* Find(const std::string& id) const;

 private:
  std::unordered_map<std::string, const Article*> by_id_;
};

// True for an absolute http(s) URL without whitespace, quotes or angle
// brackets: the only URLs rendered as links (never javascript: or data:).
bool IsSafeHttpUrl(const std::string& url);

// "2022-11-22 – 2022-11-28", "2022-11-28" when both ends agree, or
// "undated".
std::string SpanText(const Story& story);

// The distinct outlets of a story's articles, in story order.
std::vector<std::string> StoryOutlets(const Story& story, const ArticleLookup& lookup);

// "Title" of an article id, or the id when the brief lacks it or the title is empty.
std::string ArticleTitle(const std::string& id, const ArticleLookup& lookup);

// "Outlet" of an article id, or "" when unknown.
std::string ArticleOutlet(const std::string& id, const ArticleLookup& lookup);

// `s` with each whitespace run (including newlines) folded to one space.
std::string OneLine(const std::string& s);

// The article `id` is a near-duplicate of in `story`, or nullptr.
const DuplicateArticle* DuplicateEntry(const Story& story, const std::string& id);

}  // namespace storyline::render

#endif  // STORYLINE_RENDER_RENDER_INTERNAL_H_
