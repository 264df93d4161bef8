#include "check/float_tolerance.hpp"

#include "support/text.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

namespace docnb::check {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_word(char c) {
  return is_digit(c) || c == '_' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (static_cast<unsigned char>(c) >= 0x80);
}

// Length of the number starting at `i`, or 0.
std::size_t number_length(std::string_view s, std::size_t i) {
  if (i > 0 && is_word(s[i - 1])) {
    return 0;
  }
  std::size_t j = i;
  if (j < s.size() && (s[j] == '+' || s[j] == '-')) {
    ++j;
  }
  for (std::string_view word : {std::string_view("nan"), std::string_view("inf")}) {
    if (s.substr(j, 3) == word && (j + 3 >= s.size() || !is_word(s[j + 3]))) {
      return j + 3 - i;
    }
  }
  const std::size_t int_start = j;
  while (j < s.size() && is_digit(s[j])) {
    ++j;
  }
  bool digits = j > int_start;
  if (j < s.size() && s[j] == '.') {
    const std::size_t frac_start = ++j;
    while (j < s.size() && is_digit(s[j])) {
      ++j;
    }
    digits = digits || j > frac_start;
  }
  if (!digits) {
    return 0;
  }
  if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
    std::size_t k = j + 1;
    if (k < s.size() && (s[k] == '+' || s[k] == '-')) {
      ++k;
    }
    const std::size_t exp_start = k;
    while (k < s.size() && is_digit(s[k])) {
      ++k;
    }
    if (k > exp_start) {
      j = k;
    }
  }
  if (j < s.size() && is_word(s[j])) {
    return 0;
  }
  return j - i;
}

struct Split {
  std::string skeleton; // text with each number as '\x01' and its surrounding blanks removed
  std::vector<double> numbers;
};

double to_double(std::string_view token) {
  std::string text(token);
  if (!text.empty() && text[0] == '+') {
    text.erase(0, 1);
  }
  return std::strtod(text.c_str(), nullptr); // handles nan, inf and "1." alike
}

Split split(std::string_view s) {
  Split out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t length = number_length(s, i);
    if (length == 0) {
      out.skeleton += s[i++];
      continue;
    }
    while (!out.skeleton.empty() && is_space(out.skeleton.back())) {
      out.skeleton.pop_back();
    }
    out.skeleton += '\x01';
    out.numbers.push_back(to_double(s.substr(i, length)));
    i += length;
    while (i < s.size() && is_space(s[i])) {
      ++i;
    }
  }
  return out;
}

bool close_enough(double want, double got, const FloatTolerance& t) {
  if (std::isnan(want) || std::isnan(got)) {
    return std::isnan(want) && std::isnan(got);
  }
  if (std::isinf(want) || std::isinf(got)) {
    return want == got;
  }
  return std::fabs(got - want) <= t.atol + t.rtol * std::fabs(want);
}

Result<double> parse_number(std::string_view text, std::string_view spec) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) {
    return Error{"bad float tolerance '" + std::string(spec) +
                     "': expected rtol[,atol] with non-negative numbers",
                 ""};
  }
  return value;
}

} // namespace

Result<FloatTolerance> parse_float_tolerance(std::string_view spec) {
  FloatTolerance tolerance;
  if (spec.empty()) {
    return tolerance;
  }
  const std::size_t comma = spec.find(',');
  Result<double> rtol = parse_number(spec.substr(0, comma), spec);
  if (!rtol) {
    return rtol.error();
  }
  tolerance.rtol = *rtol;
  if (comma != std::string_view::npos) {
    Result<double> atol = parse_number(spec.substr(comma + 1), spec);
    if (!atol) {
      return atol.error();
    }
    tolerance.atol = *atol;
  }
  return tolerance;
}

bool matches_with_tolerance(std::string_view want, std::string_view got,
                            const FloatTolerance& tolerance) {
  const Split w = split(want);
  const Split g = split(got);
  if (w.skeleton != g.skeleton || w.numbers.size() != g.numbers.size()) {
    return false;
  }
  for (std::size_t i = 0; i < w.numbers.size(); ++i) {
    if (!close_enough(w.numbers[i], g.numbers[i], tolerance)) {
      return false;
    }
  }
  return true;
}

} // namespace docnb::check
