#include "protocol/json_parse.hpp"

#include <utility>
#include <vector>

namespace docnb {
namespace {

using Json = nlohmann::json;

// nlohmann's SAX interface, building the value as its DOM parser does, strings moved in.
class MovingBuilder {
public:
  explicit MovingBuilder(Json& root) : root_(root) {}

  bool null() { return add(Json(nullptr)); }
  bool boolean(bool value) { return add(Json(value)); }
  bool number_integer(Json::number_integer_t value) { return add(Json(value)); }
  bool number_unsigned(Json::number_unsigned_t value) { return add(Json(value)); }
  bool number_float(Json::number_float_t value, const Json::string_t&) { return add(Json(value)); }
  bool string(Json::string_t& value) { return add(Json(std::move(value))); }
  bool binary(Json::binary_t& value) { return add(Json::binary(std::move(value))); }
  bool start_object(std::size_t) { return open(Json::object()); }
  bool key(Json::string_t& name) {
    slot_ = &(*stack_.back())[std::move(name)];
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

private:
  Json* place(Json&& value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    if (stack_.back()->is_array()) {
      stack_.back()->push_back(std::move(value));
      return &stack_.back()->back();
    }
    *slot_ = std::move(value);
    return slot_;
  }
  bool add(Json&& value) {
    place(std::move(value));
    return true;
  }
  bool open(Json&& container) {
    stack_.push_back(place(std::move(container)));
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }

  Json& root_;
  std::vector<Json*> stack_; // the open objects and arrays, innermost last
  Json* slot_ = nullptr;     // the member the last key named
};

} // namespace

std::optional<Json> parse_json_moving_strings(std::string_view text) {
  Json value;
  MovingBuilder builder(value);
  if (!Json::sax_parse(text, &builder)) return std::nullopt;
  return value;
}

} // namespace docnb
