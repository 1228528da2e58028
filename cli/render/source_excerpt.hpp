// The line under a syntax error, and the caret under its column:
//
//   gatelab eval: line 1, column 5: this '(' is never closed: ...
//     y = (x + 1
//         ^
//
// A program's line can be millions of characters long (a generated sum), so a long line is
// shown around the column only, cut where "..." shows it.
#pragma once

#include <cstddef>
#include <string>

#include "run/location.hpp"

namespace gatelab::cli {

struct SourceExcerpt {
  std::string text;   // the line, or the part of it around the column
  std::size_t caret;  // terminal cells before the caret, under text (a wide character takes two)
};

// column: 1-based, in characters, as ProgramError gives it.
SourceExcerpt source_excerpt(const std::string& line, int column);

// The error's line, and its excerpt with the caret, each line ended: what gatelab writes
// after "gatelab eval: ", and what a page shows under its editor.
std::string program_error_text(const ProgramError& e);

}  // namespace gatelab::cli
