// story_codec.h: the bytes in which the store keeps a story's derived view
// (entities, quotes, timeline, claims, duplicates): MessagePack of a fixed
// layout with a version, so a brief reads it back instead of rebuilding it.
//
//   std::string blob = EncodeStoryView(story);
//   Status s = DecodeStoryView(blob, &story);  // fills the view fields
//
// Thread-safety: reentrant.
#ifndef STORYLINE_STORE_STORY_CODEC_H_
#define STORYLINE_STORE_STORY_CODEC_H_

#include <string>
#include <string_view>

#include "storyline/brief.h"
#include "storyline/status.h"

namespace storyline::store_internal {

// Bump when the layout or anything that builds a view (src/stories/)
// changes its output; older views are then never misread, and the next
// ingest or `storyline reindex` rebuilds them (Store::ViewlessStories).
inline constexpr int kStoryViewVersion = 22;

std::string EncodeStoryView(const Story& story);
// The first bytes of every view EncodeStoryView writes (the array header and
// the version), for finding in SQL the views another version wrote.
std::string StoryViewPrefix();
// Fills story->entities, quotes, timeline, claims and duplicates.
// kUnsupported for another version, kCorruption for damaged bytes.
Status DecodeStoryView(std::string_view blob, Story* story);

}  // namespace storyline::store_internal

#endif  // STORYLINE_STORE_STORY_CODEC_H_
