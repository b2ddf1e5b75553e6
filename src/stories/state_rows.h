// state_rows.h: the story grouping's state as rows that are read when a
// batch needs them and written when it changed them, so that adding a batch
// to a store of a million articles reads and writes what the batch touches,
// not the whole state.
//
//   class MySource : public storyline::stories::StateSource { ... };
//   StoryGrouper g(options);
//   g.SetSource(&source);                 // rows come from the store
//   g.Add(articles, keys, nullptr);       // reads the rows it needs
//   std::vector<StateRow> rows = g.TakeDirtyRows();  // write them back
//
// A grouper with no source holds everything in memory (a brief made at
// once); with a source it behaves exactly as a grouper that had added every
// earlier article itself, provided the source answers with the rows it took
// from earlier groupers.
//
// Keys are fixed-width big-endian integers (so rows of one table sort in
// numeric order) or strings; values use the state_io.h layout.
//
// Thread-compatible; a source is called from the thread that calls the
// grouper.
#ifndef STORYLINE_STORIES_STATE_ROWS_H_
#define STORYLINE_STORIES_STATE_ROWS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::stories {

enum class StateTable : uint8_t {
  kMeta = 0,       // key "": the counters (articles, stories, layout version)
  kTerm = 1,       // term hash -> document frequency, stories recently posted
  kName = 2,       // name hash -> stories recently posted under the name
  kStory = 3,      // story index -> pruned term sum, names, last day, size,
                   // the story it merged into, member slots
  kSlot = 4,       // article slot -> near-duplicate signature and group
  kBand = 5,       // LSH band key -> the first slot filed under it
  kLabelName = 6,  // folded name -> articles naming it (labels)
  kDuplicate = 7,  // article slot -> the group it near-duplicates, estimate
};

struct StateRow {
  StateTable table = StateTable::kMeta;
  std::string key;
  std::string value;
};

class StateSource {
 public:
  virtual ~StateSource() = default;
  // Sets *value and returns true when the row exists; false when it does
  // not. A source that cannot read keeps the failure to report it itself
  // (the caller checks the source after the batch) and returns false.
  virtual bool Get(StateTable table, std::string_view key, std::string* value) const = 0;
};

// Row keys: big-endian, fixed width.
std::string KeyU32(uint32_t v);
std::string KeyU64(uint64_t v);

}  // namespace storyline::stories

#endif  // STORYLINE_STORIES_STATE_ROWS_H_
