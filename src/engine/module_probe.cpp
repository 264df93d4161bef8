#include "engine/module_probe.hpp"

#include "client/process.hpp"
#include "engine/module_probe_source.hpp"

namespace docnb {

namespace {

bool ask(const std::string& python, const std::string& module) {
  ProcessSpec spec;
  spec.argv = {python, "-c", std::string(module_probe_source()), module};
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
