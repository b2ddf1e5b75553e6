// Tests for SplitSentences and Tokenize: one row per news-text convention.
// Cases are written for this project; sentences are given as the expected
// text of each span, so a failure shows where the split went wrong.
#include "text/sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storyline/annotation.h"

namespace storyline {
namespace {

// Byte offset of each code point of `s`, plus the end.
std::vector<size_t> CodePointBytes(const std::string& s) {
  std::vector<size_t> at;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) at.push_back(i);
  }
  at.push_back(s.size());
  return at;
}

std::vector<std::string> Texts(const std::string& text, const std::vector<Span>& spans) {
  const std::vector<size_t> at = CodePointBytes(text);
  std::vector<std::string> out;
  for (const Span& s : spans) out.push_back(text.substr(at[s.start], at[s.end] - at[s.start]));
  return out;
}

struct SplitCase {
  const char* name;
  std::string text;
  std::vector<std::string> sentences;
};

const std::vector<SplitCase>& SplitCases() {
  static const std::vector<SplitCase> kCases = {
      {"plain", "The vote passed. Critics were silent.", {"The vote passed.", "Critics were silent."}},
      {"question_and_exclamation", "Who pays? Nobody knows! It is unclear.",
       {"Who pays?", "Nobody knows!", "It is unclear."}},
      {"title_before_name", "Mr. Okafor met Dr. Lin and Mrs. Alvarez on Tuesday.",
       {"Mr. Okafor met Dr. Lin and Mrs. Alvarez on Tuesday."}},
      {"saint_and_mount", "The parade left St. Paul and reached Mt. Hood.",
       {"The parade left St. Paul and reached Mt. Hood."}},
      {"initial_in_name", "The report was written by R. Patel for the board.",
       {"The report was written by R. Patel for the board."}},
      {"two_initials", "She quoted J. K. Rowling at length.", {"She quoted J. K. Rowling at length."}},
      {"country_before_name", "The U.K. Treasury declined to comment.", {"The U.K. Treasury declined to comment."}},
      {"country_ends_sentence", "Sales fell in the U.S. They rose in Asia.",
       {"Sales fell in the U.S.", "They rose in Asia."}},
      {"month_before_day", "The deal closed on Feb. 14 after talks.", {"The deal closed on Feb. 14 after talks."}},
      {"company_ends_sentence", "Shares of Acme Inc. rose. Traders cheered.",
       {"Shares of Acme Inc. rose.", "Traders cheered."}},
      {"company_then_new_sentence", "The buyer was Orbit Corp. It paid cash.",
       {"The buyer was Orbit Corp.", "It paid cash."}},
      {"number_abbreviation", "He wore No. 23 for a decade.", {"He wore No. 23 for a decade."}},
      {"versus", "The case, Smith vs. Jones, went to trial.", {"The case, Smith vs. Jones, went to trial."}},
      {"latin_abbreviations", "Some items, e.g. Bread, were rationed, i.e. Limited.",
       {"Some items, e.g. Bread, were rationed, i.e. Limited."}},
      {"clock_time", "The polls open at 7 a.m. and close at 8 p.m. on Sunday.",
       {"The polls open at 7 a.m. and close at 8 p.m. on Sunday."}},
      {"money_and_percent", "Revenue rose 3.5% to $4.2 million. Profit fell.",
       {"Revenue rose 3.5% to $4.2 million.", "Profit fell."}},
      {"decimal_ends_sentence", "The fare is now $2.75. Riders object.", {"The fare is now $2.75.", "Riders object."}},
      {"quote_with_comma_attribution", "\"We will rebuild,\" she said. The crowd cheered.",
       {"\"We will rebuild,\" she said.", "The crowd cheered."}},
      {"quote_closes_sentence", "He said: \"It is over.\" Then he left.", {"He said: \"It is over.\"", "Then he left."}},
      {"curly_quote_closes_sentence", "She wrote: \u201cWe are done.\u201d The post vanished.",
       {"She wrote: \u201cWe are done.\u201d", "The post vanished."}},
      {"question_in_quote_lowercase_attribution", "\"Why now?\" asked the mayor.", {"\"Why now?\" asked the mayor."}},
      {"ellipsis_mid_sentence", "It was ... strange, he said.", {"It was ... strange, he said."}},
      {"ellipsis_then_capital", "We waited\u2026 Nobody came.", {"We waited\u2026", "Nobody came."}},
      {"headline_and_byline", "Council backs tram plan\nBy Ana Ruiz\n\nThe council voted on Monday.",
       {"Council backs tram plan", "By Ana Ruiz", "The council voted on Monday."}},
      {"paragraph_without_period", "First paragraph ends here\n\nSecond one starts.",
       {"First paragraph ends here", "Second one starts."}},
      {"soft_wrapped_line", "The bridge will \nreopen in May.", {"The bridge will \nreopen in May."}},
      {"numbered_list_on_one_line", "1. Gather the data 2. Clean it 3. Publish",
       {"1. Gather the data", "2. Clean it", "3. Publish"}},
      {"bulleted_list_on_one_line", "\u2022 Prices rose \u2022 Wages fell", {"\u2022 Prices rose", "\u2022 Wages fell"}},
      {"list_lines", "Key points:\n- Rates held\n- Outlook cut", {"Key points:", "- Rates held", "- Outlook cut"}},
      {"missing_space_after_period", "The game ended.Fans left quietly.", {"The game ended.", "Fans left quietly."}},
      {"email_address_kept", "Write to desk@news.example.org. Editors reply daily.",
       {"Write to desk@news.example.org.", "Editors reply daily."}},
      {"parenthetical_sentence", "He resigned (the board had asked him to.) on Friday.",
       {"He resigned (the board had asked him to.) on Friday."}},
      {"pronoun_i_ends_sentence", "Nobody objected but I. Then we voted.", {"Nobody objected but I.", "Then we voted."}},
      {"lower_case_after_question", "where is it? nobody knows.", {"where is it?", "nobody knows."}},
      {"lower_case_after_question_inside_quote", "\"Why me? why now?\" she asked.",
       {"\"Why me? why now?\" she asked."}},
      {"lower_case_pronoun_after_period", "we lost the keys. i looked everywhere.",
       {"we lost the keys.", "i looked everywhere."}},
      {"unknown_short_abbreviation_kept", "It weighs 3 oz. and costs little.", {"It weighs 3 oz. and costs little."}},
      {"section_separator", "The trial ended. *** A new case began.", {"The trial ended.", "***", "A new case began."}},
      {"emoticon_ends_sentence", "Great game :-) See you soon.", {"Great game :-)", "See you soon."}},
      {"elision_then_new_sentence", "\"Prices rose [...] Wages did not,\" he said.",
       {"\"Prices rose [...]", "Wages did not,\" he said."}},
      {"elision_before_citation", "\"Rates will fall [...]\" (Reuters).", {"\"Rates will fall [...]\" (Reuters)."}},
      // Web and e-mail conventions (one row per rule, invented text).
      {"mail_timestamp_own_line", "Dana Ruiz 03/14/2002 09:05 AM Please send the files.",
       {"Dana Ruiz", "03/14/2002 09:05 AM", "Please send the files."}},
      {"mail_timestamp_with_zone", "Posted 7/2/05 10:15 PM PDT The vote is in.",
       {"Posted", "7/2/05 10:15 PM PDT", "The vote is in."}},
      {"timestamp_after_preposition_joins_it", "It was sent on 04/02/2003 10:00 AM to everyone.",
       {"It was sent on 04/02/2003 10:00 AM", "to everyone."}},
      {"bracketed_address_ends_header", "\"Lee, Sam\" <sam@example.net> Thanks for the map.",
       {"\"Lee, Sam\" <sam@example.net>", "Thanks for the map."}},
      {"bracketed_address_then_lower_case", "Sam Lee <sam@example.net> on Friday wrote back.",
       {"Sam Lee <sam@example.net> on Friday wrote back."}},
      {"attachment_line", "See the draft. << File: plan.doc >> Call me later.",
       {"See the draft.", "<< File: plan.doc >>", "Call me later."}},
      {"link_list", "Sources: http://example.org/a http://example.org/b Both agree.",
       {"Sources: http://example.org/a", "http://example.org/b", "Both agree."}},
      {"closing_before_name", "See you soon. Regards, Pat Moreno", {"See you soon.", "Regards,", "Pat Moreno"}},
      {"two_word_closing", "Best regards, Pat Moreno", {"Best regards,", "Pat Moreno"}},
      {"thanks_name_one_sentence", "Thanks, Pat.", {"Thanks, Pat."}},
      {"closing_word_mid_sentence", "He said thanks, Pat laughed.", {"He said thanks, Pat laughed."}},
      {"message_opener_after_unpunctuated_line", "I will be out until noon Please call my cell",
       {"I will be out until noon", "Please call my cell"}},
      {"opener_word_after_punctuation_unchanged", "Sorry. Please wait.", {"Sorry.", "Please wait."}},
      {"bare_address_ends_signature", "Ann Lee ann.lee@example.com Thanks for the notes.",
       {"Ann Lee ann.lee@example.com", "Thanks for the notes."}},
      {"bare_address_then_lower_case", "Write to ann@example.com today.", {"Write to ann@example.com today."}},
      {"question_mark_glued_to_colon_is_mis_decoded_space", "Direct line:? 555 0100 Fax:? 555 0101",
       {"Direct line:? 555 0100 Fax:? 555 0101"}},
      {"extension_before_number", "Call Lee Park ext. 4410 after lunch.", {"Call Lee Park ext. 4410 after lunch."}},
      {"lettered_item_after_full_stop", "two rules: a) read the memo. b) sign it.",
       {"two rules: a) read the memo.", "b) sign it."}},
      {"postscript_opens_sentence", "See you then. P.S. The cat says hello.",
       {"See you then.", "P.S. The cat says hello."}},
      {"exclamation_then_lower_case", "great service! will come back.", {"great service!", "will come back."}},
      {"brand_exclamation_kept", "He sold it on Yahoo! in March.", {"He sold it on Yahoo! in March."}},
      {"exclamation_in_quote_with_attribution", "\"Run!\" she yelled.", {"\"Run!\" she yelled."}},
      {"glued_ellipsis_then_pronoun_i", "The line was long... I left early.", {"The line was long...", "I left early."}},
      {"spaced_ellipsis_then_pronoun_i_stays", "It was odd . . . I said nothing.", {"It was odd . . . I said nothing."}},
      {"lone_full_stop_then_lower_case", "the fish was fine . the rice was cold .",
       {"the fish was fine .", "the rice was cold ."}},
      {"full_stop_after_hyphenated_word", "the road is one-way. please drive slowly.",
       {"the road is one-way.", "please drive slowly."}},
      {"leading_and_trailing_space", "  \n Hello there.  \n", {"Hello there."}},
      {"empty", "", {}},
      {"only_space", " \n\t ", {}},
  };
  return kCases;
}

TEST(SplitSentencesTest, NewsConventions) {
  for (const SplitCase& c : SplitCases()) {
    EXPECT_EQ(Texts(c.text, SplitSentences(c.text)), c.sentences) << c.name;
  }
}

TEST(SplitSentencesTest, PdfModeJoinsSingleLineBreaks) {
  SentenceOptions options;
  options.single_newline_is_boundary = false;
  const std::string text = "The plant will\nclose in June.\n\nWorkers protested.";
  const std::vector<std::string> want = {"The plant will\nclose in June.", "Workers protested."};
  EXPECT_EQ(Texts(text, SplitSentences(text, options)), want);
}

TEST(SplitSentencesTest, OffsetsAreCodePoints) {
  const std::string text = "Caf\u00e9 owners met. \u00c9lise spoke.";
  const std::vector<Span> spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].start, 0u);
  EXPECT_EQ(spans[0].end, 16u);
  EXPECT_EQ(spans[1].start, 17u);
  EXPECT_EQ(spans[1].end, CodePointLength(text));
}

struct TokenCase {
  const char* name;
  std::string text;
  std::vector<std::string> tokens;
};

TEST(TokenizeTest, Cases) {
  const std::vector<TokenCase> cases = {
      {"words_and_period", "Prices rose.", {"Prices", "rose", "."}},
      {"title_keeps_dot", "Mr. Lee left.", {"Mr.", "Lee", "left", "."}},
      {"initialism_keeps_dot", "the U.S. team", {"the", "U.S.", "team"}},
      {"money_and_percent", "$4.2 million, up 3.5%", {"$", "4.2", "million", ",", "up", "3.5", "%"}},
      {"thousands", "1,000 people", {"1,000", "people"}},
      {"clitics", "don't Smith's", {"do", "n't", "Smith", "'s"}},
      {"hyphenated", "a 42-year-old actress", {"a", "42-year-old", "actress"}},
      {"quotes", "\"Yes,\" she said", {"\"", "Yes", ",", "\"", "she", "said"}},
      {"ellipsis", "wait... what", {"wait", "...", "what"}},
      {"url", "see https://example.org/a.html.", {"see", "https://example.org/a.html", "."}},
      {"email", "mail ed@example.org", {"mail", "ed@example.org"}},
  };
  for (const TokenCase& c : cases) {
    std::vector<std::string> got;
    for (const Token& t : Tokenize(c.text)) got.push_back(c.text.substr(t.byte_start, t.byte_end - t.byte_start));
    EXPECT_EQ(got, c.tokens) << c.name;
  }
}

TEST(TokenizeTest, CodePointAndByteOffsetsAgree) {
  const std::string text = "\u00c9lise na\u00efve r\u00e9sum\u00e9.";
  const std::vector<size_t> at = CodePointBytes(text);
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 4u);
  for (const Token& t : tokens) {
    EXPECT_EQ(at[t.span.start], t.byte_start);
    EXPECT_EQ(at[t.span.end], t.byte_end);
  }
}

}  // namespace
}  // namespace storyline
