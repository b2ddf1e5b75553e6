// Tests the story view of the Markdown and HTML briefs on hand-built Brief
// values: conflicts with each side's outlets and evidence, quote variants
// with each outlet's wording, aliases, escaping of everything user-provided.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "render/hand_brief.h"
#include "storyline/render.h"

namespace storyline {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// True when `needle` occurs neither backslash-escaped nor opening a code
// span (where Markdown shows it verbatim).
bool ContainsLive(const std::string& md, const std::string& needle) {
  for (size_t at = md.find(needle); at != std::string::npos; at = md.find(needle, at + 1)) {
    if (at == 0 || (md[at - 1] != '\\' && md[at - 1] != '`')) return true;
  }
  return false;
}

// The text between the first `from` and the next `to` after it ("" when absent).
std::string Between(const std::string& s, const std::string& from, const std::string& to) {
  const size_t start = s.find(from);
  if (start == std::string::npos) return "";
  const size_t end = s.find(to, start + from.size());
  return s.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string Html(const Brief& b) { return RenderBrief(b, BriefFormat::kHtml); }
std::string Markdown(const Brief& b) { return RenderBrief(b, BriefFormat::kMarkdown); }

TEST(BriefViewTest, ConflictsListEachSideWithOutletsAndEvidence) {
  const Brief b = testdata::HandBrief();
  struct Row {
    BriefFormat format;
    std::string section_start, section_end;  // bounds of the conflict section
    std::vector<std::string> expected;       // in this order inside it
  };
  const Row rows[] = {
      {BriefFormat::kHtml, "Where the accounts disagree", "<h3>Timeline",
       {"Ada Quell &mdash; age", ">52<", "Harbour Gazette, Valley Post", "<code>h1</code>, <code>h4</code>",
        "Quell, <mark>52</mark>, stepped down on Sunday.", ">53<", "Coast Wire",
        "The <mark>53</mark>-year-old mayor", "Ada Quell &mdash; medium", ">instagram<",
        "Quell wrote on <mark>Instagram</mark>", ">statement<", "In a <mark>statement</mark>, Quell"}},
      {BriefFormat::kMarkdown, "Where the accounts disagree", "### Timeline",
       {"CONFLICT: Ada Quell \xE2\x80\x94 age", "`52` \xE2\x80\x94 Harbour Gazette, Valley Post (`h1`, `h4`)",
        "> Quell, **52**, stepped down on Sunday.", "`53` \xE2\x80\x94 Coast Wire (`h2`)",
        "> The **53**\\-year-old mayor, 53, said she would fight.",
        "CONFLICT: Ada Quell \xE2\x80\x94 medium", "`instagram` \xE2\x80\x94 Coast Wire (`h2`)",
        "> Quell wrote on **Instagram** that", "`statement` \xE2\x80\x94 Harbour Gazette (`h1`)"}},
  };
  for (const Row& row : rows) {
    const std::string page = RenderBrief(b, row.format);
    const std::string section = Between(page, row.section_start, row.section_end);
    ASSERT_FALSE(section.empty()) << page;
    size_t at = 0;
    for (const std::string& want : row.expected) {
      const size_t found = section.find(want, at);
      ASSERT_NE(found, std::string::npos) << "missing or out of order: " << want << "\n" << section;
      at = found + want.size();
    }
    // Agreed and single claims are not conflicts: they come later, quieter.
    EXPECT_FALSE(Contains(section, "Harbour Radio")) << section;
    EXPECT_FALSE(Contains(section, "members met")) << section;
    EXPECT_TRUE(Contains(page.substr(page.find(row.section_end)), "Harbour Radio"));
  }
}

TEST(BriefViewTest, ConflictsComeBeforeOtherClaimsAndAreHighlighted) {
  const std::string html = Html(testdata::HandBrief());
  const size_t conflicts = html.find("class=\"claim conflict\"");
  const size_t others = html.find("<h3>Other claims</h3>");
  ASSERT_NE(conflicts, std::string::npos);
  ASSERT_NE(others, std::string::npos);
  EXPECT_LT(conflicts, others);
  EXPECT_TRUE(Contains(html, "<span class=\"badge agreed\">agreed</span>"));
  EXPECT_TRUE(Contains(html, "2 conflicts")) << "the story list counts them";
}

TEST(BriefViewTest, QuoteVariantsShowEachOccurrenceWording) {
  const Brief b = testdata::HandBrief();
  const std::string html = Html(b);
  const std::string md = Markdown(b);
  struct Row {
    std::string html, markdown;  // how one occurrence must appear
  };
  const Row rows[] = {
      {"Harbour Gazette <code>h1</code></figcaption><p>&ldquo;I have done nothing wrong and I will "
       "not be silenced&rdquo;</p><p class=\"how\">said &middot; direct &middot; statement</p>",
       "| Harbour Gazette `h1` | \xE2\x80\x9CI have done nothing wrong and I will not be silenced"
       "\xE2\x80\x9D |  | said \xC2\xB7 direct \xC2\xB7 statement |"},
      {"Coast Wire <code>h2</code></figcaption><p>&ldquo;<mark>I&#39;ve</mark> done nothing wrong, "
       "and I <mark>won&#39;t</mark> <del title=\"not in this wording\">will not</del> be silenced&rdquo;"
       "</p><p class=\"how\">wrote &middot; direct &middot; instagram</p>",
       "| Coast Wire `h2` | \xE2\x80\x9CI've done nothing wrong, and I won't be silenced\xE2\x80\x9D | "
       "adds: I've \xC2\xB7 won't; leaves out: will not | wrote \xC2\xB7 direct \xC2\xB7 instagram |"},
      {"Valley Post <code>h4</code></figcaption><p>&ldquo;I have done nothing <mark>improper</mark> "
       "<del title=\"not in this wording\">wrong</del> and I will not be silenced&rdquo;</p>",
       "| Valley Post `h4` | \xE2\x80\x9CI have done nothing improper and I will not be silenced"
       "\xE2\x80\x9D | adds: improper; leaves out: wrong | told \xC2\xB7 direct \xC2\xB7 interview |"},
  };
  for (const Row& row : rows) {
    EXPECT_TRUE(Contains(html, row.html)) << row.html;
    EXPECT_TRUE(Contains(md, row.markdown)) << row.markdown << "\n" << md;
  }
  EXPECT_TRUE(Contains(html, "<blockquote class=\"canonical\">I have done nothing wrong and I will "
                             "not be silenced</blockquote>"));
  EXPECT_TRUE(Contains(html, "3 wordings from 3 outlets"));
  EXPECT_LT(html.find("I have done nothing wrong"), html.find("Nobody saw it coming"))
      << "the quote carried by most outlets comes first";
}

TEST(BriefViewTest, RepunctuationAndCaseAreNotDifferences) {
  Brief b = testdata::HandBrief();
  b.stories[0].quotes = {{"q1", "", "Ada Quell", "We will rebuild, and we will not wait.",
                          {{"h1", "We will rebuild, and we will not wait.", 0, 38, "", "", ""},
                           {"h2", "we will rebuild \xE2\x80\x94 & we will not wait", 0, 40, "", "", ""}}}};
  const std::string html = Html(b);
  EXPECT_TRUE(Contains(html, "we will rebuild \xE2\x80\x94 &amp; we will not wait"));
  EXPECT_FALSE(Contains(Between(html, "<div class=\"variants\">", "</div>\n</div>"), "<mark>"));
  EXPECT_FALSE(Contains(Between(html, "<div class=\"variants\">", "</div>\n</div>"), "<del"));
}

TEST(BriefViewTest, ChanceMatchesBetweenDifferentPassagesAreNotAligned) {
  Brief b = testdata::HandBrief();
  b.stories[0].quotes = {{"q1", "", "", "I think the plan is reckless and the vote was rushed",
                          {{"h1", "I think the plan is reckless and the vote was rushed", 0, 1, "", "", ""},
                           {"h2", "the council never asked me and I never agreed", 0, 1, "", "", ""}}}};
  const std::string variants = Between(Html(b), "<div class=\"variants\">", "</div>\n</div>");
  EXPECT_FALSE(Contains(variants, "<del")) << "a lone shared word is no anchor: " << variants;
  EXPECT_TRUE(Contains(variants, "<mark>the council never asked me and I never agreed</mark>"))
      << variants;
  EXPECT_TRUE(Contains(Markdown(b), "| adds: the council never asked me and I never agreed |"));
}

TEST(BriefViewTest, VeryLongWordingsRenderWithoutMarks) {
  std::string canonical, wording;
  for (int i = 0; i < 2000; ++i) {
    canonical += "word" + std::to_string(i) + " ";
    wording += "other" + std::to_string(i) + " ";
  }
  Brief b = testdata::HandBrief();
  b.stories[0].quotes = {{"q1", "", "", canonical, {{"h1", canonical, 0, 1, "", "", ""},
                                                    {"h2", wording, 0, 1, "", "", ""}}}};
  const std::string html = Html(b);
  EXPECT_TRUE(Contains(html, "other1999"));
  EXPECT_FALSE(Contains(Between(html, "<div class=\"variants\">", "</div>\n</div>"), "<mark>"));
}

TEST(BriefViewTest, StoryHeaderShowsOutletCountsDuplicatesAndRelatedStories) {
  const Brief b = testdata::HandBrief();
  struct Row {
    BriefFormat format;
    std::vector<std::string> expected;
  };
  const Row rows[] = {
      {BriefFormat::kHtml,
       {"2023-04-02 \xE2\x80\x93 2023-04-05", "4 articles from 3 outlets",
        "<li>Coast Wire <span class=\"n\">2</span> <span class=\"dup\">(1 dup.)</span></li>",
        "near-duplicate of <code>h2</code>, 93% alike",
        "<a href=\"#story-s2\">Ada Quell, Harbour Radio</a> (2023-09-01)",
        "<time>2023-04-03</time> <span class=\"n\">Coast Wire</span>"}},
      {BriefFormat::kMarkdown,
       {"2023-04-02 \xE2\x80\x93 2023-04-05 \xC2\xB7 4 articles from 3 outlets",
        "**Outlets:** Harbour Gazette (1), Coast Wire (2, 1 near-duplicate), Valley Post (1)",
        "**Related stories:** Ada Quell, Harbour Radio (`s2`, 2023-09-01)",
        "| 2023-04-03 | Coast Wire | [Quell quits over contract](<https://example.org/h2>) | `h2` |",
        "`h3` \xC2\xB7 near-duplicate of `h2` (93% alike)"}},
  };
  for (const Row& row : rows) {
    const std::string page = RenderBrief(b, row.format);
    for (const std::string& want : row.expected) EXPECT_TRUE(Contains(page, want)) << want;
  }
}

TEST(BriefViewTest, TimelineShowsOutletsAndEvidenceOnDemand) {
  const std::string html = Html(testdata::HandBrief());
  EXPECT_TRUE(Contains(html,
                       "<li><time>2019</time><div><p>Quell was first elected.</p><p class=\"src\">"
                       "Harbour Gazette, Valley Post &middot; <code>h1</code>, <code>h4</code></p>"
                       "<details><summary>Evidence</summary><blockquote>Quell, who was first "
                       "elected in 2019, said.</blockquote></details>"));
  const std::string md = Markdown(testdata::HandBrief());
  EXPECT_TRUE(Contains(md, "- **2019** \xE2\x80\x94 Quell was first elected. \xE2\x80\x94 Harbour "
                           "Gazette, Valley Post (`h1`, `h4`)\n  > Quell, who was first elected"));
}

TEST(BriefViewTest, EntitiesShowVariantsApartFromOtherForms) {
  struct Row {
    std::string name;
    std::vector<std::string> aliases;
    std::string html, markdown;
  };
  const Row rows[] = {
      {"Ada Quell", {"Ada Quell", "Quell", "Ada Quel"},
       "Variants: <span class=\"variant-alias\">Ada Quel</span><br><span class=\"meta\">Also: Quell",
       "variants: *Ada Quel*; also: Quell"},
      {"Kit Marlo-Venn", {"Ms. Marlo-Venn", "Venn's", "Kitt"},
       "Variants: <span class=\"variant-alias\">Kitt</span><br><span class=\"meta\">Also: Ms. "
       "Marlo-Venn, Venn&#39;s",
       "variants: *Kitt*; also: Ms. Marlo-Venn, Venn's"},
      {"Ada Quell", {"Ada Quell"}, "", ""},
  };
  for (const Row& row : rows) {
    Brief b = testdata::HandBrief();
    b.stories[0].entities = {{"e1", row.name, "PERSON", row.aliases, {"h1"}, 3}};
    const std::string html = Html(b);
    const std::string md = Markdown(b);
    if (row.html.empty()) {
      EXPECT_FALSE(Contains(html, "Variants:"));
      EXPECT_FALSE(Contains(md, "also:"));
      continue;
    }
    EXPECT_TRUE(Contains(html, row.html)) << row.name;
    EXPECT_TRUE(Contains(md, row.markdown)) << row.name << "\n" << md;
  }
}

// Every string a brief carries is set to a hostile value in turn; neither
// page may then contain live markup.
TEST(BriefViewTest, EverythingUserProvidedIsEscaped) {
  const std::string kScript = "<script>alert(1)</script>";
  using Setter = void (*)(Brief&, const std::string&);
  struct Row {
    const char* field;
    Setter set;
  };
  const Row rows[] = {
      {"article title", [](Brief& b, const std::string& v) { b.articles[0].title = v; }},
      {"article outlet", [](Brief& b, const std::string& v) { b.articles[1].outlet = v; }},
      {"article date", [](Brief& b, const std::string& v) { b.articles[0].published = v; }},
      {"article id", [](Brief& b, const std::string& v) { b.articles[0].id = b.stories[0].articles[0] = v; }},
      {"story label", [](Brief& b, const std::string& v) { b.stories[1].label = v; }},
      {"story id", [](Brief& b, const std::string& v) { b.stories[1].id = b.stories[0].related_stories[0] = v; }},
      {"span", [](Brief& b, const std::string& v) { b.stories[0].span_first = v; }},
      {"duplicate of", [](Brief& b, const std::string& v) { b.stories[0].duplicates[0].duplicate_of = v; }},
      {"entity name", [](Brief& b, const std::string& v) { b.stories[0].entities[0].name = v; }},
      {"entity type", [](Brief& b, const std::string& v) { b.stories[0].entities[0].type = v; }},
      {"entity alias", [](Brief& b, const std::string& v) { b.stories[0].entities[0].aliases.push_back(v); }},
      {"quote speaker", [](Brief& b, const std::string& v) { b.stories[0].quotes[0].speaker_name = v; }},
      {"canonical quote", [](Brief& b, const std::string& v) { b.stories[0].quotes[0].text = v; }},
      {"occurrence wording", [](Brief& b, const std::string& v) { b.stories[0].quotes[0].occurrences[1].text += v; }},
      {"occurrence medium", [](Brief& b, const std::string& v) { b.stories[0].quotes[0].occurrences[1].medium = v; }},
      {"timeline text", [](Brief& b, const std::string& v) { b.stories[0].timeline[0].text = v; }},
      {"timeline evidence", [](Brief& b, const std::string& v) { b.stories[0].timeline[0].evidence = v; }},
      {"claim subject", [](Brief& b, const std::string& v) { b.stories[0].claims[1].subject_name = v; }},
      {"claim attribute", [](Brief& b, const std::string& v) { b.stories[0].claims[1].attribute = v; }},
      {"conflict value", [](Brief& b, const std::string& v) { b.stories[0].claims[1].values[0].value = v; }},
      {"conflict evidence", [](Brief& b, const std::string& v) { b.stories[0].claims[1].values[1].evidence = v; }},
      {"value inside evidence",
       [](Brief& b, const std::string& v) {
         b.stories[0].claims[1].values[0].value = v;
         b.stories[0].claims[1].values[0].evidence = "It says " + v + " here.";
       }},
      {"single claim evidence", [](Brief& b, const std::string& v) { b.stories[0].claims[0].values[0].evidence = v; }},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.field);
    Brief b = testdata::HandBrief();
    row.set(b, kScript);
    const std::string html = Html(b);
    EXPECT_FALSE(Contains(Lower(html), "<script")) << "a script element appeared";
    EXPECT_TRUE(Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    const std::string md = Markdown(b);
    EXPECT_FALSE(ContainsLive(md, "<script>")) << md;
    EXPECT_TRUE(Contains(md, "\\<script\\>alert(1)\\</script\\>") || Contains(md, "`" + kScript + "`"))
        << "escaped, or verbatim inside a code span";
  }
}

TEST(BriefViewTest, MarkdownSpecialCharactersAreEscaped) {
  struct Row {
    std::string title, expected;
  };
  const Row rows[] = {
      {"*bold* _it_ [x](http://e.x) | pipe", "\\*bold\\* \\_it\\_ \\[x\\](http://e.x) \\| pipe"},
      {"# not a heading", "\\# not a heading"},
      {"- not a list", "\\- not a list"},
      {"1. not a list", "1\\. not a list"},
      {"`code` ~~strike~~ & <b>", "\\`code\\` \\~\\~strike\\~\\~ \\& \\<b\\>"},
      {"two\nlines\n\n## heading", "two lines \\#\\# heading"},
  };
  for (const Row& row : rows) {
    Brief b = testdata::HandBrief();
    b.articles[0].url.clear();
    b.articles[0].title = row.title;
    b.stories[0].label = row.title;
    const std::string md = Markdown(b);
    EXPECT_TRUE(Contains(md, "## 1. " + row.expected + "\n")) << row.title << "\n" << md;
    EXPECT_TRUE(Contains(md, "| 2023-04-02 | Harbour Gazette | " + row.expected + " | `h1` |"))
        << row.title;
  }
}

TEST(BriefViewTest, TableCellsKeepPipesInsideCodeSpans) {
  Brief b = testdata::HandBrief();
  b.articles[0].id = b.stories[0].articles[0] = "a|b";
  const std::string md = Markdown(b);
  EXPECT_TRUE(Contains(md, "| `a\\|b` |")) << md;
}

TEST(BriefViewTest, HtmlIsSelfContainedWithLightAndDarkColours) {
  const std::string html = Lower(Html(testdata::HandBrief()));
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
  EXPECT_TRUE(Contains(html, "prefers-color-scheme: dark"));
  EXPECT_TRUE(Contains(html, "name=\"viewport\""));
  EXPECT_FALSE(Contains(html, "<script"));
  EXPECT_FALSE(Contains(html, "<link"));
  EXPECT_FALSE(Contains(html, " src="));
  EXPECT_FALSE(Contains(html, "url("));
}

TEST(BriefViewTest, SourcesWithoutOutletAreNotAttributedToOthers) {
  Brief b = testdata::HandBrief();
  b.articles[0].outlet.clear();  // h1
  struct Row {
    BriefFormat format;
    std::string expected;
  };
  const Row rows[] = {
      {BriefFormat::kHtml, "Valley Post, unknown outlet &middot; <code>h1</code>, <code>h4</code>"},
      {BriefFormat::kMarkdown, "Valley Post, unknown outlet (`h1`, `h4`)"},
  };
  for (const Row& row : rows) {
    EXPECT_TRUE(Contains(RenderBrief(b, row.format), row.expected)) << row.expected;
  }
}

TEST(BriefViewTest, EmptyAndPartialStoriesRender) {
  Brief b;
  Story s;
  s.id = "s9";
  s.articles = {"missing"};
  s.quotes = {{"q1", "", "", "no occurrences", {}}};
  s.claims = {{"e1", "", "age", "conflict", {}}};
  b.stories.push_back(s);
  const std::string html = Html(b);
  const std::string md = Markdown(b);
  EXPECT_TRUE(Contains(html, "undated"));
  EXPECT_TRUE(Contains(html, "<code>missing</code>"));
  EXPECT_TRUE(Contains(html, "no occurrences"));
  EXPECT_TRUE(Contains(md, "unknown outlet (1)"));
  EXPECT_TRUE(Contains(md, "no occurrences"));
}

}  // namespace
}  // namespace storyline
