// Everything that happens between sending one cell's execute_request and the end of its run:
// outputs, the reply, input requests, the time limit (interrupt, then kill) and a dying kernel.
#pragma once

#include "execute/execute_notebook.hpp"
#include "execute/output_assembler.hpp"

namespace docnb {

// Runs the code cell `cell` (at `index`) in `kernel`, its outputs going through `assembler`
// (which must have started the cell). The cell's execution count and timing stamps are set.
// `code`, when given, is sent in place of the cell's source (which the cell keeps).
[[nodiscard]] CellRun execute_cell(KernelConnection& kernel, const ExecuteOptions& options,
                                   OutputAssembler& assembler, Json& cell, std::size_t index,
                                   bool& kernel_lost,
                                   const std::optional<std::string>& code = std::nullopt);

// A silent execute_request whose only work is one user expression; its reply carries the value
// (text/plain), or the error it raised.
[[nodiscard]] Result<std::string> evaluate_in_kernel(KernelConnection& kernel,
                                                     const std::string& expression,
                                                     std::chrono::milliseconds limit);

} // namespace docnb
