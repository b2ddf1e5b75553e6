// Tests of quotation finding and attribution (src/extract/quotes.h) on
// invented sentences: every mark style, split, nested, multi-paragraph and
// colon-introduced quotations, what is not a quotation (titles, scare
// quotes, apostrophes), partial and indirect speech, each way a speaker is
// named (name, surname, pronoun, epithet, organisation, anonymous, preceding
// sentence, consecutive quotations) and the medium. Entity mentions are
// given by hand, as the entity layer would produce them.
#include "extract/quotes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/annotation.h"
#include "text/sentences.h"

namespace storyline {
namespace {

struct MentionSpec {
  const char* surface;  // every word-bounded occurrence becomes a mention
  const char* type;
  const char* entity;
};

struct Expected {
  const char* text;  // exact quotation text
  const char* kind;
  const char* speaker;       // entity id or ""
  const char* speaker_name;  // "" when unknown
  const char* cue;
  const char* medium;
};

struct Case {
  const char* name;
  const char* text;
  std::vector<MentionSpec> mentions;
  std::vector<Expected> quotes;  // exactly these, in order
};

size_t CodePoints(std::string_view s, size_t byte) {
  size_t n = 0;
  for (size_t i = 0; i < byte && i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::vector<EntityMention> MakeMentions(std::string_view text, const std::vector<MentionSpec>& specs) {
  std::vector<EntityMention> out;
  for (const MentionSpec& m : specs) {
    const std::string_view surface = m.surface;
    for (size_t b = text.find(surface); b != std::string_view::npos; b = text.find(surface, b + 1)) {
      const size_t e = b + surface.size();
      if ((b > 0 && IsWordByte(text[b - 1])) || (e < text.size() && IsWordByte(text[e]))) continue;
      EntityMention em;
      em.span = {CodePoints(text, b), CodePoints(text, e)};
      em.text = std::string(surface);
      em.type = m.type;
      em.entity = m.entity;
      out.push_back(em);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.span.start < b.span.start; });
  return out;
}

std::vector<Quote> FindIn(const std::string& text, std::vector<EntityMention>* mentions) {
  return FindQuotes(text, SplitSentences(text), Tokenize(text), mentions);
}

std::string Describe(const std::vector<Quote>& qs) {
  std::string s;
  for (const Quote& q : qs) {
    s += "\n  [" + q.kind + "] \"" + q.text + "\" speaker=" + q.speaker + " name=" + q.speaker_name +
         " cue=" + q.cue + " medium=" + q.medium;
  }
  return s;
}

void ExpectCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const std::string text = c.text;
    std::vector<EntityMention> mentions = MakeMentions(text, c.mentions);
    const std::vector<Quote> found = FindIn(text, &mentions);
    ASSERT_EQ(found.size(), c.quotes.size()) << c.name << Describe(found);
    for (size_t i = 0; i < found.size(); ++i) {
      const Quote& q = found[i];
      const Expected& e = c.quotes[i];
      EXPECT_EQ(q.text, e.text) << c.name;
      EXPECT_EQ(q.kind, e.kind) << c.name << ": " << q.text;
      EXPECT_EQ(q.speaker, e.speaker) << c.name << ": " << q.text;
      EXPECT_EQ(q.speaker_name, e.speaker_name) << c.name << ": " << q.text;
      EXPECT_EQ(q.cue, e.cue) << c.name << ": " << q.text;
      EXPECT_EQ(q.medium, e.medium) << c.name << ": " << q.text;
      // The span is the text, in code points.
      const size_t b = text.find(q.text);
      ASSERT_NE(b, std::string::npos) << c.name;
      EXPECT_EQ(q.span.start, CodePoints(text, b)) << c.name << ": " << q.text;
      EXPECT_EQ(q.span.end, CodePoints(text, b + q.text.size())) << c.name << ": " << q.text;
    }
  }
}

const MentionSpec kVelk{"Mara Velk", "PERSON", "e1"};
const MentionSpec kVelkSurname{"Velk", "PERSON", "e1"};
const MentionSpec kHarbor{"Harbor Town FC", "ORG", "e2"};
const MentionSpec kBrightline{"Brightline", "ORG", "e3"};

TEST(FindQuotesTest, MarkStyles) {
  ExpectCases({
      {"straight double", "Mara Velk said, \"We will rebuild the bridge.\"", {kVelk},
       {{"We will rebuild the bridge.", "direct", "e1", "Mara Velk", "said", ""}}},
      {"curly double, postposed cue", "\xE2\x80\x9CThe vote was fair,\xE2\x80\x9D said Mara Velk.", {kVelk},
       {{"The vote was fair,", "direct", "e1", "Mara Velk", "said", ""}}},
      {"straight single", "Harbor Town FC rejected the offer. 'We are not for sale,' the club said.", {kHarbor},
       {{"We are not for sale,", "direct", "e2", "Harbor Town FC", "said", ""}}},
      {"curly single", "\xE2\x80\x98I never hid anything,\xE2\x80\x99 Velk told reporters.", {kVelkSurname},
       {{"I never hid anything,", "direct", "e1", "Velk", "told", ""}}},
      {"guillemets", "Velk said: \xC2\xABThe bridge will open in May.\xC2\xBB", {kVelkSurname},
       {{"The bridge will open in May.", "direct", "e1", "Velk", "said", ""}}},
      {"reversed guillemets", "Velk said: \xC2\xBBThe bridge will open in May.\xC2\xAB", {kVelkSurname},
       {{"The bridge will open in May.", "direct", "e1", "Velk", "said", ""}}},
      {"low-high", "Velk said: \xE2\x80\x9EThe bridge will open in May.\xE2\x80\x9C", {kVelkSurname},
       {{"The bridge will open in May.", "direct", "e1", "Velk", "said", ""}}},
      {"nested", "\"She told me 'never again', and I believed her,\" Velk said.", {kVelkSurname},
       {{"She told me 'never again', and I believed her,", "direct", "e1", "Velk", "said", ""}}},
  });
}

TEST(FindQuotesTest, QuotationShapes) {
  ExpectCases({
      {"split by attribution", "Mara Velk left early. \"We tried,\" she said, \"but the money ran out.\"", {kVelk},
       {{"We tried,", "direct", "e1", "Mara Velk", "said", ""},
        {"but the money ran out.", "direct", "e1", "Mara Velk", "said", ""}}},
      {"multi-paragraph", "Mara Velk said:\n\n\"The first part of the speech.\n\n\"The second part ends here.\"",
       {kVelk},
       {{"The first part of the speech.\n\n\"The second part ends here.", "direct", "e1", "Mara Velk", "said",
         ""}}},
      {"colon-introduced post", "Mara Velk smiled. Over the photo she wrote: \"Back to work today.\"", {kVelk},
       {{"Back to work today.", "direct", "e1", "Mara Velk", "wrote", ""}}},
      {"post quoted without marks", "Mara Velk smiled. On the photo she wrote: Back to work, see you all soon.\n\nMore.",
       {kVelk}, {{"Back to work, see you all soon.", "direct", "e1", "Mara Velk", "wrote", ""}}},
      {"unbalanced ends at the paragraph",
       "Mara Velk said, \"This never closes and goes on.\n\nThe reporter wrote the next paragraph alone.", {kVelk},
       {{"This never closes and goes on.", "direct", "e1", "Mara Velk", "said", ""}}},
      {"consecutive quotations", "\"We are ready,\" Velk said. \"The city is ready too.\"", {kVelkSurname},
       {{"We are ready,", "direct", "e1", "Velk", "said", ""},
        {"The city is ready too.", "direct", "e1", "Velk", "", ""}}},
  });
}

TEST(FindQuotesTest, NotQuotations) {
  ExpectCases({
      {"apostrophes", "Velk's fans in the '90s didn't care about the Smiths' records or rock 'n' roll.",
       {kVelkSurname}, {}},
      {"title before a role noun", "The \"Harbor Lights\" actress arrived late to the party.", {}, {}},
      {"capitalised title", "Mara Velk starred in \"The Long Winter Road\" last year.", {kVelk}, {}},
      {"work entity", "Critics loved \"Tomorrow\" at the festival.", {{"Tomorrow", "WORK", "e4"}}, {}},
      {"scare quotes", "The so-called \"reform\" left the budget unchanged.", {}, {}},
  });
}

TEST(FindQuotesTest, PartialQuotations) {
  ExpectCases({
      {"embedded phrase", "Mara Velk said she was \"deeply disturbed\" by the report.", {kVelk},
       {{"she was \"deeply disturbed\" by the report", "indirect", "e1", "Mara Velk", "said", ""},
        {"deeply disturbed", "partial", "e1", "Mara Velk", "said", ""}}},
      {"quoted word of a person, no cue", "Mara Velk is 're-evaluating' her options.", {kVelk},
       {{"re-evaluating", "partial", "e1", "Mara Velk", "", ""}}},
  });
}

TEST(FindQuotesTest, Speakers) {
  ExpectCases({
      {"pronoun", "Mara Velk spoke on Monday. \"We will appeal,\" she said.", {kVelk},
       {{"We will appeal,", "direct", "e1", "Mara Velk", "said", ""}}},
      {"linked epithet", "Mara Velk arrived. \"It was a long night,\" the actress said.",
       {kVelk, {"the actress", "PERSON", "e1"}},
       {{"It was a long night,", "direct", "e1", "Mara Velk", "said", ""}}},
      {"unlinked epithet", "Mara Velk arrived. \"It was a long night,\" the 41-year-old singer added.", {kVelk},
       {{"It was a long night,", "direct", "e1", "Mara Velk", "added", ""}}},
      {"epithet with of-name", "Mara Velk arrived. \"I am fine,\" the sister of Ivo Renn said.",
       {kVelk, {"Ivo Renn", "PERSON", "e5"}},
       {{"I am fine,", "direct", "e1", "Mara Velk", "said", ""}}},
      {"organisation by epithet", "Brightline apologised. \"We condemn the attack,\" the company said in a statement.",
       {kBrightline},
       {{"We condemn the attack,", "direct", "e3", "Brightline", "said", "statement"}}},
      {"the statement read", "Brightline issued a statement on Friday.\n\n\"We regret the error,\" the statement read.",
       {kBrightline},
       {{"We regret the error,", "direct", "e3", "Brightline", "read", "statement"}}},
      {"preceding sentence", "Harbor Town FC thanked the player in a statement.\n\n\"He leaves with our gratitude.\"",
       {kHarbor},
       {{"He leaves with our gratitude.", "direct", "e2", "Harbor Town FC", "", "statement"}}},
      {"anonymous commenter", "\"This is a disgrace,\" one commenter wrote.", {},
       {{"This is a disgrace,", "direct", "", "one commenter", "wrote", ""}}},
      {"anonymous with platform", "An Instagram user commented, \"So sad to see this.\"", {},
       {{"So sad to see this.", "direct", "", "an Instagram user", "commented", "instagram"}}},
      {"appositive", "Mara Velk, 58, who led the council, said: \"I have no regrets.\"", {kVelk},
       {{"I have no regrets.", "direct", "e1", "Mara Velk", "said", ""}}},
      {"spokesperson for an organisation", "\"We are cooperating,\" a spokesperson for Brightline said.", {kBrightline},
       {{"We are cooperating,", "direct", "e3", "Brightline", "said", ""}}},
  });
}

TEST(FindQuotesTest, Media) {
  ExpectCases({
      {"tiktok", "In a TikTok video, Mara Velk said, \"I am staying.\"", {kVelk},
       {{"I am staying.", "direct", "e1", "Mara Velk", "said", "tiktok"}}},
      {"instagram stories", "Mara Velk wrote on her Instagram Stories: \"Thank you all.\"", {kVelk},
       {{"Thank you all.", "direct", "e1", "Mara Velk", "wrote", "instagram_stories"}}},
      {"tweeted", "Mara Velk tweeted: \"The vote is tomorrow.\"", {kVelk},
       {{"The vote is tomorrow.", "direct", "e1", "Mara Velk", "tweeted", "x"}}},
      {"interview", "\"I was never asked,\" Mara Velk told Vogue in an interview.",
       {kVelk, {"Vogue", "ORG", "e6"}},
       {{"I was never asked,", "direct", "e1", "Mara Velk", "told", "interview"}}},
  });
}

TEST(FindQuotesTest, IndirectSpeech) {
  ExpectCases({
      {"said that", "Mara Velk said that the bridge would reopen in May.", {kVelk},
       {{"the bridge would reopen in May", "indirect", "e1", "Mara Velk", "said", ""}}},
      {"according to", "According to Velk, the repairs will cost more than planned.", {kVelkSurname},
       {{"the repairs will cost more than planned", "indirect", "e1", "Velk", "according to", ""}}},
      {"told someone that", "Velk told reporters that the city had no choice.", {kVelkSurname},
       {{"the city had no choice", "indirect", "e1", "Velk", "told", ""}}},
      {"organisation in a statement", "The brand said in a statement that it had removed the images.",
       {{"The brand", "ORG", "e3"}},
       {{"it had removed the images", "indirect", "e3", "The brand", "said", "statement"}}},
      {"video intro", "In a TikTok video, Mara Velk said she regretted nothing at all.", {kVelk},
       {{"she regretted nothing at all", "indirect", "e1", "Mara Velk", "said", "tiktok"}}},
      {"postposed", "Brightline opened a new plant. The repairs are on schedule, the company said.", {kBrightline},
       {{"The repairs are on schedule", "indirect", "e3", "Brightline", "said", ""}}},
      {"collective speakers", "Fans said the concert was far too short.", {},
       {{"the concert was far too short", "indirect", "", "fans", "said", ""}}},
      {"not speech", "Mara Velk said goodbye to the staff on Friday.", {kVelk}, {}},
  });
}

// Rows added for mistakes seen on news text; each names what went wrong.
TEST(FindQuotesTest, Regressions) {
  ExpectCases({
      {"it read: the issuer of the statement, not the nearest organisation",
       "Brightline beat Harbor Town FC. Harbor Town FC thanked the player in a statement. \"He leaves with our "
       "gratitude,\" it read.",
       {kBrightline, kHarbor},
       {{"He leaves with our gratitude,", "direct", "e2", "Harbor Town FC", "read", "statement"}}},
      {"capitalised organisation missed by the entity layer",
       "The Harbor Supporters' Trust said it would ask the board for answers.", {},
       {{"it would ask the board for answers", "indirect", "e1", "Harbor Supporters' Trust", "said", ""}}},
      {"a noun object is not reported speech", "Mara Velk announced the decision in a post on Monday.", {kVelk},
       {}},
      {"where a post was written is not what it said", "\"Not again,\" one fan wrote on the club forum on Sunday.",
       {}, {{"Not again,", "direct", "", "one fan", "wrote", "forum"}}},
      {"role noun before a name", "After the show, brand ambassador Mara Velk was \"Disgusted\" by the images.",
       {kVelk, kBrightline}, {{"Disgusted", "partial", "e1", "Mara Velk", "", ""}}},
      {"introductory time phrase is not the speaker",
       "Brightline was criticised. Two weeks later, the company issued a statement admitting 'a series of errors'.",
       {kBrightline}, {{"a series of errors", "partial", "e3", "Brightline", "admitting", "statement"}}},
      {"a body described by its owner is not an earlier organisation",
       "Brightline opened a plant. The state auditor's office said it had requested the files.", {kBrightline},
       {{"it had requested the files", "indirect", "", "state auditor's office", "said", ""}}},
      {"a weekday is not a speaker", "On Friday the board said that Velk had broken the rules.", {kVelkSurname},
       {}},
  });
}

TEST(FindQuotesTest, NamedSpeakerWithoutMentionIsAdded) {
  const std::string text = "\"We are ready,\" said Petra Oswin.";
  std::vector<EntityMention> mentions;
  const std::vector<Quote> q = FindIn(text, &mentions);
  ASSERT_EQ(q.size(), 1u) << Describe(q);
  EXPECT_EQ(q[0].speaker, "e1");
  EXPECT_EQ(q[0].speaker_name, "Petra Oswin");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].text, "Petra Oswin");
  EXPECT_EQ(mentions[0].type, "PERSON");
  EXPECT_EQ(mentions[0].entity, "e1");
}

TEST(FindQuotesTest, SurnameJoinsExistingEntity) {
  const std::string text = "Petra Oswin and Ivo Renn met. \"We agreed,\" Oswin said.";
  std::vector<EntityMention> mentions =
      MakeMentions(text, {{"Petra Oswin", "PERSON", "e3"}, {"Ivo Renn", "PERSON", "e7"}});
  const std::vector<Quote> q = FindIn(text, &mentions);
  ASSERT_EQ(q.size(), 1u) << Describe(q);
  EXPECT_EQ(q[0].speaker, "e3");
  EXPECT_EQ(q[0].speaker_name, "Petra Oswin");
  ASSERT_EQ(mentions.size(), 3u);
  EXPECT_EQ(mentions[2].text, "Oswin");
  EXPECT_EQ(mentions[2].entity, "e3");
}

TEST(FindQuotesTest, NewIdIsOneMoreThanTheLargest) {
  const std::string text = "Ivo Renn spoke first. \"We agreed,\" said Petra Oswin.";
  std::vector<EntityMention> mentions = MakeMentions(text, {{"Ivo Renn", "PERSON", "e9"}});
  const std::vector<Quote> q = FindIn(text, &mentions);
  ASSERT_EQ(q.size(), 1u) << Describe(q);
  EXPECT_EQ(q[0].speaker, "e10");
}

// Fuzzer finding: stray UTF-8 continuation bytes before the first character
// shifted every offset by one.
TEST(FindQuotesTest, LeadingContinuationBytesKeepOffsets) {
  const std::string text = "\x89\x9a\"We are ready,\" Velk said.";
  std::vector<EntityMention> mentions;
  const std::vector<Quote> q = FindIn(text, &mentions);
  ASSERT_EQ(q.size(), 1u) << Describe(q);
  EXPECT_EQ(q[0].text, "We are ready,");
  EXPECT_EQ(q[0].span.start, CodePoints(text, text.find("We")));
}

TEST(FindQuotesTest, EmptyAndMarkOnlyInputs) {
  for (const char* text : {"", "\"", "''", "\xE2\x80\x9C\xE2\x80\x9D", "\"\"\"\"", "\xC2\xAB", "\n\n\"\n\n"}) {
    std::vector<EntityMention> mentions;
    EXPECT_TRUE(FindIn(text, &mentions).empty()) << text;
  }
}

}  // namespace
}  // namespace storyline
