// SIGINT reaches docnb-kernel's Python code only while a cell runs.
//
// jupyter_client, and docnb itself, send SIGINT to a kernel that may be idle (before every
// restart, or when a timeout fires just as a cell finishes). A SIGINT that lands outside a
// cell must neither abort the kernel nor interrupt the next cell, so the signal stays blocked
// in every thread except during execution, and interrupts that arrived in between are dropped.
#pragma once

namespace docnb::kernel {

// Blocks SIGINT in the calling thread; threads started afterwards inherit the mask. Called
// first thing in main, before Python, ZeroMQ or xeus start any thread.
void block_interrupts();

// While alive, SIGINT is delivered to the calling thread (the one running cells), where
// Python's handler turns it into KeyboardInterrupt. Interrupts that arrived while blocked
// are dropped first; on destruction SIGINT is blocked again and a KeyboardInterrupt that
// Python noted but has not raised yet is discarded. The GIL must be held throughout.
class InterruptWindow {
public:
  InterruptWindow();
  ~InterruptWindow();
  InterruptWindow(const InterruptWindow&) = delete;
  InterruptWindow& operator=(const InterruptWindow&) = delete;
};

} // namespace docnb::kernel
