// Small string helpers shared by the commands.
#pragma once

#include <string>
#include <vector>

namespace gatelab::cli {

// s without leading and trailing spaces and tabs.
std::string trim(const std::string& s);

// The non-empty, trimmed items of s between separators: "a, b,,c" -> {"a", "b", "c"}.
std::vector<std::string> split_list(const std::string& s, char separator = ',');

}  // namespace gatelab::cli
