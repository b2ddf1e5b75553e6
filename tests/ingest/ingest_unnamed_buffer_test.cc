// ReadUnnamedBuffer: bytes that come from no file (the Python module's
// records) read as standard input is, under their own name.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest_test_util.h"
#include "storyline/ingest.h"

namespace storyline {
namespace {

using ::testing::MatchesRegex;

std::vector<Document> ReadUnnamed(const std::string& name, const std::string& bytes) {
  std::vector<Document> docs;
  testing::RecordingReporter rep;
  Status s = ReadUnnamedBuffer(name, bytes, {}, rep, [&](Document&& d) {
    docs.push_back(std::move(d));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(rep.rejects.empty());
  return docs;
}

struct IdentityRow {
  const char* name;
  const char* bytes;
  const char* id;      // regex
  const char* origin;  // regex
  const char* source;
};

TEST(UnnamedBuffer, IdentityFromTheRecordElseTheContent) {
  const IdentityRow rows[] = {
      {"records", "{\"id\":\"r1\",\"text\":\"body\"}\n", "r1", "jsonl:r1", "records:1"},
      {"records", "{\"url\":\"https://x.example/a\",\"text\":\"body\"}\n", "records-[0-9a-f]{8}",
       "url:https://x\\.example/a", "records:1"},
      {"records", "{\"text\":\"body\"}\n", "records-[0-9a-f]{8}", "records:[0-9a-f]{16}", "records:1"},
      {"text", "A title\n\nA body.\n", "text-[0-9a-f]{8}", "text:[0-9a-f]{16}", ""},
      {"page", "<html><title>T</title><body><p>Body text.</p></body></html>", "page-[0-9a-f]{8}",
       "page:[0-9a-f]{16}", ""},
  };
  for (const IdentityRow& row : rows) {
    SCOPED_TRACE(row.bytes);
    const std::vector<Document> docs = ReadUnnamed(row.name, row.bytes);
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_THAT(docs[0].id, MatchesRegex(row.id));
    EXPECT_THAT(docs[0].origin, MatchesRegex(row.origin));
    if (*row.source != '\0') {
      EXPECT_EQ(docs[0].source, row.source);
    }
  }
}

TEST(UnnamedBuffer, SameContentSameIdOtherContentOtherId) {
  const std::string a = "{\"title\":\"T\",\"text\":\"one body\"}\n";
  const std::string b = "{\"title\":\"T\",\"text\":\"another body\"}\n";
  const std::vector<Document> first = ReadUnnamed("records", a + b);
  const std::vector<Document> again = ReadUnnamed("records", a);
  ASSERT_EQ(first.size(), 2u);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(first[0].id, again[0].id);
  EXPECT_EQ(first[0].origin, again[0].origin);
  EXPECT_NE(first[0].id, first[1].id);
  // The same bytes as a file are known by its path and line instead.
  const testing::ReadOutcome file = testing::ReadAll("records", a);
  ASSERT_EQ(file.docs.size(), 1u);
  EXPECT_EQ(file.docs[0].id, "records-1");
  EXPECT_THAT(file.docs[0].origin, MatchesRegex("file:.*records:1"));
}

TEST(UnnamedBuffer, BadRecordsAreReportedWithTheName) {
  testing::RecordingReporter rep;
  size_t n = 0;
  Status s = ReadUnnamedBuffer("records", "{\"id\":\"a\",\"text\":\"x\"}\n{not json\n", {}, rep, [&](Document&&) {
    ++n;
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(n, 1u);
  ASSERT_EQ(rep.rejects.size(), 1u);
  EXPECT_THAT(rep.rejects[0].message(), MatchesRegex("records:2: not valid JSON.*"));
  EXPECT_FALSE(ReadUnnamedBuffer("records", "", {}, rep, [](Document&&) { return Status::Ok(); }).ok());
}

}  // namespace
}  // namespace storyline
