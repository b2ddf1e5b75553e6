#include "storyline/render.h"

#include <algorithm>

#include "render/render_internal.h"

namespace storyline {

std::string RenderBrief(const Brief& brief, BriefFormat format) {
  switch (format) {
    case BriefFormat::kJson: return render::BriefToJson(brief);
    case BriefFormat::kMarkdown: return render::BriefToMarkdown(brief);
    case BriefFormat::kHtml: return render::BriefToHtml(brief);
  }
  return render::BriefToJson(brief);
}

std::string HtmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(ch);
    }
  }
  return out;
}

namespace render {

ArticleLookup::ArticleLookup(const Brief& brief) {
  for (const Article& a : brief.articles) by_id_.emplace(a.id, &a);  // first wins
}

const Article* ArticleLookup::Find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

bool IsSafeHttpUrl(const std::string& url) {
  const bool http = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
  if (!http) return false;
  return std::none_of(url.begin(), url.end(), [](char ch) {
    const auto u = static_cast<unsigned char>(ch);
    return u <= 0x20 || u == 0x7F || ch == '"' || ch == '\'' || ch == '<' || ch == '>' ||
           ch == '`' || ch == '\\';
  });
}

std::string SpanText(const Story& story) {
  if (story.span_first.empty() && story.span_last.empty()) return "undated";
  if (story.span_first == story.span_last || story.span_last.empty()) return story.span_first;
  if (story.span_first.empty()) return story.span_last;
  return story.span_first + " \xE2\x80\x93 " + story.span_last;  // U+2013 EN DASH
}

std::string ArticleTitle(const std::string& id, const ArticleLookup& lookup) {
  const Article* a = lookup.Find(id);
  if (a == nullptr || a->title.empty()) return id;
  return a->title;
}

std::string ArticleOutlet(const std::string& id, const ArticleLookup& lookup) {
  const Article* a = lookup.Find(id);
  return a == nullptr ? "" : a->outlet;
}

std::string ClaimSubjectLabel(const Claim& claim) {
  return claim.subject_name.empty() ? "the story" : claim.subject_name;
}

std::string OneLine(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(ch);
  }
  return out;
}

const DuplicateArticle* DuplicateEntry(const Story& story, const std::string& id) {
  for (const DuplicateArticle& d : story.duplicates) {
    if (d.article == id) return &d;
  }
  return nullptr;
}

}  // namespace render

}  // namespace storyline
