// HTML brief: one self-contained page (inline CSS, no scripts, no remote
// assets), the same content as the Markdown brief.
//
// Per story: label, span and outlets; the articles; the conflicts, each side
// with its outlets and evidence sentence; the timeline; the quotations with
// each outlet's wording side by side; the other claims, quieter; the entities
// with their aliases. Evidence that merely backs a line up sits in
// <details>, so it shows on demand without a script.
//
// Every string that comes from an article or annotation goes through
// HtmlEscape; links are emitted only for plain http(s) URLs. A
// Content-Security-Policy that forbids scripts backs this up: even a
// rendering bug cannot make the page run code.

#include <string>
#include <vector>

#include "render/render_internal.h"
#include "storyline/render.h"

namespace storyline {
namespace render {
namespace {

// Article::published_source of a date the text's own days suggest: shown
// beside the date, so no reader takes it for one the outlet gave.
constexpr const char* kEstimated = "estimated";

constexpr const char* kHead = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Storyline brief</title>
<style>
:root { --bg: #f6f6f4; --card: #fff; --fg: #1d1d1f; --muted: #5f6368; --line: #dadce0;
  --accent: #1a5fb4; --code: #eef0f2; --quote: #f1f5f9; --mark: #ffe27a; --bad: #b3261e;
  --bad-bg: #fdecea; --ok: #137333; --ok-bg: #e6f4ea; --variant: #7b3fb8; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #121314; --card: #1d1e20; --fg: #e8e8e6; --muted: #a4a7ab; --line: #3a3c40;
    --accent: #8ab4f8; --code: #2a2c30; --quote: #24272d; --mark: #6b5600; --bad: #f2b8b5;
    --bad-bg: #3a1d1c; --ok: #81c995; --ok-bg: #1c3324; --variant: #d0a8f5; }
}
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); margin: 0; overflow-wrap: break-word; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem; }
a { color: var(--accent); }
h1 { margin: 0.5rem 0; font-size: 1.6rem; }
h2 { margin: 0 0 0.3rem; font-size: 1.35rem; line-height: 1.3; }
h3 { margin: 1.4rem 0 0.5rem; font-size: 1.05rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
h4 { margin: 0 0 0.4rem; font-size: 1rem; }
ul, ol { padding-left: 1.2rem; }
li { margin: 0.25rem 0; }
section.story { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 1rem 1.25rem; margin: 1.25rem 0; }
.meta, .how, .src { color: var(--muted); font-size: 0.88rem; }
code { font-size: 0.82rem; background: var(--code); padding: 0 0.25rem; border-radius: 3px; overflow-wrap: anywhere; }
blockquote { margin: 0.4rem 0; padding: 0.35rem 0.8rem; border-left: 4px solid var(--accent); background: var(--quote); border-radius: 0 6px 6px 0; }
mark { background: var(--mark); color: inherit; padding: 0 0.1rem; border-radius: 2px; }
del { color: var(--muted); }
.chips { list-style: none; padding: 0; margin: 0.4rem 0; display: flex; flex-wrap: wrap; gap: 0.35rem; }
.chips li { margin: 0; padding: 0.05rem 0.55rem; border: 1px solid var(--line); border-radius: 999px; font-size: 0.88rem; }
.n { font-weight: 600; }
.badge { display: inline-block; font-size: 0.75rem; padding: 0 0.4rem; border-radius: 4px; background: var(--code); color: var(--muted); vertical-align: middle; }
.badge.conflict { background: var(--bad); color: var(--card); font-weight: 700; }
.badge.agreed { background: var(--ok-bg); color: var(--ok); }
.dup { color: var(--muted); font-style: italic; }
ol.articles { list-style: none; padding: 0; }
ol.articles li { padding: 0.2rem 0; border-bottom: 1px dashed var(--line); }
time { font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
.claim.conflict { border: 1px solid var(--bad); border-left-width: 5px; background: var(--bad-bg); border-radius: 8px; padding: 0.6rem 0.8rem; margin: 0.6rem 0; }
.claim.conflict h4 { color: var(--bad); }
.sides, .variants { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0.6rem; }
.side, .variant { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.7rem; margin: 0; }
.side .value { font-size: 1.25rem; font-weight: 700; margin: 0; }
.side blockquote { border-left-color: var(--bad); }
.variant figcaption { font-weight: 600; font-size: 0.9rem; }
.variant p { margin: 0.3rem 0; }
.quote { margin: 0.6rem 0 1rem; }
.quote blockquote.canonical { font-size: 1.05rem; }
ul.quiet { color: var(--muted); font-size: 0.92rem; }
ul.quiet strong, ul.quiet b { color: var(--fg); }
.variant-alias { color: var(--variant); font-weight: 600; }
ol.timeline { list-style: none; padding: 0; }
ol.timeline li { display: grid; grid-template-columns: 6.5rem 1fr; gap: 0.6rem; padding: 0.3rem 0; border-bottom: 1px dashed var(--line); }
ol.timeline p { margin: 0; }
details { margin: 0.2rem 0; }
summary { cursor: pointer; color: var(--muted); font-size: 0.88rem; }
nav ol { padding-left: 1.4rem; }
@media (max-width: 36rem) {
  main { padding: 0.5rem; }
  section.story { padding: 0.75rem; border-radius: 6px; }
  ol.timeline li { grid-template-columns: 1fr; gap: 0; }
  .claim.conflict { padding: 0.45rem; }
  .side, .variant { padding: 0.4rem 0.5rem; }
  blockquote { padding: 0.3rem 0.55rem; }
}
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

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "Outlet A, Outlet B · a1, a2": who reports something, and where to check it.
std::string Sources(const std::vector<std::string>& ids, const ArticleLookup& lookup) {
  std::string outlets;
  for (const std::string& o : SourceOutlets(ids, lookup)) {
    if (!outlets.empty()) outlets += ", ";
    outlets += o.empty() ? std::string("unknown outlet") : E(o);
  }
  if (outlets.empty()) return IdList(ids);
  return outlets + " &middot; " + IdList(ids);
}

// `evidence` with the first whole-word occurrence of `value` marked.
std::string Evidence(const std::string& evidence, const std::string& value) {
  const size_t at = FindWholeWord(evidence, value);
  if (at == std::string::npos) return E(evidence);
  return E(evidence.substr(0, at)) + "<mark>" + E(evidence.substr(at, value.size())) + "</mark>" +
         E(evidence.substr(at + value.size()));
}

void StoryNav(const Brief& brief, std::string& out) {
  if (brief.stories.size() < 2) return;
  out += "<nav><ol>\n";
  for (const Story& s : brief.stories) {
    const size_t conflicts = ConflictClaims(s).size();
    out += "<li><a href=\"#" + Anchor(s.id) + "\">" + E(s.label) + "</a> <span class=\"meta\">" +
           E(SpanText(s)) + " &middot; " + Plural(s.articles.size(), "article", "articles");
    if (conflicts > 0) {
      out += "</span> <span class=\"badge conflict\">" + Plural(conflicts, "conflict", "conflicts");
    }
    out += "</span></li>\n";
  }
  out += "</ol></nav>\n";
}

void StoryHeader(const Brief& brief, const Story& s, const ArticleLookup& lookup,
                 std::string& out) {
  out += "<section class=\"story\" id=\"" + Anchor(s.id) + "\">\n";
  out += "<h2>" + E(s.label) + "</h2>\n";
  const std::vector<OutletCount> outlets = OutletCounts(s, lookup);
  out += "<p class=\"meta\"><time>" + E(SpanText(s)) + "</time> &middot; " +
         Plural(s.articles.size(), "article", "articles") + OutletsPhrase(outlets) +
         " &middot; " + Code(s.id) + "</p>\n";
  out += "<ul class=\"chips\">\n";
  for (const OutletCount& c : outlets) {
    out += "<li>" + (c.outlet.empty() ? std::string("unknown outlet") : E(c.outlet)) +
           " <span class=\"n\">" + std::to_string(c.articles) + "</span>";
    if (c.duplicates > 0) out += " <span class=\"dup\">(" + std::to_string(c.duplicates) + " dup.)</span>";
    out += "</li>\n";
  }
  out += "</ul>\n";
  if (s.related_stories.empty()) return;
  out += "<p class=\"meta\">Related stories: ";
  for (size_t i = 0; i < s.related_stories.size(); ++i) {
    const std::string& id = s.related_stories[i];
    if (i > 0) out += "; ";
    const Story* r = FindStory(brief, id);
    out += "<a href=\"#" + Anchor(id) + "\">" + (r != nullptr ? E(r->label) : Code(id)) + "</a>";
    if (r != nullptr) out += " (" + E(SpanText(*r)) + ")";
  }
  out += "</p>\n";
}

void Articles(const Story& s, const ArticleLookup& lookup, std::string& out) {
  out += "<h3>Articles</h3>\n<ol class=\"articles\">\n";
  for (const std::string& id : s.articles) {
    const Article* a = lookup.Find(id);
    out += "<li><time>" + E(a != nullptr && !a->published.empty() ? a->published : "undated") +
           (a != nullptr && !a->published.empty() && a->published_source == kEstimated ? " (estimated)" : "") +
           "</time> ";
    if (a != nullptr && !a->outlet.empty()) out += "<span class=\"n\">" + E(a->outlet) + "</span> &middot; ";
    out += Link(a == nullptr ? "" : a->url, ArticleTitle(id, lookup)) + " " + Code(id);
    if (const DuplicateArticle* d = DuplicateEntry(s, id)) {
      out += " <span class=\"dup\">near-duplicate of " + Code(d->duplicate_of);
      if (d->similarity > 0) {
        out += ", " + PercentText(d->similarity) + " alike";
      }
      out += "</span>";
    }
    out += "</li>\n";
  }
  out += "</ol>\n";
}

void Conflicts(const Story& s, const ArticleLookup& lookup, std::string& out) {
  const std::vector<const Claim*> conflicts = ConflictClaims(s);
  if (conflicts.empty()) return;
  out += "<h3>Where the accounts disagree <span class=\"badge conflict\">" +
         std::to_string(conflicts.size()) + "</span></h3>\n";
  for (const Claim* c : conflicts) {
    out += "<div class=\"claim conflict\">\n<h4>" + E(ClaimSubjectLabel(*c)) + " &mdash; " +
           E(c->attribute) + " <span class=\"badge conflict\">" + E(c->status) + "</span></h4>\n";
    out += "<div class=\"sides\">\n";
    for (const ClaimValue& v : c->values) {
      out += "<div class=\"side\"><p class=\"value\">" + E(v.value) + "</p><p class=\"src\">" +
             Sources(v.articles, lookup) + "</p>";
      if (!v.evidence.empty()) out += "<blockquote>" + Evidence(v.evidence, v.value) + "</blockquote>";
      out += "</div>\n";
    }
    out += "</div>\n</div>\n";
  }
}

void Timeline(const Story& s, const ArticleLookup& lookup, std::string& out) {
  if (s.timeline.empty()) return;
  out += "<h3>Timeline</h3>\n<ol class=\"timeline\">\n";
  for (const TimelineEntry& t : s.timeline) {
    out += "<li><time>" + E(t.date) + "</time><div><p>" + E(t.text) + "</p><p class=\"src\">" +
           Sources(t.articles, lookup) + "</p>";
    if (!t.evidence.empty() && OneLine(t.evidence) != OneLine(t.text)) {
      out += "<details><summary>Evidence</summary><blockquote>" + E(t.evidence) +
             "</blockquote></details>";
    }
    out += "</div></li>\n";
  }
  out += "</ol>\n";
}

// One occurrence's exact wording, words the canonical text lacks marked and
// canonical words it leaves out struck through.
std::string Wording(const BriefQuote& q, const QuoteOccurrence& o) {
  std::string out;
  bool in_mark = false;  // consecutive added words share one <mark>
  for (const DiffPiece& p : DiffWords(q.text, o.text)) {
    const bool added = p.kind == DiffKind::kAdded;
    if (in_mark && !added) {
      out += "</mark>";
      in_mark = false;
    }
    if (!out.empty()) out += E(p.space_before);
    if (added && !in_mark) {
      out += "<mark>";
      in_mark = true;
    }
    if (p.kind == DiffKind::kDropped) {
      out += "<del title=\"not in this wording\">" + E(p.text) + "</del>";
    } else {
      out += E(p.text);
    }
  }
  if (in_mark) out += "</mark>";
  return out;
}

std::string How(const QuoteOccurrence& o) {
  std::string how;
  for (const std::string* part : {&o.cue, &o.kind, &o.medium}) {
    if (part->empty()) continue;
    if (!how.empty()) how += " &middot; ";
    how += E(*part);
  }
  return how;
}

void Quote(const BriefQuote& q, const ArticleLookup& lookup, std::string& out) {
  std::vector<std::string> ids;
  for (const QuoteOccurrence& o : q.occurrences) ids.push_back(o.article);
  out += "<div class=\"quote\">\n<p><strong>" +
         (q.speaker_name.empty() ? std::string("Unknown speaker") : E(q.speaker_name)) +
         "</strong>";
  if (!q.speaker.empty()) out += " " + Code(q.speaker);
  out += " <span class=\"meta\">&middot; " + Code(q.id);
  if (q.occurrences.size() > 1) {
    const size_t outlets = OutletsOf(ids, lookup).size();
    out += " &middot; " + Plural(q.occurrences.size(), "wording", "wordings");
    if (outlets > 0) out += " from " + Plural(outlets, "outlet", "outlets");
  }
  out += "</span></p>\n<blockquote class=\"canonical\">" + E(q.text) + "</blockquote>\n";
  if (q.occurrences.size() == 1) {
    const QuoteOccurrence& o = q.occurrences[0];
    out += "<p class=\"src\">" + Sources({o.article}, lookup);
    const std::string how = How(o);
    if (!how.empty()) out += " &middot; " + how;
    if (o.text != q.text) out += "<br>&ldquo;" + Wording(q, o) + "&rdquo;";
    out += "</p>\n</div>\n";
    return;
  }
  out += "<div class=\"variants\">\n";
  for (const QuoteOccurrence& o : q.occurrences) {
    const std::string outlet = ArticleOutlet(o.article, lookup);
    out += "<figure class=\"variant\"><figcaption>" +
           (outlet.empty() ? std::string("unknown outlet") : E(outlet)) + " " + Code(o.article) +
           "</figcaption><p>&ldquo;" + Wording(q, o) + "&rdquo;</p>";
    const std::string how = How(o);
    if (!how.empty()) out += "<p class=\"how\">" + how + "</p>";
    out += "</figure>\n";
  }
  out += "</div>\n</div>\n";
}

void Quotes(const Story& s, const ArticleLookup& lookup, std::string& out) {
  if (s.quotes.empty()) return;
  out += "<h3>Quotations</h3>\n";
  const std::vector<const BriefQuote*> quotes = QuotesForDisplay(s, lookup);
  if (quotes.front()->occurrences.size() > 1) {
    out += "<p class=\"meta\">Canonical wording first, then each outlet&#39;s exact wording: "
           "<mark>marked</mark> words differ from the canonical wording, "
           "<del>struck</del> words are left out.</p>\n";
  }
  for (const BriefQuote* q : quotes) Quote(*q, lookup, out);
}

void OtherClaimsList(const Story& s, const ArticleLookup& lookup, std::string& out) {
  const std::vector<const Claim*> claims = OtherClaims(s);
  if (claims.empty()) return;
  out += "<h3>Other claims</h3>\n<ul class=\"quiet\">\n";
  for (const Claim* c : claims) {
    const char* badge = c->status == "agreed" ? "badge agreed" : "badge";
    out += "<li><strong>" + E(ClaimSubjectLabel(*c)) + "</strong> &mdash; " + E(c->attribute) +
           " <span class=\"" + badge + "\">" + E(c->status) + "</span>";
    for (const ClaimValue& v : c->values) {
      out += "<br><b>" + E(v.value) + "</b> &middot; " + Sources(v.articles, lookup);
      if (!v.evidence.empty()) {
        out += "<details><summary>Evidence</summary><blockquote>" + Evidence(v.evidence, v.value) +
               "</blockquote></details>";
      }
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
           "</span> <span class=\"meta\">" + Plural(e.mentions, "mention", "mentions") + " in " +
           Plural(e.articles.size(), "article", "articles") + " &middot; " + Code(e.id) + "</span>";
    std::string variants, others;
    for (const AliasView& a : OtherAliases(e)) {
      std::string& list = a.kind == AliasKind::kVariant ? variants : others;
      if (!list.empty()) list += ", ";
      list += a.kind == AliasKind::kVariant ? "<span class=\"variant-alias\">" + E(a.alias) + "</span>"
                                            : E(a.alias);
    }
    if (!variants.empty()) out += "<br>Variants: " + variants;
    if (!others.empty()) out += "<br><span class=\"meta\">Also: " + others + "</span>";
    out += "</li>\n";
  }
  out += "</ul>\n";
}

void ArticleSection(const Article& a, std::string& out) {
  out += "<section class=\"article\">\n<h3>" + Link(a.url, a.title.empty() ? a.id : a.title) +
         "</h3>\n<p class=\"meta\">" + Code(a.id);
  if (!a.outlet.empty()) out += " &middot; " + E(a.outlet);
  if (!a.published.empty()) {
    out += " &middot; " + E(a.published) + (a.published_source == kEstimated ? " (estimated)" : "");
  }
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
  out += "<h1>Storyline brief</h1>\n<p class=\"meta\">" +
         Plural(brief.articles.size(), "article", "articles") + ", " +
         Plural(brief.stories.size(), "story", "stories") + ".</p>\n";
  StoryNav(brief, out);
  for (const Story& s : brief.stories) {
    StoryHeader(brief, s, lookup, out);
    Articles(s, lookup, out);
    Conflicts(s, lookup, out);
    Timeline(s, lookup, out);
    Quotes(s, lookup, out);
    OtherClaimsList(s, lookup, out);
    Entities(s, out);
    out += "</section>\n";
  }
  if (!brief.articles.empty()) {
    out += "<h2>Articles and what cleaning removed</h2>\n";
    for (const Article& a : brief.articles) ArticleSection(a, out);
  }
  out += kFoot;
  return out;
}

}  // namespace render
}  // namespace storyline
