// A run's shared context for one source at a time, over a project folder of its own: what the
// tests of prepare_source and run_source hand them.
#pragma once

#include "../test_notebooks.hpp"
#include "client/kernelspec.hpp"
#include "engine/source_job.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>

namespace docnb::testing {

struct SourceJobs {
  TempDir project = TempDir::create("docnb-source-job").value();
  TempDir runtime = TempDir::create("docnb-source-job-runtime").value();
  RunConfig config = [this] {
    RunConfig run;
    run.project_root = project.path();
    run.kernel_name = "python3"; // ipykernel, as --kernel python3 asks
    run.kernel_search = kernel_search_path(current_environment());
    run.kernel_environment = current_environment();
    run.python_executable = DOCNB_PYTHON;
    run.fork = false;
    return run;
  }();
  KernelHost host;
  ForkServers fork_servers{runtime.path(), false, ForkPreload{}};
  KernelReaper reaper{std::chrono::seconds(5)};
  check::RequirementContext requirements = [] {
    check::RequirementContext context;
    context.module_available = [](const std::string&) { return true; };
    context.environment = [](const std::string&) { return std::nullopt; };
    return context;
  }();
  RunContext context{config, host, runtime.path(), fork_servers, reaper, nullptr,
                     {},     {},   requirements};

  // Writes `text` as `name` in the project; its path.
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    std::ofstream(project.path() / name, std::ios::binary) << text;
    return project.path() / name;
  }
  PreparedSource prepare(const std::filesystem::path& path) {
    return prepare_source(context, 0, path, std::nullopt);
  }
};

} // namespace docnb::testing
