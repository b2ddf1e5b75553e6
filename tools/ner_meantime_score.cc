// ner_meantime_score: a news-domain check of the NER tagger on the named
// entity mentions of MEANTIME English (../shared/data/timex-meantime-en,
// 120 Wikinews articles, CAT XML; CC BY 4.0).
//
//   build/tools/ner_meantime_score --data ../shared/data/timex-meantime-en [--model FILE] [--no-rules]
//
// Gold: ENTITY_MENTIONs with syntactic_type="NAM" whose REFERS_TO target
// ENTITY has ent_type PER, ORG or LOC (PRO, FIN and unlinked mentions are not
// scored, nor are pronouns, nominals and prenominal modifiers). MEANTIME
// marks whole noun phrases ("U.S. automaker Chrysler", "the United States"),
// where CoNLL-style taggers mark the name alone, so two figures are printed:
//   strict: predicted chunk = gold span (a leading "the"/"The" dropped from
//           the gold span) and same type;
//   overlap: one-to-one, a predicted chunk of the same type overlapping the
//           gold span (the name inside the phrase).
// Only sentences MEANTIME annotated are scored (the title and the first
// sentences of each article: those holding any markable).
// Predicted chunks of types outside PER/ORG/LOC (WORK, OTHER from the rules)
// are ignored: MEANTIME scores no such type here. Micro P/R/F1 over all
// mentions. The tagger reads MEANTIME's own tokens, one sentence at a time.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "extract/ner.h"
#include "extract/ner_train.h"

namespace {

constexpr const char kUsage[] =
    "usage: ner_meantime_score --data DIR [--model FILE] [--no-rules]\n"
    "  DIR is timex-meantime-en (reads intra-doc_annotation/corpus_*/*.xml)\n";

struct Mention {
  size_t sentence = 0;
  size_t begin = 0, end = 0;  // token indices within the sentence
  std::string type;
};

struct Doc {
  std::vector<std::vector<std::string>> sentences;
  std::vector<Mention> gold;
  // MEANTIME annotates only the title and the first sentences of each
  // article; a sentence is scored when any markable (entity, event, timex,
  // value) is anchored in it, so names in unannotated text are not counted
  // as false positives.
  std::vector<bool> annotated;
};

std::string Attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool Is(xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// Parses one CAT XML file; false (with a message) when it cannot.
bool ReadDoc(const std::string& path, Doc* doc, std::string* error) {
  xmlDoc* x = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!x) {
    *error = path + ": not well-formed XML";
    return false;
  }
  xmlNode* root = xmlDocGetRootElement(x);
  // token id -> (sentence index, token index)
  std::map<std::string, std::pair<size_t, size_t>> where;
  std::map<std::string, size_t> sentence_index;
  struct Raw {
    std::string id, syntactic;
    std::vector<std::string> tokens;
  };
  std::vector<Raw> mentions;
  std::vector<std::string> anchored;  // t_ids under any markable
  std::map<std::string, std::string> entity_type, refers;
  for (xmlNode* n = root->children; n; n = n->next) {
    if (Is(n, "token")) {
      const std::string s = Attr(n, "sentence");
      auto [it, fresh] = sentence_index.emplace(s, doc->sentences.size());
      if (fresh) doc->sentences.emplace_back();
      xmlChar* text = xmlNodeGetContent(n);
      std::string word = text ? reinterpret_cast<const char*>(text) : "";
      xmlFree(text);
      where[Attr(n, "t_id")] = {it->second, doc->sentences[it->second].size()};
      doc->sentences[it->second].push_back(word.empty() ? "_" : word);
    } else if (Is(n, "Markables")) {
      for (xmlNode* m = n->children; m; m = m->next) {
        if (m->type != XML_ELEMENT_NODE) continue;
        for (xmlNode* a = m->children; a; a = a->next) {
          if (Is(a, "token_anchor")) anchored.push_back(Attr(a, "t_id"));
        }
        if (Is(m, "ENTITY_MENTION")) {
          Raw r{Attr(m, "m_id"), Attr(m, "syntactic_type"), {}};
          for (xmlNode* a = m->children; a; a = a->next) {
            if (Is(a, "token_anchor")) r.tokens.push_back(Attr(a, "t_id"));
          }
          mentions.push_back(std::move(r));
        } else if (Is(m, "ENTITY")) {
          entity_type[Attr(m, "m_id")] = Attr(m, "ent_type");
        }
      }
    } else if (Is(n, "Relations")) {
      for (xmlNode* r = n->children; r; r = r->next) {
        if (!Is(r, "REFERS_TO")) continue;
        std::string target;
        std::vector<std::string> sources;
        for (xmlNode* e = r->children; e; e = e->next) {
          if (Is(e, "target")) target = Attr(e, "m_id");
          if (Is(e, "source")) sources.push_back(Attr(e, "m_id"));
        }
        for (const std::string& s : sources) refers[s] = target;
      }
    }
  }
  xmlFreeDoc(x);
  doc->annotated.assign(doc->sentences.size(), false);
  for (const std::string& t : anchored) {
    auto w = where.find(t);
    if (w != where.end()) doc->annotated[w->second.first] = true;
  }
  static const std::set<std::string> kScored = {"PER", "ORG", "LOC"};
  for (const Raw& r : mentions) {
    if (r.syntactic != "NAM" || r.tokens.empty()) continue;
    auto ref = refers.find(r.id);
    if (ref == refers.end()) continue;
    auto type = entity_type.find(ref->second);
    if (type == entity_type.end() || !kScored.count(type->second)) continue;
    Mention g;
    bool ok = true;
    std::vector<size_t> idx;
    for (const std::string& t : r.tokens) {
      auto w = where.find(t);
      if (w == where.end()) { ok = false; break; }
      if (!idx.empty() && w->second.first != g.sentence) { ok = false; break; }
      g.sentence = w->second.first;
      idx.push_back(w->second.second);
    }
    if (!ok) continue;  // a mention across sentences cannot be one chunk
    std::sort(idx.begin(), idx.end());
    g.begin = idx.front();
    g.end = idx.back() + 1;
    g.type = type->second;
    doc->gold.push_back(std::move(g));
  }
  return true;
}

struct Counts {
  size_t gold = 0, predicted = 0, strict = 0, overlap = 0;
};

void Print(const char* name, const Counts& c, size_t correct) {
  const double p = c.predicted ? double(correct) / double(c.predicted) : 0;
  const double r = c.gold ? double(correct) / double(c.gold) : 0;
  const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  fmt::print("{:<8} P {:5.1f}  R {:5.1f}  F1 {:5.1f}   (gold {}, predicted {}, correct {})\n", name, 100 * p,
             100 * r, 100 * f, c.gold, c.predicted, correct);
}

}  // namespace

int main(int argc, char** argv) {
  std::string data, model;
  bool rules = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--data") {
      data = next();
    } else if (a == "--model") {
      model = next();
    } else if (a == "--no-rules") {
      rules = false;
    } else {
      std::cerr << kUsage;
      return 1;
    }
  }
  if (data.empty()) {
    std::cerr << kUsage;
    return 1;
  }
  storyline::Result<storyline::NerTagger> loaded = storyline::Status::NotFound("unused");
  if (!model.empty()) loaded = storyline::NerTagger::Load(model);
  const storyline::Result<storyline::NerTagger>& tagger = model.empty() ? storyline::NerTagger::Default() : loaded;
  if (!tagger.ok()) {
    std::cerr << "ner_meantime_score: " << tagger.status().ToString() << "\n";
    return 1;
  }
  std::vector<std::string> files;
  std::error_code ec;
  for (std::filesystem::recursive_directory_iterator it(data + "/intra-doc_annotation", ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() == ".xml") files.push_back(it->path().string());
  }
  if (ec || files.empty()) {
    std::cerr << "ner_meantime_score: no XML files under " << data << "/intra-doc_annotation\n";
    return 1;
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, Counts> by_type;
  Counts all;
  for (const std::string& f : files) {
    Doc doc;
    std::string error;
    if (!ReadDoc(f, &doc, &error)) {
      std::cerr << "ner_meantime_score: " << error << "\n";
      return 1;
    }
    // Predicted chunks per sentence, PER/ORG/LOC only.
    std::vector<std::vector<storyline::NerSpan>> pred(doc.sentences.size());
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      if (!doc.annotated[s]) continue;
      const std::vector<std::string> tags =
          rules ? tagger->TagEntities(doc.sentences[s]) : tagger->Tag(doc.sentences[s]);
      for (storyline::NerSpan& span : storyline::NerSpans(tags)) {
        if (span.label == "PER" || span.label == "ORG" || span.label == "LOC") pred[s].push_back(std::move(span));
      }
    }
    for (const auto& spans : pred) {
      for (const auto& span : spans) {
        ++all.predicted;
        ++by_type[span.label].predicted;
      }
    }
    std::vector<std::vector<bool>> used(doc.sentences.size());
    for (size_t s = 0; s < pred.size(); ++s) used[s].assign(pred[s].size(), false);
    for (const Mention& g : doc.gold) {
      ++all.gold;
      Counts& t = by_type[g.type];
      ++t.gold;
      size_t begin = g.begin;
      const std::string& first = doc.sentences[g.sentence][begin];
      if ((first == "the" || first == "The") && g.end - begin > 1) ++begin;
      const auto& spans = pred[g.sentence];
      for (size_t k = 0; k < spans.size(); ++k) {
        if (spans[k].begin == begin && spans[k].end == g.end && spans[k].label == g.type) {
          ++all.strict;
          ++t.strict;
        }
      }
      for (size_t k = 0; k < spans.size(); ++k) {
        if (used[g.sentence][k] || spans[k].label != g.type) continue;
        if (spans[k].begin < g.end && g.begin < spans[k].end) {
          used[g.sentence][k] = true;
          ++all.overlap;
          ++t.overlap;
          break;
        }
      }
    }
  }
  fmt::print("MEANTIME English, {} documents, named PER/ORG/LOC mentions{}\n", files.size(),
             rules ? " (tagger + rules)" : " (tagger only)");
  Print("strict", all, all.strict);
  Print("overlap", all, all.overlap);
  for (const auto& [type, c] : by_type) {
    fmt::print("  {:<4} ", type);
    Print("overlap", c, c.overlap);
  }
  return 0;
}
