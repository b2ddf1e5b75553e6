// train_parser: trains the part-of-speech tagger and dependency parser
// (src/extract/parser.h) on UD English-EWT train and the CC BY genres of GUM
// train, picks the epochs on EWT dev, writes models/parser.bin. Test files
// are never read here.
//
//   build/tools/train_parser --data ../shared/data --clusters models/clusters.tsv --out models/parser.bin
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "extract/ner_clusters.h"
#include "extract/parser.h"
#include "extract/parser_train.h"

namespace {

constexpr const char kUsage[] =
    "usage: train_parser --data DIR [--clusters models/clusters.tsv] [--out models/parser.bin]\n"
    "                    [--no-gum] [--epochs N] [--folds N] [--prune W] [--tagger-prune W]\n"
    "                    [--seed N] [--no-retag] [--tag-dropout P] [--explore P] [--all-trees]\n"
    "                    [--tag-bits N] [--arc-bits N] [--label-bits N]\n"
    "  DIR holds ud-en-ewt/ (train .conllu.gz, dev) and ud-en-gum/ (train .conllu.gz)\n";

// GUM genres whose texts are CC BY (Wikinews news, interviews and bios,
// Wikivoyage, OpenStax textbooks, CC vlogs, the Santa Barbara conversations)
// or public domain (political speeches): ud-en-gum/README.md and LICENSE.txt.
// The rest of GUM (academic, court, essay, fiction, letter, podcast, whow)
// is not known to be CC BY, and wikiHow and fiction are non-commercial.
const std::set<std::string> kTrainableGumGenres = {"bio",      "conversation", "interview", "news",
                                                    "speech",   "textbook",     "vlog",      "voyage"};

// "GUM_news_homeopathic-1" -> "news".
std::string GumGenre(const std::string& sent_id) {
  if (sent_id.rfind("GUM_", 0) != 0) return "";
  const size_t end = sent_id.find('_', 4);
  return end == std::string::npos ? "" : sent_id.substr(4, end - 4);
}

int Fail(const std::string& msg) {
  std::cerr << "train_parser: " << msg << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data, clusters, out = "models/parser.bin";
  bool gum = true;
  storyline::ParserTrainOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--data") {
      data = next();
    } else if (a == "--clusters") {
      clusters = next();
    } else if (a == "--out") {
      out = next();
    } else if (a == "--no-gum") {
      gum = false;
    } else if (a == "--epochs") {
      options.parse_epochs = std::atoi(next().c_str());
    } else if (a == "--folds") {
      options.jackknife_folds = std::atoi(next().c_str());
    } else if (a == "--prune") {
      options.prune_below = static_cast<float>(std::atof(next().c_str()));
    } else if (a == "--tagger-prune") {
      options.tagger_prune_below = static_cast<float>(std::atof(next().c_str()));
    } else if (a == "--tag-dropout") {
      options.tag_dropout = std::atof(next().c_str());
    } else if (a == "--no-retag") {
      options.retag = false;
    } else if (a == "--explore") {
      options.explore_p = std::atof(next().c_str());
    } else if (a == "--all-trees") {
      options.projective_only = false;
    } else if (a == "--tag-bits") {
      options.tag_bits = static_cast<uint32_t>(std::atoi(next().c_str()));
    } else if (a == "--arc-bits") {
      options.arc_bits = static_cast<uint32_t>(std::atoi(next().c_str()));
    } else if (a == "--label-bits") {
      options.label_bits = static_cast<uint32_t>(std::atoi(next().c_str()));
    } else if (a == "--seed") {
      options.seed = std::strtoull(next().c_str(), nullptr, 10);
    } else {
      std::cerr << kUsage;
      return 1;
    }
  }
  if (data.empty()) {
    std::cerr << kUsage;
    return 1;
  }
  if (!clusters.empty()) {
    auto c = storyline::LoadWordClusters(clusters);
    if (!c.ok()) return Fail(c.status().ToString());
    options.clusters = std::move(*c);
    std::cerr << "clusters: " << options.clusters.size() << " words from " << clusters << "\n";
  }
  auto train = storyline::ReadConllu(data + "/ud-en-ewt/en_ewt-ud-train.conllu.gz");
  if (!train.ok()) return Fail(train.status().ToString());
  auto dev = storyline::ReadConllu(data + "/ud-en-ewt/en_ewt-ud-dev.conllu");
  if (!dev.ok()) return Fail(dev.status().ToString());
  const size_t ewt = train->size();
  if (gum) {
    auto g = storyline::ReadConllu(data + "/ud-en-gum/en_gum-ud-train.conllu.gz");
    if (!g.ok()) return Fail(g.status().ToString());
    for (storyline::ConlluSentence& s : *g) {
      if (kTrainableGumGenres.count(GumGenre(s.id)) != 0) train->push_back(std::move(s));
    }
  }
  std::cerr << "train " << train->size() << " sentences (EWT " << ewt << ", GUM CC BY " << train->size() - ewt
            << "), dev " << dev->size() << " sentences\n";

  const auto t0 = std::chrono::steady_clock::now();
  auto parser = storyline::TrainParser(*train, *dev, options, &std::cerr);
  if (!parser.ok()) return Fail(parser.status().ToString());
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  const std::string bytes = parser->Serialize();
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.close();
  if (!f) return Fail(out + ": write failed");
  std::cerr << "wrote " << out << " (" << bytes.size() << " bytes) after " << secs << " s of training\n";
  return 0;
}
