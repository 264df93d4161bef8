// The content cache: a source whose execution inputs are unchanged is served from its stored
// executed notebook instead of a kernel; also the per-source durations that order and shard
// work, and converted docstring modules (parsing them is most of a warm run's cost). One SQLite
// file, `.docnb/cache.sqlite` under the project root.
#pragma once

#include "engine/cache_key.hpp"
#include "execute/execute_notebook.hpp"
#include "notebook/notebook.hpp"
#include "support/result.hpp"
#include "support/sha256.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace docnb {

// A stored run: the executed notebook and how each code cell ran, code cells in order.
// The largest executed notebook (its text on disk) the cache stores.
inline constexpr std::size_t max_cached_notebook_bytes = std::size_t{32} << 20;

struct CachedRun {
  Notebook notebook;
  std::vector<CellRun> cells;
  double seconds = 0; // how long the real run took
};

// Whether a run may be stored: the kernel behaved (no timeout, death, abort or cells left
// unrun).
bool kernel_behaved(const NotebookRun& run);

// The current source with the stored code cells' outputs, execution counts and timing stamps
// put in, and the cell runs re-indexed to it: what the run would have written now. nullopt
// when the code cells do not line up (then the entry is not used).
std::optional<NotebookRun> replay(const Notebook& current, const CachedRun& cached);

struct CacheInfo {
  std::filesystem::path file;
  std::size_t entries = 0;     // stored runs
  std::size_t durations = 0;   // sources and docstring examples with a recorded duration
  std::size_t conversions = 0; // converted sources kept (docstring modules)
  std::uintmax_t bytes = 0;
};

class Cache {
public:
  // Opens or creates `file`. A file that is not a valid cache (corrupt, not SQLite, another
  // schema) is never trusted: it is removed and rebuilt, and a warning says so.
  static Result<Cache> open(const std::filesystem::path& file, std::vector<std::string>& warnings);

  Cache(Cache&&) noexcept;
  Cache& operator=(Cache&&) noexcept;
  ~Cache();

  // The stored run of `source` when it was stored under `key`; nullopt on a miss or when the
  // stored entry cannot be read back intact.
  std::optional<CachedRun> lookup(const std::string& source, const std::string& key);
  // Stores a run (replacing the source's previous entry) in one transaction; `seconds`, when
  // given, is recorded as the source's duration in the same transaction. A run whose executed
  // notebook is larger than max_cached_notebook_bytes is not stored (an error says so): a
  // flood would cost the cache, and every hit, several copies of itself.
  Status store(const std::string& source, const std::string& key, const NotebookRun& run,
               std::optional<double> seconds);
  // A converted source stored under `key` (engine/converted_sources): the text given to
  // store_conversion, nullopt on a miss or when the entry does not match its digest.
  std::optional<std::string> lookup_conversion(const std::string& source, const std::string& key);
  Status store_conversion(const std::string& source, const std::string& key,
                          std::string_view converted);
  Status record_duration(const std::string& source, double seconds);
  std::map<std::string, double> durations();
  CacheInfo info();
  Status clear();

  [[nodiscard]] const std::filesystem::path& file() const;

private:
  struct State;
  explicit Cache(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Where the cache of a project lives.
std::filesystem::path cache_path(const std::filesystem::path& project_root);

// A source's id in the cache: its path relative to `root` ('/'-separated), or its absolute
// path when it lies outside.
std::string source_id(const std::filesystem::path& source, const std::filesystem::path& root);

} // namespace docnb
