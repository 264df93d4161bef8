// The cache key of a source: everything that decides whether executing it again could give
// other outputs, each part reduced to a string and the whole to one SHA-256 (engine/cache.hpp
// stores runs under it).
#pragma once

#include "check/doctest_plan.hpp"
#include "client/kernel_client.hpp"
#include "client/kernel_launch.hpp"
#include "engine/run_config.hpp"
#include "notebook/notebook.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace docnb {

// One digest of the named files' relative paths and contents (a missing file counts too).
std::string depends_digest(const std::filesystem::path& root,
                           const std::vector<std::filesystem::path>& files);

// What decides whether executing a source again could give other outputs.
struct CacheKeyParts {
  std::string source;  // the source's id (its path relative to the project root)
  std::string cells;   // code_cells_fingerprint()
  std::string plan;    // plan_fingerprint(): which cells run, and their time limits
  std::string kernel;  // kernel name and the resolved kernelspec (argv, env, interrupt mode)
  std::string config;  // execution configuration (timeouts, stdin, skip rules, interpreter)
  std::string depends; // depends_digest() of the declared dependencies
  // A docstring source's own file (sha256_hex of its bytes): its examples import the module,
  // so code outside the docstrings changes what they print.
  std::string own_file;
  std::string version = DOCNB_VERSION;
};

// The code cells in order, each with its source and the metadata that can change how it runs
// (everything but volatile view state and timing stamps). Markdown cells are left out: a hit
// re-writes them from the current source.
std::string code_cells_fingerprint(const Notebook& notebook);

// What the doctest plan decided before anything ran: which cells are skipped (SKIP, REQUIRES
// met or not by flags, environment and installed modules), which cannot run, and their
// TIMEOUTs, for each code cell of `notebook`. The comparison options it holds are left out:
// a hit is judged again.
std::string plan_fingerprint(const check::DoctestPlan& plan, const Notebook& notebook);

std::string cache_key(const CacheKeyParts& parts);

// The configuration that can change what a kernel produces.
std::string execution_fingerprint(const RunConfig& config);

// The kernel name and the resolved kernelspec (argv, env, interrupt mode) a source runs on;
// for a gateway's kernel, the gateway too (URL, remote folder, KERNEL_* variables).
std::string kernel_fingerprint(const KernelLaunch& launch);

} // namespace docnb
