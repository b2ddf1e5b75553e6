// JSON renderers: the brief contract (schema/brief.schema.json) and the
// `extract --json` / `annotate --json` objects of DESIGN.md.
//
// Fields keep the contract's order (ordered_json) so output diffs well.
// Strings the model leaves empty mean "unknown" and become null where the
// contract allows null. Values the contract cannot express (a date that is
// not YYYY[-MM[-DD]], an entity type outside its enum) are normalised here
// rather than emitted invalid, so every brief validates.

#include <algorithm>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "render/render_internal.h"
#include "storyline/render.h"

namespace storyline {
namespace render {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kPrettyIndent = 2;

constexpr std::string_view kEntityTypes[] = {"PERSON", "ORG", "PLACE", "WORK", "OTHER"};

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json DateOrNull(const std::string& s) { return IsContractDate(s) ? Json(s) : Json(nullptr); }

std::string ContractEntityType(const std::string& type) {
  for (std::string_view t : kEntityTypes) {
    if (type == t) return type;
  }
  return "OTHER";
}

Json StringArray(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const std::string& s : v) a.push_back(s);
  return a;
}

// Serialises with invalid UTF-8 replaced by U+FFFD, so a damaged byte in one
// article never makes the whole brief unwritable.
std::string Dump(const Json& j, int indent) {
  try {
    return j.dump(indent, ' ', false, Json::error_handler_t::replace);
  } catch (const nlohmann::json::exception&) {
    // Not reachable with the replace handler; caught because no exception
    // may cross the public header.
    return R"({"error":"storyline: JSON serialisation failed"})";
  }
}

Json BriefArticle(const Article& a) {
  Json j;
  j["id"] = a.id;
  j["title"] = a.title;
  j["outlet"] = OrNull(a.outlet);
  j["published"] = DateOrNull(a.published);
  j["published_source"] = a.published.empty() ? Json() : OrNull(a.published_source);
  j["url"] = OrNull(a.url);
  j["author"] = OrNull(a.author);
  j["authors"] = StringArray(a.authors);
  j["boilerplate_removed"] = StringArray(a.boilerplate_removed);
  return j;
}

Json EntityJson(const BriefEntity& e) {
  Json j;
  j["id"] = e.id;
  j["name"] = e.name;
  j["type"] = ContractEntityType(e.type);
  j["aliases"] = StringArray(e.aliases);
  j["articles"] = StringArray(e.articles);
  j["mentions"] = e.mentions;
  return j;
}

Json QuoteJson(const BriefQuote& q) {
  Json j;
  j["id"] = q.id;
  j["speaker"] = OrNull(q.speaker);
  j["speaker_name"] = OrNull(q.speaker_name);
  // An extra field (the contract allows them): whose the described speaker
  // is ("Aksel Halvorsen's spokeswoman" -> Halvorsen's entity id).
  if (!q.speaker_owner.empty()) j["speaker_owner"] = q.speaker_owner;
  j["text"] = q.text;
  Json occurrences = Json::array();
  for (const QuoteOccurrence& o : q.occurrences) {
    Json oj;
    oj["article"] = o.article;
    oj["text"] = o.text;
    oj["start"] = o.start;
    oj["end"] = o.end;
    oj["cue"] = OrNull(o.cue);
    oj["kind"] = OrNull(o.kind);
    oj["medium"] = OrNull(o.medium);
    occurrences.push_back(std::move(oj));
  }
  j["occurrences"] = std::move(occurrences);
  return j;
}

Json TimelineJson(const TimelineEntry& t) {
  Json j;
  j["date"] = t.date;
  if (t.dates.size() > 1) j["dates"] = StringArray(t.dates);
  j["text"] = t.text;
  j["articles"] = StringArray(t.articles);
  j["evidence"] = t.evidence;
  return j;
}

Json ClaimJson(const Claim& c) {
  Json j;
  j["subject"] = c.subject;
  j["subject_name"] = c.subject_name;
  j["attribute"] = c.attribute;
  j["status"] = ContractClaimStatus(c);
  Json values = Json::array();
  for (const ClaimValue& v : c.values) {
    Json vj;
    vj["value"] = v.value;
    vj["articles"] = StringArray(v.articles);
    vj["evidence"] = v.evidence;
    values.push_back(std::move(vj));
  }
  j["values"] = std::move(values);
  return j;
}

Json StoryJson(const Story& s) {
  Json j;
  j["id"] = s.id;
  j["label"] = s.label;
  j["articles"] = StringArray(s.articles);
  j["related_stories"] = StringArray(s.related_stories);
  Json duplicates = Json::array();
  for (const DuplicateArticle& d : s.duplicates) {
    duplicates.push_back(
        Json{{"article", d.article}, {"duplicate_of", d.duplicate_of}, {"similarity", d.similarity}});
  }
  j["duplicates"] = std::move(duplicates);
  j["span"] = Json{{"first", DateOrNull(s.span_first)}, {"last", DateOrNull(s.span_last)}};
  Json entities = Json::array();
  for (const BriefEntity& e : s.entities) entities.push_back(EntityJson(e));
  j["entities"] = std::move(entities);
  // The contract needs at least one occurrence per quote and one value per
  // claim, and a calendar date per timeline entry: anything else says nothing
  // a reader could check, so it is left out.
  Json quotes = Json::array();
  for (const BriefQuote& q : s.quotes) {
    if (QuoteIsShown(q)) quotes.push_back(QuoteJson(q));
  }
  j["quotes"] = std::move(quotes);
  Json timeline = Json::array();
  for (const TimelineEntry& t : s.timeline) {
    if (TimelineEntryIsShown(t)) timeline.push_back(TimelineJson(t));
  }
  j["timeline"] = std::move(timeline);
  Json claims = Json::array();
  for (const Claim& c : s.claims) {
    if (ClaimIsShown(c)) claims.push_back(ClaimJson(c));
  }
  j["claims"] = std::move(claims);
  return j;
}

Json SpanJson(const Span& s) { return Json{{"start", s.start}, {"end", s.end}}; }

}  // namespace

std::string BriefToJson(const Brief& brief) {
  Json j;
  Json articles = Json::array();
  for (const Article& a : brief.articles) articles.push_back(BriefArticle(a));
  j["articles"] = std::move(articles);
  Json stories = Json::array();
  for (const Story& s : brief.stories) stories.push_back(StoryJson(s));
  j["stories"] = std::move(stories);
  return Dump(j, kPrettyIndent) + "\n";
}

}  // namespace render

std::string ArticleToJson(const Article& article) {
  render::Json j;
  j["id"] = article.id;
  j["title"] = article.title;
  j["published"] = render::OrNull(article.published);
  j["published_source"] = render::OrNull(article.published_source);
  j["authors"] = render::StringArray(article.authors);
  j["outlet"] = render::OrNull(article.outlet);
  j["url"] = render::OrNull(article.url);
  j["text"] = article.text;
  j["boilerplate_removed"] = render::StringArray(article.boilerplate_removed);
  j["author"] = render::OrNull(article.author);
  j["source"] = render::OrNull(article.source);
  return render::Dump(j, -1);
}

std::string AnnotationToJson(const AnnotatedArticle& annotated, JsonLayout layout) {
  using render::Json;
  using render::OrNull;
  const Article& a = annotated.article;
  Json j;
  j["id"] = a.id;
  j["title"] = a.title;
  j["published"] = OrNull(a.published);
  j["outlet"] = OrNull(a.outlet);
  j["text"] = a.text;
  Json sentences = Json::array();
  for (const Span& s : annotated.sentences) sentences.push_back(render::SpanJson(s));
  j["sentences"] = std::move(sentences);
  Json entities = Json::array();
  for (const EntityMention& m : annotated.entities) {
    entities.push_back(Json{{"start", m.span.start}, {"end", m.span.end}, {"text", m.text},
                            {"type", m.type}, {"entity", OrNull(m.entity)}});
  }
  j["entities"] = std::move(entities);
  Json quotes = Json::array();
  for (const Quote& q : annotated.quotes) {
    Json qj{{"start", q.span.start}, {"end", q.span.end}, {"text", q.text},
            {"speaker_name", OrNull(q.speaker_name)}, {"cue", OrNull(q.cue)},
            {"kind", OrNull(q.kind)}, {"speaker", OrNull(q.speaker)},
            {"medium", OrNull(q.medium)}};
    // Only for a described speaker with an owner ("his spokeswoman").
    if (!q.speaker_owner.empty()) qj["speaker_owner"] = q.speaker_owner;
    quotes.push_back(std::move(qj));
  }
  j["quotes"] = std::move(quotes);
  // Headline quotations (offsets into "title"), only when there are any.
  if (!annotated.title_quotes.empty()) {
    Json title_quotes = Json::array();
    for (const Quote& q : annotated.title_quotes) {
      title_quotes.push_back(Json{{"start", q.span.start}, {"end", q.span.end}, {"text", q.text},
                                  {"speaker_name", OrNull(q.speaker_name)}, {"cue", OrNull(q.cue)},
                                  {"kind", OrNull(q.kind)}, {"speaker", OrNull(q.speaker)}});
    }
    j["title_quotes"] = std::move(title_quotes);
  }
  Json dates = Json::array();
  for (const DateMention& d : annotated.dates) {
    dates.push_back(Json{{"start", d.span.start}, {"end", d.span.end}, {"text", d.text},
                         {"value", d.value}});
  }
  j["dates"] = std::move(dates);
  Json quantities = Json::array();
  for (const Quantity& q : annotated.quantities) {
    static constexpr const char* kBounds[] = {"exact", "about", "at least", "at most"};
    Json qj{{"start", q.span.start}, {"end", q.span.end}, {"text", q.text}, {"value", q.value},
            {"unit", OrNull(q.unit)}, {"subject", OrNull(q.subject)}, {"measure", OrNull(q.measure)},
            {"bound", kBounds[static_cast<size_t>(q.bound)]}};
    if (q.high > 0) qj["high"] = q.high;
    if (!q.thing.empty()) qj["thing"] = q.thing;
    quantities.push_back(std::move(qj));
  }
  j["quantities"] = std::move(quantities);
  return render::Dump(j, layout == JsonLayout::kPretty ? render::kPrettyIndent : -1);
}

std::vector<size_t> ShownItems(const Story& story, StorySection section) {
  std::vector<size_t> out;
  switch (section) {
    case StorySection::kEntities:
      for (size_t i = 0; i < story.entities.size(); ++i) out.push_back(i);
      break;
    case StorySection::kQuotes:
      for (size_t i = 0; i < story.quotes.size(); ++i) {
        if (QuoteIsShown(story.quotes[i])) out.push_back(i);
      }
      break;
    case StorySection::kTimeline:
      for (size_t i = 0; i < story.timeline.size(); ++i) {
        if (TimelineEntryIsShown(story.timeline[i])) out.push_back(i);
      }
      break;
    case StorySection::kClaims:
    case StorySection::kConflicts:
      for (size_t i = 0; i < story.claims.size(); ++i) {
        const Claim& c = story.claims[i];
        if (!ClaimIsShown(c)) continue;
        if (section == StorySection::kConflicts && ContractClaimStatus(c) != "conflict") continue;
        out.push_back(i);
      }
      break;
  }
  return out;
}

std::string StoryItemJson(const Story& story, StorySection section, size_t index) {
  switch (section) {
    case StorySection::kEntities: return render::Dump(render::EntityJson(story.entities[index]), -1);
    case StorySection::kQuotes: return render::Dump(render::QuoteJson(story.quotes[index]), -1);
    case StorySection::kTimeline: return render::Dump(render::TimelineJson(story.timeline[index]), -1);
    case StorySection::kClaims:
    case StorySection::kConflicts: return render::Dump(render::ClaimJson(story.claims[index]), -1);
  }
  return "null";
}

std::string BriefArticleJson(const Article& article) { return render::Dump(render::BriefArticle(article), -1); }

std::string StoriesToJson(const std::vector<StoredStory>& stories, JsonLayout layout) {
  const auto null_if_empty = [](const std::string& v) { return v.empty() ? render::Json() : render::Json(v); };
  render::Json arr = render::Json::array();
  for (const StoredStory& s : stories) {
    arr.push_back({{"id", s.id},
                   {"label", s.label},
                   {"size", s.articles.size()},
                   {"span", {{"first", null_if_empty(s.span_first)}, {"last", null_if_empty(s.span_last)}}},
                   {"articles", s.articles}});
  }
  return render::Dump(arr, layout == JsonLayout::kPretty ? render::kPrettyIndent : -1);
}

std::string SearchHitsToJson(const std::vector<SearchHit>& hits, JsonLayout layout) {
  render::Json arr = render::Json::array();
  for (const SearchHit& h : hits) {
    arr.push_back({{"kind", h.kind},
                   {"article_id", h.article_id},
                   {"title", h.title},
                   {"snippet", h.snippet},
                   {"rank", h.rank}});
  }
  return render::Dump(arr, layout == JsonLayout::kPretty ? render::kPrettyIndent : -1);
}

}  // namespace storyline
