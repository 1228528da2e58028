// "[x, x, ..., x]": an array literal of n copies of one item, for tests of large programs.
#pragma once

#include <string>

inline std::string repeated_list(const std::string& item, int n) {
  std::string s = "[" + item;
  for (int i = 1; i < n; ++i) s += ", " + item;
  return s + "]";
}
