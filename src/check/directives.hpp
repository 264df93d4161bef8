// Doctest directives in code comments, with xdoctest's syntax and scope.
//
// A directive comment is `# doctest: ...`, `# xdoctest: ...`, `# doc: ...` or `# xdoc: ...`
// (prefix case-insensitive), followed by a comma-separated list of names, each with an
// optional `+` (enable, the default) or `-` (disable) and optional arguments in parentheses:
// `# xdoctest: +SKIP("slow"), -ELLIPSIS, +REQUIRES(module:torch, env:CUDA)`. A comment on a
// line of its own has block scope (in force from there on, until changed); one after code
// has inline scope (that statement only). Names are upper-cased.
#pragma once

#include "support/result.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docnb::check {

struct Directive {
  std::string name; // upper case: "SKIP", "REQUIRES", ...
  bool enabled = true;
  std::vector<std::string> arguments; // quotes stripped
};

enum class DirectiveScope { block, inline_statement };

struct DirectiveComment {
  std::size_t line = 0; // 0-based line within the code
  DirectiveScope scope = DirectiveScope::block;
  std::vector<Directive> directives;
};

// Something wrong with a comment that looks like a directive or an nbval marker; the
// message names the closest known spelling.
struct DirectiveProblem {
  std::size_t line = 0; // 0-based line within the code
  std::string message;
};

struct CodeDirectives {
  std::vector<DirectiveComment> comments;
  std::vector<DirectiveProblem> problems;
};

// Every directive comment in `code`, plus problems: unknown directive names, a prefix without
// its colon (`# doctest +SKIP`), a misspelt prefix (`# xdoctset: +SKIP`), an unknown nbval
// marker (`# NBVAL_SKIPP`), malformed argument lists.
[[nodiscard]] CodeDirectives find_directives(std::string_view code);

// "unknown doctest directive SKPI: did you mean SKIP?" for a name docnb does not know.
[[nodiscard]] std::optional<std::string> unknown_directive(const Directive& directive);

// A bare directive list, as rst's `:options:` and the "options" metadata hold it.
[[nodiscard]] Result<std::vector<Directive>> parse_directive_list(std::string_view text);

// Whose checker judges an example (check/rule_set.hpp).
enum class RuleSet { xdoctest, stdlib, sphinx };

// The doctest options in force for one part, xdoctest's defaults first.
struct DoctestOptions {
  RuleSet rules = RuleSet::xdoctest;
  bool skip = false;
  std::string skip_reason;
  bool ignore_want = false;
  bool ellipsis = true;
  bool normalize_whitespace = true;
  bool ignore_whitespace = false;
  bool normalize_repr = true;
  bool ignore_exception_detail = false;
  bool dont_accept_blankline = false;
  bool dont_accept_true_for_1 = false; // stdlib rules only: xdoctest has no True/1 leniency
  bool float_cmp = false;
  std::optional<std::chrono::milliseconds> timeout; // TIMEOUT(s), PaddlePaddle's
  std::vector<std::string> requirements;            // REQUIRES(...) arguments, unevaluated
};

// Applies one directive; an error for a directive whose arguments make no sense
// (TIMEOUT without a number, REQUIRES without arguments).
[[nodiscard]] Status apply_directive(const Directive& directive, DoctestOptions& options);

} // namespace docnb::check
