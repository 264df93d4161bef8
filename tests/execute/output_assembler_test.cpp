#include "execute/output_assembler.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using Json = nlohmann::json;

namespace {

Message stream(const std::string& text, const std::string& name = "stdout") {
  Message message;
  message.header = {{"msg_type", "stream"}};
  message.content = {{"name", name}, {"text", text}};
  return message;
}

Message display(const std::string& text) {
  Message message;
  message.header = {{"msg_type", "display_data"}};
  message.content = {{"data", {{"text/plain", text}}}, {"metadata", Json::object()}};
  return message;
}

Json one_cell() {
  return Json::array({{{"cell_type", "code"}, {"outputs", Json::array()}}});
}

} // namespace

TEST_CASE("consecutive writes to one stream become one output", "[execute]") {
  Json cells = one_cell();
  OutputAssembler assembler(cells);
  assembler.start_cell(0);
  assembler.handle(stream("a\n"));
  assembler.handle(stream("b\n"));
  assembler.handle(stream("!\n", "stderr"));
  assembler.handle(stream("c\n"));
  CHECK(assembler.finish_cell() == 0);
  const Json& outputs = cells[0]["outputs"];
  REQUIRE(outputs.size() == 3);
  CHECK(outputs[0]["text"] == "a\nb\n");
  CHECK(outputs[1]["name"] == "stderr");
  CHECK(outputs[2]["text"] == "c\n");
}

TEST_CASE("output past the bound is cut, dropped and counted", "[execute]") {
  Json cells = one_cell();
  OutputAssembler assembler(cells, 10);
  assembler.start_cell(0);
  assembler.handle(stream("123456"));
  // "é" is two bytes: the cut never splits it.
  assembler.handle(stream("abc\xc3\xa9xyz"));
  assembler.handle(display("dropped whole"));
  assembler.handle(stream("more"));
  const std::size_t dropped = assembler.finish_cell();
  CHECK(dropped == (3 + 2 + 3) - 3 + 13 + 4);
  const Json& outputs = cells[0]["outputs"];
  REQUIRE(outputs.size() == 2);
  CHECK(outputs[0]["text"] == "123456abc");
  CHECK(outputs[1]["name"] == "stderr");
  CHECK(outputs[1]["text"] == "\n[docnb: " + truncation_note(dropped, 10) + "]\n");
  CHECK_THAT(truncation_note(dropped, 10),
             Catch::StartsWith("output truncated: 22 bytes (0.0 MiB) dropped past "
                               "--max-output-bytes 10"));
}

TEST_CASE("cleared output gives its room back, and a new cell starts afresh", "[execute]") {
  Json cells = Json::array({{{"cell_type", "code"}, {"outputs", Json::array()}},
                            {{"cell_type", "code"}, {"outputs", Json::array()}}});
  OutputAssembler assembler(cells, 8);
  assembler.start_cell(0);
  for (int i = 0; i < 5; ++i) {
    Message clear;
    clear.header = {{"msg_type", "clear_output"}};
    clear.content = {{"wait", false}};
    assembler.handle(std::move(clear));
    assembler.handle(stream("progress"));
  }
  CHECK(assembler.finish_cell() == 0);
  CHECK(cells[0]["outputs"] ==
        Json::array({{{"output_type", "stream"}, {"name", "stdout"}, {"text", "progress"}}}));
  assembler.start_cell(1);
  assembler.handle(stream("12345678"));
  CHECK(assembler.finish_cell() == 0);
}

TEST_CASE("docnb's own outputs are never dropped", "[execute]") {
  Json cells = one_cell();
  OutputAssembler assembler(cells, 4);
  assembler.start_cell(0);
  assembler.handle(stream("12345"));
  assembler.append({{"output_type", "error"},
                    {"ename", "DeadKernelError"},
                    {"evalue", "gone"},
                    {"traceback", Json::array()}});
  CHECK(assembler.finish_cell() == 1);
  const Json& outputs = cells[0]["outputs"];
  REQUIRE(outputs.size() == 3);
  CHECK(outputs[1]["ename"] == "DeadKernelError");
}
