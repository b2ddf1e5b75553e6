// quotes.h: quotations and who said them.
//
//   std::vector<storyline::Quote> q =
//       storyline::FindQuotes(text, sentences, tokens, &entities);
//
// Finds direct quotations (every common mark style, split and multi-paragraph
// quotations, colon-introduced and quoted posts), partial quotations (short
// quoted words a speaker said) and indirect speech ("X said that ...",
// "according to X"), and attributes each to a speaker through the article's
// entity mentions (names, surnames, pronouns, epithets). A named speaker the
// entity layer missed is appended to `entities` as a new mention.
//
// Thread-safety: pure function over immutable tables; safe from any thread.
#ifndef STORYLINE_EXTRACT_QUOTES_H_
#define STORYLINE_EXTRACT_QUOTES_H_

#include <string>
#include <vector>

#include "storyline/annotation.h"
#include "text/sentences.h"

namespace storyline {

// `sentences` and `tokens` come from SplitSentences/Tokenize of `text`;
// `entities` are the linked in-article mentions (EntityMention::entity set),
// sorted by span. Quotes come back sorted by span start; a direct or partial
// quotation's span is the text inside its marks, an indirect one's the
// reported clause (partial quotations inside it are also reported). A quote
// has `speaker` (an entity id) when its speaker is named, only
// `speaker_name` for anonymous and collective speakers ("one commenter",
// "fans"), neither when unknown. `medium` uses the dev set's vocabulary
// (eval/quotes/README.md) plus "instagram_stories". Names of speakers that
// had no mention are appended to `entities` (which stays sorted by start),
// joined to an entity with the same last word or given the next free "eN".
// `entities` may be null. Never fails: malformed mentions are ignored and
// any byte sequence is accepted.
std::vector<Quote> FindQuotes(const std::string& text, const std::vector<Span>& sentences,
                              const std::vector<Token>& tokens,
                              std::vector<EntityMention>* entities);

// Quotations in a headline, spans in code points of `title`: quoted words
// (direct, or partial when the headline's own words run into them) and a
// report before a final ", X says"; each attributed from the body: the
// speaker of the body quotation with the same words, else the body entity
// the headline names, else the person its role noun describes in the body
// ("adviser says" -> "Ellis Varga, a senior adviser"). `text`,
// `body_quotes` and `entities` are the body and what Annotate found in it.
// Titles of works and scare quotes without a cue are left out. Never fails.
std::vector<Quote> FindTitleQuotes(const std::string& title, const std::string& text,
                                   const std::vector<Quote>& body_quotes,
                                   const std::vector<EntityMention>& entities);

}  // namespace storyline

#endif  // STORYLINE_EXTRACT_QUOTES_H_
