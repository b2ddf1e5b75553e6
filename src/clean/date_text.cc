#include "clean/date_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "core/lexicon.h"  // header-only tables (lexicons/month_names.txt)

namespace storyline::html {
namespace {

// A clock time is looked for this far after a date ("Nov 18, 2019 at 9:24
// pm ET": 17 bytes; room for a weekday or "um").
constexpr size_t kTimeWindow = 28;
// A month word longer than this is no month name (the longest, "października",
// is 13 bytes in UTF-8).
constexpr size_t kMaxMonthBytes = 24;

enum class Kind : uint8_t { kNumber, kWord };

struct Token {
  Kind kind;
  size_t begin;
  size_t end;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Bytes that start a letter in UTF-8 for our purposes: ASCII letters, and
// two-byte sequences of Latin-1 letters, Latin Extended, Greek and Cyrillic
// (lead bytes 0xC3-0xD5). Punctuation (0xC2 .., 0xE2 ..) separates.
size_t LetterBytes(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (std::isalpha(c)) return 1;
  if (c >= 0xC3 && c <= 0xD5 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
    return 2;
  }
  return 0;
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    if (IsDigit(s[i])) {
      size_t j = i;
      while (j < s.size() && IsDigit(s[j])) ++j;
      out.push_back({Kind::kNumber, i, j});
      i = j;
      continue;
    }
    if (size_t n = LetterBytes(s, i); n > 0) {
      size_t j = i;
      while (j < s.size() && (n = LetterBytes(s, j)) > 0) j += n;
      out.push_back({Kind::kWord, i, j});
      i = j;
      continue;
    }
    ++i;
  }
  return out;
}

// Lower-cases ASCII and the two-byte Latin-1 / Cyrillic capitals.
std::string Lower(std::string_view w) {
  std::string out(w);
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    } else if (c == 0xD0 && i + 1 < out.size()) {  // Cyrillic А-Я (U+0410-042F)
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x90 && d <= 0x9F) {
        out[i + 1] = static_cast<char>(d + 0x20);
      } else if (d >= 0xA0 && d <= 0xAF) {
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(d - 0x20);
      }
      ++i;
    }
  }
  return out;
}

int MonthOfImpl(std::string_view word) {
  if (word.size() > kMaxMonthBytes) return 0;
  std::string_view v = lexicon::Find(lexicon::kMonthNames, Lower(word));
  int m = 0;
  for (char c : v) m = m * 10 + (c - '0');
  return m;
}

int Number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool ValidImpl(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < kMinYear || y > kMaxYear || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  if (m == 2 && d == 29) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return true;
}

// True when only spaces, commas, dots (and, if `de`, the word "de") separate
// the two byte positions: the glue of a written date.
bool Glue(std::string_view s, size_t from, size_t to) {
  if (to < from || to - from > 6) return false;
  for (size_t i = from; i < to; ++i) {
    const char c = s[i];
    if (c != ' ' && c != ',' && c != '.' && c != '\t' && c != '\n') {
      // U+00A0 (C2 A0) counts as a space.
      if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < to && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        ++i;
        continue;
      }
      return false;
    }
  }
  return true;
}

bool IsWord(std::string_view s, const Token& t, std::string_view w) {
  return t.kind == Kind::kWord && Lower(s.substr(t.begin, t.end - t.begin)) == w;
}

bool IsOrdinalSuffix(std::string_view s, const Token& t) {
  if (t.kind != Kind::kWord) return false;
  const std::string w = Lower(s.substr(t.begin, t.end - t.begin));
  return w == "st" || w == "nd" || w == "rd" || w == "th" || w == "er" || w == "e" || w == "º";
}

// Marks a clock time (and UTC) written just after the date.
void ReadTime(std::string_view s, TextDate* d) {
  const std::string_view after = s.substr(d->end, std::min(kTimeWindow, s.size() - d->end));
  const size_t colon = after.find(':');
  if (colon == std::string_view::npos || colon == 0 || !IsDigit(after[colon - 1]) || colon + 1 >= after.size() ||
      !IsDigit(after[colon + 1])) {
    return;
  }
  d->has_time = true;
  const std::string rest = Lower(s.substr(d->end, std::min(kTimeWindow + 8, s.size() - d->end)));
  d->utc = rest.find("gmt") != std::string::npos || rest.find("utc") != std::string::npos;
  if (!d->utc) {
    // "9:24 pm ET", "7:47 PM EST", "10:18am ist", "2:26 PM HST", "+05:30".
    for (std::string_view z : {" et", " est", " edt", " pt", " pst", " pdt", " ct", " cst", " cdt", " mt", " mst",
                               " ist", " hst", " bst", " cet", " cest", " hkt", " jst", " amt", " aest", "+0",
                               "-0", "+1", "-1"}) {
      const size_t at = rest.find(z);
      if (at != std::string::npos && (at + z.size() == rest.size() || !std::isalpha(static_cast<unsigned char>(rest[at + z.size()])))) {
        d->local_zone = true;
        break;
      }
    }
  }
}

// "2019-11-18", "2019/11/18", "2019.11.18" at `i` (4 digits, then the same
// separator twice). Sets `end` past the day.
bool IsoAt(std::string_view s, size_t i, int* y, int* m, int* d, size_t* end) {
  if (i + 8 > s.size()) return false;
  for (size_t k = 0; k < 4; ++k) {
    if (!IsDigit(s[i + k])) return false;
  }
  const char sep = s[i + 4];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  size_t j = i + 5, k = j;
  while (k < s.size() && k - j < 3 && IsDigit(s[k])) ++k;
  if (k == j || k - j > 2 || k >= s.size() || s[k] != sep) return false;
  const int month = Number(s.substr(j, k - j));
  j = k + 1;
  k = j;
  while (k < s.size() && k - j < 3 && IsDigit(s[k])) ++k;
  if (k == j || k - j > 2) return false;
  *y = Number(s.substr(i, 4));
  *m = month;
  *d = Number(s.substr(j, k - j));
  *end = k;
  return ValidImpl(*y, *m, *d);
}

// A time attached to an ISO date: "T02:34:30Z", " 06:09:25", "T10:00:00+0000".
void ReadIsoTime(std::string_view s, TextDate* d) {
  size_t i = d->end;
  if (i >= s.size() || (s[i] != 'T' && s[i] != ' ')) return;
  ++i;
  if (i + 5 > s.size() || !IsDigit(s[i]) || !IsDigit(s[i + 1]) || s[i + 2] != ':') return;
  d->has_time = true;
  i += 5;
  while (i < s.size() && (IsDigit(s[i]) || s[i] == ':' || s[i] == '.')) ++i;
  std::string_view zone = s.substr(i, std::min<size_t>(6, s.size() - i));
  if (zone.size() > 1 && zone[0] == ' ' && (zone[1] == '+' || zone[1] == '-')) zone.remove_prefix(1);
  d->utc = zone.starts_with("Z") || zone.starts_with("+00:00") || zone.starts_with("+0000") ||
           zone.starts_with(" UTC") || zone.starts_with(" GMT") || zone.starts_with("-00:00");
  d->local_zone = !d->utc && (zone.starts_with("+") || zone.starts_with("-"));
}

bool Add(std::string_view s, int y, int m, int d, size_t begin, size_t end, std::vector<TextDate>* out) {
  if (!ValidImpl(y, m, d)) return false;
  TextDate t;
  t.year = y;
  t.month = m;
  t.day = d;
  t.begin = begin;
  t.end = end;
  ReadTime(s, &t);
  out->push_back(t);
  return true;
}

// Tries the month-name forms at token `i`; returns the tokens used (0: none).
size_t MonthNameAt(std::string_view s, const std::vector<Token>& tk, size_t i, std::vector<TextDate>* out) {
  auto text = [&](size_t k) { return s.substr(tk[k].begin, tk[k].end - tk[k].begin); };
  auto num = [&](size_t k, size_t min_len, size_t max_len) {
    return k < tk.size() && tk[k].kind == Kind::kNumber && text(k).size() >= min_len && text(k).size() <= max_len;
  };
  // MONTH DAY[st] [,] YEAR: "Nov. 18, 2019", "November 18th, 2019", "Nov 20 2019".
  if (tk[i].kind == Kind::kWord) {
    const int m = MonthOfImpl(text(i));
    size_t k = i + 1;
    if (m > 0 && num(k, 1, 2) && Glue(s, tk[i].end, tk[k].begin)) {
      const int d = Number(text(k));
      size_t last = k;
      if (k + 1 < tk.size() && IsOrdinalSuffix(s, tk[k + 1]) && tk[k + 1].begin == tk[k].end) ++last;
      if (num(last + 1, 4, 4) && Glue(s, tk[last].end, tk[last + 1].begin)) {
        if (Add(s, Number(text(last + 1)), m, d, tk[i].begin, tk[last + 1].end, out)) return last + 2 - i;
      }
    }
  }
  // DAY[.|st] [de] MONTH[.] [,] [de] YEAR: "18 November 2019", "30. Juli 2018",
  // "22 de outubro de 2010", "18th November 2019", "20 Nov, 2019".
  if (num(i, 1, 2)) {
    const int d = Number(text(i));
    size_t k = i + 1;
    if (k < tk.size() && IsOrdinalSuffix(s, tk[k]) && tk[k].begin == tk[i].end) ++k;
    if (k < tk.size() && (IsWord(s, tk[k], "de") || IsWord(s, tk[k], "di"))) ++k;
    if (k >= tk.size() || tk[k].kind != Kind::kWord) return 0;
    const int m = MonthOfImpl(text(k));
    if (m == 0 || !Glue(s, tk[k - 1].end, tk[k].begin)) return 0;
    size_t y = k + 1;
    if (y < tk.size() && IsWord(s, tk[y], "de")) ++y;
    if (num(y, 4, 4) && Glue(s, tk[y - 1].end, tk[y].begin)) {
      if (Add(s, Number(text(y)), m, d, tk[i].begin, tk[y].end, out)) return y + 1 - i;
    }
  }
  return 0;
}

// All-numeric "18.11.2019", "18/11/2019", "11/18/2019", "11/18/19" at byte i.
bool NumericAt(std::string_view s, size_t i, const TextDateOptions& o, std::vector<TextDate>* out, size_t* end) {
  auto digits = [&](size_t from) {
    size_t j = from;
    while (j < s.size() && IsDigit(s[j])) ++j;
    return j - from;
  };
  const size_t n1 = digits(i);
  if (n1 < 1 || n1 > 2 || i + n1 >= s.size()) return false;
  const char sep = s[i + n1];
  if (sep != '.' && sep != '/' && sep != '-') return false;
  const size_t j = i + n1 + 1;
  const size_t n2 = digits(j);
  if (n2 < 1 || n2 > 2 || j + n2 >= s.size() || s[j + n2] != sep) return false;
  const size_t k = j + n2 + 1;
  const size_t n3 = digits(k);
  // Two-digit years only in the slash form bylines use ("11/18/19 11:04 PM").
  if (n3 != 4 && !(n3 == 2 && sep == '/')) return false;
  const int a = Number(s.substr(i, n1)), b = Number(s.substr(j, n2));
  int y = Number(s.substr(k, n3));
  if (n3 == 2) y += 2000;
  int day = a, month = b;  // dots and dashes are day-first ("18.11.2019")
  if (b > 12 && a <= 12) {
    day = b, month = a;
  } else if (a <= 12 && sep == '/' && o.order == DayOrder::kMonthFirst) {
    day = b, month = a;
  }
  *end = k + n3;
  return Add(s, y, month, day, i, k + n3, out);
}

}  // namespace

std::string TextDate::Iso() const { return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day); }

int MonthOf(std::string_view word) { return MonthOfImpl(word); }

bool ValidDate(int year, int month, int day) { return ValidImpl(year, month, day); }

long DayNumber(int y, int m, int d) {
  // Howard Hinnant's days_from_civil.
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void FindTextDates(std::string_view text, const TextDateOptions& options, std::vector<TextDate>* out) {
  // Numeric and ISO forms, scanned by byte.
  std::vector<TextDate> found;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsDigit(text[i]) || (i > 0 && (IsDigit(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == '/'))) continue;
    int y = 0, m = 0, d = 0;
    size_t end = 0;
    if (IsoAt(text, i, &y, &m, &d, &end) && (end >= text.size() || !IsDigit(text[end]))) {
      TextDate t;
      t.year = y, t.month = m, t.day = d, t.begin = i, t.end = end;
      ReadIsoTime(text, &t);
      if (!t.has_time) ReadTime(text, &t);
      found.push_back(t);
      i = end;
      continue;
    }
    if (NumericAt(text, i, options, &found, &end)) i = end;
  }
  // Month-name forms, by token.
  const std::vector<Token> tk = Tokenize(text);
  for (size_t i = 0; i < tk.size();) {
    const size_t used = MonthNameAt(text, tk, i, &found);
    i += used > 0 ? used : 1;
  }
  std::sort(found.begin(), found.end(), [](const TextDate& a, const TextDate& b) { return a.begin < b.begin; });
  out->insert(out->end(), found.begin(), found.end());
}

bool ParseDateValue(std::string_view value, const TextDateOptions& options, TextDate* out) {
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.remove_prefix(1);
  // Basic ISO 8601: 20191119 or 20191119T...
  if (value.size() >= 8 && (value.size() == 8 || !IsDigit(value[8]))) {
    bool digits = true;
    for (size_t i = 0; i < 8; ++i) digits = digits && IsDigit(value[i]);
    if (digits) {
      const int v = Number(value.substr(0, 8));
      if (!ValidImpl(v / 10000, (v / 100) % 100, v % 100)) return false;
      *out = TextDate{v / 10000, (v / 100) % 100, v % 100, 0, 8};
      return true;
    }
  }
  std::vector<TextDate> found;
  FindTextDates(value, options, &found);
  if (found.empty()) return false;
  *out = found.front();
  if (!out->has_time) {
    // "Tue Nov 19 2019 03:05:46 GMT": the time may come after the year.
    const std::string rest = Lower(value.substr(out->end));
    out->has_time = rest.find(':') != std::string::npos;
    out->utc = out->has_time && (rest.find("gmt") != std::string::npos || rest.find("utc") != std::string::npos ||
                                 rest.find("+0000") != std::string::npos || rest.ends_with("z"));
  }
  return true;
}

bool DateInUrl(std::string_view url, TextDate* out) {
  const size_t scheme = url.find("://");
  size_t path = scheme == std::string_view::npos ? 0 : url.find('/', scheme + 3);
  if (path == std::string_view::npos) return false;
  const std::string_view p = url.substr(path);
  for (size_t i = 1; i + 8 <= p.size(); ++i) {
    if (!IsDigit(p[i]) || IsDigit(p[i - 1])) continue;
    int y = 0, m = 0, d = 0;
    size_t end = 0;
    // /2019/11/18/ or /2019-11-18
    if ((p[i - 1] == '/' || p[i - 1] == '-' || p[i - 1] == '_' || p[i - 1] == '=') && IsoAt(p, i, &y, &m, &d, &end) &&
        p[i + 4] != '.' && (end >= p.size() || !IsDigit(p[end]))) {
      *out = TextDate{y, m, d, path + i, path + end};
      return true;
    }
    // /2019/nov/18/
    if (p[i - 1] == '/' && i + 4 < p.size() && p[i + 4] == '/') {
      const size_t mend = p.find('/', i + 5);
      if (mend != std::string_view::npos && mend - (i + 5) <= 4) {
        const int month = MonthOfImpl(p.substr(i + 5, mend - (i + 5)));
        size_t k = mend + 1, e = k;
        while (e < p.size() && IsDigit(p[e]) && e - k < 3) ++e;
        if (month > 0 && e > k && e - k <= 2 && (e >= p.size() || !IsDigit(p[e]))) {
          const int year = Number(p.substr(i, 4)), day = Number(p.substr(k, e - k));
          if (ValidImpl(year, month, day)) {
            *out = TextDate{year, month, day, path + i, path + e};
            return true;
          }
        }
      }
    }
    // ...-20191115/ : eight digits alone.
    size_t e = i;
    while (e < p.size() && IsDigit(p[e])) ++e;
    if (e - i == 8 && (p[i - 1] == '-' || p[i - 1] == '/' || p[i - 1] == '_')) {
      const int v = Number(p.substr(i, 8));
      if (ValidImpl(v / 10000, (v / 100) % 100, v % 100)) {
        *out = TextDate{v / 10000, (v / 100) % 100, v % 100, path + i, path + e};
        return true;
      }
    }
  }
  return false;
}

}  // namespace storyline::html
