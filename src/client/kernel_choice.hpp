// Which kernelspec runs a source: the rules docnb applies when --kernel does not say.
#pragma once

#include "notebook/notebook.hpp"
#include "support/result.hpp"

#include <optional>
#include <string>
#include <vector>

namespace docnb {

// docnb's own Python kernel (kernel/), the default for everything written in Python.
inline constexpr const char* default_kernel_name = "docnb-python";

// What a source says about its kernel.
struct KernelRequest {
  std::optional<std::string> override_name; // --kernel NAME: wins over everything
  bool text_source = false;      // Markdown, reStructuredText, docstrings, scripts: always Python
  std::string notebook_kernel;   // a notebook's metadata.kernelspec.name ("" when absent)
  std::string notebook_language; // its kernelspec.language, else language_info.name
};

// The request a notebook makes: a notebook read from anything but an .ipynb file came from
// a text source.
KernelRequest kernel_request_for(const std::optional<std::string>& override_name,
                                 const Notebook& notebook);

// The kernelspec name to start, given the names installed:
//   --kernel NAME                          → NAME
//   a text source                          → docnb-python
//   a notebook whose kernelspec is installed → that kernelspec
//   else, a Python notebook (by language, or a kernel named python*, or no metadata at all)
//                                          → docnb-python, when installed
//   else an error naming the notebook's kernel and listing the installed ones.
Result<std::string> choose_kernel(const KernelRequest& request,
                                  const std::vector<std::string>& installed);

// When `chosen` stands in for a kernelspec the notebook names but that is not installed (a
// Python notebook falling back to docnb-python), what the user is told:
// "kernelspec 'conda-env-myenv-py' is not installed; running on docnb-python". Else nullopt.
std::optional<std::string> kernel_substitution(const KernelRequest& request,
                                               const std::string& chosen);

} // namespace docnb
