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
// Subjects (in-article entity ids, "" when none). A "known name word" is a
// capitalised first name or surname of exactly one PERSON entity's
// mentions, so a bare "Fox" the tagger missed still finds Julia Fox's id.
// - any figure inside a PERSON (ages) or PERSON/ORG mention (others), such
//   as an epithet the linker added ("The 32-year-old star" -> that
//   person): that mention's entity.
// - appositive and parenthesised ages: the PERSON mention or known name
//   word just before ("Fox, 31," / "Fox (31)").
// - other ages: a PERSON mention or known name word starting right after
//   the expression, across up to kAttributiveGap role nouns and capitalised
//   modifiers ("42-year-old British actress Jane Fox"); else the name just
//   before ("Fox, aged 31"); else nobody after an indefinite article ("a
//   42-year-old man", "a woman aged 31"), unless it opens an appositive
//   ("Fox, a 42-year-old actress"); else the nearest PERSON mention ending
//   before it in the same or the previous sentence ("Fox ... The
//   42-year-old").
// - counts, money, percentages, ranks: the subject of their clause, found
//   by rules on word order (no parser): a possessor right before ("Fox's
//   5,000 followers"), "<count> of <mention>"; else, among the PERSON/ORG
//   mentions before the figure in its sentence, nearest first: the head of
//   a relative clause reaching the figure ("Lane, who has 2 million fans"),
//   skipping mentions after a preposition ("angry at Acme"), inside a
//   closed parenthetical ("Fox, who sued Acme, lost ..."), inside a closed
//   quotation, or speaking a reported clause with its own subject ("Fox
//   said the firm lost ..."); the first in subject position (sentence
//   start, after punctuation, a conjunction or a reporting verb) wins, else
//   the nearest in object position ("dated Kanye West"). A nearer he/she/
//   his/her (its) stands for the nearest PERSON (ORG) before it in this or
//   the previous sentence. Last, a known name word not after a preposition.
//   Still wrong for passives ("30K followers were lost by Fox") and
//   plural subjects that are not mentions ("the women paid $200,000").

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
