// figures.h: claims about numbers (ages, counts, sums, shares, durations),
// compared only where they state the same thing.
//
//   std::vector<Claim> claims = FigureClaims(members, entities, story);
//
// Each quantity the language layer found (extract/quantities.h) is a figure
// with what it measures, whose it is, how exactly it is stated and when it
// holds:
//   - subject: the in-article entity the phrase gives it (an age's person, a
//     possessor, a clause subject that paid or has it), or none: a figure
//     with no named owner is about the story's own event ("2,300 people were
//     evacuated"), shown with an empty subject;
//   - attribute: "age", or what it measures ("homes destroyed", "fee",
//     "turnout", "sentence (years)"); a figure that measures nothing known
//     and belongs to no one is no claim;
//   - scale: the currency of a sum, "percent", or the counted unit: sums in
//     two currencies are never compared;
//   - bound: exact, about, more than, up to, or a range;
//   - time: an explicit date in its sentence near it ("5 per cent on
//     Sunday", "made his debut in 2019, aged 18"), else the time of its
//     article. Values stated for different times never conflict; a value
//     with no explicit time holds at its article's publication, so "22 per
//     cent by Wednesday" does not contradict Tuesday's "15 per cent".
//     Ages given more than kAgeWindowDays apart are not compared (birthdays).
// Figures that differ only in how specific they are join: "37 homes" joins
// "homes destroyed" when that is the only thing said of homes; a figure of
// the story's event joins the one owner the story gives that attribute.
// Two values conflict when they cannot both be true: two different exact
// values; an approximate value more than kApproxTolerance away from an
// exact one; a lower bound above, an upper bound below, or a range not
// containing the other value. Compatible values ("8,640" and "about 8,600")
// are one claim, agreed when two sources give them.
//
// Thread-safety: reentrant.
#ifndef STORYLINE_STORIES_FIGURES_H_
#define STORYLINE_STORIES_FIGURES_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "stories/story_entities.h"
#include "storyline/annotation.h"
#include "storyline/brief.h"

namespace storyline::stories {

// The number claims of the story's members (publication order; must
// outlive the call), with `extra[i]` quantities found for members[i] beyond
// its annotation (ages the claims code reads itself; may be shorter).
// REQUIRES: story.entities came from `entities.Build()`. `source_of` maps an
// article to the article it duplicates (itself when original), for
// counting independent sources.
std::vector<Claim> FigureClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
                                const Story& story, const std::vector<std::vector<Quantity>>& extra,
                                const std::unordered_map<std::string, std::string>& source_of);

// A figure's value as the brief shows it: "2300", "4200000 USD", "about
// 2000", "more than 1200", "up to 50", "400-450", "8000000-12000000 USD".
std::string FigureValueText(const Quantity& q);

// Whether two stated values of one attribute can both be true (see above).
bool FiguresCompatible(const Quantity& a, const Quantity& b);

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_FIGURES_H_
