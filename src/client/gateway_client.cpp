#include "client/gateway_client.hpp"

#include <algorithm>
#include <thread>

namespace docnb {

namespace {

// jupyter_server's error bodies: {"message": …, "reason": …}.
std::string server_message(const std::string& body) {
  const Json parsed = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) return {};
  for (const char* key : {"message", "reason"}) {
    const auto found = parsed.find(key);
    if (found != parsed.end() && found->is_string() && !found->get<std::string>().empty()) {
      return found->get<std::string>();
    }
  }
  return {};
}

Error http_error(const GatewayHttp& http, std::string_view method, const std::string& path,
                 const HttpReply& reply) {
  const std::string status = "HTTP " + std::to_string(reply.status) + " " + reply.reason;
  if (reply.status == 401 || reply.status == 403) {
    return Error{"the gateway at " + http.url().describe() + " refused the request (" + status +
                     "): check the token (--gateway-token or JUPYTER_GATEWAY_AUTH_TOKEN)",
                 ""};
  }
  const std::string detail = server_message(reply.body);
  return Error{std::string(method) + " " + path + " at the gateway " + http.url().describe() +
                   " failed: " + status + (detail.empty() ? "" : ": " + detail),
               ""};
}

std::map<std::string, std::string> string_map(const Json& object) {
  std::map<std::string, std::string> result;
  if (!object.is_object()) return result;
  for (const auto& [key, value] : object.items()) {
    if (value.is_string()) result[key] = value.get<std::string>();
  }
  return result;
}

} // namespace

Result<KernelSpec> kernelspec_from_model(const Json& model) {
  if (!model.is_object() || !model.value("spec", Json()).is_object()) {
    return Error{"a kernelspec without its spec", ""};
  }
  const Json& spec = model["spec"];
  KernelSpec result;
  result.name = model.value("name", "");
  if (result.name.empty()) return Error{"a kernelspec without a name", ""};
  result.display_name = spec.value("display_name", result.name);
  result.language = spec.value("language", "");
  result.interrupt_mode = spec.value("interrupt_mode", "signal");
  if (const auto argv = spec.find("argv"); argv != spec.end() && argv->is_array()) {
    for (const Json& arg : *argv) {
      if (arg.is_string()) result.argv.push_back(arg.get<std::string>());
    }
  }
  result.env = string_map(spec.value("env", Json::object()));
  if (const auto metadata = spec.find("metadata");
      metadata != spec.end() && metadata->is_object()) {
    result.metadata = *metadata;
  }
  return result;
}

std::string remote_folder(const std::string& remote_root, const std::filesystem::path& local,
                          const std::filesystem::path& local_root) {
  const std::filesystem::path relative =
      local.lexically_normal().lexically_relative(local_root.lexically_normal());
  if (relative.empty() || relative == "." || *relative.begin() == "..") return remote_root;
  std::string root = remote_root;
  while (root.size() > 1 && root.ends_with('/'))
    root.pop_back();
  return root + (root.ends_with('/') ? "" : "/") + relative.generic_string();
}

Result<GatewayClient> GatewayClient::connect(const GatewaySettings& settings) {
  Result<GatewayHttp> http = GatewayHttp::create(settings);
  if (!http) return http.error();
  GatewayClient client(std::move(http).value());
  Result<Json> specs = client.call("GET", "/api/kernelspecs", nullptr, {200});
  if (!specs) return specs.error();
  client.default_kernel_ = specs->value("default", "");
  const Json models = specs->value("kernelspecs", Json::object());
  for (const auto& [name, model] : models.items()) {
    Result<KernelSpec> spec = kernelspec_from_model(model);
    if (spec) client.kernelspecs_.push_back(std::move(spec).value());
  }
  return client;
}

Result<KernelSpec> GatewayClient::kernelspec(const std::string& name) const {
  const auto found = std::find_if(kernelspecs_.begin(), kernelspecs_.end(),
                                  [&name](const KernelSpec& spec) { return spec.name == name; });
  if (found != kernelspecs_.end()) return *found;
  std::string names;
  for (const KernelSpec& spec : kernelspecs_)
    names += (names.empty() ? "" : ", ") + spec.name;
  return Error{"the gateway at " + http_.url().describe() + " has no kernelspec '" + name +
                   "' (it has: " + (names.empty() ? "none" : names) + ")",
               ""};
}

Result<Json> GatewayClient::call(std::string_view method, const std::string& path, const Json& body,
                                 std::initializer_list<unsigned> expected) const {
  Result<HttpReply> reply = http_.request(method, path, body);
  if (!reply) return reply.error();
  if (std::find(expected.begin(), expected.end(), reply->status) == expected.end()) {
    return http_error(http_, method, path, *reply);
  }
  // Only a 200 or 201 carries a model; 204, and 404 where it is expected, carry nothing.
  if (reply->status != 200 && reply->status != 201) return Json();
  Json parsed = Json::parse(reply->body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return Error{std::string(method) + " " + path + " at the gateway " + http_.url().describe() +
                     " answered something that is not JSON",
                 ""};
  }
  return parsed;
}

Result<std::string> GatewayClient::start_kernel(const RemoteKernelRequest& request) const {
  Json body = {{"name", request.name}};
  Json env = Json::object();
  for (const auto& [key, value] : request.env)
    env[key] = value;
  if (request.cwd) {
    body["path"] = *request.cwd;
    env["KERNEL_WORKING_DIR"] = *request.cwd;
  }
  body["env"] = std::move(env);
  Result<Json> model = call("POST", "/api/kernels", body, {200, 201});
  if (!model) return model.error();
  const std::string id = model->is_object() ? model->value("id", "") : "";
  if (id.empty()) return Error{"the gateway started a kernel but did not say its id", ""};
  return id;
}

Result<Json> GatewayClient::kernel(const std::string& id) const {
  return call("GET", "/api/kernels/" + id, nullptr, {200});
}

Result<Json> GatewayClient::kernels() const {
  return call("GET", "/api/kernels", nullptr, {200});
}

Status GatewayClient::interrupt_kernel(const std::string& id) const {
  Result<Json> done = call("POST", "/api/kernels/" + id + "/interrupt", Json::object(), {200, 204});
  if (!done) return done.error();
  return Done{};
}

Status GatewayClient::restart_kernel(const std::string& id) const {
  Result<Json> done = call("POST", "/api/kernels/" + id + "/restart", Json::object(), {200, 204});
  if (!done) return done.error();
  return Done{};
}

Status GatewayClient::delete_kernel(const std::string& id) const {
  // A kernel the server is restarting (after its process died) cannot be deleted until it is
  // up again: jupyter_server answers 500 meanwhile. Tried again, a few times.
  constexpr int attempts = 6;
  std::chrono::milliseconds wait{250};
  const std::string path = "/api/kernels/" + id;
  for (int attempt = 1;; ++attempt) {
    Result<HttpReply> reply = http_.request("DELETE", path);
    if (!reply) return reply.error();
    if (reply->status == 200 || reply->status == 204 || reply->status == 404) return Done{};
    if (reply->status < 500 || attempt == attempts) {
      return http_error(http_, "DELETE", path, *reply);
    }
    std::this_thread::sleep_for(wait);
    wait *= 2;
  }
}

} // namespace docnb
