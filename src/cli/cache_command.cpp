// `docnb cache info|clear`: what the content cache of this project holds, and emptying it.
#include "cli/commands.hpp"
#include "engine/cache.hpp"
#include "engine/project_files.hpp"

#include <iostream>
#include <memory>

namespace docnb::cli {
namespace {

struct CacheArguments {
  std::string action;
};

int run_cache(const CacheArguments& args) {
  const std::filesystem::path root = find_project_root(std::filesystem::current_path());
  std::error_code ignored;
  if (!std::filesystem::exists(cache_path(root), ignored)) {
    // Looking is no reason to create one.
    std::cout << "cache: none yet (" << cache_path(root).string() << ")\n"
              << "project root: " << root.string() << "\n";
    return 0;
  }
  std::vector<std::string> warnings;
  Result<Cache> cache = Cache::open(cache_path(root), warnings);
  for (const std::string& warning : warnings)
    std::cerr << "docnb: warning: " << warning << "\n";
  if (!cache) {
    std::cerr << "docnb: error: " << cache.error().describe() << "\n";
    return 2;
  }
  if (args.action == "clear") {
    if (Status cleared = cache->clear(); !cleared) {
      std::cerr << "docnb: error: " << cleared.error().describe() << "\n";
      return 2;
    }
    std::cout << "docnb: cleared " << cache->file().string() << "\n";
    return 0;
  }
  const CacheInfo info = cache->info();
  std::cout << "cache: " << info.file.string() << "\n"
            << "project root: " << root.string() << "\n"
            << "stored runs: " << info.entries << "\n"
            << "recorded durations: " << info.durations << "\n"
            << "converted modules: " << info.conversions << "\n"
            << "size: " << info.bytes << " bytes\n";
  return 0;
}

} // namespace

std::function<int()> add_cache_command(CLI::App& app) {
  CLI::App* command =
      app.add_subcommand("cache", "Inspect or clear the content cache (.docnb/cache.sqlite)");
  auto args = std::make_shared<CacheArguments>();
  command->add_option("action", args->action, "info: what it holds; clear: empty it")
      ->required()
      ->check(CLI::IsMember({"info", "clear"}));
  return [args] { return run_cache(*args); };
}

} // namespace docnb::cli
