// gzip handling, size limits and the file system side: ReadPath and
// ExpandPaths on temporary folders.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest_test_util.h"
#include "storyline/ingest.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing::GzipMember;
using testing::ReadAll;

std::string JsonlLines(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    const std::string k = std::to_string(i);
    s.append("{\"id\":\"d").append(k).append("\",\"text\":\"body of record ").append(k).append(" with some words\"}\n");
  }
  return s;
}

TEST(Gzip, SingleAndMultiMember) {
  const testing::ReadOutcome text = ReadAll("dir/a.txt.gz", GzipMember("Gz title\n\nGz body.\n"));
  ASSERT_TRUE(text.status.ok()) << text.status.ToString();
  ASSERT_EQ(text.docs.size(), 1u);
  EXPECT_EQ(text.docs[0].id, "a");
  EXPECT_EQ(text.docs[0].title, "Gz title");

  const testing::ReadOutcome html = ReadAll("p.html.gz", GzipMember("<html><p>x</p></html>"));
  ASSERT_EQ(html.docs.size(), 1u);
  EXPECT_EQ(html.docs[0].id, "p");
  EXPECT_EQ(html.docs[0].format, DocumentFormat::kHtml);

  // Three members, split mid-line: readers must see one continuous stream.
  const std::string all = JsonlLines(3);
  const std::string multi = GzipMember(all.substr(0, 10)) + GzipMember(all.substr(10, 50)) + GzipMember(all.substr(60));
  const testing::ReadOutcome jsonl = ReadAll("m.jsonl.gz", multi);
  ASSERT_TRUE(jsonl.status.ok()) << jsonl.status.ToString();
  ASSERT_EQ(jsonl.docs.size(), 3u);
  EXPECT_EQ(jsonl.docs[2].id, "d2");
}

TEST(Gzip, TruncatedKeepsCompleteRecords) {
  constexpr size_t kLines = 2000;  // enough to span many deflate blocks
  const std::string gz = GzipMember(JsonlLines(kLines));
  const testing::ReadOutcome out = ReadAll("t.jsonl.gz", gz.substr(0, gz.size() / 2));
  EXPECT_EQ(out.status.code(), StatusCode::kCorruption);
  EXPECT_THAT(out.status.message(), StartsWith("t.jsonl.gz: truncated gzip data"));
  ASSERT_GT(out.docs.size(), 0u);
  ASSERT_LT(out.docs.size(), kLines);
  for (size_t i = 0; i < out.docs.size(); ++i) {
    EXPECT_EQ(out.docs[i].id, std::string("d").append(std::to_string(i)));
    EXPECT_EQ(out.docs[i].body, std::string("body of record ").append(std::to_string(i)).append(" with some words"));
  }
  EXPECT_TRUE(out.rejects.empty());
}

TEST(Gzip, DamageTable) {
  const std::string text_gz = GzipMember("Title\n\nA body long enough to need a few compressed bytes.\n");
  std::string corrupt = GzipMember(JsonlLines(50));
  for (size_t i = corrupt.size() / 3; i < corrupt.size() / 3 + 8; ++i) corrupt[i] = static_cast<char>(~corrupt[i]);
  ReadOptions small;
  small.max_file_bytes = 1000;
  struct Row {
    const char* name;
    std::string bytes;
    ReadOptions options;
    StatusCode code;
    const char* message;
  };
  const std::vector<Row> rows = {
      // A single-document file is not delivered half.
      {"t.txt.gz", text_gz.substr(0, text_gz.size() - 12), {}, StatusCode::kCorruption, "t.txt.gz: truncated gzip data"},
      {"c.jsonl.gz", corrupt, {}, StatusCode::kCorruption, "c.jsonl.gz: corrupt compressed data at byte "},
      {"bomb.txt.gz", GzipMember(std::string("T\n").append(100000, 'a')), small, StatusCode::kInvalidInput,
       "bomb.txt.gz: decompressed data exceeds the 1000-byte limit"},
      {"e.txt.gz", GzipMember(""), {}, StatusCode::kInvalidInput, "e.txt.gz: empty file"},
      {"hdr.gz", std::string("\x1f\x8b", 2), {}, StatusCode::kCorruption, "hdr.gz: truncated gzip data"},
  };
  for (const Row& r : rows) {
    const testing::ReadOutcome out = ReadAll(r.name, r.bytes, r.options);
    EXPECT_EQ(out.status.code(), r.code) << r.name << ": " << out.status.ToString();
    EXPECT_THAT(out.status.message(), StartsWith(r.message)) << r.name;
    if (r.code != StatusCode::kCorruption || std::string(r.name) == "t.txt.gz") {
      EXPECT_TRUE(out.docs.empty()) << r.name;
    }
  }
}

TEST(Gzip, TrailingGarbageWarns) {
  const testing::ReadOutcome out = ReadAll("g.txt.gz", GzipMember("T\nB\n") + "garbage");
  ASSERT_TRUE(out.status.ok());
  ASSERT_EQ(out.docs.size(), 1u);
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0], "g.txt.gz: 7 bytes of trailing garbage after gzip data ignored");
  // Zero padding (tape blocks) is not worth a warning.
  const testing::ReadOutcome padded = ReadAll("z.txt.gz", GzipMember("T\nB\n") + std::string(512, '\0'));
  EXPECT_EQ(padded.docs.size(), 1u);
  EXPECT_TRUE(padded.warnings.empty());
}

class TempDir : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / std::string("ingest_path_test_").append(std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(root_ / "locked.txt", fs::perms::owner_all, ec);
    fs::remove_all(root_, ec);
  }
  void Write(const std::string& rel, const std::string& bytes) {
    const fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
  }
  std::string P(const std::string& rel) const { return (root_ / rel).string(); }
  fs::path root_;
};

TEST_F(TempDir, ReadsFolderSortedSkippingHiddenAndBadFiles) {
  Write("b.txt", "B title\n\nB body\n");
  Write("a/z.jsonl", "{\"id\":\"j1\",\"text\":\"one\"}\n{\"id\":\"j2\",\"text\":\"two\"}\n");
  Write("a/y.html.gz", GzipMember("<html><p>y</p></html>"));
  Write(".hidden.txt", "H\n\nhidden\n");
  Write("a/.git/config.txt", "C\n\nhidden too\n");
  Write("empty.txt", "");
  Write("junk.bin", std::string("\x00\x01\x02\x03\x04\x05", 6));

  testing::RecordingReporter rep;
  std::vector<std::string> ids;
  const Status s = ReadPath(root_.string(), {}, rep, [&](Document&& d) {
    ids.push_back(d.id);
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_THAT(ids, ElementsAre("y", "j1", "j2", "b"));
  ASSERT_EQ(rep.rejects.size(), 2u);
  EXPECT_EQ(rep.rejects[0].message(), P("empty.txt") + ": empty file");
  EXPECT_EQ(rep.rejects[1].message(), P("junk.bin") + ": binary data, not an article");

  const std::vector<std::string> files = ExpandPaths({root_.string(), P("b.txt")}, rep);
  EXPECT_THAT(files, ElementsAre(P("a/y.html.gz"), P("a/z.jsonl"), P("b.txt"), P("empty.txt"),
                                 P("junk.bin"), P("b.txt")));
}

// Regression: a folder's README.md was ingested as an article.
TEST_F(TempDir, FolderWalkSkipsDocumentationButNamedFilesAreRead) {
  Write("story/a.txt", "A title\n\nA body\n");
  Write("story/README.md", "About these files\n\nNot an article.\n");
  Write("story/LICENSE", "Some licence text\n\nMore of it.\n");
  Write("story/logo.png", "\x89PNG\r\n");
  testing::RecordingReporter rep;
  EXPECT_THAT(ExpandPaths({P("story")}, rep), ElementsAre(P("story/a.txt")));
  EXPECT_TRUE(rep.rejects.empty());
  EXPECT_EQ(rep.warnings.size(), 3u);
  EXPECT_THAT(ExpandPaths({P("story/README.md")}, rep), ElementsAre(P("story/README.md")));
}

TEST_F(TempDir, MissingAndOversizedFiles) {
  testing::RecordingReporter rep;
  auto sink = [](Document&&) { return Status::Ok(); };
  ASSERT_TRUE(ReadPath(P("nope"), {}, rep, sink).ok());
  ASSERT_EQ(rep.rejects.size(), 1u);
  EXPECT_EQ(rep.rejects[0].code(), StatusCode::kNotFound);
  EXPECT_EQ(rep.rejects[0].message(), P("nope") + ": no such file or directory");

  Write("big.txt", std::string("Title\n").append(100, 'x'));
  ReadOptions small;
  small.max_file_bytes = 50;
  ASSERT_TRUE(ReadPath(P("big.txt"), small, rep, sink).ok());
  ASSERT_EQ(rep.rejects.size(), 2u);
  EXPECT_EQ(rep.rejects[1].message(), P("big.txt") + ": file of 106 bytes exceeds the 50-byte limit");

}

TEST_F(TempDir, UnreadableFileIsAnIOError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads files whatever their permissions";
  testing::RecordingReporter rep;
  Write("locked.txt", "T\n\nB\n");
  fs::permissions(P("locked.txt"), fs::perms::none);
  ASSERT_TRUE(ReadPath(P("locked.txt"), {}, rep, [](Document&&) { return Status::Ok(); }).ok());
  ASSERT_EQ(rep.rejects.size(), 1u);
  EXPECT_EQ(rep.rejects[0].code(), StatusCode::kIOError);
  EXPECT_THAT(rep.rejects[0].message(), StartsWith(P("locked.txt") + ": "));
}

TEST_F(TempDir, DashReadsStandardInput) {
  Write("in.jsonl", "{\"id\":\"s1\",\"text\":\"from stdin\"}\n");
  const int saved = ::dup(STDIN_FILENO);
  ASSERT_GE(saved, 0);
  ASSERT_NE(std::freopen(P("in.jsonl").c_str(), "rb", stdin), nullptr);
  testing::RecordingReporter rep;
  std::vector<Document> docs;
  const Status s = ReadPath("-", {}, rep, [&](Document&& d) {
    docs.push_back(std::move(d));
    return Status::Ok();
  });
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "s1");
  EXPECT_EQ(docs[0].source, "stdin:1");
  EXPECT_THAT(ExpandPaths({"-"}, rep), ElementsAre("-"));
}

TEST_F(TempDir, SinkFailureStopsTheBatch) {
  Write("a.txt", "A\n\nbody\n");
  Write("b.txt", "B\n\nbody\n");
  testing::RecordingReporter rep;
  size_t calls = 0;
  const Status s = ReadPath(root_.string(), {}, rep, [&](Document&&) {
    ++calls;
    return Status::IOError("store full");
  });
  EXPECT_EQ(s.code(), StatusCode::kIOError);
  EXPECT_EQ(calls, 1u);
  EXPECT_TRUE(rep.rejects.empty());
}

}  // namespace
}  // namespace storyline
