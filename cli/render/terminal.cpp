#include "render/terminal.hpp"

#include <unistd.h>

#include <cstdlib>

namespace gatelab::cli {

Paint paint_for_stdout(bool no_color_flag) {
  const char* no_color = std::getenv("NO_COLOR");
  return {!no_color_flag && !(no_color && *no_color) && ::isatty(STDOUT_FILENO)};
}

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO); }

}  // namespace gatelab::cli
