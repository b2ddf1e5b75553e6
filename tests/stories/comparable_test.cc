// Tests what the brief sets against what, on invented articles through
// BuildBrief: the rules that keep two figures or two spellings apart when
// the sentences show they are not one fact (issue 11's precision on real
// news). Each test is one rule; its first case is the false conflict the
// rule removes, and a second case, where there is one, the true conflict
// it keeps.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "stories/claims.h"
#include "stories/story_corpus.h"
#include "storyline/annotation.h"
#include "storyline/brief.h"

namespace storyline {
namespace {

Article Plain(const std::string& id, const std::string& published, const std::string& text) {
  Article a;
  a.id = id;
  a.title = "";
  a.published = published;
  a.text = text;
  return a;
}

Brief BriefOf(const std::vector<Article>& articles) { return BuildBrief(AnnotateMany(articles, {}), {}); }

// Every conflict of the brief, as "subject | attribute" lines.
std::vector<std::string> Conflicts(const Brief& b) {
  std::vector<std::string> out;
  for (const Story& s : b.stories) {
    for (const Claim& c : s.claims) {
      if (c.status == "conflict") out.push_back(c.subject_name + " | " + c.attribute);
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += s + "; ";
  return out;
}

// A count the language layer gives no owner, whose own clause names a
// person as who did or has it, is that person's: two players' passes and
// yards are never one figure of the game, nor is "he"'s.
TEST(ComparableTest, APersonsCountIsNoFigureOfTheEvent) {
  const std::vector<Article> two_players = {
      Plain("g0", "2026-01-11",
            "The Harriers beat the Kestrels 27-24 on Sunday. Dana Pell completed 21 of 30 passes for 250 yards "
            "as the Harriers won their fifth straight game."),
      Plain("g1", "2026-01-11",
            "The Kestrels lost 27-24 to the Harriers on Sunday. Rory Stam completed 18 of 27 passes for 212 "
            "yards in the defeat."),
      Plain("g2", "2026-01-11",
            "The Harriers beat the Kestrels 27-24 on Sunday at home. He has 41 catches for 530 yards this "
            "season.")};
  EXPECT_TRUE(Conflicts(BriefOf(two_players)).empty()) << Join(Conflicts(BriefOf(two_players)));
  // One speaker's report of the event's count is still the event's.
  const std::vector<Article> reported = {
      Plain("f0", "2026-02-03",
            "A fire destroyed a warehouse in Delbury on Monday. Fire chief Omar Ruddle said 40 firefighters "
            "fought the blaze through the night."),
      Plain("f1", "2026-02-03",
            "A fire destroyed a warehouse in Delbury on Monday. About 60 firefighters fought the blaze "
            "through the night, the fire service said.")};
  EXPECT_FALSE(Conflicts(BriefOf(reported)).empty());
}

// Two words of one name are not one word spelled two ways (a campaign
// named "Dana Rook Is Cook"); a name spelled two ways in two mentions still
// is.
TEST(ComparableTest, ANameDoesNotMisspellItself) {
  const std::vector<Article> one_sentence = {
      Plain("k0", "2026-04-02",
            "Fans of the film series launched the “Dana Rook Is Cook” campaign on Sunday to show support "
            "for the director, and a petition has been circulating online."),
      Plain("k1", "2026-04-02",
            "Director Dana Rook has been backed by fans after the studio said it would hire someone else for "
            "the sequel.")};
  for (const std::string& c : Conflicts(BriefOf(one_sentence))) EXPECT_EQ(c.find("name"), std::string::npos) << c;
  const std::vector<Article> two_sentences = {
      Plain("m0", "2026-04-02", "Councillor Imogen Tallisker resigned on Monday. Tallisker had led the council."),
      Plain("m1", "2026-04-02", "Councillor Imogen Talisker resigned on Monday, the council said.")};
  bool spelled = false;
  for (const std::string& c : Conflicts(BriefOf(two_sentences))) {
    spelled = spelled || c.find("name") != std::string::npos;
  }
  EXPECT_TRUE(spelled) << Join(Conflicts(BriefOf(two_sentences)));
}

// One article giving one person two days of one event word tells of two
// such events (two returns to prison), not a disagreement with itself; two
// outlets' days of it still disagree.
TEST(ComparableTest, OnePersonsTwoDatesOfAnEventInOneArticleAreTwoEvents) {
  const std::vector<Article> twice = {
      Plain("j0", "2026-10-04",
            "Convicted robber Dorran Pike escaped from a prison van near Harwick on Friday. His parole was revoked "
            "and he returned to prison in May 2004. Between 2005 and 2010, Pike was in and out of jail until he "
            "finally returned to prison in June 2011 to serve a life term."),
      Plain("j1", "2026-10-04",
            "Convicted robber Dorran Pike escaped from a prison van near Harwick on Friday, police said.")};
  EXPECT_TRUE(Conflicts(BriefOf(twice)).empty()) << Join(Conflicts(BriefOf(twice)));
  const std::vector<Article> two_outlets = {
      Plain("j2", "2026-10-04",
            "Convicted robber Dorran Pike escaped from a prison van near Harwick on Friday. He returned to prison "
            "in May 2004 to serve a life term."),
      Plain("j3", "2026-10-04",
            "Convicted robber Dorran Pike escaped from a prison van near Harwick on Friday. He returned to prison "
            "in June 2011 to serve a life term.")};
  EXPECT_FALSE(Conflicts(BriefOf(two_outlets)).empty());
}

// An outlet whose sentence gives another outlet's value beside its own
// (six life terms and four other sentences / four life terms) lists that
// value too: its other figure is another thing, no disagreement.
TEST(ComparableTest, ASentenceStatingTheOtherValueTooIsNoDisagreement) {
  const std::vector<Article> listed = {
      Plain("s0", "2026-10-04",
            "A judge in Harwick sentenced Dorran Pike to six consecutive life terms and four sentences of life "
            "without parole for the killings."),
      Plain("s1", "2026-10-04",
            "A judge in Harwick sentenced Dorran Pike to four consecutive life terms for the killings.")};
  EXPECT_TRUE(Conflicts(BriefOf(listed)).empty()) << Join(Conflicts(BriefOf(listed)));
  const std::vector<Article> two_values = {
      Plain("s2", "2026-10-04",
            "A judge in Harwick sentenced Dorran Pike to six consecutive life terms for the killings."),
      Plain("s3", "2026-10-04",
            "A judge in Harwick sentenced Dorran Pike to four consecutive life terms for the killings.")};
  EXPECT_FALSE(Conflicts(BriefOf(two_values)).empty());
}

// "Former X" and "X" conflict only when the article still giving the post
// was printed no earlier than the first calling it former: with no day,
// which came first is unknown, so undated texts contradict nothing; dated
// ones still do.
TEST(ComparableTest, AFormerPostOfUndatedTextsContradictsNothing) {
  const auto texts = [](const std::string& first_day, const std::string& second_day) {
    return std::vector<Article>{
        Plain("r0", first_day,
              "Former mayor Bob Ferrant opened the new library in Castlebay on Monday, to applause from "
              "residents."),
        Plain("r1", second_day,
              "Mayor Bob Ferrant opened the new library in Castlebay on Monday, and residents applauded.")};
  };
  const auto role_conflict = [](const Brief& b) {
    for (const std::string& c : Conflicts(b)) {
      if (c.find("role") != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_FALSE(role_conflict(BriefOf(texts("", "")))) << Join(Conflicts(BriefOf(texts("", ""))));
  EXPECT_TRUE(role_conflict(BriefOf(texts("2026-05-04", "2026-05-05"))));
}

// One writer stating two things alike in two sentences, each with a figure
// of its own beside (two polls, each with a sample and a margin), lists two
// things: neither the samples nor the margins are set against each other.
TEST(ComparableTest, TwoThingsListedAlikeAreTwoFacts) {
  const std::vector<Article> polls = {
      Plain("p0", "2026-06-01",
            "Two polls put the Greens ahead before Sunday's election in Corvale. The Harlow Institute poll of "
            "1,200 voters gave a 2.8 percent margin of error. The poll of 600 voters published in the "
            "Tollcross Gazette gave a 4.1 percent margin of error."),
      Plain("p1", "2026-06-01", "Polls put the Greens ahead before Sunday's election in Corvale, where voting "
                                "opens at 7am.")};
  EXPECT_TRUE(Conflicts(BriefOf(polls)).empty()) << Join(Conflicts(BriefOf(polls)));
}

// Counts whose sentences say different things happened to what they count
// are of two events ("three climbers were rescued" / "two climbers
// killed"); counts of one event told two ways still conflict.
TEST(ComparableTest, CountsOfTwoEventsAreTwoFacts) {
  const std::vector<Article> two_events = {
      Plain("c0", "2026-07-12",
            "Two climbers killed in Arrow Peak falls. Rescuers recovered the body of the second climber on "
            "Sunday."),
      Plain("c1", "2026-07-12",
            "Three climbers who were with the guide Tom Tarrant were rescued after a night on Arrow Peak, "
            "rescuers said on Sunday.")};
  EXPECT_TRUE(Conflicts(BriefOf(two_events)).empty()) << Join(Conflicts(BriefOf(two_events)));
  const std::vector<Article> one_event = {
      Plain("c2", "2026-07-12", "Two climbers were killed in falls on Arrow Peak on Saturday, rescuers said."),
      Plain("c3", "2026-07-12", "Three climbers were killed in falls on Arrow Peak on Saturday, police said.")};
  EXPECT_FALSE(Conflicts(BriefOf(one_event)).empty());
}

// A count bounded to a span by the words after it ("three times since
// March") is a part of a count over none or another span, never set
// against it; two counts over one span still conflict.
TEST(ComparableTest, ACountOverASpanIsAPart) {
  const auto texts = [](const std::string& first, const std::string& second) {
    return std::vector<Article>{
        Plain("w0", "2026-08-03",
              "Ravi Mund, 19, was shot by police in Carlow on Saturday. Mund had been arrested " + first +
                  " on charges of theft, police said."),
        Plain("w1", "2026-08-03",
              "Ravi Mund, 19, was shot by police in Carlow on Saturday. Mund had been arrested " + second +
                  " on charges of theft, his family said.")};
  };
  EXPECT_TRUE(Conflicts(BriefOf(texts("four times", "three times since March"))).empty())
      << Join(Conflicts(BriefOf(texts("four times", "three times since March"))));
  EXPECT_FALSE(Conflicts(BriefOf(texts("four times since March", "three times since March"))).empty());
  // The span may be named before the count too ("in the past six games").
  const std::vector<Article> games = {
      Plain("w2", "2026-08-03",
            "Tomas Reyes scored twice as the Harriers beat Delby 3-1 on Saturday. Reyes has played in the past "
            "six games after a knee injury."),
      Plain("w3", "2026-08-03",
            "Tomas Reyes scored twice as the Harriers beat Delby 3-1 on Saturday. Reyes has played eight games "
            "after a knee injury.")};
  EXPECT_TRUE(Conflicts(BriefOf(games)).empty()) << Join(Conflicts(BriefOf(games)));
}

// A year stated near a figure times it even when the article has no day
// of its own: "in 2019, at the age of 40" is no age of today's; two
// undated ages with no year still conflict.
TEST(ComparableTest, AYearTimesAFigureOfAnUndatedText) {
  const std::vector<Article> then_and_now = {
      Plain("y0", "", "Dana Orrell founded the Orrell Trust in 2019, at the age of 40, and ran it for years."),
      Plain("y1", "", "Dana Orrell, 47, told reporters on Monday that the Orrell Trust would close.")};
  EXPECT_TRUE(Conflicts(BriefOf(then_and_now)).empty()) << Join(Conflicts(BriefOf(then_and_now)));
  const std::vector<Article> now_and_now = {
      Plain("y2", "", "Dana Orrell, 49, founded the Orrell Trust and ran it for years."),
      Plain("y3", "", "Dana Orrell, 47, told reporters on Monday that the Orrell Trust would close.")};
  EXPECT_FALSE(Conflicts(BriefOf(now_and_now)).empty());
}

// A news conference held as a conference call with reporters is one
// occasion: an outlet naming one and another the other do not disagree;
// a news conference and a TV interview still do.
TEST(ComparableTest, ANewsConferenceMayBeAConferenceCall) {
  using stories::CompareValues;
  using stories::ValueRelation;
  EXPECT_EQ(CompareValues("medium", "press-conference", "conference-call"), ValueRelation::kCompatible);
  EXPECT_EQ(CompareValues("medium", "conference-call", "press-conference"), ValueRelation::kCompatible);
  EXPECT_EQ(CompareValues("medium", "press-conference", "interview"), ValueRelation::kConflict);
}

// A length of time that is a point in time ("found him three hours
// later") is compared only with another such point, never with a length
// ("the jury took four hours").
TEST(ComparableTest, APointInTimeIsNoLength) {
  const auto texts = [](const std::string& second) {
    return std::vector<Article>{
        Plain("t0", "2026-09-14",
              "A gunman shot a deputy in Norwell on Friday. Deputies found him hiding in a shed three hours "
              "later."),
        Plain("t1", "2026-09-14", "A gunman shot a deputy in Norwell on Friday. " + second)};
  };
  const std::vector<Article> length = texts("It took the jury more than four hours to reach its verdict.");
  EXPECT_TRUE(Conflicts(BriefOf(length)).empty()) << Join(Conflicts(BriefOf(length)));
  EXPECT_FALSE(Conflicts(BriefOf(texts("Deputies found him hiding in a shed five hours later."))).empty());
}

// Two percentages whose clauses name two places are shares of two places'
// things; a share of one place told two ways still conflicts.
TEST(ComparableTest, SharesOfTwoPlacesAreTwoFacts) {
  const auto texts = [](const std::string& second) {
    return std::vector<Article>{
        Plain("s0", "2026-10-02",
              "Two undersea cables were cut off Malta on Friday. About 60 percent of internet traffic to Tunisia "
              "was disrupted."),
        Plain("s1", "2026-10-02", "Two undersea cables were cut off Malta on Friday. " + second)};
  };
  const std::vector<Article> two_places = texts("About 45 percent of internet traffic to Libya was disrupted.");
  EXPECT_TRUE(Conflicts(BriefOf(two_places)).empty()) << Join(Conflicts(BriefOf(two_places)));
  EXPECT_FALSE(Conflicts(BriefOf(texts("About 45 percent of internet traffic to Tunisia was disrupted."))).empty());
}

// A word and the same word with a final "s" are its plural or possessive
// ("Greek police" / "Greeks", "the Marshal Service" / "the Marshals"), not
// one name spelled two ways, even when the tagger took both for one
// entity; a person's surname a final "s" apart still is a spelling.
TEST(ComparableTest, APluralIsNoSpelling) {
  const auto names = [](const std::string& text, const std::string& word1, const std::string& word2) {
    AnnotatedArticle a = testdata::MakeArticle("d1", "Coast News", "2026-03-01", "Report", text);
    testdata::AddEntity(a, word1, "PERSON", "e1");
    a.entities.push_back({testdata::SpanOf(a.article.text, " " + word2 + " "), word2, "PERSON", "e1"});
    ++a.entities.back().span.start;
    --a.entities.back().span.end;
    std::vector<std::string> out;
    for (const Story& s : BuildBrief({a}, {}).stories) {
      for (const Claim& c : s.claims) {
        if (c.attribute == "name" && c.status == "conflict") out.push_back(c.values[0].value);
      }
    }
    return out;
  };
  EXPECT_TRUE(names("Report clears Greek police over student's death. Protesting Greeks marched in Patras on "
                    "Monday.",
                    "Greek", "Greeks")
                  .empty());
  EXPECT_FALSE(names("The inquiry chair Dominic Hale spoke on Friday. The chair Dominic Hales said more would "
                     "follow.",
                     "Dominic Hale", "Dominic Hales")
                   .empty());
}

}  // namespace
}  // namespace storyline
