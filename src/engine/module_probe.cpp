#include "engine/module_probe.hpp"

#include "client/process.hpp"

namespace docnb {

namespace {

constexpr std::string_view find_spec =
    "import importlib.util, sys\n"
    "try:\n"
    "    found = importlib.util.find_spec(sys.argv[1]) is not None\n"
    "except Exception:\n"
    "    found = False\n"
    "sys.exit(0 if found else 1)\n";

bool ask(const std::string& python, const std::string& module) {
  ProcessSpec spec;
  spec.argv = {python, "-c", std::string(find_spec), module};
  spec.env = current_environment();
  Result<ChildProcess> child = ChildProcess::spawn(spec);
  if (!child) return false;
  const std::optional<ExitStatus> status = child->wait_for(std::chrono::seconds(60));
  return status && status->signal == 0 && status->code == 0;
}

} // namespace

bool ModuleProbe::available(const std::string& module) {
  const std::lock_guard lock(mutex_);
  if (const auto known = known_.find(module); known != known_.end()) return known->second;
  const bool found = ask(python_, module);
  known_.emplace(module, found);
  return found;
}

} // namespace docnb
