// The claims scorer's trap rule (tools/claims_score_lib.h).
#include "../../tools/claims_score_lib.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace claims_score {
namespace {

// One story: a council vote whose tally outlets disagree on, and a trap on
// the length of the debate that the tally's sentence also gives.
Gold VoteStory() {
  Gold g;
  g.story = "vote";
  g.event = "S1";
  g.subjects["S1"] = {"the scheme", "scheme"};
  g.subjects["S2"] = {"the committee's vote", "vote"};
  g.subject_names["S2"] = "the committee's vote";
  GoldFact against;
  against.id = "against";
  against.subject = "S2";
  against.attribute = "votes against";
  against.status = "conflict";
  GoldValue four{"4", ParseValue("4"), false, {"a"}, {"by 7 votes to 4"}};
  GoldValue five{"5", ParseValue("5"), false, {"b"}, {"by 7 votes to 5"}};
  against.values = {four, five};
  g.facts.push_back(against);
  GoldTrap hours;
  hours.id = "hours";
  hours.article = "b";
  hours.value = "5";
  hours.parsed = ParseValue("5");
  hours.evidence = "more than five hours";
  hours.kind = "approximate";
  hours.forbid = "conflict";
  g.traps.push_back(hours);
  return g;
}

SystemClaim Conflict(const std::string& subject, const std::string& b_evidence) {
  SystemClaim c;
  c.subject_name = subject;
  c.names = {subject};
  c.thing = true;
  c.attribute = "votes against";
  c.status = "conflict";
  c.values.push_back({"4", ParseValue("4"), {"a"}, "The committee backed it by 7 votes to 4."});
  c.values.push_back({"5", ParseValue("5"), {"b"}, b_evidence});
  return c;
}

TEST(ClaimsScoreTest, ValueInTheTrapsSentenceInTheFactsOwnWordsIsTheFact) {
  const Gold g = VoteStory();
  const Counts n = Score(g, {Conflict("vote", "It was backed by 7 votes to 5 after more than five hours.")}, {},
                         nullptr);
  EXPECT_EQ(n.trap_violations, 0u);
  EXPECT_EQ(n.gold_conflicts_found, 1u);
}

TEST(ClaimsScoreTest, TheTrapsOwnValueStillViolatesIt) {
  const Gold g = VoteStory();
  // The 5 is the debate's hours: the sentence has no words of the tally.
  const Counts hours = Score(g, {Conflict("vote", "The debate lasted more than five hours.")}, {}, nullptr);
  EXPECT_EQ(hours.trap_violations, 1u);
  // A claim of another subject is no excuse either.
  const Counts other =
      Score(g, {Conflict("scheme", "It was backed by 7 votes to 5 after more than five hours.")}, {}, nullptr);
  EXPECT_EQ(other.trap_violations, 1u);
}

// A role without its complement is the gold role, whatever word opens the
// complement (eval/claims/README.md).
TEST(ClaimsScoreTest, ARoleWithoutItsComplementIsTheRole) {
  EXPECT_TRUE(SameText("professor", "professor of cardiology"));
  EXPECT_TRUE(SameText("senior admissions tutor", "senior admissions tutor for medicine"));
  EXPECT_TRUE(SameText("partner", "partner at harlow benn"));
  EXPECT_TRUE(SameText("fire chief", "district fire chief"));
  EXPECT_FALSE(SameText("senior admissions tutor for medicine", "senior admissions tutor"));
  EXPECT_FALSE(SameText("head", "head teacher"));
}

// A hyphen between letters is a space: "press-conference" is the medium
// "press conference"; a range keeps its hyphen.
TEST(ClaimsScoreTest, AHyphenBetweenWordsIsASpace) {
  EXPECT_EQ(ParseValue("press-conference").text, ParseValue("press conference").text);
  EXPECT_EQ(ParseValue("40-50").text, "40-50");
}

}  // namespace
}  // namespace claims_score
