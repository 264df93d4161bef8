#include "cli/gateway_arguments.hpp"

#include <cstdlib>

namespace docnb::cli {

namespace {

std::optional<std::string> variable(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

} // namespace

void add_gateway_options(CLI::App& command, GatewayArguments& args, bool with_cwd) {
  command.add_option("--gateway-url", args.url,
                     "Start kernels on this Jupyter Server or Enterprise Gateway "
                     "(default: JUPYTER_GATEWAY_URL, then [tool.docnb] gateway_url)");
  command.add_option("--gateway-token", args.token,
                     "Token sent as `Authorization: token …` (default: "
                     "JUPYTER_GATEWAY_AUTH_TOKEN)");
  command
      .add_option("--gateway-header", args.headers,
                  "Extra request header NAME:VALUE for the gateway (repeatable)")
      ->allow_extra_args(false);
  command
      .add_option("--gateway-ca", args.ca_file,
                  "Certificates (PEM) trusted for the gateway besides the system's")
      ->check(CLI::ExistingFile);
  command.add_flag("--gateway-insecure", args.insecure,
                   "Allow plain http:// to a gateway on another host (the token and every "
                   "message then travel unprotected)");
  if (with_cwd) {
    command.add_option("--gateway-cwd", args.cwd,
                       "Where the current directory is on the gateway's side: each kernel runs "
                       "in the folder matching its source's (sent as the kernel's path and "
                       "KERNEL_WORKING_DIR)");
  }
}

Result<GatewaySettings> gateway_settings(const GatewayArguments& args,
                                         const std::optional<std::string>& project_url,
                                         std::chrono::milliseconds startup_timeout) {
  GatewaySettings settings;
  if (!args.url.empty()) {
    settings.url = args.url;
  } else if (const auto from_env = variable("JUPYTER_GATEWAY_URL")) {
    settings.url = *from_env;
  } else if (project_url) {
    settings.url = *project_url;
  }
  if (!settings.enabled()) return settings;
  settings.token =
      !args.token.empty() ? args.token : variable("JUPYTER_GATEWAY_AUTH_TOKEN").value_or("");
  for (const std::string& option : args.headers) {
    Result<std::pair<std::string, std::string>> header = parse_header_option(option);
    if (!header) return header.error();
    settings.headers.push_back(std::move(header).value());
  }
  settings.ca_file = args.ca_file;
  settings.insecure = args.insecure;
  settings.cwd = args.cwd;
  std::error_code ignored;
  settings.local_root = std::filesystem::current_path(ignored);
  settings.request_timeout = std::max(settings.request_timeout, startup_timeout);
  // The URL is checked now, so that a malformed one is a usage error before anything runs.
  if (Result<GatewayUrl> url = parse_gateway_url(settings.url, settings.insecure); !url) {
    return url.error();
  }
  return settings;
}

Result<std::optional<GatewayClient>> connect_gateway(const GatewaySettings& settings) {
  if (!settings.enabled()) return std::optional<GatewayClient>();
  Result<GatewayClient> client = GatewayClient::connect(settings);
  if (!client) return client.error();
  return std::optional<GatewayClient>(std::move(client).value());
}

} // namespace docnb::cli
