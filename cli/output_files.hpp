// Writing output files all or nothing: a file appears complete or not at all.
#pragma once

#include <string>
#include <string_view>

namespace gatelab::cli {

// Throws gatelab::Error unless path's directory exists and is writable.
void check_writable(const std::string& path);
// Throws gatelab::Error unless dir is an existing, writable directory.
void check_writable_dir(const std::string& dir);
// Writes content to a temporary file beside path, then renames it over path.
void write_file_atomically(const std::string& path, std::string_view content);
// Reads a whole file; throws gatelab::Error naming the file and the reason.
std::string read_file(const std::string& path);

}  // namespace gatelab::cli
