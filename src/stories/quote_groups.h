// quote_groups.h: the same quotation as several outlets (or one article,
// twice) worded it, found by aligning normalised word tokens.
//
//   std::vector<std::vector<QuoteRef>> groups = GroupQuotes(members);
//   for (const QuoteRef& r : groups[0]) members[r.article]->quotes[r.quote] ...
//
// Outlets trim quotations, quote only a phrase of them, re-punctuate them,
// drop or change a word, use other quote marks, apostrophes or case. Tokens
// are case-folded words with apostrophes removed ("MAN'S" = "MANS"), and two
// quotations are one when a local alignment of their tokens covers most of
// the shorter one. Indirect (reported) speech joins only on a near-literal
// match, since a paraphrase shares words without being the same statement.
//
// Thread-safety: reentrant.
#ifndef STORYLINE_STORIES_QUOTE_GROUPS_H_
#define STORYLINE_STORIES_QUOTE_GROUPS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/annotation.h"

namespace storyline::stories {

// One quotation occurrence: members[article]->quotes[quote].
struct QuoteRef {
  size_t article = 0;
  size_t quote = 0;
};

// How much of two quotations a local token alignment shares.
struct QuoteAlignment {
  size_t matched = 0;       // tokens aligned to an equal token
  size_t shorter = 0;       // tokens of the shorter quotation
  size_t longer = 0;        // tokens of the longer quotation
  double containment = 0;   // matched / shorter: a partial quote inside a full one
  double dice = 0;          // 2 * matched / (shorter + longer): overall likeness
};

// Case-folded word tokens with apostrophes removed.
std::vector<std::string> QuoteTokens(std::string_view text);

// Best local alignment (Smith-Waterman: +2 match, -1 mismatch or gap) of
// two token sequences.
QuoteAlignment AlignQuotes(const std::vector<std::string>& a, const std::vector<std::string>& b);

// True when quotations of kinds `kind_a` and `kind_b` ("direct", "partial",
// "indirect") with this alignment are the same quotation.
bool SameQuotation(const QuoteAlignment& al, const std::string& kind_a, const std::string& kind_b);

// Groups every quote of `members` (publication order; must outlive the
// call). Each quote is in exactly one group; groups are ordered by their
// first occurrence, occurrences in publication then text order.
std::vector<std::vector<QuoteRef>> GroupQuotes(const std::vector<const AnnotatedArticle*>& members);

// The group's canonical wording: the longest well-formed text (opens with a
// capital letter or digit and has balanced quotes and brackets), preferring
// direct quotations; the longest text when none is well-formed.
std::string CanonicalQuoteText(const std::vector<const Quote*>& occurrences);

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_QUOTE_GROUPS_H_
