#include "stories/story_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "stories/story_entities.h"
#include "stories/text_features.h"
#include "stories/view_util.h"

namespace storyline::stories {
namespace {

// ---- quotes, timeline, claims ----------------------------------------------

void AddQuotes(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
               Story& story) {
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle& a = *members[ai];
    for (const Quote& q : a.quotes) {
      BriefQuote bq;
      bq.id = "q" + std::to_string(story.quotes.size() + 1);
      bq.speaker_name = q.speaker_name;
      if (std::optional<size_t> e = entities.Lookup(ai, q.speaker, q.speaker_name)) {
        bq.speaker = story.entities[*e].id;
        if (bq.speaker_name.empty()) bq.speaker_name = story.entities[*e].name;
      }
      bq.text = q.text;
      QuoteOccurrence o;
      o.article = a.article.id;
      o.text = q.text;
      o.start = q.span.start;
      o.end = q.span.end;
      o.cue = q.cue;
      o.kind = q.kind;
      o.medium = q.medium;
      bq.occurrences.push_back(std::move(o));
      story.quotes.push_back(std::move(bq));
    }
  }
}

void AddTimeline(const std::vector<const AnnotatedArticle*>& members, Story& story) {
  // (date, sentence) -> entry: the same event sentence reprinted by several
  // outlets is one entry citing all of them.
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (const AnnotatedArticle* a : members) {
    const TextView view(*a);
    for (const DateMention& d : a->dates) {
      const std::string date = CalendarDatePrefix(d.value);
      if (date.empty()) continue;
      const std::string evidence = view.SentenceAt(d.span.start);
      const std::pair<std::string, std::string> key{date, FoldCase(CollapseWhitespace(evidence))};
      auto [it, inserted] = index.try_emplace(key, story.timeline.size());
      if (inserted) {
        TimelineEntry t;
        t.date = date;
        t.text = Shorten(evidence);
        t.evidence = evidence;
        story.timeline.push_back(std::move(t));
      }
      AddUnique(story.timeline[it->second].articles, a->article.id);
    }
  }
  std::stable_sort(story.timeline.begin(), story.timeline.end(),
                   [](const TimelineEntry& x, const TimelineEntry& y) { return x.date < y.date; });
}

bool IsCurrencyCode(const std::string& unit) {
  return unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char ch) {
           return ch >= 'A' && ch <= 'Z';
         });
}

std::string ClaimAttribute(const std::string& unit, const std::string& subject_type) {
  const std::string folded = FoldCase(unit);
  if ((folded == "years" || folded == "year") && subject_type == "PERSON") return "age";
  if (IsCurrencyCode(unit)) return "amount";
  if (unit.empty()) return "count";
  return unit;
}

void AddClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
               Story& story) {
  // (subject entity, attribute, unit) -> claim
  std::map<std::tuple<size_t, std::string, std::string>, size_t> index;
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle& a = *members[ai];
    const TextView view(a);
    for (const Quantity& q : a.quantities) {
      if (q.subject.empty()) continue;  // a claim is about someone or something
      const std::optional<size_t> e = entities.Lookup(ai, q.subject, "");
      if (!e) continue;
      const BriefEntity& subject = story.entities[*e];
      const std::string attribute = ClaimAttribute(q.unit, subject.type);
      auto [it, inserted] = index.try_emplace({*e, attribute, q.unit}, story.claims.size());
      if (inserted) {
        Claim c;
        c.subject = subject.id;
        c.subject_name = subject.name;
        c.attribute = attribute;
        story.claims.push_back(std::move(c));
      }
      Claim& claim = story.claims[it->second];
      const std::string value = attribute == "amount" ? fmt::format("{} {}", q.value, q.unit)
                                                      : fmt::format("{}", q.value);
      auto v = std::find_if(claim.values.begin(), claim.values.end(),
                            [&](const ClaimValue& cv) { return cv.value == value; });
      if (v == claim.values.end()) {
        ClaimValue cv;
        cv.value = value;
        cv.evidence = view.SentenceAt(q.span.start);
        claim.values.push_back(std::move(cv));
        v = claim.values.end() - 1;
      }
      AddUnique(v->articles, a.article.id);
    }
  }
  for (Claim& c : story.claims) {
    if (c.values.size() > 1) {
      c.status = "conflict";
    } else {
      c.status = c.values.front().articles.size() > 1 ? "agreed" : "single";
    }
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
  AddQuotes(members, entities, story);
  AddTimeline(members, story);
  AddClaims(members, entities, story);
}

}  // namespace storyline::stories
