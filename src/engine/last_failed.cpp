#include "engine/last_failed.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace docnb {
namespace fs = std::filesystem;

namespace {

fs::path key_of(const fs::path& source) {
  std::error_code error;
  return fs::weakly_canonical(fs::absolute(source), error);
}

} // namespace

fs::path last_failed_path(const fs::path& cwd) {
  return cwd / ".docnb" / "last-failed.json";
}

std::optional<std::set<fs::path>> read_last_failed(const fs::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  const nlohmann::json record = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded() || !record.contains("sources") || !record["sources"].is_array()) {
    return std::nullopt;
  }
  std::set<fs::path> failed;
  for (const nlohmann::json& source : record["sources"]) {
    if (source.is_object() && source.value("path", "") != "") {
      failed.insert(key_of(source["path"].get<std::string>()));
    }
  }
  if (failed.empty()) return std::nullopt; // nothing failed last time: run everything
  return failed;
}

Status write_last_failed(const fs::path& file, const std::vector<SourceResult>& results) {
  nlohmann::json sources = nlohmann::json::array();
  for (const SourceResult& result : results) {
    if (!result.failed()) continue;
    nlohmann::json examples = nlohmann::json::array();
    for (const Verdict& verdict : result.verdicts) {
      if (verdict.outcome == Outcome::failed) examples.push_back(verdict.example.str());
    }
    sources.push_back({{"path", key_of(result.source).string()}, {"examples", examples}});
  }
  std::error_code error;
  fs::create_directories(file.parent_path(), error);
  const fs::path temporary = file.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << nlohmann::json{{"sources", sources}}.dump(1) << "\n";
    if (!out) return Error{"cannot write", temporary.string()};
  }
  fs::rename(temporary, file, error);
  if (error) return Error{error.message(), file.string()};
  return Done{};
}

std::vector<fs::path> select_last_failed(const std::vector<fs::path>& sources,
                                         const std::optional<std::set<fs::path>>& failed) {
  if (!failed) return sources;
  std::vector<fs::path> selected;
  for (const fs::path& source : sources) {
    if (failed->contains(key_of(source))) selected.push_back(source);
  }
  return selected;
}

} // namespace docnb
