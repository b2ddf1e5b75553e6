// story_entities.h: one entity per real person, organisation, place or
// work across a story's articles, with every surface form as an alias.
//
//   EntityIndex entities(members);            // the story's articles
//   std::vector<BriefEntity> e = entities.Build();
//   std::optional<size_t> i = entities.Lookup(article_index, "e3", "");
//
// Per-article entities (the language layer's in-article ids) are grouped by
// name across articles (case-insensitively), then a name that is one of the
// names or whole words of exactly one longer-named entity of a compatible
// type joins it.
//
// Thread-compatible.
#ifndef STORYLINE_STORIES_STORY_ENTITIES_H_
#define STORYLINE_STORIES_STORY_ENTITIES_H_

#include <algorithm>
#include <cstddef>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "stories/text_features.h"
#include "stories/view_util.h"
#include "storyline/annotation.h"
#include "storyline/brief.h"

namespace storyline::stories {

// One entity as named across the story: a union of per-article entities.
struct EntityGroup {
  std::string name;    // canonical spelling
  std::string folded;  // FoldCase(name)
  std::map<std::string, size_t> surfaces;  // surface form -> mentions
  std::map<std::string, size_t> types;     // contract type -> mentions
  std::set<std::string> folded_aliases;
  std::vector<std::string> articles;
  size_t mentions = 0;
  size_t parent = 0;  // union-find
};

// The per-article grouping key of a mention: the annotator's in-article
// entity id, or the folded text when the mention has no id.
std::string LocalKey(const std::string& entity_id, const std::string& text);

// The longest surface form (most specific), then the most used, then the
// smallest in byte order, so the choice never depends on input order.
std::string CanonicalName(const std::map<std::string, size_t>& surfaces);

class EntityIndex {
 public:
  explicit EntityIndex(const std::vector<const AnnotatedArticle*>& members) {
    for (size_t ai = 0; ai < members.size(); ++ai) AddArticle(ai, *members[ai]);
    MergeAliases();
  }

  // Brief entities, most widely reported first, with ids e1, e2, ...
  std::vector<BriefEntity> Build() {
    std::vector<size_t> roots;
    for (size_t g = 0; g < groups_.size(); ++g) {
      if (Find(g) == g) roots.push_back(g);
    }
    std::sort(roots.begin(), roots.end(), [&](size_t a, size_t b) {
      const EntityGroup& x = groups_[a];
      const EntityGroup& y = groups_[b];
      if (x.articles.size() != y.articles.size()) return x.articles.size() > y.articles.size();
      if (x.mentions != y.mentions) return x.mentions > y.mentions;
      return x.name < y.name;
    });
    std::vector<BriefEntity> out;
    for (size_t g : roots) {
      const EntityGroup& group = groups_[g];
      BriefEntity e;
      e.id = "e" + std::to_string(out.size() + 1);
      e.name = group.name;
      e.type = MajorityType(group.types);
      std::vector<std::pair<std::string, size_t>> surfaces(group.surfaces.begin(),
                                                           group.surfaces.end());
      std::stable_sort(surfaces.begin(), surfaces.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      for (const auto& [text, count] : surfaces) e.aliases.push_back(text);
      e.articles = group.articles;
      e.mentions = group.mentions;
      root_to_entity_[g] = out.size();
      out.push_back(std::move(e));
    }
    return out;
  }

  // REQUIRES: Build() was called. Index into Build()'s result of the
  // entity `entity_id` of article `ai`, or of the only entity named `name`.
  std::optional<size_t> Lookup(size_t ai, const std::string& entity_id,
                               const std::string& name) {
    if (!entity_id.empty()) {
      auto it = local_.find({ai, "id:" + entity_id});
      if (it != local_.end()) return root_to_entity_.at(Find(it->second));
    }
    if (!name.empty()) {
      if (std::optional<size_t> g = UniqueGroupWithAlias(FoldCase(CollapseWhitespace(name)))) {
        return root_to_entity_.at(*g);
      }
    }
    return std::nullopt;
  }

 private:
  void AddArticle(size_t ai, const AnnotatedArticle& a) {
    // Per-article entities first, so the canonical name sees all of an
    // entity's mentions in this article before it is grouped by name.
    struct Local {
      std::map<std::string, size_t> surfaces, types;
      size_t mentions = 0;
    };
    std::map<std::string, Local> locals;
    std::vector<std::string> order;
    for (const EntityMention& m : a.entities) {
      const std::string text = CollapseWhitespace(m.text);
      if (text.empty()) continue;
      const std::string key = LocalKey(m.entity, text);
      auto [it, inserted] = locals.try_emplace(key);
      if (inserted) order.push_back(key);
      ++it->second.surfaces[text];
      ++it->second.types[ContractType(m.type)];
      ++it->second.mentions;
    }
    for (const std::string& key : order) {
      const Local& l = locals[key];
      const std::string name = CanonicalName(l.surfaces);
      const std::string folded = FoldCase(name);
      auto [it, inserted] = by_name_.try_emplace(folded, groups_.size());
      if (inserted) {
        groups_.emplace_back();
        groups_.back().name = name;
        groups_.back().folded = folded;
        groups_.back().parent = it->second;
      }
      EntityGroup& g = groups_[it->second];
      for (const auto& [s, n] : l.surfaces) {
        g.surfaces[s] += n;
        g.folded_aliases.insert(FoldCase(s));
      }
      for (const auto& [t, n] : l.types) g.types[t] += n;
      g.mentions += l.mentions;
      AddUnique(g.articles, a.article.id);
      local_[{ai, key}] = it->second;
    }
  }

  // A name that is one of the names, or whole words of a name, of exactly
  // one longer-named entity of a compatible type is that entity
  // ("Brandvold" in one article, "Ilse Brandvold" in another). Two
  // candidates ("Kim" of "Kim Jones" and "Kim Lee") leave it alone.
  // Shortest names first, so chains end at the most specific name.
  void MergeAliases() {
    const std::unordered_map<std::string, std::vector<size_t>> subnames = SubnameIndex();
    std::vector<size_t> by_length(groups_.size());
    std::iota(by_length.begin(), by_length.end(), 0);
    std::stable_sort(by_length.begin(), by_length.end(), [&](size_t a, size_t b) {
      return CountCodePoints(groups_[a].folded) < CountCodePoints(groups_[b].folded);
    });
    for (size_t g : by_length) {
      auto it = subnames.find(groups_[g].folded);
      if (it == subnames.end()) continue;
      const size_t len = CountCodePoints(groups_[g].folded);
      const std::string type = MajorityType(groups_[g].types);
      std::set<size_t> targets;
      for (size_t h : it->second) {
        if (h == g || CountCodePoints(groups_[h].folded) <= len) continue;
        const std::string other_type = MajorityType(groups_[h].types);
        if (type != other_type && type != "OTHER" && other_type != "OTHER") continue;
        targets.insert(Find(h));
      }
      if (targets.size() == 1 && *targets.begin() != Find(g)) Union(g, *targets.begin());
    }
  }

  // Every run of whole words of every alias -> the groups having it. Names
  // are a few words long, so this is a handful of keys per alias; longer
  // "names" (tagger noise) are indexed only whole, to stay linear.
  std::unordered_map<std::string, std::vector<size_t>> SubnameIndex() const {
    constexpr size_t kMaxNameWords = 6;
    std::unordered_map<std::string, std::vector<size_t>> index;
    auto add = [&](const std::string& key, size_t h) {
      std::vector<size_t>& v = index[key];
      if (v.empty() || v.back() != h) v.push_back(h);
    };
    for (size_t h = 0; h < groups_.size(); ++h) {
      for (const std::string& alias : groups_[h].folded_aliases) {
        std::vector<std::string> words;
        for (size_t b = 0, e = 0; b < alias.size(); b = e + 1) {
          e = alias.find(' ', b);
          if (e == std::string::npos) e = alias.size();
          if (e > b) words.push_back(alias.substr(b, e - b));
        }
        if (words.size() > kMaxNameWords) {
          add(alias, h);
          continue;
        }
        for (size_t i = 0; i < words.size(); ++i) {
          std::string sub;
          for (size_t j = i; j < words.size(); ++j) {
            if (j > i) sub += ' ';
            sub += words[j];
            add(sub, h);
          }
        }
      }
    }
    return index;
  }

  std::optional<size_t> UniqueGroupWithAlias(const std::string& folded) {
    if (alias_index_.empty()) {
      for (size_t g = 0; g < groups_.size(); ++g) {
        for (const std::string& alias : groups_[g].folded_aliases) alias_index_[alias].push_back(g);
      }
    }
    auto it = alias_index_.find(folded);
    if (it == alias_index_.end()) return std::nullopt;
    std::set<size_t> roots;
    for (size_t g : it->second) roots.insert(Find(g));
    if (roots.size() != 1) return std::nullopt;
    return *roots.begin();
  }

  size_t Find(size_t g) {
    while (groups_[g].parent != g) {
      groups_[g].parent = groups_[groups_[g].parent].parent;
      g = groups_[g].parent;
    }
    return g;
  }

  // Moves everything of `from`'s root into `into` (a root); `into` keeps its name.
  void Union(size_t from, size_t into) {
    from = Find(from);
    EntityGroup& src = groups_[from];
    EntityGroup& dst = groups_[into];
    for (const auto& [s, n] : src.surfaces) dst.surfaces[s] += n;
    for (const auto& [t, n] : src.types) dst.types[t] += n;
    dst.folded_aliases.insert(src.folded_aliases.begin(), src.folded_aliases.end());
    for (const std::string& a : src.articles) AddUnique(dst.articles, a);
    dst.mentions += src.mentions;
    src.parent = into;
  }

  static std::string MajorityType(const std::map<std::string, size_t>& types) {
    std::string best = "OTHER";
    size_t best_count = 0;
    for (const auto& [type, count] : types) {
      if (count > best_count || (count == best_count && TypeRank(type) < TypeRank(best))) {
        best = type;
        best_count = count;
      }
    }
    return best;
  }

  std::vector<EntityGroup> groups_;
  std::unordered_map<std::string, size_t> by_name_;       // folded name -> group
  std::map<std::pair<size_t, std::string>, size_t> local_;  // (article, key) -> group
  std::unordered_map<size_t, size_t> root_to_entity_;     // root group -> Build() index
  std::unordered_map<std::string, std::vector<size_t>> alias_index_;  // built on first use
};


}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_STORY_ENTITIES_H_
