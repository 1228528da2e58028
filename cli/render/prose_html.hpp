// A lesson's Markdown prose as HTML (md4c), for the lesson's page.
#pragma once

#include <string>

namespace gatelab::cli {

std::string prose_html(const std::string& markdown);

}  // namespace gatelab::cli
