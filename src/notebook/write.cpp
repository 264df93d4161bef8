#include "notebook/write.hpp"

#include "notebook/cell_ids.hpp"
#include "notebook/disk_form.hpp"
#include "notebook/python_json.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace docnb {
namespace {

// Owns a file descriptor; closes it unless released.
class FileDescriptor {
public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
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
    if (!path_.empty()) {
      ::unlink(path_.c_str());
    }
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

Status write_all(int fd, const std::string& text, const std::filesystem::path& path) {
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return system_error("cannot write", path);
    }
    written += static_cast<std::size_t>(n);
  }
  return Done{};
}

// Makes the rename durable: the directory entry must reach the disk too.
void sync_directory(const std::filesystem::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return; // best effort: some filesystems do not allow opening directories
  }
  ::fsync(fd);
  ::close(fd);
}

} // namespace

std::string notebook_to_text(const Notebook& notebook) {
  // nbformat.write: validate() (which repairs 4.5 cell ids), then split_lines and
  // strip_transient on a copy, then json.dumps, then a final newline.
  Json document = notebook.document;
  repair_cell_ids(document);
  split_lines(document);
  strip_transient(document);
  std::string text = dump_like_python(document);
  if (!text.ends_with('\n')) {
    text += '\n';
  }
  return text;
}

Status write_notebook(const Notebook& notebook, const std::filesystem::path& path) {
  const std::string text = notebook_to_text(notebook);
  const std::filesystem::path directory =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) {
    return Error{"cannot create directory: " + ec.message(), directory.string()};
  }

  // Created with 0666 so the umask applies as it would to a new file; an existing file's
  // mode is copied below so that rewriting a notebook never changes its permissions.
  int raw_fd = -1;
  std::filesystem::path temporary_path;
  for (int attempt = 0; raw_fd < 0 && attempt < 100; ++attempt) {
    std::string name(1, '.'); // hidden, so that watchers and globs skip it
    name += path.filename().string();
    name += ".docnb-";
    name += random_suffix();
    temporary_path = directory / name;
    raw_fd = ::open(temporary_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (raw_fd < 0 && errno != EEXIST) {
      return system_error("cannot create", temporary_path);
    }
  }
  if (raw_fd < 0) {
    return system_error("cannot create a temporary file", directory);
  }
  FileDescriptor fd(raw_fd);
  TemporaryFile temporary(temporary_path);

  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && ::fchmod(fd.get(), existing.st_mode & 07777) != 0) {
    return system_error("cannot set the mode of", temporary.path());
  }
  if (auto status = write_all(fd.get(), text, temporary.path()); !status) {
    return status;
  }
  if (::fsync(fd.get()) != 0) {
    return system_error("cannot sync", temporary.path());
  }
  if (fd.close() != 0) {
    return system_error("cannot close", temporary.path());
  }
  if (::rename(temporary.path().c_str(), path.c_str()) != 0) {
    return system_error("cannot replace", path);
  }
  temporary.keep();
  sync_directory(directory);
  return Done{};
}

} // namespace docnb
