// quote_finder.h: the quotation finder behind FindQuotes (extract/quotes.h),
// private to extract. One Finder reads one article: Run() reads it into
// words and mentions, finds indirect speech, then quotations in marks, then
// unmarked posts, and settles each quotation's medium. Its methods are
// defined by concern, one file each (the list heads extract/quotes.cc); the
// word lists they reason with are the lexicons of core/lexicon.h.
//
// Thread-safety: a Finder is used by one thread; distinct Finders share
// nothing but immutable tables.
#ifndef STORYLINE_EXTRACT_QUOTE_FINDER_H_
#define STORYLINE_EXTRACT_QUOTE_FINDER_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/lexicon.h"
#include "extract/quote_marks.h"
#include "storyline/annotation.h"
#include "text/sentences.h"

namespace storyline::quote_finder {

namespace lex = storyline::lexicon;

// Words of a quotation up to which it may be a title or a scare quote:
// titles of shows and films rarely run longer, quoted speech usually does.
inline constexpr size_t kTitleMaxWords = 8;
// A quotation of this many words or fewer, without a sentence of its own, is
// a quoted phrase (partial) rather than a direct quotation.
inline constexpr size_t kPartialMaxWords = 3;
// How far (in words) after a closing mark a cue verb may sit (", the
// 32-year-old reality star and mother of four said").
inline constexpr size_t kPostWindowWords = 14;
// How far before an opening mark the cue verb may sit ("In a video posted
// on Monday, Smith, 41, said:").
inline constexpr size_t kPreWindowWords = 16;
// Longest appositive skipped between a subject and its verb ("Quaile, 58,
// said"; "Smith, who first raised the question in October, said").
inline constexpr size_t kAppositiveWords = 20;
// Words an introductory phrase may span before its comma ("Two weeks
// after the backlash,"); longer first segments are clauses of their own.
inline constexpr size_t kIntroMaxWords = 8;
// Words of a role phrase before the person it names ("the vice president
// and chairman of Chrysler LLC Jim Press").
inline constexpr size_t kRolePhraseWords = 14;
// Words between a preposition and the document it introduces ("in a
// lengthy open letter").
inline constexpr size_t kMediumPrepositionWords = 4;
// Comma-delimited insertions skipped between a subject and its verb.
inline constexpr size_t kAppositiveJumps = 3;
// Sentences searched back for the document "the report" refers to ("The
// NCAA report says …" a sentence or two before): a document is named
// close to where it is quoted.
inline constexpr size_t kDocumentSentences = 5;
// Words from a participle-like modifier to the role noun it modifies
// ("organized crime detective"): the modifier, a noun, the role.
inline constexpr size_t kRoleModifierWords = 2;
// Sentences searched back for a described speaker ("said an officer")
// whose direct quotation a later "he said" continues: the few sentences
// of narration news puts between two quotations of one source, and the
// sentences inside those quotations.
inline constexpr size_t kDescriptionSentences = 8;
// Modifiers of a spokesperson's noun between it and the organisation
// ("a Mobinil customer service representative"): two at most in news.
inline constexpr size_t kSpokespersonModifiers = 2;
// Longest noun phrase read as a speaker ("the 32-year-old reality TV star").
inline constexpr size_t kNounPhraseWords = 8;
// Mentions looked at when resolving a pronoun: a few paragraphs' worth;
// older antecedents are not what a pronoun refers to.
inline constexpr size_t kPronounLookback = 60;
// Sentences looked at for a pronoun's or epithet's antecedent: its own and
// the two before it (a speaker pronoun rarely reaches further back).
inline constexpr size_t kAntecedentSentences = 3;
// A quotation with no cue of its own continues the previous speaker's when
// it starts within this many paragraphs of the previous quotation.
inline constexpr size_t kInheritParagraphs = 1;
// Paragraphs searched back for the sentence that introduced "the
// statement": a statement quoted further on is introduced close by.
inline constexpr size_t kIssuerParagraphs = 3;
// Words searched after a speech verb for the "that" that opens the content
// ("said in a statement on its website that").
inline constexpr size_t kThatSearchWords = 12;
// Longest name (in words) that opens a second report after a comma
// ("…, Kenneth Dorsey said [...]"): a first name, a middle one and a surname.
inline constexpr size_t kNameWords = 3;
// Shortest indirect-speech content, in words: "said it would" is no report.
inline constexpr size_t kIndirectMinWords = 3;

struct Word {
  std::string_view raw;  // bytes of the token in the text
  std::string lower;     // ASCII-lower-cased raw
  size_t start = 0;      // code points
  size_t end = 0;
  size_t para = 0;
  size_t sent = 0;
  int quote = -1;    // top-level quoted span covering it (marks included)
  int mention = -1;  // entity mention covering it
  bool cap = false;  // starts with an upper-case letter
  bool punct = false;
  // What lexicons/media_words.txt makes of `lower` ("tweet" -> "x"), or "":
  // looked up once here, since Medium() reads every sentence more than once.
  std::string_view medium;
};

struct Speaker {
  std::string id;
  std::string name;
  std::string type;  // PERSON|ORG|... or "" (anonymous)
  std::string owner;  // entity id owning a description ("his spokeswoman"), or ""
  std::string via;    // the person noun an organisation spoke through ("spokeswoman"), or ""
  bool found = false;
};

struct Attribution {
  Speaker speaker;
  std::string cue;
  size_t from = 0;  // word range the attribution was read from (for medium)
  size_t to = 0;
  bool found = false;
};

// One quoted span as judged.
struct Judged {
  MarkedSpan marks;
  size_t first_word = 0;  // first word inside the marks
  size_t last_word = 0;   // exclusive
  size_t open_word = 0;   // the opening mark's word (or first_word)
  size_t close_word = 0;  // the closing mark's word, or last_word
  std::string kind;       // direct|partial, "" when dropped
};

// Code point at byte `*i` of UTF-8 `s`, advancing `*i` past it (U+FFFD for
// a malformed sequence).
char32_t DecodeAt(std::string_view s, size_t* i);
// ASCII lower case, curly apostrophes read as straight ones ("’s" -> "'s").
std::string AsciiLower(std::string_view s);

inline bool IsTerminal(std::string_view w) {
  return w == "." || w == "!" || w == "?" || w == "..." || w == "\xE2\x80\xA6";
}

// A full stop of its own or one an abbreviation ends with ("St.", "Mo.").
inline bool EndsWithStop(std::string_view w) { return IsTerminal(w) || (w.size() > 1 && w.back() == '.'); }

// Past tenses and adverbs end a noun phrase read forwards ("one person
// showed", "another user similarly wrote").
inline bool LooksLikeVerb(std::string_view w) {
  return w.size() > 3 && (w.substr(w.size() - 2) == "ed" || w.substr(w.size() - 2) == "ly");
}

inline bool IsYearsOld(std::string_view w) { return w.size() > 9 && w.substr(w.size() - 9) == "-year-old"; }

// REQUIRES: the borrowed `text`, `sentences`, `tokens` and `*entities` must
// outlive the Finder; new speakers' mentions are appended to `*entities`
// at the end of Run().
class Finder {
 public:
  Finder(const std::string& text, const std::vector<Span>& sentences, const std::vector<Token>& tokens,
         std::vector<EntityMention>* entities)
      : text_(text), sentences_(sentences), tokens_(tokens), entities_(entities) {}

  Finder(const Finder&) = delete;  // holds references into its inputs
  Finder& operator=(const Finder&) = delete;

  std::vector<Quote> Run();

 private:
  // The article read into words and mentions (quotes.cc).
  void Decode();
  size_t CodePointAtByte(size_t b) const;
  std::string Slice(size_t start, size_t end) const;
  void BuildMentions();
  void AcronymAliases();
  static std::vector<std::string> Initials(const std::string& name);
  static bool ClauseOpener(const EntityMention& m);
  bool KindOfPerson(const EntityMention& m) const;
  void BuildWords();
  bool InQuote(size_t w) const;
  bool IsMark(size_t w) const;
  size_t WordAt(size_t cp) const;
  std::pair<size_t, size_t> SentenceWords(size_t a, size_t b) const;
  Span Trim(size_t start, size_t end) const;
  void CommitNewMentions();
  void NamedLater(std::vector<Quote>* out) const;
  bool OrgNamedNext(const Quote& q, std::vector<Quote>* out) const;
  bool PersonNamedNext(const Quote& q, std::vector<Quote>* out) const;
  bool TitledLater(const Quote& q, std::vector<Quote>* out) const;
  bool TitledAs(const std::string& head, const std::string& id) const;

  // Quotations in marks, and unmarked posts (quote_direct.cc).
  Judged Locate(const MarkedSpan& m) const;
  size_t ContentWords(const Judged& j) const;
  bool IsPartial(const Judged& j, size_t n) const;
  bool EndsSentence(const Judged& j) const;
  bool TitleCase(const Judged& j) const;
  bool OverWork(const Judged& j) const;
  bool FollowedByCue(const Judged& j) const;
  bool IsTitle(const Judged& j, size_t n) const;
  bool CitedHeadline(const Judged& j, size_t n) const;
  size_t SourceCitation(size_t from, size_t to) const;
  bool SoCalled(const Judged& j) const;
  bool Embedded(const Judged& j) const;
  void DirectQuotes(std::vector<Quote>* out);
  bool WeakCue(size_t i) const;
  Attribution InTheirWords(const Judged& j);
  bool SentenceHasCue(const Judged& j) const;
  Attribution Attribute(const Judged& j, bool partial);
  Attribution RelativeCue(const Judged& j);
  Attribution TreatedAs(const Judged& j, size_t from);
  Attribution NamedBy(const Judged& j, size_t from, size_t to);
  bool ModifierQuote(const Judged& j, size_t from, size_t to, bool cued) const;
  Attribution AfterQuote(const Judged& j);
  bool ContinuesSentence(const Judged& j) const;
  Attribution UnlistedCue(size_t lo, size_t hi);
  Attribution BeforeQuote(const Judged& j);
  bool Intervenes(const Judged& j, size_t last_close, Attribution* a);
  Attribution PreviousSentence(const Judged& j);
  Speaker NewlyIntroduced(size_t from, size_t to) const;
  void UnmarkedPosts(std::vector<Quote>* out);

  // Transcripts and interviews laid out as turns (quote_turns.cc).
  void Turns(std::vector<Quote>* out);
  std::pair<size_t, size_t> TurnLabel(size_t p, size_t colon) const;
  Speaker Interviewer(size_t first_turn);
  Speaker Interviewee(size_t first_turn, const std::string& interviewer) const;
  Speaker LabelSpeaker(size_t a, size_t b);

  // Reported speech (quote_indirect.cc).
  void IndirectQuotes(std::vector<Quote>* out);
  bool HasDirect(size_t from, size_t to) const;
  size_t ContentEnd(size_t from, size_t to) const;
  void Emit(size_t a, size_t b, const Speaker& s, std::string cue, size_t from, size_t to, std::vector<Quote>* out);
  void Indirect(size_t from, size_t to, std::vector<Quote>* out);
  void AddedAfterDirect(size_t from, size_t to, std::vector<Quote>* out);
  bool OtherSpeaker(size_t next, size_t end, const Speaker& s);
  size_t NameWithApposition(size_t comma, size_t from) const;
  bool RelayedReport(size_t start, size_t end);
  size_t ListenerEnd(size_t t, size_t end) const;
  // For a source "according to" whose comma is at `k` ("according to her
  // publicist,"): the comma after the person its role noun names in
  // apposition ("…, Jack Ketsoyan,"), or `k` when there is none before `end`.
  size_t AppositionComma(size_t k, size_t end) const;
  // True when the clause from `from` opens with the speaker `s`: a mention
  // of the same entity, the speaker's own name, or a pronoun referring to them.
  bool OpensWithSpeaker(size_t from, const Speaker& s) const;
  // True when the "that" at `t` stands before one noun and a comma or a full
  // stop ("wrote that story, but …"): it points at the noun, opening no clause.
  bool ThatPointsAtNoun(size_t t) const;
  size_t RelayEnd(size_t start, size_t end) const;
  bool PostposedAttribution(size_t start, size_t end) const;
  Speaker DocumentFrom(size_t comma, size_t cue);
  size_t GapRelative(size_t c, size_t lo) const;
  bool RelaysSpeaker(size_t from, size_t to);
  bool HasReport(size_t from, size_t to) const;
  size_t SecondReport(size_t start, size_t end) const;
  size_t ContentStart(size_t c, size_t end) const;
  bool FiniteAuxiliaryAhead(size_t t, size_t end) const;
  // True when the figure at `f` opens a clause's subject (a finite verb or
  // past tense follows: "30 of the 80 wounded remained").
  bool FigureClause(size_t f, size_t end) const;
  bool SubjectStart(size_t t) const;
  size_t QuestionStart(size_t c, size_t end) const;
  Speaker Asker(size_t c, size_t start);
  bool Negated(size_t c) const;
  void EmitClauses(size_t a, size_t b, const Speaker& s, const std::string& cue, size_t from, size_t to,
                   std::vector<Quote>* out);

  // The speaker a phrase names (quote_speakers.cc).
  Speaker Anonymous(size_t a, size_t b) const;
  Speaker NounPhrase(size_t a, size_t b);
  Speaker SubjectsSpokesperson(size_t a, const std::string& head);
  Speaker OrgModifier(size_t b);
  Speaker LastVia(size_t w) const;
  Speaker PersonNamedIn(const std::string& title, size_t before) const;
  Speaker RoleHolder(const std::string& head, size_t before, bool apposition = false) const;
  Speaker OwnedDescription(size_t a, size_t b);
  // The body a later sentence names for the spokesperson noun at `b`
  // ("The spokesman for the Bureau …"); none when none is named.
  Speaker BodyNamedLater(size_t b);
  Speaker NamedLater(size_t b);
  Speaker IndefiniteAntecedent(const std::string& head, size_t a) const;
  // "cable operator Seacom … The cable operator": the person or
  // organisation the head noun at `a`'s phrase was written before as its
  // title, the latest; none when there is none.
  Speaker TitledEarlier(const std::string& head, size_t a) const;
  // "a senior Democrat said … said the Democrat who": the earlier
  // indefinite description by the same name; none when there is none.
  Speaker DescribedName(const std::string& head, size_t a) const;
  // "the report" at `a`: the owner of the document named with the same
  // noun a few sentences before ("The NCAA report"); none when none is.
  Speaker NamedDocument(const std::string& head, size_t a);
  // "the officer" at [a, b] (a person's role no lexicon calls an epithet):
  // the person titled so, the earlier description, or the description.
  Speaker RoleDescription(size_t a, size_t b) const;
  // "“…,” the officer said." in the sentence `sent`: the description that
  // speaks a direct quotation there, read as RoleDescription; none else.
  Speaker DirectDescription(size_t sent) const;
  Speaker OrgNamedBy(size_t a, size_t b) const;
  Speaker DescribedBefore(const std::string& head, size_t a) const;
  Speaker ElidedHead(size_t a) const;
  Speaker Issuer(const std::string& noun, size_t at);
  Speaker DocumentOwner(size_t i);
  Speaker LastOutlet(size_t a) const;
  Speaker OutletSubject(size_t a) const;
  Speaker DocumentBy(size_t cue, size_t lo);
  size_t PhraseStart(size_t b, size_t lo) const;
  Speaker NewName(size_t a, size_t b, bool known_only = false, bool fresh = false);
  bool IsNameWord(size_t i) const;
  bool PostNominal(size_t i) const;
  bool AfterWorkWord(size_t open) const;
  Attribution SharedAttribution(const Judged& j, size_t to);
  bool TimeWordInName(size_t i) const;
  Speaker HeadAt(size_t i, size_t lo);
  bool IsSpokesperson(size_t i) const;
  Speaker SpokespersonForUnnamed(size_t i, size_t j, size_t hi) const;
  static bool IsRoleNoun(const std::string& w);
  static int TitleWord(std::string_view raw);
  bool TitleRun(size_t a, size_t b) const;
  bool TitleOnly(size_t m) const;
  Speaker PersonAfterTitle(size_t j, size_t hi);
  Speaker CrowdWithPhrase(size_t i, size_t lo, bool subject) const;
  // For a cue at `cue`: the word index of "who" opening a relative clause
  // right before it that withholds the subject's name ("a spokeswoman who
  // asked not to be named said", "an official who spoke on condition of
  // anonymity said"), or `cue` when there is none. Reads back no further
  // than `lo`.
  size_t WithheldNameClause(size_t cue, size_t lo) const;
  Speaker SubjectBefore(size_t cue, size_t lo);
  // The first person named (outside quotation marks) after word `a`, in its
  // sentence or the next, when no person is named before `a`; none else.
  Speaker FirstPersonAhead(size_t a) const;
  Speaker PersonBeforeAppositions(size_t cue, size_t lo) const;
  Speaker DescribedSubject(size_t cue, size_t lo);
  bool DateFragment(size_t a, size_t b) const;
  Speaker UnnamedSource(size_t i, size_t lo, bool head_last = false) const;
  Speaker AccordingTo(size_t i, size_t hi, bool postposed = false);
  Speaker SubjectAfter(size_t i, size_t hi);
  bool RoleThenName(size_t i, size_t hi) const;
  int PersonAfterRole(size_t i, size_t hi) const;
  // True when the verb-like word at `k` modifies a person's role that
  // follows ("organized crime detective Joe Coffey").
  bool ModifiesRole(size_t k, size_t hi) const;
  size_t ClauseStart(size_t lo, size_t hi) const;
  Speaker NearestSubject(size_t lo, size_t hi);
  Speaker ParticipleSubject(size_t cue, size_t lo);
  Speaker ClauseSubject(size_t lo, size_t hi);

  // What a pronoun or an epithet refers back to (quote_referents.cc).
  Speaker FromMention(size_t m) const;
  // The speaker a mention names (also one the finder added itself).
  Speaker FromEntity(const EntityMention& e) const;
  bool MentionInQuote(size_t m) const;
  size_t ParagraphOf(size_t cp) const;
  Speaker Recent(size_t before, std::string_view type, bool place = true) const;
  Speaker RecentOf(size_t before, std::string_view type) const;
  Speaker LaterAdded(size_t before, std::string_view type, size_t start, Speaker found) const;
  Speaker Pronoun(std::string_view p, size_t at) const;
  Speaker Referent(size_t at, std::string_view type, bool place = true) const;
  Speaker InSentenceBefore(size_t at, std::string_view type) const;
  bool Agrees(const std::string& id, int want) const;
  bool SubjectPosition(size_t w) const;
  bool Introduced(size_t w) const;
  bool NamedLaterInSentence(size_t b, const std::string& id) const;
  Speaker SentenceSubject(size_t at, std::string_view type, int want) const;
  Speaker CollectiveSubject(size_t at) const;
  Speaker CoordinatedSubject(size_t at) const;
  bool OpensWithPronoun(size_t i, int want) const;
  Speaker RecentAgreeing(size_t before, std::string_view type, int want) const;
  Speaker LastReporter(std::string_view p, size_t at) const;
  // The person the sentence before asked ("X asked Y, "…?""), when the
  // pronoun at `at` (+1 he, -1 she) answers ("he responded"); none else.
  Speaker PersonAsked(size_t at, int want) const;
  static bool OnePersonDescribed(const Speaker& s);
  void BuildGender();

  // Media (quote_media.cc).
  void InheritMedia(std::vector<Quote>* out) const;
  std::string SubjectMedium(size_t from, size_t k, size_t to) const;
  bool SpokenInPerson(Span span) const;
  bool InPerson(size_t from, size_t to) const;
  static bool IsPlatformMedium(std::string_view m);
  static bool IsPlatform(const std::string& text);
  std::string Medium(size_t from, size_t to) const;
  bool AfterPreposition(size_t i) const;
  // A word of refusal or absence shortly before word i ("unavailable for
  // an interview"): the medium it names was not used.
  bool Refused(size_t i) const;
  size_t InterviewerEnd(size_t i, size_t to) const;
  bool AudienceAt(size_t i) const;
  bool OutletAt(size_t i) const;

  const std::string& text_;
  const std::vector<Span>& sentences_;
  const std::vector<Token>& tokens_;
  std::vector<EntityMention>* entities_;

  std::u32string cps_;
  std::vector<size_t> byte_of_;  // byte offset of each code point, plus the end
  std::vector<MarkedSpan> marks_;
  std::vector<MarkedSpan> top_;  // not nested, sorted by open
  std::vector<Word> words_;
  std::vector<bool> paragraph_caption_;
  std::vector<size_t> mention_order_;  // indices into *entities_, by start
  std::map<std::string, std::string> canonical_;  // entity id -> longest proper name
  std::map<std::string, std::string> acronym_of_;  // acronym entity id -> the entity it abbreviates
  std::map<std::string, std::string> by_initials_;  // initials of a multi-word name -> its entity id
  std::unordered_map<std::string, size_t> by_last_word_;   // lower-cased last word -> mention index
  std::unordered_map<std::string, size_t> by_first_name_;  // PERSON first name -> mention index
  std::vector<bool> platform_;                             // per mention: names a social platform
  unsigned long max_id_ = 0;
  std::vector<EntityMention> new_mentions_;
  std::unordered_map<std::string, int> gender_;  // entity id -> votes, > 0 male, < 0 female
  std::unordered_set<std::string> outlets_;     // PERSON entity ids read as organisations ("the Post")
  Speaker last_speaker_;
  // Every quotation's speaker with the word its report starts at, in the
  // order found (indirect speech first): the last speaker for a pronoun.
  std::vector<std::pair<size_t, Speaker>> reports_;
};

}  // namespace storyline::quote_finder

#endif  // STORYLINE_EXTRACT_QUOTE_FINDER_H_
