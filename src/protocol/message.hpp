// Jupyter wire messages: the value type, and its multipart ZeroMQ form.
#pragma once

#include "protocol/signer.hpp"
#include "support/result.hpp"

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace docnb {

using Json = nlohmann::json;

inline constexpr std::string_view protocol_version = "5.3";
inline constexpr std::string_view delimiter = "<IDS|MSG>";

struct Message {
  std::vector<std::string> identities; // routing prefix; the topic on iopub
  Json header = Json::object();
  Json parent_header = Json::object();
  Json metadata = Json::object();
  Json content = Json::object();
  std::vector<std::string> buffers;

  [[nodiscard]] std::string msg_type() const { return header.value("msg_type", ""); }
  [[nodiscard]] std::string msg_id() const { return header.value("msg_id", ""); }
  [[nodiscard]] std::string parent_msg_id() const {
    return parent_header.is_object() ? parent_header.value("msg_id", "") : "";
  }
};

// A new request from this client: fresh msg_id, current date, protocol version.
Message make_request(std::string_view msg_type, Json content, std::string_view session);

// The frames to send: identities, delimiter, signature, header, parent, metadata, content,
// buffers.
std::vector<std::string> to_frames(const Message& message, const Signer& signer);

// Parses received frames. A message without a delimiter, with malformed JSON, or whose
// signature does not verify is an Error and must not be acted on.
Result<Message> from_frames(const std::vector<std::string>& frames, const Signer& signer);
// The same over frames held elsewhere (a socket's receive buffers), which are not copied: only
// the parsed values are made.
Result<Message> from_frames(std::span<const std::string_view> frames, const Signer& signer);

// A random version 4 UUID in its canonical text form.
std::string new_uuid();

// Now, as the ISO 8601 UTC text Jupyter uses: 2024-01-31T12:00:00.123456Z.
std::string iso8601_now();

} // namespace docnb
