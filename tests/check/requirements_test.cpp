// xdoctest's REQUIRES forms, decided against a context of flags, modules and environment.
#include "check/requirements.hpp"

#include <catch2/catch.hpp>
#include <map>

using namespace docnb::check;

namespace {

RequirementContext context_with(std::map<std::string, std::string> environment) {
  RequirementContext context;
  context.flags = {"--cuda"};
  context.module_available = [](const std::string& module) { return module == "numpy"; };
  context.environment = [environment](const std::string& name) -> std::optional<std::string> {
    if (auto found = environment.find(name); found != environment.end()) return found->second;
    return std::nullopt;
  };
  return context;
}

} // namespace

TEST_CASE("REQUIRES forms are decided as xdoctest decides them", "[check][requirements]") {
  const RequirementContext context = context_with({{"FOO", "1"}, {"EMPTY", ""}});
  CHECK(*requirement_met("--cuda", context));
  CHECK_FALSE(*requirement_met("--slow", context));
  CHECK(*requirement_met("module:numpy", context));
  CHECK_FALSE(*requirement_met("module:nosuchthing", context));
  CHECK(*requirement_met("env:FOO", context));
  CHECK_FALSE(*requirement_met("env:EMPTY", context));
  CHECK_FALSE(*requirement_met("env:BAR", context));
  CHECK(*requirement_met("env:FOO==1", context));
  CHECK_FALSE(*requirement_met("env:FOO==T", context));
  CHECK(*requirement_met("env:BAR!=1", context));
  CHECK_FALSE(*requirement_met("env:BAR==1", context));
  CHECK(*requirement_met("linux", context));
  CHECK(*requirement_met("POSIX", context));
  CHECK_FALSE(*requirement_met("win32", context));
  CHECK_FALSE(*requirement_met("darwin", context));
  CHECK(*requirement_met("cpython", context));
  CHECK_FALSE(*requirement_met("pypy", context));
  CHECK(*requirement_met("py3", context));
  CHECK_FALSE(requirement_met("gpu", context).ok());
  CHECK_FALSE(requirement_met("env:BAR>=1", context).ok());
  CHECK_FALSE(requirement_met("module:a:b", context).ok());
}
