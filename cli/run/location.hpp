// Where something was written, in the one format every error message uses:
//
//   lessons/08-detach.md:12: ...        a line of a file
//   staged.gl:3:9: ...                  a line and column of a file
//   line 1, column 9: ...               a program typed on the command line
#pragma once

#include <string>

#include "gatelab/engine/error.hpp"
#include "gatelab/language/program.hpp"

namespace gatelab::cli {

struct Location {
  std::string file;  // empty: the command line
  int line = 0;      // 1-based; 0: the file as a whole
  int column = 0;    // 1-based; 0: the line as a whole

  std::string text() const;  // as above, without the ": "
};

// "LOCATION: message" (the message alone when the location is empty).
std::string located(const Location& where, const std::string& message);

// An error in the text of `file`, placed in it: "file:3: ..." where the error has a line,
// "file: ..." where it has none.
Error placed_in(const std::string& file, const Error& e);

// Where a program's text came from: a file (empty: the command line) and the file line of
// the program's first line (a lesson block starts mid-file).
struct Source {
  std::string file;
  int first_line = 1;

  Location at(SourcePos pos) const { return {file, pos.line + first_line - 1, pos.column}; }
};

// A syntax error in a program, placed in its source, with the line to put a caret under.
class ProgramError : public Error {
 public:
  ProgramError(const ParseError& e, const Source& source)
      : Error(located(source.at(e.pos()), e.message())), column_(e.pos().column), line_(e.source_line()) {}
  int column() const { return column_; }
  const std::string& source_line() const { return line_; }

 private:
  int column_;
  std::string line_;
};

}  // namespace gatelab::cli
