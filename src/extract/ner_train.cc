#include "extract/ner_train.h"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <random>
#include <set>
#include <string_view>
#include <unordered_map>

#include "extract/ner_features.h"
#include "extract/tsv_columns.h"

namespace storyline {
namespace {

// One training example with its features computed once for all epochs.
struct Example {
  std::vector<uint32_t> rows;
  std::vector<int> gold;
};

// Weights with Collins-style averaging: `sum` accumulates step * delta, so
// the average over all steps is w - sum / step without touching every weight
// at every step.
struct Averaged {
  std::vector<float> w;
  std::vector<double> sum;
  void Add(size_t i, float delta, double step) {
    w[i] += delta;
    sum[i] += step * delta;
  }
  std::vector<float> Average(double step) const {
    std::vector<float> avg(w.size());
    for (size_t i = 0; i < w.size(); ++i) avg[i] = static_cast<float>(w[i] - sum[i] / step);
    return avg;
  }
};

}  // namespace

Result<std::vector<NerSentence>> ReadIob2File(const std::string& path, size_t word_column,
                                              size_t tag_column) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::vector<NerSentence> out;
  NerSentence cur;
  std::string line;
  size_t line_no = 0;
  const size_t need = std::max(word_column, tag_column) + 1;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!cur.words.empty()) out.push_back(std::move(cur));
      cur = {};
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() < need) {
      return Status::InvalidInput(path + ":" + std::to_string(line_no) + ": expected at least " +
                                  std::to_string(need) + " tab-separated columns, got " +
                                  std::to_string(cols.size()));
    }
    cur.words.emplace_back(cols[word_column]);
    cur.tags.emplace_back(cols[tag_column]);
  }
  if (in.bad()) return Status::IOError(path + ": read failed");
  if (!cur.words.empty()) out.push_back(std::move(cur));
  return out;
}

void AddToScore(const std::vector<std::string>& gold, const std::vector<std::string>& predicted,
                NerScore* score) {
  std::vector<NerSpan> g = NerSpans(gold);
  std::vector<NerSpan> p = NerSpans(predicted);
  score->gold += g.size();
  score->predicted += p.size();
  // Both lists are ordered by begin and non-overlapping: merge.
  size_t i = 0, j = 0;
  while (i < g.size() && j < p.size()) {
    if (g[i] == p[j]) {
      ++score->correct;
      ++i;
      ++j;
    } else if (g[i].begin < p[j].begin || (g[i].begin == p[j].begin && g[i].end < p[j].end)) {
      ++i;
    } else {
      ++j;
    }
  }
}

NerScore ScoreTagger(const NerTagger& tagger, const std::vector<NerSentence>& data) {
  NerScore score;
  for (const NerSentence& s : data) AddToScore(s.tags, tagger.Tag(s.words), &score);
  return score;
}

namespace {

Result<NerTagger> TrainOne(const std::vector<NerSentence>& train, const std::vector<NerSentence>& dev,
                           const NerTrainOptions& options, std::ostream* log) {
  if (train.empty()) return Status::InvalidInput("ner training: no training sentences");
  std::set<std::string> label_set;
  for (const NerSentence& s : train) label_set.insert(s.tags.begin(), s.tags.end());
  if (!label_set.count("O")) return Status::InvalidInput("ner training: no \"O\" tag in training data");
  NerModel model;
  model.labels.push_back("O");
  for (const std::string& l : label_set) {
    if (l != "O") model.labels.push_back(l);
  }
  std::unordered_map<std::string, int> index;
  for (size_t i = 0; i < model.labels.size(); ++i) index[model.labels[i]] = static_cast<int>(i);
  const size_t L = model.labels.size();
  model.hash_bits = options.hash_bits;
  model.stride = static_cast<uint32_t>((L + 3) / 4 * 4);
  const size_t table = (size_t{1} << model.hash_bits) * model.stride;
  model.weights.assign(table, 0.0f);
  model.transitions.assign((L + 1) * L, 0.0f);
  model.allowed = ner::AllowedTransitions(model.labels);
  for (const WordCluster& c : options.clusters) {
    const uint32_t packed = ner::PackClusterPath(c.path);
    if (packed == 0) continue;  // an unsplit vocabulary has empty paths
    model.cluster_keys.push_back(ner::ClusterKey(c.word));
    model.cluster_paths.push_back(packed);
  }
  // Validate the shapes once through the public path.
  {
    Result<NerTagger> probe = NerTagger::FromModel(model);
    if (!probe.ok()) return probe.status();
    model.cluster_keys = probe->model().cluster_keys;
    model.cluster_paths = probe->model().cluster_paths;
    model.cluster_slots = probe->model().cluster_slots;
  }

  // Gazetteer of training names. Each training sentence sees one built from
  // the other folds only (jackknife), as a test sentence sees names from
  // training only; otherwise the feature would be nearly always right in
  // training and the model would trust it too much. Folds are contiguous
  // blocks, so a document's names mostly stay in one fold.
  constexpr size_t kFolds = 10;
  const std::vector<std::string> types = ner::EntityTypes(model.labels);
  auto type_id = [&](const std::string& label) {
    return static_cast<size_t>(std::find(types.begin(), types.end(), label) - types.begin());
  };
  std::vector<std::vector<uint64_t>> fold_keys(kFolds);
  auto fold_of = [&](size_t s) { return s * kFolds / train.size(); };
  for (size_t s = 0; s < train.size(); ++s) {
    for (const NerSpan& span : NerSpans(train[s].tags)) {
      ner::AddGazetteerEntry(train[s].words, span.begin, span.end, type_id(span.label), &fold_keys[fold_of(s)]);
    }
  }
  for (const auto& keys : fold_keys) model.gazetteer.insert(model.gazetteer.end(), keys.begin(), keys.end());
  std::sort(model.gazetteer.begin(), model.gazetteer.end());
  model.gazetteer.erase(std::unique(model.gazetteer.begin(), model.gazetteer.end()), model.gazetteer.end());

  std::vector<Example> examples(train.size());
  for (size_t f = 0; f < kFolds; ++f) {
    std::vector<uint64_t> others;
    for (size_t g = 0; g < kFolds; ++g) {
      if (g != f) others.insert(others.end(), fold_keys[g].begin(), fold_keys[g].end());
    }
    const std::vector<uint64_t> slots = ner::GazetteerSlots(others);
    for (size_t s = 0; s < train.size(); ++s) {
      if (fold_of(s) != f) continue;
      ner::FeatureRows(train[s].words, model.hash_bits, slots, model.cluster_slots, &examples[s].rows);
      for (const std::string& t : train[s].tags) examples[s].gold.push_back(index[t]);
    }
  }

  Averaged w{std::vector<float>(table, 0.0f), std::vector<double>(table, 0.0)};
  Averaged tr{std::vector<float>((L + 1) * L, 0.0f), std::vector<double>((L + 1) * L, 0.0)};
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  ner::DecodeScratch scratch;
  std::vector<int> pred;
  std::vector<uint32_t> rows;
  std::bernoulli_distribution drop(options.feature_dropout);
  // Dropped features point at the table's last row, which training never
  // updates: it stays zero, so at run time a feature hashing there is inert.
  const uint32_t kNullRow = static_cast<uint32_t>((size_t{1} << model.hash_bits) - 1);
  double step = 1.0;
  double best_f1 = -1.0;
  int best_epoch = 0;
  NerModel best;

  for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t errors = 0;
    for (size_t idx : order) {
      const Example& ex = examples[idx];
      const size_t n = ex.gold.size();
      model.weights.swap(w.w);  // decode with the current (raw) weights
      model.transitions.swap(tr.w);
      rows = ex.rows;
      if (options.feature_dropout > 0) {
        for (size_t k = 0; k < rows.size(); ++k) {
          if (k % ner::kFeaturesPerToken != 0 && drop(rng)) rows[k] = kNullRow;
        }
      }
      ner::Decode(model, rows.data(), n, &scratch, &pred);
      model.weights.swap(w.w);
      model.transitions.swap(tr.w);
      for (size_t i = 0; i < n; ++i) {
        const size_t g = static_cast<size_t>(ex.gold[i]);
        const size_t p = static_cast<size_t>(pred[i]);
        const size_t gp = i == 0 ? 0 : static_cast<size_t>(ex.gold[i - 1]) + 1;
        const size_t pp = i == 0 ? 0 : static_cast<size_t>(pred[i - 1]) + 1;
        if (g != p) {
          ++errors;
          const uint32_t* r = rows.data() + i * ner::kFeaturesPerToken;
          for (size_t k = 0; k < ner::kFeaturesPerToken; ++k) {
            if (r[k] == kNullRow) continue;
            w.Add(size_t{r[k]} * model.stride + g, 1.0f, step);
            w.Add(size_t{r[k]} * model.stride + p, -1.0f, step);
          }
        }
        if (g != p || gp != pp) {
          tr.Add(gp * L + g, 1.0f, step);
          tr.Add(pp * L + p, -1.0f, step);
        }
      }
      step += 1.0;
    }
    NerModel avg = model;
    avg.weights = w.Average(step);
    avg.transitions = tr.Average(step);
    Result<NerTagger> tagger = NerTagger::FromModel(avg);
    if (!tagger.ok()) return tagger.status();
    NerScore s = ScoreTagger(*tagger, dev);
    if (log) {
      *log << "epoch " << epoch << ": train token errors " << errors << ", dev P " << s.precision()
           << " R " << s.recall() << " F1 " << s.f1() << "\n";
    }
    if (s.f1() > best_f1) {
      best_f1 = s.f1();
      best_epoch = epoch;
      best = std::move(avg);
    } else if (epoch - best_epoch >= options.patience) {
      break;
    }
  }
  if (log) *log << "best epoch " << best_epoch << " dev F1 " << best_f1 << "\n";
  return NerTagger::FromModel(std::move(best));
}

}  // namespace

Result<NerTagger> TrainNer(const std::vector<NerSentence>& train, const std::vector<NerSentence>& dev,
                           const NerTrainOptions& options, std::ostream* log) {
  const int runs = std::max(options.runs, 1);
  NerModel sum;
  for (int run = 0; run < runs; ++run) {
    NerTrainOptions one = options;
    one.seed = options.seed + static_cast<uint64_t>(run);
    if (log && runs > 1) *log << "run " << run + 1 << " of " << runs << " (seed " << one.seed << ")\n";
    Result<NerTagger> t = TrainOne(train, dev, one, log);
    if (!t.ok()) return t.status();
    const NerModel& m = t->model();
    if (run == 0) {
      sum = m;
      continue;
    }
    // Same data, labels and hashing in every run, so the tables line up.
    for (size_t i = 0; i < sum.weights.size(); ++i) sum.weights[i] += m.weights[i];
    for (size_t i = 0; i < sum.transitions.size(); ++i) sum.transitions[i] += m.transitions[i];
  }
  if (runs == 1) return NerTagger::FromModel(std::move(sum));
  const float scale = 1.0f / static_cast<float>(runs);
  for (float& w : sum.weights) w *= scale;
  for (float& t : sum.transitions) t *= scale;
  Result<NerTagger> avg = NerTagger::FromModel(std::move(sum));
  if (avg.ok() && log) {
    NerScore s = ScoreTagger(*avg, dev);
    *log << "average of " << runs << " runs: dev P " << s.precision() << " R " << s.recall() << " F1 " << s.f1()
         << "\n";
  }
  return avg;
}

}  // namespace storyline
