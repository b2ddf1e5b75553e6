// annotation.h: what the language layer attaches to an Article.
//
//   storyline::AnnotatedArticle a = storyline::Annotate(article, {});
//   for (const storyline::Span& s : a.sentences) ...
//
// Every offset is in Unicode code points into Article::text, end exclusive.
// Plain values; thread-compatible.
#ifndef STORYLINE_ANNOTATION_H_
#define STORYLINE_ANNOTATION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "storyline/article.h"
#include "storyline/span.h"

namespace storyline {

struct EntityMention {
  Span span;
  std::string text;
  std::string type;    // PERSON|ORG|PLACE|WORK|OTHER
  std::string entity;  // in-article entity id, e.g. "e3"
};

struct Quote {
  Span span;
  std::string text;
  std::string speaker_name;  // "" when unknown
  std::string speaker;       // in-article entity id or ""
  std::string cue;           // "said", "wrote", ... or ""
  std::string kind;          // direct|partial|indirect
  std::string medium;        // instagram|tiktok|x|statement|interview|... or ""
  // For a described speaker owned by someone ("his spokeswoman", speaker_name
  // "Aksel Halvorsen's spokeswoman", no `speaker`): the owner's in-article
  // entity id; "" otherwise.
  std::string speaker_owner;
};

struct DateMention {
  Span span;
  std::string text;
  std::string value;  // TIMEX3-style ISO value: 2022-11-28, 2024-03, 2024-FA, P3D
};

// How exactly a figure is stated.
enum class QuantityBound {
  kExact,    // "1,187"
  kApprox,   // "about 1,200", "nearly", "some", "an estimated"
  kAtLeast,  // "more than 2,000", "over", "at least"
  kAtMost,   // "up to 50", "fewer than", "under"
};

struct Quantity {
  Span span;
  std::string text;
  double value = 0;     // a range's lower end ("between 40 and 50": 40)
  std::string unit;     // years|followers|USD|percent|...
  std::string subject;  // in-article entity id or ""
  double high = 0;      // a range's upper end (50), else 0
  // What the figure counts or measures, lower case: "age" for ages; the
  // counted noun with what happened to it ("homes destroyed", "people
  // evacuated", "jobs cut"); the thing a sum or share is of ("contract",
  // "fee", "turnout", "contained"); the thing a duration is of ("sentence",
  // "contract"). "" when the text does not say.
  std::string measure;
  QuantityBound bound = QuantityBound::kExact;
  // The thing the figure measures when its noun phrase names one that is no
  // person or organisation and `subject` is empty, lower case: "restoration
  // appeal" in "a restoration appeal with a target of £5.4m" (measure
  // "target"), "fundraiser" in "a fundraiser that raised £41,000", "zoo" in
  // "the zoo's $31 million annual budget". "" when the phrase names none (a
  // figure of the story's own event, or of no one said).
  std::string thing;
};

struct AnnotatedArticle {
  Article article;
  std::vector<Span> sentences;
  std::vector<EntityMention> entities;
  std::vector<Quote> quotes;
  std::vector<DateMention> dates;
  std::vector<Quantity> quantities;
  // Quotations in the headline (article.title), spans in its code points,
  // speakers from the body ("'We will not close a single library,' Esker
  // mayor vows" -> Hildegard Voss). Derived from the fields above: the store
  // does not keep them but finds them again when it reads an annotation.
  std::vector<Quote> title_quotes;
};

struct AnnotateOptions {
  // Run the language layer. false returns the article with no annotations
  // (for callers that only need the text, e.g. clustering experiments).
  bool sentences = true;
};

// Runs the language layer on `article`: sentences and tokens, named entities
// joined into in-article entities (EntityMention::entity ids "e1", ...),
// dates with TIMEX3 values anchored on the publication date or on evidence
// in the text, and quantities. Never fails: text that no annotator
// understands simply gets fewer annotations. Reentrant; the NER model is
// loaded once, on first use.
AnnotatedArticle Annotate(const Article& article, const AnnotateOptions& options);

// Annotate() of every article, in parallel on all cores (oneTBB); the
// result is in input order and the same as a sequential loop's.
std::vector<AnnotatedArticle> AnnotateMany(const std::vector<Article>& articles,
                                           const AnnotateOptions& options);

// Number of Unicode code points in the UTF-8 string `s`.
size_t CodePointLength(const std::string& s);

}  // namespace storyline

#endif  // STORYLINE_ANNOTATION_H_
