// A docstring module's examples shared out among the workers of a run.
//
// The examples of a module are isolated (each starts in a fresh namespace), so they need not
// run on one kernel: the module's own worker runs them one after another on its kernel, and a
// worker with nothing else to do takes some of them on a kernel of its own (forked, with the
// module's globals set up by each example's namespace cell like any other). Each unit's run is
// kept in its slot, so the module's run is put back together in example order whoever ran what.
#pragma once

#include "check/judge.hpp"
#include "engine/execute_units.hpp"
#include "support/stop_request.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace docnb {

// How one unit ran, on whichever kernel.
struct UnitRun {
  std::vector<CellRun> cells; // in the order they ran
  std::vector<Verdict> verdicts;
  std::vector<Json> executed; // the executed copy of each of `cells`, same order
  std::vector<std::string> warnings;
  bool kernel_lost = false;
  double seconds = 0; // wall time from its first cell sent to its last verdict
};

class SharedUnits {
public:
  // `units` in the notebook's order; `start_order` the order they are handed out in (indices
  // into `units`, each once); `estimates` each unit's expected seconds.
  SharedUnits(std::vector<ExecutionUnit> units, std::vector<std::size_t> start_order,
              std::vector<double> estimates);

  [[nodiscard]] const std::vector<ExecutionUnit>& units() const { return units_; }

  // The next unit to start, or nullopt when each one has been handed out.
  std::optional<std::size_t> claim();
  // Whether some unit is still to be handed out.
  [[nodiscard]] bool pending();
  // The expected seconds of the units not handed out yet.
  [[nodiscard]] double pending_seconds();
  // What a helper starting at `now` can expect to take over: at least the units' estimates and,
  // once a unit was handed out, the time since the last one was. Units wait only while every
  // kernel of the module is inside a unit, and a unit that has run that long is likely to run
  // about as long again, so a never-timed example that proves slow is helped with although its
  // neighbours' estimates are small.
  [[nodiscard]] double expected_seconds(std::chrono::steady_clock::time_point now);
  void done(std::size_t unit, UnitRun run);

  // A worker other than the module's own begins or ends helping: the module's run is not put
  // together until every helper has ended.
  void helper_joins();
  void helper_leaves();
  void wait_for_helpers();

  // Every unit's run, by unit (notebook order); a unit never handed out has none.
  std::vector<std::optional<UnitRun>> take_runs();
  // How long each unit took, by unit; none for one that did not run to its end (a cell not
  // run, timed out or on a kernel that died): its time says nothing of a full run.
  std::vector<std::optional<double>> seconds();

  // Serialises the callbacks every kernel of the module calls (the run's skip rules and
  // continue_after): they share the state of the module's run.
  std::mutex& callbacks() { return callbacks_; }

private:
  [[nodiscard]] double pending_seconds_locked() const; // with mutex_ held

  std::vector<ExecutionUnit> units_;
  std::vector<std::size_t> start_order_;
  std::vector<double> estimates_;
  std::size_t next_ = 0;
  std::optional<std::chrono::steady_clock::time_point> last_claim_;
  std::size_t helpers_ = 0;
  std::vector<std::optional<UnitRun>> runs_;
  std::vector<std::optional<double>> seconds_;
  std::mutex mutex_;
  std::condition_variable helpers_left_;
  std::mutex callbacks_;
};

// The modules of a run with units a worker can help with.
class UnitBoard {
public:
  // A worker helping with a module: runs units of `units` until none is left to claim.
  using Help = std::function<void(SharedUnits& units)>;

  // `min_seconds`: a worker helps only with a module whose units left are expected to take at
  // least this long (a kernel of its own costs a start and the module's import).
  explicit UnitBoard(double min_seconds) : min_seconds_(min_seconds) {}

  void post(SharedUnits& units, Help help);
  // Once withdrawn, no worker joins the module (those helping finish their units).
  void withdraw(SharedUnits& units);
  // A source was taken to run, or is done (run or dropped): while one is, a module of it may
  // still be posted.
  void source_taken();
  void source_done();
  // Helps with the posted module with the most work left once one is worth it; false, without
  // helping, when no source is running any more or `stop` is requested.
  bool help_when_worth_it(const StopRequest* stop);

private:
  SharedUnits* worth_helping();

  struct Posted {
    SharedUnits* units;
    Help help;
  };
  double min_seconds_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Posted> posted_;
  std::size_t running_ = 0;
};

} // namespace docnb
