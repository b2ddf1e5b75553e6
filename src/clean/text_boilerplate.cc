// text_boilerplate.cc: paragraph classifier for plain-text articles.
//
// Two layers. General rules catch residue whose wording is conventional
// across outlets (credits, share prompts, embed residue, copyright, bylines,
// related-list headings) and remove it whatever the model says. The model (a
// two-stage logistic regression, see text_boilerplate.h) judges the rest from
// shape: length, punctuation, capitalisation, cue words and neighbours.
#include "clean/text_boilerplate.h"

#include "clean/phrase_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>

namespace storyline {
namespace text_boilerplate {

// Defined in the file generated from models/text_boilerplate.tsv at build
// time (see the root CMakeLists.txt).
std::string_view EmbeddedModelTsv();

namespace {

// ---- Text helpers ----------------------------------------------------------

// Byte classes of the ASCII tests below, one table look-up each (they run
// for every byte of every paragraph, several times).
constexpr uint8_t kSpaceByte = 1, kAlnumByte = 2;
constexpr std::array<uint8_t, 256> AsciiClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') t[c] = kSpaceByte;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) t[c] = kAlnumByte;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kAsciiClass = AsciiClasses();

bool IsAsciiSpace(char c) { return kAsciiClass[static_cast<unsigned char>(c)] == kSpaceByte; }

// Trims ASCII white space and U+00A0 (no-break space, common residue of
// flattened HTML) from both ends.
std::string_view Trim(std::string_view s) {
  constexpr std::string_view kNbsp = "\xC2\xA0";
  for (;;) {
    if (!s.empty() && IsAsciiSpace(s.front())) {
      s.remove_prefix(1);
    } else if (s.starts_with(kNbsp)) {
      s.remove_prefix(kNbsp.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && IsAsciiSpace(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with(kNbsp)) {
      s.remove_suffix(kNbsp.size());
    } else {
      break;
    }
  }
  return s;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsAsciiAlnum(char c) { return kAsciiClass[static_cast<unsigned char>(c)] == kAlnumByte; }

// The text with leading and trailing characters that are not ASCII letters
// or digits removed: "— Related Posts:" -> "related posts" (after lowering).
std::string_view StripNonAlnumEdges(std::string_view s) {
  while (!s.empty() && !IsAsciiAlnum(s.front())) s.remove_prefix(1);
  while (!s.empty() && !IsAsciiAlnum(s.back())) s.remove_suffix(1);
  return s;
}

// Byte equality without a library call: the words compared here are a few
// bytes long, where calling memcmp costs more than the comparison.
bool SameBytes(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Prefix and suffix tests without a library call (see SameBytes).
bool StartsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && (p.empty() || s[0] == p[0]) && SameBytes(s.substr(0, p.size()), p);
}
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && SameBytes(s.substr(s.size() - p.size()), p);
}
bool EndsWith(std::string_view s, char c) { return !s.empty() && s.back() == c; }

// A fixed list of words to test membership in. Most probes have a length
// or first byte no entry has; two bit tests reject those without a loop.
class WordList {
 public:
  template <size_t N>
  constexpr explicit WordList(const std::string_view (&words)[N]) : words_(words) {
    for (std::string_view w : words) {
      length_mask_ |= uint64_t{1} << std::min(w.size(), kLongLength);
      if (!w.empty())
        first_mask_[static_cast<unsigned char>(w[0]) / 64] |= uint64_t{1} << (static_cast<unsigned char>(w[0]) % 64);
    }
  }

  bool Contains(std::string_view s) const {
    if (((length_mask_ >> std::min(s.size(), kLongLength)) & 1) == 0) return false;
    if (!s.empty() &&
        ((first_mask_[static_cast<unsigned char>(s[0]) / 64] >> (static_cast<unsigned char>(s[0]) % 64)) & 1) == 0) {
      return false;
    }
    for (std::string_view w : words_) {
      if (SameBytes(s, w)) return true;
    }
    return false;
  }

 private:
  // Lengths from kLongLength up share one bit.
  static constexpr size_t kLongLength = 63;
  std::span<const std::string_view> words_;
  uint64_t length_mask_ = 0;
  uint64_t first_mask_[4] = {};
};

// Which bytes start some entry of a prefix list: a line starting with any
// other byte skips the list.
template <size_t N>
constexpr std::array<bool, 256> FirstBytes(const std::string_view (&list)[N]) {
  std::array<bool, 256> first{};
  for (std::string_view p : list) first[static_cast<unsigned char>(p[0])] = true;
  return first;
}

// `list` when some entry may be a prefix of s, else nothing.
std::span<const std::string_view> PrefixCandidates(std::string_view s, std::span<const std::string_view> list,
                                                   const std::array<bool, 256>& first) {
  if (s.empty() || !first[static_cast<unsigned char>(s[0])]) return {};
  return list;
}

// The word lists of the rules below, as compile-time tables (a braced list
// at the call site was rebuilt, strlen and all, on every call).
constexpr std::string_view kTitleSmallWords[] = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "over", "the", "to",
    "vs", "with"};
constexpr std::string_view kAdLabels[] = {
    "advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "sponsored content", "paid content",
    "promoted content", "story continues below advertisement", "article continues below advertisement",
    "article continues below", "continue reading below", "story continues below",
    "advertisement - scroll to continue", "scroll to continue with content", "continue reading",
    "content continues below"};
constexpr std::string_view kShareButtonLabels[] = {
    "share", "shares", "share this", "share it", "share now", "tweet", "pin it", "email", "print",
    "share on facebook", "share on twitter", "share on x", "share on whatsapp"};
constexpr std::string_view kRelatedHeadings[] = {
    "related", "related posts", "related post", "related articles", "related article", "related stories",
    "related story", "related news", "related content", "related coverage", "related links", "related topics",
    "related reading", "you might also like", "you may also like", "you might like", "you may like",
    "you might be interested in", "you may be interested in", "more stories", "more news", "more articles",
    "most popular", "most read", "most viewed", "most shared", "trending", "trending now", "trending stories",
    "recommended", "recommended for you", "recommended stories", "recommended articles", "read next", "up next",
    "what to read next", "also read", "more on this story", "more on this topic", "top stories", "latest news",
    "latest stories", "popular", "popular stories", "don't miss", "dont miss", "editor's picks", "editors picks",
    "further reading", "see also", "around the web", "from the web", "promoted stories", "more to explore",
    "keep reading", "in case you missed it", "more like this", "explore further", "related video", "related videos",
    "watch more", "more videos"};
constexpr std::string_view kReadMoreCues[] = {
    "recommended read", "recommended reading", "recommended", "read more", "read also", "also read", "related",
    "related article", "related story", "related reading", "see also", "more", "watch", "listen", "read", "read next",
    "must read", "don't miss", "also see", "suggested read", "suggested reading", "related video", "watch video",
    "watch the video", "read the full story", "read full story", "click here", "tap here", "more news", "latest"};
constexpr std::string_view kBylinePrefixes[] = {
    "by ", "written by ", "posted by ", "words by ", "story by ", "author: ", "reporter: ", "text by ",
    "researched by: ", "researched by ", "produced by ", "photography by ", "by: "};
constexpr std::string_view kNameJoiners[] = {
    "and", "in", "for", "de", "van", "von", "der", "la", "le", "da", "di", "staff", "reporter", "writer",
    "correspondent", "editor"};
constexpr std::string_view kBylineDateWords[] = {"on", "at", "updated", "published", "am", "pm", "a.m", "p.m"};
constexpr std::string_view kMonthAndDayWords[] = {
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
    "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december", "mon", "monday",
    "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday", "sat",
    "saturday", "sun", "sunday"};
constexpr std::string_view kOrdinalAndClockSuffixes[] = {"st", "nd", "rd", "th", "am", "pm", "a.m", "p.m"};
constexpr std::string_view kDateLineWords[] = {
    "updated", "published", "posted", "last", "first", "modified", "on", "at", "am", "pm", "a.m", "p.m", "gmt", "utc",
    "est", "edt", "et", "pt", "pst", "pdt", "bst", "cet", "cest", "ist", "aest", "ago", "hours", "hour", "minutes",
    "min", "mins", "days", "day", "yesterday", "today", "date", "time", "of"};
constexpr std::string_view kMetaPrefixes[] = {
    "tags:", "tags ", "tagged:", "tagged with", "topics:", "filed under", "categories:", "category:", "keywords:",
    "posted in", "updated:", "published:", "posted:", "last updated", "first published", "originally published"};
constexpr std::string_view kChromeLabels[] = {
    "comments", "comment", "leave a comment", "leave a reply", "add comment", "post a comment", "show comments",
    "view comments", "log in", "login", "sign in", "sign up", "register", "menu", "search", "home", "close",
    "skip to content", "skip to main content", "back to top", "facebook", "twitter", "whatsapp", "linkedin",
    "pinterest", "reddit", "telegram", "x", "flipboard", "copy url", "load more", "see more", "show more", "next",
    "previous", "next article", "previous article", "next post", "previous post", "next story",
    "listen to this article", "save", "save article", "bookmark", "subscribe", "newsletter", "gift this article",
    "view gallery", "enlarge", "expand", "zoom"};
constexpr std::string_view kGalleryCounterNouns[] = {"image", "photo", "picture", "slide"};
constexpr std::string_view kCounterNouns[] = {
    "comments", "comment", "min read", "minute read", "mins read", "minutes read", "shares", "views", "replies"};
constexpr std::array<bool, 256> kReadMoreCueFirst = FirstBytes(kReadMoreCues);
constexpr std::array<bool, 256> kBylinePrefixFirst = FirstBytes(kBylinePrefixes);
constexpr std::array<bool, 256> kMetaPrefixFirst = FirstBytes(kMetaPrefixes);
constexpr WordList kAdLabelSet{kAdLabels};
constexpr WordList kNameJoinerSet{kNameJoiners};
constexpr WordList kBylineDateWordSet{kBylineDateWords};
constexpr WordList kChromeLabelSet{kChromeLabels};
constexpr WordList kGalleryCounterNounSet{kGalleryCounterNouns};
constexpr WordList kCounterNounSet{kCounterNouns};
constexpr WordList kOrdinalAndClockSuffixSet{kOrdinalAndClockSuffixes};
constexpr WordList kDateLineWordSet{kDateLineWords};
constexpr WordList kMonthAndDayWordSet{kMonthAndDayWords};
constexpr WordList kRelatedHeadingSet{kRelatedHeadings};
constexpr WordList kShareButtonLabelSet{kShareButtonLabels};
constexpr WordList kTitleSmallWordSet{kTitleSmallWords};

// Decodes s code point by code point (negative for invalid bytes, as U8_NEXT
// yields them), without building a vector, and returns the first one for
// which stop(c) is true, or -1.
template <typename Stop>
UChar32 ScanCodePoints(std::string_view s, Stop&& stop) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    if (p[i] < 0x80) {
      c = p[i++];
    } else {
      U8_NEXT(p, i, n, c);
    }
    if (stop(c)) return c;
  }
  return -1;
}

// The first code point of s for which pred holds, or -1. Invalid bytes are
// skipped.
template <typename Pred>
UChar32 FindCodePoint(std::string_view s, Pred pred) {
  return ScanCodePoints(s, [&](UChar32 c) { return c >= 0 && pred(c); });
}

// ICU character properties with an ASCII fast path (the same answers ICU
// gives below U+0080; most of a news text is ASCII).
bool IsAlnumCp(UChar32 c) { return c >= 0 && c < 0x80 ? IsAsciiAlnum(static_cast<char>(c)) : u_isalnum(c) != 0; }
bool IsAlphaCp(UChar32 c) {
  return c >= 0 && c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(c) != 0;
}
bool IsDigitCp(UChar32 c) { return c >= 0 && c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c) != 0; }
bool IsUpperCp(UChar32 c) { return c >= 0 && c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c) != 0; }
bool IsLowerCp(UChar32 c) { return c >= 0 && c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(c) != 0; }
bool IsTitleCp(UChar32 c) { return c >= 0x80 && u_istitle(c); }
bool IsWhiteSpaceCp(UChar32 c) {
  return c >= 0 && c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : u_isUWhiteSpace(c) != 0;
}

// The first code point of s (negative when invalid). REQUIRES: !s.empty().
UChar32 FirstCodePoint(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, n, c);
  return c;
}

// Whitespace-separated words that contain at least one letter or digit.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  // About six bytes per word in English prose: one allocation, not a dozen.
  constexpr size_t kBytesPerWordGuess = 6;
  words.reserve(s.size() / kBytesPerWordGuess + 1);
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    const size_t start = i;
    while (i < s.size() && !IsAsciiSpace(s[i])) ++i;
    if (i > start) {
      std::string_view w = s.substr(start, i - start);
      if (FindCodePoint(w, IsAlnumCp) >= 0) words.push_back(w);
    }
  }
  return words;
}

// First letter of a word (skipping quotes and brackets), or -1 when there is
// none or a digit comes first.
UChar32 FirstLetter(std::string_view word) {
  const UChar32 c = FindCodePoint(word, [](UChar32 d) { return IsAlphaCp(d) || IsDigitCp(d); });
  return c >= 0 && IsAlphaCp(c) ? c : -1;
}

// Closing characters that may follow a sentence's final punctuation.
bool IsCloser(UChar32 c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x00BB ||
         c == '*';
}

// The last code point that is not a closer, or -1 for none (or invalid).
UChar32 LastMeaningful(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(s.size());
  while (i > 0) {
    UChar32 c;
    U8_PREV(p, 0, i, c);
    if (!IsCloser(c)) return c;
  }
  return -1;
}

bool EndsSentence(std::string_view s) {
  const UChar32 c = LastMeaningful(s);
  return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */ || c == 0x3002 /* 。 */;
}

// Small words that stay lower case inside Title Case headings.
bool IsTitleSmallWord(std::string_view w) {
  // The longest small word has four letters: lower-case into a buffer, no
  // allocation (this runs for most words of every paragraph).
  constexpr size_t kLongestSmallWord = 4;
  if (w.size() > kLongestSmallWord) return false;
  char buf[kLongestSmallWord];
  for (size_t i = 0; i < w.size(); ++i) buf[i] = (w[i] >= 'A' && w[i] <= 'Z') ? static_cast<char>(w[i] + 32) : w[i];
  return kTitleSmallWordSet.Contains(std::string_view(buf, w.size()));
}

// ---- Rules -----------------------------------------------------------------

// Longest paragraph, in words, that the short-line rules (credits, share
// prompts, bylines...) consider: real residue of these kinds is a few words,
// and a longer line is far more likely to be prose that mentions the cue.
constexpr size_t kShortLineWords = 12;
// Longest paragraph the prompt rules (newsletter, cookie, copyright) consider:
// such prompts can be a full sentence or two of legal or marketing text.
constexpr size_t kPromptWords = 40;

// ---- Cue phrases -------------------------------------------------------------
//
// Every phrase list the rules and features look for, found in one
// PhraseMatcher pass over the lower-cased paragraph. A rule asks for a list
// as a substring (anywhere) or as a phrase (no letter or digit directly
// before or after, so "share" does not match "shareholder").

constexpr std::string_view kEmbedPhrases[] = {
    "view this post on instagram", "view this photo on instagram", "view this video on instagram", "a post shared by",
    "a photo posted by", "a video posted by", "view this post on tiktok", "watch on tiktok", "view on threads",
    "view this post on facebook"};
constexpr std::string_view kCopyrightPhrases[] = {"all rights reserved", "(c) 19", "(c) 20"};
// Picture agencies and platforms named in credits.
constexpr std::string_view kPictureSourcePhrases[] = {
    "getty images", "getty", "shutterstock", "alamy", "istock", "istockphoto", "wireimage", "filmmagic", "backgrid",
    "splash news", "rex features", "ap photo", "afp photo", "epa-efe", "reuters/", "pa images", "pa wire",
    "cover images", "mega agency", "bauer-griffin", "gc images", "image source"};
constexpr std::string_view kSharePhrases[] = {
    "share this", "share on ", "share via", "share article", "share story", "share the story", "share the article",
    "tweet this", "email this", "click to share", "share:", "copy link", "copy the link", "share to facebook",
    "share to twitter", "share with friends", "share this with", "share your thoughts"};
constexpr std::string_view kFollowUsPhrases[] = {
    "follow us", "like us on facebook", "find us on", "join us on", "follow @"};
constexpr std::string_view kFollowPhrases[] = {"follow"};
constexpr std::string_view kOnPlatformPhrases[] = {
    "on twitter", "on instagram", "on facebook", "on tiktok", "on x", "on threads", "on youtube", "on linkedin",
    "on google news", "on bluesky"};
constexpr std::string_view kCookiePhrases[] = {
    "we use cookies", "uses cookies", "use of cookies", "accept cookies", "cookie policy", "cookie settings",
    "accept all cookies", "manage cookies"};
constexpr std::string_view kSignupPhrases[] = {
    "sign up for our", "sign up to our", "subscribe to our", "subscribe now", "delivered to your inbox",
    "straight to your inbox", "in your inbox", "get our newsletter", "sign up for the", "join our mailing list",
    "enter your email", "your email address", "subscribe for"};
constexpr std::string_view kNewsletterPhrases[] = {"newsletter"};
constexpr std::string_view kNewsletterActionPhrases[] = {"sign up", "subscribe", "inbox", "email"};
constexpr std::string_view kContributedPhrases[] = {
    "contributed to this report", "contributed reporting", "contributed to this story", "contributed to this article"};
constexpr std::string_view kReportingByPhrases[] = {
    "reporting by ", "editing by ", "additional reporting by ", "writing by ", "compiled by ", "edited by "};
constexpr std::string_view kCommentPromptPhrases[] = {
    "logged in to post a comment", "to post a comment", "to leave a comment", "comments are closed",
    "be the first to comment", "join the conversation"};
constexpr std::string_view kUrlPrefixPhrases[] = {"http://", "https://", "www."};
constexpr std::string_view kUrlSuffixPhrases[] = {".com", ".org", ".net", ".co.uk"};
constexpr std::string_view kSlashUrlPhrases[] = {"://", "www."};
constexpr std::string_view kCueSharePhrases[] = {
    "share", "tweet", "whatsapp", "facebook", "pinterest", "linkedin", "email", "print"};
constexpr std::string_view kCueSubscribePhrases[] = {
    "subscribe", "subscription", "newsletter", "sign up", "signup", "inbox", "cookie", "cookies", "privacy",
    "register"};
constexpr std::string_view kCueRelatedPhrases[] = {
    "related", "recommended", "read more", "also like", "also read", "read next", "more from", "popular", "trending",
    "don't miss", "see also", "click", "tap here", "more stories", "you may", "you might"};
constexpr std::string_view kCueBylinePhrases[] = {"author", "staff writer", "correspondent", "contributor"};
constexpr std::string_view kCueChromePhrases[] = {
    "comments", "log in", "login", "sign in", "menu", "search", "skip to", "terms of use", "terms of service",
    "privacy policy", "contact us", "about us", "advertise", "all rights"};
constexpr std::string_view kCueAdPhrases[] = {
    "advertisement", "sponsored", "promoted", "partner content", "affiliate", "commission"};

// PhraseMatcher groups, one per list above.
enum Cue : int {
  kCueEmbed,
  kCueCopyright,
  kCuePictureSource,
  kCueShareSub,
  kCueFollowUs,
  kCueFollow,
  kCueOnPlatform,
  kCueCookie,
  kCueSignup,
  kCueNewsletter,
  kCueNewsletterAction,
  kCueContributed,
  kCueReportingBy,
  kCueCommentPrompt,
  kCueUrlPrefix,
  kCueUrlSuffix,
  kCueSlashUrl,
  kCueShareWord,
  kCueSubscribeWord,
  kCueRelatedWord,
  kCueBylineWord,
  kCueChromeWord,
  kCueAdWord,
};

const clean::PhraseMatcher& CueMatcher() {
  // Built once on first use; immutable afterwards (thread-safe static init).
  static const clean::PhraseMatcher kMatcher = [] {
    clean::PhraseMatcher m;
    m.Add(kEmbedPhrases, kCueEmbed);
    m.Add(kCopyrightPhrases, kCueCopyright);
    m.Add(kPictureSourcePhrases, kCuePictureSource);
    m.Add(kSharePhrases, kCueShareSub);
    m.Add(kFollowUsPhrases, kCueFollowUs);
    m.Add(kFollowPhrases, kCueFollow);
    m.Add(kOnPlatformPhrases, kCueOnPlatform);
    m.Add(kCookiePhrases, kCueCookie);
    m.Add(kSignupPhrases, kCueSignup);
    m.Add(kNewsletterPhrases, kCueNewsletter);
    m.Add(kNewsletterActionPhrases, kCueNewsletterAction);
    m.Add(kContributedPhrases, kCueContributed);
    m.Add(kReportingByPhrases, kCueReportingBy);
    m.Add(kCommentPromptPhrases, kCueCommentPrompt);
    m.Add(kUrlPrefixPhrases, kCueUrlPrefix);
    m.Add(kUrlSuffixPhrases, kCueUrlSuffix);
    m.Add(kSlashUrlPhrases, kCueSlashUrl);
    m.Add(kCueSharePhrases, kCueShareWord);
    m.Add(kCueSubscribePhrases, kCueSubscribeWord);
    m.Add(kCueRelatedPhrases, kCueRelatedWord);
    m.Add(kCueBylinePhrases, kCueBylineWord);
    m.Add(kCueChromePhrases, kCueChromeWord);
    m.Add(kCueAdPhrases, kCueAdWord);
    m.Finish();
    return m;
  }();
  return kMatcher;
}

using Hits = clean::PhraseMatcher::Hits;

bool IsEmbedResidue(const Hits& hits) { return hits.Substring(kCueEmbed); }

bool IsAdLabel(std::string_view edge_stripped_lower) {
  return kAdLabelSet.Contains(edge_stripped_lower);
}

bool IsCopyright(std::string_view text, std::string_view lower, size_t words, const Hits& hits) {
  if (words > kPromptWords) return false;
  return text.find("\xC2\xA9") != std::string_view::npos /* © */ || StartsWith(lower, "copyright") ||
         hits.Phrase(kCueCopyright);
}

// Labels that introduce an image or source credit.
constexpr std::string_view kCreditLabels[] = {
    "picture", "pictures", "photo", "photos", "photograph", "photographs", "image", "images", "pic", "credit",
    "credits", "photo credit", "image credit", "image source", "source", "courtesy", "video", "illustration",
    "graphic", "photo illustration", "footage", "main image", "top image", "featured image", "header image",
    "cover image", "lead image", "image caption", "media caption", "caption", "image copyright", "photo copyright",
    "picture copyright"};
constexpr std::array<bool, 256> kCreditLabelFirst = FirstBytes(kCreditLabels);

// "…. Picture: Getty Images", "(Photo: AP)" at the end of a caption: the label
// must start the paragraph or follow a sentence end, '(' or '|'; at most
// kCreditWords words follow it, with no sentence inside them.
constexpr size_t kCreditWords = 8;

bool HasTrailingCredit(std::string_view lower) {
  // Walk the separators (':' or an ellipsis, "Credit…" being used like a
  // colon) and look at the word before each: one pass, no label search.
  for (size_t sep = 0; sep < lower.size(); ++sep) {
    const char c = lower[sep];
    if (c != ':' && c != '.' && c != '\xE2') continue;
    size_t sep_len = 0;
    if (c == ':') {
      sep_len = 1;
    } else if (sep + 2 < lower.size() &&
               ((c == '.' && lower[sep + 1] == '.' && lower[sep + 2] == '.') ||
                (c == '\xE2' && lower[sep + 1] == '\x80' && lower[sep + 2] == '\xA6'))) {
      sep_len = 3;  // "..." and U+2026 are both three bytes
    } else {
      continue;
    }
    const std::string_view head = Trim(lower.substr(0, sep));
    for (std::string_view label : kCreditLabels) {
      if (head.empty() || head.back() != label.back() || !EndsWith(head, label)) continue;
      const std::string_view before = Trim(head.substr(0, head.size() - label.size()));
      const bool boundary = before.empty() || EndsWith(before, '.') || EndsWith(before, '(') ||
                            EndsWith(before, '|') || EndsWith(before, '!') || EndsWith(before, '?') ||
                            EndsWith(before, '"') || EndsWith(before, "\xE2\x80\x9D");
      if (!boundary) continue;
      const std::string_view rest = Trim(lower.substr(sep + sep_len));
      const bool sentence_inside = rest.find(". ") != std::string_view::npos;
      if (!rest.empty() && Words(rest).size() <= kCreditWords && !sentence_inside) return true;
    }
    sep += sep_len - 1;
  }
  return false;
}

// "Photo: Reuters", "(Source - Twitter / X)", "Image credit: …", "Photo by …".
bool StartsWithCredit(std::string_view lower, size_t words) {
  if (words > kShortLineWords) return false;
  std::string_view s = lower;
  while (!s.empty() && (s.front() == '(' || s.front() == '[')) s.remove_prefix(1);
  for (std::string_view label : PrefixCandidates(s, kCreditLabels, kCreditLabelFirst)) {
    if (!StartsWith(s, label)) continue;
    std::string_view rest = s.substr(label.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (StartsWith(rest, ":") || StartsWith(rest, "-") || StartsWith(rest, "\xE2\x80\x93") ||
        StartsWith(rest, "\xE2\x80\x94") || StartsWith(rest, "by ") || StartsWith(rest, "of ") ||
        StartsWith(rest, "/") || StartsWith(rest, "|")) {
      return true;
    }
    // "Image caption The minister…", "Image copyright Reuters": BBC-style
    // labels run straight into the caption.
    if (label.find(' ') != std::string_view::npos && (EndsWith(label, "caption") || EndsWith(label, "copyright"))) {
      return true;
    }
  }
  constexpr size_t kViaWords = 6;
  return StartsWith(s, "via ") && words <= kViaWords;
}

// News agencies that sign photos; only trusted at the end of a line
// ("… on Tuesday. (AP)", "Jane Doe, Reuters"), where prose rarely names them.
constexpr std::string_view kAgencies[] = {
    "ap", "afp", "reuters", "epa", "pa", "getty", "getty images", "ap photo", "afp photo", "shutterstock", "istock",
    "file photo", "file", "handout", "supplied", "courtesy", "afp via getty images", "reuters photo", "ians", "pti",
    "xinhua", "anadolu"};

bool EndsWithAgencyCredit(std::string_view lower, size_t words) {
  for (std::string_view a : kAgencies) {
    // "(AP)" after a caption sentence.
    const size_t paren_size = a.size() + 2;  // "(" a ")"
    if (lower.size() > paren_size && EndsWith(lower, ')') && lower.substr(0, lower.size() - 1).ends_with(a) &&
        lower[lower.size() - paren_size] == '(') {
      const std::string_view before = Trim(lower.substr(0, lower.size() - paren_size));
      if (EndsWith(before, '.') || EndsWith(before, '"') || EndsWith(before, "\xE2\x80\x9D")) return true;
    }
    // "Jane Doe, AP" / "Jane Doe/AFP": a photographer's credit line.
    constexpr size_t kPhotographerCreditWords = 6;
    if (words > kPhotographerCreditWords || !EndsWith(lower, a) || lower.size() <= a.size()) continue;
    const std::string_view before = Trim(lower.substr(0, lower.size() - a.size()));
    if (EndsWith(before, ',') || EndsWith(before, '/') || EndsWith(before, " -") || EndsWith(before, '|')) return true;
  }
  return false;
}

bool IsAgencyCredit(std::string_view text, size_t words, const Hits& hits) {
  if (words > kShortLineWords || !hits.Phrase(kCuePictureSource)) return false;
  // A short sentence that merely mentions an agency ends like a sentence.
  constexpr size_t kBareCreditWords = 5;
  return !EndsSentence(text) || words <= kBareCreditWords;
}

// "Agency/Platform/Photographer": at least two slashes between capitalised
// segments, short, no URL, not a sentence.
bool IsSlashCredit(std::string_view text, size_t words, const Hits& hits) {
  constexpr size_t kSlashCreditWords = 10;
  if (words > kSlashCreditWords || words == 0 || EndsSentence(text)) return false;
  if (hits.Substring(kCueSlashUrl)) return false;
  std::string_view s = StripNonAlnumEdges(text);
  size_t slashes = 0;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '/') continue;
    std::string_view segment = Trim(s.substr(start, i - start));
    if (segment.empty()) return false;
    const UChar32 first = FirstCodePoint(segment);
    if (!(first >= 0 && (u_isupper(first) || u_isdigit(first)))) return false;
    if (i < s.size()) ++slashes;
    start = i + 1;
  }
  constexpr size_t kMinSlashes = 2;
  return slashes >= kMinSlashes;
}

bool IsSharePrompt(std::string_view lower, size_t words, const Hits& hits) {
  if (words > kShortLineWords) return false;
  const std::string_view bare = StripNonAlnumEdges(lower);
  if (kShareButtonLabelSet.Contains(bare)) {
    return true;
  }
  return hits.Substring(kCueShareSub);
}

bool IsFollowPrompt(size_t words, const Hits& hits) {
  if (words > kShortLineWords) return false;
  if (hits.Phrase(kCueFollowUs)) return true;
  return hits.Phrase(kCueFollow) && hits.Phrase(kCueOnPlatform);
}

bool IsNewsletterOrCookiePrompt(std::string_view lower, size_t words, const Hits& hits) {
  if (words > kPromptWords) return false;
  if (hits.Substring(kCueCookie) || hits.Substring(kCueSignup)) return true;
  constexpr size_t kSubscribeLineWords = 25;
  if ((StartsWith(lower, "subscribe to") || StartsWith(lower, "sign up")) && words <= kSubscribeLineWords) return true;
  return hits.Phrase(kCueNewsletter) && hits.Phrase(kCueNewsletterAction);
}

// Headings that open a list of links to other articles.
bool IsRelatedHeading(std::string_view lower) {
  const std::string_view bare = StripNonAlnumEdges(lower);
  if (kRelatedHeadingSet.Contains(bare)) {
    return true;
  }
  // "More from the Times", "More Great Science Stories".
  constexpr size_t kMoreHeadingWords = 5;
  if (!StartsWith(bare, "more ") || Words(bare).size() > kMoreHeadingWords) return false;
  return StartsWith(bare, "more from ") || EndsWith(bare, " stories") || EndsWith(bare, " news") ||
         EndsWith(bare, " articles") || EndsWith(bare, " reading");
}

// "READ MORE: …", "Recommended Read: …", "Also read | …": a cue then a
// separator, introducing a link to another article.
bool HasReadMorePrefix(std::string_view lower, size_t words) {
  if (words > kPromptWords) return false;
  std::string_view s = lower;
  while (!s.empty() && !IsAsciiAlnum(s.front())) s.remove_prefix(1);
  for (std::string_view cue : PrefixCandidates(s, kReadMoreCues, kReadMoreCueFirst)) {
    if (!StartsWith(s, cue)) continue;
    std::string_view rest = s.substr(cue.size());
    if (rest.empty() && cue != "more" && cue != "latest") return true;
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    if (StartsWith(rest, "\xC2\xA0")) rest.remove_prefix(2);
    if (StartsWith(rest, ":") || StartsWith(rest, "|") || StartsWith(rest, " -") || StartsWith(rest, "- ") ||
        StartsWith(rest, "\xE2\x80\x93") || StartsWith(rest, "\xE2\x80\x94") || StartsWith(rest, "\xC2\xBB") ||
        StartsWith(rest, ">")) {
      return true;
    }
  }
  constexpr size_t kClickHereWords = 20;
  return (StartsWith(s, "click here") || StartsWith(s, "tap here")) && words <= kClickHereWords;
}

// "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Written by …".
bool IsByline(std::string_view text, std::string_view lower, size_t words, const Hits& hits) {
  constexpr size_t kBylineWords = 10;
  constexpr size_t kContributorWords = 25;
  if (words <= kContributorWords && hits.Substring(kCueContributed)) return true;
  if (hits.Substring(kCueReportingBy) &&
      words <= kPromptWords && (StartsWith(lower, "(") || StartsWith(lower, "reporting") ||
                                StartsWith(lower, "additional") || StartsWith(lower, "writing") ||
                                StartsWith(lower, "compiled") || StartsWith(lower, "edited") ||
                                StartsWith(lower, "editing"))) {
    return true;
  }
  if (words > kBylineWords || words < 2) return false;
  std::string_view rest;
  for (std::string_view prefix : PrefixCandidates(lower, kBylinePrefixes, kBylinePrefixFirst)) {
    if (StartsWith(lower, prefix)) rest = Trim(text.substr(prefix.size()));
  }
  if (rest.empty() || (EndsSentence(rest) && !EndsWith(rest, "."))) return false;
  // Every word of a name is capitalised, except joiners.
  for (std::string_view w : Words(rest)) {
    const std::string lw = AsciiLower(StripNonAlnumEdges(w));
    if (kNameJoinerSet.Contains(lw)) {
      continue;
    }
    // A date may follow the name: "By Jane Doe on Monday, Nov. 18, 2019 at 10 a.m.".
    if (kBylineDateWordSet.Contains(lw)) continue;
    if (!lw.empty() && lw.front() >= '0' && lw.front() <= '9') continue;
    const UChar32 c = FirstLetter(w);
    if (!(c >= 0 && u_isupper(c))) return false;
  }
  return true;
}

bool IsMonthOrDayWord(std::string_view w) {
  return kMonthAndDayWordSet.Contains(w);
}

// "2022", "29/11/2022", "2022-11-29", "10:30", "10.30": digit groups of
// date or clock sizes (not phone numbers such as "02-751-1500").
bool IsNumericDateOrTime(std::string_view s) {
  constexpr size_t kYearDigits = 4, kMaxGroups = 3, kDayMonthDigits = 2;
  size_t groups[kMaxGroups];
  size_t num_groups = 0;
  size_t len = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      ++len;
    } else if (c == '/' || c == '-' || c == '.' || c == ':') {
      if (len == 0 || num_groups == kMaxGroups) return false;
      groups[num_groups++] = len;
      len = 0;
    } else {
      return false;
    }
  }
  if (len == 0 || num_groups == kMaxGroups) return false;
  groups[num_groups++] = len;
  if (num_groups == 1) return groups[0] <= kYearDigits;
  // Year first (ISO) or last; the other groups are days, months, hours.
  for (size_t i = 0; i < num_groups; ++i) {
    const bool edge = i == 0 || i + 1 == num_groups;
    if (groups[i] > kDayMonthDigits && !(edge && groups[i] == kYearDigits)) return false;
  }
  return true;
}

// A line made only of a date or time, optionally with a meta label:
// "Updated: Nov. 29, 2022, 10:30 a.m. ET", "29/11/2022 | 14:05 GMT".
// REQUIRES: text_words are the words of the text `lower` is the lowered
// copy of, starting at text_base (they sit at the same offsets in both).
bool IsDateOnly(std::string_view lower, const char* text_base, const std::vector<std::string_view>& text_words) {
  constexpr size_t kDateLineWords = 14;
  if (text_words.empty() || text_words.size() > kDateLineWords) return false;
  const size_t words = text_words.size();
  bool digit = false;
  bool date_word = false;
  for (std::string_view tw : text_words) {
    const std::string_view w = lower.substr(static_cast<size_t>(tw.data() - text_base), tw.size());
    // Money, percentages and non-ASCII words are never part of a date line.
    // (Bytes 80-8F continue the punctuation and symbol blocks; C0 and up
    // lead any other non-ASCII character.)
    if (std::any_of(w.begin(), w.end(), [](char ch) {
          const auto c = static_cast<unsigned char>(ch);
          return c == '$' || c == '%' || (c >= 0x80 && c <= 0x8F) || c >= 0xC0;
        })) {
      return false;
    }
    const std::string_view bare = StripNonAlnumEdges(w);
    if (bare.empty()) continue;
    if (IsNumericDateOrTime(bare)) {
      digit = true;
      continue;
    }
    // "29th", "1st", "10:30am".
    const size_t first_alpha = bare.find_first_not_of("0123456789:.");
    if (first_alpha > 0 && first_alpha != std::string_view::npos &&
        kOrdinalAndClockSuffixSet.Contains(bare.substr(first_alpha))) {
      digit = true;
      continue;
    }
    if (IsMonthOrDayWord(bare)) {
      date_word = true;
      continue;
    }
    if (kDateLineWordSet.Contains(bare)) {
      continue;
    }
    return false;
  }
  return digit || (date_word && words <= 2);
}

bool HasMetaPrefix(std::string_view lower, size_t words) {
  if (words > kPromptWords) return false;
  for (std::string_view p : PrefixCandidates(lower, kMetaPrefixes, kMetaPrefixFirst)) {
    if (!StartsWith(lower, p)) continue;
    if (p == "tags " && words > kShortLineWords) continue;
    constexpr size_t kMetaProseWords = 15;
    if ((StartsWith(p, "updated") || StartsWith(p, "published") || StartsWith(p, "posted:") ||
         StartsWith(p, "last") || StartsWith(p, "first") || StartsWith(p, "originally")) &&
        words > kMetaProseWords) {
      continue;
    }
    return true;
  }
  return false;
}

// Buttons and navigation words of site chrome standing alone on a line.
bool IsChrome(std::string_view lower, size_t words, const Hits& hits) {
  constexpr size_t kCommentPromptWords = 15;
  if (words <= kCommentPromptWords && hits.Substring(kCueCommentPrompt)) return true;
  constexpr size_t kChromeWords = 5;
  if (words > kChromeWords) return false;
  const std::string_view bare = StripNonAlnumEdges(lower);
  if (kChromeLabelSet.Contains(bare)) {
    return true;
  }
  // "12 comments", "5 min read", "3 minute read", "Image 2 of 5".
  const std::vector<std::string_view> ws = Words(bare);
  constexpr size_t kGalleryCounterWords = 4;
  if (ws.size() == kGalleryCounterWords && kGalleryCounterNounSet.Contains(ws[0]) && ws[2] == "of") {
    return true;
  }
  if (ws.size() >= 2 && std::all_of(ws[0].begin(), ws[0].end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const std::string_view rest = bare.substr(ws[0].size() + 1);
    return kCounterNounSet.Contains(rest);
  }
  return false;
}

// ---- Features --------------------------------------------------------------

float Clamp01(float v) { return std::clamp(v, 0.0f, 1.0f); }

struct Shape {
  size_t words = 0;
  float cap_share = 0, allcaps_share = 0, digit_share = 0, punct_share = 0;
  size_t commas = 0, separators = 0;
  bool has_quote = false, starts_lower = false, title_like = false;
};

// Calls f(c) for each code point of s (negative for invalid bytes).
template <typename F>
void ForEachCodePoint(std::string_view s, F&& f) {
  ScanCodePoints(s, [&](UChar32 c) {
    f(c);
    return false;
  });
}

Shape ComputeShape(std::string_view text, const std::vector<std::string_view>& words) {
  Shape s;
  s.words = words.size();
  size_t lettered = 0, capital = 0, allcaps = 0, small_ok = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const UChar32 c = FirstLetter(words[i]);
    if (c < 0) continue;
    ++lettered;
    if (IsUpperCp(c) || IsTitleCp(c)) {
      ++capital;
      bool all = true;
      size_t letters = 0;
      ForEachCodePoint(words[i], [&](UChar32 d) {
        if (d >= 0 && IsAlphaCp(d)) {
          ++letters;
          all = all && IsUpperCp(d);
        }
      });
      if (all && letters > 1) ++allcaps;
    } else if (i > 0 && IsTitleSmallWord(StripNonAlnumEdges(words[i]))) {
      ++small_ok;
    }
    if (i == 0) s.starts_lower = IsLowerCp(c);
  }
  if (lettered > 0) {
    s.cap_share = static_cast<float>(capital) / static_cast<float>(lettered);
    s.allcaps_share = static_cast<float>(allcaps) / static_cast<float>(lettered);
  }
  constexpr size_t kTitleMinWords = 2, kTitleMaxWords = 15;
  s.title_like = lettered >= kTitleMinWords && s.words <= kTitleMaxWords && capital + small_ok == lettered &&
                 !EndsSentence(text);
  size_t chars = 0, digits = 0, punct = 0;
  ForEachCodePoint(text, [&](UChar32 c) {
    if (c >= 0 && c < 0x80 && IsAsciiAlnum(static_cast<char>(c))) {
      // Letters and digits, most of any text: the checks below reduce to this.
      ++chars;
      if (c <= '9') ++digits;
      return;
    }
    if (c < 0 || IsWhiteSpaceCp(c)) return;
    ++chars;
    if (IsDigitCp(c)) ++digits;
    if (!IsAlnumCp(c)) ++punct;
    if (c == ',') ++s.commas;
    if (c == '|' || c == 0x2022 /* • */ || c == 0x00B7 /* · */ || c == 0x203A /* › */ || c == 0x00BB /* » */ ||
        c == '>' || c == '/') {
      ++s.separators;
    }
    if (c == '"' || c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB || c == 0x2018) s.has_quote = true;
  });
  if (chars > 0) {
    s.digit_share = static_cast<float>(digits) / static_cast<float>(chars);
    s.punct_share = static_cast<float>(punct) / static_cast<float>(chars);
  }
  return s;
}

bool HasHandle(std::string_view text) {
  if (text.find('@') == std::string_view::npos) return false;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '@' && (i == 0 || !IsAsciiAlnum(text[i - 1])) &&
        (IsAsciiAlnum(text[i + 1]) || text[i + 1] == '_')) {
      return true;
    }
  }
  return false;
}

bool HasEmail(std::string_view text) {
  if (text.find('@') == std::string_view::npos) return false;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '@' && IsAsciiAlnum(text[i - 1]) && IsAsciiAlnum(text[i + 1]) &&
        text.find('.', i) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

float LogWords(size_t words) { return std::log1p(static_cast<float>(words)); }

// One paragraph as every rule and feature sees it, analysed once (the
// features and the rules used to redo this work, cue search included).
struct Line {
  std::string_view text;                // trimmed paragraph (points into the caller's string)
  std::string lower;                    // ASCII-lowered text
  std::vector<std::string_view> words;  // Words(text)
  Hits hits;                            // cue phrases found in `lower`
  // Rules that both the features and the rule list ask about.
  bool credit = false;        // an image or source credit
  bool slash_credit = false;  // "Agency/Platform/Photographer"
  bool copyright = false;
  bool byline = false;
  bool date_only = false;
  bool meta_prefix = false;
  bool chrome = false;
};

Line AnalyzeLine(std::string_view paragraph) {
  Line l;
  l.text = Trim(paragraph);
  l.lower = AsciiLower(l.text);
  l.words = Words(l.text);
  l.hits = CueMatcher().Scan(l.lower);
  const size_t w = l.words.size();
  l.credit = HasTrailingCredit(l.lower) || StartsWithCredit(l.lower, w) || IsAgencyCredit(l.text, w, l.hits) ||
             EndsWithAgencyCredit(l.lower, w);
  l.slash_credit = IsSlashCredit(l.text, w, l.hits);
  l.copyright = IsCopyright(l.text, l.lower, w, l.hits);
  l.byline = IsByline(l.text, l.lower, w, l.hits);
  l.date_only = IsDateOnly(l.lower, l.text.data(), l.words);
  l.meta_prefix = HasMetaPrefix(l.lower, w);
  l.chrome = IsChrome(l.lower, w, l.hits);
  return l;
}

LocalFeatures LocalFeaturesOf(const Line& l) {
  LocalFeatures f{};
  const std::string_view text = l.text;
  const std::string_view lower = l.lower;
  const Hits& h = l.hits;
  const Shape s = ComputeShape(text, l.words);
  const size_t w = s.words;
  const UChar32 last = LastMeaningful(text);
  const bool ends_sentence = EndsSentence(text);
  size_t k = 0;
  auto put = [&](float v) { f[k++] = v; };
  auto flag = [&](bool b) { f[k++] = b ? 1.0f : 0.0f; };
  constexpr size_t kShortWords = 3, kMediumWords = 10, kLongWords = 40;
  put(1.0f);                                   // bias
  put(LogWords(w));                            // log_words
  flag(w <= kShortWords);                      // words_le3
  flag(w > kShortWords && w <= kMediumWords);  // words_4_10
  flag(w > kLongWords);                        // words_gt40
  flag(ends_sentence);                         // end_sentence
  flag(last == ':');                           // end_colon
  flag(!ends_sentence && last >= 0 && IsAlnumCp(last));  // end_none
  put(s.cap_share);
  put(s.allcaps_share);
  put(s.digit_share);
  put(s.punct_share);
  put(w > 0 ? Clamp01(static_cast<float>(s.commas) / static_cast<float>(w) * 5.0f) : 0.0f);  // comma_per_word
  flag(s.has_quote);
  flag(s.starts_lower);
  flag(h.Substring(kCueUrlPrefix) || h.Phrase(kCueUrlSuffix));  // has_url
  flag(HasEmail(text));
  flag(HasHandle(text));
  put(Clamp01(static_cast<float>(s.separators) / static_cast<float>(w + 1) * 2.0f));  // separators
  flag(s.title_like);
  flag(h.Phrase(kCueShareWord));      // cue_share
  flag(h.Phrase(kCueSubscribeWord));  // cue_subscribe
  flag(h.Phrase(kCueRelatedWord));    // cue_related
  flag(l.credit);                     // cue_credit
  flag(l.slash_credit);
  flag(IsEmbedResidue(h));
  flag(l.copyright);
  flag(l.byline || h.Phrase(kCueBylineWord));
  flag(l.date_only);
  flag(l.meta_prefix);
  flag(l.chrome || h.Phrase(kCueChromeWord));                                // cue_chrome
  flag(h.Phrase(kCueAdWord) || IsAdLabel(StripNonAlnumEdges(lower)));        // cue_ad
  flag(w == 0);  // no_words
  return f;
}

std::string_view RuleOf(const Line& l) {
  const std::string_view lower = l.lower;
  const Hits& h = l.hits;
  const size_t w = l.words.size();
  if (w == 0) return "no_words";
  if (IsEmbedResidue(h)) return "embed";
  if (IsAdLabel(StripNonAlnumEdges(lower))) return "ad";
  if (l.copyright) return "copyright";
  if (l.credit) return "credit";
  if (l.slash_credit) return "slash_credit";
  if (IsSharePrompt(lower, w, h)) return "share";
  if (IsFollowPrompt(w, h)) return "follow";
  if (IsNewsletterOrCookiePrompt(lower, w, h)) return "newsletter_cookie";
  if (IsRelatedHeading(lower)) return "related_heading";
  if (HasReadMorePrefix(lower, w)) return "read_more";
  if (l.byline) return "byline";
  if (l.date_only) return "date";
  if (l.meta_prefix) return "meta";
  if (l.chrome) return "chrome";
  return {};
}

std::vector<float> ScoreLines(const std::vector<Line>& lines, const Model& model) {
  const size_t n = lines.size();
  std::vector<LocalFeatures> local;
  local.reserve(n);
  std::vector<float> p1;
  p1.reserve(n);
  for (const Line& l : lines) {
    local.push_back(LocalFeaturesOf(l));
    p1.push_back(Probability(model.stage1.data(), local.back().data(), kNumLocal));
  }
  const std::vector<Stage2Features> f2 = ComputeStage2Features(local, p1);
  std::vector<float> p2(n);
  for (size_t i = 0; i < n; ++i) p2[i] = Probability(model.stage2.data(), f2[i].data(), kNumStage2);
  return p2;
}

std::vector<Line> AnalyzeLines(const std::vector<std::string>& paragraphs) {
  std::vector<Line> lines;
  lines.reserve(paragraphs.size());
  for (const std::string& p : paragraphs) lines.push_back(AnalyzeLine(p));
  return lines;
}

// After a related-list heading, the list items are short headline-like
// lines: no sentence punctuation, at most kListItemWords words.
constexpr size_t kListItemWords = 25;

bool LooksLikeListItem(const Line& l) { return l.words.size() <= kListItemWords && !EndsSentence(l.text); }

// Long paragraphs of full sentences are article text in a plain-text input
// whatever their neighbours look like: residue is short. kProseWords is well
// above the length of captions and teasers, which run to one sentence.
constexpr size_t kProseWords = 35;
constexpr size_t kProseSentences = 2;

bool IsProse(const Line& l) {
  if (!EndsSentence(l.text)) return false;
  if (l.words.size() < kProseWords) return false;
  size_t sentence_ends = 0;
  for (std::string_view w : l.words) sentence_ends += EndsSentence(w) ? 1 : 0;
  return sentence_ends >= kProseSentences;
}

}  // namespace

// ---- Public internals --------------------------------------------------------

std::vector<std::string> SplitParagraphs(std::string_view body) {
  std::vector<std::string> paragraphs;
  bool joinable = false;  // the last paragraph may continue on the next line
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    const std::string_view line = Trim(body.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) {
      joinable = false;
      continue;
    }
    const UChar32 first = FirstCodePoint(line);
    const bool continues = joinable && first >= 0 && IsLowerCp(first);
    if (continues) {
      paragraphs.back().append(" ").append(line);
    } else {
      paragraphs.emplace_back(line);
    }
    const UChar32 last = LastMeaningful(line);
    // A hard wrap leaves a line mid-sentence: no final punctuation of any kind.
    joinable = !(EndsSentence(line) || last == ':' || last == ';');
  }
  return paragraphs;
}

LocalFeatures ComputeLocalFeatures(std::string_view paragraph) { return LocalFeaturesOf(AnalyzeLine(paragraph)); }

std::vector<Stage2Features> ComputeStage2Features(const std::vector<LocalFeatures>& local,
                                                  const std::vector<float>& p) {
  // Neighbours within kWindow lines either side feed the window average: a
  // paragraph inside a run of content is content more often than not.
  constexpr size_t kWindow = 3;
  constexpr float kNoNeighbour = 0.5f;  // uninformative: the edge itself is a local feature
  constexpr size_t kLogWordsIndex = 1;
  const size_t n = local.size();
  std::vector<Stage2Features> out(n);
  for (size_t i = 0; i < n; ++i) {
    Stage2Features& f = out[i];
    std::copy(local[i].begin(), local[i].end(), f.begin());
    const float prev = i > 0 ? p[i - 1] : kNoNeighbour;
    const float next = i + 1 < n ? p[i + 1] : kNoNeighbour;
    float sum = 0;
    size_t cnt = 0;
    for (size_t j = i >= kWindow ? i - kWindow : 0; j < std::min(n, i + kWindow + 1); ++j) {
      if (j == i) continue;
      sum += p[j];
      ++cnt;
    }
    size_t k = kNumLocal;
    f[k++] = prev;
    f[k++] = next;
    f[k++] = cnt > 0 ? sum / static_cast<float>(cnt) : kNoNeighbour;
    f[k++] = std::max(prev, next);
    f[k++] = std::min(prev, next);
    f[k++] = i > 0 ? local[i - 1][kLogWordsIndex] : 0.0f;
    f[k++] = i + 1 < n ? local[i + 1][kLogWordsIndex] : 0.0f;
  }
  return out;
}

float Probability(const float* weights, const float* features, size_t n) {
  double z = 0;
  for (size_t i = 0; i < n; ++i) z += static_cast<double>(weights[i]) * features[i];
  return static_cast<float>(1.0 / (1.0 + std::exp(-z)));
}

std::string_view BoilerplateRule(std::string_view paragraph) { return RuleOf(AnalyzeLine(paragraph)); }

std::vector<float> ScoreParagraphs(const std::vector<std::string>& paragraphs, const Model& model) {
  return ScoreLines(AnalyzeLines(paragraphs), model);
}

std::vector<bool> ClassifyParagraphs(const std::vector<std::string>& paragraphs, const Model& model) {
  const std::vector<Line> lines = AnalyzeLines(paragraphs);
  const std::vector<float> p = ScoreLines(lines, model);
  std::vector<bool> keep(paragraphs.size());
  bool in_related_list = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view rule = RuleOf(lines[i]);
    if (rule == "related_heading") {
      in_related_list = true;
    } else if (in_related_list && rule.empty() && !LooksLikeListItem(lines[i])) {
      in_related_list = false;
    }
    keep[i] = rule.empty() && !in_related_list && (p[i] >= model.threshold || IsProse(lines[i]));
  }
  return keep;
}

Result<Model> ParseModel(std::string_view tsv) {
  Model m;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    const std::string_view line = Trim(tsv.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const size_t tab = line.find('\t');
    auto bad = [&](std::string_view why) {
      return Status::InvalidInput("text_boilerplate model:" + std::to_string(line_no) + ": " + std::string(why) +
                                  ": '" + std::string(line.substr(0, 80)) + "'");
    };
    if (tab == std::string_view::npos) return bad("expected name<TAB>value");
    const std::string_view name = line.substr(0, tab);
    const std::string_view value = Trim(line.substr(tab + 1));
    float v = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || ptr != value.data() + value.size() || !std::isfinite(v)) return bad("bad number");
    if (name == "threshold") {
      m.threshold = v;
      continue;
    }
    auto set = [&](std::string_view feature, float* weights, auto names_begin, auto names_end) {
      const auto it = std::find(names_begin, names_end, feature);
      if (it == names_end) return false;
      weights[it - names_begin] = v;
      return true;
    };
    bool ok = false;
    if (name.starts_with("s1.")) {
      ok = set(name.substr(3), m.stage1.data(), kLocalFeatureNames.begin(), kLocalFeatureNames.end());
    } else if (name.starts_with("s2.")) {
      const std::string_view feature = name.substr(3);
      ok = set(feature, m.stage2.data(), kLocalFeatureNames.begin(), kLocalFeatureNames.end());
      if (!ok) {
        const auto it = std::find(kContextFeatureNames.begin(), kContextFeatureNames.end(), feature);
        if (it != kContextFeatureNames.end()) {
          m.stage2[kNumLocal + static_cast<size_t>(it - kContextFeatureNames.begin())] = v;
          ok = true;
        }
      }
    }
    if (!ok) return bad("unknown feature");
  }
  return m;
}

const Model& EmbeddedModel() {
  // Built once on first use; immutable afterwards (thread-safe static init).
  static const Model kModel = [] {
    Result<Model> m = ParseModel(EmbeddedModelTsv());
    return m.ok() ? *m : Model{};
  }();
  return kModel;
}

}  // namespace text_boilerplate

TextCleanResult RemoveTextBoilerplate(std::string_view body_utf8) {
  TextCleanResult result;
  const std::vector<std::string> paragraphs = text_boilerplate::SplitParagraphs(body_utf8);
  const std::vector<bool> keep = text_boilerplate::ClassifyParagraphs(paragraphs, text_boilerplate::EmbeddedModel());
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (keep[i]) {
      if (!result.text.empty()) result.text += "\n\n";
      result.text += paragraphs[i];
    } else {
      result.removed.push_back(paragraphs[i]);
    }
  }
  return result;
}

}  // namespace storyline
