// The one embedded interpreter: started on first use, entered from any thread, docnb's
// helper module loaded into it.
#include "converters/python_runtime.hpp"

#include <catch2/catch.hpp>
#include <thread>

using namespace docnb;

TEST_CASE("python runtime: any thread enters the one interpreter", "[converters][python]") {
  std::vector<long> answers(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    threads.emplace_back([&answers, i] {
      answers[i] = python::with_python([i] {
        return pybind11::eval("sum(range(" + std::to_string(10 * (i + 1)) + "))").cast<long>();
      });
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  CHECK(answers == std::vector<long>{45, 190, 435, 780});
}

TEST_CASE("python runtime: docnb's helpers are loaded", "[converters][python]") {
  const bool has_module_path =
      python::with_python([] { return pybind11::hasattr(python::helpers(), "module_path"); });
  CHECK(has_module_path);
}
