#include "report/html_assets.hpp"
#include "report/html_page.hpp"

#include <catch2/catch.hpp>

using namespace docnb;

TEST_CASE("the policy allows the page's own style and script by hash and nothing else",
          "[report]") {
  const std::string policy = content_security_policy();
  CHECK(policy.starts_with("default-src 'none';"));
  CHECK(policy.find("script-src " + csp_hash(report_script()) + ";") != std::string::npos);
  CHECK(policy.find("style-src-elem " + csp_hash(report_style()) + ";") != std::string::npos);
  CHECK(policy.find("img-src data:;") != std::string::npos);
  CHECK(policy.find("'unsafe-inline'") == policy.rfind("'unsafe-inline'")); // attributes only
  CHECK(policy.find("style-src-attr 'unsafe-inline'") != std::string::npos);
  CHECK(policy.find("unsafe-eval") == std::string::npos);
  CHECK(policy.find("http") == std::string::npos);
}

TEST_CASE("a CSP hash is the base64 SHA-256 of the exact text", "[report]") {
  // printf 'alert(1)' | openssl dgst -sha256 -binary | base64
  CHECK(csp_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
}

TEST_CASE("the page embeds its style and script verbatim and escapes its title", "[report]") {
  const std::string page = html_page("a <b> & \"c\"", "<main>body</main>");
  CHECK(page.starts_with("<!DOCTYPE html>\n"));
  CHECK(page.find("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>") != std::string::npos);
  CHECK(page.find("<style>" + std::string(report_style()) + "</style>") != std::string::npos);
  CHECK(page.find("<script>" + std::string(report_script()) + "</script>") != std::string::npos);
  // The policy comes before anything it governs.
  CHECK(page.find("Content-Security-Policy") < page.find("<style>"));
  CHECK(page.find("<main>body</main>") != std::string::npos);
}
