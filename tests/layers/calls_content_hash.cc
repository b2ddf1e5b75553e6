// The positive control of calls_build_brief.cc: a probe at the ingest stage's
// level that calls into the earlier core stage through its public header.
// Its link check must link.
#include <cstdint>
#include <string>

#include "storyline/article.h"

uint64_t LayersProbeContentHash(const std::string& text) { return storyline::ContentHash(text); }
