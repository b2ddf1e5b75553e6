// parser.h: part-of-speech tagger and dependency parser for English
// (Universal Dependencies conventions), trained by our own code
// (tools/train_parser.cc, src/extract/parser_train.h) on UD English-EWT and
// the CC BY genres of GUM; models/parser.bin is compiled into the library.
//
//   const storyline::Result<storyline::DependencyParser>& p =
//       storyline::DependencyParser::Default();
//   if (!p.ok()) return p.status();
//   std::vector<storyline::DepToken> t =
//       p->Parse({"Brandling", "Zoo", "houses", "about", "1,100", "animals", "."});
//   // t[5] {upos "NOUN", head 2 ("houses"), deprel "obj"},
//   // t[1] {"PROPN", 2, "nsubj"}, t[2] {"VERB", -1, "root"}
//
// For a whole article, ParseArticle() takes the tokens and sentences the
// annotator already has (text/sentences.h) and gives heads as article token
// indices; TokensOfShapes() maps the shape tokens quantities and dates read
// (text/shape_tokens.h) onto those tokens.
//
// Tagger: greedy left-to-right averaged perceptron over the 17 UPOS tags
// (word, affixes, shape, the two previous predicted tags, a +-2 window, word
// clusters), run twice: the second pass also reads the first pass's tags of
// the following words and whether the sentence has a verb elsewhere. Parser: greedy arc-hybrid transition system (Kuhlmann et al.
// 2011) with the root at the end of the buffer, trained with a dynamic
// oracle (Goldberg & Nivre 2013); an averaged perceptron picks shift / left
// arc / right arc from Zhang & Nivre (2011) style features (stack and buffer
// words, tags, clusters, children and their labels, distance, valency), and a
// second one labels each arc as it is made. Output is always a tree: one
// root per sentence, every other word has exactly one head; projective.
//
// Thread-safety: a DependencyParser is immutable after loading; its const
// methods may be called from many threads at once.
#ifndef STORYLINE_EXTRACT_PARSER_H_
#define STORYLINE_EXTRACT_PARSER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storyline/span.h"
#include "storyline/status.h"

namespace storyline {

struct Token;       // text/sentences.h
struct ShapeToken;  // text/shape_tokens.h

// One parsed word. The views point into the parser's label tables and live
// as long as the parser (for Default(), as long as the program).
struct DepToken {
  std::string_view upos;    // Universal POS tag: "NOUN", "PROPN", "VERB", ...
  int head = -1;            // index of the head word in the sentence; -1: root
  std::string_view deprel;  // UD relation: "nsubj", "obj", "nmod:poss", "root", ...
};

// Hashed feature weights of one averaged-perceptron classifier, stored
// compactly: only the rows training touched and pruning kept, each row
// quantised to 8 bits with its own scale (weight = scale * value).
struct ParserWeights {
  uint32_t hash_bits = 0;       // features are hashed into 2^hash_bits row ids
  uint32_t classes = 0;         // weights per row
  std::vector<uint32_t> ids;    // sorted, distinct row ids present
  std::vector<float> scales;    // one per row, in ids order
  std::vector<int8_t> values;   // ids.size() * classes, in ids order
  // Derived from `ids` when the parser is built: open-addressing table of
  // (row id + 1, row index); 0 marks an empty slot.
  std::vector<std::pair<uint32_t, uint32_t>> slots;
};

// Everything a DependencyParser needs; shared by the runtime and the trainer.
struct ParserModel {
  std::vector<std::string> tags;    // UPOS tags, in class order
  std::vector<std::string> labels;  // dependency relations, in class order
  ParserWeights tagger;             // classes == tags.size()
  // The second tagging pass (parser_features.h, RetagFeatures): classes ==
  // tags.size(), or classes == 0 for none (the first pass's tags stand).
  ParserWeights retagger;
  ParserWeights arcs;               // classes == 3 (shift, left arc, right arc)
  ParserWeights labeler;            // classes == labels.size()
  // Word clusters (models/clusters.tsv, extract/ner_clusters.h): sorted
  // FNV-1a keys of words and their packed bit paths (ner_features.h).
  std::vector<uint64_t> cluster_keys;
  std::vector<uint32_t> cluster_paths;
  // Derived when the parser is built: hash table of the two above, and
  // the bit mask of the tag ids of VERB and AUX.
  std::vector<std::pair<uint64_t, uint32_t>> cluster_slots;
  uint64_t verbal_tags = 0;

};

// The bytes of models/parser.bin compiled into the library (empty when the
// library was built before the model existed).
std::string_view ParserEmbeddedModelBytes();

class DependencyParser {
 public:
  // Parses a model file written by Serialize(). NotFound/IOError for an
  // unreadable file, Corruption (naming the path and the problem) for bad bytes.
  static Result<DependencyParser> Load(const std::string& path);
  // Parses model bytes; Corruption on bad bytes. The bytes are copied.
  static Result<DependencyParser> FromBytes(std::string_view bytes);
  // Builds a parser from trained weights (the trainer's way in).
  // InvalidInput when shapes or label tables do not agree.
  static Result<DependencyParser> FromModel(ParserModel model);
  // The embedded model, parsed once on first use and shared (immutable).
  static const Result<DependencyParser>& Default();

  // Moves only: a copy would silently duplicate megabytes of weights.
  DependencyParser(DependencyParser&&) = default;
  DependencyParser& operator=(DependencyParser&&) = default;
  DependencyParser(const DependencyParser&) = delete;
  DependencyParser& operator=(const DependencyParser&) = delete;

  // Tags and parses one sentence of UTF-8 words tokenised like UD ("don't"
  // -> "do" "n't", "zoo's" -> "zoo" "'s"). One DepToken per word, in order;
  // empty for no words. Never fails; any number of words is accepted (the
  // parser is linear in the sentence length).
  std::vector<DepToken> Parse(const std::vector<std::string>& words) const;
  std::vector<DepToken> Parse(const std::vector<std::string_view>& words) const;
  // Same, as ids: tags[i] indexes tags(), heads[i] is the head word (-1 for
  // the root), labels[i] indexes labels(). Vectors are overwritten.
  void ParseIds(const std::vector<std::string_view>& words, std::vector<int>* tags,
                std::vector<int>* heads, std::vector<int>* labels) const;
  // Only the tagger: one tags() index per word.
  void TagIds(const std::vector<std::string_view>& words, std::vector<int>* tags) const;
  // Only the parser, on given tags (tags() indices, one per word); for
  // scoring with gold tags. REQUIRES: tags.size() == words.size().
  void ParseTagged(const std::vector<std::string_view>& words, const std::vector<int>& tags,
                   std::vector<int>* heads, std::vector<int>* labels) const;

  // The model file bytes; FromBytes(Serialize()) parses identically.
  std::string Serialize() const;
  const std::vector<std::string>& tags() const { return model_.tags; }
  const std::vector<std::string>& labels() const { return model_.labels; }
  const ParserModel& model() const { return model_; }

 private:
  explicit DependencyParser(ParserModel model) : model_(std::move(model)) {}
  ParserModel model_;
};

// One token of an article with its parse (ParseArticle).
struct TokenParse {
  std::string_view upos;    // "" for a token outside every sentence
  std::string_view deprel;  // "" likewise; "root" for a sentence's root
  int head = -1;            // index into the article's tokens; -1: root or unparsed
  int sentence = -1;        // index into the sentences; -1: outside every sentence
};

// Parses every sentence of an article: one TokenParse per token, heads as
// indices into `tokens` (always within the token's own sentence). The views
// point into `parser`'s tables, which must outlive the result.
// REQUIRES: tokens = Tokenize(text) and sentences = SplitSentences(text)
// (text/sentences.h): both sorted, offsets into `text`.
std::vector<TokenParse> ParseArticle(std::string_view text, const std::vector<Span>& sentences,
                                     const std::vector<Token>& tokens,
                                     const DependencyParser& parser);

// For each shape token (text/shape_tokens.h), the index into `tokens`
// (text/sentences.h) of the token holding its first byte, or -1 (white
// space or a symbol Tokenize() dropped). Both must come from the same text.
std::vector<int> TokensOfShapes(const std::vector<Token>& tokens,
                                const std::vector<ShapeToken>& shapes);

}  // namespace storyline

#endif  // STORYLINE_EXTRACT_PARSER_H_
