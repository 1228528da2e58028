// The one error type for what a user can cause: bad program text, a bad data file,
// backward on an output that has nothing to differentiate. Its message says what went
// wrong; an error in a text the caller read also says where (a line, and a column where
// it is known), so that the caller, who knows the file, can name it as FILE:LINE:COLUMN.
// The CLI prints it as one line. Internal invariants use assert.
//
//   throw gatelab::Error(3, 0, "unknown front-matter key 'author'");  // what(): "line 3: ..."
#pragma once

#include <stdexcept>
#include <string>

#include "gatelab/support/translate.hpp"

namespace gatelab {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message), message_(message) {}
  // An error at a line (1-based) and column (1-based; 0: the whole line) of a text:
  // what() is "line L: message" or "line L, column C: message".
  Error(int line, int column, const std::string& message)
      : std::runtime_error(column ? trf("line {}, column {}: {}", line, column, message)
                                  : trf("line {}: {}", line, message)),
        message_(message),
        line_(line),
        column_(column) {}

  const std::string& message() const { return message_; }  // without the place
  int line() const { return line_; }                       // 0: no place in a text
  int column() const { return column_; }

 private:
  std::string message_;
  int line_ = 0;
  int column_ = 0;
};

}  // namespace gatelab
