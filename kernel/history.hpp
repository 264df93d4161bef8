// The kernel's input history, answering history_request as the protocol has it: entries
// [session, line, input] or, with output, [session, line, [input, output]], with integer
// session and line numbers (xeus' in-memory history sends them as strings, numbers every
// line 1, and flattens the output into a fourth element, which clients reject).
#pragma once

#include <string>
#include <vector>
#include <xeus/xhistory_manager.hpp>

namespace docnb::kernel {

class History : public xeus::xhistory_manager {
private:
  struct Entry {
    int session;
    int line;
    std::string input;
    std::string output;
  };

  void configure_impl() override {}
  void store_inputs_impl(int session, int line, const std::string& input,
                         const std::string& output) override;
  nl::json get_tail_impl(int n, bool raw, bool output) const override;
  nl::json get_range_impl(int session, int start, int stop, bool raw, bool output) const override;
  nl::json search_impl(const std::string& pattern, bool raw, bool output, int n,
                       bool unique) const override;

  static nl::json reply(const std::vector<const Entry*>& entries, bool output);

  std::vector<Entry> entries_;
};

} // namespace docnb::kernel
