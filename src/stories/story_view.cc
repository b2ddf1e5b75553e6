#include "stories/story_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "stories/text_features.h"

namespace storyline::stories {
namespace {

// A timeline entry's text is a one-line summary; the full sentence stays in
// its evidence. 200 code points keeps a long sentence readable in a list.
constexpr size_t kMaxEventTextCodePoints = 200;

// The contract's entity types, in the order that breaks ties between them.
constexpr std::string_view kEntityTypes[] = {"PERSON", "ORG", "PLACE", "WORK", "OTHER"};

// Other taggers' names for the same types (CoNLL, OntoNotes, spaCy).
constexpr std::pair<std::string_view, std::string_view> kTypeAliases[] = {
    {"PER", "PERSON"},         {"ORGANIZATION", "ORG"}, {"ORGANISATION", "ORG"},
    {"LOC", "PLACE"},          {"LOCATION", "PLACE"},   {"GPE", "PLACE"},
    {"FAC", "PLACE"},          {"WORK_OF_ART", "WORK"}, {"MISC", "OTHER"},
    {"NORP", "OTHER"},
};

std::string ContractType(const std::string& type) {
  std::string upper = type;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  for (std::string_view t : kEntityTypes) {
    if (upper == t) return upper;
  }
  for (const auto& [from, to] : kTypeAliases) {
    if (upper == from) return std::string(to);
  }
  return "OTHER";
}

size_t TypeRank(const std::string& type) {
  for (size_t i = 0; i < std::size(kEntityTypes); ++i) {
    if (type == kEntityTypes[i]) return i;
  }
  return std::size(kEntityTypes);
}

std::string TrimWhitespace(std::string_view s) {
  const auto is_space = [](char ch) {
    return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v';
  };
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

// Code point -> byte offsets for one article's text, built once per article
// so every span lookup is O(1).
class TextView {
 public:
  explicit TextView(const AnnotatedArticle& a) : a_(a) {
    const std::string& t = a.article.text;
    byte_of_.reserve(t.size() + 1);
    for (size_t b = 0; b < t.size(); ++b) {
      if ((static_cast<unsigned char>(t[b]) & 0xC0) != 0x80) byte_of_.push_back(b);
    }
    byte_of_.push_back(t.size());
  }

  size_t cp_length() const { return byte_of_.size() - 1; }

  std::string Slice(size_t start, size_t end) const {
    start = std::min(start, cp_length());
    end = std::clamp(end, start, cp_length());
    return a_.article.text.substr(byte_of_[start], byte_of_[end] - byte_of_[start]);
  }

  // The sentence containing code point `cp`: from the annotation when the
  // language layer found sentences, else the paragraph around it.
  std::string SentenceAt(size_t cp) const {
    for (const Span& s : a_.sentences) {
      if (s.start <= cp && cp < s.end) return TrimWhitespace(Slice(s.start, s.end));
    }
    const std::string& t = a_.article.text;
    const size_t at = byte_of_[std::min(cp, cp_length())];
    const size_t para_start = t.rfind("\n\n", at);
    size_t b = para_start == std::string::npos ? 0 : para_start + 2;
    size_t e = t.find("\n\n", at);
    if (e == std::string::npos) e = t.size();
    b = std::min(b, e);
    return TrimWhitespace(std::string_view(t).substr(b, e - b));
  }

 private:
  const AnnotatedArticle& a_;
  std::vector<size_t> byte_of_;
};

std::string Shorten(const std::string& sentence) {
  std::string s = CollapseWhitespace(sentence);
  if (CountCodePoints(s) <= kMaxEventTextCodePoints) return s;
  size_t cut = ByteOffsetOfCodePoint(s, kMaxEventTextCodePoints);
  const size_t space = s.rfind(' ', cut);
  if (space != std::string::npos && space > 0) cut = space;
  return s.substr(0, cut) + "\xE2\x80\xA6";  // U+2026 HORIZONTAL ELLIPSIS
}

void AddUnique(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

// ---- entities -------------------------------------------------------------

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
std::string LocalKey(const std::string& entity_id, const std::string& text) {
  return entity_id.empty() ? "text:" + FoldCase(CollapseWhitespace(text)) : "id:" + entity_id;
}

// The longest surface form (most specific), then the most used, then the
// smallest in byte order, so the choice never depends on input order.
std::string CanonicalName(const std::map<std::string, size_t>& surfaces) {
  std::string best;
  size_t best_len = 0, best_count = 0;
  for (const auto& [text, count] : surfaces) {
    const size_t len = CountCodePoints(text);
    if (best.empty() || len > best_len || (len == best_len && count > best_count)) {
      best = text;
      best_len = len;
      best_count = count;
    }
  }
  return best;
}

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

// ---- quotes, timeline, claims ----------------------------------------------

void AddQuotes(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
               Story& story) {
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle& a = *members[ai];
    for (const Quote& q : a.quotes) {
      BriefQuote bq;
      bq.id = "q" + std::to_string(story.quotes.size() + 1);
      bq.speaker_name = q.speaker_name;
      if (std::optional<size_t> e = entities.Lookup(ai, q.speaker, q.speaker_name)) {
        bq.speaker = story.entities[*e].id;
        if (bq.speaker_name.empty()) bq.speaker_name = story.entities[*e].name;
      }
      bq.text = q.text;
      QuoteOccurrence o;
      o.article = a.article.id;
      o.text = q.text;
      o.start = q.span.start;
      o.end = q.span.end;
      o.cue = q.cue;
      o.kind = q.kind;
      o.medium = q.medium;
      bq.occurrences.push_back(std::move(o));
      story.quotes.push_back(std::move(bq));
    }
  }
}

void AddTimeline(const std::vector<const AnnotatedArticle*>& members, Story& story) {
  // (date, sentence) -> entry: the same event sentence reprinted by several
  // outlets is one entry citing all of them.
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (const AnnotatedArticle* a : members) {
    const TextView view(*a);
    for (const DateMention& d : a->dates) {
      const std::string date = CalendarDatePrefix(d.value);
      if (date.empty()) continue;
      const std::string evidence = view.SentenceAt(d.span.start);
      const std::pair<std::string, std::string> key{date, FoldCase(CollapseWhitespace(evidence))};
      auto [it, inserted] = index.try_emplace(key, story.timeline.size());
      if (inserted) {
        TimelineEntry t;
        t.date = date;
        t.text = Shorten(evidence);
        t.evidence = evidence;
        story.timeline.push_back(std::move(t));
      }
      AddUnique(story.timeline[it->second].articles, a->article.id);
    }
  }
  std::stable_sort(story.timeline.begin(), story.timeline.end(),
                   [](const TimelineEntry& x, const TimelineEntry& y) { return x.date < y.date; });
}

bool IsCurrencyCode(const std::string& unit) {
  return unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char ch) {
           return ch >= 'A' && ch <= 'Z';
         });
}

std::string ClaimAttribute(const std::string& unit, const std::string& subject_type) {
  const std::string folded = FoldCase(unit);
  if ((folded == "years" || folded == "year") && subject_type == "PERSON") return "age";
  if (IsCurrencyCode(unit)) return "amount";
  if (unit.empty()) return "count";
  return unit;
}

void AddClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
               Story& story) {
  // (subject entity, attribute, unit) -> claim
  std::map<std::tuple<size_t, std::string, std::string>, size_t> index;
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle& a = *members[ai];
    const TextView view(a);
    for (const Quantity& q : a.quantities) {
      if (q.subject.empty()) continue;  // a claim is about someone or something
      const std::optional<size_t> e = entities.Lookup(ai, q.subject, "");
      if (!e) continue;
      const BriefEntity& subject = story.entities[*e];
      const std::string attribute = ClaimAttribute(q.unit, subject.type);
      auto [it, inserted] = index.try_emplace({*e, attribute, q.unit}, story.claims.size());
      if (inserted) {
        Claim c;
        c.subject = subject.id;
        c.subject_name = subject.name;
        c.attribute = attribute;
        story.claims.push_back(std::move(c));
      }
      Claim& claim = story.claims[it->second];
      const std::string value = attribute == "amount" ? fmt::format("{} {}", q.value, q.unit)
                                                      : fmt::format("{}", q.value);
      auto v = std::find_if(claim.values.begin(), claim.values.end(),
                            [&](const ClaimValue& cv) { return cv.value == value; });
      if (v == claim.values.end()) {
        ClaimValue cv;
        cv.value = value;
        cv.evidence = view.SentenceAt(q.span.start);
        claim.values.push_back(std::move(cv));
        v = claim.values.end() - 1;
      }
      AddUnique(v->articles, a.article.id);
    }
  }
  for (Claim& c : story.claims) {
    if (c.values.size() > 1) {
      c.status = "conflict";
    } else {
      c.status = c.values.front().articles.size() > 1 ? "agreed" : "single";
    }
  }
}

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// "YYYY-MM" of a day count from DaysFromCivil.
std::string YearMonthOfDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int64_t y = yoe + era * 400 + (m <= 2);
  return fmt::format("{:04d}-{:02d}", y, m);
}

// The month of an ISO week value "YYYY-Www", so "last week" lands in a
// month on the timeline rather than only a year: the month of the week's
// Monday, because news reports weeks in the past tense ("earlier this week"
// happened between the Monday and the publication day). "" when `value` is
// not a valid ISO week (week 53 exists only when its Thursday is in YYYY).
std::string MonthOfIsoWeek(const std::string& value) {
  constexpr int kMaxIsoWeek = 53;
  if (value.size() != 8 || value[4] != '-' || value[5] != 'W') return "";
  const std::string_view digits = std::string_view(value).substr(6, 2);
  if (!AllDigits(std::string_view(value).substr(0, 4)) || !AllDigits(digits)) return "";
  const int year = std::stoi(value.substr(0, 4));
  const int week = (digits[0] - '0') * 10 + (digits[1] - '0');
  if (week < 1 || week > kMaxIsoWeek) return "";
  const int64_t jan4 = DaysFromCivil(year, 1, 4);
  const int64_t jan4_weekday = ((jan4 % 7) + 7 + 3) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
  const int64_t monday = jan4 - jan4_weekday + 7 * (week - 1);
  const std::string thursday_month = YearMonthOfDays(monday + 3);
  if (week == kMaxIsoWeek && thursday_month.substr(0, 4) != value.substr(0, 4)) return "";
  return YearMonthOfDays(monday);
}

}  // namespace

std::string CalendarDatePrefix(const std::string& value) {
  constexpr int kMonths = 12;
  constexpr int kMaxDay = 31;
  if (value.size() < 4 || !AllDigits(std::string_view(value).substr(0, 4))) return "";
  std::string out = value.substr(0, 4);
  const auto two_digits_at = [&](size_t pos, int max) -> int {
    if (value.size() < pos + 3 || value[pos] != '-') return -1;
    const std::string_view d = std::string_view(value).substr(pos + 1, 2);
    if (!AllDigits(d)) return -1;
    const int n = (d[0] - '0') * 10 + (d[1] - '0');
    if (value.size() > pos + 3 && std::isdigit(static_cast<unsigned char>(value[pos + 3]))) {
      return -1;
    }
    return n >= 1 && n <= max ? n : -1;
  };
  if (value.size() > 4 && std::isdigit(static_cast<unsigned char>(value[4]))) return "";
  if (std::string month = MonthOfIsoWeek(value); !month.empty()) return month;
  if (two_digits_at(4, kMonths) < 0) return out;
  out = value.substr(0, 7);
  if (two_digits_at(7, kMaxDay) < 0) return out;
  return value.substr(0, 10);
}

void FillStoryView(const std::vector<const AnnotatedArticle*>& members, Story& story) {
  EntityIndex entities(members);
  story.entities = entities.Build();
  AddQuotes(members, entities, story);
  AddTimeline(members, story);
  AddClaims(members, entities, story);
}

}  // namespace storyline::stories
