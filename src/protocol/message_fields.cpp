#include "protocol/message_fields.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace docnb {
namespace {

using Json = nlohmann::json;

enum class Kind { string, object, boolean, count, strings, mimebundle };

struct Field {
  std::string_view name;
  Kind kind;
};

bool is_strings(const Json& value) {
  return value.is_array() &&
         std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_string(); });
}

bool is_json_mime_type(std::string_view type) {
  return type == "application/json" || type.ends_with("+json");
}

// nbformat's mimebundle: JSON types carry any value, the others text.
bool is_mimebundle(const Json& value) {
  if (!value.is_object()) return false;
  for (const auto& [type, data] : value.items()) {
    if (!is_json_mime_type(type) && !data.is_string() && !is_strings(data)) return false;
  }
  return true;
}

bool has_kind(const Json& value, Kind kind) {
  switch (kind) {
  case Kind::string:
    return value.is_string();
  case Kind::object:
    return value.is_object();
  case Kind::boolean:
    return value.is_boolean();
  case Kind::count:
    return value.is_number_integer() || value.is_null();
  case Kind::strings:
    return is_strings(value);
  case Kind::mimebundle:
    return is_mimebundle(value);
  }
  return false;
}

std::string_view kind_name(Kind kind) {
  switch (kind) {
  case Kind::string:
    return "a string";
  case Kind::object:
    return "an object";
  case Kind::boolean:
    return "true or false";
  case Kind::count:
    return "an integer or null";
  case Kind::strings:
    return "a list of strings";
  case Kind::mimebundle:
    return "an object of MIME types with text values (JSON for +json types)";
  }
  return "";
}

std::optional<std::string> check(const Json& object, std::string_view owner,
                                 std::initializer_list<Field> fields) {
  if (!object.is_object()) return std::string(owner) + " must be an object";
  for (const Field& field : fields) {
    const auto value = object.find(field.name);
    if (value != object.end() && !has_kind(*value, field.kind)) {
      return std::string(owner) + "." + std::string(field.name) + " must be " +
             std::string(kind_name(field.kind));
    }
  }
  return std::nullopt;
}

constexpr Field output_data[] = {
    {"data", Kind::mimebundle}, {"metadata", Kind::object}, {"transient", Kind::object}};

// execute_reply's user_expressions: each one's result is an execute_result-like object.
std::optional<std::string> check_user_expressions(const Json& content) {
  const auto expressions = content.find("user_expressions");
  if (expressions == content.end()) return std::nullopt;
  if (!expressions->is_object()) return "content.user_expressions must be an object";
  for (const auto& [name, result] : expressions->items()) {
    if (auto wrong = check(result, "content.user_expressions." + name,
                           {{"status", Kind::string},
                            {"data", Kind::mimebundle},
                            {"ename", Kind::string},
                            {"evalue", Kind::string}})) {
      return wrong;
    }
  }
  return std::nullopt;
}

std::optional<std::string> check_content(std::string_view type, const Json& content) {
  if (type == "stream")
    return check(content, "content", {{"name", Kind::string}, {"text", Kind::string}});
  if (type == "error") {
    return check(content, "content",
                 {{"ename", Kind::string}, {"evalue", Kind::string}, {"traceback", Kind::strings}});
  }
  if (type == "display_data" || type == "update_display_data") {
    return check(content, "content", {output_data[0], output_data[1], output_data[2]});
  }
  if (type == "execute_result") {
    return check(
        content, "content",
        {output_data[0], output_data[1], output_data[2], {"execution_count", Kind::count}});
  }
  if (type == "clear_output") return check(content, "content", {{"wait", Kind::boolean}});
  if (type == "status") return check(content, "content", {{"execution_state", Kind::string}});
  if (type == "execute_input") return check(content, "content", {{"execution_count", Kind::count}});
  if (type == "execute_reply") {
    if (auto wrong = check(content, "content",
                           {{"status", Kind::string},
                            {"execution_count", Kind::count},
                            {"ename", Kind::string},
                            {"evalue", Kind::string},
                            {"traceback", Kind::strings}})) {
      return wrong;
    }
    return check_user_expressions(content);
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> wrong_field_type(const Json& header, const Json& parent_header,
                                            const Json& content) {
  if (auto wrong = check(header, "header",
                         {{"msg_id", Kind::string},
                          {"msg_type", Kind::string},
                          {"session", Kind::string},
                          {"username", Kind::string},
                          {"date", Kind::string},
                          {"version", Kind::string}})) {
    return wrong;
  }
  if (auto wrong = check(parent_header, "parent_header", {{"msg_id", Kind::string}})) return wrong;
  const auto type = header.find("msg_type");
  return check_content(type == header.end() ? "" : type->get<std::string>(), content);
}

} // namespace docnb
