#include "stories/quote_groups.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "stories/text_features.h"
#include "stories/view_util.h"

namespace storyline::stories {
namespace {

// Smith-Waterman scores: a match outweighs one dropped or changed word, so
// "I have zero relationship" aligns with "have zero relationship" and with
// "I have no relationship", while scattered common words do not chain up.
constexpr int kMatchScore = 2;
constexpr int kMismatchScore = -1;
constexpr int kGapScore = -1;

// A partial quotation joins a longer one when the alignment covers this
// share of its tokens and at least this many tokens: three words is a
// phrase ("not their spokesperson"), fewer is a word anyone may use.
constexpr double kMinContainment = 0.75;
constexpr size_t kMinContainedTokens = 3;
// Two long quotations that overlap only in part (each trimmed differently)
// are one when the alignment covers this share of both.
constexpr double kMinDice = 0.6;
// A longer quotation beside a short partial one backs the short one's
// match when this share of its words is in the same quotation (an outlet
// may reword a partial quotation: "simple, in cash" for "simple, it is
// cash").
constexpr double kMinSiblingContainment = 0.5;
// Indirect speech paraphrases: it joins only when nearly every token of the
// shorter side is aligned and the shared run is a real phrase.
constexpr double kMinIndirectContainment = 0.9;
constexpr size_t kMinIndirectTokens = 4;
constexpr double kMinIndirectDice = 0.8;
// A partial quotation too short to join by alignment ("tried everything",
// "heartbroken") joins a quotation holding its words in a row when the two
// have one speaker, or when another quotation of its speaker this close to
// it (code points: one sentence, "was "heartbroken" and that her crew were
// "my family"") is in that quotation too.
constexpr size_t kSiblingReach = 160;

// Quotations aligned against each new one, those sharing the most content
// words first: a statement is rarely quoted more than a few dozen times in
// one story, and the cap keeps grouping linear in the story's size.
constexpr size_t kMaxCandidates = 64;

bool IsApostrophe(std::string_view s, size_t i, size_t* len) {
  if (s[i] == '\'') {
    *len = 1;
    return true;
  }
  // U+2019 RIGHT SINGLE QUOTATION MARK, U+02BC MODIFIER LETTER APOSTROPHE
  if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
    *len = 3;
    return true;
  }
  if (s.compare(i, 2, "\xCA\xBC") == 0) {
    *len = 2;
    return true;
  }
  return false;
}

std::string WithoutApostrophes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    if (IsApostrophe(s, i, &len)) {
      i += len;
      continue;
    }
    out += s[i++];
  }
  return out;
}

int KindRank(const std::string& kind) {
  if (kind == "direct") return 0;
  if (kind == "partial") return 1;
  return 2;
}

bool Balanced(std::string_view s) {
  int round = 0, square = 0, straight = 0, curly = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    switch (s[i]) {
      case '(': ++round; break;
      case ')': if (--round < 0) return false; break;
      case '[': ++square; break;
      case ']': if (--square < 0) return false; break;
      case '"': ++straight; break;
      default: break;
    }
    if (s.compare(i, 3, "\xE2\x80\x9C") == 0) ++curly;  // U+201C
    if (s.compare(i, 3, "\xE2\x80\x9D") == 0 && --curly < 0) return false;  // U+201D
  }
  return round == 0 && square == 0 && curly == 0 && straight % 2 == 0;
}

bool WellFormed(const std::string& text) {
  const std::vector<WordToken> tokens = Tokenize(text);
  if (tokens.empty()) return false;
  const WordToken& first = tokens.front();
  // Only white space or an opening quote mark before the first word.
  const std::string lead = TrimWhitespace(std::string_view(text).substr(0, first.begin));
  if (!lead.empty() && lead != "\"" && lead != "'" && lead != "\xE2\x80\x9C" &&
      lead != "\xE2\x80\x98") {
    return false;
  }
  const bool opens = first.capitalised || (!text.empty() && text[first.begin] >= '0' &&
                                           text[first.begin] <= '9');
  return opens && Balanced(text);
}

// True when `part` occurs in `whole` as a run of tokens.
bool ContainsRun(const std::vector<std::string>& whole, const std::vector<std::string>& part) {
  return !part.empty() && std::search(whole.begin(), whole.end(), part.begin(), part.end()) != whole.end();
}

// The last word of a speaker name, case-folded ("Petrie" for "Alun
// Petrie"): outlets give a speaker in full or by surname.
std::string Surname(const std::string& name) {
  const std::vector<WordToken> words = Tokenize(name);
  return words.empty() ? std::string() : words.back().folded;
}

}  // namespace

std::vector<std::string> QuoteTokens(std::string_view text) {
  std::vector<std::string> out;
  for (const WordToken& t : Tokenize(text)) {
    std::string w = WithoutApostrophes(t.folded);
    if (!w.empty()) out.push_back(std::move(w));
  }
  return out;
}

namespace {

// Outlets reword a quotation's verbs ("fundamentally disagrees" /
// "fundamentally disagreed"): words are compared by their stems.
std::vector<std::string> Stems(std::vector<std::string> tokens) {
  for (std::string& t : tokens) t = Stem(t);
  return tokens;
}

}  // namespace

QuoteAlignment AlignQuotes(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  QuoteAlignment al;
  al.shorter = std::min(a.size(), b.size());
  al.longer = std::max(a.size(), b.size());
  if (al.shorter == 0) return al;
  // Two rows of (score, matches so far); the best cell's match count is
  // the number of aligned equal tokens.
  struct Cell {
    int score = 0;
    size_t matches = 0;
  };
  std::vector<Cell> prev(b.size() + 1), cur(b.size() + 1);
  Cell best;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = {};
    for (size_t j = 1; j <= b.size(); ++j) {
      const bool eq = a[i - 1] == b[j - 1];
      Cell c;
      const Cell diag{prev[j - 1].score + (eq ? kMatchScore : kMismatchScore),
                      prev[j - 1].matches + (eq ? 1 : 0)};
      if (diag.score > c.score) c = diag;
      if (prev[j].score + kGapScore > c.score) c = {prev[j].score + kGapScore, prev[j].matches};
      if (cur[j - 1].score + kGapScore > c.score) {
        c = {cur[j - 1].score + kGapScore, cur[j - 1].matches};
      }
      cur[j] = c;
      if (c.score > best.score || (c.score == best.score && c.matches > best.matches)) best = c;
    }
    std::swap(prev, cur);
  }
  al.matched = best.matches;
  al.containment = static_cast<double>(al.matched) / static_cast<double>(al.shorter);
  al.dice = 2.0 * static_cast<double>(al.matched) / static_cast<double>(al.shorter + al.longer);
  return al;
}

bool SameQuotation(const QuoteAlignment& al, const std::string& kind_a,
                   const std::string& kind_b) {
  if (al.shorter == 0) return false;
  // The same words exactly: the same quotation, however short.
  if (al.matched == al.shorter && al.shorter == al.longer) return true;
  if (kind_a == "indirect" || kind_b == "indirect") {
    return (al.matched >= kMinIndirectTokens && al.containment >= kMinIndirectContainment) ||
           al.dice >= kMinIndirectDice;
  }
  return (al.matched >= kMinContainedTokens && al.containment >= kMinContainment) ||
         (al.matched >= kMinContainedTokens && al.dice >= kMinDice);
}

std::vector<std::vector<QuoteRef>> GroupQuotes(
    const std::vector<const AnnotatedArticle*>& members) {
  struct Item {
    QuoteRef ref;
    std::vector<std::string> tokens;
    std::unordered_set<std::string> distinct;
    const Quote* quote;
    const std::string* kind;
    std::string exact_key = {};
    std::string surname = {};  // of the speaker, "" when unknown
  };
  std::vector<Item> items;
  for (size_t ai = 0; ai < members.size(); ++ai) {
    std::vector<size_t> order(members[ai]->quotes.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    const std::vector<Quote>& quotes = members[ai]->quotes;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      return quotes[x].span.start < quotes[y].span.start;
    });
    for (size_t qi : order) {
      Item it{{ai, qi}, Stems(QuoteTokens(quotes[qi].text)), {}, &quotes[qi], &quotes[qi].kind};
      it.distinct.insert(it.tokens.begin(), it.tokens.end());
      it.surname = Surname(quotes[qi].speaker_name);
      items.push_back(std::move(it));
    }
  }
  // Candidates share a content word (or are the same words exactly), found
  // through an inverted index so a story with thousands of quotations does
  // not align every pair.
  std::unordered_map<std::string, std::vector<size_t>> postings;
  std::unordered_map<std::string, std::vector<size_t>> exact;
  for (size_t i = 0; i < items.size(); ++i) {
    for (const std::string& t : items[i].distinct) {
      if (!IsStopWord(t)) postings[t].push_back(i);
    }
    std::string key;
    for (const std::string& t : items[i].tokens) key.append(t).push_back(' ');
    exact[key].push_back(i);
    items[i].exact_key = std::move(key);
  }
  // Longest quotations first, so the fullest wording of a statement seeds
  // its group and the trimmed or split versions of it join that group. Each
  // quotation joins the group holding its best match (single link), or
  // starts a group; groups never merge, so one vague quotation cannot chain
  // two different statements together.
  std::vector<size_t> by_length(items.size());
  for (size_t i = 0; i < by_length.size(); ++i) by_length[i] = i;
  std::stable_sort(by_length.begin(), by_length.end(), [&](size_t x, size_t y) {
    return items[x].tokens.size() > items[y].tokens.size();
  });
  constexpr size_t kUnassigned = SIZE_MAX;
  std::vector<size_t> group_of(items.size(), kUnassigned);
  std::vector<std::vector<size_t>> groups;
  // True when item `k` (of item `i`'s article and speaker) is in item `j`
  // too: a short one as a run of its words, a longer one aligned.
  const auto in_quotation = [&](size_t k, size_t j) {
    if (items[k].tokens.size() < kMinContainedTokens) return ContainsRun(items[j].tokens, items[k].tokens);
    const QuoteAlignment al = AlignQuotes(items[k].tokens, items[j].tokens);
    return al.matched >= kMinContainedTokens && al.containment >= kMinSiblingContainment;
  };
  const auto sibling_in = [&](size_t i, size_t j) {
    const Item& a = items[i];
    for (size_t k = 0; k < items.size(); ++k) {
      const Item& b = items[k];
      if (k == i || b.ref.article != a.ref.article || b.surname != a.surname || *b.kind == "indirect") continue;
      const Span x = a.quote->span, y = b.quote->span;
      const size_t gap = x.start < y.start ? (y.start > x.end ? y.start - x.end : 0)
                                           : (x.start > y.end ? x.start - y.end : 0);
      if (gap <= kSiblingReach && in_quotation(k, j)) return true;
    }
    return false;
  };
  // The one group a short partial quotation joins (see kSiblingReach);
  // kUnassigned when none, or when quotations of several groups fit.
  const auto ShortPartialGroup = [&](size_t i, const std::vector<std::pair<size_t, size_t>>& candidates) {
    const Item& a = items[i];
    const bool content = std::any_of(a.tokens.begin(), a.tokens.end(),
                                     [](const std::string& t) { return !IsStopWord(t); });
    if (*a.kind != "partial" || a.tokens.size() >= kMinContainedTokens || !content || a.surname.empty()) {
      return kUnassigned;
    }
    size_t found = kUnassigned;
    for (const auto& [j, n] : candidates) {
      if (group_of[j] == found || !ContainsRun(items[j].tokens, a.tokens)) continue;
      if (items[j].surname != a.surname && !sibling_in(i, j)) continue;
      if (found != kUnassigned) return kUnassigned;  // two statements hold these words
      found = group_of[j];
    }
    return found;
  };
  for (size_t i : by_length) {
    std::unordered_map<size_t, size_t> shared;  // earlier item -> content words in common
    for (const std::string& t : items[i].distinct) {
      auto it = postings.find(t);
      if (it == postings.end()) continue;
      for (size_t j : it->second) {
        if (group_of[j] != kUnassigned) ++shared[j];
      }
    }
    for (size_t j : exact[items[i].exact_key]) {
      if (group_of[j] != kUnassigned) shared.try_emplace(j, 0);
    }
    std::vector<std::pair<size_t, size_t>> candidates(shared.begin(), shared.end());
    std::sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    if (candidates.size() > kMaxCandidates) candidates.resize(kMaxCandidates);
    size_t best_group = kUnassigned;
    double best_score = 0;
    for (const auto& [j, n] : candidates) {
      const QuoteAlignment al = AlignQuotes(items[i].tokens, items[j].tokens);
      if (!SameQuotation(al, *items[i].kind, *items[j].kind)) continue;
      const double score = al.containment + al.dice;
      if (score > best_score || (score == best_score && group_of[j] < best_group)) {
        best_score = score;
        best_group = group_of[j];
      }
    }
    if (best_group == kUnassigned) best_group = ShortPartialGroup(i, candidates);
    if (best_group == kUnassigned) {
      best_group = groups.size();
      groups.emplace_back();
    }
    group_of[i] = best_group;
    groups[best_group].push_back(i);
  }
  // Report order: occurrences in publication and text order (the item
  // order), groups by their first occurrence.
  for (std::vector<size_t>& g : groups) std::sort(g.begin(), g.end());
  std::sort(groups.begin(), groups.end());
  std::vector<std::vector<QuoteRef>> out;
  out.reserve(groups.size());
  for (const std::vector<size_t>& g : groups) {
    std::vector<QuoteRef> refs;
    for (size_t i : g) refs.push_back(items[i].ref);
    out.push_back(std::move(refs));
  }
  return out;
}

std::string CanonicalQuoteText(const std::vector<const Quote*>& occurrences) {
  const Quote* best = nullptr;
  bool best_formed = false;
  size_t best_len = 0;
  for (const Quote* q : occurrences) {
    const bool formed = WellFormed(q->text);
    const size_t len = CountCodePoints(q->text);
    if (best != nullptr) {
      if (formed != best_formed) {
        if (!formed) continue;
      } else if (KindRank(q->kind) != KindRank(best->kind)) {
        if (KindRank(q->kind) > KindRank(best->kind)) continue;
      } else if (len <= best_len) {
        continue;
      }
    }
    best = q;
    best_formed = formed;
    best_len = len;
  }
  return best == nullptr ? std::string() : TrimWhitespace(best->text);
}

}  // namespace storyline::stories
