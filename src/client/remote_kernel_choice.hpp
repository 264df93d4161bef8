// Which of a gateway's kernelspecs runs a source: client/kernel_choice.hpp's rules, with the
// gateway's Python kernel standing in for docnb-python when the gateway has no kernel of that
// name (text sources then run with that kernel's semantics, IPython's for ipykernel).
#pragma once

#include "client/kernelspec.hpp"
#include "client/kernel_choice.hpp"

#include <string>
#include <vector>

namespace docnb {

// `specs` are the gateway's, `default_name` the one it calls its default.
Result<std::string> choose_remote_kernel(const KernelRequest& request,
                                         const std::vector<KernelSpec>& specs,
                                         const std::string& default_name);

} // namespace docnb
