// The HTML report's own style and script (src/report/assets/), compiled into docnb so that a
// report is one self-contained file.
#pragma once

#include <string_view>

namespace docnb {

[[nodiscard]] std::string_view report_style();
[[nodiscard]] std::string_view report_script();

} // namespace docnb
