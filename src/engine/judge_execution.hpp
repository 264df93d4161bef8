// A verdict per code cell from how it executed: the rules that hold whatever was stored.
#pragma once

#include "engine/source_result.hpp"
#include "execute/execute_notebook.hpp"

#include <vector>

namespace docnb {

std::vector<Verdict> judge_execution(const NotebookRun& run);

} // namespace docnb
