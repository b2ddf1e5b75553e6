// cluster_score: scores story clustering (BuildBrief, the same code path as
// `storyline brief`) with the standard clustering metrics: B-cubed P/R/F1
// (Bagga & Baldwin 1998, averaged over articles) and pairwise P/R/F1 over
// article pairs (as in the news-clustering literature, e.g. Miranda et al.
// 2018).
//
//   build/tools/cluster_score --ecbplus ../shared/data/ecbplus-stories [--split all|train|dev|test]
//   build/tools/cluster_score --examples examples --gold eval/stories/examples.tsv
//   ... [--threshold 0.2] [--entity-weight 0] [--sweep] [--json]
//
// ECB+: every document of the split is clustered at once; documents have no
// dates, so the stream order is doc_id order. Scored against `story_id`
// (fine: the two sub-topics of a topic are different stories) and `topic`
// (coarse), as the dataset README describes. The text is the dataset's
// tokenised text (sentences one per line); the first line serves as the
// title, as the first line of a plain-text article does.
//
// Examples: every article under the folder is read, cleaned and annotated as
// `storyline brief` does; the gold story of each article id comes from a
// two-column TSV (article id, story).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/gzip.h"
#include "storyline/annotation.h"
#include "storyline/brief.h"
#include "storyline/clean.h"
#include "storyline/ingest.h"
#include "storyline/reporter.h"

namespace {

// documents.jsonl.gz of ECB+ is ~2.5 MB of text; far below this.
constexpr size_t kMaxDecompressed = size_t{1} << 30;

struct Item {
  storyline::AnnotatedArticle article;
  std::string fine;    // gold story
  std::string coarse;  // gold topic ("" when the data has no coarser level)
};

struct Scores {
  double b3_p = 0, b3_r = 0, b3_f = 0;
  double pair_p = 0, pair_r = 0, pair_f = 0;
  size_t clusters = 0, gold_clusters = 0;
};

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

// `pred` and `gold` are cluster labels per item.
Scores Score(const std::vector<size_t>& pred, const std::vector<std::string>& gold) {
  Scores s;
  const size_t n = pred.size();
  std::map<size_t, std::vector<size_t>> by_pred;
  std::map<std::string, std::vector<size_t>> by_gold;
  for (size_t i = 0; i < n; ++i) {
    by_pred[pred[i]].push_back(i);
    by_gold[gold[i]].push_back(i);
  }
  s.clusters = by_pred.size();
  s.gold_clusters = by_gold.size();
  // Joint counts: items in predicted cluster c and gold class g.
  std::map<std::pair<size_t, std::string>, size_t> joint;
  for (size_t i = 0; i < n; ++i) ++joint[{pred[i], gold[i]}];
  double p_sum = 0, r_sum = 0;
  for (size_t i = 0; i < n; ++i) {
    const double both = static_cast<double>(joint[{pred[i], gold[i]}]);
    p_sum += both / static_cast<double>(by_pred[pred[i]].size());
    r_sum += both / static_cast<double>(by_gold[gold[i]].size());
  }
  if (n > 0) {
    s.b3_p = p_sum / static_cast<double>(n);
    s.b3_r = r_sum / static_cast<double>(n);
  }
  s.b3_f = F1(s.b3_p, s.b3_r);
  auto pairs = [](size_t k) { return static_cast<double>(k) * static_cast<double>(k - 1) / 2; };
  double tp = 0, pred_pairs = 0, gold_pairs = 0;
  for (const auto& [key, k] : joint) tp += pairs(k);
  for (const auto& [key, v] : by_pred) pred_pairs += pairs(v.size());
  for (const auto& [key, v] : by_gold) gold_pairs += pairs(v.size());
  s.pair_p = pred_pairs > 0 ? tp / pred_pairs : 1.0;
  s.pair_r = gold_pairs > 0 ? tp / gold_pairs : 1.0;
  s.pair_f = F1(s.pair_p, s.pair_r);
  return s;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

bool LoadEcbPlus(const std::string& dir, const std::string& split, std::vector<Item>* items) {
  const std::string path = dir + "/documents.jsonl.gz";
  std::string bytes;
  if (!ReadFile(path, &bytes)) {
    std::cerr << "cluster_score: cannot read " << path << "\n";
    return false;
  }
  const storyline::ingest::GunzipOutput text = storyline::ingest::Gunzip(bytes, kMaxDecompressed);
  if (!text.status.ok()) {
    std::cerr << "cluster_score: " << path << ": " << text.status.message() << "\n";
    return false;
  }
  std::istringstream lines{std::string(text.view())};
  std::string line;
  size_t line_no = 0;
  while (std::getline(lines, line)) {
    ++line_no;
    if (line.empty()) continue;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.contains("doc_id") || !j.contains("text")) {
      std::cerr << "cluster_score: " << path << ":" << line_no << ": not a document object\n";
      return false;
    }
    if (split != "all" && j.value("split", "") != split) continue;
    Item item;
    storyline::Article& a = item.article.article;
    a.id = j["doc_id"].get<std::string>();
    const std::string body = j["text"].get<std::string>();
    const size_t nl = body.find('\n');
    a.title = body.substr(0, nl);
    a.text = nl == std::string::npos ? "" : body.substr(nl + 1);
    item.fine = j.value("story_id", "");
    item.coarse = std::to_string(j.value("topic", 0));
    item.article = storyline::Annotate(item.article.article, {});
    items->push_back(std::move(item));
  }
  return true;
}

bool LoadExamples(const std::string& dir, const std::string& gold_path,
                  std::vector<Item>* items) {
  std::string gold_text;
  if (!ReadFile(gold_path, &gold_text)) {
    std::cerr << "cluster_score: cannot read " << gold_path << "\n";
    return false;
  }
  std::unordered_map<std::string, std::string> gold;
  std::istringstream lines(gold_text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    gold[line.substr(0, tab)] = line.substr(tab + 1);
  }
  storyline::CountingReporter reporter(&std::cerr);
  std::vector<storyline::Document> docs;
  const storyline::Status st =
      storyline::ReadPath(dir, {}, reporter, [&](storyline::Document&& d) {
        docs.push_back(std::move(d));
        return storyline::Status::Ok();
      });
  if (!st.ok()) {
    std::cerr << "cluster_score: " << dir << ": " << st.message() << "\n";
    return false;
  }
  for (const storyline::Document& d : docs) {
    storyline::Result<storyline::Article> a = storyline::CleanDocument(d, {});
    if (!a.ok()) continue;
    auto g = gold.find(a->id);
    if (g == gold.end()) {
      std::cerr << "cluster_score: " << a->id << " has no gold story in " << gold_path << "\n";
      return false;
    }
    Item item;
    item.article = storyline::Annotate(*a, {});
    item.fine = g->second;
    items->push_back(std::move(item));
  }
  return true;
}

std::vector<size_t> Cluster(const std::vector<storyline::AnnotatedArticle>& articles,
                            double threshold, double entity_weight) {
  storyline::StoryOptions options;
  options.entity_weight = entity_weight;
  options.min_similarity = threshold;
  const storyline::Brief brief = storyline::BuildBrief(articles, options);
  std::unordered_map<std::string, size_t> story_of;
  for (size_t s = 0; s < brief.stories.size(); ++s) {
    for (const std::string& id : brief.stories[s].articles) story_of[id] = s;
  }
  std::vector<size_t> out;
  for (const storyline::AnnotatedArticle& a : articles) out.push_back(story_of.at(a.article.id));
  return out;
}

void Print(const char* level, const Scores& s) {
  std::printf("  %-7s B3 P %.3f R %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f | %zu clusters (gold %zu)\n",
              level, s.b3_p, s.b3_r, s.b3_f, s.pair_p, s.pair_r, s.pair_f, s.clusters,
              s.gold_clusters);
}

nlohmann::json ToJson(const Scores& s) {
  return {{"b3", {{"p", s.b3_p}, {"r", s.b3_r}, {"f1", s.b3_f}}},
          {"pairwise", {{"p", s.pair_p}, {"r", s.pair_r}, {"f1", s.pair_f}}},
          {"clusters", s.clusters},
          {"gold_clusters", s.gold_clusters}};
}

int Usage() {
  std::cerr << "usage: cluster_score (--ecbplus DIR [--split all|train|dev|test] | --examples DIR "
               "--gold TSV) [--threshold X] [--entity-weight W] [--sweep] [--json]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string ecb, split = "all", examples, gold;
  double threshold = storyline::StoryOptions{}.min_similarity;
  double entity_weight = storyline::StoryOptions{}.entity_weight;
  bool sweep = false, json = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--ecbplus") {
      ecb = next();
    } else if (arg == "--split") {
      split = next();
    } else if (arg == "--examples") {
      examples = next();
    } else if (arg == "--gold") {
      gold = next();
    } else if (arg == "--threshold") {
      threshold = std::atof(next().c_str());
    } else if (arg == "--entity-weight") {
      entity_weight = std::atof(next().c_str());
    } else if (arg == "--sweep") {
      sweep = true;
    } else if (arg == "--json") {
      json = true;
    } else {
      return Usage();
    }
  }
  if (ecb.empty() == examples.empty()) return Usage();
  if (!examples.empty() && gold.empty()) return Usage();
  if (split != "all" && split != "train" && split != "dev" && split != "test") return Usage();

  std::vector<Item> items;
  const bool loaded = ecb.empty() ? LoadExamples(examples, gold, &items)
                                  : LoadEcbPlus(ecb, split, &items);
  if (!loaded) return 1;
  if (items.empty()) {
    std::cerr << "cluster_score: no articles\n";
    return 1;
  }
  std::vector<storyline::AnnotatedArticle> articles;
  std::vector<std::string> fine, coarse;
  for (const Item& it : items) {
    articles.push_back(it.article);
    fine.push_back(it.fine);
    coarse.push_back(it.coarse);
  }
  const bool has_coarse = !ecb.empty();

  std::vector<double> thresholds = {threshold};
  if (sweep) thresholds = {0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.3, 0.35, 0.4};
  nlohmann::json out = nlohmann::json::array();
  for (double t : thresholds) {
    const std::vector<size_t> pred = Cluster(articles, t, entity_weight);
    const Scores s_fine = Score(pred, fine);
    if (json) {
      nlohmann::json j = {{"threshold", t}, {"articles", articles.size()}, {"story", ToJson(s_fine)}};
      if (has_coarse) j["topic"] = ToJson(Score(pred, coarse));
      out.push_back(j);
      continue;
    }
    std::printf("%s%s: %zu articles, threshold %.3f\n", ecb.empty() ? "examples" : "ECB+ ",
                ecb.empty() ? "" : split.c_str(), articles.size(), t);
    Print("story", s_fine);
    if (has_coarse) Print("topic", Score(pred, coarse));
  }
  if (json) std::cout << out.dump(1) << "\n";
  return 0;
}
