// The man page and the bash completion, made from the command table (commands/commands.hpp),
// so that they list exactly the commands and options gatelab has. The build writes them with
// tools/gatelab_docs.cpp; they are in English.
#pragma once

#include <string>

namespace gatelab::cli {

// gatelab(1) as roff: NAME, SYNOPSIS, DESCRIPTION, a subsection per command with its options
// and notes, COMMON OPTIONS, ENVIRONMENT, FILES and EXIT STATUS.
std::string man_page(const std::string& version);

// The bash completion script: commands, each command's options, and their values where they
// can be listed (a choice such as torch|uniform, a file for F, a folder for DIR, a lesson's
// name for LESSON).
std::string bash_completion();

}  // namespace gatelab::cli
