// html_metadata.h: page metadata (title, date, outlet, url, author) from the
// head of a parsed page (private to the clean stage).
//
//   storyline::HtmlPage page;
//   storyline::html::FillMetadata(dom, &page);
//
// Sources, best first: JSON-LD article objects (NewsArticle and kin, also
// inside @graph or arrays), Open Graph / article:* / name=... <meta>,
// <link rel=canonical>, <title>, <time datetime>.
// Thread-safety: pure functions.
#ifndef STORYLINE_CLEAN_HTML_METADATA_H_
#define STORYLINE_CLEAN_HTML_METADATA_H_

#include <string>
#include <string_view>

#include "clean/html_dom.h"
#include "clean/html_extract.h"

namespace storyline::html {

// Fills title, published, outlet, url and author of `page` (never throws:
// malformed JSON-LD is ignored).
void FillMetadata(const Dom& dom, HtmlPage* page);

// "2019-11-19T10:00:00Z", "2019/11/19", "20191119" -> "2019-11-19";
// "2019-11" -> "2019-11"; anything else (or an impossible date) -> "".
std::string NormalizeDate(std::string_view raw);

// Collapses runs of whitespace (ASCII and U+00A0) to one space and trims.
std::string CollapseWhitespace(std::string_view s);

}  // namespace storyline::html

#endif  // STORYLINE_CLEAN_HTML_METADATA_H_
