#include "clean/html_dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>
#include <string>

namespace storyline::html {
namespace {

// How an element is handled while building the tree.
enum class Kind : uint8_t {
  kKeep,    // becomes a node
  kInline,  // no node: its text goes to the enclosing element
  kSkip,    // dropped with its whole subtree (never holds article text)
};

struct TagInfo {
  std::string_view name;
  Tag tag;
  Kind kind;
};

// Sorted by name for binary search. Inline formatting elements carry no
// structure the extractor uses, so they are flattened to save nodes.
constexpr std::array kTags = {
    TagInfo{"a", Tag::kA, Kind::kKeep},
    TagInfo{"abbr", Tag::kOther, Kind::kInline},
    TagInfo{"address", Tag::kAddress, Kind::kKeep},
    TagInfo{"applet", Tag::kOther, Kind::kSkip},
    TagInfo{"article", Tag::kArticle, Kind::kKeep},
    TagInfo{"aside", Tag::kAside, Kind::kKeep},
    TagInfo{"audio", Tag::kOther, Kind::kSkip},
    TagInfo{"b", Tag::kOther, Kind::kInline},
    TagInfo{"bdi", Tag::kOther, Kind::kInline},
    TagInfo{"bdo", Tag::kOther, Kind::kInline},
    TagInfo{"big", Tag::kOther, Kind::kInline},
    TagInfo{"blockquote", Tag::kBlockquote, Kind::kKeep},
    TagInfo{"body", Tag::kBody, Kind::kKeep},
    TagInfo{"br", Tag::kBr, Kind::kKeep},
    TagInfo{"button", Tag::kOther, Kind::kSkip},
    TagInfo{"canvas", Tag::kOther, Kind::kSkip},
    TagInfo{"caption", Tag::kCaption, Kind::kKeep},
    TagInfo{"center", Tag::kCenter, Kind::kKeep},
    TagInfo{"cite", Tag::kOther, Kind::kInline},
    TagInfo{"code", Tag::kOther, Kind::kInline},
    TagInfo{"datalist", Tag::kOther, Kind::kSkip},
    TagInfo{"dd", Tag::kDd, Kind::kKeep},
    TagInfo{"del", Tag::kOther, Kind::kInline},
    TagInfo{"details", Tag::kDetails, Kind::kKeep},
    TagInfo{"dfn", Tag::kOther, Kind::kInline},
    TagInfo{"dialog", Tag::kDialog, Kind::kKeep},
    TagInfo{"div", Tag::kDiv, Kind::kKeep},
    TagInfo{"dl", Tag::kDl, Kind::kKeep},
    TagInfo{"dt", Tag::kDt, Kind::kKeep},
    TagInfo{"em", Tag::kOther, Kind::kInline},
    TagInfo{"embed", Tag::kOther, Kind::kSkip},
    TagInfo{"fieldset", Tag::kFieldset, Kind::kKeep},
    TagInfo{"figcaption", Tag::kFigcaption, Kind::kKeep},
    TagInfo{"figure", Tag::kFigure, Kind::kKeep},
    TagInfo{"font", Tag::kOther, Kind::kInline},
    TagInfo{"footer", Tag::kFooter, Kind::kKeep},
    TagInfo{"form", Tag::kForm, Kind::kKeep},
    TagInfo{"frameset", Tag::kOther, Kind::kSkip},
    TagInfo{"h1", Tag::kH1, Kind::kKeep},
    TagInfo{"h2", Tag::kH2, Kind::kKeep},
    TagInfo{"h3", Tag::kH3, Kind::kKeep},
    TagInfo{"h4", Tag::kH4, Kind::kKeep},
    TagInfo{"h5", Tag::kH5, Kind::kKeep},
    TagInfo{"h6", Tag::kH6, Kind::kKeep},
    TagInfo{"head", Tag::kOther, Kind::kSkip},
    TagInfo{"header", Tag::kHeader, Kind::kKeep},
    TagInfo{"hr", Tag::kHr, Kind::kKeep},
    TagInfo{"html", Tag::kHtml, Kind::kKeep},
    TagInfo{"i", Tag::kOther, Kind::kInline},
    TagInfo{"iframe", Tag::kOther, Kind::kSkip},
    TagInfo{"img", Tag::kImg, Kind::kKeep},
    TagInfo{"input", Tag::kOther, Kind::kSkip},
    TagInfo{"ins", Tag::kOther, Kind::kInline},
    TagInfo{"kbd", Tag::kOther, Kind::kInline},
    TagInfo{"label", Tag::kLabel, Kind::kKeep},
    TagInfo{"legend", Tag::kLegend, Kind::kKeep},
    TagInfo{"li", Tag::kLi, Kind::kKeep},
    TagInfo{"main", Tag::kMain, Kind::kKeep},
    TagInfo{"map", Tag::kOther, Kind::kSkip},
    TagInfo{"mark", Tag::kOther, Kind::kInline},
    TagInfo{"math", Tag::kOther, Kind::kSkip},
    TagInfo{"menu", Tag::kMenu, Kind::kKeep},
    TagInfo{"nav", Tag::kNav, Kind::kKeep},
    TagInfo{"nobr", Tag::kOther, Kind::kInline},
    TagInfo{"noembed", Tag::kOther, Kind::kSkip},
    TagInfo{"noframes", Tag::kOther, Kind::kSkip},
    TagInfo{"noscript", Tag::kOther, Kind::kSkip},
    TagInfo{"object", Tag::kOther, Kind::kSkip},
    TagInfo{"ol", Tag::kOl, Kind::kKeep},
    TagInfo{"optgroup", Tag::kOther, Kind::kSkip},
    TagInfo{"option", Tag::kOther, Kind::kSkip},
    TagInfo{"p", Tag::kP, Kind::kKeep},
    TagInfo{"picture", Tag::kOther, Kind::kSkip},
    TagInfo{"pre", Tag::kPre, Kind::kKeep},
    TagInfo{"q", Tag::kOther, Kind::kInline},
    TagInfo{"s", Tag::kOther, Kind::kInline},
    TagInfo{"samp", Tag::kOther, Kind::kInline},
    TagInfo{"script", Tag::kOther, Kind::kSkip},
    TagInfo{"section", Tag::kSection, Kind::kKeep},
    TagInfo{"select", Tag::kOther, Kind::kSkip},
    TagInfo{"small", Tag::kOther, Kind::kInline},
    TagInfo{"span", Tag::kOther, Kind::kInline},
    TagInfo{"strike", Tag::kOther, Kind::kInline},
    TagInfo{"strong", Tag::kOther, Kind::kInline},
    TagInfo{"style", Tag::kOther, Kind::kSkip},
    TagInfo{"sub", Tag::kOther, Kind::kInline},
    TagInfo{"summary", Tag::kSummary, Kind::kKeep},
    TagInfo{"sup", Tag::kOther, Kind::kInline},
    TagInfo{"svg", Tag::kOther, Kind::kSkip},
    TagInfo{"table", Tag::kTable, Kind::kKeep},
    TagInfo{"tbody", Tag::kTbody, Kind::kKeep},
    TagInfo{"td", Tag::kTd, Kind::kKeep},
    TagInfo{"template", Tag::kOther, Kind::kSkip},
    TagInfo{"textarea", Tag::kOther, Kind::kSkip},
    TagInfo{"tfoot", Tag::kTfoot, Kind::kKeep},
    TagInfo{"th", Tag::kTh, Kind::kKeep},
    TagInfo{"thead", Tag::kThead, Kind::kKeep},
    TagInfo{"time", Tag::kTime, Kind::kKeep},
    TagInfo{"title", Tag::kOther, Kind::kSkip},
    TagInfo{"tr", Tag::kTr, Kind::kKeep},
    TagInfo{"tt", Tag::kOther, Kind::kInline},
    TagInfo{"u", Tag::kOther, Kind::kInline},
    TagInfo{"ul", Tag::kUl, Kind::kKeep},
    TagInfo{"var", Tag::kOther, Kind::kInline},
    TagInfo{"video", Tag::kOther, Kind::kSkip},
    TagInfo{"wbr", Tag::kOther, Kind::kInline},
};

constexpr bool TagsSorted() {
  for (size_t i = 1; i < kTags.size(); ++i) {
    if (!(kTags[i - 1].name < kTags[i].name)) return false;
  }
  return true;
}
static_assert(TagsSorted(), "kTags must stay sorted for binary search");

// Unknown elements (custom elements such as <amp-img>, <bsp-list>) are kept
// as inline-level containers so their class hints still count.
TagInfo Lookup(std::string_view name) {
  auto it = std::lower_bound(kTags.begin(), kTags.end(), name,
                             [](const TagInfo& t, std::string_view n) { return t.name < n; });
  if (it != kTags.end() && it->name == name) return *it;
  return TagInfo{name, Tag::kOther, Kind::kKeep};
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// True when `word` is one of the space-separated tokens of `list`.
bool HasWord(std::string_view list, std::string_view word) {
  size_t pos = 0;
  while ((pos = list.find(word, pos)) != std::string_view::npos) {
    const size_t end = pos + word.size();
    if ((pos == 0 || list[pos - 1] == ' ') && (end == list.size() || list[end] == ' ')) return true;
    pos = end;
  }
  return false;
}

std::string_view Sv(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// Inline CSS that hides the element. Spaces are removed before matching so
// "display : none" counts too.
bool StyleHides(std::string_view style) {
  std::string s;
  s.reserve(style.size());
  for (char c : style) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') s.push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}


// ---- Raw-text pre-pass --------------------------------------------------------
//
// Script and style bodies are over half the bytes of a typical news page
// (56% on the benchmark pages, inline SVG 4% more) and libxml2 walks them one character at a
// time. They never hold article text, so their bodies are cut before parsing
// (JSON-LD scripts are kept for metadata). Comments go too. The scan follows
// the HTML tokenizer's raw-text rules closely enough: a raw-text element ends
// at "</name" followed by whitespace, "/" or ">"; <title> and <textarea>
// (RCDATA) are copied verbatim so a "<script" inside them stays text.

bool IEquals(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower[i]) return false;
  }
  return true;
}

bool TagNameEnds(std::string_view s, size_t i) {
  if (i >= s.size()) return true;
  const char c = s[i];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>';
}

// Whether s[i..] opens the element `name` ("<name" + end of tag name).
bool OpensTag(std::string_view s, size_t i, std::string_view name) {
  return i + 1 + name.size() <= s.size() && IEquals(s.substr(i + 1, name.size()), name) &&
         TagNameEnds(s, i + 1 + name.size());
}

// Position just after the '>' closing the start tag at s[i] (quotes in
// attribute values respected), or s.size().
size_t EndOfStartTag(std::string_view s, size_t i) {
  char quote = 0;
  for (size_t j = i + 1; j < s.size(); ++j) {
    const char c = s[j];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return j + 1;
    }
  }
  return s.size();
}

// Position of the "</name" that closes a raw-text element whose content
// starts at `from`, or s.size().
size_t FindEndTag(std::string_view s, size_t from, std::string_view name) {
  for (size_t j = s.find("</", from); j != std::string_view::npos; j = s.find("</", j + 2)) {
    if (j + 2 + name.size() <= s.size() && IEquals(s.substr(j + 2, name.size()), name) &&
        TagNameEnds(s, j + 2 + name.size())) {
      return j;
    }
  }
  return s.size();
}

// ---- Attribute and text side tables -------------------------------------------
//
// libxml2 reads text and attribute values one character at a time (most of
// its time on the benchmark pages), yet the tree it builds depends only on
// the tags and on whether each text run is blank. So the pre-pass hands
// libxml2 a skeleton of the page and keeps the bytes aside:
//  - a start tag keeps its name and loses the attributes the builder never
//    reads (href, src, srcset, data-*, on*...); the ones it reads are moved to
//    a side table and the tag gets one value-less marker attribute (or,
//    when a value holds a character reference or a control character that
//    libxml2 would rewrite, they stay in the tag);
//  - a non-blank text run without references or control characters becomes
//    one private-use code point naming its entry in the text table; blank
//    runs shrink to one blank (the same text block downstream).
// The builder swaps the originals back in. Tags are tokenized the way libxml2
// 2.9 does (htmlParseStartTag: names of letters, digits and ":-_.", blanks
// are space, tab, CR, LF; values quoted or up to a blank or '>'); from the
// first tag or declaration it might read differently on (a malformed tag, a
// '<' inside a quoted value, a processing instruction), the rest of the page
// goes through unchanged, so libxml2 reports the events it reported for the
// whole page. tools/extraction_score --run --dump gives byte-identical output
// before and after this pre-pass on the benchmark pages.

// libxml2 reads names into a 100-byte buffer (HTML_PARSER_BUFFER_SIZE); a
// longer name is cut there, which the rewrite does not mimic.
constexpr size_t kMaxNameBytes = 99;

// A start tag whose attributes are in the side table gets one value-less
// attribute named kTagMarker followed by the entry's index. The prefix has
// no letters (libxml2 lower-cases names) and is only used on pages that do
// not contain it, so no tag of the page itself can carry such a name.
constexpr std::string_view kTagMarker = "_.:";

// Text markers are code points from U+F0000 (supplementary private use
// areas A and B): one 4-byte character per run, which libxml2 passes through
// as text, up to U+10FFFF.
constexpr uint32_t kFirstTextMarker = 0xF0000;
constexpr size_t kMaxTextMarkers = 0x10FFFF - kFirstTextMarker + 1;

bool IsTagBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsNameChar(char c) {
  return IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' || c == '.';
}

// Attributes read by Builder::Start, plus http-equiv and charset, which
// libxml2 itself may read on <meta>. Order matches kAttrNames.
enum class Attr : uint8_t {
  kClass, kId, kItemprop, kRole, kType, kRel, kHref, kDatetime, kProperty, kName, kContent, kHidden,
  kAriaHidden, kStyle, kHttpEquiv, kCharset, kLang, kOther,
};
constexpr std::string_view kAttrNames[] = {"class", "id", "itemprop", "role", "type", "rel", "href", "datetime",
                                           "property", "name", "content", "hidden", "aria-hidden", "style",
                                           "http-equiv", "charset", "lang"};
static_assert(std::size(kAttrNames) == static_cast<size_t>(Attr::kOther));

// `name` as libxml2 reports it (lower case) or as written (any case).
Attr AttrOf(std::string_view name) {
  if (name.empty()) return Attr::kOther;
  // Most attributes of a page are not kept: reject on the first letter.
  switch (name[0] | 0x20) {
    case 'a': case 'c': case 'd': case 'h': case 'i': case 'l': case 'n': case 'p': case 'r': case 's': case 't':
      break;
    default:
      return Attr::kOther;
  }
  for (size_t k = 0; k < std::size(kAttrNames); ++k) {
    if (IEquals(name, kAttrNames[k])) return static_cast<Attr>(k);
  }
  return Attr::kOther;
}

struct SideAttr {
  Attr attr;
  std::string_view value;  // into the page given to ParseDom
};

// What the pre-pass took out of the page; views point into the page given
// to ParseDom, which outlives the parse.
struct Side {
  size_t start_tags = 0;  // start tags in the skeleton (a bound for the DOM's size)
  size_t text_bytes = 0;  // bytes in `texts`
  std::vector<std::string_view> texts;
  std::vector<SideAttr> attrs;
  std::vector<std::pair<uint32_t, uint32_t>> tags;  // [begin, end) into attrs
};

// Whether libxml2 would report `value` byte for byte: no character
// references to decode and no control characters (some of which it drops).
bool Verbatim(std::string_view value) {
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: skip blocks with no '&', no control byte and
  // no 0xEF (the lead byte of U+FFFE/U+FFFF).
  const __m128i amp = _mm_set1_epi8('&');
  const __m128i ef = _mm_set1_epi8(static_cast<char>(0xEF));
  const __m128i max_control = _mm_set1_epi8(0x1F);
  for (; i + 16 <= value.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(value.data() + i));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, max_control), v);  // v <= 0x1F
    const __m128i hit = _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, ef)));
    if (_mm_movemask_epi8(hit) != 0) break;
  }
#endif
  for (; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c != '&' && c != 0xEF) continue;
    if (c == '&' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) return false;
    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters: libxml2
    // drops them.
    if (c == 0xEF && i + 2 < value.size() && static_cast<unsigned char>(value[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(value[i + 2]) & 0xFE) == 0xBE) {
      return false;
    }
  }
  return true;
}

void AppendMarker(size_t index, std::string* out) {
  const uint32_t cp = kFirstTextMarker + static_cast<uint32_t>(index);
  out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
  out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
  out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
  out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

// Whether a numeric character reference ("&#983040;", "&#xF0000") may
// decode to a marker code point: libxml2 would report it as text.
bool HasReferenceToMarkers(std::string_view s) {
  for (size_t i = s.find("&#"); i != std::string_view::npos; i = s.find("&#", i + 2)) {
    size_t j = i + 2;
    const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    uint32_t v = 0;
    for (; j < s.size(); ++j) {
      const char c = s[j];
      uint32_t d;
      if (c >= '0' && c <= '9') d = static_cast<uint32_t>(c - '0');
      else if (hex && c >= 'a' && c <= 'f') d = static_cast<uint32_t>(c - 'a' + 10);
      else if (hex && c >= 'A' && c <= 'F') d = static_cast<uint32_t>(c - 'A' + 10);
      else break;
      v = std::min<uint32_t>(v * (hex ? 16 : 10) + d, kFirstTextMarker);  // saturate: only ">= first" matters
    }
    if (v >= kFirstTextMarker) return true;
  }
  return false;
}

void AppendDecimal(size_t v, std::string* out) {
  char buf[24];
  size_t n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0);
  while (n > 0) out->push_back(buf[--n]);
}

// One attribute of a start tag as written.
struct RawAttr {
  Attr attr;
  std::string_view text;   // name through value, as written
  std::string_view value;  // without quotes; empty when there is no '='
};

// Copies the start tag at s[i] ('<' then an ASCII letter) to `out` as
// described above. Returns the position after its '>', or npos (nothing
// written) when the tag is malformed or unfinished.
size_t RewriteStartTag(std::string_view s, size_t i, bool tag_marker, Side* side, std::string* out) {
  const size_t n = s.size();
  size_t j = i + 1;
  while (j < n && IsNameChar(s[j])) ++j;
  const std::string_view name = s.substr(i + 1, j - i - 1);
  if (name.size() > kMaxNameBytes) return std::string_view::npos;
  const bool is_link = IEquals(name, "link");
  // <meta> keeps its attributes in the tag: libxml2 reads charset there.
  bool in_tag = !tag_marker || IEquals(name, "meta");
  RawAttr kept[std::size(kAttrNames)];
  size_t num_kept = 0;
  for (;;) {
    const size_t before_blanks = j;
    while (j < n && IsTagBlank(s[j])) ++j;
    if (j >= n) return std::string_view::npos;
    if (s[j] == '>') break;
    if (s[j] == '/' && j + 1 < n && s[j + 1] == '>') break;
    // An attribute must follow a blank ("<a b=1c=2>" reads differently).
    if (j == before_blanks) return std::string_view::npos;
    if (!(IsAsciiLetter(s[j]) || s[j] == '_' || s[j] == ':' || s[j] == '.')) return std::string_view::npos;
    const size_t attr_begin = j;
    while (j < n && IsNameChar(s[j])) ++j;
    const std::string_view attr_name = s.substr(attr_begin, j - attr_begin);
    if (attr_name.size() > kMaxNameBytes) return std::string_view::npos;
    std::string_view value;
    size_t k = j;
    while (k < n && IsTagBlank(s[k])) ++k;
    if (k < n && s[k] == '=') {
      ++k;
      while (k < n && IsTagBlank(s[k])) ++k;
      if (k >= n) return std::string_view::npos;
      if (s[k] == '"' || s[k] == '\'') {
        const size_t close = s.find(s[k], k + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        value = s.substr(k + 1, close - k - 1);
        // A '<' inside a value is usually an unclosed quote swallowing
        // markup: leave the page to libxml2 from here.
        if (value.find('<') != std::string_view::npos) return std::string_view::npos;
        k = close + 1;
      } else {
        const size_t value_begin = k;
        while (k < n && !IsTagBlank(s[k]) && s[k] != '>') {
          const char c = s[k];
          if (c == '"' || c == '\'' || c == '<' || c == '=' || c == '`') return std::string_view::npos;
          ++k;
        }
        if (k == value_begin) return std::string_view::npos;
        value = s.substr(value_begin, k - value_begin);
      }
      j = k;
    }
    Attr attr = AttrOf(attr_name);
    if (attr == Attr::kHref && !is_link) attr = Attr::kOther;
    if (attr == Attr::kOther) continue;
    // libxml2 keeps the first of duplicate attributes.
    bool duplicate = false;
    for (size_t d = 0; d < num_kept; ++d) duplicate = duplicate || kept[d].attr == attr;
    if (duplicate) continue;
    kept[num_kept++] = RawAttr{attr, s.substr(attr_begin, j - attr_begin), value};
    in_tag = in_tag || !Verbatim(value);
  }
  const size_t end = s[j] == '>' ? j + 1 : j + 2;
  out->append(s.substr(i, name.size() + 1));
  if (in_tag) {
    for (size_t d = 0; d < num_kept; ++d) {
      out->push_back(' ');
      out->append(kept[d].text);
    }
  } else if (num_kept > 0) {
    out->push_back(' ');
    out->append(kTagMarker);
    AppendDecimal(side->tags.size(), out);
    const auto begin = static_cast<uint32_t>(side->attrs.size());
    for (size_t d = 0; d < num_kept; ++d) side->attrs.push_back(SideAttr{kept[d].attr, kept[d].value});
    side->tags.emplace_back(begin, static_cast<uint32_t>(side->attrs.size()));
  }
  out->append(s.substr(j, end - j));
  return end;
}

// Position after the end tag at s[i] ("</" name blanks ">"), or npos when it
// is anything else (libxml2 then skips to the next '>' in its own way).
size_t EndOfEndTag(std::string_view s, size_t i) {
  size_t j = i + 2;
  if (j >= s.size() || !IsAsciiLetter(s[j])) return std::string_view::npos;
  while (j < s.size() && IsNameChar(s[j])) ++j;
  if (j - i - 2 > kMaxNameBytes) return std::string_view::npos;
  while (j < s.size() && IsTagBlank(s[j])) ++j;
  return j < s.size() && s[j] == '>' ? j + 1 : std::string_view::npos;
}

// Whether s[i] starts "<!DOCTYPE ...>" with no quote or '<' before its '>'.
bool IsPlainDoctype(std::string_view s, size_t i) {
  constexpr std::string_view kDoctype = "<!doctype";
  if (i + kDoctype.size() > s.size() || !IEquals(s.substr(i, kDoctype.size()), kDoctype)) return false;
  for (size_t j = i + kDoctype.size(); j < s.size(); ++j) {
    const char c = s[j];
    if (c == '>') return true;
    if (c == '"' || c == '\'' || c == '<') return false;
  }
  return false;
}

// Appends element content: a marker for a non-blank run that libxml2 would
// report verbatim (when `side` is set), else the run with blank runs
// shrunk to their first character.
void AppendContent(std::string_view text, Side* side, std::string* out) {
  if (text.empty()) return;
  size_t i = 0;
  while (i < text.size() && IsTagBlank(text[i])) ++i;
  const bool blank = i == text.size();
  if (!blank && side != nullptr && side->texts.size() < kMaxTextMarkers && Verbatim(text)) {
    AppendMarker(side->texts.size(), out);
    side->texts.push_back(text);
    side->text_bytes += text.size();
    return;
  }
  i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && !IsTagBlank(text[j])) ++j;
    out->append(text.substr(i, j - i));
    if (j >= text.size()) break;
    out->push_back(text[j]);
    i = j + 1;
    while (i < text.size() && IsTagBlank(text[i])) ++i;
  }
}

// Cuts raw-text bodies and comments, and moves text and attributes aside
// (see above). `side` must be empty.
std::string StripRawText(std::string_view s, Side* side) {
  std::string out;
  out.reserve(s.size() / 2);
  // Text markers need a page without any code point of their range (4-byte
  // sequences led by F3 or F4).
  const bool tag_marker = s.find(kTagMarker) == std::string_view::npos;
  const bool markers = s.find('\xF3') == std::string_view::npos && s.find('\xF4') == std::string_view::npos &&
                       !HasReferenceToMarkers(s);
  // Rewriting is only safe while we know libxml2 is reading element content:
  // cleared for good by a tag we cannot tokenize, and until the next tag by
  // other '<' constructs (doctype, processing instructions, a stray '<').
  bool rewrite_tags = true;
  bool in_content = false;
  size_t i = 0;
  while (i < s.size()) {
    const size_t lt = s.find('<', i);
    const size_t text_end = lt == std::string_view::npos ? s.size() : lt;
    const std::string_view text = s.substr(i, text_end - i);
    if (rewrite_tags && in_content) {
      AppendContent(text, markers ? side : nullptr, &out);
    } else {
      out.append(text);
    }
    if (lt == std::string_view::npos) break;
    i = lt;
    if (s.compare(i, 4, "<!--") == 0) {
      const size_t end = s.find("-->", i + 4);
      i = end == std::string_view::npos ? s.size() : end + 3;
      continue;
    }
    bool cut = false;
    std::string_view name;
    // All raw-text and RCDATA names start with 's' or 't'.
    const char first = i + 1 < s.size() ? static_cast<char>(s[i + 1] | 0x20) : 0;
    if (first == 's' || first == 't') {
      for (std::string_view raw : {"script", "style", "svg"}) {
        if (OpensTag(s, i, raw)) { name = raw; cut = true; }
      }
      for (std::string_view rcdata : {"title", "textarea"}) {
        if (OpensTag(s, i, rcdata)) name = rcdata;
      }
    }
    if (name.empty()) {
      if (rewrite_tags && i + 1 < s.size() && IsAsciiLetter(s[i + 1])) {
        const size_t next = RewriteStartTag(s, i, tag_marker, side, &out);
        if (next != std::string_view::npos) {
          i = next;
          in_content = true;
          ++side->start_tags;
          continue;
        }
        rewrite_tags = false;
      }
      if (rewrite_tags && s.compare(i, 2, "</") == 0) {
        const size_t next = EndOfEndTag(s, i);
        if (next != std::string_view::npos) {
          out.append(s.substr(i, next - i));
          i = next;
          in_content = true;
          continue;
        }
      }
      // libxml2 skips a malformed end tag, a declaration or a processing
      // instruction up to the next '>' without regard to quotes, where our
      // tokenizer would not; only a plain doctype is known to end there.
      if (rewrite_tags && !IsPlainDoctype(s, i)) rewrite_tags = false;
      in_content = false;
      out.push_back('<');
      ++i;
      continue;
    }
    const size_t content = EndOfStartTag(s, i);
    const std::string_view start_tag = s.substr(i, content - i);
    out.append(start_tag);
    const size_t end = FindEndTag(s, content, name);
    if (cut && Lower(start_tag).find("ld+json") != std::string::npos) cut = false;
    if (!cut) out.append(s.substr(content, end - content));
    i = end;
    in_content = false;  // the end tag, if any, comes next
  }
  return out;
}

class Builder {
 public:
  // REQUIRES: `side` (what the pre-pass took out of the page) outlives the
  // builder.
  Builder(Dom* dom, const Side* side) : dom_(dom), side_(side) {
    dom_->nodes.push_back(Node{});  // document root
    open_.push_back(Open{"", 0, false, 0});
  }

  void Start(std::string_view name, const xmlChar** attrs) {
    const TagInfo info = CachedLookup(name);
    // Left uninitialised (a slot is read only when its `present` bit is
    // set): zeroing sixteen views per element showed up in profiles.
    struct Slot {
      const char* data;
      size_t size;
    };
    Slot values[std::size(kAttrNames)];
    uint32_t present = 0;
    auto set = [&](Attr attr, std::string_view value) {
      if (attr == Attr::kOther) return;
      values[static_cast<size_t>(attr)] = Slot{value.data(), value.size()};
      present |= uint32_t{1} << static_cast<size_t>(attr);
    };
    auto has = [&](Attr attr) { return ((present >> static_cast<size_t>(attr)) & 1) != 0; };
    for (const xmlChar** a = attrs; a && a[0]; a += 2) {
      const std::string_view key = Sv(a[0]);
      if (key.starts_with(kTagMarker)) {
        SideAttrs(key.substr(kTagMarker.size()), set);
      } else {
        set(AttrOf(key), Sv(a[1]));
      }
    }
    auto value = [&](Attr attr) {
      const Slot& v = values[static_cast<size_t>(attr)];
      return has(attr) ? std::string_view(v.data, v.size) : std::string_view();
    };
    const std::string_view cls = value(Attr::kClass), id = value(Attr::kId), itemprop = value(Attr::kItemprop),
                           role = value(Attr::kRole), type = value(Attr::kType), rel = value(Attr::kRel),
                           href = value(Attr::kHref), datetime = value(Attr::kDatetime),
                           property = value(Attr::kProperty), meta_name = value(Attr::kName),
                           content = value(Attr::kContent);
    const bool hidden = has(Attr::kHidden) || (has(Attr::kAriaHidden) && Lower(value(Attr::kAriaHidden)) == "true") ||
                        (has(Attr::kStyle) && StyleHides(value(Attr::kStyle)));
    CollectMetadata(name, type, rel, href, datetime, property, meta_name, itemprop, content);
    if (name == "html" && dom_->lang.empty()) dom_->lang = Lower(value(Attr::kLang));
    if (name == "title" && dom_->title.empty()) in_title_ = true;
    // The visible text of an author link or element (rel=author,
    // itemprop=author), outermost only, for the author finder.
    if (author_depth_ == 0 && skip_depth_ == 0 && !hidden && dom_->author_texts.size() < kMaxAuthorTexts &&
        (HasWord(Lower(rel), "author") || Lower(itemprop) == "author")) {
      dom_->author_texts.emplace_back();
      author_depth_ = open_.size();
    }
    if (name == "script" && Lower(type).find("ld+json") != std::string::npos) {
      dom_->json_ld.emplace_back();
      in_json_ld_ = true;
    }
    if (skip_depth_ > 0 || info.kind == Kind::kSkip || (hidden && info.tag != Tag::kBody && info.tag != Tag::kHtml)) {
      Push(name, kNone, true);
      ++skip_depth_;
      return;
    }
    if (info.kind == Kind::kInline) {
      Push(name, kNone, false);
      return;
    }
    const int32_t index = AddNode(info.tag);
    Node& node = dom_->nodes[index];
    node.begin = static_cast<uint32_t>(dom_->hints.size());
    AppendHint(cls);
    AppendHint(id);
    AppendHint(itemprop);
    AppendHint(role);
    node.length = static_cast<uint32_t>(dom_->hints.size() - node.begin);
    if (info.tag == Tag::kBody && dom_->body == kNone) dom_->body = index;
    if (info.tag == Tag::kBr || info.tag == Tag::kHr || info.tag == Tag::kImg) {
      Push(name, kNone, false);  // void: no children
      return;
    }
    Push(name, index, false);
  }

  void End(std::string_view name) {
    // Pop to the matching open element; an unmatched end tag is ignored.
    for (size_t i = open_.size(); i-- > 1;) {
      if (open_[i].name != name) continue;
      while (open_.size() > i) Pop();
      return;
    }
  }

  void Characters(const char* s, int len) {
    if (len <= 0) return;
    const std::string_view chunk(s, static_cast<size_t>(len));
    if (side_->texts.empty() || !HasMarker(chunk)) {
      AddCharacters(s, len);
      return;
    }
    // Swap the text runs the pre-pass took out back in.
    for (size_t i = 0; i < chunk.size();) {
      const size_t lead = FindMarkerLead(chunk, i);
      const size_t stop = lead == std::string_view::npos || lead + 4 > chunk.size() ? chunk.size() : lead;
      if (stop > i) AddCharacters(chunk.data() + i, static_cast<int>(stop - i));
      if (stop == chunk.size()) break;
      const auto* m = reinterpret_cast<const unsigned char*>(chunk.data() + stop);
      const uint32_t cp = (uint32_t{m[0]} & 0x07) << 18 | (uint32_t{m[1]} & 0x3F) << 12 |
                          (uint32_t{m[2]} & 0x3F) << 6 | (uint32_t{m[3]} & 0x3F);
      const size_t index = cp - kFirstTextMarker;
      if (cp >= kFirstTextMarker && index < side_->texts.size()) {
        AddCharacters(side_->texts[index].data(), static_cast<int>(side_->texts[index].size()));
      } else {
        AddCharacters(chunk.data() + stop, 4);
      }
      i = stop + 4;
    }
  }

 private:
  // libxml2 interns element names in its dictionary (or passes literals),
  // so a name's address identifies it during the parse: a small
  // direct-mapped cache by address skips most binary searches.
  TagInfo CachedLookup(std::string_view name) {
    const auto address = reinterpret_cast<uintptr_t>(name.data());
    CacheEntry& e = tag_cache_[(address >> 3) % kTagCacheSize];
    if (e.name.data() != name.data() || e.name.size() != name.size()) {
      e.name = name;
      e.info = Lookup(name);
    }
    return e.info;
  }

  // Position of the next byte from `from` that may lead a text marker (F3
  // or F4), or npos.
  static size_t FindMarkerLead(std::string_view chunk, size_t from) {
    for (size_t i = from; i < chunk.size(); ++i) {
      const auto c = static_cast<unsigned char>(chunk[i]);
      if (c == 0xF3 || c == 0xF4) return i;
    }
    return std::string_view::npos;
  }

  static bool HasMarker(std::string_view chunk) { return FindMarkerLead(chunk, 0) != std::string_view::npos; }

  // Reports the attributes of side-table entry `digits` to `set`.
  template <typename Set>
  void SideAttrs(std::string_view digits, Set&& set) const {
    size_t index = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return;
      index = index * 10 + static_cast<size_t>(c - '0');
      if (index >= side_->tags.size()) return;
    }
    if (digits.empty()) return;
    const auto [begin, end] = side_->tags[index];
    for (uint32_t a = begin; a < end; ++a) set(side_->attrs[a].attr, side_->attrs[a].value);
  }

  void AddCharacters(const char* s, int len) {
    if (len <= 0) return;
    if (in_title_) dom_->title.append(s, static_cast<size_t>(len));
    if (in_json_ld_) dom_->json_ld.back().append(s, static_cast<size_t>(len));
    if (skip_depth_ > 0) return;
    if (author_depth_ != 0 && dom_->author_texts.back().size() < kMaxAuthorTextBytes) {
      dom_->author_texts.back().append(s, static_cast<size_t>(len));
    }
    const int32_t parent = CurrentParent();
    Node& p = dom_->nodes[parent];
    // libxml2 may deliver one text run in several calls: extend the last text
    // node when it is the previous thing appended.
    if (p.last_child != kNone) {
      Node& last = dom_->nodes[p.last_child];
      if (last.tag == Tag::kText && last.begin + last.length == dom_->text.size()) {
        dom_->text.append(s, static_cast<size_t>(len));
        last.length += static_cast<uint32_t>(len);
        return;
      }
    }
    const uint32_t begin = static_cast<uint32_t>(dom_->text.size());
    dom_->text.append(s, static_cast<size_t>(len));
    const int32_t index = AddNode(Tag::kText);
    dom_->nodes[index].begin = begin;
    dom_->nodes[index].length = static_cast<uint32_t>(len);
  }

  struct Open {
    std::string_view name;  // owned by libxml2's dictionary (or a literal)
    int32_t node;  // kNone when no node was made (inline, skipped, void)
    bool skipped;
    int32_t parent;  // node of the innermost entry (this or below) that has one
  };

  // The innermost open element that made a node (the root at the bottom).
  int32_t CurrentParent() const { return open_.back().parent; }

  void Push(std::string_view name, int32_t node, bool skipped) {
    open_.push_back(Open{name, node, skipped, node != kNone ? node : CurrentParent()});
  }

  int32_t AddNode(Tag tag) {
    const int32_t parent = CurrentParent();
    const auto index = static_cast<int32_t>(dom_->nodes.size());
    Node n;
    n.tag = tag;
    n.parent = parent;
    dom_->nodes.push_back(n);
    Node& p = dom_->nodes[parent];
    if (p.last_child == kNone) {
      p.first_child = index;
    } else {
      dom_->nodes[p.last_child].next_sibling = index;
    }
    p.last_child = index;
    return index;
  }

  void Pop() {
    const Open& top = open_.back();
    if (top.skipped) --skip_depth_;
    if (top.name == "title") in_title_ = false;
    if (top.name == "script") in_json_ld_ = false;
    if (author_depth_ != 0 && open_.size() - 1 == author_depth_) author_depth_ = 0;
    open_.pop_back();
  }

  void AppendHint(std::string_view value) {
    if (value.empty()) return;
    if (!dom_->hints.empty()) dom_->hints.push_back(' ');
    for (char c : value) dom_->hints.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }

  void CollectMetadata(std::string_view name, std::string_view type, std::string_view rel,
                       std::string_view href, std::string_view datetime, std::string_view property,
                       std::string_view meta_name, std::string_view itemprop, std::string_view content) {
    (void)type;
    if (name == "meta") {
      std::string_view key = !property.empty() ? property : !meta_name.empty() ? meta_name : itemprop;
      if (!key.empty() && !content.empty()) dom_->metas.emplace_back(Lower(key), std::string(content));
    } else if (name == "link") {
      if (dom_->canonical.empty() && Lower(rel) == "canonical" && !href.empty()) dom_->canonical = href;
    } else if (name == "time") {
      if (!datetime.empty()) dom_->times.emplace_back(datetime);
    }
    // Microdata on an element other than <meta>: <span itemprop=datePublished
    // content=...>, <time itemprop=datePublished datetime=...>.
    if (name != "meta" && !itemprop.empty()) {
      const std::string key = Lower(itemprop);
      const std::string_view v = !content.empty() ? content : datetime;
      if ((key == "datepublished" || key == "datecreated") && !v.empty()) {
        dom_->metas.emplace_back("itemprop:" + key, std::string(v));
      }
    }
  }

  // Enough for the distinct element names of a typical page.
  static constexpr size_t kTagCacheSize = 64;
  struct CacheEntry {
    std::string_view name;
    TagInfo info{};
  };

  Dom* dom_;
  const Side* side_;
  std::array<CacheEntry, kTagCacheSize> tag_cache_{};
  std::vector<Open> open_;
  int skip_depth_ = 0;
  bool in_title_ = false;
  bool in_json_ld_ = false;
  size_t author_depth_ = 0;  // open_ index of the author element being read; 0: none
};

void OnStart(void* ctx, const xmlChar* name, const xmlChar** attrs) {
  static_cast<Builder*>(ctx)->Start(Sv(name), attrs);
}
void OnEnd(void* ctx, const xmlChar* name) { static_cast<Builder*>(ctx)->End(Sv(name)); }
void OnCharacters(void* ctx, const xmlChar* s, int len) {
  static_cast<Builder*>(ctx)->Characters(reinterpret_cast<const char*>(s), len);
}

}  // namespace

bool IsBlock(Tag tag) {
  switch (tag) {
    case Tag::kOther:
    case Tag::kText:
    case Tag::kA:
    case Tag::kImg:
    case Tag::kLabel:
    case Tag::kTime:
      return false;
    default:
      return true;
  }
}

bool IsHeading(Tag tag) {
  return tag == Tag::kH1 || tag == Tag::kH2 || tag == Tag::kH3 || tag == Tag::kH4 || tag == Tag::kH5 ||
         tag == Tag::kH6;
}

Status ParseDom(std::string_view html, Dom* dom) {
  *dom = Dom{};
  if (html.size() > static_cast<size_t>(INT_MAX)) return Status::Unsupported("HTML larger than 2 GiB");
  Side side;
  const std::string stripped = StripRawText(html, &side);
  // Growing the DOM's arrays step by step cost a tenth of the parse in
  // reallocation and copying; these bounds are close for ordinary pages.
  dom->nodes.reserve(side.start_tags + side.texts.size() + 1);
  dom->text.reserve(side.text_bytes);
  Builder builder(dom, &side);
  // libxml2 refuses an empty buffer; an all-comment page has no content.
  if (stripped.empty()) return Status::Ok();
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(stripped.data(), static_cast<int>(stripped.size()));
  if (ctxt == nullptr) return Status::Internal("libxml2 could not create an HTML parser");
  // A SAX1 handler with only the events we need; libxml2 then builds no tree
  // and prints nothing (error callbacks are null).
  htmlSAXHandler handler;
  std::memset(&handler, 0, sizeof handler);
  handler.startElement = OnStart;
  handler.endElement = OnEnd;
  handler.characters = OnCharacters;
  handler.ignorableWhitespace = OnCharacters;
  handler.cdataBlock = OnCharacters;
  *ctxt->sax = handler;
  ctxt->userData = &builder;
  // The input is UTF-8 already: ignore <meta charset> so libxml2 never
  // re-decodes it.
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  htmlParseDocument(ctxt);
  htmlFreeParserCtxt(ctxt);
  return Status::Ok();
}

}  // namespace storyline::html
