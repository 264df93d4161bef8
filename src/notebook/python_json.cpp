#include "notebook/python_json.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace docnb {
namespace {

// The digits and decimal-point position of the shortest round-tripping representation:
// value = 0.DIGITS * 10^decimal_point, the form CPython's float_repr works from.
struct ShortestDigits {
  std::string digits;
  int decimal_point = 0;
};

ShortestDigits shortest_digits(double magnitude) {
  std::array<char, 64> buffer{};
  // std::to_chars without a precision gives the shortest string that round-trips and, among
  // those, the one closest to the exact value -- the same choice as CPython's dtoa mode 0.
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude,
                                 std::chars_format::scientific);
  std::string_view text(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
  const auto e = text.find('e');
  ShortestDigits result;
  for (char c : text.substr(0, e)) {
    if (c != '.') {
      result.digits += c;
    }
  }
  result.decimal_point = std::atoi(std::string(text.substr(e + 1)).c_str()) + 1;
  return result;
}

std::string exponential_layout(const ShortestDigits& d) {
  std::string out(1, d.digits[0]);
  if (d.digits.size() > 1) {
    out.append(".").append(d.digits, 1);
  }
  const int exponent = d.decimal_point - 1;
  std::string magnitude = std::to_string(std::abs(exponent));
  if (magnitude.size() < 2) {
    magnitude.insert(0, 1, '0'); // Python writes at least two digits
  }
  out += exponent < 0 ? "e-" : "e+";
  return out + magnitude;
}

std::string fixed_layout(const ShortestDigits& d) {
  const int count = static_cast<int>(d.digits.size());
  if (d.decimal_point <= 0) {
    return "0." + std::string(static_cast<std::size_t>(-d.decimal_point), '0') + d.digits;
  }
  if (d.decimal_point >= count) {
    return d.digits + std::string(static_cast<std::size_t>(d.decimal_point - count), '0') + ".0";
  }
  return d.digits.substr(0, static_cast<std::size_t>(d.decimal_point)) + "." +
         d.digits.substr(static_cast<std::size_t>(d.decimal_point));
}

// json.encoder.encode_basestring: only '"', '\\' and C0 controls are escaped; DEL, U+2028
// and everything non-ASCII pass through raw (ensure_ascii=False).
} // namespace

void append_python_string(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        std::array<char, 8> escaped{};
        std::snprintf(escaped.data(), escaped.size(), "\\u%04x", static_cast<unsigned>(c));
        out += escaped.data();
      } else {
        out += c;
      }
    }
  }
  out += '"';
}

std::string python_string_literal(std::string_view text) {
  std::string out;
  append_python_string(out, text);
  return out;
}

namespace {

// json.encoder's floatstr: non-finite values use JavaScript's spelling.
std::string python_json_float(double value) {
  if (std::isnan(value)) {
    return "NaN";
  }
  if (std::isinf(value)) {
    return value > 0 ? "Infinity" : "-Infinity";
  }
  return python_float_repr(value);
}

} // namespace

void append_newline_indent(std::string& out, int level) {
  out += '\n';
  out.append(static_cast<std::size_t>(level), ' '); // indent=1: one space per level
}

void append_python_json(std::string& out, const Json& value, int level) {
  switch (value.type()) {
  case Json::value_t::null:
    out += "null";
    break;
  case Json::value_t::boolean:
    out += value.get<bool>() ? "true" : "false";
    break;
  case Json::value_t::number_integer:
    out += std::to_string(value.get<std::int64_t>());
    break;
  case Json::value_t::number_unsigned:
    out += std::to_string(value.get<std::uint64_t>());
    break;
  case Json::value_t::number_float:
    out += python_json_float(value.get<double>());
    break;
  case Json::value_t::string:
    append_python_string(out, value.get_ref<const std::string&>());
    break;
  case Json::value_t::array:
    if (value.empty()) {
      out += "[]";
      break;
    }
    out += '[';
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i > 0) {
        out += ',';
      }
      append_newline_indent(out, level + 1);
      append_python_json(out, value[i], level + 1);
    }
    append_newline_indent(out, level);
    out += ']';
    break;
  case Json::value_t::object: {
    if (value.empty()) {
      out += "{}";
      break;
    }
    out += '{';
    // nlohmann's object is a std::map: byte order of UTF-8 keys is code point order, which
    // is what sort_keys=True sorts by.
    bool first = true;
    for (const auto& [key, member] : value.items()) {
      if (!first) {
        out += ',';
      }
      first = false;
      append_newline_indent(out, level + 1);
      append_python_string(out, key);
      out += ": ";
      append_python_json(out, member, level + 1);
    }
    append_newline_indent(out, level);
    out += '}';
    break;
  }
  case Json::value_t::binary:
  case Json::value_t::discarded:
    break; // never produced by parsing JSON text
  }
}

std::string python_float_repr(double value) {
  if (std::isnan(value)) {
    return "nan";
  }
  if (std::isinf(value)) {
    return value > 0 ? "inf" : "-inf";
  }
  const std::string sign = std::signbit(value) ? "-" : "";
  const ShortestDigits d = shortest_digits(std::fabs(value));
  // CPython's float_repr_style 'short' switches to exponent form outside 1e-4 <= |x| < 1e16.
  const bool use_exponent = d.decimal_point <= -4 || d.decimal_point > 16;
  return sign + (use_exponent ? exponential_layout(d) : fixed_layout(d));
}

std::string dump_like_python(const Json& value) {
  std::string out;
  append_python_json(out, value, 0);
  return out;
}

} // namespace docnb
