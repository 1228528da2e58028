// Colour on a terminal: on when standard output is one, unless --no-color or NO_COLOR.
#pragma once

#include <fmt/color.h>

#include <string>
#include <string_view>

namespace gatelab::cli {

struct Paint {
  bool on = false;
  std::string operator()(fmt::text_style style, std::string_view text) const {
    return on ? fmt::format(style, "{}", text) : std::string(text);
  }
};

// Colour is for a terminal only, and NO_COLOR (any value) or --no-color turns it off.
Paint paint_for_stdout(bool no_color_flag);
bool stdin_is_terminal();

namespace style {
inline const fmt::text_style heading = fmt::emphasis::bold;
inline const fmt::text_style dim = fmt::fg(fmt::terminal_color::bright_black);
inline const fmt::text_style name = fmt::fg(fmt::terminal_color::cyan);
inline const fmt::text_style good = fmt::fg(fmt::terminal_color::green) | fmt::emphasis::bold;
inline const fmt::text_style bad = fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold;
inline const fmt::text_style note = fmt::fg(fmt::terminal_color::yellow);
}  // namespace style

}  // namespace gatelab::cli
