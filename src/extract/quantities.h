// quantities.h: recognises ages, counts, money, percentages and ranks in
// English news text, normalises their values and attaches each to the entity
// mention it most likely qualifies.
//
//   std::vector<storyline::Quantity> q =
//       storyline::FindQuantities(text, annotated.entities);
//   // "Jane Fox, 31, said" -> {text "31", value 31, unit "years", subject "e1"}
//
// Forms and units:
// - ages ("years"): "Fox, 31," / "Fox, 31 said" / "said Fox, 31." (a PERSON
//   mention, a comma, a whole number 1-119, then ',', '.', ';', the end of
//   the text, or a lowercase word that is not a unit: "Fox, 30 people" is a
//   count), "Fox (31)", "the 42-year-old", "42 years old", "aged 31".
// - counts (unit = the counted noun as written, lowercased, e.g.
//   "followers"): a number, optionally scaled ("30K", "2.3 million", "1.2bn"),
//   followed by a countable noun from a fixed list, optionally with one
//   modifier word between ("5,000 Instagram followers"). Small cardinals
//   may be spelled out ("three people", "two million followers").
// - money (ISO 4217 unit): "$200,000", "US$3.5 million", "£1.2m",
//   "€5 billion", "200,000 dollars", "5 million euros", "300 USD".
// - percentages ("percent"): "12%", "60 percent", "3.5 per cent".
// - ranks ("rank"): "ranked third", "ranked No. 2", "No. 1", "#1",
//   "the fifth-largest", "3rd-biggest".
//
// Spans cover the number with its unit and cue words ("aged 31",
// "42 years old", "30K followers", "ranked third"), except the appositive
// and parenthesised ages, whose span is the bare number.
//
// Subjects (in-article entity ids, "" when none):
// - appositive and parenthesised ages: the PERSON mention just before.
// - other ages: a PERSON mention starting right after the expression
//   ("42-year-old Jane Fox"), else the nearest PERSON mention ending before
//   it in the same or the previous sentence ("Fox ... The 42-year-old").
// - counts, money, percentages, ranks: the closest PERSON or ORG mention
//   ending before the number within the same sentence. This is a stand-in
//   for the grammatical subject: news sentences mostly put the actor before
//   the figure ("Fox lost 30K followers"); it is wrong for passives and for
//   sentences that name the owner after the figure.
//
// Not quantities: bare years 1900-2099 without a currency or scale, numbers
// joined to '/', ':' or a digit-hyphen-digit run (dates "9/11", times
// "10:30", phone numbers "555-0100", ids "A-113"), numbers with
// non-numeric suffixes ("90s", "3D", "10am"), and numbers with no
// recognised unit ("Chapter 3").
//
// Sentences are found by a light rule of our own (terminal punctuation then
// a space, except after short abbreviations; or a line break) so this
// function needs nothing but the text and the mentions.
//
// Thread-safety: a pure function over immutable tables; safe from any thread.
#ifndef STORYLINE_EXTRACT_QUANTITIES_H_
#define STORYLINE_EXTRACT_QUANTITIES_H_

#include <string_view>
#include <vector>

#include "storyline/annotation.h"

namespace storyline {

// Finds the quantities in UTF-8 `text`, sorted by start and never
// overlapping. Spans are in code points (end exclusive, one per byte that is
// not a UTF-8 continuation byte, as CodePointLength counts); each Quantity's
// `text` is the matched bytes. `entities` are mentions into the same text
// (any order); only PERSON and ORG mentions become subjects. Invalid UTF-8
// is tolerated. Never fails: unrecognised text yields no quantities.
std::vector<Quantity> FindQuantities(std::string_view text, const std::vector<EntityMention>& entities);

}  // namespace storyline

#endif  // STORYLINE_EXTRACT_QUANTITIES_H_
