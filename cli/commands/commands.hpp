// The gatelab command: one function per subcommand, the table that lists them, and the entry
// point that picks one and turns every error a user can cause into one line on stderr and a
// non-zero exit status. The table is the one description of the commands: the usage text,
// each command's --help, the man page and the bash completion are made from it
// (commands/help_text.hpp, tools/gatelab_docs.cpp).
#pragma once

#include <boost/program_options.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gatelab::cli {

// What a command's --help shows after its name: the options (their caption is the synopsis
// and a sentence on what the command does) and the notes (examples, exit statuses).
struct CommandHelp {
  boost::program_options::options_description options;
  std::string notes;
};

struct Command {
  std::string_view name;
  const char* synopsis;                              // tr_later: what follows "gatelab NAME " in the usage
  const char* summary;                               // tr_later: what the command does, in a few words
  const char* description;                           // tr_later: what it does, in a sentence or two, for its --help
  int (*run)(const std::vector<std::string>& args);  // the arguments after its name; the exit status
  CommandHelp (*help)();
};

std::span<const Command> command_table();
const Command* find_command(std::string_view name);

// Each takes the arguments after its name and returns the exit status; each *_help gives what
// its --help shows.
int run_eval(const std::vector<std::string>& args);
int run_lessons(const std::vector<std::string>& args);
int run_lesson(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_train(const std::vector<std::string>& args);
int run_quiz(const std::vector<std::string>& args);
int run_site(const std::vector<std::string>& args);
CommandHelp eval_help();
CommandHelp lessons_help();
CommandHelp lesson_help();
CommandHelp check_help();
CommandHelp train_help();
CommandHelp quiz_help();
CommandHelp site_help();

// gatelab COMMAND ARGS...: argv without the program name.
int run_gatelab(const std::vector<std::string>& argv);

}  // namespace gatelab::cli
