// cluster_throughput: story clustering over a long synthetic news stream,
// showing that the cost per article does not grow with the number of
// stories, with the batch average-link clusterer (the previous design, kept
// in stories/cluster.h) as the same-run baseline.
//
//   build/bench/cluster_throughput [--articles 10000,100000,1000000] [--baseline-max 20000]
//
// The stream is built from the sentences of UD English-EWT train (CC BY-SA):
// each synthetic story has its own core of sentences and runs for a few
// days; each of its articles retells a random part of the core with filler
// sentences from the whole pool, so articles of one story share words and
// names and articles of different stories share only the filler's common
// words. Each story also has two invented names (syllable strings, like the
// people and places that tell real stories apart) that its articles mention,
// since a finite sentence pool alone would make stories indistinguishable at
// a million articles. Stories start uniformly over the stream's time range (one new
// story for every five articles), articles arrive in publication order.
// With --entity-weight W > 0, each article also gives the grouper names as
// ClusterKeys do: its story's two invented names (one article in eight
// misspells the first by a letter, as a tabloid does) and a name of its own
// (a passer-by quoted once), and the stream weighs shared names by W.
// Reported: articles/s (CPU time of term counting plus clustering, the part
// of `storyline brief` that scales with the stream), peak RSS, the index's
// own bytes per article, and B-cubed F1 against the synthetic stories.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench_util.h"
#include "stories/cluster.h"
#include "stories/stream_cluster.h"
#include "stories/text_features.h"

namespace {

using storyline::bench::CpuSeconds;
using storyline::bench::PeakRssMib;

constexpr size_t kArticlesPerStory = 5;   // on average
constexpr size_t kCoreSentences = 12;     // per story
constexpr size_t kCoreShown = 6;          // core sentences per article
constexpr size_t kFillerSentences = 6;    // unrelated sentences per article
constexpr int kStoryDays = 6;             // a story's articles span this many days
constexpr int kStreamDaysPer1000 = 4;     // the stream covers 4 days per 1,000 articles

// An invented capitalised name, unique per (story, k) with high
// probability: three syllables from 20 x 5.
std::string InventedName(std::mt19937_64& rng) {
  static constexpr const char* kOnsets[] = {"b", "d", "f", "g", "h", "k", "l", "m", "n", "p",
                                            "r", "s", "t", "v", "z", "br", "dr", "gl", "tr", "st"};
  static constexpr const char* kVowels[] = {"a", "e", "i", "o", "u"};
  std::uniform_int_distribution<size_t> onset(0, std::size(kOnsets) - 1);
  std::uniform_int_distribution<size_t> vowel(0, std::size(kVowels) - 1);
  std::string name;
  for (int i = 0; i < 4; ++i) name += std::string(kOnsets[onset(rng)]) + kVowels[vowel(rng)];
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

struct SynthArticle {
  std::string title;
  std::string text;
  std::vector<std::string> names;  // folded, as ClusterKeys gives them
  int64_t day = 0;
  uint32_t story = 0;
};

std::vector<std::string> LoadSentences(const std::string& conllu_gz) {
  std::vector<std::string> out;
  storyline::Result<std::string> text = storyline::bench::Gunzip(conllu_gz);
  if (!text.ok()) {
    std::fprintf(stderr, "cluster_throughput: %s\n", text.status().message().c_str());
    return out;
  }
  std::istringstream lines(*text);
  std::string line;
  const std::string prefix = "# text = ";
  while (std::getline(lines, line)) {
    if (line.rfind(prefix, 0) == 0 && line.size() > prefix.size() + 20) {
      out.push_back(line.substr(prefix.size()));
    }
  }
  return out;
}

std::vector<SynthArticle> MakeStream(const std::vector<std::string>& pool, size_t n,
                                     uint32_t seed) {
  std::mt19937_64 rng(seed);
  std::mt19937_64 name_rng(seed + 1);
  const size_t stories = std::max<size_t>(1, n / kArticlesPerStory);
  const int64_t span_days = std::max<int64_t>(1, static_cast<int64_t>(n) * kStreamDaysPer1000 / 1000);
  std::uniform_int_distribution<size_t> any(0, pool.size() - 1);
  std::uniform_int_distribution<int64_t> start_day(0, span_days);
  std::uniform_int_distribution<int> offset(0, kStoryDays);
  std::uniform_int_distribution<size_t> which_story(0, stories - 1);
  std::vector<std::vector<size_t>> cores(stories);
  std::vector<int64_t> starts(stories);
  std::vector<std::string> names(stories);
  for (size_t s = 0; s < stories; ++s) {
    names[s] = InventedName(rng) + " " + InventedName(rng);
    for (size_t k = 0; k < kCoreSentences; ++k) cores[s].push_back(any(rng));
    starts[s] = start_day(rng);
  }
  std::vector<SynthArticle> out(n);
  for (size_t i = 0; i < n; ++i) {
    SynthArticle& a = out[i];
    a.story = static_cast<uint32_t>(i < stories ? i : which_story(rng));
    std::vector<size_t> core = cores[a.story];
    std::shuffle(core.begin(), core.end(), rng);
    a.title = pool[core[0]];
    std::vector<size_t> body(core.begin(), core.begin() + kCoreShown);
    for (size_t k = 0; k < kFillerSentences; ++k) body.push_back(any(rng));
    std::shuffle(body.begin(), body.end(), rng);
    // The names open the article and recur through it, as a story's people
    // and places do.
    a.text = names[a.story] + " said on Monday: ";
    for (size_t k = 0; k < body.size(); ++k) {
      a.text += pool[body[k]] + " ";
      if (k % 4 == 3) a.text += "The case of " + names[a.story] + " continues. ";
    }
    a.day = starts[a.story] + offset(rng);
    std::string story_name = storyline::stories::FoldCase(names[a.story]);
    if (i % 8 == 7) story_name[2] = story_name[2] == 'x' ? 'y' : 'x';  // a letter misspelt
    // Its own generator: the stream is the same with or without names.
    a.names = {story_name, storyline::stories::FoldCase(InventedName(name_rng) + " " + InventedName(name_rng))};
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const SynthArticle& x, const SynthArticle& y) { return x.day < y.day; });
  return out;
}

std::unordered_map<std::string, double> Terms(const SynthArticle& a) {
  // The same weighting as BuildBrief: a title word counts three times.
  constexpr double kTitleWeight = 3.0;
  std::unordered_map<std::string, double> counts;
  for (std::string& t : storyline::stories::IndexTerms(a.title)) counts[std::move(t)] += kTitleWeight;
  for (std::string& t : storyline::stories::IndexTerms(a.text)) counts[std::move(t)] += 1.0;
  return counts;
}

double BCubedF1(const std::vector<size_t>& pred, const std::vector<SynthArticle>& stream) {
  std::map<std::pair<size_t, uint32_t>, double> joint;
  std::unordered_map<size_t, double> pred_size;
  std::unordered_map<uint32_t, double> gold_size;
  for (size_t i = 0; i < pred.size(); ++i) {
    joint[{pred[i], stream[i].story}] += 1;
    pred_size[pred[i]] += 1;
    gold_size[stream[i].story] += 1;
  }
  double p = 0, r = 0;
  for (size_t i = 0; i < pred.size(); ++i) {
    const double both = joint[{pred[i], stream[i].story}];
    p += both / pred_size[pred[i]];
    r += both / gold_size[stream[i].story];
  }
  p /= static_cast<double>(pred.size());
  r /= static_cast<double>(pred.size());
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

struct Run {
  double seconds = 0;
  double f1 = 0;
  size_t index_bytes = 0;
  size_t stories = 0;
};

Run Stream(const std::vector<SynthArticle>& stream, double entity_weight) {
  Run run;
  const double t0 = CpuSeconds();
  storyline::stories::StreamOptions options;
  options.entity_weight = entity_weight;
  storyline::stories::StoryStream clusterer(options);
  std::vector<size_t> story(stream.size());
  static const std::vector<std::string> kNoNames;
  for (size_t i = 0; i < stream.size(); ++i) {
    story[i] = clusterer.Add(Terms(stream[i]), entity_weight > 0 ? stream[i].names : kNoNames, stream[i].day);
  }
  for (size_t i = 0; i < stream.size(); ++i) story[i] = clusterer.StoryOf(i);
  run.seconds = CpuSeconds() - t0;
  run.f1 = BCubedF1(story, stream);
  run.index_bytes = clusterer.MemoryBytes();
  run.stories = clusterer.HeldStories().size();
  return run;
}

Run Batch(const std::vector<SynthArticle>& stream) {
  Run run;
  const double t0 = CpuSeconds();
  std::vector<storyline::stories::TermCounts> counts;
  for (const SynthArticle& a : stream) counts.push_back(Terms(a));
  std::vector<size_t> order(stream.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const storyline::stories::Clustering c = storyline::stories::ClusterAverageLink(
      storyline::stories::BuildTfIdf(counts), order, 0.2, 0.1);
  std::vector<size_t> story(stream.size());
  for (size_t s = 0; s < c.clusters.size(); ++s) {
    for (size_t m : c.clusters[s]) story[m] = s;
  }
  run.seconds = CpuSeconds() - t0;
  run.f1 = BCubedF1(story, stream);
  run.stories = c.clusters.size();
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Story clustering throughput on a synthetic news stream"};
  std::vector<size_t> sizes = {10000, 100000};
  size_t baseline_max = 20000;
  std::string data = std::string(STORYLINE_SOURCE_DIR) + "/../shared/data/ud-en-ewt";
  app.add_option("--articles", sizes, "stream lengths to run")->delimiter(',');
  app.add_option("--baseline-max", baseline_max,
                 "run the batch baseline only up to this many articles (it is quadratic)");
  double entity_weight = 0;
  app.add_option("--entity-weight", entity_weight, "weight of shared names (0: the articles give none)");
  app.add_option("--data", data, "ud-en-ewt folder (sentences for the synthetic articles)");
  CLI11_PARSE(app, argc, argv);

  const std::vector<std::string> pool = LoadSentences(data + "/en_ewt-ud-train.conllu.gz");
  if (pool.size() < 1000) {
    std::fprintf(stderr, "cluster_throughput: too few sentences in %s\n", data.c_str());
    return 1;
  }
  std::printf("sentence pool: %zu sentences from UD English-EWT train\n", pool.size());
  std::printf("%10s %12s %10s %8s %14s %10s %14s %10s %8s\n", "articles", "stories", "art/s",
              "B3 F1", "index B/art", "peak MiB", "batch art/s", "batch F1", "ratio");
  for (size_t n : sizes) {
    const std::vector<SynthArticle> stream = MakeStream(pool, n, 42 + n);
    const Run s = Stream(stream, entity_weight);
    std::string batch_rate = "-", batch_f1 = "-", ratio = "-";
    if (n <= baseline_max) {
      const Run b = Batch(stream);
      batch_rate = fmt::format("{:.0f}", static_cast<double>(n) / b.seconds);
      batch_f1 = fmt::format("{:.3f}", b.f1);
      ratio = fmt::format("{:.1f}x", b.seconds / s.seconds);
    }
    std::printf("%10zu %12zu %10.0f %8.3f %14.0f %10.0f %14s %10s %8s\n", n, s.stories,
                static_cast<double>(n) / s.seconds, s.f1,
                static_cast<double>(s.index_bytes) / static_cast<double>(n), PeakRssMib(),
                batch_rate.c_str(), batch_f1.c_str(), ratio.c_str());
    std::fflush(stdout);
  }
  return 0;
}
