// Tests of in-article entity linking (src/extract/entity_link.h) through
// the public Annotate(): invented news sentences, each row naming which
// surface forms must share an entity, which must stay apart, which types the
// entities get and which descriptions must not become mentions.
//
// A surface "x" means the first mention whose text is exactly "x"; "x#2" the
// second such mention.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "storyline/annotation.h"

namespace storyline {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct Case {
  const char* name;
  const char* text;
  Pairs same;                    // both mentioned, one entity
  Pairs apart;                   // both mentioned, two entities
  Pairs types;                   // surface -> entity type
  std::vector<std::string> not_mentions;  // no mention has this text
};

const EntityMention* FindMention(const AnnotatedArticle& a, const std::string& surface) {
  std::string text = surface;
  int nth = 1;
  const size_t hash = surface.rfind('#');
  if (hash != std::string::npos) {
    text = surface.substr(0, hash);
    nth = std::stoi(surface.substr(hash + 1));
  }
  for (const EntityMention& m : a.entities) {
    if (m.text == text && --nth == 0) return &m;
  }
  return nullptr;
}

std::string Dump(const AnnotatedArticle& a) {
  std::string out;
  for (const EntityMention& m : a.entities) {
    out += "  " + m.entity + " " + m.type + " [" + m.text + "]\n";
  }
  return out;
}

const Case kCases[] = {
    // Epithets resolved by a declaration anywhere in the article.
    {"apposition_declares_role",
     "Maria Lopez, the actress, arrived in Lyon on Monday. Her cousin Tom Lopez drove her to "
     "the hotel. Later the actress thanked the crowd.",
     {{"Maria Lopez", "the actress"}, {"Maria Lopez", "the actress#2"}},
     {{"Maria Lopez", "Tom Lopez"}},
     {{"the actress#2", "PERSON"}},
     {}},
    {"role_before_name_declares_role",
     "Singer Anna Berg and Mark Evans arrived in Oslo on Friday. Mark Evans spoke to the "
     "press. The singer said she was tired.",
     {{"Anna Berg", "The singer"}},
     {},
     {},
     {}},
    {"copula_declares_role",
     "Mark Evans met Anna Berg in Oslo. Anna Berg is a rapper from Bergen. Evans said the "
     "concert was sold out. Later the rapper left the city.",
     {{"Anna Berg", "the rapper"}},
     {},
     {},
     {}},
    {"declared_age",
     "Police arrested Daniel Moore, 42, and Peter Hall, 35, on Friday in Leeds. The "
     "42-year-old was released without charge.",
     {{"Daniel Moore", "The 42-year-old"}},
     {{"Peter Hall", "Daniel Moore"}},
     {},
     {}},
    {"age_epithet_span_covers_whole_description",
     "Laura Grant, 32, won the race in Boston. The 32-year-old runner said she had trained "
     "for years.",
     {{"Laura Grant", "The 32-year-old runner"}},
     {},
     {},
     {"The 32-year-old"}},
    // Epithets resolved by salience.
    {"salience_one_candidate",
     "Anna Berg won the award in Paris on Sunday. The singer thanked her fans.",
     {{"Anna Berg", "The singer"}},
     {},
     {},
     {}},
    {"salience_two_candidates_is_ambiguous",
     "Anna Berg met David Stone in Rome on Sunday. The singer thanked the crowd.",
     {},
     {{"Anna Berg", "David Stone"}},
     {},
     {"The singer"}},
    {"same_clause_name_is_not_the_epithet",
     "Anna Berg performed in Oslo on Friday. David Stone praised the singer after the show.",
     {{"Anna Berg", "the singer"}},
     {},
     {},
     {}},
    {"quoted_title_before_head_noun",
     "Nora Quinn starred in the film \"Silver Lake\" last year. The \"Silver Lake\" actress said "
     "she was proud.",
     {{"Nora Quinn", "The \"Silver Lake\" actress"}},
     {},
     {},
     {}},
    {"mother_of_number",
     "Laura Grant lives in Leeds with her children. The mother of four said the school had "
     "closed.",
     {{"Laura Grant", "The mother of four"}},
     {},
     {},
     {}},
    {"title_before_name_is_not_an_epithet",
     "The rapper Jay Banks released an album on Friday in Atlanta.",
     {},
     {},
     {},
     {"The rapper"}},
    {"predicate_is_not_an_epithet",
     "Peter Hall, who is the chairman of the board, spoke in London on Monday.",
     {},
     {},
     {},
     {"the chairman"}},
    {"organisation_epithet",
     "Luxury brand Talvora opened a store in Milan on Monday. The brand said sales rose by "
     "a third.",
     {{"Talvora", "The brand"}},
     {},
     {{"Talvora", "ORG"}, {"The brand", "ORG"}},
     {}},
    {"person_noun_does_not_resolve_to_organisation",
     "Luxury brand Talvora opened a store in Milan on Monday. The actress said she loved it.",
     {},
     {},
     {},
     {"The actress"}},
    {"relative_noun_needs_a_declaration",
     "John Smith died in a crash near Leeds on Sunday. The mother said he was kind.",
     {},
     {},
     {},
     {"The mother"}},
    {"declared_relative",
     "Anna Berg arrived in Oslo with her sister Kendra Walsh. Reporters waited outside. The "
     "sister said they were tired.",
     {{"Kendra Walsh", "The sister"}},
     {},
     {},
     {}},
    {"bystander_roles_are_not_epithets",
     "Police arrested John Smith in Leeds on Sunday. The victim was taken to hospital.",
     {},
     {},
     {},
     {"The victim"}},
    {"brand_noun_retypes_a_name_the_tagger_called_a_place",
     "Shoppers queued outside Talvora in Milan on Monday. Sales at Talvora rose. The brand "
     "said it was pleased. Talvora opened another store. The brand later thanked its staff.",
     {{"Talvora", "The brand"}},
     {},
     {{"Talvora", "ORG"}, {"Talvora#3", "ORG"}},
     {}},
    // Declared aliases.
    {"formerly",
     "Zed, formerly Zachary Dunn, released a new album in London on Friday. Zed said it took "
     "two years.",
     {{"Zed", "Zachary Dunn"}, {"Zachary Dunn", "Zed#2"}},
     {},
     {},
     {}},
    {"also_known_as",
     "Marcus Hale, also known as Big Moe, performed in Dublin on Saturday.",
     {{"Marcus Hale", "Big Moe"}},
     {},
     {},
     {}},
    {"better_known_as",
     "Helena Frostova, better known as Lena Frost, performed in Dublin on Saturday.",
     {{"Lena Frost", "Helena Frostova"}},
     {},
     {},
     {}},
    {"born_in_parentheses",
     "Lena Frost (born Helena Frostova) performed in Dublin on Saturday.",
     {{"Lena Frost", "Helena Frostova"}},
     {},
     {},
     {}},
    {"whose_real_name_is",
     "Marcus Hale, whose real name is Marcus Halvorsen, performed in Dublin on Saturday.",
     {{"Marcus Hale", "Marcus Halvorsen"}},
     {},
     {},
     {}},
    {"formerly_in_parentheses",
     "Lena Frost (formerly Lena Marsh) performed in Dublin on Saturday.",
     {{"Lena Frost", "Lena Marsh"}},
     {},
     {},
     {}},
    {"born_with_a_date_is_not_an_alias",
     "Lena Frost, born January 5 in Dublin, performed in Cork on Saturday.",
     {},
     {},
     {},
     {"January 5", "January"}},
    {"acronym_in_parentheses",
     "The Northern Rail Council (NRC) met in York on Monday. The NRC said fares would rise.",
     {{"Northern Rail Council", "NRC#2"}},
     {},
     {{"NRC#2", "ORG"}},
     {}},
    // Variants of a name within the article.
    {"surname_and_first_name_join_the_full_name",
     "Oliver Grant opened the exhibition in Glasgow. Grant said the work took a decade. "
     "Oliver later left.",
     {{"Oliver Grant", "Grant"}, {"Oliver Grant", "Oliver"}},
     {},
     {},
     {}},
    {"word_also_written_in_lower_case_is_not_a_repeat",
     "Will Harper opened the shop in Derby on Monday. Will the council agree? Harper said he "
     "will wait.",
     {{"Will Harper", "Harper"}},
     {},
     {},
     {"Will"}},
    {"role_noun_inside_a_tagged_chunk_is_not_the_name",
     "Riverton Mayor Jane Okafor resigned on Monday. Okafor said she was sorry.",
     {{"Jane Okafor", "Okafor"}},
     {},
     {{"Jane Okafor", "PERSON"}},
     {"Riverton Mayor Jane Okafor", "Mayor Jane Okafor"}},
    {"possessive_joins",
     "Oliver Grant opened the exhibition in Glasgow. Grant's paintings sold quickly.",
     {{"Oliver Grant", "Grant"}},
     {},
     {},
     {}},
    {"one_letter_misspelling_of_surname",
     "Katherine Doyle opened the gallery in Cork on Monday. Later Katherine Doyel gave a "
     "speech to the guests.",
     {{"Katherine Doyle", "Katherine Doyel"}},
     {},
     {},
     {}},
    {"one_letter_misspelling_of_first_name_alone",
     "Model Kendra Walsh and Peter Hall opened the show in Paris. Kendrah walked first. "
     "Later Kenda Walsh wore red.",
     {{"Kendra Walsh", "Kendrah"}, {"Kendra Walsh", "Kenda Walsh"}},
     {{"Kendra Walsh", "Peter Hall"}},
     {},
     {}},
    {"first_names_differing_in_last_letter_are_relatives",
     "Maria Costa and her brother Mario Costa opened a restaurant in Porto on Friday.",
     {},
     {{"Maria Costa", "Mario Costa"}},
     {},
     {}},
    {"short_names_are_not_variants",
     "Ann Ruiz and Ana Ruiz opened a restaurant in Porto on Friday.",
     {},
     {{"Ann Ruiz", "Ana Ruiz"}},
     {},
     {}},
    {"shared_surname_is_ambiguous",
     "Emma Walsh and Grace Walsh opened a bakery in Galway. Walsh said the bread sold out.",
     {},
     {{"Emma Walsh", "Grace Walsh"}, {"Walsh", "Emma Walsh"}, {"Walsh", "Grace Walsh"}},
     {},
     {}},
    {"plural_family_name_joins",
     "John Smith moved to Ohio in May. The neighbours said the Smiths were kind.",
     {{"John Smith", "Smiths"}},
     {},
     {},
     {}},
    // Type consistency.
    {"creative_director_makes_an_organisation",
     "Designers at Morvella were praised in Milan. Morvella's creative director said the "
     "show was a success. Morvella sold out.",
     {{"Morvella", "Morvella#2"}},
     {},
     {{"Morvella", "ORG"}, {"Morvella#2", "ORG"}, {"Morvella#3", "ORG"}},
     {}},
    {"husband_makes_a_person",
     "Fans waited for Carlotta in Rome. Carlotta's husband said she was ill.",
     {},
     {},
     {{"Carlotta", "PERSON"}, {"Carlotta#2", "PERSON"}},
     {}},
    {"brands_like",
     "The group owns brands like Velmora and Ostrava Atelier, and it plans more.",
     {},
     {},
     {{"Velmora", "ORG"}, {"Ostrava Atelier", "ORG"}},
     {}},
};

class EntityLinkTest : public testing::TestWithParam<Case> {};

TEST_P(EntityLinkTest, Links) {
  const Case& c = GetParam();
  Article article;
  article.text = c.text;
  const AnnotatedArticle a = Annotate(article, {});
  SCOPED_TRACE(Dump(a));
  for (const auto& [x, y] : c.same) {
    const EntityMention* mx = FindMention(a, x);
    const EntityMention* my = FindMention(a, y);
    ASSERT_NE(mx, nullptr) << x;
    ASSERT_NE(my, nullptr) << y;
    EXPECT_EQ(mx->entity, my->entity) << x << " / " << y;
    EXPECT_EQ(mx->type, my->type) << x << " / " << y;
  }
  for (const auto& [x, y] : c.apart) {
    const EntityMention* mx = FindMention(a, x);
    const EntityMention* my = FindMention(a, y);
    ASSERT_NE(mx, nullptr) << x;
    ASSERT_NE(my, nullptr) << y;
    EXPECT_NE(mx->entity, my->entity) << x << " / " << y;
  }
  for (const auto& [x, type] : c.types) {
    const EntityMention* mx = FindMention(a, x);
    ASSERT_NE(mx, nullptr) << x;
    EXPECT_EQ(mx->type, type) << x;
  }
  for (const std::string& x : c.not_mentions) EXPECT_EQ(FindMention(a, x), nullptr) << x;
}

INSTANTIATE_TEST_SUITE_P(Cases, EntityLinkTest, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace storyline
