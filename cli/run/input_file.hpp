// Reading a file a person names: a program, a lesson, a data or weights file.
#pragma once

#include <cstddef>
#include <string>

namespace gatelab::cli {

// The largest file gatelab reads: a program of millions of gates, a data file of a million
// rows. A larger one is refused before it is read (docs/reliability.md).
inline constexpr std::size_t max_input_file_size = std::size_t{64} << 20;

// The whole file; throws gatelab::Error naming the file and the reason, also for a file
// (or a pipe) of more than max_input_file_size bytes.
std::string read_file(const std::string& path);

}  // namespace gatelab::cli
