#include "stories/timeline.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>

#include "stories/story_view.h"
#include "stories/text_features.h"
#include "stories/view_util.h"

namespace storyline::stories {
namespace {

// Two sentences with the same date sharing at least this share of their
// content words tell the same event: outlets rewrite a wire sentence but
// keep its names and nouns ("the council voted on Tuesday to approve the
// tram line" / "councillors voted on Tuesday for the tram line").
constexpr double kSameEventSimilarity = 0.35;
// A full calendar day "YYYY-MM-DD": one day and one named participant is
// one event; a month or a year holds too many events for that.
constexpr size_t kDayLength = 10;

std::set<std::string> Terms(std::string_view s) {
  std::vector<std::string> terms = IndexTerms(s);
  return {terms.begin(), terms.end()};
}

double Jaccard(const std::set<std::string>& x, const std::set<std::string>& y) {
  if (x.empty() && y.empty()) return 1.0;
  size_t shared = 0;
  for (const std::string& t : x) shared += y.count(t);
  const size_t all = x.size() + y.size() - shared;
  return all == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(all);
}

// The calendar dates one sentence gives, in text order, each once.
struct SentenceDates {
  size_t at = 0;  // code point of the sentence's first date
  std::vector<std::string> dates;
};

// One entry per sentence with calendar dates: "voted on Tuesday to hold the
// election on January 30" is one event with two dates, not two events.
std::vector<SentenceDates> DatesBySentence(const AnnotatedArticle& a) {
  std::vector<SentenceDates> out;
  size_t sentence_end = 0;
  for (const DateMention& d : a.dates) {
    const std::string date = CalendarDatePrefix(d.value);
    if (date.empty()) continue;
    if (out.empty() || d.span.start >= sentence_end) {
      sentence_end = SIZE_MAX;
      for (const Span& s : a.sentences) {
        if (s.start <= d.span.start && d.span.start < s.end) sentence_end = s.end;
      }
      out.push_back({d.span.start, {}});
    }
    AddUnique(out.back().dates, date);
  }
  return out;
}

}  // namespace

double EventSimilarity(std::string_view a, std::string_view b) {
  return Jaccard(Terms(a), Terms(b));
}

// The story entity (person, organisation, work; not a place, which many
// events share) an event sentence is about: its first named mention, which
// in news prose is nearly always the grammatical subject ("Fox, 31, posted
// two videos on Monday"). Later names are objects or modifiers ("Kardashian's
// ex-husband") and would join unrelated events of the same day.
std::set<size_t> SentenceEntities(const AnnotatedArticle& a, size_t ai, size_t cp,
                                  EntityIndex& entities, const Story& story) {
  Span sentence{0, SIZE_MAX};
  for (const Span& s : a.sentences) {
    if (s.start <= cp && cp < s.end) sentence = s;
  }
  const EntityMention* first = nullptr;
  std::optional<size_t> entity;
  for (const EntityMention& m : a.entities) {
    if (m.span.start < sentence.start || m.span.end > sentence.end) continue;
    if (first != nullptr && first->span.start <= m.span.start) continue;
    const std::optional<size_t> e = entities.Lookup(ai, m.entity, m.text);
    if (!e || story.entities[*e].type == "PLACE") continue;
    first = &m;
    entity = e;
  }
  if (!entity) return {};
  return {*entity};
}

bool Intersect(const std::set<size_t>& x, const std::set<size_t>& y) {
  return std::any_of(x.begin(), x.end(), [&](size_t e) { return y.count(e) > 0; });
}

void AddTimeline(const std::vector<const AnnotatedArticle*>& members, EntityIndex& entities,
                 Story& story) {
  struct Entry {
    TimelineEntry entry;
    std::string folded;  // the evidence, case-folded with white space collapsed
    std::set<std::string> terms;
    std::set<size_t> named;  // story entities its sentences name
  };
  std::vector<Entry> entries;
  std::map<std::string, std::vector<size_t>> by_date;  // date -> entries
  for (size_t ai = 0; ai < members.size(); ++ai) {
    const AnnotatedArticle* a = members[ai];
    const TextView view(*a);
    for (const SentenceDates& sd : DatesBySentence(*a)) {
      const std::string& date = sd.dates.front();
      const std::string evidence = view.SentenceAt(sd.at);
      const std::string folded = FoldCase(CollapseWhitespace(evidence));
      const std::set<std::string> terms = Terms(evidence);
      const std::set<size_t> named = SentenceEntities(*a, ai, sd.at, entities, story);
      std::vector<size_t>& on_date = by_date[date];
      auto hit = std::find_if(on_date.begin(), on_date.end(), [&](size_t i) {
        const Entry& e = entries[i];
        return e.folded == folded || Jaccard(e.terms, terms) >= kSameEventSimilarity ||
               (date.size() == kDayLength && Intersect(e.named, named));
      });
      auto same = hit == on_date.end() ? entries.end() : entries.begin() + static_cast<std::ptrdiff_t>(*hit);
      if (same == entries.end()) {
        on_date.push_back(entries.size());
        Entry e;
        e.entry.date = date;
        e.entry.text = Shorten(evidence);
        e.entry.evidence = evidence;
        e.folded = folded;
        e.terms = terms;
        e.named = named;
        entries.push_back(std::move(e));
        same = entries.end() - 1;
      }
      for (const std::string& d : sd.dates) AddUnique(same->entry.dates, d);
      AddUnique(same->entry.articles, a->article.id);
    }
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& x, const Entry& y) { return x.entry.date < y.entry.date; });
  for (Entry& e : entries) story.timeline.push_back(std::move(e.entry));
}

}  // namespace storyline::stories
