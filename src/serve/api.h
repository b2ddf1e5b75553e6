// api.h: the JSON bodies the server sends, built from store
// records. Kept apart from the socket code so they can be tested directly.
//
// Reentrant; every function returns a complete response body.
#ifndef STORYLINE_SERVE_API_H_
#define STORYLINE_SERVE_API_H_

#include <string>
#include <string_view>
#include <vector>

#include "storyline/status.h"
#include "storyline/store.h"

namespace storyline::serve_internal {

// [{id, label, size, span: {first, last}, articles}], as `storyline stories
// --json` prints it; an empty span end is null.
std::string StoriesJson(const std::vector<StoredStory>& stories);

// [{kind, article_id, title, snippet, rank}].
std::string HitsJson(const std::vector<SearchHit>& hits);

// {"error": message}.
std::string ErrorJson(const std::string& message);

// The HTTP status for a failed Status: 404 for kNotFound, 400 for
// kInvalidInput and kUnsupported, 500 for the rest.
int HttpStatusFor(const Status& status);

// True when `host` (as given to --host) names a loopback address:
// "localhost", 127.0.0.0/8 or ::1.
bool IsLoopbackHost(std::string_view host);

// The DNS-rebinding defence: true when a request whose Host header is
// `host_header` may be answered by a server bound to `bound_host`:`port`.
// The header's port must be `port` (80 when it names none) and its name
// must be the bound host itself, "localhost" or a loopback literal when
// bound to loopback, or any IP literal when bound to every address (0.0.0.0
// or ::): a page on another site reaches us through a DNS name, never a
// literal. Case-insensitive; IPv6 literals in brackets.
bool HostAllowed(std::string_view host_header, std::string_view bound_host, int port);

// Percent-encodes `s` for use as one URL path segment or query value.
std::string UrlComponent(const std::string& s);

}  // namespace storyline::serve_internal

#endif  // STORYLINE_SERVE_API_H_
