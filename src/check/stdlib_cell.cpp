#include "check/stdlib_cell.hpp"

#include "check/stdlib_checker.hpp"
#include "check/want_failure.hpp"

namespace docnb::check {

namespace {

Verdict failed(std::string reason, std::string_view want = {}, std::string_view got = {}) {
  return want_failure(std::move(reason), want, got, DiffEnds::exact);
}

Verdict check_raised(const DoctestGot& got, const std::optional<std::string>& want,
                     const DoctestOptions& options, const CellPolicy& policy) {
  const std::string& raised = *got.exception;
  if (want && !options.ignore_want && policy.compare_outputs) {
    if (const std::optional<std::string> message = stdlib_exception_message(*want)) {
      if (stdlib_exception_matches(raised, *message, options, got.doctest_form)) return {};
      return failed("exception message is different", *message, raised);
    }
  }
  if (policy.raises_exception) return {};
  return failed("raised " + raised);
}

} // namespace

std::string stdlib_got(const DoctestGot& got, std::string_view compile_mode) {
  if (compile_mode == "exec" || !got.result) return got.stdout_text;
  return got.stdout_text + *got.result + "\n";
}

Verdict check_stdlib_cell(const DoctestGot& got, const std::optional<std::string>& want,
                          std::string_view compile_mode, bool reply_error,
                          const DoctestOptions& options, const CellPolicy& policy) {
  if (got.exception) return check_raised(got, want, options, policy);
  if (reply_error) return failed("the kernel reported an error without an error output");
  if (policy.raises_exception) return failed("expected an exception, none was raised");
  if (options.ignore_want || !policy.compare_outputs) return {};
  const std::string printed = stdlib_got(got, compile_mode);
  if (want && stdlib_exception_message(*want)) {
    return failed("expected an exception, none was raised", *want, printed);
  }
  if (stdlib_output_matches(printed, want.value_or(""), options)) return {};
  if (!want) return failed("printed output where none was expected", "", printed);
  return failed("got differs from the expected output", *want, printed);
}

} // namespace docnb::check
