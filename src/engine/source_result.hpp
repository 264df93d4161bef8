// What became of one source in a run.
#pragma once

#include "engine/cell_contents.hpp"
#include "support/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace docnb {

enum class VerdictStatus { passed, failed, skipped };

std::string_view to_string(VerdictStatus status);

// One example: for a notebook, one code cell, as nbval counts.
struct Verdict {
  std::size_t cell = 0; // index into the notebook's cells array
  VerdictStatus status = VerdictStatus::passed;
  std::string reason;               // why it failed or was skipped
  std::string first_line;           // the cell's first source line, to find it by eye
  std::vector<std::string> details; // diffs or other text shown under a failure
  double seconds = 0;
  std::string example;  // its id: "path::Cell N" (N counts code cells from 0, as nbval)
  std::size_t line = 0; // 1-based line in the source; for .ipynb, the cell index
  bool in_text = false; // from a text source's code block: `example` names file and line
  // The cells of an example that spans several (the parts of a `>>>` session or docstring
  // example); empty means just `cell`. Parts skipped within an example that ran.
  std::vector<std::size_t> cells;
  std::size_t parts_skipped = 0;
  bool setup = false;  // a docstring example's namespace cell: its error fails the example
  bool hidden = false; // a page's hidden setup or cleanup code: not an example unless it fails
};

// What --update (or --diff) did with the source itself.
struct SourceUpdate {
  enum class Action {
    unchanged, // nothing to rewrite: the source already holds the fresh outputs
    written,   // rewritten atomically (--update)
    pending,   // would be rewritten; not written (--diff alone, or --check)
    refused,   // not written, see `error` (changed on disk, cannot write)
  };
  Action action = Action::unchanged;
  std::vector<std::size_t> cells; // notebook cells (indices) whose stored outputs are rewritten
  std::vector<std::size_t> lines; // text sources: lines of the rewritten wants
  // Text sources: fresh outputs that cannot be written (a docstring that is no plain literal),
  // "path:line: not written back: why"; the others are written.
  std::vector<std::string> not_written;
  std::string diff;           // unified diff of the source, when --diff asked for it
  std::optional<Error> error; // why a rewrite was refused
};

struct SourceResult {
  std::filesystem::path source;
  std::filesystem::path written;    // the executed notebook, when one was written
  std::optional<Error> input_error; // unreadable source or unusable kernel: nothing ran
  std::optional<Error> write_error; // the executed notebook could not be written
  // Set when --update or --diff was asked for.
  std::optional<SourceUpdate> update;
  std::vector<Verdict> verdicts;
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

  void add(const SourceResult& result);
  // 0 all passed, 1 some example failed, 2 usage or input error.
  [[nodiscard]] int exit_code() const;
};

} // namespace docnb
