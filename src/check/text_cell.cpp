#include "check/text_cell.hpp"

#include "check/rule_set.hpp"
#include "check/stdlib_cell.hpp"
#include "check/streams.hpp"
#include "check/want.hpp"
#include "check/want_failure.hpp"

namespace docnb::check {

namespace {

// What docnb's doctest runner (converters/python/doctest_part.py) publishes an exception as.
constexpr std::string_view doctest_exception_mime = "application/vnd.docnb.doctest+json";

Verdict failed(std::string reason, std::string_view want = {}, std::string_view got = {}) {
  return want_failure(std::move(reason), want, got);
}

Verdict check_exception(const DoctestGot& got, const std::optional<std::string>& want,
                        const DoctestOptions& options, const CellPolicy& policy) {
  const std::string& raised = *got.exception;
  if (want && !options.ignore_want && policy.compare_outputs) {
    if (const auto expected = exception_want(*want)) {
      if (exception_matches(raised, *want, options, got.doctest_form)) return {};
      return failed("exception message is different", *expected, raised);
    }
  }
  if (policy.raises_exception) return {};
  return failed("raised " + raised);
}

} // namespace

std::optional<std::string> want_of(const Json& cell) {
  std::optional<SourceMap> map = source_map_of(cell);
  return map ? std::move(map->want) : std::nullopt;
}

DoctestGot doctest_got(const Json& outputs) {
  DoctestGot got;
  for (const Json& output : outputs) {
    const std::string type = output.value("output_type", "");
    if (type == "stream" && output.value("name", "") == "stdout") {
      const std::string text = joined_text(output.value("text", Json()));
      got.stdout_text += text;
      got.printed += text;
    } else if (type == "execute_result") {
      const Json& data = output.value("data", Json::object());
      if (const auto plain = data.find("text/plain"); plain != data.end()) {
        got.result = joined_text(*plain);
        if (!got.printed.empty() && got.printed.back() != '\n') got.printed += '\n';
        got.printed += *got.result;
      }
    } else if (type == "display_data") {
      const Json& data = output.value("data", Json::object());
      if (const auto form = data.find(doctest_exception_mime); form != data.end()) {
        std::string text = form->value("exception", "");
        while (!text.empty() && text.back() == '\n')
          text.pop_back();
        got.exception = std::move(text);
        got.doctest_form = true;
      }
    } else if (type == "error" && !got.doctest_form) {
      const std::string name = output.value("ename", "");
      const std::string value = output.value("evalue", "");
      got.exception = value.empty() ? name : name + ": " + value;
    }
  }
  return got;
}

namespace {

// xdoctest's check_got_vs_want for a docstring part: the stdout, falling back to the repr of
// the part's value (an "eval" part) when there was no stdout or it did not match. Stdout and
// value are never joined: `print('a') or 5` does not satisfy the want `a` + `5`.
bool docstring_part_matches(std::string_view got_stdout, const std::optional<std::string>& value,
                            std::string_view want, const DoctestOptions& options) {
  if (got_stdout.empty() && value) return output_matches(*value, want, options);
  if (output_matches(got_stdout, want, options)) return true;
  return value && output_matches(*value, want, options);
}

// xdoctest's Part.check: the want may match this part's stdout alone or joined after any
// tail of what the want-less parts before it printed.
Verdict check_docstring_part(const DoctestGot& got, const std::string& want,
                             const DoctestOptions& options, std::span<const std::string> deferred,
                             bool evaluated) {
  // An evaluated part's value is repr()'d, None included (IPython shows no result for None).
  const std::optional<std::string> value =
      evaluated ? std::optional(got.result.value_or("None")) : std::nullopt;
  std::string queued = got.stdout_text;
  if (docstring_part_matches(queued, value, want, options)) return {};
  for (auto earlier = deferred.rbegin(); earlier != deferred.rend(); ++earlier) {
    queued.insert(0, *earlier);
    if (docstring_part_matches(queued, value, want, options)) return {};
  }
  // As xdoctest reports it: the stdout when there was any, else the value.
  const std::string shown = got.stdout_text.empty() && value ? *value : got.stdout_text;
  return failed("got differs from the expected output", want, shown);
}

} // namespace

namespace {

// xdoctest's compile mode of a docstring part ("exec", "eval", "single"); empty for a block of
// a page, which has none.
std::string compile_mode_of(const Json& cell) {
  const std::optional<SourceMap> map = source_map_of(cell);
  return map ? map->compile_mode : std::string();
}

} // namespace

std::string want_from_outputs(const Json& reference_cell, const Json& outputs) {
  const DoctestGot got = doctest_got(outputs);
  const std::string mode = compile_mode_of(reference_cell);
  if (mode.empty() || mode == "single") return got.printed; // "single" prints its values
  if (!got.stdout_text.empty()) return got.stdout_text;
  if (got.result) return *got.result;
  return mode == "eval" ? "None" : "";
}

Verdict check_text_cell(const Json& reference_cell, const Json& outputs, bool reply_error,
                        const DoctestOptions& options, const CellPolicy& policy,
                        std::span<const std::string> deferred) {
  const DoctestGot got = doctest_got(outputs);
  const std::optional<std::string> want = want_of(reference_cell);
  if (is_stdlib_like(options.rules)) {
    return check_stdlib_cell(got, want, compile_mode_of(reference_cell), reply_error, options,
                             policy);
  }
  if (got.exception) return check_exception(got, want, options, policy);
  if (reply_error) return failed("the kernel reported an error without an error output");
  if (policy.raises_exception) return failed("expected an exception, none was raised");
  if (!want || options.ignore_want || !policy.compare_outputs) return {};
  if (const auto expected = exception_want(*want)) {
    return failed("expected an exception, none was raised", *expected, got.printed);
  }
  // Docstring parts carry xdoctest's compile mode; Markdown and rst blocks do not.
  const std::string mode = compile_mode_of(reference_cell);
  if (mode == "single") {
    // Compiled in "single" mode, xdoctest's part prints its values' reprs to stdout itself.
    DoctestGot printed = got;
    printed.stdout_text = got.printed;
    return check_docstring_part(printed, *want, options, deferred, false);
  }
  if (!mode.empty()) return check_docstring_part(got, *want, options, deferred, mode == "eval");
  // A session block shows what a REPL shows: the stdout, then the value.
  const bool matched = output_matches(got.printed, *want, options) ||
                       (got.result && !got.stdout_text.empty() &&
                        (output_matches(got.stdout_text, *want, options) ||
                         output_matches(*got.result, *want, options)));
  if (matched) return {};
  std::string queued = got.printed;
  for (auto earlier = deferred.rbegin(); earlier != deferred.rend(); ++earlier) {
    queued.insert(0, *earlier);
    if (output_matches(queued, *want, options)) return {};
  }
  return failed("got differs from the expected output", *want, got.printed);
}

} // namespace docnb::check
