// REQUIRES(module:name) asked of the kernels' own interpreter: what it can import, and what a
// missing or broken interpreter cannot.
#include "engine/module_probe.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

TEST_CASE("module probe: the interpreter's modules, sub-modules included", "[engine][probe]") {
  ModuleProbe probe(DOCNB_PYTHON);
  CHECK(probe.available("json"));
  CHECK(probe.available("xml.etree"));
  CHECK_FALSE(probe.available("no_such_module_here_x"));
  CHECK_FALSE(probe.available("json.no_such_submodule_x"));
  CHECK(probe.available("json")); // asked again: the answer it gave
}

TEST_CASE("module probe: an interpreter that cannot run finds nothing", "[engine][probe]") {
  ModuleProbe probe("/nonexistent/python3");
  CHECK_FALSE(probe.available("json"));
}
