// SIGINT reaches docnb-kernel's Python code only while a cell runs.
//
// jupyter_client, and docnb itself, send SIGINT to a kernel that may be idle (before every
// restart, or when a timeout fires just as a cell finishes). A SIGINT that lands outside a
// cell must neither abort the kernel nor interrupt the next cell or another request. Two
// layers keep it so: the signal stays blocked in the kernel's own threads except while an
// execute_request is handled, and Python's SIGINT handler (docnb_kernel_shell's interrupt
// gate) raises KeyboardInterrupt only while the cell's code runs, keeps one that arrives
// while the request starts, and drops any other, whichever thread the signal lands on
// (a thread a cell started inherits an unblocked mask).
//
// The signals a cell's code may handle (SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2, SIGWINCH,
// SIGVTALRM, SIGPROF, SIGIO) keep to the same window, without being dropped: one that comes
// between cells waits for the next. A handled signal interrupts the system call of the thread
// it lands on, and in xeus' threads (and the shell's, between requests) that is a ZeroMQ call
// whose EINTR cppzmq throws where nothing catches it: the kernel aborted when a torch
// DataLoader's worker processes ended (torch handles SIGCHLD).
#pragma once

#include <pybind11/pybind11.h>

namespace docnb::kernel {

// Blocks SIGINT and the signals a cell may handle in the calling thread; threads started
// afterwards inherit the mask. Called first thing in main, before Python, ZeroMQ or xeus
// start any thread.
void block_interrupts();

// While alive, SIGINT and the signals a cell may handle are delivered to the calling thread
// (the one running cells) and the gate is armed; on destruction they are blocked again, the
// gate closed, and a KeyboardInterrupt that Python noted but has not raised yet is discarded.
// The GIL must be held throughout.
class InterruptWindow {
public:
  explicit InterruptWindow(const pybind11::module_& shell_module);
  ~InterruptWindow();
  InterruptWindow(const InterruptWindow&) = delete;
  InterruptWindow& operator=(const InterruptWindow&) = delete;

private:
  const pybind11::module_& shell_module_;
};

} // namespace docnb::kernel
