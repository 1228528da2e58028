#include "render/markup.hpp"

#include <cctype>

namespace gatelab::cli {

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string without_script_scheme(std::string text, std::string_view colon) {
  constexpr std::string_view scheme = "javascript:";
  for (std::size_t at = 0; at + scheme.size() <= text.size(); ++at) {
    std::size_t i = 0;
    while (i < scheme.size() && std::tolower(static_cast<unsigned char>(text[at + i])) == scheme[i]) ++i;
    if (i == scheme.size()) text.replace(at + scheme.size() - 1, 1, colon);
  }
  return text;
}

}  // namespace gatelab::cli
