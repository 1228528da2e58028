#pragma once

namespace gatelab::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failed_check = 1;  // ran, but backward was impossible or a check failed
inline constexpr int exit_bad_input = 2;     // the program, an option or a file is wrong
inline constexpr int exit_internal = 3;      // a bug in gatelab

}  // namespace gatelab::cli
