// sentences.h: tokenizer and sentence splitter for news text.
//
//   std::vector<storyline::Span> s = storyline::SplitSentences(article.text);
//   std::vector<storyline::Token> t = storyline::Tokenize(article.text);
//
// A rule-based scanner over UTF-8 that uses ICU only for character
// properties (case, letters, digits, white space): ICU's sentence iterator is
// slow and does not know news conventions (titles before names, U.S., list
// items, quotations followed by their attribution). Web and e-mail
// conventions are handled too (header time stamps, signatures, closings,
// link lists, '!' or "..." before a new sentence), tuned on UD English-EWT
// train and dev only.
//
// Offsets are Unicode code points into the input, end exclusive, with
// surrounding white space trimmed. Invalid UTF-8 bytes count as one code point
// each (U+FFFD), matching CodePointLength() in annotation.h.
//
// Thread-safety: pure functions over immutable tables; safe from any thread.
#ifndef STORYLINE_TEXT_SENTENCES_H_
#define STORYLINE_TEXT_SENTENCES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "storyline/span.h"

namespace storyline {

struct SentenceOptions {
  // A single line break ends a sentence (headlines, bylines, list lines).
  // Turn off for text hard-wrapped at a fixed width (PDF extractions), where
  // only blank lines separate paragraphs. Either way a line that ends in a
  // space before the break and continues in lower case is a soft wrap (the
  // RFC 3676 format=flowed convention) and does not end the sentence.
  bool single_newline_is_boundary = true;
};

// Sentence spans of `text`, sorted and non-overlapping. Never fails: any
// byte sequence gives some spans (none for empty or all-space text).
std::vector<Span> SplitSentences(std::string_view text, const SentenceOptions& options);
std::vector<Span> SplitSentences(std::string_view text);

struct Token {
  Span span;                // code points into the text
  size_t byte_start = 0;    // the same token in bytes of the UTF-8 input
  size_t byte_end = 0;      // exclusive
};

// Word and punctuation tokens of `text`, Penn-Treebank-like: punctuation
// split off except where it belongs to the word (Mr., U.S., 3.5, 1,000,
// e-mail addresses and URLs), clitics split ("do" "n't", "Smith" "'s").
std::vector<Token> Tokenize(std::string_view text);

}  // namespace storyline

#endif  // STORYLINE_TEXT_SENTENCES_H_
