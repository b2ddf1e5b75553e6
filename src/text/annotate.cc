// Annotate: runs the language layer's annotators. For now: sentences, by the
// news-text splitter in text/sentences.h, with offsets in code points.
#include "storyline/annotation.h"
#include "text/sentences.h"

namespace storyline {

size_t CodePointLength(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

AnnotatedArticle Annotate(const Article& article, const AnnotateOptions& options) {
  AnnotatedArticle a;
  a.article = article;
  if (options.sentences) a.sentences = SplitSentences(article.text);
  return a;
}

}  // namespace storyline
