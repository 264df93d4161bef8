// libFuzzer target: any multipart message received from a kernel is refused (no delimiter,
// bad signature, frames that are not JSON objects) or parsed, and its header read, never a
// crash. Half the inputs are signed with the connection's key by the target itself, so the
// JSON frames behind a valid signature are reached as well.
#include "protocol/message.hpp"
#include "protocol/signer.hpp"

#include <cstddef>
#include <cstdint>
#include <fuzzer/FuzzedDataProvider.h>
#include <string>
#include <vector>

namespace {

const docnb::Signer& keyed() {
  static const docnb::Signer signer("a8c3f2d6-5e2b-4f0a-9d7c-fuzzing-key");
  return signer;
}

const docnb::Signer& unkeyed() {
  static const docnb::Signer signer("");
  return signer;
}

// Puts the right signature after the delimiter, if there is room for one.
void sign(std::vector<std::string>& frames, const docnb::Signer& signer) {
  for (std::size_t i = 0; i + 5 < frames.size(); ++i) {
    if (frames[i] != docnb::delimiter) continue;
    frames[i + 1] = signer.sign({frames[i + 2], frames[i + 3], frames[i + 4], frames[i + 5]});
    return;
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  const int mode = input.ConsumeIntegralInRange(0, 2);
  std::vector<std::string> frames;
  while (input.remaining_bytes() > 0 && frames.size() < 16) {
    std::string frame = input.ConsumeRandomLengthString(4096);
    // The delimiter itself, often enough for the parser to get past it.
    frames.push_back(frame == "|" ? std::string(docnb::delimiter) : std::move(frame));
  }
  const docnb::Signer& signer = mode == 2 ? unkeyed() : keyed();
  if (mode == 1) sign(frames, signer);
  const auto message = docnb::from_frames(frames, signer);
  if (message) {
    (void)message->msg_type();
    (void)message->msg_id();
    (void)message->parent_msg_id();
    (void)docnb::to_frames(*message, signer);
  }
  return 0;
}
