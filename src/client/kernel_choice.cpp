#include "client/kernel_choice.hpp"

#include <algorithm>
#include <cctype>

namespace docnb {
namespace {

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool is_installed(const std::vector<std::string>& installed, const std::string& name) {
  return std::find(installed.begin(), installed.end(), name) != installed.end();
}

bool is_python(const KernelRequest& request) {
  if (!request.notebook_language.empty()) {
    return lowercase(request.notebook_language).starts_with("python");
  }
  // No language recorded: Jupyter's own default is Python, and so is a kernel named python*.
  return request.notebook_kernel.empty() ||
         lowercase(request.notebook_kernel).starts_with("python");
}

std::string listing(const std::vector<std::string>& installed) {
  std::string names;
  for (const std::string& name : installed)
    names += (names.empty() ? "" : ", ") + name;
  return names.empty() ? "none" : names;
}

std::string string_at(const Json& object, const char* outer, const char* inner) {
  const auto found = object.find(outer);
  if (found == object.end() || !found->is_object()) return "";
  const auto value = found->find(inner);
  return value != found->end() && value->is_string() ? value->get<std::string>() : "";
}

} // namespace

KernelRequest kernel_request_for(const std::optional<std::string>& override_name,
                                 const Notebook& notebook) {
  KernelRequest request;
  request.override_name = override_name;
  request.text_source = !notebook.path.empty() && notebook.path.extension() != ".ipynb";
  const auto metadata = notebook.document.find("metadata");
  if (metadata == notebook.document.end() || !metadata->is_object()) return request;
  request.notebook_kernel = string_at(*metadata, "kernelspec", "name");
  request.notebook_language = string_at(*metadata, "kernelspec", "language");
  if (request.notebook_language.empty()) {
    request.notebook_language = string_at(*metadata, "language_info", "name");
  }
  return request;
}

Result<std::string> choose_kernel(const KernelRequest& request,
                                  const std::vector<std::string>& installed) {
  if (request.override_name) return *request.override_name;
  if (request.text_source) return std::string(default_kernel_name);
  if (!request.notebook_kernel.empty() && is_installed(installed, request.notebook_kernel)) {
    return request.notebook_kernel;
  }
  if (is_python(request) && is_installed(installed, default_kernel_name)) {
    return std::string(default_kernel_name);
  }
  const std::string wanted =
      request.notebook_kernel.empty() ? "(none named)" : "'" + request.notebook_kernel + "'";
  const std::string language =
      request.notebook_language.empty() ? "" : " (language " + request.notebook_language + ")";
  const std::string fallback =
      is_python(request) ? std::string(", nor is ") + default_kernel_name
                         : std::string(", and only Python falls back to ") + default_kernel_name;
  return Error{"the notebook's kernel " + wanted + language + " is not installed" + fallback +
                   " (installed: " + listing(installed) + ")",
               ""};
}

std::optional<std::string> kernel_substitution(const KernelRequest& request,
                                               const std::string& chosen) {
  // A notebook that names no kernelspec asks for none: running it on docnb-python replaces
  // nothing. --kernel and text sources name their kernel themselves.
  if (request.override_name || request.text_source || request.notebook_kernel.empty() ||
      request.notebook_kernel == chosen) {
    return std::nullopt;
  }
  return "kernelspec '" + request.notebook_kernel + "' is not installed; running on " + chosen;
}

} // namespace docnb
