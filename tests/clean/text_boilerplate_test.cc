// Tests for the plain-text boilerplate remover (src/clean/text_boilerplate.h).
// Every line below was written for this test: general news residue and
// ordinary article sentences, not text from any real article.
#include "clean/text_boilerplate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace storyline {
namespace {

namespace tbp = text_boilerplate;

struct RuleCase {
  const char* line;
  bool boilerplate;
};

TEST(TextBoilerplateRule, Table) {
  const RuleCase cases[] = {
      // Image and source credits.
      {"Photo: Jane Smith/Reuters", true},
      {"The mayor opened the new bridge on Tuesday. Picture: Alamy", true},
      {"Northfield Press/Twitter/Tom Example", true},
      {"(Source - Facebook / City Council)", true},
      {"Image credit: Harbour Museum", true},
      {"Farmers gather outside the ministry on Monday. (AP)", true},
      {"Peter Example, AFP", true},
      // Share, follow, newsletter and cookie prompts.
      {"Share this article", true},
      {"Share on Facebook", true},
      {"Why not share this story with a friend?", true},
      {"Follow us on Instagram", true},
      {"Sign up for our daily newsletter", true},
      {"We use cookies to improve your experience on our site.", true},
      // Embed residue.
      {"View this post on Instagram", true},
      {"A post shared by Example Person (@example_person)", true},
      // Related lists and read-more links.
      {"Related Articles", true},
      {"You may also like:", true},
      {"READ MORE: Council votes to close the old library", true},
      {"Also read | Five things to know about the budget", true},
      // Bylines, dates, tags, ads, copyright, chrome.
      {"By Maria Lopez", true},
      {"By Maria Lopez and Sam Okafor, Reuters", true},
      {"Additional reporting by Lee Chan; Editing by Ana Ruiz", true},
      {"Tom Example contributed to this report.", true},
      {"Updated: March 3, 2021 10:45 am", true},
      {"12/05/2020", true},
      {"Tags: politics, elections, budget", true},
      {"Advertisement", true},
      {"Story continues below advertisement", true},
      {"\xC2\xA9 2023 Example Media Ltd. All rights reserved.", true},
      {"24 comments", true},
      {"Image 3 of 7", true},
      // Article sentences that share words with the cues: kept.
      {"She declined to comment.", false},
      {"The shares fell 4% in early trading.", false},
      {"In related news, the council also approved a new budget for schools.", false},
      {"\"We will appeal,\" he said.", false},
      {"By the end of the year, sales had doubled.", false},
      {"Subscribers to the service will pay more from June.", false},
      {"The photo was taken in 2019, the agency said.", false},
      {"Getty Images said it would appeal the ruling in London next month.", false},
      {"March 3 was the day everything changed.", false},
      {"Read the full report on the ministry's website before the vote.", false},
      {"Call 555-0199 for details.", false},
      {"Prices rose 5% to $12.50.", false},
      {"The winners were Smith/Jones/Brown in the doubles final.", false},
  };
  for (const RuleCase& c : cases) {
    const std::string_view rule = tbp::BoilerplateRule(c.line);
    EXPECT_EQ(!rule.empty(), c.boilerplate) << c.line << " -> rule '" << rule << "'";
  }
}

struct SplitCase {
  const char* input;
  std::vector<std::string> paragraphs;
};

TEST(TextBoilerplateSplit, Table) {
  const SplitCase cases[] = {
      {"", {}},
      {"\n \n\t\n", {}},
      {"One line.", {"One line."}},
      {"  padded line.  \r\n", {"padded line."}},
      {"First paragraph.\n\nSecond paragraph.", {"First paragraph.", "Second paragraph."}},
      {"First paragraph.\nSecond paragraph.", {"First paragraph.", "Second paragraph."}},
      // A hard wrap: no sentence end, next line starts in lower case.
      {"The council met late\non Tuesday to vote.", {"The council met late on Tuesday to vote."}},
      {"The council met late\non Tuesday and\nvoted to close it.", {"The council met late on Tuesday and voted to close it."}},
      // A sentence end or a colon closes the paragraph even before lower case.
      {"It ended.\nthen another began.", {"It ended.", "then another began."}},
      {"Key points:\nthe vote was close.", {"Key points:", "the vote was close."}},
      // A blank line always separates.
      {"A heading\n\nlower-case start.", {"A heading", "lower-case start."}},
      {"Headline Without Stop\nNext Line Capitalised", {"Headline Without Stop", "Next Line Capitalised"}},
      {"\xC2\xA0Spaced\xC2\xA0", {"Spaced"}},
  };
  for (const SplitCase& c : cases) {
    EXPECT_EQ(tbp::SplitParagraphs(c.input), c.paragraphs) << c.input;
  }
}

struct ParseCase {
  const char* tsv;
  bool ok;
};

TEST(TextBoilerplateModel, ParseTable) {
  const ParseCase cases[] = {
      {"", true},
      {"# comment only\n", true},
      {"# c\nthreshold\t0.3\ns1.bias\t-1.5\ns2.window_p\t2.0\n", true},
      {"s1.no_such_feature\t1.0\n", false},
      {"s2.no_such_feature\t1.0\n", false},
      {"s1.window_p\t1.0\n", false},  // a context feature exists only in stage 2
      {"threshold\tabc\n", false},
      {"threshold\t0.5x\n", false},
      {"s1.bias 1.0\n", false},
      {"weights\t1\n", false},
  };
  for (const ParseCase& c : cases) {
    EXPECT_EQ(tbp::ParseModel(c.tsv).ok(), c.ok) << c.tsv;
  }
  const Result<tbp::Model> m = tbp::ParseModel("threshold\t0.3\ns1.bias\t-1.5\ns2.window_p\t2.0\n");
  ASSERT_TRUE(m.ok());
  EXPECT_FLOAT_EQ(m->threshold, 0.3f);
  EXPECT_FLOAT_EQ(m->stage1[0], -1.5f);
  EXPECT_FLOAT_EQ(m->stage2[tbp::kNumLocal + 2], 2.0f);
}

TEST(TextBoilerplateModel, EmbeddedModelIsTrained) {
  const tbp::Model& m = tbp::EmbeddedModel();
  const bool any_weight = std::any_of(m.stage2.begin(), m.stage2.end(), [](float w) { return w != 0.0f; });
  EXPECT_TRUE(any_weight) << "models/text_boilerplate.tsv missing or unparsable at build time";
  EXPECT_GT(m.threshold, 0.0f);
  EXPECT_LT(m.threshold, 1.0f);
}

// An invented article with residue of every kind around and inside it.
constexpr const char* kArticle =
    "Northfield Press/Instagram/Tom Example\n"
    "\n"
    "By Maria Lopez\n"
    "\n"
    "The city council voted on Tuesday to close the old harbour library, ending a two-year dispute over "
    "the cost of repairs to its flooded basement.\n"
    "\n"
    "Share this article\n"
    "\n"
    "Council leader Ann Berg said the decision had not been easy. \"We looked at every option, and none of "
    "them was affordable,\" she told reporters after the meeting.\n"
    "\n"
    "Readers gather in the reading room on the last open day. Picture: Alamy\n"
    "\n"
    "The library's director was asked about the plans for the building.\n"
    "\n"
    "She declined to comment.\n"
    "\n"
    "Residents have started a petition, which had gathered more than 3,000 signatures by Wednesday "
    "evening, according to its organisers.\n"
    "\n"
    "View this post on Instagram\n"
    "A post shared by Harbour Friends (@harbourfriends)\n"
    "\n"
    "One resident wrote under the council's post, \"Where will the children study now?\"\n"
    "\n"
    "Another added, \"A sad day for the town.\"\n"
    "\n"
    "The building will be sold next year, the council said.\n"
    "\n"
    "Sign up for our daily newsletter\n"
    "\n"
    "Related Posts\n"
    "Harbour festival returns after three years\n"
    "Mayor opens new cycle bridge\n";

TEST(RemoveTextBoilerplate, InventedArticle) {
  const TextCleanResult r = RemoveTextBoilerplate(kArticle);
  const std::vector<std::string> kept_expected = {
      "The city council voted on Tuesday to close the old harbour library",
      "Council leader Ann Berg said the decision had not been easy.",
      "The library's director was asked about the plans for the building.",
      "She declined to comment.",
      "Residents have started a petition",
      "One resident wrote under the council's post",
      "Another added, \"A sad day for the town.\"",
      "The building will be sold next year, the council said.",
  };
  for (const std::string& k : kept_expected) {
    EXPECT_NE(r.text.find(k), std::string::npos) << "dropped: " << k << "\nkept text:\n" << r.text;
  }
  const std::vector<std::string> removed_expected = {
      "Northfield Press/Instagram/Tom Example",
      "By Maria Lopez",
      "Share this article",
      "Readers gather in the reading room on the last open day. Picture: Alamy",
      "View this post on Instagram",
      "A post shared by Harbour Friends (@harbourfriends)",
      "Sign up for our daily newsletter",
      "Related Posts",
      "Harbour festival returns after three years",
      "Mayor opens new cycle bridge",
  };
  EXPECT_EQ(r.removed, removed_expected);
}

TEST(RemoveTextBoilerplate, RelatedListEndsAtProse) {
  const TextCleanResult r = RemoveTextBoilerplate(
      "The port reopened on Monday after a week of repairs to the main quay and its cranes.\n\n"
      "You might also like\n"
      "Ferry fares to rise in spring\n"
      "The harbour master said traffic would return to normal by the end of the month, weather permitting.\n");
  EXPECT_EQ(r.removed, (std::vector<std::string>{"You might also like", "Ferry fares to rise in spring"}));
  EXPECT_NE(r.text.find("The harbour master said"), std::string::npos);
}

TEST(RemoveTextBoilerplate, EmptyInEmptyOut) {
  for (const char* in : {"", "\n\n", "   \r\n\t"}) {
    const TextCleanResult r = RemoveTextBoilerplate(in);
    EXPECT_TRUE(r.text.empty()) << in;
    EXPECT_TRUE(r.removed.empty()) << in;
  }
}

TEST(RemoveTextBoilerplate, KeptAndRemovedPartitionTheParagraphs) {
  const std::vector<std::string> paragraphs = tbp::SplitParagraphs(kArticle);
  const TextCleanResult r = RemoveTextBoilerplate(kArticle);
  size_t kept = r.text.empty() ? 0 : 1;
  for (size_t pos = r.text.find("\n\n"); pos != std::string::npos; pos = r.text.find("\n\n", pos + 2)) ++kept;
  EXPECT_EQ(kept + r.removed.size(), paragraphs.size());
  const TextCleanResult again = RemoveTextBoilerplate(kArticle);
  EXPECT_EQ(again.text, r.text);
  EXPECT_EQ(again.removed, r.removed);
}

TEST(RemoveTextBoilerplate, InvalidUtf8PassesThrough) {
  const std::string in = "The council met on Tuesday \xFF\xFE and voted to close the library after a long debate.";
  const TextCleanResult r = RemoveTextBoilerplate(in);
  EXPECT_EQ(r.text, in);
}

}  // namespace
}  // namespace storyline
