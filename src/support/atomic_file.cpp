#include "support/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace docnb {
namespace {

// Owns a file descriptor; closes it unless closed explicitly.
class FileDescriptor {
public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const { return fd_; }
  // close() reports deferred write errors, so the caller checks it instead of the destructor.
  int close() { return ::close(std::exchange(fd_, -1)); }

private:
  int fd_;
};

// A temporary file that is removed unless it was renamed into place.
class TemporaryFile {
public:
  explicit TemporaryFile(std::filesystem::path path) : path_(std::move(path)) {}
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  void keep() { path_.clear(); }

private:
  std::filesystem::path path_;
};

Error system_error(const std::string& what, const std::filesystem::path& path) {
  return Error{what + ": " + std::strerror(errno), path.string()};
}

std::string random_suffix() {
  std::mt19937_64 generator{std::random_device{}()};
  return std::to_string(generator() % 1'000'000'000ULL);
}

// `path` is the file being written: errors name it, never the hidden temporary beside it,
// which is gone by the time the user reads the message.
Status write_all(int fd, std::string_view text, const std::filesystem::path& path) {
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return system_error("cannot write", path);
    written += static_cast<std::size_t>(n);
  }
  return Done{};
}

// Makes the rename durable: the directory entry must reach the disk too.
void sync_directory(const std::filesystem::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return; // best effort: some filesystems do not allow opening directories
  ::fsync(fd);
  ::close(fd);
}

// Hidden (watchers and globs skip it) and in the target's directory (rename stays atomic).
Result<std::pair<int, std::filesystem::path>> create_temporary(const std::filesystem::path& path,
                                                               const std::filesystem::path& dir) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name(1, '.');
    name += path.filename().string();
    name += ".docnb-";
    name += random_suffix();
    const std::filesystem::path candidate = dir / name;
    // 0666 so that the umask applies as it would to a new file.
    const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return std::pair{fd, candidate};
    if (errno != EEXIST) return system_error("cannot create a temporary file beside it", path);
  }
  return system_error("cannot create a temporary file beside it", path);
}

} // namespace

Result<std::string> read_file_bytes(const std::filesystem::path& path) {
  const int raw = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (raw < 0) return system_error("cannot open", path);
  FileDescriptor fd(raw);
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return system_error("cannot read", path);
    if (n == 0) break;
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  return bytes;
}

Status write_file_atomically(const std::filesystem::path& path, std::string_view text,
                             const std::optional<std::string>& expected) {
  return write_file_atomically(
      path, [text](const PieceWriter& write) { write(text); }, expected);
}

Status write_file_atomically(const std::filesystem::path& link_or_file,
                             const std::function<void(const PieceWriter&)>& produce,
                             const std::optional<std::string>& expected) {
  // A symbolic link stays one: the file it points to is the one replaced.
  std::error_code link_error;
  const bool is_link = std::filesystem::is_symlink(
      std::filesystem::symlink_status(link_or_file, link_error)); // a missing file is no link
  const std::filesystem::path path =
      is_link ? std::filesystem::canonical(link_or_file, link_error) : link_or_file;
  if (is_link && link_error) {
    return Error{"cannot follow the link: " + link_error.message(), link_or_file.string()};
  }
  const std::filesystem::path directory =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) return Error{"cannot create directory: " + ec.message(), directory.string()};

  Result<std::pair<int, std::filesystem::path>> created = create_temporary(path, directory);
  if (!created) return created.error();
  FileDescriptor fd(created->first);
  TemporaryFile temporary(created->second);

  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && ::fchmod(fd.get(), existing.st_mode & 07777) != 0) {
    return system_error("cannot set the mode", path);
  }
  Status written = Done{};
  produce([&](std::string_view piece) {
    if (written) written = write_all(fd.get(), piece, path);
  });
  if (!written) return written;
  if (::fsync(fd.get()) != 0) return system_error("cannot sync", path);
  if (fd.close() != 0) return system_error("cannot close", path);
  // As late as possible, so that an edit made while the source ran is never lost.
  if (expected) {
    Result<std::string> current = read_file_bytes(path);
    if (!current || *current != *expected) {
      return Error{std::string(changed_on_disk_message), path.string()};
    }
  }
  if (::rename(temporary.path().c_str(), path.c_str()) != 0) {
    return system_error("cannot replace", path);
  }
  temporary.keep();
  sync_directory(directory);
  return Done{};
}

} // namespace docnb
