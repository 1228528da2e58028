// Reading a command's arguments, and the errors and exit statuses every command shares.
#pragma once

#include <boost/program_options.hpp>

#include <string>
#include <vector>

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failed_check = 1;  // ran, but backward was impossible or a check failed
inline constexpr int exit_bad_input = 2;     // the program, an option or a file is wrong
inline constexpr int exit_internal = 3;      // a bug in gatelab

// A misused option or argument; the error report adds a pointer to the command's --help.
class UsageError : public Error {
 public:
  using Error::Error;
};

// Parses a command's arguments. Options are long only (--at), so a program such as
// '-x^2' is taken as the program, not as an option; -h alone asks for help.
void parse_command_line(std::vector<std::string> args, const boost::program_options::options_description& options,
                        const boost::program_options::positional_options_description& positional);

// Parses the arguments of `command` (as above); when they asked for help (the option bound to
// `help`), prints its help (commands/help_text.hpp) and returns true: the command is done.
bool parse_or_help(const std::vector<std::string>& args, std::string_view command,
                   const boost::program_options::options_description& options,
                   const boost::program_options::positional_options_description& positional, const bool& help);

}  // namespace gatelab::cli
