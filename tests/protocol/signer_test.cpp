#include <catch2/catch.hpp>

#include "protocol/signer.hpp"

using docnb::Signer;

namespace {
const std::array<std::string_view, 4> frames = {R"({"a":1})", "{}", "{}", R"({"b":2})"};
// Python: hmac.new(b"secret-key", b"".join(frames), hashlib.sha256).hexdigest()
constexpr std::string_view python_signature =
    "ae76aeefcff0c221ecc815b72f45810b47290f404ee280ab6c161755f7ddc94b";
}  // namespace

TEST_CASE("signatures match Python's hmac over the four JSON frames", "[protocol]") {
  const Signer signer("secret-key");
  CHECK(signer.sign(frames) == python_signature);
  CHECK(signer.verify(python_signature, frames));
}

TEST_CASE("a signature that is not exactly right is rejected", "[protocol]") {
  const Signer signer("secret-key");
  const std::string good(python_signature);
  CHECK_FALSE(signer.verify(good + "00", frames));             // correct, then garbage
  CHECK_FALSE(signer.verify(good.substr(0, 63), frames));      // truncated
  CHECK_FALSE(signer.verify("", frames));                      // unsigned
  std::string flipped = good;
  flipped[10] = flipped[10] == 'a' ? 'b' : 'a';
  CHECK_FALSE(signer.verify(flipped, frames));                 // forged
  CHECK_FALSE(Signer("other-key").verify(good, frames));       // someone else's key
}

TEST_CASE("an empty key turns signing off", "[protocol]") {
  const Signer signer("");
  CHECK_FALSE(signer.enabled());
  CHECK(signer.sign(frames).empty());
  CHECK(signer.verify("", frames));
  CHECK_FALSE(signer.verify(python_signature, frames));
}

TEST_CASE("fresh keys are 256 random bits", "[protocol]") {
  const std::string a = docnb::random_key_hex();
  const std::string b = docnb::random_key_hex();
  CHECK(a.size() == 64);
  CHECK(a != b);
}
