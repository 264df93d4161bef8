// JSON text as CPython's json module writes it, floats as repr() writes them.
#include "notebook/python_json.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

TEST_CASE("floats are written as Python's repr writes them", "[notebook]") {
  CHECK(python_float_repr(1e-05) == "1e-05");
  CHECK(python_float_repr(1e16) == "1e+16");
  CHECK(python_float_repr(1e15) == "1000000000000000.0");
  CHECK(python_float_repr(0.1) == "0.1");
  CHECK(python_float_repr(100.0) == "100.0");
  CHECK(python_float_repr(0.0001) == "0.0001");
  CHECK(python_float_repr(-0.0) == "-0.0");
  CHECK(python_float_repr(0.0) == "0.0");
  CHECK(python_float_repr(1.5e300) == "1.5e+300");
  CHECK(python_float_repr(5e-324) == "5e-324");
  CHECK(python_float_repr(0.30000000000000004) == "0.30000000000000004");
  CHECK(python_float_repr(123.456) == "123.456");
}

TEST_CASE("JSON text follows json.dumps(indent=1, sort_keys=True)", "[notebook]") {
  const Json value = Json::parse(R"({"b": [], "a": {}, "Z": [1, 2.0, null, true],
                                     "\u00e9": "\u0001\u2028\u007f\t\"\\"})");
  CHECK(dump_like_python(value) == "{\n \"Z\": [\n  1,\n  2.0,\n  null,\n  true\n ],\n"
                                   " \"a\": {},\n \"b\": [],\n"
                                   " \"\u00e9\": \"\\u0001\u2028\u007f\\t\\\"\\\\\"\n}");
}

TEST_CASE("JSON pieces: strings escaped as json.dumps escapes them, items indented by level",
          "[notebook]") {
  std::string out;
  append_python_string(out, "a\"b\n\u00e9");
  CHECK(out == "\"a\\\"b\\n\u00e9\"");
  out.clear();
  append_newline_indent(out, 3);
  CHECK(out == "\n   ");
  out.clear();
  append_python_json(out, Json::array({1, 0.5}), 1);
  CHECK(out == "[\n  1,\n  0.5\n ]");
}

TEST_CASE("a string literal for Python code holds any text, quotes and newlines escaped",
          "[notebook]") {
  CHECK(python_string_literal("a'b\"c\nd\\") == "\"a'b\\\"c\\nd\\\\\"");
  CHECK(python_string_literal("caf\u00e9") == "\"caf\u00e9\"");
}
