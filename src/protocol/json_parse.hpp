// Parsing a message frame's JSON so that each string is moved into the value, not copied:
// a kernel's 200 MB stream message is then held as the frame and the value, not also as a
// copy of the text that nlohmann's own DOM builder would make.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace docnb {

// The JSON value of `text`, or nullopt when it is not JSON (as Json::parse with
// allow_exceptions off would say, with the same value otherwise).
[[nodiscard]] std::optional<nlohmann::json> parse_json_moving_strings(std::string_view text);

} // namespace docnb
