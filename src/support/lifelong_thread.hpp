// Work that must run on a thread that lives as long as the process does.
//
// Linux sends a child its PR_SET_PDEATHSIG when the *thread* that forked it ends, not when the
// process does (prctl(2)). docnb starts processes from short-lived threads (a kernel started
// in the background, a worker that runs out of sources while others still run): forked there,
// a kernel told to die with its parent would die with that thread. Forked on this one thread,
// which ends only with the process, "dies with its parent" means "dies with docnb", SIGKILL
// included. This is the one process-wide piece of state it takes: the thread belongs to the
// process, whatever runs in it.
#pragma once

#include <functional>

namespace docnb {

// Runs `work` on the process's lifelong thread (started on first use, every signal blocked in
// it) and returns once it has run. Calls from several threads run one at a time.
void run_on_lifelong_thread(const std::function<void()>& work);

} // namespace docnb
