// Tests render.h: brief JSON/Markdown/HTML, article and annotation JSON,
// escaping of hostile article strings.

#include "storyline/render.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "stories/story_corpus.h"

namespace storyline {
namespace {

using nlohmann::json;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// True when `needle` occurs without a backslash escaping its first character.
bool ContainsUnescaped(const std::string& haystack, const std::string& needle) {
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    if (at == 0 || haystack[at - 1] != '\\') return true;
  }
  return false;
}

Brief CorpusBrief() { return BuildBrief(testdata::TwoStoryCorpus(), {}); }

// A brief whose every article-derived string is an injection attempt.
Brief HostileBrief() {
  AnnotatedArticle a = testdata::MakeArticle(
      "<b>id</b>", "\"&'", "2023-01-02", "<script>alert(1)</script>",
      "Ada Quell said <img src=x onerror=alert(1)> twice. Ada Quell, 40, repeated it.");
  a.article.url = "javascript:alert(1)";
  a.article.boilerplate_removed = {"<iframe src=\"https://evil.example\"></iframe>"};
  testdata::AddEntity(a, "Ada Quell", "PERSON", "e1");
  testdata::AddQuote(a, "<img src=x onerror=alert(1)>", "Ada Quell", "e1", "said", "direct",
                     "<x>");
  testdata::AddQuantity(a, "40", 40, "years", "e1");
  AnnotatedArticle b = a;
  b.article.id = "second";
  b.quantities[0].value = 41;
  return BuildBrief({a, b}, {});
}

TEST(HtmlEscapeTest, EscapesMarkupCharacters) {
  struct Row {
    std::string in, out;
  };
  const Row rows[] = {
      {"", ""},
      {"plain text", "plain text"},
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"\"&'", "&quot;&amp;&#39;"},
      {"&amp;", "&amp;amp;"},
      {"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D"},
  };
  for (const Row& row : rows) EXPECT_EQ(HtmlEscape(row.in), row.out) << row.in;
}

TEST(RenderHtmlTest, EscapesEverythingFromArticles) {
  const std::string html = RenderBrief(HostileBrief(), BriefFormat::kHtml);
  const std::string lower = Lower(html);
  EXPECT_FALSE(Contains(lower, "<script")) << "no script element may exist";
  EXPECT_FALSE(Contains(lower, "<img"));
  EXPECT_FALSE(Contains(lower, "<iframe"));
  EXPECT_FALSE(Contains(lower, "<b>id"));
  EXPECT_FALSE(Contains(lower, "href=\"javascript:")) << "only http(s) URLs become links";
  EXPECT_TRUE(Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(Contains(html, "&quot;&amp;&#39;"));
  EXPECT_TRUE(Contains(html, "&lt;img src=x onerror=alert(1)&gt;"));
}

TEST(RenderHtmlTest, IsOneSelfContainedPage) {
  const std::string html = RenderBrief(CorpusBrief(), BriefFormat::kHtml);
  const std::string lower = Lower(html);
  EXPECT_EQ(lower.rfind("<!doctype html>", 0), 0u);
  EXPECT_TRUE(Contains(lower, "<style>"));
  EXPECT_FALSE(Contains(lower, "<script"));
  EXPECT_FALSE(Contains(lower, "<link"));
  EXPECT_FALSE(Contains(lower, " src="));
  EXPECT_TRUE(Contains(lower, "</html>"));
}

TEST(RenderHtmlTest, ShowsStoriesQuotesAndHighlightsConflicts) {
  Brief brief = CorpusBrief();
  brief.articles[0].boilerplate_removed = {"Share this article"};
  const std::string html = RenderBrief(brief, BriefFormat::kHtml);
  for (const Story& s : brief.stories) {
    EXPECT_TRUE(Contains(html, HtmlEscape(s.label))) << s.label;
    for (const BriefQuote& q : s.quotes) EXPECT_TRUE(Contains(html, HtmlEscape(q.text)));
  }
  EXPECT_TRUE(Contains(html, "class=\"claim conflict\"")) << "the age claim conflicts";
  EXPECT_TRUE(Contains(html, "<details><summary>Boilerplate removed (1)</summary>"));
  EXPECT_TRUE(Contains(html, "<li>Share this article</li>"));
  EXPECT_TRUE(Contains(html, "Boilerplate removed: none"));
  EXPECT_TRUE(Contains(html, "href=\"https://example.org/a1\""));
}

TEST(RenderMarkdownTest, ContainsEachQuoteWordingAndVariant) {
  const Brief brief = CorpusBrief();
  const std::string md = RenderBrief(brief, BriefFormat::kMarkdown);
  size_t quotes = 0;
  for (const Story& s : brief.stories) {
    EXPECT_TRUE(Contains(md, s.label)) << s.label;
    for (const BriefQuote& q : s.quotes) {
      ++quotes;
      EXPECT_TRUE(Contains(md, "> " + q.text)) << q.text;
      for (const QuoteOccurrence& o : q.occurrences) EXPECT_TRUE(Contains(md, o.text));
    }
  }
  EXPECT_EQ(quotes, 4u);
}

TEST(RenderMarkdownTest, ShowsSpanEntitiesTimelineClaimsAndBoilerplate) {
  Brief brief = CorpusBrief();
  brief.articles[0].boilerplate_removed = {"Share this article", "Photo: a camera"};
  const std::string md = RenderBrief(brief, BriefFormat::kMarkdown);
  EXPECT_TRUE(Contains(md, "2023-04-02 \xE2\x80\x93 2023-05-10"));
  EXPECT_TRUE(Contains(md, "**Ilse Brandvold** (PERSON"));
  EXPECT_TRUE(Contains(md, "also: Brandvold"));
  EXPECT_TRUE(Contains(md, "**2023-03-28**"));
  EXPECT_TRUE(Contains(md, "CONFLICT"));
  EXPECT_TRUE(Contains(md, "<summary>Boilerplate removed (2)</summary>"));
  EXPECT_TRUE(Contains(md, "- Share this article"));
  EXPECT_TRUE(Contains(md, "Harbour Gazette"));
}

// A claim with no subject is about the story's own event: named so, not
// left blank ("CONFLICT:  — homes destroyed").
TEST(RenderMarkdownTest, ClaimWithoutSubjectIsTheStorys) {
  Brief brief = CorpusBrief();
  ASSERT_FALSE(brief.stories.empty());
  Claim c;
  c.attribute = "homes destroyed";
  c.status = "conflict";
  for (const char* v : {"37", "43"}) {
    ClaimValue cv;
    cv.value = v;
    cv.articles = {brief.articles[0].id};
    cv.evidence = "The fire destroyed homes.";
    c.values.push_back(cv);
  }
  brief.stories[0].claims.push_back(c);
  EXPECT_TRUE(Contains(RenderBrief(brief, BriefFormat::kMarkdown), "CONFLICT: the story \xE2\x80\x94 homes destroyed"));
  EXPECT_TRUE(Contains(RenderBrief(brief, BriefFormat::kHtml), "the story &mdash; homes destroyed"));
}

TEST(RenderMarkdownTest, EscapesMarkupFromArticles) {
  const std::string md = RenderBrief(HostileBrief(), BriefFormat::kMarkdown);
  EXPECT_FALSE(ContainsUnescaped(md, "<script"));
  EXPECT_FALSE(ContainsUnescaped(md, "<img"));
  EXPECT_FALSE(ContainsUnescaped(md, "<iframe"));
  EXPECT_TRUE(Contains(md, "\\<script\\>alert(1)\\</script\\>"));
  EXPECT_FALSE(Contains(md, "<javascript:")) << "only http(s) URLs become autolinks";
}

TEST(RenderJsonTest, BriefUsesNullForUnknownAndKeepsContractFields) {
  std::vector<AnnotatedArticle> in = testdata::TwoStoryCorpus();
  in[0].article.outlet.clear();
  in[0].article.url.clear();
  const json j = json::parse(RenderBrief(BuildBrief(in, {}), BriefFormat::kJson));
  ASSERT_EQ(j["articles"].size(), 6u);
  const json& first = j["articles"][0];
  EXPECT_EQ(first["id"], "b3");
  EXPECT_TRUE(first["outlet"].is_null());
  EXPECT_TRUE(first["url"].is_null());
  EXPECT_TRUE(first["published"].is_null());
  ASSERT_EQ(j["stories"].size(), 2u);
  for (const json& s : j["stories"]) {
    for (const char* key : {"id", "label", "articles", "related_stories", "span", "entities",
                            "quotes", "timeline", "claims"}) {
      EXPECT_TRUE(s.contains(key)) << key;
    }
    for (const json& q : s["quotes"]) {
      for (const json& o : q["occurrences"]) {
        EXPECT_TRUE(o["medium"].is_null() || o["medium"] == "instagram");
      }
    }
  }
}

TEST(RenderJsonTest, UndatedStorySpanIsNull) {
  AnnotatedArticle a = testdata::MakeArticle("u", "", "", "Undated", "No dates here.");
  const json j = json::parse(RenderBrief(BuildBrief({a}, {}), BriefFormat::kJson));
  EXPECT_TRUE(j["stories"][0]["span"]["first"].is_null());
  EXPECT_TRUE(j["stories"][0]["span"]["last"].is_null());
}

TEST(ArticleToJsonTest, OneLineWithExtractFields) {
  Article a;
  a.id = "x1";
  a.title = "T";
  a.text = "Body.\n\nMore.";
  a.published = "2024-03";
  a.boilerplate_removed = {"Share"};
  a.source = "dir/x1.txt";
  const std::string s = ArticleToJson(a);
  EXPECT_EQ(s.find('\n'), std::string::npos);
  const json j = json::parse(s);
  EXPECT_EQ(j["id"], "x1");
  EXPECT_EQ(j["title"], "T");
  EXPECT_EQ(j["published"], "2024-03");
  EXPECT_TRUE(j["outlet"].is_null());
  EXPECT_TRUE(j["url"].is_null());
  EXPECT_TRUE(j["author"].is_null());
  EXPECT_EQ(j["text"], "Body.\n\nMore.");
  EXPECT_EQ(j["boilerplate_removed"], json::array({"Share"}));
  EXPECT_EQ(j["source"], "dir/x1.txt");
}

TEST(ArticleToJsonTest, InvalidUtf8IsReplacedNotFatal) {
  Article a;
  a.id = "bad";
  a.title = std::string("caf\xC3") + "\xFF!";
  const json j = json::parse(ArticleToJson(a));
  EXPECT_EQ(j["title"], "caf\xEF\xBF\xBD\xEF\xBF\xBD!");
}

// Issue 16: "his spokeswoman" is a description owned by a person.
TEST(AnnotationToJsonTest, DescribedSpeakerKeepsItsOwner) {
  AnnotatedArticle a = testdata::ArticleA1();
  a.quotes[0].speaker = "";
  a.quotes[0].speaker_name = "Ilse Brandvold's spokeswoman";
  a.quotes[0].speaker_owner = "e2";
  const json j = json::parse(AnnotationToJson(a));
  EXPECT_TRUE(j["quotes"][0]["speaker"].is_null());
  EXPECT_EQ(j["quotes"][0]["speaker_owner"], "e2");
}

TEST(AnnotationToJsonTest, HasEveryAnnotationKind) {
  const AnnotatedArticle a = testdata::ArticleA1();
  const json j = json::parse(AnnotationToJson(a));
  for (const char* key : {"id", "title", "published", "outlet", "text", "sentences", "entities",
                          "quotes", "dates", "quantities"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["text"], a.article.text);
  EXPECT_EQ(j["sentences"].size(), a.sentences.size());
  EXPECT_EQ(j["sentences"][0]["start"], 0);
  const json& e = j["entities"][1];
  EXPECT_EQ(e["text"], "Ilse Brandvold");
  EXPECT_EQ(e["type"], "PERSON");
  EXPECT_EQ(e["entity"], "e2");
  EXPECT_EQ(e["start"], a.entities[1].span.start);
  EXPECT_EQ(e["end"], a.entities[1].span.end);
  const json& q = j["quotes"][0];
  EXPECT_EQ(q["speaker_name"], "Ilse Brandvold");
  EXPECT_EQ(q["cue"], "called");
  EXPECT_EQ(q["kind"], "partial");
  EXPECT_TRUE(q["medium"].is_null());
  EXPECT_FALSE(q.contains("speaker_owner"));  // only for a described speaker with an owner
  EXPECT_EQ(j["dates"][0]["value"], "2023-03-28");
  EXPECT_EQ(j["quantities"][0]["value"], 52);
  EXPECT_EQ(j["quantities"][0]["unit"], "years");
  EXPECT_EQ(j["quantities"][0]["subject"], "e2");
}

TEST(AnnotationToJsonTest, EmptyArticleHasEmptyListsAndNulls) {
  const json j = json::parse(AnnotationToJson(AnnotatedArticle{}));
  EXPECT_TRUE(j["published"].is_null());
  EXPECT_TRUE(j["outlet"].is_null());
  for (const char* key : {"sentences", "entities", "quotes", "dates", "quantities"}) {
    EXPECT_TRUE(j[key].is_array() && j[key].empty()) << key;
  }
}

// Issue 12: `annotate --json` on several articles needs one object per line
// (JSON Lines).
TEST(AnnotationToJsonTest, Issue12OneLineLayoutIsTheSameObject) {
  const AnnotatedArticle a = testdata::ArticleA1();
  const std::string line = AnnotationToJson(a, JsonLayout::kOneLine);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(json::parse(line), json::parse(AnnotationToJson(a)));
  EXPECT_NE(AnnotationToJson(a).find('\n'), std::string::npos);
}

}  // namespace
}  // namespace storyline
