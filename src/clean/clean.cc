// CleanDocument: dispatches a Document to the HTML extractor or the
// plain-text boilerplate remover and assembles the Article.
#include "storyline/clean.h"

#include <chrono>
#include <string>
#include <string_view>

#include "clean/date_estimate.h"
#include "clean/html_extract.h"
#include "clean/text_boilerplate.h"

namespace storyline {
namespace {

// Article::published_source of a date the input record itself carried (a
// JSONL "date" field, a text file's date marker): metadata given with the
// article, so "meta" in the contract's list (DESIGN.md, extract --json).
constexpr const char* kContainerSource = "meta";

// Article::published_source of a date estimated from the text's own days.
constexpr const char* kEstimatedSource = "estimated";

// "https://www.example.com/a/b" -> "example.com". Used as the outlet when
// nothing better is known: the host is what a reader recognises.
std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  rest = rest.substr(rest.find('@') == std::string_view::npos ? 0 : rest.find('@') + 1);
  rest = rest.substr(0, rest.find(':'));
  if (rest.substr(0, 4) == "www.") rest.remove_prefix(4);
  return std::string(rest);
}

// Keeps `preferred` when set, otherwise `fallback`.
void Prefer(std::string* out, const std::string& preferred, const std::string& fallback) {
  *out = preferred.empty() ? fallback : preferred;
}

Status CleanHtml(const Document& doc, const CleanOptions& options, Article* a) {
  HtmlExtractOptions ho;
  ho.remove_boilerplate = options.remove_boilerplate;
  Result<HtmlPage> page = ExtractHtml(doc.body, ho);
  if (!page.ok()) return page.status().WithContext(doc.source);
  Prefer(&a->title, doc.title, page->title);
  Prefer(&a->published, doc.published, page->published);
  a->published_source = doc.published.empty() ? page->published_source : kContainerSource;
  Prefer(&a->outlet, doc.outlet, page->outlet);
  Prefer(&a->url, doc.url, page->url);
  Prefer(&a->author, doc.author, page->author);
  if (doc.author.empty()) {
    a->authors = std::move(page->authors);
  } else {
    a->authors = {doc.author};
  }
  a->text = std::move(page->text);
  a->boilerplate_removed = std::move(page->boilerplate_removed);
  return Status::Ok();
}

void CleanText(const Document& doc, const CleanOptions& options, Article* a) {
  a->title = doc.title;
  a->published = doc.published;
  if (!doc.published.empty()) a->published_source = kContainerSource;
  a->outlet = doc.outlet;
  a->url = doc.url;
  a->author = doc.author;
  if (!doc.author.empty()) a->authors = {doc.author};
  if (options.remove_boilerplate) {
    TextCleanResult r = RemoveTextBoilerplate(doc.body);
    a->text = std::move(r.text);
    a->boilerplate_removed = std::move(r.removed);
    return;
  }
  // Keep every non-empty line as a paragraph.
  std::string text;
  size_t pos = 0;
  std::string_view body = doc.body;
  while (pos <= body.size()) {
    size_t nl = body.find('\n', pos);
    std::string_view line = body.substr(pos, nl == std::string_view::npos ? body.size() - pos : nl - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) {
      if (!text.empty()) text += "\n\n";
      text += line;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  a->text = std::move(text);
}

}  // namespace

Result<Article> CleanDocument(const Document& doc, const CleanOptions& options) {
  Article a;
  a.id = doc.id;
  a.source = doc.source;
  a.origin = doc.origin;
  if (doc.format == DocumentFormat::kHtml) {
    Status s = CleanHtml(doc, options, &a);
    if (!s.ok()) return s;
  } else {
    CleanText(doc, options, &a);
    // A text with no date (no marker, no record field) is dated from the
    // days it names, and says so (date_estimate.h). Pages are not: their
    // markup dates them, and a guess would pass for a reading.
    if (a.published.empty()) {
      const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
      a.published = html::EstimatePublished(a.text, today.time_since_epoch().count());
      if (!a.published.empty()) a.published_source = kEstimatedSource;
    }
  }
  if (a.outlet.empty()) a.outlet = HostOf(a.url);
  if (a.text.empty() && options.require_text) {
    // The page's metadata stays in the error line, so a rejected page is
    // still identifiable (issue 13).
    std::string what = doc.source + ": no article text found";
    if (!a.title.empty()) what += " (title \"" + a.title + "\"";
    if (!a.published.empty()) what += std::string(a.title.empty() ? " (" : ", ") + "published " + a.published;
    if (!a.title.empty() || !a.published.empty()) what += ")";
    return Status::InvalidInput(what);
  }
  a.content_hash = ContentHash(a.text);
  return a;
}

}  // namespace storyline
