// api.h: the JSON bodies and the web page the server sends, built from store
// records. Kept apart from the socket code so they can be tested directly.
//
// Reentrant; every function returns a complete response body.
#ifndef STORYLINE_SERVE_API_H_
#define STORYLINE_SERVE_API_H_

#include <string>
#include <vector>

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

// The "/" page: the stories (escaped) with links to their briefs, and a
// search box whose script calls /api/search and /api/articles/{id}. One
// self-contained document: inline CSS and script, nothing fetched from
// elsewhere. `title` names the store shown (e.g. its file name).
std::string IndexPage(const std::vector<StoredStory>& stories, const std::string& title);

// Percent-encodes `s` for use as one URL path segment or query value.
std::string UrlComponent(const std::string& s);

}  // namespace storyline::serve_internal

#endif  // STORYLINE_SERVE_API_H_
