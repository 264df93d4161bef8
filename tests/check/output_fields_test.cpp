// Outputs flattened into the fields nbval compares: streams by name, rich outputs by MIME
// type, errors by ename and evalue, in output order; what is never compared left out.
#include "check/output_fields.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;
using docnb::Result;

namespace {

OutputFields flattened(Json outputs, const FieldOptions& options = {},
                       const Sanitizer& sanitizer = Sanitizer()) {
  Result<OutputFields> fields = flatten_outputs(std::move(outputs), sanitizer, options);
  REQUIRE(fields.ok());
  return std::move(fields).value();
}

const Json png_output = {{"output_type", "display_data"},
                         {"data", {{"image/png", "iVBORw0K"}, {"text/plain", "<Figure>"}}},
                         {"metadata", Json::object()}};

} // namespace

TEST_CASE("output fields: streams by name, rich outputs by MIME type, errors by name",
          "[check][output_fields]") {
  const OutputFields fields = flattened(Json::array(
      {{{"output_type", "stream"}, {"name", "stdout"}, {"text", Json::array({"a\n", "b\n"})}},
       {{"output_type", "execute_result"},
        {"execution_count", 3},
        {"data", {{"text/plain", Json::array({"1\n", "2"})}, {"application/json", {{"k", 1}}}}},
        {"metadata", {{"isolated", true}}}},
       {{"output_type", "error"},
        {"ename", "ValueError"},
        {"evalue", "bad"},
        {"traceback", Json::array({"..."})}},
       {{"output_type", "stream"}, {"name", "stdout"}, {"text", "c\n"}}}));
  CHECK(fields.order ==
        std::vector<std::string>{"stdout", "application/json", "text/plain", "ename", "evalue"});
  CHECK(fields.values.at("stdout") == std::vector<Json>{"a\nb\n", "c\n"});
  CHECK(fields.values.at("text/plain") == std::vector<Json>{"1\n2"});
  CHECK(fields.values.at("application/json") == std::vector<Json>{{{"k", 1}}});
  CHECK(fields.values.at("ename") == std::vector<Json>{"ValueError"});
  CHECK_FALSE(fields.values.contains("traceback"));
  CHECK_FALSE(fields.values.contains("metadata"));
  CHECK_FALSE(fields.values.contains("execution_count"));
}

TEST_CASE("output fields: images only when asked, skipped keys never", "[check][output_fields]") {
  CHECK(flattened(Json::array({png_output})).order == std::vector<std::string>{"text/plain"});
  FieldOptions images;
  images.check_images = true;
  CHECK(flattened(Json::array({png_output}), images).order ==
        std::vector<std::string>{"image/png", "text/plain"});
  FieldOptions skip_text;
  skip_text.skip_keys = {"text/plain"};
  CHECK(flattened(Json::array({png_output}), skip_text).order.empty());
  CHECK(flattened(Json::object()).order.empty());
}

TEST_CASE("output fields: every string value passes through the sanitizer",
          "[check][output_fields]") {
  Result<Sanitizer> sanitizer = Sanitizer::compile({{"0x[0-9a-f]+", "ADDRESS", "f:1"}});
  REQUIRE(sanitizer.ok());
  const OutputFields fields =
      flattened(Json::array({{{"output_type", "stream"}, {"name", "stderr"}, {"text", "at 0x7f"}}}),
                FieldOptions{}, *sanitizer);
  CHECK(fields.values.at("stderr") == std::vector<Json>{"at ADDRESS"});
}
