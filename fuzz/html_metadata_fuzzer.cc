// Fuzzes the page-metadata parsers: the date reader of the clean stage
// (FindTextDates, ParseDateValue, DateInUrl, EstimatePublished) on the raw
// input, and the metadata finder (lenient JSON-LD, <meta>, bylines, headline, authors) on the
// input placed where each of them reads: as a JSON-LD block, a <meta> value,
// a byline, a title and a canonical URL. Properties: no crash; dates are real
// days inside [kMinYear, kMaxYear] with offsets in bounds; every output string
// is valid UTF-8; published is empty or YYYY-MM[-DD] and has a known source
// exactly when set; the same input gives the same answer twice.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "clean/date_estimate.h"
#include "clean/date_text.h"
#include "clean/html_extract.h"
#include "ingest_fuzz_check.h"

namespace {

using storyline::fuzz::ValidUtf8;

// 64 KiB: metadata values and bylines are short; longer inputs only slow the
// fuzzer down without reaching new code (the HTML fuzzer covers big pages).
constexpr size_t kMaxInputBytes = 64 * 1024;

void Check(bool ok) {
  if (!ok) std::abort();
}


void CheckDate(const storyline::html::TextDate& d, size_t text_size) {
  using storyline::html::kMaxYear;
  using storyline::html::kMinYear;
  Check(d.year >= kMinYear && d.year <= kMaxYear && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31);
  Check(d.begin < d.end && d.end <= text_size);
  Check(d.Iso().size() == 10);
}

void FuzzDates(std::string_view text) {
  for (auto order : {storyline::html::DayOrder::kDayFirst, storyline::html::DayOrder::kMonthFirst}) {
    std::vector<storyline::html::TextDate> a, b;
    storyline::html::FindTextDates(text, {order}, &a);
    storyline::html::FindTextDates(text, {order}, &b);
    Check(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      CheckDate(a[i], text.size());
      Check(a[i].Iso() == b[i].Iso());
      if (i > 0) Check(a[i - 1].begin <= a[i].begin);
    }
    storyline::html::TextDate v;
    if (storyline::html::ParseDateValue(text, {order}, &v)) CheckDate(v, text.size());
  }
  storyline::html::TextDate u;
  if (storyline::html::DateInUrl(text, &u)) CheckDate(u, text.size());
  // An estimate is a real day, never after the day given as today.
  const long today = storyline::html::DayNumber(2026, 12, 6);
  const std::string estimate = storyline::html::EstimatePublished(text, today);
  if (!estimate.empty()) {
    Check(estimate.size() == 10);
    const int y = std::atoi(estimate.substr(0, 4).c_str());
    const int m = std::atoi(estimate.substr(5, 2).c_str());
    const int d = std::atoi(estimate.substr(8, 2).c_str());
    Check(storyline::html::ValidDate(y, m, d) && storyline::html::DayNumber(y, m, d) <= today);
  }
  Check(estimate == storyline::html::EstimatePublished(text, today));
}

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"') {
      out += "&quot;";
    } else if (c == '<') {
      out += "&lt;";
    } else {
      out += c;
    }
  }
  return out;
}

void CheckPage(const storyline::HtmlPage& p) {
  for (const std::string* s : {&p.title, &p.published, &p.published_source, &p.outlet, &p.url, &p.author}) {
    Check(ValidUtf8(*s));
  }
  for (const std::string& a : p.authors) Check(!a.empty() && ValidUtf8(a));
  Check(p.published.empty() || p.published.size() == 7 || p.published.size() == 10);
  Check(p.published.empty() == p.published_source.empty());
  if (!p.published_source.empty()) {
    const std::string_view s = p.published_source;
    Check(s == "json-ld" || s == "meta" || s == "time" || s == "url" || s == "byline" || s == "text");
  }
}

void FuzzPage(std::string_view input) {
  const std::string v = Escape(input);
  const std::string html =
      "<html><head><title>" + v + " - Site</title><meta property=\"og:title\" content=\"" + v +
      "\"><meta property=\"article:published_time\" content=\"" + v + "\"><meta name=\"author\" content=\"" + v +
      "\"><link rel=\"canonical\" href=\"https://example.com/" + v + "\"><script type=\"application/ld+json\">" +
      std::string(input) + "</script></head><body><article><h1>" + v + "</h1><p>By " + v + "</p><p>" + v +
      "</p></article></body></html>";
  auto a = storyline::ExtractHtml(html, {});
  auto b = storyline::ExtractHtml(html, {});
  Check(a.ok() == b.ok());
  if (!a.ok()) return;
  CheckPage(*a);
  Check(a->title == b->title && a->published == b->published && a->published_source == b->published_source &&
        a->authors == b->authors && a->outlet == b->outlet);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  FuzzDates(input);
  FuzzPage(input);
  return 0;
}
