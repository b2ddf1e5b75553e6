// entity_link.h: joins one article's named-entity mentions into in-article
// entities and adds the descriptions ("the actress", "the brand") that stand
// for them.
//
//   std::vector<storyline::EntityMention> m = ...;  // tagger output
//   storyline::LinkEntities(text, sentences, tokens, &m);
//   // m[i].entity is "e1", "e2", ...; m is sorted by span.
//
// What joins (all general rules of English news writing, no names built in):
// - the same name, ignoring case, a possessive ending and a leading
//   honorific ("Mr. Smith" = "smith's");
// - declared aliases: "Ye, formerly Kanye West", "X, also known as Y",
//   "Y, better known as X", "X (born Y)", "X, whose real name is Y",
//   "X (formerly Y)", "Northern Rail Council (NRC)"; a side the tagger
//   missed is added as a new mention;
// - one-letter misspellings (one substitution, insertion, deletion or swap
//   of neighbours, on a word of at least five letters, the other words
//   equal, same type), unless the candidate is ambiguous or both are full
//   names whose first names differ in their last letter ("Maria Costa" /
//   "Mario Costa" are relatives, not a typo);
// - plurals ("the Smiths") of a person's surname, unless a capitalised
//   "The" or a closing quote marks a title ("The Kardashians", the show);
// - a shorter PERSON name that begins or ends exactly one longer PERSON name
//   ("Kim", "Kardashian" -> "Kim Kardashian"); with two people sharing the
//   word it stays apart.
// - a full name the tagger typed PLACE or ORG ("Jane Doe" as a place) and
//   its first name or surname alone, when that word has strong person
//   evidence (a person cue, or more PERSON labels than the full name has of
//   its own type) and begins or ends no other name; the merged votes and
//   cues then decide the type. Not for names with function words ("The
//   Smiths") or place words ("Doe Island", "Port Doe").
// Tagger repairs: two PERSON chunks with nothing between them are one name;
// role nouns in front of a PERSON chunk ("Model Jane Doe") are a declared
// role, not part of the name; untagged capitalised words equal to (or one
// letter off) a word of exactly one known name are added as its mentions,
// unless the article also writes the word in lower case ("Will"/"will").
// Epithets: "the" + modifiers + a head noun from a fixed lexicon ("the
// 32-year-old star", "the 'Foo Bar' actress", "the mother of four", "the
// fashion house", "the 42-year-old") become mentions spanning the whole
// description of the one entity they can refer to: the entity declared with
// that noun or age anywhere in the article ("X, the actress", "actress X",
// "X is a rapper", "X, 42,"), else the only type-compatible entity in the
// nearest preceding sentence (of the last few) that has one, never a name
// in the same clause ("West praised the star": someone else); with no
// candidate there, the entity the article has mentioned most so far, when it
// has at least three mentions and twice the runner-up's (not for media
// nouns: "the publication" is usually the outlet). A verb after the head
// ends the description ("the star posed beside singer X"); "as the brand's
// ambassador" holds a mention ("the brand") although "as" makes predicates. Family nouns
// ("the mother") need a declaration or a count ("of four"); predicates ("is
// the chairman") and titles before a name ("the rapper Jay") are not
// mentions. Ambiguous: no mention.
// Types: one per entity, from strong cues when there are any (a role noun
// declared for the name, "X's creative director" or "chairman of X" or
// "brands like X" or an acronym => ORG, "X's husband" or "X said she" or an
// honorific or an age, also "X, 31 said" with the comma forgotten =>
// PERSON; "the season finale of X" => WORK), else the majority of tagger
// labels;
// written to every mention, epithets included. A name the tagger called a
// PLACE that business nouns ("the brand", "the company") resolve to at
// least twice, with no ORG nearby, becomes an ORG; once is enough with a
// brand context ("X's campaign", "the X collection"), which a one-word name
// the tagger called a PERSON (no person cue, no full name) also needs.
// A one-word PERSON-typed name in a publication's contexts ("told X", "in
// an interview with X", "X reported", "X magazine"), with no person cue and
// no full name, is an ORG (an outlet).
// Thread-safety: a pure function over immutable tables; safe from any thread.
#ifndef STORYLINE_EXTRACT_ENTITY_LINK_H_
#define STORYLINE_EXTRACT_ENTITY_LINK_H_

#include <string_view>
#include <vector>

#include "storyline/annotation.h"
#include "text/sentences.h"

namespace storyline {

// REQUIRES: `sentences` and `tokens` come from SplitSentences/Tokenize of
// `text`; every mention's span starts and ends on token boundaries (tagger
// output). On return every mention has `entity` ("e1", ... numbered by first
// appearance) and its entity's `type`, added alias and epithet mentions are
// included, and `mentions` is sorted by span start (longer first on ties).
// Never fails: mentions that no rule joins become entities of their own.
void LinkEntities(std::string_view text, const std::vector<Span>& sentences,
                  const std::vector<Token>& tokens, std::vector<EntityMention>* mentions);

}  // namespace storyline

#endif  // STORYLINE_EXTRACT_ENTITY_LINK_H_
