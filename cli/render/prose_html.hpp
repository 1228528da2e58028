// A lesson's Markdown prose as HTML (md4c), for the lesson's page. A lesson is untrusted
// input (teachers share them), so the HTML follows one policy (docs/reliability.md, "Pages"):
//
//   [site](https://example.org)     a link: only http:, https:, mailto: and in-page #links
//   [x](JaVaScRiPt&colon;alert(1))  any other link is its text alone, no <a>
//   ![chart](pixel.png)             an image is left out, its alt text shown in words: a page
//                                   never fetches anything
//   <script>...</script>            raw HTML is shown as text, escaped
#pragma once

#include <string>
#include <string_view>

namespace gatelab::cli {

std::string prose_html(const std::string& markdown);

// Whether a link's target may be a page's href: its text with HTML entities decoded, ASCII
// whitespace and control characters removed (as a browser removes them) and letters
// case-folded begins with "http:", "https:", "mailto:" or "#". The cleaned target, which the
// page writes (escaped) in place of the given one, is put in `cleaned`.
bool allowed_link(std::string_view href, std::string& cleaned);

}  // namespace gatelab::cli
