// What a lesson, a program or a typed value can put in a page or on a terminal
// (docs/reliability.md, "Pages" and "Terminals"): only safe links, no image that fetches, no
// raw HTML, no control character, and messages of one short line.
#include <catch2/catch.hpp>

#include "files/plplot_svg.hpp"
#include "render/markup.hpp"
#include "render/prose_html.hpp"
#include "render/terminal_text.hpp"
#include "run/parse_text.hpp"

using namespace gatelab::cli;
using Catch::Matchers::Contains;

namespace {

bool allowed(std::string_view href) {
  std::string cleaned;
  return allowed_link(href, cleaned);
}

}  // namespace

TEST_CASE("links: only http, https, mailto and in-page ones are allowed, whatever their case or entities") {
  CHECK(allowed("https://example.org/a?b=1&amp;c=2"));
  CHECK(allowed("HTTP://example.org"));
  CHECK(allowed("mailto:teacher@example.org"));
  CHECK(allowed("#detach"));
  CHECK_FALSE(allowed("javascript:alert(1)"));
  CHECK_FALSE(allowed("JaVaScRiPt:alert(1)"));
  CHECK_FALSE(allowed("JaVaScRiPt&colon;alert(1)"));
  CHECK_FALSE(allowed("&#106;avascript:alert(1)"));
  CHECK_FALSE(allowed("&#x6A;avascript:alert(1)"));
  CHECK_FALSE(allowed("java\tscript:alert(1)"));
  CHECK_FALSE(allowed(" \x01javascript:alert(1)"));
  CHECK_FALSE(allowed("data:text/html,<script>alert(1)</script>"));
  CHECK_FALSE(allowed("vbscript:msgbox(1)"));
  CHECK_FALSE(allowed("file:///etc/passwd"));
  CHECK_FALSE(allowed("//tracker.example/p"));  // another site, scheme-relative
  CHECK_FALSE(allowed("other-lesson.html"));    // relative: a page stands alone
  // A browser drops tabs and line ends inside a URL: "ht\ntps:" is https: to it, and is allowed
  // as that, written without them.
  std::string cleaned;
  CHECK(allowed_link("ht\ntps://example.org", cleaned));
  CHECK(cleaned == "https://example.org");
}

TEST_CASE("prose: a refused link is its text alone, an allowed one keeps its target") {
  const std::string html = prose_html(
      "A [bad](JaVaScRiPt&colon;alert(1)) one, <javascript:alert(2)>, and a [good](https://example.org) one.");
  CHECK_THAT(html, !Contains("href=\"javascript", Catch::CaseSensitive::No));
  CHECK_THAT(html, Contains("A bad one"));
  CHECK_THAT(html, Contains(", javascript:alert(2), "));  // the autolink's text, without its link
  CHECK_THAT(html, Contains("<a href=\"https://example.org\" rel=\"noopener noreferrer\">good</a>"));
  CHECK(std::count(html.begin(), html.end(), '<') - std::count(html.begin(), html.end(), '>') == 0);
}

TEST_CASE("prose: an image is left out in words and never fetched, and raw HTML is text") {
  const std::string html = prose_html("![a pixel](https://tracker.example/p.png \"t\") <script>alert(1)</script>");
  CHECK_THAT(html, !Contains("<img"));
  CHECK_THAT(html, !Contains("tracker.example"));
  CHECK_THAT(html, Contains("image left out: a pixel"));
  CHECK_THAT(html, !Contains("<script"));
  CHECK_THAT(html, Contains("&lt;script&gt;"));
}

TEST_CASE("pages: a lesson's words \"javascript:\" are written so that no page holds them as such") {
  CHECK(without_script_scheme("say JaVaScRiPt: never", "&#58;") == "say JaVaScRiPt&#58; never");
  CHECK(without_script_scheme("javascript:javascript:", "\\u003a") == "javascript\\u003ajavascript\\u003a");
  CHECK(without_script_scheme("javascript", "&#58;") == "javascript");
}

TEST_CASE("terminal: control characters are shown escaped, tabs and line ends stay") {
  CHECK(terminal_text("a\x1b]52;c;SGVsbG8=\x07z") == "a\\x1b]52;c;SGVsbG8=\\x07z");
  CHECK(terminal_text("\x1b[2J") == "\\x1b[2J");
  CHECK(terminal_text("x\ty\nz") == "x\ty\nz");
  CHECK(terminal_text("\r\x7f") == "\\x0d\\x7f");
  CHECK(terminal_text("\xc2\x9b"
                      "2J") == "\\u009b2J");  // the one-character CSI
  CHECK(terminal_text("约束 é") == "约束 é");
}

TEST_CASE("terminal: on a terminal gatelab's colours pass, and nothing else") {
  std::string out;
  CHECK(escape_controls("\x1b[1mtitle\x1b[0m \x1b]0;owned\x07", true, true, out) == 24);
  CHECK(out == "\x1b[1mtitle\x1b[0m \\x1b]0;owned\\x07");
  out.clear();
  // A sequence cut between two writes waits for the rest.
  CHECK(escape_controls("ab\x1b[3", true, false, out) == 2);
  CHECK(out == "ab");
}

TEST_CASE("charts: PLplot's escapes in a name read as themselves, a long name is cut") {
  CHECK(plot_text("a#[0x41]#(840)#u") == "a##[0x41]##(840)##u");
  CHECK(plot_text("x\x1b[2J") == "x[2J");
  const std::string shown = plot_text(std::string(20'000, 'n'));
  CHECK(shown == std::string(plot_text_limit, 'n') + "…");
}

TEST_CASE("messages quote a long value cut, with its length") {
  CHECK(shortened("abc", 60) == "abc");
  CHECK(shortened(std::string(120'000, '['), 10) == "[[[[[[[[[[... (120000 bytes)");
  CHECK(shortened("约束约束", 4) == "约... (12 bytes)");  // never half a character
}
