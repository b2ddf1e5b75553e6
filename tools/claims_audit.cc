// claims_audit: conflict precision on real multi-outlet news. Every story
// (sub-topic) of an ECB+ split is briefed from its articles (texts rebuilt
// by ecbplus_text.h, as quote_score reads them), and every conflict the
// brief shows is matched to the committed judgments (eval/claims-audit/,
// README there; the measure in claims_audit_lib.h). Prints conflicts shown,
// judged right, judged false, precision = right / (right + false), and the
// unjudged conflicts, which count in neither until someone judges them.
// Recall is not measured: no one listed the disagreements the stories hold.
//
//   build/tools/claims_audit [--ecbplus ../shared/data/ecbplus-stories]
//       [--judgments eval/claims-audit/ecbplus.json] [--split train|dev|test]
//       [--story ID] [--final] [--template] [--dump-text DIR]
//
// The train and dev splits list their unjudged conflicts on every run; the
// test split's only with --final (its stories are judged once, at the end
// of a piece of work). --template
// prints the unjudged conflicts as judgments to fill in (JSON lines);
// --dump-text writes each article of the run as DIR/<doc id>.txt (what the
// brief read), for the judge to read.
// Exit 0 after a run (also with unjudged conflicts), 1 on bad input (no
// data, unreadable or malformed judgments), 2 on an unexpected error.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "claims_audit_lib.h"
#include "ecbplus_text.h"
#include "storyline/annotation.h"
#include "storyline/brief.h"

namespace {

namespace fs = std::filesystem;

struct Options {
  std::string ecbplus = std::string(STORYLINE_SOURCE_DIR) + "/../shared/data/ecbplus-stories";
  std::string judgments = std::string(STORYLINE_SOURCE_DIR) + "/eval/claims-audit/ecbplus.json";
  std::string split = "dev";
  std::string story;
  bool final_run = false;
  bool templates = false;
  std::string dump_text;
  std::string show;  // --show WORD: every claim whose attribute holds WORD (debugging)
};

int Usage() {
  std::cerr << "usage: claims_audit [--ecbplus DIR] [--judgments FILE] [--split train|dev|test] [--story ID]\n"
               "                    [--final] [--template] [--dump-text DIR] [--show WORD]\n";
  return 1;
}

// The doc ids of each story, in the corpus's order of numbers ("2_2ecb"
// before "2_10ecb"), so the brief sees the articles in a fixed order.
bool DocBefore(const std::string& a, const std::string& b) {
  const auto number = [](const std::string& id) {
    const size_t u = id.find('_');
    return u == std::string::npos ? 0 : std::atoi(id.c_str() + u + 1);
  };
  const auto topic = [](const std::string& id) { return std::atoi(id.c_str()); };
  if (topic(a) != topic(b)) return topic(a) < topic(b);
  if (number(a) != number(b)) return number(a) < number(b);
  return a < b;
}

// Every conflict the brief of `articles` shows, as the story `story`'s.
// With `show`, every claim whose attribute holds it is printed too.
std::vector<claims_audit::Shown> Conflicts(const std::string& story, const std::vector<storyline::Article>& articles,
                                           const std::string& show) {
  std::vector<claims_audit::Shown> out;
  const storyline::Brief brief = storyline::BuildBrief(storyline::AnnotateMany(articles, {}), {});
  for (const storyline::Story& s : brief.stories) {
    for (const storyline::Claim& c : s.claims) {
      if (!show.empty() && c.attribute.find(show) != std::string::npos) {
        std::cout << fmt::format("  {} {} | {} |", c.status, c.subject_name, c.attribute);
        for (const storyline::ClaimValue& v : c.values) {
          std::cout << fmt::format(" {} [{}]", v.value, fmt::join(v.articles, ","));
        }
        std::cout << "\n";
      }
      if (c.status != "conflict") continue;
      claims_audit::Shown shown{story, c.subject_name, c.attribute, {}};
      for (const storyline::ClaimValue& v : c.values) shown.values.push_back({v.value, v.articles, v.evidence});
      out.push_back(std::move(shown));
    }
  }
  return out;
}

int Run(const Options& opt) {
  std::vector<claims_audit::Judgment> judgments;
  {
    std::ifstream in(opt.judgments);
    if (!in) {
      std::cerr << opt.judgments << ": cannot read\n";
      return 1;
    }
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    std::string error;
    if (j.is_discarded()) {
      std::cerr << opt.judgments << ": not JSON\n";
      return 1;
    }
    if (!claims_audit::ParseJudgments(j, &judgments, &error)) {
      std::cerr << opt.judgments << ": " << error << "\n";
      return 1;
    }
  }
  std::map<std::string, ecbplus_text::Doc> docs = ecbplus_text::LoadDocs(opt.ecbplus);
  if (docs.empty()) return 1;  // LoadDocs said why
  std::map<std::string, std::vector<std::string>> story_docs;
  for (const auto& [id, d] : docs) {
    if (d.split != opt.split || (!opt.story.empty() && d.story != opt.story)) continue;
    story_docs[d.story].push_back(id);
  }
  if (story_docs.empty()) {
    std::cerr << "no story in split " << opt.split << (opt.story.empty() ? "" : " named " + opt.story) << "\n";
    return 1;
  }
  std::vector<claims_audit::Shown> shown;
  std::set<std::string> stories;
  for (auto& [story, ids] : story_docs) {
    std::sort(ids.begin(), ids.end(), DocBefore);
    std::vector<storyline::Article> articles;
    for (const std::string& id : ids) articles.push_back(docs[id].article);
    if (!opt.dump_text.empty()) {
      for (const storyline::Article& a : articles) std::ofstream(opt.dump_text + "/" + a.id + ".txt") << a.text << "\n";
    }
    std::vector<claims_audit::Shown> c = Conflicts(story, articles, opt.show);
    std::cout << fmt::format("story {:<8} {:>3} articles {:>3} conflicts shown\n", story, ids.size(), c.size());
    shown.insert(shown.end(), c.begin(), c.end());
    stories.insert(story);
  }
  const claims_audit::Report r = claims_audit::Match(shown, judgments, stories);
  const bool details = claims_audit::ListsDetails(opt.split, opt.final_run);
  std::cout << fmt::format("ECB+ {} ({} stories): ", opt.split, stories.size());
  claims_audit::Print(r, details, std::cout);
  if (opt.templates && details) {
    for (const claims_audit::Shown& s : r.unjudged) std::cerr << claims_audit::Template(s).dump() << "\n";
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
    if (a == "--ecbplus") {
      if (!next(&opt.ecbplus)) return Usage();
    } else if (a == "--judgments") {
      if (!next(&opt.judgments)) return Usage();
    } else if (a == "--split") {
      if (!next(&opt.split)) return Usage();
      if (!claims_audit::KnownSplit(opt.split)) return Usage();
    } else if (a == "--story") {
      if (!next(&opt.story)) return Usage();
    } else if (a == "--final") {
      opt.final_run = true;
    } else if (a == "--template") {
      opt.templates = true;
    } else if (a == "--show") {
      if (!next(&opt.show)) return Usage();
    } else if (a == "--dump-text") {
      if (!next(&opt.dump_text)) return Usage();
    } else {
      return Usage();
    }
  }
  try {
    return Run(opt);
  } catch (const std::exception& e) {
    std::cerr << "claims_audit: " << e.what() << "\n";
    return 2;
  }
}
