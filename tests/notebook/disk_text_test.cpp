// A notebook's text as nbformat.write writes it, made straight from the document in memory.
#include "notebook/disk_text.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

namespace {

Json document() {
  return Json::parse(R"({"cells": [{"cell_type": "code", "id": "a", "execution_count": null,
    "metadata": {"trusted": true}, "source": "x\ny",
    "outputs": [{"output_type": "stream", "name": "stdout", "text": "1\n2\n"}]}],
    "metadata": {"signature": "s", "orig_nbformat": 3}, "nbformat": 4, "nbformat_minor": 5})");
}

} // namespace

TEST_CASE("disk text: lines split, transient keys out, keys sorted, no final newline",
          "[notebook][disk_text]") {
  const std::string text = disk_text(document());
  CHECK(text == "{\n"
                " \"cells\": [\n"
                "  {\n"
                "   \"cell_type\": \"code\",\n"
                "   \"execution_count\": null,\n"
                "   \"id\": \"a\",\n"
                "   \"metadata\": {},\n"
                "   \"outputs\": [\n"
                "    {\n"
                "     \"name\": \"stdout\",\n"
                "     \"output_type\": \"stream\",\n"
                "     \"text\": [\n"
                "      \"1\\n\",\n"
                "      \"2\\n\"\n"
                "     ]\n"
                "    }\n"
                "   ],\n"
                "   \"source\": [\n"
                "    \"x\\n\",\n"
                "    \"y\"\n"
                "   ]\n"
                "  }\n"
                " ],\n"
                " \"metadata\": {},\n"
                " \"nbformat\": 4,\n"
                " \"nbformat_minor\": 5\n"
                "}");
}

TEST_CASE("disk text: the pieces given to a sink make the same text", "[notebook][disk_text]") {
  std::string joined;
  std::size_t pieces = 0;
  write_disk_text(document(), [&](std::string_view piece) {
    joined += piece;
    ++pieces;
  });
  CHECK(pieces >= 1);
  CHECK(joined == disk_text(document()));
}

TEST_CASE("disk text: a cell without an id gets one in a 4.5 notebook", "[notebook][disk_text]") {
  Json without_id = document();
  without_id["cells"][0].erase("id");
  const Json written = Json::parse(disk_text(without_id));
  CHECK(written["cells"][0]["id"].get<std::string>().size() == 8);
}
