#include "cli/run_arguments.hpp"

#include "cli/report_files.hpp"

namespace docnb::cli {
namespace {

using Args = std::shared_ptr<RunArguments>;

// Which sources run, and where their executed notebooks go.
void add_source_options(CLI::App& app, const Args& args) {
  app.add_option("paths", args->paths,
                 "Sources (notebooks, Markdown and rst pages, jupytext percent and "
                 "sphinx-gallery scripts), or folders to search for them (required unless "
                 "--module names one)");
  app.add_option("--gallery-pattern", args->gallery_patterns,
                 "File names of sphinx-gallery scripts (repeatable, default plot_*.py and "
                 "*_tutorial.py)")
      ->allow_extra_args(false);
  add_docstring_options(app, args->docstrings);
  add_rules_options(app, args->rules);
  app.add_flag("--txt-as-rst", args->txt_as_rst,
               "Read .txt files as reStructuredText, as Sphinx doctest does");
  app.add_option("--out", args->out_dir, "Where executed notebooks are written")
      ->capture_default_str();
}

// Which kernels run them, and the limits they run under.
void add_kernel_options(CLI::App& app, const Args& args) {
  app.add_option("--kernel", args->kernel,
                 "Kernelspec to use for every notebook (default: each notebook's own)");
  app.add_option("--kernel-path", args->kernel_path,
                 "Folder of kernelspecs to search instead of Jupyter's (repeatable)")
      ->allow_extra_args(false);
  app.add_flag("--strict-kernel", args->strict_kernel,
               "A notebook's kernelspec that is not installed is an error (default: a "
               "Python notebook runs on docnb-python, with a warning)");
  app.add_option("--timeout", args->timeout, "Seconds a cell may run (default: no limit)")
      ->check(CLI::PositiveNumber);
  app.add_option("--startup-timeout", args->startup_timeout, "Seconds a kernel has to become ready")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--interrupt-grace", args->interrupt_grace,
                 "Seconds an interrupted kernel has to go idle before it is killed")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  add_limit_options(app, args->limits);
  app.add_option("--stdin", args->stdin_text,
                 "Answer input() requests with these lines (default: input() fails)")
      ->each([args](const std::string&) { args->stdin_given = true; });
  app.add_option("-j,--jobs", args->jobs, "Notebooks run at once")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--python", args->python,
                 "Interpreter that replaces a kernelspec's bare `python3`")
      ->capture_default_str();
  app.add_option("--python-path", args->python_path,
                 "Virtual environment whose site-packages kernels import before the "
                 "system's (sets VIRTUAL_ENV for them)")
      ->check(CLI::ExistingDirectory);
}

// How outputs are compared.
void add_check_options(CLI::App& app, const Args& args) {
  app.add_flag("--lax", args->lax,
               "Compare outputs only of cells marked NBVAL_CHECK_OUTPUT (nbval's --nbval-lax)");
  app.add_option("--sanitize-with", args->sanitize_files,
                 "nbval sanitizer file (regex:/replace: pairs), applied to both sides; "
                 "repeatable")
      ->allow_extra_args(false)
      ->check(CLI::ExistingFile);
  app.add_option("--sanitize", args->sanitize_names,
                 "Built-in sanitizers: memory-address, timestamp, uuid, ansi")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_flag("--check-images", args->check_images, "Also compare image/png and image/jpeg");
  app.add_option("--float-tolerance", args->float_tolerance,
                 "Compare numbers in text outputs with tolerance: RTOL[,ATOL]");
  app.add_flag("-x,--exitfirst-per-notebook", args->exit_first,
               "Stop each notebook at its first failing cell");
  app.add_option("--skip-compare", args->skip_compare,
                 "Output key never compared, e.g. stderr or text/html (repeatable)")
      ->allow_extra_args(false);
}

// What the run writes, reruns and remembers.
void add_run_mode_options(CLI::App& app, const Args& args) {
  app.add_flag("--last-failed", args->last_failed,
               "Run only the notebooks that failed in the last run (all when none did)");
  app.add_flag("--update", args->update,
               "Write the fresh outputs back into the sources (atomically; a source changed "
               "on disk meanwhile is left alone)");
  app.add_flag("--check", args->check,
               "Never write sources (implied by CI=true); a mismatch fails the run");
  app.add_flag("--diff", args->diff,
               "Print the changes --update makes to the sources (alone: without writing)");
  app.add_option("--flag", args->flags,
                 "Meets REQUIRES(--NAME) in doctest directives (repeatable), as xdoctest's "
                 "command-line flags do")
      ->allow_extra_args(false);
  app.add_flag("--no-cache", args->no_cache,
               "Run every source, neither using nor filling the content cache");
  app.add_option("--depends", args->depends,
                 "Glob of files the examples depend on (repeatable): a change re-runs them")
      ->allow_extra_args(false);
  app.add_option("--shard", args->shard,
                 "Run shard K of N (K/N), split by recorded durations, for CI matrices");
  app.add_flag("--fresh-kernel-per-example", args->fresh_kernel_per_example,
               "Docstring examples each get a fresh kernel instead of a namespace reset");
  app.add_option("--split-min", args->split_min_seconds,
                 "A worker with nothing else to do takes over a running docstring module's "
                 "examples when those left are expected to take at least SECONDS, or have "
                 "waited that long behind a running one (default 0.5; 0: always; a negative "
                 "value: never)")
      ->allow_extra_args(false);
}

// How kernels start, and the reports.
void add_start_and_report_options(CLI::App& app, const Args& args) {
  app.add_flag("--no-fork", args->no_fork,
               "Start every kernel plainly, not forked from a preloaded server");
  app.add_option("--preload", args->preload,
                 "Modules the kernels' fork servers import once, e.g. torch,numpy (into "
                 "sys.modules, not into any namespace)")
      ->delimiter(',')
      ->allow_extra_args(false);
  add_gateway_options(app, args->gateway, /*with_cwd=*/true);
  app.add_option("--json", args->json_file, "Write a JSON report of every example");
  app.add_option("--junit", args->junit_file, "Write a JUnit XML report");
  app.add_flag("--list-json", args->list_json,
               "Run nothing: print the examples this run would check, one JSON object a "
               "line as `docnb list --json`, and a {file, error, where} line per "
               "unreadable source");
  app.add_option("--html", args->html_file,
                 "Write a self-contained HTML report: expected against got, side by side");
  add_source_url_option(app, args->html_source_url);
}

} // namespace

void add_run_options(CLI::App& command, const std::shared_ptr<RunArguments>& args) {
  add_source_options(command, args);
  add_kernel_options(command, args);
  add_check_options(command, args);
  add_run_mode_options(command, args);
  add_start_and_report_options(command, args);
}

} // namespace docnb::cli
