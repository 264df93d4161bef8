#include "client/remote_kernel_choice.hpp"

#include <algorithm>
#include <optional>

namespace docnb {
namespace {

bool is_python_spec(const KernelSpec& spec) {
  std::string language = spec.language;
  std::transform(language.begin(), language.end(), language.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return language.starts_with("python");
}

// The gateway's own default when it is a Python kernel, else its first Python kernel.
std::optional<std::string> python_kernel(const std::vector<KernelSpec>& specs,
                                         const std::string& default_name) {
  const auto is_default = [&](const KernelSpec& spec) { return spec.name == default_name; };
  if (const auto found = std::find_if(specs.begin(), specs.end(), is_default);
      found != specs.end() && is_python_spec(*found)) {
    return found->name;
  }
  if (const auto found = std::find_if(specs.begin(), specs.end(), is_python_spec);
      found != specs.end()) {
    return found->name;
  }
  return std::nullopt;
}

} // namespace

Result<std::string> choose_remote_kernel(const KernelRequest& request,
                                         const std::vector<KernelSpec>& specs,
                                         const std::string& default_name) {
  std::vector<std::string> names;
  for (const KernelSpec& spec : specs)
    names.push_back(spec.name);
  const bool has_own = std::find(names.begin(), names.end(), default_kernel_name) != names.end();
  const std::optional<std::string> python = python_kernel(specs, default_name);
  if (has_own || !python) return choose_kernel(request, names);
  std::vector<std::string> with_stand_in = names;
  with_stand_in.emplace_back(default_kernel_name);
  Result<std::string> chosen = choose_kernel(request, with_stand_in);
  if (!chosen) return choose_kernel(request, names); // its message lists what is really there
  if (*chosen == default_kernel_name && !request.override_name) return *python;
  return chosen;
}

} // namespace docnb
