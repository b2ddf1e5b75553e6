#include "serve/pages.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace storyline::serve_internal {
namespace {

// Article ids (URLs, WARC record ids) and entity keys ("AC/DC") may contain
// '/': the rest of the path is the id, as for /api/articles/{id}.
constexpr std::array<const char*, 5> kPagePaths = {
    "/", kStoryPagePath, R"(/article/(.+))", R"(/entity/(.+))", "/search"};

constexpr std::string_view kDocumentName = "index.html";

std::string_view Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

std::span<const char* const> PagePaths() { return kPagePaths; }

const WebAsset* FindAsset(std::string_view name) {
  const std::span<const WebAsset> assets = WebAssets();
  const auto it = std::lower_bound(assets.begin(), assets.end(), name,
                                   [](const WebAsset& a, std::string_view n) { return a.name < n; });
  return it != assets.end() && it->name == name ? &*it : nullptr;
}

const WebAsset& PageDocument() {
  // web/embed_web.cmake embeds every .html of web/, so a build without
  // index.html is a broken checkout, not an input: fail where it shows.
  static const WebAsset* const kDocument = FindAsset(kDocumentName);
  return *kDocument;
}

std::string AssetEtag(const WebAsset& asset) {
  // 64 bits of the SHA-256 tell any two versions of a file apart.
  constexpr size_t kEtagHexDigits = 16;
  return "\"" + std::string(asset.sha256.substr(0, kEtagHexDigits)) + "\"";
}

bool EtagMatches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    const size_t comma = if_none_match.find(',');
    std::string_view tag = Trim(if_none_match.substr(0, comma));
    if_none_match = comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    if (tag == "*") return true;
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    std::string_view mine = etag;
    if (mine.starts_with("W/")) mine.remove_prefix(2);
    if (tag == mine) return true;
  }
  return false;
}

}  // namespace storyline::serve_internal
