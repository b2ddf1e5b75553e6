#include <xxhash.h>

#include "storyline/article.h"

namespace storyline {

uint64_t ContentHash(const std::string& text) {
  return XXH3_64bits(text.data(), text.size());
}

}  // namespace storyline
