#include "stories/story_entities.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <numeric>
#include <string_view>
#include <tuple>

#include "core/lexicon.h"
#include "stories/text_features.h"
#include "stories/view_util.h"

namespace storyline::stories {
namespace {

// Names longer than this many words are tagger noise (a run of capitalised
// headline words); they are indexed whole only, so indexing stays linear.
constexpr size_t kMaxNameWords = 6;

// Role nouns read before a mention ("creative director Jane Doe") stop
// after this many words: a title is rarely longer ("former chief executive
// officer"), and further words belong to other phrases.
constexpr size_t kRoleWordsBefore = 4;
// ... and in an appositive after it ("Jane Doe, the brand's creative
// director of ten years,"): the description's head is within its first words.
constexpr size_t kRoleWordsAfter = 6;

// Words shorter than OneLetterVariant's shorter side are never variants,
// so they are not indexed.
constexpr size_t kMinVariantWord = 4;
// A name word two people share in JoinSoundAlikes: three letters ("Tom",
// "Ian"); shorter ones are initials and nicknames, which many share.
constexpr size_t kMinSharedNameWord = 3;

// Weight of a shared role noun against a shared neighbour name: a role is
// specific to a person, while most names of a story appear beside many.
constexpr size_t kRoleWeight = 2;

// General role and occupation nouns of news writing (no names),
// lexicons/person_nouns.txt tag "role". A shared one is evidence that two
// spellings are one person; disjoint sets are evidence of two people.
bool IsRoleNoun(std::string_view folded) { return lexicon::In(lexicon::kPersonNounsRole, folded); }

// A person's name without the honorifics and person nouns a tagger took in
// front of it ("Dr Priya Ramasamy", "Student Saoirse Delany" at a
// sentence's start): "Priya Ramasamy". Two words are always kept, and a
// title that is part of a name ("Queen Elizabeth") stays.
std::string WithoutLeadingTitles(const std::string& name) {
  std::vector<std::string> words;
  for (size_t at = 0; at < name.size();) {
    const size_t end = std::min(name.find(' ', at), name.size());
    if (end > at) words.push_back(name.substr(at, end - at));
    at = end + 1;
  }
  size_t drop = 0;
  while (words.size() - drop > 2) {
    std::string folded = FoldCase(words[drop]);
    if (folded.ends_with(".")) folded.pop_back();
    // A knighthood or damehood ("Sir Alasdair Fenwick") is written before
    // some mentions of a name and left out of others.
    const bool knighted = folded == "sir" || folded == "dame";
    const bool title = knighted || lexicon::In(lexicon::kHonorifics, folded) ||
                       ((lexicon::In(lexicon::kPersonNounsRoleHead, folded) ||
                         lexicon::In(lexicon::kPersonNounsDescription, folded) ||
                         lexicon::In(lexicon::kPersonNounsEpithet, folded)) &&
                        !lexicon::In(lexicon::kPersonNounsTitle, folded));
    if (!title) break;
    ++drop;
  }
  if (drop == 0) return name;
  std::string out;
  for (size_t i = drop; i < words.size(); ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

// The name a person is known by among `surfaces`: `name` without leading
// titles, or, when that is an honorific and a surname ("Mr Fallon"), the
// full name with that surname the article also gives ("Derek Fallon").
std::string PersonName(const std::string& name, const std::map<std::string, size_t>& surfaces) {
  const std::string bare = WithoutLeadingTitles(name);
  const auto honorific_first = [](const std::string& n) {
    std::string first = FoldCase(n.substr(0, n.find(' ')));
    if (first.ends_with(".")) first.pop_back();
    return lexicon::In(lexicon::kHonorifics, first);
  };
  const auto last_word = [](const std::string& n) { return n.substr(n.rfind(' ') + 1); };
  if (!honorific_first(bare) || bare.find(' ') == std::string::npos) return bare;
  std::string best;
  for (const auto& [surface, count] : surfaces) {
    const std::string s = WithoutLeadingTitles(CollapseWhitespace(surface));
    if (s.find(' ') == std::string::npos || honorific_first(s) || last_word(s) != last_word(bare)) continue;
    if (s.size() > best.size()) best = s;
  }
  return best.empty() ? bare : best;
}

// Function words that acronyms skip ("Bank of England" -> "BOE" or "BE"),
// lexicons/acronym_fillers.txt.
bool IsAcronymFiller(std::string_view folded) { return lexicon::In(lexicon::kAcronymFillers, folded); }

// Legal-form and grouping words that follow an organisation's name without
// making it another organisation ("Chrysler LLC", "Apple Inc."),
// lexicons/org_suffixes.txt tag "legal".
bool IsCorporateSuffix(std::string_view key_word) { return lexicon::In(lexicon::kOrgSuffixesLegal, key_word); }

std::vector<std::string> SplitWords(const std::string& key) {
  std::vector<std::string> words;
  for (size_t b = 0, e = 0; b < key.size(); b = e + 1) {
    e = key.find(' ', b);
    if (e == std::string::npos) e = key.size();
    if (e > b) words.push_back(key.substr(b, e - b));
  }
  return words;
}

std::u32string CodePoints(const std::string& s) {
  std::u32string out;
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(s.size(), INT32_MAX));
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    out.push_back(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
  }
  return out;
}

std::string Utf8(const std::u32string& s) {
  icu::UnicodeString u;
  for (char32_t c : s) u.append(static_cast<UChar32>(c));
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Optimal string alignment distance, stopping early above 1.
bool WithinOneEdit(const std::u32string& a, const std::u32string& b) {
  if (a.size() == b.size()) {
    size_t first = 0;
    while (first < a.size() && a[first] == b[first]) ++first;
    if (first == a.size()) return true;
    if (a.substr(first + 1) == b.substr(first + 1)) return true;  // substitution
    return first + 1 < a.size() && a[first] == b[first + 1] && a[first + 1] == b[first] &&
           a.substr(first + 2) == b.substr(first + 2);  // swap of neighbours
  }
  const std::u32string& shorter = a.size() < b.size() ? a : b;
  const std::u32string& longer = a.size() < b.size() ? b : a;
  if (longer.size() != shorter.size() + 1) return false;
  size_t first = 0;
  while (first < shorter.size() && shorter[first] == longer[first]) ++first;
  return shorter.substr(first) == longer.substr(first + 1);
}

// Two words of at least kMinVariantWord letters that differ only by a swap
// of two neighbouring letters.
bool SwappedNeighbours(const std::string& a, const std::string& b) {
  const std::u32string x = CodePoints(a), y = CodePoints(b);
  if (x.size() != y.size() || x.size() < kMinVariantWord || x == y) return false;
  size_t first = 0;
  while (first < x.size() && x[first] == y[first]) ++first;
  return first + 1 < x.size() && x[first] == y[first + 1] && x[first + 1] == y[first] &&
         x.substr(first + 2) == y.substr(first + 2);
}

// Two names of two or more words, equal but for one word with two
// neighbouring letters swapped: a typist's slip, not another person (a
// changed letter can be another name: "Maria" / "Mario").
bool SwappedInFullName(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() < 2 || a.size() != b.size()) return false;
  size_t swapped = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (!SwappedNeighbours(a[i], b[i])) return false;
    ++swapped;
  }
  return swapped == 1;
}

bool AllLetters(const std::u32string& s) {
  return std::all_of(s.begin(), s.end(), [](char32_t c) { return u_isalpha(static_cast<UChar32>(c)); });
}

// The word with each one code point removed, and itself: two words one edit
// apart always share one of these (the deletion neighbourhood).
std::vector<std::string> Deletions(const std::string& word) {
  const std::u32string cps = CodePoints(word);
  std::vector<std::string> out = {word};
  for (size_t i = 0; i < cps.size(); ++i) out.push_back(Utf8(cps.substr(0, i) + cps.substr(i + 1)));
  return out;
}

// True when the words of `shorter` are a run of the words of `longer` in
// which exactly one word is a one-letter variant and the others are equal.
bool VariantRun(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  if (shorter.empty() || shorter.size() > longer.size()) return false;
  for (size_t off = 0; off + shorter.size() <= longer.size(); ++off) {
    size_t variants = 0;
    bool ok = true;
    for (size_t i = 0; i < shorter.size() && ok; ++i) {
      if (shorter[i] == longer[off + i]) continue;
      // Beside an equal word, a short word with two neighbours swapped is a
      // typo too ("Neville Osei" / "Neville Osie").
      ok = ++variants == 1 && (OneLetterVariant(shorter[i], longer[off + i]) ||
                               (shorter.size() > 1 && SwappedNeighbours(shorter[i], longer[off + i])));
    }
    if (ok && variants == 1) return true;
  }
  return false;
}

std::string StripPossessive(std::string s) {
  for (std::string_view end : {std::string_view("'s"), std::string_view("\xE2\x80\x99s"),
                               std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
    if (s.size() > end.size() && s.ends_with(end)) {
      s.resize(s.size() - end.size());
      break;
    }
  }
  return s;
}

size_t WordCount(const std::string& s) { return SplitWords(CollapseWhitespace(s)).size(); }

// A name rather than a description: after an optional leading "the", its
// first and last words are capitalised ("the Air Force", "Apple Inc."), where
// the language layer's epithets are not ("the young computer maker", "the
// Delco parts group"). Descriptions never group entities across articles.
bool IsNameForm(const std::string& surface) {
  std::string s = StripPossessive(CollapseWhitespace(surface));
  if (s.starts_with("the ") || s.starts_with("The ")) s = s.substr(4);
  const std::vector<WordToken> words = Tokenize(s);
  if (words.empty()) return false;
  auto named = [](const WordToken& w) {
    return w.capitalised || !w.has_letter;  // "Boeing 787" ends in a number
  };
  return named(words.front()) && named(words.back());
}

// True when `short_key` names the same thing as one of `long_keys`: any
// run of a person's name ("Kim", "Kardashian"); for anything else the
// name's end after modifiers ("U.S. Air Force" -> "Air Force") or its start
// before legal-form words only ("Chrysler LLC" -> "Chrysler"), because
// "Boeing Commercial Airplanes" and "United States Senate" are other bodies.
bool SubnameFits(const std::string& short_key, const std::set<std::string>& long_keys, bool person) {
  const std::vector<std::string> sw = SplitWords(short_key);
  for (const std::string& key : long_keys) {
    const std::vector<std::string> lw = SplitWords(key);
    if (lw.size() <= sw.size()) continue;
    for (size_t off = 0; off + sw.size() <= lw.size(); ++off) {
      if (!std::equal(sw.begin(), sw.end(), lw.begin() + static_cast<std::ptrdiff_t>(off))) continue;
      if (person || off + sw.size() == lw.size()) return true;
      if (off == 0 && std::all_of(lw.begin() + static_cast<std::ptrdiff_t>(sw.size()), lw.end(),
                                  [](const std::string& w) { return IsCorporateSuffix(w); })) {
        return true;
      }
    }
  }
  return false;
}

// Role nouns in the words right before the mention (same clause, no other
// name in between) and in an appositive right after it.
void ReadRoles(const TextView& view, const Span& sentence, const Span& mention, std::set<std::string>* roles) {
  std::string before = view.Slice(sentence.start, mention.start);
  while (!before.empty() && (before.back() == ' ' || before.back() == '\n')) before.pop_back();
  if (!before.empty() && before.back() == ',') before.pop_back();
  const size_t cut = before.find_last_of(",;:.()\"!?");
  if (cut != std::string::npos) before = before.substr(cut + 1);
  const std::vector<WordToken> prev = Tokenize(before);
  for (size_t i = prev.size(), seen = 0; i > 0 && seen < kRoleWordsBefore; --i, ++seen) {
    const WordToken& t = prev[i - 1];
    if (IsRoleNoun(t.folded)) {
      roles->insert(t.folded);
    } else if (t.capitalised && !t.sentence_initial) {
      break;  // another name: its roles are its own
    }
  }
  std::string after = view.Slice(mention.end, sentence.end);
  size_t lead = 0;
  while (lead < after.size() && after[lead] == ' ') ++lead;
  if (lead >= after.size() || (after[lead] != ',' && after[lead] != '(')) return;
  after = after.substr(lead + 1);
  const size_t stop = after.find_first_of(",;:.()\"!?");
  if (stop != std::string::npos) after.resize(stop);
  const std::vector<WordToken> next = Tokenize(after);
  for (size_t i = 0; i < next.size() && i < kRoleWordsAfter; ++i) {
    if (IsRoleNoun(next[i].folded)) roles->insert(next[i].folded);
  }
}

size_t SentenceOf(const std::vector<Span>& sentences, size_t cp) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), cp,
                             [](size_t v, const Span& s) { return v < s.start; });
  if (it == sentences.begin()) return 0;
  return static_cast<size_t>(it - sentences.begin()) - 1;
}

std::string MajorityType(const std::map<std::string, size_t>& types) {
  std::string best = "OTHER";
  size_t best_count = 0;
  for (const auto& [type, count] : types) {
    if (count > best_count || (count == best_count && TypeRank(type) < TypeRank(best))) {
      best = type;
      best_count = count;
    }
  }
  return best;
}

}  // namespace

std::string NameKey(const std::string& name) {
  std::string s = StripPossessive(CollapseWhitespace(name));
  if (s.size() > 4 && (s.starts_with("the ") || s.starts_with("The ") || s.starts_with("THE "))) s = s.substr(4);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(FoldCase(s));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString d = nfd->normalize(u, status);
    if (U_SUCCESS(status)) u = d;
  }
  icu::UnicodeString kept;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK || c == '.') continue;
    kept.append(c == '-' || c == 0x2010 || c == 0x2011 ? UChar32{' '} : c);
  }
  std::string out;
  kept.toUTF8String(out);
  return CollapseWhitespace(out);
}

std::string LocalKey(const std::string& entity_id, const std::string& text) {
  return entity_id.empty() ? "text:" + NameKey(text) : "id:" + entity_id;
}

std::string CanonicalName(const std::map<std::string, size_t>& surfaces,
                          const std::map<std::string, size_t>& articles, bool person) {
  // Possessive-free forms, with their article and mention counts.
  struct Form {
    bool name = false;
    size_t words = 0;
    bool cased = false;  // not an all-capitals dateline or headline spelling
    size_t articles = 0, mentions = 0;
  };
  std::map<std::string, Form> forms;
  for (const auto& [text, count] : surfaces) {
    const std::string base = StripPossessive(CollapseWhitespace(text));
    if (base.empty()) continue;
    Form& f = forms[base];
    f.name = IsNameForm(base);
    f.words = WordCount(base);
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(base);
    f.cased = f.words < 2 || u != icu::UnicodeString(u).toUpper();
    auto a = articles.find(text);
    f.articles = std::max(f.articles, a == articles.end() ? size_t{1} : a->second);
    f.mentions += count;
  }
  std::string best;
  Form best_form;
  for (const auto& [text, f] : forms) {
    // People: the fullest name (first and last) first; anything else: the
    // name in most articles ("Boeing", not "Boeing Commercial Airplanes"
    // once), the fuller one between equals ("Business of Fashion", "BoF").
    auto rank = [person](const Form& x, const std::string& t) {
      return std::make_tuple(x.name, person ? x.words : 0, x.cased, x.articles, x.words, x.mentions,
                             CountCodePoints(t));
    };
    const auto this_rank = rank(f, text);
    const auto best_rank = rank(best_form, best);
    if (best.empty() || this_rank > best_rank) {
      best = text;
      best_form = f;
    }
  }
  return best.empty() && !surfaces.empty() ? surfaces.begin()->first : best;
}

bool OneLetterVariant(const std::string& a, const std::string& b) {
  constexpr size_t kMinShorter = kMinVariantWord;  // "Jon"/"John" are two names, not a typo
  constexpr size_t kMinLonger = 5;
  if (a == b) return false;
  const std::u32string x = CodePoints(a), y = CodePoints(b);
  if (std::min(x.size(), y.size()) < kMinShorter || std::max(x.size(), y.size()) < kMinLonger) return false;
  if (!AllLetters(x) || !AllLetters(y)) return false;
  return WithinOneEdit(x, y);
}

size_t EntityIndex::Agreement::Score() const {
  return kRoleWeight * shared_roles + shared_neighbours;
}

EntityIndex::EntityIndex(const std::vector<const AnnotatedArticle*>& members) {
  for (size_t ai = 0; ai < members.size(); ++ai) AddArticle(ai, *members[ai]);
  JoinAcronyms();
  JoinSubnames();
  JoinVariants();
  JoinSoundAlikes();
  // A variant may have made a short name's target unique ("Kendal" joined
  // "Kendall Jenner", so "Kendall" now has one candidate).
  JoinSubnames();
}

void EntityIndex::AddArticle(size_t ai, const AnnotatedArticle& a) {
  // Per-article entities first, so the name key sees all of an entity's
  // mentions in this article before it is grouped by name.
  struct Local {
    std::map<std::string, size_t> surfaces, types;
    std::set<std::string> roles;
    size_t mentions = 0;
  };
  std::map<std::string, Local> locals;
  std::vector<std::string> order;
  std::vector<std::pair<size_t, std::string>> sentence_of_local;  // (sentence, local key)
  const TextView view(a);
  const std::vector<Span> whole = {{0, view.cp_length()}};
  const std::vector<Span>& sentences = a.sentences.empty() ? whole : a.sentences;
  for (const EntityMention& m : a.entities) {
    const std::string text = CollapseWhitespace(m.text);
    if (text.empty()) continue;
    const std::string key = LocalKey(m.entity, text);
    auto [it, inserted] = locals.try_emplace(key);
    if (inserted) order.push_back(key);
    ++it->second.surfaces[text];
    ++it->second.types[ContractType(m.type)];
    ++it->second.mentions;
    const size_t s = SentenceOf(sentences, m.span.start);
    ReadRoles(view, sentences[s], m.span, &it->second.roles);
    sentence_of_local.push_back({s, key});
  }
  std::map<std::string, size_t> group_of;
  for (const std::string& key : order) {
    const Local& l = locals[key];
    const bool person = MajorityType(l.types) == "PERSON";
    const std::string name = CanonicalName(l.surfaces, {}, person);
    std::string name_key = NameKey(person ? PersonName(name, l.surfaces) : name);
    if (name_key.empty()) continue;
    // An entity known only by descriptions ("the company") is its own: two
    // articles' "the company" are rarely the same one.
    if (!IsNameForm(name)) {
      name_key.assign(1, '\x01');
      name_key += std::to_string(ai);
      name_key += '\x01';
      name_key += key;
    }
    auto [it, inserted] = by_key_.try_emplace(name_key, groups_.size());
    if (inserted) {
      groups_.emplace_back();
      groups_.back().key = name_key;
      groups_.back().parent = it->second;
    }
    EntityGroup& g = groups_[it->second];
    for (const auto& [s, n] : l.surfaces) {
      g.surfaces[s] += n;
      g.surface_articles[s].insert(ai);
      if (IsNameForm(s)) g.keys.insert(NameKey(person ? WithoutLeadingTitles(s) : s));
    }
    for (const auto& [t, n] : l.types) g.types[t] += n;
    g.roles.insert(l.roles.begin(), l.roles.end());
    g.mentions += l.mentions;
    AddUnique(g.articles, a.article.id);
    g.article_indices.insert(ai);
    local_[{ai, key}] = it->second;
    group_of[key] = it->second;
  }
  // Names in the same sentence are each other's neighbours.
  std::map<size_t, std::set<size_t>> in_sentence;
  for (const auto& [s, key] : sentence_of_local) {
    auto it = group_of.find(key);
    if (it != group_of.end()) in_sentence[s].insert(it->second);
  }
  for (const auto& [s, gs] : in_sentence) {
    for (size_t g : gs) {
      for (size_t h : gs) {
        if (g != h) groups_[g].neighbours.insert(h);
      }
    }
  }
}

bool EntityIndex::TypesCompatible(size_t g, size_t h) const {
  const std::string a = MajorityType(groups_[g].types), b = MajorityType(groups_[h].types);
  if (a == b || a == "OTHER" || b == "OTHER") return true;
  // A name the tagger took for a person that the articles also call "the
  // bank" or "the company" is an organisation's ("Merrin" of "Merrin Bank").
  const auto described_as_org = [&](size_t x) {
    for (const auto& [surface, count] : groups_[x].surfaces) {
      const std::string folded = FoldCase(CollapseWhitespace(surface));
      if (!folded.starts_with("the ")) continue;
      const std::string head = folded.substr(folded.rfind(' ') + 1);
      if (lexicon::In(lexicon::kOrgNounsDescription, head)) return true;
    }
    return false;
  };
  return (a == "ORG" && b == "PERSON" && described_as_org(h)) || (b == "ORG" && a == "PERSON" && described_as_org(g));
}

EntityIndex::Agreement EntityIndex::Compare(size_t g, size_t h) {
  Agreement out;
  const EntityGroup& x = groups_[g];
  const EntityGroup& y = groups_[h];
  for (const std::string& r : x.roles) out.shared_roles += y.roles.count(r);
  out.roles_conflict = !x.roles.empty() && !y.roles.empty() && out.shared_roles == 0;
  std::set<size_t> nx, ny;
  for (size_t n : x.neighbours) nx.insert(Find(n));
  for (size_t n : y.neighbours) ny.insert(Find(n));
  for (size_t n : nx) {
    if (n != g && n != h && ny.count(n)) ++out.shared_neighbours;
  }
  return out;
}

std::optional<size_t> EntityIndex::Choose(size_t g, const std::set<size_t>& candidates, bool need_evidence) {
  size_t best = 0, best_score = 0, second_score = 0;
  bool found = false;
  for (size_t h : candidates) {
    const Agreement agree = Compare(g, h);
    // Disagreeing roles keep a spelling variant apart ("Maria Costa, the
    // architect" / "Mario Costa, the chef"), but not a short name: people
    // have several roles, and a surname alone is how news writes a person
    // the second time.
    if (agree.roles_conflict && need_evidence) continue;
    const size_t score = agree.Score();
    if (!found || score > best_score) {
      if (found) second_score = best_score;
      best = h;
      best_score = score;
      found = true;
    } else {
      second_score = std::max(second_score, score);
    }
  }
  if (!found) return std::nullopt;
  if (need_evidence && best_score == 0) return std::nullopt;
  // Several candidates (conflicting ones included: a conflict is no proof
  // the others are right): only a strictly closer one wins.
  if (candidates.size() > 1 && (best_score == 0 || best_score <= second_score)) return std::nullopt;
  return best;
}

// A name that is one of the names, or whole words of a name, of exactly one
// longer-named entity of a compatible type is that entity ("Brandvold" in
// one article, "Ilse Brandvold" in another); among several, the context
// decides or nothing joins. Shortest names first, so chains end at the most
// specific name.
void EntityIndex::JoinSubnames() {
  const std::unordered_map<std::string, std::vector<size_t>> subnames = SubnameIndex();
  std::vector<size_t> by_length(groups_.size());
  std::iota(by_length.begin(), by_length.end(), 0);
  std::stable_sort(by_length.begin(), by_length.end(), [&](size_t a, size_t b) {
    return CountCodePoints(groups_[a].key) < CountCodePoints(groups_[b].key);
  });
  for (size_t g : by_length) {
    auto it = subnames.find(groups_[g].key);
    if (it == subnames.end()) continue;
    const size_t len = CountCodePoints(groups_[g].key);
    const size_t root = Find(g);
    // Already part of a fuller name (an earlier pass joined it): the other
    // entities containing its words are no candidates any more.
    if (SubnameFits(groups_[g].key, groups_[root].keys, /*person=*/true)) continue;
    std::set<size_t> targets;
    for (size_t h : it->second) {
      const size_t hr = Find(h);
      if (hr == root || CountCodePoints(groups_[h].key) <= len) continue;
      if (!TypesCompatible(root, hr)) continue;
      const bool person = MajorityType(groups_[root].types) == "PERSON" ||
                          MajorityType(groups_[hr].types) == "PERSON";
      // A name another article gives the entity itself ("Tarrant", which
      // one article writes for its "Tarrant Foods") is that entity's too,
      // whether or not its words fit the fuller name as a subname does.
      if (!SubnameFits(groups_[g].key, groups_[h].keys, person) &&
          (person || groups_[h].keys.count(groups_[g].key) == 0)) {
        continue;
      }
      targets.insert(hr);
    }
    if (targets.empty()) continue;
    // A candidate that has the short name itself as an alias ("General
    // Motors" of "General Motors Corporation") is closer than one that only
    // contains its words ("General Motors Europe").
    std::set<size_t> exact;
    for (size_t h : targets) {
      if (groups_[h].keys.count(groups_[g].key)) exact.insert(h);
    }
    if (exact.size() == 1 && targets.size() > 1) targets = exact;
    if (std::optional<size_t> into = Choose(root, targets, /*need_evidence=*/false)) Union(root, *into);
  }
}

void EntityIndex::JoinVariants() {
  // Deletion neighbourhood of every word of every key -> groups.
  VariantIndex index;
  for (size_t h = 0; h < groups_.size(); ++h) {
    for (const std::string& key : groups_[h].keys) {
      const std::vector<std::string> words = SplitWords(key);
      if (words.size() > kMaxNameWords) continue;
      for (const std::string& w : words) {
        if (CountCodePoints(w) < kMinVariantWord) continue;
        for (const std::string& d : Deletions(w)) {
          std::vector<size_t>& v = index[d];
          if (v.empty() || v.back() != h) v.push_back(h);
        }
      }
    }
  }
  // Rarest names first: a misspelling joins the spelling most outlets use.
  std::vector<size_t> order(groups_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return groups_[a].mentions < groups_[b].mentions; });
  for (size_t g : order) {
    std::set<size_t> full_names;
    const std::set<size_t> targets = VariantCandidates(g, index, &full_names);
    if (targets.empty()) continue;
    // A full name with one word mistyped is the same person; a lone word
    // one letter off needs the context to agree.
    const bool sure = full_names.size() == 1 && targets.size() == 1;
    if (std::optional<size_t> into = Choose(Find(g), targets, /*need_evidence=*/!sure)) Union(Find(g), *into);
  }
}

std::set<size_t> EntityIndex::VariantCandidates(size_t g, const VariantIndex& index,
                                                 std::set<size_t>* full_names) {
  const size_t root = Find(g);
  std::set<size_t> targets;
  for (const std::string& key : groups_[g].keys) {
    const std::vector<std::string> words = SplitWords(key);
    if (words.size() > kMaxNameWords) continue;
    std::set<size_t> seen;
    for (const std::string& w : words) {
      if (CountCodePoints(w) < kMinVariantWord) continue;
      for (const std::string& d : Deletions(w)) {
        auto it = index.find(d);
        if (it == index.end()) continue;
        for (size_t h : it->second) {
          if (!seen.insert(h).second) continue;
          const size_t hr = Find(h);
          if (hr == root || targets.count(hr) || !TypesCompatible(root, hr)) continue;
          // Two entities the language layer kept apart in one article.
          const std::set<size_t>& xa = groups_[root].article_indices;
          const std::set<size_t>& ya = groups_[hr].article_indices;
          if (std::any_of(xa.begin(), xa.end(), [&](size_t a) { return ya.count(a) != 0; })) continue;
          for (const std::string& other : groups_[h].keys) {
            const std::vector<std::string> ow = SplitWords(other);
            if (VariantRun(words, ow) || VariantRun(ow, words)) {
              targets.insert(hr);
              if (SwappedInFullName(words, ow)) full_names->insert(hr);
            }
          }
        }
      }
    }
  }
  return targets;
}

void EntityIndex::JoinSoundAlikes() {
  // First name -> (surname, group) and surname -> (first name, group) of
  // two-word person names.
  std::unordered_map<std::string, std::vector<std::pair<std::string, size_t>>> by_first, by_last;
  // Organisation name -> (its first word, group) of two-word organisation
  // names: "Halyard Capital" / "Halliard Capital".
  std::unordered_map<std::string, std::vector<std::pair<std::string, size_t>>> by_org_rest;
  for (size_t h = 0; h < groups_.size(); ++h) {
    const std::string type = MajorityType(groups_[h].types);
    if (type == "ORG") {
      for (const std::string& key : groups_[h].keys) {
        const std::vector<std::string> words = SplitWords(key);
        if (words.size() == 2 && !IsCorporateSuffix(words[1])) by_org_rest[words[1]].emplace_back(words[0], h);
      }
    }
    if (type != "PERSON") continue;
    for (const std::string& key : groups_[h].keys) {
      const std::vector<std::string> words = SplitWords(key);
      if (words.size() != 2) continue;
      // The shared word may be short ("Tom Askwith" / "Tom Asquith"); the
      // word that differs is held to the variant tests' lengths.
      if (CountCodePoints(words[0]) >= kMinSharedNameWord) by_first[words[0]].emplace_back(words[1], h);
      if (CountCodePoints(words[1]) >= kMinSharedNameWord) by_last[words[1]].emplace_back(words[0], h);
    }
  }
  const auto join = [&](const std::vector<std::pair<std::string, size_t>>& names, auto&& alike) {
    for (size_t i = 0; i < names.size(); ++i) {
      for (size_t j = i + 1; j < names.size(); ++j) {
        const size_t x = Find(names[i].second), y = Find(names[j].second);
        if (x == y || !alike(names[i].first, names[j].first)) continue;
        const std::set<size_t>& xa = groups_[x].article_indices;
        const std::set<size_t>& ya = groups_[y].article_indices;
        if (std::any_of(xa.begin(), xa.end(), [&](size_t a) { return ya.count(a) != 0; })) continue;
        Union(x, y);
      }
    }
  };
  const auto sounds_or_spelt_alike = [](const std::string& a, const std::string& b) {
    return SoundsAlike(a, b) || SpellingVariants(a, b) || DoubledLetterVariant(a, b);
  };
  for (const auto& [first, names] : by_first) join(names, sounds_or_spelt_alike);
  // "Dominic Hale" / "Dominic Hales": one first name and surnames a final
  // "s" apart are two families' names as often as one misspelt, so only
  // a shared role (ShareRole) joins them.
  for (const auto& [first, names] : by_first) {
    for (size_t i = 0; i < names.size(); ++i) {
      for (size_t j = i + 1; j < names.size(); ++j) {
        const std::string& a = names[i].first;
        const std::string& b = names[j].first;
        if (a + "s" != b && b + "s" != a) continue;
        const size_t x = Find(names[i].second), y = Find(names[j].second);
        if (x == y || !ShareRole(x, y)) continue;
        const std::set<size_t>& xa = groups_[x].article_indices;
        const std::set<size_t>& ya = groups_[y].article_indices;
        if (std::any_of(xa.begin(), xa.end(), [&](size_t n) { return ya.count(n) != 0; })) continue;
        Union(x, y);
      }
    }
  }
  // A firm's distinctive word written by ear, the kind of firm the same.
  for (const auto& [rest, names] : by_org_rest) join(names, sounds_or_spelt_alike);
  // "Callum Dorsey" / "Calum Dorsey", "Priti Dhanjal" / "Preeti Dhanjal":
  // a first name differs only by a doubled letter or is the same name spelt
  // as said (a changed letter may be a sibling: "Maria" / "Mario").
  for (const auto& [last, names] : by_last) {
    join(names, [](const std::string& a, const std::string& b) {
      return DoubledLetterVariant(a, b) || SaidAlike(a, b);
    });
  }
  // "Stuart Kinnaird" / "Stewart Kinnaird", "Alasdair" / "Alistair": first
  // names that sound alike (SoundsAlike) under one surname are one person
  // only with context, since a changed letter may be a sibling ("Maria" /
  // "Mario"): the same role noun written beside both (ShareRole).
  for (const auto& [last, names] : by_last) {
    for (size_t i = 0; i < names.size(); ++i) {
      for (size_t j = i + 1; j < names.size(); ++j) {
        const size_t x = Find(names[i].second), y = Find(names[j].second);
        if (x == y || !SoundsAlike(names[i].first, names[j].first) || !ShareRole(x, y)) continue;
        const std::set<size_t>& xa = groups_[x].article_indices;
        const std::set<size_t>& ya = groups_[y].article_indices;
        if (std::any_of(xa.begin(), xa.end(), [&](size_t a) { return ya.count(a) != 0; })) continue;
        Union(x, y);
      }
    }
  }
}

bool EntityIndex::ShareRole(size_t g, size_t h) {
  if (Compare(g, h).shared_roles > 0) return true;
  // "Garvock boss Stewart Kinnaird" / "manager Stuart Kinnaird": "boss" is
  // how news writes the holder of any office one holds once.
  const auto boss_of = [](const EntityGroup& boss, const EntityGroup& other) {
    return boss.roles.contains("boss") && std::any_of(other.roles.begin(), other.roles.end(), [](const std::string& r) {
             return lexicon::In(lexicon::kPersonNounsExclusive, r);
           });
  };
  return boss_of(groups_[g], groups_[h]) || boss_of(groups_[h], groups_[g]);
}

// "NRC" and "Northern Rail Council": an all-capital word of two to six
// letters that spells the initials of exactly one multi-word organisation
// or place name.
void EntityIndex::JoinAcronyms() {
  constexpr size_t kMinAcronym = 2, kMaxAcronym = 6;
  std::unordered_map<std::string, std::set<size_t>> by_initials;
  for (size_t h = 0; h < groups_.size(); ++h) {
    const std::string type = MajorityType(groups_[h].types);
    if (type != "ORG" && type != "PLACE") continue;
    for (const std::string& key : groups_[h].keys) {
      const std::vector<std::string> words = SplitWords(key);
      if (words.size() < kMinAcronym || words.size() > kMaxNameWords) continue;
      std::u32string initials, all;
      for (const std::string& w : words) {
        const std::u32string cps = CodePoints(w);
        all.push_back(cps[0]);
        if (!IsAcronymFiller(w)) initials.push_back(cps[0]);
      }
      by_initials[Utf8(initials)].insert(h);
      by_initials[Utf8(all)].insert(h);
    }
  }
  for (size_t g = 0; g < groups_.size(); ++g) {
    for (const auto& [surface, n] : groups_[g].surfaces) {
      const std::string s = StripPossessive(surface);
      const std::u32string cps = CodePoints(s);
      if (cps.size() < kMinAcronym || cps.size() > kMaxAcronym) continue;
      if (!std::all_of(cps.begin(), cps.end(), [](char32_t c) { return u_isupper(static_cast<UChar32>(c)); })) {
        continue;
      }
      auto it = by_initials.find(NameKey(s));
      if (it == by_initials.end()) continue;
      std::set<size_t> targets;
      for (size_t h : it->second) {
        if (Find(h) != Find(g) && TypesCompatible(Find(g), Find(h))) targets.insert(Find(h));
      }
      if (targets.size() == 1) Union(Find(g), *targets.begin());
      break;
    }
  }
}

// Every run of whole words of every name key -> the groups having it.
std::unordered_map<std::string, std::vector<size_t>> EntityIndex::SubnameIndex() const {
  std::unordered_map<std::string, std::vector<size_t>> index;
  auto add = [&](const std::string& key, size_t h) {
    std::vector<size_t>& v = index[key];
    if (v.empty() || v.back() != h) v.push_back(h);
  };
  for (size_t h = 0; h < groups_.size(); ++h) {
    for (const std::string& key : groups_[h].keys) {
      const std::vector<std::string> words = SplitWords(key);
      if (words.size() > kMaxNameWords) {
        add(key, h);
        continue;
      }
      for (size_t i = 0; i < words.size(); ++i) {
        std::string sub;
        for (size_t j = i; j < words.size(); ++j) {
          if (j > i) sub += ' ';
          sub += words[j];
          add(sub, h);
        }
      }
    }
  }
  return index;
}

std::vector<BriefEntity> EntityIndex::Build() {
  std::vector<size_t> roots;
  for (size_t g = 0; g < groups_.size(); ++g) {
    if (Find(g) == g) roots.push_back(g);
  }
  std::vector<std::string> names(groups_.size());
  for (size_t g : roots) {
    std::map<std::string, size_t> articles;
    for (const auto& [s, a] : groups_[g].surface_articles) articles[s] = a.size();
    const bool person = MajorityType(groups_[g].types) == "PERSON";
    names[g] = CanonicalName(groups_[g].surfaces, articles, person);
    if (person) names[g] = PersonName(names[g], groups_[g].surfaces);
  }
  std::sort(roots.begin(), roots.end(), [&](size_t a, size_t b) {
    const EntityGroup& x = groups_[a];
    const EntityGroup& y = groups_[b];
    if (x.articles.size() != y.articles.size()) return x.articles.size() > y.articles.size();
    if (x.mentions != y.mentions) return x.mentions > y.mentions;
    return names[a] < names[b];
  });
  std::vector<BriefEntity> out;
  root_to_entity_.clear();
  for (size_t g : roots) {
    const EntityGroup& group = groups_[g];
    BriefEntity e;
    e.id = std::to_string(out.size() + 1);
    e.id.insert(0, 1, 'e');  // not "e" + ...: GCC 12 warns falsely (-Wrestrict)
    e.name = names[g];
    e.type = MajorityType(group.types);
    std::vector<std::pair<std::string, size_t>> surfaces(group.surfaces.begin(), group.surfaces.end());
    std::stable_sort(surfaces.begin(), surfaces.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [text, count] : surfaces) e.aliases.push_back(text);
    e.articles = group.articles;
    e.mentions = group.mentions;
    root_to_entity_[g] = out.size();
    out.push_back(std::move(e));
  }
  return out;
}

std::optional<size_t> EntityIndex::Lookup(size_t ai, const std::string& entity_id, const std::string& name) {
  if (!entity_id.empty()) {
    auto it = local_.find({ai, "id:" + entity_id});
    if (it != local_.end()) return root_to_entity_.at(Find(it->second));
  }
  if (!name.empty()) {
    if (std::optional<size_t> g = UniqueGroupWithKey(NameKey(name))) return root_to_entity_.at(*g);
  }
  return std::nullopt;
}

std::optional<size_t> EntityIndex::UniqueGroupWithKey(const std::string& key) {
  if (alias_index_.empty()) {
    for (size_t g = 0; g < groups_.size(); ++g) {
      for (const std::string& k : groups_[g].keys) alias_index_[k].push_back(g);
    }
  }
  auto it = alias_index_.find(key);
  if (it == alias_index_.end()) return std::nullopt;
  std::set<size_t> roots;
  for (size_t g : it->second) roots.insert(Find(g));
  if (roots.size() != 1) return std::nullopt;
  return *roots.begin();
}

size_t EntityIndex::Find(size_t g) {
  while (groups_[g].parent != g) {
    groups_[g].parent = groups_[groups_[g].parent].parent;
    g = groups_[g].parent;
  }
  return g;
}

// Joins the roots of `a` and `b`; the group with more mentions stays the
// root, so a rare spelling never becomes the key of a frequent one.
void EntityIndex::Union(size_t a, size_t b) {
  size_t from = Find(a), into = Find(b);
  if (from == into) return;
  if (groups_[from].mentions > groups_[into].mentions) std::swap(from, into);
  EntityGroup& src = groups_[from];
  EntityGroup& dst = groups_[into];
  for (const auto& [s, n] : src.surfaces) dst.surfaces[s] += n;
  for (const auto& [s, arts] : src.surface_articles) dst.surface_articles[s].insert(arts.begin(), arts.end());
  for (const auto& [t, n] : src.types) dst.types[t] += n;
  dst.keys.insert(src.keys.begin(), src.keys.end());
  for (const std::string& a_id : src.articles) AddUnique(dst.articles, a_id);
  dst.article_indices.insert(src.article_indices.begin(), src.article_indices.end());
  dst.roles.insert(src.roles.begin(), src.roles.end());
  dst.neighbours.insert(src.neighbours.begin(), src.neighbours.end());
  dst.mentions += src.mentions;
  src.parent = into;
}

}  // namespace storyline::stories
