// quote_turns.cc: transcripts and interviews laid out as turns. A paragraph
// that opens with a speaker's label and a colon ("MS. OKAFOR: We will
// review the levy.", "Q: What changed?", "HOST (JUDITH ARNE): ...") is one
// direct quotation, the rest of the paragraph, by the person the label
// names. Quotations found inside a turn (a speaker quoting someone else,
// reported speech in an answer) are part of the turn and are dropped.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "extract/quote_finder.h"

namespace storyline::quote_finder {

namespace {

// Words of a label before its colon: "MS. OKAFOR", "HOST (JUDITH ARNE)",
// "Tarnby Weekly"; longer runs before a colon are sentences.
constexpr size_t kLabelWords = 7;
// A layout of turns has at least this many labelled paragraphs: one
// "Secretary James Roche: ..." is a sentence with a colon, not a transcript.
constexpr size_t kMinTurns = 3;
// Words of a header line's value ("Presenter: Lise Brandt."): a name, no
// sentence.
constexpr size_t kHeaderValueWords = 4;

}  // namespace

// The label ending at the colon word `colon` of the paragraph opening at
// word `p`: the words of the name in it (inside parentheses when there are
// any), honorifics left out. {0, 0} when [p, colon) is no label.
std::pair<size_t, size_t> Finder::TurnLabel(size_t p, size_t colon) const {
  if (colon <= p || colon - p > kLabelWords) return {0, 0};
  size_t a = p;
  size_t b = colon;
  for (size_t k = p; k < colon; ++k) {
    if (words_[k].lower == "(") {
      size_t e = k + 1;
      while (e < colon && words_[e].lower != ")") ++e;
      if (e > k + 1) {
        a = k + 1;
        b = e;
      }
      break;
    }
  }
  for (size_t k = p; k < colon; ++k) {
    const Word& w = words_[k];
    if (InQuote(k) || lex::In(lex::kReportingVerbsCue, w.lower) || lex::In(lex::kCaptionWords, w.lower)) {
      return {0, 0};
    }
    if (!w.punct && !w.cap) return {0, 0};
    // "Morning Panel. Presenter:": a sentence before the colon; a full
    // stop belongs to a label only after an honorific ("MS. OKAFOR").
    if (IsTerminal(w.lower) && !(k > p && lex::In(lex::kHonorifics, words_[k - 1].lower))) return {0, 0};
  }
  while (a < b && (words_[a].punct || lex::In(lex::kHonorifics, words_[a].lower))) ++a;
  while (b > a && words_[b - 1].punct) --b;
  return a < b ? std::pair<size_t, size_t>{a, b} : std::pair<size_t, size_t>{0, 0};
}

// The person the interviewer's label ("Q") stands for: the one named after
// "by" before the first turn ("Interview by Priya Nand").
Speaker Finder::Interviewer(size_t first_turn) {
  for (size_t k = 0; k + 1 < first_turn; ++k) {
    if (words_[k].lower != "by" || InQuote(k)) continue;
    const size_t n = k + 1;
    if (words_[n].mention >= 0 && (*entities_)[words_[n].mention].type == "PERSON") {
      return FromMention(static_cast<size_t>(words_[n].mention));
    }
    if (IsNameWord(n) && n + 1 < first_turn && IsNameWord(n + 1)) return NewName(n, n + 1);
  }
  return {};
}

// The person answering ("A"): the one named most often before the first
// turn, other than the interviewer (the introduction is about them).
Speaker Finder::Interviewee(size_t first_turn, const std::string& interviewer) const {
  std::map<std::string, size_t> count;
  int best = -1;
  for (size_t k = 0; k < first_turn; ++k) {
    const int m = words_[k].mention;
    if (m < 0 || (k > 0 && words_[k - 1].mention == m) || InQuote(k)) continue;
    const EntityMention& e = (*entities_)[m];
    if (e.type != "PERSON" || e.entity == interviewer) continue;
    const size_t c = ++count[e.entity];
    if (best < 0 || c > count[(*entities_)[static_cast<size_t>(best)].entity]) best = m;
  }
  return best >= 0 ? FromMention(static_cast<size_t>(best)) : Speaker{};
}

// The speaker a name label stands for: the entity with that last word (the
// label is often in capitals: "MS. OKAFOR"), else a new name.
Speaker Finder::LabelSpeaker(size_t a, size_t b) {
  if (words_[b - 1].mention >= 0) return FromMention(static_cast<size_t>(words_[b - 1].mention));
  auto known = by_last_word_.find(words_[b - 1].lower);
  if (known != by_last_word_.end()) return FromMention(known->second);
  return NewName(a, b - 1);
}

void Finder::Turns(std::vector<Quote>* out) {
  struct Found {
    size_t first;  // first word after the colon
    size_t last;   // exclusive: the paragraph's end
    size_t label_a, label_b;
    bool question, answer;
  };
  std::vector<Found> turns;
  std::map<std::string, int> labels;
  for (size_t p = 0; p < words_.size();) {
    size_t e = p;
    while (e < words_.size() && words_[e].para == words_[p].para) ++e;
    size_t colon = p;
    while (colon < e && colon <= p + kLabelWords && words_[colon].lower != ":") ++colon;
    if (colon + 1 < e && words_[colon].lower == ":" && !IsMark(colon + 1)) {
      const std::string& raw = std::string(words_[p].raw);
      const bool q = colon == p + 1 && raw == "Q";
      const bool a = colon == p + 1 && raw == "A";
      auto [la, lb] = q || a ? std::pair<size_t, size_t>{p, colon} : TurnLabel(p, colon);
      bool header = e - colon - 1 <= kHeaderValueWords;
      for (size_t k = colon + 1; k < e && header; ++k) header = words_[k].punct || words_[k].cap;
      if (la < lb && !header) {
        turns.push_back({colon + 1, e, la, lb, q, a});
        ++labels[q ? "Q" : a ? "A" : words_[lb - 1].lower];
      }
    }
    p = e;
  }
  if (turns.size() < kMinTurns || labels.size() < 2) return;
  // A dialogue: two speakers the article names ("MS. OKAFOR" after
  // "Councillor Adaeze Okafor"), or an interviewer and an interviewee; a
  // run of "Update:", "Correction:" paragraphs is no transcript.
  size_t known = 0;
  for (const auto& [label, count] : labels) {
    known += label == "Q" || label == "A" || by_last_word_.count(label) > 0;
  }
  if (known < 2) return;
  // Quotations inside a turn are the turn's.
  std::erase_if(*out, [&](const Quote& q) {
    return std::any_of(turns.begin(), turns.end(), [&](const Found& t) {
      return q.span.start < words_[t.last - 1].end && q.span.end > words_[t.first].start;
    });
  });
  const Speaker interviewer = Interviewer(turns.front().first);
  const Speaker interviewee = Interviewee(turns.front().first, interviewer.id);
  for (const Found& t : turns) {
    const Speaker s = t.question ? interviewer : t.answer ? interviewee : LabelSpeaker(t.label_a, t.label_b);
    Quote q;
    q.span = Trim(words_[t.first].start, words_[t.last - 1].end);
    q.text = Slice(q.span.start, q.span.end);
    q.kind = "direct";
    q.speaker = s.id;
    q.speaker_name = s.name;
    if (t.question || t.answer) q.medium = "interview";
    if (!q.text.empty()) out->push_back(std::move(q));
  }
  std::stable_sort(out->begin(), out->end(), [](const Quote& a, const Quote& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end < b.span.end;
  });
}

}  // namespace storyline::quote_finder
