// The text docnb prints for one failing example, shared by the console and the JSON report so
// that a failure reads the same wherever it is shown (a terminal, pytest's report).
#pragma once

#include "report/source_result.hpp"

#include <filesystem>
#include <string>

namespace docnb {

// "file:line `first line`: reason" (a notebook: "cell N ..."), then every detail line indented
// by two spaces, then for a docstring example the command that reruns it alone. Each line ends
// in a newline; no colour.
[[nodiscard]] std::string failure_text(const std::filesystem::path& source, const Verdict& verdict);

} // namespace docnb
