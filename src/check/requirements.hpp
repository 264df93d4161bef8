// xdoctest's REQUIRES(...) arguments, decided as xdoctest decides them.
//
// `--flag` (given to docnb with --flag), `module:name` (importable by the kernel's Python),
// `env:VAR` (set and non-empty), `env:VAR==v`, `env:VAR!=v`, and the platform tags
// (`linux`, `win32`, `darwin`, `posix`, `nt`, `cpython`, `pypy`, `py3`, ...). Anything else is
// an error, as in xdoctest.
#pragma once

#include "support/result.hpp"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace docnb::check {

struct RequirementContext {
  std::set<std::string, std::less<>> flags; // e.g. "--cuda"
  std::function<bool(const std::string& module)> module_available;
  std::function<std::optional<std::string>(const std::string& name)> environment;
};

// The context of this process: its environment, Linux, CPython 3.
[[nodiscard]] RequirementContext
host_requirement_context(std::set<std::string, std::less<>> flags,
                         std::function<bool(const std::string& module)> module_available);

// Whether the requirement holds; an error for a form xdoctest does not know.
[[nodiscard]] Result<bool> requirement_met(std::string_view requirement,
                                           const RequirementContext& context);

} // namespace docnb::check
