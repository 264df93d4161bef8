#include "docnb_interpreter.hpp"

#include "interrupt_window.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <pybind11_json/pybind11_json.hpp>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace py = pybind11;

namespace docnb::kernel {
namespace {

// An exception that escaped IPython's run_cell (a KeyboardInterrupt that landed in IPython's
// own code rather than in the cell's), described as the protocol describes errors.
PythonError describe(const py::error_already_set& error) {
  // An exception raised from C++ (a signal checked by PyErr_CheckSignals) may come without a
  // traceback, or even a value: a null handle cannot be passed to Python, None can.
  const auto or_none = [](const py::object& object) -> py::object {
    return object ? object : py::none();
  };
  PythonError described;
  described.ename = py::str(error.type().attr("__name__"));
  described.evalue = error.value() ? std::string(py::str(error.value())) : std::string();
  const py::module_ traceback = py::module_::import("traceback");
  for (const py::handle line : traceback.attr("format_exception")(
           error.type(), or_none(error.value()), or_none(error.trace()))) {
    described.traceback.push_back(py::str(line));
  }
  return described;
}

// xeus 2.4 publishes an execute_result without `transient` (publish_execution_result takes no
// display_id), and the publisher that could send one is private to xinterpreter. An explicit
// instantiation may name a private member ([temp.spec.general]/6); this one hands out the
// member pointer, so that an execute_result can carry a display_id as ipykernel's can.
using Publisher = xeus::xinterpreter::publisher_type;
Publisher xeus::xinterpreter::*publisher_member();
template <Publisher xeus::xinterpreter::*Member> struct PublisherAccess {
  friend Publisher xeus::xinterpreter::*publisher_member() { return Member; }
};
template struct PublisherAccess<&xeus::xinterpreter::m_publisher>;

} // namespace

DocnbInterpreter::DocnbInterpreter(py::module_ shell_module)
    : shell_module_(std::move(shell_module)) {}

nl::json DocnbInterpreter::execute_request_impl(int execution_counter, const std::string& code,
                                                bool silent, bool store_history,
                                                nl::json user_expressions, bool allow_stdin) {
  py::gil_scoped_acquire gil;
  m_ipython_shell.attr("allow_stdin") = allow_stdin;
  const InterruptWindow interruptible(shell_module_);
  try {
    nl::json reply = xpyt::interpreter::execute_request_impl(
        execution_counter, code, silent, store_history, std::move(user_expressions), allow_stdin);
    const py::object reported = m_ipython_shell.attr("reply_error");
    if (reply.value("status", "") == "ok" && !reported.is_none()) {
      // IPython showed this error on stderr only (a bad magic's UsageError): the reply says
      // error as ipykernel's does, without an error output ipykernel would not send either.
      const auto error = reported.cast<py::tuple>();
      return nl::json{{"status", "error"},
                      {"execution_count", execution_counter},
                      {"ename", error[0].cast<std::string>()},
                      {"evalue", error[1].cast<std::string>()},
                      {"traceback", nl::json::array()}};
    }
    return reply;
  } catch (const py::error_already_set& error) {
    // Without this the exception would unwind into xeus and the request would get no reply.
    return error_reply(describe(error), silent);
  } catch (const std::exception& error) {
    // pybind11 reports a KeyboardInterrupt raised while it converts a call's arguments as a
    // cast error, leaving the Python exception pending: report the Python one when there is.
    if (PyErr_Occurred() != nullptr) return error_reply(describe(py::error_already_set()), silent);
    return error_reply(PythonError{"RuntimeError", error.what(), {error.what()}}, silent);
  }
}

nl::json DocnbInterpreter::error_reply(const PythonError& error, bool silent) {
  if (!silent) publish_execution_error(error.ename, error.evalue, error.traceback);
  return nl::json{{"status", "error"},
                  {"ename", error.ename},
                  {"evalue", error.evalue},
                  {"traceback", error.traceback}};
}

namespace {

// Ends the process that exit() was called in, without the exit handlers registered before
// this one: flushes what was printed, gives the control thread and ZeroMQ's I/O thread time to
// send the shutdown_reply (no socket of xeus' is in reach to wait on; 50 ms is a wait, not CPU,
// and a kernel's end is waited for in the background), and leaves.
void end_without_destructors(int status, void* /*unused*/) {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  _exit(status);
}

} // namespace

// xeus ends a kernel that was asked to shut down with exit(0) from its shell thread, after
// this. exit() runs every library's static destructors (in the reverse order of their
// registration): with torch imported, tearing down its operator registry writes to pages a
// forked kernel shares with its server, about 100 ms of CPU per kernel, and nothing outside the
// process sees any of it (Python itself is not finalised by exit(), so its atexit functions
// never ran here). Registered now, after every library the kernel loaded, this handler runs
// first and ends the process, as a forked ipykernel ends with os._exit.
void DocnbInterpreter::shutdown_request_impl() {
  xpyt::interpreter::shutdown_request_impl();
  on_exit(end_without_destructors, nullptr);
}

nl::json DocnbInterpreter::kernel_info_request_impl() {
  nl::json info = xpyt::interpreter::kernel_info_request_impl();
  info["implementation"] = "docnb-kernel";
  info["implementation_version"] = DOCNB_VERSION;
  info["banner"] =
      "docnb-kernel " DOCNB_VERSION ": Python " PY_VERSION " on xeus-python " XPYT_VERSION;
  info["debugger"] = false;
  info["help_links"] = nl::json::array();
  return info;
}

void DocnbInterpreter::configure_impl() {
  // A fork server configures its interpreter before it forks; the forked kernel's xkernel
  // asks again, and the shell it would build is already there.
  if (configured_) return;
  configured_ = true;
  xpyt::interpreter::configure_impl();
  py::gil_scoped_acquire gil;
  shell_module_.attr("complete_kernel")(m_ipython_shell);
  m_ipython_shell.attr("displayhook").attr("publish_execution_result_with_transient") =
      py::cpp_function([this](const py::object& execution_count, const py::object& data,
                              const py::object& metadata, const py::object& transient) {
        publish_execution_result_with_transient(execution_count, data, metadata, transient);
      });
}

void DocnbInterpreter::publish_execution_result_with_transient(nl::json execution_count,
                                                               nl::json data, nl::json metadata,
                                                               nl::json transient) {
  const Publisher& publish = this->*publisher_member();
  if (!publish) return;
  publish("execute_result", nl::json::object(),
          nl::json{{"execution_count", std::move(execution_count)},
                   {"data", std::move(data)},
                   {"metadata", std::move(metadata)},
                   {"transient", std::move(transient)}},
          xeus::buffer_sequence());
}

void DocnbInterpreter::instanciate_ipython_shell() {
  m_ipython_shell_app = shell_module_.attr("DocnbShellApp")();
}

} // namespace docnb::kernel
