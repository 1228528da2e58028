// Reading a file a person names: a program, a lesson, a data or weights file.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <vector>

namespace gatelab::cli {

// The largest file gatelab reads: a program of millions of gates, a data file of a million
// rows. A larger one is refused before it is read (docs/reliability.md).
inline constexpr std::size_t max_input_file_size = std::size_t{64} << 20;

// The whole file; throws gatelab::Error naming the file and the reason, also for a file
// (or a pipe) of more than max_input_file_size bytes.
std::string read_file(const std::string& path);

// Which file a path names: its canonical path (made from the existing part of it, so that a
// file not yet made has one too), and its device and inode when it exists. Two paths name one
// file when either agrees (a hard link has another path but the same inode).
struct FileIdentity {
  std::string canonical;
  bool exists = false;
  dev_t device = 0;
  ino_t inode = 0;
  bool same_as(const FileIdentity& other) const {
    return canonical == other.canonical || (exists && other.exists && device == other.device && inode == other.inode);
  }
};
FileIdentity identity_of(const std::string& path);

struct FileRead {
  std::string path;  // as it was named
  FileIdentity identity;
};

// Every regular file read_file read in this run: output files are checked against them, so
// that no output is written over an input (files/output_files.hpp).
const std::vector<FileRead>& files_read();

}  // namespace gatelab::cli
