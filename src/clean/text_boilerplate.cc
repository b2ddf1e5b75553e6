// text_boilerplate.cc: paragraph classifier for plain-text articles.
//
// Two layers. General rules catch residue whose wording is conventional
// across outlets (credits, share prompts, embed residue, copyright, bylines,
// related-list headings) and remove it whatever the model says. The model (a
// two-stage logistic regression, see text_boilerplate.h) judges the rest from
// shape: length, punctuation, capitalisation, cue words and neighbours.
#include "clean/text_boilerplate.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <string>

namespace storyline {
namespace text_boilerplate {

// Defined in the file generated from models/text_boilerplate.tsv at build
// time (see the root CMakeLists.txt).
std::string_view EmbeddedModelTsv();

namespace {

// ---- Text helpers ----------------------------------------------------------

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

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

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// True when `phrase` occurs in `lower` with no letter or digit directly
// before or after it (so "share" does not match "shareholder").
bool HasPhrase(std::string_view lower, std::string_view phrase) {
  size_t pos = lower.find(phrase);
  while (pos != std::string_view::npos) {
    const bool left_ok = pos == 0 || !IsAsciiAlnum(lower[pos - 1]);
    const size_t end = pos + phrase.size();
    const bool right_ok = end >= lower.size() || !IsAsciiAlnum(lower[end]);
    if (left_ok && right_ok) return true;
    pos = lower.find(phrase, pos + 1);
  }
  return false;
}

bool HasAnyPhrase(std::string_view lower, std::initializer_list<std::string_view> phrases) {
  return std::any_of(phrases.begin(), phrases.end(),
                     [&](std::string_view p) { return HasPhrase(lower, p); });
}

bool HasAnySubstring(std::string_view lower, std::initializer_list<std::string_view> parts) {
  return std::any_of(parts.begin(), parts.end(),
                     [&](std::string_view p) { return lower.find(p) != std::string_view::npos; });
}

// The text with leading and trailing characters that are not ASCII letters
// or digits removed: "— Related Posts:" -> "related posts" (after lowering).
std::string_view StripNonAlnumEdges(std::string_view s) {
  while (!s.empty() && !IsAsciiAlnum(s.front())) s.remove_prefix(1);
  while (!s.empty() && !IsAsciiAlnum(s.back())) s.remove_suffix(1);
  return s;
}

bool EqualsAny(std::string_view s, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), s) != options.end();
}

// Decodes the code points of s; invalid bytes come back as negative values.
std::vector<UChar32> CodePoints(std::string_view s) {
  std::vector<UChar32> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back(c);
  }
  return out;
}

// The first code point of s for which pred holds, or -1. Invalid bytes are
// skipped (U8_NEXT yields a negative value for them).
template <typename Pred>
UChar32 FindCodePoint(std::string_view s, Pred pred) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && pred(c)) return c;
  }
  return -1;
}

// Whitespace-separated words that contain at least one letter or digit.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    const size_t start = i;
    while (i < s.size() && !IsAsciiSpace(s[i])) ++i;
    if (i > start) {
      std::string_view w = s.substr(start, i - start);
      if (FindCodePoint(w, [](UChar32 c) { return u_isalnum(c) != 0; }) >= 0) words.push_back(w);
    }
  }
  return words;
}

// First letter of a word (skipping quotes and brackets), or -1 when there is
// none or a digit comes first.
UChar32 FirstLetter(std::string_view word) {
  const UChar32 c = FindCodePoint(word, [](UChar32 d) { return u_isalpha(d) || u_isdigit(d); });
  return c >= 0 && u_isalpha(c) ? c : -1;
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
  return EqualsAny(AsciiLower(w), {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into",
                                   "of", "on", "or", "over", "the", "to", "vs", "with"});
}

// ---- Rules -----------------------------------------------------------------

// Longest paragraph, in words, that the short-line rules (credits, share
// prompts, bylines...) consider: real residue of these kinds is a few words,
// and a longer line is far more likely to be prose that mentions the cue.
constexpr size_t kShortLineWords = 12;
// Longest paragraph the prompt rules (newsletter, cookie, copyright) consider:
// such prompts can be a full sentence or two of legal or marketing text.
constexpr size_t kPromptWords = 40;

bool IsEmbedResidue(std::string_view lower) {
  return HasAnySubstring(lower, {"view this post on instagram", "view this photo on instagram",
                                 "view this video on instagram", "a post shared by", "a photo posted by",
                                 "a video posted by", "view this post on tiktok",
                                 "watch on tiktok", "view on threads", "view this post on facebook"});
}

bool IsAdLabel(std::string_view edge_stripped_lower) {
  return EqualsAny(edge_stripped_lower,
                   {"advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "sponsored content",
                    "paid content", "promoted content", "story continues below advertisement",
                    "article continues below advertisement", "article continues below", "continue reading below",
                    "story continues below", "advertisement - scroll to continue", "scroll to continue with content",
                    "continue reading", "content continues below"});
}

bool IsCopyright(std::string_view text, std::string_view lower, size_t words) {
  if (words > kPromptWords) return false;
  return text.find("\xC2\xA9") != std::string_view::npos /* © */ || lower.starts_with("copyright") ||
         HasAnyPhrase(lower, {"all rights reserved", "(c) 19", "(c) 20"});
}

// Labels that introduce an image or source credit.
constexpr std::string_view kCreditLabels[] = {
    "picture", "pictures", "photo", "photos", "photograph", "photographs", "image", "images", "pic",
    "credit", "credits", "photo credit", "image credit", "image source", "source", "courtesy",
    "video", "illustration", "graphic", "photo illustration", "footage", "main image", "top image",
    "featured image", "header image", "cover image", "lead image", "image caption", "media caption",
    "caption", "image copyright", "photo copyright", "picture copyright"};

// "…. Picture: Getty Images", "(Photo: AP)" at the end of a caption: the label
// must start the paragraph or follow a sentence end, '(' or '|'; at most
// kCreditWords words follow it, with no sentence inside them.
constexpr size_t kCreditWords = 8;

bool HasTrailingCredit(std::string_view lower) {
  // Walk the separators (':' or an ellipsis, "Credit…" being used like a
  // colon) and look at the word before each: one pass, no label search.
  for (size_t sep = lower.find_first_of(":.\xE2"); sep != std::string_view::npos;
       sep = lower.find_first_of(":.\xE2", sep + 1)) {
    size_t sep_len = 0;
    if (lower[sep] == ':') {
      sep_len = 1;
    } else if (lower.substr(sep).starts_with("...") || lower.substr(sep).starts_with("\xE2\x80\xA6")) {
      sep_len = 3;  // both forms are three bytes
    } else {
      continue;
    }
    const std::string_view head = Trim(lower.substr(0, sep));
    for (std::string_view label : kCreditLabels) {
      if (!head.ends_with(label)) continue;
      const std::string_view before = Trim(head.substr(0, head.size() - label.size()));
      const bool boundary = before.empty() || before.ends_with('.') || before.ends_with('(') ||
                            before.ends_with('|') || before.ends_with('!') || before.ends_with('?') ||
                            before.ends_with('"') || before.ends_with("\xE2\x80\x9D");
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
  for (std::string_view label : kCreditLabels) {
    if (!s.starts_with(label)) continue;
    std::string_view rest = s.substr(label.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.starts_with(":") || rest.starts_with("-") || rest.starts_with("\xE2\x80\x93") ||
        rest.starts_with("\xE2\x80\x94") || rest.starts_with("by ") || rest.starts_with("of ") ||
        rest.starts_with("/") || rest.starts_with("|")) {
      return true;
    }
    // "Image caption The minister…", "Image copyright Reuters": BBC-style
    // labels run straight into the caption.
    if (label.find(' ') != std::string_view::npos && (label.ends_with("caption") || label.ends_with("copyright"))) {
      return true;
    }
  }
  constexpr size_t kViaWords = 6;
  return s.starts_with("via ") && words <= kViaWords;
}

// News agencies that sign photos; only trusted at the end of a line
// ("… on Tuesday. (AP)", "Jane Doe, Reuters"), where prose rarely names them.
constexpr std::string_view kAgencies[] = {"ap", "afp", "reuters", "epa", "pa", "getty", "getty images",
                                          "ap photo", "afp photo", "shutterstock", "istock", "file photo",
                                          "file", "handout", "supplied", "courtesy", "afp via getty images",
                                          "reuters photo", "ians", "pti", "xinhua", "anadolu"};

bool EndsWithAgencyCredit(std::string_view lower, size_t words) {
  for (std::string_view a : kAgencies) {
    // "(AP)" after a caption sentence.
    const size_t paren_size = a.size() + 2;  // "(" a ")"
    if (lower.size() > paren_size && lower.ends_with(')') && lower.substr(0, lower.size() - 1).ends_with(a) &&
        lower[lower.size() - paren_size] == '(') {
      const std::string_view before = Trim(lower.substr(0, lower.size() - paren_size));
      if (before.ends_with('.') || before.ends_with('"') || before.ends_with("\xE2\x80\x9D")) return true;
    }
    // "Jane Doe, AP" / "Jane Doe/AFP": a photographer's credit line.
    constexpr size_t kPhotographerCreditWords = 6;
    if (words > kPhotographerCreditWords || !lower.ends_with(a) || lower.size() <= a.size()) continue;
    const std::string_view before = Trim(lower.substr(0, lower.size() - a.size()));
    if (before.ends_with(',') || before.ends_with('/') || before.ends_with(" -") || before.ends_with('|')) return true;
  }
  return false;
}

// Picture agencies and platforms named in credits.
bool NamesPictureSource(std::string_view lower) {
  return HasAnyPhrase(lower, {"getty images", "getty", "shutterstock", "alamy", "istock", "istockphoto",
                              "wireimage", "filmmagic", "backgrid", "splash news", "rex features",
                              "ap photo", "afp photo", "epa-efe", "reuters/", "pa images", "pa wire",
                              "cover images", "mega agency", "bauer-griffin", "gc images", "image source"});
}

bool IsAgencyCredit(std::string_view text, std::string_view lower, size_t words) {
  if (words > kShortLineWords || !NamesPictureSource(lower)) return false;
  // A short sentence that merely mentions an agency ends like a sentence.
  constexpr size_t kBareCreditWords = 5;
  return !EndsSentence(text) || words <= kBareCreditWords;
}

// "Agency/Platform/Photographer": at least two slashes between capitalised
// segments, short, no URL, not a sentence.
bool IsSlashCredit(std::string_view text, std::string_view lower, size_t words) {
  constexpr size_t kSlashCreditWords = 10;
  if (words > kSlashCreditWords || words == 0 || EndsSentence(text)) return false;
  if (lower.find("://") != std::string_view::npos || lower.find("www.") != std::string_view::npos) return false;
  std::string_view s = StripNonAlnumEdges(text);
  size_t slashes = 0;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '/') continue;
    std::string_view segment = Trim(s.substr(start, i - start));
    if (segment.empty()) return false;
    const UChar32 first = CodePoints(segment).front();
    if (!(first >= 0 && (u_isupper(first) || u_isdigit(first)))) return false;
    if (i < s.size()) ++slashes;
    start = i + 1;
  }
  constexpr size_t kMinSlashes = 2;
  return slashes >= kMinSlashes;
}

bool IsSharePrompt(std::string_view lower, size_t words) {
  if (words > kShortLineWords) return false;
  const std::string_view bare = StripNonAlnumEdges(lower);
  if (EqualsAny(bare, {"share", "shares", "share this", "share it", "share now", "tweet", "pin it", "email",
                       "print", "share on facebook", "share on twitter", "share on x", "share on whatsapp"})) {
    return true;
  }
  return HasAnySubstring(lower, {"share this", "share on ", "share via", "share article", "share story",
                                 "share the story", "share the article", "tweet this", "email this",
                                 "click to share", "share:", "copy link", "copy the link",
                                 "share to facebook", "share to twitter", "share with friends",
                                 "share this with", "share your thoughts"});
}

bool IsFollowPrompt(std::string_view lower, size_t words) {
  if (words > kShortLineWords) return false;
  if (HasAnyPhrase(lower, {"follow us", "like us on facebook", "find us on", "join us on", "follow @"})) return true;
  return HasPhrase(lower, "follow") &&
         HasAnyPhrase(lower, {"on twitter", "on instagram", "on facebook", "on tiktok", "on x", "on threads",
                              "on youtube", "on linkedin", "on google news", "on bluesky"});
}

bool IsNewsletterOrCookiePrompt(std::string_view lower, size_t words) {
  if (words > kPromptWords) return false;
  if (HasAnySubstring(lower, {"we use cookies", "uses cookies", "use of cookies", "accept cookies",
                              "cookie policy", "cookie settings", "accept all cookies", "manage cookies"})) {
    return true;
  }
  if (HasAnySubstring(lower, {"sign up for our", "sign up to our", "subscribe to our", "subscribe now",
                              "delivered to your inbox", "straight to your inbox", "in your inbox",
                              "get our newsletter", "sign up for the", "join our mailing list",
                              "enter your email", "your email address", "subscribe for"})) {
    return true;
  }
  constexpr size_t kSubscribeLineWords = 25;
  if ((lower.starts_with("subscribe to") || lower.starts_with("sign up")) && words <= kSubscribeLineWords) return true;
  return HasPhrase(lower, "newsletter") && HasAnyPhrase(lower, {"sign up", "subscribe", "inbox", "email"});
}

// Headings that open a list of links to other articles.
bool IsRelatedHeading(std::string_view lower) {
  const std::string_view bare = StripNonAlnumEdges(lower);
  if (EqualsAny(bare, {"related", "related posts", "related post", "related articles", "related article",
                       "related stories", "related story", "related news", "related content", "related coverage",
                       "related links", "related topics", "related reading", "you might also like",
                       "you may also like", "you might like", "you may like", "you might be interested in",
                       "you may be interested in", "more stories", "more news", "more articles", "most popular",
                       "most read", "most viewed", "most shared", "trending", "trending now", "trending stories",
                       "recommended", "recommended for you", "recommended stories", "recommended articles",
                       "read next", "up next", "what to read next", "also read", "more on this story",
                       "more on this topic", "top stories", "latest news", "latest stories", "popular",
                       "popular stories", "don't miss", "dont miss", "editor's picks", "editors picks",
                       "further reading", "see also", "around the web", "from the web", "promoted stories",
                       "more to explore", "keep reading", "in case you missed it", "more like this",
                       "explore further", "related video", "related videos", "watch more", "more videos"})) {
    return true;
  }
  // "More from the Times", "More Great Science Stories".
  constexpr size_t kMoreHeadingWords = 5;
  if (!bare.starts_with("more ") || Words(bare).size() > kMoreHeadingWords) return false;
  return bare.starts_with("more from ") || bare.ends_with(" stories") || bare.ends_with(" news") ||
         bare.ends_with(" articles") || bare.ends_with(" reading");
}

// "READ MORE: …", "Recommended Read: …", "Also read | …": a cue then a
// separator, introducing a link to another article.
bool HasReadMorePrefix(std::string_view lower, size_t words) {
  if (words > kPromptWords) return false;
  std::string_view s = lower;
  while (!s.empty() && !IsAsciiAlnum(s.front())) s.remove_prefix(1);
  for (std::string_view cue : {"recommended read", "recommended reading", "recommended", "read more", "read also",
                               "also read", "related", "related article", "related story", "related reading",
                               "see also", "more", "watch", "listen", "read", "read next", "must read",
                               "don't miss", "also see", "suggested read", "suggested reading", "related video",
                               "watch video", "watch the video", "read the full story", "read full story",
                               "click here", "tap here", "more news", "latest"}) {
    if (!s.starts_with(cue)) continue;
    std::string_view rest = s.substr(cue.size());
    if (rest.empty() && cue != "more" && cue != "latest") return true;
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    if (rest.starts_with("\xC2\xA0")) rest.remove_prefix(2);
    if (rest.starts_with(":") || rest.starts_with("|") || rest.starts_with(" -") || rest.starts_with("- ") ||
        rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xC2\xBB") ||
        rest.starts_with(">")) {
      return true;
    }
  }
  constexpr size_t kClickHereWords = 20;
  return (s.starts_with("click here") || s.starts_with("tap here")) && words <= kClickHereWords;
}

// "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Written by …".
bool IsByline(std::string_view text, std::string_view lower, size_t words) {
  constexpr size_t kBylineWords = 10;
  constexpr size_t kContributorWords = 25;
  if (words <= kContributorWords &&
      HasAnySubstring(lower, {"contributed to this report", "contributed reporting", "contributed to this story",
                              "contributed to this article"})) {
    return true;
  }
  if (HasAnySubstring(lower, {"reporting by ", "editing by ", "additional reporting by ", "writing by ",
                              "compiled by ", "edited by "}) &&
      words <= kPromptWords && (lower.starts_with("(") || lower.starts_with("reporting") ||
                                lower.starts_with("additional") || lower.starts_with("writing") ||
                                lower.starts_with("compiled") || lower.starts_with("edited") ||
                                lower.starts_with("editing"))) {
    return true;
  }
  if (words > kBylineWords || words < 2) return false;
  std::string_view rest;
  for (std::string_view prefix : {"by ", "written by ", "posted by ", "words by ", "story by ", "author: ",
                                  "reporter: ", "text by ", "researched by: ", "researched by ", "produced by ",
                                  "photography by ", "by: "}) {
    if (lower.starts_with(prefix)) rest = Trim(text.substr(prefix.size()));
  }
  if (rest.empty() || (EndsSentence(rest) && !rest.ends_with("."))) return false;
  // Every word of a name is capitalised, except joiners.
  for (std::string_view w : Words(rest)) {
    const std::string lw = AsciiLower(StripNonAlnumEdges(w));
    if (EqualsAny(lw, {"and", "in", "for", "de", "van", "von", "der", "la", "le", "da", "di", "staff",
                       "reporter", "writer", "correspondent", "editor"})) {
      continue;
    }
    // A date may follow the name: "By Jane Doe on Monday, Nov. 18, 2019 at 10 a.m.".
    if (EqualsAny(lw, {"on", "at", "updated", "published", "am", "pm", "a.m", "p.m"})) continue;
    if (!lw.empty() && lw.front() >= '0' && lw.front() <= '9') continue;
    const UChar32 c = FirstLetter(w);
    if (!(c >= 0 && u_isupper(c))) return false;
  }
  return true;
}

bool IsMonthOrDayWord(std::string_view w) {
  return EqualsAny(w, {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
                       "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
                       "nov", "november", "dec", "december", "mon", "monday", "tue", "tues", "tuesday", "wed",
                       "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday",
                       "sun", "sunday"});
}

// "2022", "29/11/2022", "2022-11-29", "10:30", "10.30": digit groups of
// date or clock sizes (not phone numbers such as "02-751-1500").
bool IsNumericDateOrTime(std::string_view s) {
  std::vector<size_t> groups;
  size_t len = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      ++len;
    } else if (c == '/' || c == '-' || c == '.' || c == ':') {
      if (len == 0) return false;
      groups.push_back(len);
      len = 0;
    } else {
      return false;
    }
  }
  if (len == 0) return false;
  groups.push_back(len);
  constexpr size_t kYearDigits = 4, kMaxGroups = 3, kDayMonthDigits = 2;
  if (groups.size() > kMaxGroups) return false;
  if (groups.size() == 1) return groups[0] <= kYearDigits;
  // Year first (ISO) or last; the other groups are days, months, hours.
  for (size_t i = 0; i < groups.size(); ++i) {
    const bool edge = i == 0 || i + 1 == groups.size();
    if (groups[i] > kDayMonthDigits && !(edge && groups[i] == kYearDigits)) return false;
  }
  return true;
}

// A line made only of a date or time, optionally with a meta label:
// "Updated: Nov. 29, 2022, 10:30 a.m. ET", "29/11/2022 | 14:05 GMT".
bool IsDateOnly(std::string_view lower, size_t words) {
  constexpr size_t kDateLineWords = 14;
  if (words == 0 || words > kDateLineWords) return false;
  bool digit = false;
  bool date_word = false;
  for (std::string_view w : Words(lower)) {
    // Money, percentages and non-ASCII words are never part of a date line.
    if (w.find_first_of("$%\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8A\x8B\x8C\x8D\x8E\x8F") !=
            std::string_view::npos ||
        std::any_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xC0; })) {
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
        EqualsAny(bare.substr(first_alpha), {"st", "nd", "rd", "th", "am", "pm", "a.m", "p.m"})) {
      digit = true;
      continue;
    }
    if (IsMonthOrDayWord(bare)) {
      date_word = true;
      continue;
    }
    if (EqualsAny(bare, {"updated", "published", "posted", "last", "first", "modified", "on", "at", "am", "pm",
                         "a.m", "p.m", "gmt", "utc", "est", "edt", "et", "pt", "pst", "pdt", "bst", "cet",
                         "cest", "ist", "aest", "ago", "hours", "hour", "minutes", "min", "mins", "days", "day",
                         "yesterday", "today", "date", "time", "of"})) {
      continue;
    }
    return false;
  }
  return digit || (date_word && words <= 2);
}

bool HasMetaPrefix(std::string_view lower, size_t words) {
  if (words > kPromptWords) return false;
  for (std::string_view p : {"tags:", "tags ", "tagged:", "tagged with", "topics:", "filed under", "categories:",
                             "category:", "keywords:", "posted in", "updated:", "published:", "posted:",
                             "last updated", "first published", "originally published"}) {
    if (!lower.starts_with(p)) continue;
    if (p == "tags " && words > kShortLineWords) continue;
    constexpr size_t kMetaProseWords = 15;
    if ((p.starts_with("updated") || p.starts_with("published") || p.starts_with("posted:") ||
         p.starts_with("last") || p.starts_with("first") || p.starts_with("originally")) &&
        words > kMetaProseWords) {
      continue;
    }
    return true;
  }
  return false;
}

// Buttons and navigation words of site chrome standing alone on a line.
bool IsChrome(std::string_view lower, size_t words) {
  constexpr size_t kCommentPromptWords = 15;
  if (words <= kCommentPromptWords &&
      HasAnySubstring(lower, {"logged in to post a comment", "to post a comment", "to leave a comment",
                              "comments are closed", "be the first to comment", "join the conversation"})) {
    return true;
  }
  constexpr size_t kChromeWords = 5;
  if (words > kChromeWords) return false;
  const std::string_view bare = StripNonAlnumEdges(lower);
  if (EqualsAny(bare, {"comments", "comment", "leave a comment", "leave a reply", "add comment", "post a comment",
                       "show comments", "view comments", "log in", "login", "sign in", "sign up", "register",
                       "menu", "search", "home", "close", "skip to content", "skip to main content", "back to top",
                       "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "x",
                       "flipboard", "copy url", "load more", "see more", "show more", "next", "previous",
                       "next article", "previous article", "next post", "previous post", "next story",
                       "listen to this article", "save", "save article", "bookmark", "subscribe", "newsletter",
                       "gift this article", "view gallery", "enlarge", "expand", "zoom"})) {
    return true;
  }
  // "12 comments", "5 min read", "3 minute read", "Image 2 of 5".
  const std::vector<std::string_view> ws = Words(bare);
  constexpr size_t kGalleryCounterWords = 4;
  if (ws.size() == kGalleryCounterWords && EqualsAny(ws[0], {"image", "photo", "picture", "slide"}) && ws[2] == "of") {
    return true;
  }
  if (ws.size() >= 2 && std::all_of(ws[0].begin(), ws[0].end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const std::string_view rest = bare.substr(ws[0].size() + 1);
    return EqualsAny(rest, {"comments", "comment", "min read", "minute read", "mins read", "minutes read",
                            "shares", "views", "replies"});
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

Shape ComputeShape(std::string_view text) {
  Shape s;
  const std::vector<std::string_view> words = Words(text);
  s.words = words.size();
  size_t lettered = 0, capital = 0, allcaps = 0, small_ok = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const UChar32 c = FirstLetter(words[i]);
    if (c < 0) continue;
    ++lettered;
    if (u_isupper(c) || u_istitle(c)) {
      ++capital;
      bool all = true;
      size_t letters = 0;
      for (UChar32 d : CodePoints(words[i])) {
        if (d >= 0 && u_isalpha(d)) {
          ++letters;
          all = all && u_isupper(d);
        }
      }
      if (all && letters > 1) ++allcaps;
    } else if (i > 0 && IsTitleSmallWord(StripNonAlnumEdges(words[i]))) {
      ++small_ok;
    }
    if (i == 0) s.starts_lower = u_islower(c);
  }
  if (lettered > 0) {
    s.cap_share = static_cast<float>(capital) / static_cast<float>(lettered);
    s.allcaps_share = static_cast<float>(allcaps) / static_cast<float>(lettered);
  }
  constexpr size_t kTitleMinWords = 2, kTitleMaxWords = 15;
  s.title_like = lettered >= kTitleMinWords && s.words <= kTitleMaxWords && capital + small_ok == lettered &&
                 !EndsSentence(text);
  size_t chars = 0, digits = 0, punct = 0;
  for (UChar32 c : CodePoints(text)) {
    if (c < 0 || u_isUWhiteSpace(c)) continue;
    ++chars;
    if (u_isdigit(c)) ++digits;
    if (!u_isalnum(c)) ++punct;
    if (c == ',') ++s.commas;
    if (c == '|' || c == 0x2022 /* • */ || c == 0x00B7 /* · */ || c == 0x203A /* › */ || c == 0x00BB /* » */ ||
        c == '>' || c == '/') {
      ++s.separators;
    }
    if (c == '"' || c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB || c == 0x2018) s.has_quote = true;
  }
  if (chars > 0) {
    s.digit_share = static_cast<float>(digits) / static_cast<float>(chars);
    s.punct_share = static_cast<float>(punct) / static_cast<float>(chars);
  }
  return s;
}

bool HasHandle(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '@' && (i == 0 || !IsAsciiAlnum(text[i - 1])) &&
        (IsAsciiAlnum(text[i + 1]) || text[i + 1] == '_')) {
      return true;
    }
  }
  return false;
}

bool HasEmail(std::string_view text) {
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '@' && IsAsciiAlnum(text[i - 1]) && IsAsciiAlnum(text[i + 1]) &&
        text.find('.', i) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

float LogWords(size_t words) { return std::log1p(static_cast<float>(words)); }

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
    const UChar32 first = CodePoints(line).front();
    const bool continues = joinable && first >= 0 && u_islower(first);
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

LocalFeatures ComputeLocalFeatures(std::string_view paragraph) {
  LocalFeatures f{};
  const std::string_view text = Trim(paragraph);
  const std::string lower = AsciiLower(text);
  const Shape s = ComputeShape(text);
  const size_t w = s.words;
  const UChar32 last = LastMeaningful(text);
  size_t k = 0;
  auto put = [&](float v) { f[k++] = v; };
  auto flag = [&](bool b) { f[k++] = b ? 1.0f : 0.0f; };
  constexpr size_t kShortWords = 3, kMediumWords = 10, kLongWords = 40;
  put(1.0f);                                   // bias
  put(LogWords(w));                            // log_words
  flag(w <= kShortWords);                      // words_le3
  flag(w > kShortWords && w <= kMediumWords);  // words_4_10
  flag(w > kLongWords);                        // words_gt40
  flag(EndsSentence(text));                    // end_sentence
  flag(last == ':');                           // end_colon
  flag(!EndsSentence(text) && last >= 0 && u_isalnum(last));  // end_none
  put(s.cap_share);
  put(s.allcaps_share);
  put(s.digit_share);
  put(s.punct_share);
  put(w > 0 ? Clamp01(static_cast<float>(s.commas) / static_cast<float>(w) * 5.0f) : 0.0f);  // comma_per_word
  flag(s.has_quote);
  flag(s.starts_lower);
  flag(HasAnySubstring(lower, {"http://", "https://", "www."}) ||
       HasAnyPhrase(lower, {".com", ".org", ".net", ".co.uk"}));  // has_url
  flag(HasEmail(text));
  flag(HasHandle(text));
  put(Clamp01(static_cast<float>(s.separators) / static_cast<float>(w + 1) * 2.0f));  // separators
  flag(s.title_like);
  flag(HasAnyPhrase(lower, {"share", "tweet", "whatsapp", "facebook", "pinterest", "linkedin", "email",
                            "print"}));  // cue_share
  flag(HasAnyPhrase(lower, {"subscribe", "subscription", "newsletter", "sign up", "signup", "inbox", "cookie",
                            "cookies", "privacy", "register"}));  // cue_subscribe
  flag(HasAnyPhrase(lower, {"related", "recommended", "read more", "also like", "also read", "read next",
                            "more from", "popular", "trending", "don't miss", "see also", "click", "tap here",
                            "more stories", "you may", "you might"}));  // cue_related
  flag(HasTrailingCredit(lower) || StartsWithCredit(lower, w) || IsAgencyCredit(text, lower, w) ||
       EndsWithAgencyCredit(lower, w));  // cue_credit
  flag(IsSlashCredit(text, lower, w));
  flag(IsEmbedResidue(lower));
  flag(IsCopyright(text, lower, w));
  flag(IsByline(text, lower, w) || HasAnyPhrase(lower, {"author", "staff writer", "correspondent", "contributor"}));
  flag(IsDateOnly(lower, w));
  flag(HasMetaPrefix(lower, w));
  flag(IsChrome(lower, w) || HasAnyPhrase(lower, {"comments", "log in", "login", "sign in", "menu", "search",
                                                 "skip to", "terms of use", "terms of service", "privacy policy",
                                                 "contact us", "about us", "advertise", "all rights"}));  // cue_chrome
  flag(HasAnyPhrase(lower, {"advertisement", "sponsored", "promoted", "partner content", "affiliate",
                            "commission"}) || IsAdLabel(StripNonAlnumEdges(lower)));  // cue_ad
  flag(w == 0);  // no_words
  return f;
}

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

std::string_view BoilerplateRule(std::string_view paragraph) {
  const std::string_view text = Trim(paragraph);
  const std::string lower = AsciiLower(text);
  const size_t w = Words(text).size();
  if (w == 0) return "no_words";
  if (IsEmbedResidue(lower)) return "embed";
  if (IsAdLabel(StripNonAlnumEdges(lower))) return "ad";
  if (IsCopyright(text, lower, w)) return "copyright";
  if (HasTrailingCredit(lower) || StartsWithCredit(lower, w) || IsAgencyCredit(text, lower, w) ||
      EndsWithAgencyCredit(lower, w)) {
    return "credit";
  }
  if (IsSlashCredit(text, lower, w)) return "slash_credit";
  if (IsSharePrompt(lower, w)) return "share";
  if (IsFollowPrompt(lower, w)) return "follow";
  if (IsNewsletterOrCookiePrompt(lower, w)) return "newsletter_cookie";
  if (IsRelatedHeading(lower)) return "related_heading";
  if (HasReadMorePrefix(lower, w)) return "read_more";
  if (IsByline(text, lower, w)) return "byline";
  if (IsDateOnly(lower, w)) return "date";
  if (HasMetaPrefix(lower, w)) return "meta";
  if (IsChrome(lower, w)) return "chrome";
  return {};
}

std::vector<float> ScoreParagraphs(const std::vector<std::string>& paragraphs, const Model& model) {
  const size_t n = paragraphs.size();
  std::vector<LocalFeatures> local;
  local.reserve(n);
  std::vector<float> p1;
  p1.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    local.push_back(ComputeLocalFeatures(paragraphs[i]));
    p1.push_back(Probability(model.stage1.data(), local.back().data(), kNumLocal));
  }
  const std::vector<Stage2Features> f2 = ComputeStage2Features(local, p1);
  std::vector<float> p2(n);
  for (size_t i = 0; i < n; ++i) p2[i] = Probability(model.stage2.data(), f2[i].data(), kNumStage2);
  return p2;
}

namespace {

// After a related-list heading, the list items are short headline-like
// lines: no sentence punctuation, at most kListItemWords words.
constexpr size_t kListItemWords = 25;

bool LooksLikeListItem(std::string_view paragraph) {
  const std::string_view text = Trim(paragraph);
  return Words(text).size() <= kListItemWords && !EndsSentence(text);
}

// Long paragraphs of full sentences are article text in a plain-text input
// whatever their neighbours look like: residue is short. kProseWords is well
// above the length of captions and teasers, which run to one sentence.
constexpr size_t kProseWords = 35;
constexpr size_t kProseSentences = 2;

bool IsProse(std::string_view paragraph) {
  const std::string_view text = Trim(paragraph);
  if (!EndsSentence(text)) return false;
  const std::vector<std::string_view> words = Words(text);
  if (words.size() < kProseWords) return false;
  size_t sentence_ends = 0;
  for (std::string_view w : words) sentence_ends += EndsSentence(w) ? 1 : 0;
  return sentence_ends >= kProseSentences;
}

}  // namespace

std::vector<bool> ClassifyParagraphs(const std::vector<std::string>& paragraphs, const Model& model) {
  const std::vector<float> p = ScoreParagraphs(paragraphs, model);
  std::vector<bool> keep(paragraphs.size());
  bool in_related_list = false;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const std::string_view rule = BoilerplateRule(paragraphs[i]);
    if (rule == "related_heading") {
      in_related_list = true;
    } else if (in_related_list && rule.empty() && !LooksLikeListItem(paragraphs[i])) {
      in_related_list = false;
    }
    keep[i] = rule.empty() && !in_related_list && (p[i] >= model.threshold || IsProse(paragraphs[i]));
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
