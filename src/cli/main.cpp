// docnb: keeps documentation examples honest.
#include "cli/commands.hpp"

#include <iostream>

int main(int argc, char** argv) {
  CLI::App app{"docnb: execute documentation examples in Jupyter kernels and check their outputs"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("docnb ") + DOCNB_VERSION);
  const auto run = docnb::cli::add_run_command(app, std::vector<std::string>(argv, argv + argc));
  const auto kernels = docnb::cli::add_kernels_command(app);
  const auto cache = docnb::cli::add_cache_command(app);
  const auto convert = docnb::cli::add_convert_command(app);
  const auto list = docnb::cli::add_list_command(app);
  const auto report = docnb::cli::add_report_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : 2; // usage errors are exit code 2, as for bad input
  }
  if (app.got_subcommand("run")) return run();
  if (app.got_subcommand("kernels")) return kernels();
  if (app.got_subcommand("cache")) return cache();
  if (app.got_subcommand("convert")) return convert();
  if (app.got_subcommand("list")) return list();
  if (app.got_subcommand("report")) return report();
  return 2;
}
