// Annotate: runs the language layer on one article: sentences and tokens
// (text/sentences.h), named entities (extract/ner.h) joined into in-article
// entities, dates (extract/dates.h) and quantities (extract/quantities.h).
#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "extract/dates.h"
#include "extract/ner.h"
#include "extract/quantities.h"
#include "extract/quotes.h"
#include "storyline/annotation.h"
#include "text/sentences.h"

namespace storyline {
namespace {

// Lower-cased key of a name, without a possessive ending: "Smith's" and
// "SMITH" give "smith".
std::string NameKey(std::string_view name) {
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) {
      name.remove_suffix(suffix.size());
      break;
    }
  }
  std::string key;
  key.reserve(name.size());
  for (char c : name) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

std::string_view LastWord(std::string_view key) {
  size_t sp = key.rfind(' ');
  return sp == std::string_view::npos ? key : key.substr(sp + 1);
}

// Tags each sentence's tokens and appends one mention per entity span.
void FindEntities(const std::string& text, const std::vector<Span>& sentences,
                  const std::vector<Token>& tokens, std::vector<EntityMention>* out) {
  const Result<NerTagger>& tagger = NerTagger::Default();
  if (!tagger.ok()) return;
  size_t t = 0;
  std::vector<std::string> words;
  for (const Span& s : sentences) {
    while (t < tokens.size() && tokens[t].span.end <= s.start) ++t;
    size_t first = t;
    words.clear();
    while (t < tokens.size() && tokens[t].span.start < s.end) {
      words.emplace_back(text, tokens[t].byte_start, tokens[t].byte_end - tokens[t].byte_start);
      ++t;
    }
    if (words.empty()) continue;
    for (const NerSpan& ns : NerSpans(tagger->Tag(words))) {
      const Token& a = tokens[first + ns.begin];
      const Token& b = tokens[first + ns.end - 1];
      EntityMention m;
      m.span = {a.span.start, b.span.end};
      m.text = text.substr(a.byte_start, b.byte_end - a.byte_start);
      m.type = std::string(NerEntityType(ns.label));
      out->push_back(std::move(m));
    }
  }
}

// Joins mentions into in-article entities: the same name (case and
// possessive aside) is one entity, and a one-word PERSON mention that is the
// surname or first name of exactly one longer PERSON name joins it. The
// entity keeps the type of its longest name.
void LinkEntities(std::vector<EntityMention>* mentions) {
  std::map<std::string, std::string> id_of_key;
  std::map<std::string, std::vector<std::string>> person_keys_by_word;
  size_t next = 1;
  std::vector<std::string> keys;
  for (const EntityMention& m : *mentions) keys.push_back(NameKey(m.text));
  // Longer names first, so short ones can join them.
  std::vector<size_t> order(mentions->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return keys[x].size() > keys[y].size(); });
  std::map<std::string, std::string> type_of_id;
  for (size_t i : order) {
    EntityMention& m = (*mentions)[i];
    const std::string& key = keys[i];
    auto known = id_of_key.find(key);
    if (known == id_of_key.end() && m.type == "PERSON" && key.find(' ') == std::string::npos) {
      auto words = person_keys_by_word.find(key);
      if (words != person_keys_by_word.end() && words->second.size() == 1) {
        known = id_of_key.find(words->second[0]);
      }
    }
    if (known != id_of_key.end()) {
      m.entity = known->second;
      m.type = type_of_id[m.entity];
      id_of_key.emplace(key, m.entity);
      continue;
    }
    // fmt, not std::string operators: GCC 12 reports a false -Wrestrict
    // (GCC bug 105329) on assigning a short literal here.
    m.entity = fmt::format("e{}", next++);
    id_of_key.emplace(key, m.entity);
    type_of_id[m.entity] = m.type;
    if (m.type == "PERSON" && key.find(' ') != std::string::npos) {
      const std::string first(key.substr(0, key.find(' ')));
      for (const std::string& w : {first, std::string(LastWord(key))}) {
        auto& v = person_keys_by_word[w];
        if (std::find(v.begin(), v.end(), key) == v.end()) v.push_back(key);
      }
    }
  }
}

}  // namespace

size_t CodePointLength(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

AnnotatedArticle Annotate(const Article& article, const AnnotateOptions& options) {
  AnnotatedArticle a;
  a.article = article;
  if (!options.sentences) return a;
  const std::string& text = article.text;
  a.sentences = SplitSentences(text);
  const std::vector<Token> tokens = Tokenize(text);
  FindEntities(text, a.sentences, tokens, &a.entities);
  LinkEntities(&a.entities);
  a.quotes = FindQuotes(text, a.sentences, tokens, &a.entities);
  a.dates = FindDates(text, InferAnchor(text, article.published));
  a.quantities = FindQuantities(text, a.entities);
  return a;
}

}  // namespace storyline
