// The docstring options of `docnb run` and `docnb docstrings`: the project's values under the
// command line's, checked before anything runs, and --module resolved to files.
#include "cli/docstring_arguments.hpp"
#include "cli_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using namespace docnb::cli;
using docnb::testing::InProject;
namespace fs = std::filesystem;

namespace {

DocstringArguments parsed(const std::string& line) {
  DocstringArguments args;
  testing::parse_options([&args](CLI::App& app) { add_docstring_options(app, args); }, line);
  return args;
}

} // namespace

TEST_CASE("docstring options: the project fills only what the command line left unset",
          "[cli][docstrings]") {
  DocstringArguments args = parsed("--style google --module json --module csv");
  CHECK(args.modules == std::vector<std::string>{"json", "csv"});
  ProjectConfig project;
  project.style = "freeform";
  project.analysis = "static";
  project.attach_calls = std::vector<std::string>{"add_docstr", "add_doc"};
  project.global_exec = "import math";
  with_project_config(args, project);
  CHECK(args.style == "google");
  CHECK(args.analysis == "static");
  CHECK(args.attach_calls == "add_docstr,add_doc");
  CHECK(args.global_exec == "import math");
  CHECK_FALSE(args.options);
}

TEST_CASE("docstring options: a bad style, analysis or directive names its key",
          "[cli][docstrings]") {
  DocstringArguments args;
  CHECK(check_docstring_options(args).ok());
  args.style = "numpy"; // from a project file: CLI11 checks only the command line
  CHECK(check_docstring_options(args).error().where == "style");
  args.style.reset();
  args.analysis = "dynamic";
  CHECK(check_docstring_options(args).error().where == "analysis");
  args.analysis.reset();
  args.options = "+ELIPSIS";
  const Status typo = check_docstring_options(args);
  REQUIRE_FALSE(typo.ok());
  CHECK(typo.error().where == "--options");
  CHECK_THAT(typo.error().message, Catch::Contains("ELLIPSIS"));
  args.options = "+IGNORE_WHITESPACE, -ELLIPSIS";
  CHECK(check_docstring_options(args).ok());
}

TEST_CASE("docstring options: what the converter is given", "[cli][docstrings]") {
  const converters::DocstringOptions defaults = to_docstring_options(DocstringArguments{});
  CHECK(defaults.style == converters::DocStyle::autodetect);
  CHECK(defaults.analysis == converters::DocstringOptions::Analysis::automatic);
  CHECK_FALSE(defaults.attach_calls.empty());

  const converters::DocstringOptions options =
      to_docstring_options(parsed("--style google --analysis static --attach-calls a,,b "
                                  "--exclude 'pkg.tests*' --options +FLOAT_CMP"));
  CHECK(options.style == converters::DocStyle::google);
  CHECK(options.analysis == converters::DocstringOptions::Analysis::static_only);
  CHECK(options.attach_calls == std::vector<std::string>{"a", "b"});
  CHECK(options.exclude == std::vector<std::string>{"pkg.tests*"});
  CHECK(options.options == "+FLOAT_CMP");
  // --attach-calls '' attaches nothing.
  DocstringArguments none;
  none.attach_calls = "";
  CHECK(to_docstring_options(none).attach_calls.empty());
}

TEST_CASE("docstring options: --module names files, without the excluded modules",
          "[cli][docstrings]") {
  const InProject project;
  fs::create_directory(project.path() / "mypkg");
  project.write("mypkg/__init__.py", "");
  project.write("mypkg/a.py", "def f():\n    pass\n");
  project.write("mypkg/skipped.py", "");
  const Result<std::vector<fs::path>> files =
      module_files(parsed("--module mypkg --exclude 'mypkg.skip*'"));
  REQUIRE(files.ok());
  std::vector<std::string> names;
  for (const fs::path& file : *files)
    names.push_back(file.filename().string());
  CHECK(names == std::vector<std::string>{"__init__.py", "a.py"});

  const Result<std::vector<fs::path>> missing = module_roots(parsed("--module no_such_mod_x"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().where == "--module no_such_mod_x");
}
