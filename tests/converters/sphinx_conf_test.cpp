#include "converters/sphinx_conf.hpp"

#include <catch2/catch.hpp>

using namespace docnb::converters;

TEST_CASE("conf.py's doctest settings are read with ast, never run", "[converters][rules]") {
  const docnb::Result<SphinxConf> conf =
      parse_sphinx_conf("import doctest, os\n"
                        "os.makedirs('never')\n"
                        "doctest_global_setup = '''\nimport math\n'''\n"
                        "doctest_default_flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE\n"
                        "doctest_global_cleanup = os.environ['X']\n",
                        "conf.py");
  REQUIRE(conf.ok());
  CHECK(conf->global_setup == "\nimport math\n");
  CHECK(conf->default_flags == "+ELLIPSIS, +NORMALIZE_WHITESPACE");
  CHECK_FALSE(conf->global_cleanup);
  REQUIRE(conf->warnings.size() == 1);
  CHECK(conf->warnings[0].starts_with("conf.py:7: doctest_global_cleanup is not a literal"));
  const docnb::Result<SphinxConf> broken = parse_sphinx_conf("x = (\n", "conf.py");
  REQUIRE(broken.ok());
  CHECK(broken->warnings.size() == 1);
}
