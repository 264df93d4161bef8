// --update and --diff: what fresh outputs go back into a source, and writing them there.
//
// A source is rewritten only with --update, atomically, and only when it still holds the bytes
// it was read from; --diff prints the change as a unified diff (and alone writes nothing).
// Notebooks take fresh outputs cell by cell (update/notebook_update.hpp), Markdown, rst and
// docstrings take fresh wants (update/fresh_outputs.hpp, written by the converters'
// write_back); percent and gallery scripts hold no expected outputs.
#pragma once

#include "check/doctest_plan.hpp"
#include "check/judge.hpp"
#include "converters/source.hpp"
#include "support/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace docnb {

// What a run does with sources: the command line's --update, --diff and --check.
struct SourceWrites {
  bool update = false; // rewrite sources with the fresh outputs
  bool diff = false;   // print the changes --update makes (without --update: only print)
  bool colour = false; // ANSI colours in diffs

  [[nodiscard]] bool any() const { return update || diff; }
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
  std::vector<std::size_t> cells; // code cells (N of "Cell N") whose stored outputs are rewritten
  std::vector<std::size_t> lines; // text sources: lines of the rewritten wants
  // Text sources: fresh outputs that cannot be written (a docstring that is no plain literal),
  // "path:line: not written back: why"; the others are written.
  std::vector<std::string> not_written;
  std::string diff;           // unified diff of the source, when --diff asked for it
  std::optional<Error> error; // why a rewrite was refused
};

// What --update / --diff do with `source` (as read and converted: its kind, reference notebook
// and original bytes), given its doctest plan and its judged run.
[[nodiscard]] SourceUpdate update_source(const converters::Converted& source,
                                         const check::DoctestPlan& plan,
                                         const check::JudgedRun& judged,
                                         const check::CheckOptions& options,
                                         const SourceWrites& writes);

// Rewrites `path`, whose bytes were `original` when read, with `replacement` (nullopt: no
// change) as `writes` asks: written only with --update, only when the file still holds
// `original` right before the rename; a diff when --diff asked for one.
[[nodiscard]] SourceUpdate apply_source_update(const std::filesystem::path& path,
                                               const std::string& original,
                                               const std::optional<std::string>& replacement,
                                               std::vector<std::size_t> cells,
                                               const SourceWrites& writes);

} // namespace docnb
