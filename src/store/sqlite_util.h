// sqlite_util.h: a thin RAII layer over the SQLite C API for the store.
//
//   Db db;  Status s = db.Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
//   Stmt st;  s = db.Prepare("SELECT count(*) FROM articles", &st);
//   if (st.Step() == SQLITE_ROW) n = st.ColumnInt64(0);
//
// Every failing call comes back as a Status whose message names the database
// path and quotes SQLite's own explanation. Not thread-safe: one Db per thread.
#ifndef STORYLINE_STORE_SQLITE_UTIL_H_
#define STORYLINE_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline::store_internal {

// A prepared statement. Owns the sqlite3_stmt; the Db it came from must
// outlive it. Move-only: a statement handle has a single owner.
class Stmt {
 public:
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& other) noexcept;
  ~Stmt();

  bool valid() const { return stmt_ != nullptr; }
  sqlite3_stmt* get() const { return stmt_; }
  void Reset(sqlite3_stmt* stmt);  // takes ownership

  // Bind by 1-based index. Text is copied (SQLITE_TRANSIENT), so the argument
  // may die right after the call.
  void BindText(int index, std::string_view text);
  void BindBlob(int index, std::string_view bytes);
  void BindInt64(int index, int64_t value);
  void BindNull(int index);

  // sqlite3_step's result code: SQLITE_ROW, SQLITE_DONE or an error.
  int Step();
  // Clears bindings and rewinds, ready for the next use of a cached statement.
  void Rewind();

  int64_t ColumnInt64(int col) const;
  double ColumnDouble(int col) const;
  std::string ColumnText(int col) const;  // "" for NULL

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Rewinds a cached statement when the scope ends, whatever path returns.
class StmtRewinder {
 public:
  explicit StmtRewinder(Stmt& stmt) : stmt_(stmt) {}
  StmtRewinder(const StmtRewinder&) = delete;
  StmtRewinder& operator=(const StmtRewinder&) = delete;
  ~StmtRewinder() { stmt_.Rewind(); }

 private:
  Stmt& stmt_;
};

// One database connection. Move-free and copy-free: statements point at it.
class Db {
 public:
  Db() = default;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // `flags` as for sqlite3_open_v2. kIOError when SQLite cannot open the file.
  Status Open(const std::string& path, int flags);
  // Closes the connection; statements prepared on it must be gone already.
  void Close();

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs one or more SQL statements that return no rows the caller needs.
  Status Exec(const std::string& sql);
  Status Prepare(const std::string& sql, Stmt* out);

  // Reads `PRAGMA name` as an integer.
  Result<int64_t> PragmaInt(const std::string& name);

  // A Status for the most recent failure: code from SQLite's result code,
  // message "<path>: <what>: <sqlite message>".
  Status Error(int rc, const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// Maps an SQLite primary result code to a storyline StatusCode-bearing Status.
Status StatusFromSqlite(int rc, std::string message);

}  // namespace storyline::store_internal

#endif  // STORYLINE_STORE_SQLITE_UTIL_H_
