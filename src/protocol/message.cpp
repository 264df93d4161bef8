#include "protocol/message.hpp"

#include "protocol/message_fields.hpp"
#include "support/json_depth.hpp"
#include "protocol/json_parse.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <openssl/rand.h>
#include <stdexcept>

namespace docnb {

std::string new_uuid() {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw std::runtime_error("OpenSSL RAND_bytes failed");
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);
  std::array<char, 37> text{};
  std::snprintf(text.data(), text.size(),
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0],
                bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8],
                bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
  return {text.data(), 36};
}

std::string iso8601_now() {
  const auto now = std::chrono::system_clock::now();
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(micros / 1'000'000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  std::array<char, 40> text{};
  const std::size_t length = std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(text.data() + length, text.size() - length, ".%06lldZ",
                static_cast<long long>(micros % 1'000'000));
  return text.data();
}

Message make_request(std::string_view msg_type, Json content, std::string_view session) {
  Message message;
  message.header = {{"msg_id", new_uuid()},
                    {"session", std::string(session)},
                    {"username", "docnb"},
                    {"date", iso8601_now()},
                    {"msg_type", std::string(msg_type)},
                    {"version", std::string(protocol_version)}};
  message.content = std::move(content);
  return message;
}

std::vector<std::string> to_frames(const Message& message, const Signer& signer) {
  std::vector<std::string> frames = message.identities;
  std::array<std::string, 4> parts = {message.header.dump(), message.parent_header.dump(),
                                      message.metadata.dump(), message.content.dump()};
  frames.emplace_back(delimiter);
  frames.push_back(signer.sign({parts[0], parts[1], parts[2], parts[3]}));
  for (std::string& part : parts)
    frames.push_back(std::move(part));
  frames.insert(frames.end(), message.buffers.begin(), message.buffers.end());
  return frames;
}

Result<Message> from_frames(const std::vector<std::string>& frames, const Signer& signer) {
  const std::vector<std::string_view> views(frames.begin(), frames.end());
  return from_frames(std::span<const std::string_view>(views), signer);
}

Result<Message> from_frames(std::span<const std::string_view> frames, const Signer& signer) {
  std::size_t split = 0;
  while (split < frames.size() && frames[split] != delimiter)
    ++split;
  if (split == frames.size()) return Error{"message has no <IDS|MSG> delimiter", ""};
  if (frames.size() < split + 6) return Error{"message has fewer than four JSON frames", ""};

  const std::string_view signature = frames[split + 1];
  if (!signer.verify(signature, {frames[split + 2], frames[split + 3], frames[split + 4],
                                 frames[split + 5]})) {
    return Error{signature.empty() ? "unsigned message" : "message signature does not verify", ""};
  }

  Message message;
  message.identities.assign(frames.begin(), frames.begin() + static_cast<long>(split));
  Json* targets[] = {&message.header, &message.parent_header, &message.metadata, &message.content};
  for (std::size_t i = 0; i < 4; ++i) {
    const std::string_view frame = frames[split + 2 + i];
    if (find_nesting_beyond(frame, max_json_depth)) {
      return Error{"message frame " + std::to_string(i) + " is nested deeper than " +
                       std::to_string(max_json_depth) + " levels",
                   ""};
    }
    std::optional<Json> parsed = parse_json_moving_strings(frame);
    if (!parsed || !parsed->is_object()) {
      return Error{"message frame " + std::to_string(i) + " is not a JSON object", ""};
    }
    *targets[i] = std::move(*parsed);
  }
  if (auto wrong = wrong_field_type(message.header, message.parent_header, message.content)) {
    return Error{"malformed message: " + *wrong, ""};
  }
  message.buffers.assign(frames.begin() + static_cast<long>(split) + 6, frames.end());
  return message;
}

} // namespace docnb
