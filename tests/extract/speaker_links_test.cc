// Tests of quotation speakers that follow from how the entity layer resolves
// descriptions, titles and pronouns (issue 16): invented news text through
// the public Annotate(), each row naming a quotation by a fragment of its
// text and the speaker name it must get ("" for none, or a description as
// written when no compatible antecedent exists).
#include <gtest/gtest.h>

#include <string>

#include "storyline/annotation.h"

namespace storyline {
namespace {

struct Case {
  const char* name;
  const char* text;
  const char* quote;    // a fragment of the quotation's text
  const char* speaker;  // expected speaker_name
};

const Case kCases[] = {
    // "the governor-general of X province, Name," names the holder; "He
    // said" after it is that person, not a governor named later.
    {"office_apposition_then_he_said",
     "Relief supplies reached the island of Vessa on Monday. \"We have sent tents and food to every "
     "village,\" the governor-general of Brannock province, Anton Brekke, told state radio. He said 30 "
     "of the wounded remained in hospital. Vessa island governor Tomas Ilves told reporters that the "
     "ferries were running again.",
     "30 of the wounded", "Anton Brekke"},
    // "The judge said ... for Pulk": the judge is not Pulk.
    {"judge_is_not_the_defendant_named_after",
     "Darren Pulk, 41, is charged with arson over the fire at the Kelso depot. A plea of not guilty "
     "was entered on his behalf on Monday. The judge ordered him held without bail. The judge said "
     "she would appoint a lawyer for Pulk.",
     "appoint a lawyer", "the judge"},
    // A person a sentence introduces with a relative clause ("…, who
    // produced …") is whom the next quotation's "he" follows, not the
    // subject of an earlier sentence.
    {"pronoun_follows_person_introduced_with_relative_clause",
     "Dana Whitlock has entered a clinic in Halden, her agent said. The move surprised Corvane Films' "
     "Pieter Anselm, who produced Whitlock last year on the horror film Serpents. \"She was always "
     "professional,\" he told reporters.",
     "always professional", "Pieter Anselm"},
    // "the villages Kavrin and Tolsey" are places, so "the official" is
    // the governor who spoke in the sentence before, not a village.
    {"settlement_names_are_no_speakers",
     "A quake damaged homes in the villages Kavrin and Tolsey on Sunday and slightly injured two "
     "villagers, the governor of Vessa, Anton Brekke, told the Halden news agency. Relief teams have "
     "already been sent to the area, the official said.",
     "Relief teams", "Anton Brekke"},
    // "The council said" after an association is named: a description
    // naming a kind of institution is no organisation whose name lacks that
    // kind, so it stays the description as written.
    {"council_description_is_not_an_association",
     "The Dunmere Harbour Traders' Association has asked for the vote on the quay to be delayed "
     "until the autumn. The council said on Friday that the three options would be published on "
     "its website.",
     "three options", "the council"},
    // ... while a council named before is the one "the council" refers to.
    {"council_description_is_the_council_named",
     "Dunmere Borough Council has delayed the vote on the quay until the autumn. The council said "
     "on Friday that the three options would be published on its website.",
     "three options", "Dunmere Borough Council"},
};

class SpeakerLinksTest : public testing::TestWithParam<Case> {};

TEST_P(SpeakerLinksTest, Speaker) {
  const Case& c = GetParam();
  Article article;
  article.text = c.text;
  const AnnotatedArticle a = Annotate(article, {});
  std::string dump;
  for (const EntityMention& m : a.entities) dump += "  " + m.entity + " " + m.type + " [" + m.text + "]\n";
  for (const Quote& q : a.quotes) dump += "  quote [" + q.text + "] by [" + q.speaker_name + "]\n";
  SCOPED_TRACE(dump);
  const Quote* found = nullptr;
  for (const Quote& q : a.quotes) {
    if (q.text.find(c.quote) != std::string::npos) found = &q;
  }
  ASSERT_NE(found, nullptr) << c.quote;
  EXPECT_EQ(found->speaker_name, c.speaker);
}

INSTANTIATE_TEST_SUITE_P(Cases, SpeakerLinksTest, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace storyline
