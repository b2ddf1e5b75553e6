// Fuzzes the tagger and dependency parser (extract/parser.h) with the
// embedded model on arbitrary token sequences, and its article entry points
// (ParseArticle, TokensOfShapes) on the input as text. The input is split
// into sentences at '\n' and into words at ' ' (words may be any bytes,
// empty ones included). Properties: no crash; one result per word; each
// sentence is a tree (one root labelled "root", heads in range, no cycle);
// the same input gives the same answer twice; article heads stay within
// their sentence and shape tokens map to tokens holding their first byte.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "extract/parser.h"
#include "text/sentences.h"
#include "text/shape_tokens.h"

namespace {

// 64 KiB: thousands of words, sentences of any length up to that; longer
// inputs only repeat the same transitions more slowly (parsing is linear).
constexpr size_t kMaxInputBytes = 64 * 1024;

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckTree(const std::vector<storyline::DepToken>& t) {
  int roots = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    Check(t[i].head >= -1 && t[i].head < static_cast<int>(t.size()) && t[i].head != static_cast<int>(i));
    Check((t[i].head < 0) == (t[i].deprel == "root"));
    Check(!t[i].upos.empty() && !t[i].deprel.empty());
    roots += t[i].head < 0;
    int at = static_cast<int>(i);
    for (size_t steps = 0; at >= 0; ++steps) {
      Check(steps <= t.size());
      at = t[static_cast<size_t>(at)].head;
    }
  }
  Check(t.empty() || roots == 1);
}

std::vector<std::vector<std::string_view>> Split(std::string_view in) {
  std::vector<std::vector<std::string_view>> out(1);
  size_t start = 0;
  for (size_t i = 0; i <= in.size(); ++i) {
    if (i < in.size() && in[i] != ' ' && in[i] != '\n') continue;
    out.back().push_back(in.substr(start, i - start));
    if (i < in.size() && in[i] == '\n') out.emplace_back();
    start = i + 1;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  const auto& parser = storyline::DependencyParser::Default();
  Check(parser.ok());
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  for (const std::vector<std::string_view>& words : Split(in)) {
    const std::vector<storyline::DepToken> a = parser->Parse(words);
    Check(a.size() == words.size());
    CheckTree(a);
    const std::vector<storyline::DepToken> b = parser->Parse(words);
    for (size_t i = 0; i < a.size(); ++i) {
      Check(a[i].head == b[i].head && a[i].deprel == b[i].deprel && a[i].upos == b[i].upos);
    }
  }
  const std::vector<storyline::Span> sentences = storyline::SplitSentences(in);
  const std::vector<storyline::Token> tokens = storyline::Tokenize(in);
  const std::vector<storyline::TokenParse> parse = storyline::ParseArticle(in, sentences, tokens, *parser);
  Check(parse.size() == tokens.size());
  for (const storyline::TokenParse& p : parse) {
    Check(p.head >= -1 && p.head < static_cast<int>(parse.size()));
    if (p.head >= 0) Check(parse[static_cast<size_t>(p.head)].sentence == p.sentence && p.sentence >= 0);
    Check(p.sentence < static_cast<int>(sentences.size()));
  }
  const std::vector<storyline::ShapeToken> shapes = storyline::TokenizeShapes(in);
  const std::vector<int> of_shape = storyline::TokensOfShapes(tokens, shapes);
  Check(of_shape.size() == shapes.size());
  for (size_t k = 0; k < shapes.size(); ++k) {
    if (of_shape[k] < 0) continue;
    const storyline::Token& t = tokens[static_cast<size_t>(of_shape[k])];
    Check(t.byte_start <= shapes[k].b0 && shapes[k].b0 < t.byte_end);
  }
  return 0;
}
