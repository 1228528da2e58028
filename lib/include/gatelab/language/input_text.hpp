// Text as a keyboard types it, read as the program language's ASCII.
//
//   gatelab::fold_input("y = （x＋1）＊2")   // "y = (x+1)*2"
//
// A Chinese input method types full-width forms: （）＋－＊／＾，＝ and full-width digits and
// letters, and the ideographic space; mathematical text has the minus sign −, ×, ÷ and ·.
// Each is read as its ASCII counterpart. Every other character passes through unchanged, for
// the parser to name it (character_advice says what to write instead).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gatelab {

struct FoldedText {
  std::string text;          // the text with the characters above replaced
  std::vector<int> columns;  // for each byte of text (and one past the end): the 1-based
                             // character column, in its line of the original, it came from
};

FoldedText fold_input_with_columns(std::string_view text);
std::string fold_input(std::string_view text);

// The character starting s (UTF-8): its code point and length in bytes. An invalid byte is
// a "character" of one byte with the value 0xFFFD.
struct CodePoint {
  char32_t value;
  int bytes;
};
CodePoint decode_utf8(std::string_view s);

// "U+00B2 '²' is not part of the language: write x^2", for a character the language does
// not have, with advice where there is some.
std::string character_advice(std::string_view at);

// The number of terminal cells UTF-8 text takes: 2 for a wide (East Asian) character, 0 for
// a combining mark, 1 for the rest.
std::size_t display_width(std::string_view text);

}  // namespace gatelab
