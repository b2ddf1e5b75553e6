// A probe at the ingest stage's level (tests/layers/CMakeLists.txt) that
// calls into the brief code of the later stories stage without its header:
// the declaration is written by hand, as a backward call could be. Its link
// check must fail with an undefined reference to BuildBrief.
#include <vector>

namespace storyline {
struct AnnotatedArticle;
struct StoryOptions;
struct Brief;
Brief BuildBrief(const std::vector<AnnotatedArticle>& articles, const StoryOptions& options);
}  // namespace storyline

using BuildBriefFn = storyline::Brief (*)(const std::vector<storyline::AnnotatedArticle>&,
                                          const storyline::StoryOptions&);

// Returning the address keeps a relocation against the symbol in the object,
// exactly as a call would.
BuildBriefFn LayersProbeBuildBrief() { return &storyline::BuildBrief; }
