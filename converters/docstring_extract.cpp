#include "converters/docstring_extract.hpp"

#include "converters/python_runtime.hpp"

namespace docnb::converters {

namespace py = pybind11;

namespace {

DocstringLiteral literal_of(const py::tuple& form) {
  DocstringLiteral literal;
  const auto name = form[0].cast<std::string>();
  literal.form = name == "plain" ? DocstringLiteral::Form::plain
                 : name == "raw" ? DocstringLiteral::Form::raw
                                 : DocstringLiteral::Form::other;
  literal.quote = form[1].cast<std::string>();
  literal.closing_line = form[2].cast<int>();
  return literal;
}

std::vector<Docstring> docstrings_of(const py::list& found) {
  std::vector<Docstring> docstrings;
  docstrings.reserve(found.size());
  for (const auto& item : found) {
    const auto record = item.cast<py::tuple>();
    docstrings.push_back(Docstring{record[0].cast<std::string>(), record[1].cast<std::string>(),
                                   record[2].cast<std::vector<int>>(), record[3].cast<bool>(),
                                   literal_of(record[4].cast<py::tuple>())});
  }
  return docstrings;
}

// A helper's SourceError is an error at where:line (at where when the line is None); anything
// else at where, without the Python traceback pybind11 appends to what().
Error error_of(py::error_already_set& ex, const std::string& where) {
  if (ex.matches(python::helpers().attr("SourceError"))) {
    const py::tuple args = ex.value().attr("args");
    if (args[1].is_none()) return Error{args[0].cast<std::string>(), where};
    return Error{args[0].cast<std::string>(), where + ":" + std::to_string(args[1].cast<int>())};
  }
  const std::string what = ex.what();
  return Error{"cannot extract docstrings: " + what.substr(0, what.find('\n')), where};
}

} // namespace

Result<ModuleDocstrings> extract_docstrings(const std::string& source, const std::string& where,
                                            const std::vector<std::string>& attach_calls) {
  return python::with_python([&]() -> Result<ModuleDocstrings> {
    try {
      const auto result = python::helpers()
                              .attr("extract")(py::bytes(source), py::cast(attach_calls))
                              .cast<py::tuple>();
      ModuleDocstrings module;
      module.encoding = result[0].cast<std::string>();
      module.docstrings = docstrings_of(result[1].cast<py::list>());
      return module;
    } catch (py::error_already_set& ex) {
      return error_of(ex, where);
    } catch (py::cast_error& ex) {
      return Error{"cannot extract docstrings: " + std::string(ex.what()), where};
    }
  });
}

Result<ModuleDocstrings> compiled_module_docstrings(const std::string& module_name,
                                                    const std::filesystem::path& import_root,
                                                    const std::string& where) {
  return python::with_python([&]() -> Result<ModuleDocstrings> {
    try {
      const auto found = python::helpers()
                             .attr("compiled_docstrings")(module_name, import_root.string())
                             .cast<py::list>();
      return ModuleDocstrings{"binary", docstrings_of(found)};
    } catch (py::error_already_set& ex) {
      return error_of(ex, where);
    } catch (py::cast_error& ex) {
      return Error{"cannot extract docstrings: " + std::string(ex.what()), where};
    }
  });
}

} // namespace docnb::converters
