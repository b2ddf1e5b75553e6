// claims_audit_lib.h: the measure of tools/claims_audit.cc, a pooled
// precision audit of the conflicts the brief shows on real news: every
// shown conflict is matched to a person's judgment of it (eval/claims-audit/
// README.md), and precision is right / (right + false) over the judged ones.
// A conflict no judgment matches is listed as unjudged and counts in neither
// (a change that makes new conflicts must have them judged before its
// figure means anything); a judgment no conflict matches any more is
// listed too (the change removed it).
//
//   std::vector<claims_audit::Judgment> js;
//   std::string error;
//   if (!claims_audit::ParseJudgments(json, &js, &error)) ...  // bad input
//   claims_audit::Report r = claims_audit::Match(shown, js, stories);
//   claims_audit::Print(r, true, std::cout);
//
// Header-only because only the claims_audit tool and its test use it.
#ifndef STORYLINE_TOOLS_CLAIMS_AUDIT_LIB_H_
#define STORYLINE_TOOLS_CLAIMS_AUDIT_LIB_H_

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <fmt/core.h>

namespace claims_audit {

// Why a conflict is false, one class per judgment (README of the
// judgments): the classes a fact-checker would name.
inline const std::set<std::string>& ReasonClasses() {
  static const std::set<std::string> kReasons = {
      "wrong subject",     // a value belongs to another person, thing or event
      "other time",        // the values hold at different times or events of one subject
      "different things",  // the values measure different things of one subject
      "part and total",    // one value is a part of (or one of several in) the other's total
      "misread value",     // the text does not state the value as read (a word, a code, a score)
      "same value",        // one value written two ways, or both can be true
      "not a fact",        // a quotation, a question, a hypothetical or a forecast set against a fact
  };
  return kReasons;
}

// The splits of ECB+'s topics the audit briefs (the corpus's `split` field,
// tools/ecbplus_text.h): "train" (every topic not in dev or test), "dev"
// (topics 2 5 12 18 21 23 34 35) and "test" (36-45).
inline bool KnownSplit(const std::string& split) { return split == "train" || split == "dev" || split == "test"; }

// Whether a run lists its unjudged conflicts and the judgments no longer
// shown: always on train and dev, whose conflicts are judged as they
// appear; on test only with --final (its stories are judged once, at the
// end of a piece of work, and no rule is changed after reading them).
inline bool ListsDetails(const std::string& split, bool final_run) { return split != "test" || final_run; }

// One conflict as the brief shows it: its key and, per value, the articles
// and evidence sentence (for the person who judges it).
struct ShownValue {
  std::string value;
  std::vector<std::string> articles;
  std::string evidence;
};
struct Shown {
  std::string story;  // the ECB+ story id ("2plus")
  std::string subject, attribute;
  std::vector<ShownValue> values;
};

// One person's verdict on one conflict key.
struct Judgment {
  std::string story, subject, attribute;
  std::vector<std::string> values;
  std::string verdict;  // "right" or "false"
  std::string reason;   // one of ReasonClasses() when false, else ""
  std::string note;
};

inline std::string Fold(const std::string& s) {
  std::string out;
  for (char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

// The key a conflict and its judgment share: story, subject and attribute
// (case folded) and the set of values (sorted; each value as shown).
inline std::string Key(const std::string& story, const std::string& subject, const std::string& attribute,
                       std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::string key = story + "\t" + Fold(subject) + "\t" + Fold(attribute);
  for (const std::string& v : values) key += "\t" + v;
  return key;
}

inline std::string Key(const Shown& s) {
  std::vector<std::string> values;
  for (const ShownValue& v : s.values) values.push_back(v.value);
  return Key(s.story, s.subject, s.attribute, values);
}

inline std::string Key(const Judgment& j) { return Key(j.story, j.subject, j.attribute, j.values); }

// Reads {"judgments": [{story, subject, attribute, values, verdict, reason,
// note}, ...]}. False, with `error` naming the entry, on a missing field, a
// verdict other than right/false, a false verdict without a listed reason,
// fewer than two values, or two judgments of one key.
inline bool ParseJudgments(const nlohmann::json& j, std::vector<Judgment>* out, std::string* error) {
  if (!j.is_object() || !j.contains("judgments") || !j["judgments"].is_array()) {
    *error = "no \"judgments\" array";
    return false;
  }
  std::set<std::string> keys;
  size_t index = 0;
  for (const nlohmann::json& e : j["judgments"]) {
    const std::string where = fmt::format("judgments[{}]", index++);
    const auto str = [&](const char* k) {
      return e.is_object() && e.contains(k) && e[k].is_string() ? e[k].get<std::string>() : std::string();
    };
    Judgment jd;
    jd.story = str("story");
    jd.subject = str("subject");
    jd.attribute = str("attribute");
    jd.verdict = str("verdict");
    jd.reason = str("reason");
    jd.note = str("note");
    if (e.is_object() && e.contains("values") && e["values"].is_array()) {
      for (const nlohmann::json& v : e["values"]) {
        if (v.is_string()) jd.values.push_back(v.get<std::string>());
      }
    }
    if (jd.story.empty() || jd.attribute.empty()) {
      *error = where + ": story and attribute are required";
      return false;
    }
    if (std::set<std::string>(jd.values.begin(), jd.values.end()).size() < 2) {
      *error = where + ": a conflict has at least two different values (strings)";
      return false;
    }
    if (jd.verdict != "right" && jd.verdict != "false") {
      *error = where + ": verdict must be \"right\" or \"false\", not \"" + jd.verdict + "\"";
      return false;
    }
    if (jd.verdict == "false" && !ReasonClasses().contains(jd.reason)) {
      *error = where + ": a false conflict needs a reason class, not \"" + jd.reason + "\"";
      return false;
    }
    if (!keys.insert(Key(jd)).second) {
      *error = where + ": a second judgment of one conflict";
      return false;
    }
    out->push_back(std::move(jd));
  }
  return true;
}

// What the judgments say of the shown conflicts.
struct Report {
  size_t shown = 0, right = 0, wrong = 0;
  std::map<std::string, size_t> reasons;       // false conflicts by reason class
  std::map<std::string, size_t> wrong_by_story;
  std::vector<Shown> unjudged;                 // shown, no judgment matches
  std::vector<Judgment> gone;                  // judged once, not shown now (stories of the run only)
  double Precision() const { return right + wrong == 0 ? 0.0 : static_cast<double>(right) / (right + wrong); }
};

// Matches every shown conflict to the judgment of its key. Judgments of
// stories outside `stories` (the run's) are neither counted nor listed.
inline Report Match(const std::vector<Shown>& shown, const std::vector<Judgment>& judgments,
                    const std::set<std::string>& stories) {
  Report r;
  std::map<std::string, const Judgment*> by_key;
  for (const Judgment& j : judgments) by_key[Key(j)] = &j;
  std::set<std::string> seen;
  for (const Shown& s : shown) {
    ++r.shown;
    const std::string key = Key(s);
    auto it = by_key.find(key);
    if (it == by_key.end()) {
      r.unjudged.push_back(s);
      continue;
    }
    seen.insert(key);
    if (it->second->verdict == "right") {
      ++r.right;
    } else {
      ++r.wrong;
      ++r.reasons[it->second->reason];
      ++r.wrong_by_story[s.story];
    }
  }
  for (const Judgment& j : judgments) {
    if (stories.contains(j.story) && !seen.contains(Key(j))) r.gone.push_back(j);
  }
  return r;
}

// A judgment to fill in for an unjudged conflict (verdict left empty).
inline nlohmann::json Template(const Shown& s) {
  nlohmann::json values = nlohmann::json::array();
  for (const ShownValue& v : s.values) values.push_back(v.value);
  nlohmann::json evidence = nlohmann::json::array();
  for (const ShownValue& v : s.values) {
    std::string articles;
    for (const std::string& a : v.articles) articles += (articles.empty() ? "" : ",") + a;
    evidence.push_back(fmt::format("{} [{}] {}", v.value, articles, v.evidence));
  }
  return {{"story", s.story}, {"subject", s.subject}, {"attribute", s.attribute}, {"values", values},
          {"verdict", ""},    {"reason", ""},         {"note", ""},               {"evidence", evidence}};
}

// The totals, the false conflicts by reason, and (with `details`) every
// unjudged conflict with its evidence and every judgment no longer shown.
// The precision line says when unjudged conflicts leave it incomplete.
inline void Print(const Report& r, bool details, std::ostream& out) {
  out << fmt::format("conflicts shown {} | judged right {} | judged false {} | unjudged {}\n", r.shown, r.right,
                     r.wrong, r.unjudged.size());
  out << fmt::format("precision {:.3f} ({}/{}){}\n", r.Precision(), r.right, r.right + r.wrong,
                     r.unjudged.empty() ? ""
                                        : fmt::format(" -- INCOMPLETE: {} shown conflict(s) not judged, "
                                                      "not counted; judge them before quoting this figure",
                                                      r.unjudged.size()));
  for (const auto& [reason, n] : r.reasons) out << fmt::format("  false, {}: {}\n", reason, n);
  if (!details) {
    if (!r.unjudged.empty()) out << "(unjudged conflicts of this split are listed only with --final)\n";
    return;
  }
  for (const Shown& s : r.unjudged) {
    out << fmt::format("UNJUDGED {} | {} | {}\n", s.story, s.subject, s.attribute);
    for (const ShownValue& v : s.values) {
      std::string articles;
      for (const std::string& a : v.articles) articles += (articles.empty() ? "" : ",") + a;
      out << fmt::format("    {} [{}] {}\n", v.value, articles, v.evidence);
    }
  }
  for (const Judgment& j : r.gone) {
    std::string values;
    for (const std::string& v : j.values) values += (values.empty() ? "" : " / ") + v;
    out << fmt::format("no longer shown ({}{}): {} | {} | {} | {}\n", j.verdict,
                       j.reason.empty() ? "" : ", " + j.reason, j.story, j.subject, j.attribute, values);
  }
}

}  // namespace claims_audit

#endif  // STORYLINE_TOOLS_CLAIMS_AUDIT_LIB_H_
