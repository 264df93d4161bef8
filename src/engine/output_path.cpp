#include "engine/output_path.hpp"

namespace docnb {
namespace fs = std::filesystem;

fs::path output_path_for(const fs::path& source, const fs::path& out_dir) {
  std::error_code error;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(source), error);
  fs::path relative = absolute.lexically_relative(fs::current_path(error));
  if (relative.empty() || *relative.begin() == "..") relative = absolute.relative_path();
  // Text sources are published as notebooks too: intro.md -> intro.ipynb.
  return out_dir / relative.replace_extension(".ipynb");
}

} // namespace docnb
