// Live progress of a run. On a terminal: the finished sources scroll by and one status line
// under them is redrawn in place (done/total, failures so far, what runs now, ETA). Anywhere
// else (CI logs, pipes): only whole lines, one per finished source, never a carriage return.
#pragma once

#include "report/console.hpp"

#include <chrono>
#include <filesystem>
#include <ostream>
#include <set>
#include <string>

namespace docnb {

class Progress {
public:
  // `width`: the terminal's columns (the status line is cut to fit); unused without a TTY.
  Progress(std::ostream& out, ConsoleStyle style, bool tty, std::size_t total,
           std::size_t width = 80);

  void started(const std::filesystem::path& source);
  void finished(const SourceResult& result);
  // Clears the status line, so what follows starts on a clean line.
  void close();

  // The status line's text, e.g. "[3/40] 1 failed | running: a.ipynb, b.ipynb | ETA 12 s".
  [[nodiscard]] std::string status() const;

private:
  void redraw();
  void clear_line();

  std::ostream& out_;
  ConsoleStyle style_;
  bool tty_;
  std::size_t total_;
  std::size_t width_;
  std::size_t done_ = 0;
  std::size_t failed_ = 0;
  std::multiset<std::string> running_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  bool drawn_ = false;
};

} // namespace docnb
