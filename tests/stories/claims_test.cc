// Tests claims and conflicts through BuildBrief on invented articles, and
// the spelling and status helpers they rest on.

#include "stories/claims.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "stories/story_corpus.h"
#include "storyline/brief.h"

namespace storyline::stories {
namespace {

using testdata::AddDate;
using testdata::AddEntity;
using testdata::AddQuantity;
using testdata::AddQuote;
using testdata::MakeArticle;

const Claim* FindClaim(const Story& s, const std::string& attribute) {
  for (const Claim& c : s.claims) {
    if (c.attribute == attribute) return &c;
  }
  return nullptr;
}

std::set<std::string> Values(const Claim& c) {
  std::set<std::string> out;
  for (const ClaimValue& v : c.values) out.insert(v.value);
  return out;
}

const ClaimValue* ValueOf(const Claim& c, const std::string& value) {
  for (const ClaimValue& v : c.values) {
    if (v.value == value) return &v;
  }
  return nullptr;
}

TEST(SpellingVariantsTest, LetterChangesButNotSubNamesOrPlurals) {
  struct Row {
    std::string a, b;
    bool variants;
  };
  const Row rows[] = {
      {"kendall", "kendal", true},     {"denna", "demna", true},
      {"sanchez", "s\xC3\xA1nchez", true},  {"gvasalia", "gvasallia", true},
      {"kardashian", "kardashians", false}, {"osei", "osei's", false},
      {"kim", "kin", false},           {"kimberly", "kim", false},
      {"jones", "jones", false},       {"brandvold", "brandt", false},
      {"marit", "moritz", false},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(SpellingVariants(row.a, row.b), row.variants) << row.a << " / " << row.b;
    EXPECT_EQ(SpellingVariants(row.b, row.a), row.variants) << row.b << " / " << row.a;
  }
}

TEST(EditDistanceTest, CountsCodePoints) {
  EXPECT_EQ(EditDistance("sanchez", "s\xC3\xA1nchez"), 1u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
}

TEST(ClaimStatusTest, DuplicatesCountOnce) {
  struct Row {
    std::vector<std::vector<std::string>> values;  // articles per value
    std::unordered_map<std::string, std::string> source_of;
    std::string status;
  };
  const Row rows[] = {
      {{{"a"}}, {}, "single"},
      {{{"a", "b"}}, {}, "agreed"},
      {{{"a", "b"}}, {{"b", "a"}}, "single"},
      {{{"a", "b", "c"}}, {{"b", "a"}}, "agreed"},
      {{{"a"}, {"b"}}, {}, "conflict"},
      {{{"a"}, {"a"}}, {}, "conflict"},
  };
  for (const Row& row : rows) {
    Claim c;
    for (const auto& articles : row.values) {
      ClaimValue v;
      v.value = std::to_string(c.values.size());
      v.articles = articles;
      c.values.push_back(v);
    }
    EXPECT_EQ(ClaimStatus(c, row.source_of), row.status);
  }
}

// A museum story told by three outlets that disagree on where the director
// spoke, how her name is spelled, the year of the exhibition and her age.
std::vector<AnnotatedArticle> MuseumCorpus() {
  AnnotatedArticle a = MakeArticle(
      "m1", "Valley News", "2024-05-02", "Lindqvist museum reopens after flood",
      "The Lindqvist museum reopened on Wednesday. Director Hanne Sorvik, 58, wrote on Instagram "
      "that \"every painting survived the water and every room is open again.\" The 2019 "
      "flood exhibition drew record crowds.");
  AddEntity(a, "Lindqvist", "ORG", "e1");
  AddEntity(a, "Hanne Sorvik", "PERSON", "e2");
  AddQuote(a, "every painting survived the water and every room is open again.", "Hanne Sorvik",
           "e2", "wrote", "direct", "instagram");
  AddDate(a, "2019", "2019");
  AddDate(a, "Wednesday", "2024-05-01");
  AnnotatedArticle b = MakeArticle(
      "m2", "Riverside Herald", "2024-05-03", "Flooded Lindqvist museum open again",
      "The Lindqvist museum opened its doors again on Wednesday. Director Hanne Sorvick, 59, "
      "said in an interview: \"Every painting survived the water, every room is open again.\" "
      "Visitors remember the 2021 flood exhibition.");
  AddEntity(b, "Lindqvist", "ORG", "e1");
  AddEntity(b, "Hanne Sorvick", "PERSON", "e2");
  AddQuantity(b, "59", 59, "years", "e2");
  AddQuote(b, "Every painting survived the water, every room is open again.", "Hanne Sorvick",
           "e2", "said", "direct", "interview");
  AddDate(b, "2021", "2021");
  AddDate(b, "Wednesday", "2024-05-01");
  AnnotatedArticle c = MakeArticle(
      "m3", "Culture Daily", "2024-05-04", "Lindqvist museum after the flood",
      "Sorvik said every painting survived the water. The Lindqvist museum counts 40 rooms. The "
      "2019 flood exhibition is remembered by many.");
  AddEntity(c, "Sorvik", "PERSON", "e1");
  AddEntity(c, "Lindqvist", "ORG", "e2");
  AddQuantity(c, "40 rooms", 40, "rooms", "e2");
  AddDate(c, "2019", "2019");
  return {a, b, c};
}

TEST(ClaimsTest, ConflictsBetweenOutletsCarryEachSidesEvidence) {
  const Brief b = BuildBrief(MuseumCorpus(), {});
  ASSERT_EQ(b.stories.size(), 1u);
  const Story& s = b.stories[0];
  struct Row {
    std::string attribute;
    std::string status;
    std::set<std::string> values;
  };
  const Row rows[] = {
      {"medium", "conflict", {"instagram", "interview"}},
      {"name", "conflict", {"Sorvik", "Sorvick"}},
      {"year", "conflict", {"2019", "2021"}},
      {"age", "conflict", {"58", "59"}},
  };
  for (const Row& row : rows) {
    const Claim* c = FindClaim(s, row.attribute);
    ASSERT_NE(c, nullptr) << row.attribute;
    EXPECT_EQ(c->status, row.status) << row.attribute;
    EXPECT_EQ(Values(*c), row.values) << row.attribute;
    for (const ClaimValue& v : c->values) {
      EXPECT_FALSE(v.articles.empty()) << row.attribute;
      EXPECT_FALSE(v.evidence.empty()) << row.attribute << " " << v.value;
    }
  }
  const Claim* year = FindClaim(s, "year");
  ASSERT_NE(year, nullptr);
  ASSERT_NE(ValueOf(*year, "2019"), nullptr);
  EXPECT_EQ(ValueOf(*year, "2019")->articles, (std::vector<std::string>{"m1", "m3"}));
  EXPECT_NE(ValueOf(*year, "2021")->evidence.find("2021 flood exhibition"), std::string::npos);
  const Claim* name = FindClaim(s, "name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(ValueOf(*name, "Sorvick")->articles, (std::vector<std::string>{"m2"}));
  EXPECT_EQ(ValueOf(*name, "Sorvik")->articles, (std::vector<std::string>{"m1", "m3"}));
  const Claim* rooms = FindClaim(s, "rooms");
  ASSERT_NE(rooms, nullptr);
  EXPECT_EQ(rooms->status, "single");
}

TEST(ClaimsTest, TwoYearsForOneEventInOneArticleIsAConflict) {
  AnnotatedArticle a = MakeArticle(
      "y1", "", "2024-03-01", "Gala",
      "The 2022 charity gala raised money for the harbour. Guests of the 2023 charity gala "
      "praised the music. In 2020, the harbour closed.");
  AddDate(a, "2022", "2022");
  AddDate(a, "2023", "2023");
  AddDate(a, "2020", "2020");
  const Brief b = BuildBrief({a}, {});
  ASSERT_EQ(b.stories.size(), 1u);
  const Claim* year = FindClaim(b.stories[0], "year");
  ASSERT_NE(year, nullptr);
  EXPECT_EQ(year->status, "conflict");
  EXPECT_EQ(Values(*year), (std::set<std::string>{"2022", "2023"}));
  EXPECT_EQ(year->subject_name, "charity gala");
}

TEST(ClaimsTest, AgreementAndSingleSources) {
  struct Row {
    std::string name;
    std::vector<std::string> mediums;  // one article each; "" = none
    std::string status;                // "" = no medium claim
  };
  const Row rows[] = {
      {"two outlets, one medium", {"x", "x"}, "agreed"},
      {"one outlet names a medium", {"x", ""}, ""},
      {"two media", {"x", "tiktok"}, "conflict"},
  };
  for (const Row& row : rows) {
    std::vector<AnnotatedArticle> in;
    for (size_t i = 0; i < row.mediums.size(); ++i) {
      AnnotatedArticle a = MakeArticle(
          "p" + std::to_string(i), "", "2024-01-0" + std::to_string(i + 1), "Port strike",
          std::string(i == 0 ? "Dockers at the port went on strike. "
                             : "Cranes stood still all day as the harbour workers walked out. ") +
          "\"We stay out until the pay offer improves,\" "
          "union leader Ravi Osterberg posted.");
      AddEntity(a, "Ravi Osterberg", "PERSON", "e1");
      AddQuote(a, "We stay out until the pay offer improves,", "Ravi Osterberg", "e1", "posted",
               "direct", row.mediums[i]);
      in.push_back(a);
    }
    const Brief b = BuildBrief(in, {});
    ASSERT_EQ(b.stories.size(), 1u) << row.name;
    const Claim* medium = FindClaim(b.stories[0], "medium");
    if (row.status.empty()) {
      EXPECT_EQ(medium, nullptr) << row.name;
      continue;
    }
    ASSERT_NE(medium, nullptr) << row.name;
    EXPECT_EQ(medium->status, row.status) << row.name;
    EXPECT_EQ(medium->subject_name, "Ravi Osterberg") << row.name;
  }
}

TEST(ClaimsTest, NearDuplicateCopiesDoNotMakeAgreement) {
  AnnotatedArticle a = testdata::ArticleB1();
  AnnotatedArticle copy = a;
  copy.article.id = "b1-copy";
  copy.article.published = "2023-04-02";
  const Brief b = BuildBrief({a, copy}, {});
  ASSERT_EQ(b.stories.size(), 1u);
  ASSERT_EQ(b.stories[0].duplicates.size(), 1u);
  const Claim* depth = FindClaim(b.stories[0], "km");
  ASSERT_NE(depth, nullptr);
  EXPECT_EQ(depth->values.size(), 1u);
  EXPECT_EQ(depth->values[0].articles.size(), 2u) << "both articles are cited";
  EXPECT_EQ(depth->status, "single") << "a syndicated copy is not a second source";
}

TEST(ClaimsTest, AppositiveAgesOnlyAfterPersonNames) {
  struct Row {
    std::string sentence, name, type;
    std::string age;  // "" = no age claim
  };
  const Row rows[] = {
      {"Tove Lindahl, 44, opened the bakery.", "Tove Lindahl", "PERSON", "44"},
      {"Tove Lindahl, 44 years after her mother, opened the bakery.", "Tove Lindahl", "PERSON",
       ""},
      {"Tove Lindahl, 2024 winner, opened the bakery.", "Tove Lindahl", "PERSON", ""},
      {"Malmo, 44, is far away.", "Malmo", "PLACE", ""},
      {"Tove Lindahl, 31 briefly ran the bakery.", "Tove Lindahl", "PERSON", "31"},
  };
  for (const Row& row : rows) {
    AnnotatedArticle a = MakeArticle("g", "", "2024-01-01", "Bakery", row.sentence);
    AddEntity(a, row.name, row.type, "e1");
    const Brief b = BuildBrief({a}, {});
    ASSERT_EQ(b.stories.size(), 1u);
    const Claim* age = FindClaim(b.stories[0], "age");
    if (row.age.empty()) {
      EXPECT_EQ(age, nullptr) << row.sentence;
      continue;
    }
    ASSERT_NE(age, nullptr) << row.sentence;
    EXPECT_EQ(Values(*age), (std::set<std::string>{row.age}));
    EXPECT_EQ(age->status, "single");
    EXPECT_EQ(age->values[0].evidence, row.sentence);
  }
}

}  // namespace
}  // namespace storyline::stories
