// quote_title.cc: quotations in a headline, attributed from the body. A
// headline quotes in marks ("'We will not close a single library,' Esker
// mayor vows"; "aide tells court he "never saw a bribe"") or reports without
// them ("Cardell levy vote will go ahead, Whitlock says"); its speaker is
// the body's: the speaker of the body quotation with the same words, else
// the body entity the headline names ("Whitlock", "Kade Mulvey's fury"),
// else the person the headline's role noun describes in the body ("adviser
// says" -> "Ellis Varga, a senior adviser").
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "core/lexicon.h"
#include "extract/quote_finder.h"
#include "extract/quote_marks.h"
#include "extract/quotes.h"

namespace storyline {
namespace {

namespace lex = storyline::lexicon;
using quote_finder::AsciiLower;
using quote_finder::DecodeAt;

// Words a headline quotation shares with a body quotation, in a row, for
// the two to be the same words ("We will not close a single library").
constexpr size_t kSameWords = 3;
// Code points between a role noun and the name it describes in the body
// ("Ellis Varga, a senior adviser", "Esker's mayor, Hildegard Voss").
constexpr size_t kRoleReach = 24;
// Words after a headline's last comma that may hold its attribution
// (", adviser says", ", Esker mayor vows").
constexpr size_t kAttributionWords = 4;

struct TitleWord {
  std::string lower;  // ASCII-lower-cased, outer punctuation and "'s" removed
  size_t start = 0;   // code points
  size_t end = 0;
  bool cap = false;
};

bool IsAlnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c > 0x7F;
}

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out.push_back(DecodeAt(s, &i));
  return out;
}

std::string Encode(const std::u32string& cps, size_t a, size_t b) {
  std::string out;
  for (size_t i = a; i < b && i < cps.size(); ++i) {
    const char32_t c = cps[i];
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::vector<TitleWord> Words(const std::u32string& cps) {
  std::vector<TitleWord> out;
  for (size_t i = 0; i < cps.size();) {
    while (i < cps.size() && !IsAlnum(cps[i])) ++i;
    size_t e = i;
    while (e < cps.size() && (IsAlnum(cps[e]) || ((cps[e] == U'-' || cps[e] == U'\'' || cps[e] == U'\u2019') &&
                                                  e + 1 < cps.size() && IsAlnum(cps[e + 1])))) {
      ++e;
    }
    if (e > i) {
      TitleWord w;
      w.start = i;
      w.end = e;
      w.lower = AsciiLower(Encode(cps, i, e));
      if (w.lower.size() > 2 && w.lower.ends_with("'s")) w.lower.resize(w.lower.size() - 2);
      w.cap = cps[i] >= U'A' && cps[i] <= U'Z';
      out.push_back(std::move(w));
    }
    i = e;
  }
  return out;
}

// The longest mention text of each entity: the name a speaker is given.
std::string Canonical(const std::vector<EntityMention>& entities, const std::string& id) {
  std::string best;
  for (const EntityMention& m : entities) {
    if (m.entity == id && m.text.size() > best.size() && !(m.text[0] >= 'a' && m.text[0] <= 'z')) best = m.text;
  }
  return best;
}

// The body quotation holding the headline quotation's words in a row.
const Quote* SameWords(const std::vector<TitleWord>& words, const std::vector<Quote>& body_quotes) {
  if (words.size() < kSameWords) return nullptr;
  for (const Quote& q : body_quotes) {
    if (q.speaker.empty() && q.speaker_name.empty()) continue;
    const std::vector<TitleWord> bw = Words(Decode(q.text));
    for (size_t s = 0; s + words.size() <= bw.size(); ++s) {
      bool all = true;
      for (size_t k = 0; k < words.size() && all; ++k) all = bw[s + k].lower == words[k].lower;
      if (all) return &q;
    }
  }
  return nullptr;
}

// The body entity a headline word names by its last word ("Whitlock",
// "Mulvey"), words inside [skip_a, skip_b) left out; -1 when none.
int NamedEntity(const std::vector<TitleWord>& words, size_t skip_a, size_t skip_b,
                const std::vector<EntityMention>& entities) {
  for (size_t k = 0; k < words.size(); ++k) {
    if ((words[k].start >= skip_a && words[k].start < skip_b) || !words[k].cap) continue;
    for (size_t m = 0; m < entities.size(); ++m) {
      const EntityMention& e = entities[m];
      if (e.type != "PERSON" && e.type != "ORG") continue;
      const std::string name = AsciiLower(e.text);
      const size_t sp = name.rfind(' ');
      if ((sp == std::string::npos ? name : name.substr(sp + 1)) == words[k].lower) return static_cast<int>(m);
    }
  }
  return -1;
}

// The person a role noun of the headline describes in the body ("adviser"
// -> "Ellis Varga, a senior adviser"): the PERSON mention nearest the
// noun's first use; -1 when none.
int RoleHolder(const std::vector<TitleWord>& words, size_t skip_a, size_t skip_b, const std::string& text,
               const std::vector<EntityMention>& entities) {
  const std::vector<TitleWord> body = Words(Decode(text));
  for (const TitleWord& w : words) {
    if ((w.start >= skip_a && w.start < skip_b) ||
        !(lex::In(lex::kPersonNounsEpithet, w.lower) || lex::In(lex::kPersonNounsRole, w.lower))) {
      continue;
    }
    for (const TitleWord& b : body) {
      if (b.lower != w.lower) continue;
      int best = -1;
      size_t best_gap = kRoleReach + 1;
      for (size_t m = 0; m < entities.size(); ++m) {
        const EntityMention& e = entities[m];
        if (e.type != "PERSON") continue;
        const size_t gap = e.span.end <= b.start ? b.start - e.span.end : e.span.start >= b.end ? e.span.start - b.end
                                                                                                 : kRoleReach + 1;
        if (gap < best_gap) best = static_cast<int>(m), best_gap = gap;
      }
      if (best >= 0) return best;
    }
  }
  return -1;
}

// The headline's cue word outside [skip_a, skip_b), "" when none.
std::string Cue(const std::vector<TitleWord>& words, size_t skip_a, size_t skip_b) {
  for (const TitleWord& w : words) {
    if (w.start >= skip_a && w.start < skip_b) continue;
    if (lex::In(lex::kReportingVerbsCue, w.lower) && w.lower != "according") return w.lower;
  }
  return "";
}

void Attribute(const std::vector<TitleWord>& words, size_t skip_a, size_t skip_b, const std::string& text,
               const std::vector<Quote>& body_quotes, const std::vector<EntityMention>& entities, Quote* q) {
  std::vector<TitleWord> inside;
  for (const TitleWord& w : words) {
    if (w.start >= skip_a && w.start < skip_b) inside.push_back(w);
  }
  if (const Quote* same = SameWords(inside, body_quotes)) {
    q->speaker = same->speaker;
    q->speaker_name = same->speaker_name;
    q->speaker_owner = same->speaker_owner;
    return;
  }
  int m = NamedEntity(words, skip_a, skip_b, entities);
  if (m < 0) m = RoleHolder(words, skip_a, skip_b, text, entities);
  if (m < 0) return;
  q->speaker = entities[static_cast<size_t>(m)].entity;
  q->speaker_name = Canonical(entities, q->speaker);
}

}  // namespace

std::vector<Quote> FindTitleQuotes(const std::string& title, const std::string& text,
                                   const std::vector<Quote>& body_quotes,
                                   const std::vector<EntityMention>& entities) {
  std::vector<Quote> out;
  const std::u32string cps = Decode(title);
  const std::vector<TitleWord> words = Words(cps);
  for (const MarkedSpan& m : PairQuoteMarks(cps)) {
    if (m.nested || m.end <= m.open + 1) continue;
    size_t a = m.open + 1;
    size_t b = m.end;
    while (a < b && cps[a] == U' ') ++a;
    while (b > a && cps[b - 1] == U' ') --b;
    Quote q;
    q.span = {a, b};
    q.text = Encode(cps, a, b);
    size_t n = 0;
    for (const TitleWord& w : words) n += w.start >= a && w.start < b;
    // A title of a work or a scare quote ("The Pitch Room") is no
    // quotation: a headline quotes a clause, or words a cue reports.
    const std::string cue = Cue(words, a, b);
    const char32_t last = cps[b - 1];
    const bool sentence = last == U'!' || last == U'?' || last == U',' || last == U'.' || n > kSameWords;
    if (n == 0 || (!sentence && cue.empty())) continue;
    size_t p = m.open;
    while (p > 0 && cps[p - 1] == U' ') --p;
    q.kind = p > 0 && IsAlnum(cps[p - 1]) ? "partial" : "direct";
    q.cue = cue;
    Attribute(words, a, b, text, body_quotes, entities, &q);
    out.push_back(std::move(q));
  }
  if (!out.empty()) return out;
  // "Cardell levy vote will go ahead, Whitlock says": the report before
  // the headline's last comma, when a cue ends the headline.
  const size_t comma = cps.rfind(U',');
  if (comma == std::u32string::npos || words.empty()) return out;
  size_t after = 0;
  for (const TitleWord& w : words) after += w.start > comma;
  if (after == 0 || after > kAttributionWords || !lex::In(lex::kReportingVerbsIndirect, words.back().lower)) {
    return out;
  }
  size_t before = 0;
  for (const TitleWord& w : words) before += w.start < comma;
  if (before < kSameWords) return out;
  Quote q;
  q.span = {0, comma};
  q.text = Encode(cps, 0, comma);
  q.kind = "indirect";
  q.cue = words.back().lower;
  Attribute(words, 0, comma, text, body_quotes, entities, &q);
  out.push_back(std::move(q));
  return out;
}

}  // namespace storyline
