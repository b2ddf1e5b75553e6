// quote_score: scores the quotation finder (Annotate() -> AnnotatedArticle::
// quotes) against the team's news dev set in eval/quotes/ (README there),
// and optionally against LitBank quotations (English fiction) and the test
// split of the German Wikinews quotation corpus (direct quotations only).
//
//   build/tools/quote_score [--gold eval/quotes] [--shared ../shared] [--examples examples]
//       [--invented eval/quotes/articles] [--litbank DIR] [--wikinews-de DIR] [--json]
//       [--errors [--final]]
//   build/tools/quote_score --self-check      # gold vs gold and vs perturbed gold
//   build/tools/quote_score --dump-text DIR   # the texts the dev offsets point into
//
// Span scores, as in BBC Citron's evaluation on PARC 3.0: exact (span equal
// after trimming enclosing quotation marks and a trailing , . ; :), overlap
// (a prediction and a gold quote overlapping, matched one-to-one), and
// overlap share (Citron: predicted code points inside gold / predicted,
// gold code points inside predictions / gold). Attribution accuracy is over
// overlap-matched gold quotes: the share whose predicted speaker is the gold
// speaker (quote_score_lib.h: NamesMatch, SpeakerCorrect).
//
// The invented articles (eval/quotes/invented.json, texts in
// eval/quotes/articles/) are scored as their own rows, invented-dev and
// invented-test, and the GUM news documents (eval/quotes/gum-news.json,
// texts rebuilt from ../shared/data/ud-en-gum) as gum-news; news-dev stays
// MEANTIME + examples. The other 14 GUM news documents
// (eval/quotes/gum-news-2.json) are the rows gum-news-2-dev and
// gum-news-2-test, and the ECB+ news articles (eval/quotes/ecbplus-news.json,
// texts rebuilt from ../shared/data/ecbplus-stories) the rows ecbplus-dev
// and ecbplus-test; the next 40 (eval/quotes/ecbplus-news-2.json) the rows
// ecbplus-2-dev and ecbplus-2-test, and so on for every ECB+ set of
// kEcbplusSets (ecbplus-news-N.json: rows ecbplus-N-dev and
// ecbplus-N-test; ecbplus-news-long.json: ecbplus-long-dev and -test; ecbplus-news-long-2.json:
// ecbplus-long2-dev and -test; ecbplus-news-long-3.json: ecbplus-long3-dev and -test). A second table gives speaker accuracy
// by how the text names the gold speaker (name, pronoun, description;
// quote_score_lib.h MentionKinds). The test splits'
// errors are listed only with --final: they are read once, at the end.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "ecbplus_text.h"
#include "quote_score_lib.h"
#include "storyline/annotation.h"
#include "storyline/clean.h"
#include "storyline/ingest.h"
#include "storyline/reporter.h"

namespace {

namespace fs = std::filesystem;
using quote_score::Doc;
using quote_score::Quote;
using storyline::Span;

struct Options {
  std::string gold_dir = "eval/quotes";
  std::string shared = "../shared";
  std::string examples = "examples";
  std::string invented;  // "" = <gold_dir>/articles
  std::string litbank;
  std::string wikinews_de;
  std::string dump_text;
  bool json = false;
  bool errors = false;
  bool self_check = false;
  bool final_run = false;  // list the test splits' errors too (invented, gum-news-2, ecbplus)
  bool mentions = false;   // list every gold quotation's mention kind (no predictions)
};

// "%08x" CRC-32 of `s`: the short hash the dev set keeps of each quote's
// text and each article's text (zlib's crc32, also in Python's zlib).
std::string Crc(const std::string& s) {
  uLong c = crc32(0L, Z_NULL, 0);
  c = crc32(c, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size()));
  return fmt::format("{:08x}", static_cast<unsigned long>(c));
}

// The first `max_cps` code points of `span` of `text`, for messages.
std::string Head(const std::string& text, Span span, size_t max_cps) {
  return quote_score::Slice(text, {span.start, std::min(span.end, span.start + max_cps)});
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

// ------------------------------------------------------------ MEANTIME

std::string Attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

// Reads a MEANTIME CAT XML file into an Article: sentence 0 is the title,
// sentence 1 the dateline (all 120 files), the body is every later sentence,
// detokenised into one paragraph (the corpus keeps no paragraph breaks).
bool ReadMeantime(const std::string& path, storyline::Article* a) {
  xmlDoc* x = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (x == nullptr) return false;
  xmlNode* root = xmlDocGetRootElement(x);
  if (root == nullptr) {
    xmlFreeDoc(x);
    return false;
  }
  a->id = Attr(root, "doc_id");
  a->url = Attr(root, "url");
  a->source = path;
  a->outlet = "Wikinews";
  std::map<int, std::vector<quote_score::Token>> sentences;
  for (xmlNode* n = root->children; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE || xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>("token")) != 0) continue;
    xmlChar* t = xmlNodeGetContent(n);
    // A missing or non-numeric sentence number reads as 0 (the title).
    sentences[std::atoi(Attr(n, "sentence").c_str())].push_back({reinterpret_cast<const char*>(t), {}});
    xmlFree(t);
  }
  xmlFreeDoc(x);
  std::vector<quote_score::Token> body;
  for (auto& [s, toks] : sentences) {
    if (s == 0) a->title = quote_score::Detokenize(toks);
    if (s >= 2) body.insert(body.end(), toks.begin(), toks.end());
  }
  a->text = quote_score::Detokenize(body);
  return true;
}

// Every MEANTIME article by id ("100911"), with its path under `dir`.
std::map<std::string, std::pair<std::string, storyline::Article>> LoadMeantime(const std::string& dir) {
  std::map<std::string, std::pair<std::string, storyline::Article>> out;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (e.path().extension() != ".xml") continue;
    storyline::Article a;
    if (!ReadMeantime(e.path().string(), &a)) {
      std::fprintf(stderr, "%s: not well-formed XML, skipped\n", e.path().c_str());
      continue;
    }
    std::string rel = fs::relative(e.path(), dir).generic_string();
    std::string id = a.id;  // the right side of = is evaluated (and moves) first
    out[id] = {rel, std::move(a)};
  }
  return out;
}

// ------------------------------------------------------------ GUM news

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  return out;
}


// The Wikinews news documents of GUM (ud-en-gum, en_gum-news-only-*.conllu,
// CC BY), rebuilt as text `gum-news/1` (eval/quotes/README.md): the title
// is `# meta::title`; a paragraph is the sentences (`# text`) of one
// `# newpar` joined by one space, paragraphs joined by "\n\n"; headings and
// figures (the first part of `# newpar_block` that holds sentences is
// `head` or `figure`) are left out, and so is the first paragraph kept,
// the dateline (every one of the 24 documents opens with one). A left-out
// block holds as many sentences as the largest "(N s)" of its
// `# newpar_block`; sentences after those, with no `# newpar` of their own
// (GUM_news_flag, whose whole body follows its figure), are a kept
// paragraph.
std::map<std::string, storyline::Article> LoadGum(const std::string& dir) {
  std::map<std::string, storyline::Article> out;
  for (const char* split : {"train", "dev", "test"}) {
    std::string raw;
    if (!ReadFile(fmt::format("{}/en_gum-news-only-{}.conllu", dir, split), &raw)) continue;
    storyline::Article* a = nullptr;
    std::vector<std::string> paragraphs;
    std::string para;
    bool keep = false;
    size_t block_sentences = 0;  // sentences a left-out block holds
    size_t seen = 0;             // sentences of the current block so far
    auto flush = [&] {
      if (!para.empty()) paragraphs.push_back(para);
      para.clear();
    };
    auto finish = [&] {
      flush();
      if (a != nullptr && paragraphs.size() > 1) {
        for (size_t i = 1; i < paragraphs.size(); ++i) a->text += (i > 1 ? "\n\n" : "") + paragraphs[i];
      }
      paragraphs.clear();
    };
    for (const std::string& line : Split(raw, '\n')) {
      auto value = [&](const char* key) { return line.substr(std::strlen(key)); };
      if (line.rfind("# newdoc id = ", 0) == 0) {
        finish();
        std::string id = value("# newdoc id = ");
        a = &out[id];
        a->id = id;
        a->outlet = "Wikinews";
        a->source = dir;
      } else if (a == nullptr) {
        continue;
      } else if (line.rfind("# meta::title = ", 0) == 0) {
        a->title = value("# meta::title = ");
      } else if (line.rfind("# meta::sourceURL = ", 0) == 0) {
        a->url = value("# meta::sourceURL = ");
      } else if (line == "# newpar") {
        flush();
        keep = true;
        block_sentences = seen = 0;
      } else if (line.rfind("# newpar_block = ", 0) == 0) {
        // The first part holding sentences: "figure ... (0 s) | p (1 s)" is a p.
        std::string kind;
        for (const std::string& part : Split(value("# newpar_block = "), '|')) {
          size_t b = part.find_first_not_of(' ');
          if (b == std::string::npos || part.find("(0 s)") != std::string::npos) continue;
          kind = part.substr(b, part.find_first_of(" (", b) - b);
          break;
        }
        keep = kind != "head" && kind != "figure";
        for (const std::string& part : Split(value("# newpar_block = "), '(')) {
          char* end = nullptr;
          size_t n = std::strtoul(part.c_str(), &end, 10);
          if (end != part.c_str() && std::strncmp(end, " s)", 3) == 0) block_sentences = std::max(block_sentences, n);
        }
      } else if (line.rfind("# text = ", 0) == 0) {
        if (!keep && ++seen > block_sentences) {
          flush();
          keep = true;
        }
        if (keep) para += (para.empty() ? "" : " ") + value("# text = ");
      }
    }
    finish();
  }
  return out;
}

// The examples exactly as `storyline extract --json` gives them.
std::map<std::string, storyline::Article> LoadExamples(const std::string& dir) {
  std::map<std::string, storyline::Article> out;
  storyline::CountingReporter reporter(&std::cerr);
  storyline::CountingReporter listing(nullptr);  // README.md is not an article: no warning
  storyline::ReadOptions ro;
  storyline::CleanOptions co;
  for (const std::string& file : storyline::ExpandPaths({dir}, listing)) {
    if (file.size() >= 3 && file.substr(file.size() - 3) == ".md") continue;  // README
    storyline::Status s = storyline::ReadPath(file, ro, reporter, [&](storyline::Document&& d) {
      storyline::Result<storyline::Article> a = storyline::CleanDocument(d, co);
      if (!a.ok()) {
        reporter.Reject(a.status());  // as `storyline extract` does: counted, skipped
        return storyline::Status::Ok();
      }
      std::string id = a->id;  // read before the move below
      out[id] = std::move(a).value();
      return storyline::Status::Ok();
    });
    if (!s.ok()) std::fprintf(stderr, "%s\n", s.message().c_str());
  }
  return out;
}

// ------------------------------------------------------------ dev set

struct DevSet {
  std::vector<Doc> docs;
  std::vector<storyline::Article> articles;  // parallel to docs
  size_t problems = 0;                       // hash or offset mismatches
  size_t title_quotes = 0;                   // headline quotations checked
  // Headlines with their quotations (offsets into Article::title), scored
  // as rows of their own: a Doc whose text is the title.
  std::vector<Doc> title_docs;
  std::vector<storyline::Article> title_articles;  // parallel to title_docs
};

// Reads one gold quotation's fields; the span is checked by the caller.
Quote GoldQuote(const nlohmann::json& jq) {
  Quote q;
  q.span = {jq.value("start", size_t{0}), jq.value("end", size_t{0})};
  q.kind = jq.value("kind", "");
  q.names = {jq.value("speaker", "")};
  q.anonymous = jq.value("anonymous", false);
  q.unresolved = jq.value("unresolved", false);
  q.candidates = jq.value("candidates", std::vector<std::string>{});
  q.medium = jq.value("medium", "");
  q.cue = jq.value("cue", "");
  return q;
}

bool GoldQuoteOk(const Quote& q, const std::string& text, const nlohmann::json& jq) {
  size_t len = storyline::CodePointLength(text);
  return q.span.start < q.span.end && q.span.end <= len &&
         Crc(quote_score::Slice(text, q.span)) == jq.value("crc32", "") &&
         (q.kind == "direct" || q.kind == "partial" || q.kind == "indirect") &&
         (!q.unresolved || q.candidates.size() >= 2);
}

// Loads one gold file (format in eval/quotes/README.md), checking every
// article's text hash and every quote's offsets and text hash. A field of
// the wrong JSON type throws inside nlohmann; LoadGoldFile reports it.
// `split` "" loads every article; "dev" or "test" only the articles whose
// "split" field says so (invented.json, where every article has one).
void LoadGoldArticles(const std::string& path, const std::map<std::string, storyline::Article>& texts,
                      const std::string& split, DevSet* dev) {
  std::string raw;
  if (!ReadFile(path, &raw)) {
    std::fprintf(stderr, "%s: cannot read\n", path.c_str());
    ++dev->problems;
    return;
  }
  nlohmann::json j = nlohmann::json::parse(raw, nullptr, false);
  if (j.is_discarded() || !j.contains("articles")) {
    std::fprintf(stderr, "%s: not a quotation gold file\n", path.c_str());
    ++dev->problems;
    return;
  }
  for (const auto& ja : j["articles"]) {
    std::string id = ja.value("id", "");
    if (!split.empty()) {
      std::string s = ja.value("split", "");
      if (s != "dev" && s != "test") {
        std::fprintf(stderr, "%s: article %s: split must be \"dev\" or \"test\", not \"%s\"\n", path.c_str(),
                     id.c_str(), s.c_str());
        ++dev->problems;
        continue;
      }
      if (s != split) continue;
    }
    auto it = texts.find(id);
    if (it == texts.end()) {
      std::fprintf(stderr, "%s: article %s: not found in the source data\n", path.c_str(), id.c_str());
      ++dev->problems;
      continue;
    }
    const storyline::Article& a = it->second;
    if (ja.value("text_crc32", "") != Crc(a.text)) {
      std::fprintf(stderr, "%s: article %s: text hash %s, gold says %s (text drifted)\n", path.c_str(),
                   id.c_str(), Crc(a.text).c_str(), ja.value("text_crc32", "").c_str());
      ++dev->problems;
      continue;
    }
    Doc d;
    d.id = id;
    d.text = a.text;
    size_t qi = 0;
    for (const auto& jq : ja["quotes"]) {
      ++qi;
      Quote q = GoldQuote(jq);
      if (!GoldQuoteOk(q, a.text, jq)) {
        std::fprintf(stderr, "%s: article %s quote %zu [%zu,%zu): bad kind, text hash or candidates (%s: \"%s\")\n",
                     path.c_str(), id.c_str(), qi, q.span.start, q.span.end,
                     Crc(quote_score::Slice(a.text, q.span)).c_str(), Head(a.text, q.span, 60).c_str());
        ++dev->problems;
        continue;
      }
      d.gold.push_back(std::move(q));
    }
    // Headline quotations (offsets into Article::title): checked, counted,
    // not scored (storyline::Quote spans point into the text only).
    if (ja.contains("title_quotes")) {
      if (ja.value("title_crc32", "") != Crc(a.title)) {
        std::fprintf(stderr, "%s: article %s: title hash %s, gold says %s (title drifted)\n", path.c_str(), id.c_str(),
                     Crc(a.title).c_str(), ja.value("title_crc32", "").c_str());
        ++dev->problems;
      } else {
        size_t ti = 0;
        Doc td;
        td.id = id;
        td.text = a.title;
        for (const auto& jq : ja["title_quotes"]) {
          ++ti;
          Quote q = GoldQuote(jq);
          if (!GoldQuoteOk(q, a.title, jq)) {
            std::fprintf(stderr, "%s: article %s title quote %zu [%zu,%zu): bad kind or text hash\n", path.c_str(),
                         id.c_str(), ti, q.span.start, q.span.end);
            ++dev->problems;
            continue;
          }
          ++dev->title_quotes;
          td.gold.push_back(std::move(q));
        }
        dev->title_docs.push_back(std::move(td));
        dev->title_articles.push_back(a);
      }
    }
    // The share metric counts predicted code points inside gold quotations
    // once per gold quotation: gold must not overlap itself (guideline).
    std::sort(d.gold.begin(), d.gold.end(), [](const Quote& x, const Quote& y) { return x.span.start < y.span.start; });
    for (size_t i = 1; i < d.gold.size(); ++i) {
      if (d.gold[i].span.start < d.gold[i - 1].span.end) {
        std::fprintf(stderr, "%s: article %s: quotations [%zu,%zu) and [%zu,%zu) overlap\n", path.c_str(), id.c_str(),
                     d.gold[i - 1].span.start, d.gold[i - 1].span.end, d.gold[i].span.start, d.gold[i].span.end);
        ++dev->problems;
      }
    }
    std::vector<std::string> mentions = quote_score::MentionKinds(quote_score::Decode(d.text), d.gold);
    for (size_t i = 0; i < d.gold.size(); ++i) d.gold[i].mention = mentions[i];
    dev->docs.push_back(std::move(d));
    dev->articles.push_back(a);
  }
}

void LoadGoldFile(const std::string& path, const std::map<std::string, storyline::Article>& texts,
                  DevSet* dev, const std::string& split = "") {
  try {
    LoadGoldArticles(path, texts, split, dev);
  } catch (const nlohmann::json::exception& e) {
    std::fprintf(stderr, "%s: malformed gold file: %s\n", path.c_str(), e.what());
    ++dev->problems;
  }
}

DevSet LoadDevSet(const Options& o) {
  DevSet dev;
  std::map<std::string, storyline::Article> meantime;
  for (auto& [id, p] : LoadMeantime(o.shared + "/data/timex-meantime-en/intra-doc_annotation")) {
    meantime[id] = std::move(p.second);
  }
  LoadGoldFile(o.gold_dir + "/meantime-en.json", meantime, &dev);
  LoadGoldFile(o.gold_dir + "/examples.json", LoadExamples(o.examples), &dev);
  return dev;
}

// The GUM news documents annotated in gum-news.json; none when the gold
// directory has no such file or the GUM data is absent.
DevSet LoadGumNews(const Options& o) {
  DevSet dev;
  std::string path = o.gold_dir + "/gum-news.json";
  // Without the GUM data (a checkout without ../shared) there is no row.
  if (!fs::exists(path) || !fs::exists(o.shared + "/data/ud-en-gum")) return dev;
  LoadGoldFile(path, LoadGum(o.shared + "/data/ud-en-gum"), &dev);
  return dev;
}

// The other 14 GUM news documents (gum-news-2.json, annotated for issue 16
// after the first 10), one split ("dev" or "test"); none without the file
// or the GUM data.
DevSet LoadGumNews2(const Options& o, const std::string& split) {
  DevSet dev;
  std::string path = o.gold_dir + "/gum-news-2.json";
  if (!fs::exists(path) || !fs::exists(o.shared + "/data/ud-en-gum")) return dev;
  LoadGoldFile(path, LoadGum(o.shared + "/data/ud-en-gum"), &dev, split);
  return dev;
}

// The ECB+ news articles of ../shared/data/ecbplus-stories, read once for
// every ECB+ set; none without the data.
std::map<std::string, storyline::Article> EcbplusTexts(const Options& o) {
  const std::string data = o.shared + "/data/ecbplus-stories";
  if (!fs::exists(data)) return {};
  return ecbplus_text::LoadArticles(data);
}

// Issue 16's ECB+ quotation sets, in the order their rows are printed:
// each file's rows are ROW-dev and ROW-test, and --self-check names it
// LABEL. ecbplus-news.json (third round: every 11th of the 435 from the
// 1st), ecbplus-news-2.json (fourth: from the 6th), -3 (fifth: from the
// 3rd), -4 (sixth: from the 9th), -5 (seventh: from the 2nd), -6 (ninth:
// from the 4th), -7 (tenth: from the 5th), -8 (eleventh: from the 7th), -9 (twelfth: from
// the 8th), -10 (thirteenth: from the 10th), ecbplus-news-long.json (fourteenth: every
// second of the 42 longer articles, 801 to 1100 tokens, from the 1st), ecbplus-news-long-2.json
// (fifteenth: the other 21 of them, every second from the 2nd) and ecbplus-news-long-3.json
// (sixteenth: all 20 articles of 1101 to 1600 tokens).
struct EcbplusSet {
  const char* file;
  const char* row;
  const char* label;
};
constexpr EcbplusSet kEcbplusSets[] = {
    {"ecbplus-news.json", "ecbplus", "ECB+ news set"},       {"ecbplus-news-2.json", "ecbplus-2", "ECB+ news set 2"},
    {"ecbplus-news-3.json", "ecbplus-3", "ECB+ news set 3"}, {"ecbplus-news-4.json", "ecbplus-4", "ECB+ news set 4"},
    {"ecbplus-news-5.json", "ecbplus-5", "ECB+ news set 5"}, {"ecbplus-news-6.json", "ecbplus-6", "ECB+ news set 6"},
    {"ecbplus-news-7.json", "ecbplus-7", "ECB+ news set 7"}, {"ecbplus-news-8.json", "ecbplus-8", "ECB+ news set 8"},
    {"ecbplus-news-9.json", "ecbplus-9", "ECB+ news set 9"},
    {"ecbplus-news-10.json", "ecbplus-10", "ECB+ news set 10"},
    {"ecbplus-news-long.json", "ecbplus-long", "ECB+ long news set"},
    {"ecbplus-news-long-2.json", "ecbplus-long2", "ECB+ long news set 2"},
    {"ecbplus-news-long-3.json", "ecbplus-long3", "ECB+ long news set 3"},
};

// One ECB+ quotation set of kEcbplusSets, one split ("dev" or "test");
// none without the file or the ECB+ texts.
DevSet LoadEcbplusSet(const Options& o, const std::string& file,
                      const std::map<std::string, storyline::Article>& texts, const std::string& split) {
  DevSet dev;
  const std::string path = o.gold_dir + "/" + file;
  if (!fs::exists(path) || texts.empty()) return dev;
  LoadGoldFile(path, texts, &dev, split);
  return dev;
}

std::string InventedDir(const Options& o) { return o.invented.empty() ? o.gold_dir + "/articles" : o.invented; }

// The invented articles of one split ("dev" or "test"); none when the gold
// directory has no invented.json (an older checkout, or a test's copy).
DevSet LoadInvented(const Options& o, const std::string& split) {
  DevSet dev;
  std::string path = o.gold_dir + "/invented.json";
  if (!fs::exists(path)) return dev;
  LoadGoldFile(path, LoadExamples(InventedDir(o)), &dev, split);
  return dev;
}

// ------------------------------------------------------------ predictions

// Runs Annotate() and keeps each quote (or with `title`, each headline
// quote) with its speaker's names.
std::vector<Quote> Predict(const storyline::Article& a, bool title = false) {
  storyline::AnnotatedArticle an = storyline::Annotate(a, {});
  std::vector<Quote> out;
  for (const storyline::Quote& q : title ? an.title_quotes : an.quotes) {
    Quote p;
    p.span = q.span;
    p.kind = q.kind;
    p.medium = q.medium;
    p.names = {q.speaker_name};
    p.has_entity = !q.speaker.empty();
    for (const storyline::EntityMention& m : an.entities) {
      if (!q.speaker.empty() && m.entity == q.speaker) p.names.push_back(m.text);
    }
    out.push_back(std::move(p));
  }
  return out;
}

// ------------------------------------------------------------ LitBank

// One file of a ustar archive.
struct TarEntry {
  std::string name;
  std::string data;
};

std::vector<TarEntry> ReadTar(const std::string& bytes) {
  constexpr size_t kBlock = 512;  // ustar block size
  std::vector<TarEntry> out;
  for (size_t pos = 0; pos + kBlock <= bytes.size();) {
    const char* h = bytes.data() + pos;
    if (h[0] == '\0') break;  // end-of-archive blocks
    std::string name(h, strnlen(h, 100));
    std::string prefix(h + 345, strnlen(h + 345, 155));
    if (!prefix.empty()) name = prefix + "/" + name;
    size_t size = std::strtoull(std::string(h + 124, 12).c_str(), nullptr, 8);
    pos += kBlock;
    if (pos + size > bytes.size()) break;
    if (h[156] == '0' || h[156] == '\0') out.push_back({name, bytes.substr(pos, size)});
    pos += (size + kBlock - 1) / kBlock * kBlock;
  }
  return out;
}

// LitBank: text = all sentences' tokens detokenised (Detokenize) as one
// paragraph; a QUOTE spans tokens startTok..endTok inclusive; the speaker is
// the ATTRIB entity id without its "-N" suffix, "_" read as space; an id
// with no capital letter is a description, i.e. an anonymous speaker.
std::vector<Doc> LoadLitbank(const std::string& dir, std::vector<storyline::Article>* articles) {
  std::string tgz;
  std::vector<Doc> docs;
  if (!ecbplus_text::ReadGzip(dir + "/litbank_quotations.tar.gz", &tgz)) {
    std::fprintf(stderr, "%s/litbank_quotations.tar.gz: cannot read\n", dir.c_str());
    return docs;
  }
  std::map<std::string, std::string> txt, ann;
  for (TarEntry& e : ReadTar(tgz)) {
    if (e.name.size() > 9 && e.name.substr(e.name.size() - 9) == "_brat.txt") txt[e.name.substr(0, e.name.size() - 9)] = e.data;
    if (e.name.size() > 9 && e.name.substr(e.name.size() - 9) == "_brat.ann") ann[e.name.substr(0, e.name.size() - 9)] = e.data;
  }
  for (const auto& [stem, body] : txt) {
    std::vector<std::vector<size_t>> index;  // sentence -> token -> position in flat
    std::vector<quote_score::Token> flat;
    for (const std::string& line : Split(body, '\n')) {
      index.emplace_back();
      for (const std::string& tok : Split(line, ' ')) {
        if (tok.empty()) continue;
        index.back().push_back(flat.size());
        flat.push_back({tok, {}});
      }
    }
    storyline::Article a;
    a.id = fs::path(stem).filename().string();
    a.text = quote_score::Detokenize(flat);
    Doc d;
    d.id = a.id;
    d.text = a.text;
    std::map<std::string, Quote> quotes;
    for (const std::string& line : Split(ann[stem], '\n')) {
      std::vector<std::string> f = Split(line, '\t');
      if (f.size() >= 7 && f[0] == "QUOTE") {
        // Non-numeric fields read as 0 and are then range-checked.
        auto num = [](const std::string& x) { return std::strtoull(x.c_str(), nullptr, 10); };
        size_t s0 = num(f[2]), t0 = num(f[3]), s1 = num(f[4]), t1 = num(f[5]);
        if (s0 >= index.size() || s1 >= index.size() || t0 >= index[s0].size() || t1 >= index[s1].size()) continue;
        Quote q;
        q.kind = "direct";
        q.span = {flat[index[s0][t0]].span.start, flat[index[s1][t1]].span.end};
        quotes[f[1]] = q;
      } else if (f.size() >= 3 && f[0] == "ATTRIB" && quotes.count(f[1])) {
        std::string name = f[2].substr(0, f[2].rfind('-'));
        std::replace(name.begin(), name.end(), '_', ' ');
        quotes[f[1]].names = {name};
        // Descriptions ("a girl", "her husband") are LitBank's anonymous
        // speakers: scored like the dev set's anonymous ones.
        quotes[f[1]].anonymous =
            std::none_of(name.begin(), name.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
      }
    }
    for (auto& [qid, q] : quotes) d.gold.push_back(q);
    std::sort(d.gold.begin(), d.gold.end(), [](const Quote& x, const Quote& y) { return x.span.start < y.span.start; });
    docs.push_back(std::move(d));
    articles->push_back(std::move(a));
  }
  return docs;
}

// ------------------------------------------------------------ Wikinews DE

// UTF-16 code-unit offsets (the corpus was written by Java) to code points.
std::vector<size_t> Utf16ToCodePoint(const std::string& text) {
  std::vector<size_t> map;
  size_t cp = 0;
  for (char32_t c : quote_score::Decode(text)) {
    map.push_back(cp);
    if (c > 0xFFFF) map.push_back(cp);
    ++cp;
  }
  map.push_back(cp);
  return map;
}

// One Wikinews DE record: gold = each span of every Direct quotation.
// Throws nlohmann::json::exception on a field of the wrong type.
void AddWikinewsDoc(const nlohmann::json& j, std::vector<Doc>* docs,
                    std::vector<storyline::Article>* articles) {
  storyline::Article a;
  a.id = j.value("file", "");
  a.outlet = "Wikinews";
  a.text = j.value("originalText", "");
  std::vector<size_t> map = Utf16ToCodePoint(a.text);
  Doc d;
  d.id = a.id;
  d.text = a.text;
  for (const auto& an : j.value("annotations", nlohmann::json::array())) {
    if (an.value("type", "") != "Direct" || !an.contains("quote")) continue;
    for (const auto& sp : an["quote"].value("spans", nlohmann::json::array())) {
      size_t b = sp.value("charBegin", size_t{0}), e = sp.value("charEnd", size_t{0});
      if (b >= e || e >= map.size()) continue;
      Quote q;
      q.kind = "direct";
      q.span = {map[b], map[e]};
      d.gold.push_back(q);
    }
  }
  docs->push_back(std::move(d));
  articles->push_back(std::move(a));
}

// German Wikinews, test split; predictions scored are direct and partial
// ones (kind "direct" for both), no attribution (speaker spans are German
// phrases, not names).
std::vector<Doc> LoadWikinewsDe(const std::string& dir, std::vector<storyline::Article>* articles) {
  std::string raw;
  std::vector<Doc> docs;
  if (!ecbplus_text::ReadGzip(dir + "/documents.jsonl.gz", &raw)) {
    std::fprintf(stderr, "%s/documents.jsonl.gz: cannot read\n", dir.c_str());
    return docs;
  }
  for (const std::string& line : Split(raw, '\n')) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    try {
      if (j.is_discarded() || j.value("split", "") != "test") continue;
      AddWikinewsDoc(j, &docs, articles);
    } catch (const nlohmann::json::exception& e) {
      std::fprintf(stderr, "%s/documents.jsonl.gz: record skipped: %s\n", dir.c_str(), e.what());
    }
  }
  return docs;
}

// ------------------------------------------------------------ output

struct Section {
  std::string name;
  size_t articles = 0;
  std::map<std::string, quote_score::Counts> counts;
  bool attribution = true;
};

void PrintTable(const std::vector<Section>& sections) {
  fmt::print("{:<16} {:<9} {:>5} {:>5} | {:>17} | {:>17} | {:>17} | {:>6} {:>6} {:>6}\n", "set", "kind",
             "gold", "pred", "exact P/R/F1", "overlap P/R/F1", "share P/R/F1", "attrib", "kind", "medium");
  for (const Section& s : sections) {
    for (const auto& [kind, c] : s.counts) {
      quote_score::Figures f = quote_score::Compute(c);
      std::string attrib = s.attribution ? fmt::format("{:.3f}", f.attribution) : "-";
      std::string medium = c.medium_gold > 0 ? fmt::format("{:.3f}", f.medium_accuracy) : "-";
      fmt::print("{:<16} {:<9} {:>5} {:>5} | {:.3f} {:.3f} {:.3f} | {:.3f} {:.3f} {:.3f} | {:.3f} {:.3f} {:.3f} | {:>6} {:>6.3f} {:>6}\n",
                 s.name, kind.empty() ? "all" : kind, c.gold, c.pred, f.exact_p, f.exact_r, f.exact_f,
                 f.overlap_p, f.overlap_r, f.overlap_f, f.share_p, f.share_r, f.share_f, attrib,
                 f.kind_accuracy, medium);
    }
  }
}

// Speaker accuracy by how the text names the gold speaker (name, pronoun,
// description; quote_score_lib.h MentionKinds): the matched gold
// quotations of each kind of mention and the share with the right speaker,
// for all quotations and for direct ones.
void PrintMentionTable(const std::vector<Section>& sections) {
  static const char* const kMentions[] = {"name", "pronoun", "description"};
  fmt::print("\nspeakers by mention: matched gold quotations (n) and the share with the right speaker\n");
  fmt::print("{:<16} {:<9} | {:>11} | {:>11} | {:>11}\n", "set", "kind", "name n acc", "pron n acc",
             "desc n acc");
  for (const Section& s : sections) {
    if (!s.attribution) continue;
    for (const auto& [kind, c] : s.counts) {
      if (!kind.empty() && kind != "direct") continue;
      if (c.by_mention.empty()) continue;  // no gold mention kinds (headlines, LitBank)
      std::string line = fmt::format("{:<16} {:<9}", s.name, kind.empty() ? "all" : kind);
      for (const char* m : kMentions) {
        auto it = c.by_mention.find(m);
        size_t n = it == c.by_mention.end() ? 0 : it->second.first;
        std::string acc = n == 0 ? "-" : fmt::format("{:.3f}", quote_score::Ratio(it->second.second, n));
        line += fmt::format(" | {:>4} {:>6}", n, acc);
      }
      fmt::print("{}\n", line);
    }
  }
}

nlohmann::json ToJson(const std::vector<Section>& sections) {
  nlohmann::json out = nlohmann::json::object();
  for (const Section& s : sections) {
    nlohmann::json js;
    js["articles"] = s.articles;
    for (const auto& [kind, c] : s.counts) {
      quote_score::Figures f = quote_score::Compute(c);
      nlohmann::json r = {{"gold", c.gold}, {"pred", c.pred},
                          {"exact", {{"p", f.exact_p}, {"r", f.exact_r}, {"f1", f.exact_f}}},
                          {"overlap", {{"p", f.overlap_p}, {"r", f.overlap_r}, {"f1", f.overlap_f}}},
                          {"share", {{"p", f.share_p}, {"r", f.share_r}, {"f1", f.share_f}}},
                          {"matched", c.matched_gold}, {"kind_accuracy", f.kind_accuracy}};
      if (c.medium_gold > 0) r["medium_accuracy"] = f.medium_accuracy;
      if (s.attribution) {
        r["attribution"] = f.attribution;
        for (const auto& [m, n] : c.by_mention) {
          r["by_mention"][m] = {{"matched", n.first}, {"attribution", quote_score::Ratio(n.second, n.first)}};
        }
      }
      js[kind.empty() ? "all" : kind] = r;
    }
    out[s.name] = js;
  }
  return out;
}

// For --errors: lists a document's missed and spurious quotations and, for a set scored
// with attribution, its wrong speakers (a set scored on spans only, the
// German Wikinews one, has no gold speakers to compare).
void PrintErrors(const std::string& set, const Doc& d, bool attribution) {
  for (const Quote& g : d.gold) {
    bool hit = false;
    for (const Quote& p : d.pred) hit = hit || quote_score::Overlap(g.span, p.span) > 0;
    if (!hit) {
      fmt::print(stderr, "{} {} missed {} [{},{}) {}: {}\n", set, d.id, g.kind, g.span.start, g.span.end,
                 g.names.empty() ? "" : g.names[0], Head(d.text, g.span, 80));
    }
  }
  // Wrong speakers of the pairs the scores count.
  for (const auto& [gi, pi] : quote_score::MatchPairs(quote_score::Decode(d.text), d)) {
    const Quote& g = d.gold[gi];
    const Quote& p = d.pred[pi];
    if (!attribution || g.names.empty() || quote_score::SpeakerCorrect(g, p)) continue;
    fmt::print(stderr, "{} {} speaker [{},{}) gold {}{}, predicted {}{}: {}\n", set, d.id, g.span.start, g.span.end,
               g.anonymous ? "~" : "", g.names[0], p.has_entity ? "" : "~", p.names.empty() ? "" : p.names[0],
               Head(d.text, g.span, 60));
  }
  for (const Quote& p : d.pred) {
    bool hit = false;
    for (const Quote& g : d.gold) hit = hit || quote_score::Overlap(g.span, p.span) > 0;
    if (!hit) {
      fmt::print(stderr, "{} {} spurious {} [{},{}) {}: {}\n", set, d.id, p.kind, p.span.start, p.span.end,
                 p.names.empty() ? "" : p.names[0], Head(d.text, p.span, 80));
    }
  }
}

Section Run(const std::string& name, std::vector<Doc>& docs, const std::vector<storyline::Article>& articles,
            bool attribution, bool errors, bool direct_only, bool title = false) {
  if (docs.empty()) return {name, 0, {}, attribution};
  for (size_t i = 0; i < docs.size(); ++i) {
    docs[i].pred = Predict(articles[i], title);
    if (direct_only) {
      std::vector<Quote> kept;
      for (Quote& p : docs[i].pred) {
        if (p.kind == "direct" || p.kind == "partial") kept.push_back(p), kept.back().kind = "direct";
      }
      docs[i].pred = kept;
    }
    if (errors) PrintErrors(name, docs[i], attribution);
  }
  return {name, docs.size(), quote_score::Score(docs), attribution};
}

// ------------------------------------------------------------ self-check

// Tally of the self-check; each check prints one PASS/FAIL line.
struct Checker {
  int failures = 0;

  void Expect(const std::string& what, double got, double want) {
    // Figures are ratios of small integers: equal up to rounding.
    bool ok = std::abs(got - want) < 1e-9;
    if (!ok) ++failures;
    fmt::print("{} {}: got {:.6f}, want {:.6f}\n", ok ? "PASS" : "FAIL", what, got, want);
  }
};

// Hand-computed cases of the measure itself, independent of any data.
void CheckMeasure(Checker& c) {
  // Code points: the opening mark is 0, "Ann" starts at 16, "no" at 38.
  // “Yes, we will,” Ann Lee said. He said no.
  const std::string text = "“Yes, we will,” Ann Lee said. He said no.";
  auto q = [](size_t s, size_t e, std::string kind, std::string name) {
    Quote x;
    x.span = {s, e};
    x.kind = std::move(kind);
    x.names = {std::move(name)};
    return x;
  };
  struct Row {
    const char* what;
    std::vector<Quote> gold, pred;
    double exact_p, exact_r, overlap_r, share_p, share_r, attribution;
  };
  const std::vector<Row> rows = {
      {"marks and comma trimmed for exact", {q(0, 15, "direct", "Ann Lee")}, {q(1, 13, "direct", "Lee")}, 1, 1, 1, 1, 12.0 / 15, 1},
      {"shorter span: overlap only", {q(0, 15, "direct", "Ann Lee")}, {q(1, 5, "direct", "Ann")}, 0, 0, 1, 1, 4.0 / 15, 1},
      {"wrong speaker", {q(0, 15, "direct", "Ann Lee")}, {q(0, 15, "direct", "Bo Lee")}, 1, 1, 1, 1, 1, 0},
      {"pronoun is not a speaker", {q(0, 15, "direct", "Ann Lee")}, {q(0, 15, "direct", "she")}, 1, 1, 1, 1, 1, 0},
      {"spurious and missed", {q(38, 40, "indirect", "X")}, {q(0, 15, "direct", "Ann Lee")}, 0, 0, 0, 0, 0, 0},
      {"one prediction, two gold: one match", {q(0, 5, "direct", "Ann"), q(6, 15, "direct", "Ann")}, {q(0, 15, "direct", "Ann")}, 0, 0, 0.5, 14.0 / 15, 1, 1},
  };
  for (const Row& r : rows) {
    Doc d{"t", text, r.gold, r.pred};
    quote_score::Figures f = quote_score::Compute(quote_score::Score({d})[""]);
    c.Expect(std::string(r.what) + " exact P", f.exact_p, r.exact_p);
    c.Expect(std::string(r.what) + " exact R", f.exact_r, r.exact_r);
    c.Expect(std::string(r.what) + " overlap R", f.overlap_r, r.overlap_r);
    c.Expect(std::string(r.what) + " share P", f.share_p, r.share_p);
    c.Expect(std::string(r.what) + " share R", f.share_r, r.share_r);
    c.Expect(std::string(r.what) + " attribution", f.attribution, r.attribution);
  }
  struct NameRow {
    const char* a;
    const char* b;
    bool match;
  };
  const NameRow names[] = {{"Ralph D. Crosby Jr.", "Crosby", true}, {"Mr. Crosby's", "Ralph Crosby", true},
                           {"Boeing", "The Boeing Co.", true},      {"Boeing", "Airbus", false},
                           {"he", "he", false},                     {"Ann Lee", "Ann Smith", false},
                           {"GM", "General Motors", true},          {"USAF", "United States Air Force", true},
                           {"GM", "Ford Motor Company", false}};
  for (const NameRow& n : names) {
    c.Expect(fmt::format("NamesMatch({}, {})", n.a, n.b), quote_score::NamesMatch(n.a, n.b), n.match);
  }
}

// An unresolved gold pronoun: right only when the prediction commits to
// no candidate (no entity, no candidate's name).
void CheckUnresolved(Checker& c) {
  Quote g;
  g.names = {"he"};
  g.unresolved = true;
  g.candidates = {"Arne Brekke", "Jonas Holm"};
  auto pred = [](std::vector<std::string> names, bool entity) {
    Quote p;
    p.names = std::move(names);
    p.has_entity = entity;
    return p;
  };
  c.Expect("unresolved: pronoun left unresolved", quote_score::SpeakerCorrect(g, pred({"he"}, false)), 1);
  c.Expect("unresolved: no speaker", quote_score::SpeakerCorrect(g, pred({""}, false)), 1);
  c.Expect("unresolved: a candidate by name", quote_score::SpeakerCorrect(g, pred({"Holm"}, false)), 0);
  c.Expect("unresolved: resolved to an entity", quote_score::SpeakerCorrect(g, pred({"he", "Arne Brekke"}, true)), 0);
}

// Hand-computed mention kinds (quote_score_lib.h MentionKinds): a name, a
// pronoun, an anonymous description, an owned description, a name after
// an inverted cue with an apposition, and a continuation.
void CheckMentions(Checker& c) {
  const std::string text =
      "“Yes,” Ann Lee said. “No,” she said. Officials said it was over. “Go,” her spokeswoman said. "
      "“Stop,” said Bo Dahl, a senior adviser. “Again.”";
  std::u32string t = quote_score::Decode(text);
  auto q = [&](const std::string& part, std::string speaker, std::string cue, bool anonymous) {
    Quote x;
    size_t byte = text.find(part);
    size_t start = quote_score::Decode(text.substr(0, byte)).size();
    x.span = {start, start + quote_score::Decode(part).size()};
    x.names = {std::move(speaker)};
    x.cue = std::move(cue);
    x.anonymous = anonymous;
    return x;
  };
  std::vector<Quote> gold = {q("“Yes,”", "Ann Lee", "said", false), q("“No,”", "Ann Lee", "said", false),
                             q("it was over", "officials", "said", true),
                             q("“Go,”", "Ann Lee's spokeswoman", "said", false),
                             q("“Stop,”", "Bo Dahl", "said", false), q("“Again.”", "Bo Dahl", "", false)};
  const char* want[] = {"name", "pronoun", "description", "description", "name", "name"};
  std::vector<std::string> got = quote_score::MentionKinds(t, gold);
  for (size_t i = 0; i < gold.size(); ++i) {
    c.Expect(fmt::format("mention kind of quotation {} is {} (got {})", i + 1, want[i], got[i]), got[i] == want[i], 1);
  }
}

// Gold used as predictions, with the totals the perturbation checks need.
struct Perfect {
  std::vector<Doc> docs;
  size_t n = 0;    // quotations
  size_t cps = 0;  // code points inside quotations
};

Perfect PerfectPredictions(const DevSet& dev) {
  Perfect p{dev.docs, 0, 0};
  for (Doc& d : p.docs) {
    d.pred = d.gold;
    for (Quote& q : d.pred) q.has_entity = !q.anonymous && !q.unresolved;
    p.n += d.gold.size();
    for (const Quote& g : d.gold) p.cps += g.span.end - g.span.start;
  }
  return p;
}

quote_score::Figures ScoreAll(const std::vector<Doc>& docs) {
  return quote_score::Compute(quote_score::Score(docs)[""]);
}

// Drop every second quotation: precision stays 1, recall = kept / n.
void CheckDropHalf(const Perfect& perfect, Checker& c) {
  std::vector<Doc> docs = perfect.docs;
  size_t kept = 0, idx = 0, kept_cps = 0;
  for (Doc& d : docs) {
    std::vector<Quote> p;
    for (const Quote& q : d.pred) {
      if (idx++ % 2 == 0) p.push_back(q), ++kept, kept_cps += q.span.end - q.span.start;
    }
    d.pred = p;
  }
  quote_score::Figures f = ScoreAll(docs);
  c.Expect("drop half: exact P", f.exact_p, 1);
  c.Expect("drop half: exact R", f.exact_r, double(kept) / perfect.n);
  c.Expect("drop half: share R", f.share_r, double(kept_cps) / perfect.cps);
  c.Expect("drop half: attribution", f.attribution, 1);
}

// Give every fourth quotation a stranger as speaker (with an entity, so
// anonymous gold is wrong too): attribution = 1 - renamed / n. Change the
// kind of every fifth: kind accuracy = 1 - changed / n, spans unaffected.
void CheckSpeakersAndKinds(const Perfect& perfect, Checker& c) {
  std::vector<Doc> docs = perfect.docs;
  size_t renamed = 0, rekinded = 0, idx = 0;
  for (Doc& d : docs) {
    for (Quote& p : d.pred) {
      if (idx % 4 == 0) {
        p.names = {"Zebedee Quarrington-Vosk"};
        p.has_entity = true;
        ++renamed;
      }
      if (idx++ % 5 == 0) {
        p.kind = p.kind == "direct" ? "indirect" : "direct";
        ++rekinded;
      }
    }
  }
  quote_score::Figures f = ScoreAll(docs);
  c.Expect("rename speakers: exact R", f.exact_r, 1);
  c.Expect("rename speakers: attribution", f.attribution, 1.0 - double(renamed) / perfect.n);
  c.Expect("change kinds: kind accuracy", f.kind_accuracy, 1.0 - double(rekinded) / perfect.n);
}

// Cut every third quotation to its second half: exact recall loses them,
// overlap recall does not, share recall loses the first halves.
void CheckCutSpans(const Perfect& perfect, Checker& c) {
  // Quotations shorter than this are left whole: their halves would be
  // mostly quotation marks, which exact matching trims away.
  constexpr size_t kMinCut = 8;
  std::vector<Doc> docs = perfect.docs;
  size_t cut_n = 0, cut_cps = 0, idx = 0;
  for (Doc& d : docs) {
    for (Quote& p : d.pred) {
      size_t len = p.span.end - p.span.start;
      if (idx++ % 3 != 0 || len < kMinCut) continue;
      p.span.start += len / 2;
      ++cut_n;
      cut_cps += len / 2;
    }
  }
  quote_score::Figures f = ScoreAll(docs);
  c.Expect("cut thirds: exact R", f.exact_r, 1.0 - double(cut_n) / perfect.n);
  c.Expect("cut thirds: overlap R", f.overlap_r, 1);
  c.Expect("cut thirds: share P", f.share_p, 1);
  c.Expect("cut thirds: share R", f.share_r, 1.0 - double(cut_cps) / perfect.cps);
}

// Add one spurious prediction per article, outside every gold quotation:
// recall stays 1, precision = n / (n + added).
void CheckSpurious(const Perfect& perfect, Checker& c) {
  constexpr size_t kLen = 5;  // code points of each spurious prediction
  std::vector<Doc> docs = perfect.docs;
  size_t added = 0;
  for (Doc& d : docs) {
    size_t len = storyline::CodePointLength(d.text);
    for (size_t s = 0; s + kLen <= len; ++s) {
      bool free = true;
      for (const Quote& g : d.gold) free = free && quote_score::Overlap(g.span, {s, s + kLen}) == 0;
      if (!free) continue;
      Quote p;
      p.span = {s, s + kLen};
      p.kind = "indirect";
      p.names = {"Nobody"};
      d.pred.push_back(p);
      ++added;
      break;
    }
  }
  quote_score::Figures f = ScoreAll(docs);
  c.Expect("spurious: exact R", f.exact_r, 1);
  c.Expect("spurious: exact P", f.exact_p, double(perfect.n) / (perfect.n + added));
  c.Expect("spurious: overlap P", f.overlap_p, double(perfect.n) / (perfect.n + added));
}

// Gold against itself and against perturbed copies of itself, where the
// expected figures follow from counting, not from the scorer.
void CheckDevSet(const DevSet& dev, Checker& c, const std::string& label = "dev set") {
  Perfect perfect = PerfectPredictions(dev);
  fmt::print("{}: {} articles, {} quotations\n", label, perfect.docs.size(), perfect.n);
  if (perfect.n == 0) {
    ++c.failures;
    fmt::print("FAIL {} is empty\n", label);
    return;
  }
  quote_score::Figures f = ScoreAll(perfect.docs);
  c.Expect("gold vs gold exact F1", f.exact_f, 1);
  c.Expect("gold vs gold share F1", f.share_f, 1);
  c.Expect("gold vs gold attribution", f.attribution, 1);
  c.Expect("gold vs gold kind accuracy", f.kind_accuracy, 1);
  c.Expect("gold vs gold medium accuracy", f.medium_accuracy, 1);
  CheckDropHalf(perfect, c);
  CheckSpeakersAndKinds(perfect, c);
  CheckCutSpans(perfect, c);
  CheckSpurious(perfect, c);
}

int DumpText(const Options& o) {
  fs::create_directories(o.dump_text);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(o.dump_text + "/" + name + ".txt", std::ios::binary) << text;
  };
  for (auto& [id, p] : LoadMeantime(o.shared + "/data/timex-meantime-en/intra-doc_annotation")) {
    write("meantime_" + id, p.second.text);
  }
  for (auto& [id, a] : LoadExamples(o.examples)) write("examples_" + id, a.text);
  for (auto& [id, a] : LoadExamples(InventedDir(o))) write("invented_" + id, a.text);
  for (auto& [id, a] : LoadGum(o.shared + "/data/ud-en-gum")) write("gum_" + id, a.text);
  for (auto& [id, a] : ecbplus_text::LoadArticles(o.shared + "/data/ecbplus-stories")) write("ecbplus_" + id, a.text);
  return 0;
}

bool ParseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    bool ok = true;
    if (a == "--gold") ok = next(&o->gold_dir);
    else if (a == "--shared") ok = next(&o->shared);
    else if (a == "--examples") ok = next(&o->examples);
    else if (a == "--invented") ok = next(&o->invented);
    else if (a == "--final") o->final_run = true;
    else if (a == "--litbank") ok = next(&o->litbank);
    else if (a == "--wikinews-de") ok = next(&o->wikinews_de);
    else if (a == "--dump-text") ok = next(&o->dump_text);
    else if (a == "--json") o->json = true;
    else if (a == "--errors") o->errors = true;
    else if (a == "--self-check") o->self_check = true;
    else if (a == "--mentions") o->mentions = true;
    else ok = false;
    if (!ok) {
      std::fprintf(stderr, "quote_score: bad argument %s\n", a.c_str());
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!ParseArgs(argc, argv, &o)) {
    std::fprintf(stderr,
                 "usage: quote_score [--gold DIR] [--shared DIR] [--examples DIR] [--invented DIR]\n"
                 "                   [--litbank DIR] [--wikinews-de DIR] [--json] [--errors [--final]]\n"
                 "                   [--self-check] [--dump-text DIR] [--mentions]\n");
    return 2;
  }
  if (!o.dump_text.empty()) return DumpText(o);
  DevSet dev = LoadDevSet(o);
  DevSet inv_dev = LoadInvented(o, "dev"), inv_test = LoadInvented(o, "test");
  DevSet gum = LoadGumNews(o);
  DevSet gum2_dev = LoadGumNews2(o, "dev"), gum2_test = LoadGumNews2(o, "test");
  const std::map<std::string, storyline::Article> ecb_texts = EcbplusTexts(o);
  // Each ECB+ set's dev and test splits, in the order of kEcbplusSets.
  struct EcbplusRows {
    const EcbplusSet* set;
    DevSet dev, test;
  };
  std::vector<EcbplusRows> ecb;
  for (const EcbplusSet& set : kEcbplusSets) {
    ecb.push_back(
        {&set, LoadEcbplusSet(o, set.file, ecb_texts, "dev"), LoadEcbplusSet(o, set.file, ecb_texts, "test")});
  }
  size_t problems = dev.problems + inv_dev.problems + inv_test.problems + gum.problems + gum2_dev.problems +
                    gum2_test.problems;
  for (const EcbplusRows& e : ecb) problems += e.dev.problems + e.test.problems;
  if (o.self_check) {
    Checker c;
    CheckMeasure(c);
    CheckUnresolved(c);
    CheckMentions(c);
    CheckDevSet(dev, c);
    if (!gum.docs.empty()) CheckDevSet(gum, c, "GUM news set");
    if (!gum2_dev.docs.empty() || !gum2_test.docs.empty()) {
      DevSet gum2 = gum2_dev;
      gum2.docs.insert(gum2.docs.end(), gum2_test.docs.begin(), gum2_test.docs.end());
      CheckDevSet(gum2, c, "GUM news set 2");
    }
    for (const EcbplusRows& e : ecb) {
      if (e.dev.docs.empty() && e.test.docs.empty()) continue;
      DevSet both = e.dev;
      both.docs.insert(both.docs.end(), e.test.docs.begin(), e.test.docs.end());
      CheckDevSet(both, c, e.set->label);
    }
    if (!inv_dev.docs.empty() || !inv_test.docs.empty()) {
      DevSet inv = inv_dev;
      inv.docs.insert(inv.docs.end(), inv_test.docs.begin(), inv_test.docs.end());
      CheckDevSet(inv, c, "invented set");
      fmt::print("invented set: {} headline quotations checked (scored as the -title rows)\n",
                 inv_dev.title_quotes + inv_test.title_quotes);
    }
    if (problems > 0) fmt::print("FAIL dev set: {} problems (see above)\n", problems);
    bool ok = c.failures == 0 && problems == 0;
    fmt::print("self-check: {}\n", ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
  }
  if (problems > 0) {
    std::fprintf(stderr, "quote_score: %zu problems in the dev set (see above)\n", problems);
    return 1;
  }
  if (o.mentions) {
    std::vector<std::pair<std::string, const DevSet*>> sets = {
        {"news-dev", &dev}, {"gum-news", &gum}, {"gum-news-2-dev", &gum2_dev}, {"gum-news-2-test", &gum2_test}};
    for (const EcbplusRows& e : ecb) {
      sets.push_back({std::string(e.set->row) + "-dev", &e.dev});
      sets.push_back({std::string(e.set->row) + "-test", &e.test});
    }
    sets.push_back({"invented-dev", &inv_dev});
    sets.push_back({"invented-test", &inv_test});
    for (const auto& [name, set] : sets) {
      for (const Doc& d : set->docs) {
        for (const Quote& g : d.gold) {
          fmt::print("{} {} [{},{}) {} {}{} ({}): {}\n", name, d.id, g.span.start, g.span.end, g.mention,
                     g.anonymous ? "~" : "", g.names[0], g.cue, Head(d.text, g.span, 50));
        }
      }
    }
    return 0;
  }
  std::vector<Section> sections;
  sections.push_back(Run("news-dev", dev.docs, dev.articles, true, o.errors, false));
  if (!gum.docs.empty()) sections.push_back(Run("gum-news", gum.docs, gum.articles, true, o.errors, false));
  if (!gum2_dev.docs.empty()) {
    sections.push_back(Run("gum-news-2-dev", gum2_dev.docs, gum2_dev.articles, true, o.errors, false));
  }
  if (!gum2_test.docs.empty()) {
    sections.push_back(
        Run("gum-news-2-test", gum2_test.docs, gum2_test.articles, true, o.errors && o.final_run, false));
  }
  for (EcbplusRows& e : ecb) {
    if (!e.dev.docs.empty()) {
      sections.push_back(Run(std::string(e.set->row) + "-dev", e.dev.docs, e.dev.articles, true, o.errors, false));
    }
    if (!e.test.docs.empty()) {
      sections.push_back(Run(std::string(e.set->row) + "-test", e.test.docs, e.test.articles, true,
                             o.errors && o.final_run, false));
    }
  }
  if (!inv_dev.docs.empty()) {
    sections.push_back(Run("invented-dev", inv_dev.docs, inv_dev.articles, true, o.errors, false));
  }
  if (!inv_test.docs.empty()) {
    sections.push_back(Run("invented-test", inv_test.docs, inv_test.articles, true, o.errors && o.final_run, false));
    if (o.errors && !o.final_run) {
      std::string rows = "invented-test, gum-news-2-test";
      for (size_t k = 0; k < ecb.size(); ++k) {
        rows += (k + 1 == ecb.size() ? " and " : ", ") + std::string(ecb[k].set->row) + "-test";
      }
      std::fprintf(stderr, "(%s errors are not listed without --final)\n", rows.c_str());
    }
  }
  // Headline quotations: only the headlines that hold one are scored
  // (precision over those headlines).
  if (!inv_dev.title_docs.empty()) {
    sections.push_back(Run("invented-dev-title", inv_dev.title_docs, inv_dev.title_articles, true, o.errors, false,
                           true));
  }
  if (!inv_test.title_docs.empty()) {
    sections.push_back(Run("invented-test-title", inv_test.title_docs, inv_test.title_articles, true,
                           o.errors && o.final_run, false, true));
  }
  if (!o.litbank.empty()) {
    std::vector<storyline::Article> arts;
    std::vector<Doc> docs = LoadLitbank(o.litbank, &arts);
    sections.push_back(Run("litbank", docs, arts, true, o.errors, true));
  }
  if (!o.wikinews_de.empty()) {
    std::vector<storyline::Article> arts;
    std::vector<Doc> docs = LoadWikinewsDe(o.wikinews_de, &arts);
    sections.push_back(Run("wikinews-de-test", docs, arts, false, o.errors, true));
  }
  if (o.json) {
    std::cout << ToJson(sections).dump(2) << "\n";
  } else {
    PrintTable(sections);
    PrintMentionTable(sections);
  }
  return 0;
}
