// The help gatelab prints, made from the command table (commands/commands.hpp): the usage of
// `gatelab --help`, and each command's --help, its options in one aligned table with the
// options every command shares. Widths are display widths, so Chinese lines up too.
#pragma once

#include <boost/program_options.hpp>

#include <string>

#include "commands/commands.hpp"

namespace gatelab::cli {

// The options every command takes besides its own (--lang); the language itself is chosen
// before the command runs (commands/language.hpp).
const boost::program_options::options_description& common_options();

// `gatelab --help`.
std::string usage_text();

// A command's --help: its synopsis and description, its options and the common ones, then its
// notes.
std::string help_text(const Command& command);

// "gatelab eval PROGRAM [--at NAME=VALUE ...] [options]".
std::string synopsis_line(const Command& command);

// "--at NAME=VALUE": an option as the help writes it (a value without a name is written as
// the option's name in capitals).
std::string option_synopsis(const boost::program_options::option_description& option);

// Words wrapped to lines of at most `width` display cells, each line after the first
// starting with `indent` spaces; a line may break at a space or beside a Chinese character.
std::string wrapped(const std::string& text, std::size_t width, std::size_t indent);

}  // namespace gatelab::cli
