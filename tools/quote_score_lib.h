// quote_score_lib.h: the parts of tools/quote_score.cc that define the
// measure, kept apart so the definitions can be read in one place:
//   - Detokenize(): the one deterministic text reconstruction from tokens
//     (MEANTIME, LitBank), with the code-point span of every token;
//   - Score(): quotation span P/R/F1 (exact, overlap count, overlap share)
//     and attribution accuracy, overall and by kind;
//   - NamesMatch(): when a predicted speaker is the gold speaker;
//   - MentionKinds(): how the text names each gold speaker (name, pronoun,
//     description), for speaker accuracy by kind of mention.
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
  std::string cue;          // gold: the cue as written ("" if none)
  // Gold: how the text names the speaker at the cue, "name", "pronoun" or
  // "description" (MentionKinds); "" for predictions.
  std::string mention;
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

// ------------------------------------------------- kind of speaker mention

// The gold does not mark how the text names a speaker, so it is derived
// from the gold speaker, the gold cue and the text around the cue
// (eval/quotes/README.md, "Speaker accuracy by kind of mention"):
//   1. an `unresolved` speaker is a pronoun;
//   2. the cue is found: the occurrence of the gold cue (whole words, any
//      case) outside every gold quotation and nearest to this one, within
//      kCueWindow code points of it and with no sentence end (. ! ? before
//      a space, outside gold quotations) between the two;
//   3. the head of the speaker's mention is the word next to the cue on the
//      speaker's side: before the cue, the last word (skipping auxiliaries
//      and adverbs: "Smith also said"), or, when a comma-enclosed
//      apposition ends right before the cue ("Smith, a spokesman, said"),
//      the last word of the apposition and the last word before it; when no
//      word precedes the cue in its clause (`"...," said Ellis Varga`,
//      and always after "according to"), the last word of the phrase after
//      the cue, up to a comma, the clause's end, a preposition or relative
//      ("a spokesman for the facility") or a lower-case word after a
//      capitalised one ("Chris Weafer commenting"), a company suffix not
//      being the head ("said Apple Inc."); a relative pronoun before the cue
//      ("X, who argued that") gives way to its antecedent; a participle cue
//      (", adding that") or one after "and"/"but" (coordinated verbs) has
//      no subject of its own and goes to rule 5;
//   4. a head that is a personal pronoun makes a pronoun; a capitalised head
//      that is a word of the gold speaker's name (NameTokens) makes a name,
//      unless the gold speaker is anonymous; any other head ("spokeswoman",
//      "officials", "newspaper", "rep") makes a description;
//   5. a quotation with no cue or whose cue is not found (a quotation
//      continued after its attributed part, a transcript turn, a pull quote)
//      takes the kind of the nearest earlier gold quotation with the same
//      speaker, else of the nearest later one, else "name" for a named
//      speaker and "description" for an anonymous one.
// A transcript label (`MS. OKAFOR: ...`) falls under 5 and so counts with
// the speaker's other quotations.
namespace mention_detail {

// How far from a quotation its cue may be: an attribution sits in the
// quotation's own sentence, and news sentences run to about 200 code points.
constexpr size_t kCueWindow = 200;
// Words scanned on either side of the cue: a speaker's name with its title
// and an apposition ("Saints Head Coach Sean Payton") fits in eight.
constexpr size_t kMaxWords = 8;

struct Word {
  size_t start, end;
  std::u32string text;
};

inline bool IsWordChar(char32_t c) {
  return (c < 0x80 && (std::isalnum(static_cast<int>(c)) || c == U'-' || c == U'\'')) ||
         (c >= 0xC0 && c != U'“' && c != U'”' && c != U'‘' && c != U'’' && c != U'–' && c != U'—' &&
          c != U'…' && c != U'«' && c != U'»' && c != U'„');
}

inline std::string Lower(const std::u32string& w) {
  std::string out;
  for (char32_t c : w) out += c < 0x80 ? static_cast<char>(std::tolower(static_cast<int>(c))) : '?';
  return out;
}

// Words and the punctuation between them; a possessive 's ends its word
// ("company's" -> "company"), so the head of "Halvorsen's spokeswoman" is
// "spokeswoman".
inline std::vector<Word> Words(const std::u32string& t, size_t from, size_t to) {
  std::vector<Word> out;
  for (size_t i = from; i < to;) {
    if (IsWordChar(t[i]) && t[i] != U'\'' && t[i] != U'-') {
      size_t j = i;
      while (j < to && IsWordChar(t[j])) ++j;
      std::u32string w = t.substr(i, j - i);
      if (w.size() > 2 && (w.substr(w.size() - 2) == U"'s")) w.resize(w.size() - 2);
      out.push_back({i, j, w});
      i = j;
    } else if (t[i] == U'’' && i + 1 < to && (t[i + 1] == U's') && !out.empty() && out.back().end == i) {
      i += 2;  // possessive with a curly apostrophe
    } else {
      if (t[i] != U' ' && t[i] != U'\n') out.push_back({i, i + 1, std::u32string(1, t[i])});
      ++i;
    }
  }
  return out;
}

inline bool IsWord(const Word& w) { return !w.text.empty() && IsWordChar(w.text[0]); }

inline bool IsPronoun(const std::string& w) {
  static const std::set<std::string_view> k = {"he", "she", "they", "it", "we", "i", "you"};
  return k.count(w) > 0;
}

// Words between a speaker and its cue that are neither ("Smith also said",
// "police have said", "Jones later told").
inline bool IsSkippable(const std::string& w) {
  static const std::set<std::string_view> k = {
      "also",  "later", "then",   "has",    "had",   "have",   "was",    "were",     "is",
      "are",   "would", "will",   "had",    "never", "once",   "still",  "earlier",  "further",
      "again", "not",   "did",    "does",   "do",    "may",    "could",  "has",      "first",
      "just",  "only",  "today",  "yesterday", "previously", "reportedly", "repeatedly", "simply", "quietly"};
  return k.count(w) > 0 || (w.size() > 4 && w.substr(w.size() - 2) == "ly");
}

// Abbreviated titles whose period ends no sentence.
inline bool IsAbbreviation(const std::string& w) {
  static const std::set<std::string_view> k = {"mr",   "mrs",  "ms",   "dr",  "sgt", "lt",  "capt", "cpl",
                                               "const", "det", "insp", "supt", "gov", "rep", "sen",  "gen",
                                               "col",  "maj",  "prof", "rev", "st",  "adm", "vice"};
  return k.count(w) > 0;
}

// Words that end a speaker's phrase after an inverted cue.
inline bool IsPhraseEnd(const std::string& w) {
  static const std::set<std::string_view> k = {"of",   "for",   "at",     "in",    "on",  "with", "from",
                                               "to",   "during", "after", "before", "when", "who", "which",
                                               "that", "as",    "and",    "about", "by"};
  return k.count(w) > 0;
}

inline bool IsCapitalised(const Word& w) {
  return !w.text.empty() && (w.text[0] >= 0x80 || std::isupper(static_cast<int>(w.text[0])) != 0);
}

inline bool IsClauseEnd(const Word& w) {
  return w.text == U"." || w.text == U"!" || w.text == U"?" || w.text == U";" || w.text == U":";
}

}  // namespace mention_detail

// One gold quotation's mention kind by rules 1-4 above; "" when rule 5
// applies. `gold` is sorted by start; `i` indexes it.
inline std::string MentionAtCue(const std::u32string& t, const std::vector<Quote>& gold, size_t i) {
  using namespace mention_detail;
  const Quote& q = gold[i];
  if (q.unresolved) return "pronoun";
  if (q.cue.empty()) return "";
  auto inside_gold = [&](size_t pos) {
    for (const Quote& g : gold) {
      if (pos >= g.span.start && pos < g.span.end) return true;
    }
    return false;
  };
  // Rule 2: the nearest occurrence of the cue outside gold quotations.
  std::u32string cue;
  for (char c : q.cue) cue += static_cast<char32_t>(std::tolower(static_cast<unsigned char>(c)));
  size_t lo = q.span.start > kCueWindow ? q.span.start - kCueWindow : 0;
  size_t hi = std::min(t.size(), q.span.end + kCueWindow);
  size_t best = std::u32string::npos, best_dist = std::u32string::npos;
  for (size_t p = lo; p + cue.size() <= hi; ++p) {
    bool eq = true;
    for (size_t k = 0; k < cue.size() && eq; ++k) {
      char32_t c = t[p + k];
      if (c < 0x80) c = static_cast<char32_t>(std::tolower(static_cast<int>(c)));
      eq = c == cue[k];
    }
    if (!eq || inside_gold(p)) continue;
    if (p > 0 && IsWordChar(t[p - 1])) continue;
    if (p + cue.size() < t.size() && IsWordChar(t[p + cue.size()])) continue;
    // The cue of this quotation is in its sentence: no sentence end outside
    // gold quotations between the two.
    size_t gap_lo = p < q.span.start ? p + cue.size() : q.span.end, gap_hi = p < q.span.start ? q.span.start : p;
    bool crosses = false;
    for (size_t g = gap_lo; g < gap_hi && !crosses; ++g) {
      crosses = (t[g] == U'.' || t[g] == U'!' || t[g] == U'?') && !inside_gold(g) && g + 1 < t.size() &&
                (t[g + 1] == U' ' || t[g + 1] == U'\n');
    }
    if (crosses) continue;
    size_t dist = p < q.span.start ? q.span.start - p : p >= q.span.end ? p - q.span.end : 0;
    if (dist < best_dist) best = p, best_dist = dist;
  }
  if (best == std::u32string::npos) return "";
  // Rule 3: the words before the cue back to a clause end or a quotation,
  // and the phrase after it up to a comma, a clause end or a quotation.
  std::vector<Word> before = Words(t, lo, best), after = Words(t, best + cue.size(), hi);
  std::vector<Word> pre, post;
  for (size_t k = before.size(); k-- > 0 && pre.size() < 3 * kMaxWords;) {
    if (IsClauseEnd(before[k]) || inside_gold(before[k].start) || before[k].text == U"“" ||
        before[k].text == U"”" || before[k].text == U"\"") {
      break;
    }
    pre.insert(pre.begin(), before[k]);
  }
  for (size_t a = 0; a < after.size(); ++a) {
    const Word& w = after[a];
    // "Sgt. Marty Earley": an abbreviated title's period ends no phrase.
    if (w.text == U"." && !post.empty() && IsAbbreviation(Lower(post.back().text))) continue;
    if (post.size() >= kMaxWords || IsClauseEnd(w) || w.text == U"," || inside_gold(w.start) || !IsWord(w)) break;
    // The phrase ends before a preposition or relative ("a spokesman for
    // the facility", "Larry Kroon of the church") and before a lower-case
    // word after a capitalised one ("Chris Weafer commenting").
    std::string lw = Lower(w.text);
    bool lower = w.text[0] < 0x80 && std::islower(static_cast<int>(w.text[0]));
    if (!post.empty() && IsPhraseEnd(lw)) break;
    if (!post.empty() && lower && IsCapitalised(post.back())) break;
    post.push_back(w);
  }
  std::vector<const Word*> heads;
  // "according to X": the speaker always follows.
  if (q.cue.size() >= 9 && Lower(cue.substr(0, 9)) == "according") pre.clear();
  size_t k = pre.size();
  while (k > 0 && IsWord(pre[k - 1]) && IsSkippable(Lower(pre[k - 1].text))) --k;
  // ", adding that ...": a participle's speaker is the clause's subject,
  // named elsewhere (rule 5).
  bool participle = cue.size() > 3 && cue.substr(cue.size() - 3) == U"ing";
  if (participle) return "";
  // "Jobs welcomed them and announced that": the subject is further back
  // (rule 5).
  if (k > 0 && (Lower(pre[k - 1].text) == "and" || Lower(pre[k - 1].text) == "but")) return "";
  // "Phil Okafor-Reyes, who argued that": the relative's antecedent.
  if (k > 0 && (Lower(pre[k - 1].text) == "who" || Lower(pre[k - 1].text) == "which")) {
    --k;
    if (k > 0 && pre[k - 1].text == U",") --k;
    if (k == 0 || !IsWord(pre[k - 1])) return "";
  }
  if (k > 0 && pre[k - 1].text == U",") {
    // An apposition before the cue: its last word, and the word before it.
    size_t j = k - 1;
    while (j > 0 && pre[j - 1].text != U",") --j;
    if (k >= 2 && IsWord(pre[k - 2])) heads.push_back(&pre[k - 2]);
    if (j >= 2 && IsWord(pre[j - 2])) heads.push_back(&pre[j - 2]);
  } else if (k > 0 && IsWord(pre[k - 1])) {
    heads.push_back(&pre[k - 1]);
  }
  if (heads.empty() && !post.empty()) {
    // "said Apple Inc.": a company suffix is not the head.
    size_t h = post.size() - 1;
    static const std::set<std::string_view> kSuffix = {"inc", "corp", "co", "ltd", "plc", "llc", "jr", "sr"};
    if (h > 0 && kSuffix.count(Lower(post[h].text))) --h;
    heads.push_back(&post[h]);
  }
  if (heads.empty()) return "";
  // Rule 4.
  std::string gold_name = q.names.empty() ? "" : q.names[0];
  std::vector<std::string> name = NameTokens(gold_name), raw;
  for (const Word& w : Words(Decode(gold_name), 0, Decode(gold_name).size())) raw.push_back(Lower(w.text));
  bool named = false, pronoun = false;
  for (const Word* h : heads) {
    std::string w = Lower(h->text);
    if (IsPronoun(w) && h == heads.front()) pronoun = true;
    bool capital = h->text[0] < 0x80 ? std::isupper(static_cast<int>(h->text[0])) != 0 : true;
    bool in_name = std::find(name.begin(), name.end(), w) != name.end() ||
                   std::find(raw.begin(), raw.end(), w) != raw.end() || IsAcronymOf(w, name);
    if (!q.anonymous && capital && in_name) named = true;
  }
  if (named) return "name";
  if (pronoun) return "pronoun";
  return "description";
}

// The mention kind of every gold quotation of one article (rules 1-5).
// REQUIRES: `gold` sorted by span start.
inline std::vector<std::string> MentionKinds(const std::u32string& text, const std::vector<Quote>& gold) {
  std::vector<std::string> out(gold.size());
  for (size_t i = 0; i < gold.size(); ++i) out[i] = MentionAtCue(text, gold, i);
  auto same = [&](size_t a, size_t b) { return gold[a].names == gold[b].names; };
  std::vector<std::string> at_cue = out;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (!out[i].empty()) continue;
    for (size_t j = i; j-- > 0 && out[i].empty();) {
      if (same(i, j) && !at_cue[j].empty()) out[i] = at_cue[j];
    }
    for (size_t j = i + 1; j < gold.size() && out[i].empty(); ++j) {
      if (same(i, j) && !at_cue[j].empty()) out[i] = at_cue[j];
    }
    if (out[i].empty()) out[i] = gold[i].anonymous ? "description" : "name";
  }
  return out;
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
  // Matched pairs and those with the right speaker, by the gold speaker's
  // mention kind (Quote::mention: "name", "pronoun", "description").
  std::map<std::string, std::pair<size_t, size_t>> by_mention;

  Counts& operator+=(const Counts& o) {
    gold += o.gold, pred += o.pred, exact_gold += o.exact_gold, exact_pred += o.exact_pred, matched_gold += o.matched_gold;
    matched_pred += o.matched_pred, gold_cps += o.gold_cps, pred_cps += o.pred_cps;
    gold_covered += o.gold_covered, pred_covered += o.pred_covered;
    attributed += o.attributed, kind_right += o.kind_right;
    medium_gold += o.medium_gold, medium_right += o.medium_right;
    for (const auto& [m, n] : o.by_mention) {
      by_mention[m].first += n.first;
      by_mention[m].second += n.second;
    }
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
      bool right = SpeakerCorrect(g, p);
      if (right) ++c->attributed;
      if (!g.mention.empty()) {
        auto& m = c->by_mention[g.mention];
        ++m.first;
        if (right) ++m.second;
      }
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
