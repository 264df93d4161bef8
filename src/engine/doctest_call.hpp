// How a doctest part reaches the kernel: not as its own source but as a one-line call of
// docnb's doctest runner (converters/python/doctest_part.py), which compiles and runs the part
// as the Python REPL does (its source as a string literal, the compile mode, the file and first
// line). The cell keeps its source; only the execute_request's code differs. A page's `>>>`
// example runs in "single" mode in the kernel's namespace; a docstring part in the compile mode
// xdoctest gives it, in its example's namespace (made by the example's namespace cell).
// Markdown's own code + output blocks and notebooks' cells run as they are.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace docnb {

// The code to send for `cell`: the runner's call for a doctest part; for a docstring example's
// namespace cell (which hands its namespace to the runner), its last line, the call of the
// namespace function, made on the runner's copy of that function; nullopt for any other cell
// (sent as it is).
[[nodiscard]] std::optional<std::string> doctest_part_code(const nlohmann::json& cell);

// The expression that installs the runner in a kernel (ExecuteOptions::prelude).
[[nodiscard]] std::string doctest_runner_install();

} // namespace docnb
