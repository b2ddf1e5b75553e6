// Markdown brief: for reading in a terminal, an editor or a Git forge.
//
// Article-derived text is put on one line and backslash-escaped wherever
// CommonMark would read it as markup (emphasis, links, raw HTML, headings,
// list markers), so a hostile title cannot inject HTML or restructure the
// document. The text stays readable: only markup characters get a backslash.

#include <algorithm>
#include <string>
#include <string_view>

#include "render/render_internal.h"
#include "storyline/render.h"

namespace storyline {
namespace render {
namespace {

// ASCII punctuation that CommonMark or GFM treats as markup inside a line.
constexpr std::string_view kInlineMarkup = "\\`*_[]<>#|~&";

bool IsDigit(char ch) { return ch >= '0' && ch <= '9'; }

std::string Md(const std::string& raw) {
  const std::string s = OneLine(raw);
  std::string out;
  out.reserve(s.size() + 8);
  // At the start of a line "-", "+", "=" or "1." would open a list or
  // underline a heading; escape that first marker.
  size_t digits = 0;
  while (digits < s.size() && IsDigit(s[digits])) ++digits;
  const bool ordered_marker =
      digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')');
  for (size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    const bool leading_marker =
        (i == 0 && (ch == '-' || ch == '+' || ch == '=')) || (ordered_marker && i == digits);
    if (leading_marker || kInlineMarkup.find(ch) != std::string_view::npos) out.push_back('\\');
    out.push_back(ch);
  }
  return out;
}

// An inline code span holding `raw` verbatim, whatever backticks it contains.
std::string MdCode(const std::string& raw) {
  const std::string s = OneLine(raw);
  size_t longest = 0, run = 0;
  for (char ch : s) {
    run = ch == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !s.empty() && (s.front() == '`' || s.back() == '`');
  return fence + (pad ? " " : "") + s + (pad ? " " : "") + fence;
}

std::string IdList(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += ", ";
    out += MdCode(id);
  }
  return out;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += ", ";
    out += Md(s);
  }
  return out;
}

void StoryHeader(const Story& s, size_t number, const ArticleLookup& lookup,
                 std::string& out) {
  out += "## " + std::to_string(number) + ". " + Md(s.label) + "\n\n";
  out += "- **Story:** " + MdCode(s.id) + "\n";
  out += "- **Span:** " + Md(SpanText(s)) + "\n";
  out += "- **Articles:** " + std::to_string(s.articles.size()) + "\n";
  const std::vector<std::string> outlets = StoryOutlets(s, lookup);
  if (!outlets.empty()) out += "- **Outlets:** " + Joined(outlets) + "\n";
  if (!s.related_stories.empty()) out += "- **Related stories:** " + IdList(s.related_stories) + "\n";
  out += "\n### Articles\n\n";
  for (const std::string& id : s.articles) {
    const Article* a = lookup.Find(id);
    std::string line = "- ";
    if (a != nullptr && !a->published.empty()) line += Md(a->published) + " \xC2\xB7 ";
    line += "**" + Md(ArticleTitle(id, lookup)) + "**";
    if (a != nullptr && !a->outlet.empty()) line += " \xE2\x80\x94 " + Md(a->outlet);
    line += " (" + MdCode(id) + ")";
    if (const DuplicateArticle* d = DuplicateEntry(s, id)) {
      line += " \xE2\x80\x94 near-duplicate of " + MdCode(d->duplicate_of);
    }
    if (a != nullptr && IsSafeHttpUrl(a->url)) line += " <" + a->url + ">";
    out += line + "\n";
  }
}

void Entities(const Story& s, std::string& out) {
  if (s.entities.empty()) return;
  out += "\n### Entities\n\n";
  for (const BriefEntity& e : s.entities) {
    out += "- **" + Md(e.name) + "** (" + Md(e.type) + ", " + MdCode(e.id) + ") \xE2\x80\x94 " +
           std::to_string(e.mentions) + " mentions in " + std::to_string(e.articles.size()) +
           " articles";
    std::vector<std::string> others;
    for (const std::string& alias : e.aliases) {
      if (alias != e.name) others.push_back(alias);
    }
    if (!others.empty()) out += "; also: " + Joined(others);
    out += "\n";
  }
}

void Quotes(const Story& s, const ArticleLookup& lookup, std::string& out) {
  if (s.quotes.empty()) return;
  out += "\n### Quotes\n\n";
  for (const BriefQuote& q : s.quotes) {
    std::string who = q.speaker_name.empty() ? "unknown speaker" : Md(q.speaker_name);
    if (!q.speaker.empty()) who += " (" + MdCode(q.speaker) + ")";
    out += "- " + MdCode(q.id) + " **" + who + "**\n\n";
    out += "  > " + Md(q.text) + "\n\n";
    // Each outlet's wording side by side, so variants can be compared.
    for (const QuoteOccurrence& o : q.occurrences) {
      std::string where = Md(ArticleOutlet(o.article, lookup));
      if (!where.empty()) where += ' ';
      where += MdCode(o.article);
      std::string how;
      for (const std::string* part : {&o.cue, &o.kind, &o.medium}) {
        if (part->empty()) continue;
        if (!how.empty()) how += ", ";
        how += Md(*part);
      }
      out += "  - " + where;
      if (!how.empty()) out += " (" + how + ")";
      out += ": \xE2\x80\x9C" + Md(o.text) + "\xE2\x80\x9D\n";
    }
    out += "\n";
  }
}

void Timeline(const Story& s, std::string& out) {
  if (s.timeline.empty()) return;
  out += "\n### Timeline\n\n";
  for (const TimelineEntry& t : s.timeline) {
    out += "- **" + Md(t.date) + "** \xE2\x80\x94 " + Md(t.text) + " (" + IdList(t.articles) + ")\n";
    if (!t.evidence.empty() && OneLine(t.evidence) != OneLine(t.text)) {
      out += "  > " + Md(t.evidence) + "\n";
    }
  }
}

void Claims(const Story& s, std::string& out) {
  if (s.claims.empty()) return;
  out += "\n### Claims\n\n";
  for (const Claim& c : s.claims) {
    const bool conflict = c.status == "conflict";
    out += "- **" + Md(c.subject_name) + "** \xE2\x80\x94 " + Md(c.attribute) + ": " +
           (conflict ? "**\xE2\x9A\xA0 CONFLICT**" : Md(c.status)) + "\n";
    for (const ClaimValue& v : c.values) {
      out += "  - " + MdCode(v.value) + " (" + IdList(v.articles) + ")";
      if (!v.evidence.empty()) out += ": \xE2\x80\x9C" + Md(v.evidence) + "\xE2\x80\x9D";
      out += "\n";
    }
  }
}

void ArticleSection(const Article& a, std::string& out) {
  out += "\n### " + Md(a.title.empty() ? a.id : a.title) + "\n\n";
  std::string meta = MdCode(a.id);
  if (!a.outlet.empty()) meta += " \xC2\xB7 " + Md(a.outlet);
  if (!a.published.empty()) meta += " \xC2\xB7 " + Md(a.published);
  if (!a.author.empty()) meta += " \xC2\xB7 by " + Md(a.author);
  if (IsSafeHttpUrl(a.url)) meta += " \xC2\xB7 <" + a.url + ">";
  out += meta + "\n\n";
  if (a.boilerplate_removed.empty()) {
    out += "Boilerplate removed: none\n";
    return;
  }
  out += "<details><summary>Boilerplate removed (" +
         std::to_string(a.boilerplate_removed.size()) + ")</summary>\n\n";
  for (const std::string& b : a.boilerplate_removed) out += "- " + Md(b) + "\n";
  out += "\n</details>\n";
}

}  // namespace

std::string BriefToMarkdown(const Brief& brief) {
  const ArticleLookup lookup(brief);
  std::string out = "# Storyline brief\n\n";
  out += std::to_string(brief.articles.size()) + " articles, " +
         std::to_string(brief.stories.size()) + " stories.\n";
  for (size_t i = 0; i < brief.stories.size(); ++i) {
    const Story& s = brief.stories[i];
    out += "\n";
    StoryHeader(s, i + 1, lookup, out);
    Entities(s, out);
    Quotes(s, lookup, out);
    Timeline(s, out);
    Claims(s, out);
  }
  if (!brief.articles.empty()) {
    out += "\n## Articles\n";
    for (const Article& a : brief.articles) ArticleSection(a, out);
  }
  return out;
}

}  // namespace render
}  // namespace storyline
