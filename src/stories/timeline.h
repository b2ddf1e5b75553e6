// timeline.h: the story's dated events, merged across outlets and ordered.
//
//   AddTimeline(members, story);
//
// Every date mention with a calendar value (a day, month, ISO week or year;
// not a duration or a vague "recently") is an event told by its sentence.
// Two outlets telling one event give the same date and sentences sharing
// most of their content words, or the same day and the same subject (the
// first person, organisation or work each sentence names): they are one entry
// citing both articles.
//
// Thread-safety: reentrant.
#ifndef STORYLINE_STORIES_TIMELINE_H_
#define STORYLINE_STORIES_TIMELINE_H_

#include <string>
#include <string_view>
#include <vector>

#include "stories/story_entities.h"
#include "storyline/annotation.h"
#include "storyline/brief.h"

namespace storyline::stories {

// Appends the timeline of `members` (publication order; must outlive the
// call) to story.timeline, ordered by date (a coarser date before the finer
// ones within it), ties in order of first report. REQUIRES: story.entities
// came from `entities.Build()`.
void AddTimeline(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
                 Story& story);

// Share of content words two event sentences have in common (Jaccard over
// IndexTerms), in [0, 1].
double EventSimilarity(std::string_view a, std::string_view b);

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_TIMELINE_H_
