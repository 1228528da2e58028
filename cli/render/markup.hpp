// Text made safe for XML and HTML: & < > " escaped.
#pragma once

#include <string>
#include <string_view>

namespace gatelab::cli {

std::string escaped(std::string_view text);

// Text with every "javascript:" (any case) written "javascript" + colon: "&#58;" in HTML and
// "\\u003a" in JSON read as ':' again, so a page shows a lesson's words as they are, while
// no "javascript:" stands in the page outside gatelab's own scripts (docs/reliability.md).
std::string without_script_scheme(std::string text, std::string_view colon);

}  // namespace gatelab::cli
