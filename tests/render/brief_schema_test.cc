// Every brief RenderBrief emits as JSON validates against
// schema/brief.schema.json (the DESIGN.md contract), whatever the input.

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "stories/story_corpus.h"
#include "storyline/brief.h"
#include "storyline/render.h"
#include "testing/schema_check.h"

namespace storyline {
namespace {

using test_support::BriefSchemaPath;
using test_support::MatchesJsonSchema;

Brief UndatedBrief() {
  std::vector<AnnotatedArticle> in = testdata::TwoStoryCorpus();
  for (AnnotatedArticle& a : in) {
    a.article.published.clear();
    a.article.outlet.clear();
    a.article.url.clear();
  }
  return BuildBrief(in, {});
}

Brief UnicodeAndHostileBrief() {
  std::vector<AnnotatedArticle> in;
  AnnotatedArticle a = testdata::MakeArticle(
      "\xF0\x9F\x93\xB0-1", "\xD7\x94\xD7\x90\xD7\xA8\xD7\xA5 \"&'", "2024-02-29",
      "<script>alert(1)</script> Caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC",
      "Zo\xC3\xAB Ma\xCC\x81rquez said \xE2\x80\x9C\xE6\x9D\xB1\xE4\xBA\xAC is calm\xE2\x80\x9D "
      "on Monday. Tab\there, NUL-free control \x01 char. Zo\xC3\xAB Ma\xCC\x81rquez, 30, left.");
  testdata::AddEntity(a, "Zo\xC3\xAB Ma\xCC\x81rquez", "PER", "e1");
  testdata::AddQuote(a, "\xE6\x9D\xB1\xE4\xBA\xAC is calm", "Zo\xC3\xAB Ma\xCC\x81rquez", "e1",
                     "said", "direct", "");
  testdata::AddDate(a, "Monday", "2024-02-26");
  testdata::AddQuantity(a, "30", 30, "years", "e1");
  a.article.boilerplate_removed = {"\xF0\x9F\x91\x8D Like", "</details><script>"};
  in.push_back(a);
  AnnotatedArticle bad = testdata::MakeArticle("bad-utf8", "Out\xFFlet", "", "Ti\xC3tle",
                                               "Broken \xE2\x82 bytes \xC0\xAF here.");
  in.push_back(bad);
  return BuildBrief(in, {});
}

// A brief assembled by hand with values the contract cannot express: the
// renderer must still emit a valid document.
Brief OutOfContractBrief() {
  Brief b;
  Article a;
  a.id = "x";
  a.published = "28/11/2022";
  b.articles.push_back(a);
  Story s;
  s.id = "s1";
  s.articles = {"x", "not-in-brief"};
  s.span_first = "sometime";
  s.span_last = "2022-11-28";
  s.entities.push_back({"e1", "Somewhere", "GPE", {"Somewhere"}, {"x"}, 1});
  s.quotes.push_back({"q1", "", "", "no occurrences", {}});
  s.timeline.push_back({"P3D", "a duration", {"x"}, "For three days."});
  s.claims.push_back({"e1", "Somewhere", "count", "unsure", {{"3", {"x"}, "Three."}}});
  s.claims.push_back({"e1", "Somewhere", "count", "single", {}});
  b.stories.push_back(s);
  return b;
}

TEST(BriefSchemaTest, RenderedBriefsValidate) {
  struct Row {
    const char* name;
    std::function<Brief()> make;
  };
  const Row rows[] = {
      {"empty", [] { return BuildBrief({}, {}); }},
      {"two stories, all annotation kinds", [] { return BuildBrief(testdata::TwoStoryCorpus(), {}); }},
      {"undated, no outlets or urls", UndatedBrief},
      {"one article per story", [] {
         StoryOptions o;
         o.min_similarity = 1.01;
         return BuildBrief(testdata::TwoStoryCorpus(), o);
       }},
      {"unicode and hostile strings", UnicodeAndHostileBrief},
      {"out-of-contract values", OutOfContractBrief},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    EXPECT_TRUE(MatchesJsonSchema(RenderBrief(row.make(), BriefFormat::kJson), BriefSchemaPath()));
  }
}

// The check itself must be able to fail, or the test above proves nothing.
TEST(BriefSchemaTest, ValidatorRejectsDocumentsOutsideTheContract) {
  const char* const bad[] = {
      R"({"articles": 1, "stories": []})",
      R"({"articles": []})",
      R"({"articles": [{"id": "x", "title": "t", "outlet": null, "published": "28/11/2022",
          "url": null, "boilerplate_removed": []}], "stories": []})",
      R"({"articles": [], "stories": [{"id": "s", "label": "l", "articles": [],
          "related_stories": [], "span": {"first": null, "last": null}, "entities": [],
          "quotes": [{"id": "q1", "speaker": null, "speaker_name": null, "text": "t",
                      "occurrences": []}], "timeline": [], "claims": []}]})",
  };
  for (const char* doc : bad) {
    const ::testing::AssertionResult r = MatchesJsonSchema(doc, BriefSchemaPath());
    EXPECT_FALSE(r) << doc;
    EXPECT_NE(std::string(r.message()).find("does not match"), std::string::npos) << r.message();
  }
}

}  // namespace
}  // namespace storyline
