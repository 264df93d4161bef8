// Whether a module is importable by the kernels' Python, for REQUIRES(module:name): asked of
// that interpreter (importlib's find_spec, which imports nothing but parent packages) once per
// module and run, from any worker thread.
#pragma once

#include <map>
#include <mutex>
#include <string>

namespace docnb {

class ModuleProbe {
public:
  explicit ModuleProbe(std::string python_executable) : python_(std::move(python_executable)) {}

  [[nodiscard]] bool available(const std::string& module);

private:
  std::string python_;
  std::mutex mutex_;
  std::map<std::string, bool> known_;
};

} // namespace docnb
