// --fresh-kernel-per-example: each docstring example of a module in a kernel of its own, in
// place of one kernel per module with a namespace reset between examples.
#pragma once

#include "engine/cell_skips.hpp"
#include "engine/kernel_pool.hpp"
#include "execute/execute_notebook.hpp"

#include <memory>

namespace docnb {

// Runs every example of `reference` (cells grouped by their example id) in a kernel of its own:
// `first` for the first example, then kernels started from `launch`, the next one starting
// while the current example runs. The examples' cells are put back together into one run of
// the module, as execute_notebook would return it. Kernels are retired to `reaper`. The
// examples in `leave_out` (served from the cache) get no kernel and no cells in the run.
[[nodiscard]] NotebookRun
execute_each_example_alone(const Notebook& reference, const KernelLaunch& launch,
                           std::unique_ptr<KernelConnection> first, KernelHost& host,
                           KernelReaper& reaper, const ExecuteOptions& execute,
                           const ContinueAfter& continue_after, const ExampleIds& leave_out);

} // namespace docnb
