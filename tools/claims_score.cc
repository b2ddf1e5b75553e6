// claims_score: scores the brief's claims (conflicts, agreements, single
// facts, the subject each value is given) and timeline years against the
// team's exhaustive story gold in eval/claims/ (format and definitions in
// eval/claims/README.md; the measure itself in claims_score_lib.h).
//
//   build/tools/claims_score [--gold eval/claims] [--root .] [--split dev|test|all]
//       [--story SLUG] [--errors [--final]] [--json]
//   build/tools/claims_score --self-check     # gold scored as its own system
//
// Each story's files go through the pipeline as `storyline brief FILE...`
// does (read, clean, annotate, BuildBrief); the claims and timeline of every
// story the brief makes from them are scored together. The test split's
// errors are shown only with --final: its stories are read once, at the end
// of a piece of work.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "claims_score_lib.h"
#include "storyline/annotation.h"
#include "storyline/brief.h"
#include "storyline/clean.h"
#include "storyline/ingest.h"
#include "storyline/reporter.h"

namespace {

namespace fs = std::filesystem;
using claims_score::Counts;
using claims_score::Fold;
using claims_score::Gold;

struct Options {
  std::string gold_dir = "eval/claims";
  std::string root = ".";
  std::string split = "dev";
  std::string story;
  bool errors = false;
  bool final_run = false;
  bool json = false;
  bool self_check = false;
};

std::vector<std::string> Strings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array()) {
    for (const auto& x : j[key]) out.push_back(x.get<std::string>());
  }
  return out;
}

std::string Str(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

// Parses one gold file; throws nlohmann::json errors on malformed input
// (caught by the caller, which names the file).
Gold ParseGold(const nlohmann::json& j) {
  Gold g;
  g.story = Str(j, "story");
  g.split = Str(j, "split");
  g.event = Str(j, "event");
  for (const auto& [key, s] : j.at("subjects").items()) {
    std::vector<std::string> names = {Fold(Str(s, "name"))};
    for (const std::string& a : Strings(s, "aliases")) names.push_back(Fold(a));
    g.subjects[key] = names;
    g.subject_names[key] = Str(s, "name");
  }
  for (const auto& f : j.at("facts")) {
    claims_score::GoldFact fact;
    fact.id = Str(f, "id");
    fact.subject = Str(f, "subject");
    fact.attribute = Str(f, "attribute");
    fact.status = Str(f, "status");
    for (const auto& v : f.at("values")) {
      claims_score::GoldValue gv;
      gv.value = v.at("value").is_string() ? v["value"].get<std::string>() : v["value"].dump();
      gv.parsed = claims_score::ParseValue(gv.value);
      gv.articles = Strings(v, "articles");
      gv.evidence = Strings(v, "evidence");
      gv.approx = (v.contains("approx") && v["approx"].is_boolean() && v["approx"].get<bool>()) ||
                  v.contains("range");
      fact.values.push_back(std::move(gv));
    }
    g.facts.push_back(std::move(fact));
  }
  if (j.contains("traps")) {
    for (const auto& t : j["traps"]) {
      claims_score::GoldTrap trap;
      trap.id = Str(t, "id");
      trap.article = Str(t, "article");
      trap.value = t.at("value").is_string() ? t["value"].get<std::string>() : t["value"].dump();
      trap.parsed = claims_score::ParseValue(trap.value);
      trap.evidence = Str(t, "evidence");
      trap.kind = Str(t, "kind");
      trap.forbid = Str(t, "forbid").empty() ? "claim" : Str(t, "forbid");
      trap.subject = Str(t, "subject");
      g.traps.push_back(std::move(trap));
    }
  }
  if (j.contains("dates")) {
    for (const auto& d : j["dates"]) {
      g.dates.push_back({Str(d, "article"), Str(d, "evidence"), Str(d, "value")});
    }
  }
  return g;
}

// The cleaned articles of a story's files (JSONL files keep only `records`
// when the gold names some).
std::vector<storyline::Article> LoadArticles(const Options& opt, const nlohmann::json& j,
                                             std::ostream& err) {
  const std::vector<std::string> records = Strings(j, "records");
  storyline::CountingReporter reporter(&err);
  std::vector<storyline::Article> out;
  for (const std::string& file : Strings(j, "files")) {
    const std::string path = (fs::path(opt.root) / file).string();
    const bool jsonl = file.ends_with(".jsonl") || file.ends_with(".jsonl.gz");
    const storyline::Status s = storyline::ReadPath(path, {}, reporter, [&](storyline::Document&& doc) {
      if (jsonl && !records.empty() &&
          std::find(records.begin(), records.end(), doc.id) == records.end()) {
        return storyline::Status::Ok();
      }
      storyline::Result<storyline::Article> a = storyline::CleanDocument(doc, {});
      if (a.ok()) out.push_back(std::move(a).value());
      return storyline::Status::Ok();
    });
    if (!s.ok()) err << s.message() << "\n";
  }
  return out;
}

// Every claim and timeline entry of every story in `brief`, with the names
// each claim's subject goes by.
void SystemSide(const storyline::Brief& brief, std::vector<claims_score::SystemClaim>* claims,
                std::vector<claims_score::SystemDate>* timeline) {
  for (const storyline::Story& story : brief.stories) {
    for (const storyline::Claim& c : story.claims) {
      claims_score::SystemClaim sc;
      sc.subject_name = c.subject_name;
      sc.attribute = c.attribute;
      sc.status = c.status;
      sc.story_event = c.subject.empty() && c.subject_name.empty();
      sc.thing = c.subject.empty() && !c.subject_name.empty();
      sc.names.push_back(Fold(c.subject_name));
      for (const storyline::BriefEntity& e : story.entities) {
        if (e.id != c.subject || c.subject.empty()) continue;
        sc.names.push_back(Fold(e.name));
        for (const std::string& a : e.aliases) sc.names.push_back(Fold(a));
      }
      for (const storyline::ClaimValue& v : c.values) {
        sc.values.push_back({v.value, claims_score::ParseValue(v.value), v.articles, v.evidence});
      }
      claims->push_back(std::move(sc));
    }
    for (const storyline::TimelineEntry& t : story.timeline) {
      std::vector<std::string> dates = {t.date};
      for (const std::string& d : t.dates) {
        if (d != t.date) dates.push_back(d);
      }
      timeline->push_back({dates, t.evidence, t.articles});
    }
  }
}

// The gold as a system would give it if it were perfect.
void GoldAsSystem(const Gold& g, bool swap_subjects, std::vector<claims_score::SystemClaim>* claims,
                  std::vector<claims_score::SystemDate>* timeline) {
  std::vector<std::string> keys;
  for (const auto& [k, names] : g.subjects) keys.push_back(k);
  for (const claims_score::GoldFact& f : g.facts) {
    std::string subject = f.subject;
    if (swap_subjects && keys.size() > 1) {
      auto it = std::find(keys.begin(), keys.end(), f.subject);
      subject = it == keys.end() ? keys.front() : keys[(it - keys.begin() + 1) % keys.size()];
    }
    const auto make = [&](const std::string& status) {
      claims_score::SystemClaim c;
      c.subject_name = g.subject_names.at(subject);
      c.attribute = f.attribute;
      c.status = status;
      c.names = g.subjects.at(subject);
      return c;
    };
    const auto value = [](const claims_score::GoldValue& v) {
      return claims_score::SystemValue{v.value, v.parsed, v.articles,
                                       v.evidence.empty() ? "" : v.evidence.front()};
    };
    // An approximate value a trap keeps out of conflicts stands beside them.
    const auto kept_out = [&](const claims_score::GoldValue& v) {
      if (!v.approx) return false;
      for (const claims_score::GoldTrap& t : g.traps) {
        if (t.forbid == "conflict" && claims_score::SameValue(v.parsed, t.parsed) &&
            std::find(v.articles.begin(), v.articles.end(), t.article) != v.articles.end()) {
          return true;
        }
      }
      return false;
    };
    if (f.status == "conflict") {
      claims_score::SystemClaim c = make("conflict");
      for (const auto& v : f.values) {
        if (!kept_out(v)) c.values.push_back(value(v));
      }
      claims->push_back(std::move(c));
      for (const auto& v : f.values) {
        if (!kept_out(v)) continue;
        claims_score::SystemClaim a = make(v.articles.size() > 1 ? "agreed" : "single");
        a.values.push_back(value(v));
        claims->push_back(std::move(a));
      }
      continue;
    }
    claims_score::SystemClaim c = make(f.status);
    for (const auto& v : f.values) c.values.push_back(value(v));
    claims->push_back(std::move(c));
  }
  for (const claims_score::GoldDate& d : g.dates) timeline->push_back({{d.value}, d.evidence, {d.article}});
}

// Checks that every evidence fragment of the gold occurs in its article's
// cleaned text: a changed cleaner or example must not silently mis-score.
size_t CheckEvidence(const Gold& g, const std::vector<storyline::Article>& articles, std::ostream& err) {
  std::map<std::string, std::string> text;
  for (const storyline::Article& a : articles) text[a.id] = Fold(a.title + "\n" + a.text);
  size_t bad = 0;
  const auto check = [&](const std::string& article, const std::string& fragment, const std::string& what) {
    auto it = text.find(article);
    if (it == text.end()) {
      err << fmt::format("{}: {}: article {} is not among the story's files\n", g.story, what, article);
      ++bad;
    } else if (!fragment.empty() && it->second.find(Fold(fragment)) == std::string::npos) {
      err << fmt::format("{}: {}: \"{}\" not in article {}\n", g.story, what, fragment, article);
      ++bad;
    }
  };
  for (const auto& f : g.facts) {
    for (const auto& v : f.values) {
      for (size_t i = 0; i < v.articles.size(); ++i) {
        check(v.articles[i], i < v.evidence.size() ? v.evidence[i] : "", "fact " + f.id);
      }
    }
  }
  for (const auto& t : g.traps) check(t.article, t.evidence, "trap " + t.id);
  for (const auto& d : g.dates) check(d.article, d.evidence, "date");
  return bad;
}

void PrintCounts(const std::string& name, const Counts& n, std::ostream& out) {
  const double p = claims_score::Ratio(n.conflicts_right, n.conflicts_shown);
  const double r = claims_score::Ratio(n.gold_conflicts_found, n.gold_conflicts);
  out << fmt::format(
      "{:<22} conflicts P {:.3f} ({}/{}) R {:.3f} ({}/{}) F1 {:.3f} | value-subject {:.3f} ({}/{}) | "
      "traps violated {}/{} | agreements {:.3f} ({}/{}) | facts R {:.3f} ({}/{}) P {:.3f} ({}/{}) | "
      "timeline years {:.3f} ({}/{}, {} repeated)\n",
      name, p, n.conflicts_right, n.conflicts_shown, r, n.gold_conflicts_found, n.gold_conflicts,
      claims_score::F1(p, r), claims_score::Ratio(n.values_right_subject, n.values_mapped),
      n.values_right_subject, n.values_mapped, n.trap_violations, n.traps,
      claims_score::Ratio(n.agreements_found, n.gold_agreements), n.agreements_found, n.gold_agreements,
      claims_score::Ratio(n.mentions_found, n.gold_mentions), n.mentions_found, n.gold_mentions,
      claims_score::Ratio(n.system_pairs_right, n.system_pairs), n.system_pairs_right, n.system_pairs,
      claims_score::Ratio(n.dates_right, n.gold_dates), n.dates_right, n.gold_dates, n.dates_repeated);
}

nlohmann::json CountsJson(const Counts& n) {
  const double p = claims_score::Ratio(n.conflicts_right, n.conflicts_shown);
  const double r = claims_score::Ratio(n.gold_conflicts_found, n.gold_conflicts);
  return {{"conflict_precision", p},
          {"conflict_recall", r},
          {"conflict_f1", claims_score::F1(p, r)},
          {"conflicts_shown", n.conflicts_shown},
          {"gold_conflicts", n.gold_conflicts},
          {"value_subject_accuracy", claims_score::Ratio(n.values_right_subject, n.values_mapped)},
          {"trap_violations", n.trap_violations},
          {"traps", n.traps},
          {"agreement_recall", claims_score::Ratio(n.agreements_found, n.gold_agreements)},
          {"fact_recall", claims_score::Ratio(n.mentions_found, n.gold_mentions)},
          {"fact_precision", claims_score::Ratio(n.system_pairs_right, n.system_pairs)},
          {"timeline_year_accuracy", claims_score::Ratio(n.dates_right, n.gold_dates)},
          {"timeline_repeated", n.dates_repeated}};
}

int Usage() {
  std::cerr << "usage: claims_score [--gold DIR] [--root DIR] [--split dev|test|all] [--story SLUG]\n"
               "                    [--errors [--final]] [--json] | --self-check\n";
  return 1;
}

int Run(const Options& opt) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(opt.gold_dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  if (ec) {
    std::cerr << opt.gold_dir << ": " << ec.message() << "\n";
    return 1;
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, Counts> by_split;
  nlohmann::json report = nlohmann::json::object();
  size_t gold_errors = 0, scored = 0, self_failures = 0;
  for (const fs::path& path : files) {
    std::ifstream in(path);
    nlohmann::json j;
    Gold g;
    try {
      j = nlohmann::json::parse(in);
      g = ParseGold(j);
    } catch (const std::exception& e) {
      std::cerr << path.string() << ": " << e.what() << "\n";
      ++gold_errors;
      continue;
    }
    if (g.split != "dev" && g.split != "test") {
      std::cerr << path.string() << ": split must be \"dev\" or \"test\", not \"" << g.split << "\"\n";
      ++gold_errors;
      continue;
    }
    if (!opt.story.empty() && g.story != opt.story) continue;
    if (!opt.self_check && opt.split != "all" && g.split != opt.split) continue;
    std::vector<claims_score::SystemClaim> claims;
    std::vector<claims_score::SystemDate> timeline;
    std::vector<claims_score::ErrorLine> errors;
    Counts n;
    if (opt.self_check) {
      // Perfect: every figure 1, no trap violated. Subjects swapped: the
      // values keep their facts, so value-subject accuracy must fall.
      GoldAsSystem(g, false, &claims, &timeline);
      n = claims_score::Score(g, claims, timeline, &errors);
      const bool perfect = n.conflicts_right == n.conflicts_shown &&
                           n.gold_conflicts_found == n.gold_conflicts && n.trap_violations == 0 &&
                           n.values_right_subject == n.values_mapped && n.mentions_found == n.gold_mentions &&
                           n.agreements_found == n.gold_agreements && n.dates_right == n.gold_dates;
      std::vector<claims_score::SystemClaim> swapped;
      std::vector<claims_score::SystemDate> unused;
      GoldAsSystem(g, true, &swapped, &unused);
      const Counts s = claims_score::Score(g, swapped, timeline, nullptr);
      const bool falls = g.subjects.size() < 2 || g.facts.empty() || s.values_right_subject < s.values_mapped;
      std::cout << fmt::format("{}: gold as system {}, swapped subjects {}\n", g.story,
                               perfect ? "perfect" : "NOT PERFECT", falls ? "score lower" : "NOT LOWER");
      // A test story's details are not shown: it is read only at the end.
      if (!perfect && (g.split == "dev" || opt.final_run)) {
        for (const auto& e : errors) std::cout << "  " << e.kind << ": " << e.text << "\n";
      }
      self_failures += !perfect || !falls;
      continue;
    }
    const std::vector<storyline::Article> articles = LoadArticles(opt, j, std::cerr);
    gold_errors += CheckEvidence(g, articles, std::cerr);
    const storyline::Brief brief = storyline::BuildBrief(storyline::AnnotateMany(articles, {}), {});
    SystemSide(brief, &claims, &timeline);
    n = claims_score::Score(g, claims, timeline, &errors);
    ++scored;
    by_split[g.split].Add(n);
    report[g.story] = CountsJson(n);
    report[g.story]["split"] = g.split;
    if (!opt.json) PrintCounts(fmt::format("{} ({})", g.story, g.split), n, std::cout);
    if (opt.errors && (g.split == "dev" || opt.final_run)) {
      for (const auto& e : errors) std::cout << "  " << e.kind << ": " << e.text << "\n";
    }
  }
  if (opt.self_check) {
    std::cout << (self_failures == 0 && gold_errors == 0 ? "self-check passed\n" : "self-check FAILED\n");
    return self_failures == 0 && gold_errors == 0 ? 0 : 1;
  }
  if (opt.errors && opt.split != "dev" && !opt.final_run) {
    std::cerr << "(test-split errors are not listed without --final)\n";
  }
  for (const auto& [split, n] : by_split) {
    report["total_" + split] = CountsJson(n);
    if (!opt.json) PrintCounts("TOTAL " + split, n, std::cout);
  }
  if (opt.json) std::cout << report.dump(2) << "\n";
  if (gold_errors > 0) {
    std::cerr << gold_errors << " gold problem(s): the gold no longer matches the texts\n";
    return 1;
  }
  if (scored == 0) {
    std::cerr << "no story scored (split " << opt.split << ")\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto next = [&](std::string* into) {
      if (i + 1 >= argc) return false;
      *into = argv[++i];
      return true;
    };
    if (a == "--gold") {
      if (!next(&opt.gold_dir)) return Usage();
    } else if (a == "--root") {
      if (!next(&opt.root)) return Usage();
    } else if (a == "--split") {
      if (!next(&opt.split)) return Usage();
      if (opt.split != "dev" && opt.split != "test" && opt.split != "all") return Usage();
    } else if (a == "--story") {
      if (!next(&opt.story)) return Usage();
    } else if (a == "--errors") {
      opt.errors = true;
    } else if (a == "--final") {
      opt.final_run = true;
    } else if (a == "--json") {
      opt.json = true;
    } else if (a == "--self-check") {
      opt.self_check = true;
    } else {
      return Usage();
    }
  }
  try {
    return Run(opt);
  } catch (const std::exception& e) {
    std::cerr << "claims_score: " << e.what() << "\n";
    return 2;
  }
}
