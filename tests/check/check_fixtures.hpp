// Helpers for the check tests: corpus notebooks with multi-line strings joined (as the
// notebook reader holds them), and small output builders.
#pragma once

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace docnb::check::testing {

using Json = nlohmann::json;

inline Json join_lines(const Json& value) {
  if (!value.is_array()) return value;
  std::string joined;
  for (const Json& part : value) {
    if (!part.is_string()) return value;
    joined += part.get<std::string>();
  }
  return joined;
}

// Reads a notebook and joins source, stream text and MIME data, as nbformat does in memory.
inline Json read_joined(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  Json nb = Json::parse(text.str());
  for (Json& cell : nb["cells"]) {
    cell["source"] = join_lines(cell["source"]);
    if (!cell.contains("outputs")) continue;
    for (Json& output : cell["outputs"]) {
      if (output.contains("text")) output["text"] = join_lines(output["text"]);
      if (output.contains("data"))
        for (auto& [mime, data] : output["data"].items())
          if (mime.find("json") == std::string::npos) data = join_lines(data);
    }
  }
  return nb;
}

inline std::string corpus(const std::string& relative) {
  return std::string(DOCNB_CORPUS_DIR) + "/nbval/" + relative;
}

inline std::string fixture(const std::string& relative) {
  return std::string(DOCNB_SOURCE_DIR) + "/tests/fixtures/check/" + relative;
}

// The code cells of a notebook, in order.
inline Json code_cells(const Json& nb) {
  Json cells = Json::array();
  for (const Json& cell : nb["cells"])
    if (cell["cell_type"] == "code") cells.push_back(cell);
  return cells;
}

inline Json stream(const std::string& name, const std::string& text) {
  return {{"output_type", "stream"}, {"name", name}, {"text", text}};
}

inline Json result(const std::string& text_plain, int count = 1) {
  return {{"output_type", "execute_result"},
          {"execution_count", count},
          {"metadata", Json::object()},
          {"data", {{"text/plain", text_plain}}}};
}

inline Json error(const std::string& ename, const std::string& evalue) {
  return {{"output_type", "error"},
          {"ename", ename},
          {"evalue", evalue},
          {"traceback", Json::array({"Traceback ...", ename + ": " + evalue})}};
}

inline Json code_cell(const std::string& source, Json outputs, Json execution_count = 1,
                      Json tags = nullptr) {
  Json cell = {{"cell_type", "code"},
               {"source", source},
               {"metadata", Json::object()},
               {"outputs", std::move(outputs)},
               {"execution_count", std::move(execution_count)}};
  if (!tags.is_null()) cell["metadata"]["tags"] = std::move(tags);
  return cell;
}

} // namespace docnb::check::testing
