// timex_score: scores FindDates (src/extract/dates.h) on the TIMEX3
// annotations of MEANTIME English (CAT XML) in TempEval-3 style: strict
// (exact) and relaxed (overlap) span P/R/F1 over in-text timexes, value
// accuracy over relaxed-matched pairs, value F1, and tagging speed, printed
// beside the published figures for other systems on TempEval-3.
//
//   build/tools/timex_score --data ../shared/data/timex-meantime-en/intra-doc_annotation [--errors]
//
// Each document's text is its tokens joined by single spaces; the document
// creation time (functionInDocument="CREATION_TIME") is the anchor, and its
// own tokens (the dateline) are left out of gold and predictions alike.
// Timexes without tokens ("empty" ones) are not in-text and are skipped.
// MEANTIME annotates only the title and first sentences of each article
// (sentences 0-5 in 117 of 120 files), so predictions are scored only up to
// the last sentence holding any markable of the document.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "extract/dates.h"
#include "storyline/annotation.h"

namespace {

// Tagging passes over the whole corpus for the speed figure: one pass is
// only ~250 KB, too short for a stable clock reading.
constexpr int kSpeedPasses = 20;

struct Timex {
  storyline::Span span;
  std::string value;
  std::string text;
};

struct Doc {
  std::string name;
  std::string text;
  storyline::DateAnchor anchor;
  bool has_dct_span = false;
  storyline::Span dct;
  size_t annotated_end = 0;  // code point where the annotated region ends
  std::vector<Timex> gold;
};

std::string Attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool Named(xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// Reads one CAT XML document; returns false (after a message) when it does
// not parse.
bool ReadDoc(const std::filesystem::path& path, Doc* doc) {
  xmlDoc* x = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (x == nullptr) {
    std::fprintf(stderr, "%s: not well-formed XML, skipped\n", path.c_str());
    return false;
  }
  doc->name = path.filename().string();
  std::map<std::string, storyline::Span> tokens;
  std::map<std::string, int> sentence_of;
  std::vector<std::pair<int, size_t>> sentence_ends;  // (sentence, end code point) per token
  xmlNode* root = xmlDocGetRootElement(x);
  size_t cp = 0;
  for (xmlNode* n = root->children; n != nullptr; n = n->next) {
    if (!Named(n, "token")) continue;
    xmlChar* content = xmlNodeGetContent(n);
    const std::string word = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    if (!doc->text.empty()) {
      doc->text.push_back(' ');
      ++cp;
    }
    const size_t len = storyline::CodePointLength(word);
    tokens[Attr(n, "t_id")] = storyline::Span{cp, cp + len};
    const int sentence = std::atoi(Attr(n, "sentence").c_str());
    sentence_of[Attr(n, "t_id")] = sentence;
    sentence_ends.emplace_back(sentence, cp + len);
    doc->text += word;
    cp += len;
  }
  int last_sentence = -1;
  std::string dct_value;
  for (xmlNode* n = root->children; n != nullptr; n = n->next) {
    if (!Named(n, "Markables")) continue;
    for (xmlNode* m = n->children; m != nullptr; m = m->next) {
      if (m->type != XML_ELEMENT_NODE) continue;
      for (xmlNode* a = m->children; a != nullptr; a = a->next) {
        if (Named(a, "token_anchor")) last_sentence = std::max(last_sentence, sentence_of[Attr(a, "t_id")]);
      }
      if (!Named(m, "TIMEX3")) continue;
      Timex t;
      t.value = Attr(m, "value");
      bool any = false;
      for (xmlNode* a = m->children; a != nullptr; a = a->next) {
        if (!Named(a, "token_anchor")) continue;
        auto it = tokens.find(Attr(a, "t_id"));
        if (it == tokens.end()) continue;
        t.span.start = any ? std::min(t.span.start, it->second.start) : it->second.start;
        t.span.end = any ? std::max(t.span.end, it->second.end) : it->second.end;
        any = true;
      }
      if (Attr(m, "functionInDocument") == "CREATION_TIME") {
        dct_value = t.value;
        doc->has_dct_span = any;
        doc->dct = t.span;
        continue;
      }
      if (!any) continue;
      doc->gold.push_back(t);
    }
  }
  xmlFreeDoc(x);
  // A DCT that is missing or not ISO ("03-02-2009") falls back on the text's
  // own evidence, as an article without a publication date would.
  doc->anchor = storyline::InferAnchor(doc->text, dct_value);
  for (const auto& [sentence, end] : sentence_ends) {
    if (sentence <= last_sentence) doc->annotated_end = std::max(doc->annotated_end, end);
  }
  std::sort(doc->gold.begin(), doc->gold.end(),
            [](const Timex& a, const Timex& b) { return a.span.start < b.span.start; });
  return true;
}

bool Overlap(const storyline::Span& a, const storyline::Span& b) { return a.start < b.end && b.start < a.end; }

struct Counts {
  size_t gold = 0, predicted = 0, strict = 0, relaxed = 0, value_ok = 0;
};

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

// Substring of `text` by code points, for error listings.
std::string Slice(const std::string& text, storyline::Span s) {
  size_t cp = 0, b0 = text.size(), b1 = text.size();
  for (size_t b = 0; b < text.size(); ++b) {
    if ((static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) continue;
    if (cp == s.start) b0 = b;
    if (cp == s.end) {
      b1 = b;
      break;
    }
    ++cp;
  }
  return b0 < b1 ? text.substr(b0, b1 - b0) : "";
}

// The words around a span, for error listings: enough to see a tense cue.
constexpr size_t kContextCodePoints = 70;

std::string Context(const std::string& text, storyline::Span s) {
  const size_t from = s.start > kContextCodePoints ? s.start - kContextCodePoints : 0;
  return Slice(text, storyline::Span{from, s.end + kContextCodePoints / 2});
}

void ScoreDoc(const Doc& doc, bool errors, Counts* c) {
  std::vector<storyline::DateMention> pred;
  for (storyline::DateMention& d : storyline::FindDates(doc.text, doc.anchor)) {
    if (doc.has_dct_span && Overlap(d.span, doc.dct)) continue;
    if (d.span.start >= doc.annotated_end) continue;
    pred.push_back(std::move(d));
  }
  c->gold += doc.gold.size();
  c->predicted += pred.size();
  std::vector<bool> used(pred.size(), false);
  for (const Timex& g : doc.gold) {
    size_t best = pred.size();
    for (size_t k = 0; k < pred.size(); ++k) {
      if (used[k] || !Overlap(g.span, pred[k].span)) continue;
      if (best == pred.size() || (pred[k].span.start == g.span.start && pred[k].span.end == g.span.end)) best = k;
    }
    if (best == pred.size()) {
      if (errors) std::printf("MISS  %-40s %-22s  [%s]\n", Slice(doc.text, g.span).c_str(), g.value.c_str(), doc.name.c_str());
      continue;
    }
    used[best] = true;
    ++c->relaxed;
    const storyline::DateMention& p = pred[best];
    if (p.span.start == g.span.start && p.span.end == g.span.end) {
      ++c->strict;
    } else if (errors) {
      std::printf("SPAN  %-40s got %s\n", Slice(doc.text, g.span).c_str(), p.text.c_str());
    }
    if (p.value == g.value) {
      ++c->value_ok;
    } else if (errors) {
      std::printf("VALUE %-40s gold %-18s got %-18s (%s)\n      anchor %04d-%02d-%02d  ...%s\n",
                  Slice(doc.text, g.span).c_str(), g.value.c_str(), p.value.c_str(), p.text.c_str(), doc.anchor.year,
                  doc.anchor.month, doc.anchor.day, Context(doc.text, g.span).c_str());
    }
  }
  if (!errors) return;
  for (size_t k = 0; k < pred.size(); ++k) {
    if (!used[k]) std::printf("EXTRA %-40s %s\n", pred[k].text.c_str(), pred[k].value.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = "../shared/data/timex-meantime-en/intra-doc_annotation";
  bool errors = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) {
      data = argv[++i];
    } else if (a == "--errors") {
      errors = true;
    } else {
      std::fprintf(stderr, "usage: timex_score [--data DIR] [--errors]\n");
      return 2;
    }
  }
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(data, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().extension() == ".xml") files.push_back(it->path());
  }
  if (ec || files.empty()) {
    std::fprintf(stderr, "%s: no CAT XML files found%s%s\n", data.c_str(), ec ? ": " : "",
                 ec ? ec.message().c_str() : "");
    return 1;
  }
  std::sort(files.begin(), files.end());
  std::vector<Doc> docs;
  for (const auto& f : files) {
    Doc d;
    if (ReadDoc(f, &d)) docs.push_back(std::move(d));
  }
  Counts c;
  size_t bytes = 0;
  for (const Doc& d : docs) {
    ScoreDoc(d, errors, &c);
    bytes += d.text.size();
  }
  const auto t0 = std::chrono::steady_clock::now();
  size_t mentions = 0;
  for (int pass = 0; pass < kSpeedPasses; ++pass) {
    for (const Doc& d : docs) mentions += storyline::FindDates(d.text, d.anchor).size();
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  const double sp = c.predicted ? double(c.strict) / c.predicted : 0, sr = c.gold ? double(c.strict) / c.gold : 0;
  const double rp = c.predicted ? double(c.relaxed) / c.predicted : 0, rr = c.gold ? double(c.relaxed) / c.gold : 0;
  const double vp = c.predicted ? double(c.value_ok) / c.predicted : 0, vr = c.gold ? double(c.value_ok) / c.gold : 0;
  std::printf("MEANTIME English: %zu documents, %zu in-text TIMEX3 (DCT and empty ones excluded), %zu predicted\n",
              docs.size(), c.gold, c.predicted);
  std::printf("%-28s %6s %6s %6s\n", "", "P", "R", "F1");
  std::printf("%-28s %6.1f %6.1f %6.1f\n", "strict span", 100 * sp, 100 * sr, 100 * F1(sp, sr));
  std::printf("%-28s %6.1f %6.1f %6.1f\n", "relaxed span", 100 * rp, 100 * rr, 100 * F1(rp, rr));
  std::printf("%-28s %6.1f %6.1f %6.1f\n", "value (relaxed + value)", 100 * vp, 100 * vr, 100 * F1(vp, vr));
  std::printf("value accuracy over relaxed matches: %.1f%% (%zu/%zu)\n",
              c.relaxed ? 100.0 * c.value_ok / c.relaxed : 0.0, c.value_ok, c.relaxed);
  std::printf("speed: %.1f MB/s (%d passes, %zu bytes, %zu mentions, %.3f s)\n",
              secs > 0 ? kSpeedPasses * bytes / secs / 1e6 : 0.0, kSpeedPasses, bytes * kSpeedPasses, mentions, secs);
  std::printf("\nPublished, TempEval-3 platinum test (other corpus, same TIMEX3 scheme):\n"
              "  HeidelTime  strict F1 81.8  relaxed F1 90.7  value F1 77.61\n"
              "  SUTime      relaxed F1 ~90                  value F1 67.38\n"
              "  TEI2GO      strict F1 82.4  relaxed F1 90.6\n"
              "No published per-system figures exist for MEANTIME English.\n");
  return 0;
}
