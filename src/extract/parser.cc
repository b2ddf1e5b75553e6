#include "extract/parser.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "extract/model_bytes.h"
#include "extract/ner_features.h"
#include "extract/parser_features.h"
#include "text/sentences.h"
#include "text/shape_tokens.h"

namespace storyline {
namespace {

static_assert(std::endian::native == std::endian::little,
              "parser.bin stores little-endian floats and integers; add byte swapping for big-endian hosts");

// File layout (integers little-endian):
//   magic "stlparse" | u32 version
//   u32 tag count | tags (u32 length, bytes) | u32 label count | labels
//   4 weight tables (tagger, retagger, arcs, labeler), each:
//     u32 hash_bits | u32 classes | u32 row count
//     row ids, ascending, as LEB128 deltas from the previous id (+1)
//     per row: f32 scale | u8 count of non-zero values | count x (u8
//     class, i8 value), classes ascending (most rows touch few classes)
//   u32 cluster count | count x (u64 word key, u32 packed path), sorted by key
//   u64 FNV-1a of all preceding bytes.
constexpr char kMagic[8] = {'s', 't', 'l', 'p', 'a', 'r', 's', 'e'};
constexpr uint32_t kVersion = 1;
// Tag and label sets are 64-bit masks in the features (label sets of a
// word's children); UD has 17 UPOS tags and 37 relations plus subtypes.
constexpr uint32_t kMaxLabels = 64;
constexpr uint32_t kMaxLabelBytes = 64;
// 2^26 row ids: far more than any table we train (2^18 - 2^21); bounds
// what a corrupt header can make us allocate for the slot table.
constexpr uint32_t kMaxHashBits = 26;
// As in ner.cc: tens of thousands of clustered words; stops corrupt sizes.
constexpr uint32_t kMaxClusterWords = 1u << 24;

using model_bytes::Put;
using model_bytes::Reader;

void PutVarint(std::string* out, uint32_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutStrings(std::string* out, const std::vector<std::string>& v) {
  Put<uint32_t>(out, static_cast<uint32_t>(v.size()));
  for (const std::string& s : v) {
    Put<uint32_t>(out, static_cast<uint32_t>(s.size()));
    *out += s;
  }
}

void PutWeights(std::string* out, const ParserWeights& w) {
  Put<uint32_t>(out, w.hash_bits);
  Put<uint32_t>(out, w.classes);
  Put<uint32_t>(out, static_cast<uint32_t>(w.ids.size()));
  uint32_t prev = 0;
  for (size_t r = 0; r < w.ids.size(); ++r) {
    PutVarint(out, r == 0 ? w.ids[r] : w.ids[r] - prev);
    prev = w.ids[r];
  }
  for (size_t r = 0; r < w.ids.size(); ++r) {
    Put<float>(out, w.scales[r]);
    const int8_t* q = w.values.data() + r * w.classes;
    uint8_t nonzero = 0;
    for (uint32_t c = 0; c < w.classes; ++c) nonzero += q[c] != 0;
    Put<uint8_t>(out, nonzero);
    for (uint32_t c = 0; c < w.classes; ++c) {
      if (q[c] == 0) continue;
      Put<uint8_t>(out, static_cast<uint8_t>(c));
      Put<int8_t>(out, q[c]);
    }
  }
}

Status Bad(const std::string& what) { return Status::Corruption("parser model: " + what); }

Status GetStrings(Reader* r, const char* what, std::vector<std::string>* out) {
  uint32_t count = 0;
  if (!r->Get(&count) || count == 0 || count > kMaxLabels) return Bad(std::string("bad ") + what + " count");
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t len = 0;
    std::string s;
    if (!r->Get(&len) || len > kMaxLabelBytes) return Bad(std::string("bad ") + what + " " + std::to_string(i));
    if (!r->GetBytes(len, &s)) return Bad(std::string("truncated ") + what + " " + std::to_string(i));
    out->push_back(std::move(s));
  }
  return Status::Ok();
}

Status GetWeights(Reader* r, const char* what, ParserWeights* w, bool may_be_empty = false) {
  uint32_t rows = 0;
  if (!r->Get(&w->hash_bits) || !r->Get(&w->classes) || !r->Get(&rows)) {
    return Bad(std::string("truncated ") + what + " header");
  }
  if (may_be_empty && w->classes == 0 && rows == 0) return Status::Ok();
  if (w->hash_bits == 0 || w->hash_bits > kMaxHashBits) return Bad(std::string(what) + " hash bits out of range");
  if (w->classes == 0 || w->classes > kMaxLabels) return Bad(std::string(what) + " class count out of range");
  // Each row takes at least 1 + 4 + 1 bytes: a count the rest of the file
  // cannot hold is corrupt, and must not size an allocation.
  if (rows > (uint64_t{1} << w->hash_bits) || uint64_t{rows} * 6 > r->remaining()) {
    return Bad(std::string(what) + " row count out of range");
  }
  w->ids.resize(rows);
  uint64_t id = 0;
  for (uint32_t i = 0; i < rows; ++i) {
    uint32_t delta = 0;
    if (!r->GetVarint(&delta)) return Bad(std::string("truncated ") + what + " row ids");
    if (i > 0 && delta == 0) return Bad(std::string(what) + " row ids not ascending");
    id = i == 0 ? delta : id + delta;
    if (id >= (uint64_t{1} << w->hash_bits)) return Bad(std::string(what) + " row id out of range");
    w->ids[i] = static_cast<uint32_t>(id);
  }
  w->scales.resize(rows);
  w->values.assign(size_t{rows} * w->classes, 0);
  for (uint32_t i = 0; i < rows; ++i) {
    const std::string row = std::string(what) + " row " + std::to_string(i);
    uint8_t nonzero = 0;
    if (!r->Get(&w->scales[i]) || !r->Get(&nonzero)) return Bad("truncated " + row);
    if (!std::isfinite(w->scales[i])) return Bad(row + " scale not finite");
    if (nonzero > w->classes) return Bad(row + " has more values than classes");
    int prev = -1;
    for (uint8_t k = 0; k < nonzero; ++k) {
      uint8_t c = 0;
      int8_t v = 0;
      if (!r->Get(&c) || !r->Get(&v)) return Bad("truncated " + row);
      if (c >= w->classes || static_cast<int>(c) <= prev) return Bad(row + " class out of order or range");
      prev = c;
      w->values[size_t{i} * w->classes + c] = v;
    }
  }
  return Status::Ok();
}

Status CheckWeights(const ParserWeights& w, size_t classes, const char* what) {
  const std::string name = std::string("parser model: ") + what;
  if (w.classes != classes) return Status::InvalidInput(name + " class count does not match its labels");
  if (w.hash_bits == 0 || w.hash_bits > kMaxHashBits) return Status::InvalidInput(name + " hash bits out of range");
  if (w.scales.size() != w.ids.size() || w.values.size() != w.ids.size() * w.classes) {
    return Status::InvalidInput(name + " table sizes do not agree");
  }
  for (size_t i = 0; i < w.ids.size(); ++i) {
    if ((i > 0 && w.ids[i] <= w.ids[i - 1]) || w.ids[i] >= (uint64_t{1} << w.hash_bits)) {
      return Status::InvalidInput(name + " row ids not ascending or out of range");
    }
  }
  return Status::Ok();
}

size_t IndexOf(const std::vector<std::string>& v, std::string_view s) {
  return static_cast<size_t>(std::find(v.begin(), v.end(), s) - v.begin());
}

}  // namespace

Result<DependencyParser> DependencyParser::FromModel(ParserModel m) {
  if (m.tags.empty() || m.tags.size() > kMaxLabels) return Status::InvalidInput("parser model: tag count out of range");
  if (m.labels.empty() || m.labels.size() > kMaxLabels) {
    return Status::InvalidInput("parser model: label count out of range");
  }
  if (IndexOf(m.labels, "root") == m.labels.size()) {
    return Status::InvalidInput("parser model: no \"root\" label");
  }
  if (Status s = CheckWeights(m.tagger, m.tags.size(), "tagger"); !s.ok()) return s;
  const bool no_retagger = m.retagger.classes == 0 && m.retagger.ids.empty();
  if (!no_retagger) {
    if (Status s = CheckWeights(m.retagger, m.tags.size(), "retagger"); !s.ok()) return s;
  }
  if (Status s = CheckWeights(m.arcs, parse::kActions, "arcs"); !s.ok()) return s;
  if (Status s = CheckWeights(m.labeler, m.labels.size(), "labeler"); !s.ok()) return s;
  if (m.cluster_keys.size() != m.cluster_paths.size()) {
    return Status::InvalidInput("parser model: cluster keys and paths differ in number");
  }
  for (size_t i = 1; i < m.cluster_keys.size(); ++i) {
    if (m.cluster_keys[i] <= m.cluster_keys[i - 1]) {
      return Status::InvalidInput("parser model: cluster keys not sorted and distinct");
    }
  }
  parse::BuildSlots(&m.tagger);
  parse::BuildSlots(&m.retagger);
  m.verbal_tags = 0;
  for (size_t i = 0; i < m.tags.size(); ++i) {
    if (m.tags[i] == "VERB" || m.tags[i] == "AUX") m.verbal_tags |= uint64_t{1} << i;
  }

  parse::BuildSlots(&m.arcs);
  parse::BuildSlots(&m.labeler);
  m.cluster_slots = ner::BuildClusterSlots(m.cluster_keys, m.cluster_paths);
  return DependencyParser(std::move(m));
}

std::string DependencyParser::Serialize() const {
  std::string out(kMagic, sizeof(kMagic));
  Put<uint32_t>(&out, kVersion);
  PutStrings(&out, model_.tags);
  PutStrings(&out, model_.labels);
  PutWeights(&out, model_.tagger);
  PutWeights(&out, model_.retagger);
  PutWeights(&out, model_.arcs);
  PutWeights(&out, model_.labeler);
  Put<uint32_t>(&out, static_cast<uint32_t>(model_.cluster_keys.size()));
  for (size_t i = 0; i < model_.cluster_keys.size(); ++i) {
    Put<uint64_t>(&out, model_.cluster_keys[i]);
    Put<uint32_t>(&out, model_.cluster_paths[i]);
  }
  Put<uint64_t>(&out, model_bytes::Fnv1a(out));
  return out;
}

Result<DependencyParser> DependencyParser::FromBytes(std::string_view bytes) {
  if (bytes.size() < sizeof(kMagic) + sizeof(uint64_t)) {
    return Bad("file too short (" + std::to_string(bytes.size()) + " bytes)");
  }
  if (std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) return Bad("bad magic (not a storyline parser model)");
  const std::string_view payload = bytes.substr(0, bytes.size() - sizeof(uint64_t));
  uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + payload.size(), sizeof(stored));
  if (stored != model_bytes::Fnv1a(payload)) return Bad("checksum mismatch (truncated or damaged file)");

  Reader r(payload.substr(sizeof(kMagic)));
  uint32_t version = 0;
  if (!r.Get(&version)) return Bad("truncated header");
  if (version != kVersion) return Bad("unsupported version " + std::to_string(version));
  ParserModel m;
  if (Status s = GetStrings(&r, "tag", &m.tags); !s.ok()) return s;
  if (Status s = GetStrings(&r, "label", &m.labels); !s.ok()) return s;
  if (Status s = GetWeights(&r, "tagger", &m.tagger); !s.ok()) return s;
  if (Status s = GetWeights(&r, "retagger", &m.retagger, /*may_be_empty=*/true); !s.ok()) return s;
  if (Status s = GetWeights(&r, "arcs", &m.arcs); !s.ok()) return s;
  if (Status s = GetWeights(&r, "labeler", &m.labeler); !s.ok()) return s;
  uint32_t words = 0;
  if (!r.Get(&words) || words > kMaxClusterWords || uint64_t{words} * 12 > r.remaining()) {
    return Bad("bad cluster count");
  }
  m.cluster_keys.resize(words);
  m.cluster_paths.resize(words);
  for (uint32_t i = 0; i < words; ++i) {
    if (!r.Get(&m.cluster_keys[i]) || !r.Get(&m.cluster_paths[i])) return Bad("truncated clusters");
  }
  if (r.remaining() != 0) return Bad("trailing bytes after clusters");
  Result<DependencyParser> p = FromModel(std::move(m));
  if (!p.ok()) return Bad(p.status().message());
  return p;
}

Result<DependencyParser> DependencyParser::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open parser model");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  Result<DependencyParser> p = FromBytes(buf.str());
  if (!p.ok()) return p.status().WithContext(path);
  return p;
}

const Result<DependencyParser>& DependencyParser::Default() {
  // Parsed once (thread-safe static init) and immutable afterwards.
  static const Result<DependencyParser> kDefault = []() -> Result<DependencyParser> {
    std::string_view bytes = ParserEmbeddedModelBytes();
    if (bytes.empty()) return Status::NotFound("parser model: none embedded (train it with tools/train_parser and rebuild)");
    return FromBytes(bytes);
  }();
  return kDefault;
}

namespace {

// Per-thread buffers: allocating them anew for every sentence cost more than
// the tagging on short sentences (as in ner.cc).
struct Scratch {
  std::vector<parse::WordInfo> info;
  std::vector<int> tags;
  std::vector<int> first;  // the first tagging pass
  parse::State state;
  std::vector<float> scores;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

size_t ArgMax(const float* scores, size_t n) {
  return static_cast<size_t>(std::max_element(scores, scores + n) - scores);
}

void TagInto(const ParserModel& m, const std::vector<std::string_view>& words, Scratch* s) {
  const size_t n = words.size();
  uint32_t rows[parse::kRetagFeatures];
  const size_t classes = m.tags.size();
  s->tags.assign(n + 1, 0);
  s->scores.resize(std::max<size_t>(classes, m.labels.size()));
  float* sc = s->scores.data();
  for (size_t i = 0; i < n; ++i) {
    parse::TagFeatures(s->info, n, i, s->tags.data(), m.tagger.hash_bits, rows);
    std::fill(sc, sc + classes, 0.0f);
    parse::AddRows(m.tagger, rows, parse::kTagFeatures, sc);
    s->tags[i] = static_cast<int>(ArgMax(sc, classes));
  }
  if (m.retagger.classes != 0) {
    s->first.assign(s->tags.begin(), s->tags.end());
    int verbs_after = 0, verbs_before = 0;
    for (size_t i = 0; i < n; ++i) verbs_after += (m.verbal_tags >> s->first[i]) & 1;
    for (size_t i = 0; i < n; ++i) {
      const int verbal = static_cast<int>((m.verbal_tags >> s->first[i]) & 1);
      verbs_after -= verbal;
      parse::RetagFeatures(s->info, n, i, s->tags.data(), s->first.data(), verbs_before, verbs_after,
                           m.retagger.hash_bits, rows);
      std::fill(sc, sc + classes, 0.0f);
      parse::AddRows(m.retagger, rows, parse::kRetagFeatures, sc);
      s->tags[i] = static_cast<int>(ArgMax(sc, classes));
      verbs_before += verbal;
    }
  }
  s->tags[n] = parse::RootTag(classes);
}

// Greedy arc-hybrid parse of the n words described in `s` (info and tags).
void ParseInto(const ParserModel& m, size_t n, Scratch* s, std::vector<int>* heads,
               std::vector<int>* labels) {
  uint32_t rows[parse::kArcFeatures];
  const int root_label = static_cast<int>(IndexOf(m.labels, "root"));
  const size_t label_count = m.labels.size();
  s->scores.resize(std::max<size_t>(m.tags.size(), label_count));
  parse::State& st = s->state;
  st.Reset(n);
  while (!st.Terminal()) {
    float arc[parse::kActions] = {0, 0, 0};
    parse::ArcFeatures(st, s->info, s->tags, m.arcs.hash_bits, rows);
    parse::AddRows(m.arcs, rows, parse::kArcFeatures, arc);
    int best = -1;
    for (int a = 0; a < parse::kActions; ++a) {
      if (st.Valid(a) && (best < 0 || arc[a] > arc[best])) best = a;
    }
    int label = -1;
    if (best != parse::kShift) {
      const auto [h, d] = st.ArcOf(best);
      if (h == static_cast<int>(n)) {
        label = root_label;
      } else {
        parse::LabelFeatures(st, h, d, s->info, s->tags, m.labeler.hash_bits, rows);
        float* sc = s->scores.data();
        std::fill(sc, sc + label_count, 0.0f);
        parse::AddRows(m.labeler, rows, parse::kLabelFeatures, sc);
        sc[root_label] = -1e30f;  // only the root's dependent is "root"
        label = static_cast<int>(ArgMax(sc, label_count));
      }
    }
    st.Apply(best, label);
  }
  heads->resize(n);
  labels->resize(n);
  for (size_t i = 0; i < n; ++i) {
    const int h = st.head(static_cast<int>(i));
    (*heads)[i] = h == static_cast<int>(n) ? -1 : h;
    (*labels)[i] = st.label(static_cast<int>(i));
  }
}

}  // namespace

void DependencyParser::TagIds(const std::vector<std::string_view>& words, std::vector<int>* tags) const {
  Scratch& s = ThreadScratch();
  parse::DescribeWords(words, model_.cluster_slots, &s.info);
  TagInto(model_, words, &s);
  tags->assign(s.tags.begin(), s.tags.begin() + static_cast<ptrdiff_t>(words.size()));
}

void DependencyParser::ParseTagged(const std::vector<std::string_view>& words, const std::vector<int>& tags,
                                   std::vector<int>* heads, std::vector<int>* labels) const {
  Scratch& s = ThreadScratch();
  parse::DescribeWords(words, model_.cluster_slots, &s.info);
  s.tags.assign(tags.begin(), tags.end());
  s.tags.resize(words.size());
  s.tags.push_back(parse::RootTag(model_.tags.size()));
  ParseInto(model_, words.size(), &s, heads, labels);
}

void DependencyParser::ParseIds(const std::vector<std::string_view>& words, std::vector<int>* tags,
                                std::vector<int>* heads, std::vector<int>* labels) const {
  Scratch& s = ThreadScratch();
  parse::DescribeWords(words, model_.cluster_slots, &s.info);
  TagInto(model_, words, &s);
  tags->assign(s.tags.begin(), s.tags.begin() + static_cast<ptrdiff_t>(words.size()));
  ParseInto(model_, words.size(), &s, heads, labels);
}

std::vector<DepToken> DependencyParser::Parse(const std::vector<std::string_view>& words) const {
  std::vector<int> tags, heads, labels;
  ParseIds(words, &tags, &heads, &labels);
  std::vector<DepToken> out(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    out[i].upos = model_.tags[static_cast<size_t>(tags[i])];
    out[i].head = heads[i];
    out[i].deprel = model_.labels[static_cast<size_t>(labels[i])];
  }
  return out;
}

std::vector<DepToken> DependencyParser::Parse(const std::vector<std::string>& words) const {
  return Parse(std::vector<std::string_view>(words.begin(), words.end()));
}

std::vector<TokenParse> ParseArticle(std::string_view text, const std::vector<Span>& sentences,
                                     const std::vector<Token>& tokens, const DependencyParser& parser) {
  std::vector<TokenParse> out(tokens.size());
  std::vector<std::string_view> words;
  std::vector<int> tags, heads, labels;
  size_t t = 0;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Span& s = sentences[si];
    while (t < tokens.size() && tokens[t].span.end <= s.start) ++t;
    const size_t first = t;
    words.clear();
    while (t < tokens.size() && tokens[t].span.start < s.end) {
      const Token& k = tokens[t];
      words.push_back(k.byte_end <= text.size() && k.byte_start <= k.byte_end
                          ? text.substr(k.byte_start, k.byte_end - k.byte_start)
                          : std::string_view());
      ++t;
    }
    if (words.empty()) continue;
    parser.ParseIds(words, &tags, &heads, &labels);
    for (size_t i = 0; i < words.size(); ++i) {
      TokenParse& p = out[first + i];
      p.upos = parser.tags()[static_cast<size_t>(tags[i])];
      p.deprel = parser.labels()[static_cast<size_t>(labels[i])];
      p.head = heads[i] < 0 ? -1 : static_cast<int>(first) + heads[i];
      p.sentence = static_cast<int>(si);
    }
  }
  return out;
}

std::vector<int> TokensOfShapes(const std::vector<Token>& tokens, const std::vector<ShapeToken>& shapes) {
  std::vector<int> out(shapes.size(), -1);
  size_t t = 0;
  for (size_t k = 0; k < shapes.size(); ++k) {
    const size_t b = shapes[k].b0;
    while (t < tokens.size() && tokens[t].byte_end <= b) ++t;
    if (t < tokens.size() && tokens[t].byte_start <= b) out[k] = static_cast<int>(t);
  }
  return out;
}

}  // namespace storyline
