// Quantity recognition: one left to right pass over the article's shape
// tokens (text/shape_tokens.h, computed once by Annotate) in which each matcher may claim a run of tokens
// starting at the current one. See quantities.h for the forms and the
// subject rules.
#include "extract/quantities.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/lexicon.h"
#include "text/shape_tokens.h"

namespace storyline {
namespace {

// The article's shape tokens (text/shape_tokens.h), shared with Annotate.
using Kind = ShapeKind;
using Token = ShapeToken;

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
// Most votes one side of a tally is read with: a chamber's members, not a
// shareholder count.
constexpr double kMaxTally = 1000;
// Words an attributive age may skip before the name it describes ("the
// 31-year-old British actress Zoë Fox"): more would cross into another
// phrase ("a 31-year-old man told reporters Zoë Fox ...").
constexpr size_t kAttributiveGap = 4;
// How many tokens back from "aged" or an age phrase an indefinite article
// ("a woman aged 31", "a 42-year-old man") may sit to mark a new, unnamed
// person rather than one already named.
constexpr size_t kIndefiniteWindow = 3;
// Words a count noun may have between it and its figure ("2.3 million user
// accounts"): more is a clause, not a noun phrase.
constexpr size_t kMaxCountModifiers = 2;
// Words a measured noun phrase may have before its head ("$4.8 million
// bridge repair contract").
constexpr size_t kMaxHeadModifiers = 3;
// Words an owner in the possessive may have before its mark ("of the
// Kessingen City Museum's 40 paintings"): more is a clause, not a name.
constexpr size_t kMaxOwnerWords = 4;
// Tokens back from a duration to the verb that gives it, across a place
// ("worked on the brake line for 11 years").
constexpr size_t kMaxVerbReach = 6;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
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

struct Number {
  double value = 0;      // with any scale suffix applied
  bool plain = false;    // digits only: no comma, decimal point or suffix
  bool ordinal = false;  // "3rd"
  bool scaled = false;   // "30K", "1.2bn"
  bool pence = false;    // "412p": hundredths of a pound, value already in pounds
  std::string_view unit;  // a unit written onto the digits ("520km"), lexicons/measure_units.txt
};

// Scale suffixes written onto the digits ("30K", "£1.2m", "1.2bn"), and
// scale words run onto them as tabloids print them ("£1.7million").
std::optional<double> SuffixScale(std::string_view s) {
  const std::string l = Lower(s);
  if (l == "k" || l == "thousand") return 1e3;
  if (l == "m" || l == "mn" || l == "mln" || l == "million") return 1e6;
  if (l == "b" || l == "bn" || l == "billion") return 1e9;
  if (l == "tn" || l == "trn" || l == "trillion") return 1e12;
  return std::nullopt;
}

// Scale words after the number ("2.3 million").
std::optional<double> WordScale(std::string_view s) {
  const std::string l = Lower(s);
  if (l == "dozen") return 12;  // "three dozen suppliers"
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
  // "412p a share", "a 5p rise", "1,250p": pence are written onto the
  // digits, always lower case ("10P" is no sum). A video resolution
  // ("1080p") is read as pence too: rare in news, and never a claim's
  // value beside another outlet's sum.
  if (suffix == "p") {
    n.value /= 100;
    n.pence = true;
    return n;
  }
  const std::string l = Lower(suffix);
  if (!comma && !dot && (l == "st" || l == "nd" || l == "rd" || l == "th")) {
    n.ordinal = true;
    return n;
  }
  n.unit = lexicon::Find(lexicon::kMeasureUnits, l);
  if (!n.unit.empty()) return n;
  return std::nullopt;
}

// True for a number written as a plain year ("2019", not "2,019").
bool PlainYear(const Number& n) { return n.plain && n.value >= kMinYear && n.value <= kMaxYear; }
bool PlainYear(std::string_view s) {
  const std::optional<Number> n = ParseNumber(s);
  return n && PlainYear(*n);
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
constexpr double kHundred = 100;

std::optional<double> CardinalWord(std::string_view s) {
  // Asked of every word: most are turned away by length or first letter
  // (every cardinal word is 3 to 9 letters and starts with e, f, n, o, s
  // or t).
  if (s.size() < 3 || s.size() > 9) return std::nullopt;
  switch (s[0] | 0x20) {
    case 'e': case 'f': case 'n': case 'o': case 's': case 't': break;
    default: return std::nullopt;
  }
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
// lexicons/superlatives.txt.
constexpr const auto& kSuperlatives = lexicon::kSuperlatives;

bool IsSuperlative(std::string_view s, bool hyphenated) {
  const std::string l = Lower(s);
  if (lexicon::In(kSuperlatives, l)) return true;
  return hyphenated && l.size() >= 6 && l.ends_with("est");
}

// Nouns whose plural counts people or things news reports figures for.
// Singulars are accepted through their plural ("1 follower").
// lexicons/count_nouns.txt, tag count.
constexpr const auto& kCountNouns = lexicon::kCountNounsCount;

// Nouns counted without a plural "-s", and units of measure: "4 aircraft",
// "8,640 hectares", "120 mm".
// lexicons/count_nouns.txt, tag uncounted.
constexpr const auto& kUncountedPlurals = lexicon::kCountNounsUncounted;

// Lower-case words ending in "s" that are no plural noun after a number
// ("in 2022, 30 was the record": verbs, adverbs, pronouns).
// lexicons/not_plurals.txt.
constexpr const auto& kNotPlurals = lexicon::kNotPlurals;

// Units of time: a figure with one is a duration, unit the singular
// ("12 years in prison" -> unit "year"), never an age.
// lexicons/time_words.txt, tag duration.
constexpr const auto& kTimeUnits = lexicon::kTimeWordsDuration;

// A lower-case plural noun not in any list: "-s" but not "-ss", "-us" or
// "-is" ("glass", "bonus", "crisis"), long enough to be a noun.
bool LooksPlural(std::string_view l) {
  constexpr size_t kMinPluralChars = 4;  // "ads", "ups" are too short to tell
  if (l.size() < kMinPluralChars || l.back() != 's') return false;
  if (l.ends_with("ss") || l.ends_with("us") || l.ends_with("is")) return false;
  return !lexicon::In(kNotPlurals, l);
}

// True for a word of two or more letters all in capitals ("YEARS").
bool IsAllCaps(std::string_view s) {
  if (s.size() < 2) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// `singular` also accepts the singular of a listed noun ("1 follower"); only
// for the value 1, since many singulars are verbs too ("one I like").
// Besides the listed nouns, any lower-case plural counts ("37 homes", "412
// firefighters"): what a news figure counts is open-ended.
bool IsCountNoun(const Token& t, bool singular = false) {
  if (t.kind != Kind::kWord) return false;
  const std::string l = Lower(t.s);
  const auto known = [](std::string_view w) {
    return lexicon::In(kCountNouns, w) || lexicon::In(kUncountedPlurals, w);
  };
  if (known(l)) return true;
  if (t.s[0] >= 'a' && t.s[0] <= 'z' && LooksPlural(l)) return true;
  // Tabloids set a whole phrase in capitals ("caged for SEVEN YEARS",
  // "stuck for FIVE HOURS"); a unit of time so written is one. Other
  // capitalised words are names or acronyms ("3 NHS trusts").
  if (IsAllCaps(t.s) && lexicon::In(lexicon::kTimeWordsDuration, l)) return true;
  return singular && (known(l + "s") || l == "person" || l == "child" || l == "woman" || l == "man");
}

// Adjectives after a unit that say which way it measures: "520km up".
constexpr const auto& kMeasureAdjectives = lexicon::kMeasureAdjectives;

bool IsTimeUnit(std::string_view lower) {
  return lexicon::In(kTimeUnits, lower);
}

// Role nouns an attributive age may skip before a name ("the 31-year-old
// actress Zoë Fox"); lowercase words outside this list end the search: the
// nouns of lexicons/person_nouns.txt and the modifiers of
// lexicons/role_modifiers.txt tagged age_skip.

bool IsRoleNoun(const Token& t) {
  if (t.kind != Kind::kWord) return false;
  const std::string l = Lower(t.s);
  return lexicon::In(lexicon::kPersonNounsAgeSkip, l) || lexicon::In(lexicon::kRoleModifiersAgeSkip, l);
}

// Words after which a mention is the object of a preposition, never the
// subject of the clause ("After Zoë Fox, 30 people spoke").
// lexicons/prepositions.txt, tag figure.
constexpr const auto& kPrepositions = lexicon::kPrepositionsFigure;

// Verbs that introduce reported speech: the speaker before them is not the
// subject of the reported clause ("Fox said the firm lost 30K users").
// lexicons/reporting_verbs.txt, tag subject.
constexpr const auto& kReportingVerbs = lexicon::kReportingVerbsSubject;

// Words that open a parenthetical after a comma: relative clauses and
// appositives ("Fox, who dated Ye, lost ...", "Fox, the actress, lost ...").
// lexicons/parenthetical_openers.txt.
constexpr const auto& kParentheticalOpeners = lexicon::kParentheticalOpeners;

// Between a reported-speech verb and a figure that is the reported
// clause's own subject ("Acme said 133 people", "said nearly 200 people").
// lexicons/number_lead_ins.txt.
constexpr const auto& kNumberLeadIns = lexicon::kNumberLeadIns;

// Lowercase words after which a name still starts a clause as its subject
// ("and Fox lost", "that Acme cut", "said Acme lost"); after any other
// lowercase word it is more likely an object ("dated Kanye West").
// lexicons/subordinators.txt, tag subject.
constexpr const auto& kSubjectIntroducers = lexicon::kSubordinatorsSubject;

// Words a name's left context may skip when judging its position: roles
// and articles belong to the name's own phrase ("and rapper Cardi B").
constexpr std::string_view kNamePhraseWords[] = {"the", "a", "an"};

template <class Table>
bool InList(const Table& list, std::string_view s) {
  return lexicon::In(list, Lower(s));
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
         l == "years" || l == "year" || l == "pounds" || l == "pence";
}

std::optional<std::string_view> CurrencyWord(std::string_view s) {
  const std::string l = Lower(s);
  if (l == "dollars" || l == "dollar" || l == "usd") return "USD";
  if (l == "euros" || l == "euro" || l == "eur") return "EUR";
  // "pounds" after a sum is sterling far more often than weight in news.
  if (l == "gbp" || l == "pounds" || l == "pound") return "GBP";
  if (l == "yen" || l == "jpy") return "JPY";
  if (l == "chf" || l == "francs" || l == "franc") return "CHF";
  if (l == "yuan" || l == "renminbi" || l == "cny") return "CNY";
  if (l == "rupees" || l == "inr") return "INR";
  if (l == "kroner" || l == "nok") return "NOK";
  if (l == "kronor" || l == "sek") return "SEK";
  if (l == "rand" || l == "zar") return "ZAR";
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

// ---- what a figure measures (Quantity::measure, bound, high) -------------

// Words before a figure saying how exactly it is stated ("about", "more
// than"), tagged by their bound: lexicons/lead_phrases.txt. The longest
// has this many tokens ("an eye-watering": a hyphenated word is three).
constexpr size_t kMaxLeadWords = 4;

// Auxiliaries between a counted noun and what happened to it ("37 homes
// have been destroyed").
// lexicons/auxiliaries.txt, tag count.
constexpr const auto& kAuxiliaries = lexicon::kAuxiliariesCount;
// Past participles that do not end in "-ed".
// lexicons/verbs_and_adverbs.txt, tag participle.
constexpr const auto& kIrregularParticiples = lexicon::kVerbsAndAdverbsParticiple;
// "-ed" words that are no event a count undergoes ("need", "bed").
// lexicons/not_participles.txt.
constexpr const auto& kNotParticiples = lexicon::kNotParticiples;

// Whether lower-case word `w` is a verb form a duration after it belongs to
// ("has worked there for 26 years", "ran the cafe for 22 years"): a word
// ending in "-ed", an irregular participle, or lexicons/duration_verbs.txt.
bool DurationVerbForm(std::string_view w) {
  constexpr size_t kMinEdChars = 5;  // "bed", "need" are no verbs of doing
  return (w.size() >= kMinEdChars && w.ends_with("ed")) || InList(kIrregularParticiples, w) ||
         lexicon::In(lexicon::kDurationVerbs, w);
}
// Verbs of saying: a figure after them is reported, not done by the speaker.
// lexicons/reporting_verbs.txt, tag saying.
constexpr const auto& kSayingVerbs = lexicon::kReportingVerbsSaying;
// Words between a noun and the sum or share it is ("a contract worth $4m",
// "a fee of £58m", "turnout of 42%", "valued at", "put at").
// lexicons/prepositions.txt, tag sum_of.
constexpr const auto& kOfWords = lexicon::kPrepositionsSumOf;
// Verbs joining a noun phrase to its figure ("the fee was £58m", "turnout
// reached 42%", "the bill came to $3m").
// lexicons/copulas.txt, tag figure.
constexpr const auto& kCopulas = lexicon::kCopulasFigure;
// Words between a noun and its copula ("the package will total", "turnout
// is expected to reach").
// lexicons/auxiliaries.txt, tag modal.
constexpr const auto& kModalWords = lexicon::kAuxiliariesModal;
// Words that end a noun phrase read after a figure ("£58m last year").
// lexicons/phrase_enders.txt.
constexpr const auto& kPhraseEnders = lexicon::kPhraseEnders;

// Verbs whose subject owns the count after them ("Acme has 300 staff",
// "Fox took 8,412 votes", "won 45% of the vote").
// lexicons/verbs_and_adverbs.txt, tag have.
constexpr const auto& kHaveVerbs = lexicon::kVerbsAndAdverbsHave;
// Words a figure's phrase may open with that are no verb ("in all 730
// schools", "the other 13", "their 300 staff"): lexicons/quantifier_words.txt.
constexpr const auto& kQuantifierWords = lexicon::kQuantifierWords;
// Verbs by which a firm states a result it made ("reported revenue of
// $2bn", "made a profit of £310m"): the sum named by their object is the
// subject's. lexicons/result_verbs.txt.
constexpr const auto& kResultVerbs = lexicon::kResultVerbs;
// Words after a count that widen it to a whole ("1,100 jobs across the
// company", "14,000 people worldwide"): not the same figure as a local one.
// lexicons/count_scopes.txt, tag whole.
constexpr const auto& kWholeWords = lexicon::kCountScopesWhole;
// Stems of what happens to what is counted that mean the same ("480 jobs
// cut", "eliminating 520 jobs", "will cost 520 jobs"): lexicons/event_stems.txt.

// What happened, as one stem for the forms that mean it ("eliminated",
// "eliminating", "eliminate" -> "cut").
std::string EventStem(std::string_view w) {
  std::string stem(w);
  if (stem.ends_with("ing")) {
    stem.resize(stem.size() - 3);
  } else if (stem.ends_with("ed")) {
    stem.resize(stem.size() - 2);
  } else if (stem.ends_with("es")) {
    stem.resize(stem.size() - 2);
  } else if (stem.ends_with("e") || stem.ends_with("s")) {
    stem.pop_back();
  }
  // No word has its stem and itself mapped to two different events.
  std::string_view event = lexicon::Find(lexicon::kEventStems, stem);
  if (event.empty()) event = lexicon::Find(lexicon::kEventStems, w);
  if (!event.empty()) return std::string(event);
  // Other events as written ("rejected", "made"); a gerund opens a clause of
  // its own ("scoring 29 goals"), which says nothing of the count.
  return w.ends_with("ing") ? "" : std::string(w);
}

// True when `unit` is the one name lexicons/measure_units.txt gives a unit
// ("tonnes", "miles per hour").
bool IsMeasureUnitName(std::string_view unit) {
  // The table maps every spelling to its name: its names, sorted once.
  static const std::vector<std::string_view> kNames = [] {
    std::vector<std::string_view> names;
    for (const lexicon::MapEntry& e : lexicon::kMeasureUnits) names.push_back(e.value);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
  }();
  return std::binary_search(kNames.begin(), kNames.end(), unit);
}

// One name for what lasts: a deal is a contract, a jail term a sentence:
// lexicons/duration_nouns.txt.
std::string DurationOf(std::string_view noun) {
  const std::string_view name = lexicon::Find(lexicon::kDurationNouns, noun);
  return std::string(name.empty() ? noun : name);
}

// Pronouns: never what a figure measures ("within 72 hours of discovering
// them").
// lexicons/pronouns.txt, tag figure.
constexpr const auto& kPronouns = lexicon::kPronounsFigure;

// One name for the nouns and verbs outlets use for the same sum: a fee is
// a price is a deal's value; what was spent is spending. A figure keeps
// the noun as written when it is in no group: lexicons/measure_groups.txt.
// Verbs whose object a sum is ("paid $4m", "spent £100m", "fined $2m"):
// the ones lexicons/measure_groups.txt names.
bool IsSumVerb(std::string_view lower) {
  if (lexicon::Find(lexicon::kMeasureGroups, lower).empty()) return false;
  return lower.ends_with("ed") || lower.ends_with("ing") || lower == "paid" || lower == "sought" || lower == "sold" ||
         lower == "bought" || lower == "spent" || lower == "lost" || lower == "owes" || lower == "pay" ||
         lower == "pays" || lower == "repay" || lower == "refund" || lower == "save" || lower == "saves" ||
         lower == "cost" || lower == "costs";
}

// The measure a phrase names: the group of a one-word phrase ("deal" ->
// "fee", "aid" -> "funding"), else the phrase as written ("repair
// contract"); figures.cc relates phrases sharing a specific word.
std::string MeasureGroup(std::string_view phrase) {
  // A modifier says which sum it is ("severance package", "emergency
  // aid"): only a bare head takes its group's name.
  if (phrase.find(' ') != std::string_view::npos) return std::string(phrase);
  const std::string_view group = lexicon::Find(lexicon::kMeasureGroups, phrase);
  return std::string(group.empty() ? phrase : group);
}

bool IsCurrencyUnit(std::string_view unit) {
  return unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

struct Match {
  size_t first = 0;  // token range, inclusive
  size_t last = 0;
  double value = 0;
  std::string unit;
  std::string subject;
  std::string measure;  // set by matchers that know it ("age", "12-year sentence")
  double low = -1;      // a range's lower end ("400-450 firefighters"), else -1
  bool rounded = false;  // a share written as a fraction ("a third"): approximate whatever the lead-in
  std::string thing;     // Quantity::thing
};

class Finder {
 public:
  // REQUIRES: `tokens` are TokenizeShapes(text). Both must outlive the Finder.
  Finder(std::string_view text, const std::vector<Token>& tokens, const std::vector<EntityMention>& entities)
      : text_(text), toks_(tokens) {
    for (const EntityMention& m : entities) {
      if (m.type == "PERSON" || m.type == "ORG") by_end_.push_back(&m);
      // Places too, for who is paid: "paid Calder Vale £750,000" (a club
      // the tagger took for its town) names no place.
      if (m.type == "PLACE") places_.push_back(&m);
    }
    std::sort(by_end_.begin(), by_end_.end(), [](const EntityMention* a, const EntityMention* b) {
      return a->span.end < b->span.end || (a->span.end == b->span.end && a->span.start < b->span.start);
    });
    by_start_ = by_end_;
    std::stable_sort(by_start_.begin(), by_start_.end(),
                     [](const EntityMention* a, const EntityMention* b) { return a->span.start < b->span.start; });
    sentence_start_.push_back(0);
    for (const Token& t : toks_) {
      if (t.sentence >= sentence_start_.size()) sentence_start_.push_back(t.c0);
    }
    for (const EntityMention& m : entities) {
      if (m.type == "PERSON") AddNameWords(m);
      if (m.type == "ORG") AddOrgHeads(m);
    }
  }

  std::vector<Quantity> Run() {
    std::vector<Quantity> out;
    std::vector<std::pair<size_t, size_t>> tokens_of;  // each quantity's first and last token
    size_t i = 0;
    while (i < toks_.size()) {
      Match match;
      if (!TakeMatch(i, &match)) {
        ++i;
        continue;
      }
      // "four in ten patients", "nine out of 10 voters": a share, not a
      // count of ten.
      if (RatioDenominator(match.first)) {
        i = match.last + 1;
        continue;
      }
      // Ages pick their own subject (the person described); every other
      // figure belongs to the owner the phrase names, if any.
      const bool age = match.measure == "age";
      Quantity q;
      // "estimated at £18m to £25m": a range is framed by the words before
      // its lower figure, not by the "to" before its upper one. ("between
      // £38,000 and £52,000" keeps no frame: such ranges are mostly spans
      // of single cases, each person's or each year's, not one total.)
      double range_low = 0;
      const std::optional<size_t> range_from =
          match.low >= 0 ? std::nullopt : RangeStart(match, &range_low);
      const bool framed_range = range_from && !IsWordCi(*range_from, "between");
      const size_t lead = LeadIn(framed_range ? *range_from : match.first, &q.bound);
      // "four in ten", "more than a third": a fraction is a rounding, so
      // no bound it is given is sharper than "about".
      if (match.rounded) q.bound = QuantityBound::kApprox;
      if (!age) {
        bool unresolved = false;
        // A matcher that read the owner in the phrase keeps it ("Veltrane's
        // workforce of 14,000").
        // A price per share is the deal's, neither the payer's nor the
        // target's ("Harlow will pay 385p for each Penwick share").
        const bool per_share = IsCurrencyUnit(match.unit) && PerShare(match.last);
        // A share price is the company's whose shares the clause names.
        const size_t shares = IsCurrencyUnit(match.unit) && !per_share ? SharesPriced(lead) : toks_.size();
        if (shares < toks_.size()) {
          match.subject = SharesOwner(shares);
          match.measure = "share price";
        }
        if (match.subject.empty() && !per_share && shares == toks_.size()) {
          match.subject = Owner(match, lead, &unresolved);
        }
        // "reported income of £96.2m and a deficit of £4.1m", "was paid a
        // salary of £180,000 plus a £40,000 bonus": a sum joined to the one
        // before it in one object is that one's owner's.
        if (match.subject.empty() && !unresolved && !per_share && IsCurrencyUnit(match.unit) && !out.empty() &&
            !out.back().subject.empty() && IsCurrencyUnit(out.back().unit) &&
            JoinedToSumBefore(lead, match.last, tokens_of.back().second)) {
          match.subject = out.back().subject;
        }
        // Someone's figure, but whose is unknown ("its plant in Corvale,
        // which has 2,300 workers"): attach nothing.
        if (!unresolved && match.measure.empty()) match.measure = Measure(match, lead);
        // A figure no one owns may still be a described thing's: the
        // thing its noun phrase names. A size read with its thing ("the
        // 14-member syndicate") is that thing's count.
        if (unresolved || !match.subject.empty() || per_share) {
          match.thing.clear();
        } else if (!match.thing.empty()) {
          match.measure = match.unit;
        } else {
          match.thing = Thing(match, lead);
          // "bus subsidy budget cut": the thing is said apart.
          if (!match.thing.empty() && match.measure.starts_with(match.thing + " ")) {
            match.measure = match.measure.substr(match.thing.size() + 1);
          }
        }
      }
      size_t first = match.first;
      if (match.low >= 0) {
        q.high = match.value;
        q.value = match.low;
      } else if (range_from) {
        // "between $8m and $12m": the lower figure, if found on its own, is
        // part of this one.
        q.value = range_low;
        first = *range_from;
        q.high = match.value;
        if (!out.empty() && out.back().span.end > toks_[first].c0) {
          out.pop_back();
          tokens_of.pop_back();
        }
      } else {
        q.value = match.value;
      }
      q.span = {toks_[first].c0, toks_[match.last].c1};
      q.text = std::string(text_.substr(toks_[first].b0, toks_[match.last].b1 - toks_[first].b0));
      // "€2 million, about $2.2 million," / "£4.8m ($6.1m)": the same sum
      // restated in another currency measures what the first one does, past
      // the noun the first one is of ("a €7.4m contract (about £6.4m)").
      if (!out.empty() && IsCurrencyUnit(match.unit) && IsCurrencyUnit(out.back().unit) &&
          out.back().unit != match.unit && lead > 0 && (Is(lead - 1, ",") || Is(lead - 1, "(")) &&
          lead >= 2 && RestatesSum(out.back(), lead - 2)) {
        match.measure = out.back().measure;
        match.subject = out.back().subject;
        match.thing = out.back().thing;
      }
      q.unit = std::move(match.unit);
      q.subject = std::move(match.subject);
      q.measure = std::move(match.measure);
      q.thing = std::move(match.thing);
      out.push_back(std::move(q));
      tokens_of.emplace_back(first, match.last);
      i = match.last + 1;
    }
    MarkBreakdowns(out, tokens_of);
    return out;
  }

 private:
  // Fills *out with the quantity starting at token i, if any. A unit never
  // comes from the next sentence or line ("Figure 1.5\nResidents of ...").
  bool TakeMatch(size_t i, Match* out) const {
    std::optional<Match> m = MatchAt(i);
    if (!m || toks_[m->first].sentence != toks_[m->last].sentence) return false;
    *out = std::move(*m);
    return true;
  }

  const Token* At(size_t i) const { return i < toks_.size() ? &toks_[i] : nullptr; }
  bool Is(size_t i, std::string_view s) const { return i < toks_.size() && toks_[i].s == s; }
  bool IsWordCi(size_t i, std::string_view lower) const {
    return i < toks_.size() && toks_[i].kind == Kind::kWord && EqualsCi(toks_[i].s, lower);
  }
  bool Glued(size_t i) const { return i < toks_.size() && !toks_[i].space_before; }
  // Token k is a possessive's apostrophe glued to the word before it and
  // to an "s" after it ("Quenby's", "Thursday’s").
  bool PossessiveMark(size_t k) const {
    return (Is(k, "'") || Is(k, "\xE2\x80\x99")) && Glued(k) && IsWordCi(k + 1, "s") && Glued(k + 1);
  }

  // Whether the sum `q` ends at token `k`, or only lower-case words of the
  // noun it measures (up to kMaxHeadModifiers) stand between them ("a
  // €5.2m contract" before "(about £4.5m)"); a measure read after the sum
  // must be there.
  bool RestatesSum(const Quantity& q, size_t k) const {
    for (size_t n = 0; n <= kMaxHeadModifiers && k < toks_.size(); ++n, --k) {
      if (toks_[k].c1 == q.span.end) return true;
      if (n == kMaxHeadModifiers || k == 0 || !IsLowerWord(toks_[k]) || q.measure.empty() ||
          q.measure.find(Lower(toks_[k].s)) == std::string::npos) {
        return false;
      }
    }
    return false;
  }

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

  // Records the capitalised words of a PERSON name ("Zoë Fox" -> "Zoë",
  // "Fox"), so a bare surname the tagger missed still finds its entity.
  void AddNameWords(const EntityMention& m) {
    std::string_view name = m.text;
    // A description the linker resolved ("The manager") has no name words.
    for (std::string_view det : {"The ", "the ", "A ", "a ", "An ", "an ", "His ", "Her ", "Its ", "Their "}) {
      if (name.starts_with(det)) return;
    }
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
      if (name.ends_with(suffix)) name.remove_suffix(suffix.size());
    }
    size_t at = 0;
    while (at < name.size()) {
      size_t sp = name.find(' ', at);
      if (sp == std::string_view::npos) sp = name.size();
      const std::string_view word = name.substr(at, sp - at);
      at = sp + 1;
      if (word.size() < 2 || !(word[0] >= 'A' && word[0] <= 'Z') || word.back() == '.') continue;  // "J.", "Mr."
      std::vector<std::string>& ids = name_words_[std::string(word)];
      if (std::find(ids.begin(), ids.end(), m.entity) == ids.end()) ids.push_back(m.entity);
    }
  }

  // Records the head of an ORG name when it is a noun of organisations
  // (lexicons/org_nouns.txt): its last word ("Harnley Hospitals Trust"
  // -> "trust"), or the word before its first "of" ("University of
  // Tressel" -> "university"; "Association of Charity Governance" is an
  // association, no charity), so "the trust" finds the one organisation so
  // named.
  void AddOrgHeads(const EntityMention& m) {
    std::string_view name = m.text;
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
      if (name.ends_with(suffix)) name.remove_suffix(suffix.size());
    }
    if (const size_t of = name.find(" of "); of != std::string_view::npos) name = name.substr(0, of);
    const size_t space = name.rfind(' ');
    const std::string_view word = space == std::string_view::npos ? name : name.substr(space + 1);
    if (word.size() < 2 || !(word[0] >= 'A' && word[0] <= 'Z')) return;
    const std::string lower = Lower(word);
    if (!lexicon::In(lexicon::kOrgNouns, lower)) return;
    std::vector<std::string>& ids = org_heads_[lower];
    if (std::find(ids.begin(), ids.end(), m.entity) == ids.end()) ids.push_back(m.entity);
  }

  // The organisation "the <noun>" at token `noun` describes: the one the
  // article names with that noun in its name ("the trust" for "Fellbridge
  // Hospitals Trust"); "" when none or two are so named.
  std::string DescribedOrg(size_t noun) const {
    if (noun == 0 || noun >= toks_.size() || !IsLowerWord(toks_[noun]) || !IsWordCi(noun - 1, "the")) return "";
    const auto it = org_heads_.find(Lower(toks_[noun].s));
    return it != org_heads_.end() && it->second.size() == 1 ? it->second[0] : "";
  }

  // Entity of the capitalised word at token i when it names exactly one
  // known PERSON; "" otherwise (unknown or shared by two people).
  std::string PersonByNameWord(size_t i) const {
    if (i >= toks_.size() || !IsUpperWord(toks_[i])) return "";
    size_t j = i;
    while (j + 1 < toks_.size() && NameContinues(j + 1)) ++j;
    const auto it = name_words_.find(std::string(text_.substr(toks_[i].b0, toks_[j].b1 - toks_[i].b0)));
    return it != name_words_.end() && it->second.size() == 1 ? it->second[0] : "";
  }

  // Token i continues the name word before it: the tokenizer splits names at
  // non-ASCII letters ("Zoë" is "Zo" + "ë", "Zoëy" adds "y"). Two-byte UTF-8
  // sequences (lead byte 0xC3-0xDF) are Latin, Greek and Cyrillic letters;
  // curly quotes and dashes are three bytes and end the word.
  bool NameContinues(size_t i) const {
    if (i == 0 || i >= toks_.size() || !Glued(i)) return false;
    const auto letter = [&](size_t k) {
      const unsigned char lead = static_cast<unsigned char>(toks_[k].s[0]);
      return toks_[k].kind == Kind::kSym && lead >= 0xC3 && lead <= 0xDF;
    };
    return letter(i) || (toks_[i].kind == Kind::kWord && letter(i - 1));
  }

  // First token of the name word ending at token `last` (see PersonByNameWord).
  size_t NameWordStart(size_t last) const {
    size_t i = last;
    while (NameContinues(i)) --i;
    return i;
  }

  // The person named right before token i (a "," or "(" after the name):
  // a PERSON mention ending there, else a known first name or surname.
  std::string PersonJustBefore(size_t i) const {
    if (i == 0) return "";
    if (const EntityMention* p = PersonEndingBefore(i)) return p->entity;
    return PersonByNameWord(NameWordStart(i - 1));
  }

  // "Ron and Sheila Tibbett," before the comma at token `comma`: the first
  // of two people named with "and" between them (the second is the one
  // right before the comma); nullopt when the text before the comma is not
  // two such names.
  std::optional<std::string> FirstOfPair(size_t comma) const {
    const EntityMention* second = PersonEndingBefore(comma);
    if (second == nullptr) return std::nullopt;
    const size_t at = TokenStartingAt(second->span.start);
    if (at < 2 || at >= toks_.size() || !IsWordCi(at - 1, "and")) return std::nullopt;
    const EntityMention* first = PersonEndingBefore(at - 1);
    if (first == nullptr) return std::nullopt;
    return first->entity;
  }

  // A PERSON (or, unless `person_only`, ORG) mention whose span contains
  // [c0, c1): an epithet the figure is part of ("the 32-year-old star").
  const EntityMention* Containing(size_t c0, size_t c1, bool person_only) const {
    for (const EntityMention* m : by_end_) {
      if (m->span.start <= c0 && c1 <= m->span.end && (!person_only || m->type == "PERSON")) return m;
    }
    return nullptr;
  }

  // Index of the token starting at code point `cp`, or toks_.size().
  size_t TokenStartingAt(size_t cp) const {
    const auto it = std::lower_bound(toks_.begin(), toks_.end(), cp, [](const Token& t, size_t v) { return t.c0 < v; });
    return it != toks_.end() && it->c0 == cp ? static_cast<size_t>(it - toks_.begin()) : toks_.size();
  }

  // Index of the token ending at code point `cp`, or toks_.size().
  size_t TokenEndingAt(size_t cp) const {
    const auto it = std::lower_bound(toks_.begin(), toks_.end(), cp, [](const Token& t, size_t v) { return t.c1 < v; });
    return it != toks_.end() && it->c1 == cp ? static_cast<size_t>(it - toks_.begin()) : toks_.size();
  }

  // The person an attributive age describes: a PERSON mention or known name
  // word starting at token j, after at most kAttributiveGap role nouns or
  // capitalised modifiers ("42-year-old British actress Zoë Fox").
  std::string PersonAfter(size_t j) const {
    for (size_t step = 0; step <= kAttributiveGap && j < toks_.size(); ++step, ++j) {
      for (const EntityMention* m : by_end_) {
        if (m->type != "PERSON" || m->span.start != toks_[j].c0) continue;
        // "The 28-year-old Harbour Lights frontwoman": a name before a
        // person's noun modifies it (a band, a club, a town); the
        // description is someone else, found as any definite one is.
        const size_t next = TokenEndingAt(m->span.end) + 1;
        if (next < toks_.size() && IsLowerWord(toks_[next]) &&
            (lexicon::In(lexicon::kPersonNouns, Lower(toks_[next].s)) ||
             lexicon::In(lexicon::kGenderWords, Lower(toks_[next].s)))) {
          return "";
        }
        return m->entity;
      }
      if (const std::string w = PersonByNameWord(j); !w.empty()) return w;
      const bool modifier = IsRoleNoun(toks_[j]) || IsUpperWord(toks_[j]) ||
                            (Is(j, "-") && Glued(j) && Glued(j + 1));
      if (!modifier) break;
    }
    return "";
  }

  // True when the noun phrase from token j (after "-year-old") ends in an
  // organisation's noun (lexicons/org_nouns.txt, "-maker") and holds no
  // person's noun (person_nouns.txt, gender_words.txt): "British scales
  // maker", "family firm".
  bool ThingAfter(size_t j) const {
    const size_t sentence = j < toks_.size() ? toks_[j].sentence : 0;
    std::vector<size_t> words;  // the lowercase words of the phrase
    for (size_t step = 0; step < kMaxCountModifiers + 2 && j < toks_.size() && toks_[j].sentence == sentence;
         ++step, ++j) {
      if (IsUpperWord(toks_[j]) && words.empty()) continue;  // "British"; "Dutchman" is read as a name below
      if (Is(j, "-") && Glued(j) && Glued(j + 1)) continue;
      if (!IsLowerWord(toks_[j]) || InList(kPhraseEnders, toks_[j].s) || InList(kPrepositions, toks_[j].s) ||
          lexicon::In(lexicon::kStopWords, Lower(toks_[j].s))) {
        break;
      }
      words.push_back(j);
    }
    if (words.empty()) return false;
    // The phrase must be closed (punctuation, a preposition, a stop word or
    // the sentence's end after it): "The 19-year-old hit two goals" may be
    // a person and a verb.
    const bool closed = j >= toks_.size() || toks_[j].sentence != sentence || toks_[j].kind == Kind::kSym ||
                        (IsLowerWord(toks_[j]) && (InList(kPrepositions, toks_[j].s) ||
                                                   lexicon::In(lexicon::kStopWords, Lower(toks_[j].s))));
    if (!closed) return false;
    for (const size_t w : words) {
      const std::string noun = Lower(toks_[w].s);
      const std::string singular = noun.ends_with("s") ? noun.substr(0, noun.size() - 1) : noun;
      if (IsParticiple(w) || lexicon::In(lexicon::kVerbsAndAdverbs, noun)) return false;
      for (const std::string& x : {noun, singular}) {
        if (lexicon::In(lexicon::kPersonNouns, x) || lexicon::In(lexicon::kGenderWords, x)) return false;
      }
    }
    // Only an organisation's noun says it is no one ("maker", "firm",
    // "carmaker"); an unknown noun may be a person's ("trainee").
    const std::string head = Lower(toks_[words.back()].s);
    return lexicon::In(lexicon::kOrgNouns, head) || head.ends_with("maker");
  }

  // "a woman aged 31", "a 42-year-old man": an indefinite article within
  // kIndefiniteWindow tokens before `first` introduces someone new. Returns
  // its token index, or toks_.size() when there is none.
  size_t IndefiniteBefore(size_t first) const {
    for (size_t back = 1; back <= kIndefiniteWindow && back <= first; ++back) {
      const Token& t = toks_[first - back];
      if (t.kind == Kind::kSym && t.s != "-") break;
      if (IsWordCi(first - back, "a") || IsWordCi(first - back, "an")) return first - back;
    }
    return toks_.size();
  }

  // True when the figure at token `first` is the second number of a ratio:
  // "four in ten", "nine out of 10".
  bool RatioDenominator(size_t first) const {
    const auto number = [&](size_t k) { return toks_[k].kind == Kind::kNum || CardinalWord(toks_[k].s); };
    if (first >= 2 && IsWordCi(first - 1, "in") && number(first - 2)) return true;
    return first >= 3 && IsWordCi(first - 1, "of") && IsWordCi(first - 2, "out") && number(first - 3);
  }

  // True when the words before the comma at token `comma`, back to the
  // previous punctuation, open with "a"/"an" and name no one: an
  // indefinite description ("a junior engineer in the highways department,").
  bool IndefinitePhraseBefore(size_t comma) const {
    constexpr size_t kReach = 12;  // tokens
    const size_t s = toks_[comma].sentence;
    for (size_t k = comma; k-- > 0 && comma - k <= kReach && toks_[k].sentence == s;) {
      if (toks_[k].kind == Kind::kSym && toks_[k].s != "-") return false;
      if (IsWordCi(k, "a") || IsWordCi(k, "an")) {
        for (const EntityMention* m : by_start_) {
          if (m->type == "PERSON" && m->span.start >= toks_[k].c0 && m->span.end <= toks_[comma].c0) return false;
        }
        return true;
      }
    }
    return false;
  }

  // Subject of an age phrase spanning tokens [first, last] (see quantities.h).
  std::string AgeSubject(size_t first, size_t last, bool attributive) const {
    if (const EntityMention* m = Containing(toks_[first].c0, toks_[last].c1, /*person_only=*/true)) return m->entity;
    if (attributive) {
      if (std::string after = PersonAfter(last + 1); !after.empty()) return after;
      // "the 55-year-old British scales maker", "a 70-year-old family
      // firm": the age of an organisation, no one's.
      if (ThingAfter(last + 1)) return "";
    }
    // "Zoë Fox, aged 31", "Zoë Fox, then aged 31": the name right before,
    // comma skipped.
    const size_t then = first > 0 && IsWordCi(first - 1, "then") ? first - 1 : first;
    const size_t before = then > 0 && Is(then - 1, ",") ? then - 1 : then;
    if (std::string p = PersonJustBefore(before); !p.empty()) return p;
    // "a junior engineer in the highways department, then aged 26": the age
    // of someone the text describes and does not name.
    if (before < then && IndefinitePhraseBefore(before)) return "";
    const size_t article = IndefiniteBefore(first);
    // "made his debut as a 17-year-old": the age of the one who did it, the
    // first person the sentence names.
    if (article < toks_.size() && article > 0 && IsWordCi(article - 1, "as")) {
      const size_t start = sentence_start_[toks_[first].sentence];
      for (const EntityMention* e : by_start_) {
        if (e->span.start >= start && e->span.end <= toks_[article].c0 && e->type == "PERSON") return e->entity;
      }
      return "";
    }
    if (article < toks_.size()) {
      // "Zoë Fox, a 42-year-old actress": an appositive of the name.
      return article > 0 && Is(article - 1, ",") ? PersonJustBefore(article - 1) : "";
    }
    // "The 24-year-old signed on Friday": a definite description names the
    // person the article is about so far (most mentioned before it), not
    // whoever was named last; the nearest person only breaks ties.
    if (first > 0 && IsWordCi(first - 1, "the")) {
      // "Omar Lane, the 42-year-old, bowed": an appositive of the name.
      if (first > 1 && Is(first - 2, ",")) {
        if (std::string p = PersonJustBefore(first - 2); !p.empty()) return p;
      }
      const size_t s = toks_[first].sentence;
      // "Niko Vosk wrapped it up - a turnaround for the 26-year-old
      // Dutchman": one person named before it in its own sentence is the
      // one it describes.
      if (std::string own = OnlyPersonBefore(toks_[first].c0, sentence_start_[s]); !own.empty()) return own;
      return MostMentionedPersonBefore(toks_[first].c0, DescriptionReach(first));
    }
    const size_t s = toks_[first].sentence;
    return Nearest(toks_[first].c0, sentence_start_[s > 0 ? s - 1 : 0], /*person_only=*/true);
  }

  // Where a definite description at token `first` ("The 53-year-old")
  // may find whom it names: the start of the sentence before its own, or,
  // when that sentence and its own name no one ("The price smashed the
  // record."), of the one before that, the last to name someone.
  size_t DescriptionReach(size_t first) const {
    const size_t s = toks_[first].sentence;
    const size_t before = sentence_start_[s > 0 ? s - 1 : 0];
    if (s < 2) return before;
    const bool named = std::any_of(by_end_.begin(), by_end_.end(), [&](const EntityMention* m) {
      return m->type == "PERSON" && m->span.start >= before && m->span.end <= toks_[first].c0;
    });
    return named ? before : sentence_start_[s - 2];
  }

  // The one PERSON entity named in [since, pos); "" when none or several.
  std::string OnlyPersonBefore(size_t pos, size_t since) const {
    std::string only;
    for (const EntityMention* m : by_end_) {
      if (m->span.end > pos) break;
      if (m->type != "PERSON" || m->span.start < since) continue;
      if (!only.empty() && only != m->entity) return "";
      only = m->entity;
    }
    return only;
  }

  // The PERSON entity with the most mentions ending before code point
  // `pos`; among equals the one named first (a story's lede names its
  // protagonist first). "" when no candidate was named.
  // Only people named since code point `since` (this sentence and the one
  // before) are candidates: a description does not reach further back.
  std::string MostMentionedPersonBefore(size_t pos, size_t since) const {
    std::map<std::string, std::pair<size_t, size_t>> seen;  // entity -> (mentions, first start)
    std::set<std::string> near;
    for (const EntityMention* m : by_end_) {
      if (m->span.end > pos) break;
      if (m->type != "PERSON") continue;
      auto [it, fresh] = seen.try_emplace(m->entity, 0, m->span.start);
      ++it->second.first;
      it->second.second = std::min(it->second.second, m->span.start);
      if (m->span.start >= since) near.insert(m->entity);
    }
    std::string best;
    std::pair<size_t, size_t> best_key{0, 0};
    for (const auto& [entity, key] : seen) {
      if (!near.count(entity)) continue;
      if (best.empty() || key.first > best_key.first ||
          (key.first == best_key.first && key.second < best_key.second)) {
        best = entity;
        best_key = key;
      }
    }
    return best;
  }

  // True when the mention spanning tokens [mt, me] sits in a parenthetical
  // that closes before token `first`: a comma, then "who/which/the/a ...",
  // up to a comma ("Fox, who dated Ye, lost ..."; "Fox, the actress who
  // dated Ye, lost ...").
  // Tokens mt..me open their sentence in capitals and a comma and a month
  // follow: a dateline ("ASHBURY, Oct 26").
  bool IsDateline(size_t mt, size_t me) const {
    if (mt > 0 && toks_[mt - 1].sentence == toks_[mt].sentence) return false;
    for (size_t k = mt; k <= me; ++k) {
      if (toks_[k].kind != Kind::kWord) continue;
      for (const char c : toks_[k].s) {
        if (c >= 'a' && c <= 'z') return false;
      }
    }
    return Is(me + 1, ",") && me + 2 < toks_.size() && toks_[me + 2].kind == Kind::kWord &&
           !lexicon::Find(lexicon::kMonthNames, Lower(toks_[me + 2].s)).empty();
  }

  bool InClosedParenthetical(size_t mt, size_t me, size_t first) const {
    bool opened = false;
    for (size_t k = mt; k-- > 0 && toks_[k].sentence == toks_[mt].sentence;) {
      if (Is(k, ",")) {
        opened = k + 1 < toks_.size() && toks_[k + 1].kind == Kind::kWord &&
                 InList(kParentheticalOpeners, toks_[k + 1].s);
        break;
      }
    }
    if (!opened) return false;
    for (size_t k = me + 1; k < first; ++k) {
      if (Is(k, ",")) return true;
    }
    return false;
  }

  // True when the mention ending at token `me` is the speaker of reported
  // speech whose own clause holds the figure at `first` ("Fox said the firm
  // lost 30K users"), not when the figure opens that clause ("Acme said 133
  // people were sacked").
  bool SpeakerOfOtherClause(size_t me, size_t first) const {
    // The verb of saying may come after an insertion ("Marwood, who is
    // also acting minister, said Sarvonia had pledged €2m").
    size_t k = me + 1;
    while (k < first && !(toks_[k].kind == Kind::kWord && InList(kReportingVerbs, toks_[k].s))) ++k;
    if (k >= first) return false;
    for (++k; k < first; ++k) {
      if (toks_[k].kind != Kind::kWord || !InList(kNumberLeadIns, toks_[k].s)) return true;
    }
    return false;
  }

  // True when the mention starting at token `mt` stands where a clause's
  // subject does: at the sentence start or after punctuation, a capitalised
  // word, a conjunction or a reporting verb, once its own role nouns and
  // articles are skipped ("and rapper Cardi B").
  bool InSubjectPosition(size_t mt) const {
    const size_t s = toks_[mt].sentence;
    size_t k = mt;
    while (k > 0 && toks_[k - 1].sentence == s && toks_[k - 1].kind == Kind::kWord &&
           (IsRoleNoun(toks_[k - 1]) || InList(kNamePhraseWords, toks_[k - 1].s))) {
      --k;
    }
    if (k == 0 || toks_[k - 1].sentence != s) return true;
    const Token& before = toks_[k - 1];
    if (before.kind != Kind::kWord || IsUpperWord(before)) return true;
    return InList(kSubjectIntroducers, before.s) || InList(kReportingVerbs, before.s);
  }

  // True when the mention ending at token `me` is the antecedent of a
  // relative clause that reaches `first` ("Omar Lane, who has 2 million
  // fans").
  bool HeadsRelativeClause(size_t me, size_t first) const {
    size_t k = me + 1;
    if (Is(k, ",")) ++k;
    k = PastAppositiveAge(k);
    if (!(k < first && (IsWordCi(k, "who") || IsWordCi(k, "whose") || IsWordCi(k, "which")))) return false;
    if (IsWordCi(k, "whose") && !WhoseNames(k, first)) return false;
    // The clause must still be open at the figure: "Marwood, who is acting
    // minister, said Sarvonia pledged €2m" closes it first.
    for (size_t j = k + 1; j < first; ++j) {
      if (Is(j, ",")) return false;
    }
    return true;
  }

  // The token after an age set off between commas that starts at token
  // `k` ("Lee Maddox, 52, who has worked ...": from "52" to "who"); `k`
  // itself when no such age starts there. The age belongs to the name
  // before it, so what follows it is said of that name too.
  size_t PastAppositiveAge(size_t k) const {
    constexpr double kMaxAge = 119;  // as the appositive ages (quantities.h)
    if (k + 2 < toks_.size() && toks_[k].kind == Kind::kNum && Is(k + 1, ",") &&
        toks_[k + 2].sentence == toks_[k].sentence) {
      const std::optional<Number> n = NumberAt(k);
      if (n && n->plain && n->value >= 1 && n->value <= kMaxAge) return k + 2;
    }
    return k;
  }

  // The token before an age set off between commas that ends at the
  // comma at token `k` ("Dean Colley, 29, a ticket holder": from the comma
  // after "29" back to "Colley"); the token before the comma at `k` when
  // none ends there. Use to find the name a description or clause after
  // the age is of.
  size_t BeforeAppositiveAge(size_t k) const {
    if (k >= 3 && Is(k, ",") && Is(k - 2, ",") && PastAppositiveAge(k - 1) == k + 1) return k - 3;
    return k == 0 ? k : k - 1;
  }

  // True when the figure at token `first` is what "whose" at token `k`
  // names ("whose 300 members"), not the object of the verb of its
  // clause ("whose officers arrested 20 people").
  bool WhoseNames(size_t k, size_t first) const {
    QuantityBound bound = QuantityBound::kExact;
    return LeadIn(first, &bound) == k + 1;
  }

  // True when the figure at token `first` lies in a "whose" clause the
  // mention ending at token `me` opens and is not what "whose" names
  // ("Vornholt, whose officers arrested 20 people, spoke"): the
  // antecedent owns the officers, not the people they arrested.
  bool InWhoseClauseObject(size_t me, size_t first) const {
    size_t k = me + 1;
    if (Is(k, ",")) ++k;
    if (!(k < first && IsWordCi(k, "whose")) || WhoseNames(k, first)) return false;
    for (size_t j = k + 1; j < first; ++j) {
      if (Is(j, ",")) return false;
    }
    return true;
  }

  // True when a quotation closes between the mention at tokens [mt, me] and
  // `first` with the mention inside it ("'... seeing Kim ...,' one person
  // wrote"): names in someone's words do not own the figures after them.
  bool QuotedBefore(size_t mt, size_t me, size_t first) const {
    const auto quote = [&](size_t k) {
      return toks_[k].s == "\"" || toks_[k].s == "\xE2\x80\x9C" || toks_[k].s == "\xE2\x80\x9D";
    };
    size_t before = 0, between = 0;
    for (size_t k = mt; k-- > 0 && toks_[k].sentence == toks_[mt].sentence;) before += quote(k);
    for (size_t k = me + 1; k < first; ++k) between += quote(k);
    return before % 2 == 1 && between % 2 == 1;
  }

  // Possessor right before the figure: "Fox's 5,000 followers", "Acme's $2m";
  // with `described`, also an organisation a description names ("the
  // board's £1.1bn budget"; not for counts: "the authority's 212-page
  // decision" counts the decision's pages).
  std::string Possessor(size_t first, bool described = false) const {
    if (first < 3 || !IsWordCi(first - 1, "s") || !Glued(first - 1)) return "";
    if (!(Is(first - 2, "'") || Is(first - 2, "\xE2\x80\x99")) || !Glued(first - 2)) return "";
    const size_t end_cp = toks_[first - 3].c1;
    for (const EntityMention* m : by_end_) {
      if (m->span.end == end_cp) return m->entity;
    }
    if (described) {
      if (std::string org = DescribedOrg(first - 3); !org.empty()) return org;
    }
    return PersonByNameWord(NameWordStart(first - 3));
  }

  // True when token k sits in an aside set off by commas that closes
  // before token `first` in the same sentence.
  bool InClosedAside(size_t k, size_t first) const {
    bool closed = false;
    for (size_t j = k + 1; j < first && !closed; ++j) closed = Is(j, ",");
    if (!closed) return false;
    for (size_t j = k; j-- > 0 && toks_[j].sentence == toks_[k].sentence;) {
      if (Is(j, ",")) return true;
    }
    return false;
  }

  // The organisation "it" at token `k` stands for when the clause says so:
  // right after a verb of saying (or its "that"), the organisation named as
  // the verb's subject (NamedSubjectOf: "Acme, which runs the line, said it
  // had inspected 212 culverts"). "" otherwise: "it" is mostly a thing, and
  // an organisation a sentence before may not be what it stands for.
  std::string ItReferent(size_t k) const {
    if (k == 0) return "";
    size_t verb = k - 1;
    if (IsWordCi(verb, "that") && verb > 0) --verb;
    if (toks_[verb].sentence != toks_[k].sentence || !IsLowerWord(toks_[verb]) ||
        !InList(kSayingVerbs, Lower(toks_[verb].s))) {
      return "";
    }
    const EntityMention* e = NamedSubjectOf(verb);
    return e != nullptr && e->type == "ORG" ? e->entity : "";
  }

  // The entity a pronoun before `first` in its sentence stands for:
  // he/she/his/her -> a PERSON, its -> an ORG: the nearest one before it in
  // its sentence, else the first of the sentence before; for "its", else
  // the organisation a description names, whatever the figure. Returns the
  // pronoun's token index in *at, or toks_.size() when there is none.
  std::string PronounReferent(size_t first, size_t* at, bool sum = false) const {
    *at = toks_.size();
    const size_t s = toks_[first].sentence;
    for (size_t k = first; k-- > 0 && toks_[k].sentence == s;) {
      if (toks_[k].kind != Kind::kWord) continue;
      const std::string l = Lower(toks_[k].s);
      const bool person = l == "he" || l == "she" || l == "his" || l == "her";
      if (l == "it" && sum) {
        // "Acme said it had raised £2m": a sum an organisation says of
        // itself (not a count: "said it would cut 140 jobs" counts the
        // cuts). Any other "it" may be a thing: no one's, and no pronoun.
        const std::string own = ItReferent(k);
        if (own.empty()) continue;
        *at = k;
        return own;
      }
      if (!person && l != "its") continue;
      if (InClosedAside(k, first)) continue;  // "The rocket, built by Acme at its plant, carried 7 satellites"
      *at = k;
      // The nearest fitting name before it in its own sentence; else the
      // first of the sentence before, its subject ("Lindqvist tore a
      // hamstring against Kellerby. He has started six matches").
      const std::string_view type = person ? "PERSON" : "ORG";
      const size_t own = sentence_start_[s];
      const size_t limit = sentence_start_[s > 0 ? s - 1 : 0];
      const EntityMention* previous_first = nullptr;
      for (auto it = std::upper_bound(by_end_.begin(), by_end_.end(), toks_[k].c0,
                                      [](size_t v, const EntityMention* m) { return v < m->span.end; });
           it != by_end_.begin();) {
        --it;
        if ((*it)->span.end < limit) break;
        if ((*it)->span.start < limit || (*it)->type != type) continue;
        if ((*it)->span.start >= own) return (*it)->entity;
        previous_first = *it;
      }
      // "The trust spends £9.4m on IT, 2.1% of its £450m budget": no name
      // in its sentence, the nearest organisation a description names.
      if (!person) {
        for (size_t d = k; d-- > 1 && toks_[d].sentence == s;) {
          if (std::string org = DescribedOrg(d); !org.empty()) return org;
        }
      }
      return previous_first != nullptr ? previous_first->entity : "";
    }
    return "";
  }

  // The antecedent that owns a figure opening a relative clause, when the
  // clause is one of possession or of place: "the Larchfield care home,
  // whose 22 residents" (what "whose" names is the antecedent's), "in
  // Dunmore, where 11,000 fans watched" (what happens at a named place is
  // that place's). The antecedent's entity when a mention ends right
  // before the clause; when it is a thing or an untagged name, someone's
  // not known (*unresolved), never the story's own event. nullopt when the
  // figure opens no such clause.
  std::optional<std::string> RelativeAntecedent(size_t lead, bool* unresolved) const {
    if (lead < 2) return std::nullopt;
    const bool whose = IsWordCi(lead - 1, "whose");
    const bool where = IsWordCi(lead - 1, "where") && Is(lead - 2, ",");
    if (!whose && !where) return std::nullopt;
    size_t a = lead - 2;
    if (Is(a, ",") && a > 0) --a;
    if (toks_[a].sentence != toks_[lead].sentence) return std::nullopt;
    for (const std::vector<const EntityMention*>* mentions : {&by_end_, &places_}) {
      for (const EntityMention* e : *mentions) {
        if (e->span.end == toks_[a].c1) return e->entity;
      }
    }
    // "a village, where 300 homes flooded": a common noun's place is as
    // likely the story's own as not; only a name sets it apart.
    if (where && !IsUpperWord(toks_[a])) return std::nullopt;
    *unresolved = true;
    return std::string();
  }

  // The name a distance is set beside, between commas, as how far away it
  // lies: "Grayford Showground, 30 miles away", "Pellac, 60 kilometres to
  // the east". It tells where that place is, not how far anything of the
  // story's event reached: the place's entity, else someone's not known
  // (*unresolved). nullopt when the figure is no such distance.
  std::optional<std::string> DistanceOfPlace(const Match& m, size_t lead, bool* unresolved) const {
    if (m.unit != "miles" && m.unit != "kilometres" && m.unit != "metres") return std::nullopt;
    if (lead < 2 || !Is(lead - 1, ",") || !IsUpperWord(toks_[lead - 2]) ||
        toks_[lead - 2].sentence != toks_[m.first].sentence) {
      return std::nullopt;
    }
    const size_t next = m.last + 1;
    const auto direction = [&](size_t k) {
      return k < toks_.size() && toks_[k].kind == Kind::kWord &&
             lexicon::In(lexicon::kDirectionsMain, Lower(toks_[k].s));
    };
    if (!(IsWordCi(next, "away") || IsWordCi(next, "from") || direction(next) ||
          (IsWordCi(next, "to") && IsWordCi(next + 1, "the") && direction(next + 2)))) {
      return std::nullopt;
    }
    for (const std::vector<const EntityMention*>* mentions : {&by_end_, &places_}) {
      for (const EntityMention* e : *mentions) {
        if (e->span.end == toks_[lead - 2].c1) return e->entity;
      }
    }
    *unresolved = true;
    return std::string();
  }

  // The named antecedent of the "which" or "who" clause the figure at
  // token `first` stands in, still open there: "Quillon, which runs 38
  // data centres in 11 countries", "Wexcombe, which manages 18,500 homes
  // and employs about 900 staff". Such a clause describes its antecedent,
  // every figure in it, after a verb or a preposition alike; a place's
  // name heads one too (the tagger takes many a firm for its town). ""
  // when the figure is in no such clause, or in one a verb of saying or
  // "that" hands to another subject ("Fox, who said 300 homes burned"),
  // or when "the" or "all" before the figure (at token `lead`) makes it a
  // set the story already knows ("Tarnline, which runs the 11 routes
  // losing their subsidy").
  std::string NamedRelativeHead(size_t first, size_t lead) const {
    const size_t s = toks_[first].sentence;
    if (lead > 0 && (IsWordCi(lead - 1, "the") || IsWordCi(lead - 1, "all"))) return "";
    for (size_t k = first; k-- > 0 && toks_[k].sentence == s;) {
      if (Is(k, ",") || Is(k, ";") || Is(k, "(") || Is(k, ")")) return "";
      if (toks_[k].kind != Kind::kWord) continue;
      const std::string w = Lower(toks_[k].s);
      if (InList(kSayingVerbs, w) || InList(kReportingVerbs, w) || w == "that" || w == "whose") return "";
      if (w != "which" && w != "who") continue;
      if (k < 2 || !Is(k - 1, ",")) return "";
      const size_t name_end = BeforeAppositiveAge(k - 1);
      // A name after a preposition modifies another noun, which is the
      // antecedent ("Carver, of East Brandling, who was visiting",
      // "the union of Corvane, which represents").
      for (const std::vector<const EntityMention*>* mentions : {&by_end_, &places_}) {
        for (const EntityMention* e : *mentions) {
          if (e->span.end != toks_[name_end].c1) continue;
          const size_t mt = TokenStartingAt(e->span.start);
          const bool after_preposition = mt > 0 && mt < toks_.size() && IsLowerWord(toks_[mt - 1]) &&
                                         toks_[mt - 1].sentence == s && InList(kPrepositions, toks_[mt - 1].s);
          return after_preposition ? "" : e->entity;
        }
      }
      return "";
    }
    return "";
  }

  // Subject of counts, money, percentages and ranks spanning tokens
  // [first, last] (see quantities.h).
  std::string ClauseSubject(size_t first, size_t last, bool sum = false) const {
    if (const EntityMention* m = Containing(toks_[first].c0, toks_[last].c1, /*person_only=*/false)) return m->entity;
    if (std::string p = Possessor(first); !p.empty()) return p;
    if (IsCountNoun(toks_[last]) && IsWordCi(last + 1, "of") && last + 2 < toks_.size()) {
      for (const EntityMention* m : by_end_) {
        if (m->span.start == toks_[last + 2].c0) return m->entity;  // "5,000 followers of Zoë Fox"
      }
    }
    size_t pronoun = toks_.size();
    const std::string referent = PronounReferent(first, &pronoun, sum);
    const size_t limit = sentence_start_[toks_[first].sentence];
    // "Police arrested two men after drone sightings closed the runway for
    // seven hours": a clause a conjunction opens before the figure, not
    // closed by a comma, has its own subject; names before it are not it.
    // The figure's lead-in is its own ("as many as 300 staff").
    std::optional<size_t> clause_open;  // code point where that clause opens
    QuantityBound lead_bound = QuantityBound::kExact;
    for (size_t k = LeadIn(first, &lead_bound); k-- > 0 && toks_[k].sentence == toks_[first].sentence;) {
      if (Is(k, ",")) break;
      if (IsLowerWord(toks_[k]) && lexicon::In(lexicon::kSubordinatorsLinks, Lower(toks_[k].s))) {
        clause_open = toks_[k].c0;
        break;
      }
    }
    std::string object;  // the nearest candidate in object position
    for (auto it = std::upper_bound(by_end_.begin(), by_end_.end(), toks_[first].c0,
                                    [](size_t v, const EntityMention* m) { return v < m->span.end; });
         it != by_end_.begin();) {
      --it;
      const EntityMention& m = **it;
      if (m.span.end < limit || (clause_open && m.span.end <= *clause_open)) break;
      if (m.span.start < limit) continue;
      const size_t mt = TokenStartingAt(m.span.start);
      const size_t me = TokenEndingAt(m.span.end);
      if (mt >= toks_.size() || me >= toks_.size()) continue;
      if (pronoun < toks_.size() && pronoun > me) break;  // the pronoun is nearer
      if (HeadsRelativeClause(me, first)) return m.entity;
      if (InWhoseClauseObject(me, first)) continue;
      if (mt > 0 && toks_[mt - 1].kind == Kind::kWord && InList(kPrepositions, toks_[mt - 1].s)) continue;
      if (InClosedParenthetical(mt, me, first) || SpeakerOfOtherClause(me, first)) continue;
      // "ASHBURY, Oct 26 (Meridian Wire) - Shares in ...": a dateline's
      // place is where the report was filed, no participant.
      if (IsDateline(mt, me)) continue;
      // "AURENNE, July 21 (Linea) - Temperatures hit 44.1C": a name in
      // brackets closed before the figure (a dateline's agency, an
      // acronym) is no participant of its clause.
      if (mt > 0 && Is(mt - 1, "(") && me + 1 < first && Is(me + 1, ")")) continue;
      if (QuotedBefore(mt, me, first)) continue;
      if (InSubjectPosition(mt)) return m.entity;
      if (object.empty()) object = m.entity;
    }
    if (!referent.empty() || pronoun < toks_.size()) return referent;
    if (!object.empty()) return object;
    // A bare surname the tagger missed ("Fox lost 30K followers"); words of
    // tagged mentions were weighed above.
    for (size_t k = first; k-- > 0 && toks_[k].sentence == toks_[first].sentence &&
                           !(clause_open && toks_[k].c0 <= *clause_open);) {
      if (Containing(toks_[k].c0, toks_[k].c1, /*person_only=*/false) != nullptr) continue;
      if (std::string w = PersonByNameWord(k); !w.empty() && !(k > 0 && InList(kPrepositions, toks_[k - 1].s))) {
        return w;
      }
    }
    return "";
  }

  // ---- frames: how exactly, of what and whose (see Quantity) ----------------

  // The words before token `first` that say how exactly the figure is
  // stated ("about", "more than"); returns the first of them (`first`
  // when there are none) and sets *bound.
  size_t LeadIn(size_t first, QuantityBound* bound) const {
    *bound = QuantityBound::kExact;
    // Longest first: "no more than" before "more than".
    for (size_t n = std::min(kMaxLeadWords, first); n > 0; --n) {
      std::string phrase;
      bool words = true;
      for (size_t t = first - n; t < first && words; ++t) {
        // A hyphen inside a word ("eye-watering") joins its halves.
        const bool hyphen = Is(t, "-") && t > first - n && t + 1 < first && Glued(t) && Glued(t + 1);
        words = (hyphen || toks_[t].kind == Kind::kWord) && toks_[t].sentence == toks_[first].sentence;
        const bool joined = t == first - n || hyphen || Is(t - 1, "-");
        phrase += (joined ? "" : " ") + Lower(toks_[t].s);
      }
      if (!words) continue;
      // "a whopping £1.7m", "a staggering 40 per cent": the figure as
      // stated; what it measures is read before the intensifier.
      if (lexicon::In(lexicon::kLeadPhrasesExact, phrase)) return first - n;
      if (lexicon::In(lexicon::kLeadPhrasesAtMost, phrase)) {
        *bound = QuantityBound::kAtMost;
      } else if (lexicon::In(lexicon::kLeadPhrasesAtLeast, phrase)) {
        *bound = QuantityBound::kAtLeast;
      } else if (lexicon::In(lexicon::kLeadPhrasesApprox, phrase)) {
        *bound = QuantityBound::kApprox;
      } else {
        continue;
      }
      return first - n;
    }
    return first;
  }


  // True when the figure's own tokens carry a scale ("12 million", "£1.2m").
  bool HasScale(const Match& m) const {
    for (size_t k = m.first; k <= m.last; ++k) {
      if (toks_[k].kind == Kind::kWord && WordScale(toks_[k].s)) return true;
      if (toks_[k].kind == Kind::kNum) {
        const std::optional<Number> n = ParseNumber(toks_[k].s);
        if (n && n->scaled) return true;
      }
    }
    return false;
  }

  // When `m` is the upper end of "between X and Y" or "X to Y" (not "from
  // X to Y", a change), the token X starts at ("between" included) with
  // *low set to X, scaled like Y when X has no scale ("8 to 12 million").
  std::optional<size_t> RangeStart(const Match& m, double* low) const {
    const size_t f = m.first;
    if (f < 2) return std::nullopt;
    const bool and_ = IsWordCi(f - 1, "and");
    if (!and_ && !IsWordCi(f - 1, "to")) return std::nullopt;
    size_t x_first = f - 2;
    double scale = 1;
    if (toks_[x_first].kind == Kind::kWord) {
      const std::optional<double> s = WordScale(toks_[x_first].s);
      if (!s || x_first == 0) return std::nullopt;
      scale = *s;
      --x_first;
    }
    if (toks_[x_first].kind != Kind::kNum || toks_[x_first].sentence != toks_[f].sentence) return std::nullopt;
    const std::optional<Number> n = ParseNumber(toks_[x_first].s);
    if (!n || n->ordinal) return std::nullopt;
    double x = n->value * scale;
    size_t start = x_first;
    if (start > 0 && Glued(start) && toks_[start - 1].kind == Kind::kSym) {
      --start;  // "$8m"
      if (start > 0 && Glued(start) && toks_[start - 1].kind == Kind::kWord) --start;  // "US$8m"
    }
    const bool between = start > 0 && IsWordCi(start - 1, "between");
    if (and_ != between) return std::nullopt;
    if (!between && start > 0 && IsWordCi(start - 1, "from")) return std::nullopt;
    constexpr double kScaleStep = 1000;
    if (n->plain && scale == 1 && HasScale(m)) {
      while (x * kScaleStep <= m.value) x *= kScaleStep;
    }
    if (x >= m.value) return std::nullopt;
    *low = x;
    return between ? start - 1 : start;
  }

  // "400-450 firefighters": a range written with a hyphen, which the
  // compound rule (ids, scores) otherwise leaves alone.
  std::optional<Match> MatchHyphenRange(size_t i) const {
    if (!(Is(i + 1, "-") && Glued(i + 1) && Glued(i + 2) && At(i + 2) != nullptr &&
          toks_[i + 2].kind == Kind::kNum)) {
      return std::nullopt;
    }
    if ((Is(i + 3, "-") && Glued(i + 3)) || (i > 0 && Glued(i))) return std::nullopt;  // "555-01-99", "A400-450"
    const std::optional<Number> lo = ParseNumber(toks_[i].s);
    const std::optional<Number> hi = ParseNumber(toks_[i + 2].s);
    if (!lo || !hi || !lo->plain || !hi->plain || lo->value >= hi->value) return std::nullopt;
    double value = 0;
    const size_t last = Scale(i + 2, *hi, &value);
    std::optional<Match> m = MatchUnit(i, last, value, /*count_allowed=*/true);
    if (m) m->low = lo->value * (value / hi->value);
    return m;
  }

  // A past participle saying what happened to what was counted: "-ed"
  // words and kIrregularParticiples, lower case.
  bool IsParticiple(size_t k) const {
    if (k >= toks_.size() || !IsLowerWord(toks_[k])) return false;
    const std::string l = Lower(toks_[k].s);
    if (InList(kSayingVerbs, l)) return false;
    if (InList(kIrregularParticiples, l)) return true;
    constexpr size_t kMinParticipleChars = 5;  // "used" is too short to tell from "bed"
    return l.size() >= kMinParticipleChars && l.ends_with("ed") && !InList(kNotParticiples, l);
  }

  // What happened to what a count counts: a participle after it, through
  // auxiliaries ("37 homes (have been) destroyed"), or a verb right before
  // it ("destroyed 37 homes", "had evacuated 2,300 people"). "" when none.
  std::string CountEvent(size_t last, size_t lead) const {
    // After the noun, a participle is passive only behind an auxiliary or
    // before its agent ("37 homes were destroyed", "37 homes destroyed by
    // the fire"); "400 firefighters worked" is what they did.
    size_t k = last + 1;
    // "27 of them were taken to hospital": what the part underwent.
    if (IsWordCi(k, "of") && (IsWordCi(k + 1, "them") || IsWordCi(k + 1, "whom"))) k += 2;
    size_t aux = 0;
    // Modals too: "nine schools would be affected", "520 jobs will be cut".
    for (; aux < 3 && k < toks_.size() && toks_[k].kind == Kind::kWord &&
           (InList(kAuxiliaries, toks_[k].s) || InList(kModalWords, Lower(toks_[k].s)));
         ++aux) {
      ++k;
    }
    // "540 jobs are set to go", "as many as 450 roles could go": jobs go
    // when they are cut.
    if (k < toks_.size() && toks_[k].sentence == toks_[last].sentence && IsLowerWord(toks_[k]) &&
        lexicon::In(lexicon::kVerbsAndAdverbsJobsGo, Lower(toks_[k].s))) {
      const std::string noun = Lower(toks_[last].s);
      const std::string_view group = lexicon::Find(lexicon::kCountSynonyms, noun);
      if (noun == "jobs" || group == "jobs" || group == "staff") return "cut";
    }
    // "86 employees have been made redundant", "86 staff lost their jobs":
    // laid off, the jobs cut.
    if (aux > 0 && IsWordCi(k, "made") && IsWordCi(k + 1, "redundant")) return "cut";
    if ((IsWordCi(k, "lost") || IsWordCi(k, "lose")) &&
        (IsWordCi(k + 1, "their") || IsWordCi(k + 1, "his") || IsWordCi(k + 1, "her")) && IsWordCi(k + 2, "jobs")) {
      return "cut";
    }
    if (k < toks_.size() && toks_[k].sentence == toks_[last].sentence && IsParticiple(k) &&
        (aux > 0 || IsWordCi(k + 1, "by"))) {
      // "were taken to hospital", "treated in hospital": where they were
      // taken names what happened (lexicons/event_stems.txt).
      if ((IsWordCi(k + 1, "to") || IsWordCi(k + 1, "in")) && k + 2 < toks_.size() &&
          toks_[k + 2].kind == Kind::kWord) {
        const std::string_view place = lexicon::Find(lexicon::kEventStems, Lower(toks_[k + 2].s));
        if (!place.empty()) return std::string(place);
      }
      return EventStem(Lower(toks_[k].s));
    }
    // "Three people died": a listed event needs no auxiliary.
    if (aux == 0 && k < toks_.size() && toks_[k].sentence == toks_[last].sentence && IsKnownEvent(k)) {
      return EventStem(Lower(toks_[k].s));
    }
    if (lead > 0 && toks_[lead - 1].sentence == toks_[last].sentence &&
        (IsParticiple(lead - 1) || IsKnownEvent(lead - 1))) {
      const std::string verb = Lower(toks_[lead - 1].s);
      // "admitted 23 students to its medical school", "admits 280 students
      // a year": admitted anywhere but to a hospital is no one hospitalised.
      if (verb.starts_with("admit") && !IsWordCi(last + 2, "hospital") && !IsWordCi(last + 3, "hospital")) {
        return verb;
      }
      return EventStem(verb);
    }
    return "";
  }

  // A lower-case verb form of a listed event ("eliminate", "cutting").
  bool IsKnownEvent(size_t k) const {
    if (!IsLowerWord(toks_[k])) return false;
    const std::string event = EventStem(Lower(toks_[k].s));
    return std::any_of(std::begin(lexicon::kEventStems), std::end(lexicon::kEventStems),
                       [&](const lexicon::MapEntry& e) { return e.value == event; });
  }

  // Modifiers between a count's figure and its noun, lower case ("12 farm
  // buildings" -> "farm"); scale words and the figure are not modifiers.
  std::string CountModifiers(const Match& m) const {
    std::string out;
    size_t k = m.last;
    const auto modifier = [&](size_t at) {
      return at > m.first && toks_[at].kind == Kind::kWord && !WordScale(toks_[at].s) && !CardinalWord(toks_[at].s) &&
             !IsWordCi(at, "hundred");
    };
    while (modifier(k - 1)) {
      // "86 of its staff": the group's determiner and "of" are no modifiers.
      if (IsWordCi(k - 1, "of") || IsWordCi(k - 1, "the") || IsWordCi(k - 1, "its") || IsWordCi(k - 1, "their") ||
          IsWordCi(k - 1, "his") || IsWordCi(k - 1, "her")) {
        break;
      }
      // "610 of the airline's employees": the owner's mark ends them too.
      if (k >= 3 && PossessiveMark(k - 2)) break;
      if (!Is(k - 2, "-")) {
        --k;
        continue;
      }
      // "9,000 season-ticket holders": a hyphenated modifier of nouns is
      // one and narrows the count; a participle compound describes it
      // ("laboratory-confirmed cases" are the cases confirmed); after a
      // figure ("12-month") the hyphen binds the figure.
      const std::string second = Lower(toks_[k - 1].s);
      const bool participle = second.ends_with("ed") || InList(kIrregularParticiples, second);
      if (k >= 3 && modifier(k - 3) && Glued(k - 2) && Glued(k - 1) && !participle) {
        k -= 3;
        continue;
      }
      break;
    }
    for (; k < m.last; ++k) {
      if (Is(k, "-") && Glued(k)) {
        if (!out.empty()) out.pop_back();
        out += "-";
      } else {
        out += Lower(toks_[k].s) + " ";
      }
    }
    return out;
  }

  // True when words after a count's noun widen it to a whole ("1,100 jobs
  // across the company", "14,000 people worldwide", "in all").
  bool Widened(size_t last) const {
    size_t k = last + 1;
    if (IsParticiple(k)) ++k;
    if (k < toks_.size() && toks_[k].kind == Kind::kWord && InList(kWholeWords, toks_[k].s)) return true;
    if (IsWordCi(k, "in") && (IsWordCi(k + 1, "all") || IsWordCi(k + 1, "total"))) return true;
    // "1,100 jobs from Veltrane's global workforce": a whole named for its owner.
    if (IsWordCi(k, "from") && k + 2 < toks_.size() && IsUpperWord(toks_[k + 1])) {
      size_t j = k + 1;
      while (j + 1 < toks_.size() && IsUpperWord(toks_[j + 1])) ++j;
      if (Is(j + 1, "'") || Is(j + 1, "\xE2\x80\x99")) return true;
    }
    return IsWordCi(k, "across") && IsWordCi(k + 1, "the") && k + 2 < toks_.size() &&
           (IsWordCi(k + 2, "company") || IsWordCi(k + 2, "group") || IsWordCi(k + 2, "country") ||
            IsWordCi(k + 2, "business") || IsWordCi(k + 2, "region"));
  }

  // The group a count is restricted to, right after its noun: "82 patients
  // in the ferastin group" -> "ferastin group", "90 people from the
  // village" -> "village"; "" when none.
  std::string Restriction(size_t last) const {
    // Events a count is set in, not a group it is picked from ("1,904 votes
    // in the mayoral race").
    // lexicons/count_scopes.txt, tag setting.
    constexpr const auto& kSettings = lexicon::kCountScopesSetting;
    size_t k = last + 1;
    // "at the site" locates a count rather than picking part of it.
    if (!(IsWordCi(k, "in") || IsWordCi(k, "from"))) return "";
    if (!(IsWordCi(k + 1, "the") || IsWordCi(k + 1, "its") || IsWordCi(k + 1, "their"))) return "";
    std::string phrase;
    for (size_t j = k + 2, n = 0; j < toks_.size() && n < kMaxHeadModifiers && IsLowerWord(toks_[j]) &&
                                  toks_[j].sentence == toks_[last].sentence;
         ++j, ++n) {
      const std::string w = Lower(toks_[j].s);
      if (InList(kPhraseEnders, w) || InList(kPrepositions, w) || w.ends_with("ly")) break;
      phrase += (phrase.empty() ? "" : " ") + w;
    }
    const size_t sp = phrase.rfind(' ');
    const std::string head = sp == std::string::npos ? phrase : phrase.substr(sp + 1);
    return InList(kSettings, head) ? "" : phrase;
  }

  // "Thirty-eight flights were cancelled - 23 departures and 15 arrivals -",
  // "(12 men and 9 women)": counts set off by a dash, a parenthesis or a
  // colon after a count of the same sentence, joined by "and" or commas,
  // that add up to it exactly are its parts. Each measures its own noun
  // within the whole's ("departures in flights cancelled"), so it is never
  // set against another outlet's whole.
  void MarkBreakdowns(std::vector<Quantity>& out, const std::vector<std::pair<size_t, size_t>>& tokens_of) const {
    const auto is_count = [](const Quantity& q) {
      return !q.unit.empty() && !IsCurrencyUnit(q.unit) && q.unit != "percent" && q.unit != "years" &&
             q.measure != "age" && q.high <= 0 && !IsTimeUnit(q.unit + "s");
    };
    for (size_t t = 0; t < out.size(); ++t) {
      if (!is_count(out[t]) || out[t].measure.empty()) continue;
      const size_t sentence = toks_[tokens_of[t].first].sentence;
      // The opening mark: after the whole and the words of its clause.
      size_t k = tokens_of[t].second + 1;
      while (k < toks_.size() && toks_[k].sentence == sentence && toks_[k].kind == Kind::kWord) ++k;
      if (k >= toks_.size() || toks_[k].sentence != sentence || !(Is(k, "-") || Is(k, "(") || Is(k, ":") ||
                                                                  Is(k, "\xE2\x80\x93") || Is(k, "\xE2\x80\x94"))) {
        continue;
      }
      double sum = 0;
      size_t parts = 0, next = k + 1;
      for (size_t p = t + 1; p < out.size() && next < toks_.size() && tokens_of[p].first == next; ++p) {
        if (!is_count(out[p]) || out[p].value >= out[t].value) break;
        sum += out[p].value;
        ++parts;
        next = tokens_of[p].second + 1;
        // The part's noun words, then "and" or a comma before the next part.
        while (next < toks_.size() && toks_[next].sentence == sentence && toks_[next].kind == Kind::kWord &&
               !IsWordCi(next, "and")) {
          ++next;
        }
        if (Is(next, ",")) ++next;
        if (IsWordCi(next, "and")) ++next;
      }
      if (parts < 2 || sum != out[t].value) continue;
      for (size_t p = t + 1; p <= t + parts; ++p) {
        out[p].measure = (out[p].measure.empty() ? out[p].unit : out[p].measure) + " in " + out[t].measure;
      }
    }
  }

  // Whether the words from token k add charges to a sum: "with fees",
  // "including buyer's premium", "plus VAT", "inclusive of costs".
  bool WithCharges(size_t k) const {
    if (k >= toks_.size() || toks_[k].kind != Kind::kWord) return false;
    const std::string w = Lower(toks_[k].s);
    if (w == "inclusive" && IsWordCi(k + 1, "of")) {
      ++k;
    } else if (w != "with" && w != "including" && w != "plus") {
      return false;
    }
    constexpr size_t kMaxChargeWords = 4;  // "including the auction house's premium"
    for (size_t j = k + 1; j < toks_.size() && j <= k + kMaxChargeWords && toks_[j].sentence == toks_[k].sentence;
         ++j) {
      if (toks_[j].kind != Kind::kWord && !PossessiveMark(j) && !(j > 0 && PossessiveMark(j - 1))) return false;
      if (lexicon::In(lexicon::kSumWordsCharge, Lower(toks_[j].s))) return true;
    }
    return false;
  }

  // "the 643 jobs" in "480 of the 643 jobs", "the airline's 11 aircraft"
  // in "nine of the airline's 11 aircraft": the whole a part is of.
  bool IsWholeOfPart(size_t lead) const {
    constexpr size_t kMaxReach = kMaxOwnerWords + 4;  // "of the city's" before the whole's figure
    for (size_t of = lead; of-- > 1 && lead - of <= kMaxReach && toks_[of].sentence == toks_[lead].sentence;) {
      if (!IsWordCi(of, "of")) continue;
      return WholeAfterOf(of) == lead && (toks_[of - 1].kind == Kind::kNum || CardinalWord(toks_[of - 1].s));
    }
    return false;
  }

  // The token where the whole's figure starts after the "of" at token `of`
  // in a part's phrase: past a possessive determiner ("of its 140
  // staff") or an owner in the possessive ("of the firm's 140 staff", "of
  // Corrant's 11 aircraft", up to kMaxOwnerWords words); toks_.size() when
  // no figure stands there.
  size_t WholeAfterOf(size_t of) const {
    size_t k = of + 1;
    if (IsWordCi(k, "the") || IsWordCi(k, "its") || IsWordCi(k, "their") || IsWordCi(k, "his") ||
        IsWordCi(k, "her") || IsWordCi(k, "our")) {
      ++k;
    }
    for (size_t n = 0, w = k; n < kMaxOwnerWords && w + 2 < toks_.size() && toks_[w].kind == Kind::kWord &&
                              !CardinalWord(toks_[w].s);
         ++n, ++w) {
      if (PossessiveMark(w + 1)) {
        k = w + 3;
        break;
      }
    }
    if (k >= toks_.size() || k == of + 1 || toks_[k].sentence != toks_[of].sentence) return toks_.size();
    const std::optional<Number> n = NumberAt(k);
    return (n && !n->ordinal) || (toks_[k].kind == Kind::kWord && CardinalWord(toks_[k].s)) ? k : toks_.size();
  }

  // The head noun of the phrase a figure modifies or is followed by ("$4.8
  // million repair contract" -> "contract", "15% contained", "$6m in
  // emergency aid" -> "aid", "12% of the vote" -> "vote"); "" when none.
  std::string HeadAfter(size_t last) const {
    size_t k = last + 1;
    const size_t s = toks_[last].sentence;
    // "a £1.4bn ($1.8bn) project", "a €45m (about £38m) provision": the
    // sum restated in brackets stands between the figure and the noun it
    // modifies; read past it. Not into a phrase a preposition opens ("(£36m)
    // in a funding round"): the words before the figure say more there.
    if (Is(k, "(")) {
      constexpr size_t kMaxRestatedTokens = 6;  // "(about US$ 1.46 bn)"
      size_t close = k + 1;
      bool number = false;
      while (close < toks_.size() && close <= k + kMaxRestatedTokens && toks_[close].sentence == s && !Is(close, ")")) {
        number = number || toks_[close].kind == Kind::kNum;
        ++close;
      }
      if (number && close + 1 < toks_.size() && Is(close, ")") && toks_[close + 1].sentence == s &&
          IsLowerWord(toks_[close + 1]) && !InList(kPrepositions, Lower(toks_[close + 1].s)) &&
          !InList(kPhraseEnders, Lower(toks_[close + 1].s))) {
        k = close + 1;
      }
    }
    // "worth $12.6m in total": a whole, not what the sum is of.
    if (IsWordCi(k, "in") && (IsWordCi(k + 1, "total") || IsWordCi(k + 1, "all"))) return "";
    // "a footbridge costing £350,000 in place by Christmas": where, not what.
    if (IsWordCi(k, "in") && IsWordCi(k + 1, "place")) return "";
    // "raised £9.5m in a Series A round", "lost £40m in a Ponzi scheme": a
    // named kind of event the sum was raised or lost in names it.
    if (IsWordCi(k, "in") && (IsWordCi(k + 1, "a") || IsWordCi(k + 1, "an"))) {
      constexpr size_t kMaxKindNameWords = 3;
      size_t j = k + 2;
      while (j < toks_.size() && j < k + 2 + kMaxKindNameWords && toks_[j].sentence == s &&
             toks_[j].kind == Kind::kWord && !IsLowerWord(toks_[j])) {
        ++j;
      }
      if (j > k + 2 && j < toks_.size() && toks_[j].sentence == s && IsLowerWord(toks_[j])) {
        std::string kind;
        for (size_t n = 0; n < kMaxHeadModifiers && j < toks_.size() && toks_[j].sentence == s &&
                           IsLowerWord(toks_[j]);
             ++n, ++j) {
          const std::string w = Lower(toks_[j].s);
          if (InList(kPhraseEnders, w) || InList(kPrepositions, w) || w.ends_with("ly") || CardinalWord(w)) break;
          kind += (kind.empty() ? "" : " ") + w;
        }
        if (!kind.empty()) return kind;
      }
    }
    const bool linked = IsWordCi(k, "in") || IsWordCi(k, "of");
    if (linked) {
      // "$6m in emergency aid" names the sum's form; "£100m in the window"
      // only when it was spent.
      if (IsWordCi(k, "in") && (IsWordCi(k + 1, "the") || IsWordCi(k + 1, "its") || IsWordCi(k + 1, "their"))) {
        return "";
      }
      ++k;
      if (IsWordCi(k, "the") || IsWordCi(k, "its") || IsWordCi(k, "their")) ++k;
      // "31 per cent of Quenby's income": past the possessor's name.
      size_t name = k;
      while (name < toks_.size() && name < k + kMaxHeadModifiers && IsUpperWord(toks_[name]) &&
             toks_[name].sentence == s) {
        ++name;
      }
      if (name > k && PossessiveMark(name)) k = name + 2;
    }
    std::string phrase;
    // Names inside the phrase are skipped ("the $4.8 million Linden Street
    // Bridge contract"): the measure is what the lower-case head says.
    constexpr size_t kMaxNameWords = 4;
    for (size_t n = 0, names = 0; n < kMaxHeadModifiers && k < toks_.size() && toks_[k].sentence == s; ++k) {
      if (IsUpperWord(toks_[k]) && names < kMaxNameWords && !linked && k == last + 1 + names &&
          IsLowerWordAhead(k)) {
        ++names;
        continue;
      }
      ++n;
      if (!IsLowerWord(toks_[k]) || (Is(k - 1, "-") && Glued(k))) break;
      std::string l = Lower(toks_[k].s);
      // "a £900K pay-off": the hyphenated noun whole.
      if (Is(k + 1, "-") && Glued(k + 1) && k + 2 < toks_.size() && Glued(k + 2) && IsLowerWord(toks_[k + 2])) {
        l += "-" + Lower(toks_[k + 2].s);
        k += 2;
      }
      // An "-ing" word opens a clause ("of discovering them") unless a noun
      // comes before it ("of identity monitoring").
      // "jailed for seven years yesterday": a day relative to the article's
      // says when, never what the figure is of.
      if (InList(kPhraseEnders, l) || l.ends_with("ly") || (l.ends_with("ing") && phrase.empty()) ||
          CurrencyWord(l) || InList(kPronouns, l) || CardinalWord(l) || InList(kPrepositions, l) ||
          lexicon::In(lexicon::kTimeWordsRelative, l)) {
        break;
      }
      // "a salary of £265,000 made her one of the best paid": a verb right
      // after the figure is its clause's, no noun it modifies.
      // So is an auxiliary or a modal ("The fee of £40m could rise to £48m").
      if (phrase.empty() && names == 0 && !linked &&
          (InList(kResultVerbs, l) || InList(kHaveVerbs, l) || InList(kAuxiliaries, l) ||
           (InList(kModalWords, l) && l != "set"))) {  // "a £29 set menu"
        break;
      }
      // "an £18.6m lottery jackpot won by the syndicate": a participle
      // after the noun opens a clause about it.
      constexpr size_t kMinPastChars = 5;  // "-ed" words shorter than this are rarely verbs ("red", "bed")
      // So does a verb after a name ("a £90,000 Porsche left 92 staff").
      if ((!phrase.empty() || names > 0) && (lexicon::In(lexicon::kVerbsAndAdverbsParticiple, l) ||
                                             (l.size() >= kMinPastChars && l.ends_with("ed")))) {
        break;
      }
      // "of investors' money": the possessor is no head; read on.
      if ((Is(k + 1, "'") || Is(k + 1, "\xE2\x80\x99")) && Glued(k + 1)) {
        phrase.clear();
        k += IsWordCi(k + 2, "s") && Glued(k + 2) ? 2 : 1;
        continue;
      }
      phrase += (phrase.empty() ? "" : " ") + l;
    }
    return phrase;
  }

  // True when a participle right after the sum ending at `last`, with no
  // noun after it, opens a clause about the sum: "the £40m agreed in
  // September", "the £2m spent last year" name nothing the sum is of ("a
  // £70 fixed penalty": the participle modifies a noun).
  bool ClauseAfterSum(size_t last) const {
    const size_t k = last + 1;
    if (k >= toks_.size() || toks_[k].sentence != toks_[last].sentence || !IsLowerWord(toks_[k])) return false;
    if (!IsParticiple(k)) return false;
    if (k + 1 >= toks_.size() || toks_[k + 1].sentence != toks_[k].sentence || !IsLowerWord(toks_[k + 1])) return true;
    const std::string next = Lower(toks_[k + 1].s);
    return InList(kPrepositions, next) || InList(kPhraseEnders, next) || lexicon::In(lexicon::kTimeWords, next);
  }

  // True when a lower-case word follows the capitalised run starting at k
  // within the same sentence: "Linden Street Bridge contract".
  bool IsLowerWordAhead(size_t k) const {
    while (k < toks_.size() && IsUpperWord(toks_[k]) && toks_[k].sentence == toks_[k > 0 ? k - 1 : k].sentence) ++k;
    return k < toks_.size() && IsLowerWord(toks_[k]) && !InList(kPhraseEnders, toks_[k].s) &&
           !InList(kPrepositions, toks_[k].s);
  }

  // The noun a figure is the value of, written before it: "a contract worth
  // $4.2m", "a fee of £58m", "turnout of 42%", "the fee was £58m",
  // "turnout reached 42%", or the verb it is the object of ("paid £58m",
  // "spent $1m"). "" when none.
  std::string HeadBefore(size_t lead) const {
    if (lead == 0) return "";
    size_t k = lead - 1;
    const size_t s = toks_[lead].sentence;
    if (toks_[k].sentence != s || toks_[k].kind != Kind::kWord) return "";
    const std::string l = Lower(toks_[k].s);
    if (l == "for") return "for";  // "signed for £58m": a price
    // "fined Tarrant Foods £9.2m", "paid Calder Vale £750,000": the verb before
    // the named object names the sum.
    if (toks_[k].kind == Kind::kWord && !IsLowerWord(toks_[k])) {
      for (const EntityMention* e : by_end_) {
        if (e->span.end != toks_[k].c1) continue;
        const size_t at = TokenStartingAt(e->span.start);
        if (at > 0 && at < toks_.size() && IsLowerWord(toks_[at - 1]) && toks_[at - 1].sentence == s &&
            IsSumVerb(Lower(toks_[at - 1].s))) {
          return Lower(toks_[at - 1].s);
        }
        break;
      }
    }
    // "The line was supposed to cost £420m": what it was planned to cost,
    // its budget, not what it costs.
    if (IsSumVerb(l) && k >= 2 && IsWordCi(k - 1, "to") && (IsWordCi(k - 2, "supposed") || IsWordCi(k - 2, "meant"))) {
      return "budget";
    }
    if (IsSumVerb(l)) return l;
    // "It owes creditors £48m", "paid investors £2m": the verb before the
    // payee, a plural noun.
    if (k > 0 && IsLowerWord(toks_[k]) && l.size() > 3 && l.ends_with("s") && IsLowerWord(toks_[k - 1]) &&
        toks_[k - 1].sentence == s && IsSumVerb(Lower(toks_[k - 1].s))) {
      return Lower(toks_[k - 1].s);
    }
    // "owing them £1.7m", "paid its suppliers £2m": the payee a pronoun, or
    // a plural noun after a possessive determiner.
    {
      size_t verb = k;
      if (l == "them" || l == "us") {
        verb = k - 1;
      } else if (k > 1 && IsLowerWord(toks_[k]) && l.size() > 3 && l.ends_with("s") &&
                 (IsWordCi(k - 1, "its") || IsWordCi(k - 1, "their") || IsWordCi(k - 1, "his"))) {
        verb = k - 2;
      }
      if (verb < k && verb > 0 && IsLowerWord(toks_[verb]) && toks_[verb].sentence == s &&
          IsSumVerb(Lower(toks_[verb].s))) {
        return Lower(toks_[verb].s);
      }
    }
    bool linked = InList(kOfWords, l) || InList(kCopulas, l);
    if (!linked) return "";
    // "Severance for Tamsworth workers alone will total $14m", "The fee
    // was £58m": the subject noun phrase of the copula's clause.
    if (InList(kCopulas, l) && !InList(kOfWords, l)) {
      if (std::string np = ClauseSubjectNoun(k); !np.empty()) return np;
    }
    // "valued at", "put at", "rose to", "came to"
    if ((l == "at" || l == "to") && k > 0 && IsLowerWord(toks_[k - 1])) {
      --k;
      // "put Acme's debts at £8.3m", "estimated the damage at £2m": the
      // word before "at" is the object noun itself when a possessive or a
      // determiner comes before it.
      if (l == "at" && k > 0 &&
          ((k >= 2 && PossessiveMark(k - 2)) || IsWordCi(k - 1, "the") || IsWordCi(k - 1, "its") ||
           IsWordCi(k - 1, "their") || IsWordCi(k - 1, "his") || IsWordCi(k - 1, "her"))) {
        return Lower(toks_[k].s);
      }
      // "Debts are estimated at about £8m", "The house was valued at
      // £450,000": the passive's subject is what the sum measures.
      if (l == "at" && k > 0 && IsLowerWord(toks_[k - 1]) && InList(kCopulas, toks_[k - 1].s) &&
          !InList(kOfWords, Lower(toks_[k - 1].s))) {
        if (std::string np = ClauseSubjectNoun(k - 1); !np.empty()) return np;
      }
      // "It had been estimated at £18m to £25m": with no noun for what was
      // estimated, the sum is the estimate itself.
      if (l == "at" && k > 0 && IsWordCi(k, "estimated") &&
          (InList(kCopulas, Lower(toks_[k - 1].s)) || IsWordCi(k - 1, "been"))) {
        return "estimate";
      }
    }
    // "Hartley is worth £2.6bn", "Hartley, who is worth an estimated
    // £2.6bn": what a named or relative subject is worth, its worth (a
    // lower-case subject names the thing valued: "the painting was worth").
    if (l == "worth" && k > 1 && IsLowerWord(toks_[k - 1]) && InList(kCopulas, Lower(toks_[k - 1].s)) &&
        !InList(kOfWords, Lower(toks_[k - 1].s)) && toks_[k - 2].sentence == s) {
      const size_t before = k - 2;
      if (IsWordCi(before, "who") || IsWordCi(before, "he") || IsWordCi(before, "she")) return "worth";
      for (const EntityMention* e : by_end_) {
        if (e->span.end == toks_[before].c1) return "worth";
      }
      // "It is worth £5m", "which is worth €1.1m": what "it" is, the
      // sentence does not say.
      if (IsWordCi(before, "it") || IsWordCi(before, "which") || IsWordCi(before, "that") ||
          IsWordCi(before, "they") || IsWordCi(before, "this")) {
        return "";
      }
    }
    // "the package will total", "turnout is expected to reach"
    while (k > 0 && IsLowerWord(toks_[k - 1]) && InList(kModalWords, toks_[k - 1].s)) --k;
    // "the severance deal, worth $12.6m"
    if (l == "worth" && k > 1 && Is(k - 1, ",")) --k;
    if (k == 0) return "";
    --k;
    if (toks_[k].sentence != s || toks_[k].kind != Kind::kWord) return "";
    std::string noun = Lower(toks_[k].s);
    // "a pay-off of about £1.2m": the hyphenated noun whole.
    if (k >= 2 && Is(k - 1, "-") && Glued(k) && Glued(k - 1) && IsLowerWord(toks_[k - 2]) &&
        toks_[k - 2].sentence == s) {
      noun = Lower(toks_[k - 2].s) + "-" + noun;
      k -= 2;
    }
    // The noun may open its sentence ("Turnout was 42%"), else is lower case.
    const bool opens = k == 0 || toks_[k - 1].sentence != s;
    if (!IsLowerWord(toks_[k]) && !opens) return "";
    // "raised a total of £14m": the verb names what the total is of.
    if (noun == "total" && l == "of" && k >= 2 && (IsWordCi(k - 1, "a") || IsWordCi(k - 1, "the")) &&
        IsLowerWord(toks_[k - 2]) && toks_[k - 2].sentence == s && IsSumVerb(Lower(toks_[k - 2].s))) {
      return Lower(toks_[k - 2].s);
    }
    // "to the tune of £20m" names no sum; "of being worth £60m" is a
    // copula, not a noun.
    if (noun == "total" || noun == "tune" || noun == "being" || InList(kPhraseEnders, noun) ||
        InList(kPronouns, noun)) {
      return "";
    }
    // "defrauding 212 investors of £4.2m": the noun is counted, not valued.
    if (l == "of" && k > 0 && (toks_[k - 1].kind == Kind::kNum || CardinalWord(toks_[k - 1].s))) return "";
    // "three tickets totalling £210": what a count of things came to in all,
    // never the price of one of them.
    if ((l == "totalling" || l == "totaling") && k > 0 && toks_[k - 1].sentence == s &&
        (toks_[k - 1].kind == Kind::kNum || CardinalWord(toks_[k - 1].s))) {
      return noun + " in all";
    }
    // Its modifiers ("a compensation order of £1.8m").
    std::string phrase = noun;
    for (size_t n = 1; n < kMaxHeadModifiers && k > 0 && IsLowerWord(toks_[k - 1]) && toks_[k - 1].sentence == s;
         ++n) {
      // "HCR's offer": the possessive "s" is the owner's mark, no modifier.
      if (IsWordCi(k - 1, "s") && Glued(k - 1) && k > 1 && (Is(k - 2, "'") || Is(k - 2, "\xE2\x80\x99"))) break;
      std::string w = Lower(toks_[--k].s);
      // "a one-off payment": the hyphenated modifier whole ("off" in it is
      // no preposition).
      // The sentence may open with it ("Pre-tax profit of £53.8m").
      const bool compound = k >= 2 && Is(k - 1, "-") && Glued(k) && Glued(k - 1) && toks_[k - 2].sentence == s &&
                            (IsLowerWord(toks_[k - 2]) ||
                             (toks_[k - 2].kind == Kind::kWord && (k == 2 || toks_[k - 3].sentence != s)));
      if (!compound && (InList(kPhraseEnders, w) || InList(kPrepositions, w) || InList(kPronouns, w) ||
                        w.ends_with("ly") || InList(kHaveVerbs, w) || InList(kResultVerbs, w))) {
        break;
      }
      if (compound) {
        w = Lower(toks_[k - 2].s) + "-" + w;
        k -= 2;
      }
      phrase = w + " " + phrase;
    }
    return phrase;
  }

  // The first token of the clause that token `verb` is in, read back over
  // words and the apostrophes of possessives ("Turnout in Thursday's
  // election was 31.4 per cent") to the sentence's start (*opens) or a
  // comma or semicolon; nullopt when another mark comes first.
  std::optional<size_t> ClauseStart(size_t verb, bool* opens) const {
    size_t c = verb;
    while (c > 0 && toks_[c - 1].sentence == toks_[verb].sentence &&
           (toks_[c - 1].kind == Kind::kWord || PossessiveMark(c - 1))) {
      --c;
    }
    *opens = c == 0 || toks_[c - 1].sentence != toks_[verb].sentence;
    if (!*opens && !(Is(c - 1, ",") || Is(c - 1, ";"))) return std::nullopt;
    return c;
  }

  // The head of the noun phrase opening the clause that token `verb` is in:
  // determiners skipped, words read to the first preposition or function
  // word ("Severance for Tamsworth workers" -> "severance", "The
  // severance deal" -> "severance deal"). "" for a pronoun, a name or
  // nothing.
  std::string ClauseSubjectNoun(size_t verb) const {
    bool opens = false;
    const std::optional<size_t> start = ClauseStart(verb, &opens);
    if (!start) return "";
    size_t c = *start;
    while (c < verb && ThingDeterminer(c)) ++c;
    std::string phrase;
    for (size_t k = c, n = 0; k < verb && n < kMaxHeadModifiers; ++k, ++n) {
      // "The council's early estimate": the possessor is whose, not what.
      if (PossessiveMark(k)) {
        phrase.clear();
        n = 0;
        ++k;
        continue;
      }
      // "Dr Gallacher's salary": a name before a possessive mark is whose
      // it is too, its title included.
      if (!IsLowerWord(toks_[k])) {
        size_t j = k;
        while (j < verb && toks_[j].kind == Kind::kWord && !IsLowerWord(toks_[j])) ++j;
        if (j > k && j < verb && PossessiveMark(j)) {
          phrase.clear();
          n = 0;
          k = j - 1;
          continue;
        }
      }
      const std::string w = Lower(toks_[k].s);
      if (InList(kPhraseEnders, w) || InList(kPrepositions, w) || InList(kModalWords, w) || InList(kPronouns, w)) {
        break;
      }
      // Capitals only where the sentence starts ("Turnout was 42%"): names
      // are not what a figure measures.
      if (!IsLowerWord(toks_[k]) && !(k == c && opens)) break;
      phrase += (phrase.empty() ? "" : " ") + w;
    }
    return phrase;
  }

  // The entity whose name, with a possessive mark, opens the clause that
  // copula `verb` is in ("Dr Gallacher's salary was", "Acme's annual
  // revenue is"): only words and that one name between the clause's start
  // and the verb. "" when none.
  std::string CopulaSubjectPossessor(size_t verb) const {
    bool opens = false;
    const std::optional<size_t> start = ClauseStart(verb, &opens);
    if (!start) return "";
    const size_t c = *start;
    for (size_t k = c; k < verb; ++k) {
      if (!PossessiveMark(k)) continue;
      for (const EntityMention* e : by_end_) {
        if (k > 0 && e->span.end == toks_[k - 1].c1 && e->span.start >= toks_[c].c0) return e->entity;
      }
      return "";
    }
    return "";
  }

  // ---- the described thing a figure measures (Quantity::thing) ----------

  // A determiner opening a described thing's noun phrase: "a restoration
  // appeal", "the repairs", "its inquiry".
  bool ThingDeterminer(size_t k) const {
    return IsWordCi(k, "a") || IsWordCi(k, "an") || IsWordCi(k, "the") || IsWordCi(k, "its") ||
           IsWordCi(k, "their") || IsWordCi(k, "this");
  }

  // The noun phrase of a described thing whose head is token `head`: up to
  // kMaxHeadModifiers lower-case words after a determiner or a possessive
  // ("a restoration appeal", "the council's bus subsidy" -> "bus subsidy"),
  // or opening its sentence ("Repairs"), lower case. "" when a word is a
  // name's, a function word, a pronoun or a modifier an adverb (a head may
  // end in "-ly": "the rally", "the family"), or when nothing opens
  // the phrase: a bare noun in mid-sentence may be an object run into the
  // next ("handing the family firm road contracts"), or the head is a
  // verb's past form ("the team returned"). *start: its first token.
  std::string ThingPhrase(size_t head, size_t* start = nullptr) const {
    if (head >= toks_.size()) return "";
    const size_t s = toks_[head].sentence;
    const auto word = [&](size_t k) {
      if (toks_[k].sentence != s || toks_[k].kind != Kind::kWord || Named(k)) return false;
      const std::string w = Lower(toks_[k].s);
      return !InList(kPhraseEnders, w) && !InList(kPrepositions, w) && !InList(kPronouns, w) &&
             !lexicon::In(lexicon::kStopWords, w) && !lexicon::In(lexicon::kDeterminers, w) &&
             (k == head || !w.ends_with("ly")) && !CardinalWord(w) && !InList(kModalWords, w);
    };
    if (!word(head) || !IsLowerWord(toks_[head]) || IsParticiple(head)) return "";
    // A person's noun ("officers", "the admissions tutor") or an
    // organisation's on its own ("the council") is someone the story
    // names, not a thing; "the combined group" describes one of its own.
    const std::string noun = Lower(toks_[head].s);
    std::string singular = noun;
    if (singular.size() > 3 && singular.ends_with("s")) singular.pop_back();
    const bool person = lexicon::In(lexicon::kPersonNouns, noun) || lexicon::In(lexicon::kPersonNouns, singular);
    const bool org = lexicon::In(lexicon::kOrgNouns, noun) || lexicon::In(lexicon::kOrgNouns, singular);
    size_t first = head;
    while (first > 0 && head - first + 1 < kMaxHeadModifiers && word(first - 1) &&
           (IsLowerWord(toks_[first - 1]) || first - 1 == 0 || toks_[first - 2].sentence != s)) {
      --first;
    }
    // A reported clause opens after its verb of saying or "that" ("says
    // repairs will cost £5m", "has estimated that repairs will cost £2.4m").
    const bool opens = first == 0 || toks_[first - 1].sentence != s ||
                       (IsLowerWord(toks_[first - 1]) && (InList(kSayingVerbs, Lower(toks_[first - 1].s)) ||
                                                          IsWordCi(first - 1, "that")));
    const bool determined = first > 0 && toks_[first - 1].sentence == s &&
                            (ThingDeterminer(first - 1) || (first >= 2 && PossessiveMark(first - 2)));
    if (!opens && !determined) return "";
    if (!opens && !IsLowerWord(toks_[first])) return "";
    if (person || (org && first == head)) return "";
    if (start != nullptr) *start = first;
    std::string phrase;
    for (size_t k = first; k <= head; ++k) phrase += (phrase.empty() ? "" : " ") + Lower(toks_[k].s);
    return phrase;
  }

  // The described thing a figure no one owns measures, when its phrase
  // names it (see Quantity::thing); "" when it does not say.
  std::string Thing(const Match& m, size_t lead) const {
    if (m.unit == "rank") return "";
    const size_t s = toks_[m.first].sentence;
    // "The bus subsidy budget will be cut by 42 per cent", "Fares are to be
    // raised by 5%": what was changed (PercentChange), the passive's
    // subject; the measure keeps the change ("cut"). What rises or falls
    // of itself ("shares fell 5%", "profits rose 21%") is mostly an
    // organisation's, whose the clause does not say.
    if (m.unit == "percent") {
      size_t verb = lead > 0 ? lead - 1 : 0;
      if (IsWordCi(verb, "by") && verb > 0) --verb;
      const bool passive = verb > 0 && IsParticiple(verb) && IsLowerWord(toks_[verb - 1]) &&
                           lexicon::In(lexicon::kAuxiliariesPassive, Lower(toks_[verb - 1].s));
      const std::string change = passive ? PercentChange(lead, m.last) : std::string();
      if (const size_t space = change.rfind(' '); space != std::string::npos) {
        const std::string changed = change.substr(0, space);
        const std::string noun = changed.substr(changed.rfind(' ') == std::string::npos ? 0 : changed.rfind(' ') + 1);
        if (!lexicon::In(lexicon::kPersonNouns, noun) && !lexicon::In(lexicon::kOrgNouns, noun)) return changed;
      }
      return "";
    }
    // "Three people were arrested during the protest", "two people hurt
    // during a march": what happened to the people counted happened in that
    // event, the thing the count is of. Only people something happened to
    // in an event a noun of lexicons/event_nouns.txt names: "cracks found
    // during an inspection", "five people arrested during the night" are no
    // event's.
    if (lexicon::In(lexicon::kCountNounsPeople, Lower(m.unit))) {
      size_t k = m.last + 1;
      bool happened = false;
      while (k < toks_.size() && toks_[k].sentence == s && k <= m.last + 3 &&
             (IsParticiple(k) || (IsLowerWord(toks_[k]) && InList(kAuxiliaries, Lower(toks_[k].s))))) {
        happened = happened || IsParticiple(k);
        ++k;
      }
      if (happened && IsWordCi(k, "during") && ThingDeterminer(k + 1)) {
        size_t head = k + 1;
        while (head + 1 < toks_.size() && head - k < kMaxHeadModifiers + 1 && toks_[head + 1].sentence == s &&
               IsLowerWord(toks_[head + 1]) && !InList(kPrepositions, Lower(toks_[head + 1].s)) &&
               !InList(kPhraseEnders, Lower(toks_[head + 1].s))) {
          ++head;
        }
        if (head > k + 1 && lexicon::In(lexicon::kEventNouns, Lower(toks_[head].s))) return ThingPhrase(head);
      }
    }
    // "£2.1m owed to the tax authority", "£40,000 was paid to the parish
    // trust": a sum is the one it is owed or paid to
    // (lexicons/payment_verbs.txt).
    if (IsCurrencyUnit(m.unit)) {
      size_t k = m.last + 1;
      while (k < toks_.size() && toks_[k].sentence == s && IsLowerWord(toks_[k]) &&
             lexicon::In(lexicon::kAuxiliariesPassive, Lower(toks_[k].s))) {
        ++k;
      }
      if (k + 2 < toks_.size() && IsLowerWord(toks_[k]) && lexicon::In(lexicon::kPaymentVerbs, Lower(toks_[k].s)) &&
          IsWordCi(k + 1, "to") && ThingDeterminer(k + 2)) {
        const size_t det = k + 2;
        size_t head = det;
        while (head + 1 < toks_.size() && head - det < kMaxHeadModifiers && toks_[head + 1].sentence == s &&
               IsLowerWord(toks_[head + 1])) {
          const std::string w = Lower(toks_[head + 1].s);
          if (InList(kPrepositions, w) || InList(kPhraseEnders, w) || lexicon::In(lexicon::kStopWords, w)) break;
          ++head;
        }
        if (head > det) return ThingPhrase(head);
      }
    }
    // "the £21,000 wage of the porters": the group after "of", named in
    // the plural (a thing in the singular is read by the rules below: "the
    // cost of the election itself").
    if (IsCurrencyUnit(m.unit)) {
      if (const size_t of = OfAfterSumNoun(m.last); of + 2 < toks_.size() && IsWordCi(of + 1, "the")) {
        size_t head = of + 1;
        while (head + 1 < toks_.size() && head - of <= kMaxHeadModifiers && toks_[head + 1].sentence == s &&
               IsLowerWord(toks_[head + 1])) {
          const std::string w = Lower(toks_[head + 1].s);
          if (InList(kPrepositions, w) || InList(kPhraseEnders, w) || lexicon::In(lexicon::kStopWords, w) ||
              InList(kAuxiliaries, w) || IsParticiple(head + 1)) {
            break;
          }
          ++head;
        }
        const bool ends = head + 1 >= toks_.size() || toks_[head + 1].sentence != s ||
                          !(IsUpperWord(toks_[head + 1]) || PossessiveMark(head + 1));
        const std::string noun = head > of + 1 ? Lower(toks_[head].s) : std::string();
        if (LooksPlural(noun) && ends) {
          std::string phrase;
          for (size_t k = of + 2; k <= head; ++k) phrase += (phrase.empty() ? "" : " ") + Lower(toks_[k].s);
          return phrase;
        }
      }
    }
    if (lead == 0 || toks_[lead - 1].sentence != s) return "";
    // "a restoration appeal with a target of £5.4m", "a primary school with
    // 420 places": what the thing before "with" has. Only a thing first
    // named there, with "a": "the team returned with 12 medals" may be a
    // verb's subject.
    size_t with = lead - 1;
    if (IsWordCi(with, "of")) {
      size_t k = with;
      while (k > 0 && with - k < kMaxHeadModifiers && IsLowerWord(toks_[k - 1]) && !ThingDeterminer(k - 1) &&
             toks_[k - 1].sentence == s) {
        --k;
      }
      with = k >= 2 && k < with && ThingDeterminer(k - 1) && !IsWordCi(k - 1, "the") ? k - 2 : lead - 1;
    }
    if (IsWordCi(with, "with") && with > 0) {
      size_t start = 0;
      std::string phrase = ThingPhrase(with - 1, &start);
      if (!phrase.empty() && start > 0 && (IsWordCi(start - 1, "a") || IsWordCi(start - 1, "an"))) return phrase;
    }
    // "the zoo's $31 million annual budget", "the fund's 2,400 donors": the
    // possessor, a described thing. A person's or an organisation's noun
    // ("the keeper's", "the company's") stands for someone the story names,
    // not for a thing; an area ("the city's 19 libraries") is where what is
    // counted is, which other outlets count without it.
    if (lead >= 3 && PossessiveMark(lead - 2)) {
      const std::string owner = Lower(toks_[lead - 3].s);
      if (!lexicon::In(lexicon::kPersonNouns, owner) && !lexicon::In(lexicon::kOrgNouns, owner) &&
          !lexicon::In(lexicon::kPlaceWordsArea, owner)) {
        return ThingPhrase(lead - 3);
      }
      return "";
    }
    // The verb whose object the figure is, back over auxiliaries and modals
    // to the word before them ("which is expected to take").
    const std::string verb = IsLowerWord(toks_[lead - 1]) ? Lower(toks_[lead - 1].s) : std::string();
    // "The council's early estimate for the repairs is £4.2m", "the cost of
    // the new roof will be £2m": the thing the sum's noun is of or for.
    if (IsCurrencyUnit(m.unit) && InList(kCopulas, verb) && !InList(kOfWords, verb)) {
      size_t e = lead - 1;
      while (e > 0 && toks_[e - 1].sentence == s && IsLowerWord(toks_[e - 1]) &&
             (InList(kModalWords, Lower(toks_[e - 1].s)) || InList(kAuxiliaries, Lower(toks_[e - 1].s)))) {
        --e;
      }
      const size_t head = e > 0 && toks_[e - 1].sentence == s ? e - 1 : lead - 1;
      size_t j = head;
      while (j > 0 && head - j < kMaxHeadModifiers && toks_[j - 1].sentence == s && IsLowerWord(toks_[j - 1]) &&
             !IsWordCi(j - 1, "of") && !IsWordCi(j - 1, "for") && !ThingDeterminer(j - 1)) {
        --j;
      }
      const size_t first = j;
      if (j > 0 && ThingDeterminer(j - 1)) --j;
      if (j >= 2 && (IsWordCi(j - 1, "of") || IsWordCi(j - 1, "for")) && IsLowerWord(toks_[j - 2]) &&
          !ThingDeterminer(j - 2)) {
        std::string phrase;
        for (size_t k = first; k <= head; ++k) {
          const std::string w = Lower(toks_[k].s);
          if (Named(k) || !IsLowerWord(toks_[k]) || InList(kPhraseEnders, w) || InList(kPrepositions, w) ||
              InList(kPronouns, w) || lexicon::In(lexicon::kStopWords, w)) {
            return "";
          }
          phrase += (phrase.empty() ? "" : " ") + w;
        }
        return phrase;
      }
    }
    // What takes a time ("take", "last": the latter also a word that ends
    // a phrase, and no verb after a determiner: "over the last two decades").
    const bool determined_last =
        lead >= 2 && (lexicon::In(lexicon::kDeterminers, Lower(toks_[lead - 2].s)) || PossessiveMark(lead - 3));
    const bool takes = IsTimeUnit(m.unit + "s") &&
                       (verb == "take" || verb == "takes" || verb == "took" || verb == "lasts" || verb == "lasted" ||
                        (verb == "last" && !determined_last));
    if (!takes && (verb.empty() || InList(kPrepositions, verb) || InList(kPhraseEnders, verb) ||
                   InList(kSayingVerbs, verb) || InList(kAuxiliaries, verb) || InList(kQuantifierWords, verb) ||
                   InList(kModalWords, verb))) {
      return "";
    }
    // Back over auxiliaries, modals and adverbs ("was initially expected to").
    const auto auxiliaries_before = [&](size_t k) {
      while (k > 0 && toks_[k - 1].sentence == s && IsLowerWord(toks_[k - 1]) &&
             (InList(kModalWords, Lower(toks_[k - 1].s)) || InList(kAuxiliaries, Lower(toks_[k - 1].s)) ||
              Lower(toks_[k - 1].s).ends_with("ly"))) {
        --k;
      }
      return k;
    };
    size_t before = auxiliaries_before(lead - 1);
    if (before == 0 || toks_[before - 1].sentence != s) return "";
    // "Repairs will take six months and cost £4.8m", "the works would cost
    // £2m and take a year": a second verb of time or cost shares the first
    // one's subject.
    const bool costs = IsCurrencyUnit(m.unit) && MeasureGroup(verb) == "cost";
    if ((takes || costs) && before == lead - 1 && IsWordCi(before - 1, "and")) {
      constexpr size_t kMaxConjunctTokens = 10;  // "take about six months and"
      for (size_t k = before - 1; k-- > 0 && before - k <= kMaxConjunctTokens && toks_[k].sentence == s;) {
        if (!IsLowerWord(toks_[k])) continue;
        const std::string w = Lower(toks_[k].s);
        if (w == "take" || w == "takes" || w == "took" || w == "last" || w == "lasts" || w == "lasted" ||
            MeasureGroup(w) == "cost") {
          before = auxiliaries_before(k);
          break;
        }
      }
      if (before == 0 || toks_[before - 1].sentence != s) return "";
    }
    // "an online fundraiser that raised £41,000", "an inspection, which is
    // expected to take six weeks": the thing a relative clause is about. A
    // count is often what the clause's event did ("a fraud that cost 221
    // investors", "a shift that will cost 520 jobs": the story's own event,
    // told again) or a place's ("The city, which has 21 libraries"), which
    // outlets count without the clause: no thing.
    const bool counted = !IsCurrencyUnit(m.unit) && m.unit != "percent" && !IsTimeUnit(m.unit + "s");
    if ((IsWordCi(before - 1, "that") || IsWordCi(before - 1, "which")) && !counted) {
      size_t a = before - 1;
      if (a >= 2 && Is(a - 1, ",")) --a;
      return a > 0 ? ThingPhrase(a - 1) : "";
    }
    // The subject's head; "the works themselves will take", "the kitchen
    // alone cost": the noun before the word that stresses it.
    size_t head = before - 1;
    if (head > 0 && (IsWordCi(head, "itself") || IsWordCi(head, "themselves") || IsWordCi(head, "alone"))) --head;
    // "Departing staff will receive eight weeks' pay", "Those leaving will
    // get £500": what the group that receives it gets
    // (lexicons/receiving_verbs.txt); "those" and the participle that says
    // who they are. One who receives ("A university tutor received £400,000")
    // is a person the story names.
    if (lexicon::In(lexicon::kReceivingVerbs, verb)) {
      if (head > 0 && IsWordCi(head - 1, "those") && toks_[head - 1].sentence == s && IsLowerWord(toks_[head]) &&
          (Lower(toks_[head].s).ends_with("ing") || IsParticiple(head))) {
        return "those " + Lower(toks_[head].s);
      }
      const std::string noun = Lower(toks_[head].s);
      if (LooksPlural(noun) || !lexicon::Find(lexicon::kCountSynonyms, noun).empty()) return ThingPhrase(head);
      return "";
    }
    // "the repairs will take nine months", "its inquiry could last a year",
    // "Repairs to the coast road will take six months": a duration is of
    // the thing that takes it; "The council says repairs will cost almost
    // £5m": a cost of the thing that costs it (figures.cc's ThingOf reads a
    // subject right before the verb, opening its sentence).
    if (takes || costs) {
      if (std::string phrase = ThingPhrase(head); !phrase.empty()) return phrase;
      // The noun phrase opening the clause, before its complements ("to the
      // coast road"); never a name ("The Saltmarsh Queen took five years").
      size_t c = before;
      while (c > 0 && toks_[c - 1].sentence == s && toks_[c - 1].kind == Kind::kWord) --c;
      const size_t opening = c;
      while (c < before && ThingDeterminer(c)) ++c;
      // "following an outage": a preposition's object, no subject.
      if (c < before && InList(kPrepositions, Lower(toks_[c].s))) return "";
      for (size_t k = c; k < before && !InList(kPrepositions, Lower(toks_[k].s)); ++k) {
        const std::string w = Lower(toks_[k].s);
        if (Named(k) || (!IsLowerWord(toks_[k]) && k != opening)) return "";
        // A clause of its own before the verb's ("The council has estimated
        // that repairs will cost"): not one noun phrase.
        if (InList(kAuxiliaries, w) || InList(kModalWords, w) || InList(kSayingVerbs, w) || w == "that") return "";
      }
      return ClauseSubjectNoun(before);
    }
    return "";
  }

  // True when token k is inside a person's or organisation's name.
  bool Named(size_t k) const {
    return std::any_of(by_end_.begin(), by_end_.end(), [&](const EntityMention* m) {
      return m->span.start <= toks_[k].c0 && toks_[k].c1 <= m->span.end;
    });
  }

  // "Shares in Acme fell 38%", "its shares crashed by 38 per cent", "cases
  // rose 17%": a change of the clause's subject, "shares fall", "cases
  // rise" (lexicons/change_verbs.txt); "" when the word before the figure
  // (or before "by") is no such verb.
  std::string PercentChange(size_t lead, size_t last) const {
    if (lead == 0) return "";
    size_t verb = lead - 1;
    if (IsWordCi(verb, "by") && verb > 0) --verb;
    std::string_view direction;
    if (IsLowerWord(toks_[verb]) && toks_[verb].sentence == toks_[lead].sentence) {
      direction = lexicon::Find(lexicon::kChangeVerbs, Lower(toks_[verb].s));
      // "subscriptions now make up 81% of sales": "make up" is a share.
      if (IsWordCi(verb, "up") && verb > 0 &&
          (IsWordCi(verb - 1, "make") || IsWordCi(verb - 1, "makes") || IsWordCi(verb - 1, "made") ||
           IsWordCi(verb - 1, "making"))) {
        direction = std::string_view();
      }
      // "cut by 42 per cent" is a change, "cut 12% of its jobs" a share.
      if (direction.ends_with(" by")) {
        direction = IsWordCi(lead - 1, "by") ? direction.substr(0, direction.size() - 3) : std::string_view();
      }
      // "has risen to £6.2m": ChangeLevel asks with "to" as the lead.
      if (direction.ends_with(" to")) {
        direction = IsWordCi(lead, "to") ? direction.substr(0, direction.size() - 3) : std::string_view();
      }
    }
    // "Shares in Merrin closed 5.8% higher": the direction after it.
    if (direction.empty() && last + 1 < toks_.size() && IsLowerWord(toks_[last + 1]) &&
        toks_[last + 1].sentence == toks_[lead].sentence &&
        (IsWordCi(last + 1, "higher") || IsWordCi(last + 1, "lower") || IsWordCi(last + 1, "up") ||
         IsWordCi(last + 1, "down"))) {
      direction = lexicon::Find(lexicon::kChangeVerbs, Lower(toks_[last + 1].s));
    }
    if (direction.empty()) return "";
    const std::string head = ChangedThing(verb);
    return head.empty() ? std::string(direction) : head + " " + std::string(direction);
  }

  // What the change verb at token `verb` says changed: the noun before the
  // clause's first "in" or "of", else the noun right before the verb ("its
  // shares crash", past "closed" in "stock closed down"), with up to two
  // nouns narrowing it; "" when the clause names none.
  std::string ChangedThing(size_t verb) const {
    std::string head;
    {
      // "Shares in the Ashbury-based drugmaker fell", "cases of suspected
      // malpractice rose": the noun before the clause's first "in" or "of".
      size_t c = verb;
      while (c > 0 && toks_[c - 1].sentence == toks_[verb].sentence && !Is(c - 1, ",") && !Is(c - 1, ";")) --c;
      for (size_t k = c + 1; k < verb; ++k) {
        if (!(IsWordCi(k, "in") || IsWordCi(k, "of") || IsWordCi(k, "for"))) {
          if (IsLowerWord(toks_[k]) && InList(kPrepositions, toks_[k].s)) break;
          continue;
        }
        // Capitalised where the clause opens, after a dateline's dash too.
        const bool opens = k - 1 == c || toks_[k - 2].kind != Kind::kWord;
        if (toks_[k - 1].kind == Kind::kWord && (IsLowerWord(toks_[k - 1]) || opens)) head = Lower(toks_[k - 1].s);
        break;
      }
    }
    if (head.empty()) {
      size_t k = verb;
      if (k > 0 && IsLowerWord(toks_[k - 1]) && Lower(toks_[k - 1].s).ends_with("ed")) --k;
      // "The budget will be cut by 42 per cent": past the auxiliaries.
      while (k > 1 && IsLowerWord(toks_[k - 1]) &&
             (InList(kAuxiliaries, toks_[k - 1].s) || InList(kModalWords, Lower(toks_[k - 1].s)))) {
        --k;
      }
      // "Kestane's fell": the owner's mark, no noun.
      const bool possessive = k > 1 && IsWordCi(k - 1, "s") && Glued(k - 1) &&
                              (Is(k - 2, "'") || Is(k - 2, "\xE2\x80\x99"));
      const bool opens = k > 0 && (k == 1 || toks_[k - 2].sentence != toks_[verb].sentence);
      if (!possessive && k > 0 && (IsLowerWord(toks_[k - 1]) || (opens && toks_[k - 1].kind == Kind::kWord)) &&
          toks_[k - 1].sentence == toks_[verb].sentence) {
        const std::string w = Lower(toks_[k - 1].s);
        if (!InList(kPhraseEnders, w) && !InList(kPrepositions, w) && !InList(kPronouns, w) &&
            !InList(kModalWords, w)) {
          head = w;
          // The nouns before it narrow it ("Council tax rises", "the bus
          // subsidy budget will be cut"); a name or a determiner ends them.
          constexpr size_t kMaxNounModifiers = 2;
          for (size_t m = k - 1, n = 0; n < kMaxNounModifiers && m > 0 && toks_[m - 1].kind == Kind::kWord &&
                                        toks_[m - 1].sentence == toks_[verb].sentence;
               --m, ++n) {
            const bool first_word = m == 1 || toks_[m - 2].sentence != toks_[verb].sentence;
            const std::string mw = Lower(toks_[m - 1].s);
            // "Acme's shares", "its own shares", "three tower blocks", "could
            // see fines": an owner's mark, "own", a number or a modal ends them.
            const bool owner_mark = mw == "s" && m >= 2 && PossessiveMark(m - 2);
            if ((!IsLowerWord(toks_[m - 1]) && (!first_word || Named(m - 1))) || owner_mark || mw == "own" ||
                CardinalWord(mw) || InList(kModalWords, mw) || InList(kPhraseEnders, mw) ||
                InList(kPrepositions, mw) || InList(kPronouns, mw) || lexicon::In(lexicon::kStopWords, mw) ||
                lexicon::In(lexicon::kDeterminersOwner, mw) || mw.ends_with("ly") || mw.ends_with("ed")) {
              break;
            }
            head = mw + " " + head;
          }
        }
      }
    }
    return head;
  }

  // What a figure matched by `m` measures (see Quantity::measure).
  // What a premium or discount is measured against: " to closing price"
  // for "a 41% premium to Friday's closing price", " to average price" for
  // "a 45 per cent premium to the three-month average price"; "" when the
  // head is no such noun or the sentence names no reference.
  std::string ReferencePoint(const std::string& head, size_t last) const {
    const std::string noun = head.substr(head.rfind(' ') == std::string::npos ? 0 : head.rfind(' ') + 1);
    if (noun != "premium" && noun != "discount") return "";
    constexpr size_t kReach = 6;
    const size_t s = toks_[last].sentence;
    size_t k = last + 1;
    while (k < toks_.size() && k <= last + kReach && toks_[k].sentence == s && !Is(k, ",") &&
           !IsWordCi(k, "to") && !IsWordCi(k, "over") && !IsWordCi(k, "on")) {
      ++k;
    }
    if (k >= toks_.size() || k > last + kReach || toks_[k].sentence != s || Is(k, ",")) return "";
    ++k;
    // Past determiners, possessors and names: "the", "Friday's", "Brisco's".
    while (k < toks_.size() && toks_[k].sentence == s &&
           (IsWordCi(k, "the") || IsWordCi(k, "its") || IsWordCi(k, "their") || IsUpperWord(toks_[k]) ||
            ((Is(k, "'") || Is(k, "\xE2\x80\x99")) && Glued(k)) || (IsWordCi(k, "s") && Glued(k)) ||
            (Is(k, "-") && Glued(k)) || (toks_[k].kind == Kind::kNum))) {
      ++k;
    }
    std::vector<std::string> words;
    for (; k < toks_.size() && toks_[k].sentence == s && (IsLowerWord(toks_[k]) || (Is(k, "-") && Glued(k))) &&
           words.size() < kMaxHeadModifiers;
         ++k) {
      if (Is(k, "-") || (Is(k - 1, "-") && Glued(k))) {
        words.clear();  // "three-month average": the compound is a modifier
        continue;
      }
      const std::string l = Lower(toks_[k].s);
      if (InList(kPrepositions, l) || InList(kPhraseEnders, l) || lexicon::In(lexicon::kStopWords, l)) break;
      words.push_back(l);
    }
    if (words.empty()) return "";
    const size_t from = words.size() > 2 ? words.size() - 2 : 0;
    std::string ref;
    for (size_t i = from; i < words.size(); ++i) ref += " " + words[i];
    return " to" + ref;
  }

  // True when the sentence before token `lead` says its figures are totals
  // to the day ("So far, the navy has confiscated ... 923 rounds", "In
  // their five operations to date") or over a list ("seized a total of 14
  // rifles, 31 magazines and 923 rounds"): a total, not one event's.
  bool SoFarBefore(size_t lead) const {
    if (lead == 0) return false;
    const size_t s = toks_[lead].sentence;
    bool list = true;  // only figures and nouns of a list so far back ("14 rifles, 31 magazines and")
    for (size_t k = lead; k-- > 0 && toks_[k].sentence == s;) {
      if ((IsWordCi(k, "so") && IsWordCi(k + 1, "far")) || (IsWordCi(k, "to") && IsWordCi(k + 1, "date"))) return true;
      if (IsWordCi(k, "total") && k > 0 && IsWordCi(k - 1, "a") && IsWordCi(k + 1, "of")) return list;
      // "A total of 1,650 people were evacuated from within 1.5km": a verb
      // ends the list the total is of.
      const std::string w = IsLowerWord(toks_[k]) ? Lower(toks_[k].s) : std::string();
      if (!w.empty() && (IsParticiple(k) || (InList(kCopulas, w) && !InList(kOfWords, w)))) list = false;
    }
    return false;
  }

  // True when the words from token k say the count is a total over a
  // period, not one event's: "22 goals this season", "so far", "to date",
  // "in all competitions", "in his career".
  bool OverAPeriod(size_t k) const {
    const auto period = [&](size_t t) {
      return t < toks_.size() && IsLowerWord(toks_[t]) && InList(lexicon::kTallyPeriods, toks_[t].s);
    };
    if (k >= toks_.size() || toks_[k].kind != Kind::kWord) return false;
    const std::string w = Lower(toks_[k].s);
    if ((w == "this" || w == "all") && period(k + 1)) return true;
    if ((w == "so" && IsWordCi(k + 1, "far")) || (w == "to" && IsWordCi(k + 1, "date")) ||
        (w == "in" && IsWordCi(k + 1, "total"))) {
      return true;
    }
    if (w == "in" && IsWordCi(k + 1, "all") && IsLowerWord(toks_[k + 2])) return true;  // "in all competitions"
    if ((w == "in" || w == "of") && (IsWordCi(k + 1, "his") || IsWordCi(k + 1, "her") || IsWordCi(k + 1, "their") ||
                                     IsWordCi(k + 1, "its"))) {
      return period(k + 2);  // "in his career"
    }
    return false;
  }

  // True when the words after token `last` make a sum a price per share:
  // "a share", "per share", "for each share", "for every Acme share".
  bool PerShare(size_t last) const {
    const size_t k = last + 1;
    const auto share = [&](size_t t) { return IsWordCi(t, "share") && toks_[t].sentence == toks_[last].sentence; };
    if ((IsWordCi(k, "a") || IsWordCi(k, "per")) && share(k + 1)) return true;
    if (IsWordCi(k, "for") && (IsWordCi(k + 1, "each") || IsWordCi(k + 1, "every"))) {
      constexpr size_t kMaxNameWords = 3;  // "for each Harlow Group share"
      for (size_t t = k + 2; t < k + 3 + kMaxNameWords && t < toks_.size(); ++t) {
        if (share(t)) return true;
        if (!IsUpperWord(toks_[t])) return false;
      }
    }
    return false;
  }

  // "The cost of the scheme climbed to £587m", "Unpaid wages have grown to
  // £780,000", "Cancellations fell to 2.6%": the level a change reached is
  // the changed thing's own value, named by the clause's subject ("cost",
  // "unpaid wages"); "" when the words before the figure are no change
  // verb and "to", or the clause names no such thing ("It rose to £9m").
  // News states the size of the change or the level it started from
  // between the verb and the level just as often ("Revenue rose 5 per cent
  // to £212m", "her salary rose from £312,000 to £348,000", "rose by 9%, to
  // £196", "has risen again, to £71m"): ChangeGap steps back over them.
  std::string ChangeLevel(size_t lead) const {
    if (lead < 2 || !IsWordCi(lead - 1, "to") || toks_[lead - 2].sentence != toks_[lead].sentence) return "";
    const size_t verb = ChangeGap(lead - 1);
    if (verb >= toks_.size()) return "";
    const std::string_view direction = lexicon::Find(lexicon::kChangeVerbs, Lower(toks_[verb].s));
    // "cut to", "raised to" set a level others chose: what was set is read
    // as before; only a change of the thing itself is its level. The
    // adverbs ("heading down to about $21m") say where it is going, not
    // where it is.
    if (direction.empty() || direction.ends_with(" by") || !IsLowerWord(toks_[verb]) || IsWordCi(verb, "up") ||
        IsWordCi(verb, "down") || IsWordCi(verb, "higher") || IsWordCi(verb, "lower")) {
      return "";
    }
    return ChangedThing(verb);
  }

  // The token before "to" at token `to` that is the change verb, past what
  // may stand between them: the change's own figure ("5 per cent", "by
  // 9%"), the level it started from ("from £312,000"), "again" and commas;
  // toks_.size() when another word comes first or the gap is longer than
  // kMaxChangeGap tokens.
  size_t ChangeGap(size_t to) const {
    // "rose by 11.5 per cent, from £312,000": a percentage and a sum with
    // their words and marks.
    constexpr size_t kMaxChangeGap = 12;
    const size_t s = toks_[to].sentence;
    for (size_t k = to; k-- > 0 && to - k <= kMaxChangeGap + 1 && toks_[k].sentence == s;) {
      if (toks_[k].kind == Kind::kNum || Is(k, "%") || Is(k, ",") || Is(k, "$") || Is(k, "\xC2\xA3") ||
          Is(k, "\xE2\x82\xAC")) {
        continue;
      }
      if (toks_[k].kind != Kind::kWord) return toks_.size();
      const std::string w = Lower(toks_[k].s);
      if (lexicon::In(lexicon::kChangeGaps, w) || WordScale(w) || CurrencyWord(w)) {
        continue;
      }
      return k;
    }
    return toks_.size();
  }

  // "Brisco shares jumped 37% to 258 pence", "Dravel's shares closed 4%
  // higher at 398p", "Shares in Dravel closed at 398p": a sum the clause's
  // shares closed, traded or moved at or to is their price, never a sum of
  // the deal ("412p a share" is an offer: PerShare). The token "shares"
  // (or "stock") when the word before the figure is "at" or "to" and,
  // within kReach words back in its clause, it comes before such a verb;
  // toks_.size() when not.
  size_t SharesPriced(size_t lead) const {
    if (lead < 3 || !(IsWordCi(lead - 1, "at") || IsWordCi(lead - 1, "to"))) return toks_.size();
    // "Shares in the Ashbury-based drugmaker closed 4 per cent higher at":
    // a clause of a name, a change and its direction.
    constexpr size_t kReach = 14;
    const size_t s = toks_[lead].sentence;
    bool moved = false;
    for (size_t k = lead - 1; k-- > 0 && lead - k <= kReach && toks_[k].sentence == s;) {
      if (Is(k, ",") || Is(k, ";")) break;
      if (toks_[k].kind != Kind::kWord) continue;
      const std::string w = Lower(toks_[k].s);
      if (lexicon::In(lexicon::kTradingVerbs, w) || !lexicon::Find(lexicon::kChangeVerbs, w).empty()) {
        moved = true;
      } else if (moved && (w == "shares" || w == "stock")) {
        return k;
      }
    }
    return toks_.size();
  }

  // Whose the shares at token k are: the organisation named right before
  // them ("Brisco shares", "Brisco's shares") or after "in" ("Shares in
  // Dravel"); "" when the text names none there.
  std::string SharesOwner(size_t k) const {
    const auto org_ending_at = [&](size_t t) -> std::string {
      for (const EntityMention* e : by_end_) {
        if (e->span.end == toks_[t].c1 && e->type == "ORG") return e->entity;
      }
      return "";
    };
    if (IsWordCi(k + 1, "in") && k + 2 < toks_.size()) {
      const size_t at = IsWordCi(k + 2, "the") ? k + 3 : k + 2;
      for (const EntityMention* e : by_start_) {
        if (at < toks_.size() && e->span.start == toks_[at].c0 && e->type == "ORG") return e->entity;
      }
      return "";
    }
    if (k >= 3 && IsWordCi(k - 1, "s") && PossessiveMark(k - 2)) return org_ending_at(k - 3);
    return k >= 1 ? org_ending_at(k - 1) : "";
  }

  std::string Measure(const Match& m, size_t lead) const {
    if (m.unit == "rank") return "";
    if (m.unit == "percent") {
      if (std::string change = PercentChange(lead, m.last); !change.empty()) return change;
    }
    // "412p a share", "$3.55 for each Acme share": a price per share, never
    // set against what the whole deal is worth.
    // Whatever verb brings it ("offered", "will pay"), it is the price.
    if (IsCurrencyUnit(m.unit) && PerShare(m.last)) return "price per share";
    // "issued 4,132 £70 tickets": a sum between a count and its noun is the
    // price of each, never set against what they came to together.
    // (Not a year: "between 2015 and 2019 £3bn was invested".)
    const bool each = IsCurrencyUnit(m.unit) && m.first > 0 && toks_[m.first - 1].sentence == toks_[m.first].sentence &&
                      toks_[m.first - 1].kind == Kind::kNum && !PlainYear(toks_[m.first - 1].s);
    if (IsCurrencyUnit(m.unit) || m.unit == "percent") {
      std::string head = IsCurrencyUnit(m.unit) && ClauseAfterSum(m.last) ? "" : HeadAfter(m.last);
      if (head.empty()) head = HeadBefore(lead);
      if (head.empty()) head = ChangeLevel(lead);
      // "sold for £36.2m with fees", "£36.4m including buyer's premium": a
      // total with charges added, never set against the sum before them.
      if (IsCurrencyUnit(m.unit) && WithCharges(m.last + 1)) {
        return (head.empty() ? std::string("total") : MeasureGroup(head)) + " in all";
      }
      // "£62 million for a midfielder": the price of something.
      if (head.empty() && IsCurrencyUnit(m.unit) && IsWordCi(m.last + 1, "for") &&
          (IsWordCi(m.last + 2, "a") || IsWordCi(m.last + 2, "an") || IsWordCi(m.last + 2, "the"))) {
        head = "for";
      }
      if (head.empty()) return "";
      if (each && LooksPlural(head.substr(head.rfind(' ') + 1))) return MeasureGroup(head) + " each";
      // "£31,600 of the expenses": a part of a sum named before, never that
      // sum itself (without the determiner, "£1.4m of unpaid wages" is the
      // whole of what it names).
      if (IsCurrencyUnit(m.unit) && IsWordCi(m.last + 1, "of") &&
          (IsWordCi(m.last + 2, "the") || IsWordCi(m.last + 2, "its") || IsWordCi(m.last + 2, "their") ||
           IsWordCi(m.last + 2, "his") || IsWordCi(m.last + 2, "her"))) {
        return head + " in part";
      }
      return MeasureGroup(head) + ReferencePoint(head, m.last);
    }
    if (IsTimeUnit(m.unit + "s")) {
      // "27 years' experience", "two weeks' notice": what the time is of.
      if (PossessiveMark(m.last + 1) || ((Is(m.last + 1, "'") || Is(m.last + 1, "\xE2\x80\x99")) &&
                                         Glued(m.last + 1) && m.last + 2 < toks_.size() &&
                                         IsLowerWord(toks_[m.last + 2]))) {
        const size_t noun = PossessiveMark(m.last + 1) ? m.last + 3 : m.last + 2;
        if (noun < toks_.size() && IsLowerWord(toks_[noun]) && toks_[noun].sentence == toks_[m.first].sentence) {
          return DurationOf(Lower(toks_[noun].s));
        }
      }
      // "Acme has 28 days to appeal", "was given six months to lodge an
      // appeal": a deadline, named by what must be done by then (the verb,
      // and its object noun when a determiner opens one).
      if (lead > 0 && IsWordCi(m.last + 1, "to") && m.last + 2 < toks_.size() && IsLowerWord(toks_[m.last + 2]) &&
          toks_[m.last + 2].sentence == toks_[m.first].sentence &&
          (IsWordCi(lead - 1, "has") || IsWordCi(lead - 1, "have") || IsWordCi(lead - 1, "had") ||
           IsWordCi(lead - 1, "given"))) {
        const std::string verb = Lower(toks_[m.last + 2].s);
        if (!InList(kPhraseEnders, verb) && !CardinalWord(verb) && !lexicon::In(lexicon::kStopWords, verb)) {
          std::string deadline = "deadline to " + verb;
          const size_t det = m.last + 3;
          if (IsWordCi(det, "a") || IsWordCi(det, "an") || IsWordCi(det, "the") || IsWordCi(det, "its") ||
              IsWordCi(det, "his") || IsWordCi(det, "her") || IsWordCi(det, "their")) {
            // "to seek a judicial review": the noun phrase to its first
            // function word.
            constexpr size_t kMaxObjectWords = 2;
            for (size_t k = det + 1; k <= det + kMaxObjectWords && k < toks_.size() && IsLowerWord(toks_[k]) &&
                                     toks_[k].sentence == toks_[det].sentence;
                 ++k) {
              const std::string w = Lower(toks_[k].s);
              if (InList(kPhraseEnders, w) || InList(kPrepositions, w) || lexicon::In(lexicon::kStopWords, w)) break;
              deadline += " " + w;
            }
          }
          return deadline;
        }
      }
      // "12 years in prison", "jailed for nine years": what lasted.
      std::string head = HeadAfter(m.last);
      if (head.empty() && lead > 0) {
        size_t k = lead - 1;
        if (IsWordCi(k, "for") && k > 0) --k;
        if (IsWordCi(k, "to") && k > 0) --k;
        const std::string w = IsLowerWord(toks_[k]) ? Lower(toks_[k].s) : "";
        // "The median wait was 16 weeks": what the copula's subject names.
        const bool copula = InList(kCopulas, w) && !InList(kOfWords, w);
        // "three days after", "within 90 days", "ten weeks earlier": time
        // between events, not something that lasted.
        const bool between = IsWordCi(m.last + 1, "after") || IsWordCi(m.last + 1, "earlier") ||
                             IsWordCi(m.last + 1, "later") || IsWordCi(m.last + 1, "before") ||
                             IsWordCi(m.last + 1, "ago");
        if (copula) {
          if (!between) head = ClauseSubjectNoun(k);
        } else if (!w.empty() && !InList(kPrepositions, w) && !InList(kPhraseEnders, w) && !InList(kPronouns, w) &&
                   !w.ends_with("ing")) {
          head = w;
        } else if (IsWordCi(lead - 1, "for") && lead >= 2 && (w.empty() || InList(kPrepositions, w))) {
          // "has lived on Mill Road for 40 years", "who has run the Bridge
          // Cafe for 22 years": what lasted is what the verb before the
          // place or the object says.
          if (const size_t verb = DurationVerb(lead - 2); verb < toks_.size()) head = Lower(toks_[verb].s);
        }
      }
      if (!head.empty() && head.find(' ') == std::string::npos) return DurationOf(head);
      if (m.last + 1 < toks_.size() &&
          (IsWordCi(m.last + 1, "after") || IsWordCi(m.last + 1, "earlier") || IsWordCi(m.last + 1, "later") ||
           IsWordCi(m.last + 1, "before") || IsWordCi(m.last + 1, "ago") || IsWordCi(m.last + 1, "from"))) {
        return "";
      }
      return head.empty() ? "" : MeasureGroup(head);
    }
    std::string measure = CountModifiers(m) + m.unit;
    // "12 tonnes of solvent", "400 hectares of forest": a unit's "of" names
    // the stuff measured; "gusts reached 78mph": so does the clause's
    // subject before the verb that brings the figure.
    if (IsMeasureUnitName(m.unit)) {
      if (const std::string point = DistanceAnchor(m.last + 1, lead); !point.empty()) {
        measure += " from " + point;
      } else if (const std::string stuff = OfPhrase(m.last + 1); !stuff.empty()) {
        measure += " of " + stuff;
      } else if (lead > 0 && IsLowerWord(toks_[lead - 1]) && toks_[lead - 1].sentence == toks_[m.first].sentence &&
                 (IsParticiple(lead - 1) || IsKnownEvent(lead - 1))) {
        if (const std::string subject = ClauseSubjectNoun(lead - 1); !subject.empty()) {
          measure = subject + " " + measure;
        }
      }
    }
    // "the other 13 members": a set apart from someone already named, as
    // "13 other members" is.
    if (lead > 0 && IsWordCi(lead - 1, "other") && !measure.starts_with("other ")) measure = "other " + measure;
    // "Nine of its 11 aircraft were leased": what the verb says happened,
    // happened to the part, not to the whole.
    const bool whole = IsWholeOfPart(lead);
    if (const std::string event = whole ? std::string() : CountEvent(m.last, lead); !event.empty()) {
      measure += " " + event;
    }
    if (Widened(m.last) || whole || OverAPeriod(m.last + 1) || SoFarBefore(lead)) {
      measure += " in all";
    } else if (const std::string part = Restriction(m.last); !part.empty()) {
      measure += " in " + part;  // "82 patients in the ferastin group": some of them
    }
    // "won by 197 votes": a difference, not a count; so is "three points
    // adrift of safety" (lexicons/count_scopes.txt, tag gap).
    // A count of people after "by" is the agent of a passive ("watched by
    // 14,212 fans", "signed by 6,000 people"), no margin
    // (lexicons/count_nouns.txt, tag people).
    if (lead > 0 && IsWordCi(lead - 1, "by") && !lexicon::In(lexicon::kCountNounsPeople, Lower(m.unit))) {
      measure += " margin";
    }
    const std::string next =
        m.last + 1 < toks_.size() && IsLowerWord(toks_[m.last + 1]) ? Lower(toks_[m.last + 1].s) : std::string();
    if (lexicon::In(lexicon::kCountScopesGap, next)) measure += " " + next;
    // "the plan called for 450 stewards", "required 12 staff": what is asked
    // for, not what there is (lexicons/count_scopes.txt, tag required).
    if (lead > 0) {
      const size_t verb = lead >= 2 && IsWordCi(lead - 1, "for") ? lead - 2 : lead - 1;
      if (IsLowerWord(toks_[verb]) && toks_[verb].sentence == toks_[m.first].sentence &&
          lexicon::In(lexicon::kCountScopesRequired, Lower(toks_[verb].s))) {
        measure += " required";
      }
    }
    // "below the 60mph limit": the value a figure is held against, not a
    // figure of the story (lexicons/count_scopes.txt, tag reference).
    if (lexicon::In(lexicon::kCountScopesReference, next)) {
      measure += " " + next;
    } else if (lead >= 2 && IsWordCi(lead - 1, "the") && IsLowerWord(toks_[lead - 2]) &&
               toks_[lead - 2].sentence == toks_[m.first].sentence &&
               lexicon::In(lexicon::kPrepositionsThreshold, Lower(toks_[lead - 2].s))) {
      // "well within the 100mph the roof was built to withstand", "below
      // the 450 the plan required": the same, named by what it does.
      measure += " threshold";
    }
    return measure;
  }

  // The verb a duration after "for" is of, read back from token k over
  // up to kMaxVerbReach words of a place or an object ("has worked at the
  // Mill Road depot for", "has run the Bridge Cafe for"): a past participle
  // or one of the irregular forms listed; toks_.size() when a comma, a
  // verb of saying or a clause in "-ing" comes first ("freezing property
  // taxes for two years" is the taxes').
  size_t DurationVerb(size_t k) const {
    const size_t s = toks_[k].sentence;
    // `back` counts words, not the possessive marks stepped over.
    for (size_t back = 0; back < kMaxVerbReach && toks_[k].sentence == s && !Is(k, ","); --k) {
      // A possessive's mark is no word ("worked on Brisco's line for").
      if (k >= 2 && IsWordCi(k, "s") && PossessiveMark(k - 1)) {
        k -= 1;
        continue;
      }
      const std::string w = IsLowerWord(toks_[k]) ? Lower(toks_[k].s) : "";
      if (!w.empty() && (InList(kSayingVerbs, w) || w.ends_with("ing"))) return toks_.size();
      if (DurationVerbForm(w)) return k;
      if (k == 0) break;
      ++back;
    }
    return toks_.size();
  }

  // The named subject of the receiving verb whose object holds the sum
  // [m.first, m.last] after "of" or "worth" ("received a salary of £90,000",
  // "got shares worth £2m"); the object may list other sums before it ("a
  // bonus of £1.2m and shares worth £4.3m"). "" when there is none.
  std::string ReceiverOf(const Match& m, size_t lead) const {
    constexpr size_t kMaxObjectTokens = 24;
    if (!IsCurrencyUnit(m.unit) || lead < 2 || !(IsWordCi(lead - 1, "of") || IsWordCi(lead - 1, "worth"))) return "";
    const size_t s = toks_[lead].sentence;
    for (size_t k = lead - 1; k-- > 0 && lead - k <= kMaxObjectTokens && toks_[k].sentence == s;) {
      if (IsLowerWord(toks_[k])) {
        const std::string w = Lower(toks_[k].s);
        if (lexicon::In(lexicon::kReceivingVerbs, w)) {
          const std::string owner = ClauseSubject(k, k);
          const bool named = std::any_of(by_end_.begin(), by_end_.end(),
                                         [&](const EntityMention* e) { return e->entity == owner; });
          return named ? owner : "";
        }
        // Another clause, or a verb of its own, ends the object.
        if (InList(kSayingVerbs, w) || w == "who" || w == "which" || w == "that" || w == "while" || w == "but" ||
            InList(kAuxiliaries, w) || InList(kModalWords, w)) {
          return "";
        }
        continue;
      }
      if (toks_[k].kind == Kind::kNum || toks_[k].kind == Kind::kSym || Is(k, ",") || Is(k, "'")) continue;
      return "";  // a name, a bracket, a full stop
    }
    return "";
  }

  // Whether the word right after token `last` in its sentence is a verb: a
  // copula, an auxiliary or modal, a verb of saying, an irregular past
  // ("went") or a word ending in "-ed".
  bool VerbAfter(size_t last) const {
    const size_t k = last + 1;
    if (k >= toks_.size() || toks_[k].sentence != toks_[last].sentence || !IsLowerWord(toks_[k])) return false;
    const std::string w = Lower(toks_[k].s);
    return InList(kCopulas, w) || InList(kAuxiliaries, w) || InList(kModalWords, w) || InList(kSayingVerbs, w) ||
           lexicon::In(lexicon::kVerbsAndAdverbsPast, w) || (w.size() > 4 && w.ends_with("ed"));
  }

  // True when the sum whose lead-in starts at token `lead` is joined to the
  // sum ending at token `before` as a second part of one object: "and" or
  // "plus", an optional article, then the sum ("plus a £40,000 bonus") or a
  // noun of at most kMaxHeadModifiers + 1 words and "of" ("and a deficit
  // of £13.9m"); "on" with such a noun ("a profit of £23.5m on revenue of
  // £196m"). A restatement in brackets may follow the first sum. Not a
  // second sum that is its own clause's subject, a verb right after it
  // ("Acme paid £7.5m and a fee of £2m went to Brellan"); `last` is that
  // sum's last token.
  bool JoinedToSumBefore(size_t lead, size_t last, size_t before) const {
    // A restatement longer than this is no bracketed sum ("(about £356m)").
    constexpr size_t kMaxRestatementTokens = 6;
    if (lead <= before + 1 || toks_[lead].sentence != toks_[before].sentence) return false;
    size_t j = before + 1;
    if (Is(j, "(")) {
      const size_t open = j;
      while (j < lead && j - open <= kMaxRestatementTokens && !Is(j, ")")) ++j;
      if (!Is(j, ")")) return false;
      ++j;
    }
    const bool on = IsWordCi(j, "on");
    if (!on && !IsWordCi(j, "and") && !IsWordCi(j, "plus")) return false;
    if (VerbAfter(last)) return false;
    ++j;
    if (IsWordCi(j, "a") || IsWordCi(j, "an")) ++j;
    if (j == lead) return !on;
    if (lead < 2 || !IsWordCi(lead - 1, "of") || j >= lead - 1) return false;
    for (size_t k = j, words = 0; k + 1 < lead; ++k) {
      if (Is(k, "-") && Glued(k)) continue;  // "pre-tax"
      if (!IsLowerWord(toks_[k])) return false;
      const std::string w = Lower(toks_[k].s);
      if (InList(kPhraseEnders, w) || InList(kPrepositions, w) || lexicon::In(lexicon::kDeterminers, w) ||
          InList(kAuxiliaries, w) || InList(kSayingVerbs, w) || ++words > kMaxHeadModifiers + 1) {
        return false;
      }
    }
    return true;
  }

  // The "of" after the noun a sum modifies ("the £26,000 salary of the
  // cleaners", "the £4m budget of Tarnwick Council"): the noun of at most
  // kMaxHeadModifiers lower-case words right after the sum at token `last`.
  // toks_.size() when the sum is followed by no such noun and "of".
  size_t OfAfterSumNoun(size_t last) const {
    const size_t s = toks_[last].sentence;
    size_t k = last + 1;
    for (size_t words = 0; k < toks_.size() && toks_[k].sentence == s && IsLowerWord(toks_[k]); ++k, ++words) {
      const std::string w = Lower(toks_[k].s);
      if (w == "of") return words > 0 ? k : toks_.size();
      if (words == kMaxHeadModifiers || InList(kPhraseEnders, w) || InList(kPrepositions, w) ||
          lexicon::In(lexicon::kDeterminers, w) || InList(kAuxiliaries, w) || InList(kCopulas, w) ||
          IsParticiple(k)) {
        return toks_.size();
      }
    }
    return toks_.size();
  }

  // The name that is the subject of the verb at token `verb`: a mention
  // ending right before it, past an aside a relative pronoun opens between
  // commas ("Tressel, which has 9,800 students, reported", "Lane, 52, who
  // joined in 2019, had"), or the antecedent of the relative clause the
  // verb opens ("the Varde Group, which reported"). nullptr when the words
  // before the verb are no such name.
  const EntityMention* NamedSubjectOf(size_t verb) const {
    // An aside longer than this is a clause of its own, not a description.
    constexpr size_t kMaxAsideTokens = 16;
    if (verb == 0) return nullptr;
    const size_t s = toks_[verb].sentence;
    const auto relative = [&](size_t k) { return IsWordCi(k, "which") || IsWordCi(k, "who"); };
    size_t end = verb - 1;  // the comma or the last token of the name
    if (Is(end, ",")) {
      size_t k = end;  // the aside's first token
      for (size_t n = 0; k > 0 && n < kMaxAsideTokens && toks_[k - 1].sentence == s && !Is(k - 1, ","); ++n) --k;
      if (k < 2 || !Is(k - 1, ",") || !relative(k)) return nullptr;
      end = k - 1;
    } else if (relative(end) && end >= 2 && Is(end - 1, ",")) {
      end -= 1;
    } else {
      end += 1;  // no comma: the name ends right before the verb
    }
    // `end` is the comma after the name (or the verb): past an age.
    const size_t name_end = BeforeAppositiveAge(end);
    if (toks_[name_end].sentence != s) return nullptr;
    for (const EntityMention* e : by_end_) {
      if (e->span.end == toks_[name_end].c1) return e;
    }
    return nullptr;
  }

  // The entity a figure belongs to when the phrase says so: one it is part
  // of ("the 32-year-old star"), a possessor ("Valmoral's £100m"), "of X"
  // ("5,000 followers of Zoë Fox"), or the subject of its clause (see
  // ClauseSubject). "" when none: nearness alone names no owner.
  std::string Owner(const Match& m, size_t lead, bool* unresolved) const {
    *unresolved = false;
    if (m.unit == "rank") return ClauseSubject(m.first, m.last);  // "Acme is the fifth-largest bank"
    // A sum paid to someone named right after the verb is theirs, not the
    // payer's nor the deal's ("the board paid Calder Vale £750,000 in
    // compensation"): lexicons/payment_verbs.txt.
    if (IsCurrencyUnit(m.unit) && lead > 0) {
      std::vector<const EntityMention*> payees = by_end_;
      payees.insert(payees.end(), places_.begin(), places_.end());
      for (const EntityMention* e : payees) {
        if (e->span.end != toks_[lead - 1].c1) continue;
        const size_t at = TokenStartingAt(e->span.start);
        if (at > 0 && at < toks_.size() && IsLowerWord(toks_[at - 1]) &&
            lexicon::In(lexicon::kPaymentVerbs, Lower(toks_[at - 1].s))) {
          return e->entity;
        }
      }
      // "Reeve was paid a fee of $3.5m", "the club has been offered £2m":
      // the subject of a passive payment verb is who gets the sum. Between
      // the verb and the sum only the words naming it ("a fee of").
      constexpr size_t kMaxNamingWords = 4;
      for (size_t k = lead, words = 0; k-- > 0 && words <= kMaxNamingWords; ++words) {
        if (toks_[k].sentence != toks_[m.first].sentence || !IsLowerWord(toks_[k])) break;
        if (!lexicon::In(lexicon::kPaymentVerbs, Lower(toks_[k].s))) continue;
        size_t be = k;
        while (be > 0 && IsLowerWord(toks_[be - 1]) &&
               lexicon::In(lexicon::kAuxiliariesPassive, Lower(toks_[be - 1].s))) {
          --be;
        }
        if (be == k || !lexicon::In(lexicon::kAuxiliariesPassive, Lower(toks_[k - 1].s))) break;
        // "has been paid": the perfect's auxiliary before "been".
        if (be > 0 && (IsWordCi(be - 1, "has") || IsWordCi(be - 1, "have") || IsWordCi(be - 1, "had"))) --be;
        if (be == 0) break;
        for (const EntityMention* e : by_end_) {
          if (e->span.end == toks_[be - 1].c1) return e->entity;
        }
        // "Oyelaran, 29, who drove for Pask, is owed £6,200": the name past
        // an age and a relative aside; "she is owed $14m": the person the
        // pronoun stands for.
        if (const EntityMention* e = NamedSubjectOf(be)) return e->entity;
        if (IsWordCi(be - 1, "he") || IsWordCi(be - 1, "she")) {
          size_t at = toks_.size();
          std::string referent = PronounReferent(be, &at);
          if (at == be - 1 && !referent.empty()) return referent;
        }
        // "Colquitt, who is paid £385,000 a year": the relative clause's
        // antecedent is NamedSubjectOf's; one that is no name owns nothing.
        if (IsWordCi(be - 1, "who") && be >= 3 && Is(be - 2, ",")) break;
        // "Gallacher joined on a salary of £198,000 and was paid £265,000":
        // a second predicate's subject is the one the sentence opens with.
        if (IsWordCi(be - 1, "and")) {
          const size_t start = sentence_start_[toks_[m.first].sentence];
          for (const EntityMention* e : by_start_) {
            if (e->span.start < start) continue;
            if (e->span.start == start && e->type == "PERSON") return e->entity;
            break;
          }
          break;
        }
        // A bare surname the tagger missed ("Reeve was paid").
        if (Containing(toks_[be - 1].c0, toks_[be - 1].c1, /*person_only=*/false) == nullptr) {
          if (std::string w = PersonByNameWord(be - 1); !w.empty()) return w;
        }
        break;
      }
    }
    // "Pole was jailed for three years", "Quaile spent eleven years as host":
    // a duration the subject's own verb gives.
    if (IsTimeUnit(m.unit + "s") && lead > 0) {
      // "Calder Peak's 68-year history", "Fox's five-year contract": a
      // possessor owns the span its noun lasts.
      if (std::string p = Possessor(lead); !p.empty()) return p;
      size_t k = lead - 1;
      if ((IsWordCi(k, "for") || IsWordCi(k, "to")) && k > 0) --k;
      // "Castellane, a councillor for eight years", "Dean Colley, 29, a
      // season-ticket holder for 15 years", "Hollis, a volunteer guide at
      // the hall for 22 years": the person the description is in
      // apposition to, past an age between commas.
      constexpr size_t kMaxDescriptionTokens = 10;
      for (size_t d = k, n = 0; d >= 2 && n < kMaxDescriptionTokens && toks_[d].sentence == toks_[m.first].sentence &&
                                (IsLowerWord(toks_[d]) || Is(d, "-"));
           --d, ++n) {
        // A clause between ("Fox, a spokesman who said the man was jailed
        // for eight years") makes the duration someone else's.
        if (IsWordCi(d, "who") || IsWordCi(d, "which") || IsWordCi(d, "that") ||
            lexicon::In(lexicon::kReportingVerbs, Lower(toks_[d].s))) {
          break;
        }
        if (!(IsWordCi(d, "a") || IsWordCi(d, "an")) || !Is(d - 1, ",")) continue;
        const size_t name_end = BeforeAppositiveAge(d - 1);
        for (const EntityMention* e : by_end_) {
          if (e->span.end == toks_[name_end].c1 && e->type == "PERSON") return e->entity;
        }
        break;
      }
      // The verb must be one, possibly before a place ("has worked at the
      // infirmary for 26 years"); "freezing property taxes for two years"
      // is the taxes', not the subject's.
      for (size_t back = 0; back < kMaxVerbReach && k > 0 && toks_[k].sentence == toks_[m.first].sentence &&
                            !Is(k, ",");
           --k) {
        // A possessive's mark is no word: "worked on Brisco's assembly line
        // for 31 years" reaches the verb as "on Brisco assembly line" would.
        if (k >= 2 && IsWordCi(k, "s") && PossessiveMark(k - 1)) {
          k -= 1;
          continue;
        }
        const std::string w = IsLowerWord(toks_[k]) ? Lower(toks_[k].s) : "";
        if (!InList(kSayingVerbs, w) && DurationVerbForm(w)) return ClauseSubject(m.first, m.last);
        if (!w.empty() && !InList(kPrepositions, w) && !InList(kPhraseEnders, w) && back > 0 &&
            w.ends_with("ing")) {
          return "";  // "freezing property taxes": a clause of its own
        }
        ++back;
      }
      return "";
    }
    if (const EntityMention* e = Containing(toks_[m.first].c0, toks_[m.last].c1, /*person_only=*/false)) {
      return e->entity;
    }
    if (std::string p = Possessor(lead, IsCurrencyUnit(m.unit) || m.unit == "percent"); !p.empty()) return p;
    // A sum is left to the rules below: a bid or a price is the deal's,
    // whoever "whose" says has it ("Orvath, whose £1.9bn bid").
    if (!IsCurrencyUnit(m.unit)) {
      if (std::optional<std::string> a = RelativeAntecedent(lead, unresolved)) return *a;
      if (std::optional<std::string> p = DistanceOfPlace(m, lead, unresolved)) return *p;
      if (std::string head = NamedRelativeHead(m.first, lead); !head.empty()) return head;
    }
    // "the city of 210,000 people", "a town of 6,000": a place's population,
    // whose place the figure does not say (lexicons/place_words.txt, area).
    if (!IsCurrencyUnit(m.unit) && m.unit != "percent" && lead >= 2 && IsWordCi(lead - 1, "of") &&
        IsLowerWord(toks_[lead - 2]) && lexicon::In(lexicon::kPlaceWordsArea, Lower(toks_[lead - 2].s))) {
      *unresolved = true;
      return "";
    }
    // "the Mercury's weekly print sale of about 6,200 copies", "Acme's
    // workforce of 1,200": the possessor of the noun the figure is "of".
    if (lead >= 2 && IsWordCi(lead - 1, "of")) {
      constexpr size_t kMaxOfNounWords = 4;  // "weekly print sale"
      size_t k = lead - 1;
      size_t words = 0;
      while (k > 1 && words < kMaxOfNounWords && IsLowerWord(toks_[k - 1]) && !PossessiveMark(k - 2) &&
             toks_[k - 1].sentence == toks_[lead].sentence && !InList(kPhraseEnders, Lower(toks_[k - 1].s)) &&
             !InList(kPrepositions, Lower(toks_[k - 1].s))) {
        --k;
        ++words;
      }
      if (words > 0) {
        if (std::string p = Possessor(k, IsCurrencyUnit(m.unit) || m.unit == "percent"); !p.empty()) return p;
      }
    }
    // "21 of its flights": a part of someone's, the pronoun's referent's;
    // when the clause does not say whose, nobody's claim. "All 86 of its
    // staff" are the whole, whoever's.
    for (size_t k = m.first + 1; k + 1 <= m.last; ++k) {
      if (!IsWordCi(k, "of")) continue;
      if (IsWordCi(k + 1, "its") || IsWordCi(k + 1, "his") || IsWordCi(k + 1, "her") || IsWordCi(k + 1, "their")) {
        std::string subject = ClauseSubject(m.first, m.last);
        *unresolved = subject.empty() && !(m.first > 0 && IsWordCi(m.first - 1, "all"));
        return subject;
      }
      break;
    }
    // "its 4,000 workers": the pronoun's referent (ClauseSubject finds it);
    // but "his £58m move" is the deal's price, no one's.
    if (lead > 0 && (IsWordCi(lead - 1, "its") || IsWordCi(lead - 1, "his") || IsWordCi(lead - 1, "her") ||
                     IsWordCi(lead - 1, "their"))) {
      if (IsCurrencyUnit(m.unit) && MeasureGroup(HeadAfter(m.last)) == "fee") return "";
      return ClauseSubject(m.first, m.last);
    }
    // "1,100 jobs across the company", "14,000 people worldwide": the whole
    // of the organisation the sentence names first.
    if (!IsCurrencyUnit(m.unit) && m.unit != "percent" && Widened(m.last)) {
      // "from Veltrane's global workforce": the possessor named after it.
      size_t k = m.last + 1;
      if (IsParticiple(k)) ++k;
      if (IsWordCi(k, "from") && k + 1 < toks_.size()) {
        for (const EntityMention* e : by_start_) {
          if (e->span.start == toks_[k + 1].c0) return e->entity;
        }
      }
      // Else the organisation that opens the sentence (the tagger may type
      // it PERSON: "Veltrane, which employs 14,000 people worldwide").
      const size_t start = sentence_start_[toks_[m.first].sentence];
      for (const EntityMention* e : by_start_) {
        if (e->span.start < start) continue;
        if (e->span.start == start && e->span.end <= toks_[m.first].c0) return e->entity;
        break;
      }
    }
    // "the £4m budget of Tarnwick Council": the name after the noun's "of".
    if (IsCurrencyUnit(m.unit)) {
      if (const size_t of = OfAfterSumNoun(m.last); of + 1 < toks_.size()) {
        for (const EntityMention* e : by_start_) {
          if (e->span.start == toks_[of + 1].c0) return e->entity;
        }
      }
    }
    if (IsWordCi(m.last + 1, "of") && m.last + 2 < toks_.size() && IsUpperWord(toks_[m.last + 2])) {
      for (const EntityMention* e : by_end_) {
        if (e->span.start == toks_[m.last + 2].c0) return e->entity;  // "5,000 followers of Zoë Fox"
      }
    }
    // "540 jobs are to go at Brisco", "2,100 staff at Brisco": a workforce
    // count is the organisation it works at, named after "at" in its own
    // clause (by_start_ holds no places: "jobs at Tarnbridge" is no one's).
    if (const std::string_view group = lexicon::Find(lexicon::kCountSynonyms, Lower(m.unit));
        group == "staff" || group == "jobs" || Lower(m.unit) == "jobs") {
      for (size_t k = m.last + 1; k < toks_.size() && k <= m.last + kMaxVerbReach + 1 &&
                                  toks_[k].sentence == toks_[m.first].sentence && IsLowerWord(toks_[k]);
           ++k) {
        if (!IsWordCi(k, "at") || k + 1 >= toks_.size()) continue;
        for (const EntityMention* e : by_start_) {
          // The tagger may type a firm named for its founder PERSON.
          if (e->span.start == toks_[k + 1].c0) return e->entity;
        }
        break;
      }
    }
    // "Tarrant, the third-largest baker with a 9.6% share of the
    // market,", "Acme, with 300 staff,": what the name set off by the comma
    // has.
    if (lead >= 3) {
      size_t k = lead - 1;
      if (IsWordCi(k, "a") || IsWordCi(k, "an")) --k;
      if (IsWordCi(k, "with")) {
        constexpr size_t kMaxAppositionTokens = 8;
        size_t b = k;
        while (b > 0 && k - b < kMaxAppositionTokens && toks_[b - 1].sentence == toks_[k].sentence &&
               (IsLowerWord(toks_[b - 1]) || (Is(b - 1, "-") && Glued(b - 1)))) {
          --b;
        }
        if (b >= 2 && Is(b - 1, ",") && (b == k || IsWordCi(b, "the") || IsWordCi(b, "a") || IsWordCi(b, "an"))) {
          for (const EntityMention* e : by_end_) {
            if (e->span.end == toks_[b - 2].c1) return e->entity;
          }
        }
      }
    }
    // "Tarrant made a pre-tax profit of £140m", "Acme reported revenue of
    // $2bn", "the club has debts of £4m": a sum named by the object of the
    // clause subject's verb of having or making is the subject's.
    if (IsCurrencyUnit(m.unit) && lead >= 3 && IsWordCi(lead - 1, "of")) {
      size_t k = lead - 2;
      size_t words = 0;
      const auto verb_at = [&](size_t at) {
        const std::string w = IsLowerWord(toks_[at]) ? Lower(toks_[at].s) : std::string();
        return !w.empty() && (InList(kHaveVerbs, w) || InList(kResultVerbs, w));
      };
      while (k > 0 && words < kMaxHeadModifiers && toks_[k].sentence == toks_[lead].sentence && !verb_at(k) &&
             ((IsLowerWord(toks_[k]) && !InList(kPhraseEnders, toks_[k].s) && !InList(kPrepositions, toks_[k].s) &&
               !lexicon::In(lexicon::kDeterminers, Lower(toks_[k].s))) ||
              (Is(k, "-") && Glued(k)))) {
        if (!Is(k, "-")) ++words;  // "pre-tax" is one modifier
        --k;
      }
      if (words > 0 && k > 0 && (IsWordCi(k, "a") || IsWordCi(k, "an"))) --k;
      // The subject right before the verb is a name, not a description a
      // possessive owns ("Her company reported a profit": not hers), also
      // past a relative aside or as a relative clause's antecedent.
      if (words > 0 && k > 0 && verb_at(k)) {
        if (const EntityMention* e = NamedSubjectOf(k)) return e->entity;
      }
    }
    // "Hartley is worth £2.6bn", "Hartley, who is worth an estimated
    // £2.6bn": a name's worth is its own, the name the copula follows or
    // the relative clause's antecedent; a pronoun or a thing says nothing.
    if (IsCurrencyUnit(m.unit) && lead >= 3 && IsWordCi(lead - 1, "worth") && IsLowerWord(toks_[lead - 2]) &&
        InList(kCopulas, toks_[lead - 2].s) && !InList(kOfWords, Lower(toks_[lead - 2].s))) {
      size_t a = lead - 3;
      if (IsWordCi(a, "who") && a >= 2 && Is(a - 1, ",")) a -= 2;
      for (const EntityMention* e : by_end_) {
        if (e->span.end == toks_[a].c1 && toks_[a].sentence == toks_[lead].sentence) return e->entity;
      }
      return "";
    }
    // "Dr Gallacher's salary was £265,000": the possessor of the copula's
    // subject owns what it names.
    if (lead > 0 && IsLowerWord(toks_[lead - 1]) && InList(kCopulas, toks_[lead - 1].s) &&
        !InList(kOfWords, Lower(toks_[lead - 1].s))) {
      if (std::string owner = CopulaSubjectPossessor(lead - 1); !owner.empty()) return owner;
    }
    // "puts Corrow's yearly spend at $3.4m", "Ildane's order book now
    // stands at $240m": the possessor of the noun a sum is set at, as the
    // object of a verb of estimating or the subject of "stands at".
    if (IsCurrencyUnit(m.unit) && lead >= 4 && IsWordCi(lead - 1, "at") && IsLowerWord(toks_[lead - 2]) &&
        toks_[lead - 2].sentence == toks_[lead].sentence) {
      if (InList(kCopulas, toks_[lead - 2].s) && !InList(kOfWords, Lower(toks_[lead - 2].s))) {
        if (std::string owner = CopulaSubjectPossessor(lead - 2); !owner.empty()) return owner;
      } else {
        size_t k = lead - 1;
        for (size_t words = 0; k > 0 && words < kMaxHeadModifiers && IsLowerWord(toks_[k - 1]) &&
                               toks_[k - 1].sentence == toks_[lead].sentence;
             ++words) {
          const std::string w = Lower(toks_[k - 1].s);
          if (InList(kPhraseEnders, w) || InList(kPrepositions, w) || lexicon::In(lexicon::kDeterminers, w) ||
              InList(kAuxiliaries, w) || InList(kCopulas, w) || w == "s") {
            break;
          }
          --k;
        }
        if (k < lead - 1) {
          if (std::string p = Possessor(k); !p.empty()) return p;
        }
      }
    }
    // "Strand received a base salary of £880,000, a bonus of £1.2m and
    // shares worth about £4.3m": a sum in what a receiving verb takes
    // (lexicons/receiving_verbs.txt) is the receiver's, when a name is the
    // verb's subject.
    if (std::string receiver = ReceiverOf(m, lead); !receiver.empty()) return receiver;
    // The clause subject owns a count it has ("Acme has 300 staff") and a
    // sum it paid ("Valmoral paid £58m"); any other verb says nothing of
    // whose the figure is ("Fox said 30 homes burned").
    if (lead == 0 || !IsLowerWord(toks_[lead - 1])) return "";
    const std::string verb = Lower(toks_[lead - 1].s);
    // A price is the deal's, not the buyer's or the seller's ("Ashcombe
    // banked £62m", "Valmoral paid £58m").
    // A sum named by a noun ("promised $6m in emergency aid") is that
    // thing's, not the promiser's.
    // But a sum the subject has or claims for itself ("claimed £87,400 in
    // expenses") is the subject's (lexicons/own_sums.txt).
    const std::string named = IsCurrencyUnit(m.unit) ? HeadAfter(m.last) : std::string();
    const bool sum = IsCurrencyUnit(m.unit) && IsSumVerb(verb) && MeasureGroup(verb) != "fee" &&
                     (named.empty() || lexicon::In(lexicon::kOwnSums, named));
    // A count the clause subject's own verb takes ("Ashcombe rejected two
    // bids", "Castellane won 45% of the vote", "made 171 appearances");
    // not after a verb of saying, a preposition or a participle clause
    // ("for defrauding 212 investors").
    // Nor after a determiner ("in all 730 schools"): no verb at all.
    const bool object = !IsCurrencyUnit(m.unit) && !InList(kSayingVerbs, verb) &&
                        !InList(kPrepositions, verb) && !InList(kPhraseEnders, verb) && !verb.ends_with("ing") &&
                        !InList(kAuxiliaries, verb) && !InList(kQuantifierWords, verb);
    const bool have = !IsCurrencyUnit(m.unit) && InList(kHaveVerbs, verb);
    if (!sum && !have && !object) return "";
    // "a fraud that cost 221 investors": a relative clause of a thing is
    // the thing's (the story's event); of a name the tagger missed
    // ("Corvale, which has 2,300 workers"), unknown.
    // Auxiliaries may stand between ("a shift that will cost 520 jobs").
    size_t rel = lead >= 2 ? lead - 2 : 0;
    while (rel > 0 && IsLowerWord(toks_[rel]) && toks_[rel].sentence == toks_[lead - 1].sentence &&
           (InList(kModalWords, Lower(toks_[rel].s)) || InList(kAuxiliaries, Lower(toks_[rel].s)))) {
      --rel;
    }
    if (rel >= 1 && (IsWordCi(rel, "which") || IsWordCi(rel, "that") || IsWordCi(rel, "who"))) {
      size_t a = rel - 1;
      if (Is(a, ",") && a > 0) --a;
      const bool named = std::any_of(by_end_.begin(), by_end_.end(),
                                     [&](const EntityMention* e) { return e->span.end == toks_[a].c1; });
      // "Neville Osie, the independent who drew 1,904 votes": a description
      // in apposition to a name is that person.
      if (!named) {
        // Back over the description ("a 74-year-old retired nurse who").
        constexpr size_t kMaxDescriptionTokens = 8;
        size_t b = a;
        while (b > 0 && a - b < kMaxDescriptionTokens && toks_[b].sentence == toks_[a].sentence &&
               (IsLowerWord(toks_[b]) || toks_[b].kind == Kind::kNum || Is(b, "-"))) {
          --b;
        }
        if (Is(b, ",") && b > 0) {
          for (const EntityMention* e : by_end_) {
            if (e->span.end == toks_[b - 1].c1 && e->type == "PERSON") return e->entity;
          }
        }
      }
      if (!named) {
        // A thing with a name in its phrase ("The Corvale plant, which
        // has 2,300 workers") is another thing than the story's event.
        bool capitalised = !IsLowerWord(toks_[a]);
        for (size_t b = a; b > 0 && a - b < kMaxHeadModifiers && IsWordCi(b, "the") == false; --b) {
          if (toks_[b].kind != Kind::kWord || toks_[b].sentence != toks_[a].sentence) break;
          capitalised = capitalised || (IsUpperWord(toks_[b]) && toks_[b - 1].sentence == toks_[b].sentence);
        }
        *unresolved = capitalised;
        return "";
      }
    }
    std::string subject = ClauseSubject(m.first, m.last, IsCurrencyUnit(m.unit));
    // "which has 2,300 workers", "it employs 300": someone's, but whose is
    // not known.
    *unresolved = subject.empty() && (have || object) && lead >= 2 &&
                  (IsWordCi(lead - 2, "which") || IsWordCi(lead - 2, "who") || IsWordCi(lead - 2, "that") ||
                   IsWordCi(lead - 2, "it") || IsWordCi(lead - 2, "they") || IsWordCi(lead - 2, "he") ||
                   IsWordCi(lead - 2, "she"));
    return subject;
  }

  // Extends past a scale word ("2.3 million"); returns the last token used.
  size_t Scale(size_t i, const Number& n, double* value) const {
    *value = n.value;
    size_t last = i;
    // "three and a half hours", "2 and a half million".
    if (!n.scaled && n.unit.empty() && IsWordCi(i + 1, "and") && IsWordCi(i + 2, "a") && IsWordCi(i + 3, "half") &&
        toks_[i + 3].sentence == toks_[i].sentence) {
      *value += 0.5;
      last = i + 3;
    }
    if (!n.scaled && last + 1 < toks_.size() && toks_[last + 1].kind == Kind::kWord) {
      if (const std::optional<double> s = WordScale(toks_[last + 1].s)) {
        *value *= *s;
        return last + 1;
      }
    }
    return last;
  }

  std::optional<Match> MatchAt(size_t i) const {
    const Token& t = toks_[i];
    if (std::optional<Match> tally = MatchTally(i)) return tally;
    if (t.kind == Kind::kNum) {
      if (std::optional<Match> share = MatchShare(i)) return share;
      if (std::optional<Match> r = MatchHyphenRange(i)) return r;
      return MatchNumber(i);
    }
    if (std::optional<Match> m = MatchMoneySymbol(i)) return m;
    if (t.kind == Kind::kWord) return MatchWord(i);
    if (t.s == "#" && Glued(i + 1)) {
      const std::optional<Number> n = NumberAt(i + 1);
      if (n && n->plain && n->value >= 1 && n->value <= kMaxRank) {
        return Match{i, i + 1, n->value, "rank", std::string()};
      }
    }
    return std::nullopt;
  }

  // A whole number at token i as one side of a vote's tally: digits ("7")
  // or a number word ("seven"); `last` gets its last token.
  std::optional<double> TallyNumber(size_t i, size_t* last) const {
    if (i >= toks_.size()) return std::nullopt;
    if (toks_[i].kind == Kind::kNum) {
      const std::optional<Number> n = ParseNumber(toks_[i].s);
      if (!n || !n->plain || n->ordinal || n->value > kMaxTally) return std::nullopt;
      *last = i;
      return n->value;
    }
    const std::optional<double> card = SpelledBelowHundred(i);
    if (card) *last = EndOfSpelled(i);
    return card;
  }

  // True when a verb that tells a vote's outcome stands right before token
  // i, "by" between allowed: "voted 7-5", "The motion passed 35-28",
  // "carried by 34-29" (lexicons/tally_verbs.txt).
  bool TallyVerbBefore(size_t i) const {
    if (i > 1 && IsWordCi(i - 1, "by")) --i;
    return i > 0 && IsLowerWord(toks_[i - 1]) && toks_[i - 1].sentence == toks_[i].sentence &&
           lexicon::In(lexicon::kTallyVerbs, Lower(toks_[i - 1].s));
  }

  // The two sides of a vote's tally, each a count of votes: "voted seven
  // to four", "voted 7-5", "by six votes to two", "the 7-4 vote", "a five
  // to four ruling" (lexicons/count_scopes.txt, tag tally). The number
  // before "to" or the hyphen is the votes for, the one after the votes
  // against; a score ("won 3-0") is no tally.
  std::optional<Match> MatchTally(size_t i) const {
    // Only a number beside "votes", "to" or a hyphen can be a side: the
    // cheap test first, as every token comes here.
    const bool beside = IsWordCi(i + 1, "votes") || IsWordCi(i + 1, "to") || Is(i + 1, "-") ||
                        (i >= 1 && (IsWordCi(i - 1, "to") || Is(i - 1, "-")));
    if (!beside) return std::nullopt;
    size_t first_last = 0;
    const std::optional<double> first = TallyNumber(i, &first_last);
    if (!first) return std::nullopt;
    const auto tally_word = [&](size_t k) {
      return k < toks_.size() && IsLowerWord(toks_[k]) && lexicon::In(lexicon::kCountScopesTally, Lower(toks_[k].s));
    };
    const bool after_voted = TallyVerbBefore(i);
    // The number after the joining word, and whether the tally says so.
    const auto second_after = [&](size_t join, size_t* second_last) -> std::optional<double> {
      const bool hyphen = Is(join, "-") && Glued(join) && Glued(join + 1);
      if (!hyphen && !IsWordCi(join, "to")) return std::nullopt;
      return TallyNumber(join + 1, second_last);
    };
    size_t second_last = 0;
    // "by six votes to two": the first side names its unit.
    if (IsWordCi(first_last + 1, "votes") && IsWordCi(first_last + 2, "to") &&
        TallyNumber(first_last + 3, &second_last)) {
      return Match{i, first_last + 1, *first, "votes", std::string(), std::string(kVotesFor)};
    }
    // "passed 2 to 3 players" is a range of a count, no tally.
    const auto counted_after = [&](size_t k) { return k < toks_.size() && IsUnitWord(toks_[k]); };
    if (second_after(first_last + 1, &second_last) && !counted_after(second_last + 1) &&
        (after_voted || tally_word(second_last + 1))) {
      return Match{i, first_last, *first, "votes", std::string(), std::string(kVotesFor)};
    }
    // The side after "to" or the hyphen.
    if (i < 2) return std::nullopt;
    const size_t join = i - 1;
    const bool hyphen = Is(join, "-") && Glued(join) && Glued(i);
    if (!hyphen && !IsWordCi(join, "to")) return std::nullopt;
    size_t before = join - 1;
    if (!hyphen && IsWordCi(before, "votes")) {
      if (before == 0) return std::nullopt;
      --before;
    }
    // The first side: one token ("seven", "7") or a hyphened number word
    // ("twenty-one").
    size_t start = before;
    if (start >= 2 && Is(start - 1, "-") && Glued(start - 1) && Glued(start) && toks_[start - 2].kind == Kind::kWord) {
      start -= 2;
    }
    size_t back_last = 0;
    if (!TallyNumber(start, &back_last) || back_last != before) return std::nullopt;
    const bool counted = IsWordCi(join - 1, "votes");
    const bool voted = TallyVerbBefore(start);
    if (!counted && !voted && !tally_word(first_last + 1)) return std::nullopt;
    if (counted_after(first_last + 1)) return std::nullopt;
    return Match{i, first_last, *first, "votes", std::string(), std::string(kVotesAgainst)};
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
    if (std::optional<Match> range = MoneyHyphenRange(i, sym, *unit)) return range;
    const std::optional<Number> n = NumberAt(sym + 1);
    if (!n || n->ordinal) return std::nullopt;
    double value = 0;
    const size_t last = Scale(sym + 1, *n, &value);
    return Match{i, last, value, std::string(*unit), std::string()};
  }

  // "£18m-25m", "£18-25m", "£18m-£25m": a range of sums written with its
  // currency once and its scale once or twice; the lower figure takes the
  // upper one's scale when it has none. The compound rule (dates, ids)
  // otherwise drops both numbers.
  std::optional<Match> MoneyHyphenRange(size_t i, size_t sym, std::string_view unit) const {
    const size_t lo_at = sym + 1;
    if (lo_at + 2 >= toks_.size() || toks_[lo_at].kind != Kind::kNum || !Is(lo_at + 1, "-") || !Glued(lo_at + 1) ||
        !Glued(lo_at + 2)) {
      return std::nullopt;
    }
    size_t hi_at = lo_at + 2;
    if (Is(hi_at, toks_[sym].s) && Glued(hi_at + 1)) ++hi_at;  // "£18m-£25m"
    if (hi_at >= toks_.size() || toks_[hi_at].kind != Kind::kNum || (Is(hi_at + 1, "-") && Glued(hi_at + 1))) {
      return std::nullopt;
    }
    const std::optional<Number> lo = ParseNumber(toks_[lo_at].s);
    const std::optional<Number> hi = ParseNumber(toks_[hi_at].s);
    if (!lo || !hi || lo->ordinal || hi->ordinal || lo->pence || hi->pence) return std::nullopt;
    double high = 0;
    const size_t last = Scale(hi_at, *hi, &high);
    double low = lo->value;
    if (!lo->scaled) {
      // The upper figure's digits without their suffix: "15" of "15m".
      std::string_view digits = toks_[hi_at].s;
      while (!digits.empty() && !IsAsciiDigit(digits.back())) digits.remove_suffix(1);
      const std::optional<Number> raw = ParseNumber(digits);
      if (!raw || raw->value <= 0) return std::nullopt;
      low *= high / raw->value;
    }
    if (low >= high) return std::nullopt;
    // "£18-25,000": no scale on either side and a hundredfold gap; which
    // thousands the lower figure meant is not said.
    constexpr double kMaxUnscaledRangeRatio = 100;
    if (!lo->scaled && last == hi_at && !hi->scaled && high >= kMaxUnscaledRangeRatio * low) return std::nullopt;
    Match m{i, last, high, std::string(unit), std::string()};
    m.low = low;
    return m;
  }

  std::optional<Match> MatchNumber(size_t i) const {
    const std::optional<Number> n = NumberAt(i);
    if (!n) return std::nullopt;
    // "type 2 diabetes", "a Category 4 hurricane": a label, no count
    // (lexicons/label_nouns.txt).
    if (n->plain && i > 0 && toks_[i - 1].kind == Kind::kWord && !Glued(i) &&
        lexicon::In(lexicon::kLabelNouns, Lower(toks_[i - 1].s))) {
      return std::nullopt;
    }
    // "AK-47 rifles", "an F-16 jet", "the G-20 summit": digits hyphened to a
    // word in capitals are a model's or a name's designation, no figure.
    const auto capitals = [](std::string_view w) {
      return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    };
    if (n->plain && i >= 2 && Is(i - 1, "-") && Glued(i) && Glued(i - 1) && toks_[i - 2].kind == Kind::kWord &&
        capitals(toks_[i - 2].s)) {
      return std::nullopt;
    }
    if (n->ordinal) {
      // "3rd-largest"
      if (Is(i + 1, "-") && Glued(i + 1) && Glued(i + 2) && At(i + 2) != nullptr && toks_[i + 2].kind == Kind::kWord &&
          IsSuperlative(toks_[i + 2].s, true)) {
        return Match{i, i + 2, n->value, "rank", std::string()};
      }
      return std::nullopt;
    }
    if (n->pence) return Match{i, i, n->value, "GBP", std::string()};
    double value = 0;
    const size_t last = Scale(i, *n, &value);
    const bool year = PlainYear(*n) && last == i;
    if (!year && !n->scaled) {
      if (std::optional<Match> m = NumberOfCount(i, last, value)) return m;
    }
    if (IsAge(*n)) {
      if (std::optional<Match> m = MatchAge(i, *n)) return m;
    }
    return MatchUnit(i, last, value, /*count_allowed=*/!year);
  }

  // "put the number of passengers affected at 5,100", "the number of
  // complaints rose to 312", "the number of deaths is 12": a bare figure
  // that a verb sets "the number of" a plural noun at, earlier in its
  // clause, counts that noun (with the participle after it: what happened
  // to them). Nothing when a unit follows the figure, another figure or a
  // clause break comes between, or no plural noun is named.
  std::optional<Match> NumberOfCount(size_t first, size_t last, double value) const {
    if (first == 0 || !IsLowerWord(toks_[first - 1])) return std::nullopt;
    const std::string verb = Lower(toks_[first - 1].s);
    if (verb != "at" && verb != "to" && verb != "is" && verb != "was" && verb != "reached" && verb != "hit" &&
        verb != "totalled" && verb != "stood" && verb != "stands") {
      return std::nullopt;
    }
    if (last + 1 < toks_.size() && toks_[last + 1].sentence == toks_[first].sentence &&
        (IsLowerWord(toks_[last + 1]) || toks_[last + 1].kind == Kind::kSym) &&
        !InList(kPrepositions, Lower(toks_[last + 1].s)) && !InList(kPhraseEnders, Lower(toks_[last + 1].s)) &&
        !Is(last + 1, ",") && !Is(last + 1, ".") && !Is(last + 1, ";")) {
      return std::nullopt;  // "at 40 miles", "to 3-1": the figure has a unit of its own
    }
    constexpr size_t kMaxReach = 14;  // tokens from "number" to the figure's verb
    const size_t s = toks_[first].sentence;
    for (size_t k = first - 1; k > 0 && first - 1 - k <= kMaxReach && toks_[k - 1].sentence == s; --k) {
      const Token& t = toks_[k - 1];
      if (t.kind == Kind::kNum || Is(k - 1, ",") || Is(k - 1, ";") || Is(k - 1, ":") || Is(k - 1, "\"")) {
        return std::nullopt;
      }
      if (!IsWordCi(k - 1, "number") || !IsWordCi(k, "of") || k < 2 || !IsWordCi(k - 2, "the")) continue;
      // The counted noun: the first plural within two modifiers ("the
      // number of new cases").
      constexpr size_t kMaxNounModifiers = 2;
      for (size_t j = k + 1; j <= k + 1 + kMaxNounModifiers && j + 1 < first; ++j) {
        if (!IsLowerWord(toks_[j])) return std::nullopt;
        const std::string w = Lower(toks_[j].s);
        if (InList(kPhraseEnders, w) || InList(kPrepositions, w) || lexicon::In(lexicon::kStopWords, w)) {
          return std::nullopt;
        }
        if (!IsCountNoun(toks_[j])) continue;
        Match m{first, last, value, w, std::string(), w};
        // "the number of people killed rose to 12", "put the number of
        // passengers affected at 5,100"; but in "the number of complaints
        // climbed to 312" the "-ed" word is the clause's own verb.
        const bool postmodifier = verb == "at" || verb == "is" || verb == "was" || j + 2 < first - 1;
        if (postmodifier && j + 2 < first && IsParticiple(j + 1)) {
          m.measure += " " + EventStem(Lower(toks_[j + 1].s));
        }
        return m;
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

  // The unit after a figure spanning tokens [first, last]: a currency word,
  // a percent sign or word, or (when `count_allowed`) a countable noun with
  // at most one modifier before it.
  std::optional<Match> MatchUnit(size_t first, size_t last, double value, bool count_allowed) const {
    const size_t next = last + 1;
    if (next >= toks_.size()) return std::nullopt;
    if (IsWordCi(next, "pounds") && IsWordCi(next + 1, "sterling")) {
      return Match{first, next + 1, value, "GBP", std::string()};
    }
    // "265 pence": hundredths, read in pounds so that "265p" and "£2.65" are
    // one sum. ("40 cents" is not read: whose cents the text rarely says.)
    if (IsWordCi(next, "pence")) return Match{first, next, value / 100, "GBP", std::string()};
    if (const std::optional<std::string_view> cur =
            toks_[next].kind == Kind::kWord ? CurrencyWord(toks_[next].s) : std::nullopt) {
      return Match{first, next, value, std::string(*cur), std::string()};
    }
    // "1.25 million Swiss francs", "50 Norwegian kroner": a nationality
    // before the currency word.
    if (IsUpperWord(toks_[next]) && next + 1 < toks_.size() && toks_[next + 1].kind == Kind::kWord) {
      if (const std::optional<std::string_view> cur = CurrencyWord(toks_[next + 1].s);
          cur && Lower(toks_[next + 1].s) != "pounds" && Lower(toks_[next + 1].s) != "pound") {
        return Match{first, next + 1, value, std::string(*cur), std::string()};
      }
    }
    if ((Is(next, "%") && Glued(next)) || IsWordCi(next, "percent") || IsWordCi(next, "pct")) {
      return Match{first, next, value, "percent", std::string()};
    }
    if (IsWordCi(next, "per") && IsWordCi(next + 1, "cent")) {
      return Match{first, next + 1, value, "percent", std::string()};
    }
    if (!count_allowed) return std::nullopt;
    if (std::optional<Match> d = MatchHyphenDuration(first, last, value)) return d;
    if (std::optional<Match> m = MatchHyphenMeasure(first, last, value)) return m;
    if (std::optional<Match> m = MatchHyphenSize(first, last, value)) return m;
    if (std::optional<Match> m = MatchHyphenCount(first, last, value)) return m;
    if (std::optional<Match> m = MatchMeasureUnit(first, last, value)) return m;
    // "480 of the 643 jobs": a part counts what its whole counts. What a
    // verb after the whole's noun says happened is the part's, a part of
    // what happened that is never set against a total of it ("Nine of its
    // 11 aircraft were leased": "aircraft leased in part"; "40 of the 140
    // jobs will go at its headquarters" is no count of the jobs cut);
    // without one, a part of a whole in the possessive counts nothing of
    // its own ("90 of the firm's 140 staff").
    // (A person's "21 of his 65 games" is left alone: a record's parts
    // are told over many spans, a season, a league, all competitions.)
    if (IsWordCi(next, "of") && !IsWordCi(next + 1, "his") && !IsWordCi(next + 1, "her") &&
        !IsWordCi(next + 1, "our")) {
      const size_t at = WholeAfterOf(next);
      const std::optional<Number> whole = at < toks_.size() ? NumberAt(at) : std::nullopt;
      // "two of the church's eight bells": a whole spelled out.
      const std::optional<double> spelled =
          at < toks_.size() && !whole && toks_[at].kind == Kind::kWord ? CardinalWord(toks_[at].s) : std::nullopt;
      const bool determiner = at == next + 2;
      if ((whole && !whole->ordinal && whole->value > value) || (spelled && *spelled > value)) {
        double whole_value = spelled ? *spelled : 0;
        const size_t whole_last = spelled ? at : Scale(at, *whole, &whole_value);
        if (std::optional<Match> w = MatchUnit(at, whole_last, whole_value, true)) {
          Match part{first, last, value, w->unit, std::string()};
          // Where a part is ("90 of the firm's 140 staff were based in
          // Leeds") is no part of what happened (lexicons/verbs_and_adverbs.txt,
          // tag placed).
          if (const std::string event = CountEvent(w->last, 0);
              !event.empty() && !lexicon::In(lexicon::kVerbsAndAdverbsPlaced, event)) {
            part.measure = CountModifiers(*w) + w->unit + " " + event + " in part";
          } else if (!determiner || spelled) {
            return std::nullopt;
          }
          return part;
        }
      }
    }
    // "All 86 of its staff", "all 12 of the stranded whales": the whole of
    // a group counts the group's noun. Without "all" it is a part ("six of
    // the seven satellites", "two of its main beams"), never set against
    // the whole, so no count at all.
    if (value > 1 && first > 0 && IsWordCi(first - 1, "all") && IsWordCi(next, "of") &&
        (IsWordCi(next + 1, "the") || IsWordCi(next + 1, "its") || IsWordCi(next + 1, "their") ||
         IsWordCi(next + 1, "his") || IsWordCi(next + 1, "her")) &&
        next + 2 < toks_.size() && toks_[next + 2].kind == Kind::kWord) {
      size_t noun = next + 2;
      // "All 610 of the airline's employees", "of the ferry firm's crew":
      // past the group's owner, a noun with its modifiers and its mark.
      if (IsWordCi(next + 1, "the")) {
        for (size_t owner = noun, k = 0; k <= kMaxCountModifiers && owner + 3 < toks_.size() &&
                                         IsLowerWord(toks_[owner]);
             ++owner, ++k) {
          if (PossessiveMark(owner + 1)) {
            noun = owner + 3;
            break;
          }
        }
      }
      for (size_t k = 0; k < kMaxCountModifiers && !IsCountNoun(toks_[noun]) && CanModify(toks_[noun]) &&
                         noun + 1 < toks_.size();
           ++k) {
        ++noun;
      }
      if (IsCountNoun(toks_[noun]) && toks_[noun].sentence == toks_[first].sentence) {
        return Match{first, noun, value, Lower(toks_[noun].s), std::string()};
      }
    }
    // "Nine of the papers have been retracted", "two of the firm's shows
    // moved": a part counts its group's noun when a verb after the noun
    // says what happened to the part. Not when the text gives the whole
    // ("six of the seven satellites made contact", "90 of its 140 staff
    // were based there"): the part would be set against the whole's count.
    if (value > 1 && IsWordCi(next, "of") &&
        (IsWordCi(next + 1, "the") || IsWordCi(next + 1, "its") || IsWordCi(next + 1, "their"))) {
      size_t noun = next + 2;
      if (noun + 2 < toks_.size() && toks_[noun].kind == Kind::kWord && PossessiveMark(noun + 1)) noun += 3;
      const bool whole = noun < toks_.size() && (toks_[noun].kind == Kind::kNum || CardinalWord(toks_[noun].s));
      for (size_t k = 0; !whole && k < kMaxCountModifiers && noun + 1 < toks_.size() && !IsCountNoun(toks_[noun]) &&
                         CanModify(toks_[noun]);
           ++k) {
        ++noun;
      }
      if (!whole && noun < toks_.size() && IsCountNoun(toks_[noun]) &&
          toks_[noun].sentence == toks_[first].sentence) {
        const std::string unit = Lower(toks_[noun].s);
        if (const std::string event = CountEvent(noun, noun); !event.empty()) {
          return Match{first, noun, value, unit, std::string(), unit + " " + event};
        }
      }
    }
    if (value == 1 && IsCountNoun(toks_[next], /*singular=*/true)) {
      return Match{first, next, value, Lower(toks_[next].s), std::string()};
    }
    // Up to kMaxCountModifiers words between the figure and its noun
    // ("12 farm buildings", "5,000 Instagram followers").
    size_t noun = next;
    for (size_t k = 0; k < kMaxCountModifiers && !IsCountNoun(toks_[noun]) && CanModify(toks_[noun]) &&
                       toks_[noun].sentence == toks_[first].sentence && noun + 1 < toks_.size();
         ++k) {
      // "34 laboratory-confirmed cases": a hyphenated modifier is one.
      if (Is(noun + 1, "-") && Glued(noun + 1) && noun + 3 < toks_.size() && Glued(noun + 2) &&
          CanModify(toks_[noun + 2])) {
        noun += 2;
      }
      ++noun;
    }
    if (!IsCountNoun(toks_[noun]) || toks_[noun].sentence != toks_[first].sentence) {
      if (std::optional<Match> g = GroupCount(first, last, value)) return g;
      return Elided(first, last, value);
    }
    std::string unit = Lower(toks_[noun].s);
    // A duration: the unit in the singular, never "years" (ages' unit).
    if (IsTimeUnit(unit)) {
      if (noun != next) return std::nullopt;
      unit.pop_back();
    }
    return Match{first, noun, value, unit, std::string()};
  }

  // "A crowd of 41,212", "a workforce of 6,100": a bare number after "of"
  // and a group noun counts the group's people (lexicons/group_nouns.txt).
  std::optional<Match> GroupCount(size_t first, size_t last, double value) const {
    if (first < 2 || !IsWordCi(first - 1, "of") || !IsLowerWord(toks_[first - 2]) ||
        toks_[first - 2].sentence != toks_[first].sentence) {
      return std::nullopt;
    }
    const std::string_view unit = lexicon::Find(lexicon::kGroupNouns, Lower(toks_[first - 2].s));
    if (unit.empty()) return std::nullopt;
    // "a crowd of 41,212 fans" names its own noun (read above); "of 41,212
    // of them" is no size.
    if (last + 1 < toks_.size() && IsWordCi(last + 1, "of")) return std::nullopt;
    Match m{first, last, value, std::string(unit), std::string()};
    // "Veltrane's global workforce of 14,000": the possessor's, and the
    // whole of it.
    size_t k = first - 2;
    if (k > 0 && IsLowerWord(toks_[k - 1]) && toks_[k - 1].sentence == toks_[k].sentence) {
      if (lexicon::In(lexicon::kCountScopesWholeGroup, Lower(toks_[k - 1].s))) {
        m.measure = std::string(unit) + " in all";
        --k;
      }
    }
    m.subject = Possessor(k);
    return m;
  }

  // "Three people died and 41 were taken to hospital": a figure with no
  // noun, after "and" and before an auxiliary, counts what the count just
  // before it in the sentence counts ("two young people", its noun after
  // up to kMaxCountModifiers words); so does a part of it: "and 27 of them
  // went to hospital", "four of whom remain there".
  // So does one closing a comparison: "took 8,412 votes to Harrold's
  // 8,215", "Castellane on 8,412 votes and Harrold on 8,215".
  std::optional<Match> Elided(size_t first, size_t last, double value) const {
    const size_t next = last + 1;
    if (first < 2) return std::nullopt;
    const bool partitive = IsWordCi(next, "of") && (IsWordCi(next + 1, "them") || IsWordCi(next + 1, "whom")) &&
                           next + 2 < toks_.size() && toks_[next + 2].sentence == toks_[first].sentence &&
                           IsLowerWord(toks_[next + 2]) &&
                           (InList(kAuxiliaries, toks_[next + 2].s) ||
                            (!InList(kPrepositions, toks_[next + 2].s) && !InList(kPhraseEnders, toks_[next + 2].s)));
    const bool before_verb =
        (IsWordCi(first - 1, "and") || (partitive && (Is(first - 1, ",") || IsWordCi(first - 1, "and")))) &&
        next < toks_.size() && toks_[next].kind == Kind::kWord && (partitive || InList(kAuxiliaries, toks_[next].s));
    const bool closes = next >= toks_.size() || toks_[next].sentence != toks_[first].sentence ||
                        Is(next, ",") || Is(next, ".") || Is(next, ";");
    const bool possessive = first >= 3 && IsWordCi(first - 1, "s") && Glued(first - 1) &&
                            (Is(first - 2, "'") || Is(first - 2, "\xE2\x80\x99")) && IsUpperWord(toks_[first - 3]);
    const bool compared = closes && (possessive || (IsWordCi(first - 1, "on") && IsUpperWord(toks_[first - 2])));
    if (!before_verb && !compared) return std::nullopt;
    for (size_t k = first - 1; k-- > 1 && toks_[k].sentence == toks_[first].sentence;) {
      if (!IsCountNoun(toks_[k])) continue;
      const auto counted = [&](size_t at) {
        const std::optional<Number> n = NumberAt(at);
        return (n && !n->ordinal) || (toks_[at].kind == Kind::kWord && CardinalWord(toks_[at].s));
      };
      size_t at = k - 1;
      for (size_t m = 0; m < kMaxCountModifiers && at > 0 && !counted(at) && CanModify(toks_[at]); ++m) --at;
      if (!counted(at)) {
        // "60 fans were treated by paramedics, and 27 of them": a part
        // counts the nearest counted noun, past nouns nobody counted.
        if (partitive) continue;
        return std::nullopt;
      }
      return Match{first, last, value, Lower(toks_[k].s), std::string()};
    }
    return std::nullopt;
  }

  // "a five-year contract", "a 12-year sentence": a duration written as a
  // modifier, measuring the noun it modifies ("-year-old" is an age).
  std::optional<Match> MatchHyphenDuration(size_t first, size_t last, double value) const {
    const size_t dash = last + 1;
    if (!(Is(dash, "-") && Glued(dash) && Glued(dash + 1) && dash + 2 < toks_.size())) return std::nullopt;
    const std::string unit = Lower(toks_[dash + 1].s);
    if (!IsTimeUnit(unit + "s")) return std::nullopt;
    if (Is(dash + 2, "-")) return std::nullopt;  // "five-year-old"
    size_t noun = dash + 2;
    for (size_t k = 0; k < kMaxCountModifiers && noun + 1 < toks_.size() && IsLowerWord(toks_[noun + 1]) &&
                       !InList(kPhraseEnders, toks_[noun + 1].s) && !InList(kPrepositions, toks_[noun + 1].s);
         ++k) {
      ++noun;  // "a five-year playing contract"
    }
    if (!IsLowerWord(toks_[noun]) || InList(kPhraseEnders, toks_[noun].s) || InList(kPrepositions, toks_[noun].s)) {
      return std::nullopt;
    }
    return Match{first, dash + 1, value, unit, std::string(), DurationOf(Lower(toks_[noun].s))};
  }

  // The unit of length, area, weight or volume after a figure ("520km",
  // "1,200 hectares", "27 metres"), spelled one way. A measure adjective
  // after it says what the noun before the figure measures: "an orbit 520km
  // up", "a wall 3 metres high".
  std::optional<Match> MatchMeasureUnit(size_t first, size_t last, double value) const {
    const std::optional<Number> glued = NumberAt(last);
    size_t next = last + 1;
    std::string_view unit;
    if (glued && !glued->unit.empty()) {
      unit = glued->unit;
      next = last;
    } else if (toks_[next].kind == Kind::kWord) {
      unit = lexicon::Find(lexicon::kMeasureUnits, Lower(toks_[next].s));
    }
    if (unit.empty()) return std::nullopt;
    Match m{first, next, value, std::string(unit), std::string()};
    if (next + 1 < toks_.size() && toks_[next + 1].sentence == toks_[first].sentence &&
        toks_[next + 1].kind == Kind::kWord && lexicon::In(kMeasureAdjectives, Lower(toks_[next + 1].s)) &&
        first >= 1 && IsLowerWord(toks_[first - 1]) && toks_[first - 1].sentence == toks_[first].sentence &&
        !InList(kPhraseEnders, toks_[first - 1].s) && !InList(kPrepositions, toks_[first - 1].s) &&
        !lexicon::In(lexicon::kStopWords, Lower(toks_[first - 1].s))) {
      m.measure = Lower(toks_[first - 1].s);
    }
    return m;
  }

  // "a 27-metre rocket", "a 550-kilometre sun-synchronous orbit": a unit
  // written as a modifier measures the noun it modifies.
  std::optional<Match> MatchHyphenMeasure(size_t first, size_t last, double value) const {
    const size_t dash = last + 1;
    if (!(Is(dash, "-") && Glued(dash) && Glued(dash + 1) && dash + 2 < toks_.size())) return std::nullopt;
    if (toks_[dash + 1].kind != Kind::kWord) return std::nullopt;
    const std::string_view unit = lexicon::Find(lexicon::kMeasureUnits, Lower(toks_[dash + 1].s));
    if (unit.empty() || Is(dash + 2, "-")) return std::nullopt;  // "a 10-metre-high wall": left alone
    // The head: the last of the lowercase words (hyphenated ones included)
    // that follow, before a phrase ender, a preposition or punctuation.
    size_t noun = dash + 2;
    for (size_t k = 0; k < kMaxCountModifiers && noun + 1 < toks_.size(); ++k) {
      if (Is(noun + 1, "-") && Glued(noun + 1) && noun + 2 < toks_.size() && Glued(noun + 2) &&
          IsLowerWord(toks_[noun + 2])) {
        noun += 2;  // "sun-synchronous", "ro-ro"
        continue;
      }
      // "The 210-metre ship hit the wall": an irregular verb form ends the
      // phrase, as a participle does.
      if (!IsLowerWord(toks_[noun + 1]) || InList(kPhraseEnders, toks_[noun + 1].s) ||
          InList(kPrepositions, toks_[noun + 1].s) || IsParticiple(noun + 1) ||
          lexicon::In(lexicon::kStopWords, Lower(toks_[noun + 1].s)) ||
          lexicon::In(lexicon::kVerbsAndAdverbsEndsPhrase, Lower(toks_[noun + 1].s))) {
        break;
      }
      ++noun;
    }
    if (noun == dash + 2 && !IsLowerWord(toks_[noun])) return NamedHyphenMeasure(first, dash, value, unit);
    if (!IsLowerWord(toks_[noun]) || InList(kPhraseEnders, toks_[noun].s) || InList(kPrepositions, toks_[noun].s)) {
      return std::nullopt;
    }
    // "a 250-metre section of the coast road": the section's whole says
    // which section.
    std::string measure = Lower(toks_[noun].s);
    if (const std::string whole = OfPhrase(noun + 1); !whole.empty()) measure += " of " + whole;
    return Match{first, dash + 1, value, std::string(unit), std::string(), measure};
  }

  // "The 190-metre Kestrel Dawn struck the pier", "a 40-hectare Marlow
  // Park,": a compound measure opening a noun phrase whose head is a name
  // measures the named thing, as "is 190 metres long" does. Only when the
  // name ends the phrase (punctuation, a verb, an auxiliary or a
  // preposition after it): in "the 12-kilometre Birch Valley trail" the
  // name only says which trail. The figure spans [first, dash + 1].
  std::optional<Match> NamedHyphenMeasure(size_t first, size_t dash, double value, std::string_view unit) const {
    if (first == 0 || !(IsWordCi(first - 1, "the") || IsWordCi(first - 1, "a") || IsWordCi(first - 1, "an"))) {
      return std::nullopt;
    }
    const size_t head = dash + 2;
    // Ships, piers and bridges the tagger takes for places too.
    std::vector<const EntityMention*> named = by_end_;
    named.insert(named.end(), places_.begin(), places_.end());
    for (const EntityMention* e : named) {
      if (e->span.start != toks_[head].c0) continue;
      const size_t end = TokenEndingAt(e->span.end);
      if (end >= toks_.size()) return std::nullopt;
      const size_t next = end + 1;
      bool ends = next >= toks_.size() || toks_[next].sentence != toks_[head].sentence;
      if (!ends && toks_[next].kind != Kind::kWord) {
        // A possessive's mark or a hyphen goes on with the phrase.
        ends = !Is(next, "'") && !Is(next, "\xE2\x80\x99") && !Is(next, "-");
      } else if (!ends && IsLowerWord(toks_[next])) {
        const std::string w = Lower(toks_[next].s);
        ends = InList(kAuxiliaries, w) || InList(kPrepositions, w) || InList(kPhraseEnders, w) ||
               lexicon::In(lexicon::kVerbsAndAdverbsEndsPhrase, w) || (w.size() >= 5 && w.ends_with("ed"));
      }
      if (!ends) return std::nullopt;
      return Match{first, dash + 1, value, std::string(unit), e->entity, "size in " + std::string(unit)};
    }
    return std::nullopt;
  }

  // "50 miles north of Detroit", "13 nautical miles from the cargo ship",
  // "two miles off the coast": a distance that places something from a
  // point is named by that point (folded, its determiner and a bracketed
  // restatement before it left out: "13 nautical miles (about 24km) from").
  // A bare "from" places only after a copula or a preposition ("was 13
  // miles from", "extend to 12 nautical miles from"): after a verb of
  // motion it is where a movement began ("fell 60 metres from a ridge").
  // "" when the words from token k place nothing.
  std::string DistanceAnchor(size_t k, size_t lead) const {
    constexpr size_t kMaxBracketTokens = 8;  // "(about 24km)", "(200 feet)"
    if (Is(k, "(")) {
      const size_t open = k;
      while (k < toks_.size() && k - open <= kMaxBracketTokens && !Is(k, ")")) ++k;
      if (!Is(k, ")")) return "";
      ++k;
    }
    if (k >= toks_.size() || toks_[k].sentence != toks_[lead].sentence) return "";
    size_t at = 0;
    const auto direction = [&](size_t t) {
      return IsLowerWord(toks_[t]) && lexicon::In(lexicon::kDirections, Lower(toks_[t].s));
    };
    // "south-east" is three tokens.
    const size_t of =
        direction(k) && Is(k + 1, "-") && Glued(k + 1) && Glued(k + 2) && direction(k + 2) ? k + 3 : k + 1;
    if (direction(k) && IsWordCi(of, "of")) {
      at = of + 1;
    } else if (IsWordCi(k, "off") || (IsWordCi(k, "away") && IsWordCi(k + 1, "from"))) {
      at = IsWordCi(k, "away") ? k + 2 : k + 1;
    } else if (IsWordCi(k, "from") && lead > 0 && IsLowerWord(toks_[lead - 1]) &&
               (lexicon::In(lexicon::kPlacingVerbs, Lower(toks_[lead - 1].s)) ||
                InList(kPrepositions, Lower(toks_[lead - 1].s)))) {
      at = k + 1;
    } else {
      return "";
    }
    if (IsWordCi(at, "the") || IsWordCi(at, "a") || IsWordCi(at, "an")) ++at;
    constexpr size_t kMaxPointWords = 3;  // "the cargo ship", "Aoraki Mount Cook"
    std::string point;
    bool named = false;
    for (size_t n = 0; n < kMaxPointWords && at < toks_.size() && toks_[at].sentence == toks_[k].sentence &&
                       toks_[at].kind == Kind::kWord;
         ++n, ++at) {
      const std::string w = Lower(toks_[at].s);
      if (InList(kPrepositions, w) || InList(kPhraseEnders, w) || lexicon::In(lexicon::kStopWords, w)) break;
      // A name is followed by its noun ("the Indian warship"), not a verb
      // ("north of Detroit spotted", "of Harlow saw the van": a word that
      // takes an object).
      if (named && IsLowerWord(toks_[at]) &&
          (IsParticiple(at) || IsWordCi(at + 1, "the") || IsWordCi(at + 1, "a") || IsWordCi(at + 1, "an"))) {
        break;
      }
      named = named || !IsLowerWord(toks_[at]);
      point += (point.empty() ? "" : " ") + w;
    }
    return point;
  }

  // The lower-case words of an "of" phrase starting at token k, without its
  // determiner ("of the coast road" -> "coast road", "of solvent" ->
  // "solvent"); "" when k opens no such phrase.
  std::string OfPhrase(size_t k) const {
    if (!IsWordCi(k, "of")) return "";
    const size_t s = toks_[k].sentence;
    ++k;
    if (IsWordCi(k, "the") || IsWordCi(k, "its") || IsWordCi(k, "their")) ++k;
    // "of the B3290 coast road": a name before the head is skipped.
    constexpr size_t kMaxNameWords = 2;
    size_t name_end = k;
    while (name_end < k + kMaxNameWords && name_end < toks_.size() && toks_[name_end].sentence == s &&
           toks_[name_end].kind != Kind::kSym && !IsLowerWord(toks_[name_end])) {
      ++name_end;
    }
    if (name_end > k && name_end < toks_.size() && IsLowerWord(toks_[name_end])) k = name_end;
    constexpr size_t kMaxOfWords = 3;
    std::string phrase;
    for (size_t n = 0; n < kMaxOfWords && k < toks_.size() && toks_[k].sentence == s && IsLowerWord(toks_[k]);
         ++n, ++k) {
      const std::string w = Lower(toks_[k].s);
      if (InList(kPhraseEnders, w) || InList(kPrepositions, w) || InList(kPronouns, w) || IsParticiple(k) ||
          lexicon::In(lexicon::kStopWords, w) || CardinalWord(w)) {
        break;
      }
      phrase += (phrase.empty() ? "" : " ") + w;
    }
    return phrase;
  }

  // "the 14-member syndicate", "a 120-strong team", "the three-carriage
  // train": the size of the noun, counted in what the hyphened word names
  // (lexicons/size_words.txt); the measure is the noun and that ("syndicate
  // members").
  std::optional<Match> MatchHyphenSize(size_t first, size_t last, double value) const {
    const size_t dash = last + 1;
    if (!(Is(dash, "-") && Glued(dash) && Glued(dash + 1) && dash + 2 < toks_.size())) return std::nullopt;
    if (toks_[dash + 1].kind != Kind::kWord || Is(dash + 2, "-")) return std::nullopt;
    const std::string_view counted = lexicon::Find(lexicon::kSizeWords, Lower(toks_[dash + 1].s));
    if (counted.empty()) return std::nullopt;
    const size_t noun = dash + 2;
    if (!IsLowerWord(toks_[noun]) || InList(kPhraseEnders, toks_[noun].s) || InList(kPrepositions, toks_[noun].s) ||
        IsParticiple(noun) || lexicon::In(lexicon::kStopWords, Lower(toks_[noun].s))) {
      return std::nullopt;
    }
    const std::string unit(counted);
    Match m{first, dash + 1, value, unit, std::string(), Lower(toks_[noun].s) + " " + unit};
    // "the 14-member syndicate", "a 15-strong crew": the group described is
    // the thing of that size (Quantity::thing), unless it stands for
    // someone named ("a 300-strong company", "the 40-strong team") or is
    // itself what is counted ("a 4,000-strong workforce": staff). The parts
    // of a thing ("a four-carriage train", "a 56-page report") stay the
    // story's: outlets count them without the thing ("its four carriages").
    const std::string thing = Lower(toks_[noun].s);
    if (unit == "members" && !lexicon::In(lexicon::kPersonNouns, thing) && !lexicon::In(lexicon::kOrgNouns, thing) &&
        lexicon::Find(lexicon::kCountSynonyms, thing).empty()) {
      m.thing = thing;
    }
    return m;
  }

  // "a 1,450-home scheme", "its 16-stop line": a count written as a
  // modifier, in the singular of a listed count noun (lexicons/count_nouns.txt,
  // "homes"), before the noun it describes; it counts that noun.
  std::optional<Match> MatchHyphenCount(size_t first, size_t last, double value) const {
    const size_t dash = last + 1;
    if (!(Is(dash, "-") && Glued(dash) && Glued(dash + 1) && dash + 2 < toks_.size())) return std::nullopt;
    if (!IsLowerWord(toks_[dash + 1]) || Is(dash + 2, "-")) return std::nullopt;
    const std::string noun = Lower(toks_[dash + 1].s);
    if (noun.ends_with("s")) return std::nullopt;
    if (toks_[dash + 2].kind != Kind::kWord || toks_[dash + 2].sentence != toks_[first].sentence) return std::nullopt;
    if (lexicon::In(kCountNouns, noun + "s")) return Match{first, dash + 1, value, noun + "s", std::string()};
    // Written in digits, any noun so hyphened counts ("a 22-turbine wind
    // farm", "a 420-place school", "an 8,200-signature petition"): what a
    // news figure counts is open-ended. Spelled numbers make idioms ("a
    // one-off payment", "a two-way race"), and a participle, a currency or
    // a function word is no noun ("the 2011-built ship", "a 640,000-euro
    // bonus").
    // The noun it describes is the thing of that size (Quantity::thing),
    // as for "the 14-member syndicate": "a 420-place primary school" is the
    // school's places, never the story's event's.
    if (toks_[first].kind != Kind::kNum || !PlainNoun(dash + 1) || IsMeasureUnitName(Plural(noun))) {
      return std::nullopt;
    }
    Match m{first, dash + 1, value, Plural(noun), std::string()};
    size_t k = dash + 2;
    while (k < toks_.size() && toks_[k].sentence == toks_[first].sentence && IsUpperWord(toks_[k])) ++k;
    std::string thing;
    for (size_t n = 0; n < kMaxHeadModifiers && k < toks_.size() && toks_[k].sentence == toks_[first].sentence &&
                       PlainNoun(k);
         ++n, ++k) {
      thing += (thing.empty() ? "" : " ") + Lower(toks_[k].s);
    }
    m.thing = thing;
    return m;
  }

  // True when token k is a lower-case word that can be a count's noun in
  // the singular: letters only, no plural, participle, adverb, currency
  // or function word.
  bool PlainNoun(size_t k) const {
    constexpr size_t kMinNounChars = 4;  // "nil", "odd", "way": too short to tell a noun
    if (!IsLowerWord(toks_[k])) return false;
    const std::string l = Lower(toks_[k].s);
    if (l.size() < kMinNounChars || !std::all_of(l.begin(), l.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      return false;
    }
    return !l.ends_with("s") && !l.ends_with("ed") && !l.ends_with("ing") && !l.ends_with("ly") && !IsParticiple(k) &&
           !InList(kIrregularParticiples, l) && !CurrencyWord(l) && !InList(kPhraseEnders, l) &&
           !InList(kPrepositions, l) && !lexicon::In(lexicon::kStopWords, l) && !IsTimeUnit(l + "s") &&
           !lexicon::In(kMeasureAdjectives, l);
  }

  // The plural of a singular count noun: "turbine" -> "turbines",
  // "facility" -> "facilities".
  static std::string Plural(const std::string& noun) {
    if (noun.size() > 1 && noun.back() == 'y' && std::string_view("aeiou").find(noun[noun.size() - 2]) == std::string_view::npos) {
      return noun.substr(0, noun.size() - 1) + "ies";
    }
    if (noun.ends_with("ch") || noun.ends_with("sh") || noun.ends_with("x")) return noun + "es";
    return noun + "s";
  }

  // Ages introduced by the number itself: "Fox, 31,", "Fox (31)",
  // "42-year-old", "42 years old".
  std::optional<Match> MatchAge(size_t i, const Number& n) const {
    // "Ron and Sheila Tibbett, 74 and 71,": two ages for two names, in
    // their order; neither when the first name is not found.
    if (i >= 1 && Is(i - 1, ",") && IsWordCi(i + 1, "and") && i + 2 < toks_.size() &&
        toks_[i + 2].kind == Kind::kNum) {
      const std::optional<std::string> first = FirstOfPair(i - 1);
      if (!first) return std::nullopt;
      return Match{i, i, n.value, "years", *first, "age"};
    }
    if (i >= 3 && IsWordCi(i - 1, "and") && toks_[i - 2].kind == Kind::kNum && Is(i - 3, ",")) {
      if (!FirstOfPair(i - 3)) return std::nullopt;
      return Match{i, i, n.value, "years", PersonJustBefore(i - 3), "age"};
    }
    if (i >= 1 && Is(i - 1, ",")) {
      const Token* after = At(i + 1);
      const bool closes = after == nullptr || after->s == "," || after->s == "." || after->s == ";" ||
                          (IsLowerWord(*after) && after->space_before && !IsUnitWord(*after));
      if (closes) {
        // Only after a name: "Fox, 31," but not "In May, 31 people".
        if (std::string p = PersonJustBefore(i - 1); !p.empty()) return Match{i, i, n.value, "years", p, "age"};
      }
    }
    if (i >= 1 && Is(i - 1, "(") && Is(i + 1, ")")) {
      if (std::string p = PersonJustBefore(i - 1); !p.empty()) return Match{i, i, n.value, "years", p, "age"};
    }
    // "Ms Vance, who is 58,", "who is now 58": a relative clause after the
    // name says the age now. Not "who was 23" (an age at some earlier time,
    // "who was 23 when he made his debut"), nor "who turned 35 last month"
    // (a birthday between two articles: the earlier one's 34 is no
    // conflict) or "who turns 60 next month" (59 now).
    if (i >= 3) {
      size_t verb = i - 1;
      if (IsWordCi(verb, "now") && IsWordCi(verb - 1, "is")) --verb;
      const bool now = IsWordCi(verb, "is");
      const Token* after = At(i + 1);
      const bool closes = after == nullptr || after->s == "," || after->s == "." || after->s == ";" ||
                          (IsLowerWord(*after) && after->space_before && !IsUnitWord(*after));
      if (now && closes && verb >= 2 && IsWordCi(verb - 1, "who") && Is(verb - 2, ",")) {
        if (std::string p = PersonJustBefore(verb - 2); !p.empty()) return Match{i, i, n.value, "years", p, "age"};
      }
    }
    if (Is(i + 1, "-") && Glued(i + 1) && Glued(i + 2) && (IsWordCi(i + 2, "year") || IsWordCi(i + 2, "years")) &&
        Is(i + 3, "-") && Glued(i + 3) && Glued(i + 4) && IsWordCi(i + 4, "old")) {
      return Match{i, i + 4, n.value, "years", AgeSubject(i, i + 4, /*attributive=*/true), "age"};
    }
    if ((IsWordCi(i + 1, "years") || IsWordCi(i + 1, "year")) && IsWordCi(i + 2, "old")) {
      return Match{i, i + 2, n.value, "years", AgeSubject(i, i + 2, /*attributive=*/false), "age"};
    }
    return std::nullopt;
  }

  // A number below a hundred spelled at token i: "forty", "seven",
  // "forty-three" (a tens word, a hyphen and a unit word).
  std::optional<double> SpelledBelowHundred(size_t i) const {
    if (At(i) == nullptr || toks_[i].kind != Kind::kWord) return std::nullopt;
    std::optional<double> card = CardinalWord(toks_[i].s);
    if (card && EndOfSpelled(i) != i) *card += *CardinalWord(toks_[i + 2].s);
    return card;
  }
  // The last token of the number SpelledBelowHundred reads at i.
  size_t EndOfSpelled(size_t i) const {
    const std::optional<double> card = CardinalWord(toks_[i].s);
    if (card && *card >= 2 * kTensStep && std::fmod(*card, kTensStep) == 0 && Is(i + 1, "-") && Glued(i + 1) &&
        Glued(i + 2) && At(i + 2) != nullptr) {
      const std::optional<double> unit = CardinalWord(toks_[i + 2].s);
      if (unit && *unit < kTensStep) return i + 2;
    }
    return i;
  }

  // A share written as a fraction or a ratio, as a percentage: "a quarter
  // of the homes" (25), "two-thirds of its staff", "a fifth of voters",
  // "four in ten residents", "one out of five patients" (20). A fraction must be
  // followed by "of" and a group ("the", a possessive, a plural noun): not
  // "a quarter of an hour"; a fraction after "the" or an ordinal is a part
  // of a time ("the second half of the year", "the third quarter of 2025").
  std::optional<Match> MatchShare(size_t i) const {
    // Only a few words follow a share's first word ("in", "out", "a", a
    // hyphen, a fraction word): any other token leaves at once, before
    // any number is read.
    const size_t nx = i + 1;
    if (nx >= toks_.size() || toks_[nx].s.empty()) return std::nullopt;
    // Their first letters first, the cheapest test ("in", "out", "a", "third", "quarter", "fifth").
    const char c = static_cast<char>(toks_[nx].s[0] | 0x20);
    if (c != 'i' && c != 'o' && c != 'a' && c != 't' && c != 'q' && c != 'f' && toks_[nx].s != "-") {
      return std::nullopt;
    }
    if (!(IsWordCi(nx, "in") || IsWordCi(nx, "out") || IsWordCi(nx, "a") || IsWordCi(nx, "an") || Is(nx, "-") ||
          IsWordCi(nx, "third") || IsWordCi(nx, "thirds") || IsWordCi(nx, "quarter") || IsWordCi(nx, "quarters") ||
          IsWordCi(nx, "fifth") || IsWordCi(nx, "fifths") || IsWordCi(nx, "tenth") || IsWordCi(nx, "tenths"))) {
      return std::nullopt;
    }
    // As a percentage to one decimal, as outlets write "a third" in
    // figures ("33.3%").
    const auto Share = [](double fraction) { return std::round(fraction * kHundred * 10) / 10; };
    const auto small = [&](size_t k) -> std::optional<double> {
      if (k >= toks_.size()) return std::nullopt;
      if (toks_[k].kind == Kind::kNum) {
        const std::optional<Number> n = NumberAt(k);
        if (n && n->plain && n->value >= 1 && std::fmod(n->value, 1) == 0) return n->value;
        return std::nullopt;
      }
      if (IsWordCi(k, "a") || IsWordCi(k, "an")) return 1.0;
      return toks_[k].kind == Kind::kWord ? CardinalWord(toks_[k].s) : std::nullopt;
    };
    // "four in ten", "one out of five".
    if (const std::optional<double> part = small(i); part && !IsWordCi(i, "a") && !IsWordCi(i, "an")) {
      size_t k = i + 1;
      if (IsWordCi(k, "in")) {
        ++k;
      } else if (IsWordCi(k, "out") && IsWordCi(k + 1, "of")) {
        k += 2;
      } else {
        k = 0;
      }
      if (k > 0) {
        const std::optional<double> whole = small(k);
        if (whole && *whole > *part && k + 1 < toks_.size() && IsLowerWord(toks_[k + 1]) &&
            LooksPlural(Lower(toks_[k + 1].s))) {
          Match m{i, k, Share(*part / *whole), "percent", std::string()};
          m.rounded = true;
          return m;
        }
      }
    }
    // "half a million visitors", "a quarter of a million commuters",
    // "three-quarters of a billion pounds": a fraction of a scale is a
    // number, its unit read after the scale word.
    const auto of_scale = [&](size_t at, double fraction) -> std::optional<Match> {
      if (!(IsWordCi(at, "a") || IsWordCi(at, "an")) || at + 1 >= toks_.size()) return std::nullopt;
      const std::optional<double> scale = WordScale(toks_[at + 1].s);
      if (!scale || *scale < 1e3) return std::nullopt;
      return MatchUnit(i, at + 1, fraction * *scale, /*count_allowed=*/true);
    };
    if (IsWordCi(i, "half")) return of_scale(i + 1, 0.5);
    // "a quarter of", "two-thirds of". Not "half of": as often a way of
    // speaking ("the point at which half of patients are seen") as a share.
    const std::optional<double> n = small(i);
    if (!n) return std::nullopt;
    const double numerator = *n;
    size_t k = i + 1;
    if (Is(k, "-") && Glued(k) && Glued(k + 1)) ++k;
    if (k >= toks_.size() || toks_[k].kind != Kind::kWord) return std::nullopt;
    const std::string word = Lower(toks_[k].s);
    double denominator = 0;
    if (word == "third" || word == "thirds") {
      denominator = 3;
    } else if (word == "quarter" || word == "quarters") {
      denominator = 4;
    } else if (word == "fifth" || word == "fifths") {
      denominator = 5;
    } else if (word == "tenth" || word == "tenths") {
      denominator = 10;
    }
    if (denominator == 0 || numerator >= denominator || (numerator > 1 && !word.ends_with("s"))) {
      return std::nullopt;
    }
    if (i > 0 && (IsWordCi(i - 1, "the") || (toks_[i - 1].kind == Kind::kWord && OrdinalWord(toks_[i - 1].s)))) {
      return std::nullopt;
    }
    if (!IsWordCi(k + 1, "of") || k + 2 >= toks_.size()) return std::nullopt;
    if (std::optional<Match> number = of_scale(k + 2, numerator / denominator)) return number;
    const Token& next = toks_[k + 2];
    const std::string after = Lower(next.s);
    const bool group = after == "the" || after == "its" || after == "their" || after == "his" || after == "her" ||
                       after == "our" || after == "all" || after == "those" || after == "these" ||
                       IsUpperWord(next) || (IsLowerWord(next) && LooksPlural(after));
    if (!group) return std::nullopt;
    Match m{i, k, Share(numerator / denominator), "percent", std::string()};
    m.rounded = true;
    return m;
  }

  // "aged 31", "ranked third", "ranked No. 2", "No. 1", "fifth-largest".
  std::optional<Match> MatchWord(size_t i) const {
    // "joined the academy at the age of eight", "at the age of 36": an
    // age at what the clause says happened (the story layer reads the "at"
    // before the span), of the one person the sentence names before it;
    // nobody's when it names several or none.
    if (i > 0 && IsWordCi(i - 1, "at") && IsWordCi(i, "the") && IsWordCi(i + 1, "age") && IsWordCi(i + 2, "of")) {
      size_t end = i + 3;
      double value = 0;
      if (const std::optional<Number> n = NumberAt(i + 3); n && IsAge(*n)) {
        value = n->value;
      } else if (const std::optional<double> card = SpelledBelowHundred(i + 3);
                 card && *card >= kMinAge && std::fmod(*card, 1) == 0) {
        value = *card;
        end = EndOfSpelled(i + 3);
      } else {
        return std::nullopt;
      }
      const std::string person = OnlyPersonBefore(toks_[i].c0, sentence_start_[toks_[i].sentence]);
      return Match{i, end, value, "years", person, "age"};
    }
    if (IsWordCi(i, "aged")) {
      const std::optional<Number> n = NumberAt(i + 1);
      if (n && IsAge(*n) && !(Is(i + 2, "-") && Glued(i + 2))) {
        return Match{i, i + 1, n->value, "years", AgeSubject(i, i + 1, /*attributive=*/false), "age"};
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
    std::optional<double> card = SpelledBelowHundred(i);
    // A share opens with a number word, "a" or "half" ("four in ten", "a
    // third of", "half a million"): only those are tried.
    if (card || IsWordCi(i, "a") || IsWordCi(i, "an") || IsWordCi(i, "half")) {
      if (std::optional<Match> share = MatchShare(i)) return share;
    }
    // "A hundred firefighters", "a dozen rental properties", "a million
    // pounds": "a" stands for one before "hundred" or a scale word.
    if (!card && (IsWordCi(i, "a") || IsWordCi(i, "an")) && At(i + 1) != nullptr &&
        toks_[i + 1].kind == Kind::kWord && (IsWordCi(i + 1, "hundred") || WordScale(toks_[i + 1].s))) {
      card = 1;
    }
    // "Alfie, nine, was treated": an age spelled out between commas after
    // a name, as MatchAge reads it in digits.
    if (card && i >= 1 && Is(i - 1, ",") && *card >= kMinAge && std::fmod(*card, 1) == 0) {
      const size_t end = EndOfSpelled(i);
      const Token* after = At(end + 1);
      if (after == nullptr || after->s == "," || after->s == "." || after->s == ";") {
        if (std::string p = PersonJustBefore(i - 1); !p.empty()) return Match{i, end, *card, "years", p, "age"};
      }
    }
    if (card) {
      Number n;
      n.value = *card;
      size_t at = EndOfSpelled(i);
      // "five hundred and forty": hundreds, then optionally "and" and a
      // number below a hundred, before any thousand or million.
      if (n.value < kTensStep && IsWordCi(at + 1, "hundred")) {
        n.value *= kHundred;
        at += 1;
        if (IsWordCi(at + 1, "and")) {
          if (const std::optional<double> rest = SpelledBelowHundred(at + 2)) {
            n.value += *rest;
            at = EndOfSpelled(at + 2);
          }
        }
      }
      double value = 0;
      const size_t last = Scale(at, n, &value);
      return MatchUnit(i, last, value, /*count_allowed=*/true);
    }
    if (const std::optional<double> ord = OrdinalWord(toks_[i].s)) {
      if (Is(i + 1, "-") && Glued(i + 1) && Glued(i + 2) && At(i + 2) != nullptr && toks_[i + 2].kind == Kind::kWord &&
          IsSuperlative(toks_[i + 2].s, true)) {
        return Match{i, i + 2, *ord, "rank", std::string()};
      }
      if (i > 0 && IsWordCi(i - 1, "the") && At(i + 1) != nullptr && toks_[i + 1].kind == Kind::kWord &&
          IsSuperlative(toks_[i + 1].s, false)) {
        return Match{i, i + 1, *ord, "rank", std::string()};
      }
    }
    return std::nullopt;
  }

  // A rank value at token i: "third", "3rd", "No. 2", "number 2".
  std::optional<Match> MatchRankValue(size_t i) const {
    if (i >= toks_.size()) return std::nullopt;
    if (const std::optional<double> ord = OrdinalWord(toks_[i].s)) {
      return Match{i, i, *ord, "rank", std::string()};
    }
    if (toks_[i].kind == Kind::kNum) {
      const std::optional<Number> n = NumberAt(i);
      if (n && n->ordinal) return Match{i, i, n->value, "rank", std::string()};
      return std::nullopt;
    }
    if ((toks_[i].s == "No" && Is(i + 1, ".") && Glued(i + 1)) || IsWordCi(i, "number")) {
      const size_t k = toks_[i].s == "No" ? i + 2 : i + 1;
      const std::optional<Number> n = NumberAt(k);
      if (!n || !n->plain || n->value < 1 || n->value > kMaxRank) return std::nullopt;
      // "No. 10 Downing Street": an address, not a rank.
      if (At(k + 1) != nullptr && IsUpperWord(toks_[k + 1])) return std::nullopt;
      return Match{i, k, n->value, "rank", std::string()};
    }
    return std::nullopt;
  }

  std::string_view text_;
  const std::vector<Token>& toks_;
  std::vector<const EntityMention*> by_end_;  // PERSON and ORG, by span end
  std::vector<const EntityMention*> by_start_;  // the same, by span start
  std::vector<size_t> sentence_start_;        // code point of each sentence
  // Capitalised words of PERSON names -> the entities that use them.
  std::map<std::string, std::vector<std::string>, std::less<>> name_words_;
  // Nouns of organisations in ORG names ("trust") -> the entities named so.
  std::map<std::string, std::vector<std::string>, std::less<>> org_heads_;
  std::vector<const EntityMention*> places_;  // PLACE mentions (see Owner)
};

}  // namespace

std::vector<Quantity> FindQuantities(std::string_view text, const std::vector<ShapeToken>& tokens,
                                     const std::vector<EntityMention>& entities) {
  return Finder(text, tokens, entities).Run();
}

std::vector<Quantity> FindQuantities(std::string_view text, const std::vector<EntityMention>& entities) {
  return FindQuantities(text, TokenizeShapes(text), entities);
}

}  // namespace storyline
