// quantities.h: recognises ages, counts, money, percentages and ranks in
// English news text, normalises their values and attaches each to the entity
// mention it most likely qualifies.
//
//   std::vector<storyline::Quantity> q =
//       storyline::FindQuantities(text, annotated.entities);
//   // or, with the article's tokens: FindQuantities(text, shape_tokens, entities)
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
//   ("Fox, a 42-year-old actress") or follows "as" ("made his debut as a
//   17-year-old": the sentence's first person); "the 42-year-old" after a
//   name and comma is that name's, else the person the article has named
//   most so far (the first named among equals); else the nearest PERSON
//   mention ending before it in the same or the previous sentence.
// - counts, percentages: the owner the phrase names, never nearness alone:
//   a possessor ("Fox's 5,000 followers", "its 4,000 workers"), "of X"
//   with a name, the organisation a whole belongs to ("1,100 jobs across
//   the company", "from Acme's workforce"), or the subject of the clause
//   whose own verb takes the count ("Fox lost 30K followers", "Lane, who
//   has 2 million fans", "the independent who drew 1,904 votes" in
//   apposition to a name). After a verb of saying, a preposition or a
//   participle clause the count is nobody's ("Fox said 300 homes burned").
//   A relative clause of a thing with a name ("The Corvale plant, which has
//   2,300 workers") leaves the owner unknown: measure "". What "whose" names
//   and what happens at a named place (", where") are the antecedent's
//   ("the guild, whose 480 members", "in Kelso, where 9,000 fans sang"), or
//   someone's unknown (measure "") when no mention ends there; so is a
//   distance set beside a name between commas ("Orbury, 90 kilometres
//   away", "Pellac, 60 km to the east"). A "which" or "who" clause after a
//   name (a place's too) describes it: every count in it is the name's,
//   after a preposition too ("Quillon, which runs 38 data centres in 11
//   countries"), unless a verb of saying, "that", "the" or "all" hands it
//   elsewhere, or the name follows a preposition ("the union of Corvane,
//   which").
// - money: the payer owns a sum its own verb names ("spent £100m", "owes
//   $200,000"), never a price (a fee, a deal, a move: the deal's) nor a sum
//   named by a noun ("promised $6m in emergency aid"). The subject of a
//   verb of having or making owns the sum its object is "of", past a
//   relative aside or as the antecedent of the clause the verb opens
//   ("Acme, which has 300 staff, reported income of £8m", "Acme, which
//   made a profit of £2m"); a sum joined to an owned one in one object is
//   the same owner's ("and a deficit of £1m", "plus a £40,000 bonus", "on
//   revenue of £9m"); "it" right after a verb of saying is the organisation
//   saying it ("Acme says it has raised £2m"); the possessor of the noun a
//   sum is set at ("puts Acme's monthly loss at £1m", "Acme's backlog
//   stands at $40m"); a name after the noun's "of" ("the £4m budget of
//   Tarnwick Council"), while a group in the plural there is the thing the
//   sum is of ("the £21,000 wage of the porters"); "the trust" or "its"
//   with no name in the sentence is the one organisation whose name's head
//   is that noun ("the board's budget of £1bn" for "Harwick Water Board";
//   "its" so for any figure, counts too: "21 of its flights");
//   a passive payment's subject past an age and an aside, or a pronoun's
//   referent ("Tovey, 41, who cooked there, is owed £8,200", "She was paid
//   £2m").
// - durations: a possessor ("Acme's 40-year history"); the person a
//   description is in apposition to ("Fox, a
//   councillor for eight years", "Fox, 29, a season-ticket holder for 15
//   years": past an age between commas, as for relative clauses ("Fox, 52,
//   who has worked ...")) or the subject of the verb giving them
//   ("was jailed for nine years", "has worked at the infirmary for 26
//   years").
// - ranks: the subject of their clause ("Acme is the fifth-largest bank").
//
// What a figure measures (Quantity::measure): "age"; a count's noun with
// its modifiers and what happened to it ("farm buildings destroyed",
// "people evacuated", "jobs cut"; "in all" for a whole, "in <group>" for a
// part, "in part" for a part of a given whole and what a verb after it says
// happened to the part ("Nine of the airline's 11 aircraft were leased":
// "aircraft leased in part", the whole "aircraft in all"), "margin" after
// "by"); the noun phrase a sum or share is of, after it ("$4.8m repair
// contract", "$6m in aid", "15% contained", "12% of the vote") or before it
// ("a fee of £62m", "turnout was 42%", "Severance ... will total $14m"),
// one-word heads grouped ("deal", "price" -> "fee"; "spent" -> "spending");
// the level a change reached, the changed thing's, past the change's size
// or starting level ("The fare for a day ticket rose by 7%, to £6.40", "pay
// rose from £90,000 to £104,000": "fare", "pay"); the thing a duration is of
// ("five-year contract", "jailed for nine years" -> "sentence"; "has farmed
// at Copper Lane for 52 years" -> "farmed", the verb before a named place or
// object). How exactly: "about", "nearly", "some" (approximate), "more
// than", "over", "at least", "up to", "fewer than", and ranges "between X
// and Y", "X to Y", "X-Y" (value and high;
// "£18m-25m" and "£18-25m" too, the currency and scale written once; "X to
// Y" framed by the words before X: "estimated at £18m to £25m", with no
// noun for what was estimated the measure "estimate"). A tabloid
// intensifier ("a whopping", "a staggering", "an eye-watering":
// lexicons/lead_phrases.txt, tag exact) leaves the figure exact and its
// measure read before it ("owing them a whopping £1.7m": "debt"). "the
// number of X" that a verb later in the clause sets at a bare figure ("put
// the number of guests affected at 2,400", "rose to 418") makes it a count
// of X. What a name or "who" "is worth" measures "worth", the name's own.
// A vote's tally ("voted seven to four", "by 7 votes to 5", "the 7-4
// vote") is two counts of votes, measures kVotesFor and kVotesAgainst.
//
// The described thing a figure no one owns measures (Quantity::thing), only
// when the phrase's structure names it, never a person's noun nor an
// organisation's alone: the thing before "with" ("a restoration appeal with
// a target of £5.4m", "a care home with 64 beds"); a relative clause's
// antecedent for a sum or a duration ("an online collection that raised
// £12,500"; a count there is the story's event told again); what takes a
// duration ("the works would take nine months"), costs a sum ("says repairs
// will cost £3m", "The kitchen alone cost €40,000") or receives it ("Those
// leaving will receive 10 weeks' pay"); a possessor that is a thing, not an
// area ("the museum's $4.5 million restoration budget"); the noun a sum is
// of or for before a copula ("The cost of the new roof will be $900,000");
// a group's size written as a modifier ("the 12-member gang": measure
// "members"); people arrested or hurt during an event ("Four people were
// arrested during the rally"); a passive's subject changed by a percentage
// ("The library book fund will be cut by 30 per cent": measure "fall"); the
// one a sum is owed or paid to ("£2.1m owed to the tax authority").

// Not quantities: bare years 1900-2099 without a currency or scale, numbers
// joined to '/', ':' or a digit-hyphen-digit run (dates "9/11", times
// "10:30", phone numbers "555-0100", ids "A-113"), numbers with
// non-numeric suffixes ("90s", "3D", "10am"), and numbers with no
// recognised unit ("Chapter 3").
//
// Sentences are those of the shape tokens (text/shape_tokens.h: terminal
// punctuation then a space, except after short abbreviations; or a line
// break), so this function needs nothing but the text, its tokens and the
// mentions.
//
// Thread-safety: a pure function over immutable tables; safe from any thread.
#ifndef STORYLINE_EXTRACT_QUANTITIES_H_
#define STORYLINE_EXTRACT_QUANTITIES_H_

#include <string_view>
#include <vector>

#include "storyline/annotation.h"

namespace storyline {

struct ShapeToken;  // text/shape_tokens.h

// The measures of a tally's two sides (see above).
inline constexpr std::string_view kVotesFor = "votes for";
inline constexpr std::string_view kVotesAgainst = "votes against";

// Finds the quantities in UTF-8 `text`, sorted by start and never
// overlapping. Spans are in code points (end exclusive, one per byte that is
// not a UTF-8 continuation byte, as CodePointLength counts); each Quantity's
// `text` is the matched bytes. `entities` are mentions into the same text
// (any order); only PERSON and ORG mentions become subjects. Invalid UTF-8
// is tolerated. Never fails: unrecognised text yields no quantities.
std::vector<Quantity> FindQuantities(std::string_view text, const std::vector<EntityMention>& entities);

// As above over the shape tokens the caller already has (Annotate computes
// them once per article), so the text is not split again.
// REQUIRES: `tokens` == TokenizeShapes(text).
std::vector<Quantity> FindQuantities(std::string_view text, const std::vector<ShapeToken>& tokens,
                                     const std::vector<EntityMention>& entities);

}  // namespace storyline

#endif  // STORYLINE_EXTRACT_QUANTITIES_H_
