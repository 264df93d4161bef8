#include "client/gateway_url.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>

namespace docnb {

namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

bool is_port(std::string_view text) {
  if (text.empty() || text.size() > 5) return false;
  if (!std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return false;
  }
  const int port = std::stoi(std::string(text));
  return port > 0 && port < 65536;
}

// Splits "host:port", "[v6]:port", "host" or "[v6]" into host and port (empty when absent).
Result<std::pair<std::string, std::string>> split_authority(std::string_view authority) {
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return Error{"unclosed '[' in the host", ""};
    std::string_view rest = authority.substr(close + 1);
    if (!rest.empty() && !rest.starts_with(':')) return Error{"junk after the IPv6 host", ""};
    return std::pair{std::string(authority.substr(1, close - 1)),
                     std::string(rest.empty() ? rest : rest.substr(1))};
  }
  const std::size_t colon = authority.rfind(':');
  if (colon == std::string_view::npos) return std::pair{std::string(authority), std::string()};
  return std::pair{std::string(authority.substr(0, colon)),
                   std::string(authority.substr(colon + 1))};
}

} // namespace

std::string GatewayUrl::describe() const {
  const bool v6 = host.find(':') != std::string::npos;
  return std::string(tls ? "https://" : "http://") + (v6 ? "[" + host + "]" : host) + ":" + port +
         (base.empty() ? "/" : base);
}

bool is_loopback_host(std::string_view host) {
  const std::string name = lower(host);
  if (name == "localhost" || name.ends_with(".localhost")) return true;
  in_addr v4{};
  if (inet_pton(AF_INET, name.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, name.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return false;
}

Result<GatewayUrl> parse_gateway_url(std::string_view url, bool insecure) {
  const std::string where = "--gateway-url " + std::string(url);
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    return Error{"not a URL: it needs http:// or https://", where};
  }
  const std::string scheme = lower(url.substr(0, scheme_end));
  GatewayUrl parsed;
  if (scheme == "https" || scheme == "wss") {
    parsed.tls = true;
  } else if (scheme != "http" && scheme != "ws") {
    return Error{"unknown scheme '" + scheme + "': use http:// or https://", where};
  }
  std::string_view rest = url.substr(scheme_end + 3);
  if (rest.find_first_of("?#") != std::string_view::npos) {
    return Error{"a gateway URL has no query or fragment", where};
  }
  const std::size_t slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  if (authority.find('@') != std::string_view::npos) {
    return Error{"credentials do not go into the URL: use --gateway-token", where};
  }
  Result<std::pair<std::string, std::string>> host_port = split_authority(authority);
  if (!host_port) return Error{host_port.error().message, where};
  parsed.host = host_port->first;
  parsed.port = host_port->second.empty() ? (parsed.tls ? "443" : "80") : host_port->second;
  if (parsed.host.empty()) return Error{"the URL names no host", where};
  if (!is_port(parsed.port)) return Error{"'" + parsed.port + "' is not a port", where};
  std::string base(slash == std::string_view::npos ? "" : rest.substr(slash));
  while (base.ends_with('/'))
    base.pop_back();
  parsed.base = base;
  if (!parsed.tls && !insecure && !is_loopback_host(parsed.host)) {
    return Error{"plain http to " + parsed.host +
                     " would carry the token and every message unprotected (the websocket has "
                     "no signatures): use https://, or --gateway-insecure on a trusted network",
                 where};
  }
  return parsed;
}

Result<std::pair<std::string, std::string>> parse_header_option(std::string_view option) {
  const std::string where = "--gateway-header " + std::string(option);
  const std::size_t colon = option.find(':');
  if (colon == std::string_view::npos) return Error{"a header is NAME:VALUE", where};
  const std::string_view name = option.substr(0, colon);
  const bool token_chars = std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) ||
           std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
  });
  if (name.empty() || !token_chars)
    return Error{"'" + std::string(name) + "' is no header name", where};
  std::string_view value = option.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
    value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
    value.remove_suffix(1);
  if (value.find_first_of("\r\n") != std::string_view::npos) {
    return Error{"a header value cannot hold a line break", where};
  }
  return std::pair{std::string(name), std::string(value)};
}

} // namespace docnb
