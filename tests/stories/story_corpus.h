// story_corpus.h: invented articles (written for these tests) for story
// building and rendering tests, with helpers that place annotations by
// quoting the text they cover, so offsets are always right.
//
// Two stories of three articles each from different outlets: a city council
// approving a tram line in "Varnholm" (A1..A3) and an octopus nursery found
// on the "Calderra Ridge" (B1..B3, B3 undated).
#ifndef STORYLINE_TESTS_STORIES_STORY_CORPUS_H_
#define STORYLINE_TESTS_STORIES_STORY_CORPUS_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storyline/annotation.h"

namespace storyline::testdata {

inline size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

// Code point span of the first occurrence of `needle` in `text`.
inline Span SpanOf(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << "'" << needle << "' not in test text";
  if (at == std::string::npos) return {};
  const size_t start = CodePoints(text.substr(0, at));
  return {start, start + CodePoints(needle)};
}

// Sentences ending at ". " or the end of text: enough for invented prose.
inline std::vector<Span> SimpleSentences(const std::string& text) {
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

inline AnnotatedArticle MakeArticle(const std::string& id, const std::string& outlet,
                                    const std::string& published, const std::string& title,
                                    const std::string& text) {
  AnnotatedArticle a;
  a.article.id = id;
  a.article.outlet = outlet;
  a.article.published = published;
  a.article.title = title;
  a.article.text = text;
  a.article.url = "https://example.org/" + id;
  a.sentences = SimpleSentences(text);
  return a;
}

inline void AddEntity(AnnotatedArticle& a, const std::string& text, const std::string& type,
                      const std::string& entity) {
  a.entities.push_back({SpanOf(a.article.text, text), text, type, entity});
}

inline void AddQuote(AnnotatedArticle& a, const std::string& text, const std::string& speaker_name,
                     const std::string& speaker, const std::string& cue, const std::string& kind,
                     const std::string& medium) {
  a.quotes.push_back({SpanOf(a.article.text, text), text, speaker_name, speaker, cue, kind, medium});
}

inline void AddDate(AnnotatedArticle& a, const std::string& text, const std::string& value) {
  a.dates.push_back({SpanOf(a.article.text, text), text, value});
}

inline void AddQuantity(AnnotatedArticle& a, const std::string& text, double value,
                        const std::string& unit, const std::string& subject) {
  Quantity q{SpanOf(a.article.text, text), text, value, unit, subject};
  // What the quantity annotator gives: "years" are an age, and a count
  // measures its noun.
  q.measure = unit == "years" ? "age" : unit;
  a.quantities.push_back(std::move(q));
}

inline AnnotatedArticle ArticleA1() {
  AnnotatedArticle a = MakeArticle(
      "a1", "Harbour Gazette", "2023-04-02", "Varnholm council approves eastern tram line",
      "The Varnholm city council voted on Tuesday to approve the eastern tram line, a "
      "14-kilometre route linking the harbour district with the university campus. Mayor Ilse "
      "Brandvold, 52, called the decision a turning point for public transport in the city. "
      "Construction of the tram line is expected to begin next spring, and the council "
      "estimates the route will carry 40,000 passengers a day. Opponents on the council argued "
      "that the tram budget should go to road repairs instead.");
  AddEntity(a, "Varnholm", "PLACE", "e1");
  AddEntity(a, "Ilse Brandvold", "PERSON", "e2");
  AddQuantity(a, "52", 52, "years", "e2");
  AddQuote(a, "a turning point for public transport in the city", "Ilse Brandvold", "e2",
           "called", "partial", "");
  AddDate(a, "Tuesday", "2023-03-28");
  AddDate(a, "next spring", "2024-SP");
  return a;
}

inline AnnotatedArticle ArticleA2() {
  AnnotatedArticle a = MakeArticle(
      "a2", "Northern Ledger", "2023-04-03", "Tram line to connect Varnholm harbour and campus",
      "Varnholm will get its eastern tram line after councillors backed the project in a late "
      "vote. The route runs from the harbour district to the university campus with eleven "
      "stops. Mayor Ilse Brandvold, 53, said the tram would cut commuting times in half for "
      "students and dock workers. Critics on the council warned that the tram budget could "
      "overrun, as earlier transport projects in Varnholm did. A final vote on the budget "
      "follows in three days.");
  AddEntity(a, "Varnholm", "PLACE", "e1");
  AddEntity(a, "Ilse Brandvold", "PERSON", "e2");
  AddQuantity(a, "53", 53, "years", "e2");
  AddQuote(a, "the tram would cut commuting times in half for students and dock workers",
           "Ilse Brandvold", "e2", "said", "indirect", "");
  AddDate(a, "in three days", "P3D");
  return a;
}

inline AnnotatedArticle ArticleA3() {
  AnnotatedArticle a = MakeArticle(
      "a3", "City Wire", "2023-05-10", "Varnholm tram construction contract awarded",
      "A month after the council approved the eastern tram line, Varnholm has awarded the "
      "construction contract for the route between the harbour and the university campus. "
      "Brandvold said tracks for the tram would be laid from next spring, and the VARNHOLM "
      "transit office confirmed the timetable. The council said the tram line budget remains "
      "unchanged despite warnings from critics.");
  AddEntity(a, "Varnholm", "PLACE", "e1");
  AddEntity(a, "Brandvold", "PERSON", "e2");
  AddEntity(a, "VARNHOLM", "PLACE", "e1");
  AddQuote(a, "tracks for the tram would be laid from next spring", "Brandvold", "e2", "said",
           "indirect", "");
  AddDate(a, "next spring", "2024-SP");
  return a;
}

inline AnnotatedArticle ArticleB1() {
  AnnotatedArticle a = MakeArticle(
      "b1", "Science Daily Post", "2023-04-01", "Deep-sea octopus nursery found on Calderra Ridge",
      "Marine biologists have discovered thousands of brooding octopuses gathered around warm "
      "springs on the Calderra Ridge, two kilometres below the ocean surface. The research "
      "team, led by oceanographer Tomas Ekwueme, used a remotely operated submersible to film "
      "the nursery. \"The warm water appears to speed up the development of the octopus "
      "eggs,\" Ekwueme wrote on Instagram.");
  AddEntity(a, "Calderra Ridge", "PLACE", "e1");
  AddEntity(a, "Tomas Ekwueme", "PERSON", "e2");
  AddEntity(a, "Ekwueme", "PERSON", "e2");
  AddQuantity(a, "two kilometres", 2, "km", "e1");
  AddQuote(a, "The warm water appears to speed up the development of the octopus eggs,",
           "Ekwueme", "e2", "wrote", "direct", "instagram");
  return a;
}

inline AnnotatedArticle ArticleB2() {
  AnnotatedArticle a = MakeArticle(
      "b2", "Ocean Report", "2023-04-05", "Warm springs shelter thousands of brooding octopuses",
      "An expedition to the Calderra Ridge, two kilometres down, has found a vast octopus "
      "nursery where females brood their eggs beside warm hydrothermal springs. Tomas Ekwueme, "
      "the oceanographer who led the expedition, said the submersible footage showed more "
      "brooding octopuses than any site known before. The biologists believe the warm water "
      "shortens the time the eggs need to hatch.");
  AddEntity(a, "Calderra Ridge", "PLACE", "e1");
  AddEntity(a, "Tomas Ekwueme", "PERSON", "e2");
  AddQuantity(a, "two kilometres", 2, "km", "e1");
  return a;
}

inline AnnotatedArticle ArticleB3() {
  AnnotatedArticle a = MakeArticle(
      "b3", "Blue Planet Blog", "", "Why octopuses choose the warm springs of Calderra Ridge",
      "The octopus nursery on the Calderra Ridge shows how deep-sea animals use warm springs "
      "from the ocean floor. According to oceanographer Tomas Ekwueme, the brooding females "
      "return to the same springs each season. Marine biologists plan another submersible "
      "expedition to track how many eggs hatch.");
  AddEntity(a, "Calderra Ridge", "PLACE", "e7");
  AddEntity(a, "Tomas Ekwueme", "PERSON", "e3");
  return a;
}

// The six articles, interleaved so that input order says nothing about
// stories.
inline std::vector<AnnotatedArticle> TwoStoryCorpus() {
  return {ArticleB3(), ArticleA2(), ArticleB1(), ArticleA3(), ArticleB2(), ArticleA1()};
}

}  // namespace storyline::testdata

#endif  // STORYLINE_TESTS_STORIES_STORY_CORPUS_H_
