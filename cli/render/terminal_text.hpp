// Text shown on a terminal never carries a terminal's controls. A lesson, a program, a data
// file or an error message can hold ESC sequences (ESC ]52 writes the clipboard, ESC [2J
// clears the screen) and other control characters; gatelab shows each of them escaped:
//
//   terminal_text("a\x1b[2Jb")   ->  "a\x1b[2Jb" written out as the six characters \x1b[2J
//   terminal_text("tab\there")   ->  unchanged: a tab and a line end stay as they are
//
// One function does it, and everything gatelab writes to standard output and standard error
// passes through it: run_gatelab installs TerminalGuard, which puts a filter before both
// streams, so no place that prints can forget it. On a terminal, gatelab's own colours (SGR,
// ESC [ digits ; ... m) and the progress bar's carriage return pass; nothing else does.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace gatelab::cli {

// What text needs on a terminal: a C0 control but tab and line end, DEL and the C1 controls
// (U+0080 to U+009F) written as \xHH or \uHHHH. With on_terminal, SGR sequences and carriage
// returns pass. Returns how many bytes of text it took; the rest, an unfinished sequence at
// its end, waits for the next piece (all of it is taken when `last`).
std::size_t escape_controls(std::string_view text, bool on_terminal, bool last, std::string& out);

// The text with every control escaped as above (nothing passes).
std::string terminal_text(std::string_view text);

// While it lives, std::cout and std::cerr write through escape_controls.
class TerminalGuard {
 public:
  TerminalGuard();
  ~TerminalGuard();
  TerminalGuard(const TerminalGuard&) = delete;
  TerminalGuard& operator=(const TerminalGuard&) = delete;

 private:
  struct Filter;
  std::unique_ptr<Filter> out_, err_;
};

}  // namespace gatelab::cli
