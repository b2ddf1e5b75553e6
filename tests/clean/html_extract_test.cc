// Tests for ExtractHtml: body selection, boilerplate removal, metadata,
// hostile input. Pages are small and hand-written for the rule under test.
#include "clean/html_extract.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline {
namespace {

// Prose long enough (commas, >100 characters) to score as article text.
const std::string kPara1 =
    "The city council voted on Tuesday, after a long debate, to expand the tram network to the northern "
    "districts, a plan that had been delayed for years by disputes over cost.";
const std::string kPara2 =
    "Supporters said the line would cut commuting times, reduce traffic and bring new shops to the area, "
    "while critics warned that the budget, already stretched, could not absorb overruns.";
const std::string kPara3 =
    "Construction is expected to begin next spring, the mayor said, and the first trams could run within "
    "three years if the national government confirms its share of the funding.";

std::string Page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

std::string Article(const std::string& extra_inside) {
  return "<article><h1>Tram line approved</h1><div class=\"article-body\"><p>" + kPara1 + "</p><p>" + kPara2 +
         "</p>" + extra_inside + "<p>" + kPara3 + "</p></div></article>";
}

struct BodyCase {
  const char* name;
  std::string html;
  std::vector<std::string> must_contain;
  std::vector<std::string> must_not_contain;
};

TEST(HtmlExtractTest, BodyKeepsArticleAndDropsBoilerplate) {
  const std::string nav =
      "<nav><ul><li><a href=/a>World news and politics</a></li><li><a href=/b>Business and markets today</a></li>"
      "</ul></nav>";
  const std::vector<BodyCase> cases = {
      {"plain article", Page("", Article("")), {kPara1, kPara2, kPara3}, {"Tram line approved"}},
      {"nav and footer removed",
       Page("", nav + Article("") + "<footer><p>Copyright 2024 Example Media Group, all rights reserved.</p></footer>"),
       {kPara1, kPara3},
       {"World news", "Copyright"}},
      {"share prompt removed",
       Page("", Article("<div class=\"share-tools\">Share this article on Facebook, Twitter, and by email</div>")),
       {kPara1, kPara3},
       {"Share this article"}},
      {"related links removed",
       Page("", Article("<div class=\"related-stories\"><h3>Related</h3><ul><li><a href=/x>Bus fares rise again "
                        "in the region</a></li><li><a href=/y>Bridge repairs start next month downtown</a></li></ul>"
                        "</div>")),
       {kPara2},
       {"Bus fares", "Bridge repairs"}},
      {"caption and credit removed",
       Page("", Article("<figure><img src=t.jpg><figcaption>A tram in the old town. Photo: Jane Doe/Agency"
                        "</figcaption></figure>")),
       {kPara1, kPara3},
       {"Photo: Jane Doe"}},
      {"subheadings, lists and quotes kept",
       Page("", Article("<h2>What happens next</h2><ul><li>Public hearings will take place in March and April."
                        "</li></ul><blockquote>We have waited long enough for this line, said one resident."
                        "</blockquote>")),
       {"What happens next", "Public hearings will take place", "We have waited long enough"},
       {}},
      {"script, style and template never appear",
       Page("<style>body{color:red}</style>",
            Article("<script>var secretScriptText = 'tracking';</script><template>templateText</template>"
                    "<noscript>Enable JavaScript noscriptText</noscript><svg><text>svgText</text></svg>")),
       {kPara1},
       {"secretScriptText", "color:red", "templateText", "noscriptText", "svgText"}},
      {"hidden elements dropped",
       Page("", Article("<p style=\"display: none\">Invisible paragraph text that should stay hidden.</p>"
                        "<p hidden>Another hidden paragraph of text.</p>")),
       {kPara2},
       {"Invisible paragraph", "Another hidden"}},
      {"link-heavy paragraph dropped",
       Page("", Article("<p><a href=/z>Read more: The long history of trams in the northern districts</a></p>")),
       {kPara3},
       {"Read more"}},
      {"sidebar outside article ignored",
       Page("", Article("") + "<aside class=\"sidebar\"><p>Most read: a cat was elected mayor of a small town, "
                              "residents said, amused.</p></aside>"),
       {kPara1},
       {"cat was elected"}},
      {"div paragraphs without p tags",
       Page("", "<div id=\"content\"><div>" + kPara1 + "</div><div>" + kPara2 + "</div><div>" + kPara3 +
                    "</div></div><div class=\"footer\"><a href=/about>About us</a> <a href=/c>Contact</a></div>"),
       {kPara1, kPara2, kPara3},
       {"About us"}},
      {"reader comments excluded even when long",
       Page("", Article("") + "<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\"><li><p>" +
                    kPara2 + " I disagree, strongly, with this, and with that, and with everything else.</p></li>"
                    "<li><p>" + kPara3 + " Agreed, well said, thanks, great post, keep it up.</p></li></ol></div>"),
       {kPara1},
       {"I disagree", "Agreed, well said"}},
      {"site-wide body classes are not evidence",
       "<html><body class=\"f_avoid_replies_on f_sidebar_on\"><div class=\"story\"><p>" + kPara1 + "</p><p>" + kPara2 +
           "</p><p>" + kPara3 + "</p></div></body></html>",
       {kPara1, kPara2, kPara3},
       {}},
      // Some publishing systems class the opening paragraph by the dateline
      // it starts with: the sentence after the dateline is the lede.
      {"lede classed as a dateline kept",
       Page("", "<div class=\"wire-copy\"><p class=\"dateline\"><b>NORTHBY (Coast Wire)</b> &ndash; The harbour "
                "board said on Monday that storms had damaged more than 40 moorings, including two used by the "
                "lifeboat.</p><p>" + kPara1 + "</p><p>" + kPara2 + "</p></div>"),
       {"storms had damaged more than 40 moorings", kPara1},
       {}},
      {"bare dateline dropped",
       Page("", "<div class=\"story\"><p class=\"dateline\">NORTHBY, March 3</p><p>" + kPara1 + "</p><p>" + kPara2 +
                "</p><p>" + kPara3 + "</p></div>"),
       {kPara1, kPara3},
       {"NORTHBY, March 3"}},
      {"br-separated paragraphs", Page("", "<div class=\"post\">" + kPara1 + "<br><br>" + kPara2 + "</div>"),
       {kPara1 + "\n\n" + kPara2},
       {}},
  };
  for (const BodyCase& c : cases) {
    SCOPED_TRACE(c.name);
    Result<HtmlPage> page = ExtractHtml(c.html, {});
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    for (const std::string& s : c.must_contain) EXPECT_NE(page->text.find(s), std::string::npos) << s << "\n--\n" << page->text;
    for (const std::string& s : c.must_not_contain) EXPECT_EQ(page->text.find(s), std::string::npos) << s << "\n--\n" << page->text;
  }
}

TEST(HtmlExtractTest, ParagraphsSeparatedByBlankLine) {
  Result<HtmlPage> page = ExtractHtml(Page("", Article("")), {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->text, kPara1 + "\n\n" + kPara2 + "\n\n" + kPara3);
}

TEST(HtmlExtractTest, BoilerplateRemovedListsDroppedBlocksInOrder) {
  const std::string html = Page("", "<nav><a href=/>Home page link</a></nav>" + Article("") +
                                        "<footer>Footer notice text</footer>");
  Result<HtmlPage> page = ExtractHtml(html, {});
  ASSERT_TRUE(page.ok());
  const std::vector<std::string> want = {"Home page link", "Tram line approved", "Footer notice text"};
  EXPECT_EQ(page->boilerplate_removed, want);
}

TEST(HtmlExtractTest, WholePageKeepsEverythingVisible) {
  const std::string html = Page("<script>hiddenScript()</script>",
                                "<nav><a href=/>Home page link</a></nav>" + Article("") + "<footer>Footer notice</footer>");
  HtmlExtractOptions options;
  options.remove_boilerplate = false;
  Result<HtmlPage> page = ExtractHtml(html, options);
  ASSERT_TRUE(page.ok());
  for (const char* s : {"Home page link", "Tram line approved", "Footer notice"}) {
    EXPECT_NE(page->text.find(s), std::string::npos) << s;
  }
  EXPECT_EQ(page->text.find("hiddenScript"), std::string::npos);
  EXPECT_TRUE(page->boilerplate_removed.empty());
}

struct WantMeta {
  std::string title, published, outlet, url, author;
};

struct MetaCase {
  const char* name;
  std::string head;
  std::string body_extra;
  WantMeta want;
};

TEST(HtmlExtractTest, Metadata) {
  const std::vector<MetaCase> cases = {
      {"open graph",
       "<title>Tram line approved - Daily Example</title>"
       "<meta property=\"og:title\" content=\"Tram line approved\">"
       "<meta property=\"og:site_name\" content=\"Daily Example\">"
       "<meta property=\"og:url\" content=\"https://example.com/tram\">"
       "<meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\">"
       "<meta name=\"author\" content=\"Ann Writer\">",
       "",
       {"Tram line approved", "2024-03-05", "Daily Example", "https://example.com/tram", "Ann Writer"}},
      {"json-ld in @graph",
       "<title>Fallback title</title><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
       "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"x\"},{\"@type\":\"NewsArticle\",\"headline\":\"JSON headline\","
       "\"datePublished\":\"2023/12/01\",\"author\":[{\"@type\":\"Person\",\"name\":\"A One\"},{\"name\":\"B Two\"}],"
       "\"publisher\":{\"@type\":\"Organization\",\"name\":\"LD Times\"}}]}</script>"
       "<link rel=\"canonical\" href=\"https://example.com/c\">",
       "",
       {"JSON headline", "2023-12-01", "LD Times", "https://example.com/c", "A One, B Two"}},
      {"json-ld array and type list",
       "<script type=\"application/ld+json\">[{\"@type\":[\"ReportageNewsArticle\"],\"headline\":\"Array headline\","
       "\"datePublished\":\"20240102\",\"author\":\"Solo Author\"}]</script>",
       "",
       {"Array headline", "2024-01-02", "", "", "Solo Author"}},
      {"malformed json-ld ignored, time fallback",
       "<title> Spaced   title </title><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
       "\"headline\": </script>",
       "<time datetime=\"2022-07\">July 2022</time>",
       {"Spaced title", "2022-07", "", "", ""}},
      {"impossible date rejected", "<meta property=\"article:published_time\" content=\"2024-13-45\">", "",
       {"Tram line approved", "", "", "", ""}},
  };
  for (const MetaCase& c : cases) {
    SCOPED_TRACE(c.name);
    Result<HtmlPage> page = ExtractHtml(Page(c.head, c.body_extra + Article("")), {});
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    const std::string want_title = c.want.title.empty() ? "" : c.want.title;
    EXPECT_EQ(page->title, want_title);
    EXPECT_EQ(page->published, c.want.published);
    EXPECT_EQ(page->outlet, c.want.outlet);
    EXPECT_EQ(page->url, c.want.url);
    EXPECT_EQ(page->author, c.want.author);
  }
}

TEST(HtmlExtractTest, EmptyInputIsInvalid) {
  for (const char* input : {"", "   \n\t "}) {
    Result<HtmlPage> page = ExtractHtml(input, {});
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.status().code(), StatusCode::kInvalidInput);
    EXPECT_NE(page.status().message().find("empty"), std::string::npos);
  }
}

bool ValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

TEST(HtmlExtractTest, SoupDoesNotCrashAndStaysUtf8) {
  const std::vector<std::string> soups = {
      "<p>unclosed <b>bold <i>italic <div>block in inline</p></b> text after",
      "</div></div></p>stray end tags only",
      "<html><body><table><tr><td>cell<td>cell two<p>para in cell</table></body>",
      std::string("<p>bad bytes \xff\xfe and \xc3 truncated and NUL \0 inside</p>", 48),
      "<script>never closed " + std::string(1000, 'x'),
      "<!-- never closed comment <p>hidden?</p>",
      "<title>only a title",
      std::string(5000, '<') + std::string(5000, '>'),
      [] { std::string s; for (int i = 0; i < 3000; ++i) s += "<div>"; return s + "deep text"; }(),
      "<p title='>' class=\"a\">attribute with &gt; and &amp; entities &#x1F600; &bogus;</p>",
  };
  for (const std::string& soup : soups) {
    Result<HtmlPage> page = ExtractHtml(soup, {});
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_TRUE(ValidUtf8(page->text));
    EXPECT_TRUE(ValidUtf8(page->title));
    for (const std::string& b : page->boilerplate_removed) EXPECT_TRUE(ValidUtf8(b));
  }
}

TEST(HtmlExtractTest, DeepNestingKeepsText) {
  std::string s;
  for (int i = 0; i < 3000; ++i) s += "<div>";
  s += kPara1;
  Result<HtmlPage> page = ExtractHtml(s, {});
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->text.find("tram network"), std::string::npos);
}

TEST(HtmlExtractTest, EntitiesDecodedAndWhitespaceCollapsed) {
  Result<HtmlPage> page = ExtractHtml(
      Page("", "<div class=\"story\"><p>Caf&eacute;   owners,\n\tlike &quot;Ann&quot; &amp; Bob,&nbsp;said "
               "the rent went up, again, by a lot this year, and that they might close.</p></div>"),
      {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->text,
            "Café owners, like \"Ann\" & Bob, said the rent went up, again, by a lot this year, and that they might "
            "close.");
}

// The parser sees start tags with only the attributes extraction reads, and
// those moved to a side table unless a value needs decoding: what an
// attribute means must not change (first of duplicates wins, names in any
// case, references decoded, any quoting).
struct AttributeCase {
  const char* body;
  const char* text;  // sentence inside `body`
  bool visible;
};

TEST(HtmlExtractTest, AttributesReadAsTheParserReportsThem) {
  const AttributeCase cases[] = {
      {"<div style=\"color:red\" style=\"display:none\">First style wins here.</div>", "First style wins here.", true},
      {"<div STYLE=\"display:none\" style=\"color:red\">Upper-case name hides.</div>", "Upper-case name hides.",
       false},
      {"<div style=\"display&#58;none\">Decoded reference hides.</div>", "Decoded reference hides.", false},
      {"<div data-x=\"1\" hidden>Boolean attribute hides.</div>", "Boolean attribute hides.", false},
      {"<div aria-hidden = 'TRUE' >Spaced single quotes hide.</div>", "Spaced single quotes hide.", false},
      {"<div style=display:none>Unquoted value hides.</div>", "Unquoted value hides.", false},
      {"<div\nclass=\"x\"\tstyle=\"display: none\"\r\n>Blanks between attributes.</div>",
       "Blanks between attributes.", false},
      {"<p data-html=\"<b>x</b>\" title='a > b'>Markup inside values is kept.</p><div hidden>Still hidden.</div>",
       "Markup inside values is kept.", true},
      {"<p data-html=\"<b>x</b>\">Markup first.</p><div hidden>Hidden after markup.</div>", "Hidden after markup.",
       false},
  };
  HtmlExtractOptions whole;
  whole.remove_boilerplate = false;
  for (const AttributeCase& c : cases) {
    Result<HtmlPage> page = ExtractHtml(Page("", c.body), whole);
    ASSERT_TRUE(page.ok()) << c.body;
    EXPECT_EQ(page->text.find(c.text) != std::string::npos, c.visible) << c.body << " -> " << page->text;
  }
}

// Text runs travel beside the parser as private-use code points
// (U+F0000...); the same code points in the page, literal or as references,
// must come out as themselves.
TEST(HtmlExtractTest, PrivateUseCharactersSurvive) {
  HtmlExtractOptions whole;
  whole.remove_boilerplate = false;
  struct Case {
    std::string body;
    std::string want;
  };
  const Case cases[] = {
      {"<p>Only a reference &#xF0000; here.</p><p>Second paragraph.</p>",
       "Only a reference \xF3\xB0\x80\x80 here.\n\nSecond paragraph."},
      {"<p>Decimal &#983041; too.</p><p>Next.</p>", "Decimal \xF3\xB0\x80\x81 too.\n\nNext."},
      {"<p>Literal \xF3\xB0\x80\x80 and \xF4\x80\x80\x80 stay.</p><p>Next.</p>",
       "Literal \xF3\xB0\x80\x80 and \xF4\x80\x80\x80 stay.\n\nNext."},
  };
  for (const Case& c : cases) {
    Result<HtmlPage> page = ExtractHtml(Page("", c.body), whole);
    ASSERT_TRUE(page.ok()) << c.body;
    EXPECT_EQ(page->text, c.want) << c.body;
  }
}

}  // namespace
}  // namespace storyline
