#include "stories/story_entities.h"

namespace storyline::stories {

std::string LocalKey(const std::string& entity_id, const std::string& text) {
  return entity_id.empty() ? "text:" + FoldCase(CollapseWhitespace(text)) : "id:" + entity_id;
}

std::string CanonicalName(const std::map<std::string, size_t>& surfaces) {
  std::string best;
  size_t best_len = 0, best_count = 0;
  for (const auto& [text, count] : surfaces) {
    const size_t len = CountCodePoints(text);
    if (best.empty() || len > best_len || (len == best_len && count > best_count)) {
      best = text;
      best_len = len;
      best_count = count;
    }
  }
  return best;
}

}  // namespace storyline::stories
