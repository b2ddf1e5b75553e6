// text_boilerplate.h: removes boilerplate from articles that arrive as plain
// text (already flattened: one paragraph per line, sometimes hard-wrapped).
//
//   storyline::TextCleanResult r = storyline::RemoveTextBoilerplate(body);
//   use(r.text);           // kept paragraphs, joined by "\n\n"
//   log(r.removed);        // what was dropped, in input order
//
// Each paragraph is classified by general rules (image credits, share
// prompts, related-post lists, social-embed residue, newsletter and cookie
// prompts, bylines, copyright lines, tag lists) and by a small logistic
// regression trained by tools/train_text_boilerplate.cc on the
// article-extraction benchmark (models/text_boilerplate.tsv, compiled into
// the library at build time, so nothing is read from disk at run time).
//
// Thread-safety: every function here is reentrant; the embedded model is an
// immutable table built once.
#ifndef STORYLINE_CLEAN_TEXT_BOILERPLATE_H_
#define STORYLINE_CLEAN_TEXT_BOILERPLATE_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/status.h"

namespace storyline {

struct TextCleanResult {
  // Kept paragraphs joined by "\n\n". Each paragraph is one input line, or
  // several hard-wrapped input lines joined by single spaces, trimmed.
  std::string text;
  // Removed paragraphs (same form as kept ones), in input order.
  std::vector<std::string> removed;
};

// Splits body_utf8 into paragraphs and keeps the article ones. Never fails:
// empty input gives empty output; invalid UTF-8 is classified byte-wise and
// passed through unchanged.
TextCleanResult RemoveTextBoilerplate(std::string_view body_utf8);

// Internals shared with tools/train_text_boilerplate.cc and the unit tests.
namespace text_boilerplate {

// Per-paragraph features that depend on the paragraph alone. Order is the
// order of kLocalFeatureNames.
//
// No feature says where the paragraph sits in the text: on web pages the
// first and last lines are mostly navigation, but a text article starts with
// its lede, so a position prior learnt from pages would not transfer.
inline constexpr std::array<std::string_view, 33> kLocalFeatureNames = {
    "bias",           "log_words",       "words_le3",       "words_4_10",
    "words_gt40",     "end_sentence",    "end_colon",       "end_none",
    "cap_share",      "allcaps_share",   "digit_share",     "punct_share",
    "comma_per_word", "has_quote",       "starts_lower",    "has_url",
    "has_email",      "has_handle",      "separators",      "title_like",
    "cue_share",      "cue_subscribe",   "cue_related",     "cue_credit",
    "cue_slash_credit", "cue_embed",     "cue_copyright",   "cue_byline",
    "date_only",      "cue_meta_prefix", "cue_chrome",      "cue_ad",
    "no_words",
};
inline constexpr size_t kNumLocal = kLocalFeatureNames.size();

// Features that add the stage-1 (local) scores of the neighbours.
inline constexpr std::array<std::string_view, 7> kContextFeatureNames = {
    "prev_p",   "next_p",        "window_p",     "max_neighbour_p",
    "min_neighbour_p", "prev_log_words", "next_log_words",
};
inline constexpr size_t kNumContext = kContextFeatureNames.size();
inline constexpr size_t kNumStage2 = kNumLocal + kNumContext;

using LocalFeatures = std::array<float, kNumLocal>;
using Stage2Features = std::array<float, kNumStage2>;

// A two-stage logistic regression: stage 1 on local features, stage 2 on
// local features plus the neighbours' stage-1 probabilities. A paragraph is
// content when its stage-2 probability is >= threshold.
struct Model {
  std::array<float, kNumLocal> stage1{};
  std::array<float, kNumStage2> stage2{};
  float threshold = 0.5f;
};

// Parses the model text format: '#' comment lines, then "s1.<feature>\tW",
// "s2.<feature>\tW" and "threshold\tT" lines. Unknown feature names or
// malformed lines fail with kInvalidInput naming the line; features missing
// from the file weigh 0.
Result<Model> ParseModel(std::string_view tsv);

// The model compiled into the library (models/text_boilerplate.tsv).
// REQUIRES: the embedded file parses (a build with a broken model file is a
// bug caught by the unit tests); otherwise all weights are 0.
const Model& EmbeddedModel();

// Splits text into paragraphs: blank lines separate, and consecutive
// non-blank lines are joined when the first does not end a sentence and the
// second starts in lower case (a hard wrap). Lines are trimmed.
std::vector<std::string> SplitParagraphs(std::string_view body_utf8);

// Local features of one paragraph.
LocalFeatures ComputeLocalFeatures(std::string_view paragraph);

// Stage-2 feature vectors for all paragraphs, given their local features and
// stage-1 probabilities. REQUIRES: local.size() == stage1_p.size().
std::vector<Stage2Features> ComputeStage2Features(const std::vector<LocalFeatures>& local,
                                                  const std::vector<float>& stage1_p);

// Logistic function of w·x.
float Probability(const float* weights, const float* features, size_t n);

// Which general rule, if any, marks the paragraph as boilerplate whatever the
// model says. Returns an empty view when none fires, else the rule's name.
std::string_view BoilerplateRule(std::string_view paragraph);

// Content probabilities of paragraphs under `model` (rules not applied).
std::vector<float> ScoreParagraphs(const std::vector<std::string>& paragraphs, const Model& model);

// Per paragraph: true to keep. A paragraph is dropped when a rule fires, when
// it is a headline-like item of a list opened by a "related posts" heading,
// or when the model scores it below the threshold, unless it is long prose
// (several full sentences), which plain-text residue never is.
std::vector<bool> ClassifyParagraphs(const std::vector<std::string>& paragraphs, const Model& model);

}  // namespace text_boilerplate
}  // namespace storyline

#endif  // STORYLINE_CLEAN_TEXT_BOILERPLATE_H_
