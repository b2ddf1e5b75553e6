// date_text.h: calendar dates written by people, in bylines, page text, URLs
// and non-ISO metadata values (private to the clean stage).
//
//   std::vector<storyline::html::TextDate> found;
//   storyline::html::FindTextDates("By Ana Swanson Nov. 18, 2019 7:04 pm ET", {}, &found);
//   // found[0]: 2019-11-18 at bytes [15, 28)
//
// Forms: ISO (2019-11-18, 2019/11/18, 2019.11.18, with a time and zone),
// numeric (18.11.2019, 18/11/2019, 11/18/2019, 11/18/19 after a month-first
// hint), and month names in English, German, French, Spanish, Italian, Dutch,
// Portuguese, Polish, Indonesian and Russian (lexicons/month_names.txt):
// "Nov 18, 2019", "18. November 2019", "22 de outubro de 2010",
// "Tuesday, 19 November 2019". A day that does not exist (31 April) or a year
// outside [kMinYear, kMaxYear] is no date. The day is kept as written: a time
// zone never moves it.
//
// Thread-safety: pure functions.
#ifndef STORYLINE_CLEAN_DATE_TEXT_H_
#define STORYLINE_CLEAN_DATE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::html {

// The web's first news pages: an earlier "publication date" is a birthday, a
// founding year or a misread number, never the article's.
inline constexpr int kMinYear = 1995;
// Far enough ahead for any page fetched this century; later is a misread.
inline constexpr int kMaxYear = 2099;

// Which number comes first in an all-numeric date when both are <= 12.
enum class DayOrder { kDayFirst, kMonthFirst };

struct TextDateOptions {
  DayOrder order = DayOrder::kDayFirst;
};

struct TextDate {
  int year = 0;
  int month = 0;
  int day = 0;
  size_t begin = 0;  // byte offsets of the date's text
  size_t end = 0;
  bool has_time = false;  // a clock time follows (or, in ISO, is attached)
  bool utc = false;       // that time is given in UTC/GMT/Z/+00:00
  bool local_zone = false;  // that time carries a non-UTC zone (-05:00, EST, PT)
  std::string Iso() const;  // "YYYY-MM-DD"
};

// Appends every date found in `text` to `out`, in text order.
void FindTextDates(std::string_view text, const TextDateOptions& options, std::vector<TextDate>* out);

// Reads one metadata value ("2019-11-19T02:34:30Z", "20191119",
// "Tue Nov 19 2019 03:05:46 GMT", "01:38:07 PM IST Nov 20, 2019"): ISO and
// basic ISO first, otherwise the first date written in it. False when the
// value holds no full date.
bool ParseDateValue(std::string_view value, const TextDateOptions& options, TextDate* out);

// The date a URL's path carries: /2019/11/18/, /2019-11-18, /2019/nov/18/,
// ...-20191115/ or ?date=2019-11-18. False when there is none.
bool DateInUrl(std::string_view url, TextDate* out);

// Days since 1970-01-01 (proleptic Gregorian), for comparing dates.
long DayNumber(int year, int month, int day);

// The month (1-12) a month name or abbreviation names in any of the
// languages above ("November", "nov", "listopada"); 0 when none.
int MonthOf(std::string_view word);

// A day that exists, in a year within [kMinYear, kMaxYear].
bool ValidDate(int year, int month, int day);

}  // namespace storyline::html

#endif  // STORYLINE_CLEAN_DATE_TEXT_H_
