// The value that moves through the pipeline: an nbformat 4 notebook.
//
// The document is kept as JSON so that everything docnb does not interpret (metadata,
// attachments, unknown keys) survives a read/write cycle untouched. Multi-line strings are
// held joined (one string), as nbformat holds them in memory; the writer splits them again.
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

namespace docnb {

using Json = nlohmann::json;

struct Notebook {
  std::filesystem::path path;  // where it was read from; empty for a notebook built in memory
  Json document;               // {"cells": [...], "metadata": {...}, "nbformat": 4, ...}

  [[nodiscard]] Json& cells() { return document["cells"]; }
  [[nodiscard]] const Json& cells() const { return document.at("cells"); }
};

}  // namespace docnb
