// Fuzzes ExtractHtml (libxml2 SAX parse, raw-text pre-pass, content scoring,
// metadata). Properties: no crash; every output string is valid UTF-8; the
// same input gives the same answer twice; empty input is the only kInvalidInput.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "clean/html_extract.h"
#include "ingest_fuzz_check.h"

namespace {

using storyline::fuzz::ValidUtf8;

// 256 KiB: above the median benchmark page (174 KB) so whole real pages fit,
// small enough that each run stays fast and the fuzzer explores structure
// rather than length.
constexpr size_t kMaxInputBytes = 256 * 1024;


void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckPage(const storyline::HtmlPage& p) {
  for (const std::string* s : {&p.title, &p.published, &p.outlet, &p.url, &p.author, &p.text}) Check(ValidUtf8(*s));
  for (const std::string& b : p.boilerplate_removed) Check(ValidUtf8(b) && !b.empty());
  Check(p.published.empty() || p.published.size() == 7 || p.published.size() == 10);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  for (bool remove : {true, false}) {
    storyline::HtmlExtractOptions options;
    options.remove_boilerplate = remove;
    auto a = storyline::ExtractHtml(html, options);
    auto b = storyline::ExtractHtml(html, options);
    Check(a.ok() == b.ok());
    if (!a.ok()) {
      Check(a.status().code() == storyline::StatusCode::kInvalidInput);
      continue;
    }
    CheckPage(*a);
    Check(a->text == b->text && a->title == b->title && a->published == b->published &&
          a->boilerplate_removed == b->boilerplate_removed);
  }
  return 0;
}
