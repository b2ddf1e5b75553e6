// quote_media.cc: the medium a statement was made through ("in a TikTok
// video", "told reporters", "said in a statement") and how it carries over
// to the same speaker's later words that name none. Values follow the dev
// set's guideline (eval/quotes/README.md), plus instagram_stories; the words
// that name them are lexicons/media_words.txt and media_platforms.txt.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "extract/quote_finder.h"

namespace storyline::quote_finder {
namespace {

// Words of an interviewer's name after "interview with" ("the film podcast
// Final Cut", "the breakfast show on BBC Radio"): longer runs are a clause.
constexpr size_t kInterviewerWords = 6;
// Words of an outlet's name ("the Tarn Valley Evening Post").
constexpr size_t kOutletNameWords = 4;

}  // namespace

// A statement's medium carries over to the same speaker's later words
// that name none ("In a televised speech, Obama presented a plan. … He
// said that …"): the latest earlier quotation by that speaker, or
// sentence with that speaker as subject, that names a medium.
// REQUIRES: `out` sorted by span start.
//
// A press statement ("said in a statement") takes the platform a
// sentence just before names for the same speaker ("Smith broke her
// silence on Instagram Stories. "…," she said in a statement."): the
// platform is where the statement was published.
void Finder::InheritMedia(std::vector<Quote>* out) const {
  // (start, sentence, entity, medium): the medium named after the subject.
  std::vector<std::tuple<size_t, size_t, std::string, std::string>> subjects;
  for (size_t i = 0; i < words_.size();) {
    size_t e = i;
    while (e < words_.size() && words_[e].sent == words_[i].sent) ++e;
    if (!Medium(i, e).empty()) {
      for (size_t k = i; k < e; ++k) {
        // "He said farewell in a TikTok video.": a pronoun subject too.
        if (!InQuote(k) && (words_[k].lower == "he" || words_[k].lower == "she") && SubjectPosition(k)) {
          const Speaker p = Pronoun(words_[k].lower, words_[k].start);
          const std::string medium = SubjectMedium(i, k, e);
          if (p.found && !p.id.empty() && !medium.empty()) {
            subjects.emplace_back(words_[i].start, words_[i].sent, p.id, medium);
          }
          break;
        }
        const int m = words_[k].mention;
        if (m < 0 || InQuote(k) || platform_[m] || !SubjectPosition(k)) continue;
        const std::string& type = (*entities_)[m].type;
        if (type == "PERSON" || type == "ORG") {
          const std::string medium = SubjectMedium(i, k, e);
          if (!medium.empty()) subjects.emplace_back(words_[i].start, words_[i].sent, (*entities_)[m].entity, medium);
          break;
        }
      }
    }
    i = e;
  }
  // ... and so do the statement's further quotations, up to another
  // speaker's.
  std::string carried;  // platform of the run of the previous quotation's speaker
  for (size_t qi = 0; qi < out->size(); ++qi) {
    Quote& q = (*out)[qi];
    const bool same_run = qi > 0 && !q.speaker.empty() && (*out)[qi - 1].speaker == q.speaker;
    if (!same_run) carried.clear();
    if (q.medium != "statement" || q.speaker.empty()) {
      if (q.medium != "statement" && !q.medium.empty() && q.medium != carried) carried.clear();
      continue;
    }
    const size_t sent = words_[std::min(WordAt(q.span.start), words_.size() - 1)].sent;
    for (auto it = subjects.rbegin(); it != subjects.rend(); ++it) {
      const auto& [at, at_sent, id, medium] = *it;
      if (at > q.span.start) continue;
      if (at_sent + 1 < sent) break;  // only the sentence just before, or its own
      if (id == q.speaker && IsPlatformMedium(medium)) {
        carried = medium;
        break;
      }
      if (at_sent != sent) break;  // its own sentence names no platform: the one before may
    }
    if (!carried.empty()) q.medium = carried;
  }
  // '"…," one user wrote on Reddit. "…," wrote another.': one more voice of
  // the same crowd, in the same place.
  for (size_t qi = 1; qi < out->size(); ++qi) {
    Quote& q = (*out)[qi];
    const Quote& p = (*out)[qi - 1];
    const bool another = q.speaker_name.starts_with("another ") || q.speaker_name.starts_with("Another ");
    if (!q.medium.empty() || !another || !lex::In(lex::kMediaKindsPlatform, p.medium)) continue;
    const size_t para = words_[std::min(WordAt(q.span.start), words_.size() - 1)].para;
    const size_t p_para = words_[std::min(WordAt(p.span.start), words_.size() - 1)].para;
    if (para == p_para && p.speaker_name != q.speaker_name) q.medium = p.medium;
  }
  std::vector<bool> in_person(out->size(), false);  // said to reporters, or right after such words
  for (size_t qi = 0; qi < out->size(); ++qi) {
    Quote& q = (*out)[qi];
    if (!q.medium.empty()) continue;
    if (q.speaker.empty() && q.speaker_name.empty()) continue;
    if (SpokenInPerson(q.span)) {
      in_person[qi] = true;
      continue;
    }
    size_t best_at = 0;
    std::string best;
    bool after_in_person = false;
    for (size_t pi = qi; pi-- > 0;) {
      const Quote& p = (*out)[pi];
      const bool same = q.speaker.empty() ? p.speaker.empty() && p.speaker_name == q.speaker_name
                                          : p.speaker == q.speaker;
      if (!same) continue;
      if (!p.medium.empty()) best = p.medium, best_at = p.span.start;
      // "Speaking to reporters, she said … "I never hid …," she said":
      // the words after words said in person were said there too.
      after_in_person = p.medium.empty() && in_person[pi];
      break;  // only the speaker's latest quotation counts
    }
    if (after_in_person) {
      in_person[qi] = true;
      continue;
    }
    for (auto it = subjects.rbegin(); it != subjects.rend(); ++it) {
      const auto& [at, at_sent, id, medium] = *it;
      if (at > q.span.start || id != q.speaker || q.speaker.empty()) continue;
      if (best.empty() || at > best_at) best = medium;
      break;
    }
    q.medium = best;
  }
}

// The medium of the sentence [from, to) whose subject is at word `k`: a
// platform named after the subject ("Smith's video came after Jones spoke
// on X": X is Jones's), else the sentence's.
std::string Finder::SubjectMedium(size_t from, size_t k, size_t to) const {
  std::string after = Medium(k, to);
  return IsPlatformMedium(after) ? after : Medium(from, to);
}

// True when the sentence of `span` has its words said to reporters
// ("speaking briefly to reporters outside City Hall"): in person, not in
// the speaker's earlier post.
bool Finder::SpokenInPerson(Span span) const {
  auto [from, to] = SentenceWords(WordAt(span.start), WordAt(span.end));
  return InPerson(from, to);
}

// True when words [from, to) say the words were said to reporters.
bool Finder::InPerson(size_t from, size_t to) const {
  for (size_t k = from; k < to && k < words_.size(); ++k) {
    const std::string& w = words_[k].lower;
    if (!InQuote(k) && (w == "reporters" || w == "journalists" || w == "reporter")) return true;
  }
  return false;
}

// Media values that are social platforms (see Medium()).
bool Finder::IsPlatformMedium(std::string_view m) { return lex::In(lex::kMediaPlatformsMedium, m); }

// True when a name's first word names a social platform ("Instagram",
// "X"): a place the words went, not a speaker.
bool Finder::IsPlatform(const std::string& text) {
  const std::string w = AsciiLower(text.substr(0, text.find(' ')));
  return lex::In(lex::kMediaPlatformsName, w);
}

// The medium a sentence reports for its speech, most specific first: a
// platform, then a kind of event or document. Values follow the dev set's
// guideline (eval/quotes/README.md), plus instagram_stories.
std::string Finder::Medium(size_t from, size_t to) const {
  // The medium values, most specific first (the output vocabulary, not a
  // word list: the words that name each are lexicons/media_words.txt).
  static constexpr std::string_view kOrder[] = {
      "instagram_stories", "tiktok", "x", "instagram", "facebook", "youtube", "snapchat", "threads",
      "linkedin", "reddit", "podcast", "press-conference", "conference-call", "interview", "tv", "speech",
      "phone", "email", "letter", "memo", "message", "statement", "blog", "forum", "website", "article",
      "filing", "report", "invitation", "conference"};
  size_t best = std::size(kOrder);
  auto take = [&](std::string_view m) {
    for (size_t k = 0; k < std::size(kOrder); ++k) {
      if (kOrder[k] == m) best = std::min(best, k);
    }
  };
  size_t interviewer_end = 0;  // words before this name who gave an interview, not its medium
  for (size_t i = from; i < to && i < words_.size(); ++i) {
    if (InQuote(i)) continue;
    // Views, not strings: compared with a literal, a view tests the length
    // inline, where a std::string calls the library's compare; this loop
    // runs over every sentence of the article.
    const std::string_view w = words_[i].lower;
    const std::string_view next = i + 1 < words_.size() ? std::string_view(words_[i + 1].lower) : w;
    const std::string_view prev = i > 0 ? std::string_view(words_[i - 1].lower) : w;
    if ((w == "interview" || w == "interviews") && next == "with") {
      // "In an interview with the film podcast Final Cut": the podcast is
      // who asked; the words were an interview.
      take("interview");
      interviewer_end = InterviewerEnd(i + 2, to);
      i = interviewer_end - 1;
      continue;
    }
    if ((w == "told" || w == "addressed" || w == "telling" || w == "addressing") && AudienceAt(i + 1)) {
      take("speech");  // "told the crowd": said in person to a gathering
      continue;
    }
    // "IG" is Instagram only where a platform is expected ("on IG",
    // "her IG story"), not in "IG Markets".
    const bool ig = w == "ig" && (prev == "on" || prev == "via" || prev == "her" || prev == "his" ||
                                  prev == "their" || prev == "my");
    if (w == "instagram" || ig) {
      take(next == "stories" || next == "story" ? "instagram_stories" : "instagram");
    } else if (w == "stories" && (prev == "her" || prev == "his" || prev == "their")) {
      take("instagram_stories");
    } else if (words_[i].raw == "X" && (prev == "on" || prev == "to")) {
      take("x");
    } else if ((w == "reply" || w == "response" || w == "submission") && prev == "written") {
      take("letter");  // "in her written reply to the board"
    } else if (w == "threads" && words_[i].cap) {
      take("threads");
    } else if ((w == "event" || w == "briefing") && prev == "press") {
      take("press-conference");
    } else if (w == "conference") {
      take(prev == "press" || prev == "news" ? "press-conference" : next == "call" ? "conference-call" : "conference");
    } else if (w == "told" && next != "the" && i + 1 < words_.size() && words_[i + 1].mention >= 0 &&
               (*entities_)[words_[i + 1].mention].type == "ORG") {
      take("interview");  // "told Vogue": an outlet interviewed them
    } else if ((w == "told" && OutletAt(i + 1)) || ((w == "spoke" || w == "speaking") && next == "to" && OutletAt(i + 2))) {
      take("interview");  // "told the Evening Post", "spoke to Radio Coppermoor"
    } else {
      // A single word naming a medium (lexicons/media_words.txt), unless
      // the sentence says it was not used ("was unavailable for an
      // interview", "declined a phone interview").
      const std::string_view medium = words_[i].medium;
      if (!medium.empty() && (!lex::In(lex::kPrepositionalMedia, medium) || AfterPreposition(i)) && !Refused(i)) {
        take(medium);
      }
    }
  }
  return best < std::size(kOrder) ? std::string(kOrder[best]) : "";
}

// True when a word of refusal or absence stands at most
// kMediumPrepositionWords words before word `i`, with no punctuation
// between: "unavailable for an interview", "declined a phone interview",
// "refused an interview", "did not return a phone call", "no statement".
// The medium named is one the speaker did not use.
bool Finder::Refused(size_t i) const {
  for (size_t k = i; k-- > 0 && i - k <= kMediumPrepositionWords;) {
    const std::string& w = words_[k].lower;
    if (words_[k].punct || InQuote(k)) return false;
    if (w == "unavailable" || w == "declined" || w == "refused" || w == "declining" || w == "refusing" ||
        w == "not" || w == "no" || w == "never" || w == "without") {
      return true;
    }
  }
  return false;
}

// The end of the interviewer's name that starts at word `i` ("the film
// podcast Final Cut", "BBC Radio"): up to punctuation, a preposition or a
// lower-case word after a capitalised one, at most kInterviewerWords.
size_t Finder::InterviewerEnd(size_t i, size_t to) const {
  const size_t stop = std::min({to, words_.size(), i + kInterviewerWords});
  bool named = false;
  for (; i < stop; ++i) {
    const Word& w = words_[i];
    if (w.punct || InQuote(i) || lex::In(lex::kPrepositions, w.lower)) break;
    if (named && !w.cap) break;
    named = named || w.cap;
  }
  return i;
}

// True when the words from `i` are an outlet's name: after an optional
// "the", capitalised words (at most kOutletNameWords) one of which names
// outlets (lexicons/news_outlet_words.txt: "the Post", "Radio Coppermoor"),
// or "the" and a noun for one ("the newspaper").
bool Finder::OutletAt(size_t i) const {
  if (i < words_.size() && words_[i].lower == "the") {
    ++i;
    // "told the newspaper", "told the broadcaster VTN".
    if (i < words_.size() && !InQuote(i) && lex::In(lex::kNewsOutletWordsCommon, words_[i].lower)) return true;
  }
  for (size_t k = i; k < words_.size() && k < i + kOutletNameWords && words_[k].cap && !InQuote(k); ++k) {
    if (lex::In(lex::kNewsOutletWords, words_[k].lower)) return true;
  }
  return false;
}

// True when the words from `i` name a gathering spoken to ("the crowd", "a
// rally of nurses"): lexicons/media_audiences.txt, after an optional
// determiner.
bool Finder::AudienceAt(size_t i) const {
  if (i < words_.size() && (words_[i].lower == "the" || words_[i].lower == "a")) ++i;
  return i < words_.size() && !InQuote(i) && lex::In(lex::kMediaAudiences, words_[i].lower);
}

// "in its report", "on the club forum": a document named as where the
// words appeared, not one talked about ("disturbed by the report").
bool Finder::AfterPreposition(size_t i) const {
  for (size_t k = i; k-- > 0 && i - k <= kMediumPrepositionWords;) {
    const std::string& w = words_[k].lower;
    if (w == "in" || w == "on" || w == "via" || w == "through" || w == "over") return true;
    // "reached by phone", but not "disturbed by the report".
    if (w == "by" && k + 1 == i) return true;
    if (words_[k].punct) return false;
  }
  return false;
}

}  // namespace storyline::quote_finder
