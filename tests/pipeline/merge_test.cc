// storyline::Merge through the public API (pipeline.h): shards ingested
// apart and merged equal one Ingest of their inputs in shard order, grouped
// once (IngestHooks::batch 0); the merge annotates nothing when the shards'
// annotations are current, and copies each article's annotations as stored.
// The CLI test tests/cli/issue14_merge.sh runs the same property on 1,000
// articles split four ways; this one keeps it next to the code.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storyline/pipeline.h"
#include "storyline/render.h"
#include "storyline/reporter.h"
#include "storyline/store.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

std::string Example(const std::string& name) { return std::string(STORYLINE_SOURCE_DIR) + "/examples/" + name; }
std::string Story(const std::string& name) {
  return std::string(STORYLINE_SOURCE_DIR) + "/eval/claims/stories/" + name;
}

class MergeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("storyline_merge_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // Ingests `paths` into a new store `name`, grouping once.
  std::unique_ptr<Store> IngestInto(const std::string& name, const std::vector<std::string>& paths) {
    Result<std::unique_ptr<Store>> store = Store::Open(Path(name), {});
    EXPECT_TRUE(store.ok()) << store.status().message();
    CountingReporter reporter(nullptr);
    IngestHooks hooks;
    hooks.batch = 0;
    Result<IngestReport> r = Ingest(**store, paths, reporter, hooks);
    EXPECT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(reporter.rejected(), 0u);
    return std::move(*store);
  }

  fs::path dir_;
};

// Everything a reader of the store sees: the stories listed and the brief
// of every story, rendered.
std::string Seen(const Store& store) {
  Result<std::vector<StoredStory>> stories = store.Stories();
  EXPECT_TRUE(stories.ok());
  Result<Brief> brief = StoreBrief(store);
  EXPECT_TRUE(brief.ok());
  return StoriesToJson(*stories) + RenderBrief(*brief, BriefFormat::kJson);
}

struct Split {
  const char* name;
  std::vector<std::vector<std::string>> shards;  // each shard's inputs
};

TEST_F(MergeTest, EqualsOneIngestOfTheShardsInputs) {
  const Split splits[] = {
      {"by_folder",
       {{Example("brackenford-bridge"), Story("kestrel-fire")},
        {Example("nimbrella-breach"), Example("wire.jsonl")},
        {Example("lindqvist-transfer"), Story("halden-trial"), Story("ashvale-flood")}}},
      // The same inputs twice: the second shard's articles are all unchanged.
      {"overlapping",
       {{Example("wire.jsonl"), Story("halden-trial")}, {Story("halden-trial"), Example("wire.jsonl"), Example("nimbrella-breach")}}},
  };
  for (const Split& split : splits) {
    SCOPED_TRACE(split.name);
    std::vector<std::string> all, shard_paths;
    size_t stored = 0;
    for (size_t i = 0; i < split.shards.size(); ++i) {
      all.insert(all.end(), split.shards[i].begin(), split.shards[i].end());
      const std::string name = std::string(split.name) + "_shard" + std::to_string(i) + ".db";
      stored += IngestInto(name, split.shards[i])->ArticleCount();
      shard_paths.push_back(Path(name));
    }
    std::unique_ptr<Store> reference = IngestInto(std::string(split.name) + "_ref.db", all);
    Result<std::unique_ptr<Store>> out = Store::Open(Path(std::string(split.name) + "_out.db"), {});
    ASSERT_TRUE(out.ok());
    CountingReporter reporter(nullptr);
    size_t copied_calls = 0;
    MergeHooks hooks;
    hooks.article_copied = [&] { ++copied_calls; };
    Result<MergeReport> r = Merge(**out, shard_paths, reporter, hooks);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(reporter.rejected(), 0u);
    EXPECT_EQ(r->shards, split.shards.size());
    EXPECT_EQ(r->read, stored);
    EXPECT_EQ(copied_calls, stored);
    EXPECT_EQ(r->annotated, 0u) << "a merge of current shards annotated text again";
    EXPECT_EQ(r->copied_annotations, reference->ArticleCount());
    EXPECT_EQ((*out)->ArticleCount(), reference->ArticleCount());
    EXPECT_FALSE(r->full_regroup);  // OUT was new
    EXPECT_EQ(Seen(**out), Seen(*reference));
    // Annotations stored as the reference's: a brief needs none made.
    Result<std::vector<std::string>> stale = (*out)->StaleAnnotationIds();
    ASSERT_TRUE(stale.ok());
    EXPECT_TRUE(stale->empty());
  }
}

// Two calls equal one whatever the shards' publication order: the second
// call groups every article again when one of its articles is older than
// OUT's, and keeps OUT's story ids that this retires as aliases.
TEST_F(MergeTest, TwoCallsEqualOne) {
  // kestrel-fire (2024-08) after halden-trial (2024-05): the second shard
  // brings older articles.
  IngestInto("late.db", {Story("kestrel-fire")});
  IngestInto("early.db", {Story("halden-trial"), Example("wire.jsonl")});
  std::unique_ptr<Store> reference = IngestInto("ref.db", {Story("kestrel-fire"), Story("halden-trial"), Example("wire.jsonl")});
  Result<std::unique_ptr<Store>> out = Store::Open(Path("out.db"), {});
  ASSERT_TRUE(out.ok());
  CountingReporter reporter(nullptr);
  Result<MergeReport> first = Merge(**out, {Path("late.db")}, reporter, {});
  ASSERT_TRUE(first.ok());
  Result<MergeReport> second = Merge(**out, {Path("early.db")}, reporter, {});
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->full_regroup);
  EXPECT_EQ(second->annotated, 0u);
  EXPECT_EQ(Seen(**out), Seen(*reference));
}

TEST_F(MergeTest, BadShardIsReportedAndSkipped) {
  IngestInto("good.db", {Example("wire.jsonl")});
  Result<std::unique_ptr<Store>> out = Store::Open(Path("out.db"), {});
  ASSERT_TRUE(out.ok());
  CountingReporter reporter(nullptr);
  Result<MergeReport> r = Merge(**out, {Path("missing.db"), Path("out.db"), Path("good.db")}, reporter, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(reporter.rejected(), 2u);
  EXPECT_EQ(r->bad_shards, 2u);
  EXPECT_EQ(r->shards, 1u);
  EXPECT_EQ((*out)->ArticleCount(), 5u);
}

}  // namespace
}  // namespace storyline
