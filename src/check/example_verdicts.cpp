#include "check/example_verdicts.hpp"

namespace docnb::check {

namespace {

bool same_example(const Verdict& a, const Verdict& b) {
  return a.in_text && b.in_text && a.example == b.example;
}

Verdict merge(std::vector<Verdict>::iterator first, std::vector<Verdict>::iterator last) {
  Verdict merged = *first;
  merged.cells.clear();
  merged.seconds = 0;
  merged.parts_skipped = 0;
  merged.setup = false;
  const Verdict* failed = nullptr;
  bool any_ran = false;
  for (auto part = first; part != last; ++part) {
    merged.cells.push_back(part->cell);
    merged.seconds += part->seconds;
    if (part->outcome == Outcome::skipped) {
      merged.parts_skipped += part->setup ? 0 : 1;
    } else if (!part->setup) {
      any_ran = true;
    }
    if (part->outcome == Outcome::failed && failed == nullptr) failed = &*part;
  }
  if (failed != nullptr) {
    merged.outcome = Outcome::failed;
    merged.cell = failed->cell;
    merged.line = failed->line;
    merged.first_line = failed->first_line;
    merged.reason = failed->reason;
    merged.details = failed->details;
  } else if (any_ran) {
    merged.outcome = Outcome::passed;
    merged.reason.clear();
  } else {
    merged.outcome = Outcome::skipped;
  }
  return merged;
}

} // namespace

std::vector<Verdict> merge_example_parts(std::vector<Verdict> parts) {
  std::vector<Verdict> merged;
  auto begin = parts.begin();
  while (begin != parts.end()) {
    auto end = std::next(begin);
    while (end != parts.end() && same_example(*begin, *end))
      ++end;
    // A page's hidden setup or cleanup code is no example; only its failure is reported.
    if (begin->hidden && begin->outcome != Outcome::failed) {
      begin = end;
      continue;
    }
    // A docstring example without parts is its namespace cell alone: xdoctest counts it
    // skipped, whatever that cell did.
    if (std::distance(begin, end) == 1 && begin->setup) {
      Verdict alone = std::move(*begin);
      alone.outcome = Outcome::skipped;
      alone.reason = "the example has no code";
      alone.details.clear();
      merged.push_back(std::move(alone));
    } else if (std::distance(begin, end) == 1) {
      merged.push_back(std::move(*begin));
    } else {
      merged.push_back(merge(begin, end));
    }
    begin = end;
  }
  return merged;
}

} // namespace docnb::check
