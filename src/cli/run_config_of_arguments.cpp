#include "check/float_tolerance.hpp"
#include "check/sanitize_rules.hpp"
#include "check/sanitizer.hpp"
#include "cli/kernel_search.hpp"
#include "cli/run_arguments.hpp"
#include "client/process.hpp"
#include "engine/project_config.hpp"
#include "engine/project_files.hpp"

#include <Python.h>
#include <cstdlib>
#include <iostream>

namespace docnb::cli {
namespace {

bool env_is_true(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && std::string_view(value) == "true";
}

// --check, or CI=true, promises that no source is written, so --update contradicts it.
Result<SourceWrites> source_writes(const RunArguments& args, bool colour) {
  const bool check = args.check || env_is_true("CI");
  if (check && args.update) {
    return Error{args.check ? "--update writes sources; --check never does"
                            : "--update writes sources; CI=true implies --check, which never "
                              "does (unset CI to update)",
                 "--update"};
  }
  return SourceWrites{args.update, args.diff, colour};
}

std::chrono::milliseconds to_millis(double seconds) {
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
}

// Sanitizer rules from files (in order), then the built-in ones asked for by name.
Result<check::Sanitizer> build_sanitizer(const RunArguments& args) {
  std::vector<check::SanitizeRule> rules;
  for (const std::filesystem::path& file : args.sanitize_files) {
    Result<std::vector<check::SanitizeRule>> read = check::read_sanitize_file(file);
    if (!read) return read.error();
    rules.insert(rules.end(), read->begin(), read->end());
  }
  for (const std::string& name : args.sanitize_names) {
    Result<std::vector<check::SanitizeRule>> builtin = check::builtin_sanitize_rules(name);
    if (!builtin) return builtin.error();
    rules.insert(rules.end(), builtin->begin(), builtin->end());
  }
  return check::Sanitizer::compile(rules);
}

// How outputs are compared and whether sources are written.
Status apply_check_options(const RunArguments& args, bool colour, RunConfig& config) {
  config.check.mode = args.lax ? check::CompareMode::lax : check::CompareMode::strict;
  config.check.compare.fields.check_images = args.check_images;
  config.check.compare.fields.skip_keys = args.skip_compare;
  config.check.compare.diff_style.color = colour;
  if (!args.float_tolerance.empty()) {
    Result<check::FloatTolerance> tolerance = check::parse_float_tolerance(args.float_tolerance);
    if (!tolerance) return Error{tolerance.error().message, "--float-tolerance"};
    config.check.compare.float_tolerance = *tolerance;
  }
  Result<SourceWrites> writes = source_writes(args, colour);
  if (!writes) return writes.error();
  config.source_writes = *writes;
  for (const std::string& flag : args.flags) {
    config.requirement_flags.insert(flag.starts_with("-") ? flag : "--" + flag);
  }
  Result<check::Sanitizer> sanitizer = build_sanitizer(args);
  if (!sanitizer) return sanitizer.error();
  config.check.compare.sanitizer = std::move(sanitizer).value();
  return Done{};
}

// --python-path must hold site-packages for the Python docnb's kernels run (the one docnb was
// built with), as docnb-kernel looks for them.
Status check_environment(const std::filesystem::path& environment) {
  const std::string version =
      "python" + std::to_string(PY_MAJOR_VERSION) + "." + std::to_string(PY_MINOR_VERSION);
  std::error_code ignored;
  for (const std::filesystem::path& packages :
       {environment / "lib" / version / "site-packages",
        environment / "lib" / "python3" / "dist-packages"}) {
    if (std::filesystem::is_directory(packages, ignored)) return Done{};
  }
  return Error{"no lib/" + version + "/site-packages: not an environment of this Python",
               "--python-path " + environment.string()};
}

} // namespace

Result<RunConfig> to_config(const RunArguments& args, bool colour) {
  RunConfig config;
  // `docnb run --module torch` is xdoctest's `xdoctest torch`: the module alone is a target.
  if (args.paths.empty() && args.docstrings.modules.empty()) {
    return Error{"nothing to run: give paths or --module", ""};
  }
  // `path::callname:N` selects one docstring example, as xdoctest's command line does.
  for (const std::filesystem::path& path : args.paths) {
    const std::optional<ExampleId> example = ExampleId::parse(path.string());
    if (example && example->kind() == ExampleId::Kind::named) {
      config.paths.emplace_back(example->file());
      config.selected_examples[canonical_source(example->file())].insert(example->local_name());
    } else {
      config.paths.push_back(path);
    }
  }
  config.project_root = find_project_root(std::filesystem::current_path());
  Result<ProjectConfig> project = read_project_config(config.project_root);
  if (!project) return project.error();
  for (const std::string& warning : project->warnings)
    std::cerr << "docnb: warning: " << warning << "\n";
  DocstringArguments docstrings = args.docstrings;
  with_project_config(docstrings, *project);
  if (Status checked = check_docstring_options(docstrings); !checked) return checked.error();
  config.convert.docstrings = to_docstring_options(docstrings);
  std::vector<std::string> rule_warnings;
  Result<converters::SourceRules> rules =
      to_source_rules(args.rules, *project, docstrings, rule_warnings);
  if (!rules) return rules.error();
  for (const std::string& warning : rule_warnings)
    std::cerr << "docnb: warning: " << warning << "\n";
  config.convert.rules = std::move(rules).value();
  Result<std::vector<std::filesystem::path>> modules = module_files(docstrings);
  if (!modules) return modules.error();
  config.paths.insert(config.paths.end(), modules->begin(), modules->end());
  config.out_dir = args.out_dir;
  if (!args.kernel.empty()) config.kernel_name = args.kernel;
  config.kernel_search = kernel_search_folders(args.kernel_path);
  config.strict_kernel = args.strict_kernel;
  config.python_executable = args.python;
  config.kernel_environment = current_environment();
  if (!args.python_path.empty()) {
    // An environment the kernels cannot use would be ignored silently by them.
    if (Status usable = check_environment(args.python_path); !usable) return usable.error();
    // VIRTUAL_ENV is how a Python kernel learns of the project's environment (docnb-kernel and
    // IPython both read it).
    config.kernel_environment["VIRTUAL_ENV"] = std::filesystem::absolute(args.python_path);
  }
  config.startup_timeout = to_millis(args.startup_timeout);
  config.jobs = args.jobs;
  if (args.timeout > 0) config.execute.cell_timeout = to_millis(args.timeout);
  config.execute.interrupt_grace = to_millis(args.interrupt_grace);
  apply_limits(args.limits, *project, config);
  if (args.stdin_given) config.execute.stdin_text = args.stdin_text;
  config.exit_first_per_notebook = args.exit_first;
  config.use_cache = !args.no_cache;
  config.depends = project->depends;
  config.depends.insert(config.depends.end(), args.depends.begin(), args.depends.end());
  config.fresh_kernel_per_example = args.fresh_kernel_per_example;
  config.split_min_seconds = args.split_min_seconds;
  config.fork = !args.no_fork && project->fork.value_or(true);
  config.preload =
      !args.preload.empty() ? args.preload : project->preload.value_or(std::vector<std::string>{});
  config.keep_cell_contents = !args.json_file.empty() || !args.html_file.empty();
  Result<GatewaySettings> gateway =
      gateway_settings(args.gateway, project->gateway_url, config.startup_timeout);
  if (!gateway) return gateway.error();
  config.gateway = std::move(gateway).value();
  config.record_durations = args.shard.empty();
  if (Status checked = apply_check_options(args, colour, config); !checked) return checked.error();
  if (!args.gallery_patterns.empty()) {
    config.convert.gallery_patterns = args.gallery_patterns;
  } else if (project->gallery_patterns) {
    config.convert.gallery_patterns = *project->gallery_patterns;
  }
  config.convert.txt_as_rst = args.txt_as_rst || project->txt_as_rst.value_or(false);
  return config;
}

} // namespace docnb::cli
