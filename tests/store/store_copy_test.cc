// Store::ForEachCopy / PutCopy / Duplicates / RecordDuplicate /
// LastGroupedArticleId: what `storyline merge` reads from a shard and
// writes into OUT (tests/pipeline/merge_test.cc and
// tests/cli/issue14_merge.sh test the merge itself).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "storyline/annotation.h"
#include "storyline/pipeline.h"
#include "storyline/store.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

class StoreCopyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "storyline_copy_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::unique_ptr<Store> Open(const std::string& name) {
    Result<std::unique_ptr<Store>> s = Store::Open((dir_ / name).string(), {});
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(*s) : nullptr;
  }
  fs::path dir_;
};

Article MakeArticle(const std::string& id, const std::string& origin, const std::string& text,
                    const std::string& published = "") {
  Article a;
  a.id = id;
  a.origin = origin;
  a.source = origin;
  a.title = "Title of " + id;
  a.published = published;
  a.text = text;
  a.content_hash = ContentHash(text);
  return a;
}

std::vector<ArticleCopy> CopiesOf(const Store& store) {
  std::vector<ArticleCopy> out;
  Status s = store.ForEachCopy([&](ArticleCopy&& c) {
    out.push_back(std::move(c));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

// A clash id is undone in the copy (the id the article came with), so the
// store it is put into decides again; the annotations travel byte for byte.
TEST_F(StoreCopyTest, CopyUndoesClashIdsAndKeepsAnnotations) {
  std::unique_ptr<Store> shard = Open("shard.db");
  const Article articles[] = {
      MakeArticle("index", "file:/a/index.txt", "The harbour office closed the north quay on Monday."),
      MakeArticle("index", "file:/b/index.txt", "Mayor Lena Ortiz said the bridge would reopen in May."),
      MakeArticle("plain-1f2e3d4c", "file:/c/plain.txt", "An id that only looks like a clash id stays."),
  };
  for (const Article& a : articles) {
    const AnnotatedArticle an = Annotate(a, {});
    ASSERT_TRUE(shard->Put(a, nullptr, &an).ok());
  }
  ASSERT_TRUE(shard->Flush().ok());
  std::vector<ArticleCopy> copies = CopiesOf(*shard);
  ASSERT_EQ(copies.size(), 3u);
  EXPECT_EQ(copies[0].article.id, "index");
  EXPECT_EQ(copies[0].stored_id, "index");
  EXPECT_EQ(copies[1].article.id, "index");
  EXPECT_NE(copies[1].stored_id, "index");
  EXPECT_EQ(copies[1].stored_id.rfind("index-", 0), 0u);
  EXPECT_EQ(copies[2].article.id, "plain-1f2e3d4c");
  for (const ArticleCopy& c : copies) {
    EXPECT_TRUE(c.current);
    EXPECT_FALSE(c.annotation.empty());
    EXPECT_FALSE(c.keys.empty());
  }

  // Into a store with no "index": the second copy clashes with the first
  // again, under the same clash id; the annotations decode as the shard's.
  std::unique_ptr<Store> out = Open("out.db");
  for (const ArticleCopy& c : copies) {
    PutReport put;
    Result<PutOutcome> o = out->PutCopy(c, &put, /*with_results=*/true);
    ASSERT_TRUE(o.ok()) << o.status().message();
    EXPECT_EQ(*o, PutOutcome::kStored);
    EXPECT_EQ(put.id, c.stored_id);
  }
  ASSERT_TRUE(out->Flush().ok());
  Result<std::vector<std::string>> stale = out->StaleAnnotationIds();
  ASSERT_TRUE(stale.ok());
  EXPECT_TRUE(stale->empty());
  std::vector<ArticleCopy> again = CopiesOf(*out);
  ASSERT_EQ(again.size(), copies.size());
  for (size_t i = 0; i < copies.size(); ++i) {
    EXPECT_EQ(again[i].annotation, copies[i].annotation) << i;
    EXPECT_EQ(again[i].keys, copies[i].keys) << i;
    Result<Article> a = out->GetArticle(copies[i].stored_id);
    ASSERT_TRUE(a.ok());
    EXPECT_TRUE(out->GetAnnotated(*a).ok());
  }
}

// Without with_results nothing but the article is stored: the article is
// then unannotated (stale), as the merge needs when annotating itself.
TEST_F(StoreCopyTest, PutCopyWithoutResultsStoresNoAnnotations) {
  std::unique_ptr<Store> shard = Open("shard.db");
  const Article a = MakeArticle("a", "jsonl:a", "The council voted to close the old library.");
  const AnnotatedArticle an = Annotate(a, {});
  ASSERT_TRUE(shard->Put(a, nullptr, &an).ok());
  ASSERT_TRUE(shard->Flush().ok());
  std::unique_ptr<Store> out = Open("out.db");
  ASSERT_TRUE(out->PutCopy(CopiesOf(*shard).at(0), nullptr, false).ok());
  ASSERT_TRUE(out->Flush().ok());
  Result<std::vector<std::string>> stale = out->StaleAnnotationIds();
  ASSERT_TRUE(stale.ok());
  EXPECT_EQ(*stale, std::vector<std::string>{"a"});
}

TEST_F(StoreCopyTest, DuplicatesAreListedAndRecordedAgain) {
  std::unique_ptr<Store> shard = Open("shard.db");
  const std::string text = "The ferry resumed service after the storm.";
  ASSERT_TRUE(shard->Put(MakeArticle("first", "jsonl:first", text)).ok());
  Result<PutOutcome> dup = shard->Put(MakeArticle("copy", "jsonl:copy", text));
  ASSERT_TRUE(dup.ok());
  EXPECT_EQ(*dup, PutOutcome::kDuplicate);
  ASSERT_TRUE(shard->Flush().ok());
  Result<std::vector<std::pair<std::string, std::string>>> dups = shard->Duplicates();
  ASSERT_TRUE(dups.ok());
  ASSERT_EQ(dups->size(), 1u);
  EXPECT_EQ((*dups)[0], std::make_pair(std::string("copy"), std::string("first")));

  std::unique_ptr<Store> out = Open("out.db");
  ASSERT_TRUE(out->Put(MakeArticle("earlier", "jsonl:earlier", text)).ok());
  ASSERT_TRUE(out->Put(MakeArticle("other", "jsonl:other", "Different text.")).ok());
  const struct {
    const char* id;
    std::string text;
    bool recorded;
  } cases[] = {
      {"copy", text, true},            // a copy of OUT's "earlier"
      {"other", text, false},          // OUT stores "other" with its own text
      {"orphan", "No such text.", false},  // no article has this text
  };
  for (const auto& c : cases) {
    Result<bool> r = out->RecordDuplicate(c.id, c.text);
    ASSERT_TRUE(r.ok()) << c.id;
    EXPECT_EQ(*r, c.recorded) << c.id;
  }
  ASSERT_TRUE(out->Flush().ok());
  Result<std::vector<std::pair<std::string, std::string>>> recorded = out->Duplicates();
  ASSERT_TRUE(recorded.ok());
  ASSERT_EQ(recorded->size(), 1u);
  EXPECT_EQ((*recorded)[0], std::make_pair(std::string("copy"), std::string("earlier")));
}

// The last grouped article in publication order: undated ones after dated
// ones, a month before its days, ties by id; "" before any grouping.
TEST_F(StoreCopyTest, LastGroupedArticleIdFollowsPublicationOrder) {
  const struct {
    std::vector<std::pair<std::string, std::string>> articles;  // id, published
    std::string last;
  } cases[] = {
      {{{"b", "2024-05-01"}, {"a", "2024-05-01"}, {"c", "2024-04-30"}}, "b"},
      {{{"a", "2024-05"}, {"b", "2024-05-02"}}, "b"},
      {{{"z", "2024-05-02"}, {"a", ""}}, "a"},
  };
  int n = 0;
  for (const auto& c : cases) {
    std::unique_ptr<Store> store = Open("s" + std::to_string(n++) + ".db");
    Result<std::string> none = store->LastGroupedArticleId();
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(*none, "");
    for (const auto& [id, published] : c.articles) {
      ASSERT_TRUE(store->Put(MakeArticle(id, "jsonl:" + id, "Text of article " + id + ".", published)).ok());
    }
    ASSERT_TRUE(Regroup(*store, false).ok());
    Result<std::string> last = store->LastGroupedArticleId();
    ASSERT_TRUE(last.ok());
    EXPECT_EQ(*last, c.last);
  }
}

}  // namespace
}  // namespace storyline
