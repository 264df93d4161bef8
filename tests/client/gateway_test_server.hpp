// A real Jupyter Server for the gateway tests (tests/fixtures/gateway/serve.py), on a port the
// OS picks; stopped (and its kernels with it) when the fixture goes.
#pragma once

#include "client/gateway_client.hpp"
#include "client/process.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <thread>

namespace docnb::testing {

inline constexpr const char* gateway_token = "docnb-test-token";

class GatewayTestServer {
public:
  // `framing_json`: the server selects no subprotocol, so channels speak JSON frames.
  // `options`: more jupyter_server options.
  explicit GatewayTestServer(bool framing_json = false,
                             const std::vector<std::string>& options = {}) {
    Result<TempDir> folder = TempDir::create("docnb-gateway-test");
    REQUIRE(folder.ok());
    folder_.emplace(std::move(folder).value());
    const std::filesystem::path port_file = folder_->path() / "port";
    ProcessSpec spec;
    spec.argv = {DOCNB_PYTHON, std::string(DOCNB_SOURCE_DIR) + "/tests/fixtures/gateway/serve.py",
                 port_file.string(), std::string("--ServerApp.token=") + gateway_token,
                 "--ServerApp.root_dir=/"};
    if (framing_json) spec.argv.emplace_back("--ServerApp.kernel_ws_protocol=");
    spec.argv.insert(spec.argv.end(), options.begin(), options.end());
    spec.env = current_environment();
    spec.output_log = folder_->path() / "server.log";
    Result<ChildProcess> process = ChildProcess::spawn(spec);
    REQUIRE(process.ok());
    process_.emplace(std::move(process).value());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    while (!std::filesystem::exists(port_file)) {
      REQUIRE_FALSE(process_->poll().has_value()); // the server died: see server.log
      REQUIRE(std::chrono::steady_clock::now() < deadline);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::ifstream(port_file) >> port_;
  }
  GatewayTestServer(const GatewayTestServer&) = delete;
  GatewayTestServer& operator=(const GatewayTestServer&) = delete;
  ~GatewayTestServer() {
    if (process_) process_->terminate(std::chrono::seconds(10));
  }

  [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  [[nodiscard]] GatewaySettings settings() const {
    GatewaySettings settings;
    settings.url = url();
    settings.token = gateway_token;
    return settings;
  }
  [[nodiscard]] GatewayClient client() const {
    Result<GatewayClient> client = GatewayClient::connect(settings());
    REQUIRE(client.ok());
    return std::move(client).value();
  }
  // Stops the server now: SIGTERM, which shuts its kernels down and closes its websockets.
  void stop() {
    if (process_) process_->terminate(std::chrono::seconds(10));
  }

private:
  std::optional<TempDir> folder_;
  std::optional<ChildProcess> process_;
  int port_ = 0;
};

} // namespace docnb::testing
