// Text as a Chinese input method types it, read as the language's ASCII, with positions on
// the characters as typed.
#include <catch2/catch.hpp>

#include "gatelab/language/input_text.hpp"
#include "gatelab/language/program.hpp"

using Catch::Matchers::Contains;

TEST_CASE("full-width forms, the minus sign, times, divide and the middle dot read as ASCII") {
  CHECK(gatelab::fold_input("y = （x＋1）＊2") == "y = (x+1)*2");
  CHECK(gatelab::fold_input("ｙ＝ｍａｘ（ａ，ｂ）／２＾３") == "y=max(a,b)/2^3");
  CHECK(gatelab::fold_input("a − b × c ÷ d · e") == "a - b * c / d * e");
  CHECK(gatelab::fold_input("x\u3000＝\u3000１２．５") == "x = 12.5");  // ideographic spaces, full-width digits
  CHECK(gatelab::fold_input("σ(x)") == "σ(x)");                         // not folded: named by the parser
}

TEST_CASE("columns count characters as typed, line by line") {
  const auto f = gatelab::fold_input_with_columns("（x\n＋1");
  // "(x\n+1": bytes 0-4; the full-width ones were three bytes each but are one column.
  CHECK(f.text == "(x\n+1");
  CHECK(f.columns == std::vector<int>{1, 2, 3, 1, 2, 3});
}

TEST_CASE("a program typed with full-width forms parses, and errors point at the character") {
  gatelab::Program p = gatelab::parse_program("y = （x＋1）＊2");
  p.graph.set_value(p.graph.find("x"), 1);
  p.graph.forward();
  CHECK(p.graph.value(p.output) == 4);
  try {
    gatelab::parse_program("y = （x＋1）＊ + 2");
    FAIL("no ParseError");
  } catch (const gatelab::ParseError& e) {
    CHECK(e.pos().column == 12);                     // the '+' after ＊, counting each character once
    CHECK(e.source_line() == "y = （x＋1）＊ + 2");  // as typed
  }
}

TEST_CASE("any other character is named, with advice where there is some") {
  CHECK(gatelab::character_advice("²") == "U+00B2 '²' is not part of the language: write x^2");
  CHECK(gatelab::character_advice("√x") == "U+221A '√' is not part of the language: write sqrt(x)");
  CHECK(gatelab::character_advice("￥") ==
        "U+FFE5 '￥' is not part of the language: names are written with letters, digits and _");
  CHECK(gatelab::character_advice("\x07") == "U+0007 (a control character) is not part of the language");
  CHECK(gatelab::character_advice("\xff") == "the byte 0xFF is not UTF-8 text");
  try {
    gatelab::parse_program("y = x²");
    FAIL("no ParseError");
  } catch (const gatelab::ParseError& e) {
    CHECK(std::string(e.what()) == "line 1, column 6: U+00B2 '²' is not part of the language: write x^2");
  }
}

TEST_CASE("display width: a Chinese character takes two cells") {
  CHECK(gatelab::display_width("abc") == 3);
  CHECK(gatelab::display_width("梯度") == 4);
  CHECK(gatelab::display_width("（x）") == 5);
  CHECK(gatelab::display_width("e\u0301") == 1);  // e and a combining accent
  CHECK(gatelab::decode_utf8("梯").value == 0x68AF);
  CHECK(gatelab::decode_utf8("梯").bytes == 3);
}
