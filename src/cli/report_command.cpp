// `docnb report r.json --html out.html`: the HTML report of a saved JSON report, so that CI
// can render it after the fact. It is byte for byte the page `docnb run --html` writes.
#include "cli/commands.hpp"
#include "cli/report_files.hpp"
#include "support/atomic_file.hpp"

#include <iostream>

namespace docnb::cli {

std::function<int()> add_report_command(CLI::App& app) {
  CLI::App* command =
      app.add_subcommand("report", "Render a JSON report (docnb run --json) as an HTML report");
  struct Arguments {
    std::filesystem::path json;
    std::filesystem::path html;
    std::string source_url;
  };
  auto args = std::make_shared<Arguments>();
  command->add_option("json", args->json, "The JSON report")->required()->check(CLI::ExistingFile);
  command
      ->add_option("--html", args->html,
                   "Where to write the HTML report (run from the folder the run started in, so "
                   "that its links find the sources)")
      ->required();
  add_source_url_option(*command, args->source_url);
  return [args] {
    const Result<std::string> json = read_file_bytes(args->json);
    if (!json) {
      std::cerr << "docnb: error: " << json.error().describe() << "\n";
      return 2;
    }
    return write_html_report(args->html, *json, args->source_url) ? 0 : 2;
  };
}

} // namespace docnb::cli
