#include "extract/ner.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "extract/model_bytes.h"
#include "extract/ner_features.h"
#include "extract/ner_rules.h"

namespace storyline {
namespace {

static_assert(std::endian::native == std::endian::little,
              "ner.bin stores little-endian floats and integers; add byte swapping for big-endian hosts");

// File layout (all integers little-endian):
//   magic "stlner\0\0" | u32 version | u32 hash_bits | u32 label count L
//   L x (u32 length, bytes) | (L+1)*L f32 transitions
//   u32 gazetteer size | sorted u64 gazetteer keys
//   (version 3) u32 cluster count | count x (u64 word key, u32 packed path),
//   sorted by key
//   u32 row count | row count x (u32 row index, L x f32) | u64 FNV-1a of all
//   preceding bytes.
// Only non-zero rows are stored: most of the hashed table is never touched by
// training, so the file is a fraction of the in-memory table.
constexpr char kMagic[8] = {'s', 't', 'l', 'n', 'e', 'r', '\0', '\0'};
constexpr uint32_t kVersion = 3;
// Version 2 files (no cluster section) still load: their features were
// computed without clusters, which an empty cluster table reproduces.
constexpr uint32_t kOldestVersion = 2;
// 2^22 rows x 8 floats = 128 MB in memory: more than any model we train
// needs, and a bound that keeps corrupt headers from asking for gigabytes.
constexpr uint32_t kMaxHashBits = 22;
// IOB2 over a few dozen types at most; bounds allocation on corrupt input.
constexpr uint32_t kMaxLabels = 64;
constexpr uint32_t kMaxLabelBytes = 64;
// Two keys per training name; UNER train has about 7,000 names. The bound
// only stops corrupt sizes from allocating gigabytes.
constexpr uint32_t kMaxGazetteerKeys = 1u << 24;
// Our unlabeled text yields tens of thousands of clustered words; the bound
// only stops corrupt sizes from allocating gigabytes.
constexpr uint32_t kMaxClusterWords = 1u << 24;

using model_bytes::Put;
using model_bytes::Reader;

Status Bad(const std::string& what) { return Status::Corruption("ner model: " + what); }

uint32_t StrideFor(size_t labels) { return static_cast<uint32_t>((labels + 3) / 4 * 4); }

}  // namespace

std::vector<NerSpan> NerSpans(const std::vector<std::string>& tags) {
  std::vector<NerSpan> spans;
  auto type_of = [](std::string_view t) -> std::string_view {
    if (t.size() > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-') return t.substr(2);
    return {};
  };
  for (size_t i = 0; i < tags.size(); ++i) {
    std::string_view type = type_of(tags[i]);
    if (type.empty()) continue;
    const bool starts = tags[i][0] == 'B' || spans.empty() || spans.back().end != i ||
                        spans.back().label != type;
    if (starts) {
      spans.push_back({i, i + 1, std::string(type)});
    } else {
      spans.back().end = i + 1;
    }
  }
  return spans;
}

std::string_view NerEntityType(std::string_view label) {
  if (label == "PER" || label == "PERSON") return "PERSON";
  if (label == "ORG") return "ORG";
  if (label == "LOC" || label == "GPE" || label == "PLACE") return "PLACE";
  if (label == "WORK" || label == "WOA" || label == "WORK_OF_ART") return "WORK";
  return "OTHER";
}

Result<NerTagger> NerTagger::FromModel(NerModel model) {
  const size_t L = model.labels.size();
  if (L == 0 || L > kMaxLabels) return Status::InvalidInput("ner model: label count out of range");
  if (model.labels[0] != "O") return Status::InvalidInput("ner model: label 0 must be \"O\"");
  if (model.hash_bits == 0 || model.hash_bits > kMaxHashBits) {
    return Status::InvalidInput("ner model: hash_bits out of range");
  }
  model.stride = StrideFor(L);
  if (model.weights.size() != (size_t{1} << model.hash_bits) * model.stride) {
    return Status::InvalidInput("ner model: weight table size does not match hash_bits and labels");
  }
  if (model.transitions.size() != (L + 1) * L) {
    return Status::InvalidInput("ner model: transition table size does not match labels");
  }
  model.allowed = ner::AllowedTransitions(model.labels);
  std::sort(model.gazetteer.begin(), model.gazetteer.end());
  model.gazetteer.erase(std::unique(model.gazetteer.begin(), model.gazetteer.end()), model.gazetteer.end());
  model.gazetteer_slots = ner::GazetteerSlots(model.gazetteer);
  if (model.cluster_keys.size() != model.cluster_paths.size()) {
    return Status::InvalidInput("ner model: cluster keys and paths differ in number");
  }
  {
    std::vector<std::pair<uint64_t, uint32_t>> pairs;
    pairs.reserve(model.cluster_keys.size());
    for (size_t i = 0; i < model.cluster_keys.size(); ++i) pairs.emplace_back(model.cluster_keys[i], model.cluster_paths[i]);
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                pairs.end());
    model.cluster_keys.clear();
    model.cluster_paths.clear();
    for (const auto& [k, p] : pairs) {
      model.cluster_keys.push_back(k);
      model.cluster_paths.push_back(p);
    }
  }
  model.cluster_slots = ner::BuildClusterSlots(model.cluster_keys, model.cluster_paths);
  return NerTagger(std::move(model));
}

std::string NerTagger::Serialize() const {
  const size_t L = model_.labels.size();
  std::string out(kMagic, sizeof(kMagic));
  Put<uint32_t>(&out, kVersion);
  Put<uint32_t>(&out, model_.hash_bits);
  Put<uint32_t>(&out, static_cast<uint32_t>(L));
  for (const std::string& l : model_.labels) {
    Put<uint32_t>(&out, static_cast<uint32_t>(l.size()));
    out += l;
  }
  for (float t : model_.transitions) Put<float>(&out, t);
  Put<uint32_t>(&out, static_cast<uint32_t>(model_.gazetteer.size()));
  for (uint64_t k : model_.gazetteer) Put<uint64_t>(&out, k);
  Put<uint32_t>(&out, static_cast<uint32_t>(model_.cluster_keys.size()));
  for (size_t i = 0; i < model_.cluster_keys.size(); ++i) {
    Put<uint64_t>(&out, model_.cluster_keys[i]);
    Put<uint32_t>(&out, model_.cluster_paths[i]);
  }
  const size_t rows = size_t{1} << model_.hash_bits;
  std::string body;
  uint32_t count = 0;
  for (size_t r = 0; r < rows; ++r) {
    const float* row = model_.weights.data() + r * model_.stride;
    bool nonzero = false;
    for (size_t l = 0; l < L; ++l) nonzero |= row[l] != 0.0f;
    if (!nonzero) continue;
    ++count;
    Put<uint32_t>(&body, static_cast<uint32_t>(r));
    body.append(reinterpret_cast<const char*>(row), L * sizeof(float));
  }
  Put<uint32_t>(&out, count);
  out += body;
  Put<uint64_t>(&out, model_bytes::Fnv1a(out));
  return out;
}

Result<NerTagger> NerTagger::FromBytes(std::string_view bytes) {
  if (bytes.size() < sizeof(kMagic) + sizeof(uint64_t)) return Bad("file too short (" + std::to_string(bytes.size()) + " bytes)");
  if (std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) return Bad("bad magic (not a storyline NER model)");
  const std::string_view payload = bytes.substr(0, bytes.size() - sizeof(uint64_t));
  uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + payload.size(), sizeof(stored));
  if (stored != model_bytes::Fnv1a(payload)) return Bad("checksum mismatch (truncated or damaged file)");

  Reader r(payload.substr(sizeof(kMagic)));
  uint32_t version = 0, bits = 0, L = 0;
  if (!r.Get(&version) || !r.Get(&bits) || !r.Get(&L)) return Bad("truncated header");
  if (version < kOldestVersion || version > kVersion) return Bad("unsupported version " + std::to_string(version));
  if (bits == 0 || bits > kMaxHashBits) return Bad("hash bits " + std::to_string(bits) + " out of range");
  if (L == 0 || L > kMaxLabels) return Bad("label count " + std::to_string(L) + " out of range");
  NerModel m;
  m.hash_bits = bits;
  m.stride = StrideFor(L);
  for (uint32_t i = 0; i < L; ++i) {
    uint32_t len = 0;
    std::string label;
    if (!r.Get(&len) || len > kMaxLabelBytes || !r.GetBytes(len, &label)) return Bad("bad label " + std::to_string(i));
    m.labels.push_back(std::move(label));
  }
  m.transitions.resize(size_t{L + 1} * L);
  if (!r.GetFloats(m.transitions.size(), m.transitions.data())) return Bad("truncated transitions");
  uint32_t gaz = 0;
  if (!r.Get(&gaz) || gaz > kMaxGazetteerKeys) return Bad("bad gazetteer size");
  m.gazetteer.resize(gaz);
  for (uint64_t& k : m.gazetteer) {
    if (!r.Get(&k)) return Bad("truncated gazetteer");
  }
  if (!std::is_sorted(m.gazetteer.begin(), m.gazetteer.end())) return Bad("gazetteer not sorted");
  if (version >= 3) {
    uint32_t words = 0;
    if (!r.Get(&words) || words > kMaxClusterWords) return Bad("bad cluster count");
    m.cluster_keys.resize(words);
    m.cluster_paths.resize(words);
    for (uint32_t i = 0; i < words; ++i) {
      if (!r.Get(&m.cluster_keys[i]) || !r.Get(&m.cluster_paths[i])) return Bad("truncated clusters");
    }
    if (!std::is_sorted(m.cluster_keys.begin(), m.cluster_keys.end())) return Bad("clusters not sorted");
  }
  uint32_t count = 0;
  if (!r.Get(&count)) return Bad("truncated row count");
  const size_t rows = size_t{1} << bits;
  if (count > rows) return Bad("row count exceeds table size");
  m.weights.assign(rows * m.stride, 0.0f);
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t index = 0;
    if (!r.Get(&index) || index >= rows) return Bad("bad row index at row " + std::to_string(i));
    if (!r.GetFloats(L, m.weights.data() + size_t{index} * m.stride)) return Bad("truncated row " + std::to_string(i));
  }
  if (r.pos() != payload.size() - sizeof(kMagic)) return Bad("trailing bytes after rows");
  Result<NerTagger> t = FromModel(std::move(m));
  if (!t.ok()) return Bad(t.status().message());
  return t;
}

Result<NerTagger> NerTagger::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open NER model");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  Result<NerTagger> t = FromBytes(buf.str());
  if (!t.ok()) return t.status().WithContext(path);
  return t;
}

const Result<NerTagger>& NerTagger::Default() {
  // Parsed once (thread-safe static init) and immutable afterwards.
  static const Result<NerTagger> kDefault = [] () -> Result<NerTagger> {
    std::string_view bytes = NerEmbeddedModelBytes();
    if (bytes.empty()) return Status::NotFound("ner model: none embedded (train it with tools/train_ner and rebuild)");
    return FromBytes(bytes);
  }();
  return kDefault;
}

void NerTagger::TagIds(const std::vector<std::string>& tokens, std::vector<int>* out) const {
  // Per-thread buffers: an article's feature rows and Viterbi tables are
  // large, and allocating and zeroing them anew for every call cost more
  // than the decoding itself on short texts.
  thread_local std::vector<uint32_t> rows;
  thread_local ner::DecodeScratch scratch;
  ner::FeatureRows(tokens, model_.hash_bits, model_.gazetteer_slots, model_.cluster_slots, &rows);
  ner::Decode(model_, rows.data(), tokens.size(), &scratch, out);
}

std::vector<std::string> NerTagger::Tag(const std::vector<std::string>& tokens) const {
  std::vector<int> ids;
  TagIds(tokens, &ids);
  std::vector<std::string> tags;
  tags.reserve(ids.size());
  for (int id : ids) tags.push_back(model_.labels[static_cast<size_t>(id)]);
  return tags;
}

}  // namespace storyline

namespace storyline {

std::vector<std::string> NerTagger::TagEntities(const std::vector<std::string>& tokens) const {
  std::vector<std::string> tags = Tag(tokens);
  // A common word in capitals: our unlabeled text has its lower-case form
  // (so it is a word, not only a name). The rules ask only about words the
  // tagger itself left outside every chunk.
  const ner::CommonWordFn common = [this](std::string_view upper) {
    std::string lower(upper);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return ner::FindCluster(model_.cluster_slots, lower) != 0;
  };
  ner::ApplyNewsRules(tokens, &tags, common);
  return tags;
}

}  // namespace storyline
