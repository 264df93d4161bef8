#include "support/temp_dir.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

namespace docnb {
namespace fs = std::filesystem;

Result<TempDir> TempDir::create(std::string_view prefix) {
  fs::path base;
  if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"); runtime != nullptr && *runtime) {
    base = runtime;
  } else {
    std::error_code error;
    base = fs::temp_directory_path(error);
    if (error) base = "/tmp";
  }
  std::string pattern = (base / (std::string(prefix) + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) { // mkdtemp creates the folder 0700
    return Error{std::strerror(errno), pattern};
  }
  return TempDir(fs::path(pattern));
}

TempDir& TempDir::operator=(TempDir&& other) noexcept {
  if (this != &other) {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
    path_ = std::move(other.path_);
    other.path_.clear();
  }
  return *this;
}

TempDir::~TempDir() {
  std::error_code ignored;
  if (!path_.empty()) fs::remove_all(path_, ignored);
}

} // namespace docnb
