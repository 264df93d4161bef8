#include "engine/cache.hpp"
#include "engine/project_config.hpp"
#include "engine/project_files.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace docnb;
namespace fs = std::filesystem;

namespace {

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

} // namespace

TEST_CASE("depends globs are read from [tool.docnb] of pyproject.toml", "[engine][config]") {
  Result<TempDir> root = TempDir::create("docnb-test");
  REQUIRE(root.ok());
  Result<ProjectConfig> none = read_project_config(root->path());
  REQUIRE(none.ok());
  CHECK(none->depends.empty());
  CHECK(none->file.empty());

  write_text(root->path() / "pyproject.toml",
             "[project]\nname = \"x\"\n\n[tool.docnb]\ndepends = [\"src/**/*.py\", \"data/*\"]\n");
  Result<ProjectConfig> declared = read_project_config(root->path());
  REQUIRE(declared.ok());
  CHECK(declared->depends == std::vector<std::string>{"src/**/*.py", "data/*"});

  fs::create_directories(root->path() / "docs/deep");
  CHECK(find_project_root(root->path() / "docs/deep") == fs::canonical(root->path()));

  write_text(root->path() / "pyproject.toml", "[tool.docnb]\ndepends = 3\n");
  Result<ProjectConfig> wrong = read_project_config(root->path());
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().where.find("pyproject.toml:2") != std::string::npos);
  write_text(root->path() / "pyproject.toml", "[tool.docnb\n");
  Result<ProjectConfig> broken = read_project_config(root->path());
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().where.find("pyproject.toml:1") != std::string::npos);
}

TEST_CASE("xdoctest's keys are read under their own names", "[engine][config]") {
  Result<TempDir> root = TempDir::create("docnb-test");
  REQUIRE(root.ok());
  write_text(root->path() / "pyproject.toml",
             "[tool.docnb]\n"
             "style = \"google\"\n"
             "global_exec = \"from torch import nn\\nimport torch\"\n"
             "options = \"+IGNORE_WHITESPACE\"\n"
             "analysis = \"static\"\n"
             "exclude = [\"torch.testing.*\", \"torch.utils.*\"]\n"
             "attach_calls = \"add_docstr,_add_docstr\"\n"
             "gallery_patterns = [\"ex_*.py\"]\n"
             "txt_as_rst = true\n");
  Result<ProjectConfig> config = read_project_config(root->path());
  REQUIRE(config.ok());
  CHECK(config->style == "google");
  CHECK(config->global_exec == "from torch import nn\nimport torch");
  CHECK(config->options == "+IGNORE_WHITESPACE");
  CHECK(config->analysis == "static");
  CHECK(config->exclude == std::vector<std::string>{"torch.testing.*", "torch.utils.*"});
  CHECK(config->attach_calls == std::vector<std::string>{"add_docstr", "_add_docstr"});
  CHECK(config->gallery_patterns == std::vector<std::string>{"ex_*.py"});
  CHECK(config->txt_as_rst == true);
  CHECK(config->warnings.empty());
}

TEST_CASE("rule sets and Sphinx's doctest settings", "[engine][config][rules]") {
  ProjectConfig config;
  REQUIRE(read_project_config_text("[tool.docnb]\n"
                                   "rules = { docstring = \"stdlib\", rst = \"xdoctest\" }\n"
                                   "doctest_global_setup = \"import math\"\n"
                                   "doctest_global_cleanup = \"del math\"\n"
                                   "doctest_default_flags = \"ELLIPSIS\"\n"
                                   "sphinx_conf = \"docs/conf.py\"\n",
                                   "pyproject.toml", config)
              .ok());
  CHECK(config.rules == std::vector<std::string>{"docstring=stdlib", "rst=xdoctest"});
  CHECK(config.doctest_global_setup == "import math");
  CHECK(config.doctest_global_cleanup == "del math");
  CHECK(config.doctest_default_flags == "ELLIPSIS");
  CHECK(config.sphinx_conf == "docs/conf.py");
  ProjectConfig one;
  REQUIRE(read_project_config_text("rules = \"sphinx\"\n", "docnb.toml", one).ok());
  CHECK(one.rules == std::vector<std::string>{"sphinx"});
  ProjectConfig wrong;
  CHECK_FALSE(read_project_config_text("rules = 3\n", "docnb.toml", wrong).ok());
}

TEST_CASE("a misspelt key is a warning naming the file, the line and the known key",
          "[engine][config]") {
  Result<TempDir> root = TempDir::create("docnb-test");
  REQUIRE(root.ok());
  write_text(root->path() / "docnb.toml", "style = \"auto\"\nglobl_exec = \"import math\"\n");
  Result<ProjectConfig> config = read_project_config(root->path());
  REQUIRE(config.ok());
  CHECK(config->style == "auto");
  CHECK_FALSE(config->global_exec.has_value());
  REQUIRE(config->warnings.size() == 1);
  CHECK_THAT(config->warnings[0], Catch::Contains("docnb.toml:2"));
  CHECK_THAT(config->warnings[0], Catch::Contains("did you mean global_exec?"));
}

TEST_CASE("configuration text is read as the file it names", "[engine][config]") {
  const std::string text = "style = \"google\"\n[tool.docnb]\nstyle = \"freeform\"\n";
  ProjectConfig pyproject;
  REQUIRE(read_project_config_text(text, "pyproject.toml", pyproject).ok());
  CHECK(pyproject.style == "freeform");
  ProjectConfig docnb_toml;
  REQUIRE(read_project_config_text(text, "docnb.toml", docnb_toml).ok());
  CHECK(docnb_toml.style == "google");
  ProjectConfig broken;
  const Status read = read_project_config_text("a = [1,\n", "docnb.toml", broken);
  REQUIRE_FALSE(read.ok());
  CHECK_THAT(read.error().where, Catch::StartsWith("docnb.toml:"));
}

TEST_CASE("fork and preload say how kernels start", "[engine][config]") {
  Result<TempDir> root = TempDir::create("docnb-test");
  REQUIRE(root.ok());
  write_text(root->path() / "pyproject.toml",
             "[tool.docnb]\nfork = false\npreload = [\"torch\", \"numpy\"]\n");
  Result<ProjectConfig> config = read_project_config(root->path());
  REQUIRE(config.ok());
  CHECK(config->fork == false);
  CHECK(config->preload == std::vector<std::string>{"torch", "numpy"});
  CHECK(config->warnings.empty());

  write_text(root->path() / "pyproject.toml", "[tool.docnb]\nfork = \"no\"\n");
  Result<ProjectConfig> wrong = read_project_config(root->path());
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().message == "`fork` must be true or false");
}

TEST_CASE("the output bound is read from max_output_bytes and max_output_action",
          "[engine][config]") {
  Result<TempDir> root = TempDir::create("docnb-test");
  REQUIRE(root.ok());
  write_text(root->path() / "docnb.toml",
             "max_output_bytes = 1048576\nmax_output_action = \"warn\"\n");
  Result<ProjectConfig> config = read_project_config(root->path());
  REQUIRE(config.ok());
  CHECK(config->max_output_bytes == std::size_t{1048576});
  CHECK(config->max_output_action == "warn");
  CHECK(config->warnings.empty());

  for (const char* wrong : {"max_output_bytes = -1\n", "max_output_bytes = \"64M\"\n",
                            "max_output_action = \"ignore\"\n"}) {
    write_text(root->path() / "docnb.toml", wrong);
    Result<ProjectConfig> refused = read_project_config(root->path());
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().where, Catch::Contains("docnb.toml:1"));
  }
}

TEST_CASE("gateway_url names the gateway kernels run on", "[engine][config][gateway]") {
  Result<TempDir> root = TempDir::create("docnb-test");
  REQUIRE(root.ok());
  write_text(root->path() / "pyproject.toml",
             "[tool.docnb]\ngateway_url = \"https://gw.example:8888\"\n");
  Result<ProjectConfig> config = read_project_config(root->path());
  REQUIRE(config.ok());
  CHECK(config->gateway_url == "https://gw.example:8888");
  CHECK(config->warnings.empty());
  write_text(root->path() / "pyproject.toml", "[tool.docnb]\ngateway_url = 8888\n");
  REQUIRE_FALSE(read_project_config(root->path()).ok());
}
