// An option whose value is one of a few words.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace docnb::cli {

// Adds `name` to `command`; a value other than `choices` is a usage error that lists them.
template <typename Target>
CLI::Option* add_choice(CLI::App& command, const std::string& name, Target& target,
                        const std::string& help, std::vector<std::string> choices) {
  return command.add_option(name, target, help)->check(CLI::IsMember(std::move(choices)));
}

} // namespace docnb::cli
