// Reading a file a person names: a program, a lesson, a data or weights file.
#pragma once

#include <string>

namespace gatelab::cli {

// The whole file; throws gatelab::Error naming the file and the reason.
std::string read_file(const std::string& path);

}  // namespace gatelab::cli
