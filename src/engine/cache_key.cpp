#include "engine/cache_key.hpp"

#include "client/gateway_client.hpp"
#include "support/atomic_file.hpp"
#include "support/sha256.hpp"

#include <array>

namespace docnb {
namespace fs = std::filesystem;

namespace {

// Cell metadata that records how a cell was viewed or when it last ran, never how it runs.
constexpr std::array volatile_metadata{"execution", "collapsed", "scrolled", "jupyter",
                                       "ExecuteTime"};

} // namespace

std::string depends_digest(const fs::path& root, const std::vector<fs::path>& files) {
  Sha256 digest;
  for (const fs::path& file : files) {
    digest.field(file.generic_string());
    const Result<std::string> content = read_file_bytes(root / file);
    digest.field(content ? sha256_hex(*content) : "<unreadable>");
  }
  return digest.hex();
}

std::string code_cells_fingerprint(const Notebook& notebook) {
  Json cells = Json::array();
  for (const Json& cell : notebook.cells()) {
    if (cell.value("cell_type", "") != "code") continue;
    Json metadata = cell.value("metadata", Json::object());
    if (metadata.is_object()) {
      for (const char* key : volatile_metadata)
        metadata.erase(key);
    }
    cells.push_back({cell.value("source", ""), metadata});
  }
  return cells.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string plan_fingerprint(const check::DoctestPlan& plan, const Notebook& notebook) {
  Json cells = Json::array();
  for (std::size_t index = 0; index < plan.cells.size(); ++index) {
    // Keyed by code cell, as code_cells_fingerprint is: a markdown edit is a hit.
    if (notebook.cells().at(index).value("cell_type", "") != "code") continue;
    const std::optional<check::CellDoctest>& cell = plan.cells[index];
    if (!cell) {
      cells.push_back(nullptr);
      continue;
    }
    cells.push_back({cell->skip ? Json(*cell->skip) : Json(),
                     cell->invalid ? Json(*cell->invalid) : Json(),
                     cell->options.timeout ? Json(cell->options.timeout->count()) : Json()});
  }
  return cells.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string cache_key(const CacheKeyParts& parts) {
  Sha256 digest;
  for (const std::string* part : {&parts.version, &parts.source, &parts.kernel, &parts.config,
                                  &parts.depends, &parts.own_file, &parts.cells, &parts.plan}) {
    digest.field(*part);
  }
  return digest.hex();
}

// The configuration that can change what a kernel produces. Comparison options are left out
// on purpose: a hit is judged again with the options of the run serving it.
std::string execution_fingerprint(const RunConfig& config) {
  const ExecuteOptions& execute = config.execute;
  // What decides which packages a kernel imports.
  const auto variable = [&config](const char* name) -> Json {
    const auto value = config.kernel_environment.find(name);
    return value != config.kernel_environment.end() ? Json(value->second) : Json();
  };
  return Json{{"python", config.python_executable},
              {"virtual_env", variable("VIRTUAL_ENV")},
              {"python_path", variable("PYTHONPATH")},
              {"python_home", variable("PYTHONHOME")},
              {"timeout", execute.cell_timeout ? execute.cell_timeout->count() : -1},
              {"interrupt_grace", execute.interrupt_grace.count()},
              {"stdin", execute.stdin_text ? Json(*execute.stdin_text) : Json()},
              {"record_timing", execute.record_timing},
              {"max_output_bytes", execute.max_output_bytes},
              {"fail_on_truncated_output", execute.fail_on_truncated_output},
              {"lax", config.check.mode == check::CompareMode::lax},
              {"exit_first", config.exit_first_per_notebook},
              // A fresh kernel per example leaves no module state from one to the next.
              {"fresh_kernel_per_example", config.fresh_kernel_per_example},
              // A module imported before the kernel starts prints nothing when a cell imports
              // it (a warning at import goes to the server's log), and reads its configuration
              // in docnb's folder and environment: what a cell prints can change. Without
              // forking nothing is preloaded; forking itself changes nothing a cell sees.
              {"preload", config.fork ? Json(config.preload) : Json::array()}}
      .dump();
}

namespace {

// A gateway's kernel is known by the gateway's URL, the kernelspec it describes, the folder it
// runs in there and the KERNEL_* variables it is started with (which pick, on Enterprise
// Gateway, its image or namespace).
Json gateway_fingerprint(const KernelLaunch& launch) {
  const GatewaySettings& settings = launch.gateway->settings();
  Json variables = Json::object();
  for (const auto& [key, value] : launch.environment) {
    if (key.starts_with("KERNEL_")) variables[key] = value;
  }
  return {{"url", launch.gateway->http().url().describe()},
          {"cwd", settings.cwd ? Json(remote_folder(*settings.cwd, launch.cwd, settings.local_root))
                               : Json()},
          {"kernel_env", std::move(variables)},
          {"language", launch.spec.language},
          {"metadata", launch.spec.metadata}};
}

} // namespace

std::string kernel_fingerprint(const KernelLaunch& launch) {
  Json fingerprint = {{"name", launch.spec.name},
                      {"argv", launch.spec.argv},
                      {"env", launch.spec.env},
                      {"interrupt_mode", launch.spec.interrupt_mode},
                      {"extra", launch.extra_arguments}};
  if (launch.gateway != nullptr) fingerprint["gateway"] = gateway_fingerprint(launch);
  return fingerprint.dump();
}

} // namespace docnb
