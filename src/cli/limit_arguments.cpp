#include "cli/limit_arguments.hpp"

#include "cli/choice_option.hpp"

namespace docnb::cli {

void add_limit_options(CLI::App& command, LimitArguments& args) {
  command.add_option("--max-output-bytes", args.max_output_bytes,
                     "Bytes of output one cell may keep (0: no bound; default 64 MiB); past it "
                     "the output is truncated with a note of what was dropped");
  add_choice(command, "--max-output-action", args.max_output_action,
             "What a truncated output does to its cell: fail (default) or warn", {"fail", "warn"});
  command
      .add_option("--shutdown-grace", args.shutdown_grace,
                  "Seconds a kernel has to shut down (shutdown_request, then SIGTERM) before it "
                  "is killed")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

void apply_limits(const LimitArguments& args, const ProjectConfig& project, RunConfig& config) {
  config.execute.max_output_bytes =
      args.max_output_bytes.value_or(project.max_output_bytes.value_or(default_max_output_bytes));
  const std::string action =
      args.max_output_action.value_or(project.max_output_action.value_or("fail"));
  config.execute.fail_on_truncated_output = action != "warn";
  config.shutdown_grace =
      std::chrono::milliseconds(static_cast<long long>(args.shutdown_grace * 1000.0));
}

} // namespace docnb::cli
