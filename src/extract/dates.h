// dates.h: recognises temporal expressions in English news text and
// normalises them to TIMEX3-style values.
//
//   storyline::DateAnchor anchor = storyline::InferAnchor(text, "2022-11-29");
//   for (const storyline::DateMention& d : storyline::FindDates(text, anchor))
//     use(d.span, d.value);  // "November 28, 2022" -> "2022-11-28"
//
// Values: dates 2022-11-28, months 2024-03, years 2024, seasons 2024-FA
// (SP/SU/FA/WI), quarters 2009-Q3, weeks 2022-W48, decades 199X, times
// 2022-11-28T15:00 (Z when the text says UTC/GMT), durations P3D/P2W/PT30M
// (X for an unknown count: PXY), and PRESENT_REF/PAST_REF/FUTURE_REF.
// Parts the anchor cannot supply are written as X (XXXX-11-28).
//
// Resolution rules against the anchor (documented because news text leaves
// them implicit):
// - "today", "yesterday", "tomorrow", "this morning": the anchor's day +/- 1.
// - Tense cues: the nearest cue before an expression, within its sentence,
//   says whether it lies ahead of the anchor. Future: "will", "shall",
//   "should", "next", "upcoming", "scheduled", "slated", "until", "due"
//   (not "due to the ..."), "is/are expected", and "plans/set/going/
//   expected/poised to", "on track to". Past: "was", "were", "had", "did", "ago", "earlier",
//   "previously", "last", "should have", and any other past participle
//   ("announced in January") unless "be"/"been"/"is" precedes it.
// - A bare weekday ("on Monday"): the most recent such day on or before the
//   anchor (news reports mostly past events); after a future cue, the next
//   such day on or after the anchor.
// - "last/this/next week|month|year|weekend", "earlier/later this week":
//   the calendar unit containing the anchor, shifted by one.
// - "two weeks ago": the anchor shifted back, at the unit's granularity
//   (days and weeks -> date, months -> month, years -> year).
// - A month, a month and day, or a quarter without a year: after a future
//   cue, the first such month on or after the anchor's ("an election on
//   January 30" in a November article is next January); after a past cue,
//   the last one on or before it; with no cue, the anchor's year, or the
//   year before when that would put them more than two months after the
//   anchor (news reports the past). "October of next year" takes its year
//   from the phrase, which stays a separate mention.
// - "three years later"/"earlier" (relative to an event, not the anchor) and
//   "for three months": durations (P3Y, P3M).
// - A month alone is a date only after a cue: a preposition of time ("in
//   March"), a possessive ("their January sales"), "as of", or "and/or/to"
//   after a cued month ("between April and June").
// - A time of day with no date in its phrase ("at 18:00 UTC") takes the
//   last full date earlier in its sentence ("flew Monday ... at 18:00
//   UTC"), else the anchor's day; "16:15 UTC, June 1" takes the date after
//   the comma, which stays a mention of its own.
// - A month and day with a weekday but no year ("Monday, November 28") take
//   the year nearest the anchor's (within kWeekdayYearWindow) in which that
//   day is that weekday.
// - With an anchor that has a year but no month (inferred from the years in
//   the text), a month or month-day without weekday or year ("on November
//   28") takes the year written nearest to it in the text.
//
// Thread-safety: free functions over immutable tables; safe from any thread.
#ifndef STORYLINE_EXTRACT_DATES_H_
#define STORYLINE_EXTRACT_DATES_H_

#include <string_view>
#include <vector>

#include "storyline/annotation.h"

namespace storyline {

// The reference date relative expressions resolve against. 0 = unknown, so
// {2022, 0, 0} is "some time in 2022".
struct DateAnchor {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
};

// How far (in years, each way) the weekday rule searches around the anchor's
// year: the weekday of a fixed date repeats within 6-11 years, so +/-6 finds
// a match for every date except 29 February while staying near the anchor.
inline constexpr int kWeekdayYearWindow = 6;

// Finds the temporal expressions in UTF-8 `text`, sorted by start, never
// overlapping. Spans are in code points (end exclusive); `text` of each
// mention is the matched bytes. Invalid UTF-8 is tolerated (code points are
// counted as non-continuation bytes, so spans never pass the byte length). Never fails: unrecognised text yields nothing.
std::vector<DateMention> FindDates(std::string_view text, const DateAnchor& anchor);

// Chooses the anchor for `text`. When `published` parses as YYYY[-MM[-DD]]
// it wins. Otherwise the evidence in the text: the latest of the explicit
// full dates and the weekday dates ("Monday, November 28") resolved by the
// weekday rule around the median of the years mentioned; failing that, the
// median year. Years written alone ("the awards, 2022") count when no date
// in the text carries a year. With no year in the text at all, a weekday date takes the
// latest year, not after `reference`, in which that day is that weekday
// ("Monday, November 28" read on 2024-06-01 is 2022-11-28). Returns an
// all-zero anchor when there is no evidence. `reference` may be all-zero
// (then a yearless weekday date gives no anchor).
DateAnchor InferAnchor(std::string_view text, std::string_view published, const DateAnchor& reference);

// As above with `reference` = TodayUtc(): the result depends on the system
// clock only for texts whose only date evidence is a yearless weekday date.
DateAnchor InferAnchor(std::string_view text, std::string_view published);

// Today's date (UTC) from the system clock.
DateAnchor TodayUtc();

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a longer ISO timestamp is cut
// after the day). Returns an all-zero anchor when `s` is not such a date.
DateAnchor ParseAnchor(std::string_view s);

// Day of week for a proleptic Gregorian date: 0 = Monday ... 6 = Sunday.
// REQUIRES: 1 <= month <= 12, 1 <= day <= 31.
int DayOfWeek(int year, int month, int day);

}  // namespace storyline

#endif  // STORYLINE_EXTRACT_DATES_H_
