// date_estimate.h: a publication date for an article that carries none,
// estimated from the days its own text names (private to the clean stage;
// Article::published_source "estimated").
//
//   std::string day = storyline::html::EstimatePublished(text, today);
//   // "2022-11-28" for "... shared on Monday, November 28." (today in 2026)
//
// Evidence, read only in sentences that do not look ahead (tense_cues.txt:
// "will", "scheduled", "plans to", ...), since an article reports what had
// happened when it was written:
//   - full dates, in any form FindTextDates reads ("November 28, 2022",
//     "28.11.2022");
//   - a weekday with a day of the month and no year ("on Monday, November
//     28"): the year in which that day falls on that weekday, preferring one
//     the text names, else the latest not after today;
//   - a capitalised month with a day and no year ("on November 28", "28
//     November") when the text names a year: the latest year it names that
//     puts the day on or before today.
// The estimate is the latest of these days, never after `today`; "" when
// the text names none. A year alone is never enough: articles name the
// years of earlier events as often as their own.
//
// Thread-safety: pure function.
#ifndef STORYLINE_CLEAN_DATE_ESTIMATE_H_
#define STORYLINE_CLEAN_DATE_ESTIMATE_H_

#include <string>
#include <string_view>

namespace storyline::html {

// `today`: days since 1970-01-01 (DayNumber) of the day the article is read.
std::string EstimatePublished(std::string_view text, long today);

}  // namespace storyline::html

#endif  // STORYLINE_CLEAN_DATE_ESTIMATE_H_
