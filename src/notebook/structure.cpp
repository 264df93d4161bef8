#include "notebook/structure.hpp"

#include <algorithm>

namespace docnb {
namespace {

// RFC 6901 escaping, for attachment names and the like that become pointer segments.
std::string pointer_segment(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

class Checker {
public:
  explicit Checker(const std::string& origin) : origin_(origin) {}

  [[nodiscard]] std::optional<Error> notebook(const Json& document) const {
    if (!document.is_object()) {
      return at("", std::string("not a notebook: the top-level JSON value is ") +
                        document.type_name() + ", not an object");
    }
    if (auto error = version(document)) {
      return error;
    }
    if (auto error = object_member(document, "", "metadata", "notebook")) {
      return error;
    }
    const auto cells = document.find("cells");
    if (cells == document.end()) {
      return at("", "not a notebook: there is no \"cells\" list");
    }
    if (!cells->is_array()) {
      return at("/cells", "\"cells\" must be a list");
    }
    for (std::size_t i = 0; i < cells->size(); ++i) {
      if (auto error = cell((*cells)[i], "/cells/" + std::to_string(i))) {
        return error;
      }
    }
    return std::nullopt;
  }

private:
  [[nodiscard]] Error at(const std::string& pointer, std::string message) const {
    return Error{std::move(message), origin_ + "#" + pointer};
  }

  [[nodiscard]] std::optional<Error> version(const Json& document) const {
    const auto major = document.find("nbformat");
    if (document.contains("worksheets") ||
        (major != document.end() && major->is_number() && *major == 3)) {
      return at("/nbformat", "nbformat 3 is not supported; convert with jupyter nbconvert "
                             "--to notebook --nbformat 4");
    }
    if (major == document.end()) {
      return at("", "not a notebook: there is no \"nbformat\" version (nbformat 4 expected)");
    }
    if (!major->is_number_integer()) {
      return at("/nbformat", "\"nbformat\" must be an integer");
    }
    if (*major != 4) {
      return at("/nbformat", "nbformat " + major->dump() +
                                 " is not supported; docnb reads nbformat 4 notebooks only");
    }
    const auto minor = document.find("nbformat_minor");
    if (minor != document.end() && !minor->is_number_integer()) {
      return at("/nbformat_minor", "\"nbformat_minor\" must be an integer");
    }
    return std::nullopt;
  }

  // nbformat pops keys from these objects unguarded, so they must exist and be objects.
  std::optional<Error> object_member(const Json& parent, const std::string& pointer,
                                     const char* key, const char* owner) const {
    const auto member = parent.find(key);
    if (member == parent.end()) {
      return at(pointer, std::string(owner) + " has no \"" + key + "\" object");
    }
    if (!member->is_object()) {
      return at(pointer + "/" + key, std::string("\"") + key + "\" must be an object");
    }
    return std::nullopt;
  }

  // Multi-line text: a string, or a list of strings that nbformat joins.
  std::optional<Error> text(const Json& parent, const std::string& pointer, const char* key) const {
    const auto value = parent.find(key);
    if (value == parent.end() || value->is_string()) {
      return std::nullopt;
    }
    const bool lines =
        value->is_array() &&
        std::all_of(value->begin(), value->end(), [](const Json& v) { return v.is_string(); });
    if (lines) {
      return std::nullopt;
    }
    return at(pointer + "/" + key,
              std::string("\"") + key + "\" must be a string or a list of strings");
  }

  [[nodiscard]] std::optional<Error> cell(const Json& cell, const std::string& pointer) const {
    if (!cell.is_object()) {
      return at(pointer, "a cell must be an object");
    }
    const auto type = cell.find("cell_type");
    if (type == cell.end()) {
      return at(pointer, "cell has no \"cell_type\"");
    }
    if (!type->is_string()) {
      return at(pointer + "/cell_type", "\"cell_type\" must be a string");
    }
    if (!cell.contains("source")) {
      return at(pointer, "cell has no \"source\"");
    }
    if (auto error = text(cell, pointer, "source")) {
      return error;
    }
    if (auto error = object_member(cell, pointer, "metadata", "cell")) {
      return error;
    }
    if (auto error = attachments(cell, pointer)) {
      return error;
    }
    if (*type != "code") {
      return std::nullopt;
    }
    const auto outputs = cell.find("outputs");
    if (outputs == cell.end()) {
      return at(pointer, "code cell has no \"outputs\" list");
    }
    if (!outputs->is_array()) {
      return at(pointer + "/outputs", "\"outputs\" must be a list");
    }
    for (std::size_t i = 0; i < outputs->size(); ++i) {
      if (auto error = output((*outputs)[i], pointer + "/outputs/" + std::to_string(i))) {
        return error;
      }
    }
    return std::nullopt;
  }

  [[nodiscard]] std::optional<Error> attachments(const Json& cell,
                                                 const std::string& pointer) const {
    const auto attachments = cell.find("attachments");
    if (attachments == cell.end()) {
      return std::nullopt;
    }
    if (!attachments->is_object()) {
      return at(pointer + "/attachments", "\"attachments\" must be an object");
    }
    for (const auto& [name, bundle] : attachments->items()) {
      if (!bundle.is_object()) {
        return at(pointer + "/attachments/" + pointer_segment(name),
                  "an attachment must be an object of MIME types");
      }
    }
    return std::nullopt;
  }

  [[nodiscard]] std::optional<Error> output(const Json& output, const std::string& pointer) const {
    if (!output.is_object()) {
      return at(pointer, "an output must be an object");
    }
    const auto type = output.find("output_type");
    if (type == output.end() || !type->is_string()) {
      return at(pointer, "output has no \"output_type\" string");
    }
    const auto data = output.find("data");
    if (data != output.end() && !data->is_object()) {
      return at(pointer + "/data", "\"data\" must be an object of MIME types");
    }
    return text(output, pointer, "text");
  }

  const std::string& origin_;
};

} // namespace

std::optional<Error> find_structure_error(const Json& document, const std::string& origin) {
  return Checker(origin).notebook(document);
}

} // namespace docnb
