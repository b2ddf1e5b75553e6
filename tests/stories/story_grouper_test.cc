// Tests StoryGrouper's state rows: a stream grouped batch by batch, each
// batch by a new grouper that reads the earlier batches' rows from a source,
// ends exactly as one grouper that added everything itself; the rows a batch
// writes are few when the store is large; a damaged row is reported.

#include "stories/story_grouper.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stories/state_rows.h"
#include "stories/stream_cluster.h"
#include "stories/text_features.h"

namespace storyline::stories {
namespace {

// The rows as a store keeps them.
class MapSource : public StateSource {
 public:
  bool Get(StateTable table, std::string_view key, std::string* value) const override {
    ++reads;
    auto it = rows.find({table, std::string(key)});
    if (it == rows.end()) return false;
    *value = it->second;
    return true;
  }
  void Put(std::vector<StateRow> changed) {
    for (StateRow& r : changed) rows[{r.table, std::move(r.key)}] = std::move(r.value);
  }
  std::string Meta() const {
    auto it = rows.find({StateTable::kMeta, ""});
    return it == rows.end() ? "" : it->second;
  }
  std::map<std::pair<StateTable, std::string>, std::string> rows;
  mutable size_t reads = 0;
};

// Invented long names of `Stream(n, 12, seed)`'s stories, each more than
// two edits from every other.
constexpr std::string_view kStoryNames[] = {
    "orsolya vantreek", "bertram quillfeather", "fenella odunsiwe",  "casimir holloran",
    "ysolde marchbank", "tobiah kettleworth",   "perpetua nwachukwe", "anselm drabowicz",
    "lucasta fernhough", "gideon sabatelli",    "henrietta mbeluso",  "ottoline crayshaw"};

// The invented story of a `Stream` article, from its title.
size_t StoryIndex(const Article& a) { return std::stoul(a.title.substr(9, a.title.find(' ') - 9)); }

// Whether article `i` is given its story's name misspelt (not a near-copy
// of the article before it, whose words are another story's).
bool Misspelt(size_t i) { return i % 3 == 0 && i % 7 != 6; }

// Each article's names for `Stream(n, 12, seed)`'s articles: its story's
// long name, misspelt by one letter of its surname when Misspelt(i), and a
// name of its own.
std::vector<std::vector<std::string>> MisspeltKeys(const std::vector<Article>& all) {
  std::vector<std::vector<std::string>> keys;
  for (size_t i = 0; i < all.size(); ++i) {
    std::string name(kStoryNames[StoryIndex(all[i])]);
    if (Misspelt(i)) {
      char& c = name[name.find(' ') + 3];  // "vantreek" -> "vaetreek"
      c = c == 'e' ? 'a' : 'e';
    }
    keys.push_back({name, fmt::format("passerby{}", i)});
  }
  return keys;
}

// `n` articles of `stories` invented stories: each story has its own words
// and its own named person; every seventh article is a near-copy of the one
// before it. Dated a day apart per article, in order.
std::vector<Article> Stream(size_t n, size_t stories, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<Article> out;
  for (size_t i = 0; i < n; ++i) {
    const size_t s = rng() % stories;
    Article a;
    a.id = fmt::format("a{:04}", i);
    a.published = fmt::format("2024-{:02}-{:02}", 1 + (i / 28) % 12, 1 + i % 28);
    a.title = fmt::format("Storyword{} matter{} update", s, s);
    std::string text = fmt::format("Person{} Surname{} said the storyword{} matter{} went on. ", s, s, s, s);
    for (int w = 0; w < 60; ++w) {
      text += (rng() % 3 == 0) ? fmt::format("common{} ", rng() % 40) : fmt::format("topic{}x{} ", s, rng() % 25);
      if (w % 12 == 11) text += ". ";
    }
    if (i % 7 == 6 && !out.empty()) text = out.back().text + " One more line.";
    a.text = text;
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<const Article*> Ptrs(const std::vector<Article>& v, size_t from, size_t to) {
  std::vector<const Article*> out;
  for (size_t i = from; i < to; ++i) out.push_back(&v[i]);
  return out;
}

// The rows a grouper leaves after adding all[0, n) in one batch.
MapSource StoredRows(const std::vector<Article>& all, size_t n) {
  MapSource source;
  StoryGrouper first(StoryOptions{});
  first.Add(Ptrs(all, 0, n), {}, nullptr);
  source.Put(first.TakeDirtyRows());
  return source;
}

// Per slot: the slots of its story, and the story's made parts (id, label,
// duplicates) as text, for every story the grouper holds.
std::map<uint32_t, std::string> Describe(StoryGrouper& g, const std::vector<Article>& all,
                                         const std::vector<uint32_t>& stories) {
  std::map<uint32_t, std::string> out;
  for (uint32_t s : stories) {
    const std::vector<uint32_t> slots = g.Members(s);
    if (slots.empty()) continue;
    std::vector<const Article*> members;
    std::vector<std::vector<CapitalisedRun>> runs;
    for (uint32_t slot : slots) {
      members.push_back(&all[slot]);  // slots follow the stream's order here
      runs.push_back(CapitalisedRuns(all[slot].text));
    }
    std::vector<const std::vector<CapitalisedRun>*> run_ptrs;
    for (const auto& r : runs) run_ptrs.push_back(&r);
    std::set<std::string> used;
    const Story story = g.MakeStory(s, members, run_ptrs, used);
    std::string d = story.id + "|" + story.label + "|";
    for (const std::string& id : story.articles) d += id + ",";
    for (const auto& dup : story.duplicates) d += fmt::format("{}~{}:{:.4f};", dup.article, dup.duplicate_of, dup.similarity);
    out[s] = d;
  }
  return out;
}

TEST(StoryGrouperRows, BatchesThroughRowsEqualOneGrouper) {
  const std::vector<Article> all = Stream(240, 12, 7);
  const StoryOptions options;
  const std::vector<std::vector<std::string>> no_keys;

  StoryGrouper one(options);
  one.Add(Ptrs(all, 0, all.size()), no_keys, nullptr);
  const std::map<uint32_t, std::string> want = Describe(one, all, one.LiveStories());
  ASSERT_GT(want.size(), 5u);

  MapSource source;
  std::set<uint32_t> touched;
  for (size_t from = 0; from < all.size(); from += 50) {
    StoryGrouper g(options);
    ASSERT_TRUE(g.SetSource(from == 0 ? nullptr : &source, source.Meta()));
    g.Add(Ptrs(all, from, std::min(all.size(), from + 50)), no_keys, nullptr);
    for (uint32_t s : g.TakeChanged()) touched.insert(s);
    for (const auto& [gone, into] : g.TakeMerged()) touched.insert(into);
    EXPECT_FALSE(g.damaged());
    source.Put(g.TakeDirtyRows());
  }
  // A last grouper reads every story from the rows alone.
  StoryGrouper last(options);
  ASSERT_TRUE(last.SetSource(&source, source.Meta()));
  EXPECT_EQ(last.size(), all.size());
  std::vector<uint32_t> every;
  for (const auto& [s, d] : want) every.push_back(s);
  EXPECT_EQ(Describe(last, all, every), want);
  EXPECT_FALSE(last.damaged());
}

TEST(StoryGrouperRows, BatchesWithMisspeltNamesEqualOneGrouper) {
  // Names one edit apart are matched from the stored story rows as from
  // memory: batch by batch ends as one grouper.
  const std::vector<Article> all = Stream(240, 12, 5);
  const std::vector<std::vector<std::string>> keys = MisspeltKeys(all);
  const StoryOptions options;
  StoryGrouper one(options);
  one.Add(Ptrs(all, 0, all.size()), keys, nullptr);
  const std::map<uint32_t, std::string> want = Describe(one, all, one.LiveStories());
  ASSERT_GT(want.size(), 5u);
  // A misspelt article joins its own story once that story has begun.
  std::vector<uint32_t> story_of(all.size(), UINT32_MAX);
  for (uint32_t s : one.LiveStories()) {
    for (uint32_t slot : one.Members(s)) story_of[slot] = s;
  }
  for (size_t i = 0; i < all.size(); ++i) {
    bool begun = false;
    for (size_t j = 0; j < i && !begun; ++j) begun = StoryIndex(all[j]) == StoryIndex(all[i]);
    if (!Misspelt(i) || !begun) continue;
    bool with_its_story = false;
    for (size_t j = 0; j < all.size(); ++j) {
      const bool alike = j != i && StoryIndex(all[j]) == StoryIndex(all[i]);
      with_its_story = with_its_story || (alike && story_of[j] == story_of[i]);
    }
    EXPECT_TRUE(with_its_story) << "article " << i;
  }

  MapSource source;
  for (size_t from = 0; from < all.size(); from += 40) {
    StoryGrouper g(options);
    ASSERT_TRUE(g.SetSource(from == 0 ? nullptr : &source, source.Meta()));
    const size_t to = std::min(all.size(), from + 40);
    const std::vector<std::vector<std::string>> batch_keys(keys.begin() + static_cast<std::ptrdiff_t>(from),
                                                           keys.begin() + static_cast<std::ptrdiff_t>(to));
    g.Add(Ptrs(all, from, to), batch_keys, nullptr);
    EXPECT_FALSE(g.damaged());
    source.Put(g.TakeDirtyRows());
  }
  StoryGrouper last(options);
  ASSERT_TRUE(last.SetSource(&source, source.Meta()));
  std::vector<uint32_t> every;
  for (const auto& [s, d] : want) every.push_back(s);
  EXPECT_EQ(Describe(last, all, every), want);
}

// A story of three articles about an invented ferry company, then one
// article that shares only a few of their words and `name` as its one
// name: whether it joins the story. With `through_rows` the story is read
// back from its stored rows by a second stream.
bool JoinsFerryStory(const std::string& name, bool through_rows) {
  StreamOptions options;
  options.entity_weight = 0.5;  // the name decides; the words alone do not
  StoryStream first(options);
  const std::vector<std::string> story_names = {"tobermore ferrycraft", "ilse brandvoort", "ode vek"};
  for (int i = 0; i < 3; ++i) {
    const std::unordered_map<std::string, double> terms = {
        {"tobermore", 3}, {"ferrycraft", 2}, {"hull", 2}, {"harbour", 1}, {"inspectors", 1},
        {"crossing", 1}, {fmt::format("own{}", i), 1}};
    first.Add(terms, story_names, 100 + i);
  }
  MapSource source;
  std::vector<StateRow> rows;
  first.TakeDirtyRows(rows);
  source.Put(std::move(rows));
  StoryStream second(options);
  if (through_rows && !second.SetSource(&source, first.MetaRow())) return false;
  StoryStream& stream = through_rows ? second : first;
  // Four words of its own for each it shares: alike in words well below
  // the threshold.
  const std::unordered_map<std::string, double> terms = {
      {"tobermore", 1}, {"swimmer", 1}, {"lido", 1}, {"relay", 1}, {"medals", 1}, {"coach", 1}};
  return stream.Add(terms, {name}, 104) == 0;
}

TEST(StoryStreamNames, LongNameOneEditApartCountsAsShared) {
  const struct {
    const char* name;
    bool joins;
  } kRows[] = {
      {"ilse brandvoort", true},       // the same name
      {"ilse brandvoordt", true},      // a letter put in
      {"ilse brandvort", true},        // a letter left out
      {"ilse brendvoort", true},       // a letter replaced
      {"ilse brandvoorte", true},      // a letter put in at the end
      {"ilse brandvoor", true},        // the last letter left out
      {"tobermore ferycraft", true},
      {"wilhelmina ostrova", false},   // another name
      {"ilse brandvaardt", false},     // two letters off
      {"ilse brundvoart", false},      // two letters off, the length kept
      {"ilse brandvoortes", false},    // two letters put in
      {"ilse grandvoort", false},      // a word's first letter
      {"ilse randvoort", false},       // a word's first letter left out
      {"ode vem", false},              // a short name: another person
      {"ilsebrandvoort", false},       // words are kept apart
      {"ilse brand voort", false},     // and a space is never put in
  };
  for (const auto& row : kRows) {
    EXPECT_EQ(JoinsFerryStory(row.name, false), row.joins) << row.name;
    EXPECT_EQ(JoinsFerryStory(row.name, true), row.joins) << row.name << " (through rows)";
  }
}

TEST(StoryGrouperRows, OneMoreArticleReadsAndWritesFewRows) {
  const std::vector<Article> all = Stream(601, 40, 11);
  const StoryOptions options;
  MapSource source = StoredRows(all, 600);
  const size_t stored = source.rows.size();

  StoryGrouper next(options);
  ASSERT_TRUE(next.SetSource(&source, source.Meta()));
  source.reads = 0;
  next.Add(Ptrs(all, 600, 601), {}, nullptr);
  const std::vector<StateRow> changed = next.TakeDirtyRows();
  // Its own terms, names and bands, a few stories: far from the whole state.
  EXPECT_LT(source.reads, stored / 5);
  EXPECT_LT(changed.size(), stored / 5);
  EXPECT_GT(changed.size(), 1u);
}

TEST(StoryGrouperRows, DamagedRowIsReported) {
  const std::vector<Article> all = Stream(120, 6, 3);
  const StoryOptions options;
  MapSource source = StoredRows(all, 100);
  for (auto& [key, value] : source.rows) {
    if (key.first == StateTable::kStory) value.resize(value.size() / 2);
  }
  StoryGrouper next(options);
  ASSERT_TRUE(next.SetSource(&source, source.Meta()));
  next.Add(Ptrs(all, 100, 120), {}, nullptr);
  EXPECT_TRUE(next.damaged());
}

TEST(StoryGrouperRows, ForeignCountersRowIsRefused) {
  MapSource source;
  StoryGrouper g(StoryOptions{});
  EXPECT_FALSE(g.SetSource(&source, "not a counters row"));
  EXPECT_FALSE(g.SetSource(&source, ""));
  EXPECT_TRUE(g.SetSource(nullptr, ""));
}

}  // namespace
}  // namespace storyline::stories
