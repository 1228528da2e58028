#include "render/text_columns.hpp"

#include <algorithm>

#include "gatelab/language/input_text.hpp"

namespace gatelab::cli {

std::size_t width(const std::string& s) { return display_width(s); }

std::string pad(const std::string& s, std::size_t w, bool right) {
  const std::string fill(w > width(s) ? w - width(s) : 0, ' ');
  return right ? fill + s : s + fill;
}

std::vector<Cells> align_columns(const std::vector<Cells>& rows, const std::vector<bool>& right_aligned) {
  std::vector<std::size_t> w;
  for (const Cells& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (w.size() <= c) w.push_back(0);
      w[c] = std::max(w[c], width(row[c]));
    }
  std::vector<Cells> out;
  for (const Cells& row : rows) {
    Cells padded;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const bool right = c < right_aligned.size() && right_aligned[c];
      padded.push_back(c + 1 == row.size() && !right ? row[c] : pad(row[c], w[c], right));
    }
    out.push_back(std::move(padded));
  }
  return out;
}

std::string join_cells(const Cells& cells, const std::string& indent, const std::string& gap) {
  std::string line = indent;
  for (std::size_t c = 0; c < cells.size(); ++c) line += (c ? gap : "") + cells[c];
  return line;
}

}  // namespace gatelab::cli
