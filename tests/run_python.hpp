// Runs Debian's Python (DOCNB_PYTHON) from a unit test, as the tests that check docnb's output
// against Python's own readers do.
#pragma once

#include <catch2/catch.hpp>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <vector>

extern char** environ; // NOLINT: POSIX declares it nowhere else

namespace docnb::testing {

// `python ARGS...`, waited for; its exit status. REQUIREs that it started and exited.
inline int run_python(std::vector<std::string> args) {
  args.insert(args.begin(), DOCNB_PYTHON);
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (std::string& arg : args) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  REQUIRE(::posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  return WEXITSTATUS(status);
}

} // namespace docnb::testing
