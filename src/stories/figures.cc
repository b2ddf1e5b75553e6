#include "stories/figures.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "extract/date_tokens.h"
#include "extract/dates.h"
#include "extract/quantities.h"
#include "core/lexicon.h"
#include "stories/story_view.h"
#include "stories/text_features.h"
#include "stories/view_util.h"

namespace storyline::stories {
namespace {

// The least share of itself an approximate value reaches (ApproxSlack): a
// twentieth, so "some 3,400" does not hold 3,100 (an outlet rounding 3,100
// writes "about 3,100" or "some 3,000"), while a loose round figure keeps
// its own precision's reach ("about 4,000" holds 3,600).
constexpr double kApproxTolerance = 0.05;
// Ages from articles further apart than this may straddle a birthday
// ("23" in August, "24" in February).
constexpr int kAgeWindowDays = 60;
// Estimates and forecasts from articles further apart than this are two
// estimates ("could reach around £9 million" in September, "is now
// estimated at £12.5m" in October), not a disagreement.
constexpr int kEstimateWindowDays = 14;
// Running totals ("8,400 homes have been destroyed") from articles further
// apart than this are counts of two days: the next morning's paper reports
// the day before's count ("eight patients admitted" on Thursday, "Ten
// victims have been rushed to hospital" on Friday disagree).
constexpr int kRunningWindowDays = 1;
// A value given as changed from another outlet's ("worth £38m, down from
// the £40m agreed") is set against nothing printed more than this many
// days before it: the next morning's paper reports the same day's value.
constexpr int kChangedWindowDays = 1;
// Figures no one owns (the story's event's, or a thing's) from articles
// further apart than this are of two stages of the story: a follow-up weeks
// later reports a later state (a second ballot's turnout, the league points
// after an appeal, the debt a liquidator found), not the first reports'
// facts in other numbers. A person's or an organisation's figures keep
// their own windows.
constexpr int kFollowUpDays = 7;
// A change one outlet dates is the one another reports undated this many
// days after it at most.
constexpr int kChangeReportDays = 3;
// Words read back from a figure, within its clause, for an estimate word.
constexpr size_t kEstimateReach = 4;
// A date this close to a figure in its sentence says when the figure held
// ("5 per cent on Sunday", "in 2019, aged 18"); further away it dates
// something else in the sentence.
constexpr size_t kTimeReach = 40;
// An earlier year reaches further: one clause of a long sentence.
constexpr size_t kYearReach = 80;
// Relative slack for two exact values to be the same number.
constexpr double kSameValue = 1e-9;

bool IsCurrency(const std::string& unit) {
  return unit.size() == 3 &&
         std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Durations' units (quantities.h gives them in the singular).
bool IsTimeUnit(const std::string& unit) {
  return unit == "year" || unit == "month" || unit == "week" || unit == "day" || unit == "hour" ||
         unit == "minute" || unit == "decade" || unit == "second";
}

// One figure as stated in one article.
struct Figure {
  Quantity q;
  size_t article = 0;              // index into members
  std::optional<size_t> entity;    // story entity
  std::string attribute, scale;    // see figures.h
  std::string when;                // explicit date near it, or ""
  std::string published;           // its article's date, or ""
  std::string evidence;
  std::string value;               // FigureValueText(q)
  bool joined = false;             // its attribute was widened by JoinUnderspecified
  std::vector<size_t> named;       // story entities its sentence names, for AdoptNamedOwner
  std::vector<size_t> leading;     // those named before it in its own clause (SameClause)
  // What the words beside it say happened to what it counts, one name per
  // event (lexicons/event_stems.txt: "taken to hospital", "treated in
  // hospital" -> hospitalised), sorted and unique.
  std::vector<std::string> events;
  std::vector<std::string> terms;  // the evidence's content words, sorted and unique
  // Stems of what it measures (its attribute's and counted unit's words),
  // and of those with the content words beside it in its clause; both
  // sorted and unique, for matching across outlets (AlignAcrossOutlets).
  std::vector<std::string> core, frame;
  std::vector<std::string> qualifiers;  // lexicons/measure_qualifiers.txt words in its frame, sorted
  // Stems of the words that narrow its counted noun ("league" of "65
  // league games", "acute" of "three acute hospitals"), sorted and unique.
  std::vector<std::string> modifiers;
  bool whole = false;  // a whole ("three carriages in all", "of its three carriages")
  // One of the parts a sentence lists after a whole it names ("The budget was
  // made up of a £30m grant, £8m from the council and £4m ..."): PartListed;
  // or a part of a whole the phrase gives ("six of the seven satellites had
  // made contact": measure "satellites made in part").
  bool part = false;
  // For a percentage, stems of the thing its measure says changed ("rents"
  // of "rents rise", "pay" of "pay rise"), sorted; empty when it names none
  // ("an increase of 11.5%"): ChangedThing.
  std::vector<std::string> changed;
  // The rest of its sentence right after it ("as coach for ...", "per
  // game"), read by AsPost and RateAgainstCount.
  std::string tail;
  bool ongoing = false;   // the length of something still going on when reported (OngoingLength)
  bool estimate = false;  // stated as an estimate or forecast (lexicons/estimate_words.txt)
  bool running = false;   // stated as a running total on its article's day (RunningTotal)
  // The value it changed from, when its sentence gives it right after ("is
  // worth £38m, down from the £40m agreed in September"), else nullopt.
  std::optional<double> changed_from;
  // The thing a figure no one owns is of, when its phrase names it
  // (Quantity::thing: "appeal" of "an appeal with a target of £5m") or, for
  // a sum, its clause's subject ("film" of "The film cost $42m to make"):
  // ThingOf.
  std::string thing;
  std::string kind;  // what kind of value it states (KindOf), for matching across outlets
  // For a figure no one owns, the person its own clause says did or has it
  // (ActorOf): "e<story entity>", "?" for a personal pronoun, "" for none.
  std::string actor;
  std::string window;  // the span a count is counted over (WindowOf), or ""
  // A length of time that is a point in time counted from another ("found
  // him three hours later", "with 12 seconds left": TimeOffset), compared
  // only with another such point, never with a length ("the jury took four
  // hours").
  bool offset = false;
  // A "when" clause after it ties it to a moment of the story's event
  // ("was travelling at 58mph, ..., when the track gave way": AtMoment).
  bool at_moment = false;
  // For a percentage, the place its clause gives it ("65 per cent of
  // traffic to India", "services in Egypt were down by 80 percent"): the
  // nearest PLACE mention in its clause, "e<story entity>", or "".
  std::string place;
  // The other figures its sentence states, as (kind, value), sorted:
  // ("count", 12) for "with 12 engines" beside "Sixty firefighters".
  std::vector<std::pair<std::string, double>> beside;
};

// Share of content words two figures' sentences have in common (Jaccard),
// as timeline.h's EventSimilarity, over terms computed once per figure.
double SentenceSimilarity(const Figure& f, const Figure& g) {
  if (f.terms.empty() && g.terms.empty()) return 1.0;
  std::vector<std::string> shared;
  std::set_intersection(f.terms.begin(), f.terms.end(), g.terms.begin(), g.terms.end(),
                        std::back_inserter(shared));
  const size_t all = f.terms.size() + g.terms.size() - shared.size();
  return all == 0 ? 0.0 : static_cast<double>(shared.size()) / static_cast<double>(all);
}

std::vector<std::string> Words(const std::string& s);

// One name for what outlets count under different nouns
// (lexicons/count_synonyms.txt): the whole measure, else word by word.
std::string CountName(std::string_view measure) {
  if (const std::string_view whole = lexicon::Find(lexicon::kCountSynonyms, measure); !whole.empty()) {
    return std::string(whole);
  }
  std::string out;
  for (const std::string& w : Words(std::string(measure))) {
    const std::string_view to = lexicon::Find(lexicon::kCountSynonyms, w);
    if (!out.empty()) out += ' ';
    out += to.empty() ? std::string_view(w) : to;
  }
  return out;
}

// What a quantity measures as a claim attribute; "" when nothing known.
std::string AttributeOf(const Quantity& q) {
  if (q.measure == "age") return "age";
  if (q.unit == "rank") return "rank";
  if (IsCurrency(q.unit)) return q.measure.empty() ? "amount" : q.measure;
  if (q.unit == "percent") return q.measure.empty() ? "" : "percent " + q.measure;
  if (IsTimeUnit(q.unit)) return q.measure.empty() ? "" : fmt::format("{} ({}s)", q.measure, q.unit);
  return CountName(q.measure);
}

std::string ScaleOf(const Quantity& q) {
  if (IsCurrency(q.unit) || q.unit == "percent" || q.unit == "rank") return q.unit;
  if (q.measure == "age") return "years";
  // "6,412 people employed" and "6,400 staff" count one thing.
  if (!lexicon::Find(lexicon::kCountSynonyms, q.measure).empty()) return CountName(q.measure);
  return CountName(q.unit);
}

// A year before `this_year` written as a number within kYearReach of the
// figure in its sentence, which the date annotator leaves alone when it
// qualifies a noun ("a 2016 pilot study"); "" when none.
std::string EarlierYearWritten(const TextView& view, Span sentence, const Quantity& q,
                               const std::string& this_year) {
  constexpr int kFirstYear = 1900;
  const size_t from = std::max(sentence.start, q.span.start > kYearReach ? q.span.start - kYearReach : 0);
  const size_t to = std::min(sentence.end, q.span.end + kYearReach);
  const std::string text = view.Slice(from, to);
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    if (!digit(text[i]) || (i > 0 && (digit(text[i - 1]) || text[i - 1] == '$' || text[i - 1] == ',' ||
                                      text[i - 1] == '.'))) {
      continue;
    }
    if (!digit(text[i + 1]) || !digit(text[i + 2]) || !digit(text[i + 3])) continue;
    if (i + 4 < text.size() && (digit(text[i + 4]) || text[i + 4] == ',' || text[i + 4] == '%')) continue;
    const std::string year = text.substr(i, 4);
    if (std::stoi(year) >= kFirstYear && year < this_year) return year;
  }
  return "";
}

// True when `text` holds a verb of saying ("said", "confirmed", "told"):
// lexicons/reporting_verbs.txt, tag sum_said.
bool SaysBetween(const std::string& text) {
  for (const WordToken& t : Tokenize(text)) {
    if (lexicon::In(lexicon::kReportingVerbsSumSaid, t.folded)) return true;
  }
  return false;
}

// True when `text` (between a figure and a later day) holds a verb in the
// past ("won", "agreed", "paid": IsPastForm).
bool PastVerbBetween(const std::string& text) {
  const std::vector<WordToken> words = Tokenize(text);
  return std::any_of(words.begin(), words.end(),
                     [](const WordToken& t) { return !t.capitalised && t.has_letter && IsPastForm(t.folded); });
}

// True when `text` (between a figure and a later day) names what the
// figure is measured against: "premium to ...", "more than ...", "compared
// with ...", "against ...", "over ...".
bool ComparesBetween(std::string_view text) {
  const std::string folded = " " + FoldCase(text) + " ";
  for (std::string_view w : {" to ", " than ", " against ", " compared ", " over ", " versus "}) {
    if (folded.find(w) != std::string::npos) return true;
  }
  return false;
}

// Whether `text` has a comma, semicolon or colon that breaks a clause: one
// between digits groups a number ("4,100").
bool HasClauseBreak(std::string_view text) {
  const auto digit = [&](size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
  for (size_t k = text.find_first_of(",;:"); k != std::string_view::npos; k = text.find_first_of(",;:", k + 1)) {
    if (!(text[k] == ',' && k > 0 && digit(k - 1) && digit(k + 1))) return true;
  }
  return false;
}

// Whether the folded text before a date says a figure stands as of that
// day: "by Wednesday", "by early Monday", "by late Tuesday".
bool ByDay(std::string_view before) {
  return before.ends_with("by ") || before.ends_with("by early ") || before.ends_with("by late ");
}

// Whether a figure is given as of the day `when` by "by" before that day
// after it ("had burned about 400 hectares by early Monday"): a count
// still moving, stamped with its day, which holds on that day and no other
// even when the article is printed that day.
bool DatedBy(const AnnotatedArticle& a, const TextView& view, const Quantity& q, const std::string& when) {
  const Span sentence = SentenceOf(a, q.span.start, view.cp_length());
  return std::any_of(a.dates.begin(), a.dates.end(), [&](const DateMention& d) {
    return d.span.start >= q.span.end && d.span.end <= sentence.end && CalendarDatePrefix(d.value) == when &&
           ByDay(FoldCase(view.Slice(d.span.start > 12 ? d.span.start - 12 : 0, d.span.start)));
  });
}

// True when the figure `q` stands in an aside set off by commas right
// after the short noun phrase that opens its sentence, and the clause
// after the aside runs on to the date at `date_start` unbroken: "A
// smaller hole, about 3 metres across, opened near the spot in 1987".
// The date is then the subject's, so the figure that describes it is
// of that time too.
bool InSubjectAsideBefore(const TextView& view, Span sentence, const Quantity& q, size_t date_start) {
  constexpr size_t kMaxSubjectWords = 6;  // "The old stone road bridge"
  const std::string lead = view.Slice(sentence.start, q.span.start);
  const size_t comma = lead.find(',');
  if (comma == std::string::npos || lead.find_first_of(",;:", comma + 1) != std::string::npos) return false;
  const std::vector<WordToken> subject = Tokenize(lead.substr(0, comma));
  if (subject.empty() || subject.size() > kMaxSubjectWords) return false;
  for (const WordToken& w : subject) {
    if (!w.has_letter || IsPastForm(w.folded)) return false;
  }
  const std::string after = view.Slice(q.span.end, date_start);
  const size_t close = after.find(',');
  return close != std::string::npos && !HasClauseBreak(after.substr(close + 1));
}

// The calendar date that times a figure: a date mention in its sentence
// within kTimeReach code points of it, not the start of a span ("since
// Saturday", "from 2015"). "" when none.
std::string WhenOf(const AnnotatedArticle& a, const TextView& view, const Quantity& q) {
  const Span sentence = SentenceOf(a, q.span.start, view.cp_length());
  std::string best;
  size_t best_gap = kTimeReach + 1;
  const std::string this_year = a.article.published.substr(0, 4);
  for (const DateMention& d : a.dates) {
    if (d.span.start < sentence.start || d.span.end > sentence.end) continue;
    const std::string date = CalendarDatePrefix(d.value);
    if (date.empty()) continue;
    const size_t gap = d.span.start >= q.span.end ? d.span.start - q.span.end
                       : q.span.start >= d.span.end ? q.span.start - d.span.end
                                                    : 0;
    // An earlier year further along the sentence still sets it in the past
    // ("a 2016 pilot study at the infirmary, which enrolled 88 patients").
    // An age at a dated event holds at the event: "made his debut in 2019,
    // aged 18" and "made his debut in 2018 as a 17-year-old" are both his
    // age at the debut.
    // "the highest since 1998" compares; "above the 31% recorded in 2019":
    // the year times the figure nearer to it.
    const std::string lead = FoldCase(view.Slice(d.span.start > 6 ? d.span.start - 6 : 0, d.span.start));
    // A year before the figure, with only words of one clause between
    // ("won her second term in 2022 by 4,300 votes on a turnout of 36 per
    // cent"), dates every figure of that clause.
    const bool one_clause = d.span.end <= q.span.start && !HasClauseBreak(view.Slice(d.span.end, q.span.start));
    const bool other_between =
        !one_clause && std::any_of(a.quantities.begin(), a.quantities.end(), [&](const Quantity& o) {
          if (&o == &q || o.span.start == q.span.start) return false;
          const size_t lo = std::min(q.span.end, d.span.end), hi = std::max(q.span.start, d.span.start);
          return o.span.start >= lo && o.span.end <= hi;
        });
    // "the biggest crowd since the record of 44,950 in 1966": a year after
    // "since" further along is what the figure is compared with too.
    const auto since_between = [&] {
      return d.span.start >= q.span.end &&
             (" " + FoldCase(view.Slice(q.span.end, d.span.start))).find(" since ") != std::string::npos;
    };
    // "since 1998, when 72 whales came ashore", "the Harwick case of 2012,
    // when a court ordered ...": a clause "when" opens right after an
    // earlier year tells of that year's event, every figure in it.
    // So does a month of an earlier year ("flooded in February 2020, when
    // 410 homes were flooded").
    if ((date.size() == 4 || date.size() == 7) && !this_year.empty() && date.substr(0, 4) < this_year &&
        d.span.end <= q.span.start) {
      constexpr std::string_view kWhenClause = ", when ";
      const std::string between = FoldCase(view.Slice(d.span.end, q.span.start));
      if (between.starts_with(kWhenClause) && !HasClauseBreak(between.substr(kWhenClause.size()))) return date;
    }
    if (date.size() == 4 && (lead.ends_with("since ") || other_between || since_between())) continue;
    // With no day of its own, an article's years are all stated times: one
    // near a figure times it as an earlier one would ("in 2005, at the age
    // of 91"), though whether it is earlier is unknown.
    if (date.size() == 4 && (this_year.empty() || date < this_year) && gap <= kYearReach) {
      // "Pellmore, founded in 1962, now employs 6,800 people": the year
      // dates another verb's event, outside which the figure stands.
      if (q.measure != "age") {
        const std::string lead_in = view.Slice(sentence.start, d.span.start);
        const EventWord event = FindEventWordBefore(lead_in);
        const size_t event_at = sentence.start + CountCodePoints(std::string_view(lead_in).substr(0, event.begin));
        // But "sank in 1987 with the loss of 11 lives": a figure after the
        // year in the same phrase (no comma between) is that event's.
        const bool same_phrase = d.span.end <= q.span.start && !HasClauseBreak(view.Slice(d.span.end, q.span.start));
        if (!event.key.empty() && !(event_at < q.span.start && q.span.end <= d.span.start) && !same_phrase &&
            !InSubjectAsideBefore(view, sentence, q, d.span.start)) {
          continue;
        }
      }
      if (q.measure == "age") {
        const std::string word = EventWordBefore(view.Slice(sentence.start, d.span.start));
        if (!word.empty()) return "at " + word;
      }
      return date;
    }
    if (gap >= best_gap) continue;
    // A day dates the figure when it follows it: "up from 5 per cent on
    // Sunday", "22 per cent by Wednesday", "as of Monday". A day before
    // the figure dates the sentence's event ("published on Tuesday,
    // followed 1,412 patients").
    if (d.span.start < q.span.end) continue;
    const std::string before = FoldCase(view.Slice(d.span.start > 12 ? d.span.start - 12 : 0, d.span.start));
    if (!before.ends_with("on ") && !ByDay(before) && !before.ends_with(" of ") && !before.ends_with("in ")) {
      continue;
    }
    // "..., the company confirmed on October 16": the day of the telling.
    if (SaysBetween(view.Slice(q.span.end, d.span.start))) continue;
    // "a jackpot of £18.4m won on September 12": the day of the event the
    // sum is of, which every outlet's sum is of, dated or not.
    if (IsCurrency(q.unit) && PastVerbBetween(view.Slice(q.span.end, d.span.start))) continue;
    // "a 44 per cent premium to the closing price on Friday": the day is
    // the reference point's, which the figure is measured against.
    if (ComparesBetween(view.Slice(q.span.end, d.span.start))) continue;
    // "by 197 votes in Tuesday's election": the day names the event the
    // figure is of, not a day in a series of figures.
    const std::string after = view.Slice(d.span.end, d.span.end + 2);
    if (after == "'s" || view.Slice(d.span.end, d.span.end + 1) == "\xE2\x80\x99") continue;
    best = date;
    best_gap = gap;
  }
  if (best.empty() && !this_year.empty()) {
    // Years the date annotator found were weighed above; the fallback is
    // for those it leaves alone ("a 2016 pilot study").
    best = EarlierYearWritten(view, sentence, q, this_year);
    const bool weighed = std::any_of(a.dates.begin(), a.dates.end(), [&](const DateMention& d) {
      return d.span.start >= sentence.start && d.span.end <= sentence.end && CalendarDatePrefix(d.value) == best;
    });
    if (weighed) best.clear();
  }
  return best;
}

int64_t DayNumber(const std::string& date) {
  if (date.size() < 10) return std::numeric_limits<int64_t>::min();
  const DateAnchor d = ParseAnchor(date);
  if (d.day == 0) return std::numeric_limits<int64_t>::min();
  return date_internal::DaysFromCivil(d.year, d.month, d.day);
}

// Whether a figure is one side of a vote's tally.
bool Tally(const Figure& f) { return f.q.measure == kVotesFor || f.q.measure == kVotesAgainst; }

// Whether a figure is the length of something still going on when it was
// reported, told as so many units "of" it ("four days of protests", "after
// a week of talks"): such a length grows from report to report. A length of
// anything else is finished ("served 12 years of his sentence", "after 20
// years of service"), and so is one whose sentence tells that the thing has
// ended ("the jury convicted him after 11 hours of deliberation"): the same
// fact in every later report.
bool OngoingLength(const Figure& f) {
  if (!IsTimeUnit(f.q.unit) || f.offset || !f.tail.starts_with(" of ")) return false;
  // The thing's noun comes right after "of" or at most two words later
  // ("of protests", "of fierce fighting", "of the worst riots").
  const std::vector<WordToken> after = Tokenize(std::string_view(f.tail).substr(4));
  constexpr size_t kNounWords = 3;  // the noun, after at most a determiner and one adjective
  bool goes_on = false;
  for (size_t k = 0; k < after.size() && k < kNounWords && !goes_on; ++k) {
    goes_on = lexicon::In(lexicon::kOngoingEvents, after[k].folded);
  }
  if (!goes_on) return false;
  const std::vector<WordToken> words = Tokenize(f.evidence);
  return std::none_of(words.begin(), words.end(),
                      [](const WordToken& w) { return lexicon::In(lexicon::kEndingVerbs, w.folded); });
}

// Whether a figure's time is a period named from its article's day ("last
// season": RelativePastPeriod), which another article's same words name
// only when the two are of one time.
bool RelativePeriod(const std::string& when) { return when.starts_with("last "); }

// Whether two figures speak of the same time (see figures.h).
bool SameTime(const Figure& f, const Figure& g) {
  const int64_t x = DayNumber(f.published), y = DayNumber(g.published);
  const bool dated = x != std::numeric_limits<int64_t>::min() && y != std::numeric_limits<int64_t>::min();
  // "Last season" in articles more than kFollowUpDays apart may be two
  // seasons; "last year" in articles of two years is two years.
  if (f.when == g.when && RelativePeriod(f.when) && dated &&
      (std::llabs(x - y) > kFollowUpDays ||
       (f.when == "last year" && f.published.substr(0, 4) != g.published.substr(0, 4)))) {
    return false;
  }
  if (f.attribute == "age" && dated && std::llabs(x - y) > kAgeWindowDays) return false;
  if ((f.estimate || g.estimate) && dated && std::llabs(x - y) > kEstimateWindowDays) return false;
  // (Two figures both dated to one day are of that day, however far apart
  // their articles.)
  // (Nor is a follow-up's figure that a when-clause after it ties to a
  // moment of the story's event: "the train was travelling at 58mph, ...,
  // when the track gave way" states the first reports' fact, not a later
  // state.)
  const bool later_at_moment = x > y ? f.at_moment : g.at_moment;
  if (!f.entity && !g.entity && dated && std::llabs(x - y) > kFollowUpDays && (f.when.empty() || f.when != g.when) &&
      !later_at_moment) {
    return false;
  }
  // A running total holds on its article's day, or the next day's paper's
  // (not an age or a length of time: "has served 12 years" is no count
  // still moving).
  if ((f.running || g.running) && dated && std::llabs(x - y) > kRunningWindowDays && f.attribute != "age" &&
      !IsTimeUnit(f.q.unit)) {
    return false;
  }
  // Nor is a running total of an article with no date known to be of
  // another's day: "the toll rose to 31" and "27 people were killed" may
  // be two days' reports, the later updating the earlier (two outlets of
  // one unknown day disagree, but nothing shows they are of one day). Two
  // articles of one source's copy are handled by their duplicates.
  if ((f.running || g.running) && !dated && f.article != g.article && f.attribute != "age" &&
      !IsTimeUnit(f.q.unit)) {
    return false;
  }
  // A length of something still going on ("four days of riots") grows with
  // every report: two outlets' lengths are of one moment only when both
  // are printed on one day.
  if ((f.ongoing || g.ongoing) && !(dated && x == y)) return false;
  if (f.when.empty() && g.when.empty()) return true;
  const std::string& tf = f.when.empty() ? f.published : f.when;
  const std::string& tg = g.when.empty() ? g.published : g.when;
  if (!tf.empty() && tf == tg) return true;
  // A change happens on a day ("shares fell 38 per cent on Monday"): one
  // another outlet states without its day, in a report of the days after,
  // is that day's.
  // So does a vote: "voted 7-5 on Tuesday" / "by seven votes to four";
  // and so does a contest's margin, fixed when the contest ends ("was
  // elected by 14 votes on Saturday" / "lost by just 17 votes", printed on
  // Monday).
  const auto change = [](const Figure& x) {
    return x.attribute.ends_with(" rise") || x.attribute.ends_with(" fall") || Tally(x) ||
           x.attribute.ends_with(" margin");
  };
  if (!change(f) || !change(g) || (!f.when.empty() && !g.when.empty())) return false;
  const Figure& stated = f.when.empty() ? g : f;
  const Figure& undated = f.when.empty() ? f : g;
  const int64_t day = DayNumber(stated.when), printed = DayNumber(undated.published);
  return day != std::numeric_limits<int64_t>::min() && printed != std::numeric_limits<int64_t>::min() &&
         day <= printed && printed - day <= kChangeReportDays;
}

// How far an approximate value reaches: to the next round number of its
// own precision ("about 4,000": 3,500 to 4,500; "about 1,200": 1,150 to
// 1,250), and at least kApproxTolerance of it ("about 450": 427.5 to
// 472.5), so "about 1,200" holds 1,187 and "about 3,400" does not hold 3,100.
double ApproxSlack(double value) {
  const double v = std::fabs(value);
  double place = 1;
  while (place * 10 <= v && std::fabs(std::fmod(v, place * 10)) < kSameValue * v) place *= 10;
  return std::max(v >= 1 ? place / 2 : 0.0, v * kApproxTolerance);
}

// The interval a stated value allows.
std::pair<double, double> Allowed(const Quantity& q) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (q.high > 0) return {q.value, q.high};
  switch (q.bound) {
    case QuantityBound::kApprox: {
      const double slack = ApproxSlack(q.value);
      return {q.value - slack, q.value + slack};
    }
    case QuantityBound::kAtLeast: return {q.value, kInf};
    case QuantityBound::kAtMost: return {0, q.value};
    case QuantityBound::kExact: break;
  }
  return {q.value, q.value};
}

bool Exact(const Quantity& q) { return q.bound == QuantityBound::kExact && q.high <= 0; }

double Middle(const Quantity& q) { return q.high > 0 ? (q.value + q.high) / 2 : q.value; }

// What kind of value a quantity states: its currency, "percent", a unit of
// time, or "count"; "" for ages and ranks.
std::string QuantityKind(const Quantity& q) {
  if (q.measure == "age" || q.unit == "rank") return "";
  if (IsCurrency(q.unit) || q.unit == "percent") return q.unit;
  if (IsTimeUnit(q.unit)) return "time " + q.unit;
  return "count";
}

size_t Sources(const std::vector<std::string>& articles,
               const std::unordered_map<std::string, std::string>& source_of) {
  std::set<std::string> sources;
  for (const std::string& a : articles) {
    auto it = source_of.find(a);
    sources.insert(it == source_of.end() ? a : it->second);
  }
  return sources.size();
}

void AddStems(std::string_view text, std::vector<std::string>& out) {
  for (const WordToken& t : Tokenize(text)) {
    if (MeasureWord(t.folded)) out.push_back(Stem(t.folded));
  }
}

// Words of `text` that make a figure another statistic ("average",
// "annual"): lexicons/measure_qualifiers.txt.
void AddQualifiers(std::string_view text, std::vector<std::string>& out) {
  for (const WordToken& t : Tokenize(text)) {
    if (lexicon::In(lexicon::kMeasureQualifiers, t.folded)) out.push_back(t.folded);
  }
}

void SortUnique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// The one name lexicons/event_stems.txt gives what word `w` says happened
// ("hospital", "killed", "evacuating"), read as the quantity annotator
// reads it (an "-ing", "-ed", "-es", "-e" or "-s" dropped, then the word);
// "" when it names no listed event.
std::string EventOf(std::string_view w) {
  std::string stem(w);
  for (const std::string_view suffix : {"ing", "ed", "es", "e", "s"}) {
    if (stem.ends_with(suffix)) {
      stem.resize(stem.size() - suffix.size());
      break;
    }
  }
  std::string_view event = lexicon::Find(lexicon::kEventStems, stem);
  if (event.empty()) event = lexicon::Find(lexicon::kEventStems, w);
  return std::string(event);
}

// True when the words of a figure's clause give it as a running total, the
// count so far of something still moving as the story unfolds: a verb in
// the present perfect after it ("8,400 homes have been destroyed", "teams
// from 19 countries have taken part", "1,386 appointments have now been
// postponed") or a word of
// lexicons/running_words.txt ("rose to 587", "so far", "to date"). Such a
// count holds on its article's day. `lead` is the clause before the
// figure, `tail` the clause after it; the perfect is read after the figure
// only, where the counted noun is its subject ("has been forced to axe 180
// jobs" and "have banked £62 million" are one event, no count still moving).
bool RunningTotal(std::string_view lead, std::string_view tail) {
  constexpr size_t kReach = 8;  // words looked at on each side
  const auto perfect = [](const std::vector<WordToken>& w, size_t k) {
    if (w[k].folded != "has" && w[k].folded != "have") return false;
    // Adverbs between the auxiliary and its participle ("have now been").
    size_t p = k + 1;
    while (p < w.size() && p <= k + 2 && (w[p].folded == "now" || w[p].folded == "already" ||
                                          w[p].folded == "so" || w[p].folded == "far")) {
      ++p;
    }
    if (p < w.size() && w[p].folded == "been") ++p;  // the passive: "have been destroyed"
    if (p >= w.size()) return false;
    const std::string& v = w[p].folded;
    return lexicon::In(lexicon::kVerbsAndAdverbsParticiple, v) ||
           (v.size() > 3 && v.ends_with("ed") && !lexicon::In(lexicon::kNotParticiples, v));
  };
  const auto scan = [&](std::string_view text, bool backward) {
    const std::vector<WordToken> all = Tokenize(text);
    // The words of the clause next to the figure, at most kReach of them.
    size_t first = 0, last = all.size();  // [first, last)
    if (backward) {
      first = all.size();
      size_t edge = text.size();
      for (size_t k = all.size(); k-- > 0 && all.size() - k <= kReach;) {
        if (BreaksClause(text.substr(all[k].end, edge - all[k].end))) break;
        edge = all[k].begin;
        first = k;
      }
    } else {
      size_t edge = 0;
      last = 0;
      for (size_t k = 0; k < all.size() && k < kReach; ++k) {
        if (BreaksClause(text.substr(edge, all[k].begin - edge))) break;
        edge = all[k].end;
        last = k + 1;
      }
    }
    const std::vector<WordToken> w(all.begin() + static_cast<std::ptrdiff_t>(first),
                                   all.begin() + static_cast<std::ptrdiff_t>(last));
    for (size_t k = 0; k < w.size(); ++k) {
      if ((!backward && perfect(w, k)) || lexicon::In(lexicon::kRunningWords, w[k].folded)) return true;
      if (k + 1 < w.size() && lexicon::In(lexicon::kRunningWords, w[k].folded + " " + w[k + 1].folded)) return true;
    }
    return false;
  };
  return scan(lead, /*backward=*/true) || scan(tail, /*backward=*/false);
}

// A figure's sentence and the text of it before the figure, tokenized once
// for the rules that read back from the figure (PartListed, the estimate
// words in SetFrame, ThingOf, HolderOf).
struct FigureLead {
  Span sentence;
  std::string text;
  std::vector<WordToken> words;
  // The text between word k and the next word (or the figure).
  std::string_view Gap(size_t k) const {
    const size_t to = k + 1 < words.size() ? words[k + 1].begin : text.size();
    return std::string_view(text).substr(words[k].end, to - words[k].end);
  }
};

FigureLead LeadOf(const AnnotatedArticle& a, const TextView& view, const Quantity& q) {
  FigureLead lead;
  lead.sentence = SentenceOf(a, q.span.start, view.cp_length());
  lead.text = view.Slice(lead.sentence.start, q.span.start);
  lead.words = Tokenize(lead.text);
  return lead;
}

// Words of a thing's noun phrase read back from a figure ("the new east
// stand": ThingOf, HolderOf).
constexpr size_t kMaxThingWords = 3;

bool OnlySpaces(std::string_view gap) { return gap.find_first_not_of(' ') == std::string_view::npos; }

// Whether a figure whose sentence runs `lead` before it is one of the parts
// listed after a whole (lexicons/part_openers.txt: "was made up of a £30m
// grant, £8m from the council and £4m"): an opener among the lead's words,
// with nothing after it but the list (no clause break but the commas and
// "and" of a list, no verb of its own).
bool PartListed(const FigureLead& lead) {
  const std::vector<WordToken>& words = lead.words;
  for (size_t k = words.size(); k-- > 0;) {
    const std::string& w = words[k].folded;
    const bool two = k + 1 < words.size() && lexicon::In(lexicon::kPartOpeners, w + " " + words[k + 1].folded);
    const bool three = k + 2 < words.size() &&
                       lexicon::In(lexicon::kPartOpeners, w + " " + words[k + 1].folded + " " + words[k + 2].folded);
    if (lexicon::In(lexicon::kPartOpeners, w) || two || three) return true;
    // A verb, a copula or a semicolon between the opener and the figure
    // closes the list: the figure is the clause's own ("..., which together
    // total £42m", "The crowd, which comprised students, numbered 3,000").
    if (lexicon::In(lexicon::kCopulas, w) || lexicon::In(lexicon::kAuxiliaries, w) || w.starts_with("total") ||
        IsPastForm(w)) {
      return false;
    }
    const std::string_view gap = lead.Gap(k);
    if (gap.find_first_of(";:()") != std::string_view::npos) return false;
    // A comma is a list's only when the next item opens with a figure ("a
    // £30m grant, £8m from the council and £4m"): "Split between two
    // sites, the plant employs 300" is a clause of its own.
    if (gap.find(',') != std::string_view::npos && k + 1 < words.size() &&
        (words[k + 1].has_letter && !std::isdigit(static_cast<unsigned char>(words[k + 1].folded[0])))) {
      return false;
    }
  }
  return false;
}

// Stems of the words of a percentage's measure that name what changed:
// neither the change ("rise", "fell", "hike": lexicons/change_verbs.txt)
// nor function words ("rents went rise": rents). Sorted and unique.
std::vector<std::string> ChangedThing(const Quantity& q) {
  std::vector<std::string> out;
  if (q.unit != "percent") return out;
  for (const WordToken& w : Tokenize(q.measure)) {
    if (!w.has_letter || IsStopWord(w.folded) || !lexicon::Find(lexicon::kChangeVerbs, w.folded).empty() ||
        w.folded == "hike" || w.folded == "went" || w.folded == "go" || w.folded == "gone") {
      continue;
    }
    out.push_back(Stem(w.folded));
  }
  SortUnique(out);
  return out;
}

// Fills f.core and f.frame (see Figure).
void SetFrame(Figure& f, const AnnotatedArticle& a, const TextView& view, const FigureLead& lead) {
  AddStems(f.attribute, f.core);
  if (!IsCurrency(f.q.unit)) AddStems(f.q.unit, f.core);
  SortUnique(f.core);
  // The measure's words before its counted noun narrow it.
  if (!IsCurrency(f.q.unit) && !f.q.unit.empty()) {
    const size_t noun = (" " + f.q.measure + " ").find(" " + f.q.unit + " ");
    if (noun != std::string::npos && noun > 0) AddStems(std::string_view(f.q.measure).substr(0, noun), f.modifiers);
  }
  SortUnique(f.modifiers);
  f.whole = (" " + f.q.measure + " ").find(" in all ") != std::string::npos;
  f.changed = ChangedThing(f.q);
  f.part = PartListed(lead) || f.q.measure.ends_with(" in part");
  {
    // An estimate word among the last words of its clause before it.
    const std::vector<WordToken>& words = lead.words;
    size_t edge = lead.text.size();
    for (size_t k = words.size(), n = 0; k-- > 0 && n < kEstimateReach; ++n) {
      if (BreaksClause(std::string_view(lead.text).substr(words[k].end, edge - words[k].end))) break;
      edge = words[k].begin;
      if (lexicon::In(lexicon::kEstimateWords, words[k].folded)) {
        f.estimate = true;
        break;
      }
    }
  }
  const size_t from = lead.sentence.start, to = lead.sentence.end;
  // The words of the figures beside it are theirs.
  size_t own_from = from, own_to = to;
  for (const Quantity& other : a.quantities) {
    if (other.span.end <= f.q.span.start) own_from = std::max(own_from, other.span.end);
    if (other.span.start >= f.q.span.end) own_to = std::min(own_to, other.span.start);
  }
  const std::string& before = lead.text;
  const std::string after = view.Slice(f.q.span.end, to);
  f.running = RunningTotal(view.Slice(own_from, f.q.span.start), view.Slice(f.q.span.end, own_to));
  // "The records of 226,000 patients were stolen, ..., more than it first
  // reported": a revision of a count given before, anywhere in the sentence.
  // Tokenized only when its folded text holds the first word of one of the
  // phrases (most sentences hold none).
  const auto may_revise = [](std::string_view folded) {
    return std::any_of(std::begin(lexicon::kRunningWordsRevised), std::end(lexicon::kRunningWordsRevised),
                       [&](std::string_view phrase) {
                         return folded.find(phrase.substr(0, phrase.find(' '))) != std::string_view::npos;
                       });
  };
  if (!f.running && may_revise(FoldCase(view.Slice(from, to)))) {
    const std::vector<WordToken> w = Tokenize(view.Slice(from, to));
    for (size_t k = 0; k + 1 < w.size() && !f.running; ++k) {
      f.running = lexicon::In(lexicon::kRunningWordsRevised, w[k].folded + " " + w[k + 1].folded);
    }
  }
  for (const Quantity& other : a.quantities) {
    if (other.span.start < f.q.span.end || other.span.start >= to || other.unit != f.q.unit) continue;
    std::string between = FoldCase(view.Slice(f.q.span.end, other.span.start));
    std::erase_if(between, [](char c) { return c == ','; });
    const std::vector<WordToken> w = Tokenize(between);
    if ((w.size() == 2 || (w.size() == 3 && w[2].folded == "the")) &&
        (w[0].folded == "down" || w[0].folded == "up") && w[1].folded == "from") {
      f.changed_from = Middle(other);
    }
    break;
  }
  f.frame = f.core;
  AddStems(f.q.text, f.frame);
  AddQualifiers(f.attribute, f.qualifiers);
  AddQualifiers(f.q.text, f.qualifiers);
  FrameWords words;
  FrameOptions options;
  options.skip_names = true;
  options.own_bytes = view.Slice(own_from, f.q.span.start).size();
  AddFrameWords(before, /*backward=*/true, options, words);
  options.own_bytes = view.Slice(f.q.span.end, own_to).size();
  AddFrameWords(after, /*backward=*/false, options, words);
  f.frame.insert(f.frame.end(), words.stems.begin(), words.stems.end());
  for (const std::string& w : words.words) {
    if (std::string event = EventOf(w); !event.empty()) f.events.push_back(std::move(event));
  }
  SortUnique(f.events);
  f.qualifiers.insert(f.qualifiers.end(), words.qualifiers.begin(), words.qualifiers.end());
  SortUnique(f.frame);
  SortUnique(f.qualifiers);
}

// The folded words [first, head] of a figure's lead, joined by spaces: a
// noun phrase naming a thing. "" when a word of it is inside an entity
// mention (a name).
std::string PhraseUnlessNamed(const AnnotatedArticle& a, const FigureLead& lead, size_t first, size_t head) {
  const std::vector<WordToken>& words = lead.words;
  const std::string_view text = lead.text;
  const size_t phrase_start = lead.sentence.start + CountCodePoints(text.substr(0, words[first].begin));
  const size_t phrase_end = lead.sentence.start + CountCodePoints(text.substr(0, words[head].end));
  for (const EntityMention& m : a.entities) {
    if (m.span.start < phrase_end && phrase_start < m.span.end) return "";
  }
  std::string out;
  for (size_t w = first; w <= head; ++w) {
    if (!out.empty()) out += ' ';
    out += words[w].folded;
  }
  return out;
}

// The thing a sum is of when its own verb names it and the verb's subject
// is a common noun phrase: "The film cost $42m to make" (film), "repairs
// will cost £2.4m" (repairs), "The stand, which cost £9m," (stand). ""
// when the verb is not the sum's measure (lexicons/measure_groups.txt) or
// its subject is a name, a pronoun or no noun phrase.
std::string ThingOf(const AnnotatedArticle& a, const FigureLead& lead, const std::string& measure) {
  const std::vector<WordToken>& words = lead.words;
  const auto gap = [&](size_t k) { return lead.Gap(k); };
  const auto spaces = OnlySpaces;
  if (words.empty() || !spaces(gap(words.size() - 1))) return "";
  size_t k = words.size() - 1;
  if (lexicon::Find(lexicon::kMeasureGroups, words[k].folded) != measure) return "";
  // Back over auxiliaries and modals ("will", "would have").
  while (k > 0 && spaces(gap(k - 1)) && lexicon::In(lexicon::kAuxiliaries, words[k - 1].folded)) --k;
  if (k == 0) return "";
  size_t head = k - 1;
  // A relative clause's antecedent: "The stand, which cost".
  if ((words[head].folded == "which" || words[head].folded == "that") && head > 0) {
    const std::string_view g = gap(head - 1);
    if (!spaces(g) && g.find_first_not_of(", ") != std::string_view::npos) return "";
    --head;
  } else if (!spaces(gap(head))) {
    return "";
  }
  const auto name_like = [&](size_t w) { return words[w].capitalised && !words[w].sentence_initial && w > 0; };
  const auto content = [&](size_t w) {
    return words[w].has_letter && !IsStopWord(words[w].folded) && !name_like(w) &&
           !lexicon::In(lexicon::kDeterminers, words[w].folded) &&
           !lexicon::In(lexicon::kPronounsFigure, words[w].folded);
  };
  if (!content(head)) return "";
  size_t first = head;
  while (first > 0 && head - first + 1 < kMaxThingWords && spaces(gap(first - 1)) && content(first - 1)) --first;
  // The phrase opens its sentence or clause, or follows a determiner.
  const bool opens = first == 0 || !spaces(gap(first - 1)) || words[first - 1].folded == "that";
  const bool determined =
      first > 0 && spaces(gap(first - 1)) && lexicon::In(lexicon::kDeterminersOwner, words[first - 1].folded);
  if (!opens && !determined) return "";
  return PhraseUnlessNamed(a, lead, first, head);
}

// The thing a count no one owns is the size of, when a relative clause set
// off after it says so with a verb of holding (lexicons/holding_verbs.txt):
// "the university's seven halls, which house 4,600 students" (halls), "the
// stadium, which holds 30,000 fans" (stadium). "" otherwise, and when the
// antecedent is a name.
std::string HolderOf(const AnnotatedArticle& a, const FigureLead& lead) {
  const std::vector<WordToken>& words = lead.words;
  const auto gap = [&](size_t k) { return lead.Gap(k); };
  const auto spaces = OnlySpaces;
  if (words.size() < 3) return "";
  const size_t verb = words.size() - 1;
  if (!spaces(gap(verb)) || !lexicon::In(lexicon::kHoldingVerbs, words[verb].folded)) return "";
  const size_t rel = verb - 1;
  if ((words[rel].folded != "which" && words[rel].folded != "that") || !spaces(gap(rel))) return "";
  const std::string_view comma = gap(rel - 1);
  if (comma.find(',') == std::string_view::npos || comma.find_first_not_of(", ") != std::string_view::npos) return "";
  const size_t head = rel - 1;
  const auto content = [&](size_t w) {
    return words[w].has_letter && !words[w].capitalised && !IsStopWord(words[w].folded) &&
           !lexicon::In(lexicon::kDeterminers, words[w].folded) &&
           !lexicon::In(lexicon::kPronounsFigure, words[w].folded) &&
           !lexicon::In(lexicon::kNumberWords, words[w].folded);
  };
  if (!content(head)) return "";
  size_t first = head;
  while (first > 0 && head - first + 1 < kMaxThingWords && spaces(gap(first - 1)) && content(first - 1)) --first;
  return PhraseUnlessNamed(a, lead, first, head);
}

// Whether a figure is set in a wider world than one story's event: a
// national or sector scope (lexicons/count_scopes.txt tag wider), as whole
// words, in the figure's own clause ("against a national average of 27 per
// cent", "kills around 30 people a year in the country") or opening its
// sentence ("Across the sector, universities have announced 10,000 job
// cuts"); the sentence's other clauses may be the story's own ("38 per cent
// of patients had waited ..., against a national average").
bool InWiderWorld(const TextView& view, Span sentence, const Quantity& q) {
  const std::string before = view.Slice(sentence.start, q.span.start);
  const std::string after = view.Slice(q.span.end, sentence.end);
  constexpr std::string_view kClauseMarks = ",;:()";
  const size_t from = before.find_last_of(kClauseMarks);
  const size_t to = after.find_first_of(kClauseMarks);
  const std::string clause = " " +
                             FoldCase(before.substr(from == std::string::npos ? 0 : from + 1) + " " + q.text + " " +
                                      after.substr(0, to)) +
                             " ";
  const std::string opening = " " + FoldCase(before.substr(0, before.find_first_of(kClauseMarks))) + " ";
  const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  const auto holds = [&](const std::string& text, std::string_view phrase, bool at_start) {
    for (size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) {
      if (letter(text[at - 1]) || letter(text[at + phrase.size()])) continue;
      if (!at_start || text.find_first_not_of(' ') == at) return true;
    }
    return false;
  };
  for (std::string_view phrase : lexicon::kCountScopesWider) {
    if (holds(clause, phrase, false) || holds(opening, phrase, true)) return true;
  }
  return false;
}

// Whether a figure's measure ends in a word that makes it the value
// something is held against, a rule's or a plan's ("below the 60mph
// limit", "the council's own target of 35 per cent": lexicons/
// count_scopes.txt, tag reference).
bool NamesReference(const std::string& measure) {
  const size_t space = measure.rfind(' ');
  return lexicon::In(lexicon::kCountScopesReference,
                     space == std::string::npos ? measure : measure.substr(space + 1));
}

// Whether a figure's time `when` ("2016", "2020-02") is that of an event of
// an earlier year than the article's `published`: a year before its own,
// or a month of an earlier year more than kEarlierMonthGap months before
// it ("in February 2020, when 410 homes were flooded"; "In December" read
// in a January paper is the story's own last month).
bool EarlierYearsEvent(const std::string& when, const std::string& published) {
  constexpr int kEarlierMonthGap = 3;
  if ((when.size() != 4 && when.size() != 7) || published.size() < 7 || when.substr(0, 4) >= published.substr(0, 4)) {
    return false;
  }
  if (when.size() == 4) return true;
  const auto number = [](std::string_view digits) {
    int v = -1;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    return error == std::errc() && end == digits.data() + digits.size() ? v : -1;
  };
  const auto months = [&](std::string_view d) {
    const int y = number(d.substr(0, 4)), m = number(d.substr(5, 2));
    return y < 0 || m < 0 ? -1 : y * 12 + m;
  };
  const int then = months(when), now = months(published);
  return then >= 0 && now >= 0 && now - then > kEarlierMonthGap;
}

// Whether a figure states a bound set by a rule or a law rather than what
// happened: a radius ("within five kilometres of an airport",
// lexicons/length_units.txt; "within 10 minutes of the call" is what
// happened) or the most a court may impose ("faces up to five years in
// prison").
bool RuleBound(const TextView& view, Span sentence, const Quantity& q) {
  const std::string lead = FoldCase(view.Slice(sentence.start, q.span.start));
  const std::string after = FoldCase(view.Slice(q.span.end, std::min(sentence.end, q.span.end + 4)));
  if (lead.ends_with("within ") && after.starts_with(" of ") && lexicon::In(lexicon::kLengthUnits, q.unit)) return true;
  for (std::string_view cap : {"face up to ", "faces up to ", "facing up to ", "faced up to "}) {
    if (lead.ends_with(cap)) return true;
  }
  return false;
}

// The person a figure the language layer gave no owner is said of, when
// its own clause names one before it as who did or has it: "Peyton Manning
// completed 29 of 34 passes for 364 yards", "He has 53 catches for 605
// yards", "his team led by 18 points". Such a figure is that person's, not
// the story's event's, even where no grammar tied it to them. Returns the
// person's story entity as "e<index>", "?" for a personal pronoun (a
// person, not known which), "" when the clause names none. Read back from
// the figure to its clause's start, a subordinator ("that", "when"), a
// relative pronoun ("Palin, whose church burned in minus 20 degrees") or a
// verb of saying: a speaker ("Alishbandi said five villages were hit", "the
// governor told the agency three people died") reports the figure, and it
// stays the event's.
std::string ActorOf(const AnnotatedArticle& a, EntityIndex& entities, size_t ai, const FigureLead& lead) {
  const std::vector<WordToken>& words = lead.words;
  const std::string_view text = lead.text;
  for (size_t k = words.size(); k-- > 0;) {
    if (BreaksClause(lead.Gap(k))) break;
    const std::string& w = words[k].folded;
    if (w == "that" || lexicon::In(lexicon::kSubordinatorsLinks, w) ||
        lexicon::In(lexicon::kReportingVerbsSubject, w) || lexicon::In(lexicon::kParentheticalOpenersRelative, w)) {
      break;
    }
    if (lexicon::In(lexicon::kPronounsPerson, w)) return "?";
    const size_t at = lead.sentence.start + CountCodePoints(text.substr(0, words[k].begin));
    for (const EntityMention& m : a.entities) {
      if (m.type != "PERSON" || at < m.span.start || at >= m.span.end) continue;
      const std::optional<size_t> e = entities.Lookup(ai, m.entity, "");
      return e ? "e" + std::to_string(*e) : "?";
    }
  }
  return "";
}

// Whether two counts no one owns are said of different people (ActorOf),
// or one of a person and the other of the story's event: "Manning
// completed 29 of 34 passes" and "Garrard completed 28 of 41 passes" are
// two players' figures, "He has 53 catches for 605 yards" someone's, never
// the event's "the Chiefs rushed for over 350 yards". Such figures are
// never set against each other.
bool OtherActors(const Figure& f, const Figure& g) {
  if (f.entity || g.entity) return false;
  return f.actor != g.actor || f.actor == "?";
}

std::string WindowOf(const FigureLead& lead, std::string_view tail);

// Whether two percentages are of two places their clauses name ("59% of
// communications with Singapore" / "about 70 percent of the communications
// network in India"): a share of one place's traffic, vote or homes is no
// share of another's. A percentage naming no place may be either's.
bool OtherPlaces(const Figure& f, const Figure& g) {
  return !f.place.empty() && !g.place.empty() && f.place != g.place;
}

// The nearest place a figure's own clause names (Figure::place).
std::string PlaceOf(const AnnotatedArticle& a, EntityIndex& entities, size_t ai, const TextView& view,
                    Span sentence, const Quantity& q) {
  constexpr size_t kPlaceReach = 60;  // code points: "of voice traffic capability to Europe"
  std::string best;
  size_t best_gap = kPlaceReach + 1;
  for (const EntityMention& m : a.entities) {
    if (m.type != "PLACE" || m.span.start < sentence.start || m.span.end > sentence.end) continue;
    const bool after = m.span.start >= q.span.end;
    if (!after && m.span.end > q.span.start) continue;
    const size_t gap = after ? m.span.start - q.span.end : q.span.start - m.span.end;
    if (gap >= best_gap) continue;
    const std::string between = after ? view.Slice(q.span.end, m.span.start) : view.Slice(m.span.end, q.span.start);
    if (BreaksClause(between)) continue;
    const std::optional<size_t> e = entities.Lookup(ai, m.entity, "");
    if (!e) continue;
    best = "e" + std::to_string(*e);
    best_gap = gap;
  }
  return best;
}

// The first words after a figure, read up to `read_bytes` bytes; none when
// a clause break comes before the first.
std::vector<WordToken> WordsRightAfter(std::string_view tail, size_t read_bytes) {
  std::vector<WordToken> words = Tokenize(tail.substr(0, std::min(tail.size(), read_bytes)));
  if (!words.empty() && BreaksClause(tail.substr(0, words[0].begin))) words.clear();
  return words;
}

// Whether the words right after a length of time make it a point in time
// (lexicons/time_offsets.txt: "later", "left", "to go"), unless "than"
// follows ("two years later than planned" is a delay).
bool TimeOffset(std::string_view tail) {
  constexpr size_t kReadBytes = 30;  // "later than", "to go", with room for spaces
  const std::vector<WordToken> words = WordsRightAfter(tail, kReadBytes);
  if (words.empty()) return false;
  if (words.size() > 1 && words[1].folded == "than") return false;
  if (lexicon::In(lexicon::kTimeOffsets, words[0].folded)) return true;
  return words.size() > 1 && lexicon::In(lexicon::kTimeOffsets, words[0].folded + " " + words[1].folded);
}

// Whether a count is a point counted from another ("second in the
// division, eleven games later", "two laps earlier"): "later" or "earlier"
// right after it (lexicons/time_offsets.txt, tag count) closes its phrase
// (nothing after, a clause break, or a clause joined by "and" or "but").
// Not "Two fans later died": "later" then times the verb after it, and the
// count is what died.
bool CountOffset(std::string_view tail) {
  constexpr size_t kReadBytes = 24;  // "earlier and", with room for spaces
  const std::vector<WordToken> words = WordsRightAfter(tail, kReadBytes);
  if (words.empty() || !lexicon::In(lexicon::kTimeOffsetsCount, words[0].folded)) return false;
  if (words.size() == 1) return true;
  return BreaksClause(tail.substr(words[0].end, words[1].begin - words[0].end)) || words[1].folded == "and" ||
         words[1].folded == "but";
}

// A past period named from the article's day ("Last season, as a rookie,
// he ran for 812 yards", "scored 14 goals last year") that no date of the
// date annotator covers (the article has no date, or the period has no
// calendar value: a season, a term), as "last season"; "" when the
// figure's clause names none. Such a figure holds in that period, not on
// its article's day; which period that is depends on the day (SameTime:
// RelativePeriod). Not a span a determiner or possessive opens ("the last
// two seasons", "his last season": WindowOf's), nor a noun's modifier
// ("last year's winner").
std::string RelativePastPeriod(const AnnotatedArticle& a, const FigureLead& lead, std::string_view tail) {
  const auto period = [](std::string_view w) {
    return w == "year" || lexicon::In(lexicon::kTimeWordsPeriod, w);
  };
  const auto dated = [&](size_t start_cp) {
    return std::any_of(a.dates.begin(), a.dates.end(),
                       [&](const DateMention& d) { return d.span.start <= start_cp && start_cp < d.span.end; });
  };
  constexpr size_t kReadBytes = 60;
  const std::string_view near = tail.substr(0, std::min(tail.size(), kReadBytes));
  const auto names_last = [](std::string_view text) {
    return text.find("last") != std::string_view::npos || text.find("Last") != std::string_view::npos;
  };
  if (!names_last(lead.text) && !names_last(near)) return "";  // most sentences: no word to read
  // Before the figure, in its own clause: not past a semicolon, nor past a
  // clause a conjunction opens after a break ("Last season he was hurt, but
  // this year he scored 14": the 14 is this year's). A participle's phrase
  // is the clause's ("Last season, ..., posting 812 yards").
  const std::vector<WordToken>& words = lead.words;
  size_t from = 0;
  for (size_t k = 1; k < words.size(); ++k) {
    const std::string_view gap = lead.Gap(k - 1);
    if (gap.find(';') != std::string_view::npos ||
        (BreaksClause(gap) && lexicon::In(lexicon::kSubordinatorsSubject, words[k].folded))) {
      from = k;
    }
  }
  for (size_t k = from; k + 1 < words.size(); ++k) {
    if (words[k].folded != "last" || !period(words[k + 1].folded)) continue;
    if (k > 0 && (lexicon::In(lexicon::kDeterminers, words[k - 1].folded) ||
                  lexicon::In(lexicon::kPronouns, words[k - 1].folded))) {
      continue;
    }
    const std::string_view after = lead.Gap(k + 1);
    if (after.starts_with("'s") || after.starts_with("\xE2\x80\x99s")) continue;
    if (dated(lead.sentence.start + CountCodePoints(std::string_view(lead.text).substr(0, words[k].begin)))) continue;
    return "last " + words[k + 1].folded;
  }
  // After it, within its clause ("posted 812 yards last season").
  if (!names_last(near)) return "";
  const std::vector<WordToken> next = Tokenize(near);
  size_t edge = 0;
  for (size_t k = 0; k + 1 < next.size(); ++k) {
    if (BreaksClause(near.substr(edge, next[k].begin - edge))) break;
    edge = next[k].end;
    if (next[k].folded != "last" || !period(next[k + 1].folded)) continue;
    if (k > 0 && (lexicon::In(lexicon::kDeterminers, next[k - 1].folded) ||
                  lexicon::In(lexicon::kPronouns, next[k - 1].folded))) {
      continue;
    }
    const std::string_view rest = near.substr(next[k + 1].end);
    if (rest.starts_with("'s") || rest.starts_with("\xE2\x80\x99s")) continue;
    return "last " + next[k + 1].folded;
  }
  return "";
}

// Whether a "when" clause in the words after a figure ties it to a moment
// of the story's event (Figure::at_moment). The "when" must come before any
// verb of saying: "..., the operator said when asked" dates the saying.
bool AtMoment(std::string_view tail) {
  for (const WordToken& w : Tokenize(tail)) {
    if (w.folded == "when") return true;
    if (lexicon::In(lexicon::kReportingVerbsSubject, w.folded)) return false;
  }
  return false;
}

// Whether the text between a name and a figure after it keeps them in one
// clause: no dash or semicolon, and no "and" or "but" opening another
// clause ("the board dismissed Ivo Marsh on Friday - and he leaves with
// £400,000"). A relative clause ("Ivo Marsh, whose £2.1m bonus") is the
// name's own.
bool SameClause(std::string_view between) {
  if (between.find(';') != std::string_view::npos || between.find(" - ") != std::string_view::npos ||
      between.find("\u2013") != std::string_view::npos || between.find("\u2014") != std::string_view::npos) {
    return false;
  }
  for (const WordToken& t : Tokenize(between)) {
    if (t.folded == "and" || t.folded == "but") return false;
  }
  return true;
}

// Whether the digits that open a figure continue a clock time or a score
// ("23:51", "at 10: 30 people gathered", "won 3:1"): the digits after a
// colon are minutes or a side's score, never a count.
bool AfterColonDigits(const TextView& view, const Quantity& q) {
  constexpr size_t kLookBack = 3;  // ":" and at most one space, then a digit
  if (q.text.empty() || !std::isdigit(static_cast<unsigned char>(q.text[0]))) return false;
  std::string before = view.Slice(q.span.start > kLookBack ? q.span.start - kLookBack : 0, q.span.start);
  if (!before.empty() && before.back() == ' ') before.pop_back();
  return before.size() >= 2 && before.back() == ':' &&
         std::isdigit(static_cast<unsigned char>(before[before.size() - 2]));
}

// Whether the digits that open a figure follow a name's word right before
// them ("in IE 9 versions", "a Boeing 747", "the Apollo 13 astronauts"): a
// capitalised word inside the sentence, only a space between, that opens a
// noun phrase (after a determiner, a preposition or "and") is a name the
// number is part of (a model, a route, a mission), not what it counts. After
// a verb the name is an object of its own ("gives Congress 60 days").
bool NumberInName(const AnnotatedArticle& a, const TextView& view, const Quantity& q, const FigureLead& figure_lead) {
  if (q.text.empty() || !std::isdigit(static_cast<unsigned char>(q.text[0]))) return false;
  const Span sentence = figure_lead.sentence;
  const std::string& lead = figure_lead.text;
  if (lead.empty() || lead.back() != ' ') return false;
  const std::vector<WordToken>& words = figure_lead.words;
  if (words.empty() || words.back().end + 1 != lead.size()) return false;
  const WordToken& w = words.back();
  if (!w.capitalised || w.sentence_initial || words.size() == 1) return false;
  const std::string& opener = words[words.size() - 2].folded;
  if (!lexicon::In(lexicon::kDeterminers, opener) && !lexicon::In(lexicon::kPrepositions, opener) &&
      opener != "and" && opener != "or") {
    return false;
  }
  // "Brisco's 6,100 staff": an owner's count, not a name's number.
  const std::string_view upto = std::string_view(lead).substr(0, w.end);
  if (upto.ends_with("'s") || upto.ends_with("\xE2\x80\x99s")) return false;
  // A month is a date's ("since March 11 ..."), whether or not the date
  // annotator read it; so is any word of a date it found.
  if (!lexicon::Find(lexicon::kMonthNames, w.folded).empty()) return false;
  const size_t word_start = sentence.start + CountCodePoints(std::string_view(lead).substr(0, w.begin));
  if (std::any_of(a.dates.begin(), a.dates.end(),
                  [&](const DateMention& d) { return d.span.start <= word_start && word_start < d.span.end; })) {
    return false;
  }
  // A place or a person is no name a number is part of: "In Harwick 5,000
  // people joined the march" counts the town's marchers.
  const bool place_or_person = std::any_of(a.entities.begin(), a.entities.end(), [&](const EntityMention& m) {
    return (m.type == "PLACE" || m.type == "PERSON" || m.type == "GPE" || m.type == "LOC") &&
           m.span.start <= word_start && word_start < m.span.end;
  });
  if (place_or_person) return false;
  // Nor are digits a name's when a noun of what news counts follows them
  // ("Harwick 5,000 people"), unlike a product's "versions".
  const std::vector<WordToken> rest = Tokenize(view.Slice(q.span.start, sentence.end));
  const auto noun = std::find_if(rest.begin(), rest.end(), [](const WordToken& t) { return t.has_letter; });
  return noun == rest.end() || !lexicon::In(lexicon::kCountNouns, noun->folded);
}

std::vector<Figure> CollectFigures(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
                                   const Story& story, const std::vector<std::vector<Quantity>>& extra) {
  std::vector<Figure> out;
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle& a = *members[ai];
    const TextView view(a);
    std::vector<const Quantity*> quantities;  // the annotation's and the extra ones, not copied
    for (const Quantity& q : a.quantities) quantities.push_back(&q);
    if (ai < extra.size()) {
      for (const Quantity& q : extra[ai]) quantities.push_back(&q);
    }
    for (const Quantity* qp : quantities) {
      const Quantity& q = *qp;
      // Words in quotation marks are the speaker's, not the outlet's
      // statement of fact ("they'll spend it on two loan players").
      const bool quoted = std::any_of(a.quotes.begin(), a.quotes.end(), [&](const Quote& quote) {
        return quote.kind == "direct" && quote.span.start <= q.span.start && q.span.end <= quote.span.end;
      });
      // "one customer said": one of something, named in the singular, is
      // who speaks, not a figure.
      if (quoted || (q.value == 1 && !q.unit.ends_with("s") && q.measure != "age" && !IsCurrency(q.unit))) continue;
      // Nor are the minutes of a clock time or a number of a name.
      const FigureLead lead = LeadOf(a, view, q);
      if (AfterColonDigits(view, q) || NumberInName(a, view, q, lead)) continue;
      Figure f;
      f.q = q;
      f.article = ai;
      if (!q.subject.empty()) f.entity = entities.Lookup(ai, q.subject, "");
      f.attribute = AttributeOf(q);
      if (f.attribute == "age" && (!f.entity || story.entities[*f.entity].type != "PERSON")) continue;
      // Nothing said of what it measures and no owner: nothing to compare.
      if (f.attribute.empty() || (f.attribute == "amount" && !f.entity && q.thing.empty())) continue;
      // A national or sector statistic ("kills around 30 people a year in
      // the country") is no figure of the story's event.
      const Span sentence = lead.sentence;
      if (!f.entity && q.thing.empty() && InWiderWorld(view, sentence, q)) continue;
      // A limit, a target or a threshold no one is said to hold nor any
      // thing to have is a rule's or a plan's, which the sentence does not
      // name; it is no figure of the story's event.
      if (!f.entity && q.thing.empty() && NamesReference(q.measure)) continue;
      if (!f.entity && RuleBound(view, sentence, q)) continue;

      f.scale = ScaleOf(q);
      f.when = WhenOf(a, view, q);
      f.published = a.article.published;
      // Today, or this year ("a deficit of £15.2 million this year"), is
      // when a figure stated with no time holds too.
      if ((f.when == f.published && !DatedBy(a, view, q, f.when)) ||
          (f.when.size() == 4 && f.published.rfind(f.when, 0) == 0)) {
        f.when.clear();
      }
      // The story's own event in an earlier year is another event ("a 2016
      // pilot study enrolled 88 patients"): whose it is, is unknown.
      if (!f.entity && f.attribute != "age" && EarlierYearsEvent(f.when, f.published)) continue;
      // An age holds for a year: only an earlier year sets it apart ("made
      // his debut in 2019, aged 18", "as a 17-year-old"), not the day of
      // the sentence's event; "Name, 54," and "the 54-year-old" are ages now.
      if (f.attribute == "age") {
        const std::string before = FoldCase(view.Slice(q.span.start > 6 ? q.span.start - 6 : 0, q.span.start));
        const bool then = q.text.rfind("aged", 0) == 0 || before.ends_with("as a ") || before.ends_with(" at ");
        const bool at_event = f.when.rfind("at ", 0) == 0;
        if ((f.when.size() > 4 && !at_event) || !then) f.when.clear();
        // "who joined the company as a 22-year-old": undated, but an age at
        // what the clause's verb says happened, not today's.
        if (then && f.when.empty()) {
          const std::string clause = view.Slice(sentence.start, q.span.start);
          const std::vector<WordToken> words = Tokenize(clause.substr(std::min(clause.size(), clause.rfind(',') + 1)));
          for (size_t k = words.size(); k-- > 0;) {
            const std::string& w = words[k].folded;
            if (!words[k].capitalised && w.size() > 4 && w.ends_with("ed")) {
              f.when = "at " + (lexicon::Find(lexicon::kEventFamilies, w).empty()
                                    ? w
                                    : std::string(lexicon::Find(lexicon::kEventFamilies, w)));
              break;
            }
          }
        }
        // Shown as what it is: "age at debut", never beside today's age.
        if (f.when.rfind("at ", 0) == 0) f.attribute = "age " + f.when;
      }
      f.evidence = view.SentenceAt(q.span.start);
      f.tail = view.Slice(q.span.end, sentence.end);
      if (f.when.empty() && f.attribute != "age") f.when = RelativePastPeriod(a, lead, f.tail);
      f.terms = IndexTerms(f.evidence);
      std::sort(f.terms.begin(), f.terms.end());
      f.terms.erase(std::unique(f.terms.begin(), f.terms.end()), f.terms.end());
      f.value = FigureValueText(q);
      // The thing the figure's phrase names ("a restoration appeal with a
      // target of £5.4m"), else the one a sum's own verb names.
      if (!f.entity && !q.thing.empty()) {
        f.thing = q.thing;
      } else if (!f.entity && IsCurrency(f.scale)) {
        f.thing = ThingOf(a, lead, f.attribute);
      } else if (!f.entity && q.unit != "percent") {
        f.thing = HolderOf(a, lead);  // "the halls, which house 4,600 students"
      }
      SetFrame(f, a, view, lead);
      // Counts only: a sum or a share "this year" is the year's, which an
      // outlet giving it with no time means too ("a deficit of £15.2m this
      // year" / "a £12.5m hole in its budget").
      if (QuantityKind(q) == "count") f.window = WindowOf(lead, f.tail);
      if (q.unit == "percent") f.place = PlaceOf(a, entities, ai, view, sentence, q);
      f.offset = IsTimeUnit(q.unit) ? TimeOffset(f.tail) : QuantityKind(q) == "count" && CountOffset(f.tail);
      f.at_moment = AtMoment(f.tail);
      f.ongoing = OngoingLength(f);
      // Counts only: a sum's clause names who paid, sold or signed, not whose
      // sum it is ("Lindqvist joined for a fee of £62m" is the transfer's).
      // Nor a contest's margin, told alike of its winner and its loser ("won
      // by 14 votes", "lost by 17 votes").
      if (!f.entity && QuantityKind(q) == "count" && !f.attribute.ends_with(" margin")) {
        f.actor = ActorOf(a, entities, ai, lead);
      }
      for (const Quantity* other : quantities) {
        const std::string kind = QuantityKind(*other);
        if (other->span.start == q.span.start || kind.empty() || other->span.start < sentence.start ||
            other->span.end > sentence.end) {
          continue;
        }
        f.beside.emplace_back(kind, Middle(*other));
      }
      std::sort(f.beside.begin(), f.beside.end());
      for (const EntityMention& m : a.entities) {
        if (m.span.start < sentence.start || m.span.end > sentence.end) continue;
        const std::optional<size_t> e = entities.Lookup(ai, m.entity, "");
        if (!e) continue;
        f.named.push_back(*e);
        if (m.span.end <= q.span.start && SameClause(view.Slice(m.span.end, q.span.start))) f.leading.push_back(*e);
      }
      out.push_back(std::move(f));
    }
  }
  return out;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  for (size_t at = 0; at < s.size();) {
    size_t sp = s.find(' ', at);
    if (sp == std::string::npos) sp = s.size();
    out.push_back(s.substr(at, sp - at));
    at = sp + 1;
  }
  return out;
}

// True when every word of `narrow` is in `wide`.
bool WordsWithin(const std::string& narrow, const std::string& wide) {
  const std::vector<std::string> w = Words(wide);
  for (const std::string& x : Words(narrow)) {
    if (std::find(w.begin(), w.end(), x) == w.end()) return false;
  }
  return true;
}

// Whether every word `attribute` adds to f's own is said beside f (a stem
// among its frame: its clause, not past another figure).
bool Said(const std::string& attribute, const Figure& f) {
  const std::vector<std::string> own = Words(f.attribute);
  for (const std::string& w : Words(attribute)) {
    if (std::find(own.begin(), own.end(), w) != own.end() || w == "in" || w == "all") continue;
    if (!std::binary_search(f.frame.begin(), f.frame.end(), Stem(w))) return false;
  }
  return true;
}

// A thing named by its head noun alone is the one thing of the story named
// more fully with that head ("the ship's 22 crew" / "the container ship's
// 24 crew"; "the appeal" / "the restoration appeal"): each figure of it
// takes the fuller name when exactly one such name is given, so outlets'
// figures of it are compared. Two fuller names ("cargo ship", "container
// ship") leave the short one alone: it may be either.
void JoinThings(std::vector<Figure>& figures) {
  std::set<std::string> things;
  for (const Figure& f : figures) {
    if (!f.thing.empty()) things.insert(f.thing);
  }
  std::map<std::string, std::string> fuller;  // short name -> the one fuller name
  for (const std::string& t : things) {
    const std::string head = Words(t).back();
    std::vector<std::string> wider;
    for (const std::string& u : things) {
      if (u != t && Words(u).back() == head && WordsWithin(t, u)) wider.push_back(u);
    }
    if (wider.size() == 1) fuller[t] = wider.front();
  }
  for (Figure& f : figures) {
    if (auto it = fuller.find(f.thing); it != fuller.end()) f.thing = it->second;
  }
}

// "37 homes" joins "homes destroyed" when that is the only thing more
// specific said of homes with the same owner and scale.
void JoinUnderspecified(std::vector<Figure>& figures) {
  // How many figures of each (owner, scale) state each attribute, kept
  // current as figures join, so each figure is compared with the distinct
  // attributes of its owner and scale rather than with every figure.
  using Key = std::pair<std::optional<size_t>, std::string>;
  std::map<Key, std::map<std::string, size_t>> attributes;
  for (const Figure& f : figures) ++attributes[{f.entity, f.scale}][f.attribute];
  // The attributes each sentence states: a bare count beside a specific one
  // of the same noun counts something else ("a train carrying 86 people
  // derailed, injuring 14 people": 86 are not the injured).
  std::set<std::tuple<size_t, size_t, std::string>> stated;  // (article, sentence hash, attribute)
  const auto sentence = [](const Figure& f) { return std::hash<std::string>{}(f.evidence); };
  for (const Figure& f : figures) stated.emplace(f.article, sentence(f), f.attribute);
  for (Figure& f : figures) {
    if (f.attribute == "age" || f.attribute == "amount") continue;
    // A sum of the story's own named only by a generic word ("fee") is not
    // taken for a specific one ("break fee"): two sums of one deal differ.
    if (IsCurrency(f.scale) && !f.entity && lexicon::In(lexicon::kSumWordsGeneric, f.attribute)) continue;
    std::map<std::string, size_t>& same = attributes[{f.entity, f.scale}];
    std::set<std::string> wider;
    for (const auto& [attribute, count] : same) {
      // Not into a margin, a whole or a part: those are other figures.
      if (count > 0 && attribute != f.attribute && WordsWithin(f.attribute, attribute) &&
          attribute.find(" margin") == std::string::npos && attribute.find(" in ") == std::string::npos &&
          !stated.count({f.article, sentence(f), attribute})) {
        wider.insert(attribute);
      }
    }
    // What the wider attribute adds ("treated" of "firefighters treated")
    // must be said beside the bare figure too (Said): "62 firefighters were
    // at the scene" are not the firefighters treated.
    if (wider.size() == 1 && !Said(*wider.begin(), f)) wider.clear();
    if (wider.size() == 1) {
      --same[f.attribute];
      f.joined = true;
      f.attribute = *wider.begin();
      ++same[f.attribute];
    }
  }
}

// Words of a sum's measure that say nothing of which sum it is, and of
// those the ones that do not even say what kind of sum it is (two such sums
// are never set against each other): lexicons/sum_words.txt.

// Whether the words beside two figures, other than what they measure, share
// a stem: "340 stewards had been on duty" and "had only 310 stewards on
// duty"; not "the results of 148 students" and "31 students had seen".
bool SharesContext(const Figure& f, const Figure& g) {
  const auto context = [](const Figure& x) {
    std::vector<std::string> out;
    std::set_difference(x.frame.begin(), x.frame.end(), x.core.begin(), x.core.end(), std::back_inserter(out));
    return out;
  };
  const std::vector<std::string> a = context(f), b = context(g);
  return std::find_first_of(a.begin(), a.end(), b.begin(), b.end()) != a.end();
}

// Whether the sentences of two figures state another figure alike (the
// same kind and value): "Sixty firefighters, with 12 engines, fought the
// flames" and "Eighty firefighters and 12 fire engines fought the blaze"
// tell one thing, however many other words differ.
bool StateOneOtherFigure(const Figure& f, const Figure& g) {
  for (auto i = f.beside.begin(), j = g.beside.begin(); i != f.beside.end() && j != g.beside.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      return true;
    }
  }
  return false;
}

// Whether f's sentence states, beside f, another figure of g's kind and
// value: "sentenced him to seven consecutive life terms and four terms
// without parole" states the "four" another outlet gives, so its seven is
// another of the things it lists, not that outlet's four told otherwise.
// A value f is said to have changed from ("worth £9m, down from the £11m
// agreed") is no other thing: when that sets them apart is after_change's
// (GroupClaims).
bool StatesValueBeside(const Figure& f, const Figure& g) {
  if (f.changed_from && std::fabs(*f.changed_from - Middle(g.q)) <= kSameValue * std::max(1.0, *f.changed_from)) {
    return false;
  }
  return std::binary_search(f.beside.begin(), f.beside.end(), std::pair{QuantityKind(g.q), Middle(g.q)});
}

// Whether two sentences each state another figure of one kind, but no
// other figure alike: "The Focus poll of 1,000 people gave a 3.1 percent
// margin of error" and "The poll of 520 people gave a 4.5 percent margin
// of error" each give a sample and a margin of its own. One writer stating
// two such sentences is listing two things (two polls), not telling one
// fact two ways.
bool ParallelFacts(const Figure& f, const Figure& g) {
  const bool shared_kind = std::any_of(f.beside.begin(), f.beside.end(), [&](const auto& x) {
    return std::any_of(g.beside.begin(), g.beside.end(), [&](const auto& y) { return x.first == y.first; });
  });
  return shared_kind && !StateOneOtherFigure(f, g);
}

// The post a count or a time is given in ("four seasons as the team's
// director of personnel", "nearly four seasons as coach of the Trail
// Blazers": "the team's director", "coach of the"), folded, or "" when the
// words right after the figure are no "as": one post's time or tally is
// never set against a career's ("19 seasons with the 76ers") or another
// post's.
std::string AsPost(const Figure& f) {
  constexpr size_t kPostWords = 3;
  if (!f.tail.starts_with(" as ")) return "";
  std::string post;
  size_t n = 0;
  for (const WordToken& t : Tokenize(std::string_view(f.tail).substr(4))) {
    if (n++ == kPostWords) break;
    post += (post.empty() ? "" : " ") + t.folded;
  }
  return post;
}

// The span a count is counted over when the words right after it bound
// one (lexicons/count_windows.txt: "arrested three times since October",
// "two touchdowns in his last two games"), or the words right before it
// ("played in the past six games"), folded, with the word after the
// opener ("since october", "in his last two", "in the past"); "" when
// none. A count over one span is never set against a count over another
// or over none ("arrested four times" in all): it is a part of it.
std::string WindowOf(const FigureLead& lead, std::string_view tail) {
  constexpr size_t kOpenerWords = 3;  // "in his last"
  const std::vector<WordToken> words = Tokenize(tail.substr(0, std::min<size_t>(tail.size(), 60)));
  if (!words.empty() && !BreaksClause(tail.substr(0, words[0].begin))) {
    std::string phrase;
    for (size_t n = 0; n < std::min(kOpenerWords, words.size()); ++n) {
      phrase += (n ? " " : "") + words[n].folded;
      if (lexicon::In(lexicon::kCountWindows, phrase)) {
        return n + 1 < words.size() ? phrase + " " + words[n + 1].folded : phrase;
      }
    }
  }
  // Read back over the last words before the figure, within its clause.
  std::string phrase;
  for (size_t k = lead.words.size(), n = 0; k-- > 0 && n < kOpenerWords; ++n) {
    if (BreaksClause(lead.Gap(k))) break;
    phrase = lead.words[k].folded + (phrase.empty() ? "" : " " + phrase);
    if (lexicon::In(lexicon::kCountWindows, phrase)) return phrase;
  }
  return "";
}

// Whether two figures are framed alike: over one span ("since October"),
// both or neither a point in time ("three hours later"), and of no two
// places. Matched figures of unlike frames are never compared.
bool SameFrame(const Figure& f, const Figure& g) {
  return f.window == g.window && f.offset == g.offset && !OtherPlaces(f, g);
}

// Whether two incompatible values make a conflict: a sum with no known
// purpose ("amount") never does, and a count of a bare noun ("patients")
// only when the two sentences tell the same thing (they share at least
// kSameFactSimilarity of their content words): "82 patients had a stroke"
// and "11 patients stopped taking it" count different patients.
bool Comparable(const Figure& f, const Figure& g) {
  constexpr double kSameFactSimilarity = 0.2;
  constexpr double kSameEventSimilarity = 0.1;
  if (lexicon::In(lexicon::kSumWordsVague, f.attribute)) {
    return false;
  }
  if (AsPost(f) != AsPost(g) || !SameFrame(f, g)) return false;
  if (f.attribute == "age") return true;
  // A story's vote is one: outlets tell its tally in words that differ
  // ("voted seven to four", "by 7 votes to 5").
  if (Tally(f) && Tally(g)) return true;
  if (IsCurrency(f.scale)) {
    // A sum named by what it is for ("severance", "repair contract") is one
    // thing; a generic one ("fee") of the story's event needs the context.
    const bool generic = lexicon::In(lexicon::kSumWordsGeneric, f.attribute);
    return !generic || f.entity || SentenceSimilarity(f, g) >= kSameEventSimilarity;
  }
  // A count a named thing has ("the zone's 14 streets", "the zone, which
  // covers 16 streets") is that thing's: the thing says which set is
  // counted, as an owner's workforce does, however the sentences go on.
  if (!f.thing.empty() && f.thing == g.thing && f.kind == "count" && g.kind == "count") return true;
  // An owner's workforce or users (lexicons/count_synonyms.txt) is one
  // count however the sentence goes on.
  const auto known_count = [](const Figure& x) {
    return x.entity && !lexicon::Find(lexicon::kCountSynonyms, x.q.measure).empty();
  };
  const bool bare = (f.joined || g.joined || f.attribute.find(' ') == std::string::npos) &&
                    !(known_count(f) && known_count(g));
  // Figures of the story's event name no owner, so their sentences must
  // tell the same thing too ("leads Harrold by fewer than 200 votes" and
  // "won her ward by 312 votes" are two margins).
  const double needed = bare ? kSameFactSimilarity : !f.entity ? kSameEventSimilarity : 0;
  return needed == 0 || SentenceSimilarity(f, g) >= needed || StateOneOtherFigure(f, g);
}

// Sums of one owner and currency whose measures share a specific word are
// one sum ("severance package", "severance deal", "severance"): each takes
// the measure most of them use.
void JoinSums(std::vector<Figure>& figures) {
  std::map<std::tuple<std::optional<size_t>, std::string, std::string>, std::vector<Figure*>> by_owner;
  for (Figure& f : figures) {
    if (IsCurrency(f.scale) && f.attribute != "amount") by_owner[{f.entity, f.thing, f.scale}].push_back(&f);
  }
  for (auto& [key, group] : by_owner) {
    std::vector<std::string> attributes;
    for (const Figure* f : group) {
      if (std::find(attributes.begin(), attributes.end(), f->attribute) == attributes.end()) {
        attributes.push_back(f->attribute);
      }
    }
    UnionFind sets(attributes.size());
    const auto find = [&](size_t i) { return sets.Find(i); };
    // A part ("expenses found in part", "fees in the first year") is
    // another sum than the whole its words name.
    const auto part = [](const std::string& attribute) { return attribute.find(" in ") != std::string::npos; };
    for (size_t i = 0; i < attributes.size(); ++i) {
      const std::vector<std::string> own = Words(attributes[i]);
      for (size_t j = i + 1; j < attributes.size(); ++j) {
        if (part(attributes[i]) || part(attributes[j])) continue;
        const std::vector<std::string> other = Words(attributes[j]);
        for (const std::string& w : own) {
          if (!lexicon::In(lexicon::kSumWordsGeneric, w) &&
              std::find(other.begin(), other.end(), w) != other.end()) {
            sets.Join(i, j);
          }
        }
      }
    }
    std::map<size_t, std::map<std::string, size_t>> uses;  // root -> attribute -> figures
    for (const Figure* f : group) {
      const size_t a = static_cast<size_t>(std::find(attributes.begin(), attributes.end(), f->attribute) -
                                           attributes.begin());
      ++uses[find(a)][f->attribute];
    }
    for (Figure* f : group) {
      const size_t a = static_cast<size_t>(std::find(attributes.begin(), attributes.end(), f->attribute) -
                                           attributes.begin());
      const auto& counts = uses[find(a)];
      std::string best = f->attribute;
      for (const auto& [attribute, n] : counts) {
        const size_t best_n = counts.at(best);
        if (n > best_n || (n == best_n && attribute.size() < best.size())) best = attribute;
      }
      f->attribute = best;
    }
  }
}

// A tally in a sentence that elects one named person before it ("the
// council elected Jane Doe as its leader by 37 votes to 29", "Doe was voted
// in, winning 37 votes to 29": lexicons/election_words.txt before the
// tally) is that election's, not the story's motion: its votes for are the
// person's, its votes against another candidate's (dropped: the sentence
// may not name them). Two people named before it leave it alone.
void ElectedOwners(std::vector<Figure>& figures, const std::vector<const AnnotatedArticle*>& members,
                   EntityIndex& entities, const Story& story) {
  std::vector<bool> drop(figures.size(), false);
  for (size_t i = 0; i < figures.size(); ++i) {
    Figure& f = figures[i];
    if (!Tally(f) || f.entity) continue;
    const AnnotatedArticle& a = *members[f.article];
    const TextView view(a);
    const Span sentence = SentenceOf(a, f.q.span.start, view.cp_length());
    const std::vector<WordToken> words = Tokenize(view.Slice(sentence.start, f.q.span.start));
    bool elects = false;
    for (size_t k = 0; k < words.size() && !elects; ++k) {
      const bool pair = k + 1 < words.size() &&
                        lexicon::In(lexicon::kElectionWords, words[k].folded + " " + words[k + 1].folded);
      elects = lexicon::In(lexicon::kElectionWords, words[k].folded) || pair;
    }
    if (!elects) continue;
    std::optional<size_t> person;
    bool several = false;
    for (const EntityMention& m : a.entities) {
      if (m.span.start < sentence.start || m.span.end > f.q.span.start) continue;
      const std::optional<size_t> e = entities.Lookup(f.article, m.entity, "");
      if (!e || story.entities[*e].type != "PERSON") continue;
      if (person && *person != *e) several = true;
      person = e;
    }
    if (!person || several) continue;
    if (f.q.measure == kVotesFor) {
      f.entity = person;
    } else {
      drop[i] = true;
    }
  }
  std::vector<Figure> kept;
  kept.reserve(figures.size());
  for (size_t i = 0; i < figures.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(figures[i]));
  }
  figures = std::move(kept);
}

// The two sides of one tally ("voted eight to four") are one vote's, so
// they have one owner: when the language layer gives one side an owner and
// not the other (a name read near one number: "voted eight to four against
// the Hallowmere scheme"), neither keeps it, and the tally is the vote's,
// comparable with other outlets' tallies of it.
void ShareTallyOwners(std::vector<Figure>& figures) {
  std::map<std::pair<size_t, std::string>, std::set<std::optional<size_t>>> owners;  // (article, sentence)
  for (const Figure& f : figures) {
    if (Tally(f)) owners[{f.article, f.evidence}].insert(f.entity);
  }
  for (Figure& f : figures) {
    if (Tally(f) && owners[{f.article, f.evidence}].size() > 1) f.entity.reset();
  }
}

// A figure of the story's event that states exactly the value an owned
// figure of the same attribute states, for one owner only, is that
// owner's ("took 8,412 votes" / "put Castellane on 8,412 votes"): equal
// values can only agree, so this never makes a conflict.
void JoinEqualValues(std::vector<Figure>& figures) {
  // (attribute, scale, value) -> owners stating it. A figure taking an
  // owner adds nothing to it: its key already names that owner alone.
  std::map<std::tuple<std::string, std::string, std::string>, std::set<size_t>> owners;
  for (const Figure& g : figures) {
    if (g.entity) owners[{g.attribute, g.scale, g.value}].insert(*g.entity);
  }
  for (Figure& f : figures) {
    if (f.entity || !f.thing.empty() || f.attribute == "age") continue;
    auto it = owners.find({f.attribute, f.scale, f.value});
    if (it == owners.end() || it->second.size() != 1) continue;
    f.entity = *it->second.begin();
  }
}

// A count of the story's event (no owner read) is an owner's when its own
// sentence names that owner and that owner is the only one of those named
// there whom any outlet gives a count of the same attribute ("cut 450
// jobs, out of Brisco's 6,100 staff" / "540 jobs are set to go at
// Brisco"): outlets name the owner beside a figure without the grammar
// the language layer reads an owner from. Counts of a specific measure
// only ("jobs cut", not "staff"): a bare noun beside a name is as often a
// figure of something else of it.
//
// Sums too, of a measure that says what kind of sum it is ("fine",
// "pay-off", "package", not "amount"): "Corran was ordered to pay a £14m
// fine" / "Corran Foods has been fined £12.4m", "Ivo Marsh, whose £2.1m
// bonus" / "Ivo Marsh's bonus of £1.8m". But a sum's sentence names who
// paid as often as whose it is, so only an owner some outlet gives a sum of
// that measure and currency, named before the sum in its own clause
// (SameClause: not "the board dismissed Ivo Marsh on Friday - and he leaves
// with a £400,000 pay-off"), the one such owner there, and only when the
// sentence states no other sum of that currency ("was hired at a salary of
// £150,000 and earned £210,000": one of the two is of another time).
void AdoptNamedOwner(std::vector<Figure>& figures) {
  std::map<std::pair<std::string, std::string>, std::set<size_t>> owners;  // (attribute, scale) -> owners
  const auto sum = [](const Figure& f) {
    return IsCurrency(f.kind) && f.thing.empty() && !lexicon::In(lexicon::kSumWordsVague, f.attribute);
  };
  for (const Figure& f : figures) {
    if (f.entity && f.thing.empty() && (f.kind == "count" || sum(f))) owners[{f.attribute, f.scale}].insert(*f.entity);
  }
  for (Figure& f : figures) {
    if (f.entity || !f.thing.empty() || f.joined || Tally(f)) continue;
    if (f.kind == "count" ? f.attribute.find(' ') == std::string::npos : !sum(f)) continue;
    auto it = owners.find({f.attribute, f.scale});
    if (it == owners.end()) continue;
    std::set<size_t> named;
    for (size_t e : sum(f) ? f.leading : f.named) {
      if (it->second.count(e) > 0) named.insert(e);
    }
    if (named.size() != 1) continue;
    if (sum(f) && std::any_of(f.beside.begin(), f.beside.end(), [&](const auto& b) { return b.first == f.kind; })) {
      continue;
    }
    f.entity = *named.begin();
  }
}

// Figures of two outlets matched as statements of one fact
// (AlignAcrossOutlets), each pair ordered by address.
using FigurePairs = std::set<std::pair<const Figure*, const Figure*>>;

std::pair<const Figure*, const Figure*> Ordered(const Figure* f, const Figure* g) {
  return f < g ? std::pair{f, g} : std::pair{g, f};
}

size_t SharedCount(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

// Whether the words beside two counts say different things happened to
// what they count ("three climbers were rescued" / "two climbers killed";
// lexicons/event_stems.txt): counts of two events of one story, never one
// count told two ways. Both must name one; a count named with no event
// ("two climbers") may be either's.
bool OtherEvents(const Figure& f, const Figure& g) {
  return QuantityKind(f.q) == "count" && !f.events.empty() && !g.events.empty() &&
         SharedCount(f.events, g.events) == 0;
}

// Whether what one figure measures is named beside the other (a stem of
// one's attribute or counted noun among the other's frame: "made 23
// arrests" / "32 yobs arrested", "homes left" / "homes cut").
bool Anchored(const Figure& f, const Figure& g) {
  return SharedCount(f.core, g.frame) > 0 || SharedCount(g.core, f.frame) > 0;
}

// Whether what narrows f's counted noun is said beside g too: "65 league
// games" may not be "71 games in all competitions" (a part and its whole).
bool Narrowed(const Figure& f, const Figure& g) {
  return std::includes(g.frame.begin(), g.frame.end(), f.modifiers.begin(), f.modifiers.end());
}

// How far apart two figures' values may be (the larger over the smaller)
// for one outlet's to be taken as another's statement of the same fact:
// outlets that disagree on a figure disagree by less (450 / 540 jobs, 23 /
// 32 arrests); two different facts of one story are often further apart.
constexpr double kAlignRatio = 1.5;

// Whether two percentages say different things changed ("rents went up 9
// per cent", "a 15% pay hike"): each names one and they share no word.
bool OtherThingsChanged(const Figure& f, const Figure& g) {
  return !f.changed.empty() && !g.changed.empty() &&
         std::find_first_of(f.changed.begin(), f.changed.end(), g.changed.begin(), g.changed.end()) ==
             f.changed.end();
}

// Two distances placed from different points ("13 nautical miles from the
// cargo ship" / "12 nautical miles from shore", src/extract/quantities.cc
// DistanceAnchor), or one placed and one not, are two figures, however
// alike their sentences.
bool PlacedApart(const Figure& f, const Figure& g) {
  const auto placed = [](const Figure& x) { return x.q.measure.find(" from ") != std::string::npos; };
  return (placed(f) || placed(g)) && f.q.measure != g.q.measure;
}

// What kind of value a figure is, for matching across outlets: its
// currency, "percent", a unit of time, or "count"; "" for ages and ranks,
// which are never matched so.
std::string KindOf(const Figure& f) { return f.attribute.rfind("age", 0) == 0 ? "" : QuantityKind(f.q); }

// Whether a count counts people, when lexicons/count_nouns.txt knows its
// noun (tag people): 1 people, 0 things, -1 unknown.
int CountsPeople(const Figure& f) {
  const std::string& noun = f.q.unit;
  if (lexicon::In(lexicon::kCountNounsPeople, noun)) return 1;
  if (lexicon::In(lexicon::kCountNounsCount, noun) || lexicon::In(lexicon::kCountNounsUncounted, noun)) return 0;
  return -1;
}

// A count of people and a count of things are never one fact ("22
// residents" of a care home / "more than 30 homes" evacuated).
bool PeopleAndThings(const Figure& f, const Figure& g) {
  // But jobs are people's: "cut 110 jobs" / "140 people learned they were
  // out of a job" count one loss.
  const auto jobs = [](const Figure& x) { return CountName(x.q.unit) == "jobs"; };
  if ((jobs(f) && CountsPeople(g) == 1) || (jobs(g) && CountsPeople(f) == 1)) return false;
  const int a = CountsPeople(f), b = CountsPeople(g);
  return a >= 0 && b >= 0 && a != b;
}

// A count given per something ("15.5 points per game", "40 calls per
// hour") is a rate: never one figure with a count of other nouns ("a
// six-game loss"), however many words their sentences share.
bool RateAgainstCount(const Figure& f, const Figure& g) {
  const auto rate = [](const Figure& x) { return x.tail.starts_with(" per "); };
  return (rate(f) || rate(g)) && f.q.unit != g.q.unit;
}

// How far apart two outlets' values of one figure may be and still be a
// disagreement about it: crowd estimates differ by four times ("18,000"
// marchers, police said, "70,000", the organisers said), but a value more
// than ten times another is another figure ("the Mercury's weekly sale of
// about 6,200 copies" / "the group's combined weekly sale of 81,000").
constexpr double kMaxDisagreementRatio = 10;

bool WithinDisagreement(const Quantity& a, const Quantity& b) {
  const double lo = std::min(Middle(a), Middle(b)), hi = std::max(Middle(a), Middle(b));
  return lo > 0 && hi / lo <= kMaxDisagreementRatio;
}

// Whether two values are within kAlignRatio of each other.
bool Near(const Quantity& a, const Quantity& b) {
  const double lo = std::min(Middle(a), Middle(b)), hi = std::max(Middle(a), Middle(b));
  return lo > 0 && hi / lo <= kAlignRatio;
}

// The independent source of a figure: the article its article duplicates
// (`source_of`), else its own article.
const std::string& SourceOf(const Figure& f, const std::vector<const AnnotatedArticle*>& members,
                            const std::unordered_map<std::string, std::string>& source_of) {
  const std::string& id = members[f.article]->article.id;
  auto it = source_of.find(id);
  return it == source_of.end() ? id : it->second;
}

// Whether two figures are of two things, never matched across outlets:
// figures of two named things ("the stadium" / "the pitch"), or a thing's
// and the story's event's unless they measure the same thing in the same
// words, the event's article names the thing (a word of its head's stem:
// "protesters" for "protest"), and gives it no figure of that kind itself.
// Outlets name the thing a figure is of, or leave it as the story's own
// ("Three people were arrested during the protest" / "Police said two
// people were arrested"; "The refunds will cost £297,500" / "it will now
// cost taxpayers £310,000"), but an article that gives the thing a figure
// and the event another of one kind tells them apart ("slapping the club
// with a 20-point deduction" / "riding high with 22 points"), and one that
// never names the thing may count something else ("averaged 7.2 rebounds"
// / "a 9-rebound performance"). `things` holds (article, thing, kind) of
// every figure of a named thing; `says(article, thing)` whether the article
// names the thing.
bool ThingApart(const Figure& f, const Figure& g, const std::string& kind,
                const std::set<std::tuple<size_t, std::string, std::string>>& things,
                const std::function<bool(size_t, const std::string&)>& says) {
  if (f.thing == g.thing) return false;
  if (!f.thing.empty() && !g.thing.empty()) return true;
  if (f.attribute != g.attribute) return true;
  const Figure& of_thing = f.thing.empty() ? g : f;
  const Figure& of_event = f.thing.empty() ? f : g;
  if (!says(of_event.article, of_thing.thing)) return true;
  return things.count({of_event.article, of_thing.thing, kind}) > 0;
}

// Figures of two outlets that state one fact in different words ("made 23
// arrests" / "32 yobs arrested"; "power cuts left 210,000 homes without
// electricity" / "185,000 homes lost power"), found where their own groups
// differ: same kind of value, same subject (or none) and time; what one
// measures is named beside the other (Anchored) and no word beside one
// makes it another statistic (lexicons/measure_qualifiers.txt: "average",
// "annual") that is not beside the other too; each is the other's
// single best match in its article among figures within kAlignRatio of
// its value (most frame stems shared, then most sentence words). Only
// those pairs join (a conflict when their values are incompatible, else an
// agreement): a figure with two equally good matches, or none, stays alone.
FigurePairs AlignAcrossOutlets(const std::vector<Figure>& figures, const std::vector<const AnnotatedArticle*>& members,
                               const std::map<const Figure*, size_t>& origin,
                               const std::unordered_map<std::string, std::string>& source_of) {
  const auto source = [&](const Figure& f) -> const std::string& { return SourceOf(f, members, source_of); };
  const auto score = [](const Figure& f, const Figure& g) {
    return static_cast<double>(SharedCount(f.frame, g.frame)) + SentenceSimilarity(f, g);
  };
  // Figures that may be matched, by their core stems and their frame
  // stems: the candidates of a figure are those Anchored to it.
  std::map<std::string, std::vector<size_t>> by_core, by_frame;
  std::vector<std::string> kinds(figures.size());
  for (size_t i = 0; i < figures.size(); ++i) {
    kinds[i] = KindOf(figures[i]);
    if (kinds[i].empty()) continue;
    for (const std::string& w : figures[i].core) by_core[w].push_back(i);
    for (const std::string& w : figures[i].frame) by_frame[w].push_back(i);
  }
  // Figures by counted noun, for nouns lexicons/count_kin.txt pairs: one
  // counting "customers" is a candidate of one counting "passengers".
  std::map<std::string, std::vector<size_t>> by_unit;
  const auto kin = [](const std::string& unit) {
    const std::string_view to = lexicon::Find(lexicon::kCountKin, unit);
    if (!to.empty()) return std::string(to);
    for (const lexicon::MapEntry& e : lexicon::kCountKin) {
      if (e.value == unit) return std::string(e.key);
    }
    return std::string();
  };
  for (size_t i = 0; i < figures.size(); ++i) {
    if (!kinds[i].empty() && !kin(figures[i].q.unit).empty()) by_unit[figures[i].q.unit].push_back(i);
  }
  // A thing's figure and the story's event's are matched only as one
  // measure said alike (ThingApart); (article, thing, kind) of every figure
  // of a thing, for its guard.
  std::set<std::tuple<size_t, std::string, std::string>> things;
  for (size_t i = 0; i < figures.size(); ++i) {
    if (!figures[i].thing.empty()) things.insert({figures[i].article, figures[i].thing, kinds[i]});
  }
  // Stems of each article's words, read when a thing's figure meets an
  // event's: the event's article must name the thing.
  std::map<size_t, std::vector<std::string>> stems;
  const auto says = [&](size_t article, const std::string& thing) {
    auto [it, fresh] = stems.try_emplace(article);
    if (fresh) {
      AddStems(members[article]->article.text, it->second);
      SortUnique(it->second);
    }
    const std::string head = thing.substr(thing.rfind(' ') == std::string::npos ? 0 : thing.rfind(' ') + 1);
    return std::binary_search(it->second.begin(), it->second.end(), Stem(head));
  };
  constexpr size_t kNone = std::numeric_limits<size_t>::max();
  // best[i]: article -> the one best match of figure i there (kNone: a tie).
  std::vector<std::map<size_t, std::pair<size_t, double>>> best(figures.size());
  for (size_t i = 0; i < figures.size(); ++i) {
    if (kinds[i].empty()) continue;
    const Figure& f = figures[i];
    std::set<size_t> candidates;
    for (const std::string& w : f.frame) {
      if (auto it = by_core.find(w); it != by_core.end()) candidates.insert(it->second.begin(), it->second.end());
    }
    for (const std::string& w : f.core) {
      if (auto it = by_frame.find(w); it != by_frame.end()) candidates.insert(it->second.begin(), it->second.end());
    }
    if (const std::string other = kin(f.q.unit); !other.empty()) {
      if (auto it = by_unit.find(other); it != by_unit.end()) candidates.insert(it->second.begin(), it->second.end());
    }
    for (size_t j : candidates) {
      const Figure& g = figures[j];
      if (g.article == f.article || kinds[j] != kinds[i] || g.entity != f.entity ||
          ThingApart(f, g, kinds[i], things, says) ||
          !SameTime(f, g) || PlacedApart(f, g) || RateAgainstCount(f, g) ||
          g.qualifiers != f.qualifiers || !Near(f.q, g.q) || f.whole != g.whole || f.part != g.part ||
          PeopleAndThings(f, g) || OtherThingsChanged(f, g) ||
          ((Tally(f) || Tally(g)) && f.q.measure != g.q.measure)) {
        continue;
      }
      // Different values of a narrowed noun and a wider one are a part and
      // its whole as often as a disagreement; equal ones agree.
      if ((!Narrowed(f, g) || !Narrowed(g, f)) && (f.q.value != g.q.value || f.q.high != g.q.high)) continue;
      const double sc = score(f, g);
      auto [it, fresh] = best[i].try_emplace(g.article, j, sc);
      if (fresh) continue;
      if (sc > it->second.second + kSameValue) {
        it->second = {j, sc};
      } else if (sc > it->second.second - kSameValue && it->second.first != kNone &&
                 figures[it->second.first].value != g.value) {
        it->second.first = kNone;  // two values fit equally well: no match
      }
    }
  }
  FigurePairs out;
  for (size_t i = 0; i < figures.size(); ++i) {
    for (const auto& [article, match] : best[i]) {
      const size_t j = match.first;
      if (j == kNone || j < i) continue;
      const auto back = best[j].find(figures[i].article);
      if (back == best[j].end() || back->second.first != i) continue;
      const Figure& f = figures[i];
      const Figure& g = figures[j];
      if (origin.at(&f) == origin.at(&g) || source(f) == source(g)) continue;
      out.insert(Ordered(&f, &g));
    }
  }
  return out;
}

// Whether two figures state the same number alike: the same value and
// bound, or the same middle of two compatible statements ("about 38,000" /
// "38,000", "more than 200" / "more than 200").
bool SameNumber(const Quantity& a, const Quantity& b) {
  const double x = Middle(a), y = Middle(b);
  return std::fabs(x - y) <= kSameValue * std::max(1.0, std::fabs(x)) && FiguresCompatible(a, b);
}

// Below this, one number of one owner stands for two facts often enough
// ("three lorries" / "three warehouses", "6 miles" / "6 schools") that
// only shared words beside both tell the same fact; at or above it (1,480
// residents / 1,480 people evacuated, 2,140 patients / 2,140 adults) the
// same number of one kind is the same fact in every dev story.
constexpr double kDistinctNumber = 100;

// Whether f and g, of two articles, state one number of one kind alike
// (MatchEqualAcrossOutlets), owners aside: same kind of value and time,
// the same number (SameNumber), same qualifiers, not a count of people
// against a count of things, and a word beside one beside the other too
// (their frames share a stem) or a number of kDistinctNumber or more.
bool StateAlike(const Figure& f, const Figure& g) {
  return g.article != f.article && !f.kind.empty() && g.kind == f.kind && SameNumber(f.q, g.q) && !Tally(f) &&
         !Tally(g) && SameTime(f, g) && g.qualifiers == f.qualifiers && !PeopleAndThings(f, g) &&
         (SharedCount(f.frame, g.frame) > 0 || Middle(f.q) >= kDistinctNumber);
}

// How many figures of each article state each number of each kind for
// each owner and thing, for StateAlike's "only figure of its article".
class NumberCounts {
 public:
  explicit NumberCounts(const std::vector<Figure>& figures) {
    for (const Figure& f : figures) ++counts_[KeyOf(f)];
  }
  bool Only(const Figure& f) const { return counts_.at(KeyOf(f)) == 1; }

 private:
  using Key = std::tuple<size_t, std::string, std::optional<size_t>, std::string, double>;
  static Key KeyOf(const Figure& f) { return Key{f.article, f.kind, f.entity, f.thing, Middle(f.q)}; }
  std::map<Key, size_t> counts_;
};

// Figures of two sources that state the same number of one owner in
// different words ("38,000 people were on the site" / "a crowd of 38,000
// was on the site"; "412 stores" / "412 stores across the country"; "more
// than 200 members" / "more than 200 mums and dads" of one group), found
// where their own groups differ and AlignAcrossOutlets, which needs what
// one measures to be named beside the other, left them apart. Outlets
// rarely give one owner two different facts of one kind and time that
// happen to be the same number, so such figures are matched when they
// state it alike (StateAlike), each is the only figure of its article
// stating that number of that kind for its owner, and they have one owner,
// or one is the story's event's and states its number alike with one
// owner's figures alone (as JoinEqualValues: "4 sampling points on the
// brook" / "the office's four sampling points in all"). Equal values can
// only agree, so these pairs make no conflict.
FigurePairs MatchEqualAcrossOutlets(const std::vector<Figure>& figures,
                                    const std::vector<const AnnotatedArticle*>& members,
                                    const std::map<const Figure*, size_t>& origin,
                                    const std::unordered_map<std::string, std::string>& source_of) {
  const auto source = [&](const Figure& f) -> const std::string& { return SourceOf(f, members, source_of); };
  const NumberCounts counts(figures);
  const auto alike = [&](const Figure& f, const Figure& g) {
    return f.thing == g.thing && (f.entity == g.entity || f.thing.empty()) && StateAlike(f, g) && counts.Only(g) &&
           source(f) != source(g);
  };
  // An event figure's whole group goes to the owner, so only a group
  // stating that one number: an event's group of other numbers ("more than
  // 6,000 patients", "48,300 patients") holds other facts.
  std::map<size_t, std::set<double>> numbers;  // group -> the numbers its figures state
  for (const Figure& f : figures) numbers[origin.at(&f)].insert(Middle(f.q));
  std::vector<size_t> owners(figures.size(), 0);  // owners an event figure states its number alike with
  for (size_t i = 0; i < figures.size(); ++i) {
    if (figures[i].entity || !counts.Only(figures[i]) || numbers[origin.at(&figures[i])].size() != 1) continue;
    std::set<size_t> seen;
    for (const Figure& g : figures) {
      if (g.entity && alike(figures[i], g)) seen.insert(*g.entity);
    }
    owners[i] = seen.size();
  }
  FigurePairs out;
  for (size_t i = 0; i < figures.size(); ++i) {
    const Figure& f = figures[i];
    if (!counts.Only(f)) continue;
    for (size_t j = i + 1; j < figures.size(); ++j) {
      const Figure& g = figures[j];
      if (origin.at(&f) == origin.at(&g) || !alike(f, g)) continue;
      if (f.entity != g.entity && owners[f.entity ? j : i] != 1) continue;
      out.insert(Ordered(&f, &g));
    }
  }
  // An approximate statement and another near it that fits it ("about
  // 3,000 spectators" / "3,200 people"; "more than 4,000 signatures" /
  // "4,300 people signed"; not "more than 3,500" and "18,000", further
  // apart than kAlignRatio) match the same way, owner for owner, when words
  // beside them are shared and each is the only figure of its article that
  // fits the other.
  const auto only_fitting = [&](const Figure& f, const Figure& g) {
    return std::none_of(figures.begin(), figures.end(), [&](const Figure& h) {
      return &h != &f && h.article == f.article && h.entity == f.entity && h.thing == f.thing &&
             h.kind == f.kind && FiguresCompatible(h.q, g.q);
    });
  };
  for (size_t i = 0; i < figures.size(); ++i) {
    const Figure& f = figures[i];
    if (f.kind.empty() || Tally(f)) continue;
    for (size_t j = i + 1; j < figures.size(); ++j) {
      const Figure& g = figures[j];
      if (g.article == f.article || g.entity != f.entity || g.thing != f.thing || g.kind != f.kind || Tally(g) ||
          origin.at(&f) == origin.at(&g) || (Exact(f.q) && Exact(g.q)) || SameNumber(f.q, g.q) ||
          !FiguresCompatible(f.q, g.q) || !Near(f.q, g.q) || !SameTime(f, g) || g.qualifiers != f.qualifiers ||
          PeopleAndThings(f, g) || SharedCount(f.frame, g.frame) == 0 || source(f) == source(g) ||
          !only_fitting(f, g) || !only_fitting(g, f)) {
        continue;
      }
      out.insert(Ordered(&f, &g));
    }
  }
  return out;
}

// The claims of one (subject, attribute, scale) group of figures, or of
// several such groups joined by figures matched across outlets: `origin`
// gives each figure's own group; figures of two groups clash only when
// matched (`aligned`) and agree only when compatible and anchored.
// Share of content words two sentences of one article must have in common
// for their values to be set against each other (the words beside the two
// values must share one too: SharesContext).
constexpr double kSameArticleSimilarity = 0.2;
void GroupClaims(const std::vector<const Figure*>& group, const std::vector<const AnnotatedArticle*>& members,
                 const Story& story, const std::unordered_map<std::string, std::string>& source_of,
                 const std::map<const Figure*, size_t>& origin, const FigurePairs& aligned,
                 std::vector<Claim>& out) {
  // Values as shown: one node per distinct value text.
  std::vector<std::string> texts;
  std::vector<std::vector<const Figure*>> nodes;
  for (const Figure* f : group) {
    auto it = std::find(texts.begin(), texts.end(), f->value);
    if (it == texts.end()) {
      texts.push_back(f->value);
      nodes.emplace_back();
      it = texts.end() - 1;
    }
    nodes[static_cast<size_t>(it - texts.begin())].push_back(f);
  }
  const size_t n = nodes.size();
  // The values each article states in this group (one: `lone`).
  std::map<size_t, std::set<std::string>> stated;
  for (const Figure* f : group) stated[f->article].insert(f->value);
  const auto lone = [&](const Figure& f) { return stated[f.article].size() == 1; };
  // An article giving kListedValues or more values of one measure no one
  // owns ("ran for 180 yards", "95 yards on the ground", "gave up 40
  // yards") uses the word of different holders, games or stretches: which
  // of them another outlet's value is of, the word does not say, so none is
  // set against another article's value (two values may be a toll and its
  // update, three are a list). One owner's two values in one article
  // ("blocked six shots", "blocked two shots in the decisive run"; a
  // game's yards and the season's) are of two games or stretches already.
  constexpr size_t kListedValues = 3;
  constexpr size_t kOwnListedValues = 2;
  const auto listed = [&](const Figure& f) {
    return stated[f.article].size() >= (f.entity ? kOwnListedValues : kListedValues);
  };
  // A value an article gives as changed from one another outlet states
  // ("is worth £38m, down from the £40m agreed in September", weeks after
  // outlets gave £40m) is the thing's value after the change: it is set
  // against nothing stated before it.
  std::set<const Figure*> changed;
  for (const Figure* f : group) {
    if (!f->changed_from) continue;
    for (const Figure* g : group) {
      if (g->article != f->article && std::fabs(Middle(g->q) - *f->changed_from) <= kSameValue * *f->changed_from) {
        changed.insert(f);
      }
    }
  }
  const auto after_change = [&](const Figure& f, const Figure& g) {
    const int64_t x = DayNumber(f.published), y = DayNumber(g.published);
    return changed.count(&f) > 0 && x != std::numeric_limits<int64_t>::min() &&
           y != std::numeric_limits<int64_t>::min() && x - y > kChangedWindowDays;
  };
  UnionFind conflict(n);
  std::vector<bool> in_conflict(n, false);
  std::vector<std::vector<bool>> compatible(n, std::vector<bool>(n, false));
  std::vector<std::vector<bool>> clashes(n, std::vector<bool>(n, false));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      bool clash = false, fits = false, side_by_side = false, two_facts = false;
      for (const Figure* f : nodes[i]) {
        for (const Figure* g : nodes[j]) {
          if (f->article == g->article && f->evidence == g->evidence) side_by_side = true;
          if (!SameTime(*f, *g) || after_change(*f, *g) || after_change(*g, *f)) continue;
          // An outlet whose sentence gives the other outlet's value beside
          // its own does not disagree with it (StatesValueBeside).
          if (f->article != g->article && !FiguresCompatible(f->q, g->q) &&
              (StatesValueBeside(*f, *g) || StatesValueBeside(*g, *f))) {
            continue;
          }
          if (origin.at(f) != origin.at(g)) {
            if (aligned.count(Ordered(f, g)) > 0 && !FiguresCompatible(f->q, g->q) && !OtherActors(*f, *g) &&
                !listed(*f) && !listed(*g) &&
                !OtherEvents(*f, *g) && SameFrame(*f, *g)) {
              clash = true;
            } else if (FiguresCompatible(f->q, g->q) && (Anchored(*f, *g) || aligned.count(Ordered(f, g)) > 0)) {
              fits = true;
            }
            continue;
          }
          if (FiguresCompatible(f->q, g->q)) {
            fits = true;
          } else if (f->article == g->article &&
                     (!(SentenceSimilarity(*f, *g) >= kSameArticleSimilarity && SharesContext(*f, *g)) ||
                      ParallelFacts(*f, *g))) {
            // One writer giving two values of one thing in two sentences
            // that tell different things is giving two facts ("paid
            // £90,000" / "Matagi has been paid £4,200"), and so is one
            // listing two things alike (ParallelFacts).
            two_facts = true;
          } else if (OtherActors(*f, *g) || OtherEvents(*f, *g)) {
            // Two people's figures, a person's and the event's, or counts
            // of two events: no clash, and no fit either beyond the one
            // found above.
          } else if (Comparable(*f, *g) &&
                     (f->article == g->article || (WithinDisagreement(f->q, g->q) && !listed(*f) && !listed(*g)))) {
            clash = true;
          } else if (f->kind == "count" && lone(*f) && lone(*g) && Near(f->q, g->q) &&
                     SharedCount(f->events, g->events) > 0) {
            // Counts of one noun whose sentences share too few words to
            // tell the same thing (Comparable) still do when one thing is
            // said to have happened to what both count and each is the one
            // value of it its article gives: "27 were taken to hospital" /
            // "31 people needed hospital treatment".
            clash = true;
          }
        }
      }
      // Two values one sentence states side by side are two facts ("14
      // points from 19 games and three points from safety"), wherever else
      // they appear: a sentence is not read as contradicting itself.
      if (side_by_side) clash = false;
      // So are two values one article gives in sentences that tell
      // different things ("38 former employees" were owed, "about 25 former
      // staff" came to the hearing), wherever else they appear.
      if (two_facts) clash = false;
      if (clash) {
        conflict.Join(i, j);
        in_conflict[i] = in_conflict[j] = true;
        clashes[i][j] = clashes[j][i] = true;
      } else if (fits) {
        compatible[i][j] = compatible[j][i] = true;
      }
    }
  }
  // An approximate value that fits one side of a conflict ("about 6,000"
  // beside 6,200 against 5,100) is that side rounded, not a side of its
  // own: it leaves the conflict when two exact sides still clash without it.
  // Decided on the conflicts as found, whatever the order of the values:
  // only exact sides count as the sides that still clash.
  std::vector<bool> approximate(n, false);
  for (size_t i = 0; i < n; ++i) {
    approximate[i] = std::all_of(nodes[i].begin(), nodes[i].end(),
                                 [](const Figure* f) { return f->q.bound == QuantityBound::kApprox; });
  }
  std::vector<size_t> rounded;
  for (size_t i = 0; i < n; ++i) {
    if (!in_conflict[i] || !approximate[i]) continue;
    bool fits_a_side = false, others_clash = false;
    for (size_t j = 0; j < n; ++j) {
      if (j == i || !in_conflict[j] || conflict.Find(j) != conflict.Find(i)) continue;
      fits_a_side = fits_a_side || compatible[i][j];
      for (size_t k = j + 1; k < n; ++k) {
        if (k != i && in_conflict[k] && !approximate[j] && !approximate[k] && clashes[j][k] &&
            conflict.Find(k) == conflict.Find(i)) {
          others_clash = true;
        }
      }
    }
    if (fits_a_side && others_clash) rounded.push_back(i);
  }
  for (size_t i : rounded) in_conflict[i] = false;
  // Compatible values outside any conflict make one claim ("8,640" and
  // "about 8,600").
  UnionFind agree(n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (compatible[i][j] && !in_conflict[i] && !in_conflict[j]) agree.Join(i, j);
    }
  }
  std::map<size_t, std::vector<size_t>> parts;
  for (size_t i = 0; i < n; ++i) parts[in_conflict[i] ? conflict.Find(i) : n + agree.Find(i)].push_back(i);
  const Figure& first = *group.front();
  for (const auto& [root, part] : parts) {
    Claim c;
    c.attribute = first.attribute;
    if (first.entity) {
      c.subject = story.entities[*first.entity].id;
      c.subject_name = story.entities[*first.entity].name;
    } else if (!first.thing.empty()) {
      c.subject_name = first.thing;  // "film / cost"
    } else if (IsCurrency(first.scale)) {
      // A sum no one owns is named by what it is ("severance package":
      // amount), the thing a reader looks for.
      c.subject_name = first.attribute;
      c.attribute = "amount";
    } else if (Tally(first)) {
      c.subject_name = "vote";  // a tally no one owns is the vote's
    }
    std::vector<std::string> all;
    for (size_t i : part) {
      ClaimValue v;
      v.value = texts[i];
      v.evidence = nodes[i].front()->evidence;
      for (const Figure* f : nodes[i]) {
        AddUnique(v.articles, members[f->article]->article.id);
        AddUnique(all, members[f->article]->article.id);
      }
      c.values.push_back(std::move(v));
    }
    c.status = root < n ? "conflict" : Sources(all, source_of) > 1 ? "agreed" : "single";
    out.push_back(std::move(c));
  }
}

std::string Number(double v) {
  if (std::fabs(v - std::round(v)) < kSameValue * std::max(1.0, std::fabs(v))) {
    return fmt::format("{}", static_cast<long long>(std::llround(v)));
  }
  return fmt::format("{}", v);
}

}  // namespace

std::string FigureValueText(const Quantity& q) {
  std::string text = q.high > 0 ? Number(q.value) + "-" + Number(q.high) : Number(q.value);
  if (IsCurrency(q.unit)) text += " " + q.unit;
  if (q.high > 0) return text;
  switch (q.bound) {
    case QuantityBound::kApprox: return "about " + text;
    case QuantityBound::kAtLeast: return "more than " + text;
    case QuantityBound::kAtMost: return "up to " + text;
    case QuantityBound::kExact: break;
  }
  return text;
}

// How far a value written with a scale word or suffix reaches by its own
// rounding: "£1.3 million" is any sum from £1.25m to £1.35m, so it states
// £1,296,000 too; 0 for a value written in full ("1,296,000", "48").
double ScaleRounding(const Quantity& q) {
  constexpr double kMinScale = 1000;  // "30K", "£1.3m", "$2bn"
  size_t digits = q.text.find_first_of("0123456789");
  if (digits == std::string::npos) return 0;
  size_t end = digits;
  int decimals = -1;
  for (; end < q.text.size(); ++end) {
    const char c = q.text[end];
    const bool digit_next = end + 1 < q.text.size() && std::isdigit(static_cast<unsigned char>(q.text[end + 1]));
    if (c == '.' && decimals < 0 && digit_next) {
      decimals = 0;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      if (decimals >= 0) ++decimals;
    } else if (c != ',') {
      break;
    }
  }
  std::string written = q.text.substr(digits, end - digits);
  written.erase(std::remove(written.begin(), written.end(), ','), written.end());
  const double number = std::strtod(written.c_str(), nullptr);
  if (number <= 0) return 0;
  const double scale = q.value / number;
  // A power of ten only: "2 and a half million" is no rounding of "2".
  if (scale < kMinScale || std::fabs(std::log10(scale) - std::round(std::log10(scale))) > kSameValue) return 0;
  return 0.5 * std::pow(10.0, -std::max(decimals, 0)) * scale;
}

bool FiguresCompatible(const Quantity& a, const Quantity& b) {
  if (Exact(a) && Exact(b)) {
    if (std::fabs(a.value - b.value) <= kSameValue * std::max(1.0, std::fabs(a.value))) return true;
    // A rounded value holds the precise one it rounds ("£1.3m" /
    // "£1,296,000"), never another rounded one ("£1.3m" / "£1.35m").
    const double ra = ScaleRounding(a), rb = ScaleRounding(b);
    if ((ra > 0) != (rb > 0) && std::fabs(a.value - b.value) < std::max(ra, rb)) return true;
    // "fell 6 per cent" rounds "fell 5.8 per cent": a whole percentage
    // and a decimal one that rounds to it.
    const auto whole = [](double v) { return std::fabs(v - std::round(v)) < kSameValue; };
    return a.unit == "percent" && b.unit == "percent" && whole(a.value) != whole(b.value) &&
           std::round(a.value) == std::round(b.value);
  }
  // Two ranges state both their ends: "estimated at £18m to £25m" and
  // "estimated at £20m to £30m" give the estimate differently, however
  // much the ranges overlap; a value inside a range fits it.
  if (a.high > 0 && b.high > 0) {
    const auto same = [](double x, double y) { return std::fabs(x - y) <= kSameValue * std::max(1.0, std::fabs(x)); };
    return same(a.value, b.value) && same(a.high, b.high);
  }
  const auto [alo, ahi] = Allowed(a);
  const auto [blo, bhi] = Allowed(b);
  return alo <= bhi && blo <= ahi;
}

std::vector<Claim> FigureClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
                                const Story& story, const std::vector<std::vector<Quantity>>& extra,
                                const std::unordered_map<std::string, std::string>& source_of) {
  std::vector<Figure> figures = CollectFigures(members, entities, story, extra);
  for (Figure& f : figures) f.kind = KindOf(f);
  ShareTallyOwners(figures);
  ElectedOwners(figures, members, entities, story);
  JoinThings(figures);
  JoinSums(figures);
  JoinUnderspecified(figures);
  JoinEqualValues(figures);
  AdoptNamedOwner(figures);
  std::map<std::tuple<size_t, std::string, std::string, std::string>, std::vector<const Figure*>> groups;
  constexpr size_t kNoEntity = std::numeric_limits<size_t>::max();
  for (const Figure& f : figures) {
    groups[{f.entity.value_or(kNoEntity), f.thing, f.attribute, f.scale}].push_back(&f);
  }
  std::vector<std::vector<const Figure*>> own;  // the groups, in key order
  std::map<const Figure*, size_t> origin;
  for (auto& [key, group] : groups) {
    for (const Figure* f : group) origin[f] = own.size();
    own.push_back(std::move(group));
  }
  FigurePairs aligned = AlignAcrossOutlets(figures, members, origin, source_of);
  UnionFind joined(own.size());
  for (const auto& [f, g] : aligned) joined.Join(origin.at(f), origin.at(g));
  std::map<size_t, std::vector<size_t>> merged;  // root -> own groups
  for (size_t i = 0; i < own.size(); ++i) merged[joined.Find(i)].push_back(i);
  // The claims of one joined set of groups.
  const auto claims_of = [&](std::vector<size_t> parts, const FigurePairs& pairs, std::vector<Claim>& out) {
    // An owner's group names the joined claim (an event's figure joins one
    // only in MatchEqualAcrossOutlets, for that owner); else the group most
    // figures are in; of two as large, a named thing's (a figure the story's
    // event joins is that thing's figure, one outlet naming it: "the
    // protest"), then one naming what the sum is for ("cover") rather than a
    // generic word ("fee").
    const auto generic = [&](size_t x) { return lexicon::In(lexicon::kSumWordsGeneric, own[x].front()->attribute); };
    const auto owned = [&](size_t x) { return own[x].front()->entity.has_value(); };
    const auto thing = [&](size_t x) { return !own[x].front()->thing.empty(); };
    std::stable_sort(parts.begin(), parts.end(), [&](size_t x, size_t y) {
      if (owned(x) != owned(y)) return owned(x);
      if (own[x].size() != own[y].size()) return own[x].size() > own[y].size();
      if (thing(x) != thing(y)) return thing(x);
      if (generic(x) != generic(y)) return generic(y);
      return own[x].front()->attribute.size() < own[y].front()->attribute.size();
    });
    std::vector<const Figure*> group;
    for (size_t i : parts) group.insert(group.end(), own[i].begin(), own[i].end());
    GroupClaims(group, members, story, source_of, origin, pairs, out);
  };
  // Figures stating one number alike join their sets too, unless outlets
  // disagree in either set: an equal value pulled into a disagreement would
  // take a side on the word of a weaker match than what is measured.
  std::map<size_t, bool> disputed;  // root -> a conflict among its claims
  const auto in_dispute = [&](size_t root) {
    auto [it, fresh] = disputed.try_emplace(root, false);
    if (fresh) {
      std::vector<Claim> claims;
      claims_of(merged[root], aligned, claims);
      it->second = std::any_of(claims.begin(), claims.end(), [](const Claim& c) { return c.status == "conflict"; });
    }
    return it->second;
  };
  UnionFind agreed(own.size());
  for (const auto& [root, parts] : merged) {
    for (size_t i : parts) agreed.Join(root, i);
  }
  for (const auto& [f, g] : MatchEqualAcrossOutlets(figures, members, origin, source_of)) {
    const size_t a = joined.Find(origin.at(f)), b = joined.Find(origin.at(g));
    if (a == b || in_dispute(a) || in_dispute(b)) continue;
    agreed.Join(a, b);
    aligned.insert({f, g});
  }
  std::map<size_t, std::vector<size_t>> sets;  // root -> own groups
  for (size_t i = 0; i < own.size(); ++i) sets[agreed.Find(i)].push_back(i);
  std::vector<Claim> out;
  for (const auto& [root, parts] : sets) claims_of(parts, aligned, out);
  return out;
}

}  // namespace storyline::stories
