#include "stories/claims.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_set>
#include <utility>

#include "core/lexicon.h"
#include "extract/date_tokens.h"
#include "extract/dates.h"
#include "stories/figures.h"
#include "stories/story_view.h"
#include "stories/text_features.h"
#include "stories/view_util.h"

namespace storyline::stories {
namespace {

// Head-phrase words read after a year mention ("2023 Balenciaga runway
// show"): a noun phrase in English rarely has more modifiers than this.
constexpr size_t kMaxHeadPhraseWords = 4;
// Year mentions compared per head word: enough for every subject a story
// gives a year to ("show", "campaign"), bounded so one common word cannot
// make the comparison quadratic.
constexpr size_t kMaxMentionsPerWord = 32;

template <class Table>
bool InList(const Table& list, std::string_view w) {
  return lexicon::In(list, w);
}

// ---- comparing values ---------------------------------------------------------

size_t SourceCount(const std::vector<std::string>& articles,
                   const std::unordered_map<std::string, std::string>& source_of) {
  std::set<std::string> sources;
  for (const std::string& article : articles) {
    auto it = source_of.find(article);
    sources.insert(it == source_of.end() ? article : it->second);
  }
  return sources.size();
}

// The articles backing `value` of `claim`: its own and those of narrower
// values ("finance director" in one outlet backs "director" in another).
std::vector<std::string> BackingArticles(const Claim& claim, const ClaimValue& value) {
  std::vector<std::string> articles = value.articles;
  for (const ClaimValue& v : claim.values) {
    if (CompareValues(claim.attribute, v.value, value.value) != ValueRelation::kNarrower) continue;
    for (const std::string& article : v.articles) AddUnique(articles, article);
  }
  return articles;
}

// Splits a claim into the claims a reader should see: the values that
// conflict (within one of `scopes`, lists of value indices) form one claim,
// "conflict"; every other value is a claim of its own, "agreed" or
// "single", backed by its narrower values. So a claim has several values
// exactly when it is a conflict, and values that can all be true ("founder",
// "chief executive") are never shown as one.
std::vector<Claim> SplitClaim(const Claim& claim, const std::vector<std::vector<size_t>>& scopes,
                              const std::unordered_map<std::string, std::string>& source_of,
                              const std::function<ValueRelation(const ClaimValue&, const ClaimValue&)>& relate) {
  const std::vector<ClaimValue>& values = claim.values;
  std::vector<size_t> parent(values.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  const auto find = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const std::vector<size_t>& scope : scopes) {
    for (size_t i = 0; i < scope.size(); ++i) {
      for (size_t j = i + 1; j < scope.size(); ++j) {
        if (relate(values[scope[i]], values[scope[j]]) == ValueRelation::kConflict) {
          parent[find(scope[j])] = find(scope[i]);
        }
      }
    }
  }
  std::vector<Claim> out;
  std::map<size_t, size_t> part_of;  // component root -> index in `out`
  for (size_t i = 0; i < values.size(); ++i) {
    auto [it, inserted] = part_of.try_emplace(find(i), out.size());
    if (inserted) {
      Claim part;
      part.subject = claim.subject;
      part.subject_name = claim.subject_name;
      part.attribute = claim.attribute;
      out.push_back(std::move(part));
    }
    out[it->second].values.push_back(values[i]);
  }
  for (Claim& part : out) {
    if (part.values.size() > 1) {
      part.status = "conflict";
      continue;
    }
    part.values[0].articles = BackingArticles(claim, part.values[0]);
    part.status = SourceCount(part.values[0].articles, source_of) > 1 ? "agreed" : "single";
  }
  return out;
}

// Media as the quote annotator names them (extract/quotes.cc), by what
// kind of thing they are: lexicons/media_kinds.txt.
constexpr const auto& kPlatforms = lexicon::kMediaKindsPlatform;
// Spoken occasions.
constexpr const auto& kOccasions = lexicon::kMediaKindsOccasion;
// Written forms, which are published on a platform or read out at an
// occasion: "a statement on Instagram", "a statement read at the press
// conference".
constexpr const auto& kDocuments = lexicon::kMediaKindsDocument;
// Documents an interview is not: a statement or letter is issued, an
// interview given, and outlets naming one and the other disagree. (An email
// or message can carry an interview, an article report one.)
constexpr const auto& kNotInterviews = lexicon::kMediaKindsNotInterview;
// Documents sent or issued, never a post: a statement, a letter, an email
// to staff.
constexpr const auto& kNotPosts = lexicon::kMediaKindsNotPost;
// (narrower, wider) media. The pairs stay here rather than in a lexicon: a
// lexicon maps an entry to one value, and one medium pairs with several.
constexpr std::pair<std::string_view, std::string_view> kNarrowerMedia[] = {
    {"instagram_stories", "instagram"},
    {"press-conference", "conference"},
    {"conference-call", "conference"},
};
// Different media one statement can have at once: a TV interview, a
// televised speech, a podcast on YouTube, a blog on a website, a news
// conference held as a conference call with reporters.
constexpr std::pair<std::string_view, std::string_view> kCompatibleMedia[] = {
    {"blog", "website"},    {"interview", "tv"},          {"interview", "podcast"},
    {"interview", "phone"}, {"interview", "youtube"},     {"speech", "tv"},
    {"speech", "youtube"},  {"press-conference", "tv"},   {"podcast", "youtube"},
    {"tv", "youtube"},      {"conference-call", "phone"}, {"speech", "conference"},
    {"press-conference", "conference-call"},
};

// Documents one statement cannot be both of; other documents can (a memo
// in a message). An email goes to its addressees ("said in an email to
// staff"), a statement to the public: outlets naming one and the other
// disagree (a statement an outlet says was emailed is read as a statement,
// see MediumClaims).
constexpr std::pair<std::string_view, std::string_view> kExclusiveDocuments[] = {
    {"letter", "email"},
    {"statement", "email"},
};

template <size_t N>
bool InPairs(const std::pair<std::string_view, std::string_view> (&pairs)[N], std::string_view a,
             std::string_view b) {
  return std::find(std::begin(pairs), std::end(pairs), std::make_pair(a, b)) != std::end(pairs);
}

ValueRelation CompareMedia(std::string_view a, std::string_view b) {
  if (a == b) return ValueRelation::kSame;
  if (InPairs(kNarrowerMedia, a, b)) return ValueRelation::kNarrower;
  if (InPairs(kNarrowerMedia, b, a)) return ValueRelation::kWider;
  if (InPairs(kCompatibleMedia, a, b) || InPairs(kCompatibleMedia, b, a)) {
    return ValueRelation::kCompatible;
  }
  const auto known = [](std::string_view m) {
    return InList(kPlatforms, m) || InList(kOccasions, m) || InList(kDocuments, m);
  };
  // A medium this code does not know cannot be shown to differ.
  if (!known(a) || !known(b)) return ValueRelation::kCompatible;
  if ((a == "interview" && InList(kNotInterviews, b)) ||
      (b == "interview" && InList(kNotInterviews, a))) {
    return ValueRelation::kConflict;
  }
  // A statement, letter or email is issued or sent, a post posted: outlets
  // naming one and a social platform disagree. A statement on a website or
  // blog is one thing.
  const auto social = [](std::string_view m) { return InList(kPlatforms, m) && m != "website" && m != "blog"; };
  if ((InList(kNotPosts, a) && social(b)) || (InList(kNotPosts, b) && social(a))) {
    return ValueRelation::kConflict;
  }
  // A letter is posted or handed over, an email sent: one statement is not
  // both ("in a letter to parents" / "in an email to parents").
  if (InPairs(kExclusiveDocuments, a, b) || InPairs(kExclusiveDocuments, b, a)) return ValueRelation::kConflict;
  if (InList(kDocuments, a) || InList(kDocuments, b)) return ValueRelation::kCompatible;
  return ValueRelation::kConflict;  // two platforms, two occasions, or one of each
}

// ---- roles --------------------------------------------------------------------

// Head nouns of roles: offices, titles and occupations a report gives a
// named person. Descriptions ("the star", "the victim") are not roles;
// neither are royal titles, which are part of a name, nor family relations
// ("her husband"), but for a family noun written as a title (TitleOnly).
// lexicons/person_nouns.txt, tag role_head, and more read by this file
// only (occupations, "member", "owner", "boss", family nouns):
// lexicons/role_words.txt, tag head.
constexpr const auto& kRoleHeads = lexicon::kPersonNounsRoleHead;
// Words a role phrase may have before its head ("former", "chief",
// "finance"). A closed list: a lower-case word before a title is as often a
// verb ("praised mayor Jones") as a modifier.
// lexicons/role_modifiers.txt, tag role.
constexpr const auto& kRoleModifiers = lexicon::kRoleModifiersRole;
bool IsRoleModifier(std::string_view w) {
  return InList(kRoleModifiers, w) || InList(lexicon::kRoleWordsModifier, w);
}
// Modifiers that say nothing about which role it is: dropped.
constexpr const auto& kIdleModifiers = lexicon::kRoleModifiersIdle;
// Modifiers of rank: a deputy mayor is not the mayor.
constexpr const auto& kRankModifiers = lexicon::kRoleModifiersRank;
// Heads of offices one holds once: two different ones with this head are
// two claims about the same post ("finance director" / "sales director").
constexpr const auto& kExclusiveHeads = lexicon::kPersonNounsExclusive;
// Words before a role that belong to its owner, not the role.
constexpr const auto& kOwnerWords = lexicon::kDeterminersOwner;
// Longest role phrase read, in words ("former deputy chief operating
// officer"): longer runs of such words are lists, not one title.
constexpr size_t kMaxRoleWords = 6;

bool IsPossessive(std::string_view folded) {
  return folded.size() > 2 && (folded.ends_with("'s") || folded.ends_with("s'"));
}

// The last part of a hyphenated word ("singer-songwriter" -> "songwriter").
std::string_view LastPart(std::string_view w) {
  const size_t dash = w.rfind('-');
  return dash == std::string_view::npos ? w : w.substr(dash + 1);
}

bool IsRoleHead(std::string_view w) {
  const std::string_view last = LastPart(w);
  return InList(kRoleHeads, w) || InList(kRoleHeads, last) || InList(lexicon::kRoleWordsHead, w) ||
         InList(lexicon::kRoleWordsHead, last);
}

bool IsExclusiveHead(std::string_view head) {
  return InList(kExclusiveHeads, head) || InList(lexicon::kRoleWordsExclusive, head);
}

bool IsRoleWord(std::string_view w) {
  if (IsRoleHead(w) || IsRoleModifier(w)) return true;
  // "ex-mayor", "vice-president": a modifier joined to a role word.
  const size_t dash = w.find('-');
  return dash != std::string_view::npos && IsRoleModifier(w.substr(0, dash)) &&
         IsRoleWord(w.substr(dash + 1));
}

// A word of a phrase as written: hyphenated compounds are one word.
struct PhraseWord {
  std::string folded;
  size_t begin = 0, end = 0;  // bytes into the phrase
  bool capitalised = false;
  bool shouted = false;  // two letters or more, all capitals ("BRAVE keeper Dana Whitlock")
};

std::vector<PhraseWord> Words(std::string_view text) {
  std::vector<PhraseWord> words;
  for (WordToken& t : Tokenize(text)) {
    const std::string_view surface = text.substr(t.begin, t.end - t.begin);
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    const bool shouted = surface.size() > 1 && std::none_of(surface.begin(), surface.end(), lower) &&
                         std::any_of(surface.begin(), surface.end(), upper);
    if (!words.empty() && t.begin == words.back().end + 1 && text[words.back().end] == '-') {
      words.back().folded += '-' + t.folded;
      words.back().end = t.end;
      continue;
    }
    // "the claimants' solicitor": a plural's possessive apostrophe.
    if (t.folded.ends_with('s') && t.end < text.size() && text[t.end] == '\'') t.folded += '\'';
    words.push_back({std::move(t.folded), t.begin, t.end, t.capitalised, shouted});
  }
  return words;
}

// Words that open a role's complement: "director of highways", "tutor for
// medicine", "lecturer in geography".
bool OpensComplement(std::string_view w) { return w == "of" || w == "for" || w == "in"; }

// Role words in normal form: owners dropped, compounds of modifiers split,
// spellings unified (see NormaliseRole).
std::vector<std::string> NormalRoleWords(std::string_view phrase) {
  std::vector<std::string> in;
  for (PhraseWord& w : Words(phrase)) in.push_back(std::move(w.folded));
  // Owners before the head ("the company's"), not in a complement ("chair
  // of the tenants' association").
  size_t first = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    if (i > 0 && OpensComplement(in[i]) && IsRoleHead(in[i - 1])) break;
    if (InList(kOwnerWords, in[i]) || IsPossessive(in[i])) first = i + 1;
  }
  std::vector<std::string> out;
  const auto add = [&out](std::string_view w) {
    // One spelling for words several spellings share, and abbreviations
    // ("cfo" -> "chief financial officer"): lexicons/role_spellings.txt.
    if (const std::string_view to = lexicon::Find(lexicon::kRoleSpellings, w); !to.empty()) {
      for (const WordToken& t : Tokenize(to)) out.push_back(t.folded);
      return;
    }
    if (!InList(kIdleModifiers, w)) out.emplace_back(w);
  };
  for (size_t i = first; i < in.size(); ++i) {
    const std::string& w = in[i];
    const size_t dash = w.find('-');
    // "vice-chancellor", written with a space or without: one word, as
    // "vice-president" and "vice-chair" ("vice-chairman").
    if ((w == "vice" && i + 1 < in.size()) || w.starts_with("vice-")) {
      const std::string_view office = w == "vice" ? std::string_view(in[++i]) : std::string_view(w).substr(5);
      const std::string_view spelt = lexicon::Find(lexicon::kRoleSpellings, office);
      out.push_back("vice-" + std::string(spelt.empty() ? office : spelt));
      continue;
    }
    if (dash != std::string::npos && IsRoleModifier(std::string_view(w).substr(0, dash)) &&
        w.compare(0, dash, "co") != 0) {
      add(std::string_view(w).substr(0, dash));  // "ex-mayor" -> former mayor
      add(std::string_view(w).substr(dash + 1));
    } else {
      add(w);
    }
  }
  // "chief executive officer" is the chief executive.
  const size_t n = out.size();
  if (n >= 3 && out[n - 3] == "chief" && out[n - 2] == "executive" && out[n - 1] == "officer") {
    out.pop_back();
  }
  return out;
}

// True when `needle`'s words occur in `hay` in order (not necessarily
// next to each other: "director of public health" in "deputy director of
// public health" once complements come first); `extra` gets the other
// words of `hay`.
bool ContainsInOrder(const std::vector<std::string>& hay, const std::vector<std::string>& needle,
                     std::vector<std::string>* extra) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  extra->clear();
  size_t n = 0;
  for (const std::string& w : hay) {
    if (n < needle.size() && w == needle[n]) {
      ++n;
    } else {
      extra->push_back(w);
    }
  }
  return n == needle.size();
}

// A role's words in the order they are compared: the complement's words
// first, then the words up to the head ("director of public health" ->
// public health director), so that "highways director" and "director of
// highways" are one post; `head` gets the head's index in the result.
std::vector<std::string> ComparedRoleWords(const std::vector<std::string>& words, size_t* head) {
  size_t end = words.size();
  for (size_t i = 1; i < words.size(); ++i) {
    if (OpensComplement(words[i]) && IsRoleHead(words[i - 1])) {
      end = i;
      break;
    }
  }
  std::vector<std::string> out;
  for (size_t i = end + 1; i < words.size(); ++i) {
    if (words[i] != "the" && words[i] != "of" && words[i] != "and") out.push_back(words[i]);
  }
  const size_t complement = out.size();
  out.insert(out.end(), words.begin(), words.begin() + static_cast<std::ptrdiff_t>(end));
  // The head: the last head noun before the complement ("director" of
  // "director general", "executive" of "chief executive").
  *head = out.empty() ? 0 : out.size() - 1;
  for (size_t i = out.size(); i-- > complement;) {
    if (IsRoleHead(out[i])) {
      *head = i;
      break;
    }
  }
  return out;
}

// A compound head whose first word makes another office of the head noun:
// a prime minister is no minister of a department.
std::string HeadOf(const std::vector<std::string>& w, size_t head) {
  if (head >= w.size()) return "";
  if (head > 0 && lexicon::In(lexicon::kCompoundHeads, w[head - 1] + " " + w[head])) {
    return w[head - 1] + " " + w[head];
  }
  return std::string(LastPart(w[head]));
}

// The kind of role of which one person holds one at a time, or "": "plant
// manager" and "human resources director" are both staff posts, "chair" and
// "secretary" officers of a body (lexicons/role_kinds.txt).
std::string RoleKind(const std::vector<std::string>& w, size_t head) {
  if (head >= w.size()) return "";
  // A two-word head is looked up whole: a prime minister is no minister.
  const std::string_view kind = lexicon::Find(lexicon::kRoleKinds, HeadOf(w, head));
  // A bare "director" or "head" may be a board seat or a title cut short:
  // only a post named by more words ("plant manager", "chief executive")
  // says which.
  // So may a bare "organiser": a march's as often as a union's post.
  if ((kind == "staff" || LastPart(w[head]) == "organiser") && w.size() < 2) return "";
  return std::string(kind);
}

// How two roles stand, and whether the verdict rests on their kind alone
// (two different roles of one kind: see RoleKind), which holds only while
// the story gives the person no second post of that kind.
struct RoleVerdict {
  ValueRelation relation = ValueRelation::kCompatible;
  std::string by_kind;  // the kind whose posts conflict, or ""
};

// The grade a role's words give within an occupation: "chief" (or
// "principal"), "senior" or "junior"; "" when none.
std::string Grade(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (w == "chief" || w == "principal") return "chief";
    if (w == "senior" || w == "junior") return w;
  }
  return "";
}

// "technology chief" compared as the chief technology officer, as "fire
// chief" is the chief fire officer: the chief of one function, named after
// it (one function word, no rank or role word before "chief"). The value
// shown keeps the outlet's words.
std::vector<std::string> ChiefOfFunction(const std::vector<std::string>& words) {
  if (words.size() == 2 && words[1] == "chief" && !IsRoleHead(words[0]) && !InList(kRankModifiers, words[0])) {
    return {"chief", words[0], "officer"};
  }
  return words;
}

// Compares two current (or two former) roles as written.
RoleVerdict CompareRoleWords(const std::vector<std::string>& a_words, const std::vector<std::string>& b_words,
                             bool former) {
  if (a_words == b_words) return {ValueRelation::kSame};
  size_t head_a = 0, head_b = 0;
  const std::vector<std::string> a = ComparedRoleWords(a_words, &head_a);
  const std::vector<std::string> b = ComparedRoleWords(b_words, &head_b);
  if (a == b) return {ValueRelation::kSame};
  std::vector<std::string> extra;
  const auto ranked = [](const std::vector<std::string>& words) {
    return std::any_of(words.begin(), words.end(), [](const std::string& w) { return InList(kRankModifiers, w); });
  };
  // "chief superintendent" / "superintendent": "chief" before a rank (a
  // title with an abbreviation, lexicons/role_titles.txt) is another rank.
  const auto chief_of_rank = [](const std::vector<std::string>& more, const std::vector<std::string>& words) {
    return !words.empty() && std::find(more.begin(), more.end(), "chief") != more.end() &&
           !lexicon::Find(lexicon::kRoleTitles, words.back()).empty();
  };
  if (ContainsInOrder(a, b, &extra)) {
    return {ranked(extra) || chief_of_rank(extra, a) ? ValueRelation::kConflict : ValueRelation::kNarrower};
  }
  if (ContainsInOrder(b, a, &extra)) {
    return {ranked(extra) || chief_of_rank(extra, b) ? ValueRelation::kConflict : ValueRelation::kWider};
  }
  // Someone can have been finance director and marketing director in turn.
  if (former || a.empty() || b.empty()) return {ValueRelation::kCompatible};
  const std::string head = HeadOf(a, head_a);
  if (head == HeadOf(b, head_b)) {
    if (IsExclusiveHead(head)) return {ValueRelation::kConflict};
    // "deputy leader" / "council leader": the deputy is not the leader.
    if (ranked(a) != ranked(b)) return {ValueRelation::kConflict};
    // "chief bridge engineer" / "senior structural engineer": two grades
    // of one occupation, which one person does not hold at once.
    const std::string grade_a = Grade(a), grade_b = Grade(b);
    if (!grade_a.empty() && !grade_b.empty() && grade_a != grade_b) return {ValueRelation::kConflict};
  }
  // "chief executive" / "chief financial officer": one chief post each; so
  // is the head of a named function ("head of launch operations" / "chief
  // engineer": the head of a department is its chief).
  const auto chief_post = [](const std::vector<std::string>& w) {
    return w.front() == "chief" || (w.size() > 2 && w[0] == "head" && w[1] == "of");
  };
  if (chief_post(a_words) && chief_post(b_words)) return {ValueRelation::kConflict};
  // A head may be of several kinds ("president": an officer of a body, or
  // the head of a state): two roles conflict by a kind they share.
  const std::string kinds_a = RoleKind(a, head_a), kinds_b = RoleKind(b, head_b);
  // One head of a state or government named with its country or its party
  // ("Greek prime minister" / "conservative prime minister") is one office:
  // the kinds tell two posts apart, never one post's two descriptions.
  if (head == HeadOf(b, head_b) && kinds_a.find("government") != std::string::npos) {
    return {ValueRelation::kCompatible};
  }
  for (const WordToken& kind : Tokenize(kinds_a)) {
    for (const WordToken& other : Tokenize(kinds_b)) {
      if (kind.folded == other.folded) return {ValueRelation::kConflict, kind.folded};
    }
  }
  return {ValueRelation::kCompatible};
}

// Compares two current (or two former) roles: as written, and when that
// relates them in no way, with a function's chief read as its chief officer
// ("technology chief" / "chief operating officer"); "fire chief" stays
// within "district fire chief".
RoleVerdict CompareRoleCores(const std::vector<std::string>& a_words, const std::vector<std::string>& b_words,
                             bool former) {
  const RoleVerdict written = CompareRoleWords(a_words, b_words, former);
  if (written.relation != ValueRelation::kCompatible) return written;
  const std::vector<std::string> a_chief = ChiefOfFunction(a_words), b_chief = ChiefOfFunction(b_words);
  if (a_chief == a_words && b_chief == b_words) return written;
  return CompareRoleWords(a_chief, b_chief, former);
}

// The words of a normalised role with "former" taken out; `former` says
// whether it was there. "Artistic" and "creative" director are one post.
std::vector<std::string> RoleCore(std::string_view role, bool* former) {
  std::vector<std::string> words;
  *former = false;
  for (const WordToken& t : Tokenize(role)) {
    if (t.folded == "former") {
      *former = true;
    } else {
      words.push_back(t.folded == "artistic" ? "creative" : t.folded);
    }
  }
  return words;
}

RoleVerdict JudgeRoles(std::string_view a, std::string_view b) {
  if (a == b) return {ValueRelation::kSame};
  bool former_a = false;
  bool former_b = false;
  const std::vector<std::string> core_a = RoleCore(a, &former_a);
  const std::vector<std::string> core_b = RoleCore(b, &former_b);
  // An acting, interim or caretaker post is held beside one's own
  // ("Deputy Mayor X will serve as interim mayor").
  const auto stands_in = [](const std::vector<std::string>& core) {
    return !core.empty() && (InList(lexicon::kRoleModifiersStandIn, core.front()) ||
                             InList(lexicon::kRoleWordsStandIn, core.front()));
  };
  if (!former_a && !former_b && stands_in(core_a) != stands_in(core_b)) return {ValueRelation::kCompatible};
  if (former_a != former_b) {
    // "former mayor" / "mayor": is the person still mayor? The outlets
    // differ. "former teacher" / "mayor", "former deputy mayor" / "mayor"
    // and "former director" / "finance director" can be a career.
    return {core_a == core_b ? ValueRelation::kConflict : ValueRelation::kCompatible};
  }
  // "chief executive" / "managing director": two names of the one post at
  // an organisation's head (lexicons/top_posts.txt).
  if (!former_a && lexicon::In(lexicon::kTopPosts, a) && lexicon::In(lexicon::kTopPosts, b)) {
    return {ValueRelation::kConflict};
  }
  return CompareRoleCores(core_a, core_b, former_a);
}

ValueRelation CompareRoles(std::string_view a, std::string_view b) { return JudgeRoles(a, b).relation; }

// Builds one claim per (subject, subject name, attribute), each value once.
// A value belongs to one or more scopes: the things its values must agree
// on. Values in different scopes never conflict: a speaker's media are
// compared per statement, an entity's amounts per currency, its spellings
// per name word.
class ClaimTable {
 public:
  explicit ClaimTable(Story& story) : story_(story) {}

  // `part` splits one subject's attribute into claims of their own (a
  // speaker's statements: "interview" for one and "interview" for another
  // is no agreement, nor a value of the other's conflict).
  void Add(const std::string& scope, const std::string& subject, const std::string& subject_name,
           const std::string& attribute, const std::string& value, const std::string& article,
           const std::string& evidence, const std::string& part = "") {
    const std::string key = subject + '\x1f' + subject_name + '\x1f' + attribute + '\x1f' + part;
    auto [it, inserted] = index_.try_emplace(key, claims_.size());
    if (inserted) {
      Claim c;
      c.subject = subject;
      c.subject_name = subject_name;
      c.attribute = attribute;
      claims_.push_back(std::move(c));
      scopes_.emplace_back();
    }
    Claim& claim = claims_[it->second];
    auto v = std::find_if(claim.values.begin(), claim.values.end(),
                          [&](const ClaimValue& cv) { return cv.value == value; });
    if (v == claim.values.end()) {
      ClaimValue cv;
      cv.value = value;
      cv.evidence = evidence;
      claim.values.push_back(std::move(cv));
      v = claim.values.end() - 1;
    }
    AddUnique(v->articles, article);
    scopes_[it->second][scope].insert(static_cast<size_t>(v - claim.values.begin()));
  }

  // Moves the claims into the story; `keep` decides which make it.
  // `relate(claim, a, b)`, when given, judges two values of a claim in
  // place of CompareValues (roles: with what the story says of the person).
  using Relate = std::function<ValueRelation(const Claim&, const ClaimValue&, const ClaimValue&)>;
  template <typename Keep>
  void Flush(const std::unordered_map<std::string, std::string>& source_of, Keep keep, const Relate& relate = nullptr) {
    for (size_t i = 0; i < claims_.size(); ++i) {
      std::vector<std::vector<size_t>> scopes;
      for (const auto& [scope, values] : scopes_[i])
        scopes.emplace_back(values.begin(), values.end());
      const Claim& claim = claims_[i];
      const auto pair = [&](const ClaimValue& a, const ClaimValue& b) {
        return relate ? relate(claim, a, b) : CompareValues(claim.attribute, a.value, b.value);
      };
      for (Claim& part : SplitClaim(claims_[i], scopes, source_of, pair)) {
        if (keep(part)) story_.claims.push_back(std::move(part));
      }
    }
    claims_.clear();
    scopes_.clear();
    index_.clear();
  }

 private:
  Story& story_;
  std::vector<Claim> claims_;
  std::vector<std::map<std::string, std::set<size_t>>> scopes_;  // per claim: scope -> values
  std::map<std::string, size_t> index_;
};

// Words that, after "Name, 45", make the number a count rather than an
// age ("Smith, 45 minutes later", "Jones, 12 others"): lexicons/not_age_words.txt.

// Oldest age a news report gives a living person; a larger number after a
// name is something else (a year, a score).
constexpr int kMaxAge = 119;

// The age in an appositive right after a person's name ("Fox, 31 briefly
// dated", "Smith, 45, said"), as journalists write it. 0 when there is none.
int AppositiveAge(const std::string& after) {
  if (after.size() < 3 || after.compare(0, 2, ", ") != 0) return 0;
  size_t i = 2;
  int age = 0;
  while (i < after.size() && i < 5 && after[i] >= '0' && after[i] <= '9') {
    age = age * 10 + (after[i] - '0');
    ++i;
  }
  if (i == 2 || (i < after.size() && after[i] >= '0' && after[i] <= '9')) return 0;
  if (i < after.size() && after[i] != ',' && after[i] != ' ') return 0;
  if (i < after.size() && after[i] == ' ') {
    const std::vector<WordToken> next = Tokenize(std::string_view(after).substr(i));
    if (next.empty() || next.front().capitalised || !next.front().has_letter) return 0;
    if (lexicon::In(lexicon::kNotAgeWords, next.front().folded)) return 0;
  }
  return age >= 1 && age <= kMaxAge ? age : 0;
}

// Ages the quantity annotator did not tie to a person ("Name, NN"), as
// quantities of each member, for FigureClaims.
std::vector<std::vector<Quantity>> AppositiveAges(const std::vector<const AnnotatedArticle*>& members) {
  // Enough text after a name for ", 119 " and the next word.
  constexpr size_t kLookahead = 24;
  std::vector<std::vector<Quantity>> out(members.size());
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle& a = *members[ai];
    const TextView view(a);
    for (const EntityMention& m : a.entities) {
      if (ContractType(m.type) != "PERSON") continue;
      const int age = AppositiveAge(view.Slice(m.span.end, m.span.end + kLookahead));
      if (age == 0) continue;
      const size_t number_at = m.span.end + 2;
      const bool annotated = std::any_of(a.quantities.begin(), a.quantities.end(), [&](const Quantity& q) {
        return q.span.start <= number_at && number_at < q.span.end;
      });
      if (annotated) continue;
      Quantity q;
      q.span = {number_at, number_at + std::to_string(age).size()};
      q.text = std::to_string(age);
      q.value = age;
      q.unit = "years";
      q.measure = "age";
      q.subject = m.entity;
      out[ai].push_back(std::move(q));
    }
  }
  return out;
}

// Code points of attribution between two parts of one statement: "X," the
// company's chief executive told reporters on Tuesday, "Y." Two quotations
// by one speaker this close are one statement even when the writer started
// a new sentence between them.
constexpr size_t kSplitQuoteGap = 80;

// Each quote group's statement, as the smallest group index in it. Groups
// are one statement when, in some article, quotations from them by the same
// speaker overlap (a partial quote inside a fuller one) or are direct or
// partial quotations following each other within kSplitQuoteGap ("X," she
// said, "Y."). Reported speech between two quotations ends the chain: "X,"
// she posted. Later she told reporters that ... "Y." are two statements.
std::vector<size_t> Statements(const std::vector<const AnnotatedArticle*>& members,
                               const std::vector<std::vector<QuoteRef>>& groups) {
  std::vector<size_t> parent(groups.size());
  for (size_t g = 0; g < parent.size(); ++g) parent[g] = g;
  const auto find = [&](size_t g) {
    while (parent[g] != g) g = parent[g] = parent[parent[g]];
    return g;
  };
  const auto unite = [&](size_t g, size_t h) {
    const size_t x = find(g), y = find(h);
    parent[std::max(x, y)] = std::min(x, y);
  };
  struct Occurrence {
    size_t start, end, group;
    std::string speaker;  // "" when unknown
    bool indirect = false;
  };
  std::map<size_t, std::vector<Occurrence>> by_article;
  for (size_t g = 0; g < groups.size(); ++g) {
    for (const QuoteRef& r : groups[g]) {
      const Quote& q = members[r.article]->quotes[r.quote];
      std::string speaker = !q.speaker.empty()        ? "e|" + q.speaker
                            : !q.speaker_name.empty() ? "n|" + q.speaker_name
                                                      : "";
      by_article[r.article].push_back(
          {q.span.start, q.span.end, g, std::move(speaker), q.kind == "indirect"});
    }
  }
  for (auto& [article, occurrences] : by_article) {
    std::sort(occurrences.begin(), occurrences.end(),
              [](const Occurrence& x, const Occurrence& y) { return x.start < y.start; });
    const Occurrence* quoted = nullptr;  // the last direct or partial quotation
    for (size_t i = 0; i < occurrences.size(); ++i) {
      const Occurrence& cur = occurrences[i];
      const Occurrence* prev = i > 0 ? &occurrences[i - 1] : nullptr;
      if (prev != nullptr && cur.start < prev->end && !cur.speaker.empty() &&
          cur.speaker == prev->speaker) {
        unite(prev->group, cur.group);  // the same words, recorded twice
      }
      if (cur.indirect) {
        quoted = nullptr;
        continue;
      }
      if (quoted != nullptr && !cur.speaker.empty() && cur.speaker == quoted->speaker &&
          cur.start <= quoted->end + kSplitQuoteGap) {
        unite(quoted->group, cur.group);
      }
      quoted = &cur;
    }
  }
  std::vector<size_t> out(groups.size());
  for (size_t g = 0; g < out.size(); ++g) out[g] = find(g);
  return out;
}

// The day (YYYY-MM-DD) the sentences of `q` say it was made on: the one
// full date of the sentences it spans, outside the quotation; "" when they
// give none or several.
std::string StatementDay(const AnnotatedArticle& a, const Quote& q) {
  size_t from = q.span.start;
  size_t to = q.span.end;
  for (const Span& s : a.sentences) {
    if (s.start <= q.span.start && q.span.start < s.end) from = s.start;
    if (s.start < q.span.end && q.span.end <= s.end) to = s.end;
  }
  std::string day;
  for (const DateMention& d : a.dates) {
    if (d.span.start < from || d.span.end > to) continue;
    if (d.span.start >= q.span.start && d.span.end <= q.span.end) continue;
    if (d.value.size() != 10 || d.value[4] != '-' || d.value[7] != '-') continue;
    if (!day.empty() && day != d.value) return "";
    day = d.value;
  }
  return day;
}

// The media each speaker's quotations were published on: one claim per
// speaker, values compared per statement (Statements), since one person
// may post one thing and say another in an interview; a disputed statement
// is a claim of its own.
// Who a sentence's words were told to: the words after "told" up to a
// preposition, a conjunction or punctuation ("told metro wire,", "told the
// board in her written reply"); "" when it names no one. `folded` is the
// case-folded sentence.
std::string Listener(const std::string& folded) {
  constexpr size_t kMaxListenerWords = 4;
  const size_t told = (" " + folded).find(" told ");
  if (told == std::string::npos) return "";
  const std::string_view rest = std::string_view(folded).substr(told + 5);
  std::string out;
  size_t n = 0, prev_end = 0;
  for (const WordToken& t : Tokenize(rest)) {
    if (n > 0 && BreaksClause(rest.substr(prev_end, t.begin - prev_end))) break;
    if (!t.has_letter || (IsStopWord(t.folded) && t.folded != "the")) break;
    if (++n > kMaxListenerWords) return "";
    out += (out.empty() ? "" : " ") + t.folded;
    prev_end = t.end;
  }
  return out;
}

std::string_view Between(std::string_view text, size_t from, size_t to) {
  return from <= to && to <= text.size() ? text.substr(from, to - from) : std::string_view();
}

bool AllSpaces(std::string_view s) {
  return !s.empty() && s.find_first_not_of(' ') == std::string_view::npos;
}

// True when `sentence` says words were told to the article's own outlet
// ("told the Rampart", "told Stackdrop", "told Clinical Management Today"):
// an interview with it, though no list names the outlet (the quotation
// finder knows "told the Post" by lexicons/news_outlet_words.txt). The
// outlet is named by the article's outlet or id; most of the capitalised
// words after "told" (and an optional "the") must be among its words.
bool ToldOwnOutlet(std::string_view sentence, const Article& article) {
  constexpr size_t kMinOutletWord = 3;
  constexpr size_t kMaxListenerWords = 4;
  std::set<std::string> own;
  for (const std::string_view text : {std::string_view(article.outlet), std::string_view(article.id)}) {
    for (const WordToken& t : Tokenize(text)) {
      if (t.folded.size() >= kMinOutletWord) own.insert(t.folded);
    }
  }
  if (own.empty()) return false;
  const std::vector<WordToken> words = Tokenize(sentence);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].folded != "told") continue;
    size_t k = i + 1;
    if (words[k].folded == "the" && k + 1 < words.size()) ++k;
    size_t listener = 0, known = 0;
    for (; k < words.size() && listener < kMaxListenerWords && words[k].capitalised; ++k) {
      if (k > i + 1 && !AllSpaces(sentence.substr(words[k - 1].end, words[k].begin - words[k - 1].end))) break;
      ++listener;
      known += own.contains(words[k].folded) ? 1 : 0;
    }
    // Another "told" later in the sentence may name the outlet ("told
    // police ... later told the Rampart").
    if (listener > 0 && 2 * known > listener) return true;
  }
  return false;
}

// Days since 1970-01-01 of a "YYYY-MM-DD" day, or -1 when it is no day.
int64_t DayNumber(std::string_view day) {
  if (day.size() < 10) return -1;
  const DateAnchor d = ParseAnchor(day);
  return d.day == 0 ? -1 : date_internal::DaysFromCivil(d.year, d.month, d.day);
}

// True when the article reports `q` as an apology: its sentence, or the
// one before it, where the medium is often named ("X apologised in a video
// posted on Instagram. 'I am sorry,' he said."), names the act
// ("apologised to passengers in a statement", "issued an apology"); words
// that merely say sorry do not.
bool ReportsApology(const AnnotatedArticle& a, const Quote& q) {
  const TextView view(a);
  std::string text = view.SentenceAt(q.span.start);
  for (size_t i = 1; i < a.sentences.size(); ++i) {
    if (a.sentences[i].start <= q.span.start && q.span.start < a.sentences[i].end) {
      text += " " + view.SentenceAt(a.sentences[i - 1].start);
    }
  }
  for (const WordToken& t : Tokenize(text)) {
    if (t.folded.starts_with("apologis") || t.folded.starts_with("apologiz") || t.folded == "apology") return true;
  }
  return false;
}

// Outlets printed within this many days of each other report one news
// cycle; a follow-up weeks later reports new statements.
constexpr int64_t kOneCycleDays = 2;

// Joins, in `statement` (each quote group's statement), the statements an
// organisation made in one news cycle when two outlets each publish it on
// one public medium only (a statement or a post), and the two media cannot
// both be true of one statement: "Northvale Water said in a statement" and
// "Northvale Water posted on X", each outlet quoting other words of it,
// disagree about where the company spoke. Spoken occasions (an interview,
// a speech) are each their own statement.
void JoinOneCycleStatements(const std::vector<const AnnotatedArticle*>& members,
                            const std::vector<std::vector<QuoteRef>>& groups, const Story& story,
                            std::vector<size_t>& statement) {
  struct Seen {
    std::set<std::string> media;
    std::set<size_t> roots;
    bool apology = true;  // every sentence quoting the speaker here reports an apology
  };
  // A body speaks through its statements and its accounts, while a
  // person's post and a statement through lawyers the same day are as often
  // two statements ("In a statement issued through his lawyers, he said he
  // was deeply sorry" / "he posted on Instagram: I let my team down"). A
  // person's are joined only when each outlet reports the act itself, an
  // apology ("apologised in a statement" / "apologised in a video posted on
  // Instagram"): one person apologises once for one event in one news
  // cycle, and outlets naming two media for it disagree.
  std::set<std::string> bodies, people;
  for (const BriefEntity& e : story.entities) {
    if (e.type == "ORG") bodies.insert(e.id);
    if (e.type == "PERSON") people.insert(e.id);
  }
  std::map<std::string, std::map<size_t, Seen>> by_speaker;  // speaker -> article -> media
  for (size_t g = 0; g < groups.size() && g < story.quotes.size(); ++g) {
    const std::string& speaker = story.quotes[g].speaker;
    if (!bodies.contains(speaker) && !people.contains(speaker)) continue;
    for (const QuoteRef& r : groups[g]) {
      const AnnotatedArticle& a = *members[r.article];
      const Quote& q = a.quotes[r.quote];
      if (q.medium.empty()) continue;
      Seen& seen = by_speaker[speaker][r.article];
      seen.media.insert(q.medium);
      seen.roots.insert(statement[g]);
      if (people.contains(speaker)) seen.apology = seen.apology && ReportsApology(a, q);
    }
  }
  // Public media only: a press statement or a post. A letter, an email or a
  // memo goes to its addressees ("apologised to residents in a letter"), so
  // an outlet naming one reports another statement than the public one.
  const auto public_medium = [](const std::string& m) { return InList(kPlatforms, m) || m == "statement"; };
  // Statements are numbered by quote group (Statements).
  UnionFind sets(groups.size());
  const auto find = [&](size_t x) { return sets.Find(x); };
  for (const auto& [speaker, articles] : by_speaker) {
    for (auto a = articles.begin(); a != articles.end(); ++a) {
      for (auto b = std::next(a); b != articles.end(); ++b) {
        if (a->second.media.size() != 1 || b->second.media.size() != 1) continue;
        if (people.contains(speaker) && !(a->second.apology && b->second.apology)) continue;
        const std::string& ma = *a->second.media.begin();
        const std::string& mb = *b->second.media.begin();
        if (!public_medium(ma) || !public_medium(mb) || CompareMedia(ma, mb) != ValueRelation::kConflict) continue;
        const int64_t da = DayNumber(members[a->first]->article.published);
        const int64_t db = DayNumber(members[b->first]->article.published);
        if (da < 0 || db < 0 || std::max(da, db) - std::min(da, db) > kOneCycleDays) continue;
        const size_t to = find(*a->second.roots.begin());
        for (const auto* seen : {&a->second, &b->second}) {
          for (size_t root : seen->roots) {
            if (find(root) != to) sets.Join(to, root);
          }
        }
      }
    }
  }
  for (size_t& root : statement) root = find(root);
}

void MediumClaims(const std::vector<const AnnotatedArticle*>& members,
                  const std::vector<std::vector<QuoteRef>>& groups, const Story& story,
                  ClaimTable& table) {
  std::vector<size_t> statement = Statements(members, groups);
  JoinOneCycleStatements(members, groups, story, statement);
  // The day each outlet says a statement was made on, and the earliest
  // publication day among the outlets quoting it: a statement dated after
  // another outlet had already printed those words is a second one (a post
  // repeated on another medium the next day), not a disagreement about where
  // the first was made.
  std::map<size_t, std::string> first_printed;
  for (size_t g = 0; g < groups.size() && g < story.quotes.size(); ++g) {
    for (const QuoteRef& r : groups[g]) {
      const std::string& published = members[r.article]->article.published;
      if (published.size() != 10) continue;
      std::string& first = first_printed[statement[g]];
      if (first.empty() || published < first) first = published;
    }
  }
  struct MediumEntry {
    std::string scope, subject, subject_name, value, article, evidence;
    size_t root;
    std::string listener;  // who the words were told to ("metro wire", "the board"), or ""
  };
  std::vector<MediumEntry> entries;
  for (size_t g = 0; g < groups.size() && g < story.quotes.size(); ++g) {
    const BriefQuote& bq = story.quotes[g];
    const size_t root = statement[g];
    const std::string subject_name =
        !bq.speaker_name.empty()
            ? bq.speaker_name
            : "quote " + story.quotes[std::min(root, story.quotes.size() - 1)].id;
    for (const QuoteRef& r : groups[g]) {
      const AnnotatedArticle& a = *members[r.article];
      const Quote& q = a.quotes[r.quote];
      const std::string evidence = TextView(a).SentenceAt(q.span.start);
      std::string medium = !q.medium.empty()            ? q.medium
                           : ToldOwnOutlet(evidence, a.article) ? "interview"
                                                                : "";
      if (medium.empty()) continue;
      const std::string folded = FoldCase(evidence);
      // "in a statement sent by email": the outlet reports a statement,
      // whatever carried it; an email alone ("in an email to staff") went
      // to its addressees and is no public statement (kExclusiveDocuments).
      // Only the statement the email carried: "statement" within a few words
      // of "email" ("a statement sent by email", "an emailed statement").
      // Words told to the article's own outlet by email are an interview
      // given by email ("told the Courier in an email"), not an email to
      // addressees, which no interview is (lexicons/media_kinds.txt).
      if (medium == "email" && ToldOwnOutlet(evidence, a.article)) medium = "interview";
      if (medium == "email") {
        constexpr size_t kNearBytes = 24;
        for (size_t at = folded.find("statement"); at != std::string::npos; at = folded.find("statement", at + 1)) {
          const size_t from = at > kNearBytes ? at - kNearBytes : 0;
          if (folded.substr(from, at + kNearBytes - from).find("email") != std::string::npos) medium = "statement";
        }
      }
      // "In her statement she said": a statement named before, perhaps
      // the post another outlet names; compared with nothing.
      const bool named_before = medium == "statement" &&
                                (folded.find("her statement") != std::string::npos ||
                                 folded.find("his statement") != std::string::npos ||
                                 folded.find("its statement") != std::string::npos ||
                                 folded.find("their statement") != std::string::npos ||
                                 folded.find("the statement") != std::string::npos);
      std::string scope =
          named_before ? fmt::format("m|{}|{}|{}", root, r.article, r.quote) : fmt::format("m|{}", root);
      const std::string said_on = StatementDay(a, q);
      // A day after the article's own is a misread date, not the statement's.
      if (!named_before && !said_on.empty() && said_on > first_printed[root] && said_on <= a.article.published) {
        scope += "|" + said_on;
      }
      entries.push_back({scope, bq.speaker, subject_name, medium, a.article.id, evidence, root, Listener(folded)});
    }
  }
  // Words told to two different listeners ("told Metro Wire", "told the
  // board in her written reply") are two statements, whatever they share:
  // each listener's are compared only with each other.
  std::map<size_t, std::set<std::string>> listeners;
  for (const MediumEntry& e : entries) {
    if (!e.listener.empty()) listeners[e.root].insert(e.listener);
  }
  for (MediumEntry& e : entries) {
    if (!e.listener.empty() && listeners[e.root].size() > 1) e.scope += "|to " + e.listener;
  }
  // A statement whose outlets disagree is a claim of its own, holding only
  // its own values: the same medium of the speaker's other statements
  // (another interview) is neither on its side nor against it. The others
  // share the speaker's claim, where outlets giving one medium agree.
  std::map<std::string, std::vector<std::string>> by_scope;
  for (const MediumEntry& e : entries) by_scope[e.scope].push_back(e.value);
  std::set<size_t> disputed;
  for (const MediumEntry& e : entries) {
    for (const std::string& other : by_scope[e.scope]) {
      if (CompareMedia(e.value, other) == ValueRelation::kConflict) disputed.insert(e.root);
    }
  }
  for (const MediumEntry& e : entries) {
    const std::string part = disputed.count(e.root) ? std::to_string(e.root) : "";
    table.Add(e.scope, e.subject, e.subject_name, "medium", e.value, e.article, e.evidence, part);
  }
}

// ---- role claims --------------------------------------------------------------

// Code points read on either side of a name for a role: "the company's
// former deputy chief operating officer, " with room to spare.
constexpr size_t kRoleReach = 100;


bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ", " (a comma and spaces).
bool IsCommaGap(std::string_view s) {
  return s.size() >= 2 && s[0] == ',' && AllSpaces(s.substr(1));
}

bool IsOwner(const PhraseWord& w) {
  return InList(kOwnerWords, w.folded) || IsPossessive(w.folded);
}

// Verbs a role phrase may run into when the writer leaves out a comma
// ("Bob Jones, a retired teacher added").
bool EndsNounPhrase(const PhraseWord& w) {
  return !w.capitalised &&
         (IsStopWord(w.folded) || w.folded.ends_with("ed") || w.folded == "says" || w.folded == "adds" ||
          w.folded == "writes" || lexicon::In(lexicon::kPrepositions, w.folded));
}

// "its fourth manager": which one in a line, not which post. ("First" is
// kept: a first minister, first officer or first secretary is a post.)
bool IsOrdinal(std::string_view w) {
  static constexpr std::string_view kOrdinals[] = {"second", "third", "fourth", "fifth",    "sixth",
                                                   "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"};
  return std::find(std::begin(kOrdinals), std::end(kOrdinals), w) != std::end(kOrdinals);
}

// A word that may name which post it is in a role phrase, though no list
// holds it ("flight director", "duty controller", "human resources
// director"): a lower-case word (capitalised only at the sentence's start)
// that is no function word, number, verb form or possessive.
bool FreeModifier(const PhraseWord& w, bool sentence_initial) {
  // A tabloid's shouted epithet ("BRAVE keeper") says how, not which post.
  if ((w.capitalised && !sentence_initial) || w.shouted) return false;
  if (w.folded.empty() || IsStopWord(w.folded) || IsPossessive(w.folded)) return false;
  // Letters, and digits only after a hyphen ("under-21 manager").
  const size_t dash = w.folded.find('-');
  for (size_t i = 0; i < w.folded.size(); ++i) {
    const char c = w.folded[i];
    if (!((c >= 'a' && c <= 'z') || c == '-' || (c >= '0' && c <= '9' && dash < i))) return false;
  }
  return !w.folded.ends_with("ed") && !w.folded.ends_with("ing") && !w.folded.ends_with("ly") && !IsOrdinal(w.folded);
}

// Most words read before a role's listed words.
constexpr size_t kMaxFreeModifiers = 2;

// Words an article writes as names: those it capitalises inside a sentence
// where they open a name (`contains`), and those of its entity mentions.
struct CapitalisedNames {
  std::unordered_set<std::string> opening;
  std::unordered_set<std::string> in_mentions;
  bool contains(const std::string& folded) const { return opening.contains(folded); }
};

// Where a role phrase whose listed words begin at words[k] begins once the
// free modifiers before it are read: only when they open a phrase (after
// an owner or punctuation, or at the sentence's start); "praised mayor
// Jones" keeps "mayor".
template <typename Blocked>
size_t ExtendRoleLeft(std::string_view text, const std::vector<PhraseWord>& words, size_t k, bool sentence_start,
                      const CapitalisedNames& names, Blocked blocked) {
  size_t j = k;
  // "before Station Manager Tom Kerrow": a listed role word written with a
  // capital inside a sentence is a title in title case, and the capitalised
  // words right before it that no name of the article holds are its own
  // ("Group Manager" / "Station Manager"), wherever the title stands.
  const auto title_word = [&](size_t w) {
    return words[w].capitalised && FreeModifier(words[w], true) && !blocked(words[w].begin) &&
           !names.in_mentions.contains(words[w].folded) &&
           !(w == 0 && sentence_start && names.contains(words[w].folded));
  };
  if (words[k].capitalised && !(k == 0 && sentence_start)) {
    while (j > 0 && k - j < kMaxFreeModifiers && AllSpaces(Between(text, words[j - 1].end, words[j].begin)) &&
           title_word(j - 1)) {
      --j;
    }
    if (j < k) return j;
  }
  // A capitalised first word the article writes capitalised elsewhere is a
  // name ("Ashcombe interim manager Sol Verhoeven").
  const auto initial = [&](size_t w) { return w == 0 && sentence_start && !names.contains(words[w].folded); };
  while (j > 0 && k - j < kMaxFreeModifiers && AllSpaces(Between(text, words[j - 1].end, words[j].begin)) &&
         FreeModifier(words[j - 1], initial(j - 1)) && !blocked(words[j - 1].begin)) {
    --j;
  }
  if (j == k) return k;
  // Listed modifiers before the free ones: "Former harbour master".
  while (j > 0 && k - j < kMaxRoleWords && AllSpaces(Between(text, words[j - 1].end, words[j].begin)) &&
         IsRoleModifier(words[j - 1].folded) && !blocked(words[j - 1].begin)) {
    --j;
  }
  if (j == 0) return sentence_start ? j : k;
  const bool punctuation = !AllSpaces(Between(text, words[j - 1].end, words[j].begin));
  // After an organisation's name: "Coastguard area commander Ruth Anstey".
  const bool name = words[j - 1].capitalised && !IsStopWord(words[j - 1].folded);
  return punctuation || name || IsOwner(words[j - 1]) ? j : k;
}

// Where a run of role words ending at words[end - 1] begins, or `end` when
// there is none. The run stops at a word inside a mention `blocked`
// reports (a name, or a description of someone else).
template <typename Blocked>
size_t RoleRunBefore(std::string_view text, const std::vector<PhraseWord>& words, size_t end,
                     Blocked blocked) {
  if (end == 0 || !IsRoleHead(words[end - 1].folded)) return end;
  size_t k = end;
  while (k > 0 && end - k < kMaxRoleWords && IsRoleWord(words[k - 1].folded) &&
         !blocked(words[k - 1].begin)) {
    if (k < end && !AllSpaces(Between(text, words[k - 1].end, words[k].begin))) break;
    --k;
  }
  return IsRoleHead(words[end - 1].folded) && k < end ? k : end;
}

// Most words of a role's complement ("director of public health").
constexpr size_t kMaxComplementWords = 3;

// A word of a role's complement: a lower-case word that is no function
// word, number or possessive ("highways", "marketing", "grid operations").
// A determiner or a name there means an organisation ("chief executive of
// Marlstone Stadium Ltd", "chair of the tenants' association"): whose post
// it is, not which, and left out.
bool ComplementWord(const PhraseWord& w) {
  if (w.capitalised || w.folded.empty() || IsStopWord(w.folded) || IsPossessive(w.folded)) return false;
  // "councillor for eight years": a time, not a field.
  if (lexicon::In(lexicon::kTimeWords, w.folded) || lexicon::In(lexicon::kNumberWords, w.folded)) return false;
  return std::all_of(w.folded.begin(), w.folded.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

// Where the complement opening at words[at] ("of", "for", "in" right after
// a head) ends, or `at` when there is none: lower-case words up to the end
// of the phrase (punctuation, the text's end, "and", or a verb).
size_t ComplementEnd(std::string_view text, const std::vector<PhraseWord>& words, size_t at) {
  if (at >= words.size() || !OpensComplement(words[at].folded)) return at;
  size_t j = at + 1;
  while (j < words.size() && j - at - 1 < kMaxComplementWords &&
         AllSpaces(Between(text, words[j - 1].end, words[j].begin)) && ComplementWord(words[j])) {
    ++j;
  }
  if (j == at + 1) return at;
  if (j < words.size() && AllSpaces(Between(text, words[j - 1].end, words[j].begin)) &&
      words[j].folded != "and" && !EndsNounPhrase(words[j])) {
    return at;  // "director of operations Ltd": the words run on
  }
  return j;
}

// The roles right before a name: "former mayor Bob Jones", "the company's
// chief executive Ann Smith", "Chief inspector of rail accidents Helena
// Marrish", "Founder and chief executive Alun Petrie", and "the firm's
// finance director, Ann Smith," when the name closes an apposition.
// `before` ends where the name begins; `after` follows the name. `title`
// says the roles are a title with no owner right before the name.
template <typename Blocked>
std::vector<std::string> RoleBefore(std::string_view before, std::string_view after, bool sentence_start,
                                    const CapitalisedNames& names, Blocked blocked, bool* title) {
  const std::vector<PhraseWord> words = Words(before);
  if (words.empty()) return {};
  const std::string_view gap = before.substr(words.back().end);
  size_t end = words.size();
  // "vice-chancellor Professor Helena Strachan": a capitalised title
  // between a lower-case office and the name is how she is addressed, a
  // second title, not a word of the office.
  if (end >= 2 && words[end - 1].capitalised && !words[end - 2].capitalised &&
      AllSpaces(Between(before, words[end - 2].end, words[end - 1].begin)) && IsRoleHead(words[end - 2].folded) &&
      !blocked(words[end - 2].begin)) {
    --end;
  }
  // "director of highways, Sunita Vaughan": the head before a complement.
  // "Mayor of Skelmor Cllr Hugh Delacourt", "a spokeswoman for the company,
  // Hannah Leithbridge,": a place or a body after "of" or "for" is whose
  // post it is, left out.
  size_t head_end = end;
  size_t phrase_end = end;
  if (!IsRoleHead(words[end - 1].folded)) {
    for (size_t n = 1; n <= kMaxComplementWords && n + 1 < end; ++n) {
      const size_t opener = end - 1 - n;
      if (!OpensComplement(words[opener].folded)) continue;
      if (!IsRoleHead(words[opener - 1].folded) ||
          !AllSpaces(Between(before, words[opener - 1].end, words[opener].begin))) {
        break;
      }
      const auto spaced = [&] {
        for (size_t w = opener + 1; w < end; ++w) {
          if (!AllSpaces(Between(before, words[w - 1].end, words[w].begin))) return false;
        }
        return true;
      };
      // A name ("Skelmor"), or an owner and what it owns ("the company").
      const bool named = n == 1 && words[end - 1].capitalised && AllSpaces(gap);
      const bool body = InList(kOwnerWords, words[opener + 1].folded) && IsCommaGap(gap) &&
                        std::all_of(words.begin() + static_cast<std::ptrdiff_t>(opener + 2),
                                    words.begin() + static_cast<std::ptrdiff_t>(end),
                                    [](const PhraseWord& w) { return !IsStopWord(w.folded); });
      if (ComplementEnd(before, words, opener) == end) {
        head_end = opener;
      } else if ((named || body) && words[opener].folded != "in" && spaced()) {
        head_end = phrase_end = opener;
      }
      break;
    }
  }
  const size_t run = RoleRunBefore(before, words, head_end, blocked);
  if (run == head_end) return {};
  size_t k = ExtendRoleLeft(before, words, run, sentence_start, names, blocked);
  // "managing director of promoter Brightline Live": a complement right
  // before a name may be the name's own description; it is the title's
  // only when the phrase opens the sentence or follows an owner ("Chief
  // inspector of rail accidents Helena Marrish").
  if (head_end < end && AllSpaces(gap) && !(k == 0 && sentence_start) && !(k > 0 && IsOwner(words[k - 1]))) {
    return {};
  }
  std::vector<std::string> phrases = {std::string(Between(before, words[k].begin, words[phrase_end - 1].end))};
  // "Finance director and deputy chief executive Owen Carradine": two
  // roles joined by "and".
  if (k >= 2 && words[k - 1].folded == "and" && AllSpaces(Between(before, words[k - 2].end, words[k - 1].begin)) &&
      AllSpaces(Between(before, words[k - 1].end, words[k].begin))) {
    const size_t run2 = RoleRunBefore(before, words, k - 1, blocked);
    if (run2 < k - 1) {
      const size_t k2 = ExtendRoleLeft(before, words, run2, sentence_start, names, blocked);
      phrases.insert(phrases.begin(), std::string(Between(before, words[k2].begin, words[k - 2].end)));
      k = k2;
    }
  }
  if (AllSpaces(gap)) {
    *title = k == 0 || !IsOwner(words[k - 1]);
    return phrases;
  }
  if (!IsCommaGap(gap)) return {};
  // "the mayor, Bob Jones, said": the description opens the sentence or
  // a clause and has a determiner or owner; the name closes the apposition.
  // ("Speaking to the mayor, Bob Jones said" is not one.)
  if (k == 0 || !IsOwner(words[k - 1])) return {};
  size_t open = k - 1;
  while (open > 0 && IsOwner(words[open - 1]) && k - open < kMaxRoleWords) --open;
  // "The Corvane Examinations Authority's chief executive": the owner's
  // whole name.
  if (IsPossessive(words[open].folded)) {
    while (open > 0 && words[open - 1].capitalised && k - open < kMaxRoleWords &&
           AllSpaces(Between(before, words[open - 1].end, words[open].begin))) {
      --open;
    }
    if (open > 0 && InList(kOwnerWords, words[open - 1].folded)) --open;
  }
  // A name that ends the sentence closes the apposition whatever opened
  // it ("according to Corrant's chief executive, Alun Petrie.").
  const bool ends = after.empty() || after[0] == '.';
  // A clause or a phrase opens the description: "understands that the
  // driver, Gareth Ashbury, has", "spotted by a dog walker, Tomasz
  // Wiercinski,". Not after an opening participle's object ("Speaking to
  // the mayor, Bob Jones, who lives nearby, said little"): there the name
  // is the clause's subject.
  const auto opener = [&](const PhraseWord& w) {
    static constexpr std::string_view kOpeners[] = {"after", "and",  "because", "before", "but", "by",  "that",
                                                    "when",  "while", "said",    "says",   "of",  "for", "with"};
    return std::find(std::begin(kOpeners), std::end(kOpeners), w.folded) != std::end(kOpeners);
  };
  const bool participle = !words.empty() && words[0].folded.ends_with("ing") && words[0].capitalised;
  const bool opens = open == 0 || ends ||
                     !AllSpaces(Between(before, words[open - 1].end, words[open].begin)) ||
                     (opener(words[open - 1]) && !(participle && sentence_start));
  const bool closed =
      after.empty() || after[0] == ',' || after[0] == '.' || after[0] == ';' || after[0] == ')';
  return opens && closed ? phrases : std::vector<std::string>{};
}

// A role phrase read forward from words[i] (after the owners): free
// modifiers no list holds when `free` (after an owner, an age or a name:
// "the coastguard's duty controller"), the role words, and a complement.
// Returns the word index past the phrase, or `i` when there is none;
// `head_end` gets the index past the head.
size_t RoleRunAfter(std::string_view text, const std::vector<PhraseWord>& words, size_t i, bool free) {
  const size_t start = i;
  // Role words, and (when `free`) up to kMaxFreeModifiers other words
  // among them: "senior admissions tutor", "duty controller".
  size_t free_words = 0;
  size_t head_end = start;  // past the last head read
  while (i < words.size() && i - start < kMaxRoleWords &&
         (i == start || AllSpaces(Between(text, words[i - 1].end, words[i].begin)))) {
    if (IsRoleWord(words[i].folded)) {
      if (IsRoleHead(words[i].folded)) head_end = i + 1;
    } else if (free && free_words < kMaxFreeModifiers && FreeModifier(words[i], false)) {
      ++free_words;
    } else {
      break;
    }
    ++i;
  }
  // The head is the last role word ("chief executive", not "chief"); free
  // words after it are no part of the phrase.
  if (head_end == start || (i > head_end && IsRoleWord(words[head_end].folded))) return start;
  i = head_end;
  if (i < words.size() && AllSpaces(Between(text, words[i - 1].end, words[i].begin))) {
    i = std::max(i, ComplementEnd(text, words, i));
  }
  return i;
}

// The roles in an apposition after a name: "Ann Smith, the firm's finance
// director, said", "Bob Jones, 54, a retired teacher", "Dr Marr, the
// infirmary's medical director and deputy chief executive,". `after` starts
// right after the name; `complete` says it runs to the end of the sentence.
std::vector<std::string> RoleAfter(std::string_view after, bool complete) {
  const std::vector<PhraseWord> words = Words(after);
  if (words.empty()) return {};
  const auto gap_after = [&](size_t w) {
    return w + 1 < words.size() ? Between(after, words[w].end, words[w + 1].begin) : after.substr(words[w].end);
  };
  constexpr size_t kMaxAgeDigits = 3;
  const bool number = words[0].folded.size() <= kMaxAgeDigits && AllDigits(words[0].folded);
  size_t i = 0;
  // An age: "Bob Jones, 54, a retired teacher", "Margaret Hale (67), a
  // retired geography teacher".
  const std::string_view opening = after.substr(0, words[0].begin);
  if (number && (opening == " (" || opening == "(") && Between(gap_after(0), 0, 3) == "), ") {
    i = 1;
  } else if (!IsCommaGap(opening)) {
    return {};
  } else if (number) {
    if (!IsCommaGap(gap_after(0))) return {};
    i = 1;
  }
  // Determiners and owners: "the", "his", "the company's", "Acme Bank's".
  constexpr size_t kMaxOwnerWords = 3;
  if (i < words.size() && InList(kOwnerWords, words[i].folded)) ++i;
  for (size_t j = i; j < words.size() && j < i + kMaxOwnerWords; ++j) {
    if (j > i && !AllSpaces(Between(after, words[j - 1].end, words[j].begin))) break;
    if (IsStopWord(words[j].folded)) break;  // "who is the chairman": a clause
    if (IsPossessive(words[j].folded)) {
      i = j + 1;
      break;
    }
  }
  // "the 47-year-old Civic Alliance councillor": an age and the name of
  // an organisation before the role say whose role and who, not which.
  constexpr size_t kMaxModifierWords = 4;
  for (size_t skipped = 0; i < words.size() && skipped < kMaxModifierWords; ++skipped) {
    const bool age = words[i].folded.ends_with("-year-old");
    const bool name = words[i].capitalised && !IsStopWord(words[i].folded) && !IsRoleWord(words[i].folded);
    if (!age && !name) break;
    if (i + 1 >= words.size() || !AllSpaces(Between(after, words[i].end, words[i + 1].begin))) return {};
    ++i;
  }
  std::vector<std::string> phrases;
  size_t start = i;
  size_t end = RoleRunAfter(after, words, i, start > 0);
  if (end == start) return {};
  phrases.emplace_back(Between(after, words[start].begin, words[end - 1].end));
  // "the chairman and chief executive of Calder Peak", "the film's lead
  // producer and also chief executive of Larkspur": a second role.
  if (end + 1 < words.size() && words[end].folded == "and" && AllSpaces(gap_after(end - 1)) &&
      AllSpaces(gap_after(end))) {
    size_t from = end + 1;
    if (words[from].folded == "also" && from + 1 < words.size() && AllSpaces(gap_after(from))) ++from;
    const size_t second = RoleRunAfter(after, words, from, true);
    if (second > from) {
      phrases.emplace_back(Between(after, words[from].begin, words[second - 1].end));
      start = from;
      end = second;
    }
  }
  const std::string_view gap = gap_after(end - 1);
  if (end < words.size()) {
    // "Ann Smith, chief executive Bob Jones": the title is Bob Jones's.
    if (AllSpaces(gap) && !EndsNounPhrase(words[end])) return {};
  } else if (!complete && gap.empty()) {
    return {};  // cut off by kRoleReach in the middle of a phrase
  }
  return phrases;
}

// How a role read in a clause about a person stands in time.
enum class RoleTime {
  kNow,      // compared with the other outlets' roles
  kBeside,   // a second post ("who is also a town councillor", "who chairs
             // the planning committee"): a fact, but no rival to the others
  kEarlier,  // held before or left ("joined Merrin as a cashier", "stepped
             // down as mayor"): a fact of its own time, compared with nothing
};

struct FoundRole {
  std::string phrase;
  RoleTime time = RoleTime::kNow;
  bool title = false;  // a title right before the name, no owner before it ("Partner Ayla Kessel")
};

// The roles a predicate starting at words[v] gives its subject: "is (also)
// the council's chief executive", "has also been acting chief executive",
// "was also its exams officer", "is both head of science and exams
// officer", "(also) chairs the planning committee", "stepped down as mayor
// of Brackenford", "joined the company as operations manager in 2015",
// "will serve as interim mayor".
std::vector<FoundRole> Predicate(std::string_view after, const std::vector<PhraseWord>& words, size_t v,
                                 bool complete) {
  const auto spaced = [&](size_t w) {
    return w > 0 && w < words.size() && AllSpaces(Between(after, words[w - 1].end, words[w].begin));
  };
  const auto rest_from = [&](size_t w) { return ", " + std::string(after.substr(words[w].begin)); };
  bool also = false;
  const auto take_also = [&] {
    while (v < words.size() && (words[v].folded == "also" || words[v].folded == "now")) {
      also = also || words[v].folded == "also";
      ++v;
      if (v < words.size() && !spaced(v)) v = words.size();
    }
  };
  take_also();
  if (v >= words.size()) return {};
  const std::string& verb = words[v].folded;
  size_t copula_end = v;
  RoleTime time = RoleTime::kNow;
  // "becomes interim mayor", "remains honorary president", "was named
  // caretaker manager": a role taken up or kept is held now.
  const auto appointed = [&](size_t w) {
    return w < words.size() && spaced(w) &&
           (words[w].folded == "named" || words[w].folded == "appointed" || words[w].folded == "made");
  };
  if (verb == "becomes" || verb == "remains") {
    copula_end = v + 1;
  } else if ((verb == "is" || verb == "was") && appointed(v + 1)) {
    copula_end = v + 2;
  } else if (verb == "has" && v + 1 < words.size() && words[v + 1].folded == "been" && appointed(v + 2)) {
    copula_end = v + 3;
  } else if (verb == "is") {
    copula_end = v + 1;
  } else if (verb == "was") {
    copula_end = v + 1;
    time = RoleTime::kEarlier;
  } else if (verb == "has" && v + 1 < words.size() && words[v + 1].folded == "been") {
    copula_end = v + 2;
  } else if (verb == "has" && v + 2 < words.size() && words[v + 1].folded == "also" && words[v + 2].folded == "been") {
    copula_end = v + 3;
    also = true;
  }
  std::vector<FoundRole> out;
  if (copula_end > v) {
    v = copula_end;
    if (v >= words.size() || !spaced(v)) return {};
    take_also();
    if (v < words.size() && words[v].folded == "both" && spaced(v + 1)) ++v;
    if (v >= words.size() || !spaced(v)) return {};
    if (also) time = RoleTime::kBeside;
    for (std::string& p : RoleAfter(rest_from(v), complete)) out.push_back({std::move(p), time});
    return out;
  }
  // "who also chairs the planning committee", "who founded the group"
  // (lexicons/role_verbs.txt).
  // The object is a body ("leads the campaign group", "chairs its
  // board"), not a person ("leads Tom Harrold by 200 votes").
  if (const std::string_view role = lexicon::Find(lexicon::kRoleVerbs, verb);
      !role.empty() && v + 1 < words.size() && spaced(v + 1) &&
      (InList(kOwnerWords, words[v + 1].folded) || IsPossessive(words[v + 1].folded))) {
    out.push_back({std::string(role), RoleTime::kBeside});
    return out;
  }
  // A verb and "as" within a few words, in one clause: the verb says when
  // (lexicons/role_as_verbs.txt).
  const std::string_view when = lexicon::Find(lexicon::kRoleAsVerbs, verb);
  if (when.empty()) return {};
  constexpr size_t kMaxVerbWords = 6;
  size_t as = v + 1;
  while (as < words.size() && as - v <= kMaxVerbWords && words[as].folded != "as" && spaced(as)) ++as;
  if (as + 1 >= words.size() || words[as].folded != "as" || !spaced(as) || !spaced(as + 1)) return {};
  time = when == "earlier" ? RoleTime::kEarlier : RoleTime::kNow;
  for (std::string& p : RoleAfter(rest_from(as + 1), complete)) out.push_back({std::move(p), time});
  return out;
}

// The roles a clause about the person right after the name gives them:
// "Maureen Gatt, the returning officer, who is also the city council's
// chief executive", "whose chair, Neema Otieno, is also a city councillor",
// "Fenella Croy, who led the rescue, is the network's area coordinator",
// "Quaile stepped down as mayor". The predicate follows the name, or one
// aside between commas (an age, an apposition, a "who" clause).
std::vector<FoundRole> RoleClause(std::string_view after, bool complete) {
  const std::vector<PhraseWord> words = Words(after);
  if (words.empty()) return {};
  const std::string_view opening = after.substr(0, words[0].begin);
  if (!AllSpaces(opening) && !IsCommaGap(opening)) return {};
  // The first segment: the words up to the next comma (or other
  // punctuation, which ends the search).
  size_t seg_end = 1;
  while (seg_end < words.size() && AllSpaces(Between(after, words[seg_end - 1].end, words[seg_end].begin))) ++seg_end;
  const auto predicate_at = [&](size_t w) {
    if (w < words.size() && words[w].folded == "who") ++w;
    return w < words.size() ? Predicate(after, words, w, complete) : std::vector<FoundRole>{};
  };
  std::vector<FoundRole> out = predicate_at(0);
  if (!out.empty() || !IsCommaGap(opening)) return out;
  // An aside first: ", 54, who ...", ", the returning officer, who ...",
  // ", who led the rescue, is ...".
  const bool age = AllDigits(words[0].folded);
  const bool aside = age || words[0].folded == "who" || InList(kOwnerWords, words[0].folded);
  if (!aside || seg_end >= words.size() || !IsCommaGap(Between(after, words[seg_end - 1].end, words[seg_end].begin))) {
    return out;
  }
  return predicate_at(seg_end);
}

// A family noun, or a bare "partner", is a role only as a title right
// before the name ("Grandmother Pauline Shotter", "Partner Ayla Kessel");
// "Leah's mother, Ruth Danvers" and "her partner Shannon" say how two
// people are related, and "Kestrin Pharma, the US partner" is a business.
// A named kind of partner ("managing partner") is a post
// (lexicons/role_words.txt, tag kin).
bool TitleOnly(std::string_view value) {
  const std::vector<WordToken> words = Tokenize(value);
  if (words.empty() || !InList(lexicon::kRoleWordsKin, LastPart(words.back().folded))) return false;
  const bool named_kind = IsExclusiveHead(words.back().folded) && value.find(' ') != std::string_view::npos;
  return !named_kind;
}

// Bytes of a person's mention that are a role written before the name and
// tagged with it ("Rigger Callum Dorsey", "Student Saoirse Delany"): role
// words up to a head, with two name words or more after them; 0 when none.
size_t TitleInName(std::string_view text, const std::vector<WordToken>& words) {
  size_t i = 0;
  while (i < words.size() && words[i].capitalised && IsRoleWord(words[i].folded)) ++i;
  if (i == 0 || !IsRoleHead(words[i - 1].folded) || words.size() - i < 2) return 0;
  return words[i].begin <= text.size() ? words[i].begin : 0;
}

// Words written before a name as part of how it is addressed: "Dr",
// "Sgt.", "Sir", "Cllr" (lexicons/honorifics.txt and peerage_titles.txt),
// and a capitalised title ("Professor").
bool TitleWord(const PhraseWord& w) {
  if (!w.capitalised) return false;
  std::string folded = w.folded;
  if (folded.ends_with('.')) folded.pop_back();
  return lexicon::In(lexicon::kHonorifics, folded) || IsRoleHead(folded) ||
         lexicon::In(lexicon::kPeerageTitles, folded);
}

// The role noun an abbreviated title stands for ("cllr" -> "councillor",
// "insp" -> "inspector"): the one noun lexicons/role_titles.txt writes so;
// "" for an abbreviation of several ("rev") or none. "Dr" is a degree as
// often as a doctor's post: no role.
std::string_view AbbreviatedRole(std::string folded) {
  if (folded.ends_with('.')) folded.pop_back();
  if (folded.empty() || folded == "dr") return {};
  std::string_view role;
  for (const lexicon::MapEntry& e : lexicon::kRoleTitles) {
    if (e.value != folded) continue;
    if (!role.empty()) return {};
    role = e.key;
  }
  return role;
}

// The role abbreviated titles right before a name give ("Cllr Petra
// Haskell", "Det Insp Mark Hale", "Prof. Helen Strachan"), read from the
// end of `before` and the start of the mention's `name`; "" when none.
std::string AbbreviatedTitles(std::string_view before, std::string_view name) {
  std::vector<std::string> roles;
  const std::vector<PhraseWord> lead = Words(before);
  for (size_t n = lead.size(); n > 0; --n) {
    const std::string_view gap = n < lead.size() ? Between(before, lead[n - 1].end, lead[n].begin)
                                                 : before.substr(lead[n - 1].end);
    const std::string_view role = lead[n - 1].capitalised ? AbbreviatedRole(lead[n - 1].folded) : "";
    if (role.empty() || !(AllSpaces(gap) || gap == ". ")) break;
    roles.insert(roles.begin(), std::string(role));
  }
  const std::vector<PhraseWord> in_name = Words(name);
  for (size_t n = 0; n + 1 < in_name.size(); ++n) {  // a name word left after the titles
    const std::string_view role = in_name[n].capitalised ? AbbreviatedRole(in_name[n].folded) : "";
    if (role.empty()) break;
    roles.emplace_back(role);
  }
  std::string out;
  for (const std::string& r : roles) out += (out.empty() ? "" : " ") + r;
  return out;
}

// `before` (the text up to a name) without the titles right before the
// name: "the vice-chancellor, Professor " -> "the vice-chancellor, ".
std::string_view WithoutTitles(std::string_view before) {
  const std::vector<PhraseWord> words = Words(before);
  size_t n = words.size();
  while (n > 0 && TitleWord(words[n - 1])) {
    const std::string_view gap = n < words.size() ? Between(before, words[n - 1].end, words[n].begin)
                                                  : before.substr(words[n - 1].end);
    if (!AllSpaces(gap) && gap != ". ") break;
    --n;
  }
  return n == words.size() ? before : before.substr(0, n == 0 ? 0 : words[n].begin);
}

// Most words between "chaired by" and the name: "retired judge Sir".
constexpr size_t kMaxWordsAfterChairedBy = 4;

// Whether `before` (the text up to a name) ends in "chaired by", perhaps
// with the person's titles and role words between ("The panel, chaired by
// retired judge Sir Alasdair Fenwick"): the name chairs the body.
bool ChairedBy(std::string_view before) {
  const std::vector<PhraseWord> words = Words(before);
  size_t n = words.size();
  for (size_t seen = 0; n > 0 && seen < kMaxWordsAfterChairedBy; ++seen) {
    const PhraseWord& w = words[n - 1];
    if (!TitleWord(w) && !IsRoleWord(w.folded)) break;
    --n;
  }
  if (n < 2 || words[n - 1].folded != "by" || words[n - 2].folded != "chaired") return false;
  // Only spaces between them and up to the name: one phrase.
  for (size_t k = n - 1; k < words.size(); ++k) {
    if (!AllSpaces(Between(before, words[k - 1].end, words[k].begin))) return false;
  }
  return AllSpaces(before.substr(words.back().end));
}

// One role an article gives a person.
struct RoleSeen {
  size_t entity = 0;  // into story.entities
  std::string value;  // NormaliseRole
  size_t article = 0;
  std::string evidence;
  RoleTime time = RoleTime::kNow;
};

// What the story says about the roles of each person, beyond two values:
// the pairs one article gives together (held at once: "deputy mayor" and
// "interim mayor"), and the kinds of post some article gives two of.
struct RoleContext {
  using Pairs = std::map<std::string, std::set<std::pair<std::string, std::string>>>;  // entity id -> value pairs
  Pairs in_sentence;  // given together in one sentence ("medical director and deputy chief executive")
  Pairs in_article;   // given together in one article
  std::map<std::string, std::set<std::string>> several;  // entity id -> kinds of role some article gives two of
  std::unordered_map<std::string, std::string> published;  // article id -> day

  // `a` and `b` of one person's role claim, judged with what the story
  // says. Two roles one sentence gives are held at once (unless one is the
  // other's former post); two roles of one kind (RoleKind) are too when one
  // article gives both, or when some article gives the person two of that
  // kind (which of them another outlet names is unknown); and a post an
  // earlier article gives and a later one calls former may have ended in
  // between. Two ranks of one office in two sentences of one article are
  // the article contradicting itself.
  ValueRelation Relate(const Claim& claim, const ClaimValue& a, const ClaimValue& b) const {
    const RoleVerdict verdict = JudgeRoles(a.value, b.value);
    if (verdict.relation != ValueRelation::kConflict) return verdict.relation;
    bool former_a = false, former_b = false;
    RoleCore(a.value, &former_a);
    RoleCore(b.value, &former_b);
    const auto given = [&](const Pairs& pairs) {
      auto it = pairs.find(claim.subject);
      return it != pairs.end() && it->second.contains(std::minmax(a.value, b.value));
    };
    if (former_a == former_b) {
      if (given(in_sentence)) return ValueRelation::kCompatible;
      if (!verdict.by_kind.empty()) {
        if (given(in_article)) return ValueRelation::kCompatible;
        if (auto it = several.find(claim.subject); it != several.end() && it->second.contains(verdict.by_kind)) {
          return ValueRelation::kCompatible;
        }
      }
      return ValueRelation::kConflict;
    }
    const ClaimValue& was = former_a ? a : b;
    const ClaimValue& is = former_a ? b : a;
    // "the Sixers fired president Billy King": the post the verb ended
    // (lexicons/role_ending_verbs.txt), held until then and former since.
    const std::string evidence = FoldCase(is.evidence), post = FoldCase(is.value);
    for (const std::string_view verb : lexicon::kRoleEndingVerbs) {
      if (evidence.find(std::string(verb) + " " + post) != std::string::npos) return ValueRelation::kCompatible;
    }
    const auto day = [this](const std::string& article) {
      auto it = published.find(article);
      return it == published.end() ? std::string() : it->second;
    };
    // The post conflicts only when an article printed no earlier than the
    // first to call it former still gives it. An article with no day says
    // nothing of which came first: its "former mayor" may be written after
    // another's "mayor" or before it, so it contradicts nothing ("rehired
    // her former attorney" / "her attorney" of undated texts).
    std::string first_former = "9999";
    for (const std::string& article : was.articles) {
      if (!day(article).empty()) first_former = std::min(first_former, day(article));
    }
    for (const std::string& article : is.articles) {
      if (!day(article).empty() && day(article) >= first_former) return ValueRelation::kConflict;
    }
    return ValueRelation::kCompatible;
  }
};

// Roles written beside a person's name (see RoleBefore, RoleAfter,
// RoleClause). Roles held before or beside the person's post are facts
// compared with nothing; the others are compared across outlets by
// RoleContext::Relate.
void RoleClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities, const Story& story,
                ClaimTable& table, RoleContext& context) {
  std::vector<RoleSeen> seen;
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle& a = *members[ai];
    context.published[a.article.id] = a.article.published;
    const TextView view(a);
    // Words the article capitalises inside a sentence where they open a
    // name: "Ashcombe" of "Ashcombe interim manager", not "Launch" of
    // "Aldercrest Launch".
    CapitalisedNames names;
    const std::vector<WordToken> tokens = Tokenize(a.article.text);
    for (size_t t = 0; t < tokens.size(); ++t) {
      if (!tokens[t].capitalised || tokens[t].sentence_initial) continue;
      const bool continues_name = t > 0 && tokens[t - 1].capitalised && tokens[t - 1].end + 1 == tokens[t].begin;
      if (!continues_name) names.opening.insert(tokens[t].folded);
    }
    for (const EntityMention& m : a.entities) {
      for (const WordToken& w : Tokenize(m.text)) names.in_mentions.insert(w.folded);
    }
    for (const EntityMention& m : a.entities) {
      if (ContractType(m.type) != "PERSON" || m.text.empty()) continue;
      const std::vector<WordToken> name = Tokenize(m.text);
      // "the chief executive": a description the linker resolved, not a name.
      if (name.empty() || !name.front().capitalised || InList(kOwnerWords, name.front().folded)) continue;
      const std::optional<size_t> e = entities.Lookup(ai, m.entity, m.text);
      if (!e || story.entities[*e].type != "PERSON") continue;
      const Span sentence = SentenceOf(a, m.span.start, view.cp_length());
      const size_t from = std::max(sentence.start, m.span.start > kRoleReach ? m.span.start - kRoleReach : 0);
      const size_t to = std::min(sentence.end, m.span.end + kRoleReach);
      // "Rigger Callum Dorsey" tagged as one name: the title's words are
      // read before the name.
      const size_t title_bytes = TitleInName(m.text, name);
      const size_t name_start = m.span.start + CountCodePoints(std::string_view(m.text).substr(0, title_bytes));
      const std::string before = view.Slice(from, name_start);
      const std::string after = view.Slice(m.span.end, to);
      // A word inside another entity's mention is a name or someone
      // else's description; the same entity's description is this role.
      const auto blocked = [&](size_t byte) {
        const size_t cp = from + CountCodePoints(std::string_view(before).substr(0, byte));
        return std::any_of(a.entities.begin(), a.entities.end(), [&](const EntityMention& o) {
          return o.entity != m.entity && o.span.start <= cp && cp < o.span.end;
        });
      };
      std::vector<FoundRole> found;
      bool title = false;  // the role is a title right before the name
      for (std::string& p : RoleBefore(before, after, from == sentence.start, names, blocked, &title)) {
        found.push_back({std::move(p), RoleTime::kNow, title});
      }
      // "the vice-chancellor, Professor Rhian Ellwood,": the apposition
      // before the titles the name is written with.
      if (const std::string_view bare = WithoutTitles(before); bare.size() < before.size()) {
        bool unused = false;
        for (std::string& p : RoleBefore(bare, after, from == sentence.start, names, blocked, &unused)) {
          found.push_back({std::move(p), RoleTime::kNow, false});
        }
      }
      if (ChairedBy(before)) found.push_back({"chair", RoleTime::kNow, false});
      if (std::string abbreviated = AbbreviatedTitles(before, m.text); !abbreviated.empty()) {
        found.push_back({std::move(abbreviated), RoleTime::kNow, true});
      }
      for (std::string& p : RoleAfter(after, to == sentence.end)) found.push_back({std::move(p), RoleTime::kNow});
      // A name after a preposition ("the mayor of Val Sorenne, who also
      // chairs") is no clause's subject.
      const std::vector<WordToken> lead = Tokenize(before);
      if (lead.empty() || !lexicon::In(lexicon::kPrepositions, lead.back().folded)) {
        for (FoundRole& f : RoleClause(after, to == sentence.end)) found.push_back(std::move(f));
      }
      for (const FoundRole& f : found) {
        std::string value = NormaliseRole(f.phrase);
        if (value.empty() || (TitleOnly(value) && !f.title)) continue;
        seen.push_back({*e, std::move(value), ai, view.SentenceAt(m.span.start), f.time});
      }
    }
  }
  // Per person and sentence, and per person and article, the roles given
  // now or beside: pairs held at once, and kinds of role given twice.
  std::map<std::tuple<size_t, size_t, std::string>, std::vector<std::string>> by_sentence;
  std::map<std::pair<size_t, size_t>, std::vector<std::string>> by_article;
  for (const RoleSeen& r : seen) {
    if (r.time == RoleTime::kEarlier) continue;
    AddUnique(by_sentence[{r.entity, r.article, r.evidence}], r.value);
    AddUnique(by_article[{r.entity, r.article}], r.value);
  }
  const auto pairs = [&](size_t entity, const std::vector<std::string>& values, RoleContext::Pairs& into) {
    const std::string& id = story.entities[entity].id;
    for (size_t i = 0; i < values.size(); ++i) {
      for (size_t j = i + 1; j < values.size(); ++j) {
        into[id].insert(std::minmax(values[i], values[j]));
        const RoleVerdict v = JudgeRoles(values[i], values[j]);
        if (!v.by_kind.empty()) context.several[id].insert(v.by_kind);
      }
    }
  };
  for (const auto& [key, values] : by_sentence) pairs(std::get<0>(key), values, context.in_sentence);
  for (const auto& [key, values] : by_article) pairs(key.first, values, context.in_article);
  size_t own = 0;  // a scope of its own for each role compared with nothing
  for (const RoleSeen& r : seen) {
    const BriefEntity& subject = story.entities[r.entity];
    const std::string scope = r.time == RoleTime::kNow ? "r" : fmt::format("r|{}", own++);
    table.Add(scope, subject.id, subject.name, "role", r.value, members[r.article]->article.id, r.evidence);
  }
}

// Whether `s` has a lowercase letter (any script): "RAIO" has none.
bool HasLowercase(std::string_view s) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(s.size(), INT32_MAX));
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && u_islower(c)) return true;
  }
  return false;
}

// The words of a name, a hyphenated one as one word ("Adewole-Finch"):
// its parts are not spelled on their own.
std::vector<WordToken> NameWords(const std::string& name) {
  std::vector<WordToken> out;
  for (WordToken& t : Tokenize(name)) {
    if (!out.empty() && t.capitalised && out.back().end + 1 == t.begin && name[out.back().end] == '-') {
      out.back().end = t.end;
      out.back().folded = FoldCase(std::string_view(name).substr(out.back().begin, t.end - out.back().begin));
      continue;
    }
    out.push_back(std::move(t));
  }
  return out;
}

// Whether two folded words are one the other with a final "s" ("hale" /
// "hales"): a surname's spelling, or a word's plural or possessive, as the
// caller decides.
bool FinalSApart(const std::string& a, const std::string& b) { return a + "s" == b || b + "s" == a; }

// Per entity, every name word spelled two ways across (or within) the
// story's articles.
void NameClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
                const Story& story, ClaimTable& table) {
  struct Seen {
    std::string spelling;  // first surface form seen
    std::vector<std::pair<std::string, std::string>> uses;  // (article, evidence)
    bool surname = false;  // seen ending a name of two words or more ("Dominic Hales")
    bool place = false;    // seen in a mention typed as a place ("Somalia")
    std::set<std::pair<size_t, size_t>> mentions;  // (article, mention start) it was seen in
  };
  // entity -> folded word -> where it was seen
  std::map<size_t, std::map<std::string, Seen>> words;
  // A person's name words (its canonical name's, folded), per entity, and
  // whether a word is one of them or a spelling of one (a final "s" too:
  // "Hale" / "Hales").
  std::map<size_t, std::vector<std::string>> own_words;
  const auto name_of = [&](size_t e) -> const std::vector<std::string>& {
    auto [it, fresh] = own_words.try_emplace(e);
    if (fresh) {
      for (const WordToken& t : NameWords(story.entities[e].name)) it->second.push_back(t.folded);
    }
    return it->second;
  };
  const auto of_name = [&](size_t e, const std::string& w) {
    const std::vector<std::string>& own = name_of(e);
    return std::any_of(own.begin(), own.end(), [&](const std::string& o) {
      return o == w || FinalSApart(o, w) || SpellingVariants(o, w) || SoundsAlike(o, w) || DoubledLetterVariant(o, w);
    });
  };
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle& a = *members[ai];
    const TextView view(a);
    for (const EntityMention& m : a.entities) {
      const std::optional<size_t> e = entities.Lookup(ai, m.entity, m.text);
      if (!e || story.entities[*e].type == "PLACE") continue;
      const std::vector<WordToken> name_words = NameWords(m.text);
      // A person's mention of two words or more ending in a surname that is
      // neither the person's nor a spelling of it names someone else the
      // linker joined to them ("Marco Tillett" to "Emarco Vance"): its words
      // are no spellings of the person's name; nor are those of a one-word
      // mention the name tagger cut from a longer name ("Marco" of "Marco
      // Tillett": a capitalised word right after it that is no word of the
      // person's name).
      if (story.entities[*e].type == "PERSON" && name_of(*e).size() >= 2) {
        std::string surname;
        if (name_words.size() >= 2 && name_words.back().capitalised) {
          surname = name_words.back().folded;
        } else if (name_words.size() == 1) {
          // Code points, as Slice counts: a space and a word of up to 23
          // letters (a surname, hyphenated ones too).
          constexpr size_t kNextCodePoints = 24;
          const std::string next = view.Slice(m.span.end, m.span.end + kNextCodePoints);
          const std::vector<WordToken> after = Tokenize(next);
          if (!after.empty() && after[0].begin == 1 && next[0] == ' ' && after[0].capitalised &&
              HasLowercase(std::string_view(next).substr(after[0].begin, after[0].end - after[0].begin)) &&
              !IsCalendarWord(after[0].folded)) {
            surname = after[0].folded;
          }
        }
        if (!surname.empty() && !of_name(*e, surname)) continue;
      }
      for (const WordToken& t : name_words) {
        // A month or weekday in a mention is a linking slip ("March" for
        // "Marsh"), not a spelling of the name.
        if (!t.capitalised || !t.has_letter || IsCalendarWord(t.folded)) continue;
        // Shorter words are initials and nicknames, but for a doubled
        // letter ("Vos" / "Voss", compared below).
        if (CountCodePoints(t.folded) + 1 < kMinNameWordCodePoints) continue;
        // An acronym ("RAIO") is no spelling of a word of the name ("Rail").
        const std::string_view surface = std::string_view(m.text).substr(t.begin, t.end - t.begin);
        if (!HasLowercase(surface)) continue;
        Seen& s = words[*e][t.folded];
        if (s.spelling.empty()) s.spelling = std::string(surface);
        s.uses.emplace_back(a.article.id, view.SentenceAt(m.span.start));
        if (name_words.size() >= 2 && &t == &name_words.back()) s.surname = true;
        if (m.type == "PLACE") s.place = true;
        s.mentions.emplace(ai, m.span.start);
      }
    }
  }
  for (const auto& [e, seen] : words) {
    const BriefEntity& entity = story.entities[e];
    for (auto x = seen.begin(); x != seen.end(); ++x) {
      for (auto y = std::next(x); y != seen.end(); ++y) {
        // "Dominic Hale" / "Dominic Hales": surnames of one person (the
        // linker joined them on a shared role) a final "s" apart.
        // Not a title's plural ("the U.S. Marshal" / "the U.S. Marshals"):
        // a role noun ending a name is no surname.
        const bool final_s = entity.type == "PERSON" && x->second.surname && y->second.surname &&
                             FinalSApart(x->first, y->first) &&
                             !IsRoleHead(x->first.size() < y->first.size() ? x->first : y->first);
        if (!SpellingVariants(x->first, y->first) && !SoundsAlike(x->first, y->first) &&
            !DoubledLetterVariant(x->first, y->first) && !final_s) {
          continue;
        }
        // Otherwise a final "s" makes a word's plural or possessive ("Greek
        // police" / "Greeks", "the U.S. Marshal Service" / "the Marshals",
        // "the Klitschkos"), not another spelling of it.
        if (!final_s && FinalSApart(x->first, y->first)) continue;
        // "Somali" / "Somalia", "Kenyan" / "Kenya": a place and its people's
        // word, one the other with an ending that makes one of the other
        // ("-a", "-n", "-ian", "-i", "-ese"; never a final "-e" or "-s":
        // "Rait" / "Raite" is a spelling), where one is written as a place.
        static constexpr std::string_view kDemonymEndings[] = {"a", "an", "ese", "i", "ian", "n"};
        const auto demonym = [&](const std::string& shorter, const std::string& longer) {
          return longer.starts_with(shorter) &&
                 InList(kDemonymEndings, std::string_view(longer).substr(shorter.size()));
        };
        if ((x->second.place || y->second.place) && (demonym(x->first, y->first) || demonym(y->first, x->first))) {
          continue;
        }
        // Two words of one mention are two words of the name, not one word
        // spelled two ways: a name does not misspell itself (the "Dana Rook
        // Is Cook" campaign).
        const auto& xm = x->second.mentions;
        if (std::any_of(xm.begin(), xm.end(), [&](const auto& m) { return y->second.mentions.contains(m); })) {
          continue;
        }
        // One claim per pair of spellings: "Kendall" vs "Kendal".
        const std::string key = fmt::format("n|{}|{}|{}", e, x->first, y->first);
        const std::string attribute = "name";
        for (const auto* s : {&x->second, &y->second}) {
          for (const auto& [article, evidence] : s->uses) {
            table.Add(key, entity.id, entity.name, attribute, s->spelling, article, evidence);
          }
        }
      }
    }
  }
}

// A year mention's head phrase: the words right after it up to the first
// function word or punctuation ("2023 Balenciaga runway show was" ->
// "balenciaga runway show"). Empty when the year stands alone ("In 2022,").
std::vector<WordToken> HeadPhrase(const std::string& after) {
  std::vector<WordToken> phrase;
  size_t prev_end = 0;
  for (WordToken& t : Tokenize(after)) {
    const std::string_view gap(after.data() + prev_end, t.begin - prev_end);
    if (gap.find_first_not_of(" ") != std::string_view::npos) break;
    if (!t.has_letter || IsStopWord(t.folded) || IsCalendarWord(t.folded)) break;
    // "joined in 1996 aged 31": a verb form after the year opens another
    // phrase; a thing the year is given for is named by nouns.
    if (!t.capitalised && (IsPastForm(t.folded) || t.folded == "aged")) break;
    prev_end = t.end;
    phrase.push_back(std::move(t));
    if (phrase.size() == kMaxHeadPhraseWords) break;
  }
  return phrase;
}

bool IsYearValue(const std::string& value) {
  // "2023", or a season of a year ("2024-FA"): a year given for a thing.
  if (value.size() < 4 || !std::all_of(value.begin(), value.begin() + 4, [](char c) {
        return c >= '0' && c <= '9';
      })) {
    return false;
  }
  if (value.size() == 4) return true;
  return value.size() == 7 && value[4] == '-' &&
         (value.compare(5, 2, "SP") == 0 || value.compare(5, 2, "SU") == 0 ||
          value.compare(5, 2, "FA") == 0 || value.compare(5, 2, "WI") == 0);
}

// The entity a phrase is about: the nearest named (non-place) mention that
// ends before the phrase does and close before the year ("Balenciaga's
// recent Fall 2024 show") or inside the phrase ("the 2023 Balenciaga show").
std::optional<size_t> PhraseSubject(const AnnotatedArticle& a, size_t ai, EntityIndex& entities,
                                    const Story& story, size_t year_start, size_t phrase_end) {
  // A possessive and an adjective or two before the year; further back the
  // name is more likely the sentence's subject than the thing's owner.
  constexpr size_t kSubjectReach = 24;
  const size_t from = year_start > kSubjectReach ? year_start - kSubjectReach : 0;
  std::optional<size_t> best;
  size_t best_end = 0;
  for (const EntityMention& m : a.entities) {
    if (m.span.end < from || m.span.end > phrase_end) continue;
    const std::optional<size_t> e = entities.Lookup(ai, m.entity, m.text);
    if (!e || story.entities[*e].type == "PLACE") continue;
    if (!best || m.span.end >= best_end) {
      best = e;
      best_end = m.span.end;
    }
  }
  return best;
}

// Joins an event word to the thing that did it when no entity did:
// "began|fire".
constexpr char kThingMark = '|';

// One year given for a thing: "the 2023 runway show".
struct YearMention {
  std::string article, year, evidence;
  std::optional<size_t> subject;    // entity index
  std::vector<std::string> words;   // folded lower-case words of the head phrase
  // Dated by the word before "in <year>" ("opened in 1974"): joins only
  // mentions of the same subject (none is the story's event).
  bool by_event_word = false;
  bool precise = false;  // a day or month ("resigned on Monday"), not a year
  // Stems of the words beside a year or month that say what it dates
  // (FrameWords), for matching one event's year across outlets; `label`
  // is those words before it, as written ("record set").
  std::vector<std::string> frame, label;  // empty: never matched so
  // A year nothing else dates ("since 2009", "at Callow Hill in 2009"): a
  // claim only when matched across outlets.
  bool loose = false;
  // A day of the first of its kind ("the first patients fell ill on
  // February 24"): an event that happens once, never a recurring meeting.
  bool once = false;
  // A year of a range ("between 2016 and 2022").
  bool range = false;
  // Dated by a passive verb ("was dismissed on Sunday"): its subject is
  // who it was done to.
  bool done_to = false;
  // A day of what happens to a thing once, the thing named ("after the
  // restaurant shut its doors on January 9": lexicons/once_events.txt).
  bool thing_once = false;
  // Dated by a verb of what is still to come ("would begin on January
  // 9"): compared only for agreement, since a plan may change and a thing
  // may happen again.
  bool ahead = false;
  // The noun a day's or month's event word is said of, right before it
  // ("a report published on Wednesday", "The appeal was lodged on
  // Monday"): whose day it is, named in the claim; "" when none stands there.
  std::string day_owner;
};

// How far apart two outlets' years of one event may be for one to be
// taken as the other's statement of it ("set in 1968" / "in 1966").
constexpr int kYearAlignSpan = 3;
// The same for two years of one thing's event named by one kind of word
// and the same noun in both ("the estate was completed in 1968" / "the
// estate, which was built in 1972"): the words say it is one event, so
// the years may differ more.
constexpr int kEventYearAlignSpan = 5;
// Words beside two years that must be alike ("at Tollin Point in 2016" /
// "near Tollin Point in 2015"): one word in common ("divorced") is weak
// evidence for a conflict shown.
constexpr size_t kYearAlignWords = 2;

// `text` with the commas inside numbers dropped ("44,950" -> "44950"), so a
// figure is one word and no clause break: "the record of 44,950 was set in
// 1968" keeps "record" among the words beside its year.
std::string WithoutDigitGroupCommas(const std::string& text) {
  std::string out;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',' && i > 0 && digit(text[i - 1]) && i + 3 < text.size() && digit(text[i + 1]) &&
        digit(text[i + 2]) && digit(text[i + 3]) && (i + 4 >= text.size() || !digit(text[i + 4]))) {
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

// Whether the clause that ends `lead` (the words before an event word)
// speaks of the first of its kind ("the first patients", "a first
// attempt"): within its last few words, after its last comma.
bool FirstOfItsKind(std::string_view lead) {
  constexpr size_t kMaxWordsBack = 4;  // "the first two patients" and its verb's auxiliary
  const size_t comma = lead.find_last_of(",;:");
  const std::vector<WordToken> words = Tokenize(comma == std::string_view::npos ? lead : lead.substr(comma + 1));
  for (size_t k = words.size(), seen = 0; k-- > 0 && seen < kMaxWordsBack; ++seen) {
    if (words[k].folded == "first") return true;
  }
  return false;
}

// Whether `lead` (the words before a verb) ends with a passive auxiliary,
// adverbs after it passed over ("was dismissed", "has been quietly sacked").
bool PassiveBefore(std::string_view lead) {
  const std::vector<WordToken> words = Tokenize(lead);
  for (size_t k = words.size(); k-- > 0;) {
    if (lexicon::In(lexicon::kAuxiliariesPassive, words[k].folded)) return true;
    if (!words[k].folded.ends_with("ly")) return false;
  }
  return false;
}

// An irregular past participle right before the "in" or "on" that ends
// `before` ("a main laid in 1911", "The painting, stolen in 1994"): what
// happened to a thing then (lexicons/verbs_and_adverbs.txt, tag
// participle), for the year claims only: the figures' dated events keep
// their own words. Empty when there is none.
EventWord ParticipleBefore(std::string_view before) {
  const std::vector<WordToken> words = Tokenize(before);
  if (words.size() < 2 || (words.back().folded != "in" && words.back().folded != "on")) return {};
  const WordToken& w = words[words.size() - 2];
  const std::string_view gap = before.substr(w.end, words.back().begin - w.end);
  if (w.capitalised || gap.find_first_not_of(' ') != std::string_view::npos ||
      !lexicon::In(lexicon::kVerbsAndAdverbsParticiple, w.folded)) {
    return {};
  }
  return {w.folded, w.begin};
}

// The verb of an event still to come right before the "on" or "in" that
// ends `before` (the words up to a day, month or year), within one clause
// and over its object, or right before the day itself: a base form after "will", "would", "shall" or a
// "to" that looks ahead ("would begin on January 9", "is due to vote on
// the plan on March 27", "expected to confirm the decision on June 25"),
// the participle of a passive one ("will be presented on June 8") or a
// scheduled present ("lapses on December 11"). Its key is the verb's base
// form ("meet" for "meets"): what is to come is never the past event of the
// same word (a report of results due is no report made). Empty when none.
EventWord PlannedEventBefore(std::string_view before) {
  const std::vector<WordToken> words = Tokenize(before);
  if (words.size() < 3) return {};
  // "is due to reopen next Monday", "production ends March 31": a day
  // right after the verb, with no preposition.
  const bool bare = words.back().folded != "on" && words.back().folded != "in";
  constexpr size_t kMaxWordsBetween = 6;  // "would meet members at the old town hall on"
  const size_t last = bare ? words.size() - 1 : words.size() - 2;
  for (size_t k = last + 1; k-- > 1 && last - k <= (bare ? 0 : kMaxWordsBetween);) {
    const size_t next = k + 1 < words.size() ? words[k + 1].begin : before.size();
    const std::string_view gap = before.substr(words[k].end, next - words[k].end);
    if (gap.empty() || gap.find_first_not_of(' ') != std::string_view::npos) return {};
    const WordToken& w = words[k];
    if (w.capitalised || !w.has_letter || lexicon::In(lexicon::kReportingVerbsNotEvent, w.folded)) return {};
    if (w.folded == "which" || w.folded == "who" || w.folded == "that" || w.folded == "and" || w.folded == "but" ||
        w.folded == "when" || w.folded == "after" || w.folded == "before" || w.folded == "until" || w.folded == "if") {
      return {};
    }
    // A present tense of what is scheduled ("Its offer lapses on December
    // 11", "The board meets on Monday": lexicons/tense_cues.txt, scheduled).
    if (lexicon::In(lexicon::kTenseCuesScheduled, w.folded)) {
      return {w.folded.substr(0, w.folded.size() - 1), w.begin};
    }
    const std::string_view prev = words[k - 1].folded;
    const bool modal = prev == "will" || prev == "would" || prev == "shall" || prev == "ll";
    const std::string_view cue = k >= 2 ? std::string_view(words[k - 2].folded) : std::string_view();
    const bool ahead_to = prev == "to" && (cue == "due" || lexicon::In(lexicon::kTenseCuesFutureTo, cue));
    if (!modal && !ahead_to) continue;
    if (IsStopWord(w.folded) || lexicon::In(lexicon::kAuxiliaries, w.folded)) {
      // "will be presented on June 8": the passive's participle.
      if (w.folded != "be" || k + 1 > last || !IsPastForm(words[k + 1].folded)) return {};
      return {words[k + 1].folded, words[k + 1].begin};
    }
    return {w.folded, w.begin};
  }
  return {};
}

// Whether the words from an event word to the "in" before its year hold
// the verb's object, opened by an article ("won the $4.2 million repair
// job in", "bought a site in"); a possessive ("shut its doors") keeps the
// event the subject's.
bool VerbHasObject(std::string_view from_word) {
  const std::vector<WordToken> words = Tokenize(from_word);
  constexpr size_t kMaxParticleWords = 2;  // "set up the", "broke off a"
  for (size_t k = 1; k <= kMaxParticleWords && k + 1 < words.size(); ++k) {
    const std::string_view w = words[k].folded;
    if (w == "the" || w == "a" || w == "an") return true;
    if (IsStopWord(w)) return false;
  }
  return false;
}

// The name a dated verb takes as its object, folded ("won an Emmy in",
// "hosted the Grammys in": "emmy", "grammys"): the capitalised words right
// after the verb and at most a determiner, up to the "in" or a function
// word; "" when the object is no name ("won the award in", "commissioned
// the Castell Brook review in") or there is none. `from_word` starts at the
// verb; `begin` is set to the name's byte offset in it.
std::string NamedObject(std::string_view from_word, size_t* begin) {
  constexpr size_t kMaxNameWords = 4;  // "the Tony Award for Best Actor" stops at "for"
  const std::vector<WordToken> words = Tokenize(from_word);
  size_t k = 1;
  if (k < words.size() && (words[k].folded == "a" || words[k].folded == "an" || words[k].folded == "the")) ++k;
  if (k < words.size()) *begin = words[k].begin;
  std::string name;
  // The last word is the "in" or "on" before the date: never part of it.
  for (size_t n = 0; k + 1 < words.size() && n < kMaxNameWords && words[k].capitalised && words[k].has_letter;
       ++k, ++n) {
    // "appointed Carrowgate's chief executive": an owner, not the object.
    if (words[k].folded.ends_with("'s") || words[k].folded.ends_with("\xE2\x80\x99s")) return "";
    name += (name.empty() ? "" : " ") + words[k].folded;
  }
  // "commissioned the Castell Brook review in": the name is a modifier of
  // the object, which the noun after it names.
  if (k + 1 < words.size() && !IsStopWord(words[k].folded)) return "";
  return name;
}

// How near a year a sum must stand to say what the year dates ("opened in
// 2011 at a cost of $2.3 million"): the phrase after it, or before it.
constexpr size_t kFrameFigureReach = 40;

// The person named right after "by" at `at` ("since 2016 by Delia
// Brisco"), or none.
std::optional<size_t> AgentAfter(const AnnotatedArticle& a, size_t ai, EntityIndex& entities, const Story& story,
                                 const TextView& view, size_t at) {
  constexpr size_t kByCodePoints = 4;  // " by "
  if (view.Slice(at, at + kByCodePoints) != " by ") return std::nullopt;
  for (const EntityMention& m : a.entities) {
    if (m.span.start != at + kByCodePoints) continue;
    const std::optional<size_t> e = entities.Lookup(ai, m.entity, m.text);
    if (e && story.entities[*e].type == "PERSON") return e;
  }
  return std::nullopt;
}

// Fills m.frame and m.label from the words around a year mention at
// [start, end) of its sentence [sentence_start, sentence_end) of `a`. A
// sum beside the year is a word of its frame too, as its value ("$2.3
// million" and "$2.3m" are one): two outlets giving one thing's cost
// beside its year speak of one thing.
void SetYearFrame(YearMention& m, const AnnotatedArticle& a, const TextView& view, size_t sentence_start,
                  size_t sentence_end, size_t start, size_t end, const std::string& event_key) {
  FrameOptions options;
  options.stop_at_numbers = false;  // "shed 120 posts in 2019"
  options.stop_at_subordinators = false;  // "the biggest since 2009"
  FrameWords words;
  const std::string before = WithoutDigitGroupCommas(view.Slice(sentence_start, start));
  const std::string after = WithoutDigitGroupCommas(view.Slice(end, sentence_end));
  AddFrameWords(before, /*backward=*/true, options, words);
  m.label = words.words;
  AddFrameWords(after, /*backward=*/false, options, words);
  m.frame = std::move(words.stems);
  if (!event_key.empty()) m.frame.push_back(Stem(event_key.substr(0, event_key.find(kThingMark))));
  for (const Quantity& q : a.quantities) {
    if (q.span.start < sentence_start || q.span.end > sentence_end) continue;
    const size_t gap = q.span.start >= end ? q.span.start - end : start >= q.span.end ? start - q.span.end : 0;
    // A sum's unit is its currency's ISO code ("USD").
    const bool sum = q.unit.size() == 3 && std::all_of(q.unit.begin(), q.unit.end(), [](char c) {
                       return c >= 'A' && c <= 'Z';
                     });
    if (sum && gap <= kFrameFigureReach) m.frame.push_back(fmt::format("#{}{}", q.value, q.unit));
  }
  std::sort(m.frame.begin(), m.frame.end());
  m.frame.erase(std::unique(m.frame.begin(), m.frame.end()), m.frame.end());
}

// The first lower-case noun a clause opens with, after determiners and
// names ("The trial, which began" -> "trial", "Tamsworth's plant" ->
// "plant"); "" when it opens with a pronoun or nothing of the kind.
std::string OpeningNoun(const std::string& clause) {
  // The head is the last word of the opening noun phrase: "The 34-mile
  // line, opened in 1889" -> "line", "the main inquiry began" -> "inquiry".
  std::string head;
  size_t prev_end = 0;
  for (const WordToken& t : Tokenize(clause)) {
    const std::string_view gap = std::string_view(clause).substr(prev_end, t.begin - prev_end);
    prev_end = t.end;
    if (!head.empty() && gap.find_first_of(",;:()") != std::string_view::npos) break;
    if (t.capitalised && !IsStopWord(t.folded)) continue;  // names and their possessives
    if (!t.has_letter || t.folded == "s") continue;
    // "The family say it was painted in 1891": the phrase is who speaks,
    // the thing is in the reported clause.
    if (!head.empty() && lexicon::In(lexicon::kReportingVerbs, t.folded)) return "";
    if (IsStopWord(t.folded)) {
      if (!head.empty()) break;
      if (t.folded == "the" || t.folded == "a" || t.folded == "an" || t.folded == "its" || t.folded == "their") continue;
      return "";
    }
    head = t.folded;
  }
  return head;
}

// Words that may stand between a clause's subject and its verb: auxiliaries
// (lexicons/auxiliaries.txt), adverbs, and the light verbs and possessive
// determiners of "is expected to make his debut".
bool BetweenSubjectAndVerb(const WordToken& t) {
  return lexicon::In(lexicon::kAuxiliaries, t.folded) || t.folded.ends_with("ly") || t.folded == "not" ||
         t.folded == "then" || t.folded == "first" || t.folded == "again" || t.folded == "later" ||
         t.folded == "also" || t.folded == "still" ||
         t.folded == "make" || t.folded == "made" ||
         // "The hall itself dates from 1971": an intensifying pronoun
         // right after the subject.
         t.folded == "itself" || t.folded == "himself" || t.folded == "herself" || t.folded == "themselves";
}

// "his senior debut": after a possessive determiner, the words describe
// the event noun.
bool PossessiveDeterminer(std::string_view w) { return w == "his" || w == "her" || w == "its" || w == "their"; }

bool IsPreposition(std::string_view w) {
  return w == "of" || w == "from" || w == "at" || w == "in" || w == "for" || w == "with" || w == "by" ||
         w == "to" || w == "on";
}

// Prepositions of place: "a main under the road".
bool IsPlacePreposition(std::string_view w) {
  return w == "under" || w == "beneath" || w == "below" || w == "near" || w == "beside" || w == "along" ||
         w == "across" || w == "outside" || w == "behind" || w == "at" || w == "in" || w == "on";
}

// The family of a year a person took up a post: "has been mayor since
// 2018", "Fairhurst, a councillor for the ward since 2016", "has held the
// post since 2019", "was first elected mayor in 2019", "became chief
// executive in 2019", "took over as vice-chancellor in 2021".
constexpr char kTookOffice[] = "took office";

// A post taken up, by the words that end `before` (the words before a
// year or month): the event word (kTookOffice, at the verb or the role)
// and the role (NormaliseRole; "" for "the post" and an organisation run). Plain "elected" may be
// a re-election: only "first elected" dates the start. Nullopt when the
// words say no such thing.
struct OfficeWord {
  EventWord word;
  std::string role;
  // "has been run since 2016 by Delia Brisco": who took the post is the
  // agent after the date.
  bool by_agent = false;
};
std::optional<OfficeWord> TookOffice(std::string_view before) {
  const std::vector<WordToken> words = Tokenize(before);
  if (words.size() < 3) return std::nullopt;
  const bool since = words.back().folded == "since";
  if (!since && words.back().folded != "in") return std::nullopt;
  // Only spaces between words k - 1 and k.
  const auto joined = [&](size_t k) {
    return before.substr(words[k - 1].end, words[k].begin - words[k - 1].end).find_first_not_of(' ') ==
           std::string_view::npos;
  };
  const auto at = [&](size_t k) { return EventWord{kTookOffice, words[k].begin}; };
  const size_t last = words.size() - 1;  // "since" or "in"
  // "has held the post since": a post no title names.
  if (since && last >= 3 && joined(last) && joined(last - 1) && joined(last - 2) && words[last - 3].folded == "held" &&
      (words[last - 2].folded == "the" || PossessiveDeterminer(words[last - 2].folded))) {
    const std::string_view post = words[last - 1].folded;
    if (post == "post" || post == "office" || post == "role" || post == "job" || post == "seat" ||
        post == "position") {
      return OfficeWord{at(last - 3), ""};
    }
  }
  // "has run the bank since 2019", "has led Elsworth since 2021": to head
  // an organisation is to hold its top post, which no title names.
  constexpr size_t kMaxObjectWords = 4;  // "the Copper Ladle cafe"
  for (size_t k = last, seen = 0; since && k-- > 1 && seen <= kMaxObjectWords && joined(k + 1); ++seen) {
    const std::string_view w = words[k].folded;
    if (w != "run" && w != "led" && w != "headed") continue;
    const auto perfect = [](std::string_view aux) { return aux == "has" || aux == "have" || aux == "had"; };
    if (joined(k) && k + 1 < last && perfect(words[k - 1].folded)) return OfficeWord{at(k), ""};
    // "has been run since 2016 by": passive, its agent after the date.
    if (joined(k) && k + 1 == last && k >= 2 && words[k - 1].folded == "been" && joined(k - 1) &&
        perfect(words[k - 2].folded)) {
      return OfficeWord{at(k), "", true};
    }
    break;
  }
  // The role: its head within a few words before the preposition, only a
  // complement of place after it ("councillor for the Millbrook ward").
  constexpr size_t kMaxOfficeComplementWords = 4;  // "for the Millbrook ward"
  size_t head = last;
  for (size_t k = last, seen = 0; k-- > 0 && seen <= kMaxOfficeComplementWords; ++seen) {
    if (!joined(k + 1)) return std::nullopt;
    if (words[k].has_letter && !words[k].capitalised && IsRoleHead(words[k].folded)) {
      head = k;
      break;
    }
    if (words[k].folded == "as" ||
        (IsStopWord(words[k].folded) && !IsPreposition(words[k].folded) && words[k].folded != "the")) {
      return std::nullopt;
    }
  }
  if (head == last) return std::nullopt;
  // Back over its modifiers and determiner ("its chief", "a former").
  size_t start = head;
  constexpr size_t kMaxOfficeRoleWords = 3;  // "deputy chief executive"
  // "vice-chancellor": a word joined by a hyphen is part of the title.
  const auto hyphened = [&](size_t k) {
    return before.substr(words[k - 1].end, words[k].begin - words[k - 1].end) == "-";
  };
  while (start > 0 && head - start < kMaxOfficeRoleWords && !words[start - 1].capitalised &&
         ((joined(start) && IsRoleWord(words[start - 1].folded)) || hyphened(start))) {
    --start;
  }
  const std::string role = NormaliseRole(before.substr(words[start].begin, words[head].end - words[start].begin));
  if (role.empty()) return std::nullopt;
  size_t lead = start;
  if (lead > 0 && joined(lead) && (words[lead - 1].folded == "a" || words[lead - 1].folded == "an" ||
                                   words[lead - 1].folded == "the" || PossessiveDeterminer(words[lead - 1].folded))) {
    --lead;
  } else if (lead > 0 && joined(lead) && words[lead - 1].folded.ends_with("'s")) {
    // "Granmere's chief executive since 2019", "the board's": its owner.
    --lead;
    if (lead > 0 && joined(lead) && words[lead - 1].folded == "the") --lead;
  }
  // Since: "has been mayor", or a role set off after a name ("Fairhurst,
  // a councillor for the ward since 2016").
  if (since) {
    if (lead == 0 || !joined(lead)) return OfficeWord{at(lead), role};
    if (words[lead - 1].folded == "been") return OfficeWord{at(lead - 1), role};
    return std::nullopt;
  }
  if (lead == 0 || !joined(lead)) return std::nullopt;
  const std::string_view verb = words[lead - 1].folded;
  if (verb == "became" || verb == "appointed") return OfficeWord{at(lead - 1), role};
  // "took over as", "first elected as a councillor".
  const bool as = verb == "as" && lead >= 2 && joined(lead - 1);
  const size_t v = as ? lead - 2 : lead - 1;
  if (as && words[v].folded == "over" && v > 0 && joined(v) && words[v - 1].folded == "took") {
    return OfficeWord{at(v - 1), role};
  }
  if (words[v].folded == "elected" && v > 0 && joined(v) && words[v - 1].folded == "first") {
    return OfficeWord{at(v - 1), role};
  }
  return std::nullopt;
}

// The noun an event word right after it dates, by the words just before
// the word: "the estate was completed", "The exhibit, built", "the
// band, which formed", "a water main under the road, laid" (a place's
// phrase after the noun is passed over). "" when a name stands there;
// nullopt when the word is not so placed: an aside ends there ("The
// chairlift that stopped on Saturday, stranding skiers, was installed"),
// or the word opens its clause.
std::optional<std::string> NounBeforeEventWord(std::string_view lead) {
  const std::vector<WordToken> words = Tokenize(lead);
  // What stands between word k - 1 and word k (the end of `lead` for k ==
  // words.size()), spaces trimmed. REQUIRES: 0 < k <= words.size().
  const auto gap = [&](size_t k) {
    const size_t to = k < words.size() ? words[k].begin : lead.size();
    return TrimWhitespace(lead.substr(words[k - 1].end, to - words[k - 1].end));
  };
  size_t k = words.size();
  // "had been", "was": the verb's auxiliaries.
  while (k > 1 && gap(k).empty() && lexicon::In(lexicon::kAuxiliariesPassive, words[k - 1].folded)) --k;
  // "..., stranding skiers, was installed": a comma before the auxiliary
  // closes an aside; the verb's subject is further back.
  if (k < words.size() && !gap(k).empty()) return std::nullopt;
  // "which formed", "that opened": a relative pronoun stands for the noun before it.
  const bool relative = k > 1 && gap(k).empty() &&
                        (words[k - 1].folded == "which" || words[k - 1].folded == "that" || words[k - 1].folded == "who");
  if (relative) --k;
  // Nothing, or one comma, before a participle or a relative clause: "The
  // lift, installed"; more punctuation ends an aside or another clause.
  if (k == 0 || (!gap(k).empty() && gap(k) != ",")) return std::nullopt;
  const WordToken& noun = words[k - 1];
  if (!noun.has_letter || IsStopWord(noun.folded) || IsCalendarWord(noun.folded)) return std::nullopt;
  // "Askern Fields, which began": a name the event word's subject rules
  // (EventWordSubject) did not take; which thing it is stays open. So
  // does a capital word opening the sentence ("Cops launched their probe").
  if (noun.capitalised) return std::string();
  // A relative clause is the nearer noun's ("a record for the cinema,
  // which opened"), unless that noun is the agent or complement of a noun
  // before it ("an investigation by the crime unit, which began", "the
  // roof of the stand, which"): either may be what it says.
  if (relative) {
    constexpr size_t kMaxModifiers = 5;  // "by the regional economic crime unit" and one more
    for (size_t j = k - 1, seen = 0; j-- > 0 && seen < kMaxModifiers && gap(j + 1).empty(); ++seen) {
      const std::string_view w = words[j].folded;
      if (w == "by" || w == "of") return std::nullopt;
      if (IsStopWord(w) && w != "the" && w != "a" && w != "an") break;
    }
    return noun.folded;
  }
  // "main under the road": a place's phrase after the noun, before a
  // participle.
  constexpr size_t kMaxPhraseWords = 3;  // "under the old road"
  for (size_t j = k - 1, seen = 0; j-- > 0 && seen < kMaxPhraseWords; ++seen) {
    if (!gap(j + 1).empty()) break;
    const std::string_view w = words[j].folded;
    if (IsPlacePreposition(w)) {
      if (j == 0 || !gap(j).empty()) break;
      const WordToken& head = words[j - 1];
      if (head.capitalised || !head.has_letter || IsStopWord(head.folded)) break;
      return head.folded;
    }
    if (w != "the" && w != "a" && w != "an" && (words[j].capitalised || IsStopWord(w))) break;
  }
  return noun.folded;
}

// The head of the noun phrase whose complement ends with `noun`, the
// last noun of `lead` ("The inquest into the two deaths" -> "inquest");
// `noun` itself when no complement holds it.
std::string ComplementHead(std::string_view lead, const std::string& noun) {
  const std::vector<WordToken> words = Tokenize(lead);
  size_t k = words.size();
  while (k > 0 && words[k - 1].folded != noun) --k;
  if (k == 0) return noun;
  const auto spaces_before = [&](size_t j) {  // only spaces between words j - 1 and j
    const std::string_view gap = lead.substr(words[j - 1].end, words[j].begin - words[j - 1].end);
    return !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos;
  };
  const auto complement = [](std::string_view w) {
    return IsPreposition(w) || w == "into" || w == "over" || w == "about" || w == "against";
  };
  constexpr size_t kMaxComplementWords = 4;  // "into the two deaths", "to about 600 homes"
  for (size_t j = k - 1, seen = 0; j > 1 && seen < kMaxComplementWords && spaces_before(j); --j, ++seen) {
    const WordToken& w = words[j - 1];
    if (complement(w.folded)) {
      const WordToken& head = words[j - 2];
      if (!spaces_before(j - 1) || head.capitalised || !head.has_letter || IsStopWord(head.folded)) break;
      return head.folded;
    }
    if (w.capitalised || (w.has_letter && IsStopWord(w.folded) && !lexicon::In(lexicon::kDeterminers, w.folded))) break;
  }
  return noun;
}

// The noun a day's or month's event word is said of (YearMention::
// day_owner): the noun right before the word (NounBeforeEventWord), or
// the head of the noun phrase whose complement ends there ("The inquest
// into the two deaths, opened on August 20", "talks with investors broke
// down on Monday", "Water supplies to 600 homes were restored"): what
// the word says happened is the head's. "" when no lower-case noun is there.
std::string DayOwner(std::string_view lead, bool passive) {
  const std::optional<std::string> noun = NounBeforeEventWord(lead);
  if (!noun || noun->empty()) return "";
  const std::string owner = ComplementHead(lead, *noun);
  // Only a noun: not an adverb ("were finally allowed"), a number or a
  // participle.
  if (owner.ends_with("ly") || IsPastForm(owner) || lexicon::In(lexicon::kNumberWords, owner) ||
      std::any_of(owner.begin(), owner.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return "";
  }
  // People and bodies who act ("the coroner ruled", "staff spotted",
  // "the committee voted") do what the day dates, an event of its own
  // that is not theirs to own; only what is done to them is ("the man was
  // arrested").
  const std::string one = owner.ends_with("s") ? owner.substr(0, owner.size() - 1) : owner;
  const auto agent = [](const std::string& w) {
    return lexicon::In(lexicon::kPersonNouns, w) || lexicon::In(lexicon::kOrgNouns, w) ||
           lexicon::In(lexicon::kCollectives, w) || lexicon::In(lexicon::kCountNounsPeople, w);
  };
  if (!passive && (agent(owner) || agent(one))) return "";
  return owner;
}

// The noun a plan's verb is about, by the words before the verb: the
// clause's subject before its modal and auxiliaries, over a phrase after it
// ("Its offer lapses", "the union would meet", "services to the island
// will resume", "Services to Skerra are due to resume"). A capital word
// is a noun only as the sentence's first word; "" for a name (the event
// word's subject rules take it) or when no noun stands there.
std::string PlanThing(std::string_view lead) {
  const std::vector<WordToken> words = Tokenize(lead);
  const auto spaces_before = [&](size_t k) {  // only spaces between word k and what follows it
    const size_t to = k + 1 < words.size() ? words[k + 1].begin : lead.size();
    const std::string_view gap = lead.substr(words[k].end, to - words[k].end);
    return gap.find_first_not_of(' ') == std::string_view::npos;
  };
  const auto modal = [](std::string_view w) {
    return lexicon::In(lexicon::kAuxiliaries, w) || lexicon::In(lexicon::kTenseCuesFutureTo, w) || w == "due" ||
           w == "shall" || w.ends_with("ly");
  };
  size_t k = words.size();
  while (k > 0 && spaces_before(k - 1) && modal(words[k - 1].folded)) --k;
  const auto noun_at = [&](size_t j) {
    const WordToken& w = words[j];
    return w.has_letter && !IsStopWord(w.folded) && !IsCalendarWord(w.folded) && !IsPastForm(w.folded) &&
           (!w.capitalised || j == 0);
  };
  if (k == 0 || !spaces_before(k - 1)) return "";
  // "services to the island": the head before a short phrase.
  constexpr size_t kMaxPhraseWords = 3;  // "to the small island"
  for (size_t j = k - 1, seen = 0; j > 0 && seen <= kMaxPhraseWords; --j, ++seen) {
    if (!spaces_before(j - 1)) break;
    if (IsPreposition(words[j].folded)) {
      if (noun_at(j - 1)) return words[j - 1].folded;
      break;
    }
  }
  return noun_at(k - 1) ? words[k - 1].folded : "";
}

// `text` without what stands between commas (an apposition or an
// aside: "Casimir Orlen, the founder of the firm, was sentenced").
std::string WithoutAsides(std::string_view text) {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t open = text.find(',', at);
    if (open == std::string_view::npos) break;
    const size_t close = text.find(',', open + 1);
    if (close == std::string_view::npos) break;
    out.append(text.substr(at, open - at));
    at = close + 1;
  }
  out.append(text.substr(at));
  return out;
}

// The relative pronoun ("who", "which") opening the clause a word at
// `word_at` stands in, when that clause follows a name ending at
// `name_end` right after its comma, or after short asides on the name
// ("Sorrell, 56, who was first elected", "Brisco, the scales maker, which
// was founded"), with only auxiliaries and adverbs between the pronoun and
// the word. "" otherwise.
std::string RelativePronounAfterName(const TextView& view, size_t name_end, size_t word_at) {
  const std::string between = view.Slice(name_end, word_at);
  // At most two asides: "Elwood, 56, the board's medical director, who".
  constexpr std::ptrdiff_t kMaxCommas = 3;
  if (!between.starts_with(",") || std::count(between.begin(), between.end(), ',') > kMaxCommas) return "";
  const size_t last_comma = between.rfind(',');
  // An age, a role or a description; a longer aside may hold a clause of
  // its own whose subject the pronoun could stand for.
  constexpr size_t kMaxAsideWords = 8;  // "the former chief executive of the Harl group"
  const std::string aside = between.substr(1, last_comma > 0 ? last_comma - 1 : 0);
  if (aside.find_first_of("\"();:\xE2") != std::string::npos || Tokenize(aside).size() > kMaxAsideWords) return "";
  std::vector<WordToken> words = Tokenize(std::string_view(between).substr(last_comma + 1));
  // "Voss, the 54-year-old chief executive who joined": an apposition
  // the clause is about, its noun standing for the name. A role's modifier
  // is part of the noun phrase, though a stop word ("a former teacher who").
  if (!words.empty() && (words[0].folded == "the" || words[0].folded == "a" || words[0].folded == "an")) {
    size_t pronoun = 1;
    while (pronoun < words.size() && pronoun <= kMaxAsideWords && words[pronoun].folded != "who" &&
           words[pronoun].folded != "which" &&
           (!IsStopWord(words[pronoun].folded) || IsRoleModifier(words[pronoun].folded)) &&
           !IsPastForm(words[pronoun].folded)) {
      ++pronoun;
    }
    if (pronoun < words.size() && pronoun > 1) words.erase(words.begin(), words.begin() + pronoun);
  }
  if (words.empty() || (words[0].folded != "who" && words[0].folded != "which")) return "";
  for (size_t k = 1; k < words.size(); ++k) {
    if (!BetweenSubjectAndVerb(words[k])) return "";
  }
  return words[0].folded;
}

// The subject of an event word: the person or organisation named last
// before it in its sentence when nothing but an aside, auxiliaries and
// adverbs stands between ("Derrick Pole, 44, was jailed in 2023"). None
// when that name is in another clause ("its plant, which opened in 1972":
// the story's own event), owns the subject ("Aldercrest's rocket
// exploded", "Pellmore shares jumped") or is no person or organisation.
// For an event done to a thing (lexicons/object_events.txt: "founded",
// "opened"), an organisation named between the word and the date is what
// the date belongs to ("Rudd founded the company in 2015").
std::optional<size_t> EventWordSubject(const AnnotatedArticle& a, size_t ai, EntityIndex& entities,
                                       const Story& story, const TextView& view, Span sentence, size_t word_at,
                                       const std::string& family, size_t date_at) {
  const auto entity_of = [&](const EntityMention& m, const char* type) -> std::optional<size_t> {
    const std::optional<size_t> e = entities.Lookup(ai, m.entity, m.text);
    if (!e) return std::nullopt;
    const std::string& t = story.entities[*e].type;
    if (type == nullptr ? t == "PERSON" || t == "ORG" : t == type) return e;
    return std::nullopt;
  };
  const bool object_event = lexicon::In(lexicon::kObjectEvents, family);
  // A thing built or opened may be a ship, a building or a work: any named
  // thing, where a thing doing something is a person or an organisation.
  const auto thing_of = [&](const EntityMention& m) -> std::optional<size_t> {
    if (!object_event) return entity_of(m, nullptr);
    return entities.Lookup(ai, m.entity, m.text);
  };
  // "Founded in 1971 and listed since 1998, Brisco has ...": a participle
  // opening the sentence describes the main clause's subject, the name
  // right after the clause's comma.
  if (Tokenize(view.Slice(sentence.start, word_at)).empty()) {
    const std::string rest = view.Slice(date_at, sentence.end);
    const size_t comma = rest.find(", ");
    if (comma != std::string::npos && rest.find_first_of("\"()\xE2", 0) > comma) {
      const size_t subject_at = date_at + CountCodePoints(std::string_view(rest).substr(0, comma + 2));
      for (const EntityMention& m : a.entities) {
        if (m.span.start == subject_at) return thing_of(m);
      }
    }
    return std::nullopt;
  }
  if (object_event) {
    // "was bought by the company in 2016": an agent, not the object.
    // "founded in Harwick in 1962": a place, not the thing founded.
    const std::vector<WordToken> object = Tokenize(view.Slice(word_at, date_at));
    if (object.size() > 2 && !IsPreposition(object[1].folded) && object[1].folded != "as") {
      for (const EntityMention& m : a.entities) {
        if (m.span.start <= word_at || m.span.end > date_at) continue;
        if (const std::optional<size_t> e = entity_of(m, "ORG")) return e;
      }
      return std::nullopt;  // "founded the company in 2017": the company's
    }
  }
  // Names before the word, nearest first.
  std::vector<const EntityMention*> before;
  for (const EntityMention& m : a.entities) {
    if (m.span.start >= sentence.start && m.span.end <= word_at) before.push_back(&m);
  }
  std::sort(before.begin(), before.end(),
            [](const EntityMention* x, const EntityMention* y) { return x->span.end > y->span.end; });
  // Only auxiliaries and the like between `from` and the word?
  const auto clause_subject_at = [&](size_t from) {
    const std::string between = view.Slice(from, word_at);
    if (std::count(between.begin(), between.end(), ',') % 2 == 1) return false;  // ends an aside
    std::vector<WordToken> words = Tokenize(WithoutAsides(between));
    // "came through the academy and made his debut in 2018": the subject's
    // second predicate, unless the first holds another clause.
    for (size_t k = words.size(); k-- > 0;) {
      const std::string_view w = words[k].folded;
      if (w == "which" || w == "who" || w == "that" || w == "when" || w == "said" || w == "says") break;
      if (w == "and") {
        words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k) + 1);
        break;
      }
    }
    for (size_t k = 0; k < words.size(); ++k) {
      if (PossessiveDeterminer(words[k].folded)) return true;
      // "announced her resignation": a verb whose object is the event.
      const bool verb_of_event = k + 1 < words.size() && PossessiveDeterminer(words[k + 1].folded);
      if (!BetweenSubjectAndVerb(words[k]) && !verb_of_event) return false;
    }
    return true;
  };
  for (const EntityMention* m : before) {
    const std::string between = view.Slice(m->span.end, word_at);
    // "Larkspur, which she founded in 1994": the relative pronoun is the
    // object of an event done to a thing (its own subject follows it), so
    // the name before it is the thing.
    if (object_event && between.starts_with(",") && std::count(between.begin(), between.end(), ',') == 1) {
      const std::vector<WordToken> rel = Tokenize(std::string_view(between).substr(1));
      bool object_clause = rel.size() >= 2 && (rel[0].folded == "which" || rel[0].folded == "that") &&
                           lexicon::In(lexicon::kPronounsSpeaker, rel[1].folded);
      for (size_t k = 2; k < rel.size() && object_clause; ++k) object_clause = BetweenSubjectAndVerb(rel[k]);
      if (object_clause) {
        const std::optional<size_t> e = thing_of(*m);
        if (e && story.entities[*e].type != "PLACE") return e;
      }
    }
    // "Pellmore, founded in 1962,": a participle right after the name and
    // its comma describes that name.
    const bool participle_of_name = between.find_first_not_of(", ") == std::string::npos &&
                                    std::count(between.begin(), between.end(), ',') == 1;
    if (participle_of_name) {
      const std::string lead_in = view.Slice(sentence.start, m->span.start);
      const std::vector<WordToken> left = Tokenize(lead_in);
      if (!left.empty() && IsPreposition(left.back().folded)) return std::nullopt;
      // "Marr, who set up Corlyn Labs, joined": the comma closes a clause
      // the name is in; the verb is the clause's subject's.
      const size_t comma = lead_in.rfind(',');
      const std::vector<WordToken> segment = Tokenize(lead_in.substr(comma == std::string::npos ? 0 : comma));
      const auto pronoun = std::find_if(segment.rbegin(), segment.rend(), [](const WordToken& t) {
        return t.folded == "who" || t.folded == "which" || t.folded == "that" || t.folded == "whose";
      });
      // "told staff that the Ashby Mercury, founded in 1856, will close":
      // a "that" right before the name (a determiner aside) opens a
      // reported clause whose subject the name is, not a clause it is in.
      const bool reported_subject =
          pronoun != segment.rend() && pronoun->folded == "that" &&
          std::all_of(segment.rbegin(), pronoun,
                      [](const WordToken& t) { return lexicon::In(lexicon::kDeterminers, t.folded); });
      if (pronoun == segment.rend() || reported_subject) return thing_of(*m);
    }
    // "Sorrell, 56, who was first elected mayor in 2019": a relative clause
    // opened right after the name (or after an aside on it) is about it.
    const std::string pronoun = RelativePronounAfterName(view, m->span.end, word_at);
    if (pronoun == "who" || pronoun == "which") {
      // "who" stands for a person, "which" for an organisation or a thing.
      // A place before "which" may be where the thing is, not the thing.
      const std::optional<size_t> e = pronoun == "who" ? entity_of(*m, "PERSON") : thing_of(*m);
      if (e && story.entities[*e].type != "PLACE") return e;
    }
    // A name inside an aside ("Casimir Orlen, the founder of Orlen Wealth
    // Partners, was sentenced"): look further back.
    if (std::count(between.begin(), between.end(), ',') % 2 == 1) continue;
    if (between.starts_with("'") || between.starts_with("\xE2\x80\x99")) return std::nullopt;  // "Aldercrest's rocket"
    // "researchers from the University of Halden reported": the name is a
    // preposition's object, the subject is a noun before it.
    // So is "a rocket built by the Sennock company Aldercrest Launch".
    const std::string left_text = view.Slice(sentence.start, m->span.start);
    const std::vector<WordToken> left = Tokenize(left_text);
    constexpr size_t kMaxWordsAfterPreposition = 3;
    for (size_t k = left.size(), seen = 0; k-- > 0 && seen <= kMaxWordsAfterPreposition; ++seen) {
      const size_t next = k + 1 < left.size() ? left[k + 1].begin : left_text.size();
      const std::string_view gap = std::string_view(left_text).substr(left[k].end, next - left[k].end);
      if (gap.find_first_not_of(' ') != std::string_view::npos) break;  // punctuation: another phrase
      if (IsPreposition(left[k].folded)) return std::nullopt;
    }
    // "Kell & Salt opened", "Marr and Quint founded": a name joined to
    // the one before it is half of its subject, no one's alone.
    constexpr size_t kMaxJoinCodePoints = 6;  // " and " with a stray space
    const std::string joined = view.Slice(m->span.start > kMaxJoinCodePoints ? m->span.start - kMaxJoinCodePoints : 0,
                                          m->span.start);
    const std::vector<WordToken> join = Tokenize(joined);
    if ((TrimWhitespace(joined).ends_with("&") || (!join.empty() && join.back().folded == "and" &&
                                                   TrimWhitespace(joined).ends_with("and"))) &&
        std::any_of(a.entities.begin(), a.entities.end(), [&](const EntityMention& o) {
          return o.span.start >= sentence.start && o.span.end < m->span.start &&
                 o.span.end + kMaxJoinCodePoints >= m->span.start;
        })) {
      return std::nullopt;
    }
    if (clause_subject_at(m->span.end)) return thing_of(*m);  // "The Ardlin Star was built in 1998"
    break;
  }
  // "he was jailed in 2012": the pronoun's person (see below).
  const std::string lead = view.Slice(sentence.start, word_at);
  const std::vector<WordToken> words = Tokenize(lead);
  for (size_t k = words.size(); k-- > 0;) {
    if (words[k].folded == "he" || words[k].folded == "she") {
      const size_t pronoun_at = sentence.start + CountCodePoints(std::string_view(lead).substr(0, words[k].begin));
      if (!clause_subject_at(pronoun_at + CountCodePoints(words[k].folded))) return std::nullopt;
      const size_t previous_start = SentenceOf(a, sentence.start > 0 ? sentence.start - 1 : 0, view.cp_length()).start;
      // The nearest person before it in its sentence, else the first of
      // the sentence before (its subject).
      const EntityMention* person = nullptr;
      const EntityMention* previous_first = nullptr;
      for (const EntityMention& m : a.entities) {
        if (m.span.start < previous_start || m.span.end > pronoun_at) continue;
        if (!entity_of(m, "PERSON")) continue;
        if (m.span.start >= sentence.start) {
          if (person == nullptr || m.span.end > person->span.end) person = &m;
        } else if (previous_first == nullptr || m.span.start < previous_first->span.start) {
          previous_first = &m;
        }
      }
      if (person == nullptr) person = previous_first;
      return person != nullptr ? entity_of(*person, "PERSON") : std::nullopt;
    }
    if (!BetweenSubjectAndVerb(words[k])) break;
  }
  return std::nullopt;
}

// Code points a dateline's place and outlet may take after its date
// ("June 9 (Northlight) - "): longer, and the text is the lede's own.
constexpr size_t kMaxDatelineTail = 32;

// Whether `d` is a dateline's date ("BRANTOCK, England, June 9
// (Northlight) - Councillors ..."): only capitalised words and commas
// before it in its sentence, and a dash soon after it. A dateline dates
// the report, not what it reports.
bool InDateline(const TextView& view, Span sentence, const DateMention& d) {
  const std::string lead = view.Slice(sentence.start, d.span.start);
  for (const WordToken& t : Tokenize(lead)) {
    if (t.has_letter && !t.capitalised) return false;
  }
  const std::string tail = view.Slice(d.span.end, std::min(sentence.end, d.span.end + kMaxDatelineTail));
  return tail.find(" - ") != std::string::npos || tail.find("\xE2\x80\x94") != std::string::npos ||
         tail.find(" \xE2\x80\x93 ") != std::string::npos;
}

// An article's lede: its first sentence with a lower-case word that ends
// as a sentence does (a byline or an outlet's name before it is no
// sentence of the report: "Harbour Line News - staff report by Ann Lee"
// has no full stop). Null when there is none.
const Span* Lede(const AnnotatedArticle& a, const TextView& view) {
  for (const Span& s : a.sentences) {
    const std::string text = TrimWhitespace(view.Slice(s.start, s.end));
    const std::vector<WordToken> words = Tokenize(text);
    if (std::none_of(words.begin(), words.end(), [](const WordToken& t) { return t.has_letter && !t.capitalised; })) {
      continue;
    }
    // A closing quotation mark may follow the stop ("... he said.\"").
    const size_t end = text.find_last_not_of("\"'\xE2\x80\x9D\x99");
    if (end != std::string::npos && (text[end] == '.' || text[end] == '!' || text[end] == '?')) return &s;
  }
  return nullptr;
}

// The day of the story's event as an article's lede gives it ("Two people
// died in a crush at the festival on Saturday night"): the first day of the
// article's lede, outside quotations and datelines, on or before the
// article's own day (a lede's later day is what is to come). Null when the
// lede gives none.
const DateMention* LedeDay(const AnnotatedArticle& a, const TextView& view) {
  const Span* first = Lede(a, view);
  if (first == nullptr || a.article.published.size() < 10) return nullptr;
  const Span lede = *first;
  for (const DateMention& d : a.dates) {
    if (d.span.start < lede.start || d.span.end > lede.end) continue;
    const std::string calendar = CalendarDatePrefix(d.value);
    if (calendar.size() != 10 || calendar[0] == 'X') continue;
    if (InDateline(view, lede, d)) continue;
    const bool quoted = std::any_of(a.quotes.begin(), a.quotes.end(), [&](const Quote& q) {
      return q.kind != "indirect" && q.span.start <= d.span.start && d.span.end <= q.span.end;
    });
    if (quoted) continue;
    return calendar <= a.article.published.substr(0, 10) ? &d : nullptr;
  }
  return nullptr;
}

// The word key of a lede's day no named subject owns: all articles' ledes
// date the story's own event, whatever word each uses ("died in a crush",
// "after a crush at the festival"). Not a word, so no event word takes it.
const char kEventDayKey[] = "(event)";

// Makes `m` the day `calendar` of the story's event as a lede gives it.
void MakeEventDay(YearMention& m, const std::string& calendar) {
  m.words = {kEventDayKey};
  m.by_event_word = true;
  m.precise = true;
  m.subject.reset();
  m.year = calendar;
  m.thing_once = false;
  m.day_owner.clear();
}

// Whether `d` holds a year written with its digits ("2016", "late 2022").
bool WrittenYear(const DateMention& d) {
  return IsYearValue(d.value) && d.value.size() == 4 && d.text.find(d.value) != std::string::npos;
}

// The year that ends a range `d` opens ("between 2016 and 2022", "from
// 2017 until late 2022"): the next year mention when only "and", "to",
// "until" or "till" stands between them and "between" or "from" right
// before `d`. Null when `d` opens none.
const DateMention* RangeEndOf(const AnnotatedArticle& a, const TextView& view, Span sentence, const DateMention& d) {
  if (!WrittenYear(d)) return nullptr;
  const std::vector<WordToken> before = Tokenize(view.Slice(sentence.start, d.span.start));
  if (before.empty() || (before.back().folded != "between" && before.back().folded != "from")) return nullptr;
  const bool between = before.back().folded == "between";
  for (const DateMention& o : a.dates) {
    if (o.span.start <= d.span.end || o.span.end > sentence.end || !WrittenYear(o)) continue;
    const std::string gap(TrimWhitespace(view.Slice(d.span.end, o.span.start)));
    const bool joined = between ? gap == "and" : gap == "to" || gap == "until" || gap == "till";
    if (joined && o.value > d.value) return &o;
  }
  return nullptr;
}

// The noun a range's years date, by the verb before it in its clause
// ("the cartel operated between 2016 and 2022" -> "cartel"), with the
// verb's position in `lead` (the words before the range); an empty noun
// when no verb stands there ("between 2016 and 2022 Orlen paid").
std::pair<std::string, size_t> RangeThing(std::string_view lead) {
  // "agreed price rises at meetings and in a private messaging group
  // between": a verb this far back is still the range's.
  constexpr size_t kMaxWordsBack = 10;
  const std::vector<WordToken> words = Tokenize(lead);
  if (words.empty()) return {"", std::string_view::npos};
  for (size_t k = words.size() - 1, seen = 0; k-- > 0 && seen < kMaxWordsBack; ++seen) {
    const std::string_view gap = lead.substr(words[k].end, words[k + 1].begin - words[k].end);
    if (BreaksClause(gap)) break;
    if (words[k].capitalised || !IsPastForm(words[k].folded)) continue;
    if (lexicon::In(lexicon::kReportingVerbsNotEvent, words[k].folded)) break;
    const std::string_view clause = lead.substr(0, words[k].begin);
    const std::optional<std::string> noun = NounBeforeEventWord(clause);
    return {noun ? *noun : OpeningNoun(std::string(clause)), words[k].begin};
  }
  return {"", std::string_view::npos};
}

// Drops the years of ranges that name neither whose nor what ("between
// 2016 and 2022 Orlen paid", "from 2014 to 2024") in an article with two
// such ranges: which period each is, is not in doubt only when it is the
// article's one.
void DropUnplacedRanges(std::vector<YearMention>& mentions) {
  const auto unplaced = [](const YearMention& m) {
    return m.range && !m.subject && m.words.size() == 1 && m.words.front().find(kThingMark) == std::string::npos;
  };
  std::map<std::pair<std::string, std::string>, size_t> count;  // (article, key) -> mentions
  for (const YearMention& m : mentions) {
    if (unplaced(m)) ++count[{m.article, m.words.front()}];
  }
  std::erase_if(mentions, [&](const YearMention& m) { return unplaced(m) && count[{m.article, m.words.front()}] > 1; });
}

// Someone's appearance on a named work that a year dates: the work and the
// person who appeared.
struct Appearance {
  size_t work = 0, person = 0;  // entity indices
};

// A year or day that dates someone's appearance on a named work, the verb
// joined to the work's name ("appeared on the television show "The Pitch
// Room" the following year", "in 2016, when Rudd pitched it on the contest
// "The Pitch Room"", "in 2017 after appearing on the show "The Pitch
// Room""): the date right after the work's name, or right before the
// verb's clause ("when NAME" or "after"). Whose appearance it is, is the
// subject of that clause: the name after "when", else the person the
// sentence opens with. None when any of it is unclear.
std::optional<Appearance> AppearanceOnWork(const AnnotatedArticle& a, size_t ai, EntityIndex& entities,
                                           const Story& story, const TextView& view, Span sentence,
                                           const DateMention& d) {
  constexpr size_t kMaxWordsToWork = 8;  // "pitched it on the televised startup contest"
  const auto person_at = [&](size_t cp) -> std::optional<size_t> {
    for (const EntityMention& m : a.entities) {
      if (m.span.start != cp) continue;
      const std::optional<size_t> e = entities.Lookup(ai, m.entity, m.text);
      if (e && story.entities[*e].type == "PERSON") return e;
      return std::nullopt;
    }
    return std::nullopt;
  };
  for (const EntityMention& w : a.entities) {
    if (w.span.start < sentence.start || w.span.end > sentence.end) continue;
    const std::optional<size_t> work = entities.Lookup(ai, w.entity, w.text);
    if (!work || story.entities[*work].type != "WORK") continue;
    const std::string lead = view.Slice(sentence.start, w.span.start);
    const std::vector<WordToken> words = Tokenize(lead);
    // The verb, its preposition (over one object pronoun: "pitched it on"),
    // and no clause break between them and the name.
    std::optional<size_t> verb;
    for (size_t k = words.size(), seen = 0; k-- > 0 && seen < kMaxWordsToWork; ++seen) {
      if (!lexicon::In(lexicon::kAppearanceVerbs, words[k].folded)) continue;
      size_t p = k + 1;
      if (p < words.size() && (words[p].folded == "it" || words[p].folded == "them")) ++p;
      if (p < words.size() && (words[p].folded == "on" || words[p].folded == "in") &&
          lead.find_first_of(",;.", words[k].end) == std::string::npos) {
        verb = k;
      }
      break;
    }
    if (!verb) continue;
    const size_t verb_at = sentence.start + CountCodePoints(std::string_view(lead).substr(0, words[*verb].begin));
    std::optional<size_t> person;
    if (d.span.start >= w.span.end) {
      // "... "The Pitch Room" the following year", "... in 2016".
      const std::vector<WordToken> gap = Tokenize(view.Slice(w.span.end, d.span.start));
      if (gap.size() > 1 || (gap.size() == 1 && gap[0].folded != "in")) continue;
    } else if (d.span.end <= verb_at) {
      // "in 2016, when Rudd pitched it on ...", "in 2017 after appearing on ...".
      const std::string between = view.Slice(d.span.end, verb_at);
      const std::vector<WordToken> gap = Tokenize(between);
      if (gap.size() == 1 && gap[0].folded == "after" && words[*verb].folded.ends_with("ing")) {
        // The participle's subject is the sentence's.
      } else if (gap.size() >= 2 && gap[0].folded == "when") {
        person = person_at(d.span.end + CountCodePoints(std::string_view(between).substr(0, gap[1].begin)));
        if (!person) continue;
      } else {
        continue;
      }
    } else {
      continue;
    }
    if (!person) {
      const std::string text = view.Slice(sentence.start, sentence.end);
      const std::vector<WordToken> opening = Tokenize(text);
      if (opening.empty()) continue;
      person = person_at(sentence.start + CountCodePoints(std::string_view(text).substr(0, opening[0].begin)));
    }
    if (!person) continue;
    return Appearance{*work, *person};
  }
  return std::nullopt;
}

std::vector<YearMention> FindYearMentions(const std::vector<const AnnotatedArticle*>& members,
                                          EntityIndex& entities, const Story& story) {
  std::vector<YearMention> out;
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle& a = *members[ai];
    const TextView view(a);
    const DateMention* lede_day = LedeDay(a, view);
    for (const DateMention& d : a.dates) {
      // A day or month counts only as the date of what a word says
      // happened ("resigned on Monday"); a year also as a thing's.
      const std::string calendar = CalendarDatePrefix(d.value);
      const bool day_or_month = (calendar.size() == 7 || calendar.size() == 10) && calendar[0] != 'X';
      if (!IsYearValue(d.value) && !day_or_month) continue;
      // "arrested on Jan. 6" in an article with no date: the year was
      // guessed from other sentences, and two such guesses of one day
      // differ only by the guessing. No claim.
      if (day_or_month && a.article.published.size() < 4 && d.text.find(calendar.substr(0, 4)) == std::string::npos) {
        continue;
      }
      const bool lede = &d == lede_day;
      const Span sentence = SentenceOf(a, d.span.start, view.cp_length());
      const size_t sentence_start = sentence.start, sentence_end = sentence.end;
      const std::string after = view.Slice(d.span.end, sentence_end);
      const std::vector<WordToken> phrase = day_or_month ? std::vector<WordToken>{} : HeadPhrase(after);
      // "until the 2009 season", "in the 2011 term": a year before a period
      // (lexicons/time_words.txt, period) says when, as "in 2009" does; the
      // period is no thing with a year of its own, and one article's
      // "2009 season" and "2007 season" are two seasons.
      if (!phrase.empty() && !phrase.front().capitalised &&
          lexicon::In(lexicon::kTimeWordsPeriod, phrase.front().folded)) {
        continue;
      }
      YearMention m;
      for (const WordToken& t : phrase) {
        // Names in the phrase say whose thing it is (the subject), not what.
        if (!t.capitalised) m.words.push_back(t.folded);
      }
      // "in Tuesday's election", "Saturday's launch": the day of the event
      // the noun names, the story's own unless a name owns it.
      if (day_or_month && m.words.empty()) {
        const std::string after_date = view.Slice(d.span.end, std::min(sentence_end, d.span.end + 40));
        const size_t mark = after_date.starts_with("'s ") ? 3 : after_date.starts_with("\xE2\x80\x99s ") ? 5 : 0;
        const std::vector<WordToken> next = mark > 0 ? Tokenize(after_date.substr(mark)) : std::vector<WordToken>{};
        if (!next.empty() && lexicon::In(lexicon::kEventNouns, next[0].folded)) {
          const std::string_view family = lexicon::Find(lexicon::kEventFamilies, next[0].folded);
          m.words.push_back(family.empty() ? next[0].folded : std::string(family));
          m.by_event_word = true;
          m.precise = true;
          m.article = a.article.id;
          m.year = calendar;
          m.evidence = view.SentenceAt(d.span.start);
          if (lede) MakeEventDay(m, calendar);
          out.push_back(std::move(m));
          continue;
        }
      }
      // A year or month before the article's year, written with its year
      // ("in 2009", "in March 2019", not "two years ago") and alone in its
      // sentence (with two, "founded in 2015 and first drew attention in
      // 2016", which event each dates is unclear): one event's time that
      // two outlets may give differently.
      // A range's years ("between 2016 and 2022"): when what its clause
      // speaks of began and ended, one event's two times.
      const DateMention* range_end = RangeEndOf(a, view, sentence, d);
      const DateMention* range_start = nullptr;
      for (const DateMention& o : a.dates) {
        if (&o != &d && o.span.start >= sentence_start && o.span.end <= d.span.start &&
            RangeEndOf(a, view, sentence, o) == &d) {
          range_start = &o;
        }
      }
      const bool past = (calendar.size() == 4 || calendar.size() == 7) && calendar[0] != 'X' &&
                        a.article.published.size() >= 4 && calendar.substr(0, 4) < a.article.published.substr(0, 4) &&
                        d.text.find(calendar.substr(0, 4)) != std::string::npos &&
                        std::none_of(a.dates.begin(), a.dates.end(), [&](const DateMention& o) {
                          return &o != &d && &o != range_end && &o != range_start && o.span.start >= sentence_start &&
                                 o.span.end <= sentence_end &&
                                 o.value.size() >= 4 && o.value.substr(0, 4) != calendar.substr(0, 4) &&
                                 o.text.find(o.value.substr(0, 4)) != std::string::npos;
                        });
      const bool quoted = std::any_of(a.quotes.begin(), a.quotes.end(), [&](const Quote& q) {
        return q.kind != "indirect" && q.span.start <= d.span.start && d.span.end <= q.span.end;
      });
      if (const std::optional<Appearance> shown =
              quoted || calendar[0] == 'X' || a.article.published.size() < 4 ||
                      calendar.substr(0, 4) > a.article.published.substr(0, 4)
                  ? std::nullopt
                  : AppearanceOnWork(a, ai, entities, story, view, sentence, d)) {
        m.words = {"appeared on " + story.entities[shown->work].name};
        m.subject = shown->person;
        m.by_event_word = true;
        m.precise = day_or_month;
        m.article = a.article.id;
        m.year = m.precise ? calendar : calendar.substr(0, 4);
        m.evidence = view.SentenceAt(d.span.start);
        out.push_back(std::move(m));
        continue;
      }
      if (m.words.empty() && past && !quoted && (range_end != nullptr || range_start != nullptr)) {
        const std::string lead = view.Slice(sentence_start, range_start != nullptr ? range_start->span.start : d.span.start);
        const auto [thing, verb_byte] = RangeThing(lead);
        const std::string key = range_end != nullptr ? "began" : "ended";
        m.by_event_word = true;
        if (verb_byte != std::string_view::npos) {
          const size_t word_at = sentence_start + CountCodePoints(std::string_view(lead).substr(0, verb_byte));
          m.subject = EventWordSubject(a, ai, entities, story, view, sentence, word_at, key, d.span.start);
        }
        m.words = {thing.empty() || m.subject ? key : key + kThingMark + thing};
        m.range = true;
        m.article = a.article.id;
        m.year = calendar.substr(0, 4);
        m.evidence = view.SentenceAt(d.span.start);
        SetYearFrame(m, a, view, sentence_start, sentence_end, d.span.start, d.span.end, m.words.front());
        out.push_back(std::move(m));
        continue;
      }
      if (m.words.empty()) {
        const std::string before = view.Slice(sentence_start, d.span.start);
        EventWord event = FindEventWordBefore(before);
        if (event.key.empty()) event = ParticipleBefore(before);
        const std::optional<OfficeWord> office = TookOffice(before);
        if (office) event = office->word;
        // A plan's day: only on or after the article's day ("the recount
        // would begin on January 9"), and the outlet's own words (a plan a
        // speaker states in a quotation is theirs to keep or change).
        if (event.key.empty() && !quoted && a.article.published.size() >= calendar.size() && calendar[0] != 'X' &&
            calendar >= a.article.published.substr(0, calendar.size())) {
          event = PlannedEventBefore(before);
          m.ahead = !event.key.empty();
        }
        if (event.key.empty() && lede) {
          MakeEventDay(m, calendar);
          m.article = a.article.id;
          m.evidence = view.SentenceAt(d.span.start);
          out.push_back(std::move(m));
          continue;
        }
        if (event.key.empty()) {
          if (!past) continue;
          m.loose = true;
          m.article = a.article.id;
          m.year = calendar.substr(0, 4);
          m.evidence = view.SentenceAt(d.span.start);
          SetYearFrame(m, a, view, sentence_start, sentence_end, d.span.start, d.span.end, "");
          out.push_back(std::move(m));
          continue;
        }
        const std::string& word = event.key;
        m.by_event_word = true;
        m.precise = day_or_month;
        m.once = day_or_month && FirstOfItsKind(before.substr(0, event.begin));
        m.done_to = PassiveBefore(before.substr(0, event.begin));
        const size_t word_at = sentence_start + CountCodePoints(std::string_view(before).substr(0, event.begin));
        m.subject = EventWordSubject(a, ai, entities, story, view, {sentence_start, sentence_end}, word_at,
                                     word, d.span.start);
        // Without a named subject, the thing the sentence opens with tells
        // events apart ("the fire began", "the inquiry began").
        std::string thing;
        if (!m.subject) {
          const std::string lead = view.Slice(sentence_start, word_at);
          // A day's thing only tells events apart ("the first people fell
          // ill" / "the first patients fell ill" are one): the clause's.
          // What happens to a thing once is that thing's ("after the
          // restaurant shut its doors on January 9").
          const bool once_kind = day_or_month && lexicon::In(lexicon::kOnceEvents, word);
          const std::optional<std::string> noun =
              day_or_month && !once_kind && !m.ahead ? std::nullopt : NounBeforeEventWord(lead);
          thing = noun ? *noun : OpeningNoun(lead);
          // A plan is its clause's subject's ("the union would meet").
          if (m.ahead) {
            if (std::string plan = PlanThing(lead); !plan.empty()) thing = std::move(plan);
          }
          m.thing_once = once_kind && !thing.empty();
          // A verb's: an event noun's words before it describe it ("the
          // annual meeting"), they are not its owner.
          const std::vector<WordToken> event_words = Tokenize(before.substr(event.begin));
          if (day_or_month && !once_kind && !m.ahead && !event_words.empty() &&
              !lexicon::In(lexicon::kEventNouns, event_words[0].folded)) {
            m.day_owner = DayOwner(lead, m.done_to);
          }
          // "the firm that won the repair job in 2022": with an object after
          // it, the word's noun is who did it, not what it befell; which
          // thing's event it is stays open.
          if (!day_or_month && VerbHasObject(before.substr(event.begin))) thing.clear();
        }
        if (office && office->by_agent) m.subject = AgentAfter(a, ai, entities, story, view, d.span.end);
        // When a post was taken up says nothing without who took it; the
        // role tells one person's posts apart.
        if (office && !m.subject) continue;
        if (office) thing = office->role;
        // "won a Tony Award in 2004" / "won an Emmy in 2005": what the verb
        // names as its object tells two such events apart. The object of a
        // founding or an opening is the subject it dates (EventWordSubject).
        // A person or organisation joined, beaten or hired is whom the event
        // involved ("joined Harl Foods in 1996"), kept as before.
        size_t object_byte = 0;
        std::string object = office || lexicon::In(lexicon::kObjectEvents, word)
                                 ? ""
                                 : NamedObject(before.substr(event.begin), &object_byte);
        const size_t object_at =
            sentence_start + CountCodePoints(std::string_view(before).substr(0, event.begin + object_byte));
        for (const EntityMention& e : a.entities) {
          if (e.span.start == object_at && (e.type == "PERSON" || e.type == "ORG")) object.clear();
        }
        const std::string key = object.empty() ? word : word + " " + object;
        m.words.push_back(thing.empty() ? key : key + kThingMark + thing);
      } else {
        const size_t phrase_end = d.span.end + CountCodePoints(after.substr(0, phrase.back().end));
        m.subject = PhraseSubject(a, ai, entities, story, d.span.start, phrase_end);
        // "the 2004 Tony telecast" / "the 2008 telecast": a name no one
        // owns in the phrase says which thing it is; the phrase is one word
        // then, joined only with the same phrase.
        if (!m.subject && std::any_of(phrase.begin(), phrase.end(), [](const WordToken& t) { return t.capitalised; })) {
          std::string whole;
          for (const WordToken& t : phrase) whole += (whole.empty() ? "" : " ") + t.folded;
          m.words = {whole};
        }
        // "the 2021 thriller 'The Glass Orchard'", "2022 smash The Glass
        // Orchard": a phrase right before a work's title describes the work,
        // and the year is its release, as "released in 2021" says.
        const std::string rest = after.substr(phrase.back().end);
        const size_t name_gap = rest.find_first_not_of(" \"'\xE2\x80\x9C\x98");
        if (name_gap != std::string::npos && name_gap > 0) {  // only spaces and quotation marks between
          const size_t name_at = phrase_end + CountCodePoints(std::string_view(rest).substr(0, name_gap));
          // The title's own "The" may stand outside the mention.
          const size_t title_at = rest.compare(name_gap, 4, "The ") == 0 ? name_at + 4 : name_at;
          for (const EntityMention& e : a.entities) {
            if (e.span.start != name_at && e.span.start != title_at) continue;
            const std::optional<size_t> work = entities.Lookup(ai, e.entity, e.text);
            if (work && story.entities[*work].type == "WORK") {
              m.subject = work;
              m.words = {"released"};
              m.by_event_word = true;
            }
            break;
          }
        }
      }
      m.article = a.article.id;
      m.year = m.precise ? calendar : d.value.substr(0, 4);
      m.evidence = view.SentenceAt(d.span.start);
      if (lede && !m.subject) MakeEventDay(m, calendar);
      // "Callum Brierley was dismissed on Sunday": a lede's day of what was
      // done to the one it names is theirs and, as every lede's, the
      // story's event's too (what they did, "Quaile resigned on Monday",
      // stays theirs alone).
      if (lede && m.subject && m.precise && m.done_to) {
        YearMention event = m;
        MakeEventDay(event, calendar);
        event.once = false;
        out.push_back(std::move(event));
      }
      if (past) {
        SetYearFrame(m, a, view, sentence_start, sentence_end, d.span.start, d.span.end,
                     m.by_event_word ? m.words.front() : "");
      }
      out.push_back(std::move(m));
    }
  }
  DropUnplacedRanges(out);
  return out;
}

// Pairs of year mentions in two articles that date one event in different
// words ("the record of 44,950 was set in 1968" / "the record of 44,950 in
// 1966"): years or months before their articles' years, at most
// kYearAlignSpan apart, of the same subject (or both of none), sharing at
// least kYearAlignWords stems of their frames, each the other's one best
// match in its article (most frame words shared; a tie is no match) and of
// different years.
std::vector<std::pair<size_t, size_t>> AlignYears(const std::vector<YearMention>& mentions) {
  std::map<std::string, std::vector<size_t>> by_stem;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (mentions[i].precise) continue;
    for (const std::string& w : mentions[i].frame) {
      std::vector<size_t>& seen = by_stem[w];
      if (seen.size() < kMaxMentionsPerWord) seen.push_back(i);
    }
  }
  const auto year_of = [&](size_t i) { return std::atoi(mentions[i].year.substr(0, 4).c_str()); };
  constexpr size_t kTie = std::numeric_limits<size_t>::max();
  // best[i]: article -> (the best match there or kTie, frame words shared)
  std::vector<std::map<std::string, std::pair<size_t, size_t>>> best(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const YearMention& m = mentions[i];
    if (m.precise || m.frame.empty()) continue;
    std::set<size_t> candidates;
    for (const std::string& w : m.frame) {
      if (auto it = by_stem.find(w); it != by_stem.end()) candidates.insert(it->second.begin(), it->second.end());
    }
    for (size_t j : candidates) {
      const YearMention& o = mentions[j];
      if (o.article == m.article || std::abs(year_of(i) - year_of(j)) > kYearAlignSpan) continue;
      if (m.subject != o.subject) continue;
      size_t shared = 0;
      for (const std::string& w : m.frame) shared += std::binary_search(o.frame.begin(), o.frame.end(), w) ? 1 : 0;
      auto [it, fresh] = best[i].try_emplace(o.article, j, shared);
      if (fresh) continue;
      if (shared > it->second.second) {
        it->second = {j, shared};
      } else if (shared == it->second.second && it->second.first != kTie &&
                 mentions[it->second.first].year != o.year) {
        it->second.first = kTie;
      }
    }
  }
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < mentions.size(); ++i) {
    for (const auto& [article, match] : best[i]) {
      const size_t j = match.first;
      if (j == kTie || j < i || year_of(i) == year_of(j) || match.second < kYearAlignWords) continue;
      const auto back = best[j].find(mentions[i].article);
      if (back != best[j].end() && back->second.first == i) out.emplace_back(i, j);
    }
  }
  return out;
}

// The kind of event a year mention's word names, for matching one thing's
// year across outlets (lexicons/event_kinds.txt: "opened" and "built" are
// one kind); "" for a mention no event word dates, or a day or month.
std::string EventKind(const YearMention& m) {
  if (!m.by_event_word || m.precise || m.words.size() != 1) return "";
  const std::string& key = m.words.front();
  const std::string family = key.substr(0, key.find(kThingMark));
  const std::string_view kind = lexicon::Find(lexicon::kEventKinds, family);
  return kind.empty() ? family : std::string(kind);
}

// The thing an unnamed event word's sentence opens with ("the festival",
// in "began|festival"); "" when none was found.
std::string EventThing(const YearMention& m) {
  const std::string& key = m.words.front();
  const size_t mark = key.find(kThingMark);
  return mark == std::string::npos ? "" : key.substr(mark + 1);
}

// Two mentions of one kind of event may be one thing's when they name the
// same subject, or one names none ("Brisco, founded in 1971" / "The firm
// was founded ... in 1974"), or neither does and the things they date do
// not differ ("The couple divorced" / "They divorced", "the lift" / "the
// chairlift").
bool SameEventThing(const YearMention& a, const YearMention& b) {
  // One person's two posts ("took office|mayor", "took office|chairman")
  // are two events; a post no title names may be either.
  if (a.subject && b.subject) {
    const std::string x = EventThing(a), y = EventThing(b);
    return *a.subject == *b.subject && (x.empty() || y.empty() || x == y);
  }
  if (a.subject || b.subject) return true;
  const std::string x = EventThing(a), y = EventThing(b);
  // A compound names a kind of its last part: "chairlift" is a "lift".
  return x.empty() || y.empty() || x.ends_with(y) || y.ends_with(x);
}

// Pairs of year mentions in two articles that date one thing's event in
// different words or with its subject named in one only ("The Ardlin
// Star, built in 1998" / "The 92-metre ro-ro ferry, built in 1996"): of
// one kind of event (EventKind), of the same thing (SameEventThing), at
// most kEventYearAlignSpan apart, and each the only such mention in its
// article, so which event each dates is not in doubt.
std::vector<std::pair<size_t, size_t>> AlignEventYears(const std::vector<YearMention>& mentions) {
  std::map<std::string, std::vector<size_t>> by_kind;
  std::vector<std::string> kinds(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    kinds[i] = EventKind(mentions[i]);
    if (kinds[i].empty()) continue;
    std::vector<size_t>& seen = by_kind[kinds[i]];
    if (seen.size() < kMaxMentionsPerWord) seen.push_back(i);
  }
  const auto year_of = [&](size_t i) { return std::atoi(mentions[i].year.substr(0, 4).c_str()); };
  // The one mention of `article` of i's kind and thing, or none.
  const auto only_match = [&](size_t i, const std::string& article) -> std::optional<size_t> {
    std::optional<size_t> found;
    for (size_t j : by_kind[kinds[i]]) {
      if (mentions[j].article != article || !SameEventThing(mentions[i], mentions[j])) continue;
      if (found) return std::nullopt;
      found = j;
    }
    return found;
  };
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& [kind, list] : by_kind) {
    for (size_t i : list) {
      for (size_t j : list) {
        if (j <= i || mentions[j].article == mentions[i].article) continue;
        // The wider span only when both name the thing ("the estate").
        const bool named = !EventThing(mentions[i]).empty() && !EventThing(mentions[j]).empty();
        if (std::abs(year_of(i) - year_of(j)) > (named ? kEventYearAlignSpan : kYearAlignSpan)) continue;
        if (only_match(i, mentions[j].article) != j || only_match(j, mentions[i].article) != i) continue;
        out.emplace_back(i, j);
      }
    }
  }
  return out;
}

// Year mentions about the same subject whose head phrases share a word
// ("runway show", "fashion show") name one event or work; the years they
// give are values of one claim.
void YearClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
                const Story& story, ClaimTable& table) {
  const std::vector<YearMention> mentions = FindYearMentions(members, entities, story);

  std::vector<size_t> parent(mentions.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  const auto find = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // One article giving two years of an event ("who bought it in 1952" /
  // "the museum had bought the work in 1911") tells of two such
  // events, not a disagreement with itself: no group joined by a head word
  // holds both, directly or through another outlet's mention (the joins
  // across outlets below, AlignYears and AlignEventYears, pair each mention
  // with one other only). members_of[root]: its mentions, kept for the joins
  // by head word; groups hold at most kMaxMentionsPerWord mentions a word.
  std::vector<std::vector<size_t>> members_of(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) members_of[i] = {i};
  // Only years an event word dates: a phrase's ("the 2022 charity gala" /
  // "the 2023 charity gala") names one thing, and a day of the story's own
  // event may be restated; a named subject's days count too, as one person
  // does a thing twice ("he returned to prison in May 1984" / "until he
  // finally returned to prison in June 1999" in one article are two
  // returns, not a writer contradicting himself).
  const auto event_year = [&](size_t x) {
    return mentions[x].by_event_word && (mentions[x].subject || !mentions[x].precise);
  };
  const auto two_in_one = [&](size_t ri, size_t rj) {
    for (size_t x : members_of[ri]) {
      if (!event_year(x)) continue;
      for (size_t y : members_of[rj]) {
        if (event_year(y) && mentions[x].article == mentions[y].article && mentions[x].year != mentions[y].year) {
          return true;
        }
      }
    }
    return false;
  };
  const auto join = [&](size_t i, size_t j) {
    const size_t ri = find(i), rj = find(j);
    if (ri == rj || two_in_one(ri, rj)) return;
    parent[ri] = rj;
    members_of[rj].insert(members_of[rj].end(), members_of[ri].begin(), members_of[ri].end());
    members_of[ri].clear();
  };
  // Candidates share a head word: an index from word to mentions keeps
  // this linear in a story with thousands of year mentions.
  std::map<std::string, std::vector<size_t>> by_word;
  for (size_t i = 0; i < mentions.size(); ++i) {
    for (const std::string& w : mentions[i].words) {
      std::vector<size_t>& seen = by_word[w];
      for (size_t j : seen) {
        const bool strict = mentions[i].by_event_word || mentions[j].by_event_word;
        const bool same_subject = mentions[i].subject == mentions[j].subject ||
                                  (!strict && (!mentions[i].subject || !mentions[j].subject));
        // "jailed in 2011" and "jailed on Friday" may be two sentencings.
        const bool same_precision = mentions[i].precise == mentions[j].precise;
        if (same_subject && same_precision) join(i, j);
      }
      if (seen.size() < kMaxMentionsPerWord) seen.push_back(i);
    }
  }
  // Loose mentions (a year nothing else dates) join only across outlets.
  std::vector<bool> matched(mentions.size(), false);
  for (const auto& [i, j] : AlignYears(mentions)) {
    // A dated mention names the group: it is made the root.
    if (mentions[find(i)].loose) {
      parent[find(i)] = find(j);
    } else {
      parent[find(j)] = find(i);
    }
    matched[i] = matched[j] = true;
  }
  // One thing's event dated in other words or named in one outlet only;
  // never joining two groups that name different subjects. The mention
  // naming a subject or a thing becomes the root (it names the claim).
  std::vector<std::optional<size_t>> group_subject(mentions.size());  // by root
  for (size_t j = 0; j < mentions.size(); ++j) {
    if (!group_subject[find(j)]) group_subject[find(j)] = mentions[j].subject;
  }
  for (const auto& [i, j] : AlignEventYears(mentions)) {
    const size_t ri = find(i), rj = find(j);
    if (ri == rj) continue;
    const std::optional<size_t> si = group_subject[ri], sj = group_subject[rj];
    if (si && sj && *si != *sj) continue;
    const bool i_names = mentions[ri].subject || !EventThing(mentions[ri]).empty();
    const size_t root = i_names ? ri : rj;
    parent[i_names ? rj : ri] = root;
    group_subject[root] = si ? si : sj;
  }
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (mentions[i].loose && !matched[i]) continue;
    const size_t root = find(i);
    // The claim's subject: the first named one in the group; its name, the
    // subject and the words every mention shares.
    std::optional<size_t> subject_entity;
    for (size_t j = 0; j < mentions.size() && !subject_entity; ++j) {
      if (find(j) == root) subject_entity = mentions[j].subject;
    }
    std::string name = subject_entity ? story.entities[*subject_entity].name : "";
    for (const std::string& w : mentions[root].words) {
      bool everywhere = true;
      for (size_t j = 0; j < mentions.size() && everywhere; ++j) {
        if (find(j) != root) continue;
        everywhere = std::find(mentions[j].words.begin(), mentions[j].words.end(), w) !=
                     mentions[j].words.end();
      }
      if (!everywhere) continue;
      if (!name.empty()) name += ' ';
      name += w;
    }
    if (name.empty()) {
      // Chained through different words: name it by its first phrase.
      for (const std::string& w : mentions[root].words) name += (name.empty() ? "" : " ") + w;
    }
    if (mentions[root].loose || (matched[root] && !subject_entity && !mentions[root].label.empty())) {
      // What the words before it say it dates ("year record set", "year
      // couple divorced"): a year matched across outlets that no name owns
      // is shown with them.
      std::string label;
      for (const std::string& w : mentions[root].label) label += " " + w;
      // With no one named, the thing an event word dates names it ("the
      // band, which formed in the city in 2014": the band's).
      const std::string thing = mentions[root].by_event_word && !mentions[root].precise ? EventThing(mentions[root]) : "";
      table.Add(fmt::format("y|{}", root), subject_entity ? story.entities[*subject_entity].id : "",
                subject_entity ? story.entities[*subject_entity].name : thing, "year" + label, mentions[i].year,
                mentions[i].article, mentions[i].evidence);
      continue;
    }
    const std::string subject = subject_entity ? story.entities[*subject_entity].id : "";
    if (mentions[root].by_event_word) {
      // "opened in 1974": the year the subject (or, with none, the story's
      // own event) did what the word says.
      const std::string& key = mentions[root].words.front();
      const std::string attribute = key == kEventDayKey ? std::string("date")
                                    : (mentions[root].precise ? "date " : "year ") + key.substr(0, key.find(kThingMark));
      // A day of the story's event is compared only for agreement: meetings,
      // hearings and matches recur, and an unnamed one may be another.
      // The first of its kind happens once: its days are compared.
      bool once = false;
      for (size_t j = 0; j < mentions.size() && !once; ++j) {
        once = find(j) == root && (mentions[j].once || mentions[j].thing_once);
      }
      bool ahead = false;
      for (size_t j = 0; j < mentions.size() && !ahead; ++j) ahead = find(j) == root && mentions[j].ahead;
      const std::string scope = (mentions[root].precise && !subject_entity && !once) || ahead
                                    ? fmt::format("y|{}|{}", root, mentions[i].year)
                                    : fmt::format("y|{}", root);
      // With no one named, the thing the sentences open with is whose year
      // it is ("The 34-mile line, opened in 1889": the line's).
      const size_t mark = key.find(kThingMark);
      // A day stays the story's event's ("it began on Saturday"), but for
      // what happens to a thing once ("the restaurant shut") and for the
      // thing its verb is said of (YearMention::day_owner).
      const bool thing_once = lexicon::In(lexicon::kOnceEvents, key.substr(0, mark));
      // What is planned is the thing's ("Its offer lapses on December 11").
      std::string thing =
          mark == std::string::npos || (mentions[root].precise && !thing_once && !ahead) ? "" : key.substr(mark + 1);
      // A day's thing named right before its verb is whose day it is ("a
      // report published on Wednesday"): the first mention's that names one.
      for (size_t j = 0; key != kEventDayKey && mentions[root].precise && thing.empty() && j < mentions.size(); ++j) {
        if (find(j) == root) thing = mentions[j].day_owner;
      }
      table.Add(scope, subject, subject_entity ? story.entities[*subject_entity].name : thing, attribute,
                mentions[i].year, mentions[i].article, mentions[i].evidence);
      continue;
    }
    table.Add(fmt::format("y|{}", root), subject, name, "year", mentions[i].year,
              mentions[i].article, mentions[i].evidence);
  }
}


// ---- times of day ---------------------------------------------------------------

// How far apart, in minutes, an approximate time ("at about 6am",
// "shortly after 2pm") may lie from another and still state the same
// moment: news rounds to the quarter hour.
constexpr int kApproxTimeMinutes = 15;
// How many sentences from an article's lede its first timed event may
// stand and still be the story's own ("The fire was reported at 11.40pm"):
// a report gives its event's time at once.
constexpr size_t kEventTimeSentences = 3;
// How many words a time's verb may stand before its "at" ("came off the
// track at", "raised the alarm just after").
constexpr size_t kMaxTimeVerbWords = 4;
// The claim value mark of an approximate time ("about 06:00").
constexpr char kAboutTime[] = "about ";

// One time of day given for an event: "the fire was reported at 11.40pm".
struct TimeMention {
  std::string article, value, evidence;  // value "HH:MM", "about " before it when approximate
  std::string day;                       // the day the time is on, "" when the text names none
  int64_t published = -1;                // the article's day (DayNumber)
  std::optional<size_t> subject;
  std::string key;    // the event word's family, "verb|thing" or kEventDayKey
  std::string thing;  // the noun an unnamed event word's clause opens with
};

// Minutes since midnight of "HH:MM" (a leading "about " dropped), or -1.
int TimeMinutes(std::string_view value, bool* approx) {
  *approx = value.starts_with(kAboutTime);
  if (*approx) value.remove_prefix(sizeof(kAboutTime) - 1);
  if (value.size() != 5 || value[2] != ':') return -1;
  for (size_t k : {0, 1, 3, 4}) {
    if (value[k] < '0' || value[k] > '9') return -1;
  }
  return ((value[0] - '0') * 10 + (value[1] - '0')) * 60 + (value[3] - '0') * 10 + (value[4] - '0');
}

// The time of day of a date value ("2026-03-12T18:42" -> "18:42"); "" for
// a value without one ("2026-03-12TEV", a duration).
std::string TimeOfDay(const std::string& value) {
  const size_t t = value.find('T');
  if (t != 10 || value.size() < t + 6) return "";
  const std::string hm = value.substr(t + 1, 5);
  bool approx = false;
  return TimeMinutes(hm, &approx) < 0 ? "" : hm;
}

// Whether a time mention's own text names its day ("6.42pm on Thursday"),
// not only the hour: without one the day is the article's.
bool NamesDay(const std::string& text) {
  for (const WordToken& t : Tokenize(text)) {
    const std::string_view w = t.folded;  // "6.42pm" is one token: a time, not a day's name
    const bool word = std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (word && w != "am" && w != "pm" && w != "a" && w != "p" && w != "m" && w != "utc" && w != "gmt" &&
        w != "noon" && w != "midday" && w != "midnight") {
      return true;
    }
  }
  return false;
}

// The event word a time of day dates, from the words before it ("was
// reported at", "came off the track at about", "raised the alarm just
// after"): the past form nearest the time's "at" (or "shortly/just after,
// before"), over a few words of object and particle within one clause.
// Sets *approx for "about", "around", "shortly after" and the like; an
// empty key when the time follows no such words.
EventWord TimeEventWord(std::string_view before, bool* approx) {
  const std::vector<WordToken> words = Tokenize(before);
  *approx = false;
  if (words.size() < 2) return {};
  size_t k = words.size() - 1;  // the preposition
  const std::string_view last = words[k].folded;
  if (last == "about" || last == "around" || last == "approximately" || last == "roughly") {
    *approx = true;
    --k;
    if (words[k].folded != "at") return {};
  } else if (last == "after" || last == "before") {
    const std::string_view adverb = words[k - 1].folded;
    if (adverb != "shortly" && adverb != "just" && adverb != "soon") return {};
    *approx = true;
    --k;
  } else if (last != "at") {
    return {};
  }
  for (size_t seen = 0; k-- > 0 && seen < kMaxTimeVerbWords; ++seen) {
    const std::string_view gap = before.substr(words[k].end, words[k + 1].begin - words[k].end);
    if (gap.find_first_not_of(' ') != std::string_view::npos) return {};
    const WordToken& w = words[k];
    if (lexicon::In(lexicon::kReportingVerbsNotEvent, w.folded)) return {};
    // "were seen", "was thrown": an irregular participle after a passive
    // auxiliary is the verb though no list holds it.
    const bool participle = k > 0 && !w.capitalised && lexicon::In(lexicon::kAuxiliariesPassive, words[k - 1].folded) &&
                            w.folded != "been" && (w.folded.ends_with("en") || w.folded.ends_with("wn"));
    if (!w.capitalised && (IsPastForm(w.folded) || participle)) {
      const std::string_view family = lexicon::Find(lexicon::kEventFamilies, w.folded);
      return {family.empty() ? w.folded : std::string(family), w.begin};
    }
  }
  return {};
}

// The noun a verb form describes when `lead` (the words before it) ends
// with a preposition's object ("from a WhatsApp message sent at 11pm",
// "in the email posted at 9am"): an object is no clause's subject, so
// the form is a participle and its time the noun's thing's, not the
// story's event's. "" otherwise ("the track gave way at").
std::string NounOfParticiple(std::string_view lead) {
  const std::vector<WordToken> words = Tokenize(lead);
  if (words.empty()) return "";
  const auto spaced = [&](size_t k) {  // only spaces between words k and k + 1, or after the last
    const size_t to = k + 1 < words.size() ? words[k + 1].begin : lead.size();
    const std::string_view gap = lead.substr(words[k].end, to - words[k].end);
    return !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos;
  };
  const WordToken& noun = words.back();
  if (!spaced(words.size() - 1) || noun.capitalised || !noun.has_letter || IsStopWord(noun.folded)) return "";
  constexpr size_t kMaxModifiers = 3;  // "a short WhatsApp group message"
  for (size_t k = words.size() - 1, seen = 0; k-- > 0 && seen <= kMaxModifiers; ++seen) {
    if (!spaced(k)) return "";
    const std::string_view w = words[k].folded;
    if (w == "a" || w == "an" || w == "the" || PossessiveDeterminer(w)) {
      return k > 0 && spaced(k - 1) && IsPreposition(words[k - 1].folded) ? noun.folded : "";
    }
    if (IsStopWord(w)) return "";
  }
  return "";
}

// Whether `lead` (the words before a verb) ends with "had" or "had
// been", adverbs after it passed over ("had been padlocked", "had already
// left"): the past perfect tells of what came before the events reported.
bool PastPerfectBefore(std::string_view lead) {
  const std::vector<WordToken> words = Tokenize(lead);
  for (size_t k = words.size(); k-- > 0;) {
    const std::string_view w = words[k].folded;
    if (w == "had" || w == "hadn't") return true;
    if (w != "been" && !w.ends_with("ly")) return false;
  }
  return false;
}

std::vector<TimeMention> FindTimeMentions(const std::vector<const AnnotatedArticle*>& members,
                                          EntityIndex& entities, const Story& story) {
  std::vector<TimeMention> out;
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle& a = *members[ai];
    const TextView view(a);
    const Span* lede = Lede(a, view);
    bool event_taken = false;
    for (const DateMention& d : a.dates) {
      const std::string hm = TimeOfDay(d.value);
      if (hm.empty()) continue;
      // A time in a quotation is the speaker's account, not the outlet's.
      const bool quoted = std::any_of(a.quotes.begin(), a.quotes.end(), [&](const Quote& q) {
        return q.kind != "indirect" && q.span.start <= d.span.start && d.span.end <= q.span.end;
      });
      if (quoted) continue;
      const Span sentence = SentenceOf(a, d.span.start, view.cp_length());
      const std::string before = view.Slice(sentence.start, d.span.start);
      bool approx = false;
      const EventWord event = TimeEventWord(before, &approx);
      if (event.key.empty()) continue;
      TimeMention m;
      m.article = a.article.id;
      m.value = approx ? kAboutTime + hm : hm;
      m.evidence = view.SentenceAt(d.span.start);
      m.day = NamesDay(d.text) ? d.value.substr(0, 10) : "";
      m.published = DayNumber(a.article.published.substr(0, std::min<size_t>(10, a.article.published.size())));
      const size_t word_at = sentence.start + CountCodePoints(std::string_view(before).substr(0, event.begin));
      m.subject = EventWordSubject(a, ai, entities, story, view, sentence, word_at, event.key, d.span.start);
      if (!m.subject) {
        const std::string lead = view.Slice(sentence.start, word_at);
        const std::optional<std::string> noun = NounBeforeEventWord(lead);
        m.thing = noun ? *noun : OpeningNoun(lead);
      }
      // The first timed event near an article's lede that no one named did
      // is the story's own, whatever word each outlet uses ("left the
      // tracks at 6.42pm", "came off the track at 6.24pm").
      size_t index = 0;
      while (index < a.sentences.size() && a.sentences[index].start < sentence.start) ++index;
      size_t lede_index = 0;
      while (lede != nullptr && lede_index < a.sentences.size() && a.sentences[lede_index].start < lede->start) {
        ++lede_index;
      }
      const std::string_view lead_words = std::string_view(before).substr(0, event.begin);
      const std::string described = NounOfParticiple(lead_words);
      if (!described.empty()) m.thing = described;
      // Not what came before it ("had been locked at 9.20pm"), nor a
      // thing a participle describes ("a message sent at 11pm").
      const bool near_lede = lede != nullptr && index >= lede_index && index < lede_index + kEventTimeSentences;
      if (!m.subject && described.empty() && !event_taken && near_lede && !PastPerfectBefore(lead_words)) {
        m.key = kEventDayKey;
        m.thing.clear();
        event_taken = true;
      } else {
        m.key = m.thing.empty() ? event.key : event.key + kThingMark + m.thing;
      }
      out.push_back(std::move(m));
    }
  }
  return out;
}

// Whether two time mentions may date one event: the story's own, or one
// event word's of the same subject (or of none) and of things that do not
// differ ("the lift" / "the chairlift"). A named subject's time and an
// unnamed thing's stay apart: a minute is too fine a value to guess whose
// it is ("the Aubert Express stopped" may be the lift's or the breakdown's).
bool SameTimeEvent(const TimeMention& a, const TimeMention& b) {
  if ((a.key == kEventDayKey) != (b.key == kEventDayKey) || a.subject != b.subject) return false;
  if (a.key == kEventDayKey || a.subject) return true;
  if (a.key.substr(0, a.key.find(kThingMark)) != b.key.substr(0, b.key.find(kThingMark))) return false;
  const std::string_view x = a.thing, y = b.thing;
  return x.empty() || y.empty() || x.ends_with(y) || y.ends_with(x);
}

// Whether two time mentions may be one moment's: the same day when both
// name theirs, else articles of one news cycle (a follow-up weeks later
// speaks of another day's times).
bool SameTimeDay(const TimeMention& a, const TimeMention& b) {
  if (!a.day.empty() && !b.day.empty()) return a.day == b.day;
  return a.published >= 0 && b.published >= 0 && std::abs(a.published - b.published) <= kOneCycleDays;
}

// Times of day given for one event (the same event word and thing, or the
// story's own event near each lede, of the same subject, on the same day)
// are values of one claim: "time <word>" of the subject, or of the story's
// event when no one is named.
void TimeClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities, const Story& story,
                ClaimTable& table) {
  const std::vector<TimeMention> mentions = FindTimeMentions(members, entities, story);
  UnionFind sets(mentions.size());
  const auto find = [&](size_t i) { return sets.Find(i); };
  for (size_t i = 0; i < mentions.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      const TimeMention& x = mentions[i];
      const TimeMention& y = mentions[j];
      // One article's two times of one word are two events ("stopped at
      // 10.40am ... stopped again at 11.05am").
      if (x.article == y.article) continue;
      if (SameTimeEvent(x, y) && SameTimeDay(x, y)) sets.Join(j, i);
    }
  }
  // The claim's subject: the first named one in the group.
  std::vector<std::optional<size_t>> group_subject(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (!group_subject[find(i)]) group_subject[find(i)] = mentions[i].subject;
  }
  for (size_t i = 0; i < mentions.size(); ++i) {
    const TimeMention& m = mentions[i];
    const size_t root = find(i);
    const std::optional<size_t> owner = group_subject[root];
    const std::string subject = owner ? story.entities[*owner].id : "";
    const std::string name = owner ? story.entities[*owner].name : mentions[root].thing;
    const std::string& key = mentions[root].key;
    const std::string attribute = key == kEventDayKey ? "time" : "time " + key.substr(0, key.find(kThingMark));
    table.Add(fmt::format("t|{}", root), subject, name, attribute, m.value, m.article, m.evidence,
              fmt::format("t{}", root));
  }
}

}  // namespace


ValueRelation CompareValues(std::string_view attribute, std::string_view a, std::string_view b) {
  if (a == b) return ValueRelation::kSame;
  // "2024-02" holds "2024-02-20": a month and a day in it can both be true.
  if (attribute.starts_with("date ")) {
    if (b.size() < a.size() && a.starts_with(b) && a[b.size()] == '-') return ValueRelation::kNarrower;
    if (a.size() < b.size() && b.starts_with(a) && b[a.size()] == '-') return ValueRelation::kWider;
  }
  // "about 06:00" holds 06:10 and "about 06:05": an approximate time is
  // the wider value of an exact one near it.
  if (attribute == "time" || attribute.starts_with("time ")) {
    bool a_approx = false, b_approx = false;
    const int x = TimeMinutes(a, &a_approx), y = TimeMinutes(b, &b_approx);
    if (x >= 0 && y >= 0 && (a_approx || b_approx) && std::abs(x - y) <= kApproxTimeMinutes) {
      if (a_approx && b_approx) return ValueRelation::kCompatible;
      return a_approx ? ValueRelation::kWider : ValueRelation::kNarrower;
    }
  }
  if (attribute == "role") return CompareRoles(a, b);
  if (attribute == "medium") return CompareMedia(a, b);
  return ValueRelation::kConflict;
}

std::string NormaliseRole(std::string_view phrase) {
  const std::vector<std::string> words = NormalRoleWords(phrase);
  // The head ends the phrase or opens its complement ("director of
  // highways").
  size_t end = words.size();
  for (size_t i = 1; i < words.size(); ++i) {
    if (OpensComplement(words[i]) && IsRoleHead(words[i - 1])) {
      end = i;
      break;
    }
  }
  if (end == 0 || !IsRoleHead(words[end - 1]) || end + 1 == words.size()) return "";
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string ClaimStatus(const Claim& claim,
                        const std::unordered_map<std::string, std::string>& source_of) {
  for (size_t i = 0; i < claim.values.size(); ++i) {
    for (size_t j = i + 1; j < claim.values.size(); ++j) {
      if (CompareValues(claim.attribute, claim.values[i].value, claim.values[j].value) ==
          ValueRelation::kConflict) {
        return "conflict";
      }
    }
  }
  for (const ClaimValue& v : claim.values) {
    if (SourceCount(BackingArticles(claim, v), source_of) > 1) return "agreed";
  }
  return "single";
}

// Two outlets giving one named subject the same year or day under two
// event words ("took office in April" / "has held the post since April";
// "founded in 2004" / "launched in 2004", "announced" / "confirmed") tell
// one event in other words: a person or firm rarely has two events of one
// day that two outlets would each give alone. So claims from `from` on
// that each hold one value, stated by one source, of one subject and one
// precision ("year ..." or "date ..."), with the same value and no article
// in common, become one agreed claim, named by the earlier. Each claim
// joins at most one other, and only where its subject has no third claim
// of that value, which would leave which events match unknown.
void JoinEqualDates(std::vector<Claim>& claims, size_t from,
                    const std::unordered_map<std::string, std::string>& source_of) {
  const auto kind = [](const Claim& c) -> std::string_view {
    if (c.attribute.starts_with("year ")) return "year";
    if (c.attribute.starts_with("date ")) return "date";
    return "";
  };
  const auto candidate = [&](const Claim& c) {
    return !c.subject.empty() && !kind(c).empty() && c.values.size() == 1 && c.status == "single";
  };
  std::map<std::tuple<std::string, std::string_view, std::string>, std::vector<size_t>> same;
  for (size_t i = from; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (!c.subject.empty() && !kind(c).empty()) {
      for (const ClaimValue& v : c.values) same[{c.subject, kind(c), v.value}].push_back(i);
    }
  }
  std::vector<bool> gone(claims.size(), false);
  for (const auto& [key, group] : same) {
    if (group.size() != 2 || !candidate(claims[group[0]]) || !candidate(claims[group[1]])) continue;
    Claim& a = claims[group[0]];
    const Claim& b = claims[group[1]];
    std::vector<std::string> articles = a.values[0].articles;
    bool shared = false;
    for (const std::string& x : b.values[0].articles) {
      shared = shared || std::find(articles.begin(), articles.end(), x) != articles.end();
      AddUnique(articles, x);
    }
    if (shared || SourceCount(articles, source_of) < 2) continue;
    a.values[0].articles = std::move(articles);
    a.status = ClaimStatus(a, source_of);
    gone[group[1]] = true;
  }
  size_t kept = from;
  for (size_t i = from; i < claims.size(); ++i) {
    if (gone[i]) continue;
    if (kept != i) claims[kept] = std::move(claims[i]);
    ++kept;
  }
  claims.resize(kept);
}

void AddClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
               const std::vector<std::vector<QuoteRef>>& quote_groups, Story& story) {
  std::unordered_map<std::string, std::string> source_of;
  for (const DuplicateArticle& d : story.duplicates) source_of.emplace(d.article, d.duplicate_of);
  for (Claim& c : FigureClaims(members, entities, story, AppositiveAges(members), source_of)) {
    story.claims.push_back(std::move(c));
  }
  ClaimTable table(story);
  // A medium named by one article only, or one spelling, is no
  // comparison: those are kept only when outlets agree or disagree.
  const auto compared = [](const Claim& c) {
    return c.values.size() > 1 || c.values.front().articles.size() > 1;
  };
  // A medium one article names for a named speaker is a fact too; an
  // unnamed one ("a steward", "another fan") is kept only when compared.
  MediumClaims(members, quote_groups, story, table);
  table.Flush(source_of, [&compared](const Claim& c) { return !c.subject.empty() || compared(c); });
  RoleContext roles;
  RoleClaims(members, entities, story, table, roles);
  table.Flush(
      source_of, [](const Claim&) { return true; },
      [&roles](const Claim& c, const ClaimValue& a, const ClaimValue& b) { return roles.Relate(c, a, b); });
  NameClaims(members, entities, story, table);
  table.Flush(source_of, [](const Claim& c) { return c.values.size() > 1; });
  // A year or day one article gives for what a named person or
  // organisation did is a fact to check like any figure; an unowned one
  // only when outlets compare it (whose event it is, is a guess).
  const size_t years_from = story.claims.size();
  YearClaims(members, entities, story, table);
  table.Flush(source_of, [&compared](const Claim& c) { return !c.subject.empty() || compared(c); });
  JoinEqualDates(story.claims, years_from, source_of);
  // A time of day of the story's own event or of a named subject's is a
  // fact even in one article; an unowned thing's only when compared.
  TimeClaims(members, entities, story, table);
  table.Flush(source_of, [&compared](const Claim& c) {
    return !c.subject.empty() || (c.attribute == "time" && c.subject_name.empty()) || compared(c);
  });
}

}  // namespace storyline::stories
