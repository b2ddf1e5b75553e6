// claims.h: (subject, attribute, value) claims the story's articles make,
// compared across outlets: agreed, in conflict, or made by one source.
//
//   AddClaims(members, entities, quote_groups, story);  // after entities, quotes
//
// Claims come from the language layer's annotations:
//   - quantities tied to an entity: ages, counts, amounts (values already
//     normalised by the quantity annotator: "30K" is 30000), and ages in
//     an appositive after a person's name ("Fox, 31 briefly dated") that
//     the quantity annotator left untied;
//   - the medium each quotation was published on (per quote group);
//   - spellings of an entity's name: aliases whose words differ by a letter
//     or two ("Kendal" and "Kendall") rather than being parts of the name;
//   - the year outlets give for one event or work: year mentions attached to
//     the same head noun ("the 2023 runway show", "the fall 2024 show").
// Every value carries its articles and an evidence sentence. Near-duplicate
// articles (Story::duplicates) count once when deciding "agreed".
//
// Thread-safety: reentrant.
#ifndef STORYLINE_STORIES_CLAIMS_H_
#define STORYLINE_STORIES_CLAIMS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stories/quote_groups.h"
#include "stories/story_entities.h"
#include "storyline/annotation.h"
#include "storyline/brief.h"

namespace storyline::stories {

// Appends the story's claims to story.claims. REQUIRES: story.entities came
// from `entities.Build()`, story.quotes[i] was built from quote_groups[i],
// story.duplicates is filled; `members` (publication order) outlive the call.
void AddClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
               const std::vector<std::vector<QuoteRef>>& quote_groups, Story& story);

// Levenshtein distance between two UTF-8 strings, in code points.
size_t EditDistance(std::string_view a, std::string_view b);

// True when two case-folded name words are spellings of one name: an edit
// or two apart (scaled to length), not a plural or possessive of each other
// and not a prefix of each other ("Kim" is not a misspelling of "Kimberly").
bool SpellingVariants(std::string_view a, std::string_view b);

// "agreed" (one value, two or more independent sources), "conflict" (two or
// more values) or "single". `source_of` maps an article to the article it
// duplicates (itself when it is an original).
std::string ClaimStatus(const Claim& claim,
                        const std::unordered_map<std::string, std::string>& source_of);

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_CLAIMS_H_
