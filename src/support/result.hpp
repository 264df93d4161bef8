// Errors as values at the boundaries: a Result<T> is either a T or an Error that says
// where (file, line or JSON pointer) and what went wrong.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace docnb {

struct Error {
  std::string message;
  // "file:line", "file#/json/pointer" or a bare file name; empty when no place applies.
  std::string where;

  [[nodiscard]] std::string describe() const {
    return where.empty() ? message : where + ": " + message;
  }
};

template <class T> class [[nodiscard]] Result {
public:
  Result(T value)
      : state_(std::in_place_index<0>, std::move(value)) {} // NOLINT(google-explicit-constructor)
  Result(Error error)
      : state_(std::in_place_index<1>, std::move(error)) {} // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  [[nodiscard]] const Error& error() const { return std::get<1>(state_); }

private:
  std::variant<T, Error> state_;
};

// For operations that return nothing on success.
struct Done {};
using Status = Result<Done>;

} // namespace docnb
