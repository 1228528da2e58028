// Reading what a person typed: trimmed words, comma lists and numbers. Text becomes a
// number here, once; from then on it travels as a double.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatelab::cli {

// s without leading and trailing spaces and tabs.
std::string trim(std::string_view s);

// The non-empty, trimmed items of s between separators: "a, b,,c" -> {"a", "b", "c"}.
std::vector<std::string> split_list(std::string_view s, char separator = ',');

// A decimal number such as 2, -0.5, +3 or 1e-3 (spaces around it allowed), finite;
// nullopt for anything else.
std::optional<double> parse_number(std::string_view text);

// NAME and VALUE of "NAME = VALUE", trimmed; nullopt when there is no '='.
struct NameValue {
  std::string name;
  std::string value;
};
std::optional<NameValue> split_name_value(std::string_view text, char separator = '=');

}  // namespace gatelab::cli
