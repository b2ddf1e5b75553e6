// claims.h: (subject, attribute, value) claims the story's articles make,
// compared across outlets: agreed, in conflict, or made by one source.
//
//   AddClaims(members, entities, quote_groups, story);  // after entities, quotes
//
// Claims come from the language layer's annotations:
//   - figures (stories/figures.h): every quantity with what it measures,
//     whose it is, how exactly it is stated and when it holds, and ages in
//     an appositive after a person's name ("Fox, 31 briefly dated") that
//     the quantity annotator left untied;
//   - the medium each speaker's quotations were published on, one claim per
//     speaker; a quotation split by its attribution ("X," she said, "Y.")
//     or repeated is one statement, and only media given for one statement
//     can conflict (see CompareValues: "statement" and "instagram" can both
//     be true of one post). An organisation's words two outlets of one
//     news cycle each put on one written medium that cannot both be true
//     ("said in a statement" / "posted on Facebook") are one statement.
//     Words told to the article's own outlet ("told the Rampart") were an
//     interview. A named speaker's medium one outlet gives is a claim too;
//     an unnamed one's only when outlets compare it;
//   - roles: the title or occupation an outlet gives a person beside the
//     name ("former mayor Bob Jones", "Ann Smith, the firm's finance
//     director,", "Bob Jones, 54, a retired teacher", "Finance director and
//     deputy chief executive Owen Carradine", "Sunita Vaughan, the
//     council's director of highways"), or a clause right after it ("who
//     is also the council's chief executive", "who chairs the planning
//     committee", "stepped down as mayor", "joined the firm as a cashier"),
//     normalised by NormaliseRole. A second post ("also") and a post held
//     before or left are facts compared with nothing. A family noun is a
//     role only as a title right before the name ("Grandmother Pauline
//     Shotter"). Read around the language layer's PERSON name mentions
//     within their sentence; a word inside another entity's mention (a
//     name, or a description the linker gave to someone else) ends the
//     phrase. Descriptions standing alone ("the chief executive said") are
//     not read: which person they mean is the linker's guess. Two roles one
//     sentence gives are held at once; two roles of one kind (CompareValues)
//     are too when one article gives both, or when some article gives the
//     person two of that kind; "former X" in an article printed after the
//     ones giving "X" is no conflict (the post may have ended between);
//   - spellings of an entity's name: aliases whose words differ by a letter
//     or two ("Kendal" and "Kendall") rather than being parts of the name;
//   - the year outlets give for one event or work: year mentions attached to
//     the same head noun ("the 2023 runway show", "the fall 2024 show"); and
//     the year or day of what a word says happened ("opened in 1974", "made
//     his debut in 2019", "resigned on Monday"), per subject (or, with none,
//     per the noun the sentence opens with); a month holds its days, and
//     days of the story's own event only agree, never conflict. One named
//     subject's same year or day under two event words, each given by one
//     source ("took office in April" / "has held the post since April"),
//     is one agreed claim when no third claim of that subject gives it.
// Values are collected per (subject, attribute), each value once with its
// articles merged, then shown as the reader needs them: the values that
// conflict make one "conflict" claim; each other value is a claim of its
// own ("agreed" or "single"), so a claim has several values exactly when
// they conflict and two roles a person holds at once are never one claim.
// A narrower value backs a wider one: "finance director" in one outlet and
// "director" in another make "director" agreed (both articles listed) and
// "finance director" single. Every value carries its articles and an
// evidence sentence. Near-duplicate articles (Story::duplicates) count
// once when deciding "agreed".
//
// Thread-safety: reentrant.
#ifndef STORYLINE_STORIES_CLAIMS_H_
#define STORYLINE_STORIES_CLAIMS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stories/quote_groups.h"
#include "stories/story_entities.h"
#include "stories/view_util.h"
#include "storyline/annotation.h"
#include "storyline/brief.h"

namespace storyline::stories {

// Appends the story's claims to story.claims. REQUIRES: story.entities came
// from `entities.Build()`, story.quotes[i] was built from quote_groups[i],
// story.duplicates is filled; `members` (publication order) outlive the call.
void AddClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
               const std::vector<std::vector<QuoteRef>>& quote_groups, Story& story);

// How value `a` of an attribute stands to value `b` of the same attribute.
enum class ValueRelation {
  kSame,        // equal
  kNarrower,    // `a` is a more specific form of `b` ("finance director" of
                // "director", "instagram_stories" of "instagram"): both hold
  kWider,       // the converse
  kCompatible,  // different, but both can be true ("founder" and "chief
                // executive"; "statement" and "x": a statement posted on X)
  kConflict,    // they cannot both be true
};

// Compares two values of `attribute`. For "role" (values from NormaliseRole):
// a value whose words contain the other's in order, a complement's words
// read first ("director of public health" as "public health director"), is
// narrower ("finance director" / "director"), unless the extra words change
// the rank ("deputy mayor" / "mayor": conflict); "former X" conflicts with
// "X"; two current titles with the same head noun of an office held once
// ("finance director" / "marketing director", "head of distribution" /
// "head of marketing", "chief executive" / "chief operating officer"), or
// with one head and a rank on one side only ("deputy leader" / "council
// leader"), conflict; so do two roles of one kind one person holds one of
// (lexicons/role_kinds.txt: staff posts named by two words or more, "plant
// manager" / "human resources director"; officers of a body, "chair" /
// "secretary"; "barrister" / "solicitor"); an acting, interim or caretaker
// post is compatible with any other; any other pair is compatible, since a
// person holds several roles at once. For "medium":
// platforms conflict with each other and with spoken occasions, documents
// ("statement", "letter") are compatible with platforms and occasions they
// can be published on or read out at, except an interview. For a "date
// ..." attribute a month is wider than a day in it ("2024-02" /
// "2024-02-20"). Any other attribute: equal values are the same, different
// ones conflict.
ValueRelation CompareValues(std::string_view attribute, std::string_view a, std::string_view b);

// The comparable form of a role phrase: case folded, articles, possessive
// owners ("the company's", "his") and words that do not change the role
// ("new", "longtime") dropped; "ex-" is "former"; "CEO", "chief executive
// officer" and "chief executive" are "chief executive" (likewise CFO, COO,
// CTO); "chairman"/"chairwoman" are "chair", "spokesman"/"spokeswoman"
// "spokesperson". "" when the phrase does not end in a role noun.
std::string NormaliseRole(std::string_view phrase);

// "conflict" when two of the claim's values conflict (CompareValues);
// otherwise "agreed" when one value, counting the articles of the narrower
// values that imply it, has two or more independent sources, else "single". `source_of` maps
// an article to the article it duplicates (itself when it is an original).
std::string ClaimStatus(const Claim& claim,
                        const std::unordered_map<std::string, std::string>& source_of);

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_CLAIMS_H_
