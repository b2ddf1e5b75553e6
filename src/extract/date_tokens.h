// date_tokens.h: the small tokenizer and calendar arithmetic behind
// dates.cc. Private to src/extract.
//
// Tokens keep byte and code-point offsets into the scanned text, so a match
// over tokens [i, j) maps straight back to a DateMention span.
//
// Thread-safety: plain values and pure functions.
#ifndef STORYLINE_EXTRACT_DATE_TOKENS_H_
#define STORYLINE_EXTRACT_DATE_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::date_internal {

enum class TokKind { kWord, kNumber, kPunct, kOther };

struct DateToken {
  TokKind kind = TokKind::kOther;
  std::string lower;      // ASCII-lowercased text; "'" and "-" for curly quotes and dashes
  size_t byte_start = 0;  // into the scanned text
  size_t byte_end = 0;
  size_t cp_start = 0;  // code points
  size_t cp_end = 0;
  bool capitalised = false;  // first letter upper case
  // Numbers only. `digits` counts the leading integer digits; `grouped` is
  // set for "1,500" and "2.5" forms (never years, days or hours).
  int digits = 0;
  bool grouped = false;
  double value = 0;
};

// Splits UTF-8 `text` into ASCII words, digit runs (with "1,500" / "2.5"
// grouping), single punctuation marks and other code points. Whitespace is
// dropped. Code points are counted as non-continuation bytes, so invalid
// UTF-8 cannot push an offset past the byte length.
std::vector<DateToken> TokenizeForDates(std::string_view text);

// Days since 1970-01-01 for a proleptic Gregorian date (month 1..12).
int64_t DaysFromCivil(int year, int month, int day);

struct Civil {
  int year = 0, month = 0, day = 0;
};
Civil CivilFromDays(int64_t days);

int DaysInMonth(int year, int month);

// ISO-8601 week-numbering year and week (1..53) of a date.
struct IsoWeek {
  int year = 0, week = 0;
};
IsoWeek IsoWeekOf(int year, int month, int day);

}  // namespace storyline::date_internal

#endif  // STORYLINE_EXTRACT_DATE_TOKENS_H_
