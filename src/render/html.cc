// HTML brief: one self-contained page (inline CSS, no scripts, no remote
// assets), the same content as the Markdown brief.
//
// Every string that comes from an article or annotation goes through
// HtmlEscape; links are emitted only for plain http(s) URLs. A
// Content-Security-Policy that forbids scripts backs this up: even a
// rendering bug cannot make the page run code.

#include <string>

#include "render/render_internal.h"
#include "storyline/render.h"

namespace storyline {
namespace render {
namespace {

constexpr const char* kHead = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Storyline brief</title>
<style>
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; background: #fafafa; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { margin-top: 0; }
section.story { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 1rem 1.5rem; margin: 1.5rem 0; }
.meta { color: #555; font-size: 0.9rem; }
code { font-size: 0.85rem; background: #f0f0f0; padding: 0 0.2rem; border-radius: 3px; }
blockquote { margin: 0.5rem 0; padding: 0.3rem 0.8rem; border-left: 4px solid #8ab; background: #f4f8fa; }
ul.variants { margin-top: 0.2rem; }
.badge { display: inline-block; font-size: 0.8rem; padding: 0 0.4rem; border-radius: 4px; background: #e8e8e8; }
li.conflict { background: #fff1f0; border-left: 4px solid #d93025; padding-left: 0.5rem; }
.badge.conflict { background: #d93025; color: #fff; font-weight: bold; }
.badge.agreed { background: #d6f5dd; }
details { margin: 0.3rem 0 1rem; }
summary { cursor: pointer; color: #555; }
</style>
</head>
<body>
<main>
)";

constexpr const char* kFoot = "</main>\n</body>\n</html>\n";

std::string E(const std::string& s) { return HtmlEscape(s); }

std::string Code(const std::string& s) { return "<code>" + E(s) + "</code>"; }

std::string IdList(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += ", ";
    out += Code(id);
  }
  return out;
}

std::string Link(const std::string& url, const std::string& text) {
  if (!IsSafeHttpUrl(url)) return E(text);
  return "<a href=\"" + E(url) + "\" rel=\"noopener noreferrer\">" + E(text) + "</a>";
}

// In-page anchor for a story id: only [A-Za-z0-9_-], so it needs no escaping.
std::string Anchor(const std::string& id) {
  std::string out = "story-";
  for (char ch : id) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
    out.push_back(ok ? ch : '_');
  }
  return out;
}

void StoryHeader(const Story& s, size_t number, const ArticleLookup& lookup,
                 std::string& out) {
  out += "<section class=\"story\" id=\"" + Anchor(s.id) + "\">\n";
  out += "<h2>" + std::to_string(number) + ". " + E(s.label) + "</h2>\n";
  out += "<p class=\"meta\">" + Code(s.id) + " &middot; " + E(SpanText(s)) + " &middot; " +
         std::to_string(s.articles.size()) + " articles";
  std::string outlets;
  for (const std::string& o : StoryOutlets(s, lookup)) {
    if (!outlets.empty()) outlets += ", ";
    outlets += E(o);
  }
  if (!outlets.empty()) out += " &middot; " + outlets;
  out += "</p>\n";
  if (!s.related_stories.empty()) {
    out += "<p class=\"meta\">Related stories: ";
    for (size_t i = 0; i < s.related_stories.size(); ++i) {
      if (i > 0) out += ", ";
      out += "<a href=\"#" + Anchor(s.related_stories[i]) + "\">" + Code(s.related_stories[i]) + "</a>";
    }
    out += "</p>\n";
  }
  out += "<h3>Articles</h3>\n<ul>\n";
  for (const std::string& id : s.articles) {
    const Article* a = lookup.Find(id);
    out += "<li>";
    if (a != nullptr && !a->published.empty()) out += E(a->published) + " &middot; ";
    out += "<strong>" + Link(a == nullptr ? "" : a->url, ArticleTitle(id, lookup)) + "</strong>";
    if (a != nullptr && !a->outlet.empty()) out += " &mdash; " + E(a->outlet);
    out += ' ';
    out += Code(id);
    if (const DuplicateArticle* d = DuplicateEntry(s, id)) {
      out += " &middot; near-duplicate of " + Code(d->duplicate_of);
    }
    out += "</li>\n";
  }
  out += "</ul>\n";
}

void Entities(const Story& s, std::string& out) {
  if (s.entities.empty()) return;
  out += "<h3>Entities</h3>\n<ul>\n";
  for (const BriefEntity& e : s.entities) {
    out += "<li><strong>" + E(e.name) + "</strong> <span class=\"badge\">" + E(e.type) +
           "</span> " + Code(e.id) + " &mdash; " + std::to_string(e.mentions) + " mentions in " +
           std::to_string(e.articles.size()) + " articles";
    std::string others;
    for (const std::string& alias : e.aliases) {
      if (alias == e.name) continue;
      if (!others.empty()) others += ", ";
      others += E(alias);
    }
    if (!others.empty()) out += "; also: " + others;
    out += "</li>\n";
  }
  out += "</ul>\n";
}

void Quotes(const Story& s, const ArticleLookup& lookup, std::string& out) {
  if (s.quotes.empty()) return;
  out += "<h3>Quotes</h3>\n<ul>\n";
  for (const BriefQuote& q : s.quotes) {
    out += "<li>" + Code(q.id) + " <strong>" +
           (q.speaker_name.empty() ? std::string("unknown speaker") : E(q.speaker_name)) +
           "</strong>";
    if (!q.speaker.empty()) out += " " + Code(q.speaker);
    out += "\n<blockquote>" + E(q.text) + "</blockquote>\n<ul class=\"variants\">\n";
    for (const QuoteOccurrence& o : q.occurrences) {
      const std::string outlet = ArticleOutlet(o.article, lookup);
      std::string how;
      for (const std::string* part : {&o.cue, &o.kind, &o.medium}) {
        if (part->empty()) continue;
        if (!how.empty()) how += ", ";
        how += E(*part);
      }
      out += "<li>";
      if (!outlet.empty()) out += E(outlet) + " ";
      out += Code(o.article);
      if (!how.empty()) out += " (" + how + ")";
      out += ": &ldquo;" + E(o.text) + "&rdquo;</li>\n";
    }
    out += "</ul></li>\n";
  }
  out += "</ul>\n";
}

void Timeline(const Story& s, std::string& out) {
  if (s.timeline.empty()) return;
  out += "<h3>Timeline</h3>\n<ul>\n";
  for (const TimelineEntry& t : s.timeline) {
    out += "<li><strong>" + E(t.date) + "</strong> &mdash; " + E(t.text) + " (" +
           IdList(t.articles) + ")";
    if (!t.evidence.empty() && OneLine(t.evidence) != OneLine(t.text)) {
      out += "<blockquote>" + E(t.evidence) + "</blockquote>";
    }
    out += "</li>\n";
  }
  out += "</ul>\n";
}

void Claims(const Story& s, std::string& out) {
  if (s.claims.empty()) return;
  out += "<h3>Claims</h3>\n<ul>\n";
  for (const Claim& c : s.claims) {
    const bool conflict = c.status == "conflict";
    out += std::string(conflict ? "<li class=\"conflict\">" : "<li>") + "<strong>" +
           E(c.subject_name) + "</strong> &mdash; " + E(c.attribute) + " <span class=\"badge " +
           (conflict ? "conflict" : c.status == "agreed" ? "agreed" : "single") + "\">" +
           E(c.status) + "</span>\n<ul>\n";
    for (const ClaimValue& v : c.values) {
      out += "<li>" + Code(v.value) + " (" + IdList(v.articles) + ")";
      if (!v.evidence.empty()) out += ": &ldquo;" + E(v.evidence) + "&rdquo;";
      out += "</li>\n";
    }
    out += "</ul></li>\n";
  }
  out += "</ul>\n";
}

void ArticleSection(const Article& a, std::string& out) {
  out += "<section class=\"article\">\n<h3>" + Link(a.url, a.title.empty() ? a.id : a.title) +
         "</h3>\n<p class=\"meta\">" + Code(a.id);
  if (!a.outlet.empty()) out += " &middot; " + E(a.outlet);
  if (!a.published.empty()) out += " &middot; " + E(a.published);
  if (!a.author.empty()) out += " &middot; by " + E(a.author);
  out += "</p>\n";
  if (a.boilerplate_removed.empty()) {
    out += "<p class=\"meta\">Boilerplate removed: none</p>\n</section>\n";
    return;
  }
  out += "<details><summary>Boilerplate removed (" +
         std::to_string(a.boilerplate_removed.size()) + ")</summary>\n<ul>\n";
  for (const std::string& b : a.boilerplate_removed) out += "<li>" + E(b) + "</li>\n";
  out += "</ul>\n</details>\n</section>\n";
}

}  // namespace

std::string BriefToHtml(const Brief& brief) {
  const ArticleLookup lookup(brief);
  std::string out = kHead;
  out += "<h1>Storyline brief</h1>\n<p class=\"meta\">" + std::to_string(brief.articles.size()) +
         " articles, " + std::to_string(brief.stories.size()) + " stories.</p>\n";
  for (size_t i = 0; i < brief.stories.size(); ++i) {
    const Story& s = brief.stories[i];
    StoryHeader(s, i + 1, lookup, out);
    Entities(s, out);
    Quotes(s, lookup, out);
    Timeline(s, out);
    Claims(s, out);
    out += "</section>\n";
  }
  if (!brief.articles.empty()) {
    out += "<h2>Articles</h2>\n";
    for (const Article& a : brief.articles) ArticleSection(a, out);
  }
  out += kFoot;
  return out;
}

}  // namespace render
}  // namespace storyline
