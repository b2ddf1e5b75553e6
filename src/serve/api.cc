#include "serve/api.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "storyline/render.h"

namespace storyline::serve_internal {
namespace {

// Article text may carry invalid UTF-8 only through a bug upstream; replacing
// it keeps one bad record from turning a whole listing into an error.
std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string StoriesJson(const std::vector<StoredStory>& stories) {
  return StoriesToJson(stories, JsonLayout::kOneLine);
}

std::string HitsJson(const std::vector<SearchHit>& hits) {
  return SearchHitsToJson(hits, JsonLayout::kOneLine);
}

std::string ErrorJson(const std::string& message) {
  return Dump(nlohmann::json{{"error", message}});
}

int HttpStatusFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kNotFound: return 404;
    case StatusCode::kInvalidInput:
    case StatusCode::kUnsupported: return 400;
    default: return 500;
  }
}

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsIpv4(const std::string& s) {
  in_addr a{};
  return inet_pton(AF_INET, s.c_str(), &a) == 1;
}

bool IsIpv6(const std::string& s) {
  in6_addr a{};
  return inet_pton(AF_INET6, s.c_str(), &a) == 1;
}

// "[::1]" -> "::1"; other names unchanged.
std::string Unbracket(std::string_view s) {
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') return std::string(s.substr(1, s.size() - 2));
  return std::string(s);
}

bool IsLoopbackLiteral(const std::string& name) {
  in_addr a4{};
  if (inet_pton(AF_INET, name.c_str(), &a4) == 1) return (ntohl(a4.s_addr) >> 24) == 127;
  in6_addr a6{};
  return inet_pton(AF_INET6, name.c_str(), &a6) == 1 && IN6_IS_ADDR_LOOPBACK(&a6);
}

}  // namespace

bool IsLoopbackHost(std::string_view host) {
  const std::string name = Lower(Unbracket(host));
  return name == "localhost" || IsLoopbackLiteral(name);
}

bool HostAllowed(std::string_view host_header, std::string_view bound_host, int port) {
  // Default HTTP port, implied by a Host header without one.
  constexpr int kHttpPort = 80;
  // Longest decimal TCP port ("65535").
  constexpr size_t kMaxPortDigits = 5;
  std::string_view name = host_header;
  std::string_view port_text;
  if (!name.empty() && name.front() == '[') {
    const size_t close = name.find(']');
    if (close == std::string_view::npos) return false;
    if (close + 1 < name.size()) {
      if (name[close + 1] != ':') return false;
      port_text = name.substr(close + 2);
    }
    name = name.substr(0, close + 1);
  } else if (const size_t colon = name.find(':'); colon != std::string_view::npos) {
    port_text = name.substr(colon + 1);
    name = name.substr(0, colon);
  }
  if (name.empty()) return false;
  int header_port = kHttpPort;
  if (!port_text.empty() || host_header.back() == ':') {
    if (port_text.empty() || port_text.size() > kMaxPortDigits ||
        port_text.find_first_not_of("0123456789") != std::string_view::npos) {
      return false;
    }
    header_port = std::stoi(std::string(port_text));
  }
  if (header_port != port) return false;
  const std::string bare = Lower(Unbracket(name));
  const bool bracketed = name.front() == '[';
  if (bracketed != IsIpv6(bare)) return false;  // "[name]" or a bare "::1"
  const std::string bound = Lower(Unbracket(bound_host));
  if (bare == bound) return true;
  if (IsLoopbackHost(bound)) return bare == "localhost" || IsLoopbackLiteral(bare);
  const bool wildcard = bound.empty() || bound == "0.0.0.0" || bound == "::";
  return wildcard && (bare == "localhost" || IsIpv4(bare) || IsIpv6(bare));
}

std::string UrlComponent(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
                            c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
  }
  return out;
}

// --- The paged API ---

namespace {

using Json = nlohmann::json;

Json NullIfEmpty(const std::string& s) { return s.empty() ? Json() : Json(s); }

// The value of `name` in `query`, or nullptr when absent.
const std::string* Param(const Query& query, const std::string& name) {
  auto it = query.find(name);
  return it == query.end() ? nullptr : &it->second;
}

// A whole number of at most kMaxDigits digits in [min, max].
Result<size_t> Count(const Query& query, const std::string& name, size_t fallback, size_t min, size_t max) {
  // More digits than any page offset a store could need; keeps stoul in range.
  constexpr size_t kMaxDigits = 9;
  const std::string* v = Param(query, name);
  if (v == nullptr) return fallback;
  if (v->empty() || v->size() > kMaxDigits || v->find_first_not_of("0123456789") != std::string::npos ||
      std::stoul(*v) < min || std::stoul(*v) > max) {
    return Status::InvalidInput(name + " must be a whole number from " + std::to_string(min) + " to " +
                                std::to_string(max) + ", not \"" + *v + "\"");
  }
  return static_cast<size_t>(std::stoul(*v));
}

// Largest page offset: past any store's story count, small enough for SQLite.
constexpr size_t kMaxOffset = 999'999'999;

}  // namespace

namespace {

// YYYY, YYYY-MM or YYYY-MM-DD with a month 01-12 and a day 01-31.
bool IsCalendarDate(const std::string& v) {
  // Highest month and day numbers a date may carry.
  constexpr int kMonths = 12, kDays = 31;
  if (!IsContractDate(v)) return false;
  if (v.size() >= 7 && (std::stoi(v.substr(5, 2)) < 1 || std::stoi(v.substr(5, 2)) > kMonths)) return false;
  return v.size() < 10 || (std::stoi(v.substr(8, 2)) >= 1 && std::stoi(v.substr(8, 2)) <= kDays);
}

}  // namespace

Result<Paging> ParsePaging(const Query& query) {
  Paging p;
  Result<size_t> offset = Count(query, "offset", 0, 0, kMaxOffset);
  if (!offset.ok()) return offset.status();
  Result<size_t> limit = Count(query, "limit", kDefaultPageLimit, 1, kMaxPageLimit);
  if (!limit.ok()) return limit.status();
  p.offset = *offset;
  p.limit = *limit;
  return p;
}

Result<StoryFilter> ParseStoryFilter(const Query& query) {
  Result<Paging> paging = ParsePaging(query);
  if (!paging.ok()) return paging.status();
  StoryFilter f;
  f.offset = paging->offset;
  f.limit = paging->limit;
  for (const char* name : {"from", "to"}) {
    const std::string* v = Param(query, name);
    if (v == nullptr) continue;
    if (!IsCalendarDate(*v)) {
      return Status::InvalidInput(std::string(name) + " must be a date YYYY, YYYY-MM or YYYY-MM-DD, not \"" + *v +
                                  "\"");
    }
    (std::string_view(name) == "from" ? f.from : f.to) = *v;
  }
  if (!f.from.empty() && !f.to.empty() && f.to < f.from.substr(0, f.to.size())) {
    return Status::InvalidInput("to (" + f.to + ") is before from (" + f.from + ")");
  }
  if (const std::string* v = Param(query, "outlet")) {
    if (v->empty()) return Status::InvalidInput("outlet must name an outlet");
    f.outlet = *v;
  }
  if (const std::string* v = Param(query, "entity")) {
    if (EntityKey(*v).empty()) return Status::InvalidInput("entity must name an entity");
    f.entity = *v;
  }
  if (const std::string* v = Param(query, "sort")) {
    if (*v == "newest") {
      f.order = StoryOrder::kNewest;
    } else if (*v == "largest") {
      f.order = StoryOrder::kLargest;
    } else {
      return Status::InvalidInput("sort must be newest or largest, not \"" + *v + "\"");
    }
  }
  return f;
}

Result<StorySection> ParseSection(const std::string& name) {
  static constexpr std::pair<const char*, StorySection> kSections[] = {
      {"conflicts", StorySection::kConflicts}, {"claims", StorySection::kClaims},
      {"quotes", StorySection::kQuotes},       {"timeline", StorySection::kTimeline},
      {"entities", StorySection::kEntities},
  };
  for (const auto& [n, section] : kSections) {
    if (name == n) return section;
  }
  return Status::NotFound("no section \"" + name +
                          "\" (use conflicts, claims, quotes, timeline, entities, articles or brief)");
}

std::string StateJson(const StoreState& state) {
  return Dump(Json{{"generation", state.generation},
                   {"stories", state.stories},
                   {"articles", state.articles},
                   {"behind", state.behind}});
}

namespace {

// The summaries of a listing page are written straight to text: building
// them as nlohmann objects (a map node per key) and dumping them was a
// quarter of a listing page's CPU (perf, the load bench). The bytes are
// those Dump writes: keys in sorted order, no spaces.

// Appends `s` as a JSON string. Plain ASCII is copied; anything else
// (escapes, UTF-8, invalid bytes) is written by Dump, so the text is
// always Dump's.
void AppendString(std::string& out, const std::string& s) {
  const bool plain = std::all_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
  });
  if (!plain) {
    out += Dump(Json(s));
    return;
  }
  out += '"';
  out += s;
  out += '"';
}

void AppendStrings(std::string& out, const std::vector<std::string>& v) {
  out += '[';
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += ',';
    AppendString(out, v[i]);
  }
  out += ']';
}

void AppendStringOrNull(std::string& out, const std::string& s) {
  if (s.empty()) {
    out += "null";
  } else {
    AppendString(out, s);
  }
}

void AppendSummary(std::string& out, const StorySummary& s, bool counts) {
  out += "{\"conflicts\":" + std::to_string(s.conflicts);
  if (counts) {
    out += ",\"counts\":{\"articles\":" + std::to_string(s.size) + ",\"claims\":" + std::to_string(s.claims) +
           ",\"conflicts\":" + std::to_string(s.conflicts) + ",\"entities\":" + std::to_string(s.entities) +
           ",\"quotes\":" + std::to_string(s.quotes) + ",\"timeline\":" + std::to_string(s.timeline) + "}";
  }
  out += ",\"entities\":";
  AppendStrings(out, s.top_entities);
  out += ",\"headline\":";
  AppendString(out, s.headline.empty() ? s.label : s.headline);
  out += ",\"id\":";
  AppendString(out, s.id);
  out += ",\"label\":";
  AppendString(out, s.label);
  out += ",\"outlets\":";
  AppendStrings(out, s.outlets);
  out += ",\"size\":" + std::to_string(s.size) + ",\"span\":{\"first\":";
  AppendStringOrNull(out, s.span_first);
  out += ",\"last\":";
  AppendStringOrNull(out, s.span_last);
  out += "},\"view_current\":";
  out += s.view_current ? "true}" : "false}";
}

}  // namespace

std::string StoryPageJson(const StoryPage& page, const Paging& paging) {
  std::string out = "{\"limit\":" + std::to_string(paging.limit) + ",\"offset\":" + std::to_string(paging.offset) +
                    ",\"stories\":[";
  for (size_t i = 0; i < page.stories.size(); ++i) {
    if (i > 0) out += ',';
    AppendSummary(out, page.stories[i], false);
  }
  return out + "],\"total\":" + std::to_string(page.total) + "}";
}

std::string StorySummaryJson(const StorySummary& s, bool counts) {
  std::string out;
  AppendSummary(out, s, counts);
  return out;
}

std::string ItemsPageJson(size_t total, const Paging& paging, const std::vector<std::string>& items) {
  std::string out = "{\"total\":" + std::to_string(total) + ",\"offset\":" + std::to_string(paging.offset) +
                    ",\"limit\":" + std::to_string(paging.limit) + ",\"items\":[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += items[i];
  }
  return out + "]}";
}

std::string ArticleDetailJson(const Article& article, const std::vector<Span>& sentences,
                              const std::vector<std::string>& stories) {
  Json j = Json::parse(ArticleToJson(article), nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) j = Json::object();
  Json spans = Json::array();
  for (const Span& s : sentences) spans.push_back(Json{{"start", s.start}, {"end", s.end}});
  j["sentences"] = std::move(spans);
  j["stories"] = stories;
  return Dump(j);
}

std::string EntitySummaryJson(const EntitySummary& e) {
  return Dump(Json{{"key", e.key}, {"name", e.name}, {"type", e.type}, {"stories", e.stories}});
}

std::string EntityItemJson(const std::string& story_id, const std::string& story_label,
                           const std::string& item_json) {
  return "{\"story\":" + Dump(Json(story_id)) + ",\"story_label\":" + Dump(Json(story_label)) +
         ",\"item\":" + item_json + "}";
}

namespace {

std::string JoinArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += items[i];
  }
  return out + "]";
}

}  // namespace

std::string EntityDetailJson(const EntityRecord& e, const std::vector<std::string>& stories,
                             size_t claims_total, const std::vector<std::string>& claims, size_t quotes_total,
                             const std::vector<std::string>& quotes) {
  size_t mentions = 0;
  for (const EntityInStory& in : e.stories) mentions += in.mentions;
  std::string head = Dump(Json{{"key", e.key}, {"name", e.name}, {"type", e.type}, {"aliases", e.aliases},
                               {"mentions", mentions}});
  head.pop_back();  // the closing brace: the sections follow
  return head + ",\"stories\":{\"total\":" + std::to_string(e.stories.size()) +
         ",\"items\":" + JoinArray(stories) + "},\"claims\":{\"total\":" + std::to_string(claims_total) +
         ",\"items\":" + JoinArray(claims) + "},\"quotes\":{\"total\":" + std::to_string(quotes_total) +
         ",\"items\":" + JoinArray(quotes) + "}}";
}

std::string QuoteHitsJson(const std::vector<QuoteHit>& hits) {
  Json a = Json::array();
  for (const QuoteHit& h : hits) {
    a.push_back(Json{{"kind", "quote"},
                     {"story_id", h.story_id},
                     {"quote_id", h.quote_id},
                     {"speaker_name", NullIfEmpty(h.speaker_name)},
                     {"snippet", h.snippet},
                     {"rank", h.rank}});
  }
  return Dump(a);
}

std::string EntityHitsJson(const std::vector<EntitySummary>& hits) {
  Json a = Json::array();
  for (const EntitySummary& e : hits) {
    a.push_back(Json{{"kind", "entity"}, {"key", e.key}, {"name", e.name}, {"type", e.type}, {"stories", e.stories}});
  }
  return Dump(a);
}

}  // namespace storyline::serve_internal
