// Tests NearDupIndex: copies and edited versions are found, unrelated and
// empty texts are not, groups are transitive, and the index stays compact.

#include "stories/near_dup.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <random>
#include <string>
#include <vector>

namespace storyline::stories {
namespace {

// A synthetic article: `words` words drawn from a 5,000-word vocabulary,
// with a sentence break every 12 words. Deterministic in `seed`.
std::vector<std::string> Words(uint32_t seed, size_t words) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> pick(0, 4999);
  std::vector<std::string> out;
  for (size_t i = 0; i < words; ++i) out.push_back(fmt::format("w{}", pick(rng)));
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string s;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) s += (i % 12 == 0) ? ". " : " ";
    s += words[i];
  }
  return s;
}

// `base` with the words in [from, to) replaced by fresh ones.
std::string Edited(std::vector<std::string> base, size_t from, size_t to, uint32_t seed) {
  const std::vector<std::string> fresh = Words(seed, to - from);
  for (size_t i = from; i < to; ++i) base[i] = fresh[i - from];
  return Join(base);
}

struct Case {
  const char* name;
  size_t replace_from;
  size_t replace_to;
  bool duplicate;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class NearDupCaseTest : public testing::TestWithParam<Case> {};

TEST_P(NearDupCaseTest, EditedCopyOfA400WordArticle) {
  const Case& c = GetParam();
  const std::vector<std::string> base = Words(1, 400);
  NearDupIndex index;
  index.Add(Join(Words(2, 400)));  // an unrelated article first
  index.Add(Join(base));
  const NearDupIndex::Match m = index.Add(Edited(base, c.replace_from, c.replace_to, 99));
  if (c.duplicate) {
    EXPECT_EQ(m.duplicate_of, 1u) << c.name;
    EXPECT_EQ(m.group, 1u);
  } else {
    EXPECT_EQ(m.duplicate_of, NearDupIndex::kNone) << c.name << " jaccard " << m.jaccard;
    EXPECT_EQ(m.group, 2u);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Edits, NearDupCaseTest,
    testing::Values(Case{"identical", 0, 0, true},
                    Case{"new header line", 0, 10, true},
                    Case{"new footer", 385, 400, true},
                    Case{"one paragraph rewritten", 200, 230, true},
                    Case{"most of it rewritten", 0, 300, false},
                    Case{"all rewritten", 0, 400, false}),
    [](const testing::TestParamInfo<Case>& info) {
      std::string n = info.param.name;
      for (char& ch : n) {
        if (ch == ' ') ch = '_';
      }
      return n;
    });

TEST(NearDupIndexTest, UnrelatedArticlesAreTheirOwnGroups) {
  NearDupIndex index;
  for (uint32_t seed = 10; seed < 60; ++seed) {
    const NearDupIndex::Match m = index.Add(Join(Words(seed, 300)));
    EXPECT_EQ(m.duplicate_of, NearDupIndex::kNone);
  }
  for (size_t i = 0; i < index.size(); ++i) EXPECT_EQ(index.Group(i), i);
}

TEST(NearDupIndexTest, EmptyAndWordlessTextsNeverMatch) {
  NearDupIndex index;
  EXPECT_EQ(index.Add("").duplicate_of, NearDupIndex::kNone);
  EXPECT_EQ(index.Add("").duplicate_of, NearDupIndex::kNone);
  EXPECT_EQ(index.Add("  ... !!! ").duplicate_of, NearDupIndex::kNone);
  EXPECT_EQ(index.size(), 3u);
}

TEST(NearDupIndexTest, ShortTextsMatchOnlyWhenEqual) {
  NearDupIndex index;
  index.Add("Storm closes the bridge");
  EXPECT_EQ(index.Add("storm closes the bridge").duplicate_of, 0u);  // case aside
  EXPECT_EQ(index.Add("Storm closes the tunnel").duplicate_of, NearDupIndex::kNone);
}

TEST(NearDupIndexTest, CopyOfACopyJoinsTheFirstGroup) {
  const std::vector<std::string> base = Words(7, 300);
  NearDupIndex index;
  index.Add(Join(base));
  index.Add(Edited(base, 0, 10, 70));
  const NearDupIndex::Match m = index.Add(Edited(base, 290, 300, 71));
  EXPECT_NE(m.duplicate_of, NearDupIndex::kNone);
  EXPECT_EQ(m.group, 0u);
  EXPECT_EQ(index.Group(1), 0u);
}

TEST(NearDupIndexTest, StaysUnder200BytesPerArticle) {
  NearDupIndex index;
  constexpr size_t kArticles = 20000;
  for (uint32_t i = 0; i < kArticles; ++i) index.Add(Join(Words(1000 + i, 40)));
  EXPECT_LT(index.MemoryBytes() / kArticles, 200u);
}

}  // namespace
}  // namespace storyline::stories
