// clean.h: from a Document to an Article: metadata, body text, boilerplate.
//
//   storyline::Result<storyline::Article> a = storyline::CleanDocument(doc, {});
//   if (a.ok()) std::cout << a->text;
//
// HTML: metadata from <title>, <meta> (Open Graph, article:published_time),
// JSON-LD NewsArticle and <time>; the body by DOM content scoring (text and
// link density, tag and class evidence, position). Plain text: a
// line/paragraph classifier removes share prompts, related-post lists, image
// credits, social-embed residue, newsletter/cookie prompts and bylines.
// Everything removed is kept in Article::boilerplate_removed.
//
// Thread-safety: CleanDocument is reentrant.
#ifndef STORYLINE_CLEAN_H_
#define STORYLINE_CLEAN_H_

#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline {

struct CleanOptions {
  // Remove boilerplate. When false the whole visible text is kept.
  bool remove_boilerplate = true;
  // Fail when no body text remains (the message then still names the page's
  // title and date). False returns such an article, metadata only, with an
  // empty `text`: for scorers of page metadata.
  bool require_text = true;
};

// Cleans one document. Metadata already set on the Document (e.g. from a JSONL
// record) wins over metadata found in the body. Fails with kInvalidInput when
// no article text remains and options.require_text is set (the message names
// doc.source and the title and date found, so a rejected page keeps its
// metadata in the error line).
Result<Article> CleanDocument(const Document& doc, const CleanOptions& options);

}  // namespace storyline

#endif  // STORYLINE_CLEAN_H_
