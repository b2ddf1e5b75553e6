// Tests for page metadata (src/clean/html_metadata.cc) through ExtractHtml and
// CleanDocument: publication date and its evidence, headline, authors. Every
// page is invented for the rule under test (issue 13); one row per rule.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clean/html_extract.h"
#include "storyline/clean.h"

namespace storyline {
namespace {

const std::string kBody =
    "<div class=\"article-body\"><p>The harbour board voted on Tuesday, after a long and heated debate, to "
    "rebuild the northern pier, a project delayed for a decade by disputes over cost and design.</p><p>Fishermen "
    "said the work would bring back boats that now land their catch elsewhere, while residents, worried about "
    "noise, asked for limits on working hours during the summer months.</p></div>";

std::string Page(const std::string& head, const std::string& before_body, const std::string& url = "") {
  std::string h = head;
  if (!url.empty()) h += "<link rel=\"canonical\" href=\"" + url + "\">";
  return "<!DOCTYPE html><html><head>" + h + "</head><body><article>" + before_body + kBody +
         "</article></body></html>";
}

std::string JsonLd(const std::string& json) { return "<script type=\"application/ld+json\">" + json + "</script>"; }

std::string MetaTag(const std::string& key, const std::string& value, const char* attr = "property") {
  return std::string("<meta ") + attr + "=\"" + key + "\" content=\"" + value + "\">";
}

struct DateCase {
  const char* name;
  std::string html;
  std::string published;
  std::string source;
};

TEST(HtmlMetadataTest, PublicationDate) {
  const std::string h1 = "<h1>Harbour board backs new pier</h1>";
  const std::vector<DateCase> cases = {
      {"json-ld in @graph, nested mainEntity",
       Page(JsonLd(R"({"@graph":[{"@type":"WebSite","name":"x"},{"@type":"WebPage","mainEntity":)"
                   R"({"@type":"NewsArticle","datePublished":"2021-04-05T09:00:00+02:00"}}]})"),
            h1),
       "2021-04-05", "json-ld"},
      {"json-ld of any type with dateCreated",
       Page(JsonLd(R"({"@type":"ClaimReview","dateCreated":"2020-02-03"})"), h1), "2020-02-03", "json-ld"},
      {"article type preferred over another type",
       Page(JsonLd(R"([{"@type":"WebPage","datePublished":"2020-01-01"},)"
                   R"({"@type":"BlogPosting","datePublished":"2020-01-09"}])"),
            h1),
       "2020-01-09", "json-ld"},
      {"lenient json-ld: raw newline in a string, comment, trailing data",
       Page(JsonLd("{\"@type\":\"NewsArticle\", // generated\n \"headline\":\"Two\nlines\","
                   "\"datePublished\":\"2019-06-07\"};var x=1;"),
            h1),
       "2019-06-07", "json-ld"},
      {"json-ld date written out", Page(JsonLd(R"({"@type":"NewsArticle","datePublished":"20 Nov 2019 08:02 GMT"})"), h1),
       "2019-11-20", "json-ld"},
      {"placeholder date ignored, byline used",
       Page(JsonLd(R"({"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"})"),
            h1 + "<p>Published 11:11 PM EST Nov 19, 2019</p>"),
       "2019-11-19", "byline"},
      {"og:article:published_time", Page(MetaTag("og:article:published_time", "2018-03-04T10:00:00+01:00"), h1),
       "2018-03-04", "meta"},
      {"dublin core", Page(MetaTag("DC.date.issued", "2017-05-06", "name"), h1), "2017-05-06", "meta"},
      {"sailthru.date", Page(MetaTag("sailthru.date", "2019-11-18 20:58:46", "name"), h1), "2019-11-18", "meta"},
      {"parsely-pub-date", Page(MetaTag("parsely-pub-date", "2019-11-18T23:30:00-05:00", "name"), h1), "2019-11-18",
       "meta"},
      {"publish-date", Page(MetaTag("publish-date", "2018-01-29", "name"), h1), "2018-01-29", "meta"},
      {"itemprop microdata on a span",
       Page("", h1 + "<span itemprop=\"datePublished\" content=\"2016-12-01T02:05:35+00:00\"></span>"), "2016-12-01",
       "meta"},
      {"time element", Page("", h1 + "<time datetime=\"2015-03-30\">March 30</time>"), "2015-03-30", "time"},
      {"modified date is not the publication date",
       Page(MetaTag("article:modified_time", "2019-02-01T10:00:00-08:00"), h1 + "<p>Posted January 29, 2018</p>"),
       "2018-01-29", "byline"},
      {"a publication date after the last modification is refused",
       Page(MetaTag("article:published_time", "2030-01-01") + MetaTag("article:modified_time", "2018-01-05"),
            h1 + "<p>January 3, 2018</p>"),
       "2018-01-03", "byline"},
      {"url date", Page("", h1, "https://news.example/2012/05/11/pier-vote/"), "2012-05-11", "url"},
      {"url basic date", Page("", h1, "https://news.example/pier-vote-20120511/"), "2012-05-11", "url"},
      {"byline month name, German",
       Page("", h1 + "<p class=\"meta\">Von Anna Berg, 17. März 2020</p>"), "2020-03-17", "byline"},
      {"byline numeric, day first outside en-US",
       Page("<meta property=\"og:locale\" content=\"pt_BR\">", h1 + "<p>05/10/2018</p>"), "2018-10-05", "byline"},
      {"updated label loses to the publication date in the byline",
       Page("", h1 + "<p>Updated Nov 21, 2019</p><p>Published Nov 19, 2019</p>"), "2019-11-19", "byline"},
      {"UTC instant moved to the day the byline writes",
       Page(MetaTag("article:published_time", "2019-11-20T01:50:59Z"), h1 + "<p>By Ann Lee | Nov. 19, 2019 5:50 PM</p>"),
       "2019-11-19", "byline"},
      {"UTC instant moved to the URL's day",
       Page(JsonLd(R"({"@type":"NewsArticle","datePublished":"2019-11-19T04:58:46Z"})"), h1,
            "https://news.example/2019/11/18/pier/"),
       "2019-11-18", "url"},
      {"a zoned time is the local day already",
       Page(MetaTag("article:published_time", "2019-11-19T06:30:42-05:00"), h1 + "<p>Nov. 20, 2019</p>"),
       "2019-11-19", "meta"},
      {"before the web: no date", Page(MetaTag("article:published_time", "1851-09-18"), h1), "", ""},
      {"dateline at the start of the body",
       "<html><body><article><div class=\"article-body\"><p>March 3, 2021 - The harbour board voted on Tuesday, "
       "after a long and heated debate, to rebuild the northern pier, a project delayed for a decade.</p><p>"
       "Fishermen said the work would bring back boats that now land their catch elsewhere, while residents, "
       "worried about noise, asked for limits on working hours.</p></div></article></body></html>",
       "2021-03-03", "text"},
  };
  for (const DateCase& c : cases) {
    SCOPED_TRACE(c.name);
    Result<HtmlPage> page = ExtractHtml(c.html, {});
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->published, c.published);
    EXPECT_EQ(page->published_source, c.source);
  }
}

struct TitleCase {
  const char* name;
  std::string html;
  std::string title;
};

TEST(HtmlMetadataTest, Headline) {
  const std::vector<TitleCase> cases = {
      {"site name suffix removed",
       Page("<title>Pier vote passes - Harbour Times</title>" + MetaTag("og:site_name", "Harbour Times"), ""),
       "Pier vote passes"},
      {"site name prefix removed", Page("<title>Harbour Times | Pier vote passes</title>", "",
                                        "https://www.harbourtimes.example/pier"),
       "Pier vote passes"},
      {"host as the site name", Page("<title>Pier vote passes | HarbourTimes.com</title>", "",
                                     "https://harbourtimes.com/pier"),
       "Pier vote passes"},
      {"a dash inside the headline stays", Page("<title>Take C.A.R.E. - a plan for the pier</title>", ""),
       "Take C.A.R.E. - a plan for the pier"},
      {"h1 agreeing with og:title wins over <title>",
       Page(MetaTag("og:title", "Board backs new pier for the harbour") + "<title>SEO words - Site</title>",
            "<h1>Board backs new pier for the harbour town</h1>"),
       "Board backs new pier for the harbour town"},
      {"an h1 holding the site name is skipped",
       Page(MetaTag("og:title", "Board backs new pier") + MetaTag("og:site_name", "Harbour Times"),
            "<h1>Harbour Times</h1><h1>Board backs new pier</h1>"),
       "Board backs new pier"},
      {"kicker removed", Page(MetaTag("og:title", "Opinion | The pier we need"), "<h1>The pier we need</h1>"),
       "The pier we need"},
      {"kicker in the h1 removed", Page(MetaTag("og:title", "Column: The pier we need"), "<h1>Column: The pier we need</h1>"),
       "The pier we need"},
      {"json-ld headline entities decoded", Page(JsonLd(R"({"@type":"NewsArticle","headline":"Pier&#8217;s day"})"), ""),
       "Pier\u2019s day"},
  };
  for (const TitleCase& c : cases) {
    SCOPED_TRACE(c.name);
    Result<HtmlPage> page = ExtractHtml(c.html, {});
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->title, c.title);
  }
}

struct AuthorCase {
  const char* name;
  std::string html;
  std::vector<std::string> authors;
};

// Issue 13, part 4: the outlet is the site's own name, without its tagline;
// a name that is only the host gives way to the title's segment that spells
// the host; a brand written with its capitals stays as written.
TEST(HtmlMetadataTest, Outlet) {
  const std::string h1 = "<h1>Harbour board votes to rebuild pier</h1>";
  struct Case {
    const char* name;
    std::string html;
    std::string outlet;
  };
  const Case cases[] = {
      {"og:site_name", Page(MetaTag("og:site_name", "Harbour Gazette"), h1, "https://www.harbourgazette.com/a/1"),
       "Harbour Gazette"},
      {"tagline after a bar", Page(MetaTag("og:site_name", "Quayside | Boats | Piers | Ferries"), h1,
                                   "https://quaysidenews.org/a/1"),
       "Quayside"},
      {"the segment that spells the host", Page(MetaTag("og:site_name", "Daily coast news - Pierwatch 80/90"), h1,
                                                "http://www.pierwatch8090.it/a/1"),
       "Pierwatch 80/90"},
      {"json-ld publisher", Page(JsonLd(R"({"@type":"NewsArticle","publisher":{"name":"Harbour Gazette"}})"), h1),
       "Harbour Gazette"},
      {"bare host gives way to the title",
       Page(MetaTag("og:site_name", "hbgazette.com") + "<title>Harbour board votes - The Harbour Bay Gazette</title>", h1,
            "https://www.hbgazette.com/a/1"),
       "The Harbour Bay Gazette"},
      {"brand with its capitals", Page(MetaTag("og:site_name", "PierNews.ca"), h1, "https://www.piernews.ca/a/1"),
       "PierNews.ca"},
      {"headline is never the outlet",
       Page("<title>Harbour board votes to rebuild pier</title>", h1, "https://www.hbgazette.com/a/1"), ""},
  };
  for (const Case& c : cases) {
    Result<HtmlPage> page = ExtractHtml(c.html, {});
    ASSERT_TRUE(page.ok()) << c.name << ": " << page.status().ToString();
    EXPECT_EQ(page->outlet, c.outlet) << c.name;
  }
}

TEST(HtmlMetadataTest, Authors) {
  const std::string h1 = "<h1>Harbour board backs new pier</h1>";
  const std::vector<AuthorCase> cases = {
      {"json-ld list of persons, organisation skipped",
       Page(JsonLd(R"({"@type":"NewsArticle","author":[{"@type":"Person","name":"Ann Lee"},)"
                   R"({"@type":"Organization","name":"Harbour Times"},{"name":"Bo Chen"}]})"),
            h1),
       {"Ann Lee", "Bo Chen"}},
      {"json-ld string author", Page(JsonLd(R"({"@type":"NewsArticle","author":"Ann Lee"})"), h1), {"Ann Lee"}},
      {"one-word name from a schema.org Person",
       Page(JsonLd(R"({"@type":"BlogPosting","author":{"@type":"Person","name":"Regan"}})"), h1), {"Regan"}},
      {"affiliation dropped", Page(MetaTag("author", "Rob Picheta, CNN", "name"), h1), {"Rob Picheta"}},
      {"degrees dropped", Page(MetaTag("author", "Rachael Link, MS, RD", "name"), h1), {"Rachael Link"}},
      {"role with hyphens dropped", Page(MetaTag("author", "Analysis by Chris Lee, CNN Editor-at-large", "name"), h1),
       {"Chris Lee"}},
      {"url author ignored, rel=author used",
       Page(MetaTag("article:author", "https://facebook.example/harbour"),
            h1 + "<p>By <a rel=\"author\" href=\"/a/ann\">Ann Lee</a></p>"),
       {"Ann Lee"}},
      {"byline with two authors", Page("", h1 + "<p>By Mike Wu and Malcolm Owen | Monday, November 18, 2019</p>"),
       {"Mike Wu", "Malcolm Owen"}},
      {"shouting byline", Page("", h1 + "<p>By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER</p>"),
       {"Lisa Mascaro", "Mary Clare Jalonick", "Eric Tucker"}},
      {"German byline", Page("", h1 + "<p>Von Moritz Bachmann publiziert am 30. Juli 2018</p>"), {"Moritz Bachmann"}},
      {"agency byline names nobody", Page("", h1 + "<p>By Associated Press</p>"), {}},
      {"staff byline names nobody, later by-words are text",
       Page("", h1 + "<p>By | HARBOUR TIMES STAFF</p><p>The pier, built by Anna Smith in 1990, is old.</p>"), {}},
      {"desk in meta names nobody", Page(MetaTag("author", "Telegraph Sport", "name"), h1), {}},
      {"account name names nobody", Page(MetaTag("author", "admin", "name"), h1), {}},
  };
  for (const AuthorCase& c : cases) {
    SCOPED_TRACE(c.name);
    Result<HtmlPage> page = ExtractHtml(c.html, {});
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->authors, c.authors);
  }
}

// Issue 13: a page whose body is rejected keeps its metadata, in the error
// message by default and in the article when the caller asks for it.
TEST(HtmlMetadataTest, Issue13RejectedPageKeepsMetadata) {
  Document d;
  d.id = "empty";
  d.source = "pages/empty.html";
  d.format = DocumentFormat::kHtml;
  d.body = "<html><head>" + MetaTag("og:title", "Pier vote passes") +
           MetaTag("article:published_time", "2021-04-05T09:00:00+02:00") + "</head><body><nav>Home</nav></body></html>";
  Result<Article> rejected = CleanDocument(d, {});
  ASSERT_FALSE(rejected.ok());
  EXPECT_NE(rejected.status().message().find("Pier vote passes"), std::string::npos);
  EXPECT_NE(rejected.status().message().find("2021-04-05"), std::string::npos);
  CleanOptions keep;
  keep.require_text = false;
  Result<Article> kept = CleanDocument(d, keep);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->title, "Pier vote passes");
  EXPECT_EQ(kept->published, "2021-04-05");
  EXPECT_EQ(kept->published_source, "meta");
}

TEST(HtmlMetadataTest, ContainerDateWinsAndSaysSo) {
  Document d;
  d.id = "j1";
  d.format = DocumentFormat::kHtml;
  d.published = "2020-01-02";
  d.body = Page(MetaTag("article:published_time", "2021-04-05"), "<h1>Pier</h1>");
  Result<Article> a = CleanDocument(d, {});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->published, "2020-01-02");
  EXPECT_EQ(a->published_source, "meta");
}

}  // namespace
}  // namespace storyline
