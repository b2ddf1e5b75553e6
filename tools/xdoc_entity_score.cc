// xdoc_entity_score: cross-document entity coreference of the story layer
// (stories::EntityIndex) on MEANTIME English (../shared/data/timex-meantime-en,
// intra_cross-doc_annotation/: four topics of 30 Wikinews articles whose
// entity mentions carry cross-document instance ids; CC BY 4.0).
//
//   build/tools/xdoc_entity_score --data ../shared/data/timex-meantime-en [--verbose]
//
// Method.
//  1. Each article's text is rebuilt from MEANTIME's tokens (light
//     detokenisation: no space before closing punctuation or after an opening
//     one; sentence 0, the headline, is its own paragraph and also the
//     title; the creation-time TIMEX3 is the publication date). The real
//     pipeline runs on it: Annotate() (NER, in-article entity ids), then one
//     EntityIndex over the topic's 30 articles as if they were one story.
//     Each predicted mention's story entity is EntityIndex::Lookup(article,
//     in-article id, text).
//  2. Gold name mentions: ENTITY_MENTIONs linked by REFERS_TO to an ENTITY of
//     type PER, ORG, LOC, PRO or FIN whose syntactic_type is NAM or PRE.NAM,
//     or unset (the cross-document layer adds mentions without one) when every
//     word is capitalised (a leading "the" allowed) and the mention is not a
//     lone pronoun. Their gold entity is the ENTITY's instance_id; an ENTITY
//     with no instance_id is an entity of its own article only.
//  3. Alignment, one-to-one and greedy by token Jaccard (highest first): a
//     predicted mention aligns to a gold name mention it overlaps when it
//     contains the gold mention's last token (the head of an English name
//     phrase: "U.S. automaker Chrysler") or their Jaccard is at least 0.5.
//     Unaligned mentions on either side are left out: the figures measure the
//     linking of the mentions both sides found, not the tagger; the share of
//     gold name mentions aligned is printed so the coverage is visible.
//  4. Over the aligned mentions: MUC, B-cubed and CEAF-e (entity-based,
//     phi4, optimal one-to-one entity alignment by the Hungarian method) P/R/F1,
//     and CoNLL F1 = mean of the three F1s; per topic and over the four topics
//     together (clusters never cross a topic, as each topic is one story).
//  5. Baseline in the same run: the same aligned mentions clustered by exact
//     surface string (case-sensitive, whitespace collapsed), ignoring the
//     in-article ids.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "stories/story_entities.h"
#include "stories/text_features.h"
#include "storyline/annotation.h"

namespace {

constexpr const char kUsage[] =
    "usage: xdoc_entity_score --data DIR [--verbose]\n"
    "  DIR is timex-meantime-en (reads intra_cross-doc_annotation/corpus_*/*.xml)\n";

struct Token {
  std::string text;
  size_t sentence = 0;
  size_t start = 0, end = 0;  // code points into the rebuilt text
};

struct GoldMention {
  size_t first = 0, last = 0;  // token indices, inclusive
  std::string entity;          // instance id, or doc:m_id
};

struct Doc {
  std::string id;
  std::vector<Token> tokens;
  std::vector<GoldMention> gold;
  storyline::Article article;
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

bool Capitalised(const std::string& w) {
  if (w.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// The gold side of step 2 for a mention without a syntactic type.
bool LooksLikeName(const std::vector<std::string>& words) {
  static const std::set<std::string> kPronouns = {"I",   "We",  "It",    "They", "He",  "She",
                                                  "Our", "Its", "Their", "His",  "Her", "Us",
                                                  "You", "My",  "This",  "That", "Which"};
  if (words.empty()) return false;
  size_t i = words[0] == "the" || words[0] == "The" ? 1 : 0;
  if (i == words.size()) return false;
  if (words.size() - i == 1 && kPronouns.count(words[i])) return false;
  for (; i < words.size(); ++i) {
    if (!Capitalised(words[i]) && words[i] != "&" && words[i] != "." && words[i] != "-") return false;
  }
  return true;
}

bool NoSpaceBefore(const std::string& w) {
  static const std::set<std::string> kClosers = {",", ".", ";", ":", ")", "]", "!", "?",
                                                 "'s", "'", "n't", "%", "'re", "'ve", "'ll", "'d"};
  return kClosers.count(w) > 0;
}

bool NoSpaceAfter(const std::string& w) { return w == "(" || w == "[" || w == "$" || w == "``"; }

// Rebuilds the text from tokens, recording each token's code point span.
void RebuildText(Doc& doc) {
  std::string& text = doc.article.text;
  size_t cp = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    Token& t = doc.tokens[i];
    if (i > 0) {
      const Token& prev = doc.tokens[i - 1];
      std::string sep = " ";
      if (prev.sentence == 0 && t.sentence != 0) sep = "\n\n";
      else if (NoSpaceBefore(t.text) || NoSpaceAfter(prev.text)) sep = "";
      text += sep;
      cp += sep.size();
    }
    t.start = cp;
    text += t.text;
    cp += storyline::CodePointLength(t.text);
    t.end = cp;
    if (t.sentence == 0) {
      if (!doc.article.title.empty() && i > 0) doc.article.title += ' ';
      doc.article.title += t.text;
    }
  }
}

struct RawMention {
  std::string id, syntactic;
  std::vector<std::string> tokens;
};

struct RawEntity {
  std::string type, instance;
};

// Parses one CAT XML file; false (with a message) when it cannot.
bool ReadDoc(const std::string& path, Doc* doc, std::string* error) {
  xmlDoc* x = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!x) {
    *error = path + ": not well-formed XML";
    return false;
  }
  xmlNode* root = xmlDocGetRootElement(x);
  doc->id = Attr(root, "doc_id");
  doc->article.id = doc->id;
  std::map<std::string, size_t> token_index;
  std::vector<RawMention> mentions;
  std::map<std::string, RawEntity> entities;
  std::map<std::string, std::string> refers;
  for (xmlNode* n = root->children; n; n = n->next) {
    if (Is(n, "token")) {
      xmlChar* text = xmlNodeGetContent(n);
      std::string word = text ? reinterpret_cast<const char*>(text) : "";
      xmlFree(text);
      token_index[Attr(n, "t_id")] = doc->tokens.size();
      doc->tokens.push_back({word.empty() ? "_" : word,
                             static_cast<size_t>(std::stoul("0" + Attr(n, "sentence"))), 0, 0});
    } else if (Is(n, "Markables")) {
      for (xmlNode* m = n->children; m; m = m->next) {
        if (Is(m, "ENTITY_MENTION")) {
          RawMention r{Attr(m, "m_id"), Attr(m, "syntactic_type"), {}};
          for (xmlNode* a = m->children; a; a = a->next) {
            if (Is(a, "token_anchor")) r.tokens.push_back(Attr(a, "t_id"));
          }
          mentions.push_back(std::move(r));
        } else if (Is(m, "ENTITY")) {
          entities[Attr(m, "m_id")] = {Attr(m, "ent_type"), Attr(m, "instance_id")};
        } else if (Is(m, "TIMEX3") && Attr(m, "functionInDocument") == "CREATION_TIME") {
          const std::string v = Attr(m, "value");
          doc->article.published = v.substr(0, std::min<size_t>(v.size(), 10));
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
  RebuildText(*doc);
  static const std::set<std::string> kTypes = {"PER", "ORG", "LOC", "PRO", "FIN"};
  for (const RawMention& r : mentions) {
    auto ref = refers.find(r.id);
    if (ref == refers.end() || r.tokens.empty()) continue;
    auto ent = entities.find(ref->second);
    if (ent == entities.end() || !kTypes.count(ent->second.type)) continue;
    std::vector<size_t> idx;
    std::vector<std::string> words;
    for (const std::string& t : r.tokens) {
      auto it = token_index.find(t);
      if (it == token_index.end()) continue;
      idx.push_back(it->second);
      words.push_back(doc->tokens[it->second].text);
    }
    if (idx.empty()) continue;
    const bool name = r.syntactic == "NAM" || r.syntactic == "PRE.NAM" ||
                      (r.syntactic.empty() && LooksLikeName(words));
    if (!name) continue;
    const std::string entity =
        ent->second.instance.empty() ? doc->id + ":" + ref->second : ent->second.instance;
    doc->gold.push_back({*std::min_element(idx.begin(), idx.end()),
                         *std::max_element(idx.begin(), idx.end()), entity});
  }
  return true;
}

// Token range [first, last] covered by a code point span, or false.
bool TokenRange(const Doc& doc, const storyline::Span& s, size_t* first, size_t* last) {
  bool any = false;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (doc.tokens[i].end <= s.start || doc.tokens[i].start >= s.end) continue;
    if (!any) *first = i;
    *last = i;
    any = true;
  }
  return any;
}

// One aligned mention: its gold entity and its two predicted clusters.
struct Aligned {
  std::string gold, ours, exact;
};

// Step 3: greedy one-to-one alignment of predicted to gold name mentions.
std::vector<std::pair<size_t, size_t>> Align(const Doc& doc, const storyline::AnnotatedArticle& a) {
  struct Cand {
    double jaccard;
    size_t pred, gold;
  };
  std::vector<Cand> cands;
  for (size_t p = 0; p < a.entities.size(); ++p) {
    size_t pf = 0, pl = 0;
    if (!TokenRange(doc, a.entities[p].span, &pf, &pl)) continue;
    for (size_t g = 0; g < doc.gold.size(); ++g) {
      const GoldMention& gm = doc.gold[g];
      const size_t lo = std::max(pf, gm.first), hi = std::min(pl, gm.last);
      if (lo > hi) continue;
      const double inter = static_cast<double>(hi - lo + 1);
      const double uni = static_cast<double>(std::max(pl, gm.last) - std::min(pf, gm.first) + 1);
      const double jaccard = inter / uni;
      const bool head = pf <= gm.last && gm.last <= pl;
      constexpr double kMinJaccard = 0.5;  // at least half the joint tokens shared
      if (head || jaccard >= kMinJaccard) cands.push_back({jaccard, p, g});
    }
  }
  std::stable_sort(cands.begin(), cands.end(),
                   [](const Cand& x, const Cand& y) { return x.jaccard > y.jaccard; });
  std::vector<bool> pred_used(a.entities.size()), gold_used(doc.gold.size());
  std::vector<std::pair<size_t, size_t>> out;
  for (const Cand& c : cands) {
    if (pred_used[c.pred] || gold_used[c.gold]) continue;
    pred_used[c.pred] = gold_used[c.gold] = true;
    out.push_back({c.pred, c.gold});
  }
  return out;
}

using Clusters = std::vector<std::vector<size_t>>;  // mention indices

Clusters Group(const std::vector<std::string>& labels) {
  std::map<std::string, size_t> index;
  Clusters out;
  for (size_t i = 0; i < labels.size(); ++i) {
    auto [it, fresh] = index.try_emplace(labels[i], out.size());
    if (fresh) out.emplace_back();
    out[it->second].push_back(i);
  }
  return out;
}

struct PRF {
  double p = 0, r = 0;
  double F() const { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
};

std::vector<size_t> ClusterOf(const Clusters& c, size_t n) {
  std::vector<size_t> of(n);
  for (size_t k = 0; k < c.size(); ++k) {
    for (size_t m : c[k]) of[m] = k;
  }
  return of;
}

double MucRecall(const Clusters& key, const std::vector<size_t>& response_of) {
  double num = 0, den = 0;
  for (const auto& k : key) {
    std::set<size_t> parts;
    for (size_t m : k) parts.insert(response_of[m]);
    num += static_cast<double>(k.size() - parts.size());
    den += static_cast<double>(k.size() - 1);
  }
  return den > 0 ? num / den : 0;
}

PRF Muc(const Clusters& key, const Clusters& response, size_t n) {
  return {MucRecall(response, ClusterOf(key, n)), MucRecall(key, ClusterOf(response, n))};
}

PRF BCubed(const Clusters& key, const Clusters& response, size_t n) {
  const std::vector<size_t> k_of = ClusterOf(key, n), r_of = ClusterOf(response, n);
  std::map<std::pair<size_t, size_t>, double> both;
  for (size_t m = 0; m < n; ++m) ++both[{k_of[m], r_of[m]}];
  PRF out;
  for (size_t m = 0; m < n; ++m) {
    const double shared = both[{k_of[m], r_of[m]}];
    out.p += shared / static_cast<double>(response[r_of[m]].size());
    out.r += shared / static_cast<double>(key[k_of[m]].size());
  }
  if (n > 0) out.p /= static_cast<double>(n), out.r /= static_cast<double>(n);
  return out;
}

// Maximum-weight assignment on a square matrix (Hungarian method, O(n^3)),
// run as minimisation of the negated weights.
double MaxAssignment(const std::vector<std::vector<double>>& w) {
  const size_t n = w.size();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1), v(n + 1);
  std::vector<size_t> p(n + 1), way(n + 1);
  for (size_t i = 1; i <= n; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<double> minv(n + 1, inf);
    std::vector<bool> used(n + 1, false);
    do {
      used[j0] = true;
      const size_t i0 = p[j0];
      double delta = inf;
      size_t j1 = 0;
      for (size_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        const double cur = -w[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) minv[j] = cur, way[j] = j0;
        if (minv[j] < delta) delta = minv[j], j1 = j;
      }
      for (size_t j = 0; j <= n; ++j) {
        if (used[j]) u[p[j]] += delta, v[j] -= delta;
        else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  double total = 0;
  for (size_t j = 1; j <= n; ++j) {
    if (p[j] != 0) total += w[p[j] - 1][j - 1];
  }
  return total;
}

PRF CeafE(const Clusters& key, const Clusters& response, size_t n) {
  const std::vector<size_t> r_of = ClusterOf(response, n);
  const size_t dim = std::max(key.size(), response.size());
  std::vector<std::vector<double>> w(dim, std::vector<double>(dim, 0));
  for (size_t k = 0; k < key.size(); ++k) {
    std::map<size_t, double> shared;
    for (size_t m : key[k]) ++shared[r_of[m]];
    for (const auto& [r, s] : shared) {
      w[k][r] = 2 * s / static_cast<double>(key[k].size() + response[r].size());
    }
  }
  const double sim = dim > 0 ? MaxAssignment(w) : 0;
  return {response.empty() ? 0 : sim / static_cast<double>(response.size()),
          key.empty() ? 0 : sim / static_cast<double>(key.size())};
}

struct Scores {
  PRF muc, b3, ceaf;
  double Conll() const { return (muc.F() + b3.F() + ceaf.F()) / 3; }
};

Scores Score(const std::vector<std::string>& gold, const std::vector<std::string>& pred) {
  const Clusters key = Group(gold), response = Group(pred);
  const size_t n = gold.size();
  return {Muc(key, response, n), BCubed(key, response, n), CeafE(key, response, n)};
}

void PrintRow(const std::string& topic, const std::string& system, const Scores& s, size_t n) {
  fmt::print("{:<10} {:<7} {:>5}  {:.3f} {:.3f} {:.3f}  {:.3f} {:.3f} {:.3f}  {:.3f} {:.3f} {:.3f}  {:.3f}\n",
             topic, system, n, s.muc.p, s.muc.r, s.muc.F(), s.b3.p, s.b3.r, s.b3.F(), s.ceaf.p,
             s.ceaf.r, s.ceaf.F(), s.Conll());
}

std::string Collapse(const std::string& s) { return storyline::stories::CollapseWhitespace(s); }

// The metrics on a hand-computed example (key {a,b,c},{d,e}; response
// {a,b},{c,d,e}: MUC 2/3, B-cubed 11/15, CEAF-e 0.8 for P and R) and on
// a perfect response; false when any differs.
bool SelfCheck() {
  const std::vector<std::string> key = {"1", "1", "1", "2", "2"};
  const std::vector<std::string> response = {"x", "x", "y", "y", "y"};
  const Scores s = Score(key, response);
  const Scores perfect = Score(key, key);
  auto near = [](double a, double b) { return a > b - 1e-9 && a < b + 1e-9; };
  return near(s.muc.p, 2.0 / 3) && near(s.muc.r, 2.0 / 3) && near(s.b3.p, 11.0 / 15) &&
         near(s.b3.r, 11.0 / 15) && near(s.ceaf.p, 0.8) && near(s.ceaf.r, 0.8) && near(perfect.Conll(), 1.0);
}

}  // namespace

int main(int argc, char** argv) {
  std::string data;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) data = argv[++i];
    else if (a == "--verbose") verbose = true;
    else {
      std::cerr << kUsage;
      return 1;
    }
  }
  if (!SelfCheck()) {
    std::cerr << "xdoc_entity_score: metric self-check failed\n";
    return 2;
  }
  if (data.empty()) {
    std::cerr << kUsage;
    return 1;
  }
  namespace fs = std::filesystem;
  const fs::path base = fs::path(data) / "intra_cross-doc_annotation";
  std::error_code ec;
  std::vector<fs::path> topics;
  for (const auto& e : fs::directory_iterator(base, ec)) {
    if (e.is_directory() && e.path().filename().string().rfind("corpus_", 0) == 0) topics.push_back(e.path());
  }
  if (ec || topics.empty()) {
    std::cerr << base.string() << ": no corpus_* folders\n";
    return 1;
  }
  std::sort(topics.begin(), topics.end());
  fmt::print("{:<10} {:<7} {:>5}  {:^17}  {:^17}  {:^17}  {}\n", "topic", "system", "ments", "MUC P/R/F1",
             "B3 P/R/F1", "CEAF-e P/R/F1", "CoNLL");
  std::vector<std::string> all_gold, all_ours, all_exact;
  size_t all_gold_mentions = 0;
  for (const fs::path& topic : topics) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(topic, ec)) {
      if (e.path().extension() == ".xml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Doc> docs(files.size());
    std::vector<storyline::AnnotatedArticle> annotated;
    for (size_t i = 0; i < files.size(); ++i) {
      std::string error;
      if (!ReadDoc(files[i].string(), &docs[i], &error)) {
        std::cerr << error << "\n";
        return 1;
      }
      annotated.push_back(storyline::Annotate(docs[i].article, {}));
    }
    std::vector<const storyline::AnnotatedArticle*> members;
    for (const auto& a : annotated) members.push_back(&a);
    storyline::stories::EntityIndex index(members);
    const std::vector<storyline::BriefEntity> entities = index.Build();
    const std::string name = topic.filename().string().substr(7);
    std::vector<std::string> gold, ours, exact;
    size_t gold_mentions = 0;
    for (size_t ai = 0; ai < docs.size(); ++ai) {
      gold_mentions += docs[ai].gold.size();
      const storyline::AnnotatedArticle& a = annotated[ai];
      for (const auto& [p, g] : Align(docs[ai], a)) {
        const storyline::EntityMention& m = a.entities[p];
        const std::optional<size_t> e = index.Lookup(ai, m.entity, m.text);
        gold.push_back(name + "/" + docs[ai].gold[g].entity);
        ours.push_back(e ? name + "/" + entities[*e].id : name + "/none/" + std::to_string(ai) + "/" + std::to_string(p));
        exact.push_back(name + "/" + Collapse(m.text));
        if (verbose) {
          fmt::print("  {} {:<30} gold={} ours={}\n", docs[ai].id, m.text, docs[ai].gold[g].entity,
                     e ? entities[*e].name : "-");
        }
      }
    }
    PrintRow(name, "ours", Score(gold, ours), gold.size());
    PrintRow(name, "exact", Score(gold, exact), gold.size());
    fmt::print("{:<10} aligned {} of {} gold name mentions ({:.1f}%)\n", name, gold.size(), gold_mentions,
               gold_mentions ? 100.0 * static_cast<double>(gold.size()) / static_cast<double>(gold_mentions) : 0);
    all_gold.insert(all_gold.end(), gold.begin(), gold.end());
    all_ours.insert(all_ours.end(), ours.begin(), ours.end());
    all_exact.insert(all_exact.end(), exact.begin(), exact.end());
    all_gold_mentions += gold_mentions;
  }
  PrintRow("all", "ours", Score(all_gold, all_ours), all_gold.size());
  PrintRow("all", "exact", Score(all_gold, all_exact), all_gold.size());
  fmt::print("all        aligned {} of {} gold name mentions\n", all_gold.size(), all_gold_mentions);
  return 0;
}
