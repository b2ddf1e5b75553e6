#include "store/sqlite_util.h"

#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

namespace storyline::store_internal {

namespace {

// Why the file at `path` could not be opened. A folder that does not exist
// is the caller's mistake (a --db typo: exit 1 on the command line); anything
// else is an operating-system matter (permissions, a full disk), whatever
// SQLite's code says.
Status OpenFailure(const std::string& path, const Status& sqlite_error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path file(path);
  const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
  if (!fs::exists(folder, ec) && !ec) {
    return Status::NotFound(path + ": folder " + folder.string() + " does not exist");
  }
  if (!ec && !fs::is_directory(folder, ec)) {
    return Status::InvalidInput(path + ": " + folder.string() + " is not a folder");
  }
  return Status::IOError(sqlite_error.message());
}

}  // namespace

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    Reset(other.stmt_);
    other.stmt_ = nullptr;
  }
  return *this;
}

Stmt::~Stmt() { Reset(nullptr); }

void Stmt::Reset(sqlite3_stmt* stmt) {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
  stmt_ = stmt;
}

void Stmt::BindText(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                      SQLITE_UTF8);
}

void Stmt::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
}

void Stmt::BindInt64(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
}

void Stmt::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

int Stmt::Step() { return sqlite3_step(stmt_); }

void Stmt::Rewind() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t Stmt::ColumnInt64(int col) const { return sqlite3_column_int64(stmt_, col); }

double Stmt::ColumnDouble(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Stmt::ColumnText(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return "";
  const int n = sqlite3_column_bytes(stmt_, col);
  return std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
}

Db::~Db() { Close(); }

void Db::Close() {
  if (db_ == nullptr) return;
  // sqlite3_close_v2 defers the close if a statement is still alive rather
  // than failing; by contract there are none, so this releases everything.
  sqlite3_close_v2(db_);
  db_ = nullptr;
}

Status Db::Open(const std::string& path, int flags) {
  Close();
  path_ = path;
  // SQLite opens lazily: a folder named as the file would fail only at the
  // first statement, as an I/O error.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidInput(path + ": is a folder, not a store file");
  }
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = Error(rc, "cannot open database");
    Close();
    return OpenFailure(path, s);
  }
  sqlite3_extended_result_codes(db_, 1);
  return Status::Ok();
}

Status Db::Exec(const std::string& sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  return StatusFromSqlite(rc, path_ + ": " + msg);
}

Status Db::Prepare(const std::string& sql, Stmt* out) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Error(rc, "cannot prepare \"" + sql + "\"");
  }
  out->Reset(stmt);
  return Status::Ok();
}

Result<int64_t> Db::PragmaInt(const std::string& name) {
  Stmt st;
  if (Status s = Prepare("PRAGMA " + name, &st); !s.ok()) return s;
  const int rc = st.Step();
  if (rc == SQLITE_ROW) return st.ColumnInt64(0);
  if (rc == SQLITE_DONE) return int64_t{0};
  return Error(rc, "PRAGMA " + name);
}

Status Db::Error(int rc, const std::string& what) const {
  std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  return StatusFromSqlite(rc, path_ + ": " + what + ": " + detail);
}

Status StatusFromSqlite(int rc, std::string message) {
  switch (rc & 0xff) {  // the primary code lives in the low byte
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Status::Corruption(std::move(message));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IOError(std::move(message));
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
      return Status::InvalidInput(std::move(message));
    default:
      return Status::Internal(std::move(message));
  }
}

}  // namespace storyline::store_internal
