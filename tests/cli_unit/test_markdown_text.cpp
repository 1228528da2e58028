// Lesson prose for a terminal, parsed by md4c: no Markdown marks left in plain text, tables
// aligned, and colour only when asked for.
#include <catch2/catch.hpp>

#include "render/markdown_text.hpp"

using namespace gatelab::cli;

namespace {

std::string plain(const std::string& markdown) {
  std::string out;
  for (const TraceLine& l : markdown_lines(markdown, Paint{})) out += l.text + "\n";
  return out;
}

}  // namespace

TEST_CASE("markdown: headings, emphasis, code and links lose their marks") {
  CHECK(plain("# Detach\n\nKeep **the value**, drop *its* `grad`.\n") == "Detach\n\nKeep the value, drop its grad.\n");
  CHECK(plain("See [the notes](https://cs231n.github.io).\n") == "See the notes (https://cs231n.github.io).\n");
  CHECK(plain("line one\nline two\n") == "line one\nline two\n");  // the author's line breaks stay
}

TEST_CASE("markdown: lists get bullets and numbers, code blocks an indent") {
  CHECK(plain("- one\n- two\n  wrapped\n") == "  • one\n  • two\n    wrapped\n");
  CHECK(plain("1. first\n2. second\n") == "1. first\n2. second\n");
  CHECK(plain("    f(x) = x^2\n") == "    f(x) = x^2\n");
  CHECK(plain("```python\nx.backward()\n```\n") == "    x.backward()\n");
  CHECK(plain("> a quote\n") == "  │ a quote\n");
}

TEST_CASE("markdown: a pipe table is aligned in columns under a rule") {
  CHECK(plain("| stage | value |\n|---|---|\n| sigy | 0.0179862 |\n| f | 1.5456449 |\n") ==
        "  stage  value\n  -----  ---------\n  sigy   0.0179862\n  f      1.5456449\n");
}

TEST_CASE("markdown: colour on a terminal, the same text without it") {
  const auto coloured = markdown_lines("Keep **the value**.\n", Paint{true});
  REQUIRE(coloured.size() == 1);
  CHECK(coloured[0].text.find("\x1b[") != std::string::npos);
  CHECK(coloured[0].text.find("the value") != std::string::npos);
  CHECK(coloured[0].text.find("**") == std::string::npos);
}
