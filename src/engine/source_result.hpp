// What became of one source in a run.
#pragma once

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
};

struct SourceResult {
  std::filesystem::path source;
  std::filesystem::path written;    // the executed notebook, when one was written
  std::optional<Error> input_error; // unreadable source or unusable kernel: nothing ran
  std::optional<Error> write_error; // the executed notebook could not be written
  std::vector<Verdict> verdicts;
  std::vector<std::string> warnings;
  double seconds = 0;

  [[nodiscard]] bool failed() const;
};

struct RunTotals {
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t skipped = 0;
  std::size_t input_errors = 0; // unreadable sources and unwritable outputs

  void add(const SourceResult& result);
  // 0 all passed, 1 some example failed, 2 usage or input error.
  [[nodiscard]] int exit_code() const;
};

} // namespace docnb
