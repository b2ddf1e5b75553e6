// train_clusters: learns the hierarchical word clusters of the NER tagger
// (src/extract/ner_clusters.h) from unlabeled text we have, and writes
// models/clusters.tsv ("path<TAB>word<TAB>count").
//
//   build/tools/train_clusters --data ../shared/data --out models/clusters.tsv
//
// Sources (only training splits, never a split anyone scores on; the
// licences are repeated in models/ner.README):
//   ner-uner-en-ewt train words (= UD English-EWT train)   CC BY-SA 4.0
//   ud-en-gum train, CC BY genres only (news, interview, bio, voyage,
//     academic, textbook, speech, conversation, vlog)      CC BY 4.0
//   ecbplus-stories documents of the "train" split         CC BY 3.0
//   article-extraction ground-truth article bodies         MIT (dataset)
// The clusters file holds words, counts and bit paths, not the text.
#include <zlib.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/ner_clusters.h"
#include "extract/ner_train.h"

namespace {

using Sentences = std::vector<std::vector<std::string>>;

constexpr const char kUsage[] =
    "usage: train_clusters --data DIR [--out models/clusters.tsv] [--depth N] [--min-count N] [--one-sided]\n"
    "  DIR is ../shared/data (ner-uner-en-ewt, ud-en-gum, ecbplus-stories, article-extraction)\n";

int Fail(const std::string& msg) {
  std::cerr << "train_clusters: " << msg << "\n";
  return 1;
}

// Whole file, gunzipped when it is gzip (zlib reads plain files unchanged).
bool ReadMaybeGz(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return false;
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out->append(buf, static_cast<size_t>(n));
  const bool ok = n == 0;
  gzclose(f);
  return ok;
}

// PTB quote tokens as UD writes them, so both kinds of text share one word.
std::string NormalizeToken(std::string t) {
  if (t == "``" || t == "''") return "\"";
  if (t == "-LRB-") return "(";
  if (t == "-RRB-") return ")";
  return t;
}

bool IsEdgePunct(unsigned char c) { return std::string_view("\"'()[]{},.;:!?").find(static_cast<char>(c)) != std::string_view::npos; }

// UD-like tokens for raw text: whitespace split, edge punctuation and curly
// quotes peeled off, clitics split (don't -> do n't, Smith's -> Smith 's).
void TokenizeRaw(std::string_view text, std::vector<std::string>* out) {
  static constexpr std::string_view kQuotes[] = {"\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99"};
  static constexpr std::string_view kClitics[] = {"n't", "'s", "'re", "'ll", "'ve", "'d", "'m",
                                                  "\xe2\x80\x99s", "n\xe2\x80\x99t"};
  std::istringstream in{std::string(text)};
  std::string chunk;
  while (in >> chunk) {
    std::string_view c = chunk;
    std::vector<std::string> tail;
    bool changed = true;
    while (changed && !c.empty()) {
      changed = false;
      for (std::string_view q : kQuotes) {
        if (c.size() > q.size() && c.substr(0, q.size()) == q) { out->emplace_back("\""); c.remove_prefix(q.size()); changed = true; }
        if (c.size() > q.size() && c.substr(c.size() - q.size()) == q) { tail.emplace_back("\""); c.remove_suffix(q.size()); changed = true; }
      }
      if (c.size() > 1 && IsEdgePunct(static_cast<unsigned char>(c.front()))) { out->emplace_back(1, c.front()); c.remove_prefix(1); changed = true; }
      if (c.size() > 1 && IsEdgePunct(static_cast<unsigned char>(c.back()))) { tail.emplace_back(1, c.back()); c.remove_suffix(1); changed = true; }
    }
    for (std::string_view cl : kClitics) {
      if (c.size() > cl.size() + 1 && c.substr(c.size() - cl.size()) == cl) {
        tail.emplace_back(NormalizeToken(std::string(cl)));
        c.remove_suffix(cl.size());
        break;
      }
    }
    if (!c.empty()) out->emplace_back(c);
    out->insert(out->end(), tail.rbegin(), tail.rend());
  }
}

bool AddUner(const std::string& dir, Sentences* out) {
  auto train = storyline::ReadIob2File(dir + "/ner-uner-en-ewt/en_ewt-ud-train.v0-normalized.iob2");
  if (!train.ok()) return false;
  for (auto& s : *train) out->push_back(std::move(s.words));
  return true;
}

bool AddGum(const std::string& dir, Sentences* out) {
  static const std::set<std::string> kCcByGenres = {"news", "interview", "bio", "voyage", "academic",
                                                    "textbook", "speech", "conversation", "vlog"};
  std::string text;
  if (!ReadMaybeGz(dir + "/ud-en-gum/en_gum-ud-train.conllu.gz", &text)) return false;
  std::istringstream in(text);
  std::string line;
  bool keep = false;
  std::vector<std::string> cur;
  while (std::getline(in, line)) {
    if (line.rfind("# newdoc id = GUM_", 0) == 0) {
      const std::string genre = line.substr(18, line.find('_', 18) - 18);
      keep = kCcByGenres.count(genre) > 0;
    }
    if (line.empty()) {
      if (keep && !cur.empty()) out->push_back(cur);
      cur.clear();
      continue;
    }
    if (line[0] == '#') continue;
    const size_t t1 = line.find('\t');
    const std::string id = line.substr(0, t1);
    if (id.find_first_of("-.") != std::string::npos) continue;  // multiword ranges, empty nodes
    const size_t t2 = line.find('\t', t1 + 1);
    cur.push_back(line.substr(t1 + 1, t2 - t1 - 1));
  }
  return true;
}

bool AddEcb(const std::string& dir, Sentences* out) {
  std::string text;
  if (!ReadMaybeGz(dir + "/ecbplus-stories/documents.jsonl.gz", &text)) return false;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_discarded() || doc.value("split", "") != "train") continue;
    std::istringstream lines(doc.value("text", ""));
    std::string sentence;
    while (std::getline(lines, sentence)) {
      std::istringstream words(sentence);
      std::vector<std::string> s;
      std::string w;
      while (words >> w) s.push_back(NormalizeToken(w));
      if (!s.empty()) out->push_back(std::move(s));
    }
  }
  return true;
}

bool AddArticleBodies(const std::string& dir, Sentences* out) {
  std::string text;
  if (!ReadMaybeGz(dir + "/article-extraction/ground-truth.json", &text)) return false;
  nlohmann::json truth = nlohmann::json::parse(text, nullptr, false);
  if (truth.is_discarded() || !truth.is_object()) return false;
  for (const auto& [id, doc] : truth.items()) {
    if (!doc.is_object() || !doc.contains("articleBody") || !doc["articleBody"].is_string()) continue;
    std::istringstream paras(doc["articleBody"].get<std::string>());
    std::string para;
    while (std::getline(paras, para)) {
      std::vector<std::string> s;
      TokenizeRaw(para, &s);
      if (!s.empty()) out->push_back(std::move(s));
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data, out = "models/clusters.tsv";
  storyline::ClusterOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--data") {
      data = next();
    } else if (a == "--out") {
      out = next();
    } else if (a == "--depth") {
      options.depth = std::atoi(next().c_str());
    } else if (a == "--one-sided") {
      options.two_sided = false;
    } else if (a == "--min-count") {
      options.min_count = static_cast<uint64_t>(std::atoll(next().c_str()));
    } else {
      std::cerr << kUsage;
      return 1;
    }
  }
  if (data.empty()) {
    std::cerr << kUsage;
    return 1;
  }
  Sentences sentences;
  struct Source {
    const char* name;
    bool (*add)(const std::string&, Sentences*);
  };
  const Source kSources[] = {{"ner-uner-en-ewt train", AddUner},
                             {"ud-en-gum train (CC BY genres)", AddGum},
                             {"ecbplus-stories train", AddEcb},
                             {"article-extraction bodies", AddArticleBodies}};
  for (const Source& s : kSources) {
    const size_t before = sentences.size();
    if (!s.add(data, &sentences)) return Fail(std::string("cannot read ") + s.name + " under " + data);
    size_t tokens = 0;
    for (size_t i = before; i < sentences.size(); ++i) tokens += sentences[i].size();
    std::cerr << s.name << ": " << sentences.size() - before << " sentences, " << tokens << " tokens\n";
  }
  const auto t0 = std::chrono::steady_clock::now();
  const storyline::WordClusters clusters = storyline::TrainWordClusters(sentences, options);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const std::string tsv = storyline::WordClustersTsv(clusters);
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  f.write(tsv.data(), static_cast<std::streamsize>(tsv.size()));
  f.close();
  if (!f) return Fail(out + ": write failed");
  std::cerr << "wrote " << out << ": " << clusters.size() << " words, " << tsv.size() << " bytes, " << secs
            << " s of clustering\n";
  return 0;
}
