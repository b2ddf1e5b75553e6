#include "extract/parser_train.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "extract/ner_features.h"
#include "extract/parser_features.h"
#include "extract/tsv_columns.h"
#include "ingest/gzip.h"

namespace storyline {
namespace {

// A word id or head: digits only. Six digits allow sentences of up to
// 999,999 words and keep the value far from int overflow.
bool ParseInt(std::string_view s, int* out) {
  if (s.empty() || s.size() > 6) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

// Weights with Collins-style averaging: `sum` accumulates step * delta, so
// the average over all steps is w - sum / step without touching every
// weight at every step (as ner_train.cc).
struct Averaged {
  uint32_t bits = 0;
  uint32_t classes = 0;
  std::vector<float> w;
  std::vector<double> sum;
  double step = 1;

  void Init(uint32_t b, uint32_t c) {
    bits = b;
    classes = c;
    w.assign((size_t{1} << b) * c, 0.0f);
    sum.assign(w.size(), 0.0);
  }
  void Scores(const uint32_t* rows, size_t count, float* out) const {
    std::fill(out, out + classes, 0.0f);
    for (size_t f = 0; f < count; ++f) {
      const float* r = w.data() + size_t{rows[f]} * classes;
      for (uint32_t c = 0; c < classes; ++c) out[c] += r[c];
    }
  }
  void Update(const uint32_t* rows, size_t count, size_t good, size_t bad) {
    for (size_t f = 0; f < count; ++f) {
      const size_t base = size_t{rows[f]} * classes;
      w[base + good] += 1.0f;
      sum[base + good] += step;
      w[base + bad] -= 1.0f;
      sum[base + bad] -= step;
    }
  }
  // The averaged rows, pruned (weights below prune_below in magnitude are
  // dropped, and rows left without weights) and quantised to 8 bits per
  // weight with one scale per row.
  ParserWeights Compact(float prune_below) const {
    ParserWeights out;
    out.hash_bits = bits;
    out.classes = classes;
    std::vector<float> avg(classes);
    const size_t rows = size_t{1} << bits;
    for (size_t r = 0; r < rows; ++r) {
      float max_abs = 0;
      for (uint32_t c = 0; c < classes; ++c) {
        const size_t i = r * classes + c;
        avg[c] = static_cast<float>(w[i] - sum[i] / step);
        if (std::fabs(avg[c]) < prune_below) avg[c] = 0;
        max_abs = std::max(max_abs, std::fabs(avg[c]));
      }
      if (max_abs == 0 || max_abs < prune_below) continue;
      const float scale = max_abs / 127.0f;
      out.ids.push_back(static_cast<uint32_t>(r));
      out.scales.push_back(scale);
      for (uint32_t c = 0; c < classes; ++c) {
        out.values.push_back(static_cast<int8_t>(std::lround(avg[c] / scale)));
      }
    }
    return out;
  }
};

size_t ArgMax(const float* s, size_t n) { return static_cast<size_t>(std::max_element(s, s + n) - s); }

// A training sentence with everything computed once for all epochs.
struct Example {
  std::vector<std::string_view> words;
  std::vector<parse::WordInfo> info;
  std::vector<int> gold_tags;
  std::vector<int> first;   // first tagging pass (jackknifed on train)
  std::vector<int> tags;    // what the parser trains on (jackknifed); n + 1 with the root
  std::vector<int> heads;   // gold heads; n for the root
  std::vector<int> labels;  // gold label ids
  bool projective = true;
};

class Trainer {
 public:
  Trainer(const ParserTrainOptions& o, std::ostream* log) : o_(o), log_(log) {}
  Result<DependencyParser> Run(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev);

 private:
  void BuildLabels(const std::vector<ConlluSentence>& train);
  int LabelId(const std::string& deprel) const;
  void Prepare(const std::vector<ConlluSentence>& data, std::vector<Example>* out) const;
  int TrainTagger(const std::vector<Example*>& train, const std::vector<Example>* dev, int epochs, bool second,
                  Averaged* w, ParserWeights* best_weights);
  void Rows(const Example& e, size_t i, const int* pred, bool second, uint32_t bits,
            const std::vector<int>& verbs_before, uint32_t* rows) const;
  std::vector<int> VerbCounts(const Example& e) const;
  void TagGreedy(const Averaged& w, const Example& e, bool second, std::vector<int>* out) const;
  void CrossTag(const std::vector<Example*>& part, const std::vector<Example*>& held, int epochs, bool second);
  void Jackknife(std::vector<Example>* examples, int epochs, bool second);
  void TrainParseSentence(Example* e, int epoch, std::mt19937_64* rng);
  Result<DependencyParser> Snapshot() const;
  void Log(const std::string& s) const {
    if (log_ != nullptr) *log_ << s << std::flush;
  }

  const ParserTrainOptions& o_;
  std::ostream* log_;
  std::vector<std::string> tags_, labels_;
  std::map<std::string, int> tag_ids_, label_ids_;
  std::vector<uint64_t> cluster_keys_;
  std::vector<uint32_t> cluster_paths_;
  ner::ClusterSlots cluster_slots_;
  ParserWeights tagger_, retagger_;
  uint64_t verbal_ = 0;  // mask of the tag ids of VERB and AUX
  Averaged arcs_, labeler_;
  int root_label_ = 0;
};

void Trainer::BuildLabels(const std::vector<ConlluSentence>& train) {
  std::map<std::string, size_t> tag_counts, rel_counts;
  for (const ConlluSentence& s : train) {
    for (const std::string& t : s.upos) ++tag_counts[t];
    for (const std::string& r : s.deprels) ++rel_counts[r];
  }
  for (const auto& [t, c] : tag_counts) tags_.push_back(t);
  for (const auto& [r, c] : rel_counts) {
    const std::string base(UniversalRelation(r));
    const bool keep = base == r || c >= o_.min_subtype_count || r == "nmod:poss" || r == "nsubj:pass";
    if (keep && r != "_") labels_.push_back(r);
  }
  // "root" labels the root's dependent; "dep" (unspecified) takes any
  // relation of dev or test that train never had.
  labels_.push_back("root");
  labels_.push_back("dep");
  std::sort(labels_.begin(), labels_.end());
  labels_.erase(std::unique(labels_.begin(), labels_.end()), labels_.end());
  for (size_t i = 0; i < tags_.size(); ++i) tag_ids_[tags_[i]] = static_cast<int>(i);
  for (size_t i = 0; i < labels_.size(); ++i) label_ids_[labels_[i]] = static_cast<int>(i);
  root_label_ = label_ids_["root"];
  for (size_t i = 0; i < tags_.size(); ++i) {
    if (tags_[i] == "VERB" || tags_[i] == "AUX") verbal_ |= uint64_t{1} << i;
  }
}

int Trainer::LabelId(const std::string& deprel) const {
  auto it = label_ids_.find(deprel);
  if (it != label_ids_.end()) return it->second;
  it = label_ids_.find(std::string(UniversalRelation(deprel)));
  if (it != label_ids_.end()) return it->second;
  return label_ids_.at("dep");
}

void Trainer::Prepare(const std::vector<ConlluSentence>& data, std::vector<Example>* out) const {
  out->resize(data.size());
  for (size_t i = 0; i < data.size(); ++i) {
    const ConlluSentence& s = data[i];
    Example& e = (*out)[i];
    e.words.assign(s.words.begin(), s.words.end());
    parse::DescribeWords(e.words, cluster_slots_, &e.info);
    const size_t n = s.words.size();
    for (size_t k = 0; k < n; ++k) {
      auto t = tag_ids_.find(s.upos[k]);
      e.gold_tags.push_back(t == tag_ids_.end() ? 0 : t->second);
      e.heads.push_back(s.heads[k] < 0 ? static_cast<int>(n) : s.heads[k]);
      e.labels.push_back(LabelId(s.deprels[k]));
    }
    e.projective = IsProjective(s.heads);
    e.first = e.gold_tags;
    e.tags = e.gold_tags;
    e.tags.push_back(parse::RootTag(tags_.size()));
  }
}

// Dense weights holding exactly the compact (pruned, quantised) ones, so
// the trainer tags with what the model file will hold.
Averaged Dense(const ParserWeights& compact) {
  Averaged d;
  d.Init(compact.hash_bits, compact.classes);
  for (size_t r = 0; r < compact.ids.size(); ++r) {
    for (uint32_t c = 0; c < compact.classes; ++c) {
      d.w[size_t{compact.ids[r]} * compact.classes + c] =
          compact.scales[r] * static_cast<float>(compact.values[r * compact.classes + c]);
    }
  }
  return d;
}

// The averaged weights as plain weights (sum zeroed), for tagging.
Averaged AverageOf(const Averaged& w) {
  Averaged avg = w;
  for (size_t i = 0; i < avg.w.size(); ++i) avg.w[i] = static_cast<float>(w.w[i] - w.sum[i] / w.step);
  avg.sum.assign(avg.sum.size(), 0.0);
  return avg;
}

void Trainer::Rows(const Example& e, size_t i, const int* pred, bool second, uint32_t bits,
                   const std::vector<int>& verbs_before, uint32_t* rows) const {
  const size_t n = e.words.size();
  if (!second) {
    parse::TagFeatures(e.info, n, i, pred, bits, rows);
    return;
  }
  const int before = verbs_before[i];
  const int after = verbs_before[n] - verbs_before[i + 1];
  parse::RetagFeatures(e.info, n, i, pred, e.first.data(), before, after, bits, rows);
}

// verbs[i]: first-pass verbs and auxiliaries among words 0..i-1 (n + 1 entries).
std::vector<int> Trainer::VerbCounts(const Example& e) const {
  std::vector<int> verbs(e.first.size() + 1, 0);
  for (size_t i = 0; i < e.first.size(); ++i) {
    verbs[i + 1] = verbs[i] + ((verbal_ >> e.first[i]) & 1 ? 1 : 0);
  }
  return verbs;
}

void Trainer::TagGreedy(const Averaged& w, const Example& e, bool second, std::vector<int>* out) const {
  const size_t n = e.words.size();
  uint32_t rows[parse::kRetagFeatures];
  const size_t count = second ? parse::kRetagFeatures : parse::kTagFeatures;
  const std::vector<int> verbs = second ? VerbCounts(e) : std::vector<int>();
  std::vector<float> scores(w.classes);
  out->assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    Rows(e, i, out->data(), second, w.bits, verbs, rows);
    w.Scores(rows, count, scores.data());
    (*out)[i] = static_cast<int>(ArgMax(scores.data(), w.classes));
  }
}

// Trains one tagging pass (second: the retagger, reading e.first) on
// `train`: with `dev`, until dev accuracy stops improving for 2 epochs,
// leaving the best epoch's compact weights in *best_weights and returning
// that epoch; without, for `epochs` epochs, leaving the last in `w`.
int Trainer::TrainTagger(const std::vector<Example*>& train, const std::vector<Example>* dev, int epochs,
                         bool second, Averaged* w, ParserWeights* best_weights) {
  w->Init(o_.tag_bits, static_cast<uint32_t>(tags_.size()));
  std::mt19937_64 rng(o_.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<Example*> order = train;
  const size_t count = second ? parse::kRetagFeatures : parse::kTagFeatures;
  uint32_t rows[parse::kRetagFeatures];
  std::vector<float> scores(tags_.size());
  std::vector<int> pred, verbs;
  double best = -1;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (Example* e : order) {
      const size_t n = e->words.size();
      pred.assign(n, 0);
      if (second) verbs = VerbCounts(*e);
      for (size_t i = 0; i < n; ++i) {
        Rows(*e, i, pred.data(), second, w->bits, verbs, rows);
        // Feature dropout: each feature but the bias (row 0) is hidden from
        // this update with probability tag_dropout.
        size_t kept = 1;
        for (size_t f = 1; f < count; ++f) {
          if (o_.tag_dropout <= 0 || coin(rng) >= o_.tag_dropout) rows[kept++] = rows[f];
        }
        w->Scores(rows, kept, scores.data());
        const size_t guess = ArgMax(scores.data(), tags_.size());
        const size_t gold = static_cast<size_t>(e->gold_tags[i]);
        if (guess != gold) w->Update(rows, kept, gold, guess);
        w->step += 1;
        pred[i] = static_cast<int>(guess);
      }
    }
    if (dev == nullptr) continue;
    const ParserWeights compact = w->Compact(o_.tagger_prune_below);
    const Averaged dense = Dense(compact);
    size_t correct = 0, total = 0;
    for (const Example& d : *dev) {
      TagGreedy(dense, d, second, &pred);
      for (size_t i = 0; i < pred.size(); ++i) correct += pred[i] == d.gold_tags[i];
      total += pred.size();
    }
    const double acc = total ? 100.0 * double(correct) / double(total) : 0.0;
    std::ostringstream line;
    line << (second ? "retagger" : "tagger") << " epoch " << epoch << ": dev UPOS " << acc << "%, "
         << compact.ids.size() << " rows\n";
    Log(line.str());
    if (acc > best) {
      best = acc;
      best_epoch = epoch;
      *best_weights = compact;
    } else if (epoch - best_epoch >= 2) {
      break;
    }
  }
  return best_epoch;
}

// Tags every example of `held` with a pass trained on `part` for `epochs`
// epochs, into e->first (first pass) or e->tags (second pass).
void Trainer::CrossTag(const std::vector<Example*>& part, const std::vector<Example*>& held, int epochs,
                       bool second) {
  Averaged w;
  TrainTagger(part, nullptr, epochs, second, &w, nullptr);
  const Averaged avg = AverageOf(w);
  std::vector<int> pred;
  for (Example* e : held) {
    TagGreedy(avg, *e, second, &pred);
    std::vector<int>& into = second ? e->tags : e->first;
    std::copy(pred.begin(), pred.end(), into.begin());
  }
}

// Tags with the jackknife: each fold by a pass trained on the other folds.
void Trainer::Jackknife(std::vector<Example>* examples, int epochs, bool second) {
  const size_t folds = static_cast<size_t>(o_.jackknife_folds);
  for (size_t f = 0; f < folds; ++f) {
    std::vector<Example*> part, held;
    for (size_t i = 0; i < examples->size(); ++i) (i % folds == f ? held : part).push_back(&(*examples)[i]);
    CrossTag(part, held, epochs, second);
  }
}

void Trainer::TrainParseSentence(Example* e, int epoch, std::mt19937_64* rng) {
  const size_t n = e->words.size();
  parse::State st;
  st.Reset(n);
  uint32_t rows[parse::kArcFeatures];
  uint32_t lrows[parse::kLabelFeatures];
  std::vector<float> lscores(labels_.size());
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  while (!st.Terminal()) {
    float scores[parse::kActions];
    parse::ArcFeatures(st, e->info, e->tags, arcs_.bits, rows);
    arcs_.Scores(rows, parse::kArcFeatures, scores);
    int cost[parse::kActions];
    int pred = -1, min_cost = 1 << 30;
    for (int a = 0; a < parse::kActions; ++a) {
      cost[a] = st.Valid(a) ? parse::ActionCost(st, a, e->heads) : -1;
      if (cost[a] < 0) continue;
      if (pred < 0 || scores[a] > scores[pred]) pred = a;
      min_cost = std::min(min_cost, cost[a]);
    }
    int gold = -1;
    for (int a = 0; a < parse::kActions; ++a) {
      if (cost[a] == min_cost && (gold < 0 || scores[a] > scores[gold])) gold = a;
    }
    int follow = gold;
    if (cost[pred] > min_cost) {
      arcs_.Update(rows, parse::kArcFeatures, static_cast<size_t>(gold), static_cast<size_t>(pred));
      if (epoch >= o_.explore_from && coin(*rng) < o_.explore_p) follow = pred;
    } else {
      follow = pred;
    }
    arcs_.step += 1;
    int label = -1;
    if (follow != parse::kShift) {
      const auto [h, d] = st.ArcOf(follow);
      if (h == static_cast<int>(n)) {
        label = root_label_;
      } else {
        parse::LabelFeatures(st, h, d, e->info, e->tags, labeler_.bits, lrows);
        labeler_.Scores(lrows, parse::kLabelFeatures, lscores.data());
        lscores[static_cast<size_t>(root_label_)] = -1e30f;
        const size_t guess = ArgMax(lscores.data(), labels_.size());
        const int gold_label = e->labels[static_cast<size_t>(d)];
        if (h == e->heads[static_cast<size_t>(d)] && gold_label != root_label_) {
          if (static_cast<int>(guess) != gold_label) {
            labeler_.Update(lrows, parse::kLabelFeatures, static_cast<size_t>(gold_label), guess);
          }
          labeler_.step += 1;
          label = gold_label;
        } else {
          label = static_cast<int>(guess);
        }
      }
    }
    st.Apply(follow, label);
  }
}

Result<DependencyParser> Trainer::Snapshot() const {
  ParserModel m;
  m.tags = tags_;
  m.labels = labels_;
  m.tagger = tagger_;
  m.retagger = retagger_;
  m.arcs = arcs_.Compact(o_.prune_below);
  m.labeler = labeler_.Compact(o_.prune_below);
  m.cluster_keys = cluster_keys_;
  m.cluster_paths = cluster_paths_;
  return DependencyParser::FromModel(std::move(m));
}

Result<DependencyParser> Trainer::Run(const std::vector<ConlluSentence>& train,
                                      const std::vector<ConlluSentence>& dev) {
  if (train.empty()) return Status::InvalidInput("train_parser: no training sentences");
  BuildLabels(train);
  if (labels_.size() > 64 || tags_.size() > 62) {
    return Status::InvalidInput("train_parser: more than 64 labels or 62 tags");
  }
  {
    std::vector<std::pair<uint64_t, uint32_t>> pairs;
    for (const WordCluster& c : o_.clusters) {
      const uint32_t p = ner::PackClusterPath(c.path);
      if (p != 0) pairs.emplace_back(ner::ClusterKey(c.word), p);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                pairs.end());
    for (const auto& [k, p] : pairs) {
      cluster_keys_.push_back(k);
      cluster_paths_.push_back(p);
    }
    cluster_slots_ = ner::BuildClusterSlots(cluster_keys_, cluster_paths_);
  }
  std::vector<Example> examples, dev_examples;
  Prepare(train, &examples);
  Prepare(dev, &dev_examples);
  std::ostringstream head;
  head << "tags " << tags_.size() << ", labels " << labels_.size() << "\n";
  Log(head.str());

  // The taggers, and jackknifed tags for the parser's training data: each
  // fold tagged by passes trained on the other folds, as text never seen.
  std::vector<Example*> all;
  for (Example& e : examples) all.push_back(&e);
  Averaged scratch;
  const int tag_epochs = TrainTagger(all, &dev_examples, o_.tag_epochs, false, &scratch, &tagger_);
  const bool jackknife = o_.jackknife_folds > 1;
  if (jackknife) Jackknife(&examples, tag_epochs, false);
  if (o_.retag) {
    const Averaged first = Dense(tagger_);
    for (Example& d : dev_examples) TagGreedy(first, d, false, &d.first);
    // Without the jackknife the second pass learns from the first pass's
    // tags of its own training text (too good, but not the gold).
    if (!jackknife) {
      for (Example& e : examples) TagGreedy(first, e, false, &e.first);
    }
    const int retag_epochs = TrainTagger(all, &dev_examples, o_.tag_epochs, true, &scratch, &retagger_);
    if (jackknife) Jackknife(&examples, retag_epochs, true);
  } else if (jackknife) {
    for (Example& e : examples) std::copy(e.first.begin(), e.first.end(), e.tags.begin());
  }
  if (jackknife) {
    size_t correct = 0, total = 0;
    for (const Example& e : examples) {
      for (size_t i = 0; i < e.gold_tags.size(); ++i) correct += e.tags[i] == e.gold_tags[i];
      total += e.gold_tags.size();
    }
    std::ostringstream line;
    line << "jackknife: " << o_.jackknife_folds << " folds, train UPOS " << 100.0 * double(correct) / double(total)
         << "%\n";
    Log(line.str());
  }

  // The parser, on the dev set with predicted tags.
  arcs_.Init(o_.arc_bits, parse::kActions);
  labeler_.Init(o_.label_bits, static_cast<uint32_t>(labels_.size()));
  std::mt19937_64 rng(o_.seed + 1);
  std::vector<Example*> order = all;
  Result<DependencyParser> best = Status::Internal("train_parser: no epoch trained");
  double best_las = -1;
  int best_epoch = 0;
  for (int epoch = 0; epoch < o_.parse_epochs; ++epoch) {
    const auto t0 = std::chrono::steady_clock::now();
    std::shuffle(order.begin(), order.end(), rng);
    for (Example* e : order) {
      if (!o_.projective_only || e->projective) TrainParseSentence(e, epoch, &rng);
    }
    Result<DependencyParser> p = Snapshot();
    if (!p.ok()) return p.status();
    const ParserScore s = ScoreParser(*p, dev, false);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::ostringstream line;
    line << "parser epoch " << epoch + 1 << ": dev UPOS " << s.Upos() << " UAS " << s.Uas() << " LAS " << s.Las()
         << " (" << p->model().arcs.ids.size() << " arc rows, " << p->model().labeler.ids.size() << " label rows, "
         << secs << " s)\n";
    Log(line.str());
    if (s.Las() > best_las) {
      best_las = s.Las();
      best_epoch = epoch;
      best = std::move(p);
    } else if (epoch - best_epoch >= o_.patience) {
      break;
    }
  }
  return best;
}

}  // namespace

std::string_view UniversalRelation(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

Result<std::vector<ConlluSentence>> ParseConllu(std::string_view text, const std::string& name) {
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  size_t line_no = 0;
  auto flush = [&]() -> Status {
    if (cur.words.empty()) {
      cur = {};
      return Status::Ok();
    }
    const int n = static_cast<int>(cur.words.size());
    for (int& h : cur.heads) {
      if (h > n) return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": head out of range");
      h -= 1;
    }
    out.push_back(std::move(cur));
    cur = {};
    return Status::Ok();
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (Status s = flush(); !s.ok()) return s;
      if (nl == text.size()) break;
      continue;
    }
    if (line[0] == '#') {
      constexpr std::string_view kSentId = "# sent_id = ";
      if (line.substr(0, kSentId.size()) == kSentId) cur.id = std::string(line.substr(kSentId.size()));
      continue;
    }
    const std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() < 8) {
      return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": expected 10 tab-separated columns, got " +
                                  std::to_string(cols.size()));
    }
    if (cols[0].find_first_of("-.") != std::string_view::npos) continue;  // multiword range or empty node
    int id = 0, head = 0;
    if (!ParseInt(cols[0], &id) || id != static_cast<int>(cur.words.size()) + 1) {
      return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": word id '" + std::string(cols[0]) +
                                  "' out of sequence");
    }
    if (!ParseInt(cols[6], &head)) {
      return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": bad head '" + std::string(cols[6]) + "'");
    }
    cur.words.emplace_back(cols[1]);
    cur.upos.emplace_back(cols[3]);
    cur.heads.push_back(head);
    cur.deprels.emplace_back(cols[7]);
    if (nl == text.size()) break;
  }
  if (Status s = flush(); !s.ok()) return s;
  return out;
}

Result<std::vector<ConlluSentence>> ReadConllu(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  const std::string bytes = buf.str();
  if (ingest::IsGzip(bytes)) {
    // Treebanks unzip to tens of megabytes; 1 GB only stops a runaway stream.
    constexpr size_t kMaxUnzipped = size_t{1} << 30;
    ingest::GunzipOutput g = ingest::Gunzip(bytes, kMaxUnzipped);
    if (!g.status.ok()) return g.status.WithContext(path);
    return ParseConllu(g.view(), path);
  }
  return ParseConllu(bytes, path);
}

bool IsProjective(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  // The root's arc runs from position -1 (before the sentence), as in UD's
  // numbering with the root at 0.
  for (int a = 0; a < n; ++a) {
    const int ha = heads[static_cast<size_t>(a)];
    const int lo = std::min(a, ha), hi = std::max(a, ha);
    for (int b = 0; b < n; ++b) {
      const int hb = heads[static_cast<size_t>(b)];
      const int blo = std::min(b, hb), bhi = std::max(b, hb);
      if ((blo > lo && blo < hi && bhi > hi) || (blo < lo && bhi > lo && bhi < hi)) return false;
    }
  }
  return true;
}

ParserScore ScoreParser(const DependencyParser& parser, const std::vector<ConlluSentence>& data, bool gold_tags) {
  ParserScore score;
  std::vector<std::string_view> words;
  std::vector<int> tags, heads, labels;
  for (const ConlluSentence& s : data) {
    words.assign(s.words.begin(), s.words.end());
    if (gold_tags) {
      tags.clear();
      for (const std::string& t : s.upos) {
        const auto it = std::find(parser.tags().begin(), parser.tags().end(), t);
        tags.push_back(it == parser.tags().end() ? 0 : static_cast<int>(it - parser.tags().begin()));
      }
      parser.ParseTagged(words, tags, &heads, &labels);
    } else {
      parser.ParseIds(words, &tags, &heads, &labels);
    }
    for (size_t i = 0; i < words.size(); ++i) {
      ++score.words;
      score.upos += parser.tags()[static_cast<size_t>(tags[i])] == s.upos[i];
      if (heads[i] != s.heads[i]) continue;
      ++score.uas;
      const std::string& rel = parser.labels()[static_cast<size_t>(labels[i])];
      score.las += UniversalRelation(rel) == UniversalRelation(s.deprels[i]);
      score.las_full += rel == s.deprels[i];
    }
  }
  return score;
}

Result<DependencyParser> TrainParser(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                                     const ParserTrainOptions& options, std::ostream* log) {
  Trainer t(options, log);
  return t.Run(train, dev);
}

}  // namespace storyline
