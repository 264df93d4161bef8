#include "engine/shared_units.hpp"

#include <algorithm>

namespace docnb {

SharedUnits::SharedUnits(std::vector<ExecutionUnit> units, std::vector<std::size_t> start_order,
                         std::vector<double> estimates)
    : units_(std::move(units)), start_order_(std::move(start_order)),
      estimates_(std::move(estimates)), runs_(units_.size()), seconds_(units_.size()) {}

std::optional<std::size_t> SharedUnits::claim() {
  const std::lock_guard lock(mutex_);
  if (next_ >= start_order_.size()) return std::nullopt;
  last_claim_ = std::chrono::steady_clock::now();
  return start_order_[next_++];
}

bool SharedUnits::pending() {
  const std::lock_guard lock(mutex_);
  return next_ < start_order_.size();
}

double SharedUnits::pending_seconds() {
  const std::lock_guard lock(mutex_);
  return pending_seconds_locked();
}

double SharedUnits::pending_seconds_locked() const {
  double seconds = 0;
  for (std::size_t k = next_; k < start_order_.size(); ++k)
    seconds += estimates_.at(start_order_[k]);
  return seconds;
}

double SharedUnits::expected_seconds(std::chrono::steady_clock::time_point now) {
  const std::lock_guard lock(mutex_);
  const double estimated = pending_seconds_locked();
  if (!last_claim_ || next_ >= start_order_.size()) return estimated;
  return std::max(estimated, std::chrono::duration<double>(now - *last_claim_).count());
}

void SharedUnits::done(std::size_t unit, UnitRun run) {
  const bool to_the_end = !run.cells.empty() &&
                          std::all_of(run.cells.begin(), run.cells.end(), [](const CellRun& cell) {
                            return cell.status != CellStatus::not_run &&
                                   cell.status != CellStatus::timed_out &&
                                   cell.status != CellStatus::kernel_died;
                          });
  const std::lock_guard lock(mutex_);
  if (to_the_end) seconds_.at(unit) = run.seconds;
  runs_.at(unit) = std::move(run);
}

void SharedUnits::helper_joins() {
  const std::lock_guard lock(mutex_);
  ++helpers_;
}

void SharedUnits::helper_leaves() {
  {
    const std::lock_guard lock(mutex_);
    --helpers_;
  }
  helpers_left_.notify_all();
}

void SharedUnits::wait_for_helpers() {
  std::unique_lock lock(mutex_);
  helpers_left_.wait(lock, [this] { return helpers_ == 0; });
}

std::vector<std::optional<UnitRun>> SharedUnits::take_runs() {
  const std::lock_guard lock(mutex_);
  return std::move(runs_);
}

std::vector<std::optional<double>> SharedUnits::seconds() {
  const std::lock_guard lock(mutex_);
  return seconds_;
}

void UnitBoard::post(SharedUnits& units, Help help) {
  {
    const std::lock_guard lock(mutex_);
    posted_.push_back(Posted{&units, std::move(help)});
  }
  changed_.notify_all();
}

void UnitBoard::withdraw(SharedUnits& units) {
  {
    const std::lock_guard lock(mutex_);
    std::erase_if(posted_, [&](const Posted& posted) { return posted.units == &units; });
  }
  changed_.notify_all();
}

void UnitBoard::source_taken() {
  const std::lock_guard lock(mutex_);
  ++running_;
}

void UnitBoard::source_done() {
  {
    const std::lock_guard lock(mutex_);
    --running_;
  }
  changed_.notify_all();
}

SharedUnits* UnitBoard::worth_helping() {
  SharedUnits* chosen = nullptr;
  double most = 0;
  const auto now = std::chrono::steady_clock::now();
  for (const Posted& posted : posted_) {
    const double seconds = posted.units->expected_seconds(now);
    if (seconds >= min_seconds_ && seconds >= most && posted.units->pending()) {
      most = seconds;
      chosen = posted.units;
    }
  }
  return chosen;
}

bool UnitBoard::help_when_worth_it(const StopRequest* stop) {
  SharedUnits* chosen = nullptr;
  Help help;
  {
    std::unique_lock lock(mutex_);
    for (;;) {
      if (stop != nullptr && stop->requested()) return false;
      chosen = worth_helping();
      if (chosen != nullptr || running_ == 0) break;
      // A posted module's units are claimed without a word to the board: look again now and
      // then, as well as whenever a module is posted or withdrawn or a source ends.
      changed_.wait_for(lock, std::chrono::milliseconds(100));
    }
    if (chosen == nullptr) return false;
    for (const Posted& posted : posted_)
      if (posted.units == chosen) help = posted.help;
    // Joined under the board's lock: its owner cannot withdraw it and stop waiting meanwhile.
    chosen->helper_joins();
  }
  struct Leave {
    SharedUnits& units;
    ~Leave() { units.helper_leaves(); }
  } leave{*chosen};
  help(*chosen);
  return true;
}

} // namespace docnb
