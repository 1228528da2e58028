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

// Text quoted in a message: a longer one cut after `limit` bytes (between characters), with
// its length: "[[[[[[... (120000 bytes)". A message stays one short line.
std::string shortened(std::string_view text, std::size_t limit);

// The non-empty, trimmed items of s between separators: "a, b,,c" -> {"a", "b", "c"}. A
// separator inside brackets belongs to its item: "W = [1, 2], x = 3" has two items.
std::vector<std::string> split_list(std::string_view s, char separator = ',');

// A number as lib's read_answer reads it: 2, -0.5, +3, 1e-3, 1/4, －１２ (spaces around it
// allowed), finite; nullopt for anything else.
std::optional<double> parse_number(std::string_view text);

// Numbers as an array, as the program language writes them: [1, 2] is a 2-vector,
// [[1, 2], [3, 4]] a 2x2 matrix (values row-major).
struct NumberArray {
  std::vector<int> shape;
  std::vector<double> values;
  std::vector<std::string> texts;  // each value as written
};

// Reads "[...]" (spaces allowed); throws gatelab::Error, with no context, for anything else:
// a word, a ragged matrix, an empty array, more than two dimensions.
NumberArray parse_number_array(std::string_view text);

// "[[1, 2], [3, 4]]" from a shape and row-major values, numbers as text shows them.
std::string array_text(const std::vector<int>& shape, const std::vector<double>& values);

// NAME and VALUE of "NAME = VALUE", trimmed; nullopt when there is no '='.
struct NameValue {
  std::string name;
  std::string value;
};
std::optional<NameValue> split_name_value(std::string_view text, char separator = '=');

}  // namespace gatelab::cli
