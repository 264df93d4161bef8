#include "cli/commands.hpp"
#include "cli/gateway_arguments.hpp"
#include "cli/kernel_search.hpp"
#include "engine/project_config.hpp"
#include "engine/project_files.hpp"

#include <iostream>

namespace docnb::cli {

namespace {

int list_local(const std::vector<std::filesystem::path>& kernel_path) {
  std::vector<Error> problems;
  const std::vector<KernelSpec> specs =
      find_kernelspecs(kernel_search_folders(kernel_path), &problems);
  for (const KernelSpec& spec : specs) {
    std::cout << spec.name << "\t" << spec.display_name << "\t" << spec.directory.string() << "\n";
  }
  for (const Error& problem : problems)
    std::cerr << "warning: " << problem.describe() << "\n";
  if (specs.empty()) std::cerr << "docnb: no kernelspecs found\n";
  return 0;
}

// The gateway's kernelspecs: name, display name, and the gateway (its default marked).
int list_remote(const GatewayClient& gateway) {
  for (const KernelSpec& spec : gateway.kernelspecs()) {
    std::cout << spec.name << "\t" << spec.display_name << "\t" << gateway.http().url().describe()
              << (spec.name == gateway.default_kernel() ? " (default)" : "") << "\n";
  }
  if (gateway.kernelspecs().empty()) std::cerr << "docnb: the gateway has no kernelspecs\n";
  return 0;
}

} // namespace

std::function<int()> add_kernels_command(CLI::App& app) {
  CLI::App* command = app.add_subcommand("kernels", "List the Jupyter kernelspecs docnb can use");
  auto kernel_path = std::make_shared<std::vector<std::filesystem::path>>();
  auto gateway = std::make_shared<GatewayArguments>();
  command
      ->add_option("--kernel-path", *kernel_path,
                   "Folder of kernelspecs to search instead of Jupyter's (repeatable)")
      ->allow_extra_args(false);
  add_gateway_options(*command, *gateway, /*with_cwd=*/false);
  return [kernel_path, gateway] {
    const Result<ProjectConfig> project =
        read_project_config(find_project_root(std::filesystem::current_path()));
    const std::optional<std::string> project_url =
        project ? project->gateway_url : std::optional<std::string>();
    Result<GatewaySettings> settings =
        gateway_settings(*gateway, project_url, GatewaySettings{}.request_timeout);
    if (!settings) {
      std::cerr << "docnb: error: " << settings.error().describe() << "\n";
      return 2;
    }
    if (!settings->enabled()) return list_local(*kernel_path);
    Result<std::optional<GatewayClient>> client = connect_gateway(*settings);
    if (!client) {
      std::cerr << "docnb: error: " << client.error().describe() << "\n";
      return 2;
    }
    return list_remote(**client);
  };
}

} // namespace docnb::cli
