// AnnotateMany: Annotate() over many articles on all cores.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "storyline/annotation.h"

namespace storyline {

std::vector<AnnotatedArticle> AnnotateMany(const std::vector<Article>& articles,
                                           const AnnotateOptions& options) {
  std::vector<AnnotatedArticle> out(articles.size());
  // One article is 0.1-1 ms of work: a grain of 8 keeps scheduling overhead
  // negligible and still balances a few long articles across cores.
  constexpr size_t kGrain = 8;
  tbb::parallel_for(tbb::blocked_range<size_t>(0, articles.size(), kGrain),
                    [&](const tbb::blocked_range<size_t>& r) {
                      for (size_t i = r.begin(); i != r.end(); ++i) {
                        out[i] = Annotate(articles[i], options);
                      }
                    });
  return out;
}

}  // namespace storyline
