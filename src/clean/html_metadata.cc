#include "clean/html_metadata.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace storyline::html {
namespace {

using nlohmann::json;

// schema.org types whose fields describe the article itself.
constexpr std::array<std::string_view, 10> kArticleTypes = {
    "NewsArticle",       "Article",          "BlogPosting",          "ReportageNewsArticle",
    "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle",
    "LiveBlogPosting",   "SocialMediaPosting",
};

// Plausible publication years: outside them a digit run is not a date.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

// A nesting bound for the JSON-LD walk (real pages nest 3-4 levels; this only
// stops pathological input from recursing deeply).
constexpr int kMaxJsonDepth = 16;

bool IsArticleType(const json& type) {
  auto match = [](const json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    for (std::string_view a : kArticleTypes) {
      if (s == a) return true;
    }
    return false;
  };
  if (type.is_array()) {
    for (const json& t : type) {
      if (match(t)) return true;
    }
    return false;
  }
  return match(type);
}

// Finds article objects in a JSON-LD value (arrays and @graph included).
void FindArticles(const json& j, int depth, std::vector<const json*>* out) {
  if (depth > kMaxJsonDepth) return;
  if (j.is_array()) {
    for (const json& e : j) FindArticles(e, depth + 1, out);
    return;
  }
  if (!j.is_object()) return;
  auto type = j.find("@type");
  if (type != j.end() && IsArticleType(*type)) out->push_back(&j);
  auto graph = j.find("@graph");
  if (graph != j.end()) FindArticles(*graph, depth + 1, out);
}

std::string StringField(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  if (it->is_string()) return CollapseWhitespace(it->get_ref<const std::string&>());
  return "";
}

// "name" of an object, or the string itself; arrays join their names.
std::string NameOf(const json& v) {
  if (v.is_string()) return CollapseWhitespace(v.get_ref<const std::string&>());
  if (v.is_object()) return StringField(v, "name");
  if (v.is_array()) {
    std::string out;
    for (const json& e : v) {
      std::string n = NameOf(e);
      if (n.empty()) continue;
      if (!out.empty()) out += ", ";
      out += n;
    }
    return out;
  }
  return "";
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

void FillFromJsonLd(const Dom& dom, HtmlPage* page) {
  for (const std::string& blob : dom.json_ld) {
    const json j = json::parse(blob, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;
    std::vector<const json*> articles;
    FindArticles(j, 0, &articles);
    for (const json* a : articles) {
      SetIfEmpty(&page->title, StringField(*a, "headline"));
      SetIfEmpty(&page->published, NormalizeDate(StringField(*a, "datePublished")));
      if (auto it = a->find("author"); it != a->end()) SetIfEmpty(&page->author, NameOf(*it));
      if (auto it = a->find("publisher"); it != a->end()) SetIfEmpty(&page->outlet, NameOf(*it));
      SetIfEmpty(&page->url, StringField(*a, "url"));
    }
  }
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

std::string FormatDate(int y, int m, int d) {
  return d > 0 ? fmt::format("{:04d}-{:02d}-{:02d}", y, m, d) : fmt::format("{:04d}-{:02d}", y, m);
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
  int y = 0, m = 0, d = 0;
  if (raw.size() >= 8 && ParseInt(raw.substr(0, 8), &y) && (raw.size() == 8 || raw[8] == 'T')) {
    // Basic ISO 8601: YYYYMMDD.
    m = (y / 100) % 100;
    d = y % 100;
    y /= 10000;
  } else {
    if (raw.size() < 7 || !ParseInt(raw.substr(0, 4), &y)) return "";
    const char sep = raw[4];
    if (sep != '-' && sep != '/' && sep != '.') return "";
    if (!ParseInt(raw.substr(5, 2), &m)) return "";
    if (raw.size() >= 10 && raw[7] == sep && ParseInt(raw.substr(8, 2), &d)) {
      if (raw.size() > 10 && std::isdigit(static_cast<unsigned char>(raw[10]))) return "";
    } else if (raw.size() > 7 && std::isdigit(static_cast<unsigned char>(raw[7]))) {
      return "";
    }
  }
  if (y < kMinYear || y > kMaxYear || m < 1 || m > 12 || d < 0 || d > 31) return "";
  return FormatDate(y, m, d);
}

void FillMetadata(const Dom& dom, HtmlPage* page) {
  try {
    FillFromJsonLd(dom, page);
  } catch (const nlohmann::json::exception&) {
    // Malformed JSON-LD is common; the <meta> tags below still apply.
  }
  SetIfEmpty(&page->title, Meta(dom, "og:title"));
  SetIfEmpty(&page->title, Meta(dom, "twitter:title"));
  SetIfEmpty(&page->title, CollapseWhitespace(dom.title));

  for (std::string_view key : {"article:published_time", "og:published_time", "datepublished",
                               "publishdate", "pubdate", "publish-date", "date", "dc.date.issued",
                               "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date"}) {
    SetIfEmpty(&page->published, NormalizeDate(Meta(dom, key)));
  }
  for (const std::string& t : dom.times) SetIfEmpty(&page->published, NormalizeDate(t));

  SetIfEmpty(&page->outlet, Meta(dom, "og:site_name"));
  SetIfEmpty(&page->outlet, Meta(dom, "application-name"));

  std::string og_url = Meta(dom, "og:url");
  if (!og_url.empty()) page->url = og_url;
  if (!dom.canonical.empty() && (og_url.empty())) page->url = CollapseWhitespace(dom.canonical);

  SetIfEmpty(&page->author, Meta(dom, "author"));
  const std::string article_author = Meta(dom, "article:author");
  if (article_author.rfind("http", 0) != 0) SetIfEmpty(&page->author, article_author);
  if (page->authors.empty() && !page->author.empty()) page->authors = {page->author};
  if (!page->published.empty()) page->published_source = "meta";
}

}  // namespace storyline::html
