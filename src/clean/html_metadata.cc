#include "clean/html_metadata.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clean/date_text.h"
#include "core/lexicon.h"  // header-only tables (title kickers, byline words)

namespace storyline::html {
namespace {

using nlohmann::json;

// schema.org types whose fields describe the article itself; other types
// carrying datePublished (WebPage, ClaimReview, ...) rank after them.
constexpr std::array<std::string_view, 13> kArticleTypes = {
    "NewsArticle",         "Article",           "BlogPosting",          "ReportageNewsArticle",
    "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",   "BackgroundNewsArticle",
    "LiveBlogPosting",     "SocialMediaPosting", "MedicalWebPage",      "TechArticle",
    "ScholarlyArticle",
};

// A nesting bound for the JSON-LD walk (real pages nest 3-5 levels; this only
// stops pathological input from recursing deeply).
constexpr int kMaxJsonDepth = 16;
// JSON-LD blocks read per page: pages carry 1-5; a page of hundreds is noise.
constexpr size_t kMaxJsonLdBlocks = 32;

// <meta> keys of a publication date, best first (names lower-cased as the
// DOM keeps them). Found by measurement on eval/metadata and in the
// conventions htmldate and trafilatura read.
constexpr std::string_view kPublishedMetaKeys[] = {
    "article:published_time", "og:article:published_time", "article:published", "article.published",
    "og:published_time",      "published_time",            "datepublished",     "itemprop:datepublished",
    "publishdate",            "publish-date",              "publish_date",      "pubdate",
    "og:pubdate",             "pub_date",                  "publication_date",  "sailthru.date",
    "parsely-pub-date",       "dc.date.issued",            "dcterms.issued",    "dc.date",
    "dcterms.date",           "dcterms.created",           "dc.date.created",   "datecreated",
    "itemprop:datecreated",   "article_date_original",     "published_at",      "og:datepublished",
    "date.release",           "published",                 "date",              "pdate",
    "sn-post-date",           "analyticsattributes.articledate",
};

// Keys of a modification date: a publication date after the latest of them
// is in the future of the page's own evidence.
constexpr std::string_view kModifiedMetaKeys[] = {
    "article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified",
};

// <meta> keys naming the author, best first.
constexpr std::string_view kAuthorMetaKeys[] = {
    "author",         "article:author", "og:article:author", "dc.creator",      "dcterms.creator",
    "parsely-author", "sailthru.author", "author.name",     "article_author", "byl",
};

// Title separators: a site name or section sits on one side of them.
constexpr std::string_view kTitleSeparators[] = {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00BB ",
                                                 " \u00B7 ", " : "};

// Text read around the headline for a byline: dates and names sit within a
// few hundred bytes after it (measured: <= 420 bytes on eval/metadata dev,
// share buttons included); before it, a dateline line at most.
constexpr size_t kBylineAfterBytes = 700;
constexpr size_t kBylineBeforeBytes = 160;
// The body's first bytes a last-resort date is taken from (a dateline).
constexpr size_t kBodyDateBytes = 300;
// A headline longer than this is a paragraph, not a headline.
constexpr size_t kMaxHeadlineBytes = 400;
// Label words read before a date in a byline ("Updated: Nov 19").
constexpr size_t kLabelBytes = 24;
// h1 elements considered: the article's is among the first few.
constexpr int kMaxHeadlines = 6;
// The bytes after a by-word read for names: three long names and their glue.
constexpr size_t kMaxBylineNameBytes = 120;
// A name has 2-5 words ("Mary Clare Jalonick", "Abigail Van Buren").
constexpr size_t kMinNameWords = 2;
constexpr size_t kMaxNameWords = 5;

enum class Origin { kJsonLd, kMeta, kTime, kUrl, kByline, kText };

const char* OriginName(Origin o) {
  switch (o) {
    case Origin::kJsonLd: return "json-ld";
    case Origin::kMeta: return "meta";
    case Origin::kTime: return "time";
    case Origin::kUrl: return "url";
    case Origin::kByline: return "byline";
    case Origin::kText: return "text";
  }
  return "";
}

struct DateCandidate {
  TextDate date;
  Origin origin;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Lower-cased ASCII letters and digits only: "Express.co.uk" -> "expresscouk".
std::string Squash(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out.push_back(static_cast<char>(std::tolower(u)));
    if (u >= 0x80) out.push_back(c);
  }
  return out;
}

std::string Meta(const Dom& dom, std::string_view key) {
  for (const auto& [k, v] : dom.metas) {
    if (k == key) {
      std::string s = CollapseWhitespace(v);
      if (!s.empty()) return s;
    }
  }
  return "";
}

void SetIfEmpty(std::string* field, std::string value) {
  if (field->empty() && !value.empty()) *field = std::move(value);
}

// ---------------------------------------------------------------- JSON-LD

// Parses a JSON-LD block leniently: control characters become spaces,
// comments are skipped, and trailing data or several values in a row are
// read one value at a time. Never throws.
std::vector<json> ParseJsonLd(std::string blob) {
  // Control characters inside strings (raw newlines, tabs) become spaces;
  // outside strings they are whitespace already (and end // comments).
  bool quoted = false;
  for (size_t i = 0; i < blob.size(); ++i) {
    if (quoted && blob[i] == '\\') {
      ++i;
    } else if (blob[i] == '"') {
      quoted = !quoted;
    } else if (quoted && static_cast<unsigned char>(blob[i]) < 0x20) {
      blob[i] = ' ';
    }
  }
  std::vector<json> out;
  json whole = json::parse(blob, nullptr, false, /*ignore_comments=*/true);
  if (!whole.is_discarded()) {
    out.push_back(std::move(whole));
    return out;
  }
  // Split at the ends of top-level values by bracket depth (strings aware).
  int depth = 0;
  bool in_string = false;
  size_t start = std::string::npos;
  for (size_t i = 0; i < blob.size(); ++i) {
    const char c = blob[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = depth > 0;
    } else if (c == '{' || c == '[') {
      if (depth++ == 0) start = i;
    } else if ((c == '}' || c == ']') && depth > 0 && --depth == 0 && start != std::string::npos) {
      json v = json::parse(blob.substr(start, i + 1 - start), nullptr, false, true);
      if (!v.is_discarded()) out.push_back(std::move(v));
      start = std::string::npos;
    }
  }
  return out;
}

bool TypeIn(const json& type, bool (*pred)(std::string_view)) {
  if (type.is_string()) return pred(type.get_ref<const std::string&>());
  if (type.is_array()) {
    for (const json& t : type) {
      if (t.is_string() && pred(t.get_ref<const std::string&>())) return true;
    }
  }
  return false;
}

bool IsArticleTypeName(std::string_view s) {
  return std::find(kArticleTypes.begin(), kArticleTypes.end(), s) != kArticleTypes.end();
}

bool IsOrganizationTypeName(std::string_view s) {
  return s.find("Organization") != std::string_view::npos || s == "Corporation" || s == "WebSite" ||
         s == "Brand";
}

std::string StringField(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it != obj.end() && it->is_string()) return CollapseWhitespace(it->get_ref<const std::string&>());
  return "";
}

// Decodes the HTML entities JSON-LD writers leave in strings ("&#8217;").
std::string DecodeEntities(std::string s) {
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&amp;", "&"}, {"&quot;", "\""}, {"&#039;", "'"}, {"&#39;", "'"}, {"&apos;", "'"},
      {"&lt;", "<"},  {"&gt;", ">"},    {"&nbsp;", " "}, {"&mdash;", "\u2014"}, {"&ndash;", "\u2013"},
  };
  for (const auto& [from, to] : kNamed) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
      s.replace(p, from.size(), to);
    }
  }
  // Numeric references: &#8217; &#x2019;
  for (size_t p = s.find("&#"); p != std::string::npos; p = s.find("&#", p + 1)) {
    const size_t semi = s.find(';', p);
    if (semi == std::string::npos || semi - p > 9) continue;
    const bool hex = s[p + 2] == 'x' || s[p + 2] == 'X';
    char* end = nullptr;
    const std::string digits = s.substr(p + (hex ? 3 : 2), semi - p - (hex ? 3 : 2));
    const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (digits.empty() || *end != '\0' || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
    std::string utf8;
    if (cp < 0x80) {
      utf8 = static_cast<char>(cp);
    } else if (cp < 0x800) {
      utf8 = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    } else if (cp < 0x10000) {
      utf8 = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
              static_cast<char>(0x80 | (cp & 0x3F))};
    } else {
      utf8 = {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
              static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    }
    s.replace(p, semi + 1 - p, utf8);
  }
  return CollapseWhitespace(s);
}

struct AuthorValue {
  std::string name;
  bool person = false;  // from an object typed Person
};

// Author names of a JSON-LD "author" value: strings, Person objects, lists.
void AuthorNames(const json& v, int depth, std::vector<AuthorValue>* out) {
  if (depth > kMaxJsonDepth) return;
  if (v.is_string()) {
    out->push_back({DecodeEntities(v.get_ref<const std::string&>()), false});
  } else if (v.is_array()) {
    for (const json& e : v) AuthorNames(e, depth + 1, out);
  } else if (v.is_object()) {
    auto type = v.find("@type");
    if (type != v.end() && TypeIn(*type, IsOrganizationTypeName)) return;
    const bool person = type != v.end() && TypeIn(*type, [](std::string_view t) { return t == "Person"; });
    std::string name = StringField(v, "name");
    if (!name.empty()) out->push_back({DecodeEntities(name), person});
  }
}

struct JsonLdFacts {
  std::vector<DateCandidate> article_dates;  // from article types
  std::vector<DateCandidate> other_dates;    // from any other type
  std::vector<TextDate> modified;
  std::string headline;
  std::vector<AuthorValue> authors;
  std::string publisher;
  std::string url;
};

void AddJsonDate(const json& obj, const char* key, const TextDateOptions& o, std::vector<DateCandidate>* out) {
  TextDate d;
  const std::string v = StringField(obj, key);
  if (!v.empty() && ParseDateValue(v, o, &d)) out->push_back({d, Origin::kJsonLd});
}

void WalkJsonLd(const json& j, int depth, const TextDateOptions& o, JsonLdFacts* f) {
  if (depth > kMaxJsonDepth) return;
  if (j.is_array()) {
    for (const json& e : j) WalkJsonLd(e, depth + 1, o, f);
    return;
  }
  if (!j.is_object()) return;
  auto type = j.find("@type");
  const bool article = type != j.end() && TypeIn(*type, IsArticleTypeName);
  std::vector<DateCandidate>* dates = article ? &f->article_dates : &f->other_dates;
  AddJsonDate(j, "datePublished", o, dates);
  AddJsonDate(j, "dateCreated", o, dates);
  TextDate m;
  if (ParseDateValue(StringField(j, "dateModified"), o, &m)) f->modified.push_back(m);
  if (article) {
    SetIfEmpty(&f->headline, DecodeEntities(StringField(j, "headline")));
    if (auto it = j.find("author"); it != j.end() && f->authors.empty()) AuthorNames(*it, depth + 1, &f->authors);
    if (auto it = j.find("publisher"); it != j.end() && it->is_object()) {
      SetIfEmpty(&f->publisher, StringField(*it, "name"));
    }
    SetIfEmpty(&f->url, StringField(j, "url"));
  }
  for (const auto& [key, value] : j.items()) {
    if (key == "author" || key == "publisher") continue;
    if (value.is_object() || value.is_array()) WalkJsonLd(value, depth + 1, o, f);
  }
}

JsonLdFacts ReadJsonLd(const Dom& dom, const TextDateOptions& o) {
  JsonLdFacts f;
  size_t blocks = 0;
  for (const std::string& blob : dom.json_ld) {
    if (++blocks > kMaxJsonLdBlocks) break;
    try {
      for (const json& j : ParseJsonLd(blob)) WalkJsonLd(j, 0, o, &f);
    } catch (const nlohmann::json::exception&) {
      // A value of an unexpected type: the other blocks still count.
    }
  }
  return f;
}

// ------------------------------------------------------------ page regions

std::string TextUnder(const Dom& dom, int32_t node) {
  std::string out;
  // Descendants follow their ancestor in `nodes` until the next node whose
  // parent chain does not reach `node`.
  for (size_t i = static_cast<size_t>(node) + 1; i < dom.nodes.size(); ++i) {
    int32_t p = dom.nodes[i].parent;
    while (p != kNone && p > node) p = dom.nodes[p].parent;
    if (p != node) break;
    if (dom.nodes[i].tag == Tag::kText) out += std::string(dom.TextOf(dom.nodes[i])) + " ";
  }
  return CollapseWhitespace(out);
}

// Shares of `a`'s words found in `b` (lower-cased, punctuation dropped).
double WordOverlap(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isalnum(u) || u >= 0x80) {
        cur.push_back(static_cast<char>(std::tolower(u)));
      } else if (!cur.empty()) {
        out.push_back(cur);
        cur.clear();
      }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
  };
  const std::vector<std::string> wa = words(a), wb = words(b);
  if (wa.empty()) return 0;
  size_t hit = 0;
  for (const std::string& w : wa) hit += std::find(wb.begin(), wb.end(), w) != wb.end() ? 1 : 0;
  return static_cast<double>(hit) / wa.size();
}

struct Headline {
  int32_t node = kNone;
  std::string text;
};

// ------------------------------------------------------------------ titles

std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#:"));
  if (rest.substr(0, 4) == "www.") rest.remove_prefix(4);
  return Lower(rest);
}

// Names the site goes by: og:site_name, application-name, the JSON-LD
// publisher, and the host with and without its public suffix.
std::vector<std::string> SiteNames(const Dom& dom, const JsonLdFacts& ld, const std::string& url) {
  std::vector<std::string> out;
  for (const std::string& s : {Meta(dom, "og:site_name"), Meta(dom, "application-name"),
                               Meta(dom, "apple-mobile-web-app-title"), ld.publisher}) {
    if (!Squash(s).empty()) out.push_back(Squash(s));
  }
  const std::string host = HostOf(url);
  if (!host.empty()) {
    out.push_back(Squash(host));
    out.push_back(Squash(host.substr(0, host.find('.'))));
    const size_t last = host.rfind('.');
    const size_t second = last == std::string::npos ? std::string::npos : host.rfind('.', last - 1);
    out.push_back(Squash(host.substr(second == std::string::npos ? 0 : second + 1,
                                     last - (second == std::string::npos ? 0 : second + 1))));
  }
  return out;
}

bool IsSiteName(std::string_view segment, const std::vector<std::string>& sites) {
  const std::string s = Squash(segment);
  if (s.empty()) return false;
  for (const std::string& site : sites) {
    if (site.empty()) continue;
    if (s == site || ("the" + s) == site || s == ("the" + site)) return true;
    // "Los Angeles Times" for host latimes: the host spelled inside.
    if (site.size() >= 4 && s.size() > site.size() && s.find(site) != std::string::npos &&
        s.size() <= site.size() + 8) {
      return true;
    }
  }
  return false;
}

// The host's registrable label: "www.nytimes.com" -> "nytimes",
// "news.bbc.co.uk" -> "bbc" (a two-letter country code after a short label
// such as "co" is skipped).
std::string HostLabel(const std::string& host) {
  std::vector<std::string> labels;
  for (size_t start = 0; start <= host.size();) {
    const size_t dot = host.find('.', start);
    labels.push_back(host.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  if (labels.size() < 2) return labels.empty() ? "" : labels[0];
  size_t i = labels.size() - 2;
  if (labels.back().size() == 2 && labels[i].size() <= 3 && i > 0) --i;  // co.uk, com.br
  return labels[i];
}

// The site's own name spelled with the host's letters: "The New York
// Times" for nytimes, "Los Angeles Times" for latimes: every letter of the
// host label in order, the first letters equal, and the name at most about
// twice as long (a headline that happens to hold the letters is longer).
bool SpellsHost(std::string_view name, const std::string& label) {
  const std::string n = Squash(name);
  std::string l;
  for (char c : label) {
    if (std::isalnum(static_cast<unsigned char>(c))) l += c;
  }
  const size_t start = n.rfind("the", 0) == 0 && l.rfind("the", 0) != 0 ? 3 : 0;
  if (l.size() < 3 || n.size() <= start || n.size() - start > 2 * l.size() + 4) return false;
  size_t at = 0;
  if (n[start] != l[0]) return false;
  for (size_t i = start; i < n.size() && at < l.size(); ++i) {
    if (n[i] == l[at]) ++at;
  }
  return at == l.size();
}

// The outlet: the site's own name from og:site_name, the JSON-LD publisher
// or the app names, cut to its name when it carries a tagline ("Autoracing
// | F1 | Indy" -> "Autoracing", "Remember 80/90 - Memorabilia" ->
// "Remember 80/90": the segment that spells the host, else the first). A
// name that is only the host ("nytimes.com"), or none, gives way to the
// title's segment that spells the host ("... - The New York Times"). ""
// when nothing names it (the caller falls back to the host).
std::string ChooseOutlet(const Dom& dom, const JsonLdFacts& ld, const std::string& url,
                         const std::vector<std::string>& titles) {
  const std::string host = HostOf(url);
  const std::string label = HostLabel(host);
  auto segments = [](const std::string& s) {
    std::vector<std::string> out{s};
    for (std::string_view sep : kTitleSeparators) {
      std::vector<std::string> next;
      for (const std::string& part : out) {
        size_t start = 0;
        for (size_t p = part.find(sep); p != std::string::npos; p = part.find(sep, start)) {
          next.push_back(part.substr(start, p - start));
          start = p + sep.size();
        }
        next.push_back(part.substr(start));
      }
      out = std::move(next);
    }
    std::vector<std::string> kept;
    for (std::string& p : out) {
      p = CollapseWhitespace(p);
      if (!p.empty()) kept.push_back(std::move(p));
    }
    return kept;
  };
  // The bare host or its label written in lower case, as a fallback or a
  // slug writes it ("nytimes.com", "cleveland"); a brand spelled with its
  // capitals ("Sportsnet.ca", "POLYGRAPH.info") is a name.
  auto is_host = [&](const std::string& s) {
    return !host.empty() && (s == host || s == "www." + host || s == label);
  };
  for (std::string name : {Meta(dom, "og:site_name"), ld.publisher, Meta(dom, "application-name"),
                           Meta(dom, "apple-mobile-web-app-title")}) {
    name = CollapseWhitespace(DecodeEntities(name));
    if (name.rfind("http", 0) == 0) name = HostOf(name);
    if (name.rfind("www.", 0) == 0) name.erase(0, 4);
    if (name.empty() || is_host(name)) continue;
    const std::vector<std::string> parts = segments(name);
    if (parts.empty()) continue;
    for (const std::string& p : parts) {
      if (!label.empty() && SpellsHost(p, label)) return p;
    }
    return parts.front();
  }
  // No name of its own (or only a slug): the title's segment that spells
  // the host (never the headline itself: a segment, not the whole title).
  for (const std::string& t : titles) {
    const std::vector<std::string> parts = segments(t);
    if (parts.size() < 2 || label.empty()) continue;
    for (std::string p : {parts.back(), parts.front()}) {
      if (p.rfind("www.", 0) == 0) p.erase(0, 4);
      // The bare host is the caller's fallback; a brand written in lower
      // case ("my6sense") is still a name here.
      if (p != host && SpellsHost(p, label)) return p;
    }
  }
  return "";
}

// Removes a kicker label from the front: "Opinion | X", "Column: X".
std::string StripKicker(std::string title) {
  for (std::string_view sep : {std::string_view(": "), std::string_view(" | "), std::string_view(" - ")}) {
    const size_t p = title.find(sep);
    if (p == std::string::npos || p > 20) continue;
    if (lexicon::In(lexicon::kTitleKickers, Lower(title.substr(0, p)))) return title.substr(p + sep.size());
  }
  return title;
}

// Removes site-name segments from either end of a title.
std::string StripSiteName(std::string title, const std::vector<std::string>& sites) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::string_view sep : kTitleSeparators) {
      const size_t last = title.rfind(sep);
      if (last != std::string::npos && last > 0 && IsSiteName(title.substr(last + sep.size()), sites)) {
        title.resize(last);
        changed = true;
        break;
      }
      const size_t first = title.find(sep);
      if (first != std::string::npos && IsSiteName(title.substr(0, first), sites) &&
          first + sep.size() < title.size()) {
        title.erase(0, first + sep.size());
        changed = true;
        break;
      }
    }
  }
  return title;
}

// The article's headline: the first <h1> that agrees with a metadata title
// (and is not the site's name); otherwise the metadata title itself.
Headline ChooseHeadline(const Dom& dom, const std::vector<std::string>& meta_titles,
                        const std::vector<std::string>& sites) {
  int seen = 0;
  for (size_t i = 0; i < dom.nodes.size() && seen < kMaxHeadlines; ++i) {
    if (dom.nodes[i].tag != Tag::kH1) continue;
    ++seen;
    std::string h = TextUnder(dom, static_cast<int32_t>(i));
    if (h.empty() || h.size() > kMaxHeadlineBytes || IsSiteName(h, sites)) continue;
    for (const std::string& m : meta_titles) {
      // Most of the headline's words in a metadata title, or the reverse
      // (a shortened og:title).
      if (WordOverlap(h, m) >= 0.6 || WordOverlap(m, h) >= 0.8) return {static_cast<int32_t>(i), h};
    }
  }
  return {};
}

// The first <h1> that is not the site's name, for pages with no metadata title.
std::string FirstHeadline(const Dom& dom, const std::vector<std::string>& sites) {
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    if (dom.nodes[i].tag != Tag::kH1) continue;
    std::string h = TextUnder(dom, static_cast<int32_t>(i));
    if (!h.empty() && h.size() <= kMaxHeadlineBytes && !IsSiteName(h, sites)) return h;
  }
  return "";
}

// ----------------------------------------------------------------- bylines

struct Byline {
  std::string text;   // the runs after the headline, joined by " | "
  std::string before; // the runs just before it
};

// Reads the text nodes after the headline element (its own text included:
// a headline holds no date) and just before it; only those nodes are visited.
Byline BylineAround(const Dom& dom, int32_t headline_node) {
  Byline b;
  if (headline_node == kNone) return b;
  for (size_t i = static_cast<size_t>(headline_node) + 1; i < dom.nodes.size() && b.text.size() < kBylineAfterBytes;
       ++i) {
    if (dom.nodes[i].tag != Tag::kText) continue;
    std::string t = CollapseWhitespace(dom.TextOf(dom.nodes[i]));
    if (!t.empty()) b.text += (b.text.empty() ? "" : " | ") + t;
  }
  for (size_t i = static_cast<size_t>(headline_node); i-- > 0 && b.before.size() < kBylineBeforeBytes;) {
    if (dom.nodes[i].tag != Tag::kText) continue;
    std::string t = CollapseWhitespace(dom.TextOf(dom.nodes[i]));
    if (!t.empty()) b.before = t + (b.before.empty() ? "" : " | ") + b.before;
  }
  return b;
}

// The first text node that reads as `title` (for a headline that is no <h1>).
int32_t TitleNode(const Dom& dom, const std::string& title) {
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    const Node& n = dom.nodes[i];
    // Cheap filter first: a node far longer than the title is not it.
    if (n.tag != Tag::kText || n.length > 2 * title.size() + 32 || n.length < title.size() / 2) continue;
    const std::string t = CollapseWhitespace(dom.TextOf(n));
    if (WordOverlap(t, title) >= 0.8 && WordOverlap(title, t) >= 0.8) return static_cast<int32_t>(i);
  }
  return kNone;
}

bool LabelledUpdated(std::string_view text, size_t date_begin) {
  const size_t from = date_begin > kLabelBytes ? date_begin - kLabelBytes : 0;
  const std::string label = Lower(text.substr(from, date_begin - from));
  for (std::string_view w : lexicon::kUpdateLabels) {  // lexicons/update_labels.txt
    if (label.find(w) != std::string::npos) return true;
  }
  return false;
}

// Dates in the byline: unlabelled (or "published") ones first; "updated"
// ones only when nothing else is written there.
std::vector<TextDate> BylineDates(const Byline& b, const TextDateOptions& o) {
  std::vector<TextDate> plain, updated;
  std::vector<TextDate> found;
  FindTextDates(b.text, o, &found);
  for (const TextDate& d : found) (LabelledUpdated(b.text, d.begin) ? updated : plain).push_back(d);
  if (plain.empty() && updated.empty()) {
    found.clear();
    FindTextDates(b.before, o, &found);
    for (const TextDate& d : found) (LabelledUpdated(b.before, d.begin) ? updated : plain).push_back(d);
  }
  return plain.empty() ? updated : plain;
}

// ----------------------------------------------------------------- authors

bool IsUpperStart(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && w.size() > 1) return static_cast<unsigned char>(w[1]) <= 0x9E;  // À-Þ
  if (c == 0xC4 || c == 0xC5) return w.size() > 1 && (static_cast<unsigned char>(w[1]) & 1) == 0;
  if (c == 0xD0 && w.size() > 1) return static_cast<unsigned char>(w[1]) >= 0x81 && static_cast<unsigned char>(w[1]) <= 0xAF;
  return false;
}

// A particle inside a name ("van", "de", "bin"): lexicons/name_particles.txt.
bool IsParticle(std::string_view w) { return lexicon::In(lexicon::kNameParticles, w); }

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// "LISA MASCARO" -> "Lisa Mascaro" (ASCII capitals only); others unchanged.
std::string FixShouting(const std::string& name) {
  bool lower = false;
  for (char c : name) lower = lower || (c >= 'a' && c <= 'z');
  if (lower) return name;
  std::string out = name;
  bool start = true;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c + 32);
    start = c == ' ' || c == '-' || c == '\'';
  }
  return out;
}

bool IsPersonName(const std::string& name, const std::vector<std::string>& sites, size_t min_words) {
  const std::vector<std::string> words = SplitWords(name);
  if (words.size() < min_words || words.size() > kMaxNameWords || IsSiteName(name, sites)) return false;
  for (const std::string& w : words) {
    for (char c : w) {
      if ((c >= '0' && c <= '9') || c == '@' || c == '/' || c == ':' || c == '(' || c == ')') return false;
    }
    if (w.size() == 1 && IsUpperStart(w)) continue;  // an initial without its period
    std::string bare = Lower(w);
    while (!bare.empty() && (bare.back() == '.' || bare.back() == ',')) bare.pop_back();
    if (lexicon::In(lexicon::kStopWords, bare)) return false;
    size_t from = 0;
    while (from <= bare.size()) {  // "Editor-at-large": each hyphen part
      size_t to = bare.find('-', from);
      if (to == std::string::npos) to = bare.size();
      if (lexicon::In(lexicon::kBylineNonNames, bare.substr(from, to - from))) return false;
      from = to + 1;
    }
    if (IsParticle(w)) continue;
    if (!IsUpperStart(w)) return false;
    // A period only after an initial ("Troy L. Smith"), never after a word.
    if (w.back() == '.' && w.size() > 2) return false;
  }
  return true;
}

// Splits a byline into person names: "By Mike Wuerthele and Malcolm Owen",
// "Troy L. Smith, Cleveland.com", "Rachael Link, MS, RD".
// How a byline string is read: structured values are names or nothing;
// free text may run on after the name ("Moritz Bachmann publiziert am").
enum class NameSource { kStructured, kPersonObject, kFreeText };

std::vector<std::string> NamesIn(std::string raw, const std::vector<std::string>& sites,
                                 NameSource source = NameSource::kStructured) {
  std::vector<std::string> out;
  if (raw.rfind("http", 0) == 0) return out;
  raw = CollapseWhitespace(raw);
  for (std::string_view lead : {"analysis by ", "posted by ", "written by ", "reviewed by ", "story by ",
                                "words by ", "by: ", "by ", "von ", "por ", "par ", "di ", "door ", "text: ",
                                "autor: ", "author: ", "текст: "}) {
    if (Lower(raw).rfind(lead, 0) == 0) {
      raw.erase(0, lead.size());
      break;
    }
  }
  // Separators between names (and between a name and its affiliation).
  for (std::string_view sep : {" and ", " & ", " und ", " e ", " y ", " et ", " en ", " i ", ";", "|", "\u00B7",
                               " - ", " \u2014 ", " \u2013 ", ". "}) {
    for (size_t p = raw.find(sep); p != std::string::npos; p = raw.find(sep, p + 1)) {
      // ". " ends a part only after a word, not after an initial ("Y. Lee").
      if (sep == ". " && (p < 2 || raw[p - 2] == ' ')) continue;
      raw.replace(p, sep.size(), ",");
    }
  }
  size_t start = 0;
  while (start <= raw.size()) {
    size_t comma = raw.find(',', start);
    if (comma == std::string::npos) comma = raw.size();
    std::string part = CollapseWhitespace(raw.substr(start, comma - start));
    part = FixShouting(part);
    // A schema.org Person may be named by one word ("Regan"); elsewhere one
    // word is a desk, a brand or an account.
    const size_t min_words = source == NameSource::kPersonObject ? 1 : kMinNameWords;
    if (source == NameSource::kFreeText) {
      // Only a sentence running on in lower case is cut off ("Moritz
      // Bachmann publiziert am"); "European Space Agency" stays whole.
      std::vector<std::string> words = SplitWords(part);
      while (words.size() > min_words && !IsPersonName(part, sites, min_words) && !IsUpperStart(words.back())) {
        words.pop_back();
        part.clear();
        for (const std::string& w : words) part += (part.empty() ? "" : " ") + w;
      }
    }
    if (IsPersonName(part, sites, min_words) &&
        std::none_of(out.begin(), out.end(), [&](const std::string& n) { return Lower(n) == Lower(part); })) {
      out.push_back(part);
    }
    start = comma + 1;
  }
  return out;
}

// Drops an incomplete UTF-8 sequence left at the end of a cut string.
void CutToWholeCharacters(std::string* s) {
  size_t lead = s->size();
  while (lead > 0 && (static_cast<unsigned char>((*s)[lead - 1]) & 0xC0) == 0x80) --lead;
  if (lead == 0) return;
  const auto c = static_cast<unsigned char>((*s)[lead - 1]);
  const size_t want = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (s->size() - (lead - 1) < want) s->resize(lead - 1);
}

// "By X" in the byline text: the names after the first by-word that opens a
// text run ("By | Meg James", "By Ana Swanson"), or after "Posted by" /
// "Written by" anywhere in one.
std::vector<std::string> NamesAfterCue(const std::string& text, const std::vector<std::string>& sites) {
  const std::string lower = Lower(text);
  struct Cue {
    std::string_view word;
    bool run_start;  // must open a text run
  };
  static constexpr Cue kCues[] = {{"posted by ", false}, {"written by ", false}, {"by | ", true},
                                  {"by ", true},         {"von ", false},        {"por ", true},
                                  {"text: ", true},      {"\xD0\xA2\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82: ", true}};
  // The byline's first by-word decides: a staff or agency byline ("By
  // JERUSALEM POST STAFF") names nobody, and later ones belong to the text.
  size_t best = std::string::npos, best_len = 0;
  for (const Cue& cue : kCues) {
    for (size_t p = lower.find(cue.word); p != std::string::npos && p < best; p = lower.find(cue.word, p + 1)) {
      const bool at_run_start = p == 0 || (p >= 2 && lower.compare(p - 2, 2, "| ") == 0);
      const bool at_word_start = p == 0 || lower[p - 1] == ' ';
      if (cue.run_start ? !at_run_start : !at_word_start) continue;
      best = p;
      best_len = cue.word.size();
      break;
    }
  }
  if (best == std::string::npos) return {};
  std::string rest = text.substr(best + best_len, kMaxBylineNameBytes);
  CutToWholeCharacters(&rest);
  // Stop at the first digit (a date) or at the second run separator.
  size_t stop = rest.find_first_of("0123456789");
  const size_t bar = rest.find(" | ");
  const size_t bar2 = bar == std::string::npos ? std::string::npos : rest.find(" | ", bar + 3);
  stop = std::min(stop, bar2);
  return NamesIn(rest.substr(0, stop), sites, NameSource::kFreeText);
}

std::vector<std::string> BylineNames(const Byline& b, const std::vector<std::string>& sites) {
  std::vector<std::string> names = NamesAfterCue(b.text, sites);
  if (names.empty()) names = NamesAfterCue(b.before, sites);
  return names;
}

std::vector<std::string> ChooseAuthors(const Dom& dom, const JsonLdFacts& ld, const Byline& byline,
                                       const std::vector<std::string>& sites) {
  std::vector<std::string> names;
  for (const AuthorValue& a : ld.authors) {
    for (std::string& n : NamesIn(a.name, sites, a.person ? NameSource::kPersonObject : NameSource::kStructured)) {
      if (std::none_of(names.begin(), names.end(), [&](const std::string& x) { return Lower(x) == Lower(n); })) {
        names.push_back(std::move(n));
      }
    }
  }
  if (!names.empty()) return names;
  for (std::string_view key : kAuthorMetaKeys) {
    names = NamesIn(Meta(dom, key), sites);
    if (!names.empty()) return names;
  }
  for (const std::string& t : dom.author_texts) {
    for (std::string& n : NamesIn(t, sites)) {
      if (std::none_of(names.begin(), names.end(), [&](const std::string& x) { return Lower(x) == Lower(n); })) {
        names.push_back(std::move(n));
      }
    }
    // The first author element names the article's authors; later ones are
    // other stories' (a "more from" list).
    if (!names.empty()) return names;
  }
  return BylineNames(byline, sites);
}

// ------------------------------------------------------------------- dates

TextDateOptions DateOptionsFor(const Dom& dom, const std::string& url) {
  TextDateOptions o;
  std::string lang = dom.lang;
  if (lang.empty()) lang = Lower(Meta(dom, "og:locale"));
  if (lang.empty()) lang = Lower(Meta(dom, "content-language"));
  const std::string host = HostOf(url);
  const bool us_host = host.ends_with(".com") || host.ends_with(".us") || host.ends_with(".org");
  // en-US writes 11/18/2019; most others write 18/11/2019.
  if (lang.rfind("en-us", 0) == 0 || lang.rfind("en_us", 0) == 0 || ((lang.empty() || lang == "en") && us_host)) {
    o.order = DayOrder::kMonthFirst;
  }
  return o;
}

long Day(const TextDate& d) { return DayNumber(d.year, d.month, d.day); }

// The publication date, htmldate-style: published over modified, metadata
// over text, the day a local clock wrote over a UTC instant's day, nothing
// after the page's latest modification, nothing before kMinYear.
std::optional<DateCandidate> ChooseDate(const std::vector<DateCandidate>& meta, const std::vector<TextDate>& byline,
                                        const std::optional<TextDate>& url, long latest_modified) {
  std::vector<DateCandidate> ok;
  for (const DateCandidate& c : meta) {
    if (latest_modified == 0 || Day(c.date) <= latest_modified) ok.push_back(c);
  }
  if (ok.empty()) {
    if (!byline.empty()) return DateCandidate{byline.front(), Origin::kByline};
    if (url) return DateCandidate{*url, Origin::kUrl};
    return std::nullopt;
  }
  const DateCandidate best = ok.front();
  // A date without a time, or with the page's own zone, is the local day.
  if (!best.date.has_time || best.date.local_zone) return best;
  // A time of day can move the day across midnight between zones: when the
  // page's own local evidence says the neighbouring day, that day is the one
  // its reader sees.
  for (const TextDate& b : byline) {
    if (Day(b) == Day(best.date)) return best;
  }
  for (const TextDate& b : byline) {
    if (std::labs(Day(b) - Day(best.date)) == 1) return DateCandidate{b, Origin::kByline};
  }
  if (!best.date.utc) return best;
  if (url && std::labs(Day(*url) - Day(best.date)) == 1) return DateCandidate{*url, Origin::kUrl};
  for (const DateCandidate& c : ok) {
    if (!c.date.utc && std::labs(Day(c.date) - Day(best.date)) == 1) return c;
  }
  return best;
}

std::vector<DateCandidate> MetaDates(const Dom& dom, const JsonLdFacts& ld, const TextDateOptions& o,
                                     long* latest_modified) {
  std::vector<DateCandidate> out = ld.article_dates;
  for (std::string_view key : kPublishedMetaKeys) {
    TextDate d;
    for (const auto& [k, v] : dom.metas) {
      if (k == key && ParseDateValue(v, o, &d)) {
        out.push_back({d, Origin::kMeta});
        break;
      }
    }
  }
  out.insert(out.end(), ld.other_dates.begin(), ld.other_dates.end());
  for (const std::string& t : dom.times) {
    TextDate d;
    if (ParseDateValue(t, o, &d)) {
      out.push_back({d, Origin::kTime});
      break;  // the first <time> is the article's; later ones are lists'
    }
  }
  *latest_modified = 0;
  std::vector<TextDate> modified = ld.modified;
  for (std::string_view key : kModifiedMetaKeys) {
    TextDate d;
    if (ParseDateValue(Meta(dom, key), o, &d)) modified.push_back(d);
  }
  for (const TextDate& d : modified) *latest_modified = std::max(*latest_modified, Day(d));
  return out;
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;  // U+00A0 NO-BREAK SPACE
      ++i;
    }
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string NormalizeDate(std::string_view raw) {
  size_t i = 0;
  while (i < raw.size() && std::isspace(static_cast<unsigned char>(raw[i]))) ++i;
  raw.remove_prefix(i);
  TextDate d;
  if (ParseDateValue(raw, {}, &d) && d.begin == 0) return d.Iso();
  // A month alone: "2019-11", "2019/11".
  int y = 0, m = 0;
  if (raw.size() >= 7 && ParseInt(raw.substr(0, 4), &y) && (raw[4] == '-' || raw[4] == '/') &&
      ParseInt(raw.substr(5, 2), &m) && (raw.size() == 7 || !std::isdigit(static_cast<unsigned char>(raw[7]))) &&
      y >= kMinYear && y <= kMaxYear && m >= 1 && m <= 12) {
    return fmt::format("{:04d}-{:02d}", y, m);
  }
  return "";
}

void FillMetadata(const Dom& dom, HtmlPage* page) {
  std::string url = Meta(dom, "og:url");
  if (url.empty()) url = CollapseWhitespace(dom.canonical);
  const TextDateOptions options = DateOptionsFor(dom, url);
  const JsonLdFacts ld = ReadJsonLd(dom, options);
  if (url.empty()) url = ld.url;
  page->url = url;

  // Title.
  const std::vector<std::string> sites = SiteNames(dom, ld, url);
  std::vector<std::string> meta_titles;
  for (const std::string& t : {Meta(dom, "og:title"), ld.headline, Meta(dom, "twitter:title"),
                               CollapseWhitespace(dom.title)}) {
    if (!t.empty()) meta_titles.push_back(DecodeEntities(t));
  }

  // Outlet.
  SetIfEmpty(&page->outlet, ChooseOutlet(dom, ld, url, meta_titles));
  const Headline headline = ChooseHeadline(dom, meta_titles, sites);
  std::string title = headline.text;
  if (title.empty() && !meta_titles.empty()) title = StripSiteName(meta_titles.front(), sites);
  if (title.empty()) title = FirstHeadline(dom, sites);
  page->title = StripKicker(title);

  // Byline region, dates and authors.
  int32_t anchor = headline.node;
  // No <h1> agrees: the headline may be an <h2> or a styled <div>; the first
  // text that reads as the title anchors the byline.
  if (anchor == kNone && !page->title.empty() && page->title.size() <= kMaxHeadlineBytes) {
    anchor = TitleNode(dom, page->title);
  }
  const Byline byline = BylineAround(dom, anchor);
  long latest_modified = 0;
  const std::vector<DateCandidate> meta = MetaDates(dom, ld, options, &latest_modified);
  std::optional<TextDate> url_date;
  if (TextDate d; DateInUrl(url, &d)) url_date = d;
  const std::vector<TextDate> byline_dates = BylineDates(byline, options);
  if (std::optional<DateCandidate> c = ChooseDate(meta, byline_dates, url_date, latest_modified)) {
    page->published = c->date.Iso();
    page->published_source = OriginName(c->origin);
  } else {
    // A month alone from a <time> element ("2022-07") is still worth giving.
    for (const std::string& t : dom.times) {
      if (std::string d = NormalizeDate(t); !d.empty()) {
        page->published = d;
        page->published_source = OriginName(Origin::kTime);
        break;
      }
    }
  }

  page->authors = ChooseAuthors(dom, ld, byline, sites);
  page->author.clear();
  for (const std::string& a : page->authors) page->author += (page->author.empty() ? "" : ", ") + a;
}

void FillDateFromText(HtmlPage* page) {
  if (!page->published.empty()) return;
  std::vector<TextDate> found;
  FindTextDates(std::string_view(page->text).substr(0, std::min(page->text.size(), kBodyDateBytes)),
                DateOptionsFor(Dom{}, page->url), &found);
  if (found.empty()) return;
  page->published = found.front().Iso();
  page->published_source = OriginName(Origin::kText);
}

}  // namespace storyline::html
