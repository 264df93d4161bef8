#include "check/rule_set.hpp"
#include "check/stdlib_checker.hpp"
#include "converters/python_runtime.hpp"

#include <catch2/catch.hpp>

using namespace docnb::check;
namespace py = pybind11;

namespace {

DoctestOptions stdlib_with(std::initializer_list<const char*> names) {
  DoctestOptions options = rule_set_defaults(RuleSet::stdlib);
  for (const char* name : names)
    REQUIRE(apply_directive(Directive{name, true, {}}, options).ok());
  return options;
}

int flags_of(const DoctestOptions& options) {
  const py::module_ doctest = py::module_::import("doctest");
  int flags = 0;
  const std::pair<bool, const char*> named[] = {
      {options.ellipsis, "ELLIPSIS"},
      {options.normalize_whitespace, "NORMALIZE_WHITESPACE"},
      {options.dont_accept_blankline, "DONT_ACCEPT_BLANKLINE"},
      {options.dont_accept_true_for_1, "DONT_ACCEPT_TRUE_FOR_1"},
      {options.ignore_exception_detail, "IGNORE_EXCEPTION_DETAIL"}};
  for (const auto& [on, name] : named)
    if (on) flags |= doctest.attr(name).cast<int>();
  return flags;
}

// The reference: CPython's own doctest.OutputChecker, on the same want (given the final newline
// doctest.Example gives it) and got.
bool reference_matches(const std::string& got, std::string want, const DoctestOptions& options) {
  if (!want.empty() && want.back() != '\n') want += '\n';
  return docnb::python::with_python([&] {
    const py::object checker = py::module_::import("doctest").attr("OutputChecker")();
    return checker.attr("check_output")(want, got, flags_of(options)).cast<bool>();
  });
}

struct Case {
  const char* got;
  const char* want;
  std::initializer_list<const char*> flags;
  bool matches;
};

} // namespace

TEST_CASE("stdlib rules compare as doctest's OutputChecker", "[check][rules]") {
  const Case cases[] = {
      {"1\n", "1\n", {}, true},
      {"1\n", "1", {}, true},                // doctest adds the want's newline
      {"'text'\n", "text\n", {}, false},     // no repr leniency
      {"u'x'\n", "'x'\n", {}, false},        // no prefix leniency
      {"a  \n", "a\n", {}, false},           // trailing whitespace counts
      {"[1,\n 2]\n", "[1, 2]\n", {}, false}, // no whitespace leniency by default
      {"[1,\n 2]\n", "[1, 2]\n", {"NORMALIZE_WHITESPACE"}, true},
      {"abc\n", "a...\n", {}, false}, // no ELLIPSIS by default
      {"abc\n", "a...\n", {"ELLIPSIS"}, true},
      {"a b c\n", "a ... c\n", {"ELLIPSIS"}, true},
      {"a\nc\n", "a\n...\nc\n", {"ELLIPSIS"}, false}, // `...` absorbs no newline around it
      {"a\n\nb\n", "a\n<BLANKLINE>\nb\n", {}, true},
      {"a\n  \nb\n", "a\n<BLANKLINE>\nb\n", {}, true},
      {"a\n\nb\n", "a\n<BLANKLINE>\nb\n", {"DONT_ACCEPT_BLANKLINE"}, false},
      {"True\n", "1\n", {}, true},
      {"True\n", "1\n", {"DONT_ACCEPT_TRUE_FOR_1"}, false},
      {"False\n", "0\n", {}, true},
      {"printed\n", "", {}, false}, // a want-less example must print nothing
      {"", "", {}, true},
  };
  for (const Case& c : cases) {
    const DoctestOptions options = stdlib_with(c.flags);
    INFO("got " << c.got << "want " << c.want);
    CHECK(stdlib_output_matches(c.got, c.want, options) == c.matches);
    CHECK(reference_matches(c.got, c.want, options) == c.matches);
  }
}

TEST_CASE("sphinx rules start from Sphinx's doctest_default_flags", "[check][rules]") {
  const DoctestOptions sphinx = rule_set_defaults(RuleSet::sphinx);
  CHECK(sphinx.ellipsis);
  CHECK(sphinx.ignore_exception_detail);
  CHECK(sphinx.dont_accept_true_for_1);
  CHECK_FALSE(sphinx.normalize_whitespace);
  CHECK_FALSE(sphinx.normalize_repr);
  CHECK_FALSE(stdlib_output_matches("True\n", "1\n", sphinx));
  CHECK(stdlib_output_matches("abc\n", "a...\n", sphinx));
  const DoctestOptions xdoctest = rule_set_defaults(RuleSet::xdoctest);
  CHECK(xdoctest.normalize_repr);
  CHECK(rule_set_named("sphinx") == RuleSet::sphinx);
  CHECK(rule_set_named("pytest") == std::nullopt);
  CHECK(to_string(RuleSet::stdlib) == "stdlib");
}

TEST_CASE("stdlib exceptions compare as doctest compares them", "[check][rules]") {
  const std::string want = "Traceback (most recent call last):\n  File \"x\", line 1\n"
                           "ValueError: bad value\n";
  const std::optional<std::string> message = stdlib_exception_message(want);
  REQUIRE(message == "ValueError: bad value\n");
  CHECK_FALSE(stdlib_exception_message("ValueError: bad\n"));
  const DoctestOptions plain = rule_set_defaults(RuleSet::stdlib);
  CHECK(stdlib_exception_matches("ValueError: bad value", *message, plain));
  CHECK_FALSE(stdlib_exception_matches("ValueError: other", *message, plain));
  CHECK(
      stdlib_exception_matches("ValueError: other", *message, rule_set_defaults(RuleSet::sphinx)));
  // The kernel names the class without its module: a module-qualified want still matches.
  CHECK(stdlib_exception_matches("JSONDecodeError: x", "json.decoder.JSONDecodeError: x\n", plain));
  // In doctest's own form the module is part of the name, as doctest compares it.
  CHECK(stdlib_exception_matches("json.decoder.JSONDecodeError: x",
                                 "json.decoder.JSONDecodeError: x\n", plain, true));
  CHECK_FALSE(stdlib_exception_matches("bar.Error: x", "foo.Error: x\n", plain, true));
  CHECK(stdlib_exception_matches("bar.Error: x", "foo.Error: y\n",
                                 rule_set_defaults(RuleSet::sphinx), true));
  CHECK_FALSE(stdlib_exception_matches("KeyError: x", "ValueError: x\n",
                                       rule_set_defaults(RuleSet::sphinx)));
  // The reference: doctest's own exception regex finds the same message.
  const std::string reference = docnb::python::with_python([&] {
    const py::object pattern =
        py::module_::import("doctest").attr("DocTestParser").attr("_EXCEPTION_RE");
    return pattern.attr("match")(want).attr("group")("msg").cast<std::string>();
  });
  CHECK(reference == *message);
}
