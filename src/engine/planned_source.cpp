#include "engine/planned_source.hpp"

#include "engine/converted_sources.hpp"
#include "support/atomic_file.hpp"

namespace docnb {
namespace {

// With `path::name:N` on the command line, only the code cells of the named examples of that
// source stay (their namespace cells included). A name that is no example of the source is an
// input error.
Status keep_selected_examples(Notebook& notebook,
                              const std::set<std::string, std::less<>>& selected) {
  std::set<std::string, std::less<>> missing = selected;
  Json kept = Json::array();
  for (Json& cell : notebook.cells()) {
    if (cell.value("cell_type", "") != "code") continue;
    const std::optional<SourceMap> map = source_map_of(cell);
    if (!map || map->example.kind() != ExampleId::Kind::named) continue;
    const std::string name = map->example.local_name();
    if (selected.contains(name)) {
      missing.erase(name);
      kept.push_back(std::move(cell));
    }
  }
  notebook.cells() = std::move(kept);
  if (missing.empty()) return Done{};
  std::string names;
  for (const std::string& name : missing)
    names += (names.empty() ? "" : ", ") + name;
  return Error{"no example " + names + " here (`docnb list " + notebook.path.string() +
                   "` prints its examples)",
               notebook.path.string()};
}

} // namespace

Result<converters::Converted> read_and_convert(const std::filesystem::path& path,
                                               const RunConfig& config, Cache* cache) {
  Result<std::string> bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  return convert_source_cached(path, std::move(bytes).value(), config.convert, cache,
                               config.project_root);
}

std::vector<std::string> example_names(const converters::Converted& source) {
  std::vector<std::string> names;
  for (const Json& cell : source.notebook.cells()) {
    const std::optional<SourceMap> map = source_map_of(cell);
    if (!map || map->example.kind() != ExampleId::Kind::named) continue;
    std::string name = map->example.local_name();
    if (names.empty() || names.back() != name) names.push_back(std::move(name));
  }
  return names;
}

Result<PlannedSource> plan_source(converters::Converted source,
                                  const std::set<std::string, std::less<>>* selected,
                                  const check::RequirementContext& requirements) {
  if (selected != nullptr) {
    if (Status kept = keep_selected_examples(source.notebook, *selected); !kept) {
      return kept.error();
    }
  }
  PlannedSource planned{std::move(source), {}};
  planned.plan = check::plan_doctest_cells(planned.source.notebook, requirements);
  planned.plan.warnings.insert(planned.plan.warnings.begin(), planned.source.warnings.begin(),
                               planned.source.warnings.end());
  return planned;
}

} // namespace docnb
