// The types the messaging spec gives the message fields docnb reads.
//
// A kernel is a peer docnb does not control: a field of another type (`"msg_type": 5`, a stream
// whose text is a list) makes a malformed message, refused where it is parsed, before the
// executor reads it. Output data follow nbformat's mimebundle rule (text values are strings or
// lists of strings; application/json and +json values are any JSON), so what docnb writes from
// them is a valid notebook.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace docnb {

// The first field whose type is not the spec's, as "content.text must be a string", or nothing.
// Fields that are absent are not checked: readers fall back to their defaults.
[[nodiscard]] std::optional<std::string> wrong_field_type(const nlohmann::json& header,
                                                          const nlohmann::json& parent_header,
                                                          const nlohmann::json& content);

} // namespace docnb
