// `docnb kernels`: the kernelspecs a run can use, name, display name and folder on each line.
#include "cli/commands.hpp"
#include "cli_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using docnb::testing::run_command;

TEST_CASE("kernels command: the kernelspecs of the folders searched", "[cli][kernels]") {
  const std::string fakes = std::string(DOCNB_SOURCE_DIR) + "/tests/fixtures/kernels";
  const auto listed = run_command(cli::add_kernels_command, "kernels --kernel-path " + fakes);
  CHECK(listed.code == 0);
  CHECK_THAT(listed.out, Catch::Contains("fake-mute\t"));
  CHECK_THAT(listed.out, Catch::Contains("\t" + fakes + "/fake-mute\n"));
  CHECK_THAT(listed.out, !Catch::Contains("python3\t"));
  // Without --kernel-path, Jupyter's own folders: Debian's ipykernel is there.
  CHECK_THAT(run_command(cli::add_kernels_command, "kernels").out, Catch::Contains("python3\t"));
}
