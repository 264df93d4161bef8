#include "history.hpp"

#include <algorithm>
#include <fnmatch.h>
#include <set>

namespace docnb::kernel {

void History::store_inputs_impl(int session, int /*line*/, const std::string& input,
                                const std::string& output) {
  // xeus 2.4 passes the same line number for every input; number them in order instead, as
  // IPython's execution count does for the cells it stores.
  const int line = static_cast<int>(entries_.size()) + 1;
  entries_.push_back(Entry{session, line, input, output});
}

nl::json History::reply(const std::vector<const Entry*>& entries, bool output) {
  nl::json history = nl::json::array();
  for (const Entry* entry : entries) {
    if (output) {
      history.push_back({entry->session, entry->line, {entry->input, entry->output}});
    } else {
      history.push_back({entry->session, entry->line, entry->input});
    }
  }
  return nl::json{{"status", "ok"}, {"history", history}};
}

nl::json History::get_tail_impl(int n, bool /*raw*/, bool output) const {
  const std::size_t count = std::min<std::size_t>(std::max(n, 0), entries_.size());
  std::vector<const Entry*> tail;
  for (std::size_t i = entries_.size() - count; i < entries_.size(); ++i)
    tail.push_back(&entries_[i]);
  return reply(tail, output);
}

nl::json History::get_range_impl(int session, int start, int stop, bool /*raw*/,
                                 bool output) const {
  std::vector<const Entry*> range;
  for (const Entry& entry : entries_) {
    if (entry.session == session && entry.line >= start && (stop <= 0 || entry.line < stop)) {
      range.push_back(&entry);
    }
  }
  return reply(range, output);
}

nl::json History::search_impl(const std::string& pattern, bool /*raw*/, bool output, int n,
                              bool unique) const {
  // The newest matches, at most n (all when n <= 0), oldest first, as IPython answers.
  std::vector<const Entry*> found;
  std::set<std::string> seen;
  for (auto entry = entries_.rbegin(); entry != entries_.rend(); ++entry) {
    if (n > 0 && found.size() >= static_cast<std::size_t>(n)) break;
    if (fnmatch(pattern.c_str(), entry->input.c_str(), 0) != 0) continue;
    if (unique && !seen.insert(entry->input).second) continue;
    found.push_back(&*entry);
  }
  std::reverse(found.begin(), found.end());
  return reply(found, output);
}

} // namespace docnb::kernel
