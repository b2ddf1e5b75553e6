// Story summaries as the API writes them (src/serve/api.h): written
// straight to text since the load issue (issue 15's goals), they must stay
// the bytes nlohmann's dump wrote before, for every kind of string.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "serve/api.h"
#include "storyline/store.h"

namespace storyline::serve_internal {
namespace {

using nlohmann::json;

// The summary as it was built before: an nlohmann object, dumped.
json Expected(const StorySummary& s, bool counts) {
  const auto or_null = [](const std::string& v) { return v.empty() ? json() : json(v); };
  json j = {{"id", s.id},
            {"label", s.label},
            {"headline", s.headline.empty() ? s.label : s.headline},
            {"size", s.size},
            {"span", {{"first", or_null(s.span_first)}, {"last", or_null(s.span_last)}}},
            {"outlets", s.outlets},
            {"conflicts", s.conflicts},
            {"entities", s.top_entities},
            {"view_current", s.view_current}};
  if (counts) {
    j["counts"] = {{"quotes", s.quotes},     {"claims", s.claims},     {"conflicts", s.conflicts},
                   {"timeline", s.timeline}, {"entities", s.entities}, {"articles", s.size}};
  }
  return j;
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

TEST(SummaryJsonTest, SameBytesAsTheJsonLibrary) {
  struct Row {
    std::string text;  // used for the label, an outlet and an entity name
    std::string span_first, span_last, headline;
  };
  const Row rows[] = {
      {"Plain words", "2024-01-02", "2024-02", "A headline"},
      {"", "", "", ""},
      {"Quote \" and backslash \\ here", "2024", "", ""},
      {"Tab\tnew line\ncontrol \x01 and DEL \x7f", "", "2025-12-31", "h"},
      {"Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x93\xb0", "2024-05-06", "2024-05-07", "\xc3\xa9"},
      {"invalid \xff\xfe bytes \xc3", "", "", "bad \x80"},
      {"</script><b>", "2024-01-01", "2024-01-01", "a/b"},
  };
  for (const Row& row : rows) {
    StorySummary s;
    s.id = "s" + std::to_string(row.text.size());
    s.label = row.text;
    s.headline = row.headline;
    s.span_first = row.span_first;
    s.span_last = row.span_last;
    s.size = 7;
    s.outlets = {row.text, "Outlet 2"};
    s.top_entities = {"Kim", row.text};
    s.conflicts = 2;
    s.quotes = 3;
    s.claims = 4;
    s.timeline = 5;
    s.entities = 6;
    s.view_current = row.text.size() % 2 == 0;
    for (bool counts : {false, true}) {
      EXPECT_EQ(StorySummaryJson(s, counts), Dump(Expected(s, counts))) << row.text;
    }
    StoryPage page;
    page.total = 12;
    page.stories = {s, s};
    const json expected = {{"total", 12},
                           {"offset", 50},
                           {"limit", 2},
                           {"stories", {Expected(s, false), Expected(s, false)}}};
    EXPECT_EQ(StoryPageJson(page, {50, 2}), Dump(expected)) << row.text;
  }
  EXPECT_EQ(StoryPageJson(StoryPage{}, {}), R"({"limit":50,"offset":0,"stories":[],"total":0})");
}

}  // namespace
}  // namespace storyline::serve_internal
