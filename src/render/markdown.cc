// Markdown brief: for reading in a terminal, an editor or a Git forge.
//
// Per story, as in the HTML brief: label, span and outlets with their
// article counts; the articles as a table; the conflicts, each side with its
// outlets and evidence sentence; the timeline; the quotations, several
// wordings side by side in a table with what each changes; the other claims;
// the entities with their variant spellings apart from other name forms.
// Exact wordings are printed whole (escaped, never split by markup) so they
// can be searched for and copied.
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

// Article::published_source of a date the text's own days suggest: shown
// beside the date, so no reader takes it for one the outlet gave.
constexpr const char* kEstimated = "estimated";

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

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// A GFM table cell: pipes that Md() left raw (inside code spans) would end
// the cell, so they get the backslash GFM strips again.
std::string Cell(const std::string& md) {
  std::string out;
  out.reserve(md.size());
  for (size_t i = 0; i < md.size(); ++i) {
    if (md[i] == '|' && (i == 0 || md[i - 1] != '\\')) out.push_back('\\');
    out.push_back(md[i]);
  }
  return out;
}

// "Outlet A, Outlet B (`a1`, `a2`)": who reports something, and where to check it.
std::string Sources(const std::vector<std::string>& ids, const ArticleLookup& lookup) {
  std::string outlets;
  for (const std::string& o : SourceOutlets(ids, lookup)) {
    if (!outlets.empty()) outlets += ", ";
    outlets += o.empty() ? std::string("unknown outlet") : Md(o);
  }
  if (outlets.empty()) return IdList(ids);
  return outlets + " (" + IdList(ids) + ")";
}

// `evidence` escaped, with the first whole-word occurrence of `value` in bold.
std::string Evidence(const std::string& evidence, const std::string& value) {
  const std::string line = OneLine(evidence);
  const size_t at = FindWholeWord(line, value);
  if (at == std::string::npos) return Md(line);
  // Md() trims the pieces it is given; the spaces around the value return.
  const std::string before = line.substr(0, at), after = line.substr(at + value.size());
  std::string out = Md(before);
  if (!before.empty() && before.back() == ' ') out += ' ';
  out += "**" + Md(line.substr(at, value.size())) + "**";
  if (!after.empty() && after.front() == ' ') out += ' ';
  return out + Md(after);
}

void StoryHeader(const Brief& brief, const Story& s, size_t number, const ArticleLookup& lookup,
                 std::string& out) {
  out += "## " + std::to_string(number) + ". " + Md(s.label) + "\n\n";
  const std::vector<OutletCount> outlets = OutletCounts(s, lookup);
  out += Md(SpanText(s)) + " \xC2\xB7 " + Plural(s.articles.size(), "article", "articles") +
         OutletsPhrase(outlets) + " \xC2\xB7 story " + MdCode(s.id) + "\n\n";
  std::string counts;
  for (const OutletCount& c : outlets) {
    if (!counts.empty()) counts += ", ";
    counts += (c.outlet.empty() ? std::string("unknown outlet") : Md(c.outlet)) + " (" +
              std::to_string(c.articles);
    if (c.duplicates > 0) counts += ", " + std::to_string(c.duplicates) + " near-duplicate";
    counts += ")";
  }
  out += "**Outlets:** " + counts + "\n";
  if (!s.related_stories.empty()) {
    std::string related;
    for (const std::string& id : s.related_stories) {
      if (!related.empty()) related += "; ";
      const Story* r = FindStory(brief, id);
      related += r == nullptr ? MdCode(id)
                              : Md(r->label) + " (" + MdCode(id) + ", " + Md(SpanText(*r)) + ")";
    }
    out += "\n**Related stories:** " + related + "\n";
  }
}

void Articles(const Story& s, const ArticleLookup& lookup, std::string& out) {
  out += "\n### Articles\n\n| Date | Outlet | Title | Article |\n|---|---|---|---|\n";
  for (const std::string& id : s.articles) {
    const Article* a = lookup.Find(id);
    std::string date = a != nullptr && !a->published.empty() ? Md(a->published) : "undated";
    if (a != nullptr && !a->published.empty() && a->published_source == kEstimated) date += " (estimated)";
    const std::string outlet = a != nullptr ? Md(a->outlet) : "";
    std::string title = Md(ArticleTitle(id, lookup));
    if (a != nullptr && IsSafeHttpUrl(a->url)) title = "[" + title + "](<" + a->url + ">)";
    std::string ref = MdCode(id);
    if (const DuplicateArticle* d = DuplicateEntry(s, id)) {
      ref += " \xC2\xB7 near-duplicate of " + MdCode(d->duplicate_of);
      if (d->similarity > 0) ref += " (" + PercentText(d->similarity) + " alike)";
    }
    out += "| " + Cell(date) + " | " + Cell(outlet) + " | " + Cell(title) + " | " + Cell(ref) +
           " |\n";
  }
}

void Conflicts(const Story& s, const ArticleLookup& lookup, std::string& out) {
  const std::vector<const Claim*> conflicts = ConflictClaims(s);
  if (conflicts.empty()) return;
  out += "\n### \xE2\x9A\xA0 Where the accounts disagree (" + std::to_string(conflicts.size()) +
         ")\n";
  for (const Claim* c : conflicts) {
    out += "\n**CONFLICT: " + Md(ClaimSubjectLabel(*c)) + " \xE2\x80\x94 " + Md(c->attribute) + "**\n\n";
    for (const ClaimValue& v : c->values) {
      out += "- " + MdCode(v.value) + " \xE2\x80\x94 " + Sources(v.articles, lookup) + "\n";
      if (!v.evidence.empty()) out += "  > " + Evidence(v.evidence, v.value) + "\n";
    }
  }
}

void Timeline(const Story& s, const ArticleLookup& lookup, std::string& out) {
  if (s.timeline.empty()) return;
  out += "\n### Timeline\n\n";
  for (const TimelineEntry& t : s.timeline) {
    out += "- **" + Md(t.date) + "** \xE2\x80\x94 " + Md(t.text) + " \xE2\x80\x94 " +
           Sources(t.articles, lookup) + "\n";
    if (!t.evidence.empty() && OneLine(t.evidence) != OneLine(t.text)) {
      out += "  > " + Md(t.evidence) + "\n";
    }
  }
}

// What an occurrence's wording changes: "adds: x y · z; leaves out: w",
// consecutive words kept together as one phrase.
std::string Differences(const BriefQuote& q, const QuoteOccurrence& o) {
  std::string added, dropped;
  DiffKind previous = DiffKind::kSame;
  for (const DiffPiece& p : DiffWords(q.text, o.text)) {
    if (p.kind == DiffKind::kSame) {
      previous = p.kind;
      continue;
    }
    std::string& list = p.kind == DiffKind::kAdded ? added : dropped;
    const bool same_phrase = p.kind == DiffKind::kAdded && previous == DiffKind::kAdded;
    if (!list.empty()) list += same_phrase ? " " : " \xC2\xB7 ";
    list += Md(p.text);
    previous = p.kind;
  }
  std::string out;
  if (!added.empty()) out += "adds: " + added;
  if (!dropped.empty()) out += std::string(out.empty() ? "" : "; ") + "leaves out: " + dropped;
  return out;
}

std::string How(const QuoteOccurrence& o) {
  std::string how;
  for (const std::string* part : {&o.cue, &o.kind, &o.medium}) {
    if (part->empty()) continue;
    if (!how.empty()) how += " \xC2\xB7 ";
    how += Md(*part);
  }
  return how;
}

void Quote(const BriefQuote& q, const ArticleLookup& lookup, std::string& out) {
  std::string who = q.speaker_name.empty() ? "Unknown speaker" : Md(q.speaker_name);
  if (!q.speaker.empty()) who += " (" + MdCode(q.speaker) + ")";
  out += "\n**" + who + "** \xC2\xB7 " + MdCode(q.id) + "\n\n> " + Md(q.text) + "\n\n";
  if (q.occurrences.size() == 1) {
    const QuoteOccurrence& o = q.occurrences[0];
    out += "\xE2\x80\x94 " + Sources({o.article}, lookup);
    const std::string how = How(o);
    if (!how.empty()) out += " \xC2\xB7 " + how;
    if (o.text != q.text) out += ": \xE2\x80\x9C" + Md(o.text) + "\xE2\x80\x9D";
    out += "\n";
    return;
  }
  // Each outlet's exact wording side by side, so variants can be compared.
  out += "| Outlet | Exact wording | Differs from canonical | Cue \xC2\xB7 kind \xC2\xB7 medium |\n"
         "|---|---|---|---|\n";
  for (const QuoteOccurrence& o : q.occurrences) {
    const std::string outlet = ArticleOutlet(o.article, lookup);
    const std::string where = (outlet.empty() ? std::string() : Md(outlet) + " ") + MdCode(o.article);
    out += "| " + Cell(where) + " | \xE2\x80\x9C" + Cell(Md(o.text)) + "\xE2\x80\x9D | " +
           Cell(Differences(q, o)) + " | " + Cell(How(o)) + " |\n";
  }
}

void Quotes(const Story& s, const ArticleLookup& lookup, std::string& out) {
  if (s.quotes.empty()) return;
  out += "\n### Quotations\n";
  for (const BriefQuote* q : QuotesForDisplay(s, lookup)) Quote(*q, lookup, out);
}

void OtherClaimsList(const Story& s, const ArticleLookup& lookup, std::string& out) {
  const std::vector<const Claim*> claims = OtherClaims(s);
  if (claims.empty()) return;
  out += "\n### Other claims\n\n";
  for (const Claim* c : claims) {
    out += "- " + Md(ClaimSubjectLabel(*c)) + " \xE2\x80\x94 " + Md(c->attribute) + " (" + Md(c->status) +
           "):";
    std::string values;
    for (const ClaimValue& v : c->values) {
      out += ' ';
      out += MdCode(v.value);
      out += " \xE2\x80\x94 ";
      out += Sources(v.articles, lookup);
      if (!v.evidence.empty()) values += "  - \xE2\x80\x9C" + Md(v.evidence) + "\xE2\x80\x9D\n";
    }
    out += "\n" + values;
  }
}

void Entities(const Story& s, std::string& out) {
  if (s.entities.empty()) return;
  out += "\n### Entities\n\n";
  for (const BriefEntity& e : s.entities) {
    out += "- **" + Md(e.name) + "** (" + Md(e.type) + ", " + MdCode(e.id) + ") \xE2\x80\x94 " +
           Plural(e.mentions, "mention", "mentions") + " in " +
           Plural(e.articles.size(), "article", "articles");
    std::string variants, others;
    for (const AliasView& a : OtherAliases(e)) {
      std::string& list = a.kind == AliasKind::kVariant ? variants : others;
      if (!list.empty()) list += ", ";
      const bool variant = a.kind == AliasKind::kVariant;
      if (variant) list += '*';
      list += Md(a.alias);
      if (variant) list += '*';
    }
    if (!variants.empty()) out += "; variants: " + variants;
    if (!others.empty()) out += "; also: " + others;
    out += "\n";
  }
}

void ArticleSection(const Article& a, std::string& out) {
  out += "\n### " + Md(a.title.empty() ? a.id : a.title) + "\n\n";
  std::string meta = MdCode(a.id);
  if (!a.outlet.empty()) meta += " \xC2\xB7 " + Md(a.outlet);
  if (!a.published.empty()) {
    meta += " \xC2\xB7 " + Md(a.published) + (a.published_source == kEstimated ? " (estimated)" : "");
  }
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
  out += Plural(brief.articles.size(), "article", "articles") + ", " +
         Plural(brief.stories.size(), "story", "stories") + ".\n";
  for (size_t i = 0; i < brief.stories.size(); ++i) {
    const Story& s = brief.stories[i];
    out += "\n";
    StoryHeader(brief, s, i + 1, lookup, out);
    Articles(s, lookup, out);
    Conflicts(s, lookup, out);
    Timeline(s, lookup, out);
    Quotes(s, lookup, out);
    OtherClaimsList(s, lookup, out);
    Entities(s, out);
  }
  if (!brief.articles.empty()) {
    out += "\n## Articles and what cleaning removed\n";
    for (const Article& a : brief.articles) ArticleSection(a, out);
  }
  return out;
}

}  // namespace render
}  // namespace storyline
