// Issue 15, part 4: the web page's routes. Every page path answers the one
// document (web/index.html), /static/ answers the files of web/ byte for
// byte as embedded at build time, with the page's Content-Security-Policy
// and an ETag that answers 304; nothing else is served from the folder.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <string>

#include "serve/pages.h"
#include "serve/running_server.h"
#include "serve/web_assets.h"
#include "storyline/serve.h"
#include "storyline/store.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class PagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "storyline_pages_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    {
      // One story, "s-new", which "s-old" merged into.
      auto store = Store::Open((dir_ / "news.db").string(), {});
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      Article a;
      a.id = "lh-1";
      a.title = "Lighthouse restored";
      a.published = "2023-06-01";
      a.text = "Volunteers restored the old lighthouse on the northern cape.";
      a.content_hash = ContentHash(a.text);
      ASSERT_TRUE((*store)->Put(a).ok());
      Result<int64_t> generation = (*store)->ArticlesGeneration();
      ASSERT_TRUE(generation.ok());
      GroupingUpdate update;
      GroupedStory g;
      g.story.id = "s-new";
      g.story.label = "Lighthouse";
      g.story.articles = {"lh-1"};
      g.stream_index = 1;
      update.stories.push_back(g);
      update.aliases = {{"s-old", "s-new"}};
      Status saved = (*store)->SaveGrouping(update, *generation);
      ASSERT_TRUE(saved.ok()) << saved.ToString();
    }
    ServeOptions o;
    o.db_path = (dir_ / "news.db").string();
    server_ = std::make_unique<testing_serve::RunningServer>(o);
    ASSERT_TRUE(server_->started());
  }
  void TearDown() override {
    if (server_ != nullptr) {
      EXPECT_TRUE(server_->Stop().ok());
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  httplib::Result Get(const std::string& path, const httplib::Headers& headers = {}) {
    return server_->Get(path, headers);
  }

  fs::path dir_;
  std::unique_ptr<testing_serve::RunningServer> server_;
};

TEST_F(PagesTest, EveryPagePathAnswersTheDocumentWithItsPolicy) {
  const std::string document = ReadFile(fs::path(STORYLINE_SOURCE_DIR) / "web" / "index.html");
  ASSERT_FALSE(document.empty());
  // The story page of an id the store does not know is the page (which
  // says so) with a 404.
  const struct {
    const char* path;
    int status;
  } kRows[] = {{"/", 200}, {"/story/s1", 404}, {"/article/a/b%2Fc?s=1-5", 200},
               {"/entity/AC%2FDC", 200}, {"/search?q=bridge", 200}};
  for (const auto& [path, status] : kRows) {
    httplib::Result res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, status) << path;
    EXPECT_EQ(res->body, document) << path;
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
    const std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << path;
  }
}

// A retired story id's page moves to the survivor's, query kept, as the
// API's story routes do.
TEST_F(PagesTest, RetiredStoryPageRedirects) {
  httplib::Result moved = Get("/story/s-old?x=1");
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->status, 308);
  EXPECT_EQ(moved->get_header_value("Location"), "/story/s-new?x=1");
  httplib::Result current = Get("/story/s-new");
  ASSERT_TRUE(current);
  EXPECT_EQ(current->status, 200);
}

// The binary serves the files of web/ as they are in the source tree (the
// build embeds them), each with its type; a file not in web/ is 404.
TEST_F(PagesTest, StaticFilesAreTheEmbeddedSources) {
  std::set<std::string> on_disk;
  for (const auto& entry : fs::directory_iterator(fs::path(STORYLINE_SOURCE_DIR) / "web")) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".html" || ext == ".js" || ext == ".css" || ext == ".svg") {
      on_disk.insert(entry.path().filename().string());
    }
  }
  std::set<std::string> embedded;
  for (const serve_internal::WebAsset& a : serve_internal::WebAssets()) embedded.insert(std::string(a.name));
  EXPECT_EQ(embedded, on_disk);
  const struct {
    std::string name, type;
  } kTypes[] = {{"app.js", "text/javascript; charset=utf-8"},
                {"app.css", "text/css; charset=utf-8"},
                {"favicon.svg", "image/svg+xml"}};
  for (const auto& row : kTypes) {
    httplib::Result res = Get("/static/" + row.name);
    ASSERT_TRUE(res) << row.name;
    EXPECT_EQ(res->status, 200) << row.name;
    EXPECT_EQ(res->get_header_value("Content-Type"), row.type) << row.name;
    EXPECT_EQ(res->body, ReadFile(fs::path(STORYLINE_SOURCE_DIR) / "web" / row.name)) << row.name;
  }
  for (const char* path : {"/static/nope.js", "/static/..%2Fembed_web.cmake", "/static/embed_web.cmake",
                           "/static/", "/static/a/app.js"}) {
    httplib::Result res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
  }
}

TEST_F(PagesTest, EtagAnswers304) {
  httplib::Result first = Get("/static/app.js");
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(first->get_header_value("Cache-Control"), "no-cache");
  httplib::Result again = Get("/static/app.js", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  httplib::Result other = Get("/static/app.css", {{"If-None-Match", etag}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
}

TEST(PagesEtagTest, MatchesListsWeakTagsAndStar) {
  const struct {
    const char* header;
    bool match;
  } kRows[] = {
      {"\"abc\"", true},         {"W/\"abc\"", true},   {"\"x\", \"abc\"", true},
      {" \"x\" ,W/\"abc\" ", true}, {"*", true},          {"\"abcd\"", false},
      {"", false},               {"abc", false},        {"\"x\",", false},
  };
  for (const auto& row : kRows) {
    EXPECT_EQ(serve_internal::EtagMatches(row.header, "\"abc\""), row.match) << row.header;
  }
}

// No page file builds markup from strings: the DOM is built from text nodes
// and attributes (web/dom.js), so article text can never become markup.
TEST(PagesSourceTest, NoMarkupFromStrings) {
  for (const serve_internal::WebAsset& a : serve_internal::WebAssets()) {
    if (!a.name.ends_with(".js")) continue;
    for (const char* sink : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                             "new Function", "createContextualFragment", "srcdoc"}) {
      EXPECT_EQ(a.bytes.find(sink), std::string_view::npos) << a.name << " uses " << sink;
    }
  }
}

}  // namespace
}  // namespace storyline
