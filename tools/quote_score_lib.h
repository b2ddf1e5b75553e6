// quote_score_lib.h: the parts of tools/quote_score.cc that define the
// measure, kept apart so the definitions can be read in one place:
//   - Detokenize(): the one deterministic text reconstruction from tokens
//     (MEANTIME, LitBank), with the code-point span of every token;
//   - Score(): quotation span P/R/F1 (exact, overlap count, overlap share)
//     and attribution accuracy, overall and by kind;
//   - NamesMatch(): when a predicted speaker is the gold speaker.
// Header-only because only the quote_score tool uses it.
#ifndef STORYLINE_TOOLS_QUOTE_SCORE_LIB_H_
#define STORYLINE_TOOLS_QUOTE_SCORE_LIB_H_

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "storyline/annotation.h"

namespace quote_score {

using storyline::Span;

// ---------------------------------------------------------------- UTF-8

// Byte offset of each code point of `s`, plus s.size() at the end.
inline std::vector<size_t> CodePointStarts(const std::string& s) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(s.size());
  return starts;
}

// Decodes `s` into code points (invalid bytes become U+FFFD one by one).
inline std::u32string Decode(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

// The UTF-8 text of code points [span.start, span.end) of `text`; "" when the
// span is out of range.
inline std::string Slice(const std::string& text, Span span) {
  std::vector<size_t> starts = CodePointStarts(text);
  if (span.start > span.end || span.end + 1 > starts.size()) return "";
  return text.substr(starts[span.start], starts[span.end] - starts[span.start]);
}

// ---------------------------------------------------------- detokenizer

// One token of a tokenised corpus and where Detokenize put it.
struct Token {
  std::string text;
  Span span;  // code points into the reconstructed text
};

// Rebuilds running text from tokens, deterministically (the dev set's offsets
// point into this text, so any change here invalidates eval/quotes/):
//   - PTB quote tokens `` and '' become “ and ”, ` becomes ‘;
//   - tokens are separated by one space, except: no space before closing
//     punctuation , . ; : ! ? ) ] } % ” ’ ... and clitics ('s n't 're ...,
//     and s m ll ... right after a token ending in an apostrophe),
//     and no space after opening ( [ { “ ‘ $ US$ £ #;
//   - straight " alternates over the whole text: odd ones open (no space
//     after), even ones close (no space before).
// Fills each token's span; `tokens` keep their original strings.
inline std::string Detokenize(std::vector<Token>& tokens) {
  static const std::set<std::string_view> kNoSpaceBefore = {
      ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", "''", "’", "'", "n't", "N'T"};
  static const std::set<std::string_view> kNoSpaceAfter = {
      "(", "[", "{", "“", "``", "‘", "`", "$", "US$", "CA$", "A$", "C$", "£", "€", "#"};
  static const std::set<std::string_view> kClitics = {
      "'s", "'re", "'ve", "'ll", "'d", "'m", "'S", "’s", "’re", "’ve", "’ll", "’d", "’m"};
  static const std::set<std::string_view> kCliticTails = {"s", "m", "re", "ve", "ll", "d", "t"};
  std::string out;
  size_t cps = 0;
  bool prev_apostrophe = false;  // the previous token ends in ' or ’
  bool straight_open = false;  // an odd number of straight " so far
  bool glue_next = true;       // no space before the next token
  for (Token& t : tokens) {
    std::string shown = t.text == "``" ? "“" : t.text == "''" ? "”" : t.text == "`" ? "‘" : t.text;
    bool glue = glue_next || kNoSpaceBefore.count(t.text) > 0;
    // Clitics: "'s" "’re" ..., and "m" "s" "ll" ... after a token ending in
    // an apostrophe ("I'" "m": the corpus splits some contractions so).
    bool clitic = kClitics.count(t.text) > 0 ||
                  (kCliticTails.count(t.text) > 0 && prev_apostrophe);
    if (clitic) glue = true;
    prev_apostrophe = !t.text.empty() && (t.text.back() == '\'' ||
                                          (t.text.size() >= 3 && t.text.compare(t.text.size() - 3, 3, "’") == 0));
    glue_next = kNoSpaceAfter.count(t.text) > 0;
    if (t.text == "\"") {
      if (straight_open) glue = true;
      glue_next = !straight_open;
      straight_open = !straight_open;
    }
    if (!out.empty() && !glue) {
      out += ' ';
      ++cps;
    }
    size_t len = storyline::CodePointLength(shown);
    t.span = {cps, cps + len};
    out += shown;
    cps += len;
  }
  return out;
}

// ------------------------------------------------------------- scoring

// A quotation, gold or predicted, reduced to what is scored.
struct Quote {
  Span span;
  std::string kind;  // direct|partial|indirect
  // Gold: the speaker's fullest name (or a description when anonymous).
  // Predicted: speaker_name followed by every mention text of the
  // predicted speaker entity, so "he" resolved to e2 can match by e2's name.
  std::vector<std::string> names;
  std::string medium;      // instagram|x|statement|interview|... or ""
  bool anonymous = false;  // gold: no named speaker
  // Gold: a pronoun the text leaves unresolved between `candidates` (names
  // stays the pronoun as written); see SpeakerCorrect.
  bool unresolved = false;
  std::vector<std::string> candidates;
  bool has_entity = false;  // predicted: an entity id was given
};

struct Doc {
  std::string id;
  std::string text;
  std::vector<Quote> gold;
  std::vector<Quote> pred;
};

// Lower-cased ASCII word tokens of a name, without titles, articles,
// possessives and company suffixes ("Mr. Crosby's" -> {crosby}).
inline std::vector<std::string> NameTokens(const std::string& name) {
  static const std::set<std::string_view> kDrop = {
      "the", "a", "an", "mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "s", "inc", "co",
      "corp", "corporation", "ltd", "plc", "llc", "company", "herr", "frau"};
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && kDrop.count(cur) == 0) out.push_back(cur);
    cur.clear();
  };
  for (char ch : name) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || std::isalnum(c)) {
      cur += static_cast<char>(std::tolower(c));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// True when `word` is the initials of `name` ("gm" for general motors,
// "usaf" for united states air force), skipping "of" and "and".
inline bool IsAcronymOf(const std::string& word, const std::vector<std::string>& name) {
  // Two letters at least: single initials ("a") are too common to mean a name.
  constexpr size_t kMinAcronym = 2;
  std::string initials;
  for (const std::string& t : name) {
    if (t != "of" && t != "and" && t != "for") initials += t[0];
  }
  return word.size() >= kMinAcronym && name.size() >= kMinAcronym && word == initials;
}

// True when `a` and `b` name the same speaker: after NameTokens, the shorter
// token list is contained in the longer ("Crosby" ~ "Ralph D. Crosby Jr."),
// or is one word spelling the longer one's initials ("GM" ~ "General Motors").
// Pronouns never match: an unresolved "he" is not an attribution.
inline bool NamesMatch(const std::string& a, const std::string& b) {
  static const std::set<std::string_view> kPronouns = {"he", "she", "they", "it", "i", "we", "you",
                                                       "him", "her", "them", "er", "sie", "es"};
  std::vector<std::string> ta = NameTokens(a), tb = NameTokens(b);
  if (ta.empty() || tb.empty()) return false;
  if (ta.size() == 1 && kPronouns.count(ta[0])) return false;
  if (tb.size() == 1 && kPronouns.count(tb[0])) return false;
  if (ta.size() > tb.size()) std::swap(ta, tb);
  if (ta.size() == 1 && IsAcronymOf(ta[0], tb)) return true;
  std::multiset<std::string> big(tb.begin(), tb.end());
  for (const std::string& t : ta) {
    auto it = big.find(t);
    if (it == big.end()) return false;
    big.erase(it);
  }
  return true;
}

// Is the prediction's speaker the gold speaker? Anonymous gold speakers are
// right when the prediction names someone (a description) without an entity.
// An unresolved gold pronoun (two candidates fit) is right when the
// prediction stays unresolved too: no entity, and no name of a candidate.
inline bool SpeakerCorrect(const Quote& gold, const Quote& pred) {
  if (gold.anonymous) return !pred.has_entity && !pred.names.empty() && !pred.names[0].empty();
  if (gold.unresolved) {
    if (pred.has_entity) return false;
    for (const std::string& c : gold.candidates) {
      for (const std::string& p : pred.names) {
        if (NamesMatch(c, p)) return false;
      }
    }
    return true;
  }
  for (const std::string& g : gold.names) {
    for (const std::string& p : pred.names) {
      if (NamesMatch(g, p)) return true;
    }
  }
  return false;
}

// Span with enclosing quotation marks, spaces and trailing , . ; : removed,
// so that “Yes,” and Yes count as the same quotation for exact match (the
// marks and the comma before "she said" are convention, not content).
inline Span TrimSpan(const std::u32string& text, Span s) {
  auto is_mark = [](char32_t c) {
    return c == U'"' || c == U'\'' || c == U'`' || c == U'“' || c == U'”' || c == U'‘' || c == U'’' ||
           c == U'„' || c == U'‚' || c == U'«' || c == U'»' || c == U'‹' || c == U'›' || c == U' ' ||
           c == U'\n' || c == U'\t' || c == U'\u00A0';
  };
  auto is_tail = [](char32_t c) { return c == U',' || c == U'.' || c == U';' || c == U':'; };
  s.end = std::min(s.end, text.size());
  while (s.start < s.end && is_mark(text[s.start])) ++s.start;
  while (s.start < s.end && (is_mark(text[s.end - 1]) || is_tail(text[s.end - 1]))) --s.end;
  return s;
}

inline size_t Overlap(Span a, Span b) {
  size_t lo = std::max(a.start, b.start), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

// Counts behind one row of the table.
struct Counts {
  size_t gold = 0, pred = 0;
  size_t exact_gold = 0;        // gold quotes with a one-to-one exact (trimmed) match
  size_t exact_pred = 0;        // predictions with one
  size_t matched_gold = 0;      // gold quotes overlap-matched one-to-one
  size_t matched_pred = 0;      // predictions overlap-matched one-to-one
  size_t gold_cps = 0, pred_cps = 0;
  size_t gold_covered = 0;      // gold code points inside some prediction
  size_t pred_covered = 0;      // predicted code points inside some gold quote
  size_t attributed = 0;        // matched pairs with the right speaker
  size_t kind_right = 0;        // matched pairs with the gold kind
  size_t medium_gold = 0;       // matched pairs whose gold quote names a medium
  size_t medium_right = 0;      // ... and the prediction names the same one

  Counts& operator+=(const Counts& o) {
    gold += o.gold, pred += o.pred, exact_gold += o.exact_gold, exact_pred += o.exact_pred, matched_gold += o.matched_gold;
    matched_pred += o.matched_pred, gold_cps += o.gold_cps, pred_cps += o.pred_cps;
    gold_covered += o.gold_covered, pred_covered += o.pred_covered;
    attributed += o.attributed, kind_right += o.kind_right;
    medium_gold += o.medium_gold, medium_right += o.medium_right;
    return *this;
  }
};

inline double Ratio(size_t num, size_t den) { return den == 0 ? 0.0 : double(num) / double(den); }
inline double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

// The overlap matching: (gold, prediction) index pairs, one-to-one, by
// decreasing overlap (largest overlap wins). Exact pairs go first, so every
// exact match is also an overlap match (a clause-long prediction must not
// take a gold quote from the prediction that matches it exactly).
inline std::vector<std::pair<size_t, size_t>> MatchPairs(const std::u32string& text, const Doc& d) {
  std::vector<std::tuple<bool, size_t, size_t, size_t>> pairs;  // (exact, overlap, gi, pi)
  for (size_t gi = 0; gi < d.gold.size(); ++gi) {
    Span gs = TrimSpan(text, d.gold[gi].span);
    for (size_t pi = 0; pi < d.pred.size(); ++pi) {
      size_t o = Overlap(d.gold[gi].span, d.pred[pi].span);
      Span ps = TrimSpan(text, d.pred[pi].span);
      if (o > 0) pairs.emplace_back(ps.start == gs.start && ps.end == gs.end, o, gi, pi);
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) > std::tie(std::get<0>(b), std::get<1>(b));
  });
  std::vector<bool> gold_used(d.gold.size()), pred_used(d.pred.size());
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& [exact, o, gi, pi] : pairs) {
    if (gold_used[gi] || pred_used[pi]) continue;
    gold_used[gi] = pred_used[pi] = true;
    out.emplace_back(gi, pi);
  }
  return out;
}

// Scores of one document, keyed by kind ("" = all kinds). A gold quote's
// kind decides its recall row, a prediction's kind its precision row, so a
// quote found with the wrong kind still counts as found (kind accuracy is
// reported apart).
inline std::map<std::string, Counts> ScoreDoc(const Doc& d) {
  std::map<std::string, Counts> by_kind;
  std::u32string text = Decode(d.text);
  // The "all kinds" row and the kind's own row (once when kind is "").
  auto rows = [&](const std::string& kind) {
    std::vector<Counts*> r = {&by_kind[""]};
    if (!kind.empty()) r.push_back(&by_kind[kind]);
    return r;
  };
  for (const Quote& g : d.gold) {
    size_t covered = 0;
    // Predictions may overlap each other: count each gold code point once.
    std::vector<bool> hit(g.span.end - g.span.start, false);
    for (const Quote& p : d.pred) {
      for (size_t i = std::max(g.span.start, p.span.start); i < std::min(g.span.end, p.span.end); ++i) {
        hit[i - g.span.start] = true;
      }
    }
    covered = static_cast<size_t>(std::count(hit.begin(), hit.end(), true));
    for (Counts* c : rows(g.kind)) ++c->gold, c->gold_cps += g.span.end - g.span.start, c->gold_covered += covered;
  }
  for (const Quote& p : d.pred) {
    size_t len = p.span.end > p.span.start ? p.span.end - p.span.start : 0;
    size_t covered = 0;  // gold quotes never overlap each other (guideline)
    for (const Quote& g : d.gold) covered += Overlap(g.span, p.span);
    for (Counts* c : rows(p.kind)) ++c->pred, c->pred_cps += len, c->pred_covered += std::min(covered, len);
  }
  // Exact: trimmed spans equal, one-to-one.
  std::vector<bool> gold_used(d.gold.size()), pred_used(d.pred.size());
  for (size_t gi = 0; gi < d.gold.size(); ++gi) {
    Span gs = TrimSpan(text, d.gold[gi].span);
    for (size_t pi = 0; pi < d.pred.size(); ++pi) {
      Span ps = TrimSpan(text, d.pred[pi].span);
      if (pred_used[pi] || ps.start != gs.start || ps.end != gs.end) continue;
      pred_used[pi] = gold_used[gi] = true;
      for (Counts* c : rows(d.gold[gi].kind)) ++c->exact_gold;
      for (Counts* c : rows(d.pred[pi].kind)) ++c->exact_pred;
      break;
    }
  }
  for (const auto& [gi, pi] : MatchPairs(text, d)) {
    const Quote& g = d.gold[gi];
    const Quote& p = d.pred[pi];
    for (Counts* c : rows(g.kind)) {
      ++c->matched_gold;
      if (SpeakerCorrect(g, p)) ++c->attributed;
      if (g.kind == p.kind) ++c->kind_right;
      if (!g.medium.empty()) {
        ++c->medium_gold;
        if (g.medium == p.medium) ++c->medium_right;
      }
    }
    for (Counts* c : rows(p.kind)) ++c->matched_pred;
  }
  return by_kind;
}

// The figures of one row.
struct Figures {
  double exact_p = 0, exact_r = 0, exact_f = 0;
  double overlap_p = 0, overlap_r = 0, overlap_f = 0;  // count-based (any overlap)
  double share_p = 0, share_r = 0, share_f = 0;        // Citron code-point share
  double attribution = 0;                              // of overlap-matched gold
  double kind_accuracy = 0;
  double medium_accuracy = 0;  // of matched gold quotes that name a medium
};

inline Figures Compute(const Counts& c) {
  Figures f;
  f.exact_p = Ratio(c.exact_pred, c.pred), f.exact_r = Ratio(c.exact_gold, c.gold);
  f.exact_f = F1(f.exact_p, f.exact_r);
  f.overlap_p = Ratio(c.matched_pred, c.pred), f.overlap_r = Ratio(c.matched_gold, c.gold);
  f.overlap_f = F1(f.overlap_p, f.overlap_r);
  f.share_p = Ratio(c.pred_covered, c.pred_cps), f.share_r = Ratio(c.gold_covered, c.gold_cps);
  f.share_f = F1(f.share_p, f.share_r);
  f.attribution = Ratio(c.attributed, c.matched_gold);
  f.kind_accuracy = Ratio(c.kind_right, c.matched_gold);
  f.medium_accuracy = Ratio(c.medium_right, c.medium_gold);
  return f;
}

// Sums ScoreDoc over `docs`.
inline std::map<std::string, Counts> Score(const std::vector<Doc>& docs) {
  std::map<std::string, Counts> total;
  for (const Doc& d : docs) {
    for (const auto& [kind, c] : ScoreDoc(d)) total[kind] += c;
  }
  return total;
}

}  // namespace quote_score

#endif  // STORYLINE_TOOLS_QUOTE_SCORE_LIB_H_
