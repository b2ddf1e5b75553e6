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
const MentionSpec kRenn{"Ivo Renn", "PERSON", "e5"};

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
      // A reported clause holding quoted words is reported by the quoted
      // fragment alone (eval/quotes/README.md guideline; issue 16).
      {"embedded phrase", "Mara Velk said she was \"deeply disturbed\" by the report.", {kVelk},
       {{"deeply disturbed", "partial", "e1", "Mara Velk", "said", ""}}},
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
      {"a statement published on the platform the sentence before names, and its further quotations",
       "Ivo Renn's post came after Mara Velk broke her silence on Instagram Stories. \"I was shocked,\" Mara Velk "
       "said in a statement. \"We will rebuild,\" she added.\n\n\"The vote stands,\" Ivo Renn said in a "
       "statement.",
       {kVelk, kRenn},
       {{"I was shocked,", "direct", "e1", "Mara Velk", "said", "instagram_stories"},
        {"We will rebuild,", "direct", "e1", "Mara Velk", "added", "instagram_stories"},
        {"The vote stands,", "direct", "e5", "Ivo Renn", "said", "statement"}}},
      {"words said to reporters take no medium from an earlier post",
       "Mara Velk posted on X on Monday. \"I never hid anything,\" Mara Velk said, speaking to reporters outside "
       "the hall.",
       {kVelk},
       {{"I never hid anything,", "direct", "e1", "Mara Velk", "said", ""}}},
      {"words after words said to reporters were said there too",
       "Mara Velk posted on X on Monday. Speaking to reporters, Mara Velk said she kept nothing back. "
       "\"I never hid anything,\" she said, \"but I should have left.\"",
       {kVelk},
       {{"she kept nothing back", "indirect", "e1", "Mara Velk", "said", ""},
        {"I never hid anything,", "direct", "e1", "Mara Velk", "said", ""},
        {"but I should have left.", "direct", "e1", "Mara Velk", "said", ""}}},
      {"a platform after the cue is where, not who",
       "Regional Governor Mara Velk, 61, wrote on X on Monday night: \"No family will face this alone.\"",
       {kVelk, {"X", "PERSON", "e9"}},
       {{"No family will face this alone.", "direct", "e1", "Mara Velk", "wrote", "x"}}},
  });
}

TEST(FindQuotesTest, TitleNamedAfterThePerson) {
  // ""The Marlows" star": the person the show is named after,
  // not the subject of the sentence before.
  ExpectCases({
      {"title epithet",
       "Ivo Renn posted a video. Many believed he meant Dana Marlow. \"The Marlows\" star was criticised for "
       "saying that she is \"re-thinking\" the deal.",
       {kRenn, {"Dana Marlow", "PERSON", "e6"}, {"The Marlows", "WORK", "e7"}},
       {{"re-thinking", "partial", "e6", "Dana Marlow", "saying", ""}}},
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
      // Issue 16: a clause after "told reporters" without "that", and one
      // opened by "if" after "said".
      {"told reporters, no that", "Velk told reporters the vote would go ahead on Monday.", {kVelkSurname},
       {{"the vote would go ahead on Monday", "indirect", "e1", "Velk", "told", ""}}},
      {"told reporters a noun phrase", "Velk told reporters the details of the plan.", {kVelkSurname}, {}},
      {"said if", "Velk said if she wins she would cut the levy.", {kVelkSurname},
       {{"if she wins she would cut the levy", "indirect", "e1", "Velk", "said", ""}}},
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
      {"a weekday is not a speaker; a public body with nothing to refer back to describes the speaker",
       "On Friday the board said that Velk had broken the rules.", {kVelkSurname},
       {{"Velk had broken the rules", "indirect", "", "the board", "said", ""}}},
  });
}


// Attribution rules: who speaks when the cue, the name or the pronoun's
// antecedent is not right next to the quotation.
TEST(FindQuotesTest, AttributionRules) {
  ExpectCases({
      {"role noun between an organisation typed PERSON and the speaker",
       "\"Prices will rise,\" said Brightline analyst Ivo Renn.", {{"Brightline", "PERSON", "e3"}, kRenn},
       {{"Prices will rise,", "direct", "e5", "Ivo Renn", "said", ""}}},
      {"speech verb missing from the lexicon after a comma", "\"We are rolling out the first one,\" enthused Ivo Renn.",
       {kRenn}, {{"We are rolling out the first one,", "direct", "e5", "Ivo Renn", "enthused", ""}}},
      {"name and apposition with no verb", "\"Buyers are wary,\" Ivo Renn, an analyst for Brightline.",
       {kRenn, kBrightline}, {{"Buyers are wary,", "direct", "e5", "Ivo Renn", "", ""}}},
      {"a full stop inside the marks ends the sentence: no unlisted verb",
       "Ivo Renn spoke. \"It is over.\" Mara Velk agreed.", {kRenn, kVelk},
       {{"It is over.", "direct", "", "", "", ""}}},
      {"pronoun: the previous sentence's subject, not a later object",
       "Ivo Renn said the offer from Mara Velk was low. \"We are wary,\" he said.", {kRenn, kVelk},
       {{"the offer from Mara Velk was low", "indirect", "e5", "Ivo Renn", "said", ""},
        {"We are wary,", "direct", "e5", "Ivo Renn", "said", ""}}},
      {"pronoun: gender from the article's own pronouns",
       "Mara Velk smiled, and she waved.\n\nIvo Renn nodded. Mara Velk waved. \"We agreed on nothing,\" he said.",
       {kRenn, kVelk}, {{"We agreed on nothing,", "direct", "e5", "Ivo Renn", "said", ""}}},
      {"pronoun: gender from an honorific", "Ms. Mara Velk met Ivo Renn. \"It went well,\" she said.", {kRenn, kVelk},
       {{"It went well,", "direct", "e1", "Mara Velk", "said", ""}}},
      {"another speaker intervenes between two quotations",
       "\"We are ready,\" Velk said. Ivo Renn denied the reports.\n\n\"Nothing is decided.\"",
       {kVelkSurname, kRenn},
       {{"We are ready,", "direct", "e1", "Velk", "said", ""},
        {"Nothing is decided.", "direct", "e5", "Ivo Renn", "", ""}}},
      {"quoted as saying: the one quoted speaks", "Brightline quoted Ivo Renn as saying \"The plant will close.\"",
       {kBrightline, kRenn}, {{"The plant will close.", "direct", "e5", "Ivo Renn", "saying", ""}}},
      {"participle far from its verb", "Ivo Renn stated that there was a chance of new routes from the new planes as "
       "well as more staff at the hub, saying, \"We will grow.\"", {kRenn},
       {{"We will grow.", "direct", "e5", "Ivo Renn", "saying", ""}}},
      {"possessive apposition does not rename the subject",
       "Ivo Renn, Brightline's chief executive, called the plan \"bold and achievable\".", {kRenn, kBrightline},
       {{"bold and achievable", "partial", "e5", "Ivo Renn", "called", ""}}},
      {"cue after a partial quotation", "Calling it \"a long time coming,\" Ivo Renn explained the plan.", {kRenn},
       {{"a long time coming,", "partial", "e5", "Ivo Renn", "explained", ""}}},
      {"a body named by a proper modifier", "Brightline cut jobs. The Belgian government said that it would help.",
       {kBrightline}, {{"it would help", "indirect", "e4", "Belgian government", "said", ""}}},
      {"unnamed source", "Someone familiar with the talks said that the deal was close.", {},
       {{"the deal was close", "indirect", "", "someone familiar with the talks", "said", ""}}},
      {"a firm's economists are a group", "\"Markets are nervous,\" explained Brightline economists.", {kBrightline},
       {{"Markets are nervous,", "direct", "", "Brightline economists", "explained", ""}}},
      {"according to relays the reported speaker's words",
       "Two residents have said they intend to run, according to the clerk's office.", {},
       {{"they intend to run", "indirect", "", "two residents", "said", ""}}},
      {"two coordinated reports by two speakers",
       "Brightline said it had asked for the files, and Ivo Renn said he would answer every question.",
       {kBrightline, kRenn},
       {{"it had asked for the files", "indirect", "e3", "Brightline", "said", ""},
        {"he would answer every question", "indirect", "e5", "Ivo Renn", "said", ""}}},
      {"a scare-quoted word inside a postposed report",
       "The so-called \"grip\" is not a problem for other phones, said Ivo Renn.", {kRenn},
       {{"The so-called \"grip\" is not a problem for other phones", "indirect", "e5", "Ivo Renn", "said", ""}}},
      {"no report inside a quotation split by the sentence splitter",
       "\"We tried. It was not enough for the board,\" Ivo Renn said.", {kRenn},
       {{"We tried. It was not enough for the board,", "direct", "e5", "Ivo Renn", "said", ""}}},
      {"medium of a pronoun subject's sentence",
       "Mara Velk left the club. She said goodbye in a TikTok video.\n\n\"I will miss you,\" Velk said in the clip.",
       {kVelk, kVelkSurname}, {{"I will miss you,", "direct", "e1", "Mara Velk", "said", "tiktok"}}},
      {"reached by phone", "\"I never hid it,\" Velk said when reached by phone.", {kVelkSurname},
       {{"I never hid it,", "direct", "e1", "Velk", "said", "phone"}}},
      {"according to a report in an outlet", "According to a report in Brightline, the plant will close in May.",
       {kBrightline}, {{"the plant will close in May", "indirect", "e3", "Brightline", "according to", ""}}},
      {"an organisation noun modified by a named organisation",
       "Ivo Renn left. The Brightline newspaper reported that the plant will close in May.",
       {kRenn, {"Brightline", "ORG", "e3"}},
       {{"the plant will close in May", "indirect", "e3", "Brightline", "reported", ""}}},
      {"a quoted sentence after said that is direct", "Brightline said that \"The plant will close in May.\"",
       {kBrightline}, {{"The plant will close in May.", "direct", "e3", "Brightline", "said", ""}}},
      {"IG Markets is no Instagram", "Ivo Renn, an analyst at IG Markets, said that the markets could fall further.",
       {kRenn}, {{"the markets could fall further", "indirect", "e5", "Ivo Renn", "said", ""}}},
      // ECB+ audit: "was unavailable for an interview" gave the speaker's
      // words an interview no one gave.
      {"a medium the sentence says was not used is none",
       "A spokesman for Mara Velk said she was travelling and was unavailable for an interview.", {kVelk},
       {{"she was travelling and was unavailable for an interview", "indirect", "e1", "Mara Velk", "said", ""}}},
      {"a declined phone interview is no medium",
       "Mara Velk, who declined a phone interview, said that the club would appeal.", {kVelk},
       {{"the club would appeal", "indirect", "e1", "Mara Velk", "said", ""}}},
      {"medium carried to the same speaker's later words",
       "In a televised speech, Mara Velk presented the plan. She said that the city would rebuild the bridge.",
       {kVelk}, {{"the city would rebuild the bridge", "indirect", "e1", "Mara Velk", "said", "tv"}}},
      {"medium of the speaker's previous quotation", "\"We won,\" Velk said at a press conference. Velk said that the fans deserved it.",
       {kVelkSurname},
       {{"We won,", "direct", "e1", "Velk", "said", "press-conference"},
        {"the fans deserved it", "indirect", "e1", "Velk", "said", "press-conference"}}},
      {"issue11 an interview with a podcast is an interview",
       "In an interview with the cooking podcast Low Heat, Mara Velk said that the kitchen would reopen in May.",
       {kVelk}, {{"the kitchen would reopen in May", "indirect", "e1", "Mara Velk", "said", "interview"}}},
      {"issue11 words told to a newspaper are an interview",
       "\"The kitchen reopens in May,\" Mara Velk told the Evening Post.", {kVelk},
       {{"The kitchen reopens in May,", "direct", "e1", "Mara Velk", "told", "interview"}}},
      {"issue11 another voice of a crowd writes where the one before did",
       "Fans were angry on Sunday. \"The club sold its soul,\" one fan wrote on Reddit. \"Never again,\" wrote "
       "another.",
       {},
       {{"The club sold its soul,", "direct", "", "one fan", "wrote", "reddit"},
        {"Never again,", "direct", "", "another fan", "wrote", "reddit"}}},
      {"issue11 words told to 'the newspaper' are an interview",
       "Mara Velk told the newspaper that the kitchen would reopen in May.", {kVelk},
       {{"the kitchen would reopen in May", "indirect", "e1", "Mara Velk", "told", "interview"}}},
      {"issue11 speaking to a radio station is an interview",
       "Speaking to Radio Kellan, Mara Velk said that the kitchen would reopen in May.", {kVelk},
       {{"the kitchen would reopen in May", "indirect", "e1", "Mara Velk", "said", "interview"}}},
      {"issue11 a written reply is a letter",
       "\"I should have declared it,\" Mara Velk told the board in her written reply.", {kVelk},
       {{"I should have declared it,", "direct", "e1", "Mara Velk", "told", "letter"}}},
      {"issue11 words told to a crowd are a speech, not the statement of the sentence before",
       "Ivo Renn said in a statement that two wards were closed. \"We are not going away,\" Mara Velk told "
       "the crowd.",
       {kVelk, kRenn},
       {{"two wards were closed", "indirect", "e5", "Ivo Renn", "said", "statement"},
        {"We are not going away,", "direct", "e1", "Mara Velk", "told", "speech"}}},
  });
}

TEST(FindQuotesTest, SubjectsAndSources) {
  const MentionSpec kTrading{"Calder Trading", "ORG", "e6"};
  const MentionSpec kOsk{"Tomas Osk", "PERSON", "e7"};
  ExpectCases({
      {"a firm whose name ends in -ing, then a role and the person",
       "\"It looks ugly,\" said Calder Trading chief strategist, Tomas Osk.", {kTrading, kOsk},
       {{"It looks ugly,", "direct", "e7", "Tomas Osk", "said", ""}}},
      {"a name after the subject's verb is its object, not the subject",
       "The Calder Trading chief Tomas Osk also sent condolences to Ivo Renn and described him as "
       "\"one of the founders of our trade\".",
       {kTrading, kOsk, kRenn},
       {{"one of the founders of our trade", "partial", "e7", "Tomas Osk", "described", ""}}},
      {"a pronoun chain: a sentence opened by the same pronoun is passed over",
       "Ivo Renn said the chips would change. He talked about how coders port their Brightline apps. He said that "
       "the firm is \"getting ready\" for the move.",
       {kRenn, {"Brightline", "PERSON", "e3"}},
       {{"the chips would change", "indirect", "e5", "Ivo Renn", "said", ""},
        {"getting ready", "partial", "e5", "Ivo Renn", "said", ""}}},
      {"time is no speaker", "Ivo Renn spoke on Monday. He praised the plan and several times called it "
       "\"fair and final\".",
       {kRenn},
       {{"fair and final", "partial", "e5", "Ivo Renn", "called", ""}}},
      {"a document speaks for its owner; \", said X\" before a quotation is no postposed attribution",
       "The ethics board's report, released on Friday, said Velk \"failed to disclose an interest\" before the vote.",
       {kVelkSurname},
       {{"failed to disclose an interest", "partial", "", "ethics board", "said", ""}}},
      {"\"States\" inside a name is no cue; the subject is the phrase's last name",
       "The United States carmaker Calder Trading, hit by the slump, asked for aid, saying that it plans to cut "
       "jobs.",
       {{"United States", "PLACE", "e8"}, kTrading},
       {{"it plans to cut jobs", "indirect", "e6", "Calder Trading", "saying", ""}}},
      {"a past tense ends a subject named by an acronym",
       "Mills closed. The UAW issued a statement saying \"The workers face an uncertain future.\"", {},
       {{"The workers face an uncertain future.", "direct", "e1", "UAW", "saying", "statement"}}},
      {"an office described by what it is of is anonymous, not the last person named",
       "\"It is unacceptable,\" said Tomas Osk. The premier of the northern state remarked: \"The move shows "
       "the ugly face of greed.\"",
       {kOsk},
       {{"It is unacceptable,", "direct", "e7", "Tomas Osk", "said", ""},
        {"The move shows the ugly face of greed.", "direct", "", "the premier of the northern state", "remarked",
         ""}}},
      {"adverbs between subject and verb; a described body with no antecedent speaks as described",
       "Tomas Osk spoke. The federal government had already stated to him that it had \"no interest in running "
       "the firm\".",
       {kOsk},
       {{"no interest in running the firm", "partial", "", "the federal government", "stated", ""}}},
      {"a naming verb right before a quoted phrase",
       "The jet flew late, due to what the manufacturers call \"political meddling\" in the project.", {},
       {{"political meddling", "partial", "", "the manufacturers", "call", ""}}},
      {"a time word between subject and verb; an example list inside commas",
       "Oil fell. Charities, such as Cats Haven, today said that they have lost much of their savings.", {},
       {{"they have lost much of their savings", "indirect", "", "charities", "said", ""}}},
      {"a date's comma inside an insertion",
       "The ethics board's report, released on Friday, November 3, said Velk \"failed to disclose an interest\".",
       {kVelkSurname},
       {{"failed to disclose an interest", "partial", "", "ethics board", "said", ""}}},
      {"an unnamed source's report relayed by an outlet",
       "According to the Daily Ledger, an anonymous individual \"with direct knowledge\" claimed that the chief "
       "had been ousted.",
       {{"Daily Ledger", "ORG", "e9"}},
       {{"with direct knowledge", "partial", "e9", "Daily Ledger", "according", ""},
        {"the chief had been ousted", "indirect", "", "an anonymous individual", "claimed", ""}}},
      {"a conjunction heads no speaker phrase",
       "Tomas Osk said he had tried to keep the player, a week after publicly describing him as \"not for sale\".",
       {kOsk},
       {{"he had tried to keep the player", "indirect", "e7", "Tomas Osk", "said", ""},
        {"not for sale", "partial", "e7", "Tomas Osk", "describing", ""}}},
      {"\"they\" after a crowd that opened the sentence before",
       "Ivo Renn left the firm. The sources claimed that he had been pushed out. They also said that the board "
       "had voted twice.",
       {kRenn},
       {{"he had been pushed out", "indirect", "", "the sources", "claimed", ""},
        {"the board had voted twice", "indirect", "", "the sources", "said", ""}}},
  });
}

// Issue 16: speakers and reported speech on the hard cases of real news,
// each row a case that failed before its rule.
TEST(FindQuotesTest, Issue16Transcripts) {
  const MentionSpec kOkafor{"Adaeze Okafor", "PERSON", "e1"};
  const MentionSpec kVarga{"Ellis Varga", "PERSON", "e2"};
  const MentionSpec kBrandt{"Lise Brandt", "PERSON", "e3"};
  const MentionSpec kNand{"Priya Nand", "PERSON", "e4"};
  const MentionSpec kTarran{"Solveig Tarran", "PERSON", "e5"};
  ExpectCases({
      {"a radio transcript: one quotation a turn, by the person the label names; a header is no turn",
       "Morning Panel. Presenter: Lise Brandt. Guests: Adaeze Okafor and Ellis Varga.\n\n"
       "MS. BRANDT: Will you change the levy?\n\n"
       "MS. OKAFOR: We will review the levy.\n\n"
       "MR. VARGA: That is welcome. As one member put it, \"you find out by reading the minutes.\"\n\n"
       "The city council said that the options would be published.",
       {kOkafor, kVarga, kBrandt},
       {{"Will you change the levy?", "direct", "e3", "Lise Brandt", "", ""},
        {"We will review the levy.", "direct", "e1", "Adaeze Okafor", "", ""},
        {"That is welcome. As one member put it, \"you find out by reading the minutes.\"", "direct", "e2",
         "Ellis Varga", "", ""},
        {"the options would be published", "indirect", "", "the city council", "said", ""}}},
      {"Q and A: the interviewer named in the byline asks, the person introduced answers",
       "Interview by Priya Nand\n\nSolveig Tarran opened the brewery in 2014. Tarran spoke to us.\n\n"
       "Q: What changed?\n\nA: The pubs started taking us. A friend said I should try.\n\n"
       "Q: What is next?\n\nA: A cider.",
       {kNand, kTarran, {"Tarran", "PERSON", "e5"}},
       {{"What changed?", "direct", "e4", "Priya Nand", "", "interview"},
        {"The pubs started taking us. A friend said I should try.", "direct", "e5", "Solveig Tarran", "",
         "interview"},
        {"What is next?", "direct", "e4", "Priya Nand", "", "interview"},
        {"A cider.", "direct", "e5", "Solveig Tarran", "", "interview"}}},
  });
}

TEST(FindQuotesTest, Issue16ReportedSpeech) {
  const MentionSpec kWhitlock{"Dana Whitlock", "PERSON", "e1"};
  const MentionSpec kOsei{"Martin Osei", "PERSON", "e2"};
  const MentionSpec kBell{"Carys Bell", "PERSON", "e3"};
  const MentionSpec kDragan{"Emil Dragan", "PERSON", "e4"};
  const MentionSpec kQuint{"Quint", "PERSON", "e5"};
  const MentionSpec kAsante{"Asante", "PERSON", "e6"};
  ExpectCases({
      {"told reporters and a clause whose subject holds a possessive",
       "Party Chairman Dana Whitlock told reporters the vote on the town's water levy would go ahead.", {kWhitlock},
       {{"the vote on the town's water levy would go ahead", "indirect", "e1", "Dana Whitlock", "told", ""}}},
      {"told, an object, a time phrase and a clause",
       "Dana Whitlock told the finance committee last month the borrowing would run for 25 years.", {kWhitlock},
       {{"the borrowing would run for 25 years", "indirect", "e1", "Dana Whitlock", "told", ""}}},
      {"a report split by a parenthetical cue is two",
       "Martin Osei spoke first. A more important question voters ask themselves, he said, is whether the town "
       "can afford it.",
       {kOsei},
       {{"A more important question voters ask themselves", "indirect", "e2", "Martin Osei", "said", ""},
        {"is whether the town can afford it", "indirect", "e2", "Martin Osei", "", ""}}},
      {"the second part of a split report leaves out its conjunction",
       "Martin Osei spoke first. The practice is legal, he said, but the scale of it was unusual.", {kOsei},
       {{"The practice is legal", "indirect", "e2", "Martin Osei", "said", ""},
        {"the scale of it was unusual", "indirect", "e2", "Martin Osei", "", ""}}},
      {"a second clause with its own that is a second quotation",
       "Martin Osei said he regretted the strike and that operations would be postponed.", {kOsei},
       {{"he regretted the strike", "indirect", "e2", "Martin Osei", "said", ""},
        {"operations would be postponed", "indirect", "e2", "Martin Osei", "said", ""}}},
      {"a bare noun phrase as the clause's subject",
       "Carys Bell said turnover last year was just under 5 million crowns.", {kBell},
       {{"turnover last year was just under 5 million crowns", "indirect", "e3", "Carys Bell", "said", ""}}},
      {"a clause after a prepositional phrase and that",
       "Carys Bell said after the meeting that the results were the best in the county.", {kBell},
       {{"the results were the best in the county", "indirect", "e3", "Carys Bell", "said", ""}}},
      {"reported questions: the asker's, whether left out",
       "Prosecutor Emil Dragan asked him whether he had ever seen the mayor at night.", {kDragan},
       {{"he had ever seen the mayor at night", "indirect", "e4", "Emil Dragan", "asked", ""}}},
      {"a question asked by someone named, then the answer",
       "Asked by Asante whether he regretted the sale of the depot, Quint said he did not regret it.",
       {kQuint, kAsante},
       {{"he regretted the sale of the depot", "indirect", "e6", "Asante", "asked", ""},
        {"he did not regret it", "indirect", "e5", "Quint", "said", ""}}},
      {"a question asked by nobody named is not annotated; a declined answer reports nothing",
       "Asked whether he would stay, Quint said he would stay on. She declined to say whether the plant would close.",
       {kQuint},
       {{"he would stay on", "indirect", "e5", "Quint", "said", ""}}},
      {"a capitalised noun is no cue",
       "The Ferrow Bank, the second-largest bank in the United States, has announced that it lost money.",
       {{"Ferrow Bank", "ORG", "e7"}},
       {{"it lost money", "indirect", "e7", "Ferrow Bank", "announced", ""}}},
  });
}

TEST(FindQuotesTest, Issue16Speakers) {
  const MentionSpec kHalvorsen{"Aksel Halvorsen", "PERSON", "e1"};
  const MentionSpec kStroud{"Helena Stroud", "PERSON", "e2"};
  const MentionSpec kReyes{"Reyes", "PERSON", "e3"};
  const MentionSpec kFerries{"Tarrow Island Ferries", "ORG", "e4"};
  const MentionSpec kBoard{"Skelby Harbour Board", "ORG", "e5"};
  const MentionSpec kSaether{"Ingrid Saether", "PERSON", "e6"};
  const MentionSpec kBaptiste{"Lorna Baptiste", "PERSON", "e7"};
  ExpectCases({
      {"a description owned by the person 'his' refers to",
       "Aksel Halvorsen paid no tax in four years. \"We follow the law,\" his spokeswoman said.", {kHalvorsen},
       {{"We follow the law,", "direct", "", "Aksel Halvorsen's spokeswoman", "said", ""}}},
      {"a definite description whose head was a title before a name",
       "Under questioning from defence lawyer Helena Stroud, Reyes spoke. Later, Mr. Reyes's lawyer told reporters "
       "she was satisfied with the evidence.",
       {kStroud, kReyes},
       {{"she was satisfied with the evidence", "indirect", "e2", "Helena Stroud", "told", ""}}},
      {"bare police describe the speaker; they is the last speaker",
       "The ferry Morna Bay is run by Tarrow Island Ferries. The vessel hit the pier at dawn, police said. "
       "A woman broke her wrist, they said.",
       {kFerries},
       {{"The vessel hit the pier at dawn", "indirect", "", "police", "said", ""},
        {"A woman broke her wrist", "indirect", "", "police", "said", ""}}},
      {"a description whose words are in an organisation's name",
       "According to the Skelby Harbour Board, the radar was working. The harbour board said it expected to reopen "
       "the pier by Monday.",
       {kBoard},
       {{"the radar was working", "indirect", "e5", "Skelby Harbour Board", "according to", ""},
        {"it expected to reopen the pier by Monday", "indirect", "e5", "Skelby Harbour Board", "said", ""}}},
      {"a partial quotation with an inverted cue and an apposition after it",
       "Mr. Halvorsen's returns \"show that even a large fortune can avoid tax for years,\" said Ellis Varga, a "
       "senior adviser who has studied the case.",
       {{"Halvorsen", "PERSON", "e1"}, {"Ellis Varga", "PERSON", "e2"}},
       {{"show that even a large fortune can avoid tax for years,", "partial", "e2", "Ellis Varga", "said", ""}}},
      {"'in her words' names the speaker of the quoted words that end the sentence",
       "Runa Lind spoke on Monday. The returns were, in her words, \"a manual for everybody who can afford the same "
       "accountants.\"",
       {{"Runa Lind", "PERSON", "e1"}},
       {{"a manual for everybody who can afford the same accountants.", "partial", "e1", "Runa Lind", "", ""}}},
      {"a relative clause interrupted by its cue; the content ends at its comma",
       "Finance Minister Gunnar Eide presented a budget that he said would bring the deficit below 3 percent, "
       "raising fuel duty.",
       {{"Gunnar Eide", "PERSON", "e1"}},
       {{"would bring the deficit below 3 percent", "indirect", "e1", "Gunnar Eide", "said", ""}}},
      {"an introductory phrase without its comma; a description renamed in apposition",
       "The third candidate, Ezra Pine, was not invited. In a post on X he said he had complained to the regulator.",
       {{"The third candidate", "PERSON", "e1"}, {"Ezra Pine", "PERSON", "e2"}, {"X", "ORG", "e3"}},
       {{"he had complained to the regulator", "indirect", "e2", "Ezra Pine", "said", "x"}}},
      {"a pronoun two people fit stays unresolved",
       "Tobias Grell and Jan Vos both pointed to the hedging. \"It is a question about management now,\" he said.",
       {{"Tobias Grell", "PERSON", "e1"}, {"Jan Vos", "PERSON", "e2"}},
       {{"It is a question about management now,", "direct", "", "", "said", ""}}},
      {"a reported clause before a coordinated quoted fragment is still reported",
       "The commission said it had opened an inquiry and \"expects full cooperation\".",
       {},
       {{"it had opened an inquiry", "indirect", "", "the commission", "said", ""},
        {"expects full cooperation", "partial", "", "the commission", "said", ""}}},
      {"'Another' takes the head of the description that spoke before",
       "One fan wrote to the club. Another said the club should hand him a new deal tonight.", {},
       {{"the club should hand him a new deal tonight", "indirect", "", "another fan", "said", ""}}},
      {"a role in capitals and a comma between an organisation the entity layer typed PERSON and the name",
       "Ryanair ordered planes. Ryanair CEO, Michael Leary, justified his choice by saying, \"The Boeing 737 has the "
       "best technical reliability in Europe.\"",
       {{"Ryanair", "PERSON", "e1"}, {"Michael Leary", "PERSON", "e2"}},
       {{"The Boeing 737 has the best technical reliability in Europe.", "direct", "e2", "Michael Leary", "saying",
         ""}}},
      {"a body described earlier, and one with nothing to refer back to",
       "Nurses met the regional health authority on Monday. About 400 operations will be affected, according to "
       "the authority. The ministry said the increase would raise 2.1 billion kroner a year.",
       {},
       {{"About 400 operations will be affected", "indirect", "", "regional health authority", "according to", ""},
        {"the increase would raise 2.1 billion kroner a year", "indirect", "", "the ministry", "said", ""}}},
      {"a dateline's place in capitals is no speaker",
       "SOLVIK CITY, Oct 13 (Meridian) - Fuel duty will rise. The central bank said inflation was likely to stay "
       "high.",
       {{"SOLVIK CITY", "PLACE", "e1"}},
       {{"inflation was likely to stay high", "indirect", "", "the central bank", "said", ""}}},
      {"'that' as the reported clause's subject stays",
       "Inspector Maud Sorley was asked about the test. She said that was routine after any collision.",
       {{"Maud Sorley", "PERSON", "e1"}},
       {{"that was routine after any collision", "indirect", "e1", "Maud Sorley", "said", ""}}},
      {"reporters asking are the askers",
       "Reporters asked whether the ferry should have sailed at all.", {},
       {{"the ferry should have sailed at all", "indirect", "", "reporters", "asked", ""}}},
      {"an honorific before an appositive name",
       "Lorna Baptiste spoke first. Halberg's chief operating officer, Dr. Ingrid Saether, said the tunnel had been "
       "inspected.",
       {kSaether, kBaptiste},
       {{"the tunnel had been inspected", "indirect", "e6", "Ingrid Saether", "said", ""}}},
      {"the spokeswoman of a company, then she",
       "The ferry is run by Tarrow Island Ferries. A company spokeswoman said the sailings had been cancelled. "
       "\"Our thoughts are with the passengers,\" she said.",
       {kFerries},
       {{"the sailings had been cancelled", "indirect", "e4", "Tarrow Island Ferries", "said", ""},
        {"Our thoughts are with the passengers,", "direct", "e4", "Tarrow Island Ferries", "said", ""}}},
  });
}

// A described speaker keeps whose it is: "his spokeswoman" belongs to the
// person "his" refers to, who is not the speaker.
TEST(FindQuotesTest, Issue16DescriptionOwner) {
  const std::string text =
      "Mulvey scored twice. Kade Mulvey's spokeswoman said last night the player would make no further comment. "
      "Aksel Halvorsen paid no tax. \"We follow the law,\" his spokeswoman said.";
  std::vector<EntityMention> mentions = MakeMentions(
      text, {{"Kade Mulvey", "PERSON", "e1"}, {"Mulvey", "PERSON", "e1"}, {"Aksel Halvorsen", "PERSON", "e2"}});
  const std::vector<Quote> q = FindIn(text, &mentions);
  ASSERT_EQ(q.size(), 2u) << Describe(q);
  EXPECT_EQ(q[0].text, "the player would make no further comment");
  EXPECT_EQ(q[0].speaker, "");
  EXPECT_EQ(q[0].speaker_name, "Kade Mulvey's spokeswoman");
  EXPECT_EQ(q[0].speaker_owner, "e1");
  EXPECT_EQ(q[1].speaker, "");
  EXPECT_EQ(q[1].speaker_name, "Aksel Halvorsen's spokeswoman");
  EXPECT_EQ(q[1].speaker_owner, "e2");
}

// Issue 16 on real news prose (causes found in the GUM news documents and
// the news dev set; every sentence here is invented).
TEST(FindQuotesTest, Issue16RealNewsProse) {
  const MentionSpec kSand{"Gloria Sand", "PERSON", "e1"};
  const MentionSpec kTedder{"Mark Tedder", "PERSON", "e2"};
  const MentionSpec kKestrel{"Kestrel News", "ORG", "e3"};
  const MentionSpec kBerget{"Tomas Berget", "PERSON", "e4"};
  const MentionSpec kFoundation{"Halvard Foundation", "ORG", "e5"};
  const MentionSpec kMills{"Halvard Mills", "ORG", "e6"};
  const MentionSpec kBoden{"Carl Boden", "PERSON", "e7"};
  ExpectCases({
      {"a direct quotation followed by 'according to' and a name holding a time word",
       "Gloria Sand was ill. By then, \"her skin was weeping and her body was malnourished\", according to the "
       "Dunmoor Morning Herald.",
       {kSand},
       {{"her skin was weeping and her body was malnourished", "direct", "e2", "Dunmoor Morning Herald",
         "according to", ""}}},
      {"'in the words of' a role, a name and a suffix, before a whole sentence",
       "Gloria Sand was ill, and in the words of the Crown prosecutor, Mark Tedder, QC, \"Gloria spent a lot of "
       "her life crying and scratching.\"",
       {kSand, kTedder},
       {{"Gloria spent a lot of her life crying and scratching.", "direct", "e2", "Mark Tedder", "", ""}}},
      {"definite collectives and an ownerless report speak as described",
       "The authors say the results confirm a shortage of iodine. The report says the decline appears to be due "
       "to the dairy industry.",
       {},
       {{"the results confirm a shortage of iodine", "indirect", "", "the authors", "say", ""},
        {"the decline appears to be due to the dairy industry", "indirect", "", "the report", "says", ""}}},
      {"'tell' with an object and a clause opened by a quantifier; 'but' is not part of the speaker",
       "Officials tell Kestrel News every claim will be assessed on its merits. But media have said the forms "
       "attract criticism.",
       {kKestrel},
       {{"every claim will be assessed on its merits", "indirect", "", "officials", "tell", ""},
        {"the forms attract criticism", "indirect", "", "media", "said", ""}}},
      {"a figure as the clause's subject, after an apposition holding an organisation",
       "Tomas Berget, chief financial officer at the Halvard Foundation, said 500 institutions received the "
       "grant.",
       {kBerget, kFoundation},
       {{"500 institutions received the grant", "indirect", "e4", "Tomas Berget", "said", ""}}},
      {"a title the entity layer took for a person is no speaker; the person named after it is",
       "Assistant Secretary of the Navy for Acquisition Marvin Sambel defended the choice of Brekker, saying, "
       "\"This was not a competitive bid process.\"",
       {{"Assistant Secretary", "PERSON", "e8"}, {"Marvin Sambel", "PERSON", "e9"}, {"Brekker", "ORG", "e10"}},
       {{"This was not a competitive bid process.", "direct", "e9", "Marvin Sambel", "saying", ""}}},
      {"a run of titles before a name is no name, for a second verb sharing the subject",
       "Labour's Shadow Home Secretary Yvette Coombe said her party has supported the idea \"for months\", and "
       "said it was \"damning that the Home Office waits\".",
       {{"Labour", "ORG", "e8"}, {"Yvette Coombe", "PERSON", "e9"}, {"Home Office", "ORG", "e10"}},
       {{"for months", "partial", "e9", "Yvette Coombe", "said", ""},
        {"damning that the Home Office waits", "partial", "e9", "Yvette Coombe", "said", ""}}},
      {"an exchange laid out as 'Name: “…”', a first name run into the title, the medium kept",
       "Below is the email exchange. Director Bill Bode: “We do not have to turn the other cheek.” Secretary of the "
       "Navy James Rocher: “No, save it for later.” Jim Rocher resigned in May.",
       {{"Bill Bode", "PERSON", "e1"}, {"Navy James", "ORG", "e2"}, {"Jim Rocher", "PERSON", "e3"}},
       {{"We do not have to turn the other cheek.", "direct", "e1", "Bill Bode", "", "email"},
        {"No, save it for later.", "direct", "e3", "Jim Rocher", "", "email"}}},
      {"after an honorific a capitalised word is a name, even a title",
       "For, as Mr Pope tells us, “True wit is nature to advantage dressed; what oft was thought, but never so "
       "well expressed.”",
       {},
       {{"True wit is nature to advantage dressed; what oft was thought, but never so well expressed.", "direct",
         "e1", "Mr Pope", "tells", ""}}},
      {"a time word, or a possessive subject with its verb, after a verb that usually takes an object",
       "Halvard Mills announced Monday it has settled the dispute. In a court filing, the firm stated its network "
       "has too many dealers.",
       {kMills},
       {{"it has settled the dispute", "indirect", "e6", "Halvard Mills", "announced", ""},
        {"its network has too many dealers", "indirect", "e6", "Halvard Mills", "stated", "filing"}}},
      {"'according to' a name without a comma; a name right before 'saying'; predicts, remarked, revealing",
       "According to Carl Boden future Halvard vehicles will be smaller. Crews worked on, with Halvard Mills "
       "spokesman Tomas Berget saying the move was unprecedented. Analyst Gloria Sand predicts that the slump "
       "will last two years. Mark Tedder remarked that many people will lose their homes.",
       {kBoden, kMills, kBerget, kSand, kTedder},
       {{"future Halvard vehicles will be smaller", "indirect", "e7", "Carl Boden", "according to", ""},
        {"the move was unprecedented", "indirect", "e4", "Tomas Berget", "saying", ""},
        {"the slump will last two years", "indirect", "e1", "Gloria Sand", "predicts", ""},
        {"many people will lose their homes", "indirect", "e2", "Mark Tedder", "remarked", ""}}},
      {"no cue: a quotation completing a sentence whose subject is a person is theirs",
       "Judge Mark Tedder agreed with the defence that the logo is fine - \"I conclude that the logo does not "
       "suggest a connection.\" Later Carl Boden extended an invitation to the label, \"we have always loved "
       "their records and hope to work together.\"",
       {kTedder, kBoden},
       {{"I conclude that the logo does not suggest a connection.", "direct", "e2", "Mark Tedder", "", ""},
        {"we have always loved their records and hope to work together.", "direct", "e7", "Carl Boden", "",
         "invitation"}}},
      {"a name the entity layer missed, a role, then the person: the person speaks",
       "Shares fell sharply. Halden & Vik spokeswoman Jennifer Osk spoke about the incident: \"We don't know what "
       "caused it.\"",
       {{"Jennifer Osk", "PERSON", "e14"}},
       {{"We don't know what caused it.", "direct", "e14", "Jennifer Osk", "", ""}}},
      {"'the poster' is the poster introduced earlier, not the person named last",
       "One poster wrote that the site was down for hours. Mark Tedder said he had seen the outage. The poster "
       "wrote that the attack had ended on Friday.",
       {kTedder},
       {{"the site was down for hours", "indirect", "", "one poster", "wrote", ""},
        {"he had seen the outage", "indirect", "e2", "Mark Tedder", "said", ""},
        {"the attack had ended on Friday", "indirect", "", "one poster", "wrote", ""}}},
      {"an indefinite subject with its finite verb after a verb that usually takes an object",
       "A new study of Varnland pupils has revealed many are not getting enough iodine.", {},
       {{"many are not getting enough iodine", "indirect", "", "a new study of Varnland pupils", "revealed", ""}}},
      {"a source list's headlines, a dash, the outlet and the date are not quotations",
       "Mark Tedder said the papers were not secret.\n\n\"Secret papers found on rainy street\" — Kestrel News, "
       "August 15, 2008\n\n\"Papers found on street not secret, say officials\" — The Dunmoor Post, August 16, "
       "2008",
       {kTedder, kKestrel},
       {{"the papers were not secret", "indirect", "e2", "Mark Tedder", "said", ""}}},
      {"a document with no owner named is issued by the organisation a recent sentence is about",
       "Halvard Mills announced another event. It is to be held at the Dunmoor Theatre in Skelby. The "
       "invitation reads, \"One more thing ...\", the teasing tagline of its founder.",
       {kMills, {"Dunmoor Theatre", "ORG", "e11"}, {"Skelby", "PLACE", "e12"}},
       {{"One more thing ...", "direct", "e6", "Halvard Mills", "reads", "invitation"}}},
      {"an organisation followed by a role in an apposition describes the subject; it does not rename it",
       "Gloria Sand, Halvard Foundation associate professor of art, said, \"His photographs were as bold as his "
       "paintings.\"",
       {kSand, kFoundation},
       {{"His photographs were as bold as his paintings.", "direct", "e1", "Gloria Sand", "said", ""}}},
      {"'As X told Y, …': the clause after the comma is X's",
       "As Gloria Sand told Kestrel News, surface ozone has dropped partly due to the new law.", {kSand, kKestrel},
       {{"surface ozone has dropped partly due to the new law", "indirect", "e1", "Gloria Sand", "told",
         "interview"}}},
      {"characterized as; short quoted modifiers inside a noun phrase are scare quotes",
       "Mark Tedder characterized the row as \"another small skirmish in a long war.\" Gloria Sand pointed to the "
       "table with \"electric\" lemonade. The \"History\" section of the site was empty.",
       {kTedder, kSand},
       {{"another small skirmish in a long war.", "partial", "e2", "Mark Tedder", "characterized", ""}}},
      {"reasoned is a cue",
       "Livorno City Council asked two schools to pay. The council reasoned, \"because the schools charge a fee, "
       "the activity is commercial.\"",
       {{"Livorno City Council", "ORG", "e13"}, {"The council", "ORG", "e13"}},
       {{"because the schools charge a fee, the activity is commercial.", "direct", "e13", "Livorno City Council",
         "reasoned", ""}}},
      {"noun-phrase objects are not reported clauses",
       "Halvard Mills reported a 49% decline in sales in January. Carl Boden announced the locations that would "
       "be given the three remaining aircraft.",
       {kMills, kBoden},
       {}},
  });
}

// Issue 16, the second round of GUM news documents: rules for the errors
// read on its dev part, each on invented text.
TEST(FindQuotesTest, Issue16RealNewsProseSecondRound) {
  const MentionSpec kTedder{"Mark Tedder", "PERSON", "e2"};
  const MentionSpec kKestrel{"Kestrel News", "ORG", "e3"};
  const MentionSpec kSand{"Gloria Sand", "PERSON", "e1"};
  const MentionSpec kBoden{"Carl Boden", "PERSON", "e7"};
  const MentionSpec kMills{"Halvard Mills", "ORG", "e6"};
  ExpectCases({
      {"a paragraph going on with an unclosed quotation without a mark is quoted up to its stray closing mark",
       "After the match, Carl Boden, the Skelby coach, said, \"We learned a lot today.\n\nIt was a very emotional "
       "day for the team.\"\n\nMark Tedder won the award.",
       {kBoden, kTedder},
       {{"We learned a lot today.", "direct", "e7", "Carl Boden", "said", ""},
        {"It was a very emotional day for the team.", "direct", "e7", "Carl Boden", "", ""}}},
      {"a place's possessed organisation is the source, not the place",
       "A storm toppled a crane at the port, killing 12, according to Varnland's Civil Defence Authority.",
       {{"Varnland", "PLACE", "e8"}, {"Civil Defence Authority", "ORG", "e9"}},
       {{"A storm toppled a crane at the port, killing 12", "indirect", "e9", "Civil Defence Authority",
         "according to", ""}}},
      {"'According to the …' with no comma: the name runs to the clause's subject",
       "According to the Varnland Interior Ministry over 300 pilgrims have been hurt in the crush near Skelby, "
       "Dunmoor.",
       {{"Varnland Interior Ministry", "ORG", "e8"}},
       {{"over 300 pilgrims have been hurt in the crush near Skelby, Dunmoor", "indirect", "e8",
         "Varnland Interior Ministry", "according to", ""}}},
      {"an outlet relaying what a person said: the person speaks",
       "According to Kestrel News, Professor Carl Boden, the chairman of the panel, said the flag had never been "
       "open to public choice.",
       {kKestrel, kBoden},
       {{"the flag had never been open to public choice", "indirect", "e7", "Carl Boden", "said", ""}}},
      {"'stated' with a bare clause; 'observed that'",
       "Mark Tedder stated Gloria Sand left the company on September 24. Kestrel News observed that the hashtag "
       "had become a phenomenon.",
       {kTedder, kSand, kKestrel},
       {{"Gloria Sand left the company on September 24", "indirect", "e2", "Mark Tedder", "stated", ""},
        {"the hashtag had become a phenomenon", "indirect", "e3", "Kestrel News", "observed", ""}}},
      {"the antecedent of 'who' speaks, even a preposition's object",
       "Gloria Sand travelled to Skelby to meet with Carl Boden, who had told her he would help her find work.",
       {kSand, kBoden, {"Skelby", "PLACE", "e8"}},
       {{"he would help her find work", "indirect", "e7", "Carl Boden", "told", ""}}},
      {"'they' is the crowd that opens its own sentence, after an introductory phrase",
       "Kestrel News reported the theft. On May 9, Halvard Mills officials went to the police station, where "
       "they claimed Carl Boden had taken the drives.",
       {kKestrel, kMills, kBoden},
       {{"Carl Boden had taken the drives", "indirect", "", "Halvard Mills officials", "claimed", ""}}},
      {"'according to' a role, then the person in apposition: the person is the source",
       "The teams met in Tallinn. According to the Dunmoor team's coach, Carl Boden, in their first match the "
       "robot was disqualified.",
       {{"Tallinn", "PLACE", "e8"}, kBoden},
       {{"in their first match the robot was disqualified", "indirect", "e7", "Carl Boden", "according to", ""}}},
      {"telling someone named is speech; a quotation after a colon goes on with the quoted phrase before it",
       "Gloria Sand, a campaigner, spoke first, with Sand stating: \"People need quicker decisions.\" After the "
       "leak, chief executive Carl Boden told Kestrel News any process \"must be well thought out\": \"Moves to "
       "cut the backlog are welcome.\"",
       {kSand, {"Sand", "PERSON", "e1"}, kBoden, kKestrel},
       {{"People need quicker decisions.", "direct", "e1", "Gloria Sand", "stating", ""},
        {"must be well thought out", "partial", "e7", "Carl Boden", "told", "interview"},
        {"Moves to cut the backlog are welcome.", "direct", "e7", "Carl Boden", "", "interview"}}},
      {"a quotation with no cue after a sentence holding a report is the reporter's",
       "Gloria Sand led the study. As Sand told The Kestrel News, US surface ozone has dropped since the law. "
       "\"Despite more traffic, the air is cleaner.\"",
       {kSand, {"Sand", "PERSON", "e1"}, kKestrel, {"US", "PLACE", "e8"}},
       {{"US surface ozone has dropped since the law", "indirect", "e1", "Gloria Sand", "told", "interview"},
        {"Despite more traffic, the air is cleaner.", "direct", "e1", "Gloria Sand", "", "interview"}}},
      {"an indefinite speaker of a paragraph named as the next one's opening subject; the name after 'aide to "
       "ex-mayor' is not the speaker; 'told a court … that' is a cue for the quoted words",
       "HALDEN (Meridian) - A former aide to ex-mayor Tomas Reyes told a court on Wednesday that he had kept the "
       "diary for years but \"never saw a bribe.\"\n\nPiotr Salas, 39, was the first defence witness.",
       {{"Meridian", "ORG", "e3"}, {"Tomas Reyes", "PERSON", "e1"}, {"Piotr Salas", "PERSON", "e9"}},
       {{"he had kept the diary for years", "indirect", "e9", "Piotr Salas", "told", ""},
        {"never saw a bribe.", "partial", "e9", "Piotr Salas", "told", ""}}},
      {"a sentence-initial name the entity layer missed, before its verb, is known by its capital elsewhere",
       "Varnair has confirmed that there was a software glitch on the first flight. The Varnair engineers found "
       "it.",
       {},
       {{"there was a software glitch on the first flight", "indirect", "e1", "Varnair", "confirmed", ""}}},
      {"a name modifying a document is whose the document is",
       "Gloria Sand criticised the plan on Monday. The Halvard Mills letter reads \"we may extend the scheme to "
       "other towns in due course\".",
       {kSand, kMills},
       {{"we may extend the scheme to other towns in due course", "direct", "e6", "Halvard Mills", "reads",
         "letter"}}},
      {"an inverted cue inside the reported sentence splits it; an apposition after the speaker is no content",
       "Gloria Sand spoke at the meeting. The whole plan, said Sand, was drawn up in May. The cuts were needed, "
       "said Carl Boden, a senior adviser who has studied the case.",
       {kSand, {"Sand", "PERSON", "e1"}, kBoden},
       {{"The whole plan", "indirect", "e1", "Gloria Sand", "said", ""},
        {"was drawn up in May", "indirect", "e1", "Gloria Sand", "", ""},
        {"The cuts were needed", "indirect", "e7", "Carl Boden", "said", ""}}},
      {"an organisation described before any is named is the one reporting in the next sentence",
       "Four miners were trapped underground on Wednesday, the mine's owner said.\n\nThe men were in radio "
       "contact with the surface, Halberg Minerals said in a statement.",
       {{"Halberg Minerals", "ORG", "e10"}},
       {{"Four miners were trapped underground on Wednesday", "indirect", "e10", "Halberg Minerals", "said", ""},
        {"The men were in radio contact with the surface", "indirect", "e10", "Halberg Minerals", "said",
         "statement"}}},
      {"'claim' and 'are predicting' report clauses",
       "Despite these features, people claim that the screen may be too small. Analysts are predicting that the "
       "costs could well run into millions.",
       {},
       {{"the screen may be too small", "indirect", "", "people", "claim", ""},
        {"the costs could well run into millions", "indirect", "", "analysts", "predicting", ""}}},
      {"a person a sentence opens with as its topic ('For X, …') is what a pronoun after it refers to",
       "For Carl Boden, a teacher in Skelby, Warhol was also a legend. He said, \"Warhol was the centre of the "
       "age.\"",
       {kBoden, {"Warhol", "PERSON", "e11"}, {"Skelby", "PLACE", "e8"}},
       {{"Warhol was the centre of the age.", "direct", "e7", "Carl Boden", "said", ""}}},
      {"reports with no owner speak as a crowd does",
       "Recent reports have revealed that a defector was persuaded to travel back. Reports say that the package "
       "includes a cash payment.",
       {},
       {{"a defector was persuaded to travel back", "indirect", "", "recent reports", "revealed", ""},
        {"the package includes a cash payment", "indirect", "", "reports", "say", ""}}},
      {"a content opens after a comma; a subordinate clause before quoted words is no clause of its own",
       "Carl Boden spoke first. He said that, although the aircraft cost a billion, Halvard gave \"exceptional "
       "discounts\" on them. Mark Tedder said that, at their height, the losses cut values by a third.",
       {kBoden, kTedder, {"Halvard", "ORG", "e12"}},
       {{"exceptional discounts", "partial", "e7", "Carl Boden", "said", ""},
        {"at their height, the losses cut values by a third", "indirect", "e2", "Mark Tedder", "said", ""}}},
      {"a cue that is also an ordinary verb reports a clause opened by a question word",
       "Kestrel News noted what began as single messages had grown into a \"support movement\".",
       {kKestrel},
       {{"support movement", "partial", "e3", "Kestrel News", "noted", ""}}},
      {"a prepositional phrase before quoted words is no reported clause of its own",
       "Mark Tedder told Kestrel News that on October 6 after travelling back from Skelby, Gloria Sand \"walked "
       "into the station and turned herself in\".",
       {kTedder, kKestrel, kSand},
       {{"walked into the station and turned herself in", "partial", "e2", "Mark Tedder", "told", "interview"}}},
  });
}

// Issue 16, third real-news round: each row a rule driven by an error on
// the ECB+ dev split (eval/quotes/ecbplus-news.json), on invented text,
// failing before the rule.
TEST(FindQuotesTest, Issue16RealNewsThirdRound) {
  const MentionSpec kReyl{"Tomas Reyl", "PERSON", "e1"};
  const MentionSpec kKestrelLabs{"Kestrel Labs", "ORG", "e2"};
  const MentionSpec kHarbor{"Harbor Tech News", "ORG", "e3"};
  const MentionSpec kFiske{"Dana Fiske", "PERSON", "e4"};
  const MentionSpec kCourier{"The Varnland Courier", "ORG", "e5"};
  const MentionSpec kBoden{"Carl Boden", "PERSON", "e7"};
  const MentionSpec kMills{"Halvard Mills", "ORG", "e6"};
  const MentionSpec kNavy{"Navy", "ORG", "e8"};
  const MentionSpec kGibe{"MV Gibe", "PERSON", "e9"};
  const MentionSpec kTedder{"Mark Tedder", "PERSON", "e10"};
  ExpectCases({
      {"an inverted 'told' after a name and its apposition: the name speaks, the one told listens",
       "Attacks have only targeted older versions, Tomas Reyl, a researcher at Kestrel Labs, told Harbor Tech "
       "News.",
       {kReyl, kKestrelLabs, kHarbor},
       {{"Attacks have only targeted older versions", "indirect", "e1", "Tomas Reyl", "told", "interview"}}},
      {"an inverted 'said in a statement' after a name and its apposition",
       "Currently the flaw affects only one browser, Carl Boden, security lead at Halvard Mills, said in a "
       "statement.",
       {kBoden, kMills},
       {{"Currently the flaw affects only one browser", "indirect", "e7", "Carl Boden", "said", "statement"}}},
      {"an inverted 'told' after titles and a name: the one told, after the cue, is no content",
       "Results of the test were released on Wednesday, Highway Patrol Officer Dana Fiske told The Varnland "
       "Courier.",
       {kFiske, kCourier},
       {{"Results of the test were released on Wednesday", "indirect", "e4", "Dana Fiske", "told", "interview"}}},
      {"a spokesperson speaks for the body named right before the role, 'he' and 'the spokesperson' after it too",
       "MV Gibe sailed on Monday. The pirates had surrounded MV Gibe around noon, Navy spokesperson said. MV Gibe "
       "was later escorted to safety, he added. The search was in progress, the spokesperson said.",
       {kNavy, kGibe},
       {{"The pirates had surrounded MV Gibe around noon", "indirect", "e8", "Navy", "said", ""},
        {"MV Gibe was later escorted to safety", "indirect", "e8", "Navy", "added", ""},
        {"The search was in progress", "indirect", "e8", "Navy", "said", ""}}},
      {"the last reporter two sentences back, with no person named between, is who 'he' is",
       "The boats were seized at noon, Navy spokesperson said. The attack took place off the coast. The Navy "
       "flew its commandos to the scene. MV Gibe was later escorted to safety, he added.",
       {kNavy, kGibe},
       {{"The boats were seized at noon", "indirect", "e8", "Navy", "said", ""},
        {"MV Gibe was later escorted to safety", "indirect", "e8", "Navy", "added", ""}}},
      {"a spokesperson with no organisation named is the speaker as described",
       "The firm won the contract, a spokesman said.",
       {},
       {{"The firm won the contract", "indirect", "", "a spokesman", "said", ""}}},
      {"a progressive 'is reporting that'; 'has maintained that'",
       "Harbor Tech News is reporting that Halvard Mills has offered Carl Boden a contract. Carl Boden has "
       "maintained that the offer should be made in public.",
       {kHarbor, kMills, kBoden},
       {{"Halvard Mills has offered Carl Boden a contract", "indirect", "e3", "Harbor Tech News", "reporting", ""},
        {"the offer should be made in public", "indirect", "e7", "Carl Boden", "maintained", ""}}},
      {"a report relaying unnamed sources: the sources speak",
       "Mark Tedder of Harbor Tech News reports that two league sources said Carl Boden would prefer to stay in "
       "the east.",
       {kTedder, kHarbor, kBoden},
       {{"Carl Boden would prefer to stay in the east", "indirect", "", "two league sources", "said", ""}}},
      {"'reported that, according to a source,': the source's clause follows the 'according to' phrase",
       "Last night, Mark Tedder reported that, according to a league source, Halvard Mills is making progress.",
       {kTedder, kMills},
       {{"Halvard Mills is making progress", "indirect", "", "a league source", "according to", ""}}},
      {"', adding' inside a report opens a second clause by the same speaker",
       "Carl Boden said the houses were destroyed, adding all their furniture had been buried under rubble.",
       {kBoden},
       {{"the houses were destroyed", "indirect", "e7", "Carl Boden", "said", ""},
        {"all their furniture had been buried under rubble", "indirect", "e7", "Carl Boden", "adding", ""}}},
      {"a name before a title and the person it titles is no subject for 'he'",
       "The toll rose to ten, Qeshm Governor Dana Fiske said. He said a search was going on for several people.",
       {{"Qeshm", "PERSON", "e11"}, kFiske},
       {{"The toll rose to ten", "indirect", "e4", "Dana Fiske", "said", ""},
        {"a search was going on for several people", "indirect", "e4", "Dana Fiske", "said", ""}}},
      {"capitalised titles and an abbreviated rank between a place and a name: the name speaks",
       "The driver was uncooperative, said Varnland Police Sgt. Dana Fiske.",
       {{"Varnland", "PERSON", "e11"}, kFiske},
       {{"The driver was uncooperative", "indirect", "e4", "Dana Fiske", "said", ""}}},
      {"'He said' right after a person's report continues that person's turn, with no gender evidence",
       "The results were released on Wednesday, Officer Dana Fiske told Harbor Tech News. He said the sample "
       "was taken long after the arrest of Mark Tedder.",
       {kFiske, kHarbor, kTedder},
       {{"The results were released on Wednesday", "indirect", "e4", "Dana Fiske", "told", "interview"},
        {"the sample was taken long after the arrest of Mark Tedder", "indirect", "e4", "Dana Fiske", "said",
         "interview"}}},
      {"'said here' (the dateline's town) ends a postposed attribution",
       "The pirates were attempting to board the ship around noon, a Navy spokesman said here.",
       {kNavy},
       {{"The pirates were attempting to board the ship around noon", "indirect", "e8", "Navy", "said", ""}}},
      {"a participle after 'an' is an adjective, not a cue",
       "Nobody was injured, but an estimated one million dollars in damage was done to the church on Friday.",
       {},
       {}},
  });
}

// Issue 16, fourth real-news round: each row a rule driven by an error on
// the dev splits of the two ECB+ sets (eval/quotes/ecbplus-news.json and
// ecbplus-news-2.json), described speakers first, on invented text,
// failing before the rule.
TEST(FindQuotesTest, Issue16RealNewsFourthRound) {
  const MentionSpec kNavy{"Varnland Navy", "ORG", "e1"};
  const MentionSpec kKestrel{"Kestrel News", "ORG", "e2"};
  const MentionSpec kMarrow{"Ilse Marrow", "PERSON", "e3"};
  const MentionSpec kMarrowShort{"Marrow", "PERSON", "e3"};
  const MentionSpec kReyl{"Tomas Reyl", "PERSON", "e4"};
  const MentionSpec kArmstead{"Unique Armstead", "PERSON", "e5"};
  const MentionSpec kArmsteadShort{"Armstead", "PERSON", "e5"};
  const MentionSpec kGoldman{"Seth Goldman", "PERSON", "e6"};
  const MentionSpec kRenn{"Ivo Renn", "PERSON", "e7"};
  const MentionSpec kSkelby{"Skelby", "PLACE", "e8"};
  const MentionSpec kFiske{"Dana Fiske", "PERSON", "e9"};
  const MentionSpec kHarriers{"Harriers", "ORG", "e10"};
  ExpectCases({
      {"a lower-case body noun before a spokesperson names the organisation whose name holds it",
       "The Varnland Navy said on Saturday it had seized two boats. The boats were old, Kestrel News reported. A "
       "navy spokesman said the crew had fled before dawn.",
       {kNavy, kKestrel},
       {{"it had seized two boats", "indirect", "e1", "Varnland Navy", "said", ""},
        {"The boats were old", "indirect", "e2", "Kestrel News", "reported", ""},
        {"the crew had fled before dawn", "indirect", "e1", "Varnland Navy", "said", ""}}},
      {"'her office' is the office of the person 'her' refers to",
       "\"We will rebuild,\" Governor Ilse Marrow said. Marrow apologised to the teachers on Saturday if the "
       "closure was linked to her campaign, a statement from her office said.",
       {kMarrow, kMarrowShort},
       {{"We will rebuild,", "direct", "e3", "Ilse Marrow", "said", ""},
        {"Marrow apologised to the teachers on Saturday if the closure was linked to her campaign", "indirect", "",
         "Ilse Marrow's office", "said", "statement"}}},
      {"an abbreviated rank after a lower-case body noun continues the sentence to the name",
       "\"A man came in and shot another man,\" Varnland police Const. Tomas Reyl told a news conference.",
       {{"Varnland", "PLACE", "e11"}, kReyl},
       {{"A man came in and shot another man,", "direct", "e4", "Tomas Reyl", "told", "press-conference"}}},
      {"a manner adverb between the subject and the cue ('quietly answered')",
       "\"It was a bullet,\" testified Unique Armstead, who was walking with her son. When prosecutor Seth "
       "Goldman asked whether she shielded her son with her body, Armstead quietly answered, \"Yes.\" \"I held "
       "him on the floor.\"",
       {kArmstead, kArmsteadShort, kGoldman},
       {{"It was a bullet,", "direct", "e5", "Unique Armstead", "testified", ""},
        {"Yes.", "direct", "e5", "Unique Armstead", "answered", ""},
        {"I held him on the floor.", "direct", "e5", "Unique Armstead", "", ""}}},
      {"a crowd noun the entity layer took for a name is an unnamed speaker",
       "The navy recovered seven rifles. Sources said the commandos had sighted pirates carrying grenade "
       "launchers.",
       {{"Sources", "PERSON", "e12"}},
       {{"the commandos had sighted pirates carrying grenade launchers", "indirect", "", "sources", "said", ""}}},
      {"a spokesman for an unnamed body is a description with its body, not the place named before",
       "Ivo Renn died in a prison hospital in Skelby on Monday morning, said a spokesman for the facility.",
       {kRenn, kSkelby},
       {{"Ivo Renn died in a prison hospital in Skelby on Monday morning", "indirect", "",
         "a spokesman for the facility", "said", ""}}},
      {"a subordinate clause after a postposed attribution is no content and does not undo it",
       "Ilse Marrow presided. The witness had entered the courtroom with a hood over his head, Judge Ilse Marrow "
       "said when the courtroom was reopened.",
       {kMarrow},
       {{"The witness had entered the courtroom with a hood over his head", "indirect", "e3", "Ilse Marrow", "said",
         ""}}},
      {"', adding that' after a direct quotation's attribution reports a clause of its own",
       "\"We are treating it as suspicious,\" Dana Fiske said, adding that the fire had started in the kitchen.",
       {kFiske},
       {{"We are treating it as suspicious,", "direct", "e9", "Dana Fiske", "said", ""},
        {"the fire had started in the kitchen", "indirect", "e9", "Dana Fiske", "adding", ""}}},
      {"a clause opener taken for a name is no speaker: the participle's subject is the main clause's",
       "Despite saying they had been outbid for the striker, the Harriers do not believe they are out of the "
       "chase.",
       {{"Despite", "PERSON", "e13"}, kHarriers},
       {{"they had been outbid for the striker", "indirect", "e10", "Harriers", "saying", ""}}},
  });
}

TEST(FindQuotesTest, Issue16RealNewsFifthRound) {
  const MentionSpec kRenn{"Ivo Renn", "PERSON", "e1"};
  const MentionSpec kKestrel{"Kestrel News", "ORG", "e2"};
  const MentionSpec kFiske{"Dana Fiske", "PERSON", "e3"};
  const MentionSpec kReyl{"Tomas Reyl", "PERSON", "e4"};
  const MentionSpec kVarnland{"Varnland", "PLACE", "e5"};
  ExpectCases({
      {"a closing mark typed as an opening one after a comma closes: the attribution follows, a new mark opens",
       "\u201cWe will appeal the ruling, \u201cIvo Renn said. \u201cWe have new evidence.\u201d The court sat again "
       "on Monday.",
       {kRenn},
       {{"We will appeal the ruling,", "direct", "e1", "Ivo Renn", "said", ""},
        {"We have new evidence.", "direct", "e1", "Ivo Renn", "", ""}}},
      {"a closing mark typed as an opening one glued to a word's end closes",
       "Ivo Renn said the raid was an \u201cillegal use\u201c of force. \u201cIt was a fair trial,\u201d said Dana "
       "Fiske.",
       {kRenn, kFiske},
       {{"illegal use", "partial", "e1", "Ivo Renn", "said", ""},
        {"It was a fair trial,", "direct", "e3", "Dana Fiske", "said", ""}}},
      {"'according to' after its content: a document with no owner is the source as written",
       "The court fined the firm. The firm had dumped waste in the river for three years, according to court "
       "records.",
       {},
       {{"The firm had dumped waste in the river for three years", "indirect", "", "court records", "according to",
         ""}}},
      {"'according to' after its content: figures released by someone are that someone's",
       "Ferry traffic fell by a third in May, according to figures released on Monday by Kestrel News.",
       {kKestrel},
       {{"Ferry traffic fell by a third in May", "indirect", "e2", "Kestrel News", "according to", ""}}},
      {"'X were quoted by Y as saying' after its content: the one quoted speaks",
       "A strong quake hit the coast on Sunday. Ten houses collapsed in the village of Mersk, Varnland officials "
       "were quoted by Kestrel News as saying.",
       {kVarnland, kKestrel},
       {{"Ten houses collapsed in the village of Mersk", "indirect", "", "Varnland officials", "saying", ""}}},
      {"a description the text names a few sentences on ('her rep' ... 'the singer's rep Tomas Reyl')",
       "Dana Fiske has left the band, her rep told Kestrel News. In a statement, the singer's rep Tomas Reyl "
       "confirmed that she was resting.",
       {kFiske, kKestrel, kReyl},
       {{"Dana Fiske has left the band", "indirect", "e4", "Tomas Reyl", "told", "interview"},
        {"she was resting", "indirect", "e4", "Tomas Reyl", "confirmed", "statement"}}},
      {"a described speaker named at the start of the next sentence, as a verb of saying's subject",
       "A publicist says Dana Fiske has checked into a clinic. Tomas Reyl said on Friday that the singer was "
       "resting.",
       {kFiske, kReyl},
       {{"Dana Fiske has checked into a clinic", "indirect", "e4", "Tomas Reyl", "says", ""},
        {"the singer was resting", "indirect", "e4", "Tomas Reyl", "said", ""}}},
      {"'a friend of the singer said': the friend speaks, not the singer",
       "Dana Fiske left the stage early. \u201cShe is resting,\u201d a friend of the singer said.",
       {kFiske},
       {{"She is resting,", "direct", "", "a friend", "said", ""}}},
      {"', adding [bare clause]' after a direct quotation's attribution",
       "\u201cWe are treating it as suspicious,\u201d Dana Fiske said, adding the fire had started in the kitchen.",
       {kFiske},
       {{"We are treating it as suspicious,", "direct", "e3", "Dana Fiske", "said", ""},
        {"the fire had started in the kitchen", "indirect", "e3", "Dana Fiske", "adding", ""}}},
  });
}

// Issue 16, sixth real-news round: cases the ECB+ dev rows showed, on
// invented text.
TEST(FindQuotesTest, Issue16RealNewsSixthRound) {
  const MentionSpec kRenn{"Ivo Renn", "PERSON", "e1"};
  const MentionSpec kKestrel{"Kestrel News", "ORG", "e2"};
  const MentionSpec kFiske{"Dana Fiske", "PERSON", "e3"};
  const MentionSpec kReyl{"Tomas Reyl", "PERSON", "e4"};
  ExpectCases({
      {"an age alone between commas after the name is an apposition, not a date",
       "\u201cI will not appeal the ruling,\u201d Tomas Reyl, 44, told the court.",
       {kReyl},
       {{"I will not appeal the ruling,", "direct", "e4", "Tomas Reyl", "told", ""}}},
      {"an adverb between the verb of saying and its 'that'",
       "Dana Fiske has said publicly that she is worried about the levy.",
       {kFiske},
       {{"she is worried about the levy", "indirect", "e3", "Dana Fiske", "said", ""}}},
      {"a parenthetical between the verb of saying and its 'that'",
       "Dana Fiske has said, in so many words, that the town will not pay.",
       {kFiske},
       {{"the town will not pay", "indirect", "e3", "Dana Fiske", "said", ""}}},
      {"'Y quoted X as saying': the one quoted speaks, not Y",
       "Harbour Governor Ivo Renn toured the coast. Another news agency quoted the governor as saying five "
       "people had been hurt.",
       {kRenn},
       {{"five people had been hurt", "indirect", "e1", "Ivo Renn", "saying", ""}}},
      {"a report relayed by a postposed outlet: the content ends before it, the one who said it speaks",
       "Ivo Renn, the head of the port, said ten boats were lost, Kestrel News reported.",
       {kRenn, kKestrel},
       {{"ten boats were lost", "indirect", "e1", "Ivo Renn", "said", ""}}},
      {"an organisation's possessive before a person's name is the person's affiliation",
       "Kestrel News's Ivo Renn said the paper would close its print edition.",
       {kRenn, kKestrel},
       {{"the paper would close its print edition", "indirect", "e1", "Ivo Renn", "said", ""}}},
      {"a name, then insertions describing the person (role, then body): the name speaks",
       "\u201cThe ship turned back,\u201d Captain Ivo Renn, Chief Public Relations Officer, Kestrel News, said.",
       {kRenn, kKestrel},
       {{"The ship turned back,", "direct", "e1", "Ivo Renn", "said", ""}}},
      {"a name, then its role at a body without a closing comma: the name speaks",
       "Ivo Renn, Assistant Chief Fire Officer at Varn Fire and Rescue Service says the depot is lost.",
       {kRenn},
       {{"the depot is lost", "indirect", "e1", "Ivo Renn", "says", ""}}},
      {"'the Harbour and Customs offices': an 'and' between a determiner's modifiers opens no clause",
       "Mayor Dana Fiske told the Harbour and Customs offices to review the levy, stating: \u201cWe should "
       "cut it, not raise it.\u201d",
       {kFiske},
       {{"We should cut it, not raise it.", "direct", "e3", "Dana Fiske", "stating", ""}}},
      {"a possessive description no lexicon knows, as a verb of saying's subject, speaks as written",
       "A quake hit Varn on Sunday. Varn's seismologic center said the epicenter was under the bay.",
       {{"Varn", "PLACE", "e5"}},
       {{"the epicenter was under the bay", "indirect", "", "Varn's seismologic center", "said", ""}}},
      {"a definite description no lexicon knows, postposed, speaks as written",
       "The storm hit the coast. Ten boats sank on Monday, the coast guard said.",
       {},
       {{"Ten boats sank on Monday", "indirect", "", "the coast guard", "said", ""}}},
      {"a description written earlier as the title before a name is that name's",
       "Cable operator Kestrel News announced that repairs were done. The cable operator announced that it had "
       "restored service to all customers.",
       {kKestrel},
       {{"repairs were done", "indirect", "e2", "Kestrel News", "announced", ""},
        {"it had restored service to all customers", "indirect", "e2", "Kestrel News", "announced", ""}}},
      {"'According to' a document opening the sentence, closed by its comma: the document as written",
       "The firm was fined. According to court records, the firm had dumped waste in the river for three years.",
       {},
       {{"the firm had dumped waste in the river for three years", "indirect", "", "court records", "according to",
         ""}}},
      {"'According to' data opening the sentence cites no source",
       "According to company statistics, one customer in 200 has called the helpline.",
       {},
       {}},
      {"a described subject before a clause whose verb is a past tense",
       "A quake shook the coast. Varn's seismologic center said the quake measured 5.9.",
       {{"Varn", "PLACE", "e5"}},
       {{"the quake measured 5.9", "indirect", "", "Varn's seismologic center", "said", ""}}},
      {"a relative clause interrupted by a cue after a titled name",
       "The Harbour and Customs offices published the rules, which Port Secretary Ivo Renn said were not as strict "
       "as planned.",
       {kRenn},
       {{"were not as strict as planned", "indirect", "e1", "Ivo Renn", "said", ""}}},
  });
}

// Issue 16, the seventh real-news round (eval/quotes/ecbplus-news-5.json):
// rules from the ECB+ dev rows' errors, each on invented text.
TEST(FindQuotesTest, Issue16RealNewsSeventhRound) {
  const MentionSpec kRenn{"Ivo Renn", "PERSON", "e1"};
  const MentionSpec kRennSurname{"Renn", "PERSON", "e1"};
  const MentionSpec kFiske{"Dana Fiske", "PERSON", "e3"};
  ExpectCases({
      {"a quotation continued in a paragraph the flattened text lost: split at the new opening mark",
       "\u201cWe lost the first game,\u201d Ivo Renn said. \u201cThe crowd was loud. \u201cWe won the next "
       "eight. \u201cNobody expected that.\u201d The club is top. Renn later said the coach would stay.",
       {kRenn, kRennSurname},
       {{"We lost the first game,", "direct", "e1", "Ivo Renn", "said", ""},
        {"The crowd was loud.", "direct", "e1", "Ivo Renn", "", ""},
        {"We won the next eight.", "direct", "e1", "Ivo Renn", "", ""},
        {"Nobody expected that.", "direct", "e1", "Ivo Renn", "", ""},
        {"the coach would stay", "indirect", "e1", "Ivo Renn", "said", ""}}},
      {"a closing mark typed as an opening one after a full stop, the writer's words after it",
       "\u201cWe will find a way,\u201d Dana Fiske said. \u201cWe are better than this. \u201cThe former "
       "coach started his career in Varn.",
       {kFiske},
       {{"We will find a way,", "direct", "e3", "Dana Fiske", "said", ""},
        {"We are better than this.", "direct", "e3", "Dana Fiske", "", ""}}},
      {"an opening mark inside a noun phrase is no quotation a sentence-opening mark could split",
       "Fans loved the \u201cvery brave' coach. \u201cWe will win the cup,\u201d Dana Fiske said.",
       {kFiske},
       {{"We will win the cup,", "direct", "e3", "Dana Fiske", "said", ""}}},
      {"'no one' is a clause's subject after a verb of saying",
       "Ivo Renn could not say who was inside, but said no one else was injured.",
       {kRenn},
       {{"no one else was injured", "indirect", "e1", "Ivo Renn", "said", ""}}},
      {"an excerpt of another outlet's article cited after it in brackets: the outlet, medium article",
       "There is news from Varn. \u201cA fire broke out at the depot on Monday, officials said.\u201d (Kestrel "
       "Post article) More is known now.",
       {},
       {{"A fire broke out at the depot on Monday, officials said.", "direct", "", "Kestrel Post", "", "article"}}},
      {"an excerpt never closed ends at its citation",
       "There is news from Varn. \u201cA fire broke out at the depot on Monday. The depot is closed. (Varn "
       "News Article) Kestrel Post has more. \u201cThe fire is out.\u201d (Kestrel Post article)",
       {},
       {{"A fire broke out at the depot on Monday. The depot is closed.", "direct", "", "Varn News", "", "article"},
        {"The fire is out.", "direct", "", "Kestrel Post", "", "article"}}},
      {"after 'say', a bare noun and a past tense open a clause; a second clause with its 'that'",
       "Dana Fiske said people smashed windows during the night, and that one man had been hurt outside a shop.",
       {kFiske},
       {{"people smashed windows during the night", "indirect", "e3", "Dana Fiske", "said", ""},
        {"one man had been hurt outside a shop", "indirect", "e3", "Dana Fiske", "said", ""}}},
      {"a postposed statement named by its organisation is the organisation's",
       "The warship was patrolling the waters, a Varn Navy statement said.",
       {{"Varn Navy", "ORG", "e2"}},
       {{"The warship was patrolling the waters", "indirect", "e2", "Varn Navy", "said", "statement"}}},
      {"a relative clause and a participle after an inverted cue's speaker report that speaker's words",
       "\u201cThe town has lost its way,\u201d said Council Chairman Ivo Renn, who said he would table a motion. "
       "\u201cIt is shameful,\u201d said Dana Fiske, head of the Varn Trust, adding that her group would sue.",
       {kRenn, kFiske, {"Varn Trust", "ORG", "e2"}},
       {{"The town has lost its way,", "direct", "e1", "Ivo Renn", "said", ""},
        {"he would table a motion", "indirect", "e1", "Ivo Renn", "said", ""},
        {"It is shameful,", "direct", "e3", "Dana Fiske", "said", ""},
        {"her group would sue", "indirect", "e3", "Dana Fiske", "adding", ""}}},
      {"a quoted phrase, then 'according to' a body's web site: the body",
       "The office \u201cgives the best advice to the public,\u201d according to the Varn Health Office's Web site.",
       {{"Varn Health Office", "ORG", "e2"}},
       {{"gives the best advice to the public,", "partial", "e2", "Varn Health Office", "according to", ""}}},
      {"an outlet named by its initials, 'The' left out, is the outlet (the entity layer linked nothing)",
       "The Kestrel Daily Record says the talks resume on Monday. According to TKDR, salary is the sticking point.",
       {{"Kestrel Daily Record", "ORG", "e2"}, {"TKDR", "ORG", "e7"}},
       {{"the talks resume on Monday", "indirect", "e2", "Kestrel Daily Record", "says", ""},
        {"salary is the sticking point", "indirect", "e2", "Kestrel Daily Record", "according to", ""}}},
      {"an outlet named by its initials, both names found by the quotation finder",
       "The Kestrel Daily Record says the talks resume on Monday. According to KDR, salary is the sticking point.",
       {},
       {{"the talks resume on Monday", "indirect", "e1", "Kestrel Daily Record", "says", ""},
        {"salary is the sticking point", "indirect", "e1", "Kestrel Daily Record", "according to", ""}}},
  });
}

// Issue 16, the eighth real-news quotation round: rules from the ECB+ dev
// rows' errors, each on invented text.
TEST(FindQuotesTest, Issue16RealNewsEighthRound) {
  const MentionSpec kBoard{"Varn Harbour Board", "ORG", "e2"};
  ExpectCases({
      {"a participle inside a sentence a postposed statement closes: the statement's owner, the whole sentence",
       "The Kestrel Star was crossing the bay when it received a radio call from the ferry Varn Queen saying its "
       "engine had failed, a Varn Harbour Board statement said.",
       {kBoard, {"Kestrel Star", "ORG", "e5"}, {"Varn Queen", "ORG", "e6"}},
       {{"The Kestrel Star was crossing the bay when it received a radio call from the ferry Varn Queen saying its "
         "engine had failed",
         "indirect", "e2", "Varn Harbour Board", "said", "statement"}}},
      {"a relative clause's cue inside a sentence a postposed attribution closes reports nothing of its own",
       "At the time of the escape, the inmate was in a wheelchair, which he claimed he needed to move around, "
       "officials said.",
       {},
       {{"At the time of the escape, the inmate was in a wheelchair, which he claimed he needed to move around",
         "indirect", "", "officials", "said", ""}}},
      {"'the statement' after a statement named with its owner: the owner",
       "The Kestrel Star rescued ten passengers, a Varn Harbour Board statement said. The ferry sank within an hour, "
       "the statement said.",
       {{"Kestrel Star", "ORG", "e5"}, kBoard},
       {{"The Kestrel Star rescued ten passengers", "indirect", "e2", "Varn Harbour Board", "said", "statement"},
        {"The ferry sank within an hour", "indirect", "e2", "Varn Harbour Board", "said", "statement"}}},
      {"'she' never refers to an outlet named 'the Post' (found by the quotation finder)",
       "Dana Fiske said her father had died at home. He was 91, the Post stated. \u201cHe slipped away,\u201d "
       "she said.",
       {{"Dana Fiske", "PERSON", "e3"}},
       {{"her father had died at home", "indirect", "e3", "Dana Fiske", "said", ""},
        {"He was 91", "indirect", "e4", "Post", "stated", ""},
        {"He slipped away,", "direct", "e3", "Dana Fiske", "said", ""}}},
      {"'she' never refers to an outlet named 'the Post' the entity layer took for a person",
       "Dana Fiske said her father had died at home. He was 91, the Post stated. \u201cHe slipped away,\u201d "
       "she said.",
       {{"Dana Fiske", "PERSON", "e3"}, {"Post", "PERSON", "e5"}},
       {{"her father had died at home", "indirect", "e3", "Dana Fiske", "said", ""},
        {"He was 91", "indirect", "e5", "Post", "stated", ""},
        {"He slipped away,", "direct", "e3", "Dana Fiske", "said", ""}}},
      {"'the newspaper' is the outlet that reported, not the organisation last named (the entity layer's link)",
       "Ivo Renn ran the docks for years, Varnday reported. \u201cHe was the last of them,\u201d said Varn Police "
       "detective Dana Fiske. The family had run the port since 1901, the newspaper said.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Varn Police", "ORG", "e2"}, {"Dana Fiske", "PERSON", "e3"},
        {"the newspaper", "ORG", "e2"}},
       {{"Ivo Renn ran the docks for years", "indirect", "e4", "Varnday", "reported", ""},
        {"He was the last of them,", "direct", "e3", "Dana Fiske", "said", ""},
        {"The family had run the port since 1901", "indirect", "e4", "Varnday", "said", ""}}},
      {"'the pastor' is the person titled 'the Rev.' earlier (lexicons/role_titles.txt)",
       "\u201cWe will rebuild,\u201d the Rev. Ivo Renn of the Varn Chapel said. The hall was lost, Dana Fiske "
       "said. The pastor said services would be held in a school.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Varn Chapel", "ORG", "e2"}, {"Dana Fiske", "PERSON", "e3"}},
       {{"We will rebuild,", "direct", "e1", "Ivo Renn", "said", ""},
        {"The hall was lost", "indirect", "e3", "Dana Fiske", "said", ""},
        {"services would be held in a school", "indirect", "e1", "Ivo Renn", "said", ""}}},
      {"a described person's quoted phrase, then the person named in the next sentence's report",
       "Tomas Reyl was hit by a van. The victim's nephew said the van \u201ccame out of nowhere\u201d and hit him. "
       "\u201cHis head hit the headlight,\u201d said Ivo Renn.",
       {{"Tomas Reyl", "PERSON", "e4"}, {"Ivo Renn", "PERSON", "e1"}},
       {{"came out of nowhere", "partial", "e1", "Ivo Renn", "said", ""},
        {"His head hit the headlight,", "direct", "e1", "Ivo Renn", "said", ""}}},
      {"after 'said', a short introductory phrase and its comma before the clause",
       "Dana Fiske said like anyone, the family had its quarrels.",
       {{"Dana Fiske", "PERSON", "e3"}},
       {{"like anyone, the family had its quarrels", "indirect", "e3", "Dana Fiske", "said", ""}}},
      {"a comma, a name and its verb of saying inside a report open a second report",
       "Some neighbours said the family kept to itself, Dana Fiske said like anyone, they had their quarrels.",
       {{"Dana Fiske", "PERSON", "e3"}},
       {{"the family kept to itself", "indirect", "", "some neighbours", "said", ""},
        {"like anyone, they had their quarrels", "indirect", "e3", "Dana Fiske", "said", ""}}},
      {"'a company spokeswoman': the company titled so, typed a person by the entity layer, not an earlier "
       "'the company'",
       "The Varn Navy sent a frigate after the company decided to wait. The crew rejoined the ship in Salalah, ferry "
       "operator Kestrel Lines said. The ship made it through the gulf without incident, a company spokeswoman said.",
       {{"Varn Navy", "ORG", "e2"}, {"the company", "ORG", "e2"}, {"Kestrel Lines", "PERSON", "e5"}},
       {{"The crew rejoined the ship in Salalah", "indirect", "e5", "Kestrel Lines", "said", ""},
        {"The ship made it through the gulf without incident", "indirect", "e5", "Kestrel Lines", "said", ""}}},
      {"a name the entity layer missed, titled by an organisation noun, is an organisation ('it' refers to it)",
       "The crew rejoined the ship in Salalah, ferry operator Kestrel Lines said. \u201cWe are glad,\u201d it "
       "said.",
       {},
       {{"The crew rejoined the ship in Salalah", "indirect", "e1", "Kestrel Lines", "said", ""},
        {"We are glad,", "direct", "e1", "Kestrel Lines", "said", ""}}},
      {"'a German military spokesman': the body the proper adjective and noun describe, not the last organisation",
       "The Varn Navy seized a boat, the Defence Office said. Also on Saturday, a German military spokesman said a "
       "frigate had chased the pirates away.",
       {{"Varn Navy", "ORG", "e1"}, {"Defence Office", "ORG", "e2"}},
       {{"The Varn Navy seized a boat", "indirect", "e2", "Defence Office", "said", ""},
        {"a frigate had chased the pirates away", "indirect", "", "German military", "said", ""}}},
      {"'the release said' twice: the first names no issuer in its sentence (its subject is what it said)",
       "The ferry sank on Monday, the Varn Harbour Board said in a statement. The Kestrel Star was on patrol, the "
       "release said. The crew of the Kestrel Star rescued ten passengers, the release said.",
       {kBoard, {"Kestrel Star", "ORG", "e5"}, {"Kestrel Star", "ORG", "e5"}},
       {{"The ferry sank on Monday", "indirect", "e2", "Varn Harbour Board", "said", "statement"},
        {"The Kestrel Star was on patrol", "indirect", "e2", "Varn Harbour Board", "said", "statement"},
        {"The crew of the Kestrel Star rescued ten passengers", "indirect", "e2", "Varn Harbour Board", "said",
         "statement"}}},
      {"'a poll published by X newspaper said': the one who published it",
       "The mayor pledged to act. An opinion poll published by Varnposten newspaper on Sunday said most voters "
       "were unhappy with the levy.",
       {},
       {{"most voters were unhappy with the levy", "indirect", "e1", "Varnposten", "said", ""}}},
      {"'the report said' after a sentence opened by an outlet: the outlet, as written",
       "The quake hit Varn. Varnish television ran video from the island. The report said two villages were worst "
       "hit. Power lines were cut, the report said.",
       {{"Varn", "PLACE", "e1"}},
       {{"two villages were worst hit", "indirect", "", "Varnish television", "said", ""},
        {"Power lines were cut", "indirect", "", "Varnish television", "said", ""}}},
      {"'\u2026\u201d according to X and was \u2026': the source's phrase ends where the sentence's verb phrase goes on",
       "\u201cWe have no leads,\u201d Dana Fiske said. The fire, the largest of the year, \u201cwas set at the "
       "entrance of the old chapel\u201d according to the Kestrel Press and was fought by firefighters for nearly "
       "eight hours before it was put out.",
       {{"Dana Fiske", "PERSON", "e3"}, {"Kestrel Press", "ORG", "e2"}},
       {{"We have no leads,", "direct", "e3", "Dana Fiske", "said", ""},
        {"was set at the entrance of the old chapel", "direct", "e2", "Kestrel Press", "according to", ""}}},
      {"a clause whose subject is a range of figures, its verb past the usual subject's length",
       "Ivo Renn, the governor of the province, said 40 percent to 70 percent of the houses in the seven villages "
       "were destroyed, Kestrel News reported.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Kestrel News", "ORG", "e2"}},
       {{"40 percent to 70 percent of the houses in the seven villages were destroyed", "indirect", "e1", "Ivo Renn",
         "said", ""}}},
      {"an organisation's name joined by 'of' and 'and', then a title and a person: the person is the subject",
       "Office of Harbours and Ferries Director Ivo Renn followed up with a memo giving the boards options for "
       "dealing with old \u201crules which raise questions of safety:\u201d extending a rule's date.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"rules which raise questions of safety:", "partial", "e1", "Ivo Renn", "", "memo"}}},
      {"'said the company's advanced threat researcher X': an -ed adjective after a possessive, then the person",
       "Kestrel Labs said attacks were spreading. \u201cThe flaw is getting worse every day,\u201d said the "
       "company's advanced threat researcher Ivo Renn.",
       {{"Kestrel Labs", "ORG", "e2"}, {"the company", "ORG", "e2"}, {"Ivo Renn", "PERSON", "e1"}},
       {{"attacks were spreading", "indirect", "e2", "Kestrel Labs", "said", ""},
        {"The flaw is getting worse every day,", "direct", "e1", "Ivo Renn", "said", ""}}},
      {"'the company's security team said': the firm the epithet refers to",
       "Kestrel Labs released a patch on Tuesday. The company's security team said the patch fixes 300 flaws.",
       {{"Kestrel Labs", "ORG", "e2"}},
       {{"the patch fixes 300 flaws", "indirect", "e2", "Kestrel Labs", "said", ""}}},
      {"a quoted phrase in a sentence its postposed attribution closes, however far: that attribution's speaker",
       "The families of the two injured men asked for \u201ctotal privacy\u201d, and the hospital would not give "
       "any details about their conditions, hospital spokeswoman Dana Fiske said.",
       {{"Dana Fiske", "PERSON", "e3"}},
       {{"total privacy", "partial", "e3", "Dana Fiske", "said", ""}}},
      {"'the statement said' after 'a statement from' a body only this finder names: that body",
       "The Kestrel Star sped to the scene, according to a statement from the Varnish government. Divers searched "
       "the hull, the statement said.",
       {{"Kestrel Star", "ORG", "e5"}},
       {{"The Kestrel Star sped to the scene", "indirect", "e6", "Varnish government", "according to", "statement"},
        {"Divers searched the hull", "indirect", "e6", "Varnish government", "said", "statement"}}},
      {"a quoted phrase after 'According to X,': the source's phrase ends at its comma",
       "Tomas Reyl was shot on Saturday. According to the officers involved in the stop, the teenager moved "
       "\u201csuspiciously,\u201d and then he pointed a gun at them.",
       {{"Tomas Reyl", "PERSON", "e4"}},
       {{"suspiciously,", "partial", "", "the officers involved in the stop", "according", ""}}},
      {"a phrase a passive verb of naming gives: the one named after 'by'",
       "The fire has been labeled \u201csuspicious\u201d by Ivo Renn, chief of the fire service. For the man "
       "described by Kestrel News as \u201cthe last great boss of the port,\u201d it was the end.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Kestrel News", "ORG", "e2"}},
       {{"suspicious", "partial", "e1", "Ivo Renn", "", ""},
        {"the last great boss of the port,", "partial", "e2", "Kestrel News", "", ""}}},
      {"'the Navy spokesman' after 'a Navy spokesman': the body the first spoke for, not the description",
       "Tomas Reyl was arrested. Ten boats were seized on Monday, a Navy spokesman said. Nine rifles were found on "
       "the boats, the Navy spokesman said.",
       {{"Tomas Reyl", "PERSON", "e4"}, {"the Navy spokesman", "PERSON", "e4"}},
       {{"Ten boats were seized on Monday", "indirect", "e5", "Navy", "said", ""},
        {"Nine rifles were found on the boats", "indirect", "e5", "Navy", "said", ""}}},
      {"a relayed report whose sources' compound the detokeniser spaced ('major - league'): the sources speak",
       "Ivo Renn of Kestrel News reports that two major - league sources said the striker would prefer to stay.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Kestrel News", "ORG", "e2"}},
       {{"the striker would prefer to stay", "indirect", "", "two major - league sources", "said", ""}}},
      {"'they' after two people joined by 'and' opening a sentence: the two, named together",
       "The show will air on Kestrel News. Renn and Fiske have dropped the monologue, hoping for more spontaneity. "
       "They said the show would have more music than before.",
       {{"Kestrel News", "ORG", "e2"}, {"Renn", "PERSON", "e1"}, {"Fiske", "PERSON", "e3"}},
       {{"the show would have more music than before", "indirect", "", "Renn and Fiske", "said", ""}}},
      {"'originally' between a subject and its cue (lexicons/cue_adverbs.txt)",
       "One crew member was killed in the attack, which the Varn Navy had originally announced by saying it had "
       "sunk a pirate \u201cmother ship.\u201d",
       {{"Varn Navy", "ORG", "e2"}},
       {{"mother ship.", "partial", "e2", "Varn Navy", "saying", ""}}},
      {"'the ministry' after a body described with its possessor ('Varn's transport ministry'): that body",
       "Varn's transport ministry says two ferries ran aground in the Kestrel Sea. The ministry says three "
       "crossings were cancelled on Friday.",
       {{"Varn", "PLACE", "e1"}, {"Kestrel Sea", "PLACE", "e2"}},
       {{"two ferries ran aground in the Kestrel Sea", "indirect", "", "Varn's transport ministry", "says", ""},
        {"three crossings were cancelled on Friday", "indirect", "", "Varn's transport ministry", "says", ""}}},
      {"'said a spokesperson for X' after a quotation: the organisation named after the role",
       "Experts told Kestrel News that two cables were cut. \u201cA double break is very rare,\u201d said a "
       "spokesperson for Varnet, the network company.",
       {{"Kestrel News", "ORG", "e2"}, {"Varnet", "ORG", "e5"}},
       {{"two cables were cut", "indirect", "", "experts", "told", "interview"},
        {"A double break is very rare,", "direct", "e5", "Varnet", "said", "interview"}}},
      {"a participle of saying after a 'that' clause: that clause's subject, not the sentence's",
       "Tomas Reyl was hurt outside his Varn Street home. It was found after the arrest that Ivo Renn had written a "
       "letter to the boy's mother, saying the shot was never meant to hit anyone.",
       {{"Tomas Reyl", "PERSON", "e4"}, {"Varn Street", "PLACE", "e5"}, {"Ivo Renn", "PERSON", "e1"}},
       {{"the shot was never meant to hit anyone", "indirect", "e1", "Ivo Renn", "saying", "letter"}}},
      {"'she' is not the man named last when a given name says so and the article says nothing (first_names.txt)",
       "Margaret Skelby became a model in the 1950s. Howard Varga also pursued Skelby. \u201cHe was charming, but I "
       "was not interested,\u201d she once said.",
       {{"Margaret Skelby", "PERSON", "e1"}, {"Howard Varga", "PERSON", "e2"}, {"Skelby", "PERSON", "e1"}},
       {{"He was charming, but I was not interested,", "direct", "e1", "Margaret Skelby", "said", ""}}},
      {"'State police say': a body noun with plain modifiers and no determiner describes the speaker",
       "The shop is listed at Kestrel Supplies Ltd., a health product supplier. State police say a bomb went off at "
       "a bank after it was cleared.",
       {{"Kestrel Supplies Ltd.", "ORG", "e2"}},
       {{"a bomb went off at a bank after it was cleared", "indirect", "", "state police", "say", ""}}},
      {"a quotation completed by its object, then an inverted cue after a comma: the one named after the cue",
       "The plan was dropped on Monday. \u201cTo make wise decisions based on sound information, we need to set "
       "aside\u201d the plan, said new Harbour Secretary Ivo Renn, who extended the comment period.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"To make wise decisions based on sound information, we need to set aside", "direct", "e1", "Ivo Renn",
         "said", ""}}},
      {"'His exact words:' before a quotation: whose words the possessive names",
       "Club owner Ivo Renn has said that his team will not sign the striker. His exact words: \u201cWe met him and "
       "were impressed. We are not going to be a factor.\u201d",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"his team will not sign the striker", "indirect", "e1", "Ivo Renn", "said", ""},
        {"We met him and were impressed. We are not going to be a factor.", "direct", "e1", "Ivo Renn", "", ""}}},
      {"an organisation's name the entity layer ran on into the person after it: the person speaks",
       "Dana Fiske said the move was clumsy. After the leak, head of the Varn Refugee Council Ivo Renn told Kestrel "
       "News any process \"must be well thought out\".",
       {{"Dana Fiske", "PERSON", "e3"}, {"Varn Refugee Council Ivo Renn", "ORG", "e2"}, {"Kestrel News", "ORG", "e5"}},
       {{"the move was clumsy", "indirect", "e3", "Dana Fiske", "said", ""},
        {"must be well thought out", "partial", "e6", "Ivo Renn", "told", "interview"}}},
      {"a coinage a verb of naming gives ('dubbed \"X\" by the media') is nobody's words",
       "The firm's reply to the fault, dubbed \"Padgate\" by the media, was to recommend a case.",
       {},
       {}},
      {"a quoted phrase ending its sentence hands its speaker on to the unattributed quotation after it",
       "\u201cHe could play any instrument,\u201d said Tomas Reyl. The suspect appeared in court. Outside court, Ivo "
       "Renn said his client is \u201cnot doing very well.\u201d \u201cHe cannot sleep in that cell.\u201d",
       {{"Tomas Reyl", "PERSON", "e4"}, {"Ivo Renn", "PERSON", "e1"}},
       {{"He could play any instrument,", "direct", "e4", "Tomas Reyl", "said", ""},
        {"not doing very well.", "partial", "e1", "Ivo Renn", "said", ""},
        {"He cannot sleep in that cell.", "direct", "e1", "Ivo Renn", "", ""}}},
      {"'the chapel's minister' is someone new, named later with the role's title ('the Rev.'), not the last person",
       "A \u201csuspicious\u201d fire hit the chapel attended by Mayor Dana Fiske, the chapel's minister said. "
       "Fiske visited the site. \u201cWe have no idea what caused it,\u201d the Rev. Ivo Renn said on Saturday.",
       {{"Dana Fiske", "PERSON", "e3"}, {"Fiske", "PERSON", "e3"}, {"Ivo Renn", "PERSON", "e1"}},
       {{"suspicious", "partial", "e1", "Ivo Renn", "said", ""},
        {"We have no idea what caused it,", "direct", "e1", "Ivo Renn", "said", ""}}},
      {"'the ship's owner' after the person named with that role in apposition: that person",
       "The Varn Navy said it had sunk a pirate boat. Ten crew were aboard the ship, said Ivo Renn, owner of the "
       "Kestrel Star. Dana Fiske said the boat sank within an hour. One crewman was found alive after six days, the "
       "ship's owner said.",
       {{"Varn Navy", "ORG", "e2"}, {"Ivo Renn", "PERSON", "e1"}, {"Kestrel Star", "ORG", "e5"},
        {"Dana Fiske", "PERSON", "e3"}},
       {{"it had sunk a pirate boat", "indirect", "e2", "Varn Navy", "said", ""},
        {"Ten crew were aboard the ship", "indirect", "e1", "Ivo Renn", "said", ""},
        {"the boat sank within an hour", "indirect", "e3", "Dana Fiske", "said", ""},
        {"One crewman was found alive after six days", "indirect", "e1", "Ivo Renn", "said", ""}}},
      {"a described person whose owner is named is not the person named in the next sentence",
       "Tomas Reyl was hit by a van. Tomas Reyl's brother said the van was speeding on the bridge. "
       "\u201cHis head hit the headlight,\u201d said Ivo Renn.",
       {{"Tomas Reyl", "PERSON", "e4"}, {"Tomas Reyl", "PERSON", "e4"}, {"Ivo Renn", "PERSON", "e1"}},
       {{"the van was speeding on the bridge", "indirect", "", "Tomas Reyl's brother", "said", ""},
        {"His head hit the headlight,", "direct", "e1", "Ivo Renn", "said", ""}}},
      {"an indefinite description introduces someone new, not the person named in the next sentence",
       "Tomas Reyl was hit by a van. A witness said the driver did not stop at all. \u201cHis head hit the "
       "headlight,\u201d said Ivo Renn.",
       {{"Tomas Reyl", "PERSON", "e4"}, {"Ivo Renn", "PERSON", "e1"}},
       {{"the driver did not stop at all", "indirect", "", "a witness", "said", ""},
        {"His head hit the headlight,", "direct", "e1", "Ivo Renn", "said", ""}}},
  });
}

// Issue 16, the ninth real-news quotation round
// (eval/quotes/ecbplus-news-6.json): rules from the ECB+ dev rows' errors,
// each on invented text.
TEST(FindQuotesTest, Issue16RealNewsNinthRound) {
  ExpectCases({
      {"a person's role no lexicon calls an epithet ('the officer') is the description as written",
       "The frigate met the skiffs at dawn. \u201cThe warship altered course and challenged them,\u201d the officer "
       "said.",
       {},
       {{"The warship altered course and challenged them,", "direct", "", "the officer", "said", ""}}},
      {"'he' reporting right after a direct quotation a person's role spoke is that speaker, not a name quoted",
       "Tomas Reyl runs the port. “The three boats had Varn crew on board,” the officer said. He said that "
       "the boarding party found ladders.",
       {{"Tomas Reyl", "PERSON", "e4"}},
       {{"The three boats had Varn crew on board,", "direct", "", "the officer", "said", ""},
        {"the boarding party found ladders", "indirect", "", "the officer", "said", ""}}},
      {"a definite described person and the name in apposition after an inverted cue speak; they are no content",
       "No one was hurt although two children were inside the chapel, said the county fire chief, Ivo Renn.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"No one was hurt although two children were inside the chapel", "indirect", "e1", "Ivo Renn", "said", ""}}},
      {"'a senior Democrat' describes an unnamed speaker; 'the Democrat who …' after an inverted cue is the same "
       "one, and the quoted phrase the inverted attribution closes is theirs",
       "The mayor asked Tomas Reyl to lead the board, a senior Democrat said. Reyl has been \u201cthe team's first "
       "choice\u201d for the job, which would make him the port's top official, said the Democrat who is familiar "
       "with the talks.",
       {{"Tomas Reyl", "PERSON", "e4"}, {"Reyl", "PERSON", "e4"}, {"Democrat", "PERSON", "e2"}},
       {{"The mayor asked Tomas Reyl to lead the board", "indirect", "", "a senior Democrat", "said", ""},
        {"the team's first choice", "partial", "", "a senior Democrat", "said", ""}}},
      {"a body's noun and the place it is in end a postposed speaker; names after them locate it",
       "Ivo Renn died of heart failure, said the Kestrel Star newspaper in Varnby, Halland, 55 miles north of "
       "Tarn City.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Kestrel Star", "ORG", "e2"}, {"Varnby", "PLACE", "e3"},
        {"Halland", "PLACE", "e5"}, {"Tarn City", "PLACE", "e6"}},
       {{"Ivo Renn died of heart failure", "indirect", "e2", "Kestrel Star", "said", ""}}},
      {"'allege' reports a clause",
       "Constable Dana Fiske allege the dismissed man opened fire at the office party.",
       {{"Dana Fiske", "PERSON", "e3"}},
       {{"the dismissed man opened fire at the office party", "indirect", "e3", "Dana Fiske", "allege", ""}}},
      {"', adding' with a past tense after its subject's words reports a bare clause",
       "\u201cThe warship challenged them,\u201d Ivo Renn said, adding the skiffs then reversed course and fled.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"The warship challenged them,", "direct", "e1", "Ivo Renn", "said", ""},
        {"the skiffs then reversed course and fled", "indirect", "e1", "Ivo Renn", "adding", ""}}},
      {"', adding' an indefinite pronoun's clause, after a name and apposition that told the newspaper: the name's",
       "\u201cWe are treating it as arson,\u201d Ivo Renn, chief of the county fire service, told the newspaper, "
       "adding nothing so far suggests any political motive.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"We are treating it as arson,", "direct", "e1", "Ivo Renn", "told", "interview"},
        {"nothing so far suggests any political motive", "indirect", "e1", "Ivo Renn", "adding", "interview"}}},
      {"an outlet's report that a named organisation claims a clause relays the organisation's words",
       "Varnday is reporting that the Varn Navy claims it has captured 23 pirates in the gulf.",
       {{"Varnday", "ORG", "e1"}, {"Varn Navy", "ORG", "e2"}},
       {{"it has captured 23 pirates in the gulf", "indirect", "e2", "Varn Navy", "claims", ""}}},
      {"'a second representative' speaks for the body the last spokesperson spoke for",
       "Halvard Mills Ltd. hired a new director on Monday. \u201cNo, it is not official,\u201d a company "
       "representative told the Harbor Gazette. \u201cWe are not confirming anything,\u201d echoed a second "
       "representative.",
       {{"Halvard Mills Ltd.", "ORG", "e1"}, {"Harbor Gazette", "ORG", "e2"}},
       {{"No, it is not official,", "direct", "e1", "Halvard Mills Ltd.", "told", "interview"},
        {"We are not confirming anything,", "direct", "e1", "Halvard Mills Ltd.", "echoed", "interview"}}},
      {"a participle of saying opening the sentence reports for the main clause's subject",
       "Denying he was a gangster, Ivo Renn would wander the streets in a bathrobe.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"he was a gangster", "indirect", "e1", "Ivo Renn", "denying", ""}}},
      {"'according to published reports' names its source ('reports' is no verb there)",
       "According to published reports, Ivo Renn died of heart failure.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"Ivo Renn died of heart failure", "indirect", "", "published reports", "according to", ""}}},
      {"'the convicted killer', 'the gunman', 'the suspect': epithets for the person the story names",
       "A judge sentenced Ivo Renn to life in prison on Saturday. “I am sorry,” the convicted killer said.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"I am sorry,", "direct", "e1", "Ivo Renn", "said", ""}}},
      {"a quoted phrase whose cue's subject is a description no lexicon knows: the description speaks",
       "The coast guard seized two boats and “a cache of rifles and rockets,” the military said.",
       {},
       {{"The coast guard seized two boats", "indirect", "", "the military", "said", ""},
        {"a cache of rifles and rockets,", "partial", "", "the military", "said", ""}}},
      {"a report split by its attribution, then ', adding' and an irregular past: the participle's own clause",
       "The fire spread fast, Ivo Renn said, adding the roof fell in within minutes.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"The fire spread fast", "indirect", "e1", "Ivo Renn", "said", ""},
        {"the roof fell in within minutes", "indirect", "e1", "Ivo Renn", "adding", ""}}},
      {"after 'said', a bare noun and an irregular past open a clause",
       "Ivo Renn said attackers got into a backup server in late February.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"attackers got into a backup server in late February", "indirect", "e1", "Ivo Renn", "said", ""}}},
      {"a time phrase between the subject and its verb of saying ('Reports on Tuesday morning indicated')",
       "Reports on Tuesday morning indicated that a cable near the port had been cut. Officials in May said the road "
       "was closed.",
       {},
       {{"a cable near the port had been cut", "indirect", "", "reports", "indicated", ""},
        {"the road was closed", "indirect", "", "officials", "said", ""}}},
      {"a cue coordinated with the next verb after a comma is no inverted attribution",
       "He coached the national team for years and during that time, wrote and published the Varn Basketball "
       "Handbook, a guide for players.",
       {{"Varn Basketball Handbook", "ORG", "e1"}},
       {}},
      {"a gendered noun in apposition ('His wife, Dana Fiske,') is gender evidence: 'he' is not her",
       "Ivo Renn kept the light for years. His wife, Dana Fiske, died in 2019. “I still hear the wind,” he "
       "said.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Dana Fiske", "PERSON", "e3"}},
       {{"I still hear the wind,", "direct", "e1", "Ivo Renn", "said", ""}}},
      {"after 'told' and its listener, a subject pronoun opens the clause whatever its verb",
       "Dana Fiske told police she fired when she saw the knife.",
       {{"Dana Fiske", "PERSON", "e3"}},
       {{"she fired when she saw the knife", "indirect", "e3", "Dana Fiske", "told", ""}}},
      {"after a verb that usually takes an object, a definite noun phrase or a name with its finite verb is a "
       "clause",
       "Inspector Ivo Renn confirmed the climbing party are foreigners. Varnday has confirmed Tomas Reyl has been "
       "approached by the board.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Varnday", "ORG", "e2"}, {"Tomas Reyl", "PERSON", "e4"}},
       {{"the climbing party are foreigners", "indirect", "e1", "Ivo Renn", "confirmed", ""},
        {"Tomas Reyl has been approached by the board", "indirect", "e2", "Varnday", "confirmed", ""}}},
      {"a bare clause after the medium's phrase",
       "Ivo Renn admitted in a 2005 magazine interview he was the source.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"he was the source", "indirect", "e1", "Ivo Renn", "admitted", "interview"}}},
  });
}

// Issue 16, the tenth real-news quotation round
// (eval/quotes/ecbplus-news-7.json): rules from the ECB+ dev rows' errors,
// each on invented text.
TEST(FindQuotesTest, Issue16RealNewsTenthRound) {
  ExpectCases({
      {"'according to' a role and the name in apposition after it: the name is the source, and 'he' after it",
       "The singer has checked into a clinic in Varnby, according to her publicist, Ivo Renn. \u201cWe ask for "
       "privacy,\u201d he said.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Varnby", "PLACE", "e2"}},
       {{"The singer has checked into a clinic in Varnby", "indirect", "e1", "Ivo Renn", "according to", ""},
        {"We ask for privacy,", "direct", "e1", "Ivo Renn", "said", ""}}},
      {"after an inverted cue, a person's role owned by another name and the name in apposition: the second speaks",
       "\u201cWe deny any wrongdoing,\u201d said Tomas Reyl's attorney, Dana Fiske.",
       {{"Tomas Reyl", "PERSON", "e4"}, {"Dana Fiske", "PERSON", "e3"}},
       {{"We deny any wrongdoing,", "direct", "e3", "Dana Fiske", "said", ""}}},
      {"'quoted' a role and the name in apposition 'as saying': the name speaks",
       "The agency Varnpress quoted the head of Halland's free - trade port authority, Ivo Renn, as saying the storm "
       "caused damage worth 54 million dollars.",
       {{"Varnpress", "ORG", "e2"}, {"Ivo Renn", "PERSON", "e1"}, {"Halland", "PLACE", "e3"}},
       {{"the storm caused damage worth 54 million dollars", "indirect", "e1", "Ivo Renn", "saying", ""}}},
      {"', quoting X as saying that' after a postposed attribution: X reports the clause after 'saying'",
       "It is unclear whether the judge will accept the plan, Varnpress reported, quoting her lawyer Ivo Renn as "
       "saying on May 2 that prosecutors have not approved it yet.",
       {{"Varnpress", "ORG", "e2"}, {"Ivo Renn", "PERSON", "e1"}},
       {{"It is unclear whether the judge will accept the plan", "indirect", "e2", "Varnpress", "reported", ""},
        {"prosecutors have not approved it yet", "indirect", "e1", "Ivo Renn", "saying", ""}}},
      {"an 'as' clause after a postposed attribution's comma is the writer's, no second part",
       "Youths attacked a police station in Varnby late on Saturday, police said, as the protests went on for a "
       "seventh day.",
       {{"Varnby", "PLACE", "e2"}},
       {{"Youths attacked a police station in Varnby late on Saturday", "indirect", "", "police", "said", ""}}},
      {"a spokesperson's own modifiers ('customer service') between the organisation and the noun: the body speaks",
       "The outage hit Telvarn and Norlink. \u201cWe are seeing problems in some towers,\u201d a Telvarn customer "
       "service representative told the Harbor Gazette. A Norlink customer representative also confirmed that "
       "some users had lost their connection.",
       {{"Telvarn", "ORG", "e1"}, {"Norlink", "ORG", "e2"}, {"Harbor Gazette", "ORG", "e5"}},
       {{"We are seeing problems in some towers,", "direct", "e1", "Telvarn", "told", "interview"},
        {"some users had lost their connection", "indirect", "e2", "Norlink", "confirmed", ""}}},
      {"'the Varnpress article' is the outlet's; 'the report' after 'The Varn League report' is the league's",
       "Phone service on Norlink was also cut, the Varnpress article said. The Varn League report says Ivo Renn "
       "paid the player. Renn is accused of acting \u201ccontrary to principles of ethical conduct\u201d by hiding it, "
       "the report said.",
       {{"Norlink", "ORG", "e2"}, {"Varnpress", "ORG", "e3"}, {"Varn League", "ORG", "e4"},
        {"Ivo Renn", "PERSON", "e1"}, {"Renn", "PERSON", "e1"}},
       {{"Phone service on Norlink was also cut", "indirect", "e3", "Varnpress", "said", ""},
        {"Ivo Renn paid the player", "indirect", "e4", "Varn League", "says", ""},
        {"contrary to principles of ethical conduct", "partial", "e4", "Varn League", "said", ""}}},
      {"after an inverted cue, a participle-like word before a role ('organized crime detective') is no verb",
       "Tomas Reyl died in prison on Monday. \u201cHe was the last of the old bosses,\u201d said ex-Varn Police "
       "organized crime detective Ivo Renn.",
       {{"Tomas Reyl", "PERSON", "e4"}, {"Varn Police", "ORG", "e2"}, {"Ivo Renn", "PERSON", "e1"}},
       {{"He was the last of the old bosses,", "direct", "e1", "Ivo Renn", "said", ""}}},
      {"a postposed subject with a place or body after its preposition ('police in Varnby', 'a spokesperson at "
       "naval headquarters') speaks",
       "The port boss hanged himself in jail, police in Varnby said on Wednesday.",
       {{"Varnby", "PLACE", "e2"}},
       {{"The port boss hanged himself in jail", "indirect", "", "police", "said", ""}}},
      {"'that' after a preposition ('at that time') opens no clause; the bare clause after 'said he' is the content",
       "Team spokesman Ivo Renn said he believed Tomas Reyl made the offer to the agent at that time.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Tomas Reyl", "PERSON", "e4"}},
       {{"he believed Tomas Reyl made the offer to the agent at that time", "indirect", "e1", "Ivo Renn", "said",
         ""}}},
      {"a figure opening a clause whose verb comes after 'of the 80 wounded', or after 'as many as'",
       "Ivo Renn visited the island. He said 30 of the 80 wounded remained in hospital. Renn said as many as 40 "
       "firefighters came from across the region.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Renn", "PERSON", "e1"}},
       {{"30 of the 80 wounded remained in hospital", "indirect", "e1", "Ivo Renn", "said", ""},
        {"as many as 40 firefighters came from across the region", "indirect", "e1", "Ivo Renn", "said", ""}}},
      {"'confessed that' reports a clause; after 'said', a bare noun phrase of a few words before its past tense",
       "Ivo Renn later confessed that he had only been playing cards with him. Dana Fiske said young people her "
       "age felt their voices were not heard.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Dana Fiske", "PERSON", "e3"}},
       {{"he had only been playing cards with him", "indirect", "e1", "Ivo Renn", "confessed", ""},
        {"young people her age felt their voices were not heard", "indirect", "e3", "Dana Fiske", "said", ""}}},
      {"'he said' continues the direct quotations of a described speaker ('said an officer') a few sentences "
       "back, when no person is named outside the marks in between",
       "Tomas Reyl sailed the trawler Varn. \u201cThe crew of Varn fired at the pirates,\u201d said an officer. The "
       "frigate Norhaven reached the spot soon after. By then the pirates had boarded their boat. Norhaven then "
       "fired across its bows. \u201cSeeing the commandos, the pirates surrendered,\u201d he said.",
       {{"Tomas Reyl", "PERSON", "e4"}, {"Varn", "PERSON", "e2"}, {"Norhaven", "ORG", "e3"}},
       {{"The crew of Varn fired at the pirates,", "direct", "", "an officer", "said", ""},
        {"Seeing the commandos, the pirates surrendered,", "direct", "", "an officer", "said", ""}}},
      {"a quoted sentence longer than a title is speech though the entity layer found a work in it; 'denied "
       "reports that': the plural after a past tense is a noun",
       "\u201cWe have decided not to film it,\u201d Ivo Renn said. \u201cAs a writer, I simply cannot prep the film I "
       "would have wanted to make this year.\u201d The director denied reports that his talks hit a snag.",
       {{"Ivo Renn", "PERSON", "e1"}, {"I", "WORK", "e7"}},
       {{"We have decided not to film it,", "direct", "e1", "Ivo Renn", "said", ""},
        {"As a writer, I simply cannot prep the film I would have wanted to make this year.", "direct", "e1",
         "Ivo Renn", "", ""}}},
      {"'to tell them what she had done' reports no content: the postposed attribution takes the sentence",
       "Dana Fiske went to an office upstairs and called police to tell them what she had done, authorities said.",
       {{"Dana Fiske", "PERSON", "e3"}},
       {{"Dana Fiske went to an office upstairs and called police to tell them what she had done", "indirect", "",
         "authorities", "said", ""}}},
      {"'said at least one …', 'said this is …', 'suggests that': clauses; a possessive inside a body's name before "
       "'spokesperson'",
       "The spokesman Ivo Renn also said at least one bomb technician had been injured. The Varn Herald suggests "
       "that the mayor could resign this week. A Tom's Market spokesperson said this is a terrible tragedy.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Varn Herald", "ORG", "e2"}, {"Tom", "PERSON", "e4"}},
       {{"at least one bomb technician had been injured", "indirect", "e1", "Ivo Renn", "said", ""},
        {"the mayor could resign this week", "indirect", "e2", "Varn Herald", "suggests", ""},
        {"this is a terrible tragedy", "indirect", "e5", "Tom's Market", "said", ""}}},
      {"'quotes a spokesman confirming that': the one quoted reports, for the body a later sentence names for the "
       "same spokesman",
       "The Varn Courier quotes a federal spokesman confirming that a bomb went off at the bank. The spokesman for "
       "the Varn Fire Bureau also said the street was closed.",
       {{"Varn Courier", "ORG", "e2"}, {"Varn Fire Bureau", "ORG", "e3"}},
       {{"a bomb went off at the bank", "indirect", "e3", "Varn Fire Bureau", "confirming", ""},
        {"the street was closed", "indirect", "e3", "Varn Fire Bureau", "said", ""}}},
      {"a gap report after 'that the' and a name, and after 'what' and a group ('what officials said were')",
       "The frigate sank a trawler that the Varn Navy said was a pirate ship. The rule passed over the objections "
       "of what officials said were the bulk of the comments.",
       {{"Varn Navy", "ORG", "e2"}},
       {{"was a pirate ship", "indirect", "e2", "Varn Navy", "said", ""},
        {"were the bulk of the comments", "indirect", "", "officials", "said", ""}}},
      {"the same for a spokesperson 'at naval headquarters'",
       "Commandos caught the pirates and took 23 of them into custody, a spokesperson at naval headquarters said.",
       {},
       {{"Commandos caught the pirates and took 23 of them into custody", "indirect", "", "a spokesperson", "said",
         ""}}},
  });
}

// Issue 16, point 5: headline quotations, attributed from the body.
TEST(FindTitleQuotesTest, AttributedFromTheBody) {
  struct Row {
    const char* name;
    const char* title;
    const char* text;
    std::vector<MentionSpec> mentions;
    std::vector<Expected> quotes;  // cue and medium unchecked beyond cue
  };
  const std::vector<Row> rows = {
      {"a quoted sentence said in the body", "\"We will not close a single library,\" Esker mayor vows",
       "Esker's mayor, Hildegard Voss, spoke on Monday. \"We will not close a single library,\" Voss said.",
       {{"Hildegard Voss", "PERSON", "e1"}, {"Voss", "PERSON", "e1"}},
       {{"We will not close a single library,", "direct", "e1", "Hildegard Voss", "vows", ""}}},
      {"a report before ', X says': the name the headline gives", "Cardell levy vote will go ahead, Whitlock says",
       "Party Chairman Dana Whitlock told reporters the vote would go ahead.", {{"Dana Whitlock", "PERSON", "e1"}},
       {{"Cardell levy vote will go ahead", "indirect", "e1", "Dana Whitlock", "says", ""}}},
      {"a role noun: the person it describes in the body",
       "Tycoon's tax returns show years without payment, adviser says",
       "The returns are unusual, said Ellis Varga, a senior adviser who has studied the case.",
       {{"Ellis Varga", "PERSON", "e1"}},
       {{"Tycoon's tax returns show years without payment", "indirect", "e1", "Ellis Varga", "says", ""}}},
      {"quoted words inside the headline's sentence are partial",
       "Aide tells court he \"never saw a bribe\"", "Piotr Salas said he \"never saw a bribe\" in four years.",
       {{"Piotr Salas", "PERSON", "e1"}},
       {{"never saw a bribe", "partial", "e1", "Piotr Salas", "tells", ""}}},
      {"a title of a work is no quotation", "Channel drops \"The Pitch Room\" after one season",
       "The show ended.", {}, {}},
  };
  for (const Row& r : rows) {
    const std::string text = r.text;
    std::vector<EntityMention> mentions = MakeMentions(text, r.mentions);
    const std::vector<Quote> body = FindIn(text, &mentions);
    const std::vector<Quote> q = FindTitleQuotes(r.title, text, body, mentions);
    ASSERT_EQ(q.size(), r.quotes.size()) << r.name << Describe(q);
    for (size_t i = 0; i < q.size(); ++i) {
      EXPECT_EQ(q[i].text, r.quotes[i].text) << r.name;
      EXPECT_EQ(q[i].kind, r.quotes[i].kind) << r.name;
      EXPECT_EQ(q[i].speaker, r.quotes[i].speaker) << r.name;
      EXPECT_EQ(q[i].speaker_name, r.quotes[i].speaker_name) << r.name;
      EXPECT_EQ(q[i].cue, r.quotes[i].cue) << r.name;
      const std::string title = r.title;
      EXPECT_EQ(q[i].span.start, CodePoints(title, title.find(q[i].text))) << r.name;
    }
  }
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
// Issue 16, the eleventh real-news quotation round
// (eval/quotes/ecbplus-news-8.json): rules from the ECB+ dev rows' errors,
// each on invented text.
TEST(FindQuotesTest, Issue16RealNewsEleventhRound) {
  ExpectCases({
      {"a postposed 'confirms to' and the outlet told: the report is the owned description's, and the quotation "
       "after it too",
       "Mara Velk checked into a clinic in Varnby on Thursday night, her rep confirms to the Harbor Gazette. "
       "\u201cShe hated the first one.\u201d",
       {{"Mara Velk", "PERSON", "e1"}, {"Varnby", "PLACE", "e2"}, {"Harbor Gazette", "ORG", "e3"}},
       {{"Mara Velk checked into a clinic in Varnby on Thursday night", "indirect", "", "Mara Velk's rep",
         "confirms", ""},
        {"She hated the first one.", "direct", "", "Mara Velk's rep", "", ""}}},
      {"a place adverb ('there', 'here') and an auxiliary between a postposed subject and its cue",
       "A climber fell 600 metres to his death on Mount Varn, police there have said. The path will stay closed, "
       "officials here said.",
       {{"Mount Varn", "PLACE", "e2"}},
       {{"A climber fell 600 metres to his death on Mount Varn", "indirect", "", "police", "said", ""},
        {"The path will stay closed", "indirect", "", "officials", "said", ""}}},
      {"'said late Thursday that': 'late' before a time word is part of the time phrase",
       "Prosecutor Ivo Renn had said late Thursday that the singer would be arrested.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"the singer would be arrested", "indirect", "e1", "Ivo Renn", "said", ""}}},
      {"'said at least a dozen people were': a bound and 'a dozen' open the clause's subject",
       "Constable Ivo Renn said at least a dozen people were at the party when the gunman arrived.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"at least a dozen people were at the party when the gunman arrived", "indirect", "e1", "Ivo Renn", "said",
         ""}}},
      {"'told the X news agency four villages had been destroyed': a figure in words opens the clause",
       "The island's governor, Ivo Renn, told the Varnpress news agency four villages had been destroyed.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Varnpress", "ORG", "e2"}},
       {{"four villages had been destroyed", "indirect", "e1", "Ivo Renn", "told", ""}}},
      {"crowd nouns as speakers: organizers, environmentalists, fire crews",
       "The festival will return to Varnby next year, organizers said on Friday. Environmentalists argued that the "
       "change weakened the law. Half the roof has collapsed, fire crews said.",
       {{"Varnby", "PLACE", "e2"}},
       {{"The festival will return to Varnby next year", "indirect", "", "organizers", "said", ""},
        {"the change weakened the law", "indirect", "", "environmentalists", "argued", ""},
        {"Half the roof has collapsed", "indirect", "", "fire crews", "said", ""}}},
      {"a proper adjective before a body noun ('Dutch police') is the description, not the place named before",
       "A man has died in a prison in Varnby hours after his arrest, Dutch police say.",
       {{"Varnby", "PLACE", "e2"}},
       {{"A man has died in a prison in Varnby hours after his arrest", "indirect", "", "Dutch police", "say", ""}}},
      {"'the navy said' is the navy named before; 'the army said' is no epithet for another organisation",
       "The Varnish navy said it had captured 23 pirates. The boats tried to escape. \u201cTwenty-three men "
       "surrendered,\u201d the navy said. Harbor Town FC cancelled its match. \u201cThe roads are closed,\u201d the "
       "army said.",
       {{"Varnish navy", "ORG", "e1"}, {"Harbor Town FC", "ORG", "e2"}},
       {{"it had captured 23 pirates", "indirect", "e1", "Varnish navy", "said", ""},
        {"Twenty-three men surrendered,", "direct", "e1", "Varnish navy", "said", ""},
        {"The roads are closed,", "direct", "", "the army", "said", ""}}},
      {"a sentence-opening mark right after a closed quotation opens a paragraph the text lost, unclosed before the "
       "next one",
       "Ina Marr, from the fire service, said: \u201cIt started outside.\u201d \u201cIt then spread to the roof, but "
       "the crew arrived early. \u201cWe stopped it spreading further.\u201d Engineers were called.",
       {{"Ina Marr", "PERSON", "e1"}},
       {{"It started outside.", "direct", "e1", "Ina Marr", "said", ""},
        {"It then spread to the roof, but the crew arrived early.", "direct", "e1", "Ina Marr", "", ""},
        {"We stopped it spreading further.", "direct", "e1", "Ina Marr", "", ""}}},
      {"'and, in a careful phrasing, said': a preposition's phrase between commas is no subject",
       "Ivo Renn said he had been \u201cin a whirlwind romance\u201d with the series, and, in a careful phrasing, said "
       "he is \u201cvery grateful to have received the permission.\u201d",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"in a whirlwind romance", "partial", "e1", "Ivo Renn", "said", ""},
        {"very grateful to have received the permission.", "partial", "e1", "Ivo Renn", "said", ""}}},
      {"a crowd noun with a preposition's phrase ('Officials at the X', 'Residents of the village') speaks as written",
       "Officials at the Varn Harbour Board said they have reimposed the ban. The boats sank, residents of the "
       "village said.",
       {{"Varn Harbour Board", "ORG", "e2"}},
       {{"they have reimposed the ban", "indirect", "", "officials at the Varn Harbour Board", "said", ""},
        {"The boats sank", "indirect", "", "residents of the village", "said", ""}}},
      {"'adding all their furniture had been buried': a determiner after a quantifier opening the subject",
       "\u201cWe have nowhere to go,\u201d Ivo Renn said, adding all their furniture had been buried.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"We have nowhere to go,", "direct", "e1", "Ivo Renn", "said", ""},
        {"all their furniture had been buried", "indirect", "e1", "Ivo Renn", "adding", ""}}},
      {"', saying it had fired': a participle and a pronoun are no inverted attribution of the clause before",
       "The Varnish navy defended its actions, saying it had fired in self-defense.",
       {{"Varnish navy", "ORG", "e1"}},
       {}},
      {"a quotation, then 'and that' and a long reported clause before the inverted cue: the cue's name speaks",
       "\u201cBy closing the old road, we are making sure the village stays safe\u201d and that the new bridge will be "
       "checked every single week by an independent firm, said Town Clerk Ina Marr.",
       {{"Ina Marr", "PERSON", "e1"}},
       {{"By closing the old road, we are making sure the village stays safe", "direct", "e1", "Ina Marr", "said",
         ""}}},
      {"', said NAME, chief of the X.': a name and its apposition after an inverted cue are the speaker, not content",
       "Firefighters found smoke coming out of windows at the back of the structure, said Ivo Renn, chief of the "
       "Varn Fire Department.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Varn Fire Department", "ORG", "e2"}},
       {{"Firefighters found smoke coming out of windows at the back of the structure", "indirect", "e1", "Ivo Renn",
         "said", ""}}},
      {"'told police NAME loaded', 'told reporters the bridge closed': a subject and a past tense after the one told",
       "Ivo Renn later told police Ina Marr loaded a shell into the shotgun. Renn told reporters the bridge closed on "
       "Monday.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Ina Marr", "PERSON", "e2"}, {"Renn", "PERSON", "e1"}},
       {{"Ina Marr loaded a shell into the shotgun", "indirect", "e1", "Ivo Renn", "told", ""},
        {"the bridge closed on Monday", "indirect", "e1", "Ivo Renn", "told", ""}}},
      {"a crowd noun with a preposition's phrase before ', who said' speaks, not the ship or place in the phrase",
       "The warship received a distress call from seamen on board the MV Varna, who said they were being fired on. "
       "The reporter spoke to residents of Varnby, who said the relief was slow.",
       {{"MV Varna", "ORG", "e1"}, {"Varnby", "PLACE", "e2"}},
       {{"they were being fired on", "indirect", "", "seamen on board the MV Varna", "said", ""},
        {"the relief was slow", "indirect", "", "residents of Varnby", "said", ""}}},
      {"a crowd noun opening the clause is the subject of a coordinated cue ('Investigators are … and said')",
       "Investigators are looking at the cause of the blaze and said it was too early to link the two fires.",
       {},
       {{"it was too early to link the two fires", "indirect", "", "investigators", "said", ""}}},
      {"'confirmed to People and Us Weekly on Friday': two outlets told, joined by 'and', are no content",
       "Ina Marr has entered a clinic, her rep confirmed to People and Us Weekly on Friday.",
       {{"Ina Marr", "PERSON", "e1"}},
       {{"Ina Marr has entered a clinic", "indirect", "", "Ina Marr's rep", "confirmed", ""}}},
      {"a capitalised body noun right after a dateline's year ('2013 Police say') names nothing, not the place before",
       "The woman was taken to Varn Hospital Saturday, Sep 14, 2013 Police say a woman died after being struck by a "
       "car.",
       {{"Varn Hospital", "ORG", "e1"}},
       {{"a woman died after being struck by a car", "indirect", "", "police", "say", ""}}},
      {"a quoted title ('“Year of the Woman,”') before ', writing that': the participle reports its own clause",
       "Varnpress saw the choice as a continuation of the Academy's \u201cYear of the Woman,\u201d writing that "
       "the show \u201cwill put women in the driver's seat.\u201d",
       {{"Varnpress", "ORG", "e1"}},
       {{"will put women in the driver's seat.", "partial", "e1", "Varnpress", "writing", ""}}},
      {"a passive 'was declared as “…”' or ', described as “…”,' with no agent quotes nobody",
       "The owl was declared as \u201cthreatened\u201d last year. A climber, described as \u201clacking "
       "experience\u201d, died on Mount Varn.",
       {{"Mount Varn", "PLACE", "e1"}},
       {}},
      {"a short quote between a first name and a surname is a nickname ('Ivo “the Hammer” Renn'), nobody's words",
       "One of the best-known bosses, Ivo \u201cthe Hammer\u201d Renn, has died in prison in Varnby.",
       {{"Ivo", "PERSON", "e1"}, {"Varnby", "PLACE", "e2"}},
       {}},
  });
}

// The twelfth real-news round (eval/quotes/ecbplus-news-9.json, dev errors),
// on invented text.
TEST(FindQuotesTest, Issue16RealNewsTwelfthRound) {
  ExpectCases({
      {"a source introduced by a stance verb ('welcomed the decision') speaks the quotation with no cue after it",
       "The ministry will close the Marsh Road depot, Ivo Renn announced on Monday. Ilse Brandt, director of the "
       "Varnby Cyclists' Union, welcomed the decision. \u201cThis is a good day for everyone who rides to work.\u201d",
       {{"Ivo Renn", "PERSON", "e1"}, {"Ilse Brandt", "PERSON", "e2"}, {"Varnby Cyclists' Union", "ORG", "e3"}},
       {{"The ministry will close the Marsh Road depot", "indirect", "e1", "Ivo Renn", "announced", ""},
        {"This is a good day for everyone who rides to work.", "direct", "e2", "Ilse Brandt", "", ""}}},
      {"a quotation right after a cue in a relative clause ('a clerk who had yelled, \u201c\u2026\u201d') is the "
       "antecedent's, not the reporter's after it",
       "Ina Marr fired at a clerk who had followed her in and had yelled, \u201cRun, she has a gun!\u201d Ivo Renn "
       "said.",
       {{"Ina Marr", "PERSON", "e1"}, {"Ivo Renn", "PERSON", "e2"}},
       {{"Run, she has a gun!", "direct", "", "a clerk", "yelled", ""}}},
      {"an unnamed spokesman in a sentence about a person ('X opposed it, with a spokesman stating:') is that "
       "person's",
       "The Varnby Harbour Act (VHA) was changed in May. At the time, during the campaign, Ina Marr stated that she "
       "opposed the changes with a spokesman stating: \u201cThe senator will fight this rule.\u201d",
       {{"Ina Marr", "PERSON", "e1"}, {"Varnby Harbour Act", "ORG", "e2"}, {"VHA", "ORG", "e2"}},
       {{"The senator will fight this rule.", "direct", "", "Ina Marr's spokesman", "stating", ""}}},
      {"'the source' after 'a major - league source' (a compound spaced around its hyphen) is that source",
       "Two scouts watched the match on Sunday, a major - league source said. \u201cProgress was being made "
       "today,\u201d the source said.",
       {},
       {{"Two scouts watched the match on Sunday", "indirect", "", "a major - league source", "said", ""},
        {"Progress was being made today,", "direct", "", "a major - league source", "said", ""}}},
      {"'…, the statement from X said.': a document from a body named in its phrase is the body's",
       "Ivo Renn, 49, ran away on foot with a guard's gun, the statement from the Varnby Prison Service said. He was "
       "serving a life sentence, it said.",
       {{"Ivo Renn", "PERSON", "e1"}, {"Varnby Prison Service", "ORG", "e2"}},
       {{"Ivo Renn, 49, ran away on foot with a guard's gun", "indirect", "e2", "Varnby Prison Service", "said",
         "statement"},
        {"He was serving a life sentence", "indirect", "e2", "Varnby Prison Service", "said", "statement"}}},
      {"the same with the body's name no entity covers (a new speaker named as written)",
       "Ivo Renn, 49, ran away on foot with a guard's gun, the statement from the Varnby Department of Prisons "
       "said.",
       {{"Ivo Renn", "PERSON", "e1"}},
       {{"Ivo Renn, 49, ran away on foot with a guard's gun", "indirect", "e2", "Varnby Department of Prisons",
         "said", "statement"}}},
      {"'X told a judge that [A] and argued that [B]': the coordinated cue's subject is the first cue's",
       "Ivo Renn told a judge that Mara Velk was settling in at the clinic and argued that the actress should be "
       "allowed to stay there.",
       {kRenn, kVelk},
       {{"Mara Velk was settling in at the clinic", "indirect", "e5", "Ivo Renn", "told", ""},
        {"the actress should be allowed to stay there", "indirect", "e5", "Ivo Renn", "argued", ""}}},
      {"'Asked by the judge if [...], he responded \u201cYes.\u201d': the question is the judge's, the answer ends it",
       "Ivo Renn was charged with murder. Asked by the judge if he understood the charges against him, he "
       "responded \u201cYes.\u201d",
       {kRenn},
       {{"he understood the charges against him", "indirect", "", "the judge", "asked", ""},
        {"Yes.", "direct", "e5", "Ivo Renn", "responded", ""}}},
      {"'\u201c\u2026,\u201d a statement said, while a spokesman said [clause]': the clause after the attribution "
       "is a report of its own",
       "Three cables were cut on Friday. \u201cThe cause remains unclear,\u201d Varnby Telecom said in a statement, "
       "while a spokesman said it was unlikely to have been an attack.",
       {{"Varnby Telecom", "ORG", "e1"}},
       {{"The cause remains unclear,", "direct", "e1", "Varnby Telecom", "said", "statement"},
        {"it was unlikely to have been an attack", "indirect", "e1", "Varnby Telecom", "said", "statement"}}},
      {"'Update: As several readers have noted in the comments, [clause]': an 'as' clause after a label",
       "The fix is out. Update: As several readers have already noted in the comments, the fix works only on older "
       "machines.",
       {},
       {{"the fix works only on older machines", "indirect", "", "several readers", "noted", ""}}},
      {"'X from Y's relief agency said [clause]': the person before the preposition speaks, not the body after it",
       "Ivo Renn from Varnby's Red Cross relief agency said the four worst-hit villages were Tonban and Gavar. A "
       "friend of Mr Mara Velk from Leeds said the house was empty.",
       {kRenn, {"Varnby", "PLACE", "e2"}, {"Red Cross", "ORG", "e3"}, {"Mara Velk", "PERSON", "e1"}},
       {{"the four worst-hit villages were Tonban and Gavar", "indirect", "e5", "Ivo Renn", "said", ""},
        {"the house was empty", "indirect", "", "a friend of Mr Mara Velk", "said", ""}}},
  });
}

// Issue 16, the thirteenth real-news round (ecbplus-news-10.json, dev errors
// only): each row failed before its rule.
TEST(FindQuotesTest, Issue16RealNewsThirteenthRound) {
  ExpectCases({
      {"'…, a Varnby Telecom spokeswoman who asked not to be named said.': the clause withholding the name sits "
       "between the subject and its verb; the body speaks, and 'she' after it",
       "The cable runs from Dover to Kelso, a Varnby Telecom spokeswoman who asked not to be named said. The firm "
       "is not sure what caused the cut, she said.",
       {{"Dover", "PLACE", "e2"}, {"Kelso", "PLACE", "e3"}, {"Varnby Telecom", "ORG", "e1"}},
       {{"The cable runs from Dover to Kelso", "indirect", "e1", "Varnby Telecom", "said", ""},
        {"The firm is not sure what caused the cut", "indirect", "e1", "Varnby Telecom", "said", ""}}},
      {"(a guard) a number after 'said around' is no time of day: 'police said around 40 people were missing' "
       "reports the clause",
       "A quake struck Tolby on Monday. Three buildings collapsed, police said around 40 people were missing.",
       {},
       {{"around 40 people were missing", "indirect", "", "police", "said", ""}}},
      {"(a guard, passing before too) the same before the clause ('An official who spoke on condition of "
       "anonymity said [clause]')",
       "An official who spoke on condition of anonymity said the talks had failed.",
       {},
       {{"the talks had failed", "indirect", "", "an official", "said", ""}}},
      {"a quotation after a colon ending a clause with its verb ('The judge offered advice for the guards who "
       "will watch Renn: \u201c\u2026\u201d') is the clause subject's, not the object name's before the colon",
       "Judge Mara Velk sentenced Ivo Renn to life. The judge offered advice for the guards who will watch Renn: "
       "\u201cDo not trust Mr. Renn ever again.\u201d",
       {kVelk, {"Ivo Renn", "PERSON", "e5"}, {"The judge", "PERSON", "e1"}, {"Renn", "PERSON", "e5"}},
       {{"Do not trust Mr. Renn ever again.", "direct", "e1", "Mara Velk", "", ""}}},
      {"'A statement from Marlow said [clause]. \u201c\u2026,\u201d it added.': a name typed as a place reports "
       "as a body does, and 'it' continues its turn",
       "A Varnby Police spokeswoman said: \u201cThe fire has spread through the depot.\u201d A statement from "
       "Marlow said damage to the depot had been extensive. \u201cWe have set up a fund for the staff,\u201d it "
       "added.",
       {{"Varnby Police", "ORG", "e2"}, {"Marlow", "PLACE", "e1"}},
       {{"The fire has spread through the depot.", "direct", "e2", "Varnby Police", "said", ""},
        {"damage to the depot had been extensive", "indirect", "e1", "Marlow", "said", "statement"},
        {"We have set up a fund for the staff,", "direct", "e1", "Marlow", "added", "statement"}}},
      {"a new sentence's opening mark after the straight marks closing an inner quotation ('\u2026 shot! ''' "
       "\u201cThis is \u2026') ends the open quotation there",
       "\u201cI heard the alarm and I ran,\u201d Ivo Renn said. \u201cAs I was running they were yelling, "
       "'Get out, there is a fire! ''' "
       "\u201cThis is a sad day for the town,\u201d the council said in a statement.",
       {kRenn, {"the council", "ORG", "e2"}},
       {{"I heard the alarm and I ran,", "direct", "e5", "Ivo Renn", "said", ""},
        {"As I was running they were yelling, 'Get out, there is a fire! '''", "direct", "e5", "Ivo Renn", "", ""},
        {"This is a sad day for the town,", "direct", "e2", "the council", "said", "statement"}}},
      {"English double marks do not nest: a double quotation never closed ends where a closed one inside it opens",
       "Mara Velk wrote to her readers. \u201cI am sad that the shop is closing, she wrote, but then noted that: "
       "\u201cNothing lasts forever.\u201d The owner \u201cis tired and wants to rest,\u201d she wrote.",
       {kVelk},
       {{"I am sad that the shop is closing, she wrote, but then noted that:", "direct", "e1", "Mara Velk", "", ""},
        {"Nothing lasts forever.", "direct", "e1", "Mara Velk", "", ""},
        {"is tired and wants to rest,", "partial", "e1", "Mara Velk", "wrote", ""}}},
      {"two straight single marks typed for an opening double one ('\u2026: ''The sea is \u2026,\u201d he was quoted "
       "as saying') open one quotation",
       "Ivo Renn, head of the seismic centre, dismissed fears of a wave, the Varnby News Agency reported. ''The sea "
       "is not deep enough for a wave,\u201d he was quoted as saying.",
       {kRenn, {"Varnby News Agency", "ORG", "e2"}},
       {{"Ivo Renn, head of the seismic centre, dismissed fears of a wave", "indirect", "e2", "Varnby News Agency",
         "reported", ""},
        {"The sea is not deep enough for a wave,", "direct", "e5", "Ivo Renn", "saying", ""}}},
      {"'An email from X advises \u2026: \u201c\u2026,\u201d it said.': 'it' is the document opening the sentence "
       "before, and its author speaks",
       "Varnby Air signed the lease in May. An email from Marsh & Partners to Ivo Renn advises him to release the "
       "figures: \u201cSay the cost of each plane will not rise,\u201d it said.",
       {{"Varnby Air", "ORG", "e3"}, {"Marsh & Partners", "ORG", "e2"}, kRenn},
       {{"Say the cost of each plane will not rise,", "direct", "e2", "Marsh & Partners", "said", "email"}}},
      {"'In a statement from her people, it was confirmed, \u201c\u2026\u201d': a passive cue names no one; the "
       "source the statement is from speaks",
       "Mara Velk has left the band. In a statement from her people, it was confirmed, \u201cMara is taking a long "
       "rest.\u201d",
       {kVelk},
       {{"Mara is taking a long rest.", "direct", "", "Mara Velk's people", "", "statement"}}},
      {"where or when a postposed attribution was said ('\u2026, X said at a news conference', '\u2026, she said "
       "around 5 p.m.') is no content, and the report before it is found",
       "The bridge will close for a month, Mayor Ivo Renn said at a news conference. The road will reopen in May, "
       "Renn said around 5 p.m. on Friday. The show held art and fashion, which were all images the paper observed "
       "at the opening.",
       {kRenn, {"Renn", "PERSON", "e5"}},
       {{"The bridge will close for a month", "indirect", "e5", "Ivo Renn", "said", "press-conference"},
        {"The road will reopen in May", "indirect", "e5", "Ivo Renn", "said", "press-conference"}}},
      {"'\u2026, her publicist confirmed.' with no person named before it: 'her' looks ahead to the first person "
       "the next sentence names",
       "The singer, who makes headlines for her wild parties, had checked into a clinic in Varnby, her publicist "
       "confirmed. He did not say what Mara Velk was being treated for.",
       {kVelk},
       {{"The singer, who makes headlines for her wild parties, had checked into a clinic in Varnby", "indirect", "",
         "Mara Velk's publicist", "confirmed", ""}}},
      {"'X said [A], though an anti-piracy watchdog later said [B]': a concessive clause sets a second source, "
       "unnamed too, against the first",
       "The Varnby Navy said it had sunk a pirate ship, though an anti-piracy watchdog later said the vessel was a "
       "fishing trawler.",
       {{"Varnby Navy", "ORG", "e2"}},
       {{"it had sunk a pirate ship", "indirect", "e2", "Varnby Navy", "said", ""},
        {"the vessel was a fishing trawler", "indirect", "", "an anti-piracy watchdog", "said", ""}}},
      {"'Police are treating the fire as \u201cpotentially suspicious\u201d': quoted words after a verb that classes "
       "('treating', 'regarded', 'classified') and 'as' are the clause subject's",
       "A depot in Varnby was destroyed on Friday. Police are treating the fire as \u201cpotentially "
       "suspicious\u201d.",
       {{"Varnby", "PLACE", "e3"}},
       {{"potentially suspicious", "partial", "", "police", "", ""}}},
      {"'His attorneys argued that [A]; prosecutors argued [B]': people of a role in the plural owned by whom 'his' "
       "refers to, and a second report after a semicolon with its own, unnamed, source",
       "Vincent \u201cChin\u201d Renn died in prison on Monday. His attorneys argued that he was mentally ill; "
       "prosecutors argued he was feigning illness. Renn was 77.",
       {{"Chin\u201d Renn", "PERSON", "e1"}, {"Renn", "PERSON", "e1"}},
       {{"he was mentally ill", "indirect", "", "Renn's attorneys", "argued", ""},
        {"he was feigning illness", "indirect", "", "prosecutors", "argued", ""}}},
      {"', if, as Mara Velk indicates, [clause]': an 'as' clause set off by commas inside the sentence reports "
       "the clause after it",
       "It is not clear what Varnby Soft has in mind, if, as Mara Velk indicates, the patch is not a real update.",
       {kVelk, {"Varnby Soft", "ORG", "e2"}},
       {{"the patch is not a real update", "indirect", "e1", "Mara Velk", "indicates", ""}}},
      {"(a guard) the same verb as a gerund after a preposition is not the clause's: 'criticised by the coroner "
       "for treating her pleas as \u201ca paperwork exercise\u201d' is no quotation of the landlord's",
       "Landlord Varnby Homes was criticised by the coroner for treating her pleas as \u201ca paperwork "
       "exercise\u201d.",
       {{"Varnby Homes", "ORG", "e2"}},
       {}},
  });
}

TEST(FindQuotesTest, Issue16RealNewsFourteenthRound) {
  ExpectCases({
      {"a name after an indefinite article ('described as a Goth') is a kind of person: no pronoun refers to it",
       "Ivo Renn was held on Monday. \u201cI never heard a thing,\u201d Renn told reporters. His brother, who "
       "was described as a Goth, was away. \u201cIt was quiet all night,\u201d he said.",
       {kRenn, {"Renn", "PERSON", "e5"}, {"Goth", "PERSON", "e2"}},
       {{"I never heard a thing,", "direct", "e5", "Ivo Renn", "told", ""},
        {"It was quiet all night,", "direct", "e5", "Ivo Renn", "said", ""}}},
      {"a one-word mention is the name, not a title: 'King' (a surname) gives no gender, so 'she' can be King",
       "Mara King, 39, saw the crash from her window. King said she had seen a van hit the wall. \u201cI ran "
       "down at once,\u201d she said.",
       {{"Mara King", "PERSON", "e1"}, {"King", "PERSON", "e1"}},
       {{"she had seen a van hit the wall", "indirect", "e1", "Mara King", "said", ""},
        {"I ran down at once,", "direct", "e1", "Mara King", "said", ""}}},
      {"a capitalised pronoun after an abbreviation's full stop ('\u2026 on Elm St. She said \u2026') opens a "
       "report of its own where the splitter joined the sentences",
       "Mara Velk told the paper she was woken by shouting on Elm St. She said she saw two men run to a car.",
       {kVelk},
       {{"she was woken by shouting on Elm St.", "indirect", "e1", "Mara Velk", "told", "interview"},
        {"she saw two men run to a car", "indirect", "e1", "Mara Velk", "said", "interview"}}},
      {"a gerund with its object right after 'admitted', 'denied', 'recalled' or 'reported' is the content "
       "('denied wrongdoing' is a noun)",
       "Ivo Renn admitted setting the fire in the depot. He denied wrongdoing at the bank. Mara Velk recalled "
       "seeing the smoke from her window.",
       {kRenn, kVelk},
       {{"setting the fire in the depot", "indirect", "e5", "Ivo Renn", "admitted", ""},
        {"seeing the smoke from her window", "indirect", "e1", "Mara Velk", "recalled", ""}}},
      {"'A neighbour said [\u2026]. \u201c\u2026,\u201d she said.': one unnamed person news quotes by a tie to "
       "the event (a neighbour, a relative, a witness) continues as 'he' or 'she'",
       "Ivo Renn was arrested at his home in Tolby. A neighbour said she heard screams at 3am. \u201cIt sounded "
       "like a dog,\u201d she said.",
       {kRenn},
       {{"she heard screams at 3am", "indirect", "", "a neighbour", "said", ""},
        {"It sounded like a dog,", "direct", "", "a neighbour", "said", ""}}},
      {"'A police source said [\u2026]. When Mara King was asked \u2026, she told them [\u2026]': a person the "
       "pronoun's own sentence names before it outweighs an unnamed source of the sentence before",
       "A police source said the men had fled on foot. When Mara King was asked what she saw, she told them she "
       "could not see the car.",
       {{"Mara King", "PERSON", "e1"}},
       {{"the men had fled on foot", "indirect", "", "a police source", "said", ""},
        {"she could not see the car", "indirect", "e1", "Mara King", "told", ""}}},
      {"an abbreviated title with its full stop ('Rep.', 'Sen.', 'Gov.') taken for a name is never the speaker; "
       "the name after it is",
       "Rep. Ivo Renn, D-Tolby, called a hearing and said members would work to restore the act.",
       {{"Rep.", "PERSON", "e2"}, kRenn},
       {{"members would work to restore the act", "indirect", "e5", "Ivo Renn", "said", ""}}},
      {"'\u201cNo.\u201d': a quoted answer the tokenizer read as the abbreviation 'No.' ends its sentence and "
       "continues the last speaker",
       "The Harriers won on Sunday. \u201cWould we have done it without him?\u201d coach Ivo Renn asked. "
       "\u201cNo.\u201d The striker broke the record in the second half.",
       {kRenn},
       {{"Would we have done it without him?", "direct", "e5", "Ivo Renn", "asked", ""},
        {"No.", "direct", "e5", "Ivo Renn", "", ""}}},
      {"'X, speaking at Velk's hearing, said he asked \u2026': the pronoun right after a person's own verb of "
       "saying is that person, so a later 'she said' is not theirs",
       "Mara Velk told police she had set the fire. Detective Ivo Renn, speaking at Velk's hearing, said he asked "
       "how she felt after the fire. \u201cI don't feel anything,\u201d she said.",
       {kVelk, kVelkSurname, kRenn},
       {{"she had set the fire", "indirect", "e1", "Mara Velk", "told", ""},
        {"he asked how she felt after the fire", "indirect", "e5", "Ivo Renn", "said", ""},
        {"I don't feel anything,", "direct", "e1", "Mara Velk", "said", ""}}},
      {"'He said [\u2026]. Later in the afternoon, \u201c\u2026\u201d': a phrase of time opening the "
       "quotation's sentence leaves the sentence before to introduce it",
       "\u201cWe closed the branch,\u201d Ivo Renn said. Mara Velk, who lives nearby, said she saw a police car "
       "at the bank. Later in the afternoon, \u201cI heard a loud bang from my kitchen.\u201d",
       {kRenn, kVelk},
       {{"We closed the branch,", "direct", "e5", "Ivo Renn", "said", ""},
        {"she saw a police car at the bank", "indirect", "e1", "Mara Velk", "said", ""},
        {"I heard a loud bang from my kitchen.", "direct", "e1", "Mara Velk", "", ""}}},
      {"'Mara Velk, 17, who works nearby, also heard the blast. \u201c\u2026\u201d': a person the sentence "
       "introduces with an apposition, acting, speaks the quotation with no cue after it",
       "\u201cWe closed the branch,\u201d Ivo Renn said. Mara Velk, 17, who works at a garage nearby, also heard "
       "the blast. \u201cAt first I thought it was thunder.\u201d",
       {kRenn, kVelk},
       {{"We closed the branch,", "direct", "e5", "Ivo Renn", "said", ""},
        {"At first I thought it was thunder.", "direct", "e1", "Mara Velk", "", ""}}},
      {"(a guard) a person introduced as the one something happened to ('Mara Velk, 17, was hurt') does not speak "
       "the quotation after it",
       "\u201cWe closed the branch,\u201d Ivo Renn said. Mara Velk, 17, who works at a garage nearby, was hurt "
       "in the blast. \u201cShe is a brave girl.\u201d",
       {kRenn, kVelk},
       {{"We closed the branch,", "direct", "e5", "Ivo Renn", "said", ""},
        {"She is a brave girl.", "direct", "e5", "Ivo Renn", "", ""}}},
      {"'X was asked by Judge Y if [A] and if [B]. He responded, \u201cYes,\u201d': a passive question with its "
       "asker is the asker's, one question per 'if', and the asker does not answer it",
       "Ivo Renn is charged with arson. Renn was asked by Judge Tom Walsh if he understood the charges against him "
       "and if he knew he could be sent to prison. He responded, \u201cYes,\u201d to each question.",
       {kRenn, {"Renn", "PERSON", "e5"}, {"Tom Walsh", "PERSON", "e2"}},
       {{"he understood the charges against him", "indirect", "e2", "Tom Walsh", "asked", ""},
        {"he knew he could be sent to prison", "indirect", "e2", "Tom Walsh", "asked", ""},
        {"Yes,", "direct", "e5", "Ivo Renn", "responded", ""}}},
      {"'But according to X, [\u2026]': a conjunction opening the sentence leaves 'according to' its first words",
       "Police gave few details. But according to Ivo Renn, two threats came into the bank on Friday.",
       {kRenn},
       {{"two threats came into the bank on Friday", "indirect", "e5", "Ivo Renn", "according to", ""}}},
      {"'X said other jurors told him [the three holdouts refused \u2026]': a bare clause whose subject told the "
       "speaker what it reports relays them; they speak",
       "The vote was nine to three. Ivo Renn said other jurors told him the three holdouts refused to deliberate.",
       {kRenn},
       {{"the three holdouts refused to deliberate", "indirect", "", "other jurors", "told", ""}}},
      {"'Friends said [\u2026]', 'Neighbours said [\u2026]': people quoted by their tie to someone, in the plural, "
       "are a crowd that speaks (lexicons/collectives.txt)",
       "The man was arrested on Saturday. Friends said Ivo Renn was close to his family.",
       {kRenn},
       {{"Ivo Renn was close to his family", "indirect", "", "friends", "said", ""}}},
      {"'A representative for Mr. Renn said [\u2026]': a spokesperson's noun before a titled person names that "
       "person's spokesperson, not the organisation named last",
       "Ivo Renn will host the show. Varnby TV will broadcast it on May 2. A representative for Mr. Renn said he was "
       "on a film set in Tolby and was unavailable.",
       {kRenn, {"Renn", "PERSON", "e5"}, {"Varnby TV", "ORG", "e2"}},
       {{"he was on a film set in Tolby and was unavailable", "indirect", "e5", "Ivo Renn", "said", ""}}},
      {"'\u2026, a police sergeant said. \u2026 Sgt. Ivo Renn said \u2026': an unnamed 'a \u2026 sergeant' is the "
       "one person named later with that rank's abbreviated title",
       "A man walked into the bank with a shotgun, a police sergeant said on Monday. The man fled on foot. Police "
       "Sgt. Ivo Renn said officers found the gun in a bin.",
       {kRenn},
       {{"A man walked into the bank with a shotgun", "indirect", "e5", "Ivo Renn", "said", ""},
        {"officers found the gun in a bin", "indirect", "e5", "Ivo Renn", "said", ""}}},
      {"'X told the paper that his bank for a call \u201cfrom \u2026\u201d' (a verb the outlet dropped): a cue word "
       "after a determiner ('a call', 'the report') is a noun; the sentence's verb of saying and its subject "
       "attribute the quoted words",
       "The bank was empty, according to Ivo Renn. Renn told the Tolby Journal that his bank for a call \u201cfrom "
       "an unknown man saying we should look for a bomb. We called the police, but they found nothing.\u201d",
       {kRenn, {"Renn", "PERSON", "e5"}, {"Tolby Journal", "ORG", "e2"}},
       {{"The bank was empty", "indirect", "e5", "Ivo Renn", "according to", ""},
        {"from an unknown man saying we should look for a bomb. We called the police, but they found nothing.",
         "partial", "e5", "Ivo Renn", "told", "interview"}}},
      {"'When the driver yelled, \u201cDon't move!\u201d the men froze, she said.': the plain noun phrase before "
       "the verb of saying that introduces the quotation is its unnamed speaker (a body or a place is not)",
       "Mara Velk saw the car stop. When the driver yelled, \u201cDon't move!\u201d the men froze, she said.",
       {kVelk},
       {{"Don't move!", "direct", "", "the driver", "yelled", ""}}},
      {"'X said a witness heard a guard yell, \u201c\u2026?\u201d': the verb of saying nearest the opening mark, "
       "'yell' after a verb of perception, gives the quotation's speaker, not the sentence's reporter",
       "Police fired eleven shots. Ivo Renn said a witness heard a guard yell, \u201cWhat do you have in your "
       "hands?\u201d but the witness was far away.",
       {kRenn},
       {{"What do you have in your hands?", "direct", "", "a guard", "yell", ""}}},
      {"'X said [the road will remain closed \u2026], adding that [\u2026]': the 'that' of a second verb of saying "
       "is that verb's; the first report keeps its own clause",
       "Officers closed the area. Sheriff Ivo Renn said the road will remain closed through the weekend, adding "
       "that he did not know if there could be more bombs.",
       {kRenn},
       {{"the road will remain closed through the weekend", "indirect", "e5", "Ivo Renn", "said", ""},
        {"he did not know if there could be more bombs", "indirect", "e5", "Ivo Renn", "adding", ""}}},
      {"'X, who argued [he was insane \u2026], spoke \u2026': a report inside a relative clause set off by commas "
       "ends at the clause's closing comma",
       "Ivo Renn, who argued he was insane when he set the fires, spoke for the first time in court on Saturday.",
       {kRenn},
       {{"he was insane when he set the fires", "indirect", "e5", "Ivo Renn", "argued", ""}}},
      {"'it's safe to say [\u2026]', 'fair to say', 'needless to say': the writer's judgement in an idiom is no one's "
       "report",
       "Ivo Renn broke the record on Sunday. After guiding the team back to the playoffs - and breaking the "
       "record for a first - year player - it's safe to say Renn exceeded all of them.",
       {kRenn, {"Renn", "PERSON", "e5"}},
       {}},
      {"'[\u2026], said Ivo Renn, who would not say why.': a name after an inverted cue with its relative clause "
       "or apposition is the speaker; neither is content",
       "The permit was denied in March, said Ivo Renn, who would not say why the permit was denied.",
       {kRenn},
       {{"The permit was denied in March", "indirect", "e5", "Ivo Renn", "said", ""}}},
      {"(a guard) '\u2026 Academy, which hands out the honours, said Renn, 40, star of the film, will host \u2026': "
       "a name whose verb follows its appositions is the reported clause's subject",
       "The Varnby Academy, which hands out the honours, said Ivo Renn, 40, star of the epic film, will host the "
       "show.",
       {kRenn, {"Varnby Academy", "ORG", "e2"}},
       {{"Ivo Renn, 40, star of the epic film, will host the show", "indirect", "e2", "Varnby Academy", "said", ""}}},
      {"'\u2026, prompting critics to say [\u2026]': the object of a verb of causing speaks the report after 'to' "
       "(lexicons/causing_verbs.txt)",
       "Ivo Renn announced the changes on Thursday, prompting critics to say the rules would weaken the law.",
       {kRenn},
       {{"the rules would weaken the law", "indirect", "", "critics", "say", ""}}},
      {"(a guard, passing before too) '\u2026 admitted that [A] and also admitted lying \u2026': a gerund report "
       "coordinated with the report's own keeps its subject and relays no one",
       "Two witnesses spoke on Monday about Ivo Renn. The driver also admitted that he lied to police and also "
       "admitted lying in court.",
       {kRenn},
       {{"he lied to police and also admitted lying in court", "indirect", "", "the driver", "admitted", ""}}},
  });
}

TEST(FindQuotesTest, Issue16RealNewsFifteenthRound) {
  const MentionSpec kWalsh{"Tom Walsh", "PERSON", "e3"};
  const MentionSpec kVarnby{"Varnby Foods", "ORG", "e2"};
  ExpectCases({
      {"'X issued a statement Saturday evening saying [\u2026]': the issuer speaks, whatever time phrase follows "
       "the document",
       "Varnby Foods issued a statement Saturday evening saying it was \u201cdeeply saddened by the loss of our "
       "founder.\u201d",
       {kVarnby},
       {{"deeply saddened by the loss of our founder.", "partial", "e2", "Varnby Foods", "saying", "statement"}}},
      {"'In fact, according to X, [\u2026]': an introductory phrase before the source is no part of the report",
       "The Harriers lost on Sunday. In fact, according to the Tolby Sports Almanac, it was the first time a team had "
       "lost at home in May.",
       {{"Tolby Sports Almanac", "ORG", "e4"}},
       {{"it was the first time a team had lost at home in May", "indirect", "e4", "Tolby Sports Almanac",
         "according to", ""}}},
      {"'\u201c\u2026?\u201d X asked Y, who in turn said [\u2026]': the relative's antecedent is the one asked, "
       "named right before its comma",
       "\u201cSo which is it?\u201d lawyer Ivo Renn asked Tom Walsh, who in turn said he had seen the gun before.",
       {kRenn, kWalsh},
       {{"So which is it?", "direct", "e5", "Ivo Renn", "asked", ""},
        {"he had seen the gun before", "indirect", "e3", "Tom Walsh", "said", ""}}},
      {"'X asked Y, \u201c\u2026?\u201d \u201cYes,\u201d he responded.': an answer is the one asked's, not the "
       "asker's",
       "Ivo Renn asked Tom Walsh, \u201cYou lied to the jury, correct?\u201d \u201cYes,\u201d he responded.",
       {kRenn, kWalsh},
       {{"You lied to the jury, correct?", "direct", "e5", "Ivo Renn", "asked", ""},
        {"Yes,", "direct", "e3", "Tom Walsh", "responded", ""}}},
      {"'the 2005 book \u201cThe Long Night: Stories From \u2026\u201d': a work's title with its subtitle after a "
       "colon is a title, however long",
       "Ivo Renn is the author of the 2005 book \u201cThe Long Night: Stories From the Harbour and the Sea of "
       "Tolby.\u201d",
       {kRenn},
       {}},
      {"'the musical \u201cThe Boy From Tolby.\u201d', 'the romantic adventure \u201cHarbour Lights.\u201d': the "
       "sentence's full stop inside the marks (US style) leaves a title a title",
       "Ivo Renn starred in the musical \u201cThe Boy From Tolby.\u201d He also starred in the romantic adventure "
       "\u201cHarbour Lights.\u201d",
       {kRenn},
       {}},
      {"'X wrote that story, and \u2026': 'that' before one noun and a comma points at the noun; it opens no "
       "clause",
       "Ivo Renn wrote that story, and it ran on the front page of the paper.",
       {kRenn},
       {}},
      {"'X broke the news, but [A], they would later tell the world, [B]': the report split by the attribution "
       "starts after ', but'; 'the world' after 'tell' is the listener",
       "Ivo Renn and Tom Walsh broke the news, but it would not have been possible, they would later tell the "
       "world, without the help of the mayor.",
       {kRenn, kWalsh},
       {{"it would not have been possible", "indirect", "", "Ivo Renn and Tom Walsh", "tell", ""},
        {"without the help of the mayor", "indirect", "", "Ivo Renn and Tom Walsh", "", ""}}},
      {"'X asked Y, who in turn said [\u2026]' with no quotation in the sentence: 'in turn' between the relative "
       "and its verb leaves the antecedent, the one asked, the speaker",
       "Lawyer Ivo Renn asked Tom Walsh about the gun. Renn asked Walsh, who in turn said he had seen the gun "
       "before.",
       {kRenn, kWalsh, {"Renn", "PERSON", "e5"}, {"Walsh", "PERSON", "e3"}},
       {{"he had seen the gun before", "indirect", "e3", "Tom Walsh", "said", ""}}},
      {"'A key witness against murder suspect X \u2026 admitted [\u2026]': the object of 'against' is never the "
       "subject",
       "A key witness against murder suspect Ivo Renn identified him on Tuesday, then admitted he lied in his "
       "testimony.",
       {kRenn},
       {{"he lied in his testimony", "indirect", "", "a key witness", "admitted", ""}}},
      {"'X of the Union of Concerned Scientists, an activist group, said [\u2026]': the person the body's name and "
       "its apposition follow speaks, not the body",
       "Mara Velk of the Tolby Union of Concerned Farmers, an activist group, said the switch would help guard "
       "against conflicts of interest.",
       {kVelk},
       {{"the switch would help guard against conflicts of interest", "indirect", "e1", "Mara Velk", "said", ""}}},
      {"'Tolby Council officials described \u2026, but admitted that [\u2026]': a group of the body, not the body, is "
       "the subject of the coordinated verb",
       "Tolby Council officials described the plan as \u201cnarrow,\u201d but admitted that it was controversial.",
       {{"Tolby Council", "ORG", "e4"}},
       {{"narrow,", "partial", "", "Tolby Council officials", "described", ""},
        {"it was controversial", "indirect", "", "Tolby Council officials", "admitted", ""}}},
      {"'[\u2026], said X, author of the 2005 book \u201cThe Long Night: \u2026\u201d': a title in the speaker's "
       "apposition leaves the attribution postposed",
       "Opening the show with a song needs a change in how the night is run, said Ivo Renn, author of the 2005 book "
       "\u201cThe Long Night: Stories From the Harbour and the Sea of Tolby.\u201d",
       {kRenn},
       {{"Opening the show with a song needs a change in how the night is run", "indirect", "e5", "Ivo Renn", "said",
         ""}}},
      {"'a lady who said it all by looking into the camera': the idiom reports nothing ('said it all went wrong' "
       "does)",
       "Ivo Renn said it all went wrong on Monday. Mara Velk is a lady who said it all by looking into the camera.",
       {kRenn, kVelk},
       {{"it all went wrong on Monday", "indirect", "e5", "Ivo Renn", "said", ""}}},
      {"'X - who said [\u2026] - was able to \u2026': a relative clause set off by dashes is its antecedent's report "
       "and ends at the closing dash",
       "Ivo Renn sat between Tom Walsh and coach Roy Williams. It lightened the mood enough that Williams - who said "
       "he was counting the points in his head for the first time - was able to tease Renn.",
       {kRenn, kWalsh, {"Roy Williams", "PERSON", "e6"}, {"Williams", "PERSON", "e6"}},
       {{"he was counting the points in his head for the first time", "indirect", "e6", "Roy Williams", "said", ""}}},
      {"'X was described in a 1972 Harbor Gazette profile as \u201c\u2026\u201d': a passive cue whose 'in' phrase "
       "names an outlet's piece is the outlet's, not the one described",
       "Ivo Renn came to Tolby in 1969 and was described in a 1972 Harbor Gazette profile as a mumbling "
       "\u201cFaulknerian character who sought anonymity.\u201d",
       {kRenn, {"Harbor Gazette", "ORG", "e7"}},
       {{"Faulknerian character who sought anonymity.", "partial", "e7", "Harbor Gazette", "described", ""}}},
      {"'X said receivers Ivo Renn and Tom Walsh are getting [\u2026]': two names joined by 'and' after a role "
       "noun are one subject; the clause reported is the whole",
       "Coach Mara Velk said receivers Ivo Renn and Tom Walsh are getting most of the practice time this week.",
       {kVelk, kRenn, kWalsh},
       {{"receivers Ivo Renn and Tom Walsh are getting most of the practice time this week", "indirect", "e1",
         "Mara Velk", "said", ""}}},
      {"'\u2026, with activists calling for \u2026. They say [\u2026]': the crowd a 'with' clause of the sentence "
       "before makes its participle's subject is what 'they' refers to, not the body named earlier",
       "The Varnby Polytechnic University stayed shut for a week. Protests are expected to continue, with activists "
       "calling for roads to be blocked on Tuesday. They say they want to bring down the whole political system.",
       {{"Varnby Polytechnic University", "ORG", "e2"}},
       {{"they want to bring down the whole political system", "indirect", "", "activists", "say", ""}}},
      {"'A key witness \u2026 admitted [\u2026]. Tom Walsh, 21, told jurors \u2026': one quoted by a tie to the event "
       "is the person the next sentence names, age and all, as the subject of a verb of saying",
       "A key witness against murder suspect Ivo Renn identified him on Tuesday, then admitted he lied in his "
       "testimony. Tom Walsh, 21, told jurors he went to the hill on May 29.",
       {kRenn, kWalsh},
       {{"he lied in his testimony", "indirect", "e3", "Tom Walsh", "admitted", ""},
        {"he went to the hill on May 29", "indirect", "e3", "Tom Walsh", "told", ""}}},
      {"'a moment that fellow senior and roommate X said [showed how much \u2026]': a gap report whose verb is a "
       "past tense, the name's role words before it",
       "It was a moment that fellow senior and roommate Ivo Renn said showed how much Tom Walsh valued the record.",
       {kRenn, kWalsh},
       {{"showed how much Tom Walsh valued the record", "indirect", "e5", "Ivo Renn", "said", ""}}},
  });
}

// The sixteenth real-news round (eval/quotes/ecbplus-news-long-3.json, dev
// errors only): each row fails on the tree before its rule.
TEST(FindQuotesTest, Issue16RealNewsSixteenthRound) {
  const MentionSpec kTorvik{"Ana Torvik", "PERSON", "e1"};
  const MentionSpec kDorne{"Pavel Dorne", "PERSON", "e3"};
  ExpectCases({
      {"'X, MD, the society's chair, said [\u2026]': degree letters after a name are part of it, not a place that "
       "speaks",
       "Ana Torvik, MD, the society's chair, said the clinic had been rebuilt twice.",
       {kTorvik, {"MD", "PLACE", "e2"}},
       {{"the clinic had been rebuilt twice", "indirect", "e1", "Ana Torvik", "said", ""}}},
      {"'Hospital chief X, MD, said [\u2026]': degree letters the entity layer typed as a body do not rename the "
       "subject",
       "Hospital chief Ana Torvik, MD, said the clinic had been rebuilt twice.",
       {kTorvik, {"MD", "ORG", "e2"}},
       {{"the clinic had been rebuilt twice", "indirect", "e1", "Ana Torvik", "said", ""}}},
      {"'\u201c\u2026,\u201d said columnist X, a former Y speechwriter.': the names of the apposition after the "
       "speaker's comma only describe the speaker",
       "\u201cThere is nothing brave about leaving,\u201d said columnist Pavel Dorne, a former Halvard speechwriter.",
       {kDorne, {"Halvard", "PERSON", "e4"}},
       {{"There is nothing brave about leaving,", "direct", "e3", "Pavel Dorne", "said", ""}}},
      {"'It goes without saying that [\u2026]': the writer's judgement in an idiom, no one's report",
       "The Tolby Hawks lost again on Friday. It goes without saying that it is valuable to have Ana Torvik around.",
       {kTorvik, {"Tolby Hawks", "ORG", "e5"}},
       {}},
      {"'X, according to Y, had suspected [\u2026]': a source phrase that interrupts a bare subject and its verb "
       "reports the predicate after it",
       "Halvard, according to Pavel Dorne, had suspected the clerk of being the source all along.",
       {kDorne, {"Halvard", "PERSON", "e4"}},
       {{"had suspected the clerk of being the source all along", "indirect", "e3", "Pavel Dorne", "according to",
         ""}}},
      {"'In his book, \u201cThe Long Night: \u2026,\u201d published \u2026, X wrote that [\u2026]': a work word "
       "before the comma of an apposition makes the subtitled quotation a title",
       "In his book, \u201cThe Long Night: The Story of the Harbour Strike,\u201d published after the trial, Pavel "
       "Dorne wrote that he met Ana Torvik in a waiting room.",
       {kDorne, kTorvik},
       {{"he met Ana Torvik in a waiting room", "indirect", "e3", "Pavel Dorne", "wrote", ""}}},
      {"'X, co-author of \u201cY: The Life of \u2026,\u201d said [\u2026]': an author's 'of' says a work follows",
       "Pavel Dorne, co-author of \u201cAna Torvik: The Life of a Harbour Legend,\u201d said the book took years.",
       {kDorne, kTorvik},
       {{"the book took years", "indirect", "e3", "Pavel Dorne", "said", ""}}},
      {"'\u201cA\u201d because of its \u201cB\u201d and because it \u201cC,\u201d X said.': quotations with no cue "
       "of their own take the attribution after the sentence's last one",
       "Ana Torvik spoke first. \u201cTolby is a special case in the league\u201d because of its \u201cthin "
       "bench\u201d and because it \u201chas spent beyond its means for years,\u201d coach Pavel Dorne said.",
       {kTorvik, kDorne},
       {{"Tolby is a special case in the league", "direct", "e3", "Pavel Dorne", "said", ""},
        {"thin bench", "partial", "e3", "Pavel Dorne", "said", ""},
        {"has spent beyond its means for years,", "partial", "e3", "Pavel Dorne", "said", ""}}},
      {"'Lt. X of Operation Y Z, the unit, said [\u2026]': the person an abbreviated title opens speaks, not the "
       "body after 'of'",
       "Lt. Pavel Dorne of Operation Quiet Harbour, the department's gang unit, said the clerk joined the unit in "
       "2001.",
       {kDorne, {"Quiet Harbour", "PERSON", "e6"}},
       {{"the clerk joined the unit in 2001", "indirect", "e3", "Pavel Dorne", "said", ""}}},
      {"'X, who married Y three weeks before he was killed, told Z in a firm voice, \u201c\u2026\u201d': the one "
       "told listens; the teller is the subject, however long the relative clause",
       "Ana Torvik, who married the clerk three weeks before he was killed, told Pavel Dorne in a firm voice, "
       "\u201cI want you to know you did not break our family,\u201d as her family began to cry.",
       {kTorvik, kDorne},
       {{"I want you to know you did not break our family,", "direct", "e1", "Ana Torvik", "told", ""}}},
      {"'X denied unequivocally, time and again, that [\u2026]': an -ly adverb and a parenthetical after it stand "
       "between the cue and its 'that'",
       "Pavel Dorne disappeared from view, denying unequivocally, time and again, that he had been the source.",
       {kDorne},
       {{"he had been the source", "indirect", "e3", "Pavel Dorne", "denying", ""}}},
      {"'X insisted on using rules he had learned': a gerund after 'on' is the verb's object; the clause in it "
       "reports nothing",
       "Pavel Dorne insisted on using covert rules he had learned while working in the war.",
       {kDorne},
       {}},
  });
}


// The fifteenth round's ", but" rule took only the clause after ", but" of
// every report its attribution splits; it is meant for a first clause that
// is the writer's, about the speaker ("X broke the news, but …, they would
// later tell the world, …").
TEST(FindQuotesTest, SplitReportKeepsClauseBeforeButUnlessWriters) {
  ExpectCases({
      {"'A, but B, Mayor X said, and C': the clause before ', but' is no writer's; the whole is reported",
       "The council knew of the risk to the sea wall, but it had no money to repair it, Mayor Ivo Renn said, and the "
       "work would wait until spring.",
       {kRenn},
       {{"The council knew of the risk to the sea wall, but it had no money to repair it", "indirect", "e5",
         "Ivo Renn", "said", ""},
        {"the work would wait until spring", "indirect", "e5", "Ivo Renn", "", ""}}},
      {"'A, but B, officials said, adding that C': the same with an anonymous speaker",
       "The plan was costly, but it would pay off in ten years, officials said, adding that the first savings would "
       "come next year.",
       {},
       {{"The plan was costly, but it would pay off in ten years", "indirect", "", "officials", "said", ""},
        {"the first savings would come next year", "indirect", "", "officials", "adding", ""}}},
  });
}

// The fifteenth round's "wrote that story," rule (a "that" before one noun
// and a comma opens no clause) took a time word or an adverb for the noun.
TEST(FindQuotesTest, ThatBeforeTimeWordOrAdverbOpensClause) {
  ExpectCases({
      {"'said that yesterday, [\u2026]': a time word after 'that' opens the clause",
       "Ivo Renn said that yesterday, the council voted to delay the repairs.",
       {kRenn},
       {{"yesterday, the council voted to delay the repairs", "indirect", "e5", "Ivo Renn", "said", ""}}},
      {"'said that overall, [\u2026]': an adverb after 'that' opens the clause",
       "Mara Velk said that overall, the plan would cost less than expected.",
       {kVelk},
       {{"overall, the plan would cost less than expected", "indirect", "e1", "Mara Velk", "said", ""}}},
      {"'wrote that finally, [\u2026]': an '-ly' adverb after 'that' opens the clause",
       "Mara Velk wrote that finally, the bridge would reopen in May.",
       {kVelk},
       {{"finally, the bridge would reopen in May", "indirect", "e1", "Mara Velk", "wrote", ""}}},
  });
}

// The fifteenth round's introductory phrase before ", according to X," took
// the content from the source's comma, before the person named in apposition
// to the source's role was read.
TEST(FindQuotesTest, IntroBeforeAccordingToReadsApposition) {
  const MentionSpec kMarlow{"Dana Marlow", "PERSON", "e6"};
  ExpectCases({
      {"'In fact, according to her publicist, X, [\u2026]': the named publicist is the source, as without 'In fact,'",
       "In fact, according to her publicist, Dana Marlow, the singer was resting at home.",
       {kMarlow},
       {{"the singer was resting at home", "indirect", "e6", "Dana Marlow", "according to", ""}}},
      {"'According to her publicist, X, [\u2026]': the sentence without the introductory phrase",
       "According to her publicist, Dana Marlow, the singer was resting at home.",
       {kMarlow},
       {{"the singer was resting at home", "indirect", "e6", "Dana Marlow", "according to", ""}}},
  });
}

}  // namespace storyline
