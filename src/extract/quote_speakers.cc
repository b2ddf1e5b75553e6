// quote_speakers.cc: the speaker a phrase names. Reads the subject of a cue
// verb backwards (over adverbs, appositives and relative clauses: "Smith,
// 58, who led the council, said") or the phrase after a postposed cue ("said
// the company"), and turns it into a speaker: an entity mention, a name the
// entity layer missed (added as a new mention), an epithet resolved through
// quote_referents.cc, an unnamed source ("people familiar with the talks")
// or an anonymous crowd ("fans").
#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "extract/quote_finder.h"

namespace storyline::quote_finder {

Speaker Finder::Anonymous(size_t a, size_t b) const {
  Speaker s;
  s.found = true;
  s.name = Slice(words_[a].start, words_[b].end);
  if (!s.name.empty() && s.name[0] >= 'A' && s.name[0] <= 'Z' && words_[a].mention < 0) {
    s.name[0] = static_cast<char>(s.name[0] - 'A' + 'a');
  }
  return s;
}

// The description "NAME's HEAD" owned by the person the sentence holding
// word `a` opens with, for a spokesperson noun `head` at `a + 1`; none
// when the sentence opens otherwise or names an organisation before `a`.
Speaker Finder::SubjectsSpokesperson(size_t a, const std::string& head) {
  const size_t from = SentenceWords(a, a + 1).first;
  if (a <= from) return {};
  for (size_t k = from; k < a; ++k) {
    if (words_[k].mention >= 0 && (*entities_)[words_[k].mention].type == "ORG") return {};
  }
  Speaker subject = ClauseSubject(from, a);
  if (!subject.found || subject.type != "PERSON" || subject.id.empty()) return {};
  Speaker s;
  s.name = subject.name + "'s " + head;
  s.type = "PERSON";
  s.owner = subject.id;
  s.found = true;
  return s;
}

namespace {

// True when `head` names no kind of institution (lexicons/org_kinds.txt:
// "council", "union", "ministry") or a word of `name` names the same kind
// ("Brackenford City Council" for "the council").
bool NameHasKindOf(std::string_view name, std::string_view head) {
  const std::string_view kind = lex::Find(lex::kOrgKinds, head);
  // Sports clubs are mostly named without the word ("Ashcombe Rovers",
  // "Leeds United"): any organisation may be "the club".
  if (kind.empty() || kind == "club") return true;
  size_t i = 0;
  while (i < name.size()) {
    size_t j = i;
    while (j < name.size() && name[j] != ' ') ++j;
    std::string word(name.substr(i, j - i));
    if (!word.empty() && word.back() == '\'') word.pop_back();  // "Traders'"
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lex::Find(lex::kOrgKinds, word) == kind) return true;
    i = j + 1;
  }
  return false;
}

}  // namespace

// True when entity `id` has a mention after word `b` in b's sentence that
// is no possessor (a possessor may be the person: "the teenager told police
// he was with a group … and Timmons' friend …").
bool Finder::NamedLaterInSentence(size_t b, const std::string& id) const {
  for (size_t k = b + 1; k < words_.size() && words_[k].sent == words_[b].sent; ++k) {
    const int m = words_[k].mention;
    if (m < 0 || (*entities_)[m].entity != id || words_[k - 1].mention == m) continue;
    size_t after = k;
    while (after < words_.size() && words_[after].mention == m) ++after;
    if (after < words_.size() && (words_[after].lower == "'s" || words_[after].lower == "'")) continue;
    return true;
  }
  return false;
}

// The speaker a noun phrase [a, b] with head word b refers to.
Speaker Finder::NounPhrase(size_t a, size_t b) {
  // The entity layer may already have linked an epithet ("the actress").
  const int linked = words_[b].mention;
  const bool spokesperson = IsSpokesperson(b);
  // "…, Newsday reported. … the newspaper said": the outlet that
  // reported, not the latest organisation named (to which the entity
  // layer may have linked the epithet).
  if (b == a + 1 && words_[a].lower == "the" && lex::In(lex::kOrgNounsMedia, words_[b].lower)) {
    Speaker outlet = LastOutlet(a);
    if (outlet.found) return outlet;
  }
  // ("the Navy spokesperson" linked to a ship named before it: a
  // spokesperson speaks for the body, found below.)
  if (linked >= 0 && !spokesperson && (*entities_)[linked].span.start == words_[a].start &&
      (*entities_)[linked].span.end == words_[b].end) {
    return FromMention(static_cast<size_t>(linked));
  }
  const std::string& det = words_[a].lower;
  const std::string& head = words_[b].lower;
  // "her rep told People. … the star's rep Jack Ketsoyan confirmed": a
  // described person the text names a few sentences on is that person.
  const bool determined = lex::In(lex::kDeterminersAnonymous, det) || lex::In(lex::kDeterminersDefinite, det) ||
                          det == "his" || det == "her" || det == "their";
  bool named = false;
  for (size_t k = a; k <= b; ++k) named = named || words_[k].mention >= 0;
  // (So for one quoted by a tie to the event: "A key witness … admitted
  // …. Elijah Coleman, 21, told jurors …".)
  if (b > a && determined && !named && !spokesperson &&
      (lex::In(lex::kPersonNounsEpithet, head) || lex::In(lex::kWitnessNouns, head))) {
    Speaker later = NamedLater(b);
    if (later.found) return later;
  }
  // "… quotes a federal spokesman confirming that …. The spokesman for the
  // Bureau of Alcohol … also said": the body a later sentence names for
  // the same spokesperson.
  if (spokesperson && (det == "a" || det == "an") && !named) {
    Speaker body = BodyNamedLater(b);
    if (body.found) return body;
  }
  // "Acme's statement said", "the ethics board's report found": a
  // document speaks for whose it is.
  const bool document = lex::In(lex::kDocumentNounsStatement, head) || lex::In(lex::kDocumentNounsFinding, head) ||
                        lex::In(lex::kDocumentNounsWork, head);
  if (document || head == "website") {
    // "The Home Office letter reads", "the Bloomberg article said": a name
    // modifying the document is whose it is.
    if (document && (b == a + 1 || lex::In(lex::kDeterminersDefinite, det)) &&
        (a == 0 || !lex::In(lex::kPrepositionsObject, words_[a - 1].lower))) {
      for (size_t k = a; k < b; ++k) {
        const int m = words_[k].mention;
        if (m < 0 || platform_[m] || (k + 1 < b && words_[k + 1].mention != m && words_[k + 1].lower == "'s")) continue;
        if ((*entities_)[m].type != "ORG" && (*entities_)[m].type != "PERSON") continue;
        size_t e = k;
        while (e + 1 < b && words_[e + 1].mention == m) ++e;
        if (e + 1 == b) return FromMention(static_cast<size_t>(m));
        break;
      }
    }
    for (size_t p = b; p-- > a + 1;) {
      if (words_[p].lower != "'s" && words_[p].lower != "'") continue;
      const int owner = words_[p - 1].mention;
      if (owner >= 0) return FromMention(static_cast<size_t>(owner));
      if (words_[p - 1].punct) break;
      // "the board's report": the board as the article names it.
      return Anonymous(det == "the" || det == "a" || det == "an" ? a + 1 : a, p - 1);
    }
    // "The report says …", "the study found …" with no owner named: the
    // document itself is the source, described as the text gives it
    // (unless a recent sentence opens with the outlet that made it:
    // "Iranian television ran video …. The report said …").
    if (lex::In(lex::kDocumentNounsFinding, head) && (det == "the" || det == "this") && (b == a + 1)) {
      Speaker outlet = OutletSubject(a);
      if (outlet.found) return outlet;
      // ("The NCAA report says …. …, the report said.": the document the
      // text named with its owner a few sentences before.)
      Speaker owner = NamedDocument(head, a);
      return owner.found ? owner : Anonymous(a, b);
    }
  }
  // "defence lawyer Helena Stroud … Mr. Reyes's lawyer said": a definite
  // description whose head was a title before a name is that person; "his
  // spokeswoman" is a description owned by whom "his" refers to.
  if ((lex::In(lex::kPersonNounsEpithet, head) || lex::In(lex::kUnnamedSourcesHead, head)) &&
      !lex::In(lex::kDeterminersAnonymous, det)) {
    Speaker holder = RoleHolder(head, words_[a].start, /*apposition=*/det == "the");
    if (holder.found) return holder;
    // "the ship's owner", "the church's minister": a role of a thing the
    // text names by a common noun is someone new, described (and perhaps
    // named in the sentences after), not the person named last.
    if (det == "the" && b == a + 3 && !spokesperson && !words_[a + 1].cap &&
        (words_[a + 2].lower == "'s" || words_[a + 2].lower == "'") &&
        !lex::In(lex::kPersonNouns, words_[a + 1].lower) && !lex::In(lex::kOrgNounsBusiness, words_[a + 1].lower)) {
      return Anonymous(a, b);
    }
    Speaker owned = OwnedDescription(a, b);
    if (owned.found) return owned;
    // "a source close to the player … the source said": the description
    // introduced earlier.
    if (det == "the") {
      // ("a Navy spokesman said … the Navy spokesman said": the body the
      // earlier spokesman spoke for, not the description.)
      if (spokesperson) {
        Speaker body = LastVia(a);
        if (body.found) return body;
      }
      Speaker earlier = IndefiniteAntecedent(head, a);
      if (earlier.found) return earlier;
    }
  }
  // "a statement that reads": the statement's issuer is the clause's
  // subject, found by the caller.
  if (lex::In(lex::kDocumentNounsStatement, head) && (det == "a" || det == "an")) return {};
  // "several times described", "two days later said": time, not a speaker.
  if (lex::In(lex::kTimeWordsUnit, head)) return {};
  // "One supporter wrote …. Another said …": the head left out is the
  // earlier description's.
  if (a == b && (det == "another" || det == "others")) {
    Speaker earlier = ElidedHead(a);
    if (earlier.found) return earlier;
  }
  // "police said", "officials said": a body without a determiner is no
  // epithet for an organisation named earlier; it describes the speaker.
  if (a == b && lex::In(lex::kOrgNounsSpeaker, head) && !words_[b].cap) return Anonymous(a, b);
  // "State police say", "local officials said": nor is one whose
  // modifiers name nothing and no determiner opens it.
  if (b > a && lex::In(lex::kOrgNounsSpeaker, head) && !words_[b].cap && !lex::In(lex::kOrgNounsBusiness, head) &&
      !lex::In(lex::kOrgNounsMedia, head) && !determined && det != "its" && det != "our") {
    bool plain = true;
    for (size_t k = a; k < b && plain; ++k) {
      plain = words_[k].mention < 0 && !words_[k].punct && (!words_[k].cap || k == a) && words_[k].lower != "'s" &&
              words_[k].lower != "'";
    }
    if (plain && (!words_[a].cap || a == 0 || words_[a - 1].sent != words_[a].sent)) return Anonymous(a, b);
    // ("Italian police say", "Iranian officials said": a proper adjective
    // no entity stands for describes the body as written; it is no
    // epithet for the place named last.)
    if (plain && b == a + 1 && words_[a].cap && !words_[a].punct && !InQuote(a)) {
      Speaker described = Anonymous(a, b);
      described.name = Slice(words_[a].start, words_[b].end);  // the adjective keeps its capital
      return described;
    }
  }
  if (a == b && lex::In(lex::kOrgNounsSpeaker, head) && words_[b].cap && words_[b].mention < 0 &&
      (b == 0 || words_[b - 1].sent != words_[b].sent)) {
    return Anonymous(a, b);
  }
  if ((lex::In(lex::kDeterminersAnonymous, det) && !spokesperson) || (a == b && lex::In(lex::kCollectives, head)) ||
      (lex::In(lex::kCollectives, head) && !lex::In(lex::kDeterminersDefinite, det))) {
    return Anonymous(a, b);
  }
  const size_t before = words_[a].start;
  if (words_[b].cap && b > a && lex::In(lex::kDeterminersDefinite, det)) {
    // "The Ashcombe Supporters' Trust": a proper name the entity layer
    // missed, not an epithet.
    size_t first = a + 1;
    while (first < b && (words_[first].punct || !words_[first].cap)) ++first;
    bool proper = true;
    for (size_t k = first; k <= b; ++k) proper = proper && (words_[k].cap || words_[k].punct);
    if (proper) return NewName(first, b);
  }
  if (spokesperson) {
    // "Navy spokesperson said", "a Sitegrid spokesman said": the
    // organisation named right before the role is the one it speaks for,
    // not the latest one named.
    Speaker org = OrgModifier(b);
    // "a navy spokesman": a lower-case modifier of the role that is a word
    // of an organisation named before ("the Indian Navy") names it.
    if (!org.found && b >= a + 1 && b >= 2 && !words_[b - 1].cap && !words_[b - 1].punct &&
        !lex::In(lex::kDeterminersAnonymous, words_[b - 1].lower) &&
        !lex::In(lex::kDeterminersDefinite, words_[b - 1].lower)) {
      org = OrgNamedBy(b - 2, b - 1);
    }
    // "a German military spokesman": a body noun after a proper adjective
    // describes a body no name was given for.
    if (!org.found && b == a + 3 && !words_[b - 1].cap && !words_[b - 1].punct && words_[b - 2].cap &&
        !words_[b - 2].punct &&
        (words_[b - 2].mention < 0 || (*entities_)[words_[b - 2].mention].type != "ORG")) {
      org = Anonymous(b - 2, b - 1);
      org.name = Slice(words_[b - 2].start, words_[b - 1].end);  // the adjective keeps its capital
    }
    // "the spokesperson" again, "a second representative", "another
    // spokesman": the body the last spokesperson spoke for.
    const bool again = det == "the" || det == "another" ||
                       (b > a + 1 && (words_[a + 1].lower == "second" || words_[a + 1].lower == "other"));
    if (!org.found && again) org = LastVia(a);
    // "Senator Ina Marr opposed the changes, with a spokesman stating: …":
    // a bare "a spokesman" in a sentence whose subject is a person, with no
    // organisation named between them, speaks for that person.
    if (!org.found && (det == "a" || det == "an") && b == a + 1) {
      Speaker person = SubjectsSpokesperson(a, head);
      if (person.found) return person;
    }
    // Otherwise it speaks for the organisation in the story; with none
    // named, the description is the (unnamed) speaker.
    if (!org.found) org = Recent(before, "ORG");
    if (!org.found) return Anonymous(a, b);
    org.via = head;
    return org;
  }
  if (lex::In(lex::kPersonNounsEpithet, head) || IsYearsOld(head)) {
    // "the "Life with the Marlows" star": the person the title is named
    // after, when the article names one.
    for (size_t k = a; k < b; ++k) {
      const int m = words_[k].mention;
      if (m < 0 || (*entities_)[m].type != "WORK") continue;
      Speaker named = PersonNamedIn((*entities_)[m].text, before);
      if (named.found) return named;
      break;
    }
    Speaker s = Referent(before, "PERSON");
    // "The judge said he would appoint a lawyer for Pulk": a person named
    // later in the description's own sentence is someone else, so the
    // description, with nothing else to refer back to, is the speaker.
    if (s.found && NamedLaterInSentence(b, s.id)) return Anonymous(a, b);
    return s.found || b < a + 2 ? s : Anonymous(a, b);
  }
  if (lex::In(lex::kOrgNounsSpeaker, head)) {
    // "her office", "his team": a body owned by the person the pronoun
    // refers to ("Sarah Palin's office").
    if (det == "his" || det == "her" || det == "their") {
      Speaker owned = OwnedDescription(a, b);
      if (owned.found) return owned;
    }
    // "The company's security response team said": a unit of the firm an
    // epithet possesses speaks for that firm.
    if (det == "the" && b >= a + 3 && lex::In(lex::kOrgNounsBusiness, words_[a + 1].lower) &&
        (words_[a + 2].lower == "'s" || words_[a + 2].lower == "'")) {
      const int linked_owner = words_[a + 1].mention;
      if (linked_owner >= 0 && (*entities_)[linked_owner].type == "ORG") {
        return FromMention(static_cast<size_t>(linked_owner));
      }
      Speaker firm = Referent(before, "ORG");
      if (firm.found) return firm;
    }
    // "the state auditor's office": a body described by whose it is, not
    // an epithet for an organisation named earlier.
    for (size_t k = a + 1; k < b; ++k) {
      if (words_[k].lower == "'s" || words_[k].lower == "'") return Anonymous(det == "the" ? a + 1 : a, b);
    }
    // "the Belgian government": a body named by a proper modifier the
    // entity layer did not mark, not an epithet for an earlier name.
    if (det == "the") {
      for (size_t k = a + 1; k < b; ++k) {
        if (words_[k].punct) break;
        if (words_[k].cap && words_[k].mention < 0 && !InQuote(k)) return NewName(k, b);
        // "The China Daily newspaper": the named organisation itself.
        const int m = words_[k].mention;
        if (m >= 0 && ((*entities_)[m].type == "ORG" || (*entities_)[m].type == "PLACE") && !platform_[m]) {
          return FromMention(static_cast<size_t>(m));
        }
      }
    }
    // "the harbour board" after "the Skelby Harbour Board": the
    // organisation whose name holds the description's words.
    Speaker named = OrgNamedBy(a, b);
    if (named.found) return named;
    // "the navy said" with no navy named before: the description as
    // written, not the organisation named last (armed forces are named by
    // their country, and "the army" is no epithet for a party or a firm).
    if (lex::In(lex::kOrgNounsForces, head)) return Anonymous(a, b);
    // "the authority" after "the regional health authority": a public body
    // described earlier. (A business noun, "the company", is an epithet
    // for the firm the story names.)
    if (det == "the" && !lex::In(lex::kOrgNounsBusiness, head) && !lex::In(lex::kOrgNounsMedia, head)) {
      Speaker earlier = DescribedBefore(head, a);
      if (earlier.found) return earlier;
    }
    // A place stands for an organisation only for a bare epithet ("the
    // club" for a town's team); "the central bank" is not the city.
    const bool described = b >= a + 2;
    Speaker s = Referent(before, "ORG", !described && !lex::In(lex::kOrgNounsMedia, head));
    // "The council said" after "the Harbour Traders' Association": a head
    // naming a kind of institution refers only to an organisation whose
    // name has that kind, as in the entity layer (which links the ones
    // declared so); otherwise the description is the speaker as written.
    // A place may stand for its own council or government ("Iran ... the
    // government said").
    if (s.found && s.type != "PLACE" && !NameHasKindOf(s.name, head)) return Anonymous(a, b);
    // An epithet with nothing to refer back to describes its speaker
    // ("the federal government said", "the ministry said"); a bare "the
    // company" is left to the article's other clues (what the headline
    // named).
    return s.found || (!described && lex::In(lex::kOrgNounsBusiness, head)) ? s : Anonymous(a, b);
  }
  if (lex::In(lex::kDocumentNounsStatement, head)) return Issuer(head, a);
  if (lex::In(lex::kCollectives, head)) return Anonymous(a, b);
  // "the officer said", "an investigator said": a person's role that no
  // lexicon calls an epithet (it does not stand for the person named last)
  // is the person the text gave that role ("Constable Tim Fanning … the
  // constable said"), the earlier description ("an officer … the officer"),
  // or else the description as written.
  // ("His attorneys argued that …": people of a role in the plural, owned
  // by the person the pronoun refers to, are "Vincent Gigante's attorneys".)
  if ((det == "his" || det == "her" || det == "their") && !words_[b].cap && head.size() > 3 && head.ends_with('s') &&
      !head.ends_with("ss") && lex::In(lex::kPersonNouns, std::string_view(head).substr(0, head.size() - 1))) {
    Speaker owned = OwnedDescription(a, b);
    if (owned.found) return owned;
  }
  if (lex::In(lex::kPersonNouns, head) && !words_[b].cap && (determined || lex::In(lex::kDeterminersAnonymous, det))) {
    if (det == "his" || det == "her" || det == "their") {
      Speaker owned = OwnedDescription(a, b);
      if (owned.found) return owned;
    }
    return RoleDescription(a, b);
  }
  return {};
}

// The owner of the latest document the text named with the same noun
// before word `a` ("The NCAA report", "Acme's report"), within a few
// sentences; none when there is none.
Speaker Finder::NamedDocument(const std::string& head, size_t a) {
  for (size_t i = a; i-- > 1;) {
    if (words_[i].sent + kDocumentSentences < words_[a].sent) break;
    if (words_[i].lower != head || InQuote(i)) continue;
    size_t k = i - 1;
    if ((words_[k].lower == "'s" || words_[k].lower == "'") && k > 0) --k;
    const int m = words_[k].mention;
    if (m >= 0 && !platform_[m] && ((*entities_)[m].type == "ORG" || (*entities_)[m].type == "PERSON")) {
      return FromMention(static_cast<size_t>(m));
    }
  }
  return {};
}

Speaker Finder::RoleDescription(size_t a, size_t b) const {
  const std::string& head = words_[b].lower;
  if (words_[a].lower == "the") {
    Speaker holder = RoleHolder(head, words_[a].start, /*apposition=*/true);
    if (holder.found) return holder;
    holder = TitledEarlier(head, a);
    if (holder.found) return holder;
    Speaker earlier = IndefiniteAntecedent(head, a);
    if (earlier.found) return earlier;
  }
  return Anonymous(a, b);
}

// The organisation a capitalised modifier of the role noun at `b` names
// ("Navy spokesperson", "a Sitegrid spokesman", "the Halvard Mills
// spokeswoman"): its mention, or the capitalised words the entity layer
// missed; none when no such modifier stands right before the role (a
// sentence-initial capital aside, "Company spokesman" is no name either:
// NewName asks the article to know it).
Speaker Finder::OrgModifier(size_t b) {
  // "a Mobinil customer service representative": a spokesperson's own
  // modifiers stand between the organisation and the noun.
  if (IsSpokesperson(b)) {
    size_t e = b;
    while (e > 0 && b - e < kSpokespersonModifiers && !words_[e - 1].cap && !words_[e - 1].punct &&
           words_[e - 1].sent == words_[b].sent && lex::In(lex::kRoleModifiersSpokesperson, words_[e - 1].lower)) {
      --e;
    }
    if (e < b && e > 0 && words_[e - 1].cap) b = e;
  }
  size_t first = b;
  // ("a Sam's Club spokesperson": a possessive between two capitalised
  // words belongs to the name.)
  auto name_possessive = [&](size_t k) {
    return k > 0 && k + 1 < b && words_[k].lower == "'s" && words_[k - 1].cap && words_[k + 1].cap;
  };
  while (first > 0 && first + kNounPhraseWords > b && words_[first - 1].sent == words_[b].sent &&
         ((words_[first - 1].cap && !words_[first - 1].punct) || name_possessive(first - 1)) && !InQuote(first - 1) &&
         !lex::In(lex::kDeterminersDefinite, words_[first - 1].lower) &&
         !lex::In(lex::kDeterminersAnonymous, words_[first - 1].lower)) {
    --first;
  }
  if (first == b) return {};
  // ("the Navy spokesman" linked whole by the entity layer: the modifier
  // is no mention of its own.)
  const int m = words_[b - 1].mention == words_[b].mention ? -1 : words_[b - 1].mention;
  if (m >= 0) {
    const std::string& type = (*entities_)[m].type;
    if ((type == "ORG" || type == "PLACE") && !platform_[m]) return FromMention(static_cast<size_t>(m));
    return {};
  }
  // Titles ("Assistant Secretary") are no organisation; a body noun
  // ("Police spokesman") names none either: the description speaks.
  // ("Navy spokesperson": armed forces are the body named by their
  // country, below.)
  if (TitleRun(first, b - 1)) return {};
  if (first + 1 == b && lex::In(lex::kOrgNounsSpeaker, words_[first].lower) &&
      !lex::In(lex::kOrgNounsForces, words_[first].lower)) {
    return Anonymous(first, b);
  }
  const bool initial = first == 0 || words_[first - 1].sent != words_[first].sent || IsMark(first - 1);
  Speaker org = NewName(first, b - 1, initial);
  if (org.found && org.id.empty()) org.type = "ORG";
  return org;
}

// The speaker of the latest report before word `w` that spoke through a
// role ("Navy spokesperson said"), or none.
Speaker Finder::LastVia(size_t w) const {
  const std::pair<size_t, Speaker>* best = nullptr;
  for (const auto& r : reports_) {
    if (r.first < w && !r.second.via.empty() && r.second.found && (best == nullptr || r.first > best->first)) best = &r;
  }
  return best == nullptr ? Speaker{} : best->second;
}

// The person a role noun was a title of before `before` ("defence lawyer
// Helena Stroud" for "the lawyer"), the latest; none when there is none.
Speaker Finder::RoleHolder(const std::string& head, size_t before, bool apposition) const {
  const size_t w = WordAt(before);
  for (size_t k = std::min(w, words_.size()); k-- > 0;) {
    if (words_[k].lower != head || InQuote(k) || k + 1 >= w) continue;
    const int m = words_[k + 1].mention;
    if (m >= 0 && (*entities_)[m].type == "PERSON") return FromMention(static_cast<size_t>(m));
    // "…, said Wicharn S., owner of the Ekawat Nava 5. … the ship's
    // owner said": the role in apposition after a person's name.
    const int before = apposition && k >= 2 && words_[k - 1].lower == "," ? words_[k - 2].mention : -1;
    if (before >= 0 && (*entities_)[before].type == "PERSON") return FromMention(static_cast<size_t>(before));
  }
  // "the Rev. Larry Kroon … The pastor said", "Gov. Sarah Palin … the
  // governor said": the role's abbreviated title before a person's name
  // (lexicons/role_titles.txt), the latest.
  const std::string_view title = lex::Find(lex::kRoleTitles, head);
  if (title.empty()) return {};
  for (size_t k = std::min(w, words_.size()); k-- > 0;) {
    std::string_view t = words_[k].lower;
    if (t.ends_with('.')) t.remove_suffix(1);
    if (t != title || !words_[k].cap || InQuote(k)) continue;
    size_t j = k + 1;
    if (j < w && words_[j].lower == ".") ++j;
    const int m = j < w ? words_[j].mention : -1;
    if (m >= 0 && (*entities_)[m].type == "PERSON") return FromMention(static_cast<size_t>(m));
  }
  return {};
}

// A description owned by someone ("his spokeswoman", "Mulvey's
// spokeswoman"), phrase [a, b]: written with the owner's name ("Kade
// Mulvey's spokeswoman"), no entity of its own. A spokesperson owned by
// an organisation is the organisation. None without an owner.
// The person a description with head noun at `b` ("her rep", "a
// publicist") turns out to be: the same head noun later, within
// kAntecedentSentences sentences, right before a person's name or its
// apposition ("the star's rep Jack Ketsoyan", "her rep, Jack Ketsoyan"),
// or a person the next sentence opens with, named there for the first
// time, as a verb of saying's subject; none when the text names no one
// so.
Speaker Finder::NamedLater(size_t b) {
  const std::string& head = words_[b].lower;
  const size_t last = words_[b].sent + kAntecedentSentences;
  for (size_t k = b + 1; k + 1 < words_.size() && words_[k].sent <= last; ++k) {
    if (words_[k].lower != head || InQuote(k)) continue;
    const size_t n = words_[k + 1].lower == "," && k + 2 < words_.size() ? k + 2 : k + 1;
    const int m = words_[n].mention;
    if (m >= 0 && (*entities_)[m].type == "PERSON" && !InQuote(n)) return FromMention(static_cast<size_t>(m));
  }
  // "A publicist says Tara Reid has checked into rehab. Jack Ketsoyan said
  // Friday that …": a person first named at the start of the next
  // sentence, as the subject of a verb of saying, is the one described.
  size_t k = b + 1;
  while (k < words_.size() && words_[k].sent == words_[b].sent) ++k;
  while (k < words_.size() && words_[k].mention < 0 && (TitleWord(words_[k].raw) > 0 || words_[k].lower == ".")) ++k;
  if (k >= words_.size() || words_[k].sent != words_[b].sent + 1 || words_[k].mention < 0) return {};
  const int m = words_[k].mention;
  if ((*entities_)[m].type != "PERSON") return {};
  for (size_t p = 0; p < b; ++p) {
    if (words_[p].mention >= 0 && (*entities_)[words_[p].mention].entity == (*entities_)[m].entity) return {};
  }
  size_t e = k;
  while (e < words_.size() && words_[e].mention == m) ++e;
  for (size_t v = e; v < words_.size() && v < e + kNounPhraseWords / 2 && words_[v].sent == words_[k].sent; ++v) {
    // ("Elijah Coleman, 21, told jurors": an age between commas.)
    const std::string_view age = v + 1 < words_.size() ? words_[v + 1].raw : words_[v].raw;
    const bool digits = !age.empty() && age.size() <= 3 &&
                        std::all_of(age.begin(), age.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (v == e && words_[v].lower == "," && v + 2 < words_.size() && digits && words_[v + 2].lower == ",") {
      v += 2;
      continue;
    }
    if (words_[v].punct || InQuote(v)) break;
    if (lex::In(lex::kReportingVerbsCue, words_[v].lower)) return FromMention(static_cast<size_t>(m));
  }
  return {};
}

Speaker Finder::BodyNamedLater(size_t b) {
  const std::string& head = words_[b].lower;
  const size_t last = words_[b].sent + kAntecedentSentences;
  for (size_t k = b + 1; k + 2 < words_.size() && words_[k].sent <= last; ++k) {
    if (words_[k].lower != head || InQuote(k) || (words_[k + 1].lower != "for" && words_[k + 1].lower != "of")) continue;
    const size_t o = k + 2 + (words_[k + 2].lower == "the" && k + 3 < words_.size() ? 1 : 0);
    const int m = words_[o].mention;
    if (m < 0 || (*entities_)[m].type != "ORG" || InQuote(o)) continue;
    Speaker body = FromMention(static_cast<size_t>(m));
    body.via = head;
    return body;
  }
  return {};
}

Speaker Finder::FirstPersonAhead(size_t a) const {
  for (size_t k = 0; k < a; ++k) {
    const int m = words_[k].mention;
    if (m >= 0 && (*entities_)[m].type == "PERSON") return {};
  }
  for (size_t k = a + 1; k < words_.size() && words_[k].sent <= words_[a].sent + 1; ++k) {
    const int m = words_[k].mention;
    if (m >= 0 && !InQuote(k) && (*entities_)[m].type == "PERSON") return FromMention(static_cast<size_t>(m));
  }
  return {};
}

Speaker Finder::OwnedDescription(size_t a, size_t b) {
  Speaker owner;
  size_t rest = b;
  const std::string& det = words_[a].lower;
  if (det == "his" || det == "her" || det == "its" || det == "their") {
    const std::string_view p = det == "his" ? "he" : det == "her" ? "she" : det == "its" ? "it" : "they";
    owner = Pronoun(p, words_[a].start);
    // "The notorious party girl, who …, had checked in, her publicist
    // confirmed. … Reid …": with no person named before it, "his" or "her"
    // looks ahead to the first person the next sentence names.
    if (!owner.found && (p == "he" || p == "she")) owner = FirstPersonAhead(a);
    rest = a + 1;
  } else {
    for (size_t p = a + 1; p <= b; ++p) {
      if (words_[p].lower != "'s" && words_[p].lower != "'") continue;
      const int m = words_[p - 1].mention;
      if (m >= 0) owner = FromMention(static_cast<size_t>(m));
      rest = p + 1;
      break;
    }
  }
  if (!owner.found || owner.id.empty() || rest > b) return {};
  const std::string& head = words_[b].lower;
  const bool spokesperson = lex::In(lex::kPersonNounsSpokesperson, head);
  if (owner.type != "PERSON") {
    if (!spokesperson) return {};
    owner.via = head;
    return owner;
  }
  Speaker s;
  s.name = owner.name + "'s " + Slice(words_[rest].start, words_[b].end);
  s.type = "PERSON";
  s.owner = owner.id;
  s.found = true;
  return s;
}

// "a source close to the player" for "the source" at word `a`: the latest
// indefinite description with the same head before it, as written.
Speaker Finder::IndefiniteAntecedent(const std::string& head, size_t a) const {
  // Modifiers between the determiner and the head: three words, and the
  // spaced hyphens of a compound ("a major - league source").
  constexpr size_t kModifierWords = 5;
  for (size_t k = a; k-- > 0;) {
    if (words_[k].lower != head || InQuote(k)) continue;
    size_t d = k;
    while (d > 0 && k - d < kModifierWords && (!words_[d - 1].punct || words_[d - 1].lower == "-") &&
           !lex::In(lex::kDeterminersAnonymous, words_[d - 1].lower)) {
      --d;
    }
    if (d == 0 || !lex::In(lex::kDeterminersAnonymous, words_[d - 1].lower)) continue;
    return Anonymous(d - 1, k);
  }
  return {};
}

// "a senior Democrat said" for "the Democrat" at word `a`: the latest
// description of someone by a name after an indefinite determiner (and
// lower-case modifiers), as the subject of a cue or before punctuation;
// none when there is none.
Speaker Finder::DescribedName(const std::string& head, size_t a) const {
  for (size_t k = a; k-- > 1;) {
    if (words_[k].lower != head || InQuote(k) || k + 1 >= words_.size()) continue;
    if (!words_[k + 1].punct && !lex::In(lex::kReportingVerbsCue, words_[k + 1].lower)) continue;
    size_t d = k;
    while (d > 1 && k - d < 2 && !words_[d - 1].cap && !words_[d - 1].punct &&
           !lex::In(lex::kDeterminersAnonymous, words_[d - 1].lower)) {
      --d;
    }
    const std::string& det = words_[d - 1].lower;
    if (det == "a" || det == "an" || det == "another") return Anonymous(d - 1, k);
  }
  return {};
}

// "the regional health authority" for "the authority" at word `a`: the
// latest earlier definite description with modifiers and the same head
// outside names and quotations, without its determiner.
Speaker Finder::DescribedBefore(const std::string& head, size_t a) const {
  for (size_t k = a; k-- > 1;) {
    if (words_[k].lower != head || InQuote(k) || words_[k].mention >= 0 || words_[k].cap) continue;
    size_t d = k;
    while (d > 0 && k - d < kNounPhraseWords && !words_[d - 1].punct && !words_[d - 1].cap &&
           words_[d - 1].mention < 0 && !lex::In(lex::kDeterminersDefinite, words_[d - 1].lower)) {
      --d;
    }
    if (d == k || d == 0) continue;
    // "Egypt's communications ministry says … The ministry says": a
    // possessor names the body too.
    if ((words_[d - 1].lower == "'s" || words_[d - 1].lower == "'") && d >= 2 && words_[d - 2].cap) {
      size_t first = d - 2;
      const int m = words_[first].mention;
      while (m >= 0 && first > 0 && words_[first - 1].mention == m) --first;
      return Anonymous(first, k);
    }
    if (words_[d - 1].lower != "the") continue;
    return Anonymous(d, k);
  }
  return {};
}

// "another supporter" for a bare "Another" at word `a`, from "one
// supporter wrote" (or "a supporter said", "some supporters said") in the
// two sentences before; none when there is none.
Speaker Finder::ElidedHead(size_t a) const {
  const size_t sent = words_[a].sent;
  for (size_t k = a; k-- > 1 && words_[k].sent + 2 >= sent;) {
    const std::string& d = words_[k - 1].lower;
    if (InQuote(k) || words_[k].punct || words_[k].cap || lex::In(lex::kDeterminersAnonymous, words_[k].lower)) continue;
    // The earlier description spoke ("one supporter wrote").
    if ((d != "one" && d != "a" && d != "an" && d != "some") || k + 1 >= a ||
        !lex::In(lex::kReportingVerbsCue, words_[k + 1].lower)) {
      continue;
    }
    Speaker s;
    s.name = words_[a].lower + " " + std::string(words_[k].raw);
    s.found = true;
    return s;
  }
  return {};
}

// The organisation, named before word `a`, whose name holds every word of
// the description [a, b] after its determiner ("the harbour board" →
// "Skelby Harbour Board"); the latest.
Speaker Finder::OrgNamedBy(size_t a, size_t b) const {
  if (b <= a) return {};
  for (size_t i = mention_order_.size(); i-- > 0;) {
    const EntityMention& e = (*entities_)[mention_order_[i]];
    if (e.span.end > words_[a].start || (e.type != "ORG" && e.type != "PLACE") || MentionInQuote(mention_order_[i])) {
      continue;
    }
    // ("the company" linked to an earlier organisation is a description,
    // not a name holding the word.)
    if (e.text.empty() || (e.text[0] >= 'a' && e.text[0] <= 'z')) continue;
    const std::string name = " " + AsciiLower(e.text) + " ";
    bool all = true;
    for (size_t k = a + 1; k <= b && all; ++k) all = name.find(" " + words_[k].lower + " ") != std::string::npos;
    if (all) return FromMention(mention_order_[i]);
  }
  // Names this finder added (the entity layer missed them).
  for (size_t i = new_mentions_.size(); i-- > 0;) {
    const EntityMention& e = new_mentions_[i];
    if (e.span.end > words_[a].start) continue;
    const std::string name = " " + AsciiLower(e.text) + " ";
    bool all = true;
    for (size_t k = a + 1; k <= b && all; ++k) all = name.find(" " + words_[k].lower + " ") != std::string::npos;
    if (!all) continue;
    return FromEntity(e);
  }
  return {};
}

// The one person mentioned before `before` whose surname is a word of
// `title` (or its plural: "The Marlows"); none when two or none are.
Speaker Finder::PersonNamedIn(const std::string& title, size_t before) const {
  std::set<std::string> words;
  std::string w;
  for (char c : title + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 || (c & 0x80) != 0) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      words.insert(w);
      if (w.size() > 3 && w.back() == 's') words.insert(w.substr(0, w.size() - 1));
      w.clear();
    }
  }
  int found = -1;
  for (size_t m = 0; m < entities_->size(); ++m) {
    const EntityMention& e = (*entities_)[m];
    if (e.type != "PERSON" || e.span.end > before || MentionInQuote(m)) continue;
    const size_t space = e.text.rfind(' ');
    if (space == std::string::npos) continue;  // a surname needs a full name
    if (words.count(AsciiLower(e.text.substr(space + 1))) == 0) continue;
    if (found >= 0 && (*entities_)[static_cast<size_t>(found)].entity != e.entity) return {};
    found = static_cast<int>(m);
  }
  return found >= 0 ? FromMention(static_cast<size_t>(found)) : Speaker{};
}

// The organisation or person a document noun at word `i` names as its
// own: a name among its modifiers ("a Defence Ministry statement") or
// after "from"/"by"/"of" ("a statement from the Indian government",
// "published by Ethnos"); none otherwise.
Speaker Finder::DocumentOwner(size_t i) {
  for (size_t k = i; k-- > 0 && i - k <= kNounPhraseWords / 2;) {
    if (words_[k].punct || InQuote(k) || lex::In(lex::kDeterminersAnonymous, words_[k].lower) ||
        lex::In(lex::kDeterminersDefinite, words_[k].lower)) {
      break;
    }
    const int m = words_[k].mention;
    if (m >= 0 && (*entities_)[m].type != "PLACE") return FromMention(static_cast<size_t>(m));
  }
  size_t k = i + 1;
  if (k < words_.size() && words_[k].lower == "published") ++k;
  if (k + 1 >= words_.size() || (words_[k].lower != "from" && words_[k].lower != "by" && words_[k].lower != "of")) {
    return {};
  }
  ++k;
  const size_t phrase = k;
  if (lex::In(lex::kDeterminersDefinite, words_[k].lower) && k + 1 < words_.size()) ++k;
  if (InQuote(k)) return {};
  const int m = words_[k].mention;
  if (m >= 0) return (*entities_)[m].type != "PLACE" ? FromMention(static_cast<size_t>(m)) : Speaker{};
  // A name the entity layer missed ("from the Indian government", found
  // by this finder): the phrase as a subject reads it.
  if (!words_[k].cap) return {};
  const size_t hi = SentenceWords(phrase, phrase + 1).second;
  Speaker s = SubjectAfter(phrase, hi);
  return s.found && s.type != "PERSON" ? s : Speaker{};
}

// The latest outlet named before word `a`, within kIssuerParagraphs
// paragraphs and outside quotations: an organisation whose name ends in a
// word outlets are named with ("the Washington Post") or that reported
// ("Newsday reported"); none when there is none.
Speaker Finder::LastOutlet(size_t a) const {
  for (size_t i = a; i-- > 0;) {
    if (words_[i].para + kIssuerParagraphs < words_[a].para) break;
    if (InQuote(i) || !words_[i].cap) continue;
    const int m = words_[i].mention;
    if (m >= 0 && i + 1 < words_.size() && words_[i + 1].mention == m) continue;
    const std::string& next = i + 1 < words_.size() ? words_[i + 1].lower : words_[i].lower;
    const bool reported = next == "reported" || next == "reports" || next == "reporting";
    if (m >= 0) {
      const EntityMention& e = (*entities_)[m];
      if ((e.type == "ORG" || outlets_.contains(e.entity)) &&
          (reported || lex::In(lex::kNewsOutletWords, words_[i].lower))) {
        return FromMention(static_cast<size_t>(m));
      }
      continue;
    }
    // A name this finder added as a report's speaker ("…, Newsday
    // reported."), not one the entity layer knows as a person.
    if (!reported) continue;
    for (const auto& [at, speaker] : reports_) {
      if (at < words_.size() && words_[at].sent == words_[i].sent && speaker.found && !speaker.id.empty() &&
          (speaker.type == "ORG" || !canonical_.contains(speaker.id))) {
        return speaker;
      }
    }
  }
  return {};
}

// "Iranian television ran video …": an outlet that opens one of the
// kAntecedentSentences - 1 sentences before word `a` as their subject (a
// short phrase whose head names a broadcaster or a paper), described as
// written; none otherwise.
Speaker Finder::OutletSubject(size_t a) const {
  constexpr size_t kOutletPhraseWords = 3;  // "the state news agency"
  const size_t sent = words_[a].sent;
  size_t i = a;
  for (size_t back = 1; back < kAntecedentSentences && back <= sent; ++back) {
    while (i > 0 && words_[i - 1].sent >= sent - back) --i;
    if (words_[i].sent != sent - back) break;
    size_t first = i;
    if (lex::In(lex::kDeterminersDefinite, words_[first].lower)) ++first;
    for (size_t h = first; h < first + kOutletPhraseWords && h + 1 < words_.size(); ++h) {
      if (words_[h].sent != sent - back || words_[h].punct || InQuote(h)) break;
      const std::string& w = words_[h].lower;
      const bool outlet = lex::In(lex::kOrgNounsMedia, w) || lex::Find(lex::kMediaWords, w) == "tv" || w == "radio";
      if (!outlet) continue;
      if (words_[h + 1].punct || words_[h + 1].cap) break;
      Speaker s;
      s.found = true;
      s.name = Slice(words_[first].start, words_[h].end);
      return s;
    }
  }
  return {};
}

// Who issued "the statement" named at word `at`: the subject of the
// latest earlier sentence that names such a document ("Acme issued a
// statement."), else the previous speaker.
Speaker Finder::Issuer(const std::string& noun, size_t at) {
  const size_t sent = words_[at].sent;
  // The same noun first ("the release" after "a release"), then any
  // document of its kind ("the release" after "said in a statement").
  for (const bool any : {noun.empty(), true}) {
    for (size_t i = at; i-- > 0;) {
      if (words_[i].para + kIssuerParagraphs < words_[at].para) break;
      const bool named = any ? lex::In(lex::kDocumentNounsStatement, words_[i].lower) : words_[i].lower == noun;
      if (InQuote(i) || words_[i].sent == sent || !named) continue;
      Speaker owner = DocumentOwner(i);
      if (owner.found) return owner;
      // "…, the release said.": a document that speaks itself names no
      // issuer in its sentence (the sentence's subject is what it said).
      if (i + 1 < words_.size() && lex::In(lex::kReportingVerbsCue, words_[i + 1].lower)) continue;
      auto [from, to] = SentenceWords(i, i + 1);
      Speaker s = ClauseSubject(from, i);
      if (s.found) return s;
    }
  }
  if (last_speaker_.found) return last_speaker_;
  // "Apple announced another event. It is to be held at the California
  // Theater. The invitation reads, "…"": the organisation a recent
  // sentence is about, before the latest one named in passing.
  Speaker subject = SentenceSubject(words_[at].start, "ORG", 0);
  if (subject.found) return subject;
  return Recent(words_[at].start, "ORG");
}

// First word of the noun phrase whose head is `b`, scanning back at most
// kNounPhraseWords words over modifiers, titles in quotation marks and
// names ("the "Uncut Gems" actress", "the SKIMS founder").
size_t Finder::PhraseStart(size_t b, size_t lo) const {
  size_t a = b;
  size_t steps = 0;
  while (a > lo && steps < kNounPhraseWords) {
    const size_t p = a - 1;
    const Word& w = words_[p];
    if (lex::In(lex::kDeterminersAnonymous, w.lower) || lex::In(lex::kDeterminersDefinite, w.lower)) return p;
    if (w.lower == "," || IsTerminal(w.lower) || w.lower == ":" || w.lower == ";") break;
    if (lex::In(lex::kPrepositionsObject, w.lower) && w.lower != "of") break;
    if (w.lower == "after" || w.lower == "before" || w.lower == "during" || w.lower == "since") break;
    if (lex::In(lex::kReportingVerbsCue, w.lower) || lex::In(lex::kPronounsSpeaker, w.lower)) break;
    // "But media have said": a conjunction opens the clause, not the phrase.
    if (w.lower == "but" || w.lower == "and" || w.lower == "yet" || w.lower == "or") break;
    // "The document, which media reports …": a relative pronoun too.
    if (w.lower == "which" || w.lower == "who" || w.lower == "that" || w.lower == "whom") break;
    a = p;
    ++steps;
  }
  return a;
}

// Proper name without an entity mention: a run of capitalised words
// ending at `b`. Joined to an entity with the same last word, else given a
// new id; recorded as a new mention.
Speaker Finder::NewName(size_t a, size_t b, bool known_only, bool fresh) {
  Speaker s;
  s.name = Slice(words_[a].start, words_[b].end);
  if (s.name.empty()) return s;
  const std::string last = words_[b].lower;
  // An acronym or a name ending in an organisation word ("… Trust",
  // "… Group") is an organisation; other names are people.
  const bool acronym =
      a == b && words_[b].raw.size() > 1 &&
      std::all_of(words_[b].raw.begin(), words_[b].raw.end(), [](char c) { return !(c >= 'a' && c <= 'z'); });
  // So is a name after "the" ending in a word outlets are named with ("the
  // Post stated", "the Evening Courier").
  const bool outlet = a > 0 && words_[a - 1].lower == "the" && lex::In(lex::kNewsOutletWords, last);
  // And a name titled by an organisation noun ("cruise operator
  // Hapag-Lloyd said").
  const bool titled = a > 0 && !words_[a - 1].cap && lex::In(lex::kOrgNameTitles, words_[a - 1].lower);
  s.type = acronym || outlet || titled || lex::In(lex::kOrgNounsSpeaker, last) || lex::In(lex::kOrgSuffixesNameEnd, last)
               ? "ORG"
               : "PERSON";
  // "according to THR": the entity whose initials it spells.
  if (acronym) {
    const std::string raw(words_[b].raw);
    auto full = by_initials_.find(raw);
    if (full != by_initials_.end()) {
      s.id = full->second;
      auto it = canonical_.find(s.id);
      if (it != canonical_.end()) s.name = it->second;
    }
    for (const EntityMention& e : new_mentions_) {
      const std::vector<std::string> in = Initials(e.text);
      if (s.id.empty() && std::find(in.begin(), in.end(), raw) != in.end()) {
        s.id = e.entity;
        s.name = e.text;
      }
    }
  }
  auto known = fresh ? by_last_word_.end() : by_last_word_.find(last);
  if (!fresh && known == by_last_word_.end() && a == b) known = by_first_name_.find(last);
  if (s.id.empty() && known != by_last_word_.end() && known != by_first_name_.end()) {
    const EntityMention& e = (*entities_)[known->second];
    s.id = e.entity;
    s.type = e.type;
    auto it = canonical_.find(e.entity);
    if (it != canonical_.end()) s.name = it->second;
  }
  for (const EntityMention& e : new_mentions_) {
    if (s.id.empty() && AsciiLower(e.text) == AsciiLower(s.name)) s.id = e.entity;
  }
  // A sentence-initial word right before its verb is a name the article
  // knows when it is also capitalised inside a sentence ("Airbus has
  // confirmed …" and "its Airbus A400M"; not "Facebook co-founder …").
  if (s.id.empty() && known_only) {
    const std::string& next = b + 1 < words_.size() ? words_[b + 1].lower : std::string();
    bool inside = next == "has" || next == "have" || next == "had" || next == "is" || next == "was" ||
                  lex::In(lex::kReportingVerbsCue, next);
    if (!inside) return {};
    inside = false;
    for (size_t k = 1; k < words_.size() && !inside; ++k) {
      inside = k != a && words_[k].raw == words_[a].raw && words_[k - 1].sent == words_[k].sent &&
               !words_[k - 1].punct && !InQuote(k);
    }
    if (!inside) return {};
  }
  // A name already added at this place keeps the id it was given.
  for (const EntityMention& e : new_mentions_) {
    if (e.span.start == words_[a].start) {
      s.id = e.entity;
      s.type = e.type;
      s.found = true;
      return s;
    }
  }
  if (s.id.empty()) s.id = fmt::format("e{}", ++max_id_);
  EntityMention m;
  m.span = {words_[a].start, words_[b].end};
  m.text = Slice(m.span.start, m.span.end);
  m.type = s.type;
  m.entity = s.id;
  new_mentions_.push_back(std::move(m));
  s.found = true;
  return s;
}

// True when word `i` is a degree or professional letters set off after a
// name ("Jorge Alsip, MD, said"; lexicons/post_nominals.txt): part of the
// name before its comma, never a name of its own (the entity layer may
// take "MD" for a place).
bool Finder::PostNominal(size_t i) const {
  if (i < 2 || words_[i - 1].lower != "," || words_[i].punct) return false;
  std::string bare;
  for (char c : words_[i].lower) {
    if (c != '.') bare += c;
  }
  return lex::In(lex::kPostNominals, bare);
}

bool Finder::IsNameWord(size_t i) const {
  const Word& w = words_[i];
  return w.cap && !w.punct && w.mention < 0 && !InQuote(i) && !lex::In(lex::kPronounsSpeaker, w.lower) &&
         !lex::In(lex::kDeterminersDefinite, w.lower) && !lex::In(lex::kDeterminersAnonymous, w.lower) &&
         !lex::In(lex::kIntroWords, w.lower) && !lex::In(lex::kReportingVerbsCue, w.lower) && !IsRoleNoun(w.lower) &&
         !lex::In(lex::kSubordinatorsQuotes, w.lower) &&
         (!lex::In(lex::kTimeWordsSpeech, w.lower) || TimeWordInName(i));
}

// True when the capitalised time word at `i` sits between two capitalised
// words of one name ("the Sydney Morning Herald"), not after one ("Smith
// Monday said").
bool Finder::TimeWordInName(size_t i) const {
  auto name_part = [&](size_t k) {
    return words_[k].cap && !words_[k].punct && words_[k].sent == words_[i].sent &&
           !lex::In(lex::kTimeWordsSpeech, words_[k].lower);
  };
  return words_[i].cap && i > 0 && i + 1 < words_.size() && name_part(i - 1) && name_part(i + 1);
}

// The speaker whose phrase ends at word `i` (the subject of a cue after
// it, or the phrase after a postposed cue).
Speaker Finder::HeadAt(size_t i, size_t lo) {
  const Word& w = words_[i];
  // "the newspaper" (whatever the entity layer linked it to): the outlet
  // that reported (NounPhrase).
  if (i > lo && !w.cap && words_[i - 1].lower == "the" && lex::In(lex::kOrgNounsMedia, w.lower)) {
    Speaker outlet = LastOutlet(i - 1);
    if (outlet.found) return outlet;
  }
  // "the spokesperson" linked by the entity layer to a name before it is
  // an epithet, not that name: a spokesperson speaks for a body
  // (NounPhrase).
  const bool spokesperson_epithet = w.mention >= 0 && !w.cap && lex::In(lex::kPersonNounsSpokesperson, w.lower);
  // "Sources said": a crowd noun the entity layer took for a name (a
  // sentence's first word is capitalised) is an unnamed speaker.
  if (w.mention >= 0 && lex::In(lex::kCollectives, w.lower) && (*entities_)[w.mention].text == w.raw) {
    Speaker crowd = Anonymous(i, i);
    crowd.name = w.lower;
    return crowd;
  }
  // "CEO of the Refugee Council Enver Solomon told": an organisation's name
  // the entity layer ran on into the person after it; the two or three
  // capitalised words after the organisation's last word are the person.
  if (w.mention >= 0 && (*entities_)[w.mention].type == "ORG" && words_[i].cap) {
    size_t first = i;
    while (first > lo && words_[first - 1].mention == w.mention) --first;
    for (size_t k = i; k > first + 1 && i - k < kNameWords; --k) {
      if (!lex::In(lex::kOrgSuffixesNameEnd, words_[k - 1].lower)) continue;
      bool name = i >= k + 1;  // a first name and a surname at least
      for (size_t n = k; n <= i && name; ++n) {
        name = words_[n].cap && !words_[n].punct && !lex::In(lex::kOrgSuffixesNameEnd, words_[n].lower);
      }
      if (name) return NewName(k, i, /*known_only=*/false, /*fresh=*/true);
      break;
    }
  }
  // ("… Saturday, Sep 14, 2013 Police say": a body noun capitalised right
  // after a figure, a dateline's year, opens the subject; it names nothing.)
  if (w.mention < 0 && w.cap && lex::In(lex::kOrgNounsSpeaker, w.lower) && i > lo && !words_[i - 1].raw.empty() &&
      words_[i - 1].raw[0] >= '0' && words_[i - 1].raw[0] <= '9') {
    return Anonymous(i, i);
  }
  if ((w.mention >= 0 && !spokesperson_epithet) || IsNameWord(i)) {
    if (w.mention >= 0 && (*entities_)[w.mention].type == "WORK") return {};
    size_t first = i;
    if (w.mention >= 0) {
      while (first > lo && words_[first - 1].mention == w.mention) --first;
    } else {
      while (first > lo && IsNameWord(first - 1) && i - first < 3) --first;
    }
    // "a senior Democrat said", "an Iranian said": a name after an
    // indefinite determiner (and lower-case modifiers) is a description of
    // someone the text does not name, not the name's bearer.
    if (first > lo) {
      size_t d = first;
      constexpr size_t kModifierWords = 2;  // "a senior retired Democrat"
      while (d > lo && first - d < kModifierWords && !words_[d - 1].cap && !words_[d - 1].punct &&
             words_[d - 1].mention < 0 && !lex::In(lex::kDeterminersAnonymous, words_[d - 1].lower) &&
             !lex::In(lex::kDeterminersDefinite, words_[d - 1].lower) && !IsRoleNoun(words_[d - 1].lower) &&
             !InQuote(d - 1)) {
        --d;
      }
      // The word before the phrase, when it is still inside the window.
      const std::string& det = d > lo ? words_[d - 1].lower : words_[first].lower;
      if (d > lo && (det == "a" || det == "an" || det == "another")) return Anonymous(d - 1, i);
      // ("said the Democrat who …" after "a senior Democrat said": the
      // earlier description.)
      if (d > lo && det == "the" && d == i) {
        Speaker earlier = DescribedName(words_[i].lower, d - 1);
        if (earlier.found) return earlier;
      }
    }
    if (first > lo) {
      const std::string& prev = words_[first - 1].lower;
      // "a spokesperson for Acme": the organisation speaks.
      const bool spokesperson = (prev == "for" || prev == "of") && first >= lo + 2 && IsSpokesperson(first - 2);
      // "a friend of the actress said": the one the noun before "of"
      // describes speaks, not the one it is described by (a role, "the
      // chief of the fire service", is the office's, read as before).
      // "A statement from Acme stated": the issuer of the document.
      if ((prev == "from" || prev == "by") && first >= lo + 2 &&
          lex::In(lex::kDocumentNounsStatement, words_[first - 2].lower)) {
        if (w.mention >= 0) return FromMention(static_cast<size_t>(w.mention));
        return NewName(first, i);
      }
      // "Representatives at stores in the United States": a place or
      // organisation inside a prepositional phrase is not the subject.
      const bool in_phrase = (prev == "the" || prev == "in") && first >= lo + 2 &&
                             (lex::In(lex::kPrepositionsObject, words_[first - 2].lower) ||
                              words_[first - 2].lower == "in" || prev == "in");
      if (!spokesperson && in_phrase) {
        const size_t head = prev == "in" ? first - 2 : (first >= lo + 3 ? first - 3 : lo);
        if (head <= lo || words_[head].punct) return {};
        return NounPhrase(PhraseStart(head, lo), head);
      }
      // "Kestrel Bank's Ivo Renn said": a possessor before a person's name
      // is the person's affiliation; the person speaks.
      if ((prev == "'s" || prev == "'") && w.mention >= 0 && (*entities_)[w.mention].type == "PERSON") {
        return FromMention(static_cast<size_t>(w.mention));
      }
      // "the ex-wife of Ye", "Smith's lawyer": an epithet, not the name.
      if (!spokesperson && (lex::In(lex::kPrepositionsObject, prev) || prev == "'s" || prev == "'")) {
        if (first < lo + 2) return {};
        const size_t head = first - 2;
        return NounPhrase(PhraseStart(head, lo), head);
      }
      // "A former aide to ex-mayor Tomas Reyes told": the name after a
      // preposition and its title belongs to the description before them.
      size_t p = first;
      while (p > lo + 2 && words_[p - 1].mention < 0) {
        const std::string& r = words_[p - 1].lower;
        if (!words_[p - 1].punct && (TitleWord(words_[p - 1].raw) > 0 || IsRoleNoun(r) || r.starts_with("ex-"))) {
          --p;
        } else if ((r == "-" && words_[p - 2].lower == "ex") || (r == "ex" && p < first)) {
          --p;  // "ex-mayor" read as "ex", "-", "mayor"
        } else {
          break;
        }
      }
      // (A spokesperson's, "A representative for Mr. Jackman", is the
      // person's: read below.)
      if (p < first && p >= lo + 2 && lex::In(lex::kPrepositionsObject, words_[p - 1].lower) &&
          lex::In(lex::kPersonNounsEpithet, words_[p - 2].lower) && !IsSpokesperson(p - 2)) {
        const size_t a = PhraseStart(p - 2, lo);
        if (lex::In(lex::kDeterminersAnonymous, words_[a].lower) || lex::In(lex::kDeterminersDefinite, words_[a].lower)) {
          return NounPhrase(a, p - 2);
        }
      }
    }
    if (w.mention >= 0) return FromMention(static_cast<size_t>(w.mention));
    // A sentence-initial capital alone is no evidence of a name: it
    // must be a name the article already knows.
    const bool initial = first == i && (i == 0 || words_[i - 1].sent != w.sent || IsMark(i - 1));
    return NewName(first, i, initial);
  }
  if (lex::In(lex::kPronounsSpeaker, w.lower)) return Pronoun(w.lower, w.start);
  if (w.punct || LooksLikeVerb(w.lower)) return {};  // "publicly describing"
  // "a week after publicly describing": a conjunction heads no phrase.
  if (lex::In(lex::kSubordinatorsQuotes, w.lower)) return {};
  const size_t a = PhraseStart(i, lo);
  const bool det =
      lex::In(lex::kDeterminersAnonymous, words_[a].lower) || lex::In(lex::kDeterminersDefinite, words_[a].lower);
  // "a spokesman for the facility said": the spokesperson of an unnamed
  // body is the speaker, described with the body.
  if (a >= lo + 2 && (words_[a - 1].lower == "for" || words_[a - 1].lower == "of") && IsSpokesperson(a - 2)) {
    const size_t role = PhraseStart(a - 2, lo);
    if (lex::In(lex::kDeterminersAnonymous, words_[role].lower) ||
        lex::In(lex::kDeterminersDefinite, words_[role].lower)) {
      return Anonymous(role, i);
    }
  }
  // "a friend of the actress said": the one the noun before "of"
  // describes speaks, not the one it is described by (as for a name,
  // "the ex-wife of Ye", above; an office, "the chief of the fire
  // service", is read as before).
  if (a >= lo + 2 && words_[a - 1].lower == "of" && words_[a - 2].mention < 0 &&
      lex::In(lex::kPersonNounsEpithet, words_[a - 2].lower) && !lex::In(lex::kPersonNounsRoleHead, words_[a - 2].lower) &&
      !IsSpokesperson(a - 2)) {
    return NounPhrase(PhraseStart(a - 2, lo), a - 2);
  }
  if (det || IsRoleNoun(w.lower)) return NounPhrase(a, i);
  return {};
}

// True when word `i` is a spokesperson noun (lexicons/person_nouns.txt,
// tag spokesperson).
bool Finder::IsSpokesperson(size_t i) const { return lex::In(lex::kPersonNounsSpokesperson, words_[i].lower); }

// "said a spokesman for the facility": the description of a spokesperson
// for an unnamed body (a definite description, no capitals), [i, end of
// the body's phrase], read after a postposed cue; none otherwise.
Speaker Finder::SpokespersonForUnnamed(size_t i, size_t j, size_t hi) const {
  if (!IsSpokesperson(j) || j + 3 > hi || (words_[j + 1].lower != "for" && words_[j + 1].lower != "of") ||
      !lex::In(lex::kDeterminersDefinite, words_[j + 2].lower)) {
    return {};
  }
  size_t e = j + 2;
  while (e + 1 < hi && e + 1 < j + 2 + kNounPhraseWords && !words_[e + 1].punct && !words_[e + 1].cap &&
         words_[e + 1].mention < 0 && !InQuote(e + 1) && !lex::In(lex::kPrepositionsObject, words_[e + 1].lower) &&
         !lex::In(lex::kReportingVerbsCue, words_[e + 1].lower)) {
    ++e;
  }
  if (e == j + 2) return {};
  return Anonymous(i, e);
}

// Titles, honorifics and their modifiers: 0 for other words, 1 for a
// modifier ("assistant", "shadow", "home"), 2 for a title ("secretary",
// "mr.").
int Finder::TitleWord(std::string_view raw) {
  const std::string w = AsciiLower(raw);
  if (lex::In(lex::kPersonNouns, w) || lex::In(lex::kHonorifics, w)) return 2;
  // "Rep.", "Sen.", "Gov.": a role noun or its abbreviated title
  // (lexicons/role_titles.txt) with the full stop abbreviations take.
  if (w.size() > 1 && w.back() == '.') {
    const std::string_view bare = std::string_view(w).substr(0, w.size() - 1);
    if (lex::In(lex::kPersonNouns, bare)) return 2;
    for (const lex::MapEntry& e : lex::kRoleTitles) {
      if (e.value == bare) return 2;
    }
  }
  return lex::In(lex::kRoleModifiers, w) ? 1 : 0;
}

// True when words [a, b] are titles only ("Assistant Secretary", "Shadow
// Home Secretary", "Mr."): a role or an honorific, never a name.
bool Finder::TitleRun(size_t a, size_t b) const {
  bool title = false;
  for (size_t k = a; k <= b && k < words_.size(); ++k) {
    if (words_[k].lower == ".") continue;
    const int t = TitleWord(words_[k].raw);
    if (t == 0) return false;
    title = title || t == 2;
  }
  return title;
}

// The same for mention `m`, which the entity layer took for a name; also
// modifiers alone before a title ("Vice" in "Vice President Gerald Bantry").
bool Finder::TitleOnly(size_t m) const {
  const std::string& text = (*entities_)[m].text;
  bool title = false;
  size_t b = 0;
  while (b < text.size()) {
    size_t e = text.find(' ', b);
    if (e == std::string::npos) e = text.size();
    const std::string_view w = std::string_view(text).substr(b, e - b);
    b = e + 1;
    if (w.empty()) continue;
    const int t = TitleWord(w);
    if (t == 0) return false;  // most mentions stop at their first word
    title = title || t == 2;
  }
  if (title) return true;
  const size_t next = WordAt((*entities_)[m].span.end);
  return next < words_.size() && next > 0 && words_[next].sent == words_[next - 1].sent &&
         TitleWord(words_[next].raw) == 2;
}

// The person a title run ending at word `j` introduces ("Assistant
// Secretary of the Navy for Acquisition Marvin Sambel"): the first person
// or name within a role phrase, before any punctuation; none when that
// person is a possessor ("Mr. Halvorsen's returns").
Speaker Finder::PersonAfterTitle(size_t j, size_t hi) {
  // "Mr Pope", "Dr. Bishop": after an honorific a capitalised word is a
  // name, whatever else it may be.
  const size_t h = words_[j].lower == "." && j > 0 ? j - 1 : j;
  if (lex::In(lex::kHonorifics, words_[h].lower) && j + 1 < hi && words_[j + 1].cap && !words_[j + 1].punct) {
    const int m = words_[j + 1].mention;
    size_t e = j + 1;
    while (e + 1 < hi && (m >= 0 ? words_[e + 1].mention == m : IsNameWord(e + 1)) && e - j < 3) ++e;
    if (e + 1 < hi && (words_[e + 1].lower == "'s" || words_[e + 1].lower == "'")) return {};  // a possessor
    if (m < 0) return NewName(h, e);
    return (*entities_)[m].type == "PERSON" ? FromMention(static_cast<size_t>(m)) : Speaker{};
  }
  for (size_t k = j + 1; k < hi && k <= j + kRolePhraseWords && (!words_[k].punct || words_[k].lower == "."); ++k) {
    const int m = words_[k].mention;
    if (m >= 0 && (*entities_)[m].type == "PERSON" && !TitleOnly(static_cast<size_t>(m))) {
      size_t e = k;
      while (e + 1 < hi && words_[e + 1].mention == m) ++e;
      if (e + 1 < hi && (words_[e + 1].lower == "'s" || words_[e + 1].lower == "'")) return {};
      return FromMention(static_cast<size_t>(m));
    }
    if (m < 0 && IsNameWord(k) && TitleWord(words_[k].raw) == 0 && k + 1 < hi && IsNameWord(k + 1)) {
      size_t e = k + 1;
      while (e + 1 < hi && IsNameWord(e + 1) && e - k < 3) ++e;
      if (e + 1 < hi && (words_[e + 1].lower == "'s" || words_[e + 1].lower == "'")) return {};
      return NewName(k, e);
    }
  }
  return {};
}

bool Finder::IsRoleNoun(const std::string& w) {
  return lex::In(lex::kPersonNounsEpithet, w) || lex::In(lex::kOrgNounsSpeaker, w) ||
         lex::In(lex::kDocumentNounsStatement, w) || lex::In(lex::kCollectives, w) || IsYearsOld(w);
}

// "Officials at the Interior Department said", "Witnesses for the
// prosecution said", "residents of the village, who said": a crowd noun
// with a preposition's phrase ending at word `i` (back to `lo`) speaks,
// described as written; the body, place or ship the phrase names does not.
// As a clause's `subject` the crowd noun must open its noun phrase; before
// a relative pronoun it may be a preposition's object itself.
Speaker Finder::CrowdWithPhrase(size_t i, size_t lo, bool subject) const {
  for (size_t k = i; k > lo && i - k < kNounPhraseWords; --k) {
    if (words_[k].punct || InQuote(k)) break;
    const std::string& p = words_[k].lower;
    // ("on board the MV Gibe": "board" after "on" is the preposition's.)
    const bool on_board = p == "board" && k > lo + 1 && words_[k - 1].lower == "on";
    if (p != "at" && p != "of" && p != "for" && p != "from" && p != "in" && p != "with" && !on_board) continue;
    const size_t noun = on_board ? k - 2 : k - 1;
    if (k < i && lex::In(lex::kCollectives, words_[noun].lower) && !InQuote(noun) &&
        (!subject || noun == lo || words_[noun - 1].punct || words_[noun - 1].sent != words_[noun].sent ||
         lex::In(lex::kDeterminersDefinite, words_[noun - 1].lower))) {
      return Anonymous(noun, i);
    }
    break;
  }
  return {};
}

size_t Finder::WithheldNameClause(size_t cue, size_t lo) const {
  // The words that close such a clause ("asked not to be named", "spoke on
  // condition of anonymity", "declined to be identified").
  constexpr size_t kWithheldWords = 10;  // "who spoke on the condition that she not be named"
  if (cue <= lo + 2 || !lex::In(lex::kUnnamedSourcesWithheld, words_[cue - 1].lower)) return cue;
  for (size_t k = cue - 1; k > lo + 1 && k + kWithheldWords > cue; --k) {
    if (words_[k - 1].punct || InQuote(k - 1)) return cue;
    if (words_[k - 1].lower != "who") continue;
    // The relative pronoun follows its antecedent's noun directly (a comma
    // before it makes an insertion, which SubjectBefore jumps already).
    return k >= lo + 2 && !words_[k - 2].punct ? k - 1 : cue;
  }
  return cue;
}

// Subject of the cue at word `cue`, reading back no further than `lo`.
Speaker Finder::SubjectBefore(size_t cue, size_t lo) {
  if (cue <= lo) return {};
  // "was described in a 1972 Harbor Gazette profile as "…"": a passive
  // cue whose "in" phrase names an outlet's piece speaks for the outlet,
  // not for the one described.
  const std::string& aux = words_[cue - 1].lower;
  if (lex::In(lex::kAuxiliariesPassiveCue, aux) && cue + 3 < words_.size() &&
      words_[cue + 1].lower == "in" && !words_[cue].lower.ends_with("ing")) {
    int outlet = -1;
    for (size_t k = cue + 2; k < words_.size() && k <= cue + 2 + kMediumPrepositionWords + 1; ++k) {
      if (InQuote(k) || words_[k].punct) break;
      const int m = words_[k].mention;
      // (An outlet's name the entity layer typed as a place, "Washington
      // Post", ends with a word outlets are named with.)
      if (m >= 0 && ((*entities_)[m].type == "ORG" ||
                     ((*entities_)[m].type == "PLACE" && lex::In(lex::kNewsOutletWords, words_[k].lower)))) {
        outlet = m;
      }
      if (outlet >= 0 && m < 0 && lex::In(lex::kDocumentNounsWork, words_[k].lower)) {
        return FromMention(static_cast<size_t>(outlet));
      }
    }
  }
  // "a France Telecom spokeswoman who asked not to be named said": the
  // clause withholding the name sits between the subject and its verb.
  if (const size_t who = WithheldNameClause(cue, lo); who < cue) return HeadAt(who - 1, lo);
  // Forms of quoting someone ("quotes", "cited", "quoting").
  const auto quoting = [](const std::string& q) { return lex::In(lex::kQuotingVerbs, q); };
  // "…," he said, adding that "…": the participle shares the subject of
  // the verb before it.
  // "Reuters quoted Smith as saying", "Smith was quoted as saying": the
  // one quoted speaks, not the one quoting.
  if (words_[cue].lower == "saying" && words_[cue - 1].lower == "as" && cue >= lo + 3) {
    const std::string& v = words_[cue - 2].lower;
    if (v == "quoted" || v == "cited") return cue >= lo + 4 ? SubjectBefore(cue - 2, lo) : Speaker{};
    // (A role and the name in apposition to it make a role phrase's
    // length: "quoted the head of the trade zone, Ali Rezapour, as saying".)
    for (size_t k = cue - 2; k > lo && k + kRolePhraseWords + kNameWords > cue; --k) {
      const std::string& q = words_[k - 1].lower;
      if (!quoting(q)) continue;
      // "Iranian officials were quoted by AP as saying": passive, the
      // subject is the one quoted, not the one after "by".
      if (words_[k].lower == "by" && k >= lo + 3 && (q == "quoted" || q == "cited")) return SubjectBefore(k - 1, lo);
      // The name in apposition to the one quoted, its comma before "as".
      const int m = words_[cue - 2].lower == "," && cue - 3 > k ? words_[cue - 3].mention : -1;
      if (m >= 0 && (*entities_)[m].type == "PERSON") return FromMention(static_cast<size_t>(m));
      if (k + kNounPhraseWords <= cue) break;
      return HeadAt(cue - 2, k);
    }
  }
  // "The Oregonian quotes a federal spokesman confirming that …": the one
  // quoted speaks, whatever the participle.
  if (words_[cue].lower.ends_with("ing") && cue >= lo + 2 && words_[cue - 1].lower != "as") {
    for (size_t k = cue - 1; k > lo && k + kNounPhraseWords > cue; --k) {
      const std::string& q = words_[k - 1].lower;
      if (quoting(q)) return HeadAt(cue - 1, k);
      if (words_[k - 1].punct || InQuote(k - 1)) break;
    }
  }
  // "…, with Boswell stating: "…"": the name after "with" is the
  // participle's subject.
  if (words_[cue].lower.ends_with("ing") && words_[cue - 1].mention >= 0) {
    const int m = words_[cue - 1].mention;
    size_t first = cue - 1;
    while (first > lo && words_[first - 1].mention == m) --first;
    const std::string& type = (*entities_)[m].type;
    if (first > lo && words_[first - 1].lower == "with" && (type == "PERSON" || type == "ORG")) {
      return FromMention(static_cast<size_t>(m));
    }
  }
  // "Mohsen Kazemi from Iran's Red Crescent relief agency said": a person
  // opening the clause and the body a preposition adds to the name; the
  // person speaks, not the body ("a friend of Mr Smith from Leeds said"
  // opens with the friend).
  // ("Francesca Grifo of the Union of Concerned Scientists, an activist
  // group, said": so before the body's own apposition.)
  size_t top = cue;
  if (words_[cue - 1].lower == "," && !words_[cue].lower.ends_with("ing")) {
    size_t open = cue - 1;
    while (open > lo + 1 && cue - open < kAppositiveWords && words_[open - 1].lower != "," && !InQuote(open - 1)) {
      --open;
    }
    // ("Lt. Bob Rifkin of Operation Safe Streets, the department's gang
    // unit, said": a definite apposition too.)
    if (open > lo + 1 && words_[open - 1].lower == "," && open + 1 < cue &&
        (lex::In(lex::kDeterminersAnonymous, words_[open].lower) ||
         lex::In(lex::kDeterminersDefinite, words_[open].lower))) {
      top = open - 1;
    }
  }
  if (!words_[cue].lower.ends_with("ing")) {
    for (size_t k = top - 1; k > lo + 1 && k + kNounPhraseWords >= top; --k) {
      const std::string& p = words_[k].lower;
      if (InQuote(k) || (words_[k].punct && p != "'s" && p != "'" && p != "-")) break;
      if (p != "from" && p != "of" && p != "at") continue;
      const int m = words_[k - 1].mention;
      // ("Union of Concerned Scientists": an "of" inside the body's name.)
      if (m < 0 && words_[k - 1].cap && !words_[k - 1].punct && k + 1 < top && words_[k + 1].cap) continue;
      if (m < 0 || (*entities_)[m].type != "PERSON") break;
      size_t first = k - 1;
      // ("Lt. Bob Rifkin of Operation Safe Streets": an abbreviated
      // title's stop before the name is the title's.)
      while (first > lo && (words_[first - 1].mention == m ||
                            (words_[first - 1].cap && !words_[first - 1].punct && TitleWord(words_[first - 1].raw) == 2) ||
                            (words_[first - 1].lower == "." && first - 1 > lo &&
                             TitleWord(words_[first - 2].raw) == 2))) {
        --first;
      }
      const std::string& open = first > lo ? words_[first - 1].lower : "";
      if (first == lo || open == "," || open == "that" || open == "and" || open == "but") {
        return FromMention(static_cast<size_t>(m));
      }
      break;
    }
  }
  const std::string& before_cue = words_[cue - 1].lower;
  // "issued a statement saying": the issuer speaks.
  // (So after the time the document came out: "issued a statement
  // Saturday evening saying".)
  size_t document = cue - 1;
  while (document > lo + 1 && lex::In(lex::kTimeWordsSpeech, words_[document].lower) && !InQuote(document)) {
    --document;
  }
  if (words_[cue].lower.ends_with("ing") &&
      (before_cue == "," || before_cue == "by" || lex::In(lex::kDocumentNounsStatement, words_[document].lower))) {
    // The verb the participle hangs on may lie before the window the
    // caller looked at ("Mannion stated that …, saying, "…"").
    const size_t s0 = std::min(lo, SentenceWords(cue, cue + 1).first);
    for (size_t k = cue - 1; k-- > s0;) {
      if (IsTerminal(words_[k].lower)) break;
      if (!InQuote(k) && lex::In(lex::kReportingVerbsCue, words_[k].lower) && !words_[k].lower.ends_with("ing") &&
          !WeakCue(k)) {
        return SubjectBefore(k, s0);
      }
    }
    // "Smith unveiled the products, saying …": the clause's subject.
    Speaker s = ParticipleSubject(cue, s0);
    if (s.found) return s;
  }
  Speaker chained = PersonBeforeAppositions(cue, lo);
  if (chained.found) return chained;
  Speaker by = DocumentBy(cue, lo);
  if (by.found) return by;
  size_t i = cue - 1;
  // "she then said", "the firm today said"
  // (And "in turn": "Coleman, who in turn said".)
  while (i > lo && (lex::In(lex::kCueAdverbs, words_[i].lower) ||
                    (!words_[i].cap && words_[i].lower != "this" && lex::In(lex::kTimeWordsSpeech, words_[i].lower)) ||
                    (i > lo + 1 && words_[i].lower == "turn" && words_[i - 1].lower == "in"))) {
    i -= words_[i].lower == "turn" ? 2 : 1;
  }
  // "Reports on Tuesday morning indicated", "Police in May said": a time
  // phrase between the subject and its verb.
  size_t t = i;
  while (t > lo && lex::In(lex::kTimeWordsSpeech, words_[t].lower) && !InQuote(t)) --t;
  if (t < i && t > lo && (words_[t].lower == "on" || words_[t].lower == "in")) {
    i = t - 1;
    while (i > lo && lex::In(lex::kCueAdverbs, words_[i].lower)) --i;
  }
  // "ESPN is reporting that": the auxiliary of a progressive.
  if (words_[cue].lower.ends_with("ing") && i > lo &&
      (words_[i].lower == "is" || words_[i].lower == "are" || words_[i].lower == "was" || words_[i].lower == "were")) {
    --i;
  }
  // "Devocht, who had told Montalvo he would help": the relative
  // pronoun's antecedent speaks.
  // (The antecedent may be a preposition's object: "met with Devocht,
  // who had told".)
  // (Set off by a dash too: "Williams - who said".)
  const std::string_view before_who = i >= lo + 2 ? std::string_view(words_[i - 1].lower) : std::string_view();
  if (words_[i].lower == "who" && i >= lo + 2 &&
      (before_who == "," || before_who == "-" || before_who == "--" || before_who == "\xE2\x80\x94")) {
    // ("a distress call from seamen on board the MV Gibe, who said": the
    // crowd before the preposition, not the ship.)
    Speaker crowd = CrowdWithPhrase(i - 2, lo, /*subject=*/false);
    if (crowd.found) return crowd;
    const int m = words_[i - 2].mention;
    if (m >= 0 && ((*entities_)[m].type == "PERSON" || (*entities_)[m].type == "ORG")) {
      return FromMention(static_cast<size_t>(m));
    }
    Speaker s = HeadAt(i - 2, lo);
    if (s.found) return s;
  }
  // Appositives and relative clauses between subject and verb ("Smith,
  // 58, who led the council, said"): jump back over each comma pair.
  for (size_t jumps = 0; words_[i].lower == "," && jumps < kAppositiveJumps; ++jumps) {
    size_t j = i;
    while (j > lo && i - j < kAppositiveWords && words_[j - 1].lower != "," && !IsTerminal(words_[j - 1].lower)) --j;
    if (j < lo + 2 || words_[j - 1].lower != ",") return {};
    // "released on Friday, November 3, said": a date's own comma is
    // inside the insertion.
    if (DateFragment(j, i)) {
      i = j - 1;
      continue;
    }
    // ("…, and, in a careful phrasing, said": a preposition's phrase
    // between commas after "and" or "but" is no subject; the verb shares
    // the clause's subject.)
    if (j >= lo + 3 && (lex::In(lex::kPrepositions, words_[j].lower) || words_[j].lower == "in") &&
        (words_[j - 2].lower == "and" || words_[j - 2].lower == "but")) {
      return ClauseSubject(lo, j - 2);
    }
    // "Another automaker, General Motors (GM), announced": a name that
    // opens the insertion is the subject it renames.
    // ("Wagoner, GM's chief executive, said": a possessor describes.)
    // "Halberg's chief operating officer, Dr. Ingrid Sæther, said": an
    // honorific before the renaming name is not part of it.
    size_t name = j;
    while (name + 1 < i && (lex::In(lex::kHonorifics, words_[name].lower) || words_[name].lower == ".") &&
           words_[name].mention < 0) {
      ++name;
    }
    size_t after_name = name;
    while (after_name < i && words_[after_name].mention == words_[name].mention) ++after_name;
    const bool possessor = words_[after_name].lower == "'s" || words_[after_name].lower == "'";
    const int m = words_[name].mention;
    // "Hilary Braysmith, USI associate professor of art history, said": an
    // organisation followed by a role describes the subject; it does not
    // rename it.
    const bool role_after = m >= 0 && after_name < i &&
                            (TitleWord(words_[after_name].raw) > 0 || IsRoleNoun(words_[after_name].lower));
    // ("J. Tomas Brekke, MD, said": degree letters are no renaming name.)
    if (m >= 0 && !possessor && !role_after && !PostNominal(name) &&
        ((*entities_)[m].type == "PERSON" || (*entities_)[m].type == "ORG")) {
      return FromMention(static_cast<size_t>(m));
    }
    i = j - 2;
    // ("Jorge Velk, MD, the society's president, said": the name before
    // the degree letters is the subject.)
    while (i >= lo + 2 && PostNominal(i)) i -= 2;
    if (words_[i].lower != ",") {
      Speaker s = HeadAt(i, lo);
      if (s.found || i == lo || words_[i - 1].lower != ",") return s;
      --i;  // on the comma that closes the subject or an earlier insertion
      if (i > lo) {
        s = HeadAt(i - 1, lo);
        if (s.found) return s;
      }
    }
  }
  if (words_[i].lower == "and" || words_[i].lower == "that" || words_[i].lower == "which") {
    return ClauseSubject(lo, i);
  }
  Speaker crowd = CrowdWithPhrase(i, lo, /*subject=*/true);
  if (crowd.found) return crowd;
  Speaker unnamed = UnnamedSource(i, lo);
  if (unnamed.found) return unnamed;
  // "an anonymous individual "with direct knowledge" claimed": the source's
  // own words quoted inside its description.
  if (IsMark(i) && InQuote(i) && words_[i].quote >= 0) {
    const size_t open = WordAt(top_[static_cast<size_t>(words_[i].quote)].open);
    if (open > lo + 1 && open < i) {
      Speaker head = UnnamedSource(open - 1, lo, /*head_last=*/true);
      if (head.found) return head;
    }
  }
  if (words_[i].lower == ")") {
    while (i > lo && words_[i].lower != "(") --i;
    if (i == lo) return {};
    --i;
  }
  return HeadAt(i, lo);
}

// "The pastor said", "Iran's seismologic center said", "…, the Indian
// military said.": for a cue at `cue` that follows persons (the link cues)
// and whose subject SubjectBefore could not read, a definite or
// possessive noun phrase right before it (back to `lo`) whose head no
// lexicon knows is its speaker, described as the text gives it, or owned
// by whom "his"/"her"/"their" refers to ("his lawyers"). None when the
// words are no such phrase (a verb, a pronoun, a time, a name, or a head
// the lexicons know: those SubjectBefore reads, or leaves to other clues).
Speaker Finder::DescribedSubject(size_t cue, size_t lo) {
  if (cue <= lo + 1 || !lex::In(lex::kReportingVerbsLink, words_[cue].lower)) return {};
  size_t i = cue - 1;
  while (i > lo && (lex::In(lex::kCueAdverbs, words_[i].lower) ||
                    (!words_[i].cap && lex::In(lex::kTimeWordsSpeech, words_[i].lower)))) {
    --i;
  }
  const Word& w = words_[i];
  if (w.cap || w.punct || w.mention >= 0 || InQuote(i) || LooksLikeVerb(w.lower) || IsRoleNoun(w.lower) ||
      lex::In(lex::kPronounsSpeaker, w.lower) || lex::In(lex::kTimeWordsSpeech, w.lower) ||
      lex::In(lex::kSubordinatorsQuotes, w.lower) || lex::In(lex::kPrepositions, w.lower) ||
      !std::all_of(w.lower.begin(), w.lower.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return {};
  }
  const size_t a = PhraseStart(i, lo);
  constexpr size_t kDescribedWords = 4;  // "Iran 's seismologic center"
  if (a == i || i - a >= kDescribedWords) return {};
  bool owned = false;
  for (size_t k = a; k < i; ++k) {
    if (words_[k].lower == "of" || InQuote(k)) return {};
    owned = owned || words_[k].lower == "'s" || words_[k].lower == "'";
  }
  const std::string& det = words_[a].lower;
  const bool definite = det == "the" || det == "his" || det == "her" || det == "its" || det == "their";
  if (!definite && !owned) return {};
  // The phrase is the clause's subject: it opens the sentence part.
  const bool opens = a == lo || words_[a - 1].punct || words_[a - 1].lower == "and" || words_[a - 1].lower == "but";
  if (!opens) return {};
  // ("their union" with no owner the pronoun settles is left unread.)
  if (det == "his" || det == "her" || det == "their") return OwnedDescription(a, i);
  // "Undersea cable operator Seacom announced … The cable operator
  // announced": the head written earlier right before a name, as its
  // title, is that name's.
  if (det == "the") {
    Speaker titled = RoleHolder(w.lower, words_[a].start);
    if (titled.found) return titled;
    titled = TitledEarlier(w.lower, a);
    if (titled.found) return titled;
  }
  return Anonymous(a, i);
}

Speaker Finder::TitledEarlier(const std::string& head, size_t a) const {
  for (size_t k = a; k-- > 0;) {
    if (words_[k].lower != head || InQuote(k) || k + 1 >= a) continue;
    const int m = words_[k + 1].mention;
    if (m >= 0 && ((*entities_)[m].type == "PERSON" || (*entities_)[m].type == "ORG")) {
      return FromMention(static_cast<size_t>(m));
    }
  }
  return {};
}

// "An opinion poll published by Ethnos newspaper on Sunday said", "a
// survey by Varn University found": a finding or document "by" a name, as
// the subject of the cue at `cue` (back to `lo`), is the name's (an outlet
// noun after the name is dropped); none when the words are no such
// phrase.
Speaker Finder::DocumentBy(size_t cue, size_t lo) {
  for (size_t k = cue; k-- > lo + 1 && cue - k <= kNounPhraseWords;) {
    if (InQuote(k) || words_[k].lower == "," || IsTerminal(words_[k].lower)) return {};
    if (words_[k].lower != "by") continue;
    size_t doc = k - 1;
    if (lex::In(lex::kAuthoringVerbs, words_[doc].lower)) {
      if (doc == lo) return {};
      --doc;
    }
    if (!lex::In(lex::kDocumentNounsFinding, words_[doc].lower) &&
        !lex::In(lex::kDocumentNounsStatement, words_[doc].lower)) {
      return {};
    }
    size_t e = k + 1;
    while (e < cue && e < k + 1 + kNameWords + 1 && (words_[e].mention >= 0 || IsNameWord(e))) ++e;
    if (e == k + 1) return {};
    // After the name: an outlet noun, a time ("on Sunday"), nothing else.
    for (size_t t = e; t < cue; ++t) {
      const std::string& w = words_[t].lower;
      if (!lex::In(lex::kOrgNounsMedia, w) && !lex::In(lex::kTimeWordsSpeech, w) && w != "on" && w != "last" &&
          w != "this") {
        return {};
      }
    }
    const int m = words_[k + 1].mention;
    if (m >= 0 && words_[e - 1].mention == m) return FromMention(static_cast<size_t>(m));
    Speaker s = NewName(k + 1, e - 1);
    if (s.found && s.type == "PERSON" && e < cue && lex::In(lex::kOrgNounsMedia, words_[e].lower)) {
      s.type = "ORG";  // "Ethnos newspaper"
      for (EntityMention& added : new_mentions_) {
        if (added.entity == s.id) added.type = "ORG";
      }
    }
    return s;
  }
  return {};
}

// "Captain Ivo Renn, Chief Public Relations Officer, Navy, said", "Ivo
// Renn, Assistant Chief Fire Officer at Varn Fire Service says": a
// person's name opening the subject, followed by comma-delimited
// insertions that describe the person (a role among them), is the speaker;
// neither the role nor the organisation in it is. None when the words
// before the cue at `cue` (back to `lo`) are not such a chain.
Speaker Finder::PersonBeforeAppositions(size_t cue, size_t lo) const {
  if (cue <= lo + 3) return {};
  size_t end = cue;  // exclusive end of the current segment
  if (words_[end - 1].lower == ",") --end;
  bool role = false;
  for (size_t segments = 0; segments <= kAppositiveJumps; ++segments) {
    size_t start = end;
    while (start > lo && end - start < kAppositiveWords && words_[start - 1].lower != "," &&
           !IsTerminal(words_[start - 1].lower) && !InQuote(start - 1)) {
      --start;
    }
    if (start == end) return {};
    const bool first = start == lo || words_[start - 1].lower != ",";
    if (first) {
      if (segments == 0 || !role) return {};
      // The opening segment: titles, then one person's name, nothing else.
      size_t k = start;
      while (k < end && words_[k].mention < 0 && (TitleWord(words_[k].raw) > 0 || words_[k].lower == ".")) ++k;
      const int m = k < end ? words_[k].mention : -1;
      if (m < 0 || (*entities_)[m].type != "PERSON") return {};
      while (k < end && words_[k].mention == m) ++k;
      return k == end ? FromMention(static_cast<size_t>(m)) : Speaker{};
    }
    // An insertion: no clause of its own and no coordination; a role or
    // title word in its first words makes it a description of the person.
    for (size_t k = start; k < end; ++k) {
      const std::string& x = words_[k].lower;
      const bool name_and = x == "and" && k > start && k + 1 < end && words_[k - 1].cap && words_[k + 1].cap;
      if ((x == "and" && !name_and) || x == "who" || x == "which" || lex::In(lex::kPronounsSpeaker, x) ||
          lex::In(lex::kReportingVerbsCue, x) || words_[k].punct) {
        return {};
      }
      constexpr size_t kRoleLead = 4;  // "Assistant Chief Fire Officer"
      if (k < start + kRoleLead && words_[k].mention < 0 && (IsRoleNoun(x) || TitleWord(words_[k].raw) > 0)) {
        role = true;
      }
    }
    end = start - 1;  // on the comma before this insertion
  }
  return {};
}

// True when words [a, b) are a date's parts ("November 3", "2023").
bool Finder::DateFragment(size_t a, size_t b) const {
  if (a >= b) return false;
  // "Nichols, 37, told the court": a number of one to three digits alone
  // between two commas is an age, not a date's part (a year has four
  // digits, a day comes with its month: "November 3").
  constexpr size_t kYearDigits = 4;
  if (b == a + 1 && words_[a].lower.size() < kYearDigits) return false;
  for (size_t k = a; k < b; ++k) {
    const std::string& w = words_[k].lower;
    const bool number = std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!number && !lex::In(lex::kTimeWordsSpeech, w)) return false;
  }
  return true;
}

// "someone familiar with the situation", "people close to the talks":
// the unnamed sources of news writing, a phrase ending at word `i`.
Speaker Finder::UnnamedSource(size_t i, size_t lo, bool head_last) const {
  // `head_last`: the phrase ends at its head, the quotation after it
  // taking the place of its link words.
  if (head_last) {
    if (!lex::In(lex::kUnnamedSourcesHead, words_[i].lower)) return {};
    size_t a = i;
    while (a > lo && i - a < kNounPhraseWords && !words_[a - 1].punct && !words_[a - 1].cap &&
           (lex::In(lex::kDeterminersAnonymous, words_[a - 1].lower) ||
            lex::In(lex::kUnnamedSourcesModifier, words_[a - 1].lower))) {
      --a;
    }
    return Anonymous(a, i);
  }
  for (size_t k = i; k > lo && k + kNounPhraseWords > i; --k) {
    const Word& w = words_[k - 1];
    if (w.punct && !IsMark(k - 1)) break;
    if (!lex::In(lex::kUnnamedSourcesHead, w.lower) || !lex::In(lex::kUnnamedSourcesLink, words_[k].lower)) continue;
    size_t a = k - 1;
    while (a > lo && a + kNounPhraseWords > k && !words_[a - 1].punct && !words_[a - 1].cap &&
           (lex::In(lex::kDeterminersAnonymous, words_[a - 1].lower) ||
            lex::In(lex::kUnnamedSourcesModifier, words_[a - 1].lower))) {
      --a;
    }
    return Anonymous(a, i);
  }
  return {};
}

// The source "according to" names in [i, hi): the outlet or author of a
// document when one is named ("according to a report in Ars Technica",
// "a review by PC World"), else the phrase's speaker.
Speaker Finder::AccordingTo(size_t i, size_t hi, bool postposed) {
  // "according to its annual accounts": a document speaks for its owner
  // ("according to his lawyer" is a person, read as a noun phrase below).
  const std::string& det = i < hi ? words_[i].lower : std::string();
  if ((det == "its" || det == "their") && hi > i + 1 && !lex::In(lex::kPersonNounsEpithet, words_[hi - 1].lower) &&
      !lex::In(lex::kUnnamedSourcesHead, words_[hi - 1].lower)) {
    Speaker owner = Pronoun(det == "its" ? "it" : "they", words_[i].start);
    if (owner.found) return owner;
  }
  for (size_t k = i; k + 2 < hi && k < i + kNounPhraseWords; ++k) {
    if (words_[k].punct) break;
    const std::string& next = words_[k + 1].lower;
    if (!(lex::In(lex::kDocumentNounsWork, words_[k].lower) ||
          lex::In(lex::kDocumentNounsStatement, words_[k].lower)) ||
        !(next == "in" || next == "by" || next == "from")) {
      continue;
    }
    Speaker s = SubjectAfter(k + 2, hi);
    if (s.found) return s;
    break;
  }
  Speaker s = SubjectAfter(i, hi);
  if (s.found || !postposed) return s;
  // "…, according to court records.", "…, according to the company
  // website.", "According to court records, …": before or after its
  // content the phrase names the source whatever its head, when it is the
  // whole phrase up to the sentence's end or its comma (a noun
  // phrase's length, no verb of saying): a document named by a business
  // noun is that business's, any other is the source as written.
  if (i >= hi || hi - i > kNounPhraseWords) return {};
  for (size_t k = i; k < hi; ++k) {
    // ("according to published reports": a plural noun of reports heads
    // the phrase; it is no verb.)
    const bool noun = k + 1 == hi && k > i && lex::In(lex::kCollectives, words_[k].lower);
    if (words_[k].punct || InQuote(k) || (lex::In(lex::kReportingVerbsCue, words_[k].lower) && !noun)) return {};
  }
  if (hi >= i + 2 && lex::In(lex::kOrgNounsBusiness, words_[hi - 2].lower)) {
    Speaker owner = NounPhrase(i, hi - 2);
    if (owner.found && !owner.id.empty()) return owner;
  }
  // "according to figures released on Monday by the NPD Group": whoever
  // released them is the source.
  for (size_t k = i + 1; k + 1 < hi; ++k) {
    if (words_[k].lower != "by" && words_[k].lower != "from") continue;
    Speaker by = SubjectAfter(k + 1, hi);
    if (by.found && !by.id.empty()) return by;
  }
  return Anonymous(i, hi - 1);
}

// The speaker a phrase starting at word `i` names ("said Smith", "said
// the company", "wrote one fan"), up to `hi`.
Speaker Finder::SubjectAfter(size_t i, size_t hi) {
  if (i >= hi) return {};
  const Word& w = words_[i];
  // "wrote on X on Monday": a place the words went, not who wrote them.
  if (w.lower == "on" || w.lower == "in" || w.lower == "via") return {};
  // "said Uralsib analyst Chris Weafer", "said the firm's chief executive,
  // Alan Mulally": a person named after a role is the speaker.
  // "said Uralsib analyst Chris Weafer" also when the entity layer typed
  // the organisation PERSON: a role noun between two names makes the
  // second the speaker.
  if (w.mention < 0 || (*entities_)[w.mention].type != "PERSON" || RoleThenName(i, hi)) {
    const int person = PersonAfterRole(i, hi);
    if (person >= 0) {
      Speaker s = HeadAt(static_cast<size_t>(person), i);
      if (s.found) return s;
    }
  }
  if (w.mention >= 0) {
    size_t j = i;
    while (j + 1 < hi && words_[j + 1].mention == w.mention) ++j;
    // "according to Saudi Arabia's Civil Defense Authority": the possessor
    // places the source; the name it possesses speaks.
    if (j + 2 < hi && (words_[j + 1].lower == "'s" || words_[j + 1].lower == "'") &&
        (*entities_)[w.mention].type != "PERSON" &&
        (IsNameWord(j + 2) || (words_[j + 2].mention >= 0 && (*entities_)[words_[j + 2].mention].type != "PLACE"))) {
      Speaker owned = SubjectAfter(j + 2, hi);
      if (owned.found) return owned;
    }
    // "said Barclays Capital economists": a group, not the firm.
    if (j + 1 < hi && lex::In(lex::kCollectives, words_[j + 1].lower)) return Anonymous(i, j + 1);
    return HeadAt(j, i);
  }
  if (lex::In(lex::kPronounsSpeaker, w.lower)) return Pronoun(w.lower, w.start);
  // The phrase runs to a preposition, a cue verb ("States" in "United
  // States" is a name, not "states"), or a past tense after a name ("the
  // UAW issued a statement"; "the embattled firm" goes on).
  size_t j = i;
  while (j + 1 < hi && j - i + 1 < kNounPhraseWords && !words_[j + 1].punct &&
         !lex::In(lex::kPrepositionsObject, words_[j + 1].lower) && words_[j + 1].lower != "who" &&
         words_[j + 1].lower != "in" && (words_[j + 1].cap || !lex::In(lex::kReportingVerbsCue, words_[j + 1].lower)) &&
         (!lex::In(lex::kTimeWordsSpeech, words_[j + 1].lower) || TimeWordInName(j + 1)) &&
         !(words_[j].cap && !words_[j + 1].cap && words_[j + 1].mention < 0 && LooksLikeVerb(words_[j + 1].lower))) {
    ++j;
  }
  if (words_[j].mention >= 0 || IsNameWord(j)) {
    // ("said the Democrat who …" after "a senior Democrat said": the
    // earlier description, as HeadAt reads it.)
    if (w.lower == "the" && j == i + 1) {
      Speaker earlier = DescribedName(words_[j].lower, i);
      if (earlier.found) return earlier;
    }
    if (words_[j].mention >= 0) return HeadAt(j, i);
    size_t b = i;
    while (b < j && !IsNameWord(b)) ++b;
    // ("said a senior Democrat": a description, as HeadAt reads it.)
    bool modifiers = b > i && (w.lower == "a" || w.lower == "an" || w.lower == "another");
    for (size_t k = i + 1; k < b && modifiers; ++k) modifiers = !words_[k].cap && !words_[k].punct;
    if (modifiers && b + 2 > j + 1) return Anonymous(i, j);
    return NewName(b, j, b == j && words_[b].cap && b > 0 && words_[b - 1].sent != words_[b].sent);
  }
  // "the premier of the northern state remarked": an office described by
  // what it is of introduces its holder; it does not point back to the
  // last person named. (An epithet the entity layer linked is a mention.)
  if (j + 2 < hi && words_[j + 1].lower == "of" && lex::In(lex::kDeterminersDefinite, words_[i].lower) &&
      words_[j].mention < 0 && !words_[j].cap && !lex::In(lex::kDocumentNounsStatement, words_[j].lower)) {
    size_t e = j + 2;
    while (e + 1 < hi && e - i + 1 < kRolePhraseWords && !words_[e + 1].punct &&
           (words_[e + 1].cap || !lex::In(lex::kReportingVerbsCue, words_[e + 1].lower)) &&
           !(words_[e + 1].mention < 0 && !words_[e + 1].cap && LooksLikeVerb(words_[e + 1].lower)) &&
           !lex::In(lex::kCueAdverbs, words_[e + 1].lower) && words_[e + 1].lower != "who") {
      ++e;
    }
    return Anonymous(i, e);
  }
  // "said a spokesperson for Interoute": the organisation named after the
  // role speaks.
  if (IsSpokesperson(j) && j + 2 < hi && (words_[j + 1].lower == "for" || words_[j + 1].lower == "of")) {
    const size_t o = j + 2 + (lex::In(lex::kDeterminersDefinite, words_[j + 2].lower) && j + 3 < hi ? 1 : 0);
    const int m = words_[o].mention;
    if (m >= 0 && ((*entities_)[m].type == "ORG" || (*entities_)[m].type == "PLACE") && !InQuote(o)) {
      Speaker org = FromMention(static_cast<size_t>(m));
      org.via = words_[j].lower;
      return org;
    }
  }
  Speaker unnamed = SpokespersonForUnnamed(i, j, hi);
  if (unnamed.found) return unnamed;
  return NounPhrase(i, j);
}

// True when the mention at word `i` is followed, within a role phrase, by
// a role noun and then another person's name ("ANA senior vice president
// Mitsuo Morimoto").
bool Finder::RoleThenName(size_t i, size_t hi) const {
  const int first = words_[i].mention;
  size_t k = i;
  while (k < hi && words_[k].mention == first) ++k;
  bool role = false;
  for (; k < hi && k < i + kRolePhraseWords; ++k) {
    const Word& w = words_[k];
    if (w.mention >= 0 && w.mention != first) return role && (*entities_)[w.mention].type == "PERSON";
    // "Bloomington Police Sgt. Marty Earley": capitalised titles and their
    // modifiers are the role, not a name.
    if (w.cap && w.mention < 0 && TitleWord(w.raw) > 0) {
      role = role || TitleWord(w.raw) == 2;
      continue;
    }
    if (IsNameWord(k)) return role && k + 1 < hi && IsNameWord(k + 1);
    // "said Biancardi's attorney, James Zeszutek": the person in apposition
    // to the role the first name's possessive owns.
    if (w.lower == "'s" || w.lower == "'") continue;
    if (w.lower == "," && role && k + 1 < hi && words_[k + 1].mention >= 0 && words_[k + 1].mention != first) {
      return (*entities_)[words_[k + 1].mention].type == "PERSON";
    }
    // "Bloomington Police Sgt. Marty Earley": an abbreviated title's point.
    if (w.lower == "." && k > i && TitleWord(words_[k - 1].raw) > 0) continue;
    if (w.punct || InQuote(k) || lex::In(lex::kPrepositionsObject, w.lower) || w.lower == "in") return false;
    role = role || lex::In(lex::kPersonNounsEpithet, w.lower);
  }
  return false;
}

// The last word of the last person named in the phrase starting at `i`
// (up to a full stop, a quotation, a relative pronoun or a participle):
// a PERSON mention, or two or more capitalised words the entity layer
// missed. -1 when there is none.
int Finder::PersonAfterRole(size_t i, size_t hi) const {
  int person = -1;
  for (size_t k = i; k < hi && k < i + kRolePhraseWords; ++k) {
    const Word& w = words_[k];
    // "Police Sgt. Marty Earley": an abbreviated title's point goes on.
    if (w.lower == "." && k > i && TitleWord(words_[k - 1].raw) > 0 && k + 1 < hi && words_[k + 1].cap) continue;
    // A participle ends the phrase; a name ending in -ing ("Acme
    // Trading") does not.
    if (InQuote(k) || IsTerminal(w.lower) || w.lower == ";" || w.lower == "who" || w.lower == "which" ||
        (w.lower.size() > 4 && w.lower.ends_with("ing") && !w.cap && w.mention < 0)) {
      break;
    }
    // A verb ends the subject ("Smith also expressed condolences for
    // Jones"): names after it are objects. (Right after a possessive or a
    // determiner an -ed word is an adjective: "the company's advanced
    // threat researcher Paul Ferguson".)
    const std::string& before = words_[k - (k > i ? 1 : 0)].lower;
    const bool modifies = k > i && (before == "'s" || before == "'" || lex::In(lex::kDeterminersDefinite, before) ||
                                    lex::In(lex::kDeterminersAnonymous, before));
    if (k > i && !w.cap && w.mention < 0 &&
        ((LooksLikeVerb(w.lower) && !modifies && !ModifiesRole(k, hi)) || lex::In(lex::kCueAdverbs, w.lower) ||
         lex::In(lex::kReportingVerbsCue, w.lower))) {
      break;
    }
    // "said the Press Democrat newspaper in Santa Rosa, California, 55
    // miles north of San Francisco": a body's noun and the place it is in
    // end the phrase; names after them locate it and do not speak.
    if (k > i && !w.cap && w.mention < 0 && k + 1 < hi && words_[k + 1].lower == "in" &&
        (lex::In(lex::kOrgNounsMedia, w.lower) || lex::In(lex::kOrgNounsSpeaker, w.lower))) {
      break;
    }
    // ("A key witness against murder suspect Ivo Renn": the object of
    // "against" is the one the person opposes, never the person.)
    if (k > i && w.lower == "against") break;
    // ("said commentator Pat Burnell, a former Nixon speechwriter": a
    // comma right after the person opens an apposition, whose names only
    // describe the person.)
    // (Not after capitalised words the entity layer left unnamed: "said
    // chief investment officer at Solaris Asset Management, Tim Ghriskey".)
    if (w.lower == "," && person >= 0 && k == static_cast<size_t>(person) + 1 &&
        words_[static_cast<size_t>(person)].mention >= 0) {
      break;
    }
    const bool mention = w.mention >= 0 && (*entities_)[w.mention].type == "PERSON";
    const bool name = IsNameWord(k) && k > i && IsNameWord(k - 1) &&
                      (k + 1 >= hi || !IsNameWord(k + 1));
    if (mention || name) person = static_cast<int>(k);
  }
  return person;
}

// True when the verb-like word at `k` modifies a person's role that
// follows it ("ex-NYPD organized crime detective Joe Coffey"): a few
// lower-case words, then a role noun, then a capitalised name.
bool Finder::ModifiesRole(size_t k, size_t hi) const {
  for (size_t r = k + 1; r < hi && r <= k + kRoleModifierWords; ++r) {
    const Word& w = words_[r];
    if (w.cap || w.punct || w.mention >= 0 || InQuote(r) || LooksLikeVerb(w.lower) ||
        lex::In(lex::kPrepositionsObject, w.lower)) {
      return false;
    }
    if (lex::In(lex::kPersonNouns, w.lower)) return r + 1 < hi && words_[r + 1].cap;
  }
  return false;
}

// First word of the clause that ends at `hi`: after the last ", and",
// "and", "but" or ";" of the sentence part [lo, hi).
size_t Finder::ClauseStart(size_t lo, size_t hi) const {
  for (size_t i = hi; i-- > lo;) {
    const std::string& w = words_[i].lower;
    if (InQuote(i)) continue;
    // "directed the Commerce and Interior departments": an "and" between
    // two capitalised words after a determiner joins the modifiers of one
    // noun phrase, not clauses ("Mark and Condon are" may be a clause's).
    if (w == "and" && i + 1 < hi && words_[i + 1].cap && !words_[i + 1].punct) {
      constexpr size_t kModifierWords = 3;  // "the US Interior and"
      size_t d = i;
      while (d > lo && i - d < kModifierWords && words_[d - 1].cap && !words_[d - 1].punct &&
             !lex::In(lex::kDeterminersDefinite, words_[d - 1].lower)) {
        --d;
      }
      if (d < i && d > lo && lex::In(lex::kDeterminersDefinite, words_[d - 1].lower)) continue;
    }
    if (w == "and" || w == "but" || w == ";" || w == "while" || w == "whilst") return i + 1;
  }
  return lo;
}

// The subject of a participle of saying at `cue` ("…, saying"), back to
// `lo`: the nearest clause's, a "that" clause's too ("It was discovered
// that Timmons had written a letter, saying …" is Timmons's).
Speaker Finder::ParticipleSubject(size_t cue, size_t lo) {
  for (size_t k = cue; k-- > lo + 1;) {
    if (InQuote(k) || words_[k].lower != "that" || k + 2 >= cue) continue;
    Speaker inner = ClauseSubject(k + 1, cue);
    if (inner.found && inner.type == "PERSON") return inner;
    break;
  }
  return NearestSubject(lo, cue);
}

// Subject of the clause [lo, hi), else of the sentence part [lo, hi).
Speaker Finder::NearestSubject(size_t lo, size_t hi) {
  const size_t start = ClauseStart(lo, hi);
  if (start > lo) {
    Speaker s = ClauseSubject(start, hi);
    if (s.found) return s;
  }
  return ClauseSubject(lo, hi);
}

// Subject of the clause [lo, hi): after an introductory phrase ("In a
// video posted on Monday,"), the first name, pronoun or noun phrase.
Speaker Finder::ClauseSubject(size_t lo, size_t hi) {
  size_t i = lo;
  const bool intro = lex::In(lex::kIntroWords, words_[lo].lower);
  size_t comma = i;
  while (comma < hi && (intro || comma < lo + kIntroMaxWords) && words_[comma].lower != ",") ++comma;
  if (comma < hi && words_[comma].lower == ",") {
    // "In a video posted on Monday," / "Two weeks after the backlash,":
    // an introductory phrase, unless it holds the subject ("Smith, 41,").
    bool subject = false;
    for (size_t k = lo; k < comma; ++k) {
      subject = subject || lex::In(lex::kPronounsSpeaker, words_[k].lower) || IsNameWord(k) ||
                (words_[k].mention >= 0 && !platform_[words_[k].mention]);
    }
    if (intro || !subject) i = comma + 1;
    // ("At the time, during the campaign, Marr stated": a second
    // introductory phrase opened by a preposition, skipped alike.)
    if (i == comma + 1 && i < hi && lex::In(lex::kPrepositions, words_[i].lower)) {
      size_t next = i;
      while (next < hi && next < i + kIntroMaxWords && words_[next].lower != ",") ++next;
      bool held = false;
      for (size_t k = i; k < next; ++k) held = held || IsNameWord(k) || words_[k].mention >= 0;
      if (next < hi && words_[next].lower == "," && !held) i = next + 1;
    }
  } else if (intro) {
    // "In a post on X he called …": an introductory phrase without its
    // comma ends at the subject pronoun or person after it.
    for (size_t k = lo + 1; k < hi && k <= lo + kIntroMaxWords; ++k) {
      const int m = words_[k].mention;
      if (lex::In(lex::kPronounsSpeaker, words_[k].lower) || (m >= 0 && (*entities_)[m].type == "PERSON")) {
        i = k;
        break;
      }
    }
  }
  // "Office of Management and Budget Director Peter Orszag followed up":
  // an organisation's name (capitalised words joined by "of", "and",
  // "for") and a title before a person make one subject, the person.
  for (size_t k = i; k < hi && k < i + kRolePhraseWords; ++k) {
    const int m = words_[k].mention;
    if (m >= 0 && (*entities_)[m].type == "PERSON" && k > i + 1 && TitleWord(words_[k - 1].raw) == 2 &&
        words_[k - 1].cap && !TitleRun(i, k - 1)) {
      return FromMention(static_cast<size_t>(m));
    }
    const std::string& x = words_[k].lower;
    if (!(words_[k].cap && !words_[k].punct) && x != "of" && x != "and" && x != "for" && x != "&") break;
  }
  const size_t first = i;
  for (; i < hi; ++i) {
    const Word& w = words_[i];
    if (InQuote(i)) continue;
    if (w.mention >= 0) {
      size_t j = i;
      while (j + 1 < hi && words_[j + 1].mention == w.mention) ++j;
      if (j + 1 < hi && (words_[j + 1].lower == "'s" || words_[j + 1].lower == "'")) {
        i = j + 1;
        continue;
      }
      // ("Interior Department officials described …, but admitted that":
      // a group of the body, not the body, as after a cue.)
      if (j + 1 < hi && (*entities_)[w.mention].type != "PERSON" && lex::In(lex::kCollectives, words_[j + 1].lower)) {
        return Anonymous(i, j + 1);
      }
      // A title the entity layer took for a name ("Assistant Secretary of
      // the Navy for Acquisition Marvin Sambel", "Shadow Home Secretary
      // Yvette Coombe") is no speaker: the person named after it is.
      if (TitleOnly(static_cast<size_t>(w.mention))) {
        Speaker s = PersonAfterTitle(j, hi);
        if (s.found) return s;
        i = j;
        continue;
      }
      // "Ryanair CEO, Michael O'Leary,": the person an organisation's
      // role names is the subject.
      if ((*entities_)[w.mention].type != "PERSON") {
        const int person = PersonAfterRole(j + 1, std::min(hi, j + 1 + kNounPhraseWords / 2));
        if (person >= 0) {
          Speaker s = HeadAt(static_cast<size_t>(person), j + 1);
          if (s.found) return s;
        }
      }
      // "Valmoral head coach Ines Harcastle": the name after the role is
      // the subject; also "Ryanair CEO, Michael O'Leary," and "Procter &
      // Gamble spokeswoman Jennifer Chelune" (a role in capitals, a comma;
      // whatever type the entity layer gave the organisation).
      size_t k = j + 1;
      while (k < hi && k < j + 1 + kNounPhraseWords / 2 && !words_[k].punct && words_[k].mention < 0 &&
             (!words_[k].cap || lex::In(lex::kPersonNounsEpithet, words_[k].lower)) &&
             !lex::In(lex::kReportingVerbsCue, words_[k].lower)) {
        ++k;
      }
      const bool role = k > j + 1 && IsRoleNoun(words_[k - 1].lower);
      const size_t name = role && k + 1 < hi && words_[k].lower == "," ? k + 1 : k;
      const int named = name < hi ? words_[name].mention : -1;
      if (role && name < hi &&
          ((named >= 0 && (*entities_)[named].type == "PERSON" && named != w.mention) || IsNameWord(name))) {
        i = name - 1;
        continue;
      }
      Speaker s = HeadAt(j, lo);
      if (s.found) return s;
      i = j;
      continue;
    }
    if (lex::In(lex::kPronounsSpeaker, w.lower)) return Pronoun(w.lower, w.start);
    if (IsNameWord(i)) {
      size_t j = i;
      while (j + 1 < hi && (IsNameWord(j + 1) || words_[j + 1].lower == "&") && j - i < 3) ++j;
      if (TitleRun(i, j)) {
        Speaker s = PersonAfterTitle(j, hi);
        if (s.found) return s;
        i = j;
        continue;
      }
      // "Procter & Gamble spokeswoman Jennifer Chelune": a role after the
      // name, then a person: the person is the subject.
      if (j + 2 < hi && IsRoleNoun(words_[j + 1].lower) && !words_[j + 1].cap) {
        const int named = words_[j + 2].mention;
        if ((named >= 0 && (*entities_)[named].type == "PERSON") || IsNameWord(j + 2)) {
          i = j + 1;
          continue;
        }
      }
      const bool initial = j == i && (i == 0 || words_[i - 1].sent != w.sent);
      Speaker s = NewName(i, j, initial);
      if (s.found) return s;
      i = j;
      continue;
    }
    // ("Investigators are looking at the cause … and said [it was too
    // early …]", "Local officials …": a crowd noun opening the clause, or
    // after one modifier, is the subject; "Expect endless earthquake
    // experts …" opens with a verb.)
    if (lex::In(lex::kCollectives, w.lower) && !InQuote(i) && i <= first + 1) {
      return NounPhrase(PhraseStart(i, lo), i);
    }
    if (lex::In(lex::kDeterminersDefinite, w.lower) || lex::In(lex::kDeterminersAnonymous, w.lower)) {
      return SubjectAfter(i, hi);
    }
    if (lex::In(lex::kPersonNounsEpithet, w.lower) || lex::In(lex::kOrgNounsSpeaker, w.lower)) {
      // "brand ambassador Kim Kardashian": the name is the head.
      size_t k = i + 1;
      while (k < hi && k < i + kNounPhraseWords / 2 && !words_[k].punct && !words_[k].cap &&
             words_[k].mention < 0 && !lex::In(lex::kReportingVerbsCue, words_[k].lower)) {
        ++k;
      }
      if (k < hi && (words_[k].mention >= 0 || IsNameWord(k))) {
        i = k - 1;
        continue;
      }
      return NounPhrase(PhraseStart(i, lo), i);
    }
    if (lex::In(lex::kReportingVerbsCue, w.lower)) break;
  }
  return {};
}

}  // namespace storyline::quote_finder
