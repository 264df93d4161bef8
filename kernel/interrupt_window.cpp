#include "interrupt_window.hpp"

#include <csignal>
#include <ctime>
#include <pthread.h>

namespace docnb::kernel {
namespace {

sigset_t interrupt_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  return set;
}

// SIGINT and the signals a cell's code may handle: blocked outside the window.
sigset_t window_set() {
  sigset_t set = interrupt_set();
  for (const int signal : {SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2, SIGWINCH, SIGVTALRM, SIGPROF, SIGIO})
    sigaddset(&set, signal);
  return set;
}

// Consumes SIGINTs pending on the thread or the process without running a handler.
void drop_pending_interrupts() {
  const sigset_t set = interrupt_set();
  const timespec no_wait{0, 0};
  while (sigtimedwait(&set, nullptr, &no_wait) == SIGINT) {
  }
}

} // namespace

void block_interrupts() {
  const sigset_t set = window_set();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

InterruptWindow::InterruptWindow(const pybind11::module_& shell_module)
    : shell_module_(shell_module) {
  drop_pending_interrupts();
  // Python may also have noted a signal without raising it yet (one that came while the
  // previous window closed): that one belongs to the past too.
  if (PyErr_CheckSignals() != 0) PyErr_Clear();
  shell_module_.attr("arm_interrupts")();
  const sigset_t set = window_set();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

InterruptWindow::~InterruptWindow() {
  block_interrupts();
  // A destructor must not throw: a failure here leaves the gate as it was, which is armed.
  try {
    shell_module_.attr("close_interrupts")();
  } catch (const pybind11::error_already_set&) {
  }
  if (PyErr_CheckSignals() != 0) PyErr_Clear();
}

} // namespace docnb::kernel
