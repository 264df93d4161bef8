#include "check/base64_trim.hpp"
#include "check/diff.hpp"
#include "check/diff_window.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace docnb::check;

TEST_CASE("a one-character change shows exactly that line as -/+", "[check]") {
  const std::string stored = "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\ntheta\n";
  std::string got = stored;
  got[got.find("delta")] = 'D';
  CHECK(unified_diff(stored, got) == "@@ -1,7 +1,7 @@\n"
                                     " alpha\n"
                                     " beta\n"
                                     " gamma\n"
                                     "-delta\n"
                                     "+Delta\n"
                                     " epsilon\n"
                                     " zeta\n"
                                     " eta\n");
}

TEST_CASE("equal texts have an empty diff", "[check]") {
  CHECK(unified_diff("a\nb\n", "a\nb\n").empty());
}

TEST_CASE("far-apart changes get separate hunks", "[check]") {
  std::string stored;
  for (int i = 1; i <= 20; ++i)
    stored += "line " + std::to_string(i) + "\n";
  std::string got = stored;
  got.replace(got.find("line 2\n"), 7, "LINE 2\n");
  got.replace(got.find("line 18\n"), 8, "LINE 18\n");
  const std::string diff = unified_diff(stored, got, {.color = false, .context = 1});
  CHECK(diff == "@@ -1,3 +1,3 @@\n line 1\n-line 2\n+LINE 2\n line 3\n"
                "@@ -17,3 +17,3 @@\n line 17\n-line 18\n+LINE 18\n line 19\n");
}

TEST_CASE("additions into an empty text and a missing final newline are shown", "[check]") {
  CHECK(unified_diff("", "new\n") == "@@ -0,0 +1,1 @@\n+new\n");
  CHECK(unified_diff("x\n", "x") == "@@ -1,1 +1,1 @@\n-x\n+x\n\\ No newline at end of file\n");
}

TEST_CASE("colour marks removed, added and hunk lines", "[check]") {
  const std::string diff = unified_diff("a\n", "b\n", {.color = true, .context = 3});
  CHECK(diff == "\x1b[36m@@ -1,1 +1,1 @@\x1b[0m\n\x1b[31m-a\x1b[0m\n\x1b[32m+b\x1b[0m\n");
}

TEST_CASE("base64 payloads shrink to a prefix, hash and size", "[check]") {
  const std::string png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
                          "60e6kgAAAABJRU5ErkJggg==";
  CHECK(looks_like_base64(png));
  const std::string trimmed = trim_base64(png);
  CHECK(trimmed.starts_with("iVBORw0K...<snip base64, md5="));
  CHECK(trimmed.ends_with("..., " + std::to_string(png.size()) + " chars>"));
  CHECK(trimmed != trim_base64(png.substr(4)));
  CHECK(trim_base64("short") == "short");
  const std::string prose(80, ' ');
  CHECK(trim_base64(prose) == prose);
}

TEST_CASE("a long output is diffed around where it differs, within bounds", "[check]") {
  std::string stored;
  for (int i = 0; i < 100'000; ++i)
    stored += "line " + std::to_string(i) + "\n";
  std::string got = stored;
  got.replace(got.find("line 50000\n"), 11, "LINE 50000\n");
  // The shared lines are not shown; the hunk keeps its line numbers.
  CHECK(unified_diff(stored, got, {.color = false, .context = 1}) ==
        "@@ -50000,3 +50000,3 @@\n line 49999\n-line 50000\n+LINE 50000\n line 50001\n");
  // Everything differs past line 10: the diff stops after max_window_lines of each side.
  std::string other = stored.substr(0, stored.find("line 10\n"));
  for (int i = 0; i < 100'000; ++i)
    other += "other " + std::to_string(i) + "\n";
  const std::string diff = unified_diff(stored, other, {.color = false, .context = 0});
  CHECK(std::count(diff.begin(), diff.end(), '\n') <= 2 * max_window_lines + 2);
  CHECK(diff.ends_with("... the diff stops here: 97990 more stored lines and 98000 more new "
                       "ones are not compared\n"));
}

TEST_CASE("a long line is shown cut, with its size and a hash", "[check]") {
  const std::string a(1'000'000, 'a');
  std::string b = a;
  b.back() = 'b';
  const std::string diff = unified_diff(a + "\n", b + "\n");
  CHECK(diff.size() < 3 * max_shown_line_bytes);
  CHECK(diff.find("... [1000000 bytes, sha256 ") != std::string::npos);
  CHECK(diff.find("\n-") != std::string::npos);
  CHECK(diff.find("\n+") != std::string::npos);
}
