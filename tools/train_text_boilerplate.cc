// train_text_boilerplate: trains and measures the plain-text boilerplate
// classifier (src/clean/text_boilerplate.h) on the article-extraction
// benchmark (Zyte/Scrapinghub 2020, MIT).
//
//   train_text_boilerplate --data ../shared/data/article-extraction --out models/text_boilerplate.tsv
//   train_text_boilerplate --data ... --eval       # measure the embedded model
//
// Each page is flattened to one line per block element (a gumbo walk that
// lives here, not in production code, because production never sees HTML on
// this path). A line is labelled content when most of its 4-token shingles
// occur in the page's ground-truth articleBody (lines of 1-3 tokens: when a
// ground-truth paragraph has exactly its tokens). Pages are split 80/20 by a
// hash of the document id; weights and the threshold are fitted on the train
// split only, and dev numbers are printed for both the cropped text (the
// article plus up to kMaxCropMargin lines either side, like text that arrives already
// flattened) and the whole page.
#include <gumbo.h>
#include <xxhash.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "clean/text_boilerplate.h"
#include "extraction_score_lib.h"

namespace tbp = storyline::text_boilerplate;

namespace {

// Lines kept either side of the labelled article when cropping a page: text
// articles arrive with some residue around the body, not a whole site menu.
// The margin varies per page and side (0..kMaxCropMargin, from the id hash):
// a fixed margin would teach the model that the first and last lines of a
// text are always boilerplate, which is an artefact of cropping.
constexpr uint64_t kMaxCropMargin = 12;
// Dev split: pages whose id hashes to 0 modulo kDevModulus (20%).
constexpr uint64_t kDevModulus = 5;
// Share of a line's shingles that must occur in the ground truth for the line
// to count as content ("most of its tokens").
constexpr double kContentShingleShare = 0.5;

struct Page {
  std::string id;
  std::string truth;
  std::vector<std::string> lines;  // whole page, one per block
  std::vector<int> labels;         // 1 content, 0 boilerplate
  int first_content = -1, last_content = -1;
  bool dev = false;
};

// ---- Reading ------------------------------------------------------------------

storyline::Result<std::string> ReadGzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return storyline::Status::IOError(path + ": cannot open");
  std::string out;
  constexpr int kChunk = 1 << 16;
  std::vector<char> buf(kChunk);
  int n = 0;
  while ((n = gzread(f, buf.data(), kChunk)) > 0) out.append(buf.data(), static_cast<size_t>(n));
  const bool failed = n < 0;
  gzclose(f);
  if (failed) return storyline::Status::Corruption(path + ": bad gzip data");
  return out;
}

// ---- Flattening -----------------------------------------------------------------

bool IsSkipped(GumboTag t) {
  return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_TEMPLATE ||
         t == GUMBO_TAG_HEAD || t == GUMBO_TAG_SVG || t == GUMBO_TAG_IFRAME || t == GUMBO_TAG_SELECT ||
         t == GUMBO_TAG_MATH || t == GUMBO_TAG_OBJECT;
}

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_BR: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_PRE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_DL: case GUMBO_TAG_MAIN: case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CAPTION: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_OPTION: case GUMBO_TAG_BUTTON:
      return true;
    default:
      return false;
  }
}

class Flattener {
 public:
  std::vector<std::string> Run(const GumboNode* root) {
    Walk(root);
    Flush();
    return std::move(lines_);
  }

 private:
  void Flush() {
    std::string line;
    bool space = false;
    for (char c : current_) {
      const bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (ws) {
        space = !line.empty();
        continue;
      }
      if (space) line.push_back(' ');
      space = false;
      line.push_back(c);
    }
    // U+00A0 alone is not text either.
    if (!line.empty() && line != "\xC2\xA0") lines_.push_back(std::move(line));
    current_.clear();
  }

  void Walk(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      current_ += node->v.text.text;
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
    const GumboVector* children = nullptr;
    bool block = false;
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = node->v.element.tag;
      if (IsSkipped(tag)) return;
      block = IsBlock(tag);
      children = &node->v.element.children;
    } else {
      children = &node->v.document.children;
    }
    if (block) Flush();
    for (unsigned i = 0; i < children->length; ++i) Walk(static_cast<const GumboNode*>(children->data[i]));
    if (block) Flush();
  }

  std::string current_;
  std::vector<std::string> lines_;
};

std::vector<std::string> FlattenHtml(const std::string& html) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::vector<std::string> lines = Flattener().Run(out->document);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return lines;
}

// ---- Labelling ---------------------------------------------------------------------

std::string JoinTokens(const std::vector<std::string>& tokens) {
  std::string s;
  for (const auto& t : tokens) s.append(t).push_back('\x1f');
  return s;
}

void LabelPage(Page& page) {
  namespace sc = storyline::score;
  std::unordered_set<std::string> truth_shingles;
  for (auto& s : sc::Shingles(sc::Tokenize(page.truth), sc::kShingleSize)) truth_shingles.insert(std::move(s));
  std::unordered_set<std::string> truth_paragraphs;
  size_t pos = 0;
  while (pos <= page.truth.size()) {
    size_t nl = page.truth.find('\n', pos);
    if (nl == std::string::npos) nl = page.truth.size();
    const auto toks = sc::Tokenize(std::string_view(page.truth).substr(pos, nl - pos));
    if (!toks.empty()) truth_paragraphs.insert(JoinTokens(toks));
    pos = nl + 1;
  }
  page.labels.assign(page.lines.size(), 0);
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const auto toks = sc::Tokenize(page.lines[i]);
    bool content = false;
    if (toks.size() >= static_cast<size_t>(sc::kShingleSize)) {
      const auto sh = sc::Shingles(toks, sc::kShingleSize);
      size_t hit = 0;
      for (const auto& s : sh) hit += truth_shingles.contains(s) ? 1 : 0;
      content = static_cast<double>(hit) >= kContentShingleShare * static_cast<double>(sh.size());
    } else if (!toks.empty()) {
      content = truth_paragraphs.contains(JoinTokens(toks));
    }
    page.labels[i] = content ? 1 : 0;
    if (content) {
      if (page.first_content < 0) page.first_content = static_cast<int>(i);
      page.last_content = static_cast<int>(i);
    }
  }
}

// The article region plus a per-page margin either side.
std::pair<size_t, size_t> CropRange(const Page& p) {
  if (p.first_content < 0) return {0, p.lines.size()};
  constexpr uint64_t kBeforeSeed = 1, kAfterSeed = 2;
  const auto before = static_cast<int>(XXH64(p.id.data(), p.id.size(), kBeforeSeed) % (kMaxCropMargin + 1));
  const auto after = static_cast<int>(XXH64(p.id.data(), p.id.size(), kAfterSeed) % (kMaxCropMargin + 1));
  const size_t b = static_cast<size_t>(std::max(0, p.first_content - before));
  const size_t e = std::min(p.lines.size(), static_cast<size_t>(p.last_content + after + 1));
  return {b, e};
}

// ---- Training ------------------------------------------------------------------------

struct Example {
  std::vector<float> x;
  int y = 0;
};

// Full-batch gradient descent with Adagrad step sizes on the L2-regularised
// log loss. kL2 keeps rare cue features from taking extreme weights on a
// handful of lines; kIterations and kRate were fixed by convergence of the
// train loss (loss change below 1e-6), not by dev scores.
std::vector<float> TrainLogistic(const std::vector<Example>& data, size_t dim) {
  constexpr int kIterations = 3000;
  constexpr double kRate = 0.5;
  constexpr double kL2 = 1e-4;
  std::vector<double> w(dim, 0.0), g2(dim, 1e-8), grad(dim);
  const double n = static_cast<double>(data.size());
  for (int it = 0; it < kIterations; ++it) {
    std::fill(grad.begin(), grad.end(), 0.0);
    for (const Example& e : data) {
      double z = 0;
      for (size_t j = 0; j < dim; ++j) z += w[j] * e.x[j];
      const double p = 1.0 / (1.0 + std::exp(-z));
      const double d = p - e.y;
      for (size_t j = 0; j < dim; ++j) grad[j] += d * e.x[j];
    }
    for (size_t j = 0; j < dim; ++j) {
      const double g = grad[j] / n + (j == 0 ? 0.0 : kL2 * w[j]);
      g2[j] += g * g;
      w[j] -= kRate * g / std::sqrt(g2[j]);
    }
  }
  return std::vector<float>(w.begin(), w.end());
}

struct Prf {
  double tp = 0, fp = 0, fn = 0, tn = 0;
  double P() const { return tp + fp > 0 ? tp / (tp + fp) : 0; }
  double R() const { return tp + fn > 0 ? tp / (tp + fn) : 0; }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
  void Add(bool pred, int gold) {
    if (pred && gold) ++tp;
    if (pred && !gold) ++fp;
    if (!pred && gold) ++fn;
    if (!pred && !gold) ++tn;
  }
};

std::vector<std::string> Slice(const std::vector<std::string>& v, std::pair<size_t, size_t> r) {
  return {v.begin() + static_cast<long>(r.first), v.begin() + static_cast<long>(r.second)};
}

// Stage-1 and stage-2 examples of one line sequence.
void AddExamples(const std::vector<std::string>& lines, const std::vector<int>& labels, const tbp::Model* s1,
                 std::vector<Example>& out1, std::vector<Example>& out2) {
  const size_t n = lines.size();
  std::vector<tbp::LocalFeatures> local;
  std::vector<float> p1;
  for (size_t i = 0; i < n; ++i) {
    local.push_back(tbp::ComputeLocalFeatures(lines[i]));
    out1.push_back({std::vector<float>(local.back().begin(), local.back().end()), labels[i]});
    if (s1 != nullptr) p1.push_back(tbp::Probability(s1->stage1.data(), local.back().data(), tbp::kNumLocal));
  }
  if (s1 == nullptr) return;
  const auto f2 = tbp::ComputeStage2Features(local, p1);
  for (size_t i = 0; i < n; ++i) out2.push_back({std::vector<float>(f2[i].begin(), f2[i].end()), labels[i]});
}

std::string Join(const std::vector<std::string>& lines, const std::vector<bool>& keep) {
  std::string s;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!keep[i]) continue;
    if (!s.empty()) s += "\n\n";
    s += lines[i];
  }
  return s;
}

void Report(const char* what, const Prf& m) {
  std::printf("%-34s P %.3f  R %.3f  F1 %.3f  (tp %.0f fp %.0f fn %.0f tn %.0f)\n", what, m.P(), m.R(), m.F(), m.tp,
              m.fp, m.fn, m.tn);
}

// Line-level and shingle-level evaluation of `model` (with rules) on the
// pages of one split, cropped and whole.
void Evaluate(const std::vector<Page>& pages, bool dev, const tbp::Model& model, bool dump) {
  Prf crop_model, crop_all, full_model, crop_rules_only;
  std::map<std::string, std::string> truth, pred_full, pred_all, pred_crop, pred_crop_all;
  std::map<std::string, int> rule_hits, rule_wrong;
  for (const Page& p : pages) {
    if (p.dev != dev) continue;
    truth[p.id] = p.truth;
    const auto range = CropRange(p);
    const auto crop = Slice(p.lines, range);
    const std::vector<int> crop_labels(p.labels.begin() + static_cast<long>(range.first),
                                       p.labels.begin() + static_cast<long>(range.second));
    const auto keep = tbp::ClassifyParagraphs(crop, model);
    for (size_t i = 0; i < crop.size(); ++i) {
      crop_model.Add(keep[i], crop_labels[i]);
      crop_all.Add(true, crop_labels[i]);
      const std::string rule(tbp::BoilerplateRule(crop[i]));
      crop_rules_only.Add(rule.empty(), crop_labels[i]);
      if (!rule.empty()) {
        ++rule_hits[rule];
        if (crop_labels[i]) ++rule_wrong[rule];
      }
    }
    if (dump && !dev) {
      const auto probs = tbp::ScoreParagraphs(crop, model);
      for (size_t i = 0; i < crop.size(); ++i) {
        if (keep[i] == (crop_labels[i] == 1)) continue;
        std::printf("%s %s p=%.2f rule=%s | %.160s\n", crop_labels[i] ? "FN" : "FP", p.id.substr(0, 6).c_str(),
                    static_cast<double>(probs[i]), std::string(tbp::BoilerplateRule(crop[i])).c_str(),
                    crop[i].c_str());
      }
    }
    const auto keep_full = tbp::ClassifyParagraphs(p.lines, model);
    for (size_t i = 0; i < p.lines.size(); ++i) full_model.Add(keep_full[i], p.labels[i]);
    pred_full[p.id] = Join(p.lines, keep_full);
    pred_all[p.id] = Join(p.lines, std::vector<bool>(p.lines.size(), true));
    pred_crop[p.id] = Join(crop, keep);
    pred_crop_all[p.id] = Join(crop, std::vector<bool>(crop.size(), true));
  }
  std::printf("== %s split: %zu pages\n", dev ? "dev" : "train", truth.size());
  Report("lines, cropped, keep all", crop_all);
  Report("lines, cropped, rules only", crop_rules_only);
  Report("lines, cropped, rules+model", crop_model);
  Report("lines, whole page, rules+model", full_model);
  namespace sc = storyline::score;
  auto shingle = [&](const char* what, const std::map<std::string, std::string>& pred) {
    const sc::CorpusScore s = sc::Evaluate(truth, pred);
    std::printf("%-34s P %.3f  R %.3f  F1 %.3f\n", what, s.precision, s.recall, s.f1);
  };
  shingle("shingles, whole page, keep all", pred_all);
  shingle("shingles, whole page, cleaned", pred_full);
  shingle("shingles, cropped, keep all", pred_crop_all);
  shingle("shingles, cropped, cleaned", pred_crop);
  for (const auto& [rule, hits] : rule_hits) {
    std::printf("  rule %-18s fired %5d, on content %4d\n", rule.c_str(), hits, rule_wrong[rule]);
  }
}

// Threshold with the best line F-beta on the train split (cropped). Recall
// weighs kRecallWeight times precision: a dropped paragraph loses quotes and
// facts for good, while a stray kept line costs the later stages little.
constexpr double kRecallWeight = 1.0;
float ChooseThreshold(const std::vector<Page>& pages, tbp::Model model) {
  float best_t = 0.5f;
  double best_f = -1;
  constexpr float kStep = 0.05f;
  for (float t = 0.2f; t <= 0.8f + 1e-6f; t += kStep) {
    model.threshold = t;
    Prf m;
    for (const Page& p : pages) {
      if (p.dev) continue;
      const auto range = CropRange(p);
      const auto crop = Slice(p.lines, range);
      const auto keep = tbp::ClassifyParagraphs(crop, model);
      for (size_t i = 0; i < crop.size(); ++i) m.Add(keep[i], p.labels[range.first + i]);
    }
    const double b2 = kRecallWeight * kRecallWeight;
    const double f = m.P() + m.R() > 0 ? (1 + b2) * m.P() * m.R() / (b2 * m.P() + m.R()) : 0;
    if (f > best_f) {
      best_f = f;
      best_t = t;
    }
  }
  return best_t;
}

std::string ModelText(const tbp::Model& m, const std::string& command) {
  std::string s;
  s += "# Plain-text boilerplate classifier (src/clean/text_boilerplate.h), two-stage logistic regression.\n";
  s += "# Trained on the article-extraction benchmark, MIT, Scrapinghub 2020\n";
  s += "# (https://github.com/scrapinghub/article-extraction-benchmark), train split only (80% by id hash).\n";
  s += "# Generated file: do not edit. Rebuild with:\n#   " + command + "\n";
  char buf[128];
  std::snprintf(buf, sizeof buf, "threshold\t%.4f\n", static_cast<double>(m.threshold));
  s += buf;
  for (size_t i = 0; i < tbp::kNumLocal; ++i) {
    std::snprintf(buf, sizeof buf, "s1.%s\t%.6f\n", std::string(tbp::kLocalFeatureNames[i]).c_str(),
                  static_cast<double>(m.stage1[i]));
    s += buf;
  }
  for (size_t i = 0; i < tbp::kNumStage2; ++i) {
    const std::string_view name =
        i < tbp::kNumLocal ? tbp::kLocalFeatureNames[i] : tbp::kContextFeatureNames[i - tbp::kNumLocal];
    std::snprintf(buf, sizeof buf, "s2.%s\t%.6f\n", std::string(name).c_str(), static_cast<double>(m.stage2[i]));
    s += buf;
  }
  return s;
}

int Usage() {
  std::fprintf(stderr,
               "usage: train_text_boilerplate --data DIR (--out FILE | --eval)\n"
               "  DIR holds ground-truth.json and html/<id>.html.gz (article-extraction benchmark)\n"
               "  --out FILE  train on the train split, write the model, report dev\n"
               "  --eval      report train and dev numbers of the model compiled into the library\n"
               "  --dump-train  also print misclassified train-split lines (for rule work)\n");
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir, out_path;
  bool eval_only = false;
  bool dump_train = false;  // print misclassified train lines (never dev)
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) {
      data_dir = argv[++i];
    } else if (a == "--out" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (a == "--dump-train") {
      dump_train = true;
    } else if (a == "--eval") {
      eval_only = true;
    } else {
      return Usage();
    }
  }
  if (data_dir.empty() || (out_path.empty() && !eval_only)) return Usage();

  const std::string gt_path = data_dir + "/ground-truth.json";
  std::ifstream gt_in(gt_path);
  if (!gt_in) {
    std::fprintf(stderr, "%s: cannot open\n", gt_path.c_str());
    return 1;
  }
  const nlohmann::json gt = nlohmann::json::parse(gt_in, nullptr, /*allow_exceptions=*/false);
  if (!gt.is_object()) {
    std::fprintf(stderr, "%s: not a JSON object\n", gt_path.c_str());
    return 1;
  }
  std::vector<Page> pages;
  for (const auto& [id, rec] : gt.items()) {
    Page p;
    p.id = id;
    if (!rec.is_object() || !rec.contains("articleBody") || !rec["articleBody"].is_string()) {
      std::fprintf(stderr, "%s: %s: no articleBody string\n", gt_path.c_str(), id.c_str());
      return 1;
    }
    p.truth = rec["articleBody"].get<std::string>();
    auto html = ReadGzip(data_dir + "/html/" + id + ".html.gz");
    if (!html.ok()) {
      std::fprintf(stderr, "%s\n", html.status().ToString().c_str());
      return 1;
    }
    p.lines = FlattenHtml(*html);
    LabelPage(p);
    p.dev = XXH64(id.data(), id.size(), 0) % kDevModulus == 0;
    pages.push_back(std::move(p));
  }
  size_t lines = 0, content = 0, cropped = 0;
  for (const Page& p : pages) {
    lines += p.lines.size();
    for (int l : p.labels) content += static_cast<size_t>(l);
    const auto r = CropRange(p);
    cropped += r.second - r.first;
  }
  std::printf("%zu pages, %zu lines (%zu content), %zu lines after cropping\n", pages.size(), lines, content,
              cropped);

  tbp::Model model;
  if (eval_only) {
    model = tbp::EmbeddedModel();
  } else {
    std::vector<Example> ex1, ex2;
    for (const Page& p : pages) {
      if (p.dev) continue;
      const auto r = CropRange(p);
      AddExamples(Slice(p.lines, r), {p.labels.begin() + static_cast<long>(r.first),
                                      p.labels.begin() + static_cast<long>(r.second)},
                  nullptr, ex1, ex2);
    }
    const auto w1 = TrainLogistic(ex1, tbp::kNumLocal);
    std::copy(w1.begin(), w1.end(), model.stage1.begin());
    ex1.clear();
    for (const Page& p : pages) {
      if (p.dev) continue;
      const auto r = CropRange(p);
      AddExamples(Slice(p.lines, r), {p.labels.begin() + static_cast<long>(r.first),
                                      p.labels.begin() + static_cast<long>(r.second)},
                  &model, ex1, ex2);
    }
    const auto w2 = TrainLogistic(ex2, tbp::kNumStage2);
    std::copy(w2.begin(), w2.end(), model.stage2.begin());
    model.threshold = ChooseThreshold(pages, model);
    const std::string command = "build/tools/train_text_boilerplate --data ../shared/data/article-extraction --out "
                                "models/text_boilerplate.tsv";
    std::ofstream out(out_path, std::ios::binary);
    out << ModelText(model, command);
    if (!out) {
      std::fprintf(stderr, "%s: cannot write\n", out_path.c_str());
      return 1;
    }
    std::printf("wrote %s (threshold %.2f)\n", out_path.c_str(), static_cast<double>(model.threshold));
  }
  Evaluate(pages, /*dev=*/false, model, dump_train);
  Evaluate(pages, /*dev=*/true, model, /*dump=*/false);
  return 0;
}
