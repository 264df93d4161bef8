// The REST API of a Jupyter Server or Enterprise Gateway: its kernelspecs, and starting,
// interrupting, restarting and deleting kernels (jupyter_server's /api/kernelspecs and
// /api/kernels). One per run, shared by every worker; safe to use from several threads.
#pragma once

#include "client/gateway_http.hpp"
#include "client/kernelspec.hpp"
#include "protocol/message.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace docnb {

// What POST /api/kernels asks for.
struct RemoteKernelRequest {
  std::string name;                       // a kernelspec of the gateway
  std::optional<std::string> cwd;         // `path`, and KERNEL_WORKING_DIR for Enterprise Gateway
  std::map<std::string, std::string> env; // KERNEL_* variables for the gateway
};

class GatewayClient {
public:
  // Reaches the gateway and reads its kernelspecs: a wrong URL, token or certificate is an
  // error here, before any kernel is wanted.
  static Result<GatewayClient> connect(const GatewaySettings& settings);

  [[nodiscard]] const std::vector<KernelSpec>& kernelspecs() const { return kernelspecs_; }
  [[nodiscard]] const std::string& default_kernel() const { return default_kernel_; }
  // The spec named `name`; an error listing the gateway's names when there is none.
  [[nodiscard]] Result<KernelSpec> kernelspec(const std::string& name) const;

  // Starts a kernel; its id.
  [[nodiscard]] Result<std::string> start_kernel(const RemoteKernelRequest& request) const;
  // The kernel's model ({id, name, execution_state, …}); an error once it is gone.
  [[nodiscard]] Result<Json> kernel(const std::string& id) const;
  // Every kernel the server runs (GET /api/kernels).
  [[nodiscard]] Result<Json> kernels() const;
  Status interrupt_kernel(const std::string& id) const;
  Status restart_kernel(const std::string& id) const;
  // Shuts the kernel down; a kernel already gone counts as deleted.
  Status delete_kernel(const std::string& id) const;

  [[nodiscard]] const GatewayHttp& http() const { return http_; }
  [[nodiscard]] const GatewaySettings& settings() const { return http_.settings(); }

private:
  explicit GatewayClient(GatewayHttp http) : http_(std::move(http)) {}
  Result<Json> call(std::string_view method, const std::string& path, const Json& body,
                    std::initializer_list<unsigned> expected) const;

  GatewayHttp http_;
  std::vector<KernelSpec> kernelspecs_;
  std::string default_kernel_;
};

// The kernelspec a server describes in GET /api/kernelspecs ({name, spec: {argv, env, …}}).
Result<KernelSpec> kernelspec_from_model(const Json& model);

// The folder on the gateway's side for a kernel that runs in `local` here, when docnb's
// current directory `local_root` is `remote_root` there: `remote_root` joined with `local`
// relative to `local_root` ('/'-separated), or `remote_root` itself for a folder outside it.
std::string remote_folder(const std::string& remote_root, const std::filesystem::path& local,
                          const std::filesystem::path& local_root);

} // namespace docnb
