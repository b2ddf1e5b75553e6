// schema.h: the store's versioned schema and the migration runner.
//
//   Result<int> v = CheckStore(db, kStoreMigrations);       // identity + version
//   if (v.ok()) v = Migrate(db, kStoreMigrations);          // forward to latest
//
// A storyline store is an SQLite file whose header carries our
// application_id; PRAGMA user_version is the schema version, i.e. the number
// of migration steps applied. Steps are never edited once released: a change
// to the schema is a new step appended to the list.
#ifndef STORYLINE_STORE_SCHEMA_H_
#define STORYLINE_STORE_SCHEMA_H_

#include <cstdint>
#include <span>

#include "store/sqlite_util.h"
#include "storyline/status.h"

namespace storyline::store_internal {

// "STLN" in ASCII: marks a file as a storyline store (PRAGMA application_id),
// so a foreign SQLite file is refused instead of being altered.
inline constexpr int32_t kApplicationId = 0x53544c4e;

// One schema step: running `sql` on a store at version `version - 1` brings it
// to `version`. Versions in a list are 1, 2, 3, ... in order.
struct Migration {
  int version;
  const char* sql;
};

// The store's migration list; its last version is the current schema.
std::span<const Migration> StoreMigrations();

// Checks that `db` is an SQLite file that is empty or a storyline store no
// newer than `steps` knows. Returns its schema version (0 for an empty file).
// kCorruption (naming the path) for a non-SQLite file or a foreign SQLite
// database; kUnsupported for a newer schema. Reads only.
Result<int> CheckStore(Db& db, std::span<const Migration> steps);

// Brings the store forward to the last version in `steps`, all steps in one
// IMMEDIATE transaction (so two processes opening a fresh file at once do not
// both migrate). On failure nothing is changed. Returns the new version.
Result<int> Migrate(Db& db, std::span<const Migration> steps);

}  // namespace storyline::store_internal

#endif  // STORYLINE_STORE_SCHEMA_H_
