// Names in an rst page that look like a code directive but are not one, and what to say of
// them: a comment that lost a colon (`.. code-block: python`) or a misspelt directive
// (`.. doctset::`). Either hides an example without a word from the page itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace docnb::converters {

// For a comment line (`.. name: argument`, leading space removed): the warning, if any.
[[nodiscard]] std::optional<std::string> comment_typo(std::string_view stripped);
// For a directive's name: the warning, if any.
[[nodiscard]] std::optional<std::string> directive_typo(const std::string& name);

} // namespace docnb::converters
