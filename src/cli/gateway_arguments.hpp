// The options `docnb run` and `docnb kernels` share to use a Jupyter Server or Enterprise
// Gateway: --gateway-url (or JUPYTER_GATEWAY_URL, or [tool.docnb] gateway_url), --gateway-token
// (or JUPYTER_GATEWAY_AUTH_TOKEN), --gateway-header, --gateway-ca, --gateway-insecure and
// --gateway-cwd. The environment is read here and nowhere else.
#pragma once

#include "client/gateway_client.hpp"
#include "client/gateway_settings.hpp"
#include "support/result.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace docnb::cli {

struct GatewayArguments {
  std::string url;
  std::string token;
  std::vector<std::string> headers;
  std::filesystem::path ca_file;
  bool insecure = false;
  std::optional<std::string> cwd;
};

// `with_cwd`: also --gateway-cwd (run only; listing kernelspecs starts none).
void add_gateway_options(CLI::App& command, GatewayArguments& args, bool with_cwd);

// The settings from the options, the environment and the project's gateway_url (in that order
// of precedence); disabled (no URL) when none names a gateway. A start-up timeout longer than
// the default request timeout lengthens it: POST /api/kernels lasts as long as the start.
[[nodiscard]] Result<GatewaySettings>
gateway_settings(const GatewayArguments& args, const std::optional<std::string>& project_url,
                 std::chrono::milliseconds startup_timeout);

// The gateway reached and its kernelspecs read, when the settings name one; else nullopt. A
// failure (unreachable, refused token or certificate) is a usage error: exit 2.
[[nodiscard]] Result<std::optional<GatewayClient>> connect_gateway(const GatewaySettings& settings);

} // namespace docnb::cli
