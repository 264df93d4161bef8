#include "report/progress.hpp"

#include <cmath>

namespace docnb {

Progress::Progress(std::ostream& out, ConsoleStyle style, bool tty, std::size_t total,
                   std::size_t width)
    : out_(out), style_(style), tty_(tty), total_(total), width_(std::max<std::size_t>(width, 20)) {
}

void Progress::started(const std::filesystem::path& source) {
  running_.insert(source.string());
  if (tty_) redraw();
}

void Progress::finished(const SourceResult& result) {
  if (const auto found = running_.find(result.source.string()); found != running_.end()) {
    running_.erase(found);
  }
  ++done_;
  failed_ += result.failed() ? 1 : 0;
  if (tty_) clear_line();
  print_source(out_, result, style_);
  if (tty_ && done_ < total_) redraw();
  out_.flush();
}

void Progress::close() {
  if (tty_) clear_line();
  out_.flush();
}

std::string Progress::status() const {
  std::string line = "[" + std::to_string(done_) + "/" + std::to_string(total_) + "]";
  if (failed_ > 0) line += " " + std::to_string(failed_) + " failed";
  if (!running_.empty()) {
    line += " | running:";
    const char* separator = " ";
    for (const std::string& name : running_) {
      line += separator + name;
      separator = ", ";
    }
  }
  // Remaining sources at the pace so far; it already reflects the parallelism of the run.
  if (done_ > 0 && done_ < total_) {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const double left = elapsed / static_cast<double>(done_) * static_cast<double>(total_ - done_);
    line += " | ETA " + std::to_string(static_cast<long long>(std::ceil(left))) + " s";
  }
  return line;
}

void Progress::redraw() {
  std::string line = status();
  if (line.size() >= width_) line = line.substr(0, width_ - 4) + "...";
  out_ << "\r\033[K" << line;
  out_.flush();
  drawn_ = true;
}

void Progress::clear_line() {
  if (drawn_) out_ << "\r\033[K";
  drawn_ = false;
}

} // namespace docnb
