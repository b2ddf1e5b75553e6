#include "serve/api.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

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

}  // namespace storyline::serve_internal
