#include "stories/text_features.h"

#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <climits>
#include <cstdint>
#include <string_view>
#include <unordered_set>

namespace storyline::stories {
namespace {

// General English function words, reporting verbs and contractions: words
// that occur in any news article whatever it is about, so they only add noise
// to similarity and labels. Case-folded, apostrophes as U+0027.
constexpr std::string_view kStopWords[] = {
    "a", "about", "above", "according", "across", "after", "afterwards",
    "again", "against", "ago", "all", "almost", "alone", "along", "already",
    "also", "although", "always", "am", "among", "amongst", "an", "and",
    "another", "any", "anyone", "anything", "anyway", "anywhere", "are",
    "aren't", "around", "as", "asked", "at", "back", "be", "became", "because",
    "become", "becomes", "been", "before", "behind", "being", "below",
    "beside", "besides", "between", "beyond", "both", "but", "by", "can",
    "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does",
    "doesn't", "doing", "don't", "done", "down", "during", "each", "either",
    "else", "elsewhere", "enough", "etc", "even", "ever", "every", "everyone",
    "everything", "everywhere", "few", "first", "for", "former", "formerly",
    "from", "further", "get", "gets", "getting", "go", "goes", "going", "gone",
    "got", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he",
    "he'd", "he'll", "he's", "her", "here", "here's", "hers", "herself", "him",
    "himself", "his", "how", "however", "i", "i'd", "i'll", "i'm", "i've",
    "if", "in", "including", "indeed", "instead", "into", "is", "isn't", "it",
    "it's", "its", "itself", "just", "last", "later", "least", "less", "let",
    "let's", "like", "made", "make", "makes", "many", "may", "maybe", "me",
    "meanwhile", "might", "mine", "more", "moreover", "most", "mostly", "mr",
    "mrs", "ms", "much", "must", "my", "myself", "near", "nearly", "neither",
    "never", "nevertheless", "next", "no", "nobody", "none", "nor",
    "not", "nothing", "now", "nowhere", "of", "off", "often", "on", "once",
    "one", "only", "onto", "or", "other", "others", "otherwise", "our", "ours",
    "ourselves", "out", "over", "own", "per", "perhaps", "rather", "really",
    "said", "same", "say", "saying", "says", "see", "seem", "seemed", "seems",
    "several", "she", "she'd", "she'll", "she's", "should", "shouldn't",
    "since", "so", "some", "somehow", "someone", "something", "sometimes",
    "somewhere", "still", "such", "than", "that", "that's", "the", "their",
    "theirs", "them", "themselves", "then", "there", "there's", "thereby",
    "therefore", "these", "they", "they'd", "they'll", "they're", "they've",
    "this", "those", "though", "through", "throughout", "thus", "to",
    "together", "told", "too", "toward", "towards", "two", "under", "until",
    "up", "upon", "us", "use", "used", "very", "via", "was", "wasn't", "way",
    "we", "we'd", "we'll", "we're", "we've", "well", "were", "weren't", "what",
    "what's", "whatever", "when", "whenever", "where", "whereas", "whether",
    "which", "while", "who", "who's", "whoever", "whole", "whom", "whose",
    "why", "will", "with", "within", "without", "won't", "would", "wouldn't",
    "yes", "yet", "you", "you'd", "you'll", "you're", "you've", "your",
    "yours", "yourself", "yourselves",
};

// Month and weekday names (and their usual abbreviations): capitalised in
// every dated article, so they would otherwise dominate story labels.
constexpr std::string_view kCalendarWords[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

// Titles and honorifics that stand before a name ("Mayor Ilse Brandvold"):
// part of the run but not of the name, so a label drops them.
constexpr std::string_view kTitleWords[] = {
    "mayor", "president", "vice", "prime", "minister", "senator", "sen", "governor", "gov",
    "representative", "rep", "congressman", "congresswoman", "chancellor", "secretary",
    "judge", "justice", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "king",
    "queen", "prince", "princess", "pope", "rev", "reverend", "gen", "general", "col",
    "colonel", "capt", "captain", "lt", "sgt", "officer", "detective", "chief", "ceo",
    "chairman", "chairwoman", "director", "coach", "ambassador", "councillor",
    "councilman", "councilwoman", "sheriff", "inspector",
};

bool InTable(std::string_view word, const std::unordered_set<std::string_view>& table) {
  return table.count(word) != 0;
}

// Scripts written without spaces between words: each character becomes a
// token of its own (character unigrams are a usable TF-IDF feature there).
bool IsUnspacedScriptChar(UChar32 c) {
  if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return true;
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &err);
  if (U_FAILURE(err)) return false;
  switch (script) {
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

bool IsWordChar(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || u_isdigit(c) ||
         (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

// ASCII letters and digits: exactly the ASCII code points IsWordChar accepts
// (ASCII has no combining marks).
bool IsAsciiAlnum(UChar32 c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsApostrophe(UChar32 c) { return c == 0x27 || c == 0x2019; }

// Characters after which a capital letter is expected for grammar alone.
bool EndsSentence(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == 0x2026;
}

// Characters that may stand between a sentence end and the next word
// without cancelling "sentence start" (spaces, opening quotes, brackets).
bool IsTransparent(UChar32 c) {
  return u_isUWhiteSpace(c) || c == '"' || c == '\'' || c == '(' || c == '[' ||
         c == 0x201C || c == 0x2018 || c == 0x00AB || c == 0x2014 || c == 0x2013;
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buf, static_cast<size_t>(n));
}

// ICU's UTF-8 macros index with int32_t; longer inputs are cut there
// (2 GiB of text is far beyond any article).
int32_t ClampedLength(std::string_view s) {
  return s.size() > static_cast<size_t>(INT32_MAX) ? INT32_MAX
                                                    : static_cast<int32_t>(s.size());
}

}  // namespace

bool IsStopWord(std::string_view folded) {
  static const std::unordered_set<std::string_view> kTable(std::begin(kStopWords),
                                                           std::end(kStopWords));
  return InTable(folded, kTable);
}

bool IsCalendarWord(std::string_view folded) {
  static const std::unordered_set<std::string_view> kTable(std::begin(kCalendarWords),
                                                           std::end(kCalendarWords));
  return InTable(folded, kTable);
}

bool IsTitleWord(std::string_view folded) {
  static const std::unordered_set<std::string_view> kTable(std::begin(kTitleWords),
                                                           std::end(kTitleWords));
  return InTable(folded, kTable);
}

std::vector<WordToken> Tokenize(std::string_view text) {
  std::vector<WordToken> out;
  const uint8_t* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = ClampedLength(text);
  WordToken cur;
  bool in_word = false;
  bool after_terminator = true;  // the text starts a sentence
  auto finish = [&](int32_t end) {
    if (!in_word) return;
    cur.end = static_cast<size_t>(end);
    out.push_back(std::move(cur));
    cur = WordToken();
    in_word = false;
    after_terminator = false;
  };
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c = 0;
    // News text is mostly ASCII: its letters and digits are decided without
    // ICU's property lookups (the same answers, far cheaper per character).
    if (s[i] < 0x80) {
      c = s[i++];
      if (IsAsciiAlnum(c)) {
        if (!in_word) {
          in_word = true;
          cur.begin = static_cast<size_t>(start);
          cur.capitalised = c >= 'A' && c <= 'Z';
          cur.sentence_initial = after_terminator;
        }
        cur.has_letter = cur.has_letter || c > '9';
        cur.folded.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
        continue;
      }
    } else {
      U8_NEXT(s, i, n, c);
    }
    if (c < 0) {
      finish(start);
      continue;
    }
    if (c >= 0x80 && IsUnspacedScriptChar(c)) {
      finish(start);
      WordToken t;
      t.begin = static_cast<size_t>(start);
      t.end = static_cast<size_t>(i);
      t.has_letter = true;
      t.ideograph = true;
      AppendUtf8(t.folded, u_foldCase(c, U_FOLD_CASE_DEFAULT));
      out.push_back(std::move(t));
      after_terminator = false;
      continue;
    }
    if (c >= 0x80 && IsWordChar(c)) {
      if (!in_word) {
        in_word = true;
        cur.begin = static_cast<size_t>(start);
        cur.capitalised = u_isupper(c) || u_istitle(c);
        cur.sentence_initial = after_terminator;
      }
      cur.has_letter = cur.has_letter || u_hasBinaryProperty(c, UCHAR_ALPHABETIC);
      AppendUtf8(cur.folded, u_foldCase(c, U_FOLD_CASE_DEFAULT));
      continue;
    }
    if (in_word && IsApostrophe(c) && i < n) {
      int32_t j = i;
      UChar32 next = 0;
      U8_NEXT(s, j, n, next);
      if (next >= 0 && IsWordChar(next) && !IsUnspacedScriptChar(next)) {
        cur.folded.push_back('\'');
        continue;
      }
    }
    finish(start);
    if (EndsSentence(c)) {
      after_terminator = true;
    } else if (!IsTransparent(c)) {
      after_terminator = false;
    }
  }
  finish(n);
  return out;
}

std::vector<std::string> IndexTerms(std::string_view text) {
  // A single letter or digit carries no topic (initials, list markers).
  constexpr size_t kMinTermCodePoints = 2;
  std::vector<std::string> terms;
  for (WordToken& t : Tokenize(text)) {
    if (!t.has_letter) continue;
    std::string term = std::move(t.folded);
    if (term.size() > 2 && term.compare(term.size() - 2, 2, "'s") == 0) {
      term.resize(term.size() - 2);
    }
    if (!t.ideograph && CountCodePoints(term) < kMinTermCodePoints) continue;
    if (IsStopWord(term)) continue;
    terms.push_back(std::move(term));
  }
  return terms;
}

std::string Stem(std::string_view folded) {
  // A stemmer keeps state between calls: one per thread.
  struct Stemmer {
    sb_stemmer* s = sb_stemmer_new("english", "UTF_8");
    ~Stemmer() { sb_stemmer_delete(s); }
  };
  thread_local const Stemmer stemmer;
  if (stemmer.s == nullptr || folded.empty()) return std::string(folded);
  const sb_symbol* out = sb_stemmer_stem(stemmer.s, reinterpret_cast<const sb_symbol*>(folded.data()),
                                         static_cast<int>(folded.size()));
  if (out == nullptr) return std::string(folded);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(stemmer.s)));
}

std::vector<CapitalisedRun> CapitalisedRuns(std::string_view text) {
  const std::vector<WordToken> tokens = Tokenize(text);
  std::vector<CapitalisedRun> runs;
  // Words of a name are separated by spaces or a hyphen, never by a line
  // break or other punctuation.
  auto joinable = [&](size_t from, size_t to) {
    if (to <= from) return false;
    for (size_t k = from; k < to; ++k) {
      const char ch = text[k];
      if (ch != ' ' && ch != '-') {
        // U+00A0 NO-BREAK SPACE (C2 A0) also joins.
        if (!(ch == '\xC2' && k + 1 < to && text[k + 1] == '\xA0')) return false;
        ++k;
      }
    }
    return true;
  };
  auto is_filler = [](const WordToken& t) {
    return IsStopWord(t.folded) || IsCalendarWord(t.folded);
  };
  auto emit = [&](size_t first, size_t last) {  // token range [first, last)
    while (first < last &&
           (is_filler(tokens[first]) || (last - first > 1 && IsTitleWord(tokens[first].folded)))) {
      ++first;
    }
    while (last > first && is_filler(tokens[last - 1])) --last;
    if (first == last) return;
    const WordToken& head = tokens[first];
    if (last - first == 1 && (head.sentence_initial || CountCodePoints(head.folded) < 2)) {
      return;
    }
    // "Balenciaga's" names Balenciaga.
    size_t end = tokens[last - 1].end;
    const std::string_view tail = text.substr(head.begin, end - head.begin);
    if (tail.ends_with("'s")) {
      end -= 2;
    } else if (tail.ends_with("\xE2\x80\x99s")) {  // U+2019 apostrophe
      end -= 4;
    }
    CapitalisedRun run;
    run.text = CollapseWhitespace(text.substr(head.begin, end - head.begin));
    run.folded = FoldCase(run.text);
    run.words = last - first;
    runs.push_back(std::move(run));
  };
  size_t run_start = 0;
  bool in_run = false;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const WordToken& t = tokens[k];
    const bool cap = t.capitalised && t.has_letter && !t.ideograph;
    if (in_run && (!cap || !joinable(tokens[k - 1].end, t.begin))) {
      emit(run_start, k);
      in_run = false;
    }
    if (cap && !in_run) {
      run_start = k;
      in_run = true;
    }
  }
  if (in_run) emit(run_start, tokens.size());
  return runs;
}

std::string FoldCase(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), ClampedLength(s)));
  u.foldCase(U_FOLD_CASE_DEFAULT);
  std::string out;
  u.toUTF8String(out);
  return out;
}

size_t ByteOffsetOfCodePoint(std::string_view s, size_t cp) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = ClampedLength(s);
  int32_t i = 0;
  for (size_t k = 0; k < cp && i < n; ++k) U8_FWD_1(p, i, n);
  return static_cast<size_t>(i);
}

size_t CountCodePoints(std::string_view s) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = ClampedLength(s);
  size_t count = 0;
  for (int32_t i = 0; i < n; ++count) U8_FWD_1(p, i, n);
  return count;
}

std::string CollapseWhitespace(std::string_view s) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = ClampedLength(s);
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
  }
  return out;
}

}  // namespace storyline::stories
