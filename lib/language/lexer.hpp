// Tokens of the program language (internal to the parser).
#pragma once

#include <string>
#include <string_view>

#include "gatelab/language/input_text.hpp"
#include "gatelab/language/program.hpp"

namespace gatelab::detail {

enum class Tok {
  Number,
  Name,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  At,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Assign,
  Semicolon,
  Newline,
  End
};

struct Token {
  Tok kind;
  std::string_view text;
  SourcePos pos;
  double number = 0;
};

// Reads the text as typed (gatelab/language/input_text.hpp folds full-width forms and the like to
// ASCII); positions are character columns of the text as typed.
class Lexer {
 public:
  explicit Lexer(std::string_view text)
      : original_(text), folded_(fold_input_with_columns(text)), text_(folded_.text) {}
  Token next();                           // throws ParseError on a character that starts no token
  std::string line_text(int line) const;  // as typed

 private:
  void skip_blanks();           // spaces, tabs, carriage returns and # comments
  Token number(SourcePos pos);  // the number that starts at at_

  std::string_view original_;
  FoldedText folded_;
  std::string_view text_;
  std::size_t at_ = 0;
  int line_ = 1;
};

// How a token reads in an error message: "')'", "the name 'x'", "the end of the program".
std::string describe(const Token& t);

}  // namespace gatelab::detail
