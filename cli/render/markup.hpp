// Text made safe for XML and HTML: & < > " escaped.
#pragma once

#include <string>
#include <string_view>

namespace gatelab::cli {

std::string escaped(std::string_view text);

}  // namespace gatelab::cli
