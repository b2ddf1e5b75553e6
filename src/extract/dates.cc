// Rule-based temporal tagger: at each token every rule proposes a match, the
// longest wins (ties go to the earlier rule), and scanning resumes after it.
// Rules read tokens only, never raw bytes, so offsets stay exact.
#include "extract/dates.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <tuple>

#include "extract/date_tokens.h"
#include "core/lexicon.h"

namespace storyline {
namespace {

using date_internal::Civil;
using date_internal::CivilFromDays;
using date_internal::DateToken;
using date_internal::DaysFromCivil;
using date_internal::DaysInMonth;
using date_internal::IsoWeekOf;
using date_internal::TokKind;

// Years a bare four-digit number may denote: news text cites history back to
// the 1500s; later than 2100 is almost always a count or a model number.
constexpr int kMinYear = 1500;
constexpr int kMaxYear = 2100;
// Two-digit years ("11/28/22", "'90s") below this are 20xx, else 19xx.
constexpr int kTwoDigitPivot = 50;
// How many tokens back a future cue ("will") may sit before a bare weekday.
// "will hold a meeting for members at the Harwick Labour Club on Thursday"
// puts eleven tokens between; the nearest cue wins, so a wide window only
// reaches cues no nearer one overrides.
constexpr size_t kFutureCueWindow = 16;

struct Match {
  size_t end = 0;  // token index, exclusive
  std::string value;
  // A time of day whose date is the anchor's for want of one in the
  // phrase; FindDates gives it the day of an earlier date in its sentence.
  bool anchor_day = false;
};

std::string Pad(int v, int width) {
  std::string s = std::to_string(v < 0 ? -v : v);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

std::string YearText(int year) { return year > 0 ? Pad(year, 4) : "XXXX"; }

std::string DateText(int year, int month, int day) {
  return YearText(year) + "-" + (month > 0 ? Pad(month, 2) : "XX") + "-" + (day > 0 ? Pad(day, 2) : "XX");
}

std::string AnchorDayText(const DateAnchor& a) {
  if (a.year > 0 && a.month > 0 && a.day > 0) return DateText(a.year, a.month, a.day);
  return "";
}

std::string NumberText(double v) {
  if (v == std::floor(v)) return std::to_string(static_cast<long long>(v));
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%g", v);
  return buf;
}

// Byte equality, inline: the rules below ask every token about dozens of
// words, most differ in length or first letter, and a std::string compared
// with a literal would call into the library (strlen, then memcmp) each
// time.
[[gnu::always_inline]] inline bool Same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
}

template <size_t N>
int IndexIn(const std::array<std::string_view, N>& table, std::string_view w) {
  for (size_t k = 0; k < N; ++k) {
    if (Same(table[k], w)) return static_cast<int>(k);
  }
  return -1;
}

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",
                                                       "may",     "june",     "july",      "august",
                                                       "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthAbbrevs = {"jan", "feb", "mar", "apr", "may", "jun",
                                                             "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday",  "wednesday", "thursday",
                                                        "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 7> kWeekdayAbbrevs = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 21> kSmallNumbers = {
    "zero",   "one",     "two",      "three",    "four",     "five",    "six",
    "seven",  "eight",   "nine",     "ten",      "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty", "forty", "fifty",
                                                    "sixty",  "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, 4> kOrdinals = {"first", "second", "third", "fourth"};

// Words after which a bare four-digit number is a year without further
// evidence ("in 2022", "since 1998"): lexicons/date_cues.txt, tag year.
constexpr const auto& kStrongYearCues = lexicon::kDateCuesYear;
// Words that may precede a year or a count ("of 2000", "to 2010", "into
// 2029", "up 35% on 2021", "the years 2023 to 2025", "planned for 2028",
// "beyond 2031"): the number is a year only when no lower-case word follows
// it. lexicons/date_cues.txt, tag year_weak.
constexpr const auto& kWeakYearCues = lexicon::kDateCuesYearWeak;
// Lower-case words that may follow a year without making it a count
// (lexicons/date_cues.txt, tag after_year).
constexpr const auto& kAfterYearWords = lexicon::kDateCuesAfterYear;

struct Ctx {
  const std::vector<DateToken>& t;
  DateAnchor a;
};

bool Has(const Ctx& c, size_t i) { return i < c.t.size(); }
// Always inlined: asked with a literal, the comparison unrolls into the
// caller, and the rules ask every token about dozens of words.
[[gnu::always_inline]] inline bool IsWord(const Ctx& c, size_t i, std::string_view w) {
  return Has(c, i) && c.t[i].kind == TokKind::kWord && Same(c.t[i].lower, w);
}
// Whether token i is a word of a lexicon table.
template <class Table>
bool IsWordIn(const Ctx& c, size_t i, const Table& table) {
  return Has(c, i) && c.t[i].kind == TokKind::kWord && lexicon::In(table, c.t[i].lower);
}
bool IsPunct(const Ctx& c, size_t i, char p) {
  return Has(c, i) && c.t[i].kind == TokKind::kPunct && c.t[i].lower.size() == 1 && c.t[i].lower[0] == p;
}
bool Adjacent(const Ctx& c, size_t i) { return Has(c, i) && i > 0 && c.t[i - 1].byte_end == c.t[i].byte_start; }
bool IsLowerWord(const Ctx& c, size_t i) {
  return Has(c, i) && c.t[i].kind == TokKind::kWord && !c.t[i].capitalised;
}

// Month at token i (1..12) or 0; sets *end past an abbreviation's dot.
// Month names must be capitalised: "may" and "march" are common verbs.
int MonthAt(const Ctx& c, size_t i, size_t* end) {
  if (!Has(c, i) || c.t[i].kind != TokKind::kWord || !c.t[i].capitalised) return 0;
  const std::string_view w = c.t[i].lower;
  int m = IndexIn(kMonths, w);
  *end = i + 1;
  if (m >= 0) return m + 1;
  m = IndexIn(kMonthAbbrevs, w);
  if (w == "sept") m = 8;
  if (m < 0) return 0;
  if (IsPunct(c, i + 1, '.')) *end = i + 2;
  return m + 1;
}

// Full weekday name at i (0 = Monday) or -1; abbreviations when `abbrev`.
int WeekdayAt(const Ctx& c, size_t i, bool abbrev) {
  if (!Has(c, i) || c.t[i].kind != TokKind::kWord || !c.t[i].capitalised) return -1;
  const std::string_view w = c.t[i].lower;
  int d = IndexIn(kWeekdays, w);
  if (d >= 0 || !abbrev) return d;
  if (w == "tues") return 1;
  if (w == "thur" || w == "thurs") return 3;
  return IndexIn(kWeekdayAbbrevs, w);
}

// A plain integer token with `digits` digits (0 = any), else -1.
int IntAt(const Ctx& c, size_t i, int min_digits, int max_digits) {
  if (!Has(c, i) || c.t[i].kind != TokKind::kNumber || c.t[i].grouped) return -1;
  if (c.t[i].digits < min_digits || c.t[i].digits > max_digits) return -1;
  return static_cast<int>(c.t[i].value);
}

// Day of month 1..31 with an optional ordinal suffix ("28th"); sets *end.
int DayAt(const Ctx& c, size_t i, size_t* end) {
  const int d = IntAt(c, i, 1, 2);
  if (d < 1 || d > 31) return 0;
  *end = i + 1;
  if (Has(c, i + 1) && Adjacent(c, i + 1) && c.t[i + 1].kind == TokKind::kWord) {
    const std::string_view s = c.t[i + 1].lower;
    if (s == "st" || s == "nd" || s == "rd" || s == "th") {
      *end = i + 2;
    } else {
      return 0;  // "28am", "5m": not a day
    }
  }
  return d;
}

int YearAt(const Ctx& c, size_t i) {
  const int y = IntAt(c, i, 4, 4);
  return y >= kMinYear && y <= kMaxYear ? y : 0;
}

// A count at i: digits, number words ("twenty-five"), "a"/"an" (one) or
// vague quantifiers (X). Returns its text ("3", "2.5", "X") and sets *end.
std::optional<std::string> CountAt(const Ctx& c, size_t i, size_t* end) {
  if (!Has(c, i)) return std::nullopt;
  const DateToken& t = c.t[i];
  if (t.kind == TokKind::kNumber) {
    if (t.value <= 0 || t.value >= 10000) return std::nullopt;
    *end = i + 1;
    return NumberText(t.value);
  }
  if (t.kind != TokKind::kWord) return std::nullopt;
  const std::string_view w = t.lower;
  if (w == "a" || w == "an") {
    if (IsWord(c, i + 1, "few") || IsWord(c, i + 1, "couple")) {
      *end = i + 2 + (IsWord(c, i + 2, "of") ? 1 : 0);
      return "X";
    }
    *end = i + 1;
    return "1";
  }
  if (lexicon::In(lexicon::kDeterminersVagueCount, w)) {  // lexicons/determiners.txt, tag vague_count
    *end = i + 1;
    return "X";
  }
  const int tens = IndexIn(kTens, w);
  if (tens >= 0) {
    const size_t unit_at = IsPunct(c, i + 1, '-') ? i + 2 : i + 1;
    const int unit = IndexIn(kSmallNumbers, Has(c, unit_at) ? c.t[unit_at].lower : "");
    if (unit >= 1 && unit <= 9) {
      *end = unit_at + 1;
      return std::to_string((tens + 2) * 10 + unit);
    }
    *end = i + 1;
    return std::to_string((tens + 2) * 10);
  }
  const int n = IndexIn(kSmallNumbers, w);
  if (n >= 1) {
    *end = i + 1;
    if (IsWord(c, i + 1, "hundred")) {
      *end = i + 2;
      return std::to_string(n * 100);
    }
    return std::to_string(n);
  }
  return std::nullopt;
}

struct Unit {
  char code = 0;     // D W M Y Q, or H/N/S for hours/minutes/seconds
  int scale = 1;     // decade = 10 years, century = 100
  bool plural = false;
};

std::optional<Unit> UnitAt(const Ctx& c, size_t i) {
  if (!Has(c, i) || c.t[i].kind != TokKind::kWord) return std::nullopt;
  std::string_view w = c.t[i].lower;
  Unit u;
  if (w.size() > 1 && w.back() == 's') {
    u.plural = true;
    w.remove_suffix(1);
  }
  if (w == "centurie") w = "century";
  if (w == "day") u.code = 'D';
  else if (w == "week") u.code = 'W';
  else if (w == "month") u.code = 'M';
  else if (w == "year") u.code = 'Y';
  else if (w == "quarter") u.code = 'Q';
  else if (w == "fortnight") { u.code = 'W'; u.scale = 2; }
  else if (w == "decade") { u.code = 'Y'; u.scale = 10; }
  else if (w == "century") { u.code = 'Y'; u.scale = 100; }
  else if (w == "hour") u.code = 'H';
  else if (w == "minute") u.code = 'N';
  else if (w == "second") u.code = 'S';
  else return std::nullopt;
  return u;
}

std::string DurationText(const std::string& count, const Unit& u) {
  std::string n = count;
  if (u.scale != 1) n = count == "X" ? "X" : NumberText(std::stod(count) * u.scale);
  if (count == "X" && u.scale == 10) return "PXDE";
  if (count == "X" && u.scale == 100) return "PXCE";
  switch (u.code) {
    case 'H': return "PT" + n + "H";
    case 'N': return "PT" + n + "M";
    case 'S': return "PT" + n + "S";
    default: return "P" + n + std::string(1, u.code);
  }
}

// The anchor shifted by `n` units of `u`, at the unit's granularity.
std::string ShiftedAnchor(const DateAnchor& a, const Unit& u, int n) {
  if (a.year == 0) return "";
  if (u.code == 'Y') return YearText(a.year + n * u.scale);
  if (a.month == 0) return "";
  if (u.code == 'M' || u.code == 'Q') {
    const int months = a.year * 12 + (a.month - 1) + n * (u.code == 'Q' ? 3 : 1);
    if (u.code == 'Q') return YearText(months / 12) + "-Q" + std::to_string((months % 12) / 3 + 1);
    return YearText(months / 12) + "-" + Pad(months % 12 + 1, 2);
  }
  if (a.day == 0) return "";
  const int64_t base = DaysFromCivil(a.year, a.month, a.day);
  if (u.code == 'D') {
    const Civil d = CivilFromDays(base + n);
    return DateText(d.year, d.month, d.day);
  }
  if (u.code == 'W') {
    const Civil d = CivilFromDays(base + 7 * static_cast<int64_t>(n));
    const auto w = IsoWeekOf(d.year, d.month, d.day);
    return YearText(w.year) + "-W" + Pad(w.week, 2);
  }
  return "";
}

// Year for month/day given a weekday: the year nearest `around` (searching
// 0, -1, +1, -2, ...) in which that date falls on that weekday.
int YearForWeekday(int around, int month, int day, int weekday) {
  for (int k = 0; k <= kWeekdayYearWindow; ++k) {
    for (int y : {around - k, around + k}) {
      if (day <= DaysInMonth(y, month) && DayOfWeek(y, month, day) == weekday) return y;
    }
  }
  return 0;
}

// Years the no-evidence weekday rule looks back from the reference date:
// the Gregorian calendar repeats every 400 years, so every weekday and date
// (29 February included) occurs within one cycle.
constexpr int kGregorianCycleYears = 400;

// The latest year whose month/day falls on `weekday` and is not after
// `reference`; 0 when none (a day that never exists, such as 31 April).
int LatestYearForWeekday(const DateAnchor& reference, int month, int day, int weekday) {
  for (int y = reference.year; y > reference.year - kGregorianCycleYears; --y) {
    if (std::tie(y, month, day) > std::tie(reference.year, reference.month, reference.day)) continue;
    if (day <= DaysInMonth(y, month) && DayOfWeek(y, month, day) == weekday) return y;
  }
  return 0;
}

enum class Tense { kNone, kPast, kFuture };
Tense TenseCueBefore(const Ctx& c, size_t i);
bool FutureCueAfter(const Ctx& c, size_t i);
bool WillBefore(const Ctx& c, size_t i);

// A month named without a year is normally at most this far after the
// anchor: news reports the past, so "in October" read in February is last
// October unless a future cue ("will") says otherwise.
constexpr int kForwardSlackMonths = 2;

// Year of a month (and day) given without one, oriented as above.
int OrientedYear(const Ctx& c, size_t i, int month) {
  const DateAnchor& a = c.a;
  if (a.year == 0 || a.month == 0) return a.year;
  const int ahead = month - a.month;
  // "has called a strike for November 12": a date something is set for is
  // ahead of the setting, whatever the verb's tense.
  // A day only: "results for the fourth quarter" look back.
  const bool day =
      (Has(c, i) && c.t[i].kind == TokKind::kNumber) || (Has(c, i + 1) && c.t[i + 1].kind == TokKind::kNumber);
  const bool set_for = day && i > 0 && c.t[i - 1].kind == TokKind::kWord && c.t[i - 1].lower == "for";
  Tense tense = set_for ? Tense::kFuture : TenseCueBefore(c, i);
  // "A hearing in September will decide": with no cue before it, a date in
  // the subject takes the future of the verb right after.
  if (tense == Tense::kNone && FutureCueAfter(c, i)) tense = Tense::kFuture;
  switch (tense) {
    case Tense::kFuture: return ahead < 0 ? a.year + 1 : a.year;
    case Tense::kPast: return ahead > 0 ? a.year - 1 : a.year;
    case Tense::kNone: break;
  }
  // No cue: the nearest such month within [slack - 11, slack] months of
  // the anchor ("January 30" read in November is the coming one).
  if (ahead > kForwardSlackMonths) return a.year - 1;
  if (ahead <= kForwardSlackMonths - 12) return a.year + 1;
  return a.year;
}

// ---- rules -----------------------------------------------------------------

// The year that "last year", "next year" or "this year" at word k names,
// counted from the article's year; 0 when k starts none of them or the
// article has no year.
int YearPhraseAt(const Ctx& c, size_t k) {
  if (c.a.year <= 0 || !IsWord(c, k + 1, "year")) return 0;
  if (IsWord(c, k, "last")) return c.a.year - 1;
  if (IsWord(c, k, "next")) return c.a.year + 1;
  if (IsWord(c, k, "this")) return c.a.year;
  return 0;
}

// [Weekday [,]] Month Day [,] [Year]   or   [Weekday [,]] Day [of] Month [,] [Year]
std::optional<Match> FullDate(const Ctx& c, size_t i) {
  size_t k = i;
  const int weekday = WeekdayAt(c, k, true);
  if (weekday >= 0) {
    k += 1;
    if (IsPunct(c, k, '.')) ++k;
    if (IsPunct(c, k, ',')) ++k;
    if (IsWord(c, k, "the")) ++k;
  }
  int month = 0, day = 0;
  size_t after = 0;
  size_t e = 0;
  if ((month = MonthAt(c, k, &e)) > 0 && (day = DayAt(c, e, &after)) > 0) {
  } else if ((day = DayAt(c, k, &e)) > 0) {
    if (IsWord(c, e, "of")) ++e;
    month = MonthAt(c, e, &after);
    if (month == 0) return std::nullopt;
  } else {
    return std::nullopt;
  }
  size_t y_at = IsPunct(c, after, ',') ? after + 1 : after;
  int year = YearAt(c, y_at);
  Match m;
  m.end = after;
  if (year > 0 && !Adjacent(c, y_at + 1)) {
    m.end = y_at + 1;
  } else if (year > 0 && Has(c, y_at + 1) && c.t[y_at + 1].lower != "-") {
    m.end = y_at + 1;  // punctuation glued to the year ("2022.")
  } else {
    year = 0;
  }
  // "found dead on January 14 last year", "on March 3 next year": the year
  // phrase after a yearless day fixes its year, as after a month
  // (MonthYear); the phrase stays its own TIMEX3.
  if (year == 0) year = YearPhraseAt(c, after);
  if (year == 0 && c.a.year > 0) {
    year = weekday >= 0 ? YearForWeekday(c.a.year, month, day, weekday) : OrientedYear(c, i, month);
  }
  if (year > 0 && day > DaysInMonth(year, month)) return std::nullopt;
  m.value = DateText(year, month, day);
  return m;
}

// Month [,|of] Year; Month ([of] this|next|last year, which stays outside the span)
std::optional<Match> MonthYear(const Ctx& c, size_t i) {
  size_t e = 0;
  const int month = MonthAt(c, i, &e);
  if (month == 0) return std::nullopt;
  // "October of next year", "September next year", "July last year": the
  // year phrase is its own TIMEX3 (as annotators mark it) but fixes the
  // month's year.
  const size_t which = IsWord(c, e, "of") ? e + 1 : e;
  if (IsWord(c, which + 1, "year") && c.a.year > 0) {
    const int year = YearPhraseAt(c, which);
    if (year == 0) return std::nullopt;
    return Match{e, YearText(year) + "-" + Pad(month, 2)};
  }
  if (IsPunct(c, e, ',') || IsWord(c, e, "of")) ++e;
  const int year = YearAt(c, e);
  if (year == 0) return std::nullopt;
  return Match{e + 1, YearText(year) + "-" + Pad(month, 2)};
}

// True when the word before the month at token i makes a lone month a
// date: a preposition of time, a possessive ("their January sales"), "as
// of", "mid-". "May" needs "in" or "since" (it is mostly a verb or a name).
bool BareMonthCue(const Ctx& c, size_t i) {
  if (i == 0 || c.t[i - 1].kind != TokKind::kWord) return i > 0 && IsPunct(c, i - 1, '-');
  const std::string_view prev = c.t[i - 1].lower;
  if (Same(c.t[i].lower, "may")) return prev == "in" || prev == "since";
  // "until at least April": the cue before "at least".
  if (prev == "least" && i >= 3 && IsWord(c, i - 2, "at")) return BareMonthCue(c, i - 2);
  // "at the end of June", "from the start of March" (lexicons/period_parts.txt, tag noun).
  const bool part_of = prev == "of" && IsWordIn(c, i - 2, lexicon::kPeriodPartsNoun);
  // The cues: lexicons/date_cues.txt, tag month.
  return lexicon::In(lexicon::kDateCuesMonth, prev) || prev == "mid" || part_of ||
         (prev == "of" && IsWord(c, i - 2, "as"));
}

// A month alone after a temporal preposition: "in March", "since January",
// "last March". Months before the anchor's month are this year's.
std::optional<Match> BareMonth(const Ctx& c, size_t i) {
  size_t e = 0;
  int shift = 0;
  size_t k = i;
  if (IsWord(c, i, "last")) shift = -1;
  if (IsWord(c, i, "next")) shift = 1;
  if (IsWord(c, i, "this") || shift != 0) ++k;
  const int month = MonthAt(c, k, &e);
  if (month == 0) return std::nullopt;
  if (k == i) {
    if (i == 0 || c.t[i - 1].kind != TokKind::kWord) return std::nullopt;
    // "and"/"or"/"to" only continue a month that has a cue of its own
    // ("between April and June", not "Theresa May and June Carter").
    const std::string_view prev = c.t[i - 1].lower;
    size_t unused = 0;
    const bool continues = (prev == "and" || prev == "or" || prev == "to") && i >= 3 &&
                           MonthAt(c, i - 2, &unused) > 0 && BareMonthCue(c, i - 2);
    if (!BareMonthCue(c, i) && !continues) return std::nullopt;
    if (c.t[k].lower == "may" && !IsWord(c, i - 1, "in") && !IsWord(c, i - 1, "since")) return std::nullopt;
  }
  int year = shift == 0 ? OrientedYear(c, i, month) : c.a.year;
  if (year > 0 && c.a.month > 0) {
    if (shift < 0 && month >= c.a.month) --year;
    if (shift > 0 && month <= c.a.month) ++year;
  }
  // "next January 30": the day too.
  const int day = shift != 0 ? IntAt(c, e, 1, 2) : -1;
  if (day >= 1 && year > 0 && day <= DaysInMonth(year, month)) {
    return Match{e + 1, DateText(year, month, day)};
  }
  return Match{e, YearText(year) + "-" + Pad(month, 2)};
}

// 2022-11-28 and 11/28/2022 (US order; day first when the first part > 12).
std::optional<Match> NumericDate(const Ctx& c, size_t i) {
  const int year = YearAt(c, i);
  if (year > 0 && IsPunct(c, i + 1, '-') && Adjacent(c, i + 1) && Adjacent(c, i + 2) && IsPunct(c, i + 3, '-') &&
      Adjacent(c, i + 3) && Adjacent(c, i + 4)) {
    const int month = IntAt(c, i + 2, 2, 2);
    const int day = IntAt(c, i + 4, 2, 2);
    if (month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month)) {
      return Match{i + 5, DateText(year, month, day)};
    }
    return std::nullopt;
  }
  const int a = IntAt(c, i, 1, 2);
  if (a < 1 || !IsPunct(c, i + 1, '/') || !Adjacent(c, i + 1) || !Adjacent(c, i + 2) || !IsPunct(c, i + 3, '/') ||
      !Adjacent(c, i + 3) || !Adjacent(c, i + 4)) {
    return std::nullopt;
  }
  const int b = IntAt(c, i + 2, 1, 2);
  int y = IntAt(c, i + 4, 4, 4);
  if (y < 0) {
    y = IntAt(c, i + 4, 2, 2);
    if (y < 0) return std::nullopt;
    y += y < kTwoDigitPivot ? 2000 : 1900;
  }
  int month = a, day = b;
  if (a > 12) std::swap(month, day);
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(y, month)) return std::nullopt;
  if (IsPunct(c, i + 5, '/') && Adjacent(c, i + 5)) return std::nullopt;  // a longer code, not a date
  return Match{i + 5, DateText(y, month, day)};
}

// A four-digit number that context shows to be a year.
std::optional<Match> Year(const Ctx& c, size_t i, size_t prev_mention_end, bool prev_was_year) {
  const int year = YearAt(c, i);
  if (year == 0) return std::nullopt;
  if (Has(c, i + 1) && Adjacent(c, i + 1) &&
      (c.t[i + 1].kind == TokKind::kWord || c.t[i + 1].kind == TokKind::kNumber)) {
    return std::nullopt;  // "2000m", "1500s" (decades are their own rule)
  }
  if (IsPunct(c, i + 1, '-') && Adjacent(c, i + 1) && Has(c, i + 2) && c.t[i + 2].kind == TokKind::kWord) {
    return std::nullopt;  // "a 2000-word essay"
  }
  if (i > 0 && (IsPunct(c, i - 1, '-') || IsPunct(c, i - 1, '/')) && Adjacent(c, i) && i >= 2 &&
      c.t[i - 2].kind == TokKind::kNumber && !prev_was_year) {
    return std::nullopt;  // "555-2022", "3/2022"
  }
  Match m{i + 1, YearText(year)};
  if (IsPunct(c, i + 1, '\'') && IsWord(c, i + 2, "s")) return m;  // "2022's"
  // Range partner: "2009-2011", "from 2009 to 2011", "2008 and 2009".
  if (prev_was_year && i >= 1 && prev_mention_end + 1 == i) return m;
  const bool range_start = IsPunct(c, i + 1, '-') && YearAt(c, i + 2) > 0;
  if (i == 0) return range_start ? std::optional<Match>(m) : std::nullopt;
  if (IsPunct(c, i - 1, '-') && i >= 2 && IsWord(c, i - 2, "mid")) return m;  // "mid-2011"
  const DateToken& p = c.t[i - 1];
  // Round hundreds ("the 2000 people", "Windows 2000") are more often counts
  // or names than years, so only other years pass on these weaker cues.
  const bool round = year % 100 == 0;
  if (!round && p.lower == "the") return m;  // "the 1991 settlement"
  // "WWDC 2005 June 6", but not "Flight 1549 landed" or "Room 2022 is".
  if (!round && p.capitalised && !IsPunct(c, i + 1, '-') && !IsLowerWord(c, i + 1)) return m;
  if (p.kind != TokKind::kWord) return range_start ? std::optional<Match>(m) : std::nullopt;
  if (lexicon::In(kStrongYearCues, p.lower)) return m;
  if (lexicon::In(kWeakYearCues, p.lower)) {
    if (!IsLowerWord(c, i + 1) || lexicon::In(kAfterYearWords, c.t[i + 1].lower)) return m;
  }
  return range_start ? std::optional<Match>(m) : std::nullopt;
}

// "1990s", "the 1990s", "the '90s" -> 199X
std::optional<Match> Decade(const Ctx& c, size_t i) {
  size_t k = IsWord(c, i, "the") ? i + 1 : i;
  int decade = -1;
  if (IsPunct(c, k, '\'') && IntAt(c, k + 1, 2, 2) >= 0 && Adjacent(c, k + 1)) {
    const int d = IntAt(c, k + 1, 2, 2);
    decade = d + (d < kTwoDigitPivot / 2 ? 2000 : 1900);
    ++k;
  } else if (IntAt(c, k, 2, 2) >= 0 && k > 0 &&
             (IsWord(c, k - 1, "the") || IsWord(c, k - 1, "and") || IsWord(c, k - 1, "or") || IsPunct(c, k - 1, '-'))) {
    // "the 70s": only after words that make a temperature or count unlikely.
    const int d = IntAt(c, k, 2, 2);
    decade = d + (d < kTwoDigitPivot / 2 ? 2000 : 1900);
  } else {
    decade = YearAt(c, k);
  }
  if (decade <= 0 || decade % 10 != 0) return std::nullopt;
  if (!IsWord(c, k + 1, "s") || !Adjacent(c, k + 1)) return std::nullopt;
  std::string v = YearText(decade);
  v.back() = 'X';
  return Match{k + 2, v};
}

int SeasonAt(const Ctx& c, size_t i, const char** code) {
  if (!Has(c, i) || c.t[i].kind != TokKind::kWord) return 0;
  const std::string_view w = c.t[i].lower;
  // Second value: the month the season starts, to tell "last summer" apart.
  if (w == "spring") { *code = "SP"; return 3; }
  if (w == "summer") { *code = "SU"; return 6; }
  if (w == "fall" || w == "autumn") { *code = "FA"; return 9; }
  if (w == "winter") { *code = "WI"; return 12; }
  return 0;
}

// "fall 2024", "summer of 2023", "the 2023 fall show", "last summer",
// "this spring", "in the summer".
std::optional<Match> Season(const Ctx& c, size_t i) {
  const char* code = nullptr;
  const int year_first = YearAt(c, i);
  if (year_first > 0 && SeasonAt(c, i + 1, &code) > 0) return Match{i + 2, YearText(year_first) + "-" + code};
  size_t k = i;
  int shift = 0;
  bool cued = false;
  if (IsWord(c, k, "last")) shift = -1;
  if (IsWord(c, k, "next")) shift = 1;
  if (IsWord(c, k, "this") || shift != 0) {
    cued = true;
    ++k;
  } else if (IsWord(c, k, "the") && i > 0 &&
             (IsWord(c, i - 1, "in") || IsWord(c, i - 1, "during") || IsWord(c, i - 1, "over"))) {
    cued = true;
    ++k;
  }
  const int start_month = SeasonAt(c, k, &code);
  if (start_month == 0) return std::nullopt;
  size_t y_at = IsWord(c, k + 1, "of") ? k + 2 : k + 1;
  const int year = shift == 0 ? YearAt(c, y_at) : 0;
  if (year > 0) return Match{y_at + 1, YearText(year) + "-" + code};
  // "fall" is mostly a verb or noun ("the fall of the empire"); it needs a
  // cue. The other season words are dates on their own ("spring shows signs
  // of hope").
  if (c.t[k].lower == "fall" && (!cued || IsWord(c, k + 1, "of"))) return std::nullopt;
  int y = c.a.year;
  if (y > 0 && c.a.month > 0) {
    // A season has ended once its three months are past.
    constexpr int kSeasonMonths = 3;
    if (shift < 0 && c.a.month < start_month + kSeasonMonths) --y;
    if (shift > 0 && c.a.month >= start_month) ++y;
    // "would end in the spring", read in November: the coming one.
    if (shift == 0 && TenseCueBefore(c, i) == Tense::kFuture && c.a.month >= start_month + kSeasonMonths) ++y;
  } else if (y > 0) {
    y += shift;
  }
  return Match{k + 1, YearText(y) + "-" + code};
}

// "the third quarter [of 2009 | of this year]", "third-quarter", "Q3 2009",
// "the first half".
std::optional<Match> Quarter(const Ctx& c, size_t i) {
  size_t k = IsWord(c, i, "the") ? i + 1 : i;
  int q = 0;
  bool half = false;
  if (IsWord(c, k, "q") && Adjacent(c, k + 1)) {
    q = IntAt(c, k + 1, 1, 1);
    if (q < 1 || q > 4) return std::nullopt;
    k += 2;
  } else {
    int ord = Has(c, k) ? IndexIn(kOrdinals, c.t[k].lower) : -1;
    if (IsWord(c, k, "last") || IsWord(c, k, "final")) {
      // "the final quarter of 2009" is Q4; "the last quarter" alone is the
      // one before the anchor's.
      if (IsWord(c, k + 1, "quarter") && !IsWord(c, k + 2, "of") && !IsWord(c, k + 2, "s")) {
        const std::string v = ShiftedAnchor(c.a, Unit{'Q', 1, false}, -1);
        if (!v.empty()) return Match{k + 2, v};
      }
      ord = 3;
    }
    if (ord < 0) return std::nullopt;
    size_t u = IsPunct(c, k + 1, '-') ? k + 2 : k + 1;
    if (IsWord(c, u, "quarter")) {
      q = ord + 1;
    } else if (IsWord(c, u, "half") && ord < 2) {
      q = ord + 1;
      half = true;
    } else {
      return std::nullopt;
    }
    k = u + 1;
  }
  int year = OrientedYear(c, i, half ? (q - 1) * 6 + 1 : (q - 1) * 3 + 1);
  if (IsWord(c, k, "of") || IsPunct(c, k, ',')) {
    const size_t after = k + 1;
    if (YearAt(c, after) > 0) {
      year = YearAt(c, after);
      k = after + 1;
    } else if ((IsWord(c, after, "this") || IsWord(c, after, "last") || IsWord(c, after, "next") ||
                IsWord(c, after, "the")) &&
               IsWord(c, after + 1, "year")) {
      year = IsWord(c, after, "the") ? c.a.year : YearPhraseAt(c, after);
      k = after + 2;
    }
  } else if (YearAt(c, k) > 0) {
    year = YearAt(c, k);
    ++k;
  }
  return Match{k, YearText(year) + (half ? "-H" : "-Q") + std::to_string(q)};
}

std::string PartOfDay(std::string_view w) {
  if (w == "morning") return "TMO";
  if (w == "afternoon") return "TAF";
  if (w == "evening") return "TEV";
  if (w == "night") return "TNI";
  return "";
}

// Words that put the sentence's event ahead of the anchor. Some only count
// when "to" follows ("plans to", "set to", "on track to", "expected to"):
// alone they are nouns or past participles ("the plans announced").
// ("next" is not one: "Dunmere's next mayor ... in Tuesday's election".)
// lexicons/tense_cues.txt, tag future.
constexpr const auto& kFutureWords = lexicon::kTenseCuesFuture;
// lexicons/tense_cues.txt, tag future_to.
constexpr const auto& kFutureBeforeTo = lexicon::kTenseCuesFutureTo;
// Auxiliaries and adverbs that put it behind. Other past participles
// ("announced in January") count too unless a form of "be" precedes them
// ("will be completed in October": the auxiliary decides).
// lexicons/tense_cues.txt, tag past.
constexpr const auto& kPastWords = lexicon::kTenseCuesPast;
// Irregular simple pasts that are no other form ("went", not "set" or
// "cut"): with no cue at all a yearless month goes to the nearest year.
// lexicons/verbs_and_adverbs.txt, tag past.
constexpr const auto& kIrregularPasts = lexicon::kVerbsAndAdverbsPast;
// lexicons/auxiliaries.txt, tag be.
constexpr const auto& kBeForms = lexicon::kAuxiliariesBe;
// lexicons/auxiliaries.txt, tag present_be: "is", "are".
constexpr const auto& kPresentBe = lexicon::kAuxiliariesPresentBe;
// lexicons/tense_cues.txt, tag plan.
constexpr const auto& kPlanWords = lexicon::kTenseCuesPlan;

// Whether w opens a noun phrase: a quantifier or determiner ("both", "the",
// "a"; lexicons/quantifier_words.txt and determiners.txt, tag tense).
bool OpensNounPhrase(std::string_view w) {
  return lexicon::In(lexicon::kQuantifierWords, w) || lexicon::In(lexicon::kDeterminersTense, w);
}

// "due to the storm" (a cause) rather than "due to open" (a plan): a
// determiner, possessive or name follows "to".
bool DueToCause(const Ctx& c, size_t k) {
  static constexpr std::array<std::string_view, 9> kDeterminers = {"the", "a", "an", "his", "her",
                                                                    "its", "their", "this", "that"};
  return !Has(c, k) || c.t[k].capitalised || IndexIn(kDeterminers, c.t[k].lower) >= 0;
}

// Whether a future auxiliary ("will", "would") follows the date at token
// i within its clause, a few words on ("A hearing in September will
// decide"): the verb whose subject holds the date.
bool FutureCueAfter(const Ctx& c, size_t i) {
  constexpr size_t kMaxWordsAfter = 4;  // "in September next year will"
  for (size_t k = i + 1; k < c.t.size() && k <= i + kMaxWordsAfter; ++k) {
    if (c.t[k].kind == TokKind::kPunct) return false;
    if (c.t[k].lower == "will" || c.t[k].lower == "would") return true;
  }
  return false;
}

// Whether "will" or "would" stands before token i in its sentence, within
// kFutureCueWindow tokens.
bool WillBefore(const Ctx& c, size_t i) {
  for (size_t back = 1; back <= kFutureCueWindow && back <= i; ++back) {
    const DateToken& t = c.t[i - back];
    if (t.kind == TokKind::kPunct && (t.lower == "." || t.lower == "!" || t.lower == "?")) return false;
    if (t.lower == "will" || t.lower == "would") return true;
  }
  return false;
}

// Whether only "the end of" and the like stand between token k (a
// preposition) and the date at token i: the preposition governs the date.
// The parts of a period: lexicons/period_parts.txt.
bool GovernsDate(const Ctx& c, size_t k, size_t i) {
  for (size_t j = k + 1; j < i; ++j) {
    const std::string& w = c.t[j].lower;
    if (w != "the" && w != "of" && w != "-" && !lexicon::In(lexicon::kPeriodParts, w)) return false;
  }
  return true;
}

// Whether "not" (or "never") stands among the few words before token i:
// "were not allowed home until". lexicons/negations.txt.
bool NegatedBefore(const Ctx& c, size_t i) {
  constexpr size_t kMaxWordsBack = 4;  // "were not allowed back home"
  for (size_t back = 1; back <= kMaxWordsBack && back <= i; ++back) {
    const DateToken& t = c.t[i - back];
    if (t.kind != TokKind::kWord) return false;
    if (lexicon::In(lexicon::kNegations, t.lower)) return true;
  }
  return false;
}

// The nearest tense cue before token i in its sentence (within
// kFutureCueWindow tokens).
Tense TenseCueBefore(const Ctx& c, size_t i) {
  bool infinitive = false;
  const auto past = [&infinitive] { return infinitive ? Tense::kNone : Tense::kPast; };
  for (size_t back = 1; back <= kFutureCueWindow && back <= i; ++back) {
    const size_t k = i - back;
    const DateToken& t = c.t[k];
    if (t.kind == TokKind::kPunct && (t.lower == "." || t.lower == "!" || t.lower == "?")) return Tense::kNone;
    // A quotation closed before the date is the speaker's tense, not the
    // clause's ("\"We will rebuild,\" Vide wrote on Monday").
    if (t.lower == "\"" || t.lower == "\u201D" || t.lower == "\u201C") return Tense::kNone;
    if (t.kind != TokKind::kWord) continue;
    if (lexicon::In(kFutureWords, t.lower)) {
      // "blamed the starts of the regatta on Sunday": a present tense of what
      // is scheduled ("The board meets on Monday") follows its subject; after
      // a determiner or quantifier the word is a noun.
      if (k > 0 && lexicon::In(lexicon::kTenseCuesScheduled, t.lower) && OpensNounPhrase(c.t[k - 1].lower)) {
        continue;
      }
      if (t.lower == "due" && IsWord(c, k + 1, "to") && DueToCause(c, k + 2)) continue;
      // "were not allowed home until Friday": after a negation, "until"
      // takes its clause's tense ("will not open until March" ahead).
      if (t.lower == "until" && NegatedBefore(c, k)) {
        const Tense clause = TenseCueBefore(c, k);
        return clause == Tense::kPast ? past() : Tense::kFuture;
      }
      // "should have closed", "must have left": a modal's perfect looks back.
      if ((t.lower == "should" || t.lower == "must") && IsWord(c, k + 1, "have")) return past();
      return Tense::kFuture;
    }
    if (lexicon::In(kFutureBeforeTo, t.lower) && IsWord(c, k + 1, "to")) return Tense::kFuture;
    // "they plan a rally outside the gates on Saturday", "have planned a vigil":
    // planning with its object (a determiner opens it) points ahead unless a
    // past "be" or "had" stands before ("were planning a vigil"); after a
    // determiner or "'s" the word is the noun ("the council's plan on
    // Monday"). "planned" counts only after "have" or "has".
    if (lexicon::In(kPlanWords, t.lower) && k > 0 && Has(c, k + 1) && OpensNounPhrase(c.t[k + 1].lower) &&
        !OpensNounPhrase(c.t[k - 1].lower) && c.t[k - 1].lower != "s") {
      const std::string& before = c.t[k - 1].lower;
      if (lexicon::In(kPastWords, before)) return past();
      if (t.lower != "planned" || lexicon::In(lexicon::kAuxiliariesPerfect, before)) return Tense::kFuture;
    }
    // "which nurses are planning for Thursday", "the vote is set for
    // Monday": after a present "be" the plan holds now and its day is ahead.
    if (lexicon::In(kFutureBeforeTo, t.lower) && k > 0 && lexicon::In(kPresentBe, c.t[k - 1].lower)) {
      return Tense::kFuture;
    }
    // "finish by March", "by the end of September": a deadline is ahead
    // unless its clause is past ("had fallen by March"). Opening its
    // sentence ("By Thursday evening ... were"), its verb comes after.
    const bool opens = k == 0 || (c.t[k - 1].kind == TokKind::kPunct && c.t[k - 1].lower != "-");
    if (t.lower == "by" && !opens && GovernsDate(c, k, i)) {
      return TenseCueBefore(c, k) == Tense::kPast ? past() : Tense::kFuture;
    }
    // An infinitive between a past cue and the date ("voted on Tuesday to
    // hold an election on January 30"): its time is not the main verb's,
    // while a future cue still holds ("will meet to vote on Monday").
    if (t.lower == "to" && IsLowerWord(c, k + 1) && !IsWord(c, k + 1, "the") && !IsWord(c, k + 1, "a") &&
        !IsWord(c, k + 1, "an") && !(k > 0 && lexicon::In(kFutureBeforeTo, c.t[k - 1].lower)) &&
        !(k > 0 && c.t[k - 1].lower == "due")) {
      infinitive = true;
      continue;
    }
    if (t.lower == "expected" && k > 0 && lexicon::In(kBeForms, c.t[k - 1].lower)) {
      return Tense::kFuture;  // "the deal is expected in March"
    }
    // "highs of 41C expected on Thursday", "a ruling expected by November
    // 5": a participle of expecting before the date's preposition says
    // what is to come.
    if (t.lower == "expected" && (IsWord(c, k + 1, "on") || IsWord(c, k + 1, "in") || IsWord(c, k + 1, "by"))) {
      return Tense::kFuture;
    }
    // "will sail an hour earlier on Thursday", "two days earlier": after
    // a unit of time "earlier" compares two times; it is no tense.
    if (t.lower == "earlier" && k > 0 && UnitAt(c, k - 1)) continue;
    if (lexicon::In(kPastWords, t.lower)) return past();
    // "be held", "stay closed": the auxiliary or the linking verb decides.
    const bool after_be = k > 0 && (lexicon::In(kBeForms, c.t[k - 1].lower) || c.t[k - 1].lower == "stay" ||
                                    c.t[k - 1].lower == "stays" || c.t[k - 1].lower == "remain" ||
                                    c.t[k - 1].lower == "remains");
    if (!t.capitalised && !after_be && lexicon::In(kIrregularPasts, t.lower)) return past();
    // Lower case only: a capitalised "-ed" word is a name or a title's word
    // ("Rovers Unfiltered").
    // "on a reduced timetable": after a determiner an "-ed" word describes.
    // "would end as planned": after "as" an "-ed" word is an aside, not the
    // clause's verb. Determiners: lexicons/determiners.txt, tag tense.
    const bool after_determiner =
        k > 0 && (lexicon::In(lexicon::kDeterminersTense, c.t[k - 1].lower) || c.t[k - 1].lower == "as");
    if (!t.capitalised && !after_be && !after_determiner && t.lower.size() > 4 && t.lower.ends_with("ed") &&
        !lexicon::In(kFutureBeforeTo, t.lower)) {
      return past();
    }
  }
  return Tense::kNone;
}

// today, tonight, yesterday, tomorrow, this morning, last night, [last|next]
// Monday [morning], a week today.
std::optional<Match> RelativeDay(const Ctx& c, size_t i) {
  const DateAnchor& a = c.a;
  const bool full = a.year > 0 && a.month > 0 && a.day > 0;
  const int64_t base = full ? DaysFromCivil(a.year, a.month, a.day) : 0;
  auto day_text = [&](int64_t offset) {
    if (!full) return std::string("XXXX-XX-XX");
    const Civil d = CivilFromDays(base + offset);
    return DateText(d.year, d.month, d.day);
  };
  if (!Has(c, i) || c.t[i].kind != TokKind::kWord) return std::nullopt;
  if (IsWord(c, i, "earlier") || IsWord(c, i, "later")) {
    // "earlier today" is still today. One word only, so no recursion chain.
    if (!(IsWord(c, i + 1, "today") || IsWord(c, i + 1, "tonight"))) return std::nullopt;
    std::optional<Match> inner = RelativeDay(c, i + 1);
    if (inner && inner->end == i + 2) return inner;
    return std::nullopt;
  }
  const std::string_view w = c.t[i].lower;
  // "a week today", "a week tomorrow": seven days after that day.
  constexpr int kWeekDays = 7;
  if (w == "a" && IsWord(c, i + 1, "week") && (IsWord(c, i + 2, "today") || IsWord(c, i + 2, "tomorrow")) && full) {
    return Match{i + 3, day_text(kWeekDays + (c.t[i + 2].lower == "tomorrow" ? 1 : 0))};
  }
  if (w == "today") return Match{i + 1, full ? day_text(0) : "PRESENT_REF"};
  if (w == "tonight") return Match{i + 1, day_text(0) + "TNI"};
  if (w == "yesterday") return Match{i + 1, day_text(-1)};
  if (w == "tomorrow") return Match{i + 1, day_text(1)};
  if (w == "this" && Has(c, i + 1) && !PartOfDay(c.t[i + 1].lower).empty() && c.t[i + 1].lower != "night") {
    return Match{i + 2, day_text(0) + PartOfDay(c.t[i + 1].lower)};
  }
  if (w == "last" && IsWord(c, i + 1, "night")) return Match{i + 2, day_text(-1) + "TNI"};
  size_t k = i;
  int dir = 0;
  if (w == "last" || w == "past") dir = -1;
  if (w == "next" || w == "coming") dir = 1;
  if (w == "this" || dir != 0) ++k;
  const int wd = WeekdayAt(c, k, false);
  if (wd < 0) return std::nullopt;
  // "Tuesday's election", "Thursday night's collapse": a day news refers
  // back to.
  const size_t owner = Has(c, k + 1) && !PartOfDay(c.t[k + 1].lower).empty() ? k + 1 : k;
  const bool possessive = IsPunct(c, owner + 1, '\'') && Adjacent(c, owner + 1) && IsWord(c, owner + 2, "s");
  // Unless a "will" before it points ahead to the event the day's noun
  // names ("will lead the team in Tuesday's match", lexicons/event_nouns.txt;
  // not "a premium to Friday's closing price"), and no "after" sets it
  // before what is to come ("will become mayor after Friday's vote").
  const bool after = i > 0 && (IsWord(c, i - 1, "after") || IsWord(c, i - 1, "since") || IsWord(c, i - 1, "following"));
  const auto event_noun = [&](size_t j) { return Has(c, j) && lexicon::In(lexicon::kEventNouns, c.t[j].lower); };
  // "Tuesday's match", "Tuesday's league match".
  const bool event_ahead =
      possessive && !after && (event_noun(owner + 3) || event_noun(owner + 4)) && WillBefore(c, i);
  if (dir == 0) {
    const Tense tense = !possessive || event_ahead ? TenseCueBefore(c, i) : Tense::kNone;
    // "From Monday, cyclists may use the bus lanes": a change that takes
    // effect from a day is ahead when no past
    // tense says otherwise, unless the day opens a range ("from Monday to
    // Wednesday"; lexicons/range_links.txt).
    const size_t after_day = Has(c, k + 1) && !PartOfDay(c.t[k + 1].lower).empty() ? k + 2 : k + 1;
    const bool takes_effect = k == i && !possessive && i > 0 && IsWord(c, i - 1, "from") &&
                              !IsPunct(c, after_day, '-') &&
                              !(Has(c, after_day) && lexicon::In(lexicon::kRangeLinks, c.t[after_day].lower));
    dir = tense == Tense::kFuture || (takes_effect && tense == Tense::kNone) ? 1 : -1;
  }
  std::string v = "XXXX-XX-XX";
  if (full) {
    const int today = DayOfWeek(a.year, a.month, a.day);
    int64_t delta = dir < 0 ? -((today - wd + 7) % 7) : (wd - today + 7) % 7;
    // "next Monday"/"last Monday" never mean the anchor day itself.
    if (delta == 0 && k != i && c.t[i].lower != "this") delta = dir * 7;
    v = day_text(delta);
  }
  size_t e = k + 1;
  if (Has(c, e) && !PartOfDay(c.t[e].lower).empty()) {
    v += PartOfDay(c.t[e].lower);
    ++e;
  }
  return Match{e, v};
}

// [earlier|later] this/last/next week|month|year|weekend, the previous year,
// the new year.
std::optional<Match> RelativeUnit(const Ctx& c, size_t i) {
  // "back at work in the new year": the coming year, read in its second
  // half ("the New Year" is the holiday).
  if (IsWord(c, i, "the") && IsWord(c, i + 1, "new") && !c.t[i + 1].capitalised && IsWord(c, i + 2, "year") &&
      c.a.year > 0 && c.a.month > 0) {
    constexpr int kSecondHalf = 7;  // July: "the new year" is no longer this one
    return Match{i + 3, YearText(c.a.month >= kSecondHalf ? c.a.year + 1 : c.a.year)};
  }
  if (IsWord(c, i, "the") && IsWord(c, i + 1, "weekend")) {
    const std::string week = ShiftedAnchor(c.a, Unit{'W', 1, false}, 0);
    return Match{i + 2, (week.empty() ? "XXXX-WXX" : week) + "-WE"};
  }
  size_t k = i;
  if (IsWord(c, k, "earlier") || IsWord(c, k, "later")) ++k;
  int shift = 0;
  if (IsWord(c, k, "last") || IsWord(c, k, "previous")) shift = -1;
  else if (IsWord(c, k, "next") || IsWord(c, k, "following") || IsWord(c, k, "coming")) shift = 1;
  else if (IsWord(c, k, "the") && (IsWord(c, k + 1, "year") || IsWord(c, k + 1, "month")) && k >= 2 &&
           IsWord(c, k - 1, "of") && (IsWord(c, k - 2, "end") || IsWord(c, k - 2, "start") ||
                                      IsWord(c, k - 2, "beginning") || IsWord(c, k - 2, "middle"))) {
    // "by the end of the year": the year (or month) the text is in.
  } else if (!IsWord(c, k, "this")) {
    if (!(IsWord(c, k, "the") && (IsWord(c, k + 1, "previous") || IsWord(c, k + 1, "following")))) {
      return std::nullopt;
    }
    ++k;
    shift = c.t[k].lower == "previous" ? -1 : 1;
  }
  if (k != i && shift != 0 && c.t[i].lower != "the") return std::nullopt;  // "earlier last week"
  if (IsWord(c, k + 1, "weekend")) {
    const std::string week = ShiftedAnchor(c.a, Unit{'W', 1, false}, shift);
    return Match{k + 2, (week.empty() ? "XXXX-WXX" : week) + "-WE"};
  }
  const std::optional<Unit> u = UnitAt(c, k + 1);
  if (!u || u->plural || u->scale != 1 || u->code == 'H' || u->code == 'N' || u->code == 'S') return std::nullopt;
  std::string v = ShiftedAnchor(c.a, *u, shift);
  if (v.empty()) v = shift < 0 ? "PAST_REF" : shift > 0 ? "FUTURE_REF" : "PRESENT_REF";
  return Match{k + 2, v};
}

// [the] [past|last|next|coming|first] [nearly|about|...] N [more]
// [consecutive|straight|trading|...] units [ago|later|earlier]; "12-year".
std::optional<Match> Duration(const Ctx& c, size_t i) {
  size_t k = i;
  const bool the = IsWord(c, k, "the");
  if (the) ++k;
  bool framed = false;  // "the past five days"
  static constexpr std::array<std::string_view, 7> kFrames = {"past", "last", "next", "coming",
                                                               "first", "previous", "final"};
  if (Has(c, k) && IndexIn(kFrames, c.t[k].lower) >= 0) {
    framed = true;
    ++k;
  }
  if (the && !framed) return std::nullopt;
  static constexpr std::array<std::string_view, 9> kApprox = {"nearly", "almost", "about", "over", "around",
                                                               "roughly", "some", "approximately", "only"};
  if (Has(c, k) && IndexIn(kApprox, c.t[k].lower) >= 0 && !(framed && c.t[k].lower == "some")) ++k;
  if ((IsWord(c, k, "more") || IsWord(c, k, "less")) && IsWord(c, k + 1, "than")) k += 2;
  size_t e = 0;
  std::optional<std::string> n = CountAt(c, k, &e);
  if (!n && framed && !IsWord(c, k - 1, "first") && !IsWord(c, k - 1, "final")) {
    // "the past year", "the next decade": one unit; "the coming weeks": some.
    // ("the first day" is an ordinal, not a length.)
    const std::optional<Unit> u = UnitAt(c, k);
    if (u) return Match{k + 1, DurationText(u->plural ? "X" : "1", *u)};
  }
  if (!n && IsWord(c, k, "single") && IsPunct(c, k + 1, '-')) {
    const std::optional<Unit> u = UnitAt(c, k + 2);  // "a single-day record"
    if (u && !u->plural) return Match{k + 3, DurationText("1", *u)};
  }
  if (!n && k > i && IsWord(c, k - 1, "over") && IsWord(c, k, "the")) {
    const std::optional<Unit> u = UnitAt(c, k + 1);
    if (u && u->plural) return Match{k + 2, DurationText("X", *u)};  // "over the years"
  }
  if (!n && IsWord(c, k, "recent")) {
    const std::optional<Unit> u = UnitAt(c, k + 1);
    if (u && u->plural) return Match{k + 2, DurationText("X", *u)};
  }
  if (!n) {
    // Vague plural: "for decades", "over the years", "in minutes".
    const std::optional<Unit> u = UnitAt(c, k);
    if (!u || !u->plural || k == 0) return std::nullopt;
    const std::string_view prev = c.t[k - 1].lower;
    if (!(prev == "for" || prev == "in")) return std::nullopt;
    return Match{k + 1, DurationText("X", *u)};
  }
  if (IsWord(c, e, "more") || IsWord(c, e, "additional") || IsWord(c, e, "further")) ++e;
  static constexpr std::array<std::string_view, 6> kKinds = {"consecutive", "straight", "trading",
                                                              "full",        "business", "calendar"};
  if (Has(c, e) && IndexIn(kKinds, c.t[e].lower) >= 0) ++e;
  bool hyphen = false;
  if (IsPunct(c, e, '-') && Adjacent(c, e) && Adjacent(c, e + 1)) {
    hyphen = true;
    ++e;
  }
  const std::optional<Unit> u = UnitAt(c, e);
  if (!u) return std::nullopt;
  if (u->code == 'S' && !u->plural) return std::nullopt;  // "one second" is too often an ordinal
  if (hyphen && u->plural) return std::nullopt;
  if (u->code == 'Q' && IsWord(c, e + 1, "of")) return std::nullopt;  // "a quarter of the staff"
  // Ages ("the 32-year-old", "31 years old") are quantities, not timexes.
  if (IsWord(c, e + 1, "old") || (IsPunct(c, e + 1, '-') && IsWord(c, e + 2, "old"))) return std::nullopt;
  Match m{e + 1, DurationText(*n, *u)};
  if (IsWord(c, e + 1, "ago") && *n != "X" && !framed) {
    const double count = std::stod(*n);
    // Weeks back land on a day ("a week ago" = seven days before).
    const Unit step = u->code == 'W' ? Unit{'D', 7 * u->scale, false} : *u;
    std::string v = step.code == 'D' ? ShiftedAnchor(c.a, Unit{'D', 1, false}, -static_cast<int>(count) * step.scale)
                                     : ShiftedAnchor(c.a, step, -static_cast<int>(count));
    if (count == std::floor(count) && !v.empty()) return Match{e + 2, v};
    return Match{e + 2, "PAST_REF"};
  }
  return m;
}

// now, currently, recently, soon, the past, the future ...
// The words alone: lexicons/time_references.txt.
std::optional<Match> Reference(const Ctx& c, size_t i) {
  if (!Has(c, i) || c.t[i].kind != TokKind::kWord) return std::nullopt;
  const std::string_view w = c.t[i].lower;
  if (lexicon::In(lexicon::kTimeReferencesPresent, w)) return Match{i + 1, "PRESENT_REF"};
  if (lexicon::In(lexicon::kTimeReferencesPast, w)) return Match{i + 1, "PAST_REF"};
  if (lexicon::In(lexicon::kTimeReferencesFuture, w)) return Match{i + 1, "FUTURE_REF"};
  if ((w == "very" && IsWord(c, i + 1, "soon")) || (w == "more" && IsWord(c, i + 1, "recently"))) {
    return Match{i + 2, w == "very" ? "FUTURE_REF" : "PAST_REF"};
  }
  if (w == "these" && IsWord(c, i + 1, "days")) return Match{i + 2, "PRESENT_REF"};
  if (w == "the" || w == "at") {
    // Longer matches ("the past five days") win over these in Best().
    if (IsWord(c, i + 1, "past")) return Match{i + 2, "PAST_REF"};
    if (IsWord(c, i + 1, "future")) return Match{i + 2, "FUTURE_REF"};
    if (IsWord(c, i + 1, "present")) return Match{i + 2, "PRESENT_REF"};
    if (IsWord(c, i + 1, "time") && IsWord(c, i + 2, "being")) return Match{i + 3, "PRESENT_REF"};
    if ((IsWord(c, i + 1, "near") || IsWord(c, i + 1, "short") || IsWord(c, i + 1, "long")) &&
        IsWord(c, i + 2, "term")) {
      return Match{i + 3, "FUTURE_REF"};
    }
  }
  return std::nullopt;
}

// annual, weekly, every day, each year -> sets. The words of a frequency
// and their sets: lexicons/frequency_words.txt.
std::optional<Match> Set(const Ctx& c, size_t i) {
  if (!Has(c, i) || c.t[i].kind != TokKind::kWord) return std::nullopt;
  const std::string_view w = c.t[i].lower;
  const std::string_view frequency = lexicon::Find(lexicon::kFrequencyWords, w);
  if (!frequency.empty()) return Match{i + 1, std::string(frequency)};
  if (w == "every" || w == "each" || w == "per") {
    const std::optional<Unit> u = UnitAt(c, i + 1);
    if (u && !u->plural) return Match{i + 2, DurationText("1", *u)};
  }
  return std::nullopt;
}

// 15:00, 3:30 p.m., 6.42pm, 3 pm, 0800 UTC, noon; an adjacent "today"/weekday/date
// supplies the day.
std::optional<Match> Time(const Ctx& c, size_t i) {
  int hour = -1, minute = 0;
  bool dotted = false;
  size_t k = i;
  if (IsWord(c, i, "noon") || IsWord(c, i, "midday")) {
    hour = 12;
    k = i + 1;
  } else if (IsWord(c, i, "midnight")) {
    hour = 24;
    k = i + 1;
  } else if (IntAt(c, i, 1, 2) >= 0 && IsPunct(c, i + 1, ':') && IntAt(c, i + 2, 2, 2) >= 0) {
    hour = IntAt(c, i, 1, 2);
    minute = IntAt(c, i + 2, 2, 2);
    k = i + 3;
  } else if (IntAt(c, i, 4, 4) >= 0 && (IsWord(c, i + 1, "utc") || IsWord(c, i + 1, "gmt"))) {
    hour = IntAt(c, i, 4, 4) / 100;
    minute = IntAt(c, i, 4, 4) % 100;
    k = i + 1;
  } else if (IntAt(c, i, 1, 2) >= 0) {
    hour = IntAt(c, i, 1, 2);
    k = i + 1;
  } else if (Has(c, i) && c.t[i].kind == TokKind::kNumber && c.t[i].digits >= 1 && c.t[i].digits <= 2 &&
             c.t[i].lower.size() == static_cast<size_t>(c.t[i].digits) + 3 && c.t[i].lower[c.t[i].digits] == '.') {
    // "6.42pm", "11.40 p.m.": British news writes the minutes after a
    // full stop; read so only before "am"/"pm" (a decimal otherwise).
    hour = std::atoi(c.t[i].lower.c_str());
    minute = std::atoi(c.t[i].lower.c_str() + c.t[i].digits + 1);
    dotted = true;
    k = i + 1;
  } else {
    return std::nullopt;
  }
  if (hour > 24 || minute > 59) return std::nullopt;
  bool meridiem = false;
  auto take_meridiem = [&](std::string_view letter) {
    if (IsWord(c, k, std::string(letter) + "m")) {
      k += 1;
    } else if (IsWord(c, k, letter) && IsPunct(c, k + 1, '.') && IsWord(c, k + 2, "m")) {
      k += IsPunct(c, k + 3, '.') ? 4 : 3;
    } else {
      return false;
    }
    return true;
  };
  if (take_meridiem("p")) {
    meridiem = true;
    if (hour < 12) hour += 12;
  } else if (take_meridiem("a")) {
    meridiem = true;
    if (hour == 12) hour = 0;
  }
  // A twelve-hour clock's hour is 1 to 12 ("13.30pm" is no time).
  if (dotted && (!meridiem || hour > 23 || std::atoi(c.t[i].lower.c_str()) < 1 ||
                 std::atoi(c.t[i].lower.c_str()) > 12)) {
    return std::nullopt;
  }
  const bool colon = k >= i + 3 && IsPunct(c, i + 1, ':');
  std::string zone;
  if (IsWord(c, k, "utc") || IsWord(c, k, "gmt") || IsWord(c, k, "z")) {
    zone = "Z";
    ++k;
  } else if (Has(c, k) && c.t[k].kind == TokKind::kWord && c.t[k].capitalised &&
             lexicon::In(lexicon::kTimeZonesClock, c.t[k].lower)) {  // lexicons/time_zones.txt, tag clock
    ++k;
  }
  const bool named = c.t[i].kind == TokKind::kWord;
  if (!meridiem && !colon && zone.empty() && !named) return std::nullopt;
  if (colon && !meridiem && zone.empty() && hour > 24) return std::nullopt;
  std::string day = AnchorDayText(c.a);
  if (day.empty()) day = "XXXX-XX-XX";
  if (IsPunct(c, k, ',')) {
    // "at 16:15 UTC, June 1st": the date after the comma gives the day but
    // stays its own mention (annotators mark the two apart).
    if (std::optional<Match> f = FullDate(c, k + 1)) day = f->value;
    return Match{k, day + "T" + Pad(hour, 2) + ":" + Pad(minute, 2) + zone};
  }
  const size_t d = IsWord(c, k, "on") ? k + 1 : k;
  bool anchor_day = true;
  if (std::optional<Match> r = RelativeDay(c, d)) {
    if (r->value.size() == 10) {
      day = r->value;
      k = r->end;
      anchor_day = false;
    }
  } else if (std::optional<Match> f = FullDate(c, d)) {
    day = f->value;
    k = f->end;
    anchor_day = false;
  }
  return Match{k, day + "T" + Pad(hour, 2) + ":" + Pad(minute, 2) + zone, anchor_day};
}

// Christmas, New Year's Day, ... with an optional year.
std::optional<Match> Holiday(const Ctx& c, size_t i) {
  if (!Has(c, i) || !c.t[i].capitalised) return std::nullopt;
  int month = 0, day = 0;
  size_t e = i + 1;
  if (IsWord(c, i, "christmas")) {
    month = 12;
    day = 25;
    if (IsWord(c, i + 1, "eve") || IsWord(c, i + 1, "day")) {
      day -= c.t[i + 1].lower == "eve" ? 1 : 0;
      ++e;
    }
  } else if (IsWord(c, i, "new") && IsWord(c, i + 1, "year") && IsPunct(c, i + 2, '\'') && IsWord(c, i + 3, "s") &&
             (IsWord(c, i + 4, "day") || IsWord(c, i + 4, "eve"))) {
    month = c.t[i + 4].lower == "day" ? 1 : 12;
    day = month == 1 ? 1 : 31;
    e = i + 5;
  } else if (IsWord(c, i, "halloween")) {
    month = 10;
    day = 31;
  } else {
    return std::nullopt;
  }
  int year = c.a.year;
  if (YearAt(c, e) > 0) {
    year = YearAt(c, e);
    ++e;
  }
  return Match{e, DateText(year, month, day)};
}

bool IsPointValue(const std::string& v) { return v.size() == 4 && v[0] != 'P'; }

// "early 2008", "mid-March", "late summer": the modifier joins the span.
bool IsModifier(const Ctx& c, size_t i, size_t* next) {
  if (IsWord(c, i, "the") && (IsWord(c, i + 1, "end") || IsWord(c, i + 1, "start") || IsWord(c, i + 1, "beginning") ||
                              IsWord(c, i + 1, "middle")) &&
      IsWord(c, i + 2, "of")) {
    *next = i + 3;  // "the end of this year"
    return true;
  }
  if (!(IsWord(c, i, "early") || IsWord(c, i, "late") || IsWord(c, i, "mid"))) return false;
  *next = IsPunct(c, i + 1, '-') ? i + 2 : i + 1;
  return true;
}

std::optional<Match> Best(const Ctx& c, size_t i, size_t prev_end, bool prev_was_year) {
  std::optional<Match> best;
  // Only the apostrophe of "'90s" starts a match among punctuation marks;
  // skipping the rest saves most of the rule calls on ordinary text.
  if (!Has(c, i)) return best;  // a modifier ("mid") at the very end
  if (c.t[i].kind == TokKind::kOther || (c.t[i].kind == TokKind::kPunct && !IsPunct(c, i, '\''))) return best;
  auto consider = [&](std::optional<Match> m) {
    if (m && m->end > i && (!best || m->end > best->end)) best = std::move(m);
  };
  consider(FullDate(c, i));
  consider(NumericDate(c, i));
  consider(MonthYear(c, i));
  consider(Decade(c, i));
  consider(Quarter(c, i));
  consider(Season(c, i));
  consider(Holiday(c, i));
  consider(Time(c, i));
  consider(RelativeDay(c, i));
  consider(RelativeUnit(c, i));
  consider(Duration(c, i));
  consider(BareMonth(c, i));
  consider(Year(c, i, prev_end, prev_was_year));
  consider(Set(c, i));
  consider(Reference(c, i));
  return best;
}

}  // namespace

int DayOfWeek(int year, int month, int day) {
  const int64_t days = DaysFromCivil(year, month, day);
  return static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
}

namespace {

// A year named in its own sentence or the one before is what "the
// following year" and "the previous year" count from.
constexpr int kNamedYearReachSentences = 1;

// For a date over tokens [start, end): when it is "the following year" or
// "the previous year" and a year was written shortly before, counts from
// that year instead of the anchor; then records the year this date names,
// if it writes one out (or was just resolved so).
void ResolveAfterNamedYear(const Ctx& c, size_t start, size_t end, int* named_year, int* ends_since,
                           std::string* value) {
  const bool relative = IsWord(c, start, "the") && (IsWord(c, start + 1, "following") ||
                                                     IsWord(c, start + 1, "previous")) &&
                        IsWord(c, start + 2, "year") && end == start + 3;
  if (relative) {
    if (*named_year > 0 && *ends_since <= kNamedYearReachSentences) {
      *value = YearText(*named_year + (IsWord(c, start + 1, "following") ? 1 : -1));
      *named_year = std::stoi(*value);
      *ends_since = 0;
    }
    return;
  }
  for (size_t k = start; k < end; ++k) {
    if (const int y = YearAt(c, k); y > 0) {
      *named_year = y;
      *ends_since = 0;
    }
  }
}

std::vector<DateMention> Scan(std::string_view text, const std::vector<DateToken>& tokens,
                              const DateAnchor& anchor) {
  const Ctx c{tokens, anchor};
  std::vector<DateMention> out;
  size_t prev_end = static_cast<size_t>(-2);
  bool prev_was_year = false;
  std::string day_in_sentence;  // the last full date of the current sentence
  // The last year written out, and the sentence ends since: "the following
  // year" after "founded in 2015" is 2016, not the year after the anchor.
  int named_year = 0;
  int ends_since_year = 0;
  size_t i = 0;
  while (i < tokens.size()) {
    size_t start = i;
    std::optional<Match> m;
    size_t next = 0;
    if (IsModifier(c, i, &next)) {
      m = Best(c, next, prev_end, prev_was_year);
      if (m && !(IsPointValue(m->value) || m->value.size() == 7)) m.reset();
    }
    if (!m) m = Best(c, i, prev_end, prev_was_year);
    if (!m) {
      if (tokens[i].kind == TokKind::kPunct && (tokens[i].lower == "." || tokens[i].lower == "!" ||
                                                tokens[i].lower == "?")) {
        day_in_sentence.clear();
        ++ends_since_year;
      }
      ++i;
      continue;
    }
    if (m->anchor_day && !day_in_sentence.empty()) {
      // "flew Tuesday in Everett at 18:00 UTC": the time is on that Tuesday.
      m->value.replace(0, day_in_sentence.size(), day_in_sentence);
    }
    const size_t last = m->end - 1;
    DateMention d;
    d.span = Span{tokens[start].cp_start, tokens[last].cp_end};
    d.text.assign(text.substr(tokens[start].byte_start, tokens[last].byte_end - tokens[start].byte_start));
    d.value = std::move(m->value);
    if (d.value.size() == 10 && d.value[4] == '-' && d.value[0] != 'X') day_in_sentence = d.value;
    ResolveAfterNamedYear(c, start, m->end, &named_year, &ends_since_year, &d.value);
    prev_was_year = IsPointValue(d.value);
    prev_end = m->end;
    out.push_back(std::move(d));
    i = m->end;
  }
  return out;
}

// A year written in the text, at a code-point offset.
struct YearAtOffset {
  size_t cp = 0;
  int year = 0;
};

// Four-digit numbers in the year range written as such ("the ceremony,
// 2022", "in 2022"), not amounts ("$2022", "2022 people" are rare next to
// a year, but a currency sign or a percent rules a number out).
std::vector<YearAtOffset> BareYears(const std::vector<DateToken>& tokens) {
  std::vector<YearAtOffset> out;
  const Ctx c{tokens, DateAnchor{}};
  for (size_t i = 0; i < tokens.size(); ++i) {
    const int y = YearAt(c, i);
    if (y == 0) continue;
    const bool money = i > 0 && (tokens[i - 1].lower == "$" || tokens[i - 1].lower == "\xC2\xA3" ||
                                 tokens[i - 1].lower == "\xE2\x82\xAC");
    const bool percent = i + 1 < tokens.size() && tokens[i + 1].lower == "%";
    if (!money && !percent) out.push_back({tokens[i].cp_start, y});
  }
  return out;
}

// The anchor gave a year but no month (it came from the years in the
// text): a month or month-day written without a year ("on November 28")
// takes the nearest year written in the text instead, which is the one
// the writer had in mind when the article spans several years. A weekday
// date keeps the weekday rule's year.
void UseNearestYears(std::string_view text, const std::vector<DateToken>& tokens,
                     const DateAnchor& anchor, std::vector<DateMention>* found) {
  const std::vector<DateMention> bare = Scan(text, tokens, DateAnchor{});
  const std::vector<YearAtOffset> years = BareYears(tokens);
  if (years.empty() || bare.size() != found->size()) return;
  const std::string anchor_year = YearText(anchor.year);
  for (size_t k = 0; k < found->size(); ++k) {
    DateMention& d = (*found)[k];
    const std::string& unanchored = bare[k].value;
    if (bare[k].span.start != d.span.start || unanchored.rfind("XXXX-", 0) != 0) continue;
    if (unanchored.size() != 7 && unanchored.size() != 10) continue;
    if (unanchored[5] == 'X' || d.value != anchor_year + unanchored.substr(4)) continue;
    const std::vector<DateToken> own = date_internal::TokenizeForDates(d.text);
    if (WeekdayAt(Ctx{own, DateAnchor{}}, 0, true) >= 0) continue;
    const YearAtOffset* nearest = nullptr;
    size_t best = static_cast<size_t>(-1);
    for (const YearAtOffset& y : years) {
      const size_t dist = y.cp > d.span.start ? y.cp - d.span.start : d.span.start - y.cp;
      if (dist < best) {
        best = dist;
        nearest = &y;
      }
    }
    d.value = YearText(nearest->year) + unanchored.substr(4);
  }
}

}  // namespace

std::vector<DateMention> FindDates(std::string_view text, const DateAnchor& anchor) {
  const std::vector<DateToken> tokens = date_internal::TokenizeForDates(text);
  std::vector<DateMention> out = Scan(text, tokens, anchor);
  if (anchor.year > 0 && anchor.month == 0) UseNearestYears(text, tokens, anchor, &out);
  return out;
}

DateAnchor ParseAnchor(std::string_view s) {
  auto digits = [&](size_t at, size_t n) {
    if (at + n > s.size()) return -1;
    int v = 0;
    for (size_t k = at; k < at + n; ++k) {
      if (s[k] < '0' || s[k] > '9') return -1;
      v = v * 10 + (s[k] - '0');
    }
    return v;
  };
  DateAnchor a;
  const int y = digits(0, 4);
  if (y <= 0) return a;
  if (s.size() > 4 && s[4] != '-') return a;
  a.year = y;
  if (s.size() >= 7) {
    const int m = digits(5, 2);
    if (m < 1 || m > 12) return DateAnchor{y, 0, 0};
    a.month = m;
    if (s.size() >= 10 && s[7] == '-') {
      const int d = digits(8, 2);
      if (d >= 1 && d <= date_internal::DaysInMonth(y, m)) a.day = d;
    }
  }
  return a;
}

DateAnchor TodayUtc() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const Civil d = CivilFromDays(now.time_since_epoch().count());
  return DateAnchor{d.year, d.month, d.day};
}

DateAnchor InferAnchor(std::string_view text, std::string_view published) {
  return InferAnchor(text, published, TodayUtc());
}

DateAnchor InferAnchor(std::string_view text, std::string_view published, const DateAnchor& reference) {
  const DateAnchor given = ParseAnchor(published);
  if (given.year > 0) return given;
  const std::vector<DateMention> found = FindDates(text, DateAnchor{});
  std::vector<int> years;
  DateAnchor latest;
  auto later = [](const DateAnchor& x, const DateAnchor& y) {
    return std::tie(x.year, x.month, x.day) > std::tie(y.year, y.month, y.day);
  };
  for (const DateMention& d : found) {
    const DateAnchor p = ParseAnchor(d.value);
    if (p.year == 0) continue;
    years.push_back(p.year);
    if (p.day > 0 && later(p, latest)) latest = p;
  }
  // No date in the text carries a year: the years written alone ("the
  // awards, 2022") are the evidence left.
  if (years.empty()) {
    for (const auto& y : BareYears(date_internal::TokenizeForDates(text))) years.push_back(y.year);
  }
  int median = 0;
  if (!years.empty()) {
    std::sort(years.begin(), years.end());
    median = years[years.size() / 2];
  }
  // Weekday rule: "Monday, November 28" with no year.
  const bool reference_known = reference.year > 0 && reference.month > 0 && reference.day > 0;
  if (median > 0 || reference_known) {
    for (const DateMention& d : found) {
      if (d.value.rfind("XXXX-", 0) != 0 || d.value.size() != 10 || d.value[5] == 'X') continue;
      const std::vector<DateToken> tk = date_internal::TokenizeForDates(d.text);
      const Ctx c{tk, DateAnchor{}};
      const int wd = WeekdayAt(c, 0, true);
      if (wd < 0) continue;
      const int month = std::stoi(d.value.substr(5, 2));
      const int day = std::stoi(d.value.substr(8, 2));
      const int y = median > 0 ? YearForWeekday(median, month, day, wd) : LatestYearForWeekday(reference, month, day, wd);
      if (y > 0 && later(DateAnchor{y, month, day}, latest)) latest = DateAnchor{y, month, day};
    }
  }
  if (latest.year > 0) return latest;
  return DateAnchor{median, 0, 0};
}

}  // namespace storyline
