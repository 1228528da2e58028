#include "run/parse_text.hpp"

#include <charconv>
#include <cmath>

namespace gatelab::cli {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  return b == std::string_view::npos ? std::string{} : std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split_list(std::string_view s, char separator) {
  std::vector<std::string> items;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != separator) continue;
    if (auto item = trim(s.substr(start, i - start)); !item.empty()) items.push_back(item);
    start = i + 1;
  }
  return items;
}

std::optional<double> parse_number(std::string_view raw) {
  const std::string text = trim(raw);
  double v = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (begin != end && *begin == '+') ++begin;
  const auto [ptr, ec] = std::from_chars(begin, end, v);
  if (ec != std::errc{} || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<NameValue> split_name_value(std::string_view text, char separator) {
  const auto at = text.find(separator);
  if (at == std::string_view::npos) return std::nullopt;
  return NameValue{trim(text.substr(0, at)), trim(text.substr(at + 1))};
}

}  // namespace gatelab::cli
