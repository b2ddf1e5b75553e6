// The pooled conflict audit's matching and report (tools/claims_audit_lib.h)
// on an invented story: judged conflicts count, unjudged ones are listed and
// never counted, judgments no longer shown are listed, bad input is refused.
#include "../../tools/claims_audit_lib.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace claims_audit {
namespace {

const char* kJudgments = R"({"judgments": [
  {"story": "7plus", "subject": "", "attribute": "boats", "values": ["3", "2"], "verdict": "right"},
  {"story": "7plus", "subject": "Mara Quell", "attribute": "age", "values": ["41", "44"],
   "verdict": "false", "reason": "other time", "note": "her age at the earlier trial"},
  {"story": "7plus", "subject": "Harbour Board", "attribute": "name", "values": ["Harbor", "Harbour"],
   "verdict": "right"},
  {"story": "9", "subject": "", "attribute": "votes", "values": ["5", "6"], "verdict": "right"}
]})";

std::vector<Judgment> Parse(const std::string& text) {
  std::vector<Judgment> out;
  std::string error;
  EXPECT_TRUE(ParseJudgments(nlohmann::json::parse(text), &out, &error)) << error;
  return out;
}

TEST(ClaimsAuditTest, CountsJudgedListsUnjudgedAndGone) {
  const std::vector<Judgment> judgments = Parse(kJudgments);
  // Values in another order and a subject in other case match their key;
  // a third age is another conflict, not judged yet.
  const std::vector<Shown> shown = {
      {"7plus", "", "boats", {{"2", {"a"}, "two boats"}, {"3", {"b"}, "three boats"}}},
      {"7plus", "mara quell", "age", {{"44", {"a"}, ""}, {"41", {"b"}, ""}}},
      {"7plus", "Mara Quell", "age", {{"41", {"a"}, ""}, {"44", {"b"}, ""}, {"45", {"c"}, "now 45"}}},
  };
  const Report r = Match(shown, judgments, {"7plus"});
  EXPECT_EQ(r.shown, 3u);
  EXPECT_EQ(r.right, 1u);
  EXPECT_EQ(r.wrong, 1u);
  EXPECT_DOUBLE_EQ(r.Precision(), 0.5);
  EXPECT_EQ(r.reasons.at("other time"), 1u);
  ASSERT_EQ(r.unjudged.size(), 1u);
  EXPECT_EQ(r.unjudged[0].values.size(), 3u);
  // The name judgment of the run's story is no longer shown; story 9 is not
  // in the run, so its judgment is not listed.
  ASSERT_EQ(r.gone.size(), 1u);
  EXPECT_EQ(r.gone[0].attribute, "name");

  std::ostringstream out;
  Print(r, true, out);
  EXPECT_NE(out.str().find("precision 0.500 (1/2) -- INCOMPLETE: 1 shown conflict(s) not judged"), std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("UNJUDGED 7plus | Mara Quell | age"), std::string::npos);
  EXPECT_NE(out.str().find("45 [c] now 45"), std::string::npos);
  EXPECT_NE(out.str().find("no longer shown (right): 7plus | Harbour Board | name | Harbor / Harbour"),
            std::string::npos);

  // Without details (a test split before --final) nothing is listed, but the
  // figure still says it is incomplete.
  std::ostringstream brief;
  Print(r, false, brief);
  EXPECT_EQ(brief.str().find("UNJUDGED"), std::string::npos);
  EXPECT_NE(brief.str().find("INCOMPLETE"), std::string::npos);
  EXPECT_NE(brief.str().find("listed only with --final"), std::string::npos);
}

TEST(ClaimsAuditTest, AllJudgedIsComplete) {
  const Report r = Match({{"9", "", "votes", {{"6", {"a"}, ""}, {"5", {"b"}, ""}}}}, Parse(kJudgments), {"9"});
  std::ostringstream out;
  Print(r, true, out);
  EXPECT_EQ(out.str().find("INCOMPLETE"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("precision 1.000 (1/1)"), std::string::npos) << out.str();
}

TEST(ClaimsAuditTest, SplitsAndWhichListDetails) {
  // Train and dev list their unjudged conflicts on every run; test only at
  // its final run; any other name is refused.
  for (const char* split : {"train", "dev", "test"}) EXPECT_TRUE(KnownSplit(split)) << split;
  for (const char* split : {"", "all", "Train", "devel"}) EXPECT_FALSE(KnownSplit(split)) << split;
  EXPECT_TRUE(ListsDetails("train", false));
  EXPECT_TRUE(ListsDetails("dev", false));
  EXPECT_FALSE(ListsDetails("test", false));
  EXPECT_TRUE(ListsDetails("test", true));
}

TEST(ClaimsAuditTest, RefusesBadJudgments) {
  const struct {
    const char* json;
    const char* error;
  } kRows[] = {
      {R"({"judgment": []})", "no \"judgments\" array"},
      {R"({"judgments": [{"story": "1", "attribute": "age", "values": ["3"], "verdict": "right"}]})",
       "at least two different values"},
      {R"({"judgments": [{"story": "1", "attribute": "age", "values": ["3", "3"], "verdict": "right"}]})",
       "at least two different values"},
      {R"({"judgments": [{"story": "1", "attribute": "age", "values": ["3", "4"], "verdict": "maybe"}]})",
       "verdict must be"},
      {R"({"judgments": [{"story": "1", "attribute": "age", "values": ["3", "4"], "verdict": "false"}]})",
       "needs a reason class"},
      {R"({"judgments": [{"story": "1", "attribute": "age", "values": ["3", "4"], "verdict": "right"},
                         {"story": "1", "attribute": "Age", "values": ["4", "3"], "verdict": "right"}]})",
       "judgments[1]: a second judgment"},
  };
  for (const auto& row : kRows) {
    std::vector<Judgment> out;
    std::string error;
    EXPECT_FALSE(ParseJudgments(nlohmann::json::parse(row.json), &out, &error)) << row.json;
    EXPECT_NE(error.find(row.error), std::string::npos) << error;
  }
}

}  // namespace
}  // namespace claims_audit
