// Markdown prose for a terminal, parsed by md4c: headings and emphasis in bold or italic,
// code in colour, lists with bullets, block quotes with a bar, tables aligned in columns,
// links with their address. Without colour (NO_COLOR, a pipe) it is plain text with no
// Markdown marks left in it. The author's line breaks are kept.
#pragma once

#include <string>
#include <vector>

#include "render/trace_text.hpp"

namespace gatelab::cli {

std::vector<TraceLine> markdown_lines(const std::string& markdown, const Paint& paint);

}  // namespace gatelab::cli
