// ner_score: entity-level micro P/R/F1 (conlleval semantics: exact span and
// type) of the named-entity tagger on UNER English-EWT dev and test, per type
// and overall, and its tagging speed, printed beside the published figures.
//
//   build/tools/ner_score --data ../shared/data/ner-uner-en-ewt [--model models/ner.bin] [--rules]
// Without --model the model embedded in the library is scored.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "extract/ner.h"
#include "extract/ner_train.h"

namespace {

// Tagging passes over dev+test for the speed figure: enough tokens (~250k a
// pass) for a stable reading, short enough for an interactive run.
constexpr int kSpeedPasses = 8;

void PrintScore(const char* split, const std::string& type, const storyline::NerScore& s) {
  std::printf("%-5s %-4s  gold %5zu  pred %5zu  P %5.1f  R %5.1f  F1 %5.1f\n", split, type.c_str(),
              s.gold, s.predicted, 100 * s.precision(), 100 * s.recall(), 100 * s.f1());
}

// Keeps only tags of `type` (others become O), for per-type scores.
std::vector<std::string> OnlyType(const std::vector<std::string>& tags, const std::string& type) {
  std::vector<std::string> out;
  for (const std::string& t : tags) out.push_back(t.size() > 2 && t.substr(2) == type ? t : "O");
  return out;
}

void ScoreSplit(const char* split, const storyline::NerTagger& tagger,
                const std::vector<storyline::NerSentence>& data, bool rules) {
  storyline::NerScore all;
  std::map<std::string, storyline::NerScore> by_type;
  for (const storyline::NerSentence& s : data) {
    // With --rules: the annotate path (TagEntities), whose WORK/OTHER chunks
    // count as false positives here, since UNER has no such types.
    std::vector<std::string> pred = rules ? tagger.TagEntities(s.words) : tagger.Tag(s.words);
    storyline::AddToScore(s.tags, pred, &all);
    for (const std::string& l : tagger.labels()) {
      if (l.size() > 2 && l[0] == 'B') {
        std::string type = l.substr(2);
        storyline::AddToScore(OnlyType(s.tags, type), OnlyType(pred, type), &by_type[type]);
      }
    }
  }
  for (const auto& [type, s] : by_type) PrintScore(split, type, s);
  PrintScore(split, "ALL", all);
}

}  // namespace

int main(int argc, char** argv) {
  std::string data, model_path;
  bool rules = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) {
      data = argv[++i];
    } else if (a == "--rules") {
      rules = true;
    } else if (a == "--model" && i + 1 < argc) {
      model_path = argv[++i];
    } else {
      std::cerr << "usage: ner_score --data DIR [--model FILE] [--rules]\n";
      return 1;
    }
  }
  if (data.empty()) {
    std::cerr << "usage: ner_score --data DIR [--model FILE] [--rules]\n";
    return 1;
  }
  storyline::Result<storyline::NerTagger> loaded =
      model_path.empty() ? storyline::Status::NotFound("") : storyline::NerTagger::Load(model_path);
  if (!model_path.empty() && !loaded.ok()) {
    std::cerr << "ner_score: " << loaded.status().ToString() << "\n";
    return 1;
  }
  const storyline::Result<storyline::NerTagger>& embedded = storyline::NerTagger::Default();
  if (model_path.empty() && !embedded.ok()) {
    std::cerr << "ner_score: " << embedded.status().ToString() << "\n";
    return 1;
  }
  const storyline::NerTagger& tagger = model_path.empty() ? *embedded : *loaded;

  auto dev = storyline::ReadIob2File(data + "/en_ewt-ud-dev.iob2");
  auto test = storyline::ReadIob2File(data + "/en_ewt-ud-test.iob2");
  if (!dev.ok() || !test.ok()) {
    std::cerr << "ner_score: " << (dev.ok() ? test.status() : dev.status()).ToString() << "\n";
    return 1;
  }
  std::printf("UNER English-EWT, entity-level micro scores (exact span and type)\n");
  ScoreSplit("dev", tagger, *dev, rules);
  ScoreSplit("test", tagger, *test, rules);
  std::printf("published (test F1): XLM-R-Large fine-tuned 86.0 (Mayhew et al. 2024);\n"
              "  inter-annotator agreement PER 96.9 / ORG 87.0 / LOC 82.5\n");

  size_t tokens = 0, sink = 0;
  std::vector<int> ids;
  const auto t0 = std::chrono::steady_clock::now();
  for (int pass = 0; pass < kSpeedPasses; ++pass) {
    for (const auto* split : {&*dev, &*test}) {
      for (const storyline::NerSentence& s : *split) {
        tagger.TagIds(s.words, &ids);
        tokens += ids.size();
        for (int id : ids) sink += static_cast<size_t>(id);
      }
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("speed: %zu tokens in %.3f s = %.0f tokens/s (one thread; checksum %zu)\n", tokens, secs,
              static_cast<double>(tokens) / secs, sink);
  return 0;
}
