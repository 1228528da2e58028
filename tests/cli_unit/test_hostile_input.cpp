// What a learner types, written to hurt the readers of run/: each is read, or is one error.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "../error_text.hpp"
#include "render/asker.hpp"
#include "render/source_excerpt.hpp"
#include "run/bindings.hpp"
#include "run/evaluation.hpp"
#include "run/expectations.hpp"
#include "run/parse_text.hpp"

using namespace gatelab::cli;
using Catch::Matchers::Contains;

TEST_CASE("a number whose exponent and decimals no int holds together is read, not overflowed") {
  // 0.0e-2147483648: the exponent -2147483648 minus one decimal overflowed an int.
  const gatelab::Answer a = written_answer("0.0e-2147483648");
  CHECK(a.value == 0);
  CHECK(a.written_precision == 0);
}

TEST_CASE("an array nested a million deep is one error, read in one pass, not a recursion") {
  const int deep = 1'000'000;
  const std::string nested = std::string(deep, '[') + "1" + std::string(deep, ']');
  CHECK_THAT(error_text([&] { parse_binding("x = " + nested); }), Contains("at most two dimensions"));
  CHECK_THAT(error_text([&] { parse_number_array("[" + nested + "]"); }), Contains("at most two dimensions"));
  CHECK_THAT(error_text([&] { parse_expectations("grad(W) = " + nested); }), Contains("at most two dimensions"));
}

TEST_CASE("array values keep their messages: rows of rows, mixed entries, ragged rows") {
  CHECK_THAT(error_text([] { parse_number_array("[[1, [2]]]"); }), Contains("at most two dimensions"));
  CHECK_THAT(error_text([] { parse_number_array("[1, [2]]"); }), Contains("all be numbers or all be rows"));
  CHECK_THAT(error_text([] { parse_number_array("[[1, 2], [3]]"); }), Contains("row 2 has 1 entry, row 1 has 2"));
  const NumberArray a = parse_number_array(" [[1, 2], [3, 4e-1]] ");
  CHECK(a.shape == std::vector<int>{2, 2});
  CHECK(a.values == std::vector<double>{1, 2, 3, 0.4});
  CHECK(a.texts.back() == "4e-1");
}

TEST_CASE("the line under a syntax error is shown around its column when it is long") {
  const SourceExcerpt short_line = source_excerpt("y = (x + 1", 5);
  CHECK(short_line.text == "y = (x + 1");
  CHECK(short_line.caret == 4);
  // A generated sum of a million terms, wrong at its end: 80 characters, not 4 MB.
  std::string sum = "y = x";
  for (int i = 0; i < 1'000'000; ++i) sum += " + x";
  sum += " + )";
  const SourceExcerpt long_line = source_excerpt(sum, static_cast<int>(sum.size()));
  CHECK(long_line.text == "..." + sum.substr(sum.size() - 51));
  CHECK(long_line.text.substr(long_line.caret) == ")");
  const SourceExcerpt middle = source_excerpt(sum, 2'000'000);
  CHECK(middle.text.size() == 3 + 80 + 3);
  CHECK(middle.text.substr(middle.caret, 1) == sum.substr(1'999'999, 1));
  // Never a character cut in two: × is two bytes and one column, so column 111 starts at
  // byte 111, and 50 bytes before it is ×'s second byte.
  const SourceExcerpt wide = source_excerpt(std::string(60, 'x') + "×" + std::string(60, 'x'), 111);
  CHECK(wide.text.starts_with("...×x"));
  CHECK(wide.caret == 3 + 50);
}

TEST_CASE("a quiz reply longer than any number ends the input, before it fills memory") {
  EvalRequest request;
  request.text = "y = x * 2";
  request.at = {parse_binding("x = 1")};
  const EvalResult r = evaluate(request);
  const int step = r.trace.forward.front().step;
  std::istringstream endless(std::string(100'000, '0'));  // as quiz < /dev/zero reads it
  std::ostringstream out;
  Asker asker(endless, out, Paint{}, false, std::nullopt);
  CHECK(asker.ask(r.program.graph, r.trace, step) == Asker::Outcome::EndOfInput);
  std::istringstream typed("abc\n2\n");
  Asker learner(typed, out, Paint{}, false, std::nullopt);
  CHECK(learner.ask(r.program.graph, r.trace, step) == Asker::Outcome::Right);  // "abc" is asked again
}

TEST_CASE("a reply is read up to 4 KB: a longer line ends the input, for the quiz and for --step alike") {
  std::istringstream endless(std::string(100'000, '\0'));  // as eval --step < /dev/zero reads it
  std::string line;
  CHECK_FALSE(read_reply(endless, line));
  CHECK(line.size() == max_reply_size);
  CHECK(endless.tellg() == static_cast<std::streamoff>(max_reply_size + 1));  // read no further
  std::istringstream typed("q\nnext");
  CHECK(read_reply(typed, line));
  CHECK(line == "q");
  CHECK(read_reply(typed, line));  // the last line, without its newline
  CHECK(line == "next");
  CHECK_FALSE(read_reply(typed, line));
}
