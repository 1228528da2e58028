// The one error type for what a user can cause: bad program text, a bad data file,
// backward on an output that has nothing to differentiate. Its message says what went
// wrong; an error in a text the caller read also says where (a line, and a column where
// it is known), so that the caller, who knows the file, can name it as FILE:LINE:COLUMN.
// The CLI prints it as one line. Internal invariants use assert.
//
//   throw gatelab::Error(3, 0, "unknown front-matter key 'author'");  // what(): "line 3: ..."
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "gatelab/support/translate.hpp"

namespace gatelab {

// What an Error is about, for a caller that acts on the kind rather than on its words (a
// lesson's `#| expect-error: no-grad`); most errors are `general`.
enum class ErrorKind : std::uint8_t {
  general,
  syntax,      // program text that does not parse (ParseError)
  no_grad,     // backward from an output that does not require grad
  not_scalar,  // backward from an output that is an array, not one number
};
// "no-grad", as lessons write a kind; error_kind_from_name reads it back.
std::string_view to_string(ErrorKind kind);
std::optional<ErrorKind> error_kind_from_name(std::string_view name);

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message), message_(message) {}
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), message_(message), kind_(kind) {}
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
  ErrorKind kind() const { return kind_; }

 private:
  std::string message_;
  int line_ = 0;
  int column_ = 0;

 protected:
  ErrorKind kind_ = ErrorKind::general;
};

}  // namespace gatelab
