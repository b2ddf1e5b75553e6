// FindQuotes: quotation marks are paired first (extract/quote_marks.h); each
// quoted span is then judged (a title, a scare quote, a partial or a direct
// quotation) from its shape and its neighbours, and attributed by looking for
// a cue verb right after it (", she said") or before it ("She said: "), the
// cue's subject being a name, a pronoun, an epithet or an anonymous noun
// phrase. Indirect speech comes from cue verbs outside quotation marks whose
// complement is a clause ("X said that ...", "according to X").
//
// The finder (extract/quote_finder.h) is split by concern:
//   quotes.cc           this file: the run, the article read into words and
//                       mentions, and the word helpers every part uses
//   quote_direct.cc     quoted spans judged and attributed, unmarked posts
//   quote_indirect.cc   reported speech without marks
//   quote_speakers.cc   the speaker a phrase names (subjects, noun phrases,
//                       new names, unnamed sources)
//   quote_referents.cc  what a pronoun or epithet refers back to (recent
//                       subjects and mentions, gender)
//   quote_media.cc      the medium of a statement and its inheritance
//   quote_turns.cc      transcripts and interviews: one quotation a turn
// Word lists come from lexicons/ (core/lexicon.h).
#include "extract/quotes.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/quote_finder.h"
#include "extract/quote_marks.h"

namespace storyline::quote_finder {

char32_t DecodeAt(std::string_view s, size_t* i) {
  const unsigned char c = static_cast<unsigned char>(s[*i]);
  ++*i;
  if (c < 0x80) return c;
  const int len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  char32_t cp = len == 0 ? 0 : c & (0x7F >> len);
  int got = 1;
  while (*i < s.size() && (static_cast<unsigned char>(s[*i]) & 0xC0) == 0x80) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i]) & 0x3F);
    ++*i;
    ++got;
  }
  return len == 0 || got != len ? U'\uFFFD' : cp;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  // Curly apostrophes read as straight ones, so "’s" matches "'s".
  for (size_t p; (p = out.find("\xE2\x80\x99")) != std::string::npos;) out.replace(p, 3, "'");
  return out;
}

std::vector<Quote> Finder::Run() {
  Decode();
  marks_ = PairQuoteMarks(cps_);
  top_.clear();
  for (const MarkedSpan& m : marks_) {
    if (!m.nested) top_.push_back(m);
  }
  BuildMentions();
  BuildWords();
  BuildGender();
  reports_.clear();
  std::vector<Quote> out;
  // Indirect speech first: the names it adds (organisations the entity
  // layer missed) are then known when "the trust said" is resolved.
  IndirectQuotes(&out);
  DirectQuotes(&out);
  UnmarkedPosts(&out);
  Turns(&out);
  std::stable_sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end < b.span.end;
  });
  NamedLater(&out);
  InheritMedia(&out);
  CommitNewMentions();
  return out;
}

// "…, the mine's owner said. ⏎ The men were …, Halberg Minerals said in
// a statement.": an organisation described before any is named ("the
// mine's owner", "their union") is the one whose report comes in the next
// sentence, named there for the first time. Returns true when it renamed.
// "The victim's nephew said …. "…," said Manpreet Singh.": a person
// described (one of them: "the victim's nephew", "a naval commander", not
// "officials") is the person whose report comes in the next sentence,
// named there for the first time. Returns true when it renamed.
bool Finder::PersonNamedNext(const Quote& q, std::vector<Quote>* out) const {
  // A copy: renaming the quotations of the description renames `q` too.
  const std::string d = q.speaker_name;
  // Definite, or owned by someone not named ("the victim's nephew"; not
  // "John Banky's brother", whose owner the text names): an indefinite
  // description introduces someone new ("a Romanian official said …. "…,"
  // said Sebastian Vladescu, head of …" are two people).
  const size_t owned = d.find("'s ");
  if (!d.starts_with("the ") && owned == std::string::npos) return false;
  if (owned != std::string::npos) {
    const size_t space = d.rfind(' ', owned);
    const char first = d[space == std::string::npos ? 0 : space + 1];
    if (first >= 'A' && first <= 'Z') return false;
  }
  bool person = false;
  for (size_t p = d.find(' '); p != std::string::npos && !person; p = d.find(' ', p + 1)) {
    const size_t e = d.find(' ', p + 1);
    const std::string word = d.substr(p + 1, e == std::string::npos ? std::string::npos : e - p - 1);
    person = lex::In(lex::kPersonNouns, word) && !lex::In(lex::kCollectives, word);
  }
  if (!person || d.ends_with("s")) return false;
  const size_t w = WordAt(q.span.start);
  if (w >= words_.size()) return false;
  const size_t sent = words_[w].sent;
  const std::string head = d.substr(d.rfind(' ') + 1);
  // The first report of the next sentence; or a later one, up to
  // kAntecedentSentences on, whose person the text titles with the
  // description's role ("the church's minister said …. … the Rev. Larry Kroon said",
  // "the ship's owner said …. …, said Wicharn S., owner of the …").
  const std::pair<size_t, Speaker>* next = nullptr;
  const std::pair<size_t, Speaker>* first = nullptr;
  for (const auto& r : reports_) {
    if (r.first >= words_.size() || words_[r.first].sent != sent + 1) continue;
    if (first == nullptr || r.first < first->first) first = &r;
  }
  const auto new_person = [&](const Speaker& s) {
    if (s.id.empty() || s.type != "PERSON") return false;
    for (const EntityMention& e : *entities_) {
      if (e.entity == s.id && e.span.start < q.span.start) return false;
    }
    for (const EntityMention& e : new_mentions_) {
      if (e.entity == s.id && e.span.start < q.span.start) return false;
    }
    return true;
  };
  if (first != nullptr && new_person(first->second)) next = first;
  for (const auto& r : reports_) {
    if (next != nullptr) break;
    if (r.first >= words_.size() || words_[r.first].sent <= sent || words_[r.first].sent > sent + kAntecedentSentences) {
      continue;
    }
    if (new_person(r.second) && TitledAs(head, r.second.id)) next = &r;
  }
  if (next == nullptr) return false;
  for (Quote& other : *out) {
    if (!other.speaker.empty() || other.speaker_name != d) continue;
    other.speaker = next->second.id;
    other.speaker_name = next->second.name;
  }
  return true;
}

// True when the text writes the role `head` with the first mention of
// entity `id`: its title right before it ("the Rev. Larry Kroon" for
// "minister", lexicons/role_titles.txt; "Pastor X") or in apposition after
// it ("Wicharn S., owner of the Ekawat Nava 5").
bool Finder::TitledAs(const std::string& head, const std::string& id) const {
  size_t start = std::string::npos;
  for (const EntityMention& e : *entities_) {
    if (e.entity == id) start = std::min(start, e.span.start);
  }
  for (const EntityMention& e : new_mentions_) {
    if (e.entity == id) start = std::min(start, e.span.start);
  }
  if (start == std::string::npos) return false;
  const size_t w = WordAt(start);
  if (w >= words_.size()) return false;
  const std::string_view title = lex::Find(lex::kRoleTitles, head);
  // (The mention may hold the title: "Rev. Larry Kroon".)
  for (size_t k = w + 1; k-- > 0 && w - k <= 2;) {
    std::string_view t = words_[k].lower;
    if (t.ends_with('.')) t.remove_suffix(1);
    if (t == head || (!title.empty() && t == title)) return true;
  }
  size_t e = w;
  while (e < words_.size() && words_[e].start < start + 1) ++e;
  while (e < words_.size() && words_[e].mention >= 0 && words_[e].mention == words_[w].mention) ++e;
  while (e < words_.size() && IsNameWord(e)) ++e;
  for (size_t k = e; k < words_.size() && k <= e + 2; ++k) {
    if (words_[k].lower == head) return true;
  }
  return false;
}

bool Finder::OrgNamedNext(const Quote& q, std::vector<Quote>* out) const {
  const std::string d = q.speaker_name;
  if (!(d.starts_with("the ") || d.starts_with("their ") || d.starts_with("its "))) return false;
  const std::string head = d.substr(d.rfind(' ') + 1);
  if (!lex::In(lex::kOrgNounsSpeaker, head) && head != "owner" && head != "operator") return false;
  const size_t w = WordAt(q.span.start);
  if (w >= words_.size()) return false;
  const size_t sent = words_[w].sent;
  const std::pair<size_t, Speaker>* next = nullptr;
  for (const auto& r : reports_) {
    if (r.first >= words_.size() || words_[r.first].sent <= sent + 0 || words_[r.first].sent > sent + 2) continue;
    if (next == nullptr || r.first < next->first) next = &r;
  }
  if (next == nullptr || next->second.id.empty() || next->second.type != "ORG") return false;
  // Named there for the first time.
  for (const EntityMention& e : *entities_) {
    if (e.entity == next->second.id && e.span.start < q.span.start) return false;
  }
  for (Quote& other : *out) {
    if (!other.speaker.empty() || other.speaker_name != d) continue;
    other.speaker = next->second.id;
    other.speaker_name = next->second.name;
  }
  return true;
}

// "A man walked into the office …, a police sergeant said. … Troy police
// Sgt. Barry Whiteside said …": an unnamed "a … sergeant" is the one person
// the article later names with that rank's abbreviated title
// (lexicons/role_titles.txt), when it names exactly one and not before the
// description. Every quotation of the description takes the name.
bool Finder::TitledLater(const Quote& q, std::vector<Quote>* out) const {
  // A copy: renaming the quotations of the description renames `q` too.
  const std::string d = q.speaker_name;
  if (!(d.starts_with("a ") || d.starts_with("an "))) return false;
  const std::string_view title = lex::Find(lex::kRoleTitles, d.substr(d.rfind(' ') + 1));
  if (title.empty()) return false;
  const size_t at = WordAt(q.span.start);
  std::string id;
  size_t mention = 0;
  for (size_t k = 1; k < words_.size(); ++k) {
    const int m = words_[k].mention;
    if (m < 0 || words_[k - 1].mention == m || (*entities_)[m].type != "PERSON" || InQuote(k)) continue;
    std::string_view prev = words_[k - 1].lower;
    if (prev.ends_with(".")) prev.remove_suffix(1);
    if (prev != title) continue;
    if (k < at || (!id.empty() && id != (*entities_)[m].entity)) return false;
    id = (*entities_)[m].entity;
    mention = static_cast<size_t>(m);
  }
  if (id.empty()) return false;
  for (size_t k = 0; k < at; ++k) {
    if (words_[k].mention >= 0 && (*entities_)[words_[k].mention].entity == id) return false;
  }
  const Speaker s = FromMention(mention);
  for (Quote& other : *out) {
    if (!other.speaker.empty() || other.speaker_name != d) continue;
    other.speaker = s.id;
    other.speaker_name = s.name;
  }
  return true;
}

// "A former aide to ex-mayor Tomas Reyes told a court … ⏎ Piotr Salas,
// 39, was the first defence witness …": wire copy names the indefinite
// speaker of a paragraph as the next paragraph's opening subject, a person
// the article has not named before. Every quotation of that description
// then has the name.
void Finder::NamedLater(std::vector<Quote>* out) const {
  for (size_t i = 0; i < out->size(); ++i) {
    const Quote& q = (*out)[i];
    const std::string d = q.speaker_name;  // a copy: the loop below renames `q` too
    if (q.speaker.empty() && OrgNamedNext(q, out)) continue;
    if (q.speaker.empty() && PersonNamedNext(q, out)) continue;
    if (q.speaker.empty() && TitledLater(q, out)) continue;
    if (!q.speaker.empty() || !(d.starts_with("a ") || d.starts_with("an "))) continue;
    const size_t head = d.rfind(' ');
    if (!lex::In(lex::kPersonNounsEpithet, d.substr(head + 1))) continue;
    const size_t para = ParagraphOf(q.span.start);
    size_t w = WordAt(q.span.start);
    while (w < words_.size() && words_[w].para == para) ++w;
    if (w >= words_.size() || words_[w].para != para + 1) continue;
    const int m = words_[w].mention;
    if (m < 0 || (*entities_)[m].type != "PERSON") continue;
    size_t e = w;
    while (e < words_.size() && words_[e].mention == m) ++e;
    // The opening subject: the name, then an apposition or its verb.
    if (e >= words_.size()) continue;
    const std::string& after = words_[e].lower;
    if (!(after == "," || after == "was" || after == "is" || after == "has" || after == "had" ||
          lex::In(lex::kReportingVerbsCue, after))) {
      continue;
    }
    const std::string& id = (*entities_)[m].entity;
    const bool named_before = std::any_of(entities_->begin(), entities_->end(), [&](const EntityMention& x) {
      return x.entity == id && x.span.start < (*entities_)[m].span.start;
    });
    if (named_before) continue;
    const Speaker s = FromMention(static_cast<size_t>(m));
    for (Quote& other : *out) {
      if (!other.speaker.empty() || other.speaker_name != d) continue;
      other.speaker = s.id;
      other.speaker_name = s.name;
    }
  }
}

void Finder::Decode() {
  cps_.clear();
  byte_of_.clear();
  cps_.reserve(text_.size());
  byte_of_.reserve(text_.size() + 1);
  for (size_t i = 0; i < text_.size();) {
    // Stray continuation bytes are no code point of their own, as
    // CodePointLength() counts them (DecodeAt swallows those after a
    // lead byte; these are the ones at the very start).
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) {
      ++i;
      continue;
    }
    byte_of_.push_back(i);
    cps_.push_back(DecodeAt(text_, &i));
  }
  byte_of_.push_back(text_.size());
}

// Index of the code point starting at or after byte `b`.
size_t Finder::CodePointAtByte(size_t b) const {
  return static_cast<size_t>(std::lower_bound(byte_of_.begin(), byte_of_.end() - 1, b) - byte_of_.begin());
}

std::string Finder::Slice(size_t start, size_t end) const {
  if (start >= end || end >= byte_of_.size()) return "";
  return text_.substr(byte_of_[start], byte_of_[end] - byte_of_[start]);
}

// True when mention `m` is one word that opens a clause ("Despite",
// capitalised at a sentence's start, taken for a name): no speaker.
bool Finder::ClauseOpener(const EntityMention& m) {
  return m.text.find(' ') == std::string::npos && lex::In(lex::kSubordinatorsQuotes, AsciiLower(m.text));
}

// True when the person mention `m` follows an indefinite article ("was
// described as a Goth", "a Democrat", "an Englishman"): a name written so
// is a kind of person, not one person, and no pronoun or epithet refers to
// it. (Organisations keep theirs: "a Waitrose spokesman" names the body.)
bool Finder::KindOfPerson(const EntityMention& m) const {
  if (m.type != "PERSON") return false;
  size_t i = m.span.start;
  while (i > 0 && cps_[i - 1] == U' ') --i;
  size_t b = i;
  while (b > 0 && ((cps_[b - 1] >= U'a' && cps_[b - 1] <= U'z') || (cps_[b - 1] >= U'A' && cps_[b - 1] <= U'Z'))) --b;
  if (b == i || i == m.span.start || (b > 0 && cps_[b - 1] != U' ' && cps_[b - 1] != U'(')) return false;
  std::string word;
  for (size_t k = b; k < i; ++k) word += static_cast<char>(cps_[k] | 0x20);
  return word == "a" || word == "an";
}

void Finder::BuildMentions() {
  mention_order_.clear();
  const size_t n = cps_.size();
  for (size_t i = 0; i < entities_->size(); ++i) {
    const EntityMention& m = (*entities_)[i];
    if (m.span.start < m.span.end && m.span.end <= n && !m.entity.empty() && !ClauseOpener(m) && !KindOfPerson(m)) {
      mention_order_.push_back(i);
    }
  }
  std::stable_sort(mention_order_.begin(), mention_order_.end(), [&](size_t a, size_t b) {
    return (*entities_)[a].span.start < (*entities_)[b].span.start;
  });
  canonical_.clear();
  by_last_word_.clear();
  by_first_name_.clear();
  platform_.assign(entities_->size(), false);
  max_id_ = 0;
  for (size_t i = 0; i < entities_->size(); ++i) {
    // Names a speaker the entity layer missed may join, by their last
    // word ("Oswin" joins "Petra Oswin") or, for people, first name.
    // PLACE too: organisations named after places are often typed so.
    const EntityMention& e = (*entities_)[i];
    platform_[i] = IsPlatform(e.text);
    if ((e.type != "PERSON" && e.type != "ORG" && e.type != "PLACE") || ClauseOpener(e)) continue;
    const std::string key = AsciiLower(e.text);
    const size_t sp = key.rfind(' ');
    by_last_word_.emplace(sp == std::string::npos ? key : key.substr(sp + 1), i);
    if (e.type == "PERSON" && sp != std::string::npos) by_first_name_.emplace(key.substr(0, key.find(' ')), i);
  }
  for (const EntityMention& m : *entities_) {
    if (m.entity.size() > 1 && m.entity[0] == 'e') {
      max_id_ = std::max(max_id_, std::strtoul(m.entity.c_str() + 1, nullptr, 10));
    }
    std::string& name = canonical_[m.entity];
    const std::string lower = AsciiLower(m.text.substr(0, m.text.find(' ')));
    const bool proper = !m.text.empty() && !(m.text[0] >= 'a' && m.text[0] <= 'z') && m.text[0] != '"' && !lex::In(lex::kDeterminersDefinite, lower) &&
                        !lex::In(lex::kDeterminersAnonymous, lower);
    // ("Chin” Gigante": a mention the tagger ran into a nickname's marks
    // names no one as written.)
    const bool marks = m.text.find("\xE2\x80\x9C") != std::string::npos ||
                       m.text.find("\xE2\x80\x9D") != std::string::npos;
    if (proper && !marks && m.text.size() > name.size()) name = m.text;
  }
  AcronymAliases();
}

// "According to THR, …" after "The Hollywood Reporter": an entity named
// only by an acronym (two to six capitals) that spells the initials of
// another entity's capitalised words is that entity (the entity layer
// links "THR" to nothing); by_initials_ serves names found later
// (NewName).
void Finder::AcronymAliases() {
  constexpr size_t kAcronymMin = 2;  // "AP"
  constexpr size_t kAcronymMax = 6;  // "NASDAQ"-length labels at most
  for (const auto& [id, name] : canonical_) {
    for (const std::string& initials : Initials(name)) by_initials_.emplace(initials, id);
  }
  for (const auto& [id, name] : canonical_) {
    if (name.size() < kAcronymMin || name.size() > kAcronymMax) continue;
    if (!std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) continue;
    auto it = by_initials_.find(name);
    if (it != by_initials_.end() && it->second != id) acronym_of_[id] = it->second;
  }
}

// The initials a multi-word name may be abbreviated by: its capitalised
// words' first letters, and with a "T" for a "The" left out ("Hollywood
// Reporter" → "HR", "THR"); none for a one-word name.
std::vector<std::string> Finder::Initials(const std::string& name) {
  constexpr size_t kMinWords = 2;
  std::string initials;
  for (size_t b = 0; b < name.size();) {
    size_t e = name.find(' ', b);
    if (e == std::string::npos) e = name.size();
    if (e > b && name[b] >= 'A' && name[b] <= 'Z') initials += name[b];
    b = e + 1;
  }
  if (initials.size() < kMinWords) return {};
  if (initials[0] == 'T') return {initials};
  return {initials, "T" + initials};
}

void Finder::BuildWords() {
  words_.clear();
  words_.reserve(tokens_.size());
  size_t para = 0;
  size_t cp = 0;
  size_t sent = 0;
  size_t quote = 0;
  size_t mention = 0;
  size_t cursor = 0;  // code point whose byte offset is the last token's start
  paragraph_caption_.assign(1, false);
  for (const Token& t : tokens_) {
    if (t.byte_end > text_.size() || t.byte_start >= t.byte_end) continue;
    Word w;
    // Code points from the byte offsets, as CodePointLength() counts
    // them (the tokenizer may count stray bytes of bad UTF-8 otherwise).
    // Tokens come in text order: walk a cursor instead of searching.
    if (t.byte_start < byte_of_[cursor]) cursor = CodePointAtByte(t.byte_start);
    while (cursor + 1 < byte_of_.size() && byte_of_[cursor] < t.byte_start) ++cursor;
    w.start = cursor;
    size_t end_cp = cursor;
    while (end_cp + 1 < byte_of_.size() && byte_of_[end_cp] < t.byte_end) ++end_cp;
    w.end = end_cp;
    if (w.start >= w.end || (!words_.empty() && w.start < words_.back().end)) continue;
    w.raw = std::string_view(text_).substr(t.byte_start, t.byte_end - t.byte_start);
    w.lower = AsciiLower(w.raw);
    w.medium = lex::Find(lex::kMediaWords, w.lower);
    // A run of line breaks (a blank line included) is one boundary.
    bool broke = false;
    for (; cp < w.start; ++cp) {
      const char32_t c = cps_[cp];
      broke = broke || c == U'\n' || c == U'\r' || c == U'\u2028' || c == U'\u2029';
    }
    cp = w.end;
    if (broke && !words_.empty()) {
      ++para;
      paragraph_caption_.push_back(false);
    }
    w.para = para;
    while (sent + 1 < sentences_.size() && sentences_[sent].end <= w.start) ++sent;
    w.sent = sent;
    while (quote < top_.size() && top_[quote].end < w.start) ++quote;
    if (quote < top_.size() && top_[quote].open <= w.start) w.quote = static_cast<int>(quote);
    while (mention < mention_order_.size() && (*entities_)[mention_order_[mention]].span.end <= w.start) {
      ++mention;
    }
    if (mention < mention_order_.size() && (*entities_)[mention_order_[mention]].span.start <= w.start) {
      w.mention = static_cast<int>(mention_order_[mention]);
    }
    const char32_t c0 = cps_[w.start];
    w.cap = c0 < 0x80 ? (c0 >= U'A' && c0 <= U'Z') : u_isupper(static_cast<UChar32>(c0)) != 0;
    w.punct = !(c0 < 0x80 ? std::isalnum(static_cast<int>(c0)) != 0 : u_isalnum(static_cast<UChar32>(c0)) != 0);
    if (!words_.empty() && words_.back().punct == false && w.lower == ":" &&
        lex::In(lex::kCaptionWords, words_.back().lower)) {
      paragraph_caption_[para] = true;
    }
    words_.push_back(std::move(w));
  }
}

bool Finder::InQuote(size_t w) const { return words_[w].quote >= 0; }

bool Finder::IsMark(size_t w) const { return words_[w].raw.size() <= 3 && IsQuoteMark(cps_[words_[w].start]); }

size_t Finder::WordAt(size_t cp) const {
  return static_cast<size_t>(
      std::lower_bound(words_.begin(), words_.end(), cp, [](const Word& w, size_t v) { return w.start < v; }) -
      words_.begin());
}

// Word range of the sentences touching words [a, b).
std::pair<size_t, size_t> Finder::SentenceWords(size_t a, size_t b) const {
  if (words_.empty()) return {0, 0};
  a = std::min(a, words_.size() - 1);
  b = std::max(std::min(b, words_.size()), a + 1);
  const size_t s0 = words_[a].sent;
  const size_t s1 = words_[b - 1].sent;
  while (a > 0 && words_[a - 1].sent == s0) --a;
  while (b < words_.size() && words_[b].sent == s1) ++b;
  return {a, b};
}

Span Finder::Trim(size_t start, size_t end) const {
  auto space = [&](size_t i) { return cps_[i] == U' ' || cps_[i] == U'\n' || cps_[i] == U'\t' || cps_[i] == U'\r'; };
  while (start < end && space(start)) ++start;
  while (end > start && space(end - 1)) --end;
  return {start, end};
}

void Finder::CommitNewMentions() {
  if (new_mentions_.empty()) return;
  for (EntityMention& m : new_mentions_) entities_->push_back(std::move(m));
  std::stable_sort(entities_->begin(), entities_->end(), [](const EntityMention& a, const EntityMention& b) {
    return a.span.start < b.span.start;
  });
}

}  // namespace storyline::quote_finder

namespace storyline {

std::vector<Quote> FindQuotes(const std::string& text, const std::vector<Span>& sentences,
                              const std::vector<Token>& tokens, std::vector<EntityMention>* entities) {
  std::vector<EntityMention> none;
  return quote_finder::Finder(text, sentences, tokens, entities != nullptr ? entities : &none).Run();
}

}  // namespace storyline
