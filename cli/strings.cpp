#include "strings.hpp"

namespace gatelab::cli {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string{} : s.substr(b, e - b + 1);
}

std::vector<std::string> split_list(const std::string& s, char separator) {
  std::vector<std::string> items;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != separator) continue;
    if (auto item = trim(s.substr(start, i - start)); !item.empty()) items.push_back(item);
    start = i + 1;
  }
  return items;
}

}  // namespace gatelab::cli
