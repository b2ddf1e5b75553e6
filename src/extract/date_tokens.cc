#include "extract/date_tokens.h"

namespace storyline::date_internal {
namespace {

bool IsAsciiAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the UTF-8 sequence starting at `i`: its lead byte's length when
// the continuation bytes are there, else 1 (a stray byte stands alone).
size_t SequenceLength(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = 1;
  if (c >= 0xF0 && c < 0xF8) {
    len = 4;
  } else if (c >= 0xE0) {
    len = c < 0xF0 ? 3 : 1;
  } else if (c >= 0xC0) {
    len = 2;
  }
  if (i + len > s.size()) return 1;
  for (size_t k = 1; k < len; ++k) {
    if (!IsContinuation(static_cast<unsigned char>(s[i + k]))) return 1;
  }
  return len;
}

// Curly quotes and dashes behave like their ASCII forms in dates
// ("2022’s", "2009–2011").
std::string NormalisedSymbol(std::string_view seq) {
  if (seq == "\xE2\x80\x99" || seq == "\xE2\x80\x98") return "'";
  if (seq == "\xE2\x80\x93" || seq == "\xE2\x80\x94") return "-";
  return std::string(seq);
}

// Number of digits (and the value) of the run at `i`; extends over
// ",ddd" groups and one ".d+" fraction.
size_t ScanNumber(std::string_view s, size_t i, DateToken& t) {
  size_t j = i;
  while (j < s.size() && IsDigit(static_cast<unsigned char>(s[j]))) ++j;
  t.digits = static_cast<int>(j - i);
  std::string clean(s.substr(i, j - i));
  // Thousands groups: exactly three digits after each comma.
  while (j + 3 < s.size() && s[j] == ',' && IsDigit(static_cast<unsigned char>(s[j + 1])) &&
         IsDigit(static_cast<unsigned char>(s[j + 2])) && IsDigit(static_cast<unsigned char>(s[j + 3])) &&
         (j + 4 >= s.size() || !IsDigit(static_cast<unsigned char>(s[j + 4])))) {
    clean.append(s.substr(j + 1, 3));
    t.grouped = true;
    j += 4;
  }
  if (j + 1 < s.size() && s[j] == '.' && IsDigit(static_cast<unsigned char>(s[j + 1]))) {
    size_t k = j + 1;
    while (k < s.size() && IsDigit(static_cast<unsigned char>(s[k]))) ++k;
    clean.push_back('.');
    clean.append(s.substr(j + 1, k - j - 1));
    t.grouped = true;
    j = k;
  }
  // Long digit runs (phone numbers, ids) keep a value no rule accepts.
  constexpr size_t kMaxValueChars = 15;  // exact in a double
  t.value = clean.size() <= kMaxValueChars ? std::stod(clean) : 1e18;
  return j;
}

}  // namespace

std::vector<DateToken> TokenizeForDates(std::string_view text) {
  std::vector<DateToken> out;
  size_t i = 0;
  size_t cp = 0;  // code points before byte i
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsSpace(c)) {
      ++i;
      ++cp;
      continue;
    }
    DateToken t;
    t.byte_start = i;
    t.cp_start = cp;
    size_t j = i + 1;
    if (IsAsciiAlpha(c)) {
      while (j < text.size() && IsAsciiAlpha(static_cast<unsigned char>(text[j]))) ++j;
      t.kind = TokKind::kWord;
      t.capitalised = c >= 'A' && c <= 'Z';
      t.lower.assign(text.substr(i, j - i));
      for (char& ch : t.lower) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      }
    } else if (IsDigit(c)) {
      j = ScanNumber(text, i, t);
      t.kind = TokKind::kNumber;
      t.lower.assign(text.substr(i, j - i));
    } else if (c < 0x80) {
      t.kind = TokKind::kPunct;
      t.lower.assign(1, static_cast<char>(c));
    } else {
      j = i + SequenceLength(text, i);
      t.lower = NormalisedSymbol(text.substr(i, j - i));
      t.kind = (t.lower == "'" || t.lower == "-") ? TokKind::kPunct : TokKind::kOther;
    }
    for (size_t k = i; k < j; ++k) {
      if (!IsContinuation(static_cast<unsigned char>(text[k]))) ++cp;
    }
    t.byte_end = j;
    t.cp_end = cp;
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

// Howard Hinnant's days_from_civil / civil_from_days (public-domain
// algorithms, written out from their description).
int64_t DaysFromCivil(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return Civil{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

IsoWeek IsoWeekOf(int year, int month, int day) {
  const int64_t days = DaysFromCivil(year, month, day);
  // 1970-01-01 was a Thursday; ISO weeks belong to the year of their Thursday.
  const int64_t weekday = ((days % 7) + 7 + 3) % 7;  // 0 = Monday
  const Civil thursday = CivilFromDays(days - weekday + 3);
  const int64_t jan1 = DaysFromCivil(thursday.year, 1, 1);
  const int week = static_cast<int>((days - weekday + 3 - jan1) / 7 + 1);
  return IsoWeek{thursday.year, week};
}

}  // namespace storyline::date_internal
