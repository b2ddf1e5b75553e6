#include "stories/story_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <map>
#include <optional>
#include <string_view>

#include "stories/claims.h"
#include "stories/quote_groups.h"
#include "stories/story_entities.h"
#include "stories/timeline.h"

namespace storyline::stories {
namespace {

// ---- quotes ------------------------------------------------------------------

// The entity most occurrences of a quote group attribute it to; ties go to
// the earliest report. nullopt when no occurrence names a known entity.
std::optional<size_t> GroupSpeaker(const std::vector<const AnnotatedArticle*>& members,
                                   const std::vector<QuoteRef>& group, EntityIndex& entities) {
  std::map<size_t, size_t> votes;
  std::vector<size_t> first_seen;
  for (const QuoteRef& r : group) {
    const Quote& q = members[r.article]->quotes[r.quote];
    if (std::optional<size_t> e = entities.Lookup(r.article, q.speaker, q.speaker_name)) {
      if (votes[*e]++ == 0) first_seen.push_back(*e);
    }
  }
  std::optional<size_t> best;
  for (size_t e : first_seen) {
    if (!best || votes[e] > votes[*best]) best = e;
  }
  return best;
}

// The speaker name most occurrences give, ties to the earliest; "" if none.
std::string MajorityName(const std::vector<const AnnotatedArticle*>& members,
                         const std::vector<QuoteRef>& group) {
  std::map<std::string, size_t> votes;
  std::string best;
  for (const QuoteRef& r : group) {
    const std::string& name = members[r.article]->quotes[r.quote].speaker_name;
    if (name.empty()) continue;
    const size_t n = ++votes[name];
    if (best.empty() || n > votes[best]) best = name;
  }
  return best;
}

void AddQuotes(const std::vector<const AnnotatedArticle*>& members,
               const std::vector<std::vector<QuoteRef>>& groups, EntityIndex& entities,
               Story& story) {
  for (const std::vector<QuoteRef>& group : groups) {
    BriefQuote bq;
    bq.id = "q" + std::to_string(story.quotes.size() + 1);
    if (std::optional<size_t> e = GroupSpeaker(members, group, entities)) {
      bq.speaker = story.entities[*e].id;
      bq.speaker_name = story.entities[*e].name;
    } else {
      bq.speaker_name = MajorityName(members, group);
      // "his spokeswoman": the owner of the described speaker, as the
      // first occurrence that names one gives it.
      for (const QuoteRef& r : group) {
        const Quote& q = members[r.article]->quotes[r.quote];
        if (q.speaker_owner.empty()) continue;
        if (std::optional<size_t> o = entities.Lookup(r.article, q.speaker_owner, "")) {
          bq.speaker_owner = story.entities[*o].id;
          break;
        }
      }
    }
    std::vector<const Quote*> quotes;
    for (const QuoteRef& r : group) {
      const Quote& q = members[r.article]->quotes[r.quote];
      quotes.push_back(&q);
      QuoteOccurrence o;
      o.article = members[r.article]->article.id;
      o.text = q.text;
      o.start = q.span.start;
      o.end = q.span.end;
      o.cue = q.cue;
      o.kind = q.kind;
      o.medium = q.medium;
      bq.occurrences.push_back(std::move(o));
    }
    bq.text = CanonicalQuoteText(quotes);
    story.quotes.push_back(std::move(bq));
  }
}

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// "YYYY-MM" of a day count from DaysFromCivil.
std::string YearMonthOfDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int64_t y = yoe + era * 400 + (m <= 2);
  return fmt::format("{:04d}-{:02d}", y, m);
}

// The month of an ISO week value "YYYY-Www", so "last week" lands in a
// month on the timeline rather than only a year: the month of the week's
// Monday, because news reports weeks in the past tense ("earlier this week"
// happened between the Monday and the publication day). "" when `value` is
// not a valid ISO week (week 53 exists only when its Thursday is in YYYY).
std::string MonthOfIsoWeek(const std::string& value) {
  constexpr int kMaxIsoWeek = 53;
  if (value.size() != 8 || value[4] != '-' || value[5] != 'W') return "";
  const std::string_view digits = std::string_view(value).substr(6, 2);
  if (!AllDigits(std::string_view(value).substr(0, 4)) || !AllDigits(digits)) return "";
  const int year = std::stoi(value.substr(0, 4));
  const int week = (digits[0] - '0') * 10 + (digits[1] - '0');
  if (week < 1 || week > kMaxIsoWeek) return "";
  const int64_t jan4 = DaysFromCivil(year, 1, 4);
  const int64_t jan4_weekday = ((jan4 % 7) + 7 + 3) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
  const int64_t monday = jan4 - jan4_weekday + 7 * (week - 1);
  const std::string thursday_month = YearMonthOfDays(monday + 3);
  if (week == kMaxIsoWeek && thursday_month.substr(0, 4) != value.substr(0, 4)) return "";
  return YearMonthOfDays(monday);
}

}  // namespace

std::string CalendarDatePrefix(const std::string& value) {
  constexpr int kMonths = 12;
  constexpr int kMaxDay = 31;
  if (value.size() < 4 || !AllDigits(std::string_view(value).substr(0, 4))) return "";
  std::string out = value.substr(0, 4);
  const auto two_digits_at = [&](size_t pos, int max) -> int {
    if (value.size() < pos + 3 || value[pos] != '-') return -1;
    const std::string_view d = std::string_view(value).substr(pos + 1, 2);
    if (!AllDigits(d)) return -1;
    const int n = (d[0] - '0') * 10 + (d[1] - '0');
    if (value.size() > pos + 3 && std::isdigit(static_cast<unsigned char>(value[pos + 3]))) {
      return -1;
    }
    return n >= 1 && n <= max ? n : -1;
  };
  if (value.size() > 4 && std::isdigit(static_cast<unsigned char>(value[4]))) return "";
  if (std::string month = MonthOfIsoWeek(value); !month.empty()) return month;
  if (two_digits_at(4, kMonths) < 0) return out;
  out = value.substr(0, 7);
  if (two_digits_at(7, kMaxDay) < 0) return out;
  return value.substr(0, 10);
}

void FillStoryView(const std::vector<const AnnotatedArticle*>& members, Story& story) {
  EntityIndex entities(members);
  story.entities = entities.Build();
  const std::vector<std::vector<QuoteRef>> quote_groups = GroupQuotes(members);
  AddQuotes(members, quote_groups, entities, story);
  AddTimeline(members, entities, story);
  AddClaims(members, entities, quote_groups, story);
}

}  // namespace storyline::stories
