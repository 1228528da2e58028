#include "render/source_excerpt.hpp"

#include <algorithm>

#include "render/text_columns.hpp"

namespace gatelab::cli {

namespace {

constexpr std::size_t shown_before = 50, shown_after = 30;  // bytes around the column

bool continues_a_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

SourceExcerpt source_excerpt(const std::string& line, int column) {
  const std::size_t at = std::min(static_cast<std::size_t>(std::max(column, 1) - 1), line.size());
  std::size_t from = at > shown_before ? at - shown_before : 0;
  std::size_t to = std::min(line.size(), at + shown_after);
  while (from > 0 && continues_a_character(line[from])) --from;  // never cut a character in two
  while (to < line.size() && continues_a_character(line[to])) ++to;
  const std::string cut = "...";
  const std::string before = (from > 0 ? cut : "") + line.substr(from, at - from);
  return {before + line.substr(at, to - at) + (to < line.size() ? cut : ""), width(before)};
}

}  // namespace gatelab::cli
