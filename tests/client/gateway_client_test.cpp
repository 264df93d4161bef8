#include "client/gateway_client.hpp"
#include "gateway_test_server.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

TEST_CASE("a kernelspec model of the REST API becomes a KernelSpec", "[client][gateway]") {
  const Json model = Json::parse(R"({"name": "python3", "resources": {},
      "spec": {"argv": ["python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
               "env": {"A": "1", "N": 2}, "display_name": "Python 3", "language": "python",
               "interrupt_mode": "message", "metadata": {"debugger": true}}})");
  Result<KernelSpec> spec = kernelspec_from_model(model);
  REQUIRE(spec.ok());
  CHECK(spec->name == "python3");
  CHECK(spec->argv.size() == 5);
  CHECK(spec->env == std::map<std::string, std::string>{{"A", "1"}});
  CHECK(spec->interrupt_mode == "message");
  CHECK(spec->metadata["debugger"] == true);
  CHECK(spec->directory.empty());
  CHECK_FALSE(kernelspec_from_model(Json::parse(R"({"name": "x"})")).ok());
}

TEST_CASE("a kernel's folder on the gateway mirrors its folder here", "[client][gateway]") {
  CHECK(remote_folder("/srv/work", "/home/me/proj/docs/a", "/home/me/proj") == "/srv/work/docs/a");
  CHECK(remote_folder("/srv/work/", "/home/me/proj", "/home/me/proj") == "/srv/work/");
  CHECK(remote_folder("/", "/home/me/proj/docs", "/home/me/proj") == "/docs");
  CHECK(remote_folder("work", "/home/me/proj/docs/../src", "/home/me/proj") == "work/src");
  // Outside the current directory there is nothing to mirror: the root itself.
  CHECK(remote_folder("/srv/work", "/tmp/elsewhere", "/home/me/proj") == "/srv/work");
}

TEST_CASE("kernels are started, listed and deleted through a real Jupyter Server",
          "[client][gateway][server]") {
  testing::GatewayTestServer server;
  const GatewayClient client = server.client();
  CHECK(client.default_kernel() == "python3");
  REQUIRE(client.kernelspec("python3").ok());
  CHECK(client.kernelspec("python3")->language == "python");
  const Result<KernelSpec> missing = client.kernelspec("julia-1.9");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("it has: python3") != std::string::npos);

  RemoteKernelRequest request;
  request.name = "python3";
  request.cwd = "/tmp";
  const Result<std::string> id = client.start_kernel(request);
  REQUIRE(id.ok());
  CHECK(client.kernel(*id)->value("name", "") == "python3");
  REQUIRE(client.kernels()->size() == 1);
  CHECK(client.interrupt_kernel(*id).ok());
  REQUIRE(client.delete_kernel(*id).ok());
  CHECK(client.kernels()->empty());
  CHECK(client.delete_kernel(*id).ok()); // already gone: nothing left to do
  const Result<Json> gone = client.kernel(*id);
  REQUIRE_FALSE(gone.ok());
  CHECK(gone.error().message.find("404") != std::string::npos);

  GatewaySettings wrong = server.settings();
  wrong.token = "wrong";
  const Result<GatewayClient> refused = GatewayClient::connect(wrong);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("refused the request (HTTP 403") != std::string::npos);
  CHECK(refused.error().message.find("--gateway-token") != std::string::npos);
}
