#include "check/requirements.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

namespace docnb::check {

namespace {

// What sys.platform, os.name and platform.python_implementation() say on the machines docnb
// runs on: kernels run beside docnb, on Linux under CPython.
constexpr std::array<std::string_view, 6> platform_tags = {"win32",  "linux", "darwin",
                                                           "cywgin", "aix",   "freebsd"};
constexpr std::array<std::string_view, 3> os_tags = {"posix", "nt", "java"};
constexpr std::array<std::string_view, 4> implementation_tags = {"cpython", "ironpython", "jython",
                                                                 "pypy"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& tags, std::string_view tag) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

Result<bool> environment_requirement(std::string_view expression,
                                     const RequirementContext& context) {
  if (expression.find(':') != std::string_view::npos) {
    return Error{"env REQUIRES directive has too many parts: env:" + std::string(expression), {}};
  }
  for (const std::string_view op : {"==", "!="}) {
    if (const auto at = expression.find(op); at != std::string_view::npos) {
      const std::optional<std::string> value =
          context.environment(std::string(expression.substr(0, at)));
      const bool equal = value && *value == expression.substr(at + 2);
      return op == "==" ? equal : !equal;
    }
  }
  if (expression.find(">=") != std::string_view::npos) {
    return Error{"env REQUIRES directive supports == and != only: env:" + std::string(expression),
                 {}};
  }
  const std::optional<std::string> value = context.environment(std::string(expression));
  return value && !value->empty();
}

} // namespace

RequirementContext
host_requirement_context(std::set<std::string, std::less<>> flags,
                         std::function<bool(const std::string& module)> module_available) {
  RequirementContext context;
  context.flags = std::move(flags);
  context.module_available = std::move(module_available);
  context.environment = [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str()); // NOLINT(concurrency-mt-unsafe): read-only
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
  return context;
}

Result<bool> requirement_met(std::string_view requirement, const RequirementContext& context) {
  if (requirement.starts_with("-")) return context.flags.contains(requirement);
  if (requirement.starts_with("module:")) {
    const std::string_view module = requirement.substr(7);
    if (module.empty() || module.find(':') != std::string_view::npos) {
      return Error{"module REQUIRES directive needs one module name: " + std::string(requirement),
                   {}};
    }
    return context.module_available && context.module_available(std::string(module));
  }
  if (requirement.starts_with("env:")) {
    return environment_requirement(requirement.substr(4), context);
  }
  std::string tag(requirement);
  std::transform(tag.begin(), tag.end(), tag.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (contains(platform_tags, tag)) return tag == "linux";
  if (contains(os_tags, tag)) return tag == "posix";
  if (contains(implementation_tags, tag)) return tag == "cpython";
  if (tag == "py2" || tag == "py3") return tag == "py3";
  return Error{"REQUIRES takes a platform tag (linux, win32, ...), a --flag, module:NAME or "
               "env:VAR[==|!=value], not '" +
                   std::string(requirement) + "'",
               {}};
}

} // namespace docnb::check
