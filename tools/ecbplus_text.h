// ecbplus_text.h: the English news articles of ECB+ (../shared/data/
// ecbplus-stories, documents.jsonl.gz, CC BY 3.0) rebuilt as readable text,
// for every tool that reads them (quote_score's ECB+ rows, claims_audit's
// real-news conflicts). One reconstruction, `ecbplus-detok/1`
// (eval/quotes/README.md): the quotation sets' offsets point into it, so a
// change here invalidates eval/quotes/.
//
//   std::map<std::string, ecbplus_text::Doc> docs = ecbplus_text::LoadDocs(dir);
//   docs["2_1ecbplus"].article.text, .story ("2plus"), .split ("dev")
//
// Header-only because only the tools use it (they link zlib through
// storyline_cli).
#ifndef STORYLINE_TOOLS_ECBPLUS_TEXT_H_
#define STORYLINE_TOOLS_ECBPLUS_TEXT_H_

#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "quote_score_lib.h"
#include "storyline/article.h"

namespace ecbplus_text {

// Largest .gz we decompress into memory: the corpora the tools read are
// ~1 MB to ~10 MB unpacked; 256 MiB means a wrong file, not a corpus.
constexpr size_t kMaxUnpackedBytes = size_t{256} << 20;

// Appends the unpacked bytes of the gzip file `path` to `out`; false when
// it cannot be read or is cut short (or passes kMaxUnpackedBytes).
inline bool ReadGzip(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  constexpr size_t kChunk = size_t{1} << 16;  // gzread block; any size works
  std::vector<char> buf(kChunk);
  int n;
  while ((n = gzread(f, buf.data(), static_cast<unsigned>(buf.size()))) > 0) {
    out->append(buf.data(), static_cast<size_t>(n));
    if (out->size() > kMaxUnpackedBytes) break;
  }
  gzclose(f);
  return n == 0;
}

inline std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  return out;
}

// ECB+ tokens keep many straight quotation marks glued to a word ("I,
// said," , "bagman") and split others off: each becomes a PTB quote token
// so that Detokenize() curls it. A mark glued to the start of a token
// opens (``), one glued to its end closes (''); a mark standing alone
// closes when one is open (of any kind: “ and `` open, ” and '' close)
// and opens otherwise. A mark inside a token
// (5'10") stays as it is.
inline void PushToken(std::string tok, bool* open, std::vector<quote_score::Token>* out) {
  // Curly and PTB marks the corpus already has count for the state too.
  auto starts = [&](const char* m) { return tok.rfind(m, 0) == 0; };
  auto ends = [&](const char* m) {
    size_t n = std::strlen(m);
    return tok.size() >= n && tok.compare(tok.size() - n, n, m) == 0;
  };
  if (starts("``") || starts("“")) *open = true;
  if (ends("''") || ends("”")) *open = false;
  size_t lead = 0, trail = 0;
  while (lead < tok.size() && tok[lead] == '"') ++lead;
  if (lead == tok.size()) {  // only marks
    for (size_t i = 0; i < lead; ++i) {
      out->push_back({*open ? "''" : "``", {}});
      *open = !*open;
    }
    return;
  }
  while (trail < tok.size() - lead && tok[tok.size() - 1 - trail] == '"') ++trail;
  for (size_t i = 0; i < lead; ++i) out->push_back({"``", {}});
  if (lead > 0) *open = true;
  out->push_back({tok.substr(lead, tok.size() - lead - trail), {}});
  for (size_t i = 0; i < trail; ++i) out->push_back({"''", {}});
  if (trail > 0) *open = false;
}

// One ECB+ document: its rebuilt article and where the corpus puts it.
struct Doc {
  storyline::Article article;
  std::string story;  // sub-topic, the gold story: "2" (ECB) or "2plus" (ECB+)
  std::string split;  // "train", "dev" or "test" (the corpus's topic split)
};

// Every document of `dir`/documents.jsonl.gz by doc_id ("2_1ecbplus"),
// rebuilt as text `ecbplus-detok/1`: every sentence's tokens (one sentence
// per line, tokens split by spaces) go through Detokenize() as one token
// stream, so the text is one paragraph (the corpus keeps no paragraph
// breaks, and a quotation may run over several sentences); sentence 0 of a
// `*ecbplus` document is left out when it is the source URL (its first
// token starts with "http"). Straight quotation marks are curled
// (PushToken); PTB's `` and '' become curly marks as everywhere. The
// title, dateline and byline lines an ecbplus document keeps stay in the
// text, as the corpus gives them; Article::title is empty, and so are the
// outlet and the date (the corpus keeps neither). Empty, with a message on
// stderr, when the file cannot be read; unreadable lines are skipped.
inline std::map<std::string, Doc> LoadDocs(const std::string& dir) {
  std::map<std::string, Doc> out;
  std::string raw;
  if (!ReadGzip(dir + "/documents.jsonl.gz", &raw)) {
    std::fprintf(stderr, "%s/documents.jsonl.gz: cannot read\n", dir.c_str());
    return out;
  }
  for (const std::string& line : SplitOn(raw, '\n')) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) continue;
    // A field of the wrong type makes the line unreadable, not the run.
    const auto field = [&](const char* key) {
      const auto it = j.find(key);
      return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    std::string id = field("doc_id");
    std::string text = field("text");
    if (id.empty()) continue;
    bool plus = field("subtopic") == "ecbplus";
    std::vector<quote_score::Token> tokens;
    bool open = false;  // a straight " opened and not yet closed
    std::vector<std::string> sentences = SplitOn(text, '\n');
    for (size_t s = 0; s < sentences.size(); ++s) {
      if (s == 0 && plus && sentences[s].rfind("http", 0) == 0) continue;  // the source URL
      for (const std::string& tok : SplitOn(sentences[s], ' ')) {
        if (!tok.empty()) PushToken(tok, &open, &tokens);
      }
    }
    Doc& d = out[id];
    d.article.id = id;
    d.article.source = dir;
    d.article.text = quote_score::Detokenize(tokens);
    d.story = field("story_id");
    d.split = field("split");
  }
  return out;
}

// The articles of LoadDocs() alone, by doc_id.
inline std::map<std::string, storyline::Article> LoadArticles(const std::string& dir) {
  std::map<std::string, storyline::Article> out;
  for (auto& [id, d] : LoadDocs(dir)) out[id] = std::move(d.article);
  return out;
}

}  // namespace ecbplus_text

#endif  // STORYLINE_TOOLS_ECBPLUS_TEXT_H_
