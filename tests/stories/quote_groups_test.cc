// Tests quote grouping: token alignment of quotations as outlets reword
// them, the grouping of a story's quotes, and the canonical wording. The
// quotations are invented for these tests.

#include "stories/quote_groups.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "stories/story_corpus.h"
#include "storyline/brief.h"

namespace storyline::stories {
namespace {

TEST(QuoteTokensTest, FoldsCaseQuoteMarksAndApostrophes) {
  struct Row {
    std::string text;
    std::vector<std::string> tokens;
  };
  const Row rows[] = {
      {"It's A MAN'S world", {"its", "a", "mans", "world"}},
      {"It\xE2\x80\x99s a man\xE2\x80\x99s world", {"its", "a", "mans", "world"}},
      {"\xE2\x80\x9CWe will  rebuild,\xE2\x80\x9D", {"we", "will", "rebuild"}},
      {"re-evaluating", {"re", "evaluating"}},
      {"", {}},
  };
  for (const Row& row : rows) EXPECT_EQ(QuoteTokens(row.text), row.tokens) << row.text;
}

TEST(SameQuotationTest, JoinsRewordingsAndKeepsDifferentStatementsApart) {
  struct Row {
    std::string a, kind_a, b, kind_b;
    bool same;
  };
  const Row rows[] = {
      // Re-punctuated, other quote marks and case.
      {"We will rebuild the bridge, stone by stone.", "direct",
       "\xE2\x80\x9Cwe will rebuild the bridge - stone by stone\xE2\x80\x9D", "direct", true},
      // Trimmed at the front and the end.
      {"As I told the council, we will rebuild the bridge stone by stone and open it by May.",
       "direct", "we will rebuild the bridge stone by stone", "direct", true},
      // A word dropped and one changed.
      {"I have no connection at all with the ferry company", "direct",
       "I have zero connection with the ferry company", "direct", true},
      // A partial quotation: a phrase of the full one.
      {"The harbour is a disgrace to the whole region and must be cleaned", "direct",
       "a disgrace to the whole region", "partial", true},
      // The same single word twice is one quotation.
      {"unacceptable", "partial", "Unacceptable", "partial", true},
      // One shared word is not a shared quotation.
      {"The harbour is unacceptable today", "direct", "unacceptable", "partial", false},
      // Different statements sharing function words.
      {"We will open the bridge in May and the ferry in June.", "direct",
       "They did not say when the museum would open to the public.", "direct", false},
      // A paraphrase in reported speech shares words but is not the quote.
      {"The bridge will be rebuilt stone by stone before the winter comes", "direct",
       "the council would rebuild it before winter", "indirect", false},
      // Reported speech that repeats the quotation nearly word for word.
      {"The bridge will be rebuilt stone by stone before the winter", "direct",
       "the bridge will be rebuilt stone by stone before the winter", "indirect", true},
  };
  for (const Row& row : rows) {
    const QuoteAlignment al = AlignQuotes(QuoteTokens(row.a), QuoteTokens(row.b));
    EXPECT_EQ(SameQuotation(al, row.kind_a, row.kind_b), row.same)
        << row.a << " | " << row.b << " matched=" << al.matched
        << " containment=" << al.containment << " dice=" << al.dice;
    const QuoteAlignment back = AlignQuotes(QuoteTokens(row.b), QuoteTokens(row.a));
    EXPECT_EQ(back.matched, al.matched) << "alignment is symmetric: " << row.a;
  }
}

TEST(CanonicalQuoteTextTest, LongestWellFormedDirectWording) {
  struct Row {
    std::vector<std::pair<std::string, std::string>> quotes;  // (text, kind)
    std::string canonical;
  };
  const Row rows[] = {
      {{{"will rebuild the bridge stone by stone and more", "direct"},
        {"We will rebuild the bridge.", "direct"}},
       "We will rebuild the bridge."},
      {{{"We will rebuild it.", "direct"}, {"We will rebuild the bridge (soon.", "direct"}},
       "We will rebuild it."},
      {{{"We will rebuild the bridge, the council said it would", "indirect"},
        {"We will rebuild it.", "direct"}},
       "We will rebuild it."},
      {{{"only lower case here", "partial"}, {"lower case", "partial"}}, "only lower case here"},
      {{{"\xE2\x80\x9CWe rebuild\xE2\x80\x9D", "direct"}, {"we rebuild", "direct"}},
       "\xE2\x80\x9CWe rebuild\xE2\x80\x9D"},
      {{{"2024 will be the year", "direct"}, {"will be", "direct"}}, "2024 will be the year"},
  };
  for (const Row& row : rows) {
    std::vector<Quote> quotes;
    for (const auto& [text, kind] : row.quotes) {
      Quote q;
      q.text = text;
      q.kind = kind;
      quotes.push_back(q);
    }
    std::vector<const Quote*> ptrs;
    for (const Quote& q : quotes) ptrs.push_back(&q);
    EXPECT_EQ(CanonicalQuoteText(ptrs), row.canonical);
  }
}

// Three outlets and a follow-up quote one statement of a ferry operator's
// chief in different words; a second statement appears once.
std::vector<AnnotatedArticle> FerryCorpus() {
  using testdata::AddEntity;
  using testdata::AddQuote;
  using testdata::MakeArticle;
  AnnotatedArticle a = MakeArticle(
      "f1", "Coast Times", "2024-02-01", "Ferry chief apologises for cancelled crossings",
      "Ferry chief Marit Osei apologised on Thursday. \"We let our passengers down, and we will "
      "refund every cancelled ticket by March,\" Osei said in a statement. \"The new boats "
      "arrive in spring,\" she added.");
  AddEntity(a, "Marit Osei", "PERSON", "e1");
  AddEntity(a, "Osei", "PERSON", "e1");
  AddQuote(a, "We let our passengers down, and we will refund every cancelled ticket by March,",
           "Osei", "e1", "said", "direct", "statement");
  AddQuote(a, "The new boats arrive in spring,", "Osei", "e1", "added", "direct", "statement");
  AnnotatedArticle b = MakeArticle(
      "f2", "Island Post", "2024-02-01", "Ferry chief says tickets will be refunded",
      "Marit Osei wrote on Instagram: \xE2\x80\x9Cwe will refund every cancelled ticket "
      "\xE2\x80\x94 by March.\xE2\x80\x9D Passengers were not impressed.");
  AddEntity(b, "Marit Osei", "PERSON", "e1");
  AddQuote(b, "we will refund every cancelled ticket \xE2\x80\x94 by March.", "Marit Osei", "e1",
           "wrote", "direct", "instagram");
  AnnotatedArticle c = MakeArticle(
      "f3", "Harbour Wire", "2024-02-02", "Ferry refunds promised",
      "Osei admitted the company had \"let our passengers down\" and said the firm would refund "
      "tickets. The firm's boats are old.");
  AddEntity(c, "Osei", "PERSON", "e1");
  AddQuote(c, "let our passengers down", "Osei", "e1", "admitted", "partial", "");
  AddQuote(c, "the firm would refund tickets", "Osei", "e1", "said", "indirect", "");
  return {a, b, c};
}

TEST(GroupQuotesTest, OneStatementAcrossOutletsIsOneGroup) {
  const std::vector<AnnotatedArticle> docs = FerryCorpus();
  std::vector<const AnnotatedArticle*> members;
  for (const AnnotatedArticle& a : docs) members.push_back(&a);
  const std::vector<std::vector<QuoteRef>> groups = GroupQuotes(members);
  // refund statement (f1, f2, f3 partial), boats (f1), indirect paraphrase (f3).
  ASSERT_EQ(groups.size(), 3u);
  std::set<size_t> articles;
  for (const QuoteRef& r : groups[0]) articles.insert(r.article);
  EXPECT_EQ(articles, (std::set<size_t>{0, 1, 2}));
  EXPECT_EQ(groups[0].size(), 3u);
  EXPECT_EQ(groups[1].size(), 1u);
  EXPECT_EQ(groups[2].size(), 1u);
  size_t total = 0;
  for (const auto& g : groups) total += g.size();
  EXPECT_EQ(total, 5u) << "every quote is in exactly one group";
}

TEST(GroupQuotesTest, BriefQuoteKeepsEachOutletsWordingAndOffsets) {
  const std::vector<AnnotatedArticle> docs = FerryCorpus();
  const Brief b = BuildBrief(docs, {});
  ASSERT_EQ(b.stories.size(), 1u);
  const Story& s = b.stories[0];
  ASSERT_EQ(s.quotes.size(), 3u);
  const BriefQuote& refund = s.quotes[0];
  EXPECT_EQ(refund.text,
            "We let our passengers down, and we will refund every cancelled ticket by March,");
  EXPECT_EQ(refund.speaker_name, "Marit Osei");
  ASSERT_FALSE(refund.speaker.empty());
  ASSERT_EQ(refund.occurrences.size(), 3u);
  for (const QuoteOccurrence& o : refund.occurrences) {
    const AnnotatedArticle& a = *std::find_if(docs.begin(), docs.end(), [&](const auto& d) {
      return d.article.id == o.article;
    });
    const Span want = testdata::SpanOf(a.article.text, o.text);
    EXPECT_EQ(o.start, want.start) << o.article;
    EXPECT_EQ(o.end, want.end) << o.article;
  }
  EXPECT_EQ(refund.occurrences[1].medium, "instagram");
  EXPECT_EQ(refund.occurrences[2].kind, "partial");
  std::set<std::string> ids;
  for (const BriefQuote& q : s.quotes) ids.insert(q.id);
  EXPECT_EQ(ids.size(), s.quotes.size());
}

TEST(GroupQuotesTest, SameArticleRepeatJoins) {
  AnnotatedArticle a = testdata::MakeArticle(
      "r1", "", "2024-01-01", "Repeat",
      "\"Nobody will lose their job,\" Osei said. Later she repeated: \"nobody will lose their "
      "job.\"");
  testdata::AddQuote(a, "Nobody will lose their job,", "Osei", "", "said", "direct", "");
  testdata::AddQuote(a, "nobody will lose their job.", "Osei", "", "repeated", "direct", "");
  const Brief b = BuildBrief({a}, {});
  ASSERT_EQ(b.stories.size(), 1u);
  ASSERT_EQ(b.stories[0].quotes.size(), 1u);
  EXPECT_EQ(b.stories[0].quotes[0].occurrences.size(), 2u);
  EXPECT_EQ(b.stories[0].quotes[0].text, "Nobody will lose their job,");
  EXPECT_EQ(b.stories[0].quotes[0].speaker_name, "Osei");
}

}  // namespace
}  // namespace storyline::stories
