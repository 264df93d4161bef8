// SHA-256 digests (OpenSSL's EVP): what the caches key their entries by and check them with.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace docnb {

// A digest fed piece by piece.
class Sha256 {
public:
  Sha256();
  Sha256(Sha256&& other) noexcept;
  Sha256& operator=(Sha256&& other) noexcept;
  ~Sha256();

  void update(std::string_view data);
  // Length-prefixed, so that the fields ("ab", "c") and ("a", "bc") differ.
  void field(std::string_view data);
  // Lower-case hex; the digest is finished after it.
  [[nodiscard]] std::string hex();

private:
  struct Deleter {
    void operator()(evp_md_ctx_st* context) const;
  };
  std::unique_ptr<evp_md_ctx_st, Deleter> context_;
};

// Lower-case hex SHA-256 of `data`.
[[nodiscard]] std::string sha256_hex(std::string_view data);

// The 32 bytes of the SHA-256 of `data` (a Content-Security-Policy hash is their base64).
[[nodiscard]] std::string sha256_digest(std::string_view data);

} // namespace docnb
