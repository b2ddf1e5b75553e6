// train_ner: trains the named-entity tagger (src/extract/ner.h) on UNER
// English-EWT train, picks the epoch by entity F1 on dev, writes models/ner.bin.
// The test split is never read here.
//
//   build/tools/train_ner --data ../shared/data/ner-uner-en-ewt --out models/ner.bin
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "extract/ner.h"
#include "extract/ner_train.h"

namespace {

constexpr const char kUsage[] =
    "usage: train_ner --data DIR [--clusters models/clusters.tsv] [--out models/ner.bin]\n"
    "                 [--hash-bits N] [--epochs N] [--dropout P] [--seed N] [--runs N]\n"
    "  DIR holds en_ewt-ud-train.v0-normalized.iob2 and en_ewt-ud-dev.iob2\n";

int Fail(const std::string& msg) {
  std::cerr << "train_ner: " << msg << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data, clusters, out = "models/ner.bin";
  storyline::NerTrainOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--data") {
      data = next();
    } else if (a == "--clusters") {
      clusters = next();
    } else if (a == "--out") {
      out = next();
    } else if (a == "--hash-bits") {
      options.hash_bits = static_cast<uint32_t>(std::atoi(next().c_str()));
    } else if (a == "--dropout") {
      options.feature_dropout = std::atof(next().c_str());
    } else if (a == "--runs") {
      options.runs = std::atoi(next().c_str());
    } else if (a == "--seed") {
      options.seed = std::strtoull(next().c_str(), nullptr, 10);
    } else if (a == "--epochs") {
      options.max_epochs = std::atoi(next().c_str());
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
  auto train = storyline::ReadIob2File(data + "/en_ewt-ud-train.v0-normalized.iob2");
  if (!train.ok()) return Fail(train.status().ToString());
  auto dev = storyline::ReadIob2File(data + "/en_ewt-ud-dev.iob2");
  if (!dev.ok()) return Fail(dev.status().ToString());
  std::cerr << "train " << train->size() << " sentences, dev " << dev->size() << " sentences\n";

  const auto t0 = std::chrono::steady_clock::now();
  auto tagger = storyline::TrainNer(*train, *dev, options, &std::cerr);
  if (!tagger.ok()) return Fail(tagger.status().ToString());
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  const std::string bytes = tagger->Serialize();
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.close();
  if (!f) return Fail(out + ": write failed");
  std::cerr << "wrote " << out << " (" << bytes.size() << " bytes) after " << secs << " s of training\n";
  return 0;
}
