// figures.h: claims about numbers (ages, counts, sums, shares, durations),
// compared only where they state the same thing.
//
//   std::vector<Claim> claims = FigureClaims(members, entities, story);
//
// Each quantity the language layer found (extract/quantities.h) is a figure
// with what it measures, whose it is, how exactly it is stated and when it
// holds:
//   - subject: the in-article entity the phrase gives it (an age's person, a
//     possessor, the subject whose own verb takes it, a whole's
//     organisation), or none: a figure with no named owner is about the
//     story's own event ("2,300 people were evacuated"), shown with an empty
//     subject; a sum no one owns is named by what it is for (subject name
//     "severance package", attribute "amount"); the two sides of one vote's
//     tally ("voted eight to four") have one owner, or none when the
//     language layer gives them two;
//   - attribute: "age", or what it measures ("homes destroyed", "fee",
//     "percent turnout", "sentence (years)"); a sum or share that measures
//     nothing known and belongs to no one is no claim, nor is one of
//     something named in the singular ("one customer said"), nor a figure in
//     someone's quoted words;
//   - scale: the currency of a sum, "percent", or the counted unit: sums in
//     two currencies are never compared;
//   - bound: exact, about, more than, up to, or a range;
//   - time: an explicit earlier year in its sentence ("a 2016 pilot study
//     ... enrolled 88 patients"; for an age, the dated event: "made his debut
//     in 2019, aged 18" holds "at debut") or a day after the figure ("5 per
//     cent on Sunday"), or a past period named from the article's day that
//     no date covers ("Last season ..., posting 812 yards": "last season"),
//     else none. Values stated for different times never
//     conflict; a value with no explicit time holds at its article's
//     publication. The story's event in an earlier year is another event:
//     such figures of no owner are dropped. A running total of an article
//     with no date ("the toll rose to 31") may update another's count and
//     is compared with nothing; a count "later" or "earlier" closes
//     ("fifteen games later") is a point, compared only with points. Ages given more than
//     kAgeWindowDays apart are not compared (birthdays), nor estimates
//     and forecasts ("could reach", "is now estimated at") from articles more
//     than kEstimateWindowDays apart (two estimates).
// Figures that differ only in how specific they are join: "37 homes" joins
// "homes destroyed" when that is the only wider thing said of homes (never
// a margin, a whole or a part); sums of one owner and currency sharing a
// specific word are one ("severance package" / "severance"); a figure of the
// story's event stating exactly one owner's value for the same attribute is
// that owner's. Two values conflict when they cannot both be true: two
// different exact values; an approximate value further from an exact one
// than its own rounding reaches (ApproxSlack: "about 4,000" holds 3,500 to
// 4,500, and at least a twentieth either side); a lower bound above, an upper bound below, a
// range not containing the other value, or two ranges with different ends ("£18m to
// £25m" / "£20m to £30m"). Vague sums ("money", "amount")
// never conflict; figures of the story's event, generic sums ("fee") and
// bare counts ("patients") conflict only when their sentences share enough
// content words to tell the same thing, or state another figure alike
// ("Sixty firefighters, with 12 engines," / "Eighty firefighters and 12 fire
// engines"). Compatible values ("8,640" and
// "about 8,600") are one claim, agreed when two sources give them.
// Outlets also word one figure differently ("made 23 arrests" / "32
// protesters were arrested"): figures of two sources whose groups differ
// are matched when they are the same kind of value (currency, percent,
// unit of time, count) of the same subject and time, what one measures is
// named beside the other (a Snowball stem of its attribute's or counted
// noun's words among the other's frame), both carry the same qualifiers ("average",
// "annual": lexicons/measure_qualifiers.txt), and each is the other's one
// best match in its article among values within a factor of 1.5; such a
// pair joins the two groups: a conflict when the values are incompatible,
// an agreement when they fit ("made 41 arrests" / "arrested 41").
// A named thing's figure and one of the story's event are matched so only
// when they measure it in the same words ("Three people were arrested
// during the protest" / "two people were arrested"), and the event's
// article names that thing but gives it no figure of that kind itself.
// Figures of two sources stating the same number of one owner, kind and
// time in other words ("38,000 people were on the site" / "a crowd of
// 38,000 was on the site") agree too when each is its article's only such
// number and the words beside them share a stem or the number is 100 or
// more; a figure of the story's event stating a number so with one owner's
// figures alone (its group stating no other number) is that owner's; so
// do an approximate figure and a near one of one owner that fits it ("about
// 3,000 spectators" / "3,200 people") when the words beside them share a
// stem and each is the only one of its article fitting the other; such a
// pair never joins a group where outlets disagree.
// "Best" counts the stems shared by their frames: their own words and up
// to three words each side in their clauses, not past another figure.
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
