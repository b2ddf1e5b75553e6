// What the Markdown and HTML briefs compute before printing: outlet counts,
// claim order, alias kinds, word differences between quote wordings.
//
// Word comparison works on a key per word: ASCII letters lowered, ASCII and
// typographic punctuation dropped, so re-punctuated or re-cased wordings
// ("Don't," and "don’t") count as the same word and only real changes are
// highlighted. Non-ASCII letters are compared as written.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "render/render_internal.h"

namespace storyline::render {
namespace {

// Beyond this many canonical x occurrence word pairs (two quotes of ~500
// words) the comparison table would take megabytes; such a quotation is not
// read word by word, so it is shown without marks.
constexpr size_t kMaxDiffCells = size_t{1} << 18;

// Words that prefix a name without being part of it ("Ms. Quell").
constexpr std::string_view kHonorifics[] = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir",
                                            "dame", "lord", "lady", "the"};

bool IsAsciiSpace(char ch) {
  return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v';
}

bool IsAsciiAlnum(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

// Length of the UTF-8 sequence starting with `lead` (1 for invalid bytes).
size_t Utf8Length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

// Typographic punctuation printed around and inside quoted words: curly
// quotes, dashes, ellipsis, guillemets, primes, no-break space.
bool IsTypographicPunct(std::string_view seq) {
  static constexpr std::string_view kPunct[] = {
      "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9A", "\xE2\x80\x9B", "\xE2\x80\x9C",
      "\xE2\x80\x9D", "\xE2\x80\x9E", "\xE2\x80\x9F", "\xE2\x80\x90", "\xE2\x80\x91",
      "\xE2\x80\x92", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x95", "\xE2\x80\xA6",
      "\xC2\xAB",     "\xC2\xBB",     "\xE2\x80\xB2", "\xE2\x80\xB3", "\xC2\xA0"};
  return std::find(std::begin(kPunct), std::end(kPunct), seq) != std::end(kPunct);
}

struct Word {
  std::string_view text;   // points into the string being split
  std::string_view space;  // whitespace before it
  std::string key;         // "" for punctuation-only words
};

// Splits `s` at ASCII whitespace. The views point into `s`.
std::vector<Word> SplitWords(std::string_view s) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < s.size()) {
    const size_t space_start = i;
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    if (i == s.size()) break;
    const size_t start = i;
    while (i < s.size() && !IsAsciiSpace(s[i])) ++i;
    const std::string_view text = s.substr(start, i - start);
    words.push_back({text, s.substr(space_start, start - space_start), WordKey(text)});
  }
  return words;
}

// The words of a name, possessive "'s" and honorifics removed.
std::vector<std::string> NameKeys(const std::string& name) {
  std::vector<std::string> keys;
  std::string spaced = name;
  std::replace(spaced.begin(), spaced.end(), '-', ' ');
  for (const Word& w : SplitWords(spaced)) {
    std::string_view t = w.text;
    for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
      if (t.size() > suffix.size() && t.substr(t.size() - suffix.size()) == suffix) {
        t.remove_suffix(suffix.size());
      }
    }
    std::string key = WordKey(t);
    if (key.empty()) continue;
    if (std::find(std::begin(kHonorifics), std::end(kHonorifics), key) != std::end(kHonorifics)) {
      continue;
    }
    keys.push_back(std::move(key));
  }
  return keys;
}

// Matched (canonical index, wording index) pairs of a longest common
// subsequence over non-empty keys, in increasing order.
std::vector<std::pair<size_t, size_t>> AlignWords(const std::vector<Word>& a,
                                                  const std::vector<Word>& b) {
  const size_t n = a.size(), m = b.size();
  std::vector<uint32_t> len((n + 1) * (m + 1), 0);
  auto at = [m](size_t i, size_t j) { return i * (m + 1) + j; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      len[at(i, j)] = (!a[i].key.empty() && a[i].key == b[j].key)
                          ? len[at(i + 1, j + 1)] + 1
                          : std::max(len[at(i + 1, j)], len[at(i, j + 1)]);
    }
  }
  std::vector<std::pair<size_t, size_t>> pairs;
  size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (!a[i].key.empty() && a[i].key == b[j].key) {
      pairs.emplace_back(i++, j++);
    } else if (len[at(i + 1, j)] >= len[at(i, j + 1)]) {
      ++i;
    } else {
      ++j;
    }
  }
  return pairs;
}

// True when no word with a key lies strictly between positions `from` and `to`.
bool Adjacent(const std::vector<Word>& words, size_t from, size_t to) {
  for (size_t k = from + 1; k < to; ++k) {
    if (!words[k].key.empty()) return false;
  }
  return true;
}

// Drops matches that stand alone: a lone "I" or "the" shared by two
// otherwise different passages is chance, and marking around it would show
// unrelated words as dropped. A match is kept when the word next to it, on
// either side, matches too (or when either wording is a single word).
std::vector<std::pair<size_t, size_t>> KeepRuns(const std::vector<std::pair<size_t, size_t>>& pairs,
                                                const std::vector<Word>& a,
                                                const std::vector<Word>& b) {
  auto keyed = [](const std::vector<Word>& w) {
    return std::count_if(w.begin(), w.end(), [](const Word& x) { return !x.key.empty(); });
  };
  if (keyed(a) <= 1 || keyed(b) <= 1) return pairs;
  auto follows = [&](const std::pair<size_t, size_t>& x, const std::pair<size_t, size_t>& y) {
    return Adjacent(a, x.first, y.first) && Adjacent(b, x.second, y.second);
  };
  std::vector<std::pair<size_t, size_t>> kept;
  for (size_t k = 0; k < pairs.size(); ++k) {
    const bool with_previous = k > 0 && follows(pairs[k - 1], pairs[k]);
    const bool with_next = k + 1 < pairs.size() && follows(pairs[k], pairs[k + 1]);
    if (with_previous || with_next) kept.push_back(pairs[k]);
  }
  return kept;
}

std::string JoinedWords(const std::vector<Word>& words, size_t from, size_t to) {
  std::string out;
  for (size_t k = from; k < to; ++k) {
    if (words[k].key.empty()) continue;
    if (!out.empty()) out += ' ';
    out += words[k].text;
  }
  return out;
}

}  // namespace

std::string WordKey(std::string_view word) {
  if (word == "&") return "and";  // "&" and "and" are one word re-typeset
  std::string key;
  for (size_t i = 0; i < word.size();) {
    const size_t len = std::min(Utf8Length(static_cast<unsigned char>(word[i])), word.size() - i);
    const std::string_view seq = word.substr(i, len);
    i += len;
    if (len == 1) {
      const char ch = seq[0];
      if (IsAsciiAlnum(ch)) {
        key.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
      } else if (static_cast<unsigned char>(ch) >= 0x80) {
        key.push_back(ch);  // a stray byte is compared as written
      }
      continue;
    }
    if (!IsTypographicPunct(seq)) key.append(seq);
  }
  return key;
}

std::vector<DiffPiece> DiffWords(const std::string& canonical, const std::string& wording) {
  const std::vector<Word> a = SplitWords(canonical);
  const std::vector<Word> b = SplitWords(wording);
  std::vector<DiffPiece> pieces;
  pieces.reserve(b.size());
  const bool comparable = !a.empty() && !b.empty() && a.size() * b.size() <= kMaxDiffCells;
  if (!comparable || canonical == wording) {
    for (const Word& w : b) pieces.push_back({DiffKind::kSame, std::string(w.text), std::string(w.space)});
    return pieces;
  }
  const std::vector<std::pair<size_t, size_t>> pairs = KeepRuns(AlignWords(a, b), a, b);
  size_t next_pair = 0;
  bool matched_before = false;
  size_t last_canonical = 0;  // one past the canonical word matched last
  for (size_t j = 0; j < b.size(); ++j) {
    const bool matched = next_pair < pairs.size() && pairs[next_pair].second == j;
    if (!matched) {
      pieces.push_back({b[j].key.empty() ? DiffKind::kSame : DiffKind::kAdded,
                        std::string(b[j].text), std::string(b[j].space)});
      continue;
    }
    const size_t i = pairs[next_pair++].first;
    // Canonical words skipped between two matched words were left out of
    // this wording; words trimmed before the first match are only a shorter
    // excerpt and are not listed.
    if (matched_before) {
      std::string dropped = JoinedWords(a, last_canonical, i);
      if (!dropped.empty()) pieces.push_back({DiffKind::kDropped, std::move(dropped), " "});
    }
    pieces.push_back({DiffKind::kSame, std::string(b[j].text), std::string(b[j].space)});
    matched_before = true;
    last_canonical = i + 1;
  }
  return pieces;
}

std::vector<AliasView> OtherAliases(const BriefEntity& entity) {
  const std::vector<std::string> name_keys = NameKeys(entity.name);
  const std::unordered_set<std::string> in_name(name_keys.begin(), name_keys.end());
  std::vector<AliasView> out;
  for (const std::string& alias : entity.aliases) {
    if (alias == entity.name) continue;
    const bool seen = std::any_of(out.begin(), out.end(),
                                  [&](const AliasView& v) { return v.alias == alias; });
    if (seen) continue;
    const std::vector<std::string> keys = NameKeys(alias);
    const bool variant = std::any_of(keys.begin(), keys.end(),
                                     [&](const std::string& k) { return in_name.count(k) == 0; });
    out.push_back({alias, variant ? AliasKind::kVariant : AliasKind::kOtherForm});
  }
  return out;
}

std::vector<OutletCount> OutletCounts(const Story& story, const ArticleLookup& lookup) {
  std::vector<OutletCount> counts;
  for (const std::string& id : story.articles) {
    const std::string outlet = ArticleOutlet(id, lookup);
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const OutletCount& c) { return c.outlet == outlet; });
    if (it == counts.end()) it = counts.insert(counts.end(), OutletCount{outlet, 0, 0});
    ++it->articles;
    if (DuplicateEntry(story, id) != nullptr) ++it->duplicates;
  }
  return counts;
}

std::vector<std::string> OutletsOf(const std::vector<std::string>& article_ids,
                                   const ArticleLookup& lookup) {
  std::vector<std::string> outlets;
  for (const std::string& id : article_ids) {
    const std::string outlet = ArticleOutlet(id, lookup);
    if (!outlet.empty() && std::find(outlets.begin(), outlets.end(), outlet) == outlets.end()) {
      outlets.push_back(outlet);
    }
  }
  return outlets;
}

std::vector<std::string> SourceOutlets(const std::vector<std::string>& article_ids,
                                       const ArticleLookup& lookup) {
  std::vector<std::string> outlets = OutletsOf(article_ids, lookup);
  const bool some_unknown = std::any_of(article_ids.begin(), article_ids.end(), [&](const std::string& id) {
    return ArticleOutlet(id, lookup).empty();
  });
  if (some_unknown && !outlets.empty()) outlets.emplace_back();
  return outlets;
}

std::vector<const Claim*> ConflictClaims(const Story& story) {
  std::vector<const Claim*> out;
  for (const Claim& c : story.claims) {
    if (c.status == "conflict") out.push_back(&c);
  }
  return out;
}

std::vector<const Claim*> OtherClaims(const Story& story) {
  std::vector<const Claim*> agreed, rest;
  for (const Claim& c : story.claims) {
    if (c.status == "conflict") continue;
    (c.status == "agreed" ? agreed : rest).push_back(&c);
  }
  agreed.insert(agreed.end(), rest.begin(), rest.end());
  return agreed;
}

std::vector<const BriefQuote*> QuotesForDisplay(const Story& story, const ArticleLookup& lookup) {
  std::vector<const BriefQuote*> quotes;
  for (const BriefQuote& q : story.quotes) quotes.push_back(&q);
  auto spread = [&lookup](const BriefQuote* q) {
    std::vector<std::string> ids;
    for (const QuoteOccurrence& o : q->occurrences) ids.push_back(o.article);
    return std::make_pair(OutletsOf(ids, lookup).size(), q->occurrences.size());
  };
  std::stable_sort(quotes.begin(), quotes.end(), [&](const BriefQuote* x, const BriefQuote* y) {
    return spread(x) > spread(y);
  });
  return quotes;
}

const Story* FindStory(const Brief& brief, const std::string& id) {
  for (const Story& s : brief.stories) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

size_t FindWholeWord(std::string_view text, std::string_view word) {
  if (word.empty() || word.size() > text.size()) return std::string_view::npos;
  auto lower = [](char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch; };
  for (size_t at = 0; at + word.size() <= text.size(); ++at) {
    size_t k = 0;
    while (k < word.size() && lower(text[at + k]) == lower(word[k])) ++k;
    if (k < word.size()) continue;
    const bool starts = at == 0 || !IsAsciiAlnum(text[at - 1]);
    const size_t end = at + word.size();
    const bool ends = end == text.size() || !IsAsciiAlnum(text[end]);
    if (starts && ends) return at;
  }
  return std::string_view::npos;
}

std::string OutletsPhrase(const std::vector<OutletCount>& outlets) {
  const size_t known = static_cast<size_t>(std::count_if(
      outlets.begin(), outlets.end(), [](const OutletCount& c) { return !c.outlet.empty(); }));
  if (known == 0) return "";
  return " from " + std::to_string(known) + (known == 1 ? " outlet" : " outlets");
}

std::string PercentText(double share) {
  constexpr double kPercent = 100.0;
  const double clamped = std::clamp(share, 0.0, 1.0);
  return std::to_string(static_cast<int>(clamped * kPercent + 0.5)) + "%";
}

}  // namespace storyline::render
