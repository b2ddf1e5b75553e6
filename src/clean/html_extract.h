// html_extract.h: metadata and article body from one HTML page (private to
// the clean stage; CleanDocument and `storyline extract` call it).
//
//   storyline::Result<storyline::HtmlPage> page = storyline::ExtractHtml(html, {});
//   if (page.ok()) std::cout << page->title << "\n\n" << page->text;
//
// Metadata comes from <title>, <meta> (Open Graph, article:*, name=author...),
// <link rel=canonical>, JSON-LD (NewsArticle and kin, also inside @graph or
// arrays) and <time datetime>. The body is found by DOM content scoring (text
// length, commas, link density, tag and class/id evidence, position): the best
// container is chosen, then its text blocks are kept unless they look like
// boilerplate (navigation, share prompts, related links, captions, credits).
//
// Thread-safety: ExtractHtml is reentrant (no shared state).
#ifndef STORYLINE_CLEAN_HTML_EXTRACT_H_
#define STORYLINE_CLEAN_HTML_EXTRACT_H_

#include <string>
#include <string_view>
#include <vector>

#include "storyline/status.h"

namespace storyline {

struct HtmlPage {
  std::string title;
  std::string published;  // "YYYY-MM-DD", "YYYY-MM" or "" when unknown
  // Evidence `published` came from: "json-ld", "meta", "time", "url",
  // "byline", "text", or "" when `published` is empty.
  std::string published_source;
  std::string outlet;     // og:site_name or JSON-LD publisher.name
  std::string url;        // canonical URL (og:url or <link rel=canonical>)
  std::string author;     // `authors` joined by ", "
  std::vector<std::string> authors;  // person names, in page order
  std::string text;       // body; paragraphs separated by "\n\n"
  // Text blocks dropped as boilerplate, in document order (non-empty, at most
  // kMaxBoilerplateBlocks of them; each cut to kMaxBoilerplateBlockBytes).
  std::vector<std::string> boilerplate_removed;
};

struct HtmlExtractOptions {
  // Remove boilerplate. When false the whole visible text of <body> is kept
  // (still without script/style/template/form controls).
  bool remove_boilerplate = true;
};

// Extracts metadata and body text. `html_utf8` should be UTF-8; invalid bytes
// are replaced by U+FFFD, so the returned strings are always valid UTF-8.
// Fails with kInvalidInput when the input is empty (or only whitespace) and
// with kUnsupported when it is larger than the parser accepts. A page with no
// text yields an ok result with an empty `text`: callers decide.
Result<HtmlPage> ExtractHtml(std::string_view html_utf8, const HtmlExtractOptions& options);

}  // namespace storyline

#endif  // STORYLINE_CLEAN_HTML_EXTRACT_H_
