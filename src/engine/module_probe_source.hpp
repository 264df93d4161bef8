// The program ModuleProbe runs in the kernels' interpreter (src/engine/module_probe.py),
// compiled in at configure time.
#pragma once

#include <string_view>

namespace docnb {

[[nodiscard]] std::string_view module_probe_source();

} // namespace docnb
