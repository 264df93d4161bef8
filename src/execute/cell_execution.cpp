#include "execute/cell_execution.hpp"

#include <sstream>

namespace docnb {
namespace {

using std::chrono::milliseconds;

// nbclient's timestamps: the kernel's own header date, as %Y-%m-%dT%H:%M:%S.%fZ.
std::string timestamp_of(const Message& message) {
  std::string date = message.header.value("date", "");
  if (date.size() > 6 && date.ends_with("+00:00")) date = date.substr(0, date.size() - 6) + "Z";
  if (date.size() == 27 && date.back() == 'Z') return date;
  return iso8601_now();
}

Json docnb_error(std::string ename, std::string evalue) {
  return {{"output_type", "error"},
          {"ename", std::move(ename)},
          {"evalue", evalue},
          {"traceback", Json::array({"docnb: " + evalue})}};
}

std::string seconds_text(milliseconds duration) {
  std::ostringstream text;
  text << static_cast<double>(duration.count()) / 1000.0;
  return text.str();
}

// Everything that happens between sending one execute_request and its end.
class CellExecution {
public:
  CellExecution(KernelConnection& kernel, const ExecuteOptions& options, OutputAssembler& assembler,
                Json& cell, std::size_t index)
      : kernel_(kernel), options_(options), assembler_(assembler), cell_(cell),
        limit_(options.cell_timeout) {
    if (options.cell_timeout_for) {
      if (auto own = options.cell_timeout_for(index)) limit_ = own;
    }
  }

  CellRun run(std::size_t index, const std::optional<std::string>& code) {
    CellRun result;
    result.index = index;
    const auto started = Clock::now();
    Json content = {{"code", code ? Json(*code) : cell_["source"]},
                    {"silent", false},
                    {"store_history", true},
                    {"user_expressions", Json::object()},
                    {"allow_stdin", options_.stdin_text.has_value()},
                    {"stop_on_error", false}};
    request_id_ = kernel_.send_request(Channel::shell, "execute_request", std::move(content));
    deadline_ = limit_ ? started + *limit_ : Clock::time_point::max();
    collect(result);
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return result;
  }

  [[nodiscard]] bool kernel_lost() const { return kernel_lost_; }

private:
  void collect(CellRun& result) {
    while (!(replied_ && idle_)) {
      // Once one half has arrived the other is due soon: a reply can be lost after an
      // interrupt, and a kernel may never publish idle for it.
      const Clock::time_point wait_until =
          (replied_ || idle_) ? std::min(deadline_, half_deadline_) : deadline_;
      KernelEvent event = kernel_.next_event(wait_until, stop_fd());
      if (event.kind == KernelEvent::Kind::died) return on_death(result, event);
      if (event.kind == KernelEvent::Kind::woken) {
        if (!on_stop(result)) return;
        continue;
      }
      if (event.kind == KernelEvent::Kind::timeout) {
        if ((replied_ || idle_) && Clock::now() >= half_deadline_) return; // the half was lost
        if (!on_timeout(result)) return;
        continue;
      }
      if (event.message.parent_msg_id() != request_id_) continue;
      if (event.channel == Channel::iopub)
        on_iopub(std::move(event.message), result);
      else if (event.channel == Channel::shell)
        on_reply(event.message, result);
      else if (event.channel == Channel::stdin_)
        on_input_request(event.message);
      if ((replied_ || idle_) && half_deadline_ == Clock::time_point::max()) {
        half_deadline_ = Clock::now() + options_.interrupt_grace;
      }
    }
  }

  void on_iopub(Message message, CellRun& result) {
    const std::string type = message.msg_type();
    const std::string stamp = timestamp_of(message);
    if (type == "status") {
      const std::string state = message.content.value("execution_state", "");
      if (state == "busy") record("iopub.status.busy", stamp);
      if (state == "idle") {
        record("iopub.status.idle", stamp);
        idle_ = true;
      }
      return;
    }
    if (type == "execute_input") {
      record("iopub.execute_input", stamp);
      if (message.content.contains("execution_count")) {
        cell_["execution_count"] = message.content["execution_count"];
      }
      return;
    }
    if (type == "error" && result.status == CellStatus::ok) {
      result.status = CellStatus::error;
      result.reason =
          message.content.value("ename", "") + ": " + message.content.value("evalue", "");
    }
    assembler_.handle(std::move(message));
  }

  void on_reply(const Message& message, CellRun& result) {
    if (message.msg_type() != "execute_reply") return;
    replied_ = true;
    record("shell.execute_reply", timestamp_of(message));
    const Json& content = message.content;
    if (content.contains("execution_count") && !content["execution_count"].is_null()) {
      cell_["execution_count"] = content["execution_count"];
    }
    const std::string status = content.value("status", "ok");
    result.reply_error = status == "error";
    if (result.status != CellStatus::ok) return; // timed out: keep that reason
    if (status == "error") {
      result.status = CellStatus::error;
      result.reason = content.value("ename", "") + ": " + content.value("evalue", "");
    } else if (status == "aborted") {
      result.status = CellStatus::aborted;
      result.reason = "the kernel aborted the request";
    }
  }

  void on_input_request(const Message& message) {
    if (message.msg_type() != "input_request") return;
    std::string value;
    if (options_.stdin_text) {
      // Each input() gets the next line of the --stdin text; then empty answers.
      std::string& rest = stdin_rest();
      const std::size_t newline = rest.find('\n');
      value = rest.substr(0, newline);
      rest = newline == std::string::npos ? std::string() : rest.substr(newline + 1);
    }
    kernel_.send_reply(Channel::stdin_, "input_reply", {{"value", value}}, message.header);
  }

  // Returns false when the cell is over (the kernel was killed).
  bool on_timeout(CellRun& result) {
    if (stop_interrupted_) {
      kernel_.kill();
      kernel_lost_ = true;
      result.reason = options_.stop->describe() +
                      " while it ran; the kernel ignored the interrupt and was killed";
      return false;
    }
    const milliseconds limit = *limit_;
    if (!interrupted_) {
      interrupted_ = true;
      result.status = CellStatus::timed_out;
      result.reason = "timed out after " + seconds_text(limit) + " s (interrupted)";
      kernel_.interrupt();
      deadline_ = Clock::now() + options_.interrupt_grace;
      return true;
    }
    kernel_.kill();
    kernel_lost_ = true;
    result.reason = "timed out after " + seconds_text(limit) +
                    " s; the kernel ignored the interrupt and was killed";
    assembler_.append(docnb_error("CellTimeoutError", "Cell execution timed out after " +
                                                          seconds_text(limit) + " seconds"));
    return false;
  }

  // What wakes the wait for the stop level not yet acted on; -1 when there is none.
  [[nodiscard]] int stop_fd() const {
    if (options_.stop == nullptr || stop_seen_ == StopLevel::abort) return -1;
    return options_.stop->wake_fd(stop_seen_ == StopLevel::none ? StopLevel::finish_running
                                                                : StopLevel::abort);
  }

  // The run is being stopped; returns false when the cell is over (its kernel killed).
  bool on_stop(CellRun& result) {
    stop_seen_ = options_.stop->level();
    const std::string stopped = options_.stop->describe();
    if (stop_seen_ == StopLevel::abort) {
      kernel_.kill();
      kernel_lost_ = true;
      result.status = CellStatus::aborted;
      result.reason = stopped + " while it ran; its kernel was killed";
      return false;
    }
    // As a timeout does: interrupt, then kill after the grace. Its outputs are kept.
    if (!interrupted_) {
      interrupted_ = true;
      stop_interrupted_ = true;
      if (result.status == CellStatus::ok) result.status = CellStatus::aborted;
      result.reason = stopped + " while it ran (interrupted)";
      kernel_.interrupt();
      deadline_ = std::min(deadline_, Clock::now() + options_.interrupt_grace);
    }
    return true;
  }

  void on_death(CellRun& result, const KernelEvent& event) {
    kernel_lost_ = true;
    result.status = CellStatus::kernel_died;
    result.reason = event.why.empty() ? "kernel died (" + event.exit.describe() + ")" : event.why;
    assembler_.append(docnb_error("DeadKernelError", result.reason));
  }

  void record(const char* key, const std::string& stamp) {
    if (options_.record_timing) cell_["metadata"]["execution"][key] = stamp;
  }

  std::string& stdin_rest() {
    if (!stdin_loaded_) {
      stdin_rest_ = *options_.stdin_text;
      stdin_loaded_ = true;
    }
    return stdin_rest_;
  }

  KernelConnection& kernel_;
  const ExecuteOptions& options_;
  OutputAssembler& assembler_;
  Json& cell_;
  std::optional<milliseconds> limit_;
  std::string request_id_;
  Clock::time_point deadline_;
  Clock::time_point half_deadline_ = Clock::time_point::max();
  bool replied_ = false;
  bool idle_ = false;
  bool interrupted_ = false;
  bool stop_interrupted_ = false;         // interrupted because the run is being stopped
  StopLevel stop_seen_ = StopLevel::none; // the stop level already acted on
  bool kernel_lost_ = false;
  bool stdin_loaded_ = false;
  std::string stdin_rest_;
};

} // namespace

CellRun execute_cell(KernelConnection& kernel, const ExecuteOptions& options,
                     OutputAssembler& assembler, Json& cell, std::size_t index, bool& kernel_lost,
                     const std::optional<std::string>& code) {
  CellExecution execution(kernel, options, assembler, cell, index);
  CellRun run = execution.run(index, code);
  kernel_lost = execution.kernel_lost();
  return run;
}

Result<std::string> evaluate_in_kernel(KernelConnection& kernel, const std::string& expression,
                                       milliseconds limit) {
  Json content = {{"code", ""},
                  {"silent", true},
                  {"store_history", false},
                  {"user_expressions", {{"value", expression}}},
                  {"allow_stdin", false},
                  {"stop_on_error", false}};
  const std::string request = kernel.send_request(Channel::shell, "execute_request", content);
  const Clock::time_point deadline = Clock::now() + limit;
  for (;;) {
    KernelEvent event = kernel.next_event(deadline);
    if (event.kind == KernelEvent::Kind::died) return Error{"the kernel died", expression};
    if (event.kind == KernelEvent::Kind::timeout) return Error{"no reply in time", expression};
    if (event.channel != Channel::shell || event.message.parent_msg_id() != request) continue;
    const Json result = event.message.content.value("user_expressions", Json::object())
                            .value("value", Json::object());
    if (result.value("status", "") == "ok") {
      return result.value("data", Json::object()).value("text/plain", "");
    }
    return Error{result.value("ename", "no value") + ": " + result.value("evalue", ""), expression};
  }
}

} // namespace docnb
