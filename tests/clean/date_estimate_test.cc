// Tests EstimatePublished: the publication day of an undated text, from the
// days the text names (invented sentences; "today" fixed).
#include "clean/date_estimate.h"

#include <gtest/gtest.h>

#include <string>

#include "clean/date_text.h"

namespace storyline::html {
namespace {

struct Case {
  const char* name;
  const char* text;
  const char* want;  // "" for no estimate
};

TEST(EstimatePublished, Table) {
  const long today = DayNumber(2026, 12, 6);
  const Case cases[] = {
      // 28 November fell on a Monday in 2022 (and 2016, 2011): the latest.
      {"weekday_day_month", "The clip was shared on Monday, November 28. Fans replied.", "2022-11-28"},
      {"weekday_day_before_month", "Ministers met on Tuesday 3 March to agree the levy.", "2026-03-03"},
      // A year the text names wins among the years that fit the weekday.
      {"weekday_year_named", "In 2016 the league changed hands. The deal closed on Monday, November 28.",
       "2016-11-28"},
      {"day_month_with_a_named_year", "The 2021 budget was cut. The council voted on March 4.", "2021-03-04"},
      {"full_date", "The ferry sank on 14 June 2019 off the cape.", "2019-06-14"},
      // The latest day named is the one closest to the writing.
      {"latest_of_several", "The ferry sank on 14 June 2019. Divers reached it on June 20, 2019.", "2019-06-20"},
      // A sentence that looks ahead is no evidence.
      {"future_ignored", "The vote was held on May 2, 2023. A recount will take place on May 9, 2023.",
       "2023-05-02"},
      {"plans_to_ignored", "The firm plans to open on Friday, June 5, 2026.", ""},
      // Never after today: a day later than today is a schedule or a misread.
      {"not_after_today", "Tickets went on sale for the gala on December 30, 2026.", ""},
      // No day of the month, or no year for a bare day: nothing to go on.
      {"year_alone", "The company was founded in 1998 and listed in 2004.", ""},
      {"day_without_year", "The council voted on March 4.", ""},
      {"lower_case_may_is_a_verb", "Officials may 5 times over say so in 2020.", ""},
      {"weekday_only", "The mayor resigned on Monday.", ""},
      {"empty", "", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(EstimatePublished(c.text, today), c.want) << c.name;
  }
}

}  // namespace
}  // namespace storyline::html
