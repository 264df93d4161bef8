#include "update/source_update.hpp"

#include "check/diff.hpp"
#include "notebook/write.hpp"
#include "support/atomic_file.hpp"
#include "update/fresh_outputs.hpp"
#include "update/notebook_update.hpp"

namespace docnb {
namespace {

// Where a rewritten want sits in its source, for the report.
std::size_t want_line_of(const Json& cell) {
  const SourceMap map = source_map_of(cell).value_or(SourceMap{});
  return static_cast<std::size_t>(map.want_line > 0 ? map.want_line : map.line);
}

std::string diff_header(const std::filesystem::path& path) {
  return "--- " + path.string() + "\n+++ " + path.string() + " (updated)\n";
}

SourceUpdate update_text_source(const converters::Converted& source,
                                const check::DoctestPlan& plan, const check::JudgedRun& judged,
                                const check::CheckOptions& options, const SourceWrites& writes) {
  const std::filesystem::path& path = source.notebook.path;
  const std::vector<converters::FreshOutput> fresh =
      fresh_text_outputs(source.notebook, judged, options, plan);
  if (fresh.empty()) return apply_source_update(path, source.original, std::nullopt, {}, {});
  std::vector<std::size_t> lines;
  for (const converters::FreshOutput& output : fresh)
    lines.push_back(want_line_of(source.notebook.cells().at(output.cell)));
  Result<converters::WriteBack> written = converters::write_back(source, fresh);
  if (!written) {
    SourceUpdate refused;
    refused.action = SourceUpdate::Action::refused;
    refused.error = written.error();
    return refused;
  }
  SourceUpdate update = apply_source_update(path, source.original, written->text, {}, writes);
  update.lines = std::move(lines);
  update.not_written = std::move(written->not_written);
  return update;
}

} // namespace

SourceUpdate update_source(const converters::Converted& source, const check::DoctestPlan& plan,
                           const check::JudgedRun& judged, const check::CheckOptions& options,
                           const SourceWrites& writes) {
  if (judged.run.cells.empty()) return {}; // nothing ran, nothing to write
  switch (source.kind) {
  case converters::SourceKind::percent:
  case converters::SourceKind::gallery:
    return {}; // scripts hold no expected outputs
  case converters::SourceKind::notebook: {
    NotebookUpdate update = updated_notebook(source.notebook, judged, options);
    return apply_source_update(source.notebook.path, source.original,
                               update.changed ? std::optional(notebook_to_text(update.notebook))
                                              : std::nullopt,
                               std::move(update.cells), writes);
  }
  case converters::SourceKind::markdown:
  case converters::SourceKind::rst:
  case converters::SourceKind::docstring:
    break;
  }
  return update_text_source(source, plan, judged, options, writes);
}

SourceUpdate apply_source_update(const std::filesystem::path& path, const std::string& original,
                                 const std::optional<std::string>& replacement,
                                 std::vector<std::size_t> cells, const SourceWrites& writes) {
  SourceUpdate update;
  update.cells = std::move(cells);
  if (!replacement || *replacement == original) return update;
  if (writes.diff) {
    update.diff = diff_header(path) +
                  check::unified_diff(original, *replacement, check::DiffStyle{writes.colour, 3});
  }
  if (!writes.update) {
    update.action = SourceUpdate::Action::pending;
    return update;
  }
  if (Status written = write_file_atomically(path, *replacement, original); !written) {
    update.action = SourceUpdate::Action::refused;
    update.error = written.error();
    return update;
  }
  update.action = SourceUpdate::Action::written;
  return update;
}

} // namespace docnb
