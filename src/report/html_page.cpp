#include "report/html_page.hpp"

#include "report/html_assets.hpp"
#include "report/html_escape.hpp"
#include "support/base64.hpp"
#include "support/sha256.hpp"

namespace docnb {

std::string csp_hash(std::string_view text) {
  return "'sha256-" + base64_encode(sha256_digest(text)) + "'";
}

std::string content_security_policy() {
  const std::string style = csp_hash(report_style());
  // style-src-elem and -attr where the browser knows them; style-src for those that do not
  // (where the outputs' style attributes are then ignored). The frames of HTML and SVG outputs
  // inherit this policy: their own <style> and <script> elements stay blocked, their style
  // attributes render.
  return "default-src 'none'; script-src " + csp_hash(report_script()) + "; style-src " + style +
         "; style-src-elem " + style +
         "; style-src-attr 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
}

std::string html_page(std::string_view title, std::string_view body) {
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"" +
                     escape_html(content_security_policy()) +
                     "\">\n<meta name=\"referrer\" content=\"no-referrer\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>" +
                     escape_html(title) + "</title>\n<style>";
  page += report_style();
  page += "</style>\n</head>\n<body>\n";
  page += body;
  page += "\n<script>";
  page += report_script();
  page += "</script>\n</body>\n</html>\n";
  return page;
}

} // namespace docnb
