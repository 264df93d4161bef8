#include "check/compare.hpp"
#include "check_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;
using namespace docnb::check::testing;

namespace {

Json display(const Json& data) {
  return {{"output_type", "display_data"},
          {"metadata", {{"needs_background", "light"}}},
          {"data", data}};
}

} // namespace

TEST_CASE("equal outputs compare equal, ignoring metadata, counts and tracebacks", "[check]") {
  Json stored = Json::array({stream("stdout", "hi\n"), result("3", 7), error("ValueError", "bad")});
  Json got = Json::array({stream("stdout", "hi\n"), result("3", 1), error("ValueError", "bad")});
  got[2]["traceback"] = Json::array({"a different traceback"});
  got[1]["metadata"] = {{"x", 1}};
  const Comparison c = compare_outputs(stored, got, {});
  CHECK(c.same);
  CHECK(c.reason.empty());
  CHECK(c.diffs.empty());
}

TEST_CASE("stream order and flush splits do not matter", "[check]") {
  const Json stored = Json::array({stream("stderr", "Bar!\n"), stream("stdout", "Combo breaker!\n"),
                                   stream("stderr", "Foo!\n")});
  const Json got = Json::array({stream("stdout", "Combo "), stream("stderr", "Bar!\nFoo!\n"),
                                stream("stdout", "breaker!\n")});
  CHECK(compare_outputs(stored, got, {}).same);
}

TEST_CASE("an output nobody stored is reported like nbval", "[check]") {
  // test-stream-fail-missingoutput.ipynb cell 2: executed, no stored outputs, prints.
  const Comparison c =
      compare_outputs(Json::array(), Json::array({stream("stdout", "hello\n")}), {});
  CHECK_FALSE(c.same);
  CHECK(c.reason == "Unexpected output fields from running code: {'stdout'}");
  REQUIRE(c.diffs.size() == 1);
  CHECK(c.diffs[0].key == "stdout");
  CHECK(c.diffs[0].diff == "@@ -0,0 +1,1 @@\n+hello\n");
}

TEST_CASE("a stored output that did not come back is reported like nbval", "[check]") {
  const Json stored = Json::array({stream("stdout", "x\n"), result("1")});
  const Comparison c = compare_outputs(stored, Json::array({stream("stdout", "x\n")}), {});
  CHECK_FALSE(c.same);
  CHECK(c.reason == "Missing output fields from running code: {'text/plain'}");
  REQUIRE(c.diffs.size() == 1);
  CHECK(c.diffs[0].message == "missing 'text/plain'");
  CHECK(c.diffs[0].diff == "@@ -1,1 +0,0 @@\n-1\n\\ No newline at end of file\n");
}

TEST_CASE("a changed value is a mismatch with a diff of that field", "[check]") {
  const Json stored = Json::array({result("{'a': 1,\n 'b': 2,\n 'c': 3}")});
  const Json got = Json::array({result("{'a': 1,\n 'b': 3,\n 'c': 3}")});
  const Comparison c = compare_outputs(stored, got, {});
  CHECK(c.reason == "mismatch 'text/plain'");
  REQUIRE(c.diffs.size() == 1);
  CHECK(c.diffs[0].diff == "@@ -1,3 +1,3 @@\n {'a': 1,\n- 'b': 2,\n+ 'b': 3,\n  'c': 3}\n"
                           "\\ No newline at end of file\n");
}

TEST_CASE("errors compare by ename and evalue only", "[check]") {
  const Comparison c = compare_outputs(Json::array({error("NameError", "name 'x' is not defined")}),
                                       Json::array({error("RuntimeError", "Foo")}), {});
  CHECK_FALSE(c.same);
  CHECK(c.reason == "mismatch 'ename'; mismatch 'evalue'");
}

TEST_CASE("a different number of values for one field is reported", "[check]") {
  const Comparison c =
      compare_outputs(Json::array({result("1")}), Json::array({result("1"), result("1")}), {});
  CHECK(c.reason == "dissimilar number of outputs for key 'text/plain'");
}

TEST_CASE("images are skipped unless asked for, and other MIME types are compared", "[check]") {
  const Json stored =
      Json::array({display({{"image/png", "iVBORw0KGgo="}, {"text/plain", "<Figure>"}})});
  const Json got =
      Json::array({display({{"image/png", "AAAAAAAAAAA="}, {"text/plain", "<Figure>"}})});
  CHECK(compare_outputs(stored, got, {}).same);
  CompareOptions images;
  images.fields.check_images = true;
  const Comparison c = compare_outputs(stored, got, images);
  CHECK(c.reason == "mismatch 'image/png'");
  const Json latex = Json::array({display({{"text/latex", "$x^2$"}})});
  CHECK_FALSE(compare_outputs(latex, Json::array({display({{"text/latex", "$x^3$"}})}), {}).same);
}

TEST_CASE("large base64 values are shown in diffs as a hash and size", "[check]") {
  const std::string a(200, 'A');
  const std::string b(200, 'B');
  CompareOptions images;
  images.fields.check_images = true;
  const Comparison c = compare_outputs(Json::array({display({{"image/png", a}})}),
                                       Json::array({display({{"image/png", b}})}), images);
  REQUIRE(c.diffs.size() == 1);
  CHECK(c.diffs[0].diff.find("-AAAAAAAA...<snip base64, md5=") != std::string::npos);
  CHECK(c.diffs[0].diff.find("200 chars>") != std::string::npos);
  CHECK(c.diffs[0].diff.find(std::string(20, 'A')) == std::string::npos);
}

TEST_CASE("extra skipped keys work like nbval's skip_compare", "[check]") {
  // generated/test_ignore.ipynb with conftest's skip_compare += ('stderr',).
  CompareOptions options;
  options.fields.skip_keys = {"stderr"};
  CHECK(compare_outputs(Json::array({stream("stderr", "warn 1\n")}),
                        Json::array({stream("stderr", "warn 2\n")}), options)
            .same);
  CHECK_FALSE(compare_outputs(Json::array({stream("stderr", "warn 1\n")}),
                              Json::array({stream("stderr", "warn 2\n")}), {})
                  .same);
}

TEST_CASE("JSON MIME values compare as data", "[check]") {
  const Json stored = Json::array({display({{"application/json", {{"a", 1}, {"b", {1, 2}}}}})});
  Json same_data = Json::array({display({{"application/json", {{"b", {1, 2}}, {"a", 1.0}}}})});
  CHECK(compare_outputs(stored, same_data, {}).same);
  const Json other = Json::array({display({{"application/json", {{"a", 2}, {"b", {1, 2}}}}})});
  const Comparison c = compare_outputs(stored, other, {});
  CHECK(c.reason == "mismatch 'application/json'");
  CHECK(c.diffs[0].diff.find("- \"a\": 1,\n+ \"a\": 2,\n") != std::string::npos);
}

TEST_CASE("sanitizers apply to both sides before comparing", "[check]") {
  auto sanitizer = Sanitizer::compile({{R"(0x[0-9a-f]+)", "0xADDR", "t:1"}});
  REQUIRE(sanitizer.ok());
  CompareOptions options;
  options.sanitizer = *sanitizer;
  const Json stored = Json::array({result("<object at 0x7fae26a349b0>")});
  const Json got = Json::array({result("<object at 0x55d0c0ffee00>")});
  CHECK_FALSE(compare_outputs(stored, got, {}).same);
  CHECK(compare_outputs(stored, got, options).same);
}

TEST_CASE("float tolerance applies only when enabled", "[check]") {
  const Json stored =
      Json::array({result("array([ 1.0000,  2.5   ])"), stream("stdout", "loss 0.30000\n")});
  const Json got =
      Json::array({result("array([1.000001, 2.5])"), stream("stdout", "loss 0.3000001\n")});
  CHECK_FALSE(compare_outputs(stored, got, {}).same);
  CompareOptions options;
  options.float_tolerance = FloatTolerance{};
  CHECK(compare_outputs(stored, got, options).same);
  const Json far = Json::array({result("array([1.1, 2.5])"), stream("stdout", "loss 0.3\n")});
  const Comparison c = compare_outputs(stored, far, options);
  CHECK(c.reason == "mismatch 'text/plain'");
}
