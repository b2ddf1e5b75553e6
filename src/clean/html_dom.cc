#include "clean/html_dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

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

std::string StripRawText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, lt - i));
    i = lt;
    if (s.compare(i, 4, "<!--") == 0) {
      const size_t end = s.find("-->", i + 4);
      i = end == std::string_view::npos ? s.size() : end + 3;
      continue;
    }
    bool cut = false;
    std::string_view name;
    for (std::string_view raw : {"script", "style", "svg"}) {
      if (OpensTag(s, i, raw)) { name = raw; cut = true; }
    }
    for (std::string_view rcdata : {"title", "textarea"}) {
      if (OpensTag(s, i, rcdata)) name = rcdata;
    }
    if (name.empty()) {
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
  }
  return out;
}

class Builder {
 public:
  explicit Builder(Dom* dom) : dom_(dom) {
    dom_->nodes.push_back(Node{});  // document root
    open_.push_back(Open{"", 0, false});
  }

  void Start(std::string_view name, const xmlChar** attrs) {
    const TagInfo info = Lookup(name);
    std::string_view cls, id, itemprop, role, type, rel, href, datetime, property, meta_name, content;
    bool hidden = false;
    for (const xmlChar** a = attrs; a && a[0]; a += 2) {
      const std::string_view key = Sv(a[0]);
      const std::string_view value = Sv(a[1]);
      if (key == "class") cls = value;
      else if (key == "id") id = value;
      else if (key == "itemprop") itemprop = value;
      else if (key == "role") role = value;
      else if (key == "type") type = value;
      else if (key == "rel") rel = value;
      else if (key == "href") href = value;
      else if (key == "datetime") datetime = value;
      else if (key == "property") property = value;
      else if (key == "name") meta_name = value;
      else if (key == "content") content = value;
      else if (key == "hidden") hidden = true;
      else if (key == "aria-hidden") hidden = hidden || Lower(value) == "true";
      else if (key == "style") hidden = hidden || StyleHides(value);
    }
    CollectMetadata(name, type, rel, href, datetime, property, meta_name, itemprop, content);
    if (name == "title" && dom_->title.empty()) in_title_ = true;
    if (name == "script" && Lower(type).find("ld+json") != std::string::npos) {
      dom_->json_ld.emplace_back();
      in_json_ld_ = true;
    }
    if (skip_depth_ > 0 || info.kind == Kind::kSkip || (hidden && info.tag != Tag::kBody && info.tag != Tag::kHtml)) {
      open_.push_back(Open{std::string(name), kNone, true});
      ++skip_depth_;
      return;
    }
    if (info.kind == Kind::kInline) {
      open_.push_back(Open{std::string(name), kNone, false});
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
      open_.push_back(Open{std::string(name), kNone, false});  // void: no children
      return;
    }
    open_.push_back(Open{std::string(name), index, false});
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
    if (in_title_) dom_->title.append(s, static_cast<size_t>(len));
    if (in_json_ld_) dom_->json_ld.back().append(s, static_cast<size_t>(len));
    if (skip_depth_ > 0) return;
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

 private:
  struct Open {
    std::string name;
    int32_t node;  // kNone when no node was made (inline, skipped, void)
    bool skipped;
  };

  int32_t CurrentParent() const {
    for (size_t i = open_.size(); i-- > 0;) {
      if (open_[i].node != kNone) return open_[i].node;
    }
    return 0;
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
  }

  Dom* dom_;
  std::vector<Open> open_;
  int skip_depth_ = 0;
  bool in_title_ = false;
  bool in_json_ld_ = false;
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
  const std::string stripped = StripRawText(html);
  Builder builder(dom);
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
