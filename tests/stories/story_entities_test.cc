// Tests of entity linking across a story's articles (EntityIndex) on
// invented articles, built directly as AnnotatedArticles.
#include "stories/story_entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace storyline::stories {
namespace {

// Copied from tests/stories/story_corpus.h: annotations placed by quoting
// the text they cover, so offsets are always right.
size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

// Code point span of the `nth` occurrence of `needle` in `text`.
Span SpanOf(const std::string& text, const std::string& needle, size_t nth) {
  size_t at = text.find(needle);
  for (size_t i = 0; i < nth && at != std::string::npos; ++i) at = text.find(needle, at + 1);
  EXPECT_NE(at, std::string::npos) << "'" << needle << "' not in test text";
  if (at == std::string::npos) return {};
  const size_t start = CodePoints(text.substr(0, at));
  return {start, start + CodePoints(needle)};
}

std::vector<Span> SimpleSentences(const std::string& text) {
  std::vector<Span> out;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find(". ", begin);
    end = end == std::string::npos ? text.size() : end + 1;
    out.push_back({CodePoints(text.substr(0, begin)), CodePoints(text.substr(0, end))});
    begin = end + 1;
  }
  return out;
}

struct MentionSpec {
  std::string text, type, entity;
  size_t nth = 0;  // which occurrence of `text`
};

struct ArticleSpec {
  std::string text;
  std::vector<MentionSpec> mentions;
};

AnnotatedArticle MakeArticle(size_t i, const ArticleSpec& spec) {
  AnnotatedArticle a;
  a.article.id = "a" + std::to_string(i + 1);
  a.article.outlet = "Outlet " + std::to_string(i + 1);
  a.article.text = spec.text;
  a.sentences = SimpleSentences(spec.text);
  for (const MentionSpec& m : spec.mentions) {
    a.entities.push_back({SpanOf(spec.text, m.text, m.nth), m.text, m.type, m.entity});
  }
  return a;
}

struct Case {
  const char* name;
  std::vector<ArticleSpec> articles;
  std::vector<std::vector<std::string>> together;          // surfaces of one entity
  std::vector<std::pair<std::string, std::string>> apart;  // surfaces of two entities
  std::vector<std::pair<std::string, std::string>> canonical;  // surface -> entity name
  // In-article entities (article index, entity id) that must stay apart,
  // for surfaces two entities share ("the company").
  struct Local {
    size_t article;
    const char* id;
  };
  std::vector<std::pair<Local, Local>> apart_locals = {};
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> kCases = {
      {"surname_only_joins_full_name",
       {{"Mayor Ilse Brandvold opened the bridge.", {{"Ilse Brandvold", "PERSON", "e1"}}},
        {"Brandvold said the bridge was late.", {{"Brandvold", "PERSON", "e1"}}}},
       {{"Ilse Brandvold", "Brandvold"}},
       {},
       {{"Brandvold", "Ilse Brandvold"}}},
      {"first_name_only_joins_full_name",
       {{"Ilse Brandvold opened the bridge.", {{"Ilse Brandvold", "PERSON", "e1"}}},
        {"Fans cheered for Ilse at the bridge.", {{"Ilse", "PERSON", "e1"}}}},
       {{"Ilse Brandvold", "Ilse"}},
       {},
       {}},
      {"diacritics_and_possessive_are_one_name",
       {{"Inés Álvarez won the race.", {{"Inés Álvarez", "PERSON", "e1"}}},
        {"Ines Alvarez's coach was pleased.", {{"Ines Alvarez's", "PERSON", "e1"}}}},
       {{"Inés Álvarez", "Ines Alvarez's"}},
       {},
       {}},
      {"one_letter_variant_with_shared_role_and_neighbour",
       {{"Lindqvist House named Maxen Roque its creative director.",
         {{"Lindqvist House", "ORG", "e1"}, {"Maxen Roque", "PERSON", "e2"}}},
        {"At Lindqvist House, creative director Maxon Roque apologised.",
         {{"Lindqvist House", "ORG", "e1"}, {"Maxon Roque", "PERSON", "e2"}}},
        {"Critics praised Lindqvist House and its director Maxen Roque.",
         {{"Lindqvist House", "ORG", "e1"}, {"Maxen Roque", "PERSON", "e2"}}}},
       {{"Maxen Roque", "Maxon Roque"}},
       {{"Maxen Roque", "Lindqvist House"}},
       {{"Maxon Roque", "Maxen Roque"}}},
      {"swapped_letters_with_shared_neighbour",
       {{"Kaliope met Dorvan Stiles in Varnholm.",
         {{"Kaliope", "PERSON", "e1"}, {"Dorvan Stiles", "PERSON", "e2"}, {"Varnholm", "PLACE", "e3"}}},
        {"Kailope and Dorvan Stiles toured the port.",
         {{"Kailope", "PERSON", "e1"}, {"Dorvan Stiles", "PERSON", "e2"}}},
        {"Crowds waited for Kaliope all day.", {{"Kaliope", "PERSON", "e1"}}}},
       {{"Kaliope", "Kailope"}},
       {},
       {{"Kailope", "Kaliope"}}},
      {"one_letter_variant_without_context_stays_apart",
       {{"Orlen Dufresne visited the mill.", {{"Orlen Dufresne", "PERSON", "e1"}}},
        {"Orlan Dufresne left the town.", {{"Orlan Dufresne", "PERSON", "e1"}}}},
       {},
       {{"Orlen Dufresne", "Orlan Dufresne"}},
       {}},
      {"different_roles_keep_near_names_apart",
       {{"Maria Costa, the architect, met Teodor Vance.",
         {{"Maria Costa", "PERSON", "e1"}, {"Teodor Vance", "PERSON", "e2"}}},
        {"Mario Costa, the chef, met Teodor Vance.",
         {{"Mario Costa", "PERSON", "e1"}, {"Teodor Vance", "PERSON", "e2"}}}},
       {},
       {{"Maria Costa", "Mario Costa"}},
       {}},
      {"variants_the_language_layer_kept_apart_in_one_article",
       {{"Maxen Roque and Maxon Roque met Teodor Vance.",
         {{"Maxen Roque", "PERSON", "e1"}, {"Maxon Roque", "PERSON", "e2"}, {"Teodor Vance", "PERSON", "e3"}}}},
       {},
       {{"Maxen Roque", "Maxon Roque"}},
       {}},
      {"two_smiths_stay_apart_and_bare_surname_is_ambiguous",
       {{"John Smith opened the bakery.", {{"John Smith", "PERSON", "e1"}}},
        {"Jane Smith closed the bakery.", {{"Jane Smith", "PERSON", "e1"}}},
        {"Smith was not available.", {{"Smith", "PERSON", "e1"}}}},
       {},
       {{"John Smith", "Jane Smith"}, {"Smith", "John Smith"}, {"Smith", "Jane Smith"}},
       {}},
      {"shared_role_picks_one_smith",
       {{"Mayor John Smith met Jane Smith, a lawyer.",
         {{"John Smith", "PERSON", "e1"}, {"Jane Smith", "PERSON", "e2"}}},
        {"Mayor Smith spoke at noon.", {{"Smith", "PERSON", "e1"}}}},
       {{"John Smith", "Smith"}},
       {{"Jane Smith", "Smith"}},
       {}},
      {"most_reported_spelling_names_the_entity",
       {{"Ardith Kell won the vote in Varnholm.", {{"Ardith Kell", "PERSON", "e1"}, {"Varnholm", "PLACE", "e2"}}},
        {"Ardith Kell thanked Varnholm.", {{"Ardith Kell", "PERSON", "e1"}, {"Varnholm", "PLACE", "e2"}}},
        {"Ardithe Kell toured Varnholm.", {{"Ardithe Kell", "PERSON", "e1"}, {"Varnholm", "PLACE", "e2"}}}},
       {{"Ardith Kell", "Ardithe Kell"}},
       {},
       {{"Ardithe Kell", "Ardith Kell"}}},
      {"acronym_joins_its_organisation",
       {{"The Northern Rail Council approved the line.", {{"Northern Rail Council", "ORG", "e1"}}},
        {"The NRC approved it on Friday.", {{"NRC", "ORG", "e1"}}}},
       {{"Northern Rail Council", "NRC"}},
       {},
       {{"NRC", "Northern Rail Council"}}},
      {"organisation_prefix_joins_only_before_legal_form",
       {{"Halden Motors Inc. cut jobs.", {{"Halden Motors Inc.", "ORG", "e1"}}},
        {"Halden Motors Finance raised rates.", {{"Halden Motors Finance", "ORG", "e1"}}},
        {"Staff at Halden Motors went on strike.", {{"Halden Motors", "ORG", "e1"}}}},
       {{"Halden Motors Inc.", "Halden Motors"}},
       {{"Halden Motors Finance", "Halden Motors"}},
       {}},
      {"descriptions_do_not_join_across_articles",
       {{"Brask Foods said the company would grow.",
         {{"Brask Foods", "ORG", "e1"}, {"the company", "ORG", "e1"}}},
        {"A rival said the company would shrink.", {{"the company", "ORG", "e1"}}}},
       {},
       {},
       {{"Brask Foods", "Brask Foods"}},
       {{{0, "e1"}, {1, "e1"}}}},
      {"full_name_with_swapped_letters_joins_without_context",
       {{"Voters backed Dario Fenn.", {{"Dario Fenn", "PERSON", "e1"}}},
        {"Independent Tobin Asei spoke.", {{"Tobin Asei", "PERSON", "e1"}}},
        {"The count put Tobin Aesi third.", {{"Tobin Aesi", "PERSON", "e1"}}}},
       {{"Tobin Asei", "Tobin Aesi"}},
       {{"Dario Fenn", "Tobin Asei"}},
       {}},
      {"short_shared_first_name_and_sound_alike_surname",
       {{"Tom Askwith opened the pier.", {{"Tom Askwith", "PERSON", "e1"}}},
        {"Tom Asquith closed the pier.", {{"Tom Asquith", "PERSON", "e1"}}}},
       {{"Tom Askwith", "Tom Asquith"}},
       {},
       {}},
      {"surname_spelt_as_said",
       {{"Aurel Maddox led the launch.", {{"Aurel Maddox", "PERSON", "e1"}}},
        {"Aurel Madocks watched the launch.", {{"Aurel Madocks", "PERSON", "e1"}}}},
       {{"Aurel Maddox", "Aurel Madocks"}},
       {},
       {}},
      {"first_name_with_other_inner_vowels",
       {{"Priti Dhanjal ran the office.", {{"Priti Dhanjal", "PERSON", "e1"}}},
        {"Preeti Dhanjal left the office.", {{"Preeti Dhanjal", "PERSON", "e1"}}}},
       {{"Priti Dhanjal", "Preeti Dhanjal"}},
       {},
       {}},
      {"first_name_with_another_ending_stays_apart",
       {{"Maria Costa ran the office.", {{"Maria Costa", "PERSON", "e1"}}},
        {"Mario Costa left the office.", {{"Mario Costa", "PERSON", "e1"}}}},
       {},
       {{"Maria Costa", "Mario Costa"}},
       {}},
      {"first_name_sounding_alike_with_one_role_joins",
       {{"The inquiry was chaired by retired judge Derwin Tallock.", {{"Derwin Tallock", "PERSON", "e1"}}},
        {"Darwin Tallock, a retired judge, led the inquiry.", {{"Darwin Tallock", "PERSON", "e1"}}}},
       {{"Derwin Tallock", "Darwin Tallock"}},
       {},
       {}},
      {"knighthood_is_no_part_of_the_name",
       {{"The review was chaired by retired judge Sir Derwin Tallock.", {{"Sir Derwin Tallock", "PERSON", "e1"}}},
        {"Darwin Tallock, a retired judge, led the review.", {{"Darwin Tallock", "PERSON", "e1"}}}},
       {{"Sir Derwin Tallock", "Darwin Tallock"}},
       {},
       {}},
      {"first_name_sounding_alike_with_boss_and_manager_joins",
       {{"Manager Orrin Pellby said the fee was fair.", {{"Orrin Pellby", "PERSON", "e1"}}},
        {"Tarnside boss Oren Pellby was gutted.", {{"Oren Pellby", "PERSON", "e1"}}}},
       {{"Orrin Pellby", "Oren Pellby"}},
       {},
       {}},
      {"first_name_sounding_alike_with_other_roles_stays_apart",
       {{"Derwin Tallock, a retired judge, led the inquiry.", {{"Derwin Tallock", "PERSON", "e1"}}},
        {"Darwin Tallock, an actor, watched the inquiry.", {{"Darwin Tallock", "PERSON", "e1"}}}},
       {},
       {{"Derwin Tallock", "Darwin Tallock"}},
       {}},
      {"surname_with_a_final_s_and_one_role_joins",
       {{"Manager Orrin Brenn said the fee was fair.", {{"Orrin Brenn", "PERSON", "e1"}}},
        {"Tarnside boss Orrin Brenns was gutted.", {{"Orrin Brenns", "PERSON", "e1"}}}},
       {{"Orrin Brenn", "Orrin Brenns"}},
       {},
       {}},
      {"surname_with_a_final_s_without_a_shared_role_stays_apart",
       {{"Orrin Brenn set out the findings.", {{"Orrin Brenn", "PERSON", "e1"}}},
        {"Orrin Brenns, a farmer, read the findings.", {{"Orrin Brenns", "PERSON", "e1"}}}},
       {},
       {{"Orrin Brenn", "Orrin Brenns"}},
       {}},
      {"firm_name_written_by_ear",
       {{"Madocks Lending cut its rates.", {{"Madocks Lending", "ORG", "e1"}}},
        {"Maddox Lending raised its rates.", {{"Maddox Lending", "ORG", "e1"}}},
        {"Norwell Lending froze its rates.", {{"Norwell Lending", "ORG", "e1"}}}},
       {{"Madocks Lending", "Maddox Lending"}},
       {{"Maddox Lending", "Norwell Lending"}},
       {}},
      {"types_must_be_compatible",
       {{"Calder Hale joined the board.", {{"Calder Hale", "PERSON", "e1"}}},
        {"Ships docked at Hale on Monday.", {{"Hale", "PLACE", "e1"}}}},
       {},
       {{"Calder Hale", "Hale"}},
       {}},
  };
  return kCases;
}

// Index of the entity having `surface` as an alias, or -1.
int EntityOf(const std::vector<BriefEntity>& entities, const std::string& surface) {
  for (size_t i = 0; i < entities.size(); ++i) {
    for (const std::string& alias : entities[i].aliases) {
      if (alias == surface) return static_cast<int>(i);
    }
  }
  return -1;
}

TEST(EntityIndexTest, LinksAcrossArticles) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    std::vector<AnnotatedArticle> docs;
    for (size_t i = 0; i < c.articles.size(); ++i) docs.push_back(MakeArticle(i, c.articles[i]));
    std::vector<const AnnotatedArticle*> members;
    for (const AnnotatedArticle& d : docs) members.push_back(&d);
    EntityIndex index(members);
    const std::vector<BriefEntity> entities = index.Build();
    for (const std::vector<std::string>& group : c.together) {
      const int first = EntityOf(entities, group.front());
      EXPECT_GE(first, 0) << group.front();
      for (const std::string& s : group) EXPECT_EQ(EntityOf(entities, s), first) << s;
    }
    for (const auto& [x, y] : c.apart) {
      EXPECT_NE(EntityOf(entities, x), EntityOf(entities, y)) << x << " / " << y;
      EXPECT_GE(EntityOf(entities, x), 0) << x;
    }
    for (const auto& [x, y] : c.apart_locals) {
      const std::optional<size_t> ex = index.Lookup(x.article, x.id, "");
      const std::optional<size_t> ey = index.Lookup(y.article, y.id, "");
      ASSERT_TRUE(ex.has_value() && ey.has_value());
      EXPECT_NE(*ex, *ey);
    }
    for (const auto& [surface, name] : c.canonical) {
      const int e = EntityOf(entities, surface);
      ASSERT_GE(e, 0) << surface;
      EXPECT_EQ(entities[static_cast<size_t>(e)].name, name);
    }
  }
}

TEST(EntityIndexTest, LookupMapsArticleEntitiesAndUniqueNames) {
  const Case& c = Cases()[0];  // "Ilse Brandvold" / "Brandvold"
  std::vector<AnnotatedArticle> docs = {MakeArticle(0, c.articles[0]), MakeArticle(1, c.articles[1])};
  EntityIndex index({&docs[0], &docs[1]});
  const std::vector<BriefEntity> entities = index.Build();
  const std::optional<size_t> by_id = index.Lookup(1, "e1", "");
  ASSERT_TRUE(by_id.has_value());
  EXPECT_EQ(entities[*by_id].name, "Ilse Brandvold");
  const std::optional<size_t> by_name = index.Lookup(0, "", "brandvold's");
  ASSERT_TRUE(by_name.has_value());
  EXPECT_EQ(*by_name, *by_id);
  EXPECT_FALSE(index.Lookup(0, "e9", "Nobody Known").has_value());
}

// "Tarrant", which one article writes for its "Tarrant Foods", is that
// organisation in another article too, though "Tarrant" is no end of the
// fuller name nor its start before a legal-form word.
TEST(EntityIndexTest, AShortNameAnotherArticleGivesTheOrganisationJoinsIt) {
  std::vector<AnnotatedArticle> docs = {
      MakeArticle(0, {"Tarrant Foods lost its licence on Friday. Tarrant said it would fight the ruling.",
                      {{"Tarrant Foods", "ORG", "e1"}, {"Tarrant", "ORG", "e1"}}}),
      MakeArticle(1, {"Drivers waited at the depot as Tarrant lost its licence.", {{"Tarrant", "ORG", "e1"}}})};
  EntityIndex index({&docs[0], &docs[1]});
  const std::vector<BriefEntity> entities = index.Build();
  const std::optional<size_t> full = index.Lookup(0, "e1", "");
  const std::optional<size_t> short_name = index.Lookup(1, "e1", "");
  ASSERT_TRUE(full.has_value() && short_name.has_value());
  EXPECT_EQ(*full, *short_name);
  const std::vector<std::string>& aliases = entities[*short_name].aliases;
  EXPECT_NE(std::find(aliases.begin(), aliases.end(), "Tarrant Foods"), aliases.end());
}

TEST(NameKeyTest, FoldsSpellingsOfOneName) {
  const struct {
    const char* input;
    const char* expected;
  } kRows[] = {
      {"Sánchez", "sanchez"},          {"Kim's", "kim"},
      {"The U.S.", "us"},              {"Jean-Paul  Gaultier", "jean paul gaultier"},
      {"BALENCIAGA\xE2\x80\x99s", "balenciaga"},  {"Smiths'", "smiths"},
  };
  for (const auto& row : kRows) EXPECT_EQ(NameKey(row.input), row.expected) << row.input;
}

TEST(OneLetterVariantTest, AcceptsTyposOfLongWordsOnly) {
  const struct {
    const char* a;
    const char* b;
    bool expected;
  } kRows[] = {
      {"kendal", "kendall", true},   // deletion
      {"denna", "demna", true},      // substitution
      {"kaliope", "kailope", true},  // swap of neighbours
      {"jon", "john", false},        // too short to be a typo
      {"maria", "mario", true},      // a variant; context decides
      {"a380", "a381", false},       // model numbers are not names
      {"kendal", "kendal", false},   // equal is no variant
      {"brandvold", "brandvolt", true},
      {"brandvold", "brendvolt", false},  // two edits
  };
  for (const auto& row : kRows) EXPECT_EQ(OneLetterVariant(row.a, row.b), row.expected) << row.a << "/" << row.b;
}

TEST(CanonicalNameTest, PrefersFullNamesSeenMost) {
  EXPECT_EQ(CanonicalName({{"Kim", 9}, {"Kim Kardash", 2}}), "Kim Kardash");
  EXPECT_EQ(CanonicalName({{"Kendall Jenn", 1}, {"Kendal Jenn", 4}}), "Kendal Jenn");
  EXPECT_EQ(CanonicalName({{"Kendall Jenn", 1}, {"Kendal Jenn", 1}}, {{"Kendall Jenn", 3}}), "Kendall Jenn");
  EXPECT_EQ(CanonicalName({{"the young computer maker", 5}, {"Orchard", 1}}), "Orchard");
  EXPECT_EQ(CanonicalName({{"LOS ANGELES", 1}, {"Los Angeles", 1}}), "Los Angeles");
  EXPECT_EQ(CanonicalName({{"Varnholm's", 3}, {"Varnholm", 1}}), "Varnholm");
  // An organisation is named as most outlets name it, not by its longest form.
  const std::map<std::string, size_t> kArticles = {{"Brask Foods", 4}};
  EXPECT_EQ(CanonicalName({{"Brask Foods Europe", 1}, {"Brask Foods", 6}}, kArticles, /*person=*/false),
            "Brask Foods");
  EXPECT_EQ(CanonicalName({{"Brask Foods Europe", 1}, {"Brask Foods", 6}}, kArticles, /*person=*/true),
            "Brask Foods Europe");
  // Between equally reported names, the fuller one.
  EXPECT_EQ(CanonicalName({{"BFE", 3}, {"Brask Foods Europe", 1}}, {}, /*person=*/false), "Brask Foods Europe");
}

}  // namespace
}  // namespace storyline::stories
