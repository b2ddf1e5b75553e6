// Annotate: runs the language layer on one article: sentences and tokens
// (text/sentences.h) and shape tokens (text/shape_tokens.h), each computed
// once and passed to the annotators that read them; named entities
// (extract/ner.h) joined into in-article entities with their epithets
// (extract/entity_link.h), quotations and their speakers (extract/quotes.h),
// dates (extract/dates.h) and quantities (extract/quantities.h).
#include <string>
#include <vector>

#include "extract/dates.h"
#include "extract/entity_link.h"
#include "extract/ner.h"
#include "extract/quantities.h"
#include "extract/quotes.h"
#include "storyline/annotation.h"
#include "text/sentences.h"
#include "text/shape_tokens.h"

namespace storyline {
namespace {

// Tags each sentence's tokens and appends one mention per entity span.
void FindEntities(const std::string& text, const std::vector<Span>& sentences,
                  const std::vector<Token>& tokens, std::vector<EntityMention>* out) {
  const Result<NerTagger>& tagger = NerTagger::Default();
  if (!tagger.ok()) return;
  size_t t = 0;
  std::vector<std::string> words;
  for (const Span& s : sentences) {
    while (t < tokens.size() && tokens[t].span.end <= s.start) ++t;
    size_t first = t;
    words.clear();
    while (t < tokens.size() && tokens[t].span.start < s.end) {
      words.emplace_back(text, tokens[t].byte_start, tokens[t].byte_end - tokens[t].byte_start);
      ++t;
    }
    if (words.empty()) continue;
    for (const NerSpan& ns : NerSpans(tagger->TagEntities(words))) {
      const Token& a = tokens[first + ns.begin];
      const Token& b = tokens[first + ns.end - 1];
      EntityMention m;
      m.span = {a.span.start, b.span.end};
      m.text = text.substr(a.byte_start, b.byte_end - a.byte_start);
      m.type = std::string(NerEntityType(ns.label));
      out->push_back(std::move(m));
    }
  }
}

}  // namespace

size_t CodePointLength(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

AnnotatedArticle Annotate(const Article& article, const AnnotateOptions& options) {
  AnnotatedArticle a;
  a.article = article;
  if (!options.sentences) return a;
  const std::string& text = article.text;
  a.sentences = SplitSentences(text);
  const std::vector<Token> tokens = Tokenize(text);
  const std::vector<ShapeToken> shapes = TokenizeShapes(text);
  FindEntities(text, a.sentences, tokens, &a.entities);
  LinkEntities(text, a.sentences, tokens, &a.entities);
  a.quotes = FindQuotes(text, a.sentences, tokens, &a.entities);
  a.title_quotes = FindTitleQuotes(article.title, text, a.quotes, a.entities);
  a.dates = FindDates(text, InferAnchor(text, article.published));
  a.quantities = FindQuantities(text, shapes, a.entities);
  return a;
}

}  // namespace storyline
