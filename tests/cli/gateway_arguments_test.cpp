// Gateway settings from the options, the environment and the project, refused when they could
// not work; the environment is read only where the options leave a value unset.
#include "cli/gateway_arguments.hpp"
#include "cli_fixtures.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>

using namespace docnb;
using namespace docnb::cli;

namespace {

GatewayArguments parsed(const std::string& line) {
  GatewayArguments args;
  testing::parse_options([&args](CLI::App& app) { add_gateway_options(app, args, true); }, line);
  return args;
}

Result<GatewaySettings> settings_of(const std::string& line,
                                    const std::optional<std::string>& project_url = {},
                                    std::chrono::milliseconds startup = std::chrono::seconds(60)) {
  return gateway_settings(parsed(line), project_url, startup);
}

bool variable_set(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

} // namespace

TEST_CASE("gateway: the option's URL wins over the project's", "[cli][gateway]") {
  const Result<GatewaySettings> settings = settings_of(
      "--gateway-url http://127.0.0.1:8888 --gateway-token secret --gateway-header 'X-A: 1' "
      "--gateway-cwd /srv/work",
      std::string("https://gateway.example.org"));
  REQUIRE(settings.ok());
  CHECK(settings->enabled());
  CHECK(settings->url == "http://127.0.0.1:8888");
  CHECK(settings->token == "secret");
  CHECK(settings->headers == std::vector<std::pair<std::string, std::string>>{{"X-A", "1"}});
  CHECK(settings->cwd == "/srv/work");
  CHECK(settings->local_root == std::filesystem::current_path());
}

TEST_CASE("gateway: the project's URL when neither option nor environment names one",
          "[cli][gateway]") {
  if (variable_set("JUPYTER_GATEWAY_URL")) return; // the environment would win, as it should
  const Result<GatewaySettings> none = settings_of("");
  REQUIRE(none.ok());
  CHECK_FALSE(none->enabled());
  const Result<GatewaySettings> project =
      settings_of("", std::string("https://gateway.example.org/base"));
  REQUIRE(project.ok());
  CHECK(project->url == "https://gateway.example.org/base");
}

TEST_CASE("gateway: a start-up longer than a request lengthens the request timeout",
          "[cli][gateway]") {
  const Result<GatewaySettings> settings =
      settings_of("--gateway-url http://localhost:8888", {}, std::chrono::minutes(5));
  REQUIRE(settings.ok());
  CHECK(settings->request_timeout == std::chrono::minutes(5));
}

TEST_CASE("gateway: a malformed URL or header, or plain http elsewhere, is refused",
          "[cli][gateway]") {
  CHECK_FALSE(settings_of("--gateway-url ftp://gateway.example.org").ok());
  CHECK_FALSE(settings_of("--gateway-url http://127.0.0.1:8888 --gateway-header nocolon").ok());
  // The websocket carries no signatures: plain http to another host only when asked for.
  CHECK_FALSE(settings_of("--gateway-url http://gateway.example.org:8888").ok());
  const Result<GatewaySettings> insecure =
      settings_of("--gateway-url http://gateway.example.org:8888 --gateway-insecure");
  REQUIRE(insecure.ok());
  CHECK(insecure->insecure);
  CHECK_THROWS_AS(parsed("--gateway-ca /nonexistent/ca.pem"), CLI::ValidationError);
}
