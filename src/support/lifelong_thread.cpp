#include "support/lifelong_thread.hpp"

#include <condition_variable>
#include <csignal>
#include <deque>
#include <future>
#include <mutex>
#include <pthread.h>
#include <thread>

namespace docnb {
namespace {

class LifelongThread {
public:
  LifelongThread() {
    // Blocked before the thread starts, so that it never takes a signal meant for the
    // process (another thread waits for those, or they keep their default action).
    sigset_t all;
    sigset_t before;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &before);
    thread_ = std::thread([this] { serve(); });
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
  }
  LifelongThread(const LifelongThread&) = delete;
  LifelongThread& operator=(const LifelongThread&) = delete;
  ~LifelongThread() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }

  void run(const std::function<void()>& work) {
    std::packaged_task<void()> task(work);
    std::future<void> done = task.get_future();
    {
      const std::lock_guard lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
    done.get();
  }

private:
  void serve() {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return; // stopping, with nothing left to run
      std::packaged_task<void()> task = std::move(tasks_.front());
      tasks_.pop_front();
      lock.unlock();
      task();
      lock.lock();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::packaged_task<void()>> tasks_;
  bool stopping_ = false;
  std::thread thread_;
};

} // namespace

void run_on_lifelong_thread(const std::function<void()>& work) {
  // Constructed on first use; destroyed (joined) when the process exits normally.
  static LifelongThread thread;
  thread.run(work);
}

} // namespace docnb
