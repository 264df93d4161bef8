// docnb-kernel: a Jupyter kernel for Python on xeus and xeus-python, started from a
// connection file like any kernel:  docnb-kernel -f CONNECTION_FILE [--python-path DIR]
#include "docnb_interpreter.hpp"
#include "history.hpp"
#include "interrupt_window.hpp"
#include "python_setup.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <xeus/xkernel.hpp>
#include <xeus/xkernel_configuration.hpp>
#include <xeus/xserver_shell_main.hpp>
#include <zmq.hpp>

namespace {

struct Arguments {
  std::string connection_file;
  std::string python_path; // a virtual environment; default: $VIRTUAL_ENV
};

docnb::Result<xeus::xconfiguration> read_connection_file(const std::string& path) {
  try {
    return xeus::load_configuration(path);
  } catch (const std::exception& error) {
    return docnb::Error{std::string("cannot read the connection file: ") + error.what(), path};
  }
}

int fail(const docnb::Error& error) {
  std::cerr << "docnb-kernel: error: " << error.describe() << "\n";
  return 1;
}

} // namespace

int main(int argc, char** argv) {
  // First, so that every thread Python, ZeroMQ and xeus start inherits the blocked mask.
  docnb::kernel::block_interrupts();

  Arguments args;
  CLI::App app{"docnb-kernel: a Jupyter kernel for Python (xeus-python, IPython)"};
  app.set_version_flag("--version", "docnb-kernel " DOCNB_VERSION);
  app.add_option("-f,--connection-file", args.connection_file, "Jupyter connection file")
      ->required();
  app.add_option("--python-path", args.python_path,
                 "Virtual environment whose site-packages come before the system's "
                 "(default: $VIRTUAL_ENV)");
  CLI11_PARSE(app, argc, argv);

  const docnb::Result<xeus::xconfiguration> config = read_connection_file(args.connection_file);
  if (!config) return fail(config.error());

  auto python = docnb::kernel::start_python(DOCNB_PYTHON);
  if (const docnb::Status prepared = docnb::kernel::prepare_fast_start(); !prepared) {
    return fail(prepared.error());
  }
  if (const docnb::Status found = docnb::kernel::check_required_packages(); !found) {
    return fail(found.error());
  }
  docnb::Result<pybind11::module_> shell = docnb::kernel::load_shell_module();
  if (!shell) return fail(shell.error());

  const char* virtual_env = std::getenv("VIRTUAL_ENV");
  const bool explicit_path = !args.python_path.empty();
  if (!explicit_path && virtual_env != nullptr && *virtual_env != '\0') {
    args.python_path = virtual_env;
  }
  if (!args.python_path.empty()) {
    const auto added = docnb::kernel::put_environment_first(args.python_path);
    // --python-path is a request; an unusable $VIRTUAL_ENV (another Python's, say) is not
    // worth refusing to start over.
    if (!added && explicit_path) return fail(added.error());
    if (!added) std::cerr << "docnb-kernel: warning: " << added.error().describe() << "\n";
  }

  auto interpreter = std::make_unique<docnb::kernel::DocnbInterpreter>(std::move(shell).value());
  xeus::xkernel kernel(*config, xeus::get_user_name(), xeus::make_context<zmq::context_t>(),
                       std::move(interpreter), xeus::make_xserver_shell_main,
                       std::make_unique<docnb::kernel::History>());
  kernel.start();
  return 0;
}
