// What became of one source in a run: the value every report reads.
#pragma once

#include "check/verdict.hpp"
#include "report/cell_contents.hpp"
#include "support/result.hpp"
#include "update/source_update.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace docnb {

struct SourceResult {
  std::filesystem::path source;
  std::filesystem::path written;    // the executed notebook, when one was written
  std::optional<Error> input_error; // unreadable source or unusable kernel: nothing ran
  std::optional<Error> write_error; // the executed notebook could not be written
  // Set when --update or --diff was asked for.
  std::optional<SourceUpdate> update;
  std::vector<Verdict> verdicts; // one per example: a notebook's code cell, a page's block
  std::vector<std::string> warnings;
  double seconds = 0;
  bool cached = false; // served from the content cache: re-checked, no kernel started
  // A module that ran again for its failing examples: how many examples the cache served.
  std::size_t examples_cached = 0;
  // Code and outputs of its code cells, when a report shows them (RunConfig::keep_cell_contents).
  std::vector<CellContent> contents;

  [[nodiscard]] bool failed() const;
};

struct RunTotals {
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t skipped = 0;
  std::size_t input_errors = 0; // unreadable sources, unwritable outputs, refused updates
  // The signal (SIGINT, SIGTERM, SIGHUP) that stopped the run before every source had run:
  // the results are those of what finished. 0: the run went to its end.
  int stopped_by = 0;

  void add(const SourceResult& result);
  // 0 all passed, 1 some example failed, 2 usage or input error; 128 + the signal when one
  // stopped the run (130 SIGINT, 143 SIGTERM, 129 SIGHUP), as a shell reports it.
  [[nodiscard]] int exit_code() const;
};

} // namespace docnb
