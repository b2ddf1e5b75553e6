// quote_indirect.cc: reported speech without quotation marks. A sentence
// with a speech verb whose complement is a clause ("X said that ...", "said
// the firm had won", "according to X, ...") yields an indirect quotation of
// that clause; coordinated reports with two speakers are split, and postposed
// attributions (", the company said.") read backwards.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "extract/quote_finder.h"

namespace storyline::quote_finder {

void Finder::IndirectQuotes(std::vector<Quote>* out) {
  size_t i = 0;
  while (i < words_.size()) {
    size_t e = i;
    while (e < words_.size() && words_[e].sent == words_[i].sent) ++e;
    Indirect(i, e, out);
    i = e;
  }
}

bool Finder::HasDirect(size_t from, size_t to) const {
  for (size_t i = from; i < to; ++i) {
    if (InQuote(i) && IsMark(i)) {
      const MarkedSpan& m = top_[words_[i].quote];
      if (m.open == words_[i].start) {
        Judged j = Locate(m);
        const size_t n = ContentWords(j);
        if (n > 0 && !IsTitle(j, n) && !IsPartial(j, n)) return true;
      }
    }
  }
  return false;
}

// End of the content: before the final punctuation of the sentence.
size_t Finder::ContentEnd(size_t from, size_t to) const {
  while (to > from && (words_[to - 1].punct && !IsMark(to - 1))) --to;
  return to;
}

void Finder::Emit(size_t a, size_t b, const Speaker& s, std::string cue, size_t from, size_t to,
                  std::vector<Quote>* out) {
  // Reported speech stays within its paragraph, even where the sentence
  // splitter joined a soft-wrapped line, and ends before a quoted
  // sentence ("…, with Smith saying "The fuel decided it."").
  for (size_t i = a + 1; i < b; ++i) {
    if (words_[i].para != words_[a].para) b = i;
    if (i < b && IsMark(i) && InQuote(i) && top_[words_[i].quote].open == words_[i].start) {
      const Judged j = Locate(top_[words_[i].quote]);
      const size_t n = ContentWords(j);
      if (n > 0 && !IsTitle(j, n) && !IsPartial(j, n)) {
        b = i;
        while (b > a + 1 && words_[b - 1].punct) --b;  // the comma or colon before it
      }
    }
  }
  if (b <= a || b - a < kIndirectMinWords) return;
  Quote q;
  q.span = {words_[a].start, words_[b - 1].end};
  for (size_t i = q.span.start; i < q.span.end; ++i) {
    if (cps_[i] == U'\n' || cps_[i] == U'\r') {
      q.span.end = i;  // a token ran over a line break
      break;
    }
  }
  q.span = Trim(q.span.start, q.span.end);
  if (q.span.end <= q.span.start) return;
  q.text = Slice(q.span.start, q.span.end);
  q.speaker = s.id;
  q.speaker_name = s.name;
  q.cue = std::move(cue);
  q.kind = "indirect";
  q.medium = Medium(from, to);
  if (q.medium.empty() && q.cue == "tweeted") q.medium = "x";
  out->push_back(std::move(q));
}

void Finder::Indirect(size_t from, size_t to, std::vector<Quote>* out) {
  if (to - from < kIndirectMinWords + 2 || HasDirect(from, to)) return;
  size_t end = ContentEnd(from, to);
  // "according to X, …" / "…, according to X."
  for (size_t i = from; i + 2 < end; ++i) {
    if (words_[i].lower != "according" || words_[i + 1].lower != "to" || InQuote(i)) continue;
    // "Two residents have said they will run, according to the clerk's
    // office": the report relays the residents' words; they speak.
    if (i > from && words_[i - 1].lower == "," && HasReport(from, i - 1)) {
      end = i - 1;
      break;
    }
    size_t k = i + 2;
    while (k < end && words_[k].lower != ",") ++k;
    Speaker s = AccordingTo(i + 2, k);
    if (!s.found) return;
    if (i == from) {
      // "According to the Times, an insider said that …": the unnamed
      // insider's report, relayed ("the company has told …" is the
      // source's own).
      if (k + 1 < end && HasReport(k + 1, end) && RelaysUnnamed(k + 1, end)) {
        Indirect(k + 1, to, out);
        return;
      }
      Emit(k + 1, end, s, "according to", from, to, out);
    } else if (i > from && words_[i - 1].lower == ",") {
      Emit(from, i - 1, s, "according to", from, to, out);
    }
    return;
  }
  for (size_t c = from; c < end; ++c) {
    if (InQuote(c) || !lex::In(lex::kReportingVerbsIndirect, words_[c].lower)) continue;
    if (c > from && (words_[c - 1].lower == "was" || words_[c - 1].lower == "is" || words_[c - 1].lower == "the" ||
                     words_[c - 1].lower == "be" || words_[c - 1].lower == "been")) {
      continue;  // passive or adjectival "said"
    }
    const size_t start = ContentStart(c, end);
    // ", said Ivo Renn." reads as a clause after the verb; without a
    // subject before the verb it may be a postposed attribution (below).
    const bool after_comma = c > from && words_[c - 1].lower == ",";
    Speaker s;
    if (start < end) {
      s = words_[c].lower == "saying" ? NearestSubject(from, c) : SubjectBefore(c, from);
      if (!s.found) s = NearestSubject(from, c);
      if (!s.found && !after_comma) continue;
    }
    if (start < end && s.found) {
      // "The office said it had asked for the files, and Quayle said she
      // would answer": two reports, each with its own speaker.
      const size_t next = SecondReport(start, end);
      if (next < end && OtherSpeaker(next, end, s)) {
        size_t stop = next;
        while (stop > start && (words_[stop - 1].lower == "and" || words_[stop - 1].lower == "but" ||
                                words_[stop - 1].lower == "," || words_[stop - 1].lower == ";")) {
          --stop;
        }
        Emit(start, stop, s, words_[c].lower, from, to, out);
        Indirect(next, to, out);
        return;
      }
      Emit(start, end, s, words_[c].lower, from, to, out);
      return;
    }
    // "…, the company said." / "…, said Smith."
    if (c > from + kIndirectMinWords) {
      size_t comma = c;
      while (comma > from && words_[comma - 1].lower != "," && c - comma < 6) --comma;
      // A quoted word inside the content ("the so-called "death grip"")
      // does not make it a quotation; a quoted sentence does.
      bool quoted = false;
      for (int last = -1, k = static_cast<int>(from); k < static_cast<int>(comma) && !quoted; ++k) {
        const int qi = words_[k].quote;
        if (qi < 0 || qi == last) continue;
        last = qi;
        const Judged j = Locate(top_[qi]);
        const size_t n = ContentWords(j);
        quoted = n > 0 && !IsTitle(j, n) && !IsPartial(j, n);
      }
      if (comma > from && words_[comma - 1].lower == "," && !quoted) {
        size_t tail = c + 1;
        while (tail < end && (lex::In(lex::kTimeWordsSpeech, words_[tail].lower) ||
                              lex::In(lex::kCueAdverbs, words_[tail].lower))) {
          ++tail;
        }
        // ", said Smith." ends the sentence; ", said Smith "failed to …""
        // or ", said Smith had …" is a report of its own.
        bool postposed = comma != c;
        if (comma == c) {
          postposed = true;
          for (size_t k = c + 1; k < end && postposed; ++k) {
            postposed =
                !InQuote(k) && words_[k].lower != "that" && !lex::In(lex::kReportingVerbsIndirect, words_[k].lower);
          }
        }
        s = !postposed ? Speaker{} : comma == c ? SubjectAfter(c + 1, end) : SubjectBefore(c, comma);
        if (s.found && (comma == c || tail >= end || words_[tail].lower == "in" || words_[tail].lower == "on")) {
          Emit(from, comma - 1, s, words_[c].lower, from, to, out);
          return;
        }
      }
    }
  }
}

// True when the report starting at word `next` has a speaker of its own,
// other than `s` (a report by the same speaker continues the content).
bool Finder::OtherSpeaker(size_t next, size_t end, const Speaker& s) {
  size_t c = next;
  while (c < end && !lex::In(lex::kReportingVerbsIndirect, words_[c].lower)) ++c;
  if (c >= end || c == next) return false;
  const Speaker other = SubjectBefore(c, next);
  return other.found && !other.type.empty() && (other.id != s.id || other.name != s.name);
}

// True when the first report in [from, to) has a speaker with no entity
// (an unnamed source or a crowd).
bool Finder::RelaysUnnamed(size_t from, size_t to) {
  for (size_t c = from; c < to; ++c) {
    if (InQuote(c) || !lex::In(lex::kReportingVerbsIndirect, words_[c].lower) || ContentStart(c, to) >= to) continue;
    const Speaker s = SubjectBefore(c, from);
    return s.found && s.id.empty();
  }
  return false;
}

// True when [from, to) holds a speech verb reporting a clause.
bool Finder::HasReport(size_t from, size_t to) const {
  for (size_t c = from; c < to; ++c) {
    if (!InQuote(c) && lex::In(lex::kReportingVerbsIndirect, words_[c].lower) && ContentStart(c, to) < to) return true;
  }
  return false;
}

// First word of a second coordinated report inside the content [start,
// end) (", and Quayle said she …"), or `end` when there is none.
size_t Finder::SecondReport(size_t start, size_t end) const {
  for (size_t c = start + 1; c < end; ++c) {
    if (InQuote(c) || !lex::In(lex::kReportingVerbsIndirect, words_[c].lower) || ContentStart(c, end) >= end) continue;
    for (size_t k = c; k-- > start && c - k <= kNounPhraseWords;) {
      const std::string& w = words_[k].lower;
      if (w == "and" || w == "but" || w == ";") return k > start && k + 1 < c ? k + 1 : end;
      if (w == "that" || IsTerminal(w)) break;
    }
    return end;
  }
  return end;
}

// True when a finite auxiliary or modal ("would", "had", "is") comes within
// a few words from `t`, before `end` and any punctuation: the words from `t`
// are a clause with its verb, not a noun phrase.
bool Finder::FiniteAuxiliaryAhead(size_t t, size_t end) const {
  static constexpr std::string_view kFinite[] = {"are",  "can", "could", "did",   "does",  "had",   "has",  "have",
                                                 "is",   "may", "might", "must",  "shall", "should", "was", "were",
                                                 "will", "would"};
  constexpr size_t kSubjectWords = 6;  // "the first of the two votes would"
  for (size_t k = t + 1; k < end && k <= t + kSubjectWords; ++k) {
    if (words_[k].punct || InQuote(k)) return false;
    if (std::binary_search(std::begin(kFinite), std::end(kFinite), words_[k].lower)) return true;
  }
  return false;
}

// First word of the reported clause after the cue at `c`, or `end` when
// the verb reports no clause ("said goodbye", "told the council he …" is
// fine, "told reporters" alone is not).
size_t Finder::ContentStart(size_t c, size_t end) const {
  size_t k = c + 1;
  if (k >= end) return end;
  // "said that", "said in a statement on Monday that".
  for (size_t t = k; t < end && t < k + kThatSearchWords; ++t) {
    if (InQuote(t)) break;
    if (words_[t].lower == "that") {
      if (t == k || lex::In(lex::kPrepositionsObject, words_[k].lower) || words_[k].lower == "in" ||
          words_[k].lower == "out" || words_[k].lower == "also" ||
          words_[c].lower == "told" || lex::In(lex::kTimeWordsSpeech, words_[k].lower) || words_[k].mention >= 0 ||
          lex::In(lex::kPronounsSpeaker, words_[k].lower) || words_[k].lower == "the" || words_[k].lower == "reporters") {
        return t + 1;
      }
      break;
    }
    if (words_[t].lower == ".") break;
  }
  if (words_[c].lower == "told") {
    // "told Y he would": skip the object (a name, pronoun or short phrase).
    size_t t = k;
    if (words_[t].mention >= 0) {
      while (t < end && words_[t].mention == words_[k].mention) ++t;
    } else if (words_[t].lower == "the" || words_[t].lower == "reporters" || words_[t].lower == "him" ||
               words_[t].lower == "her" || words_[t].lower == "them" || words_[t].lower == "us" ||
               words_[t].lower == "me") {
      t += words_[t].lower == "the" ? 2 : 1;
    } else {
      return end;
    }
    if (t < end && lex::In(lex::kPronounsSpeaker, words_[t].lower)) return t;
    // "told reporters the vote would go ahead": a clause with a subject
    // noun phrase, known by its finite auxiliary or modal a few words on
    // ("told reporters the details" reports no clause).
    if (t < end && (words_[t].mention >= 0 || lex::In(lex::kDeterminersDefinite, words_[t].lower) || words_[t].cap) &&
        FiniteAuxiliaryAhead(t, end)) {
      return t;
    }
    return end;
  }
  // "announced it has lost", but not "announced the decision": verbs that
  // usually take a noun object report a bare clause only after a pronoun.
  const bool bare = lex::In(lex::kReportingVerbsBare, words_[c].lower);
  if (!bare && !(k < end && lex::In(lex::kPronounsSpeaker, words_[k].lower) && words_[k].lower != "you")) return end;
  // "said on Friday", "said last week": time phrases before the clause.
  while (k < end && (lex::In(lex::kTimeWordsSpeech, words_[k].lower) ||
                     (words_[k].lower == "on" && k + 1 < end && lex::In(lex::kTimeWordsSpeech, words_[k + 1].lower)))) {
    ++k;
  }
  if (k < end && (words_[k].lower == "week" || words_[k].lower == "month" || words_[k].lower == "year")) ++k;
  if (k >= end) return end;
  const Word& w = words_[k];
  if (w.punct || lex::In(lex::kNotSpeechObjects, w.lower) || lex::In(lex::kPrepositionsObject, w.lower) ||
      w.lower == "in" || w.lower == "as" || w.lower == "so" || w.lower == "and" ||
      IsMark(k)) {
    return end;
  }
  // "said if he wins he would cut the levy", "asked whether it would
  // close": a clause opened by a subordinator, its subject right after.
  if ((w.lower == "if" || w.lower == "whether" || w.lower == "unless" || w.lower == "once") && k + 1 < end) {
    const Word& x = words_[k + 1];
    if (lex::In(lex::kPronounsSpeaker, x.lower) || x.mention >= 0 || lex::In(lex::kDeterminersDefinite, x.lower) ||
        x.cap) {
      return k;
    }
  }
  // A clause starts with a subject: a pronoun, a name or a determiner.
  if (lex::In(lex::kPronounsSpeaker, w.lower) || w.mention >= 0 || lex::In(lex::kDeterminersDefinite, w.lower) ||
      lex::In(lex::kDeterminersAnonymous, w.lower) || w.cap || w.lower == "there") {
    return k;
  }
  return end;
}

}  // namespace storyline::quote_finder
