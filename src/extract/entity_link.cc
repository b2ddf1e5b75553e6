// In-article entity linking (see entity_link.h for the rules).
//
// Steps, in order, each reading what the previous ones decided:
//   1. map each mention to its tokens, repairing tagger chunks (role nouns
//      in front of a name, a name split in two);
//   2. declared aliases ("X, formerly Y", "X (XY)") pair two mentions,
//      adding a side the tagger missed;
//   3. mentions with the same name key form clusters;
//   4. cues read around each mention: role nouns and ages declared for it,
//      strong type evidence;
//   5. clusters are united: aliases, one-letter variants, plurals, then
//      shorter PERSON names into the one longer name they begin or end;
//   6. untagged repeats of known name words become mentions;
//   7. each entity's type is decided;
//   8. epithets ("the actress") are resolved and added as mentions (twice
//      when business nouns showed that a PLACE-typed name is a brand);
//   9. ids by first appearance, types written, mentions sorted by span.
#include "extract/entity_link.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/lexicon.h"

namespace storyline {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

enum class Kind : uint8_t { kPerson = 0, kOrg, kPlace, kWork, kOther };
constexpr size_t kKinds = 5;
using Votes = std::array<int, kKinds>;

// A strong cue (a declared role noun, "X's husband") outweighs any number of
// tagger labels: the tagger labels every occurrence of a name from nearly the
// same features, so its repeated votes are one opinion, while a cue is
// evidence the writer gave.
constexpr int kCueWeight = 1000;
// Longest name (in words) an alias declaration may introduce on a side the
// tagger missed: full names with a middle name or particle fit.
constexpr size_t kMaxAliasWords = 4;
// Words between "the" and its head noun ("the 32-year-old reality TV star"):
// longer runs are clauses, not descriptions.
constexpr size_t kMaxModifiers = 5;
// Tokens a quoted work title may take inside a description
// ("the 'Keeping Up with the Kardashians' alum").
constexpr size_t kMaxTitleTokens = 10;
// Sentences looked back for the entity an epithet refers to: news prose
// names its subject again at least every paragraph or so.
constexpr size_t kSalienceSentences = 3;
// Tokens after "X said" in which a subject pronoun marks X as a person.
constexpr size_t kPronounWindow = 6;
// Tokens before "at X" searched for a workplace noun ("540 jobs are set to
// go at X"): one short clause.
constexpr size_t kAtNounWindow = 7;
// One-letter variants only on words this long: shorter names differ by one
// letter far too often (Ann/Anna, Jon/Joe).
constexpr size_t kMinVariantLetters = 5;
// Business nouns ("the brand") that resolve to a PLACE-typed entity this
// many times make it an ORG: once may be a brand the tagger missed, twice
// the writer is calling that name a brand. A brand context of the name
// ("X's campaign", "the X collection") counts as one of the two, and is
// needed for a PERSON-typed name (single names of celebrities stand near
// "the brand" they founded).
constexpr int kMinBusinessHits = 2;
// Ages a description or apposition can state ("the 42-year-old", "X, 42,").
constexpr int kMaxAge = 119;

std::string_view TypeName(Kind k) {
  switch (k) {
    case Kind::kPerson: return "PERSON";
    case Kind::kOrg: return "ORG";
    case Kind::kPlace: return "PLACE";
    case Kind::kWork: return "WORK";
    case Kind::kOther: return "OTHER";
  }
  return "OTHER";
}

Kind KindOf(std::string_view type) {
  if (type == "PERSON") return Kind::kPerson;
  if (type == "ORG") return Kind::kOrg;
  if (type == "PLACE") return Kind::kPlace;
  if (type == "WORK") return Kind::kWork;
  return Kind::kOther;
}

// ---------------------------------------------------------------- lexicon

struct Noun {
  Kind kind = Kind::kOther;
  // "house" names an organisation only with a modifier ("the fashion
  // house"); bare "the house" is a building or a chamber.
  bool needs_modifier = false;
  // "the mother", "the husband": usually a relative of the person just
  // named, so only a declaration ("her sister Jane") or a complement ("the
  // mother of four") makes it refer to a named person.
  bool relational = false;
};

// The head nouns of descriptions (lexicons/person_nouns.txt, org_nouns.txt,
// work_words.txt). No place nouns: "the city" or "the country" is usually
// the place the story happens in, seldom the place named last.
const std::unordered_map<std::string_view, Noun>& Lexicon() {
  static const std::unordered_map<std::string_view, Noun> kTable = [] {
    std::unordered_map<std::string_view, Noun> t;
    for (std::string_view w : lexicon::kPersonNounsDescription) t[w] = {Kind::kPerson, false, false};
    for (std::string_view w : lexicon::kPersonNounsRelational) t[w] = {Kind::kPerson, false, true};
    for (std::string_view w : lexicon::kOrgNounsDescription) t[w] = {Kind::kOrg, false, false};
    for (std::string_view w : lexicon::kWorkWordsHead) t[w] = {Kind::kWork, false, false};
    t["house"] = {Kind::kOrg, true, false};
    return t;
  }();
  return kTable;
}

// The fields of an occupation noun as bits (lexicons/occupation_fields.txt),
// 0 for a word of no field or an office found in every field.
uint32_t OccupationFields(std::string_view w) {
  uint32_t bits = 0;
  uint32_t bit = 1;
  const auto add = [&](bool in) {
    if (in) bits |= bit;
    bit <<= 1;
  };
  add(lexicon::In(lexicon::kOccupationFieldsSport, w));
  add(lexicon::In(lexicon::kOccupationFieldsFinance, w));
  add(lexicon::In(lexicon::kOccupationFieldsLaw, w));
  add(lexicon::In(lexicon::kOccupationFieldsPolice, w));
  add(lexicon::In(lexicon::kOccupationFieldsHealth, w));
  add(lexicon::In(lexicon::kOccupationFieldsPolitics, w));
  add(lexicon::In(lexicon::kOccupationFieldsArts, w));
  add(lexicon::In(lexicon::kOccupationFieldsMedia, w));
  add(lexicon::In(lexicon::kOccupationFieldsAcademia, w));
  add(lexicon::In(lexicon::kOccupationFieldsSchool, w));
  add(lexicon::In(lexicon::kOccupationFieldsChurch, w));
  return bits;
}

// The gender a word gives the person it names or refers to: +1 a man's
// ("he", "his", "actor", "Mr"), -1 a woman's, 0 neither. Pronouns:
// lexicons/pronouns.txt, tags male and female.
int WordGender(std::string_view w) {
  if (lexicon::In(lexicon::kPronounsMale, w)) return 1;
  if (lexicon::In(lexicon::kPronounsFemale, w)) return -1;
  if (lexicon::In(lexicon::kGenderWordsMale, w)) return 1;
  if (lexicon::In(lexicon::kGenderWordsFemale, w)) return -1;
  return 0;
}

// The gender a given name nearly always carries (lexicons/first_names.txt):
// +1 a man's, -1 a woman's, 0 unknown or given to both.
int FirstNameGender(std::string_view w) {
  return lexicon::In(lexicon::kFirstNamesMale, w) ? 1 : lexicon::In(lexicon::kFirstNamesFemale, w) ? -1 : 0;
}

// Whether lowercase `w`, right after a noun, shows the noun ended its phrase:
// a verb ("said", "blamed", "says", "wearing") or adverb ("quickly").
bool EndsNounPhrase(std::string_view w) {
  if (w.size() > 3 && (w.ends_with("ed") || w.ends_with("ly") || w.ends_with("ing"))) return true;
  if (w.size() > 2 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != '\'') return true;
  return lexicon::In(lexicon::kVerbsAndAdverbsEndsPhrase, w);
}

// ------------------------------------------------------------- text access

// Lowercase ASCII copy of `s` in `buf`; "" when `s` does not fit (no word of
// the lexicons is that long). Non-ASCII bytes are copied as they are.
std::string_view AsciiLower(std::string_view s, std::array<char, 32>* buf) {
  if (s.size() > buf->size()) return {};
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    (*buf)[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return {buf->data(), s.size()};
}

// Unicode lowercase of `s` (simple case mapping per code point).
std::string Lowercase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      const char c = static_cast<char>(p[i++]);
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    c = u_tolower(c);
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    out.append(buf, static_cast<size_t>(len));
  }
  return out;
}

std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out += static_cast<char32_t>(c < 0 ? 0xFFFD : c);
  }
  return out;
}

UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  return c;
}

// The three tests below run on most tokens: ASCII is answered without ICU.
bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}
bool IsWord(std::string_view s) {
  if (s.empty()) return false;
  const auto b = static_cast<unsigned char>(s[0]);
  if (b < 0x80) return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
  const UChar32 c = FirstCodePoint(s);
  return c > 0 && (u_isalpha(c) || u_isdigit(c));
}
bool IsCapitalised(std::string_view s) {
  if (s.empty()) return false;
  const auto b = static_cast<unsigned char>(s[0]);
  if (b < 0x80) return b >= 'A' && b <= 'Z';
  const UChar32 c = FirstCodePoint(s);
  return c > 0 && (u_isupper(c) || u_istitle(c));
}
bool IsLowerWord(std::string_view s) {
  if (s.empty()) return false;
  const auto b = static_cast<unsigned char>(s[0]);
  if (b < 0x80) return b >= 'a' && b <= 'z';
  const UChar32 c = FirstCodePoint(s);
  return c > 0 && u_islower(c);
}
bool IsQuoteMark(std::string_view s) {
  return s == "\"" || s == "'" || s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D" ||
         s == "\xE2\x80\x98" || s == "\xE2\x80\x99" || s == "\xC2\xAB" || s == "\xC2\xBB";
}
bool IsClauseMark(std::string_view s) {
  return s == "," || s == ";" || s == ":" || s == "(" || s == ")" || s == "\xE2\x80\x94" ||
         s == "\xE2\x80\x93" || s == "-" || s == "--";
}
bool IsPossessive(std::string_view s) {
  return s == "'s" || s == "\xE2\x80\x99s" || s == "'" || s == "\xE2\x80\x99" || s == "'S";
}

// Whole number in [1, kMaxAge] spelled in digits, else -1.
int SmallNumber(std::string_view s) {
  if (s.empty() || s.size() > 3) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v >= 1 && v <= kMaxAge ? v : -1;
}

// The age of "42-year-old" (also "42-years-old"), else -1.
int AgeToken(std::string_view s) {
  const size_t dash = s.find('-');
  if (dash == std::string_view::npos) return -1;
  const std::string_view rest = s.substr(dash);
  if (rest != "-year-old" && rest != "-years-old") return -1;
  return SmallNumber(s.substr(0, dash));
}

// Lexicon entry of a lowercase word; "mother-of-four" reads as "mother",
// "ex-wife" as "wife" when "ex-wife" itself is not listed.
const Noun* LookupNoun(std::string_view lower) {
  const auto& lex = Lexicon();
  auto it = lex.find(lower);
  if (it != lex.end()) return &it->second;
  const size_t of = lower.find("-of-");
  if (of != std::string_view::npos) return LookupNoun(lower.substr(0, of));
  for (std::string_view prefix : {"ex-", "former-"}) {
    if (lower.size() > prefix.size() && lower.substr(0, prefix.size()) == prefix) {
      it = lex.find(lower.substr(prefix.size()));
      if (it != lex.end()) return &it->second;
    }
  }
  return nullptr;
}

// Whether lowercase `w` is a word organisation names end in
// (lexicons/org_suffixes.txt): a kind of body ("Trust", "Airways", tag
// name_end) or a trade ("Coatings", "Homes", tag business).
bool OrgNameEnd(std::string_view w) {
  return lexicon::In(lexicon::kOrgSuffixesNameEnd, w) || lexicon::In(lexicon::kOrgSuffixesBusiness, w);
}

// Edit distance of a and b is exactly 1 (one substitution, insertion,
// deletion or swap of neighbours). Sets *last_letter when the difference is
// at the end of the longer word ("Julia"/"Julian", "Mario"/"Maria").
template <typename Str>
bool OneEdit(const Str& a, const Str& b, bool* last_letter) {
  const Str& s = a.size() <= b.size() ? a : b;
  const Str& l = a.size() <= b.size() ? b : a;
  if (l.size() - s.size() > 1) return false;
  size_t i = 0;
  while (i < s.size() && s[i] == l[i]) ++i;
  if (i == s.size()) {
    *last_letter = true;
    return l.size() == s.size() + 1;
  }
  if (s.size() == l.size()) {
    const auto from = static_cast<ptrdiff_t>(i);
    if (std::equal(s.begin() + from + 1, s.end(), l.begin() + from + 1)) {
      *last_letter = i + 1 == l.size();
      return true;
    }
    // Two neighbouring letters swapped ("Doyle"/"Doyel"): one slip of the
    // fingers, counted as one edit (Damerau).
    if (i + 1 < s.size() && s[i] == l[i + 1] && s[i + 1] == l[i] &&
        std::equal(s.begin() + from + 2, s.end(), l.begin() + from + 2)) {
      *last_letter = i + 2 == l.size();
      return true;
    }
    return false;
  }
  *last_letter = false;
  return std::equal(s.begin() + static_cast<ptrdiff_t>(i), s.end(),
                    l.begin() + static_cast<ptrdiff_t>(i) + 1);
}

// The tokens of one article with the per-token facts every step needs.
class Doc {
 public:
  Doc(std::string_view text, const std::vector<Span>& sentences, const std::vector<Token>& tokens)
      : text_(text),
        tokens_(tokens),
        sentence_of_(tokens.size(), 0),
        flags_(tokens.size(), 0),
        sentence_end_(sentences.size()) {
    size_t s = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      while (s + 1 < sentences.size() && tokens[i].span.start >= sentences[s].end) ++s;
      sentence_of_[i] = static_cast<uint32_t>(s);
      const std::string_view tok = Tok(i);
      uint8_t f = 0;
      if (IsCapitalised(tok)) {
        f |= kCapitalFlag;
        capitalised_.push_back(static_cast<uint32_t>(i));
      }
      if (IsLowerWord(tok)) f |= kLowerFlag;
      if (tok.size() == 3 && (tok[0] | 0x20) == 't' && tok[1] == 'h' && tok[2] == 'e') {
        the_.push_back(static_cast<uint32_t>(i));
      }
      if (tok == "," || tok == "(") commas_.push_back(static_cast<uint32_t>(i));
      flags_[i] = f;
    }
    // Token index one past each sentence's last token.
    size_t t = 0;
    for (size_t k = 0; k < sentences.size(); ++k) {
      while (t < tokens.size() && sentence_of_[t] <= k) ++t;
      sentence_end_[k] = t;
    }
  }
  size_t size() const { return tokens_.size(); }
  // Per-token facts computed once (the passes below each scan every token).
  bool Capitalised(size_t i) const { return i < size() && (flags_[i] & kCapitalFlag) != 0; }
  bool LowerWord(size_t i) const { return i < size() && (flags_[i] & kLowerFlag) != 0; }
  // Ascending indices of the capitalised tokens, of "the"/"The", of "," and "(".
  const std::vector<uint32_t>& capitalised() const { return capitalised_; }
  const std::vector<uint32_t>& the() const { return the_; }
  const std::vector<uint32_t>& commas() const { return commas_; }
  std::string_view Tok(size_t i) const {
    if (i >= tokens_.size()) return {};
    return text_.substr(tokens_[i].byte_start, tokens_[i].byte_end - tokens_[i].byte_start);
  }
  // Lowercase ASCII form of token i (see AsciiLower); "" past the end.
  std::string_view Lower(size_t i, std::array<char, 32>* buf) const { return AsciiLower(Tok(i), buf); }
  bool LowerIs(size_t i, std::string_view w) const {
    std::array<char, 32> buf;
    return i < size() && Lower(i, &buf) == w;
  }
  size_t Sentence(size_t i) const { return sentence_of_[i]; }
  // One past the last token of token i's sentence.
  size_t SentenceEnd(size_t i) const {
    const size_t s = sentence_of_[i];
    return s < sentence_end_.size() ? sentence_end_[s] : tokens_.size();
  }
  bool SameSentence(size_t a, size_t b) const {
    return a < size() && b < size() && sentence_of_[a] == sentence_of_[b];
  }
  const Token& token(size_t i) const { return tokens_[i]; }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  const std::vector<Token>& tokens_;
  static constexpr uint8_t kCapitalFlag = 1;
  static constexpr uint8_t kLowerFlag = 2;
  std::vector<uint32_t> sentence_of_;
  std::vector<uint8_t> flags_;
  std::vector<uint32_t> capitalised_;
  std::vector<uint32_t> the_;
  std::vector<uint32_t> commas_;
  std::vector<size_t> sentence_end_;
};

// --------------------------------------------------------------- mentions

struct MentionInfo {
  size_t tb = 0;  // tokens [tb, te)
  size_t te = 0;
  size_t cluster = kNone;
};

class Linker {
 public:
  Linker(const Doc& doc, std::vector<EntityMention>* mentions)
      : doc_(doc), mentions_(*mentions), mention_at_(doc.size(), kNone) {}

  void Run();

 private:
  void MapMentions();
  void MarkCaptions();
  void TrimLeadingRole(size_t m);
  void MergeSplitNames();
  void ExtendMention(size_t m, size_t tb, size_t te);
  void FindRepeats();
  void UniteShortOrgNames();
  void FindNameRepeats();
  size_t AddMention(size_t tb, size_t te, Kind kind);
  void FindAliases();
  size_t AliasLeft(size_t punct, Kind* kind) const;
  size_t AliasRight(size_t r, Kind* kind) const;
  void BuildClusters();
  bool HonorificBefore(size_t m) const { return HonorificAt(m) != kNone; }
  size_t HonorificAt(size_t m) const;
  int HonorificGender(size_t m) const;
  void ReadCues();
  void ReadCuesAfter(size_t m);
  void AddRole(size_t m, size_t head_token);
  std::string_view OfficeQualifier(size_t k) const;
  void AddPost(size_t m, size_t begin, size_t limit);
  void Unite();
  void UniteVariants();
  void UnitePlurals();
  void UnitePartialNames();
  void UniteMistypedNames();
  void TypeOutlets();
  void TypeNonPersons();
  void UniteHonorificNames();
  void DecideTypes();
  void ResolveEpithets(std::vector<int>* place_hits);
  void NumberEntities();

  struct Description {
    size_t head = kNone;  // token of the head noun (or the age token)
    size_t end = kNone;   // one past the description's last token
    Kind kind = Kind::kOther;
    int age = -1;
    std::string head_word;  // lowercase
    bool relational = false;  // see Noun::relational
    bool counted = false;     // "of four" follows the head
  };
  Description ParseDescription(size_t begin, size_t limit) const;
  size_t ReferentOf(size_t i, const Description& d, size_t end, std::vector<bool>* excluded_roots,
                    std::vector<int>* place_hits) const;
  size_t Salient(size_t before, Kind kind, const std::vector<size_t>* allowed,
                 const std::vector<bool>& excluded, bool* seen = nullptr) const;
  size_t Dominant(size_t before, Kind kind, const std::vector<bool>& excluded) const;
  int DescriptionGender(const Description& d, size_t end) const;
  size_t TitleEnd(size_t end) const;
  int ObjectPronounGender(size_t end) const;
  size_t OfficeEnd(size_t end) const;
  // True when token t opens a relative clause withholding a name ("who
  // asked not to be named", "who spoke on condition of anonymity").
  bool WithheldName(size_t t) const;
  bool OrgDescriptionFits(std::string_view head, size_t root) const;

  size_t Find(size_t c) {
    while (parent_[c] != c) c = parent_[c] = parent_[parent_[c]];
    return c;
  }
  void Union(size_t a, size_t b);
  Kind RootKind(size_t root) const;
  // REQUIRES: DecideTypes() has run (roots are final).
  size_t MentionRoot(size_t m) const { return root_of_[info_[m].cluster]; }

  const Doc& doc_;
  std::vector<EntityMention>& mentions_;
  std::vector<MentionInfo> info_;
  std::vector<size_t> mention_at_;  // per token: mention covering it or kNone
  std::vector<bool> caption_;       // per token: on a photo caption or credit line
  std::vector<std::pair<size_t, size_t>> alias_pairs_;  // mention indices
  std::vector<size_t> acronym_of_;  // mentions followed by their acronym

  struct Cluster {
    std::vector<std::string> words;
    size_t mentions = 0;
    bool title_like = false;  // "The Kardashians" written mid-sentence
    bool honorific = false;   // one word after an honorific ("Ms Brisco")
  };
  std::vector<Cluster> clusters_;
  std::vector<size_t> parent_;
  std::vector<Votes> votes_;  // per root: tagger labels
  std::vector<Votes> cues_;   // per root: strong cues
  // Per root: contexts only a publication and a person share ("told X",
  // "in an interview with X", "X reported"); see TypeOutlets.
  std::vector<int> outlet_contexts_;
  // Per root: brand contexts ("X's campaign", "X collection"); see Run.
  std::vector<int> brand_contexts_;
  // Per root: contexts no person's name takes but a firm's does ("X, which
  // employs", "jobs at X"); see TypeNonPersons.
  std::vector<int> non_person_contexts_;
  // Per root, after DecideTypes: some name of it has two or more words.
  std::vector<bool> multi_word_;
  std::vector<Kind> kind_;    // per root, after DecideTypes
  std::vector<size_t> root_of_;  // per cluster, after DecideTypes

  // Declarations, per mention, resolved to roots after Unite().
  std::vector<std::pair<size_t, std::string>> roles_;  // (mention, head noun)
  std::vector<std::string> role_qualifiers_;            // per role: OfficeQualifier before its noun
  std::vector<std::pair<size_t, int>> ages_;            // (mention, age)
  std::vector<std::vector<std::string>> root_roles_;
  std::vector<std::vector<int>> root_ages_;
  // Occupations declared for a name ("X, a partner at ...", "accountant X"),
  // as field bits (OccupationFields), and per root their union after Unite().
  std::vector<std::pair<size_t, uint32_t>> posts_;  // (mention, fields)
  std::vector<uint32_t> root_fields_;
  // Per root after DecideTypes: +1 a man, -1 a woman, 0 unknown or mixed,
  // from first names, honorifics and gendered role nouns.
  std::vector<int> root_gender_;
  // Per root: the kinds of institution its names carry
  // (lexicons/org_kinds.txt: "Federation" -> union), sorted and unique.
  std::vector<std::vector<std::string_view>> root_org_kinds_;
  // Per root of an acronym never declared ("FTA"): the kinds of the name
  // whose initials it spells. They let a description of that kind refer to
  // it, but keep no business noun from it (it may be a mistyped firm's).
  std::vector<std::vector<std::string_view>> acronym_org_kinds_;
};

// Words of a caption line ("Photo: … (Agency / Name)"): the names there
// credit a picture; a description in the story does not refer to them.
void Linker::MarkCaptions() {
  caption_.assign(doc_.size(), false);
  const std::string_view text = doc_.text();
  std::array<char, 32> buf;
  size_t t = 0;
  while (t < doc_.size()) {
    // The tokens of t's line.
    const size_t line_start = text.rfind('\n', doc_.token(t).byte_start) + 1;  // npos + 1 == 0
    size_t line_end = text.find('\n', doc_.token(t).byte_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    size_t e = t;
    while (e < doc_.size() && doc_.token(e).byte_start < line_end) ++e;
    const bool first_on_line = doc_.token(t).byte_start == line_start ||
                               text.substr(line_start, doc_.token(t).byte_start - line_start)
                                       .find_first_not_of(" \t") == std::string_view::npos;
    if (first_on_line && t + 1 < e && lexicon::In(lexicon::kCaptionWords, doc_.Lower(t, &buf)) &&
        doc_.Tok(t + 1) == ":") {
      std::fill(caption_.begin() + static_cast<std::ptrdiff_t>(t), caption_.begin() + static_cast<std::ptrdiff_t>(e),
                true);
    }
    t = e;
  }
}

void Linker::MapMentions() {
  info_.resize(mentions_.size());
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const Span& sp = mentions_[m].span;
    size_t lo = 0;
    size_t hi = doc_.size();
    while (lo < hi) {  // first token starting at or after the mention
      const size_t mid = lo + (hi - lo) / 2;
      if (doc_.token(mid).span.start < sp.start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    const size_t tb = std::min(lo, doc_.size() - 1);
    size_t te = tb;
    while (te < doc_.size() && doc_.token(te).span.start < sp.end) ++te;
    info_[m].tb = tb;
    info_[m].te = std::max(te, std::min(tb + 1, doc_.size()));
    TrimLeadingRole(m);
  }
  MergeSplitNames();
  // "paid Gatewell Security £310,000" with only "Gatewell" tagged: a
  // capitalised word organisation names end in, right after a chunk, is the
  // rest of its name.
  {
    std::array<char, 32> buf;
    for (size_t m = 0; m < mentions_.size(); ++m) {
      size_t te = info_[m].te;
      const size_t next_start = m + 1 < mentions_.size() ? info_[m + 1].tb : doc_.size();
      while (te < next_start && doc_.SameSentence(te - 1, te) && IsCapitalised(doc_.Tok(te)) &&
             !IsPossessive(doc_.Tok(te - 1)) && OrgNameEnd(doc_.Lower(te, &buf))) {
        ++te;
      }
      if (te != info_[m].te) ExtendMention(m, info_[m].tb, te);
    }
  }
  // "chief executive Piers Ashdown-Reeve" with only the surname tagged: a
  // capitalised word between a person's role noun and a name is the first
  // word of that name (one the tagger reads as a common noun), and the role
  // makes it a person's.
  {
    std::array<char, 32> buf;
    std::array<char, 32> role_buf;
    for (size_t m = 0; m < mentions_.size(); ++m) {
      const size_t tb = info_[m].tb;
      if (tb < 2 || (m > 0 && info_[m - 1].te >= tb) || !doc_.SameSentence(tb - 2, tb)) continue;
      const std::string_view first = doc_.Tok(tb - 1);
      if (!IsCapitalised(first) || IsPossessive(first) || lexicon::In(lexicon::kStopWords, doc_.Lower(tb - 1, &buf)) ||
          lexicon::In(lexicon::kHonorifics, doc_.Lower(tb - 1, &buf)) || !IsLowerWord(doc_.Tok(tb - 2))) {
        continue;
      }
      const std::string_view role = doc_.Lower(tb - 2, &role_buf);
      const Noun* n = LookupNoun(role);
      const bool person_role = (n != nullptr && n->kind == Kind::kPerson && !n->relational) ||
                               lexicon::In(lexicon::kPersonNounsRoleHead, role);
      if (!person_role || LookupNoun(doc_.Lower(tb - 1, &buf)) != nullptr) continue;
      ExtendMention(m, tb - 1, info_[m].te);
      mentions_[m].type = "PERSON";
    }
  }
  // "Harwick Town have sacked their manager" tagged PERSON: a name of two or
  // more words ending in "Town", "City", "County" or "Borough" is no
  // person's, but a place or what is named after it (a club, a council).
  // Other place heads are common surnames ("Dale Hall", "Tom Bridge").
  // lexicons/place_words.txt, tag not_surname.
  {
    std::array<char, 32> buf;
    for (size_t m = 0; m < mentions_.size(); ++m) {
      if (mentions_[m].type != "PERSON" || info_[m].te < info_[m].tb + 2) continue;
      const std::string_view last = doc_.Lower(info_[m].te - 1, &buf);
      if (!IsCapitalised(doc_.Tok(info_[m].te - 1))) continue;
      if (lexicon::In(lexicon::kPlaceWordsNotSurname, last)) mentions_[m].type = "ORG";
    }
  }
  // "St Aldric's church hall", "Saint Brigid's school" with only the saint's
  // name tagged as a person: a saint's name in news names a church, a
  // school or a place, never a participant of the story.
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const size_t tb = info_[m].tb;
    if (mentions_[m].type != "PERSON" || tb == 0 || (m > 0 && info_[m - 1].te >= tb)) continue;
    size_t st = tb - 1;
    if (doc_.Tok(st) == "." && st > 0) --st;  // "St."
    const std::string_view w = doc_.Tok(st);
    if ((w != "St" && w != "Saint") || !doc_.SameSentence(st, tb)) continue;
    ExtendMention(m, st, info_[m].te);
    mentions_[m].type = "PLACE";
  }
  // "Pellmore Foods", "Aldercrest Launch Systems" tagged PERSON: a name of
  // two or more words ending in a word organisation names end in
  // (lexicons/org_suffixes.txt, tag name_end) is an organisation. So is
  // "Granmere Aggregates" tagged PLACE, by a trade no place is named for
  // (tag business; "West Bank", "Soviet Union" are places).
  std::array<char, 32> buf;
  for (size_t m = 0; m < mentions_.size(); ++m) {
    if (info_[m].te < info_[m].tb + 2) continue;
    const std::string_view last = doc_.Lower(info_[m].te - 1, &buf);
    if ((mentions_[m].type == "PERSON" && OrgNameEnd(last)) ||
        (mentions_[m].type == "PLACE" && lexicon::In(lexicon::kOrgSuffixesBusiness, last))) {
      mentions_[m].type = "ORG";
    }
  }
  for (size_t m = 0; m < mentions_.size(); ++m) {
    for (size_t t = info_[m].tb; t < info_[m].te; ++t) {
      if (mention_at_[t] == kNone) mention_at_[t] = m;
    }
  }
}

// "Big" "Moe" tagged as two PERSON names with nothing between them: one name
// the tagger split (B-PER B-PER); lists of people always have punctuation or
// "and" between the names. A line break between them ends a byline or a
// paragraph ("... | Sunil Varga" / "Casimir Orlen, the founder"): two names.
void Linker::MergeSplitNames() {
  const auto same_line = [this](size_t last_token, size_t next_token) {
    const size_t from = doc_.token(last_token).byte_end;
    const size_t to = doc_.token(next_token).byte_start;
    return doc_.text().substr(from, to - from).find('\n') == std::string_view::npos;
  };
  size_t out = 0;
  for (size_t m = 0; m < mentions_.size(); ++m) {
    if (out > 0 && info_[out - 1].te == info_[m].tb && mentions_[out - 1].type == "PERSON" &&
        mentions_[m].type == "PERSON" && same_line(info_[m].tb - 1, info_[m].tb)) {
      EntityMention& prev = mentions_[out - 1];
      info_[out - 1].te = info_[m].te;
      const size_t b = doc_.token(info_[out - 1].tb).byte_start;
      prev.text = std::string(doc_.text().substr(b, doc_.token(info_[m].te - 1).byte_end - b));
      prev.span.end = mentions_[m].span.end;
      continue;
    }
    if (out != m) {
      mentions_[out] = std::move(mentions_[m]);
      info_[out] = info_[m];
    }
    ++out;
  }
  mentions_.resize(out);
  info_.resize(out);
}

// Role nouns inside a tagged chunk, before the name ("Model Kendra Walsh",
// "Brackenford Mayor Jane Doe" even when tagged ORG): the name is what
// follows the last capitalised role noun, if one to three capitalised words
// do. The role itself is read as a declaration by ReadCues. Titles that are
// part of a name ("Queen Mary", "Pope Francis") stay.
void Linker::TrimLeadingRole(size_t m) {
  MentionInfo& mi = info_[m];
  std::array<char, 32> buf;
  size_t cut = kNone;
  for (size_t k = mi.tb; k + 1 < mi.te; ++k) {
    // "Goalkeeper Ann Lee", and "Acme goalkeeper Ann Lee" where the tagger
    // ran the club's name and the role into the name.
    if (!IsCapitalised(doc_.Tok(k)) && !(k > mi.tb && IsLowerWord(doc_.Tok(k)))) continue;
    const std::string_view lower = doc_.Lower(k, &buf);
    const Noun* n = LookupNoun(lower);
    if (n != nullptr && n->kind == Kind::kPerson && !lexicon::In(lexicon::kPersonNounsTitle, lower)) cut = k;
  }
  constexpr size_t kMaxNameWords = 3;  // "Jane Mary Doe"
  if (cut == kNone || mi.te - cut - 1 > kMaxNameWords) return;
  for (size_t t = cut + 1; t < mi.te; ++t) {
    if (!IsCapitalised(doc_.Tok(t))) return;
  }
  const bool person = mentions_[m].type == "PERSON";
  // "Queen Mary University": a non-person name may begin with a role noun.
  if (!person && cut == mi.tb) return;
  mi.tb = cut + 1;
  EntityMention& e = mentions_[m];
  const size_t b = doc_.token(mi.tb).byte_start;
  e.text = std::string(doc_.text().substr(b, doc_.token(mi.te - 1).byte_end - b));
  e.span.start = doc_.token(mi.tb).span.start;
  e.type = "PERSON";
}

// The one person whose name word `tok` is a one-letter variant of
// ("Doyel" of "Doyle"), kNone when none or several. Only words that keep
// the first byte: a typo in the first letter of a capitalised word is rare,
// and the filter keeps this cheap.
size_t VariantOwner(std::string_view tok,
                    const std::vector<std::pair<std::string_view, size_t>>& owners) {
  if (tok.size() < kMinVariantLetters) return kNone;
  const bool ascii = IsAscii(tok);
  size_t found = kNone;
  for (const auto& [word, root] : owners) {
    // One code point is at most 4 bytes longer.
    if (word[0] != tok[0] || word.size() + 4 < tok.size() || tok.size() + 4 < word.size()) continue;
    bool last_letter = false;
    const bool one_edit = ascii && word.size() + 1 >= tok.size() && tok.size() + 1 >= word.size()
                              ? OneEdit(tok, word, &last_letter)
                              : OneEdit(CodePoints(tok), CodePoints(word), &last_letter);
    if (!one_edit) continue;
    if (found != kNone && found != root) return kNone;
    found = root;
  }
  return found;
}

// Occurrences of a known name the tagger did not tag: a capitalised token
// equal to the first or last word of a multi-word name or to a one-word
// name of exactly one entity ("Grant" after "Oliver Grant"), or the plural
// of a person's surname ("the Smiths"). Skipped when the token is part of a
// longer capitalised run ("Grant Thornton"), is a month or weekday, or the
// article also uses the word in lower case ("Will", "will").
void Linker::FindRepeats() {
  // Word -> its entity's root, kNone when two entities share the word.
  std::unordered_map<std::string_view, size_t> owner;
  std::array<char, 32> buf;
  auto claim = [&](std::string_view word, size_t root) {
    auto [it, added] = owner.try_emplace(word, root);
    if (!added && it->second != root) it->second = kNone;
  };
  std::vector<std::pair<std::string_view, size_t>> short_forms;
  std::unordered_map<std::string_view, std::unordered_set<size_t>> short_form_roots;
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const size_t root = Find(info_[m].cluster);
    const Kind kind = RootKind(root);
    if (kind == Kind::kOther) continue;
    size_t first = kNone;
    size_t last = kNone;
    size_t words = 0;
    for (size_t t = info_[m].tb; t < info_[m].te; ++t) {
      const std::string_view tok = doc_.Tok(t);
      if (IsPossessive(tok) || !IsWord(tok) || !IsCapitalised(tok)) continue;
      if (first == kNone) first = t;
      last = t;
      ++words;
    }
    if (words == 0 || lexicon::In(lexicon::kTimeWordsCalendar, doc_.Lower(first, &buf)) ||
        lexicon::In(lexicon::kHonorifics, doc_.Lower(first, &buf))) {
      continue;
    }
    if (words == 1) {
      claim(doc_.Tok(first), root);
    } else if (kind == Kind::kPerson) {
      claim(doc_.Tok(first), root);
      claim(doc_.Tok(last), root);
    } else if (kind == Kind::kOrg && OrgNameEnd(doc_.Lower(last, &buf))) {
      short_forms.push_back({doc_.Tok(first), root});  // "Pellmore" of "Pellmore Foods"
    }
  }
  // A short form yields to a one-word name written as such ("Ashcombe" the
  // club beside "Ashcombe Supporters' Trust").
  for (const auto& [word, root] : short_forms) {
    std::unordered_set<size_t>& roots = short_form_roots[word];
    roots.insert(root);
    if (!owner.contains(word) || roots.size() > 1) owner[word] = roots.size() > 1 ? kNone : root;
  }
  if (owner.empty()) return;
  size_t min_len = std::string::npos;
  size_t max_len = 0;
  std::vector<std::pair<std::string_view, size_t>> variant_owners;
  for (const auto& [word, root] : owner) {
    min_len = std::min(min_len, word.size());
    max_len = std::max(max_len, word.size() + 1);  // + 1: the plural or a variant
    if (root != kNone && word.size() >= kMinVariantLetters && RootKind(root) == Kind::kPerson) {
      variant_owners.push_back({word, root});
    }
  }
  std::vector<size_t> hits;
  std::vector<size_t> hit_roots;
  std::vector<bool> hit_plural;
  for (const size_t t : doc_.capitalised()) {
    if (mention_at_[t] != kNone) continue;
    const std::string_view tok = doc_.Tok(t);
    if (!doc_.Capitalised(t) || tok.size() < std::max<size_t>(min_len, 2) || tok.size() > max_len) {
      continue;
    }
    auto it = owner.find(tok);
    bool is_plural = false;
    if (it == owner.end() && tok.back() == 's') {
      it = owner.find(tok.substr(0, tok.size() - 1));
      is_plural = it != owner.end();
    }
    size_t root = it == owner.end() ? kNone : it->second;
    if (it == owner.end()) root = VariantOwner(tok, variant_owners);
    if (root == kNone) continue;
    if (is_plural && RootKind(root) != Kind::kPerson) continue;
    const bool sentence_start = t == 0 || !doc_.SameSentence(t - 1, t);
    if (!sentence_start) {
      const std::string_view prev = doc_.Tok(t - 1);
      const bool prev_start = t - 1 == 0 || !doc_.SameSentence(t - 2, t - 1);
      if (mention_at_[t - 1] != kNone) continue;
      if (IsWord(prev) && IsCapitalised(prev) && !prev_start) continue;
      // "The Smiths" in mid-sentence: a title.
      if (is_plural && prev == "The") continue;
    }
    // ... and so is a plural closing a quoted title ("Life with the Smiths").
    if (is_plural && t + 1 < doc_.size() && IsQuoteMark(doc_.Tok(t + 1))) continue;
    if (t + 1 < doc_.size() && doc_.SameSentence(t, t + 1) && IsWord(doc_.Tok(t + 1)) &&
        IsCapitalised(doc_.Tok(t + 1))) {
      continue;
    }
    hits.push_back(t);
    hit_roots.push_back(root);
    hit_plural.push_back(is_plural);
  }
  if (hits.empty()) return;
  // Words the article also writes in lower case are ordinary words; so is
  // a plural whose singular it writes so ("Banks have closed" beside "the
  // bank").
  std::vector<std::string> lower_forms;
  std::vector<std::string> singular_forms;
  for (size_t h = 0; h < hits.size(); ++h) {
    lower_forms.push_back(Lowercase(doc_.Tok(hits[h])));
    singular_forms.push_back(hit_plural[h] ? lower_forms.back().substr(0, lower_forms.back().size() - 1) : "");
  }
  std::vector<bool> common(hits.size(), false);
  size_t shortest = std::string::npos;
  size_t longest = 0;
  for (const std::string& w : lower_forms) {
    shortest = std::min(shortest, w.size() - (w.ends_with('s') ? 1 : 0));
    longest = std::max(longest, w.size());
  }
  for (size_t t = 0; t < doc_.size(); ++t) {
    const std::string_view tok = doc_.Tok(t);
    if (!doc_.LowerWord(t) || tok.size() < shortest || tok.size() > longest) continue;
    for (size_t h = 0; h < hits.size(); ++h) {
      if (!common[h] && (tok == lower_forms[h] || (!singular_forms[h].empty() && tok == singular_forms[h]))) {
        common[h] = true;
      }
    }
  }
  for (size_t h = 0; h < hits.size(); ++h) {
    if (common[h]) continue;
    const size_t m = AddMention(hits[h], hits[h] + 1, RootKind(hit_roots[h]));
    info_[m].cluster = hit_roots[h];
  }
}

// A name of two or more words written again where the tagger missed it
// ("Acme Motors' shares fell" after "Acme Motors said"): the same words, not
// run on by another capitalised word, join the name's entity. FindRepeats
// covers one-word names and people's first and last names.
void Linker::FindNameRepeats() {
  struct Name {
    size_t tb, te, root;
  };
  std::unordered_map<std::string_view, std::vector<Name>> by_first;
  for (size_t m = 0; m < mentions_.size(); ++m) {
    size_t tb = info_[m].tb;
    size_t te = info_[m].te;
    while (te > tb && IsPossessive(doc_.Tok(te - 1))) --te;
    if (te - tb < 2 || !IsCapitalised(doc_.Tok(tb)) || !IsCapitalised(doc_.Tok(te - 1))) continue;
    const size_t root = Find(info_[m].cluster);
    if (RootKind(root) == Kind::kOther) continue;
    std::vector<Name>& names = by_first[doc_.Tok(tb)];
    const bool known = std::any_of(names.begin(), names.end(), [&](const Name& n) {
      if (n.te - n.tb != te - tb) return false;
      for (size_t k = 0; k < te - tb; ++k) {
        if (doc_.Tok(n.tb + k) != doc_.Tok(tb + k)) return false;
      }
      return true;
    });
    if (!known) names.push_back({tb, te, root});
  }
  if (by_first.empty()) return;
  for (const size_t t : doc_.capitalised()) {
    if (mention_at_[t] != kNone) continue;
    auto it = by_first.find(doc_.Tok(t));
    if (it == by_first.end()) continue;
    // "New Acme Motors": a longer name that starts before this one.
    if (t > 0 && doc_.SameSentence(t - 1, t) && IsWord(doc_.Tok(t - 1)) && IsCapitalised(doc_.Tok(t - 1)) &&
        doc_.Capitalised(t)) {
      continue;
    }
    for (const Name& n : it->second) {
      const size_t len = n.te - n.tb;
      const size_t te = t + len;
      if (te > doc_.size() || !doc_.SameSentence(t, te - 1)) continue;
      bool same = true;
      for (size_t k = 1; k < len && same; ++k) {
        same = mention_at_[t + k] == kNone && doc_.Tok(t + k) == doc_.Tok(n.tb + k);
      }
      if (!same) continue;
      if (te < doc_.size() && doc_.SameSentence(t, te) && IsWord(doc_.Tok(te)) && IsCapitalised(doc_.Tok(te))) {
        continue;  // "Acme Motors Finance": another name
      }
      const size_t m = AddMention(t, te, RootKind(n.root));
      info_[m].cluster = n.root;
      break;
    }
  }
}

// Widens mention m to tokens [tb, te) (which contain it).
void Linker::ExtendMention(size_t m, size_t tb, size_t te) {
  info_[m].tb = tb;
  info_[m].te = te;
  EntityMention& e = mentions_[m];
  const size_t b = doc_.token(tb).byte_start;
  e.text = std::string(doc_.text().substr(b, doc_.token(te - 1).byte_end - b));
  e.span = {doc_.token(tb).span.start, doc_.token(te - 1).span.end};
  for (size_t t = tb; t < te; ++t) mention_at_[t] = m;
}

size_t Linker::AddMention(size_t tb, size_t te, Kind kind) {
  EntityMention m;
  m.span = {doc_.token(tb).span.start, doc_.token(te - 1).span.end};
  const size_t b = doc_.token(tb).byte_start;
  m.text = std::string(doc_.text().substr(b, doc_.token(te - 1).byte_end - b));
  m.type = std::string(TypeName(kind));
  mentions_.push_back(std::move(m));
  info_.push_back({tb, te, kNone});
  for (size_t t = tb; t < te; ++t) mention_at_[t] = mentions_.size() - 1;
  return mentions_.size() - 1;
}

// ------------------------------------------------------------------ aliases

// The name ending just before token `punct` ("Ye" in "Ye, formerly ..."):
// an existing mention, or a new one over the capitalised words there.
size_t Linker::AliasLeft(size_t punct, Kind* kind) const {
  if (punct == 0) return kNone;
  const size_t last = punct - 1;
  if (mention_at_[last] != kNone && info_[mention_at_[last]].te == punct) {
    *kind = KindOf(mentions_[mention_at_[last]].type);
    return mention_at_[last];
  }
  return kNone;
}

size_t Linker::AliasRight(size_t r, Kind* kind) const {
  if (r >= doc_.size() || mention_at_[r] == kNone || info_[mention_at_[r]].tb != r) return kNone;
  *kind = KindOf(mentions_[mention_at_[r]].type);
  return mention_at_[r];
}

// "Business Council (BC)": a name spelled out, then its acronym.
bool IsAcronymOf(std::string_view acronym, std::string_view name) {
  if (acronym.size() < 2 || acronym.size() > 8 || name.empty() || acronym[0] != name[0]) return false;
  size_t upper = 0;
  for (char c : acronym) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '&' || c == '.')) return false;
    upper += c >= 'A' && c <= 'Z';
  }
  return upper >= 2 && upper * 2 >= acronym.size();
}

void Linker::FindAliases() {
  std::array<char, 32> buf;
  for (const size_t c : doc_.commas()) {
    if (c == 0 || c + 1 >= doc_.size()) continue;
    const std::string_view p = doc_.Tok(c);
    if (p == "(" && c + 2 < doc_.size() && doc_.Tok(c + 2) == ")" && doc_.SameSentence(c, c + 2)) {
      Kind kind = Kind::kOrg;
      const size_t left = AliasLeft(c, &kind);
      if (left != kNone && info_[left].te - info_[left].tb > 1 &&
          IsAcronymOf(doc_.Tok(c + 1), mentions_[left].text)) {
        size_t right = AliasRight(c + 1, &kind);
        if (right == kNone) right = AddMention(c + 1, c + 2, Kind::kOrg);
        alias_pairs_.push_back({left, right});
        acronym_of_.push_back(left);
        continue;
      }
    }
    size_t r = kNone;
    bool born = false;
    std::array<char, 32> first_buf;
    const std::string_view first = doc_.Lower(c + 1, &first_buf);
    if (first.empty() || !IsLowerWord(first)) continue;
    // The longest alias cue (lexicons/alias_cues.txt) that the words after
    // the punctuation spell: "formerly known as" before "formerly".
    size_t cue_words = 0;
    for (std::string_view cue : lexicon::kAliasCues) {
      if (cue.substr(0, cue.find(' ')) != first) continue;
      size_t k = c + 1;
      bool ok = true;
      for (size_t b = 0; ok && b < cue.size(); ++k) {
        const size_t e = std::min(cue.find(' ', b), cue.size());
        ok = doc_.SameSentence(c, k) && doc_.Lower(k, &buf) == cue.substr(b, e - b);
        b = e + 1;
      }
      if (ok && k - (c + 1) > cue_words) {
        cue_words = k - (c + 1);
        r = k;
        born = first == "born" || first == "née" || first == "nee";
      }
    }
    if (r == kNone || !doc_.SameSentence(c, r) || !IsCapitalised(doc_.Tok(r))) continue;
    // "born January 5", "born Monday": a date, not a birth name.
    if (born && lexicon::In(lexicon::kTimeWordsCalendar, doc_.Lower(r, &buf))) continue;
    Kind left_kind = Kind::kPerson;
    Kind right_kind = Kind::kPerson;
    size_t left = AliasLeft(c, &left_kind);
    size_t right = AliasRight(r, &right_kind);
    if (left == kNone) {
      // Capitalised words before the punctuation, without a leading "The"
      // or role noun ("Rapper Ye, formerly ...").
      size_t b = c;
      while (b > 0 && c - b < kMaxAliasWords && doc_.SameSentence(b - 1, c) &&
             mention_at_[b - 1] == kNone && IsCapitalised(doc_.Tok(b - 1))) {
        --b;
      }
      while (b < c && (doc_.LowerIs(b, "the") || LookupNoun(doc_.Lower(b, &buf)) != nullptr)) ++b;
      if (b == c) continue;
      if (right != kNone) left_kind = right_kind;
      left = AddMention(b, c, left_kind);
    }
    if (right == kNone) {
      size_t e = r;
      size_t inside = kNone;  // a mention the tagger cut short ("Big" O, "Moe" B-PER)
      while (e < doc_.size() && e - r < kMaxAliasWords && doc_.SameSentence(r, e) &&
             doc_.Capitalised(e)) {
        if (mention_at_[e] != kNone) {
          inside = mention_at_[e];
          e = std::max(e + 1, info_[inside].te);
          break;
        }
        ++e;
      }
      if (e == r) continue;
      if (inside != kNone) {
        right = inside;
        ExtendMention(inside, r, e);
      } else {
        right = AddMention(r, e, KindOf(mentions_[left].type));
      }
    }
    if (left != right) alias_pairs_.push_back({left, right});
  }
}

// ----------------------------------------------------------------- clusters

void Linker::BuildClusters() {
  std::unordered_map<std::string, size_t> by_key;
  std::array<char, 32> buf;
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const MentionInfo& mi = info_[m];
    std::vector<std::string> words;
    for (size_t t = mi.tb; t < mi.te; ++t) {
      const std::string_view tok = doc_.Tok(t);
      if (IsPossessive(tok) || !IsWord(tok)) continue;
      if (words.empty() && lexicon::In(lexicon::kHonorifics, doc_.Lower(t, &buf))) continue;
      words.push_back(Lowercase(tok));
    }
    if (words.empty()) words.push_back(Lowercase(mentions_[m].text));
    // "The Kardashians" in mid-sentence is a title: keep it apart from the
    // plural of a family name.
    const bool title_like = mi.tb > 0 && doc_.Tok(mi.tb - 1) == "The" &&
                            doc_.SameSentence(mi.tb - 1, mi.tb) &&
                            (mi.tb - 1 > 0 && doc_.SameSentence(mi.tb - 2, mi.tb - 1));
    std::string key = title_like ? "the" : "";
    // "Ms Brisco" beside "Brisco" the firm her family founded: a surname
    // after an honorific starts a cluster of its own, which
    // UniteHonorificNames joins to the bare name unless that is a firm's.
    const bool honorific = words.size() == 1 && !title_like && HonorificBefore(m);
    if (honorific) key = "\x01";
    for (const std::string& w : words) {
      if (!key.empty() && key != "\x01") key += ' ';
      key += w;
    }
    auto [it, added] = by_key.try_emplace(std::move(key), clusters_.size());
    if (added) {
      clusters_.push_back({std::move(words), 0, title_like, honorific});
      votes_.push_back({});
      cues_.push_back({});
      outlet_contexts_.push_back(0);
      brand_contexts_.push_back(0);
      non_person_contexts_.push_back(0);
    }
    info_[m].cluster = it->second;
    ++clusters_[it->second].mentions;
    ++votes_[it->second][static_cast<size_t>(KindOf(mentions_[m].type))];
  }
  parent_.resize(clusters_.size());
  for (size_t c = 0; c < parent_.size(); ++c) parent_[c] = c;
}

// The honorific mention m opens with or follows ("Ms Brisco", "Mr. Lowe"
// with the honorific outside the tagger's chunk): its token, else kNone.
size_t Linker::HonorificAt(size_t m) const {
  std::array<char, 32> buf;
  const MentionInfo& mi = info_[m];
  if (lexicon::In(lexicon::kHonorifics, doc_.Lower(mi.tb, &buf))) return mi.tb;
  size_t p = mi.tb;
  if (p > 0 && doc_.Tok(p - 1) == "." && doc_.SameSentence(p - 1, p)) --p;
  const bool before = p > 0 && doc_.SameSentence(p - 1, mi.tb) && mention_at_[p - 1] == kNone &&
                      lexicon::In(lexicon::kHonorifics, doc_.Lower(p - 1, &buf));
  return before ? p - 1 : kNone;
}

// The gender the honorific before mention m gives ("Mr" +1, "Mrs" -1,
// lexicons/gender_words.txt); 0 with none.
int Linker::HonorificGender(size_t m) const {
  const size_t h = info_[m].cluster == kNone ? kNone : HonorificAt(m);
  if (h == kNone) return 0;
  std::array<char, 32> buf;
  std::string_view w = doc_.Lower(h, &buf);
  if (w.ends_with('.')) w.remove_suffix(1);
  return WordGender(w);
}

void Linker::Union(size_t a, size_t b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return;
  // The root keeps the earlier cluster, so ids stay stable and cheap.
  if (b < a) std::swap(a, b);
  parent_[b] = a;
  for (size_t k = 0; k < kKinds; ++k) {
    votes_[a][k] += votes_[b][k];
    cues_[a][k] += cues_[b][k];
  }
  outlet_contexts_[a] += outlet_contexts_[b];
  brand_contexts_[a] += brand_contexts_[b];
  non_person_contexts_[a] += non_person_contexts_[b];
}

Kind Linker::RootKind(size_t root) const {
  size_t best = 0;
  int best_score = -1;
  for (size_t k = 0; k < kKinds; ++k) {
    const int score = cues_[root][k] * kCueWeight + votes_[root][k];
    if (score > best_score) {
      best = k;
      best_score = score;
    }
  }
  return static_cast<Kind>(best);
}

// --------------------------------------------------------------------- cues

// Parses a description starting at token `begin` (after "the", "a", "an"):
// an optional quoted title, up to kMaxModifiers words, and the rightmost
// lowercase lexicon noun among them as head; failing a noun, an age token
// ("the 42-year-old") is the head. `limit` is one past the last usable token.
Linker::Description Linker::ParseDescription(size_t begin, size_t limit) const {
  Description d;
  std::array<char, 32> buf;
  size_t j = begin;
  if (j < limit && IsQuoteMark(doc_.Tok(j))) {
    size_t close = j + 1;
    while (close < limit && close - j <= kMaxTitleTokens && !IsQuoteMark(doc_.Tok(close))) ++close;
    if (close >= limit || close - j > kMaxTitleTokens || close == j + 1) return d;
    j = close + 1;
  }
  size_t age_token = kNone;
  const Noun* head = nullptr;
  for (size_t k = j; k < limit && k - j < kMaxModifiers; ++k) {
    const std::string_view tok = doc_.Tok(k);
    if (!IsWord(tok)) break;
    const std::string_view lower = doc_.Lower(k, &buf);
    if (lower.empty() || lexicon::In(lexicon::kStopWords, lower)) break;
    const int age = AgeToken(lower);
    if (age > 0) {
      d.age = age;
      age_token = k;
      continue;
    }
    if (!IsLowerWord(tok)) continue;
    // "the reality star posed alongside her sister": a verb or adverb after
    // a head noun ends the description there ("the champion turned actress"
    // goes on: a change of role).
    if (head != nullptr && lower != "turned" && EndsNounPhrase(lower)) break;
    const Noun* n = LookupNoun(lower);
    if (n == nullptr || (n->needs_modifier && k == begin)) continue;
    head = n;
    d.head = k;
    d.kind = n->kind;
    d.relational = n->relational;
    d.head_word = std::string(lower);
  }
  // "the televised startup contest": a lowercase word after the head that
  // is not a verb or adverb continues the noun phrase, so the lexicon noun
  // was a modifier.
  if (head != nullptr && d.head + 1 < limit && IsLowerWord(doc_.Tok(d.head + 1))) {
    const std::string_view next = doc_.Lower(d.head + 1, &buf);
    if (!next.empty() && !lexicon::In(lexicon::kStopWords, next) && !EndsNounPhrase(next)) return Description{};
  }
  if (head == nullptr) {
    if (age_token == kNone) return d;
    d.head = age_token;
    d.kind = Kind::kPerson;
  } else if (d.age > 0 && d.kind != Kind::kPerson) {
    d.age = -1;  // "the 100-year-old company" is not a person's age
  }
  d.end = d.head + 1;
  // "the mother of four"
  if (doc_.LowerIs(d.end, "of") && d.end + 1 < limit) {
    const std::string_view n = doc_.Lower(d.end + 1, &buf);
    if (SmallNumber(n) > 0 || lexicon::In(lexicon::kNumberWords, n)) {
      d.end += 2;
      d.counted = true;
    }
  }
  return d;
}

void Linker::AddRole(size_t m, size_t head_token) {
  std::array<char, 32> buf;
  const std::string_view lower = doc_.Lower(head_token, &buf);
  const Noun* n = LookupNoun(lower);
  if (n == nullptr) return;
  roles_.push_back({m, std::string(lower)});
  role_qualifiers_.push_back(head_token > 0 && doc_.SameSentence(head_token - 1, head_token)
                                 ? std::string(OfficeQualifier(head_token - 1))
                                 : std::string());
  ++cues_[info_[m].cluster][static_cast<size_t>(n->kind)];
}

// The word at token `k` when it makes the role noun after it another office
// ("deputy", "vice", "assistant": a deputy mayor is not the mayor) or a past
// one ("former", "ex"), lowercase; "" otherwise.
std::string_view Linker::OfficeQualifier(size_t k) const {
  std::array<char, 32> buf;
  const std::string_view w = doc_.Lower(k, &buf);
  if (w == "former") return "former";
  if (w == "ex") return "ex";
  for (const std::string_view rank : lexicon::kRoleModifiersRank) {
    if (w == rank) return rank;
  }
  return {};
}

// Records the occupation of the noun phrase declared for mention m that
// starts at token `begin` ("a senior partner at ...", "the club's striker"):
// the rightmost noun of a field before the phrase ends, past a possessor.
void Linker::AddPost(size_t m, size_t begin, size_t limit) {
  std::array<char, 32> buf;
  uint32_t fields = 0;
  size_t words = 0;
  for (size_t k = begin; k < limit && words < kMaxModifiers; ++k) {
    const std::string_view tok = doc_.Tok(k);
    if (IsPossessive(tok)) {
      fields = 0;  // "the firm's auditor": what follows is the post
      words = 0;
      continue;
    }
    if (!IsWord(tok)) break;
    const std::string_view lower = doc_.Lower(k, &buf);
    if (lower.empty() || lexicon::In(lexicon::kStopWords, lower)) break;
    if (fields != 0 && EndsNounPhrase(lower)) break;
    ++words;
    const uint32_t f = OccupationFields(lower);
    if (f != 0) fields = f;
  }
  if (fields != 0) posts_.push_back({m, fields});
}

// Whether lowercase `w` is a noun for a settlement or an area of a country
// (lexicons/place_words.txt, tag settlement), plural only with
// `plural_only` ("the villages X and Y"; "the village X" is rare, "the
// village of X" usual).
bool SettlementNoun(std::string_view w, bool plural_only) {
  if (w.size() < 2 || w.back() != 's') return !plural_only && lexicon::In(lexicon::kPlaceWordsSettlement, w);
  std::string singular(w.substr(0, w.size() - 1));
  if (singular.ends_with("ie")) singular.replace(singular.size() - 2, 2, "y");  // "cities"
  return lexicon::In(lexicon::kPlaceWordsSettlement, singular);
}

void Linker::ReadCues() {
  std::array<char, 32> buf;
  std::vector<bool> listed_org(mentions_.size(), false);
  std::vector<bool> listed_place(mentions_.size(), false);
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const MentionInfo& mi = info_[m];
    Votes& cue = cues_[mi.cluster];
    if (lexicon::In(lexicon::kHonorifics, doc_.Lower(mi.tb, &buf))) ++cue[static_cast<size_t>(Kind::kPerson)];
    if (mi.tb == 0 || !doc_.SameSentence(mi.tb - 1, mi.tb)) {
      ReadCuesAfter(m);
      continue;
    }
    const size_t p = mi.tb - 1;
    const std::string_view before = doc_.Lower(p, &buf);
    // "the 2021 thriller "The Glass Orchard"": a work's noun before its
    // quoted title.
    {
      size_t q = p;
      if (doc_.Tok(q) == "The" && q > 0 && doc_.SameSentence(q - 1, q)) --q;  // the title's own article
      if (mention_at_[q] == kNone && IsQuoteMark(doc_.Tok(q)) && q > 0 && doc_.SameSentence(q - 1, q) &&
          mention_at_[q - 1] == kNone) {
        std::array<char, 32> work_buf;
        const Noun* n = LookupNoun(doc_.Lower(q - 1, &work_buf));
        if (n != nullptr && n->kind == Kind::kWork) AddRole(m, q - 1);
      }
    }
    if (mention_at_[p] == kNone) {
      if (lexicon::In(lexicon::kHonorifics, before)) ++cue[static_cast<size_t>(Kind::kPerson)];
      const int age = AgeToken(before);
      if (age > 0) {
        ages_.push_back({m, age});
        ++cue[static_cast<size_t>(Kind::kPerson)];
      }
      // "actress Jane Doe", "fashion house Acme", "Rapper Ye"
      if (const uint32_t f = OccupationFields(before); f != 0) posts_.push_back({m, f});
      const Noun* n = LookupNoun(before);
      if (n != nullptr && (!n->needs_modifier || (p > 0 && IsWord(doc_.Tok(p - 1))))) AddRole(m, p);
    }
    // "its headteacher, Gwenllian Parry, who ...": a person noun owned by
    // a determiner or possessor, then the name set off as its apposition.
    if (before == "," && p >= 2 && mention_at_[p - 1] == kNone && doc_.SameSentence(p - 2, p)) {
      std::array<char, 32> role_buf, owner_buf;
      const std::string_view role = doc_.Lower(p - 1, &role_buf);
      const Noun* n = LookupNoun(role);
      const bool person_role =
          (n != nullptr && n->kind == Kind::kPerson) || lexicon::In(lexicon::kPersonNounsRoleHead, role);
      const std::string_view owner = doc_.Lower(p - 2, &owner_buf);
      const bool owned = IsPossessive(doc_.Tok(p - 2)) || lexicon::In(lexicon::kDeterminersOwner, owner);
      const bool closed = mi.te >= doc_.size() || !doc_.SameSentence(mi.tb, mi.te) ||
                          IsClauseMark(doc_.Tok(mi.te)) || doc_.Tok(mi.te) == ".";
      if (person_role && owned && closed) {
        if (n != nullptr) {
          AddRole(m, p - 1);
        } else {
          ++cue[static_cast<size_t>(Kind::kPerson)];
        }
      }
    }
    // "brands like Acme and Beta", "companies such as Acme"
    size_t q = p;
    if (before == "as" && q > 0 && doc_.LowerIs(q - 1, "such")) --q;
    if ((before == "like" || before == "including" || before == "as") && q > 0) {
      // Its own buffer: `before` still points into `buf`.
      std::array<char, 32> plural_buf;
      const std::string_view plural = doc_.Lower(q - 1, &plural_buf);
      if (plural.size() > 1 && plural.back() == 's') {
        std::string singular(plural.substr(0, plural.size() - 1));
        if (singular.size() > 2 && singular.ends_with("ie")) {
          singular.replace(singular.size() - 2, 2, "y");  // "companies"
        }
        const Noun* n = LookupNoun(singular);
        if (n != nullptr && n->kind == Kind::kOrg) listed_org[m] = true;
      }
    } else if ((before == "and" || before == ",") && p > 0 && mention_at_[p - 1] != kNone &&
               listed_org[mention_at_[p - 1]]) {
      listed_org[m] = true;
    }
    if (listed_org[m]) ++cue[static_cast<size_t>(Kind::kOrg)];
    // "the villages Kavouhi and Zinabieh", "the province of Hormozgan": a
    // name a settlement noun introduces is a place, and so is the next of
    // a list it introduces. (Not "state" or "country": "state Senate",
    // "country singer".)
    std::array<char, 32> noun_buf;
    if (mention_at_[p] == kNone && (SettlementNoun(before, true) ||
                                    (before == "of" && p > 0 && mention_at_[p - 1] == kNone &&
                                     doc_.SameSentence(p - 1, p) &&
                                     SettlementNoun(doc_.Lower(p - 1, &noun_buf), false)))) {
      listed_place[m] = true;
    } else if ((before == "and" || before == ",") && p > 0 && mention_at_[p - 1] != kNone &&
               listed_place[mention_at_[p - 1]]) {
      listed_place[m] = true;
    }
    if (listed_place[m]) ++cue[static_cast<size_t>(Kind::kPlace)];
    // "told Vogue", "in an interview with Vogue", "speaking to Vogue"
    if (before == "told" ||
        (before == "with" && p > 0 && doc_.LowerIs(p - 1, "interview")) ||
        (before == "to" && p > 0 && doc_.LowerIs(p - 1, "speaking"))) {
      ++outlet_contexts_[mi.cluster];
    }
    // "jobs at Acme", "540 jobs are set to go at Acme", "bosses at Acme": a
    // workplace noun earlier in the clause; people are not worked at.
    // The name must end its noun phrase: in "workers at Carrowgate tech firm
    // Lumetra" it is a place modifying the firm.
    std::array<char, 32> after_buf;
    const bool phrase_ends = mi.te >= doc_.size() || !doc_.SameSentence(mi.tb, mi.te) ||
                             !IsWord(doc_.Tok(mi.te)) || IsPossessive(doc_.Tok(mi.te)) ||
                             lexicon::In(lexicon::kStopWords, doc_.Lower(mi.te, &after_buf));
    if (before == "at" && phrase_ends) {
      for (size_t k = p; k > 0 && k + kAtNounWindow > p && doc_.SameSentence(k - 1, p); --k) {
        if (mention_at_[k - 1] != kNone || IsClauseMark(doc_.Tok(k - 1))) break;
        std::array<char, 32> noun_buf;
        if (lexicon::In(lexicon::kPossessedNounsAt, doc_.Lower(k - 1, &noun_buf))) {
          ++non_person_contexts_[mi.cluster];
          break;
        }
      }
    }
    // "the chief executive of Acme", "founder of Acme"
    if (before == "of" && p > 0 && mention_at_[p - 1] == kNone) {
      std::array<char, 32> role_buf;
      const std::string_view owner_noun = doc_.Lower(p - 1, &role_buf);
      if (lexicon::In(lexicon::kPossessedNounsOrg, owner_noun)) ++cue[static_cast<size_t>(Kind::kOrg)];
      // "the season finale of X", "an episode of X": a show.
      if (lexicon::In(lexicon::kWorkWordsPart, owner_noun)) ++cue[static_cast<size_t>(Kind::kWork)];
    }
    if (std::find(acronym_of_.begin(), acronym_of_.end(), m) != acronym_of_.end()) {
      ++cue[static_cast<size_t>(Kind::kOrg)];
    }
    ReadCuesAfter(m);
  }
}

// Cues after a name: "X's husband", "X, the actress", "X, 42,", "X is a
// rapper", "X, who is the chairman", "X said she".
void Linker::ReadCuesAfter(size_t m) {
  std::array<char, 32> buf;
  const MentionInfo& mi = info_[m];
  Votes& cue = cues_[mi.cluster];
  const size_t q = mi.te;
  if (q >= doc_.size() || !doc_.SameSentence(q, mi.tb)) return;
  const size_t limit = doc_.SentenceEnd(q);
  const std::string_view next = doc_.Tok(q);
  if (IsPossessive(next) && q + 1 < limit) {
    size_t k = q + 1;
    if (lexicon::In(lexicon::kOwnedModifiers, doc_.Lower(k, &buf)) && k + 1 < limit) ++k;
    // "Hallowmere's project director", "Dale's second wife": one more
    // lower-case word before an owned noun ("campaign director" excepted:
    // a politician's).
    if (k + 1 < limit && IsLowerWord(doc_.Tok(k)) && IsLowerWord(doc_.Tok(k + 1))) {
      std::array<char, 32> next_buf;
      const std::string_view word = doc_.Lower(k, &buf);
      const std::string_view noun = doc_.Lower(k + 1, &next_buf);
      const bool owned_noun =
          lexicon::In(lexicon::kPossessedNounsOrg, noun) || lexicon::In(lexicon::kPossessedNounsPerson, noun);
      if (owned_noun && !lexicon::In(lexicon::kPossessedNouns, word)) ++k;
    }
    const std::string_view owned = doc_.Lower(k, &buf);
    if (lexicon::In(lexicon::kPossessedNounsOrg, owned)) ++cue[static_cast<size_t>(Kind::kOrg)];
    if (lexicon::In(lexicon::kPossessedNounsPerson, owned)) ++cue[static_cast<size_t>(Kind::kPerson)];
    if (lexicon::In(lexicon::kPossessedNounsBrand, owned) || (owned == "ad" && doc_.LowerIs(k + 1, "campaign"))) {
      ++brand_contexts_[mi.cluster];
    }
    return;
  }
  // "the Acme campaign", "Acme ads"
  if (IsLowerWord(next) && lexicon::In(lexicon::kPossessedNounsBrand, doc_.Lower(q, &buf))) {
    ++brand_contexts_[mi.cluster];
  }
  // "Acme plc", "Acme Ltd" with the legal form left out of the chunk, and
  // "Acme shareholders", "Acme workers": what only a firm's name precedes.
  // Legal forms are capitalised but for "plc", which British style writes
  // in lower case ("limited" in lower case is a verb).
  const bool legal = (IsCapitalised(next) && lexicon::In(lexicon::kOrgSuffixesLegal, doc_.Lower(q, &buf))) ||
                     next == "plc";
  if (legal || (IsLowerWord(next) && lexicon::In(lexicon::kPossessedNounsAttributive, doc_.Lower(q, &buf)))) {
    ++cue[static_cast<size_t>(Kind::kOrg)];
    return;
  }
  // "Acme, which employs 400 people", "Acme, owned by Brill": no person is
  // a "which", nor owned or founded.
  if (next == "," && (doc_.LowerIs(q + 1, "which") ||
                      lexicon::In(lexicon::kVerbsAndAdverbsFirmParticiple, doc_.Lower(q + 1, &buf)))) {
    ++non_person_contexts_[mi.cluster];
  }
  size_t np = kNone;  // where a declared description starts
  if (next == "," || next == "(") {
    const int age = SmallNumber(doc_.Tok(q + 1));
    const std::string_view after = q + 2 < limit ? doc_.Tok(q + 2) : std::string_view(".");
    // "X, 31, said" and also "X, 31 said" (the closing comma forgotten): a
    // verb or adverb right after the number shows it qualified the name,
    // while "Paris, 31 people" goes on with the noun the number counts.
    std::array<char, 32> after_buf;
    const bool verb_after = IsLowerWord(after) && EndsNounPhrase(AsciiLower(after, &after_buf));
    if (age > 0 && (after == "," || after == "." || after == ";" || after == ")" || verb_after)) {
      ages_.push_back({m, age});
      ++cue[static_cast<size_t>(Kind::kPerson)];
      return;
    }
    // A description opens with an article (lexicons/determiners.txt, tag description).
    const std::string_view w = doc_.Lower(q + 1, &buf);
    if (next == "," && lexicon::In(lexicon::kDeterminersDescription, w)) np = q + 2;
    if (next == "," && w == "who" && (doc_.LowerIs(q + 2, "is") || doc_.LowerIs(q + 2, "was"))) {
      const std::string_view det = doc_.Lower(q + 3, &buf);
      if (lexicon::In(lexicon::kDeterminersDescription, det)) np = q + 4;
    }
  } else {
    const std::string_view w = doc_.Lower(q, &buf);
    if (w == "is" || w == "was") {
      const std::string_view det = doc_.Lower(q + 1, &buf);
      if (lexicon::In(lexicon::kDeterminersDescription, det)) np = q + 2;
    } else if (w == "reported" || w == "reports" || w == "magazine" || w == "newspaper") {
      ++outlet_contexts_[mi.cluster];
    } else if (lexicon::In(lexicon::kReportingVerbsLink, w)) {
      for (size_t k = q + 1; k < limit && k <= q + kPronounWindow; ++k) {
        if (mention_at_[k] != kNone) break;
        const std::string_view pr = doc_.Lower(k, &buf);
        if (pr == "she" || pr == "he") {
          ++cue[static_cast<size_t>(Kind::kPerson)];
          break;
        }
      }
    }
  }
  if (np == kNone || np >= limit) return;
  AddPost(m, np, limit);
  Description d = ParseDescription(np, limit);
  // "X, the company's chief executive": the company is the owner of the
  // role, not what X is; the description is what follows the possessive.
  if (d.head != kNone && d.end + 1 < limit && IsPossessive(doc_.Tok(d.end))) {
    d = ParseDescription(d.end + 1, limit);
  }
  if (d.head == kNone) return;
  // "... above the Earth, the company said": the subject of a reporting
  // clause, not an apposition declaring what the name is.
  if (d.end < limit && lexicon::In(lexicon::kReportingVerbsLink, doc_.Lower(d.end, &buf))) return;
  // "... to Japan, a spokeswoman who asked not to be named said": one
  // whose name is withheld is named by no name before her either.
  if (d.end < limit && WithheldName(d.end)) return;
  if (d.age > 0) {
    ages_.push_back({m, d.age});
    ++cue[static_cast<size_t>(Kind::kPerson)];
  }
  if (!d.head_word.empty()) AddRole(m, d.head);
}

// ----------------------------------------------------------------- uniting

enum class Match : uint8_t { kNone, kExact, kVariant };

// Words of a match word b: equal, or (variants allowed) one edit apart on
// words of at least kMinVariantLetters letters.
Match WordMatch(const std::string& a, const std::string& b, bool variants, bool* last_letter) {
  if (a == b) return Match::kExact;
  if (!variants) return Match::kNone;
  const size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > 4) return Match::kNone;  // one code point is at most 4 bytes
  if (IsAscii(a) && IsAscii(b)) {  // the common case, without decoding
    if (std::min(a.size(), b.size()) < kMinVariantLetters) return Match::kNone;
    const bool one = OneEdit(std::string_view(a), std::string_view(b), last_letter);
    return one ? Match::kVariant : Match::kNone;
  }
  const std::u32string ca = CodePoints(a);
  const std::u32string cb = CodePoints(b);
  if (std::min(ca.size(), cb.size()) < kMinVariantLetters) return Match::kNone;
  return OneEdit(ca, cb, last_letter) ? Match::kVariant : Match::kNone;
}

// Compares `a` with words [offset, offset + a.size()) of `b`: kExact if all
// equal, kVariant if exactly one word is a one-letter variant.
Match Align(const std::vector<std::string>& a, const std::vector<std::string>& b, size_t offset,
            bool* variant_first_letter_end) {
  Match result = Match::kExact;
  for (size_t i = 0; i < a.size(); ++i) {
    bool last = false;
    const Match w = WordMatch(a[i], b[offset + i], result == Match::kExact, &last);
    if (w == Match::kNone) return Match::kNone;
    if (w == Match::kVariant) {
      result = Match::kVariant;
      *variant_first_letter_end = offset + i == 0 && last;
    }
  }
  return result;
}

void Linker::UniteVariants() {
  // Same number of words, one word a one-letter variant, same type: the
  // less frequent spelling joins its unique partner.
  for (size_t a = 0; a < clusters_.size(); ++a) {
    const Cluster& ca = clusters_[a];
    size_t partner = kNone;
    bool unique = true;
    for (size_t b = 0; b < clusters_.size() && unique; ++b) {
      const Cluster& cb = clusters_[b];
      if (b == a || cb.words.size() != ca.words.size() || cb.title_like != ca.title_like) continue;
      bool first_end = false;
      if (Align(ca.words, cb.words, 0, &first_end) != Match::kVariant) continue;
      // Two full names whose first names differ in the last letter are
      // relatives (Julia/Julian Fox), not a typo.
      if (first_end && ca.words.size() > 1) continue;
      if (RootKind(Find(a)) != RootKind(Find(b))) continue;
      if (partner != kNone && Find(partner) != Find(b)) unique = false;
      partner = b;
    }
    if (partner != kNone && unique) Union(a, partner);
  }
}

void Linker::UnitePlurals() {
  for (size_t a = 0; a < clusters_.size(); ++a) {
    const Cluster& ca = clusters_[a];
    const std::string& last = ca.words.back();
    if (ca.title_like || ca.words.size() != 1 || last.size() < 4 || last.back() != 's' ||
        last[last.size() - 2] == 's') {
      continue;
    }
    if (RootKind(Find(a)) == Kind::kWork) continue;
    const std::string singular = last.substr(0, last.size() - 1);
    size_t target = kNone;
    bool unique = true;
    for (size_t b = 0; b < clusters_.size() && unique; ++b) {
      const Cluster& cb = clusters_[b];
      if (b == a || cb.title_like) continue;
      // A family name in the plural: the surname of a PERSON name. (A bare
      // "Smith" is not enough: "Williams" is not the plural of "William".)
      if (cb.words.size() < 2 || cb.words.back() != singular || RootKind(Find(b)) != Kind::kPerson) {
        continue;
      }
      if (target != kNone && Find(target) != Find(b)) unique = false;
      target = b;
    }
    // With two people of that surname the plural is the family: apart.
    if (target != kNone && unique) Union(a, target);
  }
}

// Whether lowercase `w` is a generational suffix written after a surname
// ("Jr.", "Sr", "III"): lexicons/name_suffixes.txt.
bool IsGenerationalSuffix(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return lexicon::In(lexicon::kNameSuffixes, w);
}

void Linker::UnitePartialNames() {
  // Longer names first, so "Kim Kardashian" has joined "Kim Kardashian West"
  // before "Kim" looks for its one longer name.
  std::vector<size_t> order(clusters_.size());
  for (size_t c = 0; c < order.size(); ++c) order[c] = c;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return clusters_[x].words.size() > clusters_[y].words.size();
  });
  // Words that begin a multi-word non-person name ("Fox" of "Fox News"):
  // a bare mention of them may be that organisation. For the suffix rule
  // below, any word of a multi-word organisation's name ("The Ford Motor
  // Company").
  std::unordered_set<std::string> non_person_words;
  std::unordered_set<std::string> org_name_words;
  for (size_t c = 0; c < clusters_.size(); ++c) {
    if (clusters_[c].words.size() < 2) continue;
    const Kind kind = RootKind(Find(c));
    if (kind != Kind::kPerson) non_person_words.insert(clusters_[c].words.front());
    if (kind == Kind::kOrg) org_name_words.insert(clusters_[c].words.begin(), clusters_[c].words.end());
  }
  // "Mrs Ellory's son, Jack Ellory": a name after a woman's honorific is
  // not a man's full name, nor after a man's a woman's (per root: +1 for
  // each "Mr", -1 for each "Mrs"/"Ms"; lexicons/gender_words.txt).
  std::vector<int> honorific_gender(clusters_.size(), 0);
  for (size_t m = 0; m < mentions_.size(); ++m) {
    if (const int g = HonorificGender(m); g != 0) honorific_gender[Find(info_[m].cluster)] += g;
  }
  for (size_t a : order) {
    const Cluster& ca = clusters_[a];
    if (ca.title_like) continue;
    const Kind ka = RootKind(Find(a));
    const int gender_a = honorific_gender[Find(a)];
    const bool person = ka == Kind::kPerson;
    // A lone surname the tagger called ORG or OTHER may still be the person
    // ("Fox" of "Julia Fox"); a PLACE stays (Paris of Paris Hilton) and so
    // does anything with its own strong cue.
    const bool maybe_person = !person && ca.words.size() == 1 && ka != Kind::kPlace &&
                              ka != Kind::kWork && cues_[Find(a)][static_cast<size_t>(ka)] == 0 &&
                              !non_person_words.contains(ca.words[0]);
    if (!person && !maybe_person) continue;
    std::vector<size_t> exact;
    std::vector<size_t> variant;
    for (size_t b = 0; b < clusters_.size(); ++b) {
      const Cluster& cb = clusters_[b];
      if (cb.words.size() <= ca.words.size() || cb.title_like) continue;
      const size_t root = Find(b);
      if (root == Find(a) || RootKind(root) != Kind::kPerson) continue;
      if (gender_a * FirstNameGender(cb.words.front()) < 0) continue;
      bool first_end = false;
      // Only a surname joins a name the tagger did not call PERSON.
      const Match prefix = maybe_person ? Match::kNone : Align(ca.words, cb.words, 0, &first_end);
      // "LaCalamita" ends "Anthony LaCalamita III": a generational suffix
      // follows the surname. Only for a name read as a person's that is no
      // word of an organisation's: "Ford" beside "Ford Motor Company" is the
      // firm, not "William Clay Ford Jr." its chairman.
      const bool suffixed = person && !org_name_words.contains(ca.words[0]) && cb.words.size() > 2 &&
                            IsGenerationalSuffix(cb.words.back());
      const size_t b_end = suffixed ? cb.words.size() - 1 : cb.words.size();
      // A suffixed name one word longer than the short one still joins it
      // by its first words ("Vincent Marchetti" in "Vincent Marchetti III").
      const Match suffix =
          b_end > ca.words.size() ? Align(ca.words, cb.words, b_end - ca.words.size(), &first_end) : Match::kNone;
      Match best = Match::kNone;
      if (prefix == Match::kExact || suffix == Match::kExact) {
        best = Match::kExact;
      } else if (prefix == Match::kVariant || suffix == Match::kVariant) {
        best = Match::kVariant;
      }
      std::vector<size_t>& into = best == Match::kExact ? exact : variant;
      if (best != Match::kNone && std::find(into.begin(), into.end(), root) == into.end()) {
        into.push_back(root);
      }
    }
    const std::vector<size_t>& pick = exact.empty() ? variant : exact;
    if (pick.size() == 1) Union(a, pick[0]);
  }
}

// Words a name the tagger mistyped may share with a correctly typed part of
// it: two or three words ("Jane Doe", "Mary Ann Doe"); longer runs are
// titles and organisation names more often than people.
constexpr size_t kMaxMistypedNameWords = 3;

// Words that make a name a place or an institution when they end it ("Qeshm
// Island", "Leeds University") or begin it ("Lake Alden", "Port Alden"):
// such a name is never the full name of a person who shares its other word.
// A full name the tagger typed PLACE or ORG ("Jane Doe" read as a place)
// while its first name or surname alone carries strong person evidence: a
// person cue (an age, an honorific, "Doe said she"), or more PERSON labels
// for the word alone than the full name has labels of its type. The word
// joins the full name when that name is the only one it begins or ends
// ("Doe" with "Jane Doe" and "Doe Bank": apart); the merged votes and cues
// then decide the type. A full name with a cue of its own type stays apart.
void Linker::UniteMistypedNames() {
  for (size_t a = 0; a < clusters_.size(); ++a) {
    const Cluster& ca = clusters_[a];
    if (ca.words.size() != 1 || ca.title_like) continue;
    const size_t ra = Find(a);
    const int person_cues = cues_[ra][static_cast<size_t>(Kind::kPerson)];
    const bool person_word = RootKind(ra) == Kind::kPerson;
    if (person_cues == 0 && !person_word) continue;
    size_t target = kNone;
    bool unique = true;
    for (size_t b = 0; b < clusters_.size() && unique; ++b) {
      const Cluster& cb = clusters_[b];
      if (cb.title_like || cb.words.size() < 2 || cb.words.size() > kMaxMistypedNameWords) continue;
      if (cb.words.front() != ca.words[0] && cb.words.back() != ca.words[0]) continue;
      // ... nor one ending as organisations' names end ("Corvell Airways"):
      // UniteShortOrgNames joins its short form.
      if (lexicon::In(lexicon::kPlaceWordsHead, cb.words.back()) ||
          lexicon::In(lexicon::kPlaceWordsPrefix, cb.words.front()) ||
          OrgNameEnd(cb.words.back())) {
        continue;
      }
      // "The Smiths", "Bank of Leeds": function words make a title or an
      // organisation, never a person's name.
      if (std::any_of(cb.words.begin(), cb.words.end(),
                      [](const std::string& w) { return lexicon::In(lexicon::kStopWords, w); })) {
        continue;
      }
      const size_t rb = Find(b);
      if (rb == ra) continue;
      const Kind kb = RootKind(rb);
      if (kb == Kind::kPerson) {  // a person of that name: the word is ambiguous
        unique = target == kNone || Find(target) == rb;
        target = b;
        continue;
      }
      const bool strong = person_cues > 0 ||
                          votes_[ra][static_cast<size_t>(Kind::kPerson)] > votes_[rb][static_cast<size_t>(kb)];
      if (kb == Kind::kWork || cues_[rb][static_cast<size_t>(kb)] > 0 || !strong) continue;
      if (target != kNone && Find(target) != rb) unique = false;
      target = b;
    }
    if (target != kNone && unique && RootKind(Find(target)) != Kind::kPerson) Union(a, target);
  }
}

// A name the tagger read as a person, in contexts no person's name takes
// ("X, which employs 400 people", "jobs at X") and with no person cue of its
// own, is an organisation's. Places also take them ("Leeds, which"), so only
// a PERSON-typed name turns.
void Linker::TypeNonPersons() {
  for (size_t r = 0; r < clusters_.size(); ++r) {
    if (Find(r) != r || non_person_contexts_[r] == 0 || RootKind(r) != Kind::kPerson) continue;
    if (cues_[r][static_cast<size_t>(Kind::kPerson)] > 0 || cues_[r][static_cast<size_t>(Kind::kOrg)] > 0) continue;
    ++cues_[r][static_cast<size_t>(Kind::kOrg)];
  }
}

// "Ms Brisco" and "Brisco" are one name unless the bare one is a firm's
// (an organisation cue of its own: "Brisco shareholders", "jobs at
// Brisco"): a family and the firm it founded share the word, and the
// honorific marks the person.
void Linker::UniteHonorificNames() {
  std::unordered_map<std::string, size_t> plain;
  for (size_t c = 0; c < clusters_.size(); ++c) {
    const Cluster& cl = clusters_[c];
    if (cl.words.size() == 1 && !cl.title_like && !cl.honorific) plain.try_emplace(cl.words[0], c);
  }
  for (size_t c = 0; c < clusters_.size(); ++c) {
    if (!clusters_[c].honorific) continue;
    auto it = plain.find(clusters_[c].words[0]);
    if (it == plain.end() || Find(it->second) == Find(c)) continue;
    const size_t bare = Find(it->second);
    if (RootKind(bare) == Kind::kOrg && cues_[bare][static_cast<size_t>(Kind::kOrg)] > 0) continue;
    Union(c, bare);
  }
}

void Linker::Unite() {
  TypeNonPersons();
  UniteHonorificNames();
  for (const auto& [x, y] : alias_pairs_) Union(info_[x].cluster, info_[y].cluster);
  UniteVariants();
  UnitePlurals();
  UniteMistypedNames();
  UnitePartialNames();
  UniteShortOrgNames();
}

// "Pellmore" for "Pellmore Foods", "Kestrane" for "Kestrane Holdings": an
// organisation name that begins exactly one longer organisation name ending
// in a word such names end in (lexicons/org_suffixes.txt, tag name_end) is
// its short form; so is a name of several words ("Calder Peak" for "Calder
// Peak Industries"). The tagger often reads the short form as a
// person ("Merrin said on Thursday"): one with no person cue of its own
// (an honorific, an age, "he said") and no person's name holding the word
// is the short form all the same.
void Linker::UniteShortOrgNames() {
  std::unordered_set<std::string> person_name_words;
  for (size_t c = 0; c < clusters_.size(); ++c) {
    if (clusters_[c].words.size() < 2 || RootKind(Find(c)) != Kind::kPerson) continue;
    for (const std::string& w : clusters_[c].words) person_name_words.insert(w);
  }
  for (size_t a = 0; a < clusters_.size(); ++a) {
    const size_t n = clusters_[a].words.size();
    if (n == 0 || clusters_[a].title_like) continue;
    const size_t ra = Find(a);
    // A short form of several words ("Calder Peak" for "Calder Peak
    // Industries") only when typed an organisation: "John Smith" beside the
    // "John Smith Foundation" is the person.
    const bool cueless_person = n == 1 && RootKind(ra) == Kind::kPerson &&
                                cues_[ra][static_cast<size_t>(Kind::kPerson)] == 0 &&
                                !person_name_words.contains(clusters_[a].words[0]);
    if (RootKind(ra) != Kind::kOrg && !cueless_person) continue;
    size_t only = kNone;
    bool several = false;
    for (size_t b = 0; b < clusters_.size() && !several; ++b) {
      const Cluster& cb = clusters_[b];
      if (cb.words.size() <= n || RootKind(Find(b)) != Kind::kOrg || Find(b) == Find(a)) continue;
      if (!std::equal(clusters_[a].words.begin(), clusters_[a].words.end(), cb.words.begin())) continue;
      std::string last = cb.words.back();
      for (char& c : last) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!OrgNameEnd(last)) continue;
      // "Ashvale Supporters Trust" is another body than the club Ashvale:
      // only suffix words may follow the short form ("Kestrane Holdings plc").
      bool suffixes_only = true;
      for (size_t k = n; k + 1 < cb.words.size() && suffixes_only; ++k) {
        const std::string w = Lowercase(cb.words[k]);
        suffixes_only = OrgNameEnd(w) || lexicon::In(lexicon::kOrgSuffixesLegal, w);
      }
      if (!suffixes_only) continue;
      if (only != kNone && only != Find(b)) several = true;
      only = Find(b);
    }
    if (several || only == kNone) continue;
    Union(a, only);
    // The suffix names the kind: the person votes of the short form do not
    // make "Corrant Airways" a person.
    if (cueless_person) ++cues_[Find(only)][static_cast<size_t>(Kind::kOrg)];
  }
}

// A one-word name in a publication's contexts ("told Vogue", "Vogue
// reported") with no person cue and no fuller name ("Jane Doe" would show a
// person) is an outlet: ORG. The tagger often calls a magazine a person
// from those very contexts, which people share.
void Linker::TypeOutlets() {
  std::vector<bool> multi_word(clusters_.size(), false);
  for (size_t c = 0; c < clusters_.size(); ++c) {
    if (clusters_[c].words.size() > 1) multi_word[Find(c)] = true;
  }
  for (size_t r = 0; r < clusters_.size(); ++r) {
    if (Find(r) != r || outlet_contexts_[r] == 0 || multi_word[r]) continue;
    // Only a name the tagger read as a person: "a Colorado newspaper" is a
    // place's paper. One letter is an initial ("told L. A. ...").
    if (RootKind(r) != Kind::kPerson || clusters_[r].words[0].size() < 2) continue;
    if (cues_[r][static_cast<size_t>(Kind::kPerson)] > 0) continue;
    ++cues_[r][static_cast<size_t>(Kind::kOrg)];
  }
}

// The initials of a name's capitalised words ("Fair Trading Authority" ->
// "FTA"), a leading "The" left out.
std::string Initials(std::string_view name) {
  std::string out;
  size_t b = 0;
  while (b < name.size()) {
    size_t e = name.find(' ', b);
    if (e == std::string_view::npos) e = name.size();
    const std::string_view w = name.substr(b, e - b);
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z' && !(out.empty() && w == "The")) out += w[0];
    b = e + 1;
  }
  return out;
}

void Linker::DecideTypes() {
  TypeOutlets();
  kind_.assign(clusters_.size(), Kind::kOther);
  multi_word_.assign(clusters_.size(), false);
  for (size_t c = 0; c < clusters_.size(); ++c) {
    if (clusters_[c].words.size() > 1) multi_word_[Find(c)] = true;
  }
  root_of_.resize(clusters_.size());
  for (size_t c = 0; c < clusters_.size(); ++c) {
    root_of_[c] = Find(c);
    if (root_of_[c] == c) kind_[c] = RootKind(c);
  }
  // "Agnes Ashworth and her brother Malcolm Ashworth ... Ashworth's pay":
  // a lone surname two people share joins neither, yet it stays a person's
  // name; the tagger's place or firm label for it alone is no evidence
  // against the article's own full names, unless a cue says otherwise.
  // A surname only one person has is left to UnitePartialNames, which
  // keeps a place-typed one apart ("Paris" of "Paris Hilton").
  std::unordered_map<std::string_view, size_t> surname_owner;  // kNone: two people
  for (size_t c = 0; c < clusters_.size(); ++c) {
    const std::vector<std::string>& words = clusters_[c].words;
    if (words.size() < 2 || clusters_[c].title_like || kind_[root_of_[c]] != Kind::kPerson) continue;
    const auto [it, added] = surname_owner.try_emplace(words.back(), root_of_[c]);
    if (!added && it->second != root_of_[c]) it->second = kNone;
  }
  for (size_t c = 0; c < clusters_.size() && !surname_owner.empty(); ++c) {
    if (root_of_[c] != c || multi_word_[c] || kind_[c] == Kind::kPerson || clusters_[c].title_like) continue;
    const Votes& cue = cues_[c];
    const bool cued = std::any_of(cue.begin(), cue.end(), [](int n) { return n > 0; });
    if (cued || non_person_contexts_[c] > 0 || outlet_contexts_[c] > 0 || brand_contexts_[c] > 0) continue;
    const auto it = surname_owner.find(clusters_[c].words[0]);
    if (it != surname_owner.end() && it->second == kNone) kind_[c] = Kind::kPerson;
  }
  for (size_t m = 0; m < mentions_.size(); ++m) {
    mentions_[m].type = std::string(TypeName(kind_[MentionRoot(m)]));
  }
  root_roles_.assign(clusters_.size(), {});
  root_ages_.assign(clusters_.size(), {});
  for (const auto& [m, role] : roles_) root_roles_[MentionRoot(m)].push_back(role);
  for (const auto& [m, age] : ages_) root_ages_[MentionRoot(m)].push_back(age);
  root_fields_.assign(clusters_.size(), 0);
  for (const auto& [m, fields] : posts_) root_fields_[MentionRoot(m)] |= fields;
  // Evidence of each gender per root; both kinds of evidence leave it open.
  std::vector<std::array<bool, 2>> gender_seen(clusters_.size(), {false, false});
  const auto see = [&](size_t root, int g) {
    if (g != 0) gender_seen[root][g > 0 ? 0 : 1] = true;
  };
  for (size_t c = 0; c < clusters_.size(); ++c) {
    const std::vector<std::string>& words = clusters_[c].words;
    if (words.size() < 2 || kind_[root_of_[c]] != Kind::kPerson) continue;
    see(root_of_[c], FirstNameGender(words[0]));
  }
  for (size_t m = 0; m < mentions_.size(); ++m) {
    if (const int g = HonorificGender(m); g != 0) see(MentionRoot(m), g);
  }
  for (const auto& [m, role] : roles_) see(MentionRoot(m), WordGender(role));
  root_gender_.assign(clusters_.size(), 0);
  for (size_t r = 0; r < clusters_.size(); ++r) {
    if (gender_seen[r][0] != gender_seen[r][1]) root_gender_[r] = gender_seen[r][0] ? 1 : -1;
  }
  root_org_kinds_.assign(clusters_.size(), {});
  for (size_t c = 0; c < clusters_.size(); ++c) {
    std::vector<std::string_view>& kinds = root_org_kinds_[root_of_[c]];
    for (const std::string& w : clusters_[c].words) {
      const std::string_view kind = lexicon::Find(lexicon::kOrgKinds, w);
      if (!kind.empty() && std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
    }
  }
  // "the FTA" written without its declaration "(FTA)" after "the Fair
  // Trading Authority": an acronym spelling the initials of an organisation
  // named in the article has that name's kinds for descriptions ("the
  // regulator" may be it).
  acronym_org_kinds_.assign(clusters_.size(), {});
  constexpr size_t kMinAcronym = 2;
  constexpr size_t kMaxAcronym = 6;
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const size_t r = MentionRoot(m);
    const std::string& acronym = mentions_[m].text;
    if (kind_[r] != Kind::kOrg || !root_org_kinds_[r].empty() || acronym.size() < kMinAcronym ||
        acronym.size() > kMaxAcronym || !std::all_of(acronym.begin(), acronym.end(), [](char ch) {
          return ch >= 'A' && ch <= 'Z';
        })) {
      continue;
    }
    for (size_t n = 0; n < mentions_.size() && acronym_org_kinds_[r].empty(); ++n) {
      const size_t s = MentionRoot(n);
      if (s != r && kind_[s] == Kind::kOrg && Initials(mentions_[n].text) == acronym) {
        acronym_org_kinds_[r] = root_org_kinds_[s];
      }
    }
  }
}

// Whether an organisation description with head noun `head` ("the union",
// "the company") may refer to `root`: a head naming a kind of institution
// needs a name of that kind or the head declared for it ("TREF, the
// union"); a business noun never refers to an institution ("the company"
// is not the council). Other heads ("the group") fit any organisation.
bool Linker::OrgDescriptionFits(std::string_view head, size_t root) const {
  const std::vector<std::string_view>& kinds = root_org_kinds_[root];
  const std::string_view kind = lexicon::Find(lexicon::kOrgKinds, head);
  if (!kind.empty()) {
    const auto& roles = root_roles_[root];
    const auto& spelt = acronym_org_kinds_[root];
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end() ||
           std::find(spelt.begin(), spelt.end(), kind) != spelt.end() ||
           std::find(roles.begin(), roles.end(), head) != roles.end();
  }
  return !lexicon::In(lexicon::kOrgNounsBusiness, head) || kinds.empty();
}

// ----------------------------------------------------------------- epithets

// The one entity of `kind` mentioned in the nearest sentence before token
// `before` (the same sentence first, then up to kSalienceSentences back)
// that mentions any, among `allowed` when given; kNone when that sentence
// mentions two or none is found. When the sentence just before mentions
// two organisations and `before` opens a sentence, the one whose name opens
// that sentence wins ("Acme will pay Brill a fee. The company, which
// employs ...": a description in subject position continues the previous
// subject).
size_t Linker::Salient(size_t before, Kind kind, const std::vector<size_t>* allowed,
                       const std::vector<bool>& excluded, bool* seen) const {
  const size_t sentence = doc_.Sentence(before);
  size_t found = kNone;
  size_t found_sentence = kNone;
  // A name in the same clause is not what a description there refers to
  // ("West praised the star": the star is someone else), so until a clause
  // mark is passed such names are ruled out, here and further back.
  bool clause_break = false;
  bool tie = false;
  size_t opener = kNone;  // the candidate whose name opens found_sentence
  std::vector<size_t> same_clause;
  std::array<char, 32> buf;
  for (size_t t = before; t-- > 0;) {
    const size_t s = doc_.Sentence(t);
    if (sentence - s > kSalienceSentences) break;
    if (found != kNone && s != found_sentence) break;
    if (s != sentence || IsClauseMark(doc_.Tok(t)) || lexicon::In(lexicon::kSubordinatorsLinks, doc_.Lower(t, &buf))) {
      clause_break = true;
    }
    const size_t m = mention_at_[t];
    if (m == kNone || info_[m].te - 1 != t || caption_[t]) continue;  // one look per mention
    const size_t root = MentionRoot(m);
    // A possessor ("Acme's shares") is no participant of the clause.
    const bool possessor = t + 1 < before && IsPossessive(doc_.Tok(t + 1));
    if (!clause_break && !possessor) {
      same_clause.push_back(root);
      continue;
    }
    if (kind_[root] != kind || excluded[root]) continue;
    if (std::find(same_clause.begin(), same_clause.end(), root) != same_clause.end()) continue;
    if (seen != nullptr) *seen = true;
    if (allowed != nullptr && std::find(allowed->begin(), allowed->end(), root) == allowed->end()) {
      continue;
    }
    if (found != kNone && found != root) tie = true;
    if (found == kNone) found = root;
    found_sentence = s;
    const size_t tb = info_[m].tb;
    if (tb == 0 || !doc_.SameSentence(tb - 1, tb)) opener = root;
  }
  if (!tie) return found;
  // Organisations only: "the company" fits both firms of "Acme will pay
  // Brill", and writers lean on the subject; a person's description names
  // a role one of two people holds ("Anna Berg met David Stone. The
  // singer ...": ambiguous).
  const bool opens = before == 0 || !doc_.SameSentence(before - 1, before);
  return kind == Kind::kOrg && opens && found_sentence + 1 == sentence ? opener : kNone;
}

// Mentions (names and descriptions already resolved) an entity needs before
// token `before` to be the article's main subject of its type: a name written three times is being followed,
// once or twice may be in passing.
constexpr int kMinDominantMentions = 3;
// ... and how many times the runner-up's count it needs, so that an article
// about two rivals picks neither.
constexpr int kDominanceRatio = 2;

// The entity of `kind` the article has named most often before token
// `before`, when it dominates (see the constants above); kNone otherwise.
size_t Linker::Dominant(size_t before, Kind kind, const std::vector<bool>& excluded) const {
  std::unordered_map<size_t, int> count;
  for (size_t m = 0; m < info_.size(); ++m) {  // names and resolved descriptions
    if (info_[m].te > before || info_[m].cluster == kNone || caption_[info_[m].tb]) continue;
    const size_t root = MentionRoot(m);
    // What the description cannot be ("the council" of a firm) is no rival.
    if (kind_[root] == kind && !excluded[root]) ++count[root];
  }
  size_t best = kNone;
  int first = 0;
  int second = 0;
  for (const auto& [root, n] : count) {
    if (n > first) {
      second = first;
      first = n;
      best = root;
    } else if (n > second) {
      second = n;
    }
  }
  if (best == kNone || first < kMinDominantMentions) return kNone;
  return first >= kDominanceRatio * second ? best : kNone;
}

// Resolves descriptions to entities and adds them as mentions. A business
// noun ("the brand") that finds no ORG nearby but one PLACE-typed entity
// with no PLACE cue counts a hit for it in `place_hits`: the tagger often
// calls an unfamiliar brand name a place.
void Linker::ResolveEpithets(std::vector<int>* place_hits) {
  std::array<char, 32> buf;
  std::vector<bool> excluded(clusters_.size(), false);
  size_t resume = 0;  // descriptions do not overlap
  for (const size_t i : doc_.the()) {
    if (i < resume || i + 1 >= doc_.size() || mention_at_[i] != kNone) continue;
    const bool after_copula =
        i > 0 && doc_.SameSentence(i - 1, i) && lexicon::In(lexicon::kCopulasDescription, doc_.Lower(i - 1, &buf));
    const size_t limit = doc_.SentenceEnd(i);
    const Description d = ParseDescription(i + 1, limit);
    if (d.head == kNone || mention_at_[d.head] != kNone) continue;
    // "X is the chairman", "served as the host": a predicate, not a mention;
    // but in "named as the brand's ambassador" the predicate is the
    // ambassador, and "the brand" a mention inside it.
    if (after_copula && !(d.end < limit && IsPossessive(doc_.Tok(d.end)))) continue;
    size_t end = d.end;
    // "the actress Jane Doe": a title before the name, which is the mention.
    if (end < limit && (IsCapitalised(doc_.Tok(end)) && !IsQuoteMark(doc_.Tok(end)))) continue;
    std::fill(excluded.begin(), excluded.end(), false);
    // "the ex-wife of Ye": not Ye; the description spans the name.
    if (end + 1 < limit && doc_.LowerIs(end, "of") && mention_at_[end + 1] != kNone &&
        info_[mention_at_[end + 1]].tb == end + 1) {
      excluded[MentionRoot(mention_at_[end + 1])] = true;
      end = info_[mention_at_[end + 1]].te;
    }
    // A name mention may sit inside the description ("the 'Foo' actress"),
    // never across its edge.
    bool crosses = false;
    for (size_t t = i + 1; t < end && !crosses; ++t) {
      const size_t m = mention_at_[t];
      crosses = m != kNone && (info_[m].tb <= i || info_[m].te > end);
    }
    if (crosses) continue;
    // "the Ostrander Bay frontwoman", "the Acme boss": a name modifying the
    // head is what the referent belongs to, not the referent.
    for (size_t t = i + 1; t < end; ++t) {
      const size_t inner = mention_at_[t];
      if (inner != kNone && info_[inner].cluster != kNone) excluded[MentionRoot(inner)] = true;
    }
    const size_t root = ReferentOf(i, d, end, &excluded, place_hits);
    if (root == kNone) continue;
    const size_t m = AddMention(i, end, d.kind);
    info_[m].cluster = root;
    resume = end;
  }
}

// Tokens after a description searched for a pronoun giving its gender.
constexpr size_t kGenderWindow = 12;

// The gender of the person description `d` (ending at token `end`) refers
// to: its head noun's ("the actress"), else that of the first personal
// pronoun of a relative clause set off after it ("the 53-year-old, who
// made his fortune"), before any name or quotation. Elsewhere a pronoun may
// be someone else ("asked by the judge if he understood"). 0 when neither
// tells.
int Linker::DescriptionGender(const Description& d, size_t end) const {
  if (const int g = WordGender(d.head_word); g != 0) return g;
  if (end + 2 >= doc_.size() || doc_.Tok(end) != "," || !doc_.LowerIs(end + 1, "who") ||
      !doc_.SameSentence(end, end + 2)) {
    return 0;
  }
  std::array<char, 32> buf;
  for (size_t k = end + 2; k < doc_.size() && k < end + kGenderWindow && doc_.SameSentence(end, k); ++k) {
    if (mention_at_[k] != kNone || IsQuoteMark(doc_.Tok(k)) || IsClauseMark(doc_.Tok(k))) return 0;
    const std::string_view w = doc_.Lower(k, &buf);
    if (w == "he" || w == "his") return 1;
    // "her fortune", not "told her that": the object may be someone else.
    if (w == "her" && k + 1 < doc_.size() && IsLowerWord(doc_.Tok(k + 1))) {
      std::array<char, 32> next_buf;
      const std::string_view next = doc_.Lower(k + 1, &next_buf);
      if (!lexicon::In(lexicon::kStopWords, next) && !EndsNounPhrase(next)) return -1;
    }
  }
  return 0;
}

// Words between a description and the object pronoun of its clause ("the
// judge ordered him", "the coach quickly told her"): a verb and an adverb.
constexpr size_t kObjectPronounWindow = 3;

// The gender of an object pronoun right after the description ending before
// `end`, past its verb ("ordered him" +1, "told her that" -1), else 0. "her"
// before a word may be a possessive ("thanked her fans"), so it counts only
// before punctuation or a function word.
int Linker::ObjectPronounGender(size_t end) const {
  std::array<char, 32> buf;
  const size_t first = TitleEnd(end);
  for (size_t k = first; k < doc_.size() && k < first + kObjectPronounWindow && doc_.SameSentence(end, k); ++k) {
    if (!IsLowerWord(doc_.Tok(k)) || mention_at_[k] != kNone) return 0;
    const std::string_view w = doc_.Lower(k, &buf);
    if (k == first) {
      if (lexicon::In(lexicon::kStopWords, w)) return 0;  // a verb comes first
      continue;
    }
    if (w == "him") return 1;
    if (w == "her") {
      if (k + 1 >= doc_.size() || !doc_.SameSentence(k, k + 1) || !IsLowerWord(doc_.Tok(k + 1))) return -1;
      std::array<char, 32> next_buf;
      const std::string_view next = doc_.Lower(k + 1, &next_buf);
      return lexicon::In(lexicon::kStopWords, next) ? -1 : 0;
    }
    if (lexicon::In(lexicon::kStopWords, w)) return 0;
  }
  return 0;
}

// Tokens an office's "of" phrase may take before an apposition ("of the
// provincial disaster service of Hormouzgan province"): longer runs are
// clauses, not names of what the office is of.
constexpr size_t kMaxOfficeOfTokens = 8;

// The token after the second half of a hyphenated title written with
// spaces ("governor - general") whose head ends before `end`, else `end`.
size_t Linker::TitleEnd(size_t end) const {
  const bool hyphenated = end + 1 < doc_.size() && doc_.Tok(end) == "-" && doc_.SameSentence(end, end + 1) &&
                          IsLowerWord(doc_.Tok(end + 1));
  return hyphenated ? end + 2 : end;
}

bool Linker::WithheldName(size_t t) const {
  constexpr size_t kWithheldTokens = 10;  // "who spoke on the condition that she not be named"
  if (t >= doc_.size() || !doc_.LowerIs(t, "who")) return false;
  std::array<char, 32> buf;
  for (size_t k = t + 1; k < doc_.size() && k <= t + kWithheldTokens && doc_.SameSentence(t, k); ++k) {
    const std::string_view w = doc_.Lower(k, &buf);
    if (lexicon::In(lexicon::kUnnamedSourcesWithheld, w)) return true;  // lexicons/unnamed_sources.txt
    if (IsClauseMark(doc_.Tok(k)) || IsQuoteMark(doc_.Tok(k))) return false;
  }
  return false;
}

// The token after the rest of an office whose head ends before `end`: the
// second half of a hyphenated title and an "of" phrase up to its comma
// (which is returned). `end` itself when the phrase runs into a clause.
size_t Linker::OfficeEnd(size_t end) const {
  const size_t k = TitleEnd(end);
  if (k >= doc_.size() || !doc_.LowerIs(k, "of")) return k;
  for (size_t t = k + 1; t < doc_.size() && t <= k + kMaxOfficeOfTokens && doc_.SameSentence(end, t); ++t) {
    if (doc_.Tok(t) == ",") return t;
    if (IsClauseMark(doc_.Tok(t)) || IsQuoteMark(doc_.Tok(t))) break;
  }
  return end;
}

// The entity the description `d` starting at token i refers to, or kNone.
// `excluded` holds entities it cannot be (and gains those declared with
// another age).
size_t Linker::ReferentOf(size_t i, const Description& d, size_t end, std::vector<bool>* excluded_roots,
                          std::vector<int>* place_hits) const {
  std::vector<bool>& excluded = *excluded_roots;
  // "the firm's vice president, Jane Doe,": the apposition after says who;
  // so it does past the rest of a hyphenated title and the office's "of"
  // phrase ("the governor-general of Hormouzgan province, Abdolreza
  // Sheikholeslami,").
  const size_t comma = OfficeEnd(end);
  if (comma + 1 < doc_.size() && doc_.Tok(comma) == "," && doc_.SameSentence(comma, comma + 1) &&
      mention_at_[comma + 1] != kNone && info_[mention_at_[comma + 1]].tb == comma + 1) {
    const size_t m = mention_at_[comma + 1];
    const size_t r = MentionRoot(m);
    const size_t after = info_[m].te;
    const bool closed = after >= doc_.size() || !doc_.SameSentence(comma, after) || IsClauseMark(doc_.Tok(after));
    if (kind_[r] == d.kind && closed) return r;
  }
  // "Jane Doe, the actress": the apposition says who ("Jane Doe, the
  // firm's director": "the firm" is not her). "... above the Earth, the
  // company said": a reporting verb after the description makes it the
  // subject of a reporting clause, no apposition.
  const bool possessor = end < doc_.size() && IsPossessive(doc_.Tok(end));
  std::array<char, 32> verb_buf;
  const bool reporting = end < doc_.size() && doc_.SameSentence(i, end) &&
                         (lexicon::In(lexicon::kReportingVerbsLink, doc_.Lower(end, &verb_buf)) || WithheldName(end));
  if (i >= 2 && !possessor && !reporting && doc_.Tok(i - 1) == "," && mention_at_[i - 2] != kNone &&
      info_[mention_at_[i - 2]].te == i - 1) {
    const size_t r = MentionRoot(mention_at_[i - 2]);
    if (kind_[r] == d.kind) return r;
  }
  // "The union has 5,200 members" after a paragraph about a railway
  // company: not the company.
  if (d.kind == Kind::kOrg && !d.head_word.empty()) {
    for (size_t r = 0; r < clusters_.size(); ++r) {
      if (root_of_[r] == r && kind_[r] == Kind::kOrg && !OrgDescriptionFits(d.head_word, r)) excluded[r] = true;
    }
  }
  // "X, a partner at an accountancy firm, said ... The striker scored":
  // an occupation of one field is no person declared only with occupations
  // of others (lexicons/occupation_fields.txt), unless declared with this
  // very noun.
  if (d.kind == Kind::kPerson && !d.head_word.empty()) {
    const uint32_t fields = OccupationFields(d.head_word);
    for (size_t r = 0; fields != 0 && r < clusters_.size(); ++r) {
      if (root_of_[r] != r || root_fields_[r] == 0 || (root_fields_[r] & fields) != 0) continue;
      const auto& roles = root_roles_[r];
      if (std::find(roles.begin(), roles.end(), d.head_word) == roles.end()) excluded[r] = true;
    }
  }
  // "The judge said he would appoint a lawyer for LaCalamita": a person
  // named later in the description's own sentence (past the apposition
  // handled above) is someone else, as one named earlier in its clause is
  // (see Salient). A possessor may be the person ("the singer thanked fans
  // on Doe's page"), so it is kept.
  if (d.kind == Kind::kPerson) {
    for (size_t t = end; t < doc_.size() && doc_.SameSentence(i, t); ++t) {
      const size_t m = mention_at_[t];
      if (m == kNone || info_[m].tb != t || info_[m].cluster == kNone) continue;
      if (info_[m].te < doc_.size() && IsPossessive(doc_.Tok(info_[m].te))) continue;
      excluded[MentionRoot(m)] = true;
    }
  }
  // "The 53-year-old, who made his fortune in ...": a person of the other
  // gender is not who the description refers to.
  if (d.kind == Kind::kPerson) {
    const int gender = DescriptionGender(d, end);
    for (size_t r = 0; gender != 0 && r < clusters_.size(); ++r) {
      if (root_of_[r] == r && root_gender_[r] == -gender) excluded[r] = true;
    }
  }
  std::vector<size_t> allowed;  // when `restrict`: the declared candidates
  bool restrict = false;
  if (d.age > 0) {
    for (size_t r = 0; r < clusters_.size(); ++r) {
      if (root_ages_[r].empty()) continue;
      if (std::find(root_ages_[r].begin(), root_ages_[r].end(), d.age) != root_ages_[r].end()) {
        allowed.push_back(r);
      } else {
        excluded[r] = true;  // declared with another age
      }
    }
    restrict = !allowed.empty();
  }
  if (!d.head_word.empty()) {
    // Only a declaration written before a person's description counts:
    // news introduces a person by name before describing them, so "the
    // governor of Hormouzgan province ... Qeshm island governor Heydar
    // Alishbandi" names a second governor, not the first one. (A lede may
    // describe an organisation before naming it: "The startup says … ¶
    // Nimbrella, the photo-backup startup, said".)
    // "The former mayor" is not someone declared "Deputy Mayor X": the
    // qualifiers before the role noun must agree.
    const std::string_view qualifier = d.head > i + 1 ? OfficeQualifier(d.head - 1) : std::string_view();
    std::vector<size_t> declared;
    for (size_t k = 0; k < roles_.size(); ++k) {
      const auto& [m, role] = roles_[k];
      if (role != d.head_word || (d.kind == Kind::kPerson && info_[m].tb >= i) || role_qualifiers_[k] != qualifier) {
        continue;
      }
      const size_t r = MentionRoot(m);
      if (restrict && std::find(allowed.begin(), allowed.end(), r) == allowed.end()) continue;
      if (std::find(declared.begin(), declared.end(), r) == declared.end()) declared.push_back(r);
    }
    if (!declared.empty()) {
      allowed = std::move(declared);
      restrict = true;
    }
  }
  if (restrict && allowed.size() == 1 && kind_[allowed[0]] == d.kind && !excluded[allowed[0]]) {
    return allowed[0];
  }
  if (d.relational && !d.counted && !restrict) return kNone;  // "the mother" of someone
  // "The premier of the northern state said": an office named by what it
  // is of introduces its holder, unless someone was declared to hold it.
  if (const size_t title_end = TitleEnd(end); !restrict && title_end + 1 < doc_.size() &&
                                               doc_.SameSentence(end, title_end + 1) && doc_.LowerIs(title_end, "of")) {
    return kNone;
  }
  // "The judge ordered him held": an object pronoun of the description's
  // own clause is someone else, and a pronoun refers to the person just
  // named, so that person (or anyone the pronoun fits) is not the
  // description's referent. A declared holder of the role is kept above.
  if (!restrict && d.kind == Kind::kPerson) {
    const int object = ObjectPronounGender(end);
    for (size_t r = 0; object != 0 && r < clusters_.size(); ++r) {
      if (root_of_[r] == r && root_gender_[r] != -object) excluded[r] = true;
    }
  }
  bool seen = false;
  size_t root = Salient(i, d.kind, restrict ? &allowed : nullptr, excluded, &seen);
  // Nothing of that type in the last sentences: the description picks up
  // the article's main subject of that type, if it has one.
  // Media nouns are left out: "the publication", "the network" is most
  // often the outlet reporting, not the article's subject.
  if (root == kNone && !seen && !restrict && !d.relational && !lexicon::In(lexicon::kOrgNounsMedia, d.head_word)) {
    root = Dominant(i, d.kind, excluded);
  }
  if (root == kNone && !seen && !restrict && d.kind == Kind::kOrg &&
      lexicon::In(lexicon::kOrgNounsBusiness, d.head_word)) {
    const size_t place = Salient(i, Kind::kPlace, nullptr, excluded);
    if (place != kNone && cues_[place][static_cast<size_t>(Kind::kPlace)] == 0) ++(*place_hits)[place];
    // A one-word "person" with no person cue and a brand context.
    const size_t person = place == kNone ? Salient(i, Kind::kPerson, nullptr, excluded) : kNone;
    if (person != kNone && cues_[person][static_cast<size_t>(Kind::kPerson)] == 0 &&
        !multi_word_[person] && brand_contexts_[person] > 0) {
      ++(*place_hits)[person];
    }
  }
  return root;
}

void Linker::NumberEntities() {
  std::vector<size_t> order(mentions_.size());
  for (size_t m = 0; m < order.size(); ++m) order[m] = m;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const Span& a = mentions_[x].span;
    const Span& b = mentions_[y].span;
    if (a.start != b.start) return a.start < b.start;
    return a.end > b.end;
  });
  std::vector<std::string> id(clusters_.size());
  size_t next = 1;
  std::vector<EntityMention> sorted;
  sorted.reserve(mentions_.size());
  for (size_t m : order) {
    const size_t root = MentionRoot(m);
    // fmt, not std::string operators: GCC 12 reports a false -Wrestrict
    // (GCC bug 105329) on assigning a short literal here.
    if (id[root].empty()) id[root] = fmt::format("e{}", next++);
    EntityMention e = std::move(mentions_[m]);
    e.entity = id[root];
    e.type = std::string(TypeName(kind_[root]));
    sorted.push_back(std::move(e));
  }
  mentions_ = std::move(sorted);
}

void Linker::Run() {
  if (mentions_.empty() || doc_.size() == 0) {
    for (size_t m = 0; m < mentions_.size(); ++m) mentions_[m].entity = fmt::format("e{}", m + 1);
    return;
  }
  MapMentions();
  MarkCaptions();
  FindAliases();
  BuildClusters();
  ReadCues();
  Unite();
  const size_t tagged = mentions_.size();
  // A known name of several words first: "Calder Peak will pay" is that
  // name again, not "Peak" after a sentence's first word.
  FindNameRepeats();
  FindRepeats();
  // A repeat the tagger missed may carry the only cue ("Doe, 31 said"):
  // read it, then let the names it makes a person join again.
  for (size_t m = tagged; m < mentions_.size(); ++m) ReadCuesAfter(m);
  if (mentions_.size() > tagged) {
    TypeNonPersons();
    UniteMistypedNames();
    UnitePartialNames();
  }
  DecideTypes();
  const size_t name_mentions = mentions_.size();  // before epithets
  const std::vector<size_t> names_at = mention_at_;
  std::vector<int> place_hits(clusters_.size(), 0);
  ResolveEpithets(&place_hits);
  // "above the Earth", "across the Netherlands": a place written after a
  // lower-case "the" is named as a place; brands take no article.
  std::vector<bool> definite_place(clusters_.size(), false);
  for (size_t m = 0; m < name_mentions; ++m) {
    const size_t tb = info_[m].tb;
    if (tb > 0 && doc_.SameSentence(tb - 1, tb) && doc_.Tok(tb - 1) == "the" && kind_[MentionRoot(m)] == Kind::kPlace) {
      definite_place[MentionRoot(m)] = true;
    }
  }
  bool retyped = false;
  for (size_t r = 0; r < clusters_.size(); ++r) {
    if (place_hits[r] == 0 || place_hits[r] + std::min(brand_contexts_[r], 1) < kMinBusinessHits) continue;
    if (definite_place[r]) continue;
    ++cues_[r][static_cast<size_t>(Kind::kOrg)];
    kind_[r] = RootKind(r);
    retyped = true;
  }
  if (retyped) {  // again, with the brands known as organisations
    mentions_.resize(name_mentions);
    info_.resize(name_mentions);
    mention_at_ = names_at;
    ResolveEpithets(&place_hits);
  }
  NumberEntities();
}

}  // namespace

void LinkEntities(std::string_view text, const std::vector<Span>& sentences,
                  const std::vector<Token>& tokens, std::vector<EntityMention>* mentions) {
  // "Children aged 4 to 11 ...": a one-word mention that is a noun counting
  // people is no name, wherever it stands (the tagger takes such a noun for
  // a name where it is capitalised, at a sentence's start; lexicons/
  // count_nouns.txt, tag people).
  std::erase_if(*mentions, [](const EntityMention& m) {
    return m.text.find(' ') == std::string::npos && lexicon::In(lexicon::kCountNounsPeople, Lowercase(m.text));
  });
  const Doc doc(text, sentences, tokens);
  // "Ward sister Jo Hennessy said ...": a one-word name opening a sentence
  // right before a person's role noun and a name is the role's modifier
  // when the article writes the word in lower case elsewhere ("two wards"):
  // a common noun capitalised by its place, not a name.
  {
    std::unordered_set<std::string> lower_words;
    std::array<char, 32> buf;
    for (size_t t = 0; t < doc.size(); ++t) {
      if (doc.LowerWord(t)) lower_words.insert(std::string(doc.Tok(t)));
    }
    std::unordered_map<size_t, size_t> token_at;  // code point start -> token
    for (size_t t = 0; t < doc.size(); ++t) token_at.emplace(doc.token(t).span.start, t);
    std::erase_if(*mentions, [&](const EntityMention& m) {
      const auto it = token_at.find(m.span.start);
      if (it == token_at.end() || m.type != "PERSON") return false;
      const size_t t = it->second;
      if (t + 2 >= doc.size() || doc.token(t).span.end != m.span.end) return false;
      if (t > 0 && doc.SameSentence(t - 1, t)) return false;  // not the sentence's first word
      if (!doc.SameSentence(t, t + 2) || !doc.LowerWord(t + 1) || !doc.Capitalised(t + 2)) return false;
      const std::string_view role = doc.Lower(t + 1, &buf);
      const Noun* n = LookupNoun(role);
      const bool person_role = (n != nullptr && n->kind == Kind::kPerson && !n->relational) ||
                               lexicon::In(lexicon::kPersonNounsRoleHead, role);
      if (!person_role) return false;
      const std::string lower = Lowercase(m.text);
      return lower_words.contains(lower) || lower_words.contains(lower + "s");
    });
  }
  Linker(doc, mentions).Run();
}

}  // namespace storyline
