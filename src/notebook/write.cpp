#include "notebook/write.hpp"

#include "notebook/cell_ids.hpp"
#include "notebook/disk_form.hpp"
#include "notebook/python_json.hpp"
#include "support/atomic_file.hpp"

namespace docnb {

std::string notebook_to_text(const Notebook& notebook) {
  // nbformat.write: validate() (which repairs 4.5 cell ids), then split_lines and
  // strip_transient on a copy, then json.dumps, then a final newline.
  Json document = notebook.document;
  repair_cell_ids(document);
  split_lines(document);
  strip_transient(document);
  std::string text = dump_like_python(document);
  if (!text.ends_with('\n')) {
    text += '\n';
  }
  return text;
}

Status write_notebook(const Notebook& notebook, const std::filesystem::path& path) {
  return write_file_atomically(path, notebook_to_text(notebook));
}

} // namespace docnb
