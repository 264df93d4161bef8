#include "converters/docstring.hpp"
#include "converters/docstring_extract.hpp"
#include "support/atomic_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace docnb::converters;

namespace {

std::string bytes_of(const std::filesystem::path& file) {
  auto bytes = docnb::read_file_bytes(file);
  return bytes ? std::move(bytes).value() : std::string();
}

const std::filesystem::path fixtures =
    std::filesystem::path(DOCNB_SOURCE_DIR) / "tests" / "fixtures" / "docstrings";

DocstringModule read(const std::string& name, DocstringOptions options = {}) {
  auto module = read_docstring_examples(fixtures / name, bytes_of(fixtures / name), options);
  INFO((module ? std::string() : module.error().describe()));
  REQUIRE(module.ok());
  return std::move(*module);
}

std::vector<std::string> callnames_of(const DocstringModule& module) {
  std::vector<std::string> names;
  for (const auto& example : module.examples) {
    names.push_back(example.callname + ":" + std::to_string(example.num));
  }
  return names;
}

} // namespace

TEST_CASE("module, function, class, property, method, nested and async docstrings", "[docstring]") {
  const auto module = read("kinds.py");
  // xdoctest's own list for this file is the same without coroutine:0 and
  // Widget.method.nested:0 (its static analysis enters neither); setters and the main guard
  // are skipped as it skips them.
  CHECK(callnames_of(module) ==
        std::vector<std::string>{"__doc__:0", "function:0", "function:1", "coroutine:0", "Widget:0",
                                 "Widget.size:0", "Widget.method:0", "Widget.method.nested:0"});
  const auto path = (fixtures / "kinds.py").string();
  CHECK(module.examples[1].id == path + "::function:0");
  CHECK(module.examples[0].parts[0].line == 4);
  CHECK(module.examples[0].parts[0].want_line == 5);
  const auto& second = module.examples[2];
  REQUIRE(second.parts.size() == 2);
  CHECK(second.parts[0].line == 21);
  CHECK(second.parts[1].source == "print(y)");
  CHECK(second.parts[1].line == 22);
  CHECK(second.parts[1].want == "6");
  CHECK(second.parts[1].want_line == 23);
  CHECK(second.parts[1].want_last_line == 23);
  CHECK(module.module_name == "kinds");
}

TEST_CASE("attach calls: add_docstr, _add_docstr, add_docstr_all, add_sample_code", "[docstring]") {
  const auto module = read("attach.py");
  CHECK(callnames_of(module) == std::vector<std::string>{"torch.abs:0", "torch.neg:0", "add:0",
                                                         "relu:0", "torch.sub:0", "torch.mul:0"});
  for (const auto& example : module.examples)
    CHECK(example.attached);
  // `.format(**common_args)`: the example itself is found with its own lines.
  CHECK(module.examples[0].parts[0].source == "torch.abs(torch.tensor([-1, -2, 3]))");
  CHECK(module.examples[0].parts[0].line == 19);
  CHECK(module.examples[0].parts[0].want_line == 20);
  // Implicitly concatenated literals keep the lines of the second one.
  CHECK(module.examples[1].parts[0].line == 30);
  CHECK(module.examples[1].parts[0].want == "tensor([-1])");
  CHECK(module.examples[2].parts[0].line == 38);
  // `{{` in a formatted literal is a brace.
  REQUIRE(module.examples[3].parts.size() == 2);
  CHECK(module.examples[3].parts[0].source == "x = {'a': 1}");
  CHECK(module.examples[3].parts[1].want == "{'a': 1}");
  CHECK(module.examples[3].parts[1].want_line == 46);
  // `\n` escapes in a one-line literal: every line is the literal's line.
  CHECK(module.examples[4].parts[0].line == 49);
  CHECK(module.examples[4].parts[0].want == "tensor([1])");
  // Literals joined with `+` are one docstring, each piece at its own lines.
  CHECK(module.examples[5].parts[0].source == "torch.mul(torch.tensor([2]), 3)");
  CHECK(module.examples[5].parts[0].line == 55);
  CHECK(module.examples[5].parts[0].want_line == 56);
}

TEST_CASE("attach calls can be switched off", "[docstring]") {
  DocstringOptions options;
  options.attach_calls.clear();
  CHECK(read("attach.py", options).examples.empty());
  options.attach_calls = {"add_docstr_all"};
  CHECK(callnames_of(read("attach.py", options)) == std::vector<std::string>{"add:0"});
}

TEST_CASE("escapes in a non-raw docstring keep the lines of the file", "[docstring]") {
  const auto module = read("escapes.py");
  REQUIRE(module.examples.size() == 1);
  const auto& parts = module.examples[0].parts;
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].line == 5);
  // xdoctest expands tabs in the docstring before parsing it.
  CHECK(parts[0].want == "tab     here");
  CHECK(parts[0].want_line == 6);
  // A backslash-newline joins two source lines into one docstring line.
  CHECK(parts[1].source == "2 + 3");
  CHECK(parts[1].line == 7);
  CHECK(parts[1].want == "5");
  CHECK(parts[1].want_line == 9);
}

TEST_CASE("a latin-1 file with a coding cookie is read", "[docstring]") {
  const auto module = read("latin1.py");
  REQUIRE(module.examples.size() == 1);
  CHECK(module.examples[0].callname == "caf\xc3\xa9");
  CHECK(module.examples[0].parts[0].source == "print(\"caf\xc3\xa9\")");
  CHECK(module.examples[0].parts[0].want == "caf\xc3\xa9");
  CHECK(module.examples[0].parts[0].line == 6);
}

TEST_CASE("a syntax error or undecodable bytes are an error at file:line", "[docstring]") {
  const auto broken = read_docstring_examples(fixtures / "syntax_error.py",
                                              bytes_of(fixtures / "syntax_error.py"), {});
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().where == (fixtures / "syntax_error.py").string() + ":8");
  CHECK_THAT(broken.error().message, Catch::StartsWith("syntax error"));
  const auto undecodable = read_docstring_examples(fixtures / "undecodable.py",
                                                   bytes_of(fixtures / "undecodable.py"), {});
  REQUIRE_FALSE(undecodable.ok());
  CHECK(undecodable.error().where == (fixtures / "undecodable.py").string() + ":3");
  CHECK_THAT(undecodable.error().message, Catch::StartsWith("cannot decode"));
}

TEST_CASE("freeform fixture: parts, continuations, disabled and ellipsis wants", "[docstring]") {
  DocstringOptions options;
  options.style = DocStyle::freeform;
  const auto module = read("freeform.py", options);
  REQUIRE(callnames_of(module) == std::vector<std::string>{"loop:0", "disabled:0", "legacy:0",
                                                           "ellipsis_want:0",
                                                           "unclosed_bracket:0"});
  const auto& loop = module.examples[0].parts;
  REQUIRE(loop.size() == 5);
  CHECK(loop[0].line == 4);
  CHECK(loop[0].last_line == 6);
  CHECK(loop[2].want == "... \na");
  CHECK(loop[3].source == "x = [1,\n     2]");
  CHECK(loop[3].last_line == 16);
  CHECK(module.examples[1].parts[0].source == "print('kept')");
  CHECK(module.examples[2].disabled);
  CHECK(module.examples[3].parts[0].want == "...");
  CHECK(module.examples[4].parts[0].last_line == 53);
}

TEST_CASE("extraction works from many threads at once", "[docstring]") {
  std::vector<std::thread> threads;
  std::vector<size_t> counts(4);
  for (size_t i = 0; i < counts.size(); ++i) {
    threads.emplace_back([&counts, i] {
      for (int k = 0; k < 5; ++k) {
        auto module =
            read_docstring_examples(fixtures / "kinds.py", bytes_of(fixtures / "kinds.py"), {});
        counts[i] += module ? module->examples.size() : 0;
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  CHECK(counts == std::vector<size_t>(4, 40));
}

TEST_CASE("a later definition without a docstring replaces the documented one", "[docstring]") {
  // As in xdoctest's static analysis (torch/fx/experimental/unification/core.py::unify).
  CHECK(callnames_of(read("redefined.py")) == std::vector<std::string>{"keep:0"});
}

TEST_CASE("a compiled module is read by importing it under analysis auto", "[docstring]") {
  // Built by tests/CMakeLists.txt from tests/fixtures/compiled_pkg/native.cpp.
  const auto package =
      std::filesystem::path(DOCNB_BINARY_DIR) / "tests" / "fixtures" / "compiled_pkg";
  std::vector<std::filesystem::path> compiled;
  for (const auto& file : python_files_of(package, {}, DocstringOptions::Analysis::automatic)) {
    if (is_compiled_module(file)) compiled.push_back(file);
  }
  REQUIRE(compiled.size() == 1);
  CHECK(module_name_of(compiled[0]) == "compiled_pkg._native");
  CHECK(import_root(compiled[0], "compiled_pkg._native") == package.parent_path());
  for (const auto& file : python_files_of(package, {}, DocstringOptions::Analysis::static_only)) {
    CHECK_FALSE(is_compiled_module(file));
  }

  auto module = read_docstring_examples(compiled[0], bytes_of(compiled[0]), {});
  INFO((module ? std::string() : module.error().describe()));
  REQUIRE(module.ok());
  // The module's namespace order, as xdoctest's dynamic analysis walks it.
  CHECK(callnames_of(*module) ==
        std::vector<std::string>{"__doc__:0", "add:0", "twice:0", "Greeter:0"});
  CHECK(module->encoding == "binary");
  const auto& add = module->examples[1];
  REQUIRE(add.parts.size() == 1);
  CHECK(add.parts[0].source == "add(2, 3)");
  CHECK(add.parts[0].want == "5");
  // Lines are the docstring's own; pybind11 puts the signature on line 1.
  CHECK(add.parts[0].line == 6);
  CHECK(add.literal.form == DocstringLiteral::Form::other);

  DocstringOptions static_only;
  static_only.analysis = DocstringOptions::Analysis::static_only;
  const auto refused = read_docstring_examples(compiled[0], bytes_of(compiled[0]), static_only);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("no source for static analysis") != std::string::npos);
}

TEST_CASE("a file nested too deeply for CPython's parser is an error naming it", "[docstring]") {
  // MemoryError and RecursionError from ast.parse, which `python3 FILE` meets too.
  for (const std::string& source :
       {"x = " + std::string(100'000, '-') + "1\n", "x = " + std::string(5'000, '-') + "1\n"}) {
    const auto extracted = extract_docstrings(source, "deep.py", {});
    REQUIRE_FALSE(extracted.ok());
    CHECK(extracted.error().describe() == "deep.py: nested too deeply for Python's parser");
  }
}

TEST_CASE("a docstring whose examples are not Python is a warning at its first prompt",
          "[docstring]") {
  const std::string source = "def timed():\n    \"\"\"Times.\n\n    >>> %time 1\n    \"\"\"\n\n"
                             "def fine():\n    \"\"\"\n    >>> 1\n    1\n    \"\"\"\n";
  const auto module = read_docstring_examples("magic.py", source, {});
  REQUIRE(module.ok());
  REQUIRE(module->examples.size() == 1); // fine's; timed's is dropped, but not silently
  REQUIRE(module->warnings.size() == 1);
  CHECK(module->warnings[0].starts_with("magic.py:4: cannot parse the examples of timed: "));
}
