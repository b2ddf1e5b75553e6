// render_internal.h: the per-format brief renderers behind RenderBrief, and
// what the Markdown and HTML views share.
//
// Thread-safety: reentrant; nothing here holds state beyond a call.
#ifndef STORYLINE_RENDER_RENDER_INTERNAL_H_
#define STORYLINE_RENDER_RENDER_INTERNAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storyline/article.h"
#include "storyline/brief.h"

namespace storyline::render {

std::string BriefToJson(const Brief& brief);
std::string BriefToMarkdown(const Brief& brief);
std::string BriefToHtml(const Brief& brief);

// Finds a brief's articles by id. Borrows `brief`, which must outlive it.
class ArticleLookup {
 public:
  explicit ArticleLookup(const Brief& brief);
  // The article with this id, or nullptr (a story may cite an article the
  // brief does not carry).
  const Article* Find(const std::string& id) const;

 private:
  std::unordered_map<std::string, const Article*> by_id_;
};

// True for an absolute http(s) URL without whitespace, quotes or angle
// brackets: the only URLs rendered as links (never javascript: or data:).
bool IsSafeHttpUrl(const std::string& url);

// "2022-11-22 – 2022-11-28", "2022-11-28" when both ends agree, or
// "undated".
std::string SpanText(const Story& story);

// "Title" of an article id, or the id when the brief lacks it or the title is empty.
std::string ArticleTitle(const std::string& id, const ArticleLookup& lookup);

// "Outlet" of an article id, or "" when unknown.
std::string ArticleOutlet(const std::string& id, const ArticleLookup& lookup);

// `s` with each whitespace run (including newlines) folded to one space.
std::string OneLine(const std::string& s);

// Whom a claim is about, for a reader: its subject's name, or "the story"
// for a figure of the story's own event (no subject: "2,300 people
// evacuated").
std::string ClaimSubjectLabel(const Claim& claim);

// The article `id` is a near-duplicate of in `story`, or nullptr.
const DuplicateArticle* DuplicateEntry(const Story& story, const std::string& id);

// How many of a story's articles each outlet has, in story order; articles
// without an outlet count under "".
struct OutletCount {
  std::string outlet;
  size_t articles = 0;
  size_t duplicates = 0;  // of those, near-duplicates of another article
};
std::vector<OutletCount> OutletCounts(const Story& story, const ArticleLookup& lookup);
// " from 3 outlets" counting known outlets only, or "" when none is known.
std::string OutletsPhrase(const std::vector<OutletCount>& outlets);

// The distinct outlets of these articles, in order; unknown outlets skipped.
std::vector<std::string> OutletsOf(const std::vector<std::string>& article_ids,
                                   const ArticleLookup& lookup);

// OutletsOf plus a trailing "" when some of the articles have no outlet and
// others do, so a list of outlets never passes for the whole source list.
std::vector<std::string> SourceOutlets(const std::vector<std::string>& article_ids,
                                       const ArticleLookup& lookup);

// A story's claims with status "conflict", in model order. Pointers into `story`.
std::vector<const Claim*> ConflictClaims(const Story& story);
// The rest: "agreed" first, then "single" and any other status, each in model order.
std::vector<const Claim*> OtherClaims(const Story& story);

// A story's quotes, those reported by the most outlets (then occurrences)
// first, otherwise in model order. Pointers into `story`.
std::vector<const BriefQuote*> QuotesForDisplay(const Story& story, const ArticleLookup& lookup);

// The story with this id in `brief`, or nullptr.
const Story* FindStory(const Brief& brief, const std::string& id);

// An alias other than the entity's name. A variant has a word the name does
// not ("Kendal" for "Kendall Jenner", a misspelling or another name); an
// other form is made of the name's words ("Jenner", "Ms. Jenner").
enum class AliasKind { kVariant, kOtherForm };
struct AliasView {
  std::string alias;
  AliasKind kind;
};
// Each distinct alias except the name itself, in model order.
std::vector<AliasView> OtherAliases(const BriefEntity& entity);

// A word's comparison key: ASCII lowered, ASCII and typographic punctuation
// dropped ("Don't," and "don’t" give "dont"; "&" gives "and"); "" for
// punctuation alone.
std::string WordKey(std::string_view word);

// One piece of a quote occurrence's wording compared with the canonical one.
enum class DiffKind {
  kSame,     // a word of the wording the canonical text has at that place
  kAdded,    // a word of the wording the canonical text lacks there
  kDropped,  // canonical words this wording leaves out between two of its words
};
struct DiffPiece {
  DiffKind kind;
  std::string text;          // exact bytes of the wording (kDropped: canonical words)
  std::string space_before;  // exact whitespace before it in the wording
};
// The occurrence `wording` word by word, aligned on `canonical` (longest
// common subsequence of word keys). Concatenating space_before + text of the
// non-dropped pieces gives `wording` without its leading and trailing
// whitespace. Very long pairs come back all kSame.
std::vector<DiffPiece> DiffWords(const std::string& canonical, const std::string& wording);

// "93%" for a share of 0.93, rounded, clamped to 0..100%.
std::string PercentText(double share);

// Byte offset of `word` in `text`, ASCII case ignored, where it is not part
// of a longer ASCII word or number ("42" in "Quell, 42, said" but not in
// "1942"; "instagram" in "on Instagram"), or npos.
size_t FindWholeWord(std::string_view text, std::string_view word);

}  // namespace storyline::render

#endif  // STORYLINE_RENDER_RENDER_INTERNAL_H_
