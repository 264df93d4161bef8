// The doctest settings of a Sphinx project's conf.py (`--sphinx-conf PATH`), read with
// Python's `ast` (converters/python/sphinx_conf.py), never executed: doctest_global_setup,
// doctest_global_cleanup and doctest_default_flags, literal assignments only.
#pragma once

#include "support/result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docnb::converters {

struct SphinxConf {
  std::optional<std::string> global_setup;
  std::optional<std::string> global_cleanup;
  std::optional<std::string> default_flags; // in directive syntax: "+ELLIPSIS, +SKIP"
  std::vector<std::string> warnings;        // "conf.py:LINE: why a value is ignored"
};

[[nodiscard]] Result<SphinxConf> parse_sphinx_conf(std::string_view text, const std::string& path);

} // namespace docnb::converters
