// pipeline.h's Input: paths and in-memory buffers read in the order given,
// a buffer of JSONL records stored as the same file would be.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "storyline/pipeline.h"
#include "storyline/reporter.h"
#include "storyline/store.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

class PipelineInputs : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("pipeline_inputs_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string P(const std::string& name) const { return (dir_ / name).string(); }
  void Write(const std::string& name, const std::string& bytes) const {
    std::ofstream(P(name), std::ios::binary) << bytes;
  }
  fs::path dir_;
};

// Three wire reports about one event, so that they group into a story.
const char* const kRecords =
    "{\"id\":\"w1\",\"title\":\"Harbour wall at Kellmouth breached\",\"date\":\"2024-03-04\","
    "\"outlet\":\"Coast Wire\",\"text\":\"The harbour wall at Kellmouth was breached by the storm on Monday, "
    "council leader Mara Finch said.\"}\n"
    "{\"id\":\"w2\",\"title\":\"Kellmouth harbour wall repairs begin\",\"date\":\"2024-03-05\","
    "\"outlet\":\"Bay News\",\"text\":\"Repairs to the Kellmouth harbour wall breached by Monday's storm "
    "began on Tuesday, Mara Finch said.\"}\n"
    "{\"id\":\"w3\",\"title\":\"Kellmouth wall gap closed\",\"date\":\"2024-03-07\","
    "\"outlet\":\"Coast Wire\",\"text\":\"The gap in the Kellmouth harbour wall was closed on Thursday, "
    "council leader Mara Finch said.\"}\n";

TEST_F(PipelineInputs, PathsAndBuffersInTheOrderGiven) {
  Write("a.txt", "Alpha title\n\nAlpha body text for the first file.\n");
  Write("c.txt", "Gamma title\n\nGamma body text for the last file.\n");
  std::vector<Input> inputs{P("a.txt"), BufferInput{"records", kRecords}, P("c.txt")};
  CountingReporter reporter(nullptr);
  std::vector<std::string> ids, files;
  Status s = ForEachInputArticle(
      inputs, false, reporter,
      [&](Article&& a) {
        ids.push_back(a.id);
        return Status::Ok();
      },
      [&](const std::string& f) { files.push_back(f); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "w1", "w2", "w3", "c"}));
  EXPECT_EQ(files, (std::vector<std::string>{P("a.txt"), "records", P("c.txt")}));
  EXPECT_EQ(reporter.rejected(), 0u);
}

TEST_F(PipelineInputs, UseFailureStopsInsideABuffer) {
  CountingReporter reporter(nullptr);
  size_t seen = 0;
  Status s = ForEachInputArticle(std::vector<Input>{BufferInput{"records", kRecords}}, false, reporter, [&](Article&&) {
    return ++seen == 2 ? Status::IOError("disk full") : Status::Ok();
  });
  EXPECT_EQ(s.code(), StatusCode::kIOError);
  EXPECT_EQ(seen, 2u);
  EXPECT_EQ(reporter.rejected(), 0u);
}

TEST_F(PipelineInputs, BufferIngestEqualsFileIngest) {
  Write("feed.jsonl", kRecords);
  auto from_file = Store::Open(P("file.db"), {});
  auto from_buffer = Store::Open(P("buffer.db"), {});
  ASSERT_TRUE(from_file.ok() && from_buffer.ok());
  CountingReporter reporter(nullptr);
  Result<IngestReport> f = Ingest(**from_file, std::vector<std::string>{P("feed.jsonl")}, reporter, {});
  Result<IngestReport> b = IngestInputs(**from_buffer, std::vector<Input>{BufferInput{"records", kRecords}}, reporter, {});
  ASSERT_TRUE(f.ok() && b.ok());
  EXPECT_EQ(b->stored, 3u);
  EXPECT_EQ(f->stored, b->stored);
  EXPECT_EQ(f->grouped, b->grouped);
  Result<std::vector<Article>> fa = (*from_file)->AllArticles();
  Result<std::vector<Article>> ba = (*from_buffer)->AllArticles();
  ASSERT_TRUE(fa.ok() && ba.ok());
  ASSERT_EQ(fa->size(), ba->size());
  for (size_t i = 0; i < fa->size(); ++i) {
    const Article& x = (*fa)[i];
    const Article& y = (*ba)[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.origin, y.origin);
    EXPECT_EQ(x.text, y.text);
    EXPECT_EQ(x.title, y.title);
    EXPECT_EQ(x.published, y.published);
    EXPECT_EQ(x.outlet, y.outlet);
    EXPECT_EQ(x.content_hash, y.content_hash);
    EXPECT_EQ(y.source, "records:" + std::to_string(i + 1));
  }
  Result<std::vector<StoredStory>> fs_ = (*from_file)->Stories();
  Result<std::vector<StoredStory>> bs = (*from_buffer)->Stories();
  ASSERT_TRUE(fs_.ok() && bs.ok());
  ASSERT_EQ(fs_->size(), bs->size());
  for (size_t i = 0; i < fs_->size(); ++i) {
    EXPECT_EQ((*fs_)[i].id, (*bs)[i].id);
    EXPECT_EQ((*fs_)[i].articles, (*bs)[i].articles);
    EXPECT_EQ((*fs_)[i].label, (*bs)[i].label);
  }
}

}  // namespace
}  // namespace storyline
