#include "stories/claims.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "stories/text_features.h"
#include "stories/view_util.h"

namespace storyline::stories {
namespace {

// A name word shorter than this is an initial or a nickname ("Ye", "Jo"):
// one letter changes it into another name, not a misspelling.
constexpr size_t kMinNameWordCodePoints = 4;
// Words this long tolerate two typos ("Gvasalia"/"Gvasallia" and a
// dropped accent), shorter ones one.
constexpr size_t kTwoEditCodePoints = 8;
// Head-phrase words read after a year mention ("2023 Balenciaga runway
// show"): a noun phrase in English rarely has more modifiers than this.
constexpr size_t kMaxHeadPhraseWords = 4;
// Year mentions compared per head word: enough for every subject a story
// gives a year to ("show", "campaign"), bounded so one common word cannot
// make the comparison quadratic.
constexpr size_t kMaxMentionsPerWord = 32;

// Builds claims keyed by (subject, attribute), each value keyed by its text.
class ClaimTable {
 public:
  explicit ClaimTable(Story& story) : story_(story) {}

  void Add(const std::string& key, const std::string& subject, const std::string& subject_name,
           const std::string& attribute, const std::string& value, const std::string& article,
           const std::string& evidence) {
    auto [it, inserted] = index_.try_emplace(key, claims_.size());
    if (inserted) {
      Claim c;
      c.subject = subject;
      c.subject_name = subject_name;
      c.attribute = attribute;
      claims_.push_back(std::move(c));
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
  }

  // Moves the claims into the story; `keep` decides which make it.
  template <typename Keep>
  void Flush(const std::unordered_map<std::string, std::string>& source_of, Keep keep) {
    for (Claim& c : claims_) {
      c.status = ClaimStatus(c, source_of);
      if (keep(c)) story_.claims.push_back(std::move(c));
    }
    claims_.clear();
    index_.clear();
  }

 private:
  Story& story_;
  std::vector<Claim> claims_;
  std::map<std::string, size_t> index_;
};

bool IsCurrencyCode(const std::string& unit) {
  return unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char ch) {
           return ch >= 'A' && ch <= 'Z';
         });
}

std::string QuantityAttribute(const std::string& unit, const std::string& subject_type) {
  const std::string folded = FoldCase(unit);
  if ((folded == "years" || folded == "year") && subject_type == "PERSON") return "age";
  if (IsCurrencyCode(unit)) return "amount";
  if (unit.empty()) return "count";
  return unit;
}

void QuantityClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
                    const Story& story, ClaimTable& table) {
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle& a = *members[ai];
    const TextView view(a);
    for (const Quantity& q : a.quantities) {
      if (q.subject.empty()) continue;  // a claim is about someone or something
      const std::optional<size_t> e = entities.Lookup(ai, q.subject, "");
      if (!e) continue;
      const BriefEntity& subject = story.entities[*e];
      const std::string attribute = QuantityAttribute(q.unit, subject.type);
      const std::string value = attribute == "amount" ? fmt::format("{} {}", q.value, q.unit)
                                                      : fmt::format("{}", q.value);
      table.Add(fmt::format("q|{}|{}|{}", *e, attribute, q.unit), subject.id, subject.name,
                attribute, value, a.article.id, view.SentenceAt(q.span.start));
    }
  }
}

// Words that, after "Name, 45", make the number a count rather than an
// age ("Smith, 45 minutes later", "Jones, 12 others").
constexpr std::string_view kNotAgeWords[] = {
    "years", "year", "minutes", "hours", "days", "weeks", "months", "percent",
    "people", "others", "of", "and", "or", "more", "million", "billion", "thousand"};

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
    for (std::string_view w : kNotAgeWords) {
      if (next.front().folded == w) return 0;
    }
  }
  return age >= 1 && age <= kMaxAge ? age : 0;
}

// Ages the quantity annotator did not tie to a person: "Name, NN".
void AppositiveAgeClaims(const std::vector<const AnnotatedArticle*>& members,
                         EntityIndex& entities, const Story& story, ClaimTable& table) {
  // Enough text after a name for ", 119 " and the next word.
  constexpr size_t kLookahead = 24;
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
      const std::optional<size_t> e = entities.Lookup(ai, m.entity, m.text);
      if (!e) continue;
      const BriefEntity& subject = story.entities[*e];
      table.Add(fmt::format("q|{}|age|years", *e), subject.id, subject.name, "age",
                std::to_string(age), a.article.id, view.SentenceAt(m.span.start));
    }
  }
}

// The medium each outlet says a quotation was published on. A quotation
// whose medium only one article names is not a claim worth listing.
void MediumClaims(const std::vector<const AnnotatedArticle*>& members,
                  const std::vector<std::vector<QuoteRef>>& groups, const Story& story,
                  ClaimTable& table) {
  for (size_t g = 0; g < groups.size() && g < story.quotes.size(); ++g) {
    const BriefQuote& bq = story.quotes[g];
    for (const QuoteRef& r : groups[g]) {
      const AnnotatedArticle& a = *members[r.article];
      const Quote& q = a.quotes[r.quote];
      if (q.medium.empty()) continue;
      const std::string subject_name =
          bq.speaker_name.empty() ? std::string("quote ") + bq.id : bq.speaker_name;
      table.Add("m|" + bq.id, bq.speaker, subject_name, "medium", q.medium, a.article.id,
                TextView(a).SentenceAt(q.span.start));
    }
  }
}

// Decodes UTF-8 into code points (invalid bytes stand for themselves).
std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    char32_t cp = c;
    if (c >= 0xF0 && i + 3 < s.size()) {
      len = 4;
      cp = c & 0x07;
    } else if (c >= 0xE0 && i + 2 < s.size()) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xC0 && i + 1 < s.size()) {
      len = 2;
      cp = c & 0x1F;
    }
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

bool IsPluralOrPossessive(std::string_view shorter, std::string_view longer) {
  if (longer.size() <= shorter.size() || longer.substr(0, shorter.size()) != shorter) return false;
  const std::string_view rest = longer.substr(shorter.size());
  return rest == "s" || rest == "'s" || rest == "es" || rest == "\xE2\x80\x99s";
}

// Per entity, every name word spelled two ways across (or within) the
// story's articles.
void NameClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
                const Story& story, ClaimTable& table) {
  struct Seen {
    std::string spelling;  // first surface form seen
    std::vector<std::pair<std::string, std::string>> uses;  // (article, evidence)
  };
  // entity -> folded word -> where it was seen
  std::map<size_t, std::map<std::string, Seen>> words;
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle& a = *members[ai];
    const TextView view(a);
    for (const EntityMention& m : a.entities) {
      const std::optional<size_t> e = entities.Lookup(ai, m.entity, m.text);
      if (!e || story.entities[*e].type == "PLACE") continue;
      for (const WordToken& t : Tokenize(m.text)) {
        if (!t.capitalised || !t.has_letter) continue;
        if (CountCodePoints(t.folded) < kMinNameWordCodePoints) continue;
        Seen& s = words[*e][t.folded];
        if (s.spelling.empty()) s.spelling = m.text.substr(t.begin, t.end - t.begin);
        s.uses.emplace_back(a.article.id, view.SentenceAt(m.span.start));
      }
    }
  }
  for (const auto& [e, seen] : words) {
    const BriefEntity& entity = story.entities[e];
    for (auto x = seen.begin(); x != seen.end(); ++x) {
      for (auto y = std::next(x); y != seen.end(); ++y) {
        if (!SpellingVariants(x->first, y->first)) continue;
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

// One year given for a thing: "the 2023 runway show".
struct YearMention {
  std::string article, year, evidence;
  std::optional<size_t> subject;    // entity index
  std::vector<std::string> words;   // folded lower-case words of the head phrase
};

std::vector<YearMention> FindYearMentions(const std::vector<const AnnotatedArticle*>& members,
                                          EntityIndex& entities, const Story& story) {
  std::vector<YearMention> out;
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle& a = *members[ai];
    const TextView view(a);
    for (const DateMention& d : a.dates) {
      if (!IsYearValue(d.value)) continue;
      size_t sentence_end = view.cp_length();
      for (const Span& s : a.sentences) {
        if (s.start <= d.span.start && d.span.start < s.end) sentence_end = s.end;
      }
      const std::string after = view.Slice(d.span.end, sentence_end);
      const std::vector<WordToken> phrase = HeadPhrase(after);
      YearMention m;
      for (const WordToken& t : phrase) {
        // Names in the phrase say whose thing it is (the subject), not what.
        if (!t.capitalised) m.words.push_back(t.folded);
      }
      if (m.words.empty()) continue;
      const size_t phrase_end = d.span.end + CountCodePoints(after.substr(0, phrase.back().end));
      m.subject = PhraseSubject(a, ai, entities, story, d.span.start, phrase_end);
      m.article = a.article.id;
      m.year = d.value.substr(0, 4);
      m.evidence = view.SentenceAt(d.span.start);
      out.push_back(std::move(m));
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
  // Candidates share a head word: an index from word to mentions keeps
  // this linear in a story with thousands of year mentions.
  std::map<std::string, std::vector<size_t>> by_word;
  for (size_t i = 0; i < mentions.size(); ++i) {
    for (const std::string& w : mentions[i].words) {
      std::vector<size_t>& seen = by_word[w];
      for (size_t j : seen) {
        const bool same_subject = mentions[i].subject == mentions[j].subject ||
                                  !mentions[i].subject || !mentions[j].subject;
        if (same_subject) parent[find(i)] = find(j);
      }
      if (seen.size() < kMaxMentionsPerWord) seen.push_back(i);
    }
  }
  for (size_t i = 0; i < mentions.size(); ++i) {
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
    const std::string subject = subject_entity ? story.entities[*subject_entity].id : "";
    table.Add(fmt::format("y|{}", root), subject, name, "year", mentions[i].year,
              mentions[i].article, mentions[i].evidence);
  }
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  const std::u32string x = CodePoints(a), y = CodePoints(b);
  std::vector<size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] != y[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

bool SpellingVariants(std::string_view a, std::string_view b) {
  if (a == b) return false;
  const std::string_view shorter = a.size() <= b.size() ? a : b;
  const std::string_view longer = a.size() <= b.size() ? b : a;
  if (IsPluralOrPossessive(shorter, longer)) return false;
  const size_t len = std::min(CountCodePoints(a), CountCodePoints(b));
  if (len < kMinNameWordCodePoints) return false;
  // A prefix is a shortened name, not a misspelling, unless only one
  // letter is missing ("Kendal" for "Kendall").
  const size_t distance = EditDistance(a, b);
  if (longer.substr(0, shorter.size()) == shorter && distance > 1) return false;
  return distance <= (len >= kTwoEditCodePoints ? 2u : 1u);
}

std::string ClaimStatus(const Claim& claim,
                        const std::unordered_map<std::string, std::string>& source_of) {
  if (claim.values.size() > 1) return "conflict";
  std::set<std::string> sources;
  for (const ClaimValue& v : claim.values) {
    for (const std::string& article : v.articles) {
      auto it = source_of.find(article);
      sources.insert(it == source_of.end() ? article : it->second);
    }
  }
  return sources.size() > 1 ? "agreed" : "single";
}

void AddClaims(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
               const std::vector<std::vector<QuoteRef>>& quote_groups, Story& story) {
  std::unordered_map<std::string, std::string> source_of;
  for (const DuplicateArticle& d : story.duplicates) source_of.emplace(d.article, d.duplicate_of);
  ClaimTable table(story);
  QuantityClaims(members, entities, story, table);
  AppositiveAgeClaims(members, entities, story, table);
  table.Flush(source_of, [](const Claim&) { return true; });
  // A medium named by one article only, or one spelling or one year, is
  // no comparison: those are kept only when outlets agree or disagree.
  const auto compared = [](const Claim& c) {
    return c.values.size() > 1 || c.values.front().articles.size() > 1;
  };
  MediumClaims(members, quote_groups, story, table);
  table.Flush(source_of, compared);
  NameClaims(members, entities, story, table);
  table.Flush(source_of, [](const Claim& c) { return c.values.size() > 1; });
  YearClaims(members, entities, story, table);
  table.Flush(source_of, compared);
}

}  // namespace storyline::stories
