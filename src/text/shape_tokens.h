// shape_tokens.h: the article's tokens by character shape, computed once
// (extract/annotate.cc) and read by the annotators that match figures and
// dates, so they need not split the text again.
//
//   std::vector<storyline::ShapeToken> t = storyline::TokenizeShapes(text);
//   // "Fox, 31, has 30K followers." ->
//   //   Fox , 31 , has 30K followers .   (sentence 0 for all)
//   std::vector<storyline::Quantity> q = storyline::FindQuantities(text, t, mentions);
//
// Unlike Tokenize() in sentences.h (Penn-Treebank-like words for the
// tagger), a shape token is an ASCII letter-digit run or one code point:
// words ([A-Za-z0-9]+ starting with a letter), numbers (a digit, then
// letters and digits with ',' or '.' kept between two digits: "5,000",
// "2.3", "30K") and single-code-point symbols. White space (' ', '\t',
// '\r', '\n') separates tokens and is recorded as `space_before`; every
// other byte belongs to a token, so the view loses nothing but the spaces.
//
// Offsets: bytes of the UTF-8 input and code points, counted as
// non-continuation bytes (CodePointLength() in annotation.h), so invalid
// UTF-8 cannot push an offset past the byte length. A symbol is a byte with
// the continuation bytes that follow it.
//
// Sentences: a light rule, not SplitSentences(): a sentence ends at a line
// break, or at '.', '!' or '?' (optionally followed by closing quotes or
// a closing ")") then white space, except a '.' glued to an abbreviation ("Mr.",
// "No.") or an initial ("U.S.").
//
// Thread-safety: a pure function over immutable tables; safe from any thread.
#ifndef STORYLINE_TEXT_SHAPE_TOKENS_H_
#define STORYLINE_TEXT_SHAPE_TOKENS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace storyline {

enum class ShapeKind { kWord, kNum, kSym };

struct ShapeToken {
  std::string_view s;  // the token's bytes; points into the tokenized text,
                       // which must outlive the token
  size_t b0 = 0;       // bytes into the text, end exclusive
  size_t b1 = 0;
  size_t c0 = 0;  // code points into the text, end exclusive
  size_t c1 = 0;
  ShapeKind kind = ShapeKind::kSym;
  bool space_before = false;  // white space between this and the previous token
  size_t sentence = 0;        // index by the light rule above, from 0
};

// Shape tokens of UTF-8 `text`, in order. Never fails: any byte sequence
// gives some tokens (none for empty or all-space text). The tokens point
// into `text`, which must outlive them.
std::vector<ShapeToken> TokenizeShapes(std::string_view text);

}  // namespace storyline

#endif  // STORYLINE_TEXT_SHAPE_TOKENS_H_
