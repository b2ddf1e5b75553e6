#include "extract/ner_rules.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/lexicon.h"
#include "extract/ner.h"

namespace storyline::ner {
namespace {

using Tokens = std::vector<std::string>;
using Tags = std::vector<std::string>;

// The rule tables below are closed classes of English (determiners, work and
// event nouns, credit cues), not names: they say what kind of thing a
// neighbouring name is, whatever the article.

// Nouns for a creative work; a title next to one is a WORK.
constexpr std::string_view kWorkNouns[] = {
    "film",     "films",     "movie",    "movies",      "series",     "show",       "shows",
    "sitcom",   "drama",     "dramedy",  "documentary", "docuseries", "miniseries", "album",
    "albums",   "song",      "songs",    "single",      "track",      "ep",         "book",
    "books",    "novel",     "novels",   "memoir",      "biography",  "play",       "musical",
    "opera",    "podcast",   "campaign", "franchise",   "sequel",     "prequel",    "remake",
    "thriller", "poem",      "video",    "programme",   "reboot",     "spinoff",    "spin-off",
    "anthology", "ballad",   "anthem",   "mixtape",     "comic",      "episode",    "special",
    "telenovela", "cartoon", "novella",  "essay",       "column",     "blockbuster", "smash",
    "contest"};

// Words before a work noun that make it a noun ("the show"), not a verb
// ("polls show Biden ahead").
constexpr std::string_view kNounOpeners[] = {
    "the",    "a",       "an",       "his",      "her",      "their",    "its",     "our",
    "my",     "your",    "this",     "that",     "new",      "latest",   "upcoming", "hit",
    "debut",  "first",   "second",   "third",    "last",     "final",    "next",    "'s",
    "’s",     "same",    "classic",  "original", "popular",  "acclaimed", "animated", "forthcoming",
    "smash",  "viral",   "tv",       "television", "reality", "talk",     "comedy",  "horror",
    "documentary", "music", "streaming", "cult", "breakout", "beloved", "iconic",  "award-winning",
    "feature", "short",  "solo",     "studio",   "debut",    "ad",       "advertising", "marketing"};

// Nouns after a quoted title that make it a WORK ("'Foo Bar' star").
constexpr std::string_view kWorkPeople[] = {
    "star",   "stars",    "actor",    "actress",  "author",   "singer",   "director", "creator",
    "host",   "producer", "showrunner", "writer", "cast",     "alum",     "co-star",  "costar",
    "hitmaker", "trailer", "premiere", "finale",  "season",   "sequel",   "reboot",   "actors",
    "narrator", "screenwriter", "composer"};

// Verbs whose object is a title: "starred in X", "titled X".
constexpr std::string_view kStarVerbs[] = {"starred", "stars", "starring", "star", "co-starred",
                                           "co-stars", "appeared", "appears", "cameo"};
// Of those, the ones as often followed by a place ("appeared in London").
constexpr std::string_view kPlaceableVerbs[] = {"appeared", "appears", "cameo"};
constexpr std::string_view kTitleVerbs[] = {"titled", "entitled"};
// "called X", "dubbed X" name a work only with a work noun just before.
constexpr std::string_view kNamingVerbs[] = {"called", "dubbed", "named"};

// Role nouns before a name ("actress Jane Roe", "designer Ann Lee"): the
// name is a person whatever the tagger guessed.
constexpr std::string_view kPersonRoles[] = {
    "actress", "actor", "singer", "rapper", "model", "designer", "director", "producer",
    "writer", "author", "chef", "comedian", "comedienne", "presenter", "musician", "influencer",
    "billionaire", "businessman", "businesswoman", "entrepreneur", "founder", "co-founder", "ceo",
    "chairman", "chairwoman", "senator", "minister", "mayor", "governor", "coach", "striker",
    "boyfriend", "girlfriend", "husband", "wife", "ex-husband", "ex-wife", "fiancé", "fiancée",
    "fiance", "fiancee", "daughter", "son", "mother", "father", "sister", "brother", "spokesman",
    "spokeswoman", "spokesperson", "lawyer", "attorney", "photographer", "stylist", "journalist",
    "reporter", "star", "socialite", "dancer", "footballer", "quarterback", "pitcher", "novelist",
    "filmmaker", "songwriter", "judge", "detective", "officer", "sheriff", "professor"};
// Organisation nouns before a name ("the fashion house X", "retailer X").
constexpr std::string_view kOrgNouns[] = {
    "brand",   "label",     "house",     "company",   "firm",     "retailer", "carmaker",
    "automaker", "startup", "start-up",  "conglomerate", "network", "broadcaster", "newspaper",
    "magazine", "publication", "agency", "bank",     "airline",  "charity",  "nonprofit",
    "non-profit", "outlet", "tabloid",   "publisher", "studio",   "streamer", "manufacturer",
    "maker",   "giant",     "chain",     "insurer",   "lender",   "group"};
constexpr std::string_view kHouseKinds[] = {"fashion", "auction", "publishing", "couture", "design", "record"};

// Head nouns of named events and awards (capitalised, last word of the name).
constexpr std::string_view kEventHeads[] = {
    "Awards",  "Award",      "Prize",    "Prizes",  "Festival",      "Fest",   "Cup",
    "Championship", "Championships", "Olympics", "Games", "Expo", "Summit",  "Conference",
    "Gala",    "Marathon",   "Tournament", "Biennale", "Week",        "Globes", "Prix",
    "Convention", "Oscars", "Grammys", "Emmys", "Tonys", "Baftas", "BAFTAs", "Olympiad"};
// Award ceremonies known by one plural word ("the Oscars").
constexpr std::string_view kSingleWordEvents[] = {"Oscars", "Grammys", "Emmys", "Tonys", "Baftas",
                                                  "BAFTAs", "Olympics", "Paralympics"};

// Head nouns that end an organisation's name ("Interior Ministry", "Civil
// Defense Authority", "State Department"), sorted: the name is an
// organisation whatever the tagger guessed ("Saudi Interior" PER).
constexpr std::string_view kOrgHeads[] = {
    "Academy", "Administration", "Agency", "Airlines", "Airways", "Association", "Authority",
    "Bank", "Board", "Bureau", "Club", "College", "Commission", "Committee", "Company",
    "Corporation", "Council", "Department", "Federation", "Foundation", "Gallery", "Hospital",
    "Institute", "Library", "Ministry", "Museum", "Office", "Organisation", "Organization", "Party",
    "School", "Secretariat", "Service", "Society", "Trust", "University", "Zoo"};
static_assert(std::is_sorted(std::begin(kOrgHeads), std::end(kOrgHeads)));
// Head nouns of named places built by people ("City Hall", "Union Square").
constexpr std::string_view kFacilityHeads[] = {
    "Hall",   "Square",    "Street",  "Avenue", "Boulevard", "Road",   "Bridge",
    "Airport", "Station",  "Stadium", "Arena",  "Palace",    "Tower",  "Cathedral", "Plaza"};
// Words before a facility that make it a place, not a surname ("at Hall").
constexpr std::string_view kPlaceOpeners[] = {"the", "at", "in", "outside", "inside", "near", "from",
                                              "to", "into", "on", "across", "toward", "towards", "past"};

// First words of photo credit lines ("Photo: ...", "Image by ...").
constexpr std::string_view kCreditCues[] = {"photo", "photos", "photograph", "photography", "image",
                                            "images", "picture", "pictures", "credit", "illustration",
                                            "video", "graphic", "photographer"};
// What follows a credit cue.
constexpr std::string_view kCreditLinks[] = {":", "by", "credit", "courtesy", "/", "via", "|", "-", "—"};
// Last words of picture-agency names ("Getty Images", "Alamy Stock Photo").
constexpr std::string_view kAgencyHeads[] = {"Images", "Pictures", "Photos", "Photo", "Photography"};

// Words a capitalised title run should not swallow at its end ("the film
// Barbie Monday"): days and months are dates, not titles.
constexpr std::string_view kDateWords[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "June", "July", "August", "September", "October", "November",
    "December"};

constexpr std::string_view kQuotes[] = {"\"", "“", "”", "‘", "’", "'", "``", "''", "`", "«", "»"};
// Lower-case words allowed inside a capitalised title ("War and Peace").
constexpr std::string_view kTitleGlue[] = {"of", "and", "the", "a", "an", "in", "on", "to", "for",
                                           "with", "at", "from", "by", "&", ":", "or", "vs.", "de"};

// A title longer than this is more likely a quotation or a sentence.
constexpr size_t kMaxTitleTokens = 8;
// "a new film titled X": how far back a work noun may be from "called".
constexpr size_t kNamingWindow = 3;
// Dateline delimiters.
constexpr std::string_view kDatelineEnds[] = {":", "—", "–", "-", "--", "("};

template <size_t N>
bool In(const std::string_view (&set)[N], std::string_view w) {
  // Length and first byte inline before the byte compare: every rule asks
  // each token, and most words differ there.
  for (const std::string_view s : set) {
    if (s.size() == w.size() && (w.empty() || s[0] == w[0]) && s == w) return true;
  }
  return false;
}

// A copy of a word list sorted at compile time, for the lists every token
// is looked up in: a binary search instead of In()'s scan of 30-70 words.
template <size_t N>
struct SortedWords {
  std::array<std::string_view, N> words{};
  explicit constexpr SortedWords(const std::string_view (&set)[N]) {
    std::copy(std::begin(set), std::end(set), words.begin());
    std::sort(words.begin(), words.end());
  }
};

template <size_t N>
bool In(const SortedWords<N>& set, std::string_view w) {
  return std::binary_search(set.words.begin(), set.words.end(), w,
                            [](std::string_view a, std::string_view b) { return lexicon::Less(a, b); });
}

constexpr SortedWords kWorkNounsSorted(kWorkNouns);
constexpr SortedWords kNounOpenersSorted(kNounOpeners);
constexpr SortedWords kPersonRolesSorted(kPersonRoles);
constexpr SortedWords kOrgNounsSorted(kOrgNouns);
constexpr SortedWords kOrgHeadsSorted(kOrgHeads);
constexpr SortedWords kEventHeadsSorted(kEventHeads);
constexpr SortedWords kFacilityHeadsSorted(kFacilityHeads);

std::string Lower(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Starts with a capital or a digit ("Foo", "2001"): a word of a title.
bool IsTitleWord(std::string_view w) { return !w.empty() && (IsUpper(w[0]) || IsDigit(w[0])); }
bool IsCap(std::string_view w) { return !w.empty() && IsUpper(w[0]); }

// At least two letters, all upper case (periods allowed: "U.S.").
bool IsAllCaps(std::string_view w) {
  size_t letters = 0;
  for (char c : w) {
    if (IsUpper(c)) {
      ++letters;
    } else if (c != '.' && c != '\'' && c != '-') {
      return false;
    }
  }
  return letters >= 2;
}

// "B-" or "I-" plus type, appended piecewise: GCC 12's -Wrestrict misfires
// on operator+ of short strings.
std::string IobTag(char prefix, std::string_view type) {
  std::string tag;
  tag.reserve(2 + type.size());
  tag.push_back(prefix);
  tag.push_back('-');
  tag.append(type);
  return tag;
}

// Sets tokens [begin, end) to one chunk of `type` ("O" clears). Tagger chunks
// overlapping the span are cleared whole first, so the tags stay IOB2.
void SetSpan(size_t begin, size_t end, std::string_view type, Tags* tags) {
  for (const NerSpan& s : NerSpans(*tags)) {
    if (s.begin < end && begin < s.end) {
      for (size_t i = s.begin; i < s.end; ++i) (*tags)[i].assign(1, 'O');
    }
  }
  for (size_t i = begin; i < end; ++i) {
    if (type == "O") {
      (*tags)[i].assign(1, 'O');
    } else {
      (*tags)[i] = IobTag(i == begin ? 'B' : 'I', type);
    }
  }
}

// The end of a capitalised title starting at `begin` (== begin when none):
// title words joined by lower-case glue, never ending on glue or a date.
size_t TitleRunEnd(const Tokens& t, size_t begin) {
  size_t end = begin;
  for (size_t i = begin; i < t.size() && i - begin < kMaxTitleTokens; ++i) {
    if (IsTitleWord(t[i]) && !In(kDateWords, t[i])) {
      end = i + 1;
    } else if (i == begin || !In(kTitleGlue, t[i])) {
      break;
    }
  }
  return end;
}

// A quoted title opening at `open`: sets [*begin, *end) to its words and
// returns true when the quote closes within kMaxTitleTokens, starts with a
// title word and holds no sentence punctuation; `named` when a work noun
// before it already says a title follows.
bool QuotedTitle(const Tokens& t, size_t open, size_t* begin, size_t* end, bool named = false) {
  if (open >= t.size() || !In(kQuotes, t[open])) return false;
  for (size_t i = open + 1; i < t.size() && i - open <= kMaxTitleTokens + 1; ++i) {
    if (In(kQuotes, t[i])) {
      if (i == open + 1 || !IsTitleWord(t[open + 1])) return false;
      const std::string_view last = t[i - 1];
      // Speech: "We won," she said. After a work noun ("the show "The Pitch
      // Room," where ...") the comma is the sentence's, set inside the marks
      // as American style does, and the title ends before it.
      const bool comma_after_title = named && last == "," && i > open + 2;
      if ((last == "," || last == ".") && !comma_after_title) return false;
      *begin = open + 1;
      *end = comma_after_title ? i - 1 : i;
      return true;
    }
    if (t[i] == "." || t[i] == "!" || t[i] == ";") return false;
  }
  return false;
}

// A title (quoted or capitalised) starting at `at`: its token span.
bool TitleAt(const Tokens& t, size_t at, size_t* begin, size_t* end, bool named = false) {
  if (at >= t.size()) return false;
  if (QuotedTitle(t, at, begin, end, named)) return true;
  const size_t e = TitleRunEnd(t, at);
  if (e == at) return false;
  *begin = at;
  *end = e;
  return true;
}

bool IsWorkNounAt(const Tokens& t, size_t i) {
  if (IsUpper(t[i][0]) && !(i == 0)) return false;  // "Fox Series" is part of a name
  if (!In(kWorkNounsSorted, Lower(t[i]))) return false;
  if (i == 0) return false;
  const std::string prev = Lower(t[i - 1]);
  // "the 2021 thriller": a year before the noun dates the work.
  const bool year = prev.size() == 4 && std::all_of(prev.begin(), prev.end(), [](char c) { return IsDigit(c); });
  return year || In(kNounOpenersSorted, prev) || IsCap(t[i - 1]) || In(kWorkNounsSorted, prev);
}

// Works another work is made from: "a sequel to X" names the work X.
constexpr std::string_view kDerivedWorkNouns[] = {"prequel", "remake", "sequel", "spin-off", "spinoff"};

// A run of capitalised words starting at `begin` (no glue), at most
// kMaxNameTokens long; returns its end (== begin when none).
constexpr size_t kMaxNameTokens = 4;
size_t NameRunEnd(const Tokens& t, size_t begin) {
  size_t e = begin;
  while (e < t.size() && t[e].size() >= 2 && IsCap(t[e]) && !IsAllCaps(t[e]) && !In(kDateWords, t[e]) &&
         e - begin < kMaxNameTokens) {
    ++e;
  }
  return e;
}

bool ChunkIs(const Tags& tags, size_t begin, size_t end, std::string_view type) {
  for (size_t k = begin; k < end; ++k) {
    if (tags[k].size() < 3 || std::string_view(tags[k]).substr(2) != type) return false;
    if ((k == begin) != (tags[k][0] == 'B')) return false;
  }
  return end == tags.size() || tags[end].size() < 2 || tags[end][0] != 'I';
}

// "actress Jane Roe" -> PER, "the fashion house Maison Blanc" -> ORG. Only a
// lower-case noun (not the first word) right before the name counts.
void AppositionRules(const Tokens& t, Tags* tags) {
  for (size_t i = 1; i + 1 < t.size(); ++i) {
    if (t[i].empty() || IsUpper(t[i][0])) continue;
    const bool person = In(kPersonRolesSorted, t[i]);
    bool org = !person && In(kOrgNounsSorted, t[i]);
    // "house" alone is a building; "fashion house", "auction house" are firms.
    if (org && t[i] == "house") org = In(kHouseKinds, t[i - 1]);
    if (!person && !org) continue;
    const size_t e = NameRunEnd(t, i + 1);
    if (e == i + 1) continue;
    const std::string_view type = person ? "PER" : "ORG";
    if (ChunkIs(*tags, i + 1, e, type)) continue;
    // Only names the tagger saw as some entity, or left untagged after a
    // role word; a longer tagger chunk is not cut.
    bool inside = true;
    for (const NerSpan& s : NerSpans(*tags)) {
      if (s.begin < e && i + 1 < s.end && (s.begin < i + 1 || s.end > e)) inside = false;
    }
    if (!inside) continue;
    SetSpan(i + 1, e, type, tags);
    i = e - 1;
  }
}

void WorkRules(const Tokens& t, Tags* tags) {
  const size_t n = t.size();
  for (size_t i = 0; i < n; ++i) {
    size_t b = 0, e = 0;
    const std::string w = Lower(t[i]);
    // "the film Foo Bar", "the Netflix series 'X'"; before a quoted title the
    // noun is a noun whatever precedes it ("the business show "X"").
    const bool before_quote = i > 0 && i + 1 < n && !IsUpper(t[i][0]) && In(kWorkNouns, w) && In(kQuotes, t[i + 1]);
    if ((IsWorkNounAt(t, i) || before_quote) && TitleAt(t, i + 1, &b, &e, true)) {
      SetSpan(b, e, "WORK", tags);
      i = e - 1;
      continue;
    }
    // "a sequel to Foo Bar"
    if (In(kDerivedWorkNouns, w) && IsWorkNounAt(t, i) && i + 1 < n && t[i + 1] == "to" &&
        TitleAt(t, i + 2, &b, &e)) {
      SetSpan(b, e, "WORK", tags);
      i = e - 1;
      continue;
    }
    // "starred in X"
    if (In(kStarVerbs, w) && i + 1 < n && t[i + 1] == "in" && TitleAt(t, i + 2, &b, &e)) {
      // "appeared in London": a place the tagger knows stays a place.
      if (In(kPlaceableVerbs, w) && (*tags)[b] == "B-LOC" && !In(kQuotes, t[i + 2])) continue;
      SetSpan(b, e, "WORK", tags);
      i = e - 1;
      continue;
    }
    // "titled X"; "a campaign called X"
    bool naming = In(kTitleVerbs, w);
    if (!naming && In(kNamingVerbs, w)) {
      for (size_t k = i >= kNamingWindow ? i - kNamingWindow : 0; k < i; ++k) naming |= IsWorkNounAt(t, k);
    }
    if (naming && TitleAt(t, i + 1, &b, &e)) {
      SetSpan(b, e, "WORK", tags);
      i = e - 1;
      continue;
    }
    // "'Foo Bar' star", "“X” trailer"
    if (QuotedTitle(t, i, &b, &e) && e + 1 < n) {
      const std::string next = Lower(t[e + 1]);
      if (In(kWorkPeople, next) || In(kWorkNouns, next)) {
        SetSpan(b, e, "WORK", tags);
        i = e;
      }
    }
  }
}

// Index just past a capitalised run ending at `head` going left: the first
// token of "Cannes Film Festival" for head "Festival". Skips a leading "The".
size_t NameStartBefore(const Tokens& t, size_t head) {
  size_t b = head;
  while (b > 0) {
    const std::string_view p = t[b - 1];
    const bool ordinal = !p.empty() && IsDigit(p[0]);  // "95th", "2024"
    if (!(IsCap(p) || ordinal) || In(kDateWords, p)) break;
    --b;
  }
  if (b < head && t[b] == "The") ++b;
  return b;
}

// Words before a name that make it a storm's ("Storm Tamsin", "Hurricane
// Ida", "Tropical Storm Alberto"): an event, never a person. Only a run of
// the word and one name: inside a longer name it is an organisation's
// ("National Hurricane Center", "Storm Prediction Center").
constexpr std::string_view kStormHeads[] = {"Cyclone", "Hurricane", "Storm", "Typhoon"};

void EventRules(const Tokens& t, Tags* tags) {
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (!In(kStormHeads, t[i]) || !IsCap(t[i + 1]) || IsAllCaps(t[i + 1])) continue;
    const bool tropical = i > 0 && t[i - 1] == "Tropical";
    const bool longer_before = i > 0 && !tropical && IsCap(t[i - 1]);
    const bool longer_after = i + 2 < t.size() && IsCap(t[i + 2]);
    const bool org_head = In(kOrgHeadsSorted, t[i + 1]) || t[i + 1] == "Center" || t[i + 1] == "Centre";
    if (longer_before || longer_after || org_head) continue;
    const size_t b = tropical ? i - 1 : i;
    SetSpan(b, i + 2, "OTHER", tags);
    ++i;
  }
  for (size_t i = 0; i < t.size(); ++i) {
    if (!In(kEventHeadsSorted, t[i])) continue;
    const size_t b = NameStartBefore(t, i);
    size_t e = i + 1;
    // "Festival of Britain", "Cup of Nations"
    if (e + 1 < t.size() && t[e] == "of" && IsCap(t[e + 1])) e = TitleRunEnd(t, e + 1);
    if (b == i && e == i + 1 && !In(kSingleWordEvents, t[i])) continue;
    if (b == 0 && b == i && e == i + 1 && IsAllCaps(t[i])) continue;
    SetSpan(b, e, "OTHER", tags);
    i = e - 1;
  }
}

// "the Saudi Interior Ministry", "the Ministry of Defence": a capitalised
// run ending at an organisation head, with "of" and a name after it, is
// one ORG. Tagger chunks it cuts keep their type outside it ("… Ministry
// Mansour Turki").
void OrgHeadRules(const Tokens& t, Tags* tags) {
  for (size_t i = 1; i < t.size(); ++i) {
    if (!In(kOrgHeadsSorted, t[i])) continue;
    size_t b = NameStartBefore(t, i);
    size_t e = i + 1;
    if (e + 1 < t.size() && t[e] == "of" && IsCap(t[e + 1])) e = NameRunEnd(t, e + 1);
    if (b == i && e == i + 1) continue;  // a head alone ("Board") is no name
    // "the Competition and Consumer Authority": a capitalised run joined by
    // "and" before the head's run belongs to the name.
    if (b >= 2 && b < i && t[b - 1] == "and" && IsCap(t[b - 2]) && !In(kDateWords, t[b - 2])) {
      const size_t before = NameStartBefore(t, b - 1);
      // Only words the tagger left untyped: a name it found before "and" is
      // a name of its own ("the International Monetary Fund and World
      // Bank", "Anna Berg and Health Agency staff").
      if (before < b - 1 && (*tags)[b - 2] == "O") b = before;
    }
    // "the North Vale Zoo Alliance": a head the tagger's own organisation
    // runs past does not end the name; the tagger's chunk stands.
    if (e == i + 1 && e < t.size() && (*tags)[e] == "I-ORG") continue;
    std::vector<NerSpan> cut;
    for (const NerSpan& s : NerSpans(*tags)) {
      if (s.begin < e && b < s.end) cut.push_back(s);
    }
    SetSpan(b, e, "ORG", tags);
    for (const NerSpan& s : cut) {
      if (s.begin < b) SetSpan(s.begin, b, s.label, tags);
      if (s.end > e) SetSpan(e, s.end, s.label, tags);
    }
    i = e - 1;
  }
}

void FacilityRules(const Tokens& t, Tags* tags) {
  for (size_t i = 1; i < t.size(); ++i) {
    if (!In(kFacilityHeadsSorted, t[i])) continue;
    const size_t b = NameStartBefore(t, i);
    if (b == i) continue;  // a bare "Hall" is a surname as often as a place
    size_t e = i + 1;
    while (e < t.size() && IsCap(t[e]) && !In(kDateWords, t[e]) && e - b < kMaxTitleTokens) ++e;
    // "Arsenio Hall": a person the tagger sees, with nothing placing it.
    bool all_person = true;
    for (size_t k = b; k < e; ++k) all_person &= (*tags)[k].size() > 2 && (*tags)[k].substr(2) == "PER";
    const bool placed = b > 0 && In(kPlaceOpeners, Lower(t[b - 1]));
    if (all_person && !placed) continue;
    SetSpan(b, e, "LOC", tags);
    i = e - 1;
  }
}

// "LOS ANGELES, CALIFORNIA: ...", "BRACKENFORD -- ...", "LONDON (Reuters) -".
void DatelineRules(const Tokens& t, Tags* tags, const CommonWordFn& common) {
  size_t i = 0;
  if (i < t.size() && In(kQuotes, t[i])) return;  // a quotation, not a dateline
  std::vector<std::pair<size_t, size_t>> groups;
  while (i < t.size()) {
    const size_t b = i;
    while (i < t.size() && IsAllCaps(t[i])) ++i;
    if (i == b) break;
    groups.emplace_back(b, i);
    if (i + 1 < t.size() && t[i] == "," && (IsAllCaps(t[i + 1]) || IsCap(t[i + 1]))) {
      ++i;
      // "LOS ANGELES, Calif. --": a state written in title case ends it.
      if (!IsAllCaps(t[i])) {
        const size_t sb = i;
        while (i < t.size() && IsCap(t[i]) && !IsAllCaps(t[i])) ++i;
        groups.emplace_back(sb, i);
        break;
      }
      continue;
    }
    break;
  }
  if (groups.empty() || i >= t.size() || !In(kDatelineEnds, t[i])) return;
  // The whole opening in capitals must be followed by running text.
  if (i + 1 >= t.size()) return;
  // "BREAKING: ...", "UPDATE -" are not places: a group the tagger left
  // outside every chunk and made only of common words is no dateline.
  for (const auto& [b, e] : groups) {
    bool all_common = true;
    for (size_t k = b; k < e; ++k) all_common &= (*tags)[k] == "O" && common && common(t[k]);
    if (all_common) return;
  }
  for (const auto& [b, e] : groups) SetSpan(b, e, "LOC", tags);
}

void CreditRules(const Tokens& t, Tags* tags) {
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (!IsCap(t[i]) || !In(kCreditCues, Lower(t[i])) || !In(kCreditLinks, Lower(t[i + 1]))) continue;
    const std::string& tag = (*tags)[i];
    if (tag == "O") continue;
    // Clear the cue; a chunk it began goes on from the next token.
    const std::string type = tag.substr(2);
    (*tags)[i].assign(1, 'O');
    if (i + 1 < t.size() && (*tags)[i + 1] == IobTag('I', type)) (*tags)[i + 1] = IobTag('B', type);
  }
  for (size_t i = 1; i < t.size(); ++i) {
    if (!In(kAgencyHeads, t[i])) continue;
    const size_t b = NameStartBefore(t, i);
    if (b == i) continue;
    // "Getty Images" in a credit, not "Getty Images of the war" prose: an
    // agency name is followed by the end, punctuation or a credit word.
    if (i + 1 < t.size() && !In(kCreditLinks, Lower(t[i + 1])) && t[i + 1] != ")" && t[i + 1] != "," &&
        t[i + 1] != ".") {
      continue;
    }
    SetSpan(b, i + 1, "ORG", tags);
  }
}

}  // namespace

// Legal forms that end a company's name: a name run on past one ("Acme
// LLC Jane Doe", a role phrase with its lower-case role dropped) is the
// company, then someone else.
constexpr std::string_view kLegalForms[] = {"AG", "Co", "Co.", "Corp", "Corp.", "GmbH", "Inc", "Inc.",
                                            "LLC", "LLP", "Ltd", "Ltd.", "PLC", "plc"};
static_assert(std::is_sorted(std::begin(kLegalForms), std::end(kLegalForms)));

// Splits a tagger chunk at a legal form followed by two or three
// capitalised words: the company up to the form, then a person.
void LegalFormRules(const Tokens& t, Tags* tags) {
  for (const NerSpan& s : NerSpans(*tags)) {
    for (size_t k = s.begin + 1; k + 1 < s.end; ++k) {
      if (!In(kLegalForms, t[k])) continue;
      const size_t rest = s.end - (k + 1);
      bool names = rest >= 2 && rest <= 3;
      for (size_t i = k + 1; i < s.end && names; ++i) names = IsCap(t[i]) && !IsAllCaps(t[i]);
      if (!names) break;
      SetSpan(s.begin, k + 1, "ORG", tags);
      SetSpan(k + 1, s.end, "PER", tags);
      break;
    }
  }
}

// "Enver Solomon told Sky News": a tagger chunk run over a lower-case verb
// of saying is the names on either side of it, not one name.
void SpeechVerbRules(const Tokens& t, Tags* tags) {
  for (const NerSpan& s : NerSpans(*tags)) {
    for (size_t k = s.begin + 1; k < s.end; ++k) {
      if (t[k].empty() || !(t[k][0] >= 'a' && t[k][0] <= 'z') || !lexicon::In(lexicon::kReportingVerbsCue, t[k])) {
        continue;
      }
      SetSpan(s.begin, k, s.label, tags);
      if (k + 1 < s.end) SetSpan(k + 1, s.end, s.label, tags);
      break;
    }
  }
}

// "Calloway & Finch", "Procter & Gamble": names joined by an ampersand are
// firms, partnerships and brands, not a person or a place.
void AmpersandRules(const Tokens& t, Tags* tags) {
  // "Hollis & Strand Materials", however the tagger split it: capitalised
  // runs joined by "&" are one organisation.
  for (size_t k = 1; k + 1 < t.size(); ++k) {
    if (t[k] != "&" || !IsCap(t[k - 1]) || !IsCap(t[k + 1])) continue;
    const size_t b = NameStartBefore(t, k);
    const size_t e = NameRunEnd(t, k + 1);
    if (b == k || e == k + 1) continue;
    SetSpan(b, e, "ORG", tags);
    k = e - 1;
  }
  for (const NerSpan& s : NerSpans(*tags)) {
    if (s.label != "PER" && s.label != "LOC") continue;
    for (size_t k = s.begin + 1; k + 1 < s.end; ++k) {
      if (t[k] == "&" && IsCap(t[k - 1]) && IsCap(t[k + 1])) {
        SetSpan(s.begin, s.end, "ORG", tags);
        break;
      }
    }
  }
}

namespace {

// A capitalised word that titles the name after it: an honorific ("Dr",
// "Supt") or the head of a role ("Superintendent", "Mayor",
// lexicons/person_nouns.txt, tag role_head).
bool IsTitleBeforeName(std::string_view w) {
  if (!IsCap(w) || IsAllCaps(w)) return false;
  const std::string lower = Lower(w);
  return lexicon::In(lexicon::kHonorifics, lower) || lexicon::In(lexicon::kPersonNounsRoleHead, lower);
}

// A word no personal name is made of: a person noun ("General",
// "Officer"), a word organisation names end in ("Systems"), a legal form.
bool NotNameWord(std::string_view w) {
  const std::string lower = Lower(w);
  return lexicon::In(lexicon::kPersonNouns, lower) || lexicon::In(lexicon::kHonorifics, lower) ||
         lexicon::In(lexicon::kOrgSuffixesNameEnd, lower) || In(kOrgHeadsSorted, w) || In(kLegalForms, w);
}

// A title-case line ("Mayor Backs New Plan for Town") has no lower-case
// word but glue; its capitalised words are not names.
bool TitleCaseLine(const Tokens& t) {
  for (const std::string& w : t) {
    if (!w.empty() && w[0] >= 'a' && w[0] <= 'z' && !In(kTitleGlue, w)) return false;
  }
  return true;
}

// "Chief Superintendent Ian Braithwaite of Redwick police": one to three
// capitalised words after a capitalised title, which the tagger left
// outside every chunk, are a person, when a lower-case word or punctuation
// (or the end) follows them and none of them is a title or an
// organisation's word itself.
void TitleRules(const Tokens& t, Tags* tags) {
  constexpr size_t kMaxTitledName = 3;  // "Jane Mary Doe"
  if (TitleCaseLine(t)) return;
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (!IsTitleBeforeName(t[i])) continue;
    size_t b = i + 1;
    while (b < t.size() && IsTitleBeforeName(t[b])) ++b;  // "Chief Superintendent"
    const size_t e = NameRunEnd(t, b);
    i = b - 1;
    if (e == b || e - b > kMaxTitledName) continue;
    if (e < t.size() && IsCap(t[e])) continue;  // a longer capitalised run
    bool fits = true;
    for (size_t k = b; k < e && fits; ++k) fits = (*tags)[k] == "O" && !NotNameWord(t[k]);
    if (!fits) continue;
    SetSpan(b, e, "PER", tags);
    i = e - 1;
  }
}

// "HEARTTHROB Orrin Vantham has settled": a tabloid opens with a common
// word in capitals before a name. A person chunk of three or more words
// that starts with such a word (four letters or more, all capitals, a
// common word in lower case) and goes on in title case is the name after it.
void CapitalisedEpithetRules(const Tokens& t, Tags* tags, const CommonWordFn& common) {
  constexpr size_t kMinEpithetLetters = 4;  // not initials ("JK Rowling")
  if (!common) return;
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if ((*tags)[i] != "B-PER" || (*tags)[i + 1] != "I-PER" || (*tags)[i + 2] != "I-PER") continue;
    if (t[i].size() < kMinEpithetLetters || !IsAllCaps(t[i]) || t[i].find('.') != std::string::npos) continue;
    if (!IsCap(t[i + 1]) || IsAllCaps(t[i + 1]) || !common(t[i])) continue;
    (*tags)[i].assign(1, 'O');
    (*tags)[i + 1] = IobTag('B', "PER");
  }
}

}  // namespace

void ApplyNewsRules(const std::vector<std::string>& tokens, std::vector<std::string>* tags,
                    const CommonWordFn& common) {
  if (tokens.empty() || tags->size() != tokens.size()) return;
  DatelineRules(tokens, tags, common);
  FacilityRules(tokens, tags);
  OrgHeadRules(tokens, tags);
  SpeechVerbRules(tokens, tags);
  LegalFormRules(tokens, tags);
  AmpersandRules(tokens, tags);
  AppositionRules(tokens, tags);
  TitleRules(tokens, tags);
  CapitalisedEpithetRules(tokens, tags, common);
  EventRules(tokens, tags);
  WorkRules(tokens, tags);
  CreditRules(tokens, tags);
}

}  // namespace storyline::ner
