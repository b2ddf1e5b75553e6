// claims_score_lib.h: the measure tools/claims_score reports, kept apart
// from reading files so it can be read (and self-checked) in one place.
// The gold format and the definitions are in eval/claims/README.md:
//   - Gold: subjects, facts (subject, attribute, status, values with their
//     articles and evidence fragments), traps and timeline dates;
//   - SystemClaim: a claim as the brief gives it, with every name its subject
//     goes by;
//   - Score(): conflict P/R/F1, value-subject accuracy, trap violations,
//     agreement recall, fact recall and precision, timeline years.
// Header-only because only the claims_score tool uses it.
#ifndef STORYLINE_TOOLS_CLAIMS_SCORE_LIB_H_
#define STORYLINE_TOOLS_CLAIMS_SCORE_LIB_H_

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace claims_score {

// ---------------------------------------------------------------- values

// Case folded, curly apostrophes and quotes straightened, runs of spaces
// collapsed, and Latin letters with diacritics reduced to ASCII for the
// common two-byte forms (é, ö, ñ ...), so "Zoë" and "Zoe" fold alike.
inline std::string Fold(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x98 || d == 0x99) { out += '\''; i += 2; continue; }
      if (d == 0x9C || d == 0x9D) { out += '"'; i += 2; continue; }
      if (d == 0x93 || d == 0x94) { out += '-'; i += 2; continue; }
    }
    if (c == 0xC3 && i + 1 < s.size()) {
      // U+00C0..U+00FF: map to the base letter.
      static constexpr std::string_view kBase =
          "aaaaaaaceeeeiiiidnooooo*ouuuuyts"   // C0..DF
          "aaaaaaaceeeeiiiidnooooo/ouuuuyty";  // E0..FF
      const unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0xBF) {
        const size_t idx = (d - 0x80) + 0;  // C3 80..BF is U+00C0..U+00FF
        out += kBase[idx];
        ++i;
        continue;
      }
    }
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A value in comparable form: a number with its unit (currency code or
// nothing), or folded text (roles, media, spellings, dates, ranges).
struct Value {
  bool numeric = false;
  double number = 0;
  std::string unit;  // ISO 4217 code or ""
  std::string text;  // folded, when not numeric
};

// Parses "4200000 USD", "58", "2.3e+06", "$4.2m", "£58 million", "30K",
// "1,187", "12.5"; anything else is text. A leading "~" or "about" (an
// approximate value a system may mark) is ignored.
inline Value ParseValue(std::string_view raw) {
  Value v;
  std::string s = Fold(raw);
  for (std::string_view p : {"~", "about ", "approx. ", "c. ", "more than ", "up to "}) {
    if (s.rfind(p, 0) == 0) s.erase(0, p.size());
  }
  v.text = s;
  // A hyphen between letters is a space ("press-conference", "press
  // conference"): media and roles are named either way, and so are a few
  // names ("Jean-Pierre", "Jean Pierre"), which the spellings then count as
  // one.
  const auto letter = [](char c) { return c >= 'a' && c <= 'z'; };  // the text is folded
  for (size_t k = 1; k + 1 < v.text.size(); ++k) {
    if (v.text[k] == '-' && letter(v.text[k - 1]) && letter(v.text[k + 1])) v.text[k] = ' ';
  }
  size_t i = 0;
  std::string unit;
  const auto take_symbol = [&](std::string_view sym, std::string_view code) {
    if (s.compare(i, sym.size(), sym) == 0) {
      unit = code;
      i += sym.size();
      return true;
    }
    return false;
  };
  take_symbol("us$", "USD") || take_symbol("$", "USD") || take_symbol("\xC2\xA3", "GBP") ||
      take_symbol("\xE2\x82\xAC", "EUR");
  const size_t num_start = i;
  std::string digits;
  bool dot = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == ',' && !digits.empty() && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') {
      continue;
    } else if (c == '.' && !dot && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') {
      digits += c;
      dot = true;
    } else if ((c == 'e') && i + 1 < s.size() && (s[i + 1] == '+' || (s[i + 1] >= '0' && s[i + 1] <= '9'))) {
      digits += c;
      if (s[i + 1] == '+') ++i;
    } else {
      break;
    }
  }
  if (digits.empty() || i == num_start) return v;
  double x = 0;
  try {
    x = std::stod(digits);
  } catch (...) {
    return v;
  }
  std::string rest = s.substr(i);
  while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
  const auto scale = [&](std::string_view word, double by) {
    if (rest.rfind(word, 0) == 0 &&
        (rest.size() == word.size() || rest[word.size()] == ' ')) {
      x *= by;
      rest.erase(0, word.size());
      while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
      return true;
    }
    return false;
  };
  scale("million", 1e6) || scale("billion", 1e9) || scale("thousand", 1e3) || scale("bn", 1e9) ||
      scale("m", 1e6) || scale("k", 1e3);
  if (rest.size() == 3 && std::all_of(rest.begin(), rest.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    unit.clear();
    for (char c : rest) unit += static_cast<char>(c - 'a' + 'A');
    rest.clear();
  }
  if (!rest.empty()) return v;  // "40-50", "2024-01-30", "3 years": text
  v.numeric = true;
  v.number = x;
  v.unit = unit;
  return v;
}

// Role words with one meaning written several ways.
inline std::string RoleForm(std::string s) {
  static constexpr std::pair<std::string_view, std::string_view> kForms[] = {
      {"spokesman", "spokesperson"}, {"spokeswoman", "spokesperson"}, {"chairman", "chair"},
      {"chairwoman", "chair"},       {"ceo", "chief executive"},      {"councilor", "councillor"},
      {"chief executive officer", "chief executive"}};
  for (const auto& [from, to] : kForms) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
      const bool starts = at == 0 || s[at - 1] == ' ';
      const bool ends = at + from.size() == s.size() || s[at + from.size()] == ' ';
      if (starts && ends) s.replace(at, from.size(), to);
    }
  }
  return s;
}

// A system text value stands for a gold one when equal, or when it is the
// gold role without its complement or qualifier: "professor" for
// "professor of cardiology", "senior admissions tutor" for "senior
// admissions tutor for medicine", "partner" for "partner at harlow benn",
// "fire chief" for "district fire chief" (a wider form the narrower
// statement implies).
inline bool SameText(const std::string& system, const std::string& gold) {
  if (system == gold) return true;
  const std::string s = RoleForm(system), g = RoleForm(gold);
  if (s == g) return true;
  if (s.empty() || s.size() >= g.size()) return false;
  for (const char* opener : {" of ", " for ", " in ", " at "}) {
    if (g.rfind(s + opener, 0) == 0) return true;
  }
  return g.ends_with(" " + s);
}

inline bool SameValue(const Value& a, const Value& b) {
  if (a.numeric != b.numeric) return false;
  if (!a.numeric) return SameText(a.text, b.text);
  if (!a.unit.empty() && !b.unit.empty() && a.unit != b.unit) return false;
  if (a.unit.empty() != b.unit.empty()) return false;
  return std::fabs(a.number - b.number) <= 1e-6 * std::max(1.0, std::fabs(a.number));
}

// ---------------------------------------------------------------- gold

struct GoldValue {
  std::string value;
  Value parsed;
  bool approx = false;  // "about 1,200", or a range: compatible with the exact values near it
  std::vector<std::string> articles;
  std::vector<std::string> evidence;  // one fragment per article, in order
};

struct GoldFact {
  std::string id, subject, attribute, status;  // subject: key into Gold::subjects
  std::vector<GoldValue> values;
};

struct GoldTrap {
  std::string id, article, value, evidence, kind, forbid, subject;  // subject may be ""
  Value parsed;
};

struct GoldDate {
  std::string article, evidence, value;
};

struct Gold {
  std::string story, split;
  std::string event;  // the subject figures with no named owner belong to, or ""
  std::map<std::string, std::vector<std::string>> subjects;  // key -> folded names
  std::map<std::string, std::string> subject_names;          // key -> display name
  std::vector<GoldFact> facts;
  std::vector<GoldTrap> traps;
  std::vector<GoldDate> dates;
};

// ---------------------------------------------------------------- system

struct SystemValue {
  std::string value;
  Value parsed;
  std::vector<std::string> articles;
  std::string evidence;
};

struct SystemClaim {
  std::string subject_name, attribute, status;
  bool story_event = false;  // no subject at all: the story's own event
  bool thing = false;        // no entity, only a subject name: a thing named by its measure ("break fee")
  std::vector<std::string> names;  // folded: subject_name and the entity's aliases
  std::vector<SystemValue> values;
};

struct SystemDate {  // a timeline entry
  std::vector<std::string> dates;  // the entry's date first, then any other its sentence gives
  std::string evidence;
  std::vector<std::string> articles;
};

// ---------------------------------------------------------------- scoring

struct Counts {
  size_t conflicts_shown = 0, conflicts_right = 0;
  size_t gold_conflicts = 0, gold_conflicts_found = 0;
  size_t values_mapped = 0, values_right_subject = 0;
  size_t traps = 0, trap_violations = 0;
  size_t gold_agreements = 0, agreements_found = 0;
  size_t gold_mentions = 0, mentions_found = 0;
  size_t system_pairs = 0, system_pairs_right = 0;
  size_t gold_dates = 0, dates_right = 0, dates_repeated = 0;

  void Add(const Counts& o) {
    conflicts_shown += o.conflicts_shown;
    conflicts_right += o.conflicts_right;
    gold_conflicts += o.gold_conflicts;
    gold_conflicts_found += o.gold_conflicts_found;
    values_mapped += o.values_mapped;
    values_right_subject += o.values_right_subject;
    traps += o.traps;
    trap_violations += o.trap_violations;
    gold_agreements += o.gold_agreements;
    agreements_found += o.agreements_found;
    gold_mentions += o.gold_mentions;
    mentions_found += o.mentions_found;
    system_pairs += o.system_pairs;
    system_pairs_right += o.system_pairs_right;
    gold_dates += o.gold_dates;
    dates_right += o.dates_right;
    dates_repeated += o.dates_repeated;
  }
};

inline double Ratio(size_t a, size_t b) { return b == 0 ? 1.0 : static_cast<double>(a) / b; }
inline double F1(double p, double r) { return p + r == 0 ? 0 : 2 * p * r / (p + r); }

inline bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// True when `name` occurs in `text` as whole words.
inline bool HasWords(const std::string& text, const std::string& name) {
  if (name.empty()) return false;
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    const bool starts = at == 0 || text[at - 1] == ' ';
    const bool ends = at + name.size() == text.size() || text[at + name.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

// `attribute`: the gold fact's attribute, when the match is to a fact.
inline bool SubjectMatches(const Gold& gold, const std::string& key, const SystemClaim& c,
                           const std::string& attribute = "") {
  auto it = gold.subjects.find(key);
  // A thing the claim names by what it measures ("break fee": amount) is
  // the event's fact whose attribute names that thing ("break fee").
  if (c.thing && !gold.event.empty() && key == gold.event && HasWords(Fold(attribute), Fold(c.subject_name))) {
    return true;
  }
  if (c.story_event) {
    // The story's event, or a subject the claim's attribute names ("local
    // suppliers" for an event claim counting "local suppliers").
    if (!gold.event.empty() && key == gold.event) return true;
    if (it == gold.subjects.end()) return false;
    const std::string attribute = Fold(c.attribute);
    for (const std::string& n : it->second) {
      std::string bare = n.rfind("the ", 0) == 0 ? n.substr(4) : n;
      if (HasWords(attribute, bare)) return true;
    }
    return false;
  }
  if (it == gold.subjects.end()) return false;
  for (const std::string& n : c.names) {
    if (Contains(it->second, n)) return true;
  }
  return false;
}

// One gold (fact, value) a system (value, article) pair stands for.
struct Mapping {
  size_t fact = 0, value = 0;
  bool subject_right = false;
};

// Whether one of the evidence fragments of gold value `m` lies in the
// system value's evidence sentence `evidence`; `except`, when given, is a
// fragment that does not count, nor does any fragment overlapping it.
inline bool InEvidence(const Gold& gold, const Mapping& m, const std::string& evidence,
                       const std::string& except = "") {
  const std::string sentence = Fold(evidence), other = Fold(except);
  for (const std::string& frag : gold.facts[m.fact].values[m.value].evidence) {
    const std::string f = Fold(frag);
    if (f.empty() || sentence.find(f) == std::string::npos) continue;
    if (!other.empty() && (f.find(other) != std::string::npos || other.find(f) != std::string::npos)) continue;
    return true;
  }
  return false;
}
// The gold fact value `v` in `article` stands for: among the facts with a
// value equal to v's stated by that article, the one whose subject matches
// the claim, else the one whose evidence fragment lies in v's evidence
// sentence, else the first.
inline std::optional<Mapping> MapValue(const Gold& gold, const SystemClaim& c, const SystemValue& v,
                                       const std::string& article) {
  std::vector<Mapping> cands;
  for (size_t f = 0; f < gold.facts.size(); ++f) {
    const GoldFact& fact = gold.facts[f];
    for (size_t k = 0; k < fact.values.size(); ++k) {
      const GoldValue& gv = fact.values[k];
      // A spelling given as the whole name ("Calum Dorsey") is matched by
      // the one word a system compares ("Calum").
      const bool name_word = fact.attribute == "name" && c.attribute == "name" && !v.parsed.numeric &&
                             !gv.parsed.numeric && HasWords(gv.parsed.text, v.parsed.text);
      if (!Contains(gv.articles, article) || !(SameValue(v.parsed, gv.parsed) || name_word)) continue;
      cands.push_back({f, k, SubjectMatches(gold, fact.subject, c, fact.attribute)});
    }
  }
  if (cands.empty()) return std::nullopt;
  const auto in_evidence = [&](const Mapping& m) { return InEvidence(gold, m, v.evidence); };
  for (bool subject : {true, false}) {
    for (const Mapping& m : cands) {
      if (m.subject_right == subject && in_evidence(m)) return m;
    }
    for (const Mapping& m : cands) {
      if (m.subject_right == subject) return m;
    }
  }
  return cands.front();
}

// A line of --errors output.
struct ErrorLine {
  std::string kind, text;
};

inline std::string DescribeClaim(const SystemClaim& c) {
  std::string s = fmt::format("[{}] {} / {}:", c.status, c.subject_name.empty() ? "-" : c.subject_name,
                              c.attribute);
  for (const SystemValue& v : c.values) {
    s += fmt::format(" {} ({})", v.value, fmt::join(v.articles, ","));
  }
  if (!c.values.empty()) s += fmt::format("\n      evidence: {}", c.values.front().evidence);
  return s;
}

inline std::string DescribeFact(const Gold& gold, const GoldFact& f) {
  auto name = gold.subject_names.find(f.subject);
  std::string s = fmt::format("{} [{}] {} / {}:", f.id, f.status,
                              name == gold.subject_names.end() ? f.subject : name->second, f.attribute);
  for (const GoldValue& v : f.values) s += fmt::format(" {} ({})", v.value, fmt::join(v.articles, ","));
  return s;
}

// True when `v`, stated in `article`, has the trap's value in the trap's article.
inline bool TrapHit(const GoldTrap& t, const SystemValue& v, const std::string& article) {
  return t.article == article && SameValue(v.parsed, t.parsed);
}

inline Counts Score(const Gold& gold, const std::vector<SystemClaim>& claims,
                    const std::vector<SystemDate>& timeline, std::vector<ErrorLine>* errors) {
  Counts n;
  const auto err = [&](std::string kind, std::string text) {
    if (errors) errors->push_back({std::move(kind), std::move(text)});
  };
  // Conflicts.
  std::set<size_t> conflicts_found;
  for (const SystemClaim& c : claims) {
    if (c.status != "conflict") continue;
    ++n.conflicts_shown;
    // fact -> distinct value indices the claim's values map to.
    std::map<size_t, std::set<size_t>> hits;
    bool stray = false;
    for (const SystemValue& v : c.values) {
      bool any = false;
      for (const std::string& a : v.articles) {
        if (auto m = MapValue(gold, c, v, a)) {
          hits[m->fact].insert(m->value);
          any = true;
        }
      }
      if (!any) stray = true;
    }
    std::optional<size_t> right;
    for (const auto& [f, vals] : hits) {
      const GoldFact& fact = gold.facts[f];
      if (fact.status == "conflict" && vals.size() >= 2 && SubjectMatches(gold, fact.subject, c, fact.attribute) &&
          !stray && hits.size() == 1) {
        right = f;
      }
    }
    if (right) {
      ++n.conflicts_right;
      conflicts_found.insert(*right);
    } else {
      std::string why = stray ? "a value matches no gold fact of its article"
                        : hits.size() > 1 ? "values belong to different gold facts"
                                          : "not a gold conflict of this subject";
      std::string gold_side;
      for (const auto& [f, vals] : hits) gold_side += "\n      gold: " + DescribeFact(gold, gold.facts[f]);
      err("false conflict", fmt::format("{} ({}){}", DescribeClaim(c), why, gold_side));
    }
  }
  for (size_t f = 0; f < gold.facts.size(); ++f) {
    if (gold.facts[f].status != "conflict") continue;
    ++n.gold_conflicts;
    if (conflicts_found.count(f)) {
      ++n.gold_conflicts_found;
    } else {
      err("missed conflict", DescribeFact(gold, gold.facts[f]));
    }
  }
  // Value-subject accuracy, fact precision and recall.
  std::set<std::tuple<size_t, size_t, std::string>> found;  // (fact, value, article)
  for (const SystemClaim& c : claims) {
    for (const SystemValue& v : c.values) {
      for (const std::string& a : v.articles) {
        ++n.system_pairs;
        const std::optional<Mapping> m = MapValue(gold, c, v, a);
        if (!m) {
          err("unannotated value", fmt::format("{} in {}: {}", v.value, a, DescribeClaim(c)));
          continue;
        }
        ++n.values_mapped;
        if (m->subject_right) {
          ++n.values_right_subject;
          ++n.system_pairs_right;
          found.insert({m->fact, m->value, a});
        } else {
          err("wrong subject", fmt::format("{} in {}: {}\n      gold: {}", v.value, a, DescribeClaim(c),
                                           DescribeFact(gold, gold.facts[m->fact])));
        }
      }
    }
  }
  for (size_t f = 0; f < gold.facts.size(); ++f) {
    const GoldFact& fact = gold.facts[f];
    for (size_t k = 0; k < fact.values.size(); ++k) {
      for (size_t ai = 0; ai < fact.values[k].articles.size(); ++ai) {
        ++n.gold_mentions;
        const std::string& a = fact.values[k].articles[ai];
        if (found.count({f, k, a})) {
          ++n.mentions_found;
        } else {
          const auto& ev = fact.values[k].evidence;
          err("missed fact", fmt::format("{} = {} in {} ({})", fact.id, fact.values[k].value, a,
                                         ai < ev.size() ? ev[ai] : ""));
        }
      }
    }
  }
  // Traps.
  for (const GoldTrap& t : gold.traps) {
    ++n.traps;
    bool violated = false;
    for (const SystemClaim& c : claims) {
      if (t.forbid == "conflict" && c.status != "conflict") continue;
      if (!t.subject.empty() && !SubjectMatches(gold, t.subject, c)) continue;
      for (const SystemValue& v : c.values) {
        for (const std::string& a : v.articles) {
          if (!TrapHit(t, v, a)) continue;
          // The same number stated for this subject in another sentence of
          // the article is that fact, not the trap; so is one in the trap's
          // sentence in that fact's own words ("by 7 votes to 5 after a
          // debate of more than five hours").
          const std::optional<Mapping> m = MapValue(gold, c, v, a);
          if (m && m->subject_right &&
              (Fold(v.evidence).find(Fold(t.evidence)) == std::string::npos ||
               InEvidence(gold, *m, v.evidence, t.evidence))) {
            continue;
          }
          if (!violated) {
            err("trap violated", fmt::format("{} ({}, forbid {}): {} = {} \"{}\"\n      by {}", t.id, t.kind,
                                             t.forbid, t.article, t.value, t.evidence, DescribeClaim(c)));
          }
          violated = true;
        }
      }
    }
    if (violated) ++n.trap_violations;
  }
  // Agreements: an agreed system claim of the fact's subject whose values
  // stand for this fact in two or more of its articles (an exact and an
  // approximate figure may be two values of one agreed claim).
  for (size_t f = 0; f < gold.facts.size(); ++f) {
    const GoldFact& fact = gold.facts[f];
    if (fact.status != "agreed") continue;
    ++n.gold_agreements;
    bool ok = false;
    for (const SystemClaim& c : claims) {
      if (c.status != "agreed" || !SubjectMatches(gold, fact.subject, c, fact.attribute)) continue;
      std::set<std::string> articles;
      for (const SystemValue& v : c.values) {
        for (const std::string& a : v.articles) {
          const std::optional<Mapping> m = MapValue(gold, c, v, a);
          if (m && m->fact == f) articles.insert(a);
        }
      }
      if (articles.size() >= 2) ok = true;
    }
    if (ok) {
      ++n.agreements_found;
    } else {
      err("missed agreement", DescribeFact(gold, fact));
    }
  }
  // Timeline years.
  for (const GoldDate& d : gold.dates) {
    ++n.gold_dates;
    std::vector<const SystemDate*> entries;
    for (const SystemDate& e : timeline) {
      if (Contains(e.articles, d.article) && Fold(e.evidence).find(Fold(d.evidence)) != std::string::npos) {
        entries.push_back(&e);
      }
    }
    if (entries.size() > 1) ++n.dates_repeated;  // one sentence, several entries
    // An entry cites one sentence for all it merges (another outlet's, or
    // another sentence of the same day): then the article's entries on the
    // expected date stand for it.
    if (entries.empty()) {
      for (const SystemDate& e : timeline) {
        if (Contains(e.articles, d.article) && Contains(e.dates, d.value)) {
          entries.push_back(&e);
        }
      }
    }
    bool right = false;
    for (const SystemDate* e : entries) {
      for (const std::string& date : e->dates) {
        if (date == d.value || (date.size() > d.value.size() && date.rfind(d.value + "-", 0) == 0)) right = true;
      }
    }
    if (right) {
      ++n.dates_right;
    } else {
      std::string got;
      for (const SystemDate* e : entries) got += (got.empty() ? "" : ", ") + fmt::format("{}", fmt::join(e->dates, "/"));
      err("timeline date", fmt::format("{}: \"{}\" expected {}, got {}", d.article, d.evidence, d.value,
                                       got.empty() ? "no entry" : got));
    }
  }
  return n;
}

}  // namespace claims_score

#endif  // STORYLINE_TOOLS_CLAIMS_SCORE_LIB_H_
