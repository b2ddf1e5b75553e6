// ner_rules.h: news rules applied on top of the statistical tagger's IOB2
// tags (NerTagger::TagEntities calls them). The training data knows only
// PER/ORG/LOC, so the rules add the types it cannot learn and fix the news
// layouts it never saw:
//   WORK   titles of films, shows, books, songs, campaigns: a quoted or
//          capitalised title next to a work noun ("the film Foo Bar",
//          "'Foo Bar' star", "the Netflix series X") or after "starred in";
//   OTHER  events and awards named by their head noun ("X Awards",
//          "X Festival", "X Cup");
//   PER/ORG names right after a role or organisation noun ("actress X",
//          "the fashion house X");
//   LOC    all-caps datelines opening a sentence ("LOS ANGELES, CALIFORNIA:",
//          "BRACKENFORD --") and named facilities ("City Hall");
//   O      the cue words of photo credits ("Photo:", "Image by"), with the
//          agency of a credit ("Getty Images") as ORG.
//
//   std::vector<std::string> tags = tagger.Tag(tokens);
//   storyline::ner::ApplyNewsRules(tokens, &tags);  // may add B-WORK, B-OTHER
//
// Thread-safety: a pure function.
#ifndef STORYLINE_EXTRACT_NER_RULES_H_
#define STORYLINE_EXTRACT_NER_RULES_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::ner {

// True for an all-caps word that is also a common lower-case word
// ("BREAKING"),
// so a capitalised opening made only of such words is no dateline place.
// NerTagger answers it from its word clusters; may be empty (no such check).
using CommonWordFn = std::function<bool(std::string_view upper_word)>;

// Rewrites `tags` (IOB2, one per token of one sentence, as NerTagger::Tag
// returns them) in place. Spans a rule finds replace any tagger chunk they
// overlap; the result is valid IOB2. Does nothing when the sizes differ.
void ApplyNewsRules(const std::vector<std::string>& tokens, std::vector<std::string>* tags,
                    const CommonWordFn& common = {});

}  // namespace storyline::ner

#endif  // STORYLINE_EXTRACT_NER_RULES_H_
