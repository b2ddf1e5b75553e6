// Body extraction by DOM content scoring. The approach follows the published
// descriptions of Mozilla Readability (paragraph scores propagated to
// ancestors, class/id weights, link density, sibling merging, conditional
// cleaning) with a block-level boilerplate pass in the spirit of
// trafilatura/boilerpipe (drop link-heavy and boilerplate-classed blocks
// inside the chosen container).
#include "clean/html_extract.h"

#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clean/html_dom.h"
#include "clean/html_metadata.h"
#include "clean/phrase_matcher.h"

namespace storyline {
namespace {

using html::Dom;
using html::kNone;
using html::Node;
using html::Tag;

// Output caps for boilerplate_removed: enough to audit what went, bounded so
// a page of thousands of menu items cannot bloat every stored article.
constexpr size_t kMaxBoilerplateBlocks = 200;
constexpr size_t kMaxBoilerplateBlockBytes = 500;

// Readability's thresholds: a block shorter than this is not a paragraph for
// scoring; each 100 characters adds a point, at most 3.
constexpr int kMinParagraphChars = 25;
constexpr int kCharsPerPoint = 100;
constexpr double kMaxLengthPoints = 3;
// Ancestors that receive a paragraph's score (parent, grandparent, ...).
constexpr int kScoreAncestorLevels = 5;
// Class/id weight for positive and negative evidence.
constexpr double kClassWeight = 25;
// A sibling joins the top candidate when its score reaches this share of the
// top score (and at least kMinSiblingScore).
constexpr double kSiblingShare = 0.2;
constexpr double kMinSiblingScore = 10;
// Paragraph siblings: long with few links, or short, link-free sentences.
constexpr int kLongSiblingChars = 80;
constexpr double kSiblingMaxLinkDensity = 0.25;
// A result shorter than this triggers a retry with fewer cleaning rules
// (Readability uses the same 500-character floor).
constexpr int kMinArticleChars = 500;
// A block whose text is mostly link text is navigation or a related-link.
constexpr double kMaxBlockLinkDensity = 0.5;
// A container inside the article with more link text than this share (and no
// positive class) is a link list.
constexpr double kMaxContainerLinkDensity = 0.33;
// Conditional cleaning is skipped for containers with this many commas: that
// much prose is article text whatever the class says.
constexpr int kProseCommas = 10;

// Maximum input size. libxml2 takes int lengths; a news page is well under a
// few MB, so 64 MiB only refuses inputs that are not pages.
constexpr size_t kMaxHtmlBytes = 64u << 20;

// ---- UTF-8 ----------------------------------------------------------------

// Length of the longest prefix of `in` that is valid UTF-8 without NUL
// bytes. Real pages are almost always valid, so this check (eight ASCII
// bytes per step) usually saves the repair copy below.
size_t ValidPrefix(std::string_view in) {
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  constexpr uint64_t kLowBits = 0x0101010101010101ull;
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t n = static_cast<int32_t>(in.size());
  int32_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    // Sixteen bytes per step where SSE2 exists (every x86-64).
    if (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, _mm_setzero_si128()))) == 0) {
        i += 16;
        continue;
      }
    }
#endif
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, sizeof w);
      // No high bit set and no zero byte (the classic has-zero-byte test).
      if ((w & kHighBits) == 0 && ((w - kLowBits) & ~w & kHighBits) == 0) {
        i += 8;
        continue;
      }
    }
    if (s[i] < 0x80) {
      if (s[i] == 0) return static_cast<size_t>(i);
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return in.size();
}

// Replaces invalid sequences and NUL bytes (which stop libxml2) with U+FFFD
// (NUL with a space). Valid stretches are copied whole.
std::string ValidUtf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t n = static_cast<int32_t>(in.size());
  int32_t i = 0;
  while (i < n) {
    const size_t good = ValidPrefix(in.substr(static_cast<size_t>(i)));
    out.append(in.substr(static_cast<size_t>(i), good));
    i += static_cast<int32_t>(good);
    if (i >= n) break;
    if (s[i] == 0) {
      out.push_back(' ');
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out += "\xEF\xBF\xBD";
  }
  return out;
}

// Cuts at most `max_bytes` without splitting a UTF-8 sequence.
std::string Truncate(std::string s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s;
}

// ---- Class/id evidence ------------------------------------------------------
//
// Each vocabulary below is matched as substrings of the lower-cased
// "class id itemprop role" hint (all of them in one PhraseMatcher pass), or,
// for short words that are substrings of unrelated ones ("ad" in "head",
// "nav" in "canvas"), as whole tokens split at non-alphanumerics.

// Readability's "positive" and "negative" class/id vocabularies.
constexpr std::string_view kPositiveWords[] = {"article", "body", "content", "entry", "hentry", "h-entry",
                                               "main",    "page", "post",    "text",  "blog",   "story"};
constexpr std::string_view kNegativeWords[] = {
    "-ad-",     "banner",  "combx",      "comment", "com-",     "contact", "footer", "gdpr",
    "masthead", "media",   "meta",       "outbrain", "promo",   "related", "scroll", "share",
    "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",    "widget"};
constexpr std::string_view kNegativeTokens[] = {"hidden", "hid"};

// Strong evidence that an element is the article body itself
// (schema.org itemprop and the class names of common publishing systems).
constexpr std::string_view kBodyWords[] = {
    "articlebody",      "article-body",  "article__body", "article_body", "articlecontent", "article-content",
    "article__content", "entry-content", "post-content",  "post-body",    "postbody",       "story-body",
    "storybody",        "story-content", "article-text",  "articletext",  "body-text",      "post-text"};

// Readability's "unlikely candidate" vocabulary: removed before scoring unless
// the element also looks like content (kMaybeContentWords).
constexpr std::string_view kUnlikelyWords[] = {
    "-ad-",         "ai2html",  "banner",  "breadcrumb", "combx",   "comment", "community",  "cover-wrap",
    "disqus",       "extra",    "footer",  "gdpr",       "header",  "legends", "menu",       "related",
    "remark",       "replies",  "rss",     "shoutbox",   "sidebar", "skyscraper", "social",  "sponsor",
    "supplemental", "ad-break", "agegate", "pagination", "pager",   "popup",   "yom-remote"};
constexpr std::string_view kUnlikelyTokens[] = {"navigation", "complementary", "menubar",
                                                "alert",      "alertdialog",   "dialog"};
constexpr std::string_view kMaybeContentWords[] = {"and", "article", "body", "column", "content", "main", "shadow"};

// Reader comments are never article text, so they stay excluded even in the
// relaxed retry passes (where they would otherwise win on length below short
// articles).
constexpr std::string_view kCommentWords[] = {"comment", "disqus", "replies"};
constexpr std::string_view kCommentExemptWords[] = {"article", "body", "content", "main"};

// Class/id words of blocks that sit inside articles without being article
// text: sharing, related links, promotion, captions and credits, bylines and
// datelines, tags, newsletters, ads.
constexpr std::string_view kBoilerplateWords[] = {
    "share",     "social",       "related",     "promo",       "newsletter",  "subscri", "signup",
    "sign-up",   "comment",      "caption",     "credit",      "byline",      "author",  "sidebar",
    "breadcrumb", "advert",      "sponsor",     "cookie",      "popup",       "modal",   "toolbar",
    "recirc",    "recommend",    "read-more",   "readmore",    "more-stories", "outbrain", "taboola",
    "disqus",    "footer",       "header",      "timestamp",   "tags",    "print",
    "follow",    "copyright",    "disclaimer",  "widget",      "banner",      "teaser",  "trending",
    "most-popular", "mostpopular", "inline-link", "skip",      "hidden",      "visually-hidden",
    "sr-only",   "screen-reader"};
constexpr std::string_view kBoilerplateTokens[] = {"ad",     "ads",   "nav",   "meta", "tag",   "date",  "time",
                                                   "figure", "photo", "image", "img",  "video", "embed", "note"};

// A dateline block is boilerplate when it holds only the dateline; some
// publishing systems class the whole opening paragraph by the dateline it
// starts with, and then it is the lede (see DatelineLede).
constexpr std::string_view kDatelineWords[] = {"dateline"};

// PhraseMatcher groups of the vocabularies above.
enum HintGroup : int {
  kGroupPositive,
  kGroupNegative,
  kGroupBody,
  kGroupUnlikely,
  kGroupMaybeContent,
  kGroupComment,
  kGroupCommentExempt,
  kGroupBoilerplate,
  kGroupDateline,
};

const clean::PhraseMatcher& HintMatcher() {
  // Built once on first use; immutable afterwards (thread-safe static init).
  static const clean::PhraseMatcher kMatcher = [] {
    clean::PhraseMatcher m;
    m.Add(kPositiveWords, kGroupPositive);
    m.Add(kNegativeWords, kGroupNegative);
    m.Add(kBodyWords, kGroupBody);
    m.Add(kUnlikelyWords, kGroupUnlikely);
    m.Add(kMaybeContentWords, kGroupMaybeContent);
    m.Add(kCommentWords, kGroupComment);
    m.Add(kCommentExemptWords, kGroupCommentExempt);
    m.Add(kBoilerplateWords, kGroupBoilerplate);
    m.Add(kDatelineWords, kGroupDateline);
    m.Finish();
    return m;
  }();
  return kMatcher;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool InList(std::string_view token, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), token) != list.end();
}

// The class/id verdicts of one element, computed once per page: the
// extractor consults them in every pass and for every block.
enum HintBit : uint8_t {
  kHintUnlikely = 1 << 0,
  kHintComment = 1 << 1,
  kHintNegative = 1 << 2,
  kHintPositive = 1 << 3,
  kHintBody = 1 << 4,
  kHintBoilerplate = 1 << 5,
  kHintDateline = 1 << 6,
};

uint8_t ClassifyHint(std::string_view h) {
  if (h.empty()) return 0;
  bool negative_token = false, unlikely_token = false, boilerplate_token = false;
  for (size_t i = 0; i < h.size();) {
    while (i < h.size() && !IsAsciiAlnum(h[i])) ++i;
    size_t j = i;
    while (j < h.size() && IsAsciiAlnum(h[j])) ++j;
    const std::string_view tok = h.substr(i, j - i);
    if (!tok.empty()) {
      negative_token = negative_token || InList(tok, kNegativeTokens);
      unlikely_token = unlikely_token || InList(tok, kUnlikelyTokens);
      boilerplate_token = boilerplate_token || InList(tok, kBoilerplateTokens);
    }
    i = j;
  }
  const clean::PhraseMatcher::Hits hits = HintMatcher().Scan(h);
  uint8_t bits = 0;
  if ((hits.Substring(kGroupUnlikely) || unlikely_token) && !hits.Substring(kGroupMaybeContent)) bits |= kHintUnlikely;
  if (hits.Substring(kGroupComment) && !hits.Substring(kGroupCommentExempt)) bits |= kHintComment;
  if (hits.Substring(kGroupNegative) || negative_token) bits |= kHintNegative;
  if (hits.Substring(kGroupPositive)) bits |= kHintPositive;
  if (hits.Substring(kGroupBody)) bits |= kHintBody;
  if (hits.Substring(kGroupBoilerplate) || boilerplate_token) bits |= kHintBoilerplate;
  if (hits.Substring(kGroupDateline)) bits |= kHintDateline;
  return bits;
}

// ---- Text blocks ------------------------------------------------------------

struct Block {
  int32_t owner;  // innermost block element holding the text
  std::string text;
  int chars = 0;
  int link_chars = 0;
  int commas = 0;
};

bool IsComma(std::string_view text, size_t i) {
  // U+FF0C FULLWIDTH COMMA, U+3001 IDEOGRAPHIC COMMA, U+060C ARABIC COMMA.
  switch (static_cast<unsigned char>(text[i])) {
    case ',': return true;
    case 0xEF: return text.compare(i, 3, "\xEF\xBC\x8C") == 0;
    case 0xE3: return text.compare(i, 3, "\xE3\x80\x81") == 0;
    case 0xD8: return text.compare(i, 2, "\xD8\x8C") == 0;
    default: return false;
  }
}

// Bytes that start a character and are neither white space nor the first
// byte of a comma or of U+00A0: AddText only counts them.
constexpr std::array<bool, 256> PlainBytes() {
  std::array<bool, 256> plain{};
  for (int c = 0; c < 256; ++c) {
    plain[c] = (c & 0xC0) != 0x80 && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != ',' &&
               c != 0xC2 && c != 0xD8 && c != 0xE3 && c != 0xEF;
  }
  return plain;
}
constexpr std::array<bool, 256> kPlainByte = PlainBytes();

class BlockBuilder {
 public:
  // Appends the text of a text node (inside a link when `in_link`):
  // white space (ASCII and U+00A0) collapses to one space, word runs are
  // copied whole.
  void AddText(std::string_view raw, bool in_link) {
    std::string& out = current_.text;
    const size_t n = raw.size();
    size_t i = 0;
    while (i < n) {
      size_t j = i;
      int chars = 0;
      int commas = 0;
      for (; j < n; ++j) {
        const unsigned char c = static_cast<unsigned char>(raw[j]);
        if (kPlainByte[c]) {  // most bytes: one table look-up
          ++chars;
          continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') break;
        if (c == 0xC2 && j + 1 < n && static_cast<unsigned char>(raw[j + 1]) == 0xA0) break;
        if ((c & 0xC0) != 0x80) {
          ++chars;
          if (IsComma(raw, j)) ++commas;
        }
      }
      if (j > i) {
        if (pending_space_) out.push_back(' ');
        pending_space_ = false;
        out.append(raw.substr(i, j - i));
        current_.chars += chars;
        if (in_link) current_.link_chars += chars;
        current_.commas += commas;
        i = j;
      }
      if (i < n) {
        pending_space_ = !out.empty();
        i += raw[i] == '\xC2' ? 2 : 1;  // U+00A0 is two bytes
      }
    }
  }

  void Flush(int32_t owner) {
    if (!current_.text.empty()) {
      current_.owner = owner;
      blocks_.push_back(std::move(current_));
    }
    current_ = Block{};
    pending_space_ = false;
  }

  std::vector<Block>& blocks() { return blocks_; }

 private:
  Block current_{kNone, {}};
  bool pending_space_ = false;
  std::vector<Block> blocks_;
};

// Per-element facts, indexed like Dom::nodes.
struct Facts {
  std::vector<int32_t> block_begin, block_end;  // blocks inside (block elements)
  std::vector<int> chars, link_chars, commas;   // over the blocks inside
  std::vector<uint8_t> in_link;
};

// Walks the tree in document order (iteratively: soup can nest deeply),
// cutting text into blocks at block-element boundaries.
std::vector<Block> BuildBlocks(const Dom& dom, int32_t root, Facts* f) {
  const size_t n = dom.nodes.size();
  f->block_begin.assign(n, 0);
  f->block_end.assign(n, 0);
  f->in_link.assign(n, 0);
  BlockBuilder b;
  std::vector<int32_t> owners = {root};
  auto enter = [&](int32_t i) {
    const Node& node = dom.nodes[i];
    if (node.parent != kNone) f->in_link[i] = f->in_link[node.parent] || node.tag == Tag::kA;
    if (node.tag == Tag::kText) {
      b.AddText(dom.TextOf(node), f->in_link[i] != 0);
      return;
    }
    if (html::IsBlock(node.tag)) {
      b.Flush(owners.back());
      owners.push_back(i);
    }
    f->block_begin[i] = static_cast<int32_t>(b.blocks().size());
  };
  auto leave = [&](int32_t i) {
    const Node& node = dom.nodes[i];
    if (node.tag == Tag::kText) return;
    if (html::IsBlock(node.tag)) {
      b.Flush(owners.back());
      owners.pop_back();
    }
    f->block_end[i] = static_cast<int32_t>(b.blocks().size());
  };
  int32_t i = root;
  enter(i);
  while (i != kNone) {
    if (dom.nodes[i].first_child != kNone) {
      i = dom.nodes[i].first_child;
      enter(i);
      continue;
    }
    while (i != kNone) {
      leave(i);
      if (i == root) {
        i = kNone;
        break;
      }
      if (dom.nodes[i].next_sibling != kNone) {
        i = dom.nodes[i].next_sibling;
        enter(i);
        break;
      }
      i = dom.nodes[i].parent;
    }
  }
  b.Flush(root);
  std::vector<Block> blocks = std::move(b.blocks());
  f->chars.assign(n, 0);
  f->link_chars.assign(n, 0);
  f->commas.assign(n, 0);
  // Prefix sums over the blocks: an element's totals are one subtraction
  // instead of a walk over its blocks (which is quadratic in depth).
  std::vector<int> chars(blocks.size() + 1, 0), link_chars(blocks.size() + 1, 0), commas(blocks.size() + 1, 0);
  for (size_t j = 0; j < blocks.size(); ++j) {
    chars[j + 1] = chars[j] + blocks[j].chars;
    link_chars[j + 1] = link_chars[j] + blocks[j].link_chars;
    commas[j + 1] = commas[j] + blocks[j].commas;
  }
  for (size_t k = 0; k < n; ++k) {
    if (dom.nodes[k].tag == Tag::kText) continue;
    const int32_t b = f->block_begin[k], e = f->block_end[k];
    if (e <= b) continue;
    f->chars[k] = chars[e] - chars[b];
    f->link_chars[k] = link_chars[e] - link_chars[b];
    f->commas[k] = commas[e] - commas[b];
  }
  return blocks;
}

// ---- Scoring ----------------------------------------------------------------

struct Flags {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

class Extractor {
 public:
  Extractor(const Dom& dom, int32_t root) : dom_(dom), root_(root) {
    blocks_ = BuildBlocks(dom, root, &f_);
    hint_bits_.assign(dom.nodes.size(), 0);
    // Pages repeat the same class lists (menu items, cards, list entries)
    // hundreds of times: classify each distinct hint once.
    std::unordered_map<std::string_view, uint8_t> seen;
    for (size_t i = 0; i < dom.nodes.size(); ++i) {
      if (dom.nodes[i].tag == Tag::kText) continue;
      const std::string_view h = dom.HintOf(dom.nodes[i]);
      if (h.empty()) continue;
      auto [it, inserted] = seen.try_emplace(h, 0);
      if (inserted) it->second = ClassifyHint(h);
      hint_bits_[i] = it->second;
    }
  }

  // Returns the indices of the kept blocks.
  std::vector<int32_t> Run(const Flags& flags) {
    flags_ = flags;
    MarkExcluded();
    ScoreCandidates();
    const int32_t top = PickTop();
    if (top == kNone) return {};
    std::vector<int32_t> containers = Siblings(top);
    std::vector<int32_t> kept;
    for (int32_t c : containers) CollectBlocks(c, &kept);
    return kept;
  }

  const std::vector<Block>& blocks() const { return blocks_; }

 private:
  std::string_view Hint(int32_t i) const { return dom_.HintOf(dom_.nodes[i]); }
  bool HasHint(int32_t i, HintBit bit) const { return (hint_bits_[i] & bit) != 0; }

  double LinkDensity(int32_t i) const {
    return f_.chars[i] > 0 ? static_cast<double>(f_.link_chars[i]) / f_.chars[i] : 0.0;
  }

  bool IsUnlikely(int32_t i) const {
    const Tag t = dom_.nodes[i].tag;
    if (t == Tag::kBody || t == Tag::kHtml || t == Tag::kA || t == Tag::kArticle || t == Tag::kMain) return false;
    if (t == Tag::kNav || t == Tag::kAside) return true;
    return HasHint(i, kHintUnlikely);
  }

  void MarkExcluded() {
    excluded_.assign(dom_.nodes.size(), 0);
    for (size_t i = 1; i < dom_.nodes.size(); ++i) {
      const Node& n = dom_.nodes[i];
      // <body> and <html> carry site-wide feature classes, never evidence.
      if (n.tag == Tag::kText || n.tag == Tag::kBody || n.tag == Tag::kHtml) continue;
      const auto index = static_cast<int32_t>(i);
      excluded_[i] = (n.parent != kNone && excluded_[n.parent]) || HasHint(index, kHintComment) ||
                     (flags_.strip_unlikely && IsUnlikely(index));
    }
  }

  double ClassWeight(int32_t i) const {
    if (!flags_.weight_classes) return 0;
    double w = 0;
    if (HasHint(i, kHintNegative)) w -= kClassWeight;
    if (HasHint(i, kHintPositive)) w += kClassWeight;
    if (HasHint(i, kHintBody)) w += kClassWeight;
    return w;
  }

  double TagWeight(Tag t) const {
    switch (t) {
      case Tag::kDiv: case Tag::kArticle: case Tag::kMain: return 5;
      case Tag::kPre: case Tag::kTd: case Tag::kBlockquote: return 3;
      case Tag::kAddress: case Tag::kOl: case Tag::kUl: case Tag::kDl: case Tag::kDd: case Tag::kDt:
      case Tag::kLi: case Tag::kForm: return -3;
      case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
      case Tag::kTh: return -5;
      default: return 0;
    }
  }

  void Touch(int32_t i) {
    if (scored_[i]) return;
    scored_[i] = 1;
    score_[i] = TagWeight(dom_.nodes[i].tag) + ClassWeight(i);
  }

  void ScoreCandidates() {
    const size_t n = dom_.nodes.size();
    score_.assign(n, 0);
    scored_.assign(n, 0);
    for (const Block& b : blocks_) {
      if (b.chars < kMinParagraphChars || excluded_[b.owner]) continue;
      if (html::IsHeading(dom_.nodes[b.owner].tag)) continue;
      const double points = 1 + b.commas + std::min(static_cast<double>(b.chars / kCharsPerPoint), kMaxLengthPoints);
      // A block that is all of its element's text is a paragraph element and
      // scores its parent; a text run mixed with other blocks scores the
      // element holding it.
      const int32_t owner = b.owner;
      int32_t a = f_.block_end[owner] - f_.block_begin[owner] <= 1 && owner != root_ ? dom_.nodes[owner].parent : owner;
      for (int level = 0; level < kScoreAncestorLevels && a != kNone && a != 0; ++level) {
        if (dom_.nodes[a].tag == Tag::kHtml) break;
        Touch(a);
        const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        score_[a] += points / divider;
        if (a == root_) break;
        a = dom_.nodes[a].parent;
      }
    }
    for (size_t i = 0; i < n; ++i) {
      if (scored_[i]) score_[i] *= 1 - LinkDensity(static_cast<int32_t>(i));
    }
  }

  int32_t PickTop() const {
    int32_t top = kNone;
    for (size_t i = 0; i < dom_.nodes.size(); ++i) {
      if (!scored_[i] || excluded_[i]) continue;
      if (top == kNone || score_[i] > score_[top]) top = static_cast<int32_t>(i);
    }
    if (top == kNone) return root_;
    // Readability: climb while the parent scores higher, since the true
    // container often holds the top paragraph group plus others.
    const double threshold = score_[top] / 3;
    double last = score_[top];
    for (int32_t p = dom_.nodes[top].parent; p != kNone && p != root_ && dom_.nodes[p].tag != Tag::kHtml;
         p = dom_.nodes[p].parent) {
      if (!scored_[p]) continue;
      if (score_[p] < threshold) break;
      if (score_[p] > last) {
        top = p;
        break;
      }
      last = score_[p];
    }
    // An only child adds nothing: use the parent so siblings are visible.
    while (top != root_ && dom_.nodes[top].parent != kNone && dom_.nodes[top].parent != root_ &&
           ElementChildren(dom_.nodes[top].parent) == 1) {
      top = dom_.nodes[top].parent;
    }
    return top;
  }

  int ElementChildren(int32_t i) const {
    int count = 0;
    for (int32_t c = dom_.nodes[i].first_child; c != kNone; c = dom_.nodes[c].next_sibling) {
      if (dom_.nodes[c].tag != Tag::kText) ++count;
    }
    return count;
  }

  std::vector<int32_t> Siblings(int32_t top) const {
    const int32_t parent = dom_.nodes[top].parent;
    if (top == root_ || parent == kNone) return {top};
    const double threshold = std::max(kMinSiblingScore, score_[top] * kSiblingShare);
    const std::string_view top_hint = Hint(top);
    std::vector<int32_t> out;
    for (int32_t s = dom_.nodes[parent].first_child; s != kNone; s = dom_.nodes[s].next_sibling) {
      if (s == top) {
        out.push_back(s);
        continue;
      }
      if (dom_.nodes[s].tag == Tag::kText || excluded_[s]) continue;
      double bonus = 0;
      if (!top_hint.empty() && Hint(s) == top_hint) bonus = score_[top] * kSiblingShare;
      if (scored_[s] && score_[s] + bonus >= threshold) {
        out.push_back(s);
        continue;
      }
      if (dom_.nodes[s].tag == Tag::kP) {
        const int chars = f_.chars[s];
        const double ld = LinkDensity(s);
        if (chars > kLongSiblingChars && ld < kSiblingMaxLinkDensity) {
          out.push_back(s);
        } else if (chars > 0 && chars <= kLongSiblingChars && ld == 0 && EndsSentence(s)) {
          out.push_back(s);
        }
      }
    }
    return out;
  }

  bool EndsSentence(int32_t i) const {
    for (int32_t j = f_.block_begin[i]; j < f_.block_end[i]; ++j) {
      const std::string& t = blocks_[j].text;
      if (t.find(". ") != std::string::npos || (!t.empty() && t.back() == '.')) return true;
    }
    return false;
  }

  // Readability's conditional cleaning, reduced to the evidence we keep:
  // a container with negative class evidence, or link-heavy without
  // positive evidence, is dropped unless it holds a lot of prose.
  bool DropContainer(int32_t i, int32_t container) const {
    if (i == container) return false;
    const Node& n = dom_.nodes[i];
    switch (n.tag) {
      case Tag::kNav: case Tag::kAside: case Tag::kFooter: case Tag::kForm: case Tag::kFieldset:
      case Tag::kFigure: case Tag::kFigcaption: case Tag::kDialog: case Tag::kMenu: case Tag::kLabel:
      case Tag::kLegend: case Tag::kCaption: case Tag::kH1: case Tag::kHeader:
        return true;
      default:
        break;
    }
    if (!flags_.clean_conditionally) return false;
    if (HasHint(i, kHintBody)) return false;
    if (f_.commas[i] >= kProseCommas) return false;
    if (HasHint(i, kHintBoilerplate)) return true;
    if (HasHint(i, kHintDateline) && !DatelineLede(i)) return true;
    if (n.tag == Tag::kUl || n.tag == Tag::kOl || n.tag == Tag::kDiv || n.tag == Tag::kTable ||
        n.tag == Tag::kSection || n.tag == Tag::kOther) {
      if (LinkDensity(i) > kMaxContainerLinkDensity && ClassWeight(i) <= 0) return true;
    }
    return false;
  }

  // A paragraph classed as a dateline that runs on into a sentence of prose
  // (longer than a dateline, ending a sentence, no links) is the lede it
  // opens, not the dateline alone.
  bool DatelineLede(int32_t i) const {
    return dom_.nodes[i].tag == Tag::kP && f_.chars[i] > kLongSiblingChars && LinkDensity(i) == 0 && EndsSentence(i);
  }

  // Keeps the blocks of `container` that are not boilerplate.
  void CollectBlocks(int32_t container, std::vector<int32_t>* kept) const {
    for (int32_t j = f_.block_begin[container]; j < f_.block_end[container]; ++j) {
      if (dom_.nodes[container].tag == Tag::kText) break;
      const Block& b = blocks_[j];
      bool drop = false;
      for (int32_t a = b.owner; a != kNone; a = dom_.nodes[a].parent) {
        if ((excluded_[a] && a != container) || DropContainer(a, container)) {
          drop = true;
          break;
        }
        if (a == container) break;
      }
      if (!drop && b.chars > 0 && static_cast<double>(b.link_chars) / b.chars > kMaxBlockLinkDensity) drop = true;
      if (!drop) kept->push_back(j);
    }
  }

  const Dom& dom_;
  int32_t root_;
  Facts f_;
  std::vector<Block> blocks_;
  std::vector<uint8_t> hint_bits_;  // HintBit set per node
  Flags flags_;
  std::vector<uint8_t> excluded_;
  std::vector<double> score_;
  std::vector<uint8_t> scored_;
};

int KeptChars(const std::vector<Block>& blocks, const std::vector<int32_t>& kept) {
  int n = 0;
  for (int32_t j : kept) n += blocks[j].chars;
  return n;
}

void FillBody(const Dom& dom, const HtmlExtractOptions& options, HtmlPage* page) {
  const int32_t root = dom.body != kNone ? dom.body : 0;
  Extractor ex(dom, root);
  const std::vector<Block>& blocks = ex.blocks();
  std::vector<int32_t> kept;
  if (!options.remove_boilerplate) {
    for (size_t j = 0; j < blocks.size(); ++j) kept.push_back(static_cast<int32_t>(j));
  } else {
    // Readability's retry ladder: each pass relaxes a rule that decides the
    // container until enough text is found; the longest result wins if none
    // is long enough. Conditional cleaning is only given up when nothing at
    // all survives it, so short articles keep their boilerplate filtering.
    constexpr std::array<Flags, 3> kPasses = {Flags{true, true, true}, Flags{false, true, true},
                                              Flags{false, false, true}};
    int best_chars = -1;
    for (const Flags& flags : kPasses) {
      std::vector<int32_t> k = ex.Run(flags);
      const int chars = KeptChars(blocks, k);
      if (chars > best_chars) {
        best_chars = chars;
        kept = std::move(k);
      }
      if (chars >= kMinArticleChars) break;
    }
    if (best_chars < kMinParagraphChars) {
      std::vector<int32_t> k = ex.Run(Flags{false, false, false});
      if (KeptChars(blocks, k) > best_chars) kept = std::move(k);
    }
  }
  std::vector<uint8_t> is_kept(blocks.size(), 0);
  for (int32_t j : kept) is_kept[j] = 1;
  for (size_t j = 0; j < blocks.size(); ++j) {
    if (is_kept[j]) {
      if (!page->text.empty()) page->text += "\n\n";
      page->text += blocks[j].text;
    } else if (page->boilerplate_removed.size() < kMaxBoilerplateBlocks) {
      page->boilerplate_removed.push_back(Truncate(blocks[j].text, kMaxBoilerplateBlockBytes));
    }
  }
}

}  // namespace

Result<HtmlPage> ExtractHtml(std::string_view html_utf8, const HtmlExtractOptions& options) {
  if (html_utf8.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
    return Status::InvalidInput("empty HTML document");
  }
  if (html_utf8.size() > kMaxHtmlBytes) {
    return Status::Unsupported("HTML document of " + std::to_string(html_utf8.size()) +
                               " bytes exceeds the " + std::to_string(kMaxHtmlBytes) + "-byte limit");
  }
  // Only invalid input pays for a repaired copy.
  std::string repaired;
  std::string_view clean = html_utf8;
  if (ValidPrefix(html_utf8) != html_utf8.size()) {
    repaired = ValidUtf8(html_utf8);
    clean = repaired;
  }
  Dom dom;
  if (Status s = html::ParseDom(clean, &dom); !s.ok()) return s;
  HtmlPage page;
  html::FillMetadata(dom, &page);
  FillBody(dom, options, &page);
  html::FillDateFromText(&page);
  return page;
}

}  // namespace storyline
