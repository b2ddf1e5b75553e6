#include "stories/view_util.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "core/lexicon.h"
#include "stories/text_features.h"

namespace storyline::stories {
namespace {

// A timeline entry's text is a one-line summary; the full sentence stays in
// its evidence. 200 code points keeps a long sentence readable in a list.
constexpr size_t kMaxEventTextCodePoints = 200;

// The contract's entity types, in the order that breaks ties between them.
constexpr std::string_view kEntityTypes[] = {"PERSON", "ORG", "PLACE", "WORK", "OTHER"};

// Other taggers' names for the same types (CoNLL, OntoNotes, spaCy).
constexpr std::pair<std::string_view, std::string_view> kTypeAliases[] = {
    {"PER", "PERSON"},         {"ORGANIZATION", "ORG"}, {"ORGANISATION", "ORG"},
    {"LOC", "PLACE"},          {"LOCATION", "PLACE"},   {"GPE", "PLACE"},
    {"FAC", "PLACE"},          {"WORK_OF_ART", "WORK"}, {"MISC", "OTHER"},
    {"NORP", "OTHER"},
};

}  // namespace

std::string ContractType(const std::string& type) {
  std::string upper = type;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  for (std::string_view t : kEntityTypes) {
    if (upper == t) return upper;
  }
  for (const auto& [from, to] : kTypeAliases) {
    if (upper == from) return std::string(to);
  }
  return "OTHER";
}

size_t TypeRank(const std::string& type) {
  for (size_t i = 0; i < std::size(kEntityTypes); ++i) {
    if (type == kEntityTypes[i]) return i;
  }
  return std::size(kEntityTypes);
}

std::string TrimWhitespace(std::string_view s) {
  const auto is_space = [](char ch) {
    return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v';
  };
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

TextView::TextView(const AnnotatedArticle& a) : a_(a) {
    const std::string& t = a.article.text;
    byte_of_.reserve(t.size() + 1);
    for (size_t b = 0; b < t.size(); ++b) {
      if ((static_cast<unsigned char>(t[b]) & 0xC0) != 0x80) byte_of_.push_back(b);
    }
    byte_of_.push_back(t.size());
}

std::string TextView::Slice(size_t start, size_t end) const {
    start = std::min(start, cp_length());
    end = std::clamp(end, start, cp_length());
    return a_.article.text.substr(byte_of_[start], byte_of_[end] - byte_of_[start]);
}

std::string TextView::SentenceAt(size_t cp) const {
    for (const Span& s : a_.sentences) {
      if (s.start <= cp && cp < s.end) return TrimWhitespace(Slice(s.start, s.end));
    }
    const std::string& t = a_.article.text;
    const size_t at = byte_of_[std::min(cp, cp_length())];
    const size_t para_start = t.rfind("\n\n", at);
    size_t b = para_start == std::string::npos ? 0 : para_start + 2;
    size_t e = t.find("\n\n", at);
    if (e == std::string::npos) e = t.size();
    b = std::min(b, e);
    return TrimWhitespace(std::string_view(t).substr(b, e - b));
}

std::string Shorten(const std::string& sentence) {
  std::string s = CollapseWhitespace(sentence);
  if (CountCodePoints(s) <= kMaxEventTextCodePoints) return s;
  size_t cut = ByteOffsetOfCodePoint(s, kMaxEventTextCodePoints);
  const size_t space = s.rfind(' ', cut);
  if (space != std::string::npos && space > 0) cut = space;
  return s.substr(0, cut) + "\xE2\x80\xA6";  // U+2026 HORIZONTAL ELLIPSIS
}

void AddUnique(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}


namespace {

// Words that end the clause a dating word is looked for in: the date
// belongs to what follows them ("the plant, which the firm bought, closed
// in 2009" dates the closing, not the buying). lexicons/subordinators.txt,
// tag dated_clause.
bool EndsDatedClause(std::string_view w) { return lexicon::In(lexicon::kSubordinatorsDatedClause, w); }

// "was founded", "had been built": the auxiliary of a passive verb
// (lexicons/auxiliaries.txt, tag passive).
bool IsPassiveAuxiliary(std::string_view w) { return lexicon::In(lexicon::kAuxiliariesPassive, w); }

// Words that open a noun phrase: a participle right after one is an
// adjective ("a rented garage", "the listed building").
// lexicons/determiners.txt, tag dated_event.
bool IsDeterminer(std::string_view w) { return lexicon::In(lexicon::kDeterminersDatedEvent, w); }

// The particle of a phrasal verb ("broke out", "stepped down"):
// lexicons/particles.txt.
bool IsParticle(std::string_view w) { return lexicon::In(lexicon::kParticles, w); }

// What happened, by the word that says it: a past form ("opened",
// "began"), a noun naming an event ("debut") or a word of a family in
// lexicons/event_families.txt ("quit", "birth"). Past forms:
// lexicons/verbs_and_adverbs.txt (tag dated_event); nouns:
// lexicons/event_nouns.txt.
bool IsDatingWord(const WordToken& w) {
  if (w.capitalised || !w.has_letter || IsStopWord(w.folded) || IsCalendarWord(w.folded)) return false;
  return IsPastForm(w.folded) || lexicon::In(lexicon::kEventNouns, w.folded) ||
         !lexicon::Find(lexicon::kEventFamilies, w.folded).empty();
}

// Participles that fix when something will take place, before "for" and
// its day: "the hearing is set for September 6", "a trial listed for
// March 9" (lexicons/tense_cues.txt, scheduling).
bool IsSchedulingWord(std::string_view w) { return lexicon::In(lexicon::kTenseCuesScheduling, w); }

// The event noun a scheduling participle at words[k] dates ("A
// confiscation hearing is provisionally scheduled for", "a trial, which
// was listed for", "with a hearing set for"): the noun right before it,
// over auxiliaries and adverbs and one relative pronoun after a comma.
// Only a noun naming an event (lexicons/event_nouns.txt): what is set for
// a day is that event, never the clause's verb ("prices set for").
EventWord ScheduledEventBefore(std::string_view before, const std::vector<WordToken>& words, size_t k) {
  bool relative = false;
  while (k-- > 0) {
    const WordToken& w = words[k];
    const std::string_view gap = before.substr(w.end, words[k + 1].begin - w.end);
    const bool spaces = !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos;
    if (!spaces && !(gap == ", " && relative && (words[k + 1].folded == "which" || words[k + 1].folded == "that"))) {
      return {};
    }
    if (!relative && (w.folded == "which" || w.folded == "that")) {
      relative = true;
      continue;
    }
    if (!relative && (lexicon::In(lexicon::kAuxiliaries, w.folded) || w.folded.ends_with("ly"))) continue;
    if (w.capitalised || !lexicon::In(lexicon::kEventNouns, w.folded)) return {};
    const std::string_view family = lexicon::Find(lexicon::kEventFamilies, w.folded);
    return {family.empty() ? w.folded : std::string(family), w.begin};
  }
  return {};
}

// The family of a verb phrase ending in "from" or "to" right before a
// date that says when a thing was made ("dates from", "dating back to"),
// with only spaces between its words; none for any other phrase.
EventWord MadeDateBefore(std::string_view before, const std::vector<WordToken>& words) {
  if (words.size() < 2 || (words.back().folded != "from" && words.back().folded != "to")) return {};
  const size_t n = words.size();
  for (size_t len = 2; len <= 3 && len <= n; ++len) {
    std::string phrase;
    bool spaced = true;
    for (size_t k = n - len; k < n; ++k) {
      if (k > n - len) {
        const std::string_view gap = before.substr(words[k - 1].end, words[k].begin - words[k - 1].end);
        spaced = spaced && gap == " ";
        phrase += ' ';
      }
      phrase += words[k].folded;
    }
    if (!spaced || words[n - len].capitalised) continue;
    if (const std::string_view family = lexicon::Find(lexicon::kEventFamilies, phrase); !family.empty()) {
      return {std::string(family), words[n - len].begin};
    }
  }
  return {};
}

}  // namespace

bool IsPastForm(std::string_view folded) {
  constexpr size_t kMinPastChars = 5;  // "-ed" words shorter than this are rarely verbs ("red", "bed")
  return (folded.size() >= kMinPastChars && folded.ends_with("ed")) ||
         lexicon::In(lexicon::kVerbsAndAdverbsDatedEvent, folded);
}

EventWord FindEventWordBefore(std::string_view before) {
  const std::vector<WordToken> words = Tokenize(before);
  // "The recount is set for January 9": the day of the event the noun names.
  if (words.size() >= 3 && words.back().folded == "for" && IsSchedulingWord(words[words.size() - 2].folded)) {
    return ScheduledEventBefore(before, words, words.size() - 2);
  }
  // "The hall dates from 1971", "a chapel dating back to 1450": when the
  // thing was made, as "built in" says (lexicons/event_families.txt).
  if (const EventWord made = MadeDateBefore(before, words); !made.key.empty()) return made;
  // "listed since 2008": the year the state began.
  if (words.size() < 2 || (words.back().folded != "in" && words.back().folded != "on" &&
                           words.back().folded != "since")) {
    return {};
  }
  const auto spaces_between = [&](size_t k) {  // only spaces between words k and k + 1
    std::string_view gap = before.substr(words[k].end, words[k + 1].begin - words[k].end);
    // A currency sign before a sum is part of the object ("won the $4.2
    // million repair job in 2022"), not punctuation.
    for (std::string_view sign : {"$", "\xC2\xA3", "\xE2\x82\xAC"}) {  // $, pound sign, euro sign
      if (gap.ends_with(sign) && !words[k + 1].has_letter) gap.remove_suffix(sign.size());
    }
    // "4.2", "44,950": the separator inside a number.
    if ((gap == "." || gap == ",") && !words[k].has_letter && !words[k + 1].has_letter) return true;
    return !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos;
  };
  // From the word before "in"/"on" back over the object and its
  // attachments ("stepped down as mayor of Brackenford on Monday",
  // "sentenced to nine years in prison on Friday"), within one clause.
  constexpr size_t kMaxWordsBetween = 6;
  // A passive verb reaches further over its place ("was founded in a
  // rented garage off Mill Street in 1974"): the auxiliary before it marks
  // the clause's own verb, so a longer attachment cannot belong to another.
  constexpr size_t kMaxPassiveWordsBetween = 10;
  const size_t last = words.size() - 2;
  for (size_t k = last + 1; k-- > 0 && last - k <= kMaxPassiveWordsBetween;) {
    if (!spaces_between(k)) return {};  // "debut, in 2019"; "the fire (which ...) in"
    const WordToken& w = words[k];
    if (EndsDatedClause(w.folded)) return {};
    // Verbs of saying (lexicons/reporting_verbs.txt, tag not_event) date
    // the telling: "said on Monday", "told reporters on Monday".
    if (lexicon::In(lexicon::kReportingVerbsNotEvent, w.folded)) return {};
    const bool passive = k > 0 && spaces_between(k - 1) && IsPassiveAuxiliary(words[k - 1].folded);
    if (last - k > kMaxWordsBetween && !passive) continue;
    // "in a rented garage": a participle after a determiner describes the
    // noun it stands before; it is not the clause's verb.
    if (k > 0 && IsDeterminer(words[k - 1].folded) && w.folded.ends_with("ed")) continue;
    std::string word = w.folded;
    size_t begin = w.begin;
    // "was found dead in his bed on January 14": a phrase of two words the
    // families name as one event (lexicons/event_families.txt).
    const bool phrase = k > 0 && spaces_between(k - 1) && !words[k - 1].capitalised &&
                        !lexicon::Find(lexicon::kEventFamilies, words[k - 1].folded + " " + w.folded).empty();
    if (phrase && !IsParticle(w.folded)) {
      word = words[k - 1].folded + " " + w.folded;
      begin = words[k - 1].begin;
    } else if (IsParticle(w.folded) && k > 0 && spaces_between(k - 1)) {
      // "broke out on Saturday", "stepped down on Monday": the verb and its particle.
      const WordToken& verb = words[k - 1];
      if (!IsDatingWord(verb) && lexicon::Find(lexicon::kEventFamilies, verb.folded + " " + w.folded).empty()) {
        continue;
      }
      word = verb.folded + " " + w.folded;
      begin = verb.begin;
    } else if (!IsDatingWord(w)) {
      // "Founded in 1971, Brisco ...": a known dating word opening the
      // sentence is a participle, whatever its capital.
      const bool opening_participle =
          k == 0 && w.capitalised && (lexicon::In(lexicon::kVerbsAndAdverbsDatedEvent, w.folded) ||
                                      !lexicon::Find(lexicon::kEventFamilies, w.folded).empty());
      if (!opening_participle) continue;
    }
    // "re-elected in 2021" is not "elected": the prefix is part of the word.
    if (begin > 0 && before[begin - 1] == '-') return {};
    // "since" dates a state the clause says still holds ("has been listed
    // since 2008"), not a thing done since ("every contract approved
    // since 2019"). The perfect's auxiliaries: lexicons/auxiliaries.txt, tag perfect.
    if (words.back().folded == "since") {
      const size_t verb = begin == w.begin ? k : k - 1;
      const auto perfect = [&](size_t at) {
        return at < words.size() && lexicon::In(lexicon::kAuxiliariesPerfect, words[at].folded);
      };
      if (!(verb >= 1 && perfect(verb - 1)) && !(verb >= 2 && perfect(verb - 2))) return {};
    }
    // "first held in 2011": the thing's start, whatever the verb.
    if (k > 0 && spaces_between(k - 1) && words[k - 1].folded == "first") {
      const std::string_view first = lexicon::Find(lexicon::kEventFamilies, "first " + word);
      if (!first.empty()) return {std::string(first), words[k - 1].begin};
    }
    const std::string_view family = lexicon::Find(lexicon::kEventFamilies, word);
    return {family.empty() ? word : std::string(family), begin};
  }
  return {};
}

std::string EventWordBefore(const std::string& before) { return FindEventWordBefore(before).key; }

std::u32string DecodeCodePoints(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    char32_t cp = c;
    if (c >= 0xF0 && i + 3 < s.size()) {
      len = 4;
      cp = c & 0x07;
    } else if (c >= 0xE0 && i + 2 < s.size()) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xC0 && i + 1 < s.size()) {
      len = 2;
      cp = c & 0x1F;
    }
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  // Optimal string alignment: a swap of two neighbours ("Anselm" /
  // "Anslem") is one typo, as the in-article linker counts it.
  const std::u32string x = DecodeCodePoints(a), y = DecodeCodePoints(b);
  std::vector<size_t> before(y.size() + 1), prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] != y[j - 1])});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

// American Soundex of a folded ASCII word ("maddox", "madocks": m32), or ""
// when it has a letter outside a-z.
std::string Soundex(std::string_view word) {
  const auto code = [](char c) -> char {
    switch (c) {
      case 'b': case 'f': case 'p': case 'v': return '1';
      case 'c': case 'g': case 'j': case 'k': case 'q': case 's': case 'x': case 'z': return '2';
      case 'd': case 't': return '3';
      case 'l': return '4';
      case 'm': case 'n': return '5';
      case 'r': return '6';
      default: return '0';  // vowels, h, w, y
    }
  };
  std::string out;
  char last = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c < 'a' || c > 'z') return "";
    const char k = code(c);
    if (i == 0) {
      out.push_back(c);
    } else if (k != '0' && k != last) {
      out.push_back(k);
    }
    if (c != 'h' && c != 'w') last = k;  // h and w do not separate equal codes
  }
  return out;
}

namespace {

// A folded ASCII word spelt as it sounds: "x" as "ks", "ck" as "k", "qu" as
// "kw", "ph" as "f", "c" before a back vowel or a consonant as "k", "ee" as
// "i", "oo" as "u", "y" after the first letter as "i", a doubled letter
// once ("maddox", "madocks": "madoks"; "askwith", "asquith": "askwith";
// "preeti", "priti": "priti"). English spells one sound these ways; a name
// written by ear, or transliterated, differs from its owner's spelling in
// them.
std::string SpeltAsSaid(std::string_view w) {
  std::string out;
  const auto push = [&out](char c) {
    if (out.empty() || out.back() != c) out.push_back(c);
  };
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    const char next = i + 1 < w.size() ? w[i + 1] : '\0';
    if (c == 'x') {
      push('k');
      push('s');
    } else if (c == 'c' && next == 'k') {
      push('k');
      ++i;
    } else if (c == 'q') {
      push('k');
      if (next == 'u') {
        push('w');
        ++i;
      }
    } else if (c == 'p' && next == 'h') {
      push('f');
      ++i;
    } else if (c == 'c' && next != 'e' && next != 'i' && next != 'y' && next != 'h') {
      push('k');
    } else if ((c == 'e' && next == 'e') || (c == 'o' && next == 'o')) {
      push(c == 'e' ? 'i' : 'u');
      ++i;
    } else if (c == 'y' && i > 0) {
      push('i');
    } else {
      push(c);
    }
  }
  return out;
}

}  // namespace

bool SoundsAlike(const std::string& a, const std::string& b) {
  constexpr size_t kMinSurname = 4;      // "Lee" / "Loy" are two names
  constexpr size_t kMaxSurnameEdits = 3;  // "Dorrie" / "Dorey"
  // Spelt as said, one edit at most: "Maddox" / "Madocks" are four edits
  // apart as written, none as said.
  constexpr size_t kMaxSaidEdits = 1;
  if (a == b || a.size() < kMinSurname || b.size() < kMinSurname) return false;
  const std::string sa = Soundex(a);
  if (sa.empty() || sa != Soundex(b)) return false;
  return EditDistance(a, b) <= kMaxSurnameEdits || EditDistance(SpeltAsSaid(a), SpeltAsSaid(b)) <= kMaxSaidEdits;
}

Span SentenceOf(const AnnotatedArticle& a, size_t cp, size_t length) {
  for (const Span& s : a.sentences) {
    if (s.start <= cp && cp < s.end) return s;
  }
  return {0, length};
}

namespace {

bool IsPluralOrPossessive(std::string_view shorter, std::string_view longer) {
  if (longer.size() <= shorter.size() || longer.substr(0, shorter.size()) != shorter) return false;
  const std::string_view rest = longer.substr(shorter.size());
  return rest == "s" || rest == "'s" || rest == "es" || rest == "\xE2\x80\x99s";
}

}  // namespace

bool SpellingVariants(std::string_view a, std::string_view b) {
  // Words this long tolerate two typos, shorter ones one.
  constexpr size_t kTwoEditCodePoints = 8;
  if (a == b) return false;
  const std::string_view shorter = a.size() <= b.size() ? a : b;
  const std::string_view longer = a.size() <= b.size() ? b : a;
  if (IsPluralOrPossessive(shorter, longer)) return false;
  const size_t len = std::min(CountCodePoints(a), CountCodePoints(b));
  if (len < kMinNameWordCodePoints) return false;
  // A prefix is a shortened name, not a misspelling, unless only one
  // letter is missing ("Kendal" for "Kendall").
  const size_t distance = EditDistance(a, b);
  if (longer.substr(0, shorter.size()) == shorter && distance > 1) return false;
  return distance <= (len >= kTwoEditCodePoints ? 2u : 1u);
}

bool DoubledLetterVariant(std::string_view a, std::string_view b) {
  const std::string_view shorter = a.size() < b.size() ? a : b;
  const std::string_view longer = a.size() < b.size() ? b : a;
  if (longer.size() != shorter.size() + 1) return false;
  size_t first = 0;
  while (first < shorter.size() && shorter[first] == longer[first]) ++first;
  // The extra byte is at `first` (or anywhere in the run of its letter
  // before it); it must double its neighbour, and the rest must agree.
  const unsigned char extra = static_cast<unsigned char>(longer[first]);
  if (extra >= 0x80 || !std::isalpha(extra)) return false;
  const bool doubled = (first > 0 && longer[first - 1] == longer[first]) ||
                       (first + 1 < longer.size() && longer[first + 1] == longer[first]);
  return doubled && longer.substr(first + 1) == shorter.substr(first);
}

bool SaidAlike(std::string_view a, std::string_view b) {
  constexpr size_t kMinLetters = 4;  // "Jon" / "Jan" are two names
  const auto ascii_word = [](std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  if (a == b || a.size() < kMinLetters || b.size() < kMinLetters || !ascii_word(a) || !ascii_word(b)) return false;
  return SpeltAsSaid(a) == SpeltAsSaid(b);
}

bool MeasureWord(const std::string& folded) {
  const bool letter = std::any_of(folded.begin(), folded.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
  return letter && !IsStopWord(folded) && !lexicon::In(lexicon::kVagueMeasureWords, folded) &&
         !lexicon::In(lexicon::kNumberWords, folded);
}

bool BreaksClause(std::string_view gap) {
  return gap.find_first_of(",;:.!?()[]\"") != std::string_view::npos ||
         gap.find('\xE2') != std::string_view::npos;  // curly quotation marks, dashes
}

void AddFrameWords(std::string_view text, bool backward, const FrameOptions& options, FrameWords& out) {
  const std::vector<WordToken> words = Tokenize(text);
  const size_t near = std::min(options.own_bytes, text.size());
  size_t taken = 0;
  size_t edge = backward ? text.size() : 0;  // where the last word looked at began or ended
  std::vector<std::string> taken_words;
  for (size_t k = 0; k < words.size(); ++k) {
    const WordToken& t = backward ? words[words.size() - 1 - k] : words[k];
    const std::string_view gap = backward ? text.substr(t.end, edge - t.end) : text.substr(edge, t.begin - edge);
    if (BreaksClause(gap)) break;
    if (!t.has_letter) {
      if (options.stop_at_numbers) break;
      edge = backward ? t.begin : t.end;
      continue;
    }
    if (options.stop_at_subordinators && lexicon::In(lexicon::kSubordinatorsFrame, t.folded)) break;
    edge = backward ? t.begin : t.end;
    if (lexicon::In(lexicon::kMeasureQualifiers, t.folded)) out.qualifiers.push_back(t.folded);
    const bool own = backward ? t.begin >= text.size() - near : t.end <= near;
    const bool name = options.skip_names && t.capitalised && !t.sentence_initial;
    if (own && !name && MeasureWord(t.folded) && taken < options.reach) {
      out.stems.push_back(Stem(t.folded));
      taken_words.push_back(t.folded);
      ++taken;
    }
  }
  if (backward) std::reverse(taken_words.begin(), taken_words.end());
  out.words.insert(out.words.end(), taken_words.begin(), taken_words.end());
}

}  // namespace storyline::stories
