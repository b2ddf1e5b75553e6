#include "clean/date_estimate.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "clean/date_text.h"
#include "core/lexicon.h"

namespace storyline::html {
namespace {

// Weekday names, 0 = Monday (their position is their value).
constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday",  "wednesday", "thursday",
                                                      "friday", "saturday", "sunday"};
// 1970-01-01 was a Thursday.
constexpr long kEpochWeekday = 3;

struct Word {
  std::string_view text;
  size_t begin = 0;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Runs of ASCII letters or digits, with their offsets.
std::vector<Word> Words(std::string_view s) {
  std::vector<Word> out;
  for (size_t i = 0; i < s.size();) {
    if (!std::isalnum(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    out.push_back({s.substr(i, j - i), i});
    i = j;
  }
  return out;
}

// A day of the month as written: "28", "28th", "1st".
int DayOf(std::string_view w) {
  size_t digits = 0;
  while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
  if (digits == 0 || digits > 2) return 0;
  const std::string suffix = Lower(w.substr(digits));
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
  const int d = std::stoi(std::string(w.substr(0, digits)));
  return d >= 1 && d <= 31 ? d : 0;
}

// A four-digit year, or 0.
int YearOf(std::string_view w) {
  if (w.size() != 4 || !std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return 0;
  }
  const int y = std::stoi(std::string(w));
  return y >= kMinYear && y <= kMaxYear ? y : 0;
}

int WeekdayOf(std::string_view w) {
  const std::string l = Lower(w);
  for (size_t i = 0; i < kWeekdays.size(); ++i) {
    if (kWeekdays[i] == l) return static_cast<int>(i);
  }
  return -1;
}

long WeekdayOfDay(long day_number) { return ((day_number + kEpochWeekday) % 7 + 7) % 7; }

// A sentence that looks ahead: a future cue ("will", "scheduled"), or one
// that needs "to" after it ("plans to").
bool LooksAhead(const std::vector<Word>& words) {
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string l = Lower(words[i].text);
    if (lexicon::In(lexicon::kTenseCuesFuture, l)) return true;
    if (lexicon::In(lexicon::kTenseCuesFutureTo, l) && i + 1 < words.size() && Lower(words[i + 1].text) == "to") {
      return true;
    }
  }
  return false;
}

// Sentences, roughly: a full stop, question or exclamation mark followed by
// a space, or a line break, ends one. Enough to keep a future cue from
// reaching the next sentence's date.
std::vector<std::string_view> Sentences(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool end = text[i] == '\n' ||
                     ((text[i] == '.' || text[i] == '!' || text[i] == '?') && i + 1 < text.size() &&
                      (text[i + 1] == ' ' || text[i + 1] == '\n'));
    if (!end) continue;
    out.push_back(text.substr(start, i + 1 - start));
    start = i + 1;
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

}  // namespace

std::string EstimatePublished(std::string_view text, long today) {
  // Years the text names, not after today's.
  const int this_year = [&] {
    int y = kMinYear;
    while (y < kMaxYear && DayNumber(y + 1, 1, 1) <= today) ++y;
    return y;
  }();
  std::vector<int> years;
  for (const Word& w : Words(text)) {
    const int y = YearOf(w.text);
    if (y != 0 && y <= this_year) years.push_back(y);
  }
  std::sort(years.begin(), years.end());

  long best = -1;  // day number of the latest day so far, and the day
  TextDate best_date;
  auto consider = [&](int y, int m, int d) {
    if (!ValidDate(y, m, d)) return;
    const long n = DayNumber(y, m, d);
    if (n > today || n <= best) return;
    best = n;
    best_date.year = y;
    best_date.month = m;
    best_date.day = d;
  };
  for (std::string_view sentence : Sentences(text)) {
    const std::vector<Word> words = Words(sentence);
    if (LooksAhead(words)) continue;
    std::vector<TextDate> full;
    FindTextDates(sentence, {}, &full);
    for (const TextDate& t : full) consider(t.year, t.month, t.day);
    for (size_t i = 0; i < words.size(); ++i) {
      // A capitalised month name: lower-case "may" or "set" is a verb.
      const std::string_view w = words[i].text;
      if (!std::isupper(static_cast<unsigned char>(w[0]))) continue;
      const int month = MonthOf(w);
      if (month == 0) continue;
      int day = 0;
      size_t last = i;  // the last word of the date
      if (i + 1 < words.size() && DayOf(words[i + 1].text) != 0) {
        day = DayOf(words[i + 1].text);  // November 28
        last = i + 1;
      } else if (i > 0 && DayOf(words[i - 1].text) != 0) {
        day = DayOf(words[i - 1].text);  // 28 November
      }
      if (day == 0) continue;
      // With a year it is a full date, read above.
      if (last + 1 < words.size() && YearOf(words[last + 1].text) != 0) continue;
      const size_t first = last == i ? i - 1 : i;
      const int weekday = first > 0 ? WeekdayOf(words[first - 1].text) : -1;
      if (weekday >= 0) {
        // The latest year that puts the day on that weekday, one the text
        // names if any does.
        int latest = 0, named = 0;
        for (int y = this_year; y >= kMinYear && named == 0; --y) {
          if (!ValidDate(y, month, day)) continue;
          const long n = DayNumber(y, month, day);
          if (n > today || WeekdayOfDay(n) != weekday) continue;
          if (latest == 0) latest = y;
          if (std::binary_search(years.begin(), years.end(), y)) named = y;
        }
        if (latest != 0) consider(named != 0 ? named : latest, month, day);
        continue;
      }
      // No weekday: the latest year the text names that keeps the day in
      // the past.
      for (auto y = years.rbegin(); y != years.rend(); ++y) {
        if (ValidDate(*y, month, day) && DayNumber(*y, month, day) <= today) {
          consider(*y, month, day);
          break;
        }
      }
    }
  }
  return best < 0 ? "" : best_date.Iso();
}

}  // namespace storyline::html
