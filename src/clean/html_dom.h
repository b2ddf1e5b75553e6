// html_dom.h: a compact, read-only DOM built from libxml2's HTML SAX parser
// (private to the clean stage; see research/html-parser-choice.md for why
// libxml2 and why SAX rather than libxml2's own tree).
//
//   storyline::html::Dom dom;
//   if (storyline::html::ParseDom(html, &dom).ok()) { ... dom.nodes ... }
//
// Only what extraction needs is kept: element tags (as an enum), a lower-cased
// "class id itemprop role" hint string per element, and text. Subtrees that
// never hold readable text (script, style, noscript, template, svg, math,
// iframe, form controls) and hidden ones (hidden, aria-hidden, display:none)
// are dropped while parsing. Head metadata (title, meta, canonical link,
// JSON-LD scripts, <time datetime>) is collected on the way.
//
// Thread-safety: a Dom is a value; ParseDom is reentrant.
#ifndef STORYLINE_CLEAN_HTML_DOM_H_
#define STORYLINE_CLEAN_HTML_DOM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storyline/status.h"

namespace storyline::html {

enum class Tag : uint8_t {
  kOther,  // unknown or uninteresting inline element
  kText,   // a text node
  kA, kAddress, kArticle, kAside, kBlockquote, kBody, kBr, kCaption, kCenter,
  kDd, kDetails, kDialog, kDiv, kDl, kDt, kFieldset, kFigcaption, kFigure,
  kFooter, kForm, kH1, kH2, kH3, kH4, kH5, kH6, kHeader, kHr, kHtml, kImg,
  kLabel, kLegend, kLi, kMain, kMenu, kNav, kOl, kP, kPre, kSection,
  kSummary, kTable, kTbody, kTd, kTfoot, kTh, kThead, kTime, kTr, kUl,
};

// True for elements that start a new text block (paragraph boundary).
bool IsBlock(Tag tag);
bool IsHeading(Tag tag);

inline constexpr int32_t kNone = -1;
// Author links kept per page: a byline names a handful; a list of every
// writer of the site (footers, "more from") adds nothing after that.
inline constexpr size_t kMaxAuthorTexts = 16;
// A byline's author text is a few names; longer is a bio.
inline constexpr size_t kMaxAuthorTextBytes = 160;

struct Node {
  Tag tag = Tag::kOther;
  int32_t parent = kNone;
  int32_t first_child = kNone;
  int32_t last_child = kNone;
  int32_t next_sibling = kNone;
  // Text node: the text (entities decoded, raw whitespace) in Dom::text.
  // Element: its lower-cased "class id itemprop role" hint in Dom::hints.
  uint32_t begin = 0;
  uint32_t length = 0;
};

struct Dom {
  // nodes[0] is the document root; children always follow their parent, so
  // a reverse scan visits children before parents.
  std::vector<Node> nodes;
  std::string text;
  std::string hints;
  int32_t body = kNone;  // the <body> element, if any

  // Metadata seen while parsing.
  std::string title;                                       // first <title>
  std::vector<std::pair<std::string, std::string>> metas;  // lower-cased key -> content
  std::string canonical;                                   // <link rel=canonical href>
  std::vector<std::string> json_ld;                        // ld+json script bodies
  std::vector<std::string> times;                          // <time datetime> values, in order
  std::string lang;                                        // <html lang>, lower-cased
  // Visible text of rel=author links and itemprop=author elements, in order
  // (at most kMaxAuthorTexts, each cut at kMaxAuthorTextBytes).
  std::vector<std::string> author_texts;

  std::string_view TextOf(const Node& n) const { return std::string_view(text).substr(n.begin, n.length); }
  std::string_view HintOf(const Node& n) const { return std::string_view(hints).substr(n.begin, n.length); }
};

// Parses `html` (must be valid UTF-8) into `dom` (cleared first). Fails with
// kInternal only if libxml2 cannot allocate a parser.
Status ParseDom(std::string_view html, Dom* dom);

}  // namespace storyline::html

#endif  // STORYLINE_CLEAN_HTML_DOM_H_
