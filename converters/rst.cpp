#include "converters/rst.hpp"

#include "converters/myst_doctest.hpp"
#include "converters/page_rules.hpp"
#include "converters/pycon.hpp"
#include "converters/rst_names.hpp"
#include "converters/skip_markers.hpp"
#include "converters/text_source.hpp"
#include "support/python_str.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace docnb::converters {
namespace {

using python_str::lower;

struct Directive {
  std::string name;
  std::string argument;
  int indent = 0;
};

// `.. name:: argument` at any indentation.
std::optional<Directive> directive_at(const std::string& line) {
  const std::string_view text = trim(line);
  if (text.substr(0, 3) != ".. ") return std::nullopt;
  const std::string_view rest = text.substr(3);
  const std::size_t marker = rest.find("::");
  if (marker == std::string_view::npos || marker == 0) return std::nullopt;
  const std::string_view name = rest.substr(0, marker);
  if (name.find_first_of(" \t") != std::string_view::npos) return std::nullopt;
  if (marker + 2 < rest.size() && rest[marker + 2] != ' ' && rest[marker + 2] != '\t') {
    return std::nullopt;
  }
  return Directive{std::string(name), std::string(trim(rest.substr(marker + 2))),
                   indentation(line)};
}

bool is_python(std::string_view language) {
  const std::string name = lower(trim(language));
  return name == "python" || name == "py" || name == "python3" || name == "ipython3" ||
         name == "ipython";
}

struct Body {
  std::map<std::string, std::string> options;
  int first = 0; // content lines, blank edges excluded; first > last when empty
  int last = -1;
  int end = 0;    // last line that belongs to the directive (blank lines included)
  int indent = 0; // of the content
};

class RstReader {
public:
  RstReader(const SourceText& source, std::string path, std::optional<PageRules> rules)
      : source_(source), path_(std::move(path)), rules_(std::move(rules)), setup_(path_),
        body_(path_), cleanup_(path_) {}

  Converted read() {
    const int count = static_cast<int>(source_.lines.size());
    int n = 1;
    bool after_blank = true;
    while (n <= count) {
      const std::string& line = text(n);
      if (is_blank(line)) {
        after_blank = true;
        ++n;
        continue;
      }
      const int next = read_line(n, after_blank);
      after_blank = false;
      n = std::max(next, n + 1);
    }
    if (auto dangling = skips_.dangling(path_)) warnings_.push_back(std::move(*dangling));
    flush_text(count + 1);
    Json cells = setup_.take();
    for (Json& cell : body_.take())
      cells.push_back(std::move(cell));
    for (Json& cell : cleanup_.take())
      cells.push_back(std::move(cell));
    if (sphinx()) cells = spread_groups(std::move(cells));
    if (not_run_ > 0) warnings_.push_back(not_run_under_sphinx(path_, not_run_));
    Converted converted;
    converted.kind = SourceKind::rst;
    converted.notebook = make_notebook(path_, std::move(cells));
    converted.warnings = std::move(warnings_);
    return converted;
  }

private:
  const std::string& text(int n) const { return source_.lines[static_cast<std::size_t>(n - 1)]; }
  int line_count() const { return static_cast<int>(source_.lines.size()); }

  void warn(int line, const std::string& message) {
    warnings_.push_back(path_ + ":" + std::to_string(line) + ": " + message);
  }

  void flush_text(int line) {
    if (auto block = trimmed_block(source_.lines, next_text_line_, line - 1)) {
      body_.add_raw(std::move(*block), "text/restructuredtext");
    }
  }

  void consume(int first, int last) {
    if (first < next_text_line_) return;
    flush_text(first);
    next_text_line_ = last + 1;
  }

  // Reads what starts on line n; returns the next line to look at.
  int read_line(int n, bool after_blank) {
    const std::string& line = text(n);
    if (auto directive = directive_at(line)) return read_directive(n, *directive);
    const std::string_view stripped = trim(line);
    if (stripped.substr(0, 2) == "..") {
      const int last = skip_indented(n, indentation(line)); // a comment and its body
      const MarkerSeen seen = rst_marker_of(line);
      if (seen.marker != Marker::none) {
        // A marker is for docnb; a comment, it is not on the page for readers either.
        consume(n, last);
        skips_.note(seen, n);
      } else if (auto typo = misspelt_marker(seen, path_, n)) {
        warnings_.push_back(std::move(*typo));
      } else {
        check_comment_for_typo(n, stripped);
      }
      return last + 1;
    }
    if (after_blank && starts_with_prompt(line)) return read_doctest_block(n);
    if (stripped.size() >= 2 && stripped.substr(stripped.size() - 2) == "::") {
      return read_literal_block(n);
    }
    return n + 1;
  }

  // The last line of the indented block after line n (deeper than `indent`), or n.
  int skip_indented(int n, int indent) const {
    int last = n;
    for (int m = n + 1; m <= line_count(); ++m) {
      if (is_blank(text(m))) continue;
      if (indentation(text(m)) <= indent) break;
      last = m;
    }
    return last;
  }

  void check_comment_for_typo(int n, std::string_view stripped) {
    if (auto typo = comment_typo(stripped)) warn(n, *typo);
  }

  void check_directive_name(int n, const std::string& name) {
    if (auto typo = directive_typo(name)) warn(n, *typo);
  }

  Body body_of(int n, int indent) const {
    Body body;
    int m = n + 1;
    for (; m <= line_count(); ++m) {
      const std::string& line = text(m);
      if (is_blank(line) || indentation(line) <= indent) break;
      const std::string_view option = trim(line);
      if (option.empty() || option.front() != ':') break;
      const std::size_t close = option.find(':', 1);
      if (close == std::string_view::npos) break;
      body.options[std::string(option.substr(1, close - 1))] =
          std::string(trim(option.substr(close + 1)));
    }
    body.end = skip_indented(n, indent);
    body.first = m;
    while (body.first <= body.end && is_blank(text(body.first)))
      ++body.first;
    body.last = body.end;
    body.indent = 1 << 20;
    for (int k = body.first; k <= body.last; ++k) {
      if (!is_blank(text(k))) body.indent = std::min(body.indent, indentation(text(k)));
    }
    return body;
  }

  std::vector<std::string> content_of(const Body& body) const {
    std::vector<std::string> lines;
    for (int k = body.first; k <= body.last; ++k)
      lines.push_back(dedent(text(k), body.indent));
    return lines;
  }

  bool sphinx() const { return rules_ && rules_->rules == check::RuleSet::sphinx; }

  // A Sphinx doctest directive's map (`directive` null for a doctest block).
  SourceMap map_of(const Body& body, const Directive* directive = nullptr) const {
    SourceMap map;
    if (rules_) stamp_rules(map, *rules_);
    if (sphinx()) {
      apply_sphinx_directive(map, directive ? directive->name : "doctest",
                             directive ? directive->argument : "", body.options);
    }
    map.line = body.first;
    map.last_line = body.last;
    if (auto found = body.options.find("skipif"); found != body.options.end()) {
      map.skipif = found->second;
    }
    if (auto found = body.options.find("options"); found != body.options.end()) {
      map.options = map.options ? *map.options + ", " + found->second : found->second;
    }
    return map;
  }

  static Json extra_metadata(const Body& body) {
    Json metadata = Json::object();
    if (body.options.count("hide") != 0) metadata["nbsphinx"] = "hidden";
    return metadata;
  }

  int read_directive(int n, const Directive& directive) {
    check_directive_name(n, directive.name);
    const std::string& name = directive.name;
    const bool code_like = name == "code-block" || name == "code" || name == "sourcecode";
    const bool doctest_like = name == "doctest" || name == "testcode" || name == "testoutput" ||
                              name == "testsetup" || name == "testcleanup";
    if (!code_like && !doctest_like) {
      // Other directives (notes, admonitions) may hold examples: look inside. Literal ones
      // (literalinclude, math, raw) hold none worth scanning but no harm is done.
      return n + 1;
    }
    const Body body = body_of(n, directive.indent);
    if (body.first > body.last) {
      if (name != "testoutput") return body.end + 1;
    }
    if (code_like) {
      const std::string language(trim(directive.argument));
      if (sphinx() && (is_python(language) || lower(language) == "pycon")) {
        ++not_run_;
        return body.end + 1;
      }
      if (is_python(language)) {
        read_code(n, body, body_);
      } else if (lower(language) == "pycon") {
        read_session(n, body, nullptr);
      }
      return body.end + 1;
    }
    if (name == "doctest") {
      read_session(n, body, &directive);
    } else if (name == "testcode") {
      read_code(n, body, body_, &directive);
      open_testcode_ = body_.size() - 1;
    } else if (name == "testoutput") {
      read_testoutput(n, body);
    } else if (name == "testsetup") {
      read_hidden(n, body, setup_, CellRole::setup, directive);
    } else if (name == "testcleanup") {
      read_hidden(n, body, cleanup_, CellRole::cleanup, directive);
    }
    return body.end + 1;
  }

  void add_code(CellList& cells, std::string source, const SourceMap& map, Json metadata) {
    cells.add_code(std::move(source), map, std::move(metadata));
  }

  void read_code(int n, const Body& body, CellList& cells, const Directive* directive = nullptr) {
    consume(n, body.end);
    open_testcode_.reset();
    if (body.first > body.last) return;
    SourceMap map = map_of(body, directive);
    map.skip = skips_.take();
    const std::vector<std::string> lines = content_of(body);
    add_code(cells, join_lines(lines, 1, static_cast<int>(lines.size())), map,
             extra_metadata(body));
  }

  void read_hidden(int n, const Body& body, CellList& cells, CellRole role,
                   const Directive& directive) {
    consume(n, body.end);
    if (body.first > body.last) return;
    SourceMap map = map_of(body, &directive);
    map.role = role;
    const std::vector<std::string> lines = content_of(body);
    add_code(cells, join_lines(lines, 1, static_cast<int>(lines.size())), map, Json::object());
  }

  void read_testoutput(int n, const Body& body) {
    consume(n, body.end);
    if (!open_testcode_) {
      warn(n, "testoutput without a testcode before it is not checked");
      return;
    }
    Json& cell = body_.cell(*open_testcode_);
    open_testcode_.reset();
    SourceMap map = source_map_of(cell).value();
    std::string want;
    for (const std::string& line : content_of(body))
      want += line + "\n";
    map.want = want;
    map.want_line = body.first > body.last ? n + 1 : body.first;
    map.want_last_line = body.first > body.last ? n : body.last;
    if (sphinx()) {
      // Sphinx compares a testcode's output with <BLANKLINE> processing off.
      map.options =
          map.options ? *map.options + ", +DONT_ACCEPT_BLANKLINE" : "+DONT_ACCEPT_BLANKLINE";
    }
    if (auto found = body.options.find("options"); found != body.options.end()) {
      map.options = map.options ? *map.options + ", " + found->second : found->second;
    }
    set_source_map(cell, map);
  }

  void add_session(const std::vector<std::string>& lines, int first_line, const SourceMap& base,
                   const Json& metadata) {
    for (const int stray :
         add_session_cells(lines, first_line, base, metadata, body_, one_statement_each(rules_))) {
      warn(stray, "text outside a >>> example is not checked");
    }
  }

  void read_session(int n, const Body& body, const Directive* directive) {
    consume(n, body.end);
    open_testcode_.reset();
    if (body.first > body.last) return;
    SourceMap base = map_of(body, directive);
    base.skip = skips_.take();
    add_session(content_of(body), body.first, base, extra_metadata(body));
  }

  // A block with nothing of its own to say but the skip markers before it.
  SourceMap skipped_base() {
    SourceMap base = map_of(Body{});
    base.skip = skips_.take();
    return base;
  }

  // A paragraph that starts with `>>>` runs to the next blank line.
  int read_doctest_block(int n) {
    int last = n;
    while (last + 1 <= line_count() && !is_blank(text(last + 1)))
      ++last;
    add_prompt_block(n, last);
    return last + 1;
  }

  // A paragraph line ending in `::`: the indented block after it is literal text, an
  // example only when it starts with `>>>`.
  int read_literal_block(int n) {
    const int indent = indentation(text(n));
    int first = n + 1;
    while (first <= line_count() && is_blank(text(first)))
      ++first;
    if (first > line_count() || indentation(text(first)) <= indent) return n + 1;
    const int last_line = skip_indented(n, indent);
    if (!starts_with_prompt(text(first))) return last_line + 1;
    if (sphinx()) {
      ++not_run_;
      return last_line + 1;
    }
    add_prompt_block(first, last_line);
    return last_line + 1;
  }

  // Lines first to last, a `>>>` session outside any directive, as examples; a testoutput
  // after it no longer belongs to a testcode before it.
  void add_prompt_block(int first, int last) {
    consume(first, last);
    open_testcode_.reset();
    std::vector<std::string> lines;
    for (int k = first; k <= last; ++k)
      lines.push_back(text(k));
    add_session(lines, first, skipped_base(), Json::object());
  }

  const SourceText& source_;
  std::string path_;
  std::optional<PageRules> rules_;
  CellList setup_;
  CellList body_;
  CellList cleanup_;
  std::vector<std::string> warnings_;
  int next_text_line_ = 1;
  std::optional<std::size_t> open_testcode_;
  SkipMarkers skips_;
  int not_run_ = 0; // code and literal blocks the sphinx rule set does not run
};

} // namespace

Result<Converted> read_rst(std::string_view bytes, const std::string& path,
                           std::optional<PageRules> rules) {
  return read_with<RstReader>(bytes, path, std::move(rules));
}

} // namespace docnb::converters
