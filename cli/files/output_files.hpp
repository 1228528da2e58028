// Output files, written all or nothing once a command's work has succeeded:
//
//   check_output_file(path);     // before the work: a path that cannot be written fails early
//   OutputFiles out;
//   out.add(path, content);      // after it
//   out.write();                 // every file complete, or none
//
// write() puts each file under a temporary name beside it and renames them into place only
// when all were written, so a failure (a full disk, a vanished folder) leaves no partial
// file. A path naming an existing device or pipe (/dev/stdout) is written in place, and an
// error there (/dev/full) is an error too. Folders given to add_dir are made, parents
// included, by write(), and removed again if it fails. A signal that ends gatelab while
// write() runs (Ctrl-C, SIGTERM, SIGHUP, SIGPIPE) removes the temporaries and the folders
// made first (files/cleanup_on_signal.hpp): every file is renamed into place, or none.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace gatelab::cli {

// Throws gatelab::Error unless path can be written: its folder exists and is writable and
// path is not a folder.
void check_output_file(const std::string& path);

// Throws gatelab::Error unless dir can hold output files: it is a writable folder, or (with
// create) it is missing and its nearest existing ancestor is a writable folder.
void check_output_dir(const std::string& dir, bool create);

// Throws gatelab::Error if one of paths is a file gatelab read in this run, or two of them
// name one file (as OutputFiles::write() does, for a command to ask before its work).
void check_outputs_apart(const std::vector<std::string>& paths);

class OutputFiles {
 public:
  void add_dir(std::string dir);  // made at write() when missing
  void add(std::string path, std::string content);
  // Removed once every file is in place (frames an earlier, longer run left).
  void remove_after(std::string path);
  bool empty() const { return files_.empty(); }
  std::size_t size() const { return files_.size(); }

  // Writes every file; throws gatelab::Error naming the path and the reason, having
  // removed whatever it had written. An output that is also an input gatelab read, or one
  // file named as two outputs (same device and inode, or same canonical path), is refused
  // before anything is written.
  void write() const;

 private:
  std::vector<std::string> dirs_, stale_;
  std::vector<std::pair<std::string, std::string>> files_;  // path, content
};

}  // namespace gatelab::cli
