// Quantity recognition: one tokenising pass over the bytes, then one left to
// right pass over the tokens in which each matcher may claim a run of tokens
// starting at the current one. See quantities.h for the forms and the
// subject rules.
#include "extract/quantities.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {
namespace {

enum class Kind { kWord, kNum, kSym };

struct Token {
  std::string_view s;
  size_t b0 = 0;  // bytes into the text
  size_t b1 = 0;
  size_t c0 = 0;  // code points into the text
  size_t c1 = 0;
  Kind kind = Kind::kSym;
  bool space_before = false;
  size_t sentence = 0;
};

// Ages outside 1..119 are not human ages ("Fox, 2020," is a year).
constexpr double kMinAge = 1;
constexpr double kMaxAge = 119;
// A bare four-digit number in this range is read as a year, never a count.
constexpr double kMinYear = 1900;
constexpr double kMaxYear = 2099;
// Longer digit runs are ids or serial numbers, not figures news reports.
constexpr size_t kMaxNumberChars = 24;
// "No. 10 Downing Street" aside, chart and ranking numbers stay small.
constexpr double kMaxRank = 1000;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }
bool IsLowerWord(const Token& t) { return t.kind == Kind::kWord && t.s[0] >= 'a' && t.s[0] <= 'z'; }
bool IsUpperWord(const Token& t) { return t.kind == Kind::kWord && t.s[0] >= 'A' && t.s[0] <= 'Z'; }

// ASCII case-insensitive equality with an already lowercase `lower`.
bool EqualsCi(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t k = 0; k < s.size(); ++k) {
    const char c = (s[k] >= 'A' && s[k] <= 'Z') ? static_cast<char>(s[k] - 'A' + 'a') : s[k];
    if (c != lower[k]) return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Short words after which a period does not end a sentence.
constexpr std::string_view kAbbreviations[] = {"Mr",  "Mrs", "Ms",   "Dr",  "St", "Jr",  "Sr",   "No",
                                               "Gov", "Sen", "Rep",  "Gen", "Lt", "Col", "Capt", "Prof",
                                               "Inc", "Co",  "Corp", "Ltd", "vs", "Mt"};

bool IsAbbreviation(const Token& t) {
  if (t.kind != Kind::kWord) return false;
  if (t.s.size() == 1 && IsUpperWord(t)) return true;  // initials, "U.S."
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), t.s) != std::end(kAbbreviations);
}

bool IsClosing(std::string_view s) {
  return s == "\"" || s == "'" || s == ")" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x99";
}

// Splits `text` into words ([A-Za-z0-9]+), numbers (a digit, then
// alphanumerics with ',' or '.' kept between digits: "5,000", "2.3", "30K"),
// and single-code-point symbols; assigns each a sentence index.
std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> toks;
  size_t i = 0;
  size_t cp = 0;
  bool space = false;
  bool pending_end = false;  // saw terminal punctuation, waiting for space
  bool break_next = false;   // next token starts a sentence
  size_t sentence = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = true;
      if (pending_end || c == '\n') break_next = true;
      pending_end = false;
      ++i;
      ++cp;
      continue;
    }
    Token t;
    t.b0 = i;
    t.c0 = cp;
    size_t j = i + 1;
    if (IsAsciiDigit(c) || IsAsciiAlpha(c)) {
      const bool numeric = IsAsciiDigit(c);
      while (j < text.size()) {
        const char d = text[j];
        if (IsAsciiDigit(d) || IsAsciiAlpha(d)) {
          ++j;
        } else if (numeric && (d == ',' || d == '.') && IsAsciiDigit(text[j - 1]) && j + 1 < text.size() &&
                   IsAsciiDigit(text[j + 1])) {
          ++j;
        } else {
          break;
        }
      }
      t.kind = numeric ? Kind::kNum : Kind::kWord;
    } else {
      while (j < text.size() && IsContinuation(static_cast<unsigned char>(text[j]))) ++j;
    }
    t.b1 = j;
    t.s = text.substr(i, j - i);
    for (size_t k = i; k < j; ++k) cp += !IsContinuation(static_cast<unsigned char>(text[k]));
    t.c1 = cp;
    t.space_before = space;
    if (break_next && !toks.empty()) ++sentence;
    break_next = false;
    t.sentence = sentence;
    if (t.s == "." || t.s == "!" || t.s == "?") {
      if (!(t.s == "." && !toks.empty() && !space && IsAbbreviation(toks.back()))) pending_end = true;
    } else if (!IsClosing(t.s)) {
      pending_end = false;
    }
    space = false;
    toks.push_back(t);
    i = j;
  }
  return toks;
}

struct Number {
  double value = 0;      // with any scale suffix applied
  bool plain = false;    // digits only: no comma, decimal point or suffix
  bool ordinal = false;  // "3rd"
  bool scaled = false;   // "30K", "1.2bn"
};

// Scale suffixes written onto the digits ("30K", "£1.2m", "1.2bn").
std::optional<double> SuffixScale(std::string_view s) {
  const std::string l = Lower(s);
  if (l == "k") return 1e3;
  if (l == "m" || l == "mn" || l == "mln") return 1e6;
  if (l == "b" || l == "bn") return 1e9;
  if (l == "tn" || l == "trn") return 1e12;
  return std::nullopt;
}

// Scale words after the number ("2.3 million").
std::optional<double> WordScale(std::string_view s) {
  const std::string l = Lower(s);
  if (l == "thousand") return 1e3;
  if (l == "million" || l == "mn" || l == "mln") return 1e6;
  if (l == "billion" || l == "bn") return 1e9;
  if (l == "trillion" || l == "tn") return 1e12;
  return std::nullopt;
}

// Parses a number token; nullopt for shapes that are not figures
// ("1.2.3", "1,23", "90s", "3D", "10am").
std::optional<Number> ParseNumber(std::string_view s) {
  if (s.size() > kMaxNumberChars) return std::nullopt;
  size_t k = 0;
  std::string digits;
  bool comma = false;
  bool dot = false;
  size_t group = 0;  // digits since the last comma
  while (k < s.size() && (IsAsciiDigit(s[k]) || s[k] == ',' || s[k] == '.')) {
    if (s[k] == ',') {
      if (dot || (comma && group != 3)) return std::nullopt;
      comma = true;
      group = 0;
    } else if (s[k] == '.') {
      if (dot || (comma && group != 3)) return std::nullopt;
      dot = true;
      digits += '.';
    } else {
      digits += s[k];
      ++group;
    }
    ++k;
  }
  if (comma && !dot && group != 3) return std::nullopt;
  Number n;
  const std::from_chars_result r = std::from_chars(digits.data(), digits.data() + digits.size(), n.value);
  if (r.ec != std::errc() || r.ptr != digits.data() + digits.size()) return std::nullopt;
  const std::string_view suffix = s.substr(k);
  if (suffix.empty()) {
    n.plain = !comma && !dot;
    return n;
  }
  if (const std::optional<double> scale = SuffixScale(suffix)) {
    n.value *= *scale;
    n.scaled = true;
    return n;
  }
  const std::string l = Lower(suffix);
  if (!comma && !dot && (l == "st" || l == "nd" || l == "rd" || l == "th")) {
    n.ordinal = true;
    return n;
  }
  return std::nullopt;
}

constexpr std::string_view kOrdinalWords[] = {"first",     "second",      "third",      "fourth",     "fifth",
                                              "sixth",     "seventh",     "eighth",     "ninth",      "tenth",
                                              "eleventh",  "twelfth",     "thirteenth", "fourteenth", "fifteenth",
                                              "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};

std::optional<double> OrdinalWord(std::string_view s) {
  for (size_t k = 0; k < std::size(kOrdinalWords); ++k) {
    if (EqualsCi(s, kOrdinalWords[k])) return static_cast<double>(k + 1);
  }
  return std::nullopt;
}

// Spelled-out cardinals news writes for small figures ("three people",
// "two million followers"); larger ones are written in digits.
constexpr std::string_view kCardinalWords[] = {
    "one",    "two",    "three",    "four",     "five",    "six",     "seven",     "eight",    "nine",     "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
constexpr std::string_view kTensWords[] = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
// The value of kTensWords[0]; each next entry adds ten.
constexpr double kFirstTens = 30;
constexpr double kTensStep = 10;

std::optional<double> CardinalWord(std::string_view s) {
  for (size_t k = 0; k < std::size(kCardinalWords); ++k) {
    if (EqualsCi(s, kCardinalWords[k])) return static_cast<double>(k + 1);
  }
  for (size_t k = 0; k < std::size(kTensWords); ++k) {
    if (EqualsCi(s, kTensWords[k])) return kFirstTens + kTensStep * static_cast<double>(k);
  }
  return std::nullopt;
}

// Superlatives that make an ordinal a rank with a space between
// ("the fifth largest"); with a hyphen any "-est" word of 6+ letters counts.
constexpr std::string_view kSuperlatives[] = {"largest",   "biggest",    "highest", "richest",   "best",
                                              "most",      "greatest",   "oldest",  "youngest",  "busiest",
                                              "smallest",  "lowest",     "worst",   "fastest",   "longest",
                                              "strongest", "wealthiest", "top",     "deadliest", "heaviest"};

bool IsSuperlative(std::string_view s, bool hyphenated) {
  const std::string l = Lower(s);
  if (std::find(std::begin(kSuperlatives), std::end(kSuperlatives), l) != std::end(kSuperlatives)) return true;
  return hyphenated && l.size() >= 6 && l.ends_with("est");
}

// Nouns whose plural counts people or things news reports figures for.
// Singulars are accepted through their plural ("1 follower").
constexpr std::string_view kCountNouns[] = {
    "followers",   "subscribers", "fans",        "accounts",  "people",     "users",        "views",
    "likes",       "streams",     "copies",      "votes",     "members",    "employees",    "workers",
    "jobs",        "staff",       "customers",   "viewers",   "listeners",  "posts",        "tweets",
    "videos",      "songs",       "albums",      "films",     "movies",     "episodes",     "books",
    "children",    "kids",        "students",    "deaths",    "cases",      "victims",      "residents",
    "homes",       "houses",      "stores",      "shops",     "cars",       "vehicles",     "units",
    "shares",      "downloads",   "visitors",    "tickets",   "passengers", "soldiers",     "troops",
    "patients",    "readers",     "signatures",  "comments",  "messages",   "photos",       "pictures",
    "images",      "items",       "products",    "countries", "cities",     "languages",    "awards",
    "nominations", "games",       "goals",       "lives",     "women",      "men",          "animals",
    "companies",   "brands",      "restaurants", "hotels",    "flights",    "applications", "complaints",
    "lawsuits",    "arrests",     "protesters",  "athletes",  "players",    "teams",        "schools",
    "teachers",    "doctors",     "nurses",      "officers",  "partners",   "investors",    "shareholders",
    "clients",     "supporters",  "retweets",    "reposts",   "singles",    "concerts"};

// `singular` also accepts the singular of a listed noun ("1 follower"); only
// for the value 1, since many singulars are verbs too ("one I like").
bool IsCountNoun(const Token& t, bool singular = false) {
  if (t.kind != Kind::kWord) return false;
  const std::string l = Lower(t.s);
  const auto known = [](std::string_view w) {
    return std::find(std::begin(kCountNouns), std::end(kCountNouns), w) != std::end(kCountNouns);
  };
  if (known(l)) return true;
  return singular && (known(l + "s") || l == "person" || l == "child" || l == "woman" || l == "man");
}

// Words that cannot sit between a number and its noun ("5 of the fans").
constexpr std::string_view kNotModifiers[] = {"of",  "and", "or", "to", "in",   "on", "at",
                                              "for", "the", "a",  "an", "from", "by", "than"};

bool CanModify(const Token& t) {
  return t.kind == Kind::kWord &&
         std::find(std::begin(kNotModifiers), std::end(kNotModifiers), Lower(t.s)) == std::end(kNotModifiers);
}

// The words of a currency written after the number.
std::optional<std::string_view> CurrencyWord(std::string_view s);

// A lowercase word that makes the number before it a count, amount or
// percentage rather than an age ("Fox, 30 people said").
bool IsUnitWord(const Token& t) {
  const std::string l = Lower(t.s);
  return IsCountNoun(t) || WordScale(l) || CurrencyWord(l) || l == "percent" || l == "per" || l == "pct" ||
         l == "years" || l == "year" || l == "pounds";
}

std::optional<std::string_view> CurrencyWord(std::string_view s) {
  const std::string l = Lower(s);
  if (l == "dollars" || l == "dollar" || l == "usd") return "USD";
  if (l == "euros" || l == "euro" || l == "eur") return "EUR";
  if (l == "gbp") return "GBP";
  if (l == "yen" || l == "jpy") return "JPY";
  if (l == "chf") return "CHF";
  return std::nullopt;
}

// A currency symbol with the word written right before it ("US$", "HK$").
std::optional<std::string_view> CurrencySymbol(std::string_view prefix, std::string_view symbol) {
  if (symbol == "$") {
    if (prefix.empty() || prefix == "US") return "USD";
    if (prefix == "A" || prefix == "AU") return "AUD";
    if (prefix == "C" || prefix == "CA") return "CAD";
    if (prefix == "HK") return "HKD";
    if (prefix == "NZ") return "NZD";
    if (prefix == "S") return "SGD";
    return std::nullopt;
  }
  if (!prefix.empty()) return std::nullopt;
  if (symbol == "\xC2\xA3") return "GBP";      // £
  if (symbol == "\xE2\x82\xAC") return "EUR";  // €
  if (symbol == "\xC2\xA5") return "JPY";      // ¥
  if (symbol == "\xE2\x82\xB9") return "INR";  // ₹
  return std::nullopt;
}

struct Match {
  size_t first = 0;  // token range, inclusive
  size_t last = 0;
  double value = 0;
  std::string unit;
  std::string subject;
};

class Finder {
 public:
  Finder(std::string_view text, const std::vector<EntityMention>& entities) : text_(text), toks_(Tokenize(text)) {
    for (const EntityMention& m : entities) {
      if (m.type == "PERSON" || m.type == "ORG") by_end_.push_back(&m);
    }
    std::sort(by_end_.begin(), by_end_.end(), [](const EntityMention* a, const EntityMention* b) {
      return a->span.end < b->span.end || (a->span.end == b->span.end && a->span.start < b->span.start);
    });
    sentence_start_.push_back(0);
    for (const Token& t : toks_) {
      if (t.sentence >= sentence_start_.size()) sentence_start_.push_back(t.c0);
    }
  }

  std::vector<Quantity> Run() {
    std::vector<Quantity> out;
    size_t i = 0;
    while (i < toks_.size()) {
      std::optional<Match> m = MatchAt(i);
      // A unit never comes from the next sentence or line ("Figure 1.5\n
      // Residents of ...").
      if (m && toks_[m->first].sentence != toks_[m->last].sentence) m.reset();
      if (!m) {
        ++i;
        continue;
      }
      Quantity q;
      q.span = {toks_[m->first].c0, toks_[m->last].c1};
      q.text = std::string(text_.substr(toks_[m->first].b0, toks_[m->last].b1 - toks_[m->first].b0));
      q.value = m->value;
      q.unit = std::move(m->unit);
      q.subject = std::move(m->subject);
      out.push_back(std::move(q));
      i = m->last + 1;
    }
    return out;
  }

 private:
  const Token* At(size_t i) const { return i < toks_.size() ? &toks_[i] : nullptr; }
  bool Is(size_t i, std::string_view s) const { return i < toks_.size() && toks_[i].s == s; }
  bool IsWordCi(size_t i, std::string_view lower) const {
    return i < toks_.size() && toks_[i].kind == Kind::kWord && EqualsCi(toks_[i].s, lower);
  }
  bool Glued(size_t i) const { return i < toks_.size() && !toks_[i].space_before; }

  // Numbers that belong to dates, times, phone numbers and ids: joined
  // without spaces to '/', ':' or a hyphen with a digit on its other side.
  bool InCompound(size_t i) const {
    const auto joiner = [](std::string_view s) { return s == "/" || s == ":" || s == "-"; };
    if (i >= 2 && Glued(i) && joiner(toks_[i - 1].s) && toks_[i - 2].kind != Kind::kSym && Glued(i - 1)) {
      return toks_[i - 1].s != "-" || toks_[i - 2].kind == Kind::kNum;
    }
    if (i + 2 < toks_.size() && Glued(i + 1) && joiner(toks_[i + 1].s) && Glued(i + 2) &&
        toks_[i + 2].kind == Kind::kNum) {
      return true;
    }
    return false;
  }

  std::optional<Number> NumberAt(size_t i) const {
    if (i >= toks_.size() || toks_[i].kind != Kind::kNum || InCompound(i)) return std::nullopt;
    return ParseNumber(toks_[i].s);
  }

  static bool IsAge(const Number& n) { return n.plain && n.value >= kMinAge && n.value <= kMaxAge; }

  // PERSON mention ending in the gap just before token `i` (after token i-1).
  const EntityMention* PersonEndingBefore(size_t i) const {
    const size_t hi = toks_[i].c0;
    const size_t lo = i > 0 ? toks_[i - 1].c1 : 0;
    for (auto it = std::upper_bound(by_end_.begin(), by_end_.end(), hi,
                                    [](size_t v, const EntityMention*m) { return v < m->span.end; });
         it != by_end_.begin();) {
      --it;
      if ((*it)->span.end < lo) break;
      if ((*it)->type == "PERSON") return *it;
    }
    return nullptr;
  }

  // Nearest mention of an allowed type ending at or before code point `pos`
  // and starting at or after `limit`.
  std::string Nearest(size_t pos, size_t limit, bool person_only) const {
    for (auto it = std::upper_bound(by_end_.begin(), by_end_.end(), pos,
                                    [](size_t v, const EntityMention*m) { return v < m->span.end; });
         it != by_end_.begin();) {
      --it;
      if ((*it)->span.end < limit) break;
      if ((*it)->span.start < limit) continue;
      if (!person_only || (*it)->type == "PERSON") return (*it)->entity;
    }
    return "";
  }

  // Subject of counts, money, percentages and ranks (see quantities.h).
  std::string SentenceSubject(size_t first) const {
    return Nearest(toks_[first].c0, sentence_start_[toks_[first].sentence], /*person_only=*/false);
  }

  // Subject of an age phrase spanning tokens [first, last].
  std::string AgeSubject(size_t first, size_t last, bool attributive) const {
    if (attributive && last + 1 < toks_.size()) {
      const size_t start = toks_[last + 1].c0;
      for (const EntityMention* m : by_end_) {
        if (m->type == "PERSON" && m->span.start == start) return m->entity;
      }
    }
    const size_t s = toks_[first].sentence;
    return Nearest(toks_[first].c0, sentence_start_[s > 0 ? s - 1 : 0], /*person_only=*/true);
  }

  // Extends past a scale word ("2.3 million"); returns the last token used.
  size_t Scale(size_t i, const Number& n, double* value) const {
    *value = n.value;
    if (!n.scaled && i + 1 < toks_.size() && toks_[i + 1].kind == Kind::kWord) {
      if (const std::optional<double> s = WordScale(toks_[i + 1].s)) {
        *value *= *s;
        return i + 1;
      }
    }
    return i;
  }

  std::optional<Match> MatchAt(size_t i) const {
    const Token& t = toks_[i];
    if (t.kind == Kind::kNum) return MatchNumber(i);
    if (std::optional<Match> m = MatchMoneySymbol(i)) return m;
    if (t.kind == Kind::kWord) return MatchWord(i);
    if (t.s == "#" && Glued(i + 1)) {
      const std::optional<Number> n = NumberAt(i + 1);
      if (n && n->plain && n->value >= 1 && n->value <= kMaxRank) {
        return Match{i, i + 1, n->value, "rank", SentenceSubject(i)};
      }
    }
    return std::nullopt;
  }

  // "$200,000", "US$3.5 million", "£1.2m".
  std::optional<Match> MatchMoneySymbol(size_t i) const {
    size_t sym = i;
    std::string_view prefix;
    if (toks_[i].kind == Kind::kWord && Glued(i + 1)) {
      prefix = toks_[i].s;
      sym = i + 1;
    }
    if (sym >= toks_.size() || toks_[sym].kind != Kind::kSym || !Glued(sym + 1)) return std::nullopt;
    const std::optional<std::string_view> unit = CurrencySymbol(prefix, toks_[sym].s);
    if (!unit) return std::nullopt;
    const std::optional<Number> n = NumberAt(sym + 1);
    if (!n || n->ordinal) return std::nullopt;
    double value = 0;
    const size_t last = Scale(sym + 1, *n, &value);
    return Match{i, last, value, std::string(*unit), SentenceSubject(i)};
  }

  std::optional<Match> MatchNumber(size_t i) const {
    const std::optional<Number> n = NumberAt(i);
    if (!n) return std::nullopt;
    if (n->ordinal) {
      // "3rd-largest"
      if (Is(i + 1, "-") && Glued(i + 1) && Glued(i + 2) && At(i + 2) != nullptr && toks_[i + 2].kind == Kind::kWord &&
          IsSuperlative(toks_[i + 2].s, true)) {
        return Match{i, i + 2, n->value, "rank", SentenceSubject(i)};
      }
      return std::nullopt;
    }
    if (IsAge(*n)) {
      if (std::optional<Match> m = MatchAge(i, *n)) return m;
    }
    double value = 0;
    const size_t last = Scale(i, *n, &value);
    const bool year = n->plain && n->value >= kMinYear && n->value <= kMaxYear && last == i;
    return MatchUnit(i, last, value, /*count_allowed=*/!year);
  }

  // The unit after a figure spanning tokens [first, last]: a currency word,
  // a percent sign or word, or (when `count_allowed`) a countable noun with
  // at most one modifier before it.
  std::optional<Match> MatchUnit(size_t first, size_t last, double value, bool count_allowed) const {
    const size_t next = last + 1;
    if (next >= toks_.size()) return std::nullopt;
    if (const std::optional<std::string_view> cur =
            toks_[next].kind == Kind::kWord ? CurrencyWord(toks_[next].s) : std::nullopt) {
      return Match{first, next, value, std::string(*cur), SentenceSubject(first)};
    }
    if (IsWordCi(next, "pounds") && IsWordCi(next + 1, "sterling")) {
      return Match{first, next + 1, value, "GBP", SentenceSubject(first)};
    }
    if ((Is(next, "%") && Glued(next)) || IsWordCi(next, "percent") || IsWordCi(next, "pct")) {
      return Match{first, next, value, "percent", SentenceSubject(first)};
    }
    if (IsWordCi(next, "per") && IsWordCi(next + 1, "cent")) {
      return Match{first, next + 1, value, "percent", SentenceSubject(first)};
    }
    if (!count_allowed) return std::nullopt;
    if (value == 1 && IsCountNoun(toks_[next], /*singular=*/true)) {
      return Match{first, next, value, Lower(toks_[next].s), SentenceSubject(first)};
    }
    size_t noun = next;
    if (!IsCountNoun(toks_[noun]) && CanModify(toks_[noun]) && noun + 1 < toks_.size() &&
        IsCountNoun(toks_[noun + 1])) {
      ++noun;
    }
    if (!IsCountNoun(toks_[noun])) return std::nullopt;
    return Match{first, noun, value, Lower(toks_[noun].s), SentenceSubject(first)};
  }

  // Ages introduced by the number itself: "Fox, 31,", "Fox (31)",
  // "42-year-old", "42 years old".
  std::optional<Match> MatchAge(size_t i, const Number& n) const {
    if (i >= 1 && Is(i - 1, ",")) {
      const Token* after = At(i + 1);
      const bool closes = after == nullptr || after->s == "," || after->s == "." || after->s == ";" ||
                          (IsLowerWord(*after) && after->space_before && !IsUnitWord(*after));
      if (closes) {
        if (const EntityMention* p = PersonEndingBefore(i - 1)) return Match{i, i, n.value, "years", p->entity};
      }
    }
    if (i >= 1 && Is(i - 1, "(") && Is(i + 1, ")")) {
      if (const EntityMention* p = PersonEndingBefore(i - 1)) return Match{i, i, n.value, "years", p->entity};
    }
    if (Is(i + 1, "-") && Glued(i + 1) && Glued(i + 2) && (IsWordCi(i + 2, "year") || IsWordCi(i + 2, "years")) &&
        Is(i + 3, "-") && Glued(i + 3) && Glued(i + 4) && IsWordCi(i + 4, "old")) {
      return Match{i, i + 4, n.value, "years", AgeSubject(i, i + 4, /*attributive=*/true)};
    }
    if ((IsWordCi(i + 1, "years") || IsWordCi(i + 1, "year")) && IsWordCi(i + 2, "old")) {
      return Match{i, i + 2, n.value, "years", AgeSubject(i, i + 2, /*attributive=*/false)};
    }
    return std::nullopt;
  }

  // "aged 31", "ranked third", "ranked No. 2", "No. 1", "fifth-largest".
  std::optional<Match> MatchWord(size_t i) const {
    if (IsWordCi(i, "aged")) {
      const std::optional<Number> n = NumberAt(i + 1);
      if (n && IsAge(*n) && !(Is(i + 2, "-") && Glued(i + 2))) {
        return Match{i, i + 1, n->value, "years", AgeSubject(i, i + 1, /*attributive=*/false)};
      }
      return std::nullopt;
    }
    if (IsWordCi(i, "ranked")) {
      if (std::optional<Match> m = MatchRankValue(i + 1)) {
        m->first = i;
        return m;
      }
      return std::nullopt;
    }
    if (toks_[i].s == "No") return MatchRankValue(i);
    if (const std::optional<double> card = CardinalWord(toks_[i].s)) {
      Number n;
      n.value = *card;
      double value = 0;
      const size_t last = Scale(i, n, &value);
      return MatchUnit(i, last, value, /*count_allowed=*/true);
    }
    if (const std::optional<double> ord = OrdinalWord(toks_[i].s)) {
      if (Is(i + 1, "-") && Glued(i + 1) && Glued(i + 2) && At(i + 2) != nullptr && toks_[i + 2].kind == Kind::kWord &&
          IsSuperlative(toks_[i + 2].s, true)) {
        return Match{i, i + 2, *ord, "rank", SentenceSubject(i)};
      }
      if (i > 0 && IsWordCi(i - 1, "the") && At(i + 1) != nullptr && toks_[i + 1].kind == Kind::kWord &&
          IsSuperlative(toks_[i + 1].s, false)) {
        return Match{i, i + 1, *ord, "rank", SentenceSubject(i)};
      }
    }
    return std::nullopt;
  }

  // A rank value at token i: "third", "3rd", "No. 2", "number 2".
  std::optional<Match> MatchRankValue(size_t i) const {
    if (i >= toks_.size()) return std::nullopt;
    if (const std::optional<double> ord = OrdinalWord(toks_[i].s)) {
      return Match{i, i, *ord, "rank", SentenceSubject(i)};
    }
    if (toks_[i].kind == Kind::kNum) {
      const std::optional<Number> n = NumberAt(i);
      if (n && n->ordinal) return Match{i, i, n->value, "rank", SentenceSubject(i)};
      return std::nullopt;
    }
    if ((toks_[i].s == "No" && Is(i + 1, ".") && Glued(i + 1)) || IsWordCi(i, "number")) {
      const size_t k = toks_[i].s == "No" ? i + 2 : i + 1;
      const std::optional<Number> n = NumberAt(k);
      if (!n || !n->plain || n->value < 1 || n->value > kMaxRank) return std::nullopt;
      // "No. 10 Downing Street": an address, not a rank.
      if (At(k + 1) != nullptr && IsUpperWord(toks_[k + 1])) return std::nullopt;
      return Match{i, k, n->value, "rank", SentenceSubject(i)};
    }
    return std::nullopt;
  }

  std::string_view text_;
  std::vector<Token> toks_;
  std::vector<const EntityMention*> by_end_;  // PERSON and ORG, by span end
  std::vector<size_t> sentence_start_;        // code point of each sentence
};

}  // namespace

std::vector<Quantity> FindQuantities(std::string_view text, const std::vector<EntityMention>& entities) {
  return Finder(text, entities).Run();
}

}  // namespace storyline
