#include "client/kernel_choice.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

namespace {

const std::vector<std::string> installed = {"docnb-python", "python3", "ir"};

KernelRequest notebook(std::string kernel, std::string language) {
  KernelRequest request;
  request.notebook_kernel = std::move(kernel);
  request.notebook_language = std::move(language);
  return request;
}

std::string chosen(const KernelRequest& request,
                   const std::vector<std::string>& names = installed) {
  const Result<std::string> result = choose_kernel(request, names);
  REQUIRE(result.ok());
  return *result;
}

} // namespace

TEST_CASE("kernel_choice: --kernel overrides everything", "[kernel]") {
  KernelRequest request = notebook("ir", "R");
  request.override_name = "python3";
  CHECK(chosen(request) == "python3");
  request.text_source = true;
  request.override_name = "not-installed";
  CHECK(chosen(request) == "not-installed");
}

TEST_CASE("kernel_choice: text sources run on docnb-python", "[kernel]") {
  KernelRequest request = notebook("python3", "python");
  request.text_source = true;
  CHECK(chosen(request) == "docnb-python");
}

TEST_CASE("kernel_choice: a notebook runs on its own kernelspec when installed", "[kernel]") {
  CHECK(chosen(notebook("python3", "python")) == "python3");
  CHECK(chosen(notebook("ir", "R")) == "ir");
}

TEST_CASE("kernel_choice: a Python notebook whose kernel is missing runs on docnb-python",
          "[kernel]") {
  CHECK(chosen(notebook("conda-env-py", "python")) == "docnb-python");
  CHECK(chosen(notebook("python3", ""), {"docnb-python"}) == "docnb-python");
  CHECK(chosen(notebook("", "")) == "docnb-python");
  CHECK(chosen(notebook("python3", "Python"), {"docnb-python"}) == "docnb-python");
}

TEST_CASE("kernel_choice: another language with its kernel missing is an error listing the "
          "installed kernels",
          "[kernel]") {
  const Result<std::string> result = choose_kernel(notebook("julia-1.9", "julia"), installed);
  REQUIRE_FALSE(result.ok());
  const std::string& message = result.error().message;
  CHECK_THAT(message, Catch::Contains("julia-1.9"));
  CHECK_THAT(message, Catch::Contains("installed: docnb-python, python3, ir"));
}

TEST_CASE("kernel_choice: a Python notebook is an error when neither its kernel nor "
          "docnb-python is installed",
          "[kernel]") {
  const Result<std::string> result = choose_kernel(notebook("gone", "python"), {"ir"});
  REQUIRE_FALSE(result.ok());
  CHECK_THAT(result.error().message, Catch::Contains("installed: ir"));
}

TEST_CASE("kernel_choice: the request is read from notebook metadata and the source's name",
          "[kernel]") {
  Notebook from_markdown;
  from_markdown.path = "docs/guide.md";
  from_markdown.document = Json::parse(R"({"cells": [], "metadata": {}})");
  CHECK(kernel_request_for(std::nullopt, from_markdown).text_source);

  Notebook ipynb;
  ipynb.path = "tutorials/intro.ipynb";
  ipynb.document = Json::parse(
      R"({"cells": [], "metadata": {"kernelspec": {"name": "ir", "display_name": "R"},
          "language_info": {"name": "R"}}})");
  const KernelRequest request = kernel_request_for(std::string("x"), ipynb);
  CHECK_FALSE(request.text_source);
  CHECK(request.notebook_kernel == "ir");
  CHECK(request.notebook_language == "R");
  CHECK(request.override_name == std::optional<std::string>("x"));
}

TEST_CASE("kernel_choice: a kernelspec replaced by docnb-python is named", "[kernel]") {
  const KernelRequest conda = notebook("conda-env-myenv-py", "python");
  const std::string kernel = chosen(conda);
  CHECK(kernel_substitution(conda, kernel) ==
        "kernelspec 'conda-env-myenv-py' is not installed; running on docnb-python");
  // Nothing is replaced: the notebook's own kernel, none named, --kernel, a text source.
  CHECK_FALSE(kernel_substitution(notebook("python3", "python"), "python3"));
  CHECK_FALSE(kernel_substitution(notebook("", ""), "docnb-python"));
  KernelRequest overridden = conda;
  overridden.override_name = "python3";
  CHECK_FALSE(kernel_substitution(overridden, "python3"));
  KernelRequest text = conda;
  text.text_source = true;
  CHECK_FALSE(kernel_substitution(text, "docnb-python"));
}
