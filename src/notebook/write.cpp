#include "notebook/write.hpp"

#include "notebook/disk_text.hpp"
#include "support/atomic_file.hpp"

namespace docnb {

std::string notebook_to_text(const Notebook& notebook) {
  // nbformat.write: validate() (which repairs 4.5 cell ids), then split_lines and
  // strip_transient on a copy, then json.dumps, then a final newline. disk_text does the
  // first three while it writes, on the document itself.
  std::string text = disk_text(notebook.document);
  if (!text.ends_with('\n')) {
    text += '\n';
  }
  return text;
}

Status write_notebook(const Notebook& notebook, const std::filesystem::path& path) {
  // Written as it is made: a notebook holding a flood is not held twice.
  return write_file_atomically(path, [&notebook](const PieceWriter& write) {
    bool newline = false;
    write_disk_text(notebook.document, [&](std::string_view piece) {
      write(piece);
      newline = piece.ends_with('\n');
    });
    if (!newline) write("\n");
  });
}

} // namespace docnb
