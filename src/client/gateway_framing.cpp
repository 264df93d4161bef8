#include "client/gateway_framing.hpp"

#include <array>
#include <cstdint>

namespace docnb {

namespace {

// The channels a websocket carries: every one but the heartbeat, which the server keeps.
constexpr std::array<Channel, 4> websocket_channels = {Channel::shell, Channel::iopub,
                                                       Channel::stdin_, Channel::control};

void put_u64_le(std::string& out, std::uint64_t value) {
  for (int byte = 0; byte < 8; ++byte)
    out.push_back(static_cast<char>((value >> (8 * byte)) & 0xffU));
}

std::uint64_t get_uint(std::string_view bytes, std::size_t at, std::size_t width, bool little) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const auto byte = static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at + i]));
    value |= little ? byte << (8 * i) : byte << (8 * (width - 1 - i));
  }
  return value;
}

// The parts a frame's offset table delimits: part k runs from offset k to offset k + 1, the
// last to the end of the frame (jupyter_server writes the end as a last offset, JupyterLab
// does not).
Result<std::vector<std::string_view>> split_by_offsets(std::string_view frame, std::size_t width,
                                                       bool little) {
  if (frame.size() < width) return Error{"frame shorter than its offset count", ""};
  const std::uint64_t count = get_uint(frame, 0, width, little);
  if (count == 0 || count > (frame.size() - width) / width) {
    return Error{"frame's offset count does not fit the frame", ""};
  }
  std::vector<std::uint64_t> offsets;
  for (std::size_t i = 0; i < count; ++i) {
    offsets.push_back(get_uint(frame, width * (i + 1), width, little));
  }
  if (offsets.back() < frame.size()) offsets.push_back(frame.size());
  const std::uint64_t table_end = width * (count + 1);
  std::vector<std::string_view> parts;
  for (std::size_t i = 0; i + 1 < offsets.size(); ++i) {
    if (offsets[i] < table_end || offsets[i] > offsets[i + 1] || offsets[i + 1] > frame.size()) {
      return Error{"frame's offsets are out of order or past its end", ""};
    }
    parts.push_back(frame.substr(offsets[i], offsets[i + 1] - offsets[i]));
  }
  return parts;
}

Result<Json> json_object(std::string_view text, const char* what) {
  Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Error{std::string(what) + " is not a JSON object", ""};
  }
  return parsed;
}

// The four JSON parts of a message, in the order both framings carry them.
constexpr std::array<const char*, 4> part_names = {"header", "parent_header", "metadata",
                                                   "content"};

std::array<Json*, 4> parts_of(Message& message) {
  return {&message.header, &message.parent_header, &message.metadata, &message.content};
}

// An empty message on the channel called `name`.
Result<ChannelMessage> message_on(std::string_view name) {
  const std::optional<Channel> channel = channel_named(name);
  if (!channel) return Error{"unknown channel '" + std::string(name) + "'", ""};
  ChannelMessage result;
  result.channel = *channel;
  return result;
}

// The message fields of a JSON-framed message, which the server sends as a whole object.
Result<ChannelMessage> from_json_object(const Json& object) {
  Result<ChannelMessage> result = message_on(object.value("channel", ""));
  if (!result) return result.error();
  const std::array<Json*, 4> targets = parts_of(result->message);
  for (std::size_t i = 0; i < part_names.size(); ++i) {
    const auto found = object.find(part_names[i]);
    if (found == object.end()) continue; // the server leaves out empty parts
    if (!found->is_object()) return Error{std::string(part_names[i]) + " is not a JSON object", ""};
    *targets[i] = *found;
  }
  return result;
}

} // namespace

std::optional<Channel> channel_named(std::string_view name) {
  for (const Channel channel : websocket_channels) {
    if (channel_name(channel) == name) return channel;
  }
  return std::nullopt;
}

std::string encode_v1(const ChannelMessage& message) {
  const Message& m = message.message;
  std::vector<std::string> parts = {std::string(channel_name(message.channel)), m.header.dump(),
                                    m.parent_header.dump(), m.metadata.dump(), m.content.dump()};
  parts.insert(parts.end(), m.buffers.begin(), m.buffers.end());
  // One offset per part, and one for the end, as jupyter_server writes them.
  const std::size_t count = parts.size() + 1;
  std::string frame;
  put_u64_le(frame, count);
  std::uint64_t offset = 8 * (count + 1);
  put_u64_le(frame, offset);
  for (const std::string& part : parts) {
    offset += part.size();
    put_u64_le(frame, offset);
  }
  for (const std::string& part : parts)
    frame += part;
  return frame;
}

Result<ChannelMessage> decode_v1(std::string_view frame) {
  Result<std::vector<std::string_view>> parts = split_by_offsets(frame, 8, /*little=*/true);
  if (!parts) return parts.error();
  if (parts->size() < 5) return Error{"v1 frame has fewer than five parts", ""};
  Result<ChannelMessage> result = message_on((*parts)[0]);
  if (!result) return result.error();
  const std::array<Json*, 4> targets = parts_of(result->message);
  for (std::size_t i = 0; i < part_names.size(); ++i) {
    Result<Json> part = json_object((*parts)[i + 1], part_names[i]);
    if (!part) return part.error();
    *targets[i] = std::move(part).value();
  }
  for (std::size_t i = 5; i < parts->size(); ++i)
    result->message.buffers.emplace_back((*parts)[i]);
  return result;
}

std::string encode_json(const ChannelMessage& message) {
  const Message& m = message.message;
  return Json{{"channel", channel_name(message.channel)},
              {"header", m.header},
              {"parent_header", m.parent_header},
              {"metadata", m.metadata},
              {"content", m.content}}
      .dump();
}

Result<ChannelMessage> decode_json(std::string_view text) {
  Result<Json> object = json_object(text, "text frame");
  if (!object) return object.error();
  return from_json_object(*object);
}

Result<ChannelMessage> decode_json_binary(std::string_view frame) {
  Result<std::vector<std::string_view>> parts = split_by_offsets(frame, 4, /*little=*/false);
  if (!parts) return parts.error();
  Result<Json> object = json_object(parts->front(), "binary frame's message");
  if (!object) return object.error();
  Result<ChannelMessage> result = from_json_object(*object);
  if (!result) return result;
  for (std::size_t i = 1; i < parts->size(); ++i)
    result->message.buffers.emplace_back((*parts)[i]);
  return result;
}

} // namespace docnb
