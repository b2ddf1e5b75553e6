// The migration runner, tested with its own step lists: the store has one
// schema version today, and the runner must already handle the next ones.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "store/schema.h"
#include "store/sqlite_util.h"

namespace storyline::store_internal {
namespace {

namespace fs = std::filesystem;

class SchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "storyline_schema_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    path_ = (dir_ / "s.db").string();
    ASSERT_TRUE(db_.Open(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE).ok());
  }
  void TearDown() override {
    db_.Close();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Names of the user tables, sorted.
  std::vector<std::string> Tables() {
    Stmt st;
    EXPECT_TRUE(db_.Prepare("SELECT name FROM sqlite_schema WHERE type = 'table' "
                            "ORDER BY name", &st).ok());
    std::vector<std::string> out;
    while (st.Step() == SQLITE_ROW) out.push_back(st.ColumnText(0));
    return out;
  }
  int64_t Version() { return *db_.PragmaInt("user_version"); }

  fs::path dir_;
  std::string path_;
  Db db_;
};

constexpr Migration kTwoSteps[] = {
    {1, "CREATE TABLE a (x INTEGER);"},
    {2, "CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (2);"},
};

TEST_F(SchemaTest, MigratesAnEmptyFileThroughEveryStep) {
  Result<int> before = CheckStore(db_, kTwoSteps);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(*before, 0);
  Result<int> v = Migrate(db_, kTwoSteps);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(*v, 2);
  EXPECT_EQ(Version(), 2);
  EXPECT_EQ(*db_.PragmaInt("application_id"), kApplicationId);
  EXPECT_EQ(Tables(), (std::vector<std::string>{"a", "b"}));
}

TEST_F(SchemaTest, AppliesOnlyMissingSteps) {
  ASSERT_TRUE(Migrate(db_, std::span<const Migration>(kTwoSteps, 1)).ok());
  ASSERT_TRUE(db_.Exec("INSERT INTO a VALUES (1)").ok());
  Result<int> v = Migrate(db_, kTwoSteps);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(*v, 2);
  Stmt st;
  ASSERT_TRUE(db_.Prepare("SELECT group_concat(x) FROM (SELECT x FROM a ORDER BY x)", &st).ok());
  ASSERT_EQ(st.Step(), SQLITE_ROW);
  EXPECT_EQ(st.ColumnText(0), "1,2");  // step 1 not re-run, step 2 ran once
  st.Reset(nullptr);
  v = Migrate(db_, kTwoSteps);  // nothing left to do
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 2);
}

TEST_F(SchemaTest, FailingStepChangesNothing) {
  const Migration broken[] = {
      {1, "CREATE TABLE a (x INTEGER);"},
      {2, "CREATE TABLE b (y INTEGER); THIS IS NOT SQL;"},
  };
  Result<int> v = Migrate(db_, broken);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().message().find("schema version 2"), std::string::npos)
      << v.status().message();
  EXPECT_EQ(Version(), 0);
  EXPECT_TRUE(Tables().empty());
}

TEST_F(SchemaTest, RejectsGapInStepList) {
  const Migration gap[] = {{1, "CREATE TABLE a (x);"}, {3, "CREATE TABLE c (z);"}};
  Result<int> v = Migrate(db_, gap);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kInternal);
  EXPECT_EQ(Version(), 0);
}

TEST_F(SchemaTest, NewerVersionIsUnsupported) {
  ASSERT_TRUE(Migrate(db_, kTwoSteps).ok());
  Result<int> v = CheckStore(db_, std::span<const Migration>(kTwoSteps, 1));
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(v.status().message().find(path_), std::string::npos);
}

TEST_F(SchemaTest, ForeignDatabaseIsCorruption) {
  ASSERT_TRUE(db_.Exec("CREATE TABLE other (q);").ok());
  Result<int> v = CheckStore(db_, kTwoSteps);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kCorruption);
  v = Migrate(db_, kTwoSteps);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(Tables(), std::vector<std::string>{"other"});
}

TEST_F(SchemaTest, StoreStepsAreNumberedFromOne) {
  std::span<const Migration> steps = StoreMigrations();
  ASSERT_FALSE(steps.empty());
  for (size_t i = 0; i < steps.size(); ++i) EXPECT_EQ(steps[i].version, static_cast<int>(i) + 1);
  Result<int> v = Migrate(db_, steps);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(*v, steps.back().version);
}

}  // namespace
}  // namespace storyline::store_internal
