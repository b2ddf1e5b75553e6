// Issue 15 parts 2 and 3: the paged API answers from stored results, its
// pages add up to the whole brief, answers carry ETags of the store
// generation (304, and a new answer after the store changes), a story keeps
// its id as it grows, and a retired id redirects (308) to the survivor.
// Everything goes through a real server on loopback over a store made by
// Ingest of examples/ (the public API, as `storyline ingest` does it).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "serve/running_server.h"
#include "storyline/pipeline.h"
#include "storyline/render.h"
#include "storyline/reporter.h"
#include "storyline/serve.h"
#include "storyline/store.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Example(const std::string& name) { return std::string(STORYLINE_SOURCE_DIR) + "/examples/" + name; }

// The line of examples/wire.jsonl whose record has id `id`.
std::string WireLine(const std::string& id) {
  std::ifstream in(Example("wire.jsonl"));
  for (std::string line; std::getline(in, line);) {
    if (line.find("\"id\": \"" + id + "\"") != std::string::npos) return line + "\n";
  }
  ADD_FAILURE() << "no record " << id << " in wire.jsonl";
  return "";
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "storyline_api_XXXXXX").string();
    EXPECT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  // Writes `text` to file `name` and returns its path.
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(Path(name)) << text;
    return Path(name);
  }

 private:
  fs::path dir_;
};

Status IngestPaths(Store& store, const std::vector<std::string>& paths, const IngestHooks& hooks = {}) {
  CountingReporter reporter(nullptr);
  Result<IngestReport> r = Ingest(store, paths, reporter, hooks);
  if (!r.ok()) return r.status();
  EXPECT_EQ(reporter.rejected(), 0u);
  return Status::Ok();
}

ServeOptions OptionsFor(const std::string& db) {
  ServeOptions o;
  o.db_path = db;
  return o;
}

// A server on a free loopback port over `db`, stopped when destroyed.
class RunningServer : public testing_serve::RunningServer {
 public:
  explicit RunningServer(const std::string& db) : testing_serve::RunningServer(OptionsFor(db)) {}
  // The JSON body of a 200 answer to `path` (a test failure otherwise).
  json GetJson(const std::string& path) {
    httplib::Result res = Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << path << ": " << res->body.substr(0, 300);
    return json::parse(res->body, nullptr, false);
  }
};

// examples/ ingested once, grouped once.
class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.Path("news.db");
    auto store = Store::Open(db_, {});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    IngestHooks hooks;
    hooks.batch = 0;
    ASSERT_TRUE(IngestPaths(**store, {Example("")}, hooks).ok());
    server_ = std::make_unique<RunningServer>(db_);
  }
  void TearDown() override { server_.reset(); }

  // Every story id, newest first.
  std::vector<std::string> StoryIds() {
    std::vector<std::string> ids;
    const json list = server_->GetJson("/api/stories?limit=200");
    for (const json& s : list["stories"]) ids.push_back(s["id"]);
    EXPECT_FALSE(ids.empty());
    return ids;
  }
  // All items of `section` of story `id`, read in pages of `page`.
  json AllItems(const std::string& id, const std::string& section, size_t page) {
    json all = json::array();
    for (size_t offset = 0;; offset += page) {
      json p = server_->GetJson("/api/stories/" + id + "/" + section + "?limit=" + std::to_string(page) +
                                "&offset=" + std::to_string(offset));
      EXPECT_LE(p["items"].size(), page);
      for (const json& item : p["items"]) all.push_back(item);
      if (offset + page >= p["total"].get<size_t>()) {
        EXPECT_EQ(all.size(), p["total"].get<size_t>()) << section;
        return all;
      }
    }
  }

  TempDir dir_;
  std::string db_;
  std::unique_ptr<RunningServer> server_;
};

TEST_F(ApiTest, StatusCountsTheStore) {
  json j = server_->GetJson("/api/status");
  EXPECT_EQ(j["articles"], 13);
  EXPECT_EQ(j["stories"], 4);
  EXPECT_EQ(j["behind"], false);
  EXPECT_GT(j["generation"].get<int64_t>(), 0);
}

TEST_F(ApiTest, StoriesArePagedSortedAndFiltered) {
  json all = server_->GetJson("/api/stories");
  ASSERT_EQ(all["total"], 4);
  ASSERT_EQ(all["stories"].size(), 4u);
  for (size_t i = 1; i < all["stories"].size(); ++i) {  // newest first
    EXPECT_GE(all["stories"][i - 1]["span"]["last"].get<std::string>(),
              all["stories"][i]["span"]["last"].get<std::string>());
  }
  json page = server_->GetJson("/api/stories?offset=1&limit=2");
  EXPECT_EQ(page["total"], 4);
  ASSERT_EQ(page["stories"].size(), 2u);
  EXPECT_EQ(page["stories"][0], all["stories"][1]);
  EXPECT_EQ(page["stories"][1], all["stories"][2]);
  json largest = server_->GetJson("/api/stories?sort=largest");
  for (size_t i = 1; i < largest["stories"].size(); ++i) {
    EXPECT_GE(largest["stories"][i - 1]["size"], largest["stories"][i]["size"]);
  }
  for (const json& s : all["stories"]) {
    EXPECT_FALSE(s["headline"].get<std::string>().empty());
    EXPECT_FALSE(s["outlets"].empty());
    EXPECT_EQ(s["view_current"], true);
  }

  struct Row {
    std::string query;
    size_t total;
  };
  const Row rows[] = {
      {"from=2025", 1},                   // only the 2025 story reaches 2025
      {"from=2024-08-31&to=2024-08-31", 1},  // a day inside one story's span
      {"to=2023-12", 1},                  // the 2023 story starts before
      {"from=1990&to=1991", 0},
      {"outlet=metro%20wire", 4},         // case-insensitive: every story has a Metro Wire article
      {"outlet=The%20Terrace%20Report", 1},
      {"entity=Teodora%20Quaile", 1},     // folded: any spelling of the name
      {"entity=teodora%20quaile&from=2024", 0},
      {"entity=nobody%20at%20all", 0},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.query);
    json j = server_->GetJson("/api/stories?" + r.query);
    EXPECT_EQ(j["total"], r.total);
    EXPECT_EQ(j["stories"].size(), r.total);
  }
  // Pages of a listing by outlet (cut from the stories' order kept in
  // memory: the load issue) are slices of its whole listing, in both orders.
  for (const char* sort : {"newest", "largest"}) {
    const std::string base = std::string("/api/stories?outlet=METRO%20wire&sort=") + sort;
    const json whole = server_->GetJson(base + "&limit=200");
    ASSERT_EQ(whole["stories"].size(), 4u) << sort;
    for (size_t offset = 0; offset <= 4; ++offset) {
      const json p = server_->GetJson(base + "&limit=2&offset=" + std::to_string(offset));
      EXPECT_EQ(p["total"], 4) << sort << " " << offset;
      ASSERT_EQ(p["stories"].size(), std::min<size_t>(2, 4 - offset)) << sort << " " << offset;
      for (size_t i = 0; i < p["stories"].size(); ++i) EXPECT_EQ(p["stories"][i], whole["stories"][offset + i]);
    }
  }
  EXPECT_EQ(server_->GetJson("/api/stories?offset=9")["stories"].size(), 0u);
  // A date range's total (counted apart from the page: the load issue)
  // is the number of stories the page lists, for coarse and fine dates.
  const std::string dates[] = {"", "2023", "2023-11", "2023-11-06", "2023-11-30", "2024",
                               "2024-08", "2024-08-31", "2025", "2025-01-01"};
  for (const std::string& from : dates) {
    for (const std::string& to : dates) {
      if (from.empty() && to.empty()) continue;
      if (!from.empty() && !to.empty() && from.substr(0, to.size()) > to) continue;  // 400, tested below
      const std::string query = "/api/stories?limit=200" + (from.empty() ? "" : "&from=" + from) +
                                (to.empty() ? "" : "&to=" + to);
      json j = server_->GetJson(query);
      EXPECT_EQ(j["total"], j["stories"].size()) << query;
    }
  }
  EXPECT_NE(server_->GetJson("/api/stories?entity=teodora%20quaile")["stories"][0]["headline"].get<std::string>().find(
                "Quaile"),
            std::string::npos);
}

TEST_F(ApiTest, BadParametersAre400NamingTheParameter) {
  const std::pair<std::string, std::string> rows[] = {
      {"/api/stories?limit=0", "limit"},          {"/api/stories?limit=201", "limit"},
      {"/api/stories?limit=ten", "limit"},        {"/api/stories?offset=-1", "offset"},
      {"/api/stories?from=2024-13", "from"},      {"/api/stories?to=20240101", "to"},
      {"/api/stories?from=2025&to=2024", "to"},   {"/api/stories?sort=oldest", "sort"},
      {"/api/stories?outlet=", "outlet"},         {"/api/stories?entity=%20", "entity"},
      {"/api/entities", "q"},                     {"/api/entities?q=a&limit=1000", "limit"},
      {"/api/search?q=a&kind=people", "kind"},    {"/api/stories/x/brief?format=pdf", "format"},
  };
  for (const auto& [path, name] : rows) {
    SCOPED_TRACE(path);
    httplib::Result res = server_->Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
    json j = json::parse(res->body, nullptr, false);
    ASSERT_TRUE(j.contains("error")) << res->body;
    EXPECT_EQ(j["error"].get<std::string>().rfind(name, 0), 0u) << j["error"];
  }
  for (const char* path : {"/api/stories/nope", "/api/stories/nope/quotes", "/api/entities/nobody%20at%20all",
                                 "/api/articles/nope"}) {
    httplib::Result res = server_->Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404) << path;
  }
  const std::string id = StoryIds().front();
  httplib::Result res = server_->Get("/api/stories/" + id + "/gossip");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
}

// The sections, page by page, are the brief's arrays, and the brief the
// server builds from the stored view is the one the pipeline's StoryBrief
// (the command's `brief STORY`) renders.
TEST_F(ApiTest, SectionPagesAddUpToTheBrief) {
  auto store = Store::Open(db_, {});
  ASSERT_TRUE(store.ok());
  for (const std::string& id : StoryIds()) {
    SCOPED_TRACE(id);
    json brief = server_->GetJson("/api/stories/" + id + "/brief?format=json");
    Result<Brief> reference = StoryBrief(**store, id);
    ASSERT_TRUE(reference.ok());
    json expected = json::parse(RenderBrief(*reference, BriefFormat::kJson));
    ASSERT_EQ(brief["stories"].size(), 1u);
    const json& story = brief["stories"][0];
    EXPECT_EQ(story, expected["stories"][0]);
    EXPECT_EQ(brief["articles"].size(), expected["articles"].size());

    json summary = server_->GetJson("/api/stories/" + id);
    EXPECT_EQ(summary["id"], id);
    for (const char* section : {"quotes", "claims", "timeline", "entities"}) {
      json items = AllItems(id, section, 7);
      EXPECT_EQ(items, story[section]) << section;
      EXPECT_EQ(summary["counts"][section], story[section].size()) << section;
    }
    json conflicts = json::array();
    for (const json& c : story["claims"]) {
      if (c["status"] == "conflict") conflicts.push_back(c);
    }
    EXPECT_EQ(AllItems(id, "conflicts", 2), conflicts);
    EXPECT_EQ(summary["counts"]["conflicts"], conflicts.size());
    EXPECT_EQ(summary["conflicts"], conflicts.size());
    json articles = AllItems(id, "articles", 2);
    ASSERT_EQ(articles.size(), story["articles"].size());
    for (size_t i = 0; i < articles.size(); ++i) EXPECT_EQ(articles[i]["id"], story["articles"][i]);
    EXPECT_EQ(summary["counts"]["articles"], articles.size());
  }
}

TEST_F(ApiTest, ArticleCarriesSentencesAndStories) {
  const std::string id = StoryIds().front();
  const json story = server_->GetJson("/api/stories/" + id + "/articles?limit=1")["items"][0];
  json a = server_->GetJson("/api/articles/" + story["id"].get<std::string>());
  EXPECT_EQ(a["stories"], json::array({id}));
  ASSERT_FALSE(a["sentences"].empty());
  size_t length = 0;  // code points: UTF-8 bytes that do not continue one
  for (unsigned char c : a["text"].get<std::string>()) length += (c & 0xC0) != 0x80 ? 1 : 0;
  size_t last_end = 0;
  for (const json& s : a["sentences"]) {
    EXPECT_LE(last_end, s["start"].get<size_t>());
    EXPECT_LT(s["start"].get<size_t>(), s["end"].get<size_t>());
    EXPECT_LE(s["end"].get<size_t>(), length);
    last_end = s["end"];
  }
}

TEST_F(ApiTest, EntitiesAndSearchOverQuotesAndEntities) {
  json found = server_->GetJson("/api/entities?q=quai");  // a word inside the name
  ASSERT_GE(found["total"].get<size_t>(), 1u);
  EXPECT_EQ(found["items"][0]["key"], "teodora quaile");
  EXPECT_EQ(found["items"][0]["name"], "Teodora Quaile");

  json e = server_->GetJson("/api/entities/Teodora%20Quaile");
  EXPECT_EQ(e["key"], "teodora quaile");
  EXPECT_EQ(e["type"], "PERSON");
  EXPECT_NE(std::find(e["aliases"].begin(), e["aliases"].end(), "Quaile"), e["aliases"].end());
  ASSERT_EQ(e["stories"]["total"], 1);
  const std::string story = e["stories"]["items"][0]["id"];
  EXPECT_GT(e["claims"]["total"].get<size_t>(), 0u);
  EXPECT_EQ(e["claims"]["items"].size(), e["claims"]["total"].get<size_t>());
  const json claims = AllItems(story, "claims", 200);
  for (const json& c : e["claims"]["items"]) {
    EXPECT_EQ(c["story"], story);
    EXPECT_EQ(c["item"]["subject_name"], "Teodora Quaile");
    EXPECT_NE(std::find(claims.begin(), claims.end(), c["item"]), claims.end());
  }
  ASSERT_GT(e["quotes"]["total"].get<size_t>(), 0u);
  for (const json& q : e["quotes"]["items"]) EXPECT_EQ(q["item"]["speaker_name"], "Teodora Quaile");

  json hits = server_->GetJson("/api/search?q=heart&kind=quotes");
  ASSERT_FALSE(hits.empty());
  for (const json& h : hits) {
    EXPECT_EQ(h["kind"], "quote");
    EXPECT_NE(h["snippet"].get<std::string>().find("[heart]"), std::string::npos);
    const json quotes = AllItems(h["story_id"], "quotes", 200);
    EXPECT_NE(std::find_if(quotes.begin(), quotes.end(), [&](const json& q) { return q["id"] == h["quote_id"]; }),
              quotes.end());
  }
  json people = server_->GetJson("/api/search?q=Quaile&kind=entities");
  ASSERT_FALSE(people.empty());
  EXPECT_EQ(people[0]["key"], "teodora quaile");
  json unparsable = server_->GetJson("/api/search?q=%22heart&kind=quotes");  // free text, retried word by word
  EXPECT_FALSE(unparsable.empty());
}

// ETags follow the store: 304 while nothing changed, a new answer (not the
// cached one) once an ingest changed it.
TEST_F(ApiTest, EtagIs304UntilTheStoreChanges) {
  httplib::Result first = server_->Get("/api/stories");
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  for (const std::string& path : {std::string("/api/status"), "/api/stories/" + StoryIds().front() + "/quotes"}) {
    httplib::Result r = server_->Get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->get_header_value("ETag"), etag) << path;
  }
  httplib::Result again = server_->Get("/api/stories", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());

  auto store = Store::Open(db_, {});
  ASSERT_TRUE(store.ok());
  const std::string extra = dir_.Write(
      "extra.jsonl",
      R"({"id": "orchard-1", "title": "Orchard fair draws record crowd", "date": "2026-09-01", "outlet": "Vale Times", "text": "The annual orchard fair in Dunmore drew a record crowd on Saturday, organisers said. Growers from the whole valley showed forty kinds of apple."})"
      "\n");
  ASSERT_TRUE(IngestPaths(**store, {extra}).ok());
  httplib::Result changed = server_->Get("/api/stories", {{"If-None-Match", etag}});
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200);
  EXPECT_NE(changed->get_header_value("ETag"), etag);
  json j = json::parse(changed->body);
  EXPECT_EQ(j["total"], 5);
  EXPECT_EQ(j["stories"][0]["headline"], "Orchard fair draws record crowd");  // newest first
}

// The load bench's property in small (bench/serve_load_throughput proves
// it at 100,000 articles, with latencies): clients on many connections,
// beside slow clients and an ingest writing to the store, all get whole
// answers; nothing is timed.
TEST_F(ApiTest, ConcurrentClientsGetWholeAnswersWhileAnIngestWrites) {
  const std::vector<std::string> ids = StoryIds();
  std::vector<std::string> paths = {"/", "/api/status", "/api/stories?limit=2", "/api/stories?sort=largest&offset=1",
                                    "/api/search?q=bridge", "/api/search?kind=quotes&q=said",
                                    "/api/entities?q=val"};
  for (const std::string& id : ids) {
    for (const char* section : {"", "/quotes?limit=3", "/claims", "/articles", "/brief"}) {
      paths.push_back("/api/stories/" + id + section);
    }
  }
  auto store = Store::Open(db_, {});
  ASSERT_TRUE(store.ok());
  std::atomic<bool> writing{true};
  std::thread writer([&] {
    const std::string more = dir_.Write("more.jsonl", WireLine("metrowire-20231114-brackenford-election"));
    IngestHooks hooks;
    hooks.batch = 1;
    EXPECT_TRUE(IngestPaths(**store, {more}, hooks).ok());
    writing = false;
  });
  // Slow clients: each holds a connection open, sending a request head a
  // byte at a time, until the others are done.
  constexpr size_t kSlowClients = 8;
  std::atomic<bool> done{false};
  std::vector<std::thread> slow;
  for (size_t i = 0; i < kSlowClients; ++i) {
    slow.emplace_back([&] {
      const int fd = socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in addr{};
      addr.sin_family = AF_INET;
      addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
      addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        const std::string head = "GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
        for (size_t k = 0; !done; k = (k + 1) % head.size()) {
          if (send(fd, head.data() + std::min(k, head.size() - 1), 1, MSG_NOSIGNAL) != 1) break;
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
      }
      close(fd);
    });
  }
  constexpr size_t kClients = 8, kRounds = 3;
  std::atomic<size_t> bad{0}, answered{0};
  std::vector<std::thread> clients;
  for (size_t t = 0; t < kClients; ++t) {
    clients.emplace_back([&, t] {
      for (size_t round = 0; round < kRounds || writing; ++round) {
        for (size_t k = t; k < paths.size(); k += kClients) {
          httplib::Result r = server_->Get(paths[k]);
          ++answered;
          const bool whole = r && (r->status == 200 || r->status == 308) &&
                             (paths[k] == "/" || r->status == 308 || json::accept(r->body));
          if (!whole) {
            ++bad;
            ADD_FAILURE() << paths[k] << ": " << (r ? std::to_string(r->status) + " " + r->body.substr(0, 200)
                                                    : httplib::to_string(r.error()));
          }
        }
      }
    });
  }
  for (std::thread& c : clients) c.join();
  writer.join();
  done = true;
  for (std::thread& t : slow) t.join();
  EXPECT_EQ(bad, 0u);
  EXPECT_GE(answered, kClients * kRounds);
}

// Load issue (issue 15's goals): requests that compute an answer go
// through a first-come-first-served gate of ServeOptions::max_computing
// places. With one place, clients on many connections asking for pages no
// one asked before all get the answers a server without a queue gives
// (tests/serve/gate_test.cc checks the gate's order and bound).
TEST_F(ApiTest, OneComputingPlaceAnswersManyClientsAlike) {
  std::vector<std::string> paths = {"/api/status", "/api/stories?limit=2", "/api/search?q=bridge",
                                    "/api/search?kind=quotes&q=said", "/api/entities?q=val"};
  for (const std::string& id : StoryIds()) {
    for (const char* section : {"", "/quotes?limit=3", "/claims", "/timeline", "/articles", "/brief"}) {
      paths.push_back("/api/stories/" + id + section);
    }
  }
  std::vector<std::string> expected;
  for (const std::string& path : paths) expected.push_back(server_->GetJson(path).dump());
  ServeOptions one = OptionsFor(db_);
  one.max_computing = 1;
  testing_serve::RunningServer queued(one);
  ASSERT_TRUE(queued.started());
  constexpr size_t kClients = 8;
  std::vector<std::thread> clients;
  std::atomic<size_t> alike{0};
  for (size_t t = 0; t < kClients; ++t) {
    clients.emplace_back([&, t] {
      for (size_t i = 0; i < paths.size(); ++i) {
        const size_t k = (i + t) % paths.size();  // each client in its own order
        httplib::Result r = queued.Get(paths[k]);
        if (r && r->status == 200 && json::parse(r->body, nullptr, false).dump() == expected[k]) {
          ++alike;
        } else {
          ADD_FAILURE() << paths[k] << ": " << (r ? std::to_string(r->status) : httplib::to_string(r.error()));
        }
      }
    });
  }
  for (std::thread& c : clients) c.join();
  EXPECT_EQ(alike, kClients * paths.size());
}

// Issue 15 part 3: "a story's id moved after one ingest". A story keeps
// its id when later articles join it, and when older ones do.
TEST(StoryIdTest, StoryKeepsItsIdAsItGrows) {
  TempDir dir;
  const std::string db = dir.Path("news.db");
  auto store = Store::Open(db, {});
  ASSERT_TRUE(store.ok());
  const std::string first = dir.Write("first.jsonl", WireLine("metrowire-20231106-brackenford-mayor"));
  ASSERT_TRUE(IngestPaths(**store, {first}).ok());
  std::string id;
  {
    RunningServer server(db);
    json list = server.GetJson("/api/stories");
    ASSERT_EQ(list["total"], 1);
    id = list["stories"][0]["id"];
  }
  // Later articles (2023-11-14), then older and same-day ones.
  const std::string later = dir.Write("later.jsonl", WireLine("metrowire-20231114-brackenford-election"));
  ASSERT_TRUE(IngestPaths(**store, {later}).ok());
  ASSERT_TRUE(IngestPaths(**store, {Example("brackenford-bridge")}).ok());
  RunningServer server(db);
  json list = server.GetJson("/api/stories");
  ASSERT_EQ(list["total"], 1);
  EXPECT_EQ(list["stories"][0]["id"], id);
  EXPECT_EQ(list["stories"][0]["size"], 5);
  EXPECT_EQ(server.GetJson("/api/stories/" + id)["size"], 5);
}

// While an ingest is between its batches a changed story is saved without
// a view; its pages keep answering from the view it had (never rebuilt per
// request), and say so.
TEST(StoryIdTest, PagesKeepTheLastViewWhileAnIngestRuns) {
  TempDir dir;
  const std::string db = dir.Path("news.db");
  auto store = Store::Open(db, {});
  ASSERT_TRUE(store.ok());
  const std::string first = dir.Write("first.jsonl", WireLine("metrowire-20231106-brackenford-mayor"));
  ASSERT_TRUE(IngestPaths(**store, {first, Example("brackenford-bridge")}).ok());
  StoryPage before;
  {
    auto reader = Store::Open(db, {.batch_size = 500, .read_only = true});
    ASSERT_TRUE(reader.ok());
    Result<StoryPage> p = (*reader)->ListStories({});
    ASSERT_TRUE(p.ok());
    before = *p;
  }
  ASSERT_EQ(before.total, 1u);
  ASSERT_GT(before.stories[0].quotes, 0u);
  const std::string later = dir.Write("later.jsonl", WireLine("metrowire-20231114-brackenford-election"));
  IngestHooks hooks;
  hooks.batch = 1;  // group after the one article, without views; views at the end
  bool checked = false;
  hooks.step = [&](const std::string&) {
    if (checked) return;
    checked = true;
    RunningServer server(db);
    json status = server.GetJson("/api/status");
    const std::string id = before.stories[0].id;
    json summary = server.GetJson("/api/stories/" + id);
    EXPECT_EQ(summary["size"], 5);
    EXPECT_EQ(summary["view_current"], false);
    EXPECT_EQ(summary["counts"]["quotes"], before.stories[0].quotes);
    json quotes = server.GetJson("/api/stories/" + id + "/quotes");
    EXPECT_EQ(quotes["total"], before.stories[0].quotes);
  };
  ASSERT_TRUE(IngestPaths(**store, {later}, hooks).ok());
  EXPECT_TRUE(checked);
  RunningServer server(db);
  json summary = server.GetJson("/api/stories/" + before.stories[0].id);
  EXPECT_EQ(summary["view_current"], true);
  EXPECT_GE(summary["counts"]["quotes"].get<size_t>(), before.stories[0].quotes);
}

// A retired id (a story merged into another; story_aliases) answers 308 to
// the same route on the surviving id, query kept.
TEST(StoryIdTest, RetiredIdRedirectsToTheSurvivor) {
  TempDir dir;
  const std::string db = dir.Path("news.db");
  {
    auto store = Store::Open(db, {});
    ASSERT_TRUE(store.ok());
    Article a;
    a.id = "a1";
    a.title = "Harbour bridge reopens";
    a.published = "2024-02-01";
    a.text = "The harbour bridge reopened on Thursday after repairs.";
    a.content_hash = ContentHash(a.text);
    ASSERT_TRUE((*store)->Put(a).ok());
    ASSERT_TRUE((*store)->Flush().ok());
    GroupingUpdate u;
    GroupedStory g;
    g.story.id = "s-survivor";
    g.story.label = "Harbour bridge";
    g.story.articles = {"a1"};
    g.story.span_first = g.story.span_last = "2024-02-01";
    g.has_view = true;
    g.stream_index = 1;
    u.stories.push_back(g);
    u.aliases = {{"s-retired", "s-survivor"}};
    Result<int64_t> generation = (*store)->ArticlesGeneration();
    ASSERT_TRUE(generation.ok());
    ASSERT_TRUE((*store)->SaveGrouping(u, *generation).ok());
  }
  RunningServer server(db);
  const std::pair<std::string, std::string> rows[] = {
      {"/api/stories/s-retired", "/api/stories/s-survivor"},
      {"/api/stories/s-retired/quotes?offset=0&limit=5", "/api/stories/s-survivor/quotes?offset=0&limit=5"},
      {"/api/stories/s-retired/articles", "/api/stories/s-survivor/articles"},
      {"/api/stories/s-retired/brief?format=md", "/api/stories/s-survivor/brief?format=md"},
  };
  for (const auto& [from, to] : rows) {
    SCOPED_TRACE(from);
    httplib::Result res = server.Get(from);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 308);
    EXPECT_EQ(res->get_header_value("Location"), to);
    httplib::Result target = server.Get(to);
    ASSERT_TRUE(target);
    EXPECT_EQ(target->status, 200);
  }
  EXPECT_EQ(server.GetJson("/api/stories/s-survivor")["headline"], "Harbour bridge reopens");
}

}  // namespace
}  // namespace storyline
