// pages.h: the web page's side of the server. Every page path ("/",
// "/story/{id}", "/article/{id}", "/entity/{key}", "/search") answers the
// same document, web/index.html, whose script (web/app.js) draws the view
// from the path with the JSON of /api/*; "/static/{name}" answers the files
// of web/, embedded in the binary (web_assets.h). Nothing else is served and
// the page loads nothing from elsewhere.
//
//   if (const WebAsset* a = FindAsset("app.js")) Send(a->bytes, AssetEtag(*a));
//
// Reentrant; the assets are immutable.
#ifndef STORYLINE_SERVE_PAGES_H_
#define STORYLINE_SERVE_PAGES_H_

#include <span>
#include <string>
#include <string_view>

#include "serve/web_assets.h"

namespace storyline::serve_internal {

// The page's Content-Security-Policy: script, style, images and fetches
// from this server only, no inline script or style, no plugins, no framing,
// no <base>, forms submit only here. So even an escaping mistake with
// article text could neither run script nor send anything elsewhere.
inline constexpr const char* kPageCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// The page paths as httplib patterns, for routing and for the 405 check.
std::span<const char* const> PagePaths();

// The story page among them: group 1 is the story id. A retired id (merged
// into another story) is redirected (308) to the survivor's page.
inline constexpr const char* kStoryPagePath = R"(/story/([^/]+))";

// The files of web/ under /static/: group 1 is the file name.
inline constexpr const char* kStaticPath = R"(/static/([^/]+))";

// The document every page path answers (web/index.html).
const WebAsset& PageDocument();

// The embedded file named `name` ("app.js"), or nullptr when there is none.
const WebAsset* FindAsset(std::string_view name);

// A strong ETag for the file's bytes: 16 hex digits of its SHA-256, quoted.
std::string AssetEtag(const WebAsset& asset);

// True when an If-None-Match header value names `etag`: a comma-separated
// list of entity tags, weak ones (W/"...") compared weakly, or "*".
bool EtagMatches(std::string_view if_none_match, std::string_view etag);

}  // namespace storyline::serve_internal

#endif  // STORYLINE_SERVE_PAGES_H_
