#include "store/story_codec.h"

#include <nlohmann/json.hpp>

namespace storyline::store_internal {
namespace {

using nlohmann::json;

// Arrays, not objects: the field names would be most of the bytes.
json Entities(const std::vector<BriefEntity>& v) {
  json a = json::array();
  for (const BriefEntity& e : v) a.push_back({e.id, e.name, e.type, e.aliases, e.articles, e.mentions});
  return a;
}

json Quotes(const std::vector<BriefQuote>& v) {
  json a = json::array();
  for (const BriefQuote& q : v) {
    json occ = json::array();
    for (const QuoteOccurrence& o : q.occurrences) {
      occ.push_back({o.article, o.text, o.start, o.end, o.cue, o.kind, o.medium});
    }
    json row = {q.id, q.speaker, q.speaker_name, q.text, occ};
    if (!q.speaker_owner.empty()) row.push_back(q.speaker_owner);  // optional sixth element
    a.push_back(std::move(row));
  }
  return a;
}

json Timeline(const std::vector<TimelineEntry>& v) {
  json a = json::array();
  for (const TimelineEntry& t : v) a.push_back({t.date, t.text, t.articles, t.evidence, t.dates});
  return a;
}

json Claims(const std::vector<Claim>& v) {
  json a = json::array();
  for (const Claim& c : v) {
    json values = json::array();
    for (const ClaimValue& x : c.values) values.push_back({x.value, x.articles, x.evidence});
    a.push_back({c.subject, c.subject_name, c.attribute, c.status, values});
  }
  return a;
}

json Duplicates(const std::vector<DuplicateArticle>& v) {
  json a = json::array();
  for (const DuplicateArticle& d : v) a.push_back({d.article, d.duplicate_of, d.similarity});
  return a;
}

void Read(const json& j, Story* s) {
  for (const json& e : j.at(1)) {
    s->entities.push_back({e.at(0).get<std::string>(), e.at(1).get<std::string>(),
                           e.at(2).get<std::string>(), e.at(3).get<std::vector<std::string>>(),
                           e.at(4).get<std::vector<std::string>>(), e.at(5).get<size_t>()});
  }
  for (const json& q : j.at(2)) {
    BriefQuote bq{q.at(0).get<std::string>(), q.at(1).get<std::string>(), q.at(2).get<std::string>(),
                  q.at(3).get<std::string>(), {}};
    for (const json& o : q.at(4)) {
      bq.occurrences.push_back({o.at(0).get<std::string>(), o.at(1).get<std::string>(),
                                o.at(2).get<size_t>(), o.at(3).get<size_t>(), o.at(4).get<std::string>(),
                                o.at(5).get<std::string>(), o.at(6).get<std::string>()});
    }
    if (q.size() > 5) bq.speaker_owner = q.at(5).get<std::string>();
    s->quotes.push_back(std::move(bq));
  }
  for (const json& t : j.at(3)) {
    s->timeline.push_back({t.at(0).get<std::string>(), t.at(1).get<std::string>(),
                           t.at(2).get<std::vector<std::string>>(), t.at(3).get<std::string>(),
                           t.at(4).get<std::vector<std::string>>()});
  }
  for (const json& c : j.at(4)) {
    Claim claim{c.at(0).get<std::string>(), c.at(1).get<std::string>(), c.at(2).get<std::string>(),
                c.at(3).get<std::string>(), {}};
    for (const json& x : c.at(4)) {
      claim.values.push_back({x.at(0).get<std::string>(), x.at(1).get<std::vector<std::string>>(),
                              x.at(2).get<std::string>()});
    }
    s->claims.push_back(std::move(claim));
  }
  for (const json& d : j.at(5)) {
    s->duplicates.push_back({d.at(0).get<std::string>(), d.at(1).get<std::string>(), d.at(2).get<double>()});
  }
}

}  // namespace

std::string EncodeStoryView(const Story& story) {
  const json j = json::array({kStoryViewVersion, Entities(story.entities), Quotes(story.quotes),
                              Timeline(story.timeline), Claims(story.claims), Duplicates(story.duplicates)});
  const std::vector<std::uint8_t> bytes = json::to_msgpack(j);
  return std::string(bytes.begin(), bytes.end());
}

std::string StoryViewPrefix() {
  return EncodeStoryView(Story{}).substr(0, 2);
}

Status DecodeStoryView(std::string_view blob, Story* story) {
  const json j = json::from_msgpack(blob.begin(), blob.end(), /*strict=*/true, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_array() || j.empty() || !j[0].is_number_integer()) {
    return Status::Corruption("story " + story->id + ": stored view is damaged");
  }
  if (j[0].get<int>() != kStoryViewVersion) {
    return Status::Unsupported("story " + story->id + ": stored view is of another version");
  }
  Story view;
  try {
    Read(j, &view);
  } catch (const json::exception& e) {
    return Status::Corruption("story " + story->id + ": stored view is damaged: " + e.what());
  }
  story->entities = std::move(view.entities);
  story->quotes = std::move(view.quotes);
  story->timeline = std::move(view.timeline);
  story->claims = std::move(view.claims);
  story->duplicates = std::move(view.duplicates);
  return Status::Ok();
}

}  // namespace storyline::store_internal
