#include "converters/docstring_extract.hpp"

#include "converters/python_runtime.hpp"

namespace docnb::converters {

namespace py = pybind11;

Result<std::vector<Docstring>> extract_docstrings(const std::string& source,
                                                  const std::string& where,
                                                  const std::vector<std::string>& attach_calls) {
  return python::with_python([&]() -> Result<std::vector<Docstring>> {
    try {
      const py::list found =
          python::helpers().attr("extract")(py::bytes(source), py::cast(attach_calls));
      std::vector<Docstring> docstrings;
      docstrings.reserve(found.size());
      for (const auto& item : found) {
        const auto record = item.cast<py::tuple>();
        docstrings.push_back(Docstring{record[0].cast<std::string>(), record[1].cast<std::string>(),
                                       record[2].cast<std::vector<int>>(), record[3].cast<bool>()});
      }
      return docstrings;
    } catch (py::error_already_set& ex) {
      if (ex.matches(python::helpers().attr("SourceError"))) {
        const py::tuple args = ex.value().attr("args");
        return Error{args[0].cast<std::string>(),
                     where + ":" + std::to_string(args[1].cast<int>())};
      }
      return Error{"cannot extract docstrings: " + std::string(ex.what()), where};
    } catch (py::cast_error& ex) {
      return Error{"cannot extract docstrings: " + std::string(ex.what()), where};
    }
  });
}

} // namespace docnb::converters
