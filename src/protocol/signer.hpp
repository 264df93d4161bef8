// HMAC signing of Jupyter messages (the `signature_scheme` of a connection file).
#pragma once

#include <array>
#include <memory>
#include <openssl/types.h>
#include <string>
#include <string_view>

namespace docnb {

class Signer {
public:
  // An empty key turns signing off: signatures are empty and any signature is accepted
  // only if it is empty too, as the messaging spec says.
  explicit Signer(std::string key, std::string_view scheme = "hmac-sha256");

  [[nodiscard]] bool enabled() const { return !key_.empty(); }

  // Hex HMAC over the four JSON frames, in order.
  [[nodiscard]] std::string sign(const std::array<std::string_view, 4>& frames) const;

  // Exact length and constant time: a correct signature followed by garbage is rejected.
  [[nodiscard]] bool verify(std::string_view signature,
                            const std::array<std::string_view, 4>& frames) const;

private:
  std::string key_;
  // HMAC-SHA256 keyed once; each signature works on a copy (EVP_MAC_CTX_dup), since fetching
  // and keying the MAC for every message cost more than hashing it. Never changed after the
  // constructor, so signing from several threads is safe.
  std::shared_ptr<const EVP_MAC_CTX> keyed_;
};

// 32 random bytes from OpenSSL, hex encoded: a fresh key for each kernel.
std::string random_key_hex();

} // namespace docnb
