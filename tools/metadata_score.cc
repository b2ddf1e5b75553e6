// metadata_score: scores the page metadata storyline finds (publication date,
// title, authors, outlet) against the team's gold of eval/metadata/pages.jsonl, on
// the real pages of ../shared/data/article-extraction (see
// eval/metadata/README.md for how the gold was made and the split).
//
//   metadata_score [--split dev|test|all] [--errors [--final]] [--json]
//   metadata_score --self-check
//
// Each page is read and cleaned exactly as `storyline extract` does
// (storyline::ReadPath, then storyline::CleanDocument with the same options),
// except that a page whose body is rejected still has its metadata scored
// (CleanOptions::require_text = false).
//
// Figures (n = pages of the split):
//   date accuracy   pages whose published day equals the gold's (both null
//                   counts as right), / n
//   date coverage   pages given a date, / n
//   date wrong      pages given a date that is not the gold's, / n
//   date missing    pages with a gold date given none, / n
//   title exact     titles equal to the gold after normalisation (whitespace
//                   collapsed, typographic quotes, dashes and ellipses folded),
//                   / n; title token F1 is the mean over pages of the F1 of
//                   lower-cased word tokens
//   authors         precision and recall per name (names compared lower-cased,
//                   punctuation dropped), and pages right: pages naming at
//                   least one author in the gold whose predicted set equals it
//   outlet          on the pages whose gold outlet is not null (m): right,
//                   wrong (another name given) and missing (none given), / m;
//                   names compared after NormalizeOutlet (ICU NFKC case fold,
//                   a leading "the " dropped, then only letters and digits
//                   kept: "The Hill" = "hill", "CBS-Sports" = "CBS Sports")
//
// Exit codes: 0 success, 1 bad input or usage or a failed self-check, 2 internal.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "storyline/clean.h"
#include "storyline/ingest.h"
#include "storyline/reporter.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct GoldPage {
  std::string doc_id;
  std::string split;
  std::string url;
  std::string published;  // "" when the page shows none
  std::string title;
  std::vector<std::string> authors;
  std::string outlet;  // "" when the gold is null (the page does not tell)
};

struct Prediction {
  std::string published;
  std::string published_source;
  std::string title;
  std::vector<std::string> authors;
  std::string outlet;
};

struct Totals {
  int pages = 0;
  int date_right = 0;
  int date_given = 0;
  int date_wrong = 0;
  int date_missing = 0;
  int title_exact = 0;
  double title_f1_sum = 0;
  int author_pred = 0;        // predicted names
  int author_gold = 0;        // gold names
  int author_match = 0;       // predicted names in the gold
  int author_pages = 0;       // pages whose gold names someone
  int author_pages_right = 0;
  int outlet_pages = 0;  // pages whose gold outlet is not null
  int outlet_right = 0;
  int outlet_wrong = 0;
  int outlet_missing = 0;
  std::map<std::string, int> sources;  // published_source -> pages
};

fs::path SourceDir() { return fs::path(STORYLINE_SOURCE_DIR); }

std::string DefaultGold() { return (SourceDir() / "eval" / "metadata" / "pages.jsonl").string(); }

std::string DefaultData() {
  return (SourceDir() / ".." / "shared" / "data" / "article-extraction").lexically_normal().string();
}

// Replaces `from` by `to` everywhere in `s`.
void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s->find(from, pos)) != std::string::npos) {
    s->replace(pos, from.size(), to);
    pos += to.size();
  }
}

// Whitespace collapsed; typographic quotes, dashes and ellipses folded to
// ASCII (the gold keeps the headline's typography; og:title and <title>
// often write the same headline with straight quotes).
std::string NormalizeTitle(std::string s) {
  static const std::pair<std::string_view, std::string_view> kFolds[] = {
      {"\u2018", "'"}, {"\u2019", "'"}, {"\u201C", "\""}, {"\u201D", "\""}, {"\u2013", "-"},
      {"\u2014", "-"}, {"\u2026", "..."}, {"\u00A0", " "}, {"\u00AB", "\""}, {"\u00BB", "\""},
  };
  for (const auto& [from, to] : kFolds) ReplaceAll(&s, from, to);
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Lower-cased ASCII letters and digits, other bytes (UTF-8 letters) kept;
// ASCII punctuation and spaces separate tokens.
std::vector<std::string> Tokens(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : NormalizeTitle(s)) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80 && !std::isalnum(c)) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
      continue;
    }
    cur += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

double TokenF1(const std::string& pred, const std::string& gold) {
  std::vector<std::string> p = Tokens(pred), g = Tokens(gold);
  if (p.empty() && g.empty()) return 1.0;
  if (p.empty() || g.empty()) return 0.0;
  std::multiset<std::string> gs(g.begin(), g.end());
  int common = 0;
  for (const std::string& t : p) {
    auto it = gs.find(t);
    if (it != gs.end()) {
      ++common;
      gs.erase(it);
    }
  }
  if (common == 0) return 0.0;
  const double precision = static_cast<double>(common) / p.size();
  const double recall = static_cast<double>(common) / g.size();
  return 2 * precision * recall / (precision + recall);
}

std::string NameKey(const std::string& name) {
  std::string key;
  for (const std::string& t : Tokens(name)) key += (key.empty() ? "" : " ") + t;
  return key;
}

// The outlet's name as compared: ICU NFKC_Casefold (full-width forms, case),
// a leading "the" word dropped, then only letters and digits kept (spaces,
// punctuation and symbols dropped: "TechCrunch" = "Tech Crunch",
// "City A.M." = "CityAM"). "" stays "".
std::string NormalizeOutlet(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(name);
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString n = nfkc_cf->normalize(u, status);
    if (U_SUCCESS(status)) u = n;
  }
  if (!U_SUCCESS(status)) u.foldCase();
  icu::UnicodeString t = u;
  t.trim();
  if (t.startsWith(icu::UnicodeString("the")) && t.length() > 3 && u_isUWhiteSpace(t.char32At(3))) {
    t.remove(0, 3);
  }
  icu::UnicodeString kept;
  for (int32_t i = 0; i < t.length();) {
    const UChar32 c = t.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c)) kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

// Returns the lines describing what went wrong on the page (empty if nothing).
std::vector<std::string> ScorePage(const GoldPage& g, const Prediction& p, Totals* t) {
  std::vector<std::string> errors;
  ++t->pages;
  const std::string day = p.published.size() >= 10 ? p.published.substr(0, 10) : p.published;
  if (!p.published.empty()) {
    ++t->date_given;
    ++t->sources[p.published_source.empty() ? "?" : p.published_source];
  }
  if (day == g.published) {
    ++t->date_right;
  } else if (p.published.empty()) {
    ++t->date_missing;
    errors.push_back("date missing: gold " + g.published);
  } else {
    ++t->date_wrong;
    errors.push_back("date wrong: " + p.published + " (" + p.published_source + "), gold " +
                     (g.published.empty() ? "null" : g.published));
  }
  if (NormalizeTitle(p.title) == NormalizeTitle(g.title)) {
    ++t->title_exact;
  } else {
    errors.push_back("title: \"" + p.title + "\", gold \"" + g.title + "\"");
  }
  t->title_f1_sum += TokenF1(p.title, g.title);

  std::set<std::string> gold_names, pred_names;
  for (const std::string& a : g.authors) gold_names.insert(NameKey(a));
  for (const std::string& a : p.authors) {
    if (!NameKey(a).empty()) pred_names.insert(NameKey(a));
  }
  t->author_gold += static_cast<int>(gold_names.size());
  t->author_pred += static_cast<int>(pred_names.size());
  for (const std::string& n : pred_names) t->author_match += gold_names.count(n) ? 1 : 0;
  if (!gold_names.empty()) {
    ++t->author_pages;
    if (pred_names == gold_names) ++t->author_pages_right;
  }
  if (pred_names != gold_names) {
    std::string pred, gold;
    for (const std::string& a : p.authors) pred += (pred.empty() ? "" : "; ") + a;
    for (const std::string& a : g.authors) gold += (gold.empty() ? "" : "; ") + a;
    errors.push_back("authors: [" + pred + "], gold [" + gold + "]");
  }

  if (!g.outlet.empty()) {  // pages whose gold is null are not scored
    ++t->outlet_pages;
    if (p.outlet.empty()) {
      ++t->outlet_missing;
      errors.push_back("outlet missing: gold \"" + g.outlet + "\"");
    } else if (NormalizeOutlet(p.outlet) == NormalizeOutlet(g.outlet)) {
      ++t->outlet_right;
    } else {
      ++t->outlet_wrong;
      errors.push_back("outlet wrong: \"" + p.outlet + "\", gold \"" + g.outlet + "\"");
    }
  }
  return errors;
}

double Ratio(int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

json TotalsJson(const Totals& t) {
  const double ap = Ratio(t.author_match, t.author_pred), ar = Ratio(t.author_match, t.author_gold);
  return json{{"pages", t.pages},
              {"date_accuracy", Ratio(t.date_right, t.pages)},
              {"date_coverage", Ratio(t.date_given, t.pages)},
              {"date_wrong", Ratio(t.date_wrong, t.pages)},
              {"date_missing", Ratio(t.date_missing, t.pages)},
              {"title_exact", Ratio(t.title_exact, t.pages)},
              {"title_token_f1", t.pages == 0 ? 0.0 : t.title_f1_sum / t.pages},
              {"author_precision", ap},
              {"author_recall", ar},
              {"author_f1", ap + ar == 0 ? 0.0 : 2 * ap * ar / (ap + ar)},
              {"author_pages", t.author_pages},
              {"author_pages_right", Ratio(t.author_pages_right, t.author_pages)},
              {"outlet_pages", t.outlet_pages},
              {"outlet_right", Ratio(t.outlet_right, t.outlet_pages)},
              {"outlet_wrong", Ratio(t.outlet_wrong, t.outlet_pages)},
              {"outlet_missing", Ratio(t.outlet_missing, t.outlet_pages)},
              {"published_sources", t.sources}};
}

void PrintTotals(const std::string& split, const Totals& t) {
  const json j = TotalsJson(t);
  std::printf("metadata (%s, %d pages)\n", split.c_str(), t.pages);
  std::printf("  date   right day %.3f  coverage %.3f  wrong %.3f  missing %.3f\n",
              j["date_accuracy"].get<double>(), j["date_coverage"].get<double>(),
              j["date_wrong"].get<double>(), j["date_missing"].get<double>());
  std::printf("  title  exact %.3f  token F1 %.3f\n", j["title_exact"].get<double>(),
              j["title_token_f1"].get<double>());
  std::printf("  author P %.3f  R %.3f  F1 %.3f  pages right %.3f (of %d naming one)\n",
              j["author_precision"].get<double>(), j["author_recall"].get<double>(),
              j["author_f1"].get<double>(), j["author_pages_right"].get<double>(), t.author_pages);
  std::printf("  outlet right %.3f  wrong %.3f  missing %.3f (of %d with a gold outlet)\n",
              j["outlet_right"].get<double>(), j["outlet_wrong"].get<double>(),
              j["outlet_missing"].get<double>(), t.outlet_pages);
  std::string sources;
  for (const auto& [k, v] : t.sources) sources += " " + k + " " + std::to_string(v);
  std::printf("  date sources:%s\n", sources.c_str());
}

storyline::Result<std::vector<GoldPage>> ReadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return storyline::Status::NotFound(path + ": cannot open");
  std::vector<GoldPage> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    const json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      return storyline::Status::InvalidInput(path + ":" + std::to_string(n) + ": not a JSON object");
    }
    GoldPage g;
    g.doc_id = j.value("doc_id", "");
    g.split = j.value("split", "");
    g.url = j.value("url", "");
    if (j.contains("published") && j["published"].is_string()) g.published = j["published"];
    g.title = j.value("title", "");
    if (j.contains("authors") && j["authors"].is_array()) {
      for (const json& a : j["authors"]) {
        if (a.is_string()) g.authors.push_back(a);
      }
    }
    if (j.contains("outlet") && j["outlet"].is_string()) g.outlet = j["outlet"];
    if (g.doc_id.empty() || (g.split != "dev" && g.split != "test")) {
      return storyline::Status::InvalidInput(path + ":" + std::to_string(n) + ": no doc_id or split");
    }
    out.push_back(std::move(g));
  }
  return out;
}

// Reads and cleans one page as `storyline extract` does.
storyline::Result<Prediction> Predict(const std::string& data, const GoldPage& g) {
  const std::string file = (fs::path(data) / "html" / (g.doc_id + ".html.gz")).string();
  storyline::CountingReporter reporter(&std::cerr, "metadata_score: ");
  storyline::CleanOptions options;
  options.require_text = false;
  Prediction p;
  bool seen = false;
  storyline::Status s = storyline::ReadPath(file, {}, reporter, [&](storyline::Document&& d) {
    storyline::Result<storyline::Article> a = storyline::CleanDocument(d, options);
    if (!a.ok()) return a.status();
    p.published = a->published;
    p.published_source = a->published_source;
    p.title = a->title;
    p.authors = a->authors;
    p.outlet = a->outlet;
    seen = true;
    return storyline::Status::Ok();
  });
  if (!s.ok()) return s;
  if (!seen) return storyline::Status::InvalidInput(file + ": no page read");
  return p;
}

// The measure checks itself: the gold scored as its own system is perfect,
// and each kind of damage lowers exactly the figure it should.
bool SelfCheck(const std::vector<GoldPage>& gold) {
  Totals perfect, damaged;
  for (const GoldPage& g : gold) {
    Prediction p{g.published, "json-ld", g.title, g.authors, g.outlet};
    ScorePage(g, p, &perfect);
    Prediction bad = p;
    bad.published = g.published.empty() ? "2001-01-01" : "";  // missing (or wrong on null pages)
    bad.title = g.title + " - Example News";
    bad.authors.push_back("Associated Press");
    bad.outlet = g.outlet + " Weekly";
    ScorePage(g, bad, &damaged);
  }
  const json a = TotalsJson(perfect), b = TotalsJson(damaged);
  bool ok = a["date_accuracy"] == 1.0 && a["title_exact"] == 1.0 && a["author_precision"] == 1.0 &&
            a["author_recall"] == 1.0 && a["author_pages_right"] == 1.0 &&
            (perfect.outlet_pages == 0 || a["outlet_right"] == 1.0);
  ok = ok && b["date_accuracy"] == 0.0 && b["title_exact"] == 0.0 && b["title_token_f1"] < 1.0 &&
       b["author_precision"] < 1.0 && b["author_recall"] == 1.0 &&
       (damaged.outlet_pages == 0 || (b["outlet_right"] == 0.0 && b["outlet_wrong"] == 1.0));
  const bool norm = NormalizeTitle("\u2018We had\u2019  some \u2014 issues\u2026") == "'We had' some - issues..." &&
                    NameKey("LISA  MASCARO") == NameKey("Lisa Mascaro") &&
                    TokenF1("a b c", "a b d") > 0.66 && TokenF1("a b c", "a b d") < 0.67 &&
                    NormalizeOutlet("The New York Times") == NormalizeOutlet("new york  times") &&
                    NormalizeOutlet("City A.M.") == NormalizeOutlet("CityAM") &&
                    NormalizeOutlet("\uFF29\uFF27\uFF2E") == NormalizeOutlet("IGN") &&
                    NormalizeOutlet("Mensagens de Reflex\u00E3o") ==
                        NormalizeOutlet("MENSAGENS DE REFLEXA\u0303O") &&
                    NormalizeOutlet("Theranos") == "theranos" &&
                    NormalizeOutlet("The Sun") != NormalizeOutlet("Sun Times") &&
                    NormalizeOutlet("Los Angeles Times") != NormalizeOutlet("Los Angeles") &&
                    NormalizeOutlet("Express.co.uk") != NormalizeOutlet("Express");
  std::printf("gold as system perfect, damage lowers each figure: %s\n", ok ? "yes" : "NO");
  std::printf("normalisation cases: %s\n", norm ? "yes" : "NO");
  ok = ok && norm;
  std::printf(ok ? "self-check passed\n" : "self-check FAILED\n");
  return ok;
}

int Run(int argc, char** argv) {
  CLI::App app{
      "Scores page metadata (date, title, authors, outlet) against eval/metadata/pages.jsonl"};
  std::string gold_path = DefaultGold(), data = DefaultData(), split = "dev";
  bool errors = false, final_run = false, as_json = false, self_check = false;
  app.add_option("--gold", gold_path, "gold pages.jsonl");
  app.add_option("--data", data, "article-extraction folder (html/*.html.gz)");
  app.add_option("--split", split, "dev, test or all")->check(CLI::IsMember({"dev", "test", "all"}));
  app.add_flag("--errors", errors, "list each page's errors");
  app.add_flag("--final", final_run, "allow --errors on the test split (once, at the end)");
  app.add_flag("--json", as_json, "print the figures as JSON");
  app.add_flag("--self-check", self_check, "check the measure on the gold itself");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  }
  storyline::Result<std::vector<GoldPage>> gold = ReadGold(gold_path);
  if (!gold.ok()) {
    std::fprintf(stderr, "metadata_score: %s\n", gold.status().message().c_str());
    return 1;
  }
  if (self_check) return SelfCheck(*gold) ? 0 : 1;
  const bool hide_errors = errors && split != "dev" && !final_run;
  if (hide_errors) {
    std::fprintf(stderr, "metadata_score: errors of the %s split are not listed without --final\n",
                 split.c_str());
  }
  Totals totals;
  int failed = 0;
  for (const GoldPage& g : *gold) {
    if (split != "all" && g.split != split) continue;
    storyline::Result<Prediction> p = Predict(data, g);
    if (!p.ok()) {
      std::fprintf(stderr, "metadata_score: %s\n", p.status().message().c_str());
      ++failed;
      continue;
    }
    std::vector<std::string> e = ScorePage(g, *p, &totals);
    if (errors && !hide_errors && !e.empty()) {
      std::printf("%s %s\n", g.doc_id.substr(0, 12).c_str(), g.url.c_str());
      for (const std::string& line : e) std::printf("  %s\n", line.c_str());
    }
  }
  if (failed > 0) {
    std::fprintf(stderr, "metadata_score: %d pages could not be read\n", failed);
    return 1;
  }
  if (as_json) {
    std::printf("%s\n", json{{"split", split}, {"total", TotalsJson(totals)}}.dump(2).c_str());
  } else {
    PrintTotals(split, totals);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "metadata_score: internal error: %s\n", e.what());
    return 2;
  }
}
