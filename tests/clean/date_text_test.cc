// Tests for the date reader of the clean stage (src/clean/date_text.h):
// dates written in bylines, text, metadata values and URLs.
#include "clean/date_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline::html {
namespace {

struct TextCase {
  const char* text;
  DayOrder order;
  std::vector<std::string> want;  // ISO days, in text order
};

TEST(DateTextTest, FindsWrittenDates) {
  const std::vector<TextCase> cases = {
      {"By Ana Swanson Nov. 18, 2019 7:04 pm ET", DayOrder::kDayFirst, {"2019-11-18"}},
      {"Posted November 20th, 2019 - 07:29 GMT", DayOrder::kDayFirst, {"2019-11-20"}},
      {"Monday, November 18th, 2019 at 11:08 a.m.", DayOrder::kDayFirst, {"2019-11-18"}},
      {"Published Tue, Nov 20 2019 4:29 AM EST", DayOrder::kDayFirst, {"2019-11-20"}},
      {"Wednesday 20 November 2019", DayOrder::kDayFirst, {"2019-11-20"}},
      {"20 Nov, 2019 05:47", DayOrder::kDayFirst, {"2019-11-20"}},
      {"NOVEMBER 20, 2019 10:43", DayOrder::kDayFirst, {"2019-11-20"}},
      // German, French, Spanish, Italian, Dutch, Portuguese, Polish, Russian.
      {"Von Moritz Bachmann publiziert am 30. Juli 2018", DayOrder::kDayFirst, {"2018-07-30"}},
      {"publié le 3 février 2020", DayOrder::kDayFirst, {"2020-02-03"}},
      {"17 de marzo de 2020", DayOrder::kDayFirst, {"2020-03-17"}},
      {"Cartoni 02 Ago 2017", DayOrder::kDayFirst, {"2017-08-02"}},
      {"12 maart 2021", DayOrder::kDayFirst, {"2021-03-12"}},
      {"sexta-feira, 22 de outubro de 2010 às 20:13", DayOrder::kDayFirst, {"2010-10-22"}},
      {"5 września 2019", DayOrder::kDayFirst, {"2019-09-05"}},
      {"Текст: Венера Ерофеева · 24 сентября 2018", DayOrder::kDayFirst, {"2018-09-24"}},
      // Numeric forms: the order decides only when both numbers could be a month.
      {"27/09/2018", DayOrder::kMonthFirst, {"2018-09-27"}},
      {"11/13/19 at 4:00 PM EST", DayOrder::kDayFirst, {"2019-11-13"}},
      {"05/10/2018 - Publicado por", DayOrder::kDayFirst, {"2018-10-05"}},
      {"05/10/2018", DayOrder::kMonthFirst, {"2018-05-10"}},
      {"21:17 18.11.2019", DayOrder::kMonthFirst, {"2019-11-18"}},
      {"2019-11-18T20:51:19Z and 2016.12.01", DayOrder::kDayFirst, {"2019-11-18", "2016-12-01"}},
      // Not dates: impossible days, years before the web, a month alone,
      // numbers that only look like one.
      {"31 April 2019", DayOrder::kDayFirst, {}},
      {"Est. May 19, 1883", DayOrder::kDayFirst, {}},
      {"in December 2018 the council", DayOrder::kDayFirst, {}},
      {"scores 6-4, 7-6 and 1.2.3", DayOrder::kDayFirst, {}},
      {"sold out 2019", DayOrder::kDayFirst, {}},
  };
  for (const TextCase& c : cases) {
    SCOPED_TRACE(c.text);
    std::vector<TextDate> found;
    FindTextDates(c.text, {c.order}, &found);
    std::vector<std::string> got;
    for (const TextDate& d : found) {
      got.push_back(d.Iso());
      EXPECT_LT(d.begin, d.end);
      EXPECT_LE(d.end, std::string(c.text).size());
    }
    EXPECT_EQ(got, c.want);
  }
}

struct ValueCase {
  const char* value;
  const char* want;  // "" when no date
  bool has_time;
  bool utc;
  bool local_zone;
};

TEST(DateTextTest, ReadsMetadataValues) {
  const std::vector<ValueCase> cases = {
      {"2019-11-19T02:34:30Z", "2019-11-19", true, true, false},
      {"2019-11-18T15:30:00-05:00", "2019-11-18", true, false, true},
      {"2019-11-20T01:50:59.403", "2019-11-20", true, false, false},
      {"2019-11-19 21:57:00 -0800", "2019-11-19", true, false, true},
      {"20191119", "2019-11-19", false, false, false},
      {"Tue Nov 19 2019 03:05:46 GMT", "2019-11-19", true, true, false},
      {"01:38:07 PM IST Nov 20, 2019", "2019-11-20", false, false, false},
      {"Mon, 18 Nov 2019 16:07:38 -0600", "2019-11-18", true, false, true},
      {"November 19, 2019, 07:47 PM EST", "2019-11-19", true, false, true},
      {"0001-01-01T00:00:00Z", "", false, false, false},
      {"2024-13-45", "", false, false, false},
      {"", "", false, false, false},
  };
  for (const ValueCase& c : cases) {
    SCOPED_TRACE(c.value);
    TextDate d;
    const bool ok = ParseDateValue(c.value, {}, &d);
    EXPECT_EQ(ok ? d.Iso() : "", c.want);
    if (!ok) continue;
    EXPECT_EQ(d.has_time, c.has_time);
    EXPECT_EQ(d.utc, c.utc);
    EXPECT_EQ(d.local_zone, c.local_zone);
  }
}

TEST(DateTextTest, DatesInUrls) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"https://techcrunch.example/2019/11/18/wework-inquiry/", "2019-11-18"},
      {"https://www.example.com/story/2019-11-19/merger", "2019-11-19"},
      {"https://www.example.com/news/2019/nov/19/meth-ad/", "2019-11-19"},
      {"https://www.example.org/tuft-cells-immune-20191115/", "2019-11-15"},
      {"https://www.example.com/2019/11/8/20948348/delhi-air", "2019-11-08"},
      {"https://www.example.com/2019/11/opening-bell", ""},              // a month is no day
      {"https://www.example.com/news/191120070028895.html", ""},        // a long id
      {"https://www.example.com/articles/19/11/18/review", ""},         // two-digit year
      {"https://20191115.example.com/about", ""},                       // the host is no path
  };
  for (const auto& [url, want] : cases) {
    SCOPED_TRACE(url);
    TextDate d;
    EXPECT_EQ(DateInUrl(url, &d) ? d.Iso() : "", want);
  }
}

TEST(DateTextTest, DayNumberCountsDays) {
  EXPECT_EQ(DayNumber(1970, 1, 1), 0);
  EXPECT_EQ(DayNumber(2019, 11, 19) - DayNumber(2019, 11, 18), 1);
  EXPECT_EQ(DayNumber(2020, 3, 1) - DayNumber(2020, 2, 28), 2);  // leap year
}

}  // namespace
}  // namespace storyline::html
