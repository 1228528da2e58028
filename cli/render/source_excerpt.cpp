#include "render/source_excerpt.hpp"

#include <algorithm>

#include "gatelab/language/input_text.hpp"

namespace gatelab::cli {

namespace {

constexpr std::size_t shown_before = 50, shown_after = 30;  // bytes around the column

bool continues_a_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

SourceExcerpt source_excerpt(const std::string& line, int column) {
  std::size_t at = 0;  // the column's byte
  for (int c = 1; c < column && at < line.size(); ++c)
    at += static_cast<std::size_t>(decode_utf8(std::string_view(line).substr(at)).bytes);
  std::size_t from = at > shown_before ? at - shown_before : 0;
  std::size_t to = std::min(line.size(), at + shown_after);
  while (from > 0 && continues_a_character(line[from])) --from;  // never cut a character in two
  while (to < line.size() && continues_a_character(line[to])) ++to;
  const std::string cut = "...";
  const std::string before = (from > 0 ? cut : "") + line.substr(from, at - from);
  return {before + line.substr(at, to - at) + (to < line.size() ? cut : ""), display_width(before)};
}

std::string program_error_text(const ProgramError& e) {
  const SourceExcerpt line = source_excerpt(e.source_line(), e.column());
  return std::string(e.what()) + "\n  " + line.text + "\n  " + std::string(line.caret, ' ') + "^\n";
}

}  // namespace gatelab::cli
