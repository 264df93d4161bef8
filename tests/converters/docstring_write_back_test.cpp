#include "converted_cells.hpp"
#include "converters/docstring_notebook.hpp"
#include "support/atomic_file.hpp"
#include "support/temp_dir.hpp"

#include <fstream>

using namespace docnb;
using namespace docnb::converters;
using namespace docnb::converters::testing;

namespace {

std::string file_bytes(const std::filesystem::path& file) {
  auto bytes = docnb::read_file_bytes(file);
  return bytes ? std::move(bytes).value() : std::string();
}

struct Written {
  std::string text;
  std::vector<std::string> not_written;
};

// The module `source` after every part with a want printed `printed` (parts in file order).
Written write_wants(const std::string& source, const std::vector<std::string>& printed) {
  const TempDir dir = TempDir::create("docnb-write-back").value();
  const std::filesystem::path path = dir.path() / "mod.py";
  std::ofstream(path, std::ios::binary) << source;
  const Converted converted = converted_or_fail(read_docstring_module(path, file_bytes(path), DocstringOptions{}));
  std::vector<FreshOutput> fresh;
  const Json& cells = converted.notebook.cells();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Json& docnb = cells[i].at("metadata").value("docnb", Json::object());
    if (docnb.contains("want") && fresh.size() < printed.size()) {
      fresh.push_back({i, printed[fresh.size()]});
    }
  }
  REQUIRE(fresh.size() == printed.size());
  Result<WriteBack> back = write_back(converted, fresh);
  if (!back) FAIL(back.error().describe());
  std::vector<std::string> notes;
  for (const std::string& note : back->not_written)
    notes.push_back(note.substr(note.find("mod.py:")));
  return {back->text, notes};
}

} // namespace

TEST_CASE("docstring write-back: wants take the fresh output in the prompt's indentation",
          "[converters][write_back]") {
  const std::string module = "def f():\n"
                             "    \"\"\"Doc.\n"
                             "\n"
                             "    Example:\n"
                             "        >>> 1 + 1\n"
                             "        3\n"
                             "        >>> print('a'); print(); print('b')\n"
                             "        a\n"
                             "    \"\"\"\n";
  const Written written = write_wants(module, {"2", "a\n\nb\n\n"});
  CHECK(written.not_written.empty());
  CHECK(written.text == "def f():\n"
                        "    \"\"\"Doc.\n"
                        "\n"
                        "    Example:\n"
                        "        >>> 1 + 1\n"
                        "        2\n"
                        "        >>> print('a'); print(); print('b')\n"
                        "        a\n"
                        "        <BLANKLINE>\n"
                        "        b\n"
                        "    \"\"\"\n");
}

TEST_CASE("docstring write-back: a plain literal gets backslashes and its quotes escaped",
          "[converters][write_back]") {
  const std::string module = "def f():\n"
                             "    '''\n"
                             "    >>> g()\n"
                             "    x\n"
                             "    '''\n";
  CHECK(write_wants(module, {"C:\\path '''q'''"}).text == "def f():\n"
                                                          "    '''\n"
                                                          "    >>> g()\n"
                                                          "    C:\\\\path ''\\'q''\\'\n"
                                                          "    '''\n");
}

TEST_CASE("docstring write-back: a raw literal is written as it is, or not at all",
          "[converters][write_back]") {
  const std::string module = "def f():\n"
                             "    r\"\"\"\n"
                             "    >>> g()\n"
                             "    x\n"
                             "    >>> h()\n"
                             "    y\n"
                             "    \"\"\"\n";
  const Written written = write_wants(module, {"C:\\path", "say \"\"\"hi\"\"\""});
  CHECK(written.text == "def f():\n"
                        "    r\"\"\"\n"
                        "    >>> g()\n"
                        "    C:\\path\n"
                        "    >>> h()\n"
                        "    y\n"
                        "    \"\"\"\n");
  REQUIRE(written.not_written.size() == 1);
  CHECK(written.not_written[0] ==
        "mod.py:6: not written back: a raw docstring cannot hold its own quotes");
}

TEST_CASE("docstring write-back: computed docstrings and shared lines are reported, not written",
          "[converters][write_back]") {
  const std::string module = "add_docstr(torch.abs, r\"\"\"\n"
                             "    >>> torch.abs(x)\n"
                             "    {x}\n"
                             "\"\"\".format(**common_args))\n"
                             "\n"
                             "def f():\n"
                             "    \"\"\"\n"
                             "    >>> 1\n"
                             "    2\"\"\"\n";
  const Written written = write_wants(module, {"1", "1"});
  CHECK(written.text == module);
  // Attached docstrings come after the module's own, in xdoctest's order.
  REQUIRE(written.not_written.size() == 2);
  CHECK(written.not_written[0] ==
        "mod.py:9: not written back: the want shares its line with the docstring's closing "
        "quotes");
  CHECK(written.not_written[1] ==
        "mod.py:3: not written back: the docstring is not a plain string literal (an f-string, "
        ".format(...) or a concatenation)");
}
