// Running a source's code cells as units, each judged as it finishes.
//
// A notebook's or a page's cells share their state: they are one unit, on one kernel. A
// docstring module's examples are isolated by design (a fresh namespace each, as xdoctest runs
// them): each is a unit of its own, so an example that kills its kernel (os._exit, a segfault,
// a timeout that has to kill) costs that example alone and the next one runs on a fresh
// kernel; under --fresh-kernel-per-example every example gets a fresh kernel.
#pragma once

#include "check/cell_skips.hpp"
#include "check/judge.hpp"
#include "converters/source.hpp"
#include "engine/kernel_pool.hpp"
#include "execute/execute_notebook.hpp"

#include <functional>
#include <vector>

namespace docnb {

class SharedUnits;
class UnitBoard;

// Code cell indices, in order.
using ExecutionUnit = std::vector<std::size_t>;

// The units of `reference`: its examples for a docstring module (without those in
// `leave_out`, served from the cache); for a page with Sphinx doctest groups, its cells of no
// group, then each group in the order it first appears (its setup cells, its examples, its
// cleanup cells, as Sphinx's doctest builder runs a group); else every code cell in one.
[[nodiscard]] std::vector<ExecutionUnit> execution_units(const Notebook& reference,
                                                         converters::SourceKind kind,
                                                         const check::ExampleIds& leave_out);

// Whether some code cell of `reference` belongs to a Sphinx doctest group: each unit then runs
// on a kernel of its own, as each group has a namespace of its own.
[[nodiscard]] bool has_groups(const Notebook& reference);

// Where the units' kernels come from.
struct UnitKernels {
  KernelStart first;          // the kernel the source's first unit runs on
  const KernelLaunch& launch; // how a fresh one starts
  KernelHost& host;
  KernelReaper& reaper;        // takes every kernel once it is done with
  bool fresh_for_each = false; // every unit on a fresh kernel (the next one warming meanwhile)
};

// Asked after each cell's verdict; false stops the unit there (the rest of it not run).
using ContinueAfterVerdict = std::function<bool(const Json& cell, const Verdict& verdict)>;

// Runs `units` of `reference` in order and judges every cell with `judge` once its unit ends. A
// unit that loses its kernel leaves the next unit a fresh one; a kernel that does not start
// leaves its unit's cells not run, with the reason.
[[nodiscard]] check::JudgedRun execute_units(const Notebook& reference,
                                             const std::vector<ExecutionUnit>& units,
                                             UnitKernels kernels, const ExecuteOptions& options,
                                             check::CellJudge& judge,
                                             const ContinueAfterVerdict& continue_after);

// As execute_units, the units handed out by `shared` in its start order; with a `board`, a
// worker with nothing else to do may run some of them on a kernel of its own meanwhile
// (engine/shared_units.hpp). The run is in the notebook's order whoever ran what.
[[nodiscard]] check::JudgedRun
execute_shared_units(const Notebook& reference, SharedUnits& shared, UnitKernels kernels,
                     const ExecuteOptions& options, check::CellJudge& judge,
                     const ContinueAfterVerdict& continue_after, UnitBoard* board);

} // namespace docnb
