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

// Reads `bytes` as standard input ("-"), as `storyline ingest -` does.
std::vector<Document> ReadAsStdin(const std::string& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary) << bytes;
  std::vector<Document> docs;
  const int saved = ::dup(STDIN_FILENO);
  EXPECT_GE(saved, 0);
  EXPECT_NE(std::freopen(file.c_str(), "rb", stdin), nullptr);
  testing::RecordingReporter rep;
  const Status s = ReadPath("-", {}, rep, [&](Document&& d) {
    docs.push_back(std::move(d));
    return Status::Ok();
  });
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return docs;
}

// issue 12: every piped article was "stdin", so the second replaced the
// first. Piped input now gets an id and origin from its content.
TEST_F(TempDir, Issue12StandardInputIdsComeFromTheContent) {
  const std::vector<Document> first = ReadAsStdin(P("one.txt"), "First title\n\nFirst body.\n");
  const std::vector<Document> second = ReadAsStdin(P("two.txt"), "Second title\n\nSecond body.\n");
  const std::vector<Document> again = ReadAsStdin(P("three.txt"), "First title\n\nFirst body.\n");
  const std::vector<Document> retitled = ReadAsStdin(P("four.txt"), "Other title\n\nFirst body.\n");
  for (const auto* docs : {&first, &second, &again, &retitled}) {
    ASSERT_EQ(docs->size(), 1u);
    EXPECT_THAT((*docs)[0].id, ::testing::MatchesRegex("stdin-[0-9a-f]{8}"));
    EXPECT_THAT((*docs)[0].origin, ::testing::MatchesRegex("stdin:[0-9a-f]{16}"));
    EXPECT_EQ((*docs)[0].origin.substr(6, 8), (*docs)[0].id.substr(6));
  }
  EXPECT_NE(first[0].id, second[0].id);
  EXPECT_NE(first[0].id, retitled[0].id);
  EXPECT_EQ(first[0].id, again[0].id);
  EXPECT_EQ(first[0].origin, again[0].origin);
  // JSONL records keep their own ids; one without gets a content id too.
  const std::vector<Document> jsonl =
      ReadAsStdin(P("in.jsonl"), "{\"id\":\"s1\",\"text\":\"a\"}\n{\"text\":\"b\"}\n");
  ASSERT_EQ(jsonl.size(), 2u);
  EXPECT_EQ(jsonl[0].id, "s1");
  EXPECT_EQ(jsonl[0].origin, "jsonl:s1");
  EXPECT_THAT(jsonl[1].id, ::testing::MatchesRegex("stdin-[0-9a-f]{8}"));
}

// issue 12: a/index.txt and b/index.txt shared the id "index" and nothing
// else told them apart. The origin names each input (article.h).
TEST_F(TempDir, Issue12OriginsNameTheInput) {
  Write("a/index.txt", "A\n\nbody a\n");
  Write("b/index.txt", "B\n\nbody b\n");
  Write("c/page.html", "<html><body><p>html body</p></body></html>");
  Write("feed.jsonl",
        "{\"id\":\"j1\",\"text\":\"one\"}\n"
        "{\"url\":\"https://x.org/2\",\"text\":\"two\"}\n"
        "{\"text\":\"three\"}\n");
  testing::RecordingReporter rep;
  std::vector<Document> docs;
  ASSERT_TRUE(ReadPath(root_.string(), {}, rep, [&](Document&& d) {
                docs.push_back(std::move(d));
                return Status::Ok();
              }).ok());
  const std::string root = fs::weakly_canonical(root_).string();
  std::vector<std::string> got;
  for (const Document& d : docs) got.push_back(d.id + " " + d.origin);
  EXPECT_THAT(got, ElementsAre("index file:" + root + "/a/index.txt",  //
                               "index file:" + root + "/b/index.txt",  //
                               "page file:" + root + "/c/page.html",   //
                               "j1 jsonl:j1",                          //
                               "feed-2 url:https://x.org/2",           //
                               "feed-3 file:" + root + "/feed.jsonl:3"));
  // A relative path names the same file as an absolute one.
  const fs::path cwd = fs::current_path();
  fs::current_path(root_ / "a");
  std::vector<Document> relative;
  ASSERT_TRUE(ReadPath("../b/index.txt", {}, rep, [&](Document&& d) {
                relative.push_back(std::move(d));
                return Status::Ok();
              }).ok());
  fs::current_path(cwd);
  ASSERT_EQ(relative.size(), 1u);
  EXPECT_EQ(relative[0].origin, docs[1].origin);
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
