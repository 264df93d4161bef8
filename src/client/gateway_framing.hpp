// The two framings of kernel messages on a Jupyter Server's channels websocket
// (/api/kernels/{id}/channels): JSON text frames, and the `v1.kernel.websocket.jupyter.org`
// binary subprotocol. Neither carries a signature: the server signs on the kernel's side.
#pragma once

#include "client/connection.hpp"
#include "protocol/message.hpp"
#include "support/result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace docnb {

enum class Framing {
  json, // one text frame {channel, header, parent_header, metadata, content}; a binary frame
        // when the message has buffers (big-endian uint32 count and offsets, JSON, buffers)
  v1,   // uint64 little-endian offset count and offsets, then channel, header, parent_header,
        // metadata, content as separate parts, then buffers
};

inline constexpr std::string_view v1_subprotocol = "v1.kernel.websocket.jupyter.org";

struct ChannelMessage {
  Channel channel = Channel::shell;
  Message message;
};

// The channel a websocket message names: "shell", "iopub", "stdin" or "control" (there is no
// heartbeat channel on the websocket); nullopt for any other name.
std::optional<Channel> channel_named(std::string_view name);

std::string encode_v1(const ChannelMessage& message);
Result<ChannelMessage> decode_v1(std::string_view frame);

// A text frame; the message must have no buffers (this client never sends any).
std::string encode_json(const ChannelMessage& message);
Result<ChannelMessage> decode_json(std::string_view text);
// A binary frame of a connection without the subprotocol: a message that has buffers.
Result<ChannelMessage> decode_json_binary(std::string_view frame);

} // namespace docnb
