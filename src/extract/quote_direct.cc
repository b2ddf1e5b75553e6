// quote_direct.cc: quotations in marks. Each top-level quoted span is judged
// from its shape and neighbours (a title of a work, a scare quote, a partial
// or a direct quotation) and attributed: a cue after it (", she said"), a cue
// or a colon before it ("She said: "), the previous quotation's speaker, or
// the sentence before it. Also posts quoted after a colon without marks.
#include <algorithm>
#include <cctype>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "extract/quote_finder.h"

namespace storyline::quote_finder {

// Words of a quoted span: [first, last) inside the marks.
Judged Finder::Locate(const MarkedSpan& m) const {
  Judged j;
  j.marks = m;
  auto lb = [&](size_t cp) {
    return static_cast<size_t>(
        std::lower_bound(words_.begin(), words_.end(), cp, [](const Word& w, size_t v) { return w.start < v; }) -
        words_.begin());
  };
  j.open_word = lb(m.open);
  j.first_word = lb(m.open + 1);
  j.last_word = lb(m.end);
  j.close_word = m.closed || j.last_word == 0 ? j.last_word : j.last_word - 1;
  if (j.first_word > j.open_word + 1) j.first_word = j.open_word + 1;
  return j;
}

size_t Finder::ContentWords(const Judged& j) const {
  size_t n = 0;
  for (size_t i = j.first_word; i < j.last_word; ++i) n += !words_[i].punct;
  return n;
}

// A quoted phrase inside a sentence, or a few words with no punctuation
// of their own ("'shocked'"), as opposed to a quoted clause ("We tried,").
bool Finder::IsPartial(const Judged& j, size_t n) const {
  if (Embedded(j)) return true;
  if (n > kPartialMaxWords) return false;
  // ("“No.”": a word the tokenizer read as an abbreviation, "No." for
  // "number", keeps the full stop that ends the quoted sentence.)
  for (size_t i = j.last_word; i-- > j.first_word;) {
    if (IsMark(i)) continue;
    const std::string& w = words_[i].lower;
    return !(EndsWithStop(w) || w == "," || w == ";");
  }
  return true;
}

bool Finder::EndsSentence(const Judged& j) const {
  for (size_t i = j.last_word; i-- > j.first_word;) {
    if (IsMark(i)) continue;
    return (words_[i].punct && IsTerminal(words_[i].lower)) || (!words_[i].punct && EndsWithStop(words_[i].lower));
  }
  return false;
}

bool Finder::TitleCase(const Judged& j) const {
  size_t words = 0;
  for (size_t i = j.first_word; i < j.last_word; ++i) {
    const Word& w = words_[i];
    if (w.punct) {
      // "Title," and "Title." in US style, the sentence's comma or full stop inside the marks.
      if ((w.lower == "," || w.lower == ".") && i + 1 == j.last_word) continue;
      if (w.lower == ":" || w.lower == "-" || w.lower == "&" || w.lower == "'s" || IsMark(i)) continue;
      if (w.lower == "!" || w.lower == "?") continue;
      return false;
    }
    if (w.lower == "i" || w.lower == "'s") continue;
    if (!w.cap && !(words > 0 && lex::In(lex::kTitleSmallWords, w.lower))) {
      if (!(w.raw[0] >= '0' && w.raw[0] <= '9')) return false;
    }
    ++words;
  }
  return words > 0;
}

bool Finder::OverWork(const Judged& j) const {
  // A quoted sentence longer than any title is speech even when the
  // entity layer found a work inside it ("the movie I wanted", "I" taken
  // for a title).
  if (ContentWords(j) > kTitleMaxWords && EndsSentence(j)) return false;
  for (size_t i = j.first_word; i < j.last_word; ++i) {
    if (words_[i].mention >= 0 && (*entities_)[words_[i].mention].type == "WORK") return true;
  }
  return false;
}

bool Finder::FollowedByCue(const Judged& j) const {
  size_t k = j.close_word + 1;
  while (k < words_.size() && k < j.close_word + 4 && words_[k].para == words_[j.close_word].para) {
    // (", writing that the Oscars …": a participle with "that" reports a
    // clause of its own; it is no cue of the quoted words before it.)
    const bool own_clause = words_[k].lower.ends_with("ing") && k + 1 < words_.size() && words_[k + 1].lower == "that";
    if (lex::In(lex::kReportingVerbsCue, words_[k].lower) && !own_clause) return true;
    ++k;
  }
  return false;
}

// True when the quotation opening at word `open` follows a word that says
// a work follows (lexicons/work_words.txt, leader): right before it ("the
// book "X""), before the comma of an apposition ("In his book, "The Long
// Night: …," published …") or an author's "of" ("co-author of "X: Y"").
bool Finder::AfterWorkWord(size_t open) const {
  if (open == 0) return false;
  const std::string& w = words_[open - 1].lower;
  if (lex::In(lex::kWorkWordsLeader, w)) return true;
  if (open < 2) return false;
  const std::string& v = words_[open - 2].lower;
  if (w == ",") return lex::In(lex::kWorkWordsLeader, v);
  return w == "of" && (v == "author" || v == "co-author" || v == "coauthor");
}

// A quoted title of a work, or a quoted word that nobody said.
bool Finder::IsTitle(const Judged& j, size_t n) const {
  if (OverWork(j)) return true;
  if (CitedHeadline(j, n)) return true;
  // "the 2005 book "The Big Show: High Times and Dirty Dealings Backstage
  // at the Academy Awards"": a title with its subtitle after a colon runs
  // longer than a plain one; after a word that says a work follows, its
  // capitalised words are still the title.
  constexpr size_t kSubtitledMaxWords = 16;
  // (Also a shorter one a cue follows: "co-author of "Ana Torvik: The
  // Life of a Legend," said".)
  if (n > 0 && n <= kSubtitledMaxWords && AfterWorkWord(j.open_word) && TitleCase(j)) {
    for (size_t i = j.first_word; i < j.last_word; ++i) {
      if (words_[i].lower == ":") return true;
    }
  }
  if (n == 0 || n > kTitleMaxWords) return false;
  const size_t after = j.close_word + 1;
  const bool before_ok = j.open_word > 0;
  if (after < words_.size() && lex::In(lex::kWorkWordsFollower, words_[after].lower) && TitleCase(j)) return true;
  if (!TitleCase(j)) return false;
  if (FollowedByCue(j)) return false;
  if (before_ok && AfterWorkWord(j.open_word)) return true;
  // Capitalised words that are not a sentence: a name of something.
  return n >= 2 && !EndsSentence(j);
}

// The word index of a source citation's "(" in [from, to) after a
// sentence's end ("… north of Detroit. (CNN News Article)", "…” (Fox News
// article)"): one to kCitationWords capitalised words, then "article",
// then ")"; words_.size() when there is none.
size_t Finder::SourceCitation(size_t from, size_t to) const {
  constexpr size_t kCitationWords = 4;  // "Yahoo ! News", "The Detroit Free Press"
  for (size_t k = std::max<size_t>(from, 1); k < to && k + 3 < words_.size(); ++k) {
    if (words_[k].lower != "(") continue;
    const std::string& before = words_[k - 1].lower;
    if (!IsTerminal(before) && !(IsMark(k - 1) && k >= 2 && IsTerminal(words_[k - 2].lower))) continue;
    size_t e = k + 1;
    while (e < words_.size() && e <= k + kCitationWords && words_[e].lower != "article" &&
           (words_[e].cap || words_[e].lower == "!")) {
      ++e;
    }
    if (e == k + 1 || e + 1 >= words_.size() || words_[e].lower != "article" || words_[e + 1].lower != ")") continue;
    if (!words_[k + 1].cap) continue;
    return k;
  }
  return words_.size();
}

// A source list's entry: a headline in marks, with no full stop of its
// own, followed by a dash and where and when it ran, the paragraph ending
// with no cue (""Document found on street not secret, say feds" — The
// Canadian Press, August 15, 2008").
bool Finder::CitedHeadline(const Judged& j, size_t n) const {
  constexpr size_t kHeadlineMaxWords = 16;  // headlines run to a dozen words or so
  if (n == 0 || n > kHeadlineMaxWords || EndsSentence(j)) return false;
  const size_t after = j.close_word + 1;
  if (after + 1 >= words_.size() || words_[after].para != words_[j.close_word].para) return false;
  const std::string& dash = words_[after].lower;
  if (dash != "\xE2\x80\x94" && dash != "\xE2\x80\x93" && dash != "-") return false;
  bool date = false;
  for (size_t k = after + 1; k < words_.size() && words_[k].para == words_[after].para; ++k) {
    if (InQuote(k) || lex::In(lex::kReportingVerbsCue, words_[k].lower)) return false;
    date = date || (words_[k].raw.size() == 4 && words_[k].raw[0] >= '1' && words_[k].raw[0] <= '2' &&
                    std::isdigit(static_cast<unsigned char>(words_[k].raw[3])));
  }
  return date;
}

// "the so-called "death grip"": the writer distances themself from a
// term; nobody is quoted. Nor in a passive with no one named after "by"
// ("was declared as "threatened"", ", described as "lacking experience",").
bool Finder::SoCalled(const Judged& j) const {
  if (j.open_word > 0 && (words_[j.open_word - 1].lower == "so-called" ||
                          (j.open_word > 1 && words_[j.open_word - 1].lower == "called" &&
                           words_[j.open_word - 2].lower == "so"))) {
    return true;
  }
  // (A nickname inside a name, "Vincent "The Chin" Gigante", "Earvin
  // "Magic" Johnson": capitalised words on both sides of a short quote.)
  constexpr size_t kNicknameWords = 4;
  if (j.open_word > 0 && j.close_word + 1 < words_.size() && j.last_word - j.first_word <= kNicknameWords) {
    const Word& before = words_[j.open_word - 1];
    const Word& after = words_[j.close_word + 1];
    if (before.cap && !before.punct && after.cap && !after.punct && before.sent == after.sent &&
        !lex::In(lex::kDeterminersDefinite, before.lower)) {
      return true;
    }
  }
  if (j.open_word < 3 || words_[j.open_word - 1].lower != "as") return false;
  const std::string& verb = words_[j.open_word - 2].lower;
  const std::string& aux = words_[j.open_word - 3].lower;
  const bool participle = verb == "described" || verb == "declared" || verb == "labelled" || verb == "labeled" ||
                          verb == "listed" || verb == "classified" || verb == "branded" || verb == "billed";
  const bool passive = aux == "was" || aux == "were" || aux == "is" || aux == "are" || aux == "been" ||
                       aux == "being" || aux == "be" || aux == ",";
  const size_t after = j.close_word + 1;
  const bool agent = after < words_.size() && words_[after].lower == "by";
  return participle && passive && !agent;
}

// True when the word before the opening mark shows the quotation is
// embedded in the running sentence ("called it "a mistake"").
bool Finder::Embedded(const Judged& j) const {
  if (j.open_word == 0) return false;
  const Word& prev = words_[j.open_word - 1];
  if (prev.sent != words_[j.open_word].sent && prev.para != words_[j.open_word].para) return false;
  if (prev.para != words_[j.open_word].para) return false;
  if (IsTerminal(prev.lower) || prev.lower == "," || prev.lower == ":" || prev.lower == "-" ||
      prev.lower == "\xE2\x80\x94" || prev.lower == "\xE2\x80\x93" || prev.lower == "(" || IsMark(j.open_word - 1)) {
    return false;
  }
  if (lex::In(lex::kReportingVerbsCue, prev.lower) && !prev.lower.ends_with("ing")) return false;
  // "saying", "calling": a participle embeds what follows in the
  // sentence, unless that is a sentence of its own ("with Smith saying
  // "The key decision was the fuel.""). "calling it "a mistake"" stays.
  if (lex::In(lex::kReportingVerbsCue, prev.lower) && j.first_word < j.last_word && words_[j.first_word].cap &&
      EndsSentence(j)) {
    return false;
  }
  // "It said that "The Treasury today announced …."": a whole quoted
  // sentence after "said that" is direct.
  if (prev.lower == "that" && j.open_word >= 2 && lex::In(lex::kReportingVerbsCue, words_[j.open_word - 2].lower) &&
      j.first_word < j.last_word && words_[j.first_word].cap && EndsSentence(j)) {
    return false;
  }
  return true;
}

void Finder::DirectQuotes(std::vector<Quote>* out) {
  last_speaker_ = {};
  size_t last_para = 0;
  std::string last_medium;
  size_t last_close = 0;
  bool have_last = false;
  for (const MarkedSpan& top : top_) {
    MarkedSpan m = top;
    Judged j = Locate(m);
    if (j.first_word >= j.last_word || j.last_word > words_.size()) continue;
    // "“…” (Yahoo! News article)": an excerpt of another outlet's article,
    // cited after it; an excerpt whose closing mark never comes ends at
    // its citation.
    size_t cite = m.closed ? SourceCitation(j.close_word + 1, j.close_word + 2) : SourceCitation(j.first_word, j.last_word);
    if (cite < words_.size() && !m.closed) {
      m.end = words_[cite].start;
      j = Locate(m);
      if (j.first_word >= j.last_word) continue;
    }
    const size_t n = ContentWords(j);
    if (n == 0 || IsTitle(j, n) || SoCalled(j)) continue;
    // "Halvorsen's returns were, in her words, "a manual for …"": the
    // quoted words complete the reporter's sentence; "her" speaks.
    // A whole sentence after "in the words of X," ("… of the prosecutor,
    // "Gloria spent …."") is X's direct quotation; a phrase that completes
    // the reporter's sentence ("in her words, "a manual for …."") partial.
    Attribution a = InTheirWords(j);
    const bool sentence = EndsSentence(j) && words_[j.first_word].cap;
    const bool partial = (a.found && !sentence) || IsPartial(j, n);
    if (partial && !a.found) {
      auto [from, to] = SentenceWords(j.open_word, j.close_word + 1);
      if (ModifierQuote(j, from, to, /*cued=*/true)) continue;  // a scare quote inside a noun phrase
    }
    if (!a.found && cite < words_.size()) {
      size_t last = cite + 1;
      while (words_[last + 1].lower != "article") ++last;
      // The outlet as written ("CNN News" is not the "Fox News" named
      // elsewhere), or the entity its first word is a mention of.
      if (words_[cite + 1].mention >= 0) {
        a.speaker = FromMention(static_cast<size_t>(words_[cite + 1].mention));
      } else {
        a.speaker.name = Slice(words_[cite + 1].start, words_[last].end);
        a.speaker.type = "ORG";
        a.speaker.found = true;
      }
      a.found = a.speaker.found;
      a.from = cite;
      a.to = last + 3;
    }
    if (!a.found) a = Attribute(j, partial);
    if (partial && !a.found && !SentenceHasCue(j)) continue;  // a scare quote
    const size_t para = words_[j.first_word].para;
    const bool near = have_last && para <= last_para + kInheritParagraphs;
    Quote q;
    q.span = Trim(m.open + 1, m.end);
    q.text = Slice(q.span.start, q.span.end);
    q.kind = partial ? "partial" : "direct";
    if (a.found && cite < words_.size()) {
      q.medium = "article";
    } else if (a.found) {
      q.cue = a.cue;
      auto [from, to] = SentenceWords(a.from, a.to);
      q.medium = Medium(from, to);
      if (q.medium.empty() && a.cue == "tweeted") q.medium = "x";
      const bool in_person = InPerson(from, to);
      // The same speaker again, or the next turn of an exchange laid out
      // as "Name: “…”" (no cue), keeps the medium ("an email exchange").
      if (q.medium.empty() && !in_person && near &&
          ((a.speaker.id == last_speaker_.id && a.speaker.name == last_speaker_.name) || a.cue.empty())) {
        q.medium = last_medium;
      }
      if (q.medium.empty() && !in_person && from > 0) {
        // "In a TikTok video, she defended … . "…," she said."
        auto [pf, pt] = SentenceWords(from - 1, from);
        if (!HasDirect(pf, pt)) q.medium = Medium(pf, pt);
      }
    } else if (!partial && near && last_speaker_.found && !Intervenes(j, last_close, &a)) {
      a.speaker = last_speaker_;
      a.found = true;
      q.medium = last_medium;
    } else if (a.found) {
      auto [from, to] = SentenceWords(a.from, a.to);
      q.medium = Medium(from, to);
    } else if (!partial) {
      a = PreviousSentence(j);
      if (a.found) {
        auto [from, to] = SentenceWords(a.from, a.to);
        q.medium = Medium(from, to);
      }
    }
    if (a.found) {
      q.speaker = a.speaker.id;
      q.speaker_name = a.speaker.name;
      q.speaker_owner = a.speaker.owner;
      reports_.emplace_back(j.open_word, a.speaker);
    }
    // ("Fowler said Kirkpatrick is "not doing very well." "He is placed
    // …"": a quoted phrase that ends its sentence hands on its speaker.)
    if (a.speaker.found && (!partial || EndsSentence(j))) {
      last_speaker_ = a.speaker;
      last_medium = q.medium;
      last_para = words_[std::min(j.last_word, words_.size() - 1)].para;
      last_close = j.close_word;
      have_last = true;
    }
    if (!q.text.empty()) out->push_back(std::move(q));
  }
}

// "in her words, "…"", "in the words of Runa Lind, "…"" right before the
// opening mark: the speaker the phrase names, cue "".
Attribution Finder::InTheirWords(const Judged& j) {
  size_t k = j.open_word;
  if (k < 4 || words_[k - 1].lower != ",") return {};
  auto [from, to] = SentenceWords(j.open_word, j.close_word + 1);
  Attribution a;
  a.from = from;
  a.to = to;
  // "in her words,"
  if (words_[k - 2].lower == "words" && words_[k - 4].lower == "in") {
    const std::string& det = words_[k - 3].lower;
    if (det != "his" && det != "her" && det != "their" && det != "its") return {};
    const std::string_view p = det == "his" ? "he" : det == "her" ? "she" : det == "its" ? "it" : "they";
    a.speaker = Pronoun(p, words_[k - 3].start);
    a.found = a.speaker.found;
    return a;
  }
  // "in the words of Runa Lind,", "in the words of the Crown prosecutor,
  // Mark Tedder, QC,": a role, the name and its suffix.
  for (size_t w = k - 1; w-- > from && k - w <= kRolePhraseWords;) {
    if (words_[w].lower != "of" || w < from + 3 || words_[w - 1].lower != "words" || words_[w - 3].lower != "in") {
      continue;
    }
    a.speaker = SubjectAfter(w + 1, k - 1);
    a.found = a.speaker.found;
    return a;
  }
  return {};
}

// Verbs that are speech cues only next to the quotation or with a
// clause ("continued, "…"", "added that"), not in "continues to face".
bool Finder::WeakCue(size_t i) const {
  if (!lex::In(lex::kReportingVerbsWeak, words_[i].lower)) return false;
  if (i + 1 >= words_.size()) return false;
  const Word& next = words_[i + 1];
  // "told Sky News any process "must be …"": telling someone named is
  // speech, whatever follows.
  const bool tell = words_[i].lower == "told" || words_[i].lower == "tells" || words_[i].lower == "tell";
  if (tell && next.mention >= 0 && !InQuote(i + 1)) return false;
  // "told a court on Wednesday that …": telling with a reported clause.
  if (tell && ContentStart(i, SentenceWords(i, i + 1).second) < SentenceWords(i, i + 1).second) return false;
  // "noted what began as messages had grown into a "movement"": a
  // clause opened by a question word is reported too.
  if (next.lower == "what" || next.lower == "how" || next.lower == "whether") return false;
  return !(next.punct || next.lower == "that");
}

bool Finder::SentenceHasCue(const Judged& j) const {
  auto [from, to] = SentenceWords(j.open_word, j.close_word + 1);
  for (size_t i = from; i < to; ++i) {
    if (!InQuote(i) && lex::In(lex::kReportingVerbsCue, words_[i].lower) && !WeakCue(i)) return true;
  }
  return false;
}

// "Hiller fired at a clerk who had followed her in and had yelled, "Run,
// she has a gun!" Renn said.": a quotation right after a cue in a relative
// clause is the words of the relative's antecedent; an attribution after
// it is the reporter's account of the scene, not the speaker of the words.
Attribution Finder::RelativeCue(const Judged& j) {
  if (j.open_word < 4) return {};
  const size_t comma = j.open_word - 1;
  const size_t cue = comma - 1;
  if ((words_[comma].lower != "," && words_[comma].lower != ":") || InQuote(cue) ||
      !lex::In(lex::kReportingVerbsCue, words_[cue].lower) || words_[cue].lower == "according") {
    return {};
  }
  const size_t from = SentenceWords(cue, cue + 1).first;
  for (size_t k = cue; k-- > from + 1;) {
    if (words_[k].punct || InQuote(k) || words_[k].mention >= 0) return {};
    if (words_[k].lower != "who") continue;
    // The antecedent is a described person ("a clerk", "an employee"); a
    // name before "who" is an apposition's subject, read by the cues.
    const size_t head = k - 1;
    if (words_[head].punct || words_[head].cap || words_[head].mention >= 0 ||
        !lex::In(lex::kDeterminersAnonymous, words_[PhraseStart(head, from)].lower)) {
      return {};
    }
    Attribution a;
    a.speaker = Anonymous(PhraseStart(head, from), head);
    if (!a.speaker.found) return {};
    a.cue = words_[cue].lower;
    a.from = from;
    a.to = j.open_word;
    a.found = true;
    return a;
  }
  return {};
}

// "“A is B” because of its “C” and because it “D,” X said.": a quotation
// followed in its sentence (words up to `to`) by later ones, with no cue
// or sentence end between them, takes the attribution right after the
// sentence's last quotation; none otherwise.
Attribution Finder::SharedAttribution(const Judged& j, size_t to) {
  // (The writer's words must join them: a quotation closed by its own
  // full stop, or one right after it, is no part of the same sentence.)
  // (Nor does a quoted term in a list, "a "sitting room," a "washstand,"":
  // one word, or a comma inside the marks.)
  if (EndsSentence(j) || j.close_word + 1 >= to || InQuote(j.close_word + 1) || words_[j.close_word + 1].punct ||
      ContentWords(j) < 2 || (j.last_word > j.first_word && words_[j.last_word - 1].lower == ",")) {
    return {};
  }
  size_t last = 0;  // the opening mark of the sentence's last quotation after j
  for (size_t i = j.close_word + 1; i < to; ++i) {
    if (InQuote(i)) {
      if (IsMark(i) && top_[static_cast<size_t>(words_[i].quote)].open == words_[i].start) last = i;
      continue;
    }
    if (IsTerminal(words_[i].lower) || words_[i].lower == ";" ||
        (lex::In(lex::kReportingVerbsCue, words_[i].lower) && !WeakCue(i))) {
      break;
    }
  }
  if (last == 0) return {};
  const Judged l = Locate(top_[static_cast<size_t>(words_[last].quote)]);
  Attribution a = AfterQuote(l);
  if (!a.found || a.from > l.close_word + 2) return {};
  return a;
}

Attribution Finder::Attribute(const Judged& j, bool partial) {
  if (!partial) {
    Attribution post = AfterQuote(j);
    if (post.found && post.to <= j.close_word + 5) {
      Attribution relative = RelativeCue(j);
      return relative.found ? relative : post;
    }
    if (!post.found) {
      Attribution shared = SharedAttribution(j, SentenceWords(j.open_word, j.close_word + 1).second);
      if (shared.found) return shared;
    }
    Attribution pre = BeforeQuote(j);
    if (pre.found) return pre;
    if (post.found) return post;
    return {};
  }
  // A quoted phrase inside a sentence: the sentence's cue and subject.
  auto [from, to] = SentenceWords(j.open_word, j.close_word + 1);
  Attribution named = NamedBy(j, from, to);
  if (named.found) return named;
  Attribution treated = TreatedAs(j, from);
  if (treated.found) return treated;
  for (size_t i = j.open_word; i-- > from;) {
    // "what the makers call "political interference"": naming verbs are
    // cues only right before the phrase they name.
    const bool naming = i + 1 == j.open_word && (words_[i].lower == "call" || words_[i].lower == "calls");
    if (InQuote(i) || (!naming && (!lex::In(lex::kReportingVerbsCue, words_[i].lower) || WeakCue(i)))) continue;
    // ("his bank got a call “from an unknown person …”": a cue word after a
    // determiner is a noun, no verb.)
    if (i > from && (lex::In(lex::kDeterminersAnonymous, words_[i - 1].lower) ||
                     lex::In(lex::kDeterminersDefinite, words_[i - 1].lower))) {
      continue;
    }
    Attribution a;
    // ("According to the officers involved, the teenager adjusted his belt
    // "suspiciously"": the source's phrase ends at its comma.)
    size_t source_end = i + 2;
    while (source_end < j.open_word && words_[source_end].lower != ",") ++source_end;
    const bool delimited = source_end < j.open_word;
    a.speaker = words_[i].lower == "according" ? AccordingTo(i + 2, source_end, delimited) : SubjectBefore(i, from);
    if (!a.speaker.found) a.speaker = NearestSubject(from, i);
    // "The victim's nephew said [she was walking when the car "came out of
    // nowhere"]": the described subject reports the phrase too.
    if (!a.speaker.found && words_[i].lower != "according") a.speaker = DescribedSubject(i, from);
    if (!a.speaker.found) continue;
    a.cue = words_[i].lower;
    a.from = from;
    a.to = to;
    a.found = true;
    return a;
  }
  // ""decades in the making," Obama explained": a cue after it.
  for (size_t i = j.close_word + 1; i < to && i < j.close_word + kPostWindowWords; ++i) {
    if (InQuote(i)) break;
    // ""communicates the best science …," according to the Office's Web
    // site": the source after "according to" (from the phrase's end).
    if (words_[i].lower == "according" && i == j.close_word + 1 + (words_[j.close_word + 1].lower == ",") &&
        i + 2 < to && words_[i + 1].lower == "to") {
      Attribution a;
      a.speaker = AccordingTo(i + 2, ContentEnd(i + 2, to), /*postposed=*/true);
      if (!a.speaker.found) break;
      a.cue = "according to";
      a.from = from;
      a.to = to;
      a.found = true;
      return a;
    }
    if (!lex::In(lex::kReportingVerbsCue, words_[i].lower) || WeakCue(i) || words_[i].lower == "according") continue;
    Attribution a;
    // "… returns "show that …," said Ellis Varga, a senior adviser": an
    // inverted cue right after the phrase names its speaker after it.
    size_t first = j.close_word + 1;
    while (first < i && words_[first].lower == ",") ++first;
    a.speaker = first == i ? SubjectAfter(i + 1, to) : SubjectBefore(i, j.close_word + 1);
    // (""a cache of arms," the military said": a described subject the
    // lexicons do not know speaks as written, as for a reported clause.)
    if (!a.speaker.found && first != i) a.speaker = DescribedSubject(i, j.close_word + 1);
    if (!a.speaker.found) break;
    a.cue = words_[i].lower;
    a.from = from;
    a.to = to;
    a.found = true;
    return a;
  }
  Attribution shared = SharedAttribution(j, to);
  if (shared.found) return shared;
  // "The families requested "total privacy", and the hospital would not
  // release any details, hospital spokeswoman Ilene Wolfe said.": the
  // postposed attribution that closes the sentence, however far.
  const size_t end = ContentEnd(from, to);
  if (end > j.close_word + 1 && PostposedAttribution(j.close_word + 1, end)) {
    const size_t comma = RelayEnd(j.close_word + 1, end);
    Attribution a;
    a.speaker = SubjectBefore(end - 1, comma + 1);
    if (!a.speaker.found) a.speaker = DescribedSubject(end - 1, comma + 1);
    if (a.speaker.found) {
      a.cue = words_[end - 1].lower;
      a.from = from;
      a.to = to;
      a.found = true;
      return a;
    }
  }
  // "Gupta has been "the team's first choice" for the job, said the
  // Democrat who is familiar with the talks.": an inverted attribution
  // after the sentence's last comma, with no quotation after it.
  for (size_t c = end; c-- > j.close_word + 2 && c + kAppositiveWords > end;) {
    if (InQuote(c)) break;
    if (words_[c - 1].lower != "," || !lex::In(lex::kReportingVerbsCue, words_[c].lower) || WeakCue(c) ||
        words_[c].lower == "according") {
      continue;
    }
    Attribution a;
    a.speaker = SubjectAfter(c + 1, end);
    if (!a.speaker.found) break;
    a.cue = words_[c].lower;
    a.from = from;
    a.to = to;
    a.found = true;
    return a;
  }
  // Without a cue, a phrase after a determiner is the writer's too.
  if (ModifierQuote(j, from, to, /*cued=*/false)) return {};
  Attribution a;
  a.speaker = NearestSubject(from, j.open_word);
  // Without a cue, only a person's subject makes quoted words theirs
  // ("Kim is 're-evaluating'"); a quoted phrase next to an organisation or
  // a thing is the writer's scare quote.
  if (!a.speaker.found || a.speaker.type != "PERSON") return {};
  a.found = true;
  a.from = from;
  a.to = to;
  return a;
}

// True when the short quoted phrase `j` (sentence words [from, to)) is a
// modifier inside a noun phrase, the writer's scare quote even beside a
// cue: after a preposition or a word ending in a hyphen, with more of the
// noun phrase after it ("served with "electric" lemonade", "claim- 'legacy
// backlog'"). Without a cue (`cued` false) a phrase right after a
// determiner is one too ("the "History" section"); with one ("described
// it as a "defining moment" in its history") it is the speaker's. "accused him of "hiding behind the
// board"" is longer: the person's words.
bool Finder::ModifierQuote(const Judged& j, size_t from, size_t to, bool cued) const {
  constexpr size_t kModifierWords = 2;  // "electric", "legacy backlog"
  if (j.open_word <= from) return false;
  const Word& prev = words_[j.open_word - 1];
  const bool np_goes_on =
      j.close_word + 1 < to && !words_[j.close_word + 1].punct && ContentWords(j) <= kModifierWords;
  const bool determiner =
      lex::In(lex::kDeterminersDefinite, prev.lower) || lex::In(lex::kDeterminersAnonymous, prev.lower);
  const bool preposition = lex::In(lex::kPrepositions, prev.lower) || prev.lower == "of";
  const bool hyphenated =
      prev.lower.size() > 1 && prev.lower.back() == '-' && std::isalpha(static_cast<unsigned char>(prev.lower[0]));
  if (!cued && (determiner || hyphenated)) return true;
  return (preposition || hyphenated || (determiner && !cued)) && np_goes_on;
}

// "Police are treating the fire as "potentially suspicious"": a verb
// that classes something ("treating", "regarded", "classified") and "as"
// before the phrase, the words of the clause's subject, who does the
// classing (cue ""); none otherwise. `from` starts the quotation's sentence.
Attribution Finder::TreatedAs(const Judged& j, size_t from) {
  static constexpr std::string_view kClassing[] = {"treat",    "treats",     "treated",    "treating",
                                                   "regard",   "regards",    "regarded",   "regarding",
                                                   "classify", "classifies", "classified", "classifying"};
  if (j.open_word < from + 3 || words_[j.open_word - 1].lower != "as") return {};
  for (size_t k = j.open_word - 1; k-- > from && j.open_word - k <= kNounPhraseWords;) {
    if (words_[k].punct || InQuote(k)) return {};
    if (std::find(std::begin(kClassing), std::end(kClassing), words_[k].lower) == std::end(kClassing)) continue;
    // ("slammed by the coroner for treating her pleas as "a paperwork
    // exercise"": a gerund after a preposition is not the clause's verb,
    // and the words are whoever judged it so.)
    if (k > from && (lex::In(lex::kPrepositions, words_[k - 1].lower) || words_[k - 1].lower == "in" ||
                     words_[k - 1].lower == "to")) {
      return {};
    }
    Attribution a;
    a.speaker = ClauseSubject(from, k);
    if (!a.speaker.found || (!a.speaker.type.empty() && a.speaker.type != "PERSON" && a.speaker.type != "ORG")) {
      return {};
    }
    a.from = from;
    a.to = j.open_word;
    a.found = true;
    return a;
  }
  return {};
}

// "has been labeled "suspicious" by James Steele", "the man described by
// The New York Times Magazine as "the last great Mafioso"": a phrase a
// passive verb of naming gives, with the one who named it after "by";
// none otherwise. [from, to) is the quotation's sentence.
Attribution Finder::NamedBy(const Judged& j, size_t from, size_t to) {
  // (Not "dubbed" or "called": the names those give, "dubbed
  // "Antennagate" by the media", are coinages, nobody's words.)
  static constexpr std::string_view kNaming[] = {"deemed", "described", "labeled", "labelled", "termed"};
  const auto naming = [&](size_t k) {
    return k >= from && k < words_.size() && std::find(std::begin(kNaming), std::end(kNaming), words_[k].lower) !=
                                                  std::end(kNaming);
  };
  size_t by = words_.size();
  size_t hi = to;
  if (j.open_word > from && naming(j.open_word - 1)) {
    // "labeled "suspicious" by James Steele, chief of …"
    size_t k = j.close_word + 1;
    while (k < to && words_[k].lower == ",") ++k;
    if (k < to && words_[k].lower == "by") by = k;
  } else if (j.open_word >= from + 3 && words_[j.open_word - 1].lower == "as") {
    // "described by The New York Times Magazine as "…""
    for (size_t k = j.open_word - 1; k-- > from + 1 && j.open_word - k <= kNounPhraseWords;) {
      if (words_[k].punct || InQuote(k)) break;
      if (words_[k].lower == "by" && naming(k - 1)) {
        by = k;
        hi = j.open_word - 1;
        break;
      }
    }
  }
  if (by >= words_.size()) return {};
  size_t end = by + 1;
  while (end < hi && !words_[end].punct && !InQuote(end)) ++end;
  Attribution a;
  a.speaker = SubjectAfter(by + 1, end);
  if (!a.speaker.found) return {};
  a.from = from;
  a.to = to;
  a.found = true;
  return a;
}

// ", she said" / ", said the company" / ", one fan wrote" after the close.
Attribution Finder::AfterQuote(const Judged& j) {
  size_t k = j.close_word + 1;
  if (k >= words_.size() || words_[k].para != words_[j.close_word].para) return {};
  // After a full stop inside the marks a new sentence begins, unless a
  // lower-case cue follows at once ("….” said Smith", "….” he said").
  for (size_t i = j.last_word; i-- > j.first_word;) {
    if (IsMark(i)) continue;
    if (words_[i].lower == ".") {
      const bool cue_next = lex::In(lex::kReportingVerbsCue, words_[k].lower) ||
                            (lex::In(lex::kPronounsSpeaker, words_[k].lower) && k + 1 < words_.size() &&
                             lex::In(lex::kReportingVerbsCue, words_[k + 1].lower));
      if (words_[k].lower != "," && (words_[k].cap || !cue_next)) return {};
    }
    break;
  }
  while (k < words_.size() && (words_[k].lower == "," || words_[k].lower == "\xE2\x80\x94")) ++k;
  const size_t lo = k;
  size_t hi = lo;
  // ("“…” and that top science will guide the decision making, said
  // Interior Secretary Ken Salazar.": a second, reported clause the
  // quotation's sentence goes on with may push the inverted cue further.)
  const bool and_that = lo + 1 < words_.size() && words_[lo].lower == "and" && words_[lo + 1].lower == "that";
  const size_t window = and_that ? 2 * kPostWindowWords : kPostWindowWords;
  while (hi < words_.size() && hi - lo < window && words_[hi].para == words_[lo].para &&
         !InQuote(hi) && !IsTerminal(words_[hi].lower) && words_[hi].lower != ";") {
    ++hi;
  }
  bool cued = false;
  for (size_t c = lo; c < hi; ++c) {
    if (!lex::In(lex::kReportingVerbsCue, words_[c].lower)) continue;
    Attribution a;
    a.cue = words_[c].lower;
    // ""… we need to set aside" the plan, said Ken Salazar": a cue after a
    // comma, the words the quotation completes before it, is inverted.
    bool inverted = c > lo + 1 && words_[c - 1].lower == "," && c + 1 < hi && a.cue != "told" && a.cue != "tells";
    for (size_t k = lo; k + 1 < c && inverted; ++k) {
      inverted = words_[k].mention < 0 && !words_[k].cap && !words_[k].punct &&
                 !lex::In(lex::kPronounsSpeaker, words_[k].lower) && !lex::In(lex::kPersonNouns, words_[k].lower) &&
                 !lex::In(lex::kCollectives, words_[k].lower);
    }
    a.speaker = c == lo ? SubjectAfter(c + 1, hi) : inverted ? SubjectAfter(c + 1, hi) : SubjectBefore(c, lo);
    if (inverted && !a.speaker.found) a.speaker = SubjectBefore(c, lo);
    // "…", according to the Morning Herald.: the source after "to".
    if (a.cue == "according") {
      if (c + 2 >= hi || words_[c + 1].lower != "to") continue;
      a.cue = "according to";
      // ("…" according to the Associated Press and was battled …": the
      // source's phrase ends where the sentence's own verb phrase goes on.)
      size_t end = c + 2;
      while (end < hi && !words_[end].punct && words_[end].lower != "and" && words_[end].lower != "but") ++end;
      a.speaker = AccordingTo(c + 2, end);
    }
    if ((a.cue == "read" || a.cue == "reads") && c > lo && words_[c - 1].lower == "it") {
      a.speaker = Issuer("", c - 1);  // "…," it read: the statement's issuer
    }
    a.from = lo;
    a.to = hi;
    a.found = a.speaker.found;
    if (a.found) return a;
    cued = true;
    break;
  }
  if (!cued && lo < hi && ContinuesSentence(j)) {
    Attribution a = UnlistedCue(lo, hi);
    if (a.found) return a;
  }
  // "…," one person showed agreement: anonymous speaker, no cue verb.
  if (lo < hi && lex::In(lex::kDeterminersAnonymous, words_[lo].lower)) {
    size_t b = lo;
    while (b + 1 < hi && b - lo < 3 && !words_[b + 1].punct && !lex::In(lex::kCueAdverbs, words_[b + 1].lower) &&
           !lex::In(lex::kReportingVerbsCue, words_[b + 1].lower) && !LooksLikeVerb(words_[b + 1].lower)) {
      ++b;
    }
    Attribution a;
    a.speaker = NounPhrase(lo, b);
    a.from = lo;
    a.to = hi;
    a.found = a.speaker.found;
    return a;
  }
  return {};
}

// True when the quotation ends in a comma, "!" or "?" inside its marks:
// the sentence goes on after it, and what follows is its attribution.
bool Finder::ContinuesSentence(const Judged& j) const {
  for (size_t i = j.last_word; i-- > j.first_word;) {
    if (IsMark(i)) continue;
    const std::string& w = words_[i].lower;
    return w == "," || w == "!" || w == "?";
  }
  return false;
}

// After a quotation that continues its sentence, a speech verb missing
// from the lexicon (", enthused Smith", ", Smith remembered asking") or no
// verb at all (", Jesse Toprak, an analyst for Edmunds."): the verb is
// told by its past-tense shape, the speaker must be a name.
Attribution Finder::UnlistedCue(size_t lo, size_t hi) {
  Attribution a;
  a.from = lo;
  a.to = hi;
  const size_t limit = std::min(hi, lo + kNounPhraseWords);
  for (size_t c = lo; c < limit; ++c) {
    const Word& w = words_[c];
    if (w.punct && w.lower != "'s") break;
    if (w.cap || w.mention >= 0 || !w.lower.ends_with("ed") || w.lower.size() <= 3 || IsYearsOld(w.lower)) continue;
    a.speaker = c == lo ? SubjectAfter(c + 1, hi) : SubjectBefore(c, lo);
    if (!a.speaker.found || a.speaker.type.empty()) return {};
    a.cue = w.lower;
    a.found = true;
    return a;
  }
  // "…," Jesse Toprak, an analyst for Edmunds.
  const int m = words_[lo].mention;
  if (m < 0 || (*entities_)[m].type != "PERSON") return {};
  size_t k = lo;
  while (k < hi && words_[k].mention == m) ++k;
  if (k < words_.size() && (words_[k].lower == "," || IsTerminal(words_[k].lower))) {
    a.speaker = FromMention(static_cast<size_t>(m));
    a.found = true;
  }
  return a;
}

// "She said: "…"" / "Smith, 41, added, "…"" before the opening mark.
Attribution Finder::BeforeQuote(const Judged& j) {
  if (j.open_word == 0) return {};
  size_t end = j.open_word;  // exclusive
  const Word& last = words_[end - 1];
  // A colon may introduce a quotation in the next paragraph.
  if (last.para != words_[j.open_word].para && last.lower != ":") return {};
  // A spaced hyphen stands for a dash ("is not - "I conclude …""); a
  // doubled one ("--") is fiction's, left as before.
  const bool hyphen = last.lower == "-" && end >= 2 && words_[end - 2].lower != "-";
  const bool lead = last.lower == "," || last.lower == ":" || last.lower == "\xE2\x80\x94" || hyphen ||
                    last.lower == "\xE2\x80\x93" ||
                    lex::In(lex::kReportingVerbsCue, last.lower) || last.lower == "that";
  if (!lead) return {};
  // "told Sky News any process "must be well thought out": "…"": a
  // quotation introduced by a quoted phrase of the same sentence is the
  // phrase's speaker's.
  if ((last.lower == ":" || last.lower == ",") && end >= 2 && IsMark(end - 2) && InQuote(end - 2) &&
      words_[end - 2].sent == last.sent) {
    const size_t open = WordAt(top_[static_cast<size_t>(words_[end - 2].quote)].open);
    for (const auto& [at, speaker] : reports_) {
      if (at != open || !speaker.found) continue;
      Attribution a;
      a.speaker = speaker;
      a.from = SentenceWords(open, open + 1).first;
      a.to = end;
      a.found = true;
      return a;
    }
  }
  size_t lo = end;
  while (lo > 0 && end - lo < kPreWindowWords && words_[lo - 1].para == last.para && !InQuote(lo - 1) &&
         !IsTerminal(words_[lo - 1].lower)) {
    --lo;
  }
  // "His exact words: “…”", "Henry's reply: “…”": the words of whom the
  // possessive before the colon names.
  if (last.lower == ":" && end >= 3) {
    const std::string& head = words_[end - 2].lower;
    const bool words_noun = head == "words" || head == "reply" || head == "response" || head == "answer" ||
                            lex::In(lex::kDocumentNounsStatement, head);
    constexpr size_t kWordsPhrase = 4;  // "his exact words", "Henry's brief reply"
    for (size_t k = end - 2; words_noun && k-- > lo && end - 2 - k < kWordsPhrase;) {
      const std::string& w = words_[k].lower;
      Speaker owner;
      if (w == "his" || w == "her" || w == "their") {
        owner = Pronoun(w == "his" ? "he" : w == "her" ? "she" : "they", words_[k].start);
      } else if ((w == "'s" || w == "'") && k > lo && words_[k - 1].mention >= 0) {
        owner = FromMention(static_cast<size_t>(words_[k - 1].mention));
      } else if (words_[k].punct || words_[k].cap) {
        break;
      } else {
        continue;
      }
      if (!owner.found) break;
      Attribution a;
      a.speaker = owner;
      a.from = lo;
      a.to = end;
      a.found = true;
      return a;
    }
  }
  // "Secretary James Roche: “…”": a name right before the colon.
  bool cue_before = false;
  for (size_t k = lo; k + 1 < end; ++k) cue_before = cue_before || lex::In(lex::kReportingVerbsCue, words_[k].lower);
  // ("The judge offered advice for the guards who will watch Renn: “…”": a
  // name that ends a clause, after its verb, is an object, not a label; a
  // label's name has only titles before it, "Special Asst. to the Secretary
  // and Director of Air Force Communications Bill Bodie: “…”".)
  bool label = end >= 2 && end - 2 >= lo;
  if (label) {
    const int nm = words_[end - 2].mention;
    size_t first = end - 2;
    while (first > lo && ((nm >= 0 && words_[first - 1].mention == nm) || IsNameWord(first - 1))) --first;
    for (size_t k = lo; k < first && label; ++k) {
      const std::string& w = words_[k].lower;
      label = words_[k].cap || words_[k].punct || lex::In(lex::kPrepositions, w) || w == "in" || w == "the" ||
              w == "and";
    }
  }
  if (last.lower == ":" && label && !cue_before && !IsPlatform(std::string(words_[end - 2].raw)) &&
      ((words_[end - 2].mention >= 0 && (*entities_)[words_[end - 2].mention].type == "PERSON") ||
       (IsNameWord(end - 2) && end >= 3 && IsNameWord(end - 3)) ||
       // "… of the Air Force James Roche: “…”": the surname after a first
       // name the entity layer ran into the title before it.
       (IsNameWord(end - 2) && end >= 3 && words_[end - 3].cap && !words_[end - 3].punct &&
        words_[end - 3].mention >= 0 && (*entities_)[words_[end - 3].mention].type != "PERSON"))) {
    Attribution a;
    a.speaker = HeadAt(end - 2, lo);
    if (!a.speaker.found) return {};
    a.from = lo;
    a.to = end;
    a.found = true;
    return a;
  }
  for (size_t c = end; c-- > lo;) {
    if (!lex::In(lex::kReportingVerbsCue, words_[c].lower)) continue;
    Attribution a;
    a.cue = words_[c].lower;
    if (a.cue == "according") {
      a.speaker = AccordingTo(c + 2, end);
    } else {
      a.speaker = SubjectBefore(c, lo);
      // ("Ana Torvik, who married the clerk three weeks before he was
      // killed, told Pavel Dorne in a firm voice, “…”": the one told
      // listens; the teller's subject may lie before the window, in the
      // sentence.)
      const bool listener_after = a.cue == "told" || a.cue == "tell" || a.cue == "tells";
      const size_t s0 = SentenceWords(c, c + 1).first;
      if (!a.speaker.found && listener_after && s0 < lo) a.speaker = SubjectBefore(c, s0);
      if (!a.speaker.found && !listener_after) a.speaker = SubjectAfter(c + 1, end);
      if (!a.speaker.found) a.speaker = NearestSubject(lo, c);
      // ("When the driver yelled, “Don't move!” …": the plain noun phrase
      // right before a verb of saying that introduces the quotation is
      // its unnamed speaker, whatever the noun.)
      if (!a.speaker.found && c + 2 == end && (last.lower == "," || last.lower == ":")) {
        size_t d = c;
        constexpr size_t kPlainPhraseWords = 3;  // "the getaway driver"
        while (d > lo && c - d < kPlainPhraseWords && !words_[d - 1].cap && !words_[d - 1].punct &&
               words_[d - 1].mention < 0 && !lex::In(lex::kDeterminersAnonymous, words_[d - 1].lower) &&
               !lex::In(lex::kDeterminersDefinite, words_[d - 1].lower)) {
          --d;
        }
        const bool det = d > lo && d < c && (lex::In(lex::kDeterminersAnonymous, words_[d - 1].lower) ||
                                              lex::In(lex::kDeterminersDefinite, words_[d - 1].lower));
        // (Not a body or a place, "the city said": the one it names.) Only
        // with a determiner, which puts a word before the cue (d < c).
        if (det) {
          const std::string& head = words_[c - 1].lower;
          if (!LooksLikeVerb(head) && !lex::In(lex::kOrgNouns, head) && !lex::In(lex::kPlaceWords, head) &&
              !lex::In(lex::kDocumentNounsStatement, head)) {
            a.speaker = Anonymous(d - 1, c - 1);
          }
        }
      }
    }
    a.from = lo;
    a.to = end;
    a.found = a.speaker.found;
    if (a.found) return a;
  }
  // "In a statement from her people, it was confirmed, “…”": the cue's
  // passive names no one; the source the statement is from speaks. (The
  // phrase says where the words were given, "in a statement", not what a
  // sentence is about: "the video from the Internet: …".)
  for (size_t k = lo + 3; k + 1 < end; ++k) {
    if (words_[k].lower != "from" || InQuote(k) || !lex::In(lex::kDocumentNounsStatement, words_[k - 1].lower) ||
        words_[k - 3].lower != "in" ||
        !(lex::In(lex::kDeterminersAnonymous, words_[k - 2].lower) || words_[k - 2].lower == "the")) {
      continue;
    }
    size_t e = k + 1;
    while (e < end && words_[e].lower != "," && !InQuote(e) && !words_[e].punct) ++e;
    if (e == k + 1 || e - k > kNounPhraseWords) break;
    Attribution a;
    a.speaker = HeadAt(e - 1, k + 1);
    a.from = lo;
    a.to = end;
    a.found = a.speaker.found;
    if (a.found) return a;
    break;
  }
  // "Steve Jobs extended an invitation to the label, "we have always …"",
  // "Judge Anthony Mann agreed that … - "I conclude …"": no cue, the
  // quotation completes a sentence whose subject is a person: theirs.
  const bool joined = last.lower == "," || last.lower == ":" || hyphen || last.lower == "\xE2\x80\x93" ||
                      last.lower == "\xE2\x80\x94";
  if (joined && !cue_before) {
    const size_t first = SentenceWords(end - 1, end).first;
    Attribution a;
    a.speaker = ClauseSubject(first, end - 1);
    if (!a.speaker.found || a.speaker.type != "PERSON" || a.speaker.id.empty()) return {};
    a.from = first;
    a.to = end;
    a.found = true;
    return a;
  }
  return {};
}

// True when a sentence between the previous quotation (closing at word
// `last_close`) and `j` names another speaker ("Chairman Dieter Zetsche
// denied the reports. "…""): the quotation is theirs, set in `a`, not a
// continuation of the previous speaker's.
bool Finder::Intervenes(const Judged& j, size_t last_close, Attribution* a) {
  if (j.open_word == 0 || j.open_word <= last_close + 1) return false;
  auto [from, to] = SentenceWords(j.open_word - 1, j.open_word);
  if (from <= last_close) return false;
  Attribution prev = PreviousSentence(j);
  if (!prev.found || prev.speaker.type.empty() || prev.speaker.id == last_speaker_.id) return false;
  *a = prev;
  return true;
}

// A quotation with no cue of its own: the speaker named in the sentence
// before it, when that sentence reports speech or a statement or takes a stance.
Attribution Finder::PreviousSentence(const Judged& j) {
  if (j.open_word == 0) return {};
  size_t prev = j.open_word - 1;
  if (InQuote(prev)) return {};
  auto [from, to] = SentenceWords(prev, prev + 1);
  // ("He said …. Later in the afternoon, "I went back …."": a phrase of
  // time or place opening the quotation's own sentence, no speaker and no
  // verb in it, leaves the sentence before to introduce it.)
  if (words_[prev].lower == "," && from > 0 && from + 1 < prev && words_[from].sent == words_[j.open_word].sent) {
    bool bare = true;
    for (size_t i = from; i < prev && bare; ++i) {
      bare = words_[i].mention < 0 && !InQuote(i) && !lex::In(lex::kAuxiliaries, words_[i].lower) &&
             !lex::In(lex::kReportingVerbsCue, words_[i].lower) && !lex::In(lex::kPronounsSpeaker, words_[i].lower);
    }
    if (bare && !InQuote(from - 1)) {
      prev = from - 1;
      std::tie(from, to) = SentenceWords(prev, prev + 1);
    }
  }
  bool speechy = false;
  for (size_t i = from; i < to; ++i) {
    // ("Ilse Brandt, director of the union, welcomed the decision. "…"":
    // a source's public stance introduces their quotation as a cue does.)
    speechy = speechy || lex::In(lex::kReportingVerbsCue, words_[i].lower) ||
              lex::In(lex::kDocumentNounsStatement, words_[i].lower) || words_[i].lower == "interview" ||
              (!InQuote(i) && lex::In(lex::kStanceVerbs, words_[i].lower));
  }
  // ("T.J. Simons, 17, who works nearby, also heard the blast. "At first
  // I thought …"": a person the sentence introduces, named for the first
  // time with an apposition and acting, speaks the quotation after it.)
  if (!speechy && words_[prev].lower != ":") {
    const Speaker introduced = NewlyIntroduced(from, to);
    if (!introduced.found) return {};
    Attribution a;
    a.speaker = introduced;
    a.from = from;
    a.to = to;
    a.found = true;
    return a;
  }
  Attribution a;
  // A report found in that sentence gives its speaker ("As Heald told The
  // Huffington Post, US surface ozone has dropped. "…"").
  for (const auto& [at, speaker] : reports_) {
    if (at >= from && at < to && speaker.found) a.speaker = speaker;
  }
  // The subject of the sentence's speech verb ("Following the reports
  // that A and B would split, chairman C denied them."), else its first
  // subject.
  for (size_t c = to; c-- > from && !a.speaker.found;) {
    if (!InQuote(c) && lex::In(lex::kReportingVerbsCue, words_[c].lower) && !WeakCue(c) &&
        words_[c].lower != "according") {
      a.speaker = SubjectBefore(c, from);
    }
  }
  if (!a.speaker.found) a.speaker = ClauseSubject(from, to);
  a.from = from;
  a.to = to;
  a.found = a.speaker.found;
  return a;
}

// The person sentence [from, to) opens with when it names them for the
// first time in the article, with an apposition ("T.J. Simons, 17, who
// works at the station,") and an active verb after it ("also heard");
// none else ("Ivo Renn, 45, was killed" is about, not by, the person).
Speaker Finder::NewlyIntroduced(size_t from, size_t to) const {
  const int m = from < to ? words_[from].mention : -1;
  if (m < 0 || (*entities_)[m].type != "PERSON" || InQuote(from)) return {};
  const std::string& id = (*entities_)[m].entity;
  for (size_t k = 0; k < from; ++k) {
    if (words_[k].mention >= 0 && (*entities_)[words_[k].mention].entity == id) return {};
  }
  size_t e = from;
  while (e < to && words_[e].mention == m) ++e;
  if (e >= to || words_[e].lower != ",") return {};
  // (", 17, who works at the station,": an age, then a relative clause.)
  size_t close = e;
  for (size_t jump = 0; jump < kAppositiveJumps; ++jump) {
    size_t next = close + 1;
    while (next < to && next <= close + kAppositiveWords && words_[next].lower != ",") ++next;
    if (next + 1 >= to || words_[next].lower != ",") return {};
    close = next;
    if (words_[close + 1].lower != "who") break;
  }
  size_t v = close + 1;
  // ("also heard"; "was hurt", a copula, is said of the person.)
  while (v < to && lex::In(lex::kCueAdverbs, words_[v].lower) && !lex::In(lex::kCopulas, words_[v].lower)) ++v;
  if (v >= to || words_[v].punct || words_[v].cap || lex::In(lex::kCopulas, words_[v].lower)) {
    return {};
  }
  return FromMention(static_cast<size_t>(m));
}

// A post quoted without marks after a colon ("Over the photo she wrote:
// Back to work."): the rest of the paragraph, when it holds no marks.
void Finder::UnmarkedPosts(std::vector<Quote>* out) {
  for (size_t c = 0; c + 2 < words_.size(); ++c) {
    if (words_[c + 1].lower != ":" || InQuote(c) || !lex::In(lex::kReportingVerbsPost, words_[c].lower)) continue;
    const size_t first = c + 2;
    if (words_[first].para != words_[c].para || IsMark(first)) continue;
    size_t last = first;
    bool marks = false;
    while (last < words_.size() && words_[last].para == words_[c].para) {
      marks = marks || IsMark(last);
      ++last;
    }
    if (marks || last - first < kIndirectMinWords) continue;
    auto [from, to] = SentenceWords(c, c + 1);
    Speaker sp = SubjectBefore(c, from);
    if (!sp.found) continue;
    Quote q;
    q.span = Trim(words_[first].start, words_[last - 1].end);
    q.text = Slice(q.span.start, q.span.end);
    q.speaker = sp.id;
    q.speaker_name = sp.name;
    q.cue = words_[c].lower;
    q.kind = "direct";
    q.medium = Medium(from, to);
    if (q.medium.empty() && q.cue == "tweeted") q.medium = "x";
    if (!q.text.empty()) out->push_back(std::move(q));
  }
}

}  // namespace storyline::quote_finder
