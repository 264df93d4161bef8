#include "converters/sphinx_conf.hpp"

#include "converters/python_runtime.hpp"

#include <map>

namespace docnb::converters {

Result<SphinxConf> parse_sphinx_conf(std::string_view text, const std::string& path) {
  return python::with_python([&]() -> Result<SphinxConf> {
    try {
      const auto [values, warnings] =
          python::helpers()
              .attr("read_sphinx_conf")(std::string(text), path)
              .cast<std::pair<std::map<std::string, std::string>, std::vector<std::string>>>();
      SphinxConf conf;
      const auto value = [&](const char* key) -> std::optional<std::string> {
        const auto found = values.find(key);
        return found == values.end() ? std::nullopt : std::optional(found->second);
      };
      conf.global_setup = value("doctest_global_setup");
      conf.global_cleanup = value("doctest_global_cleanup");
      conf.default_flags = value("doctest_default_flags");
      conf.warnings = warnings;
      return conf;
    } catch (pybind11::error_already_set& ex) {
      return Error{std::string("cannot read it: ") + ex.what(), path};
    }
  });
}

} // namespace docnb::converters
