#include "client/forkable.hpp"

#include "notebook/source_map.hpp"

#include <algorithm>

namespace docnb {
namespace {

// Python's options that take the next argument when written alone (`-W error`, `-X dev`).
bool takes_argument(std::string_view option) {
  return option == "-W" || option == "-X" || option == "--check-hash-based-pycs";
}

bool is_ipykernel_module(std::string_view module) {
  return module == "ipykernel_launcher" || module == "ipykernel";
}

} // namespace

std::optional<IpykernelCommand> ipykernel_command(const std::vector<std::string>& argv) {
  if (argv.empty()) return std::nullopt;
  IpykernelCommand command;
  command.interpreter.push_back(argv[0]);
  for (std::size_t i = 1; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg.size() < 2 || arg[0] != '-') return std::nullopt; // a script or stdin: not -m
    if (takes_argument(arg)) {
      if (i + 1 >= argv.size()) return std::nullopt;
      command.interpreter.push_back(arg);
      command.interpreter.push_back(argv[++i]);
      continue;
    }
    if (arg.starts_with("--")) return std::nullopt; // --help, --version: no kernel
    if (arg[1] == 'W' || arg[1] == 'X') {           // -Wdefault, -Xfrozen_modules=off
      command.interpreter.push_back(arg);
      continue;
    }
    // A group of one-letter flags (-Es), which may end in m (-m MODULE, -mMODULE).
    const std::size_t m = arg.find('m', 1);
    const std::string_view flags =
        std::string_view(arg).substr(1, m == std::string::npos ? m : m - 1);
    if (flags.find_first_of("cWX") != std::string_view::npos) return std::nullopt;
    if (m == std::string::npos) {
      command.interpreter.push_back(arg);
      continue;
    }
    if (m > 1) command.interpreter.push_back(arg.substr(0, m));
    if (m + 1 < arg.size()) {
      command.module = arg.substr(m + 1);
    } else if (i + 1 < argv.size()) {
      command.module = argv[++i];
    }
    command.arguments.assign(argv.begin() + static_cast<std::ptrdiff_t>(i) + 1, argv.end());
    break;
  }
  const bool connects =
      std::any_of(command.arguments.begin(), command.arguments.end(), [](const std::string& arg) {
        return arg.find("{connection_file}") != std::string::npos;
      });
  if (!is_ipykernel_module(command.module) || !connects) return std::nullopt;
  return command;
}

ForkKind fork_kind(const KernelSpec& spec) {
  if (spec.argv.empty()) return ForkKind::none;
  const auto docnb = spec.metadata.find(metadata_key);
  if (docnb != spec.metadata.end() && docnb->is_object() && docnb->value("fork_server", false)) {
    return ForkKind::docnb_kernel;
  }
  return ipykernel_command(spec.argv) ? ForkKind::ipykernel : ForkKind::none;
}

bool is_python_kernelspec(const KernelSpec& spec) {
  std::string language = spec.language;
  std::transform(language.begin(), language.end(), language.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return language == "python";
}

} // namespace docnb
