// Tests of the temporal tagger (src/extract/dates.h) on invented sentences:
// explicit dates in news forms, relative dates against a given anchor, the
// weekday rule when the anchor is inferred, and numbers that are not dates.
#include "extract/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline {
namespace {

struct DateCase {
  const char* sentence;
  const char* text;   // expected mention text
  const char* value;  // expected value
};

// Anchor for the table: Tuesday 29 November 2022.
constexpr DateAnchor kAnchor{2022, 11, 29};

const DateMention* FindByText(const std::vector<DateMention>& found, const std::string& text) {
  for (const DateMention& d : found) {
    if (d.text == text) return &d;
  }
  return nullptr;
}

// Each case's text is found in its sentence, read on kAnchor, with its value.
template <size_t N>
void ExpectDates(const DateCase (&cases)[N]) {
  for (const DateCase& c : cases) {
    const std::vector<DateMention> found = FindDates(c.sentence, kAnchor);
    const DateMention* d = FindByText(found, c.text);
    EXPECT_NE(d, nullptr) << c.sentence << " -> missing \"" << c.text << "\"";
    if (d != nullptr) {
      EXPECT_EQ(d->value, c.value) << c.sentence;
    }
  }
}

TEST(FindDatesTest, NormalisesDatesAgainstAGivenAnchor) {
  const DateCase kCases[] = {
      {"The show opened on November 28, 2022, in Paris.", "November 28, 2022", "2022-11-28"},
      {"The show opened Nov. 28 in Paris.", "Nov. 28", "2022-11-28"},
      {"It closed on 28 November 2021 after a month.", "28 November 2021", "2021-11-28"},
      {"Filed 2021-03-04 with the court.", "2021-03-04", "2021-03-04"},
      {"The memo was dated 11/28/2019 and signed.", "11/28/2019", "2019-11-28"},
      {"She spoke on Monday, November 28 at the gala.", "Monday, November 28", "2022-11-28"},
      {"They married on the 3rd of June 2015.", "3rd of June 2015", "2015-06-03"},
      {"Sales fell in March 2024 and recovered.", "March 2024", "2024-03"},
      {"The band formed in 1998 in a garage.", "1998", "1998"},
      {"Prices have doubled since 2015.", "2015", "2015"},
      {"The label's 2022's collection sold out.", "2022", "2022"},
      {"The collection arrives in fall 2024.", "fall 2024", "2024-FA"},
      {"They showed the 2023 fall show in Milan.", "2023 fall", "2023-FA"},
      {"She toured Europe last summer.", "last summer", "2022-SU"},
      {"The label launches in the fall.", "the fall", "2022-FA"},
      {"Music of the 1990s is back.", "the 1990s", "199X"},
      {"The film premiered today in London.", "today", "2022-11-29"},
      {"He posted the photo yesterday.", "yesterday", "2022-11-28"},
      {"The verdict is due tomorrow.", "tomorrow", "2022-11-30"},
      {"The couple split on Sunday, a source said.", "Sunday", "2022-11-27"},
      {"The couple will meet on Friday to talk.", "Friday", "2022-12-02"},
      // A future cue far before the day, a describing "-ed" word between, "next".
      {"The union will hold a meeting for members at the Harwick Labour Club on Thursday.", "Thursday",
       "2022-12-01"},
      {"Services will resume on a reduced timetable on Thursday.", "Thursday", "2022-12-01"},
      {"The company plans its next launch in March.", "March", "2023-03"},
      {"The brand apologised last week.", "last week", "2022-W47"},
      {"The album comes out next month.", "next month", "2022-12"},
      {"Revenue rose last year.", "last year", "2021"},
      {"It was announced earlier this week.", "earlier this week", "2022-W48"},
      {"She left the company two weeks ago.", "two weeks ago", "2022-11-15"},
      {"They met three years ago in Rome.", "three years ago", "2019"},
      {"Three years later they divorced.", "Three years", "P3Y"},
      {"He was jailed for three months.", "three months", "P3M"},
      {"The firm celebrates 50 years in business.", "50 years", "P50Y"},
      {"She signed a 12-year contract.", "12-year", "P12Y"},
      {"Profits rose in the third quarter of 2009.", "the third quarter of 2009", "2009-Q3"},
      {"The meeting starts at 3 p.m. today.", "3 p.m. today", "2022-11-29T15:00"},
      {"The launch is at 18:00 UTC.", "18:00 UTC", "2022-11-29T18:00Z"},
      // British minutes after a full stop, read only before "am"/"pm".
      {"The van overturned at 7.35pm on Monday.", "7.35pm on Monday", "2022-11-28T19:35"},
      {"Doors opened at 9.05 a.m. today.", "9.05 a.m. today", "2022-11-29T09:05"},
      {"The festival is held annually in May.", "annually", "P1Y"},
      {"The company is currently hiring.", "currently", "PRESENT_REF"},
      {"Growth resumed this year.", "this year", "2022"},
      {"Prices rose in early 2008.", "early 2008", "2008"},
      {"The deal replaces the 1991 settlement.", "1991", "1991"},
      {"The plant reopens in mid-2011 after repairs.", "mid-2011", "2011"},
      {"Shares hit their lowest level in recent years.", "recent years", "PXY"},
      {"Fashion of the 70s and 80s returned.", "the 70s", "197X"},
      {"Fashion of the 70s and 80s returned.", "80s", "198X"},
      {"Profits fell in the fourth quarter.", "the fourth quarter", "2022-Q4"},
      {"Profits fell in the final quarter of 2009.", "the final quarter of 2009", "2009-Q4"},
      {"The store will reopen in December.", "December", "2022-12"},
      {"From 2009 to 2011 the jets were delivered.", "2011", "2011"},
      {"Trading stopped for the weekend at 16:08 UTC.", "16:08 UTC", "2022-11-29T16:08Z"},
      {"Trading stopped for the weekend at 16:08 UTC.", "the weekend", "2022-W48-WE"},
      {"Prices should stay high in the coming weeks.", "the coming weeks", "PXW"},
      {"It was the biggest single-day fall.", "single-day", "P1D"},
      {"Rates stay low for the time being.", "the time being", "PRESENT_REF"},
      {"The firm said earlier today it would cut jobs.", "earlier today", "2022-11-29"},
      {"The plant closes at the end of this year.", "the end of this year", "2022"},
      {"The brand has changed over the years.", "over the years", "PXY"},
      {"The economy shrank between April and June.", "April", "2022-04"},
      {"The economy shrank between April and June.", "June", "2022-06"},
      {"As of February, the store had closed.", "February", "2022-02"},
      {"Dealers reported their January sales.", "January", "2022-01"},
      // A time without its own date takes an earlier date of its sentence.
      {"The jet flew Monday in Everett at 18:00 UTC.", "18:00 UTC", "2022-11-28T18:00Z"},
      {"The jet flew Monday. It lands at 18:00 UTC.", "18:00 UTC", "2022-11-29T18:00Z"},
      {"Talks began at 16:15 UTC, November 27, in Paris.", "16:15 UTC", "2022-11-27T16:15Z"},
      {"Talks began at 16:15 UTC, November 27, in Paris.", "November 27", "2022-11-27"},
  };
  ExpectDates(kCases);
}

TEST(FindDatesTest, IgnoresNumbersThatAreNotDates) {
  const char* kSentences[] = {
      "About 1,500 people attended the show.",
      "She wrote a 2000-word essay about it.",
      "Call 555-2022 for tickets.",
      "The phone number is 020 7946 0958.",
      "The car costs 2000 dollars.",
      "They may march on the capital.",
      "Version 3.2 ships with 1998 fonts.",
      "Police said the 2000 people left early.",
      "Room 2022 is on the left.",
      "Flight 1549 landed safely.",
      "It was the first day of trading.",
      "Prices fall as the fall of the empire nears.",
      "The 32-year-old actress, 31 years old then, smiled.",
      "Temperatures were 12 at noonish, the forecast said.",
      "Theresa May and June Carter met.",
      "She told her sister and June agreed.",
      "Rates rose 6.42 per cent to 11.40 in the year.",
      "The bus left at 13.30pm, the driver said.",
      "The mayor won on 1500 votes.",
  };
  for (const char* s : kSentences) {
    const std::vector<DateMention> found = FindDates(s, kAnchor);
    EXPECT_TRUE(found.empty()) << s << " -> " << (found.empty() ? "" : found[0].text + "=" + found[0].value);
  }
}

TEST(FindDatesTest, SpansAreCodePointsIntoTheText) {
  // "É" is two bytes but one code point.
  const std::vector<DateMention> found = FindDates("Élan — founded in 1998.", kAnchor);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].span.start, 18u);
  EXPECT_EQ(found[0].span.end, 22u);
  EXPECT_EQ(found[0].text, "1998");
}

TEST(FindDatesTest, WithoutAnchorUnknownPartsAreX) {
  const std::vector<DateMention> found = FindDates("It opened on November 28 and closed today.", DateAnchor{});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "XXXX-11-28");
  EXPECT_EQ(found[1].value, "PRESENT_REF");
}

TEST(FindDatesTest, MonthsWithoutYearLeanToThePast) {
  // Read in February 2010, "October" is last October unless the sentence
  // points ahead.
  const DateAnchor kFebruary{2010, 2, 10};
  const DateCase kCases[] = {
      {"Sales fell sharply in October, the report said.", "October", "2009-10"},
      {"The plant will close in October.", "October", "2010-10"},
      {"Results for the fourth quarter disappointed.", "the fourth quarter", "2009-Q4"},
      {"Prices peaked on 11 December.", "11 December", "2009-12-11"},
  };
  for (const DateCase& c : kCases) {
    const std::vector<DateMention> found = FindDates(c.sentence, kFebruary);
    const DateMention* d = FindByText(found, c.text);
    EXPECT_NE(d, nullptr) << c.sentence;
    if (d != nullptr) {
      EXPECT_EQ(d->value, c.value) << c.sentence;
    }
  }
}

// Found by the fuzzer: a modifier as the last token read past the end.
TEST(FindDatesTest, ModifierAtEndOfText) {
  EXPECT_TRUE(FindDates("Prices peaked in mid", kAnchor).empty());
  EXPECT_TRUE(FindDates("It happened at the end of", kAnchor).empty());
}

struct AnchorCase {
  const char* text;
  const char* published;
  DateAnchor expected;
};

TEST(InferAnchorTest, UsesPublishedDateThenTextEvidence) {
  const AnchorCase kCases[] = {
      {"Nothing dated here.", "2021-05-06", {2021, 5, 6}},
      {"Nothing dated here.", "2021-05", {2021, 5, 0}},
      {"Nothing dated here.", "", {0, 0, 0}},
      {"It began on March 3, 2019 and ended on April 9, 2020.", "", {2020, 4, 9}},
      {"The firm, founded in 2010, grew in 2012 and 2014.", "", {2012, 0, 0}},
      // Weekday rule: years 2021-2023 mentioned; 28 November was a Monday
      // in 2022 (and in 2016 and 2033, farther from the text's years).
      {"After hits in 2021 and 2023, she spoke on Monday, November 28, about 2022.", "", {2022, 11, 28}},
      // Same rule, other weekday: 5 March was a Tuesday in 2019.
      {"Talks started in 2017 and 2020. On Tuesday, March 5 the deal closed.", "", {2019, 3, 5}},
  };
  for (const AnchorCase& c : kCases) {
    const DateAnchor a = InferAnchor(c.text, c.published);
    EXPECT_EQ(a.year, c.expected.year) << c.text;
    EXPECT_EQ(a.month, c.expected.month) << c.text;
    EXPECT_EQ(a.day, c.expected.day) << c.text;
  }
}

struct ReferenceCase {
  const char* text;
  DateAnchor reference;  // "today" for the no-evidence weekday rule
  DateAnchor expected;
};

TEST(InferAnchorTest, YearlessWeekdayTakesLatestMatchingYearNotAfterReference) {
  const ReferenceCase kCases[] = {
      // 28 November was a Monday in 2022 and 2016.
      {"She spoke on Monday, November 28 at the gala.", {2024, 6, 1}, {2022, 11, 28}},
      {"She spoke on Monday, November 28 at the gala.", {2022, 11, 28}, {2022, 11, 28}},
      {"She spoke on Monday, November 28 at the gala.", {2022, 11, 27}, {2016, 11, 28}},
      // 29 February fell on a Tuesday in 2000, not in 2024 or 2028.
      {"The vote came on Tuesday, Feb. 29, after a long night.", {2026, 1, 1}, {2000, 2, 29}},
      // Two yearless weekday dates: the later one wins.
      {"Talks began Monday, November 28. They ended on Friday, December 2.", {2024, 6, 1}, {2022, 12, 2}},
      // Years in the text outrank the reference: 2021-2023 pick 2022.
      {"After hits in 2021 and 2023, she spoke on Monday, November 28.", {2030, 1, 1}, {2022, 11, 28}},
      // An unknown reference leaves the yearless date without an anchor.
      {"She spoke on Monday, November 28 at the gala.", {0, 0, 0}, {0, 0, 0}},
      // A month and day without a weekday never fixes the year.
      {"She spoke on November 28 at the gala.", {2024, 6, 1}, {0, 0, 0}},
  };
  for (const ReferenceCase& c : kCases) {
    const DateAnchor a = InferAnchor(c.text, "", c.reference);
    EXPECT_EQ(a.year, c.expected.year) << c.text;
    EXPECT_EQ(a.month, c.expected.month) << c.text;
    EXPECT_EQ(a.day, c.expected.day) << c.text;
  }
}

TEST(InferAnchorTest, YearlessWeekdayWithoutReferenceStaysUnknownYear) {
  const char* kText = "She spoke on Monday, November 28 at the gala.";
  const std::vector<DateMention> found = FindDates(kText, InferAnchor(kText, "", DateAnchor{}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "XXXX-11-28");
}

TEST(InferAnchorTest, PublishedDateOutranksReference) {
  const DateAnchor a = InferAnchor("She spoke on Monday, November 28.", "2016-12-01", DateAnchor{2024, 6, 1});
  EXPECT_EQ(a.year, 2016);
  EXPECT_EQ(a.month, 12);
  EXPECT_EQ(a.day, 1);
}

TEST(InferAnchorTest, DefaultReferenceIsAPastOrPresentDate) {
  // Whatever today is, 28 November on a Monday resolves to a year no later
  // than today's, and the day it names is a Monday.
  const DateAnchor today = TodayUtc();
  const DateAnchor a = InferAnchor("She spoke on Monday, November 28 at the gala.", "");
  ASSERT_GT(a.year, 0);
  EXPECT_LE(a.year, today.year);
  EXPECT_EQ(DayOfWeek(a.year, 11, 28), 0);
}

// Relative dates in an undated article resolve against the inferred anchor.
TEST(InferAnchorTest, RelativeDatesResolveAgainstInferredAnchor) {
  const char* kText =
      "The brand apologised on Monday, November 28. Last week it had pulled the ads. "
      "Earlier this week the founder spoke, and on Saturday the store closed. "
      "The firm said yesterday it would sue, and a ruling is expected next month.";
  const DateAnchor a = InferAnchor(kText, "", DateAnchor{2024, 6, 1});
  const std::vector<DateMention> found = FindDates(kText, a);
  const DateCase kCases[] = {
      {kText, "Monday, November 28", "2022-11-28"}, {kText, "Last week", "2022-W47"},
      {kText, "Earlier this week", "2022-W48"},     {kText, "Saturday", "2022-11-26"},
      {kText, "yesterday", "2022-11-27"},           {kText, "next month", "2022-12"},
  };
  for (const DateCase& c : kCases) {
    const DateMention* d = FindByText(found, c.text);
    EXPECT_NE(d, nullptr) << c.text;
    if (d != nullptr) {
      EXPECT_EQ(d->value, c.value) << c.text;
    }
  }
}

TEST(FindDatesTest, TenseCuesOrientYearlessDates) {
  // Read on Tuesday 29 November 2022.
  const DateCase kCases[] = {
      {"Voters went to the polls in an election on January 30.", "January 30", "2022-01-30"},
      {"The country will hold an election on January 30.", "January 30", "2023-01-30"},
      {"An election is scheduled for January 30.", "January 30", "2023-01-30"},
      {"The next election is on January 30.", "January 30", "2023-01-30"},
      {"The upcoming vote on January 30 decides it.", "January 30", "2023-01-30"},
      {"The chain is on track to open a store in February.", "February", "2023-02"},
      {"The label plans to show in March.", "March", "2023-03"},
      {"The plans announced in January were dropped.", "January", "2022-01"},
      {"Sales were weak in December.", "December", "2021-12"},
      {"Revenue rebounded in December.", "December", "2021-12"},
      {"The tower will be completed in December.", "December", "2022-12"},
      {"The merger should be completed in February.", "February", "2023-02"},
      {"The shop should have opened in February.", "February", "2022-02"},
      {"The trial is set to begin on Wednesday.", "Wednesday", "2022-11-30"},
      {"Flights were cancelled due to a storm on Friday.", "Friday", "2022-11-25"},
      {"The ban is due to start on Friday.", "Friday", "2022-12-02"},
      {"The deal is expected in March.", "March", "2023-03"},
      {"Dealers will be dropped after October of next year.", "October", "2023-10"},
      {"Dealers will be dropped after October of next year.", "next year", "2023"},
      {"The two courses end in September next year.", "September", "2023-09"},
      {"Waits have grown every week since July last year.", "July", "2021-07"},
      // So does a day's: "on January 14 last year".
      {"He was found dead on January 14 last year.", "January 14", "2021-01-14"},
      {"The line will open on March 3 next year.", "March 3", "2023-03-03"},
      // No cue: the nearest such month, ahead by up to two months.
      {"The election is on January 30.", "January 30", "2023-01-30"},
      {"The vote is on October 2.", "October 2", "2022-10-02"},
      // An infinitive after a past verb carries its own time.
      {"The council voted on Tuesday to hold an election on January 30.", "January 30", "2023-01-30"},
      {"The council will meet to vote on Friday.", "Friday", "2022-12-02"},
      {"The clerk said the vote would be held in January.", "January", "2023-01"},
      // A capitalised "-ed" word is a title's, not a past tense.
      {"The series \"Lost Unfolded\" returns in December.", "December", "2022-12"},
      // An irregular past tense.
      {"The club sold the striker in January.", "January", "2022-01"},
      // A past too short for the "-ed" rule, which passes over "need" and "shed".
      {"She died in hospital on January 16.", "January 16", "2022-01-16"},
      // A weekday's possessive looks back; "next" before a noun is no cue.
      {"She is set to become the next mayor after Friday's vote.", "Friday", "2022-11-25"},
      {"A hearing will be held next January 30.", "next January 30", "2023-01-30"},
      {"Closures would end in the spring.", "the spring", "2023-SP"},
      // A quotation before the date keeps its own tense; the clause's verb
      // ("wrote", an irregular past) dates it.
      {"\"We will rebuild the pier,\" Ansel Vide wrote on X on Monday.", "Monday", "2022-11-28"},
      {"\u201CWe will rebuild the pier,\u201D Ansel Vide posted on Monday.", "Monday", "2022-11-28"},
      {"She told reporters on Friday that the pier would reopen.", "Friday", "2022-11-25"},
      // A duty ("must") and a forecast look ahead; a modal's perfect back.
      {"The landlord must repay the tenants by February 1.", "February 1", "2023-02-01"},
      {"The landlord must have repaid the tenants in October.", "October", "2022-10"},
      {"The cold snap is forecast to end on Saturday.", "Saturday", "2022-12-03"},
      {"Heavy snow expected on Thursday has closed schools.", "Thursday", "2022-12-01"},
      {"A ruling expected by January 12 could end the dispute.", "January 12", "2023-01-12"},
      // A present tense of a scheduled event looks ahead.
      {"The committee meets on Monday to consider the bid.", "Monday", "2022-12-05"},
      {"The tour ends with two nights in Harl on May 27.", "May 27", "2023-05-27"},
      {"The judge froze the funds pending a trial in March.", "March", "2023-03"},
      // "into" is a weak year cue, like "to".
      {"Its cash lasts into 2025.", "2025", "2025"},
      {"Reports rose 35% on 2021, the survey said.", "2021", "2021"},
      {"Charges for the years 2019 to 2021 were cut.", "2019", "2019"},
      {"A new habitat is planned for 2028.", "2028", "2028"},
      {"The patents protect sales beyond 2031.", "2031", "2031"},
      // The end or start of a month or of the year the text is in.
      {"The repairs should be done by the end of the year.", "the end of the year", "2022"},
      {"The waiting list stood at 48,300 at the end of June.", "the end of June", "2022-06"},
      {"The ground will stay shut until at least April.", "April", "2023-04"},
      // An intention before "to" looks ahead; "as planned" is no past verb.
      {"The firms expect to complete the deal in March.", "March", "2023-03"},
      {"Lane closures would end as planned in the spring.", "the spring", "2023-SP"},
      {"Forecasters expect heavy rain on Thursday.", "Thursday", "2022-12-01"},
      // A weekday's possessive looks ahead to an event a "will" points to,
      // not to a reference point.
      {"The coach will lead the side in Saturday's league match.", "Saturday", "2022-12-03"},
      {"The buyer will pay a premium to Friday's closing price.", "Friday", "2022-11-25"},
      // "a week today" is seven days on.
      {"The stadium reopens a week today.", "a week today", "2022-12-06"},
      // A fortnight is two weeks.
      {"Sales were up from 900 a fortnight ago.", "a fortnight ago", "2022-11-15"},
      {"The show reopens in a fortnight.", "a fortnight", "P2W"},
      // "the new year" read in a year's second half is the coming one.
      {"She hopes to be back at work in the new year.", "the new year", "2023"},
      // With no cue before it, a date in the subject takes the verb's future.
      {"A hearing in March will decide the claim.", "March", "2023-03"},
      {"A hearing in March decided the claim.", "March", "2022-03"},
      // A deadline ("by") is ahead unless its clause is past.
      {"The plant winds down by the end of March.", "the end of March", "2023-03"},
      {"Sales had fallen by the end of March.", "the end of March", "2022-03"},
      // A participle after a linking verb describes ("will stay closed").
      {"The library will stay closed on Monday and reopen Wednesday.", "Wednesday", "2022-11-30"},
      // After a negation, "until" takes its clause's tense.
      {"Guests were not allowed back until Friday.", "Friday", "2022-11-25"},
      {"The bridge will not reopen until Friday.", "Friday", "2022-12-02"},
      {"The hearing was adjourned until Friday.", "Friday", "2022-12-02"},
      // A possessive after a part of the day still looks back.
      {"The pool will stay shut after Thursday night's flood.", "Thursday night", "2022-11-24TNI"},
  };
  ExpectDates(kCases);
}

// A date something is set for is ahead of the setting: a past verb before
// "for" does not send it to last year (read on 29 November 2022).
TEST(FindDatesTest, ADateSetForIsAhead) {
  const DateCase kCases[] = {
      {"The union has called a strike for December 12.", "December 12", "2022-12-12"},
      {"The hearing was set for January 9.", "January 9", "2023-01-09"},
      {"Talks were scheduled for October 3.", "October 3", "2023-10-03"},
      // Without "for", the past verb still decides.
      {"The union called a strike on December 12.", "December 12", "2021-12-12"},
  };
  ExpectDates(kCases);
}

// "the following year" counts from the year just named, not from the anchor.
TEST(FindDatesTest, FollowingYearCountsFromTheNamedYear) {
  const DateCase kCases[] = {
      {"The firm was founded in 2015 and won a prize the following year.", "the following year", "2016"},
      {"She left in 2019. The previous year she had been promoted.", "The previous year", "2018"},
      // Nothing named before: the anchor's year.
      {"Prices rose. The following year they fell.", "The following year", "2023"},
  };
  ExpectDates(kCases);
}

TEST(InferAnchorTest, InferredAnchorResolvesRelativeDates) {
  const char* kText = "After hits in 2021 and 2023, she spoke on Monday, November 28. A day later, on Tuesday, she left.";
  const DateAnchor a = InferAnchor(kText, "");
  const std::vector<DateMention> found = FindDates(kText, a);
  const DateMention* monday = FindByText(found, "Monday, November 28");
  ASSERT_NE(monday, nullptr);
  EXPECT_EQ(monday->value, "2022-11-28");
}

// No publication date: a month-day without weekday or year takes the year
// written nearest to it in the text; a year written alone is evidence too.
TEST(InferAnchorTest, YearlessDateTakesNearestWrittenYear) {
  const DateCase kCases[] = {
      // The only year stands alone after a comma.
      {"She posted on November 28. The gala, 2021, was cancelled.", "November 28", "2021-11-28"},
      // Two years: the nearer one wins, in either direction.
      {"In 2019 the firm opened. Years later, in 2023, it closed on March 3.", "March 3", "2023-03-03"},
      {"It closed on March 3 after a 2016 loss. Nothing happened until 2024.", "March 3", "2016-03-03"},
      // A month alone after a cue.
      {"Talks failed in 2018. The firm gave up in May.", "May", "2018-05"},
      // Money and percentages are not years.
      {"The ring sold for $2015 on June 2.", "June 2", "XXXX-06-02"},
  };
  for (const DateCase& c : kCases) {
    const DateAnchor a = InferAnchor(c.sentence, "", DateAnchor{});
    const std::vector<DateMention> found = FindDates(c.sentence, a);
    const DateMention* d = FindByText(found, c.text);
    EXPECT_NE(d, nullptr) << c.sentence << " -> missing \"" << c.text << "\"";
    if (d != nullptr) {
      EXPECT_EQ(d->value, c.value) << c.sentence;
    }
  }
}

// A given publication date still decides for yearless dates.
TEST(InferAnchorTest, PublishedDateBeatsWrittenYears) {
  const char* kText = "The gala of 2019 was recalled. She posted on November 28.";
  const std::vector<DateMention> found = FindDates(kText, InferAnchor(kText, "2022-11-29"));
  const DateMention* d = FindByText(found, "November 28");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->value, "2022-11-28");
}

struct WeekdayCase {
  int year, month, day, weekday;
};

// A bare weekday looks back unless its sentence points ahead; the anchor,
// 29 November 2022, is a Tuesday.
TEST(FindDatesTest, WeekdayTenseReadsNounsComparisonsPlansAndChangesFromADay) {
  const DateCase kCases[] = {
      // A scheduled present ("ends", "opens") after a quantifier or
      // determiner is a noun: the clause is past.
      {"Crews blamed the starts of the regatta on Sunday for the delay.", "Sunday", "2022-11-27"},
      // "earlier" after a unit of time compares two times: "would" decides.
      {"The night ferry will sail an hour earlier on Thursday.", "Thursday", "2022-12-01"},
      {"A second walkout, which nurses are planning for Thursday, would close two wards.", "Thursday", "2022-12-01"},
      {"A vote on the merger is set for Saturday.", "Saturday", "2022-12-03"},
      // A change from a day, with no tense before it, takes effect ahead.
      {"From Monday, cyclists may use the bus lanes on the ring road.", "Monday", "2022-12-05"},
      // Not when a range follows, nor when a past tense says otherwise.
      {"Roadworks from Monday to Wednesday, the notice says.", "Monday", "2022-11-28"},
      {"The trains ran a reduced service from Monday.", "Monday", "2022-11-28"},
      {"Residents were planning a vigil on Friday.", "Friday", "2022-11-25"},
      // Planning with its object points ahead; the noun and a simple past
      // "planned" do not.
      {"Dockers say they plan a rally outside the port gates on Saturday.", "Saturday", "2022-12-03"},
      {"Two tenants' groups have planned an overnight vigil for Saturday.", "Saturday", "2022-12-03"},
      {"The union planned a walkout on Monday but called it off.", "Monday", "2022-11-28"},
      {"The council's plan on Monday drew criticism.", "Monday", "2022-11-28"},
  };
  ExpectDates(kCases);
}

TEST(DayOfWeekTest, KnownDates) {
  const WeekdayCase kCases[] = {
      {2022, 11, 28, 0}, {1970, 1, 1, 3}, {2000, 2, 29, 1}, {2024, 12, 25, 2}, {1987, 10, 19, 0},
  };
  for (const WeekdayCase& c : kCases) {
    EXPECT_EQ(DayOfWeek(c.year, c.month, c.day), c.weekday) << c.year << "-" << c.month << "-" << c.day;
  }
}

TEST(ParseAnchorTest, RejectsMalformed) {
  const char* kBad[] = {"", "abcd", "20x2-01-01", "12345", "2022/01/01"};
  for (const char* s : kBad) EXPECT_EQ(ParseAnchor(s).year, 0) << s;
  EXPECT_EQ(ParseAnchor("2022-13-01").month, 0);
  EXPECT_EQ(ParseAnchor("2022-02-30T10:00").day, 0);
  EXPECT_EQ(ParseAnchor("2022-02-03T10:00").day, 3);
}

}  // namespace
}  // namespace storyline
