// Format detection, plain text, HTML, JSONL and charset handling, through
// the public ReadBuffer/DetectFormat API.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <random>

#include <string>
#include <vector>

#include "ingest_test_util.h"
#include "storyline/ingest.h"

namespace storyline {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing::ReadAll;
using testing::WellFormedUtf8;

TEST(DetectFormat, Table) {
  struct Row {
    const char* name;
    std::string bytes;
    InputFormat want;
  };
  const std::vector<Row> rows = {
      {"a.txt", "Title\n\nBody text.\n", InputFormat::kText},
      {"a", " date 2022-11-29 Title\n\nBody", InputFormat::kText},
      {"page.bin", "<!DOCTYPE html>\n<html><body>x</body></html>", InputFormat::kHtml},
      {"page.txt", "<HTML><BODY>x</BODY></HTML>", InputFormat::kHtml},  // content wins
      {"frag", "\n  <div class=a>hi</div>", InputFormat::kHtml},
      {"frag", "<P>para</P>", InputFormat::kHtml},
      {"frag", "<!-- c -->\n<head><title>t</title></head>", InputFormat::kHtml},
      {"code.txt", "<pre>not a known opener</pre>", InputFormat::kText},  // tie: name
      {"code", "<pre>not a known opener</pre>", InputFormat::kHtml},
      {"notes.html", "plain words in an .html file", InputFormat::kHtml},
      {"feed", "{\"id\":1}\n{\"id\":2}\n", InputFormat::kJsonl},
      {"feed.txt", "  { \"id\": 1 }\n", InputFormat::kJsonl},  // content wins
      {"feed", "{}\n", InputFormat::kJsonl},
      {"news", "{Breaking} news today\n", InputFormat::kText},
      {"feed.jsonl", "[1]\n{\"a\":1}\n", InputFormat::kJsonl},  // tie: name
      {"crawl", "WARC/1.0\r\nWARC-Type: warcinfo\r\n", InputFormat::kWarc},
      {"crawl", "\r\nWARC/1.1\r\n", InputFormat::kWarc},
      {"crawl", std::string("WARC/1.0\r\nContent-Length: 4\r\n\r\n\x89PNG\0\0", 37), InputFormat::kWarc},
      {"crawl.warc", "junk\nWARC/1.0\r\n", InputFormat::kWarc},  // tie: name
      {"crawl", "junk\nWARC/1.0\r\n", InputFormat::kText},
      {"bom", "\xEF\xBB\xBF<html>", InputFormat::kHtml},
      {"utf16", std::string("\xFF\xFE<\0p\0>\0x\0", 10), InputFormat::kHtml},
      {"utf16", std::string("\xFE\xFF\0T\0i\0t\0l\0e", 12), InputFormat::kText},
      {"utf16.jsonl", std::string("\xFF\xFE{\0\"\0", 6), InputFormat::kText},  // JSONL is UTF-8
      {"empty", "", InputFormat::kUnknown},
      {"zip.txt", "\x1f\x8b\x08\x00", InputFormat::kUnknown},
      {"junk.txt", std::string("\x00\x01\x02\x03 binary", 10), InputFormat::kUnknown},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(DetectFormat(r.name, r.bytes), r.want) << r.name << ": " << r.bytes;
  }
}

TEST(InputFormatName, AllNames) {
  EXPECT_STREQ(InputFormatName(InputFormat::kText), "text");
  EXPECT_STREQ(InputFormatName(InputFormat::kHtml), "html");
  EXPECT_STREQ(InputFormatName(InputFormat::kJsonl), "jsonl");
  EXPECT_STREQ(InputFormatName(InputFormat::kWarc), "warc");
  EXPECT_STREQ(InputFormatName(InputFormat::kUnknown), "unknown");
}

TEST(TextReader, Table) {
  struct Row {
    const char* name;
    std::string bytes;
    const char* id;
    const char* title;
    const char* published;
    const char* body;
  };
  const std::vector<Row> rows = {
      {"dir/abc.txt", "Title line\nBody one.\n\nBody two.\n", "abc", "Title line", "",
       "Body one.\n\nBody two."},
      {"d.txt", " date 2022-11-29 Some title\n\nPara.", "d", "Some title", "2022-11-29", "Para."},
      {"d2.txt", "date 2021-01-05   Spaced  \nx", "d2", "Spaced", "2021-01-05", "x"},
      {"crlf.txt", "\n\n  Title after blanks  \r\n\r\nPara one\r\nstill one\r\n", "crlf",
       "Title after blanks", "", "Para one\nstill one"},
      {"bad-month.txt", " date 2022-13-01 Bad month\nx", "bad-month", "date 2022-13-01 Bad month", "",
       "x"},
      {"next.txt", " date 2022-11-29\nTitle on next line\n\nBody", "next", "Title on next line",
       "2022-11-29", "Body"},
      {"nfc.txt", "Cafe\xCC\x81 title\nbody", "nfc", "Caf\xC3\xA9 title", "", "body"},
      {"bom.txt", "\xEF\xBB\xBFTitle\nBody", "bom", "Title", "", "Body"},
      {"only-title.txt", "Just a title\n", "only-title", "Just a title", "", ""},
      {"x/n.v2.TXT", "T\nB", "n.v2", "T", "", "B"},
      {"latin1.txt", "Caf\xE9 au lait\n\nLe gar\xE7on a dit bonjour \xE0 tous.\n", "latin1",
       "Caf\xC3\xA9 au lait", "", "Le gar\xC3\xA7on a dit bonjour \xC3\xA0 tous."},
  };
  for (const Row& r : rows) {
    const testing::ReadOutcome out = ReadAll(r.name, r.bytes);
    ASSERT_TRUE(out.status.ok()) << r.name << ": " << out.status.ToString();
    ASSERT_EQ(out.docs.size(), 1u) << r.name;
    const Document& d = out.docs[0];
    EXPECT_EQ(d.id, r.id) << r.name;
    EXPECT_EQ(d.title, r.title) << r.name;
    EXPECT_EQ(d.published, r.published) << r.name;
    EXPECT_EQ(d.body, r.body) << r.name;
    EXPECT_EQ(d.source, r.name);
    EXPECT_EQ(d.format, DocumentFormat::kText) << r.name;
    EXPECT_TRUE(out.rejects.empty()) << r.name;
  }
}

// Random bytes (a compressed or encrypted blob) are binary even when their
// first KiB happens to hold no NUL: the control characters give them away.
// Before the fix one such blob in about two hundred was stored as an article.
TEST(ReadBuffer, RandomBytesWithoutEarlyNulAreBinary) {
  std::mt19937 rng(20261206);
  int checked = 0;
  for (int trial = 0; trial < 400; ++trial) {
    std::string bytes(4096, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    // The worst case: no NUL in the first KiB and none at the very start.
    for (size_t i = 0; i < 1100; ++i) {
      if (bytes[i] == '\0') bytes[i] = '\x80';
    }
    ++checked;
    const testing::ReadOutcome out = ReadAll("blob.bin", bytes);
    EXPECT_EQ(out.status.code(), StatusCode::kInvalidInput) << "trial " << trial;
    EXPECT_EQ(out.status.message(), "blob.bin: binary data, not an article") << "trial " << trial;
    EXPECT_TRUE(out.docs.empty()) << "trial " << trial;
  }
  EXPECT_EQ(checked, 400);
}

TEST(ReadBuffer, WholeFileErrors) {
  ReadOptions small;
  small.max_record_bytes = 10;
  ReadOptions tiny_file;
  tiny_file.max_file_bytes = 10;
  struct Row {
    const char* name;
    std::string bytes;
    ReadOptions options;
    StatusCode code;
    const char* message;
  };
  const std::vector<Row> rows = {
      {"e.txt", "", {}, StatusCode::kInvalidInput, "e.txt: empty file"},
      {"bom-only.txt", "\xEF\xBB\xBF", {}, StatusCode::kInvalidInput, "bom-only.txt: empty file"},
      {"b.txt", std::string("\x00\x01\x02\x03\x04junk", 9), {}, StatusCode::kInvalidInput,
       "b.txt: binary data, not an article"},
      {"ctl.txt", std::string(50, '\x01') + "text", {}, StatusCode::kInvalidInput,
       "ctl.txt: binary data, not an article"},
      {"w.txt", "   \n\n \t ", {}, StatusCode::kInvalidInput, "w.txt: no text, only whitespace"},
      {"m.txt", " date 2023-04-05\n\n", {}, StatusCode::kInvalidInput, "m.txt: no text, only a date marker"},
      {"big.txt", "Title\n0123456789ABCD", small, StatusCode::kInvalidInput,
       "big.txt: record of 20 bytes exceeds the 10-byte limit"},
      {"big.html", "<p>0123456789ABCD", small, StatusCode::kInvalidInput,
       "big.html: record of 17 bytes exceeds the 10-byte limit"},
      {"huge.txt", "Title\n0123456789ABCD", tiny_file, StatusCode::kInvalidInput,
       "huge.txt: file of 20 bytes exceeds the 10-byte limit"},
      {"junk.txt", "T\n" + [] { std::string s; for (int i = 0; i < 20; ++i) s += "\xC3\xA9"; return s; }() +
                       std::string(6, '\xFF'),
       {}, StatusCode::kInvalidInput, "junk.txt: mostly invalid UTF-8 (6 of 48 bytes)"},
      {"junk.html", "<html><meta charset=utf-8><p>" + std::string(40, '\xFF'), {},
       StatusCode::kInvalidInput, "junk.html: mostly invalid UTF-8 (40 of 69 bytes)"},
      // Undeclared high bytes with no valid UTF-8 at all are a legacy
      // charset, not junk: see TextReader.Table "latin1.txt".
  };
  for (const Row& r : rows) {
    const testing::ReadOutcome out = ReadAll(r.name, r.bytes, r.options);
    EXPECT_EQ(out.status.code(), r.code) << r.name << ": " << out.status.ToString();
    EXPECT_THAT(out.status.message(), StartsWith(r.message)) << r.name;
    EXPECT_TRUE(out.docs.empty()) << r.name;
  }
}

// Undeclared bytes: damaged UTF-8 or a legacy charset? A single valid 3-4
// byte sequence outweighs a few stray bytes; no valid sequence at all means
// windows-1252 (or what ICU detects).
TEST(TextReader, DamagedUtf8OrLegacyTable) {
  struct Row {
    std::string bytes;
    const char* title;
    size_t warnings;
  };
  const std::vector<Row> rows = {
      {"Smile \xF0\x9F\x98\x80 then \xFF\xFE and \xC3 and \xE2\x80 cut\nA body line of plain words keeps the damage under a tenth.\n", "Smile \xF0\x9F\x98\x80 then \xEF\xBF\xBD\xEF\xBF\xBD and \xEF\xBF\xBD and \xEF\xBF\xBD cut", 1},
      {"Stra\xDF" "e und Caf\xE9 \xE0 la cr\xE8me\n", "Stra\xC3\x9F" "e und Caf\xC3\xA9 \xC3\xA0 la cr\xC3\xA8me", 0},
  };
  for (const Row& r : rows) {
    const testing::ReadOutcome out = ReadAll("d.txt", r.bytes);
    ASSERT_EQ(out.docs.size(), 1u) << r.bytes;
    EXPECT_EQ(out.docs[0].title, r.title);
    EXPECT_EQ(out.warnings.size(), r.warnings) << r.bytes;
  }
}

// Text is NFC-normalised wherever the decomposed sequence sits: at the
// start, after ASCII, after other non-ASCII letters, and in later stretches
// once earlier ones were already NFC.
TEST(TextReader, NfcNormalisationTable) {
  struct Row {
    std::string body;
    std::string want;
  };
  const std::vector<Row> rows = {
      {"e\xCC\x81t\xC3\xA9", "\xC3\xA9t\xC3\xA9"},                       // e + U+0301 first
      {"plain ascii only", "plain ascii only"},
      {"caf\xC3\xA9 then Zu\xCC\x88rich", "caf\xC3\xA9 then Z\xC3\xBCrich"},  // 2nd stretch
      {"\xCE\xB1\xCC\x81 greek", "\xCE\xAC greek"},                       // alpha + acute
      {"\xE2\x80\x94 dash \xEA\xB0\x80 hangul \xC3\xB1", "\xE2\x80\x94 dash \xEA\xB0\x80 hangul \xC3\xB1"},
      {"a \xE1\x84\x80\xE1\x85\xA1 b", "a \xEA\xB0\x80 b"},                  // conjoining jamo
      {"\xCE\xAC ok then e\xCC\x81", "\xCE\xAC ok then \xC3\xA9"},           // NFC stretch, then not
  };
  for (const Row& r : rows) {
    const testing::ReadOutcome out = ReadAll("n.txt", "Title\n" + r.body + "\n");
    ASSERT_EQ(out.docs.size(), 1u) << r.body;
    EXPECT_EQ(out.docs[0].body, r.want) << r.body;
  }
}

TEST(TextReader, InvalidUtf8IsReplacedWithWarning) {
  const std::string bytes =
      "Caf\xC3\xA9 title\nSome body with a bad \xFF byte and enough good words around it.\n";
  const testing::ReadOutcome out = ReadAll("u.txt", bytes);
  ASSERT_TRUE(out.status.ok()) << out.status.ToString();
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_THAT(out.docs[0].body, HasSubstr("bad \xEF\xBF\xBD byte"));
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0], "u.txt:2:22: invalid UTF-8 replaced (1 bytes)");
}

TEST(HtmlReader, CharsetTable) {
  struct Row {
    const char* what;
    std::string bytes;
    const char* must_contain;  // UTF-8
  };
  const std::vector<Row> rows = {
      {"meta charset latin1", "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9</p>",
       "<p>Caf\xC3\xA9</p>"},
      {"meta http-equiv 1252",
       "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">"
       "</head><body><p>\x93quoted\x94 \x80</p>",
       "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC"},
      {"xml declaration", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<html><p>na\xEFve</p>",
       "na\xC3\xAFve"},
      {"mislabelled utf-8", "<html><meta charset=iso-8859-1><p>Caf\xC3\xA9</p>", "<p>Caf\xC3\xA9</p>"},
      {"shift_jis", "<html><meta charset=\"Shift_JIS\"><p>\x93\xFA\x96\x7B</p>",
       "<p>\xE6\x97\xA5\xE6\x9C\xAC</p>"},
      {"utf-16le bom", std::string("\xFF\xFE<\0p\0>\0\xE9\0", 10), "<p>\xC3\xA9"},
      {"utf-8 bom stripped", "\xEF\xBB\xBF<html><p>x</p>", "<html><p>x</p>"},
      {"nfc", "<html><p>Cafe\xCC\x81</p>", "<p>Caf\xC3\xA9</p>"},
  };
  for (const Row& r : rows) {
    const testing::ReadOutcome out = ReadAll("dir/page.html", r.bytes);
    ASSERT_TRUE(out.status.ok()) << r.what << ": " << out.status.ToString();
    ASSERT_EQ(out.docs.size(), 1u) << r.what;
    const Document& d = out.docs[0];
    EXPECT_EQ(d.format, DocumentFormat::kHtml) << r.what;
    EXPECT_EQ(d.id, "page") << r.what;
    EXPECT_THAT(d.body, HasSubstr(r.must_contain)) << r.what << ": " << d.body;
    EXPECT_TRUE(WellFormedUtf8(d.body)) << r.what;
    EXPECT_EQ(d.body.rfind("\xEF\xBB\xBF", 0), std::string::npos) << r.what;
  }
}

TEST(JsonlReader, BadLinesDoNotStopGoodOnes) {
  const std::string bytes =
      "{\"id\":\"a1\",\"url\":\"https://e.x/a\",\"title\":\"T1\",\"date\":\"2022-11-29T10:00:00Z\","
      "\"outlet\":\"Outlet\",\"author\":\"Au Thor\",\"text\":\"Body one\"}\n"
      "this is not json\n"
      "\n"
      "[1,2]\n"
      "{\"id\":\"a2\",\"title\":\"T2\"}\n"
      "{\"title\":\"T3\",\"html\":\"<p>x</p>\",\"date\":\"2022-11\"}\r\n"
      "{\"id\":7,\"text\":\"number id\",\"date\":\"Nov 29\",\"title\":42}\n"
      "{\"id\":\"a8\",\"text\":\"a\"} trailing\n"
      "{\"id\":\"a9\",\"text\":\"\",\"html\":\"\"}\n"
      "{\"id\":\"a10\",\"text\":\"Cafe\\u0301 both\",\"html\":\"<p>h</p>\",\"published\":\"2020\"}";
  const testing::ReadOutcome out = ReadAll("in/feed.jsonl", bytes);
  ASSERT_TRUE(out.status.ok()) << out.status.ToString();
  ASSERT_EQ(out.docs.size(), 4u);

  const Document& a1 = out.docs[0];
  EXPECT_EQ(a1.id, "a1");
  EXPECT_EQ(a1.url, "https://e.x/a");
  EXPECT_EQ(a1.title, "T1");
  EXPECT_EQ(a1.published, "2022-11-29");
  EXPECT_EQ(a1.outlet, "Outlet");
  EXPECT_EQ(a1.author, "Au Thor");
  EXPECT_EQ(a1.body, "Body one");
  EXPECT_EQ(a1.format, DocumentFormat::kText);
  EXPECT_EQ(a1.source, "in/feed.jsonl:1");

  EXPECT_EQ(out.docs[1].id, "feed-6");
  EXPECT_EQ(out.docs[1].format, DocumentFormat::kHtml);
  EXPECT_EQ(out.docs[1].published, "2022-11");
  EXPECT_EQ(out.docs[2].id, "7");
  EXPECT_EQ(out.docs[2].title, "");
  EXPECT_EQ(out.docs[2].published, "");
  EXPECT_EQ(out.docs[3].id, "a10");
  EXPECT_EQ(out.docs[3].body, "Caf\xC3\xA9 both");  // text preferred, NFC
  EXPECT_EQ(out.docs[3].published, "2020");

  const std::vector<std::string> want_rejects = {
      "in/feed.jsonl:2: not valid JSON (",
      "in/feed.jsonl:4: not valid JSON (the line is an array, not an object)",
      "in/feed.jsonl:5: record has neither \"text\" nor \"html\"",
      "in/feed.jsonl:8: not valid JSON (",
      "in/feed.jsonl:9: record has neither \"text\" nor \"html\"",
  };
  ASSERT_EQ(out.rejects.size(), want_rejects.size());
  for (size_t i = 0; i < want_rejects.size(); ++i) {
    EXPECT_EQ(out.rejects[i].code(), StatusCode::kInvalidInput);
    EXPECT_THAT(out.rejects[i].message(), StartsWith(want_rejects[i]));
  }
  ASSERT_EQ(out.warnings.size(), 2u);
  EXPECT_EQ(out.warnings[0], "in/feed.jsonl:7: field \"title\" is a number, not a string; ignored");
  EXPECT_EQ(out.warnings[1], "in/feed.jsonl:7: unrecognised date \"Nov 29\" ignored");
}

TEST(JsonlReader, InvalidUtf8Table) {
  struct Row {
    std::string line;
    size_t docs;
    const char* message;  // warning or rejection prefix
  };
  const std::vector<Row> rows = {
      {"{\"id\":\"u\",\"text\":\"good words and one bad \xC3 byte in a long enough line\"}", 1,
       "x.jsonl:1:42: invalid UTF-8 replaced (1 bytes)"},
      {"{\"id\":\"u\",\"text\":\"\xFF\xFE\xFD\xFC\xFB\xFA\"}", 0, "x.jsonl:1: mostly invalid UTF-8"},
  };
  for (const Row& r : rows) {
    const testing::ReadOutcome out = ReadAll("x.jsonl", r.line);
    ASSERT_TRUE(out.status.ok());
    ASSERT_EQ(out.docs.size(), r.docs) << r.line;
    if (r.docs > 0) {
      EXPECT_THAT(out.docs[0].body, HasSubstr("bad \xEF\xBF\xBD byte"));
      ASSERT_EQ(out.warnings.size(), 1u);
      EXPECT_EQ(out.warnings[0], r.message);
    } else {
      ASSERT_EQ(out.rejects.size(), 1u);
      EXPECT_THAT(out.rejects[0].message(), StartsWith(r.message));
    }
  }
}

TEST(JsonlReader, FiftyMegabyteLineIsSkipped) {
  constexpr size_t kBigText = size_t{50} << 20;  // 50 MiB, well above the 16 MiB default
  std::string bytes = "{\"id\":\"before\",\"text\":\"ok\"}\n{\"text\":\"";
  const size_t big_start = bytes.size() - 9;
  bytes.append(kBigText, 'a');
  bytes += "\"}\n{\"id\":\"after\",\"text\":\"ok\"}\n";
  const size_t big_len = bytes.find('\n', big_start) - big_start;
  const testing::ReadOutcome out = ReadAll("big.jsonl", bytes);
  ASSERT_TRUE(out.status.ok());
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].id, "before");
  EXPECT_EQ(out.docs[1].id, "after");
  ASSERT_EQ(out.rejects.size(), 1u);
  EXPECT_EQ(out.rejects[0].message(), "big.jsonl:2: record of " + std::to_string(big_len) +
                                          " bytes exceeds the 16777216-byte limit");
}

TEST(JsonlReader, ByteOrderMarkIsSkipped) {
  const testing::ReadOutcome out = ReadAll("bom.jsonl", "\xEF\xBB\xBF{\"id\":\"b\",\"text\":\"t\"}\n");
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].id, "b");
  EXPECT_TRUE(out.rejects.empty());
}

TEST(JsonlReader, BinaryTextFieldIsRejected) {
  const testing::ReadOutcome out = ReadAll("b.jsonl", "{\"text\":\"\\u0000\\u0001abc\"}\n");
  EXPECT_TRUE(out.docs.empty());
  ASSERT_EQ(out.rejects.size(), 1u);
  EXPECT_EQ(out.rejects[0].message(), "b.jsonl:1: binary data, not an article");
}

TEST(ReadBuffer, SinkErrorStopsAndIsReturned) {
  testing::RecordingReporter rep;
  size_t calls = 0;
  const Status s = ReadBuffer("s.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", {}, rep, [&](Document&&) {
    ++calls;
    return Status::IOError("disk full");
  });
  EXPECT_EQ(s.code(), StatusCode::kIOError);
  EXPECT_EQ(s.message(), "disk full");
  EXPECT_EQ(calls, 1u);
}

}  // namespace
}  // namespace storyline
