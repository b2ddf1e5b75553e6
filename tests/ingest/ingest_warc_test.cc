// WARC reading through ReadBuffer: record selection, HTTP framing, charsets,
// transfer/content codings, damage and gzip (per-record members).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest_test_util.h"
#include "storyline/ingest.h"

namespace storyline {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing::GzipMember;
using testing::ReadAll;

struct Rec {
  std::string type;
  std::string id;
  std::string uri;
  std::string content_type;  // the WARC Content-Type header
  std::string block;
};

// Built with append: GCC 12 misreports -Wrestrict on long operator+ chains.
std::string Warc(const Rec& r) {
  std::string h = "WARC/1.0\r\nWARC-Type: ";
  h.append(r.type).append("\r\n");
  if (!r.id.empty()) h.append("WARC-Record-ID: <urn:uuid:").append(r.id).append(">\r\n");
  if (!r.uri.empty()) h.append("WARC-Target-URI: ").append(r.uri).append("\r\n");
  h.append("WARC-Date: 2024-03-01T12:00:00Z\r\n");
  if (!r.content_type.empty()) h.append("Content-Type: ").append(r.content_type).append("\r\n");
  h.append("Content-Length: ").append(std::to_string(r.block.size())).append("\r\n\r\n");
  h.append(r.block).append("\r\n\r\n");
  return h;
}

std::string Http(int code, const std::string& headers, const std::string& body) {
  std::string h = "HTTP/1.1 ";
  h.append(std::to_string(code)).append(" X\r\n").append(headers);
  h.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n\r\n").append(body);
  return h;
}

Rec Response(const std::string& id, const std::string& uri, const std::string& http) {
  return {"response", id, uri, "application/http; msgtype=response", http};
}

TEST(WarcReader, PicksArticlesSkipsTheRest) {
  std::string w;
  w += Warc({"warcinfo", "info", "", "application/warc-fields", "software: test\r\n"});
  w += Warc({"request", "req1", "https://a.example/1", "application/http; msgtype=request",
             "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n"});
  w += Warc(Response("r1", "https://a.example/1",
                     Http(200, "Content-Type: text/html; charset=utf-8\r\n",
                          "<html><body><p>Caf\xC3\xA9 one</p></body></html>")));
  w += Warc(Response("img", "https://a.example/logo.png",
                     Http(200, "Content-Type: image/png\r\n", std::string("\x89PNG\r\n\x1a\n\0\0\0", 12))));
  w += "some garbage between records\r\nmore garbage\r\n";
  w += Warc(Response("r2", "https://b.example/2",
                     Http(200, "Content-Type: text/html; charset=ISO-8859-1\r\n",
                          "<html><p>Na\xEFve caf\xE9</p></html>")));
  w += Warc(Response("moved", "https://b.example/3", Http(301, "Location: /x\r\n", "")));
  w += Warc(Response("missing", "https://b.example/4", Http(404, "Content-Type: text/html\r\n", "<p>gone</p>")));
  w += Warc({"resource", "res", "file:///notes.txt", "text/plain", "Plain resource text.\n"});
  w += Warc({"metadata", "meta", "https://a.example/1", "application/warc-fields", "via: x\r\n"});

  const testing::ReadOutcome out = ReadAll("crawl.warc", w);
  ASSERT_TRUE(out.status.ok()) << out.status.ToString();
  ASSERT_EQ(out.docs.size(), 3u);
  EXPECT_EQ(out.docs[0].id, "r1");
  EXPECT_EQ(out.docs[0].url, "https://a.example/1");
  EXPECT_EQ(out.docs[0].format, DocumentFormat::kHtml);
  EXPECT_EQ(out.docs[0].body, "<html><body><p>Caf\xC3\xA9 one</p></body></html>");
  EXPECT_EQ(out.docs[0].published, "");  // WARC-Date is the fetch date
  EXPECT_THAT(out.docs[0].source, StartsWith("crawl.warc:"));
  EXPECT_EQ(out.docs[1].id, "r2");
  EXPECT_EQ(out.docs[1].body, "<html><p>Na\xC3\xAFve caf\xC3\xA9</p></html>");
  EXPECT_EQ(out.docs[2].id, "res");
  // A page is its URL (a later crawl of it is an update of it).
  EXPECT_EQ(out.docs[0].origin, "url:https://a.example/1");
  EXPECT_EQ(out.docs[1].origin, "url:https://b.example/2");
  EXPECT_EQ(out.docs[2].origin, "url:file:///notes.txt");
  EXPECT_EQ(out.docs[2].format, DocumentFormat::kText);
  EXPECT_EQ(out.docs[2].body, "Plain resource text.\n");
  EXPECT_TRUE(out.rejects.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_THAT(out.warnings[0], HasSubstr("bytes that are not a WARC record"));
}

TEST(WarcReader, CharsetTable) {
  struct Row {
    const char* what;
    std::string http_headers;
    std::string body;
    const char* must_contain;
  };
  const std::vector<Row> rows = {
      {"header latin1", "Content-Type: text/html; charset=\"iso-8859-1\"\r\n", "<p>Caf\xE9</p>",
       "Caf\xC3\xA9"},
      {"header beats meta", "Content-Type: text/html; charset=windows-1252\r\n",
       "<meta charset=utf-8><p>\x93q\x94</p>", "\xE2\x80\x9Cq\xE2\x80\x9D"},
      {"meta 1252", "Content-Type: text/html\r\n",
       "<html><head><meta http-equiv=\"content-type\" content=\"text/html;charset=windows-1252\"></head>"
       "<p>\x93q\x94</p>",
       "\xE2\x80\x9Cq\xE2\x80\x9D"},
      {"meta latin1", "Content-Type: text/html\r\n", "<meta charset='latin1'><p>gar\xE7on</p>",
       "gar\xC3\xA7on"},
      {"no charset, utf-8", "Content-Type: text/html\r\n", "<p>\xE2\x80\x94 dash</p>", "\xE2\x80\x94 dash"},
      {"no type, sniffed html", "", "<!doctype html><p>sniffed</p>", "sniffed"},
      {"xhtml", "Content-Type: application/xhtml+xml\r\n", "<html><p>x</p></html>", "<p>x</p>"},
  };
  for (const Row& r : rows) {
    const std::string w = Warc(Response("id1", "https://e.x/", Http(200, r.http_headers, r.body)));
    const testing::ReadOutcome out = ReadAll("c.warc", w);
    ASSERT_TRUE(out.status.ok()) << r.what;
    ASSERT_EQ(out.docs.size(), 1u) << r.what;
    EXPECT_THAT(out.docs[0].body, HasSubstr(r.must_contain)) << r.what;
    EXPECT_TRUE(testing::WellFormedUtf8(out.docs[0].body)) << r.what;
  }
}

TEST(WarcReader, ChunkedAndGzipPayloads) {
  const std::string html = "<html><p>Compressed and chunked article text.</p></html>";
  const std::string gz = GzipMember(html);
  std::string chunked;
  const size_t half = gz.size() / 2;
  auto hex = [](size_t n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%zx", n);
    return std::string(buf);
  };
  chunked += hex(half) + "\r\n" + gz.substr(0, half) + "\r\n";
  chunked += hex(gz.size() - half) + ";ext=1\r\n" + gz.substr(half) + "\r\n0\r\n\r\n";
  std::string w;
  w += Warc(Response("gz", "https://e.x/gz",
                     Http(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gz)));
  w += Warc(Response("both", "https://e.x/both",
                     Http(200,
                          "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                          "Content-Encoding: gzip\r\n",
                          chunked)));
  // Stored already decoded although the header still says gzip.
  w += Warc(Response("plain", "https://e.x/plain",
                     Http(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", html)));
  w += Warc(Response("br", "https://e.x/br",
                     Http(200, "Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x0b\x02\x80")));
  const testing::ReadOutcome out = ReadAll("enc.warc", w);
  ASSERT_TRUE(out.status.ok());
  ASSERT_EQ(out.docs.size(), 3u);
  for (const Document& d : out.docs) EXPECT_EQ(d.body, html) << d.id;
  ASSERT_EQ(out.rejects.size(), 1u);
  EXPECT_EQ(out.rejects[0].code(), StatusCode::kUnsupported);
  EXPECT_THAT(out.rejects[0].message(), HasSubstr("Content-Encoding \"br\" is not supported"));
}

TEST(WarcReader, DamagedRecords) {
  const std::string good1 = Warc(Response("g1", "u1", Http(200, "Content-Type: text/html\r\n", "<p>one</p>")));
  const std::string good2 = Warc(Response("g2", "u2", Http(200, "Content-Type: text/html\r\n", "<p>two</p>")));
  std::string no_length =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:nolen>\r\n\r\nHTTP/1.1 200 OK\r\n\r\nx\r\n\r\n";
  std::string truncated = Warc(Response("cut", "u3", Http(200, "Content-Type: text/html\r\n", "<p>three</p>")));
  truncated.resize(truncated.size() - 10);

  const testing::ReadOutcome out = ReadAll("bad.warc", good1 + no_length + good2 + truncated);
  ASSERT_TRUE(out.status.ok());
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].id, "g1");
  EXPECT_EQ(out.docs[1].id, "g2");
  ASSERT_EQ(out.rejects.size(), 2u);
  EXPECT_THAT(out.rejects[0].message(), HasSubstr(": WARC record has no valid Content-Length"));
  EXPECT_EQ(out.rejects[1].code(), StatusCode::kCorruption);
  EXPECT_THAT(out.rejects[1].message(), HasSubstr(": WARC record truncated (Content-Length "));
  // Each message names the line the record starts on.
  const size_t line1 = 1 + static_cast<size_t>(std::count(good1.begin(), good1.end(), '\n'));
  EXPECT_THAT(out.rejects[0].message(), StartsWith("bad.warc:" + std::to_string(line1) + ": "));
}

TEST(WarcReader, OversizedPayloadIsReported) {
  ReadOptions options;
  options.max_record_bytes = 100;
  const std::string big(300, 'x');
  const std::string w = Warc(Response("big", "u", Http(200, "Content-Type: text/html\r\n", std::string("<p>").append(big)))) +
                        Warc(Response("small", "u", Http(200, "Content-Type: text/html\r\n", "<p>ok")));
  const testing::ReadOutcome out = ReadAll("big.warc", w, options);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].id, "small");
  ASSERT_EQ(out.rejects.size(), 1u);
  EXPECT_EQ(out.rejects[0].message(), "big.warc:1: record of 303 bytes exceeds the 100-byte limit");
}

TEST(WarcReader, GzipPerRecordAndTruncated) {
  std::vector<std::string> records;
  for (int i = 0; i < 3; ++i) {
    const std::string n = std::to_string(i);
    records.push_back(Warc(Response(std::string("r").append(n), std::string("https://e.x/").append(n),
                                    Http(200, "Content-Type: text/html\r\n",
                                         std::string("<p>record number ").append(n).append("</p>")))));
  }
  std::string gz;
  for (const std::string& r : records) gz += GzipMember(r);
  const testing::ReadOutcome whole = ReadAll("c.warc.gz", gz);
  ASSERT_TRUE(whole.status.ok()) << whole.status.ToString();
  ASSERT_EQ(whole.docs.size(), 3u);
  EXPECT_EQ(whole.docs[2].id, "r2");

  // Cut inside the last member: the first two records survive.
  const std::string last = GzipMember(records[2]);
  const std::string cut = gz.substr(0, gz.size() - last.size() / 2);
  const testing::ReadOutcome part = ReadAll("c.warc.gz", cut);
  EXPECT_EQ(part.status.code(), StatusCode::kCorruption);
  EXPECT_THAT(part.status.message(), StartsWith("c.warc.gz: truncated gzip data"));
  ASSERT_EQ(part.docs.size(), 2u);
  EXPECT_EQ(part.docs[1].id, "r1");
  EXPECT_TRUE(part.rejects.empty());
}

}  // namespace
}  // namespace storyline
