// web_assets.h: the web page's files (web/), compiled into the binary by
// web/embed_web.cmake, which generates WebAssets()'s definition.
//
//   for (const WebAsset& a : WebAssets()) ...   // "app.js", "text/javascript; ...", bytes
//
// Immutable static data: safe from any thread.
#ifndef STORYLINE_SERVE_WEB_ASSETS_H_
#define STORYLINE_SERVE_WEB_ASSETS_H_

#include <span>
#include <string_view>

namespace storyline::serve_internal {

struct WebAsset {
  std::string_view name;          // file name in web/, served as /static/<name>
  std::string_view content_type;  // from the extension: .html .js .css .svg
  std::string_view bytes;         // the file as it was when the binary was built
  std::string_view sha256;        // of `bytes`, 64 hex digits
};

// Every file of web/, sorted by name. The views point into the binary's
// read-only data and live as long as the program.
std::span<const WebAsset> WebAssets();

}  // namespace storyline::serve_internal

#endif  // STORYLINE_SERVE_WEB_ASSETS_H_
