// Which kernelspecs are forked, and how an ipykernel command line is taken apart.
#include "client/forkable.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using Argv = std::vector<std::string>;

namespace {

KernelSpec spec_with(Argv argv, std::string language = "python") {
  KernelSpec spec;
  spec.argv = std::move(argv);
  spec.language = std::move(language);
  return spec;
}

} // namespace

TEST_CASE("ipykernel's own kernelspecs are recognised, extra flags kept", "[client][fork]") {
  const auto launcher = ipykernel_command(
      {"/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"});
  REQUIRE(launcher);
  CHECK(launcher->interpreter == Argv{"/usr/bin/python3"});
  CHECK(launcher->module == "ipykernel_launcher");
  CHECK(launcher->arguments == Argv{"-f", "{connection_file}"});

  const auto package = ipykernel_command(
      {"python", "-m", "ipykernel", "--matplotlib=inline", "-f", "{connection_file}", "--debug"});
  REQUIRE(package);
  CHECK(package->module == "ipykernel");
  CHECK(package->arguments == Argv{"--matplotlib=inline", "-f", "{connection_file}", "--debug"});
}

TEST_CASE("the interpreter's own options stay with the interpreter", "[client][fork]") {
  const auto command =
      ipykernel_command({"python3.11", "-X", "frozen_modules=off", "-Wdefault", "-Es", "-u",
                         "-mipykernel_launcher", "-f", "{connection_file}"});
  REQUIRE(command);
  CHECK(command->interpreter ==
        Argv{"python3.11", "-X", "frozen_modules=off", "-Wdefault", "-Es", "-u"});
  CHECK(command->module == "ipykernel_launcher");
  CHECK(command->arguments == Argv{"-f", "{connection_file}"});

  const auto grouped = ipykernel_command({"python", "-Im", "ipykernel", "-f", "{connection_file}"});
  REQUIRE(grouped);
  CHECK(grouped->interpreter == Argv{"python", "-I"});
  CHECK(grouped->module == "ipykernel");
}

TEST_CASE("anything else is not an ipykernel command", "[client][fork]") {
  CHECK_FALSE(ipykernel_command({}));
  CHECK_FALSE(ipykernel_command({"python", "-m", "other_kernel", "-f", "{connection_file}"}));
  CHECK_FALSE(
      ipykernel_command({"python", "launch.py", "-m", "ipykernel", "-f", "{connection_file}"}));
  CHECK_FALSE(ipykernel_command({"python", "-c", "import ipykernel", "-m", "ipykernel"}));
  CHECK_FALSE(ipykernel_command({"python", "-cm", "ipykernel", "-f", "{connection_file}"}));
  CHECK_FALSE(ipykernel_command({"python", "-m", "ipykernel_launcher"})); // no connection file
  CHECK_FALSE(ipykernel_command({"python", "-m"}));
  CHECK_FALSE(ipykernel_command({"python", "-X"}));
  CHECK_FALSE(ipykernel_command({"python", "--version", "-m", "ipykernel", "{connection_file}"}));
}

TEST_CASE("docnb-kernel offers its fork server, and ipykernel is forked by docnb's zygote",
          "[client][fork]") {
  KernelSpec docnb = spec_with({"/opt/docnb-kernel", "-f", "{connection_file}"});
  CHECK(fork_kind(docnb) == ForkKind::none);
  docnb.metadata = {{"docnb", {{"fork_server", true}}}};
  CHECK(fork_kind(docnb) == ForkKind::docnb_kernel);
  CHECK(fork_kind(spec_with({"python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"})) ==
        ForkKind::ipykernel);
  CHECK(
      fork_kind(spec_with({"R", "--slave", "-e", "IRkernel::main()", "--args", "{connection_file}"},
                          "R")) == ForkKind::none);
  CHECK(is_python_kernelspec(spec_with({"x"}, "Python")));
  CHECK_FALSE(is_python_kernelspec(spec_with({"x"}, "R")));
}
