// The directives of a lesson block, one table: each key, what it takes, what it means and
// how it is read into the block's Plan. The reader, its "unknown directive" message, the
// help of `gatelab lesson` and the table in docs/lesson-format.md all come from here (a
// test compares the document with this table).
//
//   #| at: x = 2, y = -4       key "at", value "x = 2, y = -4"
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "lesson/plan.hpp"

namespace gatelab::cli {

struct Directive {
  std::string_view key;
  std::string_view arguments;  // as the documentation writes them; empty for a bare flag
  bool needs_value;
  std::string_view meaning;  // one sentence, Markdown
  // Reads the directive's value into the plan; throws gatelab::Error with a message that
  // has no location (the caller adds "FILE:LINE: KEY: ").
  void (*read)(Plan& plan, const std::string& value, const Location& where);
};

std::span<const Directive> lesson_directives();

// The directive called key, or nullptr.
const Directive* find_directive(std::string_view key);

// "name, at, expect, ...", in table order.
std::string directive_keys();

// The table as docs/lesson-format.md shows it: one "| `key: arguments` | meaning |" row each.
std::string directive_table_markdown();

}  // namespace gatelab::cli
