// MyST directive fences (```` ```{name} argument ````) and the Sphinx doctest directives among
// them, read into cells as Sphinx's doctest builder runs them after myst-parser has parsed the
// page.
//
// Options are written as myst-parser reads them: `:key: value` lines at the top of the fence,
// or a block of YAML `key: value` lines between two `---` lines (a key's `- item` lines join
// into one comma-separated value).
//
// Directives: `{doctest}` holds a `>>>` session (one cell per part, converters/pycon.hpp);
// `{testcode}` is one cell whose want is the next `{testoutput}` of the same group;
// `{testsetup}` and `{testcleanup}` are hidden cells with the roles setup and cleanup. The
// argument names the groups (comma-separated; none: "default"; `*`: every group of the page).
// Each cell carries its one group in its source map: the engine runs each group in a namespace
// of its own, its setup cells first and its cleanup cells last (engine/execute_units.hpp).
// Options: `:skipif:` and `:options:` (a testoutput's join its testcode's) go to the source map,
// `:hide:` hides the cell from nbsphinx.
#pragma once

#include "converters/page_rules.hpp"
#include "converters/text_source.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace docnb::converters {

struct MystDirective {
  std::string name;     // "doctest", "code-cell": what is between the braces
  std::string argument; // the rest of the info string, trimmed
  std::map<std::string, std::string> options;
  int content_offset = 0; // the fence's content lines the options take
};

// The directive a fence opens, from its info string and content lines; nullopt when the info
// string does not start with `{name}`.
[[nodiscard]] std::optional<MystDirective> myst_directive(std::string_view info,
                                                          const std::vector<std::string>& lines);

// The fence's content lines from `offset` (after the options) without blank lines at either
// end, as indices [first, last) into `lines`.
[[nodiscard]] std::pair<int, int> content_range(const std::vector<std::string>& lines, int offset);

// A `{code-cell}`'s `tags` option (`[a, b]`, `a, b` or YAML items) as a JSON list.
[[nodiscard]] Json myst_tags(const MystDirective& directive);

// doctest, testcode, testoutput, testsetup or testcleanup.
[[nodiscard]] bool is_doctest_directive(std::string_view name);

// The Sphinx doctest directives of one page, read in page order into the page's cells.
class DoctestDirectives {
public:
  // `rules`: what judges the directives' examples (converters/page_rules.hpp).
  DoctestDirectives(CellList& cells, std::vector<std::string>& warnings,
                    std::optional<PageRules> rules = std::nullopt)
      : cells_(cells), warnings_(warnings), rules_(std::move(rules)) {}

  // One directive fence: `lines` its content, the first of them on line `first_line`; `skip`
  // says why it is not run, if it is not.
  void read(const MystDirective& directive, const std::vector<std::string>& lines, int first_line,
            const std::optional<std::string>& skip);

private:
  void warn(int line, const std::string& message);
  void read_testoutput(const MystDirective& directive, const std::vector<std::string>& content,
                       int first, int fence_line);

  CellList& cells_;
  std::vector<std::string>& warnings_;
  std::optional<PageRules> rules_;
  std::map<std::string, std::size_t> open_testcode_; // by group: the cell awaiting its output
};

// `cells` with each code cell of several groups (`a, b`, or `*` for every group the page names)
// copied once into each of them, in place.
[[nodiscard]] Json spread_groups(Json cells);

} // namespace docnb::converters
