#include "storyline/serve.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "serve/api.h"
#include "serve/running_server.h"
#include "storyline/store.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

// Long enough for a loaded CI machine to start and stop a server; only a
// hang (a broken Stop) ever reaches it. Not a timing assertion.
constexpr auto kHangGuard = std::chrono::seconds(30);

Article MakeArticle(const std::string& id, const std::string& title, const std::string& date,
                    const std::string& text) {
  Article a;
  a.id = id;
  a.title = title;
  a.published = date;
  a.outlet = "Coast Gazette";
  a.text = text;
  a.content_hash = ContentHash(text);
  return a;
}

// A store with three articles and two saved stories, in a temp directory.
class StoreFixture {
 public:
  StoreFixture() {
    std::string tmpl = (fs::temp_directory_path() / "storyline_serve_XXXXXX").string();
    EXPECT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    path_ = (dir_ / "news.db").string();
    auto store = Store::Open(path_, {});
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    const Article articles[] = {
        MakeArticle("lh-1", "Lighthouse restored", "2023-06-01",
                    "Volunteers restored the old lighthouse on the northern cape. "
                    "The lighthouse opens to visitors in June, the keeper's family said."),
        MakeArticle("lh-2", "Lighthouse opens <again>", "2023-06-15",
                    "The restored lighthouse on the northern cape opened to visitors on "
                    "Saturday. \"It is a proud day,\" the keeper said."),
        MakeArticle("mk-1", "Market moves", "2023-05-02",
                    "The farmers market moves to the town square on Fridays."),
    };
    for (const Article& a : articles) EXPECT_TRUE((*store)->Put(a).ok());
    EXPECT_TRUE((*store)
                    ->SaveStories({{"s-lh", "Lighthouse <b>& cape</b>", "2023-06-01",
                                    "2023-06-15", {"lh-1", "lh-2"}},
                                   {"s-mk", "Market", "2023-05-02", "2023-05-02", {"mk-1"}}})
                    .ok());
  }
  StoreFixture(const StoreFixture&) = delete;
  StoreFixture& operator=(const StoreFixture&) = delete;
  ~StoreFixture() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return (dir_ / name).string(); }

 private:
  fs::path dir_;
  std::string path_;
};

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServeOptions o;
    o.db_path = store_.path();
    server_ = std::make_unique<testing_serve::RunningServer>(o);
    ASSERT_TRUE(server_->started());
    ASSERT_GT(server_->port(), 0);
  }
  void TearDown() override {
    if (server_ == nullptr) return;
    Status s = server_->Stop();
    EXPECT_TRUE(s.ok()) << s.ToString();
  }

  httplib::Result Get(const std::string& path) { return server_->Get(path); }

  StoreFixture store_;
  std::unique_ptr<testing_serve::RunningServer> server_;
};

TEST_F(ServeTest, EndpointsAnswerWithStatusAndType) {
  struct Row {
    std::string path;
    int status;
    std::string type;      // Content-Type prefix
    std::string contains;  // in the body
  };
  const Row rows[] = {
      {"/", 200, "text/html", "<script type=\"module\" src=\"/static/app.js\"></script>"},
      {"/api/stories", 200, "application/json", "\"s-mk\""},
      {"/api/stories/s-lh/brief", 200, "application/json", "\"stories\""},
      {"/api/stories/s-lh/brief?format=json", 200, "application/json", "lh-2"},
      {"/api/stories/s-lh/brief?format=md", 200, "text/markdown", ""},
      {"/api/stories/s-lh/brief?format=html", 200, "text/html", "<html"},
      {"/api/stories/nope/brief", 404, "application/json", "\"error\""},
      {"/api/stories/s-lh/brief?format=pdf", 400, "application/json", "pdf"},
      {"/api/search?q=lighthouse", 200, "application/json", "[lighthouse]"},
      {"/api/search?q=square", 200, "application/json", "mk-1"},
      {"/api/search?q=%22unbalanced%20lighthouse", 200, "application/json", "[]"},
      {"/api/search?q=keeper%27s", 200, "application/json", "lh-"},
      {"/api/search", 400, "application/json", "\"error\""},
      {"/api/search?q=%20", 400, "application/json", "\"error\""},
      {"/api/search?q=cape&limit=0", 400, "application/json", "limit"},
      {"/api/search?q=cape&limit=x", 400, "application/json", "limit"},
      {"/api/articles/mk-1", 200, "application/json", "town square"},
      {"/api/articles/none", 404, "application/json", "none"},
      {"/no/such/path", 404, "application/json", "\"error\""},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.path);
    httplib::Result res = Get(r.path);
    ASSERT_TRUE(res) << httplib::to_string(res.error());
    EXPECT_EQ(res->status, r.status) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type").rfind(r.type, 0), 0u)
        << res->get_header_value("Content-Type");
    EXPECT_NE(res->body.find(r.contains), std::string::npos) << res->body.substr(0, 500);
    if (r.type == "application/json") {
      EXPECT_TRUE(nlohmann::json::accept(res->body)) << res->body.substr(0, 500);
    }
  }
}

TEST_F(ServeTest, StoriesListMatchesStore) {
  httplib::Result res = Get("/api/stories");
  ASSERT_TRUE(res);
  nlohmann::json page = nlohmann::json::parse(res->body);
  EXPECT_EQ(page["total"], 2);
  nlohmann::json j = page["stories"];
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["id"], "s-lh");                         // newest first
  EXPECT_EQ(j[0]["label"], "Lighthouse <b>& cape</b>");  // JSON keeps the text as is
  EXPECT_EQ(j[0]["headline"], "Lighthouse restored");   // its earliest article's title
  EXPECT_EQ(j[0]["size"], 2);
  EXPECT_EQ(j[0]["span"]["first"], "2023-06-01");
  EXPECT_EQ(j[0]["span"]["last"], "2023-06-15");
  EXPECT_EQ(j[0]["outlets"], nlohmann::json({"Coast Gazette"}));
}

TEST_F(ServeTest, SearchHitsCarrySnippetsBestFirst) {
  httplib::Result res = Get("/api/search?q=lighthouse&limit=1");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  nlohmann::json j = nlohmann::json::parse(res->body);
  ASSERT_EQ(j.size(), 1u);  // the limit holds
  EXPECT_EQ(j[0]["kind"], "article");
  EXPECT_TRUE(j[0]["article_id"] == "lh-1" || j[0]["article_id"] == "lh-2");
  EXPECT_NE(j[0]["snippet"].get<std::string>().find("[lighthouse]"), std::string::npos);
  EXPECT_TRUE(j[0]["rank"].is_number());
}

TEST_F(ServeTest, MalformedQueryFallsBackToLiteralWords) {
  httplib::Result res = Get("/api/search?q=%22northern%20cape");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("X-Storyline-Query"), "\"\"\"northern\" \"cape\"");
  nlohmann::json j = nlohmann::json::parse(res->body);
  EXPECT_EQ(j.size(), 2u);  // both lighthouse articles: the stray quote is ignored
}

TEST_F(ServeTest, BriefKeepsTheListedStoryIdAndLabel) {
  httplib::Result res = Get("/api/stories/s-lh/brief?format=json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  nlohmann::json j = nlohmann::json::parse(res->body);
  ASSERT_EQ(j["stories"].size(), 1u) << res->body.substr(0, 500);
  EXPECT_EQ(j["stories"][0]["id"], "s-lh");
  EXPECT_EQ(j["stories"][0]["label"], "Lighthouse <b>& cape</b>");
  EXPECT_EQ(j["stories"][0]["articles"], nlohmann::json({"lh-1", "lh-2"}));
  ASSERT_EQ(j["articles"].size(), 2u);  // only the story's articles
}

TEST_F(ServeTest, ArticleJsonHasStoredFields) {
  httplib::Result res = Get("/api/articles/lh-2");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  nlohmann::json j = nlohmann::json::parse(res->body);
  EXPECT_EQ(j["id"], "lh-2");
  EXPECT_EQ(j["title"], "Lighthouse opens <again>");
  EXPECT_EQ(j["published"], "2023-06-15");
  EXPECT_EQ(j["outlet"], "Coast Gazette");
}

// The page carries no store data (the script fetches it as JSON and builds
// the DOM from text), loads nothing from elsewhere and forbids inline script.
TEST_F(ServeTest, PageIsStaticAndSelfContained) {
  httplib::Result res = Get("/");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->body.find("Lighthouse"), std::string::npos);
  EXPECT_EQ(res->body.find("src=\"http"), std::string::npos);
  EXPECT_EQ(res->body.find("href=\"http"), std::string::npos);
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
}

TEST(ServeCreateTest, MissingStoreIsNotFound) {
  StoreFixture fixture;
  ServeOptions o;
  o.db_path = fixture.File("missing.db");
  o.port = 0;
  auto server = Server::Create(o);
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), StatusCode::kNotFound);
}

TEST(ServeCreateTest, BadPortsAreRefused) {
  StoreFixture fixture;
  ServeOptions o;
  o.db_path = fixture.path();
  o.port = 0;
  auto first = Server::Create(o);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  o.port = (*first)->port();  // already taken by `first`
  auto second = Server::Create(o);
  ASSERT_FALSE(second.ok());
  // Issue 12: a busy port is the caller's choice to change (exit 1), not an
  // I/O failure (exit 2).
  EXPECT_EQ(second.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(second.status().message().find(std::to_string(o.port)), std::string::npos);
  o.port = 70000;
  auto out_of_range = Server::Create(o);
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_EQ(out_of_range.status().code(), StatusCode::kInvalidInput);
}

TEST(ServeCreateTest, StopBeforeRunReturnsAndRunOnlyOnce) {
  StoreFixture fixture;
  ServeOptions o;
  o.db_path = fixture.path();
  o.port = 0;
  auto server = Server::Create(o);
  ASSERT_TRUE(server.ok());
  (*server)->Stop();
  auto run = std::async(std::launch::async, [&] { return (*server)->Run(); });
  ASSERT_EQ(run.wait_for(kHangGuard), std::future_status::ready);
  EXPECT_TRUE(run.get().ok());
  Status again = (*server)->Run();
  EXPECT_EQ(again.code(), StatusCode::kInvalidInput);
}

TEST(ServeCreateTest, PortIsFreedWhenServerIsDestroyed) {
  StoreFixture fixture;
  ServeOptions o;
  o.db_path = fixture.path();
  o.port = 0;
  int port = 0;
  {
    auto server = Server::Create(o);  // never run
    ASSERT_TRUE(server.ok());
    port = (*server)->port();
  }
  o.port = port;
  auto again = Server::Create(o);
  EXPECT_TRUE(again.ok()) << again.status().ToString();
}

TEST(ServeCreateTest, SigtermStopsRun) {
  StoreFixture fixture;
  ServeOptions o;
  o.db_path = fixture.path();
  o.port = 0;
  auto server = Server::Create(o);
  ASSERT_TRUE(server.ok());
  // Block SIGTERM here too, as a command's main thread running Run() would:
  // otherwise the signal could land on this thread and end the test binary.
  sigset_t term, old_mask;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  ASSERT_EQ(pthread_sigmask(SIG_BLOCK, &term, &old_mask), 0);
  auto run = std::async(std::launch::async, [&] { return (*server)->Run(); });
  // Wait until it answers, so the signal arrives while serving.
  httplib::Client client("127.0.0.1", (*server)->port());
  bool up = false;
  for (int i = 0; i < 300 && !up; ++i) {
    up = static_cast<bool>(client.Get("/api/stories"));
    if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(up);
  ASSERT_EQ(kill(getpid(), SIGTERM), 0);
  const bool finished = run.wait_for(kHangGuard) == std::future_status::ready;
  if (!finished) (*server)->Stop();
  EXPECT_TRUE(finished);
  EXPECT_TRUE(run.get().ok());
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
}

TEST(ServeApiTest, UrlComponentEscapesReservedBytes) {
  struct Row {
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {"abc-123_X.~", "abc-123_X.~"},
      {"a b/c?d&e", "a%20b%2Fc%3Fd%26e"},
      {"<urn:uuid:1>", "%3Curn%3Auuid%3A1%3E"},
      {"é", "%C3%A9"},
      {"", ""},
  };
  for (const Row& r : rows) EXPECT_EQ(serve_internal::UrlComponent(r.in), r.out) << r.in;
}

TEST(ServeApiTest, HttpStatusForCodes) {
  EXPECT_EQ(serve_internal::HttpStatusFor(Status::NotFound("x")), 404);
  EXPECT_EQ(serve_internal::HttpStatusFor(Status::InvalidInput("x")), 400);
  EXPECT_EQ(serve_internal::HttpStatusFor(Status::Corruption("x")), 500);
  EXPECT_EQ(serve_internal::HttpStatusFor(Status::IOError("x")), 500);
}

}  // namespace
}  // namespace storyline
