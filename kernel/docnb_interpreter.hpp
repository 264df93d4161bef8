// docnb-kernel's interpreter: xeus-python's IPython interpreter with the behaviour docnb
// needs from a kernel (interrupts only during cells, a reply for every request, the
// protocol's ename) and docnb's own shell classes.
#pragma once

#include <pybind11/pybind11.h>
#include <string>
#include <vector>
#include <xeus-python/xinterpreter.hpp>

namespace docnb::kernel {

// An exception as the protocol describes it in an error reply and an error output.
struct PythonError {
  std::string ename;
  std::string evalue;
  std::vector<std::string> traceback;
};

class DocnbInterpreter : public xpyt::interpreter {
public:
  // `shell_module` is docnb_kernel_shell, already imported.
  explicit DocnbInterpreter(pybind11::module_ shell_module);

private:
  nl::json execute_request_impl(int execution_counter, const std::string& code, bool silent,
                                bool store_history, nl::json user_expressions,
                                bool allow_stdin) override;
  nl::json kernel_info_request_impl() override;
  void shutdown_request_impl() override;
  void configure_impl() override;
  void instanciate_ipython_shell() override;
  nl::json error_reply(const PythonError& error, bool silent);
  // publish_execution_result with the `transient` (display_id) that xeus 2.4's leaves out;
  // the shell's displayhook calls it for code that publishes through kernel.session.
  void publish_execution_result_with_transient(nl::json execution_count, nl::json data,
                                               nl::json metadata, nl::json transient);

  pybind11::module_ shell_module_;
  bool configured_ = false;
};

} // namespace docnb::kernel
