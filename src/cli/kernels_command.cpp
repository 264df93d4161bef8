#include "cli/commands.hpp"
#include "cli/kernel_search.hpp"

#include <iostream>

namespace docnb::cli {

std::function<int()> add_kernels_command(CLI::App& app) {
  CLI::App* command = app.add_subcommand("kernels", "List the Jupyter kernelspecs docnb can use");
  auto kernel_path = std::make_shared<std::vector<std::filesystem::path>>();
  command
      ->add_option("--kernel-path", *kernel_path,
                   "Folder of kernelspecs to search instead of Jupyter's (repeatable)")
      ->allow_extra_args(false);
  return [kernel_path] {
    std::vector<Error> problems;
    const std::vector<KernelSpec> specs =
        find_kernelspecs(kernel_search_folders(*kernel_path), &problems);
    for (const KernelSpec& spec : specs) {
      std::cout << spec.name << "\t" << spec.display_name << "\t" << spec.directory.string()
                << "\n";
    }
    for (const Error& problem : problems)
      std::cerr << "warning: " << problem.describe() << "\n";
    if (specs.empty()) std::cerr << "docnb: no kernelspecs found\n";
    return 0;
  };
}

} // namespace docnb::cli
