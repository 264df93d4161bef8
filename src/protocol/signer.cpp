#include "protocol/signer.hpp"

#include <memory>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace docnb {
namespace {

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string hex(size * 2, '\0');
  for (std::size_t i = 0; i < size; ++i) {
    hex[2 * i] = digits[bytes[i] >> 4];
    hex[2 * i + 1] = digits[bytes[i] & 0x0f];
  }
  return hex;
}

} // namespace

Signer::Signer(std::string key, std::string_view scheme) : key_(std::move(key)) {
  if (scheme != "hmac-sha256") {
    // Every kernel docnb starts gets hmac-sha256 from docnb's own connection file.
    throw std::invalid_argument("unsupported signature scheme: " + std::string(scheme));
  }
  if (key_.empty()) return;
  using MacPtr = std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)>;
  MacPtr mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr), &EVP_MAC_free);
  std::shared_ptr<EVP_MAC_CTX> context(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr,
                                       &EVP_MAC_CTX_free);
  std::string digest_name = "SHA256";
  const std::array<OSSL_PARAM, 2> params = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name.data(), 0),
      OSSL_PARAM_construct_end()};
  if (!context || EVP_MAC_init(context.get(), reinterpret_cast<const unsigned char*>(key_.data()),
                               key_.size(), params.data()) != 1) {
    throw std::runtime_error("OpenSSL HMAC-SHA256 is unavailable");
  }
  keyed_ = std::move(context);
}

std::string Signer::sign(const std::array<std::string_view, 4>& frames) const {
  if (key_.empty()) return {};
  using ContextPtr = std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)>;
  ContextPtr context(EVP_MAC_CTX_dup(keyed_.get()), &EVP_MAC_CTX_free);
  if (!context) throw std::runtime_error("OpenSSL cannot copy an HMAC context");
  for (std::string_view frame : frames) {
    EVP_MAC_update(context.get(), reinterpret_cast<const unsigned char*>(frame.data()),
                   frame.size());
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  std::size_t length = 0;
  EVP_MAC_final(context.get(), digest.data(), &length, digest.size());
  return to_hex(digest.data(), length);
}

bool Signer::verify(std::string_view signature,
                    const std::array<std::string_view, 4>& frames) const {
  const std::string expected = sign(frames);
  if (signature.size() != expected.size()) return false;
  if (expected.empty()) return true;
  return CRYPTO_memcmp(signature.data(), expected.data(), expected.size()) == 0;
}

std::string random_key_hex() {
  std::array<unsigned char, 32> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw std::runtime_error("OpenSSL RAND_bytes failed");
  }
  return to_hex(bytes.data(), bytes.size());
}

} // namespace docnb
