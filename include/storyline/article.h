// article.h: the two records that flow through the first pipeline stages.
//
//   Document (what a reader found in a file)  --clean-->  Article (clean text)
//
//   storyline::Document d;  d.id = "a1"; d.format = storyline::DocumentFormat::kHtml;
//   d.body = "<html>...</html>";
//   storyline::Result<storyline::Article> a = storyline::CleanDocument(d, {});
//
// Both are plain values: copyable, no hidden sharing, safe to move between
// threads. All strings are UTF-8 in Unicode NFC. An empty string means
// "unknown" (rendered as JSON null).
#ifndef STORYLINE_ARTICLE_H_
#define STORYLINE_ARTICLE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace storyline {

// How a Document's body is written.
enum class DocumentFormat {
  kText,  // plain text; paragraphs separated by blank lines
  kHtml,  // an HTML page (or fragment)
};

// One article as a reader found it, before cleaning.
struct Document {
  std::string id;         // stable id: file stem, JSONL "id", WARC-Record-ID, ...
  std::string source;     // where it came from, for messages: "dir/a.jsonl:17"
  // What the input is, across runs: the store updates the article stored
  // with the same origin, and stores an article whose id is taken by
  // another origin under a distinct id (a clash, never a replacement).
  //   "file:/abs/dir/a.txt"       a one-article file (text, HTML), by path
  //   "jsonl:ID"                  a JSONL record with an "id", wherever it is
  //   "url:https://..."           a WARC record's target URI, or a JSONL
  //                               record's "url" when it has no "id"
  //   "warc:UUID"                 a WARC record with no target URI
  //   "file:/abs/a.jsonl:17"      a record with none of these, by line
  //   "stdin:HEX"                 standard input: a hash of the record
  //   "NAME:HEX"                  bytes held in memory (ReadUnnamedBuffer),
  //                               as standard input under their name's stem
  // "" means unknown (built by hand): the store then matches by id alone.
  std::string origin;
  std::string url;        // canonical or fetched URL
  std::string title;
  std::string published;  // ISO date "YYYY[-MM[-DD]]" when the container says so
  std::string outlet;
  std::string author;
  DocumentFormat format = DocumentFormat::kText;
  std::string body;       // UTF-8 NFC text or HTML
};

// One cleaned article: metadata plus the body text with boilerplate removed.
struct Article {
  std::string id;
  std::string source;     // as in Document::source
  std::string origin;     // as in Document::origin
  std::string url;
  std::string title;
  std::string published;  // "YYYY[-MM[-DD]]" or ""
  // Where `published` came from: "json-ld", "meta", "time" (a <time>
  // element), "url", "byline" (a date next to the headline or byline),
  // "text" (a dateline at the start of the body), "estimated", or "" when
  // `published` is empty; "meta" also when the input record set it (a JSONL
  // field, a text file's date marker).
  std::string published_source;
  std::string outlet;
  std::string author;     // every author, joined by ", " (see `authors`)
  std::vector<std::string> authors;  // person names, one per author, in page order
  // The article body. Paragraphs are separated by "\n\n"; offsets used
  // anywhere in storyline are Unicode code points into this string.
  std::string text;
  // Lines/blocks removed as boilerplate (share prompts, credits, related
  // links, ...), in document order, so a reader can check what was dropped.
  std::vector<std::string> boilerplate_removed;
  // 64-bit XXH3 of `text`; identifies the content for dedup and idempotent
  // ingest. Filled by CleanDocument.
  uint64_t content_hash = 0;
};

// Returns the XXH3-64 hash storyline uses for article content.
uint64_t ContentHash(const std::string& text);

}  // namespace storyline

#endif  // STORYLINE_ARTICLE_H_
