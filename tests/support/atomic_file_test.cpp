// write_file_atomically: the content, the mode kept, and no overwrite of a file that changed.
#include "support/atomic_file.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace docnb;

namespace {

TempDir scratch() {
  Result<TempDir> dir = TempDir::create("docnb-atomic-test");
  REQUIRE(dir.ok());
  return std::move(dir).value();
}

mode_t mode_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

std::size_t entries_in(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {}));
}

// A file-size limit for this process: write() stops part way (EFBIG) as it does on a full disk
// (ENOSPC), through the same code, without root or a small filesystem. SIGXFSZ, which would
// end the process, is ignored meanwhile.
class FileSizeLimit {
public:
  explicit FileSizeLimit(rlim_t bytes) {
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved_) == 0);
    saved_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved_;
    limited.rlim_cur = bytes;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, saved_handler_);
  }

private:
  rlimit saved_{};
  void (*saved_handler_)(int) = SIG_DFL;
};

} // namespace

TEST_CASE("atomic_file: a write cut short keeps the old file and removes the temporary",
          "[atomic_file]") {
  const TempDir dir = scratch();
  const fs::path target = dir.path() / "kept.ipynb";
  REQUIRE(write_file_atomically(target, "old bytes\n").ok());
  Status written = Done{};
  {
    const FileSizeLimit limit(4096);
    written = write_file_atomically(target, std::string(100'000, 'x'));
  }
  REQUIRE_FALSE(written.ok());
  // The message names the file the user asked for, not the hidden temporary.
  CHECK(written.error().where == target.string());
  CHECK(written.error().message == "cannot write: File too large");
  CHECK(read_file_bytes(target).value() == "old bytes\n");
  CHECK(entries_in(dir.path()) == 1);
}

TEST_CASE("atomic_file: a new file cut short is not left under its name", "[atomic_file]") {
  const TempDir dir = scratch();
  const fs::path target = dir.path() / "new.ipynb";
  Status written = Done{};
  {
    const FileSizeLimit limit(4096);
    written = write_file_atomically(target, std::string(100'000, 'x'));
  }
  REQUIRE_FALSE(written.ok());
  CHECK_FALSE(fs::exists(target));
  CHECK(entries_in(dir.path()) == 0);
}

TEST_CASE("atomic_file: a new file is created with its parents", "[atomic_file]") {
  const TempDir dir = scratch();
  const fs::path target = dir.path() / "a" / "b" / "new.txt";
  REQUIRE(write_file_atomically(target, "fresh\n").ok());
  CHECK(read_file_bytes(target).value() == "fresh\n");
  CHECK(entries_in(target.parent_path()) == 1);
}

TEST_CASE("atomic_file: replacing keeps the existing file's mode", "[atomic_file]") {
  const TempDir dir = scratch();
  const fs::path target = dir.path() / "kept.ipynb";
  REQUIRE(write_file_atomically(target, "old").ok());
  REQUIRE(::chmod(target.c_str(), 0640) == 0);
  REQUIRE(write_file_atomically(target, std::string("new\0bytes", 9)).ok());
  CHECK(read_file_bytes(target).value() == std::string("new\0bytes", 9));
  CHECK(mode_of(target) == 0640);
  CHECK(entries_in(dir.path()) == 1);
}

TEST_CASE("atomic_file: a file that changed since it was read is not overwritten",
          "[atomic_file]") {
  const TempDir dir = scratch();
  const fs::path target = dir.path() / "edited.md";
  REQUIRE(write_file_atomically(target, "edited by someone else").ok());
  const Status written = write_file_atomically(target, "ours", std::string("as we read it"));
  REQUIRE_FALSE(written.ok());
  CHECK(written.error().message == changed_on_disk_message);
  CHECK(written.error().where == target.string());
  CHECK(read_file_bytes(target).value() == "edited by someone else");
  CHECK(entries_in(dir.path()) == 1); // the temporary file is gone too
}

TEST_CASE("atomic_file: a file that still holds the bytes read is replaced", "[atomic_file]") {
  const TempDir dir = scratch();
  const fs::path target = dir.path() / "same.md";
  REQUIRE(write_file_atomically(target, "as read").ok());
  REQUIRE(write_file_atomically(target, "updated", std::string("as read")).ok());
  CHECK(read_file_bytes(target).value() == "updated");
}

TEST_CASE("atomic_file: a file deleted since it was read is not recreated", "[atomic_file]") {
  const TempDir dir = scratch();
  const fs::path target = dir.path() / "gone.md";
  CHECK_FALSE(write_file_atomically(target, "updated", std::string("as read")).ok());
  CHECK_FALSE(fs::exists(target));
}

TEST_CASE("atomic_file: reading a missing file names it", "[atomic_file]") {
  const TempDir dir = scratch();
  const Result<std::string> read = read_file_bytes(dir.path() / "missing");
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().where == (dir.path() / "missing").string());
  CHECK(read.error().message.rfind("cannot open", 0) == 0);
}

TEST_CASE("atomic_file: a symbolic link stays a link, and its target is replaced",
          "[atomic_file]") {
  const TempDir dir = scratch();
  fs::create_directories(dir.path() / "real");
  const fs::path target = dir.path() / "real" / "page.md";
  const fs::path link = dir.path() / "page.md";
  REQUIRE(write_file_atomically(target, "old\n").ok());
  fs::create_symlink(target, link);
  REQUIRE(write_file_atomically(link, "new\n", std::string("old\n")).ok());
  CHECK(fs::is_symlink(link));
  CHECK(read_file_bytes(target).value() == "new\n");
}
