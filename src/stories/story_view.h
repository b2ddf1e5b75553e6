// story_view.h: a story's entities, quotes, timeline and claims, gathered
// from the annotations of its articles.
//
//   std::vector<const AnnotatedArticle*> members = ...;  // publication order
//   FillStoryView(members, story);
//
// Entities come from EntityIndex (story_entities.h); quotations reported by
// several outlets are grouped by token alignment into one quote with several
// occurrences (quote_groups.h); dated events are merged across outlets into
// the timeline (timeline.h); claims compare what outlets say about ages,
// counts, amounts, media, name spellings and years (claims.h).
//
// Thread-safety: reentrant.
#ifndef STORYLINE_STORIES_STORY_VIEW_H_
#define STORYLINE_STORIES_STORY_VIEW_H_

#include <string>
#include <vector>

#include "storyline/annotation.h"
#include "storyline/brief.h"

namespace storyline::stories {

// Fills story.entities, quotes, timeline and claims from `members`, which
// must be the story's articles in publication order and outlive the call.
void FillStoryView(const std::vector<const AnnotatedArticle*>& members, Story& story);

// The longest prefix of a TIMEX3-style value that is a calendar date
// "YYYY", "YYYY-MM" or "YYYY-MM-DD" ("2024-FA" -> "2024", "P3D" -> "").
std::string CalendarDatePrefix(const std::string& value);

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_STORY_VIEW_H_
