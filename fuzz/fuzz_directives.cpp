// libFuzzer target: any code's directive comments (`# xdoctest: +SKIP`, `# doctest: ...`,
// nbval markers) and any bare directive list (rst `:options:`) give directives and problems,
// and applying them gives options or an error, never a crash.
#include "check/directives.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void apply_all(const std::vector<docnb::check::Directive>& directives) {
  docnb::check::DoctestOptions options;
  for (const auto& directive : directives) {
    (void)docnb::check::unknown_directive(directive);
    (void)docnb::check::apply_directive(directive, options);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view code(reinterpret_cast<const char*>(data), size);
  const auto found = docnb::check::find_directives(code);
  for (const auto& comment : found.comments)
    apply_all(comment.directives);
  if (const auto list = docnb::check::parse_directive_list(code)) apply_all(*list);
  return 0;
}
