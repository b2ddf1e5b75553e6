// sentence_score: scores storyline::SplitSentences on public sentence-boundary
// data, as each dataset's README describes.
//
//   sentence_score                       # test splits (the reported figures)
//   sentence_score --split dev           # development splits (tune here only)
//   sentence_score --split dev --gum-file ../shared/data/ud-en-gum/en_gum-news-only-train.conllu
//   sentence_score --split dev --ewt-file ../shared/data/ud-en-ewt/en_ewt-ud-train.conllu.gz
//   sentence_score --data DIR --errors 20   # also print missed and spurious ends
//
// Every table has a same-run baseline: ICU's English sentence break iterator
// alone (what storyline used before this splitter).
//
// UD treebanks (ud-en-ewt, the Wikinews files of ud-en-gum): the running text
// of a document is rebuilt from `# text` lines, sentences of one paragraph
// (`# newpar`) joined by one space. Each document is split on its own. Two
// layouts are scored: paragraphs separated by a blank line (how cleaned news
// reaches the splitter) and the whole document on one line (every boundary
// must be found from punctuation alone). Joining with a space follows the
// README even for the few sentences whose last token has SpaceAfter=No (17
// in EWT dev, 12 in test), where the original text had no space. A
// predicted sentence counts when its code-point span equals a gold sentence's span (CoNLL 2018 "Sentences" F1,
// which compares spans over non-space characters: both sides are trimmed, so
// equal spans are the same test). Boundary P/R/F1 compares sentence ends,
// leaving out each document's last, which every splitter gets for free.
//
// Golden rules: a rule passes when the predicted sentences, with white-space
// runs collapsed and trimmed, equal the expected list (README of
// sentence-golden-rules); rule 40 runs with doc_type "pdf", i.e. single line
// breaks are not boundaries.
//
// Exit codes: 0 success, 1 bad input or usage.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <set>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

#include "storyline/annotation.h"
#include "ingest/gzip.h"
#include "text/sentences.h"

namespace {

using Splitter = std::function<std::vector<storyline::Span>(const std::string&)>;

// Baseline in the same run: ICU's English sentence break iterator alone,
// spans trimmed of white space, offsets converted to code points.
std::vector<storyline::Span> IcuSentences(const std::string& text) {
  std::vector<storyline::Span> out;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) return out;
  it->setText(u);
  auto space = [&](int32_t i) { return u_isUWhiteSpace(u.char32At(i)) != 0; };
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    int32_t s = start, e = end;
    while (s < e && space(s)) s = u.moveIndex32(s, 1);
    while (e > s && space(u.moveIndex32(e, -1))) e = u.moveIndex32(e, -1);
    if (s < e) out.push_back({static_cast<size_t>(u.countChar32(0, s)), static_cast<size_t>(u.countChar32(0, e))});
  }
  return out;
}

std::vector<storyline::Span> Ours(const std::string& text) { return storyline::SplitSentences(text); }

struct Doc {
  std::string id;
  std::vector<std::vector<std::string>> paragraphs;  // sentences' `# text`
};

// The rebuilt EWT and GUM train files are gzipped; the scorer reads them in
// place rather than asking for an unpacked copy.
bool ReadConllu(const std::string& path, std::vector<Doc>* docs) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "%s: cannot open\n", path.c_str());
    return false;
  }
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (storyline::ingest::IsGzip(bytes)) {
    // 1 GiB: ten times the largest treebank we score, a guard against a bad file.
    constexpr size_t kMaxUnpacked = size_t{1} << 30;
    const storyline::ingest::GunzipOutput out = storyline::ingest::Gunzip(bytes, kMaxUnpacked);
    if (!out.status.ok()) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), out.status.message().c_str());
      return false;
    }
    bytes.assign(out.view());
  }
  std::istringstream in(bytes);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("# newdoc", 0) == 0) {
      const size_t eq = line.find('=');
      docs->push_back({eq == std::string::npos ? "" : line.substr(eq + 2), {}});
    } else if (line.rfind("# newpar", 0) == 0 && line.rfind("# newpar_", 0) != 0) {
      if (docs->empty()) docs->push_back({});
      docs->back().paragraphs.emplace_back();
    } else if (line.rfind("# text = ", 0) == 0) {
      if (docs->empty()) docs->push_back({});
      if (docs->back().paragraphs.empty()) docs->back().paragraphs.emplace_back();
      docs->back().paragraphs.back().push_back(line.substr(9));
    }
  }
  return true;
}

struct Counts {
  size_t gold = 0, pred = 0, match = 0;              // sentence spans
  size_t gold_b = 0, pred_b = 0, match_b = 0;        // sentence ends
  size_t bytes = 0;
  void Print(const char* label) const {
    auto f = [](size_t m, size_t p, size_t g, double* pr, double* rc) {
      *pr = p ? double(m) / double(p) : 0;
      *rc = g ? double(m) / double(g) : 0;
      return *pr + *rc > 0 ? 2 * *pr * *rc / (*pr + *rc) : 0;
    };
    double p = 0, r = 0, pb = 0, rb = 0;
    const double f1 = f(match, pred, gold, &p, &r);
    const double fb = f(match_b, pred_b, gold_b, &pb, &rb);
    std::printf("  %-34s sentences P %.4f R %.4f F1 %.4f (%zu gold)   boundaries P %.4f R %.4f F1 %.4f\n", label, p,
                r, f1, gold, pb, rb, fb);
  }
};

// Byte offset of every code point of `s`, plus the end.
std::vector<size_t> CodePointBytes(const std::string& s) {
  std::vector<size_t> at;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) at.push_back(i);
  }
  at.push_back(s.size());
  return at;
}

// One-line context for error listings: line breaks shown as the pilcrow.
std::string OneLine(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\n') {
      out += "\u00b6";
    } else {
      out += ch;
    }
  }
  return out;
}

void ScoreDoc(const Doc& doc, const std::string& paragraph_sep, const Splitter& split, Counts* c,
              int* errors_left) {
  std::string text;
  std::vector<storyline::Span> gold;
  size_t cp = 0;
  for (const auto& para : doc.paragraphs) {
    if (para.empty()) continue;
    if (!text.empty()) {
      text += paragraph_sep;
      cp += storyline::CodePointLength(paragraph_sep);
    }
    for (size_t i = 0; i < para.size(); ++i) {
      if (i > 0) {
        text += ' ';
        ++cp;
      }
      const size_t n = storyline::CodePointLength(para[i]);
      gold.push_back({cp, cp + n});
      text += para[i];
      cp += n;
    }
  }
  const std::vector<storyline::Span> pred = split(text);
  c->bytes += text.size();
  std::set<std::pair<size_t, size_t>> g;
  std::set<size_t> gend;
  for (const auto& s : gold) g.insert({s.start, s.end});
  for (size_t i = 0; i + 1 < gold.size(); ++i) gend.insert(gold[i].end);
  c->gold += gold.size();
  c->pred += pred.size();
  c->gold_b += gend.size();
  for (size_t i = 0; i < pred.size(); ++i) {
    c->match += g.count({pred[i].start, pred[i].end});
    if (i + 1 < pred.size()) {
      ++c->pred_b;
      c->match_b += gend.count(pred[i].end);
    }
  }
  if (*errors_left <= 0) return;
  const std::vector<size_t> at = CodePointBytes(text);
  for (size_t i = 0; i + 1 < pred.size(); ++i) {
    if (!gend.count(pred[i].end)) {
      const size_t a = pred[i].end >= 60 ? pred[i].end - 60 : 0;
      const size_t b = std::min(pred[i].end + 40, at.size() - 1);
      std::printf("    extra %s: %s | %s\n", doc.id.c_str(),
                  OneLine(text.substr(at[a], at[pred[i].end] - at[a])).c_str(),
                  OneLine(text.substr(at[pred[i].end], at[b] - at[pred[i].end])).c_str());
    }
  }
  // Missed sentence ends, in the same form as the spurious ones above.
  std::set<size_t> pend;
  for (size_t i = 0; i + 1 < pred.size(); ++i) pend.insert(pred[i].end);
  for (size_t e : gend) {
    if (pend.count(e)) continue;
    const size_t a = e >= 60 ? e - 60 : 0;
    const size_t b = std::min(e + 40, at.size() - 1);
    std::printf("    missed %s: %s | %s\n", doc.id.c_str(), OneLine(text.substr(at[a], at[e] - at[a])).c_str(),
                OneLine(text.substr(at[e], at[b] - at[e])).c_str());
  }
  // Developer view: print gold sentences whose span was not predicted, and
  // the predicted sentence that starts or ends inside each.
  std::set<std::pair<size_t, size_t>> p;
  for (const auto& s : pred) p.insert({s.start, s.end});
  size_t gi = 0;
  for (const auto& para : doc.paragraphs) {
    for (const auto& s : para) {
      if (*errors_left > 0 && !p.count({gold[gi].start, gold[gi].end})) {
        std::printf("    miss %s: %s\n", doc.id.c_str(), s.c_str());
        for (const auto& ps : pred) {
          if (ps.end > gold[gi].start && ps.start < gold[gi].end && (ps.start != gold[gi].start || ps.end != gold[gi].end)) {
            std::printf("         got: %s\n", text.substr(at[ps.start], at[ps.end] - at[ps.start]).c_str());
          }
        }
        --*errors_left;
      }
      ++gi;
    }
  }
}

bool ScoreTreebank(const std::string& label, const std::vector<std::string>& files, int errors,
                   std::string* all_text) {
  std::vector<Doc> docs;
  for (const auto& f : files) {
    if (!ReadConllu(f, &docs)) return false;
  }
  std::printf("%s (%zu documents)\n", label.c_str(), docs.size());
  Counts with_pars, one_line, icu_pars, icu_line;
  int errs = errors;
  int none = 0;
  for (const Doc& d : docs) {
    ScoreDoc(d, "\n\n", Ours, &with_pars, &errs);
    ScoreDoc(d, " ", Ours, &one_line, &none);
    ScoreDoc(d, "\n\n", IcuSentences, &icu_pars, &none);
    ScoreDoc(d, " ", IcuSentences, &icu_line, &none);
  }
  with_pars.Print("paragraphs as blank lines:");
  one_line.Print("document on one line:");
  icu_pars.Print("ICU baseline, blank lines:");
  icu_line.Print("ICU baseline, one line:");
  for (const Doc& d : docs) {
    for (const auto& para : d.paragraphs) {
      for (const auto& s : para) *all_text += s + (&s == &para.back() ? "\n\n" : " ");
    }
  }
  return true;
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

bool ScoreGolden(const std::string& path, bool verbose, size_t* icu_passed) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "%s: cannot open\n", path.c_str());
    return false;
  }
  std::string line;
  size_t rules = 0, passed = 0, lineno = 0;
  std::vector<int> failed;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty()) continue;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("input") || !j.contains("expected")) {
      std::fprintf(stderr, "%s:%zu: not a golden-rule record\n", path.c_str(), lineno);
      return false;
    }
    const std::string input = j["input"].get<std::string>();
    storyline::SentenceOptions options;
    options.single_newline_is_boundary = j.value("doc_type", "") != "pdf";
    const std::vector<size_t> at = CodePointBytes(input);
    std::vector<std::string> got;
    for (const auto& s : storyline::SplitSentences(input, options)) {
      got.push_back(Collapse(std::string_view(input).substr(at[s.start], at[s.end] - at[s.start])));
    }
    std::vector<std::string> want;
    for (const auto& e : j["expected"]) want.push_back(Collapse(e.get<std::string>()));
    ++rules;
    std::vector<std::string> icu;
    for (const auto& s : IcuSentences(input)) {
      icu.push_back(Collapse(std::string_view(input).substr(at[s.start], at[s.end] - at[s.start])));
    }
    *icu_passed += icu == want;
    if (got == want) {
      ++passed;
      continue;
    }
    failed.push_back(j.value("id", 0));
    if (!verbose) continue;
    std::printf("    rule %d:", j.value("id", 0));
    for (const auto& g : got) std::printf(" [%s]", g.c_str());
    std::printf("\n");
  }
  std::printf("sentence-golden-rules: %zu/%zu rules = %.2f %%  (failed:", passed, rules,
              rules ? 100.0 * double(passed) / double(rules) : 0.0);
  for (int id : failed) std::printf(" %d", id);
  std::printf(")\n  ICU baseline (same run): %zu/%zu = %.2f %%\n", *icu_passed, rules,
              rules ? 100.0 * double(*icu_passed) / double(rules) : 0.0);
  std::printf("  published: Pragmatic Segmenter 98.08 %%, OpenNLP 59.62 %%, Stanford CoreNLP 59.62 %%, "
              "NLTK Punkt 46.15 %%\n");
  return true;
}

void MeasureSpeed(const std::string& text) {
  if (text.empty()) return;
  // Enough passes for about 100 MB, so the timing is not noise.
  constexpr size_t kTargetBytes = 100u << 20;
  const size_t passes = std::max<size_t>(1, kTargetBytes / text.size());
  size_t spans = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (size_t i = 0; i < passes; ++i) spans += storyline::SplitSentences(text).size();
  const auto t1 = std::chrono::steady_clock::now();
  size_t tokens = 0;
  for (size_t i = 0; i < passes; ++i) tokens += storyline::Tokenize(text).size();
  const auto t2 = std::chrono::steady_clock::now();
  const double mb = double(text.size()) * double(passes) / 1e6;
  const double s1 = std::chrono::duration<double>(t1 - t0).count();
  const double s2 = std::chrono::duration<double>(t2 - t1).count();
  std::printf("speed (one core, %.1f MB of treebank text): SplitSentences %.1f MB/s, Tokenize %.1f MB/s "
              "(%zu sentences, %zu tokens per pass)\n",
              mb, mb / s1, mb / s2, spans / passes, tokens / passes);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Scores the sentence splitter on UD EWT, UD GUM news and the golden rules."};
  std::string data = "../shared/data";
  std::string split = "test";
  int errors = 0;
  bool verbose = false;
  bool speed = true;
  app.add_option("--data", data, "folder holding ud-en-ewt/, ud-en-gum/, sentence-golden-rules/");
  app.add_option("--split", split, "test (report) or dev (development)")->check(CLI::IsMember({"test", "dev"}));
  app.add_option("--errors", errors, "print up to N missed gold sentences per treebank");
  std::string ewt_file;
  app.add_option("--ewt-file", ewt_file,
                 "score this EWT file instead of the split (e.g. the gzipped train, for development)");
  std::string gum_file;
  app.add_option("--gum-file", gum_file, "score this GUM file instead of the news split (e.g. news train, for development)");
  app.add_flag("--verbose", verbose, "print the output for failed golden rules");
  app.add_flag("!--no-speed", speed, "skip the speed measurement");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  }
  std::string all_text;
  if (ewt_file.empty()) ewt_file = data + "/ud-en-ewt/en_ewt-ud-" + split + ".conllu";
  if (!ScoreTreebank("ud-en-ewt " + ewt_file, {ewt_file}, errors,
                     &all_text)) {
    return 1;
  }
  std::printf("  published (EWT): spaCy en_udv25_englishewt_trf Sentences F1 90.6 (split not stated); "
              "CoNLL 2018 systems roughly high 70s to high 80s (unverified)\n");
  if (gum_file.empty()) gum_file = data + "/ud-en-gum/en_gum-news-only-" + split + ".conllu";
  if (!ScoreTreebank("ud-en-gum " + gum_file, {gum_file}, errors, &all_text)) {
    return 1;
  }
  std::printf("  published (GUM): no sentence-splitting F1 published\n");
  size_t icu_passed = 0;
  if (!ScoreGolden(data + "/sentence-golden-rules/golden_rules_en.jsonl", verbose, &icu_passed)) return 1;
  if (speed) MeasureSpeed(all_text);
  return 0;
}
