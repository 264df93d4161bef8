#include "check/diff.hpp"

#include "check/diff_window.hpp"

#include <dtl/dtl.hpp>
#include <vector>

namespace docnb::check {

namespace {

enum class Op { common, remove, add };

struct Line {
  Op op;
  std::string text;
};

// The edit script as lines, each run of changes with its removals before its additions.
std::vector<Line> edit_script(const std::vector<std::string>& a,
                              const std::vector<std::string>& b) {
  dtl::Diff<std::string, std::vector<std::string>> diff(a, b, /*deletesFirst=*/true);
  diff.compose();
  std::vector<Line> script;
  std::vector<Line> adds;
  for (const auto& [text, info] : diff.getSes().getSequence()) {
    if (info.type == dtl::SES_ADD) {
      adds.push_back({Op::add, text});
      continue;
    }
    if (info.type == dtl::SES_COMMON) {
      script.insert(script.end(), adds.begin(), adds.end());
      adds.clear();
    }
    script.push_back({info.type == dtl::SES_DELETE ? Op::remove : Op::common, text});
  }
  script.insert(script.end(), adds.begin(), adds.end());
  return script;
}

std::string range(std::size_t start, std::size_t count) {
  // diff(1): an empty range names the line before it.
  return std::to_string(count == 0 ? start : start + 1) + "," + std::to_string(count);
}

} // namespace

std::string unified_diff(std::string_view stored, std::string_view got, const DiffStyle& style) {
  if (stored == got) {
    return {};
  }
  const std::size_t context = style.context < 0 ? 0 : static_cast<std::size_t>(style.context);
  const DiffWindow window = diff_window(stored, got, context);
  const std::vector<Line> script = edit_script(window.stored, window.got);
  const char* red = style.color ? "\x1b[31m" : "";
  const char* green = style.color ? "\x1b[32m" : "";
  const char* cyan = style.color ? "\x1b[36m" : "";
  const char* reset = style.color ? "\x1b[0m" : "";

  std::string out;
  std::size_t i = 0;
  std::size_t old_line = window.skipped; // lines of `stored` before script[i]
  std::size_t new_line = window.skipped;
  while (i < script.size()) {
    // Find the next change; a hunk starts `context` lines before it.
    std::size_t change = i;
    while (change < script.size() && script[change].op == Op::common) {
      ++change;
    }
    if (change == script.size()) {
      break;
    }
    const std::size_t lead = std::min(context, change - i);
    old_line += change - lead - i;
    new_line += change - lead - i;
    std::size_t end = change; // one past the hunk's last line
    while (true) {
      while (end < script.size() && script[end].op != Op::common) {
        ++end;
      }
      std::size_t gap = end;
      while (gap < script.size() && script[gap].op == Op::common) {
        ++gap;
      }
      // Changes closer than two contexts apart share a hunk.
      if (gap < script.size() && gap - end <= 2 * context) {
        end = gap;
        continue;
      }
      end = std::min(gap, end + context);
      break;
    }
    const std::size_t begin = change - lead;
    std::size_t old_count = 0;
    std::size_t new_count = 0;
    for (std::size_t k = begin; k < end; ++k) {
      old_count += script[k].op != Op::add ? 1 : 0;
      new_count += script[k].op != Op::remove ? 1 : 0;
    }
    out += std::string(cyan) + "@@ -" + range(old_line, old_count) + " +" +
           range(new_line, new_count) + " @@" + reset + "\n";
    for (std::size_t k = begin; k < end; ++k) {
      const Line& line = script[k];
      const char* colour = line.op == Op::remove ? red : line.op == Op::add ? green : "";
      const char mark = line.op == Op::remove ? '-' : line.op == Op::add ? '+' : ' ';
      std::string text = line.text;
      const bool missing_eol = text.ends_with(no_eol);
      if (missing_eol) {
        text.resize(text.size() - no_eol.size());
      }
      out += std::string(line.op == Op::common ? "" : colour) + mark + text +
             (line.op == Op::common ? "" : reset) + "\n";
      if (missing_eol) {
        out += "\\ No newline at end of file\n";
      }
    }
    old_line += old_count;
    new_line += new_count;
    i = end;
  }
  return out + window.note;
}

} // namespace docnb::check
