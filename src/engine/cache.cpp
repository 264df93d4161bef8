#include "engine/cache.hpp"

#include "notebook/disk_text.hpp"
#include "notebook/read.hpp"
#include "notebook/write.hpp"
#include "support/sha256.hpp"

#include <algorithm>
#include <cstdio>
#include <sqlite3.h>

namespace docnb {
namespace fs = std::filesystem;

namespace {

// Bumped whenever the tables change; a file with another version is rebuilt.
constexpr int schema_version = 1;

// ---------------------------------------------------------------------------- SQLite

struct DatabaseCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;

struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

class Statement {
public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    sqlite3_stmt* raw = nullptr;
    status_ = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
    statement_.reset(raw);
  }
  [[nodiscard]] bool prepared() const { return status_ == SQLITE_OK; }
  Statement& bind(int index, std::string_view text) {
    sqlite3_bind_text(statement_.get(), index, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int index, double value) {
    sqlite3_bind_double(statement_.get(), index, value);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return prepared() ? sqlite3_step(statement_.get()) : status_; }
  std::string text(int column) {
    const auto* data = sqlite3_column_text(statement_.get(), column);
    return data == nullptr ? std::string()
                           : std::string(reinterpret_cast<const char*>(data),
                                         sqlite3_column_bytes(statement_.get(), column));
  }
  double real(int column) { return sqlite3_column_double(statement_.get(), column); }
  std::int64_t integer(int column) { return sqlite3_column_int64(statement_.get(), column); }
  [[nodiscard]] std::string message() const { return sqlite3_errmsg(db_); }

private:
  sqlite3* db_;
  int status_ = SQLITE_ERROR;
  std::unique_ptr<sqlite3_stmt, StatementFinalizer> statement_;
};

Status exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message != nullptr ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    return Error{text, {}};
  }
  return Done{};
}

// Rolls back unless committed: a crash or an error mid-write leaves the previous state.
class Transaction {
public:
  explicit Transaction(sqlite3* db) : db_(db), begun_(exec(db, "BEGIN IMMEDIATE").ok()) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (begun_ && !committed_) (void)exec(db_, "ROLLBACK");
  }
  [[nodiscard]] bool begun() const { return begun_; }
  Status commit() {
    Status done = exec(db_, "COMMIT");
    committed_ = done.ok();
    return done;
  }

private:
  sqlite3* db_;
  bool begun_;
  bool committed_ = false;
};

constexpr const char* schema_sql = R"sql(
CREATE TABLE IF NOT EXISTS runs (
  source TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  notebook TEXT NOT NULL,
  notebook_sha256 TEXT NOT NULL,
  cells TEXT NOT NULL,
  seconds REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS durations (
  source TEXT PRIMARY KEY,
  seconds REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS conversions (
  source TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  converted TEXT NOT NULL,
  converted_sha256 TEXT NOT NULL
);
)sql";

Result<Database> open_database(const fs::path& file) {
  sqlite3* raw = nullptr;
  const int opened =
      sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Database db(raw);
  if (opened != SQLITE_OK) {
    return Error{raw != nullptr ? sqlite3_errmsg(raw) : "cannot open", file.string()};
  }
  // Several docnb processes may share a project: wait for a writer rather than fail.
  sqlite3_busy_timeout(db.get(), 10'000);
  return db;
}

enum class Validity { usable, corrupt, unavailable };

struct Checked {
  Validity validity = Validity::usable;
  std::string why;
};

// A step that failed because another process holds the file says nothing about the file.
Checked failed_step(int code, const Statement& statement) {
  const bool busy = code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_CANTOPEN ||
                    code == SQLITE_PERM || code == SQLITE_READONLY || code == SQLITE_IOERR;
  return {busy ? Validity::unavailable : Validity::corrupt, statement.message()};
}

// Whether the open file is a cache docnb can trust: intact pages, and our schema or none yet.
Checked validate(sqlite3* db) {
  Statement check(db, "PRAGMA quick_check");
  if (const int code = check.step(); code != SQLITE_ROW) return failed_step(code, check);
  if (const std::string verdict = check.text(0); verdict != "ok") {
    return {Validity::corrupt, verdict};
  }
  Statement version(db, "PRAGMA user_version");
  if (const int code = version.step(); code != SQLITE_ROW) return failed_step(code, version);
  const std::int64_t found = version.integer(0);
  if (found == schema_version) return {};
  Statement tables(db, "SELECT count(*) FROM sqlite_master");
  if (const int code = tables.step(); code != SQLITE_ROW) return failed_step(code, tables);
  if (found == 0 && tables.integer(0) == 0) return {}; // a new, empty file
  return {Validity::corrupt, "schema version " + std::to_string(found) + ", expected " +
                                 std::to_string(schema_version)};
}

Status create_schema(sqlite3* db) {
  // WAL: readers never wait for a writer, and a crash mid-write leaves the last commit intact.
  if (Status wal = exec(db, "PRAGMA journal_mode=WAL"); !wal) return wal;
  if (Status tables = exec(db, schema_sql); !tables) return tables;
  return exec(db, ("PRAGMA user_version=" + std::to_string(schema_version)).c_str());
}

void remove_database_files(const fs::path& file) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(file.string() + suffix, ignored);
  }
}

Json cell_runs_to_json(const NotebookRun& run) {
  Json cells = Json::array();
  for (const CellRun& cell : run.cells) {
    cells.push_back({{"index", cell.index},
                     {"outcome", static_cast<int>(cell.status)},
                     {"reason", cell.reason},
                     {"reply_error", cell.reply_error},
                     {"seconds", cell.seconds}});
  }
  return cells;
}

std::optional<std::vector<CellRun>> cell_runs_from_json(const std::string& text) {
  const Json cells = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!cells.is_array()) return std::nullopt;
  std::vector<CellRun> runs;
  for (const Json& cell : cells) {
    if (!cell.is_object() || !cell.contains("index") || !cell["index"].is_number_unsigned() ||
        !cell.contains("outcome") || !cell["outcome"].is_number_integer()) {
      return std::nullopt;
    }
    const int outcome = cell["outcome"].get<int>();
    if (outcome < static_cast<int>(CellStatus::ok) ||
        outcome > static_cast<int>(CellStatus::skipped)) {
      return std::nullopt;
    }
    CellRun run;
    run.index = cell["index"].get<std::size_t>();
    run.status = static_cast<CellStatus>(outcome);
    run.reason = cell.value("reason", "");
    run.reply_error = cell.value("reply_error", false);
    run.seconds = cell.value("seconds", 0.0);
    runs.push_back(std::move(run));
  }
  return runs;
}

} // namespace

bool kernel_behaved(const NotebookRun& run) {
  if (run.kernel_lost) return false;
  return std::none_of(run.cells.begin(), run.cells.end(), [](const CellRun& cell) {
    return cell.status == CellStatus::timed_out || cell.status == CellStatus::kernel_died ||
           cell.status == CellStatus::aborted || cell.status == CellStatus::not_run;
  });
}

std::optional<NotebookRun> replay(const Notebook& current, const CachedRun& cached) {
  const std::vector<std::size_t> now = code_cells_of(current);
  const std::vector<std::size_t> then = code_cells_of(cached.notebook);
  if (now.size() != then.size() || cached.cells.size() != then.size()) return std::nullopt;
  NotebookRun run;
  run.notebook = current;
  // What the run recorded about its kernel, as a real run writes it.
  const Json stored_metadata = cached.notebook.document.value("metadata", Json::object());
  for (const char* key : {"kernelspec", "language_info"}) {
    if (stored_metadata.contains(key))
      run.notebook.document["metadata"][key] = stored_metadata[key];
  }
  Json& cells = run.notebook.cells();
  const Json& stored = cached.notebook.cells();
  for (std::size_t k = 0; k < now.size(); ++k) {
    if (cached.cells[k].index != then[k]) return std::nullopt;
    Json& cell = cells[now[k]];
    const Json& executed = stored[then[k]];
    CellRun cell_run = cached.cells[k];
    cell_run.index = now[k];
    if (cell_run.status == CellStatus::skipped) {
      cell["execution_count"] = nullptr; // a skipped cell keeps the outputs it has now
    } else {
      cell["outputs"] = executed.value("outputs", Json::array());
      cell["execution_count"] = executed.value("execution_count", Json());
      if (!cell.contains("metadata") || !cell["metadata"].is_object()) {
        cell["metadata"] = Json::object();
      }
      const Json metadata = executed.value("metadata", Json::object());
      if (metadata.is_object() && metadata.contains("execution")) {
        cell["metadata"]["execution"] = metadata["execution"];
      } else {
        cell["metadata"].erase("execution");
      }
    }
    run.cells.push_back(std::move(cell_run));
  }
  return run;
}

// ---------------------------------------------------------------------------- Cache

struct Cache::State {
  fs::path file;
  Database db;
  std::mutex mutex; // workers share one connection
};

Cache::Cache(std::unique_ptr<State> state) : state_(std::move(state)) {}
Cache::Cache(Cache&&) noexcept = default;
Cache& Cache::operator=(Cache&&) noexcept = default;
Cache::~Cache() = default;

const fs::path& Cache::file() const {
  return state_->file;
}

fs::path cache_path(const fs::path& project_root) {
  return project_root / ".docnb" / "cache.sqlite";
}

std::string source_id(const fs::path& source, const fs::path& root) {
  std::error_code error;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(source), error);
  const fs::path relative = absolute.lexically_relative(root);
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return absolute.generic_string();
}

Result<Cache> Cache::open(const fs::path& file, std::vector<std::string>& warnings) {
  std::error_code error;
  if (file.has_parent_path()) fs::create_directories(file.parent_path(), error);
  Result<Database> db = open_database(file);
  if (!db) return db.error();
  const Checked checked = validate(db->get());
  if (checked.validity == Validity::unavailable) {
    return Error{"cannot read the cache: " + checked.why, file.string()};
  }
  if (checked.validity == Validity::corrupt) {
    warnings.push_back("the cache " + file.string() + " is corrupt (" + checked.why +
                       "); it was removed and rebuilt");
    if (db) db->reset();
    remove_database_files(file);
    db = open_database(file);
    if (!db) return db.error();
  }
  if (Status created = create_schema(db->get()); !created) {
    return Error{"cannot create the cache: " + created.error().message, file.string()};
  }
  auto state = std::make_unique<State>();
  state->file = file;
  state->db = std::move(db).value();
  return Cache(std::move(state));
}

std::optional<CachedRun> Cache::lookup(const std::string& source, const std::string& key) {
  const std::lock_guard lock(state_->mutex);
  Statement select(state_->db.get(), "SELECT notebook, notebook_sha256, cells, seconds FROM runs "
                                     "WHERE source = ?1 AND key = ?2");
  select.bind(1, source).bind(2, key);
  if (select.step() != SQLITE_ROW) return std::nullopt;
  const std::string text = select.text(0);
  // The stored text is checked against its digest: a damaged entry is a miss, not a result.
  if (sha256_hex(text) != select.text(1)) return std::nullopt;
  Result<Notebook> notebook = read_notebook_text(text, source);
  std::optional<std::vector<CellRun>> cells = cell_runs_from_json(select.text(2));
  if (!notebook || !cells) return std::nullopt;
  return CachedRun{std::move(notebook).value(), std::move(*cells), select.real(3)};
}

Status Cache::store(const std::string& source, const std::string& key, const NotebookRun& run,
                    std::optional<double> seconds) {
  std::size_t size = 0;
  write_disk_text(run.notebook.document, [&size](std::string_view piece) { size += piece.size(); });
  if (size > max_cached_notebook_bytes) {
    return Error{"the executed notebook is " + std::to_string(size >> 20) + " MiB, over the " +
                     std::to_string(max_cached_notebook_bytes >> 20) + " MiB the cache stores",
                 source};
  }
  const std::string text = notebook_to_text(run.notebook);
  const std::string cells = cell_runs_to_json(run).dump();
  const std::lock_guard lock(state_->mutex);
  sqlite3* db = state_->db.get();
  Transaction transaction(db);
  if (!transaction.begun()) return Error{sqlite3_errmsg(db), state_->file.string()};
  Statement insert(db, "INSERT OR REPLACE INTO runs (source, key, notebook, notebook_sha256, "
                       "cells, seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  insert.bind(1, source).bind(2, key).bind(3, text).bind(4, sha256_hex(text)).bind(5, cells);
  insert.bind(6, seconds.value_or(0.0));
  if (insert.step() != SQLITE_DONE) return Error{insert.message(), state_->file.string()};
  if (seconds) {
    Statement duration(db, "INSERT OR REPLACE INTO durations (source, seconds) VALUES (?1, ?2)");
    duration.bind(1, source).bind(2, *seconds);
    if (duration.step() != SQLITE_DONE) return Error{duration.message(), state_->file.string()};
  }
  if (Status committed = transaction.commit(); !committed) {
    return Error{committed.error().message, state_->file.string()};
  }
  return Done{};
}

std::optional<std::string> Cache::lookup_conversion(const std::string& source,
                                                    const std::string& key) {
  const std::lock_guard lock(state_->mutex);
  Statement select(state_->db.get(), "SELECT converted, converted_sha256 FROM conversions "
                                     "WHERE source = ?1 AND key = ?2");
  select.bind(1, source).bind(2, key);
  if (select.step() != SQLITE_ROW) return std::nullopt;
  std::string text = select.text(0);
  if (sha256_hex(text) != select.text(1)) return std::nullopt;
  return text;
}

Status Cache::store_conversion(const std::string& source, const std::string& key,
                               std::string_view converted) {
  const std::string digest = sha256_hex(converted);
  const std::lock_guard lock(state_->mutex);
  Statement insert(state_->db.get(), "INSERT OR REPLACE INTO conversions (source, key, converted, "
                                     "converted_sha256) VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, source).bind(2, key).bind(3, converted).bind(4, digest);
  if (insert.step() != SQLITE_DONE) return Error{insert.message(), state_->file.string()};
  return Done{};
}

Status Cache::record_duration(const std::string& source, double seconds) {
  const std::lock_guard lock(state_->mutex);
  Statement duration(state_->db.get(),
                     "INSERT OR REPLACE INTO durations (source, seconds) VALUES (?1, ?2)");
  duration.bind(1, source).bind(2, seconds);
  if (duration.step() != SQLITE_DONE) return Error{duration.message(), state_->file.string()};
  return Done{};
}

std::map<std::string, double> Cache::durations() {
  const std::lock_guard lock(state_->mutex);
  std::map<std::string, double> found;
  Statement select(state_->db.get(), "SELECT source, seconds FROM durations");
  while (select.step() == SQLITE_ROW)
    found[select.text(0)] = select.real(1);
  return found;
}

CacheInfo Cache::info() {
  const std::lock_guard lock(state_->mutex);
  CacheInfo info;
  info.file = state_->file;
  Statement runs(state_->db.get(), "SELECT count(*) FROM runs");
  if (runs.step() == SQLITE_ROW) info.entries = static_cast<std::size_t>(runs.integer(0));
  Statement conversions(state_->db.get(), "SELECT count(*) FROM conversions");
  if (conversions.step() == SQLITE_ROW) {
    info.conversions = static_cast<std::size_t>(conversions.integer(0));
  }
  Statement durations(state_->db.get(), "SELECT count(*) FROM durations");
  if (durations.step() == SQLITE_ROW) {
    info.durations = static_cast<std::size_t>(durations.integer(0));
  }
  std::error_code error;
  for (const char* suffix : {"", "-wal"}) {
    const std::uintmax_t size = fs::file_size(state_->file.string() + suffix, error);
    if (!error) info.bytes += size;
  }
  return info;
}

Status Cache::clear() {
  const std::lock_guard lock(state_->mutex);
  sqlite3* db = state_->db.get();
  Transaction transaction(db);
  if (!transaction.begun()) return Error{sqlite3_errmsg(db), state_->file.string()};
  if (Status removed =
          exec(db, "DELETE FROM runs; DELETE FROM durations; DELETE FROM conversions;");
      !removed) {
    return Error{removed.error().message, state_->file.string()};
  }
  if (Status committed = transaction.commit(); !committed) return committed;
  (void)exec(db, "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;");
  return Done{};
}

} // namespace docnb
