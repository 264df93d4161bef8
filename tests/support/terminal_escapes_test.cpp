// Text without ANSI terminal escapes: colours (CSI) and links (OSC) go, the text stays.
#include "support/terminal_escapes.hpp"

#include <catch2/catch.hpp>

TEST_CASE("terminal escapes: colours and links go, text stays", "[support][escapes]") {
  using docnb::strip_terminal_escapes;
  CHECK(strip_terminal_escapes("\x1b[1;31mError\x1b[0m: x") == "Error: x");
  CHECK(strip_terminal_escapes("\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\") == "link");
  CHECK(strip_terminal_escapes("\x1b]0;title\x07"
                               "after") == "after");
  CHECK(strip_terminal_escapes("plain [31m text") == "plain [31m text");
  CHECK(strip_terminal_escapes("") == "");
}
