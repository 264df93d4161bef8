#include "client/remote_kernel_choice.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

namespace {

KernelSpec spec(std::string name, std::string language) {
  return {.name = std::move(name), .language = std::move(language)};
}

KernelRequest notebook(std::string kernel, std::string language) {
  return {.notebook_kernel = std::move(kernel), .notebook_language = std::move(language)};
}

// What a Markdown page, an rst page or a docstring asks for.
const KernelRequest text_source{.text_source = true};

} // namespace

TEST_CASE("a gateway's Python kernel stands in for docnb-python", "[engine][gateway]") {
  const std::vector<KernelSpec> specs = {spec("ir", "R"), spec("python3", "python")};
  CHECK(*choose_remote_kernel(text_source, specs, "python3") == "python3");
  CHECK(*choose_remote_kernel(notebook("python3", "python"), specs, "python3") == "python3");
  CHECK(*choose_remote_kernel(notebook("conda-env-x", "python"), specs, "ir") == "python3");
  CHECK(*choose_remote_kernel(notebook("ir", "R"), specs, "python3") == "ir");
}

TEST_CASE("docnb-python on the gateway runs text sources", "[engine][gateway]") {
  const std::vector<KernelSpec> specs = {spec("python3", "python"), spec("docnb-python", "python")};
  CHECK(*choose_remote_kernel(text_source, specs, "python3") == "docnb-python");
  CHECK(*choose_remote_kernel(notebook("python3", "python"), specs, "python3") == "python3");
}

TEST_CASE("a kernel the gateway lacks is an error listing what it has", "[engine][gateway]") {
  const std::vector<KernelSpec> specs = {spec("python3", "python")};
  const Result<std::string> julia = choose_remote_kernel(notebook("julia", "julia"), specs, "");
  REQUIRE_FALSE(julia.ok());
  CHECK(julia.error().message.find("'julia'") != std::string::npos);
  CHECK(julia.error().message.find("installed: python3)") != std::string::npos);
  KernelRequest forced;
  forced.override_name = "docnb-python";
  CHECK(*choose_remote_kernel(forced, specs, "python3") == "docnb-python");
  // Without a Python kernel to stand in, a text source asks for docnb-python by name, and the
  // gateway's kernelspec lookup says it has none.
  CHECK(*choose_remote_kernel(text_source, {spec("ir", "R")}, "ir") == "docnb-python");
}
