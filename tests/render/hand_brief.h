// Hand-built briefs for the renderer tests: every part of the story view
// filled directly, so the tests do not depend on how stories are built.
#ifndef STORYLINE_TESTS_RENDER_HAND_BRIEF_H_
#define STORYLINE_TESTS_RENDER_HAND_BRIEF_H_

#include <string>

#include "storyline/brief.h"

namespace storyline::testdata {

inline Article HandArticle(const std::string& id, const std::string& outlet,
                           const std::string& published, const std::string& title) {
  Article a;
  a.id = id;
  a.outlet = outlet;
  a.published = published;
  a.title = title;
  a.url = "https://example.org/" + id;
  return a;
}

// Three outlets on one story: a conflicting age and medium, an agreed and a
// single claim, one quotation in three wordings, a timeline, an entity with
// a misspelt alias, a near-duplicate and a related follow-up story.
inline Brief HandBrief() {
  Brief b;
  b.articles = {HandArticle("h1", "Harbour Gazette", "2023-04-02", "Mayor Quell resigns"),
                HandArticle("h2", "Coast Wire", "2023-04-03", "Quell quits over contract"),
                HandArticle("h3", "Coast Wire", "2023-04-03", "Quell quits over contract (updated)"),
                HandArticle("h4", "Valley Post", "2023-04-05", "What Quell's exit means"),
                HandArticle("h5", "Valley Post", "2023-09-01", "Quell returns to radio")};
  Story s;
  s.id = "s1";
  s.label = "Ada Quell, Harbour Council";
  s.articles = {"h1", "h2", "h3", "h4"};
  s.related_stories = {"s2"};
  s.duplicates = {{"h3", "h2", 0.93}};
  s.span_first = "2023-04-02";
  s.span_last = "2023-04-05";
  s.entities = {{"e1", "Ada Quell", "PERSON", {"Ada Quell", "Quell", "Ada Quel"}, {"h1", "h2", "h4"}, 9},
                {"e2", "Harbour Council", "ORG", {"Harbour Council"}, {"h1"}, 2}};
  s.quotes = {{"q1", "e1", "Ada Quell", "I have done nothing wrong and I will not be silenced",
               {{"h1", "I have done nothing wrong and I will not be silenced", 10, 62, "said", "direct", "statement"},
                {"h2", "I've done nothing wrong, and I won't be silenced", 5, 52, "wrote", "direct", "instagram"},
                {"h4", "I have done nothing improper and I will not be silenced", 0, 55, "told", "direct", "interview"}}},
              {"q2", "", "", "Nobody saw it coming", {{"h4", "Nobody saw it coming", 80, 100, "said", "direct", ""}}}};
  s.timeline = {{"2019", "Quell was first elected.", {"h1", "h4"}, "Quell, who was first elected in 2019, said."},
                {"2023-04-01", "The council voted on the contract.", {"h2"}, "On April 1 the council voted."}};
  s.claims = {
      {"e1", "Ada Quell", "employer", "single", {{"Harbour Radio", {"h4"}, "Quell once hosted a show on Harbour Radio."}}},
      {"e1", "Ada Quell", "age", "conflict",
       {{"52", {"h1", "h4"}, "Quell, 52, stepped down on Sunday."},
        {"53", {"h2"}, "The 53-year-old mayor, 53, said she would fight."}}},
      {"e2", "Harbour Council", "count", "agreed", {{"7", {"h1", "h2"}, "The council's 7 members met."}}},
      {"e1", "Ada Quell", "medium", "conflict",
       {{"instagram", {"h2"}, "Quell wrote on Instagram that she had done nothing wrong."},
        {"statement", {"h1"}, "In a statement, Quell said she had done nothing wrong."}}}};
  b.stories.push_back(s);

  Story follow;
  follow.id = "s2";
  follow.label = "Ada Quell, Harbour Radio";
  follow.articles = {"h5"};
  follow.related_stories = {"s1"};
  follow.span_first = follow.span_last = "2023-09-01";
  b.stories.push_back(follow);
  return b;
}

}  // namespace storyline::testdata

#endif  // STORYLINE_TESTS_RENDER_HAND_BRIEF_H_
