// story_entities.h: one entity per real person, organisation, place or
// work across a story's articles, with every surface form as an alias.
//
//   EntityIndex entities(members);            // the story's articles
//   std::vector<BriefEntity> e = entities.Build();
//   std::optional<size_t> i = entities.Lookup(article_index, "e3", "");
//
// Per-article entities (the language layer's in-article ids) are grouped
// across articles by name key (case folded, diacritics, a possessive ending,
// a leading "the" and full stops dropped: "Sánchez's" = "sanchez"). Then,
// shortest names first:
//  - a name that is whole words of longer names ("Brandvold", "Ilse" of
//    "Ilse Brandvold"; for anything but people only the end of the name,
//    "Air Force" of "U.S. Air Force", or its start before legal-form words,
//    "Chrysler" of "Chrysler LLC") joins the one such entity of a
//    compatible type; with several ("Smith" of "John Smith" and "Jane
//    Smith") the one that has it as an alias, else the one the context
//    picks out (shared role nouns, names in the same sentences), or none;
//  - descriptions ("the company") never join entities across articles, and
//    never name an entity that also has a name;
//  - a one-letter variant (one substitution, insertion, deletion or swap of
//    neighbours in one word of at least five letters: "Kendal"/"Kendall",
//    "Denna"/"Demna") joins when the context agrees: a compatible type, a
//    shared role noun or a name both are mentioned beside, no role nouns
//    that disagree ("Maria Costa, the architect" vs "Mario Costa, the
//    chef"), never two entities the language layer kept apart in one
//    article, and no other candidate as close;
//  - an acronym ("NRC") joins the one multi-word organisation or place whose
//    initials it is.
// The canonical name is the most reported full spelling (most articles,
// then most mentions; for people among the fullest names), so a
// misspelling seen once never names the entity.
//
// Thread-compatible: Build() and Lookup() update caches.
#ifndef STORYLINE_STORIES_STORY_ENTITIES_H_
#define STORYLINE_STORIES_STORY_ENTITIES_H_

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storyline/annotation.h"
#include "storyline/brief.h"

namespace storyline::stories {

// One entity as named across the story: a union of per-article entities.
struct EntityGroup {
  std::string key;                                  // NameKey of its first name
  std::map<std::string, size_t> surfaces;           // surface form -> mentions
  std::map<std::string, std::set<size_t>> surface_articles;  // surface -> article indices
  std::map<std::string, size_t> types;              // contract type -> mentions
  std::set<std::string> keys;                       // NameKey of every surface
  std::vector<std::string> articles;                // article ids, first-seen order
  std::set<size_t> article_indices;
  std::set<std::string> roles;      // role nouns written around its mentions
  std::set<size_t> neighbours;      // groups named in the same sentences
  size_t mentions = 0;
  size_t parent = 0;  // union-find
};

// The key under which names are the same name: case folded, diacritics
// removed, a possessive ending, a leading "the", full stops and hyphens
// dropped, white space collapsed ("The U.S.'s" -> "us").
std::string NameKey(const std::string& name);

// The per-article grouping key of a mention: the annotator's in-article
// entity id, or the name key when the mention has no id.
std::string LocalKey(const std::string& entity_id, const std::string& text);

// The entity's name from its surface forms (a possessive ending dropped):
// names before descriptions ("the company"); for a person the forms with
// the most words (the full name), for anything else all forms; then not
// written in capitals only, seen in most articles, most words, most used,
// longest, smallest in byte order, so the choice never depends on input
// order and a misspelling seen once never wins. `articles` maps a surface to the number
// of articles it appears in (missing: 1).
std::string CanonicalName(const std::map<std::string, size_t>& surfaces,
                          const std::map<std::string, size_t>& articles = {}, bool person = true);

// True when two words are one edit apart (one code point substituted,
// inserted or deleted, or two neighbours swapped) and long enough for that
// to be a misspelling rather than another name: letters only, the shorter at
// least four code points and the longer at least five.
bool OneLetterVariant(const std::string& a, const std::string& b);

class EntityIndex {
 public:
  // `members` must outlive the constructor only (everything needed is copied).
  explicit EntityIndex(const std::vector<const AnnotatedArticle*>& members);

  // Brief entities, most widely reported first, with ids e1, e2, ...
  std::vector<BriefEntity> Build();

  // REQUIRES: Build() was called. Index into Build()'s result of the
  // entity `entity_id` of article `ai`, or of the only entity named `name`.
  std::optional<size_t> Lookup(size_t ai, const std::string& entity_id, const std::string& name);

 private:
  // How well the contexts of two root groups agree.
  struct Agreement {
    size_t shared_roles = 0;
    size_t shared_neighbours = 0;
    bool roles_conflict = false;  // both have role nouns, none in common
    size_t Score() const;
  };

  void AddArticle(size_t ai, const AnnotatedArticle& a);
  void JoinSubnames();
  // Deletion neighbourhood of a word -> groups with a word having it.
  using VariantIndex = std::unordered_map<std::string, std::vector<size_t>>;

  void JoinVariants();
  // Roots of other groups with a name one letter off a name of group `g`
  // (a run of its words, one word a OneLetterVariant), of a compatible type
  // and never in one article with it.
  // Groups one typo away from group g; `*full_names` gets those whose
  // name has another word in common with g's ("Neville Osei" / "Neville
  // Osie"), which need no further evidence.
  std::set<size_t> VariantCandidates(size_t g, const VariantIndex& index, std::set<size_t>* full_names);
  // "Aurel Maddox" / "Aurel Madocks", "Dominic Farrance" / "Dominic
  // Farrants", "Anneke Voss" / "Anneke Vos": one first name, surnames that
  // sound alike (SoundsAlike) or are spelt alike (SpellingVariants,
  // DoubledLetterVariant); or one surname and first names a doubled letter
  // apart ("Callum" / "Calum") or alike as said ("Priti" / "Preeti",
  // SaidAlike); never in one article: one person. A shared first name may
  // be short ("Tom Askwith" / "Tom Asquith"). Two-word organisation names
  // whose first words sound or are spelt alike, the second the same
  // ("Halyard Capital" / "Halliard Capital"), are one firm too.
  void JoinSoundAlikes();
  // Whether root groups g and h have a role noun in common, "boss" counting
  // as any office one holds once ("manager", "chief").
  bool ShareRole(size_t g, size_t h);
  void JoinAcronyms();
  std::unordered_map<std::string, std::vector<size_t>> SubnameIndex() const;
  Agreement Compare(size_t g, size_t h);
  bool TypesCompatible(size_t g, size_t h) const;
  // The one candidate root the context picks, or nullopt. With one
  // candidate it only needs no conflict (and evidence when
  // `need_evidence`); with several, strictly more evidence than any other.
  std::optional<size_t> Choose(size_t g, const std::set<size_t>& candidates, bool need_evidence);
  std::optional<size_t> UniqueGroupWithKey(const std::string& key);
  size_t Find(size_t g);
  void Union(size_t a, size_t b);

  std::vector<EntityGroup> groups_;
  std::unordered_map<std::string, size_t> by_key_;          // name key -> group
  std::map<std::pair<size_t, std::string>, size_t> local_;  // (article, key) -> group
  std::unordered_map<size_t, size_t> root_to_entity_;       // root group -> Build() index
  std::unordered_map<std::string, std::vector<size_t>> alias_index_;  // built on first use
};

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_STORY_ENTITIES_H_
