// libFuzzer target: any bytes read as the project's configuration (`[tool.docnb]` in
// pyproject.toml, or docnb.toml) give settings or an error naming the file and line, never a
// crash.
#include "engine/project_config.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const char* name : {"pyproject.toml", "docnb.toml"}) {
    docnb::ProjectConfig config;
    (void)docnb::read_project_config_text(text, name, config);
  }
  return 0;
}
