// libFuzzer target: any sanitizer file (nbval's `regex:` / `replace:` pairs) gives rules; each
// rule's Python-syntax pattern and replacement template compile or give an error, and a
// compiled rule applied to the file's own text gives text or an error, never a crash or a hang.
#include "check/regex_sub.hpp"
#include "check/sanitize_rules.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& rule : docnb::check::parse_sanitize_rules(text, "fuzz.cfg")) {
    const auto sub = docnb::check::RegexSub::compile(rule.regex, rule.replace);
    if (sub) (void)sub->apply(text);
  }
  return 0;
}
