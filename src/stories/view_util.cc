#include "stories/view_util.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "extract/lexicon.h"
#include "stories/text_features.h"

namespace storyline::stories {
namespace {

// A timeline entry's text is a one-line summary; the full sentence stays in
// its evidence. 200 code points keeps a long sentence readable in a list.
constexpr size_t kMaxEventTextCodePoints = 200;

// The contract's entity types, in the order that breaks ties between them.
constexpr std::string_view kEntityTypes[] = {"PERSON", "ORG", "PLACE", "WORK", "OTHER"};

// Other taggers' names for the same types (CoNLL, OntoNotes, spaCy).
constexpr std::pair<std::string_view, std::string_view> kTypeAliases[] = {
    {"PER", "PERSON"},         {"ORGANIZATION", "ORG"}, {"ORGANISATION", "ORG"},
    {"LOC", "PLACE"},          {"LOCATION", "PLACE"},   {"GPE", "PLACE"},
    {"FAC", "PLACE"},          {"WORK_OF_ART", "WORK"}, {"MISC", "OTHER"},
    {"NORP", "OTHER"},
};

}  // namespace

std::string ContractType(const std::string& type) {
  std::string upper = type;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  for (std::string_view t : kEntityTypes) {
    if (upper == t) return upper;
  }
  for (const auto& [from, to] : kTypeAliases) {
    if (upper == from) return std::string(to);
  }
  return "OTHER";
}

size_t TypeRank(const std::string& type) {
  for (size_t i = 0; i < std::size(kEntityTypes); ++i) {
    if (type == kEntityTypes[i]) return i;
  }
  return std::size(kEntityTypes);
}

std::string TrimWhitespace(std::string_view s) {
  const auto is_space = [](char ch) {
    return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v';
  };
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

TextView::TextView(const AnnotatedArticle& a) : a_(a) {
    const std::string& t = a.article.text;
    byte_of_.reserve(t.size() + 1);
    for (size_t b = 0; b < t.size(); ++b) {
      if ((static_cast<unsigned char>(t[b]) & 0xC0) != 0x80) byte_of_.push_back(b);
    }
    byte_of_.push_back(t.size());
}

std::string TextView::Slice(size_t start, size_t end) const {
    start = std::min(start, cp_length());
    end = std::clamp(end, start, cp_length());
    return a_.article.text.substr(byte_of_[start], byte_of_[end] - byte_of_[start]);
}

std::string TextView::SentenceAt(size_t cp) const {
    for (const Span& s : a_.sentences) {
      if (s.start <= cp && cp < s.end) return TrimWhitespace(Slice(s.start, s.end));
    }
    const std::string& t = a_.article.text;
    const size_t at = byte_of_[std::min(cp, cp_length())];
    const size_t para_start = t.rfind("\n\n", at);
    size_t b = para_start == std::string::npos ? 0 : para_start + 2;
    size_t e = t.find("\n\n", at);
    if (e == std::string::npos) e = t.size();
    b = std::min(b, e);
    return TrimWhitespace(std::string_view(t).substr(b, e - b));
}

std::string Shorten(const std::string& sentence) {
  std::string s = CollapseWhitespace(sentence);
  if (CountCodePoints(s) <= kMaxEventTextCodePoints) return s;
  size_t cut = ByteOffsetOfCodePoint(s, kMaxEventTextCodePoints);
  const size_t space = s.rfind(' ', cut);
  if (space != std::string::npos && space > 0) cut = space;
  return s.substr(0, cut) + "\xE2\x80\xA6";  // U+2026 HORIZONTAL ELLIPSIS
}

void AddUnique(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}


std::string EventWordBefore(const std::string& before) {
  const std::vector<WordToken> words = Tokenize(before);
  if (words.size() < 2 || (words.back().folded != "in" && words.back().folded != "on")) return "";
  const WordToken* wp = &words[words.size() - 2];
  // "broke out on Saturday", "stepped down on Monday": the verb and its particle.
  std::string particle;
  if (words.size() >= 3 && (wp->folded == "out" || wp->folded == "down" || wp->folded == "up" || wp->folded == "off")) {
    particle = " " + wp->folded;
    wp = &words[words.size() - 3];
  }
  const WordToken& w = *wp;
  const std::string_view gap(before.data() + w.end, words.back().begin - w.end);
  if (gap.find_first_not_of(particle.empty() ? " " : " outdwnpf") != std::string_view::npos) {
    return "";  // "debut, in 2019"
  }
  // "re-elected in 2021" is not "elected": the prefix is part of the word.
  if (w.begin > 0 && before[w.begin - 1] == '-') return "";
  if (w.capitalised || !w.has_letter || IsStopWord(w.folded) || IsCalendarWord(w.folded)) return "";
  // Verbs of saying (lexicons/reporting_verbs.txt, tag not_event).
  if (lexicon::In(lexicon::kReportingVerbsNotEvent, w.folded)) return "";
  // What happened: a past form ("opened", "began") or a noun naming an
  // event ("debut"); "joined the infirmary in 1998" dates the joining, not
  // the infirmary. Past forms: lexicons/verbs_and_adverbs.txt (tag
  // dated_event); nouns: lexicons/event_nouns.txt.
  constexpr size_t kMinPastChars = 5;  // "-ed" words shorter than this are rarely verbs ("red", "bed")
  const bool past = (w.folded.size() >= kMinPastChars && w.folded.ends_with("ed")) ||
                    lexicon::In(lexicon::kVerbsAndAdverbsDatedEvent, w.folded);
  const bool event = lexicon::In(lexicon::kEventNouns, w.folded);
  return past || event ? w.folded + particle : "";
}


}  // namespace storyline::stories
