// Text laid out in columns, as the trace, the summary and every table print it.
#pragma once

#include <string>
#include <vector>

namespace gatelab::cli {

// The display width of UTF-8 text in a terminal (a Chinese character takes two cells).
std::size_t width(const std::string& s);
// s padded with spaces on the right (or, with right, on the left) to display width w.
std::string pad(const std::string& s, std::size_t w, bool right = false);

using Cells = std::vector<std::string>;

// Pads every cell to the widest of its column. The last cell of a row is not padded, so a
// row ends without trailing spaces; with right_aligned[c], column c is padded on the left.
std::vector<Cells> align_columns(const std::vector<Cells>& rows, const std::vector<bool>& right_aligned = {});

// The cells of a row with `indent` before them and `gap` between them.
std::string join_cells(const Cells& cells, const std::string& indent = "  ", const std::string& gap = "  ");

}  // namespace gatelab::cli
