#include "check/base64_trim.hpp"

#include <array>
#include <openssl/evp.h>

namespace docnb::check {

namespace {

bool is_base64_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

std::string md5_hex(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_md5(), nullptr);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  return out;
}

} // namespace

bool looks_like_base64(std::string_view text) {
  std::string compact;
  compact.reserve(text.size());
  for (char c : text) {
    if (c != '\n') {
      compact += c;
    }
  }
  if (compact.size() % 4 != 0) {
    return false;
  }
  std::size_t padding = 0;
  while (padding < 2 && padding < compact.size() && compact[compact.size() - 1 - padding] == '=') {
    ++padding;
  }
  for (std::size_t i = 0; i + padding < compact.size(); ++i) {
    if (!is_base64_char(compact[i])) {
      return false;
    }
  }
  return true;
}

std::string trim_base64(std::string_view text) {
  if (text.size() <= 64 || !looks_like_base64(text)) {
    return std::string(text);
  }
  return std::string(text.substr(0, 8)) + "...<snip base64, md5=" + md5_hex(text).substr(0, 16) +
         "..., " + std::to_string(text.size()) + " chars>";
}

} // namespace docnb::check
