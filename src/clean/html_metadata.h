// html_metadata.h: page metadata (title, date, outlet, url, author) from the
// head of a parsed page (private to the clean stage).
//
//   storyline::HtmlPage page;
//   storyline::html::FillMetadata(dom, &page);
//
// Dates, best first: JSON-LD anywhere in the page (article types, then any
// type with datePublished/dateCreated), the <meta> conventions of
// kPublishedMetaKeys, the first <time datetime>; the byline near the headline
// and the URL decide between neighbouring days (a UTC instant against the
// local day the page writes) and stand in when metadata has none. Titles: the
// <h1> agreeing with og:title / JSON-LD headline / <title>, else those without
// the site name; kickers ("Opinion |") removed. Authors: JSON-LD author,
// author <meta>s, rel=author / itemprop=author text, "By ..." in the byline;
// people only, affiliations and roles dropped.
// Thread-safety: pure functions.
#ifndef STORYLINE_CLEAN_HTML_METADATA_H_
#define STORYLINE_CLEAN_HTML_METADATA_H_

#include <string>
#include <string_view>

#include "clean/html_dom.h"
#include "clean/html_extract.h"

namespace storyline::html {

// Fills title, published (with published_source), outlet, url, authors and
// author of `page` (never throws: malformed JSON-LD is read leniently or
// ignored).
void FillMetadata(const Dom& dom, HtmlPage* page);

// When FillMetadata found no date, takes one written at the start of the
// extracted body (a dateline), published_source "text".
// REQUIRES: page->text is the extracted body.
void FillDateFromText(HtmlPage* page);

// "2019-11-19T10:00:00Z", "2019/11/19", "20191119" -> "2019-11-19";
// "2019-11" -> "2019-11"; anything else (or an impossible date) -> "".
std::string NormalizeDate(std::string_view raw);

// Collapses runs of whitespace (ASCII and U+00A0) to one space and trims.
std::string CollapseWhitespace(std::string_view s);

}  // namespace storyline::html

#endif  // STORYLINE_CLEAN_HTML_METADATA_H_
