// docnb-kernel: a Jupyter kernel for Python on xeus and xeus-python, started from a
// connection file like any kernel:  docnb-kernel -f CONNECTION_FILE [--python-path DIR]
// or, for docnb, as a fork server of such kernels:  docnb-kernel --fork-server SOCKET
// [--preload CODE] [--preload-modules MODULE,...] (kernel/fork_server.hpp).
#include "docnb_interpreter.hpp"
#include "fork_server.hpp"
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
  std::string python_path;     // a virtual environment; default: $VIRTUAL_ENV
  std::string fork_server;     // serve forks on this socket instead of running one kernel
  std::string preload;         // code the fork server runs once, before it forks any kernel
  std::string preload_modules; // modules it imports once, before it forks any kernel
};

// The options of a kernel: from the command line, or from a fork request's argv.
std::unique_ptr<CLI::App> kernel_options(Arguments& args) {
  auto app = std::make_unique<CLI::App>(
      "docnb-kernel: a Jupyter kernel for Python (xeus-python, IPython)");
  app->set_version_flag("--version", "docnb-kernel " DOCNB_VERSION);
  app->add_option("-f,--connection-file", args.connection_file, "Jupyter connection file");
  app->add_option("--python-path", args.python_path,
                  "Virtual environment whose site-packages come before the system's "
                  "(default: $VIRTUAL_ENV)");
  app->add_option("--fork-server", args.fork_server,
                  "Unix socket to serve kernel forks on (docnb's fast start)");
  app->add_option("--preload", args.preload,
                  "With --fork-server: Python code run once before any fork (imports)");
  app->add_option("--preload-modules", args.preload_modules,
                  "With --fork-server: modules imported once before any fork, comma-separated");
  return app;
}

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

// One kernel, on the connection file of `args`, with an interpreter built (and possibly
// already configured, in a fork server) before.
int run_kernel(Arguments args, std::unique_ptr<docnb::kernel::DocnbInterpreter> interpreter) {
  if (args.connection_file.empty()) return fail({"no connection file (-f)", ""});
  const docnb::Result<xeus::xconfiguration> config = read_connection_file(args.connection_file);
  if (!config) return fail(config.error());
  const char* virtual_env = std::getenv("VIRTUAL_ENV");
  const bool explicit_path = !args.python_path.empty();
  if (!explicit_path && virtual_env != nullptr && *virtual_env != '\0') {
    args.python_path = virtual_env;
  }
  if (!args.python_path.empty()) {
    const pybind11::gil_scoped_acquire gil;
    const auto added = docnb::kernel::put_environment_first(args.python_path);
    // --python-path is a request; an unusable $VIRTUAL_ENV (another Python's, say) is not
    // worth refusing to start over.
    if (!added && explicit_path) return fail(added.error());
    if (!added) std::cerr << "docnb-kernel: warning: " << added.error().describe() << "\n";
  }
  xeus::xkernel kernel(*config, xeus::get_user_name(), xeus::make_context<zmq::context_t>(),
                       std::move(interpreter), xeus::make_xserver_shell_main,
                       std::make_unique<docnb::kernel::History>());
  kernel.start();
  return 0;
}

// Runs the preload code in a namespace of its own (not the shell's: a kernel's namespace
// starts empty): only its imports stay, in sys.modules, for every kernel forked afterwards.
docnb::Status run_preload(const std::string& code) {
  if (code.empty()) return docnb::Done{};
  try {
    const pybind11::gil_scoped_acquire gil;
    pybind11::dict scratch;
    scratch["__builtins__"] = pybind11::module_::import("builtins");
    pybind11::exec(code, scratch);
    return docnb::Done{};
  } catch (const pybind11::error_already_set& error) {
    return docnb::Error{std::string("the preload code failed: ") + error.what(), "--preload"};
  }
}

// Imports each module into sys.modules. One that fails is a warning in the server's log, which
// docnb shows its user (client/fork_server.cpp): the kernels import it themselves, as always.
void preload_modules(const std::string& modules) {
  const pybind11::gil_scoped_acquire gil;
  std::size_t start = 0;
  while (start < modules.size()) {
    const std::size_t end = std::min(modules.find(',', start), modules.size());
    const std::string name = modules.substr(start, end - start);
    start = end + 1;
    if (name.empty()) continue;
    try {
      pybind11::module_::import(name.c_str());
    } catch (const pybind11::error_already_set& error) {
      const std::string what = error.what(); // its first line: the exception, without "At:"
      std::cerr << "warning: cannot preload " << name << ": " << what.substr(0, what.find('\n'))
                << std::endl;
    }
  }
}

} // namespace

int main(int argc, char** argv) {
  // First, so that every thread Python, ZeroMQ and xeus start inherits the blocked mask.
  docnb::kernel::block_interrupts();

  Arguments args;
  const std::unique_ptr<CLI::App> app = kernel_options(args);
  CLI11_PARSE(*app, argc, argv);
  if (args.connection_file.empty() == args.fork_server.empty()) {
    return fail({"give a connection file (-f) or a socket to serve forks on (--fork-server)", ""});
  }

  auto python = docnb::kernel::start_python(DOCNB_PYTHON);
  if (const docnb::Status prepared = docnb::kernel::prepare_fast_start(); !prepared) {
    return fail(prepared.error());
  }
  if (const docnb::Status found = docnb::kernel::check_required_packages(); !found) {
    return fail(found.error());
  }
  docnb::Result<pybind11::module_> shell = docnb::kernel::load_shell_module();
  if (!shell) return fail(shell.error());
  auto interpreter = std::make_unique<docnb::kernel::DocnbInterpreter>(std::move(shell).value());
  if (args.fork_server.empty()) return run_kernel(args, std::move(interpreter));

  // The fork server does everything a kernel does before it needs its connection: IPython's
  // shell is built once here, and each fork starts from it.
  interpreter->configure();
  preload_modules(args.preload_modules);
  if (const docnb::Status preloaded = run_preload(args.preload); !preloaded) {
    return fail(preloaded.error());
  }
  return docnb::kernel::serve_forks(
      args.fork_server, [&interpreter](const std::vector<std::string>& kernel_argv) {
        Arguments kernel;
        const std::unique_ptr<CLI::App> options = kernel_options(kernel);
        std::vector<std::string> reversed(kernel_argv.rbegin(), kernel_argv.rend() - 1);
        try {
          options->parse(reversed);
        } catch (const CLI::ParseError& error) {
          return fail({std::string("bad kernel arguments: ") + error.what(), ""});
        }
        return run_kernel(kernel, std::move(interpreter));
      });
}
