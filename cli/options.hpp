// Command-line parsing shared by the commands, and the errors main() reports.
#pragma once

#include <boost/program_options.hpp>

#include <string>
#include <vector>

#include "gatelab/program.hpp"

namespace gatelab::cli {

// A misused option or argument; main() adds a pointer to the command's --help.
class UsageError : public Error {
 public:
  using Error::Error;
};

// Where a program's text came from, for error messages: a file (empty: the command line),
// and the file's line number of the program's first line (a lesson block starts mid-file).
struct Source {
  std::string file;
  int first_line = 1;

  std::string where(SourcePos pos) const {
    return (file.empty() ? "" : file + ": ") + "line " + std::to_string(pos.line + first_line - 1) + ", column " +
           std::to_string(pos.column);
  }
};

// A syntax error in a program, placed in its source.
class ProgramError : public Error {
 public:
  ProgramError(const ParseError& e, const Source& source)
      : Error(source.where(e.pos()) + ": " + e.message()), column_(e.pos().column), line_(e.source_line()) {}
  int column() const { return column_; }
  const std::string& source_line() const { return line_; }

 private:
  int column_;
  std::string line_;
};

// Parses a command's arguments. Options are long only (--at), so a program such as
// '-x^2' is taken as the program, not as an option; -h alone asks for help.
void parse_command_line(std::vector<std::string> args, const boost::program_options::options_description& options,
                        const boost::program_options::positional_options_description& positional);

}  // namespace gatelab::cli
