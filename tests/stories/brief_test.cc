// Tests BuildBrief through brief.h: story grouping, ids, spans, labels and
// the per-story view built from annotations.

#include "storyline/brief.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "stories/story_corpus.h"

namespace storyline {
namespace {

using testdata::TwoStoryCorpus;

std::set<std::string> AsSet(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

const Story* StoryWith(const Brief& b, const std::string& article_id) {
  for (const Story& s : b.stories) {
    if (std::find(s.articles.begin(), s.articles.end(), article_id) != s.articles.end()) return &s;
  }
  return nullptr;
}

const BriefEntity* EntityNamed(const Story& s, const std::string& name) {
  for (const BriefEntity& e : s.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

TEST(BuildBriefTest, EmptyInputGivesEmptyBrief) {
  const Brief b = BuildBrief({}, {});
  EXPECT_TRUE(b.articles.empty());
  EXPECT_TRUE(b.stories.empty());
}

TEST(BuildBriefTest, SeparatesTwoStoriesAndGroupsEach) {
  const Brief b = BuildBrief(TwoStoryCorpus(), {});
  ASSERT_EQ(b.stories.size(), 2u);
  const Story* tram = StoryWith(b, "a1");
  const Story* octopus = StoryWith(b, "b1");
  ASSERT_NE(tram, nullptr);
  ASSERT_NE(octopus, nullptr);
  EXPECT_EQ(AsSet(tram->articles), (std::set<std::string>{"a1", "a2", "a3"}));
  EXPECT_EQ(AsSet(octopus->articles), (std::set<std::string>{"b1", "b2", "b3"}));
}

// The grouping from stored keys is BuildBrief's grouping, story for story.
TEST(BuildBriefTest, GroupingFromClusterKeysIsBuildBriefsGrouping) {
  for (const double threshold : {0.05, 0.2, 0.5}) {
    StoryOptions options;
    options.min_similarity = threshold;
    const std::vector<AnnotatedArticle> in = TwoStoryCorpus();
    const Brief full = BuildBrief(in, options);
    std::vector<Article> plain;
    std::vector<std::vector<std::string>> keys;
    for (const AnnotatedArticle& a : in) {
      plain.push_back(a.article);
      keys.push_back(ClusterKeys(a));
    }
    const Brief grouped = GroupArticles(plain, keys, options);
    ASSERT_EQ(grouped.stories.size(), full.stories.size()) << threshold;
    for (size_t i = 0; i < full.stories.size(); ++i) {
      EXPECT_EQ(grouped.stories[i].id, full.stories[i].id);
      EXPECT_EQ(grouped.stories[i].label, full.stories[i].label);
      EXPECT_EQ(grouped.stories[i].articles, full.stories[i].articles);
      EXPECT_EQ(grouped.stories[i].related_stories, full.stories[i].related_stories);
      EXPECT_TRUE(grouped.stories[i].quotes.empty());  // no views
    }
  }
  // Keys carry the names, never descriptions or places.
  bool named = false;
  for (const AnnotatedArticle& a : TwoStoryCorpus()) {
    for (const std::string& k : ClusterKeys(a)) {
      EXPECT_NE(k.rfind("the ", 0), 0u) << k;
      named = true;
    }
  }
  EXPECT_TRUE(named);
}

TEST(BuildBriefTest, ArticlesKeepInputOrder) {
  const std::vector<AnnotatedArticle> in = TwoStoryCorpus();
  const Brief b = BuildBrief(in, {});
  ASSERT_EQ(b.articles.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) EXPECT_EQ(b.articles[i].id, in[i].article.id);
}

TEST(BuildBriefTest, StoryArticlesInPublicationOrderUndatedLast) {
  const Brief b = BuildBrief(TwoStoryCorpus(), {});
  const Story* tram = StoryWith(b, "a1");
  const Story* octopus = StoryWith(b, "b1");
  ASSERT_NE(tram, nullptr);
  ASSERT_NE(octopus, nullptr);
  EXPECT_EQ(tram->articles, (std::vector<std::string>{"a1", "a2", "a3"}));
  EXPECT_EQ(octopus->articles, (std::vector<std::string>{"b1", "b2", "b3"}));
}

TEST(BuildBriefTest, SpanIsMinAndMaxOfDates) {
  struct Row {
    std::vector<std::string> dates;  // one article per date, same text
    std::string first, last;
  };
  const Row rows[] = {
      {{"2023-04-02", "2023-05-10", "2023-04-03"}, "2023-04-02", "2023-05-10"},
      {{"", "2023-04-05", ""}, "2023-04-05", "2023-04-05"},
      {{"", ""}, "", ""},
      {{"2022", "2022-11-28", "2022-11"}, "2022", "2022-11-28"},
  };
  for (const Row& row : rows) {
    std::vector<AnnotatedArticle> in;
    for (size_t i = 0; i < row.dates.size(); ++i) {
      AnnotatedArticle a = testdata::ArticleA1();
      a.article.id = std::string("x").append(std::to_string(i));
      a.article.published = row.dates[i];
      in.push_back(a);
    }
    const Brief b = BuildBrief(in, {});
    ASSERT_EQ(b.stories.size(), 1u) << "identical articles are one story";
    EXPECT_EQ(b.stories[0].span_first, row.first);
    EXPECT_EQ(b.stories[0].span_last, row.last);
  }
}

TEST(BuildBriefTest, IdsAreStableAcrossRunsAndInputOrder) {
  std::vector<AnnotatedArticle> in = TwoStoryCorpus();
  const Brief first = BuildBrief(in, {});
  const Brief again = BuildBrief(in, {});
  std::reverse(in.begin(), in.end());
  const Brief reversed = BuildBrief(in, {});
  // Story ids look like "s" + 12 lowercase hex digits.
  auto id_form = [](const std::string& id) {
    return id.size() == 13 && id[0] == 's' &&
           id.find_first_not_of("0123456789abcdef", 1) == std::string::npos;
  };
  for (const char* article : {"a1", "b1"}) {
    const Story* s1 = StoryWith(first, article);
    const Story* s2 = StoryWith(again, article);
    const Story* s3 = StoryWith(reversed, article);
    ASSERT_TRUE(s1 && s2 && s3);
    EXPECT_TRUE(id_form(s1->id)) << s1->id;
    EXPECT_EQ(s1->id, s2->id);
    EXPECT_EQ(s1->id, s3->id);
    EXPECT_EQ(s1->articles, s3->articles);
  }
  EXPECT_NE(first.stories[0].id, first.stories[1].id);
}

TEST(BuildBriefTest, LabelNamesWhatTheArticlesShare) {
  const Brief b = BuildBrief(TwoStoryCorpus(), {});
  const Story* tram = StoryWith(b, "a1");
  const Story* octopus = StoryWith(b, "b1");
  ASSERT_NE(tram, nullptr);
  ASSERT_NE(octopus, nullptr);
  EXPECT_NE(tram->label.find("Varnholm"), std::string::npos) << tram->label;
  EXPECT_NE(octopus->label.find("Calderra Ridge"), std::string::npos) << octopus->label;
  EXPECT_NE(octopus->label.find("Tomas Ekwueme"), std::string::npos) << octopus->label;
}

TEST(BuildBriefTest, LabelFallsBackToTitle) {
  AnnotatedArticle a = testdata::MakeArticle("n1", "", "", "  A quiet   afternoon ",
                                             "nothing here is capitalised at all.");
  const Brief b = BuildBrief({a}, {});
  ASSERT_EQ(b.stories.size(), 1u);
  EXPECT_EQ(b.stories[0].label, "A quiet afternoon");
  AnnotatedArticle untitled = testdata::MakeArticle("n2", "", "", "", "");
  EXPECT_EQ(BuildBrief({untitled}, {}).stories[0].label, "n2");
}

TEST(BuildBriefTest, ArticlesWithoutWordsAreStoriesOfTheirOwn) {
  const std::vector<AnnotatedArticle> in = {
      testdata::MakeArticle("e1", "", "", "", ""),
      testdata::MakeArticle("e2", "", "", "", "1, 2, 3 ... 42"),
  };
  const Brief b = BuildBrief(in, {});
  EXPECT_EQ(b.stories.size(), 2u);
}

TEST(BuildBriefTest, ThresholdAboveOneKeepsEveryArticleApart) {
  StoryOptions options;
  options.min_similarity = 1.01;
  const Brief b = BuildBrief(TwoStoryCorpus(), options);
  EXPECT_EQ(b.stories.size(), 6u);
  std::set<std::string> ids;
  for (const Story& s : b.stories) ids.insert(s.id);
  EXPECT_EQ(ids.size(), 6u) << "story ids are unique";
}

TEST(BuildBriefTest, RelatedStoriesAreSymmetricAndKnown) {
  StoryOptions options;
  options.min_similarity = 0.6;  // splits the stories so some pairs are only related
  const Brief b = BuildBrief(TwoStoryCorpus(), options);
  std::set<std::string> ids;
  for (const Story& s : b.stories) ids.insert(s.id);
  size_t links = 0;
  for (const Story& s : b.stories) {
    for (const std::string& r : s.related_stories) {
      ++links;
      ASSERT_TRUE(ids.count(r)) << r;
      const auto& back = std::find_if(b.stories.begin(), b.stories.end(),
                                      [&](const Story& t) { return t.id == r; })
                             ->related_stories;
      EXPECT_NE(std::find(back.begin(), back.end(), s.id), back.end());
    }
  }
  EXPECT_GT(links, 0u);
}

TEST(BuildBriefTest, EntitiesGroupedAcrossArticlesByName) {
  const Brief b = BuildBrief(TwoStoryCorpus(), {});
  const Story* tram = StoryWith(b, "a1");
  ASSERT_NE(tram, nullptr);
  // "Brandvold" alone (a3) is an alias of exactly one entity named in
  // other articles; "VARNHOLM" differs from "Varnholm" only in case.
  ASSERT_EQ(tram->entities.size(), 2u);
  const BriefEntity* mayor = EntityNamed(*tram, "Ilse Brandvold");
  const BriefEntity* city = EntityNamed(*tram, "Varnholm");
  ASSERT_NE(mayor, nullptr);
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(mayor->type, "PERSON");
  EXPECT_EQ(mayor->mentions, 3u);
  EXPECT_EQ(AsSet(mayor->articles), (std::set<std::string>{"a1", "a2", "a3"}));
  EXPECT_EQ(AsSet(mayor->aliases), (std::set<std::string>{"Ilse Brandvold", "Brandvold"}));
  EXPECT_EQ(city->type, "PLACE");
  EXPECT_EQ(city->mentions, 4u);
  EXPECT_EQ(AsSet(city->aliases), (std::set<std::string>{"Varnholm", "VARNHOLM"}));
  EXPECT_NE(mayor->id, city->id);
}

TEST(BuildBriefTest, ShortNamesJoinOnlyAnUnambiguousCompatibleEntity) {
  struct Row {
    std::vector<std::pair<std::string, std::string>> names;  // (text, type), one article each
    size_t entities;
  };
  const Row rows[] = {
      {{{"Ada Quell", "PERSON"}, {"Quell", "PERSON"}}, 1},
      // A lower-case mention is a description, not a name: it groups nothing.
      {{{"Ada Quell", "PERSON"}, {"quell", "PERSON"}}, 2},
      {{{"Ada Quell", "PERSON"}, {"Quell", "OTHER"}}, 1},
      {{{"Ada Quell", "PERSON"}, {"Bo Quell", "PERSON"}, {"Quell", "PERSON"}}, 3},
      {{{"Varnholm Tram Company", "ORG"}, {"Varnholm", "PLACE"}}, 2},
      {{{"Ada Quell", "PERSON"}, {"Ada Quellmann", "PERSON"}}, 2},
  };
  for (const Row& row : rows) {
    std::vector<AnnotatedArticle> in;
    for (size_t i = 0; i < row.names.size(); ++i) {
      const auto& [name, type] = row.names[i];
      AnnotatedArticle a = testdata::MakeArticle(std::string("n").append(std::to_string(i)), "",
                                                 "", "Same title", "Text about " + name + ".");
      testdata::AddEntity(a, name, type, "e1");
      in.push_back(a);
    }
    const Brief b = BuildBrief(in, {});
    ASSERT_EQ(b.stories.size(), 1u);
    EXPECT_EQ(b.stories[0].entities.size(), row.entities) << row.names.back().first;
  }
}

TEST(BuildBriefTest, QuotesCarrySpeakerEntityAndOccurrence) {
  const Brief b = BuildBrief(TwoStoryCorpus(), {});
  const Story* tram = StoryWith(b, "a1");
  ASSERT_NE(tram, nullptr);
  const BriefEntity* mayor = EntityNamed(*tram, "Ilse Brandvold");
  ASSERT_NE(mayor, nullptr);
  ASSERT_EQ(tram->quotes.size(), 3u);
  std::set<std::string> quote_ids;
  for (const BriefQuote& q : tram->quotes) {
    quote_ids.insert(q.id);
    EXPECT_EQ(q.speaker, mayor->id) << q.text;
    ASSERT_EQ(q.occurrences.size(), 1u);
    EXPECT_EQ(q.occurrences[0].text, q.text);
  }
  EXPECT_EQ(quote_ids.size(), 3u);
  const BriefQuote& first = tram->quotes[0];  // a1 is first in publication order
  EXPECT_EQ(first.occurrences[0].article, "a1");
  EXPECT_EQ(first.occurrences[0].cue, "called");
  EXPECT_EQ(first.occurrences[0].kind, "partial");
  const Span expected = testdata::SpanOf(testdata::ArticleA1().article.text,
                                         "a turning point for public transport in the city");
  EXPECT_EQ(first.occurrences[0].start, expected.start);
  EXPECT_EQ(first.occurrences[0].end, expected.end);
}

TEST(BuildBriefTest, TimelineHasCalendarDatesWithTheirSentences) {
  const Brief b = BuildBrief(TwoStoryCorpus(), {});
  const Story* tram = StoryWith(b, "a1");
  ASSERT_NE(tram, nullptr);
  // "Tuesday" -> 2023-03-28; "next spring" (2024-SP) -> 2024 in a1 and a3
  // (different sentences: two entries); "P3D" is a duration: no entry.
  ASSERT_EQ(tram->timeline.size(), 3u);
  EXPECT_EQ(tram->timeline[0].date, "2023-03-28");
  EXPECT_EQ(tram->timeline[0].articles, (std::vector<std::string>{"a1"}));
  EXPECT_EQ(tram->timeline[0].evidence,
            "The Varnholm city council voted on Tuesday to approve the eastern tram line, a "
            "14-kilometre route linking the harbour district with the university campus.");
  EXPECT_EQ(tram->timeline[1].date, "2024");
  EXPECT_EQ(tram->timeline[2].date, "2024");
  for (size_t i = 1; i < 3; ++i) {
    EXPECT_NE(tram->timeline[i].evidence.find("next spring"), std::string::npos);
    EXPECT_EQ(tram->timeline[i].text, tram->timeline[i].evidence) << "short sentences stay whole";
  }
}

TEST(BuildBriefTest, TimelineMergesTheSameSentenceFromSeveralArticles) {
  AnnotatedArticle x = testdata::ArticleA1();
  AnnotatedArticle y = testdata::ArticleA1();
  y.article.id = "copy";
  const Brief b = BuildBrief({x, y}, {});
  ASSERT_EQ(b.stories.size(), 1u);
  ASSERT_EQ(b.stories[0].timeline.size(), 2u);
  EXPECT_EQ(b.stories[0].timeline[0].articles, (std::vector<std::string>{"a1", "copy"}));
}

TEST(BuildBriefTest, TimelineMergesOneEventToldInOtherWords) {
  struct Row {
    std::string name;
    std::string second_sentence, second_person, date_value;
    size_t entries;
  };
  const Row rows[] = {
      {"same day, same person, other words",
       "Ada Quell posted a video on Monday about the ferry.", "Ada Quell", "2024-03-04", 1},
      {"same day, another person", "Bo Lindahl posted a video on Monday about the ferry.",
       "Bo Lindahl", "2024-03-04", 2},
      {"same month only, same person", "Ada Quell posted a video in March about the ferry.",
       "Ada Quell", "2024-03", 2},
      {"same day, same words", "On Monday the ferry operator Ada Quell resigned after the storm.",
       "Ada Quell", "2024-03-04", 1},
  };
  for (const Row& row : rows) {
    AnnotatedArticle x = testdata::MakeArticle(
        "t1", "Coast Times", "2024-03-05", "Ferry chief quits",
        "On Monday the ferry operator Ada Quell resigned after the storm. Passengers waited.");
    testdata::AddEntity(x, "Ada Quell", "PERSON", "e1");
    testdata::AddDate(x, "Monday", "2024-03-04");
    AnnotatedArticle y = testdata::MakeArticle("t2", "Island Post", "2024-03-05",
                                               "Ferry chief quits",
                                               row.second_sentence + " Passengers waited.");
    testdata::AddEntity(y, row.second_person, "PERSON", "e1");
    testdata::AddDate(y, row.date_value == "2024-03" ? "March" : "Monday", row.date_value);
    const Brief b = BuildBrief({x, y}, {});
    ASSERT_EQ(b.stories.size(), 1u) << row.name;
    EXPECT_EQ(b.stories[0].timeline.size(), row.entries) << row.name;
    if (row.entries == 1) {
      EXPECT_EQ(b.stories[0].timeline[0].articles, (std::vector<std::string>{"t1", "t2"}))
          << row.name;
    }
  }
}

TEST(BuildBriefTest, TimelineKeepsTheCalendarPartOfTimexValues) {
  struct Row {
    std::string value, expected;  // "" = no entry
  };
  const Row rows[] = {
      {"2022-11-28", "2022-11-28"}, {"2022-11", "2022-11"},     {"2022", "2022"},
      {"2024-FA", "2024"},          {"2024-W12", "2024-03"},    {"2022-11-28T10:00", "2022-11-28"},
      {"2022-W48", "2022-11"},      {"2020-W53", "2020-12"},    {"2026-W01", "2025-12"},
      {"2026-W02", "2026-01"},      {"2021-W53", "2021"},       {"2024-W54", "2024"},
      {"P3D", ""},                  {"PRESENT_REF", ""},        {"20221128", ""},
      {"2022-13-01", "2022"},       {"2022-02-32", "2022-02"},  {"XXXX-11-28", ""},
      {"", ""},
  };
  for (const Row& row : rows) {
    AnnotatedArticle a = testdata::MakeArticle("t", "", "", "Dates", "It happened on that day.");
    testdata::AddDate(a, "that day", row.value);
    const Brief b = BuildBrief({a}, {});
    ASSERT_EQ(b.stories.size(), 1u);
    if (row.expected.empty()) {
      EXPECT_TRUE(b.stories[0].timeline.empty()) << row.value;
    } else {
      ASSERT_EQ(b.stories[0].timeline.size(), 1u) << row.value;
      EXPECT_EQ(b.stories[0].timeline[0].date, row.expected) << row.value;
      EXPECT_EQ(b.stories[0].timeline[0].evidence, "It happened on that day.");
    }
  }
}

TEST(BuildBriefTest, TimelineEvidenceFallsBackToParagraphWithoutSentences) {
  AnnotatedArticle a = testdata::MakeArticle("t", "", "", "Dates",
                                             "First paragraph.\n\nOn that day it rained.\n\nLast.");
  a.sentences.clear();
  testdata::AddDate(a, "that day", "2020-01-02");
  const Brief b = BuildBrief({a}, {});
  ASSERT_EQ(b.stories[0].timeline.size(), 1u);
  EXPECT_EQ(b.stories[0].timeline[0].evidence, "On that day it rained.");
}

TEST(BuildBriefTest, ClaimsFromQuantitiesAgreeOrConflict) {
  const Brief b = BuildBrief(TwoStoryCorpus(), {});
  const Story* tram = StoryWith(b, "a1");
  const Story* octopus = StoryWith(b, "b1");
  ASSERT_TRUE(tram && octopus);

  // The age conflicts; "Mayor Ilse Brandvold" in a1 and a2 is an agreed role.
  ASSERT_EQ(tram->claims.size(), 2u);
  const Claim& role = tram->claims[1];
  EXPECT_EQ(role.attribute, "role");
  EXPECT_EQ(role.status, "agreed");
  ASSERT_EQ(role.values.size(), 1u);
  EXPECT_EQ(role.values[0].value, "mayor");
  EXPECT_EQ(role.values[0].articles, (std::vector<std::string>{"a1", "a2"}));
  const Claim& age = tram->claims[0];
  EXPECT_EQ(age.subject_name, "Ilse Brandvold");
  EXPECT_EQ(age.subject, EntityNamed(*tram, "Ilse Brandvold")->id);
  EXPECT_EQ(age.attribute, "age");
  EXPECT_EQ(age.status, "conflict");
  ASSERT_EQ(age.values.size(), 2u);
  EXPECT_EQ(age.values[0].value, "52");
  EXPECT_EQ(age.values[0].articles, (std::vector<std::string>{"a1"}));
  EXPECT_NE(age.values[0].evidence.find("Brandvold, 52"), std::string::npos);
  EXPECT_EQ(age.values[1].value, "53");

  // The depth, and where the oceanographer wrote (one outlet's medium of a
  // named speaker is a fact too).
  ASSERT_EQ(octopus->claims.size(), 2u);
  const Claim& depth = octopus->claims[0];
  EXPECT_EQ(octopus->claims[1].attribute, "medium");
  EXPECT_EQ(octopus->claims[1].status, "single");
  EXPECT_EQ(depth.subject_name, "Calderra Ridge");
  EXPECT_EQ(depth.attribute, "km");
  EXPECT_EQ(depth.status, "agreed");
  ASSERT_EQ(depth.values.size(), 1u);
  EXPECT_EQ(depth.values[0].articles, (std::vector<std::string>{"b1", "b2"}));
}

TEST(BuildBriefTest, WithoutQuantitiesOnlyAppositiveAgesAreClaimed) {
  std::vector<AnnotatedArticle> in = TwoStoryCorpus();
  for (AnnotatedArticle& a : in) a.quantities.clear();
  const Brief b = BuildBrief(in, {});
  const Story* tram = StoryWith(b, "a1");
  const Story* octopus = StoryWith(b, "b1");
  ASSERT_TRUE(tram && octopus);
  // "Ilse Brandvold, 52," and "Ilse Brandvold, 53," need no quantity annotation.
  ASSERT_EQ(tram->claims.size(), 2u);  // and the mayor's role
  EXPECT_EQ(tram->claims[0].attribute, "age");
  EXPECT_EQ(tram->claims[0].status, "conflict");
  // No figure: only the oceanographer's medium.
  ASSERT_EQ(octopus->claims.size(), 1u);
  EXPECT_EQ(octopus->claims[0].attribute, "medium");
}

TEST(BuildBriefTest, SyndicatedCopyIsListedAsNearDuplicateOfTheEarlierArticle) {
  std::vector<AnnotatedArticle> in = TwoStoryCorpus();
  // The same wire text again from another outlet a day later, with its own
  // footer line.
  AnnotatedArticle copy = *std::find_if(in.begin(), in.end(), [](const AnnotatedArticle& a) {
    return a.article.id == "a1";
  });
  copy.article.id = "a1-copy";
  copy.article.outlet = "Syndicating Daily";
  copy.article.published = "2023-04-03";
  copy.article.text += "\nRepublished with permission.";
  in.push_back(copy);
  const Brief b = BuildBrief(in, {});
  const Story* s = StoryWith(b, "a1-copy");
  ASSERT_NE(s, nullptr);
  ASSERT_EQ(s->duplicates.size(), 1u);
  EXPECT_EQ(s->duplicates[0].article, "a1-copy");
  EXPECT_EQ(s->duplicates[0].duplicate_of, "a1");
  EXPECT_GE(s->duplicates[0].similarity, 0.6);
  for (const Story& other : b.stories) {
    if (&other != s) {
      EXPECT_TRUE(other.duplicates.empty());
    }
  }
}

TEST(BuildBriefTest, DistinctArticlesHaveNoDuplicates) {
  for (const Story& s : BuildBrief(TwoStoryCorpus(), {}).stories) EXPECT_TRUE(s.duplicates.empty());
}

TEST(ClusterKeysTest, AnOrganisationWordDoesNotChangeTheKey) {
  AnnotatedArticle a;
  a.article.text = "Pellmore Foods agreed. Acme Inc. agreed.";
  a.entities.push_back({{0, 14}, "Pellmore Foods", "ORG", "e1"});
  a.entities.push_back({{23, 32}, "Acme Inc.", "ORG", "e2"});
  AnnotatedArticle b;
  b.article.text = "Pellmore agreed. Acme agreed.";
  b.entities.push_back({{0, 8}, "Pellmore", "ORG", "e1"});
  b.entities.push_back({{17, 21}, "Acme", "ORG", "e2"});
  std::vector<std::string> ka = ClusterKeys(a), kb = ClusterKeys(b);
  std::sort(ka.begin(), ka.end());
  std::sort(kb.begin(), kb.end());
  EXPECT_EQ(ka, kb);
  EXPECT_EQ(kb, (std::vector<std::string>{"acme", "pellmore"}));
}

}  // namespace
}  // namespace storyline
