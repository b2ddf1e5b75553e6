// The benchmark scorer against upstream tests.py cases and the README rules.
#include "../../tools/extraction_score_lib.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace storyline::score {
namespace {

struct DocCase {
  const char* truth;
  const char* pred;
  double tp, fp, fn;
};

TEST(ExtractionScoreTest, UpstreamShingleCases) {
  const DocCase cases[] = {
      {"a b c", "a b c", 1, 0, 0},           {"a b c d", "a b c", 0.5, 0, 0.5},
      {"a b c", "a b c d", 0.5, 0.5, 0},     {"", "", 0, 0, 0},
      {"a", "", 0, 0, 1},                    {"", "a", 0, 1, 0},
      {"a b c a b c", "a b c", 0.25, 0, 0.75}, {"a b c", "a b c a b c", 0.25, 0.75, 0},
  };
  for (const DocCase& c : cases) {
    SCOPED_TRACE(std::string(c.truth) + " | " + c.pred);
    const DocCounts r = ScoreDoc(c.truth, c.pred, 3);
    EXPECT_DOUBLE_EQ(r.tp, c.tp);
    EXPECT_DOUBLE_EQ(r.fp, c.fp);
    EXPECT_DOUBLE_EQ(r.fn, c.fn);
  }
}

TEST(ExtractionScoreTest, Tokenize) {
  struct Case {
    const char* text;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"a b,cd:e(foo,bar) ", {"a", "b", "cd", "e", "foo", "bar"}},
      {"We\xE2\x80\x99" "d snake_case 42", {"We", "d", "snake_case", "42"}},
      {"Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87", {"Caf\xC3\xA9", "\xE4\xB8\xAD\xE6\x96\x87"}},
      // A combining mark (U+0301) separates tokens, as in Python's \w.
      {"e\xCC\x81t", {"e", "t"}},
      {"", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Tokenize(c.text), c.want) << c.text;
}

TEST(ExtractionScoreTest, Ngrams) {
  EXPECT_TRUE(Shingles(Tokenize("!"), 4).empty());
  EXPECT_EQ(Shingles(Tokenize("a,b c "), 5), (std::vector<std::string>{"a\x1f" "b\x1f" "c"}));
  EXPECT_EQ(Shingles(Tokenize("a b c d e"), 4).size(), 2u);
}

TEST(ExtractionScoreTest, CorpusMacroAverages) {
  // Doc "x" perfect, doc "y" predicted nothing: precision only over "x".
  const std::map<std::string, std::string> truth = {{"x", "one two three four five"}, {"y", "six seven eight nine"}};
  const std::map<std::string, std::string> pred = {{"x", "one two three four five"}};
  const CorpusScore s = Evaluate(truth, pred);
  EXPECT_EQ(s.n_prec, 1);
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.f1, 2 * 1.0 * 0.5 / 1.5);
  EXPECT_DOUBLE_EQ(s.accuracy, 0.5);
}

TEST(ExtractionScoreTest, LoadsWrappedAndJsonl) {
  const nlohmann::json wrapped = {{"version", "1"}, {"output", {{"d1", {{"articleBody", "text one"}}}, {"d2", {{"articleBody", nullptr}}}}}};
  auto m = ParseBodyMap(wrapped, "mem");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->at("d1"), "text one");
  EXPECT_EQ(m->at("d2"), "");
  auto j = ParseJsonl("{\"id\":\"d1.html.gz\",\"text\":\"t\"}\n\n{\"id\":\"d2\",\"text\":\"u\"}\n", "mem");
  ASSERT_TRUE(j.ok());
  EXPECT_EQ(j->at("d1"), "t");
  EXPECT_EQ(j->at("d2"), "u");
  auto bad = ParseJsonl("{\"id\":1}\n", "mem.jsonl");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(bad.status().message().find("mem.jsonl:1"), std::string::npos);
}

}  // namespace
}  // namespace storyline::score
