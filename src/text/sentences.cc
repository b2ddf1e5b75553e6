// Rule-based sentence splitter and tokenizer (see sentences.h). The text is
// decoded once into code points, cut into white-space-separated chunks, and
// each chunk that ends in terminal punctuation is judged with the chunk that
// follows it (its case, whether it is a name after a title, an attribution
// after a quotation, the next item of a list).
#include "text/sentences.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "core/lexicon.h"

namespace storyline {
namespace {

struct Decoded {
  std::vector<UChar32> cps;
  std::vector<size_t> bytes;  // byte offset of each code point, plus the end
};

Decoded Decode(std::string_view text) {
  Decoded d;
  d.cps.reserve(text.size());
  d.bytes.reserve(text.size() + 1);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    d.bytes.push_back(static_cast<size_t>(i));
    UChar32 c = s[i];
    if (c < 0x80) {
      ++i;
    } else {
      // Invalid sequences advance one byte and read as U+FFFD, so the code
      // point count agrees with CodePointLength() only for valid UTF-8; for
      // invalid input we still never step outside the text.
      U8_NEXT(s, i, n, c);
      if (c < 0) c = 0xFFFD;
    }
    d.cps.push_back(c);
  }
  d.bytes.push_back(text.size());
  return d;
}

bool IsNewline(UChar32 c) { return c == '\n' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029; }

bool IsSpace(UChar32 c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
  if (c < 0x80) return c == 0x0B || c == 0x0C;
  return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF;
}

bool IsUpper(UChar32 c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isUUppercase(c); }
bool IsLower(UChar32 c) { return c < 0x80 ? (c >= 'a' && c <= 'z') : u_isULowercase(c); }
bool IsDigit(UChar32 c) { return c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c); }
bool IsAlnum(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK;
}

bool IsOpener(UChar32 c) {
  switch (c) {
    case '"': case '\'': case '(': case '[': case '{': case 0x201C: case 0x2018: case 0xAB:
    case 0x201E: case 0xBF: case 0xA1: case 0x2039:
      return true;
    default:
      return false;
  }
}

bool IsCloser(UChar32 c) {
  switch (c) {
    case '"': case '\'': case ')': case ']': case '}': case 0x201D: case 0x2019: case 0xBB: case 0x203A:
      return true;
    default:
      return false;
  }
}

bool IsQuote(UChar32 c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0xAB || c == 0xBB;
}

bool IsBullet(UChar32 c) {
  return c == 0x2022 || c == 0x2023 || c == 0x2043 || c == 0x25E6 || c == 0x25AA || c == 0x25CF || c == 0x25A0;
}

// Abbreviations that stand before a name: a capitalised word after them
// continues the sentence ("Dr. Smith", "Mt. Fuji", "St. Louis"). "P.S."
// opens a postscript whose first sentence it belongs to.
constexpr auto kTitles = std::to_array<std::string_view>({
    "adm", "approx", "capt", "cf", "cmdr", "col", "const", "cpl", "det", "dr", "drs", "e.g", "fig", "ft", "gen", "gov",
    "hon", "i.e", "insp", "lt", "maj", "messrs", "mme", "mr", "mrs", "ms", "mt", "p.s", "pres", "prof",
    "rep", "rev", "sen", "sgt", "st", "supt", "viz", "vs"});
static_assert(std::is_sorted(kTitles.begin(), kTitles.end()), "binary_search needs sorted");

// Abbreviations that may also end a sentence ("with Briggs & Co. It closed"):
// they continue it only before a number or a lower-case word.
constexpr auto kAbbreviations = std::to_array<std::string_view>({
    "al", "apr", "assn", "aug", "ave", "blvd", "bros", "ch", "co", "corp", "dec", "dept", "est",
    "etc", "ext", "feb", "fri", "hwy", "inc", "jan", "jr", "jul", "jun", "llc", "ltd", "mar", "mon", "no",
    "nos", "nov", "n\u00b0", "oct", "p", "ph", "plc", "pp", "rd", "sat", "sep", "sept", "sr", "sun",
    "tel", "thu", "thur", "thurs", "tue", "tues", "univ", "vol", "wed", "yr"});
static_assert(std::is_sorted(kAbbreviations.begin(), kAbbreviations.end()), "binary_search needs sorted");

// Words that commonly open a sentence. After an ambiguous abbreviation such
// as "U.S." a capitalised function word signals a new sentence, while a
// capitalised content word is more likely a name ("U.S. Government").
constexpr auto kSentenceStarters = std::to_array<std::string_view>({
    "a", "after", "all", "also", "although", "an", "and", "as", "at", "because", "before", "both",
    "but", "by", "did", "do", "does", "each", "earlier", "for", "from", "he", "her", "here", "his",
    "how", "however", "i", "if", "in", "is", "it", "its", "last", "later", "many", "meanwhile",
    "most", "my", "next", "no", "not", "now", "on", "one", "or", "our", "she", "since", "so",
    "some", "still", "that", "the", "their", "then", "there", "these", "they", "this", "those",
    "though", "to", "under", "was", "we", "were", "what", "when", "where", "while", "who", "why",
    "with", "yet", "you", "your"});
static_assert(std::is_sorted(kSentenceStarters.begin(), kSentenceStarters.end()), "binary_search needs sorted");

// Lower-case words that open sentences in informal text; none of them
// usually follows a full stop inside a sentence.
constexpr auto kLowerCaseStarters = std::to_array<std::string_view>({
    "he", "i", "i'm", "it", "it's", "she", "thanks", "they", "we", "you"});
static_assert(std::is_sorted(kLowerCaseStarters.begin(), kLowerCaseStarters.end()), "binary_search needs sorted");

// Characters that let a rule of Splitter::EndsMessageLineSlow() apply, by
// position: the last character of a chunk (time stamps end in a digit, AM,
// PM or a zone; addresses in '>'; closings in ','), the first of the next
// chunk (dates; message openers), the first of the chunk (links).
constexpr uint8_t kGateLast = 1, kGateNext = 2, kGateFirst = 4, kGateOpener = 8, kGateLower = 16;
constexpr std::array<uint8_t, 128> MakeMessageGate() {
  std::array<uint8_t, 128> t{};
  for (char c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] |= kGateLast | kGateNext;
  for (char c : std::string_view(">,MmTC")) t[static_cast<size_t>(c)] |= kGateLast;
  for (char c : std::string_view("hwHW\"'([{")) t[static_cast<size_t>(c)] |= kGateFirst;
  for (char c : std::string_view("PSAH")) t[static_cast<size_t>(c)] |= kGateOpener;
  for (char c = 'a'; c <= 'z'; ++c) t[static_cast<size_t>(c)] |= kGateLower;
  return t;
}
constexpr std::array<uint8_t, 128> kMessageGate = MakeMessageGate();

template <size_t N>
bool InTable(const std::array<std::string_view, N>& table, std::string_view word) {
  return std::binary_search(table.begin(), table.end(), word);
}

struct Chunk {
  size_t s = 0, e = 0;     // code points, end exclusive
  bool hard_break = false;  // a sentence may not continue into this chunk
  bool has_at = false;      // holds an '@' (addresses), noted while chunking
};

class Splitter {
 public:
  Splitter(const Decoded& d, const SentenceOptions& options) : cps_(d.cps), options_(options) {}

  std::vector<Span> Run() {
    Chunkify();
    MarkQuotations();
    std::vector<Span> out;
    if (chunks_.empty()) return out;
    size_t start = 0;  // first chunk of the current sentence
    ListState list;
    for (size_t i = 0; i < chunks_.size(); ++i) {
      if (i > start && (chunks_[i].hard_break || BreaksBefore(i, start, list))) {
        out.push_back({chunks_[start].s, chunks_[i - 1].e});
        start = i;
      }
      if (i == start) {
        if (chunks_[i].hard_break || i == 0) list = ListState{};
        const size_t marker_end = SkipMarker(i, list);
        if (marker_end > i) {
          i = marker_end - 1;  // the marker itself never ends a sentence
          continue;
        }
      }
      if (i + 1 < chunks_.size() && !chunks_[i + 1].hard_break && EndsSentence(i, start)) {
        out.push_back({chunks_[start].s, chunks_[i].e});
        start = i + 1;
      }
    }
    out.push_back({chunks_[start].s, chunks_.back().e});
    return out;
  }

 private:
  // A list opened by a marker at the start of a line ("1.", "a)", "2.)"),
  // whose next marker on the same line starts the next item.
  struct ListState {
    bool active = false;
    bool letters = false;
    long next = 0;
    std::u32string suffix;
  };

  // Marks chunks inside a double-quoted passage that closes on the same
  // line. Within a quotation a lower-case word after '?' continues the
  // quoted speech ('"Why me? why now?" she asked'). Single quotes are left
  // out: they double as apostrophes.
  void MarkQuotations() {
    in_quote_.assign(chunks_.size(), false);
    size_t open = 0;
    bool is_open = false;
    for (size_t i = 0; i < chunks_.size(); ++i) {
      if (chunks_[i].hard_break) is_open = false;
      for (size_t k = chunks_[i].s; k < chunks_[i].e; ++k) {
        const UChar32 c = cps_[k];
        if (is_open && (c == 0x201D || c == '"')) {
          for (size_t j = open; j < i; ++j) in_quote_[j] = true;
          is_open = false;
        } else if (c == 0x201C || c == '"') {
          open = i;
          is_open = true;
        }
      }
    }
  }

  void Chunkify() {
    const size_t n = cps_.size();
    size_t i = 0;
    bool hard = true;
    while (i < n) {
      size_t newlines = 0;
      bool space_before_newline = false;
      bool hspace = false;
      while (i < n && IsSpace(cps_[i])) {
        const UChar32 c = cps_[i];
        if (c == '\r' && (i + 1 >= n || cps_[i + 1] != '\n')) {
          ++newlines;
        } else if (IsNewline(c)) {
          newlines += c == 0x2029 ? 2 : 1;
          if (hspace) space_before_newline = true;
          hspace = false;
        } else if (c != '\r') {
          hspace = true;
        }
        ++i;
      }
      if (i >= n) break;
      size_t e = i;
      while (e < n && !IsSpace(cps_[e])) ++e;
      bool brk = hard || newlines >= 2;
      if (newlines == 1 && options_.single_newline_is_boundary) {
        const bool soft_wrap = space_before_newline && IsLower(FirstLetterOrOther(i, e));
        brk = brk || !soft_wrap;
      }
      hard = false;
      AddChunk(i, e, brk);
      i = e;
    }
  }

  // Splits "world.Today" and "1,000.That" (a missing space after a full
  // stop) but not URLs, e-mail addresses or "Mr.Smith".
  void AddChunk(size_t s, size_t e, bool hard_break) {
    bool url = false, has_at = false;
    for (size_t k = s; k < e; ++k) {
      if (cps_[k] == '@' || cps_[k] == '/' || cps_[k] == ':') url = true;
      has_at = has_at || cps_[k] == '@';
    }
    size_t seg = s;
    size_t word_start = s;  // first code point of the word before k
    for (size_t k = s; !url && k + 2 < e; ++k) {
      const UChar32 c = cps_[k];
      const bool terminal = c == '.' || c == '!' || c == '?';
      if (terminal && k > word_start + 1 && (IsLower(cps_[k - 1]) || IsDigit(cps_[k - 1])) &&
          IsUpper(cps_[k + 1]) && IsLower(cps_[k + 2])) {
        const std::string w = Lower(word_start, k);
        if (!InTable(kTitles, w) && !InTable(kAbbreviations, w)) {
          chunks_.push_back({seg, k + 1, hard_break && seg == s});
          seg = k + 1;
        }
      }
      if (!IsAlnum(c)) word_start = k + 1;
    }
    chunks_.push_back({seg, e, hard_break && seg == s, has_at});
  }

  // First code point of [s, e) after opening quotes and brackets, or 0.
  UChar32 FirstLetterOrOther(size_t s, size_t e) const {
    while (s < e && IsOpener(cps_[s])) ++s;
    return s < e ? cps_[s] : 0;
  }

  std::string Lower(size_t s, size_t e) const {
    std::string out;
    for (size_t k = s; k < e; ++k) {
      UChar32 c = u_tolower(cps_[k]);
      if (c < 0x80) {
        out.push_back(static_cast<char>(c));
      } else {
        char buf[U8_MAX_LENGTH];
        int32_t len = 0;
        UBool err = false;
        U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, U8_MAX_LENGTH, c, err);
        if (err) return out;
        out.append(buf, static_cast<size_t>(len));
      }
    }
    return out;
  }

  // The chunk's word without opening and closing punctuation and without
  // the final run of '.', '!', '?', '…'.
  struct Core {
    size_t s = 0, e = 0;        // the word
    size_t dots = 0;            // trailing '.' count ('…' counts 3)
    bool bang = false;          // ends in '!' or '?'
    bool question = false;      // the final run holds a '?'
    bool closed_quote = false;  // a closing quote follows the punctuation
  };

  Core CoreOf(size_t ci) const {
    const Chunk& ch = chunks_[ci];
    Core c;
    size_t s = ch.s, e = ch.e;
    while (s < e && IsOpener(cps_[s])) ++s;
    while (e > s && IsCloser(cps_[e - 1])) {
      if (IsQuote(cps_[e - 1])) c.closed_quote = true;
      --e;
    }
    while (e > s) {
      const UChar32 p = cps_[e - 1];
      if (p == '.') {
        ++c.dots;
      } else if (p == 0x2026) {
        c.dots += 3;
      } else if (p == '!' || p == '?' || p == 0x203C || p == 0x2047 || p == 0x2048 || p == 0x2049) {
        c.bang = true;
        c.question = c.question || p == '?' || p == 0x2047 || p == 0x2048 || p == 0x2049;
      } else {
        break;
      }
      --e;
    }
    c.s = s;
    c.e = e;
    return c;
  }

  enum class Next { kUpper, kLower, kDigit, kOther };

  Next KindOf(size_t ci) const {
    const Chunk& ch = chunks_[ci];
    size_t s = ch.s;
    while (s < ch.e && IsOpener(cps_[s])) ++s;
    if (s >= ch.e) return Next::kOther;
    UChar32 c = cps_[s];
    if ((c == '$' || c == 0xA3 || c == 0x20AC || c == 0xA5) && s + 1 < ch.e) c = cps_[s + 1];
    if (IsUpper(c)) return Next::kUpper;
    if (IsLower(c)) return Next::kLower;
    if (IsDigit(c)) return Next::kDigit;
    if (u_isalpha(c)) return Next::kUpper;  // caseless scripts start sentences freely
    return Next::kOther;
  }

  // "I", "I'm", "I’ve": the pronoun, which does not start a sentence after
  // an ellipsis any more than it does mid-sentence.
  bool IsPronounI(size_t ci) const {
    const Chunk& ch = chunks_[ci];
    if (cps_[ch.s] != 'I') return false;
    return ch.e == ch.s + 1 || cps_[ch.s + 1] == '\'' || cps_[ch.s + 1] == 0x2019 || !IsAlnum(cps_[ch.s + 1]);
  }

  bool IsDottedInitialism(size_t s, size_t e) const {
    // U.S, a.m, E.U, U.S.A (the final dot is already stripped).
    if (e - s < 3) return false;
    for (size_t k = s; k < e; ++k) {
      const bool letter_slot = (k - s) % 2 == 0;
      if (letter_slot ? !u_isalpha(cps_[k]) : cps_[k] != '.') return false;
    }
    return true;
  }

  bool PreviousCapitalised(size_t ci) const {
    if (ci == 0 || chunks_[ci].hard_break) return false;
    const UChar32 c = FirstLetterOrOther(chunks_[ci - 1].s, chunks_[ci - 1].e);
    return IsUpper(c);
  }

  // "***", "=====", "____": a section separator is a sentence of its own.
  bool IsSeparator(size_t ci) const {
    // Three marks: "--" and "**" are dashes and emphasis inside sentences.
    constexpr size_t kMinSeparator = 3;
    const Chunk& ch = chunks_[ci];
    if (ch.e - ch.s < kMinSeparator) return false;
    const UChar32 c = cps_[ch.s];
    if (c != '*' && c != '=' && c != '_' && c != '-' && c != '~' && c != '#' && c != 0x2014) return false;
    for (size_t k = ch.s; k < ch.e; ++k) {
      if (cps_[k] != c) return false;
    }
    return true;
  }

  // ":-)", ":)", ";-)", ":(" end sentences in informal text.
  bool IsEmoticon(size_t ci) const {
    const Chunk& ch = chunks_[ci];
    const size_t n = ch.e - ch.s;
    if (n < 2 || n > 3 || (cps_[ch.s] != ':' && cps_[ch.s] != ';')) return false;
    if (n == 3 && cps_[ch.s + 1] != '-') return false;
    const UChar32 last = cps_[ch.e - 1];
    return last == ')' || last == '(' || last == 'D' || last == 'P';
  }

  // Inlined into Run(): it is called for every chunk.
  [[gnu::always_inline]] bool EndsSentence(size_t ci, size_t start) const {
    if (IsSeparator(ci) || IsSeparator(ci + 1)) return true;
    if (IsEmoticon(ci)) return KindOf(ci + 1) == Next::kUpper;
    if (IsEmoticon(ci + 1)) return false;
    if (EndsMessageLine(ci, start)) return true;
    const Core c = CoreOf(ci);
    if (c.dots == 0 && !c.bang) return false;
    // "Direct Dial:? 555", "suppliers,? producers": a '?' glued to a comma
    // or colon is a mis-decoded space (Windows-1252 text read as ASCII),
    // not a question.
    if (c.question && c.e > c.s && (cps_[c.e - 1] == ',' || cps_[c.e - 1] == ':')) return false;
    const size_t ni = ci + 1;
    const Next next = KindOf(ni);
    if (IsLoneStop(ci, c)) return next != Next::kOther;
    if (next == Next::kLower) return LowerCaseStartsSentence(ci, c);
    if (c.bang) return true;
    if (c.dots >= 4) return next == Next::kUpper || next == Next::kDigit;
    if (c.dots == 3 || (c.dots == 2 && c.s < c.e)) {
      // An ellipsis glued to a word ("so tired... I left") ends the sentence
      // before a capital, the pronoun I included: in web text "word... I"
      // starts a new sentence far more often than it trails off (about 9 in
      // 10 in EWT train). The spaced form ". . . I" stays a pause.
      const UChar32 first = cps_[chunks_[ni].s];
      return IsUpper(first) && (c.s < c.e || !IsPronounI(ni));
    }
    if (c.s == c.e) return EndsSpacedEllipsis(ci, next);
    if (IsSpacedDots(ni)) return EndsBeforeSpacedEllipsis(ci, c);
    return PeriodEnds(ci, c, next);
  }

  // Web and e-mail text often starts sentences in lower case ("where did
  // you grow up? india?"). A question mark outside quotes and brackets ends
  // the sentence whatever follows ('"Why?" asked Lee' keeps its attribution);
  // a full stop after an ordinary word does when a pronoun or another common
  // sentence opener follows.
  bool LowerCaseStartsSentence(size_t ci, const Core& c) const {
    const UChar32 last = cps_[chunks_[ci].e - 1];
    // '!' before a lower-case word ends the sentence as '?' does ("great
    // service! will come back"); inside quotes it is speech with its
    // attribution ('"Stop!" she shouted'). A capitalised name with its
    // own '!' ("Yahoo! in", "Jeopardy! fans") goes on to the word rules.
    if (c.question || (c.bang && !IsBrandBang(c))) return !IsCloser(last) && !in_quote_[ci];
    if (c.dots > 1 || c.e - c.s < 2 || IsCloser(last)) return false;
    const std::string w = Lower(c.s, c.e);
    if (IsAbbreviation(c, w)) return false;
    for (size_t k = c.s; k < c.e; ++k) {
      if (!IsAlnum(cps_[k]) && cps_[k] != '-' && cps_[k] != '\'' && cps_[k] != 0x2019) return false;
    }
    const Core n = CoreOf(ci + 1);
    if (InTable(kLowerCaseStarters, Lower(n.s, n.e)) || StartsUrl(ci + 1)) return true;
    // Between a plain lower-case word ("1-way", "it's" included) and a word
    // starting with two lower-case letters a full stop is a boundary; short
    // words are left alone, as unlisted abbreviations ("oz.", "pg.") are.
    constexpr size_t kMinPlainWord = 3;
    // The next word's core ("b" of a list marker "b)") or its first two
    // letters ("it's", "pls.") must be lower-case letters.
    return c.e - c.s >= kMinPlainWord && NoUpperHasLetter(c.s, c.e) &&
           (AllLowerLetters(n.s, n.e) ||
            (chunks_[ci + 1].e - n.s >= 2 && IsLower(cps_[n.s]) && IsLower(cps_[n.s + 1])));
  }

  // "Yahoo!": a capitalised word (not all capitals) with one '!'.
  bool IsBrandBang(const Core& c) const {
    if (c.question || c.e - c.s < 2 || !IsUpper(cps_[c.s]) || cps_[c.e] != '!') return false;
    if (c.e + 1 < cps_.size() && cps_[c.e + 1] == '!') return false;
    return NoUpperHasLetter(c.s + 1, c.e);
  }

  bool NoUpperHasLetter(size_t s, size_t e) const {
    bool letter = false;
    for (size_t k = s; k < e; ++k) {
      if (IsUpper(cps_[k])) return false;
      letter = letter || IsLower(cps_[k]);
    }
    return letter;
  }

  // A full stop typed after a space ("it works fine . the price"): judged
  // as if it were attached to the word before, which is plain text here,
  // so it ends the sentence. Spaced ellipses (". . .") are left to their
  // own rules.
  bool IsLoneStop(size_t ci, const Core& c) const {
    if (c.s != c.e || c.dots != 1 || c.bang || ci == 0 || chunks_[ci].hard_break) return false;
    if (chunks_[ci].e - chunks_[ci].s != 1) return false;  // no quotes or brackets around it
    const Chunk& before = chunks_[ci - 1];
    return IsAlnum(cps_[before.e - 1]) && !IsSpacedDots(ci + 1);
  }

  // ---- e-mail and web conventions ----
  //
  // Web text (mail headers, signatures, link lists) has line structure that
  // survives only as spaces once it is re-flowed; these rules find the
  // commonest such lines from their content. Each was checked on EWT train
  // (the percentage in a rule's comment: share of its matches that are gold
  // boundaries there).
  // Every rule of EndsMessageLineSlow() needs a particular character at the
  // end of this chunk or the start of the next, or an '@'; this inlined test
  // keeps the common word-space-word gap as fast as before these rules.
  [[gnu::always_inline]] bool EndsMessageLine(size_t ci, size_t start) const {
    const Chunk& ch = chunks_[ci];
    const UChar32 last = cps_[ch.e - 1];
    const UChar32 next_first = cps_[chunks_[ci + 1].s];
    const UChar32 first = cps_[ch.s];
    // Non-ASCII characters always take the slow path.
    auto bits = [](UChar32 c) -> uint8_t { return c < 0x80 ? kMessageGate[static_cast<size_t>(c)] : 0xFF; };
    const uint8_t tl = bits(last), tn = bits(next_first), tf = bits(first);
    // Links start "http" or "www" (after any opening bracket or quote).
    const UChar32 second = ch.e - ch.s > 1 ? cps_[ch.s + 1] : 0;
    const bool maybe_link =
        (tf & kGateFirst) && (IsOpener(first) || second == 't' || second == 'T' || second == 'w' || second == 'W');
    const bool maybe = ch.has_at || (tl & kGateLast) || (tn & kGateNext) || maybe_link ||
                       ((tn & kGateOpener) && (tl & kGateLower));
    if (!maybe) return false;
    return EndsMessageLineSlow(ci, start);
  }

  [[gnu::noinline]] bool EndsMessageLineSlow(size_t ci, size_t start) const {
    const size_t ni = ci + 1;
    const Chunk& ch = chunks_[ci];
    const UChar32 last = cps_[ch.e - 1];
    const UChar32 next_first = cps_[chunks_[ni].s];
    const UChar32 first = cps_[ch.s];
    // A message opener after a line with no final punctuation: "... by
    // noon Please call me", "see you soon Sorry for the delay" (100 % in
    // EWT train; none of these words is capitalised mid-sentence there).
    if ((next_first == 'P' || next_first == 'S' || next_first == 'A' || next_first == 'H') &&
        ((last >= 'a' && last <= 'z') || IsDigit(last)) && IsMessageOpener(ni)) {
      return true;
    }
    // A bare address before a capitalised word ends a signature or header
    // line: "... ann@example.com Thanks for ..." (87 %).
    if (ch.has_at && IsUpper(next_first) && IsAlnum(last) && IsBareAddress(ci)) return true;
    if (last >= 'a' && last <= 'z' && last != 'm' && !IsDigit(next_first) && first != 'h' && first != 'w' &&
        first != 'H' && first != 'W' && !IsOpener(first)) {
      return false;  // a plain word: none of the rules below can apply
    }
    // "Kay Mann 04/26/2001 07:17 AM Will you ...": the header time stamp
    // is a line of its own, after a name or address (98 %) and before the
    // message (100 %). After a lower-case word ("sent on 5/2/01 10:00")
    // it belongs to the sentence.
    if (IsDigit(next_first) && ni + 1 < chunks_.size() && !chunks_[ni + 1].hard_break && IsSlashDate(ni) &&
        IsClock(ni + 1) && !IsLower(FirstLetterOrOther(ch.s, ch.e))) {
      return true;
    }
    if ((IsDigit(last) || last == 'M' || last == 'm' || last == 'T' || last == 'C') && EndsTimestamp(ci) &&
        !IsMeridiem(ni) && !IsTimeZone(ni)) {
      return true;
    }
    if (last == '>') {
      // "<kim@example.com> Thanks for ...": an address in angle brackets
      // closes a header line unless the sentence goes on in lower case
      // ("<a@b.com> on 05/03/2001").
      if (IsBracketedAddress(ci) && KindOf(ni) != Next::kLower && next_first != '>') return true;
      // "<< File: notes.doc >>", "<<memo.doc>>": an attachment line (93 %).
      if (ch.e - ch.s >= 2 && cps_[ch.e - 2] == '>' && next_first != '<' && KindOf(ni) != Next::kOther) return true;
      return false;
    }
    // A bare link before another link or a capitalised word: link lists
    // and "... see http://x.org/a Then ..." (93 %).
    if (IsUrlChunk(ci) && (IsUrlChunk(ni) || (KindOf(ni) == Next::kUpper && IsAlnum(last)))) return true;
    // A closing on its own: "Regards, Ann Lee", "Best regards, Ann" (88 %;
    // "Thanks, Kim." is a single sentence, so not before a word with a full
    // stop).
    if (last == ',' && IsClosing(ci, start) && KindOf(ni) == Next::kUpper) {
      const Core n = CoreOf(ni);
      return n.dots == 0 && !n.bang;
    }
    return false;
  }

  // "ann.lee@example.com": letters, digits and . _ + - around one '@'.
  bool IsBareAddress(size_t ci) const {
    const Chunk& ch = chunks_[ci];
    size_t at = ch.e;
    for (size_t k = ch.s; k < ch.e; ++k) {
      const UChar32 c = cps_[k];
      if (c == '@') {
        if (at != ch.e) return false;
        at = k;
      } else if (!IsAlnum(c) && c != '.' && c != '_' && c != '+' && c != '-') {
        return false;
      }
    }
    if (at == ch.e || at == ch.s) return false;
    for (size_t k = at + 1; k < ch.e; ++k) {
      if (cps_[k] == '.') return true;  // a domain with a dot
    }
    return false;
  }

  // "Please", "Sorry", "Attached", "Hi", "Hello", alone or with a comma.
  bool IsMessageOpener(size_t ci) const {
    const Chunk& ch = chunks_[ci];
    size_t e = ch.e;
    if (e - ch.s > 1 && cps_[e - 1] == ',') --e;
    constexpr auto kOpeners = std::to_array<std::string_view>({"Attached", "Hello", "Hi", "Please", "Sorry"});
    for (std::string_view w : kOpeners) {
      if (w.size() != e - ch.s) continue;
      size_t k = 0;
      while (k < w.size() && cps_[ch.s + k] == static_cast<UChar32>(w[k])) ++k;
      if (k == w.size()) return true;
    }
    return false;
  }

  bool IsClosing(size_t ci, size_t start) const {
    const Chunk& ch = chunks_[ci];
    if (ch.e - ch.s < 2 || cps_[ch.e - 1] != ',' || (ci != start && ci != start + 1)) return false;
    const std::string w = Lower(ch.s, ch.e - 1);
    // The sign-offs: lexicons/sign_offs.txt (tags alone, regards).
    if (ci == start) return lexicon::In(lexicon::kSignOffsAlone, w);
    if (ci != start + 1) return false;
    const std::string first = Lower(chunks_[start].s, chunks_[start].e);
    return (lexicon::In(lexicon::kSignOffsRegards, first) && w == "regards") ||
           (first == "thank" && w == "you") || (first == "many" && w == "thanks");
  }

  // Chunk `ci` matches the digit pattern: each '9' in `pattern` is a run
  // of one or two digits (the last run: min_last_run to max_last_run), any
  // other character itself.
  bool MatchesDigits(size_t ci, std::string_view pattern, size_t min_last_run, size_t max_last_run) const {
    const Chunk& ch = chunks_[ci];
    size_t k = ch.s;
    for (size_t p = 0; p < pattern.size(); ++p) {
      if (pattern[p] != '9') {
        if (k >= ch.e || cps_[k] != static_cast<UChar32>(pattern[p])) return false;
        ++k;
        continue;
      }
      const size_t run_start = k;
      while (k < ch.e && cps_[k] >= '0' && cps_[k] <= '9') ++k;
      const size_t run = k - run_start;
      const bool last = p + 1 == pattern.size();
      // Day, month, hour and minute fields have one or two digits.
      constexpr size_t kMaxField = 2;
      if (run == 0 || run > (last ? max_last_run : kMaxField) || (last && run < min_last_run)) return false;
    }
    return k == ch.e;
  }

  // "04/26/2001", "3/8/00".
  bool IsSlashDate(size_t ci) const {
    // Years have two or four digits.
    constexpr size_t kMinYear = 2, kMaxYear = 4;
    return MatchesDigits(ci, "9/9/9", kMinYear, kMaxYear);
  }

  // "07:17", "03:14:14".
  bool IsClock(size_t ci) const {
    constexpr size_t kMinuteDigits = 2;
    return MatchesDigits(ci, "9:9", kMinuteDigits, kMinuteDigits) ||
           MatchesDigits(ci, "9:9:9", kMinuteDigits, kMinuteDigits);
  }

  bool ChunkIs(size_t ci, std::string_view ascii) const {
    const Chunk& ch = chunks_[ci];
    if (ch.e - ch.s != ascii.size()) return false;
    for (size_t k = 0; k < ascii.size(); ++k) {
      if (cps_[ch.s + k] != static_cast<UChar32>(ascii[k])) return false;
    }
    return true;
  }

  bool IsMeridiem(size_t ci) const {
    return ChunkIs(ci, "AM") || ChunkIs(ci, "PM") || ChunkIs(ci, "am") || ChunkIs(ci, "pm");
  }

  // "PDT", "EST", "GMT", "UTC", "ET": upper-case zone abbreviations.
  bool IsTimeZone(size_t ci) const {
    const Chunk& ch = chunks_[ci];
    constexpr size_t kMinZone = 2, kMaxZone = 4;
    if (ch.e - ch.s < kMinZone || ch.e - ch.s > kMaxZone) return false;
    for (size_t k = ch.s; k < ch.e; ++k) {
      if (cps_[k] < 'A' || cps_[k] > 'Z') return false;
    }
    return cps_[ch.e - 1] == 'T' || ChunkIs(ci, "UTC");
  }

  // Chunk `ci` ends "04/26/2001 07:17 [AM] [PDT]".
  bool EndsTimestamp(size_t ci) const {
    size_t k = ci;
    if (IsTimeZone(k) && k > 0) --k;
    if (IsMeridiem(k) && k > 0) --k;
    return k > 0 && IsClock(k) && IsSlashDate(k - 1);
  }

  // "<ann@example.com>" (also after "mailto:").
  bool IsBracketedAddress(size_t ci) const {
    const Chunk& ch = chunks_[ci];
    if (ch.e - ch.s < 3 || cps_[ch.s] != '<' || cps_[ch.e - 1] != '>') return false;
    bool at = false;
    for (size_t k = ch.s + 1; k + 1 < ch.e; ++k) {
      if (cps_[k] == '<' || cps_[k] == '>') return false;
      at = at || cps_[k] == '@';
    }
    return at;
  }

  bool IsUrlChunk(size_t ci) const {
    const Chunk& ch = chunks_[ci];
    size_t s = ch.s;
    while (s < ch.e && IsOpener(cps_[s])) ++s;
    if (s >= ch.e || (cps_[s] != 'h' && cps_[s] != 'H' && cps_[s] != 'w' && cps_[s] != 'W')) return false;
    auto starts = [&](std::string_view p) {
      if (ch.e - s < p.size()) return false;
      for (size_t k = 0; k < p.size(); ++k) {
        if (u_tolower(cps_[s + k]) != static_cast<UChar32>(p[k])) return false;
      }
      return true;
    };
    return starts("http://") || starts("https://") || starts("www.");
  }

  bool StartsUrl(size_t ci) const {
    const Chunk& ch = chunks_[ci];
    auto at = [&](size_t k, char want) { return ch.s + k < ch.e && cps_[ch.s + k] == want; };
    return (at(0, 'h') && at(1, 't') && at(2, 't') && at(3, 'p')) || (at(0, 'w') && at(1, 'w') && at(2, 'w') && at(3, '.'));
  }

  bool AllLowerLetters(size_t s, size_t e) const {
    if (s >= e) return false;
    for (size_t k = s; k < e; ++k) {
      if (!IsLower(cps_[k])) return false;
    }
    return true;
  }

  bool IsSpacedDots(size_t ci) const {
    if (ci >= chunks_.size()) return false;
    const Core c = CoreOf(ci);
    return c.s == c.e && c.dots > 0 && !c.bang;
  }

  // "word. . . . Next": the word's full stop ends the sentence and the
  // ellipsis opens the next one.
  bool EndsBeforeSpacedEllipsis(size_t ci, const Core& c) const {
    // Only a three-dot ellipsis counts; looking one further suffices.
    constexpr size_t kMaxLook = 4;
    size_t k = ci + 1;
    while (k < chunks_.size() && k - ci <= kMaxLook && !chunks_[k].hard_break && IsSpacedDots(k)) ++k;
    if (k >= chunks_.size() || chunks_[k].hard_break) return false;
    if (!IsUpper(FirstLetterOrOther(chunks_[k].s, chunks_[k].e)) || IsPronounI(k)) return false;
    const std::string w = Lower(c.s, c.e);
    return !IsAbbreviation(c, w) && k - ci - 1 == 3;
  }

  // The last dot of a spaced ellipsis (". . ." or ". . . ."): ends the
  // sentence before a capitalised word that is not "I".
  bool EndsSpacedEllipsis(size_t ci, Next next) const {
    if (next != Next::kUpper || IsPronounI(ci + 1)) return false;
    size_t k = ci;
    while (k > 0 && !chunks_[k].hard_break && IsSpacedDots(k)) --k;
    if (IsSpacedDots(k) || chunks_[k + 1].hard_break) return true;
    // When the word before already ended the sentence, the dots open this one.
    const Core before = CoreOf(k);
    return before.bang || before.dots == 0 || !EndsBeforeSpacedEllipsis(k, before);
  }

  bool IsAbbreviation(const Core& c, const std::string& w) const {
    return InTable(kTitles, w) || InTable(kAbbreviations, w) || c.e - c.s == 1 || IsDottedInitialism(c.s, c.e);
  }

  bool PeriodEnds(size_t ci, const Core& c, Next next) const {
    const std::string w = Lower(c.s, c.e);
    if (next == Next::kDigit) return !IsAbbreviation(c, w) && c.dots == 1;
    if (next == Next::kOther) return !IsAbbreviation(c, w);
    if (InTable(kTitles, w)) return false;
    if (c.e - c.s == 1) {
      const UChar32 l = cps_[c.s];
      if (l == 'I') return !PreviousCapitalised(ci);
      return !IsUpper(l);
    }
    if (IsDottedInitialism(c.s, c.e)) {
      const Core n = CoreOf(ci + 1);
      return InTable(kSentenceStarters, Lower(n.s, n.e));
    }
    return true;
  }

  // A list marker at chunk `ci`: "1.", "2)", "3.)", "a.", "b)". Returns the
  // marker's number (letters count from 1) or -1.
  long MarkerValue(size_t ci, bool* letters, std::u32string* suffix) const {
    const Chunk& ch = chunks_[ci];
    size_t s = ch.s;
    while (s < ch.e && IsBullet(cps_[s])) ++s;
    size_t k = s;
    long v = 0;
    // Three digits: lists longer than 999 items are not prose.
    constexpr size_t kMaxDigits = 3;
    while (k < ch.e && k - s < kMaxDigits && cps_[k] >= '0' && cps_[k] <= '9') v = v * 10 + (cps_[k++] - '0');
    *letters = false;
    if (k == s) {
      if (k < ch.e && cps_[k] >= 'a' && cps_[k] <= 'z') {
        v = cps_[k++] - 'a' + 1;
        *letters = true;
      } else {
        return -1;
      }
    }
    suffix->assign(cps_.begin() + static_cast<std::ptrdiff_t>(k), cps_.begin() + static_cast<std::ptrdiff_t>(ch.e));
    if (*suffix != U"." && *suffix != U")" && *suffix != U".)") return -1;
    return v;
  }

  // At a sentence start: skips a bullet and a list marker; returns the first
  // chunk after them (== ci when there is none).
  size_t SkipMarker(size_t ci, ListState& list) const {
    size_t k = ci;
    if (ci + 1 < chunks_.size() && chunks_[ci].e == chunks_[ci].s + 1 && IsBullet(cps_[chunks_[ci].s]) &&
        !chunks_[ci + 1].hard_break) {
      ++k;
    }
    if (k + 1 >= chunks_.size() || chunks_[k + 1].hard_break) return k;
    bool letters = false;
    std::u32string suffix;
    const long v = MarkerValue(k, &letters, &suffix);
    if (v < 0) return k;
    if (list.active && (list.letters != letters || list.suffix != suffix)) return k;
    if (!list.active && KindOf(k + 1) != Next::kUpper) return k;
    list.active = true;
    list.letters = letters;
    list.suffix = suffix;
    list.next = v + 1;
    return k + 1;
  }

  bool BreaksBefore(size_t ci, size_t start, const ListState& list) const {
    const Chunk& ch = chunks_[ci];
    if (IsBullet(cps_[ch.s]) && (ch.e > ch.s + 1 || ci + 1 < chunks_.size())) return ci > start;
    if (!list.active || ci + 1 >= chunks_.size()) return false;
    bool letters = false;
    std::u32string suffix;
    const long v = MarkerValue(ci, &letters, &suffix);
    return v == list.next && letters == list.letters && suffix == list.suffix;
  }

  const std::vector<UChar32>& cps_;
  const SentenceOptions& options_;
  std::vector<Chunk> chunks_;
  std::vector<bool> in_quote_;  // per chunk, see MarkQuotations()
};

// ---- tokenizer ----

bool IsJoiner(UChar32 c) {
  return c == '.' || c == ',' || c == '\'' || c == 0x2019 || c == '-' || c == '&' || c == '_' || c == 0x2010;
}

bool IsClitic(const std::vector<UChar32>& cps, size_t s, size_t e, size_t* split) {
  // "'s", "'re", "'ll", "'ve", "'d", "'m" and "n't" (also with ’).
  auto apos = [](UChar32 c) { return c == '\'' || c == 0x2019; };
  auto low = [&](size_t k) { return u_tolower(cps[k]); };
  if (e - s >= 4 && apos(cps[e - 2]) && low(e - 1) == 't' && low(e - 3) == 'n') {
    *split = e - 3;
    return true;
  }
  for (size_t len : {2u, 3u}) {
    if (e - s <= len) continue;
    const size_t a = e - len;
    if (!apos(cps[a])) continue;
    const UChar32 x = low(a + 1);
    const bool ok = len == 2 ? (x == 's' || x == 'd' || x == 'm')
                             : ((x == 'r' && low(a + 2) == 'e') || (x == 'l' && low(a + 2) == 'l') ||
                                (x == 'v' && low(a + 2) == 'e'));
    if (ok) {
      *split = a;
      return true;
    }
  }
  return false;
}

class Tokenizer {
 public:
  explicit Tokenizer(const Decoded& d) : d_(d), cps_(d.cps) {}

  std::vector<Token> Run() {
    const size_t n = cps_.size();
    size_t i = 0;
    while (i < n) {
      while (i < n && IsSpace(cps_[i])) ++i;
      size_t e = i;
      while (e < n && !IsSpace(cps_[e])) ++e;
      if (e > i) Chunk(i, e);
      i = e;
    }
    return std::move(out_);
  }

 private:
  void Emit(size_t s, size_t e) {
    Token t;
    t.span = {s, e};
    t.byte_start = d_.bytes[s];
    t.byte_end = d_.bytes[e];
    out_.push_back(t);
  }

  bool LooksLikeUrl(size_t s, size_t e) const {
    for (size_t k = s; k + 2 < e; ++k) {
      if (cps_[k] == ':' && cps_[k + 1] == '/' && cps_[k + 2] == '/') return true;
    }
    for (size_t k = s + 1; k + 1 < e; ++k) {
      if (cps_[k] == '@' && IsAlnum(cps_[k - 1]) && IsAlnum(cps_[k + 1])) return true;
    }
    return e - s > 4 && u_tolower(cps_[s]) == 'w' && u_tolower(cps_[s + 1]) == 'w' &&
           u_tolower(cps_[s + 2]) == 'w' && cps_[s + 3] == '.';
  }

  void Chunk(size_t s, size_t e) {
    if (LooksLikeUrl(s, e)) {
      size_t end = e;
      while (end > s && !IsAlnum(cps_[end - 1]) && cps_[end - 1] != '/') --end;
      Emit(s, end);
      Punct(end, e);
      return;
    }
    Punct(s, e);
  }

  // Cuts [s, e) into words and punctuation.
  void Punct(size_t s, size_t e) {
    size_t i = s;
    while (i < e) {
      if (IsAlnum(cps_[i])) {
        i = Word(i, e);
        continue;
      }
      size_t j = i + 1;
      while (j < e && cps_[j] == cps_[i]) ++j;  // "...", "--", "!!"
      Emit(i, j);
      i = j;
    }
  }

  size_t Word(size_t i, size_t e) {
    size_t j = i;
    while (j < e && (IsAlnum(cps_[j]) || (j > i && IsJoiner(cps_[j]) && j + 1 < e && IsAlnum(cps_[j + 1])))) ++j;
    if (j < e && cps_[j] == '.' && KeepsDot(i, j)) ++j;
    size_t split = 0;
    if (IsClitic(cps_, i, j, &split) && split > i) {
      Emit(i, split);
      Emit(split, j);
    } else {
      Emit(i, j);
    }
    return j;
  }

  bool KeepsDot(size_t s, size_t e) const {
    std::string w;
    for (size_t k = s; k < e; ++k) {
      const UChar32 c = u_tolower(cps_[k]);
      if (c >= 0x80) return false;
      w.push_back(static_cast<char>(c));
    }
    if (w.size() == 1) return u_isalpha(cps_[s]);
    if (InTable(kTitles, w) || InTable(kAbbreviations, w)) return true;
    // U.S, a.m: single letters joined by dots.
    if (w.size() < 3) return false;
    for (size_t k = 0; k < w.size(); ++k) {
      if (k % 2 == 0 ? !(w[k] >= 'a' && w[k] <= 'z') : w[k] != '.') return false;
    }
    return true;
  }

  const Decoded& d_;
  const std::vector<UChar32>& cps_;
  std::vector<Token> out_;
};

}  // namespace

std::vector<Span> SplitSentences(std::string_view text, const SentenceOptions& options) {
  const Decoded d = Decode(text);
  Splitter splitter(d, options);
  return splitter.Run();
}

std::vector<Span> SplitSentences(std::string_view text) { return SplitSentences(text, SentenceOptions{}); }


std::vector<Token> Tokenize(std::string_view text) {
  const Decoded d = Decode(text);
  Tokenizer tokenizer(d);
  return tokenizer.Run();
}

}  // namespace storyline
