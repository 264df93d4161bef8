// A private (0700) temporary directory, removed with everything in it when it goes away.
#pragma once

#include "support/result.hpp"

#include <filesystem>
#include <string_view>

namespace docnb {

class TempDir {
public:
  // Created under $XDG_RUNTIME_DIR when set, else the system temp folder.
  static Result<TempDir> create(std::string_view prefix);

  TempDir(TempDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  TempDir& operator=(TempDir&& other) noexcept;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
  explicit TempDir(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

} // namespace docnb
