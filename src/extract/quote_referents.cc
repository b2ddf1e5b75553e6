// quote_referents.cc: what a pronoun or an epithet refers back to. A speaker
// pronoun ("he said") or epithet ("the company said") is resolved as
// centering theory has it: the subject of its own sentence or of the one or
// two before it, then the most recent fitting mention outside quotations and
// photo captions, checked against the gender evidence the article gives
// (honorifics, gendered role nouns, the first he/she after a name).
#include <algorithm>
#include <string>
#include <string_view>

#include "extract/quote_finder.h"

namespace storyline::quote_finder {

Speaker Finder::FromMention(size_t m) const { return FromEntity((*entities_)[m]); }

Speaker Finder::FromEntity(const EntityMention& e) const {
  Speaker s;
  s.id = e.entity;
  if (auto alias = acronym_of_.find(e.entity); alias != acronym_of_.end()) s.id = alias->second;
  auto it = canonical_.find(s.id);
  s.name = it != canonical_.end() && !it->second.empty() ? it->second : e.text;
  s.type = outlets_.contains(e.entity) ? "ORG" : e.type;
  s.found = true;
  return s;
}

bool Finder::MentionInQuote(size_t m) const {
  const size_t start = (*entities_)[m].span.start;
  auto it = std::upper_bound(top_.begin(), top_.end(), start,
                             [](size_t v, const MarkedSpan& q) { return v < q.open; });
  if (it == top_.begin()) return false;
  --it;
  return start > it->open && start < it->end;
}

size_t Finder::ParagraphOf(size_t cp) const {
  auto it = std::lower_bound(words_.begin(), words_.end(), cp, [](const Word& w, size_t v) { return w.start < v; });
  if (it == words_.end()) return words_.empty() ? 0 : words_.back().para;
  return it->para;
}

// The most recent mention of `type` ending before `before` that is not
// inside a quotation (names in quotations are what was said, not who
// spoke) or a photo caption.
// With `place`, an organisation may be a PLACE mention (organisations
// named after places are often typed so).
Speaker Finder::Recent(size_t before, std::string_view type, bool place) const {
  Speaker s = RecentOf(before, type);
  if (!s.found && type == "ORG" && place) s = RecentOf(before, "PLACE");
  return s;
}

Speaker Finder::RecentOf(size_t before, std::string_view type) const {
  auto it = std::lower_bound(mention_order_.begin(), mention_order_.end(), before,
                             [&](size_t m, size_t v) { return (*entities_)[m].span.start < v; });
  size_t looked = 0;
  while (it != mention_order_.begin() && looked < kPronounLookback) {
    --it;
    ++looked;
    const EntityMention& e = (*entities_)[*it];
    const std::string_view e_type = outlets_.contains(e.entity) ? "ORG" : std::string_view(e.type);
    if (e_type != type || e.span.end > before || platform_[*it] || MentionInQuote(*it)) continue;
    // "CARDELL, March 14 (NWS) -": a dateline's place in capitals speaks
    // for nobody.
    if (type == "PLACE" && std::none_of(e.text.begin(), e.text.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      continue;
    }
    const size_t p = ParagraphOf(e.span.start);
    if (p < paragraph_caption_.size() && paragraph_caption_[p]) continue;
    return LaterAdded(before, type, e.span.start, FromMention(*it));
  }
  return LaterAdded(before, type, 0, {});
}

// A speaker this finder added (a name the entity layer missed) that is
// more recent than `start`, else `found`.
Speaker Finder::LaterAdded(size_t before, std::string_view type, size_t start, Speaker found) const {
  const EntityMention* best = nullptr;
  for (const EntityMention& m : new_mentions_) {
    if (m.type == type && m.span.end <= before && (found.id.empty() || m.span.start > start) &&
        (best == nullptr || m.span.start > best->span.start)) {
      best = &m;
    }
  }
  if (best == nullptr) return found;
  Speaker s;
  s.id = best->entity;
  auto it = canonical_.find(best->entity);
  s.name = it != canonical_.end() && !it->second.empty() ? it->second : best->text;
  s.type = best->type;
  s.found = true;
  return s;
}

Speaker Finder::Pronoun(std::string_view p, size_t at) const {
  const int want = p == "he" ? 1 : p == "she" ? -1 : 0;
  const std::string_view type = p == "he" || p == "she" ? "PERSON" : "ORG";
  if (p != "he" && p != "she" && p != "it" && p != "they") return {};
  if (p == "they") {
    Speaker crowd = CollectiveSubject(at);
    if (crowd.found) return crowd;
    Speaker pair = CoordinatedSubject(at);
    if (pair.found) return pair;
  }
  // "Lynch asked Walsh, "…?" "Yes," he responded.": an answer is the
  // one asked's, not the last speaker's.
  if (want != 0) {
    Speaker asked = PersonAsked(at, want);
    if (asked.found) return asked;
  }
  // "A company spokeswoman said …. "…," she said.": the speaker of the
  // sentence before, when the pronoun fits them.
  Speaker last = LastReporter(p, at);
  if (last.found) return last;
  // The subject of this sentence or of the one or two before it, as
  // centering theory has it, before the most recent mention: in "Dan
  // Cook said the Dow's fall is worrisome. "…," he said." he is Cook.
  Speaker s = SentenceSubject(at, type, want);
  if (s.found) return s;
  s = Recent(at, type);
  if (!s.found || want == 0 || Agrees(s.id, want)) return s;
  return RecentAgreeing(at, type, want);
}

Speaker Finder::PersonAsked(size_t at, int want) const {
  const size_t w = WordAt(at);
  if (w >= words_.size() || words_[w].sent == 0) return {};
  size_t v = w + 1;
  while (v < words_.size() && (words_[v].lower == "then" || lex::In(lex::kCueAdverbs, words_[v].lower))) ++v;
  if (v >= words_.size()) return {};
  const std::string& verb = words_[v].lower;
  if (!lex::In(lex::kReportingVerbsAnswer, verb)) return {};
  // The question's cue in the sentence before, its object the one asked
  // (only the latest "asked" counts).
  const size_t prev = words_[w].sent - 1;
  for (size_t k = w; k-- > 0 && words_[k].sent >= prev;) {
    if (words_[k].sent != prev || InQuote(k) || !lex::In(lex::kReportingVerbsQuestion, words_[k].lower)) continue;
    const int m = k + 1 < words_.size() ? words_[k + 1].mention : -1;
    if (m < 0 || (*entities_)[m].type != "PERSON") return {};
    const Speaker s = FromMention(static_cast<size_t>(m));
    return Agrees(s.id, want) ? s : Speaker{};
  }
  return {};
}

// What an epithet ("the 24-year-old", "the company") refers to: like a
// pronoun, a recent sentence's subject first, then the latest mention.
// An organisation named earlier in the epithet's own sentence comes first,
// wherever it stands ("Acme's shares fell after the company said", "in a
// statement on the Acme website, the company said").
Speaker Finder::Referent(size_t at, std::string_view type, bool place) const {
  if (type == "ORG") {
    Speaker same = InSentenceBefore(at, type);
    if (same.found) return same;
  }
  Speaker s = SentenceSubject(at, type, 0);
  return s.found ? s : Recent(at, type, place);
}

// The latest mention of `type` in the sentence of `at`, before it.
Speaker Finder::InSentenceBefore(size_t at, std::string_view type) const {
  const size_t w = WordAt(at);
  if (w >= words_.size()) return {};
  for (size_t k = w; k-- > 0 && words_[k].sent == words_[w].sent;) {
    const int m = words_[k].mention;
    if (m < 0 || InQuote(k)) continue;
    if ((*entities_)[m].type != type || platform_[m]) continue;
    return FromMention(static_cast<size_t>(m));
  }
  return {};
}

// Gender evidence of an entity agrees with the pronoun's (+1 he, -1
// she); no evidence agrees with both.
bool Finder::Agrees(const std::string& id, int want) const {
  if (want != 0 && outlets_.contains(id)) return false;
  auto it = gender_.find(id);
  if (it == gender_.end() || it->second == 0) return true;
  return (it->second > 0) == (want > 0);
}

bool Finder::SubjectPosition(size_t w) const {
  {
    // "Renault's Dacia plant": a possessor is not the subject.
    const int m = words_[w].mention;
    size_t end = w;
    while (end < words_.size() && m >= 0 && words_[end].mention == m) ++end;
    if (end < words_.size() && (words_[end].lower == "'s" || words_[end].lower == "'")) return false;
  }
  if (w == 0) return true;
  // "on the Airbus website": after a preposition and its determiner.
  if (w >= 2 && lex::In(lex::kDeterminersDefinite, words_[w - 1].lower) &&
      (lex::In(lex::kPrepositionsObject, words_[w - 2].lower) || words_[w - 2].lower == "in")) {
    return false;
  }
  const std::string& prev = words_[w - 1].lower;
  const int m = words_[w].mention;
  size_t end = w;
  while (end < words_.size() && words_[end].mention == m) ++end;
  // "Renault's Dacia plant": a possessor is not the subject.
  if (end < words_.size() && (words_[end].lower == "'s" || words_[end].lower == "'")) return false;
  return !(lex::In(lex::kPrepositionsObject, prev) || prev == "in" || prev == "than" || prev == "'s" ||
           prev == "'" || lex::In(lex::kReportingVerbsCue, prev));
}

// True when the mention at word `w` is followed by ", who": the writer
// sets the person up with a relative clause.
bool Finder::Introduced(size_t w) const {
  const int m = words_[w].mention;
  size_t after = w;
  while (after < words_.size() && words_[after].mention == m) ++after;
  return after + 1 < words_.size() && words_[after].lower == "," && words_[after + 1].lower == "who" &&
         words_[after + 1].sent == words_[w].sent;
}

Speaker Finder::SentenceSubject(size_t at, std::string_view type, int want) const {
  const size_t w = WordAt(at);
  if (w >= words_.size()) return {};
  const size_t sent = words_[w].sent;
  size_t i = w;
  size_t reach = kAntecedentSentences;
  for (size_t back = 0; back < reach; ++back) {
    const size_t target = sent >= back ? sent - back : 0;
    if (back > 0 && sent < back) break;
    // Start of the target sentence.
    while (i > 0 && words_[i - 1].sent >= target) --i;
    if (words_[i].para + 1 < words_[w].para) break;
    // "Jones said X. He talked about their Acme apps. He said …": a
    // sentence opened by the same pronoun continues the chain; its
    // later names are not the subject, the antecedent lies further back.
    if (back > 0 && want != 0 && OpensWithPronoun(i, want)) {
      ++reach;
      continue;
    }
    for (size_t k = i; k < words_.size() && words_[k].sent == target && k < w; ++k) {
      const int m = words_[k].mention;
      if (m < 0 || InQuote(k) || (k > 0 && words_[k - 1].mention == m)) continue;
      const EntityMention& e = (*entities_)[m];
      // "For Kevin Allton, an instructor, Warhol was a legend. He said …":
      // the person a sentence opens with as its topic is what it is about.
      const bool topic = k == i + 1 && words_[i].lower == "for" && e.type == "PERSON";
      // "The move comes as a surprise to Acme's Jo Reyes, who produced the
      // film. "…," he said.": a person a sentence before introduces with a
      // relative clause is whom the next quotation's pronoun follows.
      const bool introduced = back > 0 && e.type == "PERSON" && Introduced(k);
      // "An email from Burkhardt & Associates advises …: "…," it said.": a
      // document opening its sentence is what "it" refers to, and its author
      // speaks for it.
      const bool document_from = type == "ORG" && k >= i + 2 && k <= i + 3 && words_[k - 1].lower == "from" &&
                                 lex::In(lex::kDocumentNounsStatement, words_[k - 2].lower) &&
                                 (k == i + 2 || lex::In(lex::kDeterminersAnonymous, words_[i].lower) ||
                                  lex::In(lex::kDeterminersDefinite, words_[i].lower));
      if (e.type != type || platform_[m] || (!topic && !introduced && !document_from && !SubjectPosition(k))) {
        continue;
      }
      // "Qeshm Governor Heydar Alishvandi said": a name before a title and
      // the person it titles places the person; it is not the subject.
      if (type == "PERSON" && RoleThenName(k, words_.size())) continue;
      const size_t p = words_[k].para;
      if (p < paragraph_caption_.size() && paragraph_caption_[p]) continue;
      // "The third candidate, Ezra Pine, …": the name in apposition
      // renames the description, whatever the description was linked to.
      size_t after = k;
      while (after < words_.size() && words_[after].mention == m) ++after;
      if (after + 1 < words_.size() && words_[after].lower == "," &&
          lex::In(lex::kDeterminersDefinite, words_[k].lower)) {
        const int renamed = words_[after + 1].mention;
        if (renamed >= 0 && renamed != m && (*entities_)[renamed].type == "PERSON" &&
            (want == 0 || Agrees((*entities_)[renamed].entity, want))) {
          return FromMention(static_cast<size_t>(renamed));
        }
      }
      if (want != 0 && !Agrees(e.entity, want)) continue;
      // "Grell and Jan Vos both pointed to …. "…," he said.": two people
      // fit; the pronoun stays unresolved (found, with no name).
      if (want != 0 && after + 1 < words_.size() && words_[after].lower == "and") {
        const int other = words_[after + 1].mention;
        if (other >= 0 && other != m && (*entities_)[other].type == "PERSON" &&
            (*entities_)[other].entity != e.entity && Agrees((*entities_)[other].entity, want)) {
          Speaker unresolved;
          unresolved.type = "PERSON";
          unresolved.found = true;
          return unresolved;
        }
      }
      return FromMention(static_cast<size_t>(m));
    }
  }
  return {};
}

// "The sources claimed …. They also said …": a crowd opening one of the
// two sentences before `at` (before any name) is what "they" refers to;
// so is one opening the pronoun's own sentence before it, after a short
// introductory phrase, a name as its modifier ("On May 9, Scientology
// officials went to the station, where they claimed …").
Speaker Finder::CollectiveSubject(size_t at) const {
  const size_t w = WordAt(at);
  if (w >= words_.size()) return {};
  size_t i = w;
  while (i > 0 && words_[i - 1].sent == words_[w].sent) --i;
  size_t k = i;
  while (k < w && k < i + kIntroMaxWords && words_[k].lower != ",") ++k;
  if (k < w && words_[k].lower == ",") i = k + 1;
  for (k = i; k < w && k < i + 4; ++k) {
    if (words_[k].punct || InQuote(k)) break;
    if (words_[k].mention >= 0) continue;
    if (lex::In(lex::kCollectives, words_[k].lower)) return Anonymous(i, k);
    if (k > i) break;  // "the", or a name, then the crowd's noun
  }
  i = w;
  for (size_t back = 1; back <= 2 && words_[w].sent >= back; ++back) {
    const size_t target = words_[w].sent - back;
    while (i > 0 && words_[i - 1].sent >= target) --i;
    if (words_[i].sent != target) break;
    for (size_t k = i; k < words_.size() && words_[k].sent == target && k < i + 4; ++k) {
      if (words_[k].mention >= 0 || words_[k].punct || InQuote(k)) break;
      if (lex::In(lex::kCollectives, words_[k].lower)) return Anonymous(i, k);
    }
  }
  // ("Protests will go on, with activists calling for roads to be blocked.
  // They say …": a crowd a "with" clause of the sentence before makes the
  // subject of its participle.)
  if (words_[w].sent == 0) return {};
  size_t first = w;
  while (first > 0 && words_[first - 1].sent >= words_[w].sent - 1) --first;
  for (size_t k = first; k + 2 < w && words_[k].sent == words_[w].sent - 1; ++k) {
    if (InQuote(k) || words_[k].lower != "with" || !lex::In(lex::kCollectives, words_[k + 1].lower)) continue;
    const std::string& next = words_[k + 2].lower;
    if (next.size() > 4 && next.ends_with("ing") && !words_[k + 2].cap) return Anonymous(k + 1, k + 1);
  }
  return {};
}

// "Mark and Condon have axed the monologue. They said …": two people
// joined by "and" opening one of the kAntecedentSentences - 1 sentences
// before `at` (or its own, before it) are what "they" refers to, named
// together; none otherwise.
Speaker Finder::CoordinatedSubject(size_t at) const {
  const size_t w = WordAt(at);
  if (w >= words_.size()) return {};
  const size_t sent = words_[w].sent;
  size_t i = w;
  for (size_t back = 0; back < kAntecedentSentences && back <= sent; ++back) {
    while (i > 0 && words_[i - 1].sent >= sent - back) --i;
    if (words_[i].sent != sent - back || words_[i].para + 1 < words_[w].para) break;
    const int m1 = words_[i].mention;
    if (m1 < 0 || (*entities_)[m1].type != "PERSON" || InQuote(i)) continue;
    size_t k = i;
    while (k < w && words_[k].mention == m1) ++k;
    if (k + 1 >= w || words_[k].lower != "and") continue;
    const int m2 = words_[k + 1].mention;
    if (m2 < 0 || (*entities_)[m2].type != "PERSON" || (*entities_)[m2].entity == (*entities_)[m1].entity) continue;
    size_t e = k + 1;
    while (e < w && words_[e].mention == m2) ++e;
    if (e >= w || words_[e].punct || words_[e].cap) continue;  // the pair's verb comes next
    Speaker s;
    s.name = FromMention(static_cast<size_t>(m1)).name + " and " + FromMention(static_cast<size_t>(m2)).name;
    s.type = "PERSON";
    s.found = true;
    return s;
  }
  return {};
}

// True when the sentence starting at word `i` opens with he (`want` +1)
// or she (-1), after an introductory phrase at most.
bool Finder::OpensWithPronoun(size_t i, int want) const {
  const std::string_view p = want > 0 ? "he" : "she";
  for (size_t k = i; k < words_.size() && words_[k].sent == words_[i].sent && k < i + kIntroMaxWords; ++k) {
    if (words_[k].mention >= 0 && !InQuote(k)) return false;
    if (words_[k].lower == p) return true;
  }
  return false;
}

// True when the unnamed speaker `s` is one person news quotes by a tie to
// the event (lexicons/witness_nouns.txt) or as a source: a singular
// determiner and such a noun ("a neighbour", "one friend", "the source"),
// not a crowd ("officials"), a body or a document ("a recording").
bool Finder::OnePersonDescribed(const Speaker& s) {
  if (!s.id.empty() || !s.type.empty()) return false;
  const std::string name = AsciiLower(s.name);
  const size_t first_end = name.find(' ');
  if (first_end == std::string::npos) return false;
  const std::string first = name.substr(0, first_end);
  const std::string head = name.substr(name.rfind(' ') + 1);
  if (first != "a" && first != "an" && first != "one" && first != "the" && first != "another") return false;
  return lex::In(lex::kWitnessNouns, head) ||
         (lex::In(lex::kUnnamedSourcesHead, head) && !head.ends_with("s") && head != "people");
}

// The latest speaker of a report in the sentence before the one at `at`
// that pronoun `p` fits: he or she a person of that gender (by the
// article's evidence, or the person noun a description or an organisation
// spoke through), it an organisation, they a group or an organisation.
Speaker Finder::LastReporter(std::string_view p, size_t at) const {
  const size_t w = WordAt(at);
  if (w >= words_.size() || words_[w].sent == 0) return {};
  const size_t prev = words_[w].sent - 1;
  // The latest report of the sentences before (as far back as a pronoun's
  // antecedent reaches): "…, Navy spokesperson said. The Navy flew its
  // commandos to the ship. MV Gibe was escorted to safety, he added." A
  // report before the previous sentence counts only when no person is
  // named between it and the pronoun's sentence.
  const size_t oldest = prev >= kAntecedentSentences - 1 ? prev - (kAntecedentSentences - 1) : 0;
  const std::pair<size_t, Speaker>* best = nullptr;
  for (const auto& r : reports_) {
    if (r.first < words_.size() && words_[r.first].sent <= prev && words_[r.first].sent >= oldest &&
        (best == nullptr || r.first > best->first)) {
      best = &r;
    }
  }
  // ("“…,” the officer said. He said …": the direct quotations are read
  // after the reports, so a description that spoke one in the sentence
  // before is found from the words.)
  // ("“…,” said an officer. INS Mysore reached the spot. … “…,” he said.":
  // further back too, while no report is closer and no person is named
  // outside quotation marks in between.)
  if ((p == "he" || p == "she") && (best == nullptr || words_[best->first].sent != prev)) {
    size_t k = w;
    for (size_t back = 0; back < kDescriptionSentences && back <= prev; ++back) {
      const size_t sent = prev - back;
      if (best != nullptr && words_[best->first].sent > sent) break;
      Speaker described = DirectDescription(sent);
      if (described.found) return described;
      bool named = false;
      while (k > 0 && words_[k - 1].sent >= sent) {
        --k;
        const int m = words_[k].mention;
        named = named || (words_[k].sent == sent && m >= 0 && !InQuote(k) && (*entities_)[m].type == "PERSON");
      }
      if (named) break;
    }
  }
  if (best == nullptr || !best->second.found) return {};
  // ("X was asked by Judge Y if [he understood …]. He responded, "Yes."":
  // the one who asked a question does not answer it; the sentence's
  // subject, the one asked, is read below.)
  for (size_t k = best->first; k + 1 < words_.size() && words_[k].sent == words_[best->first].sent; ++k) {
    if (!InQuote(k) && (words_[k].lower == "asked" || words_[k].lower == "asks") &&
        (words_[k + 1].lower == "by" || words_[k + 1].lower == "if" || words_[k + 1].lower == "whether")) {
      return {};
    }
  }
  if (words_[best->first].sent != prev) {
    for (size_t k = best->first; k < w && words_[k].sent < words_[w].sent; ++k) {
      if (words_[k].sent == words_[best->first].sent || InQuote(k)) continue;
      const int m = words_[k].mention;
      if (m >= 0 && (*entities_)[m].type == "PERSON") return {};
    }
  }
  const Speaker& s = best->second;
  if (p == "he" || p == "she") {
    const int want = p == "he" ? 1 : -1;
    std::string noun = s.via;
    if (noun.empty() && s.id.empty()) noun = AsciiLower(s.name.substr(s.name.rfind(' ') + 1));
    if (!noun.empty()) {
      const int g = lex::In(lex::kGenderWordsMale, noun) ? 1 : lex::In(lex::kGenderWordsFemale, noun) ? -1 : 0;
      // "…, Navy spokesperson said. …, he said.": a role of no gender fits
      // either pronoun, for a person or for the body it speaks for.
      // ("A neighbour said …. "…," she said.": so does one unnamed person
      // described by a person noun, unless the pronoun's own sentence names
      // a person before it: "… when King was asked, she told them".)
      bool named_here = false;
      for (size_t k = w; k-- > 0 && words_[k].sent == words_[w].sent && !named_here;) {
        const int m = words_[k].mention;
        named_here = m >= 0 && !InQuote(k) && (*entities_)[m].type == "PERSON";
      }
      const bool described = OnePersonDescribed(s) && !named_here;
      return g == want || (g == 0 && (s.type == "PERSON" || !s.via.empty() || described)) ? s : Speaker{};
    }
    auto it = gender_.find(s.id);
    const bool evidence = it != gender_.end() && it->second != 0;
    // "…, Officer Brian Pennings told the paper. He said [the blood was
    // drawn late]": a pronoun reporting again right after a person's
    // report continues that person's turn, gender evidence or none.
    const bool turn = w + 1 < words_.size() && words_[w + 1].sent == words_[w].sent &&
                      lex::In(lex::kReportingVerbsIndirect, words_[w + 1].lower) &&
                      words_[best->first].sent == prev;
    return s.type == "PERSON" && (evidence || turn) && Agrees(s.id, want) ? s : Speaker{};
  }
  // ("A statement from Waitrose said …. "…," it added.": a name the entity
  // layer typed as a place reports as a body does, and "it" continues its
  // turn.)
  if (p == "it") return (s.type == "ORG" || s.type == "PLACE") && s.via.empty() ? s : Speaker{};
  if (p == "they") return (s.type.empty() && !s.name.empty()) || (s.type == "ORG" && s.via.empty()) ? s : Speaker{};
  return {};
}

Speaker Finder::DirectDescription(size_t sent) const {
  for (size_t c = 3; c < words_.size(); ++c) {
    if (words_[c].sent != sent || InQuote(c) || !lex::In(lex::kReportingVerbsCue, words_[c].lower)) continue;
    // "“…,” said an officer.": the inverted order, the description ending
    // the sentence.
    size_t before = c - 1;
    if (words_[before].lower == "," && before > 0) --before;
    if (IsMark(before) && InQuote(before) && c + 3 < words_.size() && IsTerminal(words_[c + 3].lower)) {
      const std::string& d = words_[c + 1].lower;
      const std::string& h = words_[c + 2].lower;
      if ((d == "the" || d == "a" || d == "an") && !words_[c + 2].cap && words_[c + 2].mention < 0 &&
          lex::In(lex::kPersonNouns, h) && !lex::In(lex::kPersonNounsEpithet, h)) {
        return RoleDescription(c + 1, c + 2);
      }
    }
    const std::string& head = words_[c - 1].lower;
    const std::string& det = words_[c - 2].lower;
    size_t mark = c - 3;
    if (words_[mark].lower == "," && mark > 0) --mark;
    if (!IsMark(mark) || !InQuote(mark) || words_[c - 1].cap || words_[c - 1].mention >= 0) continue;
    if (!lex::In(lex::kPersonNouns, head) || lex::In(lex::kPersonNounsEpithet, head)) continue;
    if (det != "the" && det != "a" && det != "an") continue;
    return RoleDescription(c - 2, c - 1);
  }
  return {};
}

Speaker Finder::RecentAgreeing(size_t before, std::string_view type, int want) const {
  auto it = std::lower_bound(mention_order_.begin(), mention_order_.end(), before,
                             [&](size_t m, size_t v) { return (*entities_)[m].span.start < v; });
  for (size_t looked = 0; it != mention_order_.begin() && looked < kPronounLookback; ++looked) {
    --it;
    const EntityMention& e = (*entities_)[*it];
    if (e.type != type || e.span.end > before || platform_[*it] || MentionInQuote(*it)) continue;
    if (Agrees(e.entity, want)) return FromMention(*it);
  }
  return {};
}

// Gender evidence per entity from the article itself: honorifics (Mr,
// Ms), gendered role nouns next to a name ("spokeswoman Jennifer
// Chelune") and the first he/she after a person who opens a sentence.
void Finder::BuildGender() {
  gender_.clear();
  outlets_.clear();
  for (size_t i = 0; i < words_.size(); ++i) {
    const int m = words_[i].mention;
    if (m < 0 || (i > 0 && words_[i - 1].mention == m) || (*entities_)[m].type != "PERSON") continue;
    const std::string& id = (*entities_)[m].entity;
    // "the Post stated" after "the Washington Post": a one-word name after
    // "the" that names outlets is an outlet the entity layer took for a
    // person; so is a name titled by an organisation noun ("cruise
    // operator Hapag-Lloyd"). They are organisations here, and "he" and
    // "she" never refer to them.
    const bool outlet = i > 0 && words_[i - 1].lower == "the" &&
                        (i + 1 >= words_.size() || words_[i + 1].mention != m) &&
                        lex::In(lex::kNewsOutletWords, words_[i].lower);
    const bool titled = i > 0 && !words_[i - 1].cap && lex::In(lex::kOrgNameTitles, words_[i - 1].lower);
    if (outlet || titled) outlets_.insert(id);
    // The mention's first word is a title ("Queen Elizabeth", "Mrs
    // McMeekin") only before another word: a one-word mention is the name
    // itself ("King said", a surname, is not a king).
    const std::string& text = (*entities_)[m].text;
    const std::string first = text.find(' ') == std::string::npos ? "" : AsciiLower(text.substr(0, text.find(' ')));
    const std::string& prev = i > 0 ? words_[i - 1].lower : first;
    int vote = 0;
    // "His wife, Gudrun," and "Gudrun, his wife,": a gendered noun in
    // apposition before or after the name.
    std::string before_comma, after_comma;
    if (i >= 2 && prev == "," && !InQuote(i - 2)) before_comma = words_[i - 2].lower;
    size_t j = i;
    while (j + 1 < words_.size() && words_[j + 1].mention == m) ++j;
    if (j + 3 < words_.size() && words_[j + 1].lower == ",") {
      const bool det = words_[j + 2].lower == "his" || words_[j + 2].lower == "her" || words_[j + 2].lower == "the";
      after_comma = words_[det ? j + 3 : j + 2].lower;
    }
    for (const std::string& w : {prev, first, before_comma, after_comma}) {
      vote += lex::In(lex::kGenderWordsMale, w) ? 2 : lex::In(lex::kGenderWordsFemale, w) ? -2 : 0;
    }
    // "Detective Dominic Mangoni, testifying at Hiller's hearing, said he
    // asked …": the subject pronoun right after the person's own verb of
    // saying is the person (news writes "said he" of the speaker), whoever
    // an apposition between names.
    size_t verb = j + 1;
    if (verb < words_.size() && words_[verb].lower == "," && !InQuote(verb)) {
      size_t close = verb + 1;
      while (close < words_.size() && close <= verb + kAppositiveWords && words_[close].lower != "," &&
             words_[close].sent == words_[i].sent && !InQuote(close)) {
        ++close;
      }
      verb = close < words_.size() && words_[close].lower == "," ? close + 1 : words_.size();
    }
    if (verb + 1 < words_.size() && words_[verb + 1].sent == words_[i].sent && !InQuote(verb + 1) &&
        lex::In(lex::kReportingVerbsIndirect, words_[verb].lower) && !words_[verb].lower.ends_with("ing")) {
      if (words_[verb + 1].lower == "he") vote += 1;
      if (words_[verb + 1].lower == "she") vote -= 1;
    }
    if (i == 0 || words_[i - 1].sent != words_[i].sent || !InQuote(i)) {
      // The first third-person pronoun after the sentence's first person.
      for (size_t k = i + 1; k < words_.size() && words_[k].sent == words_[i].sent; ++k) {
        if (InQuote(k)) continue;
        if (words_[k].mention >= 0 && words_[k].mention != m &&
            (*entities_)[words_[k].mention].type == "PERSON") {
          break;
        }
        const std::string& w = words_[k].lower;
        // Subject and reflexive pronouns and "his" corefer with the
        // subject; "him" and "her" are as often someone else.
        if (w == "he" || w == "his" || w == "himself") { vote += 1; break; }
        if (w == "she" || w == "herself") { vote -= 1; break; }
        if (w == "him" || w == "her" || w == "they" || w == "them") break;
      }
    }
    gender_[id] += vote;
  }
  // A common given name (lexicons/first_names.txt) settles an entity the
  // article gives no evidence for ("Howard Hughes also pursued Page. "…,"
  // she said." is not Hughes's); the article's own evidence outweighs it.
  std::unordered_map<std::string, int> named;
  for (const EntityMention& e : *entities_) {
    if (e.type != "PERSON" || outlets_.contains(e.entity)) continue;
    std::string_view text = e.text;
    while (!text.empty()) {
      const size_t sp = text.find(' ');
      const std::string word = AsciiLower(text.substr(0, sp));
      text = sp == std::string_view::npos ? std::string_view() : text.substr(sp + 1);
      if (TitleWord(word) > 0) continue;
      named[e.entity] += lex::In(lex::kFirstNamesMale, word) ? 1 : lex::In(lex::kFirstNamesFemale, word) ? -1 : 0;
      break;
    }
  }
  for (const auto& [id, vote] : named) {
    int& g = gender_[id];
    if (g == 0 && vote != 0) g = vote > 0 ? 1 : -1;
  }
}

}  // namespace storyline::quote_finder
