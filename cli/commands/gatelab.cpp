// gatelab COMMAND: picks the command, and reports every error a user can cause as one line
// on stderr (a syntax error adds its line and a caret) with a non-zero exit status.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>

#include "commands/command_line.hpp"
#include "commands/commands.hpp"
#include "commands/help_text.hpp"
#include "commands/language.hpp"
#include "render/source_excerpt.hpp"
#include "render/terminal_text.hpp"
#include "run/location.hpp"

namespace gatelab::cli {

namespace {

int dispatch(const std::string& name, const std::vector<std::string>& args) {
  if (const Command* c = find_command(name)) return c->run(args);
  if (name == "--help" || name == "-h" || name == "help") {
    std::cout << usage_text();
    return exit_ok;
  }
  std::vector<std::string> names;
  for (const Command& c : command_table()) names.emplace_back(c.name);
  throw UsageError(trf("unknown command '{}' (the commands: {})", name, joined(names)));
}

// The status, once standard output is written whole; else one line and status 2 (a full
// disk: `gatelab eval ... > /dev/full`). A pipe closed early is no error (`gatelab ... |
// head -1`): the SIGPIPE ends gatelab quietly, or, where it is ignored, the rest is dropped.
int output_written(const std::string& who, int status) {
  std::cout.flush();
  if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return status;
  const int error = errno;
  struct stat st {};
  if (::fstat(STDOUT_FILENO, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) return status;
  std::cerr << who << ": " << trf("cannot write to standard output: {}", std::strerror(error)) << "\n";
  return exit_bad_input;
}

// `gatelab --lang zh lessons` as well as `gatelab lessons --lang zh`: a leading --lang is
// moved after the command's name.
std::vector<std::string> lang_after_command(std::vector<std::string> argv) {
  std::size_t n = 0;
  if (!argv.empty() && argv[0] == "--lang")
    n = std::min<std::size_t>(2, argv.size());
  else if (!argv.empty() && argv[0].rfind("--lang=", 0) == 0)
    n = 1;
  if (n && argv.size() == n) return {};  // `gatelab --lang zh`: no command, as `gatelab`
  if (n && argv.size() > n)
    std::rotate(argv.begin(), argv.begin() + static_cast<std::ptrdiff_t>(n),
                argv.begin() + static_cast<std::ptrdiff_t>(n) + 1);
  return argv;
}

}  // namespace

int run_gatelab(const std::vector<std::string>& arguments) {
  const TerminalGuard no_controls_reach_the_terminal;
  const std::vector<std::string> argv = lang_after_command(arguments);
  const std::string name = argv.empty() ? std::string() : argv.front();
  const bool known = find_command(name) != nullptr;
  const std::string who = known ? "gatelab " + name : "gatelab";
  try {
    choose_language(arguments);
    if (argv.empty()) {
      std::cerr << usage_text();
      return exit_bad_input;
    }
    return output_written(who, dispatch(name, {argv.begin() + 1, argv.end()}));
  } catch (const ProgramError& e) {
    const SourceExcerpt line = source_excerpt(e.source_line(), e.column());
    std::cerr << who << ": " << e.what() << "\n  " << line.text << "\n  " << std::string(line.caret, ' ') << "^\n";
  } catch (const UsageError& e) {
    std::cerr << who << ": " << e.what() << " " << trf("(see '{} --help')", who) << "\n";
  } catch (const Error& e) {
    std::cerr << who << ": " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << who << ": " << trf("internal error: {}", e.what()) << "\n";
    return exit_internal;
  }
  return exit_bad_input;
}

}  // namespace gatelab::cli
