// Tests of quantity recognition (src/extract/quantities.h) on invented
// sentences: each form with its normalised value and unit, the subject
// attachment given hand-made entity mentions, and numbers that are not
// quantities (years, dates, times, phone numbers, ids).
#include "extract/quantities.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "text/shape_tokens.h"

namespace storyline {
namespace {

struct MentionSpec {
  const char* surface;  // first occurrence in the sentence
  const char* type;
  const char* entity;
};

struct Case {
  const char* sentence;
  std::vector<MentionSpec> mentions;
  const char* text;  // expected quantity text
  double value;
  const char* unit;
  const char* subject;
};

// Code-point offset of byte offset `byte` in `s` (same count as
// CodePointLength: every byte that is not a continuation byte).
size_t CodePoints(std::string_view s, size_t byte) {
  size_t n = 0;
  for (size_t i = 0; i < byte && i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

std::vector<EntityMention> MakeMentions(std::string_view sentence, const std::vector<MentionSpec>& specs) {
  std::vector<EntityMention> out;
  for (const MentionSpec& m : specs) {
    const size_t b = sentence.find(m.surface);
    EXPECT_NE(b, std::string_view::npos) << m.surface;
    const size_t len = std::string_view(m.surface).size();
    EntityMention e;
    e.span = {CodePoints(sentence, b), CodePoints(sentence, b + len)};
    e.text = m.surface;
    e.type = m.type;
    e.entity = m.entity;
    out.push_back(e);
  }
  return out;
}

const Quantity* FindByText(const std::vector<Quantity>& found, const std::string& text) {
  for (const Quantity& q : found) {
    if (q.text == text) return &q;
  }
  return nullptr;
}

void ExpectCase(const Case& c) {
  const std::string_view s = c.sentence;
  const std::vector<Quantity> found = FindQuantities(s, MakeMentions(s, c.mentions));
  const Quantity* q = FindByText(found, c.text);
  ASSERT_NE(q, nullptr) << c.sentence << " -> no \"" << c.text << "\" among " << found.size();
  EXPECT_DOUBLE_EQ(q->value, c.value) << c.sentence;
  EXPECT_EQ(q->unit, c.unit) << c.sentence;
  EXPECT_EQ(q->subject, c.subject) << c.sentence;
  const size_t b = s.find(c.text);
  EXPECT_EQ(q->span.start, CodePoints(s, b)) << c.sentence;
  EXPECT_EQ(q->span.end, CodePoints(s, b + q->text.size())) << c.sentence;
}

// A sentence, the text of a figure in it and the measure expected of it
// (no entity mentions).
struct MeasureRow {
  const char* sentence;
  const char* text;
  const char* measure;
};

void ExpectMeasures(std::initializer_list<MeasureRow> rows) {
  for (const MeasureRow& row : rows) {
    const std::vector<Quantity> found = FindQuantities(row.sentence, {});
    const Quantity* q = FindByText(found, row.text);
    ASSERT_NE(q, nullptr) << row.sentence << " -> no " << row.text;
    EXPECT_EQ(q->measure, row.measure) << row.sentence;
  }
}

const MentionSpec kFox{"Zoë Fox", "PERSON", "e1"};
const MentionSpec kLane{"Omar Lane", "PERSON", "e2"};
const MentionSpec kAcme{"Acme Corp", "ORG", "e3"};

TEST(FindQuantitiesTest, Ages) {
  const std::vector<Case> kCases = {
      {"Zoë Fox, 31, said the tour was over.", {kFox}, "31", 31, "years", "e1"},
      {"Zoë Fox, 31 briefly left the stage.", {kFox}, "31", 31, "years", "e1"},
      {"The prize went to Zoë Fox, 45.", {kFox}, "45", 45, "years", "e1"},
      {"The winner was Zoë Fox (27) of Leeds.", {kFox}, "27", 27, "years", "e1"},
      {"Zoë Fox spoke first. The 42-year-old thanked her fans.", {kFox}, "42-year-old", 42, "years", "e1"},
      {"Zoë Fox waved. Omar Lane, the 42-year-old, bowed.", {kFox, kLane}, "42-year-old", 42, "years", "e2"},
      // Past one sentence naming no one to the last that names someone;
      // never further.
      {"Zoë Fox bought the house. The price was a record. The 42-year-old paid cash.", {kFox}, "42-year-old", 42,
       "years", "e1"},
      {"Zoë Fox bought it. The price was a record. Bids were high. The 42-year-old paid cash.", {kFox},
       "42-year-old", 42, "years", ""},
      {"Omar Lane praised 42-year-old Zoë Fox.", {kLane, kFox}, "42-year-old", 42, "years", "e1"},
      {"Zoë Fox is 55 years old and still touring.", {kFox}, "55 years old", 55, "years", "e1"},
      {"The singer, aged 31, was not hurt.", {}, "aged 31", 31, "years", ""},
      {"Zoë Fox, aged 19, signed with Acme Corp.", {kFox, kAcme}, "aged 19", 19, "years", "e1"},
      {"A 42-year-old man was arrested.", {}, "42-year-old", 42, "years", ""},
      // "as a 17-year-old": the age of the sentence's person.
      {"Zoë Fox made her debut in 2018 as a 17-year-old.", {kFox}, "17-year-old", 17, "years", "e1"},
      // "at the age of": the age of the one person named before it, at
      // what the clause says happened; nobody's among two.
      {"Zoë Fox joined the choir at the age of nine.", {kFox}, "the age of nine", 9, "years", "e1"},
      {"Zoë Fox founded Acme Corp in 2004 at the age of 29.", {kFox, kAcme}, "the age of 29", 29, "years", "e1"},
      {"Zoë Fox met Omar Lane at the age of 19.", {kFox, kLane}, "the age of 19", 19, "years", ""},
      // Spelled out between commas, as in digits.
      {"Her son, Omar Lane, nine, was treated for cold.", {kLane}, "nine", 9, "years", "e2"},
      {"The band signed Zoë Fox, forty-one, on Friday.", {kFox}, "forty-one", 41, "years", "e1"},
  };
  for (const Case& c : kCases) ExpectCase(c);
  // A spelled number after a comma that no name precedes is a count.
  const std::vector<Quantity> count = FindQuantities("In May, nine people were hurt.", {});
  ASSERT_EQ(count.size(), 1u);
  EXPECT_EQ(count[0].unit, "people");
}

TEST(FindQuantitiesTest, Counts) {
  const std::vector<Case> kCases = {
      {"Zoë Fox lost 30K followers in a day.", {kFox}, "30K followers", 30000, "followers", "e1"},
      {"Zoë Fox has 5,000 followers.", {kFox}, "5,000 followers", 5000, "followers", "e1"},
      {"Acme Corp now has over 50k followers.", {kAcme}, "50k followers", 50000, "followers", "e3"},
      {"Acme Corp removed 2.3 million accounts.", {kAcme}, "2.3 million accounts", 2300000, "accounts", "e3"},
      {"The site had 1.2bn users.", {}, "1.2bn users", 1.2e9, "users", ""},
      // A speaker does not own the figures it reports.
      {"Acme Corp said 133 people were sacked.", {kAcme}, "133 people", 133, "people", ""},
      {"Zoë Fox gained 12,000 Instagram followers.", {kFox}, "12,000 Instagram followers", 12000, "followers", "e1"},
      {"Only 1 follower stayed with Zoë Fox.", {kFox}, "1 follower", 1, "follower", ""},
      {"Zoë Fox sold 40 million albums.", {kFox}, "40 million albums", 4e7, "albums", "e1"},
      {"Acme Corp hired three new nurses.", {kAcme}, "three new nurses", 3, "nurses", "e3"},
      {"Zoë Fox lost two million followers.", {kFox}, "two million followers", 2e6, "followers", "e1"},
      {"Forty people signed the letter.", {}, "Forty people", 40, "people", ""},
      // Hundreds spelled out, with "and" and a tens word (was 40 jobs).
      {"Five hundred and forty jobs will go.", {}, "Five hundred and forty jobs", 540, "jobs", ""},
      {"Two hundred firms and forty-three banks signed.", {}, "Two hundred firms", 200, "firms", ""},
      {"Nine hundred and fifty-two thousand votes were cast.", {}, "Nine hundred and fifty-two thousand votes", 952000,
       "votes", ""},
      // "After Zoë Fox" is a prepositional phrase: the 30 people are the subject.
      {"After Zoë Fox, 30 people spoke.", {kFox}, "30 people", 30, "people", ""},
      // Any plural noun is counted, not only listed ones.
      {"He made 28 arrest warrants public.", {}, "28 arrest warrants", 28, "warrants", ""},
      {"The blaze destroyed 37 homes.", {}, "37 homes", 37, "homes", ""},
      {"It has burned 8,640 hectares.", {}, "8,640 hectares", 8640, "hectares", ""},
      {"Four aircraft flew.", {}, "Four aircraft", 4, "aircraft", ""},
      // A duration's unit is singular, never an age's "years".
      {"He was jailed for nine years.", {}, "nine years", 9, "year", ""},
  };
  for (const Case& c : kCases) ExpectCase(c);
}

// A price belongs to the deal, not to whoever paid it ("Fox paid $200,000").
TEST(FindQuantitiesTest, Money) {
  const std::vector<Case> kCases = {
      {"Zoë Fox paid $200,000 for the car.", {kFox}, "$200,000", 200000, "USD", ""},
      {"Acme Corp was fined £1.2m on Monday.", {kAcme}, "£1.2m", 1.2e6, "GBP", "e3"},
      {"Acme Corp raised €5 billion.", {kAcme}, "€5 billion", 5e9, "EUR", "e3"},
      {"The deal is worth US$3.5 million.", {}, "US$3.5 million", 3.5e6, "USD", ""},
      {"Omar Lane owes 200,000 dollars.", {kLane}, "200,000 dollars", 200000, "USD", "e2"},
      {"The fine was 5 million euros.", {}, "5 million euros", 5e6, "EUR", ""},
      {"Acme Corp paid 300 pounds sterling.", {kAcme}, "300 pounds sterling", 300, "GBP", ""},
      {"Tickets cost HK$150 each.", {}, "HK$150", 150, "HKD", ""},
      // Fined someone a sum: the sum is the one fined's fine.
      {"The regulator fined Acme Corp £36.5m on Monday.", {kAcme}, "£36.5m", 3.65e7, "GBP", "e3"},
      // A scale word run onto the digits, as tabloids print it.
      {"The club is owed £1.7million.", {}, "£1.7million", 1.7e6, "GBP", ""},
      {"The firm lost $2.3billion last year.", {}, "$2.3billion", 2.3e9, "USD", ""},
  };
  for (const Case& c : kCases) ExpectCase(c);
}

TEST(FindQuantitiesTest, PercentagesAndRanks) {
  const std::vector<Case> kCases = {
      {"Acme Corp shares fell 60 percent.", {kAcme}, "60 percent", 60, "percent", "e3"},
      {"Acme Corp shares fell 12% on Friday.", {kAcme}, "12%", 12, "percent", "e3"},
      {"Turnout rose 3.5 per cent.", {}, "3.5 per cent", 3.5, "percent", ""},
      {"Zoë Fox ranked third in the poll.", {kFox}, "ranked third", 3, "rank", "e1"},
      {"Zoë Fox was ranked No. 2 last year.", {kFox}, "ranked No. 2", 2, "rank", "e1"},
      {"The song hit No. 1 in May.", {}, "No. 1", 1, "rank", ""},
      {"Acme Corp is the fifth-largest bank.", {kAcme}, "fifth-largest", 5, "rank", "e3"},
      {"Acme Corp is the 3rd-biggest bank.", {kAcme}, "3rd-biggest", 3, "rank", "e3"},
      {"The album reached #1 quickly.", {}, "#1", 1, "rank", ""},
  };
  for (const Case& c : kCases) ExpectCase(c);
}

// The subject of a count is the nearest PERSON or ORG mention before the
// number in the same sentence, never one from an earlier sentence or after.
TEST(FindQuantitiesTest, SubjectStaysInTheSentence) {
  const std::vector<Case> kCases = {
      {"Zoë Fox left. The site lost 30K users.", {kFox}, "30K users", 30000, "users", ""},
      {"Zoë Fox said Acme Corp lost 30K users.", {kFox, kAcme}, "30K users", 30000, "users", "e3"},
      // The speaker does not own a figure in the clause he reports.
      {"Mr. Lane said Acme Corp lost 9 stores.", {{"Lane", "PERSON", "e2"}}, "9 stores", 9, "stores", ""},
      {"Mr. Lane said he lost 9 stores.", {{"Lane", "PERSON", "e2"}}, "9 stores", 9, "stores", "e2"},
      {"The firm lost 30K users, Zoë Fox said.", {kFox}, "30K users", 30000, "users", ""},
  };
  for (const Case& c : kCases) ExpectCase(c);
}

const MentionSpec kLaneEpithet{"The 32-year-old star", "PERSON", "e2"};

// Ages attach to the person described, even when the tagger missed a bare
// surname or first name, or the age sits inside an epithet mention.
TEST(FindQuantitiesTest, AgeSubjects) {
  const std::vector<Case> kCases = {
      {"Zoë Fox starred. Fox, 31, said she was done.", {kFox}, "31", 31, "years", "e1"},
      {"Zoë Fox starred. Zoë, 31, said she was done.", {kFox}, "31", 31, "years", "e1"},
      {"Zoë Fox starred. The show made Fox (31) famous.", {kFox}, "31", 31, "years", "e1"},
      {"Omar Lane met Zoë Fox. The 32-year-old star wrote a post.", {kLane, kFox, kLaneEpithet}, "32-year-old", 32,
       "years", "e2"},
      {"Omar Lane praised the 31-year-old British actress Zoë Fox.", {kLane, kFox}, "31-year-old", 31, "years", "e1"},
      {"Zoë Fox won. Omar Lane praised the 31-year-old Fox.", {kFox, kLane}, "31-year-old", 31, "years", "e1"},
      {"Zoë Fox sang. Omar Lane hugged Fox, aged 31, on stage.", {kFox, kLane}, "aged 31", 31, "years", "e1"},
      {"Omar Lane thanked Zoë Fox, aged 31, for the song.", {kLane, kFox}, "aged 31", 31, "years", "e1"},
      {"Zoë Fox, a 42-year-old actress, left.", {kFox}, "42-year-old", 42, "years", "e1"},
      {"Zoë Fox spoke first. A 42-year-old man was arrested.", {kFox}, "42-year-old", 42, "years", ""},
      {"Zoë Fox sang. A woman aged 31 was hurt.", {kFox}, "aged 31", 31, "years", ""},
      // Someone described and not named, after a comma: no one named.
      {"Zoë Fox sang. A junior engineer in the sound department, then aged 26, saw it.", {kFox}, "aged 26", 26,
       "years", ""},
      {"Omar Lane thanked Zoë Fox, then aged 31, for the song.", {kLane, kFox}, "aged 31", 31, "years", "e1"},
      // A definite description after one name in its own sentence is that person.
      {"Omar Lane arrived. Zoë Fox sang, a triumph for the 31-year-old singer.", {kLane, kFox}, "31-year-old", 31,
       "years", "e1"},
      // The age of a thing is no one's.
      {"Zoë Fox agreed a takeover of the 55-year-old British scales maker.", {kFox}, "55-year-old", 55, "years",
       ""},
      {"Zoë Fox starred. The 31-year-old British actress wrote a post.", {kFox}, "31-year-old", 31, "years", "e1"},
      // A name before a person's noun modifies it: the band is not the singer.
      {"Zoë Fox starred. The 31-year-old Harbour Lights singer wrote a post.",
       {kFox, {"Harbour Lights", "PERSON", "e2"}}, "31-year-old", 31, "years", "e1"},
      {"Zoë Fox starred. The 31-year-old Omar Lane wrote a post.", {kFox, kLane}, "31-year-old", 31, "years", "e2"},
      // A relative clause after the name says the age now.
      {"Omar Lane left. \"It is time,\" said Zoë Fox, who is 58.", {kLane, kFox}, "58", 58, "years", "e1"},
      {"Zoë Fox, who is now 44, sang.", {kFox}, "44", 44, "years", "e1"},
  };
  for (const Case& c : kCases) ExpectCase(c);
  // An age at another time: "who was 23 when", a birthday ("turned 35 last
  // month": an earlier article's 34 is no conflict), one to come.
  for (const char* s : {"Zoë Fox, who was 23 when she debuted, sang.", "Zoë Fox, who turned 35 last month, sang.",
                        "Zoë Fox, who turns 60 in May, sang."}) {
    for (const Quantity& q : FindQuantities(s, MakeMentions(s, {kFox}))) {
      EXPECT_NE(q.measure, "age") << s << " -> " << q.text;
    }
  }
}

// A part of a whole the text gives is never a count of its own when no verb
// says what happened to it: it would be set against the whole's ("six of the
// seven satellites"); nor is where a part is ("were based in Leeds").
TEST(FindQuantitiesTest, APartOfAGivenWholeCountsNothing) {
  for (const char* s : {"By Friday, six of the seven satellites were in orbit.",
                        "About 90 of the firm's 140 employees were based in Leeds."}) {
    for (const Quantity& q : FindQuantities(s, {})) {
      EXPECT_TRUE(q.text == "seven satellites" || q.text == "140 employees") << s << " -> " << q.text;
    }
  }
}

// "Nine of the airline's 11 aircraft were leased": what the verb after the
// whole's noun says happened is the part's, a part of what happened
// ("aircraft leased in part", never set against a total of it); the whole,
// its owner in the possessive too, counts the noun in all, not what
// happened to the part.
TEST(FindQuantitiesTest, APartOfAGivenWholeIsAPartOfWhatHappened) {
  ExpectMeasures({
      {"Nine of the airline's 11 aircraft were leased.", "Nine", "aircraft leased in part"},
      {"Nine of the airline's 11 aircraft were leased.", "11 aircraft", "aircraft in all"},
      {"Two of the chapel's eight bells were damaged in the fire.", "Two", "bells damaged in part"},
      {"Two of the chapel's eight bells were damaged in the fire.", "eight bells", "bells in all"},
      {"Four of its 12 branches will be closed next year.", "Four", "branches closed in part"},
      {"Four of its 12 branches will be closed next year.", "12 branches", "branches in all"},
      {"By Friday, six of the seven satellites had made contact.", "seven satellites", "satellites in all"},
  });
}

// A time in the possessive at the very end of a text reads no token past it.
TEST(FindQuantitiesTest, APossessiveTimeAtTheEndOfTheText) {
  for (const char* s : {"The driver had 27 years'", "The driver had 27 years\xE2\x80\x99"}) {
    const std::vector<Quantity> found = FindQuantities(s, {});
    ASSERT_EQ(found.size(), 1u) << s;
    EXPECT_EQ(found[0].text, "27 years") << s;
  }
}

// Pence are hundredths of a pound; a price per share is the deal's, never the
// payer's or the target's, and never set against what the deal is worth.
TEST(FindQuantitiesTest, PencePerShare) {
  const std::string s =
      "Acme Corp has offered 385p a share for Omar Lane's bakery, valuing it at £1.2 billion. "
      "Acme Corp will pay 385 pence for each Lane Foods share, or about $4.90 per share. A 5p rise followed.";
  const std::vector<Quantity> found = FindQuantities(s, MakeMentions(s, {kAcme, kLane}));
  for (const char* text : {"385p", "385 pence", "$4.90"}) {
    const Quantity* q = FindByText(found, text);
    ASSERT_NE(q, nullptr) << text;
    EXPECT_EQ(q->measure, "price per share") << text;
    EXPECT_EQ(q->subject, "") << text;
  }
  EXPECT_DOUBLE_EQ(FindByText(found, "385p")->value, 3.85);
  EXPECT_EQ(FindByText(found, "385p")->unit, "GBP");
  EXPECT_DOUBLE_EQ(FindByText(found, "385 pence")->value, 3.85);
  const Quantity* rise = FindByText(found, "5p");
  ASSERT_NE(rise, nullptr);
  EXPECT_DOUBLE_EQ(rise->value, 0.05);
  // "10P" (a page, a grade) is no sum.
  for (const Quantity& q : FindQuantities("See 10P for the list.", {})) ADD_FAILURE() << q.text << " " << q.unit;
}

// A dateline's place files the report; it is no subject of the figures.
TEST(FindQuantitiesTest, ADatelinesPlaceOwnsNothing) {
  const std::string s = "ASHBURY, Oct 26 (Wire) - Shares in the firm fell 38% on Monday.";
  const std::vector<Quantity> found = FindQuantities(s, MakeMentions(s, {{"ASHBURY", "ORG", "e7"}}));
  const Quantity* q = FindByText(found, "38%");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->subject, "");
  EXPECT_EQ(q->measure, "shares fall");
}

// A surname two people share names neither of them.
TEST(FindQuantitiesTest, SharedSurnameGetsNoAgeSubject) {
  const std::string s = "Zoë Fox and Ann Fox came. Fox, 31, left.";
  const std::vector<Quantity> found =
      FindQuantities(s, MakeMentions(s, {kFox, {"Ann Fox", "PERSON", "e4"}}));
  for (const Quantity& q : found) EXPECT_EQ(q.subject, "") << q.text;
}

// Counts, money and the like belong to the subject of their clause, not to
// the nearest name before them.
TEST(FindQuantitiesTest, CountSubjects) {
  const std::vector<Case> kCases = {
      {"Zoë Fox, who criticised Acme Corp, lost 30K followers.", {kFox, kAcme}, "30K followers", 30000, "followers",
       "e1"},
      {"Zoë Fox, the actress who sued Acme Corp, lost 30K followers.", {kFox, kAcme}, "30K followers", 30000,
       "followers", "e1"},
      {"Zoë Fox, angry at Acme Corp, lost 30K followers.", {kFox, kAcme}, "30K followers", 30000, "followers", "e1"},
      {"Zoë Fox said she lost 5,000 followers.", {kFox}, "5,000 followers", 5000, "followers", "e1"},
      {"Zoë Fox sang. She now has 5,000 followers.", {kFox}, "5,000 followers", 5000, "followers", "e1"},
      // A determiner before a count is no verb the subject's: "in all 730
      // schools" are no one's.
      {"Zoë Fox called for a review of security in all 730 schools.", {kFox}, "730 schools", 730, "schools", ""},
      // A pronoun opening a sentence is the last sentence's subject, not
      // the name nearest to it.
      {"Zoë Fox sang with Omar Lane. She now has 5,000 followers.", {kFox, kLane}, "5,000 followers", 5000,
       "followers", "e1"},
      {"Zoë Fox sang. Omar Lane mocked Fox's 5,000 followers.", {kFox, kLane}, "5,000 followers", 5000, "followers",
       "e1"},
      {"Omar Lane mocked the 5,000 followers of Zoë Fox.", {kLane, kFox}, "5,000 followers", 5000, "followers", "e1"},
      // A sum paid to someone is theirs, not the payer's.
      {"Omar Lane paid Acme Corp £750,000 in compensation.", {kLane, kAcme}, "£750,000", 750000, "GBP", "e3"},
      // ... even when the tagger took the payee for a place.
      {"Omar Lane paid Calder Vale £750,000 in compensation.", {kLane, {"Calder Vale", "PLACE", "e5"}}, "£750,000",
       750000, "GBP", "e5"},
      // ... and so is one the subject of a passive payment verb gets.
      {"Omar Lane said Zoë Fox was paid a fee of £750,000.", {kLane, kFox}, "£750,000", 750000, "GBP", "e1"},
      {"Omar Lane said Acme Corp has been offered £750,000.", {kLane, kAcme}, "£750,000", 750000, "GBP", "e3"},
      {"Zoë Fox sang. Fox lost 30K followers overnight.", {kFox}, "30K followers", 30000, "followers", "e1"},
      {"Zoë Fox met Omar Lane, who has 2 million fans.", {kFox, kLane}, "2 million fans", 2e6, "fans", "e2"},
      {"Acme Corp said its 4,000 workers would strike.", {kAcme}, "4,000 workers", 4000, "workers", "e3"},
      // The object of an earlier verb is not the subject: Fox posted.
      {"Zoë Fox, 31 briefly dated the ex of Omar Lane, posted two videos.", {kFox, kLane}, "two videos", 2, "videos",
       "e1"},
      {"Zoë Fox, 31 once dated rapper Omar Lane, then posted two videos.", {kFox, kLane}, "two videos", 2, "videos",
       "e1"},
      {"Zoë Fox and rapper Omar Lane lost 30K followers.", {kFox, kLane}, "30K followers", 30000, "followers", "e2"},
      // A name inside someone's quoted words does not own the count after it.
      {"\"I love Zoë Fox,\" one person wrote.", {kFox}, "one person", 1, "person", ""},
      {"Omar Lane praised Zoë Fox and lost 30K followers.", {kLane, kFox}, "30K followers", 30000, "followers", "e2"},
      // A relative clause closed before the figure owns nothing in it.
      {"Omar Lane, who runs Acme Corp, said the fire destroyed 37 homes.", {kLane, kAcme}, "37 homes", 37, "homes",
       ""},
      // Nearness alone names no owner: Fox only reports.
      {"Zoë Fox said 300 homes burned.", {kFox}, "300 homes", 300, "homes", ""},
      // A description in apposition to a name, with a relative clause.
      {"Zoë Fox, the independent who drew 1,904 votes, came third.", {kFox}, "1,904 votes", 1904, "votes", "e1"},
      // Durations: the person a description is in apposition to, the
      // subject of a verb before a place.
      {"Zoë Fox, a councillor for eight years, spoke.", {kFox}, "eight years", 8, "year", "e1"},
      {"Zoë Fox, who has worked at the infirmary for 26 years, spoke.", {kFox}, "26 years", 26, "year", "e1"},
      {"Zoë Fox, a 74-year-old retired nurse who lost 300 books, wept.", {kFox}, "300 books", 300, "books", "e1"},
      // A whole belongs to the organisation the sentence opens with.
      {"Acme Corp said it would cut 1,100 jobs across the company.", {kAcme}, "1,100 jobs", 1100, "jobs", "e3"},
      {"The plan removes 1,100 jobs from Acme Corp's workforce.", {kAcme}, "1,100 jobs", 1100, "jobs", "e3"},
      // "the 24-year-old": the person the article names most, not a
      // description's first word ("The manager").
      {"Zoë Fox signed as Omar Lane watched. The 24-year-old smiled. The manager left.",
       {kFox, kLane, {"The manager", "PERSON", "e2"}}, "24-year-old", 24, "years", "e1"},
      // ... and only among the people named this sentence or the one before.
      {"Zoë Fox signed. It rained. Omar Lane watched. The 24-year-old smiled.", {kFox, kLane}, "24-year-old", 24,
       "years", "e2"},
  };
  for (const Case& c : kCases) ExpectCase(c);
}

// A relative clause of a thing is that thing's: the story's own event
// when the thing has no name, nobody's known when it has one.
// A name in brackets (a dateline's agency) is no participant of its
// clause, and a speaker in the present tense owns no figure of what it
// reports, as in the past.
TEST(FindQuantitiesTest, BracketedNamesAndPresentSpeakersOwnNothing) {
  const MentionSpec kWire{"Metwire", "ORG", "e4"};
  const std::vector<Case> kCases = {
      {"VELMAR, May 2 (Metwire) - Storms hit 310 homes on Monday.", {kWire}, "310 homes", 310, "homes", ""},
      {"Acme Corp says 185,000 homes lost power on Monday.", {kAcme}, "185,000 homes", 185000, "homes", ""},
      {"Acme Corp tells investors 185,000 homes lost power.", {kAcme}, "185,000 homes", 185000, "homes", ""},
  };
  for (const Case& c : kCases) ExpectCase(c);
}

TEST(FindQuantitiesTest, RelativeClausesOfThings) {
  struct Row {
    const char* sentence;
    const char* text;
    const char* measure;  // "" when whose it is cannot be told
  };
  const Row rows[] = {
      {"Lane was jailed for a fraud that cost 221 investors their savings.", "221 investors", "investors cut"},
      {"Work moves to the Corvale plant, which has 2,300 workers.", "2,300 workers", ""},
  };
  for (const Row& r : rows) {
    const std::vector<Quantity> found = FindQuantities(r.sentence, {});
    const Quantity* q = FindByText(found, r.text);
    ASSERT_NE(q, nullptr) << r.sentence;
    EXPECT_EQ(q->measure, r.measure) << r.sentence;
    EXPECT_EQ(q->subject, "") << r.sentence;
  }
}

// Expects, for each row, the figure's measure (nullptr: any but "") and
// subject.
struct OwnerRow {
  const char* sentence;
  std::vector<MentionSpec> mentions;
  const char* text;
  const char* measure;  // nullptr: any measure but ""
  const char* subject;
};

void ExpectOwners(const std::vector<OwnerRow>& rows) {
  for (const OwnerRow& row : rows) {
    const std::string_view s = row.sentence;
    const std::vector<Quantity> found = FindQuantities(s, MakeMentions(s, row.mentions));
    const Quantity* q = FindByText(found, row.text);
    ASSERT_NE(q, nullptr) << row.sentence << " -> no " << row.text;
    if (row.measure != nullptr) {
      EXPECT_EQ(q->measure, row.measure) << row.sentence;
    } else {
      EXPECT_NE(q->measure, "") << row.sentence;
    }
    EXPECT_EQ(q->subject, row.subject) << row.sentence;
  }
}

// A figure opening a relative clause of possession ("whose") or of a named
// place (", where") is the antecedent's: its entity, or someone's not
// known (measure "") when no mention ends there; a common noun's place may
// be the story's own. Only what "whose" names is the antecedent's, not the
// object of the clause's verb.
TEST(FindQuantitiesTest, RelativeClausesOfPossessionAndPlace) {
  const MentionSpec kGuild{"Tilbury Guild", "ORG", "e4"};
  const MentionSpec kKelso{"Kelso", "PLACE", "e6"};
  ExpectOwners({
      {"Floodwater reached the Brackwater care home, whose 40 residents were moved.", {}, "40 residents", "", ""},
      {"The Tilbury Guild, whose 300 members buy the stone, will sue.", {kGuild}, "300 members", nullptr, "e4"},
      {"The tour stopped in Kelso, where 9,000 fans sang along.", {kKelso}, "9,000 fans", nullptr, "e6"},
      {"The rioting spread to Harnby, where 40 shops were looted.", {}, "40 shops", "", ""},
      {"The storm hit the village, where 300 homes were flooded.", {}, "300 homes", nullptr, ""},
      {"Zoë Fox, whose officers arrested 20 people, defended the police.", {kFox}, "20 people", nullptr, ""},
  });
}

// A distance set beside a name between commas ("Fenwick, 40 miles away")
// tells where that place lies: the place's, or someone's not known
// (measure "") when the name is no mention; not how far the story's event
// reached.
TEST(FindQuantitiesTest, ADistanceBesideANameIsThatPlaces) {
  const MentionSpec kOrbury{"Orbury", "PLACE", "e8"};
  ExpectOwners({
      {"The injured were flown to Orbury, 90 kilometres away, by helicopter.", {kOrbury}, "90 kilometres", nullptr,
       "e8"},
      {"The match moves to Dallow Park, 25 miles to the north, next week.", {}, "25 miles", "", ""},
      {"Smoke was seen at Ketch Point, about 12 miles from the coast.", {}, "12 miles", "", ""},
      {"The flood spread 3 kilometres along the valley.", {}, "3 kilometres", nullptr, ""},
  });
}

// A "which" or "who" clause set off after a name describes that name:
// every figure in it is the name's, after a verb or a preposition, a
// place's name too; not when a verb of saying hands the figure to another
// clause, when the name modifies another noun after a preposition, or when
// "the" makes the figure a set already known.
TEST(FindQuantitiesTest, ARelativeClauseDescribesTheNameItFollows) {
  const MentionSpec kHolt{"Holtby", "PLACE", "e9"};
  ExpectOwners({
      {"Acme Corp, which runs 40 depots in 12 countries, cut prices.", {kAcme}, "12 countries", nullptr, "e3"},
      {"Holtby, which employs 600 staff, will close its yard.", {kHolt}, "600 staff", nullptr, "e9"},
      {"Acme Corp, which said 300 homes lost power, apologised.", {kAcme}, "300 homes", nullptr, ""},
      {"The union of Holtby, which has 900 members, objected.", {kHolt}, "900 members", "", ""},
      {"Acme Corp, which runs the 11 routes losing their subsidy, said some would stop.", {kAcme}, "11 routes",
       nullptr, ""},
  });
}

// An age set off between commas belongs to the name before it, so the
// clause or the description after the age is said of that name too.
TEST(FindQuantitiesTest, WhatFollowsAnAppositiveAgeIsTheNames) {
  const MentionSpec kRee{"Ada Ree", "PERSON", "e5"};
  ExpectOwners({
      {"Ada Ree, 52, who has worked at the mill for 31 years, wept.", {kRee}, "31 years", nullptr, "e5"},
      {"\"It hurts,\" said Ada Ree, 29, a season-ticket holder for 15 years.", {kRee}, "15 years", nullptr, "e5"},
      {"Ada Ree, 61, a volunteer guide at the hall for 22 years, spoke.", {kRee}, "22 years", nullptr, "e5"},
      {"Ada Ree, 44, who runs Acme Corp, said 40 homes burned.", {kRee, kAcme}, "40 homes", nullptr, ""},
      // A clause between the description and the duration: someone else's.
      {"Ada Ree, a spokeswoman who said the man was jailed for eight years, wept.", {kRee}, "eight years", nullptr,
       ""},
  });
}

// A possessor owns the span its noun lasts, as it owns a count.
TEST(FindQuantitiesTest, APossessorOwnsItsNounsSpan) {
  ExpectOwners({
      {"It was the biggest deal in Acme Corp's 40-year history.", {kAcme}, "40-year", nullptr, "e3"},
      {"Zoë Fox's five-year contract ends in May.", {kFox}, "five-year", nullptr, "e1"},
  });
}

// A possessive's mark is no word between a duration and the verb giving it.
TEST(FindQuantitiesTest, APossessiveMarkIsNoWordBeforeADuration) {
  ExpectOwners({
      {"Zoë Fox has worked on the firm's assembly line for 31 years.", {kFox}, "31 years", nullptr, "e1"},
  });
}

// "has farmed at Copper Lane for 52 years": what lasted is what the verb
// before the place or the object says, when the word before "for" is a
// name's; the verb's subject owns it ("who has run the Mill Cafe").
TEST(FindQuantitiesTest, ADurationAfterANamedPlaceIsTheVerbs) {
  const MentionSpec kRee{"Ada Ree", "PERSON", "e5"};
  ExpectOwners({
      {"Ada Ree, 79, has farmed at Copper Lane for 52 years.", {kRee}, "52 years", "farmed", "e5"},
      {"Ada Ree, 61, who has run the Mill End Cafe for 22 years, wept.", {kRee}, "22 years", "run", "e5"},
      {"Ada Ree has worked at Holtby Zoo for six years.", {kRee}, "six years", "worked", "e5"},
  });
}

// Quantity::thing: a figure no one owns is the described thing's its noun
// phrase names, with what it measures of that thing.
struct ThingRow {
  const char* sentence;
  const char* text;
  const char* thing;    // "" when the phrase names none
  const char* measure;  // nullptr: not checked
};

void ExpectThings(const std::vector<ThingRow>& rows) {
  for (const ThingRow& r : rows) {
    const std::vector<Quantity> found = FindQuantities(r.sentence, {});
    const Quantity* q = FindByText(found, r.text);
    ASSERT_NE(q, nullptr) << r.sentence << " (found " << found.size() << ": '"
                          << (found.empty() ? "" : found[0].text) << "')";
    EXPECT_EQ(q->subject, "") << r.sentence;
    EXPECT_EQ(q->thing, r.thing) << r.sentence;
    if (r.measure != nullptr) {
      EXPECT_EQ(q->measure, r.measure) << r.sentence;
    }
  }
}

TEST(FindQuantitiesTest, AThingWithAFigure) {
  ExpectThings({
      {"The museum opened an online appeal with a target of $2.3m last week.", "$2.3m", "online appeal", "target"},
      // The same sum restated in another currency is the same thing's.
      {"It began an appeal with a target of €2m (about £1.7m).", "£1.7m", "appeal", "target"},
      {"The estate will include a care home with 64 beds and a surgery.", "64 beds", "care home", "beds"},
      // A definite subject before "with" may be a verb's, not a thing's.
      {"The squad returned with 12 medals.", "12 medals", "", nullptr},
      {"Crews arrived with 14 engines.", "14 engines", "", nullptr},
  });
}

TEST(FindQuantitiesTest, TheThingARelativeClauseIsAbout) {
  ExpectThings({
      {"Neighbours started an online collection that raised £12,500 in two days.", "£12,500", "online collection",
       nullptr},
      {"The board ordered a review, which is expected to take up to eight weeks.", "eight weeks", "review",
       nullptr},
      // A count is often what the clause's event did (the story's own
      // event, told again) or a place's, counted elsewhere without it.
      {"Lane ran a scheme that cost 140 savers their pensions.", "140 savers", "", nullptr},
      {"The town, which has 12 schools, voted.", "12 schools", "", nullptr},
  });
}

TEST(FindQuantitiesTest, ADurationIsOfTheThingThatTakesIt) {
  ExpectThings({
      {"Engineers said the works would take about nine months.", "nine months", "works", nullptr},
      {"Repairs to the harbour wall at Pellan will take 14 weeks.", "14 weeks", "repairs", nullptr},
      {"Its audit could last six months.", "six months", "audit", nullptr},
      {"It follows an outage that was initially expected to take 12 days.", "12 days", "outage", nullptr},
      {"Following a delay expected to last six weeks, it reopened.", "six weeks", "delay", nullptr},
      // A capitalised subject is a name's, not a described thing's; "last"
      // after a determiner is no verb.
      {"The Copper Lantern took three years to build.", "three years", "", nullptr},
      {"He has coached in the city over the last two decades.", "two decades", "", nullptr},
  });
}

TEST(FindQuantitiesTest, APossessorThatIsAThing) {
  ExpectThings({
      {"The museum's $4.5 million restoration budget was approved.", "$4.5 million", "museum", nullptr},
      {"Organisers thanked the festival's 1,200 volunteers.", "1,200 volunteers", "festival", "volunteers"},
      // A person's or an organisation's noun stands for someone named; an
      // area is where things are, counted elsewhere without it.
      {"The company's 4,000 workers walked out.", "4,000 workers", "", nullptr},
      {"The city's 14 libraries will stay open.", "14 libraries", "", nullptr},
  });
}

TEST(FindQuantitiesTest, AGroupsSizeIsTheGroups) {
  ExpectThings({
      {"Police said the 12-member gang had been active for years.", "12-member", "gang", "members"},
      {"A 30-strong choir sang at the opening.", "30-strong", "choir", "members"},
      // An organisation's noun stands for someone named; the parts of a
      // thing are counted without it too.
      {"A 40-strong team travelled to the final.", "40-strong", "", nullptr},
      {"The 4-carriage train left the rails.", "4-carriage", "", nullptr},
  });
}

TEST(FindQuantitiesTest, PeopleCountedInAnEvent) {
  ExpectThings({
      {"Four people were arrested during the rally, police said.", "Four people", "rally", "people arrested"},
      {"Police said 11 fans were hurt during the match.", "11 fans", "match", nullptr},
      // Not an event, or nothing that happened to people.
      {"Five people were arrested during the night.", "Five people", "", nullptr},
      {"Inspectors found 3 cracks during a routine check.", "3 cracks", "", nullptr},
  });
}

TEST(FindQuantitiesTest, TheThingASumIsOfOrFor) {
  ExpectThings({
      {"The council's latest estimate for the repairs is £2.6 million.", "£2.6 million", "repairs", nullptr},
      {"The cost of the new roof will be $900,000.", "$900,000", "new roof", nullptr},
      // What costs it, also in a reported clause and before "alone".
      {"The trust says repairs will cost £3m.", "£3m", "repairs", nullptr},
      {"The kitchen alone cost €40,000.", "€40,000", "kitchen", nullptr},
      // A count is no thing's name.
      {"The cost of 12 buses is £4m.", "£4m", "", nullptr},
  });
}

TEST(FindQuantitiesTest, WhatAGroupReceives) {
  ExpectThings({
      {"Those leaving will receive 10 weeks' pay, the firm said.", "10 weeks", "those leaving", "pay"},
      {"Evacuated households will get £750 each.", "£750", "evacuated households", nullptr},
      // A person's noun, or an organisation's alone, is someone named; so
      // is one who receives.
      {"The council received 212 complaints.", "212 complaints", "", nullptr},
      {"A hospital porter received £2,000 from the fund.", "£2,000", "", nullptr},
      {"Officers have received 40 calls.", "40 calls", "", nullptr},
  });
}

TEST(FindQuantitiesTest, WhatAPassiveChanged) {
  ExpectThings({
      {"The library book fund will be cut by 30 per cent.", "30 per cent", "library book fund", "fall"},
      {"Parking charges are to be raised by 8%.", "8%", "parking charges", "rise"},
      // What rises or falls of itself is mostly someone's, unsaid.
      {"Shares in the Ashbury-based drugmaker fell 41 per cent.", "41 per cent", "", "shares fall"},
  });
}

TEST(FindQuantitiesTest, WhoASumIsOwedOrPaidTo) {
  ExpectThings({
      {"Its debts include £2.1m owed to the tax authority.", "£2.1m", "tax authority", nullptr},
      {"A further £40,000 was paid to the parish trust last year.", "£40,000", "parish trust", nullptr},
      // Counted creditors name no thing.
      {"It left £3m owed to 40 suppliers.", "£3m", "", nullptr},
  });
}

TEST(FindQuantitiesTest, ASecondVerbSharesTheFirstOnesThing) {
  ExpectThings({
      {"Repairs to the sea wall at Pellan will take six months and cost £3.1m.", "£3.1m", "repairs", nullptr},
      {"The works would cost £2m and take 14 weeks.", "14 weeks", "works", nullptr},
      {"The council has estimated that repairs will cost £2.4m.", "£2.4m", "repairs", nullptr},
      // The main clause's subject is not the reported clause's.
      {"The borough council has estimated it will cost £2.4m.", "£2.4m", "", nullptr},
  });
}

TEST(FindQuantitiesTest, NotQuantities) {
  const char* kSentences[] = {
      "The band formed in 1998 in a garage.",
      "In 2020 people stayed home.",
      "The 9/11 memorial opened at 10:30 today.",
      "Call 555-0143 or 020 7946 0018 for tickets.",
      "Read Chapter 3 before the exam.",
      "One of the fans left; two of them stayed.",
      "This is the one I like.",
      "See Figure 1.5\nResidents gathered in the hall.",
      "The file A-113 was lost.",
      "Version 1.2.3 shipped in the 90s.",
      "She lives at No. 10 Downing Street.",
      "Zoë Fox, 2021, a retrospective, opens soon.",
      "The 3D film opened at 10am.",
      "",
      "$",
      "Zoë Fox, 31",
      // A number after a label noun names, it does not count.
      "The drug treats type 2 diabetes.",
      "The storm became a Category 4 hurricane.",
      // Digits hyphened to a word in capitals are a designation (ECB+ audit:
      // "seven AK-47 assault rifles" read as 47 rifles).
      "Guards found AK-47 assault rifles in the van.",
      "A B-52 bomber and F-16 jets flew past.",
  };
  for (const char* s : kSentences) {
    const std::vector<Quantity> found = FindQuantities(s, MakeMentions(s, {}));
    for (const Quantity& q : found) ADD_FAILURE() << s << " -> \"" << q.text << "\" " << q.unit;
  }
}

// What a figure measures, how exactly it is stated, and ranges.
struct FrameCase {
  const char* sentence;
  const char* text;
  double value;
  double high;
  const char* measure;
  QuantityBound bound;
};

TEST(FindQuantitiesTest, MeasureBoundAndRange) {
  using B = QuantityBound;
  const FrameCase kCases[] = {
      {"The fire destroyed 37 homes.", "37 homes", 37, 0, "homes destroyed", B::kExact},
      {"The bank will close 37 branches.", "37 branches", 37, 0, "branches closed", B::kExact},
      // A time after a copula is what its subject names; not a time between.
      {"The median wait was 16 weeks, the board said.", "16 weeks", 16, 0, "median wait", B::kExact},
      {"The inquiry was six weeks ago.", "six weeks", 6, 0, "", B::kExact},
      // Laid off: "made redundant", "lost their jobs".
      {"All 86 employees have been made redundant.", "86 employees", 86, 0, "employees cut", B::kExact},
      {"All 86 of its staff have lost their jobs.", "86 of its staff", 86, 0, "staff cut", B::kExact},
      // Idioms and verbs name no sum.
      {"Shoppers were overcharged to the tune of £20 million.", "£20 million", 2e7, 0, "", B::kExact},
      {"The firm boasted of being worth £60m.", "£60m", 6e7, 0, "", B::kExact},
      {"The council hopes to have £350,000 in place by May.", "£350,000", 3.5e5, 0, "", B::kExact},
      {"A boss who drove a £90,000 Porsche left 92 staff unpaid.", "£90,000", 9e4, 0, "", B::kExact},
      // A part of a group whose whole is not given counts what happened to it.
      {"Nine of the papers have been retracted so far.", "Nine of the papers", 9, 0, "papers retracted", B::kExact},
      // "put X's debts at": the noun before "at" is what the sum measures.
      {"In its report, the firm put Acme's debts at £8.3m.", "£8.3m", 8.3e6, 0, "debt", B::kExact},
      {"Surveyors estimated the damage at £2m.", "£2m", 2e6, 0, "damage", B::kExact},
      {"Debts are estimated at about £8m.", "£8m", 8e6, 0, "debt", B::kApprox},
      // "a total of" names no sum: the verb before it does; so does a verb
      // before its payee; a time in the possessive is the time of its noun.
      {"The start-up raised a total of £14million.", "£14million", 1.4e7, 0, "funds raised", B::kExact},
      {"The airline owes creditors £48m.", "£48m", 4.8e7, 0, "debt", B::kExact},
      {"The driver had 27 years' experience.", "27 years", 27, 0, "experience", B::kExact},
      {"He was sentenced to six years' imprisonment.", "six years", 6, 0, "sentence", B::kExact},
      // A unit's "of" names the stuff measured, as does the subject of the
      // verb that brings it; a measured part's "of" names its whole.
      {"Crews found that 12 tonnes of solvent leaked.", "12 tonnes", 12, 0, "tonnes of solvent", B::kExact},
      {"Gusts reached 78mph at the ground.", "78mph", 78, 0, "gusts miles per hour reached", B::kExact},
      {"The slip buried a 250-metre section of the B3290 coast road.", "250-metre", 250, 0, "section of coast road",
       B::kExact},
      // A possessor before a copula's subject is whose, not what.
      {"The council's early estimate for the repairs is £4.2 million.", "£4.2 million", 4.2e6, 0, "early estimate",
       B::kExact},
      // A time to do something by is a deadline, named by what is to be done.
      {"The club has six months to lodge an appeal.", "six months", 6, 0, "deadline to lodge appeal", B::kExact},
      {"Residents have 28 days to seek a judicial review.", "28 days", 28, 0, "deadline to seek judicial review",
       B::kExact},
      {"The firm was given three weeks to respond.", "three weeks", 3, 0, "deadline to respond", B::kExact},
      // What a thing was supposed to cost is its budget.
      {"The tram line was supposed to cost £420m.", "£420m", 4.2e8, 0, "budget", B::kExact},
      {"The outbreak has grown to 34 laboratory-confirmed cases.", "34 laboratory-confirmed cases", 34, 0, "cases",
       B::kExact},
      // A half after the figure ("three and a half hours").
      {"Skiers were stranded for up to three and a half hours.", "three and a half hours", 3.5, 0, "stranded",
       B::kAtMost},
      {"The repairs will cost 2 and a half million pounds.", "2 and a half million pounds", 2500000, 0, "cost",
       B::kExact},
      // A modal before the participle ("would be affected"); a hyphenated
      // noun modifier narrows the count ("season-ticket holders").
      {"In all, nine schools would be affected by the plan.", "nine schools", 9, 0, "schools affected", B::kExact},
      {"The club's 9,000 season-ticket holders were told to wait.", "9,000 season-ticket holders", 9000, 0,
       "season-ticket holders", B::kExact},
      // A difference, and the value a figure is held against.
      {"Ossian are three points adrift of safety.", "three points", 3, 0, "points adrift", B::kExact},
      {"The bus was doing 58mph, below the 60mph limit.", "60mph", 60, 0, "miles per hour limit", B::kExact},
      {"Gusts reached 78mph, well within the 100mph the roof was built to withstand.", "100mph", 100, 0,
       "miles per hour threshold", B::kExact},
      // What is asked for is not what there is.
      {"The safety plan called for 450 stewards on the field.", "450 stewards", 450, 0, "stewards required",
       B::kExact},
      // A unit written as a modifier measures its noun, not the preposition after it.
      {"Police set up a 1.5-kilometre exclusion zone around the site.", "1.5-kilometre", 1.5, 0, "zone", B::kExact},
      // The whole a part is of, after a possessive.
      {"Lane won 21 of his 65 league games.", "65 league games", 65, 0, "league games in all", B::kExact},
      {"Some 2,300 people have been evacuated.", "2,300 people", 2300, 0, "people evacuated", B::kApprox},
      {"It won a $4.8 million repair contract.", "$4.8 million", 4.8e6, 0, "repair contract", B::kExact},
      {"He spent £640,000 of investors' money.", "£640,000", 640e3, 0, "money", B::kExact},
      {"It moved 1.25 million Swiss francs.", "1.25 million Swiss francs", 1.25e6, 0, "", B::kExact},
      {"She won a contract worth $4.2m last year.", "$4.2m", 4.2e6, 0, "contract", B::kExact},
      {"He moved for a fee of £62m.", "£62m", 62e6, 0, "fee", B::kExact},
      {"It will pay a break fee of £18.4m if its board withdraws.", "£18.4m", 18.4e6, 0, "break fee", B::kExact},
      {"The club paid £58m for him.", "£58m", 58e6, 0, "fee", B::kExact},
      {"The club spent £100m this summer.", "£100m", 100e6, 0, "spending", B::kExact},
      {"He kept an £18.6m lottery jackpot won by the syndicate.", "£18.6m", 18.6e6, 0, "lottery jackpot", B::kExact},
      // A percentage after a verb of change is a change of what the clause
      // opens with, or of the noun before the verb.
      {"Shares in the Ashbury-based drugmaker fell 41 per cent.", "41 per cent", 41, 0, "shares fall", B::kExact},
      {"The employer saw its shares crash by 38 per cent.", "38 per cent", 38, 0, "shares fall", B::kExact},
      {"Suspected malpractice cases rose 17% last year.", "17%", 17, 0, "malpractice cases rise", B::kExact},
      // Present tense; the nouns before the verb narrow what changed.
      {"Council tax rises by 4.99 per cent.", "4.99 per cent", 4.99, 0, "council tax rise", B::kExact},
      // A passive's subject is the thing changed (Quantity::thing, test
      // WhatAPassiveChanged): "bus subsidy budget" apart, the change left.
      {"The bus subsidy budget will be cut by 42 per cent.", "42 per cent", 42, 0, "fall", B::kExact},
      {"Its own shares fell 6 per cent.", "6 per cent", 6, 0, "shares fall", B::kExact},
      // "cut" is a change only with "by": "cut 12% of its jobs" is a share.
      {"The firm cut 12% of its 4,000 jobs.", "12%", 12, 0, "", B::kExact},
      {"Shares in Merrin closed 5.8% higher.", "5.8%", 5.8, 0, "shares rise", B::kExact},
      {"He walks away with a £900K pay-off.", "£900K", 900e3, 0, "pay-off", B::kExact},
      {"He will receive a pay-off of about £1.2m.", "£1.2m", 1.2e6, 0, "pay-off", B::kApprox},
      {"Dravel rose 4 per cent, while Kestane's fell 5.8 per cent.", "5.8 per cent", 5.8, 0, "fall", B::kExact},
      // A size written as a modifier, and a set apart from someone named.
      {"The 14-member syndicate sued him.", "14-member", 14, 0, "members", B::kExact},  // thing "syndicate"
      {"His 120-strong team worked round the clock.", "120-strong", 120, 0, "team members", B::kExact},
      {"The three-carriage train left the rails.", "three-carriage", 3, 0, "train carriages", B::kExact},
      {"Twelve of the other 13 members sued him.", "13 members", 13, 0, "other members", B::kExact},
      // A preposition after a sum is not what it measures.
      {"The fall wiped £1.2bn off its market value.", "£1.2bn", 1.2e9, 0, "", B::kExact},
      {"The fire was 15% contained.", "15%", 15, 0, "contained", B::kExact},
      {"Turnout was 38.6 per cent.", "38.6 per cent", 38.6, 0, "turnout", B::kExact},
      {"Turnout in Monday's poll was 38.6 per cent.", "38.6 per cent", 38.6, 0, "turnout", B::kExact},
      {"He promised $6 million in emergency aid.", "$6 million", 6e6, 0, "emergency aid", B::kExact},
      {"He promised $6 million in aid.", "$6 million", 6e6, 0, "funding", B::kExact},
      {"The club has spent $6 million in the window.", "$6 million", 6e6, 0, "spending", B::kExact},
      {"Severance for the workers alone will total $14m.", "$14m", 14e6, 0, "severance", B::kExact},
      {"The severance deal, worth $12.6m in total, was signed.", "$12.6m", 12.6e6, 0, "severance deal", B::kExact},
      {"More than 2,000 people fled.", "2,000 people", 2000, 0, "people", B::kAtLeast},
      {"Up to 50 jobs will go.", "50 jobs", 50, 0, "jobs cut", B::kAtMost},
      {"Between 400 and 450 firefighters were deployed.", "Between 400 and 450 firefighters", 400, 450,
       "firefighters deployed", B::kExact},
      {"It may fetch between $8m and $12m.", "between $8m and $12m", 8e6, 12e6, "", B::kExact},
      {"It may fetch 8 to 12 million dollars.", "8 to 12 million dollars", 8e6, 12e6, "", B::kExact},
      {"Crews of 400-450 firefighters worked.", "400-450 firefighters", 400, 450, "firefighters", B::kExact},
      {"Prices rose from 40 to 50 dollars.", "50 dollars", 50, 0, "prices", B::kExact},
      {"He was jailed for nine years.", "nine years", 9, 0, "sentence", B::kExact},
      {"He signed a five-year contract.", "five-year", 5, 0, "contract", B::kExact},
      {"He put pen to paper on a five-year deal.", "five-year", 5, 0, "contract", B::kExact},
      {"She got a 12-year sentence.", "12-year", 12, 0, "sentence", B::kExact},
      {"She is 31 years old.", "31 years old", 31, 0, "age", B::kExact},
      {"37 homes destroyed by the fire.", "37 homes", 37, 0, "homes destroyed", B::kExact},
      {"Three people died in the crash.", "Three people", 3, 0, "people killed", B::kExact},
      {"Forty people were treated in hospital.", "Forty people", 40, 0, "people hospitalised", B::kExact},
      {"Two people died and 41 were taken to hospital.", "41", 41, 0, "people hospitalised", B::kExact},
      {"Five homes burned and 12 were damaged.", "12", 12, 0, "homes damaged", B::kExact},
      {"Ann Lee took 8,412 votes to Bo Kim's 8,215.", "8,215", 8215, 0, "votes", B::kExact},
      {"It put Ann Lee on 8,412 votes and Bo Kim on 8,215.", "8,215", 8215, 0, "votes", B::kExact},
      {"82 patients in the drug group had a stroke.", "82 patients", 82, 0, "patients in drug group", B::kExact},
      {"The independent drew 1,904 votes in the mayoral race.", "1,904 votes", 1904, 0, "votes", B::kExact},
      // Units of length, area and weight, as a modifier or after the figure.
      {"The 27-metre rocket lifted off.", "27-metre", 27, 0, "rocket", B::kExact},
      {"The 40-tonne truck delivered the parts.", "40-tonne", 40, 0, "truck", B::kExact},
      // An irregular verb form after the head ends the phrase.
      {"The 90-metre barge hit the pier.", "90-metre", 90, 0, "barge", B::kExact},
      {"It reached a 550-kilometre sun-synchronous orbit.", "550-kilometre", 550, 0, "orbit", B::kExact},
      {"It flew into an orbit 520km up.", "520km", 520, 0, "orbit", B::kExact},
      {"Crews built a wall 3 metres high.", "3 metres", 3, 0, "wall", B::kExact},
      // A count written as a modifier, in a listed noun's singular.
      {"They approved the 1,450-home Eastfold scheme.", "1,450-home", 1450, 0, "homes", B::kExact},
      // People after "by" are a passive's agent, not a margin.
      {"The final was watched by 14,212 fans.", "14,212 fans", 14212, 0, "fans", B::kExact},
      // A share of a named owner's thing is of that thing.
      {"Of the total, 31 per cent of Quenby's income was from fees.", "31 per cent", 31, 0, "income", B::kExact},
      {"It included a one-off payment of £750 per employee.", "£750", 750, 0, "one-off payment", B::kExact},
      // A possessive's "s" is no modifier of the noun it owns.
      {"Acme's offer, worth 4.5% on basic pay, was rejected.", "4.5%", 4.5, 0, "offer", B::kExact},
      // A bare number after "of" and a group noun counts the group.
      {"A crowd of 41,212 watched at the park.", "41,212", 41212, 0, "spectators", B::kExact},
      {"The plan cuts jobs from a global workforce of 14,000.", "14,000", 14000, 0, "staff in all", B::kExact},
      // A total over a period is not one event's count.
      {"That took him to twenty-two goals this season.", "twenty-two goals", 22, 0, "goals in all", B::kExact},
      {"She has scored 40 goals in her career.", "40 goals", 40, 0, "goals scored in all", B::kExact},
      {"The club sold 300 tickets so far.", "300 tickets", 300, 0, "tickets sold in all", B::kExact},
  };
  for (const FrameCase& c : kCases) {
    const std::vector<Quantity> found = FindQuantities(c.sentence, {});
    const Quantity* q = FindByText(found, c.text);
    EXPECT_NE(q, nullptr) << c.sentence << " -> no \"" << c.text << "\"";
    if (q == nullptr) continue;
    EXPECT_DOUBLE_EQ(q->value, c.value) << c.sentence;
    EXPECT_DOUBLE_EQ(q->high, c.high) << c.sentence;
    EXPECT_EQ(q->measure, c.measure) << c.sentence;
    EXPECT_EQ(q->bound, c.bound) << c.sentence;
  }
}

// A vote's tally is two counts of votes, the side before "to" or the
// hyphen for, the other against; a score is no tally.
TEST(FindQuantitiesTest, VoteTallies) {
  struct TallyCase {
    const char* sentence;
    const char* for_text;
    double for_value;
    const char* against_text;
    double against_value;
  };
  const TallyCase kCases[] = {
      {"The panel voted eight to three in favour of the plan.", "eight", 8, "three", 3},
      {"The 9-2 vote ended the debate.", "9", 9, "2", 2},
      {"The board approved the sale by five votes to four.", "five votes", 5, "four", 4},
      {"Members backed it by 12 votes to 10.", "12 votes", 12, "10", 10},
      {"Councillors voted 6-5 on Monday to keep the library.", "6", 6, "5", 5},
      {"A nine to one ruling followed.", "nine", 9, "one", 1},
      // A verb that tells a vote's outcome (lexicons/tally_verbs.txt).
      {"The amendment passed 41-17 after a long debate.", "41", 41, "17", 17},
      {"The proposal was carried by 22-19 on Tuesday.", "22", 22, "19", 19},
  };
  for (const TallyCase& c : kCases) {
    const std::vector<Quantity> found = FindQuantities(c.sentence, {});
    const Quantity* yes = FindByText(found, c.for_text);
    const Quantity* no = FindByText(found, c.against_text);
    ASSERT_NE(yes, nullptr) << c.sentence;
    ASSERT_NE(no, nullptr) << c.sentence;
    EXPECT_DOUBLE_EQ(yes->value, c.for_value) << c.sentence;
    EXPECT_EQ(yes->measure, kVotesFor) << c.sentence;
    EXPECT_DOUBLE_EQ(no->value, c.against_value) << c.sentence;
    EXPECT_EQ(no->measure, kVotesAgainst) << c.sentence;
  }
  for (const char* score : {"Hexley won 3-0 on Saturday.", "It rose from 7 to 9 in a year.",
                            "They won by two goals to one.", "Hexley defeated 3-1 the visitors.",
                            "The ball passed 2 to 3 players."}) {
    for (const Quantity& q : FindQuantities(score, {})) {
      EXPECT_NE(q.measure, kVotesFor) << score;
      EXPECT_NE(q.measure, kVotesAgainst) << score;
    }
  }
}

// A count with no noun of its own counts what the count before it in the
// sentence counts, through modifiers ("two young people") and as a part
// ("27 of them", "four of whom"); a part in a place is no event's count.
TEST(FindQuantitiesTest, ElidedCountsAndTheirParts) {
  struct ElidedCase {
    const char* sentence;
    const char* text;
    const char* unit;
    const char* measure;
  };
  const ElidedCase kCases[] = {
      {"Two young men died and 14 were taken to hospital.", "14", "men", "men hospitalised"},
      {"Eleven pupils were hurt, and four of them were taken to hospital.", "four", "pupils",
       "pupils hospitalised"},
      {"Some 60 fans were treated by medics at the scene, and 27 of them went to hospital.", "27", "fans", "fans"},
      // "all" makes the group whole.
      {"All 86 of its staff have lost their jobs.", "86 of its staff", "staff", "staff cut"},
      // Past an owner named by a noun and its mark, which is no modifier.
      {"All 212 of the ferry firm's crew were told on Monday.", "212 of the ferry firm's crew", "crew", "crew"},
      {"The report said 31 people were treated, four of whom remain there.", "four", "people", "people"},
  };
  for (const ElidedCase& c : kCases) {
    const std::vector<Quantity> found = FindQuantities(c.sentence, {});
    const Quantity* q = FindByText(found, c.text);
    ASSERT_NE(q, nullptr) << c.sentence;
    EXPECT_EQ(q->unit, c.unit) << c.sentence;
    EXPECT_EQ(q->measure, c.measure) << c.sentence;
  }
  const std::vector<Quantity> place =
      FindQuantities("About 185,000 homes lost power, 72,000 of them in the city itself.", {});
  EXPECT_EQ(FindByText(place, "72,000"), nullptr);
  // Without "all", a part of a group is no count of it.
  EXPECT_EQ(FindByText(FindQuantities("Six of the satellites made contact.", {}), "Six"), nullptr);
}

// A sum a verb takes as its object is named by the verb: what a thing
// costs, what someone is ordered to pay or refund, what a plan saves.
TEST(FindQuantitiesTest, SumsNamedByTheirVerb) {
  const std::pair<const char*, const char*> kCases[] = {
      {"The new stand cost $42 million to build.", "cost"},
      {"Repairs will cost £2.4m.", "cost"},
      {"The tribunal ordered the firm to pay £241,000.", "payment"},
      {"The landlord must refund £1.3 million to tenants.", "payment"},
      {"The merger would save £2.4m a year.", "savings"},
      {"The actor sued the studio, claiming $18.5 million.", "claim"},
      {"The family sought $400,000 from the firm.", "claim"},
  };
  for (const auto& [sentence, measure] : kCases) {
    const std::vector<Quantity> found = FindQuantities(sentence, {});
    ASSERT_EQ(found.size(), 1u) << sentence;
    EXPECT_EQ(found[0].measure, measure) << sentence;
  }
}

// A sum named by the object of a verb of having or of stating a result is
// the named subject's, and the verb is no part of its measure; a
// description a possessive owns is not its possessor.
TEST(FindQuantitiesTest, ResultsAFirmStates) {
  ExpectCase({"Acme Corp reported revenue of £212m on Tuesday.", {kAcme}, "£212m", 2.12e8, "GBP", "e3"});
  ExpectCase({"Acme Corp made a pre-tax profit of £310m.", {kAcme}, "£310m", 3.1e8, "GBP", "e3"});
  ExpectCase({"Acme Corp has debts of £4m.", {kAcme}, "£4m", 4e6, "GBP", "e3"});
  ExpectCase({"Zoë Fox left. Her company reported a profit of £2.4m.", {kFox}, "£2.4m", 2.4e6, "GBP", ""});
  // What a name set off by a comma has ("with").
  ExpectCase({"Acme Corp, the fifth-largest grocer with an 11.4% share of the market, has two months to appeal.",
              {kAcme}, "11.4%", 11.4, "percent", "e3"});
  const std::vector<Quantity> found = FindQuantities("Acme Corp reported revenue of £212m.", MakeMentions(
      "Acme Corp reported revenue of £212m.", {kAcme}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].measure, "revenue");
}

// Jobs "go" when they are cut, and a workforce count is the organisation it
// works at; a place after "at" owns nothing.
TEST(FindQuantitiesTest, JobsThatGoAtAnOrganisation) {
  ExpectCase({"Some 540 jobs are set to go at Acme Corp after the deal.", {kAcme}, "540 jobs", 540, "jobs", "e3"});
  ExpectCase({"There are 2,100 staff at Acme Corp.", {kAcme}, "2,100 staff", 2100, "staff", "e3"});
  const MentionSpec kTown{"Tarnbridge", "PLACE", "e5"};
  ExpectCase({"Some 540 jobs will go at Tarnbridge.", {kTown}, "540 jobs", 540, "jobs", ""});
  for (const char* sentence : {"Up to 450 roles could go.", "Some 540 jobs are set to go at Acme Corp."}) {
    const std::vector<Quantity> found = FindQuantities(sentence, {});
    ASSERT_EQ(found.size(), 1u) << sentence;
    EXPECT_TRUE(found[0].measure.ends_with(" cut")) << sentence << ": " << found[0].measure;
  }
}

// A unit written onto the digits or after them is spelled one way.
TEST(FindQuantitiesTest, MeasureUnits) {
  const Case kCases[] = {
      {"The trail runs for 42km along the coast.", {}, "42km", 42, "kilometres", ""},
      {"The trail runs for 42 kilometers along the coast.", {}, "42 kilometers", 42, "kilometres", ""},
      {"The storm dumped 15cm of snow.", {}, "15cm", 15, "centimetres", ""},
      {"The fish weighed 12 kg.", {}, "12 kg", 12, "kilograms", ""},
  };
  for (const Case& c : kCases) ExpectCase(c);
}

// The owner a group noun's possessor names.
TEST(FindQuantitiesTest, GroupSizeBelongsToThePossessor) {
  const Case c{"Acme Corp's workforce of 6,100 will shrink.", {kAcme}, "6,100", 6100, "staff", "e3"};
  ExpectCase(c);
}

// A pronoun inside an aside that closes before the figure is not the
// clause's subject ("The rocket, built by Acme at its plant, carried ...").
TEST(FindQuantitiesTest, PronounInAClosedAsideOwnsNothing) {
  const Case kCases[] = {
      {"The ferry, built by Acme Corp at its yard in Leith, carried 300 passengers.", {kAcme}, "300 passengers",
       300, "passengers", ""},
      {"Acme Corp said its plant employs 300 workers.", {kAcme}, "300 workers", 300, "workers", "e3"},
  };
  for (const Case& c : kCases) ExpectCase(c);
}

// ECB+ audit: a distance that places something from a point is named by the
// point ("50 miles north of Detroit" is no length of the 30-mile chase, "13
// nautical miles from the cargo ship" no width of territorial waters "12
// nautical miles from shore"); a movement "from" a place is not placed.
TEST(FindQuantitiesTest, ADistancePlacedFromAPointIsNamedByIt) {
  ExpectMeasures({
      {"A driver 50 miles north of Harlow saw the van.", "50 miles", "miles from harlow"},
      {"The epicentre lay 18 kilometres south-east of Kesmet.", "18 kilometres", "kilometres from kesmet"},
      {"The tanker was 13 nautical miles (about 24km) from the cargo ship.", "13 nautical miles",
       "nautical miles from cargo ship"},
      {"Fishing limits extend to 12 nautical miles from shore.", "12 nautical miles", "nautical miles from shore"},
      {"The trawler sank two miles off the coast.", "two miles", "miles from coast"},
      {"Police chased the van for 30 miles.", "30 miles", "miles"},
      {"The climber fell 60 metres from a ridge.", "60 metres", "metres"},
  });
}

// ECB+ audit: figures a sentence gives as totals to the day ("So far, ...",
// "to date") or over a list after "a total of" are totals, never one
// raid's haul ("300 rounds were seized from the boats" / "923 rounds" in
// all five operations); a verb ends the list a total is of.
TEST(FindQuantitiesTest, TotalsToTheDayAndOverAList) {
  ExpectMeasures({
      {"So far, the coastguard has seized 14 rifles and 923 rounds from smugglers.", "923 rounds", "rounds in all"},
      {"In its four patrols to date, the cutter has seized 212 rounds.", "212 rounds", "rounds seized in all"},
      {"The cutter seized a total of 14 rifles, 31 magazines and 923 rounds.", "31 magazines", "magazines in all"},
      {"A total of 212 ballots were rejected, and officials ruled on 38 doubtful ballots.", "38 doubtful ballots",
       "doubtful ballots"},
      {"Officers seized 300 rounds from the boats.", "300 rounds", "rounds seized in boats"},
  });
}

// Issue 11, the seventeenth claims round: a participle or an auxiliary
// right after a sum opens a clause about it and names nothing the sum is of;
// a participle before a noun modifies that noun. A hyphenated modifier at
// the sentence's start is kept whole; a sum between a count and its noun is
// a price of each; a sum a named person receives is theirs.
TEST(FindQuantitiesTest, AClauseRightAfterASumNamesNothing) {
  ExpectMeasures({
      {"The new contract is worth £12m, up from the £9m offered in May.", "£9m", ""},
      {"The levy of £30m could rise to £35m next year.", "£30m", "levy"},
      {"The grant of £4m will cover two years.", "£4m", "funding"},  // lexicons/measure_groups.txt
      // A sum between a count and its noun is the price of each.
      {"The firm sold 900 £40 tickets for the gala.", "£40", "tickets each"},
      // What a count of things came to in all.
      {"She paid two fines totalling £340 last year.", "£340", "fines in all"},
      // A hyphenated modifier opening the sentence stays whole.
      {"Pre-tax profit of £7.1m was higher than forecast.", "£7.1m", "pre-tax profit"},
  });
  // A sum in what a receiving verb takes is the named receiver's, through a
  // list of sums; a receiver that is no name owns nothing.
  const MentionSpec kCarrow{"Ines Carrow", "PERSON", "e1"};
  const std::string_view paid =
      "Ines Carrow, 58, received a salary of £310,000, a bonus of £90,000 and shares worth about £1.1m.";
  const std::vector<Quantity> pay = FindQuantities(paid, MakeMentions(paid, {kCarrow}));
  for (const char* text : {"£310,000", "£90,000", "£1.1m"}) {
    const Quantity* q = FindByText(pay, text);
    ASSERT_NE(q, nullptr) << text;
    EXPECT_EQ(q->subject, "e1") << text;
  }
  const std::vector<Quantity> staff = FindQuantities("Staff received a bonus of £500 each.", {});
  ASSERT_FALSE(staff.empty());
  EXPECT_EQ(staff[0].subject, "");
  // "has passed £400m" is a lower bound.
  const std::vector<Quantity> passed = FindQuantities("The appeal has passed £2m in donations.", {});
  ASSERT_FALSE(passed.empty());
  EXPECT_EQ(passed[0].bound, QuantityBound::kAtLeast);
  // "make up" states a share, no rise.
  const std::vector<Quantity> share = FindQuantities("Online orders now make up 64% of its trade.", {});
  ASSERT_FALSE(share.empty());
  EXPECT_EQ(share[0].measure, "trade");
  // A year before a sum is no count of what it prices; "set" before a noun
  // is no verb.
  const std::vector<Quantity> invested =
      FindQuantities("Between 2015 and 2019 £3bn of contracts was awarded to local firms.", {});
  const Quantity* three = FindByText(invested, "£3bn");
  ASSERT_NE(three, nullptr);
  EXPECT_FALSE(three->measure.ends_with(" each")) << three->measure;
  const std::vector<Quantity> menu = FindQuantities("Diners paid for a £29 set menu.", {});
  ASSERT_FALSE(menu.empty());
  EXPECT_EQ(menu[0].measure, "set menu");
  const std::vector<Quantity> fixed = FindQuantities("Drivers were each given a £70 fixed penalty notice.", {});
  const Quantity* penalty = FindByText(fixed, "£70");
  ASSERT_NE(penalty, nullptr);
  EXPECT_EQ(penalty->measure, "fixed penalty notice");
}

// Results are sorted and disjoint, and each text is the bytes at its span.
// Issue 11, the fifteenth claims round's dev stories: whose a figure is and
// what it measures, on invented sentences of the same shapes.
TEST(FindQuantitiesTest, OwnersAndMeasuresOfPartsTotalsAndPairs) {
  struct Row {
    const char* sentence;
    std::vector<MentionSpec> mentions;
    const char* text;
    const char* measure;
    const char* subject;
  };
  const MentionSpec kVane{"Vane", "PERSON", "e1"};
  const MentionSpec kOrla{"Orla", "PERSON", "e2"};
  const MentionSpec kPip{"Pip Harrow", "PERSON", "e3"};
  const MentionSpec kKestair{"Kestair", "ORG", "e4"};
  const Row rows[] = {
      // A titled name before a possessive owns the copula's subject.
      {"Dr Vane's salary was £212,000.", {kVane}, "£212,000", "salary", "e1"},
      // A verb right after a sum is its clause's, no noun it modifies.
      {"Her salary of £212,000 made her the best paid.", {}, "£212,000", "salary", ""},
      // "£N of the expenses" is a part of them.
      {"The board will recover £9,300 of the expenses it rejected.", {}, "£9,300", "expenses in part", ""},
      // A sum the subject claims for itself is the subject's.
      {"Vane claimed £61,000 in expenses over two years.", {kVane}, "£61,000", "expenses", "e1"},
      // Counts set off by a dash that add up to the count before them.
      {"Forty flights were cut - 26 departures and 14 arrivals - on Monday.", {}, "26 departures",
       "departures in flights cut", ""},
      // A total with charges added.
      {"The vase sold for £4.1 million with fees on Tuesday.", {}, "£4.1 million", "fee in all", ""},
      {"It made £4.3m including buyer's premium.", {}, "£4.3m", "total in all", ""},
      // The possessor of the noun a figure is "of".
      {"Kestair's weekly print sale of about 6,200 copies fell.", {kKestair}, "6,200 copies", "copies", "e4"},
      // A second predicate's passive payee is the person the sentence opens with.
      {"Vane joined on a salary of £90,000 and was paid £120,000 last year.", {kVane}, "£120,000", "fee", "e1"},
      // A place's population, whose place the figure does not say: nobody's.
      {"It is the biggest employer in the city of 210,000 people.", {}, "210,000 people", "", ""},
      // A named kind of event a sum was raised in names it.
      {"Vellum raised £4.5m in a Series A round last year.", {}, "£4.5m", "round", ""},
      // Two ages for two names, in order.
      {"Retired couple Orla and Pip Harrow, 74 and 71, waited all night.", {kOrla, kPip}, "74", "age", "e2"},
      {"Retired couple Orla and Pip Harrow, 74 and 71, waited all night.", {kOrla, kPip}, "71", "age", "e3"},
      // "N of its X": whose the clause says.
      {"Kestair said 21 of its flights had been cancelled.", {kKestair}, "21 of its flights", "flights cancelled",
       "e4"},
  };
  for (const Row& row : rows) {
    const std::string_view s = row.sentence;
    const std::vector<Quantity> found = FindQuantities(s, MakeMentions(s, row.mentions));
    const Quantity* q = FindByText(found, row.text);
    ASSERT_NE(q, nullptr) << row.sentence << " -> no " << row.text;
    EXPECT_EQ(q->measure, row.measure) << row.sentence;
    EXPECT_EQ(q->subject, row.subject) << row.sentence;
  }
  // Without the count before them, or when they do not add up to it, they
  // are counts of their own.
  const std::vector<Quantity> loose = FindQuantities("Forty flights were cut - 20 departures and 14 arrivals.", {});
  const Quantity* departures = FindByText(loose, "20 departures");
  ASSERT_NE(departures, nullptr);
  EXPECT_EQ(departures->measure.find(" in "), std::string::npos) << departures->measure;
  // A clause a conjunction opens has its own subject: the names before it
  // own nothing in it.
  const std::string_view after = "Kestair grounded two jets after gales closed the runway for six hours.";
  const std::vector<Quantity> closed = FindQuantities(after, MakeMentions(after, {kKestair}));
  const Quantity* hours = FindByText(closed, "six hours");
  ASSERT_NE(hours, nullptr);
  EXPECT_EQ(hours->subject, "");
  // Admitted anywhere but to a hospital is no one hospitalised.
  for (const char* sentence : {"The college admits 280 students a year.",
                               "The school admitted 23 pupils to its sixth form."}) {
    const std::vector<Quantity> admitted = FindQuantities(sentence, {});
    ASSERT_FALSE(admitted.empty()) << sentence;
    EXPECT_EQ(admitted[0].measure.find("hospitalised"), std::string::npos) << sentence << ": " << admitted[0].measure;
  }
  const std::vector<Quantity> hospital = FindQuantities("Doctors admitted 12 patients to hospital.", {});
  ASSERT_FALSE(hospital.empty());
  EXPECT_EQ(hospital[0].measure, "patients hospitalised");
  // The first of two ages with no first name found goes to nobody.
  const std::string_view one = "The pair, Pip Harrow and a friend, 74 and 71, waited.";
  const std::vector<Quantity> pair = FindQuantities(one, MakeMentions(one, {kPip}));
  for (const Quantity& q : pair) EXPECT_NE(q.measure, "age") << q.text;
  // The figure's own lead-in is no clause of its own ("as many as").
  const std::string_view many = "Acme Corp employs as many as 300 staff.";
  const std::vector<Quantity> staff = FindQuantities(many, MakeMentions(many, {kAcme}));
  ASSERT_EQ(staff.size(), 1u);
  EXPECT_EQ(staff[0].subject, "e3");
}

TEST(FindQuantitiesTest, SortedDisjointAndExact) {
  const std::string s =
      "Zoë Fox, 31, lost 30K followers and $2m. Acme Corp, ranked third, cut 12% of 4,000 jobs; "
      "the 42-year-old was aged 31.";
  const std::vector<Quantity> found = FindQuantities(s, MakeMentions(s, {kFox, kAcme}));
  ASSERT_EQ(found.size(), 8u);
  size_t prev_end = 0;
  for (const Quantity& q : found) {
    EXPECT_GE(q.span.start, prev_end);
    EXPECT_LT(q.span.start, q.span.end);
    EXPECT_EQ(q.span.end - q.span.start, CodePointLength(q.text));
    prev_end = q.span.end;
  }
  EXPECT_EQ(found[0].text, "31");
  EXPECT_EQ(found[7].text, "aged 31");
  EXPECT_EQ(found[7].subject, "e1");
}

// Annotate passes the shape tokens it already has; the result must be what
// the text alone gives.
TEST(FindQuantitiesTest, SharedTokensGiveTheSameAnswer) {
  const std::string kTexts[] = {
      "Zo\xC3\xAB Fox, 31, lost 30K followers. Mr. Fox said 300 homes burned.",
      "The 42-year-old Zo\xC3\xAB Fox spent \xC2\xA3" "100m, ranked No. 2 with 12% of the vote.",
  };
  for (const std::string& s : kTexts) {
    const std::vector<EntityMention> mentions = MakeMentions(s, {kFox});
    const std::vector<Quantity> alone = FindQuantities(s, mentions);
    const std::vector<Quantity> shared = FindQuantities(s, TokenizeShapes(s), mentions);
    ASSERT_EQ(alone.size(), shared.size()) << s;
    ASSERT_FALSE(alone.empty()) << s;
    for (size_t k = 0; k < alone.size(); ++k) {
      EXPECT_EQ(alone[k].span.start, shared[k].span.start) << s;
      EXPECT_EQ(alone[k].span.end, shared[k].span.end) << s;
      EXPECT_EQ(alone[k].text, shared[k].text) << s;
      EXPECT_EQ(alone[k].value, shared[k].value) << s;
      EXPECT_EQ(alone[k].unit, shared[k].unit) << s;
      EXPECT_EQ(alone[k].subject, shared[k].subject) << s;
      EXPECT_EQ(alone[k].measure, shared[k].measure) << s;
    }
  }
}

}  // namespace
// A share written as a fraction or a ratio is a percentage, approximate
// whatever its lead-in ("more than four in ten"); a fraction of a time or
// of one thing is none.
TEST(FindQuantitiesTest, SharesWrittenAsFractions) {
  using B = QuantityBound;
  struct ShareCase {
    const char* sentence;
    const char* text;
    double value;
    const char* measure;
  };
  const ShareCase kCases[] = {
      {"A quarter of the flats will be sold at a discount.", "A quarter", 25, "flats"},
      {"Nearly a third of the staff will lose their jobs.", "a third", 33.3, "staff"},
      {"Two-thirds of its members backed the offer.", "Two-thirds", 66.7, "members"},
      {"Four in ten tenants are behind on rent.", "Four in ten", 40, "tenants"},
      {"More than one out of five drivers failed the test.", "one out of five", 20, "drivers"},
  };
  for (const ShareCase& c : kCases) {
    const std::vector<Quantity> found = FindQuantities(c.sentence, {});
    const Quantity* q = FindByText(found, c.text);
    ASSERT_NE(q, nullptr) << c.sentence;
    EXPECT_EQ(q->unit, "percent") << c.sentence;
    EXPECT_DOUBLE_EQ(q->value, c.value) << c.sentence;
    EXPECT_EQ(q->measure, c.measure) << c.sentence;
    EXPECT_EQ(q->bound, B::kApprox) << c.sentence;
  }
  // A fraction of a scale is a number.
  const std::pair<const char*, double> kScaled[] = {{"A quarter of a million commuters use it.", 250000},
                                                    {"The zoo has half a million visitors.", 500000},
                                                    {"Three-quarters of a billion dollars was lost.", 7.5e8}};
  for (const auto& [sentence, value] : kScaled) {
    const std::vector<Quantity> found = FindQuantities(sentence, {});
    ASSERT_EQ(found.size(), 1u) << sentence;
    EXPECT_NE(found[0].unit, "percent") << sentence;
    EXPECT_DOUBLE_EQ(found[0].value, value) << sentence;
  }
  // Shares, never counts of ten.
  for (const char* ratio : {"More than four in ten patients waited.", "Nine out of 10 voters stayed home."}) {
    const std::vector<Quantity> found = FindQuantities(ratio, {});
    ASSERT_EQ(found.size(), 1u) << ratio;
    EXPECT_EQ(found[0].unit, "percent") << ratio;
  }
  for (const char* none : {"The shop shut for a quarter of an hour.", "Sales rose in the third quarter of 2025.",
                           "The second half of the season was poor.", "Half of the players were injured."}) {
    for (const Quantity& q : FindQuantities(none, {})) EXPECT_NE(q.unit, "percent") << none;
  }
}

// A tabloid intensifier ("a whopping", "an eye-watering") between a figure
// and the words that say what it measures: the figure is exact, and its
// measure is read before the intensifier.
TEST(FindQuantitiesTest, IntensifiersKeepTheMeasure) {
  struct MeasureCase {
    const char* sentence;
    const char* text;
    double value;
    const char* measure;
  };
  const MeasureCase kCases[] = {
      {"The stadium cost a staggering £410million.", "£410million", 4.1e8, "cost"},
      {"The chain collapsed owing a whopping £2.3m.", "£2.3m", 2.3e6, "debt"},
      {"The club spent an eye-watering £95m on players.", "£95m", 9.5e7, "spending"},
      {"Rents rose by a massive 35 per cent.", "35 per cent", 35, "rents rise"},
      // The payee between the verb and the sum: a pronoun, or a plural
      // noun after a possessive.
      {"The bakery shut, owing them £640,000.", "£640,000", 640000, "debt"},
      {"The bakery shut, owing its suppliers a hefty £640,000.", "£640,000", 640000, "debt"},
  };
  for (const MeasureCase& c : kCases) {
    const std::vector<Quantity> found = FindQuantities(c.sentence, {});
    const Quantity* q = FindByText(found, c.text);
    ASSERT_NE(q, nullptr) << c.sentence;
    EXPECT_DOUBLE_EQ(q->value, c.value) << c.sentence;
    EXPECT_EQ(q->measure, c.measure) << c.sentence;
    EXPECT_EQ(q->bound, QuantityBound::kExact) << c.sentence;
  }
  // "an estimated" still says the figure is approximate.
  const std::vector<Quantity> approx = FindQuantities("The repairs cost an estimated £4m.", {});
  ASSERT_EQ(approx.size(), 1u);
  EXPECT_EQ(approx[0].bound, QuantityBound::kApprox);
}

// "The bill climbed to £9m": the level a change reached is the changed
// thing's value, named by the clause's subject; "heading down to" says
// where it goes, and "which has risen 12 per cent" too little of what rose.
TEST(FindQuantitiesTest, TheLevelAChangeReached) {
  ExpectMeasures({
      {"The cost of the new bypass climbed to £212 million last month.", "£212 million", "cost"},
      {"The bill has rocketed to a staggering £64million.", "£64million", "cost"},
      {"Unpaid rent has grown to £18,000 since March.", "£18,000", "unpaid rent"},
      {"Vacancies fell to 3.5% in May.", "3.5%", "vacancies"},
      {"Its sales are heading down to about $21m.", "$21m", ""},
      {"The shares, which have risen 12 per cent this year, closed lower.", "12 per cent", ""},
  });
}

// "Takings rose 6 per cent to £48m", "her pay rose from £90,000 to
// £104,000": news states the change's size or its starting level between
// the verb and the level reached, which is still the changed thing's value;
// a thing named before "for" ("The fare for a day ticket") is what changed.
TEST(FindQuantitiesTest, TheLevelAChangeReachedPastItsSizeOrStart) {
  ExpectMeasures({
      {"Takings rose 6 per cent to £48m in the year.", "£48m", "takings"},
      {"Her basic pay rose from £90,000 to £104,000 last year.", "£104,000", "basic pay"},
      {"Ticket sales have risen again, to $3.2 million.", "$3.2 million", "ticket sales"},
      {"The fare for a day ticket rose by 7%, to £6.40.", "£6.40", "fare"},
      {"The fare for a day ticket rose by 7%, to £6.40.", "7%", "fare rise"},
      {"The grant was cut from £2m to £1.5m.", "£1.5m", ""},
  });
}

// Tabloid capitals and relative days: "caged for NINE YEARS yesterday" is a
// prison sentence of nine years; the day says when, not what lasted.
TEST(FindQuantitiesTest, DurationsInCapitalsAndRelativeDays) {
  struct MeasureCase {
    const char* sentence;
    const char* text;
    double value;
    const char* unit;
    const char* measure;
  };
  const MeasureCase kCases[] = {
      {"A crooked landlord was caged for NINE YEARS yesterday.", "NINE YEARS", 9, "year", "sentence"},
      {"The fraudster was jailed for nine years yesterday.", "nine years", 9, "year", "sentence"},
      {"She was imprisoned for six years today.", "six years", 6, "year", "sentence"},
      {"Passengers were trapped in the tunnel for 14 HOURS.", "14 HOURS", 14, "hour", "tunnel"},
  };
  for (const MeasureCase& c : kCases) {
    const std::vector<Quantity> found = FindQuantities(c.sentence, {});
    const Quantity* q = FindByText(found, c.text);
    ASSERT_NE(q, nullptr) << c.sentence;
    EXPECT_DOUBLE_EQ(q->value, c.value) << c.sentence;
    EXPECT_EQ(q->unit, c.unit) << c.sentence;
    EXPECT_EQ(q->measure, c.measure) << c.sentence;
  }
  // An acronym in capitals is no unit: "3 NHS trusts" counts trusts.
  const std::vector<Quantity> trusts = FindQuantities("The money went to 3 NHS trusts.", {});
  ASSERT_EQ(trusts.size(), 1u);
  EXPECT_EQ(trusts[0].unit, "trusts");
}

// "a 22-turbine wind farm": a count in digits hyphened to any noun before
// the noun it describes counts that noun, and is the described thing's;
// participles, currencies, adjectives and spelled idioms are no such count.
TEST(FindQuantitiesTest, HyphenedCountsOfAnyNoun) {
  struct HyphenCase {
    const char* sentence;
    const char* text;
    double value;
    const char* unit;
    const char* thing;
  };
  const HyphenCase kCases[] = {
      {"Councillors rejected a 22-turbine wind farm on the moor.", "22-turbine", 22, "turbines", "wind farm"},
      {"The plans include a 420-place primary school.", "420-place", 420, "places", "primary school"},
      {"Traders opened a 64-kiosk food market.", "64-kiosk", 64, "kiosks", "food market"},
      {"The firm runs a 36-facility network.", "36-facility", 36, "facilities", "network"},
  };
  for (const HyphenCase& c : kCases) {
    const std::vector<Quantity> found = FindQuantities(c.sentence, {});
    const Quantity* q = FindByText(found, c.text);
    ASSERT_NE(q, nullptr) << c.sentence;
    EXPECT_DOUBLE_EQ(q->value, c.value) << c.sentence;
    EXPECT_EQ(q->unit, c.unit) << c.sentence;
    EXPECT_EQ(q->thing, c.thing) << c.sentence;
  }
  for (const char* none : {"The 2011-built ferry sank off the coast.", "She won a 640,000-euro bonus last year.",
                           "The 210m-long bridge was closed.", "He made a one-off payment to the club."}) {
    for (const Quantity& q : FindQuantities(none, {})) {
      EXPECT_TRUE(q.unit != "builts" && q.unit != "euros" && q.unit != "longs" && q.unit != "offs")
          << none << " -> " << q.text << " " << q.unit;
    }
  }
}

// "Acme Corp shares closed 3% higher at 412p": the sum shares closed,
// traded or moved at or to is the share price of the company whose shares
// they are; an offer "a share" stays the deal's price per share.
TEST(FindQuantitiesTest, TheSharePriceSharesMovedTo) {
  struct PriceCase {
    const char* sentence;
    const char* text;
    double value;
    const char* measure;
    const char* subject;
  };
  const PriceCase kCases[] = {
      {"Acme Corp shares closed 3% higher at 412p on Friday.", "412p", 4.12, "share price", "e3"},
      {"Shares in Acme Corp fell 5 per cent to 180 pence.", "180 pence", 1.8, "share price", "e3"},
      {"Acme Corp's shares traded at 95p before the bid.", "95p", 0.95, "share price", "e3"},
      {"The shares closed at $31.20 in New York.", "$31.20", 31.2, "share price", ""},
      {"Zoë Fox offered 412p a share for Acme Corp.", "412p", 4.12, "price per share", ""},
  };
  for (const PriceCase& c : kCases) {
    const std::string_view sv = c.sentence;
    std::vector<MentionSpec> mentions;
    for (const MentionSpec& m : {kFox, kAcme}) {
      if (sv.find(m.surface) != std::string_view::npos) mentions.push_back(m);
    }
    const std::vector<Quantity> found = FindQuantities(sv, MakeMentions(sv, mentions));
    const Quantity* q = FindByText(found, c.text);
    ASSERT_NE(q, nullptr) << c.sentence;
    EXPECT_DOUBLE_EQ(q->value, c.value) << c.sentence;
    EXPECT_EQ(q->measure, c.measure) << c.sentence;
    EXPECT_EQ(q->subject, c.subject) << c.sentence;
  }
}

// "a £1.4bn ($1.8bn) project": the sum restated in brackets does not hide
// the noun both figures modify; a phrase a preposition opens after the
// brackets is read as before.
TEST(FindQuantitiesTest, ASumRestatedInBracketsKeepsItsNoun) {
  ExpectMeasures({
      {"The firm unveiled a £2.6bn ($3.3bn) project near the port.", "£2.6bn", "project"},
      {"The firm unveiled a £2.6bn ($3.3bn) project near the port.", "$3.3bn", "project"},
      {"The bank took a €45m (about £38m) provision against the loans.", "€45m", "provision"},
  });
}

// "on a €7.4m contract (about £6.4m)": a sum restated after the noun the
// first one is of measures what the first one does.
TEST(FindQuantitiesTest, ASumRestatedAfterItsNounMeasuresTheSame) {
  ExpectMeasures({
      {"The ferry was refitted on a €7.4m contract (about £6.4m), the operator said.", "£6.4m", "contract"},
      {"It signed a €3m sponsorship deal, about £2.6m, last week.", "£2.6m", "sponsorship deal"},
  });
}

// "A hundred firefighters", "a dozen rental homes": "a" is one before
// "hundred" or a scale word, and "hundred" is no modifier of the noun.
TEST(FindQuantitiesTest, AHundredAndADozen) {
  struct CountCase {
    const char* sentence;
    const char* text;
    double value;
    const char* unit;
    const char* measure;
  };
  const CountCase kCases[] = {
      {"A hundred firefighters fought the blaze.", "A hundred firefighters", 100, "firefighters", "firefighters"},
      {"He owns a dozen rental homes in the town.", "a dozen rental homes", 12, "homes", nullptr},
      {"The show drew a million viewers.", "a million viewers", 1e6, "viewers", "viewers"},
      {"Five hundred volunteers searched the moor.", "Five hundred volunteers", 500, "volunteers", "volunteers"},
  };
  for (const CountCase& c : kCases) {
    const std::vector<Quantity> found = FindQuantities(c.sentence, {});
    const Quantity* q = FindByText(found, c.text);
    ASSERT_NE(q, nullptr) << c.sentence;
    EXPECT_DOUBLE_EQ(q->value, c.value) << c.sentence;
    EXPECT_EQ(q->unit, c.unit) << c.sentence;
    if (c.measure != nullptr) {
      EXPECT_EQ(q->measure, c.measure) << c.sentence;
    }
  }
}

// Ranges of sums written with the currency once ("£12m-15m", "£12m to
// £15m"): one quantity, value and high, framed by the words before the
// lower figure.
TEST(FindQuantitiesTest, RangesOfSumsWrittenOnce) {
  struct RangeCase {
    const char* sentence;
    const char* text;
    double value;
    double high;
    const char* measure;
  };
  const RangeCase kCases[] = {
      {"The vase carried a pre-sale estimate of £12m-15m.", "£12m-15m", 1.2e7, 1.5e7, "pre-sale estimate"},
      {"The vase carried a pre-sale estimate of £12-15m.", "£12-15m", 1.2e7, 1.5e7, "pre-sale estimate"},
      {"The vase carried a pre-sale estimate of £12m-£15m.", "£12m-£15m", 1.2e7, 1.5e7, "pre-sale estimate"},
      {"The damage was estimated at £3m to £4m.", "£3m to £4m", 3e6, 4e6, "damage"},
      // No noun for what was estimated: the sum is the estimate.
      {"It had been estimated at £12m to £15m before the sale.", "£12m to £15m", 1.2e7, 1.5e7, "estimate"},
  };
  for (const RangeCase& c : kCases) {
    const std::vector<Quantity> found = FindQuantities(c.sentence, {});
    ASSERT_EQ(found.size(), 1u) << c.sentence;
    EXPECT_EQ(found[0].text, c.text) << c.sentence;
    EXPECT_EQ(found[0].unit, "GBP") << c.sentence;
    EXPECT_DOUBLE_EQ(found[0].value, c.value) << c.sentence;
    EXPECT_DOUBLE_EQ(found[0].high, c.high) << c.sentence;
    EXPECT_EQ(found[0].measure, c.measure) << c.sentence;
  }
  // An id stays no sum.
  EXPECT_TRUE(FindQuantities("The code was 12-15-20.", {}).empty());
}

// "the number of X" set at a bare figure later in its clause counts X.
TEST(FindQuantitiesTest, TheNumberOfCountsItsNoun) {
  struct CountCase {
    const char* sentence;
    const char* text;
    double value;
    const char* unit;
    const char* measure;
  };
  const CountCase kCases[] = {
      {"The hotel put the number of guests affected at 2,400.", "2,400", 2400, "guests", "guests affected"},
      {"The number of complaints climbed to 418 last month.", "418", 418, "complaints", "complaints"},
      {"The number of deaths is 9, officials said.", "9", 9, "deaths", "deaths"},
  };
  for (const CountCase& c : kCases) {
    const std::vector<Quantity> found = FindQuantities(c.sentence, {});
    const Quantity* q = FindByText(found, c.text);
    ASSERT_NE(q, nullptr) << c.sentence;
    EXPECT_DOUBLE_EQ(q->value, c.value) << c.sentence;
    EXPECT_EQ(q->unit, c.unit) << c.sentence;
    EXPECT_EQ(q->measure, c.measure) << c.sentence;
    EXPECT_EQ(q->subject, "") << c.sentence;
  }
  // No plural noun counted, or another figure between: nothing.
  for (const char* none : {"The bus took the number of the route, 13.", "The number of it is 7.",
                           "The number of cases in 2024 rose to 40."}) {
    for (const Quantity& q : FindQuantities(none, {})) {
      EXPECT_TRUE(q.measure.empty() || q.measure == "age") << none << ": " << q.text << " " << q.measure;
    }
  }
}

// What a named subject "is worth" is its worth, the name's own (the name
// before the copula, or a relative clause's antecedent); a thing's is the
// thing's value, and a pronoun's is no one's.
TEST(FindQuantitiesTest, WhatANameIsWorth) {
  const MentionSpec hartley{"Hartley", "PERSON", "e1"};
  for (const char* s : {"Hartley is worth £2.6 billion.", "Hartley, who is worth an estimated £2.6 billion, left."}) {
    const std::vector<Quantity> found = FindQuantities(s, MakeMentions(s, {hartley}));
    ASSERT_EQ(found.size(), 1u) << s;
    EXPECT_EQ(found[0].measure, "worth") << s;
    EXPECT_EQ(found[0].subject, "e1") << s;
  }
  const std::vector<Quantity> thing = FindQuantities("Its owners said the painting was worth £14m.", {});
  ASSERT_EQ(thing.size(), 1u);
  EXPECT_EQ(thing[0].measure, "painting");
  EXPECT_EQ(thing[0].subject, "");
  const std::string_view it = "Hartley bought it. It is worth £5m.";
  const std::vector<Quantity> pronoun = FindQuantities(it, MakeMentions(it, {hartley}));
  ASSERT_EQ(pronoun.size(), 1u);
  EXPECT_EQ(pronoun[0].measure, "");
  EXPECT_EQ(pronoun[0].subject, "");
}


// A compound measure before a name that ends its phrase measures the named
// thing ("The 190-metre Kestrel Dawn struck", a ship the tagger may take for
// a place); a name that only says which thing ("the 12-kilometre Birch
// Valley trail") owns nothing.
TEST(FindQuantitiesTest, ACompoundMeasureBeforeAName) {
  const MentionSpec ship{"Kestrel Dawn", "PLACE", "e1"};
  for (const char* s : {"The 190-metre Kestrel Dawn struck the pier.",
                        "The 190-metre Kestrel Dawn, carrying grain, sank.", "A 190-metre Kestrel Dawn was seen."}) {
    const std::vector<Quantity> found = FindQuantities(s, MakeMentions(s, {ship}));
    const Quantity* q = FindByText(found, "190-metre");
    ASSERT_NE(q, nullptr) << s;
    EXPECT_DOUBLE_EQ(q->value, 190) << s;
    EXPECT_EQ(q->unit, "metres") << s;
    EXPECT_EQ(q->measure, "size in metres") << s;
    EXPECT_EQ(q->subject, "e1") << s;
  }
  const MentionSpec valley{"Birch Valley", "PLACE", "e1"};
  for (const char* s :
       {"They walked the 12-kilometre Birch Valley trail.", "Its 12-kilometre Birch Valley route opened."}) {
    for (const Quantity& q : FindQuantities(s, MakeMentions(s, {valley}))) {
      EXPECT_EQ(q.subject, "") << s << ": " << q.text;
    }
  }
}

// Whose sums are, through the clause: the subject of a verb of having or
// making past a relative aside or as the antecedent of the clause it opens;
// a sum joined to an owned one in the same object ("and a loss of", "plus a
// £X bonus", "on sales of"); a passive payment in a "who" clause.
TEST(FindQuantitiesTest, SumOwnersThroughTheClause) {
  const MentionSpec brellan{"Brellan Foods", "ORG", "e4"};
  const MentionSpec tovey{"Marta Tovey", "PERSON", "e5"};
  struct Row {
    const char* text;
    MentionSpec who;
    const char* sum;
    const char* subject;
  };
  const Row rows[] = {
      {"Brellan Foods, which has 3,200 staff, reported income of £88.1m for the year.", brellan, "£88.1m", "e4"},
      {"Brellan Foods, which employs about 900 people, had sales of $1.2 billion last year.", brellan,
       "$1.2 billion", "e4"},
      {"The mill is owned by Brellan Foods, which reported revenue of €64m in 2025.", brellan, "€64m", "e4"},
      {"Brellan Foods reported income of £88.1m and a deficit of £4.2m for the year.", brellan, "£4.2m", "e4"},
      {"Brellan Foods made an operating profit of £7.5m on revenue of £91m.", brellan, "£91m", "e4"},
      {"Marta Tovey was paid a salary of £180,000 plus a £40,000 bonus.", tovey, "£40,000", "e5"},
      {"Gallery director Marta Tovey, who is paid £120,000 a year, said the cuts were needed.", tovey, "£120,000",
       "e5"},
      // "it" after a verb of saying is the organisation that says it.
      {"Brellan Foods, which runs six mills, says it has raised £2.4m from investors.", brellan, "£2.4m", "e4"},
      {"Marta Tovey said it had raised £2.4m in a week.", tovey, "£2.4m", ""},
      // A passive payment's subject past an age and an aside, or a pronoun's.
      {"Line cook Marta Tovey, 41, who worked nights for the hotel, is owed £8,200.", tovey, "£8,200", "e5"},
      {"Marta Tovey left in May. She is owed £8,200 in wages.", tovey, "£8,200", "e5"},
      // The possessor of the noun a sum is set at.
      {"A leaked memo puts Brellan's monthly loss at £1.2m.", {"Brellan", "ORG", "e6"}, "£1.2m", "e6"},
      {"Brellan's order book now stands at £40m, down from £52m.", {"Brellan", "ORG", "e6"}, "£40m", "e6"},
      {"A leaked memo puts the monthly loss at £1.2m, Brellan said.", {"Brellan", "ORG", "e6"}, "£1.2m", ""},
      // Neither a clause of saying nor an unowned first sum hands an owner on.
      {"Brellan Foods said profits were £7.5m and a further £2m was spent.", brellan, "£2m", ""},
      {"The deal was worth £7.5m and a fee of £2m went to Brellan Foods.", brellan, "£2m", ""},
      // An owned first sum, and a second the subject of its own clause.
      {"Brellan Foods paid £7.5m and a fee of £2m went to Marta Tovey.", brellan, "£2m", ""},
  };
  for (const Row& r : rows) {
    const std::vector<Quantity> found = FindQuantities(r.text, MakeMentions(r.text, {r.who}));
    const Quantity* q = FindByText(found, r.sum);
    ASSERT_NE(q, nullptr) << r.text;
    EXPECT_EQ(q->subject, r.subject) << r.text;
  }
}

// "of X" after the noun a sum modifies: a name owns it ("the £4m budget of
// Tarnwick Council"), a group named in the plural is the thing it is of
// ("the £31,000 wage of the porters"); not a possessor opening a longer
// phrase ("of the trust's network").
TEST(FindQuantitiesTest, ASumsNounOfANameOrAGroup) {
  const std::string_view named = "Critics compared it with the £4m budget of Tarnwick Council last year.";
  const std::vector<Quantity> a = FindQuantities(named, MakeMentions(named, {{"Tarnwick Council", "ORG", "e7"}}));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].subject, "e7");
  const std::vector<Quantity> b = FindQuantities("She earns far more than the £31,000 wage of the porters on her ward.", {});
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].subject, "");
  EXPECT_EQ(b[0].thing, "porters");
  const std::vector<Quantity> c = FindQuantities("The board approved a £3m upgrade of the trust's phone lines.", {});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_NE(c[0].thing, "trust");
}

// "the trust", "the board's": the one organisation the article names with
// that noun as its name's head (its last word, or the word before "of"),
// for sums and shares, as a possessor or as what "its" stands for when its
// sentence names none; no one when two are so named or the noun only
// modifies the head ("Association of Harbour Clubs" is no club).
TEST(FindQuantitiesTest, AnOrganisationADescriptionNames) {
  struct Row {
    const char* text;
    std::vector<MentionSpec> mentions;
    const char* sum;
    const char* subject;
  };
  const MentionSpec trust{"Marlow Valley Trust", "ORG", "e8"};
  const MentionSpec board{"Harwick Water Board", "ORG", "e9"};
  const MentionSpec other_board{"Harwick Health Board", "ORG", "e11"};
  const MentionSpec association{"Association of Harbour Clubs", "ORG", "e10"};
  const Row rows[] = {
      {"Marlow Valley Trust met on Monday. The trust spends £2m a year on fuel, 4% of its £50m annual budget.",
       {trust}, "£50m", "e8"},
      {"Harwick Water Board met on Monday. The grant is small beside the board's annual budget of £900m.", {board},
       "£900m", "e9"},
      {"Harwick Water Board and Harwick Health Board met. The grant is small beside the board's budget of £900m.",
       {board, other_board}, "£900m", ""},
      {"The Association of Harbour Clubs met. It noted the association's £3m budget.", {association}, "£3m", "e10"},
      {"The Association of Harbour Clubs met. It noted the club's £3m budget.", {association}, "£3m", ""},
  };
  for (const Row& r : rows) {
    const std::vector<Quantity> found = FindQuantities(r.text, MakeMentions(r.text, r.mentions));
    const Quantity* q = FindByText(found, r.sum);
    ASSERT_NE(q, nullptr) << r.text;
    EXPECT_EQ(q->subject, r.subject) << r.text;
  }
}

}  // namespace storyline
