// parser_score: UPOS accuracy, UAS and LAS of the tagger and dependency
// parser (src/extract/parser.h) on UD English-EWT and on the news documents
// of GUM (evaluation only: GUM is not trained on except its CC BY genres'
// train split), every word scored, punctuation included, LAS over the
// universal part of the relation as the CoNLL 2018 shared task scores it
// (LAS+sub: with subtypes).
//
//   build/tools/parser_score [--data ../shared/data] [--model models/parser.bin]
//                            [--split dev|test|both] [--gold-tags]
//   echo "The zoo 's budget rose ." | build/tools/parser_score --parse
//
// --parse reads one sentence per line (words separated by spaces) from
// standard input and prints each parse as CoNLL-U columns (ID FORM UPOS
// HEAD DEPREL), for looking at what the parser does.
//
// Default model: the one compiled into the library. Test splits are for the
// final report only: the trainer never reads them.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/parser.h"
#include "extract/parser_train.h"

namespace {

constexpr const char kUsage[] =
    "usage: parser_score [--data DIR] [--model FILE] [--split dev|test|both] [--gold-tags] [--parse]\n"
    "  DIR holds ud-en-ewt/ and ud-en-gum/ (default: ../shared/data beside the source tree)\n";

// Prints the parse of each line of standard input.
void ParseStdin(const storyline::DependencyParser& parser) {
  for (std::string line; std::getline(std::cin, line);) {
    std::vector<std::string> words;
    std::istringstream in(line);
    for (std::string w; in >> w;) words.push_back(w);
    const std::vector<storyline::DepToken> t = parser.Parse(words);
    for (size_t i = 0; i < t.size(); ++i) {
      std::printf("%zu\t%s\t%.*s\t%d\t%.*s\n", i + 1, words[i].c_str(), static_cast<int>(t[i].upos.size()),
                  t[i].upos.data(), t[i].head + 1, static_cast<int>(t[i].deprel.size()), t[i].deprel.data());
    }
    std::printf("\n");
  }
}

int Fail(const std::string& msg) {
  std::cerr << "parser_score: " << msg << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(STORYLINE_SOURCE_DIR) + "/../shared/data", model, split = "dev";
  bool gold_tags = false, parse_stdin = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--data") {
      data = next();
    } else if (a == "--model") {
      model = next();
    } else if (a == "--split") {
      split = next();
    } else if (a == "--gold-tags") {
      gold_tags = true;
    } else if (a == "--parse") {
      parse_stdin = true;
    } else {
      std::cerr << kUsage;
      return 1;
    }
  }
  if (split != "dev" && split != "test" && split != "both") {
    std::cerr << kUsage;
    return 1;
  }
  storyline::Result<storyline::DependencyParser> loaded = storyline::Status::NotFound("");
  const storyline::DependencyParser* parser = nullptr;
  if (model.empty()) {
    const auto& d = storyline::DependencyParser::Default();
    if (!d.ok()) return Fail(d.status().ToString());
    parser = &*d;
  } else {
    loaded = storyline::DependencyParser::Load(model);
    if (!loaded.ok()) return Fail(loaded.status().ToString());
    parser = &*loaded;
  }
  if (parse_stdin) {
    ParseStdin(*parser);
    return 0;
  }
  std::vector<std::string> splits;
  if (split != "test") splits.push_back("dev");
  if (split != "dev") splits.push_back("test");
  std::printf("%-18s %7s %7s %7s %7s %9s %8s\n", "set", "words", "UPOS", "UAS", "LAS", "LAS+sub", "sec");
  for (const std::string& s : splits) {
    const std::pair<std::string, std::string> sets[] = {
        {"EWT " + s, data + "/ud-en-ewt/en_ewt-ud-" + s + ".conllu"},
        {"GUM news " + s, data + "/ud-en-gum/en_gum-news-only-" + s + ".conllu"},
    };
    for (const auto& [name, path] : sets) {
      auto sents = storyline::ReadConllu(path);
      if (!sents.ok()) return Fail(sents.status().ToString());
      const auto t0 = std::chrono::steady_clock::now();
      const storyline::ParserScore sc = storyline::ScoreParser(*parser, *sents, gold_tags);
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::printf("%-18s %7zu %7.2f %7.2f %7.2f %9.2f %8.2f\n", name.c_str(), sc.words, sc.Upos(), sc.Uas(),
                  sc.Las(), sc.LasFull(), secs);
    }
  }
  if (gold_tags) std::printf("(parsed on gold UPOS tags)\n");
  return 0;
}
