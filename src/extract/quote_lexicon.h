// quote_lexicon.h: the word lists the quotation finder reasons with (cue
// verbs, pronouns, role nouns, media). Immutable sorted tables; every lookup
// is a binary search over lower-cased ASCII words.
//
// Thread-safety: constants only.
#ifndef STORYLINE_EXTRACT_QUOTE_LEXICON_H_
#define STORYLINE_EXTRACT_QUOTE_LEXICON_H_

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace storyline::quote_lexicon {

template <size_t N>
constexpr bool Sorted(const std::string_view (&a)[N]) {
  return std::is_sorted(a, a + N);
}

template <size_t N>
bool In(const std::string_view (&a)[N], std::string_view w) {
  return std::binary_search(a, a + N, w);
}

// Verbs (and "according") that introduce or follow reported speech.
inline constexpr std::string_view kCues[] = {
    "according", "acknowledged", "added", "adding", "adds", "admits", "admitted", "admitting",
    "alleged", "announced", "announcing", "answered", "argued", "asked", "asks", "asserted",
    "called", "calling", "captioned", "claimed", "claiming", "claims", "commented", "comments",
    "conceded", "concluded", "confirmed", "continued", "continues", "declared", "declaring",
    "denied", "described", "describing", "emphasised", "emphasized", "estimated", "exclaimed",
    "explained", "explaining", "explains", "indicated", "insisted", "insisting", "insists",
    "joked", "mentioned", "noted", "notes", "noting", "penned", "pointed", "posted",
    "predicted", "promising", "quipped", "read", "reads", "recalled", "reiterated", "remarked",
    "replied", "replies", "reported", "reports", "responded", "revealed", "reveals", "said",
    "say", "saying", "says", "shared", "signaled", "signalled", "stated", "states", "stating", "stressed", "suggested",
    "tell", "tells", "testified", "told", "tweeted", "urged", "urging", "warned", "warning",
    "writes", "writing", "wrote", "yelled",};
static_assert(Sorted(kCues));

// Cues that are also ordinary verbs ("continues to face", "read the
// report", "shared photos"): speech only when punctuation or "that"
// follows them.
inline constexpr std::string_view kWeakCues[] = {
    "added", "adds", "asked", "asks", "concluded", "continued", "continues", "noted", "notes", "posted",
    "read", "reads", "shared", "tell", "tells", "told"};
static_assert(Sorted(kWeakCues));

// Cues that can report content without quotation marks (indirect speech).
inline constexpr std::string_view kIndirectCues[] = {
    "acknowledged", "added", "adding", "admitted", "alleged", "announced", "argued", "asserted",
    "claimed", "claiming", "claims", "conceded", "confirmed", "declared", "denied",
    "emphasised", "emphasized", "estimated", "explained", "indicated", "insisted", "insists",
    "mentioned", "noted", "point", "pointed", "predicted", "recommended", "reiterated",
    "replied", "reported", "reports", "revealed", "said", "say", "saying", "says", "signaled",
    "signalled", "stated",
    "states", "stressed", "suggested", "tells", "testified", "told", "tweeted", "warned",
    "warns", "writes", "wrote",};
static_assert(Sorted(kIndirectCues));

// Words between a subject and its cue verb ("she then said").
inline constexpr std::string_view kAdverbs[] = {
    "again", "already", "also", "finally", "first", "further", "had", "has", "have", "herself",
    "himself", "initially", "just", "later", "now", "once", "previously", "privately", "publicly",
    "recently", "repeatedly", "reportedly", "seemingly", "similarly", "simply", "still",
    "subsequently", "themselves", "then", "therefore", "too", "was", "would",};
static_assert(Sorted(kAdverbs));

inline constexpr std::string_view kPronouns[] = {
    "he", "i", "it", "she", "they", "we", "you",};
static_assert(Sorted(kPronouns));

// Determiners that make a noun phrase an anonymous or collective speaker.
inline constexpr std::string_view kAnonDeterminers[] = {
    "a", "an", "another", "dozens", "few", "many", "numerous", "one", "other", "several",
    "some", "three", "two",};
static_assert(Sorted(kAnonDeterminers));

inline constexpr std::string_view kDefiniteDeterminers[] = {
    "her", "his", "its", "our", "the", "their", "this",};
static_assert(Sorted(kDefiniteDeterminers));

// Plural nouns that name a crowd rather than a person ("fans said").
inline constexpr std::string_view kCollectives[] = {
    "activists", "analysts", "authorities", "automakers", "campaigners", "charities", "commenters",
    "consumers", "critics", "customers", "diplomats", "doctors", "economists", "employees",
    "executives", "experts", "fans", "followers", "insiders", "internet", "investigators",
    "investors", "lawmakers", "manufacturers", "netizens", "observers", "officials", "others",
    "parents", "people", "prosecutors", "protesters", "readers", "regulators", "researchers",
    "residents", "scientists", "shoppers", "sources", "students", "supporters", "teachers",
    "traders", "tweeters", "twitter", "unions", "users", "viewers", "voters", "witnesses",
    "workers",};
static_assert(Sorted(kCollectives));

// Nouns for a person, used in epithets ("the actress", "the ex-wife of Ye").
inline constexpr std::string_view kPersonNouns[] = {
    "activist", "actor", "actress", "alum", "alumna", "ambassador", "analyst", "athlete",
    "attorney", "author", "billionaire", "boss", "boyfriend", "brother", "businessman",
    "businesswoman", "candidate", "captain", "celebrity", "ceo", "chair", "chairman",
    "chairwoman", "chef", "chief", "coach", "comedian", "councillor", "councilman",
    "councilwoman", "creator", "dad", "daughter", "defender", "designer", "director",
    "economist", "entrepreneur", "ex-boyfriend", "ex-girlfriend", "ex-husband", "ex-wife",
    "executive", "father", "fiance", "fiancee", "filmmaker", "forward", "founder", "girlfriend",
    "goalkeeper", "governor", "host", "husband", "icon", "influencer", "journalist", "judge",
    "lawmaker", "lawyer", "leader", "manager", "mayor", "midfielder", "minister", "model",
    "mogul", "mom", "mother", "musician", "official", "owner", "partner", "personality",
    "player", "politician", "presenter", "president", "producer", "professor", "pundit",
    "rapper", "rep", "representative", "researcher", "senator", "singer", "sister", "socialite",
    "son", "spokesman", "spokesperson", "spokeswoman", "star", "starlet", "striker",
    "superstar", "teen", "teenager", "wife", "winger", "woman", "writer",};
static_assert(Sorted(kPersonNouns));

// Nouns for an organisation ("the brand said").
inline constexpr std::string_view kOrgNouns[] = {
    "agency", "authority", "bank", "board", "brand", "broadcaster", "charity", "club",
    "commission", "committee", "company", "conglomerate", "corporation", "council", "court",
    "department", "firm", "foundation", "giant", "government", "group", "house", "label",
    "league", "magazine", "maker", "ministry", "network", "newspaper", "office", "organisation",
    "organization", "outlet", "platform", "police", "publication", "retailer", "studio", "team",
    "trust",};
static_assert(Sorted(kOrgNouns));

// Last words of organisation names ("Calloway & Finch Engineering").
inline constexpr std::string_view kOrgSuffixes[] = {
    "airlines", "association", "bureau", "co", "co.", "corp", "corp.", "engineering", "fc", "inc", "inc.",
    "institute", "llc", "ltd", "ltd.", "partners", "plc", "rovers", "society", "union", "united", "university"};
static_assert(Sorted(kOrgSuffixes));

// Nouns for the text that carries a statement ("the statement read").
inline constexpr std::string_view kDocumentNouns[] = {
    "caption", "comment", "email", "invitation", "letter", "memo", "message", "note", "post", "release",
    "statement", "tweet", "video",};
static_assert(Sorted(kDocumentNouns));

// Words after a quoted title that name what it is the title of, or who is
// known for it ("The Kardashians" star).
inline constexpr std::string_view kTitleFollowers[] = {
    "actor", "actress", "album", "alum", "alumna", "author", "book", "cast", "character",
    "co-star", "costar", "creator", "director", "documentary", "episode", "fame", "film",
    "finale", "franchise", "hitmaker", "host", "movie", "musical", "novel", "podcast",
    "premiere", "producer", "reboot", "season", "sequel", "series", "show", "singer", "song",
    "spin-off", "star", "stars", "track",};
static_assert(Sorted(kTitleFollowers));

// Words before a quoted title that say a work follows ("the film "X"").
inline constexpr std::string_view kTitleLeaders[] = {
    "album", "book", "called", "documentary", "entitled", "episode", "film", "headline",
    "movie", "musical", "named", "novel", "play", "podcast", "program", "programme", "series",
    "show", "single", "sitcom", "song", "titled", "track", "video",};
static_assert(Sorted(kTitleLeaders));

// Lower-case words a capitalised title may contain ("Keeping Up with the
// Kardashians").
inline constexpr std::string_view kTitleSmallWords[] = {
    "a", "an", "and", "as", "at", "but", "by", "de", "for", "from", "in", "of", "on", "or",
    "the", "to", "up", "with",};
static_assert(Sorted(kTitleSmallWords));

// Prepositions that make a following name an object, not a subject.
inline constexpr std::string_view kObjectPrepositions[] = {
    "about", "against", "at", "by", "for", "from", "of", "on", "to", "toward", "with",};
static_assert(Sorted(kObjectPrepositions));

// Words that may open a sentence before its subject ("In a video, she
// said"): an introductory phrase ends at the first comma.
inline constexpr std::string_view kIntroWords[] = {
    "additionally", "after", "also", "and", "as", "before", "but", "concluding", "during",
    "earlier", "following", "however", "in", "instead", "last", "later", "meanwhile", "on",
    "over", "since", "speaking", "still", "then", "when", "while", "yet",};
static_assert(Sorted(kIntroWords));

// Words after a speech verb that show it is not reporting speech ("said
// goodbye", "said nothing").
inline constexpr std::string_view kNotSpeechObjects[] = {
    "farewell", "goodbye", "hello", "hi", "little", "much", "no", "nothing", "sorry", "thanks",
    "yes",};
static_assert(Sorted(kNotSpeechObjects));

// Cues that introduce a written post quoted after a colon without marks.
inline constexpr std::string_view kPostCues[] = {
    "captioned", "commented", "posted", "replied", "tweeted", "writes", "wrote"};
static_assert(Sorted(kPostCues));

// Media that are as often talked about as spoken through ("the report
// found"): counted only after a preposition ("in its report").
inline constexpr std::string_view kDocumentMedia[] = {"article", "phone", "report", "speech", "website"};
static_assert(Sorted(kDocumentMedia));

// Cues whose clause may follow without "that" ("said the firm had won");
// the others take a noun object ("announced the decision").
inline constexpr std::string_view kBareClauseCues[] = {
    "added", "alleged", "argued", "asserted", "claimed", "claims", "estimated", "insisted",
    "insists", "predicted", "reported", "reports", "said", "say", "saying", "says", "tells",
    "testified", "told", "warned", "writes", "wrote",};
static_assert(Sorted(kBareClauseCues));

// Time and manner phrases between a speech verb and its content ("said on
// Friday that", "said last week it had").
inline constexpr std::string_view kTimeWords[] = {
    "april", "august", "earlier", "february", "friday", "january", "july", "june", "last",
    "march", "may", "monday", "november", "october", "saturday", "september", "sunday",
    "this", "thursday", "today", "tuesday", "wednesday", "yesterday",};
static_assert(Sorted(kTimeWords));

// Words ending a caption paragraph ("Picture: Getty Images"): names there are
// photo credits and captions, never the antecedent of a speaker's pronoun.
inline constexpr std::string_view kCaptionWords[] = {
    "credit", "credits", "image", "photo", "photograph", "picture",};
static_assert(Sorted(kCaptionWords));

}  // namespace storyline::quote_lexicon

#endif  // STORYLINE_EXTRACT_QUOTE_LEXICON_H_
