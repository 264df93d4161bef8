#include "support/base64.hpp"

#include <algorithm>
#include <openssl/evp.h>

namespace docnb {

std::string base64_encode(std::string_view bytes) {
  std::string text(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()),
                                      reinterpret_cast<const unsigned char*>(bytes.data()),
                                      static_cast<int>(bytes.size()));
  text.resize(static_cast<std::size_t>(written));
  return text;
}

Result<std::string> base64_decode(std::string_view text) {
  std::string compact;
  compact.reserve(text.size());
  std::copy_if(text.begin(), text.end(), std::back_inserter(compact),
               [](char c) { return c != '\n' && c != '\r' && c != ' ' && c != '\t'; });
  if (compact.size() % 4 != 0) return Error{"base64 text whose length is not a multiple of 4", ""};
  std::string bytes(compact.size() / 4 * 3 + 1, '\0');
  const int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                                      reinterpret_cast<const unsigned char*>(compact.data()),
                                      static_cast<int>(compact.size()));
  if (written < 0) return Error{"not base64", ""};
  // EVP_DecodeBlock counts the padding as decoded zero bytes.
  const std::size_t padding = static_cast<std::size_t>(
      std::count(compact.end() - std::min<std::size_t>(2, compact.size()), compact.end(), '='));
  bytes.resize(static_cast<std::size_t>(written) - padding);
  return bytes;
}

} // namespace docnb
